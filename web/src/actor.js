// The actor page: the dossier, an ego-network graph, a timeline of events and a map of their
// places. Every fact links to the article sentence it was read in.
import { get, enc } from "./api.js";
import { h, actorHref, docHref, categoryColour } from "./dom.js";
import { renderGraph } from "./graph.js";
import { renderTimeline } from "./timeline.js";
import { renderMap } from "./map.js";

const named = (n) => (n.id ? h("a", { href: actorHref(n.id) }, n.name) : h("span", {}, n.name));
const joinNamed = (list) => list.flatMap((n, i) => (i ? [", ", named(n)] : [named(n)]));

function sources(list, fact) {
  return h("span", { class: "sources" },
    list.map((s, i) => h("a", { href: docHref(s.document, fact), title: s.text, class: "source-link" }, `[${i + 1}]`)));
}

function table(headers, rows, cls) {
  if (!rows.length) return h("p", { class: "muted" }, "None found.");
  return h("table", { class: cls }, h("thead", {}, h("tr", {}, headers.map((x) => h("th", {}, x)))), h("tbody", {}, rows));
}

export async function renderActor(root, id, stale) {
  const d = await get(`/api/actors/${enc(id)}?limit=200`);
  if (stale()) return;
  const a = d.actor;
  document.title = `${a.name} · sitrep`;
  const evidence = h("div", { class: "evidence-panel", "aria-live": "polite" }, h("p", { class: "muted" }, "Click an event on the timeline to see its sources."));
  const showEvent = (e) => {
    evidence.replaceChildren(
      h("h3", {}, `${e.date || "undated"} · `, h("span", { style: `color:${categoryColour(e.category)}` }, e.category), e.mode ? ` (${e.mode})` : ""),
      h("p", {}, joinNamed(e.actors), e.recipients.length ? [" → ", joinNamed(e.recipients)] : "", e.place ? [" in ", named(e.place)] : ""),
      h("ul", { class: "event-sources" }, e.sources.map((s) => h("li", {}, h("q", {}, s.text), " ", h("a", { href: docHref(s.document, `event:${e.id}`), class: "source-link" }, s.title || s.document), s.published ? ` (${s.published})` : ""))),
    );
  };

  const graphBox = h("div", { class: "panel graph" }, h("h2", {}, "Network (two hops)"));
  const mapBox = h("div", { class: "panel map" }, h("h2", {}, "Places of events"));
  const timelineBox = h("div", { class: "panel timeline" }, h("h2", {}, `Timeline (${d.events.length} of ${d.events_total} events)`));
  const aliases = d.aliases.filter((x) => x.kind === "name").map((x) => x.alias).filter((x) => x !== a.name);
  const descriptions = d.aliases.filter((x) => x.kind === "description").map((x) => x.alias);

  root.append(
    h("section", { class: "dossier-head" },
      h("h1", { class: "actor-name" }, a.name, " ", h("span", { class: `type type-${a.type}` }, a.type), a.kind ? h("span", { class: "muted" }, ` ${a.kind}`) : null),
      h("p", { class: "muted" }, `${a.mentions} mentions in ${a.documents} documents · first seen ${a.first_seen || "–"} · last seen ${a.last_seen || "–"} · id ${a.id}`),
      aliases.length ? h("p", {}, h("b", {}, "Also: "), aliases.join("; ")) : null,
      descriptions.length ? h("p", {}, h("b", {}, "Described as: "), descriptions.join("; ")) : null,
    ),
    h("div", { class: "two" }, graphBox, mapBox),
    timelineBox,
    evidence,
    h("section", { class: "panel" }, h("h2", {}, "Titles"),
      table(["title", "of", "first seen", "last seen", "reports", "sources"], d.titles.map((t) =>
        h("tr", {}, h("td", {}, t.title), h("td", {}, t.of ? named(t.of) : ""), h("td", {}, t.first_seen || ""), h("td", {}, t.last_seen || ""), h("td", {}, t.reports), h("td", {}, sources(t.sources)))), "titles")),
    h("section", { class: "panel" }, h("h2", {}, "Standing relations"),
      table(["subject", "relation", "object", "valid", "reports", "sources"], d.relations.map((r) =>
        h("tr", {}, h("td", {}, named(r.subject)), h("td", {}, h("code", {}, r.predicate), r.title ? ` (${r.title})` : ""), h("td", {}, named(r.object)),
          h("td", {}, [r.valid_from, r.valid_to].filter(Boolean).join(" – ")), h("td", {}, r.reports), h("td", {}, sources(r.sources, `relation:${r.id}`)))), "relations")),
    h("section", { class: "panel" }, h("h2", {}, `Events (${d.events.length} of ${d.events_total}, in date order)`),
      table(["date", "category", "actors", "recipients", "place", "reports", "sources"], d.events.map((e) =>
        h("tr", { dataset: { event: e.id } }, h("td", {}, e.date || "undated"), h("td", {}, h("span", { class: "cat", style: `background:${categoryColour(e.category)}` }, e.category), e.mode ? ` ${e.mode}` : ""),
          h("td", {}, joinNamed(e.actors)), h("td", {}, joinNamed(e.recipients)), h("td", {}, e.place ? named(e.place) : ""), h("td", {}, e.reports), h("td", {}, sources(e.sources, `event:${e.id}`)))), "events")),
    h("div", { class: "two" },
      h("section", { class: "panel" }, h("h2", {}, "Most often met"), coList(d.met)),
      h("section", { class: "panel" }, h("h2", {}, "Most often fought"), coList(d.fought)),
    ),
    h("section", { class: "panel" }, h("h2", {}, `Documents (${d.documents.length} of ${d.documents_total})`),
      h("ul", { class: "documents" }, d.documents.map((doc) => h("li", {}, h("a", { href: docHref(doc.id), class: "doc-link" }, doc.title || doc.source), h("span", { class: "muted" }, ` ${doc.published || ""} · ${doc.mentions} mentions`))))),
  );

  renderTimeline(timelineBox, d.events, showEvent);
  const [graph] = await Promise.all([
    get(`/api/actors/${enc(a.id)}/graph?hops=2&limit=25`),
    renderMap(mapBox, d.events),
  ]);
  if (stale()) return;
  renderGraph(graphBox, graph, a.id);
}

function coList(list) {
  if (!list.length) return h("p", { class: "muted" }, "None found.");
  return h("ol", {}, list.map((c) => h("li", {}, named(c.actor), h("span", { class: "muted" }, ` · ${c.events} event${c.events === 1 ? "" : "s"}${c.last ? `, last ${c.last}` : ""}`))));
}
