//! One module per subcommand.

pub mod actor;
pub mod bench;
pub mod bench_queries;
pub mod entity;
pub mod eval;
pub mod events;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod ingest;
pub mod output;
pub mod relations;
pub mod search;
pub mod serve;
pub mod stats;
pub mod timeline;
pub mod train;

use types::PublicationDate;

/// Extraction options shared by `ingest` and `extract`.
#[derive(clap::Args)]
pub struct ExtractArgs {
    /// Publication date for articles that carry none (YYYY-MM-DD or YYYY-MM-DDTHH:MM).
    #[arg(long)]
    date: Option<String>,
    /// Largest file read whole, in bytes (JSON Lines files are streamed, whatever their size).
    #[arg(long, default_value_t = 32 << 20)]
    max_file_bytes: u64,
}

pub fn extract_options(args: &ExtractArgs) -> anyhow::Result<::extract::Options> {
    let date = match &args.date {
        None => None,
        Some(s) => Some(PublicationDate::parse_iso(s).ok_or_else(|| {
            anyhow::anyhow!("--date {s:?}: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM")
        })?),
    };
    Ok(::extract::Options {
        date,
        max_file_bytes: args.max_file_bytes,
        ..::extract::Options::default()
    })
}
