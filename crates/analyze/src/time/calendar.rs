//! Calendar points at every TIMEX3 granularity (day, week, month, quarter, season, year, decade,
//! century, time of day), their TIMEX3 values and precision names, and arithmetic on them.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A calendar unit, for durations and for shifting points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Half,
    Season,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The TIMEX3 duration of `n` units (`P3D`, `PT2H`, `PXY` for an unknown count).
    pub fn duration(self, n: Option<f64>) -> String {
        let (time, code, mult) = match self {
            Unit::Second => (true, "S", 1.0),
            Unit::Minute => (true, "M", 1.0),
            Unit::Hour => (true, "H", 1.0),
            Unit::Day => (false, "D", 1.0),
            Unit::Week | Unit::Weekend => (false, "W", 1.0),
            Unit::Month => (false, "M", 1.0),
            Unit::Quarter => (false, "M", 3.0),
            Unit::Half => (false, "M", 6.0),
            Unit::Season => (false, "M", 3.0),
            Unit::Year => (false, "Y", 1.0),
            Unit::Decade => (false, "Y", 10.0),
            Unit::Century => (false, "Y", 100.0),
        };
        let t = if time { "T" } else { "" };
        let Some(n) = n else {
            return match self {
                Unit::Decade => "PXDE".into(),
                Unit::Century => "PXCE".into(),
                _ => format!("P{t}X{code}"),
            };
        };
        let n = n * mult;
        if n.fract() == 0.0 {
            return format!("P{t}{}{code}", n as i64);
        }
        // Halves: 2 1/2 years -> P2Y6M, 5 1/2 hours -> PT5H30M.
        let whole = n.trunc() as i64;
        let half = (n.fract() - 0.5).abs() < 1e-9;
        let lower = match self {
            Unit::Year => Some(("", "M", 6)),
            Unit::Day => Some(("T", "H", 12)),
            Unit::Hour => Some(("", "M", 30)),
            Unit::Minute => Some(("", "S", 30)),
            _ => None,
        };
        match lower {
            Some((sep, c2, v2)) if half && whole > 0 => format!("P{t}{whole}{code}{sep}{v2}{c2}"),
            Some((sep, c2, v2)) if half => {
                let t2 = if sep == "T" || time { "T" } else { "" };
                format!("P{t2}{v2}{c2}")
            }
            _ => format!("P{t}{n}{code}"),
        }
    }

    pub fn precision(self) -> &'static str {
        match self {
            Unit::Second => "second",
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::Week | Unit::Weekend => "week",
            Unit::Month => "month",
            Unit::Quarter | Unit::Half => "quarter",
            Unit::Season => "season",
            Unit::Year => "year",
            Unit::Decade => "decade",
            Unit::Century => "century",
        }
    }
}

/// Parts of the day TIMEX3 names: `MO`, `AF`, `EV`, `NI`, `DT`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }
}

/// Seasons, numbered 0 spring, 1 summer, 2 fall, 3 winter (meteorological: winter of year Y
/// is December Y to February Y+1).
pub const SEASON_CODES: [&str; 4] = ["SP", "SU", "FA", "WI"];

/// A calendar point at some granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    Day(NaiveDate),
    /// ISO year and week.
    Week(i32, u32),
    Weekend(i32, u32),
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, u8),
    Year(i32),
    /// `199` for the 1990s.
    Decade(i32),
    /// `19` for the 1900s (the 20th century).
    Century(i32),
    /// A day and an hour and minute.
    Time(NaiveDate, u32, u32),
    DayPart(NaiveDate, DayPart),
}

impl Point {
    pub fn value(&self) -> String {
        match *self {
            Point::Day(d) => ymd(d),
            Point::Week(y, w) => format!("{}-W{w:02}", year4(y)),
            Point::Weekend(y, w) => format!("{}-W{w:02}-WE", year4(y)),
            Point::Month(y, m) => format!("{}-{m:02}", year4(y)),
            Point::Quarter(y, q) => format!("{}-Q{q}", year4(y)),
            Point::Half(y, h) => format!("{}-H{h}", year4(y)),
            Point::Season(y, s) => format!("{}-{}", year4(y), SEASON_CODES[usize::from(s % 4)]),
            Point::Year(y) => year4(y),
            Point::Decade(d) => format!("{d:03}X"),
            Point::Century(c) => format!("{c:02}"),
            Point::Time(d, h, m) => format!("{}T{h:02}:{m:02}", ymd(d)),
            Point::DayPart(d, p) => format!("{}T{}", ymd(d), p.code()),
        }
    }

    pub fn precision(&self) -> &'static str {
        match self {
            Point::Day(_) | Point::DayPart(..) => "day",
            Point::Week(..) | Point::Weekend(..) => "week",
            Point::Month(..) => "month",
            Point::Quarter(..) | Point::Half(..) => "quarter",
            Point::Season(..) => "season",
            Point::Year(_) => "year",
            Point::Decade(_) => "decade",
            Point::Century(_) => "century",
            Point::Time(..) => "minute",
        }
    }

    pub fn unit(&self) -> Unit {
        match self {
            Point::Day(_) | Point::DayPart(..) | Point::Time(..) => Unit::Day,
            Point::Week(..) => Unit::Week,
            Point::Weekend(..) => Unit::Weekend,
            Point::Month(..) => Unit::Month,
            Point::Quarter(..) => Unit::Quarter,
            Point::Half(..) => Unit::Half,
            Point::Season(..) => Unit::Season,
            Point::Year(_) => Unit::Year,
            Point::Decade(_) => Unit::Decade,
            Point::Century(_) => Unit::Century,
        }
    }

    /// The first day of the point.
    pub fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            Point::Day(d) | Point::Time(d, ..) | Point::DayPart(d, _) => Some(d),
            Point::Week(y, w) => NaiveDate::from_isoywd_opt(y, w, Weekday::Mon),
            Point::Weekend(y, w) => NaiveDate::from_isoywd_opt(y, w, Weekday::Sat),
            Point::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            Point::Quarter(y, q) => NaiveDate::from_ymd_opt(y, q.clamp(1, 4) * 3 - 2, 1),
            Point::Half(y, h) => NaiveDate::from_ymd_opt(y, h.clamp(1, 2) * 6 - 5, 1),
            Point::Season(y, s) => NaiveDate::from_ymd_opt(y, [3, 6, 9, 12][usize::from(s % 4)], 1),
            Point::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            Point::Decade(d) => NaiveDate::from_ymd_opt(d * 10, 1, 1),
            Point::Century(c) => NaiveDate::from_ymd_opt(c * 100, 1, 1),
        }
    }

    /// The last day of the point.
    pub fn last_day(&self) -> Option<NaiveDate> {
        let next = match *self {
            Point::Day(d) | Point::Time(d, ..) | Point::DayPart(d, _) => return Some(d),
            Point::Weekend(y, w) => return NaiveDate::from_isoywd_opt(y, w, Weekday::Sun),
            p => p.shift(1)?,
        };
        next.first_day()?.pred_opt()
    }

    /// The same kind of point `n` units later (earlier when negative).
    pub fn shift(&self, n: i64) -> Option<Point> {
        Some(match *self {
            Point::Day(d) => Point::Day(add_days(d, n)?),
            Point::Time(d, h, m) => Point::Time(add_days(d, n)?, h, m),
            Point::DayPart(d, p) => Point::DayPart(add_days(d, n)?, p),
            Point::Week(..) | Point::Weekend(..) => {
                let d = add_days(self.first_day()?, n.checked_mul(7)?)?;
                let iw = d.iso_week();
                if matches!(self, Point::Week(..)) {
                    Point::Week(iw.year(), iw.week())
                } else {
                    Point::Weekend(iw.year(), iw.week())
                }
            }
            Point::Month(y, m) => {
                let (y, m) = add_months(y, m, n)?;
                Point::Month(y, m)
            }
            Point::Quarter(y, q) => {
                let i = i64::from(y) * 4 + i64::from(q) - 1 + n;
                Point::Quarter(i32::try_from(i.div_euclid(4)).ok()?, (i.rem_euclid(4) + 1) as u32)
            }
            Point::Half(y, h) => {
                let i = i64::from(y) * 2 + i64::from(h) - 1 + n;
                Point::Half(i32::try_from(i.div_euclid(2)).ok()?, (i.rem_euclid(2) + 1) as u32)
            }
            Point::Season(y, s) => {
                let i = i64::from(y) * 4 + i64::from(s) + n;
                Point::Season(i32::try_from(i.div_euclid(4)).ok()?, i.rem_euclid(4) as u8)
            }
            Point::Year(y) => Point::Year(add_i32(y, n)?),
            Point::Decade(d) => Point::Decade(add_i32(d, n)?),
            Point::Century(c) => Point::Century(add_i32(c, n)?),
        })
    }

    /// The point of granularity `unit` that contains `d`.
    pub fn containing(d: NaiveDate, unit: Unit) -> Point {
        let (y, m) = (d.year(), d.month());
        match unit {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Point::Day(d),
            Unit::Week => {
                let w = d.iso_week();
                Point::Week(w.year(), w.week())
            }
            Unit::Weekend => {
                let w = d.iso_week();
                Point::Weekend(w.year(), w.week())
            }
            Unit::Month => Point::Month(y, m),
            Unit::Quarter => Point::Quarter(y, (m - 1) / 3 + 1),
            Unit::Half => Point::Half(y, (m - 1) / 6 + 1),
            Unit::Season => match m {
                3..=5 => Point::Season(y, 0),
                6..=8 => Point::Season(y, 1),
                9..=11 => Point::Season(y, 2),
                12 => Point::Season(y, 3),
                _ => Point::Season(y - 1, 3),
            },
            Unit::Year => Point::Year(y),
            Unit::Decade => Point::Decade(y.div_euclid(10)),
            Unit::Century => Point::Century(y.div_euclid(100)),
        }
    }

    /// This point `n` units of `unit` later: a day moved by weeks stays a day; a quarter moved
    /// by a year stays a quarter.
    pub fn shift_by(&self, unit: Unit, n: i64) -> Option<Point> {
        let own = self.unit();
        if own == unit || (own == Unit::Weekend && unit == Unit::Week) {
            return self.shift(n);
        }
        let per = |u: Unit| -> Option<i64> {
            Some(match u {
                Unit::Month => 1,
                Unit::Quarter | Unit::Season => 3,
                Unit::Half => 6,
                Unit::Year => 12,
                Unit::Decade => 120,
                Unit::Century => 1200,
                _ => return None,
            })
        };
        match (per(own), per(unit)) {
            (Some(a), Some(b)) if b % a == 0 => return self.shift(n * b / a),
            _ => {}
        }
        match unit {
            Unit::Day => self.shift_days(n),
            Unit::Week | Unit::Weekend => self.shift_days(n.checked_mul(7)?),
            Unit::Second | Unit::Minute | Unit::Hour => Some(*self),
            Unit::Month
            | Unit::Quarter
            | Unit::Half
            | Unit::Season
            | Unit::Year
            | Unit::Decade
            | Unit::Century => {
                // A day-level point moved by months keeps its day where the month allows.
                let d = self.first_day()?;
                let months = n.checked_mul(per(unit)?)?;
                let (y, m) = add_months(d.year(), d.month(), months)?;
                let day = d.day().min(days_in_month(y, m));
                let nd = NaiveDate::from_ymd_opt(y, m, day)?;
                Some(match *self {
                    Point::Day(_) => Point::Day(nd),
                    Point::Time(_, h, mi) => Point::Time(nd, h, mi),
                    Point::DayPart(_, p) => Point::DayPart(nd, p),
                    _ => Point::containing(nd, own),
                })
            }
        }
    }

    fn shift_days(&self, n: i64) -> Option<Point> {
        match *self {
            Point::Day(_) | Point::Time(..) | Point::DayPart(..) => self.shift(n),
            p => {
                let d = add_days(p.first_day()?, n)?;
                Some(Point::containing(d, p.unit()))
            }
        }
    }
}

pub fn ymd(d: NaiveDate) -> String {
    format!("{}-{:02}-{:02}", year4(d.year()), d.month(), d.day())
}

fn year4(y: i32) -> String {
    if (0..=9999).contains(&y) { format!("{y:04}") } else { format!("{y}") }
}

fn add_i32(a: i32, n: i64) -> Option<i32> {
    i32::try_from(i64::from(a).checked_add(n)?).ok()
}

pub fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::try_days(n)?)
}

pub fn add_months(y: i32, m: u32, n: i64) -> Option<(i32, u32)> {
    let i = i64::from(y).checked_mul(12)? + i64::from(m) - 1 + n;
    Some((i32::try_from(i.div_euclid(12)).ok()?, (i.rem_euclid(12) + 1) as u32))
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt()).map_or(28, |d| d.day())
}

/// The `nth` (1-based) `weekday` of a month; `nth` 5 or more means the last one.
pub fn nth_weekday(y: i32, m: u32, weekday: Weekday, nth: u32) -> Option<NaiveDate> {
    if nth >= 5 {
        let last = NaiveDate::from_ymd_opt(y, m, days_in_month(y, m))?;
        let back = (last.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
        return add_days(last, -i64::from(back));
    }
    NaiveDate::from_weekday_of_month_opt(y, m, weekday, u8::try_from(nth).ok()?)
}

/// Easter Sunday (Gregorian), by the anonymous Gregorian algorithm.
pub fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn values_and_shifts() {
        let cases: &[(Point, i64, &str)] = &[
            (Point::Day(d(2024, 2, 28)), 1, "2024-02-29"),
            (Point::Day(d(2023, 2, 28)), 1, "2023-03-01"),
            (Point::Month(2024, 1), -1, "2023-12"),
            (Point::Quarter(1990, 1), -1, "1989-Q4"),
            (Point::Week(2020, 53), 1, "2021-W01"),
            (Point::Season(1997, 3), 1, "1998-SP"),
            (Point::Half(1989, 2), 1, "1990-H1"),
            (Point::Decade(199), 0, "199X"),
            (Point::Century(19), 1, "20"),
            (Point::Time(d(2023, 9, 29), 6, 38), 0, "2023-09-29T06:38"),
        ];
        for (p, n, want) in cases {
            assert_eq!(p.shift(*n).map(|p| p.value()).as_deref(), Some(*want), "{p:?} {n}");
        }
    }

    #[test]
    fn shift_by_other_units() {
        let cases: &[(Point, Unit, i64, &str)] = &[
            (Point::Quarter(1989, 3), Unit::Year, -1, "1988-Q3"),
            (Point::Day(d(2024, 2, 29)), Unit::Year, -1, "2023-02-28"),
            (Point::Day(d(2023, 9, 28)), Unit::Week, -2, "2023-09-14"),
            (Point::Month(2023, 9), Unit::Year, 1, "2024-09"),
        ];
        for (p, u, n, want) in cases {
            assert_eq!(p.shift_by(*u, *n).map(|p| p.value()).as_deref(), Some(*want));
        }
    }

    #[test]
    fn durations() {
        let cases: &[(Unit, Option<f64>, &str)] = &[
            (Unit::Day, Some(3.0), "P3D"),
            (Unit::Hour, Some(5.5), "PT5H30M"),
            (Unit::Year, Some(2.5), "P2Y6M"),
            (Unit::Year, None, "PXY"),
            (Unit::Minute, Some(1.0), "PT1M"),
            (Unit::Decade, Some(2.0), "P20Y"),
            (Unit::Hour, Some(0.5), "PT30M"),
        ];
        for (u, n, want) in cases {
            assert_eq!(u.duration(*n), *want);
        }
    }

    #[test]
    fn holidays() {
        assert_eq!(easter(2024), Some(d(2024, 3, 31)));
        assert_eq!(easter(1998), Some(d(1998, 4, 12)));
        assert_eq!(nth_weekday(1998, 11, Weekday::Thu, 4), Some(d(1998, 11, 26)));
        assert_eq!(nth_weekday(2023, 5, Weekday::Mon, 5), Some(d(2023, 5, 29)));
    }
}
