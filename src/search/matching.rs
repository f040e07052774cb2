//! How one query word matches one folded term, and how well.
//!
//! Four ways, best first: exact; prefix (the user is still typing);
//! typo (optimal-string-alignment distance, i.e. Damerau-Levenshtein with
//! adjacent transpositions: <= 1 for words of 4 to 7 chars, <= 2 for 8+);
//! abbreviation (the word is a subsequence of the term with the same first
//! letter, scored by `fuzzy-matcher`'s SkimMatcherV2). The scores are
//! bands that never overlap, so a closer match always outranks a looser one
//! in the same field.

use super::query::QueryWord;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

pub const EXACT: u32 = 1000;
pub const PREFIX: u32 = 700; // down to PREFIX - 150
pub const TYPO: u32 = 500; // 500 for distance 1, 400 for 2
pub const ABBREV: u32 = 100; // up to 299

/// Shortest word that may match with a typo, or as an abbreviation.
pub const MIN_TYPO_CHARS: usize = 4;
pub const MIN_ABBREV_CHARS: usize = 3;

pub fn max_typos(chars: usize) -> usize {
    match chars {
        0..MIN_TYPO_CHARS => 0,
        4..=7 => 1,
        _ => 2,
    }
}

pub fn prefix_score(extra_chars: usize) -> u32 {
    PREFIX - (extra_chars.min(150) as u32)
}

/// Is `q` a subsequence of `t` (both folded)?
pub fn is_subsequence(q: &[char], t: &str) -> bool {
    let mut it = q.iter().peekable();
    for c in t.chars() {
        match it.peek() {
            Some(&&qc) if qc == c => {
                it.next();
            }
            Some(_) => {}
            None => break,
        }
    }
    it.peek().is_none()
}

/// The abbreviation score of a term that passed `is_subsequence`.
pub fn abbrev_score(matcher: &SkimMatcherV2, q: &str, t: &str) -> u32 {
    let s = matcher.fuzzy_match(t, q).unwrap_or(0).clamp(0, 199);
    ABBREV + s as u32
}

/// Typo score if `t` is within the allowed edit distance of `q`.
/// `t_mask`/`t_chars` are the term's precomputed char mask and length.
pub fn typo_score(q: &QueryWord, t: &str, t_mask: u64, t_chars: usize) -> Option<u32> {
    let k = max_typos(q.chars.len());
    if k == 0 || t_chars.abs_diff(q.chars.len()) > k {
        return None;
    }
    // Each edit brings in at most one char `t` lacks.
    if (q.mask & !t_mask).count_ones() as usize > k {
        return None;
    }
    let d = strsim::osa_distance(&q.text, t);
    (d >= 1 && d <= k).then(|| TYPO - 100 * (d as u32 - 1))
}

/// Full match of a word against a term, without any index: used where a
/// handful of words are checked (highlighting one body, one title).
pub fn word_score(matcher: &SkimMatcherV2, q: &QueryWord, t: &str) -> Option<u32> {
    if t == q.text {
        return Some(EXACT);
    }
    if q.exact && !q.prefix {
        return None;
    }
    if t.starts_with(q.text.as_str()) {
        let extra = t.chars().count() - q.chars.len();
        return Some(prefix_score(extra));
    }
    if q.exact {
        return None;
    }
    let tn = t.chars().count();
    if let Some(s) = typo_score(q, t, super::text::char_mask(t), tn) {
        return Some(s);
    }
    if q.chars.len() >= MIN_ABBREV_CHARS
        && t.starts_with(q.chars[0])
        && tn <= abbrev_max_len(q.chars.len())
        && is_subsequence(&q.chars, t)
    {
        return Some(abbrev_score(matcher, &q.text, t));
    }
    None
}

/// Longest term an abbreviation of `n` chars may stand for: keeps "mt"
/// from matching "management" while "khinstn" still finds "khinstin".
pub fn abbrev_max_len(n: usize) -> usize {
    2 * n + 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Query;

    fn score(q: &str, t: &str) -> Option<u32> {
        let m = SkimMatcherV2::default();
        word_score(&m, &Query::parse(q).words[0], t)
    }

    #[test]
    fn bands() {
        assert_eq!(score("lavrov", "lavrov"), Some(EXACT));
        assert!(score("lav", "lavrov").unwrap() >= PREFIX - 150);
        assert_eq!(score("lavrof", "lavrov"), Some(TYPO));
        assert_eq!(score("lvarov", "lavrov"), Some(TYPO)); // transposition
        assert!(score("khinstn", "khinstin").unwrap() >= TYPO - 100);
        let ab = score("mnmt", "monument").unwrap();
        assert!((ABBREV..TYPO - 100).contains(&ab));
        assert_eq!(score("lavrof", "pavlov"), None);
        assert_eq!(score("xyz", "lavrov"), None);
        assert_eq!(score("lav", "lxv"), None); // too short for a typo
    }
}
