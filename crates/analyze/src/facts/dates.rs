//! Dating events from the time stage's expressions: the nearest concrete timex in the event's
//! clause (`held talks ... on Thursday`, `a 2019 assault`), and honest intervals where the text
//! only bounds the date: `after <dated event>, X` (from that date to publication), `days after
//! <event>` (a few days before the anchor), and the pluperfect `had already held talks` after a
//! dated arrival (between the arrival and the narrative's reference date). `since 2019` dates the
//! implied earlier event, never the reported one.

use chrono::{Datelike, Days, NaiveDate};
use types::{Analysis, TimeValue, Timex, TimexType};

use super::events::{Found, SentenceFacts};
use super::lexicon::wc;
use super::view::View;

/// The earliest and latest day a TIMEX3 value covers.
pub fn bounds(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    if let Some((a, b)) = value.split_once('/') {
        let (a0, _) = bounds(a)?;
        let (_, b1) = bounds(b)?;
        return Some((a0, b1));
    }
    let v = value.split('T').next()?;
    let year: i32 = v.get(..4)?.parse().ok()?;
    let rest = &v[4..];
    if rest.is_empty() {
        return Some((
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
        ));
    }
    let rest = rest.strip_prefix('-')?;
    if let Some(w) = rest.strip_prefix('W') {
        let w: u32 = w.get(..2)?.parse().ok()?;
        let a = NaiveDate::from_isoywd_opt(year, w, chrono::Weekday::Mon)?;
        return Some((a, a.checked_add_days(Days::new(6))?));
    }
    if let Some(q) = rest.strip_prefix('Q') {
        let q: u32 = q.parse().ok()?;
        let a = NaiveDate::from_ymd_opt(year, 3 * (q.clamp(1, 4) - 1) + 1, 1)?;
        return Some((a, last_of_month(year, 3 * q.clamp(1, 4))?));
    }
    let month: u32 = rest.get(..2)?.parse().ok()?;
    let rest = &rest[2..];
    if rest.is_empty() {
        return Some((NaiveDate::from_ymd_opt(year, month, 1)?, last_of_month(year, month)?));
    }
    let day: u32 = rest.strip_prefix('-')?.get(..2)?.parse().ok()?;
    let d = NaiveDate::from_ymd_opt(year, month, day)?;
    Some((d, d))
}

fn last_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

fn concrete(t: &Timex) -> bool {
    matches!(t.kind, TimexType::Date | TimexType::Time)
        && t.value.as_bytes().iter().take(4).all(u8::is_ascii_digit)
        && t.value.len() >= 4
}

fn day(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// The time value a timex gives an event.
pub fn value_of(t: &Timex, index: u32) -> TimeValue {
    match &t.range {
        Some((a, b)) => TimeValue { value: format!("{a}/{b}"), timex: Some(index), approx: true },
        None => {
            TimeValue { value: t.value.clone(), timex: Some(index), approx: t.modifier.is_some() }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    At,
    Since,
    Until,
    After,
    Before,
}

struct Tx {
    index: u32,
    first: usize,
    last: usize,
    role: Role,
    clause: u16,
}

/// Dates the events of one sentence. `reference` is the narrative's latest main-clause day.
pub fn date_sentence(
    v: &View,
    a: &Analysis,
    sf: &mut SentenceFacts,
    timexes: &[u32],
    published: Option<NaiveDate>,
    reference: &mut Option<NaiveDate>,
) {
    let n = v.len();
    let mut txs: Vec<Tx> = Vec::new();
    for &ti in timexes {
        let t = &a.timexes[ti as usize];
        if !concrete(t) {
            continue;
        }
        let Some(first) = (0..n).find(|&x| v.toks[x].span.end > t.span.start) else { continue };
        let last =
            (first..n).take_while(|&x| v.toks[x].span.start < t.span.end).last().unwrap_or(first);
        let mut role = Role::At;
        // The signal may be inside the expression (`since 2019`) or before it.
        let mut k = if v.eq_any(first, &["since", "until", "till", "after", "before", "by"])
            && first < last
        {
            first + 1
        } else {
            first
        };
        // `on`, `in`, `early on`: skip to the preposition before the expression.
        while k > 0 {
            let p = k - 1;
            let w = v.word(p).to_ascii_lowercase();
            match w.as_str() {
                "since" => role = Role::Since,
                "until" | "till" => role = Role::Until,
                "after" => role = Role::After,
                "before" | "by" => role = Role::Before,
                "early" | "late" | "mid" | "on" | "in" | "at" | "during" => {
                    k = p;
                    continue;
                }
                _ => {}
            }
            break;
        }
        // A timex just before `when` dates the `when` clause (`on September 17 when he met`).
        let mut clause = v.clause[first];
        if last + 1 < n && v.eq(last + 1, "when") && last + 2 < n {
            clause = v.clause[last + 2];
        }
        txs.push(Tx { index: ti, first, last, role, clause });
    }
    let found = &mut sf.found;
    // A timex inside a noun trigger's phrase (`an October 2020 ceasefire`) is that event's alone.
    let owner_of = |tx: &Tx, found: &[Found]| -> Option<usize> {
        found.iter().position(|f| {
            !f.verb
                && f.trig > tx.last
                && f.trig <= tx.last + 3
                && (tx.last + 1..f.trig)
                    .all(|x| !v.toks[x].punct && !v.toks[x].is(wc::PREP | wc::DET))
        })
    };
    let owners: Vec<Option<usize>> = txs.iter().map(|tx| owner_of(tx, found)).collect();
    // Own timex: the nearest in the same clause.
    for (fi, f) in found.iter_mut().enumerate() {
        if f.absorbed {
            continue;
        }
        let mut best: Option<(usize, &Tx)> = None;
        for (ti, tx) in txs.iter().enumerate() {
            if owners[ti].is_some_and(|o| o != fi) {
                continue;
            }
            if tx.role == Role::Since {
                if f.since_timex.is_none()
                    && tx.clause == f.clause
                    && is_first_since(v, f, tx.first)
                {
                    f.since_timex = Some(tx.index);
                }
                continue;
            }
            if tx.clause != f.clause || tx.role != Role::At {
                continue;
            }
            let d = if tx.first > f.trig {
                tx.first.saturating_sub(f.trig_last)
            } else {
                f.trig.saturating_sub(tx.last)
            };
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, tx));
            }
        }
        if let Some((_, tx)) = best {
            f.ev.date = Some(value_of(&a.timexes[tx.index as usize], tx.index));
        }
    }
    // `After <dated event>, X ...`: X lies between that date and publication.
    if let Some(after_clause) = (0..n.min(3)).find(|&x| v.eq(x, "after")).map(|x| v.clause[x]) {
        let anchor = found
            .iter()
            .filter(|f| f.clause == after_clause)
            .find_map(|f| f.ev.date.as_ref().and_then(|d| bounds(&d.value)));
        // The main clause is the one that follows the `after` clause.
        let main = (0..n)
            .find(|&x| {
                x > 0
                    && v.clause[x] != after_clause
                    && (v.clause[x - 1] == after_clause || v.word(x - 1) == ",")
            })
            .map(|x| v.clause[x]);
        if let (Some((from, _)), Some(p), Some(main)) = (anchor, published, main) {
            for f in found.iter_mut() {
                if f.clause == main && f.ev.date.is_none() && !f.absorbed {
                    f.ev.date = Some(TimeValue {
                        value: format!("{}/{}", day(from), day(p)),
                        timex: None,
                        approx: true,
                    });
                }
            }
        }
    }
    // `days after <event>`: the event lies shortly before the anchor.
    for y in 0..found.len() {
        if found[y].ev.date.is_some() || found[y].absorbed {
            continue;
        }
        let Some(window) = days_after_window(v, found[y].trig) else { continue };
        let anchor = (0..y).rev().find_map(|x| {
            found[x].ev.date.as_ref().and_then(|d| bounds(&d.value)).filter(|(a0, a1)| a0 == a1)
        });
        if let Some((d, _)) = anchor
            && let (Some(from), Some(to)) =
                (d.checked_sub_days(Days::new(window.0)), d.checked_sub_days(Days::new(window.1)))
        {
            let value = if from == to { day(from) } else { format!("{}/{}", day(from), day(to)) };
            found[y].ev.date = Some(TimeValue { value, timex: None, approx: from != to });
        }
    }
    // Pluperfect after a dated event in another clause: between that date and the reference.
    let dated: Vec<(u16, NaiveDate)> = found
        .iter()
        .filter_map(|f| {
            let d = f.ev.date.as_ref()?;
            let (a0, a1) = bounds(&d.value)?;
            (a0 == a1).then_some((f.clause, a0))
        })
        .collect();
    for f in found.iter_mut() {
        if f.ev.date.is_some() || f.absorbed || !f.pluperfect {
            continue;
        }
        let Some(&(_, from)) = dated.iter().find(|(c, _)| *c != f.clause) else { continue };
        let to = reference.filter(|r| *r >= from).or(published.filter(|p| *p >= from));
        if let Some(to) = to {
            f.ev.date = Some(TimeValue {
                value: format!("{}/{}", day(from), day(to)),
                timex: None,
                approx: true,
            });
        }
    }
    // The narrative's reference day moves with dated main-clause events.
    for f in found.iter() {
        if f.clause == 0
            && !f.absorbed
            && let Some(d) = &f.ev.date
            && !d.approx
            && let Some((a0, a1)) = bounds(&d.value)
            && a0 == a1
        {
            *reference = Some(a0);
        }
    }
    let _ = wc::DET;
}

/// `the first meeting ... since 2019`: `first` in the trigger's phrase before a `since` timex.
fn is_first_since(v: &View, f: &Found, since_tok: usize) -> bool {
    if since_tok < f.trig {
        return false;
    }
    (f.trig.saturating_sub(4)..f.trig).any(|x| v.toks[x].is(wc::FIRST))
}

/// For an event in a clause opened by `days after`, `a week after`, `shortly after`: how many
/// days before the anchor it can lie, as (most, fewest).
fn days_after_window(v: &View, trig: usize) -> Option<(u64, u64)> {
    // Find `after` opening this clause.
    let c = v.clause[trig];
    let start = (0..=trig).rev().take_while(|&x| v.clause[x] == c).last()?;
    if !v.eq(start, "after") || start == 0 {
        return None;
    }
    let unit = v.word(start - 1).to_ascii_lowercase();
    let count = if start >= 2 {
        super::events::number_word(v.word(start - 2)).map(|n| n as u64)
    } else {
        None
    };
    let single = start >= 2 && v.eq_any(start - 2, &["a", "one"]);
    Some(match unit.as_str() {
        "hours" | "hour" => (1, 0),
        "day" if single => (1, 1),
        "days" => count.map_or((10, 1), |c| (c, c)),
        "week" if single => (7, 7),
        "weeks" => count.map_or((56, 7), |c| (c * 7, c * 7)),
        "month" if single => (31, 28),
        "months" => count.map_or((365, 28), |c| (c * 31, c * 28)),
        "shortly" | "soon" | "just" => (7, 0),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_of_values() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("2019", Some(("2019-01-01", "2019-12-31"))),
            ("2023-09", Some(("2023-09-01", "2023-09-30"))),
            ("2023-09-28", Some(("2023-09-28", "2023-09-28"))),
            ("2023-09-28T06:38", Some(("2023-09-28", "2023-09-28"))),
            ("2023-W39", Some(("2023-09-25", "2023-10-01"))),
            ("2020-10/2023-09", Some(("2020-10-01", "2023-09-30"))),
            ("PAST_REF", None),
            ("", None),
        ];
        for (v, expect) in cases {
            let got = bounds(v);
            let expect = expect.map(|(a, b)| (d(a).unwrap_or_default(), d(b).unwrap_or_default()));
            assert_eq!(got, expect, "{v}");
        }
    }
}
