//! Saving off the UI thread: a background thread holds its own copy of the
//! store, applies the change batches the app sends, and saves a short while
//! after the last change.

use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::{Changes, Store};

enum Msg {
    Changed(Changes),
    Stop,
}

/// The background saver. Dropping it without [`Saver::flush_and_stop`]
/// still saves pending changes (and blocks for that save).
pub struct Saver {
    tx: Option<Sender<Msg>>,
    thread: Option<JoinHandle<Vec<String>>>,
}

/// A warning callback, e.g. one that posts to the app's event channel.
pub type WarningSink = Box<dyn FnMut(String) + Send>;

impl Saver {
    /// Wait after a change before saving, so a burst of keystrokes is one
    /// write.
    pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(500);

    /// However busy the user, save at least this often while changes keep
    /// coming (a pure debounce would never fire during continuous
    /// scrolling).
    pub const MAX_DELAY: Duration = Duration::from_secs(3);

    /// Start a saver for a copy of `store` (same file, same state). Warnings
    /// (failed saves, a corrupt file found at save time) are collected and
    /// returned by [`Saver::flush_and_stop`].
    pub fn spawn(store: &Store) -> Saver {
        Saver::spawn_with(store, Saver::DEFAULT_DEBOUNCE, None)
    }

    /// Like [`Saver::spawn`], with the debounce delay and, optionally, a
    /// callback that receives each warning as it happens (on the saver
    /// thread) instead of collecting it.
    pub fn spawn_with(store: &Store, debounce: Duration, on_warning: Option<WarningSink>) -> Saver {
        let (tx, rx) = mpsc::channel();
        let mut copy = store.clone();
        copy.pending.clear();
        let thread = std::thread::Builder::new()
            .name("dossier-saver".into())
            .spawn(move || run(copy, rx, debounce, on_warning))
            .expect("spawn the state saver thread");
        Saver { tx: Some(tx), thread: Some(thread) }
    }

    /// Hand over changes; returns at once. Empty batches are ignored.
    pub fn changed(&self, changes: Changes) {
        if changes.is_empty() {
            return;
        }
        if let Some(tx) = &self.tx {
            // The thread only ends when told to, or by panicking; in the
            // latter case flush_and_stop reports it.
            let _ = tx.send(Msg::Changed(changes));
        }
    }

    /// Save what is pending now, stop the thread, and return the warnings
    /// collected (none if a callback took them). Blocks for the save: call
    /// it on quit.
    pub fn flush_and_stop(mut self) -> Vec<String> {
        self.stop()
    }

    fn stop(&mut self) -> Vec<String> {
        if let Some(tx) = self.tx.take() {
            let _ = tx.send(Msg::Stop);
        }
        match self.thread.take().map(JoinHandle::join) {
            Some(Ok(warnings)) => warnings,
            Some(Err(_)) => vec!["the state saver crashed; recent changes may not be saved".into()],
            None => Vec::new(),
        }
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        self.stop();
    }
}

fn run(
    mut store: Store,
    rx: mpsc::Receiver<Msg>,
    debounce: Duration,
    mut on_warning: Option<WarningSink>,
) -> Vec<String> {
    let mut collected = Vec::new();
    let mut warn = |w: String| match on_warning.as_mut() {
        Some(sink) => sink(w),
        None => collected.push(w),
    };
    // (first unsaved change, latest change) while there is something to save.
    let mut dirty: Option<(Instant, Instant)> = None;
    // A failed save is retried on the next change and at stop.
    let mut failed = false;
    loop {
        let msg = match dirty {
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some((first, latest)) => {
                let due = (latest + debounce).min(first + Saver::MAX_DELAY);
                rx.recv_timeout(due.saturating_duration_since(Instant::now()))
            }
        };
        match msg {
            Ok(Msg::Changed(changes)) => {
                store.apply(&changes);
                let now = Instant::now();
                dirty = Some((dirty.map_or(now, |(first, _)| first), now));
            }
            Err(RecvTimeoutError::Timeout) => {
                dirty = None;
                failed = !save(&mut store, &mut warn);
            }
            Ok(Msg::Stop) | Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    if dirty.is_some() || failed {
        save(&mut store, &mut warn);
    }
    collected
}

fn save(store: &mut Store, warn: &mut impl FnMut(String)) -> bool {
    match store.save() {
        Ok(warnings) => {
            warnings.into_iter().for_each(&mut *warn);
            true
        }
        Err(e) => {
            warn(e.to_string());
            false
        }
    }
}
