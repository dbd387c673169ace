//! Temporal expressions: recognition of TIMEX3 `DATE`, `TIME`, `DURATION` and `SET` with byte
//! spans, and normalisation to TIMEX3 values against the publication date (the anchor).
//!
//! The recogniser walks the tokens of each sentence and looks closer only at cue tokens (digits,
//! month and weekday names, units, a few dozen time words) and the modifiers just before them;
//! a hand-written grammar (HeidelTime-style families: absolute dates, numeric dates, times,
//! relative and deictic expressions, durations, sets, vague references, holidays, quarters,
//! seasons, decades) parses the expression and resolves it at once:
//!
//! - deictic expressions (`yesterday`, `last month`, `two years ago`) count from the anchor;
//! - underspecified ones (`Thursday`, `in August`, `September 17`) take the direction of the
//!   governing verb's tense ([`tense`]): past reporting gives the most recent one, future the
//!   next, and with no cue the nearest;
//! - anaphoric ones (`the following day`, `that year`, `a year earlier`, `days after ...`) count
//!   from the expression the narrative last dated, whose index goes in `anchor`;
//! - an expression the text only bounds gets an honest `range` and a value no finer than the
//!   range allows (`days after` a September 17 gives `2023-09`, never an invented day).
//!
//! Pure and deterministic: no clock, the anchor is the only "today".

mod calendar;
mod grammar;
mod lexicon;
mod tense;

use chrono::NaiveDate;
use types::{Span, Timex, TimexType};

use crate::text::Segmentation;

pub use calendar::{Point, Unit};
pub use tense::Direction;

/// Temporal expressions in `text`, normalised relative to `anchor` (the publication date).
///
/// Without an anchor, expressions that need one get TIMEX3 underspecified values (`XXXX-09-17`,
/// `XXXX-WXX-4`) or vague references.
pub fn recognize(text: &str, seg: &Segmentation, anchor: Option<NaiveDate>) -> Vec<Timex> {
    let mut doc = grammar::DocState::default();
    // ASCII lowercasing keeps every byte offset.
    let lower = text.to_ascii_lowercase();
    let mut cues: Vec<bool> = Vec::new();
    for (si, _) in seg.sentences.iter().enumerate() {
        let toks = seg.tokens_of(si);
        cues.clear();
        cues.extend(toks.iter().map(|t| grammar::token_is_cue(&lower, t.span)));
        if !cues.contains(&true) {
            continue;
        }
        grammar::sentence(text, &lower, toks, si as u32, anchor, &cues, &mut doc);
    }
    doc.out
}

/// True when `span` is a valid, non-empty span of `text` on char boundaries.
fn valid(text: &str, span: Span) -> bool {
    span.start < span.end && text.get(span.start..span.end).is_some()
}

fn type_of(p: &Point) -> TimexType {
    match p {
        Point::Time(..) | Point::DayPart(..) => TimexType::Time,
        _ => TimexType::Date,
    }
}

#[cfg(test)]
mod tests;
