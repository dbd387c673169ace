//! Writing one analysed article: all of it, or (on any error) none of it.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use std::sync::LazyLock;
use types::{
    Analysis, Argument, CorefLink, Diagnostic, Document, Event, LocalEntity, Mention, MentionKind,
    Paragraph, Relation, Sentence, Timex, TitleFact,
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
    links: &'a [CorefLink],
    events: &'a [Event],
    relations: &'a [Relation],
    diagnostics: &'a [Diagnostic],
}

fn word_count(text: &str) -> i64 {
    text.split_whitespace().count() as i64
}

impl Store {
    /// Stores an article and everything found in it, all or nothing. Entities, events and
    /// relations merge with what is stored under the same keys.
    ///
    /// Outside a batch the article is its own transaction. Inside a batch
    /// ([`Store::begin_batch`]) it is its own savepoint: a failed article is rolled back alone,
    /// and [`Store::commit_batch`] makes the whole articles saved so far durable at once.
    pub fn save(&mut self, doc: &Document, analysis: &Analysis) -> Result<Saved> {
        let path = self.path.clone();
        let sql = |source| crate::StoreError::Sqlite { path: path.clone(), source };
        let (open, keep, undo) = if self.in_batch {
            ("SAVEPOINT article", "RELEASE article", "ROLLBACK TO article; RELEASE article")
        } else {
            ("BEGIN IMMEDIATE", "COMMIT", "ROLLBACK")
        };
        self.conn.execute_batch(open).map_err(sql)?;
        match write_document(&self.conn, doc, analysis) {
            Ok(saved) => {
                self.conn.execute_batch(keep).map_err(sql)?;
                Ok(saved)
            }
            Err(e) => {
                // The article's partial writes go; the error is the one worth reporting.
                let _ = self.conn.execute_batch(undo);
                Err(sql(e))
            }
        }
    }

    /// Starts grouping articles into one commit (each still all-or-nothing).
    pub fn begin_batch(&mut self) -> Result<()> {
        if !self.in_batch {
            self.conn.execute_batch("BEGIN IMMEDIATE").map_err(|e| self.err(e))?;
            self.in_batch = true;
        }
        Ok(())
    }

    /// Makes every article saved since [`Store::begin_batch`] durable.
    pub fn commit_batch(&mut self) -> Result<()> {
        if self.in_batch {
            self.in_batch = false;
            self.conn.execute_batch("COMMIT").map_err(|e| self.err(e))?;
        }
        Ok(())
    }
}

fn write_document(tx: &Connection, doc: &Document, a: &Analysis) -> rusqlite::Result<Saved> {
    let stored = StoredAnalysis {
        paragraphs: &a.paragraphs,
        sentences: &a.sentences,
        mentions: &a.mentions,
        timexes: &a.timexes,
        entities: &a.entities,
        titles: &a.titles,
        links: &a.links,
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
pub(crate) fn redirect(tx: &Connection, key: &str) -> rusqlite::Result<String> {
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
    tx: &Connection,
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
        tx.prepare_cached(&ENTITY_UPSERT)?.execute(params![
            id,
            e.etype.as_str(),
            // A gazetteer entry is shown under its gazetteer name ("Canada", not "Canadian").
            geo.map_or(e.name.as_str(), |g| g.name.as_str()),
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
            // A name broken over a line is the same name.
            let alias = one_line(alias);
            tx.prepare_cached(
                "INSERT INTO aliases (entity, alias, kind, count) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(entity, alias) DO UPDATE SET count = count + excluded.count",
            )?
            .execute(params![entity, alias.as_ref(), kind, n])?;
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
        // The display name: an analyst's, the gazetteer's, else (for a person, a full name first)
        // the most used name, then the longest, then the first in order.
        tx.prepare_cached(
            "UPDATE entities SET name = COALESCE(
                 (SELECT name FROM entity_names WHERE entity = ?1),
                 CASE WHEN geo_id IS NOT NULL THEN name END,
                 (SELECT alias FROM aliases WHERE entity = ?1 AND kind = 'name'
                  ORDER BY (?2 = 'PERSON' AND instr(alias, ' ') > 0) DESC, count DESC,
                           length(alias) DESC, alias LIMIT 1),
                 name)
             WHERE id = ?1",
        )?
        .execute(params![id, e.etype.as_str()])?;
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
    tx: &Connection,
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
        tx.prepare_cached(&EVENT_UPSERT)?.execute(params![
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
    tx: &Connection,
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
        tx.prepare_cached(&RELATION_UPSERT)?.execute(params![
            id,
            subject,
            r.predicate.as_str(),
            object,
            r.title.as_deref().map(one_line),
            from,
            to,
            published
        ])?;
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

/// `text` with every run of white space (line breaks included) as one space.
fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(|c: char| c.is_whitespace() && c != ' ') || text.contains("  ") {
        std::borrow::Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// `column` updated from a new report so that the stored value does not depend on the order in
/// which reports arrive: a value beats none, and between two values `pick` (`min` or `max`)
/// decides.
fn order_free(column: &str, pick: &str) -> String {
    format!(
        "{column} = CASE WHEN {column} IS NULL THEN excluded.{column} \
         WHEN excluded.{column} IS NULL THEN {column} \
         ELSE {pick}({column}, excluded.{column}) END"
    )
}

/// One event report into its stored event (reports counted, first/last report dates widened).
static EVENT_UPSERT: LazyLock<String> = LazyLock::new(|| {
    format!(
        "INSERT INTO events (id, category, mode, date, place, modality, implied, reports,
             first_reported, last_reported)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?8)
         ON CONFLICT(id) DO UPDATE SET reports = reports + 1, implied = min(implied, excluded.implied),
             {}, {}, {}, {}, {}, {}",
        order_free("mode", "min"),
        order_free("date", "min"),
        order_free("place", "min"),
        order_free("modality", "min"),
        order_free("first_reported", "min"),
        order_free("last_reported", "max"),
    )
});

/// One relation report into its stored relation (validity widened to cover every report).
static RELATION_UPSERT: LazyLock<String> = LazyLock::new(|| {
    format!(
        "INSERT INTO relations (id, subject, predicate, object, title, valid_from, valid_to, reports,
             first_reported, last_reported)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?8)
         ON CONFLICT(id) DO UPDATE SET reports = reports + 1, {}, {}, {}, {}, {}",
        order_free("title", "min"),
        order_free("valid_from", "min"),
        order_free("valid_to", "max"),
        order_free("first_reported", "min"),
        order_free("last_reported", "max"),
    )
});

/// One article's entity into its stored entity. Every attribute is chosen so that the result
/// does not depend on the order in which articles arrive: counts add up, dates widen, the type
/// and kind are the least of those seen, and the gazetteer entry (with its name, country and
/// coordinates, kept together) is the least identifier seen.
static ENTITY_UPSERT: LazyLock<String> = LazyLock::new(|| {
    let geo_switch =
        "(excluded.geo_id IS NOT NULL AND (geo_id IS NULL OR excluded.geo_id < geo_id))";
    let from_geo = |column: &str| {
        format!("{column} = CASE WHEN {geo_switch} THEN excluded.{column} ELSE {column} END")
    };
    format!(
        "INSERT INTO entities (id, type, name, kind, geo_id, country, lat, lon, mentions, documents,
             first_seen, last_seen)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?11, ?10, ?10)
         ON CONFLICT(id) DO UPDATE SET
             mentions = mentions + excluded.mentions,
             documents = documents + excluded.documents,
             type = min(type, excluded.type),
             {}, {}, {}, {}, {}, {}, {}, {}",
        order_free("kind", "min"),
        from_geo("name"),
        from_geo("country"),
        from_geo("lat"),
        from_geo("lon"),
        from_geo("geo_id"),
        order_free("first_seen", "min"),
        order_free("last_seen", "max"),
    )
});
