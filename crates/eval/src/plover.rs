//! `sitrep eval events --plover FILE`: the PLOVER gold-standard records (CAMEO manual examples
//! recoded to PLOVER 0.5), one sentence each.
//!
//! - The file's old labels are mapped first: DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE ->
//!   ACCUSE, FIGHT -> ASSAULT.
//! - Our events are put in PLOVER 0.5's terms: a planned cooperative act (`will visit`, `will
//!   provide aid`) is AGREE and a planned hostile one (`would boycott`) THREATEN, as the records
//!   code intentions; a death (DIE) is ASSAULT; DISASTER and STATEMENT are not PLOVER events.
//! - Category accuracy: the first such event of the sentence (the analyzer lists a sentence's
//!   principal, main-clause event first) against the record's category (a record with no event
//!   counts as wrong). Mode accuracy: over records whose gold has a mode and
//!   whose category is right.
//! - Tuples: (actor, category, recipient) with actors coded as (country, sector) by
//!   [`crate::coding`]; every event of the sentence contributes its tuples, so extra events cost
//!   precision. An actor matches when the country matches and, where the gold gives a sector,
//!   the sector too (a `tuple_code_f1` on countries alone is reported as well). Symmetric
//!   categories (CONSULT, COOPERATE, AGREE, ASSAULT between parties) match either way round.
//!   Records whose parties are all marked `SRC/TAR` (reciprocal: `X and Y agreed`, `X telephoned
//!   Y`) list each party as a source with no target; a tuple from one party to another counts
//!   as that party's tuple. The records' three non-ISO country codes (JAP, ITL, VTN) are read as
//!   JPN, ITA, VNM and the sector CIV as CVL.
//! - An event with no recipient but a place is coded with the place's civilians as recipient
//!   (`imposed a curfew in X`), as CAMEO coders do.
//! - Lost tuples are put in buckets (no event, wrong category, source or recipient missing, of
//!   the wrong country or the wrong sector, a recipient where the record has none).

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
    /// The parties are marked `SRC/TAR` (each is source and target: `X and Y agreed`, `X
    /// telephoned Y`) and no separate target is given.
    reciprocal: bool,
}

fn actors(v: Option<&Value>) -> Vec<(String, Option<String>, String)> {
    let Some(Value::Array(a)) = v else { return Vec::new() };
    a.iter()
        .filter_map(|x| {
            let code = x.get("code")?.as_str()?.trim();
            if code.is_empty() {
                return None;
            }
            // The records' country codes are ISO 3166 alpha-3 but for three slips of the pen.
            let code = match code {
                "JAP" => "JPN",
                "ITL" => "ITA",
                "VTN" => "VNM",
                c => c,
            }
            .to_string();
            // Sectors are three letters, some with an ethnic or religious suffix (`CVLalb`);
            // `CIV` is a slip for civilians (`CVL`; CIV is Côte d'Ivoire's country code).
            let sector = x
                .get("sector")
                .and_then(Value::as_str)
                .map(|s| s.trim().chars().take(3).collect::<String>().to_uppercase())
                .map(|s| if s == "CIV" { "CVL".to_string() } else { s })
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
        let targets = actors(r.get("target"));
        let reciprocal = markup.contains("(SRC/TAR:") && targets.is_empty();
        out.push(Record {
            id: r.get("id").and_then(Value::as_str).unwrap_or("?").to_string(),
            text,
            category,
            mode,
            sources: actors(r.get("source")),
            targets,
            markup,
            reciprocal,
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

/// Why a gold tuple found no match among the principal event's tuples: the components of the
/// closest candidate that are wrong.
fn loss(g: &(usize, usize, EventCategory), ours: &[Tuple], r: &Record) -> Vec<&'static str> {
    if ours.is_empty() {
        return vec!["no event"];
    }
    let side = |gold: Option<&(String, Option<String>, String)>,
                o: &Option<Code>,
                role: usize|
     -> Option<&'static str> {
        let names = [
            ["source missing", "source of the wrong country", "source of the wrong sector", ""],
            [
                "recipient missing",
                "recipient of the wrong country",
                "recipient of the wrong sector",
                "recipient where the record has none",
            ],
        ][role];
        match (gold, o) {
            (None, None) => None,
            (None, Some(_)) => Some(names[3]),
            (Some(_), None) => Some(names[0]),
            (Some(gd), Some(c)) if c.country.is_none() => {
                Some(if actor_match(gd, o, false) { names[2] } else { names[0] })
            }
            (Some(gd), Some(_)) if !actor_match(gd, o, false) => Some(names[1]),
            (Some(gd), Some(_)) if !actor_match(gd, o, true) => Some(names[2]),
            _ => None,
        }
    };
    let gs = &r.sources[g.0];
    let gt = r.targets.get(g.1);
    let mut best: Option<Vec<&'static str>> = None;
    for t in ours.iter().filter(|t| t.1 == g.2) {
        let mut ways = vec![(side(Some(gs), &t.0, 0), side(gt, &t.2, 1))];
        if symmetric(t.1)
            && let Some(gt) = gt
        {
            ways.push((side(Some(gt), &t.0, 0), side(Some(gs), &t.2, 1)));
        }
        for (a, b) in ways {
            let v: Vec<&'static str> = [a, b].into_iter().flatten().collect();
            if best.as_ref().is_none_or(|x| v.len() < x.len()) {
                best = Some(v);
            }
        }
    }
    match best {
        None => vec!["wrong category"],
        Some(v) if v.is_empty() => vec!["matched by another gold tuple"],
        Some(v) => v,
    }
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
            // A reciprocal record's parties act on each other: `X telephoned Y` coded X -> Y
            // is the record's X tuple.
            None => {
                t.2.is_none()
                    || r.reciprocal
                        && r.sources
                            .iter()
                            .enumerate()
                            .any(|(k, s)| k != g.0 && actor_match(s, &t.2, with_sector))
            }
        };
    let back = symmetric(t.1)
        && gt.is_some_and(|gt| {
            actor_match(gt, &t.0, with_sector) && actor_match(gs, &t.2, with_sector)
        });
    fwd || back
}

/// The phrase around an argument that a coder reads: titles and adjectives before a name. For a
/// person, the name itself is left out of the country look-up (`Bush` is no place here).
fn code_argument(text: &str, a: &Analysis, arg: &types::Argument, coder: &Coder) -> Option<Code> {
    code_argument_with(text, a, arg, coder, true)
}

/// The other named mentions of an argument's person, coded (`President Laurent Gbagbo ... he`).
fn person_elsewhere(
    text: &str,
    a: &Analysis,
    arg: &types::Argument,
    coder: &Coder,
) -> Option<Code> {
    let e = arg.entity?;
    a.mentions
        .iter()
        .filter(|m| m.entity == Some(e) && m.label == MentionLabel::Person && m.span != arg.span)
        .filter_map(|m| {
            let other = types::Argument { entity: Some(e), span: m.span, text: m.text.clone() };
            code_argument_with(text, a, &other, coder, false)
        })
        .max_by_key(|c| (c.country.is_some(), c.sector.is_some()))
}

fn code_argument_with(
    text: &str,
    a: &Analysis,
    arg: &types::Argument,
    coder: &Coder,
    follow: bool,
) -> Option<Code> {
    let entity = arg.entity.and_then(|e| a.entities.get(e as usize));
    // The sentence with people's names blanked: context for a domestic actor's country.
    let mut sentence = text.to_string();
    // `US $50 million`: a currency, no country of the sentence (lower case is no name).
    for pat in ["US $", "US$"] {
        let at: Vec<usize> = sentence.match_indices(pat).map(|(p, _)| p).collect();
        for p in at {
            if let Some(r) = sentence.get_mut(p..p + 2) {
                r.make_ascii_lowercase();
            }
        }
    }
    for m in a.mentions.iter().filter(|m| m.label == MentionLabel::Person) {
        if let Some(r) = sentence.get_mut(m.span.start..m.span.end) {
            r.make_ascii_lowercase();
        }
    }
    // A pronoun stands for its entity.
    let pronoun = matches!(
        arg.text.to_lowercase().as_str(),
        "it" | "he" | "she" | "they" | "his" | "her" | "its" | "their" | "them" | "him"
    );
    if pronoun {
        let e = entity?;
        return if e.etype == types::EntityType::Person {
            if follow && let Some(c) = person_elsewhere(text, a, arg, coder) {
                return Some(c);
            }
            coder.code_parts("", &e.name, &sentence)
        } else {
            // The antecedent's own phrase (`The Fijian rebels said they ...`): its nouns give
            // the sector that the entity's bare name (`Fijian`) lacks.
            let antecedent = follow
                .then(|| {
                    a.mentions
                        .iter()
                        .filter(|m| {
                            m.entity == arg.entity
                                && m.span != arg.span
                                && m.kind != types::MentionKind::Pronoun
                        })
                        .min_by_key(|m| {
                            (m.span.start > arg.span.start, m.span.start.abs_diff(arg.span.start))
                        })
                })
                .flatten()
                .and_then(|m| {
                    let other =
                        types::Argument { entity: arg.entity, span: m.span, text: m.text.clone() };
                    code_argument_with(text, a, &other, coder, false)
                });
            antecedent.or_else(|| coder.code(&e.name, &sentence))
        };
    }
    let start = phrase_start(text, arg.span.start);
    let bare = a.mentions.iter().find(|m| m.span == arg.span).map(|m| m.label);
    let label = bare.or(entity.map(|e| e.etype.into()));
    // A country's or body's full name, whatever the recogniser typed it (`the Democratic
    // People's Republic of Korea`): the country itself, and no word of it is a sector.
    let name = arg.text.trim_start_matches("the ");
    if label.is_some()
        && name.split(' ').count() > 2
        && let Some(c) = coder.places.country_strict(name)
    {
        return Some(Code { country: Some(c), sector: None });
    }
    // A bare demonym or country name modifying nouns (`Ugandan opposition candidates`, `Russian
    // civilian advisers`): the nouns give the sector.
    let end = match bare {
        Some(MentionLabel::Norp | MentionLabel::Gpe) => {
            let end = phrase_end(text, arg.span.end);
            if end == arg.span.end { shared_head(text, end, coder).unwrap_or(end) } else { end }
        }
        _ => arg.span.end,
    };
    let phrase = text.get(start..end).unwrap_or(&arg.text);
    match label {
        // A person's name is no place: the country comes from the words before it.
        Some(MentionLabel::Person) => {
            let before = text.get(start..arg.span.start).unwrap_or("");
            // `King Hassan of Morocco`: the country after the name.
            let of = text.get(arg.span.end..).and_then(|t| t.strip_prefix(" of ")).map(|t| {
                let n: usize = t
                    .split_inclusive(' ')
                    .take(4)
                    .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .map(str::len)
                    .sum();
                &t[..n]
            });
            let country_phrase = match of {
                Some(o) if coder.country_in(before).is_none() && coder.country_in(o).is_some() => o,
                _ => before,
            };
            let here = coder.code_parts(country_phrase, phrase, &sentence);
            // `Kofi Annan, UN secretary-general,`: an apposition after the name gives what the
            // words before it do not.
            let appositive = text
                .get(arg.span.end..)
                .and_then(|t| t.strip_prefix(", "))
                .map(|t| t.split([',', ';', '.', '(']).next().unwrap_or(""))
                .filter(|t| t.split(' ').count() <= 8);
            // `deputy governor of the Tyumen region, Oleg Chemezov,`: a title description in
            // apposition before the name (its last eight words, when one names a sector).
            let described = text
                .get(..arg.span.start)
                .and_then(|t| t.strip_suffix(", "))
                .map(|t| t.rsplit([',', ';', '.', '(', '\u{201c}', '"']).next().unwrap_or(""))
                .map(|t| {
                    use analyze::facts::lexicon::{Lexicon, wc};
                    let words: Vec<&str> = t.split_whitespace().collect();
                    let mut from = words.len();
                    while from > 0 && words.len() - from < 8 {
                        let w = words[from - 1].to_lowercase();
                        let stop = Lexicon::get()
                            .word(&w)
                            .is_some_and(|x| x.flags & (STOP & !wc::DET) != 0);
                        if stop && !matches!(w.as_str(), "of" | "in" | "for") {
                            break;
                        }
                        from -= 1;
                    }
                    words[from..].join(" ")
                })
                .filter(|t| !t.is_empty() && coder.sector_in(t).is_some());
            let described = described.as_deref();
            // The apposition that names a title wins; then the description before the name.
            let appositive = match (appositive, described) {
                (Some(x), _) if coder.sector_in(x).is_some() => Some(x),
                (_, Some(d)) => Some(d),
                (x, None) => x,
            };
            let here = match appositive {
                Some(app) if coder.country_in(country_phrase).is_none() => {
                    let sector = coder.sector_in(phrase).or_else(|| coder.sector_in(app));
                    match (coder.country_in(app), sector) {
                        (Some(c), s) => {
                            Some(Code { country: Some(c), sector: s.map(|s| s.code().to_string()) })
                        }
                        (None, Some(_)) if here.as_ref().is_none_or(|h| h.sector.is_none()) => {
                            coder.code_parts(app, app, &sentence)
                        }
                        _ => here,
                    }
                }
                _ => here,
            };
            // A name without its title here takes what the person's other mentions say.
            let whole = here.as_ref().is_some_and(|c| c.country.is_some() && c.sector.is_some());
            match (whole || !follow, here) {
                (true, here) => here,
                (false, here) => match (here, person_elsewhere(text, a, arg, coder)) {
                    (Some(h), Some(o)) => Some(Code {
                        country: h.country.or(o.country),
                        sector: h.sector.or(o.sector),
                    }),
                    (h, o) => h.or(o),
                },
            }
        }
        // An organisation's own name counts only as a country's name or demonym.
        Some(MentionLabel::Org) => {
            let before = text.get(start..arg.span.start).unwrap_or("");
            let country = coder.country_in_with(phrase, true).or_else(|| coder.country_in(before));
            // `the rebel Kurdistan Workers' Party`: a description before the name says what the
            // body is better than a word of its name.
            let sector = coder.sector_in(before).or_else(|| coder.sector_in(phrase));
            // Not from the name's own words, which named no country (`The Bush
            // administration`: not Bush, a town in Egypt).
            // A body whose name begins `International` or `World` (`the International Labour
            // Organization`, `the World Food Programme`) is of no one country: intergovernmental.
            let international = matches!(
                arg.text.trim_start_matches("the ").split([' ', '-']).next(),
                Some("International" | "World")
            ) && arg.text.split(' ').count() > 1;
            let country = country.or_else(|| international.then(|| "IGO".to_string()));
            let country = country.or_else(|| {
                sector.and_then(|_| coder.domestic_country(&sentence.replace(&arg.text, "")))
            });
            (country.is_some() || sector.is_some())
                .then(|| Code { country, sector: sector.map(|s| s.code().to_string()) })
        }
        // A phrase the recogniser found no name in (`The Bush administration`): a capitalised
        // word there is no town's name; only a country's own name or demonym counts.
        None => coder.code_unnamed(phrase, &sentence),
        _ => coder.code(phrase, &sentence),
    }
}

/// Word classes that end an actor's noun phrase: function words and verbs.
const STOP: u32 = {
    use analyze::facts::lexicon::wc;
    wc::DET
        | wc::POSS
        | wc::PRON
        | wc::REL
        | wc::PREP
        | wc::CONJ
        | wc::SUB
        | wc::BE
        | wc::HAVE
        | wc::DO
        | wc::MODAL
        | wc::NEG
        | wc::ADV
        | wc::VERB
        | wc::REPORT
        | wc::LIGHT
};

/// Where the noun phrase ending with a name at `end` begins: titles, adjectives and possessors
/// before it (`Lebanon's new President`, `Nigerian junior foreign minister`), up to a function
/// word, a verb, a comma or six words back.
fn phrase_start(text: &str, end: usize) -> usize {
    use analyze::facts::lexicon::Lexicon;
    let before = text.get(..end).unwrap_or("");
    let mut start = end;
    let words: Vec<&str> = before.split_inclusive(' ').rev().take(7).collect();
    for (k, &w) in words.iter().enumerate().take(6) {
        let t = w.trim();
        if t.is_empty()
            || t.ends_with([',', ';', ':', '(', ')', '"', '`', '\''])
            // A sentence's last word, but not an abbreviation's points (`U.N. Secretary-General`).
            || t.ends_with('.') && t.len() > 3 && !t[..t.len() - 1].contains('.')
        {
            break;
        }
        let cap = t.chars().next().is_some_and(char::is_uppercase);
        let lower = t.to_lowercase();
        let info = Lexicon::get().word(&lower);
        if info.is_some_and(|i| i.flags & STOP != 0) {
            break;
        }
        // A lower-case event word or participle is a verb here (`met`, `urged`, `killed`).
        let verb = info.is_some_and(|i| !i.triggers.is_empty() && i.sector.is_none())
            || lower.ends_with("ed") && !matches!(lower.as_str(), "ousted" | "exiled" | "elected");
        // `Jordan's visiting King`: after a possessor, a participle is an adjective.
        let after_possessor = words
            .get(k + 1)
            .is_some_and(|p| p.trim_end().ends_with("'s") || p.trim_end().ends_with("\u{2019}s"));
        if !cap && verb && !after_possessor {
            break;
        }
        start -= w.len();
    }
    start
}

/// Where the nouns a name modifies end: up to three lower-case words after `start` that are no
/// function words or verbs, up to punctuation.
fn phrase_end(text: &str, start: usize) -> usize {
    let rest = text.get(start..).unwrap_or("");
    let mut end = start;
    let mut pos = start;
    for (k, w) in rest.split_inclusive(' ').enumerate() {
        let here = pos;
        pos += w.len();
        let t = w.trim();
        if t.is_empty() && k == 0 {
            continue;
        }
        // `Belarus's rulers`: the possessor's nouns follow its `'s`.
        if k == 0 && matches!(t, "'s" | "\u{2019}s") {
            continue;
        }
        // `the Russian government's refusal`: the possessor ends with its `'s`.
        let (t, possessive) = match t.strip_suffix("'s").or_else(|| t.strip_suffix("\u{2019}s")) {
            Some(x) => (x, true),
            None => (t, false),
        };
        let word = t.trim_end_matches(|c: char| c.is_ascii_punctuation());
        if k > 3 || word.is_empty() || !word.chars().all(|c| c.is_lowercase() || c == '-') {
            break;
        }
        if stop_word(word) {
            break;
        }
        end = here + (w.len() - w.trim_start().len()) + word.len();
        if word.len() < t.len() || possessive {
            break;
        }
    }
    end
}

/// `Hungarian and Romanian officials`, `French and Egyptian warships`: a demonym coordinated with
/// another shares its nouns; where those nouns end.
fn shared_head(text: &str, end: usize, coder: &Coder) -> Option<usize> {
    let rest = text.get(end..)?;
    let after = rest.strip_prefix(" and ").or_else(|| rest.strip_prefix(" or "))?;
    let word: String = after.chars().take_while(|c| c.is_alphabetic() || *c == '-').collect();
    if !word.chars().next().is_some_and(char::is_uppercase) || coder.country_in(&word).is_none() {
        return None;
    }
    let word_end = end + (rest.len() - after.len()) + word.len();
    let e = phrase_end(text, word_end);
    (e > word_end).then_some(e)
}

/// A function word or a verb: no part of an actor's noun phrase.
fn stop_word(lower: &str) -> bool {
    use analyze::facts::lexicon::Lexicon;
    let info = Lexicon::get().word(lower);
    // A participle starts a clause of its own (`Palestinians living in Gaza`), but for the
    // few that are adjectives of a body (`ruling party`, `warring factions`).
    let participle = lower.ends_with("ing")
        && info.is_none_or(|i| i.sector.is_none())
        && !matches!(
            lower,
            "ruling"
                | "governing"
                | "leading"
                | "opposing"
                | "warring"
                | "neighbouring"
                | "neighboring"
        );
    participle
        || info.is_some_and(|i| i.flags & STOP != 0)
        || info.is_some_and(|i| !i.triggers.is_empty() && i.sector.is_none())
        || lower.ends_with("ed") && !matches!(lower, "ousted" | "exiled" | "elected")
}

fn tuples(e: &Event, a: &Analysis, text: &str, coder: &Coder) -> Vec<Tuple> {
    let Some(cat) = plover_category(e) else { return Vec::new() };
    let code = |arg: &types::Argument| code_argument(text, a, arg, coder);
    // An event's place: a small town's name counts too (`in Jericho`).
    // A described place (`the area`, `the village`: a description with no entity) names
    // nowhere, so it stands for no one; the sentence's countries are no code of it.
    let place_code = |arg: &types::Argument| {
        let described = arg.entity.is_none()
            && a.mentions
                .iter()
                .any(|m| m.span == arg.span && m.kind == types::MentionKind::Nominal);
        if described {
            return None;
        }
        code(arg).or_else(|| {
            let name = arg.text.trim_start_matches("the ");
            coder.places.settlement(name).map(|c| Code { country: Some(c), sector: None })
        })
    };
    // Subjects come before the trigger; parties after it (`met with Y`) are the other side.
    // With no actor before the trigger, those after it are the subjects (a passive's agent:
    // `was attacked by X`).
    let any_before = e.actors.iter().any(|x| x.span.start < e.trigger.start);
    let (subjects, partners): (Vec<&types::Argument>, Vec<&types::Argument>) =
        e.actors.iter().partition(|x| x.span.start < e.trigger.start || !any_before);
    let mut others: Vec<&types::Argument> = partners;
    others.extend(e.recipients.iter());
    // A death (`X was killed`) is an assault on X by someone unnamed.
    let (subjects, others) = if e.category == EventCategory::Die {
        let mut victims = subjects;
        victims.extend(others);
        (Vec::new(), victims)
    } else {
        (subjects, others)
    };
    // A capital that acts is its government (`Beirut rejected`, `Moscow demanded`).
    let subjects: Vec<Option<Code>> = subjects
        .into_iter()
        .map(|x| {
            let c = code(x);
            match c {
                Some(mut c) if c.sector.is_none() && coder.places.capital(&x.text) => {
                    c.sector = Some("GOV".to_string());
                    Some(c)
                }
                c => c,
            }
        })
        .collect();
    // A town or city acted on (`blockaded Paris`, `shelled Juba`) stands for its people, its
    // civilians, as a place with no recipient does below; a country keeps its bare code.
    let town = |x: &types::Argument| {
        let label = a.mentions.iter().find(|m| m.span == x.span).map(|m| m.label);
        let name = x.text.trim_start_matches("the ");
        matches!(label, Some(MentionLabel::Gpe | MentionLabel::Loc))
            && !coder.places.igo(name)
            && coder.places.country_strict(name).is_none()
    };
    // A protest is aimed at the authorities: a town or country it blocks or fills (`blocked
    // Abidjan`, `a rally in Lagos`) stands for its government, as CAMEO codes a protest with
    // no named target against the state where it happens.
    let protest = cat == EventCategory::Protest;
    let place_sector = if protest { "GOV" } else { "CVL" };
    // A capital addressed by words (`demanded an admission by Moscow`, `rejected Beirut's
    // offer`) is its government, as one that acts is; a capital struck, or threatened with a
    // blow (`threatened a curfew in Algiers`), is its people.
    let material = |c: EventCategory| {
        matches!(
            c,
            EventCategory::Assault
                | EventCategory::Coerce
                | EventCategory::Aid
                | EventCategory::Mobilize
                | EventCategory::Retreat
                | EventCategory::Threaten
        )
    };
    let verbal = !material(cat) && !material(e.category);
    let mut others: Vec<Option<Code>> = others
        .into_iter()
        .map(|x| {
            let c = code(x);
            match c {
                Some(mut c) if c.sector.is_none() && verbal && coder.places.capital(&x.text) => {
                    c.sector = Some("GOV".to_string());
                    Some(c)
                }
                Some(mut c) if c.sector.is_none() && town(x) => {
                    c.sector = Some(place_sector.to_string());
                    Some(c)
                }
                c => c,
            }
        })
        .collect();
    // With no recipient, the place stands for the people there, its civilians (CAMEO codes
    // `imposed a curfew in X` with X's civilians as the target).
    // Parties acting together (`X and Y renewed negotiations in Z`) act with each other, not on
    // the place.
    // (`X and Y failed to reach agreement`: a failed agreement is still between them.)
    let together = (symmetric(cat) || symmetric(e.category)) && subjects.len() > 1;
    // Recipients the coder cannot place (`if Hamas ran`) leave the place to stand for them.
    if others.iter().all(Option::is_none) && !e.places.is_empty() {
        others.clear();
    }
    // A retreat (`surrendered in X`, `declared a ceasefire in X`) is the actor's own act: where
    // it happens is no party to it.
    let own_act = cat == EventCategory::Retreat;
    // A threat of acts in a country (`threatened to resume attacks in Israel`) is aimed at
    // that state, not at its civilians: the country keeps its bare code.
    let threat = e.category == EventCategory::Threaten;
    if others.is_empty() && !together && !own_act {
        others.extend(e.places.iter().map(|p| {
            let state =
                threat && coder.places.country_strict(p.text.trim_start_matches("the ")).is_some();
            place_code(p).map(|mut c| {
                if !state && c.sector.is_none() && c.country.as_deref().is_some_and(|x| x != "IGO")
                {
                    // `opened an embassy in Tehran`: a capital where words or ties are given is
                    // its government too.
                    let seat = verbal && coder.places.capital(p.text.trim_start_matches("the "));
                    c.sector = Some(if seat { "GOV" } else { place_sector }.to_string());
                }
                c
            })
        }));
    }
    // An argument the coder cannot place (`Western`, `his ruling party`) adds no tuple when the
    // event has coded arguments on the same side: it would only repeat the coded ones' tuple
    // with a hole in it.
    let coded_only = |v: Vec<Option<Code>>| -> Vec<Option<Code>> {
        if v.iter().any(Option::is_some) {
            v.into_iter().filter(Option::is_some).collect()
        } else {
            v
        }
    };
    let subjects = coded_only(subjects);
    let others = coded_only(others);
    let mut out = Vec::new();
    // With no one named as the doer, CAMEO codes who must have done it: an attack by unknown
    // hands is by unidentified armed forces (UAF) of the country where it happened; an arrest or
    // investigation with no agent (`was arrested in X`) is by X's state.
    let place_country =
        || e.places.iter().filter_map(place_code).find_map(|c| c.country.filter(|x| x != "IGO"));
    let subjects = if subjects.is_empty() {
        match cat {
            EventCategory::Assault => place_country()
                .or_else(|| {
                    // Not the victims' country (`US servicemen were killed outside Basra`).
                    let mut rest = text.to_string();
                    for x in e.actors.iter().chain(&e.recipients) {
                        if let Some(r) = rest.get_mut(x.span.start..x.span.end) {
                            r.make_ascii_lowercase();
                        }
                    }
                    coder.domestic_country(&rest)
                })
                .map(|c| Code { country: Some(c), sector: Some("UAF".to_string()) })
                .into_iter()
                .map(Some)
                .collect(),
            EventCategory::Coerce | EventCategory::Accuse => place_country()
                .map(|c| Code { country: Some(c), sector: None })
                .into_iter()
                .map(Some)
                .collect(),
            _ => subjects,
        }
    } else {
        subjects
    };
    if subjects.is_empty() {
        for r in &others {
            out.push((None, cat, r.clone()));
        }
        if others.is_empty() {
            out.push((None, cat, None));
        }
        return most_specific(out.into_iter().map(plover_sectors).collect());
    }
    for s in &subjects {
        if others.is_empty() {
            out.push((s.clone(), cat, None));
        }
        for r in &others {
            out.push((s.clone(), cat, r.clone()));
        }
    }
    most_specific(out.into_iter().map(plover_sectors).collect())
}

/// The records' names for two sectors: media are `JRN` (journalists) and health workers `MED`
/// (medical), where CAMEO writes `MED` for media and `HLH` for health.
fn plover_sectors(t: Tuple) -> Tuple {
    let rename = |c: Option<Code>| {
        c.map(|mut c| {
            c.sector = c.sector.map(|s| match s.as_str() {
                "MED" => "JRN".to_string(),
                "HLH" => "MED".to_string(),
                _ => s,
            });
            c
        })
    };
    (rename(t.0), t.1, rename(t.2))
}

/// One tuple per participant pair: a recipient coded by its country alone is dropped when the
/// same actor's tuple names a sector of that country (`X deported militant Y to Britain`: the
/// British militant, not Britain too).
fn most_specific(mut out: Vec<Tuple>) -> Vec<Tuple> {
    out.sort();
    out.dedup();
    let specific: Vec<(Option<Code>, Option<String>)> = out
        .iter()
        .filter_map(|t| {
            let r = t.2.as_ref()?;
            r.sector.as_ref().map(|_| (t.0.clone(), r.country.clone()))
        })
        .collect();
    out.retain(|t| match &t.2 {
        Some(r) if r.sector.is_none() && r.country.is_some() => {
            !specific.iter().any(|(s, c)| *s == t.0 && *c == r.country)
        }
        _ => true,
    });
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
fn places(analyzer: &Analyzer) -> Box<dyn Places> {
    struct G(&'static gazetteer::Gazetteer);
    impl Places for G {
        fn country(&self, name: &str) -> Option<String> {
            <gazetteer::Gazetteer as Places>::country(self.0, name)
        }
        fn igo(&self, name: &str) -> bool {
            <gazetteer::Gazetteer as Places>::igo(self.0, name)
        }
        fn seat_sector(&self, name: &str) -> Option<analyze::facts::lexicon::Sector> {
            <gazetteer::Gazetteer as Places>::seat_sector(self.0, name)
        }
        fn country_strict(&self, name: &str) -> Option<String> {
            <gazetteer::Gazetteer as Places>::country_strict(self.0, name)
        }
        fn capital(&self, name: &str) -> bool {
            <gazetteer::Gazetteer as Places>::capital(self.0, name)
        }
        fn settlement(&self, name: &str) -> Option<String> {
            <gazetteer::Gazetteer as Places>::settlement(self.0, name)
        }
    }
    let g = analyzer.gazetteer();
    if g.is_empty() { Box::new(crate::coding::FewPlaces) } else { Box::new(G(g)) }
}

/// An event as `CATEGORY:trigger[actors>recipients]@places`, for the loss tables.
fn event_args(e: &Event, text: &str) -> String {
    let n = |x: &[types::Argument]| x.iter().map(|y| y.text.as_str()).collect::<Vec<_>>().join("+");
    format!(
        "{}:{}[{}>{}]{}",
        e.category.as_str(),
        text.get(e.trigger.start..e.trigger.end).unwrap_or(""),
        n(&e.actors),
        n(&e.recipients),
        if e.places.is_empty() { String::new() } else { format!("@{}", n(&e.places)) }
    )
}

fn score(records: &[Record], analyses: &[Analysis], coder: &Coder, set: &str) -> Report {
    let mut rep = Report::new("events", set);
    let mut correct = 0usize;
    let mut predicted = 0usize;
    let (mut mode_ok, mut mode_n) = (0usize, 0usize);
    let mut prf = Prf::default();
    let mut prf_code = Prf::default();
    let mut prf_all = Prf::default();
    let mut confusion: std::collections::BTreeMap<(String, String), usize> = Default::default();
    let mut per_cat: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    let mut wrong = Table::new(["record", "gold", "ours", "our events", "sentence"]);
    let mut tuple_rows: Vec<[String; 5]> = Vec::new();
    let mut buckets: std::collections::BTreeMap<&'static str, usize> = Default::default();
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
            for t in tuples(e, a, &r.text, coder) {
                if !ours_t.contains(&t) {
                    ours_t.push(t);
                }
            }
        }
        // The record codes one event: the principal event's tuples are scored against it; all
        // events' tuples are scored too (extra events of the sentence then count as errors).
        let principal_t: Vec<Tuple> =
            principal.map(|e| tuples(e, a, &r.text, coder)).unwrap_or_default();
        let show = |c: &Option<Code>| {
            c.as_ref().map_or("?".to_string(), |c| {
                format!(
                    "{}{}",
                    c.country.as_deref().unwrap_or("?"),
                    c.sector.as_deref().map_or(String::new(), |s| format!("/{s}"))
                )
            })
        };
        let gold_txt: Vec<String> = gold
            .iter()
            .map(|g| {
                let s = &r.sources[g.0];
                let t = r.targets.get(g.1).map_or("-".to_string(), |t| {
                    format!("{}{}", t.0, t.1.as_deref().map_or(String::new(), |x| format!("/{x}")))
                });
                format!(
                    "{}{} {} {}",
                    s.0,
                    s.1.as_deref().map_or(String::new(), |x| format!("/{x}")),
                    g.2.as_str(),
                    t
                )
            })
            .collect();
        let ours_txt: Vec<String> = principal_t
            .iter()
            .map(|t| {
                format!(
                    "{} {} {}",
                    show(&t.0),
                    t.1.as_str(),
                    if t.2.is_none() { "-".to_string() } else { show(&t.2) }
                )
            })
            .collect();
        let all_ok = gold.iter().all(|g| principal_t.iter().any(|t| tuple_match(g, t, r, true)))
            && principal_t.len() == gold.len();
        if !all_ok && tuple_rows.len() < 400 {
            tuple_rows.push([
                r.id.clone(),
                gold_txt.join("; "),
                ours_txt.join("; "),
                principal.map_or(String::new(), |e| event_args(e, &r.text)),
                r.text.clone(),
            ]);
        }
        {
            let mut used = vec![false; principal_t.len()];
            for g in &gold {
                match (0..principal_t.len())
                    .find(|&k| !used[k] && tuple_match(g, &principal_t[k], r, true))
                {
                    Some(k) => used[k] = true,
                    None => {
                        let l = loss(g, &principal_t, r);
                        if l.len() > 1 {
                            *buckets.entry("(source and recipient both wrong)").or_default() += 1;
                        }
                        for b in l {
                            *buckets.entry(b).or_default() += 1;
                        }
                    }
                }
            }
            let extra = used.iter().filter(|u| !**u).count();
            let surplus = principal_t.len().saturating_sub(gold.len());
            *buckets
                .entry("extra tuples of the principal event (beyond the record's count)")
                .or_default() += surplus;
            *buckets
                .entry("unmatched tuples of the principal event (false positives)")
                .or_default() += extra;
        }
        for (with_sector, ours, acc) in [
            (true, &principal_t, &mut prf),
            (false, &principal_t, &mut prf_code),
            (true, &ours_t, &mut prf_all),
        ] {
            let mut used = vec![false; ours.len()];
            let mut tp = 0;
            for g in &gold {
                if let Some(k) =
                    (0..ours.len()).find(|&k| !used[k] && tuple_match(g, &ours[k], r, with_sector))
                {
                    used[k] = true;
                    tp += 1;
                }
            }
            acc.add(Prf::new(tp, ours.len() - tp, gold.len() - tp));
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
    tt.prf_row("tuples of the principal event (country+sector)", &prf);
    tt.prf_row("tuples of the principal event (country only)", &prf_code);
    tt.prf_row("tuples of every event (country+sector)", &prf_all);
    rep.table(&tt);
    rep.line(
        "Where gold tuples are lost (principal event, country+sector; a tuple may count twice):",
    );
    let mut bt = Table::new(["bucket", "tuples"]);
    let mut bl: Vec<_> = buckets.into_iter().collect();
    bl.sort_by_key(|b| std::cmp::Reverse(b.1));
    for (b, c) in bl {
        bt.row([b.to_string(), c.to_string()]);
    }
    rep.table(&bt);
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
    rep.line("Records with a wrong category:");
    rep.table(&wrong);
    rep.line("Records whose tuples differ (gold; the principal event's):");
    let mut tt2 =
        Table::new(["record", "gold tuples", "our tuples", "principal event", "sentence"]);
    for row in tuple_rows {
        tt2.row(row);
    }
    rep.table(&tt2);
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
    rep.summary.insert("tuple_all_events_f1".into(), round4(prf_all.f1()));
    rep
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `ISR/MIL` -> a code; `-` -> none.
    fn code(s: &str) -> Option<Code> {
        (s != "-").then(|| {
            let (c, sec) = s.split_once('/').map_or((s, None), |(c, x)| (c, Some(x)));
            Code { country: Some(c.to_string()), sector: sec.map(str::to_string) }
        })
    }

    fn check(input: &str, expect: &str) {
        let tuples = |s: &str| -> Vec<Tuple> {
            s.split("; ")
                .filter(|x| !x.is_empty())
                .map(|x| {
                    let p: Vec<&str> = x.split(' ').collect();
                    (code(p[0]), EventCategory::Coerce, code(p[1]))
                })
                .collect()
        };
        let mut want = tuples(expect);
        want.sort();
        assert_eq!(most_specific(tuples(input)), want, "{input}");
    }

    #[test]
    fn sectors_in_the_records_names() {
        let t = |s: &str, r: &str| (code(s), EventCategory::Coerce, code(r));
        for (ours, theirs) in [
            (t("LBN/MED", "ISR/HLH"), t("LBN/JRN", "ISR/MED")),
            (t("LBN/GOV", "-"), t("LBN/GOV", "-")),
            (t("LBN", "ISR/CVL"), t("LBN", "ISR/CVL")),
        ] {
            assert_eq!(plover_sectors(ours), theirs);
        }
    }

    /// An event's tuples as `SOURCE RECIPIENT` codes (`ISR/COP EGY/CVL`), joined by `; `.
    fn shown_tuples(e: &Event, a: &Analysis, text: &str) -> String {
        let coder = Coder { places: &crate::coding::FewPlaces };
        let c = |x: &Option<Code>| {
            x.as_ref().map_or("-".to_string(), |c| {
                let country = c.country.clone().unwrap_or_default();
                c.sector.as_ref().map_or(country.clone(), |s| format!("{country}/{s}"))
            })
        };
        tuples(e, a, text, &coder)
            .iter()
            .map(|(s, _, r)| format!("{} {}", c(s), c(r)))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// `CATEGORY|trigger|text|actor|place|PLACE_KIND` (the place a `Name` GPE or a `Nominal`
    /// LOC with no entity) -> the event's tuples.
    fn check_place(line: &str, expect: &str) {
        let f: Vec<&str> = line.split('|').collect();
        let (category, trigger, text, actor, place) = (f[0], f[1], f[2], f[3], f[4]);
        let span = |x: &str| {
            let s = text.find(x).unwrap_or(0);
            Span::new(s, s + x.len())
        };
        let arg = |x: &str| types::Argument { entity: None, span: span(x), text: x.to_string() };
        let described = f[5] == "Nominal";
        let mention = |x: &str, label, kind| types::Mention {
            span: span(x),
            text: x.to_string(),
            label,
            kind,
            sentence: 0,
            entity: None,
            qualifies: None,
        };
        let mut a = Analysis::default();
        a.mentions.push(mention(actor, MentionLabel::Norp, types::MentionKind::Name));
        a.mentions.push(if described {
            mention(place, MentionLabel::Loc, types::MentionKind::Nominal)
        } else {
            mention(place, MentionLabel::Gpe, types::MentionKind::Name)
        });
        let e: Event = serde_json::from_value(serde_json::json!({
            "category": category,
            "trigger": span(trigger),
            "sentence": 0,
        }))
        .unwrap_or_else(|err| panic!("{err}"));
        let e = Event { actors: vec![arg(actor)], places: vec![arg(place)], ..e };
        assert_eq!(shown_tuples(&e, &a, text), expect, "{line}");
    }

    #[test]
    fn a_described_place_stands_for_no_one() {
        for (line, expect) in [
            (
                "COERCE|imposed|Israeli police imposed a curfew in the area.|Israeli police|the area|Nominal",
                "ISR/COP -",
            ),
            (
                "COERCE|imposed|Israeli police imposed a curfew near the border.|Israeli police|the border|Nominal",
                "ISR/COP -",
            ),
            (
                "COERCE|imposed|Israeli police imposed a curfew in Egypt.|Israeli police|Egypt|Name",
                "ISR/COP EGY/CVL",
            ),
            // A retreat is the actor's own act; a protest is aimed at the state where it is.
            (
                "RETREAT|surrendered|Russian rebels surrendered in Egypt.|Russian rebels|Egypt|Name",
                "RUS/REB -",
            ),
            (
                "PROTEST|rallied|Egyptian workers rallied in Israel.|Egyptian workers|Israel|Name",
                "EGY/LAB ISR/GOV",
            ),
            (
                "THREATEN|threatened|Egyptian rebels threatened attacks in Israel.|Egyptian rebels|Israel|Name",
                "EGY/REB ISR",
            ),
        ] {
            check_place(line, expect);
        }
    }

    /// `CATEGORY|text|actor|recipient` (both GPE names) -> the event's tuples.
    fn check_recipient(line: &str, expect: &str) {
        let f: Vec<&str> = line.split('|').collect();
        let (category, text, actor, recipient) = (f[0], f[1], f[2], f[3]);
        let span = |x: &str| {
            let s = text.find(x).unwrap_or(0);
            Span::new(s, s + x.len())
        };
        let arg = |x: &str| types::Argument { entity: None, span: span(x), text: x.to_string() };
        // An optional fifth field types the actor's mention (`ORG`); GPE by default.
        let actor_label =
            if f.get(4) == Some(&"ORG") { MentionLabel::Org } else { MentionLabel::Gpe };
        // An optional sixth field types the recipient's mention (`PERSON`); GPE by default.
        let recipient_label =
            if f.get(5) == Some(&"PERSON") { MentionLabel::Person } else { MentionLabel::Gpe };
        let mention = |x: &str| types::Mention {
            span: span(x),
            text: x.to_string(),
            label: if x == actor { actor_label } else { recipient_label },
            kind: types::MentionKind::Name,
            sentence: 0,
            entity: None,
            qualifies: None,
        };
        let mut a = Analysis::default();
        a.mentions.push(mention(actor));
        a.mentions.push(mention(recipient));
        let e: Event = serde_json::from_value(serde_json::json!({
            "category": category,
            "trigger": span(text.split(' ').nth(1).unwrap_or("")),
            "sentence": 0,
        }))
        .unwrap_or_else(|err| panic!("{err}"));
        let e = Event { actors: vec![arg(actor)], recipients: vec![arg(recipient)], ..e };
        assert_eq!(shown_tuples(&e, &a, text), expect, "{line}");
    }

    #[test]
    fn a_body_named_international_or_world_is_intergovernmental() {
        for (line, expect) in [
            (
                "REQUEST|The International Labor Office demanded help from Israel.|International Labor Office|Israel|ORG",
                "IGO/LAB ISR",
            ),
            (
                "REQUEST|The World Food Programme demanded help from Israel.|World Food Programme|Israel|ORG",
                "IGO ISR",
            ),
            // Any other body's sector is of the country the sentence names.
            (
                "REQUEST|The Labor Union demanded help from Israel.|Labor Union|Israel|ORG",
                "ISR/LAB ISR",
            ),
        ] {
            check_recipient(line, expect);
        }
    }

    #[test]
    fn a_title_described_before_a_name_codes_the_person() {
        for (line, expect) in [
            (
                "ASSAULT|Israel tried to kill the deputy governor of the Moscow region, Ivan Petrov, last week.|Israel|Ivan Petrov||PERSON",
                "ISR RUS/GOV",
            ),
            // A clause after the name names no title; the description before it still does.
            (
                "ASSAULT|An attempt by Israel to kill the deputy governor of the Moscow region, Ivan Petrov, was thwarted in Sochi.|Israel|Ivan Petrov||PERSON",
                "ISR RUS/GOV",
            ),
        ] {
            check_recipient(line, expect);
        }
    }

    #[test]
    fn a_capital_addressed_is_its_government() {
        for (line, expect) in [
            ("REQUEST|Israel demanded an apology by Moscow.|Israel|Moscow", "ISR RUS/GOV"),
            ("REJECT|Israel rejected an offer from Washington.|Israel|Washington", "ISR USA/GOV"),
            // A capital struck, or threatened with a blow, is its people.
            ("ASSAULT|Israel shelled Moscow.|Israel|Moscow", "ISR RUS/CVL"),
            ("THREATEN|Israel threatened Moscow.|Israel|Moscow", "ISR RUS/CVL"),
            // A country keeps its bare code.
            ("REQUEST|Israel demanded an apology by Russia.|Israel|Russia", "ISR RUS"),
        ] {
            check_recipient(line, expect);
        }
    }

    /// `text|name` -> the phrase before and including the name that a coder reads.
    #[test]
    fn phrases_start_at_their_possessor() {
        for (line, expect) in [
            (
                "Peru refused to meet Jordan's visiting King Abdullah.|Abdullah",
                "Jordan's visiting King Abdullah",
            ),
            ("Peru met Jordan's King Abdullah.|Abdullah", "Jordan's King Abdullah"),
            // A participle that is no adjective of a possessed phrase is a verb.
            ("Peru was visiting King Abdullah.|Abdullah", "King Abdullah"),
            // An abbreviation's points end no sentence; a sentence's last word does.
            ("U.N. Envoy Jan Smit left.|Jan Smit", "U.N. Envoy Jan Smit"),
            ("Peru met the E.U. chief Jan Smit.|Jan Smit", "E.U. chief Jan Smit"),
            ("They left. Envoy Jan Smit stayed.|Jan Smit", "Envoy Jan Smit"),
        ] {
            let (text, name) = line.split_once('|').unwrap_or((line, ""));
            let end = text.find(name).unwrap_or(0) + name.len();
            let start = phrase_start(text, end - name.len());
            assert_eq!(&text[start..end], expect, "{line}");
        }
    }

    #[test]
    fn a_capital_where_ties_are_given_is_its_government() {
        for (line, expect) in [
            (
                "SUPPORT|opened|Israeli diplomats opened an embassy in Moscow.|Israeli diplomats|Moscow|Name",
                "ISR/GOV RUS/GOV",
            ),
            (
                "COERCE|imposed|Israeli police imposed a curfew in Moscow.|Israeli police|Moscow|Name",
                "ISR/COP RUS/CVL",
            ),
        ] {
            check_place(line, expect);
        }
    }

    #[test]
    fn one_tuple_per_participant_pair() {
        check("ZMB GBR; ZMB GBR/REB", "ZMB GBR/REB");
        check("ZMB GBR/REB; ZMB GBR/REB", "ZMB GBR/REB");
        check("ZMB GBR/CVL; ZMB GBR/REB", "ZMB GBR/CVL; ZMB GBR/REB");
        check("ZMB GBR; ZMB FRA/REB", "ZMB GBR; ZMB FRA/REB");
        check("ZMB GBR; USA GBR/REB", "ZMB GBR; USA GBR/REB");
        check("ZMB -", "ZMB -");
    }
}
