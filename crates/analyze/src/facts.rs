//! Events (PLOVER) and standing relations, with modality, attribution and evidence.
//!
//! Not yet implemented: see the issue "Events and relations".

use gazetteer::Gazetteer;
use types::{Analysis, Document, Event, Relation};

use crate::text::Segmentation;

/// Events and relations stated in the document.
pub fn extract(
    _doc: &Document,
    _seg: &Segmentation,
    _analysis: &Analysis,
    _gazetteer: &Gazetteer,
) -> (Vec<Event>, Vec<Relation>) {
    (Vec::new(), Vec::new())
}
