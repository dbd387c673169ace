//! `sitrep eval events` (seed, PLOVER GSR) and `sitrep eval relations` (re3d).
//! Not yet implemented: see the issue "Events and relations".

use std::path::PathBuf;

use analyze::Analyzer;

use crate::{EvalError, Report};

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub seed: Option<PathBuf>,
    pub plover: Option<PathBuf>,
    pub re3d: Option<PathBuf>,
}

pub fn run_events(_opts: &Options, _analyzer: &Analyzer) -> Result<Vec<Report>, EvalError> {
    Err(EvalError::NotYet("event evaluation"))
}

pub fn run_relations(_opts: &Options, _analyzer: &Analyzer) -> Result<Vec<Report>, EvalError> {
    Err(EvalError::NotYet("relation evaluation"))
}
