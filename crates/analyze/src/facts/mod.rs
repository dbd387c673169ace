//! Events (PLOVER categories plus DIE, DISASTER, STATEMENT) and standing relations, with
//! modality, attribution and evidence.
//!
//! The finder reads each non-furniture sentence once through a hashed lexicon ([`lexicon`]):
//! trigger words choose a category and mode; clause-level argument finding over tokens
//! ([`view`]) takes the subject before the verb and the object after it (passive voice,
//! relative clauses, coordination, `between`/`with`/`by`/`on`/`in` phrases); cue words set the
//! modality; complements are absorbed by the trigger that takes them. Then document-level
//! passes resolve what one sentence cannot: pronouns left unresolved by coreference, `the two
//! men`, `Haftar's forces` (the group Haftar leads), dates relative to other events, implied
//! events (`the first meeting since 2019`), and re-reports of one event in the same article
//! (their arguments, date and place are completed from each other so that they share a key).

mod dates;
mod events;
pub mod lexicon;
mod relations;
mod sense;
mod view;

#[cfg(test)]
mod discourse_tests;
#[cfg(test)]
mod sense_tests;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use gazetteer::Gazetteer;
use types::{
    Analysis, Argument, Document, Event, EventCategory, MentionLabel, Modality, Predicate,
    Relation, Span, TimeValue,
};

use crate::text::Segmentation;
use events::{Found, SentenceFacts};
use lexicon::wc;
use view::View;

pub use dates::bounds as date_bounds;

/// One event as the document-level passes see it.
#[derive(Debug, Clone)]
struct Rec {
    ev: Event,
    /// For a STATEMENT: index in `recs` of what it is about.
    about: Option<usize>,
    count_args: Option<usize>,
    statement_anchor: Option<usize>,
    /// Its subject was `it`, the event just told (`it failed to overcome`).
    anaphoric: bool,
}

/// What earlier sentences offer as antecedents.
#[derive(Debug, Default)]
struct Discourse {
    prev_person: Option<u32>,
    prev_org: Option<u32>,
    /// (sentence, category) of recent events.
    recent: Vec<(u32, EventCategory)>,
    /// The last speaker (`X said`): its sentence and entity, `None` for an unnamed one (`the
    /// report said`, `a spokesman said`).
    speaker: Option<(u32, Option<u32>)>,
    reference: Option<NaiveDate>,
}

/// Events and relations stated in the document.
pub fn extract(
    doc: &Document,
    seg: &Segmentation,
    analysis: &Analysis,
    _gazetteer: &Gazetteer,
) -> (Vec<Event>, Vec<Relation>) {
    let text = doc.text.as_str();
    let published = doc.published.map(|p| p.date);
    let mut order: Vec<u32> = (0..analysis.mentions.len() as u32).collect();
    order.sort_by_key(|&m| analysis.mentions[m as usize].span.start);
    let mut tx_order: Vec<u32> = (0..analysis.timexes.len() as u32).collect();
    tx_order.sort_by_key(|&t| analysis.timexes[t as usize].span.start);
    let mut tx_cursor = 0usize;
    let mut cursor = 0usize;
    let mut view = View::default();
    let mut recs: Vec<Rec> = Vec::new();
    let mut relations: Vec<Relation> = Vec::new();
    let mut owned: Vec<(Span, u32)> = Vec::new();
    let mut disc = Discourse::default();
    let mut sent_timexes: Vec<u32> = Vec::new();
    for (si, sentence) in seg.sentences.iter().enumerate() {
        let toks = seg.tokens_of(si);
        // Time expressions of this sentence.
        sent_timexes.clear();
        while tx_cursor < tx_order.len()
            && analysis.timexes[tx_order[tx_cursor] as usize].span.start < sentence.span.start
        {
            tx_cursor += 1;
        }
        let mut k = tx_cursor;
        while k < tx_order.len()
            && analysis.timexes[tx_order[k] as usize].span.start < sentence.span.end
        {
            sent_timexes.push(tx_order[k]);
            k += 1;
        }
        if toks.is_empty() || doc.in_furniture(sentence.span) || shouting(text, sentence.span) {
            continue;
        }
        view.load(text, toks, si as u32, analysis, &order, &mut cursor);
        let mut sf = events::sentence_events(&view, analysis);
        resolve_pronouns(&view, analysis, &mut sf, &disc);
        dates::date_sentence(
            &view,
            analysis,
            &mut sf,
            &sent_timexes,
            published,
            &mut disc.reference,
        );
        let before = relations.len();
        relations::sentence_relations(
            &view,
            analysis,
            &sent_timexes,
            published,
            &mut relations,
            &mut owned,
        );
        resolve_relation_pronouns(&view, analysis, &mut relations[before..], &disc);
        collect(&view, sf, &mut recs, &mut owned, &mut disc, analysis);
        end_sentence(&view, analysis, &mut disc);
    }
    // Document-level passes.
    title_relations(analysis, published, &mut relations);
    resolve_owned(analysis, &owned, &relations, &mut recs);
    resolve_owned_relations(analysis, &owned, &mut relations);
    resolve_counts(&mut recs);
    cluster(&mut recs, published);
    date_statements(&mut recs, published);
    death_ends_relations(&recs, &mut relations);
    // Nothing from furniture, and no argument that is furniture (a photo credit).
    let furniture = |a: &Argument| doc.in_furniture(a.span);
    let mut events: Vec<Event> = Vec::with_capacity(recs.len());
    let mut index: Vec<Option<u32>> = vec![None; recs.len()];
    for (i, r) in recs.iter().enumerate() {
        let mut ev = r.ev.clone();
        ev.actors.retain(|a| !furniture(a));
        ev.recipients.retain(|a| !furniture(a));
        ev.with.retain(|a| !furniture(a));
        ev.places.retain(|a| !furniture(a));
        if ev.actors.is_empty()
            && ev.recipients.is_empty()
            && ev.places.is_empty()
            && ev.date.is_none()
        {
            continue;
        }
        index[i] = Some(events.len() as u32);
        events.push(ev);
    }
    // `about` indices into the final list.
    let mut k = 0;
    for (i, r) in recs.iter().enumerate() {
        if index[i].is_none() {
            continue;
        }
        if let Some(t) = r.about {
            events[k].about = index.get(t).copied().flatten();
        }
        k += 1;
    }
    relations.retain(|r| !furniture(&r.subject) && !furniture(&r.object));
    (events, relations)
}

/// An all-capitals line (old wire headlines): case tells nothing about names there, so no facts
/// are read from it.
fn shouting(text: &str, span: Span) -> bool {
    let s = text.get(span.start..span.end).unwrap_or("");
    let (mut upper, mut letters) = (0usize, 0usize);
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper += c.is_uppercase() as usize;
    }
    letters >= 12 && upper * 10 >= letters * 8
}

/// Pronouns that coreference left without an entity: the speaker of a reported clause, the first
/// person (or organisation) of the sentence, or of the sentence before; `it` as the subject of
/// an event of a kind just reported is that event (the argument is dropped).
fn resolve_pronouns(v: &View, a: &Analysis, sf: &mut SentenceFacts, disc: &Discourse) {
    let speaker: Option<(Span, Option<u32>)> =
        sf.statements.iter().find_map(|(st, _)| st.actors.first().map(|s| (s.span, s.entity)));
    let first_of = |labels: &[MentionLabel], before: usize| -> Option<u32> {
        (0..v.len())
            .filter(|&x| v.toks[x].span.start < before)
            .find_map(|x| v.toks[x].m.filter(|&m| labels.contains(&a.mentions[m as usize].label)))
    };
    let entity_label = |e: Option<u32>| -> Option<MentionLabel> {
        let e = a.entities.get(e? as usize)?;
        Some(e.etype.into())
    };
    // `..., the company said. It said ...`: a pronoun speaker continues the last speaker, named
    // or not (`The report says ... It says ...` leaves `it` unresolved, not some other name).
    let continued: Option<(Span, Option<u32>)> = sf.statements.iter().find_map(|(st, _)| {
        let src = st.actors.first().filter(|s| s.entity.is_none())?;
        let tok = (0..v.len()).find(|&x| v.toks[x].span == src.span)?;
        let personal = v.toks[tok].is(wc::PERSONAL);
        let (sent, last) = disc.speaker?;
        let fits = |e: u32| (entity_label(Some(e)) == Some(MentionLabel::Person)) == personal;
        (v.toks[tok].is(wc::PRON) && sent + 2 >= v.sentence && last.is_none_or(fits))
            .then_some((src.span, last))
    });
    for f in sf.found.iter_mut() {
        // `They discussed`: a meeting's parties are several, whoever one entity `they` was
        // resolved to; left to the event's other reports.
        // With another party named (`they would meet X`), `they` is the other side and stays.
        let they = |x: &Argument| {
            matches!(x.text.to_ascii_lowercase().as_str(), "they" | "them" | "their")
        };
        if f.ev.category == EventCategory::Consult
            && f.ev.actors.iter().all(&they)
            && f.ev.recipients.is_empty()
        {
            f.ev.actors.retain(|x| !they(x));
        }
        let prons = std::mem::take(&mut f.pronouns);
        for (tok, role) in prons {
            let span = v.toks[tok].span;
            let personal = v.toks[tok].is(wc::PERSONAL);
            let plural = v.toks[tok].is(wc::PLURAL);
            let mut entity: Option<u32> = None;
            let same_speaker = continued.filter(|c| c.0 == span);
            if let Some((_, last)) = same_speaker {
                entity = last;
            } else if let Some((sspan, sent)) = speaker
                && sspan.start != span.start
                && sent.is_some()
            {
                let l = entity_label(sent);
                let ok = match l {
                    Some(MentionLabel::Person) => personal,
                    Some(_) => !personal,
                    None => false,
                };
                if ok {
                    entity = sent;
                }
            }
            if entity.is_none() && same_speaker.is_none() {
                let m = if personal {
                    first_of(&[MentionLabel::Person], span.start).or(disc.prev_person)
                } else if v.eq(tok, "it")
                    && role == 0
                    && disc.recent.iter().any(|&(s, c)| c == f.ev.category && s + 2 >= v.sentence)
                {
                    f.anaphoric = true;
                    None
                } else if plural {
                    None
                } else {
                    first_of(&[MentionLabel::Org, MentionLabel::Gpe], span.start).or(disc.prev_org)
                };
                entity = m.and_then(|m| a.mentions[m as usize].entity);
            }
            let list = match role {
                0 => &mut f.ev.actors,
                1 => &mut f.ev.recipients,
                _ => &mut f.ev.with,
            };
            if let Some(e) = entity {
                for arg in list.iter_mut().filter(|x| x.span == span) {
                    arg.entity = Some(e);
                }
                // The same entity twice (`he met him`) stays once.
                let mut seen = Vec::new();
                list.retain(|x| match x.entity {
                    Some(e) if seen.contains(&e) => false,
                    Some(e) => {
                        seen.push(e);
                        true
                    }
                    None => true,
                });
            } else {
                list.retain(|x| x.span != span);
            }
        }
    }
    // A pronoun source of a statement (`he told reporters`).
    for (st, _) in sf.statements.iter_mut() {
        if let Some(src) = st.actors.first_mut()
            && src.entity.is_none()
            && let Some(tok) = (0..v.len()).find(|&x| v.toks[x].span == src.span)
            && v.toks[tok].is(wc::PRON | wc::POSS)
        {
            if let Some((span, last)) = continued
                && span == src.span
            {
                src.entity = last;
            } else {
                let m = if v.toks[tok].is(wc::PERSONAL) {
                    first_of(&[MentionLabel::Person], src.span.start).or(disc.prev_person)
                } else {
                    first_of(&[MentionLabel::Org, MentionLabel::Gpe], src.span.start)
                        .or(disc.prev_org)
                };
                src.entity = m.and_then(|m| a.mentions[m as usize].entity);
            }
        }
        // An unresolved pronoun is no source; a description is (`Witnesses said`, `Police
        // said`: the source the article gives).
        st.actors.retain(|s| {
            s.entity.is_some()
                || !s.text.chars().all(|c| c.is_alphabetic())
                || s.text.split_whitespace().count() > 1
                || (0..v.len()).find(|&x| v.toks[x].span == s.span).is_some_and(|x| {
                    !v.toks[x].is(wc::PRON | wc::POSS) && v.toks[x].sector.is_some()
                })
        });
    }
}

/// `his ... group`: a pronoun argument of a relation, resolved as for events (the first person of
/// the sentence before it, or of the sentence before); unresolved ones stay without an entity.
fn resolve_relation_pronouns(v: &View, a: &Analysis, rels: &mut [Relation], disc: &Discourse) {
    for r in rels.iter_mut() {
        for arg in [&mut r.subject, &mut r.object] {
            if arg.entity.is_some() {
                continue;
            }
            let Some(tok) = (0..v.len()).find(|&x| v.toks[x].span == arg.span) else { continue };
            if !v.toks[tok].is(wc::PRON | wc::POSS) {
                continue;
            }
            let labels: &[MentionLabel] = if v.toks[tok].is(wc::PERSONAL) {
                &[MentionLabel::Person]
            } else {
                &[MentionLabel::Org, MentionLabel::Gpe]
            };
            let m = (0..tok)
                .find_map(|x| {
                    v.toks[x].m.filter(|&m| labels.contains(&a.mentions[m as usize].label))
                })
                .or(if v.toks[tok].is(wc::PERSONAL) { disc.prev_person } else { disc.prev_org });
            arg.entity = m.and_then(|m| a.mentions[m as usize].entity);
        }
    }
}

/// Keeps the sentence's events: drops absorbed, habitual and anaphoric mentions; adds implied
/// events; appends STATEMENT events.
fn collect(
    v: &View,
    sf: SentenceFacts,
    recs: &mut Vec<Rec>,
    owned: &mut Vec<(Span, u32)>,
    disc: &mut Discourse,
    a: &Analysis,
) {
    let base = recs.len();
    let mut local: Vec<Option<usize>> = vec![None; sf.found.len()];
    // Principal events first (`events::principal_order`), so a sentence's first event is its
    // main one.
    let order = events::principal_order(v, &sf.found);
    let mut found: Vec<Option<Found>> = sf.found.into_iter().map(Some).collect();
    for x in order {
        let Some(f) = found.get_mut(x).and_then(Option::take) else { continue };
        let Found {
            ev,
            absorbed,
            habitual,
            verb,
            definite,
            has_own_args,
            since_timex,
            count_args,
            possessed,
            anaphoric,
            ..
        } = f;
        if absorbed || habitual {
            continue;
        }
        if !verb && definite && !has_own_args && since_timex.is_none() && ev.places.is_empty() {
            // `the offensive`: a mention of an event told before.
            continue;
        }
        if ev.category == EventCategory::Statement {
            continue;
        }
        owned.extend(possessed);
        disc.recent.push((v.sentence, ev.category));
        local[x] = Some(recs.len());
        let implied = since_timex.map(|ti| {
            let mut imp = ev.clone();
            imp.implied = true;
            imp.modality = Modality::Asserted;
            imp.date = Some(dates::value_of(&a.timexes[ti as usize], ti));
            imp
        });
        recs.push(Rec { ev, about: None, count_args, statement_anchor: None, anaphoric });
        if let Some(imp) = implied {
            recs.push(Rec {
                ev: imp,
                about: None,
                count_args,
                statement_anchor: None,
                anaphoric: false,
            });
        }
    }
    for (st, about) in sf.statements {
        if st.actors.is_empty() {
            continue;
        }
        let about = about.and_then(|x| local.get(x).copied().flatten());
        recs.push(Rec {
            ev: st,
            about,
            count_args: None,
            statement_anchor: about,
            anaphoric: false,
        });
    }
    let _ = base;
}

fn end_sentence(v: &View, a: &Analysis, disc: &mut Discourse) {
    let first = |labels: &[MentionLabel]| {
        (0..v.len())
            .find_map(|x| v.toks[x].m.filter(|&m| labels.contains(&a.mentions[m as usize].label)))
    };
    if let Some(p) = first(&[MentionLabel::Person]) {
        disc.prev_person = Some(p);
    }
    if let Some(o) = first(&[MentionLabel::Org, MentionLabel::Gpe]) {
        disc.prev_org = Some(o);
    }
    disc.recent.retain(|&(s, _)| s + 3 >= v.sentence);
    if let Some(who) = sentence_speaker(v, a) {
        disc.speaker = Some((v.sentence, who));
    }
}

/// The speaker of the sentence: the subject of `X said ...` at its start or of `..., X said.`
/// at its end. `Some(None)` for an unnamed speaker (`the report says`, `officials said`);
/// `None` when the sentence has no speaker or the speaker is a pronoun (which continues the
/// speaker before).
fn sentence_speaker(v: &View, a: &Analysis) -> Option<Option<u32>> {
    let n = v.len();
    let say = |k: usize| v.toks[k].is(wc::REPORT) && v.toks[k].m.is_none();
    let trailing = (0..n).rev().take(8).find(|&k| say(k)).and_then(|k| {
        let c = (0..k).rev().take(8).find(|&c| v.toks[c].punct)?;
        (matches!(v.word(c), "," | "\u{201d}" | "\"") && c + 1 < k).then_some((c + 1, k))
    });
    let leading = || {
        let k = (0..n).take(9).find(|&k| say(k) || v.toks[k].punct)?;
        (say(k) && k > 0).then_some((0, k))
    };
    let (from, to) = trailing.or_else(leading)?;
    if (from..to).any(|x| v.toks[x].is(wc::PRON)) {
        return None;
    }
    let named = (from..to).rev().find_map(|x| {
        let m = v.toks[x].m?;
        let label = a.mentions[m as usize].label;
        (label != MentionLabel::Title).then(|| a.mentions[m as usize].entity)
    });
    if let Some(e) = named {
        return Some(e);
    }
    let head = to - 1;
    if !v.word(head).chars().next().is_some_and(char::is_lowercase) {
        return None;
    }
    // A definite description coreference did not resolve (`the minister said`) says nothing
    // new; a document (`the report says`), a plural (`(the) officials said`) or an indefinite
    // (`a spokesman said`) is an unnamed speaker.
    let w = v.word(head);
    let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
    if v.eq_any(from, &["the", "this"]) && !v.toks[head].is(wc::DOCNOUN) && !plural {
        return None;
    }
    Some(None)
}

/// HOLDS_TITLE from the titles coreference found (and LEADS for leadership titles of a group).
fn title_relations(a: &Analysis, published: Option<NaiveDate>, out: &mut Vec<Relation>) {
    let mention_of = |e: u32, near: Span| -> Option<Argument> {
        let ent = a.entities.get(e as usize)?;
        let pick =
            ent.mentions.iter().filter_map(|&m| a.mentions.get(m as usize)).min_by_key(|m| {
                (
                    if near.contains(m.span) || m.span.overlaps(near) { 0 } else { 1 },
                    m.span.start.abs_diff(near.start),
                )
            })?;
        Some(Argument { entity: Some(e), span: pick.span, text: pick.text.clone() })
    };
    let p = published.map(|d| TimeValue {
        value: d.format("%Y-%m-%d").to_string(),
        timex: None,
        approx: false,
    });
    for t in &a.titles {
        let Some(of) = t.of else { continue };
        let (Some(s), Some(o)) = (mention_of(t.person, t.evidence), mention_of(of, t.evidence))
        else {
            continue;
        };
        out.push(Relation {
            subject: s.clone(),
            predicate: Predicate::HoldsTitle,
            object: o.clone(),
            title: Some(t.title.clone()),
            valid_from: p.clone(),
            valid_to: p.clone(),
            evidence: t.evidence,
            sentence: t.sentence,
        });
        let lower = t.title.to_ascii_lowercase();
        let lead = ["leader", "head", "chief", "commander", "founder", "chairman"]
            .iter()
            .any(|w| lower.split_whitespace().any(|x| x == *w));
        let org = a.entities.get(of as usize).is_some_and(|e| e.etype == types::EntityType::Org);
        if lead
            && org
            && !out.iter().any(|r| {
                r.predicate == Predicate::Leads
                    && r.subject.entity == s.entity
                    && r.object.entity == o.entity
            })
        {
            out.push(Relation {
                subject: s,
                predicate: Predicate::Leads,
                object: o,
                title: Some(t.title.clone()),
                valid_from: p.clone(),
                valid_to: p.clone(),
                evidence: t.evidence,
                sentence: t.sentence,
            });
        }
    }
}

/// The group a person leads, from LEADS relations to organisations.
fn led_group(a: &Analysis, relations: &[Relation], person: u32) -> Option<u32> {
    relations.iter().find_map(|r| {
        (r.predicate == Predicate::Leads && r.subject.entity == Some(person))
            .then_some(r.object.entity)
            .flatten()
            .filter(|&o| {
                a.entities.get(o as usize).is_some_and(|e| e.etype == types::EntityType::Org)
            })
    })
}

/// `Haftar's forces`, `whose forces`: the group the possessor leads, when the text says which.
fn resolve_owned(a: &Analysis, owned: &[(Span, u32)], relations: &[Relation], recs: &mut [Rec]) {
    if owned.is_empty() {
        return;
    }
    for r in recs.iter_mut() {
        for arg in
            r.ev.actors.iter_mut().chain(r.ev.recipients.iter_mut()).chain(r.ev.with.iter_mut())
        {
            if arg.entity.is_some() {
                continue;
            }
            if let Some(&(_, p)) = owned.iter().find(|(s, _)| *s == arg.span)
                && let Some(pe) = a.mentions.get(p as usize).and_then(|m| m.entity)
            {
                arg.entity = led_group(a, relations, pe);
            }
        }
    }
}

fn resolve_owned_relations(a: &Analysis, owned: &[(Span, u32)], relations: &mut Vec<Relation>) {
    if owned.is_empty() {
        return;
    }
    let snapshot: Vec<Relation> = relations.to_vec();
    for r in relations.iter_mut() {
        for arg in [&mut r.subject, &mut r.object] {
            if arg.entity.is_some() {
                continue;
            }
            if let Some(&(_, p)) = owned.iter().find(|(s, _)| *s == arg.span)
                && let Some(pe) = a.mentions.get(p as usize).and_then(|m| m.entity)
            {
                arg.entity = led_group(a, &snapshot, pe);
            }
        }
    }
    // A relation of a person with the group the person leads is not a relation between them.
    let mut i = 0;
    while i < relations.len() {
        let r = &relations[i];
        if r.predicate != Predicate::Leads
            && r.subject.entity.is_some()
            && r.subject.entity == r.object.entity
        {
            relations.remove(i);
        } else {
            i += 1;
        }
    }
}

/// `the two men`: the participants of the latest event with that many named participants.
fn resolve_counts(recs: &mut [Rec]) {
    for i in 0..recs.len() {
        let Some(c) = recs[i].count_args else { continue };
        let found = (0..i).rev().find_map(|j| {
            let e = &recs[j].ev;
            if e.category == EventCategory::Statement {
                return None;
            }
            let parts: Vec<Argument> = e
                .actors
                .iter()
                .chain(e.recipients.iter())
                .filter(|x| x.entity.is_some())
                .cloned()
                .collect();
            let mut ents: Vec<u32> = parts.iter().filter_map(|x| x.entity).collect();
            ents.sort_unstable();
            ents.dedup();
            (ents.len() == c).then_some(parts)
        });
        let ev = &mut recs[i].ev;
        // The counted phrase itself (`the two men`) is no participant.
        ev.actors.retain(|x| {
            x.entity.is_some()
                || !x.text.split_whitespace().any(|w| events::number_word(w) == Some(c))
        });
        ev.recipients.retain(|x| {
            x.entity.is_some()
                || !x.text.split_whitespace().any(|w| events::number_word(w) == Some(c))
        });
        if let Some(parts) = found {
            let ev = &mut recs[i].ev;
            for p in parts {
                if !ev.actors.iter().any(|x| x.entity == p.entity) {
                    ev.actors.push(p);
                }
            }
            ev.recipients
                .retain(|x| !ev.actors.iter().any(|y| y.entity.is_some() && y.entity == x.entity));
        }
    }
}

fn participant_keys(e: &Event) -> Vec<String> {
    let mut k: Vec<String> = e
        .actors
        .iter()
        .chain(e.recipients.iter())
        .map(|a| match a.entity {
            Some(x) => format!("#{x}"),
            None => a.text.to_lowercase(),
        })
        .collect();
    k.sort();
    k.dedup();
    k
}

fn dates_compatible(a: &Option<TimeValue>, b: &Option<TimeValue>) -> bool {
    let (Some(a), Some(b)) = (a, b) else { return true };
    let (Some((a0, a1)), Some((b0, b1))) = (dates::bounds(&a.value), dates::bounds(&b.value))
    else {
        return a.value == b.value;
    };
    if a0 == a1 && b0 == b1 {
        return a0 == b0;
    }
    a0 <= b1 && b0 <= a1
}

/// Whether a party is an actor of one event and a recipient of the other.
fn reversed(a: &Event, b: &Event) -> bool {
    let same = |x: &Argument, y: &Argument| match (x.entity, y.entity) {
        (Some(p), Some(q)) => p == q,
        (None, None) => x.text.eq_ignore_ascii_case(&y.text),
        _ => false,
    };
    let crosses = |actors: &[Argument], recipients: &[Argument]| {
        actors.iter().any(|x| recipients.iter().any(|y| same(x, y)))
    };
    crosses(&a.actors, &b.recipients) || crosses(&a.recipients, &b.actors)
}

fn places_compatible(a: &[Argument], b: &[Argument]) -> bool {
    if a.is_empty() || b.is_empty() {
        return true;
    }
    a.iter().any(|x| {
        b.iter().any(|y| {
            (x.entity.is_some() && x.entity == y.entity) || x.text.eq_ignore_ascii_case(&y.text)
        })
    })
}

/// Re-reports of one event in this article become one cluster whose members share
/// participants, date and place (so that `resolve` gives them one key).
fn cluster(recs: &mut [Rec], _published: Option<NaiveDate>) {
    let n = recs.len();
    let mut cluster_of: Vec<usize> = (0..n).collect();
    for i in 0..n {
        if recs[i].ev.category == EventCategory::Statement {
            continue;
        }
        let ki = participant_keys(&recs[i].ev);
        // The latest compatible earlier cluster.
        let mut target = None;
        let bare = |e: &Event| {
            e.actors.is_empty()
                && e.recipients.is_empty()
                && e.with.is_empty()
                && e.places.is_empty()
                && e.date.is_none()
        };
        if recs[i].anaphoric {
            target = (0..i).rev().find(|&j| {
                cluster_of[j] == j
                    && recs[j].ev.category == recs[i].ev.category
                    && !recs[j].ev.implied
                    && recs[j].ev.sentence + 3 >= recs[i].ev.sentence
            });
            if let Some(j) = target {
                cluster_of[i] = j;
                continue;
            }
        }
        // A mention that tells nothing of its own (`did not say who attacked the convoy`) is no
        // re-report of an earlier event: nothing says it is the same one.
        let lone = bare(&recs[i].ev);
        for j in (0..i).rev() {
            if lone || cluster_of[j] != j {
                continue;
            }
            let members: Vec<usize> = (0..i).filter(|&m| cluster_of[m] == j).collect();
            if members.iter().all(|&m| bare(&recs[m].ev)) {
                continue;
            }
            let c = &recs[j].ev;
            if c.category != recs[i].ev.category || c.implied != recs[i].ev.implied {
                continue;
            }
            let modes_differ = members.iter().any(|&m| {
                let (a, b) = (&recs[m].ev.mode, &recs[i].ev.mode);
                a.is_some() && b.is_some() && a != b
            });
            if modes_differ {
                continue;
            }
            if !members.iter().all(|&m| dates_compatible(&recs[m].ev.date, &recs[i].ev.date)) {
                continue;
            }
            if !members.iter().all(|&m| places_compatible(&recs[m].ev.places, &recs[i].ev.places)) {
                continue;
            }
            // `X attacked Y` and `Y attacked X` are two events; parties of a meeting or an
            // accord may be told in either order.
            let symmetric = matches!(
                c.category,
                EventCategory::Consult | EventCategory::Agree | EventCategory::Cooperate
            );
            if !symmetric && members.iter().any(|&m| reversed(&recs[m].ev, &recs[i].ev)) {
                continue;
            }
            let mut kc: Vec<String> =
                members.iter().flat_map(|&m| participant_keys(&recs[m].ev)).collect();
            kc.sort();
            kc.dedup();
            let sub = ki.iter().all(|k| kc.contains(k)) || kc.iter().all(|k| ki.contains(k));
            let share = ki.is_empty() || kc.is_empty() || ki.iter().any(|k| kc.contains(k));
            if sub && share {
                target = Some(j);
                break;
            }
        }
        if let Some(j) = target {
            cluster_of[i] = j;
        }
    }
    // Harmonise each cluster.
    for root in 0..n {
        let members: Vec<usize> = (0..n).filter(|&m| cluster_of[m] == root).collect();
        if members.len() < 2 {
            continue;
        }
        let mut actors: Vec<Argument> = Vec::new();
        let mut recipients: Vec<Argument> = Vec::new();
        let mut with: Vec<Argument> = Vec::new();
        let same = |x: &Argument, y: &Argument| {
            (x.entity.is_some() && x.entity == y.entity)
                || (x.entity.is_none()
                    && y.entity.is_none()
                    && x.text.eq_ignore_ascii_case(&y.text))
        };
        for &m in &members {
            for a in &recs[m].ev.actors {
                if !actors.iter().any(|x| same(x, a)) {
                    actors.push(a.clone());
                }
            }
        }
        for &m in &members {
            for a in &recs[m].ev.recipients {
                if !actors.iter().any(|x| same(x, a)) && !recipients.iter().any(|x| same(x, a)) {
                    recipients.push(a.clone());
                }
            }
            for a in &recs[m].ev.with {
                if !with.iter().any(|x| same(x, a)) {
                    with.push(a.clone());
                }
            }
        }
        // The most precise date: a day before an interval, exact before approximate.
        let date = members.iter().filter_map(|&m| recs[m].ev.date.clone()).min_by_key(|d| {
            let width = dates::bounds(&d.value).map_or(i64::MAX, |(a, b)| (b - a).num_days());
            (d.approx, width)
        });
        let places = members
            .iter()
            .map(|&m| recs[m].ev.places.clone())
            .find(|p| !p.is_empty())
            .unwrap_or_default();
        for &m in &members {
            let ev = &mut recs[m].ev;
            ev.actors = actors.clone();
            ev.recipients = recipients.clone();
            if ev.with.is_empty() {
                ev.with = with.clone();
            }
            if ev.date.is_none() {
                ev.date = date.clone();
            }
            if ev.places.is_empty() {
                ev.places = places.clone();
            }
        }
    }
    // Statements: about the cluster; one statement per source and cluster.
    for r in recs.iter_mut() {
        if let Some(t) = r.about {
            r.statement_anchor = Some(cluster_of[t]);
        }
    }
}

/// A statement without its own date was made between the event it reports and publication.
fn date_statements(recs: &mut [Rec], published: Option<NaiveDate>) {
    for i in 0..recs.len() {
        if recs[i].ev.category != EventCategory::Statement || recs[i].ev.date.is_some() {
            continue;
        }
        let Some(t) = recs[i].about else { continue };
        let Some(d) = recs.get(t).and_then(|r| r.ev.date.clone()) else { continue };
        let Some((from, _)) = dates::bounds(&d.value) else { continue };
        let value = match published {
            Some(p) if p > from => format!("{}/{}", from.format("%Y-%m-%d"), p.format("%Y-%m-%d")),
            _ => from.format("%Y-%m-%d").to_string(),
        };
        recs[i].ev.date = Some(TimeValue { value, timex: None, approx: true });
    }
    // Reports of one statement (same source, same event) share a date.
    for i in 0..recs.len() {
        if recs[i].ev.category != EventCategory::Statement {
            continue;
        }
        for j in 0..i {
            if recs[j].ev.category == EventCategory::Statement
                && recs[j].statement_anchor.is_some()
                && recs[j].statement_anchor == recs[i].statement_anchor
                && recs[j].ev.actors.first().and_then(|a| a.entity)
                    == recs[i].ev.actors.first().and_then(|a| a.entity)
            {
                recs[i].ev.date = recs[j].ev.date.clone();
                break;
            }
        }
    }
}

/// A leader who died stops leading: LEADS, HOLDS_TITLE and MEMBER_OF end at the death.
fn death_ends_relations(recs: &[Rec], relations: &mut [Relation]) {
    for r in recs {
        if r.ev.category != EventCategory::Die || r.ev.modality != Modality::Asserted {
            continue;
        }
        let Some(date) = &r.ev.date else { continue };
        for a in &r.ev.actors {
            let Some(e) = a.entity else { continue };
            for rel in relations.iter_mut() {
                if matches!(
                    rel.predicate,
                    Predicate::Leads | Predicate::HoldsTitle | Predicate::MemberOf
                ) && rel.subject.entity == Some(e)
                {
                    rel.valid_to = Some(date.clone());
                    if rel.valid_from.as_ref().is_some_and(|f| f.value > date.value) {
                        rel.valid_from = None;
                    }
                }
            }
        }
    }
}
