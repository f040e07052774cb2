//! Where a query matches inside one title or one body, for highlighting.
//!
//! Both work token by token on the original text and fold each token on its
//! own, so offsets always come from the original string: byte ranges are on
//! char boundaries, and char indices count the original chars, even when
//! folding changes a word's length (`ß` -> `ss`, `İ` -> `i`).

use super::matching::{EXACT, PREFIX, TYPO, word_score};
use super::query::Query;
use super::text::{fold_into, fold_with_origin, tokens};
use super::{Index, phrase};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::ops::Range;

/// Byte ranges of `body` that match `q`: each word that matches a query
/// word (exactly, by prefix, typo or abbreviation) and each phrase
/// occurrence. Sorted, non-overlapping (overlaps are merged), on char
/// boundaries. Kind filters are not checked here (the body does not know
/// which words are names), so `person:lavrov` highlights every "Lavrov".
pub fn body_matches(q: &Query, body: &str) -> Vec<Range<usize>> {
    let matcher = SkimMatcherV2::default();
    let mut out: Vec<Range<usize>> = Vec::new();
    let loose: Vec<_> = q.words.iter().filter(|w| !w.exact).collect();
    if !loose.is_empty() {
        let mut buf = String::new();
        for (a, b) in tokens(body) {
            fold_into(&body[a..b], &mut buf);
            if loose.iter().any(|w| word_score(&matcher, w, &buf).is_some()) {
                out.push(a..b);
            }
        }
    }
    for p in &q.phrases {
        phrase::for_each(body, &p.words, p.open, |a, b| {
            out.push(a..b);
            true
        });
    }
    merge(out)
}

fn merge(mut v: Vec<Range<usize>>) -> Vec<Range<usize>> {
    v.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(v.len());
    for r in v {
        match out.last_mut() {
            Some(l) if r.start < l.end => l.end = l.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Char indices of `title`'s chars that match `q`, sorted, for
/// highlighting in the list: the typed part of a prefix match, the matched
/// letters of an abbreviation, the whole word for exact and typo matches.
pub fn title_match_indices(q: &Query, title: &str) -> Vec<usize> {
    let matcher = SkimMatcherV2::default();
    let mut out = Vec::new();
    let mut char_base = 0usize;
    let mut last_byte = 0usize;
    for (a, b) in tokens(title) {
        char_base += title[last_byte..a].chars().count();
        last_byte = a;
        let (chars, origin) = fold_with_origin(&title[a..b]);
        let folded: String = chars.iter().collect();
        for w in &q.words {
            let Some(s) = word_score(&matcher, w, &folded) else {
                continue;
            };
            if (PREFIX - 150..EXACT).contains(&s) {
                // Prefix: only what was typed.
                let n = w.chars.len().min(origin.len());
                out.extend(origin[..n].iter().map(|o| char_base + o));
            } else if s >= TYPO - 100 {
                out.extend(origin.iter().map(|o| char_base + o));
            } else if let Some((_, idx)) = matcher.fuzzy_indices(&folded, &w.text) {
                out.extend(idx.into_iter().filter_map(|i| origin.get(i)).map(|o| char_base + o));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

impl Index {
    /// Char indices of `title` to highlight for `q` (see
    /// [`title_match_indices`]); a method so the app needs only the index.
    pub fn title_match_indices(&self, q: &Query, title: &str) -> Vec<usize> {
        title_match_indices(q, title)
    }
}
