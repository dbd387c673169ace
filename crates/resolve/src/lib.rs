//! Cross-document resolution: gives each document entity a stable key (equal keys are one real
//! actor, whatever order articles arrive in) and each event a key under which re-reports of one
//! event meet.
//!
//! Not yet implemented beyond a provisional key: see the issue "Resolution".

pub mod events;

use types::{Analysis, Document};

/// Fills [`types::LocalEntity::key`] and [`types::Event::key`].
pub fn assign_keys(_doc: &Document, analysis: &mut Analysis) {
    for e in &mut analysis.entities {
        if e.key.is_empty() {
            e.key = format!("{}:{}", e.etype.as_str().to_ascii_lowercase(), normalise(&e.name));
        }
    }
    events::assign(_doc, analysis);
}

fn normalise(name: &str) -> String {
    name.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}
