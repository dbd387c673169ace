//! Publication dates from the forms articles and feeds write them in: ISO 8601 / RFC 3339,
//! RFC 2822 (feeds), and free text with a month name (`September 29, 2023, 6:38 AM`,
//! `12 March 2024 10:05 GMT`, `Fri, 29 Sep 2023`). The clock time is kept as written (the
//! article's local time); a zone is read past and dropped, like [`PublicationDate::parse_iso`].

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, NaiveTime};
use regex::Regex;
use types::PublicationDate;

/// A date written in any of the forms this module knows, or `None`.
pub fn parse(s: &str) -> Option<PublicationDate> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    if let Some(d) = PublicationDate::parse_iso(s) {
        return valid(d);
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        let local = dt.naive_local();
        return valid(PublicationDate { date: local.date(), time: Some(local.time()) });
    }
    if let Some(d) = iso_in(s) {
        return Some(d);
    }
    loose(s)
}

/// Dates outside this range are taken as misreadings (a year of 0201, a timestamp of 9999).
fn valid(d: PublicationDate) -> Option<PublicationDate> {
    let year = chrono::Datelike::year(&d.date);
    (1800..=2200).contains(&year).then_some(d)
}

static ISO_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?")
        .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// An ISO date somewhere inside a longer string (`Published 2024-03-12 10:05 UTC`).
fn iso_in(s: &str) -> Option<PublicationDate> {
    let c = ISO_IN.captures(s)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let date = NaiveDate::from_ymd_opt(num(1)? as i32, num(2)?, num(3)?)?;
    let time = match (num(4), num(5)) {
        (Some(h), Some(m)) => NaiveTime::from_hms_opt(h, m, num(6).unwrap_or(0)),
        _ => None,
    };
    valid(PublicationDate { date, time })
}

const MONTH: &str = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

/// `Month D[, YYYY]` or `D Month[,] YYYY` (ordinal suffixes and `of` allowed).
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let re = format!(
        r"(?i)\b(?:{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})|(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+{MONTH},?[\s-]+(\d{{4}}))\b"
    );
    Regex::new(&re).unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// `6:38 AM`, `10:05`, `18.30`, `6:38:12 p.m.`, `6 PM`.
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[^\d:.])(\d{1,2})(?:[:.](\d{2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?|\s*(a\.?m\.?|p\.?m\.?))(?:$|[^\w])",
    )
    .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

fn month_number(m: &str) -> Option<u32> {
    let m = m.to_ascii_lowercase();
    let i = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .iter()
        .position(|p| m.starts_with(p))?;
    Some(i as u32 + 1)
}

/// A date with a month name and a four-digit year somewhere in `s`, with the clock time written
/// next to it (before or after), if any.
pub fn loose(s: &str) -> Option<PublicationDate> {
    let c = MONTH_DAY_YEAR.captures(s)?;
    let whole = c.get(0)?;
    let (month, day, year) = if let Some(m) = c.get(1) {
        (m.as_str(), c.get(2)?.as_str(), c.get(3)?.as_str())
    } else {
        (c.get(5)?.as_str(), c.get(4)?.as_str(), c.get(6)?.as_str())
    };
    let date =
        NaiveDate::from_ymd_opt(year.parse().ok()?, month_number(month)?, day.parse().ok()?)?;
    // The time: after the date first (`September 29, 2023, 6:38 AM`), else before it
    // (`6:38 AM EDT, Fri September 29, 2023`).
    let after = &s[whole.end()..];
    let before = &s[..whole.start()];
    let time = clock(after).or_else(|| clock(before));
    valid(PublicationDate { date, time })
}

fn clock(s: &str) -> Option<NaiveTime> {
    for c in TIME.captures_iter(s) {
        let h: u32 = c.get(1)?.as_str().parse().ok()?;
        let m: u32 = c.get(2).map_or(Some(0), |m| m.as_str().parse().ok())?;
        let sec: u32 = c.get(3).map_or(Some(0), |m| m.as_str().parse().ok())?;
        let meridiem = c.get(4).or_else(|| c.get(5)).map(|m| m.as_str().to_ascii_lowercase());
        // A bare number without minutes is a time only with am/pm.
        if c.get(2).is_none() && meridiem.is_none() {
            continue;
        }
        let h = match meridiem.as_deref().map(|m| m.starts_with('p')) {
            Some(true) if h < 12 => h + 12,
            Some(false) if h == 12 => 0,
            Some(_) if h > 12 => continue,
            _ => h,
        };
        if let Some(t) = NaiveTime::from_hms_opt(h, m, sec) {
            return Some(t);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: Option<&str>) {
        let got = parse(input).map(|d| d.to_string());
        assert_eq!(got.as_deref(), expect, "input {input:?}");
    }

    #[test]
    fn dates_in_common_forms() {
        for (input, expect) in [
            ("2023-09-29", Some("2023-09-29")),
            ("2023-09-29T06:38:00Z", Some("2023-09-29T06:38")),
            ("2023-09-29T06:38:12+02:00", Some("2023-09-29T06:38:12")),
            ("2023-09-29 06:38", Some("2023-09-29T06:38")),
            ("Fri, 29 Sep 2023 06:38:00 GMT", Some("2023-09-29T06:38")),
            ("Fri, 29 Sep 2023 06:38:00 +0100", Some("2023-09-29T06:38")),
            ("Mon, 29 Sep 2023 06:38:00 GMT", Some("2023-09-29T06:38")), // wrong weekday
            ("September 29, 2023, 6:38 AM", Some("2023-09-29T06:38")),
            ("September 29, 2023, 6:38 PM", Some("2023-09-29T18:38")),
            ("Sept. 29, 2023 12:05 a.m.", Some("2023-09-29T00:05")),
            ("12 March 2024 10:05 GMT", Some("2024-03-12T10:05")),
            ("12th of March, 2024", Some("2024-03-12")),
            ("6:38 AM EDT, Fri September 29, 2023", Some("2023-09-29T06:38")),
            ("29-FEB-1988", Some("1988-02-29")),
            ("Published 2024-03-12 at 10:05", Some("2024-03-12")),
            ("March 2024", None),
            ("September 31, 2023", None),
            ("29/09/2023", None),
            ("yesterday", None),
            ("0201-01-01", None),
            ("", None),
        ] {
            check(input, expect);
        }
    }
}
