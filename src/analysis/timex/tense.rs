//! Which way an underspecified date points: the nearest tense cue in the
//! sentence decides ("will meet in March", "is expected to ... in July",
//! "to be held on October 12" look ahead; "met on Friday" looks back).
//! Without a cue, news looks back.

use super::resolve::Dir;
use super::scan::T;
use super::token::Kind;
use hashbrown::HashSet;
use std::sync::LazyLock;

const FUTURE: &[&str] = &[
    "will",
    "shall",
    "would",
    "expected",
    "expects",
    "scheduled",
    "planning",
    "due",
    "upcoming",
    "intends",
    "aims",
    "hopes",
    "forecast",
    "projected",
];

const PAST: &[&str] = &[
    "was", "were", "had", "did", "said", "told", "made", "came", "went", "took", "began", "won", "lost", "met", "held",
    "gave", "got", "saw", "fought", "sold", "bought", "left", "ran", "rose", "fell", "led", "paid", "built", "brought",
    "became", "knew", "thought", "found", "spent", "sent", "struck", "ago", "been", "wrote", "spoke", "chose", "flew",
    "grew", "drew", "broke", "began", "hit", "cut",
];

/// The lists as sets: `cue` runs on every word between a timex and the
/// ends of its sentence.
static FUTURE_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| FUTURE.iter().copied().collect());
static PAST_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| PAST.iter().copied().collect());

/// The tense cue at token `j`, if any.
fn cue(t: T, j: usize, body: &str) -> Option<Dir> {
    let tk = t.tok(j)?;
    if tk.kind == Kind::Punct {
        // "it'll", "we'll"
        return None;
    }
    let w = tk.w();
    if w == "ll" && t.p(j.wrapping_sub(1), b'\'') && j > 0 {
        return Some(Dir::Future);
    }
    if w == "going" && t.is(j + 1, "to") {
        return Some(Dir::Future);
    }
    // "plans to open", not "revealed plans"; "set to begin"
    if matches!(w, "plans" | "plan" | "planned" | "intend" | "intends") && t.is(j + 1, "to") {
        return Some(Dir::Future);
    }
    if w == "set" && t.any(j + 1, &["to", "for"]) {
        return Some(Dir::Future);
    }
    if w == "be" {
        return if t.pw(j) == "to" { Some(Dir::Future) } else { None };
    }
    if w == "is" || w == "are" {
        return if t.is(j + 1, "to") { Some(Dir::Future) } else { None };
    }
    let after_be = matches!(t.pw(j), "be" | "being");
    if FUTURE_SET.contains(w) {
        return Some(Dir::Future);
    }
    if PAST_SET.contains(w) {
        return if after_be { None } else { Some(Dir::Past) };
    }
    // regular past tense and participles: "announced", "delivered"; "to be
    // held", "will be delivered" look ahead, so a participle after "be" is
    // not a cue by itself.
    let text = &body[tk.s..tk.e];
    if tk.kind == Kind::Word && text.len() >= 5 && text.ends_with("ed") && !text.ends_with("eed") && !tk.cap {
        // "the planned stop", "its revised forecast": an adjective
        let adjective = matches!(
            t.pw(j),
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "that" | "these" | "those"
        );
        return if after_be || adjective { None } else { Some(Dir::Past) };
    }
    None
}

/// A full stop, question or exclamation mark before a capital: the segment
/// may hold several sentences (a splitter that gives one range per line), and
/// tense cues do not cross sentences.
pub fn boundary(t: T, j: usize) -> bool {
    (t.p(j, b'.') || t.p(j, b'!') || t.p(j, b'?')) && (t.cap(j + 1) || t.p(j + 1, b'"'))
}

/// Direction for a timex at tokens `s..e` of a sentence.
pub fn direction(t: T, s: usize, e: usize, body: &str) -> Dir {
    for j in (0..s).rev() {
        if boundary(t, j) {
            break;
        }
        if let Some(d) = cue(t, j, body) {
            return d;
        }
    }
    for j in e..t.len() {
        if boundary(t, j) {
            break;
        }
        if let Some(d) = cue(t, j, body) {
            return d;
        }
    }
    Dir::Past
}
