//! Keys and corrections, on analyses made by the real coreference stage from hand-given
//! mentions.

use super::*;
use types::{Mention, MentionLabel, Span};

/// An article and its analysis; mentions are `(surface, label)` found left to right.
fn analysed(text: &str, names: &[(&str, MentionLabel)]) -> (Document, Analysis) {
    let doc = Document {
        id: Document::compute_id("test", text),
        source: "test".into(),
        source_id: None,
        url: None,
        title: None,
        published: None,
        published_source: None,
        language: None,
        text: text.into(),
        zones: vec![],
        metadata: Default::default(),
    };
    let seg = analyze::text::segment(text, &[]);
    let mut mentions = Vec::new();
    let mut from = 0;
    for (s, label) in names {
        let Some(i) = text[from..].find(s) else { panic!("{s} not in text") };
        let start = from + i;
        mentions.push(Mention {
            span: Span::new(start, start + s.len()),
            text: (*s).into(),
            label: *label,
            kind: MentionKind::Name,
            sentence: 0,
            entity: None,
            qualifies: None,
        });
        from = start + s.len();
    }
    let r =
        analyze::coref::resolve_full(&doc, &seg, &mut mentions, gazetteer::Gazetteer::embedded());
    let mut a = Analysis {
        mentions,
        entities: r.entities,
        titles: r.titles,
        links: r.links,
        ..Analysis::default()
    };
    assign_keys(&doc, &mut a);
    (doc, a)
}

fn keys(a: &Analysis) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> =
        a.entities.iter().map(|e| (e.name.clone(), e.key.clone())).collect();
    v.sort();
    v
}

fn check(text: &str, names: &[(&str, MentionLabel)], expect: &[(&str, &str)]) {
    let (_, a) = analysed(text, names);
    let got = keys(&a);
    for (name, key) in expect {
        assert!(
            got.iter().any(|(n, k)| n == name && k == key),
            "{text}: want {name} -> {key}, got {got:?}"
        );
    }
}

use MentionLabel::{Gpe, Norp, Org, Person};

#[test]
fn keys_follow_the_gazetteer_and_names() {
    check(
        "Russian President Vladimir Putin met Turkish officials in Moscow.",
        &[("Russian", Norp), ("Vladimir Putin", Person), ("Turkish", Norp), ("Moscow", Gpe)],
        &[
            ("Russia", "country:RU"),
            ("Turkey", "country:TR"),
            ("Vladimir Putin", "person:vladimir putin"),
            ("Moscow", "geonames:524901"),
        ],
    );
    check(
        "The UN and the Wagner Group met. Wagner said so.",
        &[("UN", Org), ("Wagner Group", Org), ("Wagner", Org)],
        &[("United Nations", "igo:UN"), ("Wagner Group", "org:wagner")],
    );
    // Namesakes by surname only are kept apart by title and country.
    check(
        "Field Marshal Haftar met Libya's envoy.",
        &[("Haftar", Person), ("Libya", Gpe)],
        &[("Haftar", "person:haftar#field marshal")],
    );
    check(
        "Haftar spoke in Libya.",
        &[("Haftar", Person), ("Libya", Gpe)],
        &[("Haftar", "person:haftar#@ly")],
    );
}

#[test]
fn keys_do_not_depend_on_what_came_before() {
    let a = (
        "Mr Putin met Erdogan in Ankara.",
        vec![("Putin", Person), ("Erdogan", Person), ("Ankara", Gpe)],
    );
    let b = ("Vladimir Putin spoke.", vec![("Vladimir Putin", Person)]);
    let first = keys(&analysed(a.0, &a.1).1);
    let _ = analysed(b.0, &b.1);
    let again = keys(&analysed(a.0, &a.1).1);
    assert_eq!(first, again);
}

#[test]
fn corrections_merge_split_and_rename() {
    let (_, mut a) = analysed(
        "Wagner and the Wagner Group and Prigozhin met Tass.",
        &[("Wagner", Org), ("Wagner Group", Org), ("Prigozhin", Person), ("Tass", Org)],
    );
    let corrections = [
        Correction::Split { key: "org:wagner".into(), alias: "Wagner Group".into() },
        Correction::Merge { from: "org:tass".into(), into: "org:itar-tass".into() },
        Correction::Merge { from: "org:itar-tass".into(), into: "org:tass".into() }, // a cycle: refused
        Correction::Rename { key: "org:itar-tass".into(), name: "TASS".into() },
    ];
    let o = Overrides::new(&corrections);
    o.apply(&mut a);
    let k = keys(&a);
    assert!(k.iter().any(|(_, key)| key == "org:wagner/split:wagner group"), "{k:?}");
    assert!(k.iter().any(|(n, key)| n == "Wagner" && key == "org:wagner"), "{k:?}");
    assert!(k.iter().any(|(n, key)| n == "TASS" && key == "org:itar-tass"), "{k:?}");
    for (i, e) in a.entities.iter().enumerate() {
        for &m in &e.mentions {
            assert_eq!(a.mentions[m as usize].entity, Some(i as u32));
        }
    }
    for (action, args) in [
        ("merge", vec!["a".to_string()]),
        ("merge", vec!["a".into(), "a".into()]),
        ("fold", vec![]),
    ] {
        assert!(Correction::from_parts(action, &args).is_err());
    }
    for c in &corrections {
        let (action, args) = c.to_parts();
        assert_eq!(Correction::from_parts(action, &args).as_ref(), Ok(c));
    }
}
