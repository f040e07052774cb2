//! The grammar's driver: at each token that can open an expression, try every
//! rule and keep the longest match; then skip past it. Rules return the end
//! token and a `Raw` meaning; nothing here knows about the dct. Calendar
//! dates live in `dates`, relative expressions in `relative`, durations,
//! sets and clock times in `amounts`.

use super::amounts;
use super::dates::{date_at, season_word};
use super::lexicon::{date_preposition, month, month_abbr, ordinal_word, unit, weekday};
use super::relative;
use super::resolve::Raw;
use super::token::{Kind, Tok};

/// A match: tokens `s..e` mean `raw`.
#[derive(Clone, Debug)]
pub struct Cand {
    pub s: usize,
    pub e: usize,
    pub raw: Raw,
}

/// Token access with bounds checks, so rules read as plain conditions.
#[derive(Clone, Copy)]
pub struct T<'a>(pub &'a [Tok<'a>]);

impl<'a> T<'a> {
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// Lowercase word at `i` ("" past the end or for punctuation).
    pub fn w(&self, i: usize) -> &'a str {
        self.0.get(i).map_or("", |t| t.w())
    }
    pub fn is(&self, i: usize, s: &str) -> bool {
        self.w(i) == s
    }
    pub fn any(&self, i: usize, set: &[&str]) -> bool {
        let w = self.w(i);
        !w.is_empty() && set.contains(&w)
    }
    /// Word before `i` ("" at the start).
    pub fn pw(&self, i: usize) -> &'a str {
        if i == 0 { "" } else { self.w(i - 1) }
    }
    pub fn p(&self, i: usize, c: u8) -> bool {
        self.0.get(i).is_some_and(|t| t.kind == Kind::Punct && t.ch == c)
    }
    /// No whitespace between token `i - 1` and `i`.
    pub fn glued(&self, i: usize) -> bool {
        self.0.get(i).is_some_and(|t| !t.sp)
    }
    pub fn cap(&self, i: usize) -> bool {
        self.0.get(i).is_some_and(|t| t.cap)
    }
    pub fn caps(&self, i: usize) -> bool {
        self.0.get(i).is_some_and(|t| t.caps)
    }
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.0.get(i).map(|t| t.kind)
    }
    pub fn tok(&self, i: usize) -> Option<&'a Tok<'a>> {
        self.0.get(i)
    }
    /// A digit run that stands alone: not part of "1,500", "3.5", "A-1" or "$20".
    pub fn num(&self, i: usize) -> Option<(u32, u8)> {
        let r = self.num_start(i)?;
        if (self.p(i + 1, b',') || self.p(i + 1, b'.'))
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.kind(i + 2) == Some(Kind::Num)
        {
            return None;
        }
        Some(r)
    }
    /// A digit run not glued to what precedes it (it may go on: "2.5", "17.05.2019").
    pub fn num_start(&self, i: usize) -> Option<(u32, u8)> {
        let t = self.0.get(i)?;
        if t.kind != Kind::Num {
            return None;
        }
        if i > 0 && !t.sp {
            let p = &self.0[i - 1];
            if p.kind != Kind::Punct || matches!(p.ch, b'$' | b'.' | b',' | b'#') {
                // glued to a word, a number or a currency sign
                if !(p.ch == b'\'' || p.ch == b'(' || p.ch == b'-' || p.ch == b'"') {
                    return None;
                }
            }
        }
        Some((t.num, t.nd))
    }
    /// A word that starts with a capital and is not a date word: a name follows.
    pub fn name_word(&self, i: usize) -> bool {
        let w = self.w(i);
        self.cap(i) && self.kind(i) == Some(Kind::Word) && month(w).is_none() && weekday(w).is_none()
    }
}

/// Tokens that say a date follows, before token `i`.
fn ctx(t: T, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    if t.p(i - 1, b'-') && t.glued(i) && i >= 2 && t.any(i - 2, &["mid", "early", "late"]) {
        return true;
    }
    // "between January and March", "from May to June"
    if i >= 2
        && t.any(i - 1, &["and", "to", "or", "through", "until", "till"])
        && (month(t.w(i - 2)).is_some() || weekday(t.w(i - 2)).is_some())
        && t.cap(i - 2)
    {
        return true;
    }
    date_preposition(t.pw(i))
        || (t.pw(i) == "of"
            && t.any(
                i.wrapping_sub(2),
                &[
                    "as",
                    "end",
                    "beginning",
                    "start",
                    "middle",
                    "turn",
                    "month",
                    "spring",
                    "summer",
                    "autumn",
                    "fall",
                    "winter",
                    "part",
                    "half",
                    "rest",
                ],
            ))
}

/// Day-level meanings, which a part of day can follow ("Friday morning").
fn day_level(r: &Raw) -> bool {
    use super::resolve::Gran;
    matches!(r, Raw::Ymd(..) | Raw::MonthDay(..) | Raw::Weekday(..) | Raw::Anaphor)
        || matches!(r, Raw::Rel(Gran::Day, _) | Raw::Chain(Gran::Day, _))
}

pub fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// Other words that can open an expression ("the", "last", "today"...).
const STARTER_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "last",
    "next",
    "this",
    "that",
    "early",
    "late",
    "mid",
    "earlier",
    "later",
    "beginning",
    "start",
    "end",
    "middle",
    "close",
    "turn",
    "every",
    "each",
    "per",
    "almost",
    "nearly",
    "about",
    "approximately",
    "roughly",
    "around",
    "several",
    "few",
    "many",
    "half",
    "dozens",
    "hundreds",
    "thousands",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "now",
    "currently",
    "presently",
    "nowadays",
    "recently",
    "lately",
    "more",
    "most",
    "these",
    "present",
    "soon",
    "recent",
    "christmas",
    "xmas",
    "new",
    "halloween",
    "valentine",
    "boxing",
    "thanksgiving",
    "fiscal",
    "fy",
    "annual",
    "annually",
    "yearly",
    "daily",
    "nightly",
    "weekly",
    "monthly",
    "hourly",
    "quarterly",
    "noon",
    "midday",
    "midnight",
    "coming",
    "first",
    "second",
    "third",
    "fourth",
];

/// `STARTER_WORDS` as a set: one hash probe per word instead of a chain of
/// string comparisons, for every word of every sentence.
static STARTERS: std::sync::LazyLock<hashbrown::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| STARTER_WORDS.iter().copied().collect());

/// Whether any rule can start at this token: digits, a few marks, and the
/// words that open an expression. Most tokens of news text are not, and the
/// rules are tried only where this says yes.
fn can_start(tk: &Tok<'_>) -> bool {
    match tk.kind {
        Kind::Num | Kind::Mixed => true,
        Kind::Punct => tk.ch == b'\'',
        Kind::Word => {
            let w = tk.w();
            if w.is_empty() {
                return false;
            }
            let starts = word_starts(w);
            starts & ANY_CASE != 0 || (tk.cap && starts & CAPITALISED != 0)
        }
    }
}

/// `word_starts` bits: the word opens an expression in any case, or only
/// capitalised (months and weekdays: "may", "march" are verbs).
const ANY_CASE: u8 = 1;
const CAPITALISED: u8 = 2;

fn word_starts_uncached(w: &str) -> u8 {
    let any = super::lexicon::unit(w).is_some()
        || super::lexicon::number_word(w).is_some()
        || season_word(w).is_some()
        || STARTERS.contains(w);
    let cap = month(w).is_some() || month_abbr(w).is_some() || weekday(w).is_some();
    (u8::from(any) * ANY_CASE) | (u8::from(cap) * CAPITALISED)
}

/// Slots in a thread's `word_starts` cache: enough for the common words of
/// news text, small enough (128 KB) to stay in the core's cache, which a
/// hash map of every word seen did not (its probes were 4% of a run).
const MEMO_SLOTS: usize = 1 << 12;

thread_local! {
    /// Direct-mapped: a word goes to the slot its hash names and evicts the
    /// one there. Key 0 (the empty word) never occurs, so empty slots miss.
    static MEMO: std::cell::RefCell<Box<[(u128, u8)]>> =
        std::cell::RefCell::new(vec![(0, 0); MEMO_SLOTS].into_boxed_slice());
}

/// A word of up to 16 bytes as one integer, so the memo compares keys
/// without a call to `memcmp` (that call was 4% of the whole run). Word
/// tokens are ASCII letters and digits, never 0, so the zero padding keeps
/// keys of different lengths apart.
fn packed(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    (b.len() <= 16).then(|| b.iter().rev().fold(0u128, |k, &c| (k << 8) | u128::from(c)))
}

/// Which kind of opener `w` (lowercase) is, remembered per word: one slot
/// read instead of the five lexicon lookups, for every word of every
/// sentence that passes the prefilter.
fn word_starts(w: &str) -> u8 {
    let Some(key) = packed(w) else {
        return word_starts_uncached(w);
    };
    // Fibonacci hashing of the folded key: the top bits index the slots.
    let folded = (key as u64) ^ ((key >> 64) as u64);
    let slot = (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - MEMO_SLOTS.trailing_zeros())) as usize;
    MEMO.with_borrow_mut(|memo| {
        let entry = &mut memo[slot];
        if entry.0 != key {
            *entry = (key, word_starts_uncached(w));
        }
        entry.1
    })
}

/// Words after "the" that `relative::the_rel` goes on with, besides units,
/// ordinals, seasons and the lists the other rules share
/// (see [`determiner_may_open`]).
const AFTER_THE: &[&str] = &[
    "very", // "the very end of"
    "following",
    "next",
    "previous",
    "prior",
    "same",
    "coming",
    "past",
    "last",
    "future",
    "financial",
    "fiscal",
    "near",
    "foreseeable",
    "distant",
    "present",
    "morning",
    "afternoon",
    "evening",
    "night",
    "moment",
    "weekend",
];

/// Whether an expression can open at token `i` when it is "the", "a", "an"
/// or "that" (true for any other token). Those four are three quarters of
/// the tokens that pass `can_start` and almost never open an expression;
/// the word after them says when one might, before every rule is tried.
/// The tests run the whole table with and without this check. Rules that
/// take these words: `relative::modified` and `the_rel`, `dates::the_forms`,
/// `amounts::durations`, `sets` and `dur_core`, `relative::rel_at`.
fn determiner_may_open(t: T, i: usize) -> bool {
    let w = t.w(i);
    if !matches!(w, "the" | "a" | "an" | "that") {
        return true;
    }
    let Some(next) = t.tok(i + 1) else { return false };
    let nw = next.w();
    match (w, next.kind) {
        ("the", Kind::Num | Kind::Mixed) => true,
        ("the", Kind::Punct) => next.ch == b'\'',
        ("the", Kind::Word) => {
            unit(nw).is_some()
                || ordinal_word(nw).is_some()
                || season_word(nw).is_some()
                || [AFTER_THE, relative::PERIOD_PARTS, relative::MODIFIERS, amounts::SPAN_WORDS]
                    .iter()
                    .any(|list| list.contains(&nw))
        }
        // "a week", "a few days", "a couple of years", "a later date", "per annum"
        ("a" | "an", Kind::Punct) => next.ch == b'-',
        ("a" | "an", Kind::Word) => unit(nw).is_some() || matches!(nw, "few" | "couple" | "and" | "later" | "annum"),
        // "that day", "that same week", "that night"
        ("that", Kind::Word) => matches!(nw, "same" | "day" | "week" | "month" | "year") || part_of_day(nw).is_some(),
        _ => false,
    }
}

/// Every match in `toks`, in order, non-overlapping (longest at each
/// start), into `out` (cleared first, so one vector serves every sentence).
pub fn scan_into(toks: &[Tok<'_>], out: &mut Vec<Cand>) {
    scan_with(toks, true, out)
}

/// [`scan_into`], with the determiner check switched off when `shortcut`
/// is false (the tests check that it never hides a match).
fn scan_with(toks: &[Tok<'_>], shortcut: bool, out: &mut Vec<Cand>) {
    let t = T(toks);
    out.clear();
    let mut i = 0;
    while i < t.len() {
        if !can_start(&toks[i]) || (shortcut && !determiner_may_open(t, i)) {
            i += 1;
            continue;
        }
        let c = ctx(t, i);
        let mut best: Option<(usize, Raw)> = None;
        let mut take = |r: Option<(usize, Raw)>| {
            if let Some((e, raw)) = r
                && e > i
                && best.as_ref().is_none_or(|b| e > b.0)
            {
                best = Some((e, raw));
            }
        };
        take(relative::modified(t, i));
        take(date_at(t, i, c));
        take(relative::rel_at(t, i));
        take(amounts::amount_at(t, i));
        match best {
            Some((mut e, mut raw)) => {
                if day_level(&raw)
                    && !t.cap(e)
                    && let Some(p) = part_of_day(t.w(e))
                {
                    raw = Raw::Pod(Box::new(raw), p);
                    e += 1;
                }
                out.push(Cand { s: i, e, raw });
                i = e;
            }
            None => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every match in `text`, sentence by sentence: (start, end, meaning).
    fn matches(text: &str, shortcut: bool) -> Vec<(usize, usize, Raw)> {
        let lower = text.to_ascii_lowercase();
        let mut toks = Vec::new();
        let mut out = Vec::new();
        for r in crate::analysis::sentences::split(text) {
            super::super::token::tokenize_into(text, r, &lower, &mut toks);
            let mut cands = Vec::new();
            scan_with(&toks, shortcut, &mut cands);
            out.extend(cands.into_iter().map(|c| (toks[c.s].s, toks[c.e - 1].e, c.raw)));
        }
        out
    }

    /// The determiner check only saves time: with and without it, the table
    /// and the forms that open with "the", "a" or "that" match the same.
    #[test]
    fn determiner_shortcut_hides_nothing() {
        let table = include_str!("../../../tests/data/timex_table.tsv");
        let mut texts: Vec<String> = table
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').nth(1))
            .map(|t| t.replace("\\n", "\n").replace(['[', ']'], ""))
            .collect();
        let forms = [
            "It ended the day before.",
            "By the very end of 2008 it was over.",
            "The late 1990s and the '90s were good.",
            "A week ago, a few days later, a couple of years on, at a later date.",
            "It pays 5 per cent per annum and 3 a year, twice a week.",
            "That same day, that night, that year.",
            "In the first quarter of 2020, the third-quarter result.",
            "In the past, at the moment, over the weekend, in the coming weeks.",
            "The following day, the previous year, the past decade, the next two years.",
            "In the summer, in the morning, the financial year, the near future.",
            "The 4th of July and the year 2000, the 21st century.",
        ];
        for form in forms {
            assert!(!matches(form, true).is_empty(), "{form}");
        }
        texts.extend(forms.iter().map(|f| f.to_string()));
        for text in &texts {
            assert_eq!(matches(text, true), matches(text, false), "{text}");
        }
    }
}
