//! Finding a phrase (a sequence of folded words) in a text, token by token,
//! with the shift-and algorithm: bit `j` of the state says "the last tokens
//! match the phrase's first `j + 1` words", so repeated words ("la la land")
//! are handled without backtracking. No allocation per token for ASCII.

use super::text::{fold_into, tokens};

/// Longest phrase (in words) that is matched; longer ones are cut.
pub const MAX_PHRASE: usize = 16;

/// Calls `f(start, end)` with the byte range of each occurrence of `phrase`
/// in `text`; stops early when `f` returns false. With `open`, the last
/// word only needs to be a prefix of the text's word.
pub fn for_each(
    text: &str,
    phrase: &[String],
    open: bool,
    mut f: impl FnMut(usize, usize) -> bool,
) {
    let phrase = &phrase[..phrase.len().min(MAX_PHRASE)];
    let n = phrase.len();
    if n == 0 {
        return;
    }
    let last = 1u32 << (n - 1);
    let mut state = 0u32;
    let mut starts = [0usize; MAX_PHRASE];
    let mut buf = String::new();
    for (i, (a, b)) in tokens(text).enumerate() {
        let word = &text[a..b];
        let mut eq = 0u32;
        let ascii = word.is_ascii();
        if !ascii {
            fold_into(word, &mut buf);
        }
        for (j, p) in phrase.iter().enumerate() {
            let same = if open && j + 1 == n {
                if ascii {
                    word.len() >= p.len()
                        && word.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
                } else {
                    buf.starts_with(p.as_str())
                }
            } else if ascii {
                word.eq_ignore_ascii_case(p)
            } else {
                buf == *p
            };
            if same {
                eq |= 1 << j;
            }
        }
        starts[i % MAX_PHRASE] = a;
        state = ((state << 1) | 1) & eq;
        if state & last != 0 {
            let start = starts[(i + 1 - n) % MAX_PHRASE];
            if !f(start, b) {
                return;
            }
        }
    }
}

/// Does `text` contain `phrase`?
pub fn contains(text: &str, phrase: &[String], open: bool) -> bool {
    let mut found = false;
    for_each(text, phrase, open, |_, _| {
        found = true;
        false
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn finds_phrases_across_punctuation_and_case() {
        let t = "The Foreign\nMinister said: la la land. FOREIGN minister!";
        let mut got = Vec::new();
        for_each(t, &p(&["foreign", "minister"]), false, |a, b| {
            got.push(&t[a..b]);
            true
        });
        assert_eq!(got, ["Foreign\nMinister", "FOREIGN minister"]);
        assert!(contains(t, &p(&["la", "land"]), false));
        assert!(!contains(t, &p(&["minister", "foreign", "said"]), false));
        assert!(contains("Straße der", &p(&["strasse", "der"]), false));
        assert!(contains(t, &p(&["foreign", "min"]), true));
        assert!(!contains(t, &p(&["foreign", "min"]), false));
    }
}
