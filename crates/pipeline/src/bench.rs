//! `sitrep bench`: the whole pipeline on one thread over a JSON Lines corpus; words per second
//! per stage and peak resident memory.

use std::path::Path;
use std::time::{Duration, Instant};

use analyze::{Analyzer, Stage, StageTimes};
use extract::Outcome;
use types::Document;

/// What to measure.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    /// Stop taking articles once this many whitespace words are taken (as the spaCy anchor does).
    pub max_words: usize,
    /// Timed runs over the same articles; the median is reported.
    pub runs: usize,
}

impl Default for BenchOptions {
    fn default() -> BenchOptions {
        BenchOptions { max_words: 200_000, runs: 3 }
    }
}

/// The figures of one benchmark.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct BenchReport {
    pub corpus: String,
    pub articles: usize,
    pub words: usize,
    pub runs: usize,
    /// Words per second of the whole analysis (all stages plus cross-document keys), median,
    /// by the wall clock.
    pub words_per_second: f64,
    /// The same, by the CPU time of the benchmark's thread (robust when other processes share
    /// the cores; equal to the wall-clock figure on an idle machine).
    pub cpu_words_per_second: f64,
    /// Words per second up to and including entity recognition (segmentation + NER), median.
    pub through_entities_wps: f64,
    /// The same on CPU time: the stages' share of the run applied to the thread's CPU time.
    pub cpu_through_entities_wps: f64,
    /// Share of analysis time per stage, in pipeline order, from the median run.
    pub stage_seconds: Vec<(String, f64)>,
    /// Words per second of extraction (JSON parsing, language check), measured once.
    pub extract_wps: f64,
    /// Time to load the embedded models.
    pub model_load_seconds: f64,
    pub peak_rss_bytes: Option<u64>,
    pub mentions: usize,
    pub timexes: usize,
    pub events: usize,
}

/// Peak resident set size of this process (Linux `VmHWM`), if the platform tells.
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Runs the benchmark. Errors name the corpus.
pub fn bench(corpus: &Path, opts: &BenchOptions) -> Result<BenchReport, String> {
    let t0 = Instant::now();
    let analyzer = Analyzer::embedded().map_err(|e| e.to_string())?;
    let model_load = t0.elapsed();

    let t0 = Instant::now();
    let mut docs: Vec<Document> = Vec::new();
    let mut words = 0usize;
    for item in extract::open(corpus, &extract::Options::default()) {
        if words >= opts.max_words {
            break;
        }
        match item {
            Ok(Outcome::Article(doc)) => {
                words += doc.text.split_whitespace().count();
                docs.push(*doc);
            }
            Ok(Outcome::Skipped { .. }) => {}
            Err(e) => return Err(e.to_string()),
        }
    }
    let extract_time = t0.elapsed();
    if docs.is_empty() {
        return Err(format!("{}: no articles", corpus.display()));
    }

    // Warm up caches, then time each run.
    for doc in docs.iter().take(20) {
        std::hint::black_box(analyzer.analyze(doc));
    }
    let runs = opts.runs.max(1);
    let mut results: Vec<(Duration, Duration, StageTimes)> = Vec::with_capacity(runs);
    let (mut mentions, mut timexes, mut events) = (0, 0, 0);
    for _ in 0..runs {
        let mut times = StageTimes::default();
        let t = Instant::now();
        let cpu = cpu_time::ThreadTime::try_now().ok();
        let (mut m, mut tx, mut ev) = (0, 0, 0);
        for doc in &docs {
            let mut a = analyzer.analyze_timed(doc, &mut times);
            resolve::assign_keys(doc, &mut a);
            m += a.mentions.len();
            tx += a.timexes.len();
            ev += a.events.len();
            std::hint::black_box(&a);
        }
        let wall = t.elapsed();
        let cpu = cpu.map_or(wall, |c| c.elapsed());
        results.push((wall, cpu, times));
        (mentions, timexes, events) = (m, tx, ev);
    }
    results.sort_by_key(|(d, _, _)| *d);
    let (total, _, times) = results[results.len() / 2];
    let secs = total.as_secs_f64().max(1e-9);
    let mut cpu: Vec<Duration> = results.iter().map(|(_, c, _)| *c).collect();
    cpu.sort();
    let cpu_secs = cpu[cpu.len() / 2].as_secs_f64().max(1e-9);
    let through_entities =
        (times.get(Stage::Segment) + times.get(Stage::Entities)).as_secs_f64().max(1e-9);
    Ok(BenchReport {
        corpus: corpus.display().to_string(),
        articles: docs.len(),
        words,
        runs,
        words_per_second: words as f64 / secs,
        cpu_words_per_second: words as f64 / cpu_secs,
        through_entities_wps: words as f64 / through_entities,
        cpu_through_entities_wps: words as f64 / (through_entities * cpu_secs / secs),
        stage_seconds: Stage::ALL
            .iter()
            .map(|&s| (s.name().to_string(), times.get(s).as_secs_f64()))
            .chain([("resolve+other".to_string(), total.saturating_sub(sum(&times)).as_secs_f64())])
            .collect(),
        extract_wps: words as f64 / extract_time.as_secs_f64().max(1e-9),
        model_load_seconds: model_load.as_secs_f64(),
        peak_rss_bytes: peak_rss_bytes(),
        mentions,
        timexes,
        events,
    })
}

fn sum(t: &StageTimes) -> Duration {
    Stage::ALL.iter().map(|&s| t.get(s)).sum()
}
