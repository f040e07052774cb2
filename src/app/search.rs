//! The search line's state: what is typed, which results belong to it,
//! and the index once it is built. The search itself runs on a worker
//! thread; this side only submits queries and takes results back.

use crate::search::{Hit, Index, Query};
use std::sync::Arc;

#[derive(Debug, Default)]
pub struct SearchState {
    /// Whether the search line has the keyboard.
    pub active: bool,
    pub query: String,
    /// `query` parsed, for highlighting matches.
    pub parsed: Query,
    /// Bumped on every edit; results of older generations are dropped.
    pub generation: u64,
    /// Ranked results of the current query, once they arrive.
    pub hits: Option<Vec<Hit>>,
    /// Built after loading; until then queries wait.
    pub index: Option<Arc<Index>>,
}

impl SearchState {
    /// Whether a query is in force (typed and not cleared).
    pub fn in_force(&self) -> bool {
        !self.parsed.is_empty()
    }

    /// After an edit: a new generation, the query parsed again.
    pub fn edited(&mut self) {
        self.generation += 1;
        self.parsed = Query::parse(&self.query);
        if self.parsed.is_empty() {
            self.hits = None;
        }
    }

    pub fn clear(&mut self) {
        self.active = false;
        self.query.clear();
        self.edited();
    }
}
