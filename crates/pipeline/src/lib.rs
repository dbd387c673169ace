//! The pipeline: inputs -> extract -> analyze -> resolve -> store, with per-article outcomes.
//!
//! Articles are independent until they are stored, so extraction and analysis run on every core
//! while one writer thread owns the store and writes each article in its own transaction. A bad
//! article is a counted outcome with its source and reason; it never stops the batch. Only a
//! store failure (disk full, a corrupt file) ends a run early, and what was committed stays.

mod bench;

use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use analyze::Analyzer;
use extract::Outcome;
use rayon::prelude::*;
use store::{Saved, Store, StoreError};
use types::{Analysis, ArticleRecord, Document};

pub use bench::{BenchOptions, BenchReport, bench, peak_rss_bytes};

/// What happened to one article (or one unreadable input).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArticleOutcome {
    Stored {
        source: String,
        words: usize,
    },
    /// Already in the store: nothing changed.
    Duplicate {
        source: String,
    },
    /// Not an error (e.g. not English).
    Skipped {
        source: String,
        reason: String,
    },
    Failed {
        source: String,
        reason: String,
    },
}

/// Counts of outcomes, and the reasons for the bad ones.
#[derive(Debug, Clone, Default)]
pub struct IngestReport {
    pub stored: u64,
    pub duplicates: u64,
    pub skipped: u64,
    pub failed: u64,
    pub words: u64,
    pub elapsed: Duration,
    /// (source, reason) of every failed article or input.
    pub failures: Vec<(String, String)>,
    /// (reason, count) of skipped articles.
    pub skip_reasons: Vec<(String, u64)>,
}

impl IngestReport {
    fn count(&mut self, o: &ArticleOutcome) {
        match o {
            ArticleOutcome::Stored { words, .. } => {
                self.stored += 1;
                self.words += *words as u64;
            }
            ArticleOutcome::Duplicate { .. } => self.duplicates += 1,
            ArticleOutcome::Skipped { reason, .. } => {
                self.skipped += 1;
                // Reasons such as "non-English (fr)" are grouped by their text.
                match self.skip_reasons.iter_mut().find(|(r, _)| r == reason) {
                    Some((_, n)) => *n += 1,
                    None => self.skip_reasons.push((reason.clone(), 1)),
                }
            }
            ArticleOutcome::Failed { source, reason } => {
                self.failed += 1;
                self.failures.push((source.clone(), reason.clone()));
            }
        }
    }
}

/// How to ingest.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    pub extract: extract::Options,
    /// Worker threads for extraction and analysis (0: one per core).
    pub threads: usize,
}

/// Why a run stopped early.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("thread pool: {0}")]
    Pool(String),
}

/// An item of work: a readable article, or an input that failed as a whole.
type Item = Result<Outcome, extract::Error>;

/// Every article under `paths`, lazily: walking, reading and extracting happen as they are pulled.
pub fn articles(
    paths: &[PathBuf],
    opts: &extract::Options,
) -> impl Iterator<Item = Item> + Send + use<> {
    let opts = opts.clone();
    extract::walk(paths).flat_map(move |file| -> Box<dyn Iterator<Item = Item> + Send> {
        match file {
            Ok(path) => extract::open(&path, &opts),
            Err(e) => Box::new(std::iter::once(Err(e))),
        }
    })
}

/// Analyses a document and gives its entities and events their cross-document keys. A panic in
/// analysis (a bug) becomes an error for this article instead of ending the batch.
pub fn analyze_document(
    analyzer: &Analyzer,
    doc: &Document,
    keep_tokens: bool,
) -> Result<Analysis, String> {
    catch_unwind(AssertUnwindSafe(|| {
        let mut analysis = analyzer.analyze(doc);
        resolve::assign_keys(doc, &mut analysis);
        if !keep_tokens {
            analysis.tokens = Vec::new();
        }
        analysis
    }))
    .map_err(|panic| {
        let msg = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".into());
        format!("internal error in analysis (please report): {msg}")
    })
}

fn pool(threads: usize) -> Result<rayon::ThreadPool, PipelineError> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| PipelineError::Pool(e.to_string()))
}

/// Ingests every article under `paths` into `store`. `on_outcome` is called (on the writer
/// thread) once per article or failed input, in completion order.
pub fn ingest(
    paths: &[PathBuf],
    store: &mut Store,
    analyzer: &Analyzer,
    opts: &IngestOptions,
    on_outcome: &mut (dyn FnMut(&ArticleOutcome) + Send),
) -> Result<IngestReport, PipelineError> {
    let start = Instant::now();
    let known: HashSet<String> = store.document_ids()?;
    let pool = pool(opts.threads)?;
    let (tx, rx) = crossbeam_channel::bounded::<Message>(256);
    let mut report = IngestReport::default();

    let written = std::thread::scope(|scope| {
        let report = &mut report;
        let writer = scope.spawn(move || -> Result<(), StoreError> {
            for (outcome, work) in rx {
                let outcome = match work {
                    Some((doc, analysis)) => match store.save(&doc, &analysis)? {
                        Saved::Inserted => outcome,
                        Saved::AlreadyPresent => ArticleOutcome::Duplicate { source: doc.source },
                    },
                    None => outcome,
                };
                report.count(&outcome);
                on_outcome(&outcome);
            }
            Ok(())
        });

        let items = articles(paths, &opts.extract);
        pool.install(|| {
            // A closed channel means the writer stopped on a store error: stop reading input.
            let _ = items.par_bridge().try_for_each_with(tx, |tx, item| {
                tx.send(process(item, analyzer, &known)).map_err(|_| ())
            });
        });
        writer.join().unwrap_or_else(|_| {
            Err(StoreError::Invalid {
                path: PathBuf::from("<writer>"),
                reason: "writer thread panicked".into(),
            })
        })
    });
    written?;
    report.elapsed = start.elapsed();
    Ok(report)
}

/// An outcome, with the document and its analysis when there is something to store.
type Message = (ArticleOutcome, Option<(Document, Analysis)>);

fn process(item: Item, analyzer: &Analyzer, known: &HashSet<String>) -> Message {
    match item {
        Err(e) => {
            let source = error_source(&e);
            (ArticleOutcome::Failed { source, reason: e.to_string() }, None)
        }
        Ok(Outcome::Skipped { source, reason }) => {
            (ArticleOutcome::Skipped { source, reason }, None)
        }
        Ok(Outcome::Article(doc)) => {
            if known.contains(&doc.id.0) {
                return (ArticleOutcome::Duplicate { source: doc.source.clone() }, None);
            }
            match analyze_document(analyzer, &doc, false) {
                Ok(analysis) => {
                    let words = doc.text.split_whitespace().count();
                    let outcome = ArticleOutcome::Stored { source: doc.source.clone(), words };
                    (outcome, Some((*doc, analysis)))
                }
                Err(reason) => {
                    (ArticleOutcome::Failed { source: doc.source.clone(), reason }, None)
                }
            }
        }
    }
}

fn error_source(e: &extract::Error) -> String {
    match e {
        extract::Error::Io { path, .. } => path.display().to_string(),
        extract::Error::Invalid { input, .. } => input.clone(),
        #[allow(unreachable_patterns)]
        _ => String::new(),
    }
}

/// Analyses articles without a store, in parallel, and hands each result to `sink` in input
/// order (so `extract` works as a filter).
pub fn extract_records(
    items: impl Iterator<Item = Item> + Send,
    analyzer: &Analyzer,
    threads: usize,
    keep_tokens: bool,
    sink: &mut dyn FnMut(Result<ArticleRecord, ArticleOutcome>),
) -> Result<(), PipelineError> {
    const BATCH: usize = 64;
    let pool = pool(threads)?;
    let mut items = items.peekable();
    while items.peek().is_some() {
        let batch: Vec<Item> = items.by_ref().take(BATCH).collect();
        let results: Vec<Result<ArticleRecord, ArticleOutcome>> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|item| match item {
                    Err(e) => Err(ArticleOutcome::Failed {
                        source: error_source(&e),
                        reason: e.to_string(),
                    }),
                    Ok(Outcome::Skipped { source, reason }) => {
                        Err(ArticleOutcome::Skipped { source, reason })
                    }
                    Ok(Outcome::Article(doc)) => {
                        match analyze_document(analyzer, &doc, keep_tokens) {
                            Ok(analysis) => Ok(ArticleRecord::new(*doc, analysis)),
                            Err(reason) => {
                                Err(ArticleOutcome::Failed { source: doc.source.clone(), reason })
                            }
                        }
                    }
                })
                .collect()
        });
        for r in results {
            sink(r);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
