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

/// CPU time of this thread in nanoseconds (Linux), else wall time since `t`.
fn cpu_ns(t: Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|x| x.parse::<f64>().ok()))
        .unwrap_or_else(|| t.elapsed().as_secs_f64() * 1e9)
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
            let origin = Instant::now();
            for _ in 0..5 {
                let c = cpu_ns(origin);
                let gz = gazetteer::Gazetteer::decode_embedded()?;
                best = best.min((cpu_ns(origin) - c) / 1e6);
                loaded = Some(gz);
            }
            let Some(gz) = loaded else { anyhow::bail!("gazetteer did not load") };
            println!(
                "embedded gazetteer: {g} bytes (+ outlines {o} bytes); {} countries, {} places, {} regions, {} bodies, {} seats; loads in {best:.1} ms of CPU (best of 5)",
                gz.countries().len(),
                gz.places().len(),
                gz.regions().len(),
                gz.igos().len(),
                gz.seats().len()
            );
            let c = cpu_ns(origin);
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
            let ns = (cpu_ns(origin) - c) / (10_000.0 * names.len() as f64);
            println!("lookup by name: {ns:.0} ns of CPU per lookup ({hits} hits)");
            Ok(ExitCode::SUCCESS)
        }
    }
}
