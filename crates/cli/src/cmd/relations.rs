//! `sitrep relations [--actor A] [--predicate P]`: standing relations (who leads, backs, fights,
//! controls what), with validity, the number of reports and the first evidence.

use std::path::Path;
use std::process::ExitCode;

use store::Store;

use super::actor::validity;
use super::output::{Paging, Table, query_failed};

#[derive(clap::Args)]
pub struct Args {
    /// An actor, as subject or object (name, alias or id).
    #[arg(long)]
    actor: Option<String>,
    /// LEADS, MEMBER_OF, HOLDS_TITLE, SUPPORTS, ALLIED_WITH, RIVAL_OF, FIGHTS, CONTROLS,
    /// PRESENT_IN, LOCATED_IN or AFFILIATED_WITH.
    #[arg(long)]
    predicate: Option<String>,
    #[command(flatten)]
    page: Paging,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(db)?;
    let page = match store.relations(
        args.actor.as_deref(),
        args.predicate.as_deref(),
        args.page.limit,
        args.page.offset,
    ) {
        Ok(p) => p,
        Err(e) => return query_failed(e),
    };
    if args.page.json {
        println!("{}", serde_json::to_string(&page)?);
        return Ok(ExitCode::SUCCESS);
    }
    let mut t =
        Table::new(&["subject", "relation", "object", "title", "valid", "reports", "evidence"]);
    for r in &page.relations {
        t.row(vec![
            r.subject.name.clone(),
            r.predicate.clone(),
            r.object.name.clone(),
            r.title.clone().unwrap_or_default(),
            validity(&r.valid_from, &r.valid_to),
            r.reports.to_string(),
            r.sources.first().map(|s| s.text.clone()).unwrap_or_default(),
        ]);
    }
    t.print();
    println!("{} of {} relations (from {})", page.relations.len(), page.total, page.offset);
    Ok(ExitCode::SUCCESS)
}
