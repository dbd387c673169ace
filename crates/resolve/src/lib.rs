//! Cross-document resolution: gives each document entity a stable key (equal keys are one real
//! actor) and applies analyst corrections on top.
//!
//! # Why the keys do not depend on arrival order
//!
//! [`assign_keys`] is a pure function of one article's analysis and the embedded gazetteer: it
//! reads nothing stored and nothing from other articles. So an article gets the same keys
//! whether it arrives first or last, alone or among a million others, and re-ingesting in
//! reverse order yields the same keys - hence the same stored entities (the store groups by
//! key) and the same alias sets (unions of the per-article aliases, which are order-free).
//! Resolution is incremental for the same reason: a new article's keys are computed without
//! looking at the store, at a constant cost per article.
//!
//! Keys:
//! - places, countries, regions, bodies and seats of power: the gazetteer id (`country:RU`,
//!   `geonames:524901`, `igo:UN`, `seat:kremlin`, `area:LY:east`) - `Moscow` as the state and
//!   `Russian` meet `Russia` here;
//! - people: `person:` + the folded full name (`person:vladimir putin`); a person the article
//!   names by surname only is kept apart by what the article says of them: the title and the
//!   country or organisation it is of (`person:haftar#field marshal`), else the country the
//!   article is most about (`person:haftar#@ly`);
//! - organisations: `org:` + the folded name without a leading `the` or generic head
//!   (`org:wagner` for `Wagner` and `the Wagner Group`);
//! - nationalities that name no country: `norp:` + name; unknown places: `place:` + name;
//! - entities with no name (only descriptions or pronouns): `local:<document>:<n>`, never
//!   merged across articles.
//!
//! Corrections ([`Correction`], [`Overrides`]): `merge A B` (A's key redirects to B), `split A
//! --alias X` (mentions of A written X become their own entity), `rename A NAME` (display
//! name). [`Overrides::apply`] is pure; the store persists the corrections (who, when) and
//! applies them to every article it saves, so they survive re-ingestion.

pub mod events;

use std::collections::{BTreeMap, HashMap};

use gazetteer::fold_string;
use types::{Analysis, Document, EntityType, LocalEntity, MentionKind};

/// Fills [`types::LocalEntity::key`] for every entity of the article.
pub fn assign_keys(doc: &Document, analysis: &mut Analysis) {
    let focus = focus_country(analysis);
    let keys: Vec<String> = (0..analysis.entities.len())
        .map(|i| entity_key(doc, analysis, i, focus.as_deref()))
        .collect();
    for (e, k) in analysis.entities.iter_mut().zip(keys) {
        e.key = k;
    }
    events::assign(doc, analysis);
}

/// The country the article mentions most (by mentions of country entities), ties broken by
/// code so the choice is deterministic.
fn focus_country(a: &Analysis) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &a.entities {
        if let Some(g) = e.geo.as_ref().filter(|g| g.feature == "country")
            && let Some(c) = g.country.as_deref()
        {
            *counts.entry(c).or_default() += e.mentions.len();
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(c, _)| c.to_lowercase())
}

/// The words of a name, folded, without honorifics, possessives and a leading `the`.
fn name_words(name: &str) -> Vec<String> {
    let f = fold_string(name);
    let mut w: Vec<String> = f
        .split(' ')
        .filter(|x| {
            !x.is_empty() && !matches!(*x, "mr" | "mrs" | "ms" | "dr" | "sir" | "jr" | "sr")
        })
        .map(str::to_string)
        .collect();
    if w.first().is_some_and(|x| x == "the") {
        w.remove(0);
    }
    if w.last().is_some_and(|x| x == "s") {
        w.pop();
    }
    w
}

const ORG_GENERIC: &[&str] = &[
    "group",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "plc",
    "co",
    "organisation",
    "organization",
];

fn entity_key(doc: &Document, a: &Analysis, i: usize, focus: Option<&str>) -> String {
    let e = &a.entities[i];
    if let Some(g) = &e.geo {
        return g.id.clone();
    }
    let named = e
        .mentions
        .iter()
        .any(|&m| a.mentions.get(m as usize).is_some_and(|m| m.kind == MentionKind::Name));
    let words = name_words(&e.name);
    if !named || words.is_empty() {
        return format!("local:{}:{i}", doc.id);
    }
    match e.etype {
        EntityType::Person => {
            if words.len() > 1 {
                return format!("person:{}", words.join(" "));
            }
            // Surname only: what the article says of the person keeps namesakes apart.
            let title = a
                .titles
                .iter()
                .filter(|t| t.person as usize == i)
                .min_by_key(|t| (t.of.is_none(), t.evidence.start));
            match title {
                Some(t) => {
                    let of = t.of.and_then(|o| a.entities.get(o as usize)).map(|o| {
                        o.geo
                            .as_ref()
                            .and_then(|g| g.country.clone())
                            .map_or_else(|| name_words(&o.name).join(" "), |c| c.to_lowercase())
                    });
                    let title = name_words(&t.title).join(" ");
                    match of {
                        Some(of) => format!("person:{}#{title}@{of}", words[0]),
                        None => format!("person:{}#{title}", words[0]),
                    }
                }
                None => match focus {
                    Some(c) => format!("person:{}#@{c}", words[0]),
                    None => format!("person:{}", words[0]),
                },
            }
        }
        EntityType::Org => {
            let mut w = words;
            if w.len() > 1 && w.last().is_some_and(|x| ORG_GENERIC.contains(&x.as_str())) {
                w.pop();
            }
            format!("org:{}", w.join(" "))
        }
        EntityType::Norp => format!("norp:{}", words.join(" ")),
        EntityType::Gpe | EntityType::Loc => format!("place:{}", words.join(" ")),
    }
}

/// Why a correction could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CorrectionError {
    #[error("correction {0:?}: expected `merge A B`, `split A ALIAS` or `rename A NAME`")]
    Malformed(String),
}

/// An analyst's correction of entity identity.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Correction {
    /// Entity `from` is the same as `into`.
    Merge { from: String, into: String },
    /// Mentions of `key` written `alias` are another entity.
    Split { key: String, alias: String },
    /// Entity `key` goes by `name`.
    Rename { key: String, name: String },
}

impl Correction {
    /// The action and its arguments, as the store records them (`merge`, `["A", "B"]`).
    pub fn to_parts(&self) -> (&'static str, Vec<String>) {
        match self {
            Correction::Merge { from, into } => ("merge", vec![from.clone(), into.clone()]),
            Correction::Split { key, alias } => ("split", vec![key.clone(), alias.clone()]),
            Correction::Rename { key, name } => ("rename", vec![key.clone(), name.clone()]),
        }
    }

    pub fn from_parts(action: &str, args: &[String]) -> Result<Correction, CorrectionError> {
        let bad = || CorrectionError::Malformed(format!("{action} {args:?}"));
        match (action, args) {
            ("merge", [a, b]) if a != b => {
                Ok(Correction::Merge { from: a.clone(), into: b.clone() })
            }
            ("split", [a, x]) if !x.trim().is_empty() => {
                Ok(Correction::Split { key: a.clone(), alias: x.clone() })
            }
            ("rename", [a, n]) if !n.trim().is_empty() => {
                Ok(Correction::Rename { key: a.clone(), name: n.clone() })
            }
            _ => Err(bad()),
        }
    }

    /// The key a split gives the mentions it takes away.
    pub fn split_key(key: &str, alias: &str) -> String {
        format!("{key}/split:{}", fold_string(alias))
    }
}

/// Corrections in force, applied on top of computed keys.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overrides {
    merges: BTreeMap<String, String>,
    /// key -> folded aliases split off it.
    splits: BTreeMap<String, Vec<String>>,
    renames: BTreeMap<String, String>,
}

impl Overrides {
    /// Corrections in the order they were made (a later one wins over an earlier one).
    pub fn new<'a>(corrections: impl IntoIterator<Item = &'a Correction>) -> Overrides {
        let mut o = Overrides::default();
        for c in corrections {
            match c {
                Correction::Merge { from, into } => {
                    // Refuse a merge that would make a cycle.
                    if o.canonical(into) != *from {
                        o.merges.insert(from.clone(), into.clone());
                    }
                }
                Correction::Split { key, alias } => {
                    let f = fold_string(alias);
                    let v = o.splits.entry(key.clone()).or_default();
                    if !v.contains(&f) {
                        v.push(f);
                    }
                }
                Correction::Rename { key, name } => {
                    o.renames.insert(key.clone(), name.clone());
                }
            }
        }
        o
    }

    pub fn is_empty(&self) -> bool {
        self.merges.is_empty() && self.splits.is_empty() && self.renames.is_empty()
    }

    /// The key `key` ends up under after merges.
    pub fn canonical(&self, key: &str) -> String {
        let mut k = key.to_string();
        let mut seen = 0;
        while let Some(n) = self.merges.get(&k) {
            k = n.clone();
            seen += 1;
            if seen > self.merges.len() {
                break;
            }
        }
        k
    }

    /// Applies splits, then merges, then renames to an analysis whose keys are assigned.
    pub fn apply(&self, analysis: &mut Analysis) {
        if self.is_empty() {
            return;
        }
        // Splits: move the mentions written as a split alias to a new entity.
        let n = analysis.entities.len();
        for i in 0..n {
            let Some(aliases) = self.splits.get(&analysis.entities[i].key) else { continue };
            let mut moved: HashMap<String, usize> = HashMap::new();
            let mention_ids = analysis.entities[i].mentions.clone();
            for m in mention_ids {
                let Some(text) = analysis.mentions.get(m as usize).map(|x| fold_string(&x.text))
                else {
                    continue;
                };
                if !aliases.contains(&text) {
                    continue;
                }
                let new = *moved.entry(text.clone()).or_insert_with(|| {
                    let old = &analysis.entities[i];
                    analysis.entities.push(LocalEntity {
                        etype: old.etype,
                        name: analysis
                            .mentions
                            .get(m as usize)
                            .map_or_else(String::new, |x| x.text.clone()),
                        kind: None,
                        mentions: Vec::new(),
                        aliases: Vec::new(),
                        geo: None,
                        key: Correction::split_key(&old.key, &text),
                    });
                    analysis.entities.len() - 1
                });
                analysis.entities[i].mentions.retain(|&x| x != m);
                analysis.entities[new].mentions.push(m);
                if let Some(x) = analysis.mentions.get_mut(m as usize) {
                    x.entity = Some(new as u32);
                    if !analysis.entities[new].aliases.contains(&x.text) {
                        analysis.entities[new].aliases.push(x.text.clone());
                    }
                }
            }
            if !moved.is_empty() {
                let keep: Vec<String> = analysis.entities[i]
                    .mentions
                    .iter()
                    .filter_map(|&m| analysis.mentions.get(m as usize).map(|x| x.text.clone()))
                    .collect();
                let ent = &mut analysis.entities[i];
                ent.aliases.retain(|a| keep.contains(a));
                if aliases.contains(&fold_string(&ent.name))
                    && let Some(n) =
                        ent.aliases.iter().max_by_key(|a| (a.split_whitespace().count(), a.len()))
                {
                    ent.name = n.clone();
                }
            }
        }
        for l in &mut analysis.links {
            if let Some(m) = analysis.mentions.get(l.mention as usize)
                && let Some(e) = m.entity
            {
                l.entity = e;
            }
        }
        for e in &mut analysis.entities {
            e.key = self.canonical(&e.key);
            if let Some(name) = self.renames.get(&e.key) {
                e.name = name.clone();
            }
        }
    }
}

#[cfg(test)]
mod tests;
