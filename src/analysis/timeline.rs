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
        if let Some(parsed) = Self::parse_plain(value.as_bytes()) {
            return parsed;
        }
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

    /// [`DateKey::parse`] for the shapes the date tagger writes, digit by
    /// digit: `YYYY-MM`, `YYYY-MM-DD` or `XXXX` for the year, then nothing
    /// or a time. `None` for any other shape, left to the general parse.
    /// A timeline parses a million of these.
    fn parse_plain(value: &[u8]) -> Option<Option<DateKey>> {
        let date = value.split(|&b| b == b'T').next()?;
        if !matches!(date.len(), 7 | 10) || date[4] != b'-' || date.get(7).is_some_and(|&b| b != b'-') {
            return None;
        }
        let number = |digits: &[u8]| {
            let valid = digits.iter().all(u8::is_ascii_digit);
            valid.then(|| digits.iter().fold(0, |n, &d| n * 10 + u32::from(d - b'0')))
        };
        let year = match &date[..4] {
            b"XXXX" => None,
            digits => Some(number(digits)? as i32),
        };
        let month = number(&date[5..7])?;
        let day = match date.get(8..) {
            Some(d) => Some(number(d)?),
            None => None,
        };
        let valid = (1..=12).contains(&month) && day.is_none_or(|d| (1..=31).contains(&d));
        Some(valid.then(|| DateKey { year, month: month as u8, day: day.map(|d| d as u8) }))
    }

    pub fn precision(&self) -> Precision {
        if self.day.is_some() { Precision::Day } else { Precision::Month }
    }

    /// The key in 24 bits, in timeline order: dated events first, in
    /// order; unknown years after, by month and day. Within a month, the
    /// month itself sorts before its days. Holds the years `parse` gives
    /// (four digits); a million of these are sorted, so small is fast.
    fn packed(&self) -> u32 {
        let (unknown, year) = match self.year {
            Some(y) => (0, y as u32),
            None => (1, 0),
        };
        debug_assert!(year < 1 << 14, "{year}");
        unknown << 23 | year << 9 | (self.month as u32) << 5 | self.day.unwrap_or(0) as u32
    }

    fn unpacked(key: u32) -> DateKey {
        let (year, day) = ((key >> 9) & 0x3fff, key & 0x1f);
        DateKey {
            year: (key >> 23 == 0).then_some(year as i32),
            month: (key >> 5 & 0xf) as u8,
            day: (day != 0).then_some(day as u8),
        }
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
        sentence_entities(analysis, &self.sentence, self.mention)
    }
}

/// The names (not dates) in the sentence at `r`, each once, in order;
/// `near` is the index of a mention in it (see [`mentions_in`]).
fn sentence_entities<'a>(analysis: &'a Analysis, r: &Range<usize>, near: usize) -> Vec<(Kind, &'a str)> {
    let mut ids = Vec::new();
    sentence_names_into(analysis, r, near, &mut ids);
    ids.into_iter().map(|(kind, n)| (kind, &analysis.names[n as usize])).collect()
}

/// [`sentence_entities`] as indices into the article's names, into a
/// cleared `out`: names are interned per article, so equal indices are
/// equal names, and the merge can hash each name once per article.
fn sentence_names_into(analysis: &Analysis, r: &Range<usize>, near: usize, out: &mut Vec<(Kind, u32)>) {
    out.clear();
    for m in mentions_in(analysis, r, near).filter(|m| m.kind != Kind::Date) {
        if !out.contains(&(m.kind, m.name)) {
            out.push((m.kind, m.name));
        }
    }
}

/// The mentions inside `r`. `near` is a mention inside it (the event's
/// date): the first one is found by stepping back from there over the few
/// mentions of one sentence, not by a search of the whole article, which
/// ran for every dated sentence of the corpus.
fn mentions_in<'a>(analysis: &'a Analysis, r: &Range<usize>, near: usize) -> impl Iterator<Item = &'a super::Mention> {
    let ms = &analysis.mentions;
    let inside = |m: &super::Mention| r.start <= m.start as usize && m.end as usize <= r.end;
    let first = if ms.get(near).is_some_and(inside) {
        let mut k = near;
        while k > 0 && ms[k - 1].start as usize >= r.start {
            k -= 1;
        }
        k
    } else {
        ms.partition_point(|m| (m.start as usize) < r.start)
    };
    ms[first..].iter().take_while(move |m| (m.end as usize) <= r.end)
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
#[derive(Clone, Copy)]
struct Candidate {
    /// [`DateKey::packed`].
    date: u32,
    /// The article: its index in the inputs.
    input: u32,
    start: u32,
    end: u32,
    /// Index of the DATE mention in the article's analysis.
    mention: u32,
    /// Hashes of the names in the sentence: `Batch::names[names]`.
    names: (u32, u32),
}

/// How many articles make one [`Batch`]: enough that allocations are few
/// and large, few enough that the batches spread evenly over the threads.
const BATCH: usize = 64;

/// The candidates of consecutive articles, with the name hashes of all of
/// them in one vector: two allocations per batch rather than per article,
/// which on a large corpus the allocator felt.
struct Batch {
    cands: Vec<Candidate>,
    names: Vec<u64>,
}

impl Batch {
    fn names(&self, c: &Candidate) -> &[u64] {
        &self.names[c.names.0 as usize..c.names.1 as usize]
    }
}

/// Events of the articles `inputs`, the first of which is input `first`.
fn batch_events(first: usize, inputs: &[Input]) -> Batch {
    // Dates in sentences bound the candidates: no vector grows.
    let dated = inputs.iter().map(|i| i.analysis.date_sentences.len()).sum();
    let mut out = Batch { cands: Vec::with_capacity(dated), names: Vec::new() };
    let mut scratch = Scratch::default();
    for (i, input) in inputs.iter().enumerate() {
        article_events((first + i) as u32, input, &mut out, &mut scratch);
    }
    out.cands.shrink_to_fit();
    out.names.shrink_to_fit();
    out
}

/// Buffers `article_events` reuses from one article to the next.
#[derive(Default)]
struct Scratch {
    /// A sentence's names as (kind, index into the article's names).
    names: Vec<(Kind, u32)>,
    /// Hash of each of the article's names, 0 until first needed: a name
    /// recurs in many dated sentences, and is hashed once.
    hashes: Vec<u64>,
}

/// Events of one article, added to `out`: one per sentence and date.
fn article_events(index: u32, input: &Input, out: &mut Batch, scratch: &mut Scratch) {
    let a = input.analysis;
    let own = out.cands.len();
    scratch.hashes.clear();
    scratch.hashes.resize(a.names.len(), 0);
    for &(mention, start, end) in &a.date_sentences {
        let m = &a.mentions[mention as usize];
        let Some(date) = DateKey::parse(a.name(m)).map(|d| d.packed()) else { continue };
        if out.cands[own..].iter().any(|c| (c.start, c.end) == (start, end) && c.date == date) {
            continue;
        }
        // Dates of one sentence come together: its names are the same for
        // each.
        let names = match out.cands[own..].last() {
            Some(c) if (c.start, c.end) == (start, end) => c.names,
            _ => {
                let from = out.names.len() as u32;
                sentence_names_into(a, &(start as usize..end as usize), mention as usize, &mut scratch.names);
                for &(_, n) in &scratch.names {
                    let h = &mut scratch.hashes[n as usize];
                    if *h == 0 {
                        *h = hash(a.names[n as usize].as_bytes());
                    }
                    out.names.push(*h);
                }
                (from, out.names.len() as u32)
            }
        };
        out.cands.push(Candidate { date, input: index, start, end, mention, names });
    }
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
/// sorted by date (corpus order holds within a day) and merged one date at
/// a time, so the bookkeeping for merging never holds more than one day's
/// events.
pub fn build(inputs: &[Input]) -> Vec<Event> {
    use rayon::prelude::*;
    // In batches rather than flattened into one vector, and sorted as a
    // list of positions: the candidates are never copied or moved, which
    // kept two or three copies of them alive at the peak.
    let batches: Vec<Batch> =
        inputs.par_chunks(BATCH).enumerate().map(|(b, chunk)| batch_events(b * BATCH, chunk)).collect();
    // (date and batch, index in the batch), packed so that sorting compares
    // integers: the whole tuple is unique and in corpus order before
    // sorting, so an unstable sort keeps corpus order within a day.
    let mut order: Vec<(u64, u32)> = Vec::with_capacity(batches.iter().map(|b| b.cands.len()).sum());
    for (b, batch) in batches.iter().enumerate() {
        order.extend(batch.cands.iter().enumerate().map(|(k, c)| ((c.date as u64) << 32 | b as u64, k as u32)));
    }
    order.par_sort_unstable();
    let mut events: Vec<Event> = Vec::with_capacity(order.len());
    let mut day = Day::default();
    for run in order.chunk_by(|x, y| x.0 >> 32 == y.0 >> 32) {
        day.gather(run, &batches, inputs);
        day.merge(inputs, &mut events);
    }
    events
}

/// One day's candidates, copied together from their articles before
/// merging, and the bookkeeping for merging them.
#[derive(Default)]
struct Day {
    /// In corpus order.
    cands: Vec<Candidate>,
    /// Hashes of the names of the candidates: their `names` index here.
    names: Vec<u64>,
    /// The day's events by name, newest first: `by_name` holds the head of
    /// each name's list in `links`, as (event, previous link). One flat
    /// vector instead of a vector per name and day. Keys are already
    /// hashes; hashbrown's default hasher is far cheaper than SipHash, and
    /// the map's order is never read.
    by_name: hashbrown::HashMap<u64, u32>,
    links: Vec<(u32, u32)>,
    /// The day's events: the candidate each came from, and its words once
    /// compared. Signatures are computed when first compared: a third of
    /// the candidates never are (no event of the day shares a name with
    /// them), and holding one per candidate cost 32 bytes each at the peak.
    words: Vec<(u32, Option<Signature>)>,
}

impl Day {
    /// Copies the candidates of `run` (one day's, sorted) from their
    /// articles. A tight loop whose reads do not wait on one another, so
    /// the processor overlaps their cache misses; done inside the merging
    /// loop, each of them stalled it.
    fn gather(&mut self, run: &[(u64, u32)], batches: &[Batch], inputs: &[Input]) {
        self.cands.clear();
        self.names.clear();
        let mut warm = 0u8;
        for &(db, k) in run {
            let batch = &batches[db as u32 as usize];
            let c = &batch.cands[k as usize];
            let from = self.names.len() as u32;
            self.names.extend_from_slice(batch.names(c));
            let names = (from, self.names.len() as u32);
            self.cands.push(Candidate { names, ..*c });
            // The sentence's bytes, for its signature if compared.
            let body = &inputs[c.input as usize].body.as_bytes()[c.start as usize..c.end as usize];
            warm = body.iter().step_by(64).chain(body.last()).fold(warm, |w, &b| w ^ b);
        }
        std::hint::black_box(warm);
    }

    /// Merges the gathered candidates into `events`: one event per
    /// candidate, unless one of the day's events already shares a name
    /// with it and has similar words.
    fn merge(&mut self, inputs: &[Input], events: &mut Vec<Event>) {
        self.by_name.clear();
        self.links.clear();
        self.words.clear();
        let Day { cands, names, by_name, links, words } = self;
        let words_of = |c: &Candidate| Signature::of(&inputs[c.input as usize].body[c.start as usize..c.end as usize]);
        let day_start = events.len();
        for (i, cand) in cands.iter().enumerate() {
            let names = &names[cand.names.0 as usize..cand.names.1 as usize];
            let article = inputs[cand.input as usize].article;
            let mut own = None;
            // Bounded: a name told on one day by thousands of events
            // compares against the latest few only.
            let same = names.iter().find_map(|name| {
                let mut link = *by_name.get(name)?;
                let mut seen = 0;
                while link != u32::MAX && seen < 32 {
                    let (c, prev) = links[link as usize];
                    let (from, theirs) = &mut words[c as usize - day_start];
                    let theirs = theirs.get_or_insert_with(|| words_of(&cands[*from as usize]));
                    if theirs.similar(own.get_or_insert_with(|| words_of(cand))) {
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
                    for &name in names {
                        let head = by_name.entry(name).or_insert(u32::MAX);
                        links.push((events.len() as u32, *head));
                        *head = links.len() as u32 - 1;
                    }
                    events.push(Event {
                        date: DateKey::unpacked(cand.date),
                        article,
                        sentence: cand.start as usize..cand.end as usize,
                        mention: cand.mention as usize,
                        also: Vec::new(),
                    });
                    words.push((i as u32, own));
                }
            }
        }
    }
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
        for d in ["2025-12-04", "XXXX-12-04", "2025-07", "XXXX-01", "0000-01-31", "9999-12-31"] {
            let d = DateKey::parse(d).unwrap();
            assert_eq!(DateKey::unpacked(d.packed()), d);
        }
        // The digit-by-digit path and the general one agree.
        for value in [
            "2025-12-04",
            "XXXX-12-04",
            "2025-07",
            "XXXX-07",
            "2025-12-04T15:00",
            "2025-07TNI",
            "2025-00",
            "2025-12-32",
            "2025-12-00",
            "2025-1-04",
            "+025-12-04",
            "2025-+1-04",
            "XXXX-XX",
            "2025-12-04-01",
            "2025/12/04",
            "T",
        ] {
            let general = Some(value.split('T').next().unwrap().to_string());
            let via_general = general.and_then(|v| {
                let mut parts = v.split('-');
                let year = parts.next()?;
                let year =
                    if year == "XXXX" { None } else { Some(year.parse::<i32>().ok().filter(|_| year.len() == 4)?) };
                let month: u8 = parts.next()?.parse().ok().filter(|m| (1..=12).contains(m))?;
                let day = match parts.next() {
                    None => None,
                    Some(d) => Some(d.parse::<u8>().ok().filter(|d| (1..=31).contains(d))?),
                };
                parts.next().is_none().then_some(DateKey { year, month, day })
            });
            assert_eq!(DateKey::parse(value), via_general, "{value}");
        }
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
    fn merging_looks_past_newer_events_of_the_same_name() {
        // On one day: A (Kim), B (Lavrov, never compared), C like A (merges
        // into A), D unlike A (a new event), E like A: compared with D first
        // (newest), then with A.
        let bodies = [
            "On December 4, Kim opened the new bridge over the river in Wonsan.",
            "On December 4, Lavrov flew home from the summit talks in Pyongyang.",
            "Kim opened the new bridge over the river in Wonsan on December 4.",
            "On December 4, Kim praised the harvest of potatoes in the north.",
            "On December 4, Kim opened a new bridge over the river at Wonsan.",
        ];
        let analyses: Vec<Analysis> = bodies
            .iter()
            .map(|b| {
                let name = if b.contains("Lavrov") { "Lavrov" } else { "Kim" };
                analysis(b, &[("December 4", "2025-12-04")], &[name])
            })
            .collect();
        let inputs: Vec<Input> = (0..bodies.len())
            .map(|i| Input { article: 10 + i as u32, body: bodies[i], analysis: &analyses[i] })
            .collect();
        let ev = build(&inputs);
        let sources: Vec<Vec<u32>> = ev.iter().map(|e| e.sources().collect()).collect();
        assert_eq!(sources, [vec![10, 12, 14], vec![11], vec![13]]);
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
