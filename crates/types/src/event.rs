//! Events (PLOVER categories plus DIE, DISASTER, STATEMENT) and standing relations.

use serde::{Deserialize, Serialize};

use crate::Span;

/// PLOVER's sixteen event categories, plus three of sitrep's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EventCategory {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
    /// A death (not itself an attack).
    Die,
    /// A natural or industrial disaster.
    Disaster,
    /// A quoted or reported claim, linked to what it is about.
    Statement,
}

impl EventCategory {
    pub const ALL: [EventCategory; 19] = [
        EventCategory::Agree,
        EventCategory::Consult,
        EventCategory::Support,
        EventCategory::Concede,
        EventCategory::Cooperate,
        EventCategory::Aid,
        EventCategory::Retreat,
        EventCategory::Request,
        EventCategory::Accuse,
        EventCategory::Reject,
        EventCategory::Threaten,
        EventCategory::Protest,
        EventCategory::Sanction,
        EventCategory::Mobilize,
        EventCategory::Coerce,
        EventCategory::Assault,
        EventCategory::Die,
        EventCategory::Disaster,
        EventCategory::Statement,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            EventCategory::Agree => "AGREE",
            EventCategory::Consult => "CONSULT",
            EventCategory::Support => "SUPPORT",
            EventCategory::Concede => "CONCEDE",
            EventCategory::Cooperate => "COOPERATE",
            EventCategory::Aid => "AID",
            EventCategory::Retreat => "RETREAT",
            EventCategory::Request => "REQUEST",
            EventCategory::Accuse => "ACCUSE",
            EventCategory::Reject => "REJECT",
            EventCategory::Threaten => "THREATEN",
            EventCategory::Protest => "PROTEST",
            EventCategory::Sanction => "SANCTION",
            EventCategory::Mobilize => "MOBILIZE",
            EventCategory::Coerce => "COERCE",
            EventCategory::Assault => "ASSAULT",
            EventCategory::Die => "DIE",
            EventCategory::Disaster => "DISASTER",
            EventCategory::Statement => "STATEMENT",
        }
    }

    pub fn parse(s: &str) -> Option<EventCategory> {
        EventCategory::ALL.into_iter().find(|c| c.as_str().eq_ignore_ascii_case(s))
    }
}

/// Whether and how the text asserts an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    #[default]
    Asserted,
    /// `denied`, `did not`.
    Negated,
    /// Demanded or requested, not done.
    Requested,
    /// Planned or future.
    Planned,
    Hypothetical,
    /// Attempted and failed (`failed to overcome`).
    Failed,
    Uncertain,
}

/// An event or relation argument: a document entity and the span that names it here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Argument {
    /// Index into [`crate::Analysis::entities`]; `None` for an unresolved description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<u32>,
    #[serde(flatten)]
    pub span: Span,
    pub text: String,
}

/// A time value from the time stage: a TIMEX3 value, or an interval `from/to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeValue {
    /// `2023-09-28`, `2023-09`, `2019`, or `2023-09-26/2023-09-28`.
    pub value: String,
    /// Index into [`crate::Analysis::timexes`] of the expression it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timex: Option<u32>,
    /// True when the text only bounds the date.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approx: bool,
}

/// Who the article says a fact comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Argument>,
    /// `social media`, `statement`, `interview`, `news conference`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// The outlet that relayed it (`reported by Tass`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<Argument>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Span>,
    /// The attribution clause (`his Libyan Arab Armed Forces group said on social media`).
    pub evidence: Span,
}

/// One event as one document reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub category: EventCategory,
    /// PLOVER mode (`meet`, `visit`, `ceasefire`, `invasion`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// Who acted; for a meeting, every party.
    #[serde(default)]
    pub actors: Vec<Argument>,
    /// Who it was done to.
    #[serde(default)]
    pub recipients: Vec<Argument>,
    /// Others taking part on an actor's side (`relied heavily on Wagner mercenaries`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<Argument>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Argument>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<TimeValue>,
    #[serde(default)]
    pub modality: Modality,
    /// Stated outright but not reported as such (`the first meeting ... since 2019`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub implied: bool,
    pub trigger: Span,
    pub sentence: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Attribution>,
    /// For a `STATEMENT`: index into [`crate::Analysis::events`] of what it is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<u32>,
    /// Cross-document identity (filled by `resolve`): equal keys are one real event.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub key: String,
}

/// Standing relations between entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Predicate {
    Leads,
    MemberOf,
    HoldsTitle,
    /// Backs, or is relied on for support by, the object.
    Supports,
    AlliedWith,
    RivalOf,
    Fights,
    /// Controls territory.
    Controls,
    /// Forces stationed somewhere.
    PresentIn,
    LocatedIn,
    AffiliatedWith,
}

impl Predicate {
    pub const ALL: [Predicate; 11] = [
        Predicate::Leads,
        Predicate::MemberOf,
        Predicate::HoldsTitle,
        Predicate::Supports,
        Predicate::AlliedWith,
        Predicate::RivalOf,
        Predicate::Fights,
        Predicate::Controls,
        Predicate::PresentIn,
        Predicate::LocatedIn,
        Predicate::AffiliatedWith,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Predicate::Leads => "LEADS",
            Predicate::MemberOf => "MEMBER_OF",
            Predicate::HoldsTitle => "HOLDS_TITLE",
            Predicate::Supports => "SUPPORTS",
            Predicate::AlliedWith => "ALLIED_WITH",
            Predicate::RivalOf => "RIVAL_OF",
            Predicate::Fights => "FIGHTS",
            Predicate::Controls => "CONTROLS",
            Predicate::PresentIn => "PRESENT_IN",
            Predicate::LocatedIn => "LOCATED_IN",
            Predicate::AffiliatedWith => "AFFILIATED_WITH",
        }
    }

    pub fn parse(s: &str) -> Option<Predicate> {
        Predicate::ALL.into_iter().find(|p| p.as_str().eq_ignore_ascii_case(s))
    }
}

/// A standing relation as one document states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub subject: Argument,
    pub predicate: Predicate,
    pub object: Argument,
    /// For `HOLDS_TITLE` and `AFFILIATED_WITH`: the title or role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<TimeValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<TimeValue>,
    pub evidence: Span,
    pub sentence: u32,
}
