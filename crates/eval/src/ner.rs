//! `sitrep eval ner`: entity recognition against CoNLL-2003 (IOB1/IOB2) and CoNLL++, WikiANN,
//! GUM news and the seed example.
//!
//! Type mapping to CoNLL's four classes: PERSON -> PER, ORG -> ORG, GPE and LOC -> LOC, NORP ->
//! MISC, and the recognizer's other CoNLL-style names (events, products, ...; `NerType::Misc`,
//! which sitrep does not report as mentions) -> MISC. The summary also gives `product_f1`: the
//! score when those other names are dropped, i.e. of the mentions sitrep actually reports.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use analyze::ner::{NerType, Recognizer};
use types::{EntityType, MentionLabel};

use crate::conll::{self, Doc, chunks};
use crate::{EvalError, Prf, Report, Table, gum, read_to_string};

/// Which gold sets to score against (any combination).
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub conll: Vec<PathBuf>,
    pub seed: Option<PathBuf>,
    pub wikiann: Option<PathBuf>,
    pub gum: Option<PathBuf>,
    /// Write the first CoNLL set's tokens with gold and predicted tags here.
    pub dump: Option<PathBuf>,
}

pub fn run(opts: &Options, rec: &Recognizer) -> Result<Vec<Report>, EvalError> {
    let mut reports = Vec::new();
    for (k, path) in opts.conll.iter().enumerate() {
        let docs = conll::read_conll(path)?;
        reports.push(conll_report(&set_name(path), &docs, rec, false));
        if k == 0
            && let Some(out) = &opts.dump
        {
            std::fs::write(out, dump_conll(&docs, rec)).map_err(|e| EvalError::io(out, e))?;
        }
    }
    if let Some(path) = &opts.wikiann {
        let docs = conll::read_wikiann(path)?;
        reports.push(conll_report("wikiann-test", &docs, rec, true));
    }
    if let Some(path) = &opts.gum {
        reports.push(gum_report(path, rec)?);
    }
    if let Some(dir) = &opts.seed {
        reports.push(seed_report(dir, rec)?);
    }
    if reports.is_empty() {
        return Err(EvalError::format(".", "give --conll, --wikiann, --gum or --seed"));
    }
    Ok(reports)
}

/// A readable name for a CoNLL file.
fn set_name(path: &Path) -> String {
    let p = path.to_string_lossy().to_lowercase();
    let file = path.file_name().map(|f| f.to_string_lossy().to_lowercase()).unwrap_or_default();
    if p.contains("conllpp") {
        "conllpp-test".into()
    } else if file == "test.txt" || file == "eng.testb" {
        "conll2003-test".into()
    } else if file == "valid.txt" || file == "eng.testa" {
        "conll2003-dev".into()
    } else if file == "train.txt" || file == "eng.train" {
        "conll2003-train".into()
    } else {
        path.file_stem().map_or_else(|| "conll".into(), |s| s.to_string_lossy().into_owned())
    }
}

/// The documents' tokens as `token gold predicted` lines (a blank line after each sentence, a
/// `-DOCSTART-` line before each document), for error analysis with conlleval-style tools.
pub fn dump_conll(docs: &[Doc], rec: &Recognizer) -> String {
    let mut out = String::new();
    for d in docs {
        let (tokens, sents) = token_sentences(d);
        let ents = rec.tag_document(&tokens, &sents);
        let mut pred = vec![String::from("O"); tokens.len()];
        for e in &ents {
            for (k, p) in pred[e.start..e.end].iter_mut().enumerate() {
                *p = format!("{}-{}", if k == 0 { "B" } else { "I" }, e.ty.conll());
            }
        }
        out.push_str("-DOCSTART-\n\n");
        for (s, sent) in sents.iter().zip(&d.sentences) {
            for (i, tok) in sent.tokens.iter().enumerate() {
                out.push_str(&format!("{tok} {} {}\n", sent.tags[i], pred[s.0 + i]));
            }
            out.push('\n');
        }
    }
    out
}

/// A document's tokens and sentence token ranges.
fn token_sentences(doc: &Doc) -> (Vec<&str>, Vec<(usize, usize)>) {
    let mut tokens: Vec<&str> = Vec::with_capacity(doc.token_count());
    let mut sents = Vec::with_capacity(doc.sentences.len());
    for s in &doc.sentences {
        let a = tokens.len();
        tokens.extend(s.tokens.iter().map(String::as_str));
        sents.push((a, tokens.len()));
    }
    (tokens, sents)
}

/// Exact-span scores per CoNLL class and overall, as conlleval computes them.
#[derive(Debug, Clone, Default)]
pub struct ConllScores {
    pub by_type: BTreeMap<String, Prf>,
    pub overall: Prf,
    /// Overall when the recognizer's non-NORP MISC names are dropped.
    pub product: Prf,
    pub tokens: usize,
    pub seconds: f64,
}

/// Tags every document and scores it. With `no_misc`, MISC is neither gold nor predicted
/// (WikiANN has only PER, ORG and LOC).
pub fn conll_scores(docs: &[Doc], rec: &Recognizer, no_misc: bool) -> ConllScores {
    let mut sc = ConllScores::default();
    for doc in docs {
        let (tokens, sents) = token_sentences(doc);
        let t0 = Instant::now();
        let ents = rec.tag_document(&tokens, &sents);
        sc.seconds += t0.elapsed().as_secs_f64();
        sc.tokens += tokens.len();
        // Gold and predicted chunks as (doc token start, end, class).
        let mut gold: Vec<(usize, usize, String)> = Vec::new();
        for (s, &(a, _)) in doc.sentences.iter().zip(&sents) {
            for c in chunks(&s.tags) {
                if !(no_misc && c.kind == "MISC") {
                    gold.push((a + c.start, a + c.end, c.kind));
                }
            }
        }
        let mut pred: Vec<(usize, usize, String, bool)> = ents
            .iter()
            .filter(|e| !(no_misc && e.ty.conll() == "MISC"))
            .map(|e| (e.start, e.end, e.ty.conll().to_string(), e.ty != NerType::Misc))
            .collect();
        gold.sort();
        pred.sort();
        count(&gold, &pred, &mut sc, false);
        let product: Vec<_> = pred.iter().filter(|p| p.3).cloned().collect();
        count(&gold, &product, &mut sc, true);
    }
    sc
}

fn count(
    gold: &[(usize, usize, String)],
    pred: &[(usize, usize, String, bool)],
    sc: &mut ConllScores,
    product: bool,
) {
    let mut tp = 0;
    for p in pred {
        let hit =
            gold.binary_search_by(|g| (g.0, g.1, g.2.as_str()).cmp(&(p.0, p.1, p.2.as_str())));
        if hit.is_ok() {
            tp += 1;
            if !product {
                sc.by_type.entry(p.2.clone()).or_default().tp += 1;
            }
        } else if !product {
            sc.by_type.entry(p.2.clone()).or_default().fp += 1;
        }
    }
    if !product {
        for g in gold {
            let hit = pred.iter().any(|p| p.0 == g.0 && p.1 == g.1 && p.2 == g.2);
            if !hit {
                sc.by_type.entry(g.2.clone()).or_default().fn_ += 1;
            }
        }
    }
    let target = if product { &mut sc.product } else { &mut sc.overall };
    target.add(Prf::new(tp, pred.len() - tp, gold.len() - tp));
}

fn conll_report(set: &str, docs: &[Doc], rec: &Recognizer, no_misc: bool) -> Report {
    let sc = conll_scores(docs, rec, no_misc);
    let mut r = Report::new("ner", set);
    r.line(format!(
        "ner on {set}: {} documents, {} tokens; exact-span scores as conlleval computes them",
        docs.len(),
        sc.tokens
    ));
    r.line(
        "types mapped: PERSON->PER, ORG->ORG, GPE and LOC->LOC, NORP->MISC, other names (events, products; not reported as sitrep mentions)->MISC",
    );
    if no_misc {
        r.line("WikiANN has no MISC class: MISC and NORP predictions are not scored");
    }
    let mut t = Table::prf();
    for (k, v) in &sc.by_type {
        t.prf_row(k, v);
    }
    t.prf_row("overall", &sc.overall);
    if !no_misc {
        t.prf_row("product", &sc.product);
    }
    r.table(&t);
    if !no_misc {
        r.line("product: overall without the non-NORP MISC names sitrep does not report");
    }
    let wps = if sc.seconds > 0.0 { sc.tokens as f64 / sc.seconds } else { 0.0 };
    r.line(format!("tagging speed: {wps:.0} tokens/s (pre-tokenised, one thread)"));
    sc.overall.put(&mut r.summary, "");
    for (k, v) in &sc.by_type {
        r.set(&format!("{}_f1", k.to_lowercase()), crate::score::round4(v.f1()));
    }
    if !no_misc {
        r.set("product_f1", crate::score::round4(sc.product.f1()));
    }
    r.set("tokens", sc.tokens);
    r
}

/// GUM's type for a sitrep entity type (NORP has no GUM counterpart and is not scored).
fn gum_type(t: EntityType) -> Option<&'static str> {
    match t {
        EntityType::Person => Some("person"),
        EntityType::Org => Some("organization"),
        EntityType::Gpe | EntityType::Loc => Some("place"),
        EntityType::Norp => None,
    }
}

fn gum_report(dir: &Path, rec: &Recognizer) -> Result<Report, EvalError> {
    let docs = gum::read_dir(dir)?;
    let mut by_type: BTreeMap<String, Prf> = BTreeMap::new();
    let mut overall = Prf::default();
    for d in &docs {
        let seg = analyze::text::segment(&d.text, &[]);
        let mentions = rec.recognize(&d.text, &seg);
        let pred: Vec<(usize, usize, &str)> = mentions
            .iter()
            .filter_map(|m| {
                let t = m.label.entity_type().and_then(gum_type)?;
                Some((m.span.start, m.span.end, t))
            })
            .collect();
        let gold: Vec<(usize, usize, &str)> =
            d.mentions.iter().map(|m| (m.start, m.end, m.kind.as_str())).collect();
        for p in &pred {
            let e = by_type.entry(p.2.to_string()).or_default();
            if gold.contains(p) {
                e.tp += 1;
                overall.tp += 1;
            } else {
                e.fp += 1;
                overall.fp += 1;
            }
        }
        for g in &gold {
            if !pred.contains(g) {
                by_type.entry(g.2.to_string()).or_default().fn_ += 1;
                overall.fn_ += 1;
            }
        }
    }
    let mut r = Report::new("ner", "gum-news");
    r.line(format!(
        "ner on GUM news: {} documents, named person/organization/place mentions (head PROPN, title and determiner trimmed); exact byte spans",
        docs.len()
    ));
    r.line("types mapped: PERSON->person, ORG->organization, GPE and LOC->place; NORP not scored");
    let mut t = Table::prf();
    for (k, v) in &by_type {
        t.prf_row(k, v);
    }
    t.prf_row("overall", &overall);
    r.table(&t);
    overall.put(&mut r.summary, "");
    for (k, v) in &by_type {
        r.set(&format!("{k}_f1"), crate::score::round4(v.f1()));
    }
    Ok(r)
}

/// One gold mention of the seed's `mentions.tsv`.
struct SeedMention {
    start: usize,
    end: usize,
    class: String,
    text: String,
}

fn place_class(t: &str) -> String {
    match t {
        "GPE" | "LOC" => "PLACE".into(),
        t => t.to_string(),
    }
}

fn read_seed(dir: &Path) -> Result<(String, Vec<SeedMention>), EvalError> {
    let text = read_to_string(&dir.join("article.txt"))?;
    let path = dir.join("mentions.tsv");
    let tsv = read_to_string(&path)?;
    let mut gold = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let bad =
            || EvalError::format(&path, format!("line {}: expected start, end, type, text", n + 1));
        if cols.len() < 4 {
            return Err(bad());
        }
        let start: usize = cols[0].parse().map_err(|_| bad())?;
        let end: usize = cols[1].parse().map_err(|_| bad())?;
        if text.get(start..end) != Some(cols[3]) {
            return Err(EvalError::format(
                &path,
                format!("line {}: span does not match the article", n + 1),
            ));
        }
        gold.push(SeedMention {
            start,
            end,
            class: place_class(cols[2]),
            text: cols[3].to_string(),
        });
    }
    Ok((text, gold))
}

fn seed_report(dir: &Path, rec: &Recognizer) -> Result<Report, EvalError> {
    let (text, gold) = read_seed(dir)?;
    let seg = analyze::text::segment(&text, &[]);
    let mentions = rec.recognize(&text, &seg);
    let pred: Vec<(usize, usize, String)> = mentions
        .iter()
        .filter(|m| m.label != MentionLabel::Title)
        .map(|m| (m.span.start, m.span.end, place_class(m.label.as_str())))
        .collect();
    let mut by_type: BTreeMap<String, Prf> = BTreeMap::new();
    let mut overall = Prf::default();
    let mut r = Report::new("ner", "seed");
    let mut errors = Vec::new();
    for p in &pred {
        let hit = gold.iter().any(|g| g.start == p.0 && g.end == p.1 && g.class == p.2);
        let e = by_type.entry(p.2.clone()).or_default();
        if hit {
            e.tp += 1;
            overall.tp += 1;
        } else {
            e.fp += 1;
            overall.fp += 1;
            errors.push(format!("  false positive {} {:?} at {}", p.2, &text[p.0..p.1], p.0));
        }
    }
    for g in &gold {
        if !pred.iter().any(|p| g.start == p.0 && g.end == p.1 && g.class == p.2) {
            by_type.entry(g.class.clone()).or_default().fn_ += 1;
            overall.fn_ += 1;
            errors.push(format!("  missed {} {:?} at {}", g.class, g.text, g.start));
        }
    }
    let haftar_gold = gold.iter().filter(|g| g.text.contains("Haftar")).count();
    let haftar = gold
        .iter()
        .filter(|g| g.text.contains("Haftar"))
        .filter(|g| pred.iter().any(|p| p.0 == g.start && p.1 == g.end && p.2 == "PERSON"))
        .count();
    let title_only = mentions
        .iter()
        .filter(|m| matches!(m.label, MentionLabel::Person | MentionLabel::Org))
        .filter(|m| rec.is_title_only(&m.text))
        .count();
    r.line(format!(
        "ner on the seed article: {} gold mentions, exact span + type (GPE and LOC as PLACE)",
        gold.len()
    ));
    let mut t = Table::prf();
    for (k, v) in &by_type {
        t.prf_row(k, v);
    }
    t.prf_row("overall", &overall);
    r.table(&t);
    for e in &errors {
        r.line(e);
    }
    let titles: Vec<String> = mentions
        .iter()
        .filter(|m| m.label == MentionLabel::Title)
        .map(|m| {
            let q =
                m.qualifies.and_then(|i| mentions.get(i as usize)).map_or("-", |p| p.text.as_str());
            format!("{} -> {q}", m.text)
        })
        .collect();
    r.line(format!("titles: {}", titles.join("; ")));
    r.line(format!(
        "Haftar as PERSON: {haftar} of {haftar_gold}; title-only PERSON/ORG: {title_only}"
    ));
    overall.put(&mut r.summary, "");
    for (k, v) in &by_type {
        r.set(&format!("{}_f1", k.to_lowercase()), crate::score::round4(v.f1()));
    }
    r.set("haftar_person", haftar);
    r.set("haftar_gold", haftar_gold);
    r.set("title_only_names", title_only);
    Ok(r)
}
