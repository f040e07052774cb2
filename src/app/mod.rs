//! The application state and everything that changes it. No terminal in
//! here: the event loop feeds [`Msg`]s to [`App::update`], and the drawing
//! reads the state it leaves.

pub mod action;
pub mod finalize;
pub mod keymap;
pub mod library;
mod list;
mod reader;
pub mod search;
mod timeline;
mod update;

pub use library::{EntityKey, Library};
pub use list::{ListFilter, ListView};
pub use reader::Reader;
pub use timeline::TimelineView;

use crate::corpus::LoadEvent;
use crate::store::Store;
use keymap::Keymap;
use ratatui::crossterm::event::KeyEvent;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    List,
    Reader,
    Timeline,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::List, Pane::Reader, Pane::Timeline];

    pub fn title(self) -> &'static str {
        match self {
            Pane::List => "Articles",
            Pane::Reader => "Reader",
            Pane::Timeline => "Timeline",
        }
    }
}

/// Everything that can happen to the app, in the order the event loop
/// receives it.
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Resize(u16, u16),
    Load(LoadEvent),
    LoadDone,
    /// The timeline and index, built after loading (see [`finalize`]).
    Finalized(finalize::Finalized),
    /// Results of search `generation` (stale ones are dropped).
    SearchResults {
        generation: u64,
        hits: Vec<crate::search::Hit>,
    },
    /// Something to tell the user (a save that failed, a state file moved
    /// aside).
    Warning(String),
}

/// Work the app asks of the event loop, which owns the terminal and threads.
#[derive(Debug)]
pub enum Effect {
    Suspend,
    /// Run [`finalize::run`] on this snapshot, off the UI thread.
    Finalize(finalize::Snapshot),
    /// The index is built: start the search worker on it.
    StartSearch(std::sync::Arc<crate::search::Index>),
    /// Run this query on the search worker.
    Search {
        generation: u64,
        query: String,
    },
}

pub struct App {
    pub library: Library,
    pub keymap: Keymap,
    pub focus: Pane,
    pub size: (u16, u16),
    pub list: ListView,
    pub reader: Reader,
    pub timeline: TimelineView,
    /// The help overlay, with its scroll offset, when shown.
    pub help: Option<u16>,
    pub search: search::SearchState,
    /// A message for the status bar, replacing the default text.
    pub message: Option<String>,
    pub should_quit: bool,
    pub effects: Vec<Effect>,
    /// Read marks, bookmarks and the last position, for this corpus.
    pub store: Store,
    pub corpus_key: String,
    /// Whether the last position was restored already (it is restored once,
    /// when its article arrives).
    pub(crate) restored: bool,
}

impl App {
    pub fn new(keymap: Keymap, size: (u16, u16)) -> Self {
        App {
            library: Library::default(),
            keymap,
            focus: Pane::List,
            size,
            list: ListView::default(),
            reader: Reader::default(),
            timeline: TimelineView::default(),
            help: None,
            search: search::SearchState::default(),
            message: None,
            should_quit: false,
            effects: Vec::new(),
            store: Store::in_memory(),
            corpus_key: crate::store::SAMPLE_KEY.to_string(),
            restored: false,
        }
    }

    /// Uses `store` for the reading state of the corpus `key`.
    pub fn with_store(mut self, store: Store, key: String) -> Self {
        self.store = store;
        self.corpus_key = key;
        self
    }

    pub fn is_read(&self, article: u32) -> bool {
        self.store.is_read(&self.corpus_key, &self.library.article(article).id)
    }

    pub fn is_bookmarked(&self, article: u32) -> bool {
        self.store.is_bookmarked(&self.corpus_key, &self.library.article(article).id)
    }
}

/// The first row to show so that `selected` is on screen in a pane of
/// `height` rows, moving the view as little as possible.
pub(crate) fn follow(selected: usize, offset: usize, len: usize, height: usize) -> usize {
    let height = height.max(1);
    let offset = if selected < offset {
        selected
    } else if selected >= offset + height {
        selected + 1 - height
    } else {
        offset
    };
    offset.min(len.saturating_sub(height))
}
