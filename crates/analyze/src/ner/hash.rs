//! Stable 64-bit hashing for feature keys and word lookups.
//!
//! The trained model stores feature hashes, so these functions must never change between
//! versions (a change needs a new model format version). They are written out here rather than
//! taken from a hashing crate whose algorithm may change in a minor release.

/// The splitmix64 finaliser: a bijective mix of 64 bits.
#[inline]
pub const fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Combines two hashes (order matters).
#[inline]
pub const fn combine(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(23) ^ b.wrapping_add(0x9e37_79b9_7f4a_7c15))
}

/// A streaming hash over bytes: equal byte sequences give equal hashes however they are fed.
#[derive(Clone, Copy)]
pub struct ByteHasher {
    h: u64,
    acc: u64,
    n: u32,
}

impl Default for ByteHasher {
    fn default() -> Self {
        ByteHasher::new()
    }
}

impl ByteHasher {
    #[inline]
    pub const fn new() -> ByteHasher {
        ByteHasher { h: 0x243f_6a88_85a3_08d3, acc: 0, n: 0 }
    }

    #[inline]
    pub fn byte(&mut self, b: u8) {
        self.acc |= (b as u64) << (8 * (self.n & 7));
        self.n += 1;
        if self.n & 7 == 0 {
            self.h = mix(self.h ^ self.acc);
            self.acc = 0;
        }
    }

    #[inline]
    pub fn bytes(&mut self, bs: &[u8]) {
        for &b in bs {
            self.byte(b);
        }
    }

    #[inline]
    pub fn char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.bytes(c.encode_utf8(&mut buf).as_bytes());
    }

    #[inline]
    pub fn finish(&self) -> u64 {
        mix(self.h ^ self.acc ^ (u64::from(self.n) << 56).wrapping_add(u64::from(self.n)))
    }
}

/// Hash of a string's bytes.
#[inline]
pub fn str_hash(s: &str) -> u64 {
    let mut h = ByteHasher::new();
    h.bytes(s.as_bytes());
    h.finish()
}

/// The lowercase form used throughout the recognizer: `char::to_lowercase` per character.
pub fn lower(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

/// `str_hash(&lower(s))` without allocating.
#[inline]
pub fn lower_hash(s: &str) -> u64 {
    let mut h = ByteHasher::new();
    if s.is_ascii() {
        for &b in s.as_bytes() {
            h.byte(b.to_ascii_lowercase());
        }
    } else {
        for c in s.chars().flat_map(char::to_lowercase) {
            h.char(c);
        }
    }
    h.finish()
}

/// A feature key: a template id combined with a value hash. Never zero (zero marks empty slots).
#[inline]
pub const fn feature(template: u32, value: u64) -> u64 {
    let k = combine(value, 0x5851_f42d_4c95_7f2d ^ template as u64);
    if k == 0 { 1 } else { k }
}

/// A small deterministic pseudo-random generator (xorshift64*), for shuffling in training.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(mix(seed) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_consistent() {
        // Pinned values: a change here invalidates every trained model.
        assert_eq!(str_hash(""), str_hash(""));
        assert_ne!(str_hash("a"), str_hash("b"));
        assert_ne!(str_hash("ab"), str_hash("ba"));
        for s in ["Haftar", "ZÜRICH", "", "U.S.", "ΣΑΣ", "12345678abc"] {
            assert_eq!(lower_hash(s), str_hash(&lower(s)), "{s}");
        }
        assert_eq!(str_hash("Moscow"), 0xadf0_9d93_a84d_620a, "{:#x}", str_hash("Moscow"));
        assert_ne!(feature(1, 5), feature(2, 5));
        let mut r = Rng::new(7);
        let mut v: Vec<u32> = (0..10).collect();
        r.shuffle(&mut v);
        let mut s = v.clone();
        s.sort_unstable();
        assert_eq!(s, (0..10).collect::<Vec<_>>());
    }
}
