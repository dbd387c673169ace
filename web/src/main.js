// The sitrep page: a hash router over three views (search, actor dossier, document).
import "./style.css";
import { get, enc } from "./api.js";
import { h, clear, actorHref, docHref } from "./dom.js";
import { renderActor } from "./actor.js";
import { renderDocument } from "./document.js";

const app = document.getElementById("app");
const form = document.getElementById("search-form");
const input = document.getElementById("search-input");

form.addEventListener("submit", (e) => {
  e.preventDefault();
  const q = input.value.trim();
  if (q) location.hash = `#/search?q=${enc(q)}`;
});

function parseHash() {
  const raw = location.hash.replace(/^#/, "") || "/";
  const [path, query = ""] = raw.split("?");
  return { parts: path.split("/").filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}

let generation = 0;
async function route() {
  const gen = ++generation;
  const { parts, params } = parseHash();
  const stale = () => gen !== generation;
  clear(app);
  document.body.dataset.view = parts[0] || "home";
  try {
    if (parts[0] === "actor" && parts[1]) await renderActor(app, parts[1], stale);
    else if (parts[0] === "doc" && parts[1]) await renderDocument(app, parts[1], params.get("fact"), stale);
    else if (parts[0] === "search") await renderSearch(app, params.get("q") || "", stale);
    else renderHome(app);
  } catch (err) {
    if (stale()) return;
    clear(app).append(h("div", { class: "error", role: "alert" }, err.message));
    if (err.body && err.body.candidates) {
      app.append(
        h("p", {}, "Did you mean:"),
        h("ul", {}, err.body.candidates.map((c) => h("li", {}, h("a", { href: actorHref(c.id) }, c.name), ` (${c.type}, ${c.mentions} mentions)`))),
      );
    }
  }
  if (!stale()) document.body.dataset.ready = document.body.dataset.view;
}

function renderHome(root) {
  root.append(
    h("section", { class: "home" },
      h("h1", {}, "Who did what to whom, when — and who said so"),
      h("p", {}, "Search for an actor (a person, organisation, armed group, state or place) or for words in the articles."),
    ),
  );
  input.focus();
}

async function renderSearch(root, q, stale) {
  input.value = q;
  root.append(h("h1", {}, `Search: ${q}`));
  const [actors, docs] = await Promise.all([
    get(`/api/actors?q=${enc(q)}&limit=20`).catch((e) => ({ error: e.message, actors: [] })),
    get(`/api/search?q=${enc(q)}&limit=30`).catch((e) => ({ error: e.message, hits: [], total: 0 })),
  ]);
  if (stale()) return;
  const actorList = h("ul", { class: "actor-results" },
    actors.actors.map((a) =>
      h("li", {},
        h("a", { href: actorHref(a.id), class: "actor-link", dataset: { type: a.type } }, a.name),
        h("span", { class: `type type-${a.type}` }, a.type),
        a.matched ? h("span", { class: "muted" }, ` also “${a.matched}”`) : null,
        h("span", { class: "muted" }, ` · ${a.mentions} mentions in ${a.documents} documents`),
      ),
    ),
  );
  const hits = h("ol", { class: "doc-results" },
    docs.hits.map((hit) =>
      h("li", {},
        h("a", { href: docHref(hit.document.id), class: "doc-link" }, hit.document.title || hit.document.source),
        h("span", { class: "muted" }, ` ${hit.document.published || ""}`),
        h("p", { class: "snippet" }, hit.snippet.map((p) => (p.hit ? h("mark", {}, p.text) : p.text))),
      ),
    ),
  );
  root.append(
    h("section", { class: "results" },
      h("h2", {}, `Actors (${actors.actors.length})`),
      actors.actors.length ? actorList : h("p", { class: "muted" }, actors.error || "No actor by that name."),
      h("h2", {}, `Articles (${docs.total})`),
      docs.hits.length ? hits : h("p", { class: "muted" }, docs.error || "No article contains these words."),
    ),
  );
}

async function showStats() {
  try {
    const s = await get("/api/stats");
    document.getElementById("stats").textContent =
      `${s.counts.documents} articles · ${s.counts.entities} actors · ${s.counts.events} events · ${s.counts.relations} relations`;
  } catch {
    /* the page works without the counts */
  }
}

window.addEventListener("hashchange", route);
route();
showStats();
