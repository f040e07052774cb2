//! Escape injection (less CVE-2022-46663, git CVE-2024-52005, gurk-rs
//! GHSA-89xp-c3mq-qj84): hostile article text and file names rendered
//! through a real `CrosstermBackend` into bytes. The only escape sequences
//! in the output may be the CSI sequences ratatui itself emits.

mod common;
use common::{app_with, corpus_dir, press, type_text};
use dossier::app::App;
use dossier::corpus::{LoadOptions, Source};
use dossier::ui::{self, Theme};
use ratatui::layout::Rect;
use ratatui::prelude::CrosstermBackend;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::RefCell;
use std::rc::Rc;

const HOSTILE: &str = concat!(
    "Evil \x1b[2J\x1b[31mred\x1b[0m headline\n\n",
    "On 4 December 2025, President Alice Smith met Bob Jones in Paris. \x1b]0;pwned title\x07 done.\n",
    "Clipboard \x1b]52;c;ZWNobyBwd25lZA==\x07 and link \x1b]8;;http://evil/\x1b\\click\x1b]8;;\x1b\\ here.\n",
    "DCS \x1bP+q544e\x1b\\ and C1 \u{9b}31m and \u{9d}0;t\u{9c} and bell \x07.\n",
    "Trojan \u{202e}source\u{202c} \u{2066}isolate\u{2069} line\u{2028}separator, on 5 December 2025.\n",
);

/// Every escape sequence in `bytes` is a CSI of the kind ratatui writes
/// (cursor moves, colours, clears, cursor show/hide); nothing else: no
/// OSC, DCS, lone ESC, BEL, C1 control, bidi override or line separator.
fn assert_only_ratatui_escapes(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    for c in text.chars() {
        let bad = matches!(c, '\u{7}' | '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}');
        assert!(!bad, "{what}: control character U+{:04X} reached the terminal", c as u32);
    }
    let mut i = 0;
    while let Some(p) = bytes[i..].iter().position(|&b| b == 0x1b) {
        let at = i + p;
        assert_eq!(
            bytes.get(at + 1),
            Some(&b'['),
            "{what}: non-CSI escape at byte {at}: {:?}",
            &text[at.min(text.len())..]
        );
        // Parameters, then one final byte.
        let mut j = at + 2;
        while bytes.get(j).is_some_and(|b| b.is_ascii_digit() || matches!(b, b';' | b'?' | b':')) {
            j += 1;
        }
        let fin = bytes.get(j).copied().unwrap_or(0);
        assert!(b"mHJKhlABCDGd".contains(&fin), "{what}: unexpected CSI final {:?} at byte {at}", fin as char);
        i = j + 1;
    }
}

/// A writer the test can read back after the backend wrote to it.
#[derive(Clone, Default)]
struct Captured(Rc<RefCell<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn render_bytes(app: &App) -> Vec<u8> {
    let (w, h) = app.size;
    let out = Captured::default();
    let backend = CrosstermBackend::new(out.clone());
    let viewport = Viewport::Fixed(Rect::new(0, 0, w, h));
    let mut terminal = Terminal::with_options(backend, TerminalOptions { viewport }).unwrap();
    terminal.draw(|f| ui::draw(app, &Theme::colour(), f)).unwrap();
    out.0.take()
}

#[test]
fn hostile_text_never_reaches_the_terminal_as_a_sequence() {
    let dir = corpus_dir(&[
        ("evil.txt", HOSTILE.as_bytes()),
        ("\x1b]0;evil-name\x07.txt", b"A file whose name is an escape. On 6 December 2025 it loaded."),
        ("\x1b[31mbinary.txt", b"\0\0binary"),
        ("lines.jsonl", "{\"title\": \"JSON \\u001b[5mblink\\u0007\", \"body\": \"Body \\u009b6n and \\u001b]52;c;eA==\\u0007.\"}\n".as_bytes()),
    ]);
    let source = Source::Paths(vec![dir.path().to_path_buf()]);
    for size in [(120u16, 40u16), (80, 24), (200, 60)] {
        let mut app = app_with(&source, &LoadOptions::default(), size);
        assert!(!app.library.skips.is_empty(), "the binary file with a hostile name is reported");
        assert_only_ratatui_escapes(&render_bytes(&app), "list and status bar");
        for row in 0..app.list.rows.len() {
            press(&mut app, "1 g");
            for _ in 0..row {
                press(&mut app, "j");
            }
            press(&mut app, "enter ] ] ]");
            assert_only_ratatui_escapes(&render_bytes(&app), "reader");
            press(&mut app, "G");
            assert_only_ratatui_escapes(&render_bytes(&app), "reader, end");
        }
        press(&mut app, "3");
        assert_only_ratatui_escapes(&render_bytes(&app), "timeline");
        press(&mut app, "enter");
        assert_only_ratatui_escapes(&render_bytes(&app), "timeline jump");
        press(&mut app, "?");
        assert_only_ratatui_escapes(&render_bytes(&app), "help with skipped inputs");
        press(&mut app, "esc /");
        type_text(&mut app, "evil \x1b]0;x\x07 \u{9b}2J");
        assert_only_ratatui_escapes(&render_bytes(&app), "search line");
    }
}
