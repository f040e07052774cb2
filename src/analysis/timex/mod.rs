//! Temporal expressions: find, type and normalise (TimeML TIMEX3).
//!
//! Pipeline, per sentence: a prefilter (Aho-Corasick over trigger words and
//! digits) skips sentences that cannot hold a timex; the rest are tokenized
//! (`token`), matched by a hand-written grammar (`scan` drives `dates`,
//! `relative` and `amounts`), given a direction from verb tense (`tense`),
//! and resolved in article order against the dct and the last mentioned date
//! (`resolve`). Hand-written token rules rather than regexes: the rules need
//! word lists, capitalisation and neighbouring words, which read more plainly
//! as code, and the token pass is the only full scan of the text.
//!
//! Spans follow TimeML: prepositions are left out ("in [July]", "on
//! [Monday]"), determiners and modifiers that belong to the expression are
//! kept ("[the 1990s]", "[the past decade]", "[almost two years]", "[two
//! days ago]", "[the end of 2008]").
//!
//! Resolution: news looks back by default: "Friday" is the most recent
//! Friday on or before the dct (the dct itself when it is a Friday), "in
//! July" the most recent July; the nearest tense cue in the sentence ("will",
//! "is expected to", "plans to", "to be held") turns that forward. "last
//! week" is the ISO week before the dct's (`2025-W48`). Chains ("the
//! following day", "three years later", "that year") count from the last
//! date mentioned before them, else from the dct. Clock times take their day
//! from a date in the same sentence, else the dct.
//!
//! Value conventions where TimeML leaves a choice:
//! - no dct: relative expressions keep their granularity with `X`s:
//!   "today"/"yesterday"/"two days ago" -> `XXXX-XX-XX`, "Friday" ->
//!   `XXXX-WXX-5`, "last week" -> `XXXX-WXX`, "next month"/"in July" ->
//!   `XXXX-XX`/`XXXX-07`, "this year" -> `XXXX`, "the first quarter" ->
//!   `XXXX-Q1`, "this morning" -> `XXXX-XX-XXTMO`, "3 p.m." ->
//!   `XXXX-XX-XXT15:00`; "now" is `PRESENT_REF` and "recently" `PAST_REF`
//!   with or without a dct. A year is never invented.
//! - "to date" is not tagged (it means "so far", not a time point); ages
//!   ("45-year-old", "aged 45", "25 years of age") are not tagged; ordinals
//!   of a unit ("its fourth year") are not tagged.
//! - modifiers (early, late, mid, the end of) keep the inner value, as TimeML
//!   does with its `mod` attribute ("late 2007" -> 2007, "mid-2011" -> 2011).
//! - decades and centuries: "the 1990s" -> 199, "the 21st century" -> 20;
//!   "the past decade" -> P10Y (decades and centuries as years).
//! - "N units ago" has the unit's granularity ("three weeks ago" -> a week,
//!   "five years ago" -> a year); "several years ago" -> `PAST_REF`.
//! - "midnight" -> `T24:00`; UTC/GMT times get `Z`; other zones are kept in
//!   the span but not in the value.

mod amounts;
mod dates;
mod lexicon;
mod relative;
mod resolve;
mod scan;
mod tense;
mod token;

use super::{TimexMention, TimexType};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;
use resolve::{Raw, Resolver};
use std::ops::Range;
use std::sync::OnceLock;

fn prefilter() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build(lexicon::TRIGGERS)
            .expect("trigger patterns build")
    })
}

/// The sentence ranges made safe: in bounds, on char boundaries, sorted,
/// non-overlapping; text between them that is not blank becomes a segment
/// too, so any sentence splitter (or none) works.
fn segments(body: &str, sentences: &[Range<usize>]) -> Vec<Range<usize>> {
    let ok = |r: &Range<usize>| {
        r.start < r.end && r.end <= body.len() && body.is_char_boundary(r.start) && body.is_char_boundary(r.end)
    };
    let mut rs: Vec<Range<usize>> = Vec::with_capacity(sentences.len());
    rs.extend(sentences.iter().filter(|r| ok(r)).cloned());
    rs.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(rs.len() + 1);
    let mut pos = 0;
    for r in rs {
        if r.start < pos {
            continue; // overlapping: keep the first
        }
        if r.start > pos && !body[pos..r.start].trim().is_empty() {
            out.push(pos..r.start);
        }
        pos = r.end;
        out.push(r);
    }
    if pos < body.len() && !body[pos..].trim().is_empty() {
        out.push(pos..body.len());
    }
    // A "sentence" can be a whole unbroken body (a splitter that gives one
    // range per line, a file without newlines): cut long ones so the token
    // buffer stays small.
    if out.iter().any(|r| r.len() > MAX_SEGMENT) {
        out = out.into_iter().flat_map(|r| cut(body, r)).collect();
    }
    out
}

/// Longest segment tokenized at once, in bytes.
const MAX_SEGMENT: usize = 16 * 1024;

/// `r` in pieces of at most about `MAX_SEGMENT` bytes, cut after a full stop
/// and a space when there is one in the second half of the piece, else at a
/// space, else at a char boundary.
fn cut(body: &str, r: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut s = r.start;
    while r.end - s > MAX_SEGMENT {
        let mut lim = s + MAX_SEGMENT;
        while !body.is_char_boundary(lim) {
            lim -= 1;
        }
        let mut mid = s + MAX_SEGMENT / 2;
        while !body.is_char_boundary(mid) {
            mid += 1;
        }
        let window = &body[mid..lim];
        let at =
            window.rfind(". ").map(|k| k + 2).or_else(|| window.rfind(' ').map(|k| k + 1)).map_or(lim, |k| mid + k);
        out.push(s..at);
        s = at;
    }
    out.push(s..r.end);
    out
}

/// Whether `b` holds an ASCII digit; in blocks, so the compiler can
/// vectorise the test (an early-exit `any` is checked byte by byte).
fn has_digit(b: &[u8]) -> bool {
    b.chunks(32).any(|c| c.iter().fold(false, |d, x| d | x.is_ascii_digit()))
}

/// Temporal expressions in `body`, in order of `start`, non-overlapping.
/// `dct` is the document creation time relative expressions resolve against;
/// without it, years stay unknown (`XXXX-12-04`).
pub fn find(body: &str, sentences: &[Range<usize>], dct: Option<NaiveDate>) -> Vec<TimexMention> {
    let mut out = Vec::new();
    find_each(body, sentences, dct, true, |start, end, ty, value| {
        out.push(TimexMention { start, end, ty, value: value.to_string() })
    });
    out
}

/// [`find`] as a callback per expression, `(start, end, type, value)`, in
/// order, with the value lent rather than allocated (the analysis interns
/// it). The prefilter is switched off when `filter` is false (the tests
/// check that it never hides a match).
pub(crate) fn find_each(
    body: &str,
    sentences: &[Range<usize>],
    dct: Option<NaiveDate>,
    filter: bool,
    mut f: impl FnMut(usize, usize, TimexType, &str),
) {
    let ac = prefilter();
    let mut res = Resolver::new(dct);
    // Lowercased once for the whole body, and one token buffer reused for
    // every sentence: per-sentence copies were a visible share of the time.
    let lower = body.to_ascii_lowercase();
    let mut toks = Vec::new();
    // Each candidate's type and the range of its value in `values`.
    let mut vals: Vec<Option<(TimexType, Range<usize>)>> = Vec::new();
    let mut values = String::new();
    let mut sent: Vec<usize> = Vec::new();
    let mut cands = Vec::new();
    for seg in segments(body, sentences) {
        // A digit is a trigger: look for one (a vectorised byte scan) before
        // running the automaton, which only the digitless sentences need.
        let text = &body[seg.clone()];
        if filter && !has_digit(text.as_bytes()) && !ac.is_match(text) {
            continue;
        }
        token::tokenize_into(body, seg, &lower, &mut toks);
        let toks = &toks[..];
        let t = scan::T(toks);
        scan::scan_into(toks, &mut cands);
        if cands.is_empty() {
            continue;
        }
        values.clear();
        let mut resolve = |raw: &Raw, dir, day: Option<&str>, values: &mut String| {
            let at = values.len();
            let ty = res.resolve(raw, dir, day, values);
            Some((ty, at..values.len()))
        };
        // Clock times take their day from a day-level date in the same sentence.
        vals.clear();
        vals.resize(cands.len(), None);
        for (k, c) in cands.iter().enumerate() {
            if matches!(c.raw, Raw::Time { .. }) {
                continue;
            }
            let dir = tense::direction(t, c.s, c.e, body);
            vals[k] = resolve(&c.raw, dir, None, &mut values);
        }
        // local sentence number of each candidate (segments may hold several)
        sent.clear();
        let (mut n, mut j) = (0, 0);
        for c in &cands {
            while j < c.s {
                if tense::boundary(t, j) {
                    n += 1;
                }
                j += 1;
            }
            sent.push(n);
        }
        for k in 0..cands.len() {
            if vals[k].is_some() {
                continue;
            }
            // Copied out: the day is read from `values` while the time's
            // own value is appended to it.
            let mut day = [0u8; 10];
            let has_day = (0..cands.len())
                .filter(|&o| sent[o] == sent[k] && o != k)
                .min_by_key(|&o| (o > k, o.abs_diff(k)))
                .and_then(|o| vals[o].as_ref())
                .map(|(_, r)| values[r.clone()].as_bytes())
                .filter(|b| b.len() >= 10 && b[4] == b'-' && b[7] == b'-')
                .map(|b| day.copy_from_slice(&b[..10]))
                .is_some();
            let day = has_day.then(|| std::str::from_utf8(&day).ok()).flatten();
            vals[k] = resolve(&cands[k].raw, resolve::Dir::Past, day, &mut values);
        }
        for (c, v) in cands.iter().zip(vals.drain(..)) {
            let (ty, r) = v.expect("every candidate resolved");
            f(toks[c.s].s, toks[c.e - 1].e, ty, &values[r]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text of the table test, with and without the prefilter: the
    /// prefilter only saves time, it must never hide an expression.
    #[test]
    fn prefilter_hides_nothing() {
        let table = include_str!("../../../tests/data/timex_table.tsv");
        for line in table.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 4 {
                continue;
            }
            let text: String = cols[1].replace("\\n", "\n").replace(['[', ']'], "");
            let dct = NaiveDate::parse_from_str(cols[0], "%Y-%m-%d").ok();
            let sents = super::super::sentences::split(&text);
            let mut filtered = Vec::new();
            find_each(&text, &sents, dct, true, |s, e, ty, v| filtered.push((s, e, ty, v.to_string())));
            let mut unfiltered = Vec::new();
            find_each(&text, &sents, dct, false, |s, e, ty, v| unfiltered.push((s, e, ty, v.to_string())));
            assert_eq!(filtered, unfiltered, "{text}");
        }
    }
}
