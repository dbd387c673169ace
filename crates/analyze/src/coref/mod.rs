//! Within-document resolution: mentions -> the document's entities (coreference clusters), the
//! titles people hold, and the reason for every link.
//!
//! Passes, in order (each sees what the previous ones decided):
//! 1. [`titles`]: the words before and after a person's name (`Russian President`, `Kremlin
//!    spokesman`, `Mr`, `, Wagner's leader`): TITLE mentions, descriptions, pending title facts.
//! 2. names: proper names cluster by rule - people by full name, surname, honorific + surname;
//!    organisations by name, acronym and expansion, and the gazetteer's bodies (`UN` = `United
//!    Nations`); places by gazetteer entry, ambiguous names settled by the countries the article
//!    mentions; demonyms (`Russian`, `Turkish-backed`) to their country; a capital (`Moscow`) to
//!    its country when the sentence makes it an actor (`relations with Moscow`, `Moscow's
//!    invasion`) and to the city otherwise; seats of power (`the Kremlin`) as governments.
//! 3. regions: `eastern Libya`, `the east`, `the desert south` (a part of the country in focus).
//! 4. [`refer`]: descriptions (`the group`, `the Tobruk administration`, `the government in
//!    Tripoli`, `Haftar's forces`, a headline's `Military leader`) and pronouns (`he`, `his`,
//!    `its`, `they`).
//! 5. [`nominal`]: unnamed groups no pass resolved (`government forces`, `the rebels`) become
//!    description mentions without an entity (not for given gold mentions: [`resolve_given`]).
//! 6. title facts get their organisation or country (explicit, or the country the sentence is
//!    about for government titles, the organisation it names for organisational ones).
//!
//! Mentions this stage adds (TITLE, descriptions, pronouns, regions) are merged into the list in
//! text order; indices are remapped consistently. Deterministic and linear in the number of
//! mentions times the (small) number of entities.

mod lexicon;
mod nominal;
mod places;
mod refer;
mod titles;

use std::collections::HashMap;

use gazetteer::Gazetteer;
use types::{
    CorefLink, Document, EntityType, GeoRef, LocalEntity, Mention, MentionKind, MentionLabel, Span,
    TitleFact,
};

use crate::text::Segmentation;

/// What coreference returns: entities, title facts and the justification of every link.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolution {
    pub entities: Vec<LocalEntity>,
    pub titles: Vec<TitleFact>,
    pub links: Vec<CorefLink>,
}

/// Clusters mentions into entities; sets [`Mention::entity`] and may add mentions (titles,
/// descriptions, pronouns, regions) in text order.
pub fn resolve(
    doc: &Document,
    seg: &Segmentation,
    mentions: &mut Vec<Mention>,
    gazetteer: &Gazetteer,
) -> (Vec<LocalEntity>, Vec<TitleFact>) {
    let r = resolve_full(doc, seg, mentions, gazetteer);
    (r.entities, r.titles)
}

/// [`resolve`], keeping the links and their evidence.
pub fn resolve_full(
    doc: &Document,
    seg: &Segmentation,
    mentions: &mut Vec<Mention>,
    gazetteer: &Gazetteer,
) -> Resolution {
    resolve_with(doc, seg, mentions, gazetteer, true)
}

/// [`resolve_full`] with the mentions given as they are (gold mentions): no descriptions of
/// its own are added for phrases the given mentions leave out.
pub fn resolve_given(
    doc: &Document,
    seg: &Segmentation,
    mentions: &mut Vec<Mention>,
    gazetteer: &Gazetteer,
) -> Resolution {
    resolve_with(doc, seg, mentions, gazetteer, false)
}

fn resolve_with(
    doc: &Document,
    seg: &Segmentation,
    mentions: &mut Vec<Mention>,
    gazetteer: &Gazetteer,
    describe: bool,
) -> Resolution {
    let mut w = Work::new(&doc.text, seg, gazetteer, std::mem::take(mentions));
    titles::premodifiers(&mut w);
    titles::appositions(&mut w);
    w.names();
    titles::roles(&mut w);
    places::regions(&mut w);
    refer::descriptions(&mut w);
    refer::pronouns(&mut w);
    refer::remaining(&mut w);
    if describe {
        nominal::describe(&mut w);
    }
    let facts = titles::facts(&mut w);
    let (out, r) = w.finish(facts);
    *mentions = out;
    r
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

/// A mention being worked on.
#[derive(Debug, Clone)]
pub(crate) struct WMention {
    pub m: Mention,
    /// Token range `[a, b)` it overlaps.
    pub tok: (usize, usize),
    pub sentence: usize,
    pub ent: Option<usize>,
    pub rule: &'static str,
    pub evidence: Span,
    /// For a TITLE: the working index of the person mention it qualifies.
    pub qualifies: Option<usize>,
}

/// An entity being built.
#[derive(Debug, Clone, Default)]
pub(crate) struct WEntity {
    pub etype: Option<EntityType>,
    pub kind: Option<String>,
    pub geo: Option<GeoRef>,
    /// A canonical name that beats the mentions' (a body's or a country's name).
    pub canonical: Option<String>,
    pub mentions: Vec<usize>,
    pub gender: Option<Gender>,
    /// The person an organisation belongs to (`his Libyan Arab Armed Forces group`).
    pub possessor: Option<usize>,
    /// Entity index of the place an organisation is based in.
    pub seat: Option<usize>,
    /// Lower-cased roles and description heads (`president`, `commander`).
    pub roles: Vec<String>,
}

/// A title fact before its `of` is settled.
#[derive(Debug, Clone)]
pub(crate) struct PendingTitle {
    pub person: usize,
    pub title: String,
    pub role: String,
    pub of: Option<usize>,
    pub evidence: Span,
    pub sentence: usize,
}

pub(crate) struct Work<'a> {
    pub text: &'a str,
    pub seg: &'a Segmentation,
    pub gaz: &'a Gazetteer,
    pub ms: Vec<WMention>,
    pub ents: Vec<WEntity>,
    /// Token -> the name mention covering it (not TITLE).
    pub tok_mention: Vec<Option<usize>>,
    /// Token -> the TITLE mention covering it.
    pub tok_title: Vec<Option<usize>>,
    /// Entity lookup keys (`geo:country:LY`, `org:wagner`) -> entity.
    pub keys: HashMap<String, usize>,
    pub pending: Vec<PendingTitle>,
    /// Country codes the article mentions, with weights (for ambiguous places).
    pub context: HashMap<String, u32>,
    /// Sentence -> its mentions (working indices).
    pub by_sentence: Vec<Vec<usize>>,
    /// Each token lower-cased without a final period (borrowed when already so).
    pub lowers: Vec<std::borrow::Cow<'a, str>>,
    /// Per name mention (computed once in [`Work::names`]): person name words, acronym,
    /// folded core text.
    pub cache: Vec<NameInfo>,
}

/// What name matching needs of a mention, computed once.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameInfo {
    pub person: Vec<String>,
    pub roles: Vec<String>,
    pub acronym: Option<String>,
    pub acronym_like: bool,
    pub folded: String,
}

impl<'a> Work<'a> {
    fn new(
        text: &'a str,
        seg: &'a Segmentation,
        gaz: &'a Gazetteer,
        mentions: Vec<Mention>,
    ) -> Self {
        let mut w = Work {
            text,
            seg,
            gaz,
            ms: Vec::with_capacity(mentions.len() * 2),
            ents: Vec::new(),
            tok_mention: vec![None; seg.tokens.len()],
            tok_title: vec![None; seg.tokens.len()],
            keys: HashMap::new(),
            pending: Vec::new(),
            context: HashMap::new(),
            cache: Vec::new(),
            by_sentence: vec![Vec::new(); seg.sentences.len().max(1)],
            lowers: seg
                .tokens
                .iter()
                .map(|t| {
                    let s = text.get(t.span.start..t.span.end).unwrap_or("").trim_end_matches('.');
                    if s.chars().any(char::is_uppercase) {
                        std::borrow::Cow::Owned(s.to_lowercase())
                    } else {
                        std::borrow::Cow::Borrowed(s)
                    }
                })
                .collect(),
        };
        let mut mentions = mentions;
        mentions
            .retain(|m| m.span.start < m.span.end && text.get(m.span.start..m.span.end).is_some());
        mentions.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
        let mut quals: Vec<Option<u32>> = Vec::new();
        for m in mentions {
            quals.push(m.qualifies);
            w.push(m, None);
        }
        // Keep NER's own TITLE -> person links where it gave them (indices are into the sorted
        // list; we only trust ones that point at a person mention after the title).
        for (i, q) in quals.iter().enumerate() {
            if let Some(q) = q.map(|q| q as usize).filter(|&q| q < w.ms.len() && q != i)
                && w.ms[i].m.label == MentionLabel::Title
                && w.ms[q].m.label == MentionLabel::Person
            {
                w.ms[i].qualifies = Some(q);
            }
        }
        w
    }

    /// Adds a mention (no entity yet), indexing its tokens. Returns its working index.
    pub fn push(&mut self, mut m: Mention, qualifies: Option<usize>) -> usize {
        let tok = self.token_range(m.span);
        let sentence = self.sentence_of_token(tok.0);
        m.sentence = sentence as u32;
        m.entity = None;
        m.qualifies = None;
        let i = self.ms.len();
        let is_title = m.label == MentionLabel::Title;
        let is_name = m.kind == MentionKind::Name;
        self.ms.push(WMention {
            m,
            tok,
            sentence,
            ent: None,
            rule: "",
            evidence: Span::default(),
            qualifies,
        });
        if let Some(v) = self.by_sentence.get_mut(sentence) {
            v.push(i);
        }
        for t in tok.0..tok.1 {
            if is_title {
                self.tok_title[t].get_or_insert(i);
            } else if is_name {
                // Outer (longer) name mentions were pushed first; keep them.
                self.tok_mention[t].get_or_insert(i);
            }
        }
        i
    }

    /// Adds a mention this stage found, unless one with the same span and label exists.
    pub fn add(&mut self, span: Span, label: MentionLabel, kind: MentionKind) -> Option<usize> {
        if let Some(i) = self.ms.iter().position(|x| x.m.span == span && x.m.label == label) {
            return Some(i);
        }
        let text = self.text.get(span.start..span.end)?.to_string();
        let m = Mention { span, text, label, kind, sentence: 0, entity: None, qualifies: None };
        Some(self.push(m, None))
    }

    pub fn token_range(&self, span: Span) -> (usize, usize) {
        let toks = &self.seg.tokens;
        let a = toks.partition_point(|t| t.span.end <= span.start);
        let b = toks.partition_point(|t| t.span.start < span.end);
        (a, b.max(a))
    }

    pub fn sentence_of_token(&self, t: usize) -> usize {
        let st = &self.seg.sentence_tokens;
        st.partition_point(|&(a, _)| a as usize <= t).saturating_sub(1)
    }

    /// The sentence's token range.
    pub fn sentence_tokens(&self, s: usize) -> (usize, usize) {
        self.seg.sentence_tokens.get(s).map_or((0, 0), |&(a, b)| (a as usize, b as usize))
    }

    pub fn tok(&self, i: usize) -> &'a str {
        self.seg.tokens.get(i).and_then(|t| self.text.get(t.span.start..t.span.end)).unwrap_or("")
    }

    pub fn lower(&self, i: usize) -> String {
        self.low(i).to_string()
    }

    /// Token `i` lower-cased, without a final period; `""` out of range.
    pub fn low(&self, i: usize) -> &str {
        self.lowers.get(i).map_or("", |c| c)
    }

    pub fn tok_span(&self, i: usize) -> Span {
        self.seg.tokens.get(i).map_or(Span::default(), |t| t.span)
    }

    pub fn is_possessive(&self, i: usize) -> bool {
        matches!(self.tok(i), "'s" | "\u{2019}s" | "'" | "\u{2019}")
    }

    pub fn new_entity(&mut self, etype: EntityType) -> usize {
        self.ents.push(WEntity { etype: Some(etype), ..WEntity::default() });
        self.ents.len() - 1
    }

    /// Puts mention `i` in entity `e` with a rule and evidence.
    pub fn link(&mut self, i: usize, e: usize, rule: &'static str, evidence: Span) {
        if let Some(old) = self.ms[i].ent {
            if old == e {
                return;
            }
            self.ents[old].mentions.retain(|&x| x != i);
        }
        self.ms[i].ent = Some(e);
        self.ms[i].rule = rule;
        self.ms[i].evidence = evidence;
        self.ents[e].mentions.push(i);
    }

    /// The entity under `key`, created with `etype` when missing.
    pub fn keyed(&mut self, key: String, etype: EntityType) -> (usize, bool) {
        if let Some(&e) = self.keys.get(&key) {
            return (e, false);
        }
        let e = self.new_entity(etype);
        self.keys.insert(key, e);
        (e, true)
    }

    /// The entity of a country, created with its gazetteer reference when missing.
    pub fn country_entity(&mut self, code: &str) -> Option<usize> {
        let c = self.gaz.country(code)?;
        let entry = gazetteer::Entry::Country(c);
        let (e, fresh) = self.keyed(format!("geo:{}", entry.id()), EntityType::Gpe);
        if fresh {
            self.ents[e].geo = Some(entry.georef());
            self.ents[e].canonical = Some(c.name.to_string());
            self.ents[e].kind = Some("country".into());
        }
        Some(e)
    }

    /// The first mention (working index) of an entity, by position.
    pub fn first_mention(&self, e: usize) -> Option<usize> {
        self.ents.get(e)?.mentions.iter().copied().min_by_key(|&i| self.ms[i].m.span.start)
    }

    fn names(&mut self) {
        places::collect_context(self);
        self.cache = (0..self.ms.len())
            .map(|i| {
                let m = &self.ms[i].m;
                if m.kind != MentionKind::Name {
                    return NameInfo::default();
                }
                let (person, roles) = if m.label == MentionLabel::Person {
                    self.person_name(&m.text)
                } else {
                    (Vec::new(), Vec::new())
                };
                let core = core_text(&m.text);
                NameInfo {
                    person,
                    roles,
                    acronym: acronym_of(core),
                    acronym_like: is_acronym_like(core),
                    folded: gazetteer::fold_string(core),
                }
            })
            .collect();
        let order: Vec<usize> = (0..self.ms.len()).collect();
        for i in order {
            let wm = &self.ms[i];
            if wm.m.kind != MentionKind::Name || wm.ent.is_some() {
                continue;
            }
            match wm.m.label {
                MentionLabel::Person => self.person(i),
                MentionLabel::Org => self.org(i),
                MentionLabel::Gpe | MentionLabel::Loc => places::place(self, i),
                MentionLabel::Norp => places::norp(self, i),
                MentionLabel::Title => {}
            }
        }
    }

    fn person(&mut self, i: usize) {
        let info = self.cache.get(i).cloned().unwrap_or_default();
        let (toks, roles) = (info.person, info.roles);
        if toks.is_empty() {
            // All title (`The President`): the person holding that role, if the article has one.
            let here = self.ms[i].m.span.start;
            let sentence = self.ms[i].sentence;
            let found = roles.iter().find_map(|r| {
                let mut best: Option<(usize, Span)> = None;
                for (e, ent) in self.ents.iter().enumerate() {
                    if ent.etype != Some(EntityType::Person) || !ent.roles.contains(r) {
                        continue;
                    }
                    for &j in &ent.mentions {
                        let m = &self.ms[j];
                        if m.m.span.end <= here
                            && m.sentence + 12 >= sentence
                            && best.is_none_or(|b| m.m.span.start > b.1.start)
                        {
                            best = Some((e, m.m.span));
                        }
                    }
                }
                best
            });
            let e = match found {
                Some((e, ev)) => {
                    self.link(i, e, "role", ev);
                    e
                }
                None => {
                    let e = self.new_entity(EntityType::Person);
                    self.link(i, e, "new", self.ms[i].m.span);
                    e
                }
            };
            for r in roles {
                if !self.ents[e].roles.contains(&r) {
                    self.ents[e].roles.push(r);
                }
            }
            return;
        }
        let gender = self.honorific_gender(i);
        // The most recent compatible person.
        let mut best: Option<(usize, usize, &'static str)> = None; // (entity, last mention start, rule)
        for (e, ent) in self.ents.iter().enumerate() {
            if ent.etype != Some(EntityType::Person) {
                continue;
            }
            if let (Some(g), Some(h)) = (gender, ent.gender)
                && g != h
            {
                continue;
            }
            let mut rule = None;
            let mut last = 0;
            for &j in &ent.mentions {
                let other = &self.ms[j];
                if other.m.kind != MentionKind::Name
                    || other.m.span.start >= self.ms[i].m.span.start
                {
                    continue;
                }
                last = last.max(other.m.span.start);
                let ot = self.cache.get(j).map_or(&[][..], |c| &c.person[..]);
                if let Some(r) = person_compatible(&toks, ot) {
                    rule = Some(r);
                }
            }
            // A full name must not contradict any of the entity's full names.
            if rule.is_some() && toks.len() > 1 {
                let conflict =
                    ent.mentions.iter().filter(|&&j| self.ms[j].m.kind == MentionKind::Name).any(
                        |&j| {
                            let ot = self.cache.get(j).map_or(&[][..], |c| &c.person[..]);
                            ot.len() > 1 && person_compatible(&toks, ot).is_none()
                        },
                    );
                if conflict {
                    rule = None;
                }
            }
            if let Some(r) = rule
                && best.is_none_or(|b| last > b.1)
            {
                best = Some((e, last, r));
            }
        }
        let e = match best {
            Some((e, _, rule)) => {
                let ev = self.ents[e]
                    .mentions
                    .iter()
                    .map(|&j| self.ms[j].m.span)
                    .filter(|s| s.start < self.ms[i].m.span.start)
                    .max_by_key(|s| s.start)
                    .unwrap_or(self.ms[i].m.span);
                self.link(i, e, rule, ev);
                e
            }
            None => {
                let e = self.new_entity(EntityType::Person);
                self.link(i, e, "new", self.ms[i].m.span);
                e
            }
        };
        if self.ents[e].gender.is_none() {
            self.ents[e].gender = gender;
        }
        for r in roles {
            if !self.ents[e].roles.contains(&r) {
                self.ents[e].roles.push(r);
            }
        }
    }

    /// The name words of a person mention and the roles written into it: `U.S. President
    /// Donald Trump's` -> (donald trump, president); `Lee Cheuk-yan of the Labour Party` ->
    /// lee cheuk-yan; `New People Party's Michael Tien` -> michael tien.
    pub fn person_name(&self, text: &str) -> (Vec<String>, Vec<String>) {
        let mut t = core_text(text);
        for sep in [" 's ", "'s ", "\u{2019}s "] {
            if let Some(k) = t.rfind(sep) {
                t = &t[k + sep.len()..];
            }
        }
        for sep in [" of ", " from ", ", ", " ("] {
            if let Some(k) = t.find(sep) {
                t = &t[..k];
            }
        }
        let words: Vec<&str> = t.split_whitespace().collect();
        let mut roles = Vec::new();
        let mut k = 0;
        while k < words.len() {
            let w = words[k];
            let lw = w.trim_end_matches('.').to_lowercase();
            let lower_initial = w.chars().next().is_some_and(|c| !c.is_uppercase());
            let title_word = lexicon::is(&lexicon::ROLES, &lw)
                || lexicon::is(&lexicon::TITLE_MODIFIERS, &lw)
                || lexicon::is(&lexicon::HONORIFICS, &lw)
                || lexicon::ABBREVIATED.iter().any(|(a, _)| *a == lw);
            let nationality = self.gaz.demonym(w).is_some()
                || matches!(self.gaz.acronym(w), Some(gazetteer::Entry::Country(_)))
                || w.contains('-')
                    && w.split('-').next().is_some_and(|x| x.chars().all(char::is_lowercase));
            let strip = if k + 1 < words.len() {
                lower_initial || title_word || nationality
            } else {
                lower_initial || title_word
            };
            if strip {
                if lexicon::is(&lexicon::ROLES, &lw) {
                    roles.push(lw);
                }
                k += 1;
            } else {
                break;
            }
        }
        (name_tokens(&words[k..].join(" ")), roles)
    }

    /// `Mr` / `Ms` just before a person mention.
    fn honorific_gender(&self, i: usize) -> Option<Gender> {
        let a = self.ms[i].tok.0;
        let w = self.lower(a.checked_sub(1)?);
        match w.as_str() {
            "mr" | "sir" | "lord" | "messrs" => Some(Gender::Male),
            "mrs" | "ms" | "miss" | "dame" | "lady" => Some(Gender::Female),
            _ => None,
        }
    }

    fn org(&mut self, i: usize) {
        let text = core_text(&self.ms[i].m.text).to_string();
        let span = self.ms[i].m.span;
        // A seat of power (`Kremlin`) is its government; a body of the gazetteer is itself.
        if let Some(seat) = self.gaz.seat(&text) {
            let entry = gazetteer::Entry::Seat(seat);
            let (e, fresh) = self.keyed(format!("geo:{}", entry.id()), EntityType::Org);
            if fresh {
                self.ents[e].geo = Some(entry.georef());
                self.ents[e].kind = Some("government".into());
            }
            let rule = if fresh { "gazetteer" } else { "same name" };
            self.link(i, e, rule, span);
            return;
        }
        if let Some(igo) = self.gaz.igo(&text) {
            let entry = gazetteer::Entry::Igo(igo);
            let (e, fresh) = self.keyed(format!("geo:{}", entry.id()), EntityType::Org);
            if fresh {
                self.ents[e].geo = Some(entry.georef());
                self.ents[e].canonical = Some(igo.name.to_string());
                self.ents[e].kind = Some(igo.kind.to_string());
            }
            let rule = if fresh { "gazetteer" } else { "same body" };
            self.link(i, e, rule, span);
            return;
        }
        // A country named as an organisation (`North Korea said`) is the state.
        let country = match self.gaz.acronym(&text) {
            Some(gazetteer::Entry::Country(c)) => Some(c.code.to_string()),
            _ => match self.gaz.lookup(&text).next() {
                Some(gazetteer::Entry::Country(c)) => Some(c.code.to_string()),
                _ => None,
            },
        };
        if let Some(e) = country.and_then(|c| self.country_entity(&c)) {
            let ev = self.first_mention(e).map_or(span, |j| self.ms[j].m.span);
            self.link(i, e, "country as actor", ev);
            return;
        }
        let key = org_key(&text);
        if let Some(&e) = self.keys.get(&format!("org:{key}")) {
            let ev = self.first_mention(e).map_or(span, |j| self.ms[j].m.span);
            self.link(i, e, "same name", ev);
            return;
        }
        // Acronym <-> expansion, either way round.
        let acr = acronym_of(&text);
        let is_acr = is_acronym_like(&text);
        let mut found = None;
        for (e, ent) in self.ents.iter().enumerate() {
            if ent.etype != Some(EntityType::Org) {
                continue;
            }
            for &j in &ent.mentions {
                let o = &self.ms[j].m;
                if o.kind != MentionKind::Name {
                    continue;
                }
                let Some(oc) = self.cache.get(j) else { continue };
                let hit = (is_acr && oc.acronym.as_deref() == Some(text.as_str()))
                    || (oc.acronym_like && acr.as_deref() == Some(core_text(&o.text)));
                if hit {
                    found = Some((e, o.span));
                }
            }
        }
        let found = found
            .map(|(e, ev)| (e, ev, "acronym"))
            .or_else(|| self.partial_org(i, &key).map(|(e, ev)| (e, ev, "part of name")));
        let e = match found {
            Some((e, ev, rule)) => {
                self.link(i, e, rule, ev);
                e
            }
            None => {
                let e = self.new_entity(EntityType::Org);
                self.link(i, e, "new", span);
                e
            }
        };
        self.keys.insert(format!("org:{key}"), e);
        if let Some(a) = acr {
            self.keys.entry(format!("org:{}", a.to_lowercase())).or_insert(e);
        }
    }

    /// An earlier organisation whose name contains this one's words, ending in the same word
    /// (`the Supreme Court` in `the Italian Supreme Court of Cassation`; `the Court`).
    fn partial_org(&self, i: usize, key: &str) -> Option<(usize, Span)> {
        let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty() && *w != "of").collect();
        let last = *words.last()?;
        let here = self.ms[i].m.span.start;
        let mut best: Option<(usize, Span)> = None;
        for (e, ent) in self.ents.iter().enumerate() {
            if ent.etype != Some(EntityType::Org) {
                continue;
            }
            for &j in &ent.mentions {
                let o = &self.ms[j].m;
                if o.kind != MentionKind::Name || o.span.start >= here {
                    continue;
                }
                let Some(oc) = self.cache.get(j) else { continue };
                let ow: Vec<&str> = oc.folded.split(' ').collect();
                if ow.len() > words.len()
                    && ow.contains(&last)
                    && words.iter().all(|w| ow.contains(w))
                    && best.is_none_or(|b| o.span.start > b.1.start)
                {
                    best = Some((e, o.span));
                }
            }
        }
        best
    }

    fn finish(self, facts: Vec<TitleFact>) -> (Vec<Mention>, Resolution) {
        let Work { ms, ents, .. } = self;
        // Order mentions by position (longer first at equal starts), then entities by their
        // first mention.
        let mut order: Vec<usize> = (0..ms.len()).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (&ms[a].m, &ms[b].m);
            x.span
                .start
                .cmp(&y.span.start)
                .then(y.span.end.cmp(&x.span.end))
                .then(x.label.cmp(&y.label))
        });
        let mut new_index = vec![0u32; ms.len()];
        for (n, &o) in order.iter().enumerate() {
            new_index[o] = n as u32;
        }
        let mut ent_order: Vec<usize> = Vec::new();
        let mut ent_index = vec![u32::MAX; ents.len()];
        for &o in &order {
            if let Some(e) = ms[o].ent
                && ent_index[e] == u32::MAX
            {
                ent_index[e] = ent_order.len() as u32;
                ent_order.push(e);
            }
        }
        // Entities no mention names but a title is of (`Deputy Defence Minister X` in a
        // sentence set in Moscow is of Russia even when the article never names Russia).
        for f in &facts {
            if let Some(o) = f.of.map(|o| o as usize).filter(|&o| o < ents.len())
                && ent_index[o] == u32::MAX
            {
                ent_index[o] = ent_order.len() as u32;
                ent_order.push(o);
            }
        }
        let mut out: Vec<Mention> = Vec::with_capacity(ms.len());
        let mut links = Vec::new();
        for &o in &order {
            let wm = &ms[o];
            let mut m = wm.m.clone();
            m.entity = wm.ent.map(|e| ent_index[e]);
            m.qualifies = wm.qualifies.map(|q| new_index[q]);
            if let Some(e) = m.entity {
                links.push(CorefLink {
                    mention: new_index[o],
                    entity: e,
                    rule: if wm.rule.is_empty() { "new".into() } else { wm.rule.into() },
                    evidence: if wm.evidence.is_empty() { wm.m.span } else { wm.evidence },
                });
            }
            out.push(m);
        }
        let mut entities = Vec::with_capacity(ent_order.len());
        for &e in &ent_order {
            let ent = &ents[e];
            let mut idx: Vec<u32> = ent.mentions.iter().map(|&i| new_index[i]).collect();
            idx.sort_unstable();
            let etype = ent.etype.unwrap_or(EntityType::Org);
            let mut aliases: Vec<String> = Vec::new();
            for &i in &idx {
                let m = &out[i as usize];
                if matches!(m.kind, MentionKind::Name | MentionKind::Nominal)
                    && !aliases.contains(&m.text)
                {
                    aliases.push(m.text.clone());
                }
            }
            let name = entity_name(ent, etype, &idx, &out);
            entities.push(LocalEntity {
                etype,
                name,
                kind: ent.kind.clone(),
                mentions: idx,
                aliases,
                geo: ent.geo.clone(),
                key: String::new(),
            });
        }
        let titles = facts
            .into_iter()
            .filter_map(|mut f| {
                let p = *ent_index.get(f.person as usize)?;
                if p == u32::MAX {
                    return None;
                }
                f.person = p;
                f.of =
                    f.of.and_then(|o| ent_index.get(o as usize).copied())
                        .filter(|&o| o != u32::MAX);
                Some(f)
            })
            .collect();
        (out, Resolution { entities, titles, links })
    }
}

/// The name an entity goes by: a body's or country's canonical name; else the fullest name
/// mention (most words, then longest); else a description.
fn entity_name(ent: &WEntity, etype: EntityType, idx: &[u32], out: &[Mention]) -> String {
    let names = idx.iter().map(|&i| &out[i as usize]).filter(|m| m.kind == MentionKind::Name);
    let best = names
        .filter(|m| !(etype == EntityType::Gpe && m.label == MentionLabel::Norp))
        .max_by(|a, b| {
            let (wa, wb) = (a.text.split_whitespace().count(), b.text.split_whitespace().count());
            wa.cmp(&wb).then(a.text.len().cmp(&b.text.len())).then(b.span.start.cmp(&a.span.start))
        })
        .map(|m| m.text.clone());
    if let Some(c) = &ent.canonical {
        // A country keeps its gazetteer name; a body too unless the text spells it out longer.
        if etype == EntityType::Gpe || best.as_ref().is_none_or(|b| b.len() <= c.len()) {
            return c.clone();
        }
    }
    best.or_else(|| ent.geo.as_ref().map(|g| g.name.clone()))
        .or_else(|| idx.first().map(|&i| out[i as usize].text.clone()))
        .unwrap_or_default()
}

/// The words of a person's name, without honorifics, possessives or suffixes.
pub(crate) fn name_tokens(text: &str) -> Vec<String> {
    let t = text.trim_end_matches("'s").trim_end_matches("\u{2019}s");
    t.split_whitespace()
        .map(|w| w.trim_matches(|c: char| c == ',' || c == '.').to_lowercase())
        .filter(|w| {
            !w.is_empty()
                && !lexicon::is(&lexicon::NAME_SUFFIXES, w)
                && !lexicon::is(&lexicon::HONORIFICS, w)
        })
        .collect()
}

/// Whether a person's name `a` can refer to the same person as `b`, and by which rule.
pub(crate) fn person_compatible(a: &[String], b: &[String]) -> Option<&'static str> {
    let (la, lb) = (a.last()?, b.last()?);
    if a == b {
        return Some("same name");
    }
    if la != lb {
        // `Putin` vs `Vladimir Putin`: the last words must agree.
        return None;
    }
    if a.len() == 1 || b.len() == 1 {
        return Some("surname");
    }
    // Both have first names: they must agree (or one be the other's initial).
    let (fa, fb) = (&a[0], &b[0]);
    let initial = |x: &str, y: &str| x.chars().count() == 1 && y.starts_with(x);
    (fa == fb || initial(fa, fb) || initial(fb, fa)).then_some("same name")
}

/// A mention's text without a leading `the` or a trailing possessive (`the Court 's` -> `Court`).
pub(crate) fn core_text(text: &str) -> &str {
    let mut t = text.trim();
    for suf in [" 's", "'s", "\u{2019}s", " '", "'", "\u{2019}"] {
        if let Some(x) = t.strip_suffix(suf) {
            t = x.trim_end();
            break;
        }
    }
    for pre in ["the ", "The ", "THE "] {
        if let Some(x) = t.strip_prefix(pre) {
            t = x.trim_start();
            break;
        }
    }
    t
}

/// An organisation's name folded for matching, without a leading `the` or generic head.
pub(crate) fn org_key(text: &str) -> String {
    let f = gazetteer::fold_string(core_text(text));
    let mut words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
    if words.first() == Some(&"the") {
        words.remove(0);
    }
    if words.len() > 1 && words.last().is_some_and(|w| lexicon::is(&lexicon::ORG_GENERIC_HEADS, w))
    {
        words.pop();
    }
    words.join(" ")
}

/// `UN`, `LNA`, `U.S.`: written in capitals.
pub(crate) fn is_acronym_like(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    (2..=7).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase()) && !s.contains(' ')
}

/// The acronym a multi-word name would have (`Government of National Unity` -> `GNU`).
pub(crate) fn acronym_of(s: &str) -> Option<String> {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    let a: String = words
        .iter()
        .filter(|w| !lexicon::is(&lexicon::ACRONYM_SKIP, &w.to_lowercase()))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect();
    (a.len() >= 2).then_some(a)
}

#[cfg(test)]
mod tests;
