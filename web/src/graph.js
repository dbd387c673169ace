// The ego-network graph (cytoscape): actors within two hops, edges typed (relation predicates and
// event categories) and coloured; clicking a node opens that actor.
import cytoscape from "cytoscape";
import { h, actorHref, TYPE_COLOURS, PREDICATE_COLOURS, categoryColour } from "./dom.js";

export function renderGraph(container, graph, centreId) {
  const elements = [];
  for (const n of graph.nodes) {
    elements.push({ data: { id: n.id, label: n.name, type: n.type, hops: n.hops, colour: TYPE_COLOURS[n.type] || "#888" } });
  }
  graph.edges.forEach((e, i) => {
    const colour = e.kind === "relation" ? PREDICATE_COLOURS[e.type] || "#999" : categoryColour(e.type);
    const when = e.first ? (e.last && e.last !== e.first ? `${e.first}–${e.last}` : e.first) : "";
    elements.push({
      data: { id: `e${i}`, source: e.source, target: e.target, kind: e.kind, type: e.type, colour, label: `${e.type}${e.count > 1 ? ` ×${e.count}` : ""}`, when },
    });
  });
  const box = h("div", { class: "graph-canvas", role: "img", "aria-label": "Ego-network graph" });
  container.append(box);
  const cy = cytoscape({
    container: box,
    elements,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: { "background-color": "data(colour)", label: "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3, width: 18, height: 18, color: "#222", "text-outline-color": "#fff", "text-outline-width": 2 } },
      { selector: `node[id = ${JSON.stringify(centreId)}]`, style: { width: 30, height: 30, "border-width": 3, "border-color": "#000", "font-weight": "bold" } },
      { selector: "edge", style: { width: 2, "line-color": "data(colour)", "target-arrow-color": "data(colour)", "curve-style": "bezier", label: "data(label)", "font-size": 8, color: "#444", "text-rotation": "autorotate", "text-background-color": "#fff", "text-background-opacity": 0.8 } },
      { selector: "edge[kind = 'relation']", style: { "line-style": "dashed", "target-arrow-shape": "triangle" } },
      { selector: "edge[kind = 'event']", style: { "target-arrow-shape": "vee" } },
    ],
    layout: {
      name: "concentric",
      concentric: (n) => 3 - n.data("hops"),
      levelWidth: () => 1,
      minNodeSpacing: 50,
      animate: false,
    },
  });
  cy.on("tap", "node", (evt) => {
    const id = evt.target.id();
    if (id !== centreId) location.hash = actorHref(id);
  });
  window.sitrepGraph = cy;
  // The same graph as a list, for keyboards, screen readers and tests.
  const byHop = [...graph.nodes].sort((a, b) => a.hops - b.hops || a.name.localeCompare(b.name));
  container.append(
    h("details", { class: "graph-list" },
      h("summary", {}, `${graph.nodes.length} actors, ${graph.edges.length} ties${graph.truncated ? " (weaker ties left out)" : ""}`),
      h("ul", { class: "graph-nodes" }, byHop.map((n) => h("li", { dataset: { hops: n.hops } }, h("a", { href: actorHref(n.id) }, n.name), ` · ${n.type} · ${n.hops} hop${n.hops === 1 ? "" : "s"}`))),
    ),
  );
  return cy;
}
