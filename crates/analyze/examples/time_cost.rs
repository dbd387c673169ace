//! Developer aid: the cost of time recognition per word, against segmentation alone, on a JSON
//! Lines corpus (`body`/`text` fields, `date` as the anchor).
//! `cargo run --release -p analyze --example time_cost -- CORPUS.jsonl [MAX_WORDS]`

use std::time::Instant;

use analyze::{text, time};
use chrono::NaiveDate;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: time_cost CORPUS.jsonl [MAX_WORDS]")?;
    let max: usize = args.next().map_or(Ok(200_000), |s| s.parse())?;
    let mut docs: Vec<(String, Option<NaiveDate>)> = Vec::new();
    let mut words = 0;
    for line in std::fs::read_to_string(&path)?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let body = v.get("body").or_else(|| v.get("text")).and_then(|b| b.as_str()).unwrap_or("");
        let date = v
            .get("date")
            .and_then(|d| d.as_str())
            .and_then(|d| d.get(..10))
            .and_then(|d| d.parse::<NaiveDate>().ok());
        words += body.split_whitespace().count();
        docs.push((body.to_string(), date));
        if words >= max {
            break;
        }
    }
    let segs: Vec<_> = docs.iter().map(|(t, _)| text::segment(t, &[])).collect();
    let mut best_seg = f64::MAX;
    let mut best_time = f64::MAX;
    let mut found = 0;
    for _ in 0..5 {
        let t0 = Instant::now();
        for (t, _) in &docs {
            std::hint::black_box(text::segment(t, &[]));
        }
        best_seg = best_seg.min(t0.elapsed().as_secs_f64());
        let t0 = Instant::now();
        found = 0;
        for ((t, d), s) in docs.iter().zip(&segs) {
            found += std::hint::black_box(time::recognize(t, s, *d)).len();
        }
        best_time = best_time.min(t0.elapsed().as_secs_f64());
    }
    println!(
        "{} docs, {words} words, {found} time expressions\nsegmentation {:.0} ns/word\ntime {:.0} ns/word ({:.1}% of a 5000 ns/word pipeline budget)",
        docs.len(),
        best_seg * 1e9 / words as f64,
        best_time * 1e9 / words as f64,
        best_time * 1e9 / words as f64 / 50.0
    );
    Ok(())
}
