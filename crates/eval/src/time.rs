//! `sitrep eval time`: temporal expressions against TimeML (TempEval-3 scoring) and the seed
//! example. Not yet implemented: see the issue "Time".

use std::path::PathBuf;

use analyze::Analyzer;

use crate::{EvalError, Report};

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub timeml: Option<PathBuf>,
    pub seed: Option<PathBuf>,
}

pub fn run(_opts: &Options, _analyzer: &Analyzer) -> Result<Vec<Report>, EvalError> {
    Err(EvalError::NotYet("time evaluation"))
}
