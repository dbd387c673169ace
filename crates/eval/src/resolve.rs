//! `sitrep eval resolve` (seed entities and titles) and `sitrep eval coref` (GUM news chains,
//! CoNLL-2012 metrics). Not yet implemented: see the issue "Resolution".

use std::path::PathBuf;

use analyze::Analyzer;

use crate::{EvalError, Report};

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub seed: Option<PathBuf>,
    pub gum: Option<PathBuf>,
}

pub fn run_resolve(_opts: &Options, _analyzer: &Analyzer) -> Result<Vec<Report>, EvalError> {
    Err(EvalError::NotYet("resolution evaluation"))
}

pub fn run_coref(_opts: &Options, _analyzer: &Analyzer) -> Result<Vec<Report>, EvalError> {
    Err(EvalError::NotYet("coreference evaluation"))
}
