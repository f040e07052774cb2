//! Finding a phrase (a sequence of folded words) in a text, token by token,
//! with the shift-and algorithm: bit `j` of the state says "the last tokens
//! match the phrase's first `j + 1` words", so repeated words ("la la land")
//! are handled without backtracking. No allocation per token for ASCII.
//!
//! [`Finder`] is the fast path for checking many documents: it jumps to the
//! occurrences of the phrase's first word with Aho-Corasick (ASCII case
//! insensitive, several GB/s) and tokenises only from there.

use super::query::Phrase;
use super::text::{fold_into, tokens};
use aho_corasick::AhoCorasick;

/// Longest phrase (in words) that is matched; longer ones are cut.
pub const MAX_PHRASE: usize = 16;

/// Calls `f(start, end)` with the byte range of each occurrence of `phrase`
/// in `text`; stops early when `f` returns false. With `open`, the last
/// word only needs to be a prefix of the text's word.
pub fn for_each(text: &str, phrase: &[String], open: bool, mut f: impl FnMut(usize, usize) -> bool) {
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
        for (j, p) in phrase.iter().enumerate() {
            let same = same(word, &mut buf, p, open && j + 1 == n);
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

/// Does the text's word equal (or, with `prefix`, start with) the folded
/// phrase word `p`?
fn same(word: &str, buf: &mut String, p: &str, prefix: bool) -> bool {
    if word.is_ascii() {
        if prefix {
            word.len() >= p.len() && word.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
        } else {
            word.eq_ignore_ascii_case(p)
        }
    } else {
        fold_into(word, buf);
        if prefix { buf.starts_with(p) } else { *buf == p }
    }
}

/// A phrase prepared for checking many texts.
pub struct Finder<'a> {
    phrase: &'a Phrase,
    /// Finds the first word, when it is ASCII (folding can change the
    /// length of non-ASCII words, so those take the token-by-token path).
    anchor: Option<AhoCorasick>,
}

impl<'a> Finder<'a> {
    pub fn new(phrase: &'a Phrase) -> Finder<'a> {
        let first = phrase.words.first().filter(|w| w.is_ascii() && !w.is_empty());
        let anchor = first.and_then(|w| AhoCorasick::builder().ascii_case_insensitive(true).build([w.as_str()]).ok());
        Finder { phrase, anchor }
    }

    pub fn contains(&self, text: &str) -> bool {
        let p = self.phrase;
        let Some(ac) = &self.anchor else {
            return contains(text, &p.words, p.open);
        };
        let mut buf = String::new();
        let n = p.words.len();
        for m in ac.find_iter(text) {
            let before = text[..m.start()].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || !c.is_ascii()) {
                continue; // inside a word (or unsure: the slow path decides)
            }
            let mut toks = tokens(&text[m.start()..]);
            let all = p.words.iter().enumerate().all(|(j, w)| {
                toks.next().is_some_and(|(a, b)| {
                    let word = &text[m.start() + a..m.start() + b];
                    (j > 0 || a == 0) && same(word, &mut buf, w, p.open && j + 1 == n)
                })
            });
            if all {
                return true;
            }
        }
        // A non-ASCII word can fold to an ASCII one ("Zürich" -> "zurich")
        // where the anchor cannot see it: such texts get the full check.
        !text.is_ascii() && contains(text, &p.words, p.open)
    }
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

    #[test]
    fn finder_agrees_with_the_token_path() {
        let texts = [
            "The Foreign\nMinister said",
            "foreigners minister",
            "xforeign minister",
            "a foreign, minister",
            "FOREIGN MINISTERS",
            "Zu\u{308}foreign minister",
            "é foreign minister",
            "foreign",
            "Zürich Airport",
            "zurich airport",
            "“Foreign minister”",
        ];
        for open in [false, true] {
            let ph = Phrase { words: p(&["foreign", "minister"]), open };
            let f = Finder::new(&ph);
            for t in texts {
                assert_eq!(f.contains(t), contains(t, &ph.words, open), "{t:?} open={open}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn finder_equals_token_path(text in "(foreign|Foreign|FOREIGN|minister|Zürich|zurich|x|é|,| |\n){0,12}", open: bool) {
            for words in [p(&["foreign", "minister"]), p(&["zurich", "foreign"]), p(&["foreign", "foreign"])] {
                let ph = Phrase { words, open };
                proptest::prop_assert_eq!(Finder::new(&ph).contains(&text), contains(&text, &ph.words, open));
            }
        }
    }
}
