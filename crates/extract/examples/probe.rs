//! A hand check of extraction on real files: `cargo run -p extract --example probe -- [--show N]
//! PATH...` counts articles, skips (by reason) and errors, and prints the first N documents
//! with their zones.

use std::collections::BTreeMap;
use std::path::PathBuf;

fn main() {
    let mut show = 0usize;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--show" {
            show = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
        } else {
            paths.push(PathBuf::from(a));
        }
    }
    let opts = extract::Options::default();
    let (mut articles, mut errors, mut dated) = (0usize, 0usize, 0usize);
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    let mut zones: BTreeMap<String, usize> = BTreeMap::new();
    for path in extract::walk(&paths) {
        let path = match path {
            Ok(p) => p,
            Err(e) => {
                errors += 1;
                eprintln!("error: {e}");
                continue;
            }
        };
        for outcome in extract::open(&path, &opts) {
            match outcome {
                Ok(extract::Outcome::Article(doc)) => {
                    articles += 1;
                    dated += usize::from(doc.published.is_some());
                    for z in &doc.zones {
                        *zones.entry(format!("{:?}", z.kind)).or_default() += 1;
                    }
                    if articles <= show {
                        println!(
                            "== {} id={} title={:?} published={:?} ({:?}) lang={:?}",
                            doc.source,
                            doc.id,
                            doc.title,
                            doc.published.map(|p| p.to_string()),
                            doc.published_source,
                            doc.language
                        );
                        for z in &doc.zones {
                            println!(
                                "  {:?} {}..{} {:?}",
                                z.kind,
                                z.span.start,
                                z.span.end,
                                &doc.text[z.span.start..z.span.end]
                            );
                        }
                        println!("  metadata: {}", serde_json::Value::Object(doc.metadata.clone()));
                        println!(
                            "--- text ({} bytes):\n{}\n---",
                            doc.text.len(),
                            doc.text.chars().take(1500).collect::<String>()
                        );
                    }
                }
                Ok(extract::Outcome::Skipped { source, reason }) => {
                    *skipped.entry(reason.clone()).or_default() += 1;
                    eprintln!("skipped: {source}: {reason}");
                }
                Err(e) => {
                    errors += 1;
                    eprintln!("error: {e}");
                }
            }
        }
    }
    println!(
        "articles {articles} (dated {dated}), skipped {skipped:?}, errors {errors}, zones {zones:?}"
    );
}
