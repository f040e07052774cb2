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

/// Whether `s` has nothing to replace. This runs over every byte of the
/// corpus, so it works on bytes: ASCII controls in wide chunks the compiler
/// vectorises, and the few multi-byte characters that matter, which all
/// start with 0xC2 (C1 controls), 0xD8 (U+061C) or 0xE2 (bidi marks, line
/// and paragraph separators), found with memchr.
fn is_clean(s: &str) -> bool {
    let bytes = s.as_bytes();
    for chunk in bytes.chunks(64) {
        let mut bad = false;
        for &b in chunk {
            bad |= (b < 0x20 && b != b'\n' && b != b'\t') | (b == 0x7f);
        }
        if bad {
            return false;
        }
    }
    memchr::memchr3_iter(0xC2, 0xD8, 0xE2, bytes).all(|i| {
        // A lead byte in valid UTF-8 always starts a character.
        let c = s[i..].chars().next().unwrap_or(' ');
        !(c == '\u{2028}' || c == '\u{2029}' || is_unsafe(c))
    })
}

/// Bytes to text: valid UTF-8 is taken over as it is (no copy); anything
/// else is decoded lossily, invalid sequences becoming U+FFFD.
pub fn decode(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// [`body`] for an owned string: returned as it is when clean, so the
/// common case costs one scan and no copy.
pub fn body_owned(s: String) -> String {
    if is_clean(&s) { s } else { body(&s).into_owned() }
}

/// Sanitises a body: newlines normalised, tabs kept, controls replaced.
/// Borrows when there is nothing to change, which is the common case.
pub fn body(s: &str) -> Cow<'_, str> {
    if is_clean(s) {
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
        assert_eq!(body_owned(decode(b"ok \xff\xfe end".to_vec())), "ok \u{FFFD}\u{FFFD} end");
    }

    #[test]
    fn line_fields_stay_on_one_row() {
        assert_eq!(line("a\nb\tc\r\nd\x1b]0;x\x07"), "a b c d␛]0;x\u{FFFD}");
    }

    #[test]
    fn the_fast_check_agrees_with_the_character_rules() {
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            let s = format!("ab{c}cd");
            let slow = !s.chars().any(|c| c == '\r' || c == '\u{2028}' || c == '\u{2029}' || is_unsafe(c));
            assert_eq!(is_clean(&s), slow, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn sanitising_twice_changes_nothing() {
        let once = body("\x1b[2J\r\n\u{85}\u{2028}x");
        assert_eq!(body(&once), once);
    }
}
