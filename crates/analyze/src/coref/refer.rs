//! Descriptions and pronouns: `the group` (the organisation whose kind is a group), `the Tobruk
//! administration` / `the government in Tripoli` (the government the article seats there),
//! `Haftar's forces` / `his forces` / `whose forces` (the organisation the article gives him),
//! `the commander` (the person holding that role), a headline's bare `Military leader` (the
//! headline's person), and `he`/`his`/`she`/`its`/`they` (by type, gender and salience:
//! the subject of the sentence, else of the previous ones).

use crate::words::Words;
use types::{EntityType, MentionKind, MentionLabel, Span};

use super::lexicon::{self, PronounClass, is};
use super::{Gender, Work};

fn singular(w: &str) -> &str {
    if w.len() > 3 && w.ends_with("ies") {
        return w; // keep `authorities`
    }
    w.strip_suffix('s').filter(|x| x.len() > 2 && !x.ends_with('s')).unwrap_or(w)
}

fn label_of(t: EntityType) -> MentionLabel {
    t.into()
}

/// Whether entity `e`'s kind or name has `noun` as a word (`mercenary group`, `Armed Forces`).
fn kind_or_name_has(w: &Work, e: usize, noun: &str) -> bool {
    let noun = singular(noun);
    let ent = &w.ents[e];
    let in_kind =
        ent.kind.as_deref().is_some_and(|k| k.split_whitespace().any(|x| singular(x) == noun));
    let in_name = ent.mentions.iter().any(|&j| {
        w.ms[j].m.kind == MentionKind::Name
            && w.ms[j].m.text.split_whitespace().any(|x| singular(&x.to_lowercase()) == noun)
    });
    // `Olsten Corp` is `the company`.
    let company = is(&lexicon::COMPANY_NOUNS, noun)
        && ent.mentions.iter().any(|&j| {
            w.ms[j].m.kind == MentionKind::Name
                && w.ms[j].m.text.split_whitespace().last().is_some_and(|x| {
                    let x = x.trim_end_matches('.').to_lowercase();
                    is(&lexicon::CORPORATE_SUFFIXES, &x)
                })
        });
    in_kind || in_name || company
}

/// The most recent entity (by its latest mention before `before`) that passes `ok`, within
/// `window` sentences.
fn most_recent(
    w: &Work,
    before: usize,
    sentence: usize,
    window: usize,
    ok: impl Fn(usize) -> bool,
) -> Option<(usize, Span)> {
    let mut best: Option<(usize, Span)> = None;
    for (e, ent) in w.ents.iter().enumerate() {
        if !ok(e) {
            continue;
        }
        for &j in &ent.mentions {
            let m = &w.ms[j];
            if m.m.span.end <= before
                && m.sentence + window >= sentence
                && m.m.kind != MentionKind::Pronoun
                && best.is_none_or(|(_, s)| m.m.span.start > s.start)
            {
                best = Some((e, m.m.span));
            }
        }
    }
    best
}

/// ORG kinds from descriptive premodifiers (`mercenary group Wagner`, `news agency Tass`) and
/// seats from `X (government) (based) in (the eastern city of) PLACE`.
fn org_facts(w: &mut Work) {
    for i in 0..w.ms.len() {
        let wm = &w.ms[i];
        if wm.m.label != MentionLabel::Org || wm.m.kind != MentionKind::Name {
            continue;
        }
        let Some(e) = wm.ent else { continue };
        let (a, b) = wm.tok;
        let (s0, s1) = w.sentence_tokens(wm.sentence);
        // Kind: lower-case words right before the name ending in an organisation noun.
        if a > s0 && w.ents[e].kind.is_none() {
            let head = w.lower(a - 1);
            if is(&lexicon::ORG_NOUNS, &head) && w.tok(a - 1).chars().all(|c| !c.is_uppercase()) {
                let mut k = a - 1;
                while k > s0
                    && k + 3 > a
                    && w.tok_mention[k - 1].is_none()
                    && w.tok(k - 1).chars().next().is_some_and(char::is_lowercase)
                    && !is(&lexicon::DEFINITE, &w.lower(k - 1))
                    && !matches!(
                        w.lower(k - 1).as_str(),
                        "a" | "an" | "of" | "and" | "on" | "with" | "by"
                    )
                {
                    k -= 1;
                }
                let s = w.tok_span(k).start;
                let kind = w.text[s..w.tok_span(a - 1).end].to_lowercase();
                w.ents[e].kind = Some(kind);
            }
        }
        // Seat.
        let mut k = b;
        while k < s1
            && k < b + 4
            && matches!(
                w.lower(k).as_str(),
                "government" | "administration" | "based" | "headquartered" | "seated" | ","
            )
        {
            k += 1;
        }
        if k < s1 && w.lower(k) == "in" {
            k += 1;
            while k < s1
                && k < b + 12
                && w.tok_mention[k].is_none()
                && matches!(
                    w.lower(k).as_str(),
                    "the"
                        | "eastern"
                        | "western"
                        | "northern"
                        | "southern"
                        | "coastal"
                        | "city"
                        | "town"
                        | "capital"
                        | "port"
                        | "of"
                )
            {
                k += 1;
            }
            if let Some(p) = (k < s1).then(|| w.tok_mention[k]).flatten()
                && matches!(w.ms[p].m.label, MentionLabel::Gpe | MentionLabel::Loc)
                && w.ms[p].tok.0 == k
            {
                w.ents[e].seat = w.ms[p].ent;
            }
        }
    }
}

/// `his ORG`, `PERSON's ORG`: the organisation belongs to the person.
fn possessors(w: &mut Work) {
    for i in 0..w.ms.len() {
        let wm = &w.ms[i];
        if wm.m.label != MentionLabel::Org || wm.m.kind != MentionKind::Name {
            continue;
        }
        let Some(e) = wm.ent else { continue };
        let a = wm.tok.0;
        let (s0, _) = w.sentence_tokens(wm.sentence);
        if a <= s0 {
            continue;
        }
        let owner = if matches!(w.lower(a - 1).as_str(), "his" | "her") {
            resolve_pronoun(w, a - 1).map(|x| x.0)
        } else if w.is_possessive(a - 1) && a >= 2 {
            w.tok_mention[a - 2]
                .filter(|&p| w.ms[p].m.label == MentionLabel::Person)
                .and_then(|p| w.ms[p].ent)
        } else {
            None
        };
        if let Some(o) = owner.filter(|&o| w.ents[o].etype == Some(EntityType::Person)) {
            w.ents[e].possessor.get_or_insert(o);
        }
    }
}

pub(crate) fn descriptions(w: &mut Work) {
    org_facts(w);
    possessors(w);
    let ntok = w.seg.tokens.len();
    let mut t = 0;
    while t < ntok {
        // Only determiners, possessives, person names and sentence starts open a description.
        let person = w.tok_mention[t].is_some_and(|m| w.ms[m].m.label == MentionLabel::Person);
        let opener =
            matches!(w.low(t), "the" | "this" | "that" | "his" | "her" | "their" | "whose");
        let starts = w
            .seg
            .sentence_tokens
            .get(w.sentence_of_token(t))
            .is_some_and(|&(a, _)| a as usize == t);
        if (w.tok_mention[t].is_some() && !person) || !(person || opener || starts) {
            t += 1;
            continue;
        }
        let next = government_nominal(w, t)
            .or_else(|| possessive_nominal(w, t))
            .or_else(|| definite_description(w, t))
            .or_else(|| bare_role_subject(w, t));
        t = next.unwrap_or(t + 1).max(t + 1);
    }
    given_nominals(w);
}

/// `the PLACE government` / `the government in PLACE`: the government seated there. Returns
/// the token after the description when one was found.
fn government_nominal(w: &mut Work, t: usize) -> Option<usize> {
    if w.lower(t) != "the" {
        return None;
    }
    let s = w.sentence_of_token(t);
    let (_, s1) = w.sentence_tokens(s);
    let place_at = |k: usize| -> Option<usize> {
        let p = w.tok_mention.get(k).copied().flatten()?;
        (matches!(w.ms[p].m.label, MentionLabel::Gpe | MentionLabel::Loc) && w.ms[p].tok.0 == k)
            .then_some(p)
    };
    let (p, end) = if let Some(p) = place_at(t + 1) {
        let k = w.ms[p].tok.1;
        if k < s1 && is(&lexicon::GOVERNMENT_NOUNS, &w.lower(k)) { (p, k) } else { return None }
    } else if t + 3 < s1
        && is(&lexicon::GOVERNMENT_NOUNS, &w.lower(t + 1))
        && w.lower(t + 2) == "in"
    {
        let p = place_at(t + 3)?;
        (p, w.ms[p].tok.1 - 1)
    } else {
        return None;
    };
    let pe = w.ms[p].ent?;
    let span = Span::new(w.tok_span(t).start, w.tok_span(end).end);
    let seated =
        most_recent(w, usize::MAX, usize::MAX / 2, usize::MAX / 2, |e| w.ents[e].seat == Some(pe));
    let (target, rule, ev) = match seated {
        Some((e, ev)) => (e, "government seated there", ev),
        None => {
            // No government seated there: a country's or its capital's government is the state.
            let code = w.ents[pe].geo.as_ref().and_then(|g| {
                let is_capital = g.feature == "country"
                    || w.gaz.by_id(&g.id).is_some_and(
                        |x| matches!(x, gazetteer::Entry::Place(pl) if pl.capital_of.is_some()),
                    );
                is_capital.then(|| g.country.clone()).flatten()
            })?;
            let e = w.country_entity(&code)?;
            (e, "government of country", w.ms[p].m.span)
        }
    };
    let m = w.add(span, MentionLabel::Org, MentionKind::Nominal)?;
    w.link(m, target, rule, ev);
    Some(end + 1)
}

/// `PERSON's forces`, `his forces`, `whose forces`: the organisation the article gives them.
fn possessive_nominal(w: &mut Work, t: usize) -> Option<usize> {
    let s = w.sentence_of_token(t);
    let (s0, s1) = w.sentence_tokens(s);
    let (owner, start, head) = if let Some(p) = w.tok_mention[t].filter(|&p| w.ms[p].tok.0 == t) {
        let k = w.ms[p].tok.1;
        if !(k + 1 < s1 && w.is_possessive(k)) {
            return None;
        }
        (w.ms[p].ent?, w.ms[p].m.span.start, k + 1)
    } else {
        let word = w.lower(t);
        let owner = match word.as_str() {
            "his" | "her" | "their" => resolve_pronoun(w, t)?.0,
            "whose" if t >= s0 + 2 && w.tok(t - 1) == "," => {
                let p = w.tok_mention[t - 2]?;
                (w.ms[p].m.label == MentionLabel::Person).then_some(w.ms[p].ent).flatten()?
            }
            _ => return None,
        };
        (owner, w.tok_span(t).start, t + 1)
    };
    if head >= s1 || w.tok_mention[head].is_some() {
        return None;
    }
    let noun = w.lower(head);
    if !(is(&lexicon::ORG_NOUNS, &noun)
        || matches!(noun.as_str(), "troops" | "fighters" | "militias" | "groups"))
    {
        return None;
    }
    let owned: Vec<usize> =
        (0..w.ents.len()).filter(|&e| w.ents[e].possessor == Some(owner)).collect();
    let target = owned
        .iter()
        .copied()
        .find(|&e| {
            kind_or_name_has(w, e, &noun) || (noun == "troops" && kind_or_name_has(w, e, "forces"))
        })
        .or_else(|| (owned.len() == 1).then(|| owned[0]))?;
    let span = Span::new(start, w.tok_span(head).end);
    let ev = w.first_mention(target).map_or(span, |j| w.ms[j].m.span);
    let m = w.add(span, MentionLabel::Org, MentionKind::Nominal)?;
    w.link(m, target, "possessive", ev);
    Some(head + 1)
}

/// `the group`, `the commander`, `the Eastern Libyan commander`.
fn definite_description(w: &mut Work, t: usize) -> Option<usize> {
    if !matches!(w.lower(t).as_str(), "the" | "this" | "that") {
        return None;
    }
    let s = w.sentence_of_token(t);
    let (_, s1) = w.sentence_tokens(s);
    let mut k = t + 1;
    while k < s1
        && k < t + 5
        && w.tok_mention[k].is_none_or(|m| w.ms[m].m.label == MentionLabel::Norp)
    {
        let word = w.lower(k);
        if is(&lexicon::ORG_NOUNS, &word) || is(&lexicon::ROLES, &word) {
            break;
        }
        if !(is(&lexicon::DESCRIPTORS, &word)
            || w.tok_mention[k].is_some()
            || is(&lexicon::TITLE_MODIFIERS, &word))
        {
            return None;
        }
        k += 1;
    }
    if k >= s1 || w.tok_mention[k].is_some() {
        return None;
    }
    let noun = w.lower(k);
    let after = if k + 1 < s1 { w.lower(k + 1) } else { String::new() };
    if after == "of"
        || (k + 1 < s1
            && w.tok_mention[k + 1].is_some_and(|m| w.ms[m].m.label == MentionLabel::Person))
    {
        return None;
    }
    let span = Span::new(w.tok_span(t).start, w.tok_span(k).end);
    let here = span.start;
    if is(&lexicon::ROLES, &noun) {
        let (e, ev) = most_recent(w, here, s, 6, |e| {
            w.ents[e].etype == Some(EntityType::Person) && w.ents[e].roles.contains(&noun)
        })?;
        let m = w.add(span, MentionLabel::Person, MentionKind::Nominal)?;
        w.link(m, e, "description", ev);
        return Some(k + 1);
    }
    if is(&lexicon::ORG_NOUNS, &noun) && !is(&lexicon::GOVERNMENT_NOUNS, &noun) {
        let ok =
            |e: usize| w.ents[e].etype == Some(EntityType::Org) && kind_or_name_has(w, e, &noun);
        let found = if is(&lexicon::COMPANY_NOUNS, &noun) {
            salient(w, here, ok)
        } else {
            most_recent(w, here, s, 6, ok)
        };
        let (e, ev) = found?;
        let m = w.add(span, MentionLabel::Org, MentionKind::Nominal)?;
        w.link(m, e, "description", ev);
        return Some(k + 1);
    }
    None
}

/// The entity an article is about among those that pass `ok`, for `the company`: the one
/// named most often before `before`, the first named on a tie (a business story names its
/// company first and most; `Hadson Corp said it will buy Seaxe Energy Corp. The company said
/// ...` is Hadson). Returns its latest name mention before `before` as evidence.
fn salient(w: &Work, before: usize, ok: impl Fn(usize) -> bool) -> Option<(usize, Span)> {
    let mut best: Option<(usize, usize, usize, Span)> = None; // (count, first, entity, last span)
    for (e, ent) in w.ents.iter().enumerate() {
        if !ok(e) {
            continue;
        }
        // (count, first start, latest span) of its names before `before`.
        let seen = ent
            .mentions
            .iter()
            .map(|&j| &w.ms[j].m)
            .filter(|m| m.kind == MentionKind::Name && m.span.end <= before)
            .fold(None, |acc: Option<(usize, usize, Span)>, m| {
                Some(match acc {
                    None => (1, m.span.start, m.span),
                    Some((c, f, l)) => (
                        c + 1,
                        f.min(m.span.start),
                        if m.span.start >= l.start { m.span } else { l },
                    ),
                })
            });
        let Some((count, first, last)) = seen else { continue };
        if best.is_none_or(|(c, f, _, _)| count > c || count == c && first < f) {
            best = Some((count, first, e, last));
        }
    }
    best.map(|(_, _, e, span)| (e, span))
}

/// A sentence that opens with a bare role (`Military leader has cultivated ...`), as headlines
/// and standfirsts do: the person the previous sentence is about.
fn bare_role_subject(w: &mut Work, t: usize) -> Option<usize> {
    let s = w.sentence_of_token(t);
    let (s0, s1) = w.sentence_tokens(s);
    if t != s0 || s == 0 {
        return None;
    }
    let mut k = t;
    while k < s1
        && k < t + 3
        && w.tok_mention[k].is_none()
        && (is(&lexicon::DESCRIPTORS, &w.lower(k)) || is(&lexicon::TITLE_MODIFIERS, &w.lower(k)))
    {
        k += 1;
    }
    if k >= s1 || w.tok_mention[k].is_some() || !is(&lexicon::ROLES, &w.lower(k)) {
        return None;
    }
    // A verb must follow (not a name or `of`).
    let next = if k + 1 < s1 { w.lower(k + 1) } else { return None };
    if !matches!(
        next.as_str(),
        "has"
            | "had"
            | "is"
            | "was"
            | "said"
            | "says"
            | "will"
            | "would"
            | "met"
            | "held"
            | "arrived"
            | "visited"
    ) {
        return None;
    }
    let (p0, p1) = w.sentence_tokens(s - 1);
    let subject = (p0..p1).find_map(|x| {
        let m = w.tok_mention[x]?;
        (w.ms[m].m.label == MentionLabel::Person).then_some(m)
    })?;
    let e = w.ms[subject].ent?;
    let span = Span::new(w.tok_span(t).start, w.tok_span(k).end);
    let ev = w.ms[subject].m.span;
    let m = w.add(span, MentionLabel::Person, MentionKind::Nominal)?;
    w.link(m, e, "headline subject", ev);
    Some(k + 1)
}

/// The head word of a description: the last word before its first post-modifier
/// (`The six-member Afghan team, which ...` -> `team`; `worshippers of the ...` ->
/// `worshippers`), without a possessive.
fn head_token(w: &Work, a: usize, b: usize) -> Option<usize> {
    let mut end = b;
    for k in a + 1..b {
        let x = w.lower(k);
        if matches!(
            x.as_str(),
            "," | "which"
                | "who"
                | "that"
                | "of"
                | "in"
                | "to"
                | "for"
                | "with"
                | "from"
                | "on"
                | "at"
                | "("
                | "scheduled"
                | "elected"
                | "made"
        ) {
            end = k;
            break;
        }
    }
    let mut h = end.checked_sub(1)?;
    if w.is_possessive(h) && h > a {
        h -= 1;
    }
    (h >= a).then_some(h)
}

/// A description's text without determiners and possessive, lower-cased (for exact matches).
fn plain_text(w: &Work, a: usize, b: usize) -> String {
    let mut k = a;
    while k < b
        && matches!(w.lower(k).as_str(), "the" | "a" | "an" | "this" | "that" | "these" | "those")
    {
        k += 1;
    }
    let mut e = b;
    if e > k && w.is_possessive(e - 1) {
        e -= 1;
    }
    let mut out = String::new();
    for t in k..e {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w.low(t));
    }
    out
}

/// Nouns that name the type of an entity (`the country`, `the city`, `the organization`).
fn type_noun_ok(w: &Work, e: usize, head: &str) -> bool {
    let ent = &w.ents[e];
    let feature = ent.geo.as_ref().map(|g| g.feature.as_str());
    match head {
        "country" | "nation" => feature == Some("country"),
        "city" | "town" | "capital" | "village" => {
            feature == Some("city") || (ent.etype == Some(EntityType::Gpe) && feature.is_none())
        }
        "region" | "area" | "province" | "state" => {
            matches!(ent.etype, Some(EntityType::Gpe | EntityType::Loc))
                && feature != Some("country")
                && feature != Some("city")
        }
        "organization" | "organisation" => ent.etype == Some(EntityType::Org),
        _ => false,
    }
}

/// Nominal mentions that came with the input (gold mentions): the same words as an earlier
/// mention, or a definite description whose head matches an earlier mention's head, an
/// entity's kind or role, or its type (`the country`); others stand alone.
fn given_nominals(w: &mut Work) {
    let plains: Vec<String> = w.ms.iter().map(|m| plain_text(w, m.tok.0, m.tok.1)).collect();
    let heads: Vec<Option<String>> =
        w.ms.iter()
            .map(|m| head_token(w, m.tok.0, m.tok.1).map(|h| singular(w.low(h)).to_string()))
            .collect();
    for i in 0..w.ms.len() {
        let wm = &w.ms[i];
        if wm.m.kind != MentionKind::Nominal || wm.ent.is_some() || wm.qualifies.is_some() {
            continue;
        }
        let (a, b) = wm.tok;
        if a >= b {
            continue;
        }
        let label = wm.m.label;
        let s = wm.sentence;
        let here = wm.m.span.start;
        let plain = plain_text(w, a, b);
        // Same words.
        let same = most_recent(w, here, s, 40, |e| {
            w.ents[e].etype.map(label_of) == Some(label)
                && w.ents[e].mentions.iter().any(|&j| {
                    let o = &w.ms[j];
                    o.m.kind != MentionKind::Pronoun
                        && o.m.span.end <= here
                        && plains.get(j).is_some_and(|p| *p == plain)
                })
        });
        if let Some((e, ev)) = same {
            w.link(i, e, "same words", ev);
            continue;
        }
        let first = w.lower(a);
        let new_entity = |w: &mut Work| {
            let etype = label.entity_type().unwrap_or(EntityType::Org);
            let e = w.new_entity(etype);
            let span = w.ms[i].m.span;
            w.link(i, e, "new", span);
        };
        if !is(&lexicon::DEFINITE, &first) {
            new_entity(w);
            continue;
        }
        let Some(h) = head_token(w, a, b) else {
            new_entity(w);
            continue;
        };
        let head = singular(&w.lower(h)).to_string();
        let found = most_recent(w, here, s, 12, |e| {
            let ent = &w.ents[e];
            let same_type = ent.etype.map(label_of) == Some(label)
                || label == MentionLabel::Gpe && ent.etype == Some(EntityType::Loc);
            if !same_type {
                return false;
            }
            type_noun_ok(w, e, &head)
                || ent.roles.contains(&head)
                || ent
                    .kind
                    .as_deref()
                    .is_some_and(|k| k.split_whitespace().any(|x| singular(x) == head))
                || ent.mentions.iter().any(|&j| {
                    let o = &w.ms[j];
                    o.m.kind != MentionKind::Pronoun
                        && o.m.span.end <= here
                        && heads.get(j).is_some_and(|h| h.as_deref() == Some(head.as_str()))
                })
        });
        match found {
            Some((e, ev)) => w.link(i, e, "same head", ev),
            None => new_entity(w),
        }
    }
}

fn class_of(word: &str, given: bool) -> Option<(PronounClass, bool)> {
    lexicon::pronoun(word).or_else(|| {
        given.then_some(match word {
            "it" => Some((PronounClass::Neuter, false)),
            "we" | "our" | "us" | "ours" => Some((PronounClass::Plural, false)),
            "i" | "me" | "my" | "mine" | "myself" => Some((PronounClass::Speaker, false)),
            _ => None,
        })?
    })
}

/// The entity a pronoun at token `t` refers to, with the antecedent's span.
pub(crate) fn resolve_pronoun(w: &Work, t: usize) -> Option<(usize, Span)> {
    let word = w.lower(t);
    let (class, object) = class_of(&word, true)?;
    let s = w.sentence_of_token(t);
    let here = w.tok_span(t).start;
    let compatible = |e: usize| -> bool {
        let ent = &w.ents[e];
        match class {
            PronounClass::Male => {
                ent.etype == Some(EntityType::Person) && ent.gender != Some(Gender::Female)
            }
            PronounClass::Female => {
                ent.etype == Some(EntityType::Person) && ent.gender != Some(Gender::Male)
            }
            PronounClass::Neuter => matches!(ent.etype, Some(EntityType::Org | EntityType::Gpe)),
            PronounClass::Plural => {
                matches!(ent.etype, Some(EntityType::Org | EntityType::Norp | EntityType::Gpe))
            }
            PronounClass::Speaker => ent.etype == Some(EntityType::Person),
        }
    };
    if class == PronounClass::Speaker {
        // `I` in a quote is its speaker: a person named in the same sentence, else the last
        // person named before it.
        let in_sentence = w.ms.iter().find(|m| {
            m.sentence == s && m.m.kind == MentionKind::Name && m.ent.is_some_and(&compatible)
        });
        if let Some(m) = in_sentence {
            return m.ent.map(|e| (e, m.m.span));
        }
        return most_recent(w, here, s, 3, |e| {
            compatible(e) && w.ents[e].mentions.iter().any(|&j| w.ms[j].m.kind == MentionKind::Name)
        });
    }
    // Candidate mentions per sentence, in order, before the pronoun.
    let cands = |sent: usize| -> Vec<(usize, Span)> {
        let mut v: Vec<(usize, Span)> = w
            .by_sentence
            .get(sent)
            .into_iter()
            .flatten()
            .map(|&j| &w.ms[j])
            .filter(|m| {
                m.sentence == sent && m.m.span.end <= here && m.m.label != MentionLabel::Title
            })
            .filter(|m| m.m.kind != MentionKind::Pronoun || class != PronounClass::Plural)
            .filter_map(|m| m.ent.filter(|&e| compatible(e)).map(|e| (e, m.m.span)))
            .collect();
        v.sort_by_key(|x| x.1.start);
        v
    };
    // `..., the company said. It said ...`: a speaker goes on speaking.
    if !object
        && speaks(w, t)
        && let Some(prev) = s.checked_sub(1)
        && let Some(found) = previous_speaker(w, prev, &compatible)
    {
        return found;
    }
    let current = cands(s);
    if object {
        if word.ends_with("self") || word.ends_with("selves") {
            return current.last().copied();
        }
        let subject = current.first().map(|x| x.0);
        if let Some(c) = current.iter().rev().find(|c| Some(c.0) != subject) {
            return Some(*c);
        }
    } else if let Some(c) = current.first() {
        return Some(*c);
    }
    for back in 1..=3 {
        let Some(prev) = s.checked_sub(back) else { break };
        if let Some(c) = cands(prev).first() {
            return Some(*c);
        }
    }
    None
}

/// Verbs of saying that make their subject a speaker.
static SAY: Words = Words::new(&[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "noted",
    "notes",
    "reported",
    "announced",
    "declared",
    "explained",
    "stressed",
    "argued",
    "insisted",
]);

/// Whether the pronoun at token `t` is the subject of a verb of saying (`It said`, `it also
/// said`, `they added`).
fn speaks(w: &Work, t: usize) -> bool {
    let mut k = t + 1;
    if matches!(w.low(k), "also" | "further" | "later" | "earlier" | "has" | "had" | "have") {
        k += 1;
    }
    is(&SAY, w.low(k))
}

/// The speaker of sentence `s` that a pronoun speaker of the next sentence continues: the
/// subject of `X said ...` at the sentence's start or of `..., X said.` at its end.
/// `Some(Some(entity))` when the speaker is a compatible entity (a name, a description or a
/// pronoun already resolved), `Some(None)` when the speaker is an unnamed phrase (`the
/// report`, `officials`, `a spokesman`), which the pronoun then continues unresolved; `None`
/// when the sentence has no speaker.
fn previous_speaker(
    w: &Work,
    s: usize,
    compatible: &dyn Fn(usize) -> bool,
) -> Option<Option<(usize, Span)>> {
    let (s0, s1) = w.sentence_tokens(s);
    let punct = |k: usize| w.tok(k).chars().all(|c| !c.is_alphanumeric());
    // `..., X said (in a statement).`: the last verb of saying after the last comma.
    let trailing = (s0..s1).rev().take(14).find(|&k| is(&SAY, w.low(k))).and_then(|k| {
        let comma = (s0..k).rev().take(8).find(|&c| punct(c))?;
        (matches!(w.tok(comma), "," | "\u{201d}" | "\"") && comma + 1 < k && s1 - k <= 7)
            .then_some((comma + 1, k))
    });
    // `X said ...`: a verb of saying within the first tokens, no punctuation before it.
    let leading = || {
        let k = (s0..s1).take(9).find(|&k| is(&SAY, w.low(k)) || punct(k))?;
        (is(&SAY, w.low(k)) && k > s0).then_some((s0, k))
    };
    let (a, b) = trailing.or_else(leading)?;
    let (from, to) = (w.tok_span(a).start, w.tok_span(b - 1).end);
    let in_phrase = w.by_sentence.get(s).into_iter().flatten().map(|&j| &w.ms[j]).filter(|m| {
        m.m.span.start >= from && m.m.span.end <= to && m.m.label != MentionLabel::Title
    });
    let mut any = false;
    let mut best = None;
    for m in in_phrase {
        any = true;
        if let Some(e) = m.ent.filter(|&e| compatible(e)) {
            best = Some((e, m.m.span));
        }
    }
    if best.is_some() {
        return Some(best);
    }
    // An unnamed speaker: a common noun heads the phrase.
    let head = w.tok(b - 1);
    let common = !any && head.chars().next().is_some_and(char::is_lowercase) && head.len() > 2;
    common.then_some(None)
}

pub(crate) fn pronouns(w: &mut Work) {
    // Pronouns that came as mentions (gold input) and pronoun tokens the text has.
    let given: Vec<usize> = (0..w.ms.len())
        .filter(|&i| w.ms[i].m.kind == MentionKind::Pronoun && w.ms[i].ent.is_none())
        .collect();
    for i in given {
        let t = w.ms[i].tok.0;
        if let Some((e, ev)) = resolve_pronoun(w, t) {
            w.link(i, e, "pronoun", ev);
            set_gender(w, e, t);
        }
    }
    let given: std::collections::HashSet<usize> =
        w.ms.iter().filter(|m| m.m.kind == MentionKind::Pronoun).map(|m| m.tok.0).collect();
    let quoted = quoted_tokens(w);
    for t in 0..w.seg.tokens.len() {
        if w.tok_mention[t].is_some() || given.contains(&t) {
            continue;
        }
        // `I` and `me` in a quote are its speaker's (`"I met them," Smith said`); outside
        // quotes they are the writer's, whom the text does not name.
        let speaker = matches!(w.tok(t), "I" | "me") && quoted.get(t).copied().unwrap_or(false);
        if lexicon::pronoun(w.low(t)).is_none() && !speaker {
            continue;
        }
        let Some((e, ev)) = resolve_pronoun(w, t) else { continue };
        let label = w.ents[e].etype.map_or(MentionLabel::Person, label_of);
        if let Some(m) = w.add(w.tok_span(t), label, MentionKind::Pronoun) {
            w.link(m, e, "pronoun", ev);
            set_gender(w, e, t);
        }
    }
}

/// Which tokens stand inside quotation marks. A straight quote opens or closes; curly quotes
/// say which. A paragraph break closes a quote (a quote that runs on reopens with a mark).
fn quoted_tokens(w: &Work) -> Vec<bool> {
    let mut out = Vec::with_capacity(w.seg.tokens.len());
    let mut open = false;
    let mut last_end = 0;
    for t in 0..w.seg.tokens.len() {
        let span = w.tok_span(t);
        if w.text.get(last_end..span.start).is_some_and(|gap| gap.contains("\n\n")) {
            open = false;
        }
        last_end = span.end;
        match w.tok(t) {
            "\"" => open = !open,
            "\u{201c}" => open = true,
            "\u{201d}" => open = false,
            _ => {}
        }
        out.push(open);
    }
    out
}

fn set_gender(w: &mut Work, e: usize, t: usize) {
    if w.ents[e].gender.is_none() {
        w.ents[e].gender = match lexicon::pronoun(&w.lower(t)) {
            Some((PronounClass::Male, _)) => Some(Gender::Male),
            Some((PronounClass::Female, _)) => Some(Gender::Female),
            _ => None,
        };
    }
}

/// Descriptions waiting for their person (premodifiers, appositions) join that person's
/// entity; every other mention left over becomes an entity of its own.
pub(crate) fn remaining(w: &mut Work) {
    for i in 0..w.ms.len() {
        if w.ms[i].m.label == MentionLabel::Title {
            continue;
        }
        if let Some(p) = w.ms[i].qualifies.take()
            && let Some(e) = w.ms[p].ent
        {
            let (rule, ev) = (w.ms[i].rule, w.ms[i].evidence);
            w.link(i, e, if rule.is_empty() { "description" } else { rule }, ev);
            continue;
        }
        if w.ms[i].ent.is_none() {
            let etype = w.ms[i].m.label.entity_type().unwrap_or(EntityType::Org);
            let e = w.new_entity(etype);
            let span = w.ms[i].m.span;
            w.link(i, e, "new", span);
        }
    }
}
