//! Whole-screen snapshots from a `TestBackend`, and the layout holding at
//! every size.

mod common;
use common::{buffer_text, press, render, sample_app, screen};
use dossier::app::Msg;
use dossier::ui::Theme;
use unicode_width::UnicodeWidthStr;

#[test]
fn screen_120x40_list() {
    let app = sample_app((120, 40));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn screen_120x40_reading() {
    let mut app = sample_app((120, 40));
    press(&mut app, "j enter");
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn screen_80x24_tabs() {
    let mut app = sample_app((80, 24));
    insta::assert_snapshot!("80x24_list", screen(&app));
    press(&mut app, "enter");
    insta::assert_snapshot!("80x24_reader", screen(&app));
    press(&mut app, "3");
    insta::assert_snapshot!("80x24_timeline", screen(&app));
}

#[test]
fn screen_200x60_with_entity_list() {
    let mut app = sample_app((200, 60));
    press(&mut app, "enter");
    let s = screen(&app);
    assert!(s.contains("Entities"), "the entity side list shows where there is room");
    insta::assert_snapshot!(s);
}

#[test]
fn help_overlay_lists_the_keymap() {
    let mut app = sample_app((120, 60));
    press(&mut app, "?");
    let s = screen(&app);
    // Every binding in force appears, so the overlay cannot disagree with the keys.
    for row in &app.keymap.rows {
        assert!(s.contains(row.name), "help shows {}", row.name);
    }
    insta::assert_snapshot!(s);
}

/// Rendering at any size never panics and never writes outside the screen.
#[test]
fn every_size_from_1x1_to_200x60_renders() {
    let mut app = sample_app((120, 40));
    press(&mut app, "enter ] ]");
    for (w, h) in (1..=200).step_by(7).flat_map(|w| (1..=60).step_by(5).map(move |h| (w, h))).chain([(1, 1), (200, 60)])
    {
        app.update(Msg::Resize(w, h));
        for overlay in [false, true] {
            app.help = overlay.then_some(0);
            let buf = render(&app, &Theme::colour());
            for line in buffer_text(&buf).lines() {
                assert!(line.width() <= w as usize, "{w}x{h}: row wider than the screen");
            }
        }
    }
}
