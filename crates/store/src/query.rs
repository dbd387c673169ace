//! Queries for analysts: actor lookup and search, the actor dossier, events and relations with
//! filters, full-text search over articles, timelines, an actor's ego network, and one document
//! with its annotations. Read-only; every answer carries ids that lead back to the evidence.
//!
//! Actor lookup by name is case-insensitive over canonical names and aliases, and says so when a
//! name fits several entities ([`QueryError::Ambiguous`]). Event dates are TIMEX3 values of any
//! precision; [`DateBounds`] turns them into day ranges for filters and timelines.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use types::{Analysis, EventCategory, Predicate, PublicationDate, Zone};

use crate::{Store, StoreError};

/// The largest `limit` a query accepts.
pub const MAX_LIMIT: usize = 1000;

/// Why a query could not be answered.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error("no {what} {name:?}{}", suggest(.suggestions))]
    NotFound { what: &'static str, name: String, suggestions: Vec<String> },
    #[error("{name:?} is ambiguous: it names {} entities: {}; give one of these ids instead",
        .candidates.len(), list(.candidates))]
    Ambiguous { name: String, candidates: Vec<ActorRef> },
    #[error("{param}: {reason}")]
    BadParameter { param: String, reason: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn suggest(s: &[String]) -> String {
    if s.is_empty() { String::new() } else { format!(" (did you mean: {}?)", s.join(", ")) }
}

fn list(c: &[ActorRef]) -> String {
    c.iter()
        .map(|a| format!("{:?} ({} {}, {} mentions)", a.id, a.etype, a.name, a.mentions))
        .collect::<Vec<_>>()
        .join("; ")
}

pub type QueryResult<T> = std::result::Result<T, QueryError>;

fn bad(param: &str, reason: impl Into<String>) -> QueryError {
    QueryError::BadParameter { param: param.to_string(), reason: reason.into() }
}

/// Checks a `limit` parameter: 1..=[`MAX_LIMIT`].
pub fn check_limit(param: &str, limit: usize) -> QueryResult<usize> {
    if limit == 0 || limit > MAX_LIMIT {
        return Err(bad(param, format!("must be between 1 and {MAX_LIMIT}, got {limit}")));
    }
    Ok(limit)
}

// ---------------------------------------------------------------------------------------------
// Dates

/// The first and last day a TIMEX3 value (or an interval `from/to`) may denote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DateBounds {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl DateBounds {
    /// Bounds of `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (a time part is ignored), `YYYY-Www`, `YYYY-Qn`,
    /// `YYYY-SU|FA|WI|SP` (seasons as quarters), decades `201X` and centuries `19XX`, and
    /// intervals `A/B` of those. `None` for durations, references (`PAST_REF`) and nonsense.
    pub fn of(value: &str) -> Option<DateBounds> {
        let value = value.trim();
        if let Some((a, b)) = value.split_once('/') {
            let (a, b) = (DateBounds::of(a)?, DateBounds::of(b)?);
            return (a.first <= b.last).then_some(DateBounds { first: a.first, last: b.last });
        }
        let year_part = value.get(..4)?;
        let rest = &value[4..];
        let (y0, y1) = if let Some(d) = year_part.strip_suffix("XX") {
            let c: i32 = d.parse().ok()?;
            (c * 100, c * 100 + 99)
        } else if let Some(d) = year_part.strip_suffix('X') {
            let c: i32 = d.parse().ok()?;
            (c * 10, c * 10 + 9)
        } else {
            let y: i32 = year_part.parse().ok()?;
            (y, y)
        };
        if !year_part.bytes().all(|b| b.is_ascii_digit() || b == b'X') {
            return None;
        }
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let month_end = |y: i32, m: u32| {
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            ymd(ny, nm, 1).and_then(|d| d.pred_opt())
        };
        if rest.is_empty() {
            return Some(DateBounds { first: ymd(y0, 1, 1)?, last: ymd(y1, 12, 31)? });
        }
        if y0 != y1 {
            return None;
        }
        let y = y0;
        let rest = rest.strip_prefix('-')?;
        if let Some(q) = rest.strip_prefix('Q') {
            let q: u32 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
            let m = (q - 1) * 3 + 1;
            return Some(DateBounds { first: ymd(y, m, 1)?, last: month_end(y, m + 2)? });
        }
        let season = match rest {
            "SP" => Some((3, 5)),
            "SU" => Some((6, 8)),
            "FA" => Some((9, 11)),
            "WI" => Some((12, 14)),
            _ => None,
        };
        if let Some((m0, m1)) = season {
            let (ly, lm) = if m1 > 12 { (y + 1, m1 - 12) } else { (y, m1) };
            return Some(DateBounds { first: ymd(y, m0, 1)?, last: month_end(ly, lm)? });
        }
        if let Some(w) = rest.strip_prefix('W') {
            let w: u32 = w.get(..2)?.parse().ok()?;
            let first = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
            return Some(DateBounds { first, last: first + Duration::days(6) });
        }
        let m: u32 = rest.get(..2)?.parse().ok()?;
        let rest = &rest[2..];
        if rest.is_empty() {
            return Some(DateBounds { first: ymd(y, m, 1)?, last: month_end(y, m)? });
        }
        let d: u32 = rest.strip_prefix('-')?.get(..2)?.parse().ok()?;
        let day = ymd(y, m, d)?;
        Some(DateBounds { first: day, last: day })
    }

    /// The precision of a value, as the event-data export names it.
    pub fn precision(value: &str) -> &'static str {
        let value = value.trim();
        if value.contains('/') {
            return "interval";
        }
        match DateBounds::of(value) {
            None => "unknown",
            Some(b) if b.first == b.last => "day",
            Some(_) if matches!(value.get(4..), Some("-SP" | "-SU" | "-FA" | "-WI")) => "season",
            Some(_) if value.contains("-W") => "week",
            Some(_) if value.contains('Q') => "quarter",
            Some(_) if value.len() == 7 => "month",
            Some(_) if value.ends_with("XX") => "century",
            Some(_) if value.ends_with('X') => "decade",
            Some(_) => "year",
        }
    }
}

/// Parses a date given by a person (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) for the parameter
/// `param`; the answer spans every day the value covers.
pub fn parse_user_date(param: &str, value: &str) -> QueryResult<DateBounds> {
    let v = value.trim();
    let shape_ok = matches!(v.len(), 4 | 7 | 10)
        && v.bytes()
            .enumerate()
            .all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    match DateBounds::of(v) {
        Some(b) if shape_ok => Ok(b),
        _ => Err(bad(
            param,
            format!("{value:?} is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"),
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// Answers

/// An entity, as lists and lookups show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorRef {
    pub id: String,
    #[serde(rename = "type")]
    pub etype: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    pub mentions: i64,
    pub documents: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geo: Option<Geo>,
    /// The alias a search matched, when it is not the name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<String>,
}

/// Where a place is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Geo {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

/// A short reference to an entity (or, with no id, to a phrase no entity was found for).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Named {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub name: String,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub etype: Option<String>,
}

/// A place an event happened, with coordinates when the gazetteer gave them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

/// Where a fact was read: a document, a sentence and a byte span with its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub document: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    pub sentence: i64,
    pub start: i64,
    pub end: i64,
    /// The text of `[start, end)`.
    pub text: String,
}

/// An alias and how often it was used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alias {
    pub alias: String,
    /// `name` or `description`.
    pub kind: String,
    pub count: i64,
}

/// A title a person held, over time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TitleSpan {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub of: Option<Named>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<String>,
    pub reports: i64,
    pub sources: Vec<Evidence>,
}

/// A standing relation between two entities.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationRow {
    pub id: String,
    pub subject: Named,
    pub predicate: String,
    pub object: Named,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<String>,
    pub reports: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_reported: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_reported: Option<String>,
    pub sources: Vec<Evidence>,
}

/// One real event (merged over its reports).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    pub id: String,
    pub category: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    pub modality: String,
    pub implied: bool,
    pub actors: Vec<Named>,
    pub recipients: Vec<Named>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<Named>,
    pub reports: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_reported: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_reported: Option<String>,
    /// The sentences that report it (at most [`SOURCES_PER_FACT`]).
    pub sources: Vec<Evidence>,
}

/// How many sources a fact lists (the count of all is its `reports`).
pub const SOURCES_PER_FACT: usize = 5;

/// An actor seen in events together with another, and how often.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoParticipant {
    pub actor: Named,
    pub events: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
}

/// A document, as lists show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocRef {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    pub source: String,
    /// Mentions of the actor in it, in a dossier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mentions: Option<i64>,
}

/// Everything known about one actor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dossier {
    pub actor: ActorRef,
    pub aliases: Vec<Alias>,
    pub titles: Vec<TitleSpan>,
    pub relations: Vec<RelationRow>,
    /// In date order (undated last), at most `limit`.
    pub events: Vec<EventRow>,
    pub events_total: i64,
    /// Actors most often in cooperative events (PLOVER's cooperation classes) with this one.
    pub met: Vec<CoParticipant>,
    /// Actors most often on the other side of conflict events (PLOVER's conflict classes).
    pub fought: Vec<CoParticipant>,
    /// Most recent first, at most `limit`.
    pub documents: Vec<DocRef>,
    pub documents_total: i64,
}

/// Whether a category is cooperation, conflict, or neither (DIE, DISASTER, STATEMENT).
pub fn category_class(category: &str) -> Option<&'static str> {
    match EventCategory::parse(category)? {
        EventCategory::Agree
        | EventCategory::Consult
        | EventCategory::Support
        | EventCategory::Concede
        | EventCategory::Cooperate
        | EventCategory::Aid
        | EventCategory::Retreat
        | EventCategory::Request => Some("cooperation"),
        EventCategory::Accuse
        | EventCategory::Reject
        | EventCategory::Threaten
        | EventCategory::Protest
        | EventCategory::Sanction
        | EventCategory::Mobilize
        | EventCategory::Coerce
        | EventCategory::Assault => Some("conflict"),
        EventCategory::Die | EventCategory::Disaster | EventCategory::Statement => None,
    }
}

/// Filters for [`Store::events`].
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub actor: Option<String>,
    pub category: Option<String>,
    pub place: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub limit: usize,
    pub offset: usize,
}

/// A page of events.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventPage {
    pub total: usize,
    pub offset: usize,
    pub events: Vec<EventRow>,
}

/// A page of relations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationPage {
    pub total: usize,
    pub offset: usize,
    pub relations: Vec<RelationRow>,
}

/// A piece of a search snippet: text, and whether it matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

/// A full-text search hit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub document: DocRef,
    pub snippet: Vec<SnippetPart>,
    /// BM25 (lower is better, as SQLite gives it).
    pub score: f64,
}

/// The answer of a full-text search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// The FTS5 query actually run.
    pub query: String,
    pub total: i64,
    pub hits: Vec<SearchHit>,
}

/// Timeline bucket sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bucket {
    Day,
    Week,
    Month,
}

impl Bucket {
    pub fn parse(s: &str) -> QueryResult<Bucket> {
        match s.to_ascii_lowercase().as_str() {
            "day" => Ok(Bucket::Day),
            "week" => Ok(Bucket::Week),
            "month" => Ok(Bucket::Month),
            _ => Err(bad("by", format!("{s:?}: expected day, week or month"))),
        }
    }

    /// The bucket a day falls in: `2023-09-28`, `2023-W39`, `2023-09`.
    fn label(self, d: NaiveDate) -> String {
        match self {
            Bucket::Day => d.format("%Y-%m-%d").to_string(),
            Bucket::Week => {
                let w = d.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Bucket::Month => d.format("%Y-%m").to_string(),
        }
    }
}

/// Events per period and category.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    pub by: Bucket,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<ActorRef>,
    pub periods: Vec<Period>,
    /// Every category that occurs, most frequent first.
    pub categories: Vec<String>,
    /// Events with no date.
    pub undated: i64,
    /// Events whose date is coarser than a bucket (a year for days), or spans several.
    pub coarser: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Period {
    pub period: String,
    pub total: i64,
    pub counts: BTreeMap<String, i64>,
}

/// A node of an ego network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GraphNode {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub etype: String,
    /// 0 for the centre, then 1 or 2.
    pub hops: u8,
    pub mentions: i64,
}

/// A typed edge: a relation (`kind = relation`, `type` = predicate) or event ties (`kind =
/// event`, `type` = category; `count` events between `first` and `last`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GraphEdge {
    pub source: String,
    pub target: String,
    pub kind: &'static str,
    #[serde(rename = "type")]
    pub etype: String,
    pub count: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Graph {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
    /// True when neighbours were left out to keep the graph readable.
    pub truncated: bool,
}

/// One stored document with every annotation; entity keys are the stored entity ids.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentView {
    pub id: String,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    pub text: String,
    pub zones: Vec<Zone>,
    #[serde(flatten)]
    pub analysis: Analysis,
    /// The stored event id of each of `events`, in order.
    pub event_ids: Vec<String>,
}

// ---------------------------------------------------------------------------------------------
// Queries

const ACTOR_COLS: &str = "e.id, e.type, e.name, e.kind, e.mentions, e.documents, e.first_seen, e.last_seen, e.geo_id, e.country, e.lat, e.lon";

fn actor_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ActorRef> {
    let geo_id: Option<String> = r.get(8)?;
    let country: Option<String> = r.get(9)?;
    let lat: Option<f64> = r.get(10)?;
    let lon: Option<f64> = r.get(11)?;
    let geo = (geo_id.is_some() || lat.is_some() || country.is_some()).then_some(Geo {
        id: geo_id,
        country,
        lat,
        lon,
    });
    Ok(ActorRef {
        id: r.get(0)?,
        etype: r.get(1)?,
        name: r.get(2)?,
        kind: r.get(3)?,
        mentions: r.get(4)?,
        documents: r.get(5)?,
        first_seen: r.get(6)?,
        last_seen: r.get(7)?,
        geo,
        matched: None,
    })
}

/// Bytes `[start, end)` of a document's text, in SQL (substr on a BLOB counts bytes).
const SPAN_TEXT: &str = "CAST(substr(CAST(d.text AS BLOB), x.start + 1, x.end - x.start) AS TEXT)";

impl Store {
    fn q<T>(
        &self,
        sql: &str,
        p: impl rusqlite::Params,
        f: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> QueryResult<Vec<T>> {
        let mut st = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = st.query_map(p, f).map_err(|e| self.err(e))?;
        Ok(rows.collect::<rusqlite::Result<Vec<T>>>().map_err(|e| self.err(e))?)
    }

    fn q1<T>(
        &self,
        sql: &str,
        p: impl rusqlite::Params,
        f: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> QueryResult<Option<T>> {
        let mut st = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        Ok(st.query_row(p, f).optional().map_err(|e| self.err(e))?)
    }

    /// An entity by its id.
    pub fn actor_by_id(&self, id: &str) -> QueryResult<Option<ActorRef>> {
        self.q1(&format!("SELECT {ACTOR_COLS} FROM entities e WHERE e.id = ?1"), [id], actor_row)
    }

    /// The one entity `name` denotes: an id (or a merged-away id), else a case-insensitive match
    /// of a canonical name or name alias. Several matches are [`QueryError::Ambiguous`].
    pub fn find_actor(&self, name: &str) -> QueryResult<ActorRef> {
        let name = name.trim();
        if name.is_empty() {
            return Err(bad("actor", "empty name"));
        }
        if let Some(a) = self.actor_by_id(name)? {
            return Ok(a);
        }
        let redirected: Option<String> =
            self.q1("SELECT to_id FROM entity_redirects WHERE from_id = ?1", [name], |r| r.get(0))?;
        if let Some(a) = redirected.map(|id| self.actor_by_id(&id)).transpose()?.flatten() {
            return Ok(a);
        }
        let mut found = self.q(
            &format!(
                "SELECT {ACTOR_COLS} FROM entities e WHERE e.id IN (
                    SELECT entity FROM aliases WHERE alias = ?1 COLLATE NOCASE AND kind = 'name'
                    UNION SELECT id FROM entities WHERE name = ?1 COLLATE NOCASE)
                 ORDER BY e.mentions DESC, e.id LIMIT 50"
            ),
            [name],
            actor_row,
        )?;
        if found.is_empty() {
            // No exact match: names and aliases holding the text as whole words
            // (`Putin` for `Vladimir Putin`).
            let like = format!("%{}%", like_escape(name));
            let rows = self.q(
                &format!(
                    "SELECT {ACTOR_COLS}, m.alias FROM (
                        SELECT entity AS id, alias FROM aliases
                            WHERE alias LIKE ?1 ESCAPE '\\' AND kind = 'name'
                        UNION SELECT id, name FROM entities WHERE name LIKE ?1 ESCAPE '\\') m
                     JOIN entities e ON e.id = m.id
                     ORDER BY e.mentions DESC, e.id"
                ),
                [like],
                |r| Ok((actor_row(r)?, r.get::<_, String>(12)?)),
            )?;
            let words = words_of(&name.to_lowercase());
            for (a, alias) in rows {
                let alias_words = words_of(&alias.to_lowercase());
                let holds = alias_words.windows(words.len().max(1)).any(|w| w == words.as_slice());
                if holds && !found.iter().any(|f| f.id == a.id) && found.len() < 50 {
                    found.push(a);
                }
            }
        }
        match found.len() {
            0 => {
                let suggestions =
                    self.search_actors(name, 5)?.into_iter().map(|a| a.name).collect::<Vec<_>>();
                Err(QueryError::NotFound { what: "actor", name: name.to_string(), suggestions })
            }
            1 => Ok(found.remove(0)),
            _ => Err(QueryError::Ambiguous { name: name.to_string(), candidates: found }),
        }
    }

    /// Entities whose name or an alias contains `text` (case-insensitive): exact matches first,
    /// then prefixes, then the rest; by mentions within each.
    pub fn search_actors(&self, text: &str, limit: usize) -> QueryResult<Vec<ActorRef>> {
        let limit = check_limit("limit", limit)?;
        let text = text.trim();
        if text.is_empty() {
            return Ok(Vec::new());
        }
        let like = format!("%{}%", like_escape(text));
        let rows = self.q(
            &format!(
                "WITH m AS (
                    SELECT entity AS id, alias AS matched,
                        CASE WHEN alias = ?1 COLLATE NOCASE THEN 0
                             WHEN alias LIKE ?2 ESCAPE '\\' AND lower(substr(alias, 1, length(?1))) = lower(?1) THEN 1
                             ELSE 2 END AS rank
                    FROM aliases WHERE alias LIKE ?2 ESCAPE '\\' AND kind = 'name'
                    UNION ALL
                    SELECT id, name, CASE WHEN name = ?1 COLLATE NOCASE THEN 0
                             WHEN lower(substr(name, 1, length(?1))) = lower(?1) THEN 1 ELSE 2 END
                    FROM entities WHERE name LIKE ?2 ESCAPE '\\')
                 SELECT {ACTOR_COLS}, MIN(m.rank) AS best, m.matched
                 FROM m JOIN entities e ON e.id = m.id
                 GROUP BY e.id ORDER BY best, e.mentions DESC, e.id LIMIT ?3"
            ),
            params![text, like, limit as i64],
            |r| {
                let mut a = actor_row(r)?;
                let matched: String = r.get(13)?;
                if matched != a.name {
                    a.matched = Some(matched);
                }
                Ok(a)
            },
        )?;
        Ok(rows)
    }

    fn named(&self, id: &str) -> QueryResult<Named> {
        let row = self.q1("SELECT name, type FROM entities WHERE id = ?1", [id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        Ok(match row {
            Some((name, t)) => Named { id: Some(id.to_string()), name, etype: Some(t) },
            None => Named { id: Some(id.to_string()), name: id.to_string(), etype: None },
        })
    }

    fn place(&self, id: &str) -> QueryResult<Option<Place>> {
        self.q1("SELECT id, name, country, lat, lon FROM entities WHERE id = ?1", [id], |r| {
            Ok(Place {
                id: r.get(0)?,
                name: r.get(1)?,
                country: r.get(2)?,
                lat: r.get(3)?,
                lon: r.get(4)?,
            })
        })
    }

    /// The dossier of an actor (found as [`Store::find_actor`] does); lists hold at most `limit`.
    pub fn dossier(&self, name: &str, limit: usize) -> QueryResult<Dossier> {
        let limit = check_limit("limit", limit)?;
        let actor = self.find_actor(name)?;
        let id = actor.id.as_str();
        let aliases = self.q(
            "SELECT alias, kind, count FROM aliases WHERE entity = ?1
             ORDER BY kind DESC, count DESC, alias LIMIT ?2",
            params![id, limit as i64],
            |r| Ok(Alias { alias: r.get(0)?, kind: r.get(1)?, count: r.get(2)? }),
        )?;
        let titles = self.titles_of(id, limit)?;
        let relations = self.relation_rows(Some(id), None, limit, 0)?.relations;
        let (events_total, events) = self.actor_events(id, limit)?;
        let (met, fought) = self.co_participants(id, 10)?;
        let documents_total: i64 = self
            .q1("SELECT COUNT(*) FROM document_entities WHERE entity = ?1", [id], |r| r.get(0))?
            .unwrap_or(0);
        let documents = self.q(
            "SELECT d.id, d.title, d.published, d.source,
                (SELECT COUNT(*) FROM mentions m WHERE m.doc = d.rowid AND m.entity = ?1)
             FROM documents d WHERE d.rowid IN (SELECT doc FROM document_entities WHERE entity = ?1)
             ORDER BY d.published DESC, d.id LIMIT ?2",
            params![id, limit as i64],
            |r| {
                Ok(DocRef {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    published: r.get(2)?,
                    source: r.get(3)?,
                    mentions: Some(r.get(4)?),
                })
            },
        )?;
        Ok(Dossier {
            actor,
            aliases,
            titles,
            relations,
            events,
            events_total,
            met,
            fought,
            documents,
            documents_total,
        })
    }

    fn titles_of(&self, id: &str, limit: usize) -> QueryResult<Vec<TitleSpan>> {
        let rows = self.q(
            &format!(
                "SELECT x.title, x.of, x.date, d.id, d.title, d.published, x.sentence, x.start, x.end, {SPAN_TEXT}
                 FROM titles x JOIN documents d ON d.rowid = x.doc
                 WHERE x.person = ?1 ORDER BY x.date, d.id, x.idx"
            ),
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    Evidence {
                        document: r.get(3)?,
                        title: r.get(4)?,
                        published: r.get(5)?,
                        sentence: r.get(6)?,
                        start: r.get(7)?,
                        end: r.get(8)?,
                        text: r.get::<_, Option<String>>(9)?.unwrap_or_default(),
                    },
                ))
            },
        )?;
        // Group by (title as written, case-folded; organisation).
        let mut groups: Vec<(String, Option<String>, TitleSpan)> = Vec::new();
        for (title, of, date, ev) in rows {
            let key = title.to_lowercase();
            let day = date.as_deref().map(|d| d.get(..10).unwrap_or(d).to_string());
            match groups.iter_mut().find(|(k, o, _)| *k == key && *o == of) {
                Some((_, _, t)) => {
                    t.reports += 1;
                    if day.is_some() && (t.first_seen.is_none() || day < t.first_seen) {
                        t.first_seen = day.clone();
                    }
                    if day > t.last_seen {
                        t.last_seen = day;
                    }
                    if t.sources.len() < SOURCES_PER_FACT {
                        t.sources.push(ev);
                    }
                }
                None => {
                    let of_named = of.as_deref().map(|o| self.named(o)).transpose()?;
                    groups.push((
                        key,
                        of,
                        TitleSpan {
                            title,
                            of: of_named,
                            first_seen: day.clone(),
                            last_seen: day,
                            reports: 1,
                            sources: vec![ev],
                        },
                    ));
                }
            }
        }
        let mut titles: Vec<TitleSpan> = groups.into_iter().map(|(_, _, t)| t).collect();
        titles.sort_by(|a, b| {
            (&a.first_seen, &a.last_seen, &a.title).cmp(&(&b.first_seen, &b.last_seen, &b.title))
        });
        titles.truncate(limit);
        Ok(titles)
    }

    fn relation_sources(&self, id: &str) -> QueryResult<Vec<Evidence>> {
        self.q(
            &format!(
                "SELECT d.id, d.title, d.published, x.sentence, x.start, x.end, {SPAN_TEXT}
                 FROM (SELECT doc, sentence, evidence_start AS start, evidence_end AS end
                       FROM relation_reports WHERE relation = ?1) x
                 JOIN documents d ON d.rowid = x.doc
                 ORDER BY d.published, d.id LIMIT {SOURCES_PER_FACT}"
            ),
            [id],
            evidence_row,
        )
    }

    fn relation_rows(
        &self,
        actor: Option<&str>,
        predicate: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> QueryResult<RelationPage> {
        let where_actor =
            if actor.is_some() { "(subject = ?1 OR object = ?1)" } else { "?1 IS NULL" };
        let where_pred = "(?2 IS NULL OR predicate = ?2)";
        let total: i64 = self
            .q1(
                &format!("SELECT COUNT(*) FROM relations WHERE {where_actor} AND {where_pred}"),
                params![actor, predicate],
                |r| r.get(0),
            )?
            .unwrap_or(0);
        let rows = self.q(
            &format!(
                "SELECT id, subject, predicate, object, title, valid_from, valid_to, reports, first_reported, last_reported
                 FROM relations WHERE {where_actor} AND {where_pred}
                 ORDER BY reports DESC, predicate, id LIMIT ?3 OFFSET ?4"
            ),
            params![actor, predicate, limit as i64, offset as i64],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, i64>(7)?,
                    r.get::<_, Option<String>>(8)?,
                    r.get::<_, Option<String>>(9)?,
                ))
            },
        )?;
        let mut relations = Vec::with_capacity(rows.len());
        for (id, s, p, o, title, vf, vt, reports, fr, lr) in rows {
            relations.push(RelationRow {
                sources: self.relation_sources(&id)?,
                subject: self.named(&s)?,
                object: self.named(&o)?,
                id,
                predicate: p,
                title,
                valid_from: vf,
                valid_to: vt,
                reports,
                first_reported: fr,
                last_reported: lr,
            });
        }
        Ok(RelationPage { total: total.max(0) as usize, offset, relations })
    }

    /// Standing relations, optionally of one actor (as subject or object) and one predicate.
    pub fn relations(
        &self,
        actor: Option<&str>,
        predicate: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> QueryResult<RelationPage> {
        let limit = check_limit("limit", limit)?;
        let actor = actor.map(|a| self.find_actor(a)).transpose()?;
        let predicate = predicate
            .map(|p| {
                Predicate::parse(p.trim()).map(Predicate::as_str).ok_or_else(|| {
                    let all: Vec<_> = Predicate::ALL.iter().map(|p| p.as_str()).collect();
                    bad("predicate", format!("{p:?}: expected one of {}", all.join(", ")))
                })
            })
            .transpose()?;
        self.relation_rows(actor.as_ref().map(|a| a.id.as_str()), predicate, limit, offset)
    }

    /// Builds full rows for events by id (order kept).
    fn event_rows(&self, ids: &[String]) -> QueryResult<Vec<EventRow>> {
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let Some(mut row) = self.q1(
                "SELECT id, category, mode, date, place, modality, implied, reports, first_reported, last_reported
                 FROM events WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        EventRow {
                            id: r.get(0)?,
                            category: r.get(1)?,
                            mode: r.get(2)?,
                            date: r.get(3)?,
                            place: None,
                            modality: r.get(5)?,
                            implied: r.get(6)?,
                            actors: vec![],
                            recipients: vec![],
                            with: vec![],
                            reports: r.get(7)?,
                            first_reported: r.get(8)?,
                            last_reported: r.get(9)?,
                            sources: vec![],
                        },
                        r.get::<_, Option<String>>(4)?,
                    ))
                },
            )?
            else {
                continue;
            };
            if let Some(p) = row.1.as_deref() {
                row.0.place = self.place(p)?;
            }
            let mut ev = row.0;
            // Arguments over every report, each entity once per role (first seen order).
            let args = self.q(
                "SELECT a.role, a.entity, COALESCE(e.name, a.text), e.type
                 FROM event_reports r
                 JOIN event_arguments a ON a.doc = r.doc AND a.event = r.idx
                 LEFT JOIN entities e ON e.id = a.entity
                 WHERE r.event = ?1 AND a.role IN ('actor', 'recipient', 'with')
                 ORDER BY r.doc, a.role, a.position",
                [id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        Named { id: r.get(1)?, name: r.get(2)?, etype: r.get(3)? },
                    ))
                },
            )?;
            let mut seen = HashSet::new();
            for (role, n) in args {
                let key = (role.clone(), n.id.clone().unwrap_or_else(|| n.name.to_lowercase()));
                if !seen.insert(key) {
                    continue;
                }
                match role.as_str() {
                    "actor" => ev.actors.push(n),
                    "recipient" => ev.recipients.push(n),
                    _ => ev.with.push(n),
                }
            }
            ev.sources = self.q(
                &format!(
                    "SELECT d.id, d.title, d.published, x.sentence, x.start, x.end, {SPAN_TEXT}
                     FROM (SELECT r.doc, r.sentence, s.start, s.end FROM event_reports r
                           JOIN sentences s ON s.doc = r.doc AND s.idx = r.sentence
                           WHERE r.event = ?1) x
                     JOIN documents d ON d.rowid = x.doc
                     ORDER BY d.published, d.id LIMIT {SOURCES_PER_FACT}"
                ),
                [id],
                evidence_row,
            )?;
            out.push(ev);
        }
        Ok(out)
    }

    /// Ids and dates of the events an entity takes part in (as actor, recipient, with, or place).
    fn event_ids_of(&self, entity: &str) -> QueryResult<Vec<(String, Option<String>)>> {
        self.q(
            "SELECT DISTINCT ev.id, ev.date FROM event_arguments a
             JOIN event_reports r ON r.doc = a.doc AND r.idx = a.event
             JOIN events ev ON ev.id = r.event
             WHERE a.entity = ?1 AND a.role IN ('actor', 'recipient', 'with', 'place')",
            [entity],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    fn actor_events(&self, id: &str, limit: usize) -> QueryResult<(i64, Vec<EventRow>)> {
        let mut ids = self.event_ids_of(id)?;
        sort_by_date(&mut ids);
        let total = ids.len() as i64;
        ids.truncate(limit);
        let ids: Vec<String> = ids.into_iter().map(|(id, _)| id).collect();
        Ok((total, self.event_rows(&ids)?))
    }

    /// The actors most often with `id` in cooperative events, and against it in conflict ones.
    /// Every (event, category, date, `id`'s role, other entity, other role) over the reports of
    /// events in which `id` takes part with another entity.
    fn event_ties(&self, id: &str) -> QueryResult<Vec<EventTie>> {
        self.q(
            "SELECT DISTINCT r.event, r.category, ev.date, me.role, o.entity, o.role
             FROM event_arguments me
             JOIN event_reports r ON r.doc = me.doc AND r.idx = me.event
             JOIN events ev ON ev.id = r.event
             JOIN event_arguments o ON o.doc = me.doc AND o.event = me.event
             WHERE me.entity = ?1 AND me.role IN ('actor', 'recipient', 'with')
               AND o.role IN ('actor', 'recipient', 'with')
               AND o.entity IS NOT NULL AND o.entity != ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )
    }

    fn co_participants(
        &self,
        id: &str,
        top: usize,
    ) -> QueryResult<(Vec<CoParticipant>, Vec<CoParticipant>)> {
        let rows = self.event_ties(id)?;
        let side = |role: &str| if role == "recipient" { 1 } else { 0 };
        type Tally = HashMap<String, (HashSet<String>, Option<String>)>;
        let (mut met, mut fought): (Tally, Tally) = Default::default();
        for (event, category, date, my_role, other, other_role) in rows {
            let tally = match category_class(&category) {
                Some("cooperation") => &mut met,
                Some("conflict") if side(&my_role) != side(&other_role) => &mut fought,
                _ => continue,
            };
            let entry = tally.entry(other).or_default();
            entry.0.insert(event);
            if date > entry.1 {
                entry.1 = date;
            }
        }
        let finish = |t: Tally| -> QueryResult<Vec<CoParticipant>> {
            let mut v: Vec<(String, i64, Option<String>)> =
                t.into_iter().map(|(k, (evs, last))| (k, evs.len() as i64, last)).collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v.truncate(top);
            v.into_iter()
                .map(|(k, n, last)| Ok(CoParticipant { actor: self.named(&k)?, events: n, last }))
                .collect()
        };
        Ok((finish(met)?, finish(fought)?))
    }

    /// Events matching every filter given, in date order (undated last).
    pub fn events(&self, f: &EventFilter) -> QueryResult<EventPage> {
        let limit = check_limit("limit", f.limit)?;
        let from = f.from.as_deref().map(|d| parse_user_date("from", d)).transpose()?;
        let to = f.to.as_deref().map(|d| parse_user_date("to", d)).transpose()?;
        if let (Some(a), Some(b)) = (from, to)
            && a.first > b.last
        {
            return Err(bad("from", "is after `to`"));
        }
        let category = f
            .category
            .as_deref()
            .map(|c| {
                EventCategory::parse(c.trim()).map(EventCategory::as_str).ok_or_else(|| {
                    let all: Vec<_> = EventCategory::ALL.iter().map(|c| c.as_str()).collect();
                    bad("type", format!("{c:?}: expected one of {}", all.join(", ")))
                })
            })
            .transpose()?;
        let actor = f.actor.as_deref().map(|a| self.find_actor(a)).transpose()?;
        let place = f.place.as_deref().map(|p| self.find_actor(p)).transpose()?;

        // Candidate ids with dates: from the most selective filter.
        let mut cand: Vec<(String, Option<String>)> = match (&actor, &place) {
            (Some(a), _) => self.event_ids_of(&a.id)?,
            (None, Some(p)) => self.events_at(&p.id)?,
            (None, None) => self.q(
                "SELECT id, date FROM events WHERE (?1 IS NULL OR category = ?1)",
                [category],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?,
        };
        if let (Some(_), Some(p)) = (&actor, &place) {
            let at: HashSet<String> =
                self.events_at(&p.id)?.into_iter().map(|(id, _)| id).collect();
            cand.retain(|(id, _)| at.contains(id));
        }
        if let Some(c) = category
            && (actor.is_some() || place.is_some())
        {
            let of_cat: HashSet<String> = self
                .q("SELECT id FROM events WHERE category = ?1", [c], |r| r.get(0))?
                .into_iter()
                .collect();
            cand.retain(|(id, _)| of_cat.contains(id));
        }
        if from.is_some() || to.is_some() {
            cand.retain(|(_, date)| {
                let Some(b) = date.as_deref().and_then(DateBounds::of) else { return false };
                from.is_none_or(|f| b.last >= f.first) && to.is_none_or(|t| b.first <= t.last)
            });
        }
        sort_by_date(&mut cand);
        let total = cand.len();
        let ids: Vec<String> =
            cand.into_iter().skip(f.offset).take(limit).map(|(id, _)| id).collect();
        Ok(EventPage { total, offset: f.offset, events: self.event_rows(&ids)? })
    }

    fn events_at(&self, place: &str) -> QueryResult<Vec<(String, Option<String>)>> {
        self.q(
            "SELECT id, date FROM events WHERE place = ?1
             UNION SELECT ev.id, ev.date FROM event_arguments a
               JOIN event_reports r ON r.doc = a.doc AND r.idx = a.event
               JOIN events ev ON ev.id = r.event
               WHERE a.entity = ?1 AND a.role = 'place'",
            [place],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// Full-text search over titles and texts. Words are matched as given (stemmed); a phrase
    /// in double quotes is matched as a phrase; every word or phrase must occur.
    pub fn search(&self, text: &str, limit: usize) -> QueryResult<SearchResults> {
        let limit = check_limit("limit", limit)?;
        let query = fts_query(text).ok_or_else(|| bad("q", "nothing to search for"))?;
        let total: i64 = self
            .q1("SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH ?1", [&query], |r| {
                r.get(0)
            })?
            .unwrap_or(0);
        let hits = self.q(
            "SELECT d.id, d.title, d.published, d.source,
                snippet(documents_fts, 1, char(57344), char(57345), '…', 16), f.rank
             FROM documents_fts f JOIN documents d ON d.rowid = f.rowid
             WHERE documents_fts MATCH ?1 ORDER BY f.rank LIMIT ?2",
            params![query, limit as i64],
            |r| {
                Ok(SearchHit {
                    document: DocRef {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        published: r.get(2)?,
                        source: r.get(3)?,
                        mentions: None,
                    },
                    snippet: split_snippet(&r.get::<_, String>(4)?),
                    score: r.get(5)?,
                })
            },
        )?;
        Ok(SearchResults { query, total, hits })
    }

    /// Events per period and category, for one actor or for all.
    pub fn timeline(&self, actor: Option<&str>, by: Bucket) -> QueryResult<Timeline> {
        let actor = actor.map(|a| self.find_actor(a)).transpose()?;
        let rows: Vec<(String, Option<String>)> = match &actor {
            Some(a) => {
                let ids: HashSet<String> =
                    self.event_ids_of(&a.id)?.into_iter().map(|(id, _)| id).collect();
                let mut v = Vec::with_capacity(ids.len());
                for id in ids {
                    if let Some(r) =
                        self.q1("SELECT category, date FROM events WHERE id = ?1", [&id], |r| {
                            Ok((r.get(0)?, r.get(1)?))
                        })?
                    {
                        v.push(r);
                    }
                }
                v
            }
            None => {
                self.q("SELECT category, date FROM events", [], |r| Ok((r.get(0)?, r.get(1)?)))?
            }
        };
        let mut periods: BTreeMap<String, BTreeMap<String, i64>> = BTreeMap::new();
        let mut cats: HashMap<String, i64> = HashMap::new();
        let (mut undated, mut coarser) = (0, 0);
        for (category, date) in rows {
            let Some(b) = date.as_deref().and_then(DateBounds::of) else {
                undated += 1;
                continue;
            };
            let (p0, p1) = (by.label(b.first), by.label(b.last));
            if p0 != p1 {
                coarser += 1;
                continue;
            }
            *cats.entry(category.clone()).or_default() += 1;
            *periods.entry(p0).or_default().entry(category).or_default() += 1;
        }
        let mut categories: Vec<(String, i64)> = cats.into_iter().collect();
        categories.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(Timeline {
            by,
            actor,
            periods: periods
                .into_iter()
                .map(|(period, counts)| Period { period, total: counts.values().sum(), counts })
                .collect(),
            categories: categories.into_iter().map(|(c, _)| c).collect(),
            undated,
            coarser,
        })
    }

    /// The neighbours of an actor within `hops` (1 or 2) through relations and shared events:
    /// at most `max_neighbours` per node, the strongest ties first.
    pub fn ego_graph(&self, name: &str, hops: u8, max_neighbours: usize) -> QueryResult<Graph> {
        if !(1..=2).contains(&hops) {
            return Err(bad("hops", format!("must be 1 or 2, got {hops}")));
        }
        let max_neighbours = check_limit("limit", max_neighbours)?;
        let centre = self.find_actor(name)?;
        let mut nodes: Vec<GraphNode> = vec![GraphNode {
            id: centre.id.clone(),
            name: centre.name.clone(),
            etype: centre.etype.clone(),
            hops: 0,
            mentions: centre.mentions,
        }];
        let mut index: HashMap<String, usize> = HashMap::from([(centre.id.clone(), 0)]);
        let mut edges: BTreeMap<(String, String, &'static str, String), GraphEdge> =
            BTreeMap::new();
        let mut truncated = false;
        let mut frontier = vec![centre.id.clone()];
        for hop in 1..=hops {
            let mut next = Vec::new();
            for id in &frontier {
                let ties = self.ties(id)?;
                // Strength per neighbour: relation reports plus event counts.
                let mut strength: HashMap<&str, i64> = HashMap::new();
                for e in &ties {
                    let other = if e.source == *id { &e.target } else { &e.source };
                    *strength.entry(other.as_str()).or_default() += e.count;
                }
                let mut ranked: Vec<(&str, i64)> = strength.into_iter().collect();
                ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
                let per_node = if hop == 1 { max_neighbours } else { max_neighbours.div_ceil(4) };
                if ranked.len() > per_node {
                    truncated = true;
                    ranked.truncate(per_node);
                }
                let ranked: Vec<String> = ranked.into_iter().map(|(o, _)| o.to_string()).collect();
                let keep: HashSet<String> = ranked.iter().cloned().collect();
                for other in &ranked {
                    if !index.contains_key(other) {
                        let Some(a) = self.actor_by_id(other)? else { continue };
                        index.insert(a.id.clone(), nodes.len());
                        nodes.push(GraphNode {
                            id: a.id.clone(),
                            name: a.name,
                            etype: a.etype,
                            hops: hop,
                            mentions: a.mentions,
                        });
                        next.push(a.id);
                    }
                }
                for e in ties {
                    let other = if e.source == *id { &e.target } else { &e.source };
                    if keep.contains(other) && index.contains_key(other) {
                        let key = (e.source.clone(), e.target.clone(), e.kind, e.etype.clone());
                        edges.entry(key).or_insert(e);
                    }
                }
            }
            frontier = next;
        }
        // Ties among the outer nodes themselves are kept too (they were found from one side).
        let edges = edges
            .into_values()
            .filter(|e| index.contains_key(&e.source) && index.contains_key(&e.target))
            .collect();
        Ok(Graph { nodes, edges, truncated })
    }

    /// Relation and event ties of one entity.
    fn ties(&self, id: &str) -> QueryResult<Vec<GraphEdge>> {
        let mut out = self.q(
            "SELECT subject, object, predicate, reports, COALESCE(valid_from, first_reported),
                    COALESCE(valid_to, last_reported)
             FROM relations WHERE (subject = ?1 OR object = ?1) AND subject != object",
            [id],
            |r| {
                Ok(GraphEdge {
                    source: r.get(0)?,
                    target: r.get(1)?,
                    kind: "relation",
                    etype: r.get(2)?,
                    count: r.get(3)?,
                    first: r.get(4)?,
                    last: r.get(5)?,
                })
            },
        )?;
        let rows = self.event_ties(id)?;
        let mut agg: BTreeMap<(String, String, String), TieTally> = BTreeMap::new();
        for (event, category, date, my_role, other, other_role) in rows {
            // Direction: actor -> recipient; otherwise from the centre outwards.
            let (s, t) = if other_role == "actor" && my_role == "recipient" {
                (other, id.to_string())
            } else {
                (id.to_string(), other)
            };
            let e = agg.entry((s, t, category)).or_default();
            e.0.insert(event);
            let day = date.as_deref().and_then(DateBounds::of);
            if let Some(b) = day {
                let (f, l) = (b.first.to_string(), b.last.to_string());
                if e.1.as_ref().is_none_or(|x| f < *x) {
                    e.1 = Some(f);
                }
                if e.2.as_ref().is_none_or(|x| l > *x) {
                    e.2 = Some(l);
                }
            }
        }
        for ((s, t, c), (evs, first, last)) in agg {
            out.push(GraphEdge {
                source: s,
                target: t,
                kind: "event",
                etype: c,
                count: evs.len() as i64,
                first,
                last,
            });
        }
        Ok(out)
    }

    /// One stored document with its annotations (entity keys are stored entity ids).
    pub fn document(&self, id: &str) -> QueryResult<DocumentView> {
        let row = self.q1(
            "SELECT rowid, id, source, source_id, url, title, published, language, text, zones, analysis
             FROM documents WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    DocumentView {
                        id: r.get(1)?,
                        source: r.get(2)?,
                        source_id: r.get(3)?,
                        url: r.get(4)?,
                        title: r.get(5)?,
                        published: r.get(6)?,
                        language: r.get(7)?,
                        text: r.get(8)?,
                        zones: vec![],
                        analysis: Analysis::default(),
                        event_ids: vec![],
                    },
                    r.get::<_, String>(9)?,
                    r.get::<_, String>(10)?,
                ))
            },
        )?;
        let Some((rowid, mut view, zones, analysis)) = row else {
            return Err(QueryError::NotFound {
                what: "document",
                name: id.to_string(),
                suggestions: vec![],
            });
        };
        let invalid = |what: &str, e: serde_json::Error| {
            QueryError::Store(StoreError::Invalid {
                path: self.path.clone(),
                reason: format!("document {id}: stored {what} is not valid JSON: {e}"),
            })
        };
        view.zones = serde_json::from_str(&zones).map_err(|e| invalid("zones", e))?;
        view.analysis = serde_json::from_str(&analysis).map_err(|e| invalid("analysis", e))?;
        for (local, entity) in
            self.q("SELECT local, entity FROM document_entities WHERE doc = ?1", [rowid], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?
        {
            if let Some(e) =
                usize::try_from(local).ok().and_then(|i| view.analysis.entities.get_mut(i))
            {
                e.key = entity;
            }
        }
        let ids: HashMap<i64, String> = self
            .q("SELECT idx, event FROM event_reports WHERE doc = ?1", [rowid], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .into_iter()
            .collect();
        view.event_ids = (0..view.analysis.events.len() as i64)
            .map(|i| ids.get(&i).cloned().unwrap_or_default())
            .collect();
        // Keep the published date in the stored normal form.
        view.published = view.published.as_deref().map(|p| {
            PublicationDate::parse_iso(p).map_or_else(|| p.to_string(), |d| d.to_string())
        });
        Ok(view)
    }

    /// Ids of `n` entities spread over the mention ranking (for benchmarks): every k-th of those
    /// with at least one mention.
    pub fn sample_actor_ids(&self, n: usize) -> QueryResult<Vec<String>> {
        let all: Vec<String> = self.q(
            "SELECT id FROM entities WHERE mentions > 0 ORDER BY mentions DESC, id",
            [],
            |r| r.get(0),
        )?;
        if all.len() <= n {
            return Ok(all);
        }
        let step = all.len() as f64 / n as f64;
        Ok((0..n).filter_map(|i| all.get((i as f64 * step) as usize).cloned()).collect())
    }
}

/// Events of one tie, and the first and last day among their dates.
type TieTally = (HashSet<String>, Option<String>, Option<String>);

fn evidence_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Evidence> {
    Ok(Evidence {
        document: r.get(0)?,
        title: r.get(1)?,
        published: r.get(2)?,
        sentence: r.get(3)?,
        start: r.get(4)?,
        end: r.get(5)?,
        text: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
    })
}

/// Date order: by first day, then last day, then id; undated last.
fn sort_by_date(v: &mut [(String, Option<String>)]) {
    v.sort_by_cached_key(|(id, date)| {
        let b = date.as_deref().and_then(DateBounds::of);
        (b.is_none(), b.map(|b| (b.first, b.last)), id.clone())
    });
}

/// An FTS5 query from what a person typed: each word, and each "quoted phrase", must occur.
/// Returns `None` when nothing searchable remains.
pub fn fts_query(text: &str) -> Option<String> {
    let mut parts = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('"') {
            let (phrase, tail) = after.split_once('"').unwrap_or((after, ""));
            let words = words_of(phrase);
            if !words.is_empty() {
                parts.push(format!("\"{}\"", words.join(" ")));
            }
            rest = tail;
        } else {
            let end = rest.find('"').unwrap_or(rest.len());
            for w in words_of(&rest[..end]) {
                parts.push(format!("\"{w}\""));
            }
            rest = &rest[end..];
        }
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// (event, category, date, one side's role, the other entity, its role).
type EventTie = (String, String, Option<String>, String, String, String);

/// Escapes `\`, `%` and `_` for `LIKE ... ESCAPE '\'`.
fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// Words (letters and digits) of a string; everything else separates.
fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Splits a snippet marked with U+E000/U+E001 into parts.
fn split_snippet(s: &str) -> Vec<SnippetPart> {
    let mut out = Vec::new();
    let mut hit = false;
    let mut buf = String::new();
    for c in s.chars() {
        match c {
            '\u{E000}' | '\u{E001}' => {
                if !buf.is_empty() {
                    out.push(SnippetPart { text: std::mem::take(&mut buf), hit });
                }
                hit = c == '\u{E000}';
            }
            _ => buf.push(c),
        }
    }
    if !buf.is_empty() {
        out.push(SnippetPart { text: buf, hit });
    }
    out
}

/// The ids every stored event-data row needs, for exports: see [`Store::for_each_event_row`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventDataRow {
    pub id: String,
    pub date: Option<String>,
    pub precision: &'static str,
    pub category: String,
    pub mode: Option<String>,
    pub modality: String,
    pub actors: Vec<Named>,
    pub recipients: Vec<Named>,
    pub place: Option<Place>,
    pub reports: i64,
    pub documents: Vec<String>,
    pub first_reported: Option<String>,
    pub last_reported: Option<String>,
    /// The sentence of the earliest report.
    pub evidence: Option<String>,
}

impl Store {
    /// Every stored event, one row each, in date order (undated last), for event-data exports.
    pub fn for_each_event_row(
        &self,
        mut f: impl FnMut(EventDataRow) -> QueryResult<()>,
    ) -> QueryResult<u64> {
        let mut ids: Vec<(String, Option<String>)> =
            self.q("SELECT id, date FROM events", [], |r| Ok((r.get(0)?, r.get(1)?)))?;
        sort_by_date(&mut ids);
        let mut n = 0;
        for chunk in ids.chunks(256) {
            let list: Vec<String> = chunk.iter().map(|(id, _)| id.clone()).collect();
            for ev in self.event_rows(&list)? {
                let documents = self.q(
                    "SELECT DISTINCT d.id FROM event_reports r JOIN documents d ON d.rowid = r.doc
                     WHERE r.event = ?1 ORDER BY d.published, d.id",
                    [&ev.id],
                    |r| r.get(0),
                )?;
                f(EventDataRow {
                    precision: ev.date.as_deref().map_or("none", DateBounds::precision),
                    evidence: ev.sources.first().map(|s| s.text.clone()),
                    id: ev.id,
                    date: ev.date,
                    category: ev.category,
                    mode: ev.mode,
                    modality: ev.modality,
                    actors: ev.actors,
                    recipients: ev.recipients,
                    place: ev.place,
                    reports: ev.reports,
                    documents,
                    first_reported: ev.first_reported,
                    last_reported: ev.last_reported,
                })?;
                n += 1;
            }
        }
        Ok(n)
    }
}

// ---------------------------------------------------------------------------------------------
// Tables for columnar exports

/// The type of an exported column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Text,
    Int,
    Real,
    Bool,
    /// A list of strings; the query gives it as a JSON array.
    TextList,
}

/// A table for columnar exports (Parquet): its name, columns and the query that fills them.
#[derive(Debug, Clone, Copy)]
pub struct TableSpec {
    pub name: &'static str,
    pub columns: &'static [(&'static str, ColumnType)],
    pub query: &'static str,
}

/// One cell of a row read by [`Store::for_each_table_row`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
}

use ColumnType::{Bool, Int, Real, Text, TextList};

/// The Parquet export's tables (documented in `docs/schema.md`). Text units are sentences,
/// identified by `document` and `sentence`.
pub const PARQUET_TABLES: &[TableSpec] = &[
    TableSpec {
        name: "documents",
        columns: &[
            ("id", Text),
            ("source", Text),
            ("source_id", Text),
            ("url", Text),
            ("title", Text),
            ("published", Text),
            ("language", Text),
            ("words", Int),
            ("text", Text),
        ],
        query: "SELECT id, source, source_id, url, title, published, language, words, text
                FROM documents ORDER BY rowid",
    },
    TableSpec {
        name: "sentences",
        columns: &[
            ("document", Text),
            ("sentence", Int),
            ("start", Int),
            ("end", Int),
            ("paragraph", Int),
            ("zone", Text),
            ("text", Text),
        ],
        query: "SELECT d.id, x.idx, x.start, x.end, x.paragraph, x.zone,
                       CAST(substr(CAST(d.text AS BLOB), x.start + 1, x.end - x.start) AS TEXT)
                FROM sentences x JOIN documents d ON d.rowid = x.doc ORDER BY x.doc, x.idx",
    },
    TableSpec {
        name: "mentions",
        columns: &[
            ("document", Text),
            ("mention", Int),
            ("sentence", Int),
            ("start", Int),
            ("end", Int),
            ("text", Text),
            ("label", Text),
            ("kind", Text),
            ("entity", Text),
        ],
        query: "SELECT d.id, m.idx, m.sentence, m.start, m.end, m.text, m.label, m.kind, m.entity
                FROM mentions m JOIN documents d ON d.rowid = m.doc ORDER BY m.doc, m.idx",
    },
    TableSpec {
        name: "entities",
        columns: &[
            ("id", Text),
            ("type", Text),
            ("name", Text),
            ("kind", Text),
            ("aliases", TextList),
            ("descriptions", TextList),
            ("titles", TextList),
            ("geo_id", Text),
            ("country", Text),
            ("lat", Real),
            ("lon", Real),
            ("mentions", Int),
            ("documents", Int),
            ("first_seen", Text),
            ("last_seen", Text),
        ],
        query: "SELECT e.id, e.type, e.name, e.kind,
                   (SELECT json_group_array(alias) FROM (SELECT alias FROM aliases
                        WHERE entity = e.id AND kind = 'name' ORDER BY count DESC, alias)),
                   (SELECT json_group_array(alias) FROM (SELECT alias FROM aliases
                        WHERE entity = e.id AND kind = 'description' ORDER BY count DESC, alias)),
                   (SELECT json_group_array(title) FROM (SELECT DISTINCT title FROM titles
                        WHERE person = e.id ORDER BY title)),
                   e.geo_id, e.country, e.lat, e.lon, e.mentions, e.documents, e.first_seen, e.last_seen
                FROM entities e ORDER BY e.id",
    },
    TableSpec {
        name: "relations",
        columns: &[
            ("relation", Text),
            ("subject", Text),
            ("subject_name", Text),
            ("predicate", Text),
            ("object", Text),
            ("object_name", Text),
            ("title", Text),
            ("valid_from", Text),
            ("valid_to", Text),
            ("reports", Int),
            ("document", Text),
            ("published", Text),
            ("sentence", Int),
            ("evidence_start", Int),
            ("evidence_end", Int),
            ("evidence", Text),
        ],
        query: "SELECT r.id, r.subject, s.name, r.predicate, r.object, o.name, x.title, x.valid_from,
                       x.valid_to, r.reports, d.id, d.published, x.sentence, x.evidence_start, x.evidence_end,
                       CAST(substr(CAST(d.text AS BLOB), x.evidence_start + 1,
                                   x.evidence_end - x.evidence_start) AS TEXT)
                FROM relation_reports x
                JOIN relations r ON r.id = x.relation
                JOIN documents d ON d.rowid = x.doc
                LEFT JOIN entities s ON s.id = r.subject
                LEFT JOIN entities o ON o.id = r.object
                ORDER BY x.doc, x.idx",
    },
    TableSpec {
        name: "events",
        columns: &[
            ("event", Text),
            ("category", Text),
            ("mode", Text),
            ("date", Text),
            ("approx", Bool),
            ("modality", Text),
            ("implied", Bool),
            ("place", Text),
            ("place_name", Text),
            ("actors", TextList),
            ("recipients", TextList),
            ("with", TextList),
            ("places", TextList),
            ("sources", TextList),
            ("reports", Int),
            ("document", Text),
            ("published", Text),
            ("report", Int),
            ("sentence", Int),
            ("trigger_start", Int),
            ("trigger_end", Int),
            ("trigger", Text),
            ("evidence", Text),
        ],
        query: "SELECT x.event, x.category, x.mode, x.date, x.approx, x.modality, x.implied,
                       ev.place, p.name,
                       (SELECT json_group_array(COALESCE(entity, text)) FROM (SELECT entity, text FROM event_arguments
                            WHERE doc = x.doc AND event = x.idx AND role = 'actor' ORDER BY position)),
                       (SELECT json_group_array(COALESCE(entity, text)) FROM (SELECT entity, text FROM event_arguments
                            WHERE doc = x.doc AND event = x.idx AND role = 'recipient' ORDER BY position)),
                       (SELECT json_group_array(COALESCE(entity, text)) FROM (SELECT entity, text FROM event_arguments
                            WHERE doc = x.doc AND event = x.idx AND role = 'with' ORDER BY position)),
                       (SELECT json_group_array(COALESCE(entity, text)) FROM (SELECT entity, text FROM event_arguments
                            WHERE doc = x.doc AND event = x.idx AND role = 'place' ORDER BY position)),
                       (SELECT json_group_array(COALESCE(entity, text)) FROM (SELECT entity, text FROM event_arguments
                            WHERE doc = x.doc AND event = x.idx AND role IN ('source', 'reported_by') ORDER BY role DESC, position)),
                       ev.reports, d.id, d.published, x.idx, x.sentence, x.trigger_start, x.trigger_end,
                       CAST(substr(CAST(d.text AS BLOB), x.trigger_start + 1, x.trigger_end - x.trigger_start) AS TEXT),
                       CAST(substr(CAST(d.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT)
                FROM event_reports x
                JOIN events ev ON ev.id = x.event
                JOIN documents d ON d.rowid = x.doc
                LEFT JOIN sentences s ON s.doc = x.doc AND s.idx = x.sentence
                LEFT JOIN entities p ON p.id = ev.place
                ORDER BY x.doc, x.idx",
    },
];

/// The GraphML export's node query: every entity.
pub const GRAPH_NODES: TableSpec = TableSpec {
    name: "nodes",
    columns: &[
        ("id", Text),
        ("type", Text),
        ("name", Text),
        ("kind", Text),
        ("country", Text),
        ("lat", Real),
        ("lon", Real),
        ("mentions", Int),
        ("documents", Int),
        ("first_seen", Text),
        ("last_seen", Text),
    ],
    query:
        "SELECT id, type, name, kind, country, lat, lon, mentions, documents, first_seen, last_seen
            FROM entities ORDER BY id",
};

/// The GraphML export's relation edges.
pub const GRAPH_RELATIONS: TableSpec = TableSpec {
    name: "relations",
    columns: &[
        ("id", Text),
        ("source", Text),
        ("target", Text),
        ("type", Text),
        ("title", Text),
        ("valid_from", Text),
        ("valid_to", Text),
        ("reports", Int),
        ("first_reported", Text),
        ("last_reported", Text),
    ],
    query: "SELECT id, subject, object, predicate, title, valid_from, valid_to, reports, first_reported, last_reported
            FROM relations ORDER BY id",
};

impl Store {
    /// Runs a table's query and hands each row's cells to `f`.
    pub fn for_each_table_row<E: From<StoreError>>(
        &self,
        table: &TableSpec,
        mut f: impl FnMut(&[Cell<'_>]) -> std::result::Result<(), E>,
    ) -> std::result::Result<u64, E> {
        let mut st = self.conn.prepare(table.query).map_err(|e| self.err(e))?;
        let ncol = st.column_count();
        if ncol != table.columns.len() {
            return Err(StoreError::Invalid {
                path: self.path.clone(),
                reason: format!(
                    "table {}: query gives {ncol} columns, {} declared",
                    table.name,
                    table.columns.len()
                ),
            }
            .into());
        }
        let mut rows = st.query([]).map_err(|e| self.err(e))?;
        let mut n = 0;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let mut cells: Vec<Cell<'_>> = Vec::with_capacity(ncol);
            for i in 0..ncol {
                use rusqlite::types::ValueRef;
                cells.push(match row.get_ref(i).map_err(|e| self.err(e))? {
                    ValueRef::Null => Cell::Null,
                    ValueRef::Integer(v) => Cell::Int(v),
                    ValueRef::Real(v) => Cell::Real(v),
                    ValueRef::Text(t) | ValueRef::Blob(t) => {
                        Cell::Text(std::str::from_utf8(t).unwrap_or(""))
                    }
                });
            }
            f(&cells)?;
            n += 1;
        }
        Ok(n)
    }
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
