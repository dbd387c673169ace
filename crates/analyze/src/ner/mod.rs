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
use self::refine::{DocView, WordSets};
pub use self::refine::{Entity, NerType};
use self::tagger::{Scratch, Tagger};

/// A mention before ordering and numbering.
struct Draft {
    span: Span,
    label: MentionLabel,
    sentence: u32,
    /// For a title: the entity (index into the refined entities) it qualifies.
    person: Option<usize>,
    /// For a name: its entity index.
    entity: Option<usize>,
}

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
    pub fn tag_document<S: AsRef<str>>(
        &self,
        tokens: &[S],
        sents: &[(usize, usize)],
    ) -> Vec<Entity> {
        let toks: Vec<&str> = tokens.iter().map(AsRef::as_ref).collect();
        SCRATCH.with(|s| {
            let mut scratch = s.borrow_mut();
            self.entities(&toks, sents, &mut scratch)
        })
    }

    /// The first-pass and second-pass tags of a pre-tokenised document (for diagnostics).
    pub fn raw_tags<S: AsRef<str>>(
        &self,
        tokens: &[S],
        sents: &[(usize, usize)],
    ) -> (Vec<u8>, Vec<u8>) {
        SCRATCH.with(|s| {
            let mut scratch = s.borrow_mut();
            let tagger = Tagger { model: &self.model, id: self.id };
            tagger.prepare(tokens, sents, &mut scratch);
            tagger.tag(&mut scratch);
            (scratch.tags1.clone(), scratch.tags2.clone())
        })
    }

    fn entities(
        &self,
        toks: &[&str],
        sents: &[(usize, usize)],
        scratch: &mut Scratch,
    ) -> Vec<Entity> {
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

    fn mentions(
        &self,
        text: &str,
        seg: &Segmentation,
        view: &DocView<'_>,
        ents: &[Entity],
    ) -> Vec<Mention> {
        let sentence_of = |tok: usize| -> u32 {
            seg.sentence_tokens.partition_point(|&(_, b)| (b as usize) <= tok) as u32
        };
        let byte_span =
            |s: usize, e: usize| Span::new(seg.tokens[s].span.start, seg.tokens[e - 1].span.end);
        let mut out: Vec<Draft> = Vec::with_capacity(ents.len() + 8);
        let mut covered = vec![false; seg.tokens.len()];
        for (k, e) in ents.iter().enumerate() {
            for c in &mut covered[e.start..e.end] {
                *c = true;
            }
            let name = |span: Span, t: types::EntityType| Draft {
                span,
                label: t.into(),
                sentence: sentence_of(e.start),
                person: None,
                entity: Some(k),
            };
            // `Turkish-backed`: the name before the hyphen is the mention.
            if e.end == e.start + 1 && view.words[e.start].flags & flag::CAP_HYPHEN_LOWER != 0 {
                if let Some((span, t)) = self.hyphen_prefix(view, seg, e.start, Some(e.ty)) {
                    out.push(name(span, t));
                }
                continue;
            }
            if let Some(t) = e.ty.entity_type() {
                out.push(name(byte_span(e.start, e.end), t));
            }
        }
        // Compounds the tagger left alone (`UN-backed`).
        for (i, w) in view.words.iter().enumerate() {
            if !covered[i]
                && w.flags & flag::CAP_HYPHEN_LOWER != 0
                && let Some((span, t)) = self.hyphen_prefix(view, seg, i, None)
            {
                let sentence = sentence_of(i);
                out.push(Draft { span, label: t.into(), sentence, person: None, entity: None });
            }
        }
        for t in refine::titles(view, ents) {
            out.push(Draft {
                span: byte_span(t.start, t.end),
                label: MentionLabel::Title,
                sentence: sentence_of(t.start),
                person: Some(t.person),
                entity: None,
            });
        }
        out.sort_by_key(|m| (m.span.start, m.span.end));
        // Keep the first of overlapping drafts (there should be none).
        let mut kept: Vec<&Draft> = Vec::with_capacity(out.len());
        let mut last_end = 0usize;
        for d in &out {
            if d.span.start < last_end
                || d.span.is_empty()
                || text.get(d.span.start..d.span.end).is_none()
            {
                continue;
            }
            last_end = d.span.end;
            kept.push(d);
        }
        // Mention index of each entity, then titles whose person made it.
        let index_of = |k: usize| kept.iter().position(|d| d.entity == Some(k)).map(|i| i as u32);
        let mut mentions: Vec<Mention> = Vec::with_capacity(kept.len());
        let mut renumber: Vec<Option<u32>> = Vec::with_capacity(kept.len());
        for d in &kept {
            let qualifies = match d.person {
                Some(p) => match index_of(p) {
                    Some(i) => Some(i),
                    None => {
                        renumber.push(None);
                        continue;
                    }
                },
                None => None,
            };
            renumber.push(Some(mentions.len() as u32));
            mentions.push(Mention {
                span: d.span,
                text: text[d.span.start..d.span.end].to_string(),
                label: d.label,
                kind: if d.label == MentionLabel::Title {
                    MentionKind::Title
                } else {
                    MentionKind::Name
                },
                sentence: d.sentence,
                entity: None,
                qualifies,
            });
        }
        // Dropped titles shift later indices: map kept positions to mention positions.
        for m in &mut mentions {
            if let Some(q) = m.qualifies {
                m.qualifies = renumber.get(q as usize).copied().flatten();
            }
        }
        mentions
    }

    /// The name before the hyphen of a token like `Turkish-backed` or `UN-backed`, typed by
    /// what the gazetteer and the training names say of it (else by the tagger's class).
    fn hyphen_prefix(
        &self,
        view: &DocView<'_>,
        seg: &Segmentation,
        i: usize,
        tagged: Option<NerType>,
    ) -> Option<(Span, types::EntityType)> {
        let tok = view.tokens[i];
        let cut = tok.find('-')?;
        let prefix = &tok[..cut];
        if prefix.chars().count() < 2 {
            return None;
        }
        let lower = hash::lower_hash(prefix);
        let cats = self.model.lexicon.phrase_cats(&[lower]);
        use self::lexicon::cat;
        let places = 1 << cat::COUNTRY | 1 << cat::CITY | 1 << cat::PROVINCE | 1 << cat::CAPITAL;
        let ty = if cats & (1 << cat::DEMONYM) != 0 {
            NerType::Norp
        } else if let Some(c) = self.model.known_class(lower) {
            // What the training data says of the name beats a same-spelt gazetteer entry.
            match c {
                Class::Per => NerType::Person,
                Class::Org => NerType::Org,
                Class::Loc => NerType::Gpe,
                Class::Misc => return None,
            }
        } else if cats & places != 0 {
            NerType::Gpe
        } else if cats & (1 << cat::CONTINENT | 1 << cat::REGION) != 0 {
            NerType::Loc
        } else {
            match tagged {
                Some(NerType::Misc) | None => return None,
                Some(t) => t,
            }
        };
        let start = seg.tokens[i].span.start;
        Some((Span::new(start, start + cut), ty.entity_type()?))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;

    use super::*;
    use crate::text::segment;

    fn rec() -> &'static Recognizer {
        static R: OnceLock<Recognizer> = OnceLock::new();
        R.get_or_init(|| Recognizer::embedded().expect("the embedded model loads"))
    }

    /// Mentions as `LABEL text` (titles as `TITLE text>person`), joined by ` | `.
    fn show(text: &str) -> String {
        let seg = segment(text, &[]);
        let ms = rec().recognize(text, &seg);
        ms.iter()
            .map(|m| match m.qualifies {
                Some(q) => format!("{} {}>{}", m.label.as_str(), m.text, ms[q as usize].text),
                None => format!("{} {}", m.label.as_str(), m.text),
            })
            .collect::<Vec<_>>()
            .join(" | ")
    }

    fn check(text: &str, expect: &str) {
        assert_eq!(show(text), expect, "text: {text:?}");
    }

    #[test]
    fn finds_names_titles_and_groups() {
        check(
            "Russian President Vladimir Putin met Chinese leader Xi Jinping in Moscow on Friday.",
            "NORP Russian | TITLE President>Vladimir Putin | PERSON Vladimir Putin | NORP Chinese | TITLE leader>Xi Jinping | PERSON Xi Jinping | GPE Moscow",
        );
        check(
            "Mr Biden's administration said on Tuesday that talks with Iran would resume.",
            "TITLE Mr>Biden | PERSON Biden | GPE Iran",
        );
        check(
            "Deputy Prime Minister Jean-Pierre Raffarin resigned in Paris.",
            "TITLE Deputy Prime Minister>Jean-Pierre Raffarin | PERSON Jean-Pierre Raffarin | GPE Paris",
        );
        check(
            "Iranian-backed rebels fired missiles at Riyadh, the Saudi capital.",
            "NORP Iranian | GPE Riyadh | NORP Saudi",
        );
        check("The president said the minister would resign.", "");
    }

    /// A name the tagger leaves open ends before a lowercase word or the sentence's closing
    /// punctuation instead of running over them (the greedy decoder used to be forced on).
    #[test]
    fn names_end_before_lowercase_words_and_final_punctuation() {
        check(
            "Deputy Defence Minister Ruslan-Bek Tsalikov there.",
            "TITLE Deputy Defence Minister>Ruslan-Bek Tsalikov | PERSON Ruslan-Bek Tsalikov",
        );
        check(
            "The group met Defence Minister Magomed-Bek Yevloyev there.",
            "TITLE Defence Minister>Magomed-Bek Yevloyev | PERSON Magomed-Bek Yevloyev",
        );
    }

    /// An organisation before a title is no part of the titled person's name; a name right
    /// after `near`/`in` is a place, here and elsewhere in the document.
    #[test]
    fn organisations_before_titles_and_names_after_place_prepositions() {
        check(
            "Arab League Secretary-General Ahmed Benali urged the council to act.",
            "ORG Arab League | TITLE Secretary-General>Ahmed Benali | PERSON Ahmed Benali",
        );
        check(
            "Near Qasr Anwar, two strikes hit a unit. Qasr Anwar lies north.",
            "GPE Qasr Anwar | GPE Qasr Anwar",
        );
        check("In Smith's view, Smith was right.", "PERSON Smith | PERSON Smith");
        check("IS militants fled as the army advanced.", "ORG IS");
    }

    /// An acronym a document establishes (before a member noun, or defined in brackets after a
    /// name) is a name wherever the running text uses it; a headline's capitals are not.
    #[test]
    fn acronyms_the_document_establishes() {
        check("Troops fought IS near the dam. IS militants fled.", "ORG IS | ORG IS");
        check(
            "The Syrian Democratic Forces (SDF) advanced. SDF commanders said so.",
            "ORG Syrian Democratic Forces | ORG SDF | ORG SDF",
        );
        check("It IS TRUE. The plan is sound.", "");
        check(
            "Human Rights Watch called for an inquiry. A man told HRW so.",
            "ORG Human Rights Watch | ORG HRW",
        );
    }

    /// Ethnic groups are NORP, alone or after a demonym (the tagger's MISC spans that no group
    /// word covered used to be dropped).
    #[test]
    fn ethnic_groups_are_norp() {
        check("Bosnian Serbs attacked the town.", "NORP Bosnian Serbs");
        check("Serbs and Croats fought.", "NORP Serbs | NORP Croats");
    }

    /// An `al-` word after a person's name is the rest of it, and before a member noun an
    /// organisation; an unknown capitalised word before `regime` is the regime's leader.
    #[test]
    fn family_names_and_regime_leaders() {
        check("Abu Jandal al-Kuwaiti, a gang leader, was killed.", "PERSON Abu Jandal al-Kuwaiti");
        check("They condemned the Asad regime's attacks.", "PERSON Asad");
        check("The Syrian regime fell.", "NORP Syrian");
        check("The regime and its backers bombed the city.", "");
        check("This regime fell.", "");
        check(
            "Strikes hit al-Qaida operatives. He had joined al-Qaida in 2001.",
            "ORG al-Qaida | ORG al-Qaida",
        );
        check("He lived in al-Hilla.", "GPE al-Hilla");
    }

    /// A one-word "person" the document never titles or names in full, which a campaign is
    /// waged against or which claims an attack, is an organisation.
    #[test]
    fn campaigned_organisations() {
        check(
            "Daesh claimed the bombing in Baghdad. The fight against Daesh goes on.",
            "ORG Daesh | GPE Baghdad | ORG Daesh",
        );
        check(
            "President Obama spoke. The campaign against Obama failed.",
            "TITLE President>Obama | PERSON Obama | PERSON Obama",
        );
    }

    /// A person name holding `and` is split at it.
    #[test]
    fn person_lists_split() {
        check(
            "U.S. Secretary of State Kerry and U.S. Secretary of Defense Carter will meet.",
            "GPE U.S. | PERSON Kerry | GPE U.S. | PERSON Carter",
        );
        check("Secretary of Defense Ash Carter spoke.", "PERSON Ash Carter");
    }

    /// A name the text describes as a place is one, whatever the tagger guessed.
    #[test]
    fn described_places() {
        check("Jets struck Sabboura, an area outside Damascus.", "GPE Sabboura | GPE Damascus");
        check("He lived in Baghdad's Karrada neighbourhood.", "GPE Baghdad | GPE Karrada");
        check("Hibhib Village lies north of Baquba.", "GPE Hibhib Village | GPE Baquba");
        check("Smith, a town councillor, spoke.", "PERSON Smith");
    }

    /// A state's armed service is one organisation, whatever the tagger made of its words.
    #[test]
    fn armed_services() {
        check("The Royal Jordanian Air Force struck targets.", "ORG Royal Jordanian Air Force");
        check("The Jordanian Air Force said so.", "ORG Jordanian Air Force");
        check("Soldiers of the Syrian Arab Army advanced.", "ORG Syrian Arab Army");
        check("The army said so.", "");
    }

    /// A unit named by its number is one organisation, up to its last unit noun or one acronym.
    #[test]
    fn numbered_military_units() {
        check(
            "Airmen of the 134th Expeditionary Fighter Squadron flew from the 407th AEG base.",
            "ORG 134th Expeditionary Fighter Squadron | ORG 407th AEG",
        );
        check(
            "Soldiers from the 2nd Battalion, 321st Field Artillery Regiment fired.",
            "ORG 2nd Battalion | ORG 321st Field Artillery Regiment",
        );
        check("She came 2nd in the 3rd Round on the 21st Street.", "");
    }

    #[test]
    fn mentions_keep_their_invariants() {
        let text = include_str!("../../benches/data/news.txt");
        let seg = segment(text, &[]);
        let ms = rec().recognize(text, &seg);
        assert!(ms.len() > 50, "{}", ms.len());
        let mut last = 0;
        for m in &ms {
            assert!(m.span.start >= last, "overlap or disorder at {m:?}");
            last = m.span.end;
            assert_eq!(text.get(m.span.start..m.span.end), Some(m.text.as_str()));
            let s = seg.sentences[m.sentence as usize].span;
            assert!(s.contains(m.span), "{m:?} outside sentence {s:?}");
            match m.label {
                MentionLabel::Title => {
                    assert_eq!(m.kind, MentionKind::Title);
                    let q = m.qualifies.expect("a title qualifies a person") as usize;
                    assert_eq!(ms[q].label, MentionLabel::Person, "{m:?}");
                }
                _ => {
                    assert_eq!(m.kind, MentionKind::Name);
                    assert!(m.qualifies.is_none());
                    assert!(!rec().is_title_only(&m.text), "title-only name {m:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_stay_on_char_boundaries(
            s in "(\\PC{0,40}|[A-Z][a-z]{1,8}|[A-Z]{2,5}|Mr|'s|-backed|\\.|,|\\n| ){0,40}"
        ) {
            let seg = segment(&s, &[]);
            let ms = rec().recognize(&s, &seg);
            let mut last = 0;
            for m in &ms {
                proptest::prop_assert!(m.span.start >= last && m.span.start < m.span.end);
                proptest::prop_assert_eq!(s.get(m.span.start..m.span.end), Some(m.text.as_str()));
                last = m.span.end;
            }
        }
    }

    #[test]
    fn corrupt_models_are_refused() {
        assert!(Recognizer::from_gz(b"not gzip", "x").is_err());
        assert!(Recognizer::from_gz(&gzip(b"SITREP-NER\x01"), "x").is_err());
    }
}
