//! Relative and deictic expressions: "today", "last week", "next month",
//! "this morning", "on Friday"'s cousins "last Friday" and "next July",
//! "two days ago", "the following day", "now", "recently", "the future";
//! and modified dates: "the end of 2008", "early 2009", "later this year".

use super::amounts::dur_core;
use super::dates::{date_at, season_word};
use super::lexicon::{Unit, month, unit, weekday};
use super::resolve::{Gran, Pick, Raw, YearRef};
use super::scan::T;
use super::token::Kind;

/// Parts of a period that open "the end of ...": also read by the scan's
/// check of the word after "the".
pub const PERIOD_PARTS: &[&str] = &["beginning", "start", "end", "middle", "close", "turn"];

/// Modifiers before a date ("early 2009", "the late 1990s").
pub const MODIFIERS: &[&str] = &["early", "late", "mid", "earlier", "later"];

/// "the beginning of 2008", "the end of the year", "early 2009",
/// "mid-2011", "late last year", "earlier this month", "the late 1990s".
/// TimeML keeps the inner value (the modifier would go in `mod`).
pub fn modified(t: T, i: usize) -> Option<(usize, Raw)> {
    let mut j = if t.is(i, "the") { i + 1 } else { i };
    let the = j > i;
    if the && t.is(j, "very") {
        j += 1;
    }
    if t.any(j, PERIOD_PARTS) && t.is(j + 1, "of") {
        let k = j + 2;
        if t.is(k, "the")
            && let Some((u, false)) = unit(t.w(k + 1))
            && let Some(g) = Gran::of(u)
            && g != Gran::Day
        {
            return Some((k + 2, Raw::Rel(g, 0)));
        }
        return inner(t, k);
    }
    if t.any(j, MODIFIERS) {
        let loose = t.any(j, &["earlier", "later"]);
        j += 1;
        if t.p(j, b'-') && t.glued(j) {
            j += 1;
        }
        let (e, r) = if loose {
            // "later this year", "earlier this month": only with this/last/next
            if !t.any(j, &["this", "last", "next"]) {
                return None;
            }
            rel_at(t, j)?
        } else {
            inner(t, j)?
        };
        if the && !matches!(r, Raw::Decade(_) | Raw::Century(_)) {
            return None;
        }
        return Some((e, r));
    }
    None
}

fn inner(t: T, k: usize) -> Option<(usize, Raw)> {
    let d = date_at(t, k, true);
    let r = rel_at(t, k);
    match (d, r) {
        (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
        (a, b) => a.or(b),
    }
}

fn offset_word(w: &str) -> Option<i32> {
    Some(match w {
        "this" => 0,
        "last" => -1,
        "next" | "coming" => 1,
        _ => return None,
    })
}

pub fn rel_at(t: T, i: usize) -> Option<(usize, Raw)> {
    let tk = t.tok(i)?;
    if tk.kind != Kind::Word {
        return None;
    }
    let w = t.w(i);
    match w {
        "today" => {
            // "USA Today" and other mastheads
            if tk.cap && !tk.caps && i > 0 && t.kind(i - 1) == Some(Kind::Word) {
                return None;
            }
            return Some((i + 1, Raw::Rel(Gran::Day, 0)));
        }
        // "From Yesterday" (a song), capitalised after a word: a title
        "yesterday" | "tomorrow" if tk.cap && !tk.caps && i > 0 && t.kind(i - 1) == Some(Kind::Word) => {
            return None;
        }
        "yesterday" => return Some((i + 1, Raw::Rel(Gran::Day, -1))),
        "tomorrow" => return Some((i + 1, Raw::Rel(Gran::Day, 1))),
        "tonight" => return Some((i + 1, Raw::Pod(Box::new(Raw::Rel(Gran::Day, 0)), "NI"))),
        "now" => {
            if t.p(i + 1, b'-') && t.glued(i + 1) {
                return None; // "now-cancelled"
            }
            return Some((i + 1, Raw::Ref("PRESENT_REF")));
        }
        "currently" | "presently" | "nowadays" => return Some((i + 1, Raw::Ref("PRESENT_REF"))),
        "recently" | "lately" => return Some((i + 1, Raw::Ref("PAST_REF"))),
        "more" | "most" if t.is(i + 1, "recently") => return Some((i + 2, Raw::Ref("PAST_REF"))),
        "these" if t.is(i + 1, "days") => return Some((i + 2, Raw::Ref("PRESENT_REF"))),
        "present" if t.pw(i) == "at" => return Some((i + 1, Raw::Ref("PRESENT_REF"))),
        "soon" => {
            if t.pw(i) == "as" || t.is(i + 1, "as") || t.is(i + 1, "after") {
                return None;
            }
            return Some((i + 1, Raw::Ref("FUTURE_REF")));
        }
        "recent" => {
            if let Some((_, true)) = unit(t.w(i + 1)) {
                return Some((i + 2, Raw::Ref("PAST_REF")));
            }
            return None;
        }
        "that" => {
            // anaphoric: the day, week, month or year last mentioned
            let j = if t.is(i + 1, "same") { i + 2 } else { i + 1 };
            if let Some(p) = super::scan::part_of_day(t.w(j)) {
                return Some((j + 1, Raw::Pod(Box::new(Raw::Anaphor), p)));
            }
            return match t.w(j) {
                "day" => Some((j + 1, Raw::Anaphor)),
                "week" => Some((j + 1, Raw::Chain(Gran::Week, 0))),
                "month" => Some((j + 1, Raw::Chain(Gran::Month, 0))),
                "year" => Some((j + 1, Raw::Chain(Gran::Year, 0))),
                _ => None,
            };
        }
        "a" | "an" if t.is(i + 1, "later") && t.any(i + 2, &["date", "time", "stage"]) => {
            return Some((i + 3, Raw::Ref("FUTURE_REF")));
        }
        "last" if t.is(i + 1, "night") => {
            return Some((i + 2, Raw::Pod(Box::new(Raw::Rel(Gran::Day, -1)), "NI")));
        }
        "this" => {
            if let Some(p) = super::scan::part_of_day(t.w(i + 1)) {
                return Some((i + 2, Raw::Pod(Box::new(Raw::Rel(Gran::Day, 0)), p)));
            }
        }
        "the" => return the_rel(t, i),
        _ => {}
    }
    if let Some(off) = offset_word(w) {
        if w == "coming" {
            return None; // only "the coming ..."
        }
        let n = t.w(i + 1);
        if n == "weekend" {
            return Some((i + 2, Raw::Rel(Gran::Weekend, off)));
        }
        if let Some((u, false)) = unit(n) {
            let g = Gran::of(u)?;
            if g == Gran::Day {
                return None;
            }
            return Some((i + 2, Raw::Rel(g, off)));
        }
        let pick = match off {
            0 => Pick::This,
            -1 => Pick::Last,
            _ => Pick::Next,
        };
        if t.cap(i + 1) {
            if let Some((d, false)) = weekday(n) {
                return Some((i + 2, Raw::Weekday(d, pick)));
            }
            if let Some(m) = month(n) {
                return Some((i + 2, Raw::Month(m, pick)));
            }
        }
        if let Some(s) = season_word(n) {
            let y = match off {
                0 => YearRef::Rel(0),
                -1 => YearRef::Past,
                _ => YearRef::Future,
            };
            return Some((i + 2, Raw::Season(y, s)));
        }
        return None;
    }
    // "year-end", "month-end": the end of the dct's year or month
    if matches!(w, "year" | "month") && t.p(i + 1, b'-') && t.glued(i + 1) && t.is(i + 2, "end") {
        let g = if w == "year" { Gran::Year } else { Gran::Month };
        return Some((i + 3, Raw::Rel(g, 0)));
    }
    // "two days ago", "three weeks later", "a year from now", "years ago"
    if let Some((e, n, u)) = dur_core(t, i) {
        return ago(t, e, n, u);
    }
    if let Some((u, true)) = unit(w)
        && t.is(i + 1, "ago")
        && !matches!(u, Unit::Second | Unit::Minute | Unit::Hour)
    {
        return Some((i + 2, Raw::Ref("PAST_REF")));
    }
    None
}

/// After a quantity of units ending at `e`: "ago", "later", "earlier", "from now".
fn ago(t: T, e: usize, n: Option<f64>, u: Unit) -> Option<(usize, Raw)> {
    let (g, mul) = match u {
        Unit::Fortnight => (Gran::Week, 2.0),
        Unit::Second | Unit::Minute | Unit::Hour => (Gran::Day, 0.0),
        _ => (Gran::of(u)?, 1.0),
    };
    let k = match n {
        Some(x) if x.fract() == 0.0 => Some((x * mul) as i32),
        _ => None,
    };
    match t.w(e) {
        "ago" => Some((e + 1, k.map_or(Raw::Ref("PAST_REF"), |k| Raw::Rel(g, -k)))),
        "later" | "afterwards" => k.map(|k| (e + 1, Raw::Chain(g, k))),
        "earlier" => k.map(|k| (e + 1, Raw::Chain(g, -k))),
        "from" if t.is(e + 1, "now") => Some((e + 2, k.map_or(Raw::Ref("FUTURE_REF"), |k| Raw::Rel(g, k)))),
        _ => None,
    }
}

/// "the following day", "the previous year", "the same day", "the last
/// quarter", "the coming weeks", "the past", "the (near) future".
fn the_rel(t: T, i: usize) -> Option<(usize, Raw)> {
    let j = i + 1;
    let w = t.w(j);
    let n = t.w(j + 1);
    let unit_g = unit(n).and_then(|(u, pl)| Some((Gran::of(u)?, pl)));
    // "the day before." / "the year after,": only when nothing follows, since
    // "the day before the vote" counts from an event, not a date
    if let Some((g, false)) = unit(w).and_then(|(u, pl)| Some((Gran::of(u)?, pl)))
        && matches!(n, "before" | "after")
        && matches!(t.kind(j + 2), None | Some(Kind::Punct))
    {
        return Some((j + 2, Raw::Chain(g, if n == "before" { -1 } else { 1 })));
    }
    match w {
        "following" | "next" | "previous" | "prior" | "same" => {
            let off = match w {
                "following" | "next" => 1,
                "same" => 0,
                _ => -1,
            };
            match unit_g {
                Some((Gran::Day, false)) if off == 0 => Some((j + 2, Raw::Anaphor)),
                Some((g, false)) if off != 0 => Some((j + 2, Raw::Chain(g, off))),
                _ if n == "weekend" && off != 0 => Some((j + 2, Raw::Chain(Gran::Weekend, off))),
                _ => None,
            }
        }
        "coming" => match unit_g {
            Some((Gran::Day, _)) | Some((_, true)) => Some((j + 2, Raw::Ref("FUTURE_REF"))),
            Some((g, false)) => Some((j + 2, Raw::Rel(g, 1))),
            None => None,
        },
        "past" | "last" if matches!(unit_g, Some((Gran::Quarter, false))) => Some((j + 2, Raw::Rel(Gran::Quarter, -1))),
        "past" => {
            // "in the past" (not "the past decade", "the past two years")
            if unit_g.is_some() || matches!(t.kind(j + 1), Some(Kind::Num) | Some(Kind::Mixed)) {
                return None;
            }
            if super::lexicon::number_word(n).is_some() || matches!(n, "few" | "several" | "couple" | "many") {
                return None;
            }
            noun_ends(t, j + 1).then_some((j + 1, Raw::Ref("PAST_REF")))
        }
        "future" => noun_ends(t, j + 1).then_some((j + 1, Raw::Ref("FUTURE_REF"))),
        // "the financial year": the dct's fiscal year
        "financial" | "fiscal" if n == "year" => Some((j + 2, Raw::FiscalRel(0))),
        "near" | "foreseeable" | "distant" if n == "future" => {
            noun_ends(t, j + 2).then_some((j + 2, Raw::Ref("FUTURE_REF")))
        }
        "present" if n == "day" => Some((j + 2, Raw::Ref("PRESENT_REF"))),
        // "in the summer", "during the winter": the season by tense
        "spring" | "summer" | "autumn" | "fall" | "winter"
            if !t.cap(j) && i > 0 && t.any(i - 1, &["in", "during", "over", "through", "until", "by", "since"]) =>
        {
            let s = season_word(w)?;
            noun_ends(t, j + 1).then_some((j + 1, Raw::Season(YearRef::Dir, s)))
        }
        // "in the morning": that part of the day last mentioned
        "morning" | "afternoon" | "evening" | "night"
            if i > 0 && t.any(i - 1, &["in", "during", "overnight", "through"]) =>
        {
            let p = super::scan::part_of_day(w)?;
            noun_ends(t, j + 1).then_some((j + 1, Raw::Pod(Box::new(Raw::Anaphor), p)))
        }
        "moment" if t.any(i.wrapping_sub(1), &["at", "for"]) && i > 0 => {
            noun_ends(t, j + 1).then_some((j + 1, Raw::Ref("PRESENT_REF")))
        }
        "weekend"
            if t.any(i.wrapping_sub(1), &["over", "at", "during", "on", "this", "since", "until", "by"]) && i > 0 =>
        {
            Some((j + 1, Raw::Weekend))
        }
        _ => None,
    }
}

/// Words that can follow a noun phrase that ends in a time word.
const AFTER_NOUN: &[&str] = &[
    "and",
    "or",
    "but",
    "when",
    "while",
    "as",
    "is",
    "was",
    "has",
    "had",
    "have",
    "to",
    "of",
    "in",
    "with",
    "because",
    "where",
    "for",
    "they",
    "we",
    "he",
    "she",
    "it",
    "i",
    "you",
    "the",
    "a",
    "an",
    "this",
    "that",
    "there",
    "will",
    "would",
    "may",
    "might",
    "could",
    "should",
    "can",
    "than",
    "if",
    "at",
    "on",
    "by",
    "too",
    "now",
    "were",
    "are",
    "be",
    "been",
    "so",
    "its",
    "their",
    "his",
    "her",
    "after",
    "before",
    "until",
    "since",
    "following",
    "amid",
    "from",
];

/// "the past" and "the future" are times when they end a noun phrase ("in
/// the past,", "in the future the firm will"), adjectives before a noun
/// ("the past participation", "the future king").
fn noun_ends(t: T, k: usize) -> bool {
    match t.kind(k) {
        None | Some(Kind::Punct) => true,
        Some(Kind::Word) => t.cap(k) || AFTER_NOUN.contains(&t.w(k)),
        _ => false,
    }
}
