//! Writing one analysed article, in one transaction.

use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;
use types::{
    Analysis, Argument, Diagnostic, Document, Event, LocalEntity, Mention, MentionKind, Paragraph,
    Relation, Sentence, Timex, TitleFact,
};

use crate::{Result, Store};

/// What [`Store::save`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Inserted,
    /// The document was already stored; nothing changed.
    AlreadyPresent,
}

/// The analysis as kept with each document (tokens are recomputed, not stored).
#[derive(Serialize)]
struct StoredAnalysis<'a> {
    paragraphs: &'a [Paragraph],
    sentences: &'a [Sentence],
    mentions: &'a [Mention],
    timexes: &'a [Timex],
    entities: &'a [LocalEntity],
    titles: &'a [TitleFact],
    events: &'a [Event],
    relations: &'a [Relation],
    diagnostics: &'a [Diagnostic],
}

fn word_count(text: &str) -> i64 {
    text.split_whitespace().count() as i64
}

impl Store {
    /// Stores an article and everything found in it, in one transaction. Entities, events and
    /// relations merge with what is stored under the same keys.
    pub fn save(&mut self, doc: &Document, analysis: &Analysis) -> Result<Saved> {
        let path = self.path.clone();
        let sql = |source| crate::StoreError::Sqlite { path: path.clone(), source };
        let tx = self.conn.transaction().map_err(sql)?;
        let saved = write_document(&tx, doc, analysis).map_err(sql)?;
        if saved == Saved::Inserted {
            tx.commit().map_err(sql)?;
        }
        Ok(saved)
    }
}

fn write_document(tx: &Transaction<'_>, doc: &Document, a: &Analysis) -> rusqlite::Result<Saved> {
    let stored = StoredAnalysis {
        paragraphs: &a.paragraphs,
        sentences: &a.sentences,
        mentions: &a.mentions,
        timexes: &a.timexes,
        entities: &a.entities,
        titles: &a.titles,
        events: &a.events,
        relations: &a.relations,
        diagnostics: &a.diagnostics,
    };
    let json = |v: &dyn erased::Json| v.to_json();
    let published = doc.published.map(|p| p.to_string());
    let inserted = tx.execute(
        "INSERT OR IGNORE INTO documents (id, source, source_id, url, title, published,
            published_source, language, text, zones, metadata, analysis, words, ingested_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            doc.id.0,
            doc.source,
            doc.source_id,
            doc.url,
            doc.title,
            published,
            doc.published_source.map(|s| json(&s).trim_matches('"').to_string()),
            doc.language,
            doc.text,
            json(&doc.zones),
            json(&doc.metadata),
            json(&stored),
            word_count(&doc.text),
            chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        ],
    )?;
    if inserted == 0 {
        return Ok(Saved::AlreadyPresent);
    }
    let rowid = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
        params![rowid, doc.title, doc.text],
    )?;

    {
        let mut st = tx.prepare_cached(
            "INSERT INTO sentences (doc, idx, start, end, paragraph, zone) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for (i, s) in a.sentences.iter().enumerate() {
            let zone = a.paragraphs.get(s.paragraph as usize).map(|p| p.zone);
            let zone =
                zone.map_or_else(|| "body".to_string(), |z| json(&z).trim_matches('"').to_string());
            st.execute(params![
                rowid,
                i as i64,
                s.span.start as i64,
                s.span.end as i64,
                s.paragraph,
                zone
            ])?;
        }
    }

    // Entities: each document entity maps to a stored entity through its key (and any
    // analyst redirect).
    let entity_ids = write_entities(tx, rowid, doc, a)?;
    let entity_of = |local: Option<u32>| -> Option<&str> {
        local.and_then(|i| entity_ids.get(i as usize)).map(String::as_str)
    };

    {
        let mut st = tx.prepare_cached(
            "INSERT INTO mentions (doc, idx, start, end, text, label, kind, sentence, local, entity, qualifies)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        for (i, m) in a.mentions.iter().enumerate() {
            let mut entity = entity_of(m.entity).map(str::to_string);
            if let Some(id) = &entity
                && let Some(split) = split_for(tx, id, &m.text)?
            {
                entity = Some(redirect(tx, &split)?);
            }
            st.execute(params![
                rowid,
                i as i64,
                m.span.start as i64,
                m.span.end as i64,
                m.text,
                m.label.as_str(),
                json(&m.kind).trim_matches('"'),
                m.sentence,
                m.entity,
                entity,
                m.qualifies,
            ])?;
        }
    }
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO timexes (doc, idx, start, end, text, type, value, precision, modifier,
                range_from, range_to, anchor, sentence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?;
        for (i, t) in a.timexes.iter().enumerate() {
            let (from, to) = t.range.clone().unzip();
            st.execute(params![
                rowid,
                i as i64,
                t.span.start as i64,
                t.span.end as i64,
                t.text,
                json(&t.kind).trim_matches('"'),
                t.value,
                t.precision,
                t.modifier,
                from,
                to,
                t.anchor,
                t.sentence,
            ])?;
        }
    }
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO titles (doc, idx, person, title, of, start, end, sentence, date)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for (i, t) in a.titles.iter().enumerate() {
            let Some(person) = entity_of(Some(t.person)) else { continue };
            st.execute(params![
                rowid,
                i as i64,
                person,
                t.title,
                entity_of(t.of),
                t.evidence.start as i64,
                t.evidence.end as i64,
                t.sentence,
                published,
            ])?;
        }
    }
    write_events(tx, rowid, doc, a, &entity_ids, published.as_deref())?;
    write_relations(tx, rowid, a, &entity_ids, published.as_deref())?;
    Ok(Saved::Inserted)
}

/// The stored entity id for a key: the key itself unless an analyst redirected it (merges of
/// merges are followed; a cycle stops the walk).
pub(crate) fn redirect(tx: &rusqlite::Connection, key: &str) -> rusqlite::Result<String> {
    let mut id = key.to_string();
    for _ in 0..8 {
        let next: Option<String> = tx
            .prepare_cached("SELECT to_id FROM entity_redirects WHERE from_id = ?1")?
            .query_row(params![id], |r| r.get(0))
            .optional()?;
        match next {
            Some(n) if n != id => id = n,
            _ => break,
        }
    }
    Ok(id)
}

/// The entity an analyst split off `entity` for this surface form, if any.
fn split_for(
    tx: &rusqlite::Connection,
    entity: &str,
    alias: &str,
) -> rusqlite::Result<Option<String>> {
    tx.prepare_cached("SELECT to_id FROM entity_splits WHERE entity = ?1 AND alias = ?2")?
        .query_row(params![entity, alias], |r| r.get(0))
        .optional()
}

/// Routes a key through analyst corrections: a split by the entity's name, then redirects.
fn route(tx: &rusqlite::Connection, key: &str, name: &str) -> rusqlite::Result<String> {
    let id = redirect(tx, key)?;
    match split_for(tx, &id, name)? {
        Some(split) => redirect(tx, &split),
        None => Ok(id),
    }
}

/// A key for entities that `resolve` left without one (keeps them apart, per document).
fn fallback_key(doc: &Document, i: usize) -> String {
    format!("doc:{}:{i}", doc.id)
}

fn write_entities(
    tx: &Transaction<'_>,
    rowid: i64,
    doc: &Document,
    a: &Analysis,
) -> rusqlite::Result<Vec<String>> {
    let published = doc.published.map(|p| p.date.to_string());
    let mut ids = Vec::with_capacity(a.entities.len());
    for (i, e) in a.entities.iter().enumerate() {
        let key = if e.key.is_empty() { fallback_key(doc, i) } else { e.key.clone() };
        let id = route(tx, &key, &e.name)?;
        // Mentions an analyst split off are counted for the entity they were split to.
        let mut mention_count = 0i64;
        for &m in &e.mentions {
            let Some(m) = a.mentions.get(m as usize) else { continue };
            match split_for(tx, &id, &m.text)? {
                Some(split) => {
                    tx.prepare_cached("UPDATE entities SET mentions = mentions + 1 WHERE id = ?1")?
                        .execute(params![redirect(tx, &split)?])?;
                }
                None => mention_count += 1,
            }
        }
        let geo = e.geo.as_ref();
        // Two document entities can meet in one stored entity (an analyst merge): count the
        // document once.
        let seen_here: bool = tx
            .prepare_cached(
                "SELECT EXISTS(SELECT 1 FROM document_entities WHERE doc = ?1 AND entity = ?2)",
            )?
            .query_row(params![rowid, id], |r| r.get(0))?;
        tx.prepare_cached(
            "INSERT INTO entities (id, type, name, kind, geo_id, country, lat, lon, mentions, documents, first_seen, last_seen)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?11, ?10, ?10)
             ON CONFLICT(id) DO UPDATE SET
                mentions = mentions + excluded.mentions,
                documents = documents + excluded.documents,
                kind = COALESCE(kind, excluded.kind),
                geo_id = COALESCE(geo_id, excluded.geo_id),
                country = COALESCE(country, excluded.country),
                lat = COALESCE(lat, excluded.lat),
                lon = COALESCE(lon, excluded.lon),
                first_seen = CASE WHEN first_seen IS NULL OR excluded.first_seen < first_seen
                                  THEN excluded.first_seen ELSE first_seen END,
                last_seen = CASE WHEN last_seen IS NULL OR excluded.last_seen > last_seen
                                 THEN excluded.last_seen ELSE last_seen END",
        )?
        .execute(params![
            id,
            e.etype.as_str(),
            e.name,
            e.kind,
            geo.map(|g| g.id.as_str()),
            geo.and_then(|g| g.country.as_deref()),
            geo.and_then(|g| g.lat),
            geo.and_then(|g| g.lon),
            mention_count,
            published,
            if seen_here { 0 } else { 1 },
        ])?;

        // Aliases: every name or description used for it here, counted by mentions (a form an
        // analyst split off counts for the entity it was split to).
        let add_alias = |entity: &str, alias: &str, kind: &str, n: i64| -> rusqlite::Result<()> {
            tx.prepare_cached(
                "INSERT INTO aliases (entity, alias, kind, count) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(entity, alias) DO UPDATE SET count = count + excluded.count",
            )?
            .execute(params![entity, alias, kind, n])?;
            Ok(())
        };
        for &m in &e.mentions {
            let Some(m) = a.mentions.get(m as usize) else { continue };
            let kind = match m.kind {
                MentionKind::Name => "name",
                MentionKind::Nominal => "description",
                MentionKind::Title | MentionKind::Pronoun => continue,
            };
            match split_for(tx, &id, &m.text)? {
                Some(split) => add_alias(&redirect(tx, &split)?, &m.text, kind, 1)?,
                None => add_alias(&id, &m.text, kind, 1)?,
            }
        }
        add_alias(&id, &e.name, "name", 0)?;
        for alias in &e.aliases {
            if split_for(tx, &id, alias)?.is_none() {
                add_alias(&id, alias, "name", 0)?;
            }
        }
        // The display name: the most used name, then the longest, then the first in order.
        tx.prepare_cached(
            "UPDATE entities SET name = COALESCE(
                 (SELECT name FROM entity_names WHERE entity = ?1),
                 (SELECT alias FROM aliases WHERE entity = ?1 AND kind = 'name'
                  ORDER BY count DESC, length(alias) DESC, alias LIMIT 1),
                 name)
             WHERE id = ?1",
        )?
        .execute(params![id])?;
        tx.prepare_cached(
            "INSERT INTO document_entities (doc, local, entity, key, name, type) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![rowid, i as i64, id, key, e.name, e.etype.as_str()])?;
        ids.push(id);
    }
    Ok(ids)
}

fn arg_entity<'a>(arg: &Argument, ids: &'a [String]) -> Option<&'a str> {
    arg.entity.and_then(|i| ids.get(i as usize)).map(String::as_str)
}

fn write_events(
    tx: &Transaction<'_>,
    rowid: i64,
    doc: &Document,
    a: &Analysis,
    ids: &[String],
    published: Option<&str>,
) -> rusqlite::Result<()> {
    let to_str = |v: &dyn erased::Json| v.to_json().trim_matches('"').to_string();
    for (i, e) in a.events.iter().enumerate() {
        let key = if e.key.is_empty() { format!("doc:{}:e{i}", doc.id) } else { e.key.clone() };
        let place = e.places.first().and_then(|p| arg_entity(p, ids));
        let date = e.date.as_ref().map(|d| d.value.as_str());
        let modality = to_str(&e.modality);
        tx.prepare_cached(
            "INSERT INTO events (id, category, mode, date, place, modality, implied, reports, first_reported, last_reported)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?8)
             ON CONFLICT(id) DO UPDATE SET
                reports = reports + 1,
                first_reported = CASE WHEN first_reported IS NULL OR excluded.first_reported < first_reported
                                      THEN excluded.first_reported ELSE first_reported END,
                last_reported = CASE WHEN last_reported IS NULL OR excluded.last_reported > last_reported
                                     THEN excluded.last_reported ELSE last_reported END",
        )?
        .execute(params![
            key,
            e.category.as_str(),
            e.mode,
            date,
            place,
            modality,
            e.implied,
            published
        ])?;
        let attribution =
            e.attribution.as_ref().map(|x| serde_json::to_string(x).unwrap_or_default());
        tx.prepare_cached(
            "INSERT INTO event_reports (doc, idx, event, category, mode, date, approx, modality, implied,
                trigger_start, trigger_end, sentence, attribution, about)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        )?
        .execute(params![
            rowid,
            i as i64,
            key,
            e.category.as_str(),
            e.mode,
            date,
            e.date.as_ref().is_some_and(|d| d.approx),
            modality,
            e.implied,
            e.trigger.start as i64,
            e.trigger.end as i64,
            e.sentence,
            attribution,
            e.about,
        ])?;
        let mut st = tx.prepare_cached(
            "INSERT INTO event_arguments (doc, event, role, position, entity, start, end, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        let source = e.attribution.as_ref().and_then(|x| x.source.as_ref());
        let reporter = e.attribution.as_ref().and_then(|x| x.reported_by.as_ref());
        let roles: [(&str, &[Argument]); 6] = [
            ("actor", &e.actors),
            ("recipient", &e.recipients),
            ("with", &e.with),
            ("place", &e.places),
            ("source", source.map(std::slice::from_ref).unwrap_or_default()),
            ("reported_by", reporter.map(std::slice::from_ref).unwrap_or_default()),
        ];
        for (role, args) in roles {
            for (p, arg) in args.iter().enumerate() {
                st.execute(params![
                    rowid,
                    i as i64,
                    role,
                    p as i64,
                    arg_entity(arg, ids),
                    arg.span.start as i64,
                    arg.span.end as i64,
                    arg.text,
                ])?;
            }
        }
    }
    Ok(())
}

fn write_relations(
    tx: &Transaction<'_>,
    rowid: i64,
    a: &Analysis,
    ids: &[String],
    published: Option<&str>,
) -> rusqlite::Result<()> {
    for (i, r) in a.relations.iter().enumerate() {
        let (Some(subject), Some(object)) =
            (arg_entity(&r.subject, ids), arg_entity(&r.object, ids))
        else {
            continue;
        };
        let id = format!("{subject}|{}|{object}", r.predicate.as_str());
        let from = r.valid_from.as_ref().map(|v| v.value.as_str());
        let to = r.valid_to.as_ref().map(|v| v.value.as_str());
        tx.prepare_cached(
            "INSERT INTO relations (id, subject, predicate, object, title, valid_from, valid_to, reports, first_reported, last_reported)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?8)
             ON CONFLICT(id) DO UPDATE SET
                reports = reports + 1,
                title = COALESCE(title, excluded.title),
                valid_from = CASE WHEN valid_from IS NULL THEN excluded.valid_from
                                  WHEN excluded.valid_from IS NULL THEN valid_from
                                  ELSE min(valid_from, excluded.valid_from) END,
                valid_to = CASE WHEN valid_to IS NULL THEN excluded.valid_to
                                WHEN excluded.valid_to IS NULL THEN valid_to
                                ELSE max(valid_to, excluded.valid_to) END,
                first_reported = CASE WHEN first_reported IS NULL OR excluded.first_reported < first_reported
                                      THEN excluded.first_reported ELSE first_reported END,
                last_reported = CASE WHEN last_reported IS NULL OR excluded.last_reported > last_reported
                                     THEN excluded.last_reported ELSE last_reported END",
        )?
        .execute(params![id, subject, r.predicate.as_str(), object, r.title, from, to, published])?;
        tx.prepare_cached(
            "INSERT INTO relation_reports (doc, idx, relation, subject_start, subject_end, object_start,
                object_end, evidence_start, evidence_end, sentence, title, valid_from, valid_to)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?
        .execute(params![
            rowid,
            i as i64,
            id,
            r.subject.span.start as i64,
            r.subject.span.end as i64,
            r.object.span.start as i64,
            r.object.span.end as i64,
            r.evidence.start as i64,
            r.evidence.end as i64,
            r.sentence,
            r.title,
            from,
            to,
        ])?;
    }
    Ok(())
}

/// Serialising values of different types through one closure.
mod erased {
    pub trait Json {
        fn to_json(&self) -> String;
    }

    impl<T: serde::Serialize> Json for T {
        fn to_json(&self) -> String {
            // Serialising our own plain data types cannot fail (no maps with non-string keys).
            serde_json::to_string(self).unwrap_or_default()
        }
    }
}
