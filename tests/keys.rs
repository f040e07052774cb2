//! Key sequences through the real `App::update`: focus, moving, opening,
//! scrolling, paging, help, quitting.

mod common;
use common::{key, press, release, sample_app};
use dossier::app::{Msg, Pane};

#[test]
fn list_moves_with_vim_keys_and_arrows() {
    let mut app = sample_app((120, 40));
    assert_eq!(app.list.selected, 0);
    press(&mut app, "j");
    assert_eq!(app.list.selected, 1);
    press(&mut app, "j down");
    assert_eq!(app.list.selected, 1, "stops at the last article");
    press(&mut app, "up");
    assert_eq!(app.list.selected, 0);
    press(&mut app, "G");
    assert_eq!(app.list.selected, 1);
    press(&mut app, "g");
    assert_eq!(app.list.selected, 0);
    press(&mut app, "end home");
    assert_eq!(app.list.selected, 0);
}

#[test]
fn only_presses_count() {
    let mut app = sample_app((120, 40));
    app.update(Msg::Key(key("j")));
    app.update(Msg::Key(release(key("j"))));
    assert_eq!(app.list.selected, 1, "the release did not move again");
    assert!(!app.update(Msg::Key(release(key("k")))), "a release asks for no redraw");
}

#[test]
fn enter_opens_the_article_in_the_reader_and_focuses_it() {
    let mut app = sample_app((120, 40));
    press(&mut app, "j enter");
    let second = app.list.rows[1];
    assert_eq!(app.reader.article, Some(second));
    assert_eq!(app.focus, Pane::Reader);
    assert_eq!(app.reader.scroll, 0);
}

#[test]
fn reader_scrolls_and_pages() {
    let mut app = sample_app((80, 24));
    press(&mut app, "enter");
    let height = app.reader.height;
    assert!(app.reader.rows.len() > height, "the sample article is longer than a screen at 80x24");
    press(&mut app, "j j");
    assert_eq!(app.reader.scroll, 2);
    press(&mut app, "k");
    assert_eq!(app.reader.scroll, 1);
    press(&mut app, "space");
    assert_eq!(app.reader.scroll, 1 + height - 1, "a page keeps one row of context");
    press(&mut app, "b");
    assert_eq!(app.reader.scroll, 1);
    press(&mut app, "ctrl-d");
    assert_eq!(app.reader.scroll, height);
    press(&mut app, "G");
    assert_eq!(app.reader.scroll, app.reader.rows.len() - height);
    press(&mut app, "j j j");
    assert_eq!(app.reader.scroll, app.reader.rows.len() - height, "never past the end");
    press(&mut app, "g");
    assert_eq!(app.reader.scroll, 0);
}

#[test]
fn focus_moves_with_tab_backtab_and_numbers() {
    let mut app = sample_app((120, 40));
    assert_eq!(app.focus, Pane::List);
    press(&mut app, "tab");
    assert_eq!(app.focus, Pane::Reader);
    press(&mut app, "tab");
    assert_eq!(app.focus, Pane::Timeline);
    press(&mut app, "tab");
    assert_eq!(app.focus, Pane::List);
    press(&mut app, "backtab");
    assert_eq!(app.focus, Pane::Timeline);
    press(&mut app, "2");
    assert_eq!(app.focus, Pane::Reader);
    press(&mut app, "1");
    assert_eq!(app.focus, Pane::List);
    press(&mut app, "3");
    assert_eq!(app.focus, Pane::Timeline);
}

#[test]
fn esc_in_the_reader_goes_back_to_the_list() {
    let mut app = sample_app((120, 40));
    press(&mut app, "enter esc");
    assert_eq!(app.focus, Pane::List);
}

#[test]
fn help_opens_and_any_key_closes_it() {
    let mut app = sample_app((120, 40));
    press(&mut app, "?");
    assert!(app.help.is_some());
    press(&mut app, "j");
    assert_eq!(app.help, Some(1), "j scrolls the help");
    assert_eq!(app.list.selected, 0, "keys go to the overlay, not the list");
    press(&mut app, "esc");
    assert!(app.help.is_none());
    assert!(!app.should_quit);
}

#[test]
fn q_and_ctrl_c_quit() {
    let mut app = sample_app((120, 40));
    press(&mut app, "q");
    assert!(app.should_quit);
    let mut app = sample_app((120, 40));
    press(&mut app, "ctrl-c");
    assert!(app.should_quit);
}

#[test]
fn resize_rewraps_and_keeps_the_place() {
    let mut app = sample_app((120, 40));
    press(&mut app, "enter j j j j j");
    let top = app.reader.rows[app.reader.scroll].start;
    app.update(Msg::Resize(80, 24));
    let row = &app.reader.rows[app.reader.scroll];
    assert!(row.start <= top && top <= row.end, "the same text stays at the top");
    app.update(Msg::Resize(1, 1));
    app.update(Msg::Resize(200, 60));
    assert!(app.reader.scroll <= app.reader.max_scroll());
}
