//! `sitrep stats`: counts of what is stored.

use std::path::Path;
use std::process::ExitCode;

use store::Store;

#[derive(clap::Args)]
pub struct Args {
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(db)?;
    let c = store.counts()?;
    if args.json {
        println!("{}", serde_json::to_string(&c)?);
        return Ok(ExitCode::SUCCESS);
    }
    let rows = [
        ("documents", c.documents),
        ("words", c.words),
        ("sentences", c.sentences),
        ("mentions", c.mentions),
        ("time expressions", c.timexes),
        ("entities", c.entities),
        ("aliases", c.aliases),
        ("titles", c.titles),
        ("events", c.events),
        ("event reports", c.event_reports),
        ("relations", c.relations),
        ("relation reports", c.relation_reports),
    ];
    println!("store {}", db.display());
    for (name, n) in rows {
        println!("  {name:<17} {n:>10}");
    }
    Ok(ExitCode::SUCCESS)
}
