//! Readings of a trigger word that are no political event: the market and business senses that
//! fill economic news (`the dollar eased to 1.82 marks`, `factory orders rose`, `demand for
//! oil`, `to meet its obligations`, `a news release`, `declined to comment`), idioms (`hard
//! pressed to`), and noun triggers that name no particular event (`such deals`). It also gives
//! the modality that a phrase around a noun trigger lends it (`far from agreement`, `hoping for a
//! competing offer`).
//!
//! The trigger lexicon says which words can name an event; this module asks whether this use of
//! the word does, from the words around it. Every rule looks at the local context only.

use types::{Analysis, EventCategory, Modality};

use super::events::Found;
use super::lexicon::{Lexicon, Trigger, wc};
use super::view::{View, in_timex};

/// What a trigger's use in context names.
#[derive(Debug, Clone, Copy)]
pub enum Reading {
    /// The event the trigger names.
    Event,
    /// Another sense: no event, and none in the tokens up to this index (`declined to
    /// comment`, `refused to discuss details`).
    Other(usize),
    /// An event of another trigger sense (`a strike by dock workers` is a protest).
    As(&'static Trigger),
}

/// Units and words of quantity that follow a market verb (`eased to 1.82 marks`, `yield 88
/// basis points`).
const MEASURES: &[&str] = &[
    "pct", "percent", "%", "point", "points", "dlrs", "dollars", "cents", "marks", "yen", "francs",
    "stg", "pounds", "tonnes", "tons", "barrels", "mln", "billion", "million", "bln", "basis",
];

/// What a rating agency or a company withdraws when it withdraws a filing, not forces.
const FILINGS: &[&str] = &["rating", "ratings", "listing", "registration", "prospectus"];

/// Verbs whose object, when they report rather than act, is speech (`declined to comment`).
const SPEECH: &[&str] = &[
    "comment",
    "comments",
    "say",
    "elaborate",
    "disclose",
    "discuss",
    "name",
    "identify",
    "specify",
    "confirm",
    "speculate",
    "reveal",
    "give",
    "detail",
    "answer",
    "be",
    "predict",
    "estimate",
    "forecast",
    "quantify",
    "release",
    "divulge",
    "put",
];

/// Words before `order` that make it a command (`a court order`, `on the orders of`).
const COMMAND_ORDER: &[&str] = &[
    "court",
    "executive",
    "presidential",
    "restraining",
    "gag",
    "evacuation",
    "deportation",
    "expulsion",
    "military",
    "judge's",
    "emergency",
    "under",
    "on",
    "royal",
    "ministerial",
    "shoot-to-kill",
    "shoot",
    "arrest",
    "detention",
    "closure",
    "cease-and-desist",
    "consent",
];

/// Documents whose `calls for` is a provision, not a request (`the contract calls for ...`);
/// a resolution's or a letter's call stays its authors' request.
const PROVISION: &[&str] = &[
    "agreement",
    "agreements",
    "contract",
    "contracts",
    "accord",
    "pact",
    "deal",
    "plan",
    "plans",
    "proposal",
    "law",
    "laws",
    "bill",
    "act",
    "budget",
    "treaty",
    "program",
    "programme",
    "measure",
    "legislation",
    "constitution",
    "rule",
    "rules",
    "terms",
    "offer",
    "merger",
    "transaction",
    "package",
    "scheme",
    "formula",
    "settlement",
    "arrangement",
    "schedule",
];

/// Words before `strike` that make it labour action (`a national seamen's strike`).
const LABOUR_STRIKE: &[&str] = &[
    "general",
    "national",
    "nationwide",
    "wildcat",
    "one-day",
    "24-hour",
    "48-hour",
    "dock",
    "rail",
    "postal",
    "transport",
    "seamen",
    "miners",
    "teachers",
    "doctors",
    "nurses",
    "pilots",
];

/// What one attacks with words (`attacked the plans`).
const CRITICISED: &[&str] = &[
    "plan",
    "plans",
    "policy",
    "policies",
    "proposal",
    "proposals",
    "idea",
    "ideas",
    "decision",
    "remarks",
    "comments",
    "statement",
    "move",
    "measure",
    "measures",
    "bill",
    "budget",
    "law",
    "report",
    "scheme",
    "program",
    "programme",
    "stance",
    "position",
    "record",
    "handling",
];

/// Words of force that sport uses for winning and scoring.
const CONTEST: &[&str] = &[
    "beat",
    "beats",
    "beaten",
    "beating",
    "defeat",
    "defeats",
    "defeated",
    "defeating",
    "battle",
    "battled",
    "battles",
    "battling",
    "fight",
    "fights",
    "fought",
    "fighting",
    "strike",
    "strikes",
    "struck",
    "attack",
    "attacks",
    "attacked",
    "attacking",
    "shot",
    "shoot",
    "shooting",
    "fired",
    "overcome",
    "overcame",
    "crushed",
    "thrashed",
    "routed",
    "destroyed",
    "ambushed",
    "stormed",
];

/// Words that only sport uses (`seed`, `semi-final`, `Premiership`).
const SPORT: &[&str] = &[
    "match",
    "matches",
    "tournament",
    "seed",
    "seeded",
    "unseeded",
    "semi-final",
    "semi-finals",
    "quarter-final",
    "quarter-finals",
    "semifinal",
    "quarterfinal",
    "championship",
    "championships",
    "premiership",
    "league",
    "cup",
    "medal",
    "medals",
    "champion",
    "champions",
    "striker",
    "goals",
    "scored",
    "innings",
    "wicket",
    "wickets",
    "scrum",
    "tie-break",
    "marathon",
    "relay",
    "olympic",
    "olympics",
    "squad",
    "fixture",
    "derby",
    "midfielder",
    "goalkeeper",
    "referee",
    "half-time",
    "playoff",
    "play-off",
    "grand-slam",
    "ace",
    "lap",
    "club",
    "fans",
    "coach",
    "slam",
    "titles",
    "sprint",
    "equaliser",
    "tries",
    "touchline",
    "umpire",
    "footballer",
    "footballers",
    "batsman",
    "bowler",
    "jockey",
];

/// Sport words that also name political bodies (`the Arab League`): they count outside names.
const SPORT_IN_NAMES: &[&str] = &["league", "cup", "champion", "champions", "club"];

/// Verbs of struggle that take an enemy, not a cause (`fight crime`).
const STRUGGLE: &[&str] = &["fight", "fought", "combat", "battl"];

/// Words of real violence: with them a sentence about sport reports an attack (`a bomber
/// attacked fans at the match`, `police battled with fans`).
const VIOLENCE: &[&str] = &[
    "killed",
    "kill",
    "killing",
    "wounded",
    "injured",
    "dead",
    "died",
    "bomb",
    "bomber",
    "bombers",
    "bombs",
    "explosion",
    "blast",
    "gunmen",
    "gunman",
    "grenade",
    "militants",
    "troops",
    "soldiers",
    "police",
    "hostage",
    "hostages",
    "stabbed",
    "bullets",
    "riot",
    "rioting",
    "terrorist",
    "terrorists",
    "suicide",
];

/// Words of voting: `voted 92-1` is a tally, not a score.
const VOTING: &[&str] = &["vote", "votes", "voted", "voting", "ballot", "majority", "margin"];

/// The sentence is about sport: a word only sport uses, or a score (`6-3`, `4-0`), and no word
/// of real violence or of voting.
fn sport(v: &View) -> bool {
    !(0..v.len()).any(|k| v.eq_any(k, VIOLENCE) || v.eq_any(k, VOTING))
        && (0..v.len()).any(|k| {
            // (A name such as `the Arab League` is no sport word.)
            v.eq_any(k, SPORT) && (v.toks[k].m.is_none() || !v.eq_any(k, SPORT_IN_NAMES))
                || k + 2 < v.len()
                    && v.toks[k].number
                    && v.word(k + 1) == "-"
                    && v.toks[k + 2].number
                    && v.word(k).len() <= 2
                    && v.word(k + 2).len() <= 2
                || score_token(v.word(k))
        })
}

/// `6-3`, `7-6`, `2-1` as one token.
fn score_token(w: &str) -> bool {
    let Some((a, b)) = w.split_once('-') else { return false };
    (1..=2).contains(&a.len())
        && (1..=2).contains(&b.len())
        && a.bytes().all(|c| c.is_ascii_digit())
        && b.bytes().all(|c| c.is_ascii_digit())
}

/// Determiners that make a noun trigger name a kind of event, not one (`such deals`).
const GENERIC: &[&str] = &["such", "similar", "any"];

/// Verbs whose object, when it is no actor, makes them no meeting (`meet its obligations`).
const MEET: &[&str] = &["meet", "meets", "met", "meeting"];

fn lex() -> &'static Lexicon {
    Lexicon::get()
}

/// A number or a unit of measure within the next four tokens of the clause (`eased to 1.82`).
fn quantity_after(v: &View, last: usize) -> bool {
    for j in last + 1..v.len().min(last + 5) {
        if v.toks[j].number || v.eq_any(j, MEASURES) {
            return true;
        }
        if v.toks[j].punct && !matches!(v.word(j), "%" | "-" | "/") {
            return false;
        }
    }
    false
}

/// Token `i` is read as a verb in its context (`to deal with`, `will deal`, `dealt`).
fn verb_before(v: &View, i: usize) -> bool {
    i > 0 && {
        let p = v.toks[i - 1];
        p.is(wc::MODAL | wc::DO | wc::NEG | wc::PRON) && !p.is(wc::DET | wc::POSS)
            || v.eq(i - 1, "to")
    }
}

/// `word` lower-cased into `buf`, without allocating; `None` when it does not fit (the lexicon
/// knows no word longer than 40 bytes).
fn lower<'b>(word: &str, buf: &'b mut [u8; 40]) -> Option<&'b str> {
    let out = buf.get_mut(..word.len())?;
    out.copy_from_slice(word.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// Whether the use of trigger `tr` at tokens `i..=last` names its event.
pub fn reading(
    v: &View,
    a: &Analysis,
    tr: &'static Trigger,
    i: usize,
    last: usize,
    as_verb: bool,
) -> Reading {
    let n = v.len();
    let mut buf = [0u8; 40];
    let Some(w) = lower(v.word(i), &mut buf) else { return Reading::Event };
    let next = |k: usize| (last + k < n).then(|| last + k);
    let specific = tr.prev.is_some() || tr.next.is_some();
    match tr.category {
        // `the dollar eased to 1.82 marks`, `priced to yield 8.55 pct`.
        EventCategory::Concede
            if matches!(w, "ease" | "eased" | "eases" | "easing")
                && (quantity_after(v, last) || !as_verb) =>
        {
            Reading::Other(last)
        }
        // `bond yields rose`, `priced to yield 8.55 pct`: a return; one yields *to* someone or
        // yields ground.
        EventCategory::Concede if w.starts_with("yield") => {
            let to = v.eq(last + 1, "to") && !quantity_after(v, last);
            let ground = v.eq_any(last + 1, &["ground", "power", "control", "territory"]);
            if as_verb && (to || ground) { Reading::Event } else { Reading::Other(last) }
        }
        // `retreating to 132.90 cents`: a price; `withdrawals of 5.9 billion`: money.
        EventCategory::Retreat
            if (w.starts_with("retreat") || w.starts_with("withdr")) && quantity_after(v, last) =>
        {
            Reading::Other(last)
        }
        // `withdrew the ratings on X's debt`, `withdrew its registration statement`: a filing.
        EventCategory::Retreat
            if w.starts_with("withdr")
                && (last + 1..n.min(last + 4)).any(|j| v.eq_any(j, FILINGS)) =>
        {
            Reading::Other(last)
        }
        // `in response to a Reuters enquiry`, `in reply to a query`: a reporter's question.
        EventCategory::Accuse
            if !as_verb
                && matches!(w, "enquiry" | "inquiry" | "enquiries" | "inquiries" | "query")
                && (i.saturating_sub(5)..i).any(|j| {
                    v.eq_any(j, &["response", "reply", "answer"]) && v.eq(j + 1, "to")
                }) =>
        {
            Reading::Other(last)
        }
        // `raised its offer to 48 dlrs a share`: a price.
        EventCategory::Agree if w.starts_with("offer") && quantity_after(v, last) => {
            Reading::Other(last)
        }
        EventCategory::Reject
            if matches!(
                w,
                "decline"
                    | "declined"
                    | "declines"
                    | "declining"
                    | "refused"
                    | "refuse"
                    | "refuses"
                    | "refusing"
            ) =>
        {
            let to = next(1).filter(|&j| v.eq(j, "to"));
            // `declined to comment`, `refused to say how much`: no rejection of anything.
            if let Some(j) = to
                && v.eq_any(j + 1, SPEECH)
            {
                return Reading::Other(j + 1);
            }
            if v.eq(last + 1, "comment") {
                return Reading::Other(last);
            }
            // `a further decline in the dollar`, `profits declined 5 pct`: a fall, not a refusal.
            let decline = w.starts_with("declin");
            if decline
                && (!as_verb || quantity_after(v, last) || to.is_none() && !object_follows(v, last))
            {
                return Reading::Other(last);
            }
            if decline && to.is_some_and(|j| j + 1 < n && v.toks[j + 1].number) {
                return Reading::Other(last);
            }
            Reading::Event
        }
        // `a spokesman, who asked not to be identified`: a condition of speaking, no request.
        EventCategory::Request
            if w.starts_with("ask")
                && v.eq(last + 1, "not")
                && v.eq(last + 2, "to")
                && v.eq(last + 3, "be")
                && v.eq_any(last + 4, &["identified", "named", "quoted"]) =>
        {
            Reading::Other(last + 4)
        }
        // `last Friday's alleged missile attack`: an adjective, nobody's accusation.
        EventCategory::Accuse
            if w == "alleged"
                && i > 0
                && (v.toks[i - 1].is(wc::DET | wc::POSS)
                    || matches!(v.word(i - 1), "'s" | "\u{2019}s")) =>
        {
            Reading::Other(last)
        }
        EventCategory::Request if w == "pressed" && i > 0 && v.eq(i - 1, "hard") => {
            Reading::Other(last)
        }
        // A verb reading needs a subject before it (`good demand for ...` opens a line).
        EventCategory::Request
            if matches!(w, "demand" | "demands")
                && (!as_verb
                    || i == 0
                    || v.toks[i - 1].info.is_none()
                        && !v.toks[i - 1].cap
                        && v.toks[i - 1].m.is_none()
                        && !v.toks[i - 1].punct) =>
        {
            if market_demand(v, i, last) {
                Reading::Other(last)
            } else {
                Reading::Event
            }
        }
        // `factory orders rose`: purchases; `orders to withdraw`, `a court order`: commands.
        EventCategory::Request
            if matches!(w, "order" | "orders")
                && !(as_verb && v.np_right(a, last + 1, n).is_some_and(|np| np.actor)) =>
        {
            let command = v.eq_any(last + 1, &["to", "that"])
                || (i.saturating_sub(2)..i).any(|j| v.eq_any(j, COMMAND_ORDER));
            if command { Reading::Event } else { Reading::Other(last) }
        }
        // `the airline ordered 10 jets`: a purchase.
        EventCategory::Request
            if w == "ordered"
                && next(1).is_some_and(|j| v.toks[j].number)
                && !(last + 1..n.min(last + 6)).any(|j| v.eq_any(j, &["to", "into", "out"])) =>
        {
            Reading::Other(last)
        }
        // `the agreement calls for the company to pay`: a provision, not a request.
        EventCategory::Request
            if tr.next == Some("for")
                && matches!(w, "call" | "calls" | "called")
                && i > 0
                && v.np_left(a, i - 1, 0)
                    .is_some_and(|np| np.mention.is_none() && v.eq_any(np.head, PROVISION)) =>
        {
            Reading::Other(last)
        }
        // `to meet its obligations`, `has met certain performance levels`.
        EventCategory::Consult if as_verb && v.eq_any(i, MEET) && last == i => {
            match next(1) {
                Some(j)
                    if !v.toks[j].is(wc::PREP | wc::ADV | wc::CONJ)
                        && !v.toks[j].punct
                        && !in_timex(a, v.toks[j].span) =>
                {
                    match v.np_right(a, j, n) {
                        // `meet their demands` concedes; that reading is the lexicon's.
                        Some(np)
                            if !np.actor
                                && !np.pronoun
                                && np.mention.is_none()
                                && !(np.first..=np.last).any(|k| {
                                    v.toks[k].info.is_some_and(|x| !x.triggers.is_empty())
                                }) =>
                        {
                            Reading::Other(last)
                        }
                        _ => Reading::Event,
                    }
                }
                _ => Reading::Event,
            }
        }
        // `to deal with the problem`: the verb, not an agreement; `a great deal of`: much.
        EventCategory::Agree
            if matches!(w, "deal" | "deals" | "dealt" | "dealing")
                && (w == "dealt"
                    || verb_before(v, i)
                    || w == "dealing" && v.eq(last + 1, "with")
                    || i > 0 && v.eq_any(i - 1, &["great", "good"]) && v.eq(last + 1, "of")) =>
        {
            Reading::Other(last)
        }
        // `March volume`, `in March`: the month.
        EventCategory::Protest if w == "march" && !specific => {
            let month = next(1).is_some_and(|j| v.toks[j].number)
                || v.toks[i].cap
                    && !(i > 0
                        && v.eq_any(i - 1, &["the", "a"])
                        && next(1).is_some_and(|j| v.toks[j].is(wc::PREP)));
            if month { Reading::Other(last) } else { Reading::Event }
        }
        // `a strike by dock workers`, `went on strike`: labour action.
        // `Hewitt beat Nalbandian 6-3`, `a tremendous strike from Bryson`: sport.
        EventCategory::Assault if CONTEST.contains(&w) && sport(v) => Reading::Other(last),
        // `fight crime`, `combat HIV`, `battling the lawsuit`: a struggle with no enemy.
        EventCategory::Assault
            if as_verb
                && STRUGGLE.iter().any(|p| w.starts_with(p))
                && v.np_right(a, last + 1, n).is_some_and(|np| {
                    np.mention.is_none()
                        && !np.actor
                        && !np.pronoun
                        && np.sector.is_none()
                        && !v.toks[np.head].is(wc::PLACE | wc::GROUP)
                        && !v.toks[np.head].number
                        // `fought a month-long war with X`: the struggle's own noun.
                        && !v.toks[np.head].info.is_some_and(|x| {
                            x.triggers.iter().any(|&k| {
                                lex().triggers[k as usize].category == EventCategory::Assault
                            })
                        })
                }) =>
        {
            Reading::Other(last)
        }
        EventCategory::Assault if matches!(w, "strike" | "strikes") && !as_verb && !specific => {
            let labour = i > 0 && v.eq(i - 1, "on")
                || (i.saturating_sub(3)..i).any(|j| {
                    v.toks[j].sector == Some(super::lexicon::Sector::Lab)
                        || v.toks[j].is(wc::CROWD)
                        || v.eq_any(j, LABOUR_STRIKE)
                })
                || v.eq(last + 1, "by")
                    && v.np_right(a, last + 2, n).is_some_and(|np| {
                        np.sector == Some(super::lexicon::Sector::Lab)
                            || v.toks[np.head].is(wc::CROWD)
                    });
            match (labour, sense_of("strike", EventCategory::Protest)) {
                (true, Some(p)) => Reading::As(p),
                _ => Reading::Event,
            }
        }
        // `ministers attacked the plans`: words, not force.
        EventCategory::Assault
            if as_verb
                && w.starts_with("attack")
                && v.np_right(a, last + 1, n).is_some_and(|np| {
                    np.mention.is_none() && !np.actor && v.eq_any(np.head, CRITICISED)
                }) =>
        {
            match sense_of("criticized", EventCategory::Accuse) {
                Some(t) => Reading::As(t),
                None => Reading::Other(last),
            }
        }
        // `a news release`, `results released today`, `free water`: nobody set free. The
        // release needs an actor as object or (passive) subject; that is checked on the
        // finished event by [`keeps`].
        _ if !as_verb && GENERIC.iter().any(|g| i > 0 && v.eq(i - 1, g)) => Reading::Other(last),
        _ => Reading::Event,
    }
}

/// `declined the offer`: a direct object follows the verb.
fn object_follows(v: &View, last: usize) -> bool {
    let j = last + 1;
    j < v.len()
        && !v.toks[j].punct
        && !v.toks[j].number
        && !v.toks[j].is(wc::PREP | wc::CONJ | wc::SUB | wc::ADV)
        && !v.word(j).ends_with("ly")
}

/// `domestic demand`, `demand for oil rose`, `a decline in demand`: the economic quantity.
/// Economic news uses the noun far more in this sense, so the request needs a sign: whose demand
/// it is (`U.S. demands`, `their demand`), what is demanded (`demand that`, `demands to`,
/// `demand of a spread`, `demands for the release`), or a verb that answers it (`rejected the
/// demand`).
fn market_demand(v: &View, i: usize, last: usize) -> bool {
    let n = v.len();
    if i > 0 {
        let p = v.toks[i - 1];
        if p.m.is_some() && p.label != Some(types::MentionLabel::Norp)
            || p.is(wc::POSS)
            || matches!(v.word(i - 1), "'s" | "\u{2019}s")
            || p.sector.is_some()
        {
            return false;
        }
        // `rejected the demand`, `met their demands`.
        if p.is(wc::DET) && i > 1 && v.toks[i - 2].info.is_some_and(|x| !x.triggers.is_empty()) {
            return false;
        }
    }
    if v.eq_any(last + 1, &["that", "to", "of", "by"]) {
        return false;
    }
    if !v.eq(last + 1, "for") {
        return true;
    }
    // The phrase after `for` up to a preposition, a verb or punctuation: its head is the last
    // word. A person, a sector noun (`demands for the rebels`) or an event noun (`demand for the
    // release`) makes the demand someone's request; a commodity (`demand for oil`) does not.
    let mut k = last + 2;
    let mut head = None;
    while k < n
        && !v.toks[k].punct
        && !v.toks[k].is(wc::VERB | wc::BE | wc::MODAL | wc::PREP | wc::CONJ | wc::SUB)
    {
        if v.toks[k].info.is_some_and(|x| !x.triggers.is_empty()) {
            return false;
        }
        head = Some(k);
        k += 1;
    }
    !head.is_some_and(|h| {
        v.toks[h].sector.is_some() || v.toks[h].label == Some(types::MentionLabel::Person)
    })
}

/// The lexicon's senses of `word`, most specific first.
fn senses(word: &str) -> impl Iterator<Item = &'static Trigger> {
    lex()
        .word(word)
        .into_iter()
        .flat_map(|info| info.triggers.iter())
        .map(|&k| &lex().triggers[k as usize])
}

/// The lexicon's `category` sense of `word`, one that needs no context if there is one
/// (`strike` as labour action, `criticized` as an accusation).
fn sense_of(word: &str, category: EventCategory) -> Option<&'static Trigger> {
    senses(word)
        .find(|t| t.category == category && t.prev.is_none() && t.next.is_none())
        .or_else(|| senses(word).find(|t| t.category == category))
}

/// The modality a phrase before a trigger lends it: `far from agreement` is negated, `hoping for
/// a competing offer` hypothetical; and that of the report or question whose complement tells
/// the event (`reported`).
pub fn lent_modality(v: &View, i: usize) -> Option<Modality> {
    if let Some(m) = reported(v, i) {
        return Some(m);
    }
    let d = usize::from(i > 0 && v.toks[i - 1].is(wc::DET));
    if i >= 2 + d && v.eq(i - 2 - d, "far") && v.eq(i - 1 - d, "from") {
        return Some(Modality::Negated);
    }
    let from = i.saturating_sub(5);
    for j in (from..i).rev() {
        if v.toks[j].punct || v.toks[j].is(wc::VERB) && !v.eq_any(j, HOPE) {
            break;
        }
        if v.eq_any(j, HOPE) && v.eq_any(j + 1, &["for", "of"]) {
            return Some(Modality::Hypothetical);
        }
    }
    None
}

const HOPE: &[&str] = &["hope", "hopes", "hoped", "hoping", "wish", "wishes", "wished"];

/// Verbs of denial: what they govern is negated (`denied that its troops had attacked`,
/// `dismissed reports that ...`).
const DENY: &[&str] = &[
    "deny",
    "denies",
    "denied",
    "denying",
    "dismissed",
    "dismisses",
    "rejected",
    "rejects",
    "refuted",
    "disputed",
];

/// Nouns for a claim, between a report verb and `that` (`denied reports that`, `did not confirm
/// claims that`).
const CLAIMS: &[&str] = &[
    "report",
    "reports",
    "claim",
    "claims",
    "allegation",
    "allegations",
    "suggestion",
    "suggestions",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
    "speculation",
    "accusation",
    "accusations",
    "charge",
    "charges",
];

/// Verbs that report or know a fact without being in the report lexicon.
const KNOW: &[&str] = &[
    "confirm",
    "confirmed",
    "confirms",
    "know",
    "knew",
    "known",
    "suggest",
    "suggested",
    "suggests",
    "disclose",
    "disclosed",
    "reveal",
    "revealed",
    "specify",
    "specified",
    "comment",
];

/// The modality the event told at trigger `i` takes from the clause that governs it:
/// - an indirect question is uncertain (`asked whether Iran had attacked`, `it is unclear
///   whether they will accept`);
/// - a denied claim is negated (`denied that its troops had attacked`, `dismissed reports that`);
/// - a report withheld (`did not say that`, `declined to confirm reports that`) asserts nothing,
///   so the event is uncertain.
///
/// A `who`/`what` complement keeps the event (`did not say who attacked the convoy`: the attack
/// happened).
fn reported(v: &View, i: usize) -> Option<Modality> {
    let mut j = i;
    let from = i.saturating_sub(14);
    while j > from {
        j -= 1;
        let t = v.toks[j];
        if t.punct || v.quote(j) {
            return None;
        }
        if v.eq(j, "whether") {
            return Some(Modality::Uncertain);
        }
        if v.eq_any(j, &["who", "what", "which", "how", "when", "where", "why"]) {
            return None;
        }
        if v.eq(j, "that") && j > 0 {
            // `denied (reports) that`, `did not say that`.
            let g = if v.eq_any(j - 1, CLAIMS) {
                let mut g = j - 1;
                while g > 0 && v.toks[g - 1].is(wc::DET) {
                    g -= 1;
                }
                g.checked_sub(1)?
            } else {
                j - 1
            };
            return governed(v, g, v.eq_any(j - 1, CLAIMS));
        }
        if t.is(wc::REPORT) || v.eq_any(j, KNOW) || v.eq_any(j, DENY) {
            // A bare complement (`did not say Iran had attacked`).
            return governed(v, j, false);
        }
        if t.is(wc::VERB) && !t.is(wc::BE | wc::HAVE | wc::DO | wc::MODAL) {
            return None;
        }
    }
    None
}

/// What the verb at `g`, governing a complement, lends it (see `reported`). `claim` says the
/// complement hangs on a claim noun (`rejected reports that`): only then is `rejected` a denial.
fn governed(v: &View, g: usize, claim: bool) -> Option<Modality> {
    let denial = if claim { v.eq_any(g, DENY) } else { v.eq_any(g, &DENY[..4]) };
    if denial {
        return Some(Modality::Negated);
    }
    if !(v.toks[g].is(wc::REPORT) || v.eq_any(g, KNOW)) {
        return None;
    }
    withheld(v, g).then_some(Modality::Uncertain)
}

/// Whether the report verb at `g` is negated or declined, so that it asserts nothing: `did not
/// say`, `would not confirm`, `declined to say`, `refused to confirm`, `never said`.
pub fn withheld(v: &View, g: usize) -> bool {
    let mut k = g;
    while k > 0 {
        k -= 1;
        let t = v.toks[k];
        if t.is(wc::NEG) && !t.is(wc::DET) {
            return true;
        }
        if v.eq(k, "to") {
            return k > 0
                && v.eq_any(
                    k - 1,
                    &["declined", "declines", "refused", "refuses", "unable", "decline", "refuse"],
                );
        }
        if !(v.adverb(k) || t.is(wc::DO | wc::MODAL | wc::HAVE | wc::BE)) {
            return false;
        }
    }
    false
}

/// Whether a finished event keeps its reading: a release frees somebody (`released the
/// prisoners`, `hostages were freed`), so a release with nobody freed (`a news release`,
/// `results released today`, `released a statement`, `free water`) is another sense.
pub fn keeps(v: &View, f: &Found) -> bool {
    let w = v.word(f.trig).as_bytes();
    let starts = |p: &str| w.len() >= p.len() && w[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    let release = f.ev.category == EventCategory::Retreat && (starts("releas") || starts("free"));
    if !release || f.pronouns.iter().any(|&(_, role)| role == 1) {
        return true;
    }
    // The freed: a name, a pronoun or a group noun at the head of the recipient phrase, not a
    // name modifying a thing (`the U.S. budget deficit`).
    f.ev.recipients.iter().any(|r| {
        let Some(last) = v.toks.iter().rposition(|t| t.span.end <= r.span.end) else {
            return false;
        };
        let t = v.toks[last];
        let head = t.m.is_some() || t.sector.is_some() || t.is(wc::PRON | wc::CROWD);
        let modifier = v.toks.get(last + 1).is_some_and(|x| {
            !x.punct
                && x.m.is_none()
                && !x.is(wc::PREP | wc::VERB | wc::BE | wc::MODAL | wc::CONJ | wc::SUB | wc::REL)
                && !x.is(wc::HAVE | wc::ADV | wc::DO | wc::NEG)
                && x.info.is_none_or(|i| i.triggers.is_empty())
        });
        head && !modifier
    })
}
