//! `sitrep timeline [--actor A] [--by day|week|month]`: events per period, counted per PLOVER
//! category. Events without a date, or whose date is coarser than a period, are counted apart.

use std::path::Path;
use std::process::ExitCode;

use store::{Bucket, Store};

use super::output::{Table, query_failed};

#[derive(clap::Args)]
pub struct Args {
    /// Only events of this actor (name, alias or id).
    #[arg(long)]
    actor: Option<String>,
    /// day, week or month.
    #[arg(long, default_value = "month")]
    by: String,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(db)?;
    let t = match Bucket::parse(&args.by).and_then(|by| store.timeline(args.actor.as_deref(), by)) {
        Ok(t) => t,
        Err(e) => return query_failed(e),
    };
    if args.json {
        println!("{}", serde_json::to_string(&t)?);
        return Ok(ExitCode::SUCCESS);
    }
    let mut header = vec!["period", "total"];
    header.extend(t.categories.iter().map(String::as_str));
    let mut table = Table::new(&header);
    for p in &t.periods {
        let mut row = vec![p.period.clone(), p.total.to_string()];
        for c in &t.categories {
            row.push(p.counts.get(c).map_or_else(|| ".".to_string(), |n| n.to_string()));
        }
        table.row(row);
    }
    if let Some(a) = &t.actor {
        println!("events of {} ({})", a.name, a.id);
    }
    table.print();
    println!(
        "undated: {}; dated too coarsely for a {:?} or spanning several: {}",
        t.undated, t.by, t.coarser
    );
    Ok(ExitCode::SUCCESS)
}
