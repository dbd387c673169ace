//! Table-driven tests of time expressions: one line per case.

use super::*;
use crate::text::segment;

fn run(text: &str, anchor: &str) -> Vec<Timex> {
    let anchor = NaiveDate::parse_from_str(anchor, "%Y-%m-%d").ok();
    recognize(text, &segment(text, &[]), anchor)
}

#[test]
fn placeholder() {
    let r = run("He arrived on Tuesday.", "2023-09-29");
    assert_eq!(r.len(), 1);
}
