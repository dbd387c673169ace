//! What the analysis stages find in one document: structure, mentions, time expressions and
//! the document's own entities (coreference clusters).

use serde::{Deserialize, Serialize};

use crate::{Event, Relation, Span, ZoneKind};

/// A paragraph of the canonical text, with the zone it lies in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    #[serde(flatten)]
    pub span: Span,
    pub zone: ZoneKind,
}

/// A sentence; `paragraph` indexes [`Analysis::paragraphs`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    #[serde(flatten)]
    pub span: Span,
    pub paragraph: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Symbol,
}

/// A token, in the Penn Treebank/CoNLL style (`Haftar` `'s`, `U.S.` kept whole).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    #[serde(flatten)]
    pub span: Span,
    pub kind: TokenKind,
}

/// The type of a named actor or place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    Person,
    Org,
    /// Countries, states and cities as political units.
    Gpe,
    /// Regions, geographic features, continents.
    Loc,
    /// Nationalities and other group adjectives (`Russian`).
    Norp,
}

impl EntityType {
    pub const ALL: [EntityType; 5] =
        [EntityType::Person, EntityType::Org, EntityType::Gpe, EntityType::Loc, EntityType::Norp];

    pub const fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Norp => "NORP",
        }
    }

    pub fn parse(s: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.as_str().eq_ignore_ascii_case(s))
    }
}

/// The label of a mention span: an entity type, or `TITLE` for a title or role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum MentionLabel {
    Person,
    Org,
    Gpe,
    Loc,
    Norp,
    /// `Field Marshal`, `President`, `Kremlin spokesman`, `Mr`: qualifies a person.
    Title,
}

impl MentionLabel {
    pub const fn entity_type(self) -> Option<EntityType> {
        match self {
            MentionLabel::Person => Some(EntityType::Person),
            MentionLabel::Org => Some(EntityType::Org),
            MentionLabel::Gpe => Some(EntityType::Gpe),
            MentionLabel::Loc => Some(EntityType::Loc),
            MentionLabel::Norp => Some(EntityType::Norp),
            MentionLabel::Title => None,
        }
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            MentionLabel::Title => "TITLE",
            MentionLabel::Person => "PERSON",
            MentionLabel::Org => "ORG",
            MentionLabel::Gpe => "GPE",
            MentionLabel::Loc => "LOC",
            MentionLabel::Norp => "NORP",
        }
    }
}

impl From<EntityType> for MentionLabel {
    fn from(t: EntityType) -> MentionLabel {
        match t {
            EntityType::Person => MentionLabel::Person,
            EntityType::Org => MentionLabel::Org,
            EntityType::Gpe => MentionLabel::Gpe,
            EntityType::Loc => MentionLabel::Loc,
            EntityType::Norp => MentionLabel::Norp,
        }
    }
}

/// How a mention refers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A proper name (`Khalifa Haftar`, `Tobruk`).
    #[default]
    Name,
    /// A title or role (`Field Marshal`).
    Title,
    /// A description (`the Eastern Libyan commander`, `the group`).
    Nominal,
    /// A pronoun (`he`, `his`).
    Pronoun,
}

/// One mention of an actor or place (or a title), found in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    #[serde(flatten)]
    pub span: Span,
    pub text: String,
    pub label: MentionLabel,
    #[serde(default)]
    pub kind: MentionKind,
    /// Index into [`Analysis::sentences`].
    pub sentence: u32,
    /// Index into [`Analysis::entities`], once coreference has run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<u32>,
    /// For a `TITLE`: index into [`Analysis::mentions`] of the person it qualifies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifies: Option<u32>,
}

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// A temporal expression and its normalised TIMEX3 value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    #[serde(flatten)]
    pub span: Span,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value: `2023-09-28`, `2023-09`, `2019`, `201X`, `2023-W39`, `P3D`, `PAST_REF`, ...
    pub value: String,
    /// The precision the value carries: `second`, `minute`, `hour`, `day`, `week`, `month`,
    /// `quarter`, `season`, `year`, `decade`, `century`, `duration`, `set`, `reference`, `unknown`.
    pub precision: String,
    /// TIMEX3 `mod` (`APPROX`, `BEFORE`, `AFTER`, `START`, `END`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// For an interval the text only bounds: its earliest and latest values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<(String, String)>,
    /// Index into [`Analysis::timexes`] of the expression this one is anchored to, if not the
    /// publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<u32>,
    pub sentence: u32,
}

/// A gazetteer entry a place resolves to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeoRef {
    /// `geonames:2210247`, `country:LY`, `continent:AF`, `region:sahel`, `igo:UN`,
    /// `seat:kremlin`, or `area:LY:east` for a part of a country the text names (`eastern Libya`).
    pub id: String,
    pub name: String,
    /// ISO 3166-1 alpha-2 code of the country it lies in (or is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// `country`, `city`, `region`, `continent`, `igo`, `seat` (a seat of power: `Kremlin`).
    pub feature: String,
}

/// One actor or place as this document knows it: a coreference cluster of mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalEntity {
    #[serde(rename = "type")]
    pub etype: EntityType,
    /// The fullest name the document gives.
    pub name: String,
    /// What kind of actor (`government`, `armed group`, `city`, `news agency`, ...), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Indices into [`Analysis::mentions`].
    pub mentions: Vec<u32>,
    /// Distinct surface forms (names and descriptions) used for it in this document.
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo: Option<GeoRef>,
    /// Cross-document identity (filled by `resolve`); equal keys are the same real actor.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub key: String,
}

/// A dated fact that a person holds a title (`Russian President Vladimir Putin`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TitleFact {
    /// Index into [`Analysis::entities`].
    pub person: u32,
    pub title: String,
    /// Index into [`Analysis::entities`] of the organisation or country the title is of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<u32>,
    pub evidence: Span,
    pub sentence: u32,
}

/// Why coreference put a mention in its entity: the rule and the span that justifies it (the
/// antecedent, an apposition, an acronym's expansion, the sentence that makes a capital an actor).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorefLink {
    /// Index into [`Analysis::mentions`].
    pub mention: u32,
    /// Index into [`Analysis::entities`].
    pub entity: u32,
    /// `same name`, `surname`, `acronym`, `demonym`, `capital as government`, `pronoun`,
    /// `apposition`, `description`, `possessive`, `gazetteer`, ...
    pub rule: String,
    pub evidence: Span,
}

/// Something a stage wants a person to know about this document (not an error of the batch).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub stage: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// Everything the analysis stages found in one document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Analysis {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    /// Tokens are kept for in-process stages; output includes them only on request.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tokens: Vec<Token>,
    pub mentions: Vec<Mention>,
    pub timexes: Vec<Timex>,
    pub entities: Vec<LocalEntity>,
    pub titles: Vec<TitleFact>,
    /// How coreference linked mentions to entities (one per mention it placed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<CorefLink>,
    pub events: Vec<Event>,
    pub relations: Vec<Relation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    /// Index of the sentence containing a byte offset (the last one starting at or before it).
    pub fn sentence_at(&self, offset: usize) -> Option<u32> {
        let i = self.sentences.partition_point(|s| s.span.start <= offset);
        let i = i.checked_sub(1)?;
        (offset < self.sentences[i].span.end).then_some(i as u32)
    }
}
