//! Simplification of country outlines for the web map: Douglas-Peucker on each ring, rings that
//! collapse dropped, coordinates rounded. Pure; used by the builder.

use serde_json::{Value, json};

/// Simplifies a GeoJSON `Polygon` or `MultiPolygon` geometry. `tolerance` is in degrees;
/// coordinates are rounded to `decimals` places. `None` when nothing is left.
pub fn simplify_geometry(geom: &Value, tolerance: f64, decimals: i32) -> Option<Value> {
    let kind = geom.get("type")?.as_str()?;
    let coords = geom.get("coordinates")?;
    let polygons: Vec<&Value> = match kind {
        "Polygon" => vec![coords],
        "MultiPolygon" => coords.as_array()?.iter().collect(),
        _ => return None,
    };
    let mut out: Vec<Vec<Vec<[f64; 2]>>> = Vec::new();
    for poly in polygons {
        let mut rings = Vec::new();
        for (i, ring) in poly.as_array()?.iter().enumerate() {
            let pts: Vec<[f64; 2]> = ring
                .as_array()?
                .iter()
                .filter_map(|p| Some([p.get(0)?.as_f64()?, p.get(1)?.as_f64()?]))
                .collect();
            let simple = simplify_ring(&pts, tolerance, decimals);
            if simple.len() >= 4 {
                rings.push(simple);
            } else if i == 0 {
                break; // the outer ring collapsed: drop the polygon (a small island)
            }
        }
        if !rings.is_empty() {
            out.push(rings);
        }
    }
    match out.len() {
        0 => None,
        1 => Some(json!({"type": "Polygon", "coordinates": out.remove(0)})),
        _ => Some(json!({"type": "MultiPolygon", "coordinates": out})),
    }
}

/// One closed ring, simplified and rounded; consecutive duplicates removed.
pub fn simplify_ring(pts: &[[f64; 2]], tolerance: f64, decimals: i32) -> Vec<[f64; 2]> {
    if pts.len() < 4 {
        return Vec::new();
    }
    let mut keep = vec![false; pts.len()];
    keep[0] = true;
    keep[pts.len() - 1] = true;
    // Split the closed ring at its farthest point from the start so both halves simplify well.
    let far = (1..pts.len() - 1)
        .max_by(|&a, &b| dist2(pts[0], pts[a]).total_cmp(&dist2(pts[0], pts[b])))
        .unwrap_or(0);
    keep[far] = true;
    douglas_peucker(pts, 0, far, tolerance, &mut keep);
    douglas_peucker(pts, far, pts.len() - 1, tolerance, &mut keep);
    let scale = 10f64.powi(decimals);
    let mut out: Vec<[f64; 2]> = Vec::new();
    for (p, k) in pts.iter().zip(&keep) {
        if *k {
            let q = [(p[0] * scale).round() / scale, (p[1] * scale).round() / scale];
            if out.last() != Some(&q) {
                out.push(q);
            }
        }
    }
    if out.len() >= 2 && out.first() != out.last() {
        let first = out[0];
        out.push(first);
    }
    out
}

fn dist2(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)
}

fn seg_dist(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    if len2 == 0.0 {
        return dist2(p, a).sqrt();
    }
    let t = (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0);
    dist2(p, [a[0] + t * dx, a[1] + t * dy]).sqrt()
}

fn douglas_peucker(pts: &[[f64; 2]], a: usize, b: usize, tol: f64, keep: &mut [bool]) {
    // Iterative, to bound the stack on long rings.
    let mut stack = vec![(a, b)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (mut best, mut idx) = (0.0, a);
        for (i, p) in pts.iter().enumerate().take(b).skip(a + 1) {
            let d = seg_dist(*p, pts[a], pts[b]);
            if d > best {
                best = d;
                idx = i;
            }
        }
        if best > tol {
            keep[idx] = true;
            stack.push((a, idx));
            stack.push((idx, b));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn straight_runs_collapse_and_rings_stay_closed() {
        let square: Vec<[f64; 2]> =
            vec![[0.0, 0.0], [0.5, 0.0001], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]];
        let s = simplify_ring(&square, 0.01, 3);
        assert_eq!(s, vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]);
        let tiny = vec![[0.0, 0.0], [0.001, 0.0], [0.001, 0.001], [0.0, 0.0]];
        assert!(simplify_ring(&tiny, 0.01, 2).len() < 4);
    }

    #[test]
    fn multipolygons_drop_collapsed_islands() {
        let g = json!({"type": "MultiPolygon", "coordinates": [
            [[[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0], [0.0, 0.0]]],
            [[[5.0, 5.0], [5.001, 5.0], [5.001, 5.001], [5.0, 5.0]]]
        ]});
        let s = simplify_geometry(&g, 0.05, 2).expect("kept");
        assert_eq!(s["type"], "Polygon");
        assert!(simplify_geometry(&json!({"type": "Point"}), 0.05, 2).is_none());
    }
}
