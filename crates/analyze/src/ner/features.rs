//! Features of the sequence model, as 64-bit hashed keys.
//!
//! Two kinds: *word features* depend only on one token's form and what the lexicon knows of it
//! (form, lowercase, shape, affixes, word clusters, corpus capitalisation), emitted for the
//! current token and its neighbours at offsets -2..=2; and *context features* that depend on
//! the sentence, the document, the gazetteer matches and the tags already predicted. Word
//! features are what the recognizer pre-sums per known word at load time, so both kinds are
//! produced here and nowhere else: training and inference cannot drift apart.

use super::hash::{ByteHasher, combine, feature, lower_hash, str_hash};
use super::labels::{NTAGS, O, Tag, class_slot};
use super::lexicon::{GAZ_CATS, Lexicon};

/// Word-shape and character flags.
pub mod flag {
    pub const INIT_CAP: u16 = 1;
    pub const ALL_CAPS: u16 = 2;
    pub const ALL_LOWER: u16 = 4;
    pub const HAS_DIGIT: u16 = 8;
    pub const ALL_DIGIT: u16 = 16;
    pub const HAS_HYPHEN: u16 = 32;
    pub const HAS_PERIOD: u16 = 64;
    pub const PUNCT: u16 = 128;
    pub const HAS_UPPER: u16 = 256;
    pub const SINGLE: u16 = 512;
    pub const APOS: u16 = 1024;
    /// Capitalised part then a lowercase part after a hyphen (`Turkish-backed`).
    pub const CAP_HYPHEN_LOWER: u16 = 2048;
}

/// What the model knows about one word form, independent of its context.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordInfo {
    pub word: u64,
    /// The title-case form's hash for an all-caps word (`JAPAN` -> `Japan`), else `word`.
    pub title: u64,
    pub lower: u64,
    pub shape: u64,
    pub short: u64,
    pub flags: u16,
    pub prefix: [u64; 4],
    pub suffix: [u64; 4],
    /// Word-cluster ids at three granularities (0 = unknown word).
    pub clusters: [u16; 3],
    /// Capitalisation bin from unlabelled text (0 = unseen).
    pub cap: u8,
    pub len: u8,
}

impl WordInfo {
    pub fn is_cap(&self) -> bool {
        self.flags & (flag::INIT_CAP | flag::ALL_CAPS) != 0
    }

    /// The part of the word information that context features and refinement read.
    pub fn tok(&self) -> Tok {
        Tok {
            lower: self.lower,
            short: self.short,
            flags: self.flags,
            clusters: self.clusters,
            cap: self.cap,
        }
    }
}

/// What the tagger keeps of each token of a document (a slim [`WordInfo`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tok {
    pub lower: u64,
    pub short: u64,
    pub flags: u16,
    pub clusters: [u16; 3],
    pub cap: u8,
}

impl Tok {
    pub fn is_cap(&self) -> bool {
        self.flags & (flag::INIT_CAP | flag::ALL_CAPS) != 0
    }
}

fn char_class(c: char) -> u8 {
    if c.is_uppercase() {
        b'X'
    } else if c.is_lowercase() {
        b'x'
    } else if c.is_ascii_digit() {
        b'd'
    } else if c.is_alphabetic() {
        b'a'
    } else if (c as u32) < 128 {
        c as u8
    } else {
        b'*'
    }
}

/// Computes the word information of `s` (pure function of `s` and the lexicon).
pub fn word_info(s: &str, lex: &Lexicon) -> WordInfo {
    let mut shape = ByteHasher::new();
    let mut short = ByteHasher::new();
    let (mut run_c, mut run_n, mut last_short) = (0u8, 0usize, 0u8);
    let (mut upper, mut lower, mut digit, mut alpha, mut other) = (0usize, 0, 0, 0, 0);
    let mut flags = 0u16;
    let mut nchars = 0usize;
    for c in s.chars() {
        nchars += 1;
        let k = char_class(c);
        if k == run_c {
            run_n += 1;
        } else {
            run_c = k;
            run_n = 1;
        }
        if run_n <= 2 {
            shape.byte(k);
        }
        if k != last_short {
            short.byte(k);
            last_short = k;
        }
        if c.is_uppercase() {
            upper += 1;
            alpha += 1;
        } else if c.is_lowercase() {
            lower += 1;
            alpha += 1;
        } else if c.is_ascii_digit() {
            digit += 1;
        } else if c.is_alphabetic() {
            alpha += 1;
        } else {
            other += 1;
            match c {
                '-' => flags |= flag::HAS_HYPHEN,
                '.' => flags |= flag::HAS_PERIOD,
                '\'' | '\u{2019}' => flags |= flag::APOS,
                _ => {}
            }
        }
    }
    let first_upper = s.chars().next().is_some_and(char::is_uppercase);
    if first_upper {
        flags |= flag::INIT_CAP;
    }
    if upper > 0 {
        flags |= flag::HAS_UPPER;
        if lower == 0 && upper >= 1 && (upper >= 2 || nchars == 1 || other > 0) {
            flags |= flag::ALL_CAPS;
        }
    }
    if alpha > 0 && upper == 0 && lower > 0 {
        flags |= flag::ALL_LOWER;
    }
    if digit > 0 {
        flags |= flag::HAS_DIGIT;
        if alpha == 0 {
            flags |= flag::ALL_DIGIT;
        }
    }
    if alpha == 0 && digit == 0 {
        flags |= flag::PUNCT;
    }
    if nchars == 1 {
        flags |= flag::SINGLE;
    }
    if first_upper
        && let Some((a, b)) = s.split_once('-')
        && !a.is_empty()
        && !b.is_empty()
        && b.chars().all(char::is_lowercase)
    {
        flags |= flag::CAP_HYPHEN_LOWER;
    }
    // Affixes of the lowercase form.
    let mut prefix = [0u64; 4];
    let mut suffix = [0u64; 4];
    let lc: smallvec_chars::Chars = smallvec_chars::lower_chars(s);
    let n = lc.len();
    for k in 1..=4usize {
        if n > k {
            let mut h = ByteHasher::new();
            for &c in &lc.as_slice()[..k] {
                h.char(c);
            }
            prefix[k - 1] = h.finish();
            let mut h = ByteHasher::new();
            for &c in &lc.as_slice()[n - k..] {
                h.char(c);
            }
            suffix[k - 1] = h.finish();
        }
    }
    let word = str_hash(s);
    let lowerh = lower_hash(s);
    let title = if flags & flag::ALL_CAPS != 0 && nchars > 1 {
        let mut h = ByteHasher::new();
        let mut first = true;
        for c in s.chars() {
            if first {
                h.char(c);
                first = false;
            } else {
                for l in c.to_lowercase() {
                    h.char(l);
                }
            }
        }
        h.finish()
    } else {
        word
    };
    WordInfo {
        word,
        title,
        lower: lowerh,
        shape: shape.finish(),
        short: short.finish(),
        flags,
        prefix,
        suffix,
        clusters: lex.clusters(s, word, lowerh, flags),
        cap: lex.cap_bin(lowerh),
        len: nchars.min(255) as u8,
    }
}

/// Lowercase characters of a word without heap allocation for ordinary words.
mod smallvec_chars {
    pub struct Chars {
        buf: [char; 32],
        n: usize,
        heap: Vec<char>,
    }

    impl Chars {
        pub fn len(&self) -> usize {
            if self.heap.is_empty() { self.n } else { self.heap.len() }
        }

        pub fn as_slice(&self) -> &[char] {
            if self.heap.is_empty() { &self.buf[..self.n] } else { &self.heap }
        }
    }

    pub fn lower_chars(s: &str) -> Chars {
        let mut out = Chars { buf: ['\0'; 32], n: 0, heap: Vec::new() };
        for c in s.chars().flat_map(char::to_lowercase) {
            if out.heap.is_empty() && out.n < 32 {
                out.buf[out.n] = c;
                out.n += 1;
            } else {
                if out.heap.is_empty() {
                    out.heap.extend_from_slice(&out.buf[..out.n]);
                }
                out.heap.push(c);
            }
        }
        out
    }
}

// Templates. Word templates take the offset (0..5 for -2..=2) in their low bits.
const W_WORD: u32 = 0x100;
const W_LOWER: u32 = 0x110;
const W_SHAPE: u32 = 0x120;
const W_SHORT: u32 = 0x130;
const W_PRE: u32 = 0x140; // + len
const W_SUF: u32 = 0x150; // + len
const W_FLAGS: u32 = 0x160;
const W_C0: u32 = 0x170;
const W_C1: u32 = 0x180;
const W_C2: u32 = 0x190;
const W_CAP: u32 = 0x1a0;
const W_CAPFLAGS: u32 = 0x1b0;
const W_LEN: u32 = 0x1c0;
const W_BOUNDARY: u32 = 0x1d0;
const W_BIAS: u32 = 0x1e0;

const C_BIGRAM_L: u32 = 0x200;
const C_BIGRAM_R: u32 = 0x201;
const C_SHAPE3: u32 = 0x202;
const C_PREV: u32 = 0x203;
const C_PREV2: u32 = 0x204;
const C_PREV_WORD: u32 = 0x205;
const C_PREV_SHAPE: u32 = 0x206;
const C_FIRST_SHAPE: u32 = 0x207;
const C_FIRST_CAP: u32 = 0x208;
const C_CAPS_SENT_CAP: u32 = 0x209;
const C_CAPS_SENT_C1: u32 = 0x20a;
const C_CAPS_SENT_SHORT: u32 = 0x20b;
const C_TABLE_SHORT: u32 = 0x20c;
const C_GAZ: u32 = 0x20d;
const C_GAZ_PREV: u32 = 0x20e;
const C_GAZ_NEXT: u32 = 0x20f;
const C_GAZ_CAPS: u32 = 0x210;
const C_DOC: u32 = 0x211;
const C_HIST_HAS: u32 = 0x212;
const C_HIST_MAJ: u32 = 0x213;
const C_AGG_HAS: u32 = 0x214;
const C_AGG_MAJ: u32 = 0x215;
const C_P1: u32 = 0x216;
const C_P1_PREV: u32 = 0x217;
const C_P1_NEXT: u32 = 0x218;
const C_P1_WORD: u32 = 0x219;
const C_AGG_WORD: u32 = 0x21a;
const C_PHRASE_MAJ: u32 = 0x21b;
const C_PREV_GAZ: u32 = 0x21c;
const C_PREV_CLUSTER: u32 = 0x21d;

#[inline]
fn off(o: i32) -> u32 {
    (o + 2) as u32
}

/// Word features of `w` seen at offset `o` (-2..=2) from the token being tagged.
pub fn word_features(w: &WordInfo, o: i32, out: &mut Vec<u64>) {
    let t = off(o);
    out.push(feature(W_LOWER + t, w.lower));
    out.push(feature(W_SHORT + t, w.short));
    out.push(feature(W_C1 + t, u64::from(w.clusters[1])));
    if o.abs() <= 1 {
        out.push(feature(W_WORD + t, w.title));
        out.push(feature(W_C0 + t, u64::from(w.clusters[0])));
        out.push(feature(W_C2 + t, u64::from(w.clusters[2])));
        out.push(feature(W_FLAGS + t, u64::from(w.flags)));
        out.push(feature(W_CAPFLAGS + t, u64::from(w.cap) << 16 | u64::from(w.flags & 7)));
    }
    if o == 0 {
        out.push(feature(W_BIAS, 0));
        if w.title != w.word {
            out.push(feature(W_WORD + 5, w.word));
        }
        out.push(feature(W_SHAPE, w.shape));
        out.push(feature(W_CAP, u64::from(w.cap)));
        out.push(feature(W_LEN, u64::from(w.len.min(12))));
        for k in 0..4 {
            if w.prefix[k] != 0 {
                out.push(feature(W_PRE + k as u32, w.prefix[k]));
            }
            if w.suffix[k] != 0 {
                out.push(feature(W_SUF + k as u32, w.suffix[k]));
            }
        }
    }
}

/// The features of the padding beyond a sentence edge at offset `o` (`o != 0`).
pub fn boundary_features(o: i32, out: &mut Vec<u64>) {
    out.push(feature(W_BOUNDARY + off(o), 0));
}

/// Per-sentence facts used as context.
#[derive(Debug, Clone, Copy, Default)]
pub struct SentFacts {
    /// Headline or shouting: no lowercase word in the sentence.
    pub all_caps: bool,
    /// Most tokens are numbers (a sports or results table).
    pub table: bool,
}

/// Per-token facts from the document and the gazetteer, fixed before tagging.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokFacts {
    /// Gazetteer matches: bit `4 * category + part` (B, I, L, U).
    pub gaz: u128,
    /// Document flags: 1 = the lowercase form appears lowercase elsewhere (mid-sentence), 2 = it
    /// appears capitalised mid-sentence elsewhere, 4 = the token is sentence-initial.
    pub doc: u8,
}

/// Class counts (O, PER, ORG, LOC, MISC) of other occurrences of the same word in the document.
pub type Counts = [u16; 5];

/// What the second pass knows from the first: the token's own first-pass tag, and the counts of
/// first-pass classes for the same word and for the same phrase elsewhere in the document.
#[derive(Debug, Clone, Copy, Default)]
pub struct Pass2Facts {
    pub tag: Tag,
    pub agg: Counts,
    pub phrase: Counts,
}

fn majority(c: &Counts, skip_o: bool) -> Option<usize> {
    let start = usize::from(skip_o);
    let mut best: Option<usize> = None;
    for k in start..5 {
        if c[k] > 0 && best.is_none_or(|b| c[k] > c[b]) {
            best = Some(k);
        }
    }
    best
}

/// The second pass's view of the first, for every token of the document.
#[derive(Debug, Clone, Default)]
pub struct Pass2 {
    pub facts: Vec<Pass2Facts>,
    /// Buffers reused between documents.
    pub(crate) agg: super::lexicon::U64Map<Counts>,
    pub(crate) phrase: super::lexicon::U64Map<Counts>,
    pub(crate) ents: Vec<(usize, usize, u64, usize)>,
}

/// Everything the context features of one position read.
pub struct Context<'a> {
    pub words: &'a [Tok],
    pub facts: &'a [TokFacts],
    pub sent: SentFacts,
    /// Tags predicted so far in this sentence (positions `< i` are valid).
    pub tags: &'a [Tag],
    /// Pass 1: history counts for position i (earlier occurrences in the document).
    pub hist: Option<&'a Counts>,
    /// Pass 2: first-pass facts for the whole document.
    pub pass2: Option<&'a Pass2>,
    /// Document index of the sentence's first token.
    pub base: usize,
}

/// Context features of position `i`.
pub fn context_features(cx: &Context<'_>, i: usize, out: &mut Vec<u64>) {
    let n = cx.words.len();
    let w = &cx.words[i];
    let prev_lower = if i > 0 { cx.words[i - 1].lower } else { 1 };
    let next_lower = if i + 1 < n { cx.words[i + 1].lower } else { 2 };
    out.push(feature(C_BIGRAM_L, combine(prev_lower, w.lower)));
    out.push(feature(C_BIGRAM_R, combine(w.lower, next_lower)));
    let ps = if i > 0 { cx.words[i - 1].short } else { 1 };
    let ns = if i + 1 < n { cx.words[i + 1].short } else { 2 };
    out.push(feature(C_SHAPE3, combine(combine(ps, w.short), ns)));

    let y1 = if i > 0 { cx.tags[i - 1] } else { NTAGS as Tag };
    let y2 = if i > 1 { cx.tags[i - 2] } else { NTAGS as Tag };
    out.push(feature(C_PREV, u64::from(y1)));
    out.push(feature(C_PREV2, u64::from(y2) << 8 | u64::from(y1)));
    out.push(feature(C_PREV_WORD, combine(u64::from(y1), w.lower)));
    out.push(feature(C_PREV_SHAPE, combine(u64::from(y1), w.short)));
    out.push(feature(C_PREV_CLUSTER, u64::from(y1) << 16 | u64::from(w.clusters[1])));

    if i == 0 {
        out.push(feature(C_FIRST_SHAPE, w.short));
        out.push(feature(C_FIRST_CAP, u64::from(w.cap) << 16 | u64::from(w.flags & 7)));
    }
    if cx.sent.all_caps {
        out.push(feature(C_CAPS_SENT_CAP, u64::from(w.cap)));
        out.push(feature(C_CAPS_SENT_C1, u64::from(w.clusters[1])));
        out.push(feature(C_CAPS_SENT_SHORT, w.short));
    }
    if cx.sent.table {
        out.push(feature(C_TABLE_SHORT, w.short));
    }

    let f = &cx.facts[i];
    let mut g = f.gaz;
    while g != 0 {
        let b = g.trailing_zeros();
        g &= g - 1;
        out.push(feature(C_GAZ, u64::from(b)));
        out.push(feature(C_GAZ_CAPS, u64::from(b) << 8 | u64::from(w.flags & 3)));
    }
    if i > 0 {
        let cats = cats_of(cx.facts[i - 1].gaz);
        let mut g = cats;
        while g != 0 {
            let b = g.trailing_zeros();
            g &= g - 1;
            out.push(feature(C_GAZ_PREV, u64::from(b)));
            out.push(feature(C_PREV_GAZ, u64::from(b) << 8 | u64::from(w.flags & 3)));
        }
    }
    if i + 1 < n {
        let mut g = cats_of(cx.facts[i + 1].gaz);
        while g != 0 {
            let b = g.trailing_zeros();
            g &= g - 1;
            out.push(feature(C_GAZ_NEXT, u64::from(b)));
        }
    }
    if w.is_cap() {
        out.push(feature(C_DOC, u64::from(f.doc) << 8 | u64::from(cx.sent.all_caps)));
    }

    if let Some(h) = cx.hist {
        for (k, &c) in h.iter().enumerate() {
            if c > 0 {
                out.push(feature(C_HIST_HAS, k as u64));
            }
        }
        if let Some(m) = majority(h, false) {
            out.push(feature(C_HIST_MAJ, m as u64));
        }
    }

    if let Some(pass2) = cx.pass2 {
        let p2 = &pass2.facts[cx.base..cx.base + n];
        let p = &p2[i];
        out.push(feature(C_P1, u64::from(p.tag)));
        out.push(feature(C_P1_WORD, combine(u64::from(p.tag), w.lower)));
        let pt = if i > 0 { p2[i - 1].tag } else { NTAGS as Tag };
        let nt = if i + 1 < n { p2[i + 1].tag } else { NTAGS as Tag };
        out.push(feature(C_P1_PREV, u64::from(pt) << 8 | u64::from(p.tag)));
        out.push(feature(C_P1_NEXT, u64::from(nt) << 8 | u64::from(p.tag)));
        for (k, &c) in p.agg.iter().enumerate() {
            if c > 0 {
                out.push(feature(C_AGG_HAS, k as u64));
            }
        }
        if let Some(m) = majority(&p.agg, true) {
            out.push(feature(C_AGG_MAJ, m as u64));
            out.push(feature(C_AGG_WORD, (m as u64) << 8 | u64::from(class_slot(p.tag) as u8)));
        }
        if let Some(m) = majority(&p.phrase, true) {
            out.push(feature(C_PHRASE_MAJ, m as u64));
        }
    }
}

/// The category bits (one per gazetteer list) of a token's gazetteer matches.
#[inline]
pub fn cats_of(gaz: u128) -> u64 {
    let mut cats = 0u64;
    for c in 0..GAZ_CATS {
        if (gaz >> (4 * c)) & 0xf != 0 {
            cats |= 1 << c;
        }
    }
    cats
}

/// Per-sentence facts.
pub fn sent_facts(words: &[Tok]) -> SentFacts {
    let (mut alpha_words, mut caps_words, mut numbers) = (0usize, 0usize, 0usize);
    for w in words {
        if w.flags & (flag::PUNCT | flag::ALL_DIGIT) == 0 && w.flags & flag::HAS_DIGIT == 0 {
            alpha_words += 1;
            if w.flags & flag::ALL_CAPS != 0 {
                caps_words += 1;
            }
        }
        if w.flags & flag::ALL_DIGIT != 0 {
            numbers += 1;
        }
    }
    SentFacts {
        all_caps: alpha_words >= 1 && caps_words == alpha_words && words.len() > 1,
        table: numbers * 2 >= words.len() && numbers >= 2,
    }
}

/// The tag O as history before a sentence, used by callers that need a default.
pub const NO_TAG: Tag = O;
