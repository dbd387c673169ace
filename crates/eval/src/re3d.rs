//! `sitrep eval relations --re3d DIR`: re3d (Dstl), 98 documents on the conflict in Syria and
//! Iraq with entity and relation annotations (character offsets, converted here to bytes).
//!
//! Our relations and events are put in re3d's types: SUPPORTS and ALLIED_WITH -> AlliesOf
//! (and COOPERATE events between actor and recipient, and co-actors of an ASSAULT); FIGHTS and
//! RIVAL_OF -> FightingAgainst (and ASSAULT/COERCE events); MEMBER_OF and AFFILIATED_WITH ->
//! BelongsTo; LEADS and CONTROLS -> InChargeOf; CONSULT events -> CommWith (between every two
//! parties; for AGREE events between the agreeing actors); PRESENT_IN and LOCATED_IN ->
//! CoLocated (and the parties of a physical event with its place: not of speech acts, whose place
//! is that of what they are about, nor a country or place taking part, nor an attacker, who
//! need not be where its attack lands). Gold relations
//! of those six types with confidence >= 0.5 are scored on (type, source span, target span):
//! `relation_f1` counts a span as matched when ours overlaps the gold span (re3d's spans carry
//! determiners and quantities ours leave out: `About 30,000 Iraqi security force personnel`),
//! `relation_exact_f1` only when it is identical. AlliesOf, FightingAgainst, CommWith and
//! CoLocated match in either direction, so a symmetric gold relation annotated in both
//! directions is counted once. A predicted relation whose two arguments lie inside one
//! annotated mention of any type (re3d marks `Palmyra, Syria`, `The Members of the Security
//! Council`, `Assad's brutal regime` as one entity each) is not scored, since re3d relates its
//! mentions and cannot annotate a relation inside one; `relation_f1_inside_scored` counts them
//! as false positives. Entities (Person, Organisation, Location, Nationality,
//! confidence >= 0.5) are scored on exact spans, typed (`entity_f1`) and untyped. Missed gold
//! relations are counted by type and reason: an argument with no overlapping mention of ours,
//! a relation of another type between the two, or none at all.

use std::path::Path;

use analyze::Analyzer;
use serde_json::Value;
use types::{Analysis, Document, EventCategory, MentionLabel, Predicate, Span};

use crate::{EvalError, Prf, Report, Table, round4};

const TYPES: [&str; 6] =
    ["AlliesOf", "FightingAgainst", "BelongsTo", "InChargeOf", "CommWith", "CoLocated"];

fn symmetric(t: &str) -> bool {
    matches!(t, "AlliesOf" | "FightingAgainst" | "CommWith" | "CoLocated")
}

fn lines(path: &Path) -> Result<Vec<Value>, EvalError> {
    let raw = crate::read_to_string(path)?;
    let raw = raw.trim_start_matches('\u{feff}');
    let mut out = Vec::new();
    for (i, l) in raw.lines().enumerate() {
        if l.trim().is_empty() {
            continue;
        }
        out.push(
            serde_json::from_str(l)
                .map_err(|e| EvalError::format(path, format!("line {}: {e}", i + 1)))?,
        );
    }
    Ok(out)
}

/// Byte offset of each code point offset (one past the end included).
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

struct Doc {
    id: String,
    text: String,
    entities: Vec<(Span, String)>,
    /// Every annotated mention span, whatever its type (weapons, platforms, dates too).
    spans: Vec<Span>,
    relations: Vec<(String, Span, Span)>,
}

fn read(dir: &Path, dropped: &mut usize) -> Result<Vec<Doc>, EvalError> {
    let mut subdirs: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| EvalError::io(dir, e))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("documents.json").exists())
        .collect();
    subdirs.sort();
    let mut docs = Vec::new();
    for sd in subdirs {
        let ds = lines(&sd.join("documents.json"))?;
        let es = lines(&sd.join("entities.json"))?;
        let rs = lines(&sd.join("relations.json"))?;
        for d in ds {
            let (Some(id), Some(text)) =
                (d.get("_id").and_then(Value::as_str), d.get("text").and_then(Value::as_str))
            else {
                continue;
            };
            let map = char_to_byte(text);
            let span = |b: Option<u64>, e: Option<u64>| -> Option<Span> {
                let (b, e) = (*map.get(b? as usize)?, *map.get(e? as usize)?);
                let s = text.get(b..e)?;
                // Trim surrounding whitespace, as the spans sometimes carry it.
                let lead = s.len() - s.trim_start().len();
                let trail = s.len() - s.trim_end().len();
                (e - trail > b + lead).then_some(Span::new(b + lead, e - trail))
            };
            let conf = |v: &Value| v.get("confidence").and_then(Value::as_f64).unwrap_or(0.0);
            let entities = es
                .iter()
                .filter(|e| {
                    e.get("documentId").and_then(Value::as_str) == Some(id) && conf(e) >= 0.5
                })
                .filter_map(|e| {
                    let t = e.get("type")?.as_str()?;
                    if !matches!(t, "Person" | "Organisation" | "Location" | "Nationality") {
                        return None;
                    }
                    Some((span(e.get("begin")?.as_u64(), e.get("end")?.as_u64())?, t.to_string()))
                })
                .collect();
            let spans = es
                .iter()
                .filter(|e| {
                    e.get("documentId").and_then(Value::as_str) == Some(id) && conf(e) >= 0.5
                })
                .filter_map(|e| span(e.get("begin")?.as_u64(), e.get("end")?.as_u64()))
                .collect();
            let mut relations: Vec<(String, Span, Span)> = Vec::new();
            let found = rs
                .iter()
                .filter(|r| {
                    r.get("documentId").and_then(Value::as_str) == Some(id) && conf(r) >= 0.5
                })
                .filter_map(|r| {
                    let t = r.get("type")?.as_str()?;
                    if !TYPES.contains(&t) {
                        return None;
                    }
                    let s = span(r.get("sourceBegin")?.as_u64(), r.get("sourceEnd")?.as_u64())?;
                    let o = span(r.get("targetBegin")?.as_u64(), r.get("targetEnd")?.as_u64())?;
                    Some((t.to_string(), s, o))
                });
            // A symmetric relation annotated in both directions is one fact: the scorer already
            // matches it either way, so the second copy could never be matched by the same
            // prediction and would count as a miss.
            for (t, s, o) in found {
                let twice = symmetric(&t)
                    && relations.iter().any(|(t2, s2, o2)| *t2 == t && *s2 == o && *o2 == s);
                if twice {
                    *dropped += 1;
                } else {
                    relations.push((t, s, o));
                }
            }
            docs.push(Doc {
                id: id.to_string(),
                text: text.to_string(),
                entities,
                spans,
                relations,
            });
        }
    }
    Ok(docs)
}

/// Our relations and events as re3d (type, source, target) triples.
pub fn predicted(a: &Analysis) -> Vec<(String, Span, Span)> {
    let mut out: Vec<(String, Span, Span)> = Vec::new();
    let mut push = |t: &str, s: Span, o: Span| {
        if s != o && !out.iter().any(|x| x.0 == t && x.1 == s && x.2 == o) {
            out.push((t.to_string(), s, o));
        }
    };
    for r in &a.relations {
        let t = match r.predicate {
            Predicate::Supports | Predicate::AlliedWith => "AlliesOf",
            Predicate::Fights | Predicate::RivalOf => "FightingAgainst",
            Predicate::MemberOf | Predicate::AffiliatedWith => "BelongsTo",
            Predicate::Leads | Predicate::Controls => "InChargeOf",
            Predicate::PresentIn | Predicate::LocatedIn => "CoLocated",
            Predicate::HoldsTitle => continue,
        };
        push(t, r.subject.span, r.object.span);
    }
    for e in &a.events {
        // Supporting and giving aid are one-off acts (`welcomed the agreement`, `provided
        // masks to`), not a standing alliance: only cooperation counts as one.
        let t = match e.category {
            EventCategory::Consult => "CommWith",
            EventCategory::Assault | EventCategory::Coerce => "FightingAgainst",
            EventCategory::Cooperate => "AlliesOf",
            _ => "",
        };
        if !t.is_empty() {
            let parties: Vec<Span> = e.actors.iter().map(|x| x.span).collect();
            for x in &e.actors {
                for y in &e.recipients {
                    push(t, x.span, y.span);
                }
            }
            // `X and Y discussed`: the parties talked with each other. A longer list (`talks
            // with the foreign ministers of A, B, C, D and E`) is a multilateral round, not a
            // conversation between every two of them.
            if t == "CommWith" && parties.len() <= 3 {
                for i in 0..parties.len() {
                    for j in i + 1..parties.len() {
                        push(t, parties[i], parties[j]);
                    }
                }
            }
        }
        // The place of a physical event holds its parties; the place of a speech act (an
        // accusation, a request, a statement of support) is that of what it is about.
        if matches!(
            e.category,
            EventCategory::Assault
                | EventCategory::Consult
                | EventCategory::Agree
                | EventCategory::Die
                | EventCategory::Aid
                | EventCategory::Mobilize
                | EventCategory::Cooperate
        ) {
            // A country or place taking part is a polity acting, not a thing placed there.
            let place = |s: Span| {
                a.mentions.iter().any(|m| {
                    m.span == s && matches!(m.label, MentionLabel::Gpe | MentionLabel::Loc)
                })
            };
            // An attacker need not be where its attack lands (air strikes, shelling, missiles
            // fired from another country's airspace, a bombing claimed from afar): only the
            // attacked are placed.
            let actors = if e.category == EventCategory::Assault { &[][..] } else { &e.actors[..] };
            for x in actors.iter().chain(e.recipients.iter()).filter(|x| !place(x.span)) {
                for p in &e.places {
                    push("CoLocated", x.span, p.span);
                }
            }
        }
        // Parties fighting together are allies (`X, Y and Z launched the offensive`).
        if e.category == EventCategory::Assault {
            for i in 0..e.actors.len() {
                for j in i + 1..e.actors.len() {
                    push("AlliesOf", e.actors[i].span, e.actors[j].span);
                }
            }
        }
        // `X and Y agreed`, `an agreement between X and Y`: the parties to an agreement talked
        // with each other (not with what they agreed on: `committed to supporting X`).
        if e.category == EventCategory::Agree {
            for i in 0..e.actors.len() {
                for j in i + 1..e.actors.len() {
                    push("CommWith", e.actors[i].span, e.actors[j].span);
                }
            }
        }
        // `X told Y`: a statement addressed to someone.
        if e.category == EventCategory::Statement {
            for x in &e.actors {
                for y in &e.recipients {
                    push("CommWith", x.span, y.span);
                }
            }
        }
    }
    out
}

fn rel_match(g: &(String, Span, Span), p: &(String, Span, Span), exact: bool) -> bool {
    if g.0 != p.0 {
        return false;
    }
    let m = |a: Span, b: Span| if exact { a == b } else { a.overlaps(b) };
    (m(g.1, p.1) && m(g.2, p.2)) || (symmetric(&g.0) && m(g.1, p.2) && m(g.2, p.1))
}

fn label_ok(gold: &str, ours: MentionLabel) -> bool {
    matches!(
        (gold, ours),
        ("Person", MentionLabel::Person)
            | ("Organisation", MentionLabel::Org)
            | ("Location", MentionLabel::Gpe | MentionLabel::Loc)
            | ("Nationality", MentionLabel::Norp)
            | ("Organisation", MentionLabel::Gpe)
    )
}

pub fn run(dir: &Path, analyzer: &Analyzer) -> Result<Vec<Report>, EvalError> {
    let mut dropped = 0;
    let docs = read(dir, &mut dropped)?;
    let mut out = vec![score(&docs, analyzer, false)];
    out[0].line(format!(
        "({dropped} symmetric gold relations annotated in both directions are counted once)"
    ));
    let mut oracle = score(&docs, analyzer, true);
    oracle.line("(with re3d's own Person/Organisation/Location/Nationality spans as mentions in place of entity recognition)");
    out.push(oracle);
    Ok(out)
}

/// One line per missed gold relation (`miss`), per matched one (`tp`) and per false positive
/// (`fp`): block, kind, type, source, target, the sentence around them, the document.
fn dump_doc(
    out: &mut (String, String),
    d: &Doc,
    a: &Analysis,
    pred: &[(String, Span, Span)],
    oracle: bool,
) {
    let block = if oracle { "gold" } else { "e2e" };
    let t = |s: Span| d.text.get(s.start..s.end).unwrap_or("").replace(['\n', '\t'], " ");
    let ctx = |x: Span, y: Span| {
        let lo = x.start.min(y.start);
        let hi = x.end.max(y.end);
        let first = a.sentences.iter().find(|s| s.span.end > lo).map_or(lo, |s| s.span.start);
        let last = a.sentences.iter().rev().find(|s| s.span.start < hi).map_or(hi, |s| s.span.end);
        d.text.get(first.min(lo)..last.max(hi)).unwrap_or("").replace(['\n', '\t'], " ")
    };
    let mut used = vec![false; pred.len()];
    for g in &d.relations {
        let (kind, s, o) =
            match (0..pred.len()).find(|&k| !used[k] && rel_match(g, &pred[k], false)) {
                Some(k) => {
                    used[k] = true;
                    ("tp", pred[k].1, pred[k].2)
                }
                None => ("miss", g.1, g.2),
            };
        out.1.push_str(&format!(
            "{block}\t{kind}\t{}\t{}\t{}\t{}\t{}\n",
            g.0,
            t(s),
            t(o),
            ctx(s, o),
            d.id
        ));
    }
    for (k, p) in pred.iter().enumerate() {
        if !used[k] {
            out.1.push_str(&format!(
                "{block}\tfp\t{}\t{}\t{}\t{}\t{}\n",
                p.0,
                t(p.1),
                t(p.2),
                ctx(p.1, p.2),
                d.id
            ));
        }
    }
}

fn score(docs: &[Doc], analyzer: &Analyzer, oracle: bool) -> Report {
    let mut rep = Report::new("relations", if oracle { "re3d-gold-mentions" } else { "re3d" });
    let mut rel = Prf::default();
    let mut rel_exact = Prf::default();
    let mut per_type: std::collections::BTreeMap<String, Prf> = Default::default();
    let mut ent = Prf::default();
    let mut ent_untyped = Prf::default();
    let mut missed: std::collections::BTreeMap<(String, &'static str), usize> = Default::default();
    let mut unscored = 0usize;
    let mut examples = Table::new(["type", "source", "target", "why missed"]);
    let mut shown = 0usize;
    // `SITREP_RE3D_MISSES=N` shows N missed relations in place of 60 (for error analysis).
    let show = std::env::var("SITREP_RE3D_MISSES").ok().and_then(|x| x.parse().ok()).unwrap_or(60);
    // `SITREP_RE3D_DUMP=FILE` appends every miss and false positive of this block with its
    // sentence (tab-separated) to FILE, for error analysis.
    let mut dump = std::env::var("SITREP_RE3D_DUMP").ok().map(|p| (p, String::new()));
    for d in docs {
        let doc = Document {
            id: Document::compute_id(&d.id, &d.text),
            source: d.id.clone(),
            source_id: Some(d.id.clone()),
            url: None,
            title: None,
            published: None,
            published_source: None,
            language: Some("en".into()),
            text: d.text.clone(),
            zones: Vec::new(),
            metadata: serde_json::Map::new(),
        };
        let a = if oracle {
            let gold: Vec<crate::oracle::GoldMention> = d
                .entities
                .iter()
                .map(|(s, t)| crate::oracle::GoldMention {
                    span: *s,
                    label: match t.as_str() {
                        "Person" => MentionLabel::Person,
                        "Organisation" => MentionLabel::Org,
                        "Nationality" => MentionLabel::Norp,
                        _ => MentionLabel::Gpe,
                    },
                })
                .collect();
            crate::oracle::analyze_with_mentions(analyzer, &doc, &gold)
        } else {
            analyzer.analyze(&doc)
        };
        // Entities: unique gold spans with their types.
        let mut gold_spans: Vec<(Span, Vec<&str>)> = Vec::new();
        for (s, t) in &d.entities {
            match gold_spans.iter_mut().find(|(x, _)| x == s) {
                Some((_, ts)) => ts.push(t),
                None => gold_spans.push((*s, vec![t])),
            }
        }
        let ours: Vec<(Span, MentionLabel)> = a
            .mentions
            .iter()
            .filter(|m| m.label != MentionLabel::Title)
            .map(|m| (m.span, m.label))
            .collect();
        let typed_tp = gold_spans
            .iter()
            .filter(|(s, ts)| {
                ours.iter().any(|(o, l)| o == s && ts.iter().any(|t| label_ok(t, *l)))
            })
            .count();
        let span_tp = gold_spans.iter().filter(|(s, _)| ours.iter().any(|(o, _)| o == s)).count();
        ent.add(Prf::new(
            typed_tp,
            ours.len() - typed_tp.min(ours.len()),
            gold_spans.len() - typed_tp,
        ));
        ent_untyped.add(Prf::new(
            span_tp,
            ours.len() - span_tp.min(ours.len()),
            gold_spans.len() - span_tp,
        ));
        // Relations. One whose two arguments lie inside one annotated mention (`Palmyra, Syria`,
        // `The Members of the Security Council`, `the Coalition's Small Group` are each one
        // re3d entity) is not scored: re3d relates its mentions, so it cannot annotate a
        // relation inside one.
        let (pred, inside): (Vec<_>, Vec<_>) = predicted(&a).into_iter().partition(|p| {
            !d.spans
                .iter()
                .any(|s| s.start <= p.1.start.min(p.2.start) && p.1.end.max(p.2.end) <= s.end)
        });
        unscored += inside.len();
        // Why gold relations are missed (overlapping spans): an argument we have no mention
        // for, a relation of another type between the two, or none at all.
        for g in &d.relations {
            if pred.iter().any(|p| rel_match(g, p, false)) {
                continue;
            }
            let has = |s: Span| a.mentions.iter().any(|m| m.span.overlaps(s));
            let bucket = match (has(g.1), has(g.2)) {
                (false, false) => "neither argument is a mention of ours",
                (false, true) => "the source is no mention of ours",
                (true, false) => "the target is no mention of ours",
                (true, true) => {
                    let other = pred.iter().any(|p| {
                        p.0 != g.0
                            && ((p.1.overlaps(g.1) && p.2.overlaps(g.2))
                                || (p.1.overlaps(g.2) && p.2.overlaps(g.1)))
                    });
                    if other {
                        "both are mentions; a relation of another type between them"
                    } else {
                        "both are mentions; no relation between them"
                    }
                }
            };
            *missed.entry((g.0.clone(), bucket)).or_default() += 1;
            if shown < show && !oracle {
                shown += 1;
                let t = |s: Span| d.text.get(s.start..s.end).unwrap_or("").replace('\n', " ");
                let why = if show > 60 {
                    // Error analysis: the text between the two arguments, with some context.
                    let lo = g.1.start.min(g.2.start).saturating_sub(60);
                    let hi = (g.1.end.max(g.2.end) + 40).min(d.text.len());
                    let ctx = (lo..=g.1.start.min(g.2.start))
                        .find(|&x| d.text.is_char_boundary(x))
                        .zip((hi..=d.text.len()).find(|&x| d.text.is_char_boundary(x)))
                        .and_then(|(x, y)| d.text.get(x..y))
                        .unwrap_or("");
                    format!("{bucket} || {}", ctx.replace('\n', " "))
                } else {
                    bucket.to_string()
                };
                examples.row([g.0.clone(), t(g.1), t(g.2), why]);
            }
        }
        if let Some(out) = dump.as_mut() {
            dump_doc(out, d, &a, &pred, oracle);
        }
        for (exact, acc) in [(false, &mut rel), (true, &mut rel_exact)] {
            let mut used = vec![false; pred.len()];
            let mut tp = 0;
            for g in &d.relations {
                if let Some(k) =
                    (0..pred.len()).find(|&k| !used[k] && rel_match(g, &pred[k], exact))
                {
                    used[k] = true;
                    tp += 1;
                    if !exact {
                        per_type.entry(g.0.clone()).or_default().tp += 1;
                    }
                } else if !exact {
                    per_type.entry(g.0.clone()).or_default().fn_ += 1;
                }
            }
            if !exact {
                for (k, p) in pred.iter().enumerate() {
                    if !used[k] {
                        per_type.entry(p.0.clone()).or_default().fp += 1;
                    }
                }
            }
            acc.add(Prf::new(tp, pred.len() - tp, d.relations.len() - tp));
        }
    }
    if let Some((path, text)) = dump {
        use std::io::Write;
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .and_then(|mut f| f.write_all(text.as_bytes()));
        if let Err(e) = written {
            rep.line(format!("(could not write {path}: {e})"));
        }
    }
    rep.line(format!(
        "re3d ({}): {} documents",
        if oracle { "gold mentions" } else { "end to end" },
        docs.len()
    ));
    let mut t = Table::prf();
    t.prf_row("relations (overlapping spans)", &rel);
    t.prf_row("relations (exact spans)", &rel_exact);
    for (ty, p) in &per_type {
        t.prf_row(&format!("  {ty}"), p);
    }
    t.prf_row("entities (exact span, type)", &ent);
    t.prf_row("entities (exact span)", &ent_untyped);
    rep.table(&t);
    let all = Prf::new(rel.tp, rel.fp + unscored, rel.fn_);
    rep.line(format!(
        "({unscored} predicted relations inside one annotated mention are not scored; counted as \
         false positives, relation F1 would be {:.4})",
        all.f1()
    ));
    rep.line("Missed gold relations by type and reason:");
    let mut mt = Table::new(["type", "reason", "missed"]);
    for ((ty, why), c) in &missed {
        mt.row([ty.clone(), why.to_string(), c.to_string()]);
    }
    rep.table(&mt);
    if !oracle {
        rep.line("Some missed gold relations:");
        rep.table(&examples);
    }
    rep.summary.insert("relation_f1".into(), round4(rel.f1()));
    rep.summary.insert("relation_precision".into(), round4(rel.precision()));
    rep.summary.insert("relation_recall".into(), round4(rel.recall()));
    rep.summary.insert("relation_exact_f1".into(), round4(rel_exact.f1()));
    rep.summary.insert("relation_f1_inside_scored".into(), round4(all.f1()));
    rep.summary.insert("entity_f1".into(), round4(ent.f1()));
    rep.summary.insert("entity_span_f1".into(), round4(ent_untyped.f1()));
    rep
}

#[cfg(test)]
mod tests {
    use super::*;
    use types::{Argument, Event};

    /// Argument `k`: a one-byte span at byte `2k`.
    fn arg(k: usize) -> Argument {
        Argument { entity: None, span: Span { start: 2 * k, end: 2 * k + 1 }, text: "x".into() }
    }

    /// An event of `category` with no parties yet.
    fn event(category: EventCategory) -> Event {
        serde_json::from_value(serde_json::json!({
            "category": category,
            "trigger": {"start": 100, "end": 101},
            "sentence": 0,
        }))
        .expect("an event")
    }

    /// An event of `category` whose actors are `n` parties (one-byte spans 0, 2, 4, ...), and
    /// how many CommWith triples `predicted` makes of it.
    fn check(category: EventCategory, n: usize, expect: usize) {
        let mut e = event(category);
        e.actors = (0..n).map(arg).collect();
        let a = Analysis { events: vec![e], ..Analysis::default() };
        let got = predicted(&a).iter().filter(|x| x.0 == "CommWith").count();
        assert_eq!(got, expect, "{category:?} with {n} parties");
    }

    /// How many CoLocated triples `predicted` makes of an event of `category` with one actor,
    /// one recipient and one place.
    fn placed(category: EventCategory) -> usize {
        let mut e = event(category);
        e.actors = vec![arg(0)];
        e.recipients = vec![arg(1)];
        e.places = vec![arg(2)];
        let a = Analysis { events: vec![e], ..Analysis::default() };
        predicted(&a).iter().filter(|x| x.0 == "CoLocated").count()
    }

    #[test]
    fn attackers_are_not_placed() {
        // category, CoLocated triples (actor and recipient with the place)
        let cases = [
            (EventCategory::Consult, 2),
            (EventCategory::Die, 2),
            // An air strike's place is where it lands: only the attacked are there.
            (EventCategory::Assault, 1),
            (EventCategory::Statement, 0),
        ];
        for (c, expect) in cases {
            assert_eq!(placed(c), expect, "{c:?}");
        }
    }

    #[test]
    fn talks_pair_up_only_a_few_parties() {
        // category, parties, CommWith pairs
        let cases = [
            (EventCategory::Consult, 2, 1),
            (EventCategory::Consult, 3, 3),
            // `talks with the foreign ministers of A, B, C, D and E`: a multilateral round.
            (EventCategory::Consult, 6, 0),
            (EventCategory::Agree, 2, 1),
            (EventCategory::Assault, 3, 0),
        ];
        for (c, n, expect) in cases {
            check(c, n, expect);
        }
    }
}
