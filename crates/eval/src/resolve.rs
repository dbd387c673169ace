//! `sitrep eval resolve` (the seed's 25 gold entities, its titles, cluster precision and recall
//! over mentions) and `sitrep eval coref` (GUM news person, organisation and place chains:
//! MUC, B-cubed, CEAF-e and their average, the CoNLL-2012 score; entity linking against GUM's
//! Wikipedia identities where the gazetteer covers them).
//!
//! Both can start from gold mentions (`Options::gold_mentions`: the seed's `mentions.tsv`, GUM's
//! annotated mentions) so that resolution is measured apart from recognition, or from the
//! recogniser's own mentions.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use analyze::Analyzer;
use analyze::text::{self, Segmentation};
use serde_json::Value;
use types::{Document, Mention, MentionKind, MentionLabel, PublicationDate, Span};

use crate::corefscore::{self, Cluster, Counts};
use crate::score::round4;
use crate::{EvalError, Report, Table, read_to_string};

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub seed: Option<PathBuf>,
    pub gum: Option<PathBuf>,
    /// Start from the gold mentions instead of the recogniser's.
    pub gold_mentions: bool,
}

fn label_of(s: &str) -> Option<MentionLabel> {
    Some(match s {
        "PERSON" | "person" => MentionLabel::Person,
        "ORG" | "organization" => MentionLabel::Org,
        "GPE" | "place" => MentionLabel::Gpe,
        "LOC" => MentionLabel::Loc,
        "NORP" => MentionLabel::Norp,
        _ => return None,
    })
}

fn document(source: &str, text: String, published: Option<PublicationDate>) -> Document {
    Document {
        id: Document::compute_id(source, &text),
        source: source.to_string(),
        source_id: None,
        url: None,
        title: None,
        published,
        published_source: None,
        language: Some("en".into()),
        text,
        zones: Vec::new(),
        metadata: Default::default(),
    }
}

/// The mentions coreference starts from: gold ones, or the recogniser's.
fn input_mentions(
    analyzer: &Analyzer,
    doc: &Document,
    seg: &Segmentation,
    gold: Option<Vec<Mention>>,
) -> Vec<Mention> {
    match gold {
        Some(g) => g,
        None => analyzer.recognizer().recognize(&doc.text, seg),
    }
}

fn mention(text: &str, span: Span, label: MentionLabel, kind: MentionKind) -> Option<Mention> {
    Some(Mention {
        span,
        text: text.get(span.start..span.end)?.to_string(),
        label,
        kind,
        sentence: 0,
        entity: None,
        qualifies: None,
    })
}

// ---------------------------------------------------------------------------------------------
// Seed

struct GoldEntity {
    id: String,
    name: String,
    forms: Vec<String>,
    container: Option<String>,
}

/// A gold mention: its span and the gold entities it may belong to (two when the text alone
/// does not decide, like `Moscow` as the city or the state).
struct GoldMention {
    span: Span,
    text: String,
    entities: Vec<usize>,
    named: bool,
}

fn strip_parenthetical(s: &str) -> String {
    match s.find(" (") {
        Some(i) => s[..i].trim().to_string(),
        None => s.trim().to_string(),
    }
}

/// Case-insensitive, word-bounded occurrences of `needle` in `hay`.
fn occurrences(hay: &str, needle: &str) -> Vec<Span> {
    let (h, n) = (hay.to_lowercase(), needle.to_lowercase());
    if n.is_empty() || h.len() != hay.len() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = h[from..].find(&n) {
        let s = from + i;
        let e = s + n.len();
        let before_ok = h[..s].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after_ok = h[e..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before_ok && after_ok {
            out.push(Span::new(s, e));
        }
        from = s + n.len().max(1);
    }
    out
}

/// A named gold mention of the seed: span, type, surface.
type Named = (Span, MentionLabel, String);

fn read_seed(dir: &Path) -> Result<(String, Value, Vec<Named>), EvalError> {
    let text = read_to_string(&dir.join("article.txt"))?;
    let expected_path = dir.join("expected.json");
    let expected: Value = serde_json::from_str(&read_to_string(&expected_path)?)
        .map_err(|e| EvalError::format(&expected_path, e.to_string()))?;
    let tsv_path = dir.join("mentions.tsv");
    let mut named = Vec::new();
    for (n, line) in read_to_string(&tsv_path)?.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let bad = || {
            EvalError::format(&tsv_path, format!("line {}: expected start, end, type, text", n + 1))
        };
        if f.len() < 4 {
            return Err(bad());
        }
        let (s, e) =
            (f[0].parse::<usize>().map_err(|_| bad())?, f[1].parse::<usize>().map_err(|_| bad())?);
        let label = label_of(f[2]).ok_or_else(bad)?;
        if text.get(s..e) != Some(f[3]) {
            return Err(EvalError::format(
                &tsv_path,
                format!("line {}: span does not match text", n + 1),
            ));
        }
        named.push((Span::new(s, e), label, f[3].to_string()));
    }
    Ok((text, expected, named))
}

fn gold_entities(expected: &Value) -> Vec<GoldEntity> {
    let empty = Vec::new();
    let ents = expected.get("entities").and_then(Value::as_array).unwrap_or(&empty);
    let names: HashMap<&str, &str> = ents
        .iter()
        .filter_map(|e| Some((e.get("id")?.as_str()?, e.get("name")?.as_str()?)))
        .collect();
    ents.iter()
        .filter_map(|e| {
            let id = e.get("id")?.as_str()?.to_string();
            let name = e.get("name")?.as_str()?.to_string();
            let container = e.get("in").and_then(Value::as_str).map(str::to_string);
            let mut forms = vec![strip_parenthetical(&name)];
            for key in ["aliases", "descriptions"] {
                for a in e
                    .get(key)
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                {
                    forms.push(strip_parenthetical(a));
                }
            }
            // `the desert south of Libya` is written `the desert south` in an article about Libya.
            if let Some(cn) = container.as_deref().and_then(|c| names.get(c)) {
                let suffix = format!(" of {cn}");
                let extra: Vec<String> = forms
                    .iter()
                    .filter_map(|f| f.strip_suffix(&suffix).map(str::to_string))
                    .collect();
                forms.extend(extra);
            }
            forms.dedup();
            Some(GoldEntity { id, name, forms, container })
        })
        .collect()
}

fn gold_mentions(text: &str, ents: &[GoldEntity], named: &[Named]) -> Vec<GoldMention> {
    let mut out: Vec<GoldMention> = Vec::new();
    for (span, _, t) in named {
        let mut entities: Vec<usize> =
            (0..ents.len()).filter(|&i| ents[i].forms.iter().any(|f| f == t)).collect();
        if entities.is_empty() {
            // A surname the gold lists only in full (`Peskov` of `Dmitry Peskov`).
            entities = (0..ents.len())
                .filter(|&i| {
                    ents[i]
                        .forms
                        .iter()
                        .any(|f| f.split(' ').next_back() == Some(t.as_str()) && f.contains(' '))
                })
                .collect();
            if entities.len() > 1 {
                entities.clear();
            }
        }
        if !entities.is_empty() {
            out.push(GoldMention { span: *span, text: t.clone(), entities, named: true });
        }
    }
    let named_spans: Vec<(Span, Vec<usize>)> =
        out.iter().map(|g| (g.span, g.entities.clone())).collect();
    for (i, e) in ents.iter().enumerate() {
        for form in &e.forms {
            if named.iter().any(|(_, _, t)| t == form) {
                continue;
            }
            for occ in occurrences(text, form) {
                // Represented by a named mention of the same entity inside it.
                let has_own =
                    named_spans.iter().any(|(s, ents)| occ.contains(*s) && ents == &vec![i]);
                if has_own || out.iter().any(|g| g.span == occ) {
                    continue;
                }
                out.push(GoldMention {
                    span: occ,
                    text: text[occ.start..occ.end].to_string(),
                    entities: vec![i],
                    named: false,
                });
            }
        }
    }
    out.sort_by_key(|g| (g.span.start, std::cmp::Reverse(g.span.end)));
    out
}

/// The system mention that stands for a gold mention: same span, or the same span without a
/// leading `the` or a trailing `'s`.
fn align(gold: Span, text: &str, sys: &[Mention]) -> Option<usize> {
    let norm = |s: Span| -> Span {
        let mut s = s;
        let t = &text[s.start..s.end];
        for p in ["the ", "The "] {
            if t.starts_with(p) {
                s.start += p.len();
            }
        }
        let t = &text[s.start..s.end];
        for q in ["'s", "\u{2019}s"] {
            if t.ends_with(q) {
                s.end -= q.len();
            }
        }
        s
    };
    sys.iter().position(|m| m.span == gold && m.label != MentionLabel::Title).or_else(|| {
        sys.iter().position(|m| m.label != MentionLabel::Title && norm(m.span) == norm(gold))
    })
}

pub fn run_resolve(opts: &Options, analyzer: &Analyzer) -> Result<Vec<Report>, EvalError> {
    let dir = opts.seed.as_ref().ok_or(EvalError::NotYet("resolve needs --seed"))?;
    let (text, expected, named) = read_seed(dir)?;
    let published = expected
        .get("document")
        .and_then(|d| d.get("published"))
        .and_then(Value::as_str)
        .and_then(PublicationDate::parse_iso);
    let doc = document("seed/article.txt", text.clone(), published);
    let seg = text::segment(&doc.text, &doc.zones);
    let gold_input = opts.gold_mentions.then(|| {
        named.iter().filter_map(|(s, l, _)| mention(&text, *s, *l, MentionKind::Name)).collect()
    });
    let mut mentions = input_mentions(analyzer, &doc, &seg, gold_input);
    let gaz = analyzer.gazetteer();
    let res = analyze::coref::resolve_full(&doc, &seg, &mut mentions, gaz);

    let ents = gold_entities(&expected);
    let golds = gold_mentions(&text, &ents, &named);
    let aligned: Vec<Option<usize>> =
        golds.iter().map(|g| align(g.span, &text, &mentions)).collect();
    let sys_ent = |gi: usize| aligned[gi].and_then(|m| mentions[m].entity);

    let mode = if opts.gold_mentions { "gold mentions" } else { "predicted mentions" };
    let mut report = Report::new("resolve", "seed");
    report.set("mentions", mode);
    report.line(format!(
        "Seed resolution ({mode}): {} gold mentions of {} gold entities.",
        golds.len(),
        ents.len()
    ));

    // Per gold entity: the system entity holding most of its mentions.
    let mut best_of: Vec<Option<u32>> = vec![None; ents.len()];
    let mut table =
        Table::new(["entity", "result", "held", "missed", "other", "system name", "geo"]);
    let mut held_count = 0;
    for (gi, ge) in ents.iter().enumerate() {
        let own: Vec<usize> = (0..golds.len()).filter(|&k| golds[k].entities == vec![gi]).collect();
        let shared: Vec<usize> = (0..golds.len())
            .filter(|&k| golds[k].entities.len() > 1 && golds[k].entities.contains(&gi))
            .collect();
        let mut votes: HashMap<u32, usize> = HashMap::new();
        for &k in own.iter().chain(&shared) {
            if let Some(e) = sys_ent(k) {
                *votes.entry(e).or_default() += if own.contains(&k) { 2 } else { 1 };
            }
        }
        let best = votes.iter().max_by_key(|(e, n)| (**n, std::cmp::Reverse(**e))).map(|(e, _)| *e);
        best_of[gi] = best;
        let held = own.iter().filter(|&&k| best.is_some() && sys_ent(k) == best).count();
        let shared_ok =
            shared.is_empty() || shared.iter().any(|&k| best.is_some() && sys_ent(k) == best);
        // Gold mentions of other entities inside this system entity.
        let others: Vec<&str> = (0..golds.len())
            .filter(|&k| golds[k].entities.len() == 1 && golds[k].entities[0] != gi)
            .filter(|&k| best.is_some() && sys_ent(k) == best)
            .map(|k| golds[k].text.as_str())
            .collect();
        let missed: Vec<String> = own
            .iter()
            .filter(|&&k| best.is_none() || sys_ent(k) != best)
            .map(|&k| format!("{}@{}", golds[k].text, golds[k].span.start))
            .collect();
        let ok = best.is_some() && held == own.len() && shared_ok && others.is_empty();
        held_count += usize::from(ok);
        let sys = best.and_then(|e| res.entities.get(e as usize));
        let geo = match (&ge.container, sys.and_then(|s| s.geo.as_ref())) {
            (Some(c), Some(g)) => {
                let want = ents
                    .iter()
                    .find(|x| &x.id == c)
                    .and_then(|x| gaz.lookup(&x.name).next())
                    .and_then(|e| e.country_code().map(str::to_string));
                if want.is_some() && g.country == want {
                    "in container".to_string()
                } else {
                    format!("{:?}", g.country)
                }
            }
            (_, Some(g)) => g.id.clone(),
            _ => String::new(),
        };
        table.row([
            ge.id.clone(),
            (if ok {
                "ok"
            } else if best.is_none() {
                "missing"
            } else {
                "wrong"
            })
            .to_string(),
            format!(
                "{}/{}{}",
                held,
                own.len(),
                if shared.is_empty() {
                    String::new()
                } else {
                    format!(" +{}", if shared_ok { "shared" } else { "no shared" })
                }
            ),
            missed.join("; "),
            others.join("; "),
            sys.map(|s| s.name.clone()).unwrap_or_default(),
            geo,
        ]);
    }
    report.table(&table);
    report.set("entities_held", held_count);
    report.set("entities_total", ents.len());

    // Haftar: every name mention and description in one entity.
    if let Some(hi) = ents.iter().position(|e| e.id == "haftar") {
        let own: Vec<usize> = (0..golds.len()).filter(|&k| golds[k].entities == vec![hi]).collect();
        let names = own.iter().filter(|&&k| golds[k].named).count();
        let in_best = |k: usize| best_of[hi].is_some() && sys_ent(k) == best_of[hi];
        let names_in = own.iter().filter(|&&k| golds[k].named && in_best(k)).count();
        let desc_in = own.iter().filter(|&&k| !golds[k].named && in_best(k)).count();
        report.line(format!(
            "haftar: {names_in}/{names} name mentions and {desc_in}/{} descriptions in one entity",
            own.len() - names
        ));
        report.set("haftar_names", names_in);
        report.set("haftar_descriptions", desc_in);
    }

    // Cluster precision and recall over the unambiguous gold mentions (B-cubed, MUC).
    let mut key: HashMap<usize, Cluster> = HashMap::new();
    let mut resp: HashMap<u32, Cluster> = HashMap::new();
    for (k, g) in golds.iter().enumerate() {
        if g.entities.len() != 1 {
            continue;
        }
        key.entry(g.entities[0]).or_default().push(k);
        // A gold mention the system did not find counts against recall only.
        if let Some(e) = sys_ent(k) {
            resp.entry(e).or_default().push(k);
        }
    }
    let key: Vec<Cluster> = key.into_values().collect();
    let resp: Vec<Cluster> = resp.into_values().collect();
    let b3 = corefscore::b_cubed(&key, &resp);
    let muc = corefscore::muc(&key, &resp);
    let mut t = Table::new(["clusters", "precision", "recall", "f1"]);
    for (n, c) in [("B-cubed", b3), ("MUC", muc)] {
        t.row([
            n.to_string(),
            format!("{:.4}", c.precision()),
            format!("{:.4}", c.recall()),
            format!("{:.4}", c.f1()),
        ]);
    }
    report.table(&t);
    report.set("cluster_precision", round4(b3.precision()));
    report.set("cluster_recall", round4(b3.recall()));

    // Titles: HOLDS_TITLE relations and the entities' titles.
    let gold_titles = gold_title_facts(&expected, &ents);
    let mut tt = Table::new(["person", "title", "of", "found", "evidence"]);
    let (mut found, mut found_of, mut with_of) = (0, 0, 0);
    for (p, title, of) in &gold_titles {
        let person = best_of[*p];
        let of_sys = of.and_then(|o| best_of[o]);
        let hit = res.titles.iter().find(|f| {
            Some(f.person) == person
                && f.title.eq_ignore_ascii_case(title)
                && (of.is_none() || (of_sys.is_some() && f.of == of_sys))
        });
        let evidence_ok = hit.is_some_and(|f| {
            let ev = f.evidence;
            !ev.is_empty()
                && text
                    .get(ev.start..ev.end)
                    .is_some_and(|s| s.to_lowercase().contains(&title.to_lowercase()))
                && mentions.iter().any(|m| m.entity == person && ev.contains(m.span))
        });
        let ok = hit.is_some() && evidence_ok;
        found += usize::from(ok);
        if of.is_some() {
            with_of += 1;
            found_of += usize::from(ok);
        }
        tt.row([
            ents[*p].id.clone(),
            title.clone(),
            of.map(|o| ents[o].id.clone()).unwrap_or_default(),
            (if ok { "yes" } else { "no" }).to_string(),
            hit.and_then(|f| text.get(f.evidence.start..f.evidence.end)).unwrap_or("").to_string(),
        ]);
    }
    report.table(&tt);
    let mut st = Table::new(["system title fact", "of", "evidence"]);
    for f in &res.titles {
        let name = |i: u32| res.entities.get(i as usize).map_or(String::new(), |e| e.name.clone());
        st.row([
            format!("{}: {}", name(f.person), f.title),
            f.of.map(name).unwrap_or_default(),
            text.get(f.evidence.start..f.evidence.end).unwrap_or("").to_string(),
        ]);
    }
    report.table(&st);
    report.line(format!(
        "titles: {found}/{} found with evidence ({found_of}/{with_of} of those with an organisation or country); system produced {} title facts",
        gold_titles.len(),
        res.titles.len()
    ));
    report.set("titles_found", found);
    report.set("titles_total", gold_titles.len());
    report.set("titles_with_of_found", found_of);
    report.set("titles_with_of_total", with_of);
    Ok(vec![report])
}

/// (person, title, of): HOLDS_TITLE relations and the `titles` of gold entities
/// (`President of Russia`, `Kremlin spokesman`, `Field Marshal`).
fn gold_title_facts(expected: &Value, ents: &[GoldEntity]) -> Vec<(usize, String, Option<usize>)> {
    let by_id = |id: &str| ents.iter().position(|e| e.id == id);
    let by_name = |n: &str| {
        ents.iter().position(|e| {
            e.name.eq_ignore_ascii_case(n) || e.forms.iter().any(|f| f.eq_ignore_ascii_case(n))
        })
    };
    let mut out: Vec<(usize, String, Option<usize>)> = Vec::new();
    let mut push = |p: usize, t: String, o: Option<usize>| {
        if !out.iter().any(|(a, b, _)| *a == p && b.eq_ignore_ascii_case(&t)) {
            out.push((p, t, o));
        }
    };
    for r in expected.get("relations").and_then(Value::as_array).into_iter().flatten() {
        if r.get("predicate").and_then(Value::as_str) != Some("HOLDS_TITLE") {
            continue;
        }
        let (Some(s), Some(t)) = (
            r.get("subject").and_then(Value::as_str).and_then(by_id),
            r.get("title").and_then(Value::as_str),
        ) else {
            continue;
        };
        let o = r.get("object").and_then(Value::as_str).and_then(by_id);
        push(s, t.to_string(), o);
    }
    for e in expected.get("entities").and_then(Value::as_array).into_iter().flatten() {
        let Some(p) = e.get("id").and_then(Value::as_str).and_then(by_id) else { continue };
        for t in e
            .get("titles")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if let Some((title, of)) = t.split_once(" of ") {
                push(p, title.to_string(), by_name(of));
            } else if let Some((first, rest)) = t.split_once(' ') {
                match by_name(first) {
                    Some(o) => push(p, rest.to_string(), Some(o)),
                    None => push(p, t.to_string(), None),
                }
            } else {
                push(p, t.to_string(), None);
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// GUM

struct GumMention {
    tokens: (usize, usize),
    chain: String,
    label: MentionLabel,
    kind: MentionKind,
    identity: Option<String>,
}

struct GumDoc {
    name: String,
    text: String,
    published: Option<PublicationDate>,
    /// Byte span of each token.
    tokens: Vec<Span>,
    mentions: Vec<GumMention>,
}

/// Parses one `Entity=` value into opens (chain, type, identity, closes-here) and closes.
/// An opened GUM entity: chain id, type, Wikipedia identity, and whether it closes on the
/// same token.
type Open = (String, String, Option<String>, bool);

fn parse_entity_field(v: &str) -> (Vec<Open>, Vec<String>) {
    let mut opens = Vec::new();
    let mut closes = Vec::new();
    let b = v.as_bytes();
    let starts_open =
        |i: usize| b.get(i) == Some(&b'(') && b.get(i + 1).is_some_and(u8::is_ascii_digit);
    let mut i = 0;
    while i < b.len() {
        if starts_open(i) {
            // The open runs to the next open, or to a `)` that balances nothing inside it
            // (identities may hold parentheses: `Mercury_(planet)`).
            let mut j = i + 1;
            let mut depth = 0usize;
            let mut single = false;
            while j < b.len() && !starts_open(j) {
                match b[j] {
                    b'(' => depth += 1,
                    b')' if depth > 0 => depth -= 1,
                    b')' => {
                        single = true;
                        break;
                    }
                    _ => {}
                }
                j += 1;
            }
            let seg = &v[i + 1..j];
            if single {
                j += 1;
            }
            let f: Vec<&str> = seg.split('-').collect();
            let chain = f.first().unwrap_or(&"").to_string();
            let etype = f.get(1).unwrap_or(&"").to_string();
            let identity = (f.len() > 7).then(|| f[7..].join("-")).filter(|s| !s.is_empty());
            opens.push((chain, etype, identity, single));
            i = j;
        } else if b[i].is_ascii_digit() {
            let mut j = i;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            if b.get(j) == Some(&b')') {
                closes.push(v[i..j].to_string());
                j += 1;
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    (opens, closes)
}

fn read_gum(dir: &Path) -> Result<Vec<GumDoc>, EvalError> {
    let dep = dir.join("dep");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dep)
        .map_err(|e| EvalError::io(&dep, e))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for path in files {
        let content = read_to_string(&path)?;
        let mut doc = GumDoc {
            name: path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
            text: String::new(),
            published: None,
            tokens: Vec::new(),
            mentions: Vec::new(),
        };
        let mut upos: Vec<String> = Vec::new();
        let mut open: HashMap<String, Vec<(usize, String, Option<String>)>> = HashMap::new();
        let mut raw: Vec<(usize, usize, String, String, Option<String>)> = Vec::new();
        let mut space_after = true;
        for line in content.lines() {
            if let Some(d) = line.strip_prefix("# meta::dateCreated = ") {
                doc.published = PublicationDate::parse_iso(d);
                continue;
            }
            if line.starts_with("# newpar") && !doc.text.is_empty() {
                doc.text.push_str("\n\n");
                space_after = false;
                continue;
            }
            if line.starts_with('#') {
                continue;
            }
            if line.trim().is_empty() {
                if !doc.text.is_empty() && !doc.text.ends_with('\n') {
                    doc.text.push('\n');
                }
                space_after = false;
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 10 || f[0].contains('-') || f[0].contains('.') {
                continue;
            }
            if space_after && !doc.text.is_empty() && !doc.text.ends_with('\n') {
                doc.text.push(' ');
            }
            let start = doc.text.len();
            doc.text.push_str(f[1]);
            let t = doc.tokens.len();
            doc.tokens.push(Span::new(start, doc.text.len()));
            upos.push(f[3].to_string());
            space_after = !f[9].split('|').any(|x| x == "SpaceAfter=No");
            if let Some(ent) = f[9].split('|').find_map(|x| x.strip_prefix("Entity=")) {
                let (opens, closes) = parse_entity_field(ent);
                for (chain, etype, identity, single) in opens {
                    if single {
                        raw.push((t, t + 1, chain, etype, identity));
                    } else {
                        open.entry(chain).or_default().push((t, etype, identity));
                    }
                }
                for c in closes {
                    if let Some((s, etype, identity)) = open.get_mut(&c).and_then(Vec::pop) {
                        raw.push((s, t + 1, c, etype, identity));
                    }
                }
            }
        }
        for (a, b, chain, etype, identity) in raw {
            let label = match etype.as_str() {
                "person" => MentionLabel::Person,
                "organization" => MentionLabel::Org,
                "place" => MentionLabel::Gpe,
                _ => continue,
            };
            let pos = &upos[a..b];
            let content: Vec<&String> = pos
                .iter()
                .filter(|p| !matches!(p.as_str(), "DET" | "PUNCT" | "ADP" | "CCONJ"))
                .collect();
            let kind = if b - a == 1
                && (pos[0] == "PRON"
                    || (pos[0] == "DET"
                        && matches!(
                            doc.text.get(doc.tokens[a].start..doc.tokens[a].end),
                            Some("its" | "their" | "his" | "her")
                        )))
            {
                MentionKind::Pronoun
            } else if !content.is_empty()
                && content.iter().filter(|p| p.as_str() == "PROPN").count() * 2 >= content.len()
            {
                MentionKind::Name
            } else {
                MentionKind::Nominal
            };
            doc.mentions.push(GumMention { tokens: (a, b), chain, label, kind, identity });
        }
        doc.mentions.sort_by_key(|m| (m.tokens.0, std::cmp::Reverse(m.tokens.1)));
        docs.push(doc);
    }
    if docs.is_empty() {
        return Err(EvalError::format(&dep, "no .conllu files"));
    }
    Ok(docs)
}

pub fn run_coref(opts: &Options, analyzer: &Analyzer) -> Result<Vec<Report>, EvalError> {
    let dir = opts.gum.as_ref().ok_or(EvalError::NotYet("coref needs --gum"))?;
    let docs = read_gum(dir)?;
    // Which split each document is in (splits.md lists them under `## dev`, `## test`, ...).
    let mut split_of: HashMap<String, String> = HashMap::new();
    if let Ok(md) = std::fs::read_to_string(dir.join("splits.md")) {
        let mut current = String::new();
        for line in md.lines() {
            if let Some(h) = line.strip_prefix("## ") {
                current = h.trim().to_string();
            } else if let Some(d) = line.trim().strip_prefix("* ") {
                split_of.insert(d.trim().to_string(), current.clone());
            }
        }
    }
    let mut by_split: std::collections::BTreeMap<String, [Counts; 3]> = Default::default();
    let gaz = analyzer.gazetteer();
    let mode = if opts.gold_mentions { "gold mentions" } else { "predicted mentions" };
    let (mut muc, mut b3, mut ceaf) = (Counts::default(), Counts::default(), Counts::default());
    let (mut linked, mut link_ok) = (0usize, 0usize);
    let mut per_doc = Table::new(["document", "chains", "MUC F1", "B3 F1", "CEAF-e F1", "avg"]);
    let (mut elapsed, mut words) = (std::time::Duration::ZERO, 0usize);
    for gd in &docs {
        let doc = document(&gd.name, gd.text.clone(), gd.published);
        let seg = text::segment(&doc.text, &doc.zones);
        let span_of =
            |m: &GumMention| Span::new(gd.tokens[m.tokens.0].start, gd.tokens[m.tokens.1 - 1].end);
        let gold_input = opts.gold_mentions.then(|| {
            gd.mentions
                .iter()
                .filter_map(|m| mention(&doc.text, span_of(m), m.label, m.kind))
                .collect()
        });
        let mut mentions = input_mentions(analyzer, &doc, &seg, gold_input);
        let t0 = std::time::Instant::now();
        let c0 = crate::thread_cpu_ns();
        let res = if opts.gold_mentions {
            analyze::coref::resolve_given(&doc, &seg, &mut mentions, gaz)
        } else {
            analyze::coref::resolve_full(&doc, &seg, &mut mentions, gaz)
        };
        let mut keyed = types::Analysis {
            mentions: mentions.clone(),
            entities: res.entities.clone(),
            titles: res.titles.clone(),
            ..types::Analysis::default()
        };
        resolve::assign_keys(&doc, &mut keyed);
        elapsed += match (c0, crate::thread_cpu_ns()) {
            (Some(a), Some(b)) => std::time::Duration::from_nanos(b.saturating_sub(a)),
            _ => t0.elapsed(),
        };
        words += seg.tokens.iter().filter(|t| t.kind == types::TokenKind::Word).count();

        // Mention ids: byte spans, shared by both sides.
        let mut ids: HashMap<Span, usize> = HashMap::new();
        let mut id = |s: Span| -> usize {
            let n = ids.len();
            *ids.entry(s).or_insert(n)
        };
        let mut key_map: HashMap<&str, Cluster> = HashMap::new();
        for m in &gd.mentions {
            key_map.entry(m.chain.as_str()).or_default().push(id(span_of(m)));
        }
        let gold_spans: std::collections::HashSet<Span> = gd.mentions.iter().map(span_of).collect();
        let mut resp_map: HashMap<u32, Cluster> = HashMap::new();
        for m in &mentions {
            let Some(e) = m.entity else { continue };
            if matches!(m.label, MentionLabel::Title | MentionLabel::Norp) {
                continue;
            }
            if opts.gold_mentions && !gold_spans.contains(&m.span) {
                continue;
            }
            resp_map.entry(e).or_default().push(id(m.span));
        }
        let mut key: Vec<Cluster> = key_map.into_values().filter(|c| c.len() > 1).collect();
        let mut resp: Vec<Cluster> = resp_map.into_values().filter(|c| c.len() > 1).collect();
        key.iter_mut().for_each(|c| c.sort_unstable());
        resp.iter_mut().for_each(|c| c.sort_unstable());
        key.sort();
        resp.sort();
        let (m1, b1, c1) = (
            corefscore::muc(&key, &resp),
            corefscore::b_cubed(&key, &resp),
            corefscore::ceaf_e(&key, &resp),
        );
        per_doc.row([
            gd.name.trim_start_matches("GUM_news_").to_string(),
            key.len().to_string(),
            format!("{:.3}", m1.f1()),
            format!("{:.3}", b1.f1()),
            format!("{:.3}", c1.f1()),
            format!("{:.3}", (m1.f1() + b1.f1() + c1.f1()) / 3.0),
        ]);
        muc.add(m1);
        b3.add(b1);
        ceaf.add(c1);
        let split = split_of.get(&gd.name).cloned().unwrap_or_else(|| "train".into());
        let acc = by_split.entry(split).or_default();
        acc[0].add(m1);
        acc[1].add(b1);
        acc[2].add(c1);

        // Entity linking where the gazetteer covers the Wikipedia identity.
        for m in &gd.mentions {
            let Some(identity) = &m.identity else { continue };
            // People are not in the gazetteer (`Batman` the character is not the Turkish city).
            if m.label == MentionLabel::Person {
                continue;
            }
            let name = identity.replace('_', " ");
            let Some(want) = gaz.lookup(&name).next().map(|e| e.id()) else { continue };
            linked += 1;
            let span = span_of(m);
            let got = mentions
                .iter()
                .find(|x| x.span == span && x.label != MentionLabel::Title)
                .and_then(|x| x.entity)
                .and_then(|e| res.entities.get(e as usize))
                .and_then(|e| e.geo.as_ref())
                .map(|g| g.id.clone());
            link_ok += usize::from(got.as_deref() == Some(want.as_str()));
        }
    }
    let avg = (muc.f1() + b3.f1() + ceaf.f1()) / 3.0;
    let mut report = Report::new("coref", "gum-news");
    report.line(format!(
        "GUM news, {} documents, person/organisation/place chains, singletons excluded ({mode}).",
        docs.len()
    ));
    report.table(&per_doc);
    let mut t = Table::new(["metric", "precision", "recall", "f1"]);
    for (n, c) in [("MUC", muc), ("B-cubed", b3), ("CEAF-e", ceaf)] {
        t.row([
            n.to_string(),
            format!("{:.4}", c.precision()),
            format!("{:.4}", c.recall()),
            format!("{:.4}", c.f1()),
        ]);
    }
    t.row(["CoNLL-2012 average".to_string(), String::new(), String::new(), format!("{avg:.4}")]);
    report.table(&t);
    let mut st = Table::new(["split", "MUC F1", "B3 F1", "CEAF-e F1", "CoNLL-2012"]);
    for (split, [m, b, c]) in &by_split {
        let a = (m.f1() + b.f1() + c.f1()) / 3.0;
        st.row([
            split.clone(),
            format!("{:.4}", m.f1()),
            format!("{:.4}", b.f1()),
            format!("{:.4}", c.f1()),
            format!("{a:.4}"),
        ]);
        report.set(&format!("conll_f1_{split}"), round4(a));
    }
    report.table(&st);
    let acc = if linked == 0 { 0.0 } else { link_ok as f64 / linked as f64 };
    report.line(format!("entity linking: {link_ok}/{linked} mentions whose Wikipedia identity the gazetteer covers ({acc:.4})"));
    let us_per_word = elapsed.as_secs_f64() * 1e6 / words.max(1) as f64;
    report.line(format!(
        "cost of coreference + keys: {:.2} microseconds of CPU per word ({words} words, {:.1} ms)",
        us_per_word,
        elapsed.as_secs_f64() * 1e3
    ));
    report.set("coref_us_per_word", round4(us_per_word));
    report.set("mentions", mode);
    report.set("muc_f1", round4(muc.f1()));
    report.set("b3_f1", round4(b3.f1()));
    report.set("ceafe_f1", round4(ceaf.f1()));
    report.set("conll_f1", round4(avg));
    report.set("linking_accuracy", round4(acc));
    report.set("linking_covered", linked);
    Ok(vec![report])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_fields_parse_nested_and_single_token_mentions() {
        let (o, c) =
            parse_entity_field("(1-event-new-snsnn-cf2-2-sgl(2-abstract-new-snsnn-cf5-1-coref)");
        assert_eq!(o.len(), 2);
        assert!(!o[0].3 && o[1].3);
        assert!(c.is_empty());
        let (o, c) = parse_entity_field("(5-place-new-s-cf1-1-coref-Mercury_(planet))3)");
        assert_eq!(o[0].2.as_deref(), Some("Mercury_(planet)"));
        assert!(o[0].3);
        assert_eq!(c, vec!["3".to_string()]);
        let (o, c) = parse_entity_field("3)");
        assert!(o.is_empty());
        assert_eq!(c, vec!["3".to_string()]);
    }

    #[test]
    fn occurrences_are_word_bounded_and_case_blind() {
        let t = "The Tobruk administration met the Tobruk administrations.";
        assert_eq!(occurrences(t, "the Tobruk administration"), vec![Span::new(0, 25)]);
        assert_eq!(occurrences("eastern Libyan", "eastern Libya"), vec![]);
    }
}
