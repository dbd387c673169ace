//! Reading everything back out: JSON Lines in the extract schema, and one CSV file per table.

use std::io::Write;
use std::path::Path;

use rusqlite::types::ValueRef;
use types::{Analysis, ArticleRecord, Document, DocumentId, PublicationDate};

use crate::{Result, Store, StoreError};

/// A table exported as CSV, and the columns it has (documented in `docs/schema.md`).
pub struct CsvTable {
    pub name: &'static str,
    pub query: &'static str,
}

/// The CSV export: one file per table, in this order.
pub const CSV_TABLES: &[CsvTable] = &[
    CsvTable {
        name: "documents",
        query: "SELECT id, source, source_id, url, title, published, published_source, language, words, text FROM documents ORDER BY rowid",
    },
    CsvTable {
        name: "sentences",
        query: "SELECT d.id AS document, s.idx AS sentence, s.start, s.end, s.paragraph, s.zone
                FROM sentences s JOIN documents d ON d.rowid = s.doc ORDER BY s.doc, s.idx",
    },
    CsvTable {
        name: "mentions",
        query: "SELECT d.id AS document, m.idx AS mention, m.start, m.end, m.text, m.label, m.kind, m.sentence, m.entity, m.qualifies
                FROM mentions m JOIN documents d ON d.rowid = m.doc ORDER BY m.doc, m.idx",
    },
    CsvTable {
        name: "timexes",
        query: "SELECT d.id AS document, t.idx AS timex, t.start, t.end, t.text, t.type, t.value, t.precision, t.modifier,
                       t.range_from, t.range_to, t.anchor, t.sentence
                FROM timexes t JOIN documents d ON d.rowid = t.doc ORDER BY t.doc, t.idx",
    },
    CsvTable {
        name: "entities",
        query: "SELECT id, type, name, kind, geo_id, country, lat, lon, mentions, documents, first_seen, last_seen
                FROM entities ORDER BY id",
    },
    CsvTable {
        name: "aliases",
        query: "SELECT entity, alias, kind, count FROM aliases ORDER BY entity, alias",
    },
    CsvTable {
        name: "titles",
        query: "SELECT d.id AS document, t.person, t.title, t.of, t.date, t.start, t.end, t.sentence
                FROM titles t JOIN documents d ON d.rowid = t.doc ORDER BY t.doc, t.idx",
    },
    CsvTable {
        name: "events",
        query: "SELECT id, category, mode, date, place, modality, implied, reports, first_reported, last_reported
                FROM events ORDER BY id",
    },
    CsvTable {
        name: "event_reports",
        query: "SELECT d.id AS document, r.idx AS report, r.event, r.category, r.mode, r.date, r.approx, r.modality,
                       r.implied, r.trigger_start, r.trigger_end, r.sentence, r.attribution, r.about
                FROM event_reports r JOIN documents d ON d.rowid = r.doc ORDER BY r.doc, r.idx",
    },
    CsvTable {
        name: "event_arguments",
        query: "SELECT d.id AS document, a.event AS report, a.role, a.position, a.entity, a.start, a.end, a.text
                FROM event_arguments a JOIN documents d ON d.rowid = a.doc ORDER BY a.doc, a.event, a.role, a.position",
    },
    CsvTable {
        name: "relations",
        query: "SELECT id, subject, predicate, object, title, valid_from, valid_to, reports, first_reported, last_reported
                FROM relations ORDER BY id",
    },
    CsvTable {
        name: "relation_reports",
        query: "SELECT d.id AS document, r.idx AS report, r.relation, r.subject_start, r.subject_end, r.object_start,
                       r.object_end, r.evidence_start, r.evidence_end, r.sentence, r.title, r.valid_from, r.valid_to
                FROM relation_reports r JOIN documents d ON d.rowid = r.doc ORDER BY r.doc, r.idx",
    },
];

impl Store {
    /// Every stored article as an [`ArticleRecord`], in ingestion order. Entity keys are the
    /// stored entity ids (after analyst corrections).
    pub fn for_each_record(&self, mut f: impl FnMut(ArticleRecord) -> Result<()>) -> Result<u64> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT rowid, id, source, source_id, url, title, published, published_source,
                        language, text, zones, metadata, analysis FROM documents ORDER BY rowid",
            )
            .map_err(|e| self.err(e))?;
        let mut ent = self
            .conn
            .prepare("SELECT local, entity FROM document_entities WHERE doc = ?1")
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
        let mut n = 0;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let get_s = |i: usize| row.get::<_, Option<String>>(i);
            let rowid: i64 = row.get(0).map_err(|e| self.err(e))?;
            let id: String = row.get(1).map_err(|e| self.err(e))?;
            let bad = |what: &str, e: serde_json::Error| StoreError::Invalid {
                path: self.path.clone(),
                reason: format!("document {id}: stored {what} is not valid JSON: {e}"),
            };
            let zones: String = row.get(10).map_err(|e| self.err(e))?;
            let metadata: String = row.get(11).map_err(|e| self.err(e))?;
            let analysis: String = row.get(12).map_err(|e| self.err(e))?;
            let published_source = get_s(7)
                .map_err(|e| self.err(e))?
                .and_then(|s| serde_json::from_value(serde_json::Value::String(s)).ok());
            let document = Document {
                id: DocumentId(id.clone()),
                source: row.get(2).map_err(|e| self.err(e))?,
                source_id: get_s(3).map_err(|e| self.err(e))?,
                url: get_s(4).map_err(|e| self.err(e))?,
                title: get_s(5).map_err(|e| self.err(e))?,
                published: get_s(6)
                    .map_err(|e| self.err(e))?
                    .and_then(|s| PublicationDate::parse_iso(&s)),
                published_source,
                language: get_s(8).map_err(|e| self.err(e))?,
                text: row.get(9).map_err(|e| self.err(e))?,
                zones: serde_json::from_str(&zones).map_err(|e| bad("zones", e))?,
                metadata: serde_json::from_str(&metadata).map_err(|e| bad("metadata", e))?,
            };
            let mut analysis: Analysis =
                serde_json::from_str(&analysis).map_err(|e| bad("analysis", e))?;
            let ids = ent
                .query_map([rowid], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
                .map_err(|e| self.err(e))?;
            for pair in ids {
                let (local, entity) = pair.map_err(|e| self.err(e))?;
                if let Some(e) =
                    usize::try_from(local).ok().and_then(|i| analysis.entities.get_mut(i))
                {
                    e.key = entity;
                }
            }
            f(ArticleRecord::new(document, analysis))?;
            n += 1;
        }
        Ok(n)
    }

    /// Writes every stored article as one JSON object per line.
    pub fn export_jsonl(&self, out: &mut dyn Write) -> Result<u64> {
        let path = self.path.clone();
        self.for_each_record(|rec| {
            let io = |e: std::io::Error| StoreError::Io { path: path.clone(), source: e };
            serde_json::to_writer(&mut *out, &rec).map_err(|e| io(e.into()))?;
            out.write_all(b"\n").map_err(io)
        })
    }

    /// Writes one CSV file per table into `dir`; returns (file name, rows) pairs.
    pub fn export_csv(&self, dir: &Path) -> Result<Vec<(String, u64)>> {
        let io =
            |path: &Path, e: std::io::Error| StoreError::Io { path: path.to_path_buf(), source: e };
        std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
        let mut written = Vec::new();
        for table in CSV_TABLES {
            let file = dir.join(format!("{}.csv", table.name));
            let n = self.write_csv(table.query, &file).map_err(|e| match e {
                CsvError::Store(e) => e,
                CsvError::Csv(e) => io(&file, std::io::Error::other(e)),
            })?;
            written.push((format!("{}.csv", table.name), n));
        }
        Ok(written)
    }

    fn write_csv(&self, query: &str, file: &Path) -> std::result::Result<u64, CsvError> {
        let mut w = csv::Writer::from_path(file)?;
        let mut stmt = self.conn.prepare(query).map_err(|e| self.err(e))?;
        let names: Vec<String> = stmt.column_names().into_iter().map(str::to_string).collect();
        w.write_record(&names)?;
        let ncol = names.len();
        let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
        let mut n = 0;
        let mut record: Vec<String> = Vec::with_capacity(ncol);
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            record.clear();
            for i in 0..ncol {
                let cell = match row.get_ref(i).map_err(|e| self.err(e))? {
                    ValueRef::Null => String::new(),
                    ValueRef::Integer(v) => v.to_string(),
                    ValueRef::Real(v) => v.to_string(),
                    ValueRef::Text(t) | ValueRef::Blob(t) => {
                        String::from_utf8_lossy(t).into_owned()
                    }
                };
                record.push(cell);
            }
            w.write_record(&record)?;
            n += 1;
        }
        w.flush().map_err(csv::Error::from)?;
        Ok(n)
    }
}

enum CsvError {
    Store(StoreError),
    Csv(csv::Error),
}

impl From<StoreError> for CsvError {
    fn from(e: StoreError) -> CsvError {
        CsvError::Store(e)
    }
}

impl From<csv::Error> for CsvError {
    fn from(e: csv::Error) -> CsvError {
        CsvError::Csv(e)
    }
}
