//! Coreference metrics as the CoNLL-2012 reference scorer defines them: MUC (link-based),
//! B-cubed (mention-based) and CEAF-e (entity-based, phi4 similarity, optimal alignment), and
//! their average, the CoNLL-2012 score. Clusters are sets of mention ids; mentions present on
//! one side only ("twinless") count against the side that has them.

use std::collections::{HashMap, HashSet};

/// Numerators and denominators of precision and recall, summed over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub p_num: f64,
    pub p_den: f64,
    pub r_num: f64,
    pub r_den: f64,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        if self.p_den == 0.0 { 0.0 } else { self.p_num / self.p_den }
    }
    pub fn recall(&self) -> f64 {
        if self.r_den == 0.0 { 0.0 } else { self.r_num / self.r_den }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    pub fn add(&mut self, o: Counts) {
        self.p_num += o.p_num;
        self.p_den += o.p_den;
        self.r_num += o.r_num;
        self.r_den += o.r_den;
    }
}

pub type Cluster = Vec<usize>;

fn index(clusters: &[Cluster]) -> HashMap<usize, usize> {
    let mut m = HashMap::new();
    for (i, c) in clusters.iter().enumerate() {
        for &x in c {
            m.insert(x, i);
        }
    }
    m
}

/// MUC: for each key cluster, (size - number of response partitions it is split into).
pub fn muc(key: &[Cluster], response: &[Cluster]) -> Counts {
    fn side(a: &[Cluster], b: &[Cluster]) -> (f64, f64) {
        let ib = index(b);
        let (mut num, mut den) = (0.0, 0.0);
        for c in a {
            if c.is_empty() {
                continue;
            }
            let mut parts: HashSet<Option<usize>> = HashSet::new();
            let mut singles = 0usize;
            for x in c {
                match ib.get(x) {
                    Some(&p) => {
                        parts.insert(Some(p));
                    }
                    None => singles += 1,
                }
            }
            let partitions = parts.len() + singles;
            num += (c.len() - partitions) as f64;
            den += (c.len() - 1) as f64;
        }
        (num, den)
    }
    let (r_num, r_den) = side(key, response);
    let (p_num, p_den) = side(response, key);
    Counts { p_num, p_den, r_num, r_den }
}

/// B-cubed over all mentions of each side.
pub fn b_cubed(key: &[Cluster], response: &[Cluster]) -> Counts {
    fn side(a: &[Cluster], b: &[Cluster]) -> (f64, f64) {
        let ib = index(b);
        let (mut num, mut den) = (0.0, 0.0);
        for c in a {
            let set: HashSet<usize> = c.iter().copied().collect();
            for x in c {
                den += 1.0;
                if let Some(&p) = ib.get(x) {
                    let overlap = b[p].iter().filter(|y| set.contains(y)).count();
                    num += overlap as f64 / c.len() as f64;
                }
            }
        }
        (num, den)
    }
    let (r_num, r_den) = side(key, response);
    let (p_num, p_den) = side(response, key);
    Counts { p_num, p_den, r_num, r_den }
}

/// CEAF-e: the best one-to-one alignment of key and response entities under
/// phi4 = 2|K ∩ R| / (|K| + |R|).
pub fn ceaf_e(key: &[Cluster], response: &[Cluster]) -> Counts {
    let n = key.len();
    let m = response.len();
    if n == 0 || m == 0 {
        return Counts { p_num: 0.0, p_den: m as f64, r_num: 0.0, r_den: n as f64 };
    }
    let sets: Vec<HashSet<usize>> = response.iter().map(|c| c.iter().copied().collect()).collect();
    let mut sim = vec![vec![0.0f64; m]; n];
    for (i, k) in key.iter().enumerate() {
        for (j, r) in sets.iter().enumerate() {
            let inter = k.iter().filter(|x| r.contains(x)).count();
            if inter > 0 {
                sim[i][j] = 2.0 * inter as f64 / (k.len() + r.len()) as f64;
            }
        }
    }
    let total = max_assignment(&sim);
    Counts { p_num: total, p_den: m as f64, r_num: total, r_den: n as f64 }
}

/// Maximum-weight bipartite assignment (Hungarian algorithm on a square cost matrix).
fn max_assignment(w: &[Vec<f64>]) -> f64 {
    let n = w.len();
    let m = w.first().map_or(0, Vec::len);
    let size = n.max(m);
    // Minimise cost = max - weight.
    let maxw = w.iter().flatten().copied().fold(0.0f64, f64::max);
    let cost = |i: usize, j: usize| -> f64 { if i < n && j < m { maxw - w[i][j] } else { maxw } };
    let inf = f64::INFINITY;
    let mut u = vec![0.0; size + 1];
    let mut v = vec![0.0; size + 1];
    let mut p = vec![0usize; size + 1];
    let mut way = vec![0usize; size + 1];
    for i in 1..=size {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![inf; size + 1];
        let mut used = vec![false; size + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = inf;
            let mut j1 = 0;
            for j in 1..=size {
                if !used[j] {
                    let cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=size {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut total = 0.0;
    for j in 1..=size {
        let i = p[j];
        if i >= 1 && i - 1 < n && j - 1 < m {
            total += w[i - 1][j - 1];
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(key: &[&[usize]], resp: &[&[usize]], expect: [f64; 6]) {
        let k: Vec<Cluster> = key.iter().map(|c| c.to_vec()).collect();
        let r: Vec<Cluster> = resp.iter().map(|c| c.to_vec()).collect();
        let got = [muc(&k, &r), b_cubed(&k, &r)];
        let vals = [
            got[0].precision(),
            got[0].recall(),
            got[1].precision(),
            got[1].recall(),
            ceaf_e(&k, &r).precision(),
            ceaf_e(&k, &r).recall(),
        ];
        for (g, e) in vals.iter().zip(expect) {
            assert!(
                (g - e).abs() < 1e-3,
                "key {key:?} resp {resp:?}: got {vals:?}, want {expect:?}"
            );
        }
    }

    #[test]
    fn metrics_match_worked_examples() {
        // Identical clusterings score 1 everywhere.
        check(&[&[1, 2, 3], &[4, 5]], &[&[1, 2, 3], &[4, 5]], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0]);
        // Vilain et al. (1995): key {A B C D}, response {A B}{C D}: MUC P 1, R 2/3.
        // B3: P 1, R (4 * 2/4)/4 = 0.5. CEAF-e: phi4 best = 2*2/(4+2) = 2/3; P 2/3 / 2, R 2/3.
        check(
            &[&[1, 2, 3, 4]],
            &[&[1, 2], &[3, 4]],
            [1.0, 2.0 / 3.0, 1.0, 0.5, 1.0 / 3.0, 2.0 / 3.0],
        );
        // Everything merged: key {1 2}{3 4}, response {1 2 3 4}.
        check(
            &[&[1, 2], &[3, 4]],
            &[&[1, 2, 3, 4]],
            [2.0 / 3.0, 1.0, 0.5, 1.0, 2.0 / 3.0, 1.0 / 3.0],
        );
        // Twinless response mention 9 lowers precision only.
        check(&[&[1, 2]], &[&[1, 2, 9]], [0.5, 1.0, 4.0 / 9.0, 1.0, 0.8, 0.8]);
    }
}
