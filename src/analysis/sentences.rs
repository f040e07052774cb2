//! Sentence splitting with abbreviations in mind.
//!
//! A sentence ends at a newline (always), or at `.`, `!`, `?` or `…`
//! (with any closing quotes and brackets after it) that is followed by
//! whitespace and then something that can start a sentence: a capital, a
//! digit or an opening quote. A full stop after a known abbreviation
//! ("Dr.", "Gen.", "Jan.") or a single-letter initial ("J. R. Tolkien") does
//! not end a sentence. Abbreviations that can also close a sentence
//! ("U.S.", "Inc.", "Jr.") end one only when a common sentence opener
//! ("The", "He", "But") follows.

use std::ops::Range;

/// Abbreviations whose full stop never ends a sentence: titles and months
/// are always followed by something ("Dr. Smith", "Jan. 5").
const NEVER_FINAL: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr", "Adm", "Maj", "Gov", "Sen",
    "Rep", "Rev", "Hon", "Pres", "Fr", "St", "Mt", "Ft", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "No", "Nos", "vs", "v", "cf", "Fig", "fig", "approx", "e.g", "i.e", "Gens", "Messrs",
    "Univ", "Dept", "Ave", "Blvd", "Rd",
];

/// Abbreviations that may or may not close a sentence.
const MAYBE_FINAL: &[&str] = &["Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "etc", "al", "Bros", "Assn"];

/// Words that, capitalised after an ambiguous abbreviation, show that a new
/// sentence has begun.
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "However",
    "In",
    "On",
    "At",
    "His",
    "Her",
    "Its",
    "Their",
    "There",
    "After",
    "When",
    "While",
    "If",
    "As",
    "According",
    "Meanwhile",
    "Also",
];

/// Byte ranges of the sentences of `body`, in order, trimmed of surrounding
/// whitespace. Never empty ranges.
pub fn split(body: &str) -> Vec<Range<usize>> {
    let bytes = body.as_bytes();
    // News sentences run at about a hundred bytes: one allocation, usually.
    let mut out = Vec::with_capacity(body.len() / 64 + 4);
    let mut start = 0;
    let mut i = 0;
    let (mut next_a, mut next_b) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            push_trimmed(body, start, i, &mut out);
            start = i + 1;
            i += 1;
            continue;
        }
        let term_len = if b == b'.' || b == b'!' || b == b'?' {
            1
        } else if b == 0xE2 && bytes[i..].starts_with("…".as_bytes()) {
            '…'.len_utf8()
        } else {
            // Jump to the next byte that can matter, with vectorised
            // searches (the bytes between terminators are most of the text):
            // the next `.`, newline or `…` lead byte, and the next `!` or
            // `?`, each found again only once passed.
            i += 1;
            if next_a < i {
                next_a = memchr::memchr3(b'.', b'\n', 0xE2, &bytes[i..]).map_or(bytes.len(), |k| i + k);
            }
            if next_b < i {
                next_b = memchr::memchr2(b'!', b'?', &bytes[i..]).map_or(bytes.len(), |k| i + k);
            }
            i = next_a.min(next_b);
            continue;
        };
        // Swallow runs of terminators and closing quotes/brackets.
        let mut end = i + term_len;
        loop {
            let rest = &body[end..];
            let Some(c) = rest.chars().next() else { break };
            if matches!(c, '.' | '!' | '?' | '…' | '"' | '\'' | ')' | ']' | '’' | '”' | '»') {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        if b == b'.' && term_len == 1 && !full_stop_ends(body, i, end) {
            i = end;
            continue;
        }
        if ends_here(body, end) {
            push_trimmed(body, start, end, &mut out);
            start = end;
        }
        i = end;
    }
    push_trimmed(body, start, body.len(), &mut out);
    out
}

/// True when the text after `end` starts with horizontal whitespace and then
/// something that can open a sentence (or the text ends).
fn ends_here(body: &str, end: usize) -> bool {
    let rest = &body[end..];
    let trimmed = rest.trim_start_matches([' ', '\t', '\u{a0}']);
    if trimmed.len() == rest.len() {
        // No space after the terminator: "3.5", "U.S.-led", "end.Next".
        return rest.is_empty() || rest.starts_with('\n');
    }
    match trimmed.chars().next() {
        None => true,
        Some(c) => {
            c == '\n'
                || c.is_uppercase()
                || c.is_numeric()
                || matches!(c, '"' | '\'' | '‘' | '“' | '«' | '(' | '[' | '—' | '–' | '-')
        }
    }
}

/// Whether the full stop at `dot` (with its closers running to `end`) ends a
/// sentence, given the word before it.
fn full_stop_ends(body: &str, dot: usize, end: usize) -> bool {
    let before = &body[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘' | '['))
        .map(|p| p + before[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    // Single capital initial: "J. R. Tolkien", "George W. Bush".
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return false;
    }
    if NEVER_FINAL.contains(&word) {
        return false;
    }
    // Dotted acronyms ("U.S", "U.K", "a.m") and the maybe-final list.
    let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
    if dotted || MAYBE_FINAL.contains(&word) {
        let next = next_word(&body[end..]);
        return next.is_empty() || OPENERS.contains(&next);
    }
    true
}

/// The word after an abbreviation, past any opening bracket or quote, so
/// that "5 p.m. (GMT)" reads on.
fn next_word(rest: &str) -> &str {
    let t = rest.trim_start().trim_start_matches(['(', '[', '"', '\'', '‘', '“']);
    let e = t.find(|c: char| !c.is_alphanumeric()).unwrap_or(t.len());
    &t[..e]
}

fn push_trimmed(body: &str, s: usize, e: usize, out: &mut Vec<Range<usize>>) {
    let piece = &body[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let t = piece.trim();
    if !t.is_empty() {
        out.push(s + lead..s + lead + t.len());
    }
}

#[cfg(test)]
mod tests {
    use super::split;

    fn texts(body: &str) -> Vec<&str> {
        split(body).into_iter().map(|r| &body[r]).collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            texts("It rained. Then it stopped! Did it? Yes."),
            ["It rained.", "Then it stopped!", "Did it?", "Yes."]
        );
    }

    #[test]
    fn titles_and_months_do_not_end() {
        assert_eq!(
            texts("Dr. Smith met Gen. Lee on Jan. 5. They talked."),
            ["Dr. Smith met Gen. Lee on Jan. 5.", "They talked."]
        );
    }

    #[test]
    fn initials_do_not_end() {
        assert_eq!(
            texts("J. R. R. Tolkien wrote it. George W. Bush read it."),
            ["J. R. R. Tolkien wrote it.", "George W. Bush read it."]
        );
    }

    #[test]
    fn dotted_acronyms_end_only_before_an_opener() {
        assert_eq!(
            texts("The U.S. Army came. He left the U.S. The war ended."),
            ["The U.S. Army came.", "He left the U.S.", "The war ended."]
        );
        assert_eq!(
            texts("Apple Inc. Chief Tim Cook spoke. Shares of Apple Inc. The end."),
            ["Apple Inc. Chief Tim Cook spoke.", "Shares of Apple Inc.", "The end."]
        );
    }

    #[test]
    fn times_and_ellipses() {
        assert_eq!(
            texts("He came at 9 a.m. on Monday. Then he slept... Really? Yes…"),
            ["He came at 9 a.m. on Monday.", "Then he slept...", "Really?", "Yes…"]
        );
        assert_eq!(texts("It ends at 5 p.m. The end."), ["It ends at 5 p.m.", "The end."]);
        assert_eq!(texts("Landed at 6 p.m. (GMT +8) in Perth."), ["Landed at 6 p.m. (GMT +8) in Perth."]);
    }

    #[test]
    fn curly_quotes_close_sentences() {
        let body = "He said ‘we will win.’ She said “no.” Then silence.";
        assert_eq!(texts(body), ["He said ‘we will win.’", "She said “no.”", "Then silence."]);
    }

    #[test]
    fn newline_always_ends() {
        assert_eq!(
            texts("A headline without a stop\n\nBody text, Dr.\nNext line."),
            ["A headline without a stop", "Body text, Dr.", "Next line."]
        );
    }

    #[test]
    fn decimals_and_lowercase_continuations_stay() {
        assert_eq!(
            texts("It grew 3.5 percent. e.g. this stays. Done"),
            ["It grew 3.5 percent. e.g. this stays.", "Done"]
        );
    }

    #[test]
    fn trimmed_and_non_empty() {
        let body = "  \n\t First.   Second.  \n\n";
        let r = split(body);
        assert_eq!(texts(body), ["First.", "Second."]);
        assert!(r.iter().all(|r| r.start < r.end));
    }
}
