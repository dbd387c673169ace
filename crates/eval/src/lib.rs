//! The evaluation harness behind `sitrep eval TASK`: readers for gold formats and scorers.
//!
//! Every task returns a [`Report`]: a readable table and one JSON object with the headline scores,
//! which the command line prints last so that scripts (and `.ci/run`) can read it.

pub mod coding;
mod coding_gazetteer;
pub mod conll;
mod corefscore;
pub mod events;
pub mod gum;
pub mod ner;
pub mod oracle;
pub mod plover;
pub mod re3d;
pub mod resolve;
mod score;
pub mod seed_events;
pub mod time;
pub mod timeml;

pub use score::{Prf, Report, Table, round4};

use std::path::PathBuf;

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {reason}")]
    Format { path: PathBuf, reason: String },
    #[error("not yet implemented: {0}")]
    NotYet(&'static str),
    #[error("model: {0}")]
    Model(#[from] analyze::ModelError),
}

impl EvalError {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> EvalError {
        EvalError::Io { path: path.into(), source }
    }

    pub fn format(path: impl Into<PathBuf>, reason: impl Into<String>) -> EvalError {
        EvalError::Format { path: path.into(), reason: reason.into() }
    }
}

/// CPU time this thread has used, in nanoseconds (Linux `/proc/thread-self/schedstat`), so
/// that costs measured on a busy machine are not inflated by waiting; `None` elsewhere.
pub fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Reads a whole file, naming it in the error.
pub fn read_to_string(path: &std::path::Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|e| EvalError::io(path, e))
}
