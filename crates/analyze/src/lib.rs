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
pub mod words;

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

/// Time spent in each stage, summed over documents.
#[derive(Debug, Clone, Copy, Default)]
pub struct StageTimes {
    pub nanos: [u128; 5],
}

impl StageTimes {
    pub fn add(&mut self, stage: Stage, d: std::time::Duration) {
        self.nanos[stage as usize] += d.as_nanos();
    }

    pub fn get(&self, stage: Stage) -> std::time::Duration {
        let n = self.nanos[stage as usize];
        std::time::Duration::from_nanos(u64::try_from(n).unwrap_or(u64::MAX))
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
        self.run(doc, last, &mut |_, _| {})
    }

    /// Runs every stage, adding each stage's time to `times`.
    pub fn analyze_timed(&self, doc: &Document, times: &mut StageTimes) -> Analysis {
        self.run(doc, Stage::Facts, &mut |stage, d| times.add(stage, d))
    }

    fn run(
        &self,
        doc: &Document,
        last: Stage,
        clock: &mut dyn FnMut(Stage, std::time::Duration),
    ) -> Analysis {
        let text = doc.text.as_str();
        let mut t = std::time::Instant::now();
        let mut lap = |stage: Stage| {
            let now = std::time::Instant::now();
            clock(stage, now - t);
            t = now;
        };
        let seg = text::segment(text, &doc.zones);
        let mut analysis = Analysis {
            paragraphs: seg.paragraphs.clone(),
            sentences: seg.sentences.clone(),
            ..Analysis::default()
        };
        lap(Stage::Segment);
        if last >= Stage::Entities {
            analysis.mentions = self.ner.recognize(text, &seg);
            credits_are_organisations(&doc.zones, &mut analysis.mentions);
            lap(Stage::Entities);
        }
        if last >= Stage::Time {
            let anchor = doc.published.map(|p| p.date);
            analysis.timexes = time::recognize(text, &seg, anchor);
            lap(Stage::Time);
        }
        if last >= Stage::Coreference {
            let r = coref::resolve_full(doc, &seg, &mut analysis.mentions, self.gazetteer);
            analysis.entities = r.entities;
            analysis.titles = r.titles;
            analysis.links = r.links;
            lap(Stage::Coreference);
        }
        if last >= Stage::Facts {
            let (events, relations) = facts::extract(doc, &seg, &analysis, self.gazetteer);
            analysis.events = events;
            analysis.relations = relations;
            lap(Stage::Facts);
        }
        analysis.tokens = seg.tokens;
        analysis
    }
}

/// A credit that is one name alone (`Reuters`, a wire's `REUTER` sign-off) names the agency
/// that supplied the article or picture: an organisation, whatever the tagger made of it.
fn credits_are_organisations(zones: &[types::Zone], mentions: &mut [types::Mention]) {
    for m in mentions.iter_mut() {
        let whole_credit =
            zones.iter().any(|z| z.kind == types::ZoneKind::Credit && z.span == m.span);
        if whole_credit && m.label == types::MentionLabel::Person {
            m.label = types::MentionLabel::Org;
        }
    }
}

#[cfg(test)]
mod tests {
    use types::{Mention, MentionKind, MentionLabel, Span, Zone, ZoneKind};

    #[test]
    fn a_credit_that_is_one_name_is_an_organisation() {
        let mention = |start, end, label| Mention {
            span: Span::new(start, end),
            text: String::new(),
            label,
            kind: MentionKind::Name,
            sentence: 0,
            entity: None,
            qualifies: None,
        };
        // `... rose 2 pct.\n REUTER`: the sign-off; `John Smith/AFP`: a photographer stays a person.
        let zones = [
            Zone { kind: ZoneKind::Credit, span: Span::new(20, 26) },
            Zone { kind: ZoneKind::Credit, span: Span::new(40, 54) },
        ];
        let mut mentions = vec![
            mention(20, 26, MentionLabel::Person),
            mention(40, 50, MentionLabel::Person),
            mention(0, 6, MentionLabel::Person),
        ];
        super::credits_are_organisations(&zones, &mut mentions);
        let labels: Vec<MentionLabel> = mentions.iter().map(|m| m.label).collect();
        assert_eq!(labels, [MentionLabel::Org, MentionLabel::Person, MentionLabel::Person]);
    }
}
