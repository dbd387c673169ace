// Builds a basemap (GeoJSON FeatureCollection of simplified country outlines) from a folder of
// countryinfo JSON files (../shared/data/gazetteer/countryinfo), for `sitrep serve --basemap`
// until the gazetteer serves its own outlines. Coordinates are rounded to 0.05 degree and
// repeated points dropped. Usage: node tests/basemap.mjs DIR > basemap.geojson
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node tests/basemap.mjs COUNTRYINFO_DIR > basemap.geojson");
  process.exit(2);
}
// countryinfo stores its GeoJSON as a Python literal: turn it into JSON.
const pyToJson = (s) => s.replace(/'/g, '"').replace(/\bNone\b/g, "null").replace(/\bTrue\b/g, "true").replace(/\bFalse\b/g, "false");
const round = (x) => Math.round(x * 20) / 20;
function simplifyRing(ring) {
  const out = [];
  for (const [x, y] of ring) {
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length && (out[0][0] !== out[out.length - 1][0] || out[0][1] !== out[out.length - 1][1])) out.push(out[0]);
  return out.length >= 4 ? out : null;
}
function simplify(geom) {
  if (geom.type === "Polygon") {
    const rings = geom.coordinates.map(simplifyRing).filter(Boolean);
    return rings.length ? { type: "Polygon", coordinates: rings } : null;
  }
  if (geom.type === "MultiPolygon") {
    const polys = geom.coordinates.map((p) => p.map(simplifyRing).filter(Boolean)).filter((p) => p.length);
    return polys.length ? { type: "MultiPolygon", coordinates: polys } : null;
  }
  return null;
}
const features = [];
for (const file of readdirSync(dir).sort()) {
  if (!file.endsWith(".json")) continue;
  try {
    const c = JSON.parse(readFileSync(join(dir, file), "utf8"));
    if (!c.geoJSON) continue;
    const gj = typeof c.geoJSON === "string" ? JSON.parse(pyToJson(c.geoJSON)) : c.geoJSON;
    for (const f of gj.features || []) {
      const geometry = f.geometry && simplify(f.geometry);
      if (geometry) features.push({ type: "Feature", id: f.id, properties: { name: c.name }, geometry });
    }
  } catch (e) {
    console.error(`${file}: skipped (${e.message})`);
  }
}
process.stdout.write(JSON.stringify({ type: "FeatureCollection", features }));
console.error(`basemap: ${features.length} country outlines`);
