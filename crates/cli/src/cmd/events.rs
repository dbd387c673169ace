//! `sitrep events [--actor A] [--type T] [--place P] [--from D] [--to D]`: events matching every
//! filter given, in date order (undated last). Dates are YYYY, YYYY-MM or YYYY-MM-DD; an event
//! matches when its date may fall in the range.

use std::path::Path;
use std::process::ExitCode;

use store::{EventFilter, Store};

use super::output::{Table, names, opt, query_failed};

#[derive(clap::Args)]
pub struct Args {
    /// An actor taking part (name, alias or id).
    #[arg(long)]
    actor: Option<String>,
    /// A PLOVER category (CONSULT, ASSAULT, ...).
    #[arg(long = "type")]
    category: Option<String>,
    /// Where it happened (name, alias or id).
    #[arg(long)]
    place: Option<String>,
    /// Earliest date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Latest date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    #[arg(long, default_value_t = 50)]
    limit: usize,
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(db)?;
    let filter = EventFilter {
        actor: args.actor,
        category: args.category,
        place: args.place,
        from: args.from,
        to: args.to,
        limit: args.limit,
        offset: args.offset,
    };
    let page = match store.events(&filter) {
        Ok(p) => p,
        Err(e) => return query_failed(e),
    };
    if args.json {
        println!("{}", serde_json::to_string(&page)?);
        return Ok(ExitCode::SUCCESS);
    }
    let mut t =
        Table::new(&["date", "category", "mode", "actors", "recipients", "place", "reports", "id"]);
    for e in &page.events {
        t.row(vec![
            e.date.clone().unwrap_or_else(|| "undated".into()),
            e.category.clone(),
            opt(&e.mode),
            names(&e.actors),
            names(&e.recipients),
            e.place.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
            e.reports.to_string(),
            e.id.clone(),
        ]);
    }
    t.print();
    println!("{} of {} events (from {})", page.events.len(), page.total, page.offset);
    Ok(ExitCode::SUCCESS)
}
