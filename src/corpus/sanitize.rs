//! Making untrusted text safe to show: nothing from an article may reach the
//! terminal as a control sequence.
//!
//! The rules (DESIGN.md section 1): CRLF and lone CR become LF, U+2028/2029
//! become LF, and every other control character (C0 but `\n`/`\t`, DEL, C1,
//! bidi overrides and isolates) is replaced one-for-one by a visible stand-in:
//! `␛` for ESC, U+FFFD otherwise. Sanitising twice changes nothing.

use std::borrow::Cow;

/// The stand-in shown for ESC, so an injected escape sequence reads as text.
pub const ESC_STANDIN: char = '␛';
pub const STANDIN: char = '\u{FFFD}';

/// Characters that change how a terminal or a bidi renderer treats what
/// follows. Kept as a set of ranges so the check is a few comparisons.
fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn standin(c: char) -> char {
    if c == '\u{1b}' { ESC_STANDIN } else { STANDIN }
}

/// Decodes bytes lossily and sanitises the result as an article body.
pub fn body_from_bytes(bytes: &[u8]) -> String {
    body(&String::from_utf8_lossy(bytes)).into_owned()
}

/// Sanitises a body: newlines normalised, tabs kept, controls replaced.
/// Borrows when there is nothing to change, which is the common case.
pub fn body(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c == '\r' || c == '\u{2028}' || c == '\u{2029}' || is_unsafe(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            c if is_unsafe(c) => out.push(standin(c)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Sanitises a one-line field (title, id, author, file name): like [`body`],
/// and line breaks and tabs become spaces so the field stays on its row.
pub fn line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' | '\t' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if is_unsafe(c) => out.push(standin(c)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newlines_are_normalised() {
        assert_eq!(body("a\r\nb\rc\u{2028}d\u{2029}e"), "a\nb\nc\nd\ne");
    }

    #[test]
    fn escapes_become_visible_standins() {
        assert_eq!(body("x\x1b[31mred\x07"), "x␛[31mred\u{FFFD}");
        assert_eq!(body("\u{9b}31m"), "\u{FFFD}31m", "8-bit CSI in its UTF-8 form");
        assert_eq!(body("a\u{202e}b\u{2066}c"), "a\u{FFFD}b\u{FFFD}c", "bidi overrides");
        assert_eq!(body("tab\there\nok"), "tab\there\nok");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(body("plain text ‘curly’"), Cow::Borrowed(_)));
    }

    #[test]
    fn lossy_decoding_of_invalid_utf8() {
        assert_eq!(body_from_bytes(b"ok \xff\xfe end"), "ok \u{FFFD}\u{FFFD} end");
    }

    #[test]
    fn line_fields_stay_on_one_row() {
        assert_eq!(line("a\nb\tc\r\nd\x1b]0;x\x07"), "a b c d␛]0;x\u{FFFD}");
    }

    #[test]
    fn sanitising_twice_changes_nothing() {
        let once = body("\x1b[2J\r\n\u{85}\u{2028}x");
        assert_eq!(body(&once), once);
    }
}
