//! Entities in the reader: colours by kind (and modifiers under NO_COLOR),
//! `]`/`[` between them, `Enter` to filter the list, `Esc` to clear.

mod common;
use common::{press, render, sample_app, screen};
use dossier::analysis::Kind;
use dossier::app::{App, ListFilter, Pane};
use dossier::ui::Theme;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Style};

/// The style of the first cell showing `text` on screen.
fn style_of(buf: &Buffer, text: &str) -> Style {
    for y in 0..buf.area.height {
        let row: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        let line: String = row.concat();
        if let Some(byte) = line.find(text) {
            let col = line[..byte].chars().count() as u16;
            return buf[(col, y)].style();
        }
    }
    panic!("{text:?} not on screen");
}

fn reading_first_article() -> App {
    let mut app = sample_app((120, 40));
    press(&mut app, "enter");
    app
}

#[test]
fn each_kind_has_its_colour_and_the_legend_shows_them() {
    let app = reading_first_article();
    let theme = Theme::colour();
    let buf = render(&app, &theme);
    assert_eq!(style_of(&buf, "Putin extended").fg, theme.person.fg);
    assert_eq!(style_of(&buf, "Kim Jong Un").fg, theme.person.fg);
    assert_eq!(style_of(&buf, "Moscow").fg, theme.place.fg);
    assert_eq!(style_of(&buf, "Central News Agency").fg, theme.org.fg);
    assert_eq!(style_of(&buf, "December 4").fg, theme.date.fg);
    assert!(matches!(style_of(&buf, "extended his").fg, None | Some(Color::Reset)), "plain words are plain");
    // The legend in the pane's border, each word in its kind's style.
    assert_eq!(style_of(&buf, "PERSON PLACE").fg, theme.person.fg);
    assert_eq!(style_of(&buf, "ORG DATE").fg, theme.org.fg);
}

#[test]
fn no_color_tells_kinds_apart_by_modifiers() {
    let app = reading_first_article();
    let theme = Theme::monochrome();
    let buf = render(&app, &theme);
    let person = style_of(&buf, "Kim Jong Un");
    let place = style_of(&buf, "Moscow");
    let org = style_of(&buf, "Central News Agency");
    for s in [person, place, org] {
        assert!(matches!(s.fg, None | Some(Color::Reset)), "no colour at all: {s:?}");
    }
    assert_eq!(person.add_modifier, theme.person.add_modifier);
    assert_eq!(place.add_modifier, theme.place.add_modifier);
    assert_eq!(org.add_modifier, theme.org.add_modifier);
    assert!(person.add_modifier != place.add_modifier && place.add_modifier != org.add_modifier);
}

#[test]
fn brackets_move_between_entities_and_enter_filters_the_list() {
    let mut app = reading_first_article();
    press(&mut app, "]");
    let a = app.reader.article.unwrap();
    let first = app.reader.entity.expect("an entity in focus");
    assert_eq!(first, 0, "starts at the first entity on screen");
    press(&mut app, "] ]");
    assert_eq!(app.reader.entity, Some(2));
    press(&mut app, "[");
    assert_eq!(app.reader.entity, Some(1));
    // Walk to Putin and filter by him.
    let analysis = app.library.analysis(a);
    let putin = analysis.mentions.iter().position(|m| analysis.name(m) == "Vladimir Putin").unwrap();
    while app.reader.entity != Some(putin) {
        press(&mut app, "]");
    }
    press(&mut app, "enter");
    assert_eq!(app.focus, Pane::List);
    assert_eq!(app.list.filter, Some(ListFilter::Entity((Kind::Person, "Vladimir Putin".into()))));
    assert_eq!(app.list.rows, [a], "only the first article mentions Putin");
    assert!(screen(&app).contains("1 article mentions PERSON Vladimir Putin (Esc clears)"), "{}", screen(&app));
    press(&mut app, "esc");
    assert_eq!(app.list.filter, None);
    assert_eq!(app.list.rows.len(), 2);
}

#[test]
fn an_entity_in_both_articles_lists_both() {
    let mut app = reading_first_article();
    let a = app.reader.article.unwrap();
    let analysis = app.library.analysis(a);
    let kursk = analysis.mentions.iter().position(|m| analysis.name(m) == "Kursk").expect("Kursk found");
    while app.reader.entity != Some(kursk) {
        press(&mut app, "]");
    }
    press(&mut app, "enter");
    assert_eq!(app.list.rows.len(), 2, "aliases link across the corpus: both articles mention Kursk");
}

#[test]
fn the_reading_pane_with_colours_snapshot() {
    let mut app = reading_first_article();
    let a = app.reader.article.unwrap();
    let analysis = app.library.analysis(a);
    let putin = analysis.mentions.iter().position(|m| analysis.name(m) == "Vladimir Putin").unwrap();
    while app.reader.entity != Some(putin) {
        press(&mut app, "]");
    }
    let theme = Theme::colour();
    let buf = render(&app, &theme);
    // The snapshot pins text; the assertions above pin the styles. The
    // focused entity is reversed.
    let focused = style_of(&buf, "Putin extended");
    assert!(focused.add_modifier.contains(ratatui::style::Modifier::REVERSED));
    insta::assert_snapshot!(common::buffer_text(&buf));
}
