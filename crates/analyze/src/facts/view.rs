//! A sentence as the fact finder reads it: tokens with their lexicon classes and the mention
//! each belongs to, clause numbers, and noun-phrase reading over those tokens (heads, possessors,
//! modifiers, coordination) that turns phrases into event and relation arguments.

use types::{Analysis, Argument, MentionKind, MentionLabel, Span, TokenKind};

use super::lexicon::{Lexicon, Sector, wc};

/// One token of the sentence.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub span: Span,
    pub flags: u32,
    pub sector: Option<Sector>,
    /// Index into `Lexicon::words` trigger list owner (the lower-cased word's info).
    pub info: Option<&'static super::lexicon::WordInfo>,
    pub cap: bool,
    pub punct: bool,
    pub number: bool,
    /// Index into `Analysis::mentions` of the mention covering this token.
    pub m: Option<u32>,
    /// That mention's label.
    pub label: Option<MentionLabel>,
    /// A name mention nested inside it (`Tripoli` in `the government in Tripoli`).
    pub inner: Option<u32>,
}

impl Tok {
    pub fn is(&self, f: u32) -> bool {
        self.flags & f != 0
    }
}

/// Endings of adjectives that modify a head noun (`national`, `Iraqi`-like forms in lower case,
/// `senior`, `economic`, `defensive`).
const ADJECTIVE_ENDINGS: &[&str] = &[
    "al", "ic", "ian", "ive", "ous", "ary", "ory", "ish", "ese", "ern", "ior", "ful", "able",
    "ible", "ant", "ent",
];

/// The reusable per-sentence view.
#[derive(Debug, Default)]
pub struct View<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    /// Clause number of each token (relative clauses, subordinate clauses, participle clauses).
    pub clause: Vec<u16>,
    pub sentence: u32,
    lower: String,
}

/// Whether `span` lies inside one of the analysis's time expressions (`March` in `March 31`).
pub fn in_timex(analysis: &Analysis, span: Span) -> bool {
    let ts = &analysis.timexes;
    let k = ts.partition_point(|x| x.span.end <= span.start);
    ts.get(k).is_some_and(|x| x.span.start <= span.start && span.end <= x.span.end)
}

/// A noun phrase found over tokens `first..=last`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Np {
    pub first: usize,
    pub last: usize,
    /// Head token.
    pub head: usize,
    /// Token where the argument span starts.
    pub arg_first: usize,
    /// Token where the argument span ends.
    pub arg_last: usize,
    /// Mention the argument is (or is anchored on).
    pub mention: Option<u32>,
    /// Entity of the argument.
    pub entity: Option<u32>,
    /// Mention of a possessor (`Haftar's forces`).
    pub possessor: Option<u32>,
    /// A pronoun that still needs an antecedent.
    pub pronoun: bool,
    /// The head noun's sector, when the head is a common noun.
    pub sector: Option<Sector>,
    /// A place mention inside an `in X` attachment (`the government in Tripoli`).
    pub inner_place: Option<u32>,
    /// The head is an actor (a name, a pronoun, or a sector noun).
    pub actor: bool,
}

impl<'a> View<'a> {
    pub fn word(&self, i: usize) -> &'a str {
        let s = self.toks[i].span;
        &self.text[s.start..s.end]
    }

    pub fn eq(&self, i: usize, w: &str) -> bool {
        i < self.toks.len() && self.word(i).eq_ignore_ascii_case(w)
    }

    /// Whether token `i` is one of `ws`, ignoring ASCII case. Called for most tokens with
    /// several lists, so the word is sliced once and candidates are rejected on length and first
    /// letter before they are compared.
    pub fn eq_any(&self, i: usize, ws: &[&str]) -> bool {
        if i >= self.toks.len() {
            return false;
        }
        let word = self.word(i).as_bytes();
        let first = word.first().map(u8::to_ascii_lowercase);
        ws.iter().any(|w| {
            let w = w.as_bytes();
            w.len() == word.len()
                && w.first().map(u8::to_ascii_lowercase) == first
                && w.eq_ignore_ascii_case(word)
        })
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Fills the view for one sentence. `order` lists mention indices by start offset; `cursor`
    /// is the position in it of the first mention that may overlap this sentence.
    pub fn load(
        &mut self,
        text: &'a str,
        tokens: &[types::Token],
        sentence: u32,
        analysis: &Analysis,
        order: &[u32],
        cursor: &mut usize,
    ) {
        let lex = Lexicon::get();
        self.text = text;
        self.sentence = sentence;
        self.toks.clear();
        self.clause.clear();
        let mentions = &analysis.mentions;
        for t in tokens {
            let w = &text[t.span.start..t.span.end];
            let info = if w.len() > 40 {
                None
            } else if w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
                self.lower.clear();
                for c in w.chars() {
                    match c {
                        '\u{2019}' | '\u{2018}' => self.lower.push('\''),
                        c => self.lower.push(c.to_ascii_lowercase()),
                    }
                }
                lex.word(&self.lower)
            } else {
                lex.word(w)
            };
            while *cursor < order.len()
                && mentions[order[*cursor] as usize].span.end <= t.span.start
            {
                *cursor += 1;
            }
            let mut m = None;
            let mut inner = None;
            let mut k = *cursor;
            while k < order.len() && mentions[order[k] as usize].span.start < t.span.end {
                let mm = &mentions[order[k] as usize];
                if mm.span.overlaps(t.span) && mm.label != MentionLabel::Title {
                    if m.is_none() {
                        m = Some(order[k]);
                    } else if mm.kind == MentionKind::Name {
                        inner = Some(order[k]);
                    }
                }
                k += 1;
            }
            // A word inside a time expression is part of a date (`March 31`, `last fall`), not
            // a trigger or an actor noun; only its function-word flags stay.
            let in_timex = in_timex(analysis, t.span);
            let flags = info.map_or(0, |i| i.flags);
            let (info, flags) =
                if in_timex { (None, flags & (wc::DET | wc::PREP)) } else { (info, flags) };
            let cap = w.chars().next().is_some_and(char::is_uppercase);
            self.toks.push(Tok {
                span: t.span,
                flags,
                sector: info.and_then(|i| i.sector),
                info,
                cap,
                punct: matches!(t.kind, TokenKind::Punct | TokenKind::Symbol),
                number: t.kind == TokenKind::Number,
                m,
                label: m.map(|m| mentions[m as usize].label),
                inner,
            });
        }
        self.number_clauses();
    }

    fn is_quote(&self, i: usize) -> bool {
        matches!(self.word(i), "\"" | "\u{201c}" | "\u{201d}" | "'" | "`" | "``" | "''")
    }

    /// Whether token `i` is an adverb: a listed one, or a lower-case `-ly` word that is no name
    /// and no trigger (`explicitly`, `publicly`).
    pub fn adverb(&self, i: usize) -> bool {
        let t = self.toks[i];
        let w = self.word(i);
        t.is(wc::ADV)
            || (w.len() > 4
                && w.ends_with("ly")
                && !t.cap
                && t.m.is_none()
                && t.info.is_none_or(|x| x.triggers.is_empty()))
    }

    pub fn quote(&self, i: usize) -> bool {
        i < self.len() && self.is_quote(i)
    }

    /// Clause numbers: a relative clause (`, who ... ,`), a subordinate clause (`when`, `after`,
    /// `as`, `because` ...) and a participle clause (`, killing ...`) each get their own number;
    /// the main clause resumes after a relative clause closes.
    fn number_clauses(&mut self) {
        let n = self.toks.len();
        let mut next_id: u16 = 1;
        let mut cur: u16 = 0;
        let mut stack: Vec<u16> = Vec::new();
        for i in 0..n {
            let t = self.toks[i];
            let prev_comma = i > 0 && self.word(i - 1) == ",";
            if t.is(wc::REL)
                && i > 0
                && !self.eq(i, "that")
                && (prev_comma || self.toks[i - 1].m.is_some())
            {
                stack.push(cur);
                cur = next_id;
                next_id += 1;
            } else if t.is(wc::SUB) && (!t.is(wc::PREP) || self.sub_clause_start(i))
                || prev_comma
                    && self.word(i).ends_with("ing")
                    && !t.cap
                    && t.m.is_none()
                    && !t.is(wc::PREP)
                || prev_comma && stack.is_empty() && self.new_subject_clause(i)
            {
                cur = next_id;
                next_id += 1;
            } else if self.word(i) == ","
                || self.word(i) == ";"
                || self.word(i) == "\u{2013}"
                || self.word(i) == "\u{2014}"
            {
                if let Some(back) = stack.pop() {
                    self.clause.push(cur);
                    cur = back;
                    continue;
                }
                if self.word(i) == ";" {
                    cur = next_id;
                    next_id += 1;
                }
            }
            self.clause.push(cur);
        }
    }

    /// After a comma: a noun phrase followed by a finite verb starts a new clause (`..., hundreds
    /// of fighters remain stationed`).
    fn new_subject_clause(&self, i: usize) -> bool {
        let n = self.len();
        let mut j = i;
        while j < n && j < i + 10 && self.nominal(j) && !self.toks[j].is(wc::VERB | wc::REPORT) {
            j += 1;
        }
        if j == i || j >= n {
            return false;
        }
        let t = self.toks[j];
        t.is(wc::BE | wc::HAVE | wc::MODAL | wc::VERB | wc::REPORT)
            || t.info.is_some_and(|x| !x.triggers.is_empty())
                && (self.word(j).ends_with("ed") || self.word(j).ends_with('s'))
    }

    /// A word that is both a preposition and a subordinator (`after`, `before`, `since`, `as`,
    /// `until`) opens a clause when a finite verb follows before the next comma.
    fn sub_clause_start(&self, i: usize) -> bool {
        let n = self.len();
        let mut j = i + 1;
        while j < n && j < i + 12 {
            let t = self.toks[j];
            if self.word(j) == "," || self.word(j) == ";" {
                return false;
            }
            if t.is(wc::BE | wc::HAVE | wc::MODAL)
                || t.is(wc::VERB | wc::REPORT) && !self.toks[j - 1].is(wc::DET | wc::POSS)
            {
                return true;
            }
            if let Some(info) = t.info
                && !info.triggers.is_empty()
                && self.word(j).ends_with("ed")
            {
                return true;
            }
            j += 1;
        }
        false
    }

    /// Can this token be inside a noun phrase?
    pub fn nominal(&self, i: usize) -> bool {
        let t = self.toks[i];
        if t.m.is_some() {
            return true;
        }
        if t.punct {
            return self.word(i) == "-" || self.word(i) == "%";
        }
        if t.number {
            return true;
        }
        let w = self.word(i);
        if w == "'s" || w == "\u{2019}s" || w == "'" {
            return true;
        }
        if t.is(wc::DET
            | wc::POSS
            | wc::QUANT
            | wc::GROUP
            | wc::PLACE
            | wc::LEAD
            | wc::DIRECTION
            | wc::DOCNOUN)
            || t.sector.is_some()
        {
            return !t.is(wc::PREP | wc::SUB | wc::REL) || t.is(wc::DET) && !self.eq(i, "that");
        }
        if t.is(wc::PREP
            | wc::CONJ
            | wc::SUB
            | wc::BE
            | wc::HAVE
            | wc::DO
            | wc::MODAL
            | wc::NEG
            | wc::REL
            | wc::PRON)
        {
            return false;
        }
        if t.is(wc::ADV) || (w.len() > 4 && w.ends_with("ly") && !t.cap) {
            return false;
        }
        // `refugees fleeing the war`, `weapons seized last year`: after a noun, a participle;
        // at the start of a phrase, an adjective (`outgoing Prime Minister`).
        if t.info.is_none() && !t.cap && (w.ends_with("ing") || w.ends_with("ed")) && w.len() > 5 {
            let after_noun = i > 0 && {
                let p = self.toks[i - 1];
                (p.m.is_some()
                    || p.sector.is_some()
                    || p.is(wc::GROUP)
                    || p.info.is_none() && !p.punct && !p.number)
                    && !p.is(wc::DET | wc::POSS)
                    // `Jordan's visiting King`: after a possessive, an adjective.
                    && !self.possessive(i - 1)
            };
            return !after_noun;
        }
        if t.is(wc::VERB | wc::REPORT) {
            // `the armed forces`, `the ruling party`: an -ed/-ing word after a determiner.
            return i > 0 && self.toks[i - 1].is(wc::DET | wc::POSS);
        }
        if let Some(info) = t.info
            && !info.triggers.is_empty()
        {
            let lex = Lexicon::get();
            let noun = info
                .triggers
                .iter()
                .any(|&k| lex.triggers[k as usize].flags & super::lexicon::tf::NOUN != 0);
            if noun {
                return true;
            }
            return i > 0 && (self.toks[i - 1].is(wc::DET | wc::POSS) || self.possessive(i - 1));
        }
        true
    }

    /// A lower-case word with an adjective's ending that names no actor, place or event on
    /// its own (`national`, `provincial`, `senior`): in `national and provincial officials` it
    /// modifies the head after the next adjective rather than ending a phrase.
    fn adjective_like(&self, i: usize) -> bool {
        let t = self.toks[i];
        if t.m.is_some()
            || t.cap
            || t.punct
            || t.number
            || t.sector.is_some()
            || t.info.is_some_and(|x| x.flags != 0 || !x.triggers.is_empty())
        {
            return false;
        }
        let w = self.word(i);
        w.len() > 4
            && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            && ADJECTIVE_ENDINGS.iter().any(|e| w.ends_with(e))
    }

    /// After a title description (`the Iraqi Foreign Minister`, `its commander`), the name in
    /// apposition (`, Ibrahim al-Jaafari,`): the person the phrase stands for.
    pub fn apposed_name(&self, analysis: &Analysis, np: &Np, limit: usize) -> Option<Np> {
        let n = self.len().min(limit);
        let c = np.last + 1;
        if c + 1 >= n || self.word(c) != "," {
            return None;
        }
        let ht = self.toks[np.head];
        let person = |m: u32| analysis.mentions[m as usize].label == MentionLabel::Person;
        let described = ht.m.is_none_or(|m| !person(m)) || self.toks[np.first].is(wc::DET);
        let title = ht.is(wc::LEAD)
            || ht.label == Some(MentionLabel::Title)
            || ht.sector == Some(super::lexicon::Sector::Gov) && !self.word(np.head).ends_with('s');
        if !described || !title || np.pronoun {
            return None;
        }
        let name = self.np_right(analysis, c + 1, n)?;
        if !self.toks[name.head].m.is_some_and(person) || name.first != c + 1 {
            return None;
        }
        let after = name.last + 1;
        let closes = after >= n
            || matches!(self.word(after), "," | "." | ";")
            || self.toks[after].is(wc::PREP);
        closes.then_some(name)
    }

    fn possessive(&self, i: usize) -> bool {
        matches!(self.word(i), "'s" | "\u{2019}s" | "'")
    }

    /// The noun phrase that starts at `i` (leading quotes skipped), if any.
    pub fn np_right(&self, analysis: &Analysis, mut i: usize, limit: usize) -> Option<Np> {
        let n = self.len().min(limit);
        while i < n && self.is_quote(i) {
            i += 1;
        }
        if i >= n {
            return None;
        }
        let t = self.toks[i];
        if t.is(wc::PRON)
            && t.m.is_none_or(|m| analysis.mentions[m as usize].kind == MentionKind::Pronoun)
        {
            return Some(self.pronoun_np(analysis, i));
        }
        if !self.nominal(i) {
            return None;
        }
        let mut j = i;
        while j + 1 < n {
            let k = j + 1;
            if self.word(k) == "("
                && self.toks[j].m.is_some()
                && let Some(c) = (k + 1..n.min(k + 5)).find(|&x| self.word(x) == ")")
                && c + 1 < n
                && self.nominal(c + 1)
                && !self.toks[c + 1].is(wc::DET)
            {
                j = c + 1;
                continue;
            }
            if self.nominal(k)
                && !(self.toks[k].is(wc::DET) && !self.possessive(j) && !self.toks[j].is(wc::QUANT))
            {
                // A determiner after a full noun starts a new phrase (`gave the Ivory Coast 5 million`).
                j = k;
                continue;
            }
            // `national and provincial officials`: coordinated adjectives inside one phrase.
            if self.eq_any(k, &["and", "or"])
                && self.adjective_like(j)
                && k + 2 < n
                && self.nominal(k + 1)
                && !self.toks[k + 1].cap
                && !self.toks[k + 1].is(wc::DET | wc::POSS | wc::QUANT)
                && self.toks[k + 1].m.is_none()
                && self.nominal(k + 2)
                && !self.toks[k + 2].is(wc::DET)
            {
                j = k + 1;
                continue;
            }
            // `of` joins two nominals; `in`/`from` join a common-noun head to a place name.
            if (self.eq(k, "of") || self.eq(k, "in") || self.eq(k, "from"))
                && k + 1 < n
                && self.nominal(k + 1)
            {
                let of = self.eq(k, "of");
                let head_common = self.toks[j].m.is_none()
                    && (self.toks[j].sector.is_some()
                        || self.toks[j].is(wc::GROUP | wc::PLACE | wc::QUANT | wc::LEAD));
                let next_named = self.toks[k + 1].m.is_some()
                    || (self.toks[k + 1].is(wc::DET) && k + 2 < n && self.toks[k + 2].m.is_some());
                let joins = if of {
                    head_common
                        || self.toks[j].is(wc::QUANT | wc::DOCNOUN)
                        || next_named
                        || self.toks[j].m.is_some()
                } else {
                    head_common && next_named
                };
                if joins {
                    j = k + 1;
                    continue;
                }
            }
            break;
        }
        // Do not end on a possessive or a determiner.
        while j > i
            && (self.possessive(j)
                || self.toks[j].is(wc::DET | wc::POSS)
                || self.eq(j, "of")
                || self.word(j) == "-")
        {
            j -= 1;
        }
        Some(self.read_np(analysis, i, j))
    }

    /// The noun phrase that ends at token `j`, if any.
    pub fn np_left(&self, analysis: &Analysis, j: usize, floor: usize) -> Option<Np> {
        let mut j = j;
        while j > floor && self.is_quote(j) {
            j -= 1;
        }
        let t = self.toks[j];
        if t.is(wc::PRON)
            && t.m.is_none_or(|m| analysis.mentions[m as usize].kind == MentionKind::Pronoun)
        {
            return Some(self.pronoun_np(analysis, j));
        }
        if !self.nominal(j) || self.toks[j].is(wc::DET) {
            return None;
        }
        let mut i = j;
        while i > floor {
            let k = i - 1;
            // `at least three`: a quantity's preposition is no part of the phrase.
            if self.eq_any(k, &["least", "most"]) && k > 0 && self.eq(k - 1, "at") {
                break;
            }
            // `The Asia-Pacific Economic Cooperation (APEC) forum`: skip the parenthesis.
            if self.word(k) == ")"
                && let Some(p) = (k.saturating_sub(6)..k).rev().find(|&x| self.word(x) == "(")
                && p > floor
                && self.nominal(p - 1)
            {
                i = p - 1;
                continue;
            }
            if self.nominal(k) {
                i = k;
                continue;
            }
            // `national and provincial officials`: the first adjective belongs to the phrase.
            if self.eq_any(k, &["and", "or"])
                && k > floor
                && i < j
                && self.adjective_like(k - 1)
                && !self.toks[i].cap
                && self.toks[i].m.is_none()
                && !self.toks[i].is(wc::DET | wc::POSS | wc::QUANT)
            {
                i = k - 1;
                continue;
            }
            if (self.eq(k, "of") || self.eq(k, "in"))
                && k > floor
                && self.nominal(k - 1)
                && self.toks[i].m.is_some()
            {
                i = k - 1;
                continue;
            }
            break;
        }
        Some(self.read_np(analysis, i, j))
    }

    fn pronoun_np(&self, analysis: &Analysis, i: usize) -> Np {
        let m = self.toks[i].m;
        Np {
            first: i,
            last: i,
            head: i,
            arg_first: i,
            arg_last: i,
            mention: m,
            entity: m.and_then(|m| analysis.mentions[m as usize].entity),
            pronoun: true,
            actor: true,
            ..Np::default()
        }
    }

    /// Reads head, possessor and argument span of the phrase `a..=b`.
    pub fn read_np(&self, analysis: &Analysis, a: usize, b: usize) -> Np {
        let mut np = Np { first: a, last: b, head: b, arg_first: a, arg_last: b, ..Np::default() };
        // The main part ends before the first `of`/`in`/`from` outside a mention.
        let mut main_first = a;
        let mut main_last = b;
        let mut k = a;
        while k <= b {
            if self.toks[k].m.is_none()
                && (self.eq(k, "of") || self.eq(k, "in") || self.eq(k, "from"))
            {
                let before_only_quant = (main_first..k).all(|x| {
                    let t = self.toks[x];
                    t.number
                        || t.is(wc::DET | wc::QUANT | wc::PLACE | wc::POSS) && t.m.is_none()
                        || self.eq(x, "all")
                }) || k > main_first
                    && self.toks[k - 1].is(wc::PLACE)
                    && self.toks[k - 1].m.is_none();
                if self.eq(k, "of") && before_only_quant {
                    // `hundreds of X`, `the city of X`, `areas of X`: X is the head.
                    main_first = k + 1;
                    k += 1;
                    continue;
                }
                main_last = k.saturating_sub(1).max(main_first);
                if self.eq(k, "in") || self.eq(k, "from") {
                    // `the government in Tripoli`: remember the place.
                    if let Some(m) = (k + 1..=b).find_map(|x| self.toks[x].m) {
                        np.inner_place = Some(m);
                    }
                }
                break;
            }
            k += 1;
        }
        // Possessor: `X 's head`.
        let mut core_first = main_first;
        for x in main_first..=main_last {
            if self.possessive(x) && x > main_first {
                np.possessor = (main_first..x).rev().find_map(|y| self.toks[y].m);
                core_first = x + 1;
            }
        }
        if core_first > main_last {
            core_first = main_first;
        }
        let head = main_last;
        np.head = head;
        np.arg_first = main_first;
        // Skip leading determiners and quantities in the argument span only when a mention heads it.
        let ht = self.toks[head];
        if let Some(m) = ht.m {
            np.mention = Some(m);
            let mm = &analysis.mentions[m as usize];
            np.entity = mm.entity;
            np.actor = true;
            np.arg_first = self.first_tok_of(mm.span, a);
            np.arg_last = self.last_tok_of(mm.span, b);
            // `the government in Tripoli` read as one description: its place.
            if np.inner_place.is_none()
                && let Some(x) =
                    (np.arg_first..np.arg_last).find(|&x| self.eq_any(x, &["in", "from"]))
                && let Some(p) = (x + 1..=np.arg_last).find_map(|y| self.toks[y].inner)
                && matches!(
                    analysis.mentions[p as usize].label,
                    MentionLabel::Gpe | MentionLabel::Loc
                )
            {
                np.inner_place = Some(p);
            }
            return np;
        }
        if ht.is(wc::PRON) || (a == b && ht.is(wc::POSS) && !ht.is(wc::DET)) {
            return self.pronoun_np(analysis, head);
        }
        let common_actor = ht.sector.is_some() || ht.is(wc::GROUP | wc::LEAD);
        // `Iraqi towns`: a place noun with a national modifier names the people there.
        let national_place = ht.is(wc::PLACE)
            && (core_first..head).any(|x| {
                self.toks[x]
                    .m
                    .is_some_and(|m| analysis.mentions[m as usize].label == MentionLabel::Norp)
            });
        // `Iraqi Kurds`: an unrecognised capitalised head after a national or named modifier.
        let named_group = ht.cap
            && ht.info.is_none()
            && head > 0
            && !ht.punct
            && (head > core_first && (core_first..head).any(|x| self.toks[x].m.is_some())
                || self.word(head).ends_with('s'));
        let common_actor = common_actor || national_place || named_group;
        // The last mention before the head, inside the core.
        let modifier = (core_first..head)
            .rev()
            .filter(|&x| !self.agentive_compound(x))
            .find_map(|x| self.toks[x].m);
        if common_actor {
            np.actor = true;
            np.sector = ht.sector;
            if let Some(m) = modifier {
                let mm = &analysis.mentions[m as usize];
                np.mention = Some(m);
                np.arg_first = self.first_tok_of(mm.span, a);
                np.arg_last = head;
                np.entity = match mm.label {
                    MentionLabel::Org | MentionLabel::Norp => mm.entity,
                    MentionLabel::Gpe => {
                        let country = mm
                            .entity
                            .and_then(|e| analysis.entities.get(e as usize))
                            .and_then(|e| e.geo.as_ref())
                            .is_some_and(|g| g.feature == "country");
                        if country { mm.entity } else { None }
                    }
                    _ => None,
                };
                return np;
            }
            if np.possessor.is_some() {
                np.arg_first = main_first;
                np.arg_last = head;
                return np;
            }
            // A description: the whole phrase, attachments included (`the government in Tripoli`).
            np.arg_first = a;
            np.arg_last = b;
            return np;
        }
        // A non-actor head (`UN Security Council resolutions`, `Turkey's efforts`): its last name,
        // or its possessor, is the actor.
        if let Some(m) = modifier
            .or_else(|| (core_first..=main_last).rev().find_map(|x| self.toks[x].m))
            .or(np.possessor)
        {
            let mm = &analysis.mentions[m as usize];
            np.mention = Some(m);
            np.entity = mm.entity;
            np.actor = true;
            np.arg_first = self.first_tok_of(mm.span, a);
            np.arg_last = self.last_tok_of(mm.span, b);
            return np;
        }
        np.arg_first = a;
        np
    }

    /// `Turkish-backed`, `US-led`: a name inside such a token is an agent, not the head's owner.
    pub fn agentive_compound(&self, i: usize) -> bool {
        let w = self.word(i);
        w.contains('-')
            && [
                "-backed",
                "-led",
                "-controlled",
                "-held",
                "-based",
                "-supported",
                "-sponsored",
                "-run",
                "-allied",
                "-aligned",
                "-brokered",
                "-funded",
                "-armed",
            ]
            .iter()
            .any(|s| w.to_ascii_lowercase().ends_with(s))
    }

    fn first_tok_of(&self, span: Span, floor: usize) -> usize {
        (floor..self.len()).find(|&x| self.toks[x].span.end > span.start).unwrap_or(floor)
    }

    fn last_tok_of(&self, span: Span, ceil: usize) -> usize {
        (0..=ceil.min(self.len().saturating_sub(1)))
            .rev()
            .find(|&x| self.toks[x].span.start < span.end)
            .unwrap_or(ceil)
    }

    /// Phrases coordinated to the right of `np` (`X and Y`, `X, Y and Z`, `X as well as Y`).
    pub fn coordinated_right(&self, analysis: &Analysis, np: Np, limit: usize, out: &mut Vec<Np>) {
        self.coordinated_right_with(analysis, np, limit, out, false);
    }

    /// As `coordinated_right`; with `participles`, a participle phrase after an item does not end
    /// the list (`met businesses working in X, alumni of Y and students`). Only for the parties
    /// of a meeting: elsewhere the phrase's object may start a list of its own (`Syrians living
    /// in Jordan, Lebanon and Turkey`).
    pub fn coordinated_right_with(
        &self,
        analysis: &Analysis,
        np: Np,
        limit: usize,
        out: &mut Vec<Np>,
        participles: bool,
    ) {
        out.push(np);
        let n = self.len().min(limit);
        let mut last = np.last;
        let mut pending_comma: Option<usize> = None;
        loop {
            let mut k = last + 1;
            if k < n && self.is_quote(k) {
                break;
            }
            // An aside between dashes (`Africa – where ... – and Ukraine`).
            if k < n
                && matches!(self.word(k), "\u{2013}" | "\u{2014}")
                && let Some(close) = (k + 1..n.min(k + 25))
                    .find(|&x| matches!(self.word(x), "\u{2013}" | "\u{2014}"))
            {
                k = close + 1;
            }
            if k >= n {
                break;
            }
            let mut next = None;
            if self.eq_any(k, &["and", "or", "&"]) {
                next = Some(k + 1);
            } else if self.word(k) == "," {
                if self.eq_any(k + 1, &["and", "or"]) {
                    next = Some(k + 2);
                } else {
                    next = Some(k + 1);
                }
            } else if self.eq(k, "as") && self.eq(k + 1, "well") && self.eq(k + 2, "as") {
                next = Some(k + 3);
            } else if self.eq_any(k, &["along", "together"]) && self.eq(k + 1, "with") {
                next = Some(k + 2);
            }
            // `businesses working in X, alumni of Y and students`: a participle phrase after an
            // item is no end of the list.
            if next.is_none()
                && participles
                && k + 2 < n
                && !self.toks[k].cap
                && self.toks[k].m.is_none()
                && self.toks[k].info.is_none()
                && (self.word(k).ends_with("ing") || self.word(k).ends_with("ed"))
                && self.toks[k + 1].is(wc::PREP)
                && !self.toks[k + 1].is(wc::SUB)
                && let Some(obj) = self.np_right(analysis, k + 2, n)
                && obj.last + 2 < n
                && (self.word(obj.last + 1) == "," || self.eq_any(obj.last + 1, &["and", "or"]))
                // What follows names no place of the phrase's list (`in X, Y and Z`).
                && self.np_right(analysis, obj.last + 2, n).is_some_and(|x| {
                    self.toks[x.head].m.is_none_or(|m| {
                        !matches!(
                            analysis.mentions[m as usize].label,
                            MentionLabel::Gpe | MentionLabel::Loc
                        )
                    })
                })
            {
                last = obj.last;
                continue;
            }
            let Some(s) = next else { break };
            if s >= n
                || !(self.toks[s].m.is_some()
                    || self.toks[s].is(wc::DET | wc::POSS)
                    || self.toks[s].cap
                    || self.toks[s].sector.is_some())
            {
                break;
            }
            let Some(np2) = self.np_right(analysis, s, n) else { break };
            if !np2.actor {
                break;
            }
            // `A, B, and C`: a serial comma before `and` ends the list like `and` alone.
            let comma_only = self.word(k) == "," && !self.eq_any(k + 1, &["and", "or"]);
            out.push(np2);
            last = np2.last;
            pending_comma = if comma_only { Some(out.len() - 1) } else { None };
        }
        // `X, Y said`: a list must end with `and`/`or`; a last item after a bare comma is not one.
        if let Some(p) = pending_comma {
            out.truncate(p);
        }
    }

    /// Phrases coordinated to the left of `np` (`X and Y agreed`).
    pub fn coordinated_left(&self, analysis: &Analysis, np: Np, floor: usize, out: &mut Vec<Np>) {
        out.push(np);
        let mut first = np.first;
        loop {
            if first <= floor + 1 {
                break;
            }
            let k = first - 1;
            let is_and = self.eq_any(k, &["and", "&"]);
            let is_comma = self.word(k) == "," && out.len() >= 2;
            if !is_and && !is_comma {
                break;
            }
            let mut j = k - 1;
            if self.word(j) == "," && j > floor {
                j -= 1;
            }
            let Some(np2) = self.np_left(analysis, j, floor) else { break };
            if !np2.actor {
                break;
            }
            out.push(np2);
            first = np2.first;
        }
        out.sort_by_key(|x| x.first);
    }

    /// The argument for a phrase (none for a phrase that names no actor).
    pub fn argument(&self, np: &Np) -> Argument {
        let s = Span::new(
            self.toks[np.arg_first].span.start,
            self.toks[np.arg_last.max(np.arg_first)].span.end,
        );
        Argument { entity: np.entity, span: s, text: self.text[s.start..s.end].to_string() }
    }

    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b.max(a)].span.end)
    }

    /// Is token `i` a place mention (GPE or LOC)?
    pub fn place_mention(&self, analysis: &Analysis, i: usize) -> Option<u32> {
        let m = self.toks.get(i)?.m?;
        matches!(analysis.mentions[m as usize].label, MentionLabel::Gpe | MentionLabel::Loc)
            .then_some(m)
    }
}
