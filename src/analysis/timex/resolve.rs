//! What the grammar understood (`Raw`) and how it becomes a TIMEX3 value.
//!
//! Resolution anchors relative expressions to the document creation time
//! (dct) or, for chains like "the following day", to the last day-level
//! date mentioned before. Direction (`Dir`) comes from verb tense: news looks
//! back by default. Without a dct nothing that depends on it gets a year:
//! values keep the granularity with `X`s (`XXXX-07`, `XXXX-WXX`, `XXXX-XX-XX`).

use super::super::TimexType;
use super::lexicon::Unit;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use std::fmt::Write as _;

/// Which way an underspecified date points from the dct.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Past,
    Future,
}

/// How "this/last/next" or tense picks among the occurrences of a month,
/// weekday or season.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// By tense: most recent on or before the dct, or next on or after.
    Dir,
    /// Strictly before the dct ("last Friday", "last July").
    Last,
    /// Strictly after ("next Friday").
    Next,
    /// In the dct's week or year ("this Friday", "this July").
    This,
}

/// Year of a quarter, half or season.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearRef {
    Abs(i32),
    /// Offset from the dct year ("this year" = 0).
    Rel(i32),
    /// Chosen by tense.
    Dir,
    /// The most recent one ("last summer") or the next one ("next summer").
    Past,
    Future,
}

/// Granularity of relative expressions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gran {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Gran {
    pub fn of(u: Unit) -> Option<Gran> {
        Some(match u {
            Unit::Day => Gran::Day,
            Unit::Week | Unit::Fortnight => Gran::Week,
            Unit::Month => Gran::Month,
            Unit::Quarter => Gran::Quarter,
            Unit::Year => Gran::Year,
            Unit::Decade => Gran::Decade,
            Unit::Century => Gran::Century,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Raw {
    Ymd(i32, u32, u32),
    Ym(i32, u32),
    Y(i32),
    /// "the 1990s" -> 199.
    Decade(i32),
    /// TimeML century value: the 21st century -> 20.
    Century(i32),
    Fiscal(i32),
    /// Fiscal year relative to the dct year ("the financial year").
    FiscalRel(i32),
    MonthDay(u32, u32),
    Month(u32, Pick),
    /// A month in a year relative to the dct's ("January next year").
    MonthY(u32, i32),
    /// A day in a year relative to the dct's ("30 June last year").
    MonthDayY(u32, u32, i32),
    /// A month in the year last mentioned ("in July that year").
    MonthThatYear(u32),
    /// "the weekend": the one before (or, looking ahead, after) the dct.
    Weekend,
    Weekday(u32, Pick),
    Thanksgiving,
    Quarter(YearRef, u32),
    Half(YearRef, u32),
    Season(YearRef, &'static str),
    /// Offset from the dct in units of the granularity ("last week" = Week, -1).
    Rel(Gran, i32),
    /// Offset from the last day-level date mentioned ("the following day").
    Chain(Gran, i32),
    /// "that day", "the same day": the last day-level date mentioned.
    Anaphor,
    Ref(&'static str),
    /// A day and a part of it ("Friday morning" -> TMO): TIME.
    Pod(Box<Raw>, &'static str),
    Time {
        h: u32,
        m: u32,
        utc: bool,
    },
    Dur(String),
    Set(String),
}

/// TIMEX3 duration value for `n` units (`None`: unspecified, `PXY`).
pub fn duration_value(n: Option<f64>, u: Unit) -> String {
    let (n, u) = match n {
        // Halves read better in the next smaller unit: half an hour -> PT30M.
        Some(x) if x < 1.0 && x > 0.0 => match u {
            Unit::Hour => (Some(x * 60.0), Unit::Minute),
            Unit::Day => (Some(x * 24.0), Unit::Hour),
            Unit::Year => (Some(x * 12.0), Unit::Month),
            Unit::Minute => (Some(x * 60.0), Unit::Second),
            _ => (Some(x), u),
        },
        _ => (n, u),
    };
    let (mul, letter, time) = match u {
        Unit::Second => (1.0, 'S', true),
        Unit::Minute => (1.0, 'M', true),
        Unit::Hour => (1.0, 'H', true),
        Unit::Day => (1.0, 'D', false),
        Unit::Week => (1.0, 'W', false),
        Unit::Fortnight => (2.0, 'W', false),
        Unit::Month => (1.0, 'M', false),
        Unit::Quarter => (3.0, 'M', false),
        Unit::Year => (1.0, 'Y', false),
        Unit::Decade => (10.0, 'Y', false),
        Unit::Century => (100.0, 'Y', false),
    };
    let t = if time { "T" } else { "" };
    match n {
        None => format!("P{t}X{letter}"),
        Some(x) => {
            let v = x * mul;
            if v.fract() == 0.0 { format!("P{t}{}{letter}", v as i64) } else { format!("P{t}{v}{letter}") }
        }
    }
}

/// Appends `n` zero-padded to `width` digits, as `{:0width$}` does, without
/// the formatting machinery for the common case: this runs for every date
/// of every article.
fn num(out: &mut String, n: impl Into<i64>, width: usize) {
    let n: i64 = n.into();
    if !(0..=9999).contains(&n) {
        let _ = write!(out, "{n:0width$}");
        return;
    }
    let digits = if n >= 1000 {
        4
    } else if n >= 100 {
        3
    } else if n >= 10 {
        2
    } else {
        1
    };
    out.extend(std::iter::repeat_n('0', width.saturating_sub(digits)));
    let mut buf = [0u8; 4];
    let mut v = n as u32;
    for slot in buf[..digits].iter_mut().rev() {
        *slot = b'0' + (v % 10) as u8;
        v /= 10;
    }
    out.extend(buf[..digits].iter().map(|&b| b as char));
}

fn ymd(out: &mut String, d: NaiveDate) {
    num(out, d.year(), 4);
    out.push('-');
    num(out, d.month(), 2);
    out.push('-');
    num(out, d.day(), 2);
}

fn week(out: &mut String, d: NaiveDate) {
    let w = d.iso_week();
    num(out, w.year(), 4);
    out.push_str("-W");
    num(out, w.week(), 2);
}

fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 { d.checked_add_days(Days::new(n as u64)) } else { d.checked_sub_days(Days::new(n.unsigned_abs())) }
}

/// Appends the value of `base` moved by `off` units of `g`; `None` base
/// (or a date out of range) gives the X form.
fn shifted(out: &mut String, base: Option<NaiveDate>, g: Gran, off: i32) {
    let x = match g {
        Gran::Day => "XXXX-XX-XX",
        Gran::Week => "XXXX-WXX",
        Gran::Weekend => "XXXX-WXX-WE",
        Gran::Month => "XXXX-XX",
        Gran::Quarter => "XXXX-QX",
        Gran::Year => "XXXX",
        Gran::Decade => "XXX",
        Gran::Century => "XX",
    };
    let Some(b) = base else { return out.push_str(x) };
    let week_off = |n: i32| add_days(b, 7 * n as i64);
    match g {
        Gran::Day => match add_days(b, off as i64) {
            Some(d) => ymd(out, d),
            None => out.push_str(x),
        },
        Gran::Week | Gran::Weekend => match week_off(off) {
            Some(d) => {
                week(out, d);
                if g == Gran::Weekend {
                    out.push_str("-WE");
                }
            }
            None => out.push_str(x),
        },
        Gran::Month => match add_months(b, off) {
            Some(d) => {
                num(out, d.year(), 4);
                out.push('-');
                num(out, d.month(), 2);
            }
            None => out.push_str(x),
        },
        Gran::Quarter => {
            let q = b.year() * 4 + (b.month0() / 3) as i32 + off;
            num(out, q.div_euclid(4), 4);
            out.push_str("-Q");
            num(out, q.rem_euclid(4) + 1, 1);
        }
        Gran::Year => num(out, b.year() + off, 4),
        Gran::Decade => num(out, b.year().div_euclid(10) + off, 3),
        Gran::Century => num(out, b.year().div_euclid(100) + off, 2),
    }
}

/// Keeps the dct and the chain anchor while an article is read in order.
pub struct Resolver {
    pub dct: Option<NaiveDate>,
    /// Last day-level date mentioned (or resolved) so far.
    pub anchor: Option<NaiveDate>,
    /// Last absolute date of any granularity (a year, a month or a day), for
    /// chains in coarser units: "in 2010 ... three years later" -> 2013.
    pub coarse: Option<(NaiveDate, Gran)>,
}

fn rank(g: Gran) -> u8 {
    match g {
        Gran::Day => 0,
        Gran::Week | Gran::Weekend => 1,
        Gran::Month => 2,
        Gran::Quarter => 3,
        Gran::Year => 4,
        Gran::Decade => 5,
        Gran::Century => 6,
    }
}

impl Resolver {
    pub fn new(dct: Option<NaiveDate>) -> Self {
        Resolver { dct, anchor: None, coarse: None }
    }

    /// Year of a part of a year (quarter, half, season). `ahead`: in the
    /// dct's year it starts after the dct; `behind`: it ended before the dct.
    /// Looking back, one still ahead is last year's; looking forward, one
    /// already behind is next year's.
    fn year_of(&self, y: YearRef, dir: Dir, ahead: bool, behind: bool) -> Option<i32> {
        if let YearRef::Abs(y) = y {
            return Some(y);
        }
        let d = self.dct?;
        let dir = match y {
            YearRef::Past => Dir::Past,
            YearRef::Future => Dir::Future,
            _ => dir,
        };
        Some(match y {
            YearRef::Rel(o) => d.year() + o,
            _ => match dir {
                Dir::Past if ahead => d.year() - 1,
                Dir::Future if behind => d.year() + 1,
                _ => d.year(),
            },
        })
    }

    /// Year for month `m` (day `d`, 0 = whole month) picked from the dct.
    fn pick_year(&self, m: u32, d: u32, pick: Pick, dir: Dir) -> Option<i32> {
        let dct = self.dct?;
        let here = (dct.month(), if d == 0 { 0 } else { dct.day() });
        let there = (m, d);
        let y = dct.year();
        Some(match pick {
            Pick::This => y,
            Pick::Last => {
                if there < here {
                    y
                } else {
                    y - 1
                }
            }
            Pick::Next => {
                if there > here {
                    y
                } else {
                    y + 1
                }
            }
            Pick::Dir => match dir {
                Dir::Past if there > here => y - 1,
                Dir::Future if there < here => y + 1,
                _ => y,
            },
        })
    }

    fn day_value(&mut self, out: &mut String, d: NaiveDate) {
        self.anchor = Some(d);
        self.coarse = Some((d, Gran::Day));
        ymd(out, d)
    }

    /// Type of `raw`; its value is appended to `out`. `day` is a day-level
    /// value from the same sentence that clock times attach to. Values are
    /// written into the caller's buffer: one allocation per date was a
    /// visible share of the whole analysis.
    pub fn resolve(&mut self, raw: &Raw, dir: Dir, day: Option<&str>, out: &mut String) -> TimexType {
        use TimexType::*;
        let dct = self.dct;
        match raw {
            Raw::Ymd(y, m, d) => match NaiveDate::from_ymd_opt(*y, *m, *d) {
                Some(x) => self.day_value(out, x),
                None => {
                    num(out, *y, 4);
                    out.push('-');
                    num(out, *m, 2);
                    out.push('-');
                    num(out, *d, 2);
                }
            },
            Raw::Ym(y, m) => {
                if let Some(d) = NaiveDate::from_ymd_opt(*y, *m, 1) {
                    self.coarse = Some((d, Gran::Month));
                }
                num(out, *y, 4);
                out.push('-');
                num(out, *m, 2);
            }
            Raw::Y(y) => {
                if let Some(d) = NaiveDate::from_ymd_opt(*y, 1, 1) {
                    self.coarse = Some((d, Gran::Year));
                }
                num(out, *y, 4);
            }
            Raw::Decade(d) => {
                if let Some(x) = NaiveDate::from_ymd_opt(d * 10, 1, 1) {
                    self.coarse = Some((x, Gran::Decade));
                }
                num(out, *d, 3);
            }
            Raw::Century(c) => num(out, *c, 2),
            Raw::MonthThatYear(m) => match self.coarse.filter(|(_, g)| rank(*g) <= rank(Gran::Year)) {
                Some((d, _)) => {
                    num(out, d.year(), 4);
                    out.push('-');
                    num(out, *m, 2);
                }
                None => return self.resolve(&Raw::Month(*m, Pick::Dir), dir, day, out),
            },
            Raw::Weekend => match dct {
                Some(d) => {
                    // the weekend on or before the dct, or on or after it
                    let sat = d.weekday().days_since(Weekday::Sat) as i64;
                    let off = match dir {
                        Dir::Past if sat <= 1 => 0,
                        Dir::Past => -sat,
                        Dir::Future => (7 - sat).rem_euclid(7),
                    };
                    match add_days(d, off) {
                        Some(x) => {
                            week(out, x);
                            out.push_str("-WE");
                        }
                        None => out.push_str("XXXX-WXX-WE"),
                    }
                }
                None => out.push_str("XXXX-WXX-WE"),
            },
            Raw::Fiscal(y) => {
                out.push_str("FY");
                num(out, *y, 4);
            }
            Raw::FiscalRel(o) => match dct {
                Some(d) => {
                    out.push_str("FY");
                    num(out, d.year() + o, 4);
                }
                None => out.push_str("FYXXXX"),
            },
            Raw::MonthDay(m, d) => match self.pick_year(*m, *d, Pick::Dir, dir) {
                Some(y) => return self.resolve(&Raw::Ymd(y, *m, *d), dir, day, out),
                None => month_day(out, None, *m, *d),
            },
            Raw::Month(m, pick) => match self.pick_year(*m, 0, *pick, dir) {
                Some(y) => year_month(out, Some(y), *m),
                None => year_month(out, None, *m),
            },
            Raw::MonthDayY(m, d, off) => match dct {
                Some(x) => return self.resolve(&Raw::Ymd(x.year() + off, *m, *d), dir, day, out),
                None => month_day(out, None, *m, *d),
            },
            Raw::MonthY(m, off) => year_month(out, dct.map(|d| d.year() + off), *m),
            Raw::Weekday(w, pick) => {
                let Some(d) = dct else {
                    out.push_str("XXXX-WXX-");
                    num(out, *w, 1);
                    return Date;
                };
                let cur = d.weekday().number_from_monday() as i64;
                let w = *w as i64;
                let back = (cur - w).rem_euclid(7);
                let fwd = (w - cur).rem_euclid(7);
                let off = match pick {
                    Pick::Last => -(if back == 0 { 7 } else { back }),
                    Pick::Next => {
                        if fwd == 0 {
                            7
                        } else {
                            fwd
                        }
                    }
                    Pick::This => w - cur,
                    // same weekday as the dct: the dct itself, either way
                    Pick::Dir => match dir {
                        Dir::Past => -back,
                        Dir::Future => fwd,
                    },
                };
                match add_days(d, off) {
                    Some(x) => self.day_value(out, x),
                    None => out.push_str("XXXX-XX-XX"),
                }
            }
            Raw::Thanksgiving => {
                let y = self.pick_year(11, 28, Pick::Dir, dir);
                match y.and_then(|y| NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Thu, 4)) {
                    Some(x) => self.day_value(out, x),
                    None => out.push_str("XXXX-11-XX"),
                }
            }
            Raw::Quarter(y, q) => {
                let cur = dct.map_or(0, |d| d.month0() / 3 + 1);
                part_of_year(out, self.year_of(*y, dir, *q > cur, *q < cur), 'Q', *q);
            }
            Raw::Half(y, h) => {
                let cur = dct.map_or(0, |d| if d.month() <= 6 { 1 } else { 2 });
                part_of_year(out, self.year_of(*y, dir, *h > cur, *h < cur), 'H', *h);
            }
            Raw::Season(y, s) => {
                // first month of the season (winter: December)
                let start = match *s {
                    "SP" => 3,
                    "SU" => 6,
                    "FA" => 9,
                    _ => 12,
                };
                let m = dct.map_or(1, |d| d.month());
                match self.year_of(*y, dir, start > m, start + 2 < m) {
                    Some(y) => num(out, y, 4),
                    None => out.push_str("XXXX"),
                }
                out.push('-');
                out.push_str(s);
            }
            Raw::Rel(g, off) => {
                shifted(out, dct, *g, *off);
                if *g == Gran::Day {
                    self.anchor = dct.and_then(|d| add_days(d, *off as i64));
                }
            }
            Raw::Chain(g, off) => {
                let base = match self.coarse {
                    Some((d, cg)) if rank(cg) <= rank(*g) => Some(d),
                    _ => self.anchor.or(dct),
                };
                shifted(out, base, *g, *off);
                if *g == Gran::Day {
                    self.anchor = base.and_then(|d| add_days(d, *off as i64));
                }
            }
            Raw::Anaphor => shifted(out, self.anchor.or(dct), Gran::Day, 0),
            Raw::Ref(r) => out.push_str(r),
            Raw::Pod(inner, p) => {
                self.resolve(inner, dir, day, out);
                out.push('T');
                out.push_str(p);
                return Time;
            }
            Raw::Time { h, m, utc } => {
                match day {
                    Some(d) => out.push_str(d),
                    None => shifted(out, dct, Gran::Day, 0),
                }
                out.push('T');
                num(out, *h, 2);
                out.push(':');
                num(out, *m, 2);
                if *utc {
                    out.push('Z');
                }
                return Time;
            }
            Raw::Dur(v) => {
                out.push_str(v);
                return Duration;
            }
            Raw::Set(v) => {
                out.push_str(v);
                return Set;
            }
        }
        Date
    }
}

/// `YYYY-MM`, or `XXXX-MM` without a year.
fn year_month(out: &mut String, y: Option<i32>, m: u32) {
    match y {
        Some(y) => num(out, y, 4),
        None => out.push_str("XXXX"),
    }
    out.push('-');
    num(out, m, 2);
}

/// `XXXX-MM-DD`: a day whose year is unknown.
fn month_day(out: &mut String, y: Option<i32>, m: u32, d: u32) {
    year_month(out, y, m);
    out.push('-');
    num(out, d, 2);
}

/// `YYYY-Q3`, `XXXX-H1`...
fn part_of_year(out: &mut String, y: Option<i32>, letter: char, n: u32) {
    match y {
        Some(y) => num(out, y, 4),
        None => out.push_str("XXXX"),
    }
    out.push('-');
    out.push(letter);
    num(out, n, 1);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written padding must agree with `format!`'s `{:0w$}`
    /// everywhere, including the values it hands back to `format!`.
    #[test]
    fn num_pads_like_format() {
        for n in [0i64, 7, 42, 999, 1000, 2025, 9999, 10_000, 123_456, -1, -42, -2025, i64::from(u32::MAX)] {
            for width in 1..=4 {
                let mut out = String::from("x");
                num(&mut out, n, width);
                assert_eq!(out, format!("x{n:0width$}"), "{n} width {width}");
            }
        }
    }
}
