//! A reader for GUM news (CoNLL-U with `Entity=` brackets in MISC): each document's text, rebuilt
//! from its tokens, and its *named* person, organisation and place mentions as byte spans.
//!
//! GUM marks every mention (named, nominal, pronominal) with its full noun phrase. A mention is
//! taken as named when its syntactic head is a proper noun (`PROPN`); its name span is the run of
//! capitalised tokens around the head inside the mention (lowercase connectors such as `of`,
//! `the`, `and` are kept when a capitalised token follows), without a leading `The`, and stopping
//! at a title GUM attaches as `nmod:desc` (`President` in `President Trump`) or an apposition. GUM types map
//! as person -> PERSON, organization -> ORG, place -> place (GPE or LOC); other GUM types
//! (event, object, abstract, ...) are not scored.

use std::path::Path;

use crate::{EvalError, read_to_string};

/// A named mention: byte span into [`GumDoc::text`] and its GUM type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GumMention {
    pub start: usize,
    pub end: usize,
    /// `person`, `organization` or `place`.
    pub kind: String,
}

/// One GUM document.
#[derive(Debug, Clone, Default)]
pub struct GumDoc {
    pub id: String,
    pub text: String,
    pub mentions: Vec<GumMention>,
}

struct Tok {
    form: String,
    upos: String,
    deprel: String,
    head: usize,
    start: usize,
    end: usize,
}

/// Reads every `*.conllu` file in `dir` (sorted by name).
pub fn read_dir(dir: &Path) -> Result<Vec<GumDoc>, EvalError> {
    let dep = if dir.join("dep").is_dir() { dir.join("dep") } else { dir.to_path_buf() };
    let mut files: Vec<_> = std::fs::read_dir(&dep)
        .map_err(|e| EvalError::io(&dep, e))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(EvalError::format(&dep, "no .conllu files"));
    }
    let mut docs = Vec::new();
    for f in files {
        let text = read_to_string(&f)?;
        docs.extend(parse(&text).map_err(|r| EvalError::format(&f, r))?);
    }
    Ok(docs)
}

/// Parses CoNLL-U text with GUM entity annotation.
pub fn parse(text: &str) -> Result<Vec<GumDoc>, String> {
    let mut docs = Vec::new();
    let mut doc = GumDoc::default();
    let mut sent: Vec<(Tok, String)> = Vec::new();
    let mut space_after = true;
    let mut new_par = false;
    for (n, line) in text.lines().enumerate() {
        if let Some(rest) = line.strip_prefix("# newdoc id = ") {
            flush_sentence(&mut doc, &mut sent)?;
            if !doc.text.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            doc.id = rest.trim().to_string();
            continue;
        }
        if line.starts_with("# newpar") {
            new_par = true;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            flush_sentence(&mut doc, &mut sent)?;
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 {
            return Err(format!("line {}: expected 10 columns", n + 1));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue; // multiword token ranges and empty nodes
        }
        if !doc.text.is_empty() {
            if new_par {
                doc.text.push_str("\n\n");
            } else if sent.is_empty() || space_after {
                doc.text.push(' ');
            }
        }
        new_par = false;
        let start = doc.text.len();
        doc.text.push_str(cols[1]);
        let head = cols[6].parse::<usize>().unwrap_or(0);
        let misc = cols[9];
        space_after = !misc.split('|').any(|m| m == "SpaceAfter=No");
        let entity =
            misc.split('|').find_map(|m| m.strip_prefix("Entity=")).unwrap_or("").to_string();
        let tok = Tok {
            form: cols[1].to_string(),
            upos: cols[3].to_string(),
            deprel: cols[7].to_string(),
            head,
            start,
            end: doc.text.len(),
        };
        sent.push((tok, entity));
    }
    flush_sentence(&mut doc, &mut sent)?;
    if !doc.text.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

/// Turns one sentence's entity brackets into named mentions.
fn flush_sentence(doc: &mut GumDoc, sent: &mut Vec<(Tok, String)>) -> Result<(), String> {
    let mut open: Vec<(String, String, usize)> = Vec::new(); // id, type, first token
    let mut spans: Vec<(usize, usize, String)> = Vec::new();
    for (i, (_, ent)) in sent.iter().enumerate() {
        let b = ent.as_bytes();
        let mut j = 0;
        while j < b.len() {
            if b[j] == b'(' {
                let k = ent[j + 1..].find(['(', ')']).map_or(b.len(), |p| j + 1 + p);
                let desc = &ent[j + 1..k];
                let mut fields = desc.split('-');
                let id = fields.next().unwrap_or("").to_string();
                let etype = fields.next().unwrap_or("").to_string();
                if k < b.len() && b[k] == b')' {
                    spans.push((i, i + 1, etype));
                    j = k + 1;
                } else {
                    open.push((id, etype, i));
                    j = k;
                }
            } else if b[j].is_ascii_digit() {
                let k = ent[j..].find(|c: char| !c.is_ascii_digit()).map_or(b.len(), |p| j + p);
                let id = &ent[j..k];
                if k < b.len() && b[k] == b')' {
                    let pos = open
                        .iter()
                        .rposition(|(oid, _, _)| oid == id)
                        .ok_or_else(|| format!("{}: closing unopened entity {id}", doc.id))?;
                    let (_, etype, first) = open.remove(pos);
                    spans.push((first, i + 1, etype));
                    j = k + 1;
                } else {
                    j = k;
                }
            } else {
                j += 1;
            }
        }
    }
    for (a, b, etype) in spans {
        if !matches!(etype.as_str(), "person" | "organization" | "place") {
            continue;
        }
        if let Some((s, e)) = name_span(sent, a, b) {
            let m = GumMention { start: sent[s].0.start, end: sent[e - 1].0.end, kind: etype };
            if !doc.mentions.contains(&m) {
                doc.mentions.push(m);
            }
        }
    }
    doc.mentions.sort_by_key(|m| (m.start, m.end));
    sent.clear();
    Ok(())
}

fn capitalised(t: &Tok) -> bool {
    t.form.chars().next().is_some_and(char::is_uppercase)
}

const CONNECTORS: &[&str] = &["of", "the", "and", "for", "de", "du", "la", "von", "van", "&"];

/// The name span (token range) of mention `[a, b)`, if its head is a proper noun.
fn name_span(sent: &[(Tok, String)], a: usize, b: usize) -> Option<(usize, usize)> {
    // The head: the first token whose head lies outside the mention (CoNLL-U ids are 1-based).
    let head = (a..b).find(|&i| {
        let h = sent[i].0.head;
        h == 0 || h - 1 < a || h > b
    })?;
    if sent[head].0.upos != "PROPN" || !capitalised(&sent[head].0) {
        return None;
    }
    let mut s = head;
    while s > a {
        let p = &sent[s - 1].0;
        if p.deprel == "nmod:desc" || p.deprel == "appos" {
            break; // a title before the name: `President` in `President Trump`
        }
        if capitalised(p) && p.upos != "DET" {
            s -= 1;
            continue;
        }
        // A run of connectors (`of the`) joins two capitalised parts.
        let mut c = s;
        while c > a && CONNECTORS.contains(&sent[c - 1].0.form.as_str()) {
            c -= 1;
        }
        if c < s && c > a && capitalised(&sent[c - 1].0) {
            s = c - 1;
        } else {
            break;
        }
    }
    let mut e = head + 1;
    while e < b {
        let t = &sent[e].0;
        if t.deprel == "appos" {
            break;
        }
        if capitalised(t) {
            e += 1;
            continue;
        }
        let mut c = e;
        while c < b && CONNECTORS.contains(&sent[c].0.form.as_str()) {
            c += 1;
        }
        if c > e && c < b && capitalised(&sent[c].0) {
            e = c + 1;
        } else {
            break;
        }
    }
    while s < e && sent[s].0.upos == "DET" {
        s += 1;
    }
    (s < e).then_some((s, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = GUM_news_x\n# newpar\n# text = US President Donald Trump met the Daughters of the Revolution.\n\
1\tUS\tUS\tPROPN\tNNP\t_\t2\tcompound\t_\tEntity=(1-person-new-x-cf1-1-coref(2-place-new-x-cf2-1-sgl)\n\
2\tPresident\tpresident\tPROPN\tNNP\t_\t4\tnmod:desc\t_\t_\n\
3\tDonald\tDonald\tPROPN\tNNP\t_\t4\tflat\t_\t_\n\
4\tTrump\tTrump\tPROPN\tNNP\t_\t5\tnsubj\t_\tEntity=1)\n\
5\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n\
6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\tEntity=(3-organization-new-x-cf3-1-sgl\n\
7\tDaughters\tDaughters\tPROPN\tNNPS\t_\t5\tobj\t_\t_\n\
8\tof\tof\tADP\tIN\t_\t10\tcase\t_\t_\n\
9\tthe\tthe\tDET\tDT\t_\t10\tdet\t_\t_\n\
10\tRevolution\tRevolution\tPROPN\tNNP\t_\t7\tnmod\t_\tEntity=3)|SpaceAfter=No\n\
11\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n\n";

    #[test]
    fn named_mentions_are_read() {
        let docs = parse(SAMPLE).expect("parses");
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.text, "US President Donald Trump met the Daughters of the Revolution.");
        let got: Vec<(&str, &str)> =
            d.mentions.iter().map(|m| (&d.text[m.start..m.end], m.kind.as_str())).collect();
        assert_eq!(
            got,
            [
                ("US", "place"),
                ("Donald Trump", "person"),
                ("Daughters of the Revolution", "organization")
            ]
        );
    }
}
