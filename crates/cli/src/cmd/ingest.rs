//! `sitrep ingest PATH...`: read, analyse and store articles, on every core.
//!
//! Prints a progress bar on a terminal (nothing when stderr is not one), each failed article's
//! source and reason on stderr, and a summary on stdout (`--json`: one JSON object).
//! Exit status: 0 when every article was stored, already present or skipped; 1 when any failed.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use analyze::Analyzer;
use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use pipeline::{ArticleOutcome, IngestOptions, IngestReport};
use store::Store;

use super::{ExtractArgs, extract_options};

#[derive(clap::Args)]
pub struct Args {
    /// Files or folders (walked recursively): .txt, .html, .jsonl, RSS/Atom feeds.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    extract: ExtractArgs,
    /// Worker threads (default: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Print the summary as one JSON object.
    #[arg(long)]
    json: bool,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    for p in &args.paths {
        if !p.exists() {
            anyhow::bail!("{}: no such file or directory", p.display());
        }
    }
    let analyzer = Analyzer::embedded().context("loading the embedded models")?;
    let mut store = Store::open(db)?;
    let opts = IngestOptions { extract: extract_options(&args.extract)?, threads: args.threads };

    let bar = progress_bar();
    let mut seen = IngestReport::default();
    let mut on_outcome = |o: &ArticleOutcome| {
        match o {
            ArticleOutcome::Stored { words, .. } => {
                seen.stored += 1;
                seen.words += *words as u64;
            }
            ArticleOutcome::Duplicate { .. } => seen.duplicates += 1,
            ArticleOutcome::Skipped { .. } => seen.skipped += 1,
            ArticleOutcome::Failed { source, reason } => {
                seen.failed += 1;
                let line = if reason.contains(source.as_str()) {
                    format!("failed: {reason}")
                } else {
                    format!("failed: {source}: {reason}")
                };
                bar.suspend(|| eprintln!("sitrep: {line}"));
            }
        }
        bar.inc(1);
        bar.set_message(format!(
            "stored {} · already stored {} · skipped {} · failed {}",
            seen.stored, seen.duplicates, seen.skipped, seen.failed
        ));
    };
    let report = pipeline::ingest(&args.paths, &mut store, &analyzer, &opts, &mut on_outcome)?;
    bar.finish_and_clear();
    let counts = store.counts()?;

    let wps = report.words as f64 / report.elapsed.as_secs_f64().max(1e-9);
    if args.json {
        let v = serde_json::json!({
            "stored": report.stored,
            "already_stored": report.duplicates,
            "skipped": report.skipped,
            "failed": report.failed,
            "words": report.words,
            "seconds": (report.elapsed.as_secs_f64() * 1000.0).round() / 1000.0,
            "skip_reasons": report.skip_reasons.iter().map(|(r, n)| serde_json::json!({"reason": r, "count": n})).collect::<Vec<_>>(),
            "store": counts,
        });
        println!("{v}");
    } else {
        println!(
            "{} stored, {} already stored, {} skipped, {} failed ({} words in {:.1}s, {:.0} words/s)",
            report.stored,
            report.duplicates,
            report.skipped,
            report.failed,
            report.words,
            report.elapsed.as_secs_f64(),
            wps
        );
        for (reason, n) in &report.skip_reasons {
            println!("  skipped {n}: {reason}");
        }
        println!(
            "store {}: {} documents, {} mentions, {} entities, {} events, {} relations",
            db.display(),
            counts.documents,
            counts.mentions,
            counts.entities,
            counts.events,
            counts.relations
        );
        let top = store.top_entities(12)?;
        if !top.is_empty() {
            println!("most mentioned:");
            for e in top {
                println!(
                    "  {:<7} {:<40} {:>6} mentions in {} documents",
                    e.etype, e.name, e.mentions, e.documents
                );
            }
        }
        let cats = store.event_categories()?;
        if !cats.is_empty() {
            println!("events by category:");
            for (cat, n, reports) in cats {
                println!("  {cat:<10} {n:>6} events, {reports} reports");
            }
        }
    }
    Ok(if report.failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos} articles  {per_sec}  {elapsed}  {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}
