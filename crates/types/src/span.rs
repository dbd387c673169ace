//! Byte spans into a document's canonical text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's canonical text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The text this span covers, or `None` when it is out of bounds or not on char boundaries.
    pub fn text(self, text: &str) -> Option<&str> {
        text.get(self.start..self.end)
    }

    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_text_respects_char_boundaries() {
        let text = "Zürich";
        assert_eq!(Span::new(0, 1).text(text), Some("Z"));
        assert_eq!(Span::new(1, 2).text(text), None);
        assert_eq!(Span::new(0, 99).text(text), None);
        assert!(Span::new(0, 5).contains(Span::new(1, 3)));
        assert!(Span::new(0, 5).overlaps(Span::new(4, 9)));
        assert!(!Span::new(0, 5).overlaps(Span::new(5, 9)));
    }
}
