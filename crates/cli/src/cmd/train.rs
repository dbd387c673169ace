//! `sitrep train MODEL`: trains a model from ../shared/data and writes the artefact that the
//! binary embeds.

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Subcommand)]
pub enum Model {
    /// The entity recognizer.
    Ner {
        /// The shared data folder.
        #[arg(long, default_value = "../shared/data")]
        data: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = "crates/analyze/models/ner.bin.gz")]
        out: PathBuf,
    },
}

pub fn run(model: Model) -> anyhow::Result<ExitCode> {
    match model {
        Model::Ner { .. } => anyhow::bail!("not yet implemented: entity recognition training"),
    }
}
