//! The index: a sorted vocabulary of folded words (from titles, bodies and
//! entity names), each with a posting list of the documents it occurs in and
//! a flag byte per posting saying where (title, body, which kind of name).
//! Plus a small map from date prefixes (`2025`, `2025-12`, `2025-12-04`) to
//! documents, for `date:`.
//!
//! Layout is flat (CSR: offsets, doc, flags and next-word arrays), so 30
//! million postings cost 9 bytes each and no allocation apiece.
//!
//! The postings are split into a few segments, each covering a contiguous
//! range of documents, under one vocabulary: a term's posting list is its
//! lists in each segment one after the other, still in doc order. Why: the
//! build indexes chunks of documents in parallel, each with a vocabulary of
//! its own, then copies them into place; one flat list for the corpus would
//! hold every chunk and the copy at once, twice the index. Segment by
//! segment, only one segment's chunks are alive beside the finished part
//! (at 100,000 articles the heap peaks ~35 MB above the finished index
//! instead of ~240 MB). The price: an offsets table per segment, 4 bytes a
//! term, and a rare term's postings are in several places, which costs a
//! prefix search with thousands of candidate terms ~15% more time; hence
//! few segments.
//!
//! Within a segment, the chunks are merged in document order, so posting
//! lists come out sorted without a sort.

use super::DocInput;
use super::text::{char_mask, fold_into, tokens};
use crate::analysis::Kind;
use crate::strings::{Interner, Strings as Terms};
use hashbrown::HashMap;
use rayon::prelude::*;

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
    terms: Terms,
    /// OR of the flags of all postings of a term: skips terms that cannot
    /// satisfy a kind filter without touching their postings.
    pub(crate) term_flags: Vec<u8>,
    /// The postings, by ranges of documents, in doc order.
    segments: Vec<Segment>,
    /// Where each term's postings start in each segment, term by term:
    /// `off[t * S + s]..off[(t + 1) * S + s]` are term `t`'s postings in
    /// segment `s` (of `S`). Term-major, so that a term's lists in all
    /// segments are found in one or two cache lines: a prefix's thousands
    /// of candidate terms would otherwise cost a miss per segment each.
    off: Vec<u32>,
    /// Term ids by char length, with their char masks: the typo path scans
    /// only lengths within the allowed distance.
    pub(crate) by_len: Vec<Vec<(u64, u32)>>,
    /// Date keys, sorted, with sorted doc lists.
    pub(crate) dates: Vec<(Box<str>, Vec<u32>)>,
    pub(crate) text: Option<std::sync::Arc<dyn super::DocText>>,
}

/// The postings of the docs `first..` (up to the next segment's `first`),
/// grouped by term (see `Index::off`).
struct Segment {
    first: u32,
    doc: Vec<u32>,
    flag: Vec<u8>,
    /// Per posting, a 32-bit signature of the words that follow the term
    /// in that doc (one bit per word, by hash): a phrase "a b" can only be
    /// in docs whose posting of `a` has `b`'s bit. Rules out most docs for
    /// 4 bytes a posting, before any text is read.
    next: Vec<u32>,
}

/// A term's postings in one segment: docs (ascending), with their flags and
/// next-word signatures.
pub(crate) struct Postings<'a> {
    pub docs: &'a [u32],
    pub flags: &'a [u8],
    pub next: &'a [u32],
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

/// Postings over a vocabulary of its own, flat (CSR): a chunk's, or a
/// segment's once its chunks are merged (then `terms` is sorted). A few big
/// allocations, instead of one small vector per term fragmenting the heap.
struct Local {
    terms: Terms,
    off: Vec<u32>,
    doc: Vec<u32>,
    flag: Vec<u8>,
    next: Vec<u32>,
}

/// Date key -> docs, in doc order.
type Dates = HashMap<Box<str>, Vec<u32>>;

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
    vocab: Interner,
    /// (local term, doc, what) in doc order, for all docs of the chunk.
    all: Vec<(u32, u32, Seen)>,
    dates: Dates,
    /// Per local term: 1 + the doc (in the chunk) it was last seen in...
    stamp: Vec<u32>,
    /// ...and its entry in `entries` for that doc.
    slot: Vec<u32>,
    entries: Vec<(u32, Seen)>,
    buf: String,
}

impl ChunkBuilder {
    fn term(&mut self) -> u32 {
        let id = self.vocab.intern(&self.buf);
        if id as usize == self.stamp.len() {
            self.stamp.push(0);
            self.slot.push(0);
        }
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

/// Indexes docs `docs` (their inputs from `input`).
fn index_chunk<'a>(docs: std::ops::Range<usize>, input: &impl Fn(usize) -> DocInput<'a>) -> (Local, Dates) {
    let mut b = ChunkBuilder {
        vocab: Interner::default(),
        all: Vec::new(),
        dates: HashMap::new(),
        stamp: Vec::new(),
        slot: Vec::new(),
        entries: Vec::new(),
        buf: String::new(),
    };
    let mut keys = Vec::new();
    for (k, doc) in docs.enumerate() {
        let d = input(doc);
        let doc = doc as u32;
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
    (Local { terms: b.vocab.into_strings(), off, doc, flag, next }, b.dates)
}

/// The distinct terms of several vocabularies, sorted (byte order).
fn union<'a>(vocabs: impl Iterator<Item = &'a Terms>) -> Terms {
    let mut all: Vec<&str> = vocabs.flat_map(|v| v.iter()).collect();
    all.par_sort_unstable();
    all.dedup();
    let mut terms = Terms::with_capacity(all.len(), all.iter().map(|t| t.len()).sum());
    all.iter().for_each(|t| _ = terms.push(t));
    terms
}

/// The distinct terms of sorted vocabularies, sorted: a merge, which
/// needs no list of all their terms as `union` does.
fn merge_sorted(vocabs: &[&Terms]) -> Terms {
    let mut at = vec![0u32; vocabs.len()];
    let mut out = Terms::default();
    loop {
        let heads = vocabs.iter().zip(&at).filter(|(v, i)| (**i as usize) < v.len());
        let Some(min) = heads.map(|(v, &i)| &v[i as usize]).min() else { break };
        out.push(min);
        for (v, i) in vocabs.iter().zip(&mut at) {
            if (*i as usize) < v.len() && &v[*i as usize] == min {
                *i += 1;
            }
        }
    }
    out.shrink_to_fit();
    out
}

/// The first id, from `from` on, of sorted `terms` for which `below` is
/// false; `below` must hold for a prefix of them only.
fn partition_terms(terms: &Terms, from: u32, below: impl Fn(&str) -> bool) -> u32 {
    let (mut lo, mut hi) = (from, terms.len() as u32);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if below(&terms[mid as usize]) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// The id of `t` in sorted `terms`.
fn find_term(terms: &Terms, t: &str) -> Option<u32> {
    let i = partition_terms(terms, 0, |g| g < t);
    (i < terms.len() as u32 && &terms[i as usize] == t).then_some(i)
}

/// Merges chunks (in doc order) into one `Local` with a sorted vocabulary,
/// and their dates into `dates`. Appending chunk after chunk keeps every
/// posting list sorted.
fn merge_chunks(chunks: Vec<(Local, Dates)>, dates: &mut Dates) -> Local {
    let terms = union(chunks.iter().map(|c| &c.0.terms));
    // Chunk term id -> merged term id, per chunk.
    let maps: Vec<Vec<u32>> = chunks
        .par_iter()
        .map(|(c, _)| c.terms.iter().map(|t| find_term(&terms, t).expect("term in vocabulary")).collect())
        .collect();
    let mut off = vec![0u32; terms.len() + 1];
    for ((c, _), m) in chunks.iter().zip(&maps) {
        for (w, &g) in c.off.windows(2).zip(m) {
            off[g as usize + 1] += w[1] - w[0];
        }
    }
    for i in 0..terms.len() {
        off[i + 1] += off[i];
    }
    let total = off[terms.len()] as usize;
    let (mut doc, mut flag, mut next) = (vec![0u32; total], vec![0u8; total], vec![0u32; total]);
    let mut cursor: Vec<u32> = off[..terms.len()].to_vec();
    for ((c, chunk_dates), m) in chunks.into_iter().zip(&maps) {
        for (t, &g) in m.iter().enumerate() {
            let (a, b) = (c.off[t] as usize, c.off[t + 1] as usize);
            let at = cursor[g as usize] as usize;
            let len = b - a;
            doc[at..at + len].copy_from_slice(&c.doc[a..b]);
            flag[at..at + len].copy_from_slice(&c.flag[a..b]);
            next[at..at + len].copy_from_slice(&c.next[a..b]);
            cursor[g as usize] += len as u32;
        }
        for (k, mut v) in chunk_dates {
            dates.entry(k).or_default().append(&mut v);
        }
    }
    Local { terms, off, doc, flag, next }
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Index({} docs, {} terms, {} segments)", self.n_docs, self.vocabulary_len(), self.segments.len())
    }
}

/// At most this many segments. The build's scratch is about one segment's
/// chunks; each segment adds 4 bytes a term of offsets and some search time
/// (see the module doc). 6 keeps the index no bigger than one flat list
/// with a vocabulary of one allocation per term was.
const SEGMENTS: usize = 6;
/// Smaller corpora get fewer segments: their scratch is small anyway.
const MIN_SEGMENT_DOCS: usize = 8192;

impl Index {
    /// Index the documents; doc ids are their positions in `docs`.
    pub fn build(docs: Vec<DocInput<'_>>) -> Index {
        Index::build_with(docs.len(), |i| docs[i].clone())
    }

    /// Index `n` documents, asking `input` for each one's input as it is
    /// indexed: only a few inputs are alive at once, where a vector of all
    /// of them would be part of the build's peak (the app's lists of names
    /// add up to ~150 MB at 100,000 articles).
    pub fn build_with<'a>(n: usize, input: impl Fn(usize) -> DocInput<'a> + Sync) -> Index {
        Index::build_segmented(n, input, n.div_ceil(SEGMENTS).max(MIN_SEGMENT_DOCS))
    }

    /// `build_with`, with segments of `segment_docs` documents (the last
    /// may be shorter); tests use small ones to cross segment boundaries.
    pub(crate) fn build_segmented<'a>(
        n: usize,
        input: impl Fn(usize) -> DocInput<'a> + Sync,
        segment_docs: usize,
    ) -> Index {
        let segment_docs = segment_docs.max(1);
        // Enough chunks per segment to keep every thread busy to its end.
        let chunk_len = (segment_docs / (rayon::current_num_threads() * 8)).clamp(64, 4096);
        let mut dates = Dates::new();
        let mut locals = Vec::new();
        for first in (0..n).step_by(segment_docs) {
            let end = n.min(first + segment_docs);
            let chunks: Vec<(Local, Dates)> = (first..end)
                .into_par_iter()
                .step_by(chunk_len)
                .map(|a| index_chunk(a..end.min(a + chunk_len), &input))
                .collect();
            // The chunks are freed here, before the next segment's are built.
            locals.push((first as u32, merge_chunks(chunks, &mut dates)));
        }
        Index::assemble(n as u32, locals, dates)
    }

    /// The global vocabulary from the segments' own, and each segment's
    /// offsets re-indexed by global term id.
    fn assemble(n_docs: u32, locals: Vec<(u32, Local)>, dates: Dates) -> Index {
        let terms = merge_sorted(&locals.iter().map(|(_, l)| &l.terms).collect::<Vec<_>>());
        let n = terms.len();
        // Exactly sized: these live as long as the index.
        let mut by_len: Vec<Vec<(u64, u32)>> = vec![Vec::new(); LEN_BUCKETS + 1];
        let len_of = |t: &str| t.chars().count().min(LEN_BUCKETS);
        let mut counts = [0usize; LEN_BUCKETS + 1];
        terms.iter().for_each(|t| counts[len_of(t)] += 1);
        by_len.iter_mut().zip(counts).for_each(|(b, c)| b.reserve_exact(c));
        for (id, t) in terms.iter().enumerate() {
            by_len[len_of(t)].push((char_mask(t), id as u32));
        }
        let mut term_flags = vec![0u8; n];
        let segs = locals.len();
        let mut off = vec![0u32; (n + 1) * segs];
        for (s, (_, l)) in locals.iter().enumerate() {
            // Both vocabularies are sorted: walk them side by side.
            let mut k = 0;
            for (g, t) in terms.iter().enumerate() {
                off[g * segs + s] = l.off[k];
                if k < l.terms.len() && &l.terms[k] == t {
                    let (a, b) = (l.off[k] as usize, l.off[k + 1] as usize);
                    term_flags[g] |= l.flag[a..b].iter().fold(0, |x, y| x | y);
                    k += 1;
                }
            }
            off[n * segs + s] = l.off[k];
        }
        let segments =
            locals.into_iter().map(|(first, l)| Segment { first, doc: l.doc, flag: l.flag, next: l.next }).collect();
        let mut dates: Vec<(Box<str>, Vec<u32>)> = dates
            .into_iter()
            .map(|(k, mut v)| {
                v.shrink_to_fit();
                (k, v)
            })
            .collect();
        dates.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Index { n_docs, terms, term_flags, segments, off, by_len, dates, text: None }
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

    #[cfg(test)]
    pub(crate) fn segment_count(&self) -> usize {
        self.segments.len()
    }

    /// Number of (term, doc) postings.
    pub fn postings_len(&self) -> usize {
        self.segments.iter().map(|s| s.doc.len()).sum()
    }

    /// Approximate heap bytes held by the index (not the documents' text).
    pub fn heap_bytes(&self) -> usize {
        let by_len: usize = self.by_len.iter().map(|b| b.capacity() * 16).sum();
        let dates: usize = self.dates.iter().map(|(k, v)| k.len() + 40 + v.capacity() * 4).sum();
        let segments: usize =
            self.segments.iter().map(|s| s.doc.capacity() * 4 + s.flag.capacity() + s.next.capacity() * 4).sum();
        self.terms.heap_bytes() + self.term_flags.capacity() + self.off.capacity() * 4 + segments + by_len + dates
    }

    /// The text of term `t`.
    pub(crate) fn term(&self, t: u32) -> &str {
        &self.terms[t as usize]
    }

    /// A term's postings, segment by segment (so in doc order).
    pub(crate) fn postings(&self, term: u32) -> impl Iterator<Item = Postings<'_>> {
        let (starts, ends) = self.term_offsets(term);
        // Most terms are rare: skip the segments they are not in.
        self.segments.iter().zip(starts.iter().zip(ends)).filter(|(_, (a, b))| a != b).map(|(seg, (&a, &b))| {
            let (a, b) = (a as usize, b as usize);
            Postings { docs: &seg.doc[a..b], flags: &seg.flag[a..b], next: &seg.next[a..b] }
        })
    }

    /// Where a term's postings start and end in each segment.
    fn term_offsets(&self, term: u32) -> (&[u32], &[u32]) {
        let (n, t) = (self.segments.len(), term as usize);
        (&self.off[t * n..(t + 1) * n], &self.off[(t + 1) * n..(t + 2) * n])
    }

    /// Number of docs a term occurs in.
    pub(crate) fn doc_freq(&self, term: u32) -> usize {
        let (starts, ends) = self.term_offsets(term);
        starts.iter().zip(ends).map(|(&a, &b)| (b - a) as usize).sum()
    }

    /// The flags of a term's posting for `doc`, if the term occurs there.
    pub(crate) fn flags_in(&self, term: u32, doc: u32) -> Option<u8> {
        let s = self.segments.partition_point(|s| s.first <= doc).checked_sub(1)?;
        let (starts, ends) = self.term_offsets(term);
        let (seg, a, b) = (&self.segments[s], starts[s] as usize, ends[s] as usize);
        seg.doc[a..b].binary_search(&doc).ok().map(|i| seg.flag[a + i])
    }

    /// The id of a term, if in the vocabulary.
    pub(crate) fn term_id(&self, t: &str) -> Option<u32> {
        find_term(&self.terms, t)
    }

    /// Term ids whose text starts with `prefix`: a contiguous range.
    pub(crate) fn prefix_range(&self, prefix: &str) -> std::ops::Range<u32> {
        let lo = partition_terms(&self.terms, 0, |t| t < prefix);
        let hi = partition_terms(&self.terms, lo, |t| t.starts_with(prefix));
        lo..hi
    }
}
