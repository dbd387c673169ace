//! The words of English time expressions: months, weekdays, units, seasons, number words and
//! ordinals, and the cue words that make a token worth a closer look.

use super::calendar::{DayPart, Unit};

/// Month number of a (lowercase) month name or abbreviation (`sept.`, `sep`, `september`).
pub fn month(w: &str) -> Option<u32> {
    let w = w.strip_suffix('.').unwrap_or(w);
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// True for a month word that is also an ordinary word or name when not written as a month.
pub fn ambiguous_month(w: &str) -> bool {
    matches!(w, "may" | "march" | "mar" | "jan" | "jun" | "dec" | "sep" | "oct" | "nov" | "aug")
}

/// Weekday (0 Monday .. 6 Sunday) and whether the word is plural (`Fridays`).
pub fn weekday(w: &str) -> Option<(u32, bool)> {
    let w = w.strip_suffix('.').unwrap_or(w);
    let (base, plural) = match w.strip_suffix('s') {
        Some(b) if b.ends_with("day") => (b, true),
        _ => (w, false),
    };
    let n = match base {
        "monday" | "mon" => 0,
        "tuesday" | "tue" | "tues" => 1,
        "wednesday" | "wed" => 2,
        "thursday" | "thu" | "thur" | "thurs" => 3,
        "friday" | "fri" => 4,
        "saturday" | "sat" => 5,
        "sunday" | "sun" => 6,
        _ => return None,
    };
    Some((n, plural))
}

/// A weekday abbreviation that is also a common word (`sun`, `sat`, `wed`).
pub fn ambiguous_weekday(w: &str) -> bool {
    matches!(w, "sun" | "sat" | "wed" | "mon" | "tue" | "thu" | "fri" | "thur")
}

/// A time unit word and whether it is plural.
pub fn unit(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" | "sec" => (Unit::Second, false),
        "seconds" | "secs" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" | "yr" => (Unit::Year, false),
        "years" | "yrs" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// Season number (0 spring, 1 summer, 2 fall, 3 winter).
pub fn season(w: &str) -> Option<u8> {
    Some(match w {
        "spring" => 0,
        "summer" => 1,
        "fall" | "autumn" => 2,
        "winter" => 3,
        _ => return None,
    })
}

pub fn day_part(w: &str) -> Option<DayPart> {
    Some(match w {
        "morning" => DayPart::Morning,
        "afternoon" => DayPart::Afternoon,
        "evening" => DayPart::Evening,
        "night" | "overnight" => DayPart::Night,
        _ => return None,
    })
}

/// The value of a number word (`one` .. `ninety-nine`, `a`, `an`, `dozen`).
pub fn number_word(w: &str) -> Option<u32> {
    if let Some((a, b)) = w.split_once('-') {
        let tens = number_word(a)?;
        let ones = number_word(b)?;
        return (tens >= 20 && tens % 10 == 0 && ones < 10 && ones > 0).then_some(tens + ones);
    }
    Some(match w {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" | "dozen" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ => return None,
    })
}

/// The value of an ordinal (`first`, `3rd`, `twenty-first`).
pub fn ordinal(w: &str) -> Option<u32> {
    if let Some(n) = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))
        && !n.is_empty()
        && n.len() <= 2
        && n.bytes().all(|b| b.is_ascii_digit())
    {
        return n.parse().ok();
    }
    if let Some((a, b)) = w.split_once('-') {
        let tens = number_word(a)?;
        let ones = ordinal(b)?;
        return (tens >= 20 && tens % 10 == 0 && ones < 10).then_some(tens + ones);
    }
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// Vague counts: `several years`, `a few days`, `many months`.
pub fn vague_count(w: &str) -> bool {
    matches!(w, "several" | "few" | "many" | "some" | "numerous" | "couple")
}

/// Zones written after a clock time.
pub fn time_zone(w: &str) -> bool {
    matches!(
        w,
        "gmt"
            | "utc"
            | "edt"
            | "est"
            | "cdt"
            | "cst"
            | "mdt"
            | "mst"
            | "pdt"
            | "pst"
            | "et"
            | "pt"
            | "bst"
            | "cet"
            | "cest"
            | "eet"
            | "eest"
            | "msk"
            | "ist"
            | "jst"
            | "aest"
            | "hkt"
            | "sgt"
            | "wat"
            | "eat"
            | "cat"
            | "z"
    )
}

/// Words that can begin or carry a time expression: only tokens for which this is true (or that
/// start with a digit) make the recogniser look further.
pub fn is_cue(w: &str) -> bool {
    if CUE_SET.contains(w) {
        return true;
    }
    if !w.contains('-') {
        return false;
    }
    if let Some(rest) =
        ["mid-", "early-", "late-", "pre-", "post-"].iter().find_map(|p| w.strip_prefix(p))
    {
        return is_cue(rest) || rest.starts_with(|c: char| c.is_ascii_digit());
    }
    if let Some((a, b)) = w.split_once('-') {
        // `five-year`, `third-quarter`, `year-end`, `day-long`
        return unit(b).is_some() || unit(a).is_some() || matches!(b, "quarter" | "half");
    }
    false
}

/// Every plain (unhyphenated) cue word, for one hash lookup per token.
static CUE_SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        let mut set = rustc_hash::FxHashSet::default();
        let months = [
            "january",
            "jan",
            "february",
            "feb",
            "march",
            "mar",
            "april",
            "apr",
            "may",
            "june",
            "jun",
            "july",
            "jul",
            "august",
            "aug",
            "september",
            "sept",
            "sep",
            "october",
            "oct",
            "november",
            "nov",
            "december",
            "dec",
        ];
        let days = [
            "monday",
            "mon",
            "tuesday",
            "tue",
            "tues",
            "wednesday",
            "wed",
            "thursday",
            "thu",
            "thur",
            "thurs",
            "friday",
            "fri",
            "saturday",
            "sat",
            "sunday",
            "sun",
            "mondays",
            "tuesdays",
            "wednesdays",
            "thursdays",
            "fridays",
            "saturdays",
            "sundays",
        ];
        let units = [
            "second",
            "sec",
            "seconds",
            "secs",
            "minute",
            "min",
            "minutes",
            "mins",
            "hour",
            "hr",
            "hours",
            "hrs",
            "day",
            "days",
            "week",
            "weeks",
            "weekend",
            "weekends",
            "month",
            "months",
            "quarter",
            "quarters",
            "year",
            "yr",
            "years",
            "yrs",
            "decade",
            "decades",
            "century",
            "centuries",
            "spring",
            "summer",
            "fall",
            "autumn",
            "winter",
        ];
        let dotted: &'static [&'static str] = &[
            "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sept.", "sep.", "oct.",
            "nov.", "dec.", "mon.", "tue.", "tues.", "wed.", "thu.", "thur.", "thurs.", "fri.",
            "sat.", "sun.",
        ];
        set.extend(months);
        set.extend(days);
        set.extend(units);
        set.extend(dotted.iter().copied());
        set.extend(OTHER_CUES.iter().copied());
        set
    });

/// Cue words beyond months, weekdays, units and seasons.
const OTHER_CUES: &[&str] = &[
    "today",
    "tonight",
    "tomorrow",
    "yesterday",
    "now",
    "currently",
    "current",
    "recently",
    "recent",
    "previously",
    "formerly",
    "nowadays",
    "presently",
    "soon",
    "future",
    "past",
    "present",
    "daily",
    "weekly",
    "monthly",
    "yearly",
    "annually",
    "annual",
    "hourly",
    "nightly",
    "quarterly",
    "biweekly",
    "noon",
    "midnight",
    "midday",
    "morning",
    "afternoon",
    "evening",
    "night",
    "overnight",
    "christmas",
    "easter",
    "thanksgiving",
    "halloween",
    "ramadan",
    "fiscal",
    "period",
    "fy",
    "nineteen",
    "twentieth",
    "nineteenth",
    "twenty-first",
    "eighties",
    "nineties",
    "seventies",
    "sixties",
    "fifties",
    "forties",
    "thirties",
    "twenties",
    "labor",
    "memorial",
    "independence",
    "election",
    "valentine",
    "new",
    "o'clock",
    "h1",
    "h2",
    "q1",
    "q2",
    "q3",
    "q4",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert_eq!(month("sept."), Some(9));
        assert_eq!(weekday("fridays"), Some((4, true)));
        assert_eq!(weekday("friday"), Some((4, false)));
        assert_eq!(number_word("twenty-four"), Some(24));
        assert_eq!(ordinal("21st"), Some(21));
        assert_eq!(ordinal("twenty-first"), Some(21));
        assert!(is_cue("mid-1990s"));
        assert!(is_cue("five-year"));
        assert!(!is_cue("said"));
    }
}
