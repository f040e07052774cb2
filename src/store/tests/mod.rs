//! Store tests: opening and saving, bad files, merging between processes,
//! the background saver, and crash safety (in `crash`).

mod crash;
mod files;
mod merge;
mod xdg;

use std::path::{Path, PathBuf};

use super::*;

/// A fresh temporary folder and the state path inside it.
fn temp_state() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(STATE_FILE_NAME);
    (dir, path)
}

/// The names in a folder, sorted, to check nothing is left behind.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn open_clean(path: &Path) -> Store {
    let (store, warnings) = Store::open_at(path);
    assert!(warnings.is_empty(), "unexpected warnings: {warnings:?}");
    store
}

fn set(ids: &[&str]) -> std::collections::BTreeSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

#[test]
fn corpus_key_is_sample_without_paths_and_order_free_with_them() {
    let none: [&str; 0] = [];
    assert_eq!(corpus_key(&none), SAMPLE_KEY);
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    std::fs::create_dir(&a).unwrap();
    std::fs::create_dir(&b).unwrap();
    let ab = corpus_key(&[&a, &b]);
    assert_eq!(ab, corpus_key(&[&b, &a]));
    assert_eq!(ab, corpus_key(&[&b, &a, &a]));
    // Canonicalised: a detour through `..` names the same corpus.
    let detour = dir.path().join("b").join("..").join("a");
    assert_eq!(corpus_key(&[&a]), corpus_key(&[&detour]));
    // A path that does not exist still gives an absolute key.
    let gone = corpus_key(&["no/such/place"]);
    assert!(Path::new(&gone).is_absolute(), "{gone}");
}

#[test]
fn marks_and_position_round_trip_through_the_file() {
    let (dir, path) = temp_state();
    let mut store = open_clean(&path);
    assert_eq!(store.corpus("k"), CorpusState::default());
    assert!(store.toggle_read("k", "a1"));
    store.set_read("k", "a2", true);
    assert!(!store.toggle_read("k", "a2"));
    assert!(store.toggle_bookmark("k", "a3"));
    store.set_last("k", "a1", 42);
    store.set_read("other", "a1", true);
    assert!(store.save().unwrap().is_empty());

    let reopened = open_clean(&path);
    let view = reopened.corpus("k");
    assert_eq!(view.read, set(&["a1"]));
    assert_eq!(view.bookmarks, set(&["a3"]));
    assert_eq!(view.last, Some(LastPosition { article: "a1".into(), scroll: 42 }));
    assert!(reopened.is_read("other", "a1"));
    assert!(!reopened.is_read("k", "a2"));
    assert!(reopened.is_bookmarked("k", "a3"));
    assert_eq!(names_in(dir.path()), ["state.json", "state.json.lock"]);
}

#[test]
fn missing_folder_is_created_on_first_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep").join("er").join(STATE_FILE_NAME);
    let mut store = open_clean(&path);
    store.set_bookmark(SAMPLE_KEY, "x", true);
    store.save().unwrap();
    assert!(open_clean(&path).is_bookmarked(SAMPLE_KEY, "x"));
}

#[test]
fn no_home_folder_runs_without_saving_and_says_so() {
    let (mut store, warnings) = Store::open_in(None);
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("will not be saved"), "{warnings:?}");
    assert_eq!(store.path(), None);
    store.set_read("k", "a", true);
    assert!(store.is_read("k", "a"));
    assert!(store.save().unwrap().is_empty());
}

#[test]
fn open_in_a_folder_uses_state_json_there() {
    let dir = tempfile::tempdir().unwrap();
    let (store, warnings) = Store::open_in(Some(dir.path().to_owned()));
    assert!(warnings.is_empty());
    assert_eq!(store.path(), Some(dir.path().join("state.json").as_path()));
}

#[test]
fn set_last_with_the_same_position_records_nothing() {
    let mut store = Store::in_memory();
    store.set_last("k", "a", 3);
    assert!(!store.take_changes().is_empty());
    store.set_last("k", "a", 3);
    assert!(store.take_changes().is_empty());
    store.set_last("k", "a", 4);
    assert!(!store.take_changes().is_empty());
}

#[test]
fn saver_saves_after_the_debounce_and_on_stop() {
    let (dir, path) = temp_state();
    let mut store = open_clean(&path);
    let saver = Saver::spawn_with(&store, std::time::Duration::from_millis(20), None);
    store.set_read("k", "a", true);
    saver.changed(store.take_changes());
    // Poll rather than sleep a fixed time: the machine may be busy.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !open_clean(&path).is_read("k", "a") {
        assert!(std::time::Instant::now() < deadline, "debounced save never came");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    store.set_bookmark("k", "b", true);
    saver.changed(store.take_changes());
    assert!(saver.flush_and_stop().is_empty());
    let reopened = open_clean(&path);
    assert!(reopened.is_read("k", "a") && reopened.is_bookmarked("k", "b"));
    assert_eq!(names_in(dir.path()), ["state.json", "state.json.lock"]);
}

#[test]
fn saver_flushes_at_once_on_stop_despite_a_long_debounce() {
    let (_dir, path) = temp_state();
    let mut store = open_clean(&path);
    let saver = Saver::spawn_with(&store, std::time::Duration::from_secs(3600), None);
    store.set_last("k", "a", 7);
    saver.changed(store.take_changes());
    let started = std::time::Instant::now();
    assert!(saver.flush_and_stop().is_empty());
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
    assert_eq!(open_clean(&path).last("k").map(|l| l.scroll), Some(7));
}

#[test]
fn saver_reports_a_failed_save_as_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("blocker");
    let (mut store, warnings) = Store::open_at(blocker.join(STATE_FILE_NAME));
    assert!(warnings.is_empty());
    // Now the "folder" becomes a file, so the save cannot create it (even
    // as root).
    std::fs::write(&blocker, b"").unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let saver =
        Saver::spawn_with(&store, std::time::Duration::from_millis(1), Some(Box::new(move |w| tx.send(w).unwrap())));
    store.set_read("k", "a", true);
    saver.changed(store.take_changes());
    let warning = rx.recv_timeout(std::time::Duration::from_secs(30)).expect("a warning");
    assert!(warning.contains("could not save reading state"), "{warning}");
    // Stop retries once more, and reports through the callback again.
    assert!(saver.flush_and_stop().is_empty());
}

#[test]
fn dropping_the_saver_still_saves() {
    let (_dir, path) = temp_state();
    let mut store = open_clean(&path);
    let saver = Saver::spawn_with(&store, std::time::Duration::from_secs(3600), None);
    store.set_read("k", "z", true);
    saver.changed(store.take_changes());
    drop(saver);
    assert!(open_clean(&path).is_read("k", "z"));
}
