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
//! let hits = index.search_incremental(&q, None, &mut cache); // as-you-type
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
//!
//! Phrases: the words must be adjacent in the title or the body. Each
//! posting carries a 32-bit signature of the words that follow the term in
//! that doc, which rules out most non-matching docs without reading text;
//! the best `PHRASE_VERIFY_BUDGET` hits (fewer while the quote is still
//! open) are then checked against the text given by [`Index::set_text`].
//! Hits past that budget rest on the signatures alone (measured on the
//! synthetic corpus: about 6% false positives for "foreign minister").
//!
//! Why `Hit` has no list of matched terms: building 100,000 small vectors
//! per keystroke would cost more than the search itself; the app asks
//! [`Index::matched_terms`] for the rows it shows or prints.
//!
//! Threads: `Index` is `Send + Sync`; share it in an `Arc`. The build uses
//! rayon's global pool; a search is single-threaded except the phrase check.

mod engine;
mod highlight;
mod index;
pub mod matching;
mod phrase;
mod query;
#[cfg(test)]
mod segment_tests;
pub mod text;
pub mod worker;

use crate::analysis::Kind;

pub use engine::{OPEN_PHRASE_VERIFY_BUDGET, PARTIAL_PENALTY, PHRASE_VERIFY_BUDGET, SearchCache};
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
