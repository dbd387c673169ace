//! Segmentation of canonical text into paragraphs, sentences and tokens, with byte spans.
//!
//! Tokens follow the Penn Treebank / CoNLL-2003 conventions the entity model was trained on:
//! punctuation split off, `'s` and `n't` split, abbreviations (`Mr.`, `U.S.`, `Sept.`, initials)
//! and hyphenated words kept whole.

use types::{Paragraph, Sentence, Span, Token, TokenKind, Zone, ZoneKind};

/// Paragraphs, sentences and tokens of one text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Segmentation {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// For each sentence, the half-open range of its tokens in `tokens`.
    pub sentence_tokens: Vec<(u32, u32)>,
}

impl Segmentation {
    /// The tokens of sentence `i`.
    pub fn tokens_of(&self, i: usize) -> &[Token] {
        match self.sentence_tokens.get(i) {
            Some(&(a, b)) => &self.tokens[a as usize..b as usize],
            None => &[],
        }
    }
}

/// Segments `text`. Zone boundaries are always paragraph boundaries.
pub fn segment(text: &str, zones: &[Zone]) -> Segmentation {
    let mut seg = Segmentation::default();
    let wrapped = is_hard_wrapped(text);
    for (span, zone) in paragraphs(text, zones, wrapped) {
        let paragraph = seg.paragraphs.len() as u32;
        seg.paragraphs.push(Paragraph { span, zone });
        let first = seg.tokens.len();
        tokenize_into(text, span, &mut seg.tokens);
        split_sentences(
            text,
            &seg.tokens,
            first,
            paragraph,
            &mut seg.sentences,
            &mut seg.sentence_tokens,
        );
    }
    seg
}

/// Splits `text` into words and punctuation without looking at sentences (one span, one pass).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, Span::new(0, text.len()), &mut out);
    out
}

// ---------------------------------------------------------------------------------------------
// Paragraphs

/// A text is hard-wrapped (newswire at ~65 columns) when most lines that continue into another
/// line are of similar length and end without sentence punctuation.
fn is_hard_wrapped(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().collect();
    let (mut continued, mut wrapped_like) = (0usize, 0usize);
    for w in lines.windows(2) {
        let (line, next) = (w[0].trim_end(), w[1].trim());
        if line.trim().is_empty() || next.is_empty() {
            continue;
        }
        continued += 1;
        let n = line.chars().count();
        let terminal = line.ends_with(['.', '!', '?', ':', '"', '\u{201d}']);
        if (40..=100).contains(&n) && !terminal {
            wrapped_like += 1;
        }
    }
    continued >= 3 && wrapped_like * 10 >= continued * 6
}

/// Paragraph spans (trimmed) with their zone kinds.
fn paragraphs(text: &str, zones: &[Zone], wrapped: bool) -> Vec<(Span, ZoneKind)> {
    // Cut points: every zone boundary, and line breaks that end a paragraph.
    let mut cuts: Vec<usize> = Vec::new();
    for z in zones {
        cuts.push(z.span.start);
        cuts.push(z.span.end);
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(off) = memchr_newline(&bytes[i..]) {
        let nl = i + off;
        let next_start = nl + 1;
        let rest = &text[next_start..];
        let next_line_end = rest.find('\n').map_or(text.len(), |p| next_start + p);
        let next_line = &text[next_start..next_line_end];
        let blank_next = next_line.trim().is_empty();
        let indented = next_line.starts_with("  ") || next_line.starts_with('\t');
        let this_line_start = text[..nl].rfind('\n').map_or(0, |p| p + 1);
        let blank_this = text[this_line_start..nl].trim().is_empty();
        if !wrapped || blank_next || blank_this || indented {
            cuts.push(nl);
        }
        i = next_start;
    }
    cuts.push(0);
    cuts.push(text.len());
    cuts.sort_unstable();
    cuts.dedup();

    let mut out = Vec::new();
    for w in cuts.windows(2) {
        let span = trim_span(text, Span::new(w[0], w[1]));
        if span.is_empty() {
            continue;
        }
        let zone = zones
            .iter()
            .find(|z| z.span.start <= span.start && span.start < z.span.end)
            .map_or(ZoneKind::Body, |z| z.kind);
        out.push((span, zone));
    }
    out
}

fn memchr_newline(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n')
}

fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    Span::new(span.start + lead, span.start + lead + trimmed.len())
}

// ---------------------------------------------------------------------------------------------
// Tokens

const OPENERS: &[char] = &['"', '\u{201c}', '\u{2018}', '(', '[', '{', '<', '\u{ab}', '`', '\''];
const CLOSERS: &[char] =
    &['"', '\u{201d}', '\u{2019}', ')', ']', '}', '>', '\u{bb}', ',', ';', ':', '!', '?', '\''];
const CURRENCY: &[char] = &['$', '\u{a3}', '\u{20ac}', '\u{a5}'];

/// Titles that keep their final period and never end a sentence (`Mr.`, `Gen.`).
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cpt", "maj", "cmdr",
    "adm", "brig", "cpl", "pvt", "rep", "reps", "sen", "sens", "gov", "pres", "rev", "fr", "st",
    "mt", "ft", "hon", "amb", "gens", "messrs", "mmes", "supt", "insp", "det", "no", "nos", "vol",
    "vs", "v", "fig", "pp", "cf", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

/// Other words that keep their final period but may end a sentence (`Inc.`, `U.S.`).
const OTHER_ABBREVIATIONS: &[&str] = &[
    "sr", "jr", "govt", "inc", "corp", "co", "ltd", "plc", "bros", "dept", "univ", "assn", "est",
    "approx", "etc", "al", "ave", "blvd", "rd", "hwy", "ariz", "calif", "colo", "conn", "fla",
    "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont",
    "neb", "nev", "okla", "ore", "pa", "penn", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
    "ala", "ark", "del",
];

/// Words after which `Inc.`/`U.S.`-style abbreviations still end a sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Its",
    "Their",
    "There",
    "On",
    "At",
    "As",
    "If",
    "However",
    "Meanwhile",
    "Officials",
    "Analysts",
    "Some",
    "Many",
    "Most",
    "Other",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "Under",
    "For",
    "Last",
    "Earlier",
    "Later",
    "Also",
    "Yet",
];

fn is_abbreviation(word_without_final_period: &str) -> bool {
    let w = word_without_final_period;
    if w.is_empty() {
        return false;
    }
    // Initials and acronyms with inner periods: `J.`, `U.S.`, `F.C.`, `a.m.`.
    let mut chars = w.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_alphabetic();
    }
    if w.contains('.') && w.split('.').all(|p| p.chars().count() <= 2 && !p.is_empty()) {
        return true;
    }
    let lower = w.to_ascii_lowercase();
    TITLE_ABBREVIATIONS.contains(&lower.as_str()) || OTHER_ABBREVIATIONS.contains(&lower.as_str())
}

fn kind_of(s: &str) -> TokenKind {
    let mut chars = s.chars();
    let Some(first) = chars.next() else { return TokenKind::Punct };
    if first.is_ascii_digit() {
        TokenKind::Number
    } else if s.chars().any(char::is_alphanumeric) {
        if s.chars().all(|c| c.is_ascii_digit() || ",.:/-".contains(c)) {
            TokenKind::Number
        } else {
            TokenKind::Word
        }
    } else if s.chars().all(|c| c.is_ascii_punctuation() || is_unicode_punct(c)) {
        if s.chars().any(|c| CURRENCY.contains(&c) || "%&#@+=<>|^~*".contains(c)) {
            TokenKind::Symbol
        } else {
            TokenKind::Punct
        }
    } else {
        TokenKind::Symbol
    }
}

fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}' | '\u{ab}' | '\u{bb}' | '\u{bf}' | '\u{a1}'
    )
}

fn push(out: &mut Vec<Token>, text: &str, start: usize, end: usize) {
    if start < end {
        out.push(Token { span: Span::new(start, end), kind: kind_of(&text[start..end]) });
    }
}

/// Tokenizes the text inside `span`, appending to `out`.
fn tokenize_into(text: &str, span: Span, out: &mut Vec<Token>) {
    let region = &text[span.start..span.end];
    let mut chunk_start: Option<usize> = None;
    for (i, c) in region.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = chunk_start.take() {
                tokenize_chunk(text, span.start + s, span.start + i, out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        tokenize_chunk(text, span.start + s, span.end, out);
    }
}

/// One whitespace-delimited chunk: peel openers, closers and clitics, then split on dashes.
fn tokenize_chunk(text: &str, mut start: usize, mut end: usize, out: &mut Vec<Token>) {
    // Leading openers and currency symbols.
    while start < end {
        let c = first_char(&text[start..end]);
        let rest = &text[start + c.len_utf8()..end];
        let is_opener = OPENERS.contains(&c)
            && !(c == '\'' && rest.starts_with(|d: char| d.is_ascii_digit()))
            && !rest.is_empty();
        if is_opener || (CURRENCY.contains(&c) && !rest.is_empty()) {
            push(out, text, start, start + c.len_utf8());
            start += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing closers, collected right to left.
    let mut tail: Vec<(usize, usize)> = Vec::new();
    loop {
        let s = &text[start..end];
        let Some(c) = s.chars().next_back() else { break };
        if s.chars().count() <= 1 {
            break;
        }
        if s.ends_with("...") && s.len() > 3 {
            tail.push((end - 3, end));
            end -= 3;
            continue;
        }
        if c == '\u{2026}' {
            tail.push((end - c.len_utf8(), end));
            end -= c.len_utf8();
            continue;
        }
        if c == '.' {
            let word = &s[..s.len() - 1];
            if is_abbreviation(word)
                || word.chars().all(|d| d.is_ascii_digit()) && word.len() <= 2 && tail.is_empty()
            {
                break;
            }
            tail.push((end - 1, end));
            end -= 1;
            continue;
        }
        if c == '%' && s.len() > 1 {
            tail.push((end - 1, end));
            end -= 1;
            continue;
        }
        if CLOSERS.contains(&c) {
            // `countries'` keeps a plural-possessive apostrophe as its own token too.
            tail.push((end - c.len_utf8(), end));
            end -= c.len_utf8();
            continue;
        }
        break;
    }
    // Clitics: 's n't 're 've 'll 'd 'm (straight or curly apostrophe).
    let mut clitic: Option<(usize, usize)> = None;
    {
        let s = &text[start..end];
        let lower = s.to_lowercase();
        if lower.len() == s.len() {
            for suf in ["n't", "n\u{2019}t"] {
                if lower.ends_with(suf) && s.len() > suf.len() {
                    clitic = Some((end - suf.len(), end));
                    break;
                }
            }
            if clitic.is_none() {
                for suf in [
                    "'s",
                    "'re",
                    "'ve",
                    "'ll",
                    "'d",
                    "'m",
                    "\u{2019}s",
                    "\u{2019}re",
                    "\u{2019}ve",
                    "\u{2019}ll",
                    "\u{2019}d",
                    "\u{2019}m",
                ] {
                    if lower.ends_with(suf) && s.len() > suf.len() {
                        clitic = Some((end - suf.len(), end));
                        break;
                    }
                }
            }
        }
    }
    let mut core_end = clitic.map_or(end, |c| c.0);
    // `<Costain Ltd>'s`, `(the "Group")'s`: a bracket or quote closes before the clitic.
    let mut closed: Vec<(usize, usize)> = Vec::new();
    if clitic.is_some() {
        while let Some(c) = text[start..core_end].chars().next_back()
            && text[start..core_end].chars().nth(1).is_some()
            && matches!(c, ')' | ']' | '}' | '>' | '"' | '\u{201d}')
        {
            closed.push((core_end - c.len_utf8(), core_end));
            core_end -= c.len_utf8();
        }
    }
    split_core(text, start, core_end, out);
    for &(a, b) in closed.iter().rev() {
        push(out, text, a, b);
    }
    if let Some((a, b)) = clitic {
        push(out, text, a, b);
    }
    for &(a, b) in tail.iter().rev() {
        push(out, text, a, b);
    }
}

/// Splits a chunk's core on dashes that join words (`end–where`, `word--word`) and on commas or
/// slashes between letters; keeps hyphenated words, numbers and URLs whole.
fn split_core(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let s = &text[start..end];
    if s.contains("://") || s.starts_with("www.") || s.contains('@') {
        push(out, text, start, end);
        return;
    }
    let mut piece = start;
    let mut iter = s.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = iter.next() {
        let abs = start + i;
        let next = iter.peek().map(|&(_, n)| n);
        let dash = c == '\u{2013}' || c == '\u{2014}';
        let double_hyphen = c == '-' && next == Some('-');
        let comma_between_letters = (c == ',' || c == ';')
            && prev.is_some_and(char::is_alphabetic)
            && next.is_some_and(char::is_alphabetic);
        if dash || comma_between_letters {
            push(out, text, piece, abs);
            push(out, text, abs, abs + c.len_utf8());
            piece = abs + c.len_utf8();
        } else if double_hyphen {
            push(out, text, piece, abs);
            let mut stop = abs;
            while text[stop..end].starts_with('-') {
                stop += 1;
            }
            push(out, text, abs, stop);
            piece = stop;
            // skip the rest of the hyphens
            while iter.peek().is_some_and(|&(j, _)| start + j < stop) {
                iter.next();
            }
        }
        prev = Some(c);
    }
    push(out, text, piece, end);
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

// ---------------------------------------------------------------------------------------------
// Sentences

fn split_sentences(
    text: &str,
    tokens: &[Token],
    first: usize,
    paragraph: u32,
    sentences: &mut Vec<Sentence>,
    ranges: &mut Vec<(u32, u32)>,
) {
    let n = tokens.len();
    if first >= n {
        return;
    }
    let mut start = first;
    let mut i = first;
    while i < n {
        let t = &text[tokens[i].span.start..tokens[i].span.end];
        let mut end_here = false;
        let mut last = i;
        if is_terminal(t, tokens, i, text) {
            // Absorb closing quotes and brackets.
            while last + 1 < n {
                let nt = &text[tokens[last + 1].span.start..tokens[last + 1].span.end];
                if matches!(nt, "\"" | "\u{201d}" | "\u{2019}" | "'" | ")" | "]") {
                    last += 1;
                } else {
                    break;
                }
            }
            end_here = match tokens.get(last + 1) {
                None => true,
                Some(next) => starts_sentence(&text[next.span.start..next.span.end]),
            };
        }
        if end_here || last + 1 == n {
            let last = if end_here { last } else { n - 1 };
            push_sentence(sentences, ranges, tokens, start, last, paragraph);
            start = last + 1;
            i = last + 1;
        } else {
            i += 1;
        }
    }
}

fn push_sentence(
    sentences: &mut Vec<Sentence>,
    ranges: &mut Vec<(u32, u32)>,
    tokens: &[Token],
    a: usize,
    b: usize,
    paragraph: u32,
) {
    let span = Span::new(tokens[a].span.start, tokens[b].span.end);
    sentences.push(Sentence { span, paragraph });
    ranges.push((a as u32, b as u32 + 1));
}

fn is_terminal(t: &str, tokens: &[Token], i: usize, text: &str) -> bool {
    match t {
        "." | "!" | "?" | "..." | "\u{2026}" => true,
        _ if t.len() > 1 && t.ends_with('.') => {
            // An abbreviation that kept its period ends a sentence only before a word that
            // plainly starts one (`... in the U.S. The ...`), and never after a title or initial.
            let word = &t[..t.len() - 1];
            let title_like = TITLE_ABBREVIATIONS.contains(&word.to_ascii_lowercase().as_str())
                || word.chars().count() == 1;
            if title_like {
                return false;
            }
            tokens
                .get(i + 1)
                .is_some_and(|n| SENTENCE_STARTERS.contains(&&text[n.span.start..n.span.end]))
        }
        _ => false,
    }
}

fn starts_sentence(t: &str) -> bool {
    let c = first_char(t);
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '"' | '\u{201c}' | '\u{2018}' | '(' | '[' | '\'' | '-' | '\u{2013}' | '\u{2014}'
        )
        || !c.is_alphabetic() && !c.is_ascii_punctuation() && !c.is_whitespace()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| &s[t.span.start..t.span.end]).collect()
    }

    fn sents(s: &str) -> Vec<&str> {
        segment(s, &[]).sentences.iter().map(|x| &s[x.span.start..x.span.end]).collect()
    }

    #[test]
    fn tokens_follow_conll_conventions() {
        let cases: &[(&str, &[&str])] = &[
            ("Haftar's forces", &["Haftar", "'s", "forces"]),
            ("Haftar\u{2019}s forces", &["Haftar", "\u{2019}s", "forces"]),
            ("the U.S. said", &["the", "U.S.", "said"]),
            ("Mr. Peskov said.", &["Mr.", "Peskov", "said", "."]),
            ("Turkish-backed forces,", &["Turkish-backed", "forces", ","]),
            ("“held talks”, his", &["“", "held", "talks", "”", ",", "his"]),
            ("don't", &["do", "n't"]),
            ("$1.13bn (76%)", &["$", "1.13bn", "(", "76", "%", ")"]),
            ("Africa – where", &["Africa", "–", "where"]),
            ("Africa–where", &["Africa", "–", "where"]),
            ("155,221 bags", &["155,221", "bags"]),
            ("on Sept. 17", &["on", "Sept.", "17"]),
            ("countries' leaders", &["countries", "'", "leaders"]),
            ("'90s", &["'90s"]),
            ("end...", &["end", "..."]),
            ("Yunus-Bek Yevkurov", &["Yunus-Bek", "Yevkurov"]),
            ("north-west of Moscow.", &["north-west", "of", "Moscow", "."]),
            ("a -- b", &["a", "--", "b"]),
            ("<Canadian Pacific Ltd>.", &["<", "Canadian", "Pacific", "Ltd", ">", "."]),
            ("<Costain Ltd>'s", &["<", "Costain", "Ltd", ">", "'s"]),
            ("(the \"Fund\")'s", &["(", "the", "\"", "Fund", "\"", ")", "'s"]),
            ("", &[]),
        ];
        for (input, expect) in cases {
            assert_eq!(&toks(input), expect, "input: {input:?}");
        }
    }

    #[test]
    fn sentences_split_where_a_reader_would() {
        let cases: &[(&str, &[&str])] = &[
            ("Mr. Smith went. He left.", &["Mr. Smith went.", "He left."]),
            ("Gen. J. Smith met Dr. Jones.", &["Gen. J. Smith met Dr. Jones."]),
            (
                "He flew to the U.S. The talks failed.",
                &["He flew to the U.S.", "The talks failed."],
            ),
            ("The U.S. Army left.", &["The U.S. Army left."]),
            ("On Sept. 17 he met them.", &["On Sept. 17 he met them."]),
            ("\u{201c}It is over.\u{201d} He left.", &["\u{201c}It is over.\u{201d}", "He left."]),
            (
                "\u{201c}It is over,\u{201d} Mr Peskov said.",
                &["\u{201c}It is over,\u{201d} Mr Peskov said."],
            ),
            ("Why? Because.", &["Why?", "Because."]),
            ("It rose 5.5 pct. Sales fell.", &["It rose 5.5 pct.", "Sales fell."]),
        ];
        for (input, expect) in cases {
            assert_eq!(&sents(input), expect, "input: {input:?}");
        }
    }

    #[test]
    fn newlines_break_unwrapped_text_and_join_wrapped_text() {
        let s = "Title line\n\nCaption here. Reuters\nPowered by automated translation\n\nBody.";
        let seg = segment(s, &[]);
        let ps: Vec<&str> = seg.paragraphs.iter().map(|p| &s[p.span.start..p.span.end]).collect();
        assert_eq!(
            ps,
            ["Title line", "Caption here. Reuters", "Powered by automated translation", "Body."]
        );

        let wrapped = "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary and improving prospects for the coming temporao,\nalthough normal humidity levels have not been restored.\n    The dry period means the temporao will be late this year.";
        let seg = segment(wrapped, &[]);
        assert_eq!(seg.paragraphs.len(), 2);
        assert_eq!(seg.sentences.len(), 2);
    }

    #[test]
    fn zones_cut_paragraphs() {
        let s = "Caption here. Reuters";
        let zones = [Zone { kind: ZoneKind::Credit, span: Span::new(14, 21) }];
        let seg = segment(s, &zones);
        assert_eq!(seg.paragraphs.len(), 2);
        assert_eq!(seg.paragraphs[1].zone, ZoneKind::Credit);
        assert_eq!(seg.sentences.len(), 2);
    }

    proptest::proptest! {
        #[test]
        fn spans_are_in_bounds_and_ordered(s in "\\PC{0,200}") {
            let seg = segment(&s, &[]);
            let mut prev = 0;
            for t in &seg.tokens {
                proptest::prop_assert!(t.span.start >= prev && t.span.start < t.span.end);
                proptest::prop_assert!(s.get(t.span.start..t.span.end).is_some());
                prev = t.span.end;
            }
            for (i, x) in seg.sentences.iter().enumerate() {
                proptest::prop_assert!(s.get(x.span.start..x.span.end).is_some());
                let (a, b) = seg.sentence_tokens[i];
                proptest::prop_assert!(a < b);
            }
        }
    }
}
