// The document page: the article with its mentions highlighted by type, and its events,
// relations and titles beside it. Clicking a fact highlights its evidence: the words that state
// it, its arguments, and its sentence. Spans are byte offsets into the UTF-8 text.
import { get, enc } from "./api.js";
import { h, actorHref, categoryColour, TYPE_COLOURS } from "./dom.js";

/** Maps byte offsets of the UTF-8 text to indices of the JS (UTF-16) string. */
function byteIndex(text) {
  const enc8 = new TextEncoder();
  const total = enc8.encode(text).length;
  const map = new Int32Array(total + 1);
  let b = 0;
  let u = 0;
  for (const ch of text) {
    const n = enc8.encode(ch).length;
    for (let k = 0; k < n; k++) map[b + k] = u;
    b += n;
    u += ch.length;
  }
  map[total] = u;
  return (byte) => map[Math.max(0, Math.min(total, byte))];
}

export async function renderDocument(root, id, factParam, stale) {
  const d = await get(`/api/documents/${enc(id)}`);
  if (stale()) return;
  document.title = `${d.title || d.source} · sitrep`;
  const at = byteIndex(d.text);
  const sentence = (i) => d.sentences[i];

  // Every fact: a label and the spans that are its evidence.
  const facts = [];
  const argSpans = (args) => (args || []).map((x) => ({ start: x.start, end: x.end }));
  d.events.forEach((e, i) => {
    const spans = [e.trigger, ...argSpans(e.actors), ...argSpans(e.recipients), ...argSpans(e.with), ...argSpans(e.places)];
    if (e.attribution) spans.push(e.attribution.evidence);
    facts.push({ key: `event:${d.event_ids[i] || i}`, kind: "event", e, spans, sentence: sentence(e.sentence) });
  });
  const entKey = (arg) => (arg.entity != null && d.entities[arg.entity] ? d.entities[arg.entity].key : null);
  d.relations.forEach((r, i) => {
    const rid = `${entKey(r.subject)}|${r.predicate}|${entKey(r.object)}`;
    facts.push({ key: `relation:${rid}`, alt: `relation#${i}`, kind: "relation", r, spans: [r.evidence, r.subject, r.object], sentence: sentence(r.sentence) });
  });
  d.titles.forEach((t, i) => {
    facts.push({ key: `title#${i}`, kind: "title", t, spans: [t.evidence], sentence: sentence(t.sentence) });
  });

  // Segment the text at every boundary so any span maps onto whole segments.
  const cuts = new Set([0, new TextEncoder().encode(d.text).length]);
  const addSpan = (s) => s && (cuts.add(s.start), cuts.add(s.end));
  d.mentions.forEach(addSpan);
  facts.forEach((f) => { f.spans.forEach(addSpan); addSpan(f.sentence); });
  const bounds = [...cuts].sort((x, y) => x - y);
  const segs = [];
  const article = h("div", { class: "article-text", lang: d.language || "en" });
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [s, e] = [bounds[i], bounds[i + 1]];
    const el = h("span", { class: "seg", dataset: { s, e } }, d.text.slice(at(s), at(e)));
    segs.push({ s, e, el });
    article.append(el);
  }
  const segsIn = (span) => {
    let lo = 0, hi = segs.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (segs[mid].s < span.start) lo = mid + 1; else hi = mid; }
    const out = [];
    for (let k = lo; k < segs.length && segs[k].e <= span.end; k++) out.push(segs[k]);
    return out;
  };
  d.mentions.forEach((m, i) => {
    const ent = m.entity != null ? d.entities[m.entity] : null;
    for (const sg of segsIn(m)) {
      sg.el.classList.add("m", `m-${m.label}`);
      sg.el.dataset.mention = i;
      sg.el.title = ent ? `${m.label} · ${ent.name}` : m.label;
      if (ent && ent.key) sg.el.dataset.entity = ent.key;
    }
  });
  article.addEventListener("click", (ev) => {
    const t = ev.target.closest("[data-entity]");
    if (t && !window.getSelection().toString()) location.hash = actorHref(t.dataset.entity);
  });

  const factEls = new Map();
  const select = (f) => {
    for (const sg of segs) sg.el.classList.remove("evidence", "evidence-sentence");
    for (const el of factEls.values()) el.classList.remove("active");
    if (f.sentence) segsIn(f.sentence).forEach((sg) => sg.el.classList.add("evidence-sentence"));
    f.spans.forEach((sp) => sp && segsIn(sp).forEach((sg) => sg.el.classList.add("evidence")));
    const el = factEls.get(f.key);
    if (el) el.classList.add("active");
    const first = article.querySelector(".evidence");
    if (first) first.scrollIntoView({ block: "center", behavior: "instant" });
  };
  const ents = (args) => (args || []).map((x) => (x.entity != null && d.entities[x.entity] ? d.entities[x.entity].name : x.text)).join(", ");
  const factItem = (f, body) => {
    const el = h("li", { class: `fact fact-${f.kind}`, tabindex: 0, dataset: { fact: f.key }, onclick: () => select(f), onkeydown: (ev) => ev.key === "Enter" && select(f) }, body);
    factEls.set(f.key, el);
    return el;
  };
  const eventsList = facts.filter((f) => f.kind === "event").map((f) => {
    const e = f.e;
    return factItem(f, [
      h("span", { class: "cat", style: `background:${categoryColour(e.category)}` }, e.category), e.mode ? ` ${e.mode}` : "",
      e.date ? h("span", { class: "muted" }, ` ${e.date.value}${e.date.approx ? " (approx.)" : ""}`) : "",
      h("div", {}, ents(e.actors), e.recipients.length ? ` → ${ents(e.recipients)}` : "", e.places && e.places.length ? ` in ${ents(e.places)}` : ""),
      e.modality !== "asserted" ? h("div", { class: "muted" }, e.modality) : null,
      e.attribution && e.attribution.source ? h("div", { class: "muted" }, `according to ${ents([e.attribution.source])}`) : null,
    ]);
  });
  const relList = facts.filter((f) => f.kind === "relation").map((f) =>
    factItem(f, [ents([f.r.subject]), " ", h("code", {}, f.r.predicate), " ", ents([f.r.object]), f.r.title ? ` (${f.r.title})` : ""]));
  const titleList = facts.filter((f) => f.kind === "title").map((f) =>
    factItem(f, [d.entities[f.t.person] ? d.entities[f.t.person].name : "?", ": ", f.t.title]));

  root.append(
    h("div", { class: "doc-layout" },
      h("article", { class: "panel" },
        h("h1", { class: "doc-title" }, d.title || d.source),
        h("p", { class: "muted" }, [d.published, d.source, d.url ? h("a", { href: d.url, rel: "noreferrer" }, d.url) : null].filter(Boolean).flatMap((x, i) => (i ? [" · ", x] : [x]))),
        h("p", { class: "legend" }, Object.keys(TYPE_COLOURS).map((t) => h("span", { class: `m m-${t}` }, t))),
        article,
      ),
      h("aside", { class: "panel facts" },
        h("h2", {}, `Events (${eventsList.length})`), eventsList.length ? h("ul", { class: "fact-list events" }, eventsList) : h("p", { class: "muted" }, "None found."),
        h("h2", {}, `Relations (${relList.length})`), relList.length ? h("ul", { class: "fact-list relations" }, relList) : h("p", { class: "muted" }, "None found."),
        h("h2", {}, `Titles (${titleList.length})`), titleList.length ? h("ul", { class: "fact-list titles" }, titleList) : h("p", { class: "muted" }, "None found."),
        h("p", { class: "muted" }, "Click a fact to highlight its evidence."),
      ),
    ),
  );
  if (factParam) {
    const f = facts.find((x) => x.key === factParam || x.alt === factParam);
    if (f) select(f);
  }
}
