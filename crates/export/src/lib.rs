//! Exports for the tools analysts already use, written from the store:
//! - [`write_parquet`]: one Parquet file per table (documents, sentences, mentions, entities,
//!   relations, events), readable by pandas and DuckDB, laid out so that GraphRAG's `entities`,
//!   `relationships` and `text_units` tables can be derived without re-extraction (see
//!   `docs/schema.md`);
//! - [`write_graphml`]: entities as nodes, relations and event ties as typed, dated edges (Gephi);
//! - [`write_events_csv`]: one row per event in an event-data layout.
//!
//! This crate fences the Arrow/Parquet dependency; it reads the store only through its queries.

pub mod graphml;
mod parquet_tables;

use std::io::Write;
use std::path::PathBuf;

use store::{QueryError, Store, StoreError};

pub use graphml::write_graphml;
pub use parquet_tables::write_parquet;

/// Why an export failed. Every variant names the file or the store.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {reason}")]
    Format { path: PathBuf, reason: String },
}

pub type Result<T> = std::result::Result<T, ExportError>;

/// The columns of the event-data CSV, in order.
pub const EVENTS_CSV_COLUMNS: &[&str] = &[
    "event_id",
    "date",
    "precision",
    "category",
    "mode",
    "modality",
    "actors",
    "actor_ids",
    "recipients",
    "recipient_ids",
    "place",
    "place_id",
    "country",
    "latitude",
    "longitude",
    "sources",
    "documents",
    "first_reported",
    "last_reported",
    "evidence",
];

/// Writes every event as one CSV row (columns [`EVENTS_CSV_COLUMNS`]; lists joined with `; `;
/// `sources` counts the reports; `evidence` is the sentence of the earliest report). `name`
/// names the output in errors.
pub fn write_events_csv(store: &Store, out: &mut dyn Write, name: &str) -> Result<u64> {
    let path = PathBuf::from(name);
    let csv_err = |e: csv::Error| ExportError::Format { path: path.clone(), reason: e.to_string() };
    let mut w = csv::Writer::from_writer(out);
    w.write_record(EVENTS_CSV_COLUMNS).map_err(csv_err)?;
    let join = |v: &[store::Named], ids: bool| -> String {
        v.iter()
            .map(|n| if ids { n.id.clone().unwrap_or_default() } else { n.name.clone() })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let n = store.for_each_event_row(|r| {
        let place = r.place.as_ref();
        let num = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
        let record = [
            r.id.clone(),
            r.date.clone().unwrap_or_default(),
            r.precision.to_string(),
            r.category.clone(),
            r.mode.clone().unwrap_or_default(),
            r.modality.clone(),
            join(&r.actors, false),
            join(&r.actors, true),
            join(&r.recipients, false),
            join(&r.recipients, true),
            place.map(|p| p.name.clone()).unwrap_or_default(),
            place.map(|p| p.id.clone()).unwrap_or_default(),
            place.and_then(|p| p.country.clone()).unwrap_or_default(),
            num(place.and_then(|p| p.lat)),
            num(place.and_then(|p| p.lon)),
            r.reports.to_string(),
            r.documents.join("; "),
            r.first_reported.clone().unwrap_or_default(),
            r.last_reported.clone().unwrap_or_default(),
            r.evidence.clone().unwrap_or_default(),
        ];
        w.write_record(&record).map_err(|e| {
            QueryError::Store(StoreError::Invalid { path: path.clone(), reason: e.to_string() })
        })
    })?;
    w.flush().map_err(|source| ExportError::Io { path: path.clone(), source })?;
    Ok(n)
}

#[cfg(test)]
mod tests;
