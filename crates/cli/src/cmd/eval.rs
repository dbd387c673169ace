//! `sitrep eval TASK`: each task prints readable tables, then one JSON summary as its last line.
//! `--min-*` bars make the command exit with status 3 when a headline score falls below them.

use std::path::PathBuf;
use std::process::ExitCode;

use analyze::Analyzer;
use analyze::ner::Recognizer;
use anyhow::Context as _;
use eval::Report;

#[derive(clap::Subcommand)]
pub enum Task {
    /// Entity recognition: exact-span P/R/F1 per type (conlleval), on CoNLL, WikiANN, GUM, seed.
    Ner {
        /// CoNLL file(s), IOB1 or IOB2.
        #[arg(long)]
        conll: Vec<PathBuf>,
        /// The seed example folder (article.txt, mentions.tsv).
        #[arg(long)]
        seed: Option<PathBuf>,
        /// WikiANN test file.
        #[arg(long)]
        wikiann: Option<PathBuf>,
        /// GUM news folder.
        #[arg(long)]
        gum: Option<PathBuf>,
        /// Exit with status 3 if the first set's overall F1 is below this.
        #[arg(long)]
        min_f1: Option<f64>,
        /// Score this model file (from `sitrep train ner`) instead of the embedded one.
        #[arg(long)]
        model: Option<PathBuf>,
        /// Write the first CoNLL set's tokens with gold and predicted tags here.
        #[arg(long)]
        dump: Option<PathBuf>,
    },
    /// Time expressions: TempEval-3 scores on TimeML, and the seed's dates.
    Time {
        #[arg(long)]
        timeml: Option<PathBuf>,
        #[arg(long)]
        seed: Option<PathBuf>,
        /// Exit with status 3 if value F1 is below this.
        #[arg(long)]
        min_value_f1: Option<f64>,
        /// Exit with status 3 if relaxed span F1 is below this.
        #[arg(long)]
        min_relaxed_f1: Option<f64>,
    },
    /// Entity resolution on the seed example.
    Resolve {
        #[arg(long)]
        seed: PathBuf,
        /// Start from the gold mentions (mentions.tsv) instead of the recogniser's.
        #[arg(long)]
        gold_mentions: bool,
    },
    /// Within-document coreference on GUM news (MUC, B3, CEAF-e, CoNLL-2012 average).
    Coref {
        #[arg(long)]
        gum: PathBuf,
        /// Start from GUM's gold mentions instead of the recogniser's.
        #[arg(long)]
        gold_mentions: bool,
        /// Exit with status 3 if the CoNLL-2012 average is below this.
        #[arg(long)]
        min_conll: Option<f64>,
    },
    /// Events: the seed example and the PLOVER gold-standard records.
    Events {
        #[arg(long)]
        seed: Option<PathBuf>,
        #[arg(long)]
        plover: Option<PathBuf>,
    },
    /// Relations on re3d.
    Relations {
        #[arg(long)]
        re3d: PathBuf,
    },
}

/// Prints each report (tables, then its JSON summary line).
fn print(reports: &[Report]) {
    for r in reports {
        print!("{}", r.text);
        println!("{}", r.summary_line());
    }
}

/// Status 3 when `key` of the first report that has it is below `bar`.
fn gate(reports: &[Report], key: &str, bar: Option<f64>) -> ExitCode {
    let Some(bar) = bar else { return ExitCode::SUCCESS };
    let value = reports.iter().find_map(|r| r.summary.get(key).and_then(|v| v.as_f64()));
    match value {
        Some(v) if v >= bar => ExitCode::SUCCESS,
        Some(v) => {
            eprintln!("sitrep: {key} {v:.4} is below the bar {bar:.4}");
            ExitCode::from(3)
        }
        None => {
            eprintln!("sitrep: no {key} to check against the bar {bar:.4}");
            ExitCode::from(3)
        }
    }
}

pub fn run(task: Task) -> anyhow::Result<ExitCode> {
    let analyzer = Analyzer::embedded()?;
    let code = match task {
        Task::Ner { conll, seed, wikiann, gum, min_f1, model, dump } => {
            let loaded = match &model {
                Some(path) => {
                    let bytes = std::fs::read(path)
                        .with_context(|| format!("reading {}", path.display()))?;
                    let rec = Recognizer::from_gz(&bytes, "the --model file")
                        .with_context(|| format!("loading {}", path.display()))?;
                    Some(rec)
                }
                None => None,
            };
            let rec = loaded.as_ref().unwrap_or_else(|| analyzer.recognizer());
            let opts = eval::ner::Options { conll, seed, wikiann, gum, dump };
            let reports = eval::ner::run(&opts, rec)?;
            print(&reports);
            gate(&reports, "f1", min_f1)
        }
        Task::Time { timeml, seed, min_value_f1, min_relaxed_f1 } => {
            let reports = eval::time::run(&eval::time::Options { timeml, seed }, &analyzer)?;
            print(&reports);
            let a = gate(&reports, "value_f1", min_value_f1);
            let b = gate(&reports, "relaxed_f1", min_relaxed_f1);
            if a != ExitCode::SUCCESS { a } else { b }
        }
        Task::Resolve { seed, gold_mentions } => {
            let opts = eval::resolve::Options { seed: Some(seed), gum: None, gold_mentions };
            let reports = eval::resolve::run_resolve(&opts, &analyzer)?;
            print(&reports);
            ExitCode::SUCCESS
        }
        Task::Coref { gum, gold_mentions, min_conll } => {
            let opts = eval::resolve::Options { seed: None, gum: Some(gum), gold_mentions };
            let reports = eval::resolve::run_coref(&opts, &analyzer)?;
            print(&reports);
            gate(&reports, "conll_f1", min_conll)
        }
        Task::Events { seed, plover } => {
            let opts = eval::events::Options { seed, plover, re3d: None };
            let reports = eval::events::run_events(&opts, &analyzer)?;
            print(&reports);
            ExitCode::SUCCESS
        }
        Task::Relations { re3d } => {
            let opts = eval::events::Options { seed: None, plover: None, re3d: Some(re3d) };
            let reports = eval::events::run_relations(&opts, &analyzer)?;
            print(&reports);
            ExitCode::SUCCESS
        }
    };
    Ok(code)
}
