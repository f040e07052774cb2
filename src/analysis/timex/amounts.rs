//! Quantities of time: durations ("four years", "18 months", "the past
//! decade", "fifty-year", "almost two and a half years"), sets ("every
//! week", "15 a year", "annually", "on Mondays" is in `scan`), and clock
//! times ("3 p.m.", "18:00 UTC", "noon", "midnight").

use super::lexicon::{Unit, number_word, unit, zone};
use super::resolve::{Raw, duration_value};
use super::scan::T;
use super::token::Kind;

/// A quantity before a unit: (value or unspecified, end). `None` value for
/// "several", "a few", "many".
fn quantity(t: T, i: usize) -> Option<(Option<f64>, usize)> {
    let tk = t.tok(i)?;
    if tk.kind == Kind::Num {
        let (v, nd) = t.num_start(i)?;
        if nd > 5 {
            return None;
        }
        // "2.5 years"
        if t.p(i + 1, b'.') && t.glued(i + 1) && t.glued(i + 2) && t.kind(i + 2) == Some(Kind::Num) {
            let frac = t.tok(i + 2)?;
            let s = format!("{v}.{}", &t.w(i + 2)[..frac.nd as usize]);
            return s.parse().ok().map(|x| (Some(x), i + 3));
        }
        t.num(i)?;
        return Some((Some(v as f64), i + 1));
    }
    let w = tk.w();
    if let Some(n) = number_word(w) {
        if w == "hundred" || w == "dozen" {
            return None;
        }
        // "twenty-five"
        if n >= 20
            && n % 10 == 0
            && t.p(i + 1, b'-')
            && t.glued(i + 1)
            && t.glued(i + 2)
            && let Some(k) = number_word(t.w(i + 2)).filter(|k| *k < 10)
        {
            return Some((Some((n + k) as f64), i + 3));
        }
        return Some((Some(n as f64), i + 1));
    }
    match w {
        "a" | "an" => {
            if t.is(i + 1, "few") {
                Some((None, i + 2))
            } else if t.is(i + 1, "couple") && t.is(i + 2, "of") {
                Some((Some(2.0), i + 3))
            } else {
                Some((Some(1.0), i + 1))
            }
        }
        "several" | "few" | "many" => Some((None, i + 1)),
        "half" if t.any(i + 1, &["a", "an"]) => Some((Some(0.5), i + 2)),
        "dozens" | "hundreds" | "thousands" if t.is(i + 1, "of") => Some((None, i + 2)),
        _ => None,
    }
}

/// A quantity and its unit: "four years", "18 months", "a week", "two and a
/// half years", "fifty-year", "decades-long". Ages ("45-year-old", "45 years
/// old") are not durations here.
pub fn dur_core(t: T, i: usize) -> Option<(usize, Option<f64>, Unit)> {
    let (mut n, mut j) = quantity(t, i)?;
    let article = t.any(i, &["a", "an"]) && j == i + 1;
    // "two and a half years"
    if n.is_some() && t.is(j, "and") && t.is(j + 1, "a") && t.is(j + 2, "half") {
        n = n.map(|x| x + 0.5);
        j += 3;
    }
    let hyphen = t.p(j, b'-') && t.glued(j) && t.glued(j + 1);
    if hyphen {
        j += 1;
    }
    let (u, plural) = unit(t.w(j))?;
    if hyphen && plural {
        return None;
    }
    // "30 Seconds to Mars", "For 3 Weeks": a capitalised unit is a title
    if t.cap(j) && !t.tok(j).is_some_and(|x| x.caps) {
        return None;
    }
    let mut e = j + 1;
    // ages: "45-year-old", "45 years old", "25 years of age"
    if (t.p(e, b'-') && t.is(e + 1, "old")) || t.is(e, "old") || (t.is(e, "of") && t.is(e + 1, "age")) {
        return None;
    }
    // "a second term", "a quarter of", "one second thought"
    if matches!(u, Unit::Second | Unit::Quarter) && (article || n.is_none()) {
        return None;
    }
    if t.is(i, "one") && !plural && u == Unit::Second {
        return None;
    }
    if article && plural {
        return None;
    }
    // "a year and a half"
    if n == Some(1.0) && t.is(e, "and") && t.is(e + 1, "a") && t.is(e + 2, "half") {
        n = Some(1.5);
        e += 3;
    }
    if t.p(e, b'-') && t.glued(e) && t.is(e + 1, "long") {
        e += 2;
    }
    Some((e, n, u))
}

fn approx(w: &str) -> bool {
    matches!(w, "almost" | "nearly" | "about" | "approximately" | "roughly" | "around")
}

fn set_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "annual" | "annually" | "yearly" => "P1Y",
        "daily" | "nightly" => "P1D",
        "weekly" => "P1W",
        "monthly" => "P1M",
        "hourly" => "PT1H",
        "quarterly" => "P3M",
        _ => return None,
    })
}

/// Words before "a year" that make it a rate ("15 a year", "twice a year",
/// "$5 billion a year", "24 hours a day").
fn rate_before(t: T, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let p = i - 1;
    if t.kind(p) == Some(Kind::Num) || t.kind(p) == Some(Kind::Mixed) {
        return true;
    }
    let w = t.w(p);
    if number_word(w).is_some()
        || matches!(
            w,
            "times"
                | "twice"
                | "once"
                | "thrice"
                | "million"
                | "billion"
                | "thousand"
                | "hundred"
                | "trillion"
                | "bn"
                | "m"
        )
        || unit(w).is_some_and(|(_, pl)| pl)
    {
        return true;
    }
    // "15 tankers a year"
    p >= 1 && t.kind(p - 1) == Some(Kind::Num) && w.ends_with('s')
}

fn sets(t: T, i: usize) -> Option<(usize, Raw)> {
    let w = t.w(i);
    if let Some(v) = set_word(w) {
        // "Daily Mail", "China Daily", "Weekly Standard": names
        if t.cap(i) && i > 0 && t.kind(i - 1) != Some(Kind::Punct) {
            return None;
        }
        if t.cap(i) && t.name_word(i + 1) {
            return None;
        }
        return Some((i + 1, Raw::Set(v.into())));
    }
    if matches!(w, "every" | "each") {
        let mut j = i + 1;
        let mut mul = 1.0;
        if t.is(j, "other") {
            mul = 2.0;
            j += 1;
        }
        if let Some((e, n, u)) = dur_core(t, j)
            && let Some(n) = n
        {
            return Some((e, Raw::Set(duration_value(Some(n * mul), u))));
        }
        if let Some((u, false)) = unit(t.w(j)) {
            return Some((j + 1, Raw::Set(duration_value(Some(mul), u))));
        }
        if let Some((d, false)) = super::lexicon::weekday(t.w(j))
            && t.cap(j)
        {
            return Some((j + 1, Raw::Set(format!("XXXX-WXX-{d}"))));
        }
        return None;
    }
    if w == "per" || (matches!(w, "a" | "an") && rate_before(t, i)) {
        if let Some((u, false)) = unit(t.w(i + 1))
            && (u != Unit::Quarter || w == "per")
        {
            return Some((i + 2, Raw::Set(duration_value(Some(1.0), u))));
        }
        if t.is(i + 1, "annum") {
            return Some((i + 2, Raw::Set("P1Y".into())));
        }
    }
    None
}

/// Words after "the" that open a span ("the past two years", "the next
/// decade"): also read by the scan's check of the word after "the".
pub const SPAN_WORDS: &[&str] =
    &["past", "last", "next", "first", "coming", "following", "previous", "final", "initial", "latest"];

fn durations(t: T, i: usize) -> Option<(usize, Raw)> {
    let w = t.w(i);
    if approx(w) {
        let (e, n, u) = dur_core(t, i + 1)?;
        return Some((e, Raw::Dur(duration_value(n, u))));
    }
    if w == "the" {
        let j = i + 1;
        if t.any(j, SPAN_WORDS) {
            let k = if approx(t.w(j + 1)) { j + 2 } else { j + 1 };
            if let Some((e, n, u)) = dur_core(t, k)
                && !t.any(k, &["a", "an"])
            {
                return Some((e, Raw::Dur(duration_value(n, u))));
            }
            // "the past decade", "the last year": one unit, as a duration
            if t.any(j, &["past", "last"])
                && let Some((u, false)) = unit(t.w(j + 1))
                && matches!(u, Unit::Week | Unit::Month | Unit::Year | Unit::Decade | Unit::Century)
            {
                return Some((j + 2, Raw::Dur(duration_value(Some(1.0), u))));
            }
            return None;
        }
        // "over the years"
        if t.any(i.wrapping_sub(1), &["over", "through", "across"])
            && i > 0
            && let Some((u, true)) = unit(t.w(j))
            && !matches!(u, Unit::Second | Unit::Quarter)
        {
            return Some((j + 1, Raw::Dur(duration_value(None, u))));
        }
        return None;
    }
    // "for years", "in decades", "decades-long"
    if let Some((u, true)) = unit(w) {
        let long = t.p(i + 1, b'-') && t.glued(i + 1) && t.is(i + 2, "long");
        if long {
            return Some((i + 3, Raw::Dur(duration_value(None, u))));
        }
        if t.any(i.wrapping_sub(1), &["for", "within", "in"])
            && i > 0
            && !t.is(i + 1, "ago")
            && !matches!(u, Unit::Second | Unit::Quarter)
        {
            return Some((i + 1, Raw::Dur(duration_value(None, u))));
        }
        return None;
    }
    let (e, n, u) = dur_core(t, i)?;
    Some((e, Raw::Dur(duration_value(n, u))))
}

/// "a.m.", "p.m.", "am", "pm" at `j`: (is pm, end).
fn ampm(t: T, j: usize) -> Option<(bool, usize)> {
    let w = t.w(j);
    match w {
        "am" | "pm" => Some((w == "pm", j + 1)),
        "a" | "p" if t.p(j + 1, b'.') && t.is(j + 2, "m") && t.glued(j + 1) && t.glued(j + 2) => {
            let e = if t.p(j + 3, b'.') && t.glued(j + 3) { j + 4 } else { j + 3 };
            Some((w == "p", e))
        }
        _ => None,
    }
}

/// Zone after a clock time: "UTC", "GMT", "EST", "(GMT +8)", "local time".
fn zone_after(t: T, j: usize) -> (usize, Option<bool>) {
    if t.cap(j)
        && let Some(z) = zone(t.w(j))
    {
        // "GMT+8"
        if (t.p(j + 1, b'+') || t.p(j + 1, b'-')) && t.kind(j + 2) == Some(Kind::Num) {
            return (j + 3, Some(false));
        }
        return (j + 1, Some(z));
    }
    if t.p(j, b'(') && t.cap(j + 1) && zone(t.w(j + 1)).is_some() {
        let mut k = j + 2;
        while k < j + 6 && k < t.len() {
            if t.p(k, b')') {
                let offset = k > j + 2;
                return (k + 1, Some(!offset && zone(t.w(j + 1)) == Some(true)));
            }
            k += 1;
        }
    }
    if t.is(j, "local") && t.is(j + 1, "time") {
        return (j + 2, Some(false));
    }
    (j, None)
}

fn clock(t: T, i: usize) -> Option<(usize, Raw)> {
    let tk = t.tok(i)?;
    let w = tk.w();
    match w {
        "noon" | "midday" => {
            return Some((i + 1, Raw::Time { h: 12, m: 0, utc: false }));
        }
        "midnight" => {
            return Some((i + 1, Raw::Time { h: 24, m: 0, utc: false }));
        }
        _ => {}
    }
    // "eleven o'clock", "3 o'clock"
    if t.is(i + 1, "o") && t.p(i + 2, b'\'') && t.is(i + 3, "clock") {
        let h = match tk.kind {
            Kind::Num if tk.nd <= 2 => tk.num,
            Kind::Word => number_word(w).unwrap_or(0),
            _ => 0,
        };
        if (1..=12).contains(&h) {
            let (e, z) = zone_after(t, i + 4);
            return Some((e, Raw::Time { h, m: 0, utc: z == Some(true) }));
        }
    }
    // "9.30am", "5.57pm""
    if tk.kind == Kind::Num
        && tk.nd <= 2
        && t.p(i + 1, b'.')
        && t.glued(i + 1)
        && t.glued(i + 2)
        && let Some(mt) = t.tok(i + 2)
        && mt.kind == Kind::Mixed
        && mt.nd == 2
        && matches!(mt.suffix(), "am" | "pm")
        && mt.num <= 59
        && (1..=12).contains(&tk.num)
    {
        let h = to24(tk.num, mt.suffix() == "pm");
        let (e, z) = zone_after(t, i + 3);
        return Some((e, Raw::Time { h, m: mt.num, utc: z == Some(true) }));
    }
    // "3pm", "10am"
    if tk.kind == Kind::Mixed && matches!(tk.suffix(), "am" | "pm") && (1..=2).contains(&tk.nd) {
        let h = tk.num;
        if !(1..=12).contains(&h) {
            return None;
        }
        let h = to24(h, tk.suffix() == "pm");
        let (e, z) = zone_after(t, i + 1);
        return Some((e, Raw::Time { h, m: 0, utc: z == Some(true) }));
    }
    let (h, nd) = t.num(i)?;
    if nd > 2 {
        return None;
    }
    let mut m = 0;
    let mut j = i + 1;
    let colon = t.p(j, b':') && t.glued(j) && t.glued(j + 1) && t.kind(j + 1) == Some(Kind::Num);
    if colon {
        let mt = t.tok(j + 1)?;
        if mt.nd != 2 || mt.num > 59 || h > 24 {
            return None;
        }
        // "2:03:59" race times, "3:16:5" verses
        if t.p(j + 2, b':') && t.glued(j + 2) {
            return None;
        }
        m = mt.num;
        j += 2;
    }
    let (mut h, mut j) = (h, j);
    let mut marked = false;
    if let Some((pm, e)) = ampm(t, j) {
        if !(1..=12).contains(&h) {
            return None;
        }
        h = to24(h, pm);
        j = e;
        marked = true;
    }
    if !colon && !marked {
        return None;
    }
    let (e, z) = zone_after(t, j);
    let cue = t.any(
        i.wrapping_sub(1),
        &["at", "by", "from", "until", "till", "around", "about", "before", "after", "since", "between", "and", "to"],
    ) && i > 0;
    if !marked && z.is_none() && !cue {
        return None;
    }
    Some((e, Raw::Time { h, m, utc: z == Some(true) }))
}

fn to24(h: u32, pm: bool) -> u32 {
    match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    }
}

/// Sets, durations and clock times starting at `i`; the longest wins.
pub fn amount_at(t: T, i: usize) -> Option<(usize, Raw)> {
    let mut best: Option<(usize, Raw)> = None;
    for r in [sets(t, i), durations(t, i), clock(t, i)].into_iter().flatten() {
        if best.as_ref().is_none_or(|b| r.0 > b.0) {
            best = Some(r);
        }
    }
    best
}
