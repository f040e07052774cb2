//! Bad state files: each is moved aside, reported by path, and replaced by a
//! fresh state; no content makes the store panic.

use proptest::prelude::*;

use super::*;

/// Open a store over a file holding `bytes`; check the file was moved aside
/// intact and the warning names where it went. Returns the warning.
fn assert_moved_aside(bytes: &[u8], reason: &str) -> String {
    let (dir, path) = temp_state();
    std::fs::write(&path, bytes).unwrap();
    let (mut store, warnings) = Store::open_at(&path);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let warning = warnings[0].clone();
    assert!(warning.contains(reason), "{warning}");
    assert_eq!(store.corpus("k"), CorpusState::default());
    assert!(!path.exists(), "the bad file should be gone from its place");
    let aside: Vec<String> =
        names_in(dir.path()).into_iter().filter(|n| n.starts_with("state.json.corrupt-")).collect();
    assert_eq!(aside.len(), 1, "{:?}", names_in(dir.path()));
    let aside_path = dir.path().join(&aside[0]);
    assert!(warning.contains(&aside_path.display().to_string()), "{warning}");
    assert_eq!(std::fs::read(&aside_path).unwrap(), bytes);
    // The fresh state saves normally.
    store.set_read("k", "a", true);
    assert!(store.save().unwrap().is_empty());
    assert!(open_clean(&path).is_read("k", "a"));
    warning
}

#[test]
fn corrupt_json_is_moved_aside() {
    assert_moved_aside(b"{\"version\": 1, \"corpora\": {", "not valid state JSON");
}

#[test]
fn wrong_shape_is_moved_aside() {
    assert_moved_aside(
        br#"{"version": 1, "corpora": {"k": {"articles": {"a": {"read": true}}}}}"#,
        "not valid state JSON",
    );
}

#[test]
fn empty_file_is_moved_aside() {
    assert_moved_aside(b"", "empty");
}

#[test]
fn nul_filled_file_is_moved_aside() {
    assert_moved_aside(&[0u8; 4096], "NUL");
}

#[test]
fn newer_format_version_is_moved_aside() {
    let warning = assert_moved_aside(br#"{"version": 2, "corpora": {}}"#, "newer dossier");
    assert!(warning.contains("version 2"), "{warning}");
}

#[test]
fn missing_version_is_moved_aside() {
    assert_moved_aside(br#"{"corpora": {}}"#, "version");
}

#[test]
fn two_bad_files_in_one_second_get_distinct_names() {
    let (dir, path) = temp_state();
    for _ in 0..2 {
        std::fs::write(&path, b"junk").unwrap();
        let (_store, warnings) = Store::open_at(&path);
        assert_eq!(warnings.len(), 1);
    }
    let aside = names_in(dir.path()).into_iter().filter(|n| n.contains(".corrupt-")).count();
    assert_eq!(aside, 2);
}

#[test]
fn file_corrupted_while_running_is_moved_aside_at_save() {
    let (dir, path) = temp_state();
    let mut store = open_clean(&path);
    store.set_read("k", "a", true);
    store.save().unwrap();
    std::fs::write(&path, b"\0\0garbage").unwrap();
    store.set_read("k", "b", true);
    let warnings = store.save().unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains(".corrupt-"));
    // Our own state, including the earlier mark, is written back whole.
    let reopened = open_clean(&path);
    assert!(reopened.is_read("k", "a") && reopened.is_read("k", "b"));
    assert!(names_in(dir.path()).iter().any(|n| n.contains(".corrupt-")));
}

#[test]
fn unreadable_file_is_left_alone_and_not_saved_over() {
    // A folder where the file should be: reading fails (EISDIR) even as root.
    let (_dir, path) = temp_state();
    std::fs::create_dir(&path).unwrap();
    let (mut store, warnings) = Store::open_at(&path);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("will not be saved"), "{warnings:?}");
    assert_eq!(store.path(), None);
    store.set_read("k", "a", true);
    assert!(store.save().unwrap().is_empty());
    assert!(path.is_dir());
}

#[test]
fn a_valid_file_with_extra_fields_still_loads() {
    let (_dir, path) = temp_state();
    std::fs::write(&path, br#"{"version":1,"note":"x","corpora":{"k":{"articles":{"a":{"read":{"v":true,"at":5}}}}}}"#)
        .unwrap();
    assert!(open_clean(&path).is_read("k", "a"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parse_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let _ = model::parse(&bytes);
    }

    #[test]
    fn parse_never_panics_on_near_json(
        text in r#"\{"version": ?[0-9\-.e]{0,4}, "corpora": \{("[a-z]{0,2}": \{"articles": ?\{("[a-z]?": \{"read": \{"v": (true|1|null), "at": [0-9\-]{0,21}\}\})?\}\})?\}\}"#
    ) {
        let _ = model::parse(text.as_bytes());
    }
}

proptest! {
    // Each case touches the disk, so fewer of them.
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn opening_any_bytes_gives_a_usable_store(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        let (_dir, path) = temp_state();
        std::fs::write(&path, &bytes).unwrap();
        let (mut store, warnings) = Store::open_at(&path);
        prop_assert!(warnings.len() <= 1);
        store.set_read("k", "a", true);
        prop_assert!(store.save().is_ok());
        prop_assert!(open_clean(&path).is_read("k", "a"));
    }
}
