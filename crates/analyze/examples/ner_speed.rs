//! Timing harness for segmentation + entity recognition on a JSON Lines corpus (`title`,
//! `body`): model load time, words per second on one thread, peak resident memory.
//!
//! `cargo run --release -p analyze --example ner_speed -- ../shared/data/news/reuters21578/articles.jsonl`

use std::time::Instant;

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// CPU time of this thread in seconds (from /proc, so that a busy machine does not distort it).
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: ner_speed CORPUS.jsonl [MAX_DOCS]")?;
    let max: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(usize::MAX);
    let text = std::fs::read_to_string(&path)?;
    let mut docs = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()).take(max) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let title = v.get("title").and_then(|x| x.as_str()).unwrap_or("");
        let body = v.get("body").and_then(|x| x.as_str()).unwrap_or("");
        docs.push(format!("{title}\n\n{body}"));
    }
    drop(text);
    let words: usize = docs.iter().map(|d| d.split_whitespace().count()).sum();

    let t = Instant::now();
    let rec = analyze::ner::Recognizer::embedded()?;
    let load = t.elapsed().as_secs_f64();

    let c = cpu_seconds();
    let t = Instant::now();
    let mut tokens = 0usize;
    for d in &docs {
        let seg = analyze::text::segment(d, &[]);
        tokens += seg.tokens.len();
    }
    let seg_s = t.elapsed().as_secs_f64();
    let seg_cpu = cpu_seconds().zip(c).map(|(a, b)| a - b);
    let c = cpu_seconds();

    let t = Instant::now();
    let mut mentions = 0usize;
    for d in &docs {
        let seg = analyze::text::segment(d, &[]);
        mentions += rec.recognize(d, &seg).len();
    }
    let all_s = t.elapsed().as_secs_f64();
    let all_cpu = cpu_seconds().zip(c).map(|(a, b)| a - b);
    println!("documents {} words {words} tokens {tokens} mentions {mentions}", docs.len());
    println!("model load {load:.3}s");
    println!("segmentation only: {:.0} words/s", words as f64 / seg_s);
    println!(
        "segmentation + NER: {:.0} words/s ({:.2} us/word)",
        words as f64 / all_s,
        all_s * 1e6 / words as f64
    );
    if let (Some(s), Some(a)) = (seg_cpu, all_cpu) {
        println!(
            "CPU time: segmentation {:.0} words/s; segmentation + NER {:.0} words/s ({:.2} us/word)",
            words as f64 / s,
            words as f64 / a,
            a * 1e6 / words as f64
        );
    }
    if let Some(mb) = peak_rss_mb() {
        println!("peak RSS {mb:.0} MB (includes the corpus held in memory)");
    }
    Ok(())
}
