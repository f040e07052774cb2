//! Search: an index of the corpus built once, and a query language matched
//! against it on every keystroke.
//!
//! Independent of the app's `Article`: the app hands in [`DocInput`]s (doc
//! ids are their positions), gets back [`Hit`]s (doc id and score).
//!
//! ```text
//! let mut index = Index::build(docs);            // Vec<DocInput>, parallel
//! index.set_text(Arc::new(my_texts));            // optional: verifies "phrases"
//! let q = Query::parse("lavrof person:kovacs date:2025-12");
//! let hits = index.search(&q, None);              // all hits, best first
//! let terms = index.matched_terms(&q, hits[0].doc); // for JSON "matches"
//! let marks = index.title_match_indices(&q, title); // char indices
//! let ranges = body_matches(&q, body);            // byte ranges, for n/N
//! let searcher = worker::Searcher::spawn(Arc::new(index), |generation, hits| ...);
//! searcher.submit(generation, query_string);      // never blocks
//! ```
//!
//! Matching: each query word is matched against the vocabulary (exact,
//! prefix, typo, abbreviation; see [`matching`]), the postings of the
//! matching terms are united per word and intersected across words.
//! Case and diacritics are folded (`zurich` finds `Zürich`, see [`text`]).
//!
//! Ranking (higher score first, ties by doc id): a word found in the title
//! outranks one found in an entity name, which outranks one found only in
//! the body; within a field exact > prefix > typo > abbreviation; the
//! scores of the words add up. If no doc has every word, the docs with the
//! most words are returned with a negative score ([`Hit::is_partial`]);
//! `date:` stays a hard filter even then.
//! An empty query ([`Query::is_empty`]) returns nothing: show everything.

mod engine;
mod highlight;
mod index;
pub mod matching;
mod phrase;
mod query;
pub mod text;
pub mod worker;

use crate::analysis::Kind;

pub use engine::{PARTIAL_PENALTY, SearchCache};
pub use highlight::{body_matches, title_match_indices};
pub use index::Index;
pub use query::{MAX_QUERY_CHARS, MAX_WORD_CHARS, MAX_WORDS, Phrase, Query, QueryWord};

/// What the index needs to know of one document.
#[derive(Clone, Debug, Default)]
pub struct DocInput<'a> {
    pub title: &'a str,
    pub body: &'a str,
    /// Canonical entity names with their kind ("Sergei Lavrov", PERSON).
    /// `Kind::Date` entries are ignored: dates go in `dates`.
    pub names: Vec<(Kind, &'a str)>,
    /// TIMEX3 values ("2025-12-04", "2025-07", "XXXX-12-04") and the
    /// article date; used by `date:`.
    pub dates: Vec<&'a str>,
}

/// One ranked result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Position of the document in the `Vec<DocInput>` given to `build`.
    pub doc: u32,
    pub score: i64,
}

impl Hit {
    /// Not every query word was found in this doc (the AND had no result
    /// and the search fell back to the docs with the most words).
    pub fn is_partial(&self) -> bool {
        self.score < 0
    }
}

/// Access to the documents' text, so the index can check that a phrase's
/// words are adjacent without keeping a copy of the corpus.
pub trait DocText: Send + Sync {
    fn title(&self, doc: u32) -> &str;
    fn body(&self, doc: u32) -> &str;
}

/// `(title, body)` pairs: the simplest `DocText`, for tests and benches.
impl DocText for Vec<(String, String)> {
    fn title(&self, doc: u32) -> &str {
        self.get(doc as usize).map_or("", |d| d.0.as_str())
    }
    fn body(&self, doc: u32) -> &str {
        self.get(doc as usize).map_or("", |d| d.1.as_str())
    }
}
