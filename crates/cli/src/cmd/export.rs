//! `sitrep export`.

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_db: &std::path::Path, _args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not yet implemented")
}
