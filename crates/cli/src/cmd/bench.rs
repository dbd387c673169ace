//! `sitrep bench CORPUS.jsonl`: the whole pipeline on one thread; words per second (median of
//! runs), per-stage time, model load time and peak resident memory. Last line: one JSON object.

use std::path::PathBuf;
use std::process::ExitCode;

use pipeline::BenchOptions;

#[derive(clap::Args)]
pub struct Args {
    /// A JSON Lines corpus (`title`, `body` or `text`).
    corpus: PathBuf,
    /// Take articles until this many whitespace words (as the spaCy anchor does).
    #[arg(long, default_value_t = 200_000)]
    max_words: usize,
    /// Timed runs; the median is reported.
    #[arg(long, default_value_t = 3)]
    runs: usize,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let opts = BenchOptions { max_words: args.max_words, runs: args.runs };
    let r = pipeline::bench(&args.corpus, &opts).map_err(anyhow::Error::msg)?;
    println!(
        "# sitrep bench: {} articles, {} words, {} runs, one thread",
        r.articles, r.words, r.runs
    );
    println!(
        "whole pipeline      {:>12.0} words/s  ({:.0} words/s of CPU time)",
        r.words_per_second, r.cpu_words_per_second
    );
    println!(
        "through entities    {:>12.0} words/s  ({:.0} words/s of CPU time)",
        r.through_entities_wps, r.cpu_through_entities_wps
    );
    let total: f64 = r.stage_seconds.iter().map(|(_, s)| s).sum();
    for (stage, secs) in &r.stage_seconds {
        let share = if total > 0.0 { 100.0 * secs / total } else { 0.0 };
        println!("  {stage:<16} {secs:>8.3}s {share:>5.1}%");
    }
    println!("extraction          {:>12.0} words/s", r.extract_wps);
    println!("model load          {:>12.3} s", r.model_load_seconds);
    if let Some(rss) = r.peak_rss_bytes {
        println!("peak resident       {:>12.1} MB", rss as f64 / 1e6);
    }
    println!(
        "found               {} mentions, {} time expressions, {} events",
        r.mentions, r.timexes, r.events
    );
    let mut v = serde_json::to_value(&r)?;
    if let Some(o) = v.as_object_mut() {
        o.insert("task".into(), "bench".into());
        o.insert("words_per_second".into(), serde_json::json!(r.words_per_second.round()));
        o.insert("through_entities_wps".into(), serde_json::json!(r.through_entities_wps.round()));
        o.insert("cpu_words_per_second".into(), serde_json::json!(r.cpu_words_per_second.round()));
        o.insert(
            "cpu_through_entities_wps".into(),
            serde_json::json!(r.cpu_through_entities_wps.round()),
        );
    }
    println!("{v}");
    Ok(ExitCode::SUCCESS)
}
