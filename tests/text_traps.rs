//! Width and grapheme traps: tabs, CJK, ZWJ emoji, flags, combining marks,
//! zero-width characters, soft hyphens, very long lines. Wrapping never
//! splits a grapheme and never makes a row wider than asked; rendering at
//! any width never panics and never writes past its area.

mod common;
use common::{app_with, buffer_text, corpus_dir, press, render};
use dossier::corpus::{LoadOptions, Source};
use dossier::text::{grapheme_width, wrap};
use dossier::ui::Theme;
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const TRAPS: &[&str] = &[
    "\t",
    "中",
    "文",
    "👩‍👩‍👧",
    "🇺🇦",
    "🇫🇷",
    "e\u{301}",
    "a\u{20dd}",
    "\u{200b}",
    "\u{200d}",
    "\u{ad}",
    "\u{feff}",
    "ß",
    "İ",
    "ǅ",
    "Σ",
    " ",
    "\n",
    "word",
    "x",
    "🏳️‍🌈",
    "ﷺ",
    "ꧠ",
    "\u{fffd}",
    "␛",
    "à",
    "Ω",
];

fn trap_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TRAPS), 0..200).prop_map(|v| v.concat())
}

/// Columns a row takes, counted as the wrap counts them.
fn row_width(row: &str) -> usize {
    row.graphemes(true).fold(0, |col, g| col + grapheme_width(g, col))
}

proptest! {
    #[test]
    fn wrapped_rows_fit_and_end_on_grapheme_boundaries(text in trap_text(), width in 1usize..40) {
        let rows = wrap(&text, width);
        let bounds: std::collections::HashSet<usize> =
            text.grapheme_indices(true).map(|(i, _)| i).chain([text.len()]).collect();
        let mut last_end = 0;
        for r in &rows {
            prop_assert!(r.start >= last_end, "rows in order");
            prop_assert!(bounds.contains(&r.start) && bounds.contains(&r.end), "no grapheme split at {r:?}");
            let row = &text[r.clone()];
            // A single grapheme wider than the row (a wide char at width 1)
            // is the one thing that may overflow: it cannot be split.
            prop_assert!(row_width(row) <= width || row.graphemes(true).count() == 1, "{row:?} wider than {width}");
            prop_assert!(!row.contains('\n'));
            last_end = r.end;
        }
    }
}

#[test]
fn rendering_traps_at_every_width_never_panics_or_overflows() {
    let body: String = TRAPS.iter().cycle().take(400).copied().collect();
    let dir = corpus_dir(&[("traps.txt", format!("Traps\n\n{body}").as_bytes())]);
    let mut app = app_with(&Source::Paths(vec![dir.path().to_path_buf()]), &LoadOptions::default(), (120, 40));
    press(&mut app, "enter");
    for w in 1..=200u16 {
        for h in [1u16, 3, 24] {
            app.update(dossier::app::Msg::Resize(w, h));
            let text = buffer_text(&render(&app, &Theme::colour()));
            for line in text.lines() {
                assert!(line.width() <= w as usize, "{w}x{h}: {line:?}");
            }
        }
    }
}

#[test]
fn an_8_mib_line_wraps_and_renders() {
    let line = "abc def 中文 ".repeat(8 * 1024 * 1024 / 14);
    let dir = corpus_dir(&[("long.txt", line.as_bytes())]);
    let mut app = app_with(&Source::Paths(vec![dir.path().to_path_buf()]), &LoadOptions::default(), (80, 24));
    press(&mut app, "enter");
    assert!(app.reader.rows.len() > 50_000);
    press(&mut app, "G");
    let text = buffer_text(&render(&app, &Theme::colour()));
    assert!(text.contains("abc def"), "the end of the line shows");
}
