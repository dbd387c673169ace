//! Entity recognition: actor and place mentions (PERSON, ORG, GPE, LOC, NORP) and the titles
//! that qualify people (TITLE), with byte spans.
//!
//! Not yet implemented: see the issue "Entity recognition". Until then the recognizer finds
//! nothing, honestly, rather than guessing.

use types::Mention;

use crate::text::Segmentation;

/// Why an embedded model could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("model {name}: {reason}")]
    Corrupt { name: &'static str, reason: String },
}

/// The entity recognizer.
pub struct Recognizer {}

impl Recognizer {
    pub fn embedded() -> Result<Recognizer, ModelError> {
        Ok(Recognizer {})
    }

    /// Mentions in `text`, in text order, non-overlapping.
    pub fn recognize(&self, _text: &str, _seg: &Segmentation) -> Vec<Mention> {
        Vec::new()
    }
}
