//! Evidence that overrides the shape of a run: whether a candidate is too
//! doubtful to show (sentence openers, headlines, quoted titles), and the
//! pronoun and word-ending signs the alias pass weighs.

use super::rules::{Cand, Ctx, Strength};
use super::tokens::{AFTER_QUOTE, HEADLINE, INITIAL};
use crate::analysis::Kind;

/// Ends like an English common noun: "-ship", "-tion", "-ment", a plural.
pub fn nounish(w: &str) -> bool {
    noun_suffix(w) || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is"))
}

/// Ends in a common-noun suffix ("-ship", "-tion", "-ment").
fn noun_suffix(w: &str) -> bool {
    const ENDINGS: &[&str] =
        &["ship", "tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ers", "ics", "ogy", "ial"];
    ENDINGS.iter().any(|e| w.ends_with(e))
}

/// Whether the capitalised run holding token `t` opens right after a quote
/// mark ("Best Summer Album").
fn quoted_run(cx: &Ctx, mut t: usize) -> bool {
    while t > 0 && cx.joined(t) && cx.cap(t - 1) && !cx.poss(t - 1) {
        t -= 1;
    }
    cx.toks[t].has(AFTER_QUOTE)
}

/// Verbs after a sentence-initial word that show it is the subject, so a
/// name ("Boeing has unveiled", "Apple today released").
const SUBJECT_VERBS: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "was",
    "will",
    "would",
    "said",
    "says",
    "today",
    "announced",
    "unveiled",
    "released",
    "launched",
    "reported",
    "confirmed",
    "claims",
    "claimed",
    "denied",
];

/// Whether a candidate should be dropped: a lone capitalised word at a
/// sentence start or in a headline, or a guessed run right after an opening
/// quote (a title of a work), says nothing.
pub fn doubtful(cx: &Ctx, c: &Cand) -> bool {
    let t = &cx.toks[c.a];
    let lone_initial = c.b - c.a == 1 && t.has(INITIAL) && !subject(cx, c.a);
    // Rules and lists are for Latin-script English text: a guessed run in
    // another script is usually the original spelling of a name just given.
    let latin = cx.body[t.range()].chars().next().is_some_and(|ch| (ch as u32) < 0x0250);
    match c.strength {
        Strength::Unsure => true,
        Strength::Guess => {
            t.has(HEADLINE)
                || quoted_run(cx, c.a)
                || lone_initial
                || !latin
                || (c.b - c.a == 1 && common_word_shape(cx.text(c.a)))
        }
        Strength::Weak => lone_initial,
        _ => false,
    }
}

/// A sentence-initial word that is clearly the subject of a verb or owns
/// something ("Boeing's newest aircraft"): a name, not a common noun, unless
/// it looks like a plural.
fn subject(cx: &Ctx, t: usize) -> bool {
    let w = cx.text(t);
    if w.ends_with('s') && !cx.poss(t) {
        return false;
    }
    // Common-noun endings: "Membership is", "Scouting was".
    const NOUNISH: &[&str] = &["ship", "tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence"];
    if NOUNISH.iter().any(|s| w.ends_with(s)) || (w.ends_with("ing") && !cx.poss(t)) {
        return false;
    }
    cx.poss(t) || (t + 1 < cx.toks.len() && cx.joined(t + 1) && SUBJECT_VERBS.contains(&cx.text(t + 1)))
}

/// A lone capitalised word that looks like an English adjective or a
/// hyphenated term ("Chemoautotrophic", "Caesarean", "C-section"): with no
/// other evidence, not a name.
fn common_word_shape(w: &str) -> bool {
    const ENDINGS: &[&str] = &["ic", "ical", "ean", "ive", "ous", "ful", "less", "able", "ible"];
    let hyphen_lower = w.split_once('-').is_some_and(|(_, r)| r.starts_with(|c: char| c.is_lowercase()));
    // Plurals stay: lone plural names are often bands ("the Beatles").
    hyphen_lower || ENDINGS.iter().any(|e| w.ends_with(e)) || noun_suffix(w)
}

/// Pronoun evidence after a mention in its sentence: `Some(Person)` for
/// "he/his/she/her", `Some(Org)` for "its", the first one found.
pub fn pronoun_vote(cx: &Ctx, c: &Cand) -> Option<Kind> {
    for t in c.b..(c.b + 12).min(cx.toks.len()) {
        if cx.toks[t].has(INITIAL) && cx.cap(t) {
            break;
        }
        match cx.text(t) {
            "he" | "his" | "him" | "she" | "her" | "himself" | "herself" => {
                return Some(Kind::Person);
            }
            "its" | "itself" => return Some(Kind::Org),
            _ => {}
        }
    }
    None
}
