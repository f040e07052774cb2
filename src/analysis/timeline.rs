//! The timeline: sentences with a date that fixes at least a month, in
//! chronological order, with the same event told by several articles shown
//! once (DESIGN.md section 3).

use super::{Analysis, Kind, TimexType, sentences};
use std::collections::{HashMap, HashSet};
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

/// One row of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub date: DateKey,
    /// The article that tells it first (in corpus order).
    pub article: u32,
    /// Byte range of the sentence in that article's body.
    pub sentence: Range<usize>,
    /// Index of the DATE mention in that article's analysis.
    pub mention: usize,
    /// Canonical names of the entities in the sentence (not dates).
    pub entities: Vec<Box<str>>,
    /// Every article that tells this event, the first one included.
    pub sources: Vec<u32>,
}

/// An article to take events from.
pub struct Input<'a> {
    pub article: u32,
    pub body: &'a str,
    pub analysis: &'a Analysis,
}

/// Events of one article, before merging across the corpus.
pub fn article_events(input: &Input) -> Vec<Event> {
    let a = input.analysis;
    let dated: Vec<(usize, DateKey)> = a
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| matches!(m.timex, Some(TimexType::Date | TimexType::Time)))
        .filter_map(|(i, m)| Some((i, DateKey::parse(a.name(m))?)))
        .collect();
    if dated.is_empty() {
        return Vec::new();
    }
    let sents = sentences::split(input.body);
    let mut out: Vec<Event> = Vec::new();
    for (i, date) in dated {
        let start = a.mentions[i].start as usize;
        let Some(sentence) = sents.iter().find(|s| s.start <= start && start < s.end.max(s.start + 1)).cloned() else {
            continue;
        };
        // One event per sentence and date, however often the date recurs.
        if out.iter().any(|e| e.sentence == sentence && e.date == date) {
            continue;
        }
        let mut entities: Vec<Box<str>> = a
            .mentions
            .iter()
            .filter(|m| m.kind != Kind::Date && sentence.start <= m.start as usize && (m.end as usize) <= sentence.end)
            .map(|m| Box::from(a.name(m)))
            .collect();
        entities.dedup();
        out.push(Event { date, article: input.article, sentence, mention: i, entities, sources: vec![input.article] });
    }
    out
}

/// Lowercased words of a sentence, for telling whether two sentences tell
/// the same thing.
fn words(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 2).map(str::to_lowercase).collect()
}

fn similar(a: &HashSet<String>, b: &HashSet<String>) -> bool {
    let shared = a.intersection(b).count();
    let union = a.len() + b.len() - shared;
    union > 0 && shared * 10 >= union * 3
}

/// Builds the timeline from articles given in corpus order: events sorted,
/// and the same event told by several articles (same date, a shared
/// entity, similar sentence) merged into one row with its sources.
pub fn build(inputs: &[Input]) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    let mut texts: Vec<HashSet<String>> = Vec::new();
    // Candidates for merging: events with the same date and entity.
    let mut by_key: HashMap<(DateKey, Box<str>), Vec<usize>> = HashMap::new();
    for input in inputs {
        for ev in article_events(input) {
            let text = words(&input.body[ev.sentence.clone()]);
            let same = ev.entities.iter().find_map(|name| {
                let cands = by_key.get(&(ev.date, name.clone()))?;
                // Bounded: a date and name shared by thousands of events
                // compares against the latest few only.
                cands.iter().rev().take(32).copied().find(|&c| similar(&texts[c], &text))
            });
            match same {
                Some(c) => {
                    if !events[c].sources.contains(&input.article) {
                        events[c].sources.push(input.article);
                    }
                }
                None => {
                    let idx = events.len();
                    for name in &ev.entities {
                        by_key.entry((ev.date, name.clone())).or_default().push(idx);
                    }
                    events.push(ev);
                    texts.push(text);
                }
            }
        }
    }
    // Stable: same-day events keep corpus order.
    events.sort_by_key(|e| e.date.sort_key());
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Mention;

    fn analysis(body: &str, dates: &[(&str, &str)], names: &[&str]) -> Analysis {
        let mut a = Analysis::default();
        for (text, value) in dates {
            let start = body.find(text).unwrap();
            a.names.push((*value).into());
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
            a.names.push((*n).into());
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
        a
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
        assert_eq!(ev[0].sources, [0, 1]);
        assert_eq!(ev[1].sources, [2]);
    }

    #[test]
    fn durations_and_sets_are_not_events() {
        let body = "For four years, every week.";
        let mut a = analysis(body, &[("four years", "P4Y")], &[]);
        a.mentions[0].timex = Some(TimexType::Duration);
        assert!(build(&[Input { article: 0, body, analysis: &a }]).is_empty());
    }
}
