//! Text analysis: sentences, named entities, temporal expressions.
//!
//! Everything here is a pure function of an article body (and, for dates,
//! its reference date). Offsets are byte offsets into the normalised body;
//! the headless JSON output converts them to character offsets at the edge.

mod ascii;
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
    pub names: Names,
    /// For each DATE or TIME mention: (mention index, start, end of its
    /// sentence), so the timeline need not split the text again.
    pub date_sentences: Vec<(u32, u32, u32)>,
}

/// Distinct strings of one article (canonical names and TIMEX3 values) in
/// one buffer: a corpus holds millions of names, and one allocation per
/// article instead of one per name saves both the allocator's overhead and
/// its time.
pub type Names = crate::strings::Strings;

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
    let mut out = Analysis::default();
    // Room for a typical article up front (names run at about one byte in
    // eight of text, mentions at one per 40 to 60 bytes), trimmed at the
    // end: growing these a doubling at a time was the largest source of
    // allocator work in the whole run.
    out.mentions.reserve(8 + body.len() / 40);
    // Interned by content, so each distinct string is stored once.
    let mut names = crate::strings::Interner::with_capacity(8 + body.len() / 64, 64 + body.len() / 8);
    // Dates win where a name rule and a date rule claim the same words
    // ("New Year" is a date, not an organisation).
    timex::find_each(body, &sents, dct, true, |start, end, ty, value| {
        let name = names.intern(value);
        out.mentions.push(Mention { start: start as u32, end: end as u32, kind: Kind::Date, timex: Some(ty), name });
    });
    let n_dates = out.mentions.len();
    // Both lists are sorted and non-overlapping: one pass finds the clashes.
    // Names arrive through a callback with their canonical form borrowed,
    // so none is allocated just to be copied here.
    let mut next_date = 0;
    entities::extract_each(body, &sents, |start, end, kind, canonical| {
        let (start32, end32) = (start as u32, end as u32);
        while next_date < n_dates && out.mentions[next_date].end <= start32 {
            next_date += 1;
        }
        if next_date < n_dates && out.mentions[next_date].start < end32 {
            return;
        }
        let name = names.intern(canonical);
        out.mentions.push(Mention { start: start as u32, end: end as u32, kind, timex: None, name });
    });
    out.mentions.sort_by_key(|m| m.start);
    out.date_sentences = date_sentences(&out.mentions, &sents);
    // Kept for the life of the corpus: no spare capacity.
    out.mentions.shrink_to_fit();
    out.date_sentences.shrink_to_fit();
    out.names = names.into_strings();
    out.names.shrink_to_fit();
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The entity and date passes keep per-thread scratch (buffers, a word
    /// memo) between articles: what one article leaves there must never
    /// change the next one's result, whatever its size.
    #[test]
    fn results_do_not_depend_on_earlier_articles() {
        let a = "Prime Minister Piotr Novak said on 4 December 2025 that the Ministry of Finance would act.";
        let b = "Analyst Jane Doe of UBS met Kim Jong Un in Pyongyang last week, KCNA said on Monday.";
        let huge = a.repeat(20_000); // over the scratch size kept between articles
        let dct = chrono::NaiveDate::from_ymd_opt(2026, 1, 2);
        let fresh = std::thread::spawn(move || analyze(b, dct)).join().expect("thread");
        assert!(fresh.mentions.len() >= 5, "{fresh:?}");
        for before in [a, huge.as_str(), b] {
            analyze(before, dct);
            assert_eq!(analyze(b, dct), fresh);
        }
    }
}
