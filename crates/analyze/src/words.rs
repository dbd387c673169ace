//! Closed word lists (lower-case English words: role nouns, group heads, prepositions) that the
//! passes test tokens against. A list is written as a slice, where it reads best, and hashed on
//! first use when it is long enough for a linear scan to cost more than a hash.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// Lists at most this long are scanned; longer ones are hashed.
const SCAN: usize = 8;

/// A closed list of lower-case words.
#[derive(Debug)]
pub struct Words {
    list: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl Words {
    pub const fn new(list: &'static [&'static str]) -> Words {
        Words { list, set: OnceLock::new() }
    }

    /// Whether `word` (already lower-case) is in the list.
    pub fn has(&self, word: &str) -> bool {
        if self.list.len() <= SCAN {
            return self.list.contains(&word);
        }
        self.set.get_or_init(|| self.list.iter().copied().collect()).contains(word)
    }

    /// The words, in the order written.
    pub fn list(&self) -> &'static [&'static str] {
        self.list
    }
}

#[cfg(test)]
mod tests {
    use super::Words;

    static SHORT: Words = Words::new(&["in", "at"]);
    static LONG: Words = Words::new(&["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]);

    #[test]
    fn short_and_long_lists_answer_alike() {
        for (words, word, expect) in [
            (&SHORT, "in", true),
            (&SHORT, "on", false),
            (&SHORT, "In", false),
            (&LONG, "j", true),
            (&LONG, "a", true),
            (&LONG, "k", false),
            (&LONG, "", false),
        ] {
            assert_eq!(words.has(word), expect, "{word:?} in {:?}", words.list());
        }
    }
}
