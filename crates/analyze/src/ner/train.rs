//! Training: the two passes of the tagger with the averaged perceptron, the second pass on
//! first-pass tags obtained by cross-validation (jackknifing) so that it learns how far to trust
//! them. Pure and deterministic: same documents, options and lexicon give the same model.

use rustc_hash::FxHashMap;

use super::features::{
    Context, Counts, Pass2, boundary_features, context_features, word_features, word_info,
};
use super::hash::{Rng, lower};
use super::labels::{Class, NTAGS, O, Tag, class_slot, closed, from_spans, spans};
use super::lexicon::{Lexicon, LexiconSource, NameList, U64Map};
use super::model::{Model, Weights};
use super::perceptron::Perceptron;
use super::tagger::{
    DocState, PrepScratch, best_tag, ends_before, fill_facts, must_score, pass2_facts, tracked,
};

/// A training document: tokens, sentence token ranges and gold entity spans per sentence.
#[derive(Debug, Clone, Default)]
pub struct TrainDoc {
    pub tokens: Vec<String>,
    pub sents: Vec<(usize, usize)>,
    /// Gold entities as document token ranges.
    pub entities: Vec<(usize, usize, Class)>,
}

/// Training options.
#[derive(Debug, Clone)]
pub struct Options {
    pub epochs1: usize,
    pub epochs2: usize,
    /// Folds for the cross-validated first-pass tags the second pass learns from.
    pub folds: usize,
    pub seed: u64,
    /// Quantised weights below this magnitude are dropped.
    pub prune: i16,
    /// Use the training names as a gazetteer feature (jackknifed in training).
    pub names: bool,
    /// Perceptrons (different shuffles) averaged into each final pass.
    pub ensemble: usize,
    /// Share of features dropped at random from each training example.
    pub dropout: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            epochs1: 12,
            epochs2: 12,
            folds: 5,
            seed: 1,
            prune: 2,
            names: true,
            ensemble: 3,
            dropout: 0.25,
        }
    }
}

/// A document ready for training: prepared state, word features per token and offset, gold.
pub struct Prepared {
    pub doc: DocState,
    /// Word features: token t at offset o is `wf[wf_at[t * 5 + o + 2]..wf_at[t * 5 + o + 3]]`.
    wf: Vec<u64>,
    wf_at: Vec<u32>,
    pub gold: Vec<Tag>,
}

/// Folds of the training names: a document's name features come from the other folds.
const NAME_FOLDS: usize = 5;

/// Prepares training documents; document `d` sees the names of `names[d % names.len()]`.
pub fn prepare(docs: &[TrainDoc], lex: &Lexicon, names: &[NameList]) -> Vec<Prepared> {
    let mut tmp = PrepScratch::default();
    let empty = NameList::default();
    docs.iter()
        .enumerate()
        .map(|(k, d)| {
            let names = if names.is_empty() { &empty } else { &names[k % names.len()] };
            let mut doc = DocState::default();
            let mut wf = Vec::new();
            let mut wf_at = vec![0u32];
            for t in &d.tokens {
                let w = word_info(t, lex);
                for o in -2..=2 {
                    word_features(&w, o, &mut wf);
                    wf_at.push(wf.len() as u32);
                }
                doc.words.push(w.tok());
            }
            doc.sents = d.sents.clone();
            fill_facts(&mut doc, lex, names, &mut tmp);
            let gold = from_spans(d.tokens.len(), &d.entities);
            Prepared { doc, wf, wf_at, gold }
        })
        .collect()
}

fn boundary_lists() -> [Vec<u64>; 5] {
    let mut out: [Vec<u64>; 5] = Default::default();
    for o in [-2, -1, 1, 2] {
        boundary_features(o, &mut out[(o + 2) as usize]);
    }
    out
}

/// All features of position `i` of sentence `s` in document `p`.
#[allow(clippy::too_many_arguments)]
fn features_at(
    p: &Prepared,
    bounds: &[Vec<u64>; 5],
    s: usize,
    i: usize,
    tags: &[Tag],
    hist: Option<&Counts>,
    p2: Option<&Pass2>,
    out: &mut Vec<u64>,
) {
    let (a, b) = p.doc.sents[s];
    out.clear();
    for o in -2i64..=2 {
        let j = i as i64 + o;
        if j < a as i64 || j >= b as i64 {
            out.extend_from_slice(&bounds[(o + 2) as usize]);
        } else {
            let k = j as usize * 5 + (o + 2) as usize;
            out.extend_from_slice(&p.wf[p.wf_at[k] as usize..p.wf_at[k + 1] as usize]);
        }
    }
    let cx = Context {
        words: &p.doc.words[a..b],
        facts: &p.doc.facts[a..b],
        sent: p.doc.sfacts[s],
        tags: &tags[a..b],
        hist,
        pass2: p2,
        base: a,
    };
    context_features(&cx, i - a, out);
}

/// Runs one pass over a document, with the perceptron learning (`learn`) or only tagging.
#[allow(clippy::too_many_arguments)]
fn run_doc(
    lex: &Lexicon,
    p: &Prepared,
    bounds: &[Vec<u64>; 5],
    pass: usize,
    p2: Option<&Pass2>,
    scorer: &mut Scorer<'_>,
    learn: bool,
    tags: &mut Vec<Tag>,
    dropout: &mut Option<(f64, Rng)>,
) {
    let n = p.doc.words.len();
    tags.clear();
    tags.resize(n, O);
    let mut hist: U64Map<Counts> = U64Map::with_capacity(64);
    let mut feats = Vec::with_capacity(128);
    let zero = [0u16; 5];
    for (s, &(a, b)) in p.doc.sents.iter().enumerate() {
        for i in a..b {
            let w = &p.doc.words[i];
            let mut prev = if i > a { tags[i - 1] } else { O };
            if ends_before(w, prev, i + 1 == b, lex) {
                prev = closed(prev);
                tags[i - 1] = prev;
            }
            if !learn && !must_score(w, prev, lex) {
                tags[i] = O;
                continue;
            }
            let h = if pass == 0 && tracked(w) { hist.get(w.lower) } else { None };
            let hist_ref = if pass == 0 { Some(h.as_ref().unwrap_or(&zero)) } else { None };
            features_at(p, bounds, s, i, tags, hist_ref, p2, &mut feats);
            if learn && let Some((rate, rng)) = dropout.as_mut() {
                // Feature dropout: the model may not lean on any one feature too much.
                let keep = u64::MAX - (*rate * u64::MAX as f64) as u64;
                feats.retain(|_| rng.next_u64() <= keep);
            }
            let mut acc = [0i32; NTAGS];
            scorer.score(&feats, &mut acc);
            let pred = best_tag(&acc, prev, i + 1 == b);
            if learn && let Scorer::Learn(perc) = scorer {
                perc.update(&feats, p.gold[i], pred);
                perc.tick();
            }
            tags[i] = pred;
            if pass == 0 && tracked(w) {
                let slot = class_slot(pred);
                hist.upsert(w.lower, |o| {
                    let mut c = o.unwrap_or([0; 5]);
                    c[slot] = c[slot].saturating_add(1);
                    c
                });
            }
        }
    }
}

enum Scorer<'a> {
    Learn(&'a mut Perceptron),
    Fixed(&'a Weights),
}

impl Scorer<'_> {
    fn score(&self, feats: &[u64], acc: &mut [i32; NTAGS]) {
        match self {
            Scorer::Learn(p) => p.score(feats, acc),
            Scorer::Fixed(w) => {
                *acc = [0; NTAGS];
                for &f in feats {
                    w.add(f, acc);
                }
            }
        }
    }
}

/// How to train one pass.
#[derive(Debug, Clone, Copy)]
struct PassConfig {
    epochs: usize,
    seed: u64,
    prune: i16,
    ensemble: usize,
    dropout: f64,
}

/// Trains one pass over the documents `idx`: `cfg.ensemble` perceptrons on different
/// shuffles, averaged, then quantised.
fn train_pass(
    lex: &Lexicon,
    docs: &[Prepared],
    idx: &[usize],
    pass: usize,
    p2: Option<&[Pass2]>,
    cfg: PassConfig,
) -> Weights {
    let ensemble = cfg.ensemble.max(1);
    let mut acc = FxHashMap::default();
    for m in 0..ensemble {
        let seed = cfg.seed + 1000 * m as u64;
        let perc = train_one(lex, docs, idx, pass, p2, cfg.epochs, seed, cfg.dropout);
        perc.add_averaged(1.0 / ensemble as f64, &mut acc);
    }
    super::perceptron::quantise(&acc, cfg.prune)
}

/// Trains one perceptron for a pass over the documents `idx`.
#[allow(clippy::too_many_arguments)]
fn train_one(
    lex: &Lexicon,
    docs: &[Prepared],
    idx: &[usize],
    pass: usize,
    p2: Option<&[Pass2]>,
    epochs: usize,
    seed: u64,
    dropout: f64,
) -> Perceptron {
    let bounds = boundary_lists();
    let mut perc = Perceptron::new();
    let mut rng = Rng::new(seed);
    let mut drop = (dropout > 0.0).then(|| (dropout, Rng::new(seed ^ 0xd50)));
    let mut order = idx.to_vec();
    let mut tags = Vec::new();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &d in &order {
            let f = p2.map(|x| &x[d]);
            let mut scorer = Scorer::Learn(&mut perc);
            run_doc(lex, &docs[d], &bounds, pass, f, &mut scorer, true, &mut tags, &mut drop);
        }
    }
    perc
}

/// Tags a prepared document with fixed weights through the explicit-feature path.
pub fn tag_explicit(model: &Model, p: &Prepared) -> (Vec<Tag>, Vec<Tag>) {
    let bounds = boundary_lists();
    let mut t1 = Vec::new();
    let mut none = None;
    let mut scorer = Scorer::Fixed(&model.pass1);
    run_doc(&model.lexicon, p, &bounds, 0, None, &mut scorer, false, &mut t1, &mut none);
    let mut f = Pass2::default();
    pass2_facts(&p.doc, &t1, &mut f);
    let mut t2 = Vec::new();
    let mut scorer = Scorer::Fixed(&model.pass2);
    run_doc(&model.lexicon, p, &bounds, 1, Some(&f), &mut scorer, false, &mut t2, &mut none);
    (t1, t2)
}

/// Trains both passes on `docs`.
pub fn train(
    docs: &[TrainDoc],
    lexicon: Lexicon,
    opts: &Options,
    log: &mut dyn FnMut(&str),
) -> Model {
    let folds: Vec<NameList> = if opts.names {
        (0..NAME_FOLDS)
            .map(|f| NameList::new(harvest_names(docs, |d| d % NAME_FOLDS != f)))
            .collect()
    } else {
        Vec::new()
    };
    let prepared = prepare(docs, &lexicon, &folds);
    log(&format!(
        "prepared {} documents, {} tokens",
        prepared.len(),
        prepared.iter().map(|p| p.gold.len()).sum::<usize>()
    ));
    let all: Vec<usize> = (0..prepared.len()).collect();
    // Cross-validated first-pass tags.
    let mut rng = Rng::new(opts.seed ^ 0xf01d);
    let mut shuffled = all.clone();
    rng.shuffle(&mut shuffled);
    let k = opts.folds.max(2);
    let cfg1 = PassConfig {
        epochs: opts.epochs1,
        seed: opts.seed,
        prune: opts.prune,
        ensemble: opts.ensemble,
        dropout: opts.dropout,
    };
    let mut p2: Vec<Pass2> = vec![Pass2::default(); prepared.len()];
    let bounds = boundary_lists();
    for fold in 0..k {
        let held: Vec<usize> = shuffled.iter().copied().skip(fold).step_by(k).collect();
        let rest: Vec<usize> = shuffled.iter().copied().filter(|d| !held.contains(d)).collect();
        let cfg = PassConfig { seed: opts.seed + fold as u64, ensemble: 1, ..cfg1 };
        let w = train_pass(&lexicon, &prepared, &rest, 0, None, cfg);
        for &d in &held {
            let mut t1 = Vec::new();
            let mut scorer = Scorer::Fixed(&w);
            let mut none = None;
            run_doc(
                &lexicon,
                &prepared[d],
                &bounds,
                0,
                None,
                &mut scorer,
                false,
                &mut t1,
                &mut none,
            );
            pass2_facts(&prepared[d].doc, &t1, &mut p2[d]);
        }
        log(&format!("fold {}/{k}: first pass trained on {} documents", fold + 1, rest.len()));
    }
    let pass1 = train_pass(&lexicon, &prepared, &all, 0, None, cfg1);
    log(&format!("pass 1: {} features", pass1.len()));
    let cfg2 = PassConfig { epochs: opts.epochs2, seed: opts.seed + 100, ..cfg1 };
    let pass2 = train_pass(&lexicon, &prepared, &all, 1, Some(&p2), cfg2);
    log(&format!("pass 2: {} features", pass2.len()));
    let names = NameList::new(harvest_names(docs, |_| true));
    log(&format!("{} training names", names.source.len()));
    Model::new(lexicon, names, pass1, pass2)
}

/// Names (lowercase phrases) of the training documents `which` selects, with their counts per
/// class, sorted.
pub fn harvest_names(docs: &[TrainDoc], which: impl Fn(usize) -> bool) -> Vec<(String, [u16; 4])> {
    let mut counts: FxHashMap<String, [u16; 4]> = FxHashMap::default();
    for (k, d) in docs.iter().enumerate() {
        if !which(k) {
            continue;
        }
        for &(s, e, c) in &d.entities {
            if e - s > super::lexicon::MAX_PHRASE {
                continue;
            }
            let name = d.tokens[s..e].iter().map(|t| lower(t)).collect::<Vec<_>>().join(" ");
            let slot = &mut counts.entry(name).or_default()[c as usize];
            *slot = slot.saturating_add(1);
        }
    }
    let mut out: Vec<(String, [u16; 4])> = counts.into_iter().collect();
    out.sort();
    out
}

/// Capitalisation statistics of unlabelled sentences: for each lowercase form, counts of
/// capitalised and lowercase occurrences after the first token of sentences that are not all
/// caps, and the total count.
pub fn cap_stats<S: AsRef<str>>(sentences: &[Vec<S>]) -> Vec<(String, u8)> {
    let mut counts: FxHashMap<String, [u64; 3]> = FxHashMap::default();
    for s in sentences {
        let all_caps = s.len() > 1
            && s.iter().all(|t| {
                let t = t.as_ref();
                !t.chars().any(char::is_lowercase)
            });
        for (i, t) in s.iter().enumerate() {
            let t = t.as_ref();
            if !t.chars().any(char::is_alphabetic) {
                continue;
            }
            let e = counts.entry(lower(t)).or_default();
            e[2] += 1;
            if i == 0 || all_caps {
                continue;
            }
            if t.chars().next().is_some_and(char::is_uppercase) {
                e[0] += 1;
            } else if t.chars().all(|c| !c.is_uppercase()) {
                e[1] += 1;
            }
        }
    }
    let mut out: Vec<(String, u8)> = counts
        .into_iter()
        .filter(|(_, c)| c[2] >= 2)
        .map(|(w, c)| (w, super::lexicon::cap_bin(c[0], c[1], c[2])))
        .collect();
    out.sort();
    out
}

/// The phrases sitrep knows without data: non-polity region names.
pub fn builtin_phrases() -> Vec<(String, u32)> {
    super::words::REGIONS
        .iter()
        .map(|r| (r.to_string(), 1 << super::lexicon::cat::REGION))
        .collect()
}

/// Assembles a lexicon source (sorted, deduplicated).
pub fn lexicon_source(
    clusters: Vec<(String, [u16; 3])>,
    caps: Vec<(String, u8)>,
    phrases: Vec<(String, u32)>,
) -> LexiconSource {
    let mut clusters = clusters;
    clusters.sort();
    clusters.dedup_by(|a, b| a.0 == b.0);
    let mut merged: FxHashMap<String, u32> = FxHashMap::default();
    for (p, bits) in phrases {
        let key = p.split_whitespace().map(lower).collect::<Vec<_>>().join(" ");
        if !key.is_empty() {
            *merged.entry(key).or_default() |= bits;
        }
    }
    let mut phrases: Vec<(String, u32)> = merged.into_iter().collect();
    phrases.sort();
    LexiconSource { clusters, caps, phrases }
}

/// Entity spans (document token ranges) of the tags of a prepared document.
pub fn doc_spans(doc: &DocState, tags: &[Tag]) -> Vec<(usize, usize, Class)> {
    let mut out = Vec::new();
    for &(a, b) in &doc.sents {
        for (s, e, c) in spans(&tags[a..b]) {
            out.push((a + s, a + e, c));
        }
    }
    out
}
