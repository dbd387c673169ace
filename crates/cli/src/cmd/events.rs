//! `sitrep events [--actor A] [--type T] [--place P] [--from D] [--to D]`: events matching every
//! filter given, in date order (undated last). Dates are YYYY, YYYY-MM or YYYY-MM-DD; an event
//! matches when its date may fall in the range.

use std::path::Path;
use std::process::ExitCode;

use store::{EventFilter, Store};

use super::output::{EVENT_COLUMNS, Paging, Table, event_cells, query_failed};

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
    #[command(flatten)]
    page: Paging,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(db)?;
    let filter = EventFilter {
        actor: args.actor,
        category: args.category,
        place: args.place,
        from: args.from,
        to: args.to,
        limit: args.page.limit,
        offset: args.page.offset,
    };
    let page = match store.events(&filter) {
        Ok(p) => p,
        Err(e) => return query_failed(e),
    };
    if args.page.json {
        println!("{}", serde_json::to_string(&page)?);
        return Ok(ExitCode::SUCCESS);
    }
    let columns: Vec<&str> = EVENT_COLUMNS.iter().copied().chain(["id"]).collect();
    let mut t = Table::new(&columns);
    for e in &page.events {
        let mut cells = event_cells(e);
        cells.push(e.id.clone());
        t.row(cells);
    }
    t.print();
    println!("{} of {} events (from {})", page.events.len(), page.total, page.offset);
    Ok(ExitCode::SUCCESS)
}
