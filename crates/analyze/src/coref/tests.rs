//! Coreference tests: each case is a text, the name mentions a recogniser would give
//! (`[Name|TYPE]` markup), and what must hold of the result.

use super::*;
use types::Document;

/// Parses `[Khalifa Haftar|PERSON] met ...` into plain text and name mentions.
fn markup(src: &str) -> (String, Vec<Mention>) {
    let mut text = String::new();
    let mut mentions = Vec::new();
    let mut rest = src;
    while let Some(open) = rest.find('[') {
        text.push_str(&rest[..open]);
        let Some(close) = rest[open..].find(']') else { break };
        let inner = &rest[open + 1..open + close];
        let (surface, label) = inner.split_once('|').unwrap_or((inner, "PERSON"));
        let label = match label {
            "PERSON" => MentionLabel::Person,
            "ORG" => MentionLabel::Org,
            "GPE" => MentionLabel::Gpe,
            "LOC" => MentionLabel::Loc,
            "NORP" => MentionLabel::Norp,
            other => panic!("label {other}"),
        };
        let start = text.len();
        text.push_str(surface);
        mentions.push(Mention {
            span: Span::new(start, text.len()),
            text: surface.into(),
            label,
            kind: MentionKind::Name,
            sentence: 0,
            entity: None,
            qualifies: None,
        });
        rest = &rest[open + close + 1..];
    }
    text.push_str(rest);
    (text, mentions)
}

fn run(src: &str) -> (String, Vec<Mention>, Resolution) {
    let (text, mut mentions) = markup(src);
    let doc = Document {
        id: Document::compute_id("t", &text),
        source: "t".into(),
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
    let seg = crate::text::segment(&text, &[]);
    let r = resolve_full(&doc, &seg, &mut mentions, Gazetteer::embedded());
    (text, mentions, r)
}

/// The entity index of the `nth` (0-based) occurrence of `surface` among the mentions.
fn entity_of(mentions: &[Mention], surface: &str, nth: usize) -> Option<u32> {
    mentions
        .iter()
        .filter(|m| m.text == surface && m.label != MentionLabel::Title)
        .nth(nth)
        .and_then(|m| m.entity)
}

/// `same` pairs must share an entity, `apart` pairs must not; each side is `surface#nth`.
fn check(src: &str, same: &[(&str, &str)], apart: &[(&str, &str)]) {
    let (_, mentions, r) = run(src);
    let get = |s: &str| {
        let (surface, nth) = s.split_once('#').map_or((s, 0), |(a, n)| (a, n.parse().unwrap_or(0)));
        entity_of(&mentions, surface, nth).unwrap_or_else(|| {
            panic!(
                "{src}: no entity for {s}; mentions {:?}",
                mentions.iter().map(|m| (&m.text, m.entity)).collect::<Vec<_>>()
            )
        })
    };
    for (a, b) in same {
        assert_eq!(get(a), get(b), "{src}: {a} and {b} should corefer; entities {:?}", r.entities);
    }
    for (a, b) in apart {
        assert_ne!(get(a), get(b), "{src}: {a} and {b} should not corefer");
    }
}

#[test]
fn names_cluster_by_rule() {
    check(
        "[Khalifa Haftar|PERSON] arrived. [Haftar|PERSON] spoke. Mr [Haftar|PERSON] left.",
        &[("Khalifa Haftar", "Haftar"), ("Haftar#0", "Haftar#1")],
        &[],
    );
    check("[John Smith|PERSON] met [Jane Smith|PERSON].", &[], &[("John Smith", "Jane Smith")]);
    check(
        "The [Government of National Unity|ORG] said the [GNU|ORG] would stay.",
        &[("Government of National Unity", "GNU")],
        &[],
    );
    check("The [UN|ORG] and the [United Nations|ORG] agreed.", &[("UN", "United Nations")], &[]);
    check(
        "[Russian|NORP] troops left [Russia|GPE]; [Turkish-backed|NORP] forces stayed.",
        &[("Russian", "Russia")],
        &[("Turkish-backed", "Russia")],
    );
}

#[test]
fn capitals_are_governments_only_as_actors() {
    check(
        "He has close relations with [Moscow|GPE] and lives in [Moscow|GPE]. [Russia|GPE] agreed.",
        &[("Moscow#0", "Russia")],
        &[("Moscow#1", "Russia")],
    );
    check("[Moscow|GPE]'s invasion began. [Russia|GPE] denied it.", &[("Moscow", "Russia")], &[]);
    check("The talks in [Moscow|GPE] ended. [Russia|GPE] said.", &[], &[("Moscow", "Russia")]);
}

#[test]
fn ambiguous_places_follow_the_article() {
    for (src, code) in [
        ("Fighting in [Libya|GPE] reached [Tripoli|GPE].", "LY"),
        ("Protests in [Lebanon|GPE] reached [Tripoli|GPE].", "LB"),
    ] {
        let (_, mentions, r) = run(src);
        let e = entity_of(&mentions, "Tripoli", 0).expect("entity");
        let geo = r.entities[e as usize].geo.as_ref().expect("geo");
        assert_eq!(geo.country.as_deref(), Some(code), "{src}");
    }
}

#[test]
fn titles_become_facts_with_evidence() {
    // (text, person, title, of)
    let cases = [
        (
            "[Russian|NORP] President [Vladimir Putin|PERSON] spoke.",
            "Vladimir Putin",
            "President",
            Some("Russia"),
        ),
        (
            "[Kremlin|ORG] spokesman [Dmitry Peskov|PERSON] said.",
            "Dmitry Peskov",
            "spokesman",
            Some("Kremlin"),
        ),
        (
            "[Russia|GPE]'s President [Vladimir Putin|PERSON] spoke.",
            "Vladimir Putin",
            "President",
            Some("Russia"),
        ),
        (
            "[Wagner|ORG]'s plans changed after leader [Yevgeny Prigozhin|PERSON] died.",
            "Yevgeny Prigozhin",
            "leader",
            Some("Wagner"),
        ),
        (
            "[Yevgeny Prigozhin|PERSON], [Wagner|ORG]'s leader, died.",
            "Yevgeny Prigozhin",
            "leader",
            Some("Wagner"),
        ),
        (
            "Talks in [Moscow|GPE] with Deputy Defence Minister [Yunus-Bek Yevkurov|PERSON] ended.",
            "Yunus-Bek Yevkurov",
            "Deputy Defence Minister",
            Some("Russia"),
        ),
        ("Field Marshal [Khalifa Haftar|PERSON] spoke.", "Khalifa Haftar", "Field Marshal", None),
        (
            "[Russian|NORP] President [Vladimir Putin|PERSON] and Defence Minister [Sergei Shoigu|PERSON] met.",
            "Sergei Shoigu",
            "Defence Minister",
            Some("Russia"),
        ),
        (
            "Secretary [John Kerry|PERSON] spoke with [Russian|NORP] Foreign Minister [Sergei Lavrov|PERSON].",
            "John Kerry",
            "Secretary",
            None,
        ),
        (
            "Gen. [Sean Mason|PERSON], commander, [Joint Task Force North|ORG], said so.",
            "Sean Mason",
            "commander",
            Some("Joint Task Force North"),
        ),
    ];
    for (src, person, title, of) in cases {
        let (text, _, r) = run(src);
        let f = r
            .titles
            .iter()
            .find(|f| r.entities[f.person as usize].name == person && f.title == title)
            .unwrap_or_else(|| panic!("{src}: no title {title}; got {:?}", r.titles));
        let got_of = f.of.map(|o| r.entities[o as usize].name.as_str());
        assert_eq!(got_of, of, "{src}");
        let ev = &text[f.evidence.start..f.evidence.end];
        assert!(ev.contains(title) && ev.contains(person), "{src}: evidence {ev:?}");
    }
}

#[test]
fn descriptions_and_pronouns_find_their_entity() {
    // (text, description or pronoun surface, entity name it must join)
    let cases = [
        ("[Khalifa Haftar|PERSON] spoke. Later he left.", "he", "Khalifa Haftar"),
        ("[Khalifa Haftar|PERSON] said his army was ready.", "his", "Khalifa Haftar"),
        ("It relies on mercenary group [Wagner|ORG]. Then the group left.", "the group", "Wagner"),
        (
            "The [Government of National Unity|ORG] in [Tripoli|GPE] met. The [Tripoli|GPE] government agreed.",
            "The Tripoli government",
            "Government of National Unity",
        ),
        (
            "[Khalifa Haftar|PERSON] said his [Libyan Arab Armed Forces|ORG] group was ready. It was a test of [Haftar|PERSON]'s forces.",
            "Haftar's forces",
            "Libyan Arab Armed Forces",
        ),
        (
            "Fighting in eastern [Libya|GPE] went on. Wagner stayed in the east.",
            "the east",
            "eastern Libya",
        ),
        // A company with a legal-form ending is `the company`: the one the story is about.
        (
            "[Hadson Corp|ORG] said it will buy [Seaxe Energy Corp|ORG]. The company said terms were set.",
            "The company",
            "Hadson Corp",
        ),
        (
            "[Bell Labs Inc|ORG] shares rose. [Vantor Ltd|ORG] rose too. [Bell Labs|ORG] gained. The firm said it was pleased.",
            "The firm",
            "Bell Labs Inc",
        ),
    ];
    for (src, surface, name) in cases {
        let (_, mentions, r) = run(src);
        let m = mentions.iter().find(|m| m.text == surface).unwrap_or_else(|| {
            panic!(
                "{src}: no mention {surface:?}; got {:?}",
                mentions.iter().map(|m| &m.text).collect::<Vec<_>>()
            )
        });
        let e = m.entity.map(|e| r.entities[e as usize].name.as_str());
        assert_eq!(e, Some(name), "{src}");
    }
}

#[test]
fn indices_stay_consistent() {
    let (text, mentions, r) = run(
        "Military commander Field Marshal [Khalifa Haftar|PERSON], whose forces control eastern [Libya|GPE], met [Russian|NORP] President [Vladimir Putin|PERSON] in [Moscow|GPE]. He said [Moscow|GPE]'s help mattered.",
    );
    for w in mentions.windows(2) {
        assert!(w[0].span.start <= w[1].span.start, "mentions out of order");
    }
    for (i, e) in r.entities.iter().enumerate() {
        assert!(!e.mentions.is_empty());
        for &m in &e.mentions {
            assert_eq!(mentions[m as usize].entity, Some(i as u32));
        }
    }
    for m in &mentions {
        assert_eq!(&text[m.span.start..m.span.end], m.text);
        if let Some(q) = m.qualifies {
            assert_eq!(mentions[q as usize].label, MentionLabel::Person);
        }
    }
    for l in &r.links {
        assert_eq!(mentions[l.mention as usize].entity, Some(l.entity));
        assert!(text.get(l.evidence.start..l.evidence.end).is_some());
    }
}

proptest::proptest! {
    #[test]
    fn never_panics_and_spans_stay_in_bounds(words in proptest::collection::vec("[A-Za-z']{1,9}|[,.]|he|his|the|group|President|in|with|'s", 0..40), marks in proptest::collection::vec(0usize..40, 0..8)) {
        let mut src = String::new();
        for (i, w) in words.iter().enumerate() {
            if !src.is_empty() { src.push(' '); }
            if marks.contains(&i) && w.chars().all(char::is_alphabetic) {
                let label = ["PERSON", "ORG", "GPE", "NORP", "LOC"][i % 5];
                src.push_str(&format!("[{w}|{label}]"));
            } else {
                src.push_str(w);
            }
        }
        let (text, mentions, r) = run(&src);
        for m in &mentions {
            proptest::prop_assert!(text.get(m.span.start..m.span.end).is_some());
            if let Some(e) = m.entity { proptest::prop_assert!((e as usize) < r.entities.len()); }
        }
        for t in &r.titles {
            proptest::prop_assert!((t.person as usize) < r.entities.len());
            proptest::prop_assert!(text.get(t.evidence.start..t.evidence.end).is_some());
        }
    }
}

#[test]
fn a_pronoun_speaker_continues_the_last_speaker() {
    // (text, pronoun, entity it must join, or None when the speaker was unnamed)
    let cases = [
        (
            "[Jan Novak|PERSON] met the envoys, [Ana Ruiz|PERSON] said. She said they agreed.",
            "She",
            Some("Ana Ruiz"),
        ),
        ("[Jan Novak|PERSON] met the envoys, a spokesman said. He said they agreed.", "He", None),
        (
            "[Ostrana|GPE] and [Tarn|GPE] will talk, officials said. They said a deal was near.",
            "They",
            None,
        ),
    ];
    for (src, surface, name) in cases {
        let (_, mentions, r) = run(src);
        let e = mentions
            .iter()
            .find(|m| m.text == surface)
            .and_then(|m| m.entity)
            .map(|e| r.entities[e as usize].name.as_str());
        assert_eq!(e, name, "{src}");
    }
}

/// Unnamed groups become descriptions of their own; groups a name or a possessive pronoun
/// qualifies, parts of longer phrases and nouns used as modifiers do not. Each case: text, the descriptions expected.
#[test]
fn unnamed_groups_are_described() {
    let cases: &[(&str, &[&str])] = &[
        ("Government forces shelled the town.", &["Government forces"]),
        ("The rebels said opposition fighters had left.", &["The rebels", "opposition fighters"]),
        (
            "Police arrested 21 military and civilian personnel.",
            &["Police", "21 military and civilian personnel"],
        ),
        ("The army says it will stay.", &["The army"]),
        ("[ISIL|ORG] fighters and [Iraqi|NORP] security forces clashed.", &[]),
        ("[Assad|PERSON]'s forces and [NATO|ORG] peacekeeping troops met.", &[]),
        ("They said their forces stayed in their village.", &["their village"]),
        (
            "A group of deputies met army officers at the police station.",
            &["army officers", "the police station"],
        ),
        ("People blocked streets in the city.", &["the city"]),
        (
            "After the meeting, company officials sold 125,000 units in the market.",
            &["company officials"],
        ),
        ("They shelled the town after an attack on a village in all areas.", &[]),
        ("Rebels stayed near the border in the city of [Mosul|GPE].", &["Rebels", "the border"]),
        (
            "They will host foreign ministers and did not meet senior officials.",
            &["foreign ministers", "senior officials"],
        ),
        (
            "A police officer told reporters that witnesses saw it.",
            &["A police officer", "reporters", "witnesses"],
        ),
        ("The official figures were wrong.", &[]),
    ];
    for (src, want) in cases {
        let (_, mentions, _) = run(src);
        let got: Vec<&str> = mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Nominal && m.entity.is_none())
            .map(|m| m.text.as_str())
            .collect();
        assert_eq!(&got, want, "{src}");
    }
}

/// `I` and `me` inside a quote are its speaker; outside quotes they are the writer, whom no
/// mention stands for.
#[test]
fn first_person_in_quotes_is_the_speaker() {
    check(
        "\u{201c}I met them twice,\u{201d} said [John Smith|PERSON]. \"They told me so,\" [Smith|PERSON] added.",
        &[("John Smith", "I"), ("John Smith", "me")],
        &[],
    );
    let (_, mentions, _) = run("[Sadiq|PERSON] tells me he will leave. I sit there.");
    assert!(
        mentions.iter().all(|m| m.text != "me" && m.text != "I"),
        "{:?}",
        mentions.iter().map(|m| &m.text).collect::<Vec<_>>()
    );
}
