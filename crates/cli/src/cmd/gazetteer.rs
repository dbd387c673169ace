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
    /// Show what the embedded gazetteer holds and how long it takes to load.
    Info,
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
        Action::Info => {
            let (g, o) = gazetteer::Gazetteer::embedded_sizes();
            let mut best = f64::MAX;
            let mut loaded = None;
            for _ in 0..5 {
                let t = Instant::now();
                let gz = gazetteer::Gazetteer::decode_embedded()?;
                best = best.min(t.elapsed().as_secs_f64() * 1e3);
                loaded = Some(gz);
            }
            let Some(gz) = loaded else { anyhow::bail!("gazetteer did not load") };
            println!(
                "embedded gazetteer: {g} bytes (+ outlines {o} bytes); {} countries, {} places, {} regions, {} bodies, {} seats; loads in {best:.1} ms (best of 5)",
                gz.countries().len(),
                gz.places().len(),
                gz.regions().len(),
                gz.igos().len(),
                gz.seats().len()
            );
            let t = Instant::now();
            let mut hits = 0usize;
            let names = [
                "Tripoli",
                "Moscow",
                "Libya",
                "United Nations",
                "Kremlin",
                "Xyzzy",
                "Sahel",
                "Washington",
            ];
            for _ in 0..10_000 {
                for n in names {
                    hits += gz.lookup(n).count();
                }
            }
            let ns = t.elapsed().as_secs_f64() * 1e9 / (10_000.0 * names.len() as f64);
            println!("lookup by name: {ns:.0} ns per lookup ({hits} hits)");
            Ok(ExitCode::SUCCESS)
        }
    }
}
