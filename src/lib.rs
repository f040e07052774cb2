//! dossier: a terminal reader for news article corpora.
//!
//! The library holds everything but the terminal glue, so tests and benches
//! drive the same code the binary runs.

pub mod analysis;

pub mod search;
pub mod synth;
