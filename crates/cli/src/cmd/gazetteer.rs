//! `sitrep gazetteer build`: builds the embedded gazetteer from GeoNames and countryinfo.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

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
        Action::Build { data, out } => {
            let t = Instant::now();
            let stats = gazetteer::builder::build(&data, &out)?;
            for w in &stats.warnings {
                eprintln!("sitrep: warning: {w}");
            }
            println!(
                "gazetteer: {} countries, {} places ({} alternate names), {} regions, {} bodies, {} seats -> {} ({} bytes)",
                stats.countries,
                stats.places,
                stats.alternates,
                stats.regions,
                stats.igos,
                stats.seats,
                out.join("gazetteer.tsv.gz").display(),
                stats.gazetteer_bytes
            );
            println!(
                "outlines: {} countries -> {} ({} bytes)",
                stats.outlines,
                out.join("outlines.tsv.gz").display(),
                stats.outline_bytes
            );
            println!("built in {:.1}s; rebuild the binary to embed it", t.elapsed().as_secs_f64());
            Ok(ExitCode::SUCCESS)
        }
    }
}
