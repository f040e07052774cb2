//! Deterministic synthetic news corpus, for benches and tests.
//!
//! `article(seed, i)` is a pure function of `(seed, i)`: each article gets
//! its own PRNG stream (splitmix64, written here because it is ten lines and
//! the project needs nothing else from a `rand` crate), so articles can be
//! generated in parallel and the same `(seed, N)` always gives the same bytes.
//!
//! The text is built to make the analysis and the search index do real work:
//! titled people ("Foreign Minister Anna Kovacs said"), places ("in Lisbon"),
//! organisations ("the Ministry of Energy", "Northwind Airlines"), dates in
//! many forms ("on 4 December 2025", "last Friday", "in July", "2024-03-05"),
//! diacritics ("Zürich", "Müller"), and invented surnames, towns and rare
//! words drawn with a skewed distribution so the vocabulary keeps growing
//! with N like a real corpus's does.

mod words;
pub mod write;

pub use write::{WriteStats, write_corpus};

use crate::analysis::Kind;
use chrono::{Datelike, Duration, NaiveDate};
use words::*;

/// The seed the bench and the example use unless told otherwise.
pub const DEFAULT_SEED: u64 = 0x00D0_551E_2025;

/// One generated article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynthArticle {
    /// A headline: short, no full stop.
    pub title: String,
    /// The article date, `YYYY-MM-DD`.
    pub date: String,
    /// 3 to 6 KB of paragraphs separated by blank lines.
    pub body: String,
    /// A news outlet name, for the front matter and JSONL formats.
    pub source: &'static str,
    /// The cast of people, places and organisations the generator drew
    /// from (organisations without a leading "the"); the lead, the first
    /// place and usually the rest appear in the text. For benches that need
    /// entity names without running the analysis.
    pub names: Vec<(Kind, String)>,
}

/// splitmix64: tiny, fast, and good enough for test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, i: usize) -> Rng {
        let mut r = Rng(seed ^ (i as u64).wrapping_mul(0xA076_1D64_78BD_642F));
        r.next(); // decorrelate neighbouring i
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    /// A skewed index in `0..n`: small values are much more likely (cube of
    /// a uniform), so a few invented names recur across many articles while
    /// most are rare, as in real news.
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * u * u) * n as f64) as usize
    }
}

/// A word made of syllables, deterministic in `k` (so "invented name 17" is
/// the same string in every article that draws it).
fn invented(k: usize, syllables: usize) -> String {
    let mut r = Rng::new(0x5EED, k);
    let mut s = String::new();
    for _ in 0..syllables {
        s.push_str(r.pick(SYLLABLES));
    }
    s
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn surname(r: &mut Rng) -> String {
    if r.chance(55) {
        r.pick(SURNAMES).to_string()
    } else {
        let k = r.skewed(30_000);
        capitalise(&invented(k, 2 + k % 2)) + ["", "ov", "ski", "son", "ez"][k % 5]
    }
}

fn place(r: &mut Rng) -> String {
    if r.chance(70) {
        r.pick(PLACES).to_string()
    } else {
        let k = r.skewed(20_000);
        capitalise(&invented(k + 1_000_000, 2)) + ["insk", "ville", "burg", "ia", "ovo"][k % 5]
    }
}

fn org(r: &mut Rng) -> String {
    match r.below(4) {
        0 => format!("the Ministry of {}", r.pick(ORG_MINISTRIES)),
        1 => format!("{} {}", r.pick(ORG_PREFIX), r.pick(ORG_SUFFIX)),
        2 => r.pick(ORG_FIXED).to_string(),
        _ => format!("the {} Regional Council", place(r)),
    }
}

fn rare_word(r: &mut Rng) -> String {
    let k = r.skewed(300_000);
    invented(k + 2_000_000, 2 + k % 3)
}

/// A date expression relative to the article date `d`, in one of many forms.
fn date_expr(r: &mut Rng, d: NaiveDate) -> String {
    let past = d - Duration::days(1 + r.below(300) as i64);
    let month = MONTHS[past.month0() as usize];
    match r.below(10) {
        0 => format!("on {} {} {}", past.day(), month, past.year()),
        1 => format!("last {}", r.pick(WEEKDAYS)),
        2 => format!("in {month}"),
        3 => past.format("%Y-%m-%d").to_string(),
        4 => format!("on {} {}", month, past.day()),
        5 => "yesterday".to_string(),
        6 => format!("in {} {}", month, past.year()),
        7 => format!("on {}", r.pick(WEEKDAYS)),
        8 => "earlier this week".to_string(),
        _ => format!("next {}", ["month", "week", "year"][r.below(3)]),
    }
}

struct Cast {
    lead: String,
    lead_title: &'static str,
    others: Vec<String>,
    places: Vec<String>,
    orgs: Vec<String>,
}

fn person(r: &mut Rng) -> String {
    format!("{} {}", r.pick(GIVEN), surname(r))
}

fn sentence(r: &mut Rng, c: &Cast, d: NaiveDate) -> String {
    let other = c.others[r.below(c.others.len())].clone();
    let pl = &c.places[r.below(c.places.len())];
    let or = &c.orgs[r.below(c.orgs.len())];
    let tail = r.pick(CLAUSE_TAILS);
    let mut s = match r.below(9) {
        0 => format!("{} {} said {} that {} {tail}.", c.lead_title, c.lead, date_expr(r, d), r.pick(FILLER)),
        1 => format!(
            "Speaking in {pl}, {other}, a senior official at {or}, told reporters that the {} {} {tail}.",
            r.pick(ADJECTIVES),
            r.pick(NOUNS)
        ),
        2 => format!(
            "{} announced {} that the {} {} in {pl} had been {}.",
            capitalise(or),
            date_expr(r, d),
            r.pick(ADJECTIVES),
            r.pick(NOUNS),
            r.pick(VERBS_PAST)
        ),
        3 => format!("The talks in {pl} {} were attended by {other} and representatives of {or}.", date_expr(r, d)),
        4 => format!(
            "According to {or}, the {} was {} {} after {} raised objections.",
            r.pick(NOUNS),
            r.pick(VERBS_PAST),
            date_expr(r, d),
            r.pick(FILLER)
        ),
        5 => format!(
            "{} {} {} the {} {} and said the {tail}.",
            capitalise(r.pick(FILLER)),
            r.pick(VERBS_PAST),
            r.pick(ADJECTIVES),
            r.pick(NOUNS),
            r.pick(NOUNS)
        ),
        6 => format!("In {pl}, {} said the {} {} {tail}.", r.pick(FILLER), r.pick(NOUNS), r.pick(ADJECTIVES)),
        7 => format!("{other} of {or} said {} {tail}.", r.pick(FILLER)),
        _ => format!(
            "\"We {} the {} {},\" {} said {}.",
            r.pick(VERBS_PAST),
            r.pick(ADJECTIVES),
            r.pick(NOUNS),
            c.lead,
            date_expr(r, d)
        ),
    };
    // Rare words give the vocabulary a realistic long tail.
    if r.chance(40) {
        s.pop();
        s.push_str(&format!(", a point {} described as {}.", r.pick(FILLER), rare_word(r)));
    }
    s
}

/// Generate article `i` of the corpus for `seed`.
pub fn article(seed: u64, i: usize) -> SynthArticle {
    let mut r = Rng::new(seed, i);
    let base = NaiveDate::from_ymd_opt(2023, 1, 1).expect("valid date");
    let d = base + Duration::days(r.below(1277) as i64); // up to mid 2026
    let lead = person(&mut r);
    let cast = Cast {
        lead_title: r.pick(TITLES),
        lead: lead.clone(),
        others: (0..3).map(|_| person(&mut r)).collect(),
        places: (0..3).map(|_| place(&mut r)).collect(),
        orgs: (0..3).map(|_| org(&mut r)).collect(),
    };
    let lead_surname = lead.rsplit(' ').next().unwrap_or(&lead).to_string();
    let title = format!(
        "{} {} {} {} in {}",
        lead_surname,
        r.pick(HEADLINE_VERBS),
        r.pick(ADJECTIVES),
        r.pick(NOUNS),
        cast.places[0]
    );
    let target = 3000 + r.below(1800);
    let mut body = format!(
        "{}, {} {} {} - {} {} said {} that the {} {} {}.",
        cast.places[0].to_uppercase(),
        d.day(),
        MONTHS[d.month0() as usize],
        d.year(),
        cast.lead_title,
        lead,
        date_expr(&mut r, d),
        r.pick(NOUNS),
        r.pick(VERBS_PAST),
        r.pick(CLAUSE_TAILS),
    );
    while body.len() < target {
        body.push_str("\n\n");
        for k in 0..(3 + r.below(3)) {
            if k > 0 {
                body.push(' ');
            }
            body.push_str(&sentence(&mut r, &cast, d));
        }
    }
    let mut names = vec![(Kind::Person, cast.lead.clone())];
    names.extend(cast.others.iter().map(|p| (Kind::Person, p.clone())));
    names.extend(cast.places.iter().map(|p| (Kind::Place, p.clone())));
    names.extend(cast.orgs.iter().map(|o| (Kind::Org, o.strip_prefix("the ").unwrap_or(o).to_string())));
    names.sort();
    names.dedup();
    SynthArticle { names, title, date: d.format("%Y-%m-%d").to_string(), body, source: r.pick(SOURCES) }
}
