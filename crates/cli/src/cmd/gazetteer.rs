//! `sitrep gazetteer build`: builds the embedded gazetteer from GeoNames and countryinfo.

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Subcommand)]
pub enum Action {
    /// Build the compact gazetteer artefact the binary embeds.
    Build {
        /// The gazetteer sources folder.
        #[arg(long, default_value = "../shared/data/gazetteer")]
        data: PathBuf,
        /// Where to write the artefact.
        #[arg(long, default_value = "crates/gazetteer/data")]
        out: PathBuf,
    },
}

pub fn run(action: Action) -> anyhow::Result<ExitCode> {
    match action {
        Action::Build { .. } => anyhow::bail!("not yet implemented: gazetteer build"),
    }
}
