//! The index: a sorted vocabulary of folded words (from titles, bodies and
//! entity names), each with a posting list of the documents it occurs in and
//! a flag byte per posting saying where (title, body, which kind of name).
//! Plus a small map from date prefixes (`2025`, `2025-12`, `2025-12-04`) to
//! documents, for `date:`.
//!
//! Layout is flat (CSR: one offsets array, one doc array, one flags array)
//! so 30 million postings cost 5 bytes each and no allocation apiece.
//! Built in parallel: each rayon task indexes a chunk of documents with its
//! own small vocabulary; the chunks are then merged in document order, so
//! posting lists come out sorted without a sort.

use super::DocInput;
use super::text::{char_mask, fold_into, tokens};
use crate::analysis::Kind;
use rayon::prelude::*;
// hashbrown's default hasher (foldhash) is several times faster than
// std's SipHash on short words, and this map sees every token of the corpus.
use hashbrown::HashMap;

pub const TITLE: u8 = 1;
pub const BODY: u8 = 2;
pub const PERSON: u8 = 4;
pub const PLACE: u8 = 8;
pub const ORG: u8 = 16;
pub const MISC: u8 = 32;
pub const NAME: u8 = PERSON | PLACE | ORG | MISC;

pub fn kind_flag(k: Kind) -> u8 {
    match k {
        Kind::Person => PERSON,
        Kind::Place => PLACE,
        Kind::Org => ORG,
        Kind::Misc => MISC,
        Kind::Date => 0,
    }
}

/// Terms longer than this (in chars) share the last length bucket.
pub const LEN_BUCKETS: usize = 64;

pub struct Index {
    pub(crate) n_docs: u32,
    /// Folded terms, sorted (byte order), distinct.
    pub(crate) terms: Vec<Box<str>>,
    /// OR of the flags of all postings of a term: skips terms that cannot
    /// satisfy a kind filter without touching their postings.
    pub(crate) term_flags: Vec<u8>,
    /// `post_off[t]..post_off[t + 1]` are term `t`'s postings.
    pub(crate) post_off: Vec<u32>,
    pub(crate) post_doc: Vec<u32>,
    pub(crate) post_flag: Vec<u8>,
    /// Per posting, a 32-bit signature of the words that follow the term
    /// in that doc (one bit per word, by hash): a phrase "a b" can only be
    /// in docs whose posting of `a` has `b`'s bit. Rules out most docs for
    /// 4 bytes a posting, before any text is read.
    pub(crate) post_next: Vec<u32>,
    /// Term ids by char length, with their char masks: the typo path scans
    /// only lengths within the allowed distance.
    pub(crate) by_len: Vec<Vec<(u64, u32)>>,
    /// Date keys, sorted, with sorted doc lists.
    pub(crate) dates: Vec<(Box<str>, Vec<u32>)>,
    pub(crate) text: Option<std::sync::Arc<dyn super::DocText>>,
}

/// The bit of a folded word in a next-word signature (FNV-1a).
pub fn next_bit(word: &str) -> u32 {
    let mut h: u32 = 0x811C_9DC5;
    for b in word.bytes() {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
    }
    1 << (h >> 27)
}

/// A doc's entry for a term while indexing: flags and next-word signature.
#[derive(Clone, Copy, Default)]
struct Seen {
    flags: u8,
    next: u32,
}

/// One chunk's index, already flat (CSR) so that its memory is a few big
/// allocations, given back to the OS when the merge drops them, instead of
/// one small vector per term left fragmenting the heap.
struct Chunk {
    terms: Vec<Box<str>>,
    off: Vec<u32>,
    doc: Vec<u32>,
    flag: Vec<u8>,
    next: Vec<u32>,
    dates: HashMap<Box<str>, Vec<u32>>,
}

fn date_keys(v: &str, out: &mut Vec<String>) {
    let b = v.as_bytes();
    let head_ok = b.len() >= 4 && b[..4].iter().all(|c| c.is_ascii_digit() || *c == b'X');
    if !head_ok {
        return;
    }
    out.push(v[..4].to_string());
    if b.len() >= 7 && b[4] == b'-' && v.is_char_boundary(7) {
        out.push(v[..7].to_string());
    }
    if b.len() >= 10 && v.is_char_boundary(10) {
        out.push(v[..10].to_string());
    }
}

/// Indexes one chunk of documents with its own vocabulary. Per doc, the
/// terms seen so far are tracked with a stamp array instead of a hash set
/// (one array write per token instead of a hash).
struct ChunkBuilder {
    vocab: HashMap<Box<str>, u32>,
    /// (local term, doc, what) in doc order, for all docs of the chunk.
    all: Vec<(u32, u32, Seen)>,
    dates: HashMap<Box<str>, Vec<u32>>,
    /// Per local term: 1 + the doc (in the chunk) it was last seen in...
    stamp: Vec<u32>,
    /// ...and its entry in `entries` for that doc.
    slot: Vec<u32>,
    entries: Vec<(u32, Seen)>,
    buf: String,
}

impl ChunkBuilder {
    fn term(&mut self) -> u32 {
        if let Some(&id) = self.vocab.get(self.buf.as_str()) {
            return id;
        }
        let id = self.vocab.len() as u32;
        self.vocab.insert(self.buf.as_str().into(), id);
        self.stamp.push(0);
        self.slot.push(0);
        id
    }

    fn seen(&mut self, id: u32, stamp: u32) -> &mut Seen {
        let i = id as usize;
        if self.stamp[i] != stamp {
            self.stamp[i] = stamp;
            self.slot[i] = self.entries.len() as u32;
            self.entries.push((id, Seen::default()));
        }
        &mut self.entries[self.slot[i] as usize].1
    }

    fn add(&mut self, text: &str, flag: u8, stamp: u32) {
        let mut prev: Option<u32> = None;
        for (a, b) in tokens(text) {
            fold_into(&text[a..b], &mut self.buf);
            let id = self.term();
            if let Some(p) = prev {
                let bit = next_bit(&self.buf);
                self.seen(p, stamp).next |= bit;
            }
            self.seen(id, stamp).flags |= flag;
            prev = Some(id);
        }
    }
}

fn index_chunk(base: u32, docs: &[DocInput]) -> Chunk {
    let mut b = ChunkBuilder {
        vocab: HashMap::new(),
        all: Vec::new(),
        dates: HashMap::new(),
        stamp: Vec::new(),
        slot: Vec::new(),
        entries: Vec::new(),
        buf: String::new(),
    };
    let mut keys = Vec::new();
    for (k, d) in docs.iter().enumerate() {
        let doc = base + k as u32;
        let stamp = k as u32 + 1;
        b.entries.clear();
        b.add(d.title, TITLE, stamp);
        b.add(d.body, BODY, stamp);
        for (kind, name) in &d.names {
            let f = kind_flag(*kind);
            if f != 0 {
                b.add(name, f, stamp);
            }
        }
        b.all.extend(b.entries.iter().map(|&(id, s)| (id, doc, s)));
        keys.clear();
        for v in &d.dates {
            date_keys(v, &mut keys);
        }
        keys.sort_unstable();
        keys.dedup();
        for key in keys.drain(..) {
            b.dates.entry(key.into_boxed_str()).or_default().push(doc);
        }
    }
    // Counting sort by term; stable, so each term's docs stay in order.
    let n = b.vocab.len();
    let mut off = vec![0u32; n + 1];
    for &(id, _, _) in &b.all {
        off[id as usize + 1] += 1;
    }
    for i in 0..n {
        off[i + 1] += off[i];
    }
    let total = b.all.len();
    let (mut doc, mut flag, mut next) = (vec![0u32; total], vec![0u8; total], vec![0u32; total]);
    let mut cursor = off.clone();
    for &(id, d, s) in &b.all {
        let at = cursor[id as usize] as usize;
        cursor[id as usize] += 1;
        (doc[at], flag[at], next[at]) = (d, s.flags, s.next);
    }
    drop(b.all);
    let mut terms: Vec<Box<str>> = vec![Box::from(""); n];
    for (t, id) in b.vocab {
        terms[id as usize] = t;
    }
    Chunk { terms, off, doc, flag, next, dates: b.dates }
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Index({} docs, {} terms)", self.n_docs, self.terms.len())
    }
}

impl Index {
    /// Index the documents; doc ids are their positions in `docs`.
    pub fn build(docs: Vec<DocInput<'_>>) -> Index {
        let chunk_len = (docs.len() / (rayon::current_num_threads() * 16)).clamp(64, 4096);
        let chunks: Vec<Chunk> =
            docs.par_chunks(chunk_len).enumerate().map(|(i, ds)| index_chunk((i * chunk_len) as u32, ds)).collect();
        Index::merge(docs.len() as u32, chunks)
    }

    fn merge(n_docs: u32, chunks: Vec<Chunk>) -> Index {
        let mut all: Vec<&str> = chunks.iter().flat_map(|c| c.terms.iter().map(|t| &**t)).collect();
        all.par_sort_unstable();
        all.dedup();
        let terms: Vec<Box<str>> = all.iter().map(|&t| t.into()).collect();
        drop(all);
        // Local term id -> global term id, per chunk.
        let maps: Vec<Vec<u32>> = chunks
            .par_iter()
            .map(|c| {
                c.terms
                    .iter()
                    .map(|t| terms.binary_search_by(|g| (**g).cmp(t)).expect("term in vocabulary") as u32)
                    .collect()
            })
            .collect();
        let mut df = vec![0u32; terms.len() + 1];
        for (c, m) in chunks.iter().zip(&maps) {
            for (w, &g) in c.off.windows(2).zip(m) {
                df[g as usize] += w[1] - w[0];
            }
        }
        let mut post_off = Vec::with_capacity(terms.len() + 1);
        let mut acc = 0u32;
        for &n in &df[..terms.len()] {
            post_off.push(acc);
            acc += n;
        }
        post_off.push(acc);
        let mut post_doc = vec![0u32; acc as usize];
        let mut post_flag = vec![0u8; acc as usize];
        let mut post_next = vec![0u32; acc as usize];
        let mut term_flags = vec![0u8; terms.len()];
        let mut cursor: Vec<u32> = post_off[..terms.len()].to_vec();
        let mut dates: HashMap<Box<str>, Vec<u32>> = HashMap::new();
        // Chunks are in doc order, so appending keeps every list sorted.
        for (c, m) in chunks.into_iter().zip(&maps) {
            for (t, &g) in m.iter().enumerate() {
                let (a, b) = (c.off[t] as usize, c.off[t + 1] as usize);
                let g = g as usize;
                let at = cursor[g] as usize;
                let len = b - a;
                post_doc[at..at + len].copy_from_slice(&c.doc[a..b]);
                post_flag[at..at + len].copy_from_slice(&c.flag[a..b]);
                post_next[at..at + len].copy_from_slice(&c.next[a..b]);
                term_flags[g] |= c.flag[a..b].iter().fold(0, |x, y| x | y);
                cursor[g] += len as u32;
            }
            for (k, mut v) in c.dates {
                dates.entry(k).or_default().append(&mut v);
            }
        }
        let mut by_len: Vec<Vec<(u64, u32)>> = vec![Vec::new(); LEN_BUCKETS + 1];
        for (id, t) in terms.iter().enumerate() {
            let n = t.chars().count().min(LEN_BUCKETS);
            by_len[n].push((char_mask(t), id as u32));
        }
        let mut dates: Vec<(Box<str>, Vec<u32>)> = dates.into_iter().collect();
        dates.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Index { n_docs, terms, term_flags, post_off, post_doc, post_flag, post_next, by_len, dates, text: None }
    }

    /// Give the index access to the documents' text, for verifying
    /// `"phrase"` queries. Without it, a phrase matches any document that has
    /// all its words (adjacency is not checked).
    pub fn set_text(&mut self, text: std::sync::Arc<dyn super::DocText>) {
        self.text = Some(text);
    }

    pub fn len(&self) -> usize {
        self.n_docs as usize
    }

    pub fn is_empty(&self) -> bool {
        self.n_docs == 0
    }

    /// Number of distinct terms.
    pub fn vocabulary_len(&self) -> usize {
        self.terms.len()
    }

    /// Number of (term, doc) postings.
    pub fn postings_len(&self) -> usize {
        self.post_doc.len()
    }

    /// Approximate heap bytes held by the index (not the documents' text).
    pub fn heap_bytes(&self) -> usize {
        let terms: usize = self.terms.iter().map(|t| t.len() + 16).sum();
        let by_len: usize = self.by_len.iter().map(|b| b.capacity() * 16).sum();
        let dates: usize = self.dates.iter().map(|(k, v)| k.len() + 40 + v.capacity() * 4).sum();
        terms
            + self.term_flags.capacity()
            + self.post_off.capacity() * 4
            + self.post_doc.capacity() * 4
            + self.post_flag.capacity()
            + self.post_next.capacity() * 4
            + by_len
            + dates
    }

    pub(crate) fn postings(&self, term: u32) -> (&[u32], &[u8]) {
        let (a, b) = (self.post_off[term as usize] as usize, self.post_off[term as usize + 1] as usize);
        (&self.post_doc[a..b], &self.post_flag[a..b])
    }

    pub(crate) fn next_sigs(&self, term: u32) -> &[u32] {
        let (a, b) = (self.post_off[term as usize] as usize, self.post_off[term as usize + 1] as usize);
        &self.post_next[a..b]
    }

    /// The id of a term, if in the vocabulary.
    pub(crate) fn term_id(&self, t: &str) -> Option<u32> {
        self.terms.binary_search_by(|g| (**g).cmp(t)).ok().map(|i| i as u32)
    }

    /// Term ids whose text starts with `prefix`: a contiguous range.
    pub(crate) fn prefix_range(&self, prefix: &str) -> std::ops::Range<u32> {
        let lo = self.terms.partition_point(|t| (**t) < *prefix);
        let n = self.terms[lo..].partition_point(|t| t.starts_with(prefix));
        lo as u32..(lo + n) as u32
    }
}
