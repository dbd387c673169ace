//! Greedy two-pass BILOU tagging of one document.
//!
//! Pass 1 tags left to right with local features plus the history of tags already given to the
//! same word earlier in the document. Pass 2 tags again with what pass 1 said about every
//! occurrence of the word and phrase in the whole document (non-local features, after Ratinov
//! and Roth 2009). Word features are pre-summed per word in a per-thread cache ([`Scratch`]),
//! and tokens that cannot start a name are skipped ([`must_score`]), so tagging costs a few
//! table lookups per capitalised token.

use super::features::{
    Context, Counts, Pass2, Pass2Facts, SentFacts, Tok, TokFacts, WordInfo, boundary_features,
    context_features, flag, sent_facts, word_features, word_info,
};
use super::hash::str_hash;
use std::sync::atomic::{AtomicU64, Ordering};

use super::labels::{NTAGS, O, Part, Tag, allowed, class_slot, closed, part_of, spans};
use super::lexicon::{Lexicon, NameList, U64Map};
use super::model::{Model, Weights};

/// A document's tokens prepared for tagging.
#[derive(Debug, Default, Clone)]
pub struct DocState {
    pub words: Vec<Tok>,
    pub facts: Vec<TokFacts>,
    /// Token ranges of the sentences.
    pub sents: Vec<(usize, usize)>,
    pub sfacts: Vec<SentFacts>,
}

impl DocState {
    pub fn clear(&mut self) {
        self.words.clear();
        self.facts.clear();
        self.sents.clear();
        self.sfacts.clear();
    }
}

/// Fills the per-token facts (gazetteer matches, document capitalisation flags) and the
/// per-sentence facts of a document whose `words` and `sents` are set.
pub fn fill_facts(doc: &mut DocState, lex: &Lexicon, names: &NameList, tmp: &mut PrepScratch) {
    let n = doc.words.len();
    doc.facts.clear();
    doc.facts.resize(n, TokFacts::default());
    doc.sfacts.clear();
    // Document capitalisation: per lowercase form, counts of (lowercase mid-sentence,
    // capitalised mid-sentence) occurrences, from sentences that are not all caps.
    tmp.doc_case.clear_for(n);
    for &(a, b) in &doc.sents {
        let sf = sent_facts(&doc.words[a..b]);
        doc.sfacts.push(sf);
        if sf.all_caps {
            continue;
        }
        for i in a + 1..b {
            let w = &doc.words[i];
            let k = case_kind(w);
            if k != 0 {
                tmp.doc_case.upsert(w.lower, |o| {
                    let mut c = o.unwrap_or([0; 2]);
                    c[k - 1] = c[k - 1].saturating_add(1);
                    c
                });
            }
        }
    }
    for (s, &(a, b)) in doc.sents.iter().enumerate() {
        let all_caps = doc.sfacts[s].all_caps;
        tmp.lowers.clear();
        tmp.caps.clear();
        for w in &doc.words[a..b] {
            tmp.lowers.push(w.lower);
            tmp.caps.push(
                w.is_cap() || w.flags & flag::HAS_DIGIT != 0 && w.flags & flag::HAS_UPPER != 0,
            );
        }
        tmp.gaz.clear();
        tmp.gaz.resize(b - a, 0);
        lex.match_sentence(&tmp.lowers, &tmp.caps, &mut tmp.gaz);
        names.match_sentence(&tmp.lowers, &tmp.caps, &mut tmp.gaz);
        for i in a..b {
            let w = &doc.words[i];
            let mut d = 0u8;
            if let Some(mut c) = tmp.doc_case.get(w.lower) {
                let own = if all_caps || i == a { 0 } else { case_kind(w) };
                if own != 0 {
                    c[own - 1] -= 1;
                }
                if c[0] > 0 {
                    d |= 1;
                }
                if c[1] > 0 {
                    d |= 2;
                }
            }
            if i == a {
                d |= 4;
            }
            doc.facts[i] = TokFacts { gaz: tmp.gaz[i - a], doc: d };
        }
    }
}

/// 1 for a lowercase word, 2 for a capitalised one, 0 otherwise.
fn case_kind(w: &Tok) -> usize {
    if w.flags & flag::ALL_LOWER != 0 {
        1
    } else if w.flags & flag::INIT_CAP != 0 {
        2
    } else {
        0
    }
}

/// Reusable buffers for [`fill_facts`].
#[derive(Debug, Default)]
pub struct PrepScratch {
    doc_case: U64Map<[u16; 2]>,
    lowers: Vec<u64>,
    caps: Vec<bool>,
    gaz: Vec<u128>,
}

/// Whether the history and aggregate features track this word (capitalised words only).
#[inline]
pub fn tracked(w: &Tok) -> bool {
    w.is_cap()
}

/// Pass-2 facts from the first pass's tags of a whole document.
pub fn pass2_facts(doc: &DocState, tags1: &[Tag], out: &mut Pass2) {
    let n = doc.words.len();
    out.facts.clear();
    out.facts.resize(n, Pass2Facts::default());
    let Pass2 { facts, agg, phrase, ents } = out;
    agg.clear_for(n / 2);
    phrase.clear_for(64);
    ents.clear();
    for (i, w) in doc.words.iter().enumerate() {
        if tracked(w) {
            let slot = class_slot(tags1[i]);
            agg.upsert(w.lower, |o| {
                let mut c = o.unwrap_or([0; 5]);
                c[slot] = c[slot].saturating_add(1);
                c
            });
        }
    }
    // Phrases: first-pass entity spans keyed by their lowercase token hashes.
    for &(a, b) in &doc.sents {
        for (s, e, c) in spans(&tags1[a..b]) {
            let mut h = 0x9e37u64;
            for w in &doc.words[a + s..a + e] {
                h = super::hash::combine(h, w.lower);
            }
            let slot = 1 + c as usize;
            phrase.upsert(h, |o| {
                let mut k = o.unwrap_or([0; 5]);
                k[slot] = k[slot].saturating_add(1);
                k
            });
            ents.push((a + s, a + e, h, slot));
        }
    }
    for (i, w) in doc.words.iter().enumerate() {
        facts[i].tag = tags1[i];
        if tracked(w)
            && let Some(mut c) = agg.get(w.lower)
        {
            let own = class_slot(tags1[i]);
            c[own] = c[own].saturating_sub(1);
            facts[i].agg = c;
        }
    }
    for &(s, e, h, slot) in ents.iter() {
        if let Some(mut c) = phrase.get(h) {
            c[slot] = c[slot].saturating_sub(1);
            for p in &mut facts[s..e] {
                p.phrase = c;
            }
        }
    }
}

/// Chooses the best tag allowed after `prev`.
#[inline]
pub fn best_tag(scores: &[i32; NTAGS], prev: Tag, last: bool) -> Tag {
    let mut best = O;
    let mut best_s = i32::MIN;
    for (t, &s) in scores.iter().enumerate() {
        let t = t as Tag;
        if s > best_s && allowed(prev, t, last) {
            best = t;
            best_s = s;
        }
    }
    best
}

/// Whether position `i` needs the model: a word with a capital letter, a name particle, or a
/// token inside an entity the previous tag opened. Anything else is O without scoring: an
/// entity almost never starts with a lowercase word, a number or punctuation (64 of 29,441 in
/// CoNLL-2003 train and dev), and this skips about three tokens in four.
#[inline]
pub fn must_score(w: &Tok, prev: Tag, lex: &Lexicon) -> bool {
    w.flags & flag::HAS_UPPER != 0
        || matches!(part_of(prev), Some(Part::B | Part::I))
        || lex.is_particle(w.lower)
}

/// Whether an entity left open by the previous tag must end before `w` rather than take it
/// in: a word with no capital letter or digit that is neither a name particle nor a name
/// connector (`there`, `group`, `said`), or, as the sentence's last token, any word without a
/// capital letter or digit (`.`, `of`). The greedy decoder may only continue an open entity,
/// so without this check one wrong I tag would make the name run over the rest of the
/// sentence (`Yunus-Bek Yevkurov there.`).
#[inline]
pub fn ends_before(w: &Tok, prev: Tag, last: bool, lex: &Lexicon) -> bool {
    if !matches!(part_of(prev), Some(Part::B | Part::I)) {
        return false;
    }
    if w.flags & (flag::HAS_UPPER | flag::HAS_DIGIT) != 0 {
        return false;
    }
    last || !(lex.is_particle(w.lower) || is_connector(w.lower))
}

/// Whether a lowercase word hash is one of [`words::NAME_CONNECTORS`].
pub fn is_connector(lower: u64) -> bool {
    static SET: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| {
        let mut v: Vec<u64> =
            super::words::NAME_CONNECTORS.iter().map(|w| super::hash::lower_hash(w)).collect();
        v.sort_unstable();
        v
    });
    set.binary_search(&lower).is_ok()
}

fn word_scores(w: &Weights, info: &WordInfo, o: i32, feats: &mut Vec<u64>) -> [i32; NTAGS] {
    feats.clear();
    word_features(info, o, feats);
    let mut acc = [0i32; NTAGS];
    for &f in feats.iter() {
        w.add(f, &mut acc);
    }
    acc
}

/// Words kept in a thread's cache before it starts afresh.
const MAX_CACHED: usize = 120_000;

static NEXT_MODEL_ID: AtomicU64 = AtomicU64::new(1);

/// A fresh identity for a loaded model (thread caches are tied to it).
pub fn new_model_id() -> u64 {
    NEXT_MODEL_ID.fetch_add(1, Ordering::Relaxed)
}

/// Reusable buffers for tagging documents, with a cache of pre-summed word-feature scores
/// (both passes, offsets -2..=2) for the words this thread has seen.
#[derive(Debug, Default)]
pub struct Scratch {
    model_id: u64,
    index: U64Map<u32>,
    infos: Vec<Tok>,
    /// `[pass][entry * 5 + offset + 2]`.
    rows: [Vec<[i32; NTAGS]>; 2],
    /// `[pass][offset + 2]` for the padding beyond a sentence edge.
    boundary: [[[i32; NTAGS]; 5]; 2],
    pub doc: DocState,
    prep: PrepScratch,
    /// Per token: its cache entry.
    src: Vec<u32>,
    pub tags1: Vec<Tag>,
    pub tags2: Vec<Tag>,
    p2: Pass2,
    feats: Vec<u64>,
    hist: U64Map<Counts>,
}

impl Scratch {
    fn reset_cache(&mut self, model: &Model, id: u64) {
        self.model_id = id;
        self.index = U64Map::with_capacity(1024);
        self.infos.clear();
        self.rows[0].clear();
        self.rows[1].clear();
        for (p, weights) in [&model.pass1, &model.pass2].into_iter().enumerate() {
            for o in [-2, -1, 1, 2] {
                self.feats.clear();
                boundary_features(o, &mut self.feats);
                let mut acc = [0i32; NTAGS];
                for &f in &self.feats {
                    weights.add(f, &mut acc);
                }
                self.boundary[p][(o + 2) as usize] = acc;
            }
        }
    }
}

/// Tags documents with a loaded model.
pub struct Tagger<'m> {
    pub model: &'m Model,
    /// The model's identity (from [`new_model_id`]).
    pub id: u64,
}

impl Tagger<'_> {
    /// Prepares `tokens` (flat) with sentence ranges `sents` in `scratch.doc`.
    pub fn prepare<S: AsRef<str>>(
        &self,
        tokens: &[S],
        sents: &[(usize, usize)],
        scratch: &mut Scratch,
    ) {
        if scratch.model_id != self.id || scratch.infos.len() + tokens.len() > MAX_CACHED {
            scratch.reset_cache(self.model, self.id);
        }
        let lex = &self.model.lexicon;
        scratch.doc.clear();
        scratch.src.clear();
        for t in tokens {
            let t = t.as_ref();
            let h = str_hash(t);
            let entry = match scratch.index.get(h) {
                Some(e) => e,
                None => {
                    let info = word_info(t, lex);
                    let e = scratch.infos.len() as u32;
                    for (p, weights) in
                        [&self.model.pass1, &self.model.pass2].into_iter().enumerate()
                    {
                        for o in -2..=2 {
                            let r = word_scores(weights, &info, o, &mut scratch.feats);
                            scratch.rows[p].push(r);
                        }
                    }
                    scratch.infos.push(info.tok());
                    scratch.index.insert(h, e);
                    e
                }
            };
            scratch.doc.words.push(scratch.infos[entry as usize]);
            scratch.src.push(entry);
        }
        scratch.doc.sents.extend_from_slice(sents);
        fill_facts(&mut scratch.doc, lex, &self.model.names, &mut scratch.prep);
    }

    /// Tags the prepared document: pass 1 into `scratch.tags1`, pass 2 into `scratch.tags2`.
    pub fn tag(&self, scratch: &mut Scratch) {
        let n = scratch.doc.words.len();
        scratch.tags1.clear();
        scratch.tags1.resize(n, O);
        scratch.tags2.clear();
        scratch.tags2.resize(n, O);
        scratch.hist.clear_for(64);
        self.run_pass(0, scratch);
        pass2_facts(&scratch.doc, &scratch.tags1, &mut scratch.p2);
        self.run_pass(1, scratch);
    }

    fn run_pass(&self, pass: usize, scratch: &mut Scratch) {
        let Scratch { doc, src, rows, boundary, tags1, tags2, p2, feats, hist, .. } = scratch;
        let weights = if pass == 0 { &self.model.pass1 } else { &self.model.pass2 };
        let lex = &self.model.lexicon;
        let tags = if pass == 0 { tags1 } else { tags2 };
        let rows = &rows[pass];
        let zero = [0u16; 5];
        for (s, &(a, b)) in doc.sents.iter().enumerate() {
            for i in a..b {
                let w = &doc.words[i];
                let mut prev = if i > a { tags[i - 1] } else { O };
                if ends_before(w, prev, i + 1 == b, lex) {
                    prev = closed(prev);
                    tags[i - 1] = prev;
                }
                if !must_score(w, prev, lex) {
                    tags[i] = O;
                    continue;
                }
                let mut acc = [0i32; NTAGS];
                for o in -2i32..=2 {
                    let j = i as i64 + i64::from(o);
                    let row = if j < a as i64 || j >= b as i64 {
                        &boundary[pass][(o + 2) as usize]
                    } else {
                        &rows[src[j as usize] as usize * 5 + (o + 2) as usize]
                    };
                    for (x, &y) in acc.iter_mut().zip(row.iter()) {
                        *x += y;
                    }
                }
                let h = if pass == 0 && tracked(w) { hist.get(w.lower) } else { None };
                let cx = Context {
                    words: &doc.words[a..b],
                    facts: &doc.facts[a..b],
                    sent: doc.sfacts[s],
                    tags: &tags[a..b],
                    hist: if pass == 0 { Some(h.as_ref().unwrap_or(&zero)) } else { None },
                    pass2: if pass == 1 { Some(&*p2) } else { None },
                    base: a,
                };
                feats.clear();
                context_features(&cx, i - a, feats);
                for &f in feats.iter() {
                    weights.add(f, &mut acc);
                }
                let t = best_tag(&acc, prev, i + 1 == b);
                tags[i] = t;
                if pass == 0 && tracked(w) {
                    let slot = class_slot(t);
                    hist.upsert(w.lower, |o| {
                        let mut c = o.unwrap_or([0; 5]);
                        c[slot] = c[slot].saturating_add(1);
                        c
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::features::word_info;
    use super::super::labels::{Class, tag};
    use super::*;

    /// `prev` as `O` or `CLASS-PART`, then the token and whether it ends the sentence.
    fn check(prev: &str, token: &str, last: bool, expect: bool) {
        let rec = crate::ner::Recognizer::embedded().expect("the embedded model loads");
        let lex = &rec.model().lexicon;
        let prev = match prev.split_once('-') {
            None => O,
            Some((p, c)) => {
                let part = match p {
                    "B" => Part::B,
                    "I" => Part::I,
                    "L" => Part::L,
                    _ => Part::U,
                };
                tag(Class::parse(c).unwrap_or(Class::Misc), part)
            }
        };
        let w = word_info(token, lex).tok();
        assert_eq!(ends_before(&w, prev, last, lex), expect, "{prev} {token} {last}");
    }

    #[test]
    fn open_names_end_before_words_that_cannot_continue_them() {
        for (prev, token, last, expect) in [
            ("I-PER", "there", false, true),
            ("B-ORG", "group", false, true),
            ("I-PER", ".", true, true),
            ("B-ORG", "of", true, true),
            ("B-ORG", "of", false, false),
            ("I-ORG", "&", false, false),
            ("B-PER", "van", false, false),
            ("B-PER", "Smith", true, false),
            ("I-MISC", "2000", true, false),
            ("L-PER", "there", false, false),
            ("O", "there", false, false),
            ("U-LOC", ".", true, false),
        ] {
            check(prev, token, last, expect);
        }
    }
}
