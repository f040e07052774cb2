//! Tokenising and folding: the one definition of "a word" shared by the
//! index, the query parser and the highlighters, so what is indexed, what is
//! asked for and what is highlighted always agree.
//!
//! A word is a run of alphanumeric characters (combining marks stay inside
//! the word). Han, Hiragana and Katakana characters are words on their own,
//! since those scripts put no spaces between words. Folding is Unicode
//! lowercase, then diacritics removed (NFD, combining marks dropped), plus a
//! few letters that do not decompose: `ß`/`ẞ` -> `ss`, `ı` -> `i`, `ø` -> `o`,
//! `ł` -> `l`, `đ` -> `d`, `æ` -> `ae`, `œ` -> `oe`, `ſ` -> `s`, final sigma -> sigma.
//! So `zurich` finds `Zürich` and `istanbul` finds `İstanbul`. Folding is
//! done per token, never on the whole text, so byte offsets always come from
//! the original string and stay on char boundaries.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Han, Hiragana, Katakana: scripts written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK Extension A
        | 0x4E00..=0x9FFF    // CJK Unified Ideographs
        | 0xF900..=0xFAFF    // CJK Compatibility Ideographs
        | 0x20000..=0x2FA1F) // Extensions B.. and compatibility supplement
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_ascii() && is_combining_mark(c))
}

/// Byte ranges of the words of `text`, in order.
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0 }
}

pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for Tokens<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let bytes = self.text.as_bytes();
        // ASCII fast path for skipping separators.
        while self.pos < bytes.len() {
            let b = bytes[self.pos];
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    break;
                }
                self.pos += 1;
                continue;
            }
            let c = self.text[self.pos..].chars().next()?;
            if is_word_char(c) && !is_combining_mark(c) {
                break;
            }
            self.pos += c.len_utf8();
        }
        if self.pos >= bytes.len() {
            return None;
        }
        let start = self.pos;
        let first = self.text[start..].chars().next()?;
        self.pos += first.len_utf8();
        if is_cjk(first) {
            return Some((start, self.pos));
        }
        while self.pos < bytes.len() {
            let b = bytes[self.pos];
            if b < 0x80 {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                self.pos += 1;
                continue;
            }
            let c = self.text[self.pos..].chars().next()?;
            if !is_word_char(c) || is_cjk(c) {
                break;
            }
            self.pos += c.len_utf8();
        }
        Some((start, self.pos))
    }
}

/// Push the folded form of one char onto `out`.
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for l in c.to_lowercase() {
        match l {
            'ß' => out.push_str("ss"),
            'ı' => out.push('i'),
            'ſ' => out.push('s'),
            'ø' => out.push('o'),
            'ł' => out.push('l'),
            'đ' => out.push('d'),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ς' => out.push('σ'),
            'þ' => out.push_str("th"),
            _ => {
                for d in std::iter::once(l).nfd() {
                    if !is_combining_mark(d) {
                        out.push(d);
                    }
                }
            }
        }
    }
}

/// Fold a word into `out` (cleared first). Fast for ASCII.
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        fold_char(c, out);
    }
}

pub fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    fold_into(word, &mut s);
    s
}

/// Fold a word and record, for each char of the folded form, the index of
/// the original char it came from (char indices relative to the word's
/// start), so matches in folded space map back for highlighting.
pub fn fold_with_origin(word: &str) -> (Vec<char>, Vec<usize>) {
    let mut chars = Vec::with_capacity(word.len());
    let mut origin = Vec::with_capacity(word.len());
    let mut buf = String::new();
    for (k, c) in word.chars().enumerate() {
        buf.clear();
        fold_char(c, &mut buf);
        for f in buf.chars() {
            chars.push(f);
            origin.push(k);
        }
    }
    (chars, origin)
}

/// A 64-bit set of the chars in a folded word (hashed into 64 buckets):
/// a cheap filter before edit distance, since each edit can bring in at most
/// one char the other word lacks.
pub fn char_mask(word: &str) -> u64 {
    let mut m = 0u64;
    for c in word.chars() {
        let b = if c.is_ascii_lowercase() {
            c as u32 - 'a' as u32
        } else if c.is_ascii_digit() {
            26 + (c as u32 - '0' as u32)
        } else {
            36 + (c as u32 % 28)
        };
        m |= 1 << b;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokens(s).map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn splits_on_punctuation_and_cjk() {
        assert_eq!(words("Khinstin's monument, 2025-12-04."), ["Khinstin", "s", "monument", "2025", "12", "04"]);
        assert_eq!(words("在中文里hello"), ["在", "中", "文", "里", "hello"]);
        assert_eq!(words(".*[("), Vec::<&str>::new());
    }

    #[test]
    fn combining_marks_stay_in_the_word() {
        let s = "Zu\u{308}rich x";
        assert_eq!(words(s), ["Zu\u{308}rich", "x"]);
        assert_eq!(fold("Zu\u{308}rich"), "zurich");
    }

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("Zürich"), "zurich");
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("STRAẞE"), "strasse");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("ΟΔΟΣ"), "οδοσ");
        assert_eq!(fold("οδός"), "οδοσ");
        assert_eq!(fold("Łukasz"), "lukasz");
        assert_eq!(fold("Øvergaard"), "overgaard");
    }

    #[test]
    fn origin_maps_folded_chars_back() {
        let (chars, origin) = fold_with_origin("Straße");
        assert_eq!(chars.iter().collect::<String>(), "strasse");
        assert_eq!(origin, [0, 1, 2, 3, 4, 4, 5]);
    }
}
