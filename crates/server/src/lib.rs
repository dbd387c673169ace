//! The HTTP API and web page: the only crate that speaks HTTP.
