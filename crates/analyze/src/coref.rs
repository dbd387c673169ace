//! Within-document resolution: mentions -> the document's entities (coreference clusters),
//! and the titles people hold.
//!
//! Not yet implemented: see the issue "Resolution".

use gazetteer::Gazetteer;
use types::{Document, LocalEntity, Mention, TitleFact};

use crate::text::Segmentation;

/// Clusters mentions into entities; sets [`Mention::entity`].
pub fn resolve(
    _doc: &Document,
    _seg: &Segmentation,
    _mentions: &mut [Mention],
    _gazetteer: &Gazetteer,
) -> (Vec<LocalEntity>, Vec<TitleFact>) {
    (Vec::new(), Vec::new())
}
