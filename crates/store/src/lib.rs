//! The store: one SQLite file (bundled SQLite, no system library) holding documents, their
//! annotations, the entities, events and relations resolved across documents, and their
//! provenance. The only crate that speaks SQL.
//!
//! Invariants:
//! - an article is written in one transaction, or not at all; a killed process leaves the store
//!   as it was after the last committed article;
//! - a document is identified by [`types::DocumentId`]; saving it again changes nothing;
//! - counters (mentions, reports) are sums over documents, so they do not depend on the order in
//!   which documents arrive.

mod correct;
mod export;
mod query;
mod schema;
mod write;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, params};
use serde::Serialize;

pub use export::{CSV_TABLES, CsvTable};
pub use query::{
    ActorRef, Alias, Bucket, Cell, CoParticipant, ColumnType, DateBounds, DocRef, DocumentView,
    Dossier, EventDataRow, EventFilter, EventPage, EventRow, Evidence, GRAPH_NODES,
    GRAPH_RELATIONS, Geo, Graph, GraphEdge, GraphNode, MAX_LIMIT, Named, PARQUET_TABLES, Period,
    Place, QueryError, QueryResult, RelationPage, RelationRow, SOURCES_PER_FACT, SearchHit,
    SearchResults, SnippetPart, TableSpec, Timeline, TitleSpan, category_class, check_limit,
    fts_query, parse_user_date,
};
pub use write::Saved;

/// What went wrong with the store. Every variant names the store file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {path}: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("store {path}: migration failed: {reason}")]
    Migration { path: PathBuf, reason: String },
    #[error("store {path}: {reason}")]
    Invalid { path: PathBuf, reason: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// Counts of what is stored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub documents: u64,
    pub words: u64,
    pub sentences: u64,
    pub mentions: u64,
    pub timexes: u64,
    pub entities: u64,
    pub aliases: u64,
    pub titles: u64,
    pub events: u64,
    pub event_reports: u64,
    pub relations: u64,
    pub relation_reports: u64,
}

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Inside [`Store::begin_batch`]: articles are savepoints of one open transaction.
    in_batch: bool,
}

impl Store {
    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| StoreError::Sqlite { path: path.to_path_buf(), source })?;
        Store::init(conn, path.to_path_buf())
    }

    /// Opens an existing store for reading only (no migration is run).
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::Invalid {
                path: path.to_path_buf(),
                reason: "no such store (run `sitrep ingest` first)".into(),
            });
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| StoreError::Sqlite { path: path.to_path_buf(), source })?;
        let store = Store { conn, path: path.to_path_buf(), in_batch: false };
        let version: i64 = store.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let expected = schema::VERSION as i64;
        if version != expected {
            return Err(StoreError::Invalid {
                path: path.to_path_buf(),
                reason: format!(
                    "schema version {version}, this sitrep reads {expected}; open it for writing once to migrate"
                ),
            });
        }
        Ok(store)
    }

    /// A store in memory, for tests and `extract`.
    pub fn open_in_memory() -> Result<Store> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory()
            .map_err(|source| StoreError::Sqlite { path: path.clone(), source })?;
        Store::init(conn, path)
    }

    fn init(mut conn: Connection, path: PathBuf) -> Result<Store> {
        let sql = |source| StoreError::Sqlite { path: path.clone(), source };
        conn.pragma_update(None, "journal_mode", "WAL").map_err(sql)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(sql)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(sql)?;
        // Savepoints journal into temporary storage: keep it in memory. A larger page cache keeps
        // the hot index pages of a long ingest from spilling to disk.
        conn.pragma_update(None, "temp_store", "MEMORY").map_err(sql)?;
        conn.pragma_update(None, "cache_size", -65_536).map_err(sql)?;
        conn.busy_timeout(std::time::Duration::from_secs(30)).map_err(sql)?;
        let migrations = schema::migrations();
        let current: usize = conn
            .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
            .map_err(sql)?
            .try_into()
            .unwrap_or(0);
        if current > schema::VERSION {
            return Err(StoreError::Invalid {
                path,
                reason: format!(
                    "schema version {current} is newer than this sitrep knows ({}); upgrade sitrep",
                    schema::VERSION
                ),
            });
        }
        migrations
            .to_latest(&mut conn)
            .map_err(|e| StoreError::Migration { path: path.clone(), reason: e.to_string() })?;
        Ok(Store { conn, path, in_batch: false })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version (number of migrations applied).
    pub fn schema_version(&self) -> Result<i64> {
        self.query_row("PRAGMA user_version", [], |r| r.get(0))
    }

    fn err(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite { path: self.path.clone(), source }
    }

    fn query_row<T, P: rusqlite::Params>(
        &self,
        sql: &str,
        p: P,
        f: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<T> {
        self.conn.query_row(sql, p, f).map_err(|e| self.err(e))
    }

    /// The ids of every stored document (to skip work on articles already stored).
    pub fn document_ids(&self) -> Result<HashSet<String>> {
        let mut stmt = self.conn.prepare("SELECT id FROM documents").map_err(|e| self.err(e))?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<HashSet<String>>>().map_err(|e| self.err(e))
    }

    pub fn contains(&self, id: &types::DocumentId) -> Result<bool> {
        self.query_row("SELECT EXISTS(SELECT 1 FROM documents WHERE id = ?1)", params![id.0], |r| {
            r.get(0)
        })
    }

    /// Counts of everything stored.
    pub fn counts(&self) -> Result<Counts> {
        let count = |table: &str| -> Result<u64> {
            self.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get::<_, i64>(0))
                .map(|n| n.max(0) as u64)
        };
        Ok(Counts {
            documents: count("documents")?,
            words: self
                .query_row("SELECT COALESCE(SUM(words), 0) FROM documents", [], |r| {
                    r.get::<_, i64>(0)
                })?
                .max(0) as u64,
            sentences: count("sentences")?,
            mentions: count("mentions")?,
            timexes: count("timexes")?,
            entities: count("entities")?,
            aliases: count("aliases")?,
            titles: count("titles")?,
            events: count("events")?,
            event_reports: count("event_reports")?,
            relations: count("relations")?,
            relation_reports: count("relation_reports")?,
        })
    }

    /// Checks the database file's integrity (SQLite `quick_check`).
    pub fn check_integrity(&self) -> Result<()> {
        let res: String = self.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if res == "ok" {
            Ok(())
        } else {
            Err(StoreError::Invalid { path: self.path.clone(), reason: res })
        }
    }
}

/// An entity with its counts, for summaries.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntitySummary {
    pub id: String,
    #[serde(rename = "type")]
    pub etype: String,
    pub name: String,
    pub mentions: i64,
    pub documents: i64,
}

impl Store {
    /// The `limit` entities with the most mentions (ties by id).
    pub fn top_entities(&self, limit: usize) -> Result<Vec<EntitySummary>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, type, name, mentions, documents FROM entities
                 ORDER BY mentions DESC, id LIMIT ?1",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([limit as i64], |r| {
                Ok(EntitySummary {
                    id: r.get(0)?,
                    etype: r.get(1)?,
                    name: r.get(2)?,
                    mentions: r.get(3)?,
                    documents: r.get(4)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(|e| self.err(e))
    }

    /// Stored events per category: (category, events, reports).
    pub fn event_categories(&self) -> Result<Vec<(String, i64, i64)>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT category, COUNT(*), SUM(reports) FROM events
                 GROUP BY category ORDER BY COUNT(*) DESC, category",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests;

impl Drop for Store {
    /// Whole articles saved in an open batch are kept (each was written all or nothing).
    fn drop(&mut self) {
        let _ = self.commit_batch();
    }
}
