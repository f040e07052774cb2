//! Gazetteers: the name and cue lists under `assets/gazetteer/`, compiled
//! in, merged into one trie built once per process.
//!
//! Every list entry becomes one pattern; an entry found in several lists
//! carries the union of their category bits. A scan yields, for each token
//! that can matter, the entries that start at it and end on a token
//! boundary.

use super::tokens::{CAP, Token};
use std::collections::HashMap;
use std::sync::LazyLock;

pub const COUNTRY: u32 = 1 << 0;
pub const REGION: u32 = 1 << 1;
pub const CITY: u32 = 1 << 2;
/// A small town (population under 100,000): weak evidence on its own.
pub const TOWN: u32 = 1 << 3;
pub const DEMONYM: u32 = 1 << 4;
pub const GIVEN: u32 = 1 << 5;
pub const SURNAME: u32 = 1 << 6;
pub const ORG_CUE: u32 = 1 << 7;
/// Lowercase noun before an organisation name ("group", "band").
pub const ORG_LOWER: u32 = 1 << 8;
/// Capitalised title stripped from a person's name ("President").
pub const TITLE: u32 = 1 << 9;
/// Lowercase role before a person's name ("sculptor", "leader").
pub const ROLE: u32 = 1 << 10;
pub const PLACE_CUE: u32 = 1 << 11;
/// Months, weekdays, holidays: never emitted.
pub const NONNAME: u32 = 1 << 12;
/// Function words capitalised only by position ("However", "The").
pub const FUNC: u32 = 1 << 13;
/// A lowercase role capitalised ("Analyst"): a title at a sentence start.
pub const ROLE_CAP: u32 = 1 << 14;
/// Ends a named event ("World War", "Olympic Games").
pub const EVENT_CUE: u32 = 1 << 15;

const PLACES_TSV: &str = include_str!("../../../assets/gazetteer/places.tsv");
const PLACE_EXTRA: &str = include_str!("../../../assets/gazetteer/place_extra.txt");
const PLACE_ALIASES: &str = include_str!("../../../assets/gazetteer/place_aliases.tsv");
const GIVEN_NAMES: &str = include_str!("../../../assets/gazetteer/given_names.txt");
const SURNAMES: &str = include_str!("../../../assets/gazetteer/surnames.txt");
const DEMONYMS: &str = include_str!("../../../assets/gazetteer/demonyms.txt");
const ORG_CUES: &str = include_str!("../../../assets/gazetteer/org_cues.txt");
const ORG_LOWER_CUES: &str = include_str!("../../../assets/gazetteer/org_lower_cues.txt");
const TITLES: &str = include_str!("../../../assets/gazetteer/titles.txt");
const PLACE_CUES: &str = include_str!("../../../assets/gazetteer/place_cues.txt");
const NONNAMES: &str = include_str!("../../../assets/gazetteer/nonnames.txt");
const FUNCTION_WORDS: &str = include_str!("../../../assets/gazetteer/function_words.txt");
const EVENT_CUES: &str = include_str!("../../../assets/gazetteer/event_cues.txt");

pub struct Gazetteer {
    /// Every entry with its category bits; the scan walks it byte by byte
    /// from each token start (see `scan`).
    /// Entry -> flags, as a double-array trie: a walk anchored at a token
    /// start is a few reads per byte and stops where no entry continues.
    trie: yada::DoubleArray<Vec<u8>>,
    /// Canonical names of short place forms ("U.S." -> "United States").
    /// hashbrown (foldhash): probed for every place mention, where SipHash
    /// showed in profiles.
    canon: hashbrown::HashMap<&'static str, &'static str>,
}

pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::build);

/// Entries of a plain list: one per line, `#` starts a comment line.
fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Gazetteer {
    fn build() -> Self {
        let mut map: HashMap<&'static str, u32> = HashMap::with_capacity(64_000);
        let mut add = |name: &'static str, f: u32| *map.entry(name).or_insert(0) |= f;
        for line in entries(PLACES_TSV) {
            let (name, kind) = line.split_once('\t').unwrap_or((line, "town"));
            let f = match kind {
                "country" | "continent" => COUNTRY,
                "region" => REGION,
                "city" => CITY,
                _ => TOWN,
            };
            add(name, f);
        }
        let mut canon = hashbrown::HashMap::new();
        for line in entries(PLACE_ALIASES) {
            if let Some((alias, name)) = line.split_once('\t') {
                add(alias, COUNTRY);
                canon.insert(alias, name);
            }
        }
        let lists: [(&'static str, u32); 11] = [
            (EVENT_CUES, EVENT_CUE),
            (PLACE_EXTRA, REGION),
            (GIVEN_NAMES, GIVEN),
            (SURNAMES, SURNAME),
            (DEMONYMS, DEMONYM),
            (ORG_CUES, ORG_CUE),
            (ORG_LOWER_CUES, ORG_LOWER),
            (PLACE_CUES, PLACE_CUE),
            (NONNAMES, NONNAME),
            (FUNCTION_WORDS, FUNC),
            (TITLES, 0),
        ];
        for (text, f) in lists {
            for e in entries(text) {
                let f = if f == 0 {
                    // Titles: capitalised ones are stripped from names,
                    // lowercase ones are roles before names.
                    if e.starts_with(char::is_lowercase) { ROLE } else { TITLE }
                } else {
                    f
                };
                add(e, f);
                if f == ROLE && !e.contains(' ') {
                    // "Analyst Jane Doe" at a sentence start. Leaked, once
                    // per process, to give the trie a 'static str.
                    let mut c = e.chars();
                    if let Some(h) = c.next() {
                        let cap: String = h.to_uppercase().chain(c).collect();
                        add(Box::leak(cap.into_boxed_str()), ROLE_CAP);
                    }
                }
            }
        }
        let mut pats: Vec<(&'static str, u32)> = map.into_iter().collect();
        pats.sort_unstable();
        let keys: Vec<(&[u8], u32)> = pats.iter().map(|(k, f)| (k.as_bytes(), *f)).collect();
        let bytes = yada::builder::DoubleArrayBuilder::build(&keys).expect("gazetteer entries build a trie");
        Gazetteer { canon, trie: yada::DoubleArray::new(bytes).expect("a trie just built is valid") }
    }

    /// The canonical name of a place written `text`, when it is a short
    /// or older form of it.
    pub fn canonical(&self, text: &str) -> Option<&'static str> {
        self.canon.get(text).copied()
    }

    /// For each token, the gazetteer entries starting at it: `(flags,
    /// index one past the last token)`.
    ///
    /// Only capitalised words, and the two words before one ("sculptor
    /// X", "founder of X", the role in "UBS analyst X"), can start an entry the
    /// rules look at, so instead of scanning the whole body the trie
    /// is walked anchored from those token starts alone; the walk stops as
    /// soon as no entry can continue.
    ///
    /// The walk checks for entries only where a token ends, and costs no
    /// search setup per start.
    pub fn scan(&self, body: &str, toks: &[Token]) -> Vec<Hit> {
        let mut hits = Vec::new();
        self.scan_into(body, toks, &mut hits);
        hits
    }

    /// [`Gazetteer::scan`] into `hits` (cleared first).
    pub fn scan_into(&self, body: &str, toks: &[Token], hits: &mut Vec<Hit>) {
        let trie = &self.trie;
        let bytes = body.as_bytes();
        let n = toks.len();
        hits.clear();
        let cap = |k: usize| toks[k].flags & CAP != 0;
        for t in 0..n {
            if !(cap(t) || (t + 1 < n && cap(t + 1)) || (t + 2 < n && cap(t + 2))) {
                continue;
            }
            let start = toks[t].start as usize;
            let first_hit = hits.len();
            let mut tj = t;
            for (flags, len) in trie.common_prefix_search(&bytes[start..]) {
                // The entry body[start..end] ends here: a hit if a token
                // ends here too.
                let end = (start + len) as u32;
                while tj < n && toks[tj].end < end {
                    tj += 1;
                }
                if tj >= n {
                    break;
                }
                if toks[tj].end == end {
                    hits.push(Hit { tok: t as u32, end_tok: tj as u32 + 1, flags });
                }
            }
            // Longest first within a token, as `Lookup` expects.
            hits[first_hit..].reverse();
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Hit {
    pub tok: u32,
    pub end_tok: u32,
    pub flags: u32,
}

/// Per-token view of the hits: the flags of the one-token entry at each
/// token, and the longest entry with given flags starting at a token.
#[derive(Default)]
pub struct Lookup {
    pub single: Vec<u32>,
    hits: Vec<Hit>,
    first: Vec<u32>,
}

impl Lookup {
    pub fn new(hits: Vec<Hit>, n: usize) -> Self {
        let mut look = Lookup { hits, ..Lookup::default() };
        look.index(n);
        look
    }

    /// Scans `toks` into this lookup, reusing its buffers.
    pub fn fill(&mut self, gazetteer: &Gazetteer, body: &str, toks: &[Token]) {
        gazetteer.scan_into(body, toks, &mut self.hits);
        self.index(toks.len());
    }

    /// Builds the per-token view of `self.hits` for `n` tokens.
    fn index(&mut self, n: usize) {
        let (single, first) = (&mut self.single, &mut self.first);
        single.clear();
        single.resize(n, 0);
        first.clear();
        first.resize(n, u32::MAX);
        for (k, h) in self.hits.iter().enumerate() {
            let t = h.tok as usize;
            if first[t] == u32::MAX {
                first[t] = k as u32;
            }
            if h.end_tok == h.tok + 1 {
                single[t] |= h.flags;
            }
        }
    }

    /// Buffer capacity in bytes, so a caller can drop one grown by a huge
    /// article instead of keeping it for the life of the thread.
    pub fn capacity_bytes(&self) -> usize {
        (self.single.capacity() + self.first.capacity()) * 4 + self.hits.capacity() * std::mem::size_of::<Hit>()
    }

    /// Hits starting at token `t`, longest first.
    pub fn at(&self, t: usize) -> &[Hit] {
        let k = self.first[t];
        if k == u32::MAX {
            return &[];
        }
        let k = k as usize;
        let n = self.hits[k..].iter().take_while(|h| h.tok as usize == t).count();
        &self.hits[k..k + n]
    }

    /// Flags of the entry spanning exactly tokens `a..b`.
    pub fn exact(&self, a: usize, b: usize) -> u32 {
        self.at(a).iter().filter(|h| h.end_tok as usize == b).fold(0, |f, h| f | h.flags)
    }

    /// The longest entry with any of `want` starting at `a` and ending at or
    /// before `b`: its end token.
    pub fn longest(&self, a: usize, b: usize, want: u32) -> Option<usize> {
        self.at(a).iter().find(|h| h.end_tok as usize <= b && h.flags & want != 0).map(|h| h.end_tok as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn look(body: &str) -> (Vec<Token>, Lookup) {
        let s = crate::analysis::sentences::split(body);
        let t = super::super::tokens::tokenize(body, &s);
        let h = GAZETTEER.scan(body, &t);
        let l = Lookup::new(h, t.len());
        (t, l)
    }

    #[test]
    fn finds_multiword_places_on_token_boundaries() {
        let (t, l) = look("They flew from North Korea’s capital to Moscow.");
        let nk = t.iter().position(|x| x.start == 15).unwrap();
        assert!(l.exact(nk, nk + 2) & COUNTRY != 0);
        let mo = t.len() - 1;
        assert!(l.single[mo] & CITY != 0);
    }

    #[test]
    fn inside_a_word_is_no_hit() {
        // "Korea" inside "Koreans" and "Paris" inside "Parisian" must not hit.
        let (_, l) = look("Koreans and Parisians");
        assert_eq!(l.single[0] & (COUNTRY | CITY | TOWN | REGION), 0);
        assert_eq!(l.single[2] & (COUNTRY | CITY | TOWN | REGION), 0);
    }

    #[test]
    fn categories_merge() {
        let (_, l) = look("Governor Jordan of Jordan");
        assert!(l.single[0] & TITLE != 0);
        assert!(l.single[1] & COUNTRY != 0 && l.single[1] & GIVEN != 0);
    }
}
