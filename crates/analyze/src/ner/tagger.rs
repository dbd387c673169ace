//! Greedy two-pass BILOU tagging of one document.
//!
//! Pass 1 tags left to right with local features plus the history of tags already given to the
//! same word earlier in the document. Pass 2 tags again with what pass 1 said about every
//! occurrence of the word and phrase in the whole document (non-local features, after Ratinov
//! and Roth 2009). Word features are pre-summed per known word ([`WordCache`]), so tagging a
//! token costs a handful of table lookups.

use super::features::{
    Context, Counts, Pass2Facts, SentFacts, TokFacts, WordInfo, boundary_features,
    context_features, flag, sent_facts, word_features, word_info,
};
use super::hash::str_hash;
use super::labels::{NTAGS, O, Tag, allowed, class_of, class_slot, spans};
use super::lexicon::{Lexicon, U64Map};
use super::model::{Model, Weights};

/// A document's tokens prepared for tagging.
#[derive(Debug, Default, Clone)]
pub struct DocState {
    pub words: Vec<WordInfo>,
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
pub fn fill_facts(doc: &mut DocState, lex: &Lexicon, tmp: &mut PrepScratch) {
    let n = doc.words.len();
    doc.facts.clear();
    doc.facts.resize(n, TokFacts::default());
    doc.sfacts.clear();
    // Document capitalisation: per lowercase form, counts of (lowercase mid-sentence,
    // capitalised mid-sentence) occurrences, from sentences that are not all caps.
    tmp.doc_case = U64Map::with_capacity(n);
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
            tmp.caps.push(w.is_cap() || w.flags & flag::HAS_DIGIT != 0 && w.flags & flag::HAS_UPPER != 0);
        }
        tmp.gaz.clear();
        tmp.gaz.resize(b - a, 0);
        lex.match_sentence(&tmp.lowers, &tmp.caps, &mut tmp.gaz);
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
fn case_kind(w: &WordInfo) -> usize {
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
    gaz: Vec<u64>,
}

/// Whether the history and aggregate features track this word (capitalised words only).
#[inline]
pub fn tracked(w: &WordInfo) -> bool {
    w.is_cap()
}

/// Pass-2 facts from the first pass's tags of a whole document.
pub fn pass2_facts(doc: &DocState, tags1: &[Tag], out: &mut Vec<Pass2Facts>) {
    let n = doc.words.len();
    out.clear();
    out.resize(n, Pass2Facts::default());
    let mut agg: U64Map<Counts> = U64Map::with_capacity(n / 2 + 4);
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
    let mut phrase: U64Map<Counts> = U64Map::with_capacity(64);
    let mut ents: Vec<(usize, usize, u64, usize)> = Vec::new();
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
        out[i].tag = tags1[i];
        if tracked(w)
            && let Some(mut c) = agg.get(w.lower)
        {
            let own = class_slot(tags1[i]);
            c[own] = c[own].saturating_sub(1);
            out[i].agg = c;
        }
    }
    for (s, e, h, slot) in ents {
        if let Some(mut c) = phrase.get(h) {
            c[slot] = c[slot].saturating_sub(1);
            for p in &mut out[s..e] {
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

/// Pre-summed word-feature scores of the words the model knows, for both passes.
#[derive(Debug)]
pub struct WordCache {
    index: U64Map<u32>,
    infos: Vec<WordInfo>,
    /// `[pass][word * 5 + offset + 2]`.
    scores: [Vec<[i32; NTAGS]>; 2],
    /// `[pass][offset + 2]` for the padding beyond a sentence edge.
    boundary: [[[i32; NTAGS]; 5]; 2],
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

impl WordCache {
    /// Builds the cache over the lexicon's vocabulary.
    pub fn build(model: &Model) -> WordCache {
        let words: Vec<&str> = model.lexicon.source.clusters.iter().map(|(w, _)| w.as_str()).collect();
        let mut index = U64Map::with_capacity(words.len());
        let mut infos = Vec::with_capacity(words.len());
        let mut scores = [Vec::with_capacity(words.len() * 5), Vec::with_capacity(words.len() * 5)];
        let mut feats = Vec::with_capacity(64);
        for (i, w) in words.iter().enumerate() {
            let info = word_info(w, &model.lexicon);
            index.insert(str_hash(w), i as u32);
            for (p, weights) in [&model.pass1, &model.pass2].into_iter().enumerate() {
                for o in -2..=2 {
                    scores[p].push(word_scores(weights, &info, o, &mut feats));
                }
            }
            infos.push(info);
        }
        let mut boundary = [[[0i32; NTAGS]; 5]; 2];
        for (p, weights) in [&model.pass1, &model.pass2].into_iter().enumerate() {
            for o in [-2, -1, 1, 2] {
                feats.clear();
                boundary_features(o, &mut feats);
                let mut acc = [0i32; NTAGS];
                for &f in &feats {
                    weights.add(f, &mut acc);
                }
                boundary[p][(o + 2) as usize] = acc;
            }
        }
        WordCache { index, infos, scores, boundary }
    }
}

/// Reusable buffers for tagging documents.
#[derive(Debug, Default)]
pub struct Scratch {
    pub doc: DocState,
    prep: PrepScratch,
    /// Per token: cache index, or `u32::MAX - k` for the k-th unknown word's rows.
    src: Vec<u32>,
    oov: [Vec<[i32; NTAGS]>; 2],
    pub tags1: Vec<Tag>,
    pub tags2: Vec<Tag>,
    p2: Vec<Pass2Facts>,
    feats: Vec<u64>,
    hist: U64Map<Counts>,
}

/// Tags documents with a loaded model and its word cache.
pub struct Tagger<'m> {
    pub model: &'m Model,
    pub cache: &'m WordCache,
}

impl Tagger<'_> {
    /// Prepares `tokens` (flat) with sentence ranges `sents` in `scratch.doc`.
    pub fn prepare<S: AsRef<str>>(&self, tokens: &[S], sents: &[(usize, usize)], scratch: &mut Scratch) {
        let doc = &mut scratch.doc;
        doc.clear();
        scratch.src.clear();
        scratch.oov[0].clear();
        scratch.oov[1].clear();
        let lex = &self.model.lexicon;
        for t in tokens {
            let t = t.as_ref();
            match self.cache.index.get(str_hash(t)) {
                Some(i) => {
                    doc.words.push(self.cache.infos[i as usize]);
                    scratch.src.push(i);
                }
                None => {
                    let info = word_info(t, lex);
                    let k = (scratch.oov[0].len() / 5) as u32;
                    for (p, weights) in [&self.model.pass1, &self.model.pass2].into_iter().enumerate() {
                        for o in -2..=2 {
                            let s = word_scores(weights, &info, o, &mut scratch.feats);
                            scratch.oov[p].push(s);
                        }
                    }
                    doc.words.push(info);
                    scratch.src.push(u32::MAX - k);
                }
            }
        }
        doc.sents.extend_from_slice(sents);
        fill_facts(doc, lex, &mut scratch.prep);
    }

    #[inline]
    fn word_row<'a>(&'a self, scratch_src: &[u32], oov: &'a [[i32; NTAGS]], pass: usize, j: usize, o: i32) -> &'a [i32; NTAGS] {
        let s = scratch_src[j];
        let off = (o + 2) as usize;
        if s as usize >= self.cache.infos.len() {
            let k = (u32::MAX - s) as usize;
            &oov[k * 5 + off]
        } else {
            &self.cache.scores[pass][s as usize * 5 + off]
        }
    }

    /// Tags the prepared document: pass 1 into `scratch.tags1`, pass 2 into `scratch.tags2`.
    pub fn tag(&self, scratch: &mut Scratch) {
        let n = scratch.doc.words.len();
        scratch.tags1.clear();
        scratch.tags1.resize(n, O);
        scratch.tags2.clear();
        scratch.tags2.resize(n, O);
        scratch.hist = U64Map::with_capacity(64);
        self.run_pass(0, scratch);
        pass2_facts(&scratch.doc, &scratch.tags1, &mut scratch.p2);
        self.run_pass(1, scratch);
    }

    fn run_pass(&self, pass: usize, scratch: &mut Scratch) {
        let Scratch { doc, src, oov, tags1, tags2, p2, feats, hist, .. } = scratch;
        let weights = if pass == 0 { &self.model.pass1 } else { &self.model.pass2 };
        let tags = if pass == 0 { tags1 } else { tags2 };
        for (s, &(a, b)) in doc.sents.iter().enumerate() {
            for i in a..b {
                let mut acc = [0i32; NTAGS];
                for o in -2i32..=2 {
                    let j = i as i64 + i64::from(o);
                    let row = if j < a as i64 || j >= b as i64 {
                        &self.cache.boundary[pass][(o + 2) as usize]
                    } else {
                        self.word_row(src, &oov[pass], pass, j as usize, o)
                    };
                    for (x, &y) in acc.iter_mut().zip(row.iter()) {
                        *x += y;
                    }
                }
                let w = &doc.words[i];
                let h = if pass == 0 && tracked(w) { hist.get(w.lower) } else { None };
                let cx = Context {
                    words: &doc.words[a..b],
                    facts: &doc.facts[a..b],
                    sent: doc.sfacts[s],
                    tags: &tags[a..b],
                    hist: if pass == 0 { Some(h.as_ref().unwrap_or(&[0; 5])) } else { None },
                    pass2: if pass == 1 { Some(&p2[a..b]) } else { None },
                };
                feats.clear();
                context_features(&cx, i - a, feats);
                for &f in feats.iter() {
                    weights.add(f, &mut acc);
                }
                let prev = if i > a { tags[i - 1] } else { O };
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

/// The class of a tag as a count slot, re-exported for training.
pub fn slot_of(t: Tag) -> usize {
    class_slot(t)
}

/// Whether a tag is inside an entity.
pub fn is_entity(t: Tag) -> bool {
    class_of(t).is_some()
}
