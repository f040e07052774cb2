//! Running a query against the index: candidate terms per query word, the
//! union of their postings per word, the intersection across words, ranking.
//!
//! Cost control, because every keystroke runs this:
//! - the fuzzy scorer only sees vocabulary terms, never bodies;
//! - prefix and abbreviation candidates come from the contiguous range of
//!   terms that share the word's first letter; the typo path scans only the
//!   length buckets within the allowed distance, behind a char-mask filter;
//! - a `SearchCache` keeps each word's result: unchanged words are reused,
//!   and a word that grew by typing filters its previous candidate pool
//!   instead of rescanning the vocabulary;
//! - at most `POSTINGS_BUDGET` postings are read per word (best candidates
//!   first), which only bites for one- or two-letter words on big corpora.

use super::index::{BODY, Index, NAME, TITLE, kind_flag, next_bit};
use super::matching::*;
use super::query::{Query, QueryWord};
use super::{Hit, phrase};
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

/// Score bonus of the field a word was found in: a title hit outranks a
/// name hit, which outranks a body hit, whatever the match quality.
const TITLE_BONUS: u32 = 4000;
const NAME_BONUS: u32 = 2000;
const BOTH_BONUS: u32 = 300;
const DATE_SCORE: u16 = 300;
/// Subtracted from partial matches (not every word found), so they sort
/// after any full match and the app can tell them apart (`score < 0`).
pub const PARTIAL_PENALTY: i64 = 1_000_000;
pub const POSTINGS_BUDGET: usize = 4_000_000;
/// A word is looked up only within the docs the previous words share when
/// those are fewer than `n_docs / NARROW_BELOW`.
const NARROW_BELOW: u32 = 4;
/// Hits whose phrases are checked against the text, best first.
pub const PHRASE_VERIFY_BUDGET: usize = 500;
pub const OPEN_PHRASE_VERIFY_BUDGET: usize = 200;

/// One query word's result, kept for the next keystroke.
#[derive(Clone, Debug, Default)]
struct WordResult {
    word: Option<QueryWord>,
    /// The words before this one, when `docs` was computed only within
    /// the docs they all share; `None` when `docs` covers the corpus.
    scope: Option<Vec<QueryWord>>,
    /// Terms of the first-letter range that have the word as a subsequence:
    /// a superset of the prefix and abbreviation candidates of every
    /// extension of the word, so typing more only filters it.
    pool: Vec<u32>,
    /// (doc, best score of this word in the doc).
    docs: Vec<(u32, u16)>,
}

/// What `search_incremental` remembers between keystrokes.
#[derive(Clone, Debug, Default)]
pub struct SearchCache {
    words: Vec<WordResult>,
}

fn field_bonus(flags: u8) -> u32 {
    let title = flags & TITLE != 0;
    let name = flags & NAME != 0;
    match (title, name) {
        (true, true) => TITLE_BONUS + BOTH_BONUS,
        (true, false) => TITLE_BONUS,
        (false, true) => NAME_BONUS,
        _ => 0,
    }
}

impl Index {
    /// Ranked documents matching `q`, best first, at most `limit`.
    pub fn search(&self, q: &Query, limit: Option<usize>) -> Vec<Hit> {
        self.search_incremental(q, limit, &mut SearchCache::default())
    }

    /// `search`, reusing (and then updating) what the previous query of the
    /// same typing session computed.
    pub fn search_incremental(&self, q: &Query, limit: Option<usize>, cache: &mut SearchCache) -> Vec<Hit> {
        if q.is_empty() || self.n_docs == 0 {
            cache.words.clear();
            return Vec::new();
        }
        let matcher = SkimMatcherV2::default();
        let mut results = self.word_results(&matcher, q, &cache.words, true);
        let date_lists: Vec<Vec<(u32, u16)>> = q.dates.iter().map(|d| self.date_docs(d)).collect();
        let combined = |results: &[WordResult]| {
            let mut lists: Vec<&[(u32, u16)]> = results.iter().map(|r| r.docs.as_slice()).collect();
            lists.extend(date_lists.iter().map(|v| v.as_slice()));
            self.combine(&lists, date_lists.len())
        };
        let mut scored = combined(&results);
        let partial = scored.first().is_none_or(|s| s.1 < 0);
        if partial && results.iter().any(|r| r.scope.is_some()) {
            // The fallback needs every word over the whole corpus.
            results = self.word_results(&matcher, q, &results, false);
            scored = combined(&results);
        }
        cache.words = results;
        if q.phrases.is_empty() {
            return rank(scored, limit);
        }
        self.phrase_signature_filter(q, &mut scored);
        let mut hits = rank(scored, None);
        self.verify_phrases(q, &mut hits);
        if let Some(l) = limit {
            hits.truncate(l);
        }
        hits
    }

    /// Keep the docs whose next-word signatures allow every adjacent pair
    /// of every phrase (no text read; may keep a few false positives).
    fn phrase_signature_filter(&self, q: &Query, scored: &mut Vec<(u32, i64)>) {
        let mut pass: Option<Vec<u64>> = None;
        for p in &q.phrases {
            let n = p.words.len();
            for i in 0..n.saturating_sub(1) {
                let next = &p.words[i + 1];
                let bit = if p.open && i + 2 == n {
                    // Still typing the last word: any of its completions.
                    let r = self.prefix_range(next);
                    if r.len() > 256 {
                        continue; // would allow nearly every bit anyway
                    }
                    r.map(|t| next_bit(self.term(t))).fold(0, |a, b| a | b)
                } else {
                    next_bit(next)
                };
                let mut bits = vec![0u64; (self.n_docs as usize).div_ceil(64)];
                if let Some(t) = self.term_id(&p.words[i]) {
                    for seg in self.postings(t) {
                        for (&d, &sig) in seg.docs.iter().zip(seg.next) {
                            if sig & bit != 0 {
                                bits[d as usize / 64] |= 1 << (d % 64);
                            }
                        }
                    }
                }
                pass = Some(match pass {
                    None => bits,
                    Some(mut acc) => {
                        acc.iter_mut().zip(&bits).for_each(|(a, b)| *a &= b);
                        acc
                    }
                });
            }
        }
        if let Some(pass) = pass {
            scored.retain(|&(d, _)| pass[d as usize / 64] & (1 << (d % 64)) != 0);
        }
    }

    /// Check phrases against the text of the best `PHRASE_VERIFY_BUDGET`
    /// hits (`OPEN_PHRASE_VERIFY_BUDGET` while a quote is open), in
    /// parallel, about 7 us a doc; hits past the budget keep their
    /// signature-only verdict, so a very common phrase stays fast.
    fn verify_phrases(&self, q: &Query, hits: &mut Vec<Hit>) {
        let Some(text) = &self.text else { return };
        // While the closing quote is missing the user is still typing: check
        // fewer, so the keystroke stays inside a frame.
        let budget = if q.phrases.iter().any(|p| p.open) { OPEN_PHRASE_VERIFY_BUDGET } else { PHRASE_VERIFY_BUDGET };
        let n = hits.len().min(budget);
        let finders: Vec<phrase::Finder> = q.phrases.iter().map(phrase::Finder::new).collect();
        let ok: Vec<bool> = hits[..n]
            .par_iter()
            .map(|h| {
                let (t, b) = (text.title(h.doc), text.body(h.doc));
                finders.iter().all(|f| f.contains(t) || f.contains(b))
            })
            .collect();
        let mut i = 0;
        hits.retain(|_| {
            i += 1;
            i > n || ok[i - 1]
        });
    }

    /// The vocabulary terms that matched `q` in `doc`, for display and JSON.
    pub fn matched_terms(&self, q: &Query, doc: u32) -> Vec<String> {
        let matcher = SkimMatcherV2::default();
        let mut out: Vec<String> = Vec::new();
        for w in &q.words {
            let (cands, _) = self.candidates(&matcher, w, None);
            for (t, _) in cands {
                if self.flags_in(t, doc).is_some_and(|f| w.kind.is_none_or(|k| f & kind_flag(k) != 0)) {
                    out.push(self.term(t).to_string());
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// Each query word's docs. With `narrow`, once the words so far share
    /// few docs, the next word only looks within them: "lavrov m" reads
    /// the postings of every m-word, but only keeps Lavrov's docs.
    fn word_results(&self, matcher: &SkimMatcherV2, q: &Query, prev: &[WordResult], narrow: bool) -> Vec<WordResult> {
        let mut out: Vec<WordResult> = Vec::with_capacity(q.words.len());
        let mut common: Option<Vec<u64>> = None;
        for (i, w) in q.words.iter().enumerate() {
            let allow = common.as_deref().filter(|_| narrow).map(|b| (b, &q.words[..i]));
            let r = self.word_result(matcher, w, prev, allow);
            let mut bits = vec![0u64; (self.n_docs as usize).div_ceil(64)];
            for &(d, _) in &r.docs {
                bits[d as usize / 64] |= 1 << (d % 64);
            }
            if let Some(c) = &common {
                bits.iter_mut().zip(c).for_each(|(a, b)| *a &= b);
            }
            let shared: u32 = bits.iter().map(|x| x.count_ones()).sum();
            // Narrowing pays when few docs are left.
            common = (shared < self.n_docs / NARROW_BELOW).then_some(bits);
            out.push(r);
        }
        out
    }

    fn word_result(
        &self,
        matcher: &SkimMatcherV2,
        w: &QueryWord,
        prev: &[WordResult],
        allow: Option<(&[u64], &[QueryWord])>,
    ) -> WordResult {
        let scope = allow.map(|(_, before)| before);
        let reusable =
            |r: &&WordResult| r.word.as_ref() == Some(w) && (r.scope.is_none() || r.scope.as_deref() == scope);
        if let Some(r) = prev.iter().find(reusable) {
            return r.clone();
        }
        // A previous word this one extends (same kind, typed further).
        let grown = prev.iter().find(|r| {
            r.word
                .as_ref()
                .is_some_and(|p| !p.exact && !w.exact && p.kind == w.kind && w.text.starts_with(p.text.as_str()))
        });
        let (cands, pool) = self.candidates(matcher, w, grown.map(|r| r.pool.as_slice()));
        let docs = self.union(w, cands, allow.map(|a| a.0));
        WordResult { word: Some(w.clone()), scope: scope.map(|s| s.to_vec()), pool, docs }
    }

    /// Candidate terms of a word with their match scores, and the pool to
    /// remember for the next keystroke.
    fn candidates(
        &self,
        matcher: &SkimMatcherV2,
        w: &QueryWord,
        prev_pool: Option<&[u32]>,
    ) -> (Vec<(u32, u32)>, Vec<u32>) {
        let need = w.kind.map_or(0, kind_flag);
        let ok = |t: u32| need == 0 || self.term_flags[t as usize] & need != 0;
        let qn = w.chars.len();
        let mut out: Vec<(u32, u32)> = Vec::new();
        if w.exact {
            let r = self.prefix_range(&w.text);
            for t in r {
                let term = self.term(t);
                if term.len() == w.text.len() {
                    if ok(t) {
                        out.push((t, EXACT));
                    }
                } else if w.prefix {
                    if ok(t) {
                        out.push((t, prefix_score(term.chars().count() - qn)));
                    }
                } else {
                    break; // the exact term sorts first in its prefix range
                }
            }
            return (out, Vec::new());
        }
        let first = &w.text[..w.chars[0].len_utf8()];
        let range = self.prefix_range(first);
        let scan: Box<dyn Iterator<Item = u32>> = match prev_pool {
            Some(p) => Box::new(p.iter().copied()),
            None => Box::new(range.clone()),
        };
        let mut pool = Vec::new();
        for t in scan {
            let term = self.term(t);
            if !is_subsequence(&w.chars, term) {
                continue;
            }
            pool.push(t);
            if !ok(t) {
                continue;
            }
            if term.starts_with(w.text.as_str()) {
                let s = if term.len() == w.text.len() { EXACT } else { prefix_score(term.chars().count() - qn) };
                out.push((t, s));
            } else if qn >= MIN_ABBREV_CHARS && term.chars().count() <= abbrev_max_len(qn) {
                out.push((t, abbrev_score(matcher, &w.text, term)));
            }
        }
        let k = max_typos(qn);
        if k > 0 {
            let lo = qn.saturating_sub(k);
            let hi = (qn + k).min(super::index::LEN_BUCKETS);
            for bucket in &self.by_len[lo..=hi] {
                for &(mask, t) in bucket {
                    if (w.mask & !mask).count_ones() as usize > k || !ok(t) {
                        continue;
                    }
                    let term = self.term(t);
                    if let Some(s) = typo_score(w, term, mask, qn) {
                        out.push((t, s));
                    }
                }
            }
        }
        // A term found both ways keeps its best score.
        out.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        out.dedup_by_key(|c| c.0);
        (out, pool)
    }

    /// Union of the candidates' postings: each doc with the word's best
    /// score in it.
    fn union(&self, w: &QueryWord, mut cands: Vec<(u32, u32)>, allow: Option<&[u64]>) -> Vec<(u32, u16)> {
        let need = w.kind.map_or(0, kind_flag);
        cands.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut best = vec![0u16; self.n_docs as usize];
        let mut touched = Vec::new();
        let mut read = 0usize;
        for (i, &(t, s)) in cands.iter().enumerate() {
            let df = self.doc_freq(t);
            if i > 0 && read + df > POSTINGS_BUDGET {
                break;
            }
            read += df;
            for p in self.postings(t) {
                for (&d, &f) in p.docs.iter().zip(p.flags) {
                    if allow.is_some_and(|a| a[d as usize / 64] & (1 << (d % 64)) == 0) {
                        continue;
                    }
                    let fl = if need != 0 {
                        if f & need == 0 {
                            continue;
                        }
                        f & (need | TITLE)
                    } else {
                        f & (TITLE | BODY | NAME)
                    };
                    let sc = (s + field_bonus(fl)) as u16;
                    let b = &mut best[d as usize];
                    if *b == 0 {
                        touched.push(d);
                    }
                    if sc > *b {
                        *b = sc;
                    }
                }
            }
        }
        touched.into_iter().map(|d| (d, best[d as usize])).collect()
    }

    fn date_docs(&self, v: &str) -> Vec<(u32, u16)> {
        let exact = self.dates.binary_search_by(|(k, _)| (**k).cmp(v));
        let mut docs: Vec<u32> = match exact {
            Ok(i) => self.dates[i].1.clone(),
            Err(i) => {
                // A partly typed date ("2025-1"): every key it begins.
                let mut all: Vec<u32> = Vec::new();
                for (k, d) in &self.dates[i..] {
                    if !k.starts_with(v) {
                        break;
                    }
                    all.extend_from_slice(d);
                }
                all.sort_unstable();
                all.dedup();
                all
            }
        };
        docs.dedup();
        docs.into_iter().map(|d| (d, DATE_SCORE)).collect()
    }

    /// AND across the per-word lists; if no doc has every word, the docs
    /// with the most words, penalised. The last `hard` lists (`date:`) are
    /// filters: a doc must be in all of them even in the fallback.
    fn combine(&self, lists: &[&[(u32, u16)]], hard: usize) -> Vec<(u32, i64)> {
        let n = lists.len();
        if n == 1 {
            return lists[0].iter().map(|&(d, s)| (d, s as i64)).collect();
        }
        let mut count = vec![0u8; self.n_docs as usize];
        let mut hard_count = vec![0u8; self.n_docs as usize];
        let mut sum = vec![0u32; self.n_docs as usize];
        let mut touched = Vec::new();
        for (i, l) in lists.iter().enumerate() {
            let is_hard = i >= n - hard;
            for &(d, s) in l.iter() {
                let c = &mut count[d as usize];
                if *c == 0 {
                    touched.push(d);
                }
                *c += 1;
                hard_count[d as usize] += is_hard as u8;
                sum[d as usize] += s as u32;
            }
        }
        touched.retain(|&d| hard_count[d as usize] as usize == hard);
        let max = touched.iter().map(|&d| count[d as usize]).max().unwrap_or(0);
        if max == 0 {
            return Vec::new();
        }
        let penalty = if max as usize == n { 0 } else { PARTIAL_PENALTY };
        touched
            .into_iter()
            .filter(|&d| count[d as usize] == max)
            .map(|d| (d, sum[d as usize] as i64 - penalty))
            .collect()
    }
}

/// Sort by score, best first, ties by doc id; keep `limit`.
fn rank(scored: Vec<(u32, i64)>, limit: Option<usize>) -> Vec<Hit> {
    // One u64 key per hit sorts much faster than a tuple comparator.
    const BIAS: i64 = 1 << 31;
    let mut keys: Vec<u64> =
        scored.iter().map(|&(d, s)| (((BIAS - s.clamp(-BIAS + 1, BIAS - 1)) as u64) << 32) | d as u64).collect();
    if let Some(l) = limit
        && l < keys.len()
    {
        if l == 0 {
            return Vec::new();
        }
        keys.select_nth_unstable(l - 1);
        keys.truncate(l);
    }
    keys.sort_unstable();
    keys.into_iter().map(|k| Hit { doc: k as u32, score: BIAS - (k >> 32) as i64 }).collect()
}
