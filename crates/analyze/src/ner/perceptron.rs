//! The averaged multiclass perceptron used in training (Collins 2002; averaging with the
//! timestamp trick of Daumé III), and its quantisation into the model's i16 weight table.

use rustc_hash::FxHashMap;

use super::labels::{NTAGS, Tag};
use super::model::Weights;

/// Perceptron weights being trained.
#[derive(Debug, Default)]
pub struct Perceptron {
    index: FxHashMap<u64, u32>,
    keys: Vec<u64>,
    w: Vec<[i32; NTAGS]>,
    /// Sum of `c * delta` over updates, for the average `w - u / c`.
    u: Vec<[i64; NTAGS]>,
    /// Number of examples seen (starts at 1).
    c: i64,
}

impl Perceptron {
    pub fn new() -> Perceptron {
        Perceptron { c: 1, ..Perceptron::default() }
    }

    /// Current (not averaged) scores of every tag.
    pub fn score(&self, feats: &[u64], acc: &mut [i32; NTAGS]) {
        *acc = [0; NTAGS];
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for (a, &b) in acc.iter_mut().zip(self.w[r as usize].iter()) {
                    *a += b;
                }
            }
        }
    }

    /// Moves weight from the predicted tag to the gold tag on every feature.
    pub fn update(&mut self, feats: &[u64], gold: Tag, pred: Tag) {
        if gold == pred {
            return;
        }
        let c = self.c;
        for &f in feats {
            let next = self.keys.len() as u32;
            let r = *self.index.entry(f).or_insert(next) as usize;
            if r == self.w.len() {
                self.keys.push(f);
                self.w.push([0; NTAGS]);
                self.u.push([0; NTAGS]);
            }
            self.w[r][gold as usize] += 1;
            self.u[r][gold as usize] += c;
            self.w[r][pred as usize] -= 1;
            self.u[r][pred as usize] -= c;
        }
    }

    /// Marks the end of one example.
    pub fn tick(&mut self) {
        self.c += 1;
    }

    /// Adds `share` times the averaged weights to `acc`.
    pub fn add_averaged(&self, share: f64, acc: &mut FxHashMap<u64, [f64; NTAGS]>) {
        let c = self.c as f64;
        for (r, &k) in self.keys.iter().enumerate() {
            let row = acc.entry(k).or_insert([0.0; NTAGS]);
            for (t, x) in row.iter_mut().enumerate() {
                *x += share * (f64::from(self.w[r][t]) - self.u[r][t] as f64 / c);
            }
        }
    }

    /// Averaged weights, quantised (see [`quantise`]).
    #[cfg(test)]
    pub fn quantise(&self, min_abs: i16) -> Weights {
        let mut acc = FxHashMap::default();
        self.add_averaged(1.0, &mut acc);
        quantise(&acc, min_abs)
    }
}

/// Quantises float weights to i16 with one scale; entries whose magnitude quantises below
/// `min_abs` are dropped, and features left without weights are removed.
pub fn quantise(rows: &FxHashMap<u64, [f64; NTAGS]>, min_abs: i16) -> Weights {
    let max = rows.values().flat_map(|r| r.iter()).fold(0f64, |m, x| m.max(x.abs()));
    let scale = if max > 0.0 { 30_000.0 / max } else { 1.0 };
    let mut keys: Vec<u64> = rows.keys().copied().collect();
    keys.sort_unstable();
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        let Some(r) = rows.get(&k) else { continue };
        let mut q = [0i16; NTAGS];
        let mut any = false;
        for (x, &v) in q.iter_mut().zip(r.iter()) {
            let v = (v * scale).round().clamp(-32_767.0, 32_767.0) as i16;
            if v.unsigned_abs() >= min_abs.unsigned_abs().max(1) {
                *x = v;
                any = true;
            }
        }
        if any {
            out.push((k, q));
        }
    }
    Weights::from_rows(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem() {
        let mut p = Perceptron::new();
        let f = |x: u64| crate::ner::hash::feature(0, x);
        let (a, b, c, d) = (f(1), f(2), f(3), f(10));
        let data: &[(&[u64], Tag)] = &[(&[a, d], 1), (&[b, d], 2), (&[c, d], 0)];
        for _ in 0..5 {
            for (f, gold) in data {
                let mut acc = [0; NTAGS];
                p.score(f, &mut acc);
                let pred = acc
                    .iter()
                    .enumerate()
                    .max_by_key(|&(t, &s)| (s, std::cmp::Reverse(t)))
                    .map_or(0, |(t, _)| t as Tag);
                p.update(f, *gold, pred);
                p.tick();
            }
        }
        let w = p.quantise(1);
        for (f, gold) in data {
            let mut acc = [0i32; NTAGS];
            for &k in *f {
                w.add(k, &mut acc);
            }
            let best = (0..NTAGS).max_by_key(|&t| (acc[t], std::cmp::Reverse(t))).unwrap_or(0);
            assert_eq!(best, *gold as usize, "{f:?} {acc:?}");
        }
    }
}
