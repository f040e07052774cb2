//! Capitalisation and context rules: group capitalised tokens into runs,
//! then decide what each run names from the gazetteer hits inside it and
//! the words around it.
//!
//! Evidence is graded so that the alias pass can let a confident mention
//! decide for a doubtful one with the same text ("Putin" after "President
//! Vladimir Putin").

use super::cues::{COMPASS, CORP_SUFFIXES, ORG_HEADS, PARTICLES, PLACE_AFTER, PLACE_OF, PLACE_PREPS, SAY_VERBS};
use super::filters::nounish;
use super::gazetteer::{
    CITY, COUNTRY, DEMONYM, EVENT_CUE, FUNC, GIVEN, Lookup, NONNAME, ORG_CUE, ORG_LOWER, PLACE_CUE, REGION, ROLE,
    ROLE_CAP, SURNAME, TITLE, TOWN,
};
use super::tokens::{ALLCAPS, CAP, HEADLINE, INITIAL, JOINED, POSS, Token};
use crate::analysis::Kind;

/// How sure a candidate's kind is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// A lone cue word ("the League", "the Council"): dropped unless the
    /// alias pass links it to a full name ("League of Rights").
    Unsure,
    /// No evidence but the capital letter: the kind is a default guess.
    Guess,
    /// One soft cue ("in X", a surname list, a small town).
    Weak,
    /// A pattern that is usually right (given name + word, "X said").
    Medium,
    /// A cue that is nearly always right (title, org cue word, country).
    Strong,
}

/// A candidate mention: a token range with its kind and evidence.
#[derive(Clone, Debug)]
pub struct Cand {
    /// Token range `a..b`.
    pub a: usize,
    pub b: usize,
    pub kind: Kind,
    pub strength: Strength,
    pub canonical: Option<String>,
}

/// The body, its tokens and their gazetteer hits: what every rule reads.
pub struct Ctx<'a> {
    pub body: &'a str,
    pub toks: &'a [Token],
    pub look: &'a Lookup,
}

impl Ctx<'_> {
    pub fn text(&self, t: usize) -> &str {
        &self.body[self.toks[t].range()]
    }
    pub(super) fn single(&self, t: usize) -> u32 {
        self.look.single[t]
    }
    pub(super) fn cap(&self, t: usize) -> bool {
        self.toks[t].flags & CAP != 0
    }
    pub(super) fn joined(&self, t: usize) -> bool {
        self.toks[t].flags & JOINED != 0
    }
    pub(super) fn poss(&self, t: usize) -> bool {
        self.toks[t].flags & POSS != 0
    }
    /// End of the capitalised stretch starting at `t` (no connectors).
    pub(super) fn caps_from(&self, t: usize) -> usize {
        let mut k = t;
        while k < self.toks.len() && self.cap(k) && (k == t || (self.joined(k) && !self.poss(k - 1))) {
            k += 1;
        }
        k
    }
}

/// Longest run classified as a whole ("Studio of Military Painters named
/// after Grekov" is 8 tokens).
const MAX_RUN: usize = 12;

/// All candidate names of the body, in order, non-overlapping.
pub fn find(cx: &Ctx) -> Vec<Cand> {
    let n = cx.toks.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !cx.cap(i) {
            i += 1;
            continue;
        }
        let j = extend_run(cx, i);
        // Headlines, and runs too long to be one name (a list, a shouting
        // line), are cut into known entries; this also bounds recursion.
        if (cx.toks[i].has(HEADLINE) && j - i > 1) || j - i > MAX_RUN {
            split_headline(cx, i, j, &mut out);
        } else {
            split_nonnames(cx, i, j, &mut out);
        }
        i = j;
    }
    out
}

/// Grow a run of capitalised tokens from `i`, bridging connectors and
/// possessives only where a cue word says the whole is one name.
fn extend_run(cx: &Ctx, i: usize) -> usize {
    let n = cx.toks.len();
    let mut j = i + 1;
    let mut has_org_cue = cx.single(i) & ORG_CUE != 0;
    let mut joined_of = false;
    loop {
        if j >= n || !cx.joined(j) || cx.toks[j - 1].has(super::tokens::COMMA_AFTER) {
            break;
        }
        // A company suffix closes the name: "Apple Inc. Steve Jobs".
        if CORP_SUFFIXES.contains(&cx.text(j - 1)) {
            break;
        }
        if cx.cap(j) {
            if !cx.poss(j - 1) {
                has_org_cue |= cx.single(j) & ORG_CUE != 0;
                j += 1;
                continue;
            }
            // "Korean People’s Army": bridge a possessive only into an
            // organisation name.
            let k = cx.caps_from(j);
            if cx.single(k - 1) & ORG_CUE != 0 {
                j = k;
                has_org_cue = true;
                continue;
            }
            break;
        }
        if cx.poss(j - 1) {
            break;
        }
        // A title with a connector inside ("Secretary of State") spans it.
        if let Some(e) = (i..j).find_map(|t| {
            cx.look.at(t).iter().find(|h| h.flags & TITLE != 0 && h.end_tok as usize > j).map(|h| h.end_tok as usize)
        }) {
            j = e;
            continue;
        }
        // Connectors between capitalised words.
        let w = cx.text(j);
        let mut skip = 1;
        if w == "of" && j + 2 < n && cx.text(j + 1) == "the" && cx.joined(j + 2) {
            skip = 2;
        }
        if w == "named" && j + 2 < n && cx.text(j + 1) == "after" && cx.joined(j + 2) {
            skip = 2;
        }
        let k = j + skip;
        if k >= n || !cx.cap(k) || !cx.joined(k) || !cx.joined(j) {
            break;
        }
        let head = cx.single(j - 1);
        let next_end = cx.caps_from(k);
        let tail_org = cx.single(next_end - 1) & ORG_CUE != 0;
        let ok = match w {
            "of" | "for" => head & (ORG_CUE | PLACE_CUE) != 0 || (tail_org && has_org_cue),
            // "Institute of Arts and Sciences" is one name; "University of
            // X and Y Airlines" are two.
            "and" => has_org_cue && joined_of && !tail_org,
            "&" => true,
            "named" => has_org_cue,
            _ => PARTICLES.contains(&w) && cx.single(i) & FUNC == 0,
        };
        if !ok {
            break;
        }
        has_org_cue |= tail_org;
        joined_of |= matches!(w, "of" | "for");
        j = next_end;
    }
    j
}

/// In a headline every word is capitalised, so a run says nothing about
/// where names begin and end: cut it into gazetteer entries and single
/// words (kept only if the article confirms them), and given name + word.
fn split_headline(cx: &Ctx, a: usize, b: usize, out: &mut Vec<Cand>) {
    let mut t = a;
    while t < b {
        let known = COUNTRY | REGION | CITY | DEMONYM | TITLE | NONNAME | FUNC;
        if let Some(e) = cx.look.longest(t, b, known) {
            let f = cx.look.exact(t, e);
            if f & (COUNTRY | REGION | CITY | DEMONYM) != 0 && f & (NONNAME | FUNC) == 0 {
                classify(cx, t, e, None, out);
            }
            t = e;
        } else if cx.single(t) & GIVEN != 0 && t + 1 < b && cx.single(t + 1) & FUNC == 0 {
            classify(cx, t, t + 2, None, out);
            t += 2;
        } else {
            classify(cx, t, t + 1, None, out);
            t += 1;
        }
    }
}

/// Months, weekdays and holidays split a run and are never emitted, except
/// after a given name ("Theresa May"). A model number ("Airbus A330",
/// "Boeing 787") ends a run too, and says its maker is an organisation.
fn split_nonnames(cx: &Ctx, a: usize, b: usize, out: &mut Vec<Cand>) {
    let mut s = a;
    for t in a..b {
        // Inside a name between two other capitalised words a month or
        // season is part of it ("Cold Spring Harbor").
        let inside = t > s
            && t + 1 < b
            && cx.single(t - 1) & NONNAME == 0
            && cx.single(t + 1) & NONNAME == 0
            && !starts_digit(cx.text(t + 1));
        let is_nonname = cx.single(t) & NONNAME != 0
            && !inside
            && !(t > a && cx.single(t - 1) & GIVEN != 0 && cx.single(t) & FUNC != 0);
        if is_nonname {
            classify(cx, s, t, None, out);
            s = t + 1;
        } else if t > s && has_digit(cx.text(t)) {
            classify_with(cx, s, t, Some(Kind::Org), true, out);
            s = b;
            break;
        }
    }
    // A number after the name is a model ("Boeing 787") unless it is a
    // year ("Awards 2007") or the name is a lone sentence opener
    // ("Redesignated 65 Fighter Wing").
    let model = b < cx.toks.len()
        && cx.joined(b)
        && !cx.poss(b - 1)
        && model_number(cx.text(b))
        && !is_year(cx.text(b))
        && !(b - s == 1 && cx.toks[s].has(INITIAL));
    let hint = model.then_some(Kind::Org);
    classify_with(cx, s, b, hint, hint.is_some(), out);
}

fn is_plural(w: &str) -> bool {
    w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is")
}

fn is_year(w: &str) -> bool {
    w.len() == 4 && w.bytes().all(|c| c.is_ascii_digit()) && matches!(&w[..2], "19" | "20" | "18")
}

fn has_digit(w: &str) -> bool {
    w.bytes().any(|c| c.is_ascii_digit())
}

/// A model number: three or more digits ("787"), or digits with letters
/// ("A380", "MD-95"); not a small count, a decimal or a route ("Line 6",
/// "Milepost 2.0").
fn model_number(w: &str) -> bool {
    let digits = w.bytes().filter(u8::is_ascii_digit).count();
    let letters = w.bytes().any(|c| c.is_ascii_alphabetic());
    starts_digit(w) && !w.contains('.') && (digits >= 3 || (letters && digits > 0))
}

fn starts_digit(w: &str) -> bool {
    w.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

fn push(out: &mut Vec<Cand>, a: usize, b: usize, kind: Kind, strength: Strength) {
    if a < b {
        out.push(Cand { a, b, kind, strength, canonical: None });
    }
}

/// Decide what tokens `a..b` name and push the result(s). `hint` is the
/// kind the surrounding words suggest when the run itself says little
/// ("Apple" in "Apple CEO Steve Jobs" is an organisation).
fn classify(cx: &Ctx, a: usize, b: usize, hint: Option<Kind>, out: &mut Vec<Cand>) {
    classify_with(cx, a, b, hint, false, out)
}

/// `product`: the run is followed by a model number ("Boeing 787"), so the
/// hint (organisation) outweighs name-shape evidence.
fn classify_with(cx: &Ctx, mut a: usize, mut b: usize, hint: Option<Kind>, product: bool, out: &mut Vec<Cand>) {
    // Words capitalised by position only: "However", "The" at a sentence
    // start. "The" inside a sentence stays ("the band The Mad Capsule ...").
    // Inside a sentence a capitalised function word belongs to the name
    // ("the Second World War", "One Nation") unless it is a lone word.
    while a < b && cx.single(a) & FUNC != 0 && (cx.toks[a].has(INITIAL) || cx.toks[a].has(HEADLINE) || b - a == 1) {
        a += 1;
    }
    // Trailing function words ("Basically I") are not part of a name.
    while b > a + 1 && cx.single(b - 1) & FUNC != 0 && !cx.toks[b - 1].has(ALLCAPS) {
        b -= 1;
    }
    if a >= b {
        return;
    }
    let len = b - a;
    let exact = cx.look.exact(a, b);
    if exact & NONNAME != 0 {
        return;
    }
    let last = cx.single(b - 1);

    if exact & DEMONYM != 0 {
        return push(out, a, b, Kind::Misc, Strength::Strong);
    }
    if exact & (COUNTRY | REGION) != 0 {
        return push(out, a, b, Kind::Place, Strength::Strong);
    }
    if len >= 2 && last & EVENT_CUE != 0 {
        // "World War", "Orange Revolution", "Olympic Games": an event.
        return push(out, a, b, Kind::Misc, Strength::Strong);
    }
    if len >= 2 && last & ORG_CUE != 0 && last & PLACE_CUE == 0 {
        // "United Kingdom's Royal Air Force": a place owns the organisation.
        if let Some(p) = (a..b - 1).find(|&t| cx.poss(t))
            && cx.look.exact(a, p + 1) & (COUNTRY | REGION | CITY) != 0
        {
            push(out, a, p + 1, Kind::Place, Strength::Strong);
            return push(out, p + 1, b, Kind::Org, Strength::Strong);
        }
        return push(out, a, b, Kind::Org, Strength::Strong);
    }
    if len >= 2 && cx.look.longest(a, b, ORG_CUE | PLACE_CUE) == Some(a + 1) && has_of(cx, a, b) {
        // "University of X", "Gulf of Mexico".
        let kind = if cx.single(a) & ORG_CUE != 0 { Kind::Org } else { Kind::Place };
        return push(out, a, b, kind, Strength::Strong);
    }
    if split_title(cx, a, b, out) {
        return;
    }
    if let Some(e) = cx.look.longest(a, b, DEMONYM)
        && e < b
        && cx.single(e) & (ORG_CUE | PLACE_CUE) == 0
    {
        // "Russian Shamam", "North Korean Kim": nationality, then the name.
        push(out, a, e, Kind::Misc, Strength::Strong);
        return classify(cx, e, b, hint, out);
    }
    if exact & CITY != 0 {
        // Medium, not strong: "Belgrano" after "Manuel Belgrano" is the man.
        return push(out, a, b, Kind::Place, Strength::Medium);
    }
    // A place and then a plural: a sports team ("St. Louis Eagles",
    // "Montreal Canadiens").
    if len >= 2
        && cx.look.longest(a, b, COUNTRY | REGION | CITY | TOWN).is_some_and(|e| e < b)
        && is_plural(cx.text(b - 1))
    {
        return push(out, a, b, Kind::Org, Strength::Medium);
    }
    if len >= 2 && ORG_HEADS.contains(&cx.text(a)) {
        return push(out, a, b, Kind::Org, Strength::Medium);
    }
    if len >= 2 && COMPASS.contains(&cx.text(a)) {
        return push(out, a, b, Kind::Place, Strength::Medium);
    }
    if len >= 2 && last & PLACE_CUE != 0 {
        let kind = if last & ORG_CUE != 0 { Kind::Org } else { Kind::Place };
        return push(out, a, b, kind, Strength::Strong);
    }
    if len == 1 && cx.single(a) & (ORG_CUE | PLACE_CUE | TITLE | ROLE | FUNC) != 0 {
        // A cue word alone ("the Council", "the President") names nothing
        // unless it stands for a full name given elsewhere ("the League").
        if cx.single(a) & ORG_CUE != 0 && !cx.toks[a].has(INITIAL) {
            push(out, a, b, Kind::Org, Strength::Unsure);
        }
        return;
    }
    // Context before and after the run.
    let prev = prev_word(cx, a);
    let prev2 = prev.and_then(|p| prev_word(cx, p));
    let next = (b < cx.toks.len() && cx.joined(b) && !cx.poss(b - 1)).then_some(b);
    let next_w = next.map(|t| cx.text(t)).unwrap_or("");
    let prev_w = prev.map(|t| cx.text(t)).unwrap_or("");
    if let Some(p) = prev
        && cx.single(p) & ROLE != 0
        && !cx.toks[p].has(CAP)
    {
        return push(out, a, b, Kind::Person, Strength::Strong);
    }
    if let Some(p) = prev
        && cx.single(p) & ORG_LOWER != 0
        && exact & TOWN == 0
    {
        return push(out, a, b, Kind::Org, Strength::Strong);
    }
    let all_caps = cx.toks[a..b].iter().all(|t| t.has(ALLCAPS));
    if len == 1 && all_caps && cx.text(a).len() <= 6 {
        // An acronym, unless everything around is in capitals too.
        let s = if cx.toks[a].has(HEADLINE) { Strength::Guess } else { Strength::Medium };
        return push(out, a, b, hint.unwrap_or(Kind::Org), s);
    }
    // A name right before a role and another name: "UBS analyst David
    // Strauss", "Apple CEO Steve Jobs".
    let hint = hint
        .or_else(|| {
            let n = next?;
            let role = cx.single(n) & ROLE != 0 || (cx.single(n) & TITLE != 0 && cx.toks[n].has(ALLCAPS));
            (role && n + 1 < cx.toks.len() && cx.cap(n + 1)).then_some(Kind::Org)
        })
        .or_else(|| {
            // "founder of Apple", "a spokesman for Boeing": a role's
            // employer (places were caught above by the gazetteer, and
            // "mayor of X" below).
            let p2 = prev2?;
            let employer = matches!(prev_w, "of" | "for" | "at")
                && cx.single(p2) & ROLE != 0
                && !cx.cap(p2)
                && !PLACE_OF.contains(&cx.text(p2));
            employer.then_some(Kind::Org)
        });
    let any_caps = cx.toks[a..b].iter().any(|t| t.has(ALLCAPS)) || has_amp(cx, a, b);
    if let Some(h) = hint
        && product
    {
        return push(out, a, b, h, Strength::Medium);
    }
    let first = cx.single(a);
    let initials = cx.toks[a..b].iter().any(|t| t.end - t.start == 2 && cx.body.as_bytes()[t.end as usize - 1] == b'.');
    // "China Eastern" is no person though "China" is a given name;
    // "Georgia Smith" and "Chad Edward Gaudin" are.
    let country_first = first & COUNTRY != 0 && (a + 1..b).all(|t| cx.single(t) & (GIVEN | SURNAME) == 0);
    if (2..=4).contains(&len) && (first & GIVEN != 0 || initials) && exact & TOWN == 0 && !any_caps && !country_first {
        return push(out, a, b, Kind::Person, Strength::Medium);
    }
    let said =
        SAY_VERBS.contains(&next_w) || (matches!(prev_w, "said" | "says") && !cx.joined(b.min(cx.toks.len() - 1)));
    if said && !any_caps {
        return push(out, a, b, Kind::Person, Strength::Medium);
    }
    if let Some(h) = hint {
        return push(out, a, b, h, Strength::Weak);
    }
    if PLACE_AFTER.contains(&next_w) {
        return push(out, a, b, Kind::Place, Strength::Medium);
    }
    if prev_w == "of" && prev2.is_some_and(|p| PLACE_OF.contains(&cx.text(p))) {
        return push(out, a, b, Kind::Place, Strength::Medium);
    }
    if exact & TOWN != 0 {
        let s = if cx.toks[a].has(INITIAL) { Strength::Weak } else { Strength::Medium };
        return push(out, a, b, Kind::Place, s);
    }
    if (2..=3).contains(&len) && last & SURNAME != 0 && !all_caps {
        return push(out, a, b, Kind::Person, Strength::Weak);
    }
    // "from X to Y": places, unless X looks like a person's name.
    let motion =
        matches!(prev_w, "from" | "to" | "via" | "into") && !any_caps && len == 1 && first & (GIVEN | SURNAME) == 0;
    if (PLACE_PREPS.contains(&prev_w) && len <= 2) || motion {
        return push(out, a, b, Kind::Place, Strength::Weak);
    }
    if len == 1 && first & (GIVEN | SURNAME) != 0 {
        return push(out, a, b, Kind::Person, Strength::Weak);
    }
    // "China Eastern", "Korea Telecom": a place first, then a word that is
    // no surname, is a company more often than a person.
    let place_first = cx.single(a) & (COUNTRY | CITY | REGION) != 0;
    // "Inaugural Members", "Social Credit": a common-noun ending on a word
    // that is no known surname.
    let noun_last = nounish(cx.text(b - 1)) && last & SURNAME == 0;
    let kind = if (2..=3).contains(&len) && !any_caps && !place_first && !noun_last { Kind::Person } else { Kind::Org };
    push(out, a, b, kind, Strength::Guess);
}

fn has_amp(cx: &Ctx, a: usize, b: usize) -> bool {
    (a..b).any(|t| cx.text(t) == "&")
}

fn has_of(cx: &Ctx, a: usize, b: usize) -> bool {
    (a..b).any(|t| matches!(cx.text(t), "of" | "for"))
}

/// The word before token `t` when only spaces separate them.
fn prev_word(cx: &Ctx, t: usize) -> Option<usize> {
    (t > 0 && cx.joined(t) && !cx.poss(t - 1)).then(|| t - 1)
}

/// Strip titles ("Russian President Vladimir Putin", "Kursk Governor
/// Alexander Khinstin"): the words after the last title are a person, the
/// words before it are classified on their own. Returns false when the run
/// holds no title.
fn split_title(cx: &Ctx, a: usize, b: usize, out: &mut Vec<Cand>) -> bool {
    let mut t = a;
    let mut first_title = None;
    let mut title_end = a;
    while t < b {
        // A role capitalised by a sentence start: "Analyst Jane Doe".
        let role_cap = t == a && cx.toks[a].has(INITIAL) && cx.look.longest(t, b, ROLE_CAP).is_some_and(|e| e < b);
        let want = if role_cap { TITLE | ROLE_CAP } else { TITLE };
        if let Some(e) = cx.look.longest(t, b, want) {
            first_title.get_or_insert(t);
            title_end = e;
            t = e;
        } else if first_title.is_some() {
            break;
        } else {
            t += 1;
        }
    }
    let Some(ft) = first_title else { return false };
    if title_end == b {
        // Title last: "Martin Luther King" keeps a surname-like title,
        // "the Russian President" loses it.
        let s = cx.single(b - 1);
        if ft > a && s & (SURNAME | GIVEN) != 0 && cx.single(a) & GIVEN != 0 {
            return false;
        }
        classify(cx, a, ft, None, out);
        return true;
    }
    // "Major League Baseball", "General Accounting Office": an
    // organisation word after the title makes the whole an organisation.
    if (title_end..b).any(|t| cx.single(t) & ORG_CUE != 0) {
        push(out, a, b, Kind::Org, Strength::Medium);
        return true;
    }
    // Before a business title the words are its organisation ("Apple CEO
    // Steve Jobs"); before a political one, its place ("Kursk Governor").
    let t0 = cx.text(ft);
    let business = cx.toks[ft].has(ALLCAPS)
        || matches!(t0, "Chairman" | "Chairwoman" | "Chief" | "Director" | "Spokesman" | "Spokeswoman");
    classify(cx, a, ft, business.then_some(Kind::Org), out);
    let exact = cx.look.exact(title_end, b);
    if exact & COUNTRY != 0 {
        push(out, title_end, b, Kind::Place, Strength::Strong);
    } else {
        push(out, title_end, b, Kind::Person, Strength::Strong);
    }
    true
}
