//! Pure, deterministic analysis of one document, as a pipeline of typed stages:
//! [`text`] (paragraphs, sentences, tokens) -> [`ner`] (actor and place mentions) -> [`time`]
//! (temporal expressions) -> [`coref`] (the document's entities) -> [`facts`] (events and
//! relations).
//!
//! No file system, clock or network: "today" is the document's publication date, so the same
//! article always yields the same analysis. Models are embedded in the binary.

pub mod coref;
pub mod facts;
pub mod ner;
pub mod text;
pub mod time;

use gazetteer::Gazetteer;
use types::{Analysis, Document};

pub use ner::ModelError;

/// The stages of the analysis, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    Segment,
    Entities,
    Time,
    Coreference,
    Facts,
}

impl Stage {
    pub const ALL: [Stage; 5] =
        [Stage::Segment, Stage::Entities, Stage::Time, Stage::Coreference, Stage::Facts];

    pub const fn name(self) -> &'static str {
        match self {
            Stage::Segment => "segment",
            Stage::Entities => "entities",
            Stage::Time => "time",
            Stage::Coreference => "coreference",
            Stage::Facts => "facts",
        }
    }
}

/// Runs every analysis stage over documents. Cheap to share across threads.
pub struct Analyzer {
    ner: ner::Recognizer,
    gazetteer: &'static Gazetteer,
}

impl Analyzer {
    /// The analyzer with the models embedded in this binary.
    pub fn embedded() -> Result<Analyzer, ModelError> {
        Ok(Analyzer { ner: ner::Recognizer::embedded()?, gazetteer: Gazetteer::embedded() })
    }

    pub fn gazetteer(&self) -> &'static Gazetteer {
        self.gazetteer
    }

    pub fn recognizer(&self) -> &ner::Recognizer {
        &self.ner
    }

    /// Runs every stage.
    pub fn analyze(&self, doc: &Document) -> Analysis {
        self.analyze_through(doc, Stage::Facts)
    }

    /// Runs the stages up to and including `last` (for benchmarks and partial pipelines).
    pub fn analyze_through(&self, doc: &Document, last: Stage) -> Analysis {
        let text = doc.text.as_str();
        let seg = text::segment(text, &doc.zones);
        let mut analysis = Analysis {
            paragraphs: seg.paragraphs.clone(),
            sentences: seg.sentences.clone(),
            ..Analysis::default()
        };
        if last >= Stage::Entities {
            analysis.mentions = self.ner.recognize(text, &seg);
        }
        if last >= Stage::Time {
            let anchor = doc.published.map(|p| p.date);
            analysis.timexes = time::recognize(text, &seg, anchor);
        }
        if last >= Stage::Coreference {
            let (entities, titles) =
                coref::resolve(doc, &seg, &mut analysis.mentions, self.gazetteer);
            analysis.entities = entities;
            analysis.titles = titles;
        }
        if last >= Stage::Facts {
            let (events, relations) = facts::extract(doc, &seg, &analysis, self.gazetteer);
            analysis.events = events;
            analysis.relations = relations;
        }
        analysis.tokens = seg.tokens;
        analysis
    }
}
