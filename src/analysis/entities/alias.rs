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
type HashSet<K> = hashbrown::HashSet<K>;

fn map_for<K, V>(n: usize) -> HashMap<K, V> {
    HashMap::with_capacity(n)
}

/// Link `cands` (in text order) in place.
pub fn link(cx: &Ctx, cands: &mut [Cand]) {
    link_acronyms(cx, cands);

    // Best evidence per surface text, and full person names by their last
    // word ("Putin" -> "Vladimir Putin").
    // Sized up front: growing these maps showed in profiles.
    let mut by_text: HashMap<&str, (Kind, Strength, usize)> = map_for(cands.len());
    let mut by_surname: HashMap<&str, usize> = map_for(cands.len() / 2);
    // Organisations by their first word ("Apple" -> "Apple Computer") and,
    // for lone cue words, by their last ("the League" -> "League of ...").
    let mut org_head: HashMap<&str, usize> = map_for(cands.len() / 2);
    for (k, c) in cands.iter().enumerate() {
        let text = span(cx, c);
        let e = by_text.entry(text).or_insert((c.kind, c.strength, k));
        if c.strength > e.1 {
            *e = (c.kind, c.strength, k);
        }
        if c.kind == Kind::Person && c.b - c.a >= 2 {
            let last = cx.text(c.b - 1);
            let e = by_surname.entry(last).or_insert(k);
            if cands[*e].strength < c.strength {
                *e = k;
            }
        }
        if c.kind == Kind::Org && c.b - c.a >= 2 && c.strength >= Strength::Medium {
            org_head.entry(cx.text(c.a)).or_insert(k);
            org_head.entry(cx.text(c.b - 1)).or_insert(k);
        }
    }
    for k in 0..cands.len() {
        let c = &cands[k];
        let text = span(cx, c);
        if c.b - c.a == 1
            && c.strength < Strength::Strong
            && let Some(&full) = by_surname.get(text)
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
            && let Some(&full) = org_head.get(text)
            && (c.strength == Strength::Unsure || cx.text(cands[full].a) == text)
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
        if let Some(&(kind, strength, src)) = by_text.get(text)
            && strength > c.strength
        {
            let canonical = cands[src].canonical.clone();
            let c = &mut cands[k];
            c.kind = kind;
            c.strength = strength;
            c.canonical = canonical;
        }
    }
    confirm_initials(cx, cands);
    lone_names(cx, cands);
}

/// A word that opens a sentence but also appears capitalised inside one is
/// a name: keep its sentence-initial uses.
fn confirm_initials(cx: &Ctx, cands: &mut [Cand]) {
    use super::tokens::INITIAL;
    let mut mid: HashMap<&str, (Kind, Strength)> = map_for(cands.len());
    for c in cands.iter() {
        if c.strength >= Strength::Guess && !cx.toks[c.a].has(INITIAL) {
            let e = mid.entry(span(cx, c)).or_insert((c.kind, c.strength));
            if c.strength > e.1 {
                *e = (c.kind, c.strength);
            }
        }
    }
    for c in cands.iter_mut() {
        if cx.toks[c.a].has(INITIAL)
            && c.strength < Strength::Medium
            && c.strength > Strength::Unsure
            && let Some(&(kind, _)) = mid.get(span(cx, c))
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
fn lone_names(cx: &Ctx, cands: &mut [Cand]) {
    let mut votes: HashMap<&str, (u32, u32, bool)> = HashMap::new();
    for c in cands.iter() {
        if c.b - c.a != 1 || c.kind != Kind::Person || c.canonical.is_some() {
            continue;
        }
        let v = votes.entry(cx.text(c.a)).or_default();
        match super::filters::pronoun_vote(cx, c) {
            Some(Kind::Person) => v.0 += 1,
            Some(Kind::Org) => v.1 += 1,
            _ => {}
        }
        v.2 |= c.strength == Strength::Strong;
    }
    // "Northrop Grumman ... Northrop": organisations are shortened to their
    // first word, people to their last.
    let singles: HashSet<&str> = cands.iter().filter(|c| c.b - c.a == 1).map(|c| cx.text(c.a)).collect();
    for c in cands.iter_mut() {
        if c.b - c.a >= 2
            && c.kind == Kind::Person
            && c.strength <= Strength::Weak
            && c.canonical.is_none()
            && cx.look.single[c.a] & super::gazetteer::GIVEN == 0
        {
            let first = singles.contains(cx.text(c.a));
            let last = singles.contains(cx.text(c.b - 1));
            let vote = super::filters::pronoun_vote(cx, c);
            if (first && !last) || vote == Some(Kind::Org) {
                c.kind = Kind::Org;
            }
        }
    }
    for c in cands.iter_mut() {
        if c.b - c.a != 1 || c.kind != Kind::Person || c.canonical.is_some() {
            continue;
        }
        let w = cx.text(c.a);
        let Some(&(person, org, strong)) = votes.get(w) else {
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
    let b = text.as_bytes();
    if b.iter().all(|&x| (b' '..0x7f).contains(&x)) && !b.windows(2).any(|w| w == b"  ") {
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
