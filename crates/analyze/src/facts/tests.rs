//! Tests of the fact finder on hand-built analyses: the text, its mentions (`[Name]PERSON`
//! markup), its time expressions (`{on Monday}=2023-09-25`), and the events and relations
//! expected, one compact line each. Entities are the mentions clustered by name (a person by the
//! last word), standing in for coreference.

use chrono::NaiveDate;
use gazetteer::Gazetteer;
use types::{
    Analysis, Document, EntityType, Event, LocalEntity, Mention, MentionKind, MentionLabel,
    PublicationDate, Relation, Span, Timex, TimexType, Zone, ZoneKind,
};

use crate::text;

/// Text, mentions and timexes parsed from markup.
type Parsed = (String, Vec<(Span, MentionLabel)>, Vec<(Span, String)>);

/// Parses `[Haftar]PERSON met [Putin]PERSON {on Thursday}=2023-09-28.` into plain text,
/// mentions and timexes.
fn parse(markup: &str) -> Parsed {
    let mut text = String::new();
    let mut mentions = Vec::new();
    let mut timexes = Vec::new();
    let mut rest = markup;
    while let Some(p) = rest.find(['[', '{']) {
        text.push_str(&rest[..p]);
        let open = rest.as_bytes()[p];
        let close = if open == b'[' { ']' } else { '}' };
        let after = &rest[p + 1..];
        let Some(q) = after.find(close) else { break };
        let inner = &after[..q];
        let start = text.len();
        text.push_str(inner);
        let span = Span::new(start, text.len());
        let tail = &after[q + 1..];
        if open == b'[' {
            let label_len = tail.find(|c: char| !c.is_ascii_uppercase()).unwrap_or(tail.len());
            let label = match &tail[..label_len] {
                "PERSON" => MentionLabel::Person,
                "ORG" => MentionLabel::Org,
                "GPE" => MentionLabel::Gpe,
                "LOC" => MentionLabel::Loc,
                "NORP" => MentionLabel::Norp,
                _ => MentionLabel::Title,
            };
            mentions.push((span, label));
            rest = &tail[label_len..];
        } else {
            let tail = tail.strip_prefix('=').unwrap_or(tail);
            let vlen = tail
                .find(|c: char| {
                    c.is_whitespace()
                        || c == ','
                        || (c == '.' && !tail.starts_with("..."))
                        || c == ';'
                })
                .unwrap_or(tail.len());
            timexes.push((span, tail[..vlen].to_string()));
            rest = &tail[vlen..];
        }
    }
    text.push_str(rest);
    (text, mentions, timexes)
}

/// The document and its analysis (segmentation, given mentions and timexes, entities by name),
/// then the facts.
pub(crate) fn analyse(markup: &str, credit: Option<&str>) -> (Document, Analysis) {
    let (text, ms, txs) = parse(markup);
    let mut zones = Vec::new();
    if let Some(c) = credit
        && let Some(p) = text.rfind(c)
    {
        zones.push(Zone { kind: ZoneKind::Credit, span: Span::new(p, p + c.len()) });
    }
    let doc = Document {
        id: Document::compute_id("test", &text),
        source: "test".into(),
        source_id: None,
        url: None,
        title: None,
        published: PublicationDate::parse_iso("2023-09-29"),
        published_source: None,
        language: Some("en".into()),
        text: text.clone(),
        zones,
        metadata: Default::default(),
    };
    let seg = text::segment(&text, &doc.zones);
    let mut a = Analysis {
        paragraphs: seg.paragraphs.clone(),
        sentences: seg.sentences.clone(),
        ..Analysis::default()
    };
    let mut keys: Vec<(EntityType, String)> = Vec::new();
    for (span, label) in ms {
        let sentence = a.sentence_at(span.start).unwrap_or(0);
        let t = text[span.start..span.end].to_string();
        let mut m = Mention {
            span,
            text: t.clone(),
            label,
            kind: MentionKind::Name,
            sentence,
            entity: None,
            qualifies: None,
        };
        if let Some(etype) = label.entity_type() {
            let k = if etype == EntityType::Person {
                t.split_whitespace().last().unwrap_or("").to_lowercase()
            } else {
                t.to_lowercase()
            };
            let e = match keys.iter().position(|x| *x == (etype, k.clone())) {
                Some(e) => e,
                None => {
                    keys.push((etype, k));
                    a.entities.push(LocalEntity {
                        etype,
                        name: t.clone(),
                        kind: None,
                        mentions: vec![],
                        aliases: vec![],
                        geo: None,
                        key: String::new(),
                    });
                    a.entities.len() - 1
                }
            };
            a.entities[e].mentions.push(a.mentions.len() as u32);
            if t.len() > a.entities[e].name.len() {
                a.entities[e].name = t;
            }
            m.entity = Some(e as u32);
        }
        a.mentions.push(m);
    }
    for (span, value) in txs {
        let sentence = a.sentence_at(span.start).unwrap_or(0);
        let (value, range) = match value.split_once('/') {
            Some((x, y)) => (x.to_string(), Some((x.to_string(), y.to_string()))),
            None => (value, None),
        };
        a.timexes.push(Timex {
            span,
            text: text[span.start..span.end].to_string(),
            kind: TimexType::Date,
            precision: "day".into(),
            value,
            modifier: None,
            range,
            anchor: None,
            sentence,
        });
    }
    let (events, relations) = super::extract(&doc, &seg, &a, Gazetteer::embedded());
    a.events = events;
    a.relations = relations;
    (doc, a)
}

fn names(args: &[types::Argument]) -> String {
    args.iter().map(|x| x.text.as_str()).collect::<Vec<_>>().join("+")
}

/// Arguments with a pronoun's resolution shown: `it<Syria>`.
fn names_in(a: &Analysis, args: &[types::Argument]) -> String {
    args.iter()
        .map(|x| {
            let pron = matches!(
                x.text.to_lowercase().as_str(),
                "it" | "he" | "she" | "they" | "his" | "her" | "its" | "their"
            );
            match x.entity.and_then(|e| a.entities.get(e as usize)) {
                Some(e) if pron => format!("{}<{}>", x.text, e.name),
                _ => x.text.clone(),
            }
        })
        .collect::<Vec<_>>()
        .join("+")
}

/// `CONSULT/meet Haftar+Putin > - @Moscow 2023-09-28` (with `!modality`, `~` for approximate
/// dates, `*` for implied, `w:` for allies).
fn render_event(a: &Analysis, e: &Event) -> String {
    let mut s = e.category.as_str().to_string();
    if let Some(m) = &e.mode {
        s.push('/');
        s.push_str(m);
    }
    s.push(' ');
    s.push_str(if e.actors.is_empty() { "-" } else { "" });
    s.push_str(&names_in(a, &e.actors));
    s.push_str(" > ");
    s.push_str(if e.recipients.is_empty() { "-" } else { "" });
    s.push_str(&names_in(a, &e.recipients));
    if !e.with.is_empty() {
        s.push_str(&format!(" w:{}", names(&e.with)));
    }
    if !e.places.is_empty() {
        s.push_str(&format!(" @{}", names(&e.places)));
    }
    if let Some(d) = &e.date {
        s.push_str(&format!(" {}{}", d.value, if d.approx { "~" } else { "" }));
    }
    if e.modality != types::Modality::Asserted {
        s.push_str(&format!(" !{:?}", e.modality).to_lowercase());
    }
    if e.implied {
        s.push_str(" *");
    }
    s
}

fn render_relation(r: &Relation) -> String {
    format!("{} {} {}", r.subject.text, r.predicate.as_str(), r.object.text)
}

/// The document's events (rendered, distinct) must be exactly the expected ones; returns a
/// description of the difference.
pub(super) fn check(markup: &str, expect: &[&str]) -> Option<String> {
    let (_, a) = analyse(markup, None);
    let got: Vec<String> = a.events.iter().map(|e| render_event(&a, e)).collect();
    let mut got_sorted = got.clone();
    got_sorted.sort();
    got_sorted.dedup();
    let mut want: Vec<String> = expect.iter().map(|s| s.to_string()).collect();
    want.sort();
    want.dedup();
    (got_sorted != want).then(|| format!("{markup}\n   want {want:?}\n   got  {got_sorted:?}"))
}

/// Runs [`check`] on every case and fails with all the differences at once.
pub(super) fn check_events(cases: &[(&str, &[&str])]) {
    check_cases(cases, check);
}

/// Runs a case checker (`markup, expected -> difference`) on every case and fails with all the
/// differences at once.
pub(super) fn check_cases(
    cases: &[(&str, &[&str])],
    check: impl Fn(&str, &[&str]) -> Option<String>,
) {
    let failures: Vec<String> = cases.iter().filter_map(|(m, e)| check(m, e)).collect();
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

fn check_relations(markup: &str, expect: &[&str]) {
    let (_, a) = analyse(markup, None);
    let got: Vec<String> = a.relations.iter().map(render_relation).collect();
    for w in expect {
        assert!(got.iter().any(|g| g == w), "\n{markup}\n missing {w}\n got: {got:#?}");
    }
}

#[test]
fn events_in_single_sentences() {
    let cases: &[(&str, &[&str])] = &[
        (
            "[Haftar]PERSON held talks with [Putin]PERSON in [Moscow]GPE {on Thursday}=2023-09-28.",
            &["CONSULT/meet Haftar+Putin > - @Moscow 2023-09-28"],
        ),
        ("[Israeli]NORP troops attacked [Gaza]GPE.", &["ASSAULT Israeli troops > Gaza"]),
        ("[Gaza]GPE was attacked by [Israeli]NORP jets.", &["ASSAULT Israeli jets > Gaza"]),
        // An attack noun's `from` party attacks; a place after `from` does not.
        (
            "[Kenyan]NORP troops came under attack from [Shabaab]ORG fighters.",
            &["ASSAULT Shabaab fighters > Kenyan troops"],
        ),
        (
            "[Kenyan]NORP troops came under attack from [Somalia]GPE.",
            &["ASSAULT - > Kenyan troops @Somalia"],
        ),
        // Families, mourners and survivors are people an attack can target.
        ("[Shabaab]ORG fighters targeted families.", &["ASSAULT Shabaab fighters > families"]),
        // `alongside Z`: Z fights beside the subject.
        (
            "The [Malian]NORP army fought [Ansar Dine]ORG alongside [French]NORP troops.",
            &["ASSAULT Malian army+French troops > Ansar Dine"],
        ),
        (
            "The truce did not hold after [Sudan]GPE's army attacked [Khartoum]GPE.",
            &["ASSAULT Sudan's army > Khartoum"],
        ),
        ("[Iran]GPE threatened to shell [Iraqi]NORP towns.", &["THREATEN Iran > Iraqi towns"]),
        (
            "Rebels refused to attend talks with the [government]ORG.",
            &["REJECT Rebels > government"],
        ),
        (
            "The [UN]ORG called for the withdrawal of foreign forces from [Libya]GPE.",
            &["REQUEST UN > Libya @Libya"],
        ),
        (
            "[Syria]GPE says it is willing to withdraw its troops from [Lebanon]GPE.",
            &["AGREE it<Syria> > Lebanon @Lebanon", "STATEMENT Syria > -"],
        ),
        (
            "Police did not arrest the protesters.",
            &["COERCE/arrest Police > the protesters !negated"],
        ),
        ("[Russia]GPE will send aid to [Cuba]GPE.", &["AID Russia > Cuba !planned"]),
        (
            "[Greece]GPE demanded that its [European Community]ORG partners refuse to recognize it.",
            &["REQUEST Greece > European Community"],
        ),
        (
            "[Chile]GPE again rejected Thursday a [Peru]GPE proposal for troops along its border with [Bolivia]GPE.",
            &["REJECT Chile > Peru"],
        ),
        (
            "The [Chilean]NORP minister agreed to resign without returning to [Peru]GPE.",
            &["AGREE Chilean minister > -"],
        ),
        (
            "[Pakistan]GPE threatened to break off relations with [Congo]GPE and [Costa Rica]GPE.",
            &["THREATEN Pakistan > Congo+Costa Rica"],
        ),
        (
            "[Israeli]NORP tanks fired shells at targets in [Jericho]GPE.",
            &["ASSAULT/firearms Israeli tanks > - @Jericho"],
        ),
        ("The offensive failed to take [Tripoli]GPE.", &[]),
        ("[Wagner]ORG's future plans are uncertain.", &[]),
        (
            "The rebel leader [Ali]PERSON was killed in a plane crash near [Aden]GPE {in August}=2023-08.",
            &["DIE Ali > - @Aden 2023-08"],
        ),
        (
            "Floods devastated the city of [Derna]GPE, killing thousands of people.",
            &["DISASTER/flood - > - @Derna"],
        ),
        (
            "[Egyptian]NORP police opened fire on demonstrators {on Monday}=2023-09-25.",
            &["ASSAULT/firearms Egyptian police > demonstrators 2023-09-25"],
        ),
        (
            "Thousands of [Iraqi]NORP Kurds demonstrated in the city of [Kirkuk]GPE.",
            &["PROTEST/demo Iraqi Kurds > - @Kirkuk"],
        ),
        // A month inside a date is no protest march.
        ("Dividends are payable {March 31}=2023-03-31 to holders of record.", &[]),
        (
            "[Israel]GPE and [Lebanon]GPE renewed negotiations.",
            &["CONSULT/meet Israel+Lebanon > -"],
        ),
        (
            "It was the first meeting between [Ali]PERSON and [Omar]PERSON since {2019}=2019.",
            &["CONSULT/meet Ali+Omar > -", "CONSULT/meet Ali+Omar > - 2019 *"],
        ),
        (
            "The army denied attacking the [Red Cross]ORG convoy.",
            &["ASSAULT The army > Red Cross !negated"],
        ),
        ("[Egypt]GPE urged [Israel]GPE to halt the offensive.", &["REQUEST Egypt > Israel"]),
        ("[Iran]GPE may attack [Iraq]GPE.", &["ASSAULT Iran > Iraq !uncertain"]),
        (
            "There is no way [Valdoria]GPE will attack [Ostrana]GPE.",
            &["ASSAULT Valdoria > Ostrana !negated"],
        ),
        (
            "If [Russia]GPE invades [Finland]GPE, [Sweden]GPE will respond.",
            &["ASSAULT/invasion Russia > Finland @Finland !hypothetical"],
        ),
        (
            "The rebels tried to capture [Goma]GPE but failed.",
            &["ASSAULT/heavy-weapons The rebels > Goma !failed"],
        ),
        (
            "[Hamas]ORG said [Israel]GPE must release the prisoners.",
            &["REQUEST Hamas > Israel", "STATEMENT Hamas > -"],
        ),
        ("[Chad]GPE expelled [French]NORP diplomats.", &["SANCTION Chad > French diplomats"]),
        (
            "Thousands of workers went on strike in [Lagos]GPE.",
            &["PROTEST/boycott workers > - @Lagos"],
        ),
        ("[Turkey]GPE imposed sanctions on [Syria]GPE.", &["SANCTION Turkey > Syria"]),
        ("The minister resigned {on Sunday}=2023-09-24.", &["RETREAT The minister > - 2023-09-24"]),
        (
            "[Serbia]GPE lifted a night curfew in [Montenegro]GPE.",
            &["CONCEDE Serbia > - @Montenegro"],
        ),
        ("The talks are expected to resume next week.", &[]),
        (
            "The [United States]GPE continued to send arms to [Pakistan]GPE last year.",
            &["AID United States > Pakistan"],
        ),
        (
            "A [British]NORP minister reiterated that [Libya]GPE must hand over the suspects.",
            &["REQUEST British minister > Libya", "STATEMENT British minister > -"],
        ),
        (
            "[U.S.]GPE border patrol agents abused [Mexican]NORP immigrants.",
            &["ASSAULT/beat U.S. > Mexican immigrants"],
        ),
        (
            "[Benin]GPE opened its borders, but was still refusing admittance to [Ghanaians]NORP.",
            &["REJECT Benin > Ghanaians"],
        ),
        (
            "They attempted to assassinate outgoing Prime Minister [Iyad Allawi]PERSON.",
            &["ASSAULT/assassinate - > Iyad Allawi"],
        ),
        // A participle phrase between subject and verb.
        (
            "[British]NORP aircraft using guided missiles killed four [Iraqis]NORP.",
            &["ASSAULT British > Iraqis"],
        ),
        (
            "Militants angered by cartoons of [Muhammad]PERSON stormed the [Danish]NORP embassy.",
            &["ASSAULT Militants > Danish embassy"],
        ),
        // An attachment is no subject; the phrase it belongs to is.
        (
            "The minister for the interior allowed the opposition to hold a rally.",
            &["CONCEDE The minister > the opposition", "PROTEST/demo the opposition > -"],
        ),
        ("At least three civilians were killed.", &["DIE three civilians > -"]),
        // `by` with a measure is no agent.
        (
            "President [Omar]PERSON {on Thursday}=2023-09-28 shortened the curfew by one hour.",
            &["CONCEDE Omar > - 2023-09-28"],
        ),
        // A stative participle: the subject holds the stance.
        ("[Kenya]GPE is committed to cutting tariffs.", &["AGREE Kenya > -"]),
        ("[Israel]GPE is opposed to [French]NORP mediation.", &["REJECT Israel > French"]),
        // A possessive pronoun stands for the light verb's subject.
        (
            "[Israel]GPE mounted its invasion of [Lebanon]GPE.",
            &["ASSAULT/invasion Israel > Lebanon @Lebanon"],
        ),
        (
            "A group of [Moroccan]NORP diplomats held their first meeting with [Obama]PERSON.",
            &["CONSULT/meet Moroccan diplomats+Obama > -"],
        ),
        (
            "[Irish]NORP guerrillas wounded two [British]NORP soldiers in a bomb attack.",
            &["ASSAULT Irish guerrillas > British soldiers"],
        ),
        (
            "Druze inhabitants of the [Syrian]NORP [Golan Heights]LOC threatened to strike.",
            &["THREATEN Druze inhabitants of the Syrian Golan Heights > -"],
        ),
        (
            "A [Nigerian]NORP national was put under investigation in [Italy]GPE.",
            &["ACCUSE/investigate - > Nigerian @Italy"],
        ),
        (
            "[Palestinian]NORP police confiscated weapons from [Palestinian]NORP militants.",
            &["COERCE/confiscate Palestinian police > Palestinian militants"],
        ),
        (
            "[Bush]PERSON threatened further action against [Russia]GPE.",
            &["THREATEN Bush > Russia"],
        ),
        (
            "A camp for [Congolese]NORP refugees was attacked by [Burundian]NORP militiamen.",
            &["ASSAULT Burundian militiamen > Congolese refugees"],
        ),
        (
            "Hundreds of refugees are continuing a hunger strike in protest.",
            &["PROTEST/hunger refugees > -"],
        ),
        (
            "Police launched an investigation into crimes committed by [Croat]NORP forces.",
            &["ACCUSE/investigate Police > Croat forces"],
        ),
        // A document speaks for its issuer.
        (
            "[Kurdish]NORP rebels issued a statement demanding that the [government]ORG free prisoners.",
            &["REQUEST Kurdish rebels > government"],
        ),
    ];
    check_events(cases);
}

#[test]
fn attribution_and_statements() {
    let (d, a) = analyse(
        "[Haftar]PERSON \u{201c}held talks with [Putin]PERSON\u{201d}, his [Libyan Arab Armed Forces]ORG group said on social media.",
        None,
    );
    let talks =
        a.events.iter().find(|e| e.category == types::EventCategory::Consult).expect("talks");
    let attr = talks.attribution.as_ref().expect("attribution");
    assert_eq!(attr.channel.as_deref(), Some("social media"));
    assert_eq!(
        attr.source.as_ref().map(|s| s.text.as_str()),
        Some("Libyan Arab Armed Forces group")
    );
    let q = attr.quote.expect("quote");
    assert_eq!(&d.text[q.start..q.end], "held talks with Putin");
    let st =
        a.events.iter().find(|e| e.category == types::EventCategory::Statement).expect("statement");
    assert_eq!(
        st.about.map(|i| a.events[i as usize].category),
        Some(types::EventCategory::Consult)
    );

    let (_, a) = analyse(
        "\u{201c}They met,\u{201d} [Peskov]PERSON said in comments reported by [Tass]ORG.",
        None,
    );
    let st =
        a.events.iter().find(|e| e.category == types::EventCategory::Statement).expect("statement");
    let attr = st.attribution.as_ref().expect("attribution");
    assert_eq!(attr.reported_by.as_ref().map(|s| s.text.as_str()), Some("Tass"));
    assert_eq!(attr.channel.as_deref(), Some("comments"));
}

#[test]
fn furniture_never_yields_facts() {
    let (_, a) = analyse("[Haftar]PERSON met [Putin]PERSON. [Reuters]ORG", Some("Reuters"));
    assert!(
        a.events.iter().all(|e| e
            .actors
            .iter()
            .chain(e.recipients.iter())
            .all(|x| x.text != "Reuters"))
    );
    let (_, a) = analyse("[Reuters]ORG attacked [Gaza]GPE.", Some("Reuters attacked Gaza."));
    assert!(a.events.is_empty());
}

#[test]
fn relations_in_single_sentences() {
    let cases: &[(&str, &[&str])] = &[
        (
            "[Haftar]PERSON, who backs the [House of Representatives]ORG government, met envoys.",
            &["Haftar SUPPORTS House of Representatives government"],
        ),
        (
            "The [UN]ORG-backed [Government of National Unity]ORG in [Tripoli]GPE rejected it.",
            &[
                "UN SUPPORTS Government of National Unity",
                "Government of National Unity LOCATED_IN Tripoli",
            ],
        ),
        (
            "The [Tobruk]GPE administration is a rival to the [Government of National Unity]ORG.",
            &["Tobruk administration RIVAL_OF Government of National Unity"],
        ),
        (
            "He relies heavily on [Russian]NORP mercenary group [Wagner]ORG for military support.",
            &["Wagner AFFILIATED_WITH Russian"],
        ),
        (
            "Hundreds of [Wagner]ORG personnel remain stationed in the east.",
            &["Wagner personnel PRESENT_IN the east"],
        ),
        (
            "[Russia]GPE's state news agency [Tass]ORG reported it.",
            &["Tass AFFILIATED_WITH Russia"],
        ),
        ("[Hamas]ORG leader [Ismail Haniyeh]PERSON spoke.", &["Ismail Haniyeh LEADS Hamas"]),
        (
            "Jets struck [Mosul]GPE, [Nineveh]GPE, [Iraq]GPE, on Monday.",
            &["Mosul LOCATED_IN Nineveh", "Nineveh LOCATED_IN Iraq"],
        ),
        ("The town of [Daraya]GPE in [Syria]GPE was shelled.", &["Daraya LOCATED_IN Syria"]),
        (
            "Near [Mosul]GPE, three strikes engaged an [ISIL]ORG tactical unit.",
            &["ISIL PRESENT_IN Mosul"],
        ),
        // A fronted place phrase that ends the sentence (a headline fragment) places nothing.
        ("In the [United States]GPE", &[]),
        (
            "Jets bombed shipments for [Lebanon]GPE's [Hezbollah]ORG movement.",
            &["Hezbollah AFFILIATED_WITH Lebanon"],
        ),
    ];
    for (m, e) in cases {
        check_relations(m, e);
    }
}

#[test]
fn dates_are_honest_intervals() {
    let (_, a) = analyse(
        "[Ali]PERSON held talks with [Omar]PERSON {on Thursday}=2023-09-28. [Ali]PERSON, who arrived in [Cairo]GPE {on Tuesday}=2023-09-26, had already held talks with [Hassan]PERSON there.",
        None,
    );
    let got: Vec<String> = a.events.iter().map(|e| render_event(&a, e)).collect();
    assert!(
        got.iter().any(|e| e == "CONSULT/meet Ali+Hassan > - @Cairo 2023-09-26/2023-09-28~"),
        "{got:#?}"
    );
    assert!(got.iter().any(|e| e == "CONSULT/visit Ali > - @Cairo 2023-09-26"), "{got:#?}");
    let (_, a) = analyse(
        "After a ceasefire {in October 2020}=2020-10, the group redeployed its fighters to [Mali]GPE.",
        None,
    );
    let got: Vec<String> = a.events.iter().map(|e| render_event(&a, e)).collect();
    assert!(
        got.iter().any(|e| e.starts_with("MOBILIZE") && e.contains("2020-10-01/2023-09-29~")),
        "{got:#?}"
    );
    let _ = NaiveDate::from_ymd_opt(2023, 9, 29);
}

proptest::proptest! {
    #[test]
    fn never_panics_and_spans_are_in_bounds(s in "\\PC{0,300}") {
        let (d, a) = analyse(&s, None);
        for e in &a.events {
            proptest::prop_assert!(d.text.get(e.trigger.start..e.trigger.end).is_some());
            for x in e.actors.iter().chain(e.recipients.iter()).chain(e.places.iter()).chain(e.with.iter()) {
                proptest::prop_assert_eq!(d.text.get(x.span.start..x.span.end), Some(x.text.as_str()));
            }
        }
        for r in &a.relations {
            proptest::prop_assert_eq!(d.text.get(r.subject.span.start..r.subject.span.end), Some(r.subject.text.as_str()));
            proptest::prop_assert_eq!(d.text.get(r.object.span.start..r.object.span.end), Some(r.object.text.as_str()));
        }
    }
}

/// The first event of a one-sentence document must be the expected one (the principal event).
fn check_principal(markup: &str, expect: &str) -> Option<String> {
    let (_, a) = analyse(markup, None);
    let got: Vec<String> = a.events.iter().map(|e| render_event(&a, e)).collect();
    (got.first().map(String::as_str) != Some(expect))
        .then(|| format!("{markup}\n   want first {expect:?}\n   got {got:?}"))
}

#[test]
fn principal_event_comes_first() {
    let cases: &[(&str, &str)] = &[
        // An opening phrase set off by a comma is not the main clause.
        (
            "After [Valdoria]GPE attacked [Ostrana]GPE, [Kessland]GPE condemned [Valdoria]GPE.",
            "ACCUSE/disapprove Kessland > Valdoria",
        ),
        // A relative clause is not the main clause.
        (
            "[Valdoria]GPE, which invaded [Ostrana]GPE, condemned [Kessland]GPE.",
            "ACCUSE/disapprove Valdoria > Kessland",
        ),
        // No opening phrase: text order.
        (
            "[Valdoria]GPE condemned [Ostrana]GPE after [Ostrana]GPE attacked [Kessland]GPE.",
            "ACCUSE/disapprove Valdoria > Ostrana",
        ),
    ];
    let fails: Vec<String> = cases.iter().filter_map(|(m, e)| check_principal(m, e)).collect();
    assert!(fails.is_empty(), "\n{}", fails.join("\n"));
}

/// A stated readiness or vow to use force or coercion is a threat; to do anything else it stays
/// an intent (AGREE).
#[test]
fn readiness_to_use_force_is_a_threat() {
    let cases: &[(&str, &str)] = &[
        ("[Valdoria]GPE is prepared to attack [Ostrana]GPE.", "THREATEN"),
        ("[Valdoria]GPE vowed to attack [Ostrana]GPE.", "THREATEN"),
        ("[Valdoria]GPE is ready to impose sanctions on [Ostrana]GPE.", "THREATEN"),
        ("The [Valdorian]NORP government is prepared to impose martial law.", "THREATEN"),
        ("[Valdoria]GPE is willing to withdraw its troops from [Ostrana]GPE.", "AGREE"),
        ("[Valdoria]GPE agreed to attack [Ostrana]GPE.", "AGREE"),
        ("[Valdoria]GPE is prepared to lift its sanctions on [Ostrana]GPE.", "AGREE"),
        (
            "[Valdoria]GPE is willing to withdraw its troops from [Ostrana]GPE after years of occupation.",
            "AGREE",
        ),
    ];
    let fails: Vec<String> = cases
        .iter()
        .filter_map(|(m, want)| {
            let (_, a) = analyse(m, None);
            let got: Vec<String> = a.events.iter().map(|e| render_event(&a, e)).collect();
            (!got.first().is_some_and(|g| g.starts_with(want)))
                .then(|| format!("{m}\n   want first {want}\n   got {got:?}"))
        })
        .collect();
    assert!(fails.is_empty(), "\n{}", fails.join("\n"));
}

/// Recipients: one per participant. A place after a recipient object is where it happened; a
/// party named inside the object's act (`a U.S. request to question detainees`) is not another
/// recipient.
#[test]
fn recipients_one_per_participant() {
    let cases: &[(&str, &[&str])] = &[
        (
            "[Chilean]NORP soldiers beat prisoners on the occupied [West Bank]LOC.",
            &["ASSAULT/beat Chilean soldiers > prisoners @West Bank"],
        ),
        (
            "[Peru]GPE has rejected a [U.S.]GPE request to question detainees.",
            &["REJECT Peru > U.S."],
        ),
        (
            "[Chile]GPE rejected [Bolivia]GPE's demand to end its alliance with [Brazil]GPE.",
            &["REJECT Chile > Bolivia"],
        ),
    ];
    check_events(cases);
}

/// A people named in the plural before a verb is its subject (`Albanians demonstrated`); the
/// singular demonym modifies a noun (`Albanian protests`).
#[test]
fn plural_peoples_are_subjects() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Up to 100 ethnic [Albanians]NORP demonstrated in [Serbia]GPE.",
            &["PROTEST/demo Albanians > - @Serbia"],
        ),
        ("The [Palestinians]NORP reject the plan.", &["REJECT Palestinians > -"]),
    ];
    check_events(cases);
}

/// Subjects and recipients past intervening phrases: companions (`along with`), a participle
/// before `in` (`were engaged in`), a purpose clause after a noun trigger, and the target of a
/// complaint rather than the body it is addressed to.
#[test]
fn subjects_and_targets_past_phrases() {
    let cases: &[(&str, &[&str])] = &[
        (
            "[Lima]GPE along with its allies demanded that [Sendero]ORG disarm.",
            &["REQUEST Lima > Sendero"],
        ),
        (
            "[Chilean]NORP forces were engaged in ethnic cleansing against the [Mapuche]NORP population.",
            &["ASSAULT/cleansing Chilean forces > Mapuche population"],
        ),
        (
            "Thousands of university students staged demonstrations to demand reforms by the [Peruvian]NORP government.",
            &["PROTEST/demo university students > Peruvian government"],
        ),
        (
            "[Chile]GPE complained to the [United Nations]ORG over [Bolivian]NORP air raids.",
            &["ACCUSE/disapprove Chile > Bolivian"],
        ),
        (
            "A [Chilean]NORP newspaper called on [Peruvians]NORP to mobilize against [Evo Morales]PERSON.",
            &["REQUEST Chilean newspaper > Peruvians"],
        ),
        (
            "[Chile]GPE complained to the [United Nations]ORG.",
            &["ACCUSE/disapprove Chile > United Nations"],
        ),
    ];
    check_events(cases);
}

/// `they` in a meeting: dropped when it is the only party (`they discussed`), kept as one side
/// when another party is named (`they would meet X`).
#[test]
fn they_in_meetings() {
    let cases: &[(&str, &[&str])] = &[(
        "[Chilean]NORP rebel leaders said they would meet [Juan Perez]PERSON.",
        &[
            "CONSULT/meet they<Chilean>+Juan Perez > - !planned",
            "STATEMENT Chilean rebel leaders > -",
        ],
    )];
    check_events(cases);
}

/// A threat is made to whoever must meet its condition (`unless X ...`, `if X ...`); a
/// requirement reported with `must` is addressed to every party coordinated as its subject.
#[test]
fn threat_conditions_and_coordinated_requirements() {
    let cases: &[(&str, &[&str])] = &[
        // A recipient that is only the place gives way to who must meet the condition.
        (
            "[Peru]GPE threatened to launch an offensive in its [Andes]LOC war unless [Chile]GPE withdrew.",
            &["THREATEN Peru > Chile @Andes", "RETREAT/withdraw Chile > - !hypothetical"],
        ),
        (
            "[Peru]GPE threatened to close the border unless [Chile]GPE withdrew its troops.",
            &["THREATEN Peru > Chile", "RETREAT/withdraw Chile > - !hypothetical"],
        ),
        (
            "[Bolivia]GPE threatened to halt talks if [Chile]GPE and [Peru]GPE went ahead with the plan.",
            &["THREATEN Bolivia > Chile+Peru"],
        ),
        (
            "[Peru]GPE threatened to expel the ambassador of [Chile]GPE unless [Bolivia]GPE paid.",
            &["THREATEN Peru > Chile"],
        ),
        (
            "[Juan Perez]PERSON said that the [Chilean]NORP government and the rebels must reach a deal.",
            &["REQUEST Juan Perez > Chilean government+the rebels", "STATEMENT Juan Perez > -"],
        ),
    ];
    check_events(cases);
}

/// A possessive pronoun for the actor itself is no recipient; a relative clause and an
/// attribution have parties of their own; a demand's `that` clause names whom it is made of.
#[test]
fn own_possessives_and_clauses_of_their_own() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Young [Peruvians]NORP blocked roads to press their demands.",
            &["PROTEST/obstruct Peruvians > -"],
        ),
        (
            "[Peru]GPE reiterated its demand that [Chile]GPE end the blockade.",
            &["REQUEST its<Peru> > Chile", "STATEMENT Peru > -"],
        ),
        (
            "Seven opposition parties organized a general strike that shut down [Lima]GPE.",
            &["PROTEST/boycott Seven opposition parties > -"],
        ),
        (
            "Ousted president [Juan Perez]PERSON has been accused of misusing up to [US]GPE $50 million in public funds, much of it believed to have been embezzled, by current [Chilean]NORP government officials.",
            &["ACCUSE/disapprove Chilean government officials > Juan Perez"],
        ),
        (
            "[Chile]GPE has been sharing expertise according to a report submitted to the [United Nations]ORG.",
            &["COOPERATE Chile > -"],
        ),
    ];
    check_events(cases);
}

#[test]
fn adjuncts_have_parties_of_their_own() {
    let cases: &[(&str, &[&str])] = &[
        // A reason given by a gerund clause after `for`.
        (
            "[Chilean]NORP authorities deported 40 [Peruvians]NORP for travelling on a [Bolivian]NORP vessel.",
            &["COERCE/deport Chilean authorities > Peruvians"],
        ),
        // The phrases after a time or reason adjunct belong to it.
        (
            "The court indicted [Juan Perez]PERSON for his part in atrocities during the war against [Bolivian]NORP forces.",
            &["ACCUSE/disapprove The court > Juan Perez"],
        ),
        (
            "[Peru]GPE threatened to cut ties with [Chile]GPE over its ties with [Bolivia]GPE.",
            &["THREATEN Peru > Chile"],
        ),
        // A phrase after `in` that names no place or party is a noun's, and so are the
        // phrases after it.
        (
            "[Peru]GPE agreed to [US]GPE mediation in the final talks with the [Chileans]NORP.",
            &["AGREE Peru > US"],
        ),
        // A purpose after `for` may name the target.
        (
            "[Peru]GPE mobilized reservists for a war against [Chile]GPE.",
            &["MOBILIZE/troops Peru > Chile"],
        ),
    ];
    check_events(cases);
}

#[test]
fn participles_after_an_object_are_passive() {
    let cases: &[(&str, &[&str])] = &[
        (
            "[Egypt]GPE accepted refugees expelled from [Libya]GPE.",
            &["AGREE Egypt > refugees @Libya", "SANCTION - > refugees+Libya @Libya"],
        ),
        (
            "[Egypt]GPE protested to [Israel]GPE about prisoners arrested in [Gaza]GPE.",
            &["ACCUSE/disapprove Egypt > prisoners @Gaza", "COERCE/arrest - > prisoners @Gaza"],
        ),
        // No earlier verb: the participle is the clause's own verb.
        ("Rebels attacked in the night.", &["ASSAULT Rebels > -"]),
    ];
    check_events(cases);
}

#[test]
fn offences_name_the_accused() {
    let cases: &[(&str, &[&str])] = &[
        // The agent of the offence is the accused; its victims are not.
        (
            "[Peru]GPE is investigating alleged crimes by [Chilean]NORP rebels against [Bolivian]NORP civilians.",
            &["ACCUSE/investigate Peru > Chilean rebels"],
        ),
        (
            "[Peru]GPE launched an inquiry into abuses committed by [Chilean]NORP police.",
            &["ACCUSE/investigate Peru > Chilean police"],
        ),
        // A group of the state's own people is another party.
        (
            "[Peru]GPE is investigating crimes by [Peruvian]NORP extremists.",
            &["ACCUSE/investigate Peru > Peruvian extremists"],
        ),
        // Without an offence, `against` still names whom.
        ("[Peru]GPE lodged a complaint against [Chile]GPE.", &["ACCUSE/disapprove Peru > Chile"]),
    ];
    check_events(cases);
}

#[test]
fn possessed_people_are_parties() {
    let cases: &[(&str, &[&str])] = &[
        // A participle after a possessor is an adjective of the phrase.
        (
            "[Peru]GPE criticized [Chile]GPE's visiting president.",
            &["ACCUSE/disapprove Peru > Chile's visiting president"],
        ),
        // The act refused names the party by a possessed title.
        ("[Peru]GPE refused to meet [Chile]GPE's president.", &["REJECT Peru > Chile's president"]),
    ];
    check_events(cases);
}

#[test]
fn the_maker_of_a_demand_is_addressed() {
    let cases: &[(&str, &[&str])] = &[
        // The party that made the offer is whom its rejection answers; what the offer is about
        // is no party of the rejection.
        (
            "[Peru]GPE rejected an offer from [Hamas]ORG to hold talks with [Bolivia]GPE.",
            &["REJECT Peru > Hamas"],
        ),
        // The party an admission is demanded of.
        (
            "[Peru]GPE demanded an admission by [Chile]GPE that its troops killed civilians.",
            &["REQUEST Peru > Chile"],
        ),
    ];
    check_events(cases);
}

#[test]
fn meetings_calls_and_their_parties() {
    let cases: &[(&str, &[&str])] = &[
        // A fronted place phrase without its comma ends where the subject's title begins.
        (
            "In [Peru]GPE [Minister]TITLE [Rocha]PERSON met with the [Andean Council]ORG.",
            &["CONSULT/meet Rocha+Andean Council > -"],
        ),
        // Coordinated adjectives belong to one phrase; the purpose clause is the same meeting.
        (
            "[Rocha]PERSON will meet with national and provincial [Chilean]NORP officials to discuss trade.",
            &["CONSULT/meet Rocha+Chilean officials > - !planned"],
        ),
        // Calls: the other party of a call is a co-actor, as in a meeting.
        (
            "[Rocha]PERSON raised these concerns in a call with [Bolivian]NORP [Minister]TITLE [Arce]PERSON.",
            &["CONSULT/phone Rocha+Arce > -"],
        ),
        ("[Rocha]PERSON held a call with [Arce]PERSON.", &["CONSULT/phone Rocha+Arce > -"]),
        ("[Rocha]PERSON spoke by phone with [Arce]PERSON.", &["CONSULT/phone Rocha+Arce > -"]),
        ("[Rocha]PERSON telephoned [Arce]PERSON.", &["CONSULT/phone Rocha > Arce"]),
        // A call option is no call with its holder.
        ("[Rocha]PERSON signed a call option deal with [Hamas]ORG.", &["SUPPORT Rocha > Hamas"]),
        // A call for something is a request, not a call with its object.
        ("[Rocha]PERSON issued a call for talks with [Hamas]ORG.", &["REQUEST Rocha > Hamas"]),
        // The name in apposition to a title is the party, and the purpose clause is one event.
        (
            "The foreign secretary met the [Chilean]NORP foreign minister, [Ana Soto]PERSON, to discuss trade.",
            &["CONSULT/meet The foreign secretary+Ana Soto > -"],
        ),
        // A title in apposition to the subject: the person, not the body after the title.
        (
            "[General]TITLE [Ruiz]PERSON, commander, [Southern Command]ORG recently met with rebels.",
            &["CONSULT/meet Ruiz+rebels > -"],
        ),
        // `joined X for talks`: both take part; `in touch with`.
        (
            "[Rocha]PERSON joined the [Chilean]NORP envoy for talks.",
            &["CONSULT/meet Rocha+Chilean envoy > -"],
        ),
        (
            "[Rocha]PERSON has been in touch with [Chilean]NORP officials.",
            &["CONSULT Rocha+Chilean officials > -"],
        ),
        // A participle phrase after a party does not end the list of parties (its place
        // describes that party, not the meetings).
        (
            "[Rocha]PERSON held meetings with businesses working in [Lima]GPE, teachers and students.",
            &["CONSULT/meet Rocha+businesses+teachers+students > -"],
        ),
        // A place of the meeting's topic is no place of the meeting.
        (
            "[Rocha]PERSON held talks with [Arce]PERSON on the situation in [Lima]GPE.",
            &["CONSULT/meet Rocha+Arce > -"],
        ),
    ];
    check_events(cases);
}

#[test]
fn unnamed_speakers_are_sources() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Witnesses said the army fired on protesters.",
            &["ASSAULT/firearms the army > protesters", "STATEMENT Witnesses > -"],
        ),
        (
            "A police officer told [Amnesty]ORG that rebels had attacked [Lima]GPE.",
            &["ASSAULT rebels > Lima", "STATEMENT A police officer > Amnesty"],
        ),
        // An unresolved pronoun is still no source.
        ("It said the army fired on protesters.", &["ASSAULT/firearms the army > protesters"]),
    ];
    check_events(cases);
}
