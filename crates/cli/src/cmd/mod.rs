//! One module per subcommand.

pub mod bench;
pub mod eval;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod ingest;
pub mod stats;
pub mod train;
