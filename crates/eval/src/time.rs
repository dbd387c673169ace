//! `sitrep eval time`: temporal expressions scored as TempEval-3 scores them on TimeML
//! (TimeBank, AQUAINT), and the seed example's dates.
//!
//! TempEval-3 (Task A, `evaluate_entities.py`): strict span P/R/F1 (exact extent), relaxed span
//! P/R/F1 (any overlap), type and value accuracy over the relaxed matches, and type/value F1 =
//! accuracy x relaxed F1. System and gold expressions are paired one to one, largest overlap first.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use analyze::{Analyzer, text, time};
use chrono::NaiveDate;
use serde_json::Value;
use types::{Span, Timex, TimexType};

use crate::score::round4;
use crate::timeml::{self, GoldTimex, TimemlDoc};
use crate::{EvalError, Prf, Report, Table, read_to_string};

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub timeml: Option<PathBuf>,
    pub seed: Option<PathBuf>,
}

pub fn run(opts: &Options, _analyzer: &Analyzer) -> Result<Vec<Report>, EvalError> {
    let mut reports = Vec::new();
    if let Some(dir) = &opts.timeml {
        reports.push(run_timeml(dir)?);
    }
    if let Some(dir) = &opts.seed {
        reports.push(run_seed(dir)?);
    }
    if reports.is_empty() {
        return Err(EvalError::format(".", "give --timeml DIR and/or --seed DIR"));
    }
    Ok(reports)
}

// ---------------------------------------------------------------------------------------------
// TempEval-3 scoring

/// TempEval-3 counts for a set of documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Te3 {
    pub strict: Prf,
    pub relaxed: Prf,
    pub type_correct: usize,
    pub value_correct: usize,
}

impl Te3 {
    pub fn add(&mut self, o: &Te3) {
        self.strict.add(o.strict);
        self.relaxed.add(o.relaxed);
        self.type_correct += o.type_correct;
        self.value_correct += o.value_correct;
    }

    fn accuracy(&self, correct: usize) -> f64 {
        if self.relaxed.tp == 0 { 0.0 } else { correct as f64 / self.relaxed.tp as f64 }
    }

    pub fn type_accuracy(&self) -> f64 {
        self.accuracy(self.type_correct)
    }

    pub fn value_accuracy(&self) -> f64 {
        self.accuracy(self.value_correct)
    }

    pub fn type_f1(&self) -> f64 {
        self.type_accuracy() * self.relaxed.f1()
    }

    pub fn value_f1(&self) -> f64 {
        self.value_accuracy() * self.relaxed.f1()
    }

    fn put(&self, report: &mut Report, prefix: &str) {
        self.strict.put(&mut report.summary, &format!("{prefix}strict_"));
        self.relaxed.put(&mut report.summary, &format!("{prefix}relaxed_"));
        report.set(&format!("{prefix}type_accuracy"), round4(self.type_accuracy()));
        report.set(&format!("{prefix}value_accuracy"), round4(self.value_accuracy()));
        report.set(&format!("{prefix}type_f1"), round4(self.type_f1()));
        report.set(&format!("{prefix}value_f1"), round4(self.value_f1()));
        report.set(&format!("{prefix}gold"), self.relaxed.tp + self.relaxed.fn_);
        report.set(&format!("{prefix}system"), self.relaxed.tp + self.relaxed.fp);
    }
}

/// One gold/system pairing: indices into gold and system lists.
pub type Pairs = Vec<(usize, usize)>;

/// Pairs gold and system expressions one to one by overlap, largest overlap first.
pub fn pair(gold: &[Span], system: &[Span]) -> Pairs {
    let mut cand: Vec<(usize, usize, usize)> = Vec::new();
    for (g, gs) in gold.iter().enumerate() {
        for (s, ss) in system.iter().enumerate() {
            if gs.overlaps(*ss) {
                let ov = gs.end.min(ss.end) - gs.start.max(ss.start);
                cand.push((ov, g, s));
            }
        }
    }
    cand.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut gu, mut su) = (vec![false; gold.len()], vec![false; system.len()]);
    let mut out = Vec::new();
    for (_, g, s) in cand {
        if !gu[g] && !su[s] {
            gu[g] = true;
            su[s] = true;
            out.push((g, s));
        }
    }
    out.sort_unstable();
    out
}

pub fn type_name(t: TimexType) -> &'static str {
    match t {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

/// Scores one document's system expressions against its gold.
pub fn score(text: &str, gold: &[GoldTimex], system: &[Timex]) -> (Te3, Pairs) {
    let gs: Vec<Span> = gold.iter().map(|g| trim(text, g.span)).collect();
    let ss: Vec<Span> = system.iter().map(|s| trim(text, s.span)).collect();
    let pairs = pair(&gs, &ss);
    let mut r = Te3::default();
    let strict = gs.iter().filter(|g| ss.contains(g)).count();
    r.strict = Prf::new(strict, ss.len() - strict, gs.len() - strict);
    r.relaxed = Prf::new(pairs.len(), ss.len() - pairs.len(), gs.len() - pairs.len());
    for &(g, s) in &pairs {
        if gold[g].kind == type_name(system[s].kind) {
            r.type_correct += 1;
        }
        if gold[g].value == system[s].value {
            r.value_correct += 1;
        }
    }
    (r, pairs)
}

/// A span without surrounding whitespace (gold extents sometimes include it).
fn trim(text: &str, span: Span) -> Span {
    let Some(s) = text.get(span.start..span.end) else { return span };
    let lead = s.len() - s.trim_start().len();
    Span::new(span.start + lead, span.start + lead + s.trim().len())
}

/// Runs the product on one TimeML document.
pub fn analyze_doc(doc: &TimemlDoc) -> Vec<Timex> {
    let seg = text::segment(&doc.text, &[]);
    time::recognize(&doc.text, &seg, doc.dct)
}

/// Every `.tml` file under `dir`, in path order.
pub fn read_timeml_dir(dir: &Path) -> Result<Vec<(PathBuf, TimemlDoc)>, EvalError> {
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            EvalError::io(dir, e.into_io_error().unwrap_or_else(|| std::io::Error::other("walk")))
        })?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "tml") {
            paths.push(entry.into_path());
        }
    }
    if paths.is_empty() {
        return Err(EvalError::format(dir, "no .tml files"));
    }
    let mut out = Vec::with_capacity(paths.len());
    for p in paths {
        let xml = read_to_string(&p)?;
        let doc = timeml::parse(&p, &xml)?;
        out.push((p, doc));
    }
    Ok(out)
}

fn run_timeml(dir: &Path) -> Result<Report, EvalError> {
    let docs = read_timeml_dir(dir)?;
    let mut total = Te3::default();
    let mut by_part: BTreeMap<String, (usize, Te3)> = BTreeMap::new();
    let mut words = 0usize;
    let started = std::time::Instant::now();
    for (path, doc) in &docs {
        let system = analyze_doc(doc);
        words += doc.text.split_whitespace().count();
        let (r, _) = score(&doc.text, &doc.timexes, &system);
        total.add(&r);
        let part = path
            .parent()
            .and_then(|p| p.strip_prefix(dir).ok())
            .map(|p| p.to_string_lossy().into_owned())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| ".".into());
        let e = by_part.entry(part).or_default();
        e.0 += 1;
        e.1.add(&r);
    }
    let secs = started.elapsed().as_secs_f64();
    let mut report = Report::new("time", &dir.to_string_lossy());
    report.line(format!(
        "# TempEval-3 entities on {} documents, {} words ({:.0} words/s segmentation + time)",
        docs.len(),
        words,
        if secs > 0.0 { words as f64 / secs } else { 0.0 }
    ));
    let mut t = Table::new([
        "set",
        "docs",
        "gold",
        "sys",
        "strict P",
        "strict R",
        "strict F1",
        "relaxed P",
        "relaxed R",
        "relaxed F1",
        "type acc",
        "value acc",
        "type F1",
        "value F1",
    ]);
    let row = |t: &mut Table, name: &str, n: usize, r: &Te3| {
        t.row([
            name.to_string(),
            n.to_string(),
            (r.relaxed.tp + r.relaxed.fn_).to_string(),
            (r.relaxed.tp + r.relaxed.fp).to_string(),
            format!("{:.4}", r.strict.precision()),
            format!("{:.4}", r.strict.recall()),
            format!("{:.4}", r.strict.f1()),
            format!("{:.4}", r.relaxed.precision()),
            format!("{:.4}", r.relaxed.recall()),
            format!("{:.4}", r.relaxed.f1()),
            format!("{:.4}", r.type_accuracy()),
            format!("{:.4}", r.value_accuracy()),
            format!("{:.4}", r.type_f1()),
            format!("{:.4}", r.value_f1()),
        ]);
    };
    for (name, (n, r)) in &by_part {
        row(&mut t, name, *n, r);
    }
    row(&mut t, "all", docs.len(), &total);
    report.table(&t);
    report.set("docs", docs.len());
    total.put(&mut report, "");
    if by_part.len() > 1 {
        for (name, (_, r)) in &by_part {
            let key: String = name
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' })
                .collect();
            r.put(&mut report, &format!("{key}_"));
        }
    }
    Ok(report)
}

// ---------------------------------------------------------------------------------------------
// The seed example

/// The publication date from a dateline (`Updated: September 29, 2023, 6:38 AM`), read with the
/// product's own time expressions.
pub fn dateline_date(article: &str) -> Option<NaiveDate> {
    for line in article.lines() {
        let t = line.trim();
        let lower = t.to_ascii_lowercase();
        if ["updated:", "published:", "posted:", "last updated:"]
            .iter()
            .any(|p| lower.starts_with(p))
        {
            let seg = text::segment(t, &[]);
            for x in time::recognize(t, &seg, None) {
                if let Some(d) = x.value.get(..10).and_then(|d| d.parse::<NaiveDate>().ok()) {
                    return Some(d);
                }
            }
        }
    }
    None
}

fn run_seed(dir: &Path) -> Result<Report, EvalError> {
    let article_path = dir.join("article.txt");
    let expected_path = dir.join("expected.json");
    let article = read_to_string(&article_path)?;
    let expected: Value = serde_json::from_str(&read_to_string(&expected_path)?)
        .map_err(|e| EvalError::format(&expected_path, e.to_string()))?;
    let published = dateline_date(&article);
    let seg = text::segment(&article, &[]);
    let timexes = time::recognize(&article, &seg, published);

    let mut report = Report::new("time", &dir.to_string_lossy());
    let mut t = Table::new(["what", "expected", "found", "by"]);
    let (mut found, mut total) = (0usize, 0usize);

    // The publication date itself.
    let want_pub = expected
        .pointer("/document/published")
        .and_then(Value::as_str)
        .and_then(|s| s.get(..10))
        .unwrap_or("");
    let got_pub = published.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
    total += 1;
    let ok = !want_pub.is_empty() && want_pub == got_pub;
    found += usize::from(ok);
    t.row(["published".to_string(), want_pub.to_string(), yes(ok), got_pub]);

    let events = expected.get("events").and_then(Value::as_array).cloned().unwrap_or_default();
    for ev in &events {
        let Some(date) = ev.get("date").and_then(Value::as_str) else { continue };
        let id = ev.get("id").and_then(Value::as_str).unwrap_or("?");
        total += 1;
        let by = find_date(date, &timexes, published);
        found += usize::from(by.is_some());
        t.row([id.to_string(), date.to_string(), yes(by.is_some()), by.unwrap_or_default()]);
    }
    // No day invented: every timex whose text names no day must not carry a day.
    let mut invented = Vec::new();
    for x in &timexes {
        if x.precision == "day" && !names_a_day(&x.text) {
            invented.push(format!("{} -> {}", x.text, x.value));
        }
    }
    report.line(format!("# seed: {} time expressions", timexes.len()));
    let mut all = Table::new(["text", "type", "value", "precision", "mod", "range", "anchor"]);
    for x in &timexes {
        all.row([
            x.text.clone(),
            type_name(x.kind).to_string(),
            x.value.clone(),
            x.precision.clone(),
            x.modifier.clone().unwrap_or_default(),
            x.range.as_ref().map(|(a, b)| format!("{a}/{b}")).unwrap_or_default(),
            x.anchor.map(|a| a.to_string()).unwrap_or_default(),
        ]);
    }
    report.table(&all);
    report.line("");
    report.table(&t);
    if !invented.is_empty() {
        report.line(format!("days invented: {}", invented.join("; ")));
    }
    report.set("found", found);
    report.set("total", total);
    report.set("invented_days", invented.len());
    report.set("timexes", timexes.len());
    Ok(report)
}

fn yes(b: bool) -> String {
    if b { "yes".into() } else { "NO".into() }
}

/// Which expression yields `date` (or, for an interval `a/b`, both ends): a timex value, a
/// timex range that lies within it, or for the later end the publication month.
fn find_date(date: &str, timexes: &[Timex], published: Option<NaiveDate>) -> Option<String> {
    if let Some((a, b)) = date.split_once('/') {
        let fa = find_point(a, timexes, published)?;
        let fb = find_point(b, timexes, published)?;
        return Some(format!("{fa} .. {fb}"));
    }
    find_point(date, timexes, published)
}

fn find_point(date: &str, timexes: &[Timex], published: Option<NaiveDate>) -> Option<String> {
    if let Some(x) = timexes.iter().find(|x| x.value == date) {
        return Some(format!("{:?}", x.text));
    }
    if let Some(x) = timexes
        .iter()
        .find(|x| x.range.as_ref().is_some_and(|(a, b)| a.starts_with(date) && b.starts_with(date)))
    {
        return Some(format!("{:?} (range)", x.text));
    }
    let p = published?.format("%Y-%m-%d").to_string();
    p.starts_with(date).then(|| "publication date".to_string())
}

fn names_a_day(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.chars().any(|c| c.is_ascii_digit())
        || [
            "day",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "tonight",
            "tomorrow",
            "yesterday",
            "morning",
            "evening",
            "night",
            "noon",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(a: usize, b: usize) -> Span {
        Span::new(a, b)
    }

    #[test]
    fn pairing_is_one_to_one_by_largest_overlap() {
        type Case<'a> = (&'a [Span], &'a [Span], &'a [(usize, usize)]);
        let cases: &[Case] = &[
            (&[sp(0, 5)], &[sp(0, 5)], &[(0, 0)]),
            (&[sp(0, 5)], &[sp(3, 9)], &[(0, 0)]),
            (&[sp(0, 5), sp(6, 9)], &[sp(0, 9)], &[(0, 0)]),
            (&[sp(0, 5)], &[sp(5, 9)], &[]),
            (&[sp(0, 9)], &[sp(0, 2), sp(3, 9)], &[(0, 1)]),
        ];
        for (g, s, want) in cases {
            assert_eq!(&pair(g, s), want, "{g:?} {s:?}");
        }
    }

    #[test]
    fn te3_scores_count_strict_relaxed_and_values() {
        let text = "On Friday, last week and now.";
        let gold = vec![
            GoldTimex { span: sp(3, 9), tid: "t1".into(), kind: "DATE".into(), value: "X".into() },
            GoldTimex {
                span: sp(11, 20),
                tid: "t2".into(),
                kind: "DATE".into(),
                value: "W".into(),
            },
        ];
        let tx = |s: Span, v: &str| Timex {
            span: s,
            text: text[s.start..s.end].to_string(),
            kind: TimexType::Date,
            value: v.into(),
            precision: "day".into(),
            modifier: None,
            range: None,
            anchor: None,
            sentence: 0,
        };
        let system = vec![tx(sp(3, 9), "X"), tx(sp(16, 20), "Z"), tx(sp(25, 28), "P")];
        let (r, _) = score(text, &gold, &system);
        assert_eq!(r.strict, Prf::new(1, 2, 1));
        assert_eq!(r.relaxed, Prf::new(2, 1, 0));
        assert_eq!(r.type_correct, 2);
        assert_eq!(r.value_correct, 1);
        assert!((r.value_accuracy() - 0.5).abs() < 1e-9);
    }
}
