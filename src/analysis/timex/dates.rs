//! Calendar dates: "4 December 2025", "Dec. 4, 2025", "December 4th",
//! "Monday, June 3", "2025-12-04", "7/8/07", "May 2008", "in July", years in
//! date context, decades, centuries, quarters, halves, seasons, holidays and
//! fiscal years. Each rule returns the end token and a `Raw` meaning.

use super::lexicon::{month, month_abbr, month_is_ambiguous, ordinal_word, weekday};
use super::resolve::{Pick, Raw, YearRef};
use super::scan::T;
use super::token::Kind;
use chrono::NaiveDate;

/// Day of month at `i`: "4" or "4th".
fn day_at(t: T, i: usize) -> Option<u32> {
    let tk = t.tok(i)?;
    let d = match tk.kind {
        Kind::Num if tk.nd <= 2 => t.num(i)?.0,
        Kind::Mixed if tk.nd >= 1 && tk.nd <= 2 && matches!(tk.suffix(), "st" | "nd" | "rd" | "th") => tk.num,
        _ => return None,
    };
    // "May 5:30" is a clock time, "June 3-5" keeps its first day
    if t.p(i + 1, b':') && t.glued(i + 1) {
        return None;
    }
    (1..=31).contains(&d).then_some(d)
}

/// A four-digit year at `i` (1000..=2999).
pub fn year_at(t: T, i: usize) -> Option<i32> {
    let (v, nd) = t.num(i)?;
    (nd == 4 && (1000..=2999).contains(&v)).then_some(v as i32)
}

/// Month name at `i`: (month, end, abbreviated). Abbreviations take their dot.
fn month_at(t: T, i: usize) -> Option<(u32, usize, bool)> {
    if !t.cap(i) || t.kind(i) != Some(Kind::Word) {
        return None;
    }
    let w = t.w(i);
    if let Some(m) = month(w) {
        return Some((m, i + 1, false));
    }
    let m = month_abbr(w)?;
    let e = if t.p(i + 1, b'.') && t.glued(i + 1) { i + 2 } else { i + 1 };
    Some((m, e, true))
}

fn valid_md(m: u32, d: u32) -> bool {
    NaiveDate::from_ymd_opt(2000, m, d).is_some()
}

fn with_year(y: Option<i32>, m: u32, d: u32) -> Option<Raw> {
    match y {
        Some(y) => NaiveDate::from_ymd_opt(y, m, d).map(|_| Raw::Ymd(y, m, d)),
        None => valid_md(m, d).then_some(Raw::MonthDay(m, d)),
    }
}

/// "last year", "this year", "next year" after a day and month: (offset, end).
fn rel_year(t: T, j: usize) -> Option<(i32, usize)> {
    let off = match t.w(j) {
        "this" => 0,
        "next" => 1,
        "last" => -1,
        _ => return None,
    };
    t.is(j + 1, "year").then_some((off, j + 2))
}

/// A day and month, then maybe a year ("4 December 2025", "4 December last
/// year", "4 December").
fn day_month_year(t: T, m: u32, d: u32, k: usize) -> Option<(usize, Raw)> {
    if let Some((y, e)) = trailing_year(t, k) {
        return Some((e, with_year(Some(y), m, d)?));
    }
    if let Some((off, e)) = rel_year(t, k) {
        return valid_md(m, d).then_some((e, Raw::MonthDayY(m, d, off)));
    }
    Some((k, with_year(None, m, d)?))
}

/// ", 2025" or " 2025" after a day: (year, end).
fn trailing_year(t: T, j: usize) -> Option<(i32, usize)> {
    if let Some(y) = year_at(t, j) {
        return Some((y, j + 1));
    }
    if t.p(j, b',')
        && let Some(y) = year_at(t, j + 1)
    {
        return Some((y, j + 2));
    }
    None
}

/// "December 4(th)(, 2025)", "Dec. 4", "May 2008", "July".
fn month_first(t: T, i: usize, ctx: bool) -> Option<(usize, Raw)> {
    let (m, j, abbr) = month_at(t, i)?;
    if let Some(d) = day_at(t, j)
        && let Some(r) = day_month_year(t, m, d, j + 1)
    {
        return Some(r);
    }
    if let Some((y, e)) = trailing_year(t, j) {
        return Some((e, Raw::Ym(y, m)));
    }
    if t.is(j, "of")
        && let Some(y) = year_at(t, j + 1)
    {
        return Some((j + 2, Raw::Ym(y, m)));
    }
    // "January next year", "March of this year", "July that year"
    let k = if t.is(j, "of") { j + 1 } else { j };
    if t.is(k, "that") && t.is(k + 1, "year") && !abbr {
        return Some((k + 2, Raw::MonthThatYear(m)));
    }
    if t.is(k + 1, "year") && !abbr {
        let off = match t.w(k) {
            "this" => Some(0),
            "next" => Some(1),
            "last" => Some(-1),
            _ => None,
        };
        if let Some(off) = off {
            return Some((k + 2, Raw::MonthY(m, off)));
        }
    }
    if abbr && !ctx {
        return None;
    }
    if abbr && month(t.w(i)).is_none() {
        // "Jan." alone only after a date word, and never "Mar"/"Jan" as names
        if !matches!(m, 9..=12 | 2) {
            return None;
        }
    }
    if month_is_ambiguous(m) && !ctx {
        return None;
    }
    // "January Jones": a month name followed by a name is a name
    if !ctx && t.name_word(j) {
        return None;
    }
    Some((j, Raw::Month(m, Pick::Dir)))
}

/// "4 December (2025)", "4th of December", "4 Dec. 2025".
fn day_first(t: T, i: usize) -> Option<(usize, Raw)> {
    let d = day_at(t, i)?;
    let j = if t.is(i + 1, "of") { i + 2 } else { i + 1 };
    let (m, k, _) = month_at(t, j)?;
    day_month_year(t, m, d, k)
}

/// All-digit dates: 2025-12-04, 2025/12/04, 12/04/2025, 7/8/07, 04.12.2025;
/// and year ranges "2010-11".
fn numeric(t: T, i: usize) -> Option<(usize, Raw)> {
    let (a, na) = t.num_start(i)?;
    let sep = t.tok(i + 1)?;
    if sep.kind != Kind::Punct || !t.glued(i + 1) || !t.glued(i + 2) {
        return None;
    }
    let c = sep.ch;
    if !matches!(c, b'-' | b'/' | b'.') {
        return None;
    }
    let b_tok = t.tok(i + 2)?;
    if b_tok.kind != Kind::Num {
        return None;
    }
    let (b, nb) = (b_tok.num, b_tok.nd);
    let three = t.p(i + 3, c) && t.glued(i + 3) && t.glued(i + 4) && t.kind(i + 4) == Some(Kind::Num);
    if three {
        let ct = t.tok(i + 4)?;
        let (cv, nc) = (ct.num, ct.nd);
        // a fourth part ("1/2/3/4", "1.2.3.4") is not a date
        if (t.p(i + 5, c) || t.p(i + 5, b'.')) && t.glued(i + 5) && t.kind(i + 6) == Some(Kind::Num) {
            return None;
        }
        let (y, m, d) = if na == 4 && nb <= 2 && nc <= 2 && c != b'.' {
            (a as i32, b, cv)
        } else if na <= 2 && nb <= 2 && (nc == 4 || (nc == 2 && c == b'/')) {
            let y = if nc == 4 {
                cv as i32
            } else if cv < 50 {
                2000 + cv as i32
            } else {
                1900 + cv as i32
            };
            // European day.month.year and day-month-year, and slashes whose
            // first part cannot be a month; otherwise US month/day/year
            if c == b'.' || c == b'-' || a > 12 { (y, b, a) } else { (y, a, b) }
        } else {
            return None;
        };
        if !(1000..=2999).contains(&y) {
            return None;
        }
        return NaiveDate::from_ymd_opt(y, m, d).map(|_| (i + 5, Raw::Ymd(y, m, d)));
    }
    // "2010-11" season/fiscal span: the second part is the next year
    if c == b'-' && na == 4 && nb == 2 && (1900..=2099).contains(&a) && b == (a + 1) % 100 {
        if t.p(i + 3, b'-') || t.kind(i + 3) == Some(Kind::Num) {
            return None;
        }
        return Some((i + 3, Raw::Y(a as i32)));
    }
    None
}

/// Prepositions after which a bare number in 1900..=2100 is a year even
/// when a noun follows ("in 2008 sales rose").
const STRONG: &[&str] = &[
    "in",
    "since",
    "during",
    "until",
    "till",
    "through",
    "throughout",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "year",
    "fiscal",
    "circa",
];

/// A bare four-digit year, only in date context.
fn bare_year(t: T, i: usize, ctx_in: bool) -> Option<(usize, Raw)> {
    let y = year_at(t, i)?;
    if t.p(i + 1, b'%') || t.any(i + 1, &["percent", "per", "x"]) {
        return None;
    }
    let pw = t.pw(i);
    let strong = ctx_in && (STRONG.contains(&pw) || t.p(i.wrapping_sub(1), b'-'));
    let nw = t.w(i + 1);
    let next_plural = t.kind(i + 1) == Some(Kind::Word)
        && !t.cap(i + 1)
        && nw.len() > 3
        && nw.ends_with('s')
        && !nw.ends_with("ss")
        && !nw.ends_with("us")
        && !nw.ends_with("is");
    let ranged = |k: usize| year_at(t, k).is_some() || t.p(k, b')');
    // "in 2000 cases", "by 2015 votes": a count before a plural noun
    if next_plural {
        return None;
    }
    let ok = (strong && (1000..=2199).contains(&y))
        || ((1900..=2100).contains(&y)
            && (ctx_in
                || pw == "the"
                || (t.any(i.wrapping_sub(1), &["to", "and", "or", "through"]) && i >= 2 && ranged(i - 2))
                || (t.p(i.wrapping_sub(1), b'-') && t.glued(i) && i >= 2 && ranged(i - 2))
                || (t.p(i + 1, b'-') && t.glued(i + 1) && year_at(t, i + 2).is_some())));
    ok.then_some((i + 1, Raw::Y(y)))
}

fn ordinal_at(t: T, i: usize) -> Option<u32> {
    let tk = t.tok(i)?;
    match tk.kind {
        Kind::Word => ordinal_word(tk.w()),
        Kind::Mixed if (1..=2).contains(&tk.nd) && matches!(tk.suffix(), "st" | "nd" | "rd" | "th") => Some(tk.num),
        _ => None,
    }
}

/// "of 2008", "of this year", "of last year", "of the year": (year, end).
fn of_year(t: T, j: usize) -> Option<(YearRef, usize)> {
    if !t.is(j, "of") {
        return None;
    }
    if let Some(y) = year_at(t, j + 1) {
        return Some((YearRef::Abs(y), j + 2));
    }
    let off = match t.w(j + 1) {
        "this" | "the" => 0,
        "last" | "previous" => -1,
        "next" => 1,
        _ => return None,
    };
    t.is(j + 2, "year").then_some((YearRef::Rel(off), j + 3))
}

/// Forms that take "the": decades, centuries, quarters, halves, "the year
/// 2000", "the 4th of July". `i` is the token after "the".
fn the_forms(t: T, i: usize) -> Option<(usize, Raw)> {
    let tk = t.tok(i)?;
    // the 1990s, the 90s
    if tk.kind == Kind::Mixed && tk.suffix() == "s" && tk.num % 10 == 0 && (tk.nd == 4 || tk.nd == 2) {
        return Some((i + 1, decade(tk.num, tk.nd)));
    }
    if t.p(i, b'\'') {
        return the_forms(t, i + 1);
    }
    if tk.kind == Kind::Num && tk.nd == 4 && tk.num % 10 == 0 && t.p(i + 1, b'\'') && t.is(i + 2, "s") {
        return Some((i + 3, decade(tk.num, 4)));
    }
    if let Some(n) = ordinal_at(t, i) {
        let j = if t.p(i + 1, b'-') { i + 2 } else { i + 1 };
        if t.is(j, "century") && (1..=30).contains(&n) {
            return Some((j + 1, Raw::Century(n as i32 - 1)));
        }
        if t.is(j, "quarter") && (1..=4).contains(&n) {
            return Some(match of_year(t, j + 1) {
                Some((y, e)) => (e, Raw::Quarter(y, n)),
                None => (j + 1, Raw::Quarter(YearRef::Dir, n)),
            });
        }
        if t.is(j, "half") && (1..=2).contains(&n) {
            let (y, e) = of_year(t, j + 1)?;
            return Some((e, Raw::Half(y, n)));
        }
        if t.is(j, "of") && tk.kind == Kind::Mixed {
            return day_first(t, i);
        }
    }
    if t.is(i, "year")
        && let Some(y) = year_at(t, i + 1)
    {
        return Some((i + 2, Raw::Y(y)));
    }
    if let Some(y) = season_word(t.w(i))
        && t.is(i + 1, "of")
        && let Some(yr) = year_at(t, i + 2)
    {
        return Some((i + 3, Raw::Season(YearRef::Abs(yr), y)));
    }
    None
}

fn decade(num: u32, nd: u8) -> Raw {
    let full = if nd == 4 {
        num
    } else if num >= 20 {
        1900 + num
    } else {
        2000 + num
    };
    Raw::Decade(full as i32 / 10)
}

pub fn season_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// Christmas, New Year, Halloween, Valentine's Day, Boxing Day, Thanksgiving.
fn holiday(t: T, i: usize) -> Option<(usize, Raw)> {
    if !t.cap(i) {
        return None;
    }
    let (m, d, mut e) = match t.w(i) {
        "christmas" | "xmas" => {
            if t.is(i + 1, "eve") {
                (12, 24, i + 2)
            } else if t.is(i + 1, "day") {
                (12, 25, i + 2)
            } else {
                (12, 25, i + 1)
            }
        }
        "new" if t.is(i + 1, "year") && t.cap(i + 1) => {
            if t.any(
                i.wrapping_sub(1),
                &[
                    "chinese",
                    "lunar",
                    "jewish",
                    "persian",
                    "iranian",
                    "vietnamese",
                    "islamic",
                    "hindu",
                    "tamil",
                    "thai",
                ],
            ) && i > 0
            {
                return None;
            }
            let j = if t.p(i + 2, b'\'') && t.is(i + 3, "s") { i + 4 } else { i + 2 };
            if t.is(j, "eve") {
                (12, 31, j + 1)
            } else if t.is(j, "day") {
                (1, 1, j + 1)
            } else {
                (1, 1, i + 2)
            }
        }
        "halloween" => (10, 31, i + 1),
        "valentine" if t.p(i + 1, b'\'') && t.is(i + 2, "s") && t.is(i + 3, "day") => (2, 14, i + 4),
        "boxing" if t.is(i + 1, "day") => (12, 26, i + 2),
        "thanksgiving" => {
            let e = if t.is(i + 1, "day") { i + 2 } else { i + 1 };
            return Some((e, Raw::Thanksgiving));
        }
        _ => return None,
    };
    // "Christmas Island", "New Year Honours", "Christmas tree": names and
    // things, not the day
    if t.name_word(e)
        || t.any(
            e,
            &[
                "tree",
                "trees",
                "card",
                "cards",
                "carol",
                "carols",
                "lights",
                "decorations",
                "pudding",
                "cracker",
                "crackers",
                "jumper",
                "jumpers",
                "song",
                "songs",
                "movie",
                "film",
                "album",
                "single",
                "number",
                "hit",
                "spirit",
                "island",
            ],
        )
    {
        return None;
    }
    let mut raw = Raw::MonthDay(m, d);
    if let Some(y) = year_at(t, e) {
        raw = Raw::Ymd(y, m, d);
        e += 1;
    }
    Some((e, raw))
}

/// "fiscal 2008", "fiscal year 2008", "FY2008", "FY08".
fn fiscal(t: T, i: usize) -> Option<(usize, Raw)> {
    let tk = t.tok(i)?;
    if t.is(i, "fiscal") {
        let j = if t.is(i + 1, "year") { i + 2 } else { i + 1 };
        return year_at(t, j).map(|y| (j + 1, Raw::Fiscal(y)));
    }
    if tk.kind == Kind::Mixed && tk.w().starts_with("fy") {
        let digits = &tk.w()[2..];
        if digits.bytes().all(|b| b.is_ascii_digit()) && (digits.len() == 2 || digits.len() == 4) {
            let v: i32 = digits.parse().ok()?;
            let y = if digits.len() == 4 { v } else { 2000 + v };
            return Some((i + 1, Raw::Fiscal(y)));
        }
    }
    if t.is(i, "fy") && tk.cap {
        return year_at(t, i + 1).map(|y| (i + 2, Raw::Fiscal(y)));
    }
    None
}

/// "Q1", "Q3 2008".
fn q_form(t: T, i: usize) -> Option<(usize, Raw)> {
    let tk = t.tok(i)?;
    let w = tk.w();
    if tk.kind != Kind::Mixed || w.len() != 2 || !w.starts_with('q') || !tk.cap {
        return None;
    }
    let q = (w.as_bytes()[1] as char).to_digit(10)?;
    if !(1..=4).contains(&q) {
        return None;
    }
    match year_at(t, i + 1) {
        Some(y) => Some((i + 2, Raw::Quarter(YearRef::Abs(y), q))),
        None => Some((i + 1, Raw::Quarter(YearRef::Dir, q))),
    }
}

/// "H1 2024", "H2 2023": halves only with a year ("H1" alone is too many things).
fn h_form(t: T, i: usize) -> Option<(usize, Raw)> {
    let tk = t.tok(i)?;
    let w = tk.w();
    if tk.kind != Kind::Mixed || !tk.cap || !(w == "h1" || w == "h2") {
        return None;
    }
    let y = year_at(t, i + 1)?;
    Some((i + 2, Raw::Half(YearRef::Abs(y), if w == "h1" { 1 } else { 2 })))
}

/// Weekdays: "Friday", "Monday, June 3, 2008", "on Fridays" (a set).
fn weekday_form(t: T, i: usize, ctx: bool) -> Option<(usize, Raw)> {
    if !t.cap(i) || t.kind(i) != Some(Kind::Word) {
        return None;
    }
    let (w, plural) = weekday(t.w(i))?;
    if plural {
        return (!t.name_word(i + 1)).then(|| (i + 1, Raw::Set(format!("XXXX-WXX-{w}"))));
    }
    let j = if t.p(i + 1, b',') { i + 2 } else { i + 1 };
    if let Some((e, r)) = month_first(t, j, false).or_else(|| day_first(t, j))
        && matches!(r, Raw::Ymd(..) | Raw::MonthDay(..))
    {
        return Some((e, r));
    }
    // "Sunday Times", "Saturday Night Live", "Ruby Tuesday": a weekday inside a name
    if !ctx && (t.name_word(i + 1) || (i > 0 && t.name_word(i - 1) && !t.caps(i - 1))) {
        return None;
    }
    Some((i + 1, Raw::Weekday(w, Pick::Dir)))
}

/// "first-quarter profit", "second-half sales": a quarter or half of the
/// year by tense.
fn period_adjective(t: T, i: usize) -> Option<(usize, Raw)> {
    let n = ordinal_at(t, i)?;
    if !(t.p(i + 1, b'-') && t.glued(i + 1) && t.glued(i + 2)) {
        return None;
    }
    match t.w(i + 2) {
        "quarter" if (1..=4).contains(&n) => Some((i + 3, Raw::Quarter(YearRef::Dir, n))),
        "half" if (1..=2).contains(&n) => Some((i + 3, Raw::Half(YearRef::Dir, n))),
        _ => None,
    }
}

/// Calendar dates starting at token `i`.
pub fn date_at(t: T, i: usize, ctx_in: bool) -> Option<(usize, Raw)> {
    if t.is(i, "the") {
        return the_forms(t, i + 1);
    }
    let tk = t.tok(i)?;
    match tk.kind {
        Kind::Word => weekday_form(t, i, ctx_in)
            .or_else(|| month_first(t, i, ctx_in))
            .or_else(|| holiday(t, i))
            .or_else(|| fiscal(t, i))
            .or_else(|| {
                let s = season_word(t.w(i))?;
                year_at(t, i + 1).map(|y| (i + 2, Raw::Season(YearRef::Abs(y), s)))
            })
            .or_else(|| period_adjective(t, i)),
        Kind::Num if t.p(i + 1, b'\'') && t.is(i + 2, "s") && t.glued(i + 1) && t.glued(i + 2) => {
            // "1930's"
            let (v, nd) = t.num(i)?;
            (nd == 4 && v % 10 == 0).then(|| (i + 3, decade(v, 4)))
        }
        Kind::Num => numeric(t, i).or_else(|| day_first(t, i)).or_else(|| bare_year(t, i, ctx_in)),
        Kind::Mixed => {
            if tk.suffix() == "s" && tk.num % 10 == 0 && tk.nd == 4 {
                return Some((i + 1, decade(tk.num, 4)));
            }
            if tk.suffix() == "s" && tk.nd == 2 && tk.num % 10 == 0 && t.p(i.wrapping_sub(1), b'\'') && t.glued(i) {
                return Some((i + 1, decade(tk.num, 2)));
            }
            day_first(t, i)
                .or_else(|| q_form(t, i))
                .or_else(|| h_form(t, i))
                .or_else(|| fiscal(t, i))
                .or_else(|| period_adjective(t, i))
        }
        Kind::Punct => {
            // '90s
            if tk.ch == b'\'' {
                let n = t.tok(i + 1)?;
                if n.kind == Kind::Mixed && n.nd == 2 && n.suffix() == "s" && n.num % 10 == 0 && t.glued(i + 1) {
                    return Some((i + 2, decade(n.num, 2)));
                }
            }
            None
        }
    }
}
