//! Coreference tests.
