//! Cross-document event keys: re-reports of one real event meet under one key, made of its
//! category, its participants' entity keys as a set, its place, a date bucket and its modality.
//! Distinct events stay distinct: a different day, place or participant set gives a different
//! key, and so does the text marking another occurrence (`a second attack`, `another meeting`).
//!
//! The date bucket is the day for a dated event, the start day for an approximate interval, the
//! month or year for a value of that precision, and the publication week for an undated report
//! (same-week undated re-reports of one story meet; a dated report meets its dated re-reports).
//! Within one article the fact finder has already completed the re-reports of one event from
//! each other, so they carry the same participants, date and place and meet here.

use types::{Analysis, Argument, Document, Event, EventCategory, Modality};

fn norm(s: &str) -> String {
    s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

fn arg_key(a: &Argument, analysis: &Analysis) -> String {
    match a.entity.and_then(|e| analysis.entities.get(e as usize)) {
        Some(e) if !e.key.is_empty() => e.key.clone(),
        Some(e) => format!("{}:{}", e.etype.as_str().to_ascii_lowercase(), norm(&e.name)),
        None => format!("text:{}", norm(&a.text)),
    }
}

/// `YYYY-MM-DD` prefix of a value, or the year/month prefix it has.
fn date_bucket(e: &Event, doc: &Document) -> String {
    match &e.date {
        Some(d) => {
            let first = d.value.split('/').next().unwrap_or("");
            let day = first.split('T').next().unwrap_or(first);
            if d.approx { format!("~{day}") } else { day.to_string() }
        }
        None => match doc.published {
            Some(p) => {
                use chrono::Datelike;
                let w = p.date.iso_week();
                format!("week:{}-W{:02}", w.year(), w.week())
            }
            None => "undated".to_string(),
        },
    }
}

fn modality(m: Modality) -> &'static str {
    match m {
        Modality::Asserted | Modality::Failed => "",
        Modality::Negated => "|negated",
        Modality::Requested => "|requested",
        Modality::Planned => "|planned",
        Modality::Hypothetical => "|hypothetical",
        Modality::Uncertain => "|uncertain",
    }
}

/// Words before a trigger that mark another occurrence of the same kind of event.
fn occurrence(doc: &Document, e: &Event) -> Option<&'static str> {
    let before = doc.text.get(..e.trigger.start)?;
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    for w in words {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
        let tag = match w.as_str() {
            "second" => "2",
            "third" => "3",
            "fourth" => "4",
            "another" | "fresh" | "renewed" | "separate" | "new" | "further" => "+",
            _ => continue,
        };
        return Some(tag);
    }
    None
}

fn base_key(doc: &Document, analysis: &Analysis, e: &Event, about: Option<&str>) -> String {
    let mut parts: Vec<String> =
        e.actors.iter().chain(e.recipients.iter()).map(|a| arg_key(a, analysis)).collect();
    parts.sort();
    parts.dedup();
    let place = e.places.first().map(|p| arg_key(p, analysis)).unwrap_or_default();
    let mut key = format!(
        "{}|{}|{}|{}{}",
        e.category.as_str().to_ascii_lowercase(),
        parts.join("+"),
        place,
        date_bucket(e, doc),
        modality(e.modality)
    );
    if e.implied {
        key.push_str("|implied");
    }
    if let Some(a) = about {
        key.push_str("|about:");
        key.push_str(a);
    }
    key
}

/// The key of every event of the document, in order.
pub fn event_keys(doc: &Document, analysis: &Analysis) -> Vec<String> {
    let n = analysis.events.len();
    let mut keys: Vec<String> = vec![String::new(); n];
    // Reported events first, then the statements about them.
    for pass in 0..2 {
        for i in 0..n {
            let e = &analysis.events[i];
            let statement = e.category == EventCategory::Statement;
            if (pass == 0) == statement {
                continue;
            }
            let about =
                e.about.and_then(|t| keys.get(t as usize)).filter(|k| !k.is_empty()).cloned();
            let mut key = base_key(doc, analysis, e, about.as_deref());
            match occurrence(doc, e) {
                Some("+") => {
                    let earlier = (0..i)
                        .filter(|&j| keys[j] == key || keys[j].starts_with(&format!("{key}|#")))
                        .count();
                    key = format!("{key}|#{}", earlier + 1);
                }
                Some(o) => key = format!("{key}|#{o}"),
                None => {}
            }
            keys[i] = key;
        }
    }
    keys
}

/// Fills [`Event::key`] for every event.
pub fn assign(doc: &Document, analysis: &mut Analysis) {
    let keys = event_keys(doc, analysis);
    for (e, k) in analysis.events.iter_mut().zip(keys) {
        e.key = k;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use types::{LocalEntity, Span, TimeValue};

    fn doc(text: &str) -> Document {
        Document {
            id: Document::compute_id("t", text),
            source: "t".into(),
            source_id: None,
            url: None,
            title: None,
            published: types::PublicationDate::parse_iso("2023-09-29"),
            published_source: None,
            language: None,
            text: text.into(),
            zones: vec![],
            metadata: Default::default(),
        }
    }

    fn ent(name: &str) -> LocalEntity {
        LocalEntity {
            etype: types::EntityType::Person,
            name: name.into(),
            kind: None,
            mentions: vec![],
            aliases: vec![],
            geo: None,
            key: format!("person:{}", name.to_lowercase()),
        }
    }

    fn ev(text: &str, trigger: &str, actors: &[u32], date: Option<&str>) -> Event {
        let start = text.find(trigger).unwrap_or(0);
        Event {
            category: EventCategory::Assault,
            mode: None,
            actors: actors
                .iter()
                .map(|&e| Argument { entity: Some(e), span: Span::new(0, 1), text: "x".into() })
                .collect(),
            recipients: vec![],
            with: vec![],
            places: vec![],
            date: date.map(|d| TimeValue { value: d.into(), timex: None, approx: false }),
            modality: Modality::Asserted,
            implied: false,
            trigger: Span::new(start, start + trigger.len()),
            sentence: 0,
            attribution: None,
            about: None,
            key: String::new(),
        }
    }

    /// (text, events as (trigger, actors, date)) -> which events share a key.
    fn check(
        text: &str,
        events: &[(&str, &[u32], Option<&str>)],
        expect_same: &[(usize, usize, bool)],
    ) {
        let mut a =
            Analysis { entities: vec![ent("A"), ent("B"), ent("C")], ..Analysis::default() };
        for (t, actors, d) in events {
            a.events.push(ev(text, t, actors, *d));
        }
        let keys = event_keys(&doc(text), &a);
        for &(x, y, same) in expect_same {
            assert_eq!(keys[x] == keys[y], same, "{text}: {} vs {}", keys[x], keys[y]);
        }
    }

    #[test]
    fn re_reports_meet_and_distinct_events_stay_apart() {
        check(
            "A attacked B. A attacked B.",
            &[
                ("attacked", &[0, 1], Some("2023-09-28")),
                ("attacked B.", &[1, 0], Some("2023-09-28")),
            ],
            &[(0, 1, true)],
        );
        check(
            "A attacked B on Monday and again on Tuesday.",
            &[("attacked", &[0, 1], Some("2023-09-25")), ("again", &[0, 1], Some("2023-09-26"))],
            &[(0, 1, false)],
        );
        check(
            "A attacked B. A second attack on B followed.",
            &[
                ("attacked", &[0, 1], Some("2023-09-28")),
                ("attack on", &[0, 1], Some("2023-09-28")),
            ],
            &[(0, 1, false)],
        );
        check(
            "A attacked B. A attacked C.",
            &[("attacked", &[0, 1], None), ("attacked C", &[0, 2], None)],
            &[(0, 1, false)],
        );
        check(
            "A attacked B. Then another attack. And another attack.",
            &[
                ("attacked", &[0, 1], None),
                ("attack.", &[0, 1], None),
                ("attack. And", &[0, 1], None),
            ],
            &[(0, 1, false), (1, 2, false)],
        );
    }
}
