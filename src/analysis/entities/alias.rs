//! Alias linking within one article: a surname after a full name, an
//! acronym in brackets after the name it abbreviates, and the same text
//! seen elsewhere with better evidence all take the kind and canonical name
//! of the better-known mention.

use super::rules::{Cand, Ctx, Strength};
use crate::analysis::Kind;
use std::borrow::Cow;

// hashbrown's default hasher (foldhash): the maps here hold a few dozen
// short names per article, where SipHash's setup cost dominates and FNV's
// byte-at-a-time loop shows in profiles. No map here is iterated, so the
// hasher cannot change a result.
type HashMap<K, V> = hashbrown::HashMap<K, V>;

/// The texts the links key on, numbered per article: every candidate's
/// span and, for a run of two or more words, its first and last word. Each
/// is hashed once here; the passes below index vectors by number, where a
/// map per pass hashed and compared the same names again and again.
struct Texts {
    /// Number of each candidate's span.
    span: Vec<usize>,
    /// Numbers of the first and last word of each candidate (its span for
    /// a single word).
    first: Vec<usize>,
    last: Vec<usize>,
    /// How many distinct texts.
    len: usize,
}

impl Texts {
    fn new(cx: &Ctx, cands: &[Cand]) -> Texts {
        let mut ids: HashMap<&str, usize> = HashMap::with_capacity(cands.len() * 2);
        let mut id = |text| {
            let next = ids.len();
            *ids.entry(text).or_insert(next)
        };
        let mut t = Texts {
            span: Vec::with_capacity(cands.len()),
            first: Vec::with_capacity(cands.len()),
            last: Vec::with_capacity(cands.len()),
            len: 0,
        };
        for c in cands {
            let span = id(span(cx, c));
            t.span.push(span);
            if c.b - c.a == 1 {
                t.first.push(span);
                t.last.push(span);
            } else {
                t.first.push(id(cx.text(c.a)));
                t.last.push(id(cx.text(c.b - 1)));
            }
        }
        t.len = ids.len();
        t
    }

    /// A vector with one `T::default()` per text.
    fn table<T: Clone + Default>(&self) -> Vec<T> {
        vec![T::default(); self.len]
    }
}

/// Link `cands` (in text order) in place.
pub fn link(cx: &Ctx, cands: &mut [Cand]) {
    link_acronyms(cx, cands);
    let texts = Texts::new(cx, cands);

    // Best evidence per surface text, and full person names by their last
    // word ("Putin" -> "Vladimir Putin").
    let mut by_text: Vec<Option<(Kind, Strength, usize)>> = texts.table();
    let mut by_surname: Vec<Option<usize>> = texts.table();
    // Organisations by their first word ("Apple" -> "Apple Computer") and,
    // for lone cue words, by their last ("the League" -> "League of ...").
    let mut org_head: Vec<Option<usize>> = texts.table();
    for (k, c) in cands.iter().enumerate() {
        let e = by_text[texts.span[k]].get_or_insert((c.kind, c.strength, k));
        if c.strength > e.1 {
            *e = (c.kind, c.strength, k);
        }
        if c.kind == Kind::Person && c.b - c.a >= 2 {
            let e = by_surname[texts.last[k]].get_or_insert(k);
            if cands[*e].strength < c.strength {
                *e = k;
            }
        }
        if c.kind == Kind::Org && c.b - c.a >= 2 && c.strength >= Strength::Medium {
            org_head[texts.first[k]].get_or_insert(k);
            org_head[texts.last[k]].get_or_insert(k);
        }
    }
    for k in 0..cands.len() {
        let c = &cands[k];
        let text = texts.span[k];
        if c.b - c.a == 1
            && c.strength < Strength::Strong
            && let Some(full) = by_surname[text]
        {
            let canonical = canonical_of(cx, &cands[full]);
            let c = &mut cands[k];
            c.kind = Kind::Person;
            c.strength = Strength::Medium;
            c.canonical = Some(canonical);
            continue;
        }
        if c.b - c.a == 1
            && c.strength < Strength::Medium
            && let Some(full) = org_head[text]
            && (c.strength == Strength::Unsure || texts.first[full] == text)
        {
            let canonical = canonical_of(cx, &cands[full]);
            let unsure = c.strength == Strength::Unsure;
            let c = &mut cands[k];
            c.kind = Kind::Org;
            c.strength = Strength::Medium;
            // "the League" stands for the full name; "Apple" is its own
            // short name of "Apple Computer".
            c.canonical = if unsure { Some(canonical) } else { None };
            continue;
        }
        if let Some((kind, strength, src)) = by_text[text]
            && strength > c.strength
        {
            let canonical = cands[src].canonical.clone();
            let c = &mut cands[k];
            c.kind = kind;
            c.strength = strength;
            c.canonical = canonical;
        }
    }
    confirm_initials(cx, &texts, cands);
    lone_names(cx, &texts, cands);
}

/// A word that opens a sentence but also appears capitalised inside one is
/// a name: keep its sentence-initial uses.
fn confirm_initials(cx: &Ctx, texts: &Texts, cands: &mut [Cand]) {
    use super::tokens::INITIAL;
    let mut mid: Vec<Option<(Kind, Strength)>> = texts.table();
    for (c, &text) in cands.iter().zip(&texts.span) {
        if c.strength >= Strength::Guess && !cx.toks[c.a].has(INITIAL) {
            let e = mid[text].get_or_insert((c.kind, c.strength));
            if c.strength > e.1 {
                *e = (c.kind, c.strength);
            }
        }
    }
    for (c, &text) in cands.iter_mut().zip(&texts.span) {
        if cx.toks[c.a].has(INITIAL)
            && c.strength < Strength::Medium
            && c.strength > Strength::Unsure
            && let Some((kind, _)) = mid[text]
        {
            c.kind = kind;
            c.strength = Strength::Medium;
        }
    }
}

/// A single word taken for a person ("Apple said", a surname from the
/// list) that never appears with a first name in the article: news
/// introduces people by full name, so unless a pronoun says "he" or "she",
/// or the word is a known given name, it is an organisation.
fn lone_names(cx: &Ctx, texts: &Texts, cands: &mut [Cand]) {
    // Pronoun votes for and against a person, and whether any use of the
    // word was strong evidence; `None` where no lone person use was seen.
    let mut votes: Vec<Option<(u32, u32, bool)>> = texts.table();
    for (c, &text) in cands.iter().zip(&texts.span) {
        if c.b - c.a != 1 || c.kind != Kind::Person || c.canonical.is_some() {
            continue;
        }
        let v = votes[text].get_or_insert_default();
        match super::filters::pronoun_vote(cx, c) {
            Some(Kind::Person) => v.0 += 1,
            Some(Kind::Org) => v.1 += 1,
            _ => {}
        }
        v.2 |= c.strength == Strength::Strong;
    }
    // "Northrop Grumman ... Northrop": organisations are shortened to their
    // first word, people to their last.
    let mut singles: Vec<bool> = texts.table();
    for (c, &text) in cands.iter().zip(&texts.span) {
        if c.b - c.a == 1 {
            singles[text] = true;
        }
    }
    for (k, c) in cands.iter_mut().enumerate() {
        if c.b - c.a >= 2
            && c.kind == Kind::Person
            && c.strength <= Strength::Weak
            && c.canonical.is_none()
            && cx.look.single[c.a] & super::gazetteer::GIVEN == 0
        {
            let first = singles[texts.first[k]];
            let last = singles[texts.last[k]];
            let vote = super::filters::pronoun_vote(cx, c);
            if (first && !last) || vote == Some(Kind::Org) {
                c.kind = Kind::Org;
            }
        }
    }
    for (c, &text) in cands.iter_mut().zip(&texts.span) {
        if c.b - c.a != 1 || c.kind != Kind::Person || c.canonical.is_some() {
            continue;
        }
        let Some((person, org, strong)) = votes[text] else {
            continue;
        };
        let given = cx.look.single[c.a] & super::gazetteer::GIVEN != 0;
        if !strong && (org > person || (person == 0 && !given)) {
            c.kind = Kind::Org;
        }
    }
}

/// "North Korean Central News Agency (KCNA)": the bracketed acronym, and
/// every later use of it, is the name before it.
fn link_acronyms(cx: &Ctx, cands: &mut [Cand]) {
    let mut acr: HashMap<String, (Kind, String)> = HashMap::new();
    for k in 1..cands.len() {
        let (prev, cur) = (&cands[k - 1], &cands[k]);
        if cur.b - cur.a == 1 && is_acronym(cx.text(cur.a)) {
            let between = &cx.body[cx.toks[prev.b - 1].end as usize..cx.toks[cur.a].start as usize];
            let after = &cx.body[cx.toks[cur.a].end as usize..];
            if between.trim() == "(" && after.starts_with(')') && prev.b - prev.a >= 2 {
                let canonical = canonical_of(cx, prev);
                acr.insert(cx.text(cur.a).to_string(), (prev.kind, canonical));
            }
        }
        if let Some((kind, canonical)) = acr.get(cx.text(cur.a))
            && cur.b - cur.a == 1
        {
            let (kind, canonical) = (*kind, canonical.clone());
            let c = &mut cands[k];
            c.kind = kind;
            c.strength = Strength::Strong;
            c.canonical = Some(canonical);
        }
    }
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '&' || c.is_numeric())
}

fn span<'a>(cx: &Ctx<'a>, c: &Cand) -> &'a str {
    &cx.body[cx.toks[c.a].start as usize..cx.toks[c.b - 1].end as usize]
}

/// Printable ASCII with no two spaces in a row.
fn plain_ascii(text: &[u8]) -> bool {
    let mut prev = 0;
    for &b in text {
        if !(b' '..0x7f).contains(&b) || (b == b' ' && prev == b' ') {
            return false;
        }
        prev = b;
    }
    true
}

/// The canonical name of a mention: its own, or the one it was linked to.
/// Runs of whitespace collapse to one space (a name broken over a line),
/// curly apostrophes become straight ones, short place forms take their
/// full name ("U.S." -> "United States").
pub fn canonical_of(cx: &Ctx, c: &Cand) -> String {
    canonical_cow(cx, c).into_owned()
}

/// [`canonical_of`], borrowed from the body or the candidate when no
/// rewriting is needed (most mentions): the analysis copies it into its
/// own buffer anyway.
pub fn canonical_cow<'a>(cx: &Ctx<'a>, c: &'a Cand) -> Cow<'a, str> {
    if let Some(s) = &c.canonical {
        return Cow::Borrowed(s);
    }
    let text = span(cx, c);
    if c.kind == Kind::Place
        && let Some(name) = super::gazetteer::GAZETTEER.canonical(text)
    {
        return Cow::Borrowed(name);
    }
    // Most names are plain ASCII with single spaces: one byte pass proves
    // it, cheaper than the searches below (this runs for every mention).
    if plain_ascii(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let mut name = if text.contains(['\t', '\n', '\u{a0}']) || text.contains("  ") {
        Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        Cow::Borrowed(text)
    };
    // "People’s" and "People's" are one name across articles.
    if name.contains('’') {
        name = Cow::Owned(name.replace('’', "'"));
    }
    name
}
