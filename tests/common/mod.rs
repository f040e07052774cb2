//! Shared test support: build the real app on a corpus, feed it keys
//! through the real `update`, and render it on a `TestBackend`.
#![allow(dead_code)]

pub mod tmux;

use dossier::app::keymap::Keymap;
use dossier::app::{App, Effect, Msg, finalize};
use dossier::corpus::{self, LoadEvent, LoadOptions, Source};
use dossier::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The app with `source` loaded through the real loader and `update`.
pub fn app_with(source: &Source, opts: &LoadOptions, size: (u16, u16)) -> App {
    let mut app = App::new(Keymap::default(), size);
    let (items, skips) = corpus::load_all(source, opts);
    app.update(Msg::Load(LoadEvent::Discovered { files: items.len(), skips }));
    let bytes = items.iter().map(|l| l.article.body.len() as u64).sum();
    let files = items.len();
    app.update(Msg::Load(LoadEvent::Batch { items, skips: Vec::new(), files, bytes }));
    app.update(Msg::LoadDone);
    finish(&mut app);
    app
}

/// Does, synchronously, the work the event loop hands to threads: the
/// after-load work and searches. Call after anything that may ask for it.
pub fn finish(app: &mut App) {
    while !app.effects.is_empty() {
        for effect in std::mem::take(&mut app.effects) {
            match effect {
                Effect::Finalize(snapshot) => {
                    app.update(Msg::Finalized(finalize::run(&snapshot)));
                }
                Effect::Search { generation, query } => {
                    let index = app.search.index.clone().expect("searches wait for the index");
                    let hits = index.search(&dossier::search::Query::parse(&query), None);
                    app.update(Msg::SearchResults { generation, hits });
                }
                Effect::StartSearch(_) | Effect::Suspend => {}
            }
        }
    }
}

pub fn sample_app(size: (u16, u16)) -> App {
    app_with(&Source::Sample, &LoadOptions::default(), size)
}

/// A key as written in a script: `j`, `G`, `enter`, `ctrl-d`, `esc`...
pub fn key(spec: &str) -> KeyEvent {
    let (mods, name) = match spec.strip_prefix("ctrl-") {
        Some(rest) => (KeyModifiers::CONTROL, rest),
        None => (KeyModifiers::NONE, spec),
    };
    let code = match name {
        "enter" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "space" => KeyCode::Char(' '),
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgup" => KeyCode::PageUp,
        "pgdn" => KeyCode::PageDown,
        "backspace" => KeyCode::Backspace,
        c if c.chars().count() == 1 => KeyCode::Char(c.chars().next().unwrap()),
        other => panic!("unknown key {other}"),
    };
    let mods =
        if matches!(code, KeyCode::Char(c) if c.is_ascii_uppercase()) { mods | KeyModifiers::SHIFT } else { mods };
    KeyEvent::new(code, mods)
}

/// Presses each space-separated key of `script`.
pub fn press(app: &mut App, script: &str) {
    for k in script.split_whitespace() {
        app.update(Msg::Key(key(k)));
        finish(app);
    }
}

/// Types text into the search line (one key per character).
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
        finish(app);
    }
}

pub fn release(k: KeyEvent) -> KeyEvent {
    KeyEvent { kind: KeyEventKind::Release, ..k }
}

pub fn render(app: &App, theme: &Theme) -> Buffer {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(app, theme, f)).unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as text, one line per row, trailing spaces trimmed.
pub fn screen(app: &App) -> String {
    buffer_text(&render(app, &Theme::colour()))
}

pub fn buffer_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut x = 0;
        while x < buf.area.width {
            let symbol = buf[(x, y)].symbol();
            line.push_str(symbol);
            // A wide character covers the cells after it.
            x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A folder of article files for a test, removed when dropped.
pub fn corpus_dir(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, data) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, data).unwrap();
    }
    dir
}
