//! Store tests: idempotent saves, order-independent merging, exports, schema checks.

use types::{
    Analysis, Argument, Document, DocumentId, EntityType, Event, EventCategory, LocalEntity,
    Mention, MentionKind, MentionLabel, Modality, Predicate, PublicationDate, Relation, Span,
};

use crate::{Saved, Store};

/// A document mentioning `names` (each a PERSON entity keyed by its lowercased name), with one
/// CONSULT event between the first two and a relation between them.
fn doc(id: &str, date: &str, names: &[&str]) -> (Document, Analysis) {
    let text = names.join(" met ");
    let d = Document {
        id: DocumentId(id.into()),
        source: format!("{id}.txt"),
        source_id: None,
        url: None,
        title: None,
        published: PublicationDate::parse_iso(date),
        published_source: None,
        language: Some("en".into()),
        text: text.clone(),
        zones: vec![],
        metadata: Default::default(),
    };
    let mut a = Analysis::default();
    let mut at = 0;
    for (i, n) in names.iter().enumerate() {
        let span = Span::new(at, at + n.len());
        at += n.len() + " met ".len();
        a.mentions.push(Mention {
            span,
            text: (*n).into(),
            label: MentionLabel::Person,
            kind: MentionKind::Name,
            sentence: 0,
            entity: Some(i as u32),
            qualifies: None,
        });
        a.entities.push(LocalEntity {
            etype: EntityType::Person,
            name: (*n).into(),
            kind: None,
            mentions: vec![i as u32],
            aliases: vec![],
            geo: None,
            key: format!("person:{}", n.to_lowercase()),
        });
    }
    let arg = |i: usize| Argument {
        entity: Some(i as u32),
        span: a.mentions[i].span,
        text: a.mentions[i].text.clone(),
    };
    if names.len() >= 2 {
        a.events.push(Event {
            category: EventCategory::Consult,
            mode: Some("meet".into()),
            actors: vec![arg(0), arg(1)],
            recipients: vec![],
            with: vec![],
            places: vec![],
            date: None,
            modality: Modality::Asserted,
            implied: false,
            trigger: Span::new(a.mentions[0].span.end + 1, a.mentions[0].span.end + 4),
            sentence: 0,
            attribution: None,
            about: None,
            key: "consult:meet:a+b".into(),
        });
        a.relations.push(Relation {
            subject: arg(0),
            predicate: Predicate::AlliedWith,
            object: arg(1),
            title: None,
            valid_from: None,
            valid_to: None,
            evidence: Span::new(0, text.len()),
            sentence: 0,
        });
    }
    (d, a)
}

fn table(store: &Store, sql: &str) -> Vec<String> {
    let mut stmt = store.conn.prepare(sql).expect("prepare");
    let n = stmt.column_count();
    let rows = stmt
        .query_map([], |r| {
            let mut cells = Vec::new();
            for i in 0..n {
                let v: rusqlite::types::Value = r.get(i)?;
                cells.push(format!("{v:?}"));
            }
            Ok(cells.join("|"))
        })
        .expect("query");
    rows.map(|r| r.expect("row")).collect()
}

#[test]
fn saving_twice_changes_nothing() {
    let mut s = Store::open_in_memory().expect("open");
    let (d, a) = doc("d1", "2023-09-29", &["Ann", "Bob"]);
    assert_eq!(s.save(&d, &a).expect("save"), Saved::Inserted);
    let before = s.counts().expect("counts");
    assert_eq!(s.save(&d, &a).expect("save"), Saved::AlreadyPresent);
    assert_eq!(s.counts().expect("counts"), before);
    assert_eq!(before.documents, 1);
    assert_eq!(before.mentions, 2);
    assert_eq!(before.entities, 2);
    assert_eq!(before.events, 1);
    assert_eq!(before.relations, 1);
}

#[test]
fn merging_does_not_depend_on_order() {
    let docs = [
        doc("d1", "2023-09-29", &["Ann", "Bob"]),
        doc("d2", "2023-10-01", &["Ann", "Bob", "Cy"]),
        doc("d3", "2023-08-01", &["Cy"]),
    ];
    let dump = |order: &[usize]| {
        let mut s = Store::open_in_memory().expect("open");
        for &i in order {
            s.save(&docs[i].0, &docs[i].1).expect("save");
        }
        [
            "SELECT * FROM entities ORDER BY id",
            "SELECT * FROM aliases ORDER BY entity, alias",
            "SELECT * FROM events ORDER BY id",
            "SELECT * FROM relations ORDER BY id",
        ]
        .iter()
        .flat_map(|q| table(&s, q))
        .collect::<Vec<_>>()
    };
    let forward = dump(&[0, 1, 2]);
    assert_eq!(forward, dump(&[2, 1, 0]));
    assert_eq!(forward, dump(&[1, 2, 0]));
    // One event reported twice; first and last seen span the documents' dates.
    assert!(forward.iter().any(|r| r.contains("consult:meet:a+b") && r.contains("Integer(2)")));
    assert!(forward.iter().any(|r| r.starts_with("Text(\"person:cy\")")
        && r.contains("2023-08-01")
        && r.contains("2023-10-01")));
}

#[test]
fn export_round_trips_the_record() {
    let mut s = Store::open_in_memory().expect("open");
    let (d, a) = doc("d1", "2023-09-29T06:38", &["Ann", "Bob"]);
    s.save(&d, &a).expect("save");
    let mut out = Vec::new();
    assert_eq!(s.export_jsonl(&mut out).expect("export"), 1);
    let rec: types::ArticleRecord =
        serde_json::from_slice(out.strip_suffix(b"\n").expect("newline")).expect("json");
    assert_eq!(rec.document, d);
    assert_eq!(rec.analysis.mentions, a.mentions);
    assert_eq!(rec.analysis.entities, a.entities);
    assert_eq!(rec.analysis.events, a.events);
    for m in &rec.analysis.mentions {
        assert_eq!(&rec.document.text[m.span.start..m.span.end], m.text);
    }

    let dir = tempfile::tempdir().expect("tmp");
    let files = s.export_csv(dir.path()).expect("csv");
    assert_eq!(files.len(), crate::CSV_TABLES.len());
    let mentions = std::fs::read_to_string(dir.path().join("mentions.csv")).expect("read");
    assert!(
        mentions
            .starts_with("document,mention,start,end,text,label,kind,sentence,entity,qualifies\n")
    );
    assert_eq!(mentions.lines().count(), 3);
}

#[test]
fn file_store_reopens_and_rejects_newer_schema() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("s.db");
    {
        let mut s = Store::open(&path).expect("open");
        let (d, a) = doc("d1", "2023-09-29", &["Ann"]);
        s.save(&d, &a).expect("save");
    }
    let s = Store::open_read_only(&path).expect("reopen");
    assert_eq!(s.counts().expect("counts").documents, 1);
    s.check_integrity().expect("integrity");
    drop(s);
    {
        let c = rusqlite::Connection::open(&path).expect("raw");
        c.pragma_update(None, "user_version", 99).expect("bump");
    }
    let err = Store::open(&path).err().expect("newer schema must be refused");
    assert!(err.to_string().contains("s.db"), "{err}");
    assert!(Store::open_read_only(&dir.path().join("missing.db")).is_err());
}

#[test]
fn a_failed_save_leaves_nothing_behind() {
    let mut s = Store::open_in_memory().expect("open");
    let (d, mut a) = doc("d1", "2023-09-29", &["Ann", "Bob"]);
    // Two titles with the same index are impossible; make the relation table fail instead by
    // dropping it, so the write fails half way through.
    s.conn.execute_batch("DROP TABLE relation_reports").expect("drop");
    assert!(s.save(&d, &a).is_err());
    assert_eq!(s.counts().map(|c| c.documents).ok(), None, "counts need every table");
    assert_eq!(table(&s, "SELECT COUNT(*) FROM documents"), vec!["Integer(0)"]);
    assert_eq!(table(&s, "SELECT COUNT(*) FROM mentions"), vec!["Integer(0)"]);
    assert_eq!(table(&s, "SELECT COUNT(*) FROM entities"), vec!["Integer(0)"]);
    a.relations.clear();
    // Without relations the save goes through.
    assert_eq!(s.save(&d, &a).expect("save"), Saved::Inserted);
}

#[test]
fn redirects_route_new_mentions_to_the_merged_entity() {
    let mut s = Store::open_in_memory().expect("open");
    s.conn
        .execute(
            "INSERT INTO entity_redirects (from_id, to_id) VALUES ('person:bob', 'person:ann')",
            [],
        )
        .expect("redirect");
    let (d, a) = doc("d1", "2023-09-29", &["Ann", "Bob"]);
    s.save(&d, &a).expect("save");
    assert_eq!(
        table(&s, "SELECT id, mentions, documents FROM entities"),
        vec!["Text(\"person:ann\")|Integer(2)|Integer(1)"]
    );
}

#[test]
fn corrections_apply_now_and_to_later_articles() {
    let mut s = Store::open_in_memory().expect("open");
    let (d1, a1) = doc("d1", "2023-09-29", &["Ann", "Bob"]);
    s.save(&d1, &a1).expect("save");

    // Merge Bob into Ann: one entity, the relation between them becomes a self-relation.
    assert_eq!(s.find_entity("bob").expect("by name"), "person:bob");
    s.merge_entities("person:ann", "person:bob", "tester").expect("merge");
    assert_eq!(
        table(&s, "SELECT id, mentions, documents FROM entities"),
        vec!["Text(\"person:ann\")|Integer(2)|Integer(1)"]
    );
    assert_eq!(
        table(&s, "SELECT id FROM relations"),
        vec!["Text(\"person:ann|ALLIED_WITH|person:ann\")"]
    );
    assert_eq!(s.find_entity("person:bob").expect("redirected"), "person:ann");

    // A later article naming Bob lands in Ann.
    let (d2, a2) = doc("d2", "2023-10-01", &["Bob", "Cy"]);
    s.save(&d2, &a2).expect("save");
    assert_eq!(
        table(&s, "SELECT id, mentions, documents FROM entities ORDER BY id"),
        vec![
            "Text(\"person:ann\")|Integer(3)|Integer(2)",
            "Text(\"person:cy\")|Integer(1)|Integer(1)"
        ]
    );

    // Split the surface form "Bob" back off.
    let new = s.split_entity("person:ann", "Bob", "tester").expect("split");
    assert_eq!(new, "person:ann~bob");
    assert_eq!(
        table(&s, "SELECT id, mentions FROM entities ORDER BY id"),
        vec![
            "Text(\"person:ann\")|Integer(1)",
            "Text(\"person:ann~bob\")|Integer(2)",
            "Text(\"person:cy\")|Integer(1)"
        ]
    );
    let (d3, a3) = doc("d3", "2023-10-02", &["Bob"]);
    s.save(&d3, &a3).expect("save");
    assert_eq!(
        table(&s, "SELECT mentions FROM entities WHERE id = 'person:ann~bob'"),
        vec!["Integer(3)"]
    );

    // Rename pins the display name against later saves.
    s.rename_entity("person:cy", "Cyrus Smith", "tester").expect("rename");
    let (d4, a4) = doc("d4", "2023-10-03", &["Cy"]);
    s.save(&d4, &a4).expect("save");
    assert_eq!(
        table(&s, "SELECT name FROM entities WHERE id = 'person:cy'"),
        vec!["Text(\"Cyrus Smith\")"]
    );

    let log = s.corrections().expect("log");
    assert_eq!(
        log.iter().map(|c| c.action.as_str()).collect::<Vec<_>>(),
        ["merge", "split", "rename"]
    );
    assert!(log.iter().all(|c| c.who == "tester" && c.at.ends_with('Z')));
    assert!(s.merge_entities("person:ann", "person:nobody", "t").is_err());
    assert!(s.find_entity("nobody at all").is_err());
}
