//! Table-driven tests of time expressions: one line per case (text, publication date, expected
//! expressions as `surface=VALUE`, joined by `; `).

use super::*;
use crate::text::segment;

fn run(text: &str, anchor: &str) -> Vec<Timex> {
    let anchor = NaiveDate::parse_from_str(anchor, "%Y-%m-%d").ok();
    recognize(text, &segment(text, &[]), anchor)
}

fn show(xs: &[Timex]) -> String {
    xs.iter().map(|x| format!("{}={}", x.text, x.value)).collect::<Vec<_>>().join("; ")
}

/// Checks every case: the expressions found, their surfaces and values, in order.
fn check(cases: &[(&str, &str, &str)]) {
    let mut failed = Vec::new();
    for (text, anchor, want) in cases {
        let got = show(&run(text, anchor));
        if got != *want {
            failed.push(format!("{text:?} @ {anchor}\n   want: {want}\n    got: {got}"));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} cases failed:\n{}",
        failed.len(),
        cases.len(),
        failed.join("\n")
    );
}

#[test]
fn the_seed_dates() {
    check(&[
        ("He held talks with Putin in Moscow on Thursday.", "2023-09-29", "Thursday=2023-09-28"),
        (
            "Haftar, who arrived in Moscow on Tuesday, had already held talks.",
            "2023-09-29",
            "Tuesday=2023-09-26",
        ),
        (
            "He was there most recently on September 17 when he met him.",
            "2023-09-29",
            "recently=PAST_REF; September 17=2023-09-17",
        ),
        ("He was killed in a plane crash in August.", "2023-09-29", "August=2023-08"),
        (
            "After an October 2020 ceasefire brought the offensive to an end, Wagner left.",
            "2023-09-29",
            "October 2020=2020-10",
        ),
        ("It was the first meeting between the two men since 2019.", "2023-09-29", "2019=2019"),
        ("He has been a regular visitor in recent years.", "2023-09-29", "recent years=PAST_REF"),
        (
            "Updated: September 29, 2023, 6:38 AM",
            "2023-09-29",
            "September 29, 2023, 6:38 AM=2023-09-29T06:38",
        ),
    ]);
}

#[test]
fn absolute_dates() {
    check(&[
        ("The deal closed on Sept. 30, 1990.", "1998-01-01", "Sept. 30, 1990=1990-09-30"),
        ("It happened on 17 September 2023.", "2024-01-01", "17 September 2023=2023-09-17"),
        ("It happened on the 17th of September.", "2023-09-29", "the 17th of September=2023-09-17"),
        ("Talks began in March 1990.", "1998-01-01", "March 1990=1990-03"),
        ("Talks began in 1990.", "1998-01-01", "1990=1990"),
        ("It is due on Monday, Oct. 26.", "1998-10-25", "Monday, Oct. 26=1998-10-26"),
        ("The report was filed 2023-09-28.", "2023-10-01", "2023-09-28=2023-09-28"),
        ("The report was filed on 09/28/2023.", "2023-10-01", "09/28/2023=2023-09-28"),
        ("The report was filed on 28/09/2023.", "2023-10-01", "28/09/2023=2023-09-28"),
        ("He left in fiscal 1989.", "1990-01-01", "fiscal 1989=1989"),
        ("He left in May.", "2023-09-29", "May=2023-05"),
        ("You may leave.", "2023-09-29", ""),
        ("Theresa May spoke.", "2023-09-29", ""),
        ("They will march on Sunday.", "2023-09-29", "Sunday=2023-10-01"),
        ("Flooding struck on March 5-7.", "2023-09-29", "March 5-7=2023-03"),
    ]);
}

#[test]
fn year_boundaries_and_leap_years() {
    check(&[
        ("The attack happened on December 30.", "2024-01-02", "December 30=2023-12-30"),
        ("The vote will be held on January 3.", "2023-12-28", "January 3=2024-01-03"),
        ("He was born on Feb. 29, 2024.", "2024-03-01", "Feb. 29, 2024=2024-02-29"),
        ("It ended on February 29.", "2024-03-10", "February 29=2024-02-29"),
        ("It ended yesterday.", "2024-03-01", "yesterday=2024-02-29"),
        ("It ended yesterday.", "2023-03-01", "yesterday=2023-02-28"),
        ("It ended last year.", "2024-01-02", "last year=2023"),
        ("It ended last month.", "2024-01-02", "last month=2023-12"),
        ("It starts next month.", "2023-12-15", "next month=2024-01"),
        ("He arrived in December.", "2024-01-02", "December=2023-12"),
    ]);
}

#[test]
fn weekdays_across_months() {
    check(&[
        ("He arrived on Tuesday.", "2023-10-02", "Tuesday=2023-09-26"),
        ("He will arrive on Tuesday.", "2023-09-29", "Tuesday=2023-10-03"),
        ("The court ruled last Friday.", "2023-09-01", "last Friday=2023-08-25"),
        ("The court will rule next Monday.", "2023-08-30", "next Monday=2023-09-04"),
        ("It said Friday that it had agreed.", "2023-09-29", "Friday=2023-09-29"),
        ("The bomb exploded Friday night.", "2023-10-02", "Friday night=2023-09-29TNI"),
        ("Protests are held on Fridays.", "2023-10-02", "Fridays=XXXX-WXX-5"),
        ("Wednesday's ruling angered them.", "2024-03-01", "Wednesday=2024-02-28"),
    ]);
}

#[test]
fn relative_and_deictic() {
    check(&[
        (
            "He left yesterday and returns tomorrow.",
            "2023-09-29",
            "yesterday=2023-09-28; tomorrow=2023-09-30",
        ),
        ("Sales fell last week.", "2023-09-29", "last week=2023-W38"),
        ("Sales fell this week.", "2023-09-29", "this week=2023-W39"),
        ("It rose two years ago.", "2023-09-29", "two years ago=2021"),
        ("It rose 11 days ago.", "2023-09-29", "11 days ago=2023-09-18"),
        ("It will open two weeks from now.", "2023-09-29", "two weeks from now=2023-W41"),
        ("He resigned earlier this year.", "2023-09-29", "earlier this year=2023"),
        ("It opens early next year.", "2023-09-29", "early next year=2024"),
        ("This morning the army moved.", "2023-09-29", "This morning=2023-09-29TMO"),
        ("Shots were heard last night.", "2023-09-29", "last night=2023-09-28TNI"),
        ("Prices rose last fall.", "1998-02-06", "last fall=1997-FA"),
        ("Prices rose last April.", "1989-10-26", "last April=1989-04"),
        ("The vote is this weekend.", "2023-09-27", "this weekend=2023-W39-WE"),
        ("Sales rose in the third quarter.", "1989-11-02", "the third quarter=1989-Q3"),
        ("It will report in the first quarter.", "1989-11-02", "the first quarter=1990-Q1"),
        ("Third-quarter profit rose.", "1989-11-02", "Third-quarter=1989-Q3"),
        ("The deal closes by the end of 1990.", "1989-11-02", "the end of 1990=1990"),
        ("It will be done by year-end.", "1989-11-02", "year-end=1989-12-31"),
        ("Prices fell in the first half of 1989.", "1990-01-02", "the first half of 1989=1989-H1"),
        ("Demand fell this summer.", "1998-09-02", "this summer=1998-SU"),
        ("It peaked in the 1990s.", "2023-09-29", "the 1990s=199X"),
        ("It peaked in the mid-1990s.", "2023-09-29", "the mid-1990s=199X"),
        ("It was built in the 19th century.", "2023-09-29", "the 19th century=18"),
        ("He came at Christmas.", "2023-12-28", "Christmas=2023-12-25"),
        ("He came on Thanksgiving Day.", "1998-12-01", "Thanksgiving Day=1998-11-26"),
        (
            "In the third quarter, profit fell from a year ago.",
            "1989-11-02",
            "the third quarter=1989-Q3; a year ago=1988-Q3",
        ),
        (
            "Third-quarter profit fell from $5 a year earlier.",
            "1989-11-02",
            "Third-quarter=1989-Q3; a year earlier=1988-Q3",
        ),
        ("In the year-ago quarter, it earned $1.", "1989-11-02", "the year-ago quarter=1988-Q3"),
        ("The latest period includes gains.", "1989-11-02", "The latest period=1989-Q3"),
        ("Sales rose in the quarter.", "1989-11-02", "the quarter=1989-Q3"),
    ]);
}

#[test]
fn anaphora_to_the_narrative() {
    let xs = run("The vote was held on Sept. 3. The following day, protests began.", "2023-09-29");
    assert_eq!(show(&xs), "Sept. 3=2023-09-03; The following day=2023-09-04");
    assert_eq!(xs[1].anchor, Some(0));

    let xs = run("He met him on September 17, days after floods devastated Derna.", "2023-09-29");
    assert_eq!(show(&xs), "September 17=2023-09-17; days=2023-09");
    assert_eq!(xs[1].anchor, Some(0));
    assert_eq!(xs[1].range, Some(("2023-09-08".to_string(), "2023-09-15".to_string())));
    assert_eq!(xs[1].precision, "month");

    let xs = run("He left on May 2. Three days later he was arrested.", "2023-09-29");
    assert_eq!(show(&xs), "May 2=2023-05-02; Three days later=P3D");
    assert_eq!(xs[1].anchor, Some(0));
    assert_eq!(xs[1].range, Some(("2023-05-05".to_string(), "2023-05-05".to_string())));

    let xs = run("It happened in 1998. That year, prices fell.", "2023-09-29");
    assert_eq!(show(&xs), "1998=1998; That year=1998");
}

#[test]
fn durations_sets_and_references() {
    check(&[
        ("It lasted two days.", "2023-09-29", "two days=P2D"),
        ("Sales rose in the first nine months.", "1989-11-02", "the first nine months=P9M"),
        ("It took 5 1/2 hours.", "2023-09-29", "5 1/2 hours=PT5H30M"),
        ("It took about three years.", "2023-09-29", "about three years=P3Y"),
        ("It is a five-year plan.", "2023-09-29", "five-year=P5Y"),
        ("Prices rose over the past two months.", "2023-09-29", "the past two months=P2M"),
        ("They have fought for years.", "2023-09-29", "years=PXY"),
        ("It is a 30-year-old man.", "2023-09-29", ""),
        ("They meet daily.", "2023-09-29", "daily=P1D"),
        ("They meet every week.", "2023-09-29", "every week=P1W"),
        ("They meet twice a year.", "2023-09-29", "a year=P1Y"),
        ("It pays a quarterly dividend.", "2023-09-29", ""),
        ("He is now in Moscow.", "2023-09-29", "now=PRESENT_REF"),
        ("He has recently left.", "2023-09-29", "recently=PAST_REF"),
        ("It will change in the future.", "2023-09-29", "the future=FUTURE_REF"),
        ("Talks will resume soon.", "2023-09-29", "soon=FUTURE_REF"),
        ("He is currently abroad.", "2023-09-29", "currently=PRESENT_REF"),
        ("The current account deficit grew.", "2023-09-29", ""),
        ("Three-quarters of voters agreed.", "2023-09-29", ""),
    ]);
}

#[test]
fn clock_times() {
    check(&[
        (
            "The blast came at 10:35 a.m. on Friday.",
            "2023-09-29",
            "10:35 a.m.=2023-09-29T10:35; Friday=2023-09-29",
        ),
        (
            "The blast came on Friday at 10:35 a.m.",
            "2023-10-01",
            "Friday at 10:35 a.m.=2023-09-29T10:35",
        ),
        (
            "He will leave at 4 a.m. EDT Thursday.",
            "2000-04-05",
            "4 a.m. EDT Thursday=2000-04-06T04:00",
        ),
        ("It ends at midnight.", "2023-09-29", "midnight=2023-09-29T00:00"),
        ("The score was 3:1 at the break.", "2023-09-29", ""),
        ("They met at 14:30 GMT.", "2023-09-29", "14:30 GMT=2023-09-29T14:30"),
    ]);
}

#[test]
fn without_an_anchor_values_stay_underspecified() {
    check(&[
        ("He arrived on Tuesday.", "none", "Tuesday=XXXX-WXX-2"),
        ("It happened on September 17.", "none", "September 17=XXXX-09-17"),
        ("It happened in 2019.", "none", "2019=2019"),
    ]);
}

#[test]
fn spans_match_text_and_precision_is_honest() {
    let text = "Thursday, in August, in 2019 and in the 1990s, two days later, now.";
    for x in run(text, "2023-09-29") {
        assert_eq!(&text[x.span.start..x.span.end], x.text);
        let digits_or_day = x.value.len() >= 10 && x.value.as_bytes()[4] == b'-';
        assert_eq!(x.precision == "day", digits_or_day, "{x:?}");
    }
}

proptest::proptest! {
    #[test]
    fn never_panics_and_spans_are_on_char_boundaries(s in "\\PC{0,160}") {
        let xs = run(&s, "2023-09-29");
        for x in &xs {
            proptest::prop_assert!(s.get(x.span.start..x.span.end).is_some());
            proptest::prop_assert!(x.span.start < x.span.end);
        }
    }

    #[test]
    fn time_words_in_any_order_never_panic(
        words in proptest::collection::vec(
            proptest::sample::select(vec![
                "the", "last", "next", "this", "early", "late", "mid-", "end", "of", "year", "years",
                "day", "days", "ago", "earlier", "later", "after", "before", "Friday", "May",
                "Sept.", "30", "31", "1990", "2024", ",", "quarter", "third", "a", "two", "half",
                "1/2", "and", "at", "10:35", "p.m.", "EDT", "week", "weekend", "every", "fiscal",
                "'89", "1990s", "century", "20th", "2023-02-30", "29/02/2023", "0", "99999",
            ]),
            0..14,
        ),
        anchor in proptest::sample::select(vec!["2024-02-29", "2023-12-31", "0001-01-01", "9999-12-31", "none"]),
    ) {
        let s = words.join(" ");
        for x in run(&s, anchor) {
            proptest::prop_assert!(s.get(x.span.start..x.span.end).is_some());
        }
    }
}
