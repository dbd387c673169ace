//! Temporal expressions: recognition (TIMEX3 DATE, TIME, DURATION, SET) and normalisation
//! against the publication date.
//!
//! Not yet implemented: see the issue "Time".

use chrono::NaiveDate;
use types::Timex;

use crate::text::Segmentation;

/// Temporal expressions in `text`, normalised relative to `anchor` (the publication date).
pub fn recognize(_text: &str, _seg: &Segmentation, _anchor: Option<NaiveDate>) -> Vec<Timex> {
    Vec::new()
}
