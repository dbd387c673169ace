//! A document: one article's canonical text, its zones (title, body, furniture) and metadata.

use std::fmt;

use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Span;

/// Stable identity of an article: a hash of its source id and canonical text (hex, 32 chars).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocumentId(pub String);

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// When an article was published, to the precision its source gives.
///
/// Serialised as ISO 8601: `2023-09-29` or `2023-09-29T06:38` (seconds only when non-zero).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PublicationDate {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

impl PublicationDate {
    pub fn day(date: NaiveDate) -> PublicationDate {
        PublicationDate { date, time: None }
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` (a trailing zone or
    /// fraction is accepted and dropped: the date is the article's local date).
    pub fn parse_iso(s: &str) -> Option<PublicationDate> {
        let s = s.trim();
        let date = NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()?;
        let rest = &s[10..];
        if rest.is_empty() {
            return Some(PublicationDate::day(date));
        }
        let rest = rest.strip_prefix(['T', ' '])?;
        let hm = rest.get(..5)?;
        let mut time = NaiveTime::parse_from_str(hm, "%H:%M").ok()?;
        if let Some(sec) = rest.get(5..8).and_then(|s| s.strip_prefix(':'))
            && let Ok(sec) = sec.parse::<u32>()
        {
            time = time.with_second(sec).unwrap_or(time);
        }
        Some(PublicationDate { date, time: Some(time) })
    }
}

impl fmt::Display for PublicationDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date.format("%Y-%m-%d"))?;
        if let Some(t) = self.time {
            if t.second() == 0 {
                write!(f, "T{}", t.format("%H:%M"))?;
            } else {
                write!(f, "T{}", t.format("%H:%M:%S"))?;
            }
        }
        Ok(())
    }
}

impl Serialize for PublicationDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PublicationDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PublicationDate::parse_iso(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not an ISO date: {s:?}")))
    }
}

/// Where the publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// A field of the input record (JSON Lines `date`/`published`, a feed item's date).
    Field,
    /// A dateline in the text (`Updated: September 29, 2023, 6:38 AM`).
    Dateline,
    /// HTML `<meta>` (e.g. `article:published_time`).
    Meta,
    /// HTML JSON-LD `datePublished`.
    JsonLd,
    /// HTML `<time datetime=...>`.
    TimeElement,
    /// Given on the command line (`--date`).
    CommandLine,
}

/// What a stretch of the canonical text is.
///
/// `Credit`, `Dateline` and `Boilerplate` are page furniture: kept in the text so spans stay
/// true, never a source of facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ZoneKind {
    /// The headline.
    Title,
    /// A standfirst or sub-headline.
    Subtitle,
    /// Article body.
    Body,
    /// A photo caption kept in a plain-text article (its facts are real, its credit is not).
    Caption,
    /// A photo or agency credit (`Reuters`, `AFP via Getty Images`).
    Credit,
    /// A publication dateline (`Updated: September 29, 2023, 6:38 AM`).
    Dateline,
    /// Site furniture (`Powered by automated translation`, `Share this article`).
    Boilerplate,
}

impl ZoneKind {
    /// Furniture never yields facts.
    pub const fn is_furniture(self) -> bool {
        matches!(self, ZoneKind::Credit | ZoneKind::Dateline | ZoneKind::Boilerplate)
    }
}

/// A labelled stretch of the canonical text. Zones do not overlap; text outside every zone is body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Zone {
    pub kind: ZoneKind,
    #[serde(flatten)]
    pub span: Span,
}

/// One article, as extracted from its input: canonical text plus metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: DocumentId,
    /// Where it came from, for people: a path, `path:line` for JSON Lines, `path#item` for feeds.
    pub source: String,
    /// The identifier the input gives (JSON Lines `id`, a feed item's `guid`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PublicationDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_source: Option<DateSource>,
    /// ISO 639-1 code of the detected language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The canonical text: every annotation is a byte span into it.
    pub text: String,
    /// Title, furniture and other non-body zones, in text order.
    #[serde(default)]
    pub zones: Vec<Zone>,
    /// Other fields of the input record, kept as they were.
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub metadata: serde_json::Map<String, serde_json::Value>,
}

impl Document {
    /// The identity of an article: its source id (or source) and its canonical text.
    pub fn compute_id(source_key: &str, text: &str) -> DocumentId {
        let mut h = blake3::Hasher::new();
        h.update(source_key.as_bytes());
        h.update(&[0]);
        h.update(text.as_bytes());
        let hex = h.finalize().to_hex();
        DocumentId(hex[..32].to_string())
    }

    /// The zone kind at a byte offset (`Body` outside every zone).
    pub fn zone_at(&self, offset: usize) -> ZoneKind {
        self.zones
            .iter()
            .find(|z| z.span.start <= offset && offset < z.span.end)
            .map_or(ZoneKind::Body, |z| z.kind)
    }

    /// True when the span touches furniture.
    pub fn in_furniture(&self, span: Span) -> bool {
        self.zones.iter().any(|z| z.kind.is_furniture() && z.span.overlaps(span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publication_date_round_trips() {
        for s in ["2023-09-29", "2023-09-29T06:38", "2023-09-29T06:38:12"] {
            let d = PublicationDate::parse_iso(s).expect(s);
            assert_eq!(d.to_string(), s);
        }
        let d = PublicationDate::parse_iso("2023-09-29T06:38:00Z").expect("zone");
        assert_eq!(d.to_string(), "2023-09-29T06:38");
        assert!(PublicationDate::parse_iso("29/09/2023").is_none());
        assert!(PublicationDate::parse_iso("").is_none());
    }

    #[test]
    fn document_id_depends_on_source_and_text() {
        let a = Document::compute_id("x", "hello");
        assert_eq!(a, Document::compute_id("x", "hello"));
        assert_ne!(a, Document::compute_id("y", "hello"));
        assert_ne!(a, Document::compute_id("x", "hello!"));
        assert_eq!(a.0.len(), 32);
    }
}
