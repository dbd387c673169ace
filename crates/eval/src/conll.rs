//! Readers for token-per-line NER gold (CoNLL-2003 in IOB1 or IOB2, CoNLL++, WikiANN) and the
//! chunk extraction the conlleval script uses, so that scores match conlleval exactly.

use std::path::Path;

use crate::{EvalError, read_to_string};

/// One sentence: tokens and their gold tags (`O`, `B-PER`, `I-LOC`, ...).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    pub tokens: Vec<String>,
    pub tags: Vec<String>,
}

/// A document: the sentences between two `-DOCSTART-` lines (WikiANN: one sentence each).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub sentences: Vec<Sentence>,
}

impl Doc {
    pub fn token_count(&self) -> usize {
        self.sentences.iter().map(|s| s.tokens.len()).sum()
    }
}

/// Reads a CoNLL-2003 style file: `token [POS chunk] TAG` per line (space or tab separated; the
/// tag is the last column), a blank line between sentences, `-DOCSTART-` between documents.
pub fn read_conll(path: &Path) -> Result<Vec<Doc>, EvalError> {
    parse_conll(&read_to_string(path)?).map_err(|reason| EvalError::format(path, reason))
}

/// Parses CoNLL-2003 text (see [`read_conll`]).
pub fn parse_conll(text: &str) -> Result<Vec<Doc>, String> {
    let mut docs: Vec<Doc> = Vec::new();
    let mut doc = Doc::default();
    let mut sent = Sentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            if !sent.tokens.is_empty() {
                doc.sentences.push(std::mem::take(&mut sent));
            }
            continue;
        }
        let mut cols = line.split_whitespace();
        let Some(token) = cols.next() else { continue };
        if token == "-DOCSTART-" {
            if !sent.tokens.is_empty() {
                doc.sentences.push(std::mem::take(&mut sent));
            }
            if !doc.sentences.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        let tag = cols.next_back().ok_or_else(|| format!("line {}: no tag column", n + 1))?;
        check_tag(tag).map_err(|e| format!("line {}: {e}", n + 1))?;
        sent.tokens.push(token.to_string());
        sent.tags.push(tag.to_string());
    }
    if !sent.tokens.is_empty() {
        doc.sentences.push(sent);
    }
    if !doc.sentences.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

/// Reads WikiANN (`en:token<TAB>TAG`, blank line between sentences). Every sentence is its own
/// document: WikiANN sentences are unrelated Wikipedia sentences.
pub fn read_wikiann(path: &Path) -> Result<Vec<Doc>, EvalError> {
    parse_wikiann(&read_to_string(path)?).map_err(|reason| EvalError::format(path, reason))
}

/// Parses WikiANN text (see [`read_wikiann`]).
pub fn parse_wikiann(text: &str) -> Result<Vec<Doc>, String> {
    let mut docs = Vec::new();
    let mut sent = Sentence::default();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            if !sent.tokens.is_empty() {
                docs.push(Doc { sentences: vec![std::mem::take(&mut sent)] });
            }
            continue;
        }
        let (token, tag) =
            line.rsplit_once('\t').ok_or_else(|| format!("line {}: no tab", n + 1))?;
        let token = token.strip_prefix("en:").unwrap_or(token);
        let tag = tag.trim();
        check_tag(tag).map_err(|e| format!("line {}: {e}", n + 1))?;
        sent.tokens.push(token.to_string());
        sent.tags.push(tag.to_string());
    }
    if !sent.tokens.is_empty() {
        docs.push(Doc { sentences: vec![sent] });
    }
    Ok(docs)
}

fn check_tag(tag: &str) -> Result<(), String> {
    if tag == "O" {
        return Ok(());
    }
    match tag.split_once('-') {
        Some((p, t)) if matches!(p, "B" | "I" | "E" | "S" | "L" | "U") && !t.is_empty() => Ok(()),
        _ => Err(format!("bad tag {tag:?}")),
    }
}

/// A chunk: token range `[start, end)` within a sentence and its type.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub kind: String,
}

fn split_tag(tag: &str) -> (&str, &str) {
    match tag.split_once('-') {
        Some((p, t)) => (p, t),
        None => ("O", ""),
    }
}

/// conlleval's `endOfChunk`.
fn end_of_chunk(prev_tag: &str, tag: &str, prev_type: &str, kind: &str) -> bool {
    matches!(
        (prev_tag, tag),
        ("B", "B")
            | ("B", "O")
            | ("I", "B")
            | ("I", "O")
            | ("E", _)
            | ("S", _)
            | ("L", _)
            | ("U", _)
    ) || (prev_tag != "O" && prev_type != kind)
}

/// conlleval's `startOfChunk`.
fn start_of_chunk(prev_tag: &str, tag: &str, prev_type: &str, kind: &str) -> bool {
    let after_end = matches!(prev_tag, "E" | "S" | "O" | "L" | "U");
    tag == "B"
        || tag == "S"
        || tag == "U"
        || (after_end && (tag == "E" || tag == "I" || tag == "L"))
        || (tag != "O" && prev_type != kind)
}

/// Chunks of a tag sequence (IOB1, IOB2, IOBES or BILOU), exactly as conlleval reads them.
pub fn chunks<S: AsRef<str>>(tags: &[S]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let (mut prev_tag, mut prev_type) = ("O", "");
    let mut open: Option<(usize, String)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (tag, kind) = split_tag(t.as_ref());
        if end_of_chunk(prev_tag, tag, prev_type, kind)
            && let Some((s, k)) = open.take()
        {
            out.push(Chunk { start: s, end: i, kind: k });
        }
        if start_of_chunk(prev_tag, tag, prev_type, kind) {
            open = Some((i, kind.to_string()));
        }
        prev_tag = tag;
        prev_type = kind;
    }
    if let Some((s, k)) = open {
        out.push(Chunk { start: s, end: tags.len(), kind: k });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(tags: &str, expect: &str) {
        let tags: Vec<&str> = tags.split_whitespace().collect();
        let got: Vec<String> =
            chunks(&tags).iter().map(|c| format!("{}:{}-{}", c.kind, c.start, c.end)).collect();
        assert_eq!(got.join(" "), expect, "tags: {tags:?}");
    }

    #[test]
    fn chunks_are_read_like_conlleval() {
        check("B-PER I-PER O B-LOC", "PER:0-2 LOC:3-4");
        check("I-PER I-PER O I-LOC", "PER:0-2 LOC:3-4"); // IOB1
        check("I-PER B-PER I-PER", "PER:0-1 PER:1-3"); // IOB1 adjacent
        check("I-PER I-ORG", "PER:0-1 ORG:1-2");
        check("B-PER I-ORG", "PER:0-1 ORG:1-2");
        check("O I-MISC", "MISC:1-2");
        check("U-PER B-LOC L-LOC", "PER:0-1 LOC:1-3");
        check("O O", "");
    }

    #[test]
    fn readers_parse_documents() {
        let text = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n\n-DOCSTART- -X- -X- O\n\nX NN O O\n";
        let docs = parse_conll(text).expect("parses");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0].tags, ["B-ORG", "O"]);
        assert!(parse_conll("EU NNP B-NP X-ORG\n").is_err());

        let w = parse_wikiann("en:R.H.\tB-ORG\nen:Saunders\tI-ORG\n\nen:x\tO\n").expect("parses");
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].sentences[0].tokens, ["R.H.", "Saunders"]);
    }
}
