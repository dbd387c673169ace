//! `sitrep eval ner`: entity recognition against CoNLL-2003 (IOB1/IOB2), WikiANN, GUM news and
//! the seed example. Not yet implemented: see the issue "Entity recognition".

use std::path::PathBuf;

use analyze::Analyzer;

use crate::{EvalError, Report};

/// Which gold sets to score against (any combination).
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub conll: Vec<PathBuf>,
    pub seed: Option<PathBuf>,
    pub wikiann: Option<PathBuf>,
    pub gum: Option<PathBuf>,
}

pub fn run(_opts: &Options, _analyzer: &Analyzer) -> Result<Vec<Report>, EvalError> {
    Err(EvalError::NotYet("entity recognition evaluation"))
}
