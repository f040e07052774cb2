//! Titles and dates derived from the text and the file name when the input
//! does not give them.

use crate::analysis::sentences;
use chrono::NaiveDate;
use unicode_width::UnicodeWidthChar;

/// How wide a derived title may be, in terminal columns.
const TITLE_COLUMNS: usize = 80;
/// A first line longer than this is prose, not a headline.
const HEADLINE_MAX_CHARS: usize = 150;

/// The first line of `body` when it reads as a headline: short, followed by
/// a blank line, not ending in a full stop.
pub fn headline(body: &str) -> Option<&str> {
    let mut lines = body.lines().skip_while(|l| l.trim().is_empty());
    let first = lines.next()?.trim();
    let next_blank = lines.next().is_some_and(|l| l.trim().is_empty());
    let short = first.chars().count() <= HEADLINE_MAX_CHARS;
    (next_blank && short && !first.ends_with('.')).then_some(first)
}

/// A title for a body without one: its headline, else its first sentence
/// cut at a word boundary to about 80 columns with `…`.
pub fn derive(body: &str) -> String {
    if let Some(h) = headline(body) {
        return super::sanitize::line(h);
    }
    let first = sentences::split(body).first().map(|r| &body[r.clone()]).unwrap_or("");
    shorten(&super::sanitize::line(first.trim()), TITLE_COLUMNS)
}

/// Cuts `s` to at most `columns` terminal columns, at a word boundary when
/// there is one in the last third, marking the cut with `…`.
pub fn shorten(s: &str, columns: usize) -> String {
    let mut width = 0;
    let mut cut = None;
    for (i, c) in s.char_indices() {
        width += c.width().unwrap_or(0);
        if width > columns.saturating_sub(1) {
            cut = Some(i);
            break;
        }
    }
    let Some(cut) = cut else { return s.to_string() };
    let head = &s[..cut];
    let at_word = head.rfind(char::is_whitespace).filter(|&i| i >= cut * 2 / 3).map_or(head, |i| &head[..i]);
    format!("{}…", at_word.trim_end_matches(|c: char| c.is_whitespace() || c == ','))
}

/// A date written in a file name: `YYYY-MM-DD` or `YYYYMMDD`, not part of a
/// longer run of digits.
pub fn date_in_file_name(name: &str) -> Option<NaiveDate> {
    let b = name.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    for start in 0..b.len() {
        if !digit(start) || (start > 0 && digit(start - 1)) {
            continue;
        }
        let dashed = (0..10).all(|k| if k == 4 || k == 7 { b.get(start + k) == Some(&b'-') } else { digit(start + k) });
        let len = if dashed {
            10
        } else if (0..8).all(|k| digit(start + k)) {
            8
        } else {
            continue;
        };
        if digit(start + len) {
            continue;
        }
        let fmt = if dashed { "%Y-%m-%d" } else { "%Y%m%d" };
        if let Ok(d) = NaiveDate::parse_from_str(&name[start..start + len], fmt) {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_needs_a_blank_line_and_no_full_stop() {
        assert_eq!(headline("Kursk monument planned\n\nThe governor said."), Some("Kursk monument planned"));
        assert_eq!(headline("\n\nKursk monument planned\n\nBody."), Some("Kursk monument planned"));
        assert_eq!(headline("A sentence.\n\nBody."), None);
        assert_eq!(headline("No blank line\nBody."), None);
    }

    #[test]
    fn long_first_sentence_is_cut_at_a_word_with_ellipsis() {
        let body = "In a rare and publicly shared New Year’s message, Russian President Vladimir Putin extended his congratulations to Kim.\nMore.";
        let t = derive(body);
        assert!(t.ends_with('…'), "{t}");
        assert!(t.chars().count() <= 80, "{t}");
        assert!(t.starts_with("In a rare and publicly shared New Year’s message, Russian President"), "{t}");
        assert!(!t.contains("Presid…"), "cut at a word boundary: {t}");
    }

    #[test]
    fn short_text_is_kept_whole() {
        assert_eq!(shorten("Short title", 80), "Short title");
        assert_eq!(derive("One line."), "One line.");
    }

    #[test]
    fn wide_characters_count_as_two_columns() {
        let t = shorten(&"中".repeat(60), 80);
        assert!(unicode_width::UnicodeWidthStr::width(t.as_str()) <= 80);
    }

    #[test]
    fn file_name_dates() {
        let d = NaiveDate::from_ymd_opt(2025, 12, 4);
        assert_eq!(date_in_file_name("2025-12-04-kursk.txt"), d);
        assert_eq!(date_in_file_name("kursk_20251204.md"), d);
        assert_eq!(date_in_file_name("000_033ed65498691356.txt"), None);
        assert_eq!(date_in_file_name("id123456789.txt"), None, "part of a longer number");
        assert_eq!(date_in_file_name("2025-13-45.txt"), None);
    }
}
