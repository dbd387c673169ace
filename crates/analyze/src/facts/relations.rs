//! Standing relations stated in one sentence: verb patterns (`X backs Y`, `X controls Y`,
//! `relies on X for support`, `cultivated close relations with X`, `is a rival to X`, `stationed
//! in X`), hyphenated modifiers (`UN-backed`, `Kremlin-controlled`, `Tripoli-based`), possessive
//! groups (`his ... group`), titles of leadership (`leader X`), affiliation (`Russia's state news
//! agency Tass`), seats (`the Government of National Unity in Tripoli`) and control (`under X's
//! control`). Validity comes from the sentence's tense and time expressions.

use chrono::NaiveDate;
use types::{Analysis, Argument, MentionKind, MentionLabel, Predicate, Relation, Span, TimeValue};

use super::lexicon::wc;
use super::view::{Np, View};

/// What a relation-bearing word means.
#[derive(Clone, Copy)]
enum Frame {
    /// subject PRED object.
    Direct(Predicate),
    /// object PRED subject (`relies on X` -> X SUPPORTS subject).
    Reverse(Predicate),
}

fn verb_frame(w: &str) -> Option<(Frame, Option<&'static str>)> {
    use Predicate::*;
    Some(match w {
        "back" | "backs" | "backed" | "backing" | "support" | "supports" | "supported"
        | "supporting" | "assist" | "assists" | "assisted" | "assisting" | "sponsor"
        | "sponsors" | "sponsored" | "fund" | "funds" | "funded" | "bankroll" | "bankrolls"
        | "bankrolled" => (Frame::Direct(Supports), None),
        "control" | "controls" | "controlled" | "controlling" | "rule" | "rules" | "ruled"
        | "govern" | "governs" | "governed" | "occupy" | "occupies" | "hold" | "holds" => {
            (Frame::Direct(Controls), None)
        }
        "lead" | "leads" | "led" | "leading" | "head" | "heads" | "headed" | "command"
        | "commands" | "commanded" | "founded" | "run" | "runs" => (Frame::Direct(Leads), None),
        "join" | "joins" | "joined" => (Frame::Direct(MemberOf), None),
        "fight" | "fights" | "fighting" | "fought" | "battle" | "battles" | "battling" => {
            (Frame::Direct(Fights), Some("against"))
        }
        "defeat" | "defeats" | "defeating" | "counter" | "countering" | "combat" | "combats"
        | "combating" | "combatting" | "confront" | "confronts" | "confronted" | "confronting"
        | "degrade" | "degrading" | "destroy" | "destroying" | "eliminate" | "eliminating" => {
            (Frame::Direct(Fights), None)
        }
        "rely" | "relies" | "relied" | "relying" | "depend" | "depends" | "depended"
        | "depending" => (Frame::Reverse(Supports), Some("on")),
        "belong" | "belongs" | "belonged" => (Frame::Direct(MemberOf), Some("to")),
        "ally" | "allied" | "aligned" | "sided" => (Frame::Direct(AlliedWith), Some("with")),
        _ => return None,
    })
}

/// Nouns that relate the subject to the object of `to`/`of`/`with` (`a rival to Y`).
fn noun_frame(w: &str) -> Option<Predicate> {
    use Predicate::*;
    Some(match w {
        "rival" | "rivals" | "enemy" | "enemies" | "foe" | "foes" | "opponent" | "opponents"
        | "adversary" | "adversaries" => RivalOf,
        "ally" | "allies" | "partner" | "partners" | "friend" => AlliedWith,
        "member" | "members" | "part" | "affiliate" | "wing" | "branch" | "faction" | "unit" => {
            MemberOf
        }
        "leader" | "head" | "chief" | "commander" | "founder" | "chairman" => Leads,
        "backer" | "backers" | "sponsor" | "sponsors" | "patron" => Supports,
        _ => return None,
    })
}

/// Validity of a relation stated in this sentence: the clause's concrete timex, or for the
/// present tense the publication date (the day the text attests it).
fn validity(
    v: &View,
    a: &Analysis,
    sentence_timexes: &[u32],
    verb: usize,
    published: Option<NaiveDate>,
) -> (Option<TimeValue>, Option<TimeValue>) {
    let clause = v.clause.get(verb).copied().unwrap_or(0);
    for &ti in sentence_timexes {
        let t = &a.timexes[ti as usize];
        if !t.value.as_bytes().iter().take(4).all(u8::is_ascii_digit) || t.value.len() < 4 {
            continue;
        }
        let Some(tok) = (0..v.len()).find(|&x| v.toks[x].span.start >= t.span.start) else {
            continue;
        };
        if v.clause[tok] != clause {
            continue;
        }
        let since = tok > 0 && v.eq(tok - 1, "since");
        let tv = super::dates::value_of(t, ti);
        return if since {
            (Some(tv), published.map(pub_value))
        } else {
            (Some(tv.clone()), Some(tv))
        };
    }
    // Tense: the finite verb of the group (`remain stationed`, `has long cultivated`, `backed`).
    let mut past = false;
    let mut long = false;
    let mut present = false;
    let mut k = verb;
    while k > 0 && k + 6 > verb {
        k -= 1;
        let w = v.word(k).to_ascii_lowercase();
        match w.as_str() {
            "was" | "were" | "had" | "remained" => past = true,
            "has" | "have" | "long" | "always" => long = true,
            "is" | "are" | "remain" | "remains" | "'s" | "'re" | "am" => present = true,
            _ => {}
        }
        if !(v.toks[k].is(wc::ADV | wc::BE | wc::HAVE | wc::MODAL | wc::NEG)
            || v.eq_any(k, &["remain", "remains", "remained", "long"]))
        {
            break;
        }
    }
    let w = v.word(verb).to_ascii_lowercase();
    let finite_past = !present && !long && (past || w.ends_with("ed") && !w.contains('-'));
    if finite_past {
        return (None, None);
    }
    let p = published.map(pub_value);
    if long { (None, p) } else { (p.clone(), p) }
}

fn pub_value(d: NaiveDate) -> TimeValue {
    TimeValue { value: d.format("%Y-%m-%d").to_string(), timex: None, approx: false }
}

struct Ctx<'v, 'a> {
    v: &'v View<'a>,
    a: &'v Analysis,
    timexes: &'v [u32],
    published: Option<NaiveDate>,
    out: &'v mut Vec<Relation>,
    owned: &'v mut Vec<(Span, u32)>,
}

impl Ctx<'_, '_> {
    /// `s p o` between two noun phrases, the evidence running from the first to the last.
    fn push_nps(&mut self, s: &Np, p: Predicate, o: &Np, at: usize) {
        let v = self.v;
        let evidence = v.span(s.first.min(o.first), s.last.max(o.last));
        self.push(&v.argument(s), p, &v.argument(o), None, at, evidence);
    }

    fn push(
        &mut self,
        s: &Argument,
        p: Predicate,
        o: &Argument,
        title: Option<String>,
        at: usize,
        evidence: Span,
    ) {
        if s.span.overlaps(o.span) || (s.entity.is_some() && s.entity == o.entity) {
            return;
        }
        if self
            .out
            .iter()
            .any(|r| r.predicate == p && r.subject.span == s.span && r.object.span == o.span)
        {
            return;
        }
        let (valid_from, valid_to) = validity(self.v, self.a, self.timexes, at, self.published);
        self.out.push(Relation {
            subject: s.clone(),
            predicate: p,
            object: o.clone(),
            title,
            valid_from,
            valid_to,
            evidence,
            sentence: self.v.sentence,
        });
    }

    fn arg(&mut self, np: &Np) -> Option<Argument> {
        if !np.actor && self.v.direction_arg(np).is_none() && np.mention.is_none() {
            return None;
        }
        if let Some(d) = self.v.direction_arg(np) {
            return Some(d);
        }
        let arg = self.v.argument(np);
        if arg.entity.is_none()
            && let Some(p) = np.possessor
        {
            self.owned.push((arg.span, p));
        }
        Some(arg)
    }
}

/// Words that anchor relation patterns beyond the lexicon's relation cues: verbs of assistance
/// and of capture (`captured by X`, `X seized Y`).
const CUE_WORDS: &[&str] = &[
    "assist",
    "assists",
    "assisting",
    "captured",
    "seized",
    "taken",
    "occupied",
    "liberated",
    "recaptured",
    "retook",
];

/// Finds the relations of one sentence.
pub fn sentence_relations(
    v: &View,
    a: &Analysis,
    timexes: &[u32],
    published: Option<NaiveDate>,
    out: &mut Vec<Relation>,
    owned: &mut Vec<(Span, u32)>,
) {
    let mut cx = Ctx { v, a, timexes, published, out, owned };
    let n = v.len();
    fronted_place(&mut cx, n);
    let mut last_subject: Option<Np> = None;
    let mut strikes: Option<Np> = None;
    for i in 0..n {
        let t = v.toks[i];
        if t.m.is_none() && v.eq_any(i, STRIKE_VERBS) {
            strike_report(&mut cx, i, n, &mut strikes);
        }
        // Most tokens anchor no pattern: decide cheaply.
        let cue = t.is(wc::RELCUE) || hostile_cue(v, i) || t.m.is_none() && v.eq_any(i, CUE_WORDS);
        let hyphen = t.m.is_some() && v.word(i).contains('-');
        let cheap = t.is(wc::POSS | wc::LEAD)
            || t.m.is_some()
            || matches!(v.word(i), "," | "'s" | "\u{2019}s");
        if v.eq_any(i, &["include", "includes", "included", "including"]) {
            includes(&mut cx, i, n);
        }
        if v.eq_any(i, &["made", "composed", "comprised", "consisting", "consists", "consisted"]) {
            made_up_of(&mut cx, i, n);
        }
        if t.m.is_none() && (t.is(wc::LEAD) || title_word(v, i)) {
            titled(&mut cx, i, n);
        }
        if v.eq_any(i, &["from", "within", "assigned", "part"]) {
            belongs(&mut cx, i, n);
        }
        if v.eq(i, "of") && i > 0 && v.eq_any(i - 1, MEMBER_NOUNS) {
            members_of(&mut cx, i, n);
        }
        if v.word(i) == "," && i > 0 && t.m.is_none() {
            unit_chain(&mut cx, i);
        }
        if t.m.is_none()
            && v.word(i)
                .as_bytes()
                .first()
                .is_some_and(|b| matches!(b, b'v' | b't' | b'a' | b'f' | b'c' | b'w' | b'r'))
        {
            travel(&mut cx, i, last_subject);
        }
        if v.word(i) == "," {
            place_apposition(&mut cx, i, n);
        }
        if matches!(v.word(i), "'s" | "\u{2019}s") {
            place_possessive(&mut cx, i);
        }
        if t.m.is_none() && v.eq_any(i, &["fall", "fell", "fallen", "falls"]) {
            fell_to(&mut cx, i, n);
        }
        if t.m.is_none() && v.eq_any(i, &["use", "uses", "used", "using"]) {
            used_as_base(&mut cx, i, n);
        }
        if t.m.is_none() && v.eq_any(i, TAKE_FROM) {
            taken_from(&mut cx, i, n);
        }
        if v.eq(i, "of") && i >= 2 && v.word(i - 1) == "," {
            hometown(&mut cx, i);
        }
        if t.m.is_none()
            && v.eq_any(
                i,
                &["sent", "send", "sends", "deployed", "deploys", "dispatched", "dispatches"],
            )
        {
            sent_to(&mut cx, i, n);
        }
        if t.m.is_none()
            && (joint_verb(v, i) || (t.is(wc::RELCUE) || hostile_cue(v, i)) && hostile_verb(v, i))
        {
            joint_action(&mut cx, i, last_subject);
        }
        if t.m.is_none() && v.eq_any(i, &["died", "dies", "killed", "wounded", "injured"]) {
            died_in(&mut cx, i, n, last_subject);
        }
        if t.m.is_none() && v.eq_any(i, &["met", "meet", "meets", "meeting"]) {
            meeting(&mut cx, i, n, last_subject);
        }
        if t.m.is_none() && v.eq_any(i, &["said", "told", "says", "tells", "spoke", "speaks"]) {
            spoke_in(&mut cx, i, n, last_subject);
        }
        if t.m.is_none() && v.eq_any(i, &["meeting", "meetings"]) && v.eq(i + 1, "of") {
            meeting_of(&mut cx, i, n);
        }
        if t.m.is_none() && v.eq(i, "support") && v.eq_any(i + 1, &["for", "of"]) {
            support_for(&mut cx, i, n);
        }
        if t.m.is_none() && v.eq_any(i, &["allies", "ally", "partners", "backers", "proxies"]) {
            and_its_allies(&mut cx, i);
        }
        if !cue && !hyphen && !cheap {
            continue;
        }
        let w = if cue || hyphen { v.word(i).to_ascii_lowercase() } else { String::new() };
        // Hyphenated modifiers: `UN-backed X`, `Kremlin-controlled X`, `Tripoli-based X`.
        if let Some((pre, suf)) = w.rsplit_once('-')
            && !pre.is_empty()
            && let Some(m) = t.m
        {
            let pred = match suf {
                "backed" | "supported" | "sponsored" | "funded" | "armed" => {
                    Some((Predicate::Supports, false))
                }
                "led" => Some((Predicate::Leads, false)),
                "controlled" | "held" | "run" | "occupied" => Some((Predicate::Controls, false)),
                "based" => Some((Predicate::LocatedIn, true)),
                "allied" | "aligned" => Some((Predicate::AlliedWith, false)),
                _ => None,
            };
            if let Some((p, reversed)) = pred
                && let Some(obj) = modified_np(v, a, i)
                // `ISIL-held buildings`, `a rebel-held tank`: what is held need name no actor.
                && let Some(oarg) = cx.arg(&obj).or_else(|| {
                    (p == Predicate::Controls
                        && !obj.pronoun
                        && (facility(v, obj.head)
                            || materiel(v, obj.head)
                            || v.toks[obj.head].is(wc::PLACE)))
                        .then(|| phrase_arg(v, &obj))
                })
            {
                let mm = &a.mentions[m as usize];
                let s = Argument { entity: mm.entity, span: mm.span, text: mm.text.clone() };
                let ev = v.span(i, obj.last);
                if reversed {
                    cx.push(&oarg, p, &s, None, i, ev);
                } else {
                    cx.push(&s, p, &oarg, None, i, ev);
                }
            }
        }
        // Verb frames.
        if !cue {
            cheap_patterns(&mut cx, i, n);
            continue;
        }
        if let Some((frame, prep)) = verb_frame(&w)
            && t.m.is_none()
            && !(i > 0 && v.toks[i - 1].is(wc::DET))
        {
            let mut subj = relation_subject(v, a, i, last_subject);
            // `The UK is working to defeat ISIL`: an infinitive's subject is the clause's first
            // actor.
            let mut companion = None;
            if subj.is_none()
                && i > 0
                && v.eq(i - 1, "to")
                && matches!(frame, Frame::Direct(Predicate::Fights))
            {
                subj = first_actor(v, a, i - 1);
                companion = fight_companion(v, a, i - 1);
            }
            if let Some(s) = subj {
                last_subject = Some(s);
            }
            // The object: right after the verb (or after its preposition).
            let mut k = i + 1;
            while k < n
                && (v.toks[k].is(wc::ADV)
                    || v.eq_any(k, &["heavily", "closely", "mainly", "largely"]))
            {
                k += 1;
            }
            if let Some(p) = prep {
                if v.eq(k, p) {
                    k += 1;
                } else if matches!(frame, Frame::Reverse(_)) || v.eq(k, "the") && v.eq(k + 1, "war")
                {
                    continue;
                }
            }
            let obj = v.np_right(a, k, n);
            if let (Some(s), Some(o)) = (subj, obj)
                && s.actor
                // `his death will degrade ISIL`: a possessor of a thing is no fighter.
                && !(matches!(frame, Frame::Direct(Predicate::Fights))
                    && s.possessor.is_some()
                    && v.toks[s.head].m.is_none()
                    && !v.toks[s.head].is(wc::GROUP | wc::CROWD))
                && let (Some(sa), Some(oa)) = (cx.arg(&s), cx.arg(&o))
            {
                let ev = v.span(s.first.min(i), o.last);
                let mut objs = Vec::new();
                v.coordinated_right(a, o, n, &mut objs);
                match frame {
                    Frame::Direct(p) => {
                        // `control` of a place; `lead`/`head` of an organisation.
                        let ok = match p {
                            Predicate::Controls => {
                                o.mention.is_some() || v.direction_arg(&o).is_some()
                            }
                            // `to defeat ISIL`, not `to combat growing dependence`.
                            Predicate::Fights if hostile_cue(v, i) => {
                                o.mention.is_some_and(|m| {
                                    v.toks[o.head].m == Some(m)
                                        && a.mentions[m as usize].label != MentionLabel::Person
                                }) || v.toks[o.head].is(wc::GROUP)
                            }
                            Predicate::Leads => {
                                o.mention.is_some_and(|m| {
                                    a.mentions[m as usize].label == MentionLabel::Org
                                }) || o.sector.is_some()
                            }
                            // `joined the coalition`, not `joined Jordan in an exercise` or
                            // `joined X and international partners for talks`.
                            Predicate::MemberOf if v.eq_any(i, &["join", "joins", "joined"]) => {
                                objs.iter().all(|x| {
                                    x.mention.is_some_and(|m| {
                                        a.mentions[m as usize].label == MentionLabel::Org
                                    }) && !v.eq_any(
                                        x.head,
                                        &["partners", "allies", "counterparts", "officials"],
                                    )
                                })
                            }
                            _ => true,
                        };
                        // `The UK, the Coalition and Iraq are committed to defeating X`: every
                        // coordinated subject.
                        let mut subs = Vec::new();
                        if !s.pronoun && s.last < i {
                            v.coordinated_left(a, s, 0, &mut subs);
                            subs.retain(|x| x.actor && usable(x) && x.first != s.first);
                        }
                        if ok {
                            for o2 in &objs {
                                let placed = if p == Predicate::Controls {
                                    place_arg(v, a, o2)
                                } else {
                                    None
                                };
                                if let Some(oa2) = placed.or_else(|| cx.arg(o2)) {
                                    cx.push(&sa, p, &oa2, None, i, v.span(s.first.min(i), o2.last));
                                    if let Some(c) = companion.filter(|c| c.first > s.last)
                                        && let Some(ca) = cx.arg(&c)
                                    {
                                        cx.push(&ca, p, &oa2, None, i, v.span(c.first, o2.last));
                                    }
                                    for s2 in &subs {
                                        if let Some(sa2) = cx.arg(s2) {
                                            let ev = v.span(s2.first.min(i), o2.last);
                                            cx.push(&sa2, p, &oa2, None, i, ev);
                                        }
                                    }
                                }
                            }
                            let _ = &oa;
                        }
                    }
                    Frame::Reverse(p) => {
                        if o.actor {
                            cx.push(&oa, p, &sa, None, i, ev);
                        }
                    }
                }
            }
            // `stationed in X`, `deployed in X`, `based in X`.
        }
        if v.eq_any(i, &["stationed", "deployed", "based", "located", "present", "headquartered"])
            && v.eq(i + 1, "in")
        {
            let pred = if v.eq_any(i, &["stationed", "deployed", "present"]) {
                Predicate::PresentIn
            } else {
                Predicate::LocatedIn
            };
            let subj = if i > 0 && v.toks[i - 1].m.is_some()
                || i > 0 && v.nominal(i - 1) && !v.toks[i - 1].is(wc::BE)
            {
                v.np_left(a, i - 1, 0)
            } else {
                let g = (0..i)
                    .rev()
                    .take_while(|&x| {
                        v.toks[x].is(wc::BE | wc::ADV)
                            || v.eq_any(x, &["remain", "remains", "remained", "are", "were"])
                    })
                    .last()
                    .unwrap_or(i);
                // `X, which is based in Y`: the phrase the relative pronoun stands for.
                let g =
                    if g >= 3 && v.eq_any(g - 1, &["which", "that", "who"]) && v.word(g - 2) == ","
                    {
                        g - 2
                    } else {
                        g
                    };
                if g > 0 { v.np_left(a, g - 1, 0) } else { None }
            };
            if let Some(s) = subj.filter(|s| s.actor)
                && let Some(sa) = cx.arg(&s)
            {
                // Every place in the coordinated attachment (`in the east, as well as in X`).
                let mut k = i + 1;
                let end = n;
                while k < end {
                    if v.eq(k, "in")
                        && let Some(o) = v.np_right(a, k + 1, end)
                    {
                        if let Some(oa) = place_arg(v, a, &o) {
                            cx.push(&sa, pred, &oa, None, i, v.span(s.first, o.last));
                        }
                        k = o.last + 1;
                        // Continue only through coordination.
                        let mut c = k;
                        while c < end
                            && (v.word(c) == "," || v.eq_any(c, &["as", "well", "and", "or"]))
                        {
                            c += 1;
                        }
                        if c > k && c < end && v.eq(c, "in") {
                            k = c;
                            continue;
                        }
                        break;
                    }
                    k += 1;
                }
            }
        }
        // `cultivated close relations with X`, `has ties to X`.
        if v.eq_any(i, &["relations", "ties", "links", "alliance", "partnership"])
            && v.eq_any(i + 1, &["with", "to"])
        {
            let mut s0 = i;
            while s0 > 0
                && !v.toks[s0 - 1].is(wc::VERB | wc::LIGHT)
                && (v.nominal(s0 - 1) || v.toks[s0 - 1].info.is_none())
                && s0 + 3 > i
            {
                s0 -= 1;
            }
            let hostile = (s0.saturating_sub(1)..i).any(|x| {
                v.eq_any(
                    x,
                    &[
                        "strained", "hostile", "tense", "severed", "broke", "cut", "frosty",
                        "poor", "sour",
                    ],
                )
            });
            let verb = s0.checked_sub(1).filter(|&x| {
                v.toks[x].is(wc::VERB | wc::LIGHT)
                    || v.word(x).ends_with("ed")
                    || v.word(x).ends_with('s')
            });
            if let Some(vb) = verb
                && !hostile
                && let Some(s) = relation_subject(v, a, vb, last_subject).filter(|s| s.actor)
                && let Some(o) = v.np_right(a, i + 2, n).filter(|o| o.actor)
                && let (Some(sa), Some(oa)) = (cx.arg(&s), cx.arg(&o))
            {
                cx.push(&sa, Predicate::AlliedWith, &oa, None, vb, v.span(vb, o.last));
                last_subject = Some(s);
            }
        }
        // `X is a rival to Y`, `X, an ally of Y`.
        if let Some(p) = noun_frame(&w)
            && t.m.is_none()
            && v.eq_any(i + 1, &["to", "of", "with"])
            && i > 0
        {
            let mut k = i - 1;
            while k > 0
                && (v.toks[k].is(wc::DET)
                    || v.toks[k].info.is_none() && !v.toks[k].cap && !v.toks[k].punct)
            {
                k -= 1;
            }
            let subj = if (v.toks[k].is(wc::BE) || v.word(k) == ",") && k > 0 {
                v.np_left(a, k - 1, 0)
            } else {
                None
            };
            if let (Some(s), Some(o)) =
                (subj.filter(|s| s.actor), v.np_right(a, i + 2, n).filter(|o| o.actor))
                && let (Some(sa), Some(oa)) = (cx.arg(&s), cx.arg(&o))
            {
                let ev = v.span(s.first, o.last);
                let title = matches!(p, Predicate::Leads).then(|| v.word(i).to_string());
                cx.push(&sa, p, &oa, title, k, ev);
            }
        }
        // `under X's control`, `under the control of X`.
        if v.eq(i, "under") {
            let mut ctrl: Option<Np> = None;
            let mut end = i;
            if let Some(c) = (i + 1..n.min(i + 10)).find(|&x| v.eq(x, "control")) {
                if v.eq(c + 1, "of") {
                    ctrl = v.np_right(a, c + 2, n);
                    end = ctrl.map_or(c, |x| x.last);
                } else if c > i + 1 && matches!(v.word(c - 1), "'s" | "\u{2019}s") {
                    ctrl = v.np_left(a, c - 2, i + 1);
                    end = c;
                } else if c > i + 1
                    && let Some(m) = v.toks[c - 1].m.filter(|&m| {
                        matches!(
                            a.mentions[m as usize].label,
                            MentionLabel::Org | MentionLabel::Gpe | MentionLabel::Norp
                        )
                    })
                {
                    // `under IS control`, `under Kurdish control`.
                    ctrl = Some(v.np_for_mention(a, m));
                    end = c;
                }
            }
            // `western Mosul, which is still under IS control`: the place before the relative.
            let mut k = i;
            while k > 1
                && (v.toks[k - 1].is(wc::ADV | wc::BE)
                    || v.eq_any(k - 1, &["which", "that", "remains", "remained", "now", "still"]))
            {
                k -= 1;
            }
            if k > 1 && k < i && v.word(k - 1) == "," {
                k -= 1;
            }
            if let Some(cn) = ctrl.filter(|c| c.actor)
                && k > 0
                && let Some(place) = v.np_left(a, k - 1, 0)
                && let Some(pa) = place_arg(v, a, &place)
                && let Some(ca) = cx.arg(&cn)
            {
                cx.push(&ca, Predicate::Controls, &pa, None, i, v.span(place.first, end));
            }
        }
        // `the fight against X`, `strikes against X`, `its campaign against X`; `their battle
        // with X`, `a war with X`.
        if (v.eq(i, "against")
            // `with`: whose war must be said right before it (`their battle with X`, `Iran's
            // war with Y`; not `a trade war with`, `its legal battle with`).
            || v.eq(i, "with")
                && i > 1
                && v.eq_any(i - 1, &["battle", "battles", "war", "clashes", "fighting"])
                && (v.toks[i - 2].is(wc::POSS) || matches!(v.word(i - 2), "'s" | "\u{2019}s"))
                && !v.eq(i + 1, "each"))
            && i > 0
            && let Some(noun) = fight_noun(v, i)
            && let Some(o) = v.np_right(a, i + 1, n).filter(|o| o.actor)
        {
            // Whose fight: a possessor or modifier of the noun, else the subject of the verb
            // it is the object of (`X, which will fly strike missions against Y`), else the
            // clause's subject.
            let np = v.np_left(a, noun, 0);
            let conductor = np.and_then(|np| {
                // (`fly strike missions` may read as one phrase.)
                let verb = (np.first..noun)
                    .find(|&k| v.eq_any(k, CONDUCT))
                    .or_else(|| np.first.checked_sub(1).filter(|&k| v.eq_any(k, CONDUCT)))?;
                relation_subject(v, a, verb, last_subject).filter(|s| s.actor && usable(s))
            });
            // `support for X in their fight against Y`: the phrase before `in their`/`in the`.
            let mut fighters = Vec::new();
            if noun >= 3
                && v.eq_any(noun - 1, &["their", "its", "the"])
                && v.eq(noun - 2, "in")
                && let Some(x) = v
                    .np_left(a, noun - 3, 0)
                    .filter(|x| x.actor && !x.pronoun && x.mention.is_some())
            {
                v.coordinated_left(a, x, 0, &mut fighters);
                fighters.retain(|f| !f.pronoun && f.mention.is_some());
                // Only the objects of support (`support for X`, `supports X`, `help X`): after
                // another phrase (`seized Mosul University in their battle`) `their` is the
                // subject's.
                let start = fighters.first().map_or(0, |f| f.first);
                let supported =
                    start >= 2 && v.eq_any(start - 1, &["for", "of"]) && v.eq(start - 2, "support")
                        || start >= 1
                            && v.eq_any(
                                start - 1,
                                &[
                                    "support",
                                    "supports",
                                    "supported",
                                    "supporting",
                                    "assist",
                                    "assists",
                                    "assisting",
                                    "help",
                                    "helps",
                                    "helping",
                                    "backing",
                                ],
                            );
                if !supported {
                    fighters.clear();
                }
            }
            let np = if fighters.is_empty() { np } else { None };
            let who = fighters.first().copied().or(np
                .and_then(|np| {
                    np.possessor.map(|m| v.np_for_mention(a, m)).or_else(|| {
                        // (Not a mention of the noun itself: `their [defensive positions]`.)
                        (np.first..noun)
                            .rev()
                            .find_map(|x| v.toks[x].m.filter(|&m| v.toks[noun].m != Some(m)))
                            .map(|m| v.np_for_mention(a, m))
                    })
                })
                .or(conductor)
                .or_else(|| {
                    // The first actor of the clause: after a reporting verb (`Cook said the
                    // campaign against X`: not Cook's), not a place after a preposition.
                    let first = np.map_or(noun, |np| np.first);
                    // (The reported clause begins with the fight: `said (that) the campaign`.)
                    let start = (0..first)
                        .rev()
                        .find(|&x| v.toks[x].is(wc::REPORT) && v.toks[x].m.is_none())
                        .filter(|&x| first <= x + 2)
                        .map_or(0, |x| x + 1);
                    first_actor_in(v, a, start, first)
                }));
            // `Iraqi forces seized X in their battle with Y`: a possessive pronoun is the
            // clause's first named actor's.
            let who = who.map(|w| {
                if !(v.toks[w.first].is(wc::POSS) && w.first == w.last) {
                    return w;
                }
                (0..w.first)
                    .find_map(|x| {
                        v.toks[x]
                            .m
                            .filter(|&m| {
                                let mm = &a.mentions[m as usize];
                                mm.kind == MentionKind::Name
                                    && matches!(
                                        mm.label,
                                        MentionLabel::Org
                                            | MentionLabel::Gpe
                                            | MentionLabel::Person
                                            | MentionLabel::Norp
                                    )
                            })
                            .map(|m| v.np_for_mention(a, m))
                    })
                    .unwrap_or(w)
            });
            if let Some(w) = who
                && let (Some(wa), Some(oa)) = (cx.arg(&w), cx.arg(&o))
            {
                cx.push(&wa, Predicate::Fights, &oa, None, noun, v.span(w.first.min(noun), o.last));
                // `X and allied Y groups have been accused ... during operations against Z`:
                // the subject's coordinated phrases too.
                if fighters.is_empty() && !w.pronoun && w.last < noun {
                    let mut co = Vec::new();
                    v.coordinated_right(a, w, noun, &mut co);
                    for c in co.iter().skip(1).filter(|c| !c.pronoun && c.mention.is_some()) {
                        if let Some(ca) = cx.arg(c) {
                            cx.push(
                                &ca,
                                Predicate::Fights,
                                &oa,
                                None,
                                noun,
                                v.span(c.first, o.last),
                            );
                        }
                    }
                }
            }
            for w in fighters.iter().skip(1) {
                if let (Some(wa), Some(oa)) = (cx.arg(w), cx.arg(&o)) {
                    cx.push(&wa, Predicate::Fights, &oa, None, noun, v.span(w.first, o.last));
                }
            }
        }
        // `led by X`, `commanded by X`, `headed by X`: X leads the phrase before.
        if v.eq_any(i, &["led", "commanded", "headed", "run", "founded", "established", "chaired"])
            && v.eq(i + 1, "by")
            && i > 0
            && let Some(x) = v.np_right(a, i + 2, n).filter(|x| x.actor)
            && let Some(g) = {
                // `CTF 50 is currently led by X`.
                let mut k = i - 1;
                while k > 0
                    && v.toks[k].m.is_none()
                    && (v.toks[k].is(wc::BE | wc::ADV)
                        || v.word(k) == ","
                        || v.eq(k, "being")
                        || v.word(k).len() > 4 && v.word(k).ends_with("ly"))
                {
                    k -= 1;
                }
                // `integrated with the task force while being led by X`: the phrase before.
                if k > 0 && v.eq(k + 1, "being") && v.eq_any(k, &["while", "when"]) {
                    k -= 1;
                }
                // `It was founded in 1988 and is run by X`: the sentence's subject.
                // (Not inside a relative clause: `a buyout which closed in May and was led
                // by X`.)
                if v.eq(k, "and")
                    && (k + 1..i).any(|x| v.toks[x].is(wc::BE))
                    && !(0..k).any(|x| v.eq_any(x, &["which", "who", "that", "after", "when"]))
                {
                    v.np_right(a, 0, k).filter(|g| g.actor && usable(g))
                } else {
                    v.np_left(a, k, 0).filter(|g| g.actor)
                }
            }
            && let (Some(xa), Some(ga)) = (cx.arg(&x), cx.arg(&g))
        {
            cx.push(&xa, Predicate::Leads, &ga, None, i, v.span(g.first, x.last));
        }
        // `the largest city controlled by Daesh`, `the dam was captured by X`: X holds the place.
        if v.eq_any(
            i,
            &["controlled", "held", "captured", "seized", "taken", "occupied", "liberated"],
        ) && v.eq(i + 1, "by")
            && i > 0
            && let Some(x) = v.np_right(a, i + 2, n).filter(|x| x.actor && usable(x))
        {
            let mut k = i - 1;
            while k > 0 && v.toks[k].is(wc::BE | wc::ADV | wc::HAVE) {
                k -= 1;
            }
            // `Goma is the largest town controlled by M23`: the place the copula names.
            let g = v.np_left(a, k, 0).map(|g| {
                let named = g.mention.is_some_and(|m| {
                    matches!(a.mentions[m as usize].label, MentionLabel::Gpe | MentionLabel::Loc)
                });
                if !named
                    && g.first >= 2
                    && v.toks[g.first - 1].is(wc::BE)
                    && let Some(pm) = v.place_mention(a, g.first - 2)
                {
                    v.np_for_mention(a, pm)
                } else {
                    g
                }
            });
            if let Some(g) = g
                && let Some(pa) = place_arg(v, a, &g).or_else(|| {
                    (v.toks[g.head].is(wc::PLACE) || facility(v, g.head)).then(|| phrase_arg(v, &g))
                })
                && let Some(xa) = cx.arg(&x)
            {
                cx.push(&xa, Predicate::Controls, &pa, None, i, v.span(g.first, x.last));
            }
        }
        // `ISIL seized the tanks and other hardware`, `rebels captured the town of X`: the captor
        // holds what it took (a place, a building, materiel).
        if t.m.is_none()
            && v.eq_any(i, &["captured", "seized", "recaptured", "retook", "liberated", "occupied"])
            && !v.eq(i + 1, "by")
            && !(i > 0 && v.toks[i - 1].is(wc::BE | wc::DET | wc::POSS))
            && let Some(s) =
                relation_subject(v, a, i, last_subject).filter(|s| s.actor && usable(s))
            && let Some(sa) = cx.arg(&s)
        {
            let mut k = i + 1;
            while let Some(o) = v.np_right(a, k, n) {
                // `captured one of Iraq's fortifications` holds no country.
                let whole = o.mention.is_none_or(|m| v.toks[o.head].m == Some(m));
                let held = whole.then(|| place_arg(v, a, &o)).flatten().or_else(|| {
                    (o.mention.is_none()
                        && !o.pronoun
                        && (v.toks[o.head].is(wc::PLACE)
                            || facility(v, o.head)
                            || materiel(v, o.head)
                            || v.eq(o.head, "hardware")))
                    .then(|| phrase_arg(v, &o))
                });
                let Some(oa) = held else { break };
                cx.push(&sa, Predicate::Controls, &oa, None, i, v.span(s.first.min(i), o.last));
                if !v.eq(o.last + 1, "and") {
                    break;
                }
                k = o.last + 2;
            }
        }
        // `ISIL has had control of Mosul`, `forces seized full control of the university`.
        if v.eq(i, "control")
            && v.eq(i + 1, "of")
            && let Some(o) = v.np_right(a, i + 2, n)
            && let Some(pa) = place_arg(v, a, &o).or_else(|| {
                (v.toks[o.head].is(wc::PLACE) || facility(v, o.head)).then(|| phrase_arg(v, &o))
            })
        {
            let mut k = i;
            while k > 0
                && (v.toks[k - 1].is(wc::DET | wc::ADV)
                    || v.eq_any(k - 1, &["full", "effective", "total", "complete"]))
            {
                k -= 1;
            }
            if k > 0
                && (v.toks[k - 1].is(wc::VERB | wc::LIGHT | wc::HAVE)
                    || v.word(k - 1).ends_with("ed")
                    || v.word(k - 1).ends_with('s'))
                && let Some(s) =
                    relation_subject(v, a, k - 1, last_subject).filter(|s| s.actor && usable(s))
                && let Some(sa) = cx.arg(&s)
            {
                cx.push(&sa, Predicate::Controls, &pa, None, i, v.span(s.first, o.last));
            }
        }
        // `assisted by X`, `supported by X`, `backed by X`: X supports the phrase before.
        if v.eq_any(
            i,
            &["assisted", "supported", "backed", "aided", "helped", "armed", "funded", "sponsored"],
        ) && v.eq(i + 1, "by")
            && i > 0
            && let Some(x) = v.np_right(a, i + 2, n).filter(|x| x.actor || x.mention.is_some())
        {
            let mut k = i - 1;
            if v.word(k) == "," && k > 0 {
                k -= 1;
            }
            if let Some(g) = v.np_left(a, k, 0).filter(|g| g.actor)
                && let (Some(xa), Some(ga)) = (cx.arg(&x), cx.arg(&g))
            {
                cx.push(&xa, Predicate::Supports, &ga, None, i, v.span(g.first, x.last));
            }
        }
        // `in support of X`: the clause's subject supports X.
        if v.eq(i, "support")
            && v.eq(i + 1, "of")
            && i > 0
            && v.eq(i - 1, "in")
            && let Some(x) = v.np_right(a, i + 2, n).filter(|x| x.actor)
            // `In support of X, Y conducted ...`: fronted, the supporter is the clause's first
            // actor after the comma.
            && let Some(sm) = (0..i - 1)
                .filter(|&y| y == 0 || v.toks[y - 1].m != v.toks[y].m)
                .find(|&y| {
                    v.toks[y].m.is_some() && (y == 0 || !v.toks[y - 1].is(wc::PREP | wc::DET))
                        || v.toks[y].m.is_some()
                            && y >= 2
                            && v.toks[y - 1].is(wc::DET)
                            && !v.toks[y - 2].is(wc::PREP)
                })
                .and_then(|y| v.toks[y].m)
                .or_else(|| {
                (i == 1 && v.eq(x.last + 1, ","))
                    .then(|| (x.last + 2..n.min(x.last + 6)).find_map(|y| v.toks[y].m))
                    .flatten()
            })
        {
            let s = v.np_for_mention(a, sm);
            if let (Some(sa), Some(xa)) = (cx.arg(&s), cx.arg(&x)) {
                cx.push(&sa, Predicate::Supports, &xa, None, i, v.span(s.first, x.last));
            }
        }
        // `Mosul district, Ninewa province in Iraq`, `the town of Daraya in Syria`: a place in a
        // place.
        if v.eq(i, "in")
            && i > 0
            && let Some(inner) = v.place_mention(a, i - 1).or_else(|| {
                // `Al-Raqqa province in Syria`: a place noun after the name.
                (i > 1 && v.toks[i - 1].is(wc::PLACE) && v.toks[i - 1].m.is_none())
                    .then(|| v.place_mention(a, i - 2))
                    .flatten()
            })
            && let Some(outer) = place_after(v, a, i + 1)
            && inner != outer
            && may_lie_in(a, inner, outer)
        {
            let n1 = v.np_for_mention(a, inner);
            let n2 = v.np_for_mention(a, outer);
            cx.push_nps(&n1, Predicate::LocatedIn, &n2, i);
        }
        // `Iraqi forces in Mosul`, `businesses working in Tashkent`, `the defeat of ISIL in
        // Iraq`, `a mosque in northern Iraq`: a phrase with a place.
        if v.eq_any(i, &["in", "inside", "near", "across", "at", "throughout"])
            && i > 0
            && let Some(pm) = place_after(v, a, i + 1)
        {
            if v.eq(i, "in") && described_place(&mut cx, i) {
                cheap_patterns(&mut cx, i, n);
                continue;
            }
            let mut k = i - 1;
            // `militants believed to be inside Mosul`: the phrase before the hedge.
            if k >= 3
                && v.eq(k, "be")
                && v.eq(k - 1, "to")
                && v.eq_any(k - 2, &["believed", "thought", "said", "reported", "known"])
            {
                k -= 2;
            }
            let active = v.eq_any(
                k,
                &[
                    "working",
                    "living",
                    "operating",
                    "based",
                    "fighting",
                    "stationed",
                    "deployed",
                    "believed",
                    "thought",
                    "said",
                    "reported",
                    "known",
                ],
            ) && (k + 1 == i || v.eq(k + 1, "to"));
            // `located`, `posted` only after an auxiliary (`was posted in Basra`; not `Brazil's
            // mine located in Amapa`, which places the mine).
            let placed = v.eq_any(k, &["located", "situated", "posted"]);
            let def_k = if (active || placed) && k > 0 { k - 1 } else { k };
            if k > 1 && (active || placed && v.toks[k - 1].m.is_none() && v.toks[k - 1].is(wc::BE))
            {
                k -= 1;
                // `Qanbar was posted in Basra`: the subject before the auxiliaries.
                while k > 0 && v.toks[k].m.is_none() && v.toks[k].is(wc::BE | wc::HAVE | wc::ADV) {
                    k -= 1;
                }
            }
            // `Hibhib is a village in northern Iraq`, `X is a mosque located in Y`: a
            // definition places its subject, not the indefinite noun that classifies it.
            if let Some(d) = v.np_left(a, def_k, 0)
                && v.eq_any(d.first, &["a", "an"])
                && d.first >= 2
                && v.toks[d.first - 1].is(wc::BE)
                && v.toks[d.first - 1].m.is_none()
            {
                if let Some(s) = v.np_left(a, d.first - 2, 0).filter(|s| {
                    !s.pronoun
                        && s.mention.is_some_and(|m| {
                            !matches!(
                                a.mentions[m as usize].label,
                                MentionLabel::Gpe | MentionLabel::Loc
                            ) || may_lie_in(a, m, pm)
                        })
                }) && let Some(sa) = cx.arg(&s)
                {
                    let person = s
                        .mention
                        .is_some_and(|m| a.mentions[m as usize].label == MentionLabel::Person);
                    let pred = if person { Predicate::PresentIn } else { Predicate::LocatedIn };
                    let mut places = Vec::new();
                    v.coordinated_right(a, v.np_for_mention(a, pm), n, &mut places);
                    for p in &places {
                        if let Some(pa) = place_arg(v, a, p) {
                            cx.push(&sa, pred, &pa, None, i, v.span(s.first, p.last));
                        }
                    }
                }
                cheap_patterns(&mut cx, i, n);
                continue;
            }
            // Not the object of a preposition other than `of` (`talks with Putin in Moscow`
            // places the talks, not Putin).
            // `strikes against ISIL in Iraq` places ISIL.
            // `resistance from militants believed to be inside Mosul`, `a strike on fighters
            // operating in X`: a participle places the phrase it follows.
            // A building is where it is said to be, whatever governs it (`at the Iraqi Museum in
            // Baghdad`, `a strike on a hospital in Aleppo`).
            let free = |g: &Np| {
                active
                    || facility(v, g.head)
                    || g.first == 0
                    || !v.toks[g.first - 1].is(wc::PREP)
                    || v.eq_any(g.first - 1, &["of", "against"])
                    || v.toks[g.first - 1].is(wc::SUB)
            };
            let pn = v.np_for_mention(a, pm);
            // `the defeat of ISIL in Iraq`: the name before the preposition when the phrase
            // it ends is headed by no actor.
            let g = match v.np_left(a, k, 0).filter(|g| g.actor) {
                // `to counter ISIL's campaign in Iraq`: a phrase read from an infinitive's verb
                // is no object of `to`; its named modifier is placed.
                Some(g) if !free(&g) && v.eq(g.first - 1, "to") => named_modifier(v, a, k),
                g => g
                    .or_else(|| v.toks[k].m.map(|m| v.np_for_mention(a, m)).filter(|g| g.last == k))
                    .or_else(|| named_modifier(v, a, k)),
            };
            // `Abu X, an ISIL leader in Raqqah`: the person the apposition describes.
            let g = g.map(|g| {
                (v.eq_any(g.first, &["a", "an"]) && g.first >= 2 && v.word(g.first - 1) == ",")
                    .then(|| person_at(v, a, g.first - 2))
                    .flatten()
                    .unwrap_or(g)
            });
            if let Some(g) = g.filter(|g| {
                g.actor
                    && !g.pronoun
                    // A place names no actor, unless it modifies a group's head (`U.S. service
                    // troops in Syria`).
                    && g.mention.is_none_or(|m| {
                        !matches!(
                            a.mentions[m as usize].label,
                            MentionLabel::Gpe | MentionLabel::Loc
                        ) || v.toks[g.head].m.is_none() && v.toks[g.head].is(wc::GROUP | wc::CROWD)
                    })
                    && free(g)
            }) && let Some(ga) = cx.arg(&g)
            {
                let armed = g.sector.is_some()
                    || v.toks[g.head].is(wc::GROUP | wc::CROWD)
                    || g.mention
                        .is_some_and(|m| a.mentions[m as usize].label == MentionLabel::Person);
                let pred = if armed { Predicate::PresentIn } else { Predicate::LocatedIn };
                // `ISIL terrorists in Syria and Iraq`: every place of the list.
                let mut places = Vec::new();
                v.coordinated_right(a, pn, n, &mut places);
                for p in &places {
                    if let Some(pa) = place_arg(v, a, p) {
                        cx.push(&ga, pred, &pa, None, i, v.span(g.first, p.last));
                    }
                }
            } else if let Some(g) = v.np_left(a, k, 0).filter(|g| {
                g.mention.is_none()
                    && free(g)
                    && (facility(v, g.head) || materiel(v, g.head) || v.toks[g.head].is(wc::CROWD))
            }) && let Some(pa) = place_arg(v, a, &pn)
            {
                // A building or a crowd is no name: the phrase itself is the argument; every
                // place of a list (`700 employees across Iraq, Lebanon and Jordan`).
                let pred = if v.toks[g.head].is(wc::CROWD) {
                    Predicate::PresentIn
                } else {
                    Predicate::LocatedIn
                };
                let ga = phrase_arg(v, &g);
                cx.push(&ga, pred, &pa, None, i, v.span(g.first, pn.last));
                let mut places = Vec::new();
                v.coordinated_right(a, pn, n, &mut places);
                for p in places.iter().skip(1) {
                    if let Some(pa2) = place_arg(v, a, p) {
                        cx.push(&ga, pred, &pa2, None, i, v.span(g.first, p.last));
                    }
                }
            }
        }
        cheap_patterns(&mut cx, i, n);
    }
}

/// `Near Mosul, three strikes engaged ISIL units`, `In Syria, the SDF has made progress`: a
/// fronted place phrase places the organisations its clause names (up to a reporting verb).
fn fronted_place(cx: &mut Ctx, n: usize) {
    let v = cx.v;
    let a = cx.a;
    // `Additionally in Iraq, ...`: an adverb may come first.
    let p0 = if n > 0 && v.toks[0].is(wc::ADV) && !v.toks[0].is(wc::PREP) { 1 } else { 0 };
    if n < p0 + 4 || !v.eq_any(p0, &["near", "in", "outside", "around", "inside"]) {
        return;
    }
    let Some(pm) = place_after(v, a, p0 + 1) else { return };
    let pn = v.np_for_mention(a, pm);
    if !v.eq(pn.last + 1, ",") || pn.last + 2 >= n {
        return;
    }
    let Some(pa) = place_arg(v, a, &pn) else { return };
    let start = pn.last + 2;
    let mut k = start;
    while k < n {
        let t = v.toks[k];
        if t.is(wc::REPORT) || v.word(k) == ":" {
            break;
        }
        if let Some(m) = t.m
            && a.mentions[m as usize].label == MentionLabel::Org
            && (k == 0 || v.toks[k - 1].m != Some(m))
        {
            let on = v.np_for_mention(a, m);
            cx.push(&v.argument(&on), Predicate::PresentIn, &pa, None, k, v.span(0, on.last));
        }
        // The things the clause engages or destroys there (`destroyed two vehicles`).
        let ends = k + 1 >= n || !v.nominal(k + 1) || v.toks[k + 1].punct;
        if t.m.is_none()
            && ends
            && (materiel(v, k) || facility(v, k))
            && let Some(np) = v.np_left(a, k, start)
        {
            let arg = phrase_arg(v, &np);
            cx.push(&arg, Predicate::LocatedIn, &pa, None, k, v.span(0, np.last));
        }
        k += 1;
    }
}

/// What a strike does to its target (`one strike engaged a unit and destroyed a tank`).
const STRIKE_VERBS: &[&str] =
    &["engaged", "destroyed", "damaged", "disabled", "targeted", "hit", "struck", "suppressed"];

/// A phrase naming strikes (`five strikes`, `a U.S. airstrike`, `coalition air strikes`).
fn strike_noun(v: &View, i: usize) -> bool {
    v.eq_any(i, &["strike", "strikes", "airstrike", "airstrikes", "raid", "raids"])
}

/// `Near X, five strikes engaged two ISIL units; destroyed a tank and a VBIED`: a strike fights
/// each unit, position or piece of materiel it engages, destroys or hits. The subject of a later
/// verb of the same report (`; destroyed`, `and destroyed`) is the strikes named first.
fn strike_report(cx: &mut Ctx, i: usize, n: usize, strikes: &mut Option<Np>) {
    let v = cx.v;
    let a = cx.a;
    let mut j = i;
    while j > 0 && v.toks[j - 1].is(wc::ADV | wc::HAVE) {
        j -= 1;
    }
    if j == 0 {
        return;
    }
    let own = v.np_left(a, j - 1, 0).filter(|s| strike_noun(v, s.head) && !s.pronoun);
    let s = match own {
        Some(s) => {
            *strikes = Some(s);
            s
        }
        None if v.eq_any(j - 1, &["and", ";", ","]) => match *strikes {
            Some(s) => s,
            None => return,
        },
        None => return,
    };
    let sa = phrase_arg(v, &s);
    let mut k = i + 1;
    while let Some(o) = v.np_right(a, k, n) {
        // Targets are units, positions, materiel, buildings or named actors (not `production`,
        // which a labour strike hits).
        let target = materiel(v, o.head)
            || facility(v, o.head)
            || v.toks[o.head].is(wc::GROUP | wc::CROWD)
            || o.mention.is_some();
        if target && !o.pronoun {
            let named = o.mention.is_some() && v.toks[o.head].m == o.mention;
            let oa = if named { cx.arg(&o) } else { Some(phrase_arg(v, &o)) };
            if let Some(oa) = oa {
                cx.push(&sa, Predicate::Fights, &oa, None, i, v.span(s.first, o.last));
            }
        }
        // The rest of the list (`A, B, and C`); another verb starts its own list.
        let mut c = o.last + 1;
        if v.eq(c, ",") {
            c += 1;
        }
        if v.eq(c, "and") {
            c += 1;
        }
        if c == o.last + 1 || c >= n || v.eq_any(c, STRIKE_VERBS) {
            break;
        }
        k = c;
    }
}

/// Military materiel and positions: what a strike report places (`Near X, one strike destroyed a
/// vehicle and a fighting position`). Not the strikes themselves: a strike is an act, not a
/// thing placed (`In Syria, coalition forces conducted 15 strikes`).
fn materiel(v: &View, i: usize) -> bool {
    v.eq_any(
        i,
        &[
            "vehicle",
            "vehicles",
            "tank",
            "tanks",
            "weapon",
            "weapons",
            "position",
            "positions",
            "mortar",
            "mortars",
            "launcher",
            "launchers",
            "gun",
            "guns",
            "artillery",
            "tunnel",
            "tunnels",
            "entrance",
            "entrances",
            "node",
            "nodes",
            "cache",
            "caches",
            "depot",
            "depots",
            "route",
            "routes",
            "systems",
            "team",
            "teams",
            "loader",
            "loaders",
            "grenades",
            "bombs",
            "ied",
            "ieds",
            "vbied",
            "vbieds",
            "boat",
            "boats",
            "aircraft",
            "equipment",
            "munitions",
            "rockets",
            "missiles",
        ],
    )
}

/// Patterns anchored on names, possessives, titles and commas (tried for every such token).
fn cheap_patterns(cx: &mut Ctx, i: usize, n: usize) {
    let v = cx.v;
    let a = cx.a;
    let t = v.toks[i];
    // Possessive groups: `his Libyan Arab Armed Forces group`, `X's forces`.
    if t.is(wc::POSS) && !v.eq(i, "whose") || matches!(v.word(i), "'s" | "\u{2019}s") {
        let owner = if t.is(wc::POSS) {
            Some(v.read_np(a, i, i))
        } else if i > 0 {
            v.np_left(a, i - 1, 0)
        } else {
            None
        };
        if let Some(ow) = owner.filter(|o| {
            o.mention.is_some_and(|m| a.mentions[m as usize].label == MentionLabel::Person)
                || o.pronoun && v.toks[o.head].is(wc::PERSONAL)
        }) && let Some(g) = v.np_right(a, i + 1, n)
            && v.toks[g.head].is(wc::GROUP)
            && g.mention.is_none_or(|m| a.mentions[m as usize].label == MentionLabel::Org)
        {
            let ga = v.argument(&g);
            let oa = v.argument(&ow);
            cx.push(&oa, Predicate::Leads, &ga, None, i, v.span(ow.first, g.last));
        }
        // `Al-Qaida's fighter network`, `NAVCENT's Task Force 50`: an organisation in charge of
        // its own body (not of its people: `ISIL's fighters`).
        if let Some(ow) = owner.filter(|o| {
            !o.pronoun
                && o.mention.is_some_and(|m| {
                    a.mentions[m as usize].label == MentionLabel::Org && v.toks[o.head].m == Some(m)
                })
        }) && matches!(v.word(i), "'s" | "\u{2019}s")
            && let Some(g) = v.np_right(a, i + 1, n)
            && g.mention != ow.mention
            && (v.toks[g.head].is(wc::GROUP)
                && !v.toks[g.head].is(wc::CROWD)
                && !v.eq_any(
                    g.head,
                    &[
                        "forces",
                        "force",
                        "troops",
                        "fighters",
                        "men",
                        "soldiers",
                        "personnel",
                        "militants",
                        "supporters",
                        "loyalists",
                        "rebels",
                        "government",
                    ],
                )
                || g.mention.is_some_and(|m| {
                    a.mentions[m as usize].label == MentionLabel::Org && v.toks[g.head].m == Some(m)
                }))
        {
            let (oa, ga) = (v.argument(&ow), v.argument(&g));
            cx.push(&oa, Predicate::Leads, &ga, None, i, v.span(ow.first, g.last));
        }
        // `Baghdad's popular Karrada neighbourhood`, `Syria's Idlib province`: a place's place.
        if let Some(ow) = owner
            && let Some(om) = ow.mention
            && matches!(a.mentions[om as usize].label, MentionLabel::Gpe | MentionLabel::Loc)
            && let Some(pm) = (i + 1..n.min(i + 4))
                .take_while(|&x| v.toks[x].m.is_none() || v.place_mention(a, x).is_some())
                .find_map(|x| v.place_mention(a, x))
            && pm != om
            && may_lie_in(a, pm, om)
        {
            let pn = v.np_for_mention(a, pm);
            cx.push_nps(&pn, Predicate::LocatedIn, &ow, i);
        }
        // `Lebanon's Hezbollah movement`, `Iraq's Ministry of Culture`: a country's body.
        if let Some(ow) = owner.filter(|o| {
            o.mention.is_some_and(|m| a.mentions[m as usize].label == MentionLabel::Gpe)
        }) && let Some(om) = v.toks.get(i + 1).and_then(|t| t.m)
            && a.mentions[om as usize].label == MentionLabel::Org
        {
            let on = v.np_for_mention(a, om);
            cx.push_nps(&on, Predicate::AffiliatedWith, &ow, i);
        }
    }
    // `Karrada, Baghdad`, `Mosul, Nineveh province, Iraq`: a place, a comma, the place it lies
    // in (a chain of places, not a list: no `and`/`or` among them). `Anbar province, Iraq`: a
    // place noun after the name.
    if v.word(i) == ","
        && i > 0
        && let Some(a1) = v.place_mention(a, i - 1).or_else(|| {
            (i > 1 && v.toks[i - 1].is(wc::PLACE) && v.toks[i - 1].m.is_none())
                .then(|| v.place_mention(a, i - 2))
                .flatten()
        })
        && let Some(a2) = v.place_mention(a, i + 1)
        && a1 != a2
        && may_lie_in(a, a1, a2)
        // `Mosul, the country's second city`, `Raqqah, ISIL's capital`: a description of the
        // same place, not the place it lies in.
        && !described(&a.mentions[a2 as usize].text)
    {
        let n2 = v.np_for_mention(a, a2);
        let n1 = v.np_for_mention(a, a1);
        // The whole comma-separated run of places around this comma.
        let mut list = false;
        let mut after = n2.last + 1;
        while after + 1 < n && v.word(after) == "," {
            // (`Iraq, Lebanon, the United Arab Emirates and Jordan`.)
            let next = v.place_mention(a, after + 1).or_else(|| {
                (after + 2 < n && v.toks[after + 1].is(wc::DET))
                    .then(|| v.place_mention(a, after + 2))
                    .flatten()
            });
            match next {
                Some(m) => after = v.np_for_mention(a, m).last + 1,
                None => break,
            }
        }
        if after < n && v.eq_any(after, &["and", "or"]) {
            list = true;
        }
        let mut before = n1.first;
        while before >= 2 && v.word(before - 1) == "," {
            match v.place_mention(a, before - 2) {
                Some(m) => before = v.np_for_mention(a, m).first,
                None => break,
            }
        }
        if before >= 1 && v.toks[before - 1].is(wc::CONJ) {
            list = true;
        }
        // `Karrada, Baghdad.` ends there or goes on with a comma or a preposition, not a verb.
        let ends = after >= n
            || v.toks[after].punct
            || v.toks[after].is(wc::PREP)
            || v.eq_any(after, &["where", "which"]);
        let list = list || !ends;
        if !list {
            cx.push_nps(&n1, Predicate::LocatedIn, &n2, i);
        }
    }
    // Leadership titles before a name: `<ORG> leader X`, `leader X` after the ORG.
    if t.is(wc::LEAD) && t.m.is_none() && i + 1 < n && !v.eq(i + 1, "of") {
        let person =
            v.toks[i + 1].m.filter(|&m| a.mentions[m as usize].label == MentionLabel::Person);
        if let Some(pm) = person {
            let org = (0..i).rev().take_while(|&x| v.word(x) != ";").find_map(|x| {
                v.toks[x].m.filter(|&m| a.mentions[m as usize].label == MentionLabel::Org)
            });
            if let Some(om) = org {
                let p = v.np_for_mention(a, pm);
                let o = v.np_for_mention(a, om);
                let ev = v.span(o.first, p.last);
                cx.push(
                    &v.argument(&p),
                    Predicate::Leads,
                    &v.argument(&o),
                    Some(v.word(i).to_string()),
                    i,
                    ev,
                );
            }
        }
    }
    // `leader of X`: the person before (`X, leader of Y`) or after (`leader of Y X`).
    if t.is(wc::LEAD)
        && t.m.is_none()
        && v.eq(i + 1, "of")
        && let Some(o) = v.np_right(a, i + 2, n).filter(|o| {
            o.mention.is_some_and(|m| a.mentions[m as usize].label == MentionLabel::Org)
        })
    {
        let before = (0..i).rev().take(4).find_map(|x| {
            v.toks[x].m.filter(|&m| a.mentions[m as usize].label == MentionLabel::Person)
        });
        let after = v
            .toks
            .get(o.last + 1)
            .and_then(|x| x.m)
            .filter(|&m| a.mentions[m as usize].label == MentionLabel::Person);
        if let Some(pm) = before.or(after) {
            let p = v.np_for_mention(a, pm);
            cx.push(
                &v.argument(&p),
                Predicate::Leads,
                &v.argument(&o),
                Some(v.word(i).to_string()),
                i,
                v.span(i.min(p.first), o.last.max(p.last)),
            );
        }
    }
    // Affiliation: `Russian mercenary group Wagner`, `Russia's state news agency Tass`.
    if let Some(m) = t.m
        && a.mentions[m as usize].label == MentionLabel::Org
        && (i == 0 || v.toks[i - 1].m != Some(m))
    {
        let mut k = i;
        let mut descr_first = i;
        while k > 0 {
            let x = k - 1;
            let tx = v.toks[x];
            if tx.m.is_some()
                || tx.cap
                || tx.punct
                || tx.is(wc::DET | wc::PREP | wc::VERB | wc::LIGHT | wc::REPORT)
            {
                break;
            }
            descr_first = x;
            k = x;
        }
        let descr_ok = descr_first < i
            && (descr_first..i).any(|x| {
                v.toks[x].is(wc::GROUP)
                    || v.toks[x].sector.is_some()
                    || v.eq_any(x, &["agency", "company", "broadcaster", "outlet", "firm"])
            });
        if descr_ok && descr_first > 0 {
            let mut g = descr_first - 1;
            if matches!(v.word(g), "'s" | "\u{2019}s") && g > 0 {
                g -= 1;
            }
            if let Some(gm) = v.toks[g].m
                && matches!(a.mentions[gm as usize].label, MentionLabel::Gpe | MentionLabel::Norp)
            {
                let gn = v.np_for_mention(a, gm);
                let on = v.np_for_mention(a, m);
                let title = v.text
                    [v.span(descr_first, i - 1).start..v.span(descr_first, i - 1).end]
                    .to_string();
                cx.push(
                    &v.argument(&on),
                    Predicate::AffiliatedWith,
                    &v.argument(&gn),
                    Some(title),
                    i,
                    v.span(g, on.last),
                );
            }
        }
        // Seat: `<government-like ORG> in <place>`.
        let last = (i..n).take_while(|&x| v.toks[x].m == Some(m)).last().unwrap_or(i);
        let name = a.mentions[m as usize].text.to_ascii_lowercase();
        let govlike = [
            "government",
            "ministry",
            "council",
            "parliament",
            "administration",
            "assembly",
            "court",
            "university",
            "bank",
            "company",
            "authority",
            "house of",
        ]
        .iter()
        .any(|g| name.contains(g));
        if govlike
            && v.eq(last + 1, "in")
            && let Some(pm) = v.place_mention(a, last + 2).or_else(|| {
                if v.toks.get(last + 2).is_some_and(|t| t.is(wc::DET)) {
                    v.place_mention(a, last + 3)
                } else {
                    None
                }
            })
        {
            let on = v.np_for_mention(a, m);
            let pn = v.np_for_mention(a, pm);
            cx.push_nps(&on, Predicate::LocatedIn, &pn, i);
        }
    }
}

/// A mention that describes rather than names (`the country's second-largest city`, `ISIL's
/// self-proclaimed capital`): lower-case first, or with a possessive.
fn described(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
        || text.contains("'s ")
        || text.contains("\u{2019}s ")
}

/// Can place mention `inner` lie in place mention `outer`? Not when `inner` is a country or an
/// intergovernmental body, nor when both are known and `outer` is a country other than the one
/// `inner` lies in.
fn may_lie_in(a: &Analysis, inner: u32, outer: u32) -> bool {
    let geo = |m: u32| {
        a.mentions[m as usize]
            .entity
            .and_then(|e| a.entities.get(e as usize))
            .and_then(|e| e.geo.as_ref())
    };
    let (gi, go) = (geo(inner), geo(outer));
    if gi.is_some_and(|g| matches!(g.feature.as_str(), "country" | "igo" | "continent")) {
        return false;
    }
    match (gi, go) {
        (Some(gi), Some(go)) if go.feature == "country" => {
            gi.country.is_none() || gi.country == go.country
        }
        _ => true,
    }
}

/// The noun phrase a hyphenated modifier at `i` modifies; for `Y's X-backed forces`, Y.
fn modified_np(v: &View, a: &Analysis, i: usize) -> Option<Np> {
    let np = v.np_right(a, i + 1, v.len())?;
    // `the Tripoli government's Turkish-backed armed forces`: the possessor is who is backed.
    if i >= 2 && matches!(v.word(i - 1), "'s" | "\u{2019}s") && v.toks[np.head].is(wc::GROUP) {
        let mut owner = v.np_left(a, i - 2, 0)?;
        owner.first = (0..=owner.first)
            .rev()
            .find(|&x| !v.toks[x].is(wc::DET))
            .map_or(owner.first, |x| x + 1)
            .min(owner.first);
        return Some(owner);
    }
    Some(np)
}

/// Group nouns whose listed parts are members (`coalition nations include A, B and C`).
fn grouping(v: &View, a: &Analysis, np: &Np) -> bool {
    v.toks[np.head].is(wc::GROUP)
        || v.eq_any(
            np.head,
            &[
                "nations",
                "countries",
                "states",
                "members",
                "partners",
                "allies",
                "groups",
                "organisations",
                "organizations",
                "agencies",
                "bodies",
                "participants",
            ],
        )
        || np.mention.is_some_and(|m| {
            a.mentions[m as usize].label == MentionLabel::Org && np.arg_last == np.head
        })
}

/// `Coalition nations ... include A, B and C`: members of a group; `towns in northern Iraq
/// including A and B`: places in a place.
fn includes(cx: &mut Ctx, i: usize, n: usize) {
    let v = cx.v;
    let a = cx.a;
    let participle = v.eq(i, "including");
    let whole = if participle {
        let mut k = i;
        if k > 0 && v.word(k - 1) == "," {
            k -= 1;
        }
        if k == 0 {
            return;
        }
        v.np_left(a, k - 1, 0)
    } else {
        // The clause's subject, over a relative clause (`nations which have struck include`).
        let rel = (0..i)
            .rev()
            .take_while(|&x| !matches!(v.word(x), ";" | ":") && !v.toks[x].is(wc::REPORT))
            .find(|&x| v.eq_any(x, &["which", "who", "that"]));
        let mut x = rel.unwrap_or(i);
        if x > 0 && v.word(x - 1) == "," {
            x -= 1;
        }
        while x > 0 && v.toks[x - 1].is(wc::ADV | wc::HAVE | wc::MODAL) {
            x -= 1;
        }
        if x == 0 {
            return;
        }
        v.np_left(a, x - 1, 0)
    };
    let Some(whole) = whole else { return };
    let Some(first) = v.np_right(a, i + 1, n) else { return };
    let mut parts = Vec::new();
    v.coordinated_right(a, first, n, &mut parts);
    // Places: the phrase's place (`key towns in northern Iraq`) or the place itself.
    let place = whole.inner_place.or_else(|| {
        whole.mention.filter(|&m| {
            matches!(a.mentions[m as usize].label, MentionLabel::Gpe | MentionLabel::Loc)
        })
    });
    if let Some(pm) = place {
        let pn = v.np_for_mention(a, pm);
        let Some(pa) = place_arg(v, a, &pn) else { return };
        for p in &parts {
            if let Some(inner) = p.mention
                && inner != pm
                && matches!(a.mentions[inner as usize].label, MentionLabel::Gpe | MentionLabel::Loc)
                && may_lie_in(a, inner, pm)
                && let Some(ia) = place_arg(v, a, p)
            {
                cx.push(&ia, Predicate::LocatedIn, &pa, None, i, v.span(whole.first, p.last));
            }
        }
        return;
    }
    if !whole.actor || whole.pronoun || !grouping(v, a, &whole) {
        return;
    }
    let wa = v.argument(&whole);
    for p in &parts {
        if p.actor
            && !p.pronoun
            && let Some(pa) = cx.arg(p)
        {
            cx.push(&pa, Predicate::MemberOf, &wa, None, i, v.span(whole.first.min(i), p.last));
        }
    }
}

/// Titles of office and rank (the LEAD class adds `leader`, `chief`, `commander`...).
fn title_word(v: &View, i: usize) -> bool {
    v.eq_any(
        i,
        &[
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "director",
            "minister",
            "secretary",
            "officer",
            "official",
            "ambassador",
            "envoy",
            "adviser",
            "advisor",
            "president",
            "analyst",
            "researcher",
            "correspondent",
            "editor",
            "professor",
            "representative",
            "governor",
            "mayor",
            "captain",
            "colonel",
            "general",
            "admiral",
            "lieutenant",
            "sergeant",
            "member",
            "employee",
            "deputy",
            "coordinator",
            "administrator",
        ],
    )
}

fn org_np(a: &Analysis, np: &Np) -> bool {
    np.mention.is_some_and(|m| a.mentions[m as usize].label == MentionLabel::Org)
}

fn person_at(v: &View, a: &Analysis, i: usize) -> Option<Np> {
    let m = v.toks.get(i)?.m?;
    (a.mentions[m as usize].label == MentionLabel::Person).then(|| v.np_for_mention(a, m))
}

/// A person and the organisation a title places them in: `X, deputy director of Y`, `X, Y's
/// spokesman`, `a spokesman for Y, X`, `X, commander, Y`. A title of leadership (without
/// `deputy`/`vice`/`assistant`) makes it LEADS, any other MEMBER_OF.
fn titled(cx: &mut Ctx, i: usize, n: usize) {
    let v = cx.v;
    let a = cx.a;
    // The title phrase: modifiers before the title word, back to a comma or a determiner.
    let mut first = i;
    while first > 0
        && first + 5 > i
        && v.toks[first - 1].m.is_none()
        && !v.toks[first - 1].punct
        && !v.toks[first - 1].is(wc::VERB | wc::REPORT | wc::BE | wc::PREP | wc::CONJ)
    {
        first -= 1;
    }
    let mut org: Option<Np> = None;
    let mut last = i;
    if v.eq_any(i + 1, &["of", "at", "for", "with", "in"]) {
        org = v.np_right(a, i + 2, n).filter(|o| org_np(a, o));
        last = org.map_or(i, |o| o.last);
    } else if v.eq(i + 1, ",") {
        org = v.np_right(a, i + 2, n).filter(|o| org_np(a, o) && o.first == i + 2);
        last = org.map_or(i, |o| o.last);
    }
    // `Y's deputy director`.
    if org.is_none()
        && let Some(p) =
            (i.saturating_sub(5)..i).rev().find(|&x| matches!(v.word(x), "'s" | "\u{2019}s"))
        && p > 0
    {
        org = v.np_left(a, p - 1, 0).filter(|o| org_np(a, o));
        if org.is_some() {
            first = org.map_or(first, |o| o.first);
        }
    }
    // `X, an ISIL commander`: the organisation names the title.
    if org.is_none()
        && first > 0
        && let Some(m) = v.toks[first - 1].m
        && a.mentions[m as usize].label == MentionLabel::Org
    {
        let o = v.np_for_mention(a, m);
        if o.last + 1 == first {
            first = o.first;
            org = Some(o);
        }
    }
    let Some(o) = org else { return };
    // The person: before the title after a comma, or after the organisation after a comma.
    let mut f = first;
    while f > 0 && v.toks[f - 1].is(wc::DET) {
        f -= 1;
    }
    // `a commander of Y` is one among several: a member.
    let one_of = (f..i).any(|x| v.eq_any(x, &["a", "an"]));
    let before = (f >= 2 && v.word(f - 1) == ",").then(|| person_at(v, a, f - 2)).flatten();
    // `a spokesman for the UN High Commissioner for Human Rights, Rupert Colville`: the
    // organisation's name may run on past its mention to the comma.
    let comma = (last + 1..(last + 8).min(n)).find(|&c| {
        v.word(c) == ","
            || v.toks[c].punct
            || v.toks[c].is(wc::VERB | wc::REPORT | wc::BE | wc::CONJ)
            || v.toks[c].m.is_some_and(|m| a.mentions[m as usize].label == MentionLabel::Person)
    });
    let comma = comma.filter(|&c| v.word(c) == ",");
    let after = comma.and_then(|c| person_at(v, a, c + 1));
    // `Qanbar was a commander in the navy`, `He is the director of X`: the copula's subject (a
    // person, or a pronoun coreference resolved).
    let copula = (f >= 2 && v.toks[f - 1].is(wc::BE) && v.toks[f - 1].m.is_none())
        .then(|| v.np_left(a, f - 2, 0))
        .flatten()
        .filter(|s| {
            s.last == f - 2
                && (s.pronoun && s.entity.is_some() && v.toks[s.head].is(wc::PERSONAL)
                    || s.mention.is_some_and(|m| {
                        a.mentions[m as usize].label == MentionLabel::Person
                            && v.toks[s.head].m == Some(m)
                    }))
        });
    let Some(p) = before.or(after).or(copula) else { return };
    let junior = (first..i).any(|x| v.eq_any(x, &["deputy", "vice", "assistant", "acting"]));
    let lead = v.toks[i].is(wc::LEAD) || v.eq_any(i, &["president", "governor"]);
    let pred = if lead && !junior && !one_of { Predicate::Leads } else { Predicate::MemberOf };
    let (pa, oa) = (v.argument(&p), v.argument(&o));
    let title = Some(v.text[v.span(first, i).start..v.span(first, i).end].to_string());
    cx.push(&pa, pred, &oa, title, i, v.span(p.first.min(first), o.last.max(p.last)));
}

/// Membership: `airmen from the 507th Wing`, `Turkey within NATO`, `X was assigned to Y`,
/// `X, as part of Y`.
fn belongs(cx: &mut Ctx, i: usize, n: usize) {
    let v = cx.v;
    let a = cx.a;
    if i == 0 {
        return;
    }
    let (member, whole) = if v.eq_any(i, &["from", "within"]) {
        let whole = v
            .np_right(a, i + 1, n)
            .filter(|o| org_np(a, o) && !o.pronoun && !v.toks[o.first].is(wc::POSS));
        let mut k = i - 1;
        if v.eq(i, "from") && v.eq_any(k, &["visiting", "deployed", "drawn"]) && k > 0 {
            k -= 1;
            // `300 Airmen, deployed from the 158th Wing`.
            if v.word(k) == "," && k > 0 {
                k -= 1;
            }
        }
        // The phrase ending right before (`the guidance of [heritage experts] from X`).
        let member = match v.toks[k].m {
            Some(mm) if v.np_for_mention(a, mm).last == k => Some(v.np_for_mention(a, mm)),
            _ => v.np_left(a, k, 0),
        };
        let member = member.filter(|m| {
            !m.pronoun
                && (v.toks[m.head].is(wc::GROUP | wc::CROWD)
                    || v.eq_any(m.head, &["aircraft"])
                    || v.eq_any(m.head, MEMBER_NOUNS)
                    || m.mention.is_some_and(|x| {
                        matches!(a.mentions[x as usize].label, MentionLabel::Person)
                            || v.eq(i, "within")
                                && matches!(
                                    a.mentions[x as usize].label,
                                    MentionLabel::Gpe | MentionLabel::Org
                                )
                    }))
        });
        (member, whole)
    } else if v.eq(i, "assigned") && v.eq(i + 1, "to") {
        let whole = v
            .np_right(a, i + 2, n)
            .filter(|o| org_np(a, o) && !o.pronoun && !v.toks[o.first].is(wc::POSS));
        let mut k = i - 1;
        while k > 0 && v.toks[k].is(wc::BE | wc::ADV | wc::HAVE) {
            k -= 1;
        }
        // `X, who was supporting Y, was assigned to Z`: the subject over the relative clause.
        let member =
            if v.word(k) == "," { relation_subject(v, a, i, None) } else { v.np_left(a, k, 0) };
        (member.filter(|m| m.actor && usable(m)), whole)
    } else if v.eq(i, "part") && v.eq(i + 1, "of") {
        let whole = v
            .np_right(a, i + 2, n)
            .filter(|o| org_np(a, o) && !o.pronoun && !v.toks[o.first].is(wc::POSS));
        // `X, as part of Y`, `X is working as part of Y`: the clause's subject.
        let k = if v.eq(i - 1, "as") { i - 1 } else { i };
        // In a relative clause (`the squadron, which will fly missions as part of Y`), the
        // phrase the relative pronoun stands for.
        let rel = (k.saturating_sub(15)..k)
            .rev()
            .take_while(|&x| v.word(x) != ",")
            .find(|&x| v.eq_any(x, &["which", "who"]))
            .filter(|&x| x >= 2 && v.word(x - 1) == ",");
        let member = if k >= 2 && v.word(k - 1) == "," {
            v.np_left(a, k - 2, 0)
        } else if let Some(r) = rel {
            v.np_left(a, r - 2, 0)
        } else {
            first_actor(v, a, k)
        };
        (member.filter(|m| m.actor && usable(m)), whole)
    } else {
        return;
    };
    if let (Some(m), Some(w)) = (member, whole)
        // `heritage experts from WMF`, `RAF airmen from the 2nd Wing`: a phrase whose head
        // names no one is its own argument.
        && let Some(ma) = if v.eq_any(m.head, MEMBER_NOUNS) && !m.pronoun && v.toks[m.head].m.is_none() {
            Some(phrase_arg(v, &m))
        } else {
            cx.arg(&m)
        }
        && let Some(wa) = cx.arg(&w)
    {
        cx.push(&ma, Predicate::MemberOf, &wa, None, i, v.span(m.first.min(i), w.last));
    }
}

/// The people or units an organisation is made of (`70 members of the tribe`, `ministers of the
/// Coalition`, `students of X University`, `officials from the ministry`).
const MEMBER_NOUNS: &[&str] = &[
    "members",
    "fighters",
    "soldiers",
    "troops",
    "officials",
    "officers",
    "ministers",
    "students",
    "employees",
    "staff",
    "personnel",
    "militants",
    "commanders",
    "representatives",
    "delegates",
    "experts",
    "operatives",
    "volunteers",
    "recruits",
    "airmen",
    "sailors",
    "marines",
    "diplomats",
    "units",
    "elements",
];

/// `70 members of the Al Bu Nimr tribe`, `foreign ministers of the Coalition`, `students of X
/// University`: the phrase (a name, or the phrase itself) is a member of the organisation.
fn members_of(cx: &mut Ctx, i: usize, n: usize) {
    let v = cx.v;
    let a = cx.a;
    let Some(whole) = v.np_right(a, i + 1, n).filter(|o| org_np(a, o) && !o.pronoun) else {
        return;
    };
    let Some(member) = v.np_left(a, i - 1, 0).filter(|m| !m.pronoun && m.head == i - 1) else {
        return;
    };
    // `one of the members of X` is a member too; `the killing of members of X` names them.
    let ma = match member.mention {
        Some(m) if v.toks[member.head].m == Some(m) => cx.arg(&member),
        _ => Some(phrase_arg(v, &member)),
    };
    if let (Some(ma), Some(wa)) = (ma, cx.arg(&whole)) {
        cx.push(&ma, Predicate::MemberOf, &wa, None, i, v.span(member.first, whole.last));
    }
}

/// The rank of a military formation word (`battery` < `battalion` < `regiment` < `division`).
fn echelon(w: &str) -> Option<u8> {
    Some(match w.to_ascii_lowercase().as_str() {
        "squad" | "section" | "team" => 1,
        "platoon" | "flight" => 2,
        "company" | "battery" | "troop" => 3,
        "battalion" | "squadron" => 4,
        "regiment" | "group" | "wing" | "brigade" => 5,
        "division" => 6,
        "corps" | "fleet" => 7,
        "army" | "command" => 8,
        _ => return None,
    })
}

/// `2nd Battalion, 5th Special Forces Group`, `Abel Battery, 3rd Battalion`: a unit named
/// before a comma belongs to the larger formation named after it.
fn unit_chain(cx: &mut Ctx, i: usize) {
    let v = cx.v;
    let a = cx.a;
    let (Some(m1), Some(m2)) = (v.toks[i - 1].m, v.toks.get(i + 1).and_then(|t| t.m)) else {
        return;
    };
    let org = |m: u32| a.mentions[m as usize].label == MentionLabel::Org;
    if m1 == m2 || !org(m1) || !org(m2) {
        return;
    }
    let rank = |m: u32| a.mentions[m as usize].text.split_whitespace().last().and_then(echelon);
    if let (Some(e1), Some(e2)) = (rank(m1), rank(m2))
        && e1 < e2
    {
        let n1 = v.np_for_mention(a, m1);
        let n2 = v.np_for_mention(a, m2);
        cx.push_nps(&n1, Predicate::MemberOf, &n2, i);
    }
}

/// Nouns of fighting that take the enemy after `against` (`the fight against X`).
const FIGHT_NOUNS: &[&str] = &[
    "fight",
    "war",
    "campaign",
    "struggle",
    "operations",
    "operation",
    "offensive",
    "strikes",
    "airstrikes",
    "attacks",
    "battle",
    "efforts",
    "coalition",
    "fighting",
    "actions",
    "action",
    "resistance",
    "positions",
    "munitions",
    "missions",
    "defenses",
    "defences",
    "unite",
    "united",
    "violence",
    "atrocities",
    "raids",
    "assault",
    "bombing",
    "bombings",
];

/// Verbs whose object is an operation (`conducted 11 strikes`, `will fly strike missions`).
const CONDUCT: &[&str] = &[
    "conducted",
    "conducting",
    "conduct",
    "conducts",
    "launched",
    "launch",
    "launches",
    "launching",
    "carried",
    "flew",
    "fly",
    "flies",
    "flying",
    "flown",
    "waged",
    "wage",
    "wages",
    "waging",
    "mounted",
    "mount",
    "staged",
];

/// The noun of fighting whose enemy follows `against` at `i`: right before it, or the object of
/// a verb of conducting earlier in the clause (`X conducted 11 strikes, coordinated with Y,
/// using aircraft, against ISIL targets`).
fn fight_noun(v: &View, i: usize) -> Option<usize> {
    if v.eq_any(i - 1, FIGHT_NOUNS) {
        return Some(i - 1);
    }
    if !v.eq(i, "against") {
        return None;
    }
    let k = (i.saturating_sub(30)..i - 1)
        .rev()
        .take_while(|&x| {
            !matches!(v.word(x), ";" | ":")
                && !v.toks[x].is(wc::REPORT)
                && !v.eq_any(x, &["against", "said", "which", "who", "that"])
        })
        .find(|&x| {
            v.eq_any(x, &["strikes", "airstrikes", "attacks", "raids", "missions", "sorties"])
        })?;
    // The noun is the object of a verb of conducting (`conducted 11 strikes`).
    let mut j = k;
    while j > 0 && j + 4 > k && !v.eq_any(j - 1, CONDUCT) {
        j -= 1;
    }
    (j > 0 && v.eq_any(j - 1, CONDUCT)).then_some(k)
}

/// `X visited Turkey`, `X travelled to Berlin`, `X arrived in Baghdad`: X is present there.
fn travel(cx: &mut Ctx, i: usize, last: Option<Np>) {
    let v = cx.v;
    let a = cx.a;
    let object = if v.eq_any(i, &["visit", "visits", "visited", "visiting", "toured", "tours"]) {
        place_after(v, a, i + 1)
    } else if v.eq_any(
        i,
        &[
            "arrive",
            "arrives",
            "arrived",
            "travel",
            "travels",
            "travelled",
            "traveled",
            "fly",
            "flies",
            "flew",
            "came",
            "come",
            "comes",
            "went",
            "returned",
            "return",
            "returns",
        ],
    ) && v.eq_any(i + 1, &["to", "in", "at"])
    {
        place_after(v, a, i + 2)
    } else {
        return;
    };
    let Some(pm) = object else { return };
    // `visited U.S. troops`: the place modifies the people visited.
    let pn = v.np_for_mention(a, pm);
    if v.toks.get(pn.last + 1).is_some_and(|t| t.m.is_none() && t.is(wc::GROUP | wc::CROWD)) {
        return;
    }
    let Some(s) = relation_subject(v, a, i, last).filter(|s| {
        s.actor
            && usable(s)
            && s.mention.is_none_or(|m| {
                !matches!(a.mentions[m as usize].label, MentionLabel::Gpe | MentionLabel::Loc)
            })
    }) else {
        return;
    };
    let pn = v.np_for_mention(a, pm);
    let Some(sa) = cx.arg(&s) else { return };
    if let Some(pa) = place_arg(v, a, &pn) {
        cx.push(&sa, Predicate::PresentIn, &pa, None, i, v.span(s.first.min(i), pn.last));
    }
    // `visited Turkey on 4 April and Uzbekistan from 5-6 April`: a further place after a date.
    let mut j = pn.last + 1;
    while j < v.len() && j <= pn.last + 6 {
        if v.toks[j].is(wc::VERB | wc::REPORT | wc::REL) || matches!(v.word(j), ";" | ":") {
            break;
        }
        if v.eq(j, "and")
            && let Some(pm2) = place_after(v, a, j + 1)
            && pm2 != pm
        {
            let pn2 = v.np_for_mention(a, pm2);
            if let Some(pa) = place_arg(v, a, &pn2) {
                cx.push(&sa, Predicate::PresentIn, &pa, None, i, v.span(s.first.min(i), pn2.last));
            }
            break;
        }
        j += 1;
    }
}

/// Verbs of a military operation that the relation lexicon does not mark.
fn joint_verb(v: &View, i: usize) -> bool {
    v.eq_any(
        i,
        &[
            "attacked",
            "launched",
            "stormed",
            "captured",
            "recaptured",
            "retook",
            "seized",
            "shelled",
            "besieged",
            "liberated",
            "ambushed",
        ],
    )
}

/// A verb of fighting in the relation lexicon (`fought`, `defeated`).
fn hostile_verb(v: &View, i: usize) -> bool {
    verb_frame(&v.word(i).to_ascii_lowercase())
        .is_some_and(|(f, _)| matches!(f, Frame::Direct(Predicate::Fights)))
}

/// `X, Y and Z, assisted by W, attacked ...`: actors that fight together are allies, and an
/// actor assisting them supports each.
fn joint_action(cx: &mut Ctx, i: usize, last: Option<Np>) {
    let v = cx.v;
    let a = cx.a;
    if i > 0 && v.toks[i - 1].is(wc::DET | wc::POSS) {
        return;
    }
    // The action needs a military object: `launched an offensive`, `fought ISIL`, `stormed the
    // town` (not `launched a product`, nor `X and Y fought over taxes`, each other).
    let mut k = i + 1;
    if v.eq(k, "against") {
        k += 1;
    }
    let Some(o) = v.np_right(a, k, v.len()) else { return };
    let ok = if v.eq(i, "launched") {
        v.eq_any(
            o.head,
            &[
                "offensive",
                "offensives",
                "counteroffensive",
                "attack",
                "attacks",
                "assault",
                "strikes",
                "airstrikes",
                "raid",
                "raids",
                "operation",
            ],
        )
    } else if hostile_verb(v, i) {
        o.actor && usable(&o)
    } else {
        o.actor && !o.pronoun
            || facility(v, o.head)
            || v.place_mention(a, o.head).is_some()
            || v.eq_any(o.head, &["town", "city", "village", "villages", "base", "positions"])
    };
    if !ok {
        return;
    }
    let mut j = i;
    while j > 0 && v.toks[j - 1].is(wc::ADV | wc::HAVE | wc::BE | wc::MODAL) {
        j -= 1;
    }
    // An aside between commas: `, assisted by W,`.
    let mut helper = None;
    let mut subj = None;
    if j > 1 && v.word(j - 1) == "," {
        let mut p = j - 1;
        while p > 0 && p + 10 > j && v.word(p - 1) != "," {
            p -= 1;
        }
        if p > 1
            && v.word(p - 1) == ","
            && v.eq_any(p, &["assisted", "backed", "supported", "aided", "helped", "joined"])
            && v.eq(p + 1, "by")
        {
            helper = v.np_right(a, p + 2, j - 1).filter(|h| h.actor && !h.pronoun);
            subj = v.np_left(a, p - 2, 0);
        }
    }
    if subj.is_none() {
        subj = relation_subject(v, a, i, last);
    }
    let Some(s) = subj.filter(|s| s.actor && usable(s)) else { return };
    let mut parties = Vec::new();
    v.coordinated_left(a, s, 0, &mut parties);
    parties.retain(|p| {
        usable(p) && p.mention.is_none_or(|m| a.mentions[m as usize].label != MentionLabel::Loc)
    });
    let args: Vec<(Np, Argument)> =
        parties.iter().filter_map(|p| cx.arg(p).map(|x| (*p, x))).collect();
    for x in 0..args.len() {
        for y in x + 1..args.len() {
            let ev = v.span(args[x].0.first, i);
            cx.push(&args[x].1, Predicate::AlliedWith, &args[y].1, None, i, ev);
        }
    }
    if let Some(h) = helper
        && let Some(ha) = cx.arg(&h)
    {
        for (p, pa) in &args {
            cx.push(&ha, Predicate::Supports, pa, None, i, v.span(p.first, i));
        }
    }
}

/// `X died (on DATE,) in Z`, `X was killed in Z`: a named person is present where they died or
/// were struck (not `killed in an airstrike`: the place must be a place mention).
fn died_in(cx: &mut Ctx, i: usize, n: usize, last: Option<Np>) {
    let v = cx.v;
    let a = cx.a;
    // `killed`, `wounded`: only a passive (`X was killed in Z`, not `X killed 10 in Z`).
    let passive = i > 0 && v.toks[i - 1].is(wc::BE);
    if !(passive || v.eq_any(i, &["died", "dies"])) {
        return;
    }
    let in_timex = |x: usize| {
        let s = v.toks[x].span;
        cx.timexes.iter().any(|&ti| {
            let t = a.timexes[ti as usize].span;
            t.start <= s.start && s.end <= t.end
        })
    };
    let mut k = i + 1;
    while k < n && k < i + 8 && (v.word(k) == "," || v.eq(k, "on") || in_timex(k)) {
        k += 1;
    }
    if !v.eq(k, "in") {
        return;
    }
    let Some(pm) = place_after(v, a, k + 1) else { return };
    let person = |x: &Np| {
        !x.pronoun
            && x.mention.is_some_and(|m| {
                v.toks[x.head].m == Some(m) && a.mentions[m as usize].label == MentionLabel::Person
            })
    };
    // The verb's subject, or (`X, 42, of Y, Z, died`) the sentence's first name when no verb
    // stands between it and this one.
    let subj = relation_subject(v, a, i, last).filter(|s| person(s) || s.pronoun && usable(s));
    let subj = subj.or_else(|| {
        first_name(v, a, i)
            .filter(|s| person(s) && !(s.last + 1..i).any(|x| v.toks[x].is(wc::VERB)))
    });
    let Some(s) = subj else { return };
    let pn = v.np_for_mention(a, pm);
    if let (Some(sa), Some(pa)) = (cx.arg(&s), place_arg(v, a, &pn)) {
        cx.push(&sa, Predicate::PresentIn, &pa, None, i, v.span(s.first, pn.last));
    }
}

/// `X met (with) Y in Z`, `X and Y met at Z`: every party to the meeting is present at its
/// place.
fn meeting(cx: &mut Ctx, i: usize, n: usize, last: Option<Np>) {
    let v = cx.v;
    let a = cx.a;
    // A verb, not a noun (`the meeting`, `a meeting with`).
    // A verb, not a passive (`demand can be met`).
    if i > 0 && v.toks[i - 1].is(wc::DET | wc::POSS | wc::BE) {
        return;
    }
    let Some(s) = relation_subject(v, a, i, last).filter(|s| {
        s.actor
            && usable(s)
            && s.mention.is_none_or(|m| {
                !matches!(a.mentions[m as usize].label, MentionLabel::Gpe | MentionLabel::Loc)
            })
    }) else {
        return;
    };
    let mut parties = Vec::new();
    v.coordinated_left(a, s, 0, &mut parties);
    let mut k = i + 1;
    if v.eq(k, "with") {
        k += 1;
    }
    let mut end = i;
    let object = v.np_right(a, k, n);
    // `met with a cool response`: no meeting.
    if k > i + 1 && !object.is_some_and(|o| o.actor) {
        return;
    }
    if let Some(o) = object.filter(|o| o.actor && usable(o)) {
        let mut objs = Vec::new();
        v.coordinated_right(a, o, n, &mut objs);
        end = objs.last().map_or(o.last, |x| x.last);
        // `met the Foreign Minister, Ibrahim al-Jaafari, in ...`: the name in apposition.
        if v.eq(end + 1, ",")
            && let Some(ap) = v.np_right(a, end + 2, n)
            && ap.mention.is_some_and(|m| a.mentions[m as usize].label == MentionLabel::Person)
            && v.eq(ap.last + 1, ",")
        {
            end = ap.last + 1;
            objs.push(ap);
        }
        parties.extend(objs);
    }
    // The place: `in`/`at` a place soon after, before an infinitive or a new clause.
    let mut place = None;
    let mut j = end + 1;
    while j < n && j <= end + 8 {
        if v.eq_any(j, &["to", "where", "which", "who", "and", "but", ";", ":"])
            || v.toks[j].is(wc::REPORT)
        {
            break;
        }
        if v.eq_any(j, &["in", "at"])
            && let Some(pm) = place_after(v, a, j + 1)
        {
            place = Some(pm);
            break;
        }
        j += 1;
    }
    // `In Geneva, X met Y`, `In Turkey Minister X met Y`: a fronted place.
    let fronted = || {
        let pm = v.eq_any(0, &["in", "at"]).then(|| place_after(v, a, 1)).flatten()?;
        let after = v.np_for_mention(a, pm).last + 1;
        (after < i && (v.word(after) == "," || v.toks[after].m.is_some() || v.toks[after].cap))
            .then_some(pm)
    };
    let Some(pm) = place.or_else(fronted) else { return };
    let pn = v.np_for_mention(a, pm);
    let Some(pa) = place_arg(v, a, &pn) else { return };
    for p in &parties {
        if p.mention.is_some_and(|m| {
            matches!(a.mentions[m as usize].label, MentionLabel::Gpe | MentionLabel::Loc)
        }) {
            continue;
        }
        // `its directors met`: the possessor alone is no party.
        if p.arg_first == p.arg_last && v.toks[p.arg_first].is(wc::POSS) {
            continue;
        }
        if let Some(pa0) = cx.arg(p) {
            cx.push(&pa0, Predicate::PresentIn, &pa, None, i, v.span(p.first.min(i), pn.last));
        }
    }
}

/// `The last meeting of the Coalition's defence ministers took place in Brussels`: those who
/// meet are present at the meeting's place.
fn meeting_of(cx: &mut Ctx, i: usize, n: usize) {
    let v = cx.v;
    let a = cx.a;
    let Some(o) = v.np_right(a, i + 2, n).filter(|o| o.actor && usable(o)) else { return };
    let mut parties = Vec::new();
    v.coordinated_right(a, o, n, &mut parties);
    let end = parties.last().map_or(o.last, |x| x.last);
    // `took place in`, `was held in`, `in`: the place soon after.
    let Some(pm) = (end + 1..n.min(end + 6))
        .take_while(|&j| {
            !v.eq_any(j, &["to", "where", "which", "who", "and", "but", ";", ":"])
                && !v.toks[j].is(wc::REPORT)
        })
        .find_map(|j| v.eq_any(j, &["in", "at"]).then(|| place_after(v, a, j + 1)).flatten())
    else {
        return;
    };
    let pn = v.np_for_mention(a, pm);
    let Some(pa) = place_arg(v, a, &pn) else { return };
    for p in &parties {
        if p.mention.is_some_and(|m| {
            matches!(a.mentions[m as usize].label, MentionLabel::Gpe | MentionLabel::Loc)
        }) {
            continue;
        }
        if let Some(x) = cx.arg(p) {
            cx.push(&x, Predicate::PresentIn, &pa, None, i, v.span(p.first, pn.last));
        }
    }
}

/// `X said in Baghdad`, `X told a news conference in Geneva`, `X told reporters at the
/// Pentagon`: the speaker is where they spoke.
fn spoke_in(cx: &mut Ctx, i: usize, n: usize, last: Option<Np>) {
    let v = cx.v;
    let a = cx.a;
    let mut k = i + 1;
    // An audience: `reporters`, `a news conference`, `journalists`.
    if v.eq_any(k, &["reporters", "journalists"]) {
        k += 1;
    } else if v.eq_any(k, &["a", "the"])
        && let Some(end) = (k + 1..n.min(k + 4)).find(|&x| {
            v.eq_any(x, &["conference", "briefing", "meeting", "audience", "gathering", "rally"])
        })
    {
        k = end + 1;
    }
    if !v.eq_any(k, &["in", "at"]) {
        return;
    }
    let Some(pm) = place_after(v, a, k + 1) else { return };
    let Some(s) = relation_subject(v, a, i, last).filter(|s| {
        usable(s)
            && s.mention.is_some_and(|m| {
                matches!(a.mentions[m as usize].label, MentionLabel::Person | MentionLabel::Org)
            })
    }) else {
        return;
    };
    let pn = v.np_for_mention(a, pm);
    if let (Some(sa), Some(pa)) = (cx.arg(&s), place_arg(v, a, &pn)) {
        cx.push(&sa, Predicate::PresentIn, &pa, None, i, v.span(s.first, pn.last));
    }
}

/// `Scott Dayton, 42, of Woodbridge, Virginia`, `John Smith, of Leeds`: a person and the place
/// they are from.
fn hometown(cx: &mut Ctx, i: usize) {
    let v = cx.v;
    let a = cx.a;
    let mut k = i - 2;
    if v.toks[k].number && k >= 2 && v.word(k - 1) == "," {
        k -= 2;
    }
    let Some(p) = person_at(v, a, k).filter(|p| p.last == k) else { return };
    // The place alone (`of Leeds,`), not an institution named after it (`of the Leeds bank`).
    let Some(pm) = v.place_mention(a, i + 1) else { return };
    let pn = v.np_for_mention(a, pm);
    if pn.last + 1 < v.len() && !v.toks[pn.last + 1].punct {
        return;
    }
    if let (Some(pa), Some(la)) = (cx.arg(&p), place_arg(v, a, &pn)) {
        cx.push(&pa, Predicate::LocatedIn, &la, None, i, v.span(p.first, pn.last));
    }
}

/// `Hezbollah has sent thousands of fighters to Syria`, `deployed troops in X`: what is sent is
/// present at the destination.
fn sent_to(cx: &mut Ctx, i: usize, n: usize) {
    let v = cx.v;
    let a = cx.a;
    if i > 0 && v.toks[i - 1].is(wc::DET | wc::POSS) {
        return;
    }
    let Some(o) = v.np_right(a, i + 1, n).filter(|o| !o.pronoun) else { return };
    let crowd = v.toks[o.head].is(wc::GROUP | wc::CROWD) || o.sector.is_some();
    let named = o.mention.is_some_and(|m| {
        v.toks[o.head].m == Some(m)
            && matches!(a.mentions[m as usize].label, MentionLabel::Org | MentionLabel::Person)
    });
    if !crowd && !named {
        return;
    }
    if !v.eq_any(o.last + 1, &["to", "into", "in"]) {
        return;
    }
    let Some(pm) = place_after(v, a, o.last + 2) else { return };
    let pn = v.np_for_mention(a, pm);
    let oa = if named { cx.arg(&o) } else { Some(phrase_arg(v, &o)) };
    if let (Some(oa), Some(pa)) = (oa, place_arg(v, a, &pn)) {
        cx.push(&oa, Predicate::PresentIn, &pa, None, i, v.span(o.first, pn.last));
    }
}

/// `Amarah, a city in southern Iraq`, `Sabboura, an area outside Damascus`: a place described
/// as lying in another.
fn place_apposition(cx: &mut Ctx, i: usize, n: usize) {
    let v = cx.v;
    let a = cx.a;
    if i == 0 || !v.toks.get(i + 1).is_some_and(|t| t.is(wc::DET)) {
        return;
    }
    let Some(inner) = v.place_mention(a, i - 1) else { return };
    let Some(head) =
        (i + 2..n.min(i + 5)).find(|&x| v.toks[x].is(wc::PLACE) && v.toks[x].m.is_none())
    else {
        return;
    };
    if (i + 2..head).any(|x| v.toks[x].m.is_some() || v.toks[x].punct) {
        return;
    }
    if !v.eq_any(head + 1, &["in", "of", "outside", "near", "inside"]) {
        return;
    }
    let Some(outer) = place_after(v, a, head + 2) else { return };
    if outer == inner || !may_lie_in(a, inner, outer) {
        return;
    }
    let n1 = v.np_for_mention(a, inner);
    let n2 = v.np_for_mention(a, outer);
    if let (Some(ia), Some(oa)) = (place_arg(v, a, &n1), place_arg(v, a, &n2)) {
        cx.push(&ia, Predicate::LocatedIn, &oa, None, i, v.span(n1.first, n2.last));
    }
}

/// `Raqqa, a self-proclaimed ISIL capital in Syria`, `Mosul is the largest city controlled by
/// Daesh in Iraq`: a place described (after a comma or a copula) by a phrase headed by a place
/// noun lies in the place after `in` (at `i`). Whether it matched: the description's modifier
/// (`ISIL`) is then not placed.
fn described_place(cx: &mut Ctx, i: usize) -> bool {
    let v = cx.v;
    let a = cx.a;
    if i < 4 {
        return false;
    }
    let Some(outer) = place_after(v, a, i + 1) else { return false };
    let place_noun = |x: usize| v.toks[x].is(wc::PLACE) && v.toks[x].m.is_none();
    // The head: right before `in`, or before a participle and its agent (`controlled by X`).
    let head = if place_noun(i - 1) {
        i - 1
    } else {
        let Some(p) = (i.saturating_sub(5)..i).find(|&x| {
            x > 0 && v.toks[x].m.is_none() && v.word(x).ends_with("ed") && place_noun(x - 1)
        }) else {
            return false;
        };
        if (p + 1..i).any(|x| v.toks[x].punct) {
            return false;
        }
        p - 1
    };
    // The determiner opening the description, with only modifiers between it and the head.
    let Some(d) = (head.saturating_sub(5)..head).rev().find(|&x| v.toks[x].is(wc::DET)) else {
        return false;
    };
    if d < 2
        || (d + 1..head).any(|x| {
            v.toks[x].punct || v.toks[x].is(wc::DET | wc::VERB | wc::BE | wc::PREP | wc::CONJ)
        })
    {
        return false;
    }
    let link = v.word(d - 1) == "," || v.toks[d - 1].m.is_none() && v.toks[d - 1].is(wc::BE);
    let Some(inner) = v.place_mention(a, d - 2).filter(|_| link) else { return false };
    if inner == outer || !may_lie_in(a, inner, outer) {
        return false;
    }
    let n1 = v.np_for_mention(a, inner);
    let n2 = v.np_for_mention(a, outer);
    if let (Some(ia), Some(oa)) = (place_arg(v, a, &n1), place_arg(v, a, &n2)) {
        cx.push(&ia, Predicate::LocatedIn, &oa, None, i, v.span(n1.first, n2.last.max(i)));
    }
    true
}

/// `Baghdad's popular Karrada neighbourhood`, `northwestern Syria's Idlib province`: a place a
/// place owns (the possessive at `i`) lies in it.
fn place_possessive(cx: &mut Ctx, i: usize) {
    let v = cx.v;
    let a = cx.a;
    if i == 0 {
        return;
    }
    let Some(outer) = v.place_mention(a, i - 1) else { return };
    let Some(x) = (i + 1..(i + 4).min(v.len())).find(|&x| {
        v.toks[x].m.is_some() || v.toks[x].punct || v.toks[x].is(wc::VERB | wc::BE | wc::PREP)
    }) else {
        return;
    };
    let Some(inner) = v.place_mention(a, x) else { return };
    if inner == outer || !may_lie_in(a, inner, outer) {
        return;
    }
    let n1 = v.np_for_mention(a, inner);
    let n2 = v.np_for_mention(a, outer);
    if let (Some(ia), Some(oa)) = (place_arg(v, a, &n1), place_arg(v, a, &n2)) {
        cx.push(&ia, Predicate::LocatedIn, &oa, None, i, v.span(n2.first, n1.last));
    }
}

/// An armed actor: an organisation or person mention, or a phrase headed by a group noun or a
/// noun of armed violence (`Iraqi forces`, `ISIL terrorists`, `insurgents`).
fn armed_actor(v: &View, a: &Analysis, np: &Np) -> bool {
    !np.pronoun
        && (v.toks[np.head].is(wc::GROUP)
            || v.eq_any(
                np.head,
                &["terrorists", "insurgents", "jihadists", "extremists", "gunmen", "jihadis"],
            )
            || np.mention.is_some_and(|m| {
                v.toks[np.head].m == Some(m)
                    && matches!(
                        a.mentions[m as usize].label,
                        MentionLabel::Org | MentionLabel::Person
                    )
            }))
}

/// `the fall of Mosul to ISIL`, `Palmyra fell to ISIL fighters`: the taker controls the place.
fn fell_to(cx: &mut Ctx, i: usize, n: usize) {
    let v = cx.v;
    let a = cx.a;
    let (place, to) = if v.eq(i, "fall") && v.eq(i + 1, "of") {
        let Some(p) = v.np_right(a, i + 2, n) else { return };
        (p, p.last + 1)
    } else if i > 0 && !v.eq(i, "fall") {
        let Some(p) = relation_subject(v, a, i, None) else { return };
        (p, i + 1)
    } else {
        return;
    };
    let named_place = place.mention.is_some_and(|m| v.place_mention(a, place.head) == Some(m));
    if !v.eq(to, "to") || !named_place {
        return;
    }
    let Some(taker) = v.np_right(a, to + 1, n).filter(|x| armed_actor(v, a, x)) else { return };
    if let (Some(ta), Some(pa)) = (cx.arg(&taker), place_arg(v, a, &place)) {
        let ev = v.span(place.first.min(i), taker.last);
        cx.push(&ta, Predicate::Controls, &pa, None, i, ev);
    }
}

/// Verbs of taking a place from an armed actor, or of clearing an armed actor from a place.
const TAKE_FROM: &[&str] = &[
    "seize",
    "seized",
    "seizing",
    "liberate",
    "liberated",
    "liberating",
    "free",
    "freed",
    "freeing",
    "retake",
    "retook",
    "retaken",
    "retaking",
    "recapture",
    "recaptured",
    "recapturing",
    "capture",
    "captured",
    "capturing",
    "wrest",
    "wrested",
    "wresting",
    "clear",
    "cleared",
    "clearing",
    "expel",
    "expelled",
    "expelling",
    "drive",
    "drove",
    "driven",
    "driving",
    "oust",
    "ousted",
    "ousting",
];

/// `forces attempted to seize the hospital complex from ISIL fighters`, `liberated the town of
/// Dabiq from ISIL control`: the armed actor after `from` held the place (and the subject, an
/// armed actor too, fights it). `clearing Daesh from Iraq`, `drove the militants from the
/// town`: the armed actor taken away was present in the place.
fn taken_from(cx: &mut Ctx, i: usize, n: usize) {
    let v = cx.v;
    let a = cx.a;
    let Some(obj) = v.np_right(a, i + 1, n).filter(|o| !o.pronoun) else { return };
    let from = obj.last + 1;
    if !v.eq(from, "from") {
        return;
    }
    let Some(after) = v.np_right(a, from + 1, n).filter(|o| !o.pronoun) else { return };
    // A named place, or a phrase headed by a place noun or a building.
    let site = |np: &Np| {
        let whole = np.mention.is_none_or(|m| v.toks[np.head].m == Some(m));
        whole.then(|| place_arg(v, a, np)).flatten().or_else(|| {
            // `the Al Salem hospital complex`: a building a name modifies.
            (v.toks[np.head].m.is_none() && (v.toks[np.head].is(wc::PLACE) || facility(v, np.head)))
                .then(|| phrase_arg(v, np))
        })
    };
    // Police seize goods from companies: after `seize`/`capture` the holder must be named as
    // armed (`ISIL fighters`) or as in control (`from ISIL control`).
    let weak = v.word(i).starts_with("seiz") || v.word(i).starts_with("captur");
    let holder = armed_actor(v, a, &after)
        && (!weak
            || v.eq(after.last + 1, "control")
            || v.toks[after.head].m.is_none() && armed_actor(v, a, &after));
    if holder
        && let Some(pa) = site(&obj)
        && let Some(ya) = cx.arg(&after)
    {
        cx.push(&ya, Predicate::Controls, &pa, None, i, v.span(obj.first, after.last));
        if let Some(s) = relation_subject(v, a, i, None).filter(|s| armed_actor(v, a, s))
            && s.first != after.first
            && let Some(sa) = cx.arg(&s)
        {
            cx.push(&sa, Predicate::Fights, &ya, None, i, v.span(s.first.min(i), after.last));
        }
    } else if armed_actor(v, a, &obj)
        && let Some(pa) = site(&after)
        && let Some(oa) = cx.arg(&obj)
    {
        cx.push(&oa, Predicate::PresentIn, &pa, None, i, v.span(obj.first, after.last));
    }
}

/// `ISIL was using the hospital as a base`, `militants used the school as their headquarters`:
/// the user controls the building or place.
fn used_as_base(cx: &mut Ctx, i: usize, n: usize) {
    let v = cx.v;
    let a = cx.a;
    let Some(site) = v.np_right(a, i + 1, n) else { return };
    if !v.eq(site.last + 1, "as") {
        return;
    }
    let mut k = site.last + 2;
    while k < n && v.toks[k].is(wc::DET | wc::POSS) && v.toks[k].m.is_none() {
        k += 1;
    }
    let base = (k..n.min(k + 3)).any(|x| {
        v.eq_any(x, &["base", "bases", "headquarters", "stronghold", "hideout", "garrison"])
    });
    let building = facility(v, site.head)
        || v.toks[site.head].is(wc::PLACE) && v.toks[site.head].m.is_none()
        || site.mention.is_some_and(|m| v.place_mention(a, site.head) == Some(m));
    if !base || !building || site.pronoun {
        return;
    }
    let Some(user) = relation_subject(v, a, i, None).filter(|x| armed_actor(v, a, x)) else {
        return;
    };
    let sa =
        if site.mention.is_some() { place_arg(v, a, &site) } else { Some(phrase_arg(v, &site)) };
    if let (Some(ua), Some(sa)) = (cx.arg(&user), sa) {
        let ev = v.span(user.first.min(i), site.last);
        cx.push(&ua, Predicate::Controls, &sa, None, i, ev);
    }
}

/// `ISIL targets`, `Hezbollah fighters`, `AQI's effort`: a named organisation modifying or
/// owning the military or operational noun that ends at `k` (the phrase read back to a
/// determiner, a preposition or a name). Not `Kyowa exclusive rights in Japan`.
fn named_modifier(v: &View, a: &Analysis, k: usize) -> Option<Np> {
    // `ISIL targets`, `ISIL attacks`: a noun the lexicon also reads as a verb, after a name.
    let after_name = k > 0
        && (v.toks[k - 1].m.is_some() || matches!(v.word(k - 1), "'s" | "\u{2019}s"))
        && !v.toks[k].punct;
    if v.toks[k].m.is_some() || !(v.nominal(k) || after_name) || v.toks[k].is(wc::DET | wc::POSS) {
        return None;
    }
    let operational = v.toks[k].is(wc::GROUP | wc::CROWD)
        || v.toks[k].sector.is_some()
        || materiel(v, k)
        || facility(v, k)
        || v.eq_any(
            k,
            &[
                "targets",
                "target",
                "presence",
                "campaign",
                "effort",
                "efforts",
                "operations",
                "attacks",
                "stronghold",
                "strongholds",
                "territory",
            ],
        );
    if !operational {
        return None;
    }
    let mut x = k;
    while x > 0 && k - x < 4 {
        x -= 1;
        let t = v.toks[x];
        if matches!(v.word(x), "'s" | "\u{2019}s") {
            continue;
        }
        if let Some(m) = t.m {
            return (a.mentions[m as usize].label == MentionLabel::Org)
                .then(|| v.np_for_mention(a, m))
                .filter(|g| g.last == x);
        }
        if t.punct || t.is(wc::DET | wc::POSS | wc::PREP) || !v.nominal(x) {
            return None;
        }
    }
    None
}

/// `The SDF, made up (in part) of local Arabs and ...`, `a force composed of X and Y`: each
/// part is a member of the whole.
fn made_up_of(cx: &mut Ctx, i: usize, n: usize) {
    let v = cx.v;
    let a = cx.a;
    let mut k = i + 1;
    if v.eq(i, "made") {
        if !v.eq(k, "up") {
            return;
        }
        k += 1;
    }
    if v.eq(k, "in") && v.eq(k + 1, "part") {
        k += 2;
    }
    if !v.eq_any(k, &["of", "by"]) || i == 0 {
        return;
    }
    // The whole: the phrase before (over a comma or a copula).
    let mut w = i - 1;
    while w > 0 && (v.word(w) == "," || v.toks[w].is(wc::BE | wc::ADV)) {
        w -= 1;
    }
    let Some(whole) = v.np_left(a, w, 0).filter(|x| x.actor && !x.pronoun) else { return };
    let Some(first) = v.np_right(a, k + 1, n).filter(|x| x.actor && !x.pronoun) else { return };
    let mut parts = Vec::new();
    v.coordinated_right(a, first, n, &mut parts);
    let Some(wa) = cx.arg(&whole) else { return };
    for p in &parts {
        let pa = if p.mention.is_some() { cx.arg(p) } else { Some(phrase_arg(v, p)) };
        if let Some(pa) = pa {
            cx.push(&pa, Predicate::MemberOf, &wa, None, i, v.span(whole.first, p.last));
        }
    }
}

/// `reiterates its support for X`, `UK support for X`, `steadfast in its support of X and Y`: the
/// supporter (a name before the noun, else the clause's first actor) supports each of them.
fn support_for(cx: &mut Ctx, i: usize, n: usize) {
    let v = cx.v;
    let a = cx.a;
    // `in support of X` has its own pattern; `calls for support for refugees` names no actor.
    if i == 0 || v.eq(i - 1, "in") && v.eq(i + 1, "of") {
        return;
    }
    let Some(first) = v.np_right(a, i + 2, n).filter(|x| x.actor && !x.pronoun) else { return };
    let supporter = match v.toks[i - 1].m {
        // `The UK remains steadfast in its support of X`: a possessive pronoun stands for the
        // clause's first name when there is one.
        Some(m) if v.toks[i - 1].is(wc::POSS) => {
            first_name(v, a, i - 1).or_else(|| Some(v.np_for_mention(a, m)))
        }
        Some(m)
            if matches!(
                a.mentions[m as usize].label,
                MentionLabel::Org | MentionLabel::Gpe | MentionLabel::Person
            ) =>
        {
            Some(v.np_for_mention(a, m))
        }
        _ if v.toks[i - 1].is(wc::POSS | wc::VERB | wc::REPORT)
            || v.eq_any(i - 1, &["continued", "continuing", "strong", "full", "unwavering"]) =>
        {
            first_name(v, a, i)
        }
        _ => None,
    };
    let Some(s) = supporter.filter(usable) else { return };
    let mut objs = Vec::new();
    v.coordinated_right(a, first, n, &mut objs);
    let Some(sa) = cx.arg(&s) else { return };
    for o in &objs {
        // `support for the Iraqi people`, not `support for Iraq's democratic process`.
        if o.pronoun || v.toks[o.head].m.is_none() && o.sector.is_none() {
            continue;
        }
        if let Some(oa) = cx.arg(o) {
            cx.push(&sa, Predicate::Supports, &oa, None, i, v.span(s.first.min(i), o.last));
        }
    }
}

/// `X and its allies`, `Syrian government forces and their Hezbollah allies`: X is allied with
/// the phrase.
fn and_its_allies(cx: &mut Ctx, i: usize) {
    let v = cx.v;
    let a = cx.a;
    let mut p = i;
    while p > 0 && i - p < 4 {
        p -= 1;
        if v.toks[p].is(wc::POSS) {
            break;
        }
        if !v.nominal(p) || v.toks[p].punct {
            return;
        }
    }
    if !v.eq_any(p, &["its", "their"]) || p < 2 || !v.eq_any(p - 1, &["and", "with"]) {
        return;
    }
    let Some(x) = v.np_left(a, p - 2, 0).filter(|x| x.actor && !x.pronoun) else { return };
    let allies = v.read_np(a, p, i);
    let named = allies.mention.is_some_and(|m| a.mentions[m as usize].kind == MentionKind::Name);
    let oa = if named { v.argument(&allies) } else { phrase_arg(v, &allies) };
    if let Some(xa) = cx.arg(&x) {
        cx.push(&xa, Predicate::AlliedWith, &oa, None, i, v.span(x.first, i));
    }
}

/// Verbs of hostility that the relation lexicon does not mark (`to defeat ISIL`).
fn hostile_cue(v: &View, i: usize) -> bool {
    let w = v.word(i);
    w.len() >= 6
        && w.as_bytes().first().is_some_and(|b| matches!(b, b'd' | b'c' | b'e'))
        && verb_frame(&w.to_ascii_lowercase())
            .is_some_and(|(f, _)| matches!(f, Frame::Direct(Predicate::Fights)))
}

/// The first name (not a pronoun) of an actor in the sentence before token `end`.
fn first_name(v: &View, a: &Analysis, end: usize) -> Option<Np> {
    (0..end).find_map(|x| {
        v.toks[x]
            .m
            .filter(|&m| {
                let mm = &a.mentions[m as usize];
                mm.kind == MentionKind::Name
                    && matches!(
                        mm.label,
                        MentionLabel::Org | MentionLabel::Gpe | MentionLabel::Person
                    )
            })
            .map(|m| v.np_for_mention(a, m))
    })
}

/// `X stands by Iraq to defeat Y`, `X works alongside the Kurds to counter Y`: the named state
/// or organisation right before the infinitive `to` at token `to`, after `with`, `by` or
/// `alongside`, is in the fight too.
fn fight_companion(v: &View, a: &Analysis, to: usize) -> Option<Np> {
    let np = v.np_left(a, to.checked_sub(1)?, 0)?;
    let m = np.mention?;
    if v.toks[np.head].m != Some(m)
        || !matches!(a.mentions[m as usize].label, MentionLabel::Org | MentionLabel::Gpe)
        || np.first == 0
        || !v.eq_any(np.first - 1, &["with", "by", "alongside"])
    {
        return None;
    }
    Some(np)
}

/// The first actor named in the sentence before token `end` (an infinitive's subject): not a
/// place after a preposition (`The attacks in Paris stiffened the resolve of X to defeat Y`).
fn first_actor(v: &View, a: &Analysis, end: usize) -> Option<Np> {
    first_actor_in(v, a, 0, end)
}

/// The first actor named between tokens `start` and `end` (see [`first_actor`]).
fn first_actor_in(v: &View, a: &Analysis, start: usize, end: usize) -> Option<Np> {
    (start..end).find_map(|x| {
        v.toks[x]
            .m
            .filter(|&m| {
                let label = a.mentions[m as usize].label;
                if x > 0 && v.toks[x - 1].m == Some(m) {
                    return false;
                }
                let mut b = x;
                while b > 0 && v.toks[b - 1].is(wc::DET | wc::DIRECTION) {
                    b -= 1;
                }
                let placed = matches!(label, MentionLabel::Gpe | MentionLabel::Loc)
                    && b > 0
                    && v.toks[b - 1].is(wc::PREP)
                    && !v.eq(b - 1, "of");
                !placed
                    && matches!(
                        label,
                        MentionLabel::Org
                            | MentionLabel::Gpe
                            | MentionLabel::Person
                            | MentionLabel::Norp
                    )
            })
            .map(|m| v.np_for_mention(a, m))
    })
}

/// Buildings and sites: things that are somewhere (`a mosque in Daquq`).
fn facility(v: &View, i: usize) -> bool {
    v.eq_any(
        i,
        &[
            "mosque",
            "mosques",
            "church",
            "churches",
            "school",
            "schools",
            "hospital",
            "hospitals",
            "airport",
            "airfield",
            "airbase",
            "base",
            "bases",
            "compound",
            "complex",
            "building",
            "buildings",
            "market",
            "marketplace",
            "museum",
            "farm",
            "farms",
            "headquarters",
            "facility",
            "facilities",
            "station",
            "checkpoint",
            "bridge",
            "bridges",
            "site",
            "sites",
            "prison",
            "embassy",
            "consulate",
            "university",
            "library",
            "houses",
            "homes",
            "shops",
            "restaurant",
            "hotel",
            "stadium",
            "refinery",
            "plant",
            "factory",
        ],
    )
}

/// The argument for a phrase that names nothing (`a mosque`, `civilians`): the phrase itself.
fn phrase_arg(v: &View, np: &Np) -> Argument {
    // `departed a large headquarters`: a verb the lexicon does not know read into the phrase
    // ends before its determiner.
    let first = (np.first + 1..np.head.min(np.first + 3))
        .find(|&x| v.toks[x].is(wc::DET) && v.word(np.first).ends_with("ed"))
        .unwrap_or(np.first);
    let s = v.span(first, np.last);
    Argument { entity: None, span: s, text: v.text[s.start..s.end].to_string() }
}

/// The place mention starting at `i`, after a determiner or a compass word (`the north of`
/// excluded: `northern Iraq`, `the Syrian town of Azaz`).
fn place_after(v: &View, a: &Analysis, i: usize) -> Option<u32> {
    let mut k = i;
    while k < v.len()
        && k < i + 2
        && (v.toks[k].is(wc::DET | wc::DIRECTION) && v.toks[k].m.is_none())
    {
        k += 1;
    }
    // A pronoun names no place (`in its efforts`).
    if v.toks.get(k).is_some_and(|t| t.is(wc::PRON | wc::POSS)) {
        return None;
    }
    v.place_mention(a, k)
}

/// A place argument for a phrase: a place mention, or a compass phrase (`the east`).
fn place_arg(v: &View, a: &Analysis, np: &Np) -> Option<Argument> {
    if let Some(d) = v.direction_arg(np) {
        return Some(d);
    }
    // A pronoun names no place (`in its efforts`).
    if np.pronoun {
        return None;
    }
    let m = np.mention?;
    if !matches!(a.mentions[m as usize].label, MentionLabel::Gpe | MentionLabel::Loc) {
        return None;
    }
    let mut arg = v.argument(np);
    // `eastern Libya`: keep a compass adjective before the place.
    if np.arg_first > 0 && v.toks[np.arg_first - 1].is(wc::DIRECTION) {
        let s = Span::new(v.toks[np.arg_first - 1].span.start, arg.span.end);
        arg.span = s;
        arg.text = v.text[s.start..s.end].to_string();
    }
    Some(arg)
}

/// A phrase that can be a relation's argument: not a pronoun, or one coreference resolved
/// (`He met X`: the pronoun's span is the evidence, its antecedent the entity).
fn usable(np: &Np) -> bool {
    !np.pronoun || np.entity.is_some()
}

/// The subject of a relation verb (through relative pronouns and verb-phrase coordination).
fn relation_subject(v: &View, a: &Analysis, i: usize, last: Option<Np>) -> Option<Np> {
    // `X continues to support Y`, `X and Y are committed to defeating Z`: the subject of the
    // verb the infinitive completes.
    if i >= 2
        && v.eq(i - 1, "to")
        && v.eq_any(
            i - 2,
            &[
                "continue",
                "continues",
                "continued",
                "continuing",
                "committed",
                "determined",
                "working",
                "work",
                "works",
                "worked",
                "pledged",
                "pledge",
                "pledges",
                "vowed",
                "vow",
                "vows",
                "promised",
                "agreed",
                "decided",
                "ready",
                "began",
                "begun",
                "started",
                "sought",
                "seeks",
                "seek",
                "tried",
                "tries",
                "try",
                "trying",
                "attempt",
                "attempts",
                "attempted",
                "attempting",
                "able",
                "helped",
                "helping",
            ],
        )
    {
        return relation_subject(v, a, i - 2, last);
    }
    let mut j = i;
    while j > 0 {
        let k = j - 1;
        if v.toks[k].is(wc::ADV | wc::HAVE | wc::BE | wc::MODAL | wc::NEG)
            || v.eq_any(k, &["heavily", "long"])
        {
            j = k;
            continue;
        }
        break;
    }
    if j == 0 {
        return None;
    }
    let k = j - 1;
    if v.toks[k].is(wc::REL) && !v.toks[k].is(wc::POSS) && k > 0 {
        let mut x = k - 1;
        if v.word(x) == "," && x > 0 {
            x -= 1;
        }
        return v.np_left(a, x, 0);
    }
    if v.eq(k, "whose") && k > 0 {
        return None;
    }
    if v.toks[k].is(wc::CONJ) {
        return last;
    }
    if v.word(k) == "," && k > 0 && v.clause[k - 1] != v.clause[i] {
        let mut x = k;
        while x > 0 && v.clause[x - 1] != v.clause[i] {
            x -= 1;
        }
        if x > 0 && v.word(x - 1) == "," {
            x -= 1;
        }
        return if x > 0 { v.np_left(a, x - 1, 0) } else { None };
    }
    // `The Minister for Central Asia, Tobias Ellwood, visited`, `Tobias Ellwood, the minister,
    // visited`: of a title and a name in apposition, the name.
    if v.word(k) == ","
        && k > 1
        && let Some(np) = v.np_left(a, k - 1, 0)
        && np.first >= 2
        && v.word(np.first - 1) == ","
    {
        let person = |x: &Np| {
            x.mention.is_some_and(|m| {
                a.mentions[m as usize].label == MentionLabel::Person && v.toks[x.head].m == Some(m)
            })
        };
        let name = |x: &Np| {
            person(x) && x.mention.is_some_and(|m| a.mentions[m as usize].kind == MentionKind::Name)
        };
        if name(&np) {
            return Some(np);
        }
        if let Some(before) = v.np_left(a, np.first - 2, 0).filter(name) {
            return Some(before);
        }
        if person(&np) {
            return Some(np);
        }
    }
    // `X, whose forces control Y`: the forces of X.
    let mut np = v.np_left(a, k, 0)?;
    // A phrase after a preposition is not the subject (`an assault on the government relied on`).
    if np.first > 0
        && v.toks[np.first - 1].is(wc::PREP)
        && !v.eq(np.first - 1, "of")
        && !v.toks[np.first - 1].is(wc::SUB)
    {
        return None;
    }
    if np.first > 0 && v.eq(np.first - 1, "whose") {
        let mut x = np.first - 1;
        if x > 0 && v.word(x - 1) == "," {
            x -= 1;
        }
        let owner = if x > 0 { v.np_left(a, x - 1, 0) } else { None };
        np.possessor = owner.and_then(|o| o.mention);
        np.actor = np.possessor.is_some();
    }
    Some(np)
}

#[cfg(test)]
#[path = "relation_tests.rs"]
mod tests;
