//! Word lists: month and weekday names, time units, number words, and the
//! prefilter's trigger words. Plain tables, looked up on lowercase text.

/// Month number of a full month name.
pub fn month(w: &str) -> Option<u32> {
    Some(match w {
        "january" => 1,
        "february" => 2,
        "march" => 3,
        "april" => 4,
        "may" => 5,
        "june" => 6,
        "july" => 7,
        "august" => 8,
        "september" => 9,
        "october" => 10,
        "november" => 11,
        "december" => 12,
        _ => return None,
    })
}

/// Month number of an abbreviation ("Dec", "Sept"). Only trusted before a
/// day or year number: "Jan" and "Mar" are also names and words.
pub fn month_abbr(w: &str) -> Option<u32> {
    Some(match w {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

/// Months that are also common names or words ("Theresa May", "they march",
/// "August Strindberg", "April Smith", "June Carter"): alone they count as
/// months only in date context.
pub fn month_is_ambiguous(m: u32) -> bool {
    matches!(m, 3 | 4 | 5 | 6 | 8)
}

/// ISO weekday number (Monday = 1) of a weekday name, and whether it is plural.
pub fn weekday(w: &str) -> Option<(u32, bool)> {
    let (stem, plural) = match w.strip_suffix('s') {
        Some(s) if s.ends_with("day") => (s, true),
        _ => (w, false),
    };
    let d = match stem {
        "monday" => 1,
        "tuesday" => 2,
        "wednesday" => 3,
        "thursday" => 4,
        "friday" => 5,
        "saturday" => 6,
        "sunday" => 7,
        _ => return None,
    };
    Some((d, plural))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// A time unit and whether the word is plural.
pub fn unit(w: &str) -> Option<(Unit, bool)> {
    use Unit::*;
    // Called for most words of every sentence: reject by first letter (the
    // initials of the words below) before comparing strings.
    if !matches!(w.as_bytes().first(), Some(b's' | b'm' | b'h' | b'd' | b'w' | b'f' | b'q' | b'y' | b'c')) {
        return None;
    }
    Some(match w {
        "second" => (Second, false),
        "seconds" | "secs" => (Second, true),
        "minute" => (Minute, false),
        "minutes" | "mins" => (Minute, true),
        "hour" => (Hour, false),
        "hours" => (Hour, true),
        "day" => (Day, false),
        "days" => (Day, true),
        "week" => (Week, false),
        "weeks" => (Week, true),
        "fortnight" => (Fortnight, false),
        "fortnights" => (Fortnight, true),
        "month" => (Month, false),
        "months" => (Month, true),
        "quarter" => (Quarter, false),
        "quarters" => (Quarter, true),
        "year" => (Year, false),
        "years" => (Year, true),
        "decade" => (Decade, false),
        "decades" => (Decade, true),
        "century" => (Century, false),
        "centuries" => (Century, true),
        _ => return None,
    })
}

/// Cardinal number words up to ninety, plus "dozen".
pub fn number_word(w: &str) -> Option<u32> {
    // As in `unit`: the initials of the words below.
    if !matches!(w.as_bytes().first(), Some(b'o' | b't' | b'f' | b's' | b'e' | b'n' | b'h' | b'd')) {
        return None;
    }
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        _ => return None,
    })
}

/// Ordinal words and their numbers ("first" .. "thirty-first" is spelled
/// with a hyphen, handled by the caller; here the single words).
pub fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// Words that, just before a bare number or an ambiguous month name, say a
/// date follows ("in 2009", "since May", "until March").
pub fn date_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "by"
            | "until"
            | "till"
            | "from"
            | "during"
            | "before"
            | "after"
            | "through"
            | "throughout"
            | "between"
            | "early"
            | "late"
            | "mid"
            | "around"
            | "circa"
            | "last"
            | "next"
            | "this"
            | "on"
            | "fiscal"
            | "year"
            | "spring"
            | "summer"
            | "autumn"
            | "winter"
    )
}

/// Time zone names accepted after a clock time; the bool says "UTC" (value gets `Z`).
pub fn zone(w: &str) -> Option<bool> {
    Some(match w {
        "utc" | "gmt" | "z" => true,
        "est" | "edt" | "cst" | "cdt" | "mst" | "mdt" | "pst" | "pdt" | "cet" | "cest" | "bst" | "msk" | "jst"
        | "ist" | "aest" | "aedt" | "et" | "pt" | "ct" | "hkt" | "sgt" => false,
        _ => return None,
    })
}

/// Substrings whose presence (ASCII case-insensitive) lets a sentence through
/// the prefilter. A sentence without any of these, and without a digit, has
/// no temporal expression the grammar could match.
pub const TRIGGERS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
    "day", // today, yesterday, weekdays, holiday
    "tonight",
    "tomorrow",
    "week",
    "month",
    "year",
    "decade",
    "centur",
    "hour",
    "minute",
    "second",
    "fortnight",
    "quarter",
    "now",
    "current",
    "recent",
    "lately",
    "annual",
    "daily",
    "hourly",
    "morning",
    "afternoon",
    "evening",
    "night",
    "noon",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "christmas",
    "halloween",
    "thanksgiving",
    "valentine",
    "future",
    "past",
    "present",
    "soon",
    "later",
    "fiscal",
    "moment",
    "clock",
    "annum",
    "xmas",
    "0",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
];
