//! `sitrep`: turns news articles into a time-aware knowledge graph. The command line is the only
//! part of sitrep that touches argv, the environment and exit codes.
//!
//! Exit status: 0 on success; 1 when a command fails or (for `ingest`) any article failed;
//! 2 for usage errors; 3 when an evaluation scores below a `--min-*` bar.

mod cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "sitrep", version, about = "News articles in, a time-aware knowledge graph out.")]
struct Cli {
    /// The store (an SQLite file, created when missing).
    #[arg(long, global = true, default_value = "sitrep.db", env = "SITREP_DB")]
    db: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles (files or folders), analyse them and store what they say.
    Ingest(cmd::ingest::Args),
    /// Analyse articles without a store and print one JSON object per article (JSON Lines).
    Extract(cmd::extract::Args),
    /// Write everything stored as JSON Lines or CSV.
    Export(cmd::export::Args),
    /// Count what is stored.
    Stats(cmd::stats::Args),
    /// An actor's dossier: aliases, titles, relations, events, co-participants, documents.
    Actor(cmd::actor::Args),
    /// Events, filtered by actor, type, place and dates.
    Events(cmd::events::Args),
    /// Standing relations, filtered by actor and predicate.
    Relations(cmd::relations::Args),
    /// Full-text search over the stored articles.
    Search(cmd::search::Args),
    /// Events per day, week or month, per category.
    Timeline(cmd::timeline::Args),
    /// Serve the HTTP API and the web page.
    Serve(cmd::serve::Args),
    /// Measure query latencies on the store (dossier, search, graph, timeline).
    BenchQueries(cmd::bench_queries::Args),
    /// Score a stage against a gold set.
    #[command(subcommand)]
    Eval(cmd::eval::Task),
    /// Measure the pipeline's throughput and memory on a JSON Lines corpus.
    Bench(cmd::bench::Args),
    /// Correct entities: merge, split, rename (recorded, and applied to later articles too).
    #[command(subcommand)]
    Entity(cmd::entity::Action),
    /// Train a model from the data in ../shared/data.
    #[command(subcommand)]
    Train(cmd::train::Model),
    /// Build the embedded gazetteer from its sources.
    #[command(subcommand)]
    Gazetteer(cmd::gazetteer::Action),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest(args) => cmd::ingest::run(&cli.db, args),
        Command::Extract(args) => cmd::extract::run(args),
        Command::Export(args) => cmd::export::run(&cli.db, args),
        Command::Stats(args) => cmd::stats::run(&cli.db, args),
        Command::Actor(args) => cmd::actor::run(&cli.db, args),
        Command::Events(args) => cmd::events::run(&cli.db, args),
        Command::Relations(args) => cmd::relations::run(&cli.db, args),
        Command::Search(args) => cmd::search::run(&cli.db, args),
        Command::Timeline(args) => cmd::timeline::run(&cli.db, args),
        Command::Serve(args) => cmd::serve::run(&cli.db, args),
        Command::BenchQueries(args) => cmd::bench_queries::run(&cli.db, args),
        Command::Eval(task) => cmd::eval::run(task),
        Command::Bench(args) => cmd::bench::run(args),
        Command::Entity(action) => cmd::entity::run(&cli.db, action),
        Command::Train(model) => cmd::train::run(model),
        Command::Gazetteer(action) => cmd::gazetteer::run(action),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("sitrep: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
