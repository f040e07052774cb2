//! Reading state through the real app: marks, bookmarks, the bookmark
//! filter, and the last position surviving a restart.

mod common;
use common::{press, sample_app};
use dossier::app::keymap::Keymap;
use dossier::app::{App, ListFilter, Msg, Pane};
use dossier::corpus::{LoadEvent, LoadOptions, Source, load_all};
use dossier::store::{SAMPLE_KEY, Store};

#[test]
fn m_toggles_read_and_opening_marks_read() {
    let mut app = sample_app((120, 40));
    assert!(!app.is_read(app.list.rows[0]));
    press(&mut app, "m");
    assert!(app.is_read(app.list.rows[0]));
    press(&mut app, "m");
    assert!(!app.is_read(app.list.rows[0]));
    press(&mut app, "j enter");
    assert!(app.is_read(app.list.rows[1]), "opening an article marks it read");
}

#[test]
fn b_bookmarks_and_shift_b_shows_only_bookmarks() {
    let mut app = sample_app((120, 40));
    let second = app.list.rows[1];
    press(&mut app, "j b");
    assert!(app.is_bookmarked(second));
    press(&mut app, "B");
    assert_eq!(app.list.filter, Some(ListFilter::Bookmarks));
    assert_eq!(app.list.rows, [second]);
    press(&mut app, "b");
    assert!(app.list.rows.is_empty(), "un-bookmarking in the filtered list drops the row");
    press(&mut app, "B");
    assert_eq!(app.list.rows.len(), 2);
}

fn app_on(store: Store) -> App {
    let mut app = App::new(Keymap::default(), (120, 40)).with_store(store, SAMPLE_KEY.to_string());
    let (items, _) = load_all(&Source::Sample, &LoadOptions::default());
    let files = items.len();
    app.update(Msg::Load(LoadEvent::Batch { items, skips: Vec::new(), files, bytes: 0 }));
    app.update(Msg::LoadDone);
    common::finish(&mut app);
    app
}

#[test]
fn a_restart_reopens_the_last_article_where_it_was_left() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let (store, warnings) = Store::open_at(&path);
    assert!(warnings.is_empty());
    let mut app = app_on(store);
    press(&mut app, "j enter j j j j");
    let (article, top) = (app.reader.article, app.reader.rows[app.reader.scroll].start);
    assert!(top > 0);
    app.store.save().unwrap();

    let (store, _) = Store::open_at(&path);
    let app = app_on(store);
    assert_eq!(app.reader.article, article);
    assert_eq!(app.reader.rows[app.reader.scroll].start, top, "same text at the top");
    assert_eq!(app.focus, Pane::Reader);
    assert!(app.is_read(article.unwrap()));
}

#[test]
fn a_corrupt_state_file_is_moved_aside_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    std::fs::write(&path, b"\0\0\0\0").unwrap();
    let (store, warnings) = Store::open_at(&path);
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("corrupt"), "{warnings:?}");
    let moved: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("state.json.corrupt-"))
        .collect();
    assert_eq!(moved.len(), 1);
    let app = app_on(store);
    assert_eq!(app.reader.article, None, "a fresh state");
}
