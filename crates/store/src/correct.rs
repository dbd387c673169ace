//! Analyst corrections: merge two entities, split an alias off an entity, rename an entity.
//!
//! Each correction changes what is stored now, is logged in `corrections` with who and when,
//! and is kept as a rule (`entity_redirects`, `entity_splits`, `entity_names`) that every later
//! save applies, so corrections survive re-ingestion and new articles.

use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;

use crate::write::redirect;
use crate::{Result, Store, StoreError};

/// A correction as logged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Correction {
    pub id: i64,
    pub action: String,
    pub args: serde_json::Value,
    pub who: String,
    pub at: String,
}

impl Store {
    /// Finds an entity by id, or by a name or alias that only one entity has (case-insensitive).
    pub fn find_entity(&self, reference: &str) -> Result<String> {
        let id: Option<String> = self
            .conn
            .query_row("SELECT id FROM entities WHERE id = ?1", [reference], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))?;
        if let Some(id) = id {
            return Ok(id);
        }
        let redirected = redirect(&self.conn, reference).map_err(|e| self.err(e))?;
        if redirected != reference {
            return Ok(redirected);
        }
        for sql in [
            "SELECT id FROM entities WHERE name = ?1 COLLATE NOCASE ORDER BY mentions DESC, id LIMIT 6",
            "SELECT DISTINCT a.entity FROM aliases a JOIN entities e ON e.id = a.entity
             WHERE a.alias = ?1 COLLATE NOCASE ORDER BY e.mentions DESC, e.id LIMIT 6",
        ] {
            let mut stmt = self.conn.prepare(sql).map_err(|e| self.err(e))?;
            let ids = stmt
                .query_map([reference], |r| r.get::<_, String>(0))
                .map_err(|e| self.err(e))?
                .collect::<rusqlite::Result<Vec<String>>>()
                .map_err(|e| self.err(e))?;
            match ids.len() {
                0 => continue,
                1 => return Ok(ids.into_iter().next().unwrap_or_default()),
                _ => {
                    return Err(StoreError::Invalid {
                        path: self.path.clone(),
                        reason: format!(
                            "{reference:?} names several entities ({}); give an id",
                            ids.join(", ")
                        ),
                    });
                }
            }
        }
        Err(StoreError::Invalid {
            path: self.path.clone(),
            reason: format!("no entity {reference:?}"),
        })
    }

    /// Merges entity `from` into `into`: every mention, alias, title, event argument and
    /// relation of `from` moves to `into`, and later articles resolving to `from` land in `into`.
    pub fn merge_entities(&mut self, into: &str, from: &str, who: &str) -> Result<()> {
        if into == from {
            return Err(self.invalid(format!("cannot merge {into:?} into itself")));
        }
        let (ti, tf) = (self.entity_type(into)?, self.entity_type(from)?);
        if ti != tf {
            return Err(self.invalid(format!(
                "{into:?} is {ti} and {from:?} is {tf}: merge entities of one type"
            )));
        }
        let path = self.path.clone();
        let sql = |source| StoreError::Sqlite { path: path.clone(), source };
        let tx = self.conn.transaction().map_err(sql)?;
        merge(&tx, into, from).map_err(sql)?;
        log(&tx, "merge", serde_json::json!({"into": into, "from": from}), who).map_err(sql)?;
        tx.commit().map_err(sql)
    }

    /// Splits the surface form `alias` off `entity` into a new entity (returned), for what is
    /// stored and for every later article.
    pub fn split_entity(&mut self, entity: &str, alias: &str, who: &str) -> Result<String> {
        let etype = self.entity_type(entity)?;
        let alias = alias.trim();
        if alias.is_empty() {
            return Err(self.invalid("an empty alias cannot be split off".to_string()));
        }
        let new_id = format!(
            "{entity}~{}",
            alias.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
        );
        let path = self.path.clone();
        let sql = |source| StoreError::Sqlite { path: path.clone(), source };
        let tx = self.conn.transaction().map_err(sql)?;
        split(&tx, entity, alias, &new_id, &etype).map_err(sql)?;
        log(
            &tx,
            "split",
            serde_json::json!({"entity": entity, "alias": alias, "new": new_id}),
            who,
        )
        .map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(new_id)
    }

    /// Pins an entity's display name.
    pub fn rename_entity(&mut self, entity: &str, name: &str, who: &str) -> Result<()> {
        self.entity_type(entity)?;
        let name = name.trim();
        if name.is_empty() {
            return Err(self.invalid("an entity needs a non-empty name".to_string()));
        }
        let path = self.path.clone();
        let sql = |source| StoreError::Sqlite { path: path.clone(), source };
        let tx = self.conn.transaction().map_err(sql)?;
        tx.execute(
            "INSERT INTO entity_names (entity, name) VALUES (?1, ?2)
             ON CONFLICT(entity) DO UPDATE SET name = excluded.name",
            params![entity, name],
        )
        .map_err(sql)?;
        tx.execute("UPDATE entities SET name = ?2 WHERE id = ?1", params![entity, name])
            .map_err(sql)?;
        log(&tx, "rename", serde_json::json!({"entity": entity, "name": name}), who)
            .map_err(sql)?;
        tx.commit().map_err(sql)
    }

    /// Every correction, oldest first.
    pub fn corrections(&self) -> Result<Vec<Correction>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, action, args, who, at FROM corrections ORDER BY id")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                let args: String = r.get(2)?;
                Ok(Correction {
                    id: r.get(0)?,
                    action: r.get(1)?,
                    args: serde_json::from_str(&args).unwrap_or(serde_json::Value::Null),
                    who: r.get(3)?,
                    at: r.get(4)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(|e| self.err(e))
    }

    fn entity_type(&self, id: &str) -> Result<String> {
        self.conn
            .query_row("SELECT type FROM entities WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))?
            .ok_or_else(|| self.invalid(format!("no entity {id:?}")))
    }

    fn invalid(&self, reason: String) -> StoreError {
        StoreError::Invalid { path: self.path.clone(), reason }
    }
}

fn log(
    tx: &Transaction<'_>,
    action: &str,
    args: serde_json::Value,
    who: &str,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO corrections (action, args, who, at) VALUES (?1, ?2, ?3, ?4)",
        params![
            action,
            args.to_string(),
            who,
            chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
        ],
    )?;
    Ok(())
}

/// Recomputes an entity's counters and dates from what refers to it.
fn recount(tx: &Transaction<'_>, id: &str) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE entities SET
            mentions = (SELECT COUNT(*) FROM mentions WHERE entity = ?1),
            documents = (SELECT COUNT(DISTINCT doc) FROM mentions WHERE entity = ?1),
            first_seen = (SELECT MIN(substr(d.published, 1, 10)) FROM mentions m
                          JOIN documents d ON d.rowid = m.doc WHERE m.entity = ?1),
            last_seen = (SELECT MAX(substr(d.published, 1, 10)) FROM mentions m
                         JOIN documents d ON d.rowid = m.doc WHERE m.entity = ?1)
         WHERE id = ?1",
        params![id],
    )?;
    Ok(())
}

fn merge(tx: &Transaction<'_>, into: &str, from: &str) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO entity_redirects (from_id, to_id) VALUES (?1, ?2)
         ON CONFLICT(from_id) DO UPDATE SET to_id = excluded.to_id",
        params![from, into],
    )?;
    tx.execute("UPDATE entity_redirects SET to_id = ?1 WHERE to_id = ?2", params![into, from])?;
    tx.execute("DELETE FROM entity_redirects WHERE from_id = to_id", [])?;
    tx.execute("UPDATE entity_splits SET entity = ?1 WHERE entity = ?2", params![into, from])?;
    for sql in [
        "UPDATE mentions SET entity = ?1 WHERE entity = ?2",
        "UPDATE document_entities SET entity = ?1 WHERE entity = ?2",
        "UPDATE titles SET person = ?1 WHERE person = ?2",
        "UPDATE titles SET of = ?1 WHERE of = ?2",
        "UPDATE event_arguments SET entity = ?1 WHERE entity = ?2",
        "UPDATE events SET place = ?1 WHERE place = ?2",
    ] {
        tx.execute(sql, params![into, from])?;
    }
    tx.execute(
        "INSERT INTO aliases (entity, alias, kind, count)
         SELECT ?1, alias, kind, count FROM aliases WHERE entity = ?2 AND true
         ON CONFLICT(entity, alias) DO UPDATE SET count = count + excluded.count",
        params![into, from],
    )?;
    tx.execute("DELETE FROM aliases WHERE entity = ?1", params![from])?;
    // Entity facts the kept entity lacks come from the merged one.
    tx.execute(
        "UPDATE entities SET
            kind = COALESCE(kind, (SELECT kind FROM entities WHERE id = ?2)),
            geo_id = COALESCE(geo_id, (SELECT geo_id FROM entities WHERE id = ?2)),
            country = COALESCE(country, (SELECT country FROM entities WHERE id = ?2)),
            lat = COALESCE(lat, (SELECT lat FROM entities WHERE id = ?2)),
            lon = COALESCE(lon, (SELECT lon FROM entities WHERE id = ?2))
         WHERE id = ?1",
        params![into, from],
    )?;
    tx.execute("DELETE FROM entities WHERE id = ?1", params![from])?;
    recount(tx, into)?;

    // Relations are keyed by their ends: re-key those that touched `from`, merging duplicates.
    let moved: Vec<(String, String, String, String)> = {
        let mut st = tx.prepare(
            "SELECT id, subject, predicate, object FROM relations WHERE subject = ?1 OR object = ?1",
        )?;
        let rows = st.query_map([from], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (old, subject, predicate, object) in moved {
        let s = if subject == from { into } else { subject.as_str() };
        let o = if object == from { into } else { object.as_str() };
        let new = format!("{s}|{predicate}|{o}");
        tx.execute(
            "INSERT INTO relations (id, subject, predicate, object, title, valid_from, valid_to, reports, first_reported, last_reported)
             SELECT ?2, ?3, predicate, ?4, title, valid_from, valid_to, reports, first_reported, last_reported
             FROM relations WHERE id = ?1 AND true
             ON CONFLICT(id) DO UPDATE SET
                reports = reports + excluded.reports,
                title = COALESCE(title, excluded.title),
                valid_from = CASE WHEN valid_from IS NULL THEN excluded.valid_from
                                  WHEN excluded.valid_from IS NULL THEN valid_from
                                  ELSE min(valid_from, excluded.valid_from) END,
                valid_to = CASE WHEN valid_to IS NULL THEN excluded.valid_to
                                WHEN excluded.valid_to IS NULL THEN valid_to
                                ELSE max(valid_to, excluded.valid_to) END,
                first_reported = min(COALESCE(first_reported, excluded.first_reported), COALESCE(excluded.first_reported, first_reported)),
                last_reported = max(COALESCE(last_reported, excluded.last_reported), COALESCE(excluded.last_reported, last_reported))",
            params![old, new, s, o],
        )?;
        tx.execute(
            "UPDATE relation_reports SET relation = ?2 WHERE relation = ?1",
            params![old, new],
        )?;
        if old != new {
            tx.execute("DELETE FROM relations WHERE id = ?1", params![old])?;
        }
    }
    Ok(())
}

fn split(
    tx: &Transaction<'_>,
    entity: &str,
    alias: &str,
    new_id: &str,
    etype: &str,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO entities (id, type, name, mentions, documents) VALUES (?1, ?2, ?3, 0, 0)
         ON CONFLICT(id) DO NOTHING",
        params![new_id, etype, alias],
    )?;
    tx.execute(
        "INSERT INTO entity_splits (entity, alias, to_id) VALUES (?1, ?2, ?3)
         ON CONFLICT(entity, alias) DO UPDATE SET to_id = excluded.to_id",
        params![entity, alias, new_id],
    )?;
    tx.execute(
        "UPDATE mentions SET entity = ?3 WHERE entity = ?1 AND text = ?2 COLLATE NOCASE",
        params![entity, alias, new_id],
    )?;
    tx.execute(
        "UPDATE document_entities SET entity = ?3 WHERE entity = ?1 AND name = ?2 COLLATE NOCASE",
        params![entity, alias, new_id],
    )?;
    tx.execute(
        "UPDATE event_arguments SET entity = ?3 WHERE entity = ?1 AND text = ?2 COLLATE NOCASE",
        params![entity, alias, new_id],
    )?;
    tx.execute(
        "INSERT INTO aliases (entity, alias, kind, count)
         SELECT ?3, alias, kind, count FROM aliases WHERE entity = ?1 AND alias = ?2 COLLATE NOCASE
         ON CONFLICT(entity, alias) DO UPDATE SET count = count + excluded.count",
        params![entity, alias, new_id],
    )?;
    tx.execute(
        "DELETE FROM aliases WHERE entity = ?1 AND alias = ?2 COLLATE NOCASE",
        params![entity, alias],
    )?;
    recount(tx, entity)?;
    recount(tx, new_id)?;
    Ok(())
}
