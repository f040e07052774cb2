//! The timeline: sentences with a date that fixes at least a month, in
//! chronological order, with the same event told by several articles shown
//! once (DESIGN.md section 3).

use super::{Analysis, Kind, ascii};
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
}

/// A calendar position that may lack its year (`XXXX-12-04`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateKey {
    pub year: Option<i32>,
    pub month: u8,
    pub day: Option<u8>,
}

impl DateKey {
    /// Reads a TIMEX3 value that fixes at least a month: `2025-12-04`,
    /// `2025-12`, `XXXX-12-04`, `2025-12-04T15:00`. Weeks, seasons,
    /// quarters and bare years are not precise enough for an event.
    pub fn parse(value: &str) -> Option<DateKey> {
        let date = value.split('T').next()?;
        let mut parts = date.split('-');
        let year = parts.next()?;
        let year = if year == "XXXX" { None } else { Some(year.parse::<i32>().ok().filter(|_| year.len() == 4)?) };
        let month: u8 = parts.next()?.parse().ok().filter(|m| (1..=12).contains(m))?;
        let day = match parts.next() {
            None => None,
            Some(d) => Some(d.parse::<u8>().ok().filter(|d| (1..=31).contains(d))?),
        };
        if parts.next().is_some() {
            return None;
        }
        Some(DateKey { year, month, day })
    }

    pub fn precision(&self) -> Precision {
        if self.day.is_some() { Precision::Day } else { Precision::Month }
    }

    /// Dated events first, in order; unknown years after, by month and day.
    /// Within a month, the month itself sorts before its days.
    fn sort_key(&self) -> (bool, i32, u8, u8) {
        (self.year.is_none(), self.year.unwrap_or(0), self.month, self.day.unwrap_or(0))
    }
}

impl std::fmt::Display for DateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}-{:02}", self.month)?,
            None => write!(f, "????-{:02}", self.month)?,
        }
        match self.day {
            Some(d) => write!(f, "-{d:02}"),
            None => Ok(()),
        }
    }
}

/// One row of the timeline. Kept small: a corpus of 100,000 articles has
/// about a million; what can be derived (the sentence's entities, its text)
/// is derived from the article when needed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub date: DateKey,
    /// The article that tells it first (in corpus order).
    pub article: u32,
    /// Byte range of the sentence in that article's body.
    pub sentence: Range<usize>,
    /// Index of the DATE mention in that article's analysis.
    pub mention: usize,
    /// The other articles that tell the same event.
    pub also: Vec<u32>,
}

impl Event {
    /// Every article that tells this event, the first one first.
    pub fn sources(&self) -> impl Iterator<Item = u32> + '_ {
        std::iter::once(self.article).chain(self.also.iter().copied())
    }

    pub fn source_count(&self) -> usize {
        1 + self.also.len()
    }

    /// The names in the event's sentence (not dates), as the article's
    /// analysis links them, each once, in order.
    pub fn entities<'a>(&self, analysis: &'a Analysis) -> Vec<(Kind, &'a str)> {
        sentence_entities(analysis, &self.sentence)
    }
}

/// The names (not dates) in the sentence at `r`, each once, in order.
fn sentence_entities<'a>(analysis: &'a Analysis, r: &Range<usize>) -> Vec<(Kind, &'a str)> {
    let mut out = Vec::new();
    sentence_entities_into(analysis, r, &mut out);
    out
}

/// [`sentence_entities`] into a cleared `out`, so a caller can reuse it.
fn sentence_entities_into<'a>(analysis: &'a Analysis, r: &Range<usize>, out: &mut Vec<(Kind, &'a str)>) {
    out.clear();
    for m in mentions_in(analysis, r).filter(|m| m.kind != Kind::Date) {
        let e = (m.kind, analysis.name(m));
        if !out.contains(&e) {
            out.push(e);
        }
    }
}

fn mentions_in<'a>(analysis: &'a Analysis, r: &Range<usize>) -> impl Iterator<Item = &'a super::Mention> {
    let first = analysis.mentions.partition_point(|m| (m.start as usize) < r.start);
    analysis.mentions[first..].iter().take_while(move |m| (m.end as usize) <= r.end)
}

/// An article to take events from.
pub struct Input<'a> {
    pub article: u32,
    pub body: &'a str,
    pub analysis: &'a Analysis,
}

/// An event before merging, with what merging compares. Compact (about a
/// million are held at once on a large corpus): the `Event` is built only
/// for the rows that survive merging.
struct Candidate {
    date: DateKey,
    start: u32,
    end: u32,
    /// Index of the DATE mention in the article's analysis.
    mention: u32,
    /// Hashes of the names in the sentence: `ArticleEvents::names[names]`.
    names: (u32, u32),
    words: Signature,
}

/// The candidates of one article, with the name hashes of all of them in
/// one vector rather than one allocation each.
struct ArticleEvents {
    cands: Vec<Candidate>,
    names: Vec<u64>,
}

impl ArticleEvents {
    fn names(&self, c: &Candidate) -> &[u64] {
        &self.names[c.names.0 as usize..c.names.1 as usize]
    }
}

/// Events of one article: one per sentence and date.
fn article_events(input: &Input) -> ArticleEvents {
    let a = input.analysis;
    let mut out = ArticleEvents { cands: Vec::new(), names: Vec::new() };
    let mut scratch = Vec::new();
    for &(mention, start, end) in &a.date_sentences {
        let m = &a.mentions[mention as usize];
        let Some(date) = DateKey::parse(a.name(m)) else { continue };
        if out.cands.iter().any(|c| (c.start, c.end) == (start, end) && c.date == date) {
            continue;
        }
        // Dates of one sentence come together: its names and words are
        // the same for each.
        let (names, words) = match out.cands.last() {
            Some(c) if (c.start, c.end) == (start, end) => (c.names, c.words),
            _ => {
                let sentence = start as usize..end as usize;
                let from = out.names.len() as u32;
                sentence_entities_into(a, &sentence, &mut scratch);
                out.names.extend(scratch.iter().map(|(_, n)| hash(n.as_bytes())));
                ((from, out.names.len() as u32), Signature::of(&input.body[sentence]))
            }
        };
        out.cands.push(Candidate { date, start, end, mention, names, words });
    }
    out.cands.shrink_to_fit();
    out.names.shrink_to_fit();
    out
}

/// FNV-1a: tiny and fast; used for bucketing only, never for security.
fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_BASIS, |h, &b| (h ^ b as u64).wrapping_mul(FNV_PRIME))
}

const FNV_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// The words of a sentence as a 256-bit set, so that comparing two
/// sentences is a few popcounts rather than two hash sets per event.
#[derive(Clone, Copy)]
struct Signature([u64; 4]);

impl Signature {
    /// Words are runs of alphanumeric chars longer than two bytes, hashed
    /// lowercased (ASCII) with FNV-1a; the hash's low byte picks the bit.
    /// That byte depends on the low bytes of the state and input only (xor
    /// and multiply carry upward, never down), so an 8-bit state gives the
    /// same bits as the 64-bit hash at a fraction of the work: this runs
    /// over every dated sentence, a third of a large corpus.
    fn of(sentence: &str) -> Signature {
        const BASIS: u8 = FNV_BASIS as u8;
        const PRIME: u8 = FNV_PRIME as u8;
        let mut bits = [0u64; 4];
        let mut set = |h: u8, len: usize| {
            if len > 2 {
                bits[h as usize >> 6] |= 1 << (h & 63);
            }
        };
        let b = sentence.as_bytes();
        let (mut h, mut len) = (BASIS, 0usize);
        let mut i = 0;
        while let Some(&c) = b.get(i) {
            if ascii::CLASS[c as usize] != 0 {
                // ASCII letters and digits all have 0x20 set once lowercased.
                h = (h ^ (c | 0x20)).wrapping_mul(PRIME);
                (len, i) = (len + 1, i + 1);
                continue;
            }
            let mut n = 1;
            if c >= 0x80 {
                let ch = sentence[i..].chars().next().unwrap_or(' ');
                n = ch.len_utf8();
                if ch.is_alphanumeric() {
                    for &c in &b[i..i + n] {
                        h = (h ^ c).wrapping_mul(PRIME);
                    }
                    (len, i) = (len + n, i + n);
                    continue;
                }
            }
            set(h, len);
            (h, len) = (BASIS, 0);
            i += n;
        }
        set(h, len);
        Signature(bits)
    }

    /// Estimated word overlap (Jaccard) of at least 0.3.
    fn similar(&self, other: &Signature) -> bool {
        let (mut shared, mut union) = (0, 0);
        for (a, b) in self.0.iter().zip(&other.0) {
            shared += (a & b).count_ones();
            union += (a | b).count_ones();
        }
        union > 0 && shared * 10 >= union * 3
    }
}

/// Builds the timeline from articles given in corpus order: events sorted,
/// and the same event told by several articles (same date, a shared
/// entity, similar sentence) merged into one row with its sources.
///
/// Finding each article's events runs in parallel. Then the events are
/// sorted by date (stable, so corpus order holds within a day) and merged
/// one date at a time, so the bookkeeping for merging never holds more than
/// one day's events.
pub fn build(inputs: &[Input]) -> Vec<Event> {
    use rayon::prelude::*;
    // Per article rather than flattened into one vector, and sorted as a
    // list of positions: the candidates are never copied or moved, which
    // kept two or three copies of them alive at the peak.
    let per_article: Vec<ArticleEvents> = inputs.par_iter().map(article_events).collect();
    let mut order: Vec<(u32, u32)> = Vec::with_capacity(per_article.iter().map(|e| e.cands.len()).sum());
    for (a, ev) in per_article.iter().enumerate() {
        order.extend((0..ev.cands.len() as u32).map(|k| (a as u32, k)));
    }
    // Stable: corpus order holds within a day.
    order.par_sort_by_cached_key(|&(a, k)| per_article[a as usize].cands[k as usize].date.sort_key());
    let mut events: Vec<Event> = Vec::with_capacity(order.len());
    // The day's events by name, newest first: `by_name` holds the head of
    // each name's list in `links`, as (event, previous link). One flat
    // vector instead of a vector per name and day.
    // Keys are already hashes; hashbrown's default hasher is far cheaper
    // than SipHash, and the map's order is never read.
    let mut by_name: hashbrown::HashMap<u64, u32> = hashbrown::HashMap::new();
    let mut links: Vec<(u32, u32)> = Vec::new();
    let mut words: Vec<Signature> = Vec::new();
    let mut day_start = 0;
    for (a, k) in order {
        let ev = &per_article[a as usize];
        let cand = &ev.cands[k as usize];
        let article = inputs[a as usize].article;
        if events.get(day_start).is_some_and(|e| e.date != cand.date) {
            by_name.clear();
            links.clear();
            words.clear();
            day_start = events.len();
        }
        // Bounded: a name told on one day by thousands of events compares
        // against the latest few only.
        let same = ev.names(cand).iter().find_map(|name| {
            let mut link = *by_name.get(name)?;
            let mut seen = 0;
            while link != u32::MAX && seen < 32 {
                let (c, prev) = links[link as usize];
                if words[c as usize - day_start].similar(&cand.words) {
                    return Some(c as usize);
                }
                (link, seen) = (prev, seen + 1);
            }
            None
        });
        match same {
            Some(c) => {
                let target = &mut events[c];
                if target.article != article && !target.also.contains(&article) {
                    target.also.push(article);
                }
            }
            None => {
                for &name in ev.names(cand) {
                    let head = by_name.entry(name).or_insert(u32::MAX);
                    links.push((events.len() as u32, *head));
                    *head = links.len() as u32 - 1;
                }
                events.push(Event {
                    date: cand.date,
                    article,
                    sentence: cand.start as usize..cand.end as usize,
                    mention: cand.mention as usize,
                    also: Vec::new(),
                });
                words.push(cand.words);
            }
        }
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Mention, TimexType};

    fn analysis(body: &str, dates: &[(&str, &str)], names: &[&str]) -> Analysis {
        let mut a = Analysis::default();
        for (text, value) in dates {
            let start = body.find(text).unwrap();
            a.names.push(value);
            a.mentions.push(Mention {
                start: start as u32,
                end: (start + text.len()) as u32,
                kind: Kind::Date,
                timex: Some(TimexType::Date),
                name: a.names.len() as u32 - 1,
            });
        }
        for n in names {
            let start = body.find(n).unwrap();
            a.names.push(n);
            let name = a.names.len() as u32 - 1;
            a.mentions.push(Mention {
                start: start as u32,
                end: (start + n.len()) as u32,
                kind: Kind::Person,
                timex: None,
                name,
            });
        }
        a.mentions.sort_by_key(|m| m.start);
        a.date_sentences = super::super::date_sentences(&a.mentions, &crate::analysis::sentences::split(body));
        a
    }

    /// The signature as first written: the full 64-bit FNV-1a of each
    /// lowercased word, char by char.
    fn reference_signature(sentence: &str) -> [u64; 4] {
        let mut bits = [0u64; 4];
        for w in sentence.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 2) {
            let h = hash(w.to_ascii_lowercase().as_bytes()) as usize;
            bits[(h >> 6) & 3] |= 1 << (h & 63);
        }
        bits
    }

    #[test]
    fn signatures_match_the_full_hash() {
        for s in [
            "",
            "On December 4, Governor Khinstin announced the monument in Kursk.",
            "Kim Jong Un’s New Year’s message: «heroic» participation (SWO) in 2025—Pyongyang",
            "Zürich, São Paulo and Đà Nẵng; ΑΘΗΝΑ and Москва; 東京 ２０２５ x1 ab abc",
            "trailing word",
            "  spaces\tand\nnewlines\u{a0}nbsp ",
        ] {
            assert_eq!(Signature::of(s).0, reference_signature(s), "{s}");
        }
    }

    #[test]
    fn date_keys() {
        assert_eq!(DateKey::parse("2025-12-04").map(|d| d.to_string()).as_deref(), Some("2025-12-04"));
        assert_eq!(DateKey::parse("XXXX-12-04").map(|d| d.to_string()).as_deref(), Some("????-12-04"));
        assert_eq!(DateKey::parse("2025-07").unwrap().precision(), Precision::Month);
        assert_eq!(DateKey::parse("2025-12-04T15:00").unwrap().precision(), Precision::Day);
        for not_an_event in ["2025", "2025-W48", "P4Y", "PRESENT_REF", "2025-Q1", "2025-SU", "19", "2025-13"] {
            assert_eq!(DateKey::parse(not_an_event), None, "{not_an_event}");
        }
    }

    #[test]
    fn order_puts_unknown_years_last() {
        let body = "Kim came on December 4. Lavrov spoke in July. Putin left on 3 May 2024.";
        let a = analysis(body, &[("December 4", "XXXX-12-04"), ("July", "XXXX-07"), ("3 May 2024", "2024-05-03")], &[]);
        let ev = build(&[Input { article: 0, body, analysis: &a }]);
        let dates: Vec<String> = ev.iter().map(|e| e.date.to_string()).collect();
        assert_eq!(dates, ["2024-05-03", "????-07", "????-12-04"]);
        assert_eq!(&body[ev[2].sentence.clone()], "Kim came on December 4.");
    }

    #[test]
    fn same_event_in_two_articles_is_one_row_with_two_sources() {
        let b1 = "Governor Khinstin announced the monument in Kursk on December 4.";
        let b2 = "On December 4, Governor Khinstin announced a monument in Kursk.";
        let b3 = "On December 4, Lavrov met Cho in Wonsan.";
        let a1 = analysis(b1, &[("December 4", "2025-12-04")], &["Khinstin"]);
        let a2 = analysis(b2, &[("December 4", "2025-12-04")], &["Khinstin"]);
        let a3 = analysis(b3, &[("December 4", "2025-12-04")], &["Lavrov"]);
        let ev = build(&[
            Input { article: 0, body: b1, analysis: &a1 },
            Input { article: 1, body: b2, analysis: &a2 },
            Input { article: 2, body: b3, analysis: &a3 },
        ]);
        assert_eq!(ev.len(), 2);
        assert_eq!(ev[0].sources().collect::<Vec<_>>(), [0, 1]);
        assert_eq!(ev[1].sources().collect::<Vec<_>>(), [2]);
    }

    #[test]
    fn durations_and_sets_are_not_events() {
        let body = "For four years, every week.";
        let mut a = analysis(body, &[("four years", "P4Y")], &[]);
        a.mentions[0].timex = Some(TimexType::Duration);
        a.date_sentences = super::super::date_sentences(&a.mentions, &crate::analysis::sentences::split(body));
        assert!(build(&[Input { article: 0, body, analysis: &a }]).is_empty());
    }
}
