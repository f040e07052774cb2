//! dossier: a terminal reader for news article corpora.
//!
//! The library holds everything but the terminal glue, so tests and benches
//! drive the same code the binary runs.

pub mod analysis;
pub mod app;
pub mod config;
pub mod corpus;
pub mod headless;
pub mod search;
pub mod store;
pub mod strings;
pub mod synth;
pub mod text;
pub mod tui;
pub mod ui;
