//! `sitrep bench-queries`: latency of the analyst queries on the store, single-threaded: the
//! actor dossier over a sample of actors spread across the mention ranking, full-text search
//! over words from their names, the ego graph and the timeline. Prints p50/p99/max per query and
//! one JSON object on the last line.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use store::{Bucket, Store};

#[derive(clap::Args)]
pub struct Args {
    /// Actors to sample.
    #[arg(long, default_value_t = 200)]
    actors: usize,
    /// Timed runs over the sample (after one warm-up run).
    #[arg(long, default_value_t = 3)]
    runs: usize,
}

/// Milliseconds at a quantile of sorted samples (nearest rank).
fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

struct Figures {
    name: &'static str,
    ms: Vec<f64>,
}

impl Figures {
    fn line(&mut self) -> (String, serde_json::Value) {
        self.ms.sort_by(f64::total_cmp);
        let (p50, p99, max) =
            (quantile(&self.ms, 0.5), quantile(&self.ms, 0.99), quantile(&self.ms, 1.0));
        println!("{:<14} {:>7} {:>9.2} {:>9.2} {:>9.2}", self.name, self.ms.len(), p50, p99, max);
        (
            self.name.to_string(),
            serde_json::json!({"n": self.ms.len(), "p50_ms": p50, "p99_ms": p99, "max_ms": max}),
        )
    }
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(db)?;
    let counts = store.counts()?;
    let ids = store.sample_actor_ids(args.actors.max(1)).context("sampling actors")?;
    if ids.is_empty() {
        anyhow::bail!("the store has no entities: ingest articles first");
    }
    // Search words: the last word of each sampled name (surnames, place names).
    let words: Vec<String> = ids
        .iter()
        .filter_map(|id| store.actor_by_id(id).ok().flatten())
        .filter_map(|a| a.name.split_whitespace().last().map(str::to_string))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let mut fig = [
        Figures { name: "dossier", ms: vec![] },
        Figures { name: "search", ms: vec![] },
        Figures { name: "actor search", ms: vec![] },
        Figures { name: "ego graph", ms: vec![] },
        Figures { name: "timeline", ms: vec![] },
    ];
    let time = |f: &mut dyn FnMut() -> anyhow::Result<()>| -> anyhow::Result<f64> {
        let t = Instant::now();
        f()?;
        Ok(t.elapsed().as_secs_f64() * 1e3)
    };
    for run in 0..=args.runs {
        let keep = run > 0;
        for id in &ids {
            let ms = time(&mut || store.dossier(id, 50).map(|_| ()).map_err(Into::into))?;
            let g = time(&mut || store.ego_graph(id, 2, 25).map(|_| ()).map_err(Into::into))?;
            let t = time(&mut || {
                store.timeline(Some(id), Bucket::Month).map(|_| ()).map_err(Into::into)
            })?;
            if keep {
                fig[0].ms.push(ms);
                fig[3].ms.push(g);
                fig[4].ms.push(t);
            }
        }
        for w in &words {
            let s = time(&mut || store.search(w, 20).map(|_| ()).map_err(Into::into))?;
            let a = time(&mut || store.search_actors(w, 20).map(|_| ()).map_err(Into::into))?;
            if keep {
                fig[1].ms.push(s);
                fig[2].ms.push(a);
            }
        }
    }
    println!(
        "# sitrep bench-queries: {} documents, {} entities, {} events; {} actors x {} runs, one thread",
        counts.documents,
        counts.entities,
        counts.events,
        ids.len(),
        args.runs
    );
    println!("{:<14} {:>7} {:>9} {:>9} {:>9}", "query", "n", "p50 ms", "p99 ms", "max ms");
    let mut summary = serde_json::Map::new();
    for f in &mut fig {
        let (k, v) = f.line();
        summary.insert(k, v);
    }
    summary.insert("documents".into(), counts.documents.into());
    summary.insert("actors".into(), ids.len().into());
    println!("{}", serde_json::Value::Object(summary));
    Ok(ExitCode::SUCCESS)
}
