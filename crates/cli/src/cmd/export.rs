//! `sitrep export --format jsonl|csv [--out DIR]`: everything stored. JSON Lines: one article per
//! line in the extract schema (stdout, or DIR/articles.jsonl). CSV: one file per table in DIR
//! (columns documented in docs/schema.md).

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use store::Store;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Jsonl,
    Csv,
}

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, value_enum)]
    format: Format,
    /// Output folder (JSON Lines default: standard output; CSV default: ./export).
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
        Format::Csv => {
            let dir = args.out.unwrap_or_else(|| PathBuf::from("export"));
            for (file, rows) in store.export_csv(&dir)? {
                println!("{:>10} rows  {}", rows, dir.join(file).display());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
