//! `sitrep eval events --seed DIR`: the worked example's hand-written events and relations.
//!
//! Our arguments are mapped to the gold's entities by name: the argument's text, or the names and
//! mentions of the entity it points to, equal to (or ending with, or starting with) one of the
//! gold entity's name, aliases or descriptions. Events are compared as stored events (one per
//! cross-document key), so re-reports in the article must meet under one key: a gold event is
//! found when one key's reports have its category, all its participants (no participant from
//! another gold entity), and a date that equals it or lies inside it when the gold only bounds
//! it. Keys that match no gold event are false events; a second key for an already-matched gold
//! event is a duplicate (re-reports that did not meet).

use std::collections::BTreeMap;
use std::path::Path;

use analyze::Analyzer;
use serde_json::Value;
use types::{
    Analysis, Argument, Document, Event, EventCategory, MentionLabel, Predicate, PublicationDate,
    Span,
};

use crate::oracle::{GoldMention, analyze_with_mentions};
use crate::{EvalError, Report, Table};

struct GoldEntity {
    id: String,
    names: Vec<String>,
}

/// Lower-case, no possessive, no punctuation, no leading article, no parenthetical.
pub fn norm(s: &str) -> String {
    let s = s.split(" (").next().unwrap_or(s);
    let s = s.replace('\u{2019}', "'").to_lowercase().replace("'s ", " ").replace("'s", "");
    let cleaned: String = s
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' || c == ' ' { c } else { ' ' })
        .collect();
    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    while words.first().is_some_and(|w| matches!(*w, "the" | "a" | "an")) {
        words.remove(0);
    }
    words.join(" ")
}

/// A single common noun (`group`, `forces`): no name to match a phrase's head on.
fn generic(name: &str) -> bool {
    use analyze::facts::lexicon::{Lexicon, wc};
    !name.contains(' ')
        && Lexicon::get().word(name).is_some_and(|w| {
            w.sector.is_some() || w.flags & (wc::GROUP | wc::PLACE | wc::QUANT | wc::LEAD) != 0
        })
}

fn ends_with_words(s: &str, suffix: &str) -> bool {
    s == suffix || s.ends_with(&format!(" {suffix}"))
}

fn starts_with_words(s: &str, prefix: &str) -> bool {
    s == prefix || s.starts_with(&format!("{prefix} "))
}

struct Gold {
    entities: Vec<GoldEntity>,
    events: Vec<Value>,
    relations: Vec<Value>,
    negative: Vec<String>,
    credits: Vec<String>,
}

impl Gold {
    /// Gold entity ids an argument can stand for, best match first level only.
    fn candidates(&self, arg: &Argument, analysis: &Analysis) -> Vec<String> {
        // The argument's own words first; the entity's names only when they say nothing.
        let own = self.match_texts(&[norm(&arg.text)]);
        if !own.is_empty() {
            return own;
        }
        let mut texts = Vec::new();
        if let Some(e) = arg.entity.and_then(|e| analysis.entities.get(e as usize)) {
            texts.push(norm(&e.name));
            texts.extend(e.aliases.iter().map(|a| norm(a)));
            texts.extend(
                e.mentions
                    .iter()
                    .filter_map(|&m| analysis.mentions.get(m as usize))
                    .map(|m| norm(&m.text)),
            );
        }
        self.match_texts(&texts)
    }

    fn match_texts(&self, texts: &[String]) -> Vec<String> {
        let texts: Vec<&String> = texts.iter().filter(|t| !t.is_empty()).collect();
        for level in 0..3 {
            let mut best: Vec<(usize, &str)> = Vec::new();
            for ge in &self.entities {
                for name in &ge.names {
                    let hit = texts.iter().any(|t| match level {
                        0 => *t == name,
                        1 => ends_with_words(t, name) && !generic(name),
                        _ => {
                            starts_with_words(t, name)
                                || starts_with_words(name, t) && t.split(' ').count() >= 2
                        }
                    });
                    if hit {
                        best.push((name.len(), ge.id.as_str()));
                    }
                }
            }
            if let Some(max) = best.iter().map(|b| b.0).max() {
                let mut ids: Vec<String> =
                    best.iter().filter(|b| b.0 == max).map(|b| b.1.to_string()).collect();
                ids.sort();
                ids.dedup();
                return ids;
            }
        }
        Vec::new()
    }
}

fn strs(v: &Value, key: &str) -> Vec<String> {
    match v.get(key) {
        Some(Value::Array(a)) => a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect(),
        Some(Value::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn read_gold(dir: &Path) -> Result<Gold, EvalError> {
    let path = dir.join("expected.json");
    let v: Value = serde_json::from_str(&crate::read_to_string(&path)?)
        .map_err(|e| EvalError::format(&path, e.to_string()))?;
    let entities = v
        .get("entities")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|e| {
                    let id = e.get("id")?.as_str()?.to_string();
                    let mut names: Vec<String> = Vec::new();
                    for key in ["name", "aliases", "descriptions"] {
                        names.extend(strs(e, key).iter().map(|s| norm(s)));
                    }
                    names.retain(|n| !n.is_empty());
                    Some(GoldEntity { id, names })
                })
                .collect()
        })
        .unwrap_or_default();
    let arr = |k: &str| v.get(k).and_then(Value::as_array).cloned().unwrap_or_default();
    let credits = v
        .pointer("/document/not_content")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .filter(|s| s.contains("credit"))
                .map(|s| s.split(" (").next().unwrap_or(s).trim().to_string())
                .collect()
        })
        .unwrap_or_default();
    Ok(Gold {
        entities,
        events: arr("events"),
        relations: arr("relations"),
        negative: arr("negative").iter().filter_map(|x| x.as_str().map(str::to_string)).collect(),
        credits,
    })
}

/// The seed document: extracted when extraction is available, otherwise the plain text with the
/// gold's publication date (said so in the report).
pub fn seed_document(dir: &Path, note: &mut Vec<String>) -> Result<Document, EvalError> {
    let path = dir.join("article.txt");
    let raw = crate::read_to_string(&path)?;
    for item in extract::open(&path, &extract::Options::default()) {
        if let Ok(extract::Outcome::Article(doc)) = item {
            return Ok(*doc);
        }
    }
    let gold_path = dir.join("expected.json");
    let v: Value = serde_json::from_str(&crate::read_to_string(&gold_path)?)
        .map_err(|e| EvalError::format(&gold_path, e.to_string()))?;
    let published = v
        .pointer("/document/published")
        .and_then(Value::as_str)
        .and_then(PublicationDate::parse_iso);
    note.push(
        "extraction is not available: plain text, no zones, publication date taken from the gold"
            .into(),
    );
    Ok(Document {
        id: Document::compute_id("seed", &raw),
        source: path.display().to_string(),
        source_id: None,
        url: None,
        title: None,
        published,
        published_source: None,
        language: Some("en".into()),
        text: raw,
        zones: Vec::new(),
        metadata: serde_json::Map::new(),
    })
}

/// Gold mentions from `mentions.tsv` (start, end, type, text).
pub fn seed_mentions(dir: &Path, text: &str) -> Result<Vec<GoldMention>, EvalError> {
    let path = dir.join("mentions.tsv");
    let raw = crate::read_to_string(&path)?;
    let mut out = Vec::new();
    for line in raw.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 4 {
            continue;
        }
        let (Ok(start), Ok(end)) = (f[0].parse::<usize>(), f[1].parse::<usize>()) else { continue };
        let label = match f[2] {
            "PERSON" => MentionLabel::Person,
            "ORG" => MentionLabel::Org,
            "GPE" => MentionLabel::Gpe,
            "LOC" => MentionLabel::Loc,
            "NORP" => MentionLabel::Norp,
            _ => continue,
        };
        // Offsets are into article.txt; when extraction changed the text, find the surface.
        let span = if text.get(start..end) == Some(f[3]) {
            Span::new(start, end)
        } else {
            let from = start.saturating_sub(64).min(text.len());
            let Some(p) = text.get(from..).and_then(|t| t.find(f[3])) else { continue };
            Span::new(from + p, from + p + f[3].len())
        };
        out.push(GoldMention { span, label });
    }
    Ok(out)
}

pub fn run(dir: &Path, analyzer: &Analyzer) -> Result<Vec<Report>, EvalError> {
    let gold = read_gold(dir)?;
    let mut notes = Vec::new();
    let doc = seed_document(dir, &mut notes)?;
    let mut reports = Vec::new();
    let mut a = analyzer.analyze(&doc);
    resolve::assign_keys(&doc, &mut a);
    let mut r = score(&gold, &doc, &a, "seed", &notes);
    r.line("(end to end: the analyzer's own mentions, times and coreference)");
    reports.push(r);
    let mentions = seed_mentions(dir, &doc.text)?;
    let mut a2 = analyze_with_mentions(analyzer, &doc, &mentions);
    resolve::assign_keys(&doc, &mut a2);
    let mut r2 = score(&gold, &doc, &a2, "seed-gold-mentions", &notes);
    r2.line("(with the gold mentions of mentions.tsv in place of entity recognition)");
    reports.push(r2);
    Ok(reports)
}

fn participants(e: &Value) -> (Vec<String>, Option<String>, Option<String>, Vec<String>) {
    let mut p = strs(e, "participants");
    let source = e
        .get("source_actor")
        .or_else(|| e.get("source"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let target = e.get("target_actor").and_then(Value::as_str).map(str::to_string);
    for x in source.iter().chain(target.iter()) {
        if !p.contains(x) {
            p.push(x.clone());
        }
    }
    (p, source, target, strs(e, "with"))
}

/// Compares a date: exact, or ours inside the gold's bounds when the gold only bounds it, or the
/// gold's day inside our interval of at most a week.
fn date_ok(gold: &Value, ours: Option<&types::TimeValue>) -> (bool, String) {
    let Some(g) = gold.get("date").and_then(Value::as_str) else { return (true, "-".into()) };
    let Some(o) = ours else { return (false, "none".into()) };
    if o.value == g {
        return (true, o.value.clone());
    }
    let approx = gold.get("approx").and_then(Value::as_bool).unwrap_or(false);
    let (Some((g0, g1)), Some((o0, o1))) =
        (analyze::facts::date_bounds(g), analyze::facts::date_bounds(&o.value))
    else {
        return (false, o.value.clone());
    };
    let inside = g0 <= o0 && o1 <= g1;
    let narrow_cover = o.approx && o0 <= g0 && g1 <= o1 && (o1 - o0).num_days() <= 7;
    (
        (approx || g0 != g1) && inside || narrow_cover,
        format!("{}{}", o.value, if o.approx { "~" } else { "" }),
    )
}

struct Scored {
    cat: bool,
    parts: bool,
    date: bool,
    place: bool,
    detail: String,
}

fn score_event(gold: &Gold, g: &Value, evs: &[&Event], a: &Analysis, text: &str) -> Scored {
    let cat = g.get("type").and_then(Value::as_str).and_then(EventCategory::parse);
    let (parts, source, target, with) = participants(g);
    let mut best =
        Scored { cat: false, parts: false, date: false, place: false, detail: String::new() };
    let mut best_score = -1i32;
    for e in evs {
        let c_ok = Some(e.category) == cat;
        let map = |args: &[Argument]| -> Vec<Vec<String>> {
            args.iter().map(|x| gold.candidates(x, a)).collect()
        };
        let (act, rec, wth) = (map(&e.actors), map(&e.recipients), map(&e.with));
        let all: Vec<&Vec<String>> = act.iter().chain(rec.iter()).chain(wth.iter()).collect();
        let covered = parts.iter().all(|p| all.iter().any(|c| c.contains(p)));
        let foreign = act
            .iter()
            .chain(rec.iter())
            .any(|c| !c.is_empty() && !c.iter().any(|x| parts.contains(x) || with.contains(x)));
        let dir_ok = source.as_ref().is_none_or(|s| act.iter().any(|c| c.contains(s)))
            && target.as_ref().is_none_or(|t| rec.iter().chain(act.iter()).any(|c| c.contains(t)));
        let p_ok = covered && !foreign && dir_ok;
        let (d_ok, d_text) = date_ok(g, e.date.as_ref());
        let gold_places: Vec<String> =
            strs(g, "place").into_iter().chain(strs(g, "places")).collect();
        let pl_ok = gold_places.iter().all(|gp| {
            e.places.iter().any(|p| gold.candidates(p, a).contains(gp) || norm(&p.text) == norm(gp))
        });
        let sc = c_ok as i32 * 8 + p_ok as i32 * 4 + d_ok as i32 * 2 + pl_ok as i32;
        if sc > best_score {
            best_score = sc;
            let names = |args: &[Argument]| {
                args.iter().map(|x| x.text.as_str()).collect::<Vec<_>>().join("+")
            };
            let trig = text.get(e.trigger.start..e.trigger.end).unwrap_or("");
            best = Scored {
                cat: c_ok,
                parts: p_ok,
                date: d_ok,
                place: pl_ok,
                detail: format!(
                    "{} '{}' [{}] -> [{}]{} @{} {}",
                    e.category.as_str(),
                    trig,
                    names(&e.actors),
                    names(&e.recipients),
                    if e.with.is_empty() {
                        String::new()
                    } else {
                        format!(" with [{}]", names(&e.with))
                    },
                    names(&e.places),
                    d_text
                ),
            };
        }
    }
    best
}

fn score(gold: &Gold, doc: &Document, a: &Analysis, set: &str, notes: &[String]) -> Report {
    let mut r = Report::new("events", set);
    for n in notes {
        r.line(format!("note: {n}"));
    }
    let text = doc.text.as_str();
    // Stored events: one per key.
    let mut groups: BTreeMap<String, Vec<&Event>> = BTreeMap::new();
    for (i, e) in a.events.iter().enumerate() {
        let key = if e.key.is_empty() { format!("local:{i}") } else { e.key.clone() };
        groups.entry(key).or_default().push(e);
    }
    let keys: Vec<String> = groups.keys().cloned().collect();
    let mut taken: Vec<Option<usize>> = vec![None; keys.len()];
    let mut t = Table::new([
        "gold",
        "type",
        "found",
        "cat",
        "parts",
        "date",
        "place",
        "best match (category 'trigger' [actors] -> [recipients] @places date)",
    ]);
    let mut found = 0usize;
    let mut found_place = 0usize;
    for (gi, g) in gold.events.iter().enumerate() {
        let id = g.get("id").and_then(Value::as_str).unwrap_or("?");
        let ty = g.get("type").and_then(Value::as_str).unwrap_or("?");
        let mut best: Option<(usize, Scored, i32)> = None;
        for (ki, k) in keys.iter().enumerate() {
            if taken[ki].is_some() {
                continue;
            }
            let s = score_event(gold, g, &groups[k], a, text);
            let sc = s.cat as i32 * 8 + s.parts as i32 * 4 + s.date as i32 * 2 + s.place as i32;
            if best.as_ref().is_none_or(|b| sc > b.2) {
                best = Some((ki, s, sc));
            }
        }
        let mark = |b: bool| if b { "yes" } else { "no" };
        match best {
            Some((ki, s, sc)) if s.cat && sc >= 8 => {
                let ok = s.cat && s.parts && s.date;
                if ok {
                    found += 1;
                    if s.place {
                        found_place += 1;
                    }
                }
                if s.parts || ok || (sc >= 10) {
                    taken[ki] = Some(gi);
                }
                t.row([
                    id.to_string(),
                    ty.to_string(),
                    mark(ok).into(),
                    mark(s.cat).into(),
                    mark(s.parts).into(),
                    mark(s.date).into(),
                    mark(s.place).into(),
                    s.detail,
                ]);
            }
            _ => t.row([
                id.to_string(),
                ty.to_string(),
                "no".into(),
                "no".into(),
                "-".into(),
                "-".into(),
                "-".into(),
                "(no event of this category)".into(),
            ]),
        }
    }
    r.line(format!("Events: {found} of {} found (category, participants, date); {found_place} with the place too", gold.events.len()));
    r.table(&t);
    // Unmatched keys: duplicates of a matched gold event, or false events.
    let mut false_events = 0usize;
    let mut duplicates = 0usize;
    let mut ft = Table::new(["extra", "kind", "reports", "event (first report)"]);
    for (ki, k) in keys.iter().enumerate() {
        if taken[ki].is_some() {
            continue;
        }
        let evs = &groups[k];
        let dup = gold.events.iter().any(|g| {
            let s = score_event(gold, g, evs, a, text);
            s.cat && s.parts
        });
        let e = evs[0];
        let names =
            |args: &[Argument]| args.iter().map(|x| x.text.as_str()).collect::<Vec<_>>().join("+");
        let trig = text.get(e.trigger.start..e.trigger.end).unwrap_or("");
        let desc = format!(
            "{} {:?} '{}' [{}] -> [{}] @{} {}",
            e.category.as_str(),
            e.modality,
            trig,
            names(&e.actors),
            names(&e.recipients),
            names(&e.places),
            e.date.as_ref().map_or("-", |d| d.value.as_str())
        );
        if dup {
            duplicates += 1;
            ft.row([format!("x{ki}"), "duplicate".into(), evs.len().to_string(), desc]);
        } else {
            false_events += 1;
            ft.row([format!("x{ki}"), "false".into(), evs.len().to_string(), desc]);
        }
    }
    r.line(format!("Extracted: {} event reports under {} keys; {false_events} false events, {duplicates} duplicates", a.events.len(), keys.len()));
    r.table(&ft);
    // Relations.
    let mut rt = Table::new(["relation", "found", "validity", "best match"]);
    let mut rel_found = 0usize;
    for g in &gold.relations {
        let (Some(s), Some(p), Some(o)) = (
            g.get("subject").and_then(Value::as_str),
            g.get("predicate").and_then(Value::as_str).and_then(Predicate::parse),
            g.get("object").and_then(Value::as_str),
        ) else {
            continue;
        };
        let symmetric = matches!(p, Predicate::AlliedWith | Predicate::RivalOf | Predicate::Fights);
        let mut hit: Option<&types::Relation> = None;
        let mut near: Option<&types::Relation> = None;
        for rel in &a.relations {
            if rel.predicate != p {
                continue;
            }
            let cs = gold.candidates(&rel.subject, a);
            let co = gold.candidates(&rel.object, a);
            let fwd = cs.iter().any(|x| x == s) && co.iter().any(|x| x == o);
            let back = symmetric && cs.iter().any(|x| x == o) && co.iter().any(|x| x == s);
            if fwd || back {
                hit = Some(rel);
                break;
            }
            if cs.iter().any(|x| x == s) || co.iter().any(|x| x == o) {
                near = Some(rel);
            }
        }
        let label = format!("{s} {} {o}", p.as_str());
        let show = |rel: &types::Relation| {
            let v = |t: &Option<types::TimeValue>| {
                t.as_ref().map_or("?".to_string(), |x| x.value.clone())
            };
            format!(
                "{} {} {} [{}..{}]",
                rel.subject.text,
                rel.predicate.as_str(),
                rel.object.text,
                v(&rel.valid_from),
                v(&rel.valid_to)
            )
        };
        match hit {
            Some(rel) => {
                rel_found += 1;
                rt.row([label, "yes".into(), validity_check(g, rel), show(rel)]);
            }
            None => rt.row([
                label,
                "no".into(),
                "-".into(),
                near.map_or(String::new(), |r| format!("(near: {})", show(r))),
            ]),
        }
    }
    r.line(format!("Relations: {rel_found} of {} found", gold.relations.len()));
    r.table(&rt);
    // Negative checks.
    let mut nt = Table::new(["negative", "passed", "why"]);
    let mut neg_pass = 0usize;
    let mut neg_total = 0usize;
    for credit in &gold.credits {
        neg_total += 1;
        let bad: Vec<&Event> = a
            .events
            .iter()
            .filter(|e| {
                e.actors.iter().chain(e.recipients.iter()).chain(e.with.iter()).any(|x| {
                    norm(&x.text) == norm(credit)
                        || x.entity
                            .and_then(|i| a.entities.get(i as usize))
                            .is_some_and(|en| norm(&en.name) == norm(credit))
                })
            })
            .collect();
        let ok = bad.is_empty();
        neg_pass += ok as usize;
        nt.row([
            format!("no event has {credit} (a credit) as a participant"),
            if ok { "yes" } else { "no" }.into(),
            format!("{} events name it", bad.len()),
        ]);
    }
    for n in &gold.negative {
        // `eN is a X, not a Y`: no Y event in the sentence of the X event that matched eN.
        if let Some((id, rest)) = n.split_once(" is a ")
            && let Some((want, not)) = rest.split_once(", not a ")
        {
            neg_total += 1;
            let not_cat =
                not.split(|c: char| !c.is_alphabetic()).next().and_then(EventCategory::parse);
            let want_cat =
                want.split(|c: char| !c.is_alphabetic()).next().and_then(EventCategory::parse);
            let gi = gold
                .events
                .iter()
                .position(|g| g.get("id").and_then(Value::as_str) == Some(id.trim()));
            let sentences: Vec<u32> = gi
                .map(|gi| {
                    taken
                        .iter()
                        .enumerate()
                        .filter(|(_, t)| **t == Some(gi))
                        .flat_map(|(ki, _)| {
                            groups[&keys[ki]]
                                .iter()
                                .filter(|e| Some(e.category) == want_cat)
                                .map(|e| e.sentence)
                        })
                        .collect()
                })
                .unwrap_or_default();
            let bad = a
                .events
                .iter()
                .filter(|e| Some(e.category) == not_cat && sentences.contains(&e.sentence))
                .count();
            let ok = bad == 0 && !sentences.is_empty();
            neg_pass += ok as usize;
            nt.row([
                n.clone(),
                if ok { "yes" } else { "no" }.into(),
                if sentences.is_empty() {
                    format!("{id} not found as {want}")
                } else {
                    format!("{bad} {not} events in its sentence")
                },
            ]);
            continue;
        }
        // `<phrase> are uncertain: no event.`: no trigger inside the phrase.
        if let Some((phrase, _)) = n.split_once(": no event") {
            neg_total += 1;
            match doc.text.find(phrase.trim()) {
                Some(p) => {
                    let span = Span::new(p, p + phrase.trim().len());
                    let bad = a.events.iter().filter(|e| span.overlaps(e.trigger)).count();
                    let ok = bad == 0;
                    neg_pass += ok as usize;
                    nt.row([
                        n.clone(),
                        if ok { "yes" } else { "no" }.into(),
                        format!("{bad} events triggered inside the phrase"),
                    ]);
                }
                None => nt.row([n.clone(), "no".into(), "phrase not in the text".into()]),
            }
            continue;
        }
    }
    r.line(format!("Negative checks: {neg_pass} of {neg_total} passed"));
    r.table(&nt);
    r.line("Every event report:");
    let mut at = Table::new([
        "#",
        "sentence",
        "category",
        "mode",
        "modality",
        "trigger",
        "actors",
        "recipients",
        "with",
        "places",
        "date",
        "key",
    ]);
    for (i, e) in a.events.iter().enumerate() {
        let names = |args: &[Argument]| {
            args.iter()
                .map(|x| {
                    format!("{}{}", x.text, x.entity.map_or("?".to_string(), |_| String::new()))
                })
                .collect::<Vec<_>>()
                .join("+")
        };
        at.row([
            i.to_string(),
            e.sentence.to_string(),
            e.category.as_str().to_string(),
            e.mode.clone().unwrap_or_default(),
            format!("{:?}{}", e.modality, if e.implied { " implied" } else { "" }),
            text.get(e.trigger.start..e.trigger.end).unwrap_or("").to_string(),
            names(&e.actors),
            names(&e.recipients),
            names(&e.with),
            names(&e.places),
            e.date.as_ref().map_or("-".to_string(), |d| {
                format!("{}{}", d.value, if d.approx { "~" } else { "" })
            }),
            e.key.chars().take(70).collect(),
        ]);
    }
    r.table(&at);
    r.line("Every relation:");
    let mut rlt = Table::new(["subject", "predicate", "object", "title", "valid", "evidence"]);
    for rel in &a.relations {
        let v =
            |t: &Option<types::TimeValue>| t.as_ref().map_or("?".to_string(), |x| x.value.clone());
        rlt.row([
            format!("{}{}", rel.subject.text, if rel.subject.entity.is_none() { "?" } else { "" }),
            rel.predicate.as_str().to_string(),
            format!("{}{}", rel.object.text, if rel.object.entity.is_none() { "?" } else { "" }),
            rel.title.clone().unwrap_or_default(),
            format!("{}..{}", v(&rel.valid_from), v(&rel.valid_to)),
            text.get(rel.evidence.start..rel.evidence.end).unwrap_or("").chars().take(80).collect(),
        ]);
    }
    r.table(&rlt);
    r.set("events_found", found);
    r.set("events_total", gold.events.len());
    r.set("events_found_with_place", found_place);
    r.set("relations_found", rel_found);
    r.set("relations_total", gold.relations.len());
    r.set("false_events", false_events);
    r.set("duplicate_events", duplicates);
    r.set("event_reports", a.events.len());
    r.set("negatives_passed", neg_pass);
    r.set("negatives_total", neg_total);
    r
}

fn validity_check(g: &Value, rel: &types::Relation) -> String {
    let within = |t: &str,
                  from: &Option<types::TimeValue>,
                  to: &Option<types::TimeValue>|
     -> bool {
        let Some((t0, t1)) = analyze::facts::date_bounds(t) else { return false };
        let lo = from.as_ref().and_then(|f| analyze::facts::date_bounds(&f.value)).map(|b| b.0);
        let hi = to.as_ref().and_then(|f| analyze::facts::date_bounds(&f.value)).map(|b| b.1);
        (lo.is_some() || hi.is_some()) && lo.is_none_or(|l| l <= t1) && hi.is_none_or(|h| h >= t0)
    };
    if let Some(w) = g.get("when").and_then(Value::as_str) {
        return format!(
            "when {w}: {}",
            if within(w, &rel.valid_from, &rel.valid_to) { "ok" } else { "no" }
        );
    }
    if let Some(u) = g.get("until").and_then(Value::as_str) {
        let ok = rel
            .valid_to
            .as_ref()
            .is_some_and(|t| t.value.starts_with(u) || u.starts_with(&t.value));
        return format!("until {u}: {}", if ok { "ok" } else { "no" });
    }
    "-".into()
}
