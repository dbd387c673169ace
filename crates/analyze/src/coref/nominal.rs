//! Descriptions no earlier pass resolved: noun phrases that refer to a body of people, an unnamed
//! person (`a police officer`) or a place
//! without naming it (`government forces`, `opposition fighters`, `local residents`; `in the
//! besieged town`, `near the border`). They become ORGANISATION and LOCATION mentions of their own
//! (`MentionKind::Nominal`, no entity), so that what the article says of them (who fought whom,
//! who belongs to what, what lies where) has an argument to hold.
//!
//! The phrase is found from its head: a group noun, the last of a run of them (`security
//! forces`), with the modifiers before it (lower-case words, numbers, one coordination) back to a
//! determiner, possessive or quantifier. A singular head followed by another noun is a modifier
//! (`army officers`, `police station`), not a head. A phrase never overlaps a mention an earlier
//! pass made, and a group a name qualifies (`ISIL fighters`, `Iraqi security forces`, `Assad's
//! forces`, `NATO peacekeeping troops`) is left to the fact finder, which reads it from the name.
//! A place is described only after a locative preposition (`in the village`, `near the border`),
//! and only a particular one (not `in all areas`): the event finder takes a place mention after
//! a verb for its recipient, which is wrong for `blocked roads`, `shelled the town`.

use crate::words::Words;
use types::{MentionKind, MentionLabel, Span};

use super::Work;
use super::lexicon::is;

/// Heads of a phrase for a body of people acting together.
static GROUP_HEADS: Words = Words::new(&[
    "forces",
    "force",
    "troops",
    "army",
    "armies",
    "military",
    "militia",
    "militias",
    "fighters",
    "militants",
    "rebels",
    "insurgents",
    "jihadists",
    "extremists",
    "terrorists",
    "guerrillas",
    "gunmen",
    "soldiers",
    "police",
    "policemen",
    "government",
    "regime",
    "authorities",
    "opposition",
    "coalition",
    "alliance",
    "group",
    "groups",
    "faction",
    "factions",
    "movement",
    "delegation",
    "ministry",
    "brigade",
    "brigades",
    "battalion",
    "battalions",
    "personnel",
    "officials",
    "diplomats",
    "ministers",
    "navy",
    "protesters",
    "protestors",
    "demonstrators",
    "civilians",
    "refugees",
    "residents",
    "villagers",
    "volunteers",
    "mourners",
    "community",
    "reporters",
    "journalists",
    "employees",
    "workers",
    "students",
    "partners",
    "counterparts",
    "leaders",
    "witnesses",
    "eyewitnesses",
    "officers",
    "businesses",
]);

/// Heads of a phrase for one person the text does not name (`a police officer`, `a man`).
static PERSON_HEADS: Words = Words::new(&[
    "officer",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "witness",
    "eyewitness",
    "official",
    "man",
    "woman",
    "resident",
    "survivor",
]);

/// Heads of a phrase for a place.
static PLACE_HEADS: Words = Words::new(&[
    "town",
    "towns",
    "city",
    "cities",
    "village",
    "villages",
    "province",
    "provinces",
    "governorate",
    "region",
    "regions",
    "district",
    "districts",
    "area",
    "areas",
    "country",
    "capital",
    "border",
    "airport",
    "airbase",
    "airfield",
    "hospital",
    "hospitals",
    "camp",
    "camps",
    "base",
    "bases",
    "mosque",
    "mosques",
    "church",
    "churches",
    "school",
    "schools",
    "university",
    "building",
    "buildings",
    "compound",
    "bridge",
    "bridges",
    "road",
    "roads",
    "highway",
    "checkpoint",
    "checkpoints",
    "neighbourhood",
    "neighbourhoods",
    "neighborhood",
    "neighborhoods",
    "suburb",
    "suburbs",
    "street",
    "streets",
    "square",
    "prison",
    "port",
    "station",
    "embassy",
    "headquarters",
    "territory",
    "zone",
    "facility",
    "refinery",
    "dam",
    "palace",
    "library",
    "museum",
    "hotel",
    "restaurant",
    "outskirts",
    "enclave",
    "frontline",
    "valley",
    "coast",
    "desert",
    "mountains",
]);

/// Prepositions that make a described place the place where something is or happens (`in
/// the village`, `near the border`), not the thing an act is done to (`shelled the town`, `an
/// attack on a village`).
static LOCATIVE: Words = Words::new(&[
    "in",
    "at",
    "near",
    "into",
    "inside",
    "outside",
    "around",
    "across",
    "within",
    "from",
    "to",
    "toward",
    "towards",
    "through",
    "throughout",
    "along",
    "behind",
    "beyond",
]);

/// Determiners and possessives that open a phrase for something particular (`the`, `their`).
static PARTICULAR: Words = Words::new(&[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
]);

/// Quantifiers that open a phrase for some or all of a kind (`many`, `all`).
static QUANTIFIERS: Words = Words::new(&[
    "some", "many", "several", "other", "another", "every", "each", "both", "all", "any", "no",
]);

/// Whether a word opens a phrase (the phrase starts with it).
fn opens(word: &str) -> bool {
    is(&PARTICULAR, word) || is(&QUANTIFIERS, word)
}

/// Words that end a phrase on its left and are no part of it.
static STOPS: Words = Words::new(&[
    "of", "in", "on", "at", "to", "for", "from", "by", "with", "into", "onto", "over", "under",
    "near", "against", "across", "through", "between", "among", "around", "and", "or", "but",
    "nor", "as", "than", "who", "whom", "whose", "which", "where", "when", "while", "if",
    "because", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
    "would", "can", "could", "may", "might", "shall", "should", "must", "do", "does", "did", "not",
    "said", "says", "say", "it", "he", "she", "they", "we", "i", "you", "them", "him", "us", "me",
    "there", "here", "also", "only", "just", "more", "most", "very", "so", "such", "what", "up",
    "out", "off", "after", "before", "since", "during", "until", "about", "per", "via", "without",
    "within", "inside", "outside",
]);

/// Words whose next word is a verb (`will host`, `did not meet`).
static MODALS: Words = Words::new(&[
    "will", "would", "can", "could", "may", "might", "shall", "should", "must", "do", "does",
    "did", "not", "never", "cannot",
]);

/// Verbs in -s that follow a subject (`the army says`), so that the head before them stands.
static VERBS_S: Words = Words::new(&[
    "says",
    "claims",
    "denies",
    "insists",
    "warns",
    "accuses",
    "plans",
    "wants",
    "remains",
    "continues",
    "controls",
    "holds",
    "launches",
    "fires",
    "needs",
    "seems",
    "appears",
    "believes",
    "hopes",
    "expects",
    "argues",
    "admits",
    "agrees",
    "refuses",
    "rejects",
    "supports",
    "opposes",
    "threatens",
    "demands",
    "calls",
    "urges",
    "asks",
    "tells",
    "reports",
    "shows",
    "makes",
    "takes",
    "gives",
    "gets",
    "keeps",
    "faces",
    "uses",
    "seeks",
    "sees",
    "knows",
    "thinks",
    "lies",
    "stands",
    "sits",
    "runs",
    "tries",
    "looks",
    "means",
    "includes",
    "becomes",
    "lacks",
    "houses",
    "hosts",
    "borders",
    "attacks",
    "shells",
    "targets",
    "kills",
    "captures",
    "seizes",
    "retakes",
    "enters",
    "leaves",
    "joins",
    "meets",
    "backs",
    "fights",
]);

fn head_label(word: &str) -> Option<MentionLabel> {
    if is(&GROUP_HEADS, word) {
        Some(MentionLabel::Org)
    } else if is(&PERSON_HEADS, word) {
        Some(MentionLabel::Person)
    } else if is(&PLACE_HEADS, word) {
        Some(MentionLabel::Loc)
    } else {
        None
    }
}

fn is_word(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| c.is_alphabetic() || c == '-')
        && s.chars().any(char::is_alphabetic)
}

/// A lower-case word that may modify a head (`besieged`, `opposition`, `bomb-damaged`).
fn modifier(w: &Work, t: usize, sentence_start: usize) -> bool {
    let word = w.tok(t);
    let low = w.low(t);
    let lower_case = word.chars().next().is_some_and(char::is_lowercase) || t == sentence_start;
    lower_case
        && is_word(word)
        && !is(&STOPS, low)
        && !opens(low)
        && !low.ends_with("ly")
        && !is(&PAST_VERBS, low)
        && !plural_noun(low)
}

/// A plural noun is no modifier (`deputies met army officers`); adjectives in -ous and
/// nouns in -ss are not plurals.
fn plural_noun(low: &str) -> bool {
    low.len() > 3
        && low.ends_with('s')
        && !low.ends_with("ss")
        && !low.ends_with("ous")
        && !low.ends_with("us")
        && !low.ends_with("is")
}

/// Common irregular past tenses, which end a phrase on its left (`they met army officers`).
static PAST_VERBS: Words = Words::new(&[
    "met", "told", "saw", "led", "held", "took", "made", "left", "hit", "fought", "sent",
    "brought", "found", "gave", "became", "began", "kept", "won", "lost", "fled", "came", "went",
    "ran", "struck", "shot", "got", "put", "set", "let", "knew", "thought", "felt", "heard",
    "paid", "sought", "taught", "caught", "bought", "spoke", "wrote", "rose", "fell", "drove",
    "stood", "sat", "withdrew", "overran", "retook", "beat",
]);

/// Whether a word after a singular head makes the head a modifier (`border crossing`).
fn continues(w: &Work, t: usize) -> bool {
    let word = w.tok(t);
    let low = w.low(t);
    word.chars().next().is_some_and(char::is_lowercase)
        && is_word(word)
        && !is(&STOPS, low)
        && !opens(low)
        && !low.ends_with("ed")
        && !low.ends_with("ing")
        && !low.ends_with("ly")
        && !is(&VERBS_S, low)
        && !is(&PAST_VERBS, low)
}

/// Adds the unresolved descriptions of groups and places (see the module comment).
pub(crate) fn describe(w: &mut Work) {
    let ntok = w.seg.tokens.len();
    // Tokens any mention already covers (names, titles, resolved descriptions, pronouns).
    let mut covered = vec![None::<MentionLabel>; ntok];
    for m in &w.ms {
        for c in covered.iter_mut().take(m.tok.1.min(ntok)).skip(m.tok.0) {
            if c.is_none() || m.m.label != MentionLabel::Norp {
                *c = Some(m.m.label);
            }
        }
    }
    let mut found: Vec<(Span, MentionLabel)> = Vec::new();
    for s in 0..w.seg.sentence_tokens.len() {
        let (s0, s1) = w.sentence_tokens(s);
        let mut h = s0;
        while h < s1 {
            let Some(label) = head_label(w.low(h)).filter(|_| covered[h].is_none()) else {
                h += 1;
                continue;
            };
            // The last of a run of head nouns heads the phrase (`security forces`).
            let mut last = h;
            while last + 1 < s1
                && covered[last + 1].is_none()
                && head_label(w.low(last + 1)).is_some()
                && w.tok(last + 1).chars().next().is_some_and(char::is_lowercase)
            {
                last += 1;
            }
            let label = head_label(w.low(last)).unwrap_or(label);
            let run_start = h;
            let next = last + 1;
            h = next;
            // A capitalised head is part of a name the recogniser left out (`the banned
            // Movement for ...`).
            if w.tok(last).chars().next().is_some_and(char::is_uppercase) && last != s0 {
                continue;
            }
            // `border crossing`, `school children`: the head is a modifier here.
            let singular = !plural_noun(w.low(last));
            if singular && next < s1 && covered[next].is_none() && continues(w, next) {
                continue;
            }
            // `military and civilian personnel`: a coordinated modifier.
            if singular
                && next + 1 < s1
                && matches!(w.low(next), "and" | "or")
                && covered[next + 1].is_none()
                && modifier(w, next + 1, s0)
            {
                continue;
            }
            // `a group of deputies`, `the forces of the regime`: the fact finder reads the
            // whole phrase.
            if next < s1 && w.low(next) == "of" {
                let place_name = next + 1 < s1
                    && covered[next + 1]
                        .is_some_and(|l| matches!(l, MentionLabel::Gpe | MentionLabel::Loc));
                if label == MentionLabel::Org || place_name {
                    continue;
                }
            }
            // Modifiers back to an opener: at most three; a word in -ed or -ing only right
            // after an opener (`the besieged town`, not `people blocked streets`).
            let mut first = run_start;
            let mut opener = None;
            let mut stop = None;
            let mut mods = 0;
            let mut p = first;
            while p > s0 && mods < 3 {
                p -= 1;
                let low = w.low(p);
                // `said that witnesses saw`: `that` before a plural is a conjunction.
                if matches!(low, "that" | "this") && plural_noun(w.low(last)) {
                    stop = Some(p);
                    break;
                }
                if covered[p].is_none() && opens(low) {
                    opener = Some(p);
                    break;
                }
                let participle = low.ends_with("ed") || low.ends_with("ing");
                let numeral = w.tok(p).starts_with(|c: char| c.is_ascii_digit())
                    && w.tok(p).chars().all(|c| c.is_ascii_digit() || c == ',');
                // `will host foreign ministers`: a word after a modal is its verb.
                let verb = p > s0 && is(&MODALS, w.low(p - 1));
                let ok = covered[p].is_none()
                    && !verb
                    && (numeral || modifier(w, p, s0))
                    && (!participle || p > s0 && covered[p - 1].is_none() && opens(w.low(p - 1)));
                // `military and civilian personnel`: one coordinated modifier.
                let coordinated = matches!(low, "and" | "or")
                    && mods > 0
                    && p > s0
                    && covered[p - 1].is_none()
                    && modifier(w, p - 1, s0);
                if !ok && !coordinated {
                    stop = Some(p);
                    break;
                }
                first = p;
                if !coordinated {
                    mods += 1;
                }
            }
            // `ISIL fighters`, `Iraqi security forces`, `NATO peacekeeping troops`, `Serb
            // forces`, `Assad's forces`: a named group, which the fact finder reads from the name.
            let name_at = |p: usize| {
                covered[p].is_some()
                    || w.is_possessive(p)
                    || w.tok(p) == ")"
                    || w.tok(p).chars().next().is_some_and(char::is_uppercase) && p != s0
            };
            let named = stop.is_some_and(|p| {
                name_at(p) || p > s0 && name_at(p - 1) && covered[p].is_none() && modifier(w, p, s0)
            });
            if named {
                continue;
            }
            // `their forces`, `its troops`: a group the possessor's, which the fact finder
            // reads through the pronoun's antecedent.
            if label == MentionLabel::Org
                && opener
                    .is_some_and(|o| matches!(w.low(o), "its" | "their" | "his" | "her" | "our"))
            {
                continue;
            }
            let first = opener.unwrap_or(first);
            // A place only where something is or happens, and a particular one (`in the
            // village`, not `shelled the town` or `in all areas`).
            if label == MentionLabel::Loc {
                let particular = opener.is_none_or(|o| is(&PARTICULAR, w.low(o)));
                let placed = first > s0 && is(&LOCATIVE, w.low(first - 1));
                if !(particular && placed) {
                    continue;
                }
            }
            let span = Span::new(w.tok_span(first).start, w.tok_span(last).end);
            found.push((span, label));
        }
    }
    for (span, label) in found {
        w.add(span, label, MentionKind::Nominal);
    }
}
