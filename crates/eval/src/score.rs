//! Counting and printing scores.

use std::fmt::Write as _;

use serde_json::{Map, Value};

/// True positives, false positives and false negatives, with precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Prf {
    pub fn new(tp: usize, fp: usize, fn_: usize) -> Prf {
        Prf { tp, fp, fn_ }
    }

    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }

    pub fn add(&mut self, other: Prf) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    /// `precision`, `recall`, `f1` (rounded to 4 places) into a JSON map.
    pub fn put(&self, map: &mut Map<String, Value>, prefix: &str) {
        map.insert(format!("{prefix}precision"), round4(self.precision()));
        map.insert(format!("{prefix}recall"), round4(self.recall()));
        map.insert(format!("{prefix}f1"), round4(self.f1()));
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// A number rounded to 4 decimal places, as JSON.
pub fn round4(x: f64) -> Value {
    Value::from((x * 10_000.0).round() / 10_000.0)
}

/// A plain-text table with aligned columns.
#[derive(Debug, Clone, Default)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new<I, S>(header: I) -> Table
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Table { header: header.into_iter().map(Into::into).collect(), rows: Vec::new() }
    }

    pub fn row<I, S>(&mut self, cells: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.rows.push(cells.into_iter().map(Into::into).collect());
    }

    /// A row of a label and its P/R/F1 with counts.
    pub fn prf_row(&mut self, label: &str, s: &Prf) {
        self.row([
            label.to_string(),
            format!("{:.4}", s.precision()),
            format!("{:.4}", s.recall()),
            format!("{:.4}", s.f1()),
            s.tp.to_string(),
            s.fp.to_string(),
            s.fn_.to_string(),
        ]);
    }

    /// The standard header for [`Table::prf_row`].
    pub fn prf() -> Table {
        Table::new(["", "precision", "recall", "f1", "tp", "fp", "fn"])
    }

    pub fn render(&self) -> String {
        let ncol = self.rows.iter().map(Vec::len).chain([self.header.len()]).max().unwrap_or(0);
        let mut width = vec![0usize; ncol];
        for row in std::iter::once(&self.header).chain(&self.rows) {
            for (i, c) in row.iter().enumerate() {
                width[i] = width[i].max(c.chars().count());
            }
        }
        let mut out = String::new();
        let line = |out: &mut String, row: &[String]| {
            for (i, c) in row.iter().enumerate() {
                let pad = width[i] - c.chars().count();
                if i == 0 {
                    let _ = write!(out, "{c}{}", " ".repeat(pad));
                } else {
                    let _ = write!(out, "  {}{c}", " ".repeat(pad));
                }
            }
            out.push('\n');
        };
        line(&mut out, &self.header);
        let total: usize = width.iter().sum::<usize>() + 2 * ncol.saturating_sub(1);
        out.push_str(&"-".repeat(total));
        out.push('\n');
        for row in &self.rows {
            line(&mut out, row);
        }
        out
    }
}

/// What an evaluation task prints: free text and tables for people, then one JSON summary line.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub text: String,
    pub summary: Map<String, Value>,
}

impl Report {
    pub fn new(task: &str, set: &str) -> Report {
        let mut summary = Map::new();
        summary.insert("task".into(), Value::from(task));
        summary.insert("set".into(), Value::from(set));
        Report { text: String::new(), summary }
    }

    pub fn line(&mut self, s: impl AsRef<str>) {
        self.text.push_str(s.as_ref());
        self.text.push('\n');
    }

    pub fn table(&mut self, t: &Table) {
        self.text.push_str(&t.render());
    }

    pub fn set(&mut self, key: &str, value: impl Into<Value>) {
        self.summary.insert(key.to_string(), value.into());
    }

    /// The summary as one line of JSON.
    pub fn summary_line(&self) -> String {
        Value::Object(self.summary.clone()).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_computes_like_conlleval() {
        let s = Prf::new(8, 2, 2);
        assert!((s.precision() - 0.8).abs() < 1e-9);
        assert!((s.recall() - 0.8).abs() < 1e-9);
        assert!((s.f1() - 0.8).abs() < 1e-9);
        assert_eq!(Prf::default().f1(), 0.0);
    }

    #[test]
    fn table_aligns_columns() {
        let mut t = Table::prf();
        t.prf_row("PER", &Prf::new(1, 0, 1));
        let r = t.render();
        assert!(r.lines().count() == 3, "{r}");
        assert!(r.contains("PER     1.0000  0.5000"), "{r}");
    }
}
