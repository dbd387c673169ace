//! `sitrep search TEXT`: full-text search over the stored articles (SQLite FTS5, stemmed): every
//! word, and every "quoted phrase", must occur. Hits come best first, each with a snippet in
//! which the matches are [bracketed].

use std::path::Path;
use std::process::ExitCode;

use store::Store;

use super::output::{opt, query_failed};

#[derive(clap::Args)]
pub struct Args {
    /// Words to find (quote a phrase for the shell and again for the search: '"Tobruk government"').
    #[arg(required = true, num_args = 1..)]
    text: Vec<String>,
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(db)?;
    let r = match store.search(&args.text.join(" "), args.limit) {
        Ok(r) => r,
        Err(e) => return query_failed(e),
    };
    if args.json {
        println!("{}", serde_json::to_string(&r)?);
        return Ok(ExitCode::SUCCESS);
    }
    for h in &r.hits {
        let d = &h.document;
        println!("{}  {}  {}", opt(&d.published), d.title.as_deref().unwrap_or(&d.source), d.id);
        let snippet: String = h
            .snippet
            .iter()
            .map(|p| if p.hit { format!("[{}]", p.text) } else { p.text.clone() })
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        println!("    {snippet}");
    }
    println!("{} of {} documents match {}", r.hits.len(), r.total, r.query);
    Ok(ExitCode::SUCCESS)
}
