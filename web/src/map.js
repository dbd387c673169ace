// A map of the events' places: an offline basemap of country outlines (GeoJSON from the
// server's gazetteer; no tile server) drawn with d3-geo, places as dots sized by their events.
// Wheel or drag to zoom and pan.
import { select } from "d3-selection";
import { geoNaturalEarth1, geoPath, geoGraticule10 } from "d3-geo";
import { zoom } from "d3-zoom";
import { get } from "./api.js";

let basemap = null;

export async function renderMap(container, events) {
  if (!basemap) basemap = await get("/api/basemap").catch(() => ({ type: "FeatureCollection", features: [] }));
  const places = new Map();
  for (const e of events) {
    const p = e.place;
    if (!p || p.lat == null || p.lon == null) continue;
    const cur = places.get(p.id) || { ...p, events: 0 };
    cur.events += 1;
    places.set(p.id, cur);
  }
  const width = Math.max(320, container.clientWidth || 480);
  const height = Math.round(width * 0.6);
  const projection = geoNaturalEarth1();
  const pts = [...places.values()];
  if (pts.length) {
    const lons = pts.map((p) => p.lon), lats = pts.map((p) => p.lat);
    const padLon = Math.max(8, (Math.max(...lons) - Math.min(...lons)) * 0.3);
    const padLat = Math.max(6, (Math.max(...lats) - Math.min(...lats)) * 0.3);
    const box = {
      type: "MultiPoint",
      coordinates: [
        [Math.max(-180, Math.min(...lons) - padLon), Math.max(-85, Math.min(...lats) - padLat)],
        [Math.min(180, Math.max(...lons) + padLon), Math.min(85, Math.max(...lats) + padLat)],
      ],
    };
    projection.fitExtent([[10, 10], [width - 10, height - 10]], box);
  } else {
    projection.fitExtent([[10, 10], [width - 10, height - 10]], { type: "Sphere" });
  }
  const path = geoPath(projection);
  const svg = select(container).append("svg").attr("class", "map-svg").attr("width", width).attr("height", height).attr("role", "img").attr("aria-label", "Map of event places");
  const g = svg.append("g");
  g.append("path").datum({ type: "Sphere" }).attr("class", "sphere").attr("d", path);
  g.append("path").datum(geoGraticule10()).attr("class", "graticule").attr("d", path);
  g.selectAll("path.country").data(basemap.features || []).join("path").attr("class", "country").attr("d", path)
    .append("title").text((f) => (f.properties && f.properties.name) || "");
  const marks = g.selectAll("g.place").data(pts).join("g").attr("class", "place").attr("data-name", (p) => p.name)
    .attr("transform", (p) => `translate(${projection([p.lon, p.lat])})`);
  marks.append("circle").attr("r", (p) => 4 + Math.sqrt(p.events) * 3);
  marks.append("text").attr("class", "place-label").attr("x", 9).attr("y", 4).text((p) => p.name);
  marks.append("title").text((p) => `${p.name}: ${p.events} event${p.events === 1 ? "" : "s"}`);
  svg.call(zoom().scaleExtent([0.5, 40]).on("zoom", (ev) => {
    g.attr("transform", ev.transform);
    marks.attr("transform", (p) => `translate(${projection([p.lon, p.lat])}) scale(${1 / ev.transform.k})`);
  }));
  if (!(basemap.features || []).length) {
    container.append(Object.assign(document.createElement("p"), { className: "muted", textContent: "No country outlines were given to this server; places are shown on a bare graticule." }));
  }
  if (!pts.length) {
    container.append(Object.assign(document.createElement("p"), { className: "muted", textContent: "No event of this actor has a place with coordinates." }));
  }
}
