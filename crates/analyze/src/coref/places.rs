//! Places, countries and nationalities: gazetteer resolution with the article as context
//! (Tripoli in Libya or in Lebanon), demonyms to countries, capitals as governments when the
//! sentence makes them actors, and regions of a country (`eastern Libya`, `the east`).

use gazetteer::Entry;
use types::{EntityType, GeoRef, MentionKind, MentionLabel, Span};

use super::Work;
use super::lexicon::{self, is};

/// Strips `-backed`-style suffixes and plurals: the singular adjective to look up.
fn demonym_forms(text: &str) -> Vec<&str> {
    let mut t = text.trim();
    for suf in lexicon::NORP_SUFFIXES {
        if let Some(x) = t.strip_suffix(suf) {
            t = x;
            break;
        }
    }
    let mut forms = vec![t];
    if let Some(x) = t.strip_suffix("es") {
        forms.push(x);
    }
    if let Some(x) = t.strip_suffix('s') {
        forms.push(x);
    }
    forms
}

/// The country a nationality word names.
fn demonym_country<'g>(w: &Work<'g>, text: &str) -> Option<&'g gazetteer::Country> {
    demonym_forms(text).into_iter().find_map(|f| w.gaz.demonym(f))
}

/// Countries the article names without ambiguity (country names, demonyms, places with one
/// candidate): the context that settles ambiguous place names.
pub(crate) fn collect_context(w: &mut Work) {
    let mut ctx: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for wm in &w.ms {
        if wm.m.kind != MentionKind::Name {
            continue;
        }
        let text = super::core_text(&wm.m.text);
        let code: Option<String> = match wm.m.label {
            MentionLabel::Norp => demonym_country(w, text).map(|c| c.code.to_string()),
            MentionLabel::Gpe | MentionLabel::Loc | MentionLabel::Org => {
                let mut cands = w.gaz.lookup(text);
                match (cands.next(), cands.next()) {
                    (Some(e @ Entry::Country(_)), _) | (Some(e), None) => {
                        e.country_code().map(str::to_string)
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some(c) = code {
            *ctx.entry(c).or_default() += 1;
        }
    }
    w.context = ctx;
}

/// Picks the gazetteer entry a place name refers to, using the article's countries.
fn best_entry<'g>(w: &Work<'g>, text: &str, label: MentionLabel) -> Option<Entry<'g>> {
    if let Some(e) = w.gaz.acronym(text) {
        return Some(e);
    }
    let mut best: Option<(f64, Entry<'g>)> = None;
    for e in w.gaz.lookup(text) {
        let base = match e {
            Entry::Country(_) => 100.0,
            Entry::Igo(_) => 60.0,
            Entry::Region(_) => 80.0,
            Entry::Seat(_) => 40.0,
            Entry::Place(p) => (p.population as f64 + 1.0).ln(),
        };
        let ctx =
            e.country_code().and_then(|c| w.context.get(c)).map_or(0.0, |&n| 6.0 + (n as f64).ln());
        let loc_bonus =
            if label == MentionLabel::Loc && matches!(e, Entry::Region(_)) { 5.0 } else { 0.0 };
        let score = base + ctx + loc_bonus;
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, e));
        }
    }
    best.map(|b| b.1)
}

/// Whether the sentence treats the capital at mention `i` as an actor, and the words that say
/// so (`relations with Moscow`, `Moscow's invasion`, `Moscow said`).
fn actor_context(w: &Work, i: usize) -> Option<Span> {
    let (a, b) = w.ms[i].tok;
    let (s0, s1) = w.sentence_tokens(w.ms[i].sentence);
    let span = w.ms[i].m.span;
    if b < s1 && w.is_possessive(b) {
        return Some(Span::new(span.start, w.tok_span(b).end));
    }
    if a > s0 {
        let before = w.lower(a - 1);
        if is(&lexicon::PLACE_PREPOSITIONS, &before) {
            return None;
        }
        if is(&lexicon::ACTOR_BEFORE, &before) {
            // `between Moscow and Kyiv` stays a place only after a place preposition.
            return Some(Span::new(w.tok_span(a - 1).start, span.end));
        }
    }
    if b < s1 {
        let after = w.lower(b);
        if is(&lexicon::ACTOR_AFTER, &after)
            && (a == s0 || !is(&lexicon::PLACE_PREPOSITIONS, &w.lower(a - 1)))
        {
            // `Moscow is` is an actor only as the subject, not `Moscow is a city`: accept
            // `is`/`was` only when a participle or `to` follows.
            if matches!(after.as_str(), "is" | "was") {
                let next = if b + 1 < s1 { w.lower(b + 1) } else { String::new() };
                if !(next.ends_with("ed") || next.ends_with("ing") || next == "to") {
                    return None;
                }
            }
            return Some(Span::new(span.start, w.tok_span(b).end));
        }
    }
    None
}

/// A GPE or LOC name mention.
pub(crate) fn place(w: &mut Work, i: usize) {
    let text = super::core_text(&w.ms[i].m.text).to_string();
    let label = w.ms[i].m.label;
    let span = w.ms[i].m.span;
    if let Some(seat) = w.gaz.seat(&text) {
        let entry = Entry::Seat(seat);
        let (e, fresh) = w.keyed(format!("geo:{}", entry.id()), EntityType::Org);
        if fresh {
            w.ents[e].geo = Some(entry.georef());
            w.ents[e].kind = Some("government".into());
        }
        w.link(i, e, if fresh { "gazetteer" } else { "same place" }, span);
        return;
    }
    // `Livorno, Tuscany`: the place before the comma.
    let entry = best_entry(w, &text, label)
        .or_else(|| text.split_once(", ").and_then(|(a, _)| best_entry(w, a, label)));
    let Some(entry) = entry else {
        // Unknown to the gazetteer: one entity per name.
        let key = format!("place:{}", gazetteer::fold_string(&text));
        let (e, fresh) = w
            .keyed(key, if label == MentionLabel::Loc { EntityType::Loc } else { EntityType::Gpe });
        let ev = if fresh { span } else { w.first_mention(e).map_or(span, |j| w.ms[j].m.span) };
        w.link(i, e, if fresh { "new" } else { "same name" }, ev);
        return;
    };
    if let Entry::Place(p) = entry
        && let Some(country) = w.gaz.capital_of(p)
        && let Some(ev) = actor_context(w, i)
    {
        let code = country.code.to_string();
        if let Some(e) = w.country_entity(&code) {
            w.link(i, e, "capital as government", ev);
            return;
        }
    }
    let etype = match entry {
        Entry::Igo(_) | Entry::Seat(_) => EntityType::Org,
        Entry::Country(_) => EntityType::Gpe,
        Entry::Region(_) => EntityType::Loc,
        Entry::Place(_) => {
            if label == MentionLabel::Loc {
                EntityType::Loc
            } else {
                EntityType::Gpe
            }
        }
    };
    let (e, fresh) = w.keyed(format!("geo:{}", entry.id()), etype);
    if fresh {
        w.ents[e].geo = Some(entry.georef());
        w.ents[e].kind = Some(match entry {
            Entry::Igo(x) => x.kind.to_string(),
            Entry::Seat(_) => "government".into(),
            Entry::Place(_) => "city".into(),
            e => e.feature().to_string(),
        });
        if let Entry::Igo(x) = entry {
            w.ents[e].canonical = Some(x.name.to_string());
        }
        if let Entry::Country(c) = entry {
            w.ents[e].canonical = Some(c.name.to_string());
        }
    }
    let ev = if fresh { span } else { w.first_mention(e).map_or(span, |j| w.ms[j].m.span) };
    w.link(i, e, if fresh { "gazetteer" } else { "same place" }, ev);
}

/// A nationality or group adjective: its country when it names one.
pub(crate) fn norp(w: &mut Work, i: usize) {
    let text = super::core_text(&w.ms[i].m.text).to_string();
    let span = w.ms[i].m.span;
    let country = demonym_country(w, &text).map(|c| c.code.to_string()).or_else(|| {
        // `U.S.` used as an adjective.
        match w.gaz.acronym(&text) {
            Some(Entry::Country(c)) => Some(c.code.to_string()),
            _ => None,
        }
    });
    if let Some(code) = country
        && let Some(e) = w.country_entity(&code)
    {
        w.link(i, e, "demonym", span);
        return;
    }
    let key = format!("norp:{}", gazetteer::fold_string(demonym_forms(&text)[0]));
    let (e, fresh) = w.keyed(key, EntityType::Norp);
    let ev = if fresh { span } else { w.first_mention(e).map_or(span, |j| w.ms[j].m.span) };
    w.link(i, e, if fresh { "new" } else { "same name" }, ev);
}

/// The entity of a region of a country (`eastern Libya`), created when missing.
fn region_entity(w: &mut Work, code: &str, direction: &str) -> Option<usize> {
    let country = w.gaz.country(code)?;
    let name = format!("{} {}", direction_adjective(direction), country.name);
    let id = format!("area:{code}:{direction}");
    let coords = country.centroid;
    let (e, fresh) = w.keyed(format!("geo:{id}"), EntityType::Loc);
    if fresh {
        w.ents[e].geo = Some(GeoRef {
            id,
            name: name.clone(),
            country: Some(code.to_string()),
            lat: coords.map(|c| c.0),
            lon: coords.map(|c| c.1),
            feature: "region".into(),
        });
        w.ents[e].kind = Some("region".into());
        w.ents[e].canonical = Some(name);
    }
    Some(e)
}

fn direction_adjective(noun: &str) -> String {
    lexicon::DIRECTION_ADJECTIVES
        .iter()
        .find(|(_, n)| *n == noun)
        .map_or_else(|| noun.to_string(), |(a, _)| (*a).to_string())
}

/// The country entity code of mention `j` (a country, a city in one, a demonym).
fn country_code_of(w: &Work, j: usize) -> Option<String> {
    let e = w.ms[j].ent?;
    let g = w.ents[e].geo.as_ref()?;
    match g.feature.as_str() {
        "country" | "city" | "region" => g.country.clone(),
        _ => None,
    }
}

/// `eastern Libya`, `the east`, `the desert south`.
pub(crate) fn regions(w: &mut Work) {
    let n = w.ms.len();
    // `eastern Libya`: a compass adjective right before a country name.
    for i in 0..n {
        if !matches!(w.ms[i].m.label, MentionLabel::Gpe | MentionLabel::Loc)
            || w.ms[i].m.kind != MentionKind::Name
        {
            continue;
        }
        let Some(e) = w.ms[i].ent else { continue };
        let Some(code) = w.ents[e]
            .geo
            .as_ref()
            .filter(|g| g.feature == "country")
            .and_then(|g| g.country.clone())
        else {
            continue;
        };
        let a = w.ms[i].tok.0;
        let Some(t) = a.checked_sub(1) else { continue };
        if w.tok_mention[t].is_some() || w.sentence_of_token(t) != w.ms[i].sentence {
            continue;
        }
        let word = w.lower(t);
        let Some(&(_, dir)) = lexicon::DIRECTION_ADJECTIVES.iter().find(|(adj, _)| *adj == word)
        else {
            continue;
        };
        let span = Span::new(w.tok_span(t).start, w.ms[i].m.span.end);
        let Some(r) = region_entity(w, &code, dir) else { continue };
        if let Some(m) = w.add(span, MentionLabel::Loc, MentionKind::Name) {
            let ev = w.first_mention(r).map_or(span, |j| w.ms[j].m.span);
            w.link(m, r, "region of country", ev);
        }
    }
    // `the [adjective] east`: the region of the country the passage is about.
    let ntok = w.seg.tokens.len();
    let mut t = 0;
    while t + 1 < ntok {
        if w.low(t) != "the" || w.tok_mention[t].is_some() {
            t += 1;
            continue;
        }
        let mut k = t + 1;
        while k < ntok && is(&lexicon::REGION_ADJECTIVES, &w.lower(k)) {
            k += 1;
        }
        let Some(&(_, dir)) = (k < ntok)
            .then(|| w.lower(k))
            .and_then(|x| lexicon::DIRECTION_NOUNS.iter().find(|(n, _)| *n == x))
        else {
            t += 1;
            continue;
        };
        let s = w.sentence_of_token(t);
        // Not `the east of X` (that names a part of X itself) and not inside a name.
        let next = if k + 1 < ntok && w.sentence_of_token(k + 1) == s {
            w.lower(k + 1)
        } else {
            String::new()
        };
        if next == "of"
            || w.tok_mention[k].is_some()
            || w.tok(k).chars().next().is_some_and(char::is_uppercase)
        {
            t = k + 1;
            continue;
        }
        let span = Span::new(w.tok_span(t).start, w.tok_span(k).end);
        // The most recent country in this or the two previous sentences.
        let recent = (0..w.ms.len())
            .filter(|&j| w.ms[j].m.span.end <= span.start && w.ms[j].sentence + 2 >= s)
            .filter(|&j| w.ms[j].m.kind == MentionKind::Name)
            .filter_map(|j| country_code_of(w, j).map(|c| (w.ms[j].m.span.start, c)))
            .max_by_key(|x| x.0);
        if let Some((_, code)) = recent
            && let Some(r) = region_entity(w, &code, dir)
            && let Some(m) = w.add(span, MentionLabel::Loc, MentionKind::Nominal)
        {
            let ev = w.first_mention(r).filter(|&j| j != m).map_or(span, |j| w.ms[j].m.span);
            w.link(m, r, "region of country in focus", ev);
        }
        t = k + 1;
    }
}
