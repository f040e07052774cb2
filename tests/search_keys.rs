//! Search as you type through the real `update`: `/` filters and ranks the
//! list on every key, `Enter` keeps, `Esc` clears, `n`/`N` move between the
//! matches in the reader; matched characters are highlighted.

mod common;
use common::{press, render, sample_app, screen, type_text};
use dossier::app::{ListFilter, Pane};
use dossier::ui::Theme;

#[test]
fn typing_filters_the_list_with_a_count() {
    let mut app = sample_app((120, 40));
    press(&mut app, "/");
    assert!(app.search.active);
    type_text(&mut app, "lavrof");
    assert_eq!(app.list.filter, Some(ListFilter::Search));
    let second = app.library.ordered[1];
    assert_eq!(app.list.rows, [second], "a typo still finds Lavrov's article");
    assert!(screen(&app).contains("/lavrof█  1 of 2"), "{}", screen(&app));
    press(&mut app, "backspace backspace backspace backspace backspace backspace");
    assert_eq!(app.list.filter, None, "an empty query shows everything");
    assert_eq!(app.list.rows.len(), 2);
}

#[test]
fn enter_keeps_the_filter_and_esc_clears_it() {
    let mut app = sample_app((120, 40));
    press(&mut app, "/");
    type_text(&mut app, "khinstn monumnt");
    press(&mut app, "enter");
    assert!(!app.search.active);
    let first = app.library.ordered[0];
    assert_eq!(app.list.rows.first(), Some(&first), "abbreviations find the Khinstin article first");
    // Keys go to the list again, the filter stays.
    press(&mut app, "j");
    assert_eq!(app.list.filter, Some(ListFilter::Search));
    press(&mut app, "esc");
    assert_eq!(app.list.filter, None);
    assert!(app.search.query.is_empty());
    press(&mut app, "/");
    type_text(&mut app, "kursk");
    press(&mut app, "esc");
    assert_eq!(app.list.filter, None, "Esc in the search line clears it too");
}

#[test]
fn n_and_shift_n_move_between_matches_in_the_reader() {
    let mut app = sample_app((80, 24));
    press(&mut app, "/");
    type_text(&mut app, "monument");
    press(&mut app, "enter enter");
    assert_eq!(app.focus, Pane::Reader);
    let matches = app.reader.matches.clone();
    assert!(matches.len() >= 3, "{matches:?}");
    let body = &app.library.article(app.reader.article.unwrap()).body;
    assert!(matches.iter().all(|m| body[m.clone()].to_lowercase().starts_with("monument")));
    press(&mut app, "n");
    assert_eq!(app.reader.current_match, Some(0));
    press(&mut app, "n n");
    assert_eq!(app.reader.current_match, Some(2));
    let row = dossier::text::row_of(&app.reader.rows, matches[2].start);
    assert!(app.reader.scroll <= row && row < app.reader.scroll + app.reader.height, "scrolled to the match");
    press(&mut app, "N");
    assert_eq!(app.reader.current_match, Some(1));
    press(&mut app, "g N");
    assert_eq!(app.reader.current_match, Some(0), "N wraps around");
}

#[test]
fn matched_title_characters_are_highlighted_in_the_list() {
    let mut app = sample_app((120, 40));
    press(&mut app, "/");
    type_text(&mut app, "monumental");
    let theme = Theme::colour();
    let buf = render(&app, &theme);
    // Row 1 of the list: "  A monumental project…"; the word is marked.
    let row: Vec<_> = (1..30).map(|x| &buf[(x, 1)]).collect();
    let text: String = row.iter().map(|c| c.symbol()).collect();
    let at = text.find("monumental").expect("title shown") as u16 + 1;
    for x in at..at + 10 {
        assert_eq!(buf[(x, 1)].bg, theme.matched.bg.unwrap(), "column {x} highlighted");
    }
    assert_ne!(buf[(at - 2, 1)].bg, theme.matched.bg.unwrap(), "the article before it is not");
}

#[test]
fn hostile_queries_do_not_panic() {
    let mut app = sample_app((120, 40));
    press(&mut app, "/");
    for q in [".*[(", "\"unbalanced", "person:", "date:", "date:2025-13", "İstanbul Zürich 中文", "ß", "\"\""] {
        type_text(&mut app, q);
        press(&mut app, "ctrl-u");
    }
    type_text(&mut app, &"abc ".repeat(2500));
    assert!(app.search.query.len() >= 10_000);
    let _ = screen(&app);
}
