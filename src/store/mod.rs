//! Reading state that survives restarts and crashes: read marks, bookmarks,
//! and the last article with its scroll position, kept per corpus.
//!
//! The state lives in one JSON file, `state.json` in the data folder
//! (`$XDG_DATA_HOME/dossier` or `~/.local/share/dossier` on Linux).
//!
//! How the app uses it:
//!
//! ```no_run
//! use dossier::store::{corpus_key, Saver, Store};
//! let (mut store, warnings) = Store::open_default(); // warnings: status bar
//! let key = corpus_key(&["news/"]);
//! let saver = Saver::spawn(&store);
//! store.toggle_read(&key, "article-1");
//! saver.changed(store.take_changes()); // non-blocking; saved ~500 ms later
//! // ... on quit:
//! let more_warnings = saver.flush_and_stop();
//! ```
//!
//! Several dossier processes may share the file. Each save takes a lock,
//! merges with what is on disk now (per field of each article, the later
//! change wins) and atomically replaces the file; see `model` and `disk`.

mod disk;
mod model;
mod saver;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

pub use model::{FORMAT_VERSION, LastPosition};
pub use saver::{Saver, WarningSink};

use model::{Change, Rejected, Stamped, StateFile};

/// The corpus key of the built-in sample corpus.
pub const SAMPLE_KEY: &str = "<sample>";

/// The file name inside the data folder.
pub const STATE_FILE_NAME: &str = "state.json";

/// The key a corpus's state is filed under: its paths canonicalised (a path
/// that cannot be canonicalised, say one since removed, is made absolute
/// instead), sorted and deduplicated so `dossier a b` and `dossier b a`
/// share state, and joined with newlines. No paths means the sample corpus:
/// [`SAMPLE_KEY`].
pub fn corpus_key<P: AsRef<Path>>(paths: &[P]) -> String {
    if paths.is_empty() {
        return SAMPLE_KEY.to_owned();
    }
    let mut keys: Vec<String> = paths
        .iter()
        .map(|p| {
            let p = p.as_ref();
            let resolved = p.canonicalize().or_else(|_| std::path::absolute(p)).unwrap_or_else(|_| p.to_path_buf());
            resolved.to_string_lossy().into_owned()
        })
        .collect();
    keys.sort();
    keys.dedup();
    keys.join("\n")
}

/// A read-only view of one corpus's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CorpusState {
    /// Ids of the articles marked read.
    pub read: BTreeSet<String>,
    /// Ids of the bookmarked articles.
    pub bookmarks: BTreeSet<String>,
    /// The article open when last seen, and its scroll offset in lines.
    pub last: Option<LastPosition>,
}

/// A failed save. Nothing on disk has changed when this is returned (the
/// atomic write either happened or did not).
#[derive(Debug, thiserror::Error)]
#[error("could not save reading state to {}: {source}", path.display())]
pub struct SaveError {
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

/// A batch of changes for the background [`Saver`], taken from the store
/// with [`Store::take_changes`]. Applying a batch twice, or late, is
/// harmless: each change carries its own stamp.
#[derive(Clone, Debug, Default)]
pub struct Changes(Vec<Change>);

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The reading state, in memory, with the path it is saved to.
///
/// All methods are cheap and never touch the disk except the `open_*`
/// constructors and [`Store::save`].
#[derive(Clone, Debug)]
pub struct Store {
    /// `None`: run without saving (no home folder, or a state file we could
    /// neither read nor move aside).
    path: Option<PathBuf>,
    state: StateFile,
    /// Changes since the last `take_changes`, for the saver.
    pending: Vec<Change>,
}

impl Store {
    /// Open the state file in the user's data folder. Never fails: any
    /// problem (no home folder, corrupt file, unreadable file) yields a
    /// working in-memory store and a warning for the status bar.
    pub fn open_default() -> (Store, Vec<String>) {
        let dir = directories::ProjectDirs::from("", "", "dossier").map(|d| d.data_dir().to_owned());
        Store::open_in(dir)
    }

    /// Open `state.json` in `dir`; `None` (no home folder) gives a store
    /// that never saves, with a warning saying so.
    pub fn open_in(dir: Option<PathBuf>) -> (Store, Vec<String>) {
        match dir {
            Some(dir) => Store::open_at(dir.join(STATE_FILE_NAME)),
            None => (
                Store::in_memory(),
                vec!["no home folder found: read marks, bookmarks and position will not be saved".to_owned()],
            ),
        }
    }

    /// A store that is never saved.
    pub fn in_memory() -> Store {
        Store { path: None, state: StateFile::new(), pending: Vec::new() }
    }

    /// Open the state file at `path`. A missing file (or folder) is a fresh
    /// state; the folder is created on the first save. A corrupt, empty,
    /// NUL-filled or newer-version file is moved aside to
    /// `<path>.corrupt-<unix time>` and named in a warning.
    pub fn open_at(path: impl Into<PathBuf>) -> (Store, Vec<String>) {
        let path = path.into();
        let mut warnings = Vec::new();
        let mut store = Store { path: Some(path.clone()), state: StateFile::new(), pending: Vec::new() };
        match load(&path, &mut warnings) {
            Ok(Some(state)) => store.adopt(state),
            Ok(None) => {}
            Err(e) => {
                // An unreadable file (permissions, I/O error) may still hold
                // the user's state: do not overwrite it.
                warnings.push(format!(
                    "could not read reading state {}: {e}; it will not be saved this session",
                    path.display()
                ));
                store.path = None;
            }
        }
        (store, warnings)
    }

    /// Where this store saves, if it saves at all.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn adopt(&mut self, state: StateFile) {
        model::observe_stamp(state.max_stamp());
        self.state = state;
    }

    /// The state of one corpus. Builds sets: call it once when a corpus is
    /// opened, then use [`Store::is_read`] and friends or keep your own.
    pub fn corpus(&self, key: &str) -> CorpusState {
        let Some(record) = self.state.corpora.get(key) else {
            return CorpusState::default();
        };
        let mut view = CorpusState { last: record.last.as_ref().map(|l| l.v.clone()), ..CorpusState::default() };
        for (id, article) in &record.articles {
            if article.read.as_ref().is_some_and(|r| r.v) {
                view.read.insert(id.clone());
            }
            if article.bookmark.as_ref().is_some_and(|b| b.v) {
                view.bookmarks.insert(id.clone());
            }
        }
        view
    }

    pub fn is_read(&self, key: &str, article: &str) -> bool {
        self.article(key, article).and_then(|a| a.read.as_ref()).is_some_and(|r| r.v)
    }

    pub fn is_bookmarked(&self, key: &str, article: &str) -> bool {
        self.article(key, article).and_then(|a| a.bookmark.as_ref()).is_some_and(|b| b.v)
    }

    pub fn last(&self, key: &str) -> Option<&LastPosition> {
        self.state.corpora.get(key)?.last.as_ref().map(|l| &l.v)
    }

    fn article(&self, key: &str, article: &str) -> Option<&model::ArticleRecord> {
        self.state.corpora.get(key)?.articles.get(article)
    }

    fn record(&mut self, change: Change) {
        change.apply(&mut self.state);
        self.pending.push(change);
    }

    pub fn set_read(&mut self, key: &str, article: &str, read: bool) {
        self.record(Change::Read {
            corpus: key.to_owned(),
            article: article.to_owned(),
            value: Stamped { v: read, at: model::next_stamp() },
        });
    }

    /// Flip the read mark; returns the new value.
    pub fn toggle_read(&mut self, key: &str, article: &str) -> bool {
        let read = !self.is_read(key, article);
        self.set_read(key, article, read);
        read
    }

    pub fn set_bookmark(&mut self, key: &str, article: &str, bookmarked: bool) {
        self.record(Change::Bookmark {
            corpus: key.to_owned(),
            article: article.to_owned(),
            value: Stamped { v: bookmarked, at: model::next_stamp() },
        });
    }

    /// Flip the bookmark; returns the new value.
    pub fn toggle_bookmark(&mut self, key: &str, article: &str) -> bool {
        let bookmarked = !self.is_bookmarked(key, article);
        self.set_bookmark(key, article, bookmarked);
        bookmarked
    }

    /// Remember the open article and its scroll offset. Repeating the
    /// current position records nothing, so calling this on every redraw or
    /// scroll step is fine.
    pub fn set_last(&mut self, key: &str, article: &str, scroll: u32) {
        if self.last(key).is_some_and(|l| l.article == article && l.scroll == scroll) {
            return;
        }
        self.record(Change::Last {
            corpus: key.to_owned(),
            value: Stamped { v: LastPosition { article: article.to_owned(), scroll }, at: model::next_stamp() },
        });
    }

    /// The changes made since the last call, for [`Saver::changed`].
    pub fn take_changes(&mut self) -> Changes {
        Changes(std::mem::take(&mut self.pending))
    }

    /// Apply changes made elsewhere (the saver's copy uses this).
    pub(crate) fn apply(&mut self, changes: &Changes) {
        for change in &changes.0 {
            change.apply(&mut self.state);
        }
    }

    /// Save now, blocking: lock, merge with the file as it is on disk now,
    /// replace it atomically. Afterwards this store also holds what other
    /// processes had saved. Returns warnings (a corrupt file found on disk
    /// and moved aside); a store that does not save returns `Ok` at once.
    /// The file is not rewritten when the merge changes nothing.
    pub fn save(&mut self) -> Result<Vec<String>, SaveError> {
        let Some(path) = self.path.clone() else {
            return Ok(Vec::new());
        };
        self.pending.clear();
        let mut warnings = Vec::new();
        let err = |source| SaveError { path: path.clone(), source };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(err)?;
        }
        let _lock = disk::StateLock::acquire(&path).map_err(err)?;
        disk::remove_stale_temps(&path);
        let on_disk = read_and_check(&path, &mut warnings).map_err(err)?;
        let merged = match &on_disk {
            Some(disk_state) => {
                let mut merged = disk_state.clone();
                merged.merge(&self.state);
                merged
            }
            None => self.state.clone(),
        };
        if on_disk.as_ref() != Some(&merged) {
            disk::write_atomic(&path, &model::to_bytes(&merged)).map_err(err)?;
        }
        self.adopt(merged);
        Ok(warnings)
    }
}

/// Read the file at open time. A bad file is moved aside under the lock,
/// after a second look: another process may have replaced it with a good
/// one meanwhile, and that one must not be moved aside.
fn load(path: &Path, warnings: &mut Vec<String>) -> io::Result<Option<StateFile>> {
    let bytes = match disk::read_state(path)? {
        disk::ReadOutcome::Missing => return Ok(None),
        disk::ReadOutcome::Bytes(bytes) => bytes,
    };
    match model::parse(&bytes) {
        Ok(state) => Ok(Some(state)),
        Err(_) => {
            let _lock = disk::StateLock::acquire(path)?;
            read_and_check(path, warnings)
        }
    }
}

/// Read and parse the file; the caller holds the lock. A bad file is moved
/// aside (with a warning) and reads as no file.
fn read_and_check(path: &Path, warnings: &mut Vec<String>) -> io::Result<Option<StateFile>> {
    let bytes = match disk::read_state(path)? {
        disk::ReadOutcome::Missing => return Ok(None),
        disk::ReadOutcome::Bytes(bytes) => bytes,
    };
    match model::parse(&bytes) {
        Ok(state) => Ok(Some(state)),
        Err(why) => {
            let aside = disk::move_aside(path).map_err(|e| {
                io::Error::new(e.kind(), format!("it is unusable ({why}) and could not be moved aside: {e}"))
            })?;
            warnings.push(rejected_warning(path, &why, &aside));
            Ok(None)
        }
    }
}

fn rejected_warning(path: &Path, why: &Rejected, aside: &Path) -> String {
    format!("reading state {} was unusable ({why}); moved it to {} and started afresh", path.display(), aside.display())
}
