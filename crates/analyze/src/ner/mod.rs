//! Entity recognition: actor and place mentions (PERSON, ORG, GPE, LOC, NORP) and the titles
//! that qualify people (TITLE), with byte spans.
//!
//! The statistical core is a greedy two-pass BILOU tagger trained as an averaged perceptron on
//! CoNLL-2003 ([`train`]), with word clusters and capitalisation statistics learnt from
//! unlabelled news ([`cluster`]), gazetteer lists ([`lexicon`]) and document-level features
//! ([`tagger`]). The product layer ([`refine`]) keeps titles out of names, applies
//! organisation cues, keeps one type per name through a document and splits places into GPE and
//! LOC and group adjectives into NORP. The model (`models/ner.bin.gz`) is built by
//! `sitrep train ner` and embedded in the binary.

pub mod cluster;
mod codec;
pub mod features;
pub mod hash;
pub mod labels;
pub mod lexicon;
pub mod model;
mod perceptron;
pub mod refine;
pub mod tagger;
pub mod train;
mod words;

use std::cell::RefCell;
use std::io::Read;

use types::{Mention, MentionKind, MentionLabel, Span};

use crate::text::Segmentation;

use self::features::flag;
use self::labels::Class;
use self::model::Model;
pub use self::refine::{Entity, NerType};
use self::refine::{DocView, WordSets};
use self::tagger::{Scratch, Tagger};

/// Why an embedded model could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("model {name}: {reason}")]
    Corrupt { name: &'static str, reason: String },
}

static EMBEDDED: &[u8] = include_bytes!("../../models/ner.bin.gz");

/// The entity recognizer. Cheap to share across threads; each thread keeps its own buffers.
pub struct Recognizer {
    model: Model,
    id: u64,
    sets: WordSets,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Decompresses a gzipped model file.
pub fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(bytes.len() * 4);
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

/// Compresses a model file (deterministic: no timestamp, fixed level).
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::with_capacity(bytes.len() / 2), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(bytes);
    enc.finish().unwrap_or_default()
}

impl Recognizer {
    /// The recognizer with the model embedded in this binary.
    pub fn embedded() -> Result<Recognizer, ModelError> {
        Recognizer::from_gz(EMBEDDED, "ner.bin.gz")
    }

    /// A recognizer from a gzipped model file.
    pub fn from_gz(bytes: &[u8], name: &'static str) -> Result<Recognizer, ModelError> {
        let raw = gunzip(bytes).map_err(|reason| ModelError::Corrupt { name, reason })?;
        let model =
            Model::from_bytes(&raw).map_err(|reason| ModelError::Corrupt { name, reason })?;
        Ok(Recognizer::from_model(model))
    }

    pub fn from_model(model: Model) -> Recognizer {
        Recognizer { model, id: tagger::new_model_id(), sets: WordSets::new() }
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Whether `text` is made of title words only (`Field Marshal`, `Mr`).
    pub fn is_title_only(&self, text: &str) -> bool {
        let mut any = false;
        for t in text.split_whitespace() {
            if self.model.lexicon.title_bits(hash::lower_hash(t)) == 0 {
                return false;
            }
            any = true;
        }
        any
    }

    /// Tags a pre-tokenised document (`tokens` flat, `sents` the token range of each sentence)
    /// and returns its entities over token ranges, in order, after every refinement.
    pub fn tag_document<S: AsRef<str>>(&self, tokens: &[S], sents: &[(usize, usize)]) -> Vec<Entity> {
        let toks: Vec<&str> = tokens.iter().map(AsRef::as_ref).collect();
        SCRATCH.with(|s| {
            let mut scratch = s.borrow_mut();
            self.entities(&toks, sents, &mut scratch)
        })
    }

    /// The first-pass and second-pass tags of a pre-tokenised document (for diagnostics).
    pub fn raw_tags<S: AsRef<str>>(&self, tokens: &[S], sents: &[(usize, usize)]) -> (Vec<u8>, Vec<u8>) {
        SCRATCH.with(|s| {
            let mut scratch = s.borrow_mut();
            let tagger = Tagger { model: &self.model, id: self.id };
            tagger.prepare(tokens, sents, &mut scratch);
            tagger.tag(&mut scratch);
            (scratch.tags1.clone(), scratch.tags2.clone())
        })
    }

    fn entities(&self, toks: &[&str], sents: &[(usize, usize)], scratch: &mut Scratch) -> Vec<Entity> {
        let tagger = Tagger { model: &self.model, id: self.id };
        tagger.prepare(toks, sents, scratch);
        tagger.tag(scratch);
        let spans = train::doc_spans(&scratch.doc, &scratch.tags2);
        let view = DocView {
            words: &scratch.doc.words,
            tokens: toks,
            sents,
            lex: &self.model.lexicon,
            sets: &self.sets,
        };
        refine::refine(&view, &spans)
    }

    /// Mentions in `text`, in text order, non-overlapping.
    pub fn recognize(&self, text: &str, seg: &Segmentation) -> Vec<Mention> {
        let toks: Vec<&str> =
            seg.tokens.iter().map(|t| text.get(t.span.start..t.span.end).unwrap_or("")).collect();
        let sents: Vec<(usize, usize)> =
            seg.sentence_tokens.iter().map(|&(a, b)| (a as usize, b as usize)).collect();
        SCRATCH.with(|s| {
            let mut scratch = s.borrow_mut();
            let ents = self.entities(&toks, &sents, &mut scratch);
            let view = DocView {
                words: &scratch.doc.words,
                tokens: &toks,
                sents: &sents,
                lex: &self.model.lexicon,
                sets: &self.sets,
            };
            self.mentions(text, seg, &view, &ents)
        })
    }

    fn mentions(&self, text: &str, seg: &Segmentation, view: &DocView<'_>, ents: &[Entity]) -> Vec<Mention> {
        let sentence_of = |tok: usize| -> u32 {
            seg.sentence_tokens.partition_point(|&(_, b)| (b as usize) <= tok) as u32
        };
        let byte_span = |s: usize, e: usize| Span::new(seg.tokens[s].span.start, seg.tokens[e - 1].span.end);
        // (span, label, kind, sentence, person entity index for titles)
        let mut out: Vec<(Span, MentionLabel, MentionKind, u32, Option<usize>, Option<usize>)> =
            Vec::with_capacity(ents.len() + 8);
        let mut covered = vec![false; seg.tokens.len()];
        for (k, e) in ents.iter().enumerate() {
            for c in &mut covered[e.start..e.end] {
                *c = true;
            }
            // `Turkish-backed`: the name before the hyphen is the mention.
            if e.end == e.start + 1 && view.words[e.start].flags & flag::CAP_HYPHEN_LOWER != 0 {
                if let Some((span, ty)) = self.hyphen_prefix(view, seg, e.start, Some(e.ty)) {
                    out.push((span, ty.into(), MentionKind::Name, sentence_of(e.start), None, Some(k)));
                }
                continue;
            }
            let Some(t) = e.ty.entity_type() else { continue };
            out.push((byte_span(e.start, e.end), t.into(), MentionKind::Name, sentence_of(e.start), None, Some(k)));
        }
        // Compounds the tagger left alone (`UN-backed`).
        for (i, w) in view.words.iter().enumerate() {
            if !covered[i] && w.flags & flag::CAP_HYPHEN_LOWER != 0
                && let Some((span, ty)) = self.hyphen_prefix(view, seg, i, None)
            {
                out.push((span, ty.into(), MentionKind::Name, sentence_of(i), None, None));
            }
        }
        for t in refine::titles(view, ents) {
            out.push((
                byte_span(t.start, t.end),
                MentionLabel::Title,
                MentionKind::Title,
                sentence_of(t.start),
                Some(t.person),
                None,
            ));
        }
        out.sort_by_key(|m| (m.0.start, m.0.end));
        let mut mentions: Vec<Mention> = Vec::with_capacity(out.len());
        let mut ent_index: Vec<(usize, u32)> = Vec::new();
        let mut last_end = 0usize;
        for (span, label, kind, sentence, person, ent) in &out {
            if span.start < last_end || span.is_empty() {
                continue;
            }
            let Some(t) = text.get(span.start..span.end) else { continue };
            last_end = span.end;
            if let Some(k) = ent {
                ent_index.push((*k, mentions.len() as u32));
            }
            mentions.push(Mention {
                span: *span,
                text: t.to_string(),
                label: *label,
                kind: *kind,
                sentence: *sentence,
                entity: None,
                qualifies: person.map(|p| p as u32),
            });
        }
        // Titles point at the person's mention index.
        for m in &mut mentions {
            if let Some(p) = m.qualifies {
                m.qualifies = ent_index.iter().find(|(k, _)| *k == p as usize).map(|&(_, i)| i);
            }
        }
        mentions
    }

    /// The name before the hyphen of a token like `Turkish-backed` or `UN-backed`, typed by
    /// what the gazetteer and the training names say of it (else by the tagger's class).
    fn hyphen_prefix(&self, view: &DocView<'_>, seg: &Segmentation, i: usize, tagged: Option<NerType>) -> Option<(Span, types::EntityType)> {
        let tok = view.tokens[i];
        let cut = tok.find('-')?;
        let prefix = &tok[..cut];
        if prefix.chars().count() < 2 {
            return None;
        }
        let lower = hash::lower_hash(prefix);
        let cats = self.model.lexicon.phrase_cats(&[lower]);
        use self::lexicon::cat;
        let ty = if cats & (1 << cat::DEMONYM) != 0 {
            NerType::Norp
        } else if cats & (1 << cat::COUNTRY | 1 << cat::CITY | 1 << cat::PROVINCE | 1 << cat::CAPITAL) != 0 {
            NerType::Gpe
        } else if cats & (1 << cat::CONTINENT | 1 << cat::REGION) != 0 {
            NerType::Loc
        } else {
            match self.model.known_class(lower) {
                Some(Class::Per) => NerType::Person,
                Some(Class::Org) => NerType::Org,
                Some(Class::Loc) => NerType::Gpe,
                Some(Class::Misc) => NerType::Norp,
                None => match tagged {
                    Some(NerType::Misc) | None => return None,
                    Some(t) => t,
                },
            }
        };
        let start = seg.tokens[i].span.start;
        Some((Span::new(start, start + cut), ty.entity_type()?))
    }
}
