//! Query parsing. Parsing never fails: anything that is not understood is
//! read as plain words, and the work is capped (`MAX_WORDS` words of at most
//! `MAX_WORD_CHARS` chars, `MAX_QUERY_CHARS` chars read at all), so a pasted
//! 10,000-character query costs no more than a short one.
//!
//! Syntax:
//! - `word word`: every word must match (AND), fuzzily: exact, prefix,
//!   abbreviation (subsequence with the same first letter) or typo.
//! - `"exact phrase"`: its words must match exactly and be adjacent in the
//!   title or body. An unclosed quote runs to the end of the query.
//! - `person:x`, `place:x`, `org:x` (also `misc:x`): `x` must match an
//!   entity name of that kind; `person:"anna kovacs"` works too.
//! - `date:2025`, `date:2025-12`, `date:2025-12-04`: the article has a date
//!   (its own or one in its text) starting with that value.
//! - A run of CJK characters is a phrase of one-character words.

use super::text::{char_mask, fold, is_cjk, tokens};
use crate::analysis::Kind;

pub const MAX_WORDS: usize = 12;
pub const MAX_WORD_CHARS: usize = 64;
pub const MAX_QUERY_CHARS: usize = 2048;

/// One query word, folded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryWord {
    pub text: String,
    /// Only terms of this kind of entity name match.
    pub kind: Option<Kind>,
    /// From a phrase: no prefix, abbreviation or typo matching...
    pub exact: bool,
    /// ...except prefix matching, for the last word of a phrase whose
    /// closing quote has not been typed yet.
    pub prefix: bool,
    pub(crate) chars: Vec<char>,
    pub(crate) mask: u64,
}

impl QueryWord {
    fn new(text: String, kind: Option<Kind>, exact: bool) -> QueryWord {
        let chars = text.chars().collect();
        let mask = char_mask(&text);
        QueryWord { text, kind, exact, prefix: false, chars, mask }
    }
}

/// A phrase: folded words that must be adjacent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub words: Vec<String>,
    /// The closing quote is missing (still typing): the last word may be
    /// a prefix of the text's word.
    pub open: bool,
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub words: Vec<QueryWord>,
    /// The phrases; every phrase word is also in `words`.
    pub phrases: Vec<Phrase>,
    /// `date:` values, e.g. `2025` or `2025-12`.
    pub dates: Vec<String>,
}

fn kind_of(prefix: &str) -> Option<Option<Kind>> {
    match prefix.to_ascii_lowercase().as_str() {
        "person" | "who" => Some(Some(Kind::Person)),
        "place" | "where" => Some(Some(Kind::Place)),
        "org" => Some(Some(Kind::Org)),
        "misc" => Some(Some(Kind::Misc)),
        "date" | "when" => Some(None),
        _ => None,
    }
}

impl Query {
    /// Parse a query string. Never fails, never panics.
    pub fn parse(input: &str) -> Query {
        let input: String = input.chars().take(MAX_QUERY_CHARS).collect();
        let mut q = Query::default();
        let mut rest = input.as_str();
        while !rest.is_empty() && q.words.len() < MAX_WORDS {
            rest = rest.trim_start();
            if let Some(after) = rest.strip_prefix('"') {
                let (inner, next, open) = match after.find('"') {
                    Some(e) => (&after[..e], &after[e + 1..], false),
                    None => (after, "", true),
                };
                q.add_phrase(inner, None, open);
                rest = next;
                continue;
            }
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let mut chunk = &rest[..end];
            let mut next = &rest[end..];
            let mut kind = None;
            if let Some(colon) = chunk.find(':')
                && let Some(k) = kind_of(&chunk[..colon])
            {
                let value = &rest[colon + 1..];
                match k {
                    None => {
                        let v = &chunk[colon + 1..];
                        q.add_date(v);
                        rest = next;
                        continue;
                    }
                    Some(kind_) if value.starts_with('"') => {
                        let after = &value[1..];
                        let (inner, nx, open) = match after.find('"') {
                            Some(e) => (&after[..e], &after[e + 1..], false),
                            None => (after, "", true),
                        };
                        q.add_phrase(inner, Some(kind_), open);
                        rest = nx;
                        continue;
                    }
                    Some(kind_) => {
                        kind = Some(kind_);
                        chunk = &chunk[colon + 1..];
                    }
                }
            }
            q.add_words(chunk, kind);
            if next.len() == rest.len() {
                next = ""; // no progress: cannot happen, but never loop
            }
            rest = next;
        }
        q.words.truncate(MAX_WORDS);
        q
    }

    fn add_date(&mut self, v: &str) {
        let v: String = v
            .chars()
            .take(10)
            .filter(|c| c.is_ascii_digit() || *c == '-' || *c == 'X' || *c == 'x')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if !v.is_empty() && self.dates.len() < MAX_WORDS {
            self.dates.push(v);
        }
    }

    /// Plain words; a CJK run inside them becomes a phrase.
    fn add_words(&mut self, chunk: &str, kind: Option<Kind>) {
        let mut cjk_run: Vec<String> = Vec::new();
        for (a, b) in tokens(chunk) {
            let w = &chunk[a..b];
            let cjk = w.chars().next().is_some_and(is_cjk);
            if cjk {
                cjk_run.push(fold(w));
            } else {
                self.flush_cjk(&mut cjk_run, kind);
                self.push_word(w, kind, false);
            }
        }
        self.flush_cjk(&mut cjk_run, kind);
    }

    fn flush_cjk(&mut self, run: &mut Vec<String>, kind: Option<Kind>) {
        if run.len() > 1 {
            let words = std::mem::take(run);
            for w in &words {
                self.push_word(w, kind, true);
            }
            self.phrases.push(Phrase { words, open: false });
        } else if let Some(w) = run.pop() {
            self.push_word(&w, kind, false);
        }
    }

    fn add_phrase(&mut self, inner: &str, kind: Option<Kind>, open: bool) {
        let words: Vec<String> = tokens(inner).take(MAX_WORDS).map(|(a, b)| truncate(fold(&inner[a..b]))).collect();
        let n = words.len();
        // An open quote that ends in a space: the last word is complete.
        let open = open && !inner.ends_with(char::is_whitespace);
        for (i, w) in words.iter().enumerate() {
            self.push_word(w, kind, n > 1);
            if n > 1
                && open
                && i + 1 == n
                && let Some(last) = self.words.last_mut()
            {
                last.prefix = true;
            }
        }
        if n > 1 {
            self.phrases.push(Phrase { words, open });
        }
    }

    fn push_word(&mut self, w: &str, kind: Option<Kind>, exact: bool) {
        if self.words.len() >= MAX_WORDS {
            return;
        }
        let text = truncate(fold(w));
        if text.is_empty() {
            return;
        }
        self.words.push(QueryWord::new(text, kind, exact));
    }

    /// Nothing to search for: the app shows the whole list.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.dates.is_empty()
    }
}

fn truncate(mut s: String) -> String {
    if let Some((i, _)) = s.char_indices().nth(MAX_WORD_CHARS) {
        s.truncate(i);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(q: &Query) -> Vec<&str> {
        q.words.iter().map(|w| w.text.as_str()).collect()
    }

    #[test]
    fn words_phrases_kinds_dates() {
        let q = Query::parse(r#"Lavrov "Foreign Minister" person:kovacs date:2025-12 foo:bar"#);
        assert_eq!(texts(&q), ["lavrov", "foreign", "minister", "kovacs", "foo", "bar"]);
        let words = vec!["foreign".to_string(), "minister".into()];
        assert_eq!(q.phrases, [Phrase { words, open: false }]);
        assert_eq!(q.words[3].kind, Some(Kind::Person));
        assert!(q.words[1].exact && !q.words[0].exact);
        assert_eq!(q.dates, ["2025-12"]);
    }

    #[test]
    fn odd_input_parses() {
        assert!(Query::parse("person:").is_empty());
        assert!(Query::parse(".*[(").is_empty());
        assert_eq!(texts(&Query::parse(r#"say "hello world"#)), ["say", "hello", "world"]);
        assert_eq!(texts(&Query::parse(r#"""""#)), Vec::<&str>::new());
        let q = Query::parse(r#"person:"anna kovacs" x"#);
        assert_eq!(texts(&q), ["anna", "kovacs", "x"]);
        assert!(q.words.iter().take(2).all(|w| w.kind == Some(Kind::Person)));
        let long = "a".repeat(10_000);
        let q = Query::parse(&long);
        assert_eq!(q.words[0].text.chars().count(), MAX_WORD_CHARS);
        let many = "ab ".repeat(5000);
        assert_eq!(Query::parse(&many).words.len(), MAX_WORDS);
    }

    #[test]
    fn cjk_run_is_a_phrase() {
        let q = Query::parse("中文");
        assert_eq!(texts(&q), ["中", "文"]);
        assert_eq!(q.phrases.len(), 1);
    }
}
