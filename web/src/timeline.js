// A zoomable timeline (d3): one lane per PLOVER category, each event a dot (a day) or a bar (a
// longer span), coloured by category. Wheel or drag to zoom and pan; click an event for its
// evidence.
import { select } from "d3-selection";
import { scaleUtc } from "d3-scale";
import { axisBottom } from "d3-axis";
import { zoom } from "d3-zoom";
import { categoryColour } from "./dom.js";
import { dateBounds, DAY } from "./dates.js";

export function renderTimeline(container, events, onSelect) {
  const items = events
    .map((e) => ({ e, b: dateBounds(e.date) }))
    .filter((x) => x.b);
  if (!items.length) {
    container.append(Object.assign(document.createElement("p"), { className: "muted", textContent: "No dated events." }));
    return;
  }
  const lanes = [...new Set(items.map((x) => x.e.category))].sort();
  const margin = { left: 92, right: 16, top: 8, bottom: 24 };
  const width = Math.max(480, (container.clientWidth || 900) - 32);
  const laneH = 26;
  const height = margin.top + margin.bottom + lanes.length * laneH;
  let lo = Math.min(...items.map((x) => x.b[0]));
  let hi = Math.max(...items.map((x) => x.b[1] + DAY));
  const pad = Math.max((hi - lo) * 0.05, 15 * DAY);
  const x = scaleUtc().domain([new Date(lo - pad), new Date(hi + pad)]).range([margin.left, width - margin.right]);

  const svg = select(container).append("svg").attr("class", "timeline-svg").attr("width", width).attr("height", height).attr("role", "img").attr("aria-label", "Timeline of events");
  svg.append("defs").append("clipPath").attr("id", "tl-clip").append("rect").attr("x", margin.left).attr("y", 0).attr("width", width - margin.left - margin.right).attr("height", height);
  lanes.forEach((c, i) => {
    const y = margin.top + i * laneH;
    svg.append("rect").attr("class", "lane").attr("x", margin.left).attr("y", y).attr("width", width - margin.left - margin.right).attr("height", laneH).attr("fill", i % 2 ? "#fafafa" : "#f2f2f2");
    svg.append("text").attr("class", "lane-label").attr("x", margin.left - 6).attr("y", y + laneH / 2 + 4).attr("text-anchor", "end").attr("fill", categoryColour(c)).text(c);
  });
  const axisG = svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - margin.bottom})`);
  const g = svg.append("g").attr("clip-path", "url(#tl-clip)");
  const nodes = g.selectAll("g.tl-item").data(items).join("g")
    .attr("class", "tl-item")
    .attr("tabindex", 0)
    .attr("data-date", (d) => d.e.date)
    .attr("data-category", (d) => d.e.category)
    .attr("data-event", (d) => d.e.id)
    .on("click", (ev, d) => onSelect(d.e))
    .on("keydown", (ev, d) => { if (ev.key === "Enter") onSelect(d.e); });
  nodes.append("title").text((d) => `${d.e.date} ${d.e.category}${d.e.mode ? ` (${d.e.mode})` : ""}: ${d.e.actors.map((a) => a.name).join(", ")}${d.e.recipients.length ? ` → ${d.e.recipients.map((a) => a.name).join(", ")}` : ""}${d.e.place ? ` in ${d.e.place.name}` : ""}`);
  const shapes = nodes.append((d) => document.createElementNS("http://www.w3.org/2000/svg", d.b[0] === d.b[1] ? "circle" : "rect"))
    .attr("fill", (d) => categoryColour(d.e.category))
    .attr("stroke", "#fff");

  function draw(scale) {
    axisG.call(axisBottom(scale).ticks(Math.max(2, Math.floor(width / 110))));
    shapes.each(function (d) {
      const y = margin.top + lanes.indexOf(d.e.category) * laneH;
      const el = select(this);
      if (d.b[0] === d.b[1]) {
        el.attr("cx", scale(new Date(d.b[0] + DAY / 2))).attr("cy", y + laneH / 2).attr("r", 6);
      } else {
        const x0 = scale(new Date(d.b[0]));
        const x1 = scale(new Date(d.b[1] + DAY));
        el.attr("x", x0).attr("width", Math.max(4, x1 - x0)).attr("y", y + 6).attr("height", laneH - 12).attr("rx", 3).attr("opacity", 0.75);
      }
    });
  }
  draw(x);
  svg.call(zoom().scaleExtent([0.5, 5000]).translateExtent([[-width * 4, 0], [width * 5, height]]).on("zoom", (ev) => draw(ev.transform.rescaleX(x))));
}
