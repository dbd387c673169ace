//! The shared vocabulary of sitrep: documents and their canonical text, byte spans, and every kind
//! of annotation the pipeline produces (sentences, tokens, mentions, time expressions, entities,
//! events, relations). This crate does no IO; every other crate speaks in these types.
//!
//! Invariant: every [`Span`] is a byte range into one document's canonical text, on `char`
//! boundaries, and is never rewritten once produced.

mod analysis;
mod document;
mod event;
mod span;

pub use analysis::{
    Analysis, CorefLink, Diagnostic, EntityType, GeoRef, LocalEntity, Mention, MentionKind,
    MentionLabel, Paragraph, Sentence, Timex, TimexType, TitleFact, Token, TokenKind,
};
pub use document::{DateSource, Document, DocumentId, PublicationDate, Zone, ZoneKind};
pub use event::{
    Argument, Attribution, Event, EventCategory, Modality, Predicate, Relation, TimeValue,
};
pub use span::Span;

/// Version of the JSON output schema described in `docs/schema.md`.
pub const SCHEMA_VERSION: &str = "sitrep/1";

/// One article as `sitrep extract` and `sitrep export --format jsonl` print it: the document and
/// everything found in it, flattened into one JSON object (see `docs/schema.md`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ArticleRecord {
    pub schema: String,
    #[serde(flatten)]
    pub document: Document,
    #[serde(flatten)]
    pub analysis: Analysis,
}

impl ArticleRecord {
    pub fn new(document: Document, analysis: Analysis) -> ArticleRecord {
        ArticleRecord { schema: SCHEMA_VERSION.to_string(), document, analysis }
    }
}
