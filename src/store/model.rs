//! The state file's format and the merge rule.
//!
//! Every field a user can change (read mark, bookmark, last position) is kept
//! as a last-writer-wins register: the value plus the stamp of the change that
//! set it. Merging two states keeps, field by field, the value with the larger
//! stamp. That merge is commutative, associative and idempotent, so any number
//! of dossier processes can save in any order and each field ends with the
//! value of its latest change, whoever made it. "Unread" and "not bookmarked"
//! are kept as `false` (tombstones) rather than removed, so that an un-mark
//! made later still beats a mark made earlier in another process.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// The format version this build writes. Any change to the format bumps it;
/// a file with a larger version is from a newer dossier and is moved aside
/// rather than misread.
pub const FORMAT_VERSION: u64 = 1;

/// The whole state file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateFile {
    pub version: u64,
    /// Keyed by corpus key (see [`super::corpus_key`]).
    #[serde(default)]
    pub corpora: BTreeMap<String, CorpusRecord>,
}

/// The state of one corpus.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusRecord {
    /// Keyed by article id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub articles: BTreeMap<String, ArticleRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<Stamped<LastPosition>>,
}

/// The marks of one article. A field is absent until first set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read: Option<Stamped<bool>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bookmark: Option<Stamped<bool>>,
}

/// The article last open in a corpus and how far it was scrolled.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LastPosition {
    pub article: String,
    pub scroll: u32,
}

/// A value with the stamp of the change that set it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamped<T> {
    pub v: T,
    /// Nanoseconds since the Unix epoch, made strictly increasing within a
    /// process and never below any stamp this process has seen (see
    /// [`next_stamp`]).
    pub at: u64,
}

impl<T: Ord + Clone> Stamped<T> {
    /// Keep the later of two changes. Equal stamps (two processes in the same
    /// nanosecond) are settled by the value itself so that the merge does not
    /// depend on which side is "ours".
    fn merge(&mut self, other: &Stamped<T>) {
        if (other.at, &other.v) > (self.at, &self.v) {
            *self = other.clone();
        }
    }
}

fn merge_opt<T: Ord + Clone>(mine: &mut Option<Stamped<T>>, theirs: &Option<Stamped<T>>) {
    match (mine.as_mut(), theirs) {
        (_, None) => {}
        (None, Some(t)) => *mine = Some(t.clone()),
        (Some(m), Some(t)) => m.merge(t),
    }
}

impl StateFile {
    pub fn new() -> Self {
        StateFile { version: FORMAT_VERSION, corpora: BTreeMap::new() }
    }

    /// Fold `other` into `self`, field by field, later stamp wins.
    pub fn merge(&mut self, other: &StateFile) {
        for (key, theirs) in &other.corpora {
            let mine = self.corpora.entry(key.clone()).or_default();
            merge_opt(&mut mine.last, &theirs.last);
            for (id, their_article) in &theirs.articles {
                let my_article = mine.articles.entry(id.clone()).or_default();
                merge_opt(&mut my_article.read, &their_article.read);
                merge_opt(&mut my_article.bookmark, &their_article.bookmark);
            }
        }
    }

    /// The largest stamp anywhere in the state, to keep our clock above it.
    pub fn max_stamp(&self) -> u64 {
        let mut max = 0;
        for corpus in self.corpora.values() {
            if let Some(last) = &corpus.last {
                max = max.max(last.at);
            }
            for article in corpus.articles.values() {
                for field in [&article.read, &article.bookmark].into_iter().flatten() {
                    max = max.max(field.at);
                }
            }
        }
        max
    }
}

/// One change made by the user, as sent to the background saver.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Change {
    Read { corpus: String, article: String, value: Stamped<bool> },
    Bookmark { corpus: String, article: String, value: Stamped<bool> },
    Last { corpus: String, value: Stamped<LastPosition> },
}

impl Change {
    /// Apply with the same last-writer-wins rule as [`StateFile::merge`], so
    /// changes may arrive late or twice without harm.
    pub(crate) fn apply(&self, state: &mut StateFile) {
        match self {
            Change::Read { corpus, article, value } => {
                let record = article_mut(state, corpus, article);
                merge_opt(&mut record.read, &Some(value.clone()));
            }
            Change::Bookmark { corpus, article, value } => {
                let record = article_mut(state, corpus, article);
                merge_opt(&mut record.bookmark, &Some(value.clone()));
            }
            Change::Last { corpus, value } => {
                let record = state.corpora.entry(corpus.clone()).or_default();
                merge_opt(&mut record.last, &Some(value.clone()));
            }
        }
    }
}

fn article_mut<'a>(state: &'a mut StateFile, corpus: &str, article: &str) -> &'a mut ArticleRecord {
    state.corpora.entry(corpus.to_owned()).or_default().articles.entry(article.to_owned()).or_default()
}

/// Why a state file's bytes were not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejected {
    Empty,
    NulFilled,
    Invalid(String),
    NoVersion,
    Newer(u64),
}

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rejected::Empty => write!(f, "the file is empty"),
            Rejected::NulFilled => write!(f, "the file is filled with NUL bytes"),
            Rejected::Invalid(why) => write!(f, "not valid state JSON: {why}"),
            Rejected::NoVersion => write!(f, "no valid format version in it"),
            Rejected::Newer(v) => {
                write!(f, "it is format version {v}, from a newer dossier (this one reads version {FORMAT_VERSION})")
            }
        }
    }
}

/// Parse a state file's bytes. Never panics, whatever the bytes.
///
/// Empty and NUL-filled files get their own reasons: they are what a crash
/// during a non-atomic write (by an older tool, or a file system without
/// ordered writes) leaves behind, and saying so helps the user.
pub fn parse(bytes: &[u8]) -> Result<StateFile, Rejected> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Rejected::Empty);
    }
    if bytes.iter().all(|&b| b == 0 || b.is_ascii_whitespace()) {
        return Err(Rejected::NulFilled);
    }
    // Read the version first, on its own, so that a newer file is reported
    // as newer even when its shape has changed beyond what we can parse.
    #[derive(Deserialize)]
    struct VersionOnly {
        version: Option<serde_json::Value>,
    }
    let probe: VersionOnly = serde_json::from_slice(bytes).map_err(|e| Rejected::Invalid(e.to_string()))?;
    let version = match probe.version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if v >= 1 => v,
        _ => return Err(Rejected::NoVersion),
    };
    if version > FORMAT_VERSION {
        return Err(Rejected::Newer(version));
    }
    serde_json::from_slice(bytes).map_err(|e| Rejected::Invalid(e.to_string()))
}

/// Serialise for writing. One line of JSON plus a newline: the file can hold
/// thousands of articles, and compact JSON halves its size.
pub fn to_bytes(state: &StateFile) -> Vec<u8> {
    // Serialising plain maps, strings and integers cannot fail.
    let mut bytes = serde_json::to_vec(state).expect("state serialises");
    bytes.push(b'\n');
    bytes
}

static CLOCK: AtomicU64 = AtomicU64::new(0);

/// A stamp for a change made now: wall-clock nanoseconds, but strictly above
/// every stamp handed out or observed before in this process, so a clock
/// that steps backwards cannot make a new change lose to an older one.
pub fn next_stamp() -> u64 {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
        .unwrap_or(0);
    let mut prev = CLOCK.load(Ordering::Relaxed);
    loop {
        let next = now.max(prev.saturating_add(1));
        match CLOCK.compare_exchange_weak(prev, next, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return next,
            Err(actual) => prev = actual,
        }
    }
}

/// Keep the clock at or above a stamp seen in a file (Lamport-style).
pub fn observe_stamp(stamp: u64) {
    CLOCK.fetch_max(stamp, Ordering::Relaxed);
}
