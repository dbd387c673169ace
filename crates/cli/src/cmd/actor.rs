//! `sitrep actor NAME`: an actor's dossier: type, canonical name, aliases, titles over time,
//! standing relations with validity and sources, events in date order, the actors most often met
//! or fought, and the documents that mention it. NAME is matched case-insensitively against
//! names and aliases (or is an entity id); an ambiguous name lists the candidates.

use std::path::Path;
use std::process::ExitCode;

use store::Store;

use super::output::{EVENT_COLUMNS, Table, event_cells, opt, query_failed};

#[derive(clap::Args)]
pub struct Args {
    /// A name, an alias or an entity id.
    #[arg(required = true, num_args = 1..)]
    name: Vec<String>,
    /// At most this many rows per section.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(db)?;
    let name = args.name.join(" ");
    let d = match store.dossier(&name, args.limit) {
        Ok(d) => d,
        Err(e) => return query_failed(e),
    };
    if args.json {
        println!("{}", serde_json::to_string(&d)?);
        return Ok(ExitCode::SUCCESS);
    }
    let a = &d.actor;
    println!(
        "{}  ({}{})  id {}",
        a.name,
        a.etype,
        a.kind.as_ref().map(|k| format!(", {k}")).unwrap_or_default(),
        a.id
    );
    println!(
        "{} mentions in {} documents, first seen {}, last seen {}",
        a.mentions,
        a.documents,
        a.first_seen.as_deref().unwrap_or("-"),
        a.last_seen.as_deref().unwrap_or("-")
    );
    if let Some(g) = &a.geo
        && let (Some(lat), Some(lon)) = (g.lat, g.lon)
    {
        println!(
            "at {lat:.4}, {lon:.4}{}",
            g.country.as_ref().map(|c| format!(" ({c})")).unwrap_or_default()
        );
    }
    let aliases: Vec<String> =
        d.aliases.iter().filter(|x| x.kind == "name").map(|x| x.alias.clone()).collect();
    let descriptions: Vec<String> =
        d.aliases.iter().filter(|x| x.kind == "description").map(|x| x.alias.clone()).collect();
    if !aliases.is_empty() {
        println!("also: {}", aliases.join("; "));
    }
    if !descriptions.is_empty() {
        println!("described as: {}", descriptions.join("; "));
    }

    section("Titles");
    let mut t = Table::new(&["title", "of", "first seen", "last seen", "reports", "source"]);
    for x in &d.titles {
        t.row(vec![
            x.title.clone(),
            x.of.as_ref().map(|o| o.name.clone()).unwrap_or_default(),
            opt(&x.first_seen),
            opt(&x.last_seen),
            x.reports.to_string(),
            x.sources.first().map(|s| s.text.clone()).unwrap_or_default(),
        ]);
    }
    print_or_none(&t);

    section("Standing relations");
    let mut t = Table::new(&["subject", "relation", "object", "valid", "reports", "evidence"]);
    for r in &d.relations {
        t.row(vec![
            r.subject.name.clone(),
            r.predicate.clone(),
            r.object.name.clone(),
            validity(&r.valid_from, &r.valid_to),
            r.reports.to_string(),
            r.sources.first().map(|s| s.text.clone()).unwrap_or_default(),
        ]);
    }
    print_or_none(&t);

    section(&format!("Events ({} of {}, in date order)", d.events.len(), d.events_total));
    let mut t = Table::new(&EVENT_COLUMNS);
    for e in &d.events {
        t.row(event_cells(e));
    }
    print_or_none(&t);

    for (title, list) in
        [("Most often met (cooperation)", &d.met), ("Most often fought (conflict)", &d.fought)]
    {
        section(title);
        let mut t = Table::new(&["actor", "events", "last"]);
        for c in list {
            t.row(vec![c.actor.name.clone(), c.events.to_string(), opt(&c.last)]);
        }
        print_or_none(&t);
    }

    section(&format!("Documents ({} of {})", d.documents.len(), d.documents_total));
    let mut t = Table::new(&["published", "mentions", "title", "id"]).max_width(64);
    for doc in &d.documents {
        t.row(vec![
            opt(&doc.published),
            doc.mentions.unwrap_or(0).to_string(),
            doc.title.clone().unwrap_or_else(|| doc.source.clone()),
            doc.id.clone(),
        ]);
    }
    print_or_none(&t);
    Ok(ExitCode::SUCCESS)
}

fn section(title: &str) {
    println!();
    println!("{title}");
}

fn print_or_none(t: &Table) {
    if t.is_empty() {
        println!("  (none)");
    } else {
        t.print();
    }
}

/// `2019–2023`, `since 2019`, `until 2023` or nothing.
pub fn validity(from: &Option<String>, to: &Option<String>) -> String {
    match (from, to) {
        (Some(f), Some(t)) => format!("{f}–{t}"),
        (Some(f), None) => format!("since {f}"),
        (None, Some(t)) => format!("until {t}"),
        (None, None) => String::new(),
    }
}
