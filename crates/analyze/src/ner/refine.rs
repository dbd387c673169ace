//! The product layer on top of the statistical tagger: titles kept out of names, organisation
//! cues the news-trained model rarely sees (`the militant group X`, `X fighters`), one type per
//! name through a document, sitrep's finer types (GPE or LOC for places, NORP for group
//! adjectives), and titles as their own spans attached to the person they qualify.
//!
//! Rules here are about English news in general; none names a particular actor.

use super::features::{Tok, flag};
use super::hash::{lower_hash, str_hash};
use super::labels::Class;
use super::lexicon::{Lexicon, cat};
use super::words;

/// A recognised type: sitrep's five entity types plus `Misc` (other CoNLL MISC names such as
/// events and products, which the product does not report but the CoNLL evaluation scores).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NerType {
    Person,
    Org,
    Gpe,
    Loc,
    Norp,
    Misc,
}

impl NerType {
    pub fn entity_type(self) -> Option<types::EntityType> {
        use types::EntityType as E;
        match self {
            NerType::Person => Some(E::Person),
            NerType::Org => Some(E::Org),
            NerType::Gpe => Some(E::Gpe),
            NerType::Loc => Some(E::Loc),
            NerType::Norp => Some(E::Norp),
            NerType::Misc => None,
        }
    }

    /// The CoNLL-2003 class this type is scored as (GPE and LOC as LOC, NORP as MISC).
    pub fn conll(self) -> &'static str {
        match self {
            NerType::Person => "PER",
            NerType::Org => "ORG",
            NerType::Gpe | NerType::Loc => "LOC",
            NerType::Norp | NerType::Misc => "MISC",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            NerType::Misc => "MISC",
            t => t.entity_type().map_or("MISC", types::EntityType::as_str),
        }
    }
}

/// An entity over document tokens `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub ty: NerType,
}

/// Word lists as hashed sets, built once with the recognizer.
#[derive(Debug)]
pub struct WordSets {
    org_heads: Vec<u64>,
    designators: Vec<u64>,
    members: Vec<u64>,
    officials: Vec<u64>,
    geo: Vec<u64>,
    groups: Vec<u64>,
    /// Heads of `X of Y` organisation names (`Government of ...`, `Ministry of ...`).
    of_heads: Vec<u64>,
    of: u64,
    /// Company-form words that are never a name alone (`Inc`, `Corp`, `Ltd`).
    company_forms: Vec<u64>,
    /// Nouns that end a numbered military unit's name (`Squadron`, `Brigade`).
    units: Vec<u64>,
    /// Heads and modifiers of a state's armed service's name.
    force_heads: Vec<u64>,
    force_modifiers: Vec<u64>,
}

fn hashes(list: &[&str]) -> Vec<u64> {
    let mut v: Vec<u64> = list.iter().map(|w| str_hash(w)).collect();
    v.sort_unstable();
    v
}

impl WordSets {
    pub fn new() -> WordSets {
        WordSets {
            org_heads: hashes(words::ORG_HEADS),
            designators: hashes(words::ORG_DESIGNATORS),
            members: hashes(words::MEMBER_NOUNS),
            officials: hashes(words::OFFICIALS),
            geo: hashes(words::GEO_FEATURES),
            groups: hashes(words::GROUP_WORDS),
            of_heads: hashes(
                &[words::ORG_DESIGNATORS, &["government", "office", "department"]].concat(),
            ),
            of: str_hash("of"),
            company_forms: hashes(words::COMPANY_FORMS),
            units: hashes(words::UNIT_HEADS),
            force_heads: hashes(words::FORCE_HEADS),
            force_modifiers: hashes(words::FORCE_MODIFIERS),
        }
    }
}

impl Default for WordSets {
    fn default() -> Self {
        WordSets::new()
    }
}

fn has(set: &[u64], h: u64) -> bool {
    set.binary_search(&h).is_ok()
}

/// What refinement reads about the document.
pub struct DocView<'a> {
    pub words: &'a [Tok],
    pub tokens: &'a [&'a str],
    pub sents: &'a [(usize, usize)],
    pub lex: &'a Lexicon,
    pub sets: &'a WordSets,
}

impl DocView<'_> {
    fn title_bits(&self, i: usize) -> u32 {
        self.lex.title_bits(self.words[i].lower)
    }

    fn is_title_word(&self, i: usize) -> bool {
        self.title_bits(i) != 0
    }

    /// The sentence (token range) holding token `i`: sentences are in order, so it is the last
    /// one starting at or before `i`.
    fn sentence_of(&self, i: usize) -> Option<(usize, usize)> {
        let k = self.sents.partition_point(|&(a, _)| a <= i);
        k.checked_sub(1).map(|k| self.sents[k])
    }

    /// Which tokens the spans cover, leaving out the spans `skip` (given a span's start, end
    /// and class) says cover nothing.
    fn covered(
        &self,
        ents: &[(usize, usize, Class, u8)],
        skip: impl Fn(usize, usize, Class) -> bool,
    ) -> Vec<bool> {
        let mut covered = vec![false; self.words.len()];
        for &(s, e, c, _) in ents {
            if !skip(s, e, c) {
                covered[s..e].iter_mut().for_each(|c| *c = true);
            }
        }
        covered
    }

    fn cats(&self, s: usize, e: usize) -> u32 {
        let lowers: Vec<u64> = self.words[s..e].iter().map(|w| w.lower).collect();
        self.lex.phrase_cats(&lowers)
    }
}

/// Applies the refinements to the tagger's spans (document token ranges, in order).
pub fn refine(view: &DocView<'_>, spans: &[(usize, usize, Class)]) -> Vec<Entity> {
    let mut ents: Vec<(usize, usize, Class, u8)> = Vec::with_capacity(spans.len());
    // Last words of the tagger's person names, for titled names it typed otherwise.
    let mut person_ends: Vec<u64> = spans
        .iter()
        .filter(|&&(_, _, c)| c == Class::Per)
        .map(|&(_, e, _)| view.words[e - 1].lower)
        .collect();
    person_ends.sort_unstable();
    for (k, &(s, e, c)) in spans.iter().enumerate() {
        // `Field Marshal X` typed as something else, where X ends a person's name elsewhere in
        // the document: the title stays out and X is that person.
        if c != Class::Per
            && let Some(t) = titled_person(view, s, e, &person_ends)
        {
            ents.push((t, e, Class::Per, 1));
            continue;
        }
        // `US Defense Secretary Ash Carter` typed as one name: the country, then the person
        // (the title words between them are left to `titles`).
        if c != Class::Per
            && let Some((p, t)) = country_titled_person(view, s, e)
        {
            let demonym = view.cats(s, s + p) & (1 << cat::COUNTRY) == 0
                && view.cats(s, s + p) & (1 << cat::DEMONYM) != 0;
            ents.push((s, s + p, if demonym { Class::Misc } else { Class::Loc }, 1));
            ents.push((t, e, Class::Per, 1));
            continue;
        }
        // `Arab League Secretary-General Chedli Klibi` typed as one name: the organisation,
        // then the person.
        if c != Class::Per
            && let Some((p, t)) = organisation_titled_person(view, s, e)
        {
            ents.push((s, s + p, Class::Org, 1));
            ents.push((t, e, Class::Per, 1));
            continue;
        }
        // Titles are not part of names: strip leading title words from a person, and drop a
        // name made of title words alone when it stands before a name or another title word
        // (`Field Marshal Haftar`, `Mr Putin`, `Defence` in `Defence Minister`).
        let all_title = (s..e).all(|i| view.is_title_word(i));
        if all_title {
            let next_free = spans.get(k + 1).is_none_or(|n| n.0 > e);
            let in_sentence = view.sents.iter().any(|&(a, b)| a <= s && e < b);
            let next_cap = in_sentence && view.words[e].is_cap();
            let next_head =
                in_sentence && next_free && view.title_bits(e) & (1 << cat::TITLE_HEAD) != 0;
            let ends_head = view.title_bits(e - 1) & (1 << cat::TITLE_HEAD) != 0;
            if next_head || (ends_head && (e - s >= 2 || next_cap)) {
                continue;
            }
        }
        let mut s2 = s;
        if c == Class::Per {
            while s2 + 1 < e && view.is_title_word(s2) {
                s2 += 1;
            }
        }
        // `UN-backed Government of National Unity`: the compound is a name of its own.
        if e - s2 >= 2 && view.words[s2].flags & flag::CAP_HYPHEN_LOWER != 0 {
            ents.push((s2, s2 + 1, Class::Misc, 1));
            s2 += 1;
        }
        ents.push((s2, e, c, 1));
    }
    split_person_lists(view, &mut ents);
    designated_organisations(view, &mut ents);
    headed_organisations(view, &mut ents);
    unseen_headed_organisations(view, &mut ents);
    company_names(view, &mut ents);
    organisation_cues(view, &mut ents);
    acronym_groups(view, &mut ents);
    military_units(view, &mut ents);
    armed_services(view, &mut ents);
    consistency(view, &mut ents);
    lone_surnames(view, &mut ents);
    placed_names(view, &mut ents);
    family_names(view, &mut ents);
    article_organisations(view, &mut ents);
    campaigned_organisations(view, &mut ents);
    regime_names(view, &mut ents);
    // A company form alone (`INC` after a headline's name the tagger missed) names nothing.
    ents.retain(|&(s, e, _, _)| {
        !(s..e).all(|i| has(&view.sets.company_forms, view.words[i].lower))
    });
    ents.iter()
        .map(|&(s, e, c, _)| Entity { start: s, end: e, ty: fine_type(view, s, e, c) })
        .collect()
}

/// A person name never holds `and`: the tagger's `Kerry and U.S. Secretary` is a person, a
/// country and title words; `Kerry and Lavrov`, two persons.
fn split_person_lists(view: &DocView<'_>, ents: &mut Vec<(usize, usize, Class, u8)>) {
    let and = str_hash("and");
    let mut k = 0;
    while k < ents.len() {
        let (s, e, c, w) = ents[k];
        let split = (c == Class::Per)
            .then(|| (s + 1..e.saturating_sub(1)).find(|&j| view.words[j].lower == and))
            .flatten();
        let Some(j) = split else {
            k += 1;
            continue;
        };
        let mut parts = vec![(s, j, Class::Per, w)];
        let mut r = j + 1;
        if view.cats(r, r + 1) & (1 << cat::COUNTRY) != 0 {
            parts.push((r, r + 1, Class::Loc, w));
            r += 1;
        }
        while r < e && view.is_title_word(r) {
            r += 1;
        }
        if r < e {
            parts.push((r, e, Class::Per, w));
        }
        let n = parts.len();
        ents.splice(k..=k, parts);
        k += n;
    }
}

/// Where the name after the title words that open span `[s, e)` starts, when those words end
/// on a title head and the span's last word ends a person's name elsewhere in the document, or
/// when they are the body of a title before them and a first name follows.
fn titled_person(view: &DocView<'_>, s: usize, e: usize, person_ends: &[u64]) -> Option<usize> {
    let mut t = s;
    while t < e && view.is_title_word(t) {
        t += 1;
    }
    let headed = t > s && view.title_bits(t - 1) & (1 << cat::TITLE_HEAD) != 0;
    let named = t < e && (t..e).all(|i| view.words[i].is_cap());
    if headed && named && has(person_ends, view.words[e - 1].lower) {
        return Some(t);
    }
    // `Secretary of [Defense Ash Carter]`: the title's body, then a first and a last name.
    let body = t > s && s >= 2 && view.tokens[s - 1] == "of" && view.title_bits(s - 2) != 0;
    let first_name = e - t >= 2 && view.cats(t, t + 1) & (1 << cat::FIRST) != 0;
    (body && named && first_name).then_some(t)
}

/// Capitalised abbreviations of country names, as written before a title (`US Defense
/// Secretary`).
const COUNTRY_ABBREVIATIONS: &[&str] = &["US", "U.S.", "UK", "U.K.", "USA", "UAE"];

/// For a span `[s, e)` that is a country or its adjective (up to three words), title words
/// ending on a title head, and a name of two or more capitalised words (`US Defense Secretary
/// Ash Carter`, `French Foreign Minister Jean Dupont`): the country's length and where the
/// name starts.
fn country_titled_person(view: &DocView<'_>, s: usize, e: usize) -> Option<(usize, usize)> {
    // Most spans hold no title head: settle that before any gazetteer lookup.
    if !(s + 1..e).any(|i| view.title_bits(i) & (1 << cat::TITLE_HEAD) != 0) {
        return None;
    }
    let country = (1 << cat::COUNTRY) | (1 << cat::DEMONYM);
    // Country abbreviations the gazetteer's lowercase phrases cannot hold (`us` is a pronoun).
    let abbreviation = COUNTRY_ABBREVIATIONS.contains(&view.tokens[s]);
    let p = if abbreviation {
        1
    } else {
        (1..=3.min(e - s)).rev().find(|&p| view.cats(s, s + p) & country != 0)?
    };
    titled_name_after(view, s + p, e).map(|t| (p, t))
}

/// From token `from`, title words ending on a title head, then a name of two or more
/// capitalised words up to `e`: where the name starts.
fn titled_name_after(view: &DocView<'_>, from: usize, e: usize) -> Option<usize> {
    let mut t = from;
    while t < e && view.is_title_word(t) {
        t += 1;
    }
    let headed = t > from && view.title_bits(t - 1) & (1 << cat::TITLE_HEAD) != 0;
    let named = e - t >= 2 && (t..e).all(|i| view.words[i].is_cap() && !view.is_title_word(i));
    (headed && named).then_some(t)
}

/// For a span `[s, e)` of capitalised words that are no title words, then title words ending on
/// a title head, then a name of two or more capitalised words (`Arab League Secretary-General
/// Chedli Klibi`, `World Bank President Jim Kim`): the organisation's length and where the name
/// starts.
fn organisation_titled_person(view: &DocView<'_>, s: usize, e: usize) -> Option<(usize, usize)> {
    let p = (s + 1..e).find(|&i| view.is_title_word(i))? - s;
    if !(s..s + p).all(|i| view.words[i].is_cap()) {
        return None;
    }
    titled_name_after(view, s + p, e).map(|t| (p, t))
}

/// A person name ending on an organisation designator (`... Armed Forces`, `... Party`) is an
/// organisation, and takes in a group adjective just before it (`Libyan`, `Jordanian`), as
/// CoNLL-2003 and OntoNotes annotate such names. The type carries weight 3 into
/// [`consistency`].
fn designated_organisations(view: &DocView<'_>, ents: &mut Vec<(usize, usize, Class, u8)>) {
    let mut k = 0;
    while k < ents.len() {
        let (s, e, c, _) = ents[k];
        let last = &view.words[e - 1];
        if c == Class::Per
            && e - s >= 2
            && last.flags & flag::INIT_CAP != 0
            && has(&view.sets.designators, last.lower)
        {
            ents[k] = (s, e, Class::Org, 3);
            if k > 0 {
                let (ps, pe, pc, _) = ents[k - 1];
                if pe == s && pc == Class::Misc && (ps..pe).all(|i| is_group_word(view, i)) {
                    ents[k - 1] = (ps, e, Class::Org, 3);
                    ents.remove(k);
                    continue;
                }
            }
        }
        k += 1;
    }
}

/// `Government of X`, `Ministry of X`, `Bank of X`: a capitalised organisation head and `of`
/// just before a name that is not a place make one organisation name with it (the tagger often
/// sees only `X`). A place after `of` is left alone (`the government of Chad`).
fn headed_organisations(view: &DocView<'_>, ents: &mut [(usize, usize, Class, u8)]) {
    let mut prev_end = 0;
    for ent in ents.iter_mut() {
        let (s, e, c, _) = *ent;
        let sentence_start = view.sentence_of(s).map_or(s, |(a, _)| a);
        if c != Class::Loc
            && s >= sentence_start + 2
            && s >= prev_end + 2
            && view.words[s - 1].lower == view.sets.of
            && view.words[s - 2].flags & flag::INIT_CAP != 0
            && has(&view.sets.of_heads, view.words[s - 2].lower)
        {
            *ent = (s - 2, e, Class::Org, 3);
        } else if matches!(c, Class::Misc | Class::Per)
            && e - s >= 3
            && view.words[s].flags & flag::INIT_CAP != 0
            && has(&view.sets.of_heads, view.words[s].lower)
            && view.words[s + 1].lower == view.sets.of
        {
            // The tagger found the whole `Government of X` but typed it otherwise.
            *ent = (s, e, Class::Org, 3);
        }
        prev_end = ent.1;
    }
}

/// `Government of National Unity`, `Department of Public Works` where the tagger saw no name
/// at all: a capitalised organisation head, `of`, then capitalised words (joined by `and` or
/// `for` before another capitalised word) that no span covers, make one organisation name.
fn unseen_headed_organisations(view: &DocView<'_>, ents: &mut Vec<(usize, usize, Class, u8)>) {
    // A span of the head alone (`UN-backed Government` split into `UN-backed` and
    // `Government`) does not cover it.
    let head_alone =
        |s: usize, e: usize, _: Class| e == s + 1 && has(&view.sets.of_heads, view.words[s].lower);
    let covered = view.covered(ents, head_alone);
    let cap = |i: usize| {
        let w = &view.words[i];
        w.flags & flag::INIT_CAP != 0 && w.flags & flag::ALL_CAPS == 0 && !covered[i]
    };
    let joins = |i: usize| matches!(view.tokens[i], "and" | "for" | "&");
    let mut added = false;
    for &(a, b) in view.sents {
        let mut i = a;
        while i + 2 < b {
            if !(cap(i) && has(&view.sets.of_heads, view.words[i].lower))
                || view.words[i + 1].lower != view.sets.of
                || !cap(i + 2)
            {
                i += 1;
                continue;
            }
            let mut j = i + 3;
            loop {
                if j < b && cap(j) {
                    j += 1;
                } else if j + 1 < b && joins(j) && cap(j + 1) {
                    j += 2;
                } else {
                    break;
                }
            }
            ents.retain(|&(s, e, c, _)| !(s == i && head_alone(s, e, c)));
            ents.push((i, j, Class::Org, 3));
            added = true;
            i = j;
        }
    }
    if added {
        ents.sort_by_key(|e| (e.0, e.1));
    }
}

/// A name just before a company form (`Santa Fe Pacific Gold` + `Corp`) is a company whose
/// name takes the form in, as CoNLL-2003 and OntoNotes annotate it. A company's name is then a
/// company wherever else the document shortens it to a leading part (`Santa Fe`, `Homestake`),
/// whether the tagger typed that part otherwise or missed it; a lone leading word must be
/// mostly capitalised in running text (`General` of `General Motors Corp` is not). Weight 3
/// carries the type into [`consistency`].
fn company_names(view: &DocView<'_>, ents: &mut Vec<(usize, usize, Class, u8)>) {
    let is_form = |i: usize| {
        let w = &view.words[i];
        w.flags & (flag::INIT_CAP | flag::ALL_CAPS) != 0 && has(&view.sets.company_forms, w.lower)
    };
    // Take the form in (dropping a span of the form alone that follows).
    let mut k = 0;
    while k < ents.len() {
        let (s, e, _, _) = ents[k];
        let end = view.sentence_of(s);
        let inside = end.is_some_and(|(_, b)| e < b);
        let all_forms = (s..e).all(is_form);
        // `Dow Jones & Co`: an ampersand may stand before the form.
        let amp = inside && view.tokens[e] == "&" && end.is_some_and(|(_, b)| e + 1 < b);
        let form = if amp { e + 1 } else { e };
        if inside && !all_forms && is_form(form) {
            let next_is_form = ents.get(k + 1).is_some_and(|n| n.0 == form && n.1 == form + 1);
            let next_free = ents.get(k + 1).is_none_or(|n| n.0 > form);
            if next_is_form || next_free {
                ents[k] = (s, form + 1, Class::Org, 3);
                if next_is_form {
                    ents.remove(k + 1);
                }
            }
        } else if e - s >= 2 && !all_forms && is_form(e - 1) {
            ents[k] = (s, e, Class::Org, 3);
        }
        k += 1;
    }
    // Leading parts of company names: word-hash sequences.
    let mut parts: Vec<Vec<u64>> = Vec::new();
    for &(s, e, c, w) in ents.iter() {
        if c != Class::Org || w < 3 || e - s < 2 || !is_form(e - 1) {
            continue;
        }
        for len in 1..=e - s {
            let words = &view.words[s..s + len];
            let last = &words[len - 1];
            if last.flags & (flag::INIT_CAP | flag::ALL_CAPS) == 0 {
                continue;
            }
            if len == 1 && (words[0].cap != 0 && (words[0].cap - 1) % 7 < 4) {
                continue;
            }
            parts.push(words.iter().map(|w| w.lower).collect());
        }
    }
    if parts.is_empty() {
        return;
    }
    parts.sort_unstable();
    parts.dedup();
    let is_part = |s: usize, e: usize| {
        let key: Vec<u64> = view.words[s..e].iter().map(|w| w.lower).collect();
        parts.binary_search(&key).is_ok()
    };
    for ent in ents.iter_mut() {
        let (s, e, c, _) = *ent;
        if c != Class::Org && c != Class::Per && is_part(s, e) {
            *ent = (s, e, Class::Org, 3);
        }
    }
    // Names and parts the tagger missed: a capitalised run, not all caps, that is exactly one;
    // in an all-caps run (a headline), the longest one starting at each word (`STANDARD OIL
    // INC SAYS`). A company form tagged alone covers nothing.
    let covered = view.covered(ents, |s, e, _| (s..e).all(is_form));
    let cap = |i: usize| view.words[i].flags & flag::INIT_CAP != 0;
    let shout = |i: usize| view.words[i].flags & flag::ALL_CAPS != 0;
    let longest = parts.iter().map(Vec::len).max().unwrap_or(0);
    let mut found = Vec::new();
    for &(a, b) in view.sents {
        let mut i = a;
        while i < b {
            if covered[i] || !cap(i) {
                i += 1;
                continue;
            }
            let caps = shout(i);
            let mut j = i;
            while j < b && !covered[j] && cap(j) && shout(j) == caps {
                j += 1;
            }
            if !caps {
                if is_part(i, j) {
                    found.push((i, j));
                }
                i = j;
                continue;
            }
            let mut k = i;
            while k < j {
                match (k + 1..=j.min(k + longest)).rev().find(|&e| is_part(k, e)) {
                    Some(e) => {
                        found.push((k, e));
                        k = e;
                    }
                    None => k += 1,
                }
            }
            i = j;
        }
    }
    let added = !found.is_empty();
    if added {
        ents.retain(|&(s, e, _, _)| !found.iter().any(|&(x, y)| s < y && x < e));
        ents.extend(found.into_iter().map(|(s, e)| (s, e, Class::Org, 3)));
    }
    if added {
        ents.sort_by_key(|e| (e.0, e.1));
    }
}

/// `the militant group X`, `news agency X` (an organisation head noun just before the name)
/// and `X fighters`, `X mercenaries` (a person or place name before a member noun) are
/// organisations, and so is a place that is not a polity used for its institution before a
/// role (`Kremlin spokesman`, `Pentagon officials`). Such cues carry weight 3 into
/// [`consistency`].
fn organisation_cues(view: &DocView<'_>, ents: &mut [(usize, usize, Class, u8)]) {
    for ent in ents.iter_mut() {
        let (s, e, c, _) = *ent;
        let sent = view.sents.iter().find(|&&(a, b)| a <= s && e <= b).copied();
        let Some((a, b)) = sent else { continue };
        let before = (s > a).then(|| &view.words[s - 1]);
        let after = (e < b).then(|| &view.words[e]);
        let head_before = before
            .is_some_and(|w| w.flags & flag::ALL_LOWER != 0 && has(&view.sets.org_heads, w.lower));
        let member_after = after
            .is_some_and(|w| w.flags & flag::ALL_LOWER != 0 && has(&view.sets.members, w.lower));
        let polity = 1 << cat::COUNTRY | 1 << cat::CITY | 1 << cat::CAPITAL | 1 << cat::PROVINCE;
        let place = view.cats(s, e) & polity != 0;
        let role_after = after
            .is_some_and(|w| w.flags & flag::ALL_LOWER != 0 && has(&view.sets.officials, w.lower));
        let institution = c == Class::Loc && role_after;
        let members = member_after && matches!(c, Class::Per | Class::Loc);
        if c != Class::Org && !place && (head_before || institution || members) {
            *ent = (s, e, Class::Org, 3);
        }
    }
}

/// An acronym the tagger left out, in running text, names an organisation when it stands
/// before a member noun (`IS militants`, `PKK fighters`), and then wherever else the document
/// uses it in running text (`fought IS in Mosul`), as does an acronym the tagger typed as an
/// organisation elsewhere; so does an acronym a name defines in brackets (`Islamic State
/// (IS)`), with that name's type. Weight 3 carries the type into
/// [`consistency`].
fn acronym_groups(view: &DocView<'_>, ents: &mut Vec<(usize, usize, Class, u8)>) {
    let acronym = |i: usize| {
        let token = view.tokens[i];
        view.words[i].flags & flag::ALL_CAPS != 0
            && (2..=6).contains(&token.len())
            && token.bytes().all(|c| c.is_ascii_uppercase())
    };
    // Running text: the word before is not in capitals either (a headline is).
    let running = |i: usize, a: usize| i == a || view.words[i - 1].flags & flag::ALL_CAPS == 0;
    let covered = view.covered(ents, |_, _, _| false);
    // Acronyms the document establishes, with their type.
    let mut known: Vec<(u64, Class)> = Vec::new();
    for &(a, b) in view.sents {
        for (i, &cov) in covered.iter().enumerate().take(b.saturating_sub(1)).skip(a) {
            let next = &view.words[i + 1];
            let member = next.flags & flag::ALL_LOWER != 0 && has(&view.sets.members, next.lower);
            if !cov && acronym(i) && member && running(i, a) {
                known.push((view.words[i].lower, Class::Org));
            }
        }
    }
    for &(s, e, c, _) in ents.iter() {
        if e == s + 1 && c == Class::Org && acronym(s) {
            known.push((view.words[s].lower, c));
        }
        // `Islamic State (IS)`
        let defined = e + 2 < view.words.len()
            && view.tokens[e] == "("
            && view.tokens[e + 2] == ")"
            && acronym(e + 1)
            && !covered[e + 1];
        if defined && e - s >= 2 {
            known.push((view.words[e + 1].lower, c));
        }
        // `Human Rights Watch` ... `HRW`: the initials of a name of several words.
        if c == Class::Org && e - s >= 2 {
            let initials: String = view.tokens[s..e]
                .iter()
                .filter(|t| t.starts_with(|ch: char| ch.is_ascii_uppercase()))
                .filter_map(|t| t.chars().next())
                .collect();
            if initials.len() >= 3 {
                known.push((lower_hash(&initials), c));
            }
        }
    }
    if known.is_empty() {
        return;
    }
    known.sort_unstable_by_key(|k| k.0);
    known.dedup_by_key(|k| k.0);
    for &(a, b) in view.sents {
        for (i, &cov) in covered.iter().enumerate().take(b).skip(a) {
            if cov || !acronym(i) || !running(i, a) {
                continue;
            }
            if let Ok(k) = known.binary_search_by_key(&view.words[i].lower, |k| k.0) {
                ents.push((i, i + 1, known[k].1, 3));
            }
        }
    }
    ents.sort_by_key(|e| (e.0, e.1));
}

/// Whether a token is a numeric ordinal (`2nd`, `134th`).
fn numeric_ordinal(token: &str) -> bool {
    let digits = token.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&token[digits..], "st" | "nd" | "rd" | "th")
}

/// A military unit named by its number (`the 134th Expeditionary Fighter Squadron`, `2nd
/// Battalion`, `101st Airborne`, `407th AEG`) is one organisation: the ordinal and the
/// capitalised words after it up to the last unit noun, or the ordinal and one acronym. It
/// replaces whatever the tagger made of those words (`Squadron` as a person).
fn military_units(view: &DocView<'_>, ents: &mut Vec<(usize, usize, Class, u8)>) {
    let mut units: Vec<(usize, usize)> = Vec::new();
    for &(a, b) in view.sents {
        let mut i = a;
        while i < b {
            if !numeric_ordinal(view.tokens[i]) {
                i += 1;
                continue;
            }
            let mut end = None;
            let mut j = i + 1;
            while j < b
                && j <= i + 6
                && view.words[j].flags & (flag::INIT_CAP | flag::ALL_CAPS) != 0
            {
                if has(&view.sets.units, view.words[j].lower) {
                    end = Some(j + 1);
                }
                j += 1;
            }
            let acronym_only = j == i + 2
                && view.words[i + 1].flags & flag::ALL_CAPS != 0
                && (2..=5).contains(&view.tokens[i + 1].len());
            if end.is_none() && acronym_only {
                end = Some(i + 2);
            }
            match end {
                Some(e) => {
                    units.push((i, e));
                    i = e;
                }
                None => i += 1,
            }
        }
    }
    if units.is_empty() {
        return;
    }
    ents.retain(|&(s, e, _, _)| !units.iter().any(|&(us, ue)| s < ue && us < e));
    ents.extend(units.iter().map(|&(s, e)| (s, e, Class::Org, 3)));
    ents.sort_by_key(|e| (e.0, e.1));
}

/// A state's armed service is one organisation: capitalised service words (`Royal`, `Air`,
/// `Armed`, `Defense`), countries and demonyms up to a capitalised head (`Royal Jordanian Air
/// Force`, `Syrian Arab Army`, `Israel Defense Forces`, `U.S. Navy`). It replaces what the
/// tagger made of those words (`Force` as a person, `Jordanian` and `Air Force` apart). At
/// least one word must stand before the head; a possessive ends the name (`Iraq's army`).
fn armed_services(view: &DocView<'_>, ents: &mut Vec<(usize, usize, Class, u8)>) {
    let place = 1 << cat::COUNTRY | 1 << cat::DEMONYM;
    let (force, air) = (str_hash("force"), str_hash("air"));
    let mut found: Vec<(usize, usize)> = Vec::new();
    for &(a, b) in view.sents {
        for h in a + 1..b {
            let w = &view.words[h];
            if w.flags & flag::INIT_CAP == 0 || !has(&view.sets.force_heads, w.lower) {
                continue;
            }
            // `Air Force`, never a bare `Force`.
            if w.lower == force && view.words[h - 1].lower != air {
                continue;
            }
            // The name goes on (`U.S. Naval Forces Central Command`): the tagger's to judge.
            if h + 1 < b && view.words[h + 1].flags & (flag::INIT_CAP | flag::ALL_CAPS) != 0 {
                continue;
            }
            let mut s = h;
            while s > a && h - s < 5 {
                let p = &view.words[s - 1];
                let capital = p.flags & (flag::INIT_CAP | flag::ALL_CAPS) != 0;
                let fits = has(&view.sets.force_modifiers, p.lower)
                    || view.cats(s - 1, s) & place != 0
                    || is_group_word(view, s - 1);
                if !capital || !fits {
                    break;
                }
                s -= 1;
            }
            // A longer organisation name the tagger found stays (`Armed Forces of X`).
            let inside = ents.iter().any(|&(es, ee, c, _)| c == Class::Org && es <= s && h < ee);
            if s < h && !inside {
                found.push((s, h + 1));
            }
        }
    }
    if found.is_empty() {
        return;
    }
    ents.retain(|&(s, e, _, _)| !found.iter().any(|&(fs, fe)| s < fe && fs < e));
    ents.extend(found.iter().map(|&(s, e)| (s, e, Class::Org, 3)));
    ents.sort_by_key(|e| (e.0, e.1));
}

/// Hard consistency where the tagger's soft document features are not enough: a name that an
/// organisation cue made an organisation (`group X`, `X fighters`) is one wherever else the
/// tagger took it for a person; and a lone word that ends a multi-word person name elsewhere in
/// the document is that person. (Other type differences of one name are left alone: the same
/// city can be a place and a sports team in one report.)
fn consistency(view: &DocView<'_>, ents: &mut [(usize, usize, Class, u8)]) {
    let key = |s: usize, e: usize| -> u64 {
        let mut h = 0x51u64;
        for w in &view.words[s..e] {
            h = super::hash::combine(h, w.lower);
        }
        h
    };
    let mut cued: Vec<u64> = Vec::new();
    let mut surnames: Vec<u64> = Vec::new();
    for &(s, e, c, w) in ents.iter() {
        if c == Class::Org && w >= 3 {
            cued.push(key(s, e));
        }
        if c == Class::Per && e - s >= 2 {
            surnames.push(view.words[e - 1].lower);
        }
    }
    cued.sort_unstable();
    surnames.sort_unstable();
    for ent in ents.iter_mut() {
        let (s, e, c, w) = *ent;
        if c == Class::Per && has(&cued, key(s, e)) {
            *ent = (s, e, Class::Org, w);
        } else if e - s == 1 && c != Class::Per && has(&surnames, view.words[s].lower) {
            *ent = (s, e, Class::Per, w);
        }
    }
}

/// A capitalised word the tagger left out that is the surname of a multi-word person named in
/// the document (`Billie Jean King ... King said`) is that person, when it stands alone (no
/// capitalised neighbour, not a title before a name).
fn lone_surnames(view: &DocView<'_>, ents: &mut Vec<(usize, usize, Class, u8)>) {
    let mut surnames: Vec<u64> = ents
        .iter()
        .filter(|&&(s, e, c, _)| c == Class::Per && e - s >= 2)
        .map(|&(_, e, _, _)| view.words[e - 1].lower)
        .collect();
    if surnames.is_empty() {
        return;
    }
    surnames.sort_unstable();
    let covered = view.covered(ents, |_, _, _| false);
    let mut added = false;
    for &(a, b) in view.sents {
        for (i, w) in view.words.iter().enumerate().take(b).skip(a) {
            if covered[i] || w.flags & flag::INIT_CAP == 0 || w.flags & flag::ALL_CAPS != 0 {
                continue;
            }
            if !has(&surnames, w.lower) {
                continue;
            }
            let cap_next = i + 1 < b && view.words[i + 1].flags & flag::INIT_CAP != 0;
            let cap_prev = i > a && view.words[i - 1].flags & flag::INIT_CAP != 0 && i - 1 != a;
            if !cap_next && !cap_prev {
                ents.push((i, i + 1, Class::Per, 1));
                added = true;
            }
        }
    }
    if added {
        ents.sort_by_key(|e| (e.0, e.1));
    }
}

/// `Abu Jandal al-Kuwaiti`, `Ayman al-Zawahiri`: a word in `al-` or `el-` right after a
/// person's name is the rest of that name (an Arabic family or origin name, often a demonym in
/// form), not a group.
fn family_names(view: &DocView<'_>, ents: &mut Vec<(usize, usize, Class, u8)>) {
    let family = |i: usize| article_name(view.tokens[i]);
    let mut k = 1;
    while k < ents.len() {
        let (s, e, c, _) = ents[k];
        let prev = ents[k - 1];
        if c != Class::Per && e == s + 1 && family(s) && prev.2 == Class::Per && prev.1 == s {
            ents[k - 1].1 = e;
            ents.remove(k);
        } else {
            k += 1;
        }
    }
}

/// A capitalised word the tagger left out before `regime` (`the Asad regime`) names the
/// regime's leader: a person. Places, group words and words in capitals are left alone.
/// `al-Qaida`, `el-Sisi`: a word joined to the Arabic article.
fn article_name(t: &str) -> bool {
    ["al-", "Al-", "el-", "El-"].iter().any(|p| t.len() > p.len() + 1 && t.starts_with(p))
}

/// A lone `al-` word is an organisation wherever the document uses it when it once stands
/// before a member noun (`al-Qaida operatives`, `al-Shabaab fighters`) and is no known place
/// or person: the lower-case article hides the capital the tagger looks for, so it missed the
/// name or took it for a place.
fn article_organisations(view: &DocView<'_>, ents: &mut Vec<(usize, usize, Class, u8)>) {
    let place = 1 << cat::COUNTRY | 1 << cat::CITY | 1 << cat::CAPITAL | 1 << cat::PROVINCE;
    let n = view.words.len();
    let mut names: Vec<u64> = (0..n.saturating_sub(1))
        .filter(|&i| {
            article_name(view.tokens[i]) && has(&view.sets.members, view.words[i + 1].lower)
        })
        .filter(|&i| view.cats(i, i + 1) & (place | 1 << cat::PER | 1 << cat::LAST) == 0)
        .map(|i| view.words[i].lower)
        .collect();
    if names.is_empty() {
        return;
    }
    names.sort_unstable();
    let mut added = false;
    for i in 0..n {
        if !has(&names, view.words[i].lower) {
            continue;
        }
        let k = ents.iter().position(|&(s, e, _, _)| s <= i && i < e);
        match k.map(|k| ents[k]) {
            Some((s, e, c, _)) if s == i && e == i + 1 && c != Class::Org => {
                if let Some(k) = k {
                    ents[k].2 = Class::Org;
                }
            }
            None => {
                ents.push((i, i + 1, Class::Org, 1));
                added = true;
            }
            _ => {}
        }
    }
    if added {
        ents.sort_by_key(|e| (e.0, e.1));
    }
}

/// Words before a name that a campaign is waged against (`the fight against X`, `to defeat
/// X`) or a claim is made by (`claimed by X`).
const CAMPAIGN_CUES: &[&str] = &[
    "against",
    "defeat",
    "defeating",
    "destroy",
    "destroying",
    "degrade",
    "counter",
    "countering",
    "combat",
    "combating",
    "combatting",
];

/// A one-word name the tagger took for a person is an organisation when the document never
/// gives it a first name or a title, and once wages a campaign on it or has it claim an attack
/// (`the fight against Daesh`, `claimed by Daesh`, `Daesh has claimed responsibility`): a
/// person in the news is introduced by full name or title first.
fn campaigned_organisations(view: &DocView<'_>, ents: &mut [(usize, usize, Class, u8)]) {
    let is = |i: usize, w: &str| view.tokens[i].eq_ignore_ascii_case(w);
    let mut named: Vec<u64> = Vec::new();
    let mut cued: Vec<u64> = Vec::new();
    for &(s, e, c, _) in ents.iter() {
        if c != Class::Per {
            continue;
        }
        if e - s >= 2 || s > 0 && view.is_title_word(s - 1) {
            named.extend(view.words[s..e].iter().map(|w| w.lower));
            continue;
        }
        let n = view.words.len();
        let campaign = s > 0 && CAMPAIGN_CUES.iter().any(|w| is(s - 1, w));
        let claimed_by = s > 1 && is(s - 1, "by") && is(s - 2, "claimed");
        let claims = (e + 1 < n && is(e, "claimed") && is(e + 1, "responsibility"))
            || (e + 1 < n && matches!(view.tokens[e], "has" | "have") && is(e + 1, "claimed"));
        if campaign || claimed_by || claims {
            cued.push(view.words[s].lower);
        }
    }
    cued.retain(|w| !named.contains(w));
    if cued.is_empty() {
        return;
    }
    for ent in ents.iter_mut() {
        if ent.2 == Class::Per && ent.1 == ent.0 + 1 && cued.contains(&view.words[ent.0].lower) {
            ent.2 = Class::Org;
        }
    }
}

fn regime_names(view: &DocView<'_>, ents: &mut Vec<(usize, usize, Class, u8)>) {
    // A lone MISC word (kept only when a group word) counts as left out.
    let covered = view.covered(ents, |s, e, c| e == s + 1 && c == Class::Misc);
    let regime = str_hash("regime");
    let polity = 1 << cat::COUNTRY | 1 << cat::CITY | 1 << cat::CAPITAL | 1 << cat::PROVINCE;
    let mut added = false;
    for &(a, b) in view.sents {
        for i in a..b.saturating_sub(1) {
            let w = &view.words[i];
            let name = w.flags & flag::INIT_CAP != 0 && w.flags & flag::ALL_CAPS == 0;
            let before =
                view.words[i + 1].flags & flag::ALL_LOWER != 0 && view.words[i + 1].lower == regime;
            let first = i == a || view.words[i - 1].flags & flag::INIT_CAP == 0;
            // A sentence's first word is capitalised anyway (`The regime`, `This regime`):
            // there it must be a known name.
            let known = i > a || view.cats(i, i + 1) & (1 << cat::PER | 1 << cat::LAST) != 0;
            if !covered[i]
                && known
                && !covered[i + 1]
                && name
                && before
                && first
                && !is_group_word(view, i)
                && view.cats(i, i + 1) & polity == 0
            {
                ents.retain(|x| !(x.0 == i && x.1 == i + 1));
                ents.push((i, i + 1, Class::Per, 1));
                added = true;
            }
        }
    }
    if added {
        ents.sort_by_key(|e| (e.0, e.1));
    }
}

/// Nouns for a settlement or a site, which a name before or after them makes a place.
const SITE_NOUNS: &[&str] = &[
    "village",
    "town",
    "city",
    "district",
    "province",
    "governorate",
    "neighbourhood",
    "neighborhood",
    "suburb",
    "area",
    "region",
    "port",
    "barrage",
    "dam",
    "airfield",
    "airbase",
    "river",
];

/// Words after which a site noun ends its phrase (`an area outside Damascus`, `a town, ...`).
const SITE_ENDS: &[&str] = &[
    ",",
    ".",
    ";",
    ")",
    "in",
    "of",
    "outside",
    "near",
    "about",
    "north",
    "south",
    "east",
    "west",
    "northwest",
    "northeast",
    "southwest",
    "southeast",
    "on",
    "where",
    "which",
    "that",
    "close",
];

/// Whether the text around the name `[s, e)` (in sentence `[a, b)`) says it is a place: a
/// site noun ends it (`Hibhib Village`, `Tharthar Barrage`) or follows it (`Karrada
/// neighbourhood`), a geographic word opens or ends it (`Fort Campbell`, `Mount Sinjar`,
/// `Tigris River`), it follows `town of` or `river` (`the town of Tel Tamer`, `the river
/// Tigris`), or an apposition describes it as one (`Sabboura, an area outside Damascus`).
fn described_place(view: &DocView<'_>, s: usize, e: usize, a: usize, b: usize) -> bool {
    let site = |i: usize| SITE_NOUNS.iter().any(|n| view.tokens[i].eq_ignore_ascii_case(n));
    let geo = |i: usize| has(&view.sets.geo, view.words[i].lower);
    let lower = |i: usize| view.words[i].flags & flag::ALL_LOWER != 0;
    if e - s >= 2 && (site(e - 1) || geo(e - 1) || view.tokens[s] == "Fort" || geo(s)) {
        return true;
    }
    if e < b && lower(e) && site(e) && (e + 1 >= b || SITE_ENDS.contains(&view.tokens[e + 1])) {
        return true;
    }
    if s > a
        && lower(s - 1)
        && (view.tokens[s - 1] == "river"
            || view.tokens[s - 1] == "of" && s - 1 > a && lower(s - 2) && site(s - 2))
    {
        return true;
    }
    if e + 2 < b && view.tokens[e] == "," && matches!(view.tokens[e + 1], "a" | "an") {
        let mut k = e + 2;
        while k < b && k < e + 6 && lower(k) && !site(k) {
            k += 1;
        }
        return k < b
            && lower(k)
            && site(k)
            && (k + 1 >= b || SITE_ENDS.contains(&view.tokens[k + 1]));
    }
    false
}

/// Prepositions a person's name hardly ever follows, but a place's often does.
const PLACE_ONLY_PREPOSITIONS: &[&str] =
    &["near", "in", "inside", "outside", "around", "into", "across", "throughout"];

/// A name the tagger took for a person right after `near`, `in`, `outside` (`Near Ayn Isa, three
/// strikes ...`, `fighting in Tikrit`) is a place, and so is the same name elsewhere in the
/// document; not with a title (`in Mr Smith`) or a possessive after it (`in Smith's view`). So
/// is a person name the text describes as a place ([`described_place`]).
fn placed_names(view: &DocView<'_>, ents: &mut [(usize, usize, Class, u8)]) {
    let mut places: Vec<Vec<u64>> = Vec::new();
    for &(s, e, c, _) in ents.iter() {
        if c != Class::Per || view.is_title_word(s) {
            continue;
        }
        let Some((a, b)) = view.sentence_of(s) else { continue };
        let possessive = e < b && matches!(view.tokens[e], "'s" | "\u{2019}s" | "'" | "\u{2019}");
        let after_preposition = c == Class::Per
            && s > a
            && PLACE_ONLY_PREPOSITIONS.iter().any(|p| p.eq_ignore_ascii_case(view.tokens[s - 1]))
            && !possessive;
        let described = c == Class::Per && described_place(view, s, e, a, b);
        if after_preposition || described {
            places.push(view.words[s..e].iter().map(|w| w.lower).collect());
        }
    }
    if places.is_empty() {
        return;
    }
    for (s, e, c, _) in ents.iter_mut() {
        if *c == Class::Per
            && places.iter().any(|p| {
                p.len() == *e - *s && p.iter().zip(&view.words[*s..*e]).all(|(x, w)| *x == w.lower)
            })
        {
            *c = Class::Loc;
        }
    }
}

/// sitrep's type for a span of class `c`.
fn fine_type(view: &DocView<'_>, s: usize, e: usize, c: Class) -> NerType {
    match c {
        Class::Per => NerType::Person,
        Class::Org => NerType::Org,
        Class::Loc => place_type(view, s, e),
        Class::Misc => {
            if (s..e).all(|i| is_group_word(view, i)) {
                NerType::Norp
            } else {
                NerType::Misc
            }
        }
    }
}

fn place_type(view: &DocView<'_>, s: usize, e: usize) -> NerType {
    let cats = view.cats(s, e);
    let polity = 1 << cat::COUNTRY | 1 << cat::CITY | 1 << cat::PROVINCE | 1 << cat::CAPITAL;
    if cats & polity != 0 {
        NerType::Gpe
    } else if cats & (1 << cat::CONTINENT | 1 << cat::REGION) != 0
        || view.words[s..e].iter().any(|w| has(&view.sets.geo, w.lower))
    {
        NerType::Loc
    } else {
        NerType::Gpe
    }
}

/// A nationality, religious or political group word (`Russian`, `Libyans`, `Sunni`).
pub fn is_group_word(view: &DocView<'_>, i: usize) -> bool {
    let w = &view.words[i];
    if has(&view.sets.groups, w.lower) {
        return true;
    }
    if view.lex.phrase_cats(&[w.lower]) & (1 << cat::DEMONYM) != 0 {
        return true;
    }
    let t = view.tokens[i];
    // Plural demonyms (`Libyans`).
    if let Some(stem) = t.strip_suffix('s')
        && view.lex.phrase_cats(&[lower_hash(stem)]) & (1 << cat::DEMONYM) != 0
    {
        return true;
    }
    let l = t.to_lowercase();
    // Nationality endings (`Bolivian`, `Congolese`, `Kuwaiti`).
    l.len() > 4
        && ["ian", "ians", "ean", "eans", "ese", "ish", "an", "ans", "i", "is"]
            .iter()
            .any(|x| l.ends_with(x))
}

/// A title span `[start, end)` (document tokens) and the entity index it qualifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TitleSpan {
    pub start: usize,
    pub end: usize,
    pub person: usize,
}

/// Titles just before each person: a title head word, preceded by title modifiers
/// (`Deputy Defence Minister`, `Field Marshal`, `President`, `spokesman`, `Mr`), never
/// overlapping another mention.
pub fn titles(view: &DocView<'_>, ents: &[Entity]) -> Vec<TitleSpan> {
    let mut taken = vec![false; view.words.len()];
    for e in ents {
        for t in &mut taken[e.start..e.end] {
            *t = true;
        }
    }
    let mut out = Vec::new();
    for (k, e) in ents.iter().enumerate() {
        if e.ty != NerType::Person {
            continue;
        }
        let Some(&(a, _)) = view.sents.iter().find(|&&(a, b)| a <= e.start && e.start < b) else {
            continue;
        };
        if e.start == a {
            continue;
        }
        let j = e.start - 1;
        if taken[j] || view.title_bits(j) & (1 << cat::TITLE_HEAD) == 0 {
            continue;
        }
        let mut s = j;
        while s > a && !taken[s - 1] && view.title_bits(s - 1) & (1 << cat::TITLE_MOD) != 0 {
            s -= 1;
        }
        out.push(TitleSpan { start: s, end: j + 1, person: k });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tagger::{Scratch, Tagger};
    use super::*;
    use crate::ner::Recognizer;

    /// Refines the tagger spans written into `input` as `[CLASS words ]` (tokens separated by
    /// spaces, a sentence ending after each `.`) and shows the result as `TYPE words`, joined
    /// by ` | `.
    fn check(input: &str, expect: &str) {
        let rec = Recognizer::embedded().expect("the embedded model loads");
        let mut toks: Vec<&str> = Vec::new();
        let mut spans = Vec::new();
        let mut open: Option<(usize, Class)> = None;
        let mut sents = Vec::new();
        let mut start = 0;
        for t in input.split_whitespace() {
            if let Some(c) = t.strip_prefix('[') {
                open = Some((toks.len(), Class::parse(c).expect("a class")));
            } else if t == "]" {
                let (s, c) = open.take().expect("an open span");
                spans.push((s, toks.len(), c));
            } else {
                toks.push(t);
                if t == "." {
                    sents.push((start, toks.len()));
                    start = toks.len();
                }
            }
        }
        if start < toks.len() {
            sents.push((start, toks.len()));
        }
        let mut scratch = Scratch::default();
        let tagger = Tagger { model: rec.model(), id: 1 };
        tagger.prepare(&toks, &sents, &mut scratch);
        let sets = WordSets::new();
        let view = DocView {
            words: &scratch.doc.words,
            tokens: &toks,
            sents: &sents,
            lex: &rec.model().lexicon,
            sets: &sets,
        };
        let got: Vec<String> = refine(&view, &spans)
            .iter()
            .map(|e| format!("{} {}", e.ty.as_str(), toks[e.start..e.end].join(" ")))
            .collect();
        assert_eq!(got.join(" | "), expect, "input: {input}");
    }

    #[test]
    fn titled_names_and_designated_organisations() {
        for (input, expect) in [
            // A titled name the tagger typed otherwise is the person named elsewhere.
            (
                "[MISC Field Marshal Omar Bashiri ] arrived . [PER Bashiri ] spoke .",
                "PERSON Omar Bashiri | PERSON Bashiri",
            ),
            (
                "[MISC General Omar Bashiri ] arrived . [PER Omar Bashiri ] spoke .",
                "PERSON Omar Bashiri | PERSON Omar Bashiri",
            ),
            // ... but not when no person of that name is in the document.
            ("[ORG General Motors ] said .", "ORG General Motors"),
            // A person name ending on an organisation designator is an organisation, with
            // the group adjective before it.
            (
                "his [MISC Sudanese ] [PER Popular Defence Forces ] said .",
                "ORG Sudanese Popular Defence Forces",
            ),
            ("[PER Karen National Union ] said .", "ORG Karen National Union"),
            ("[MISC Sudanese ] [PER Omar Bashiri ] said .", "NORP Sudanese | PERSON Omar Bashiri"),
            // An organisation head and `of` before a name that is not a place join it.
            (
                "the Government of [ORG Popular Salvation ] said .",
                "ORG Government of Popular Salvation",
            ),
            ("the Ministry of [MISC Northern Affairs ] said .", "ORG Ministry of Northern Affairs"),
            ("the Government of [LOC Chad ] said .", "GPE Chad"),
            ("the government of [ORG Popular Salvation ] said .", "ORG Popular Salvation"),
            // ... and so do capitalised words the tagger missed.
            ("the Government of Popular Salvation said .", "ORG Government of Popular Salvation"),
            (
                "the Office of Trade and Industry in [LOC Vistaro ] .",
                "ORG Office of Trade and Industry | GPE Vistaro",
            ),
            ("a government of Popular Salvation said .", ""),
            (
                "the [MISC Government of Popular Salvation ] said .",
                "ORG Government of Popular Salvation",
            ),
            ("the [LOC Union of Northern Republics ] said .", "GPE Union of Northern Republics"),
            (
                "the [MISC UN-backed Government ] of Popular Salvation said .",
                "MISC UN-backed | ORG Government of Popular Salvation",
            ),
            // A country, a title and a full name typed as one name are a place and a person.
            ("[ORG US Defense Secretary Ash Carter ] met him .", "GPE US | PERSON Ash Carter"),
            (
                "[ORG French Foreign Minister Jean Dupont ] met him .",
                "NORP French | PERSON Jean Dupont",
            ),
            // ... but not a body named after an office.
            ("[ORG US Trade Representative Office ] said .", "ORG US Trade Representative Office"),
            // A company form alone is no name.
            ("ACME WIDGETS [ORG INC ] SAYS", ""),
            ("[ORG Acme Widgets Inc ] said .", "ORG Acme Widgets Inc"),
        ] {
            check(input, expect);
        }
    }

    #[test]
    fn company_names() {
        for (input, expect) in [
            // The company form joins the name before it, and the name is a company.
            ("[LOC Vistaro Pacific Gold ] Corp said .", "ORG Vistaro Pacific Gold Corp"),
            ("[LOC Vistaro Pacific ] [ORG Corp ] said .", "ORG Vistaro Pacific Corp"),
            ("[PER Drummel Jones ] & Co said .", "ORG Drummel Jones & Co"),
            // Its leading parts are the company elsewhere in the document, tagged or not.
            (
                "[ORG Vistaro Pacific Gold Corp ] rose . [LOC Vistaro Pacific ] fell .",
                "ORG Vistaro Pacific Gold Corp | ORG Vistaro Pacific",
            ),
            (
                "[ORG Quandril Mining Co ] rose . Analysts said Quandril fell .",
                "ORG Quandril Mining Co | ORG Quandril",
            ),
            // A headline in capitals names the company the body names.
            (
                "STANDARD VISTARO INC SAYS . [ORG Standard Vistaro Inc ] said .",
                "ORG STANDARD VISTARO INC | ORG Standard Vistaro Inc",
            ),
            (
                "STANDARD VISTARO [ORG INC ] SAYS . [ORG Standard Vistaro Inc ] said .",
                "ORG STANDARD VISTARO INC | ORG Standard Vistaro Inc",
            ),
            // A leading word that is mostly lowercase in running text is no short name.
            (
                "[ORG General Widgets Corp ] rose . [LOC General ] fell .",
                "ORG General Widgets Corp | GPE General",
            ),
            // No form, no change; a form that starts a sentence joins nothing.
            ("[LOC Vistaro ] said .", "GPE Vistaro"),
            ("[LOC Vistaro ] . Corp said .", "GPE Vistaro"),
        ] {
            check(input, expect);
        }
    }
}
