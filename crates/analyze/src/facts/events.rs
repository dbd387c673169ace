//! Events in one sentence: trigger senses, clause-level arguments (subject before the verb,
//! object after it, passive voice, coordination, `between`/`with`/`by`/`on` phrases, places),
//! modality cues, absorbed complements (`calling for the withdrawal` is one REQUEST), attribution
//! and STATEMENT events.

use types::{Analysis, Argument, Attribution, Event, EventCategory, MentionLabel, Modality, Span};

use super::lexicon::{Lexicon, Trigger, tf, wc};
use super::sense::Reading;
use super::view::{Np, View};

/// An event found in a sentence, with what later passes need to know about it.
#[derive(Debug, Clone)]
pub struct Found {
    pub ev: Event,
    pub trig: usize,
    pub trig_last: usize,
    pub clause: u16,
    pub absorbed: bool,
    pub verb: bool,
    pub pluperfect: bool,
    /// Complement range (token indices) of a complement-taking trigger.
    pub comp: Option<(usize, usize)>,
    /// Unresolved pronoun arguments: (token index, role: 0 actor, 1 recipient).
    pub pronouns: Vec<(usize, u8)>,
    /// `the two men`: a count of participants to take from an earlier event.
    pub count_args: Option<usize>,
    /// The event is the subject of `failed to` in a later clause of its own sentence, etc.
    pub anaphoric: bool,
    /// An implied event (`the first meeting ... since 2019`): the timex that dates it.
    pub since_timex: Option<u32>,
    /// Arguments that are a possessor's group (`Haftar's forces`): (argument span, possessor).
    pub possessed: Vec<(Span, u32)>,
    pub has_own_args: bool,
    pub habitual: bool,
    pub definite: bool,
    /// A weak (light-ish) verb sense such as `give`, `provide`, `send`.
    pub weak: bool,
    /// A participle modifying the noun before it (`West Africans ordered out of X`): no
    /// principal event of its sentence.
    pub modifier: bool,
}

/// Per-sentence results.
#[derive(Debug, Default)]
pub struct SentenceFacts {
    pub found: Vec<Found>,
    /// STATEMENT events: (event, index in `found` of what it is about).
    pub statements: Vec<(Event, Option<usize>)>,
}

const PARTICLES: &[&str] = &[
    "for", "on", "upon", "out", "back", "up", "down", "off", "over", "into", "fire", "part", "to",
    "at",
];

fn lex() -> &'static Lexicon {
    Lexicon::get()
}

/// Chooses the trigger sense of token `i`, with the index of its last token.
fn sense(v: &View, i: usize) -> Option<(&'static Trigger, usize, bool)> {
    let t = v.toks[i];
    let info = t.info?;
    if info.triggers.is_empty() || t.m.is_some() {
        return None;
    }
    let n = v.len();
    let prev_w = if i > 0 { Some(i - 1) } else { None };
    let prev = prev_w.map(|j| v.toks[j]);
    let w = v.word(i);
    let participle = w.ends_with("ed") || w.ends_with("en");
    // What the previous word makes of this one.
    // An unknown lowercase word before is likely an adjective (`naval blockade`), but it may be
    // a plural subject (`bulldozers demolished`): it suggests a noun without excluding a verb.
    // A time word (`X today met Y`) is no adjective.
    let timeword_before = i > 0 && time_word(v, i - 1);
    let weak_noun_ctx = prev.is_some_and(|p| {
        p.info.is_none()
            && !p.cap
            && !p.punct
            && p.m.is_none()
            && !v.word(i - 1).ends_with("ly")
            && !timeword_before
    });
    let noun_ctx = prev.is_some_and(|p| {
        (p.is(wc::DET | wc::POSS) && !p.is(wc::REL) && !v.eq(i - 1, "that"))
            || (p.is(wc::QUANT)
                && v.eq_any(
                    i - 1,
                    &[
                        "some", "many", "several", "all", "both", "few", "most", "more", "less",
                        "each", "any", "much", "one", "two", "three", "four", "five", "six",
                        "seven", "eight", "nine", "ten", "dozen",
                    ],
                ))
            || p.number
            || matches!(v.word(i - 1), "'s" | "\u{2019}s")
            || (p.info.is_none()
                && !p.cap
                && !p.punct
                && p.m.is_none()
                && !v.word(i - 1).ends_with("ly")
                && !timeword_before)
            || p.label == Some(MentionLabel::Norp)
            || (p.is(wc::PREP) && !v.eq(i - 1, "to") && !p.is(wc::SUB))
            // `a bomb attack`, `the car bomb explosion`: a singular event noun modifying this one.
            || i >= 2
                && v.toks[i - 2].is(wc::DET | wc::POSS)
                && !v.toks[i - 2].is(wc::REL)
                && !p.cap
                && p.m.is_none()
                && p.info.is_some_and(|x| !x.triggers.is_empty())
                && !p.is(wc::VERB | wc::LIGHT)
                && !v.word(i - 1).ends_with('s')
            // `their first meeting`, `a new offensive`: an adjective before a noun.
            || v.eq_any(
                i - 1,
                &["first", "second", "third", "last", "latest", "new", "fresh", "recent", "further"],
            )
    });
    let plural_quant = prev_w.is_some_and(|j| {
        v.eq_any(
            j,
            &[
                "hundreds",
                "thousands",
                "dozens",
                "scores",
                "many",
                "several",
                "some",
                "others",
                "both",
                "all",
                "millions",
                "tens",
            ],
        )
    });
    let verb_ctx = prev.is_some_and(|p| {
        p.is(wc::MODAL | wc::DO | wc::NEG | wc::BE | wc::HAVE | wc::ADV | wc::PRON)
            && !p.is(wc::DET | wc::POSS)
            || v.eq(i - 1, "to")
            || p.is(wc::REL) && !p.is(wc::POSS)
            || p.m.is_some() && p.cap && p.label != Some(MentionLabel::Norp)
            // `Albanians demonstrated`, `The Palestinians reject`: a people named in the plural
            // is a subject; only the singular demonym modifies a noun (`Albanian protests`).
            || p.label == Some(MentionLabel::Norp)
                && v.word(i - 1).ends_with('s')
                && !v.word(i - 1).ends_with("ss")
            || plural_quant && participle
    });
    // A participle after an unknown word: that word is the subject (`bulldozers demolished`).
    let noun_ctx = noun_ctx
        && !(weak_noun_ctx && participle && !prev.is_some_and(|p| p.is(wc::DET | wc::POSS)));
    let mut fallback: Option<(&'static Trigger, usize, bool)> = None;
    for &k in &info.triggers {
        let tr = &lex().triggers[k as usize];
        if let Some(p) = tr.prev
            && !prev_w.is_some_and(|j| v.eq(j, p))
        {
            continue;
        }
        let mut last = i;
        if let Some(nx) = tr.next {
            let mut found = None;
            let particle = PARTICLES.iter().any(|p| nx.eq_ignore_ascii_case(p));
            for j in i + 1..n.min(if particle { i + 5 } else { i + 6 }) {
                if v.toks[j].punct && !v.quote(j) && !matches!(v.word(j), "-" | "'s") {
                    break;
                }
                if v.eq(j, nx) {
                    found = Some(j);
                    break;
                }
                // A `with` complement belongs to the nearest head: a noun's follows right after
                // it (`a call with X`; not `call option deal with X`), and a verb's comes before
                // any other preposition or infinitive (not `call for talks with X`).
                if nx == "with"
                    && (tr.flags & tf::VERB == 0 || v.toks[j].is(wc::PREP) || v.eq(j, "to"))
                {
                    break;
                }
            }
            let Some(j) = found else { continue };
            if particle && j <= i + 2 {
                last = j;
            }
        }
        let can_verb = tr.flags & tf::VERB != 0;
        let can_noun = tr.flags & tf::NOUN != 0;
        // `border patrol agents`, `attack helicopters`: a noun modifying the next noun.
        if can_noun && !can_verb && last == i && noun_modifier(v, i) {
            continue;
        }
        if can_verb && tr.ing && tr.flags & tf::NOING != 0 && !can_noun {
            continue;
        }
        // A context requirement met is decisive.
        let specific = tr.prev.is_some() || tr.next.is_some();
        let as_verb = if can_verb && can_noun { !noun_ctx || verb_ctx } else { can_verb };
        let fits = if noun_ctx && !verb_ctx {
            can_noun || (specific && !participle)
        } else if verb_ctx {
            can_verb
        } else {
            true
        };
        if fits || specific {
            if !can_noun && noun_ctx && !verb_ctx && !specific {
                // `the alleged bombardment`, `four shell bombs`: an adjective, not a verb.
                continue;
            }
            return Some((tr, last, as_verb));
        }
        if fallback.is_none() && (!noun_ctx || can_noun) {
            fallback = Some((tr, last, as_verb));
        }
    }
    fallback
}

/// `its troops`, `their forces`: the actor's own forces, moved or offered, not a recipient.
fn own_forces(v: &View, np: &Np) -> bool {
    v.toks[np.first].is(wc::POSS)
        && !v.toks[np.first].is(wc::DET)
        && (v.toks[np.head].is(wc::GROUP) || matches!(np.sector, Some(super::lexicon::Sector::Mil)))
}

/// A noun right before another common noun of the same phrase modifies it.
fn noun_modifier(v: &View, i: usize) -> bool {
    let Some(next) = v.toks.get(i + 1) else { return false };
    let w = v.word(i + 1);
    !next.punct
        && next.m.is_none()
        && !next.cap
        && !next.is(wc::PREP
            | wc::CONJ
            | wc::BE
            | wc::HAVE
            | wc::MODAL
            | wc::REL
            | wc::DET
            | wc::ADV
            | wc::VERB
            | wc::REPORT
            | wc::SUB
            | wc::PRON)
        && next.info.is_none_or(|x| x.triggers.is_empty() || x.sector.is_some())
        && !w.ends_with("ed")
        && !w.ends_with("ly")
        && (next.sector.is_some() || next.is(wc::GROUP) || next.info.is_none() && w.ends_with('s'))
}

/// The verb group before token `i`: (first token of the group, modality cues, passive, pluperfect).
struct VerbGroup {
    start: usize,
    modality: Modality,
    passive: bool,
    pluperfect: bool,
    negated: bool,
    to_inf: bool,
}

fn verb_group(v: &View, i: usize, participle: bool) -> VerbGroup {
    let mut g = VerbGroup {
        start: i,
        modality: Modality::Asserted,
        passive: false,
        pluperfect: false,
        negated: false,
        to_inf: false,
    };
    let mut j = i;
    let mut saw_be = false;
    while j > 0 {
        let k = j - 1;
        let t = v.toks[k];
        let w = v.word(k);
        if v.quote(k) {
            j = k;
            continue;
        }
        if t.is(wc::NEG) && !t.is(wc::DET) {
            g.negated = !g.negated;
            j = k;
            continue;
        }
        if t.is(wc::BE) {
            saw_be = true;
            j = k;
            continue;
        }
        if t.is(wc::HAVE) && !t.is(wc::PREP) {
            if v.eq_any(k, &["had", "'d"]) {
                g.pluperfect = true;
            }
            j = k;
            continue;
        }
        if t.is(wc::DO) {
            j = k;
            continue;
        }
        if t.is(wc::MODAL) {
            let m = match w.to_ascii_lowercase().as_str() {
                "will" | "shall" | "'ll" => Modality::Planned,
                "would" => Modality::Planned,
                "may" | "might" | "could" => Modality::Uncertain,
                "must" | "should" | "ought" => Modality::Requested,
                "cannot" => {
                    g.negated = true;
                    Modality::Asserted
                }
                _ => Modality::Asserted,
            };
            if g.modality == Modality::Asserted {
                g.modality = m;
            }
            j = k;
            continue;
        }
        if v.adverb(k) {
            j = k;
            continue;
        }
        if v.eq(k, "to") && k > 0 {
            // `failed to`, `plans to`, `is expected to`, `is due to`.
            g.to_inf = true;
            let c = k - 1;
            let cw = v.word(c).to_ascii_lowercase();
            let m = match cw.as_str() {
                "failed" | "fail" | "fails" | "unable" => Some(Modality::Failed),
                "plan" | "plans" | "planned" | "planning" | "intend" | "intends" | "intended"
                | "aims" | "aim" | "expected" | "due" | "set" | "scheduled" | "going"
                | "preparing" | "poised" | "seeks" | "sought" | "seeking" | "hopes" | "hoped"
                | "wants" | "wanted" | "decided" | "decides" => Some(Modality::Planned),
                "tried" | "tries" | "trying" | "attempted" | "attempt" | "attempts" => {
                    Some(Modality::Asserted)
                }
                "likely" | "unlikely" => Some(Modality::Uncertain),
                "refused" | "refuses" | "declined" => Some(Modality::Negated),
                _ => None,
            };
            if let Some(m) = m {
                g.modality = m;
                j = c;
                continue;
            }
            // Other catenative verbs (`continued to send`, `began to`): the subject is theirs.
            let ct = v.toks[c];
            let catenative = ct.is(wc::VERB) && !ct.is(wc::REPORT)
                || ct.info.is_none() && !ct.cap && (cw.ends_with("ed") || cw.ends_with("es"));
            if catenative {
                j = c;
                continue;
            }
            j = k;
            break;
        }
        break;
    }
    // `there is no way the Germans will agree`, `in no way will it accept`: the clause is negated.
    let floor = j.saturating_sub(10);
    let mut k = j;
    while k > floor {
        k -= 1;
        let t = v.toks[k];
        if v.word(k) == "," || t.is(wc::VERB | wc::REPORT) || v.clause[k] != v.clause[i] {
            break;
        }
        if v.eq(k, "no") && v.eq_any(k + 1, &["way", "chance"]) {
            g.negated = !g.negated;
            break;
        }
    }
    g.start = j;
    g.passive = saw_be && participle;
    if g.negated {
        g.modality = Modality::Negated;
    }
    g
}

/// Finds the subject of a verb whose verb group starts at `start`.
fn subject(
    v: &View,
    a: &Analysis,
    start: usize,
    trig_clause: u16,
    last_subject: Option<Np>,
) -> Option<Np> {
    if start == 0 {
        return None;
    }
    let mut j = start - 1;
    while j > 0 && v.quote(j) {
        j -= 1;
    }
    // `The Revolutionary United Front (RUF) announced`: skip the parenthesis.
    if v.word(j) == ")"
        && let Some(p) = (j.saturating_sub(8)..j).rev().find(|&x| v.word(x) == "(")
        && p > 0
    {
        j = p - 1;
    }
    // Time words and short prepositional phrases between subject and verb (`The UN on Tuesday
    // rejected`, `Israel Friday reimposed`, `police in Jericho confiscated`).
    for _ in 0..3 {
        if time_word(v, j) && j > 0 {
            j -= 1;
            while j > 0
                && (v.toks[j].is(wc::PREP | wc::DET)
                    || v.eq_any(j, &["last", "next", "early", "late", "on", "this"]))
            {
                j -= 1;
            }
            continue;
        }
        if let Some(np) = v.np_left(a, j, 0)
            && np.first > 1
            && v.toks[np.first - 1].is(wc::PREP)
            && !v.eq_any(np.first - 1, &["of", "by"])
            && !v.toks[np.first - 1].is(wc::SUB | wc::REL)
            && np.mention.is_none_or(|m| {
                matches!(a.mentions[m as usize].label, MentionLabel::Gpe | MentionLabel::Loc)
            })
            && v.np_left(a, np.first - 2, 0).is_some_and(|s| s.actor)
        {
            j = np.first - 2;
            continue;
        }
        // `Washington, along with its allies, demanded`: the companions are no subject.
        if let Some(np) = v.np_left(a, j, 0)
            && np.first > 2
            && v.eq(np.first - 1, "with")
            && v.eq_any(np.first - 2, &["along", "together"])
        {
            let mut b = np.first - 3;
            if v.word(b) == "," && b > 0 {
                b -= 1;
            }
            if v.np_left(a, b, 0).is_some_and(|s| s.actor) {
                j = b;
                continue;
            }
        }
        break;
    }
    let t = v.toks[j];
    if t.is(wc::REL) && !t.is(wc::POSS) {
        // `X, who arrived`: the antecedent.
        if j == 0 {
            return None;
        }
        let mut k = j - 1;
        if v.word(k) == "," && k > 0 {
            k -= 1;
        }
        return v.np_left(a, k, 0);
    }
    if v.word(j) == "," || v.word(j) == "\u{2013}" || v.word(j) == "\u{2014}" {
        // A relative clause or apposition closes here: skip back over it.
        let mut k = j;
        if j > 0 && v.clause[j - 1] != trig_clause {
            while k > 0 && v.clause[k - 1] != trig_clause {
                k -= 1;
            }
            // k is the first token of the embedded clause; the comma before it.
            if k > 0 && v.word(k - 1) == "," {
                k -= 1;
            }
            if k == 0 {
                return None;
            }
            return v.np_left(a, k - 1, 0);
        }
        // An apposition `X, the Y of Z,`.
        let mut c = j;
        while c > 0 && v.word(c - 1) != "," && j - c < 14 {
            c -= 1;
        }
        if c > 1 && v.word(c - 1) == "," {
            let head = v.np_left(a, c - 2, 0)?;
            // `The Iraqi Foreign Minister, Ibrahim al-Jaafari, said`: the named person.
            return Some(v.apposed_name(a, &head, j + 1).unwrap_or(head));
        }
        return None;
    }
    if t.is(wc::CONJ) {
        // `... and relies on`: the subject of the verb phrase before, or the sentence's first
        // actor when no event verb came before (`Benin opened its borders ... but was refusing`).
        let start = (0..j).rev().take_while(|&x| v.clause[x] == trig_clause).last().unwrap_or(0);
        let clause_subject = v.np_right(a, start, j).filter(|np| {
            (np.actor || np.pronoun) && np.last + 1 < j && !v.toks[np.last + 1].is(wc::PREP)
        });
        return clause_subject.or(last_subject);
    }
    let mut np = v.np_left(a, j, 0)?;
    // `inhabitants of the Golan Heights`, `leaders of the opposition`: a group noun and its `of`.
    if np.first > 1
        && v.eq(np.first - 1, "of")
        && let Some(g) = v.np_left(a, np.first - 2, 0)
        && v.toks[g.head].m.is_none()
        && (v.toks[g.head].sector.is_some() || v.toks[g.head].is(wc::GROUP | wc::LEAD))
        && np.mention.is_none_or(|m| a.mentions[m as usize].label != MentionLabel::Person)
    {
        np = v.read_np(a, g.first, np.last);
    }
    let in_pp = |np: &Np| {
        let p = np.first;
        p > 0
            && v.toks[p - 1].is(wc::PREP)
            && !v.toks[p - 1].is(wc::SUB | wc::REL | wc::DET)
            && !v.eq_any(p - 1, &["of", "to"])
            // `about 200 supporters`, `at least three civilians`: a quantity, not a phrase.
            && !v.toks[p].number
            && !v.eq_any(p, &["least", "most"])
            && number_word(v.word(p)).is_none()
    };
    // `X, commander, U.S. Central Command met`: the phrase after a title in apposition to a
    // person belongs to the title; the person is the subject.
    if np.mention.is_none_or(|m| a.mentions[m as usize].label != MentionLabel::Person)
        && np.first > 3
        && v.word(np.first - 1) == ","
        && let Some(title) = v.np_left(a, np.first - 2, 0)
        && title.last - title.first < 4
        && (v.toks[title.head].is(wc::LEAD)
            || v.toks[title.head].label == Some(MentionLabel::Title))
        && title.first > 1
        && v.word(title.first - 1) == ","
        && let Some(person) = v.np_left(a, title.first - 2, 0)
        && person.mention.is_some_and(|m| a.mentions[m as usize].label == MentionLabel::Person)
        && v.toks[person.head].m == person.mention
        && !in_pp(&person)
    {
        return Some(person);
    }
    if (np.actor || np.pronoun) && !in_pp(&np) {
        return Some(np);
    }
    // `In Turkey Minister X met`: a fronted place phrase without its comma ends where the
    // subject's title or name begins.
    if in_pp(&np)
        && (0..np.first - 1).all(|x| v.quote(x))
        && let Some(p) = (np.first..=np.last).find_map(|x| v.place_mention(a, x))
    {
        let pm = a.mentions[p as usize].span;
        if let Some(k) = (np.first..=np.last).find(|&x| v.toks[x].span.start >= pm.end)
            && (v.toks[k].cap || v.toks[k].m.is_some() || v.toks[k].sector.is_some())
        {
            let rest = v.read_np(a, k, np.last);
            if rest.actor {
                return Some(rest);
            }
        }
    }
    // The phrase is no subject (`missiles` in `aircraft using missiles killed`, `Mohammed` in
    // `hackers angered by cartoons of Mohammed defaced`): the subject is the actor that a
    // participle phrase before the verb modifies.
    let floor = j.saturating_sub(14);
    for x in (floor..np.first).rev() {
        let t = v.toks[x];
        if v.clause[x] != trig_clause || t.punct || t.is(wc::BE | wc::HAVE | wc::MODAL | wc::REPORT)
        {
            break;
        }
        let w = v.word(x);
        let participle = !t.cap
            && t.m.is_none()
            && w.len() > 4
            && (w.ends_with("ing") || w.ends_with("ed"))
            && t.info.is_none_or(|i| i.triggers.is_empty())
            && !t.is(wc::PREP | wc::DET | wc::ADV);
        if participle
            && x > 0
            && let Some(s) = v.np_left(a, x - 1, 0)
            && s.actor
            && !(s.first > 0 && v.toks[s.first - 1].is(wc::PREP))
        {
            return Some(s);
        }
    }
    // `X issued a statement demanding ...`: a document speaks for whoever issued it.
    if !np.actor
        && v.toks[np.head].is(wc::DOCNOUN)
        && np.first > 1
        && v.clause[np.first - 1] == trig_clause
        && (v.toks[np.first - 1].is(wc::VERB | wc::LIGHT | wc::REPORT)
            || v.word(np.first - 1).ends_with("ed"))
        && !v.toks[np.first - 1].is(wc::PREP | wc::DET)
    {
        let g = verb_group(v, np.first - 1, false);
        return subject(v, a, g.start, trig_clause, last_subject);
    }
    if !in_pp(&np) {
        return Some(np);
    }
    // `The minister for the interior allowed`: the phrase the attachment belongs to. When that
    // phrase names no actor (`a camp for refugees was attacked`), the attachment's actor stands
    // for it, unless the phrase is itself an event (`a bombing near X killed`).
    let mut cur = np;
    for _ in 0..3 {
        if cur.first < 2 || v.clause[cur.first - 2] != trig_clause {
            return None;
        }
        let before = v.np_left(a, cur.first - 2, 0)?;
        if (before.actor || before.pronoun) && !in_pp(&before) {
            return Some(before);
        }
        if !in_pp(&before) {
            let event = v.toks[before.head].info.is_some_and(|x| !x.triggers.is_empty());
            return (!event && (np.actor || np.pronoun)).then_some(np);
        }
        cur = before;
    }
    None
}

/// Day names and other bare time words (`Monday`, `today`, `yesterday`, `Sunday night`).
fn time_word(v: &View, i: usize) -> bool {
    v.eq_any(
        i,
        &[
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "today",
            "yesterday",
            "tonight",
            "night",
            "morning",
            "evening",
            "afternoon",
            "overnight",
            "earlier",
            "later",
            "again",
            "also",
            "now",
            "week",
            "month",
            "year",
            "weekend",
        ],
    )
}

/// The event's arguments by role.
#[derive(Default)]
struct Args {
    actors: Vec<Np>,
    recipients: Vec<Np>,
    /// First tokens of recipients that are only addressed (`complained to the UN`).
    addressed: Vec<usize>,
    with: Vec<Np>,
    places: Vec<Np>,
    place_args: Vec<Argument>,
}

fn clause_end(v: &View, from: usize, clause: u16) -> usize {
    let n = v.len();
    let mut j = from;
    while j < n {
        if v.clause[j] != clause {
            // An embedded clause (relative) may close and the main clause resume.
            let mut k = j;
            while k < n && v.clause[k] != clause {
                k += 1;
            }
            if k < n && v.toks[j].is(wc::REL) {
                j = k;
                continue;
            }
            return j;
        }
        let w = v.word(j);
        if w == ";" || w == ":" {
            return j;
        }
        j += 1;
    }
    n
}

/// A gerund clause opened at `k` (`without returning to X`, `before leaving Y`, `while visiting
/// W`): its parties are its own, not the trigger's. Not `despite`: `despite growing pressure by
/// X` is mostly a noun phrase.
fn gerund_clause(v: &View, k: usize, end: usize) -> bool {
    // Also a reason or a time (`deported X for travelling on a Y vessel`, `after meeting Y`).
    v.eq_any(k, &["without", "before", "while", "for", "after", "since"])
        && k + 1 < end
        && v.toks[k + 1].m.is_none()
        && !v.toks[k + 1].cap
        && v.word(k + 1).len() > 5
        && v.word(k + 1).ends_with("ing")
}

/// Nouns of a demand, offer or call made by one party to another.
const ADDRESSED_NOUNS: &[&str] = &[
    "demand",
    "demands",
    "request",
    "requests",
    "offer",
    "offers",
    "proposal",
    "proposals",
    "invitation",
    "invitations",
    "call",
    "calls",
    "appeal",
    "appeals",
    "plea",
    "pleas",
    "ultimatum",
    "admission",
    "apology",
];

/// Reads prepositional phrases after token `from` up to `end`.
/// `that` after a noun of asking (`its demands that X ...`): the clause says what is asked of
/// whom, not something about the noun.
fn request_that(v: &View, k: usize) -> bool {
    k > 0
        && v.eq(k, "that")
        && v.toks[k - 1].info.is_some_and(|x| {
            x.triggers.iter().any(|&t| {
                let t = &lex().triggers[t as usize];
                t.flags & tf::COMP != 0
                    && t.flags & tf::NOUN != 0
                    && t.category == EventCategory::Request
            })
        })
}

/// A relative pronoun or `that` opening a clause of its own at `k`.
fn relative_or_that(v: &View, k: usize) -> bool {
    v.toks[k].m.is_none() && v.eq_any(k, &["that", "which", "who", "whom", "whose"])
}

#[allow(clippy::too_many_arguments)]
fn pps(
    v: &View,
    a: &Analysis,
    tr: &Trigger,
    trig_last: usize,
    from: usize,
    end: usize,
    args: &mut Args,
    noun: bool,
    obj_common: bool,
) {
    let cat = tr.category;
    let mut k = from;
    // Inside a reason or time adjunct that named no party of the trigger (`indicted X for his
    // part in atrocities during the fight against Y`, `threatened to cut ties with X over their
    // ties with Y`): the phrases after it belong to it, so they give places but no parties.
    // Not after `for`, which may say what for (`mobilized reservists for a war against X`).
    let mut adjunct: Option<(usize, usize)> = None;
    let mut offence_agent = false;
    let mut topic_end: Option<usize> = None;
    while k < end {
        let t = v.toks[k];
        // A new verb ends the trigger's phrases (`an assault on X relied on Y`).
        if k > from
            && t.m.is_none()
            && t.is(wc::VERB | wc::REPORT | wc::BE | wc::MODAL)
            && !v.toks[k - 1].is(wc::DET | wc::POSS)
            && !t.is(wc::PREP)
        {
            break;
        }
        // `demonstrations to demand reforms by X`, `called on X to mobilize against Y`: a
        // purpose clause, or one after the recipient, has phrases of its own.
        if (noun || !args.recipients.is_empty())
            && v.eq(k, "to")
            && k + 1 < end
            && v.toks[k + 1].m.is_none()
            && !v.toks[k + 1].is(wc::DET | wc::POSS | wc::PREP)
            && !v.toks[k + 1].cap
            && (v.toks[k + 1].is(wc::VERB)
                || v.toks[k + 1].info.is_some_and(|x| {
                    x.triggers.iter().any(|&t| lex().triggers[t as usize].flags & tf::VERB != 0)
                }))
        {
            break;
        }
        // `agreed to resign without returning to X`: a gerund clause after `without`, `before`,
        // `despite` or `while` has phrases of its own; so has a clause after `that`, `which` or
        // `who` (`a strike that shut down the capital`, `its demand that X end curbs on Y`).
        if gerund_clause(v, k, end) || relative_or_that(v, k) || v.eq(k, "according") {
            break;
        }
        if !t.is(wc::PREP) || t.m.is_some() {
            k += 1;
            continue;
        }
        // A place phrase right after a common noun describes that noun (`the situation in Libya`),
        // and so does one after a meeting's topic (`talks on the situation in Aleppo`).
        let after_common = obj_common && k == from && k > trig_last + 1 || topic_end == Some(k);
        if noun && (v.eq(k, "of") && k != from) {
            k += 1;
            continue;
        }
        let prep = v.word(k).to_ascii_lowercase();
        let Some(np) = v.np_right(a, k + 1, end) else {
            k += 1;
            continue;
        };
        let mut list = Vec::new();
        let parties = prep == "with" && cat == EventCategory::Consult;
        v.coordinated_right_with(a, np, end, &mut list, parties);
        // `met with the Minister of Foreign Affairs, Dr X, in Canberra`: the named person.
        if list.len() == 1
            && let Some(name) = v.apposed_name(a, &list[0], v.len())
        {
            list[0] = name;
        }
        let is_place = |np: &Np| {
            np.mention.is_some_and(|m| {
                matches!(a.mentions[m as usize].label, MentionLabel::Gpe | MentionLabel::Loc)
            }) && !np.actor_common()
        };
        let next = list.last().map_or(k + 1, |x| x.last + 1);
        if matches!(cat, EventCategory::Consult | EventCategory::Statement)
            && matches!(prep.as_str(), "on" | "about" | "over" | "regarding")
            && list.iter().all(|np| {
                !np.actor
                    && np.mention.is_none()
                    && v.toks[np.head].info.is_none_or(|x| x.triggers.is_empty())
            })
        {
            topic_end = Some(next);
        }
        let before = (args.actors.len(), args.recipients.len());
        // `in the talks with X`: a phrase naming no place or party.
        let unnamed_in = prep == "in"
            && !super::view::in_timex(a, v.toks[k + 1].span)
            && list.iter().all(|np| {
                !is_place(np) && np.mention.is_none() && !np.actor && !v.toks[np.head].cap
            });
        match prep.as_str() {
            // `investigating crimes by X against Y`, `an inquiry into abuses committed by X`,
            // `protests against violations by X`: in an accusation or a protest the offence's
            // agent is the target, its victims are not.
            "by" if matches!(cat, EventCategory::Accuse | EventCategory::Protest)
                && k > trig_last + 1
                && v.toks[k - 1].is(wc::OFFENCE)
                && v.toks[k - 1].m.is_none() =>
            {
                let accused: Vec<Np> = list
                    .into_iter()
                    .filter(|np| np.actor && !args.actors.iter().any(|x| x.first == np.first))
                    .collect();
                if !accused.is_empty() {
                    args.recipients = accused;
                    offence_agent = true;
                }
            }
            "against" if offence_agent => {}
            // `rejected an offer from X`, `demanded an admission by X`: the party that made or
            // must make the demand, offer or call is whom the act answers or addresses; the
            // phrases after it belong to that demand (`a demand from X to adhere to deals with
            // Y`).
            "from" | "by"
                if k > trig_last + 1
                    && v.toks[k - 1].m.is_none()
                    && v.eq_any(k - 1, ADDRESSED_NOUNS)
                    && matches!(
                        cat,
                        EventCategory::Reject
                            | EventCategory::Agree
                            | EventCategory::Concede
                            | EventCategory::Request
                    )
                    && list.iter().any(|np| np.actor) =>
            {
                args.recipients = list.into_iter().filter(|np| np.actor).collect();
                break;
            }
            "with"
                if tr.flags & tf::SYM != 0
                    || matches!(
                        cat,
                        EventCategory::Agree
                            | EventCategory::Cooperate
                            | EventCategory::Sanction
                            | EventCategory::Reject
                    ) =>
            {
                for np in list {
                    if np.actor {
                        if cat == EventCategory::Consult
                            || cat == EventCategory::Cooperate
                            || cat == EventCategory::Agree
                        {
                            args.actors.push(np);
                        } else {
                            args.recipients.push(np);
                        }
                    }
                }
            }
            "between" | "among" => {
                for np in list {
                    if np.actor || v.np_count(&np).is_some() {
                        if matches!(tr.mode, Some("third-party") | Some("host"))
                            || !args.actors.is_empty()
                                && cat != EventCategory::Consult
                                && tr.flags & tf::SYM == 0
                        {
                            args.recipients.push(np);
                        } else {
                            args.actors.push(np);
                        }
                    }
                }
            }
            // `crimes committed by X`, `a lunch hosted by X`: the agent of that participle.
            "by" if noun
                && !(k > trig_last + 1
                    && v.toks[k - 1].m.is_none()
                    && !v.toks[k - 1].cap
                    && (v.word(k - 1).ends_with("ed") || v.word(k - 1).ends_with("en"))) =>
            {
                for np in list {
                    if np.actor {
                        args.actors.push(np);
                    }
                }
            }
            "of" if noun => {
                for np in list {
                    if is_place(&np)
                        && matches!(cat, EventCategory::Assault | EventCategory::Coerce)
                    {
                        args.recipients.push(np);
                        args.places.push(np);
                    } else if np.actor {
                        if tr.flags & tf::OFACTOR != 0
                            || matches!(
                                cat,
                                EventCategory::Die
                                    | EventCategory::Consult
                                    | EventCategory::Mobilize
                            )
                        {
                            args.actors.push(np);
                        } else {
                            args.recipients.push(np);
                        }
                    }
                }
            }
            "on" | "against" | "upon" | "at" => {
                // `beat detainees on the West Bank`: after a recipient object, a place is where.
                let had_object = !noun && !args.recipients.is_empty();
                for np in list {
                    // `against X` names whom, whatever X is (`action against Russia`).
                    if is_place(&np)
                        && (prep == "at"
                            || prep != "against" && had_object
                            || prep != "against"
                                && !matches!(
                                    cat,
                                    EventCategory::Assault
                                        | EventCategory::Coerce
                                        | EventCategory::Sanction
                                ))
                    {
                        args.places.push(np);
                    } else if np.actor {
                        if matches!(cat, EventCategory::Consult | EventCategory::Statement) {
                            continue;
                        }
                        args.recipients.push(np);
                        if let Some(p) = np.inner_place {
                            args.places.push(v.np_for_mention(a, p));
                        }
                    }
                }
            }
            "to" => {
                let moving = tr.flags & (tf::MOVE | tf::OBJPLACE) != 0
                    || matches!(cat, EventCategory::Mobilize | EventCategory::Retreat);
                for np in list {
                    if moving && !is_place(&np) && !np.actor && np.inner_place.is_some() {
                        if let Some(p) = np.inner_place {
                            args.places.push(v.np_for_mention(a, p));
                        }
                    } else if moving && is_place(&np) {
                        args.places.push(np);
                        if cat != EventCategory::Consult && cat != EventCategory::Mobilize {
                            args.recipients.push(np);
                        }
                    } else if np.actor && cat == EventCategory::Accuse {
                        args.addressed.push(np.first);
                        args.recipients.push(np);
                    } else if np.actor
                        && matches!(
                            cat,
                            EventCategory::Aid
                                | EventCategory::Support
                                | EventCategory::Request
                                | EventCategory::Accuse
                                | EventCategory::Threaten
                                | EventCategory::Agree
                                | EventCategory::Concede
                                | EventCategory::Retreat
                                | EventCategory::Cooperate
                                | EventCategory::Sanction
                                | EventCategory::Reject
                        )
                    {
                        args.recipients.push(np);
                    }
                }
            }
            // `came under attack from X`, `an attack from X on Y`: right after an attack noun,
            // a party after `from` is the attacker.
            "from"
                if noun
                    && k == trig_last + 1
                    && cat == EventCategory::Assault
                    && args.actors.is_empty()
                    && list.iter().all(|np| np.actor && !is_place(np)) =>
            {
                args.actors.extend(list);
            }
            // `X fought Y alongside Z`: Z fights beside the verb's subject.
            "alongside" if !noun && cat == EventCategory::Assault && !args.actors.is_empty() => {
                args.actors.extend(list.into_iter().filter(|np| np.actor && !is_place(np)));
            }
            "from" => {
                for np in list {
                    if is_place(&np) {
                        if matches!(
                            cat,
                            EventCategory::Retreat
                                | EventCategory::Sanction
                                | EventCategory::Coerce
                        ) {
                            args.recipients.push(np);
                        }
                        args.places.push(np);
                    } else if np.actor
                        && matches!(
                            cat,
                            EventCategory::Request
                                | EventCategory::Retreat
                                | EventCategory::Coerce
                                | EventCategory::Sanction
                        )
                    {
                        // `confiscated weapons from militants`, `withheld aid from X`.
                        args.recipients.push(np);
                    }
                }
            }
            "in" | "near" | "outside" | "inside" | "across" | "throughout" | "around"
                if !after_common =>
            {
                for np in list {
                    if is_place(&np) {
                        args.places.push(np);
                    } else if let Some(p) = v.direction_arg(&np) {
                        args.place_args.push(p);
                    } else if let Some(p) = np.inner_place.filter(|_| !np.actor) {
                        args.places.push(v.np_for_mention(a, p));
                    }
                }
            }
            // `complained to the UN over Israeli air raids`: the complaint's target, not the body
            // addressed.
            "over" | "about"
                if matches!(cat, EventCategory::Accuse | EventCategory::Protest)
                    && list.iter().any(|np| np.actor && !is_place(np)) =>
            {
                let addressed = std::mem::take(&mut args.addressed);
                args.recipients.retain(|r| !addressed.contains(&r.first));
                for np in list {
                    if np.actor && !is_place(&np) {
                        args.recipients.push(np);
                    }
                }
            }
            "for"
                if matches!(
                    cat,
                    EventCategory::Aid | EventCategory::Agree | EventCategory::Support
                ) =>
            {
                for np in list {
                    if np.actor || is_place(&np) {
                        args.recipients.push(np);
                    }
                }
            }
            _ => {}
        }
        // `on the situation in Aleppo and across Syria`: the topic's places go on.
        if topic_end == Some(k) && !matches!(prep.as_str(), "on" | "about" | "over" | "regarding") {
            topic_end = Some(if v.eq(next, "and") { next + 1 } else { next });
        }
        if let Some((na, nr)) = adjunct {
            args.actors.truncate(na);
            args.recipients.truncate(nr);
        } else if before == (args.actors.len(), args.recipients.len())
            && (matches!(prep.as_str(), "over" | "during" | "amid") || unnamed_in)
        {
            adjunct = Some(before);
        }
        k = next.max(k + 1);
    }
    // `north-west of Moscow`: a compass word, `of`, a place.
    for x in from..end.saturating_sub(2) {
        if v.toks[x].is(wc::DIRECTION)
            && v.eq(x + 1, "of")
            && let Some(m) = v.place_mention(a, x + 2)
        {
            let mm = &a.mentions[m as usize];
            let s = Span::new(v.toks[x].span.start, mm.span.end);
            args.places.retain(|p| p.mention != Some(m));
            args.place_args.push(Argument {
                entity: mm.entity,
                span: s,
                text: v.text[s.start..s.end].to_string(),
            });
        }
    }
}

impl Np {
    fn actor_common(&self) -> bool {
        self.sector.is_some()
    }
}

impl View<'_> {
    /// `the two men`: the number of people an unnamed plural phrase counts.
    pub fn np_count(&self, np: &Np) -> Option<usize> {
        if np.entity.is_some() || np.mention.is_some() {
            return None;
        }
        let c = (np.first..=np.last).find_map(|x| number_word(self.word(x)))?;
        (np.first..=np.last)
            .any(|x| {
                self.toks[x].is(wc::GROUP)
                    || self.eq_any(
                        x,
                        &[
                            "men",
                            "leaders",
                            "sides",
                            "countries",
                            "presidents",
                            "women",
                            "officials",
                            "ministers",
                        ],
                    )
            })
            .then_some(c)
    }

    /// `the east`, `the desert south`, `north-west of Moscow`: a place given by a compass word.
    pub fn direction_arg(&self, np: &Np) -> Option<Argument> {
        let h = np.head;
        if !self.toks[h].is(wc::DIRECTION) {
            return None;
        }
        // Coreference may already know the region (`the east` = eastern Libya).
        if np.mention.is_some() && np.entity.is_some() {
            return Some(self.argument(np));
        }
        // `north-west of Moscow`: from the compass word to the place.
        if self.eq(h + 1, "of")
            && let Some(m) = (h + 2..=np.last.max(h + 2).min(self.len().saturating_sub(1)))
                .find_map(|x| self.toks[x].m)
        {
            let last = (h + 2..self.len())
                .take_while(|&x| self.toks[x].m == Some(m) || self.toks[x].is(wc::DET))
                .last()
                .unwrap_or(h + 2);
            let s = self.span(h, last);
            return Some(Argument {
                entity: None,
                span: s,
                text: self.text[s.start..s.end].to_string(),
            });
        }
        let mut first = np.first;
        // `areas of the desert south`: the named part after `of`.
        for x in np.first..h {
            if self.eq(x, "of") {
                first = x + 1;
            }
        }
        let s = self.span(first, h);
        Some(Argument { entity: None, span: s, text: self.text[s.start..s.end].to_string() })
    }
}

impl View<'_> {
    pub fn np_for_mention(&self, a: &Analysis, m: u32) -> Np {
        let mm = &a.mentions[m as usize];
        let first = (0..self.len()).find(|&x| self.toks[x].span.end > mm.span.start).unwrap_or(0);
        let last =
            (0..self.len()).rev().find(|&x| self.toks[x].span.start < mm.span.end).unwrap_or(first);
        Np {
            first,
            last,
            head: last,
            arg_first: first,
            arg_last: last,
            mention: Some(m),
            entity: mm.entity,
            actor: true,
            ..Np::default()
        }
    }
}

/// Counting words for `the two men`.
pub fn number_word(w: &str) -> Option<usize> {
    Some(match w.to_ascii_lowercase().as_str() {
        "two" | "both" => 2,
        "three" => 3,
        "four" => 4,
        _ => return None,
    })
}

/// Finds the events of one sentence.
pub fn sentence_events(v: &View, a: &Analysis) -> SentenceFacts {
    let mut out = SentenceFacts::default();
    let n = v.len();
    let mut last_subject: Option<Np> = None;
    let mut i = 0;
    while i < n {
        let Some((tr, last, as_verb)) = sense(v, i) else {
            i += 1;
            continue;
        };
        let tr = match super::sense::reading(v, a, tr, i, last, as_verb) {
            Reading::Event => tr,
            Reading::As(other) => other,
            Reading::Other(covered) => {
                i = covered.max(last) + 1;
                continue;
            }
        };
        if let Some(mut f) = event_at(v, a, tr, i, last, as_verb, &mut last_subject)
            && super::sense::keeps(v, &f)
        {
            if f.ev.modality == Modality::Asserted
                && let Some(m) = super::sense::lent_modality(v, i)
            {
                f.ev.modality = m;
            }
            out.found.push(f);
        }
        i = last + 1;
    }
    absorb(v, &mut out.found);
    own_possessors(a, &mut out.found);
    currency_units(v, &mut out.found);
    named_recipients(v, a, &mut out.found);
    threat_conditions(v, a, &mut out.found);
    conditionals(v, &mut out.found);
    attribution(v, a, &mut out);
    out
}

/// An event with an actor but no recipient takes the first named party after its trigger in its
/// complement or clause (`denounced as an ugly crime Serbia's suppression`, `threatened to break
/// off relations with Congo and Costa Rica`, `demanded that its European Community partners
/// ...`), with the parties coordinated with it. A place after `in`/`at`/`near` is where, not
/// whom; meetings, deployments, statements, deaths and disasters take no such recipient.
fn named_recipients(v: &View, a: &Analysis, found: &mut [Found]) {
    let n = v.len();
    for f in found.iter_mut() {
        if f.absorbed
            || f.ev.actors.is_empty()
            || !f.ev.recipients.is_empty()
            || matches!(
                f.ev.category,
                EventCategory::Statement
                    | EventCategory::Die
                    | EventCategory::Disaster
                    | EventCategory::Consult
                    | EventCategory::Mobilize
            )
        {
            continue;
        }
        let from = f.trig_last + 1;
        let end = match f.comp {
            Some((_, b)) => b,
            None => clause_end(v, from, f.clause),
        }
        .min(n)
        .min(from + 15);
        let taken = |arg: &Argument, ev: &Event| {
            ev.actors
                .iter()
                .chain(ev.places.iter())
                .any(|x| x.span.overlaps(arg.span) || x.entity.is_some() && x.entity == arg.entity)
        };
        let mut k = from;
        while k < end {
            // A condition's parties are not the act's (see `threat_conditions`), nor are a
            // relative clause's (`a strike that shut down the capital`) or an attribution's
            // (`according to a report submitted to X`).
            if gerund_clause(v, k, end)
                || v.eq_any(k, &["unless", "if", "according"])
                || relative_or_that(v, k) && !(k == from && f.verb) && !request_that(v, k)
            {
                break;
            }
            let Some(m) = v.toks[k].m else {
                k += 1;
                continue;
            };
            let label = a.mentions[m as usize].label;
            let mut p = k;
            while p > from && v.toks[p - 1].is(wc::DET) {
                p -= 1;
            }
            let placed = p > 0
                && v.eq_any(
                    p - 1,
                    &["in", "at", "near", "inside", "outside", "throughout", "across", "around"],
                );
            if label == MentionLabel::Title
                || matches!(label, MentionLabel::Gpe | MentionLabel::Loc) && placed
            {
                k = (k..n).take_while(|&x| v.toks[x].m == Some(m)).last().unwrap_or(k) + 1;
                continue;
            }
            let np = v
                .np_right(a, k, end)
                .filter(|np| np.actor && np.mention == Some(m))
                .unwrap_or_else(|| v.np_for_mention(a, m));
            if own_possessive(a, &f.ev, &v.argument(&np)) {
                k += 1;
                continue;
            }
            let mut list = Vec::new();
            v.coordinated_right(a, np, end, &mut list);
            for np in list {
                let arg = v.argument(&np);
                if !arg.text.is_empty()
                    && !taken(&arg, &f.ev)
                    && !f.ev.recipients.iter().any(|r| r.span.overlaps(arg.span))
                {
                    f.ev.recipients.push(arg);
                }
            }
            break;
        }
    }
}

/// `US $50 million`: a country's name before a currency sign is the currency's, no party.
fn currency_units(v: &View, found: &mut [Found]) {
    let money = |x: &Argument| {
        v.text.get(x.span.end..).is_some_and(|t| t.trim_start_matches(' ').starts_with('$'))
    };
    for f in found.iter_mut() {
        f.ev.actors.retain(|x| !money(x));
        f.ev.recipients.retain(|x| !money(x));
    }
}

/// A possessive pronoun that stands for the actor itself is no recipient (`Algerians blocked
/// roads to press their demands`, `the rebel group, FDD, insisted on its demands`): the pronoun's
/// entity is an actor's, or is named in the subject before the trigger.
fn own_possessors(a: &Analysis, found: &mut [Found]) {
    for f in found.iter_mut() {
        let ev = f.ev.clone();
        f.ev.recipients.retain(|r| !own_possessive(a, &ev, r));
    }
}

fn own_possessive(a: &Analysis, ev: &Event, r: &Argument) -> bool {
    if !matches!(r.text.to_ascii_lowercase().as_str(), "its" | "their" | "his" | "her") {
        return false;
    }
    let Some(first) = ev.actors.iter().map(|x| x.span.start).min() else { return false };
    let entity =
        r.entity.or_else(|| a.mentions.iter().find(|m| m.span == r.span).and_then(|m| m.entity));
    let Some(e) = entity else { return false };
    ev.actors.iter().any(|x| x.entity == Some(e))
        || a.mentions
            .iter()
            .any(|m| m.entity == Some(e) && m.span.start >= first && m.span.end <= ev.trigger.start)
}

/// A threat is made to whoever must meet its condition: with no recipient of its own, a
/// threatened or conditional hostile act takes the parties that open the `unless`/`if` clause
/// after it (`threatened to strike unless Israel rescinds ...`, `will boycott the vote unless the
/// president steps down`).
fn threat_conditions(v: &View, a: &Analysis, found: &mut [Found]) {
    use EventCategory::*;
    let n = v.len();
    for f in found.iter_mut() {
        let threat = f.ev.category == Threaten
            || matches!(f.ev.modality, Modality::Planned | Modality::Hypothetical)
                && matches!(
                    f.ev.category,
                    Assault | Coerce | Sanction | Mobilize | Protest | Reject
                );
        // A recipient that is only where it would happen (`an offensive in the Gulf unless
        // Baghdad ...`) gives way to who must meet the condition.
        let only_places =
            f.ev.recipients.iter().all(|r| f.ev.places.iter().any(|p| p.span == r.span));
        if f.absorbed || !threat || f.ev.actors.is_empty() || !only_places {
            continue;
        }
        let Some(k) = (f.trig_last + 1..n)
            .take_while(|&x| !matches!(v.word(x), ";" | ":") && !v.quote(x))
            .find(|&x| v.eq_any(x, &["unless", "if"]))
        else {
            continue;
        };
        let Some(np) = v.np_right(a, k + 1, n) else { continue };
        if !np.actor || np.pronoun {
            continue;
        }
        let mut list = Vec::new();
        v.coordinated_right(a, np, n, &mut list);
        let mut parties = Vec::new();
        for np in list.iter().filter(|x| x.actor && !x.pronoun) {
            let arg = v.argument(np);
            let own =
                f.ev.actors.iter().any(|x| {
                    x.span.overlaps(arg.span) || x.entity.is_some() && x.entity == arg.entity
                });
            if !arg.text.is_empty() && !own {
                parties.push(arg);
            }
        }
        if !parties.is_empty() {
            f.ev.recipients = parties;
        }
    }
}

/// Events in an `if`/`unless` clause are hypothetical; a planned event with an `unless`/`if`
/// condition after it is hypothetical too (`will withdraw unless ...`).
fn conditionals(v: &View, found: &mut [Found]) {
    let n = v.len();
    for f in found.iter_mut() {
        let c = f.clause;
        let start = (0..=f.trig).rev().take_while(|&x| v.clause[x] == c).last().unwrap_or(f.trig);
        let in_if = v.eq_any(start, &["if", "unless"])
            || (start..f.trig).any(|x| v.eq_any(x, &["if", "unless"]) && v.toks[x].is(wc::SUB));
        let cond_after = (f.trig_last + 1..n).any(|x| v.eq_any(x, &["unless", "if"]));
        if in_if || (cond_after && f.ev.modality == Modality::Planned) {
            f.ev.modality = Modality::Hypothetical;
        }
        // `tried to capture X but failed`.
        if (f.trig_last + 1..n.saturating_sub(1)).any(|x| v.eq(x, "but") && v.eq(x + 1, "failed")) {
            f.ev.modality = Modality::Failed;
        }
    }
}

/// The sentence's main clause: the end (exclusive token index) of an opening phrase set off by a
/// comma (`In a letter handed over to the UN,`, `After the talks ended,`, `Speaking in Cairo,`),
/// 0 when there is none, and the clause number of the main clause that follows it.
fn main_clause(v: &View) -> (usize, u16) {
    let n = v.len();
    let first = (0..n).find(|&i| !v.toks[i].punct).unwrap_or(0);
    if first >= n {
        return (0, 0);
    }
    let t = v.toks[first];
    let w = v.word(first);
    let opening = t.is(wc::PREP | wc::SUB)
        || t.m.is_none() && !t.is(wc::DET) && (w.ends_with("ing") || w.ends_with("ed"));
    let comma = if opening { (first + 1..n).find(|&i| v.word(i) == ",") } else { None };
    match comma {
        Some(c) if c + 1 < n => (c + 1, v.clause[c + 1]),
        _ => (0, v.clause[first]),
    }
}

/// Events of a sentence in the order a reader ranks them: the principal events first (their
/// trigger in the main clause, including its complements: `Iraq said it would allow ...`), then
/// those inside an opening phrase, a relative clause or a subordinate clause; otherwise in text
/// order. Returns indices into `found`.
pub fn principal_order(v: &View, found: &[Found]) -> Vec<usize> {
    let (open_end, main) = main_clause(v);
    let rank = |f: &Found| {
        let outside = f.trig < open_end || v.clause.get(f.trig) != Some(&main) || f.modifier;
        (outside, f.trig)
    };
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&x| rank(&found[x]));
    order
}

#[allow(clippy::too_many_arguments)]
fn event_at(
    v: &View,
    a: &Analysis,
    tr: &'static Trigger,
    i: usize,
    last: usize,
    as_verb: bool,
    last_subject: &mut Option<Np>,
) -> Option<Found> {
    let n = v.len();
    let clause = v.clause[i];
    let end = clause_end(v, last + 1, clause);
    let mut args = Args::default();
    let mut category = tr.category;
    let mut modality = Modality::Asserted;
    let mut pluperfect = false;
    let mut definite = false;
    let mut habitual = false;
    let mut modifier = false;
    let mut trig_first = i;
    let word_ed = v.word(i).ends_with("ed") || v.word(i).ends_with("en") || tr.participle;
    if as_verb {
        let g = verb_group(v, i, word_ed && !tr.ing);
        modality = g.modality;
        pluperfect = g.pluperfect;
        // Reduced relative passive: `a camp attacked by militiamen`.
        let reduced_passive = !g.passive
            && word_ed
            && i > 0
            && g.start == i
            && v.eq(last + 1, "by")
            && v.toks[i - 1].m.is_none()
            && v.nominal(i - 1)
            && !v.toks[i - 1].is(wc::DET)
            // `shortened by one hour`: a measure, not an agent.
            && v.np_right(a, last + 2, end).is_some_and(|np| np.actor);
        // Reduced relative passive without an agent, after the object of an earlier verb of
        // the same clause (`welcomed West Africans ordered out of X`, `accepted refugees
        // expelled from X`): the noun before undergoes it.
        let after_object = !reduced_passive
            && !g.passive
            && word_ed
            && !tr.ing
            && tr.flags & (tf::NOOBJ | tf::SYM) == 0
            && i > 1
            && g.start == i
            && v.nominal(i - 1)
            && !v.toks[i - 1].is(wc::DET | wc::POSS | wc::PRON)
            && {
                let mut k = last + 1;
                while v.eq_any(k, &["out", "off", "up", "away", "back"]) {
                    k += 1;
                }
                k >= end || v.toks[k].is(wc::PREP) && !v.eq(k, "by") || v.toks[k].punct
            }
            && (0..i - 1).any(|x| {
                v.clause[x] == clause
                    && v.toks[x].m.is_none()
                    && !v.toks[x].is(wc::REPORT)
                    && (v.toks[x].is(wc::VERB | wc::LIGHT)
                        || v.toks[x].info.is_some_and(|w| {
                            w.triggers
                                .iter()
                                .any(|&t| lex().triggers[t as usize].flags & tf::VERB != 0)
                        }) && !v.toks[x].cap
                            && v.word(x).ends_with("ed"))
            });
        let passive = g.passive || reduced_passive || after_object;
        modifier = after_object;
        // `denied attacking`: the denial's subject, and the event negated.
        let denied = tr.ing
            && g.start == i
            && i > 0
            && v.eq_any(i - 1, &["denied", "denies", "deny", "denying"]);
        let g = if denied {
            modality = Modality::Negated;
            verb_group(v, i - 1, false)
        } else {
            g
        };
        let subj = if after_object {
            v.np_left(a, i - 1, 0)
        } else if g.start > 0
            && v.toks[g.start - 1].is(wc::PREP)
            && !v.toks[g.start - 1].is(wc::REL)
            && !g.to_inf
        {
            None
        } else if tr.ing && g.start == i && i > 0 && v.word(i - 1) == "," {
            // `..., killing thousands`: a participle clause; its subject is the main clause's.
            *last_subject
        } else {
            subject(v, a, g.start, clause, *last_subject)
        };
        let mut subjects = Vec::new();
        if let Some(s) = subj
            && (s.actor || s.pronoun)
        {
            v.coordinated_left(a, s, 0, &mut subjects);
            if !(after_object || tr.ing && g.start == i && i > 0 && v.word(i - 1) == ",") {
                *last_subject = Some(s);
            }
        }
        // Objects.
        let mut k = last + 1;
        while k < n
            && (v.toks[k].is(wc::ADV)
                || v.quote(k)
                // `demanded Friday that X ...`: a bare day or time word, not a possessor.
                || (time_word(v, k) && !v.eq_any(k + 1, &["'s", "’s"]))
                || v.eq_any(k, &["up", "down", "out", "off", "back"]))
        {
            k += 1;
        }
        let mut objects = Vec::new();
        if tr.flags & tf::NOOBJ == 0 && k < end {
            if v.eq(k, "that") && tr.flags & tf::COMP != 0 {
                if let Some(np) = v.np_right(a, k + 1, end) {
                    v.coordinated_right(a, np, end, &mut objects);
                }
            } else if (!v.toks[k].is(wc::PREP) || v.toks[k].is(wc::DET))
                && let Some(np) = v.np_right(a, k, end)
            {
                v.coordinated_right(a, np, end, &mut objects);
            }
        }
        // `met the Iraqi Foreign Minister, Ibrahim al-Jaafari, to discuss`: the named person.
        if objects.len() == 1
            && let Some(name) = v.apposed_name(a, &objects[0], v.len())
        {
            objects[0] = name;
        }
        let obj_end = objects.last().map_or(k, |o| o.last + 1);
        if passive {
            // Actor after `by`.
            let mut by = Vec::new();
            for x in last + 1..end {
                if v.eq(x, "by")
                    && let Some(np) = v.np_right(a, x + 1, end)
                {
                    if np.actor {
                        v.coordinated_right(a, np, end, &mut by);
                    }
                    break;
                }
            }
            // `is committed to`, `is opposed to`: a stative participle whose subject holds the
            // stance, not a passive whose subject undergoes it.
            let stative = by.is_empty()
                && (v.eq(last + 1, "to") || last > i && v.eq(last, "to"))
                && matches!(category, EventCategory::Agree | EventCategory::Reject);
            if by.is_empty() && tr.flags & tf::PDIE != 0 {
                category = EventCategory::Die;
                args.actors.extend(subjects.iter().copied().filter(|s| s.actor));
            } else if stative {
                args.actors.extend(subjects.iter().copied().filter(|s| s.actor || s.pronoun));
            } else {
                args.actors.extend(by);
                args.recipients.extend(subjects.iter().copied().filter(|s| s.actor));
            }
        } else {
            args.actors.extend(subjects.iter().copied().filter(|s| s.actor));
            for o in &objects {
                if !o.actor || own_forces(v, o) {
                    continue;
                }
                let place = o.mention.is_some_and(|m| {
                    matches!(a.mentions[m as usize].label, MentionLabel::Gpe | MentionLabel::Loc)
                }) && o.sector.is_none();
                if tr.flags & tf::SYM != 0 && category == EventCategory::Consult {
                    args.actors.push(*o);
                } else {
                    args.recipients.push(*o);
                }
                if place && tr.flags & tf::OBJPLACE != 0 {
                    args.places.push(*o);
                }
            }
        }
        let obj_common = objects.first().is_some_and(|o| !o.actor && o.mention.is_none());
        pps(v, a, tr, last, obj_end.max(last + 1), end, &mut args, false, obj_common);
        // `rejected a U.S. request to question detainees`: the recipient owns an act or thing
        // (the head is no actor); parties named after it belong to that act, not to the verb.
        if let Some(r) = args.recipients.iter().find(|r| {
            r.mention.is_some()
                && !r.pronoun
                && !v.toks[r.arg_first].is(wc::POSS)
                && v.toks[r.head].m.is_none()
                && r.sector.is_none()
                && !v.toks[r.head].is(wc::GROUP | wc::LEAD | wc::PLACE | wc::PRON)
                && r.head > r.arg_last
        }) {
            let after = r.head;
            args.recipients.retain(|x| x.first <= after);
        }
        if tr.flags & tf::CROWDALT != 0 {
            let crowd =
                args.actors.iter().any(|s| (s.first..=s.last).any(|x| v.toks[x].is(wc::CROWD)));
            if crowd || args.recipients.is_empty() {
                category = EventCategory::Protest;
            }
        }
        if args.actors.is_empty()
            && subj.is_none()
            && tr.ing
            && g.start == i
            && i > 0
            && !v.toks[i - 1].is(wc::PREP)
        {
            // A participle without a subject of its own.
        }
    } else {
        // A noun trigger.
        let np_first = noun_phrase_start(v, i);
        definite = v.toks[np_first].is(wc::DET) && v.eq_any(np_first, &["the", "this", "that"]);
        for x in np_first..i {
            let t = v.toks[x];
            if t.is(wc::HABITUAL) {
                habitual = true;
            }
            if t.is(wc::HEDGE) {
                modality = Modality::Uncertain;
            }
            if v.eq_any(
                x,
                &[
                    "planned",
                    "proposed",
                    "upcoming",
                    "possible",
                    "potential",
                    "future",
                    "expected",
                    "scheduled",
                ],
            ) {
                modality = Modality::Planned;
            }
            if v.eq(x, "no") {
                modality = Modality::Negated;
            }
        }
        // Possessor or premodifier names the actor.
        let mut pos_actor = None;
        for x in (np_first..i).rev() {
            if matches!(v.word(x), "'s" | "\u{2019}s") && x > np_first {
                pos_actor = v.np_left(a, x - 1, np_first);
                break;
            }
            if let Some(m) = v.toks[x].m {
                let l = a.mentions[m as usize].label;
                if matches!(
                    l,
                    MentionLabel::Norp
                        | MentionLabel::Gpe
                        | MentionLabel::Org
                        | MentionLabel::Person
                ) {
                    pos_actor = Some(v.np_for_mention(a, m));
                }
                break;
            }
            if v.toks[x].is(wc::POSS) {
                pos_actor = Some(v.read_np(a, x, x)).map(|mut np| {
                    np.pronoun = true;
                    np.actor = true;
                    np
                });
                break;
            }
        }
        // `X launched its offensive`: a possessive pronoun stands for the light verb's subject.
        let pos_pronoun = pos_actor.is_some_and(|p| p.pronoun);
        if let Some(p) = pos_actor {
            args.actors.push(p);
        }
        pps(v, a, tr, last, last + 1, end, &mut args, true, false);
        // `its demand (today) that Israel ease restrictions`: the subject of the act asked for
        // is the demand's recipient.
        if tr.flags & tf::COMP != 0 && args.recipients.is_empty() {
            let mut k = last + 1;
            while k < n && (v.toks[k].is(wc::ADV) || time_word(v, k)) {
                k += 1;
            }
            if k < n
                && v.eq(k, "that")
                && let Some(np) = v.np_right(a, k + 1, n)
                && np.actor
            {
                let mut list = Vec::new();
                v.coordinated_right(a, np, n, &mut list);
                args.recipients.extend(list.into_iter().filter(|x| x.actor));
            }
        }
        trig_first = i;
        // `X in talks with Y`, `X held talks with Y`, `X launched an attack on Y`.
        let before = np_first;
        if before > 0 {
            let b = before - 1;
            let prep_after_verb = v.eq_any(b, &["on", "under", "into"])
                && b > 0
                && (v.toks[b - 1].is(wc::VERB | wc::BE | wc::LIGHT)
                    || v.eq_any(
                        b - 1,
                        &["went", "go", "goes", "remained", "remain", "remains", "put", "placed"],
                    ));
            // `would tighten the naval blockade`: a verb after a modal carries the noun's event.
            let modal_verb = b > 0
                && (v.toks[b - 1].is(wc::MODAL) || v.eq(b - 1, "to"))
                && !v.toks[b].is(wc::PREP | wc::DET)
                && !v.toks[b].punct
                && v.toks[b].m.is_none();
            // `X in talks with Y`, `engaged in fighting`; but in `wounded two soldiers in a bomb
            // attack` the phrase before `in` is a verb's object, not the noun's subject.
            let in_after_object = v.eq_any(b, &["in", "into"])
                && b > 0
                && v.np_left(a, b - 1, 0).is_some_and(|np| {
                    np.first > 0 && {
                        let p = v.toks[np.first - 1];
                        !p.is(wc::PREP | wc::DET | wc::BE | wc::CONJ)
                            && !p.punct
                            && (p.is(wc::VERB | wc::LIGHT)
                                || p.info.is_some_and(|x| !x.triggers.is_empty())
                                || v.word(np.first - 1).ends_with("ed"))
                    }
                });
            // `raised these concerns in a call with X`: whoever acts in a meeting or a call
            // takes part in it.
            let consult_after_object =
                in_after_object && v.eq(b, "in") && tr.category == EventCategory::Consult;
            // `X joined Y for talks`: both take part.
            let mut objs = Vec::new();
            if v.eq(b, "for")
                && tr.flags & tf::SYM != 0
                && b > 1
                && let Some(obj) = v.np_left(a, b - 1, 0)
                && {
                    v.coordinated_left(a, obj, 0, &mut objs);
                    objs.iter().any(|o| o.actor)
                }
                && objs[0].first > 1
                && v.eq_any(objs[0].first - 1, &["joined", "join", "joins", "joining"])
            {
                let g = verb_group(v, objs[0].first - 1, false);
                if modality == Modality::Asserted {
                    modality = g.modality;
                }
                if let Some(s) = subject(v, a, g.start, clause, *last_subject)
                    && (s.actor || s.pronoun)
                {
                    let mut subjects = Vec::new();
                    v.coordinated_left(a, s, 0, &mut subjects);
                    *last_subject = Some(s);
                    args.actors.extend(subjects);
                }
                args.actors.extend(objs.into_iter().filter(|o| o.actor));
            }
            let light = v.toks[b].is(wc::LIGHT)
                || v.eq_any(b, &["in", "into", "joined", "join", "joins"]) && !in_after_object
                || consult_after_object
                || prep_after_verb
                || modal_verb;
            let takes_part = v.eq(b, "in") && b >= 2 && v.eq(b - 1, "part")
                || v.eq_any(b, &["joined", "join", "joins"]);
            if light {
                let g = verb_group(v, b, false);
                if modality == Modality::Asserted {
                    modality = g.modality;
                }
                pluperfect = g.pluperfect;
                // `X were engaged in ethnic cleansing`: the participle before `in` is the verb.
                let participle_in = v.eq(b, "in")
                    && b > 1
                    && !takes_part
                    && v.toks[b - 1].m.is_none()
                    && v.toks[b - 2].is(wc::BE | wc::HAVE | wc::ADV)
                    && v.word(b - 1).ends_with("ed");
                let object_verb = consult_after_object
                    .then(|| v.np_left(a, b - 1, 0))
                    .flatten()
                    .filter(|np| np.first > 0)
                    .map(|np| np.first - 1);
                let vstart = if let Some(ov) = object_verb {
                    verb_group(v, ov, v.word(ov).ends_with("ed")).start
                } else if takes_part && v.eq(b, "in") {
                    verb_group(v, b - 2, false).start
                } else if participle_in {
                    verb_group(v, b - 1, true).start
                } else if prep_after_verb {
                    verb_group(v, b - 1, false).start
                } else {
                    g.start
                };
                // `X was put under investigation`, `X came under attack`: X undergoes it.
                let lv = if prep_after_verb { b - 1 } else { b };
                let lw = v.word(lv);
                let participle = lw.ends_with("ed")
                    || lw.ends_with("en")
                    || v.eq_any(lv, &["put", "held", "set", "made", "brought", "kept"]);
                let undergoes =
                    verb_group(v, lv, participle).passive || prep_after_verb && v.eq(b, "under");
                if let Some(s) = subject(v, a, vstart, clause, *last_subject)
                    && (s.actor || s.pronoun)
                {
                    let mut subjects = Vec::new();
                    v.coordinated_left(a, s, 0, &mut subjects);
                    *last_subject = Some(s);
                    if undergoes {
                        args.recipients.extend(subjects);
                    } else if takes_part && !args.actors.is_empty() {
                        args.with.extend(subjects);
                    } else if pos_pronoun {
                        args.actors.retain(|x| !x.pronoun);
                        let existing: Vec<Np> = std::mem::take(&mut args.actors);
                        args.actors.extend(subjects);
                        args.actors.extend(existing);
                    } else if args.actors.is_empty() || tr.flags & tf::SYM != 0 {
                        let existing: Vec<Np> = std::mem::take(&mut args.actors);
                        args.actors.extend(subjects);
                        args.actors.extend(existing);
                    }
                }
                if !v.eq(b, "in") && !takes_part {
                    trig_first = b;
                }
            }
        }
    }
    // Noun triggers that are the subject of a verb: `floods devastated the city of Derna`.
    if !as_verb {
        let mut k = last + 1;
        while k < n && v.toks[k].is(wc::ADV) {
            k += 1;
        }
        if k < n
            && k < end
            && (v.toks[k].is(wc::VERB)
                || v.word(k).ends_with("ed") && !v.toks[k].is(wc::PREP) && v.toks[k].m.is_none())
            && !v.toks[k].is(wc::REPORT | wc::BE | wc::HAVE)
        {
            let mut o_at = k + 1;
            while o_at < n && v.toks[o_at].is(wc::ADV) {
                o_at += 1;
            }
            let relies = v.eq_any(
                k,
                &[
                    "relied", "relies", "rely", "depended", "depends", "depend", "involved",
                    "included", "includes",
                ],
            );
            if relies && v.eq_any(o_at, &["on", "upon"]) {
                if let Some(o) = v.np_right(a, o_at + 1, end).filter(|o| o.actor) {
                    let mut list = Vec::new();
                    v.coordinated_right(a, o, end, &mut list);
                    args.with.extend(list);
                }
            } else if let Some(o) = v.np_right(a, k + 1, end) {
                let place = o.mention.is_some_and(|m| {
                    matches!(a.mentions[m as usize].label, MentionLabel::Gpe | MentionLabel::Loc)
                }) && o.sector.is_none();
                if place {
                    args.places.push(o);
                } else if o.actor && matches!(category, EventCategory::Assault) {
                    args.recipients.push(o);
                }
            }
        }
    }
    // An event in a `where` clause happened at the antecedent (`Ukraine, where ... invasion`).
    if args.places.is_empty()
        && args.place_args.is_empty()
        && let Some(w) = (0..i).rev().take_while(|&x| v.clause[x] == clause).last()
        && v.eq(w, "where")
        && w > 0
    {
        let mut k = w - 1;
        if v.word(k) == "," && k > 0 {
            k -= 1;
        }
        if let Some(m) = v.place_mention(a, k) {
            let np = v.np_for_mention(a, m);
            args.places.push(np);
            if tr.flags & tf::OBJPLACE != 0
                && category == EventCategory::Assault
                && args.recipients.is_empty()
            {
                args.recipients.push(np);
            }
        }
    }
    // `held talks with X there`: the place named before in the sentence.
    if args.places.is_empty()
        && args.place_args.is_empty()
        && (last + 1..end)
            .any(|x| v.eq(x, "there") && !v.toks.get(x + 1).is_some_and(|t| t.is(wc::BE)))
        && let Some(m) = (0..i).rev().find_map(|x| v.place_mention(a, x))
    {
        args.places.push(v.np_for_mention(a, m));
    }
    // Places from attachments inside recipients (`the government in Tripoli`).
    if args.places.is_empty() && args.place_args.is_empty() {
        let inner: Vec<u32> = args
            .recipients
            .iter()
            .chain(args.actors.iter())
            .filter_map(|r| r.inner_place)
            .collect();
        if let Some(&p) = inner.first() {
            args.places.push(v.np_for_mention(a, p));
        }
    }
    // Drop self-references and duplicates.
    let trig_span = Span::new(v.toks[trig_first].span.start, v.toks[last].span.end);
    let mut pronouns = Vec::new();
    let mut possessed = Vec::new();
    let mut count_args = None;
    let to_args = |nps: &[Np],
                   role: u8,
                   pronouns: &mut Vec<(usize, u8)>,
                   possessed: &mut Vec<(Span, u32)>,
                   count_args: &mut Option<usize>|
     -> Vec<Argument> {
        let mut out: Vec<Argument> = Vec::new();
        for np in nps {
            if np.arg_first <= last && np.arg_last >= i {
                continue;
            }
            let mut arg = v.argument(np);
            if np.pronoun && np.entity.is_none() {
                pronouns.push((np.head, role));
            }
            if let Some(c) = v.np_count(np) {
                *count_args = Some(c);
            }
            if np.entity.is_none()
                && let Some(p) = np.possessor
            {
                possessed.push((arg.span, p));
            }
            if out
                .iter()
                .any(|o| o.span == arg.span || (o.entity.is_some() && o.entity == arg.entity))
            {
                continue;
            }
            if arg.text.is_empty() {
                continue;
            }
            arg.text = arg.text.trim().to_string();
            out.push(arg);
        }
        out
    };
    let actors = to_args(&args.actors, 0, &mut pronouns, &mut possessed, &mut count_args);
    let mut recipients =
        to_args(&args.recipients, 1, &mut pronouns, &mut possessed, &mut count_args);
    let with = to_args(&args.with, 2, &mut pronouns, &mut possessed, &mut count_args);
    // A self-reference is no recipient; two groups of one nation are (`Palestinian police ...
    // from Palestinian militants`), and so are a state and a group of its people other than its
    // government (`Croatia is investigating crimes by Croatian extremists`).
    let groups_differ = |x: &Argument, r: &Argument| {
        let head = |t: &str| t.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
        r.text.contains(' ')
            && head(&x.text) != head(&r.text)
            && (x.text.contains(' ')
                || super::lexicon::sector_of(&head(&r.text))
                    .is_some_and(|s| s != super::lexicon::Sector::Gov))
    };
    recipients.retain(|r| {
        !actors.iter().any(|x| {
            x.span == r.span || (x.entity.is_some() && x.entity == r.entity && !groups_differ(x, r))
        })
    });
    let mut places: Vec<Argument> = Vec::new();
    for p in args.place_args.iter().cloned().chain(args.places.iter().map(|np| v.argument(np))) {
        if !places.iter().any(|q| q.span.overlaps(p.span)) {
            places.push(p);
        }
    }
    let has_own_args = !actors.is_empty() || !recipients.is_empty();
    if tr.flags & tf::WEAK != 0 && (actors.is_empty() || recipients.is_empty()) {
        return None;
    }
    let mut mode = if category == tr.category { tr.mode.map(str::to_string) } else { None };
    // A strike in a sentence about workers is a labour strike, not an air strike.
    if category == EventCategory::Assault
        && !as_verb
        && v.eq_any(i, &["strike", "strikes"])
        && tr.prev.is_none()
    {
        let labour = (0..n).any(|x| {
            matches!(
                v.toks[x].sector,
                Some(super::lexicon::Sector::Lab | super::lexicon::Sector::Edu)
            ) || v
                .eq_any(x, &["unions", "union", "called", "open-ended", "indefinite", "nationwide"])
        });
        if labour {
            category = EventCategory::Protest;
            mode = Some("boycott".into());
        }
    }
    let ev = Event {
        category,
        mode,
        actors,
        recipients,
        with,
        places,
        date: None,
        modality,
        implied: false,
        trigger: trig_span,
        sentence: v.sentence,
        attribution: None,
        about: None,
        key: String::new(),
    };
    let comp = (tr.flags & tf::COMP != 0).then_some((last + 1, end));
    Some(Found {
        ev,
        trig: i,
        trig_last: last,
        clause,
        absorbed: false,
        verb: as_verb,
        pluperfect,
        comp,
        pronouns,
        count_args,
        anaphoric: false,
        since_timex: None,
        possessed,
        has_own_args,
        habitual,
        definite,
        weak: tr.flags & tf::WEAK != 0,
        modifier,
    })
}

/// The first token of the noun phrase that ends with the noun at `i`.
fn noun_phrase_start(v: &View, i: usize) -> usize {
    let mut s = i;
    while s > 0 {
        let k = s - 1;
        let t = v.toks[k];
        if matches!(v.word(k), "'s" | "\u{2019}s")
            && k > 0
            && (v.toks[k - 1].m.is_some() || v.nominal(k - 1))
        {
            s = k;
            continue;
        }
        if v.eq(k, "of")
            && k > 0
            && v.eq_any(
                k - 1,
                &[
                    "state",
                    "series",
                    "wave",
                    "campaign",
                    "spate",
                    "string",
                    "round",
                    "number",
                    "act",
                    "acts",
                    "declaration",
                    "days",
                    "weeks",
                ],
            )
        {
            s = k - 1;
            continue;
        }
        if t.is(wc::PREP) && !t.is(wc::DET)
            || t.is(wc::CONJ | wc::BE | wc::HAVE | wc::MODAL | wc::REL)
            || (t.punct && !matches!(v.word(k), "-" | "'s"))
        {
            break;
        }
        if t.is(wc::LIGHT) && !t.is(wc::DET)
            || t.is(wc::VERB | wc::REPORT) && !(k > 0 && v.toks[k - 1].is(wc::DET))
        {
            break;
        }
        if t.is(wc::DET) && !v.eq(k, "that") {
            // A determiner opens the phrase.
            s = k;
            break;
        }
        if let Some(info) = t.info
            && !info.triggers.is_empty()
            && t.m.is_none()
            && !v.nominal(k)
        {
            break;
        }
        s = k;
    }
    s
}

/// Intent words whose complement states what the actor is ready to do.
const INTENT_WORDS: &[&str] =
    &["prepared", "ready", "willing", "determined", "vow", "vows", "vowed", "vowing"];

/// Verbs that only carry the act named by the noun (phrase) after them (`to impose sanctions`,
/// `to impose martial law`).
const LIGHT_ACTS: &[&str] = &["impose", "launch", "use", "carry", "stage", "take"];

/// Complements are absorbed by the trigger that takes them; nouns that are the object of a
/// verb trigger are absorbed by it; participle consequences (`, killing thousands`) by the event
/// before them.
fn absorb(v: &View, found: &mut [Found]) {
    let n = found.len();
    for x in 0..n {
        let Some((a, b)) = found[x].comp else { continue };
        if found[x].absorbed {
            continue;
        }
        let mut taken: Option<usize> = None;
        for (y, f) in found.iter_mut().enumerate().skip(x + 1) {
            if f.trig >= a && f.trig < b && !f.absorbed {
                f.absorbed = true;
                taken.get_or_insert(y);
            }
        }
        if taken.is_some() {
            // The requested/agreed/threatened action gives the recipients when none is named:
            // the named parties of the first absorbed event that has some (`rejected a call for
            // its forces to be deployed in East Timor`, `threatened to break off relations with
            // X and Y`: both).
            let inner: Vec<Event> = (x + 1..n)
                .filter(|&y| found[y].trig >= a && found[y].trig < b)
                .map(|y| found[y].ev.clone())
                .collect();
            if found[x].ev.recipients.is_empty() {
                let named = |pick: &dyn Fn(&Event) -> &[Argument]| {
                    inner.iter().find_map(|e| {
                        // A named possessor names the phrase too (`to meet Jordan's king`).
                        let all: Vec<Argument> = pick(e)
                            .iter()
                            .filter(|r| {
                                r.entity.is_some()
                                    || r.text.contains("'s ")
                                    || r.text.contains("\u{2019}s ")
                            })
                            .cloned()
                            .collect();
                        (!all.is_empty()).then_some(all)
                    })
                };
                let pick = if matches!(
                    found[x].ev.category,
                    EventCategory::Request | EventCategory::Reject
                ) {
                    named(&|e| &e.actors)
                        .or_else(|| named(&|e| &e.recipients))
                        .or_else(|| named(&|e| &e.places))
                } else {
                    named(&|e| &e.recipients).or_else(|| named(&|e| &e.places))
                };
                for r in pick.into_iter().flatten() {
                    let actor =
                        found[x].ev.actors.iter().any(|q| {
                            q.span == r.span || (q.entity.is_some() && q.entity == r.entity)
                        });
                    if !actor {
                        found[x].ev.recipients.push(r);
                    }
                }
            }
            if found[x].ev.places.is_empty()
                && let Some(p) = inner.iter().find(|e| !e.places.is_empty())
            {
                found[x].ev.places = p.places.clone();
            }
            // A stated readiness or vow to use force or coercion is a threat (`is prepared to
            // impose martial law`, `vowed to attack`), not an agreement.
            // Only the complement's own verb counts (`to attack`), not an event further on
            // (`to lift the ban`, `to withdraw ... after years of occupation`).
            let head = (x + 1..n).find(|&y| found[y].trig >= a && found[y].trig < b);
            if found[x].ev.category == EventCategory::Agree
                && v.eq_any(found[x].trig, INTENT_WORDS)
                && head.is_some_and(|y| {
                    let t = found[y].trig;
                    (t > 0 && v.eq(t - 1, "to")
                        || t > 1 && v.eq(t - 2, "to") && v.eq_any(t - 1, LIGHT_ACTS)
                        || t > 2 && v.eq(t - 3, "to") && v.eq_any(t - 2, LIGHT_ACTS))
                        && matches!(
                            found[y].ev.category,
                            EventCategory::Assault
                                | EventCategory::Coerce
                                | EventCategory::Sanction
                        )
                })
            {
                found[x].ev.category = EventCategory::Threaten;
                found[x].ev.mode = None;
            }
        }
    }
    // A protest's purpose (`... to demand the resignation of X`, `in protest of X`) names its
    // target and is part of it.
    for x in 0..n {
        if found[x].absorbed || found[x].ev.category != EventCategory::Protest {
            continue;
        }
        for y in x + 1..n {
            if found[y].absorbed
                || found[y].clause == found[x].clause
                    && found[y].verb
                    && !(found[y].trig > 0 && v.eq(found[y].trig - 1, "to"))
            {
                continue;
            }
            let purpose = found[y].trig > 0
                && v.eq(found[y].trig - 1, "to")
                && found[y].trig.saturating_sub(found[x].trig_last) <= 12
                || found[y].trig > 1
                    && v.eq(found[y].trig - 1, "in")
                    && v.eq_any(found[y].trig, &["protest", "protests"]);
            if purpose
                && matches!(
                    found[y].ev.category,
                    EventCategory::Request
                        | EventCategory::Accuse
                        | EventCategory::Protest
                        | EventCategory::Reject
                )
            {
                found[y].absorbed = true;
                if found[x].ev.recipients.is_empty() {
                    let r = found[y].ev.recipients.clone();
                    found[x].ev.recipients = r;
                }
                break;
            }
        }
    }
    for y in 0..n {
        if found[y].absorbed {
            continue;
        }
        let ty = found[y].trig;
        // A participle consequence after a comma.
        if found[y].verb && v.word(ty).ends_with("ing") && ty > 0 {
            let mut k = ty - 1;
            while k > 0 && v.toks[k].is(wc::ADV) {
                k -= 1;
            }
            let after_comma = v.word(k) == ",";
            let after_and = v.eq(k, "and")
                && y > 0
                && found[y - 1].absorbed
                && v.word(found[y - 1].trig).ends_with("ing");
            let consequence = (0..y).rev().find(|&x| !found[x].absorbed).is_some_and(|x| {
                matches!(
                    found[x].ev.category,
                    EventCategory::Assault
                        | EventCategory::Disaster
                        | EventCategory::Coerce
                        | EventCategory::Die
                )
            });
            let after_disaster = (0..y).any(|x| found[x].ev.category == EventCategory::Disaster);
            if (after_comma || after_and)
                && (consequence && found[y].ev.actors.is_empty() || after_disaster)
            {
                found[y].absorbed = true;
                continue;
            }
        }
        // A noun trigger right after a verb trigger (its object).
        if !found[y].verb
            && let Some(x) = (0..y).rev().find(|&x| !found[x].absorbed && found[x].verb)
            && found[x].clause == found[y].clause
        {
            let gap_ok = (found[x].trig_last + 1..found[y].trig).all(|k| {
                let t = v.toks[k];
                !t.is(wc::PREP) || v.eq(k, "of")
            }) || found[x].ev.category == found[y].ev.category;
            if gap_ok
                && found[y].trig.saturating_sub(found[x].trig_last) <= 8
                && found[x].weak
                && found[x].ev.category != found[y].ev.category
            {
                // `gave a warm welcome`: the noun carries the event, the weak verb is light.
                found[x].absorbed = true;
                if found[y].ev.actors.is_empty() {
                    found[y].ev.actors = found[x].ev.actors.clone();
                }
                if found[y].ev.recipients.is_empty() {
                    found[y].ev.recipients = found[x].ev.recipients.clone();
                }
                continue;
            }
            if gap_ok && found[y].trig.saturating_sub(found[x].trig_last) <= 8 {
                found[y].absorbed = true;
                // Keep arguments the noun found (`signed an agreement with X`).
                let extra: Vec<Argument> = found[y].ev.recipients.clone();
                for r in extra {
                    if !found[x].ev.recipients.iter().any(|q| q.span == r.span)
                        && !found[x].ev.actors.iter().any(|q| q.span == r.span)
                    {
                        found[x].ev.recipients.push(r);
                    }
                }
                if found[x].ev.places.is_empty() {
                    found[x].ev.places = found[y].ev.places.clone();
                }
                continue;
            }
        }
        // Two triggers of one category in one clause are one event.
        if let Some(x) = (0..y).rev().find(|&x| {
            !found[x].absorbed
                && found[x].clause == found[y].clause
                && found[x].ev.category == found[y].ev.category
        }) && (found[y].trig.saturating_sub(found[x].trig_last) <= 6
            // `met X (, Y,) to discuss Z`: a purpose of the same kind is the same event.
            || found[y].verb
                && found[y].trig > 0
                && v.eq(found[y].trig - 1, "to")
                && found[y].trig.saturating_sub(found[x].trig_last) <= 16)
        {
            found[y].absorbed = true;
        }
    }
}

/// `X said Y must Z` is X's REQUEST of Y; `X said it will Z` (Z no event of its own) is X's
/// expressed intent, an AGREE. The modal's complement is absorbed by the request.
fn reported_commitment(
    v: &View,
    a: &Analysis,
    i: usize,
    src: &Np,
    sa: &Argument,
    found: &mut Vec<Found>,
) {
    let n = v.len();
    let mut m = None;
    for k in i + 1..n.min(i + 16) {
        let w = v.word(k);
        if w == "." || w == ";" || (v.quote(k) && k > i + 1) {
            break;
        }
        if v.toks[k].is(wc::MODAL) && k > i + 1 {
            m = Some(k);
            break;
        }
        if v.toks[k].is(wc::REPORT | wc::VERB) && k > i + 2 && !v.toks[k].is(wc::BE | wc::HAVE) {
            break;
        }
    }
    let Some(m) = m else { return };
    let modal = v.word(m).to_ascii_lowercase();
    let mut s_end = m - 1;
    while s_end > i && v.toks[s_end].is(wc::ADV) {
        s_end -= 1;
    }
    let Some(subj) = v.np_left(a, s_end, i + 1) else { return };
    let mut verb = m + 1;
    while verb < n && (v.toks[verb].is(wc::ADV | wc::NEG | wc::BE) || v.eq(verb, "have")) {
        verb += 1;
    }
    if verb >= n || v.toks[verb].punct {
        return;
    }
    let negated = (m + 1..verb).any(|x| v.toks[x].is(wc::NEG));
    let same = subj.pronoun || (subj.entity.is_some() && subj.entity == src.entity);
    let trig = v.span(m, verb);
    let mk = |category: EventCategory, recipients: Vec<Argument>| Event {
        category,
        mode: None,
        actors: vec![sa.clone()],
        recipients,
        with: Vec::new(),
        places: Vec::new(),
        date: None,
        modality: Modality::Asserted,
        implied: false,
        trigger: trig,
        sentence: v.sentence,
        attribution: None,
        about: None,
        key: String::new(),
    };
    let pron: Vec<(usize, u8)> =
        if src.pronoun && src.entity.is_none() { vec![(src.head, 0)] } else { Vec::new() };
    match modal.as_str() {
        "must" | "should" | "ought" if !negated && !same => {
            // `X said the government and the rebels must reach a deal`: every party named.
            let recipients = if subj.actor || subj.pronoun {
                let mut list = Vec::new();
                v.coordinated_left(a, subj, i, &mut list);
                list.iter().filter(|x| x.actor || x.pronoun).map(|x| v.argument(x)).collect()
            } else {
                Vec::new()
            };
            let mut pronouns = pron;
            if subj.pronoun && subj.entity.is_none() {
                pronouns.push((subj.head, 1));
            }
            for f in found.iter_mut() {
                if f.trig > m {
                    f.absorbed = true;
                }
            }
            found.push(simple_found(v, mk(EventCategory::Request, recipients), m, verb, pronouns));
        }
        "will" | "would" | "'ll" | "shall" if same && !negated => {
            let has_event = found.iter().any(|f| !f.absorbed && f.trig > m && f.trig <= verb + 3);
            let generic = v.toks[verb].is(wc::VERB)
                || v.toks[verb].info.is_none_or(|x| x.flags == 0 && x.triggers.is_empty())
                    && v.toks[verb].cap;
            // `it will release its results`: a trigger word read in another sense is no
            // commitment either.
            let trigger_word = v.toks[verb].info.is_some_and(|x| !x.triggers.is_empty());
            if !has_event && !generic && !trigger_word && !v.toks[verb].is(wc::REPORT) {
                found.push(simple_found(v, mk(EventCategory::Agree, Vec::new()), m, verb, pron));
            }
        }
        _ => {}
    }
}

fn simple_found(
    v: &View,
    ev: Event,
    trig: usize,
    last: usize,
    pronouns: Vec<(usize, u8)>,
) -> Found {
    Found {
        ev,
        trig,
        trig_last: last,
        clause: v.clause[trig],
        absorbed: false,
        verb: true,
        pluperfect: false,
        comp: None,
        pronouns,
        count_args: None,
        anaphoric: false,
        since_timex: None,
        possessed: Vec::new(),
        has_own_args: true,
        habitual: false,
        definite: false,
        weak: false,
        modifier: false,
    }
}

/// Reporting verbs, `according to`, channels, quotes: attribution for the sentence's events and
/// STATEMENT events for named sources.
fn attribution(v: &View, a: &Analysis, out: &mut SentenceFacts) {
    let n = v.len();
    // The quote, if any.
    let mut quote: Option<Span> = None;
    let mut open: Option<usize> = None;
    for i in 0..n {
        let w = v.word(i);
        if w == "\u{201c}" || (w == "\"" && open.is_none()) {
            open = Some(i);
        } else if (w == "\u{201d}" || w == "\"") && open.is_some() {
            let o = open.take().unwrap_or(i);
            if i > o + 1 {
                let mut e = i - 1;
                while e > o + 1 && v.toks[e].punct && matches!(v.word(e), "," | ".") {
                    e -= 1;
                }
                quote = Some(v.span(o + 1, e));
            }
        }
    }
    for i in 0..n {
        let t = v.toks[i];
        let according = v.eq(i, "according") && v.eq(i + 1, "to");
        if !(t.is(wc::REPORT) || according) || t.m.is_some() {
            continue;
        }
        // Only past/present reporting forms that are finite (not `the reported attack`).
        if i > 0
            && (v.toks[i - 1].is(wc::DET | wc::POSS) || matches!(v.word(i - 1), "'s" | "\u{2019}s"))
        {
            continue;
        }
        if v.word(i).eq_ignore_ascii_case("reported") && i > 0 && v.eq(i - 1, "comments") {
            continue;
        }
        let mut source: Option<Np> = None;
        let mut ev_start = i;
        let mut ev_end = i;
        if according {
            if let Some(np) = v.np_right(a, i + 2, n) {
                source = Some(np);
                ev_end = np.last;
            }
        } else {
            let g = verb_group(v, i, true);
            if g.passive || v.eq(i + 1, "to") {
                // `is said to have`: reported without a source.
                continue;
            }
            // `X said`, `said X` (inverted after a quote or comma).
            let s = subject(v, a, g.start, v.clause[i], None).filter(|s| s.actor || s.pronoun);
            if let Some(s) = s {
                source = Some(s);
                ev_start = s.first.min(g.start);
            } else if let Some(np) = v.np_right(a, i + 1, n).filter(|s| s.actor)
                && i > 0
                && (v.word(i - 1) == "," || v.quote(i - 1))
            {
                source = Some(np);
                ev_end = np.last;
            }
            if v.eq(i, "quoted") {
                continue;
            }
        }
        let Some(src) = source else { continue };
        // `declared a ceasefire`, `announced a suspension`: a light verb, not a statement.
        if v.toks[i].is(wc::LIGHT)
            && out.found.iter().any(|f| !f.verb && f.trig > i && f.trig <= i + 6)
        {
            continue;
        }
        if src.pronoun && src.entity.is_none() && !according {
            // A pronoun source needs an antecedent: leave it to the discourse pass.
        }
        // Channel and relaying outlet after the verb.
        let mut channel = None;
        let mut reported_by = None;
        let mut k = ev_end + 1;
        while k < n && k < ev_end + 14 {
            let w = v.word(k).to_ascii_lowercase();
            let next = if k + 1 < n { v.word(k + 1).to_ascii_lowercase() } else { String::new() };
            let next2 = if k + 2 < n { v.word(k + 2).to_ascii_lowercase() } else { String::new() };
            let c = match (w.as_str(), next.as_str(), next2.as_str()) {
                ("on", "social", _) => Some("social media"),
                ("on", "twitter" | "x" | "telegram" | "facebook" | "instagram" | "tiktok", _) => {
                    Some("social media")
                }
                ("in", "a" | "an", "statement") | ("in", "a", "joint") => Some("statement"),
                ("in", "a" | "an", "interview") => Some("interview"),
                ("at", "a" | "the", "news" | "press") => Some("news conference"),
                ("in", "comments", _) => Some("comments"),
                ("on", "television" | "tv", _) | ("on", "state", "television" | "tv") => {
                    Some("television")
                }
                ("on", "radio", _) => Some("radio"),
                ("in", "a", "letter") => Some("letter"),
                ("in", "a", "post") => Some("social media"),
                _ => None,
            };
            if channel.is_none()
                && let Some(c) = c
            {
                channel = Some(c.to_string());
                ev_end = ev_end.max(k + 1);
            }
            if w == "by"
                && k > 0
                && v.eq(k - 1, "reported")
                && let Some(np) = v.np_right(a, k + 1, n)
            {
                reported_by = Some(v.argument(&np));
                ev_end = np.last;
                break;
            }
            if v.word(k) == "." || v.word(k) == ";" {
                break;
            }
            k += 1;
        }
        let evidence = v.span(ev_start.min(i), ev_end.max(i));
        let src_arg = if src.actor || src.pronoun { Some(v.argument(&src)) } else { None };
        let withheld = super::sense::withheld(v, i);
        if !according
            && !withheld
            && let Some(sa) = &src_arg
        {
            reported_commitment(v, a, i, &src, sa, &mut out.found);
        }
        let attr = Attribution { source: src_arg.clone(), channel, reported_by, quote, evidence };
        // Attach to the other events of the sentence.
        let mut about = None;
        for (x, f) in out.found.iter_mut().enumerate() {
            if f.trig >= ev_start && f.trig <= ev_end {
                continue;
            }
            if f.ev.attribution.is_none() {
                f.ev.attribution = Some(attr.clone());
            }
            if about.is_none() && !f.absorbed {
                about = Some(x);
            }
        }
        // A STATEMENT is a claim about an event told here, or a quotation; `the company said
        // its profits rose` is attribution only.
        if according || src_arg.is_none() || about.is_none() && quote.is_none() || withheld {
            continue;
        }
        let Some(src_arg) = src_arg else { continue };
        let mut pronouns = Vec::new();
        if src.pronoun && src.entity.is_none() {
            pronouns.push((src.head, 0u8));
        }
        // `X told Y`: the addressee.
        let mut recipients = Vec::new();
        if v.eq_any(i, &["told", "tell", "tells", "telling", "informed", "briefed", "warned"])
            && let Some(r) = v.np_right(a, i + 1, n).filter(|r| r.actor && !r.pronoun)
        {
            recipients.push(v.argument(&r));
        }
        let st = Event {
            category: EventCategory::Statement,
            mode: None,
            actors: vec![src_arg],
            recipients,
            with: Vec::new(),
            places: Vec::new(),
            date: None,
            modality: Modality::Asserted,
            implied: false,
            trigger: v.toks[i].span,
            sentence: v.sentence,
            attribution: Some(attr),
            about: None,
            key: String::new(),
        };
        let _ = pronouns;
        out.statements.push((st, about));
    }
}
