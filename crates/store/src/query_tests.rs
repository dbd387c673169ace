//! Tests of the analyst queries on the hand-built fixture articles (answers known in advance).

use super::*;
use types::{
    Analysis, Document, DocumentId, EntityType, LocalEntity, Mention, MentionKind, MentionLabel,
    Span,
};

fn store() -> Store {
    let mut s = Store::open_in_memory().expect("open");
    for (d, a) in fixtures::articles() {
        s.save(&d, &a).expect("save");
    }
    s
}

/// A store with one more entity: an organisation also called "Vladimir Putin".
fn store_with_namesake() -> Store {
    let mut s = store();
    let text = "The Vladimir Putin Foundation opened.".to_string();
    let d = Document {
        id: DocumentId("namesake".into()),
        source: "namesake.txt".into(),
        source_id: None,
        url: None,
        title: None,
        published: None,
        published_source: None,
        language: None,
        text: text.clone(),
        zones: vec![],
        metadata: Default::default(),
    };
    let mut a = Analysis::default();
    a.mentions.push(Mention {
        span: Span::new(4, 18),
        text: "Vladimir Putin".into(),
        label: MentionLabel::Org,
        kind: MentionKind::Name,
        sentence: 0,
        entity: Some(0),
        qualifies: None,
    });
    a.entities.push(LocalEntity {
        etype: EntityType::Org,
        name: "Vladimir Putin".into(),
        kind: None,
        mentions: vec![0],
        aliases: vec![],
        geo: None,
        key: "org:vladimir putin foundation".into(),
    });
    s.save(&d, &a).expect("save");
    s
}

/// What a lookup gives, as a short string: the id, `not found`, `ambiguous N` or `bad`.
fn outcome<T>(r: QueryResult<T>, id: impl Fn(&T) -> String) -> String {
    match r {
        Ok(v) => id(&v),
        Err(QueryError::NotFound { .. }) => "not found".into(),
        Err(QueryError::Ambiguous { candidates, .. }) => format!("ambiguous {}", candidates.len()),
        Err(QueryError::BadParameter { param, .. }) => format!("bad {param}"),
        Err(QueryError::Store(e)) => format!("store error {e}"),
    }
}

#[test]
fn actor_lookup_is_case_insensitive_over_names_aliases_and_ids() {
    let s = store_with_namesake();
    let check = |name: &str, expect: &str| {
        assert_eq!(outcome(s.find_actor(name), |a| a.id.clone()), expect, "lookup {name:?}");
    };
    for (name, expect) in [
        ("Khalifa Haftar", "person:khalifa haftar"),
        ("haftar", "person:khalifa haftar"),
        ("  HAFTAR ", "person:khalifa haftar"),
        ("person:khalifa haftar", "person:khalifa haftar"),
        ("moscow", "gpe:moscow"),
        ("vladimir putin", "ambiguous 2"),
        ("person:vladimir putin", "person:vladimir putin"),
        ("Hafta", "not found"),
        ("", "bad actor"),
    ] {
        check(name, expect);
    }
    let err = s.find_actor("vladimir putin").expect_err("ambiguous");
    let msg = err.to_string();
    assert!(msg.contains("ambiguous") && msg.contains("person:vladimir putin"), "{msg}");
    let err = s.find_actor("Hafta").expect_err("not found");
    assert!(err.to_string().contains("did you mean: Khalifa Haftar"), "{err}");
}

#[test]
fn actor_search_ranks_exact_then_prefix_then_substring() {
    let s = store();
    let check = |text: &str, expect: &[&str]| {
        let got: Vec<String> =
            s.search_actors(text, 10).expect("search").into_iter().map(|a| a.name).collect();
        assert_eq!(got, expect, "search {text:?}");
    };
    check("haftar", &["Khalifa Haftar"]);
    check("libya", &["Libya", "eastern Libya"]);
    check("vlad", &["Vladimir Putin"]);
    check("100%_", &[]);
    check("", &[]);
    assert!(matches!(s.search_actors("x", 0), Err(QueryError::BadParameter { .. })));
    assert!(matches!(s.search_actors("x", MAX_LIMIT + 1), Err(QueryError::BadParameter { .. })));
}

#[test]
fn date_bounds_cover_every_precision() {
    let check = |value: &str, expect: Option<(&str, &str)>, precision: &str| {
        let got = DateBounds::of(value).map(|b| (b.first.to_string(), b.last.to_string()));
        let expect = expect.map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(got, expect, "bounds of {value:?}");
        assert_eq!(DateBounds::precision(value), precision, "precision of {value:?}");
    };
    for (value, expect, precision) in [
        ("2023-09-28", Some(("2023-09-28", "2023-09-28")), "day"),
        ("2023-09-28T14:00", Some(("2023-09-28", "2023-09-28")), "day"),
        ("2023-09", Some(("2023-09-01", "2023-09-30")), "month"),
        ("2024-02", Some(("2024-02-01", "2024-02-29")), "month"),
        ("2023-12", Some(("2023-12-01", "2023-12-31")), "month"),
        ("2019", Some(("2019-01-01", "2019-12-31")), "year"),
        ("2023-W39", Some(("2023-09-25", "2023-10-01")), "week"),
        ("2023-Q4", Some(("2023-10-01", "2023-12-31")), "quarter"),
        ("2023-WI", Some(("2023-12-01", "2024-02-29")), "season"),
        ("201X", Some(("2010-01-01", "2019-12-31")), "decade"),
        ("19XX", Some(("1900-01-01", "1999-12-31")), "century"),
        ("2023-09-26/2023-09-28", Some(("2023-09-26", "2023-09-28")), "interval"),
        ("2023-09-28/2023-09-26", None, "interval"),
        ("PAST_REF", None, "unknown"),
        ("P3D", None, "unknown"),
        ("2023-13", None, "unknown"),
        ("2023-02-30", None, "unknown"),
        ("", None, "unknown"),
        ("é", None, "unknown"),
    ] {
        check(value, expect, precision);
    }
}

#[test]
fn user_dates_must_be_plain_calendar_dates() {
    let check = |v: &str, ok: bool| {
        assert_eq!(parse_user_date("from", v).is_ok(), ok, "{v:?}");
    };
    for (v, ok) in [
        ("2023", true),
        ("2023-09", true),
        ("2023-09-28", true),
        ("2023-9-28", false),
        ("2023-13-01", false),
        ("2023-02-30", false),
        ("28/09/2023", false),
        ("2023-W39", false),
        ("yesterday", false),
        ("", false),
    ] {
        check(v, ok);
    }
}

#[test]
fn dossier_gathers_titles_relations_events_co_participants_and_documents() {
    let s = store();
    let d = s.dossier("Haftar", 50).expect("dossier");
    assert_eq!(d.actor.id, "person:khalifa haftar");
    assert_eq!(d.actor.etype, "PERSON");
    let aliases: Vec<&str> = d.aliases.iter().map(|a| a.alias.as_str()).collect();
    assert!(aliases.contains(&"Haftar") && aliases.contains(&"Libyan commander"), "{aliases:?}");
    let rel: Vec<String> = d
        .relations
        .iter()
        .map(|r| format!("{} {} {}", r.subject.name, r.predicate, r.object.name))
        .collect();
    let mut rel_sorted = rel.clone();
    rel_sorted.sort();
    assert_eq!(
        rel_sorted,
        [
            "Khalifa Haftar CONTROLS eastern Libya",
            "Khalifa Haftar FIGHTS Government of National Unity",
            "Wagner SUPPORTS Khalifa Haftar"
        ]
    );
    assert!(d.relations.iter().all(|r| !r.sources.is_empty()));
    let fights = d.relations.iter().find(|r| r.predicate == "FIGHTS").expect("fights");
    assert_eq!(fights.sources[0].text, "fighting the Government of National Unity");
    let events: Vec<String> = d
        .events
        .iter()
        .map(|e| format!("{} {}", e.date.as_deref().unwrap_or("-"), e.category))
        .collect();
    assert_eq!(events, ["2019-04 ASSAULT", "2023-09-28 CONSULT", "- ACCUSE"]);
    assert_eq!(d.events_total, 3);
    let meeting = &d.events[1];
    assert_eq!(meeting.place.as_ref().map(|p| p.name.as_str()), Some("Moscow"));
    assert_eq!(meeting.place.as_ref().and_then(|p| p.lat), Some(55.7522));
    let names: Vec<&str> = meeting.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Khalifa Haftar", "Vladimir Putin"]);
    assert!(meeting.sources[0].text.starts_with("Libyan commander Khalifa Haftar met"));
    let met: Vec<(&str, i64)> = d.met.iter().map(|c| (c.actor.name.as_str(), c.events)).collect();
    assert_eq!(met, [("Vladimir Putin", 1)]);
    let fought: Vec<(&str, i64)> =
        d.fought.iter().map(|c| (c.actor.name.as_str(), c.events)).collect();
    assert_eq!(fought, [("Government of National Unity", 2)]);
    assert_eq!(d.documents_total, 2);
    assert_eq!(d.documents[0].published.as_deref(), Some("2023-09-29T06:38"));
    assert_eq!(d.documents[0].mentions, Some(3));

    let p = s.dossier("Vladimir Putin", 50).expect("putin");
    let titles: Vec<String> = p
        .titles
        .iter()
        .map(|t| {
            format!(
                "{} of {} from {}",
                t.title,
                t.of.as_ref().map_or("-", |o| o.name.as_str()),
                t.first_seen.as_deref().unwrap_or("-")
            )
        })
        .collect();
    assert_eq!(titles, ["President of Russia from 2023-09-29"]);
    assert_eq!(p.titles[0].sources[0].text, "Russian President Vladimir Putin");
    let met: Vec<&str> = p.met.iter().map(|c| c.actor.name.as_str()).collect();
    assert_eq!(met, ["Khalifa Haftar", "Recep Tayyip Erdogan"]);

    assert!(matches!(s.dossier("nobody at all", 10), Err(QueryError::NotFound { .. })));
    assert!(matches!(s.dossier("Haftar", 0), Err(QueryError::BadParameter { .. })));
}

#[test]
fn event_filters_combine() {
    let s = store();
    let check = |f: EventFilter, expect: &str| {
        let got = outcome(s.events(&EventFilter { limit: 100, ..f }), |p| {
            p.events
                .iter()
                .map(|e| format!("{}@{}", e.category, e.date.as_deref().unwrap_or("-")))
                .collect::<Vec<_>>()
                .join(" ")
        });
        assert_eq!(got, expect);
    };
    let f = |actor: Option<&str>,
             t: Option<&str>,
             place: Option<&str>,
             from: Option<&str>,
             to: Option<&str>| {
        EventFilter {
            actor: actor.map(Into::into),
            category: t.map(Into::into),
            place: place.map(Into::into),
            from: from.map(Into::into),
            to: to.map(Into::into),
            ..Default::default()
        }
    };
    check(
        f(None, None, None, None, None),
        "ASSAULT@2019-04 CONSULT@2023-09-04 CONSULT@2023-09-28 ACCUSE@- STATEMENT@-",
    );
    check(f(None, Some("consult"), None, None, None), "CONSULT@2023-09-04 CONSULT@2023-09-28");
    check(f(Some("haftar"), None, None, Some("2023"), None), "CONSULT@2023-09-28");
    check(f(Some("haftar"), Some("ASSAULT"), None, None, None), "ASSAULT@2019-04");
    check(f(None, None, Some("moscow"), None, None), "CONSULT@2023-09-28");
    check(f(Some("putin"), None, Some("sochi"), None, None), "CONSULT@2023-09-04");
    check(f(None, None, None, Some("2019-04-15"), Some("2019-04-15")), "ASSAULT@2019-04");
    check(f(None, None, None, Some("2023-09-05"), Some("2023-09-30")), "CONSULT@2023-09-28");
    check(f(None, None, None, None, Some("2019-12")), "ASSAULT@2019-04");
    check(f(None, None, None, Some("2023-13-01"), None), "bad from");
    check(f(None, None, None, None, Some("Sept 2023")), "bad to");
    check(f(None, None, None, Some("2024"), Some("2023")), "bad from");
    check(f(None, Some("PARTY"), None, None, None), "bad type");
    check(f(Some("nobody"), None, None, None, None), "not found");
    let e = EventFilter { limit: MAX_LIMIT + 1, ..Default::default() };
    assert!(matches!(s.events(&e), Err(QueryError::BadParameter { .. })));
    let page = s.events(&EventFilter { limit: 2, offset: 1, ..Default::default() }).expect("page");
    assert_eq!(
        (page.total, page.events.len(), page.events[0].date.as_deref()),
        (5, 2, Some("2023-09-04"))
    );
}

#[test]
fn relations_filter_by_actor_and_predicate() {
    let s = store();
    let check = |actor: Option<&str>, pred: Option<&str>, expect: &str| {
        let got = outcome(s.relations(actor, pred, 100, 0), |p| {
            let mut v: Vec<String> =
                p.relations.iter().map(|r| format!("{}>{}", r.predicate, r.object.name)).collect();
            v.sort();
            v.join(" ")
        });
        assert_eq!(got, expect, "{actor:?} {pred:?}");
    };
    check(None, Some("fights"), "FIGHTS>Government of National Unity");
    check(Some("wagner"), None, "SUPPORTS>Khalifa Haftar");
    check(Some("putin"), Some("LEADS"), "LEADS>Russia");
    check(Some("putin"), Some("FIGHTS"), "");
    check(None, Some("LOVES"), "bad predicate");
    check(Some("nobody"), None, "not found");
    let leads = s.relations(None, Some("leads"), 10, 0).expect("leads");
    assert_eq!(leads.relations[0].title.as_deref(), Some("President"));
}

#[test]
fn full_text_search_gives_snippets_and_survives_any_input() {
    let s = store();
    let check = |q: &str, expect: &str| {
        let got = outcome(s.search(q, 10), |r| {
            let mut t: Vec<String> =
                r.hits.iter().map(|h| h.document.title.clone().unwrap_or_default()).collect();
            t.sort();
            format!("{} {}", r.total, t.join(" | "))
        });
        assert_eq!(got, expect, "search {q:?}");
    };
    check("Putin", "2 Haftar holds talks with Putin in Moscow | Putin and Erdogan meet in Sochi");
    check("\"National Unity\"", "1 Haftar's forces attack Tripoli");
    check("meetings", "1 Putin and Erdogan meet in Sochi");
    check("ceasefire", "0 ");
    check("attacks", "1 Haftar's forces attack Tripoli");
    check("putin sochi", "1 Putin and Erdogan meet in Sochi");
    check(
        "Putin ) ( \"",
        "2 Haftar holds talks with Putin in Moscow | Putin and Erdogan meet in Sochi",
    );
    check("NEAR( * ) ^ -", "0 ");
    check("( * ) ^ -", "bad q");
    check("", "bad q");
    let r = s.search("Wagner", 10).expect("search");
    let hits: Vec<&str> =
        r.hits[0].snippet.iter().filter(|p| p.hit).map(|p| p.text.as_str()).collect();
    assert_eq!(hits, ["Wagner"]);
    assert!(matches!(s.search("x", 100_000), Err(QueryError::BadParameter { .. })));
}

#[test]
fn timeline_counts_per_period_and_category() {
    let s = store();
    let check = |actor: Option<&str>, by: Bucket, expect: &str| {
        let got = outcome(s.timeline(actor, by), |t| {
            let periods: Vec<String> = t
                .periods
                .iter()
                .map(|p| {
                    let c: Vec<String> = p.counts.iter().map(|(k, v)| format!("{k}={v}")).collect();
                    format!("{}:{}", p.period, c.join(","))
                })
                .collect();
            format!("{} undated={} coarser={}", periods.join(" "), t.undated, t.coarser)
        });
        assert_eq!(got, expect, "{actor:?} {by:?}");
    };
    check(None, Bucket::Month, "2019-04:ASSAULT=1 2023-09:CONSULT=2 undated=2 coarser=0");
    check(None, Bucket::Week, "2023-W36:CONSULT=1 2023-W39:CONSULT=1 undated=2 coarser=1");
    check(Some("haftar"), Bucket::Day, "2023-09-28:CONSULT=1 undated=1 coarser=1");
    check(Some("nobody"), Bucket::Day, "not found");
    assert!(Bucket::parse("year").is_err());
    assert_eq!(Bucket::parse("Week").ok(), Some(Bucket::Week));
}

#[test]
fn ego_graph_reaches_two_hops_with_typed_edges() {
    let s = store();
    let g = s.ego_graph("haftar", 2, 25).expect("graph");
    let node = |name: &str| g.nodes.iter().find(|n| n.name == name).map(|n| n.hops);
    assert_eq!(node("Khalifa Haftar"), Some(0));
    assert_eq!(node("Vladimir Putin"), Some(1));
    assert_eq!(node("Wagner"), Some(1));
    assert_eq!(node("Recep Tayyip Erdogan"), Some(2));
    assert_eq!(node("Russia"), Some(2));
    let edges: Vec<String> = g
        .edges
        .iter()
        .map(|e| format!("{} {} {} {}", e.source, e.kind, e.etype, e.target))
        .collect();
    for want in [
        "person:khalifa haftar event CONSULT person:vladimir putin",
        "org:wagner relation SUPPORTS person:khalifa haftar",
        "person:khalifa haftar event ASSAULT org:government of national unity",
        "person:vladimir putin event CONSULT person:recep tayyip erdogan",
    ] {
        assert!(edges.iter().any(|e| e == want), "missing {want:?} in {edges:#?}");
    }
    let consult = g.edges.iter().find(|e| e.etype == "CONSULT").expect("consult");
    assert_eq!(consult.first.as_deref(), Some("2023-09-28"));
    let one = s.ego_graph("haftar", 1, 25).expect("graph");
    assert!(one.nodes.iter().all(|n| n.hops <= 1));
    let small = s.ego_graph("haftar", 1, 1).expect("graph");
    assert_eq!((small.nodes.len(), small.truncated), (2, true));
    assert!(matches!(s.ego_graph("haftar", 3, 25), Err(QueryError::BadParameter { .. })));
}

#[test]
fn document_view_maps_entities_to_stored_ids() {
    let s = store();
    let (d, a) = fixtures::moscow_meeting();
    let v = s.document(&d.id.0).expect("document");
    assert_eq!(v.text, d.text);
    assert_eq!(v.analysis.mentions, a.mentions);
    assert_eq!(v.analysis.entities[0].key, "person:khalifa haftar");
    assert_eq!(v.event_ids[0], "consult:2023-09-28:haftar+putin");
    assert!(v.event_ids[1].starts_with("doc:"));
    assert!(matches!(s.document("nope"), Err(QueryError::NotFound { .. })));
}

#[test]
fn event_rows_and_tables_export_every_event() {
    let s = store();
    let mut rows = Vec::new();
    let n = s
        .for_each_event_row(|r| {
            rows.push(format!(
                "{} {} {}",
                r.date.as_deref().unwrap_or("-"),
                r.precision,
                r.category
            ));
            Ok(())
        })
        .expect("rows");
    assert_eq!(n, 5);
    assert_eq!(rows[0], "2019-04 month ASSAULT");
    assert_eq!(rows[2], "2023-09-28 day CONSULT");
    for t in PARQUET_TABLES.iter().chain([&GRAPH_NODES, &GRAPH_RELATIONS]) {
        let mut count = 0;
        s.for_each_table_row(t, |cells| -> std::result::Result<(), StoreError> {
            assert_eq!(cells.len(), t.columns.len());
            for (cell, (name, ty)) in cells.iter().zip(t.columns) {
                let ok = match (cell, ty) {
                    (Cell::Null, _) => true,
                    (Cell::Int(_), ColumnType::Int | ColumnType::Bool) => true,
                    (Cell::Real(_) | Cell::Int(_), ColumnType::Real) => true,
                    (Cell::Text(t), ColumnType::TextList) => t.starts_with('['),
                    (Cell::Text(_), ColumnType::Text) => true,
                    _ => false,
                };
                assert!(ok, "table {} column {name}: {cell:?} is not {ty:?}", t.name);
            }
            count += 1;
            Ok(())
        })
        .expect("table");
        assert!(count > 0, "table {} is empty", t.name);
    }
}

#[test]
fn fts_queries_quote_every_word() {
    let check =
        |q: &str, expect: Option<&str>| assert_eq!(fts_query(q).as_deref(), expect, "{q:?}");
    check("Putin", Some("\"Putin\""));
    check("Putin Moscow", Some("\"Putin\" \"Moscow\""));
    check("\"national unity\" gov", Some("\"national unity\" \"gov\""));
    check("AND OR NOT", Some("\"AND\" \"OR\" \"NOT\""));
    check("\"unterminated phrase", Some("\"unterminated phrase\""));
    check("*:^()", None);
    check("", None);
}
