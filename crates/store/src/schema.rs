//! The store's schema, as versioned migrations. A migration is never edited once released:
//! changes go in a new one.

use rusqlite_migration::{M, Migrations};

/// All migrations, oldest first. `PRAGMA user_version` records how many have run.
pub fn migrations() -> Migrations<'static> {
    Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect())
}

const STEPS: &[&str] = &[V1, V2];

/// The schema version this build writes and reads.
pub const VERSION: usize = STEPS.len();

const V1: &str = r#"
CREATE TABLE documents (
    rowid            INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    source           TEXT NOT NULL,
    source_id        TEXT,
    url              TEXT,
    title            TEXT,
    published        TEXT,
    published_source TEXT,
    language         TEXT,
    text             TEXT NOT NULL,
    zones            TEXT NOT NULL,
    metadata         TEXT NOT NULL,
    analysis         TEXT NOT NULL,
    words            INTEGER NOT NULL,
    ingested_at      TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid', tokenize='porter unicode61'
);

CREATE TABLE sentences (
    doc       INTEGER NOT NULL REFERENCES documents(rowid),
    idx       INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    zone      TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE entities (
    id         TEXT PRIMARY KEY,
    type       TEXT NOT NULL,
    name       TEXT NOT NULL,
    kind       TEXT,
    geo_id     TEXT,
    country    TEXT,
    lat        REAL,
    lon        REAL,
    mentions   INTEGER NOT NULL DEFAULT 0,
    documents  INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT,
    last_seen  TEXT
) WITHOUT ROWID;
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

CREATE TABLE aliases (
    entity TEXT NOT NULL REFERENCES entities(id),
    alias  TEXT NOT NULL,
    kind   TEXT NOT NULL,
    count  INTEGER NOT NULL,
    PRIMARY KEY (entity, alias)
) WITHOUT ROWID;
CREATE INDEX aliases_alias ON aliases(alias COLLATE NOCASE);

CREATE TABLE document_entities (
    doc    INTEGER NOT NULL REFERENCES documents(rowid),
    local  INTEGER NOT NULL,
    entity TEXT NOT NULL,
    key    TEXT NOT NULL,
    name   TEXT NOT NULL,
    type   TEXT NOT NULL,
    PRIMARY KEY (doc, local)
) WITHOUT ROWID;
CREATE INDEX document_entities_entity ON document_entities(entity);

CREATE TABLE mentions (
    doc       INTEGER NOT NULL REFERENCES documents(rowid),
    idx       INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    label     TEXT NOT NULL,
    kind      TEXT NOT NULL,
    sentence  INTEGER NOT NULL,
    local     INTEGER,
    entity    TEXT,
    qualifies INTEGER,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity);

CREATE TABLE timexes (
    doc        INTEGER NOT NULL REFERENCES documents(rowid),
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    type       TEXT NOT NULL,
    value      TEXT NOT NULL,
    precision  TEXT NOT NULL,
    modifier   TEXT,
    range_from TEXT,
    range_to   TEXT,
    anchor     INTEGER,
    sentence   INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE titles (
    doc      INTEGER NOT NULL REFERENCES documents(rowid),
    idx      INTEGER NOT NULL,
    person   TEXT NOT NULL,
    title    TEXT NOT NULL,
    of       TEXT,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    date     TEXT,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX titles_person ON titles(person);

CREATE TABLE events (
    id             TEXT PRIMARY KEY,
    category       TEXT NOT NULL,
    mode           TEXT,
    date           TEXT,
    place          TEXT,
    modality       TEXT NOT NULL,
    implied        INTEGER NOT NULL,
    reports        INTEGER NOT NULL DEFAULT 0,
    first_reported TEXT,
    last_reported  TEXT
) WITHOUT ROWID;
CREATE INDEX events_date ON events(date);
CREATE INDEX events_category ON events(category);

CREATE TABLE event_reports (
    doc           INTEGER NOT NULL REFERENCES documents(rowid),
    idx           INTEGER NOT NULL,
    event         TEXT NOT NULL,
    category      TEXT NOT NULL,
    mode          TEXT,
    date          TEXT,
    approx        INTEGER NOT NULL,
    modality      TEXT NOT NULL,
    implied       INTEGER NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end   INTEGER NOT NULL,
    sentence      INTEGER NOT NULL,
    attribution   TEXT,
    about         INTEGER,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX event_reports_event ON event_reports(event);

CREATE TABLE event_arguments (
    doc      INTEGER NOT NULL REFERENCES documents(rowid),
    event    INTEGER NOT NULL,
    role     TEXT NOT NULL,
    position INTEGER NOT NULL,
    entity   TEXT,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (doc, event, role, position)
) WITHOUT ROWID;
CREATE INDEX event_arguments_entity ON event_arguments(entity);

CREATE TABLE relations (
    id             TEXT PRIMARY KEY,
    subject        TEXT NOT NULL,
    predicate      TEXT NOT NULL,
    object         TEXT NOT NULL,
    title          TEXT,
    valid_from     TEXT,
    valid_to       TEXT,
    reports        INTEGER NOT NULL DEFAULT 0,
    first_reported TEXT,
    last_reported  TEXT
) WITHOUT ROWID;
CREATE INDEX relations_subject ON relations(subject);
CREATE INDEX relations_object ON relations(object);

CREATE TABLE relation_reports (
    doc            INTEGER NOT NULL REFERENCES documents(rowid),
    idx            INTEGER NOT NULL,
    relation       TEXT NOT NULL,
    subject_start  INTEGER NOT NULL,
    subject_end    INTEGER NOT NULL,
    object_start   INTEGER NOT NULL,
    object_end     INTEGER NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    sentence       INTEGER NOT NULL,
    title          TEXT,
    valid_from     TEXT,
    valid_to       TEXT,
    PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX relation_reports_relation ON relation_reports(relation);

-- Analyst corrections: merges redirect one entity id to another; splits send an alias of an
-- entity to a new entity; names pin an entity's display name. They apply to every later save.
CREATE TABLE entity_redirects (
    from_id TEXT PRIMARY KEY,
    to_id   TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE entity_splits (
    entity TEXT NOT NULL,
    alias  TEXT NOT NULL COLLATE NOCASE,
    to_id  TEXT NOT NULL,
    PRIMARY KEY (entity, alias)
) WITHOUT ROWID;

CREATE TABLE entity_names (
    entity TEXT PRIMARY KEY,
    name   TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE corrections (
    id     INTEGER PRIMARY KEY,
    action TEXT NOT NULL,
    args   TEXT NOT NULL,
    who    TEXT NOT NULL,
    at     TEXT NOT NULL
);
"#;

/// Indexes for the analyst queries (`query.rs`): events by place, relations by predicate,
/// entities by mentions.
const V2: &str = r#"
CREATE INDEX events_place ON events(place);
CREATE INDEX relations_predicate ON relations(predicate);
CREATE INDEX entities_mentions ON entities(mentions DESC);
"#;

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        assert!(super::migrations().validate().is_ok());
    }
}
