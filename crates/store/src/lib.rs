//! The store: the only crate that speaks SQL.
