//! Output helpers shared by the query commands: plain-text tables sized to their contents, and
//! the exit status for a query that could not be answered (2 for a bad parameter, 1 otherwise).

use std::process::ExitCode;

use store::QueryError;

/// A table printed with columns padded to their widest cell (cells cut at `max` characters).
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    max: usize,
}

impl Table {
    pub fn new(header: &[&str]) -> Table {
        Table { header: header.iter().map(|h| h.to_string()).collect(), rows: vec![], max: 48 }
    }

    pub fn max_width(mut self, max: usize) -> Table {
        self.max = max.max(4);
        self
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn cut(&self, s: &str) -> String {
        let s: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        if s.chars().count() <= self.max {
            return s;
        }
        let mut t: String = s.chars().take(self.max - 1).collect();
        t.push('…');
        t
    }

    pub fn render(&self) -> String {
        let n = self.header.len();
        let cells: Vec<Vec<String>> = std::iter::once(&self.header)
            .chain(&self.rows)
            .map(|r| (0..n).map(|i| self.cut(r.get(i).map_or("", String::as_str))).collect())
            .collect();
        let widths: Vec<usize> =
            (0..n).map(|i| cells.iter().map(|r| r[i].chars().count()).max().unwrap_or(0)).collect();
        let mut out = String::new();
        for (k, r) in cells.iter().enumerate() {
            let line: Vec<String> = r
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
                .collect();
            out.push_str(line.join("  ").trim_end());
            out.push('\n');
            if k == 0 {
                let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
                out.push_str(&rule.join("  "));
                out.push('\n');
            }
        }
        out
    }

    /// Prints to standard output; a closed pipe (`| head`) ends the output quietly.
    pub fn print(&self) {
        use std::io::Write;
        let _ = std::io::stdout().lock().write_all(self.render().as_bytes());
    }
}

/// Prints why a query failed and gives the exit status: 2 for a bad parameter (a usage error),
/// 1 for an unknown or ambiguous name, or a store error (returned as an error).
pub fn query_failed(e: QueryError) -> anyhow::Result<ExitCode> {
    match e {
        QueryError::BadParameter { .. } => {
            eprintln!("sitrep: error: {e}");
            Ok(ExitCode::from(2))
        }
        QueryError::NotFound { .. } | QueryError::Ambiguous { .. } => {
            eprintln!("sitrep: error: {e}");
            Ok(ExitCode::FAILURE)
        }
        QueryError::Store(e) => Err(e.into()),
    }
}

/// Names joined for a cell.
pub fn names(v: &[store::Named]) -> String {
    v.iter().map(|n| n.name.as_str()).collect::<Vec<_>>().join(", ")
}

pub fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::Table;

    #[test]
    fn tables_pad_and_cut() {
        let check = |rows: &[&[&str]], max: usize, expect: &str| {
            let mut t = Table::new(&["a", "bb"]).max_width(max);
            for r in rows {
                t.row(r.iter().map(|s| s.to_string()).collect());
            }
            assert_eq!(t.render(), expect);
        };
        check(&[&["x", "y"]], 10, "a  bb\n-  --\nx  y\n");
        check(&[&["long cell", "z"]], 10, "a          bb\n---------  --\nlong cell  z\n");
        check(&[&["abcdefgh", "z"]], 5, "a      bb\n-----  --\nabcd…  z\n");
        check(&[&["tab\there"]], 20, "a         bb\n--------  --\ntab here\n");
        check(&[&["only"]], 20, "a     bb\n----  --\nonly\n");
    }
}

/// The columns of an event in a table: date, category, mode, actors, recipients, place, reports.
pub const EVENT_COLUMNS: [&str; 7] =
    ["date", "category", "mode", "actors", "recipients", "place", "reports"];

/// An event's cells under [`EVENT_COLUMNS`].
pub fn event_cells(e: &store::EventRow) -> Vec<String> {
    vec![
        e.date.clone().unwrap_or_else(|| "undated".into()),
        e.category.clone(),
        opt(&e.mode),
        names(&e.actors),
        names(&e.recipients),
        e.place.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
        e.reports.to_string(),
    ]
}

/// Paging and output options shared by the listing commands.
#[derive(Debug, clap::Args)]
pub struct Paging {
    /// At most this many rows.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// Skip this many rows first.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}
