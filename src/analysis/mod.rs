//! Text analysis: sentences, named entities, temporal expressions.
//!
//! Everything here is a pure function of an article body (and, for dates,
//! its reference date). Offsets are byte offsets into the normalised body;
//! the headless JSON output converts them to character offsets at the edge.

pub mod entities;
pub mod sentences;
pub mod timeline;
pub mod timex;

use serde::Serialize;
use std::ops::Range;

/// What a mention names. `Misc` covers nationalities and named events: shown,
/// never scored as one of the four.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Kind {
    Person,
    Place,
    Org,
    Date,
    Misc,
}

impl Kind {
    /// Three letters, for narrow columns.
    pub fn short(self) -> &'static str {
        match self {
            Kind::Person => "per",
            Kind::Place => "pla",
            Kind::Org => "org",
            Kind::Date => "dat",
            Kind::Misc => "mis",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "PERSON",
            Kind::Place => "PLACE",
            Kind::Org => "ORG",
            Kind::Date => "DATE",
            Kind::Misc => "MISC",
        }
    }
}

/// A name found in a body: `body[start..end]` is the surface text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameMention {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The name this mention stands for after alias linking
    /// ("Putin" -> "Vladimir Putin").
    pub canonical: String,
}

/// TimeML TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// A temporal expression: `body[start..end]` is the surface text, `value`
/// the TIMEX3 value (`2025-12-04`, `XXXX-12-04`, `P4Y`, `PRESENT_REF`...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimexMention {
    pub start: usize,
    pub end: usize,
    pub ty: TimexType,
    pub value: String,
}

/// One mention in an analysed article, kept compact (a corpus holds
/// millions): byte offsets, kind, and an index into [`Analysis::names`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    /// For DATE mentions, the TIMEX3 type; `names[name]` is then the value.
    pub timex: Option<TimexType>,
    /// Index into [`Analysis::names`]: the canonical name, or the TIMEX3
    /// value of a DATE.
    pub name: u32,
}

/// What the analysis found in one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Names, then dates, merged in body order, never overlapping.
    pub mentions: Vec<Mention>,
    /// The distinct canonical names and TIMEX3 values the mentions point to.
    pub names: Vec<Box<str>>,
    /// For each DATE or TIME mention: (mention index, start, end of its
    /// sentence), so the timeline need not split the text again.
    pub date_sentences: Vec<(u32, u32, u32)>,
}

impl Analysis {
    pub fn name(&self, m: &Mention) -> &str {
        &self.names[m.name as usize]
    }

    pub fn range(m: &Mention) -> Range<usize> {
        m.start as usize..m.end as usize
    }
}

/// Analyses one body. `dct` is the date relative expressions resolve
/// against (the article's date, else the reference date).
pub fn analyze(body: &str, dct: Option<chrono::NaiveDate>) -> Analysis {
    let sents = sentences::split(body);
    let names = entities::extract(body, &sents);
    let dates = timex::find(body, &sents, dct);
    let mut out = Analysis::default();
    // Keys borrow from `names` and `dates`, which outlive the map: no
    // allocation per mention.
    let mut index: hashbrown::HashMap<&str, u32> = hashbrown::HashMap::new();
    // Dates win where a name rule and a date rule claim the same words
    // ("New Year" is a date, not an organisation).
    for t in &dates {
        let name = intern(&mut index, &mut out.names, &t.value);
        out.mentions.push(Mention {
            start: t.start as u32,
            end: t.end as u32,
            kind: Kind::Date,
            timex: Some(t.ty),
            name,
        });
    }
    // Both lists are sorted and non-overlapping: one pass finds the clashes.
    let mut next_date = 0;
    for n in &names {
        while dates.get(next_date).is_some_and(|t| t.end <= n.start) {
            next_date += 1;
        }
        if dates.get(next_date).is_some_and(|t| t.start < n.end) {
            continue;
        }
        let name = intern(&mut index, &mut out.names, &n.canonical);
        out.mentions.push(Mention { start: n.start as u32, end: n.end as u32, kind: n.kind, timex: None, name });
    }
    out.mentions.sort_by_key(|m| m.start);
    out.date_sentences = date_sentences(&out.mentions, &sents);
    out
}

fn intern<'a>(index: &mut hashbrown::HashMap<&'a str, u32>, names: &mut Vec<Box<str>>, s: &'a str) -> u32 {
    *index.entry(s).or_insert_with(|| {
        names.push(s.into());
        names.len() as u32 - 1
    })
}

/// The sentence of each DATE/TIME mention (see [`Analysis::date_sentences`]).
pub(crate) fn date_sentences(mentions: &[Mention], sents: &[Range<usize>]) -> Vec<(u32, u32, u32)> {
    mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| matches!(m.timex, Some(TimexType::Date | TimexType::Time)))
        .filter_map(|(i, m)| {
            let at = sents.partition_point(|s| s.end <= m.start as usize);
            let s = sents.get(at).filter(|s| s.start <= m.start as usize)?;
            Some((i as u32, s.start as u32, s.end as u32))
        })
        .collect()
}
