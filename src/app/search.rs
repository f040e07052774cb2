//! The search line's state: what is typed, which results belong to it,
//! and the index once it is built. The search itself runs on a worker
//! thread; this side only submits queries and takes results back.

use super::{App, Effect, ListFilter};
use crate::search::{Hit, Index, Query};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
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

/// Typing in the search line, sending queries, and the matches in the
/// reader.
impl App {
    pub(crate) fn on_search_key(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => {
                self.search.clear();
                self.submit_search();
            }
            KeyCode::Enter => {
                // Keep the filter; the reader now shows every match, however
                // long the article.
                self.search.active = false;
                self.refresh_matches(true);
            }
            KeyCode::Backspace => {
                self.search.query.pop();
                self.search.edited();
                self.submit_search();
            }
            KeyCode::Char('u') if ctrl => {
                self.search.query.clear();
                self.search.edited();
                self.submit_search();
            }
            KeyCode::Char('c') if ctrl => self.should_quit = true,
            KeyCode::Char(c) if !ctrl => {
                self.search.query.push(c);
                self.search.edited();
                self.submit_search();
            }
            _ => return false,
        }
        self.fit();
        true
    }

    /// Sends the current query to the search worker, or, for an empty
    /// query, shows every article again.
    pub(crate) fn submit_search(&mut self) {
        if !self.search.in_force() {
            if self.list.filter == Some(ListFilter::Search) {
                self.list.filter = None;
                self.refresh_list();
            }
            self.refresh_matches(false);
            return;
        }
        if self.search.index.is_some() {
            let (generation, query) = (self.search.generation, self.search.query.clone());
            self.effects.push(Effect::Search { generation, query });
        }
    }

    /// The query's matches in the open article. While typing, articles
    /// over a megabyte wait for `Enter` so that no keystroke waits on them.
    pub(crate) fn refresh_matches(&mut self, committed: bool) {
        const LIVE_LIMIT: usize = 1 << 20;
        let Some(a) = self.reader.article else { return };
        let body = &self.library.article(a).body;
        self.reader.current_match = None;
        self.reader.matches = if self.search.in_force() && (committed || body.len() <= LIVE_LIMIT) {
            crate::search::body_matches(&self.search.parsed, body)
        } else {
            Vec::new()
        };
    }

    /// `n`/`N`: the next (previous) match after (before) where the reader
    /// is, wrapping around, with the view scrolled to it.
    pub(crate) fn step_match(&mut self, forward: bool) {
        if self.reader.article.is_none() {
            return;
        }
        if self.reader.matches.is_empty() && self.search.in_force() {
            self.refresh_matches(true);
        }
        let n = self.reader.matches.len();
        if n == 0 {
            self.message =
                Some(if self.search.in_force() { "no match in this article" } else { "no search: / first" }.into());
            return;
        }
        // From no match yet, start at the top of the view.
        let top = self.reader.rows.get(self.reader.scroll).map_or(0, |r| r.start);
        let from_top = self.reader.matches.partition_point(|r| r.start < top);
        let next = match (self.reader.current_match, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, true) => from_top % n,
            (None, false) => from_top.checked_sub(1).unwrap_or(n - 1),
        };
        self.reader.current_match = Some(next);
        self.reader.show_offset(self.reader.matches[next].start);
        self.message = Some(format!("match {} of {n}", next + 1));
    }
}
