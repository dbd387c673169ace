//! `sitrep eval events` (the seed example, PLOVER gold-standard records) and `sitrep eval
//! relations` (re3d). The readers and scorers live in [`crate::seed_events`], [`crate::plover`]
//! and [`crate::re3d`].

use std::path::PathBuf;

use analyze::Analyzer;

use crate::{EvalError, Report};

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub seed: Option<PathBuf>,
    pub plover: Option<PathBuf>,
    pub re3d: Option<PathBuf>,
}

/// The seed example and/or the PLOVER records.
pub fn run_events(opts: &Options, analyzer: &Analyzer) -> Result<Vec<Report>, EvalError> {
    let mut reports = Vec::new();
    if let Some(dir) = &opts.seed {
        reports.extend(crate::seed_events::run(dir, analyzer)?);
    }
    if let Some(file) = &opts.plover {
        reports.extend(crate::plover::run(file, analyzer)?);
    }
    if reports.is_empty() {
        return Err(EvalError::format(
            "sitrep eval events",
            "give --seed DIR and/or --plover FILE",
        ));
    }
    Ok(reports)
}

/// Relations on re3d.
pub fn run_relations(opts: &Options, analyzer: &Analyzer) -> Result<Vec<Report>, EvalError> {
    match &opts.re3d {
        Some(dir) => crate::re3d::run(dir, analyzer),
        None => Err(EvalError::format("sitrep eval relations", "give --re3d DIR")),
    }
}
