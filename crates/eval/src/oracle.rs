//! Running the analysis with given (gold) mentions instead of the entity recognizer's, so that
//! the event and relation stages can be measured on their own. The other stages run as they are:
//! segmentation, time, coreference; when coreference gives no entities (not yet available), the
//! mentions are clustered by name here (a person by the last word of the name, anything else by
//! its whole text), which is the simplest clustering that can stand in for it.

use analyze::{Analyzer, coref, facts, text, time};
use types::{
    Analysis, Document, EntityType, LocalEntity, Mention, MentionKind, MentionLabel, Span,
};

/// A mention to place: byte span and label.
#[derive(Debug, Clone)]
pub struct GoldMention {
    pub span: Span,
    pub label: MentionLabel,
}

/// The analysis of `doc` with `gold` as its mentions.
pub fn analyze_with_mentions(
    analyzer: &Analyzer,
    doc: &Document,
    gold: &[GoldMention],
) -> Analysis {
    let text = doc.text.as_str();
    let seg = text::segment(text, &doc.zones);
    let mut analysis = Analysis {
        paragraphs: seg.paragraphs.clone(),
        sentences: seg.sentences.clone(),
        ..Analysis::default()
    };
    let mut gold: Vec<GoldMention> =
        gold.iter().filter(|g| text.get(g.span.start..g.span.end).is_some()).cloned().collect();
    gold.sort_by_key(|g| (g.span.start, g.span.end));
    gold.dedup_by_key(|g| g.span);
    analysis.mentions = gold
        .iter()
        .filter_map(|g| {
            let sentence = analysis.sentence_at(g.span.start)?;
            Some(Mention {
                span: g.span,
                text: text[g.span.start..g.span.end].to_string(),
                label: g.label,
                kind: MentionKind::Name,
                sentence,
                entity: None,
                qualifies: None,
            })
        })
        .collect();
    analysis.timexes = time::recognize(text, &seg, doc.published.map(|p| p.date));
    let coref::Resolution { entities, titles, .. } =
        coref::resolve_given(doc, &seg, &mut analysis.mentions, analyzer.gazetteer());
    if entities.is_empty() && !analysis.mentions.is_empty() {
        analysis.entities = cluster_by_name(&mut analysis.mentions);
    } else {
        analysis.entities = entities;
        analysis.titles = titles;
    }
    let (events, relations) = facts::extract(doc, &seg, &analysis, analyzer.gazetteer());
    analysis.events = events;
    analysis.relations = relations;
    analysis.tokens = seg.tokens;
    analysis
}

fn cluster_key(m: &Mention) -> String {
    let t = m.text.trim();
    match m.label {
        MentionLabel::Person => t.split_whitespace().last().unwrap_or(t).to_lowercase(),
        _ => t.to_lowercase(),
    }
}

/// Clusters mentions by name; sets each mention's entity.
pub fn cluster_by_name(mentions: &mut [Mention]) -> Vec<LocalEntity> {
    let mut entities: Vec<LocalEntity> = Vec::new();
    let mut keys: Vec<(EntityType, String)> = Vec::new();
    for (i, m) in mentions.iter_mut().enumerate() {
        let Some(etype) = m.label.entity_type() else { continue };
        let key = (etype, cluster_key(m));
        let e = match keys.iter().position(|k| *k == key) {
            Some(e) => e,
            None => {
                keys.push(key);
                entities.push(LocalEntity {
                    etype,
                    name: m.text.clone(),
                    kind: None,
                    mentions: Vec::new(),
                    aliases: Vec::new(),
                    geo: None,
                    key: String::new(),
                });
                entities.len() - 1
            }
        };
        let ent = &mut entities[e];
        ent.mentions.push(i as u32);
        if m.text.len() > ent.name.len() {
            ent.name = m.text.clone();
        }
        if !ent.aliases.contains(&m.text) {
            ent.aliases.push(m.text.clone());
        }
        m.entity = Some(e as u32);
    }
    entities
}
