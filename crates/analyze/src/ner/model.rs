//! The trained model: quantised weights of the two passes in an open-addressing table, the
//! lexicon, the names harvested from training data, and the file format (`ner.bin.gz`).
//!
//! File layout (after gzip): magic `SITREP-NER`, format version, the lexicon, the training
//! names with their class counts, then each pass's weights as sorted feature keys (delta varints) with sparse rows
//! (a bitmask of non-zero tags and zigzag i16 values).

use super::codec::{Reader, Writer};
use super::labels::{Class, NTAGS};
use super::lexicon::{Lexicon, NameList};

pub const MAGIC: &[u8] = b"SITREP-NER";
/// Bump when features, hashing or the layout change: an old model is then refused.
pub const FORMAT_VERSION: u64 = 2;

/// The quantised weights of one pass: an open-addressing table probed through 16-bit
/// fingerprints (small enough to stay in cache, so a feature the model does not know costs
/// little), with the weight rows in a parallel array.
#[derive(Debug, Clone)]
pub struct Weights {
    fp: Vec<u16>,
    rows: Vec<[i16; NTAGS]>,
    keys: Vec<u64>,
    mask: usize,
    len: usize,
}

#[inline]
fn fingerprint(k: u64) -> u16 {
    let f = (k >> 48) as u16;
    if f == 0 { 1 } else { f }
}

impl Weights {
    /// Builds the table from `(feature, weights)` rows.
    pub fn from_rows(rows: &[(u64, [i16; NTAGS])]) -> Weights {
        let size = (rows.len().max(4) * 2).next_power_of_two();
        let mut t = Weights {
            fp: vec![0; size],
            rows: vec![[0; NTAGS]; size],
            keys: vec![0; size],
            mask: size - 1,
            len: 0,
        };
        for &(k, w) in rows {
            let f = fingerprint(k);
            let mut i = (k as usize) & t.mask;
            loop {
                if t.fp[i] == 0 {
                    t.fp[i] = f;
                    t.rows[i] = w;
                    t.keys[i] = k;
                    t.len += 1;
                    break;
                }
                if t.fp[i] == f {
                    // Same slot chain and fingerprint: the features share their weights.
                    for (a, b) in t.rows[i].iter_mut().zip(w) {
                        *a = a.saturating_add(b);
                    }
                    break;
                }
                i = (i + 1) & t.mask;
            }
        }
        t
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds the weights of feature `k` (if it has any) to `acc`.
    #[inline]
    pub fn add(&self, k: u64, acc: &mut [i32; NTAGS]) {
        let f = fingerprint(k);
        let mut i = (k as usize) & self.mask;
        loop {
            let s = self.fp[i];
            if s == f {
                for (a, &b) in acc.iter_mut().zip(self.rows[i].iter()) {
                    *a += i32::from(b);
                }
                return;
            }
            if s == 0 {
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The rows, sorted by key (for writing).
    pub fn rows(&self) -> Vec<(u64, [i16; NTAGS])> {
        let mut v: Vec<(u64, [i16; NTAGS])> = (0..self.fp.len())
            .filter(|&i| self.fp[i] != 0)
            .map(|i| (self.keys[i], self.rows[i]))
            .collect();
        v.sort_unstable_by_key(|r| r.0);
        v
    }

    fn write(&self, w: &mut Writer) {
        let rows = self.rows();
        w.varint(rows.len() as u64);
        let mut prev = 0u64;
        for (k, ws) in &rows {
            w.varint(k - prev);
            prev = *k;
            let mut mask = 0u64;
            for (t, &x) in ws.iter().enumerate() {
                if x != 0 {
                    mask |= 1 << t;
                }
            }
            w.varint(mask);
            for &x in ws.iter().filter(|&&x| x != 0) {
                w.zigzag(i64::from(x));
            }
        }
    }

    fn read(r: &mut Reader<'_>) -> Result<Weights, String> {
        let n = r.len(50_000_000)?;
        let mut rows = Vec::with_capacity(n);
        let mut prev = 0u64;
        for _ in 0..n {
            let k = prev.checked_add(r.varint()?).ok_or("feature key overflow")?;
            prev = k;
            let mask = r.varint()?;
            if mask >> NTAGS != 0 {
                return Err("bad tag mask".into());
            }
            let mut ws = [0i16; NTAGS];
            for (t, x) in ws.iter_mut().enumerate() {
                if mask >> t & 1 == 1 {
                    *x = i16::try_from(r.zigzag()?).map_err(|_| "weight out of range")?;
                }
            }
            rows.push((k, ws));
        }
        Ok(Weights::from_rows(&rows))
    }
}

/// Everything the recognizer loads.
#[derive(Debug, Clone)]
pub struct Model {
    pub lexicon: Lexicon,
    /// Names seen in the training data with their classes: a gazetteer feature, and what types
    /// the name in `X-backed` and similar compounds.
    pub names: NameList,
    pub pass1: Weights,
    pub pass2: Weights,
}

impl Model {
    pub fn new(lexicon: Lexicon, names: NameList, pass1: Weights, pass2: Weights) -> Model {
        Model { lexicon, names, pass1, pass2 }
    }

    /// The class a single-word name mostly had in training (by lowercase hash).
    pub fn known_class(&self, lower: u64) -> Option<Class> {
        self.names.majority(lower)
    }

    /// The uncompressed model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.bytes(MAGIC);
        w.varint(FORMAT_VERSION);
        self.lexicon.write(&mut w);
        w.varint(self.names.source.len() as u64);
        for (s, counts) in &self.names.source {
            w.str(s);
            for &c in counts {
                w.varint(u64::from(c));
            }
        }
        self.pass1.write(&mut w);
        self.pass2.write(&mut w);
        w.buf
    }

    /// Reads an uncompressed model file.
    pub fn from_bytes(b: &[u8]) -> Result<Model, String> {
        let mut r = Reader::new(b);
        if r.take(MAGIC.len())? != MAGIC {
            return Err("not a sitrep NER model".into());
        }
        let v = r.varint()?;
        if v != FORMAT_VERSION {
            return Err(format!("format version {v}, this build reads {FORMAT_VERSION}"));
        }
        let lexicon = Lexicon::read(&mut r)?;
        let n = r.len(10_000_000)?;
        let mut names = Vec::with_capacity(n);
        for _ in 0..n {
            let s = r.str()?.to_string();
            let mut counts = [0u16; 4];
            for c in &mut counts {
                *c = u16::try_from(r.varint()?).map_err(|_| "name count out of range")?;
            }
            names.push((s, counts));
        }
        let pass1 = Weights::read(&mut r)?;
        let pass2 = Weights::read(&mut r)?;
        if !r.at_end() {
            return Err("trailing bytes".into());
        }
        Ok(Model::new(lexicon, NameList::new(names), pass1, pass2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::lexicon::LexiconSource;

    #[test]
    fn model_round_trips() {
        let lex = Lexicon::new(LexiconSource {
            clusters: vec![("a".into(), [1, 2, 3])],
            caps: vec![("a".into(), 4)],
            phrases: vec![("new york".into(), 4)],
        });
        let mut w = [0i16; NTAGS];
        w[3] = -7;
        w[16] = 300;
        let f = |x: u64| crate::ner::hash::feature(0, x);
        let p1 = Weights::from_rows(&[(f(5), w), (f(99), [1; NTAGS])]);
        let p2 = Weights::from_rows(&[(f(7), w)]);
        let m = Model::new(lex, NameList::new(vec![("un".into(), [0, 4, 1, 0])]), p1, p2);
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes).expect("reads");
        assert_eq!(back.to_bytes(), bytes);
        assert_eq!(back.pass1.rows(), m.pass1.rows());
        let mut acc = [0i32; NTAGS];
        back.pass1.add(f(5), &mut acc);
        back.pass1.add(f(6), &mut acc);
        assert_eq!(acc[3], -7);
        assert_eq!(acc[16], 300);
        assert_eq!(back.known_class(crate::ner::hash::lower_hash("UN")), Some(Class::Org));
        assert!(Model::from_bytes(&bytes[..bytes.len() - 3]).is_err());
        assert!(Model::from_bytes(b"nonsense").is_err());
    }
}
