//! Terminal text geometry shared by the state (scrolling, paging) and the
//! drawing: display widths, tab stops, and wrapping a body into rows.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

pub const TAB_STOP: usize = 4;

/// The width of a grapheme on screen at column `col` (tabs run to the next
/// stop; control stand-ins and zero-width marks as the terminal shows them).
pub fn grapheme_width(g: &str, col: usize) -> usize {
    if g == "\t" { TAB_STOP - col % TAB_STOP } else { g.width() }
}

/// Wraps `body` into rows at most `width` columns wide, as byte ranges
/// (without the newline). Breaks after whitespace when it can, inside a
/// word only when the word is wider than the row, and never inside a
/// grapheme. An empty line is an empty row.
pub fn wrap(body: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut line_start = 0;
    for line in body.split('\n') {
        wrap_line(line, line_start, width, &mut rows);
        line_start += line.len() + 1;
    }
    // Trailing blank lines are not worth scrolling to.
    while rows.len() > 1 && rows.last().is_some_and(|r| body[r.clone()].trim().is_empty()) {
        rows.pop();
    }
    rows
}

fn wrap_line(line: &str, base: usize, width: usize, rows: &mut Vec<Range<usize>>) {
    if line.is_empty() {
        rows.push(base..base);
        return;
    }
    let mut row_start = 0;
    let mut col = 0;
    // The end of the last whitespace run in this row: where to break.
    let mut last_break: Option<usize> = None;
    for (i, g) in line.grapheme_indices(true) {
        // Break before `g` while it does not fit: first after the last
        // whitespace, then (if it still does not fit) right before it.
        while col + grapheme_width(g, col) > width && i > row_start {
            let cut = last_break.filter(|&b| b > row_start).unwrap_or(i);
            rows.push(base + row_start..base + cut);
            row_start = cut;
            col = line[row_start..i].graphemes(true).fold(0, |c, g| c + grapheme_width(g, c));
            last_break = None;
        }
        col += grapheme_width(g, col);
        if g.chars().all(char::is_whitespace) {
            last_break = Some(i + g.len());
        }
    }
    rows.push(base + row_start..base + line.len());
}

/// The row that holds byte `offset`: the last row starting at or before it
/// (where one row ends, the next begins).
pub fn row_of(rows: &[Range<usize>], offset: usize) -> usize {
    rows.partition_point(|r| r.start <= offset).saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(body: &'a str, rows: &[Range<usize>]) -> Vec<&'a str> {
        rows.iter().map(|r| &body[r.clone()]).collect()
    }

    #[test]
    fn wraps_at_spaces() {
        let b = "the quick brown fox jumps";
        assert_eq!(texts(b, &wrap(b, 10)), ["the quick ", "brown fox ", "jumps"]);
    }

    #[test]
    fn long_words_break_hard() {
        let b = "abcdefghij";
        assert_eq!(texts(b, &wrap(b, 4)), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn lines_and_blank_lines_are_rows() {
        let b = "a\n\nb\n";
        assert_eq!(texts(b, &wrap(b, 10)), ["a", "", "b"]);
    }

    #[test]
    fn wide_and_combined_characters_stay_whole() {
        let b = "中文中文中"; // 10 columns
        assert_eq!(texts(b, &wrap(b, 3)), ["中", "文", "中", "文", "中"]);
        let b = "e\u{301}e\u{301}e\u{301}"; // three é as e + combining accent
        assert_eq!(texts(b, &wrap(b, 2)), ["e\u{301}e\u{301}", "e\u{301}"]);
        let flag = "🇺🇦🇺🇦";
        assert_eq!(texts(flag, &wrap(flag, 2)), ["🇺🇦", "🇺🇦"]);
    }

    #[test]
    fn tabs_run_to_the_next_stop() {
        assert_eq!(grapheme_width("\t", 0), 4);
        assert_eq!(grapheme_width("\t", 3), 1);
        let b = "ab\tcd";
        assert_eq!(texts(b, &wrap(b, 5)), ["ab\t", "cd"]);
    }

    #[test]
    fn width_zero_is_treated_as_one() {
        assert_eq!(wrap("ab", 0).len(), 2);
    }

    #[test]
    fn row_of_finds_the_row() {
        let rows = wrap("aaa bbb ccc", 4);
        assert_eq!(row_of(&rows, 0), 0);
        assert_eq!(row_of(&rows, 5), 1);
        assert_eq!(row_of(&rows, 10), 2);
        assert_eq!(row_of(&rows, rows[1].start), 1, "a row's first byte is in that row");
        let blank = wrap("a\n\nb", 4);
        assert_eq!(row_of(&blank, 2), 1, "a blank line is a row");
        assert_eq!(row_of(&[], 3), 0);
    }
}
