//! The grammar of time expressions over one sentence's tokens, with normalisation done as each
//! expression is parsed (see the module documentation of [`super`]).

use chrono::{Datelike, NaiveDate, Weekday};
use types::{Span, Timex, TimexType, Token};

use super::calendar::{DayPart, Point, Unit, add_days, easter, nth_weekday, ymd};
use super::lexicon as lx;
use super::tense::{self, Direction};
use super::{type_of, valid};

/// What the document has dated so far: the expressions found, and the points later anaphora
/// (`the following day`, `a year earlier`) count from.
#[derive(Debug, Default)]
pub struct DocState {
    pub out: Vec<Timex>,
    /// The last point the narrative dated, with its index in `out`.
    last: Option<(u32, Point)>,
    /// The last quarter or half named (for `the year-ago quarter`).
    last_period: Option<(u32, Point)>,
    /// Sentence index of `last`.
    last_sentence: u32,
}

/// A cheap test on the lowercased text: does this token deserve a closer look?
pub fn token_is_cue(lower: &str, span: Span) -> bool {
    let Some(t) = lower.get(span.start..span.end) else { return false };
    let b = t.as_bytes();
    match b.first() {
        Some(c) if c.is_ascii_digit() => true,
        Some(b'\'') => b.get(1).is_some_and(u8::is_ascii_digit),
        Some(c) if c.is_ascii_alphabetic() && b.len() <= 24 => lx::is_cue(t),
        _ => false,
    }
}

/// The value an expression resolves to.
#[derive(Debug, Clone, PartialEq)]
enum Val {
    Point(Point),
    /// A duration (`P3D`), a set (`P1W`, `XXXX-WXX-1`), a reference (`PAST_REF`) or an
    /// underspecified value (`XXXX-09`), with its precision.
    Raw(String, &'static str),
}

/// One parsed expression: token range `[start, end)` of the sentence.
#[derive(Debug, Clone)]
struct M {
    start: usize,
    end: usize,
    kind: TimexType,
    val: Val,
    modifier: Option<&'static str>,
    range: Option<(String, String)>,
    anchor: Option<u32>,
    /// Derived from another expression (`the year-ago quarter`): not itself a new reference.
    derived: bool,
}

impl M {
    fn point(start: usize, end: usize, p: Point) -> M {
        M {
            start,
            end,
            kind: type_of(&p),
            val: Val::Point(p),
            modifier: None,
            range: None,
            anchor: None,
            derived: false,
        }
    }

    fn raw(start: usize, end: usize, kind: TimexType, v: String, precision: &'static str) -> M {
        M {
            start,
            end,
            kind,
            val: Val::Raw(v, precision),
            modifier: None,
            range: None,
            anchor: None,
            derived: false,
        }
    }

    fn dur(start: usize, end: usize, unit: Unit, n: Option<f64>) -> M {
        M::raw(start, end, TimexType::Duration, unit.duration(n), "duration")
    }

    fn reference(start: usize, end: usize, v: &str) -> M {
        M::raw(start, end, TimexType::Date, v.to_string(), "reference")
    }

    fn with_mod(mut self, m: Option<&'static str>) -> M {
        if m.is_some() {
            self.modifier = m;
        }
        self
    }

    fn derived(mut self) -> M {
        self.derived = true;
        self
    }

    fn point_val(&self) -> Option<Point> {
        match self.val {
            Val::Point(p) => Some(p),
            Val::Raw(..) => None,
        }
    }
}

struct P<'a> {
    text: &'a str,
    lower: &'a str,
    toks: &'a [Token],
    anchor: Option<NaiveDate>,
    sentence: u32,
    /// Tense cue per token, computed on first need.
    cues: Option<Vec<Option<(Direction, bool)>>>,
    /// Points found earlier in this sentence: (index in out, point, derived).
    sent_points: Vec<(u32, Point, bool)>,
    /// The last day the narrative named.
    last_day: Option<NaiveDate>,
}

/// Finds and resolves the time expressions of one sentence.
pub fn sentence(
    text: &str,
    lower: &str,
    toks: &[Token],
    sentence: u32,
    anchor: Option<NaiveDate>,
    cues: &[bool],
    doc: &mut DocState,
) {
    let mut p = P {
        text,
        lower,
        toks,
        anchor,
        sentence,
        cues: None,
        sent_points: Vec::new(),
        last_day: None,
    };
    p.last_day = match doc.last {
        Some((_, Point::Day(d) | Point::DayPart(d, _) | Point::Time(d, ..))) => Some(d),
        _ => None,
    };
    let n = toks.len();
    // Which tokens are cues; a number is one only where it can be part of a time expression
    // (a year, a day beside a month, a count before a unit, a clock time).
    let mut cue = Vec::with_capacity(n + 1);
    cue.extend_from_slice(cues);
    cue.push(false);
    for i in 0..n {
        if cue[i] && p.w(i).as_bytes().first().is_some_and(u8::is_ascii_digit) {
            cue[i] = p.number_may_be_time(i, cue[i + 1]);
        }
    }
    // Index of the next cue token at or after each position.
    let mut next_cue = vec![usize::MAX; n + 1];
    for i in (0..n).rev() {
        next_cue[i] = if cue[i] { i } else { next_cue[i + 1] };
    }
    let mut i = 0;
    while i < n {
        if next_cue[i] == usize::MAX {
            break;
        }
        if next_cue[i] > i + 5 {
            i = next_cue[i] - 5;
            continue;
        }
        if !cue[i] && (next_cue[i] > i + 4 || !is_starter(p.w(i))) {
            i += 1;
            continue;
        }
        match p.parse_at(i, doc) {
            Some(m) if m.end > i => {
                let end = m.end;
                p.emit(m, doc);
                i = end;
            }
            _ => i += 1,
        }
    }
}

const APPROX: &[(&[&str], &str)] = &[
    (&["about"], "APPROX"),
    (&["around"], "APPROX"),
    (&["approximately"], "APPROX"),
    (&["roughly"], "APPROX"),
    (&["some"], "APPROX"),
    (&["nearly"], "LESS_THAN"),
    (&["almost"], "LESS_THAN"),
    (&["more", "than"], "MORE_THAN"),
    (&["well", "over"], "MORE_THAN"),
    (&["upwards", "of"], "MORE_THAN"),
    (&["less", "than"], "LESS_THAN"),
    (&["fewer", "than"], "LESS_THAN"),
    (&["under"], "LESS_THAN"),
    (&["at", "least"], "EQUAL_OR_MORE"),
    (&["at", "most"], "EQUAL_OR_LESS"),
    (&["no", "more", "than"], "EQUAL_OR_LESS"),
    (&["up", "to"], "EQUAL_OR_LESS"),
];

const TEMPORAL_PREPS: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "of",
    "during",
    "before",
    "after",
    "through",
    "throughout",
    "to",
    "fiscal",
    "year",
    "early",
    "late",
    "mid",
    "the",
    "between",
    "and",
    "or",
    "circa",
    "for",
    "on",
    "at",
    "around",
    "about",
    "within",
    "into",
    "than",
    "when",
    ",",
    "(",
];

impl<'a> P<'a> {
    // -----------------------------------------------------------------------------------------
    // Token access

    fn w(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => self.lower.get(t.span.start..t.span.end).unwrap_or(""),
            None => "",
        }
    }

    fn raw(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => self.text.get(t.span.start..t.span.end).unwrap_or(""),
            None => "",
        }
    }

    fn cap(&self, i: usize) -> bool {
        self.raw(i).starts_with(|c: char| c.is_uppercase())
    }

    fn digits(&self, i: usize) -> Option<u32> {
        let w = self.w(i);
        if w.is_empty() || w.len() > 9 || !w.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        w.parse().ok()
    }

    fn seq(&self, i: usize, words: &[&str]) -> bool {
        words.iter().enumerate().all(|(k, w)| self.w(i + k) == *w)
    }

    // -----------------------------------------------------------------------------------------
    // Tense

    fn direction(&mut self, at: usize) -> Direction {
        if self.cues.is_none() {
            let n = self.toks.len();
            let mut v = Vec::with_capacity(n);
            for i in 0..n {
                let prev = if i > 0 { self.w(i - 1) } else { "" };
                v.push(tense::cue(self.w(i), prev, self.w(i + 1)));
            }
            self.cues = Some(v);
        }
        let Some(cues) = self.cues.as_ref() else { return Direction::Unknown };
        let mut best: Option<(usize, Direction)> = None;
        let mut best_reporting: Option<(usize, Direction)> = None;
        for (i, c) in cues.iter().enumerate() {
            let Some((d, reporting)) = *c else { continue };
            let dist = i.abs_diff(at);
            // A cue inside the expression itself (`last`, `ago`) is not the verb's.
            if dist == 0 {
                continue;
            }
            let slot = if reporting { &mut best_reporting } else { &mut best };
            if slot.is_none_or(|(bd, _)| dist < bd) {
                *slot = Some((dist, d));
            }
        }
        match (best, best_reporting) {
            (Some((d1, a)), Some((d2, b))) => {
                // `said Thursday it will ...`: the reporting verb next to the expression governs
                // it; further off it only frames the sentence.
                if d2 <= 2 && d2 < d1 { b } else { a }
            }
            (Some((_, a)), None) => a,
            (None, Some((_, b))) => b,
            (None, None) => Direction::Unknown,
        }
    }

    // -----------------------------------------------------------------------------------------
    // Driver

    fn emit(&mut self, m: M, doc: &mut DocState) {
        let (Some(a), Some(b)) = (self.toks.get(m.start), self.toks.get(m.end.wrapping_sub(1)))
        else {
            return;
        };
        let mut span = Span::new(a.span.start, b.span.end);
        // `Sept. 30.` at the end of a sentence: the period is the sentence's.
        let last = self.raw(m.end - 1);
        if last.len() >= 2
            && last.ends_with('.')
            && last[..last.len() - 1].bytes().all(|c| c.is_ascii_digit())
        {
            span.end -= 1;
        }
        if !valid(self.text, span) {
            return;
        }
        let (value, precision) = match &m.val {
            Val::Point(p) => (p.value(), p.precision()),
            Val::Raw(v, prec) => (v.clone(), *prec),
        };
        let idx = doc.out.len() as u32;
        if let Some(p) = m.point_val() {
            if !m.derived {
                if let Point::Day(d) | Point::DayPart(d, _) | Point::Time(d, ..) = p {
                    self.last_day = Some(d);
                }
                doc.last = Some((idx, p));
                doc.last_sentence = self.sentence;
                if matches!(p, Point::Quarter(..) | Point::Half(..)) {
                    doc.last_period = Some((idx, p));
                }
            }
            self.sent_points.push((idx, p, m.derived));
        }
        doc.out.push(Timex {
            span,
            text: self.text[span.start..span.end].to_string(),
            kind: m.kind,
            value,
            precision: precision.to_string(),
            modifier: m.modifier.map(str::to_string),
            range: m.range,
            anchor: m.anchor,
            sentence: self.sentence,
        });
    }

    /// The longest expression starting at token `i`, with its leading modifiers.
    fn parse_at(&mut self, i: usize, doc: &DocState) -> Option<M> {
        // Approximation and bounds: `about three years`, `at least 30 days`.
        for (words, modifier) in APPROX {
            if self.seq(i, words) {
                let j = i + words.len();
                if let Some(mut m) = self.core(j, doc)
                    && matches!(m.kind, TimexType::Duration)
                        | matches!(self.w(m.end.wrapping_sub(1)), "ago" | "earlier" | "later")
                {
                    m.start = i;
                    m.modifier = Some(modifier);
                    return Some(m);
                }
            }
        }
        self.core(i, doc)
    }

    fn core(&mut self, i: usize, doc: &DocState) -> Option<M> {
        let w = self.w(i);
        if w.is_empty() {
            return None;
        }
        let mut best: Option<M> = None;
        let mut take = |m: Option<M>| {
            if let Some(m) = m
                && m.end > i
                && best.as_ref().is_none_or(|b| m.end > b.end)
            {
                best = Some(m);
            }
        };
        take(self.positioned(i, doc));
        take(self.relative_offset(i, doc));
        take(self.date_abs(i));
        take(self.numeric(i));
        take(self.clock(i, doc));
        take(self.quarter(i, doc));
        take(self.year(i));
        take(self.decade_century(i));
        take(self.weekday(i));
        take(self.relative_day(i));
        take(self.deictic(i, doc));
        take(self.season(i));
        take(self.holiday(i));
        take(self.duration(i, doc));
        take(self.set(i));
        take(self.vague(i));
        take(self.hyphenated(i, doc));
        let mut m = best?;
        // `September 29, 2023, 6:38 AM`, `Friday at 10 a.m.`: a clock time after a day.
        if let Some(Point::Day(d)) = m.point_val() {
            let k = if matches!(self.w(m.end), "," | "at") { m.end + 1 } else { m.end };
            if let Some((end, h, mi)) = self.clock_time(k) {
                let end = self.zone(end);
                m = M::point(m.start, end, Point::Time(d, h, mi));
            }
        }
        Some(m)
    }

    // -----------------------------------------------------------------------------------------
    // Numbers

    /// A digit token that can belong to a time expression: a year, a decade, a numeric date or
    /// clock time, a day next to a month, or a count before a time word.
    fn number_may_be_time(&self, i: usize, next_is_cue: bool) -> bool {
        let w = self.w(i);
        if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
            return true;
        }
        if w.bytes().any(|b| {
            matches!(b, b':' | b'/' | b'-' | b's' | b'a' | b'p' | b'q' | b't' | b'n' | b'r' | b'h')
        }) {
            return true;
        }
        let next = self.w(i + 1);
        next_is_cue
            || matches!(
                next,
                "a.m."
                    | "a.m"
                    | "am"
                    | "p.m."
                    | "p.m"
                    | "pm"
                    | "o'clock"
                    | "1/2"
                    | "and"
                    | "more"
                    | "full"
                    | "straight"
                    | "consecutive"
                    | "additional"
                    | "trading"
                    | "business"
                    | "working"
                    | "in"
                    | ","
                    | "of"
                    | "to"
                    | "or"
            )
            || i > 0 && lx::month(self.w(i - 1)).is_some()
            || i > 0 && matches!(self.w(i - 1), "the" | "at" | "by" | "until" | "around" | "about")
    }

    /// A count: digits (`14`, `5 1/2`, `2.5`), number words (`two`, `twenty four`, `a`), or a
    /// vague count (`several`, `a few`) as `None`.
    fn count(&self, i: usize) -> Option<(usize, Option<f64>)> {
        let w = self.w(i);
        if let Some(n) = self.digits(i) {
            let mut v = f64::from(n);
            let mut end = i + 1;
            if self.w(end) == "1/2" {
                v += 0.5;
                end += 1;
            } else if self.seq(end, &["and", "a", "half"]) {
                v += 0.5;
                end += 3;
            }
            return Some((end, Some(v)));
        }
        if w.contains('.')
            && !w.ends_with('.')
            && w.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        {
            return w.parse::<f64>().ok().map(|v| (i + 1, Some(v)));
        }
        if w.contains(',') && w.bytes().all(|b| b.is_ascii_digit() || b == b',') {
            let n: String = w.chars().filter(char::is_ascii_digit).collect();
            return n.parse::<f64>().ok().map(|v| (i + 1, Some(v)));
        }
        if w == "a" || w == "an" {
            if self.w(i + 1) == "few" || self.w(i + 1) == "number" && self.w(i + 2) == "of" {
                return Some((if self.w(i + 1) == "few" { i + 2 } else { i + 3 }, None));
            }
            if self.seq(i + 1, &["couple", "of"]) {
                return Some((i + 3, Some(2.0)));
            }
            if self.w(i + 1) == "half" {
                return Some((i + 2, Some(0.5)));
            }
            return Some((i + 1, Some(1.0)));
        }
        if w == "half" && matches!(self.w(i + 1), "a" | "an") {
            return Some((i + 2, Some(0.5)));
        }
        if lx::vague_count(w) {
            return Some((i + 1, None));
        }
        if matches!(w, "dozens" | "hundreds" | "thousands") && self.w(i + 1) == "of" {
            return Some((i + 2, None));
        }
        let mut v = lx::number_word(w)?;
        let mut end = i + 1;
        if v >= 20 && v % 10 == 0 && v < 100 {
            if let Some(u) = lx::number_word(self.w(end)).filter(|&u| (1..10).contains(&u)) {
                v += u;
                end += 1;
            }
        } else if v < 10 && self.w(end) == "hundred" {
            v *= 100;
            end += 1;
        }
        let mut f = f64::from(v);
        if self.seq(end, &["and", "a", "half"]) {
            f += 0.5;
            end += 3;
        }
        Some((end, Some(f)))
    }

    // -----------------------------------------------------------------------------------------
    // Resolving against the anchor

    fn today(&self) -> Option<NaiveDate> {
        self.anchor
    }

    /// The day `d` of month `m` nearest the anchor in the given direction.
    fn month_day(&self, m: u32, d: u32, dir: Direction) -> Option<Point> {
        let a = self.today()?;
        let mk = |y: i32| NaiveDate::from_ymd_opt(y, m, d);
        let cands: Vec<NaiveDate> =
            [a.year() - 1, a.year(), a.year() + 1].iter().filter_map(|&y| mk(y)).collect();
        // The nearest one, unless the verb's tense rules it out: a past verb allows a date a
        // few weeks ahead (a deadline it set), a future verb a few days back.
        let nearest = cands.iter().min_by_key(|&&c| (c - a).num_days().abs()).copied();
        let pick = match (dir, nearest) {
            (Direction::Past, Some(c)) if (c - a).num_days() > 62 => {
                cands.iter().rev().find(|&&c| c <= a).copied()
            }
            (Direction::Future, Some(c)) if (c - a).num_days() < -7 => {
                cands.iter().find(|&&c| c >= a).copied()
            }
            _ => nearest,
        };
        // Feb 29 in a year without one: keep the anchor's year honest as XXXX-02-29 below.
        pick.map(Point::Day)
    }

    /// Month `m` (with no year) nearest the anchor in the given direction.
    fn month_only(&self, m: u32, dir: Direction) -> Option<Point> {
        let a = self.today()?;
        let here = a.year() * 12 + a.month() as i32 - 1;
        let cands = [a.year() - 1, a.year(), a.year() + 1];
        let idx = |y: i32| y * 12 + m as i32 - 1;
        let nearest = cands.iter().min_by_key(|&&y| (idx(y) - here).abs()).copied();
        let y = match (dir, nearest) {
            (Direction::Past, Some(y)) if idx(y) - here > 2 => {
                cands.iter().rev().find(|&&y| idx(y) <= here).copied()
            }
            (Direction::Future, Some(y)) if idx(y) < here => {
                cands.iter().find(|&&y| idx(y) >= here).copied()
            }
            _ => nearest,
        }?;
        Some(Point::Month(y, m))
    }

    /// Weekday `wd` (0 Monday) relative to the anchor.
    fn weekday_point(&self, wd: u32, dir: Direction) -> Option<NaiveDate> {
        let a = self.today()?;
        let cur = a.weekday().num_days_from_monday();
        let back = i64::from((cur + 7 - wd) % 7);
        let fwd = i64::from((wd + 7 - cur) % 7);
        match dir {
            Direction::Past => add_days(a, -back),
            Direction::Future => add_days(a, fwd),
            Direction::Unknown => {
                if back <= fwd + 1 {
                    add_days(a, -back)
                } else {
                    add_days(a, fwd)
                }
            }
        }
    }

    /// The reference the narrative gives for anaphora, or the anchor.
    fn reference(&self, doc: &DocState) -> Option<(Option<u32>, Point)> {
        if let Some((i, p)) = doc.last {
            return Some((Some(i), p));
        }
        self.today().map(|a| (None, Point::Day(a)))
    }

    // -----------------------------------------------------------------------------------------
    // Absolute dates: `Sept. 30, 1990`, `17 September 2023`, `October 2020`, `in August`

    fn month_at(&self, i: usize) -> Option<u32> {
        let w = self.w(i);
        let m = lx::month(w)?;
        let raw = self.raw(i);
        let capital = self.cap(i);
        if !capital {
            return None;
        }
        let abbrev = lx::month(w.trim_end_matches('.')).is_some()
            && w.trim_end_matches('.').len() <= 4
            && !matches!(w.trim_end_matches('.'), "may" | "june" | "july");
        if abbrev && !raw.ends_with('.') && w.len() < 4 {
            // `Jan`, `Dec`: only before a day or year.
            let next_ok = self.digits(i + 1).is_some();
            if !next_ok {
                return None;
            }
        }
        if lx::ambiguous_month(w.trim_end_matches('.')) && !raw.ends_with('.') {
            let next_num = self.day_number(i + 1).is_some()
                || self.year_number(i + 1).is_some()
                || self
                    .w(i + 1)
                    .split_once('-')
                    .is_some_and(|(a, _)| a.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d)));
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            let prev_ok = matches!(
                prev,
                "in" | "since"
                    | "until"
                    | "by"
                    | "of"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "during"
                    | "from"
                    | "to"
                    | "through"
                    | "before"
                    | "after"
                    | "between"
                    | "and"
                    | "or"
                    | "end"
                    | "beginning"
                    | "-"
                    | ","
                    | "that"
                    | "till"
            );
            if !(next_num || prev_ok) {
                return None;
            }
            if w == "march" && self.w(i + 1) == "on" {
                return None;
            }
        }
        Some(m)
    }

    fn day_number(&self, i: usize) -> Option<u32> {
        let w = self.w(i);
        // `16.` at the end of a sentence keeps its period.
        let w = w.strip_suffix('.').filter(|d| d.len() <= 2).unwrap_or(w);
        let n = if !w.is_empty() && w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()) {
            w.parse().ok()
        } else if w.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
            lx::ordinal(w)
        } else {
            None
        }?;
        (1..=31).contains(&n).then_some(n)
    }

    fn year_number(&self, i: usize) -> Option<i32> {
        let n = self.digits(i)?;
        (self.w(i).len() == 4 && (1000..2200).contains(&n)).then_some(n as i32)
    }

    /// `'89` -> 1989 (or 2019 when nearer the anchor's century).
    fn short_year(&self, i: usize) -> Option<i32> {
        let w = self.w(i);
        let d = w.strip_prefix('\'').or_else(|| w.strip_prefix('\u{2019}'))?;
        if d.len() != 2 || !d.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: i32 = d.parse().ok()?;
        let a = self.today().map_or(2000, |a| a.year());
        let c = a / 100 * 100;
        Some(if c + n > a + 10 { c - 100 + n } else { c + n })
    }

    fn date_abs(&mut self, i: usize) -> Option<M> {
        let mut k = i;
        let mut weekday = None;
        if let Some((wd, false)) = lx::weekday(self.w(k))
            && self.cap(k)
        {
            weekday = Some(wd);
            k += 1;
            if self.w(k) == "," {
                k += 1;
            }
        }
        let dir_at = i;
        // Month first.
        if let Some(m) = self.month_at(k) {
            let mut e = k + 1;
            // `Sept. 30`, `September 17th`, `March 5-7`
            if let Some(d) = self.day_number(e) {
                e += 1;
                let mut year = None;
                let mut ye = e;
                if self.w(ye) == "," {
                    ye += 1;
                }
                if let Some(y) = self.year_number(ye).or_else(|| self.short_year(ye)) {
                    year = Some(y);
                    e = ye + 1;
                }
                let p = match year {
                    Some(y) => NaiveDate::from_ymd_opt(y, m, d).map(Point::Day),
                    None => {
                        let dir = self.direction(dir_at);
                        self.month_day(m, d, dir)
                    }
                };
                return Some(match p {
                    Some(p) => M::point(i, e, p),
                    None => {
                        let y = year.map_or("XXXX".to_string(), |y| format!("{y:04}"));
                        M::raw(i, e, TimexType::Date, format!("{y}-{m:02}-{d:02}"), "day")
                    }
                });
            }
            if weekday.is_some() {
                return None;
            }
            // Day range `March 5-7`: an honest interval within the month.
            let w = self.w(e);
            if let Some((a, b)) = w.split_once('-')
                && let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>())
                && (1..=31).contains(&a)
                && a < b
                && b <= 31
            {
                let dir = self.direction(dir_at);
                let (y, end) = match self.year_number(e + 1 + usize::from(self.w(e + 1) == ",")) {
                    Some(y) => (Some(y), e + 2 + usize::from(self.w(e + 1) == ",")),
                    None => (None, e + 1),
                };
                let first = match y {
                    Some(y) => NaiveDate::from_ymd_opt(y, m, a).map(Point::Day),
                    None => self.month_day(m, a, dir),
                };
                if let Some(Point::Day(f)) = first
                    && let Some(l) = NaiveDate::from_ymd_opt(f.year(), m, b)
                {
                    let mut r = M::point(i, end, Point::Month(f.year(), m));
                    r.range = Some((ymd(f), ymd(l)));
                    return Some(r);
                }
            }
            // `October 2020`, `October of 2020`, `Oct. '89`
            let mut ye = e;
            if matches!(self.w(ye), "of" | ",") {
                ye += 1;
            }
            if let Some(y) = self.year_number(ye).or_else(|| self.short_year(ye)) {
                return Some(M::point(i, ye + 1, Point::Month(y, m)));
            }
            // `June last year`, `January this year`
            if matches!(self.w(e), "this" | "last" | "next")
                && self.w(e + 1) == "year"
                && let Some(a) = self.today()
            {
                let y = a.year()
                    + match self.w(e) {
                        "last" => -1,
                        "next" => 1,
                        _ => 0,
                    };
                return Some(M::point(i, e + 2, Point::Month(y, m)));
            }
            // `January nineteen ninety-seven`
            if self.w(e) == "nineteen"
                && let Some(ym) = self.year(e)
                && let Some(Point::Year(y)) = ym.point_val()
            {
                return Some(M::point(i, ym.end, Point::Month(y, m)));
            }
            // A bare month: `in August`.
            let dir = self.direction(dir_at);
            return Some(match self.month_only(m, dir) {
                Some(p) => M::point(i, e, p),
                None => M::raw(i, e, TimexType::Date, format!("XXXX-{m:02}"), "month"),
            });
        }
        // Day first: `17 September 2023`, `the 17th of September`.
        let mut dk = k;
        if weekday.is_none() && self.w(dk) == "the" {
            dk += 1;
        }
        let d = self.day_number(dk)?;
        let mut mk = dk + 1;
        if self.w(mk) == "of" {
            mk += 1;
        }
        let m = self.month_at(mk)?;
        let mut e = mk + 1;
        let mut ye = e;
        if self.w(ye) == "," {
            ye += 1;
        }
        let year = self.year_number(ye);
        if year.is_some() {
            e = ye + 1;
        }
        let p = match year {
            Some(y) => NaiveDate::from_ymd_opt(y, m, d).map(Point::Day),
            None => {
                let dir = self.direction(dir_at);
                self.month_day(m, d, dir)
            }
        };
        Some(match p {
            Some(p) => M::point(i, e, p),
            None => M::raw(i, e, TimexType::Date, format!("XXXX-{m:02}-{d:02}"), "day"),
        })
    }

    /// Numeric dates: `2023-09-28`, `09/28/2023`, `28.09.2023`, `9/28/89`.
    fn numeric(&self, i: usize) -> Option<M> {
        let w = self.w(i);
        if !w.bytes().next().is_some_and(|b| b.is_ascii_digit()) || w.len() < 6 || w.len() > 10 {
            return None;
        }
        let sep = w.bytes().find(|b| matches!(b, b'-' | b'/' | b'.'))?;
        let parts: Vec<&str> = w.split(sep as char).collect();
        if parts.len() != 3
            || !parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        let nums: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        if nums.len() != 3 {
            return None;
        }
        let (y, m, d) = if parts[0].len() == 4 {
            (nums[0] as i32, nums[1], nums[2])
        } else if parts[2].len() == 4 || parts[2].len() == 2 {
            let y = if parts[2].len() == 2 {
                let c = self.today().map_or(1900, |a| a.year() / 100 * 100);
                let yy = c + nums[2] as i32;
                if self.today().is_some_and(|a| yy > a.year() + 10) { yy - 100 } else { yy }
            } else {
                nums[2] as i32
            };
            // Month first unless the first number cannot be a month; `.` dates are day first.
            if sep == b'.' || nums[0] > 12 { (y, nums[1], nums[0]) } else { (y, nums[0], nums[1]) }
        } else {
            return None;
        };
        if sep == b'.' && parts[0].len() != 4 && parts[2].len() != 4 {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        Some(M::point(i, i + 1, Point::Day(date)))
    }

    // -----------------------------------------------------------------------------------------
    // Clock times: `10:35 a.m.`, `6 a.m. EDT Thursday`, `noon`, `4 in the morning`

    /// A clock time at `i`: (end, hour, minute).
    fn clock_time(&self, i: usize) -> Option<(usize, u32, u32)> {
        let w = self.w(i);
        let ampm = |s: &str| -> Option<bool> {
            match s {
                "a.m." | "a.m" | "am" => Some(false),
                "p.m." | "p.m" | "pm" => Some(true),
                _ => None,
            }
        };
        let fix = |h: u32, pm: Option<bool>| -> Option<u32> {
            match pm {
                None => (h <= 24).then_some(h % 24),
                Some(pm) => {
                    if !(1..=12).contains(&h) {
                        return None;
                    }
                    Some(match (pm, h) {
                        (false, 12) => 0,
                        (true, 12) => 12,
                        (true, h) => h + 12,
                        (false, h) => h,
                    })
                }
            }
        };
        match w {
            "noon" | "midday" => return Some((i + 1, 12, 0)),
            "midnight" => return Some((i + 1, 0, 0)),
            _ => {}
        }
        // `10:35`, `6:38`, `10.30` (with am/pm), `10am`, `10:35pm`
        let (body, glued) = match ["a.m.", "p.m.", "am", "pm"]
            .iter()
            .find_map(|s| w.strip_suffix(s).filter(|b| !b.is_empty()).map(|b| (b, ampm(s))))
        {
            Some((b, pm)) => (b, pm),
            None => (w, None),
        };
        let (h, mi) = if let Some((h, m)) = body.split_once(':').or_else(|| {
            if glued.is_some() || ampm(self.w(i + 1)).is_some() {
                body.split_once('.')
            } else {
                None
            }
        }) {
            if h.is_empty() || h.len() > 2 || m.len() != 2 {
                return None;
            }
            (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?)
        } else {
            if body.is_empty() || body.len() > 2 || !body.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            (body.parse::<u32>().ok()?, 0)
        };
        if mi >= 60 {
            return None;
        }
        let mut end = i + 1;
        let pm = match glued {
            Some(pm) => Some(pm),
            None => match ampm(self.w(end)) {
                Some(pm) => {
                    end += 1;
                    Some(pm)
                }
                None => None,
            },
        };
        if pm.is_none() && self.w(end) == "o'clock" {
            end += 1;
            return Some((end, fix(h, None)?, 0));
        }
        if pm.is_none() && self.seq(end, &["in", "the"]) {
            let part = self.w(end + 2);
            let pm = match part {
                "morning" => Some(false),
                "afternoon" | "evening" => Some(true),
                "night" => Some((6..12).contains(&h)),
                _ => None,
            };
            if pm.is_some() {
                return Some((end + 3, fix(h, pm)?, mi));
            }
        }
        if pm.is_none() {
            // A bare `10:35` is a time only with a zone or after `at`, `by`, `until`.
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            let colon = body.contains(':');
            let ctx = matches!(
                prev,
                "at" | "by"
                    | "until"
                    | "till"
                    | "around"
                    | "about"
                    | "from"
                    | "before"
                    | "after"
                    | "since"
            ) || lx::time_zone(self.w(end))
                || self.seq(end, &["local", "time"]);
            if !(colon && ctx) {
                return None;
            }
        }
        Some((end, fix(h, pm)?, mi))
    }

    /// Skips a time zone after a clock time.
    fn zone(&self, end: usize) -> usize {
        if lx::time_zone(self.w(end)) && self.raw(end).chars().all(|c| c.is_uppercase()) {
            return end + 1;
        }
        if self.seq(end, &["local", "time"]) {
            return end + 2;
        }
        if self.w(end + 1) == "time" && self.cap(end) && !self.raw(end).is_empty() {
            // `Moscow time`
            return end + 2;
        }
        end
    }

    fn clock(&mut self, i: usize, doc: &DocState) -> Option<M> {
        let (mut end, h, mi) = self.clock_time(i)?;
        end = self.zone(end);
        // A day written after the time: `4 a.m. EDT Thursday`, `10 p.m. yesterday`.
        let mut k = end;
        if self.w(k) == "on" {
            k += 1;
        }
        let mut day = None;
        if let Some(m) =
            self.weekday(k).or_else(|| self.relative_day(k)).or_else(|| self.date_abs(k))
            && let Some(p) = m.point_val()
        {
            day = match p {
                Point::Day(d) | Point::DayPart(d, _) => Some(d),
                _ => None,
            };
            if day.is_some() && k == end {
                end = m.end;
            }
        }
        let day = day
            .or_else(|| {
                self.sent_points.iter().rev().find_map(|(_, p, _)| match p {
                    Point::Day(d) | Point::DayPart(d, _) | Point::Time(d, ..) => Some(*d),
                    _ => None,
                })
            })
            .or(match doc.last {
                Some((_, Point::Day(d) | Point::DayPart(d, _) | Point::Time(d, ..))) => Some(d),
                _ => None,
            })
            .or(self.today());
        Some(match day {
            Some(d) => M::point(i, end, Point::Time(d, h, mi)),
            None => M::raw(i, end, TimexType::Time, format!("XXXX-XX-XXT{h:02}:{mi:02}"), "minute"),
        })
    }

    // -----------------------------------------------------------------------------------------
    // Years, decades, centuries

    fn year_ok(&self, i: usize, y: i32) -> bool {
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        let next = self.w(i + 1);
        if matches!(
            prev,
            "$" | "#"
                | "no."
                | "no"
                | "nos."
                | "number"
                | "page"
                | "flight"
                | "route"
                | "article"
                | "rule"
                | "model"
                | "room"
                | "suite"
                | "box"
                | "resolution"
        ) || matches!(
            next,
            "%" | "percent"
                | "cents"
                | "per"
                | "to"
                | "-"
                | "/"
                | "x"
                | "mph"
                | "km"
                | "kilometers"
                | "miles"
                | "feet"
                | "meters"
                | "tons"
                | "barrels"
                | "hours"
                | "ounces"
                | "points"
                | "yards"
        ) {
            return false;
        }
        if i > 0 && self.digits(i - 1).is_some() {
            return false;
        }
        let temporal_prev = TEMPORAL_PREPS.contains(&prev) || i == 0;
        let next_plural = next.len() > 3
            && next.ends_with('s')
            && next.bytes().all(|b| b.is_ascii_lowercase())
            && !matches!(
                next,
                "was"
                    | "has"
                    | "is"
                    | "as"
                    | "this"
                    | "its"
                    | "his"
                    | "plus"
                    | "levels"
                    | "highs"
                    | "lows"
            );
        if next_plural && !temporal_prev {
            return false;
        }
        if (1900..=2100).contains(&y) {
            return true;
        }
        temporal_prev && prev != "the" && prev != "and" && prev != "or"
    }

    fn year(&mut self, i: usize) -> Option<M> {
        let w = self.w(i);
        // `fiscal 1989`, `FY2023`, `the year 2000`, `calendar 1990`
        let mut k = i;
        let mut fiscal = false;
        if matches!(w, "fiscal" | "fy" | "calendar") {
            fiscal = true;
            k += 1;
            if self.w(k) == "year" {
                k += 1;
            }
        } else if self.seq(i, &["the", "year"]) {
            k += 2;
        } else if w.len() == 6 && w.starts_with("fy") {
            let y: i32 = w[2..].parse().ok()?;
            return Some(M::point(i, i + 1, Point::Year(y)));
        }
        if let Some(y) = self.year_number(k) {
            if !fiscal && k == i && !self.year_ok(k, y) {
                return None;
            }
            if k > i && !fiscal && self.w(i) != "the" {
                return None;
            }
            return Some(M::point(i, k + 1, Point::Year(y)));
        }
        if fiscal && let Some(y) = self.short_year(k) {
            return Some(M::point(i, k + 1, Point::Year(y)));
        }
        // Spelled years: `nineteen ninety-six`, `the year two thousand`.
        if self.w(k) == "nineteen" || self.w(k) == "twenty" && k > i {
            let c = if self.w(k) == "nineteen" { 1900 } else { 2000 };
            if let Some((e, Some(n))) = self.count(k + 1)
                && (10.0..100.0).contains(&n)
                && n.fract() == 0.0
            {
                return Some(M::point(i, e, Point::Year(c + n as i32)));
            }
        }
        if k > i && self.seq(k, &["two", "thousand"]) {
            let mut e = k + 2;
            let mut y = 2000;
            if self.w(e) == "and" {
                e += 1;
            }
            if let Some((e2, Some(n))) =
                self.count(e).filter(|(_, n)| n.is_some_and(|n| (1.0..100.0).contains(&n)))
            {
                y += n as i32;
                e = e2;
            } else {
                e = k + 2;
            }
            return Some(M::point(i, e, Point::Year(y)));
        }
        None
    }

    fn decade_century(&mut self, i: usize) -> Option<M> {
        let mut k = i;
        if self.w(k) == "the" {
            k += 1;
        }
        let (mut modifier, mut kk) = (None, k);
        match self.w(kk) {
            "early" => (modifier, kk) = (Some("START"), kk + 1),
            "late" => (modifier, kk) = (Some("END"), kk + 1),
            "mid" | "middle" => (modifier, kk) = (Some("MID"), kk + 1),
            _ => {}
        }
        let w = self.w(kk);
        let (m2, core) = strip_position(w);
        if m2.is_some() {
            modifier = m2;
        }
        // `1990s`, `'80s`, `1990's`
        let decade = if let Some(d) = core.strip_suffix("s").or_else(|| core.strip_suffix("'s")) {
            if d.len() == 4 && d.ends_with('0') && d.bytes().all(|b| b.is_ascii_digit()) {
                d[..3].parse::<i32>().ok()
            } else if let Some(dd) = d.strip_prefix('\'').or_else(|| d.strip_prefix('\u{2019}'))
                && dd.len() == 2
                && dd.ends_with('0')
            {
                let n: i32 = dd.parse().ok()?;
                Some(190 + n / 10)
            } else {
                None
            }
        } else {
            None
        };
        let decade = decade.or_else(|| {
            let n = match core {
                "twenties" => 2,
                "thirties" => 3,
                "forties" => 4,
                "fifties" => 5,
                "sixties" => 6,
                "seventies" => 7,
                "eighties" => 8,
                "nineties" => 9,
                _ => return None,
            };
            (k > i).then_some(190 + n)
        });
        if let Some(d) = decade {
            if core.ends_with("'s") || w.ends_with("'s") {
                return None;
            }
            return Some(M::point(i, kk + 1, Point::Decade(d)).with_mod(modifier));
        }
        // Centuries: `the 20th century`, `the nineteenth century`, `this century`.
        if self.w(kk + 1) == "century" {
            let c = if let Some(n) = lx::ordinal(w) {
                Some(n as i32 - 1)
            } else {
                match w {
                    "this" | "current" if kk == i => self.today().map(|a| a.year() / 100),
                    "last" | "past" | "previous" if kk == i => {
                        self.today().map(|a| a.year() / 100 - 1)
                    }
                    "next" | "coming" if kk == i => self.today().map(|a| a.year() / 100 + 1),
                    _ => None,
                }
            };
            if let Some(c) = c {
                return Some(M::point(i, kk + 2, Point::Century(c)).with_mod(modifier));
            }
        }
        None
    }

    // -----------------------------------------------------------------------------------------
    // Weekdays

    fn weekday(&mut self, i: usize) -> Option<M> {
        let mut k = i;
        if self.w(k) == "the" && self.w(k + 1) == "previous" {
            k += 1;
        }
        let det = match self.w(k) {
            "last" | "past" | "previous" => Some(-1),
            "next" | "coming" => Some(1),
            "this" => match self.w(k + 1) {
                "past" => {
                    k += 1;
                    Some(-1)
                }
                "coming" => {
                    k += 1;
                    Some(1)
                }
                _ => Some(0),
            },
            _ => None,
        };
        if det.is_some() {
            k += 1;
        }
        let w = self.w(k);
        let (wd, plural) = lx::weekday(w)?;
        let base = w.trim_end_matches('.').trim_end_matches('s');
        if lx::ambiguous_weekday(base) && !(self.raw(k).ends_with('.') && self.cap(k)) {
            return None;
        }
        if !self.cap(k) && det.is_none() {
            return None;
        }
        let mut end = k + 1;
        if plural {
            if det.is_some() {
                return None;
            }
            return Some(M::raw(i, end, TimexType::Set, format!("XXXX-WXX-{}", wd + 1), "set"));
        }
        let date = match det {
            Some(0) => {
                let a = self.today();
                a.and_then(|a| {
                    let cur = a.weekday().num_days_from_monday();
                    add_days(a, i64::from(wd) - i64::from(cur))
                })
            }
            Some(-1) => {
                let base = if matches!(self.w(i), "previous") || self.seq(i, &["the", "previous"]) {
                    self.last_day.or(self.today())
                } else {
                    self.today()
                };
                base.and_then(|a| {
                    let cur = a.weekday().num_days_from_monday();
                    let back = (cur + 7 - wd) % 7;
                    add_days(a, -i64::from(if back == 0 { 7 } else { back }))
                })
            }
            Some(_) => self.today().and_then(|a| {
                let cur = a.weekday().num_days_from_monday();
                let fwd = (wd + 7 - cur) % 7;
                add_days(a, i64::from(if fwd == 0 { 7 } else { fwd }))
            }),
            None => {
                // `Wednesday's ruling` is one already made.
                let dir = if self.w(end) == "'s" { Direction::Past } else { self.direction(k) };
                self.weekday_point(wd, dir)
            }
        };
        // `Friday morning`, `Wednesday night`
        let part = lx::day_part(self.w(end)).filter(|_| self.w(end) != "overnight");
        if part.is_some() {
            end += 1;
        }
        Some(match (date, part) {
            (Some(d), Some(p)) => M::point(i, end, Point::DayPart(d, p)),
            (Some(d), None) => M::point(i, end, Point::Day(d)),
            (None, Some(p)) => {
                M::raw(i, end, TimexType::Time, format!("XXXX-WXX-{}T{}", wd + 1, p.code()), "day")
            }
            (None, None) => M::raw(i, end, TimexType::Date, format!("XXXX-WXX-{}", wd + 1), "day"),
        })
    }

    // -----------------------------------------------------------------------------------------
    // today, tomorrow, yesterday, tonight, the day before yesterday, last night

    fn relative_day(&mut self, i: usize) -> Option<M> {
        let mut k = i;
        let off: i64 = if self.seq(i, &["the", "day", "before", "yesterday"]) {
            k += 4;
            -2
        } else if self.seq(i, &["the", "day", "after", "tomorrow"]) {
            k += 4;
            2
        } else {
            k += 1;
            match self.w(i) {
                "today" => 0,
                "tonight" => {
                    let d = self.today().and_then(|a| add_days(a, 0));
                    return Some(match d {
                        Some(d) => M::point(i, k, Point::DayPart(d, DayPart::Night)),
                        None => M::raw(i, k, TimexType::Time, "XXXX-XX-XXTNI".into(), "day"),
                    });
                }
                "tomorrow" => 1,
                "yesterday" => -1,
                "last" if matches!(self.w(i + 1), "night" | "evening") => {
                    let p = lx::day_part(self.w(i + 1))?;
                    let d = self.today().and_then(|a| add_days(a, -1));
                    return Some(match d {
                        Some(d) => M::point(i, i + 2, Point::DayPart(d, p)),
                        None => M::raw(
                            i,
                            i + 2,
                            TimexType::Time,
                            format!("XXXX-XX-XXT{}", p.code()),
                            "day",
                        ),
                    });
                }
                _ => return None,
            }
        };
        let d = self.today().and_then(|a| add_days(a, off));
        if self.w(i) == "today" && self.w(k) == "'s" && !self.cap(i) {
            // `today's world` is the present, not a day
        }
        let part = lx::day_part(self.w(k)).filter(|_| self.w(k) != "overnight");
        let end = if part.is_some() { k + 1 } else { k };
        Some(match (d, part) {
            (Some(d), Some(p)) => M::point(i, end, Point::DayPart(d, p)),
            (Some(d), None) => M::point(i, end, Point::Day(d)),
            (None, _) => M::raw(i, end, TimexType::Date, "XXXX-XX-XX".into(), "day"),
        })
    }

    // -----------------------------------------------------------------------------------------
    // this/last/next/that + unit, season, month: `last week`, `this year`, `the following day`

    fn deictic(&mut self, i: usize, doc: &DocState) -> Option<M> {
        let mut k = i;
        let the = self.w(k) == "the";
        if the {
            k += 1;
        }
        let this_past = self.seq(k, &["this", "past"]);
        let det = self.w(k);
        let det = match det {
            "this" if self.w(k + 1) == "past" => {
                k += 1;
                "last"
            }
            "this" if self.w(k + 1) == "coming" => {
                k += 1;
                "next"
            }
            d => d,
        };
        let known = matches!(
            det,
            "this"
                | "last"
                | "next"
                | "coming"
                | "past"
                | "previous"
                | "following"
                | "current"
                | "latest"
                | "same"
                | "that"
                | "present"
                | "prior"
                | "preceding"
                | "recent"
                | "year-ago"
                | "year-earlier"
                | "full"
                | "whole"
                | "entire"
                | "new"
        );
        let (unit_at, det) = if known { (k + 1, det) } else { (k, "") };
        if !the && det.is_empty() {
            // Bare `the`-less units are durations or nothing; `weekend` alone is handled below.
            return None;
        }
        let uw = self.w(unit_at);
        let end = unit_at + 1;
        // Months after last/next/this: `last November`, `this September`.
        if !the
            && matches!(det, "last" | "next" | "this" | "coming" | "past")
            && let Some(m) = lx::month(uw).filter(|_| self.cap(unit_at))
        {
            if self.day_number(end).is_some() {
                return None;
            }
            let a = self.today();
            let p = a.map(|a| {
                let y = a.year();
                let cur = a.month();
                let y = match det {
                    // `last April` said in October is this year's; `last February` said in
                    // March is a year back (the month just gone would be `last month`).
                    "last" | "past" => {
                        if m + 1 < cur {
                            y
                        } else {
                            y - 1
                        }
                    }
                    "next" | "coming" => {
                        if m > cur {
                            y
                        } else {
                            y + 1
                        }
                    }
                    _ => y,
                };
                Point::Month(y, m)
            });
            return Some(match p {
                Some(p) => M::point(i, end, p),
                None => M::raw(i, end, TimexType::Date, format!("XXXX-{m:02}"), "month"),
            });
        }
        // Seasons after last/next/this: `last fall`.
        if !the && let Some(s) = lx::season(uw) {
            if det.is_empty() {
                return None;
            }
            let p = self.today().and_then(|a| {
                let cur = Point::containing(a, Unit::Season);
                let Point::Season(cy, cs) = cur else { return None };
                let this = Point::Season(cy, s);
                Some(match det {
                    // `last spring` is the previous year's.
                    // `this past spring`: the latest one gone.
                    "last" if this_past => Point::Season(if s < cs { cy } else { cy - 1 }, s),
                    "last" | "past" | "previous" => Point::Season(a.year() - 1, s),
                    "next" | "coming" => {
                        if s > cs {
                            Point::Season(cy, s)
                        } else {
                            Point::Season(cy + 1, s)
                        }
                    }
                    _ => this,
                })
            });
            return Some(match p {
                Some(p) => M::point(i, end, p),
                None => M::raw(
                    i,
                    end,
                    TimexType::Date,
                    format!("XXXX-{}", super::calendar::SEASON_CODES[usize::from(s)]),
                    "season",
                ),
            });
        }
        // Parts of day: `this morning`, `that night`.
        if let Some(part) = lx::day_part(uw) {
            if uw == "overnight" {
                return None;
            }
            let d = match det {
                "this" if !the => self.today(),
                "that" | "same" => self.reference(doc).and_then(|(_, p)| p.first_day()),
                "next" | "following" if the => self
                    .reference(doc)
                    .and_then(|(_, p)| p.first_day())
                    .and_then(|d| add_days(d, 1)),
                "previous" if the => self
                    .reference(doc)
                    .and_then(|(_, p)| p.first_day())
                    .and_then(|d| add_days(d, -1)),
                _ => return None,
            };
            let mut m = match d {
                Some(d) => M::point(i, end, Point::DayPart(d, part)),
                None => {
                    M::raw(i, end, TimexType::Time, format!("XXXX-XX-XXT{}", part.code()), "day")
                }
            };
            if matches!(det, "that" | "same" | "next" | "following" | "previous") {
                m.anchor = doc.last.map(|(x, _)| x);
            }
            return Some(m);
        }
        let (unit, plural) = lx::unit(uw)?;
        if plural {
            // `the coming years`, `the past weeks`, `recent months`: vague durations.
            return match det {
                "coming" | "next" | "past" | "last" | "previous" | "following"
                    if the || det == "coming" =>
                {
                    Some(M::dur(i, end, unit, None))
                }
                _ => None,
            };
        }
        if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
            return None;
        }
        let a = self.today();
        let from_anchor = |n: i64| a.and_then(|a| around(a, unit, n));
        let anaphoric = |n: i64| -> Option<(Option<u32>, Point)> {
            let (idx, p) = self.reference(doc)?;
            let base = p.first_day()?;
            Some((idx, around(base, unit, n)?))
        };
        let mut anchor_idx = None;
        let p: Option<Point> = match (the, det) {
            (false, "this" | "current" | "present") | (true, "current" | "present") => {
                from_anchor(0)
            }
            (false, "last" | "past" | "previous") => {
                // `from $3 million last year` in a sentence about a quarter: that quarter.
                if unit == Unit::Year
                    && let Some(p @ (Point::Quarter(..) | Point::Half(..))) =
                        self.period_context(doc)
                    && self.sent_points.iter().any(|x| !x.2)
                {
                    return p.shift_by(Unit::Year, -1).map(|p| M::point(i, end, p).derived());
                }
                from_anchor(-1)
            }
            (false, "next" | "coming") => from_anchor(1),
            (true, "past" | "last") => {
                // `the past year` is a year-long stretch up to now.
                if matches!(unit, Unit::Day) {
                    return None;
                }
                if unit == Unit::Week && det == "last" {
                    from_anchor(-1)
                } else {
                    return Some(M::dur(i, end, unit, Some(1.0)));
                }
            }
            (true, "coming") => from_anchor(1),
            (true, "next" | "following" | "previous" | "prior" | "preceding" | "same")
            | (false, "that") => {
                let n = match det {
                    "next" | "following" => 1,
                    "previous" | "prior" | "preceding" => -1,
                    _ => 0,
                };
                let (idx, p) = anaphoric(n)?;
                anchor_idx = idx;
                Some(p)
            }
            (true, "latest" | "year-ago" | "year-earlier") if unit == Unit::Quarter => return None,
            (true, "full" | "whole" | "entire") => {
                if unit != Unit::Year {
                    return None;
                }
                from_anchor(0)
            }
            (true, "") => {
                // `the weekend`, `the year`: by the verb's tense, or a duration after `for`.
                let prev = if i > 0 { self.w(i - 1) } else { "" };
                match unit {
                    Unit::Weekend => {
                        let dir = self.direction(i);
                        let n = if dir == Direction::Future { 0 } else { -1 };
                        let a = a?;
                        if matches!(a.weekday(), Weekday::Sat | Weekday::Sun) {
                            from_anchor(0)
                        } else {
                            from_anchor(n + i64::from(dir == Direction::Future)).and_then(|p| {
                                if dir == Direction::Future { p.shift(-1) } else { Some(p) }
                            })
                        }
                    }
                    // `the year ended March 31` is a year-long period; `for the year` the one
                    // being reported.
                    Unit::Year if matches!(self.w(end), "ended" | "ending" | "to") => {
                        return Some(M::dur(i, end, unit, Some(1.0)));
                    }
                    Unit::Year if matches!(prev, "throughout" | "over") => {
                        return Some(M::dur(i, end, unit, Some(1.0)));
                    }
                    Unit::Year
                        if matches!(
                            prev,
                            "in" | "during" | "of" | "for" | "this" | "earlier" | "later"
                        ) =>
                    {
                        from_anchor(0)
                    }
                    _ => return None,
                }
            }
            _ => return None,
        };
        let mut m = match p {
            Some(p) => M::point(i, end, p),
            None => M::raw(i, end, TimexType::Date, "XXXX".into(), unit.precision()),
        };
        m.anchor = anchor_idx;
        Some(m)
    }

    // -----------------------------------------------------------------------------------------
    // Quarters, halves, fiscal periods

    fn quarter(&mut self, i: usize, doc: &DocState) -> Option<M> {
        let w = self.w(i);
        // `Q3`, `Q3 2023`, `3Q`
        if w.len() == 2 {
            let b = w.as_bytes();
            let q = match (b[0], b[1]) {
                (b'q', d @ b'1'..=b'4') | (d @ b'1'..=b'4', b'q') => u32::from(d - b'0'),
                _ => 0,
            };
            if q > 0 && self.cap(i) {
                if let Some(y) = self.year_number(i + 1) {
                    return Some(M::point(i, i + 2, Point::Quarter(y, q)));
                }
                let dir = self.direction(i);
                return self.period_point(i, i + 1, Unit::Quarter, q, dir);
            }
        }
        // `third-quarter`, `first-half`, `fourth-period`
        if let Some((a, b)) = w.split_once('-')
            && let Some(n) = lx::ordinal(a)
            && matches!(b, "quarter" | "half")
        {
            let unit = if b == "quarter" { Unit::Quarter } else { Unit::Half };
            let dir = self.direction(i);
            return self.period_point(i, i + 1, unit, n, dir);
        }
        let mut k = i;
        let the = w == "the";
        if the {
            k += 1;
        }
        // `1989's third quarter`, `this year's fourth quarter`, `fiscal 1990's first half`
        let mut year: Option<i32> = None;
        if let Some(y) = self.year_number(k).filter(|_| self.w(k + 1) == "'s") {
            year = Some(y);
            k += 2;
        } else if self.w(k) == "fiscal"
            && let Some(y) = self.year_number(k + 1).filter(|_| self.w(k + 2) == "'s")
        {
            year = Some(y);
            k += 3;
        } else if matches!(self.w(k), "this" | "last" | "next")
            && self.w(k + 1) == "year"
            && self.w(k + 2) == "'s"
        {
            let a = self.today()?;
            year = Some(
                a.year()
                    + match self.w(k) {
                        "last" => -1,
                        "next" => 1,
                        _ => 0,
                    },
            );
            k += 3;
        }
        if year.is_some() && self.w(k) == "the" {
            return None;
        }
        if the
            && year.is_none()
            && let Some(y) = self.year_number(k)
            && (lx::ordinal(self.w(k + 1)).is_some()
                || matches!(self.w(k + 1), "period" | "quarter"))
        {
            // `the 1988 second quarter`, `the 1989 period`
            year = Some(y);
            k += 1;
        }
        if self.w(k) == "fiscal" {
            k += 1;
        }
        let mut qw = self.w(k);
        let mut det = "";
        if matches!(qw, "year-ago" | "year-earlier" | "prior-year")
            && lx::ordinal(self.w(k + 1)).is_some()
        {
            // `the year-ago third quarter`: that quarter, a year before the one in question.
            let n = lx::ordinal(self.w(k + 1))?;
            if matches!(self.w(k + 2), "quarter" | "half") {
                let unit = if self.w(k + 2) == "quarter" { Unit::Quarter } else { Unit::Half };
                let dir = self.direction(i);
                let m = self.period_point(i, k + 3, unit, n, dir)?;
                let p = m.point_val()?.shift_by(Unit::Year, -1)?;
                return Some(M::point(i, k + 3, p).derived());
            }
            qw = "";
        }
        // `the last half of 1989`, `the final quarter of 1990`: the closing one of that year.
        let closing = matches!(qw, "last" | "final" | "latter")
            && matches!(self.w(k + 1), "quarter" | "half")
            && self.w(k + 2) == "of";
        let (n, mut qk) = if closing {
            (Some(if self.w(k + 1) == "quarter" { 4 } else { 2 }), k + 1)
        } else if let Some(n) = lx::ordinal(qw) {
            (Some(n), k + 1)
        } else if matches!(
            qw,
            "latest"
                | "recent"
                | "last"
                | "past"
                | "most"
                | "current"
                | "this"
                | "year-ago"
                | "year-earlier"
                | "prior-year"
                | "year-before"
                | "comparable"
                | "same"
                | "previous"
                | "preceding"
                | "prior"
                | "next"
                | "coming"
                | "following"
                | "corresponding"
        ) {
            det = qw;
            (None, k + 1)
        } else {
            (None, k)
        };
        if self.w(qk) == "fiscal" {
            qk += 1;
        }
        let unit = match self.w(qk) {
            "quarter" => Unit::Quarter,
            "half" => Unit::Half,
            "period" if the || year.is_some() => Unit::Quarter,
            _ => return None,
        };
        let period_word = self.w(qk) == "period";
        let mut end = qk + 1;
        if let Some(n) = n {
            if unit == Unit::Quarter && !(1..=4).contains(&n)
                || unit == Unit::Half && !(1..=2).contains(&n)
            {
                return None;
            }
            if period_word {
                return None;
            }
            if !the && year.is_none() && self.w(i) != "fiscal" {
                // `first quarter` without `the` still names a quarter.
            }
            // `of 1989`, `of fiscal 1990`, `of this year`, `of next year`
            if year.is_none() && self.w(end) == "of" {
                let mut yk = end + 1;
                if self.w(yk) == "fiscal" {
                    yk += 1;
                }
                if let Some(y) = self.year_number(yk) {
                    year = Some(y);
                    end = yk + 1;
                } else if matches!(self.w(yk), "this" | "last" | "next") && self.w(yk + 1) == "year"
                {
                    let a = self.today()?;
                    year = Some(
                        a.year()
                            + match self.w(yk) {
                                "last" => -1,
                                "next" => 1,
                                _ => 0,
                            },
                    );
                    end = yk + 2;
                } else if self.seq(yk, &["the", "year"]) {
                    year = self.today().map(|a| a.year());
                    end = yk + 2;
                }
            } else if year.is_none()
                && let Some(y) = self.year_number(end)
            {
                year = Some(y);
                end += 1;
            }
            if let Some(y) = year {
                let p =
                    if unit == Unit::Quarter { Point::Quarter(y, n) } else { Point::Half(y, n) };
                return Some(M::point(i, end, p));
            }
            let dir = self.direction(i);
            return self.period_point(i, end, unit, n, dir);
        }
        // Determiners: `the quarter`, `the latest quarter`, `the year-ago quarter`.
        if !the {
            return None;
        }
        let has_det = !det.is_empty();

        if let Some(y) = year {
            // `the 1989 period`: the period under discussion, in that year.
            let cur = doc.last_period.map(|(_, p)| p);
            return match cur {
                Some(Point::Quarter(_, q)) => {
                    Some(M::point(i, end, Point::Quarter(y, q)).derived())
                }
                Some(Point::Half(_, h)) => Some(M::point(i, end, Point::Half(y, h)).derived()),
                _ if !period_word => None,
                _ => Some(M::point(i, end, Point::Year(y)).derived()),
            };
        }
        let reference = doc.last_period.filter(|(_, p)| {
            matches!((unit, p), (Unit::Quarter, Point::Quarter(..)) | (Unit::Half, Point::Half(..)))
        });
        let fallback = self.today().and_then(|a| Point::containing(a, unit).shift(-1));
        let cur = reference.map(|(_, p)| p).or(fallback);
        let (p, anchored) = match (has_det, det) {
            (false, _) => {
                if period_word {
                    return None;
                }
                (cur, reference.is_some())
            }
            (true, "latest" | "recent" | "last" | "past" | "most") => (cur, reference.is_some()),
            (true, "current" | "this") => (self.today().map(|a| Point::containing(a, unit)), false),
            (true, "year-ago" | "year-earlier" | "prior-year" | "year-before") => {
                let shift = if unit == Unit::Quarter { -4 } else { -2 };
                let p = cur.and_then(|p| p.shift(shift));
                let mut m = M::point(i, end, p?).derived();
                m.anchor = reference.map(|(x, _)| x);
                return Some(m);
            }
            (true, "comparable" | "same" | "corresponding") => return None,
            (true, "previous" | "preceding" | "prior") => {
                (cur.and_then(|p| p.shift(-1)), reference.is_some())
            }
            (true, "next" | "coming" | "following") => {
                (self.today().map(|a| Point::containing(a, unit)).and_then(|p| p.shift(1)), false)
            }
            _ => return None,
        };
        if period_word
            && reference.is_none()
            && !matches!(det, "year-ago" | "year-earlier" | "latest")
        {
            return None;
        }
        let p = p?;
        let mut m = M::point(i, end, p);
        if anchored {
            m.anchor = reference.map(|(x, _)| x);
        }
        Some(m)
    }

    /// Quarter or half number `n` with no year: the latest one begun (past) or the next one.
    fn period_point(&self, i: usize, end: usize, unit: Unit, n: u32, dir: Direction) -> Option<M> {
        let Some(a) = self.today() else {
            let code = if unit == Unit::Quarter { "Q" } else { "H" };
            return Some(M::raw(i, end, TimexType::Date, format!("XXXX-{code}{n}"), "quarter"));
        };
        let cur = Point::containing(a, unit);
        let (y, c) = match cur {
            Point::Quarter(y, q) | Point::Half(y, q) => (y, q),
            _ => return None,
        };
        // The latest one begun; a future verb moves it on a year only when that one is long
        // past (results are reported for the quarter just ended).
        let per_year = if unit == Unit::Quarter { 4 } else { 2 };
        let past_y = if n <= c { y } else { y - 1 };
        let behind = (y * per_year + c as i32) - (past_y * per_year + n as i32);
        let y = if dir == Direction::Future && behind >= 2 { past_y + 1 } else { past_y };
        let p = if unit == Unit::Quarter { Point::Quarter(y, n) } else { Point::Half(y, n) };
        Some(M::point(i, end, p))
    }

    // -----------------------------------------------------------------------------------------
    // Seasons: `summer 2019`, `the summer of 1998`, `this fall` (see deictic), `last winter`

    fn season(&mut self, i: usize) -> Option<M> {
        let mut k = i;
        let the = self.w(k) == "the";
        if the {
            k += 1;
        }
        let s = lx::season(self.w(k))?;
        let mut e = k + 1;
        if self.w(e) == "of" {
            e += 1;
        }
        if let Some(y) = self.year_number(e) {
            return Some(M::point(i, e + 1, Point::Season(y, s)));
        }
        let prev = self.w(i.wrapping_sub(1));
        if !matches!(
            prev,
            "in" | "this"
                | "during"
                | "by"
                | "until"
                | "since"
                | "early"
                | "late"
                | "over"
                | "into"
                | "through"
                | "throughout"
                | "for"
                | "of"
                | "end"
                | "before"
                | "after"
        ) {
            return None;
        }
        // A bare season after `in`: the one nearest in the verb's direction.
        let a = self.today()?;
        let dir = self.direction(i);
        let Point::Season(cy, cs) = Point::containing(a, Unit::Season) else { return None };
        let y = match dir {
            Direction::Past => {
                if s <= cs {
                    cy
                } else {
                    cy - 1
                }
            }
            Direction::Future => {
                if s >= cs {
                    cy
                } else {
                    cy + 1
                }
            }
            Direction::Unknown => cy,
        };
        Some(M::point(i, k + 1, Point::Season(y, s)))
    }

    // -----------------------------------------------------------------------------------------
    // Holidays

    fn holiday(&mut self, i: usize) -> Option<M> {
        if !self.cap(i) {
            return None;
        }
        let w = self.w(i);
        type Rule = fn(i32) -> Option<NaiveDate>;
        let (end, rule): (usize, Rule) = match w {
            "christmas" if self.w(i + 1) == "eve" => {
                (i + 2, |y| NaiveDate::from_ymd_opt(y, 12, 24))
            }
            "christmas" => (i + 1 + usize::from(self.w(i + 1) == "day"), |y| {
                NaiveDate::from_ymd_opt(y, 12, 25)
            }),
            "new" if self.w(i + 1) == "year" && self.w(i + 2) == "'s" && self.w(i + 3) == "eve" => {
                (i + 4, |y| NaiveDate::from_ymd_opt(y, 12, 31))
            }
            "new" if self.w(i + 1) == "year" && self.w(i + 2) == "'s" && self.w(i + 3) == "day" => {
                (i + 4, |y| NaiveDate::from_ymd_opt(y, 1, 1))
            }
            "easter" => (i + 1 + usize::from(self.w(i + 1) == "sunday"), easter),
            "thanksgiving" => (i + 1 + usize::from(self.w(i + 1) == "day"), |y| {
                nth_weekday(y, 11, Weekday::Thu, 4)
            }),
            "halloween" => (i + 1, |y| NaiveDate::from_ymd_opt(y, 10, 31)),
            "independence" if self.w(i + 1) == "day" => {
                (i + 2, |y| NaiveDate::from_ymd_opt(y, 7, 4))
            }
            "labor" if self.w(i + 1) == "day" => (i + 2, |y| nth_weekday(y, 9, Weekday::Mon, 1)),
            "memorial" if self.w(i + 1) == "day" => (i + 2, |y| nth_weekday(y, 5, Weekday::Mon, 5)),
            "election" if self.w(i + 1) == "day" => {
                (i + 2, |y| nth_weekday(y, 11, Weekday::Mon, 1).and_then(|d| add_days(d, 1)))
            }
            "valentine" if self.w(i + 1) == "'s" && self.w(i + 2) == "day" => {
                (i + 3, |y| NaiveDate::from_ymd_opt(y, 2, 14))
            }
            _ => return None,
        };
        if !self.cap(end - 1) {
            return None;
        }
        if let Some(y) = self.year_number(end + usize::from(self.w(end) == ",")) {
            let e = end + 1 + usize::from(self.w(end) == ",");
            return rule(y).map(|d| M::point(i, e, Point::Day(d)));
        }
        let Some(a) = self.today() else {
            return Some(M::raw(i, end, TimexType::Date, "XXXX-XX-XX".into(), "day"));
        };
        let dir = self.direction(i);
        let cands: Vec<NaiveDate> =
            [a.year() - 1, a.year(), a.year() + 1].iter().filter_map(|&y| rule(y)).collect();
        let d = match dir {
            Direction::Past => cands.iter().rev().find(|&&c| c <= a).copied(),
            Direction::Future => cands.iter().find(|&&c| c >= a).copied(),
            Direction::Unknown => cands.iter().min_by_key(|&&c| (c - a).num_days().abs()).copied(),
        }?;
        Some(M::point(i, end, Point::Day(d)))
    }

    // -----------------------------------------------------------------------------------------
    // Durations: `two days`, `the past two months`, `the first nine months`, `5 1/2 hours`

    fn duration(&mut self, i: usize, _doc: &DocState) -> Option<M> {
        // `for years`, `within weeks`, `for centuries`: a vague duration.
        if let Some((unit, true)) = lx::unit(self.w(i))
            && i > 0
            && matches!(self.w(i - 1), "for" | "within" | "in" | "over" | "lasting" | "after")
            && !matches!(unit, Unit::Weekend)
            && !matches!(
                self.w(i + 1),
                "of" | "ago" | "later" | "earlier" | "before" | "after" | "'" | "old"
            )
        {
            return Some(M::dur(i, i + 1, unit, None));
        }
        let mut k = i;
        if self.w(k) == "the" {
            k += 1;
        }
        let mut pre = "";
        if matches!(
            self.w(k),
            "past"
                | "last"
                | "next"
                | "first"
                | "coming"
                | "previous"
                | "following"
                | "final"
                | "initial"
                | "remaining"
                | "latest"
                | "recent"
                | "same"
                | "other"
                | "additional"
                | "further"
                | "ensuing"
                | "preceding"
                | "prior"
        ) {
            pre = self.w(k);
            k += 1;
        }
        if k == i + 1 && self.w(i) == "the" && pre.is_empty() {
            // `the nine months`: a count must follow.
        }
        let (mut e, n) = self.count(k)?;
        let n_is_article = matches!(self.w(k), "a" | "an") && n == Some(1.0);
        if n_is_article && (k > i) {
            // `the past a year` is not English; `the a` neither.
            return None;
        }
        while matches!(
            self.w(e),
            "more"
                | "additional"
                | "straight"
                | "consecutive"
                | "full"
                | "long"
                | "trading"
                | "business"
                | "working"
                | "calendar"
                | "further"
                | "whole"
                | "successive"
        ) {
            e += 1;
        }
        let uw = self.w(e);
        let (unit, plural) = match lx::unit(uw) {
            Some(u) => u,
            None => {
                // `five year` is caught; `five-year` is a single token (see `hyphenated`).
                return None;
            }
        };
        if unit == Unit::Weekend && n.is_none() {
            return None;
        }
        let mut end = e + 1;
        let mut n = n;
        if self.seq(end, &["and", "a", "half"]) {
            n = n.map(|v| v + 0.5);
            end += 3;
        }
        // Ages and ordinals are not durations: `30 years old`, `a second term`.
        if matches!(self.w(end), "old" | "-old") || self.w(end).starts_with("-old") {
            return None;
        }
        let after = self.w(end);
        if unit == Unit::Second
            && after.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
            && !matches!(after, "ago" | "later" | "earlier" | "and" | "or" | "before" | "after")
        {
            return None;
        }
        if unit == Unit::Quarter && (after == "of" || n.is_some_and(|v| v < 1.0)) {
            return None;
        }
        if n == Some(1.0) && plural && !n_is_article {
            // `one years` is not a duration; but let `1 days` pass
        }
        if n.is_some_and(|v| v > 1.0)
            && !plural
            && self.digits(k).is_none()
            && lx::number_word(self.w(k)).is_some()
        {
            // `five year` in `a five year low`: still a duration (TimeML does annotate it).
        }
        // `a day` after a count or rate: a set (`twice a week`, `barrels a day`).
        if n_is_article && !plural && self.rate_context(i) {
            return Some(M::raw(i, end, TimexType::Set, unit.duration(Some(1.0)), "set"));
        }
        let _ = pre;
        Some(M::dur(i, end, unit, n))
    }

    /// Whether the token before `i` makes `a day` a frequency.
    fn rate_context(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let p = self.w(i - 1);
        if matches!(
            p,
            "times"
                | "twice"
                | "once"
                | "thrice"
                | "%"
                | "percent"
                | "cents"
                | "dollars"
                | "million"
                | "billion"
                | "each"
                | "apiece"
        ) {
            return true;
        }
        if self.digits(i - 1).is_some() {
            return true;
        }
        p.len() > 3
            && p.ends_with('s')
            && !p.ends_with("ss")
            && p.bytes().all(|b| b.is_ascii_lowercase())
            && !matches!(
                p,
                "was"
                    | "is"
                    | "has"
                    | "does"
                    | "this"
                    | "its"
                    | "his"
                    | "hers"
                    | "ours"
                    | "yours"
                    | "theirs"
                    | "days"
                    | "weeks"
                    | "months"
                    | "years"
                    | "hours"
                    | "minutes"
                    | "as"
                    | "takes"
                    | "lasts"
                    | "needs"
                    | "spends"
                    | "us"
            )
    }

    // -----------------------------------------------------------------------------------------
    // Offsets: `two years ago`, `a year earlier`, `three days later`, `days after ...`

    fn relative_offset(&mut self, i: usize, doc: &DocState) -> Option<M> {
        let (mut e, n) = match self.count(i) {
            Some(c) => c,
            None => {
                // Bare plural units: `years ago`, `days after`.
                if lx::unit(self.w(i)).is_some_and(|(_, p)| p) {
                    (i, None)
                } else {
                    return None;
                }
            }
        };
        while matches!(self.w(e), "more" | "full" | "long" | "trading" | "business" | "working") {
            e += 1;
        }
        let (unit, _) = lx::unit(self.w(e))?;
        let mut ue = e + 1;
        let mut n = n;
        if self.seq(ue, &["and", "a", "half"]) {
            n = n.map(|v| v + 0.5);
            ue += 3;
        }
        let sig = self.w(ue);
        let (sign, end, kind): (i64, usize, &str) = match sig {
            "ago" | "back" if sig == "ago" || self.cap(i) || i > 0 => (-1, ue + 1, "deictic"),
            "from" if self.w(ue + 1) == "now" => (1, ue + 2, "deictic"),
            "hence" => (1, ue + 1, "deictic"),
            "earlier" => (-1, ue + 1, "anaphoric"),
            "later" => (1, ue + 1, "anaphoric"),
            "before" | "after" | "prior" => {
                let s = if sig == "after" { 1 } else { -1 };
                (s, ue, "signal")
            }
            _ => return None,
        };
        if sig == "back" && !matches!(self.w(ue + 1), "." | "," | "" | "when" | "in") {
            return None;
        }
        let fine = matches!(unit, Unit::Second | Unit::Minute | Unit::Hour);
        match kind {
            "deictic" => {
                let Some(a) = self.today() else {
                    return Some(M::reference(
                        i,
                        end,
                        if sign < 0 { "PAST_REF" } else { "FUTURE_REF" },
                    ));
                };
                if fine {
                    return Some(M::point(i, end, Point::Day(a)));
                }
                let Some(v) = n else {
                    // `several years ago`: an honest interval if the unit is small, else a reference.
                    if matches!(unit, Unit::Year | Unit::Decade | Unit::Century) {
                        return Some(M::reference(
                            i,
                            end,
                            if sign < 0 { "PAST_REF" } else { "FUTURE_REF" },
                        ));
                    }
                    return Some(self.vague_span(i, end, Point::Day(a), unit, sign, None));
                };
                let steps = v.round() as i64;
                if v.fract() != 0.0 || steps == 0 {
                    return Some(M::reference(
                        i,
                        end,
                        if sign < 0 { "PAST_REF" } else { "FUTURE_REF" },
                    ));
                }
                // `a year ago` in a sentence about a quarter: the same quarter a year before.
                if unit == Unit::Year
                    && steps == 1
                    && let Some(p) = self.period_context(doc)
                {
                    return p
                        .shift_by(Unit::Year, sign * steps)
                        .map(|p| M::point(i, end, p).derived());
                }
                let base = Point::containing(
                    a,
                    if unit == Unit::Decade || unit == Unit::Century { Unit::Year } else { unit },
                );
                let p = base.shift_by(unit, sign * steps)?;
                Some(M::point(i, end, p))
            }
            "anaphoric" => {
                if fine {
                    return Some(M::dur(i, end, unit, n));
                }
                let one = n == Some(1.0);
                let (idx, base) = match (unit, self.period_context(doc).filter(|_| one)) {
                    (Unit::Year, Some(p)) => {
                        (self.sent_points.last().map(|x| x.0).or(doc.last.map(|x| x.0)), p)
                    }
                    _ => self.reference(doc)?,
                };
                let Some(v) = n else {
                    let mut m = self.vague_span(i, end, base, unit, sign, idx);
                    m.anchor = idx;
                    return Some(m);
                };
                let steps = v.round() as i64;
                if v.fract() != 0.0 {
                    return Some(M::dur(i, end, unit, n));
                }
                let p = base.shift_by(unit, sign * steps)?;
                if !matches!(unit, Unit::Year | Unit::Decade | Unit::Century) {
                    // `three days later`: the offset (as TimeML has it), anchored, with the day
                    // it points to as its range.
                    let mut m = M::dur(i, end, unit, n);
                    m.anchor = idx;
                    if let (Some(a), Some(b)) = (p.first_day(), p.last_day()) {
                        m.range = Some((ymd(a), ymd(b)));
                    }
                    return Some(m);
                }
                let mut m = M::point(i, end, p);
                m.anchor = idx;
                m.derived =
                    unit == Unit::Year && matches!(base, Point::Quarter(..) | Point::Half(..));
                Some(m)
            }
            _ => {
                // `N units before/after X`: with a dated expression earlier in the sentence,
                // X lies that far from it (`on September 17, ..., days after floods`).
                let after_word = self.w(end + 1);
                if fine || self.toks.get(end + 1).is_none() || matches!(after_word, "." | ",") {
                    return Some(M::dur(i, end, unit, n));
                }
                let Some(&(idx, base, _)) = self.sent_points.last() else {
                    return Some(M::dur(i, end, unit, n));
                };
                // The expression dates what follows the signal: before -> later than the anchor.
                let s = -sign;
                let Some(v) = n else {
                    let mut m = self.vague_span(i, end, base, unit, s, Some(idx));
                    m.anchor = Some(idx);
                    return Some(m);
                };
                // An exact count stays a duration (as TimeML has it), anchored, with the date it
                // points to as its range.
                let mut m = M::dur(i, end, unit, n);
                m.anchor = Some(idx);
                if v.fract() == 0.0
                    && let Some(p) = base.shift_by(unit, s * v.round() as i64)
                    && let (Some(a), Some(b)) = (p.first_day(), p.last_day())
                {
                    m.range = Some((ymd(a), ymd(b)));
                }
                Some(m)
            }
        }
    }

    /// A quarter, half or month named in this sentence or the previous one: `a year ago`
    /// then means the same period a year before.
    fn period_context(&self, doc: &DocState) -> Option<Point> {
        if let Some((_, p, _)) = self.sent_points.iter().rev().find(|x| !x.2)
            && matches!(p, Point::Quarter(..) | Point::Half(..) | Point::Month(..))
        {
            return Some(*p);
        }
        if self.sent_points.is_empty()
            && doc.last_sentence + 1 >= self.sentence
            && let Some((_, p)) = doc.last
            && matches!(p, Point::Quarter(..) | Point::Half(..))
        {
            return Some(p);
        }
        None
    }

    /// An expression that puts a point a vague number of units from `base` (`days after`,
    /// `a few weeks ago`): the honest range of days, and a value as fine as that range allows.
    fn vague_span(
        &self,
        i: usize,
        end: usize,
        base: Point,
        unit: Unit,
        sign: i64,
        _idx: Option<u32>,
    ) -> M {
        let (lo, hi) = match unit {
            Unit::Day => (2, 9),
            Unit::Week | Unit::Weekend => (2, 6),
            Unit::Month => (2, 9),
            Unit::Quarter | Unit::Half | Unit::Season => (2, 3),
            _ => (2, 9),
        };
        let a = base.shift_by(unit, sign * lo);
        let b = base.shift_by(unit, sign * hi);
        let (a, b) = if sign < 0 { (b, a) } else { (a, b) };
        let (Some(a), Some(b)) = (a.and_then(|p| p.first_day()), b.and_then(|p| p.last_day()))
        else {
            return M::reference(i, end, if sign < 0 { "PAST_REF" } else { "FUTURE_REF" });
        };
        let p = coarsest_common(a, b);
        let mut m = match p {
            Some(p) => M::point(i, end, p),
            None => M::reference(i, end, if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }),
        };
        m.range = Some((ymd(a), ymd(b)));
        m
    }

    // -----------------------------------------------------------------------------------------
    // Sets: `daily`, `every week`, `each year`, `every Monday`

    fn set(&mut self, i: usize) -> Option<M> {
        let w = self.w(i);
        let simple = match w {
            "daily" | "nightly" => Some("P1D"),
            "weekly" => Some("P1W"),
            "biweekly" | "fortnightly" => Some("P2W"),
            "monthly" => Some("P1M"),
            "quarterly" => Some("P3M"),
            "yearly" | "annually" => Some("P1Y"),
            "hourly" => Some("PT1H"),
            _ => None,
        };
        if let Some(v) = simple {
            // `quarterly dividend`, `daily newspaper`: adjectives of kind, not frequencies.
            let next = self.w(i + 1);
            let before_noun = next.len() > 2
                && next.bytes().all(|b| b.is_ascii_lowercase())
                && !matches!(
                    next,
                    "and"
                        | "or"
                        | "but"
                        | "for"
                        | "from"
                        | "in"
                        | "on"
                        | "at"
                        | "to"
                        | "since"
                        | "until"
                        | "by"
                        | "with"
                        | "through"
                        | "during"
                        | "basis"
                );
            // (`daily rally`, `weekly address` are still frequencies.)
            if before_noun && w == "quarterly" {
                return None;
            }
            return Some(M::raw(i, i + 1, TimexType::Set, v.into(), "set"));
        }
        if !matches!(w, "every" | "each" | "per") {
            return None;
        }
        let mut k = i + 1;
        let mut n = Some(1.0);
        if self.w(k) == "other" {
            n = Some(2.0);
            k += 1;
        } else if let Some((e, c)) = self.count(k).filter(|_| self.w(k) != "a") {
            n = c;
            k = e;
        }
        let uw = self.w(k);
        if let Some((wd, _)) = lx::weekday(uw).filter(|_| self.cap(k)) {
            return Some(M::raw(i, k + 1, TimexType::Set, format!("XXXX-WXX-{}", wd + 1), "set"));
        }
        if let Some(p) = lx::day_part(uw) {
            return Some(M::raw(
                i,
                k + 1,
                TimexType::Set,
                format!("XXXX-XX-XXT{}", p.code()),
                "set",
            ));
        }
        let (unit, _) = lx::unit(uw)?;
        Some(M::raw(i, k + 1, TimexType::Set, unit.duration(n), "set"))
    }

    // -----------------------------------------------------------------------------------------
    // Vague references: `now`, `currently`, `recently`, `the past`, `the future`, `soon`

    fn vague(&mut self, i: usize) -> Option<M> {
        let w = self.w(i);
        let next = self.w(i + 1);
        let v = match w {
            "now" if next != "-" => "PRESENT_REF",
            "currently" | "presently" | "nowadays" => "PRESENT_REF",
            "current" => {
                // `current` as an adjective meaning `now`, not a flow (`current account`).
                if matches!(
                    next,
                    "account"
                        | "accounts"
                        | "affairs"
                        | "events"
                        | "flows"
                        | "flow"
                        | ","
                        | "."
                        | "and"
                        | "of"
                        | "law"
                        | "laws"
                        | "rules"
                        | "regulations"
                        | "members"
                        | "contract"
                        | "system"
                        | "form"
                        | "version"
                ) || lx::unit(next).is_some()
                {
                    return None;
                }
                "PRESENT_REF"
            }
            "recently" | "lately" => "PAST_REF",
            "recent" => {
                if let Some((u, true)) = lx::unit(next) {
                    if u == Unit::Year || u == Unit::Decade {
                        // `in recent years`
                        return Some(M::reference(i, i + 2, "PAST_REF"));
                    }
                    return Some(M::dur(i, i + 2, u, None));
                }
                return None;
            }
            "soon"
                if !matches!(next, "after" | "as")
                    || self.seq(i.wrapping_sub(2), &["as", "soon", "as", "possible"]) =>
            {
                "FUTURE_REF"
            }
            "as" if self.seq(i, &["as", "soon", "as", "possible"]) => {
                return Some(M::reference(i, i + 4, "FUTURE_REF"));
            }
            "these" if next == "days" => {
                return Some(M::reference(i, i + 2, "PRESENT_REF"));
            }
            "the" => match next {
                "past"
                    if !matches!(self.w(i + 2), "few" | "several")
                        && self.count(i + 2).is_none()
                        && lx::unit(self.w(i + 2)).is_none() =>
                {
                    return Some(M::reference(i, i + 2, "PAST_REF"));
                }
                "future" => return Some(M::reference(i, i + 2, "FUTURE_REF")),
                "present"
                    if !self.cap(i + 1) && !matches!(self.w(i + 2), "," | "." | "")
                        || self.w(i + 2) == ","
                        || self.w(i + 2) == "." =>
                {
                    return None;
                }
                "near" | "foreseeable" | "distant" | "immediate" if self.w(i + 2) == "future" => {
                    return Some(M::reference(i, i + 3, "FUTURE_REF"));
                }
                _ => return None,
            },
            "future" if i > 0 && self.w(i - 1) == "in" => "FUTURE_REF",
            "present" if i > 0 && self.w(i - 1) == "at" => "PRESENT_REF",
            _ => return None,
        };
        Some(M::reference(i, i + 1, v))
    }

    // -----------------------------------------------------------------------------------------
    // Single hyphenated tokens: `five-year`, `16-hour`, `day-long`, `year-end`, `mid-1990s`,
    // `mid-November`, `year-earlier`

    fn hyphenated(&mut self, i: usize, doc: &DocState) -> Option<M> {
        let w = self.w(i);
        // `year end`, `year's end`
        if w == "year" && (self.w(i + 1) == "end" || self.seq(i + 1, &["'s", "end"])) {
            let e = if self.w(i + 1) == "end" { i + 2 } else { i + 3 };
            let a = self.today()?;
            return Some(M::point(i, e, Point::Year(a.year())).with_mod(Some("END")));
        }
        if !w.contains('-') {
            return None;
        }
        let (posmod, rest) = strip_position(w);
        if posmod.is_some() || w.starts_with("pre-") || w.starts_with("post-") {
            let (modifier, rest) = if let Some(r) = w.strip_prefix("pre-") {
                (Some("BEFORE"), r)
            } else if let Some(r) = w.strip_prefix("post-") {
                (Some("AFTER"), r)
            } else {
                (posmod, rest)
            };
            if let Some(m) = lx::month(rest) {
                let mut e = i + 1;
                let p = if let Some(y) = self.year_number(e) {
                    e += 1;
                    Some(Point::Month(y, m))
                } else {
                    let dir = self.direction(i);
                    self.month_only(m, dir)
                };
                return p.map(|p| M::point(i, e, p).with_mod(modifier));
            }
            if rest.len() == 4
                && let Ok(y) = rest.parse::<i32>()
                && (1000..2200).contains(&y)
            {
                return Some(M::point(i, i + 1, Point::Year(y)).with_mod(modifier));
            }
            if let Some(d) = rest.strip_suffix('s')
                && d.len() == 4
                && d.ends_with('0')
                && let Ok(y) = d.parse::<i32>()
            {
                return Some(M::point(i, i + 1, Point::Decade(y / 10)).with_mod(modifier));
            }
            if let Some((unit, false)) = lx::unit(rest) {
                let a = self.today()?;
                return Some(M::point(i, i + 1, Point::containing(a, unit)).with_mod(modifier));
            }
            return None;
        }
        let (a, b) = w.split_once('-')?;
        match (a, b) {
            ("year", "end") => {
                let a = self.today()?;
                let since = i > 0 && self.w(i - 1) == "since";
                let y = if since || a.month() == 1 && self.direction(i) == Direction::Past {
                    a.year() - 1
                } else {
                    a.year()
                };
                return NaiveDate::from_ymd_opt(y, 12, 31)
                    .map(|d| M::point(i, i + 1, Point::Day(d)));
            }
            ("year", "earlier" | "ago" | "before") => {
                let base = self.period_context(doc).or_else(|| doc.last_period.map(|(_, p)| p));
                let p = match base {
                    Some(p) => p.shift_by(Unit::Year, -1),
                    None => self.today().map(|a| Point::Year(a.year() - 1)),
                }?;
                return Some(M::point(i, i + 1, p).derived());
            }
            _ => {}
        }
        // `day-long`, `decades-long`, `year-long`
        if b == "long"
            && let Some((u, plural)) = lx::unit(a)
        {
            return Some(M::dur(i, i + 1, u, if plural { None } else { Some(1.0) }));
        }
        // `five-year`, `16-hour`, `two-week`; not `five-year-old`.
        if b.contains('-') {
            return None;
        }
        let n = if a.bytes().all(|c| c.is_ascii_digit()) {
            a.parse::<u32>().ok()
        } else {
            lx::number_word(a)
        }?;
        let (u, _) = lx::unit(b)?;
        if self.w(i + 1).starts_with("old") || u == Unit::Quarter {
            return None;
        }
        Some(M::dur(i, i + 1, u, Some(f64::from(n))))
    }

    // -----------------------------------------------------------------------------------------
    // Positions in a period: `early next year`, `late November`, `the end of 1990`,
    // `earlier this year`, `mid-1990s`

    fn positioned(&mut self, i: usize, doc: &DocState) -> Option<M> {
        let w = self.w(i);
        let (modifier, inner_at, earlier) = match w {
            "early" => (Some("START"), i + 1, false),
            "late" => (Some("END"), i + 1, false),
            "mid" => (Some("MID"), i + 1 + usize::from(self.w(i + 1) == "-"), false),
            "earlier" | "later" => (None, i + 1 + usize::from(self.w(i + 1) == "in"), true),
            "the" | "end" | "beginning" | "start" | "middle" | "turn" | "close" => {
                let k = if w == "the" { i + 1 } else { i };
                if self.seq(k, &["week", "of"]) {
                    (None, i, false)
                } else {
                    let m = match self.w(k) {
                        "end" | "close" => "END",
                        "beginning" | "start" | "turn" => "START",
                        "middle" => "MID",
                        "first" if self.w(k + 1) == "part" => "START",
                        "latter" | "last" if self.w(k + 1) == "part" => "END",
                        _ => return None,
                    };
                    let k = if self.w(k) == "first" || self.w(k) == "latter" || self.w(k) == "last"
                    {
                        k + 1
                    } else {
                        k
                    };
                    if self.w(k + 1) != "of" {
                        return None;
                    }
                    (Some(m), k + 2, false)
                }
            }
            _ => return None,
        };
        // `the week of March 6`
        if w == "the"
            && self.w(i + 1) == "week"
            && self.w(i + 2) == "of"
            && let Some(m) = self.date_abs(i + 3)
            && let Some(Point::Day(d)) = m.point_val()
        {
            return Some(M::point(i, m.end, Point::containing(d, Unit::Week)));
        }
        let inner_w = self.w(inner_at);
        if inner_w.is_empty() {
            return None;
        }
        let mut inner = {
            let mut best: Option<M> = None;
            for m in [
                self.date_abs(inner_at),
                self.deictic(inner_at, doc),
                self.year(inner_at),
                self.decade_century(inner_at),
                self.weekday(inner_at),
                self.relative_day(inner_at),
                self.quarter(inner_at, doc),
                self.season(inner_at),
                self.hyphenated(inner_at, doc),
                self.bare_period(inner_at),
            ]
            .into_iter()
            .flatten()
            {
                if best.as_ref().is_none_or(|b| m.end > b.end) {
                    best = Some(m);
                }
            }
            best?
        };
        if !matches!(inner.val, Val::Point(_)) || inner.kind == TimexType::Duration {
            return None;
        }
        if earlier && matches!(inner.point_val(), Some(Point::Day(_) | Point::DayPart(..))) {
            // `Earlier Friday`: the day alone is the expression.
            return Some(inner);
        }
        inner.start = i;
        if earlier {
            // `earlier this year`: the part of the period before now.
            if let (Some(p), Some(a)) = (inner.point_val(), self.today())
                && let (Some(f), Some(l)) = (p.first_day(), p.last_day())
                && f <= a
                && a <= l
            {
                inner.range =
                    Some(if w == "earlier" { (ymd(f), ymd(a)) } else { (ymd(a), ymd(l)) });
            }
            return Some(inner);
        }
        Some(inner.with_mod(modifier))
    }

    /// `the year`, `the month`, `the week` after `the end of` / `earlier in`: the current one.
    fn bare_period(&self, i: usize) -> Option<M> {
        if self.w(i) != "the" {
            return None;
        }
        let (unit, false) = lx::unit(self.w(i + 1))? else { return None };
        if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour | Unit::Decade | Unit::Century) {
            return None;
        }
        let a = self.today()?;
        Some(M::point(i, i + 2, Point::containing(a, unit)))
    }
}

/// Words that may begin a time expression without being cues themselves (`the`, `about`,
/// `last`, `two`): the recogniser tries them only near a cue.
fn is_starter(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "about"
            | "around"
            | "approximately"
            | "roughly"
            | "some"
            | "nearly"
            | "almost"
            | "more"
            | "well"
            | "upwards"
            | "less"
            | "fewer"
            | "under"
            | "at"
            | "no"
            | "up"
            | "last"
            | "next"
            | "this"
            | "that"
            | "past"
            | "coming"
            | "previous"
            | "following"
            | "early"
            | "late"
            | "mid"
            | "earlier"
            | "later"
            | "end"
            | "beginning"
            | "start"
            | "middle"
            | "turn"
            | "close"
            | "every"
            | "each"
            | "per"
            | "several"
            | "few"
            | "many"
            | "couple"
            | "half"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "these"
            | "as"
            | "its"
            | "their"
            | "his"
            | "her"
    ) || lx::number_word(w).is_some()
        || lx::ordinal(w).is_some()
}

/// A point of `unit`, `n` steps from the one that contains `base`.
fn around(base: NaiveDate, unit: Unit, n: i64) -> Option<Point> {
    Point::containing(base, unit).shift(n)
}

/// `mid-November` -> (MID, `november`); `early-1990s` -> (START, `1990s`).
fn strip_position(w: &str) -> (Option<&'static str>, &str) {
    if let Some(r) = w.strip_prefix("mid-") {
        (Some("MID"), r)
    } else if let Some(r) = w.strip_prefix("early-") {
        (Some("START"), r)
    } else if let Some(r) = w.strip_prefix("late-") {
        (Some("END"), r)
    } else {
        (None, w)
    }
}

/// The coarsest single point that covers both days, if finer than a century.
fn coarsest_common(a: NaiveDate, b: NaiveDate) -> Option<Point> {
    if a == b {
        return Some(Point::Day(a));
    }
    if a.year() == b.year() && a.month() == b.month() {
        return Some(Point::Month(a.year(), a.month()));
    }
    if a.year() == b.year() {
        return Some(Point::Year(a.year()));
    }
    if a.year() / 10 == b.year() / 10 {
        return Some(Point::Decade(a.year() / 10));
    }
    None
}
