//! `sitrep export --format jsonl|csv|events-csv|parquet|graphml [--out DIR]`: everything stored.
//! JSON Lines: one article per line in the extract schema (stdout, or DIR/articles.jsonl). CSV:
//! one file per table in DIR. Event-data CSV: one row per event (stdout, or DIR/events.csv).
//! Parquet: one file per table in DIR. GraphML: the entity graph (stdout, or DIR/sitrep.graphml).
//! Layouts are documented in docs/schema.md.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use store::Store;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Jsonl,
    Csv,
    /// One row per event: date, precision, category, actors, place, coordinates, sources.
    EventsCsv,
    /// One Parquet file per table (pandas, DuckDB, GraphRAG).
    Parquet,
    /// Entities as nodes, relations and event ties as typed, dated edges (Gephi).
    Graphml,
}

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, value_enum)]
    format: Format,
    /// Output folder (JSON Lines, events-csv, GraphML default: standard output; CSV, Parquet
    /// default: ./export).
    #[arg(long)]
    out: Option<PathBuf>,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(db)?;
    match args.format {
        Format::Jsonl => match args.out {
            Some(dir) => {
                std::fs::create_dir_all(&dir).with_context(|| format!("{}", dir.display()))?;
                let path = dir.join("articles.jsonl");
                let file =
                    std::fs::File::create(&path).with_context(|| format!("{}", path.display()))?;
                let mut w = BufWriter::new(file);
                let n = store.export_jsonl(&mut w)?;
                w.flush().with_context(|| format!("{}", path.display()))?;
                eprintln!("wrote {n} articles to {}", path.display());
            }
            None => {
                let mut w = BufWriter::new(std::io::stdout().lock());
                store.export_jsonl(&mut w)?;
                w.flush().context("writing standard output")?;
            }
        },
        Format::EventsCsv => {
            write_one(args.out.as_deref(), "events.csv", |w, name| {
                Ok(format!("{} events", export::write_events_csv(&store, w, name)?))
            })?;
        }
        Format::Graphml => {
            write_one(args.out.as_deref(), "sitrep.graphml", |w, name| {
                let (n, e) = export::write_graphml(&store, w, name)?;
                Ok(format!("{n} nodes and {e} edges"))
            })?;
        }
        Format::Parquet => {
            let dir = args.out.unwrap_or_else(|| PathBuf::from("export"));
            for (file, rows) in export::write_parquet(&store, &dir)? {
                println!("{:>10} rows  {}", rows, dir.join(file).display());
            }
        }
        Format::Csv => {
            let dir = args.out.unwrap_or_else(|| PathBuf::from("export"));
            for (file, rows) in store.export_csv(&dir)? {
                println!("{:>10} rows  {}", rows, dir.join(file).display());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes one output file `DIR/name`, or standard output without `--out`.
fn write_one(
    out: Option<&Path>,
    name: &str,
    f: impl FnOnce(&mut dyn Write, &str) -> anyhow::Result<String>,
) -> anyhow::Result<()> {
    match out {
        Some(dir) => {
            std::fs::create_dir_all(dir).with_context(|| format!("{}", dir.display()))?;
            let path = dir.join(name);
            let file =
                std::fs::File::create(&path).with_context(|| format!("{}", path.display()))?;
            let mut w = BufWriter::new(file);
            let what = f(&mut w, &path.display().to_string())?;
            w.flush().with_context(|| format!("{}", path.display()))?;
            eprintln!("wrote {what} to {}", path.display());
        }
        None => {
            let mut w = BufWriter::new(std::io::stdout().lock());
            f(&mut w, "standard output")?;
            w.flush().context("writing standard output")?;
        }
    }
    Ok(())
}
