//! `sitrep extract [PATH|-]...`: run the pipeline without a store and print one JSON object per
//! article (JSON Lines, the schema of docs/schema.md) on stdout, in input order. With no path or
//! `-`, reads standard input (JSON Lines, or one document of another format), so it works as a
//! filter. Failed articles are reported on stderr; exit status 1 if any failed.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use analyze::Analyzer;
use anyhow::Context;
use pipeline::ArticleOutcome;

use super::{ExtractArgs, extract_options};

#[derive(clap::Args)]
pub struct Args {
    /// Files or folders; `-` or nothing for standard input.
    paths: Vec<PathBuf>,
    #[command(flatten)]
    extract: ExtractArgs,
    /// Include tokens in the output.
    #[arg(long)]
    tokens: bool,
    /// Worker threads (default: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let analyzer = Analyzer::embedded().context("loading the embedded models")?;
    let opts = extract_options(&args.extract)?;
    let stdin = args.paths.is_empty() || args.paths.iter().any(|p| p.as_os_str() == "-");
    let items: Box<dyn Iterator<Item = _> + Send> = if stdin {
        let reader = Box::new(std::io::BufReader::new(std::io::stdin()));
        ::extract::from_reader(reader, "<stdin>", &opts)
    } else {
        for p in &args.paths {
            if !p.exists() {
                anyhow::bail!("{}: no such file or directory", p.display());
            }
        }
        Box::new(pipeline::articles(&args.paths, &opts))
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut failed = 0usize;
    let mut write_err: Option<std::io::Error> = None;
    pipeline::extract_records(items, &analyzer, args.threads, args.tokens, &mut |r| match r {
        Ok(record) => {
            if write_err.is_some() {
                return;
            }
            let res = serde_json::to_writer(&mut out, &record)
                .map_err(std::io::Error::from)
                .and_then(|()| out.write_all(b"\n"));
            if let Err(e) = res {
                write_err = Some(e);
            }
        }
        Err(ArticleOutcome::Skipped { source, reason }) => {
            eprintln!("sitrep: skipped: {source}: {reason}");
        }
        Err(ArticleOutcome::Failed { source, reason }) => {
            failed += 1;
            if reason.contains(source.as_str()) {
                eprintln!("sitrep: failed: {reason}");
            } else {
                eprintln!("sitrep: failed: {source}: {reason}");
            }
        }
        Err(_) => {}
    })?;
    match write_err {
        // A closed pipe (`sitrep extract ... | head`) is not an error.
        Some(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Some(e) => return Err(e).context("writing standard output"),
        None => {}
    }
    if let Err(e) = out.flush()
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        return Err(e).context("writing standard output");
    }
    Ok(if failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
