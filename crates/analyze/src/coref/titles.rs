//! Titles and roles around a person's name: premodifiers (`Russian President Vladimir Putin`,
//! `Kremlin spokesman Dmitry Peskov`, `Deputy Defence Minister Yunus-Bek Yevkurov`, `Mr
//! Peskov`, `Eastern Libyan commander Haftar`) and appositions (`Prigozhin, Wagner's leader,`).
//! Produces TITLE mentions that qualify the person, descriptions linked to the person, and title
//! facts whose organisation or country is settled once entities exist ([`facts`]).

use types::{MentionKind, MentionLabel, Span, TitleFact};

use super::lexicon::{self, is};
use super::{PendingTitle, Work};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Item {
    /// A name mention (NORP, GPE, ORG) modifying the title; bool: possessive.
    Of(usize, bool),
    Honorific(usize),
    Role(usize),
    Modifier(usize),
    Descriptor(usize),
}

impl Item {
    fn first_token(&self, w: &Work) -> usize {
        match *self {
            Item::Of(m, _) => w.ms[m].tok.0,
            Item::Honorific(t) | Item::Role(t) | Item::Modifier(t) | Item::Descriptor(t) => t,
        }
    }
    fn last_token(&self, w: &Work) -> usize {
        match *self {
            Item::Of(m, p) => w.ms[m].tok.1 - 1 + usize::from(p),
            Item::Honorific(t) | Item::Role(t) | Item::Modifier(t) | Item::Descriptor(t) => t,
        }
    }
}

fn classify(w: &Work, t: usize) -> Option<Item> {
    let word = w.lower(t);
    if w.tok_title[t].is_some() && !is(&lexicon::HONORIFICS, &word) {
        return Some(if is(&lexicon::ROLES, &word) { Item::Role(t) } else { Item::Modifier(t) });
    }
    if is(&lexicon::HONORIFICS, &word) {
        return Some(Item::Honorific(t));
    }
    if lexicon::ABBREVIATED.iter().any(|(a, _)| *a == word) && w.tok(t).ends_with('.') {
        return Some(Item::Role(t));
    }
    if is(&lexicon::ROLES, &word) {
        return Some(Item::Role(t));
    }
    if is(&lexicon::TITLE_MODIFIERS, &word) {
        return Some(Item::Modifier(t));
    }
    if is(&lexicon::DESCRIPTORS, &word) {
        return Some(Item::Descriptor(t));
    }
    None
}

/// The name mention (not a person) covering token `t`.
fn modifier_mention(w: &Work, t: usize) -> Option<usize> {
    let m = w.tok_mention[t]?;
    matches!(
        w.ms[m].m.label,
        MentionLabel::Norp | MentionLabel::Gpe | MentionLabel::Org | MentionLabel::Loc
    )
    .then_some(m)
}

pub(crate) fn premodifiers(w: &mut Work) {
    let persons: Vec<usize> = (0..w.ms.len())
        .filter(|&i| w.ms[i].m.label == MentionLabel::Person && w.ms[i].m.kind == MentionKind::Name)
        .collect();
    for p in persons {
        let (a, _) = w.ms[p].tok;
        let (s0, _) = w.sentence_tokens(w.ms[p].sentence);
        let mut items: Vec<Item> = Vec::new();
        let mut k = a;
        while k > s0 && items.len() < 10 {
            let t = k - 1;
            if let Some(m) = modifier_mention(w, t) {
                items.push(Item::Of(m, false));
                k = w.ms[m].tok.0;
                continue;
            }
            if w.is_possessive(t)
                && t > s0
                && let Some(m) = modifier_mention(w, t - 1)
            {
                items.push(Item::Of(m, true));
                k = w.ms[m].tok.0;
                continue;
            }
            match classify(w, t) {
                Some(it) => {
                    items.push(it);
                    k = t;
                }
                None => break,
            }
        }
        items.reverse();
        // Drop leading items that are not part of a title: a chain must reach a role or an
        // honorific, and a leading name mention is kept only if a role follows.
        while let Some(first) = items.first() {
            let any_role = items.iter().any(|x| matches!(x, Item::Role(_) | Item::Honorific(_)));
            if !any_role
                || matches!(first, Item::Modifier(_))
                    && !items.iter().any(|x| matches!(x, Item::Role(_)))
            {
                items.remove(0);
            } else {
                break;
            }
        }
        if items.is_empty() {
            continue;
        }
        chain(w, p, &items);
    }
}

/// Turns one premodifier chain into TITLE mentions, title facts and a description.
fn chain(w: &mut Work, p: usize, items: &[Item]) {
    let person_span = w.ms[p].m.span;
    let sentence = w.ms[p].sentence;
    // Runs of modifiers and roles that end in a role.
    let mut runs: Vec<(usize, usize)> = Vec::new(); // item index range [i, j)
    let mut i = 0;
    while i < items.len() {
        if matches!(items[i], Item::Modifier(_) | Item::Role(_)) {
            let mut j = i;
            while j < items.len() && matches!(items[j], Item::Modifier(_) | Item::Role(_)) {
                // A role followed by a modifier starts another title (`commander Field Marshal`).
                let role_ends = j > i
                    && matches!(items[j - 1], Item::Role(t) if !is(&lexicon::TITLE_MODIFIERS, &w.lower(t)));
                if role_ends && matches!(items[j], Item::Modifier(_)) {
                    break;
                }
                j += 1;
            }
            // Trim trailing modifiers that no role follows.
            let mut end = j;
            while end > i && !matches!(items[end - 1], Item::Role(_)) {
                end -= 1;
            }
            if end > i {
                runs.push((i, end));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    for (ri, &(i, j)) in runs.iter().enumerate() {
        let start = w.tok_span(items[i].first_token(w)).start;
        let end = w.tok_span(items[j - 1].last_token(w)).end;
        let span = Span::new(start, end);
        let Some(tm) = w.add(span, MentionLabel::Title, MentionKind::Title) else { continue };
        w.ms[tm].qualifies = Some(p);
        let title = w.text[start..end].to_string();
        let role = w.lower(items[j - 1].last_token(w));
        let role = expand_abbreviation(&role);
        // The name mention right before the run is what the title is of (`Russian President`,
        // `Kremlin spokesman`, `Russia's President`).
        let of = i.checked_sub(1).and_then(|k| match items[k] {
            Item::Of(m, _) => Some(m),
            _ => None,
        });
        let ev_start = of.map_or(start, |m| w.ms[m].m.span.start.min(start));
        w.pending.push(PendingTitle {
            person: p,
            title: title.clone(),
            role: role.clone(),
            of,
            evidence: Span::new(ev_start, person_span.end),
            sentence,
        });
        // A description: descriptors (and any name) before this run, up to its end
        // (`Eastern Libyan commander`, `Military commander`).
        let prev_end = if ri == 0 { 0 } else { runs[ri - 1].1 };
        let desc_start = (prev_end..i).find(|&k| matches!(items[k], Item::Descriptor(_)));
        if let Some(d) = desc_start {
            let s = w.tok_span(items[d].first_token(w)).start;
            if let Some(n) = w.add(Span::new(s, end), MentionLabel::Person, MentionKind::Nominal) {
                w.ms[n].qualifies = None;
                pending_link(w, n, p, "premodifier", Span::new(s, person_span.end));
            }
        }
    }
    for it in items {
        if let Item::Honorific(t) = *it {
            let span = w.tok_span(t);
            if let Some(tm) = w.add(span, MentionLabel::Title, MentionKind::Title) {
                w.ms[tm].qualifies = Some(p);
            }
        }
    }
}

/// Records that description `n` refers to whoever person mention `p` turns out to be; linked
/// once names are clustered (see [`super::refer::remaining`]).
fn pending_link(w: &mut Work, n: usize, p: usize, rule: &'static str, evidence: Span) {
    w.ms[n].rule = rule;
    w.ms[n].evidence = evidence;
    w.ms[n].qualifies = Some(p);
}

fn expand_abbreviation(role: &str) -> String {
    lexicon::ABBREVIATED
        .iter()
        .find(|(a, _)| *a == role)
        .map_or(role.to_string(), |(_, full)| full.to_lowercase())
}

/// `PERSON, [the|a] [NAME['s]] [modifiers] ROLE [of|for|at [the] NAME]` followed by a comma,
/// full stop, `who` or the sentence end.
pub(crate) fn appositions(w: &mut Work) {
    let persons: Vec<usize> = (0..w.ms.len())
        .filter(|&i| w.ms[i].m.label == MentionLabel::Person && w.ms[i].m.kind == MentionKind::Name)
        .collect();
    for p in persons {
        let (_, b) = w.ms[p].tok;
        let sentence = w.ms[p].sentence;
        let (_, s1) = w.sentence_tokens(sentence);
        if b >= s1 || w.tok(b) != "," {
            continue;
        }
        let start = b + 1;
        let mut k = start;
        if k < s1 && matches!(w.lower(k).as_str(), "the" | "a" | "an") {
            k += 1;
        }
        let mut of: Option<usize> = None;
        let mut role_end: Option<usize> = None;
        let mut role = String::new();
        let mut title_start: Option<usize> = None;
        while k < s1 {
            if let Some(m) = modifier_mention(w, k) {
                if role_end.is_some() {
                    break;
                }
                of = Some(m);
                k = w.ms[m].tok.1;
                if k < s1 && w.is_possessive(k) {
                    k += 1;
                }
                continue;
            }
            match classify(w, k) {
                Some(Item::Role(t)) => {
                    title_start.get_or_insert(t);
                    role_end = Some(t);
                    role = w.lower(t);
                    k += 1;
                }
                Some(Item::Modifier(t)) => {
                    title_start.get_or_insert(t);
                    k += 1;
                }
                Some(Item::Descriptor(_)) if role_end.is_none() => k += 1,
                _ => break,
            }
        }
        let Some(re) = role_end else { continue };
        let mut end = re + 1;
        // `... of [the] NAME`
        if end < s1 && matches!(w.lower(end).as_str(), "of" | "for" | "at") {
            let mut j = end + 1;
            if j < s1 && w.lower(j) == "the" {
                j += 1;
            }
            if j < s1
                && let Some(m) = modifier_mention(w, j)
            {
                of = Some(m);
                end = w.ms[m].tok.1;
            }
        }
        let closes = end >= s1
            || matches!(w.tok(end), "," | "." | ";" | ")" | "\u{2013}" | "\u{2014}")
            || w.lower(end) == "who";
        if !closes {
            continue;
        }
        // `MacFarland, commander, Combined Joint Task Force, said`: the body of a bare role
        // follows it after a comma (military and official style), when nothing but a comma,
        // a full stop or the sentence end follows the body.
        if of.is_none()
            && end + 1 < s1
            && w.tok(end) == ","
            && let Some(m) = modifier_mention(w, end + 1)
            && matches!(w.ms[m].m.label, MentionLabel::Org)
            && (w.ms[m].tok.1 >= s1 || matches!(w.tok(w.ms[m].tok.1), "," | "." | ";"))
        {
            of = Some(m);
        }
        let Some(ts) = title_start else { continue };
        let title_span = Span::new(w.tok_span(ts).start, w.tok_span(re).end);
        let np = Span::new(w.tok_span(start).start, w.tok_span(end - 1).end);
        let person_span = w.ms[p].m.span;
        if let Some(tm) = w.add(title_span, MentionLabel::Title, MentionKind::Title) {
            w.ms[tm].qualifies = Some(p);
        }
        w.pending.push(PendingTitle {
            person: p,
            title: w.text[title_span.start..title_span.end].to_string(),
            role: expand_abbreviation(&role),
            of,
            evidence: Span::new(person_span.start, np.end),
            sentence,
        });
        if let Some(n) = w.add(np, MentionLabel::Person, MentionKind::Nominal) {
            pending_link(w, n, p, "apposition", Span::new(person_span.start, np.end));
        }
    }
}

/// Gives each person the roles its titles name, once names are clustered (descriptions like
/// `the commander` look for them).
pub(crate) fn roles(w: &mut Work) {
    for k in 0..w.pending.len() {
        let (p, role) = (w.pending[k].person, w.pending[k].role.clone());
        if let Some(e) = w.ms[p].ent
            && !w.ents[e].roles.contains(&role)
        {
            w.ents[e].roles.push(role);
        }
    }
}

/// Settles each pending title's organisation or country and returns the facts (entity
/// indices are the working ones; [`Work::finish`] remaps them).
pub(crate) fn facts(w: &mut Work) -> Vec<TitleFact> {
    let pending = std::mem::take(&mut w.pending);
    let mut out: Vec<TitleFact> = Vec::new();
    for t in &pending {
        let Some(person) = w.ms[t.person].ent else { continue };
        let words: Vec<String> =
            t.title.split_whitespace().map(|x| x.trim_end_matches('.').to_lowercase()).collect();
        let is_rank =
            words.iter().all(|x| is(&lexicon::RANKS, x) || is(&lexicon::TITLE_MODIFIERS, x))
                && words.iter().any(|x| is(&lexicon::RANKS, x));
        let mut of = t.of.and_then(|m| w.ms[m].ent);
        if of.is_none() && !is_rank {
            if is(&lexicon::GOVERNMENT_ROLES, &t.role) {
                of = sentence_country(w, t, &pending);
            } else if is(&lexicon::ORGANISATION_ROLES, &t.role) {
                of = sentence_org(w, t);
            }
        }
        if of == Some(person) {
            of = None;
        }
        let role = t.role.clone();
        if !w.ents[person].roles.contains(&role) {
            w.ents[person].roles.push(role);
        }
        let fact = TitleFact {
            person: person as u32,
            title: t.title.clone(),
            of: of.map(|o| o as u32),
            evidence: t.evidence,
            sentence: t.sentence as u32,
        };
        let dup = out.iter().any(|f| {
            f.person == fact.person && f.title.eq_ignore_ascii_case(&fact.title) && f.of == fact.of
        });
        if !dup {
            out.push(fact);
        }
    }
    out
}

/// For a government title with no country: the country another title in the sentence is of
/// (`Russian President X and Defence Minister Y`), else the only country the sentence names
/// (directly, by demonym, or through a city in it).
fn sentence_country(w: &mut Work, t: &PendingTitle, all: &[PendingTitle]) -> Option<usize> {
    // A title earlier in the sentence lends its country to a bare one after it (`Russian
    // President Putin and Defence Minister Shoigu`); a later one is usually the other side
    // (`Secretary Kerry spoke with Russian Foreign Minister Lavrov`).
    for o in all {
        if o.sentence == t.sentence
            && o.person != t.person
            && o.evidence.start < t.evidence.start
            && let Some(e) = o.of.and_then(|m| w.ms[m].ent)
            && is_country(w, e)
        {
            return Some(e);
        }
    }
    let mut found: Option<String> = None;
    for (k, wm) in w.ms.iter().enumerate() {
        if wm.sentence != t.sentence || wm.m.kind != MentionKind::Name {
            continue;
        }
        // Another person's country (`Russian` in `... with Russian Foreign Minister Lavrov`).
        if all.iter().any(|o| o.person != t.person && o.of == Some(k)) {
            continue;
        }
        let Some(g) = wm.ent.and_then(|e| w.ents[e].geo.as_ref()) else { continue };
        if !matches!(g.feature.as_str(), "country" | "city") {
            continue;
        }
        let Some(code) = g.country.clone() else { continue };
        if found.as_ref().is_some_and(|f| *f != code) {
            return None;
        }
        found = Some(code);
    }
    w.country_entity(&found?)
}

fn is_country(w: &Work, e: usize) -> bool {
    w.ents[e].geo.as_ref().is_some_and(|g| g.feature == "country")
}

/// For an organisational title with no organisation: the organisation the sentence names last
/// before the person (`Wagner's future ... after leader Yevgeny Prigozhin`).
fn sentence_org(w: &Work, t: &PendingTitle) -> Option<usize> {
    let start = w.ms[t.person].m.span.start;
    w.ms.iter()
        .filter(|x| {
            x.sentence == t.sentence && x.m.span.end <= start && x.m.label == MentionLabel::Org
        })
        .filter(|x| x.m.kind == MentionKind::Name)
        .max_by_key(|x| x.m.span.start)
        .and_then(|x| x.ent)
}
