//! `sitrep eval events --plover FILE`: the PLOVER gold-standard records (CAMEO manual examples
//! recoded to PLOVER 0.5), one sentence each.
//!
//! - The file's old labels are mapped first: DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE ->
//!   ACCUSE, FIGHT -> ASSAULT.
//! - Our events are put in PLOVER 0.5's terms: a planned cooperative act (`will visit`, `will
//!   provide aid`) is AGREE and a planned hostile one (`would boycott`) THREATEN, as the records
//!   code intentions; a death (DIE) is ASSAULT; DISASTER and STATEMENT are not PLOVER events.
//! - Category accuracy: the first such event of the sentence against the record's category (a
//!   record with no event counts as wrong). Mode accuracy: over records whose gold has a mode and
//!   whose category is right.
//! - Tuples: (actor, category, recipient) with actors coded as (country, sector) by
//!   [`crate::coding`]; every event of the sentence contributes its tuples, so extra events cost
//!   precision. An actor matches when the country matches and, where the gold gives a sector,
//!   the sector too (a `tuple_code_f1` on countries alone is reported as well). Symmetric
//!   categories (CONSULT, COOPERATE, AGREE, ASSAULT between parties) match either way round.

use std::path::Path;

use analyze::Analyzer;
use serde_json::Value;
use types::{
    Analysis, Document, Event, EventCategory, MentionLabel, Modality, PublicationDate, Span,
};

use crate::coding::{Code, Coder, Places};
use crate::oracle::{GoldMention, analyze_with_mentions};
use crate::{EvalError, Prf, Report, Table, round4};

fn map_label(s: &str) -> Option<EventCategory> {
    match s {
        "DEMAND" => Some(EventCategory::Request),
        "DISAPPROVE" | "INVESTIGATE" => Some(EventCategory::Accuse),
        "FIGHT" => Some(EventCategory::Assault),
        other => EventCategory::parse(other),
    }
}

/// PLOVER 0.5 modes in our names.
fn map_mode(s: &str) -> &str {
    match s {
        "demo-org" | "demo-spon" => "demo",
        "riot-spon" => "riot",
        "strike-hun" => "hunger",
        "strike-gen" => "boycott",
        other => other,
    }
}

/// Our category in PLOVER 0.5 terms (None: not a PLOVER event).
pub fn plover_category(e: &Event) -> Option<EventCategory> {
    use EventCategory::*;
    let c = e.category;
    match c {
        Statement | Disaster => None,
        Die => Some(Assault),
        // A refused or failed cooperative act (`will not accept`, `failed to reach agreement`).
        Agree | Consult | Support | Cooperate | Aid | Concede | Retreat
            if matches!(e.modality, Modality::Negated | Modality::Failed) =>
        {
            Some(Reject)
        }
        _ if e.modality == Modality::Negated => None,
        // A conditional commitment (`will withdraw unless ...`) is a threat.
        _ if e.modality == Modality::Hypothetical => Some(match c {
            Agree | Consult | Support | Cooperate | Aid | Concede => Agree,
            Request => Request,
            _ => Threaten,
        }),
        _ if e.modality == Modality::Planned => Some(match c {
            Assault | Coerce | Sanction | Mobilize | Protest | Reject | Threaten | Accuse => {
                Threaten
            }
            Request => Request,
            _ => Agree,
        }),
        _ if e.modality == Modality::Requested && c != Request => Some(Request),
        _ => Some(c),
    }
}

fn symmetric(c: EventCategory) -> bool {
    matches!(
        c,
        EventCategory::Consult
            | EventCategory::Cooperate
            | EventCategory::Agree
            | EventCategory::Assault
    )
}

struct Record {
    id: String,
    text: String,
    category: EventCategory,
    mode: Option<String>,
    sources: Vec<(String, Option<String>, String)>,
    targets: Vec<(String, Option<String>, String)>,
    markup: String,
}

fn actors(v: Option<&Value>) -> Vec<(String, Option<String>, String)> {
    let Some(Value::Array(a)) = v else { return Vec::new() };
    a.iter()
        .filter_map(|x| {
            let code = x.get("code")?.as_str()?.trim().to_string();
            if code.is_empty() {
                return None;
            }
            let sector = x
                .get("sector")
                .and_then(Value::as_str)
                .map(|s| s.trim().chars().take(3).collect::<String>().to_uppercase())
                .filter(|s| s.len() == 3 && s != "***");
            let text = x.get("actorText").and_then(Value::as_str).unwrap_or("").to_string();
            Some((code, sector, text))
        })
        .collect()
}

fn read(path: &Path) -> Result<Vec<Record>, EvalError> {
    let v: Value = serde_json::from_str(&crate::read_to_string(path)?)
        .map_err(|e| EvalError::format(path, e.to_string()))?;
    let Value::Array(items) = v else { return Err(EvalError::format(path, "not a JSON array")) };
    let mut out = Vec::new();
    for r in items {
        let Some(ev) = r.get("event").and_then(Value::as_str) else { continue };
        if ev == "DOCUMENT" {
            continue;
        }
        let Some(category) = map_label(ev) else { continue };
        let text = r.get("text").and_then(Value::as_str).unwrap_or("").to_string();
        if text.trim().is_empty() {
            continue;
        }
        let mode = r
            .get("mode")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .map(str::to_string);
        let markup =
            r.pointer("/textInfo/markup").and_then(Value::as_str).unwrap_or("").to_string();
        out.push(Record {
            id: r.get("id").and_then(Value::as_str).unwrap_or("?").to_string(),
            text,
            category,
            mode,
            sources: actors(r.get("source")),
            targets: actors(r.get("target")),
            markup,
        });
    }
    Ok(out)
}

fn document(r: &Record) -> Document {
    Document {
        id: Document::compute_id(&r.id, &r.text),
        source: r.id.clone(),
        source_id: Some(r.id.clone()),
        url: None,
        title: None,
        published: PublicationDate::parse_iso("2000-01-01"),
        published_source: None,
        language: Some("en".into()),
        text: r.text.clone(),
        zones: Vec::new(),
        metadata: serde_json::Map::new(),
    }
}

/// Actor, location and source spans of the record's markup, located in its text.
fn markup_mentions(r: &Record, coder: &Coder) -> Vec<GoldMention> {
    let mut out = Vec::new();
    let mut rest = r.markup.as_str();
    let mut from = 0usize;
    while let Some(p) = rest.find('(') {
        let after = &rest[p + 1..];
        let Some((tag, tail)) = after.split_once(": ") else { break };
        let Some(end) = tail.find(')') else { break };
        let surface = tail[..end].trim();
        rest = &tail[end + 1..];
        if !matches!(tag, "SRC" | "TAR" | "SRC/TAR" | "LOC") || surface.is_empty() {
            continue;
        }
        let Some(off) = r.text.get(from..).and_then(|t| t.find(surface)) else { continue };
        let span = Span::new(from + off, from + off + surface.len());
        from = span.end;
        let label = if tag == "LOC" {
            MentionLabel::Gpe
        } else if coder.country_in(surface).is_some_and(|c| c != "IGO") && !surface.contains(' ') {
            if surface.ends_with("ian")
                || surface.ends_with("ese")
                || surface.ends_with("ish")
                || surface.ends_with('i')
            {
                MentionLabel::Norp
            } else {
                MentionLabel::Gpe
            }
        } else if surface.chars().next().is_some_and(char::is_uppercase) {
            MentionLabel::Org
        } else {
            continue;
        };
        out.push(GoldMention { span, label });
    }
    out
}

type Tuple = (Option<Code>, EventCategory, Option<Code>);

fn actor_match(
    gold: &(String, Option<String>, String),
    ours: &Option<Code>,
    with_sector: bool,
) -> bool {
    let Some(o) = ours else { return false };
    if o.country.as_deref() != Some(gold.0.as_str()) {
        return false;
    }
    !with_sector || gold.1.is_none() || gold.1 == o.sector
}

fn tuple_match(
    g: &(usize, usize, EventCategory),
    t: &Tuple,
    r: &Record,
    with_sector: bool,
) -> bool {
    if g.2 != t.1 {
        return false;
    }
    let gs = &r.sources[g.0];
    let gt = r.targets.get(g.1);
    let fwd = actor_match(gs, &t.0, with_sector)
        && match gt {
            Some(gt) => actor_match(gt, &t.2, with_sector),
            None => t.2.is_none(),
        };
    let back = symmetric(t.1)
        && gt.is_some_and(|gt| {
            actor_match(gt, &t.0, with_sector) && actor_match(gs, &t.2, with_sector)
        });
    fwd || back
}

/// The phrase around an argument that a coder reads: titles and adjectives before a name.
fn actor_phrase(text: &str, a: &types::Argument) -> String {
    let before = text.get(..a.span.start).unwrap_or("");
    let mut start = a.span.start;
    for w in before.split_inclusive(' ').rev().take(3) {
        let t = w.trim();
        let cap = t.chars().next().is_some_and(char::is_uppercase);
        if !cap || t.ends_with(',') || t.ends_with('.') && t.len() > 3 {
            break;
        }
        start -= w.len();
    }
    text.get(start..a.span.end).unwrap_or(&a.text).to_string()
}

fn tuples(e: &Event, text: &str, coder: &Coder) -> Vec<Tuple> {
    let Some(cat) = plover_category(e) else { return Vec::new() };
    let code = |a: &types::Argument| coder.code(&actor_phrase(text, a), text);
    let actors: Vec<Option<Code>> = e.actors.iter().map(code).collect();
    // With no recipient, the place stands for the people there (CAMEO codes `imposed a curfew
    // in X` with X as the target).
    let targets = if e.recipients.is_empty() { &e.places } else { &e.recipients };
    let recips: Vec<Option<Code>> = targets.iter().map(code).collect();
    let mut out = Vec::new();
    if actors.is_empty() {
        for r in &recips {
            out.push((None, cat, r.clone()));
        }
        if recips.is_empty() {
            out.push((None, cat, None));
        }
        return out;
    }
    if recips.is_empty() && actors.len() >= 2 && symmetric(cat) {
        for i in 0..actors.len() {
            for j in i + 1..actors.len() {
                out.push((actors[i].clone(), cat, actors[j].clone()));
            }
        }
        return out;
    }
    for a in &actors {
        if recips.is_empty() {
            out.push((a.clone(), cat, None));
        }
        for r in &recips {
            out.push((a.clone(), cat, r.clone()));
        }
    }
    out.sort();
    out.dedup();
    out
}

pub fn run(path: &Path, analyzer: &Analyzer) -> Result<Vec<Report>, EvalError> {
    let records = read(path)?;
    let places = places(analyzer);
    let coder = Coder { places: places.as_ref() };
    let mut reports = Vec::new();
    for oracle in [false, true] {
        let analyses: Vec<Analysis> = records
            .iter()
            .map(|r| {
                let doc = document(r);
                if oracle {
                    analyze_with_mentions(analyzer, &doc, &markup_mentions(r, &coder))
                } else {
                    analyzer.analyze(&doc)
                }
            })
            .collect();
        let mut rep = score(
            &records,
            &analyses,
            &coder,
            if oracle { "plover-gsr-gold-mentions" } else { "plover-gsr" },
        );
        rep.line(if oracle {
            "(with the markup's actor spans as mentions in place of entity recognition)"
        } else {
            "(end to end)"
        });
        reports.push(rep);
    }
    // End to end first: its summary is the headline.
    Ok(reports)
}

/// The gazetteer's places when it has any, otherwise the few built-in test entries.
fn places(_analyzer: &Analyzer) -> Box<dyn Places> {
    Box::new(crate::coding::FewPlaces)
}

fn score(records: &[Record], analyses: &[Analysis], coder: &Coder, set: &str) -> Report {
    let mut rep = Report::new("events", set);
    let mut correct = 0usize;
    let mut predicted = 0usize;
    let (mut mode_ok, mut mode_n) = (0usize, 0usize);
    let mut prf = Prf::default();
    let mut prf_code = Prf::default();
    let mut confusion: std::collections::BTreeMap<(String, String), usize> = Default::default();
    let mut per_cat: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    let mut wrong = Table::new(["record", "gold", "ours", "our events", "sentence"]);
    for (r, a) in records.iter().zip(analyses) {
        let principal =
            a.events.iter().filter(|e| !e.implied).find(|e| plover_category(e).is_some());
        let ours = principal.and_then(plover_category);
        let entry = per_cat.entry(r.category.as_str().to_string()).or_default();
        entry.1 += 1;
        if ours.is_some() {
            predicted += 1;
        }
        if ours == Some(r.category) {
            correct += 1;
            entry.0 += 1;
            if let Some(gm) = &r.mode {
                mode_n += 1;
                if principal.and_then(|e| e.mode.as_deref()) == Some(map_mode(gm)) {
                    mode_ok += 1;
                }
            }
        } else {
            *confusion
                .entry((
                    r.category.as_str().to_string(),
                    ours.map_or("-".to_string(), |c| c.as_str().to_string()),
                ))
                .or_default() += 1;
            let evs = a
                .events
                .iter()
                .map(|e| {
                    let n = |x: &[types::Argument]| {
                        x.iter().map(|y| y.text.as_str()).collect::<Vec<_>>().join("+")
                    };
                    format!(
                        "{}:{}[{}>{}]{}",
                        e.category.as_str(),
                        r.text.get(e.trigger.start..e.trigger.end).unwrap_or(""),
                        n(&e.actors),
                        n(&e.recipients),
                        if e.modality == Modality::Asserted {
                            String::new()
                        } else {
                            format!("!{:?}", e.modality)
                        }
                    )
                })
                .collect::<Vec<_>>()
                .join(" ");
            wrong.row([
                r.id.clone(),
                r.category.as_str().to_string(),
                ours.map_or("-".to_string(), |c| c.as_str().to_string()),
                evs,
                r.text.chars().take(150).collect::<String>(),
            ]);
        }
        // Tuples.
        let mut gold: Vec<(usize, usize, EventCategory)> = Vec::new();
        for s in 0..r.sources.len() {
            if r.targets.is_empty() {
                gold.push((s, usize::MAX, r.category));
            }
            for t in 0..r.targets.len() {
                gold.push((s, t, r.category));
            }
        }
        let mut ours_t: Vec<Tuple> = Vec::new();
        for e in &a.events {
            for t in tuples(e, &r.text, coder) {
                if !ours_t.contains(&t) {
                    ours_t.push(t);
                }
            }
        }
        for (with_sector, acc) in [(true, &mut prf), (false, &mut prf_code)] {
            let mut used = vec![false; ours_t.len()];
            let mut tp = 0;
            for g in &gold {
                if let Some(k) = (0..ours_t.len())
                    .find(|&k| !used[k] && tuple_match(g, &ours_t[k], r, with_sector))
                {
                    used[k] = true;
                    tp += 1;
                }
            }
            acc.add(Prf::new(tp, ours_t.len() - tp, gold.len() - tp));
        }
    }
    let n = records.len();
    let acc = if n == 0 { 0.0 } else { correct as f64 / n as f64 };
    rep.line(format!("PLOVER GSR ({set}): {n} records; category accuracy {acc:.4} ({correct}/{n}); an event predicted for {predicted}"));
    let mut ct = Table::new(["category", "correct", "records"]);
    for (c, (ok, tot)) in &per_cat {
        ct.row([c.clone(), ok.to_string(), tot.to_string()]);
    }
    rep.table(&ct);
    let mut tt = Table::prf();
    tt.prf_row("tuples (country+sector)", &prf);
    tt.prf_row("tuples (country only)", &prf_code);
    rep.table(&tt);
    let mut conf: Vec<_> = confusion.into_iter().collect();
    conf.sort_by_key(|c| std::cmp::Reverse(c.1));
    rep.line(format!(
        "Most frequent confusions (gold -> ours): {}",
        conf.iter()
            .take(12)
            .map(|((g, o), c)| format!("{g}->{o} {c}"))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    rep.line("First wrong records:");
    rep.table(&wrong);
    rep.set("records", n);
    rep.summary.insert("category_accuracy".into(), round4(acc));
    rep.summary.insert(
        "mode_accuracy".into(),
        round4(if mode_n == 0 { 0.0 } else { mode_ok as f64 / mode_n as f64 }),
    );
    rep.set("mode_records", mode_n);
    rep.summary.insert("tuple_precision".into(), round4(prf.precision()));
    rep.summary.insert("tuple_recall".into(), round4(prf.recall()));
    rep.summary.insert("tuple_f1".into(), round4(prf.f1()));
    rep.summary.insert("tuple_code_f1".into(), round4(prf_code.f1()));
    rep
}
