//! Word clustering by the exchange algorithm (Kneser and Ney 1993; Martin, Liermann and Ney
//! 1998): words are moved between classes to maximise the likelihood of a class bigram model
//! of unlabelled text. Used at three granularities as features, much as Brown-cluster prefixes
//! are (Ratinov and Roth 2009). Deterministic: words are visited in frequency order and ties
//! go to the lower class.

use rustc_hash::FxHashMap;

/// Word ids and counts of a corpus, for clustering.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Words with their counts, most frequent first (ties by the word).
    pub vocab: Vec<(String, u64)>,
    /// The token stream as word ids; `u32::MAX` marks a sentence boundary, `u32::MAX - 1` a
    /// word outside the vocabulary.
    pub stream: Vec<u32>,
}

const BOUNDARY: u32 = u32::MAX;
const RARE: u32 = u32::MAX - 1;

impl Corpus {
    /// Builds the corpus from sentences, keeping words seen at least `min_count` times.
    pub fn new<S: AsRef<str>>(sentences: &[Vec<S>], min_count: u64) -> Corpus {
        let mut counts: FxHashMap<&str, u64> = FxHashMap::default();
        for s in sentences {
            for t in s {
                *counts.entry(t.as_ref()).or_default() += 1;
            }
        }
        let mut vocab: Vec<(String, u64)> = counts
            .iter()
            .filter(|&(_, &c)| c >= min_count)
            .map(|(w, &c)| (w.to_string(), c))
            .collect();
        vocab.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let ids: FxHashMap<&str, u32> =
            vocab.iter().enumerate().map(|(i, (w, _))| (w.as_str(), i as u32)).collect();
        let mut stream =
            Vec::with_capacity(counts.values().sum::<u64>() as usize + sentences.len());
        for s in sentences {
            stream.push(BOUNDARY);
            for t in s {
                stream.push(ids.get(t.as_ref()).copied().unwrap_or(RARE));
            }
        }
        stream.push(BOUNDARY);
        Corpus { vocab, stream }
    }
}

/// `x ln x`, tabulated for small counts.
struct XLogX {
    table: Vec<f64>,
}

impl XLogX {
    fn new(n: usize) -> XLogX {
        XLogX {
            table: (0..n).map(|x| if x == 0 { 0.0 } else { x as f64 * (x as f64).ln() }).collect(),
        }
    }

    #[inline]
    fn f(&self, x: i64) -> f64 {
        if x <= 0 {
            0.0
        } else if (x as usize) < self.table.len() {
            self.table[x as usize]
        } else {
            x as f64 * (x as f64).ln()
        }
    }
}

/// Clusters the corpus vocabulary into `k` classes with `iters` exchange sweeps; returns the
/// class of every vocabulary word (in `corpus.vocab` order).
pub fn exchange(corpus: &Corpus, k: usize, iters: usize, log: &mut dyn FnMut(&str)) -> Vec<u16> {
    let v = corpus.vocab.len();
    let kk = k + 2; // + boundary class + rare-word class
    let class_of_token = |t: u32, class: &[u16]| -> usize {
        match t {
            BOUNDARY => k,
            RARE => k + 1,
            w => class[w as usize] as usize,
        }
    };
    // Word bigram lists.
    let mut left: Vec<FxHashMap<u32, u32>> = vec![FxHashMap::default(); v];
    let mut right: Vec<FxHashMap<u32, u32>> = vec![FxHashMap::default(); v];
    let mut selfc = vec![0i64; v];
    for pair in corpus.stream.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a == b && a < RARE {
            selfc[a as usize] += 1;
            continue;
        }
        if b < RARE {
            *left[b as usize].entry(a).or_default() += 1;
        }
        if a < RARE {
            *right[a as usize].entry(b).or_default() += 1;
        }
    }
    let to_sorted = |m: FxHashMap<u32, u32>| {
        let mut x: Vec<(u32, u32)> = m.into_iter().collect();
        x.sort_unstable();
        x
    };
    let left: Vec<Vec<(u32, u32)>> = left.into_iter().map(to_sorted).collect();
    let right: Vec<Vec<(u32, u32)>> = right.into_iter().map(to_sorted).collect();
    let wc: Vec<i64> = corpus.vocab.iter().map(|(_, c)| *c as i64).collect();

    let mut class: Vec<u16> = (0..v).map(|i| (i % k) as u16).collect();
    let mut n = vec![0i64; kk * kk]; // n[c1 * kk + c2]
    let mut nt = vec![0i64; kk * kk]; // transposed
    let mut nc = vec![0i64; kk];
    for pair in corpus.stream.windows(2) {
        let a = class_of_token(pair[0], &class);
        let b = class_of_token(pair[1], &class);
        n[a * kk + b] += 1;
        nt[b * kk + a] += 1;
    }
    for &t in &corpus.stream[1..] {
        nc[class_of_token(t, &class)] += 1;
    }
    let fx = XLogX::new(1 << 20);
    let mut lw = vec![0i64; kk];
    let mut rw = vec![0i64; kk];
    let mut delta = vec![0f64; k];
    let mut touched: Vec<usize> = Vec::new();
    for it in 0..iters {
        let mut moved = 0usize;
        for w in 0..v {
            // Class-aggregated neighbours.
            touched.clear();
            for &(u, c) in &left[w] {
                let cu = class_of_token(u, &class);
                if lw[cu] == 0 && rw[cu] == 0 {
                    touched.push(cu);
                }
                lw[cu] += i64::from(c);
            }
            for &(u, c) in &right[w] {
                let cu = class_of_token(u, &class);
                if lw[cu] == 0 && rw[cu] == 0 {
                    touched.push(cu);
                }
                rw[cu] += i64::from(c);
            }
            let a = class[w] as usize;
            let s = selfc[w];
            // Remove w from a.
            for &c in &touched {
                n[c * kk + a] -= lw[c];
                nt[a * kk + c] -= lw[c];
                n[a * kk + c] -= rw[c];
                nt[c * kk + a] -= rw[c];
            }
            n[a * kk + a] -= s;
            nt[a * kk + a] -= s;
            nc[a] -= wc[w];
            // Gain of adding w to each class b.
            for (b, d) in delta.iter_mut().enumerate() {
                *d = -2.0 * (fx.f(nc[b] + wc[w]) - fx.f(nc[b]));
            }
            for &c in &touched {
                if lw[c] > 0 {
                    let row = &n[c * kk..c * kk + k];
                    for (b, d) in delta.iter_mut().enumerate() {
                        *d += fx.f(row[b] + lw[c]) - fx.f(row[b]);
                    }
                }
                if rw[c] > 0 {
                    let row = &nt[c * kk..c * kk + k];
                    for (b, d) in delta.iter_mut().enumerate() {
                        *d += fx.f(row[b] + rw[c]) - fx.f(row[b]);
                    }
                }
            }
            // The (b, b) cell gets left, right and self counts together.
            for (b, d) in delta.iter_mut().enumerate() {
                let (l, r) = (lw[b], rw[b]);
                if l == 0 && r == 0 && s == 0 {
                    continue;
                }
                let x = n[b * kk + b];
                *d -= fx.f(x + l) - fx.f(x) + fx.f(x + r) - fx.f(x);
                *d += fx.f(x + l + r + s) - fx.f(x);
            }
            let mut best = a;
            for b in 0..k {
                if delta[b] > delta[best] + 1e-9 {
                    best = b;
                }
            }
            if best != a {
                moved += 1;
            }
            let b = best;
            for &c in &touched {
                n[c * kk + b] += lw[c];
                nt[b * kk + c] += lw[c];
                n[b * kk + c] += rw[c];
                nt[c * kk + b] += rw[c];
            }
            n[b * kk + b] += s;
            nt[b * kk + b] += s;
            nc[b] += wc[w];
            class[w] = b as u16;
            for &c in &touched {
                lw[c] = 0;
                rw[c] = 0;
            }
        }
        log(&format!("clusters k={k}: sweep {} moved {moved} words", it + 1));
        if moved * 1000 < v {
            break;
        }
    }
    class
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_separate_distributionally_different_words() {
        // Names follow `Mr`, verbs follow names; two kinds of word should not share a class.
        let mut sents: Vec<Vec<String>> = Vec::new();
        for (i, name) in ["Smith", "Jones", "Brown", "Green"].iter().cycle().take(200).enumerate() {
            let verb = ["said", "left", "spoke", "won"][i % 4];
            sents.push(vec!["Mr".into(), name.to_string(), verb.into(), ".".into()]);
        }
        let corpus = Corpus::new(&sents, 1);
        let cl = exchange(&corpus, 4, 10, &mut |_| {});
        let id = |w: &str| corpus.vocab.iter().position(|(x, _)| x == w).map(|i| cl[i]);
        assert_eq!(id("Smith"), id("Jones"));
        assert_eq!(id("said"), id("won"));
        assert_ne!(id("Smith"), id("said"));
        assert_ne!(id("Mr"), id("Smith"));
    }
}
