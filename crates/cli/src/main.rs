//! `sitrep`: the command line. The only crate that touches argv, the environment and exit codes.

fn main() {}
