//! What the recognizer knows about words and names beyond its weights: word clusters and
//! capitalisation statistics learnt from unlabelled news, and gazetteer lists (countries,
//! demonyms, cities, provinces, continents, capitals, names harvested from WikiANN, title
//! words), with the phrase matcher that turns them into per-token features.

use super::codec::{Reader, Writer};
use super::hash::{combine, lower_hash, str_hash};
use super::words;

/// An open-addressing hash map from non-zero 64-bit keys (already well mixed) to small values,
/// with each key stored next to its value (one cache line per probe).
#[derive(Debug, Clone)]
pub struct U64Map<V: Copy> {
    slots: Vec<(u64, V)>,
    mask: usize,
    len: usize,
}

#[inline]
fn nz(k: u64) -> u64 {
    if k == 0 { 1 } else { k }
}

impl<V: Copy + Default> Default for U64Map<V> {
    fn default() -> Self {
        U64Map::with_capacity(4)
    }
}

impl<V: Copy + Default> U64Map<V> {
    /// Empties the map, keeping its memory unless it is much larger than `expect` entries need.
    pub fn clear_for(&mut self, expect: usize) {
        let want = (expect.max(4) * 2).next_power_of_two();
        if self.slots.len() > want * 8 || self.slots.len() < want {
            *self = U64Map::with_capacity(expect);
        } else if self.len > 0 {
            self.slots.fill((0, V::default()));
            self.len = 0;
        }
    }

    pub fn with_capacity(n: usize) -> U64Map<V> {
        let size = (n.max(4) * 2).next_power_of_two();
        U64Map { slots: vec![(0, V::default()); size], mask: size - 1, len: 0 }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    fn slot(&self, k: u64) -> (usize, bool) {
        let k = nz(k);
        let mut i = (k as usize) & self.mask;
        loop {
            let s = self.slots[i].0;
            if s == k {
                return (i, true);
            }
            if s == 0 {
                return (i, false);
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline]
    pub fn get(&self, k: u64) -> Option<V> {
        let (i, found) = self.slot(k);
        found.then(|| self.slots[i].1)
    }

    /// Inserts or updates with `f(old)`.
    pub fn upsert(&mut self, k: u64, f: impl FnOnce(Option<V>) -> V) {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let (i, found) = self.slot(k);
        let old = found.then(|| self.slots[i].1);
        self.slots[i].1 = f(old);
        if !found {
            self.slots[i].0 = nz(k);
            self.len += 1;
        }
    }

    pub fn insert(&mut self, k: u64, v: V) {
        self.upsert(k, |_| v);
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        let size = (old.len() * 2).max(8);
        self.slots = vec![(0, V::default()); size];
        self.mask = size - 1;
        self.len = 0;
        for (k, v) in old {
            if k != 0 {
                self.insert(k, v);
            }
        }
    }
}

/// Gazetteer categories (a token carries B/I/L/U bits per category).
pub mod cat {
    pub const COUNTRY: u32 = 0;
    pub const DEMONYM: u32 = 1;
    pub const CITY: u32 = 2;
    pub const PROVINCE: u32 = 3;
    pub const CONTINENT: u32 = 4;
    pub const CAPITAL: u32 = 5;
    pub const PER: u32 = 6;
    pub const ORG: u32 = 7;
    pub const LOC: u32 = 8;
    pub const FIRST: u32 = 9;
    pub const LAST: u32 = 10;
    pub const TITLE_HEAD: u32 = 11;
    pub const TITLE_MOD: u32 = 12;
    pub const REGION: u32 = 13;
    /// Names of the training data, by class (`TRAIN + class`): PER, ORG, LOC, MISC.
    pub const TRAIN: u32 = 14;
}

/// Number of gazetteer categories.
pub const GAZ_CATS: usize = 18;

const PREFIX_BIT: u32 = 1 << 31;
/// In the word-class map: a name particle (`van`, `de`).
const PARTICLE_BIT: u32 = 1 << 30;
/// Longest gazetteer phrase, in tokens.
pub const MAX_PHRASE: usize = 6;

/// Word clusters, capitalisation statistics and gazetteer phrases.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Exact word form -> cluster ids at three granularities.
    clusters: U64Map<[u16; 3]>,
    /// Lowercase form -> capitalisation bin.
    caps: U64Map<u8>,
    /// Lowercase phrase hash -> category bits (and [`PREFIX_BIT`] when a longer entry continues).
    phrases: U64Map<u32>,
    /// Lowercase word -> title head / modifier bits.
    titles: U64Map<u32>,
    /// Serialised form, kept to write the model back.
    pub(crate) source: LexiconSource,
}

/// The lexicon's contents in the form they are stored and built from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LexiconSource {
    /// (word, clusters at three granularities), sorted by word.
    pub clusters: Vec<(String, [u16; 3])>,
    /// (lowercase word, capitalisation bin), sorted.
    pub caps: Vec<(String, u8)>,
    /// (lowercase phrase with tokens joined by one space, category bits), sorted.
    pub phrases: Vec<(String, u32)>,
}

/// The hash of a phrase given the lowercase hashes of its tokens.
#[inline]
pub fn phrase_hash(prev: Option<u64>, token_lower: u64) -> u64 {
    match prev {
        None => token_lower,
        Some(p) => combine(p, token_lower),
    }
}

/// Capitalisation bin from counts in unlabelled text: mid-sentence capitalised and lowercase
/// occurrences and the total count of the lowercase form.
pub fn cap_bin(capitalised: u64, lowercase: u64, total: u64) -> u8 {
    if total == 0 {
        return 0;
    }
    let freq = if total < 10 {
        0
    } else if total < 100 {
        1
    } else {
        2
    };
    let mid = capitalised + lowercase;
    let p = if mid == 0 {
        0
    } else {
        let r = capitalised as f64 / mid as f64;
        if r < 0.02 {
            1
        } else if r < 0.2 {
            2
        } else if r < 0.5 {
            3
        } else if r < 0.8 {
            4
        } else if r < 0.98 {
            5
        } else {
            6
        }
    };
    1 + freq * 7 + p
}

impl Lexicon {
    pub fn new(source: LexiconSource) -> Lexicon {
        let mut clusters = U64Map::with_capacity(source.clusters.len());
        for (w, c) in &source.clusters {
            clusters.insert(str_hash(w), *c);
        }
        let mut caps = U64Map::with_capacity(source.caps.len());
        for (w, b) in &source.caps {
            caps.insert(str_hash(w), *b);
        }
        let mut phrases: U64Map<u32> = U64Map::with_capacity(source.phrases.len() * 2);
        for (p, bits) in &source.phrases {
            let toks: Vec<&str> = p.split(' ').filter(|t| !t.is_empty()).collect();
            if toks.is_empty() || toks.len() > MAX_PHRASE {
                continue;
            }
            let mut h = None;
            for (i, t) in toks.iter().enumerate() {
                let nh = phrase_hash(h, lower_hash(t));
                let last = i + 1 == toks.len();
                let add = if last { *bits & !PREFIX_BIT } else { PREFIX_BIT };
                phrases.upsert(nh, |old| old.unwrap_or(0) | add);
                h = Some(nh);
            }
        }
        let mut titles = U64Map::with_capacity(256);
        for w in words::TITLE_HEADS {
            titles.upsert(str_hash(w), |o| o.unwrap_or(0) | 1 << cat::TITLE_HEAD);
        }
        for w in words::TITLE_MODIFIERS {
            titles.upsert(str_hash(w), |o| o.unwrap_or(0) | 1 << cat::TITLE_MOD);
        }
        for w in words::NAME_PARTICLES {
            titles.upsert(str_hash(w), |o| o.unwrap_or(0) | PARTICLE_BIT);
        }
        Lexicon { clusters, caps, phrases, titles, source }
    }

    /// Cluster ids of a word: its exact form, else (for capitalised or all-caps words) its
    /// title-case and lowercase forms.
    pub fn clusters(&self, s: &str, word: u64, lower: u64, flags: u16) -> [u16; 3] {
        use super::features::flag;
        if let Some(c) = self.clusters.get(word) {
            return c;
        }
        if flags & flag::ALL_CAPS != 0 {
            let mut h = super::hash::ByteHasher::new();
            let mut first = true;
            for c in s.chars() {
                if first {
                    h.char(c);
                    first = false;
                } else {
                    for l in c.to_lowercase() {
                        h.char(l);
                    }
                }
            }
            if let Some(c) = self.clusters.get(h.finish()) {
                return c;
            }
        }
        if flags & flag::HAS_UPPER != 0
            && let Some(c) = self.clusters.get(lower)
        {
            return c;
        }
        [0; 3]
    }

    pub fn cap_bin(&self, lower: u64) -> u8 {
        self.caps.get(lower).unwrap_or(0)
    }

    /// Title bits (`1 << cat::TITLE_HEAD`, `1 << cat::TITLE_MOD`) of a lowercase word hash.
    pub fn title_bits(&self, lower: u64) -> u32 {
        self.titles.get(lower).unwrap_or(0) & !PARTICLE_BIT
    }

    /// Whether a lowercase word hash is a name particle (`van`, `de`, `bin`).
    pub fn is_particle(&self, lower: u64) -> bool {
        self.titles.get(lower).unwrap_or(0) & PARTICLE_BIT != 0
    }

    /// Category bits of an exact lowercase phrase (0 when it is no entry).
    pub fn phrase_cats(&self, lowers: &[u64]) -> u32 {
        let mut h = None;
        for &l in lowers {
            h = Some(phrase_hash(h, l));
        }
        h.and_then(|h| self.phrases.get(h)).map_or(0, |b| b & !PREFIX_BIT)
    }

    /// Gazetteer features of a sentence: for every token, bit `4 * category + part` (part B=0,
    /// I=1, L=2, U=3) of every entry that covers it. Name entries must start and end with a
    /// capitalised token (`cap[i]`); title words match in any case.
    pub fn match_sentence(&self, lowers: &[u64], cap: &[bool], out: &mut [u128]) {
        let n = lowers.len();
        for o in out.iter_mut() {
            *o = 0;
        }
        for i in 0..n {
            let t = self.title_bits(lowers[i]);
            if t != 0 {
                for c in [cat::TITLE_HEAD, cat::TITLE_MOD] {
                    if t & (1 << c) != 0 {
                        out[i] |= 1u128 << (4 * c + 3);
                    }
                }
            }
            if !cap[i] {
                continue;
            }
            match_from(&self.phrases, lowers, cap, i, 0, out);
        }
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        let s = &self.source;
        w.varint(s.clusters.len() as u64);
        for (word, c) in &s.clusters {
            w.str(word);
            for &x in c {
                w.varint(u64::from(x));
            }
        }
        w.varint(s.caps.len() as u64);
        for (word, b) in &s.caps {
            w.str(word);
            w.varint(u64::from(*b));
        }
        w.varint(s.phrases.len() as u64);
        for (p, bits) in &s.phrases {
            w.str(p);
            w.varint(u64::from(*bits));
        }
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Lexicon, String> {
        let mut src = LexiconSource::default();
        let n = r.len(10_000_000)?;
        src.clusters.reserve(n);
        for _ in 0..n {
            let word = r.str()?.to_string();
            let mut c = [0u16; 3];
            for x in &mut c {
                *x = u16::try_from(r.varint()?).map_err(|_| "cluster id out of range")?;
            }
            src.clusters.push((word, c));
        }
        let n = r.len(10_000_000)?;
        src.caps.reserve(n);
        for _ in 0..n {
            let word = r.str()?.to_string();
            let b = u8::try_from(r.varint()?).map_err(|_| "cap bin out of range")?;
            src.caps.push((word, b));
        }
        let n = r.len(10_000_000)?;
        src.phrases.reserve(n);
        for _ in 0..n {
            let p = r.str()?.to_string();
            let bits = u32::try_from(r.varint()?).map_err(|_| "phrase bits out of range")?;
            src.phrases.push((p, bits));
        }
        Ok(Lexicon::new(src))
    }
}

/// Marks the B/I/L/U bits of every phrase of `table` that starts at token `i` and ends on a
/// capitalised token, with categories shifted by `base`.
fn match_from(
    table: &U64Map<u32>,
    lowers: &[u64],
    cap: &[bool],
    i: usize,
    base: u32,
    out: &mut [u128],
) {
    let n = lowers.len();
    let mut h = None;
    for j in i..n.min(i + MAX_PHRASE) {
        let nh = phrase_hash(h, lowers[j]);
        let Some(bits) = table.get(nh) else { break };
        let cats = bits & !PREFIX_BIT;
        if cats != 0 && cap[j] {
            let mut c = cats;
            while c != 0 {
                let k = c.trailing_zeros() + base;
                c &= c - 1;
                if j == i {
                    out[i] |= 1u128 << (4 * k + 3);
                } else {
                    out[i] |= 1u128 << (4 * k);
                    for o in &mut out[i + 1..j] {
                        *o |= 1u128 << (4 * k + 1);
                    }
                    out[j] |= 1u128 << (4 * k + 2);
                }
            }
        }
        if bits & PREFIX_BIT == 0 {
            break;
        }
        h = Some(nh);
    }
}

/// Names seen in labelled training data, with how often each was of each class.
#[derive(Debug, Clone, Default)]
pub struct NameList {
    /// Phrase hash -> class bits (a class with at least a quarter of the name's occurrences).
    phrases: U64Map<u32>,
    /// Lowercase single word -> majority class + 1.
    majority: U64Map<u8>,
    pub(crate) source: Vec<(String, [u16; 4])>,
}

impl NameList {
    /// Builds the list from `(lowercase phrase, counts per class)` entries.
    pub fn new(source: Vec<(String, [u16; 4])>) -> NameList {
        let mut phrases: U64Map<u32> = U64Map::with_capacity(source.len() * 2);
        let mut majority = U64Map::with_capacity(source.len());
        for (p, counts) in &source {
            let toks: Vec<&str> = p.split(' ').filter(|t| !t.is_empty()).collect();
            if toks.is_empty() || toks.len() > MAX_PHRASE {
                continue;
            }
            let total: u32 = counts.iter().map(|&c| u32::from(c)).sum();
            let mut bits = 0u32;
            for (k, &c) in counts.iter().enumerate() {
                if total > 0 && u32::from(c) * 4 >= total {
                    bits |= 1 << k;
                }
            }
            let mut h = None;
            for (i, t) in toks.iter().enumerate() {
                let nh = phrase_hash(h, lower_hash(t));
                let add = if i + 1 == toks.len() { bits } else { PREFIX_BIT };
                phrases.upsert(nh, |old| old.unwrap_or(0) | add);
                h = Some(nh);
            }
            if toks.len() == 1 {
                let (best, &n) = counts
                    .iter()
                    .enumerate()
                    .max_by_key(|&(k, &n)| (n, std::cmp::Reverse(k)))
                    .unwrap_or((0, &0));
                if total >= 2 && u32::from(n) * 3 >= total * 2 {
                    majority.insert(lower_hash(toks[0]), best as u8 + 1);
                }
            }
        }
        NameList { phrases, majority, source }
    }

    /// Adds the bits of category `cat::TRAIN + class` for names matched in a sentence.
    pub fn match_sentence(&self, lowers: &[u64], cap: &[bool], out: &mut [u128]) {
        for i in 0..lowers.len() {
            if cap[i] {
                match_from(&self.phrases, lowers, cap, i, cat::TRAIN, out);
            }
        }
    }

    /// The class a single word (lowercase hash) mostly had in training (two thirds or more of
    /// at least two occurrences).
    pub fn majority(&self, lower: u64) -> Option<super::labels::Class> {
        self.majority
            .get(lower)
            .and_then(|c| c.checked_sub(1))
            .map(|c| super::labels::Class::from_index(c.into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::new(LexiconSource {
            clusters: vec![("Japan".into(), [1, 2, 3]), ("japan".into(), [4, 5, 6])],
            caps: vec![("japan".into(), 9)],
            phrases: vec![
                ("new york".into(), 1 << cat::CITY),
                ("new york city".into(), 1 << cat::CITY),
                ("york".into(), 1 << cat::CITY),
            ],
        })
    }

    fn check(words: &str, expect: &str) {
        let l = lex();
        let toks: Vec<&str> = words.split(' ').collect();
        let lowers: Vec<u64> = toks.iter().map(|t| lower_hash(t)).collect();
        let cap: Vec<bool> =
            toks.iter().map(|t| t.chars().next().is_some_and(char::is_uppercase)).collect();
        let mut out = vec![0u128; toks.len()];
        l.match_sentence(&lowers, &cap, &mut out);
        let parts: Vec<String> = out
            .iter()
            .map(|&b| {
                let mut s = String::new();
                for (k, name) in [(cat::CITY, "C"), (cat::TITLE_HEAD, "T"), (cat::TITLE_MOD, "M")] {
                    for (p, pn) in ["B", "I", "L", "U"].iter().enumerate() {
                        if b >> (4 * k + p as u32) & 1 == 1 {
                            s.push_str(&format!("{name}{pn}"));
                        }
                    }
                }
                if s.is_empty() { "-".into() } else { s }
            })
            .collect();
        assert_eq!(parts.join(" "), expect, "{words}");
    }

    #[test]
    fn gazetteer_matches_phrases() {
        check("in New York City today", "- CB CICLCU CL -");
        check("in new york", "- - -");
        check("Defence Minister Smith", "MU TU -");
        check("the spokesman", "- TU");
    }

    #[test]
    fn clusters_fall_back_to_other_cases() {
        use crate::ner::features::flag;
        let l = lex();
        let get = |s: &str, f: u16| l.clusters(s, str_hash(s), lower_hash(s), f);
        assert_eq!(get("Japan", flag::INIT_CAP | flag::HAS_UPPER), [1, 2, 3]);
        assert_eq!(get("JAPAN", flag::ALL_CAPS | flag::HAS_UPPER), [1, 2, 3]);
        assert_eq!(get("japan", flag::ALL_LOWER), [4, 5, 6]);
        assert_eq!(get("Nowhere", flag::INIT_CAP | flag::HAS_UPPER), [0, 0, 0]);
        assert_eq!(l.cap_bin(lower_hash("JAPAN")), 9);
    }
}
