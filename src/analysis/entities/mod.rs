//! Named entities: PERSON, PLACE, ORG (and MISC for nationalities).
//!
//! No model. The pipeline, one pass each:
//!
//! 1. `tokens`: word tokens with shape flags (capitalised, all caps,
//!    possessive cut off, sentence- or quote-initial, headline).
//! 2. `gazetteer`: the lists in `assets/gazetteer/` (places, given names,
//!    surnames, demonyms, titles, cue words) in one double-array trie (`yada`), walked
//!    from the tokens that can start a relevant entry.
//! 3. `rules`: capitalised runs (with connectors such as "of", particles,
//!    and possessives bridged into organisation names) are split at titles,
//!    nationalities, months and model numbers, and classified from cue
//!    words and the words around them (`cues`); each candidate carries the
//!    strength of its evidence.
//! 4. `alias`: within the article, surnames link to full names, bracketed
//!    acronyms to what they abbreviate, short organisation names to long
//!    ones, and doubtful mentions take the kind of a confident one with the
//!    same text.
//! 5. `filters`: lone sentence openers, headline words and quoted titles
//!    with no better evidence are dropped.

mod alias;
mod cues;
mod filters;
mod gazetteer;
mod rules;
mod tokens;

use super::{Kind, NameMention};
use gazetteer::{GAZETTEER, Lookup};
use rules::Ctx;
use std::ops::Range;

/// Names in `body`, in order of `start`, non-overlapping, aliases linked
/// within the article. Offsets are byte offsets on char boundaries;
/// `sentences` are the ranges from [`crate::analysis::sentences::split`].
pub fn extract(body: &str, sentences: &[Range<usize>]) -> Vec<NameMention> {
    let mut out = Vec::new();
    extract_each(body, sentences, |start, end, kind, canonical| {
        out.push(NameMention { start, end, kind, canonical: canonical.to_string() })
    });
    out
}

/// [`extract`] as a callback per name, `(start, end, kind, canonical)`, in
/// order: the canonical name is lent rather than allocated, for callers
/// that keep it elsewhere (the analysis interns it).
pub(crate) fn extract_each(body: &str, sentences: &[Range<usize>], mut f: impl FnMut(usize, usize, Kind, &str)) {
    // Token offsets are u32; the corpus loader caps files far below this.
    if body.len() > u32::MAX as usize {
        return;
    }
    SCRATCH.with_borrow_mut(|scratch| {
        let Scratch { toks, look } = scratch;
        tokens::tokenize_into(body, sentences, toks);
        if !toks.is_empty() {
            look.fill(&GAZETTEER, body, toks);
            emit(&Ctx { body, toks, look }, &mut f);
        }
        if toks.capacity() * std::mem::size_of::<tokens::Token>() + look.capacity_bytes() > SCRATCH_KEEP {
            *scratch = Scratch::default();
        }
    });
}

/// Buffers a thread reuses from one article to the next: allocating them
/// anew for every article was a visible share of the allocator's time on a
/// large corpus.
#[derive(Default)]
struct Scratch {
    toks: Vec<tokens::Token>,
    look: Lookup,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// Scratch kept between articles up to this size; a huge article's buffers
/// are let go rather than held for the life of the thread.
const SCRATCH_KEEP: usize = 1 << 20;

/// Finds, links and filters the candidates of one tokenised body.
fn emit(cx: &Ctx, f: &mut impl FnMut(usize, usize, Kind, &str)) {
    let toks = cx.toks;
    let mut cands = rules::find(cx);
    alias::link(cx, &mut cands);
    let mut last_end = None;
    for c in &cands {
        if filters::doubtful(cx, c) {
            continue;
        }
        let start = toks[c.a].start as usize;
        let end = toks[c.b - 1].end as usize;
        // Runs are disjoint by construction; keep the guarantee explicit.
        if last_end.is_some_and(|e| e > start) || start >= end {
            continue;
        }
        last_end = Some(end);
        f(start, end, c.kind, &alias::canonical_cow(cx, c));
    }
}

/// Every candidate before filtering, with the strength of its evidence:
/// `(start, end, kind, strength, kept)`. A development aid for tuning the
/// rules (see `examples/ent_corpus.rs`); not part of the stable API.
#[doc(hidden)]
pub fn explain(body: &str, sentences: &[Range<usize>]) -> Vec<(usize, usize, Kind, String, bool)> {
    let toks = tokens::tokenize(body, sentences);
    if toks.is_empty() {
        return Vec::new();
    }
    let look = Lookup::new(GAZETTEER.scan(body, &toks), toks.len());
    let cx = Ctx { body, toks: &toks, look: &look };
    let mut cands = rules::find(&cx);
    alias::link(&cx, &mut cands);
    cands
        .iter()
        .map(|c| {
            let (s, e) = (toks[c.a].start as usize, toks[c.b - 1].end as usize);
            (s, e, c.kind, format!("{:?}", c.strength), !filters::doubtful(&cx, c))
        })
        .collect()
}

/// Force the gazetteer trie to be built now (it is otherwise built on
/// first use), e.g. before timing or before spawning workers.
pub fn warm_up() {
    std::sync::LazyLock::force(&GAZETTEER);
}
