//! The pipeline: batching, parallelism and per-article outcomes.
