//! Word tokens with the shape facts the rules need (capitalised, all caps,
//! possessive, sentence-initial), computed in one pass over the body.

use crate::analysis::ascii;
use std::ops::Range;

/// First character is an uppercase letter.
pub const CAP: u16 = 1;
/// Two or more letters, all uppercase ("KCNA", "U.S.").
pub const ALLCAPS: u16 = 2;
/// A possessive `'s` / `’s` (or a bare `’` after a plural) follows; it is
/// not part of the token.
pub const POSS: u16 = 4;
/// Opens a sentence, a quote or a bracketed aside: its capital says nothing.
pub const INITIAL: u16 = 8;
/// Only spaces or tabs separate this token from the previous one, so the two
/// may belong to one name.
pub const JOINED: u16 = 16;
/// First character is a lowercase letter.
pub const LOWER: u16 = 32;
/// The token lies in a headline-like sentence where most words are
/// capitalised, so its capital says little.
pub const HEADLINE: u16 = 64;
/// The token is followed by a comma.
pub const COMMA_AFTER: u16 = 128;
/// The token follows an opening quote: capitalised runs here are often
/// titles of works ("Best Rock Video"), not names.
pub const AFTER_QUOTE: u16 = 256;

#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub flags: u16,
}

impl Token {
    pub fn has(&self, f: u16) -> bool {
        self.flags & f != 0
    }
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Abbreviations whose trailing full stop belongs to the word, so that
/// gazetteer entries such as "Inc." and "Dr." can match them.
const DOTTED: &[&str] = &[
    "Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "Dr", "Mr", "Mrs", "Ms", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr",
    "Adm", "Maj", "Gov", "Sen", "Rep", "Rev", "St", "Mt", "Bros", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Length of the longest entry of [`DOTTED`].
const DOTTED_MAX: usize = {
    let (mut max, mut i) = (0, 0);
    while i < DOTTED.len() {
        if DOTTED[i].len() > max {
            max = DOTTED[i].len();
        }
        i += 1;
    }
    max
};

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Split `body` into word tokens. `sentences` marks which tokens open a
/// sentence.
pub fn tokenize(body: &str, sentences: &[Range<usize>]) -> Vec<Token> {
    let mut toks = Vec::new();
    tokenize_into(body, sentences, &mut toks);
    toks
}

/// [`tokenize`] into `toks` (cleared first), so one buffer can serve every
/// article a thread analyses.
pub fn tokenize_into(body: &str, sentences: &[Range<usize>], toks: &mut Vec<Token>) {
    toks.clear();
    toks.reserve(body.len() / 5);
    let bytes = body.as_bytes();
    let len = bytes.len();
    let mut pos = 0;
    let mut opens = SentenceStarts::new(sentences);
    // The previous non-space character was one that opens a quote or aside.
    let mut after_opener = true;
    let mut after_quote = false;
    // Gap since the previous token holds only spaces/tabs.
    let mut gap_plain = false;
    while pos < len {
        let i = pos;
        let b = bytes[i];
        if b == b' ' {
            pos += 1;
            continue;
        }
        // How the word starting here opens: its case flags and case counts.
        // An ASCII letter or digit is classed by a table lookup and left to
        // the word loop below; only other bytes are decoded as chars.
        let (mut flags, mut upper, mut lower);
        let k = ascii::CLASS[b as usize];
        if k != 0 {
            flags = if k == ascii::UPPER {
                CAP
            } else if k == ascii::LOWER {
                LOWER
            } else {
                0
            };
            (upper, lower) = (0, 0);
        } else {
            let (c, cl) = char_at(body, i);
            pos += cl;
            if c == '&' {
                toks.push(Token { start: i as u32, end: (i + 1) as u32, flags: if gap_plain { JOINED } else { 0 } });
                gap_plain = true;
                after_opener = false;
                continue;
            }
            if !is_word_char(c) {
                if c == '\t' || c == '\u{a0}' {
                    // Spacing: keep gap_plain as is.
                } else {
                    gap_plain = false;
                    if c == ','
                        && let Some(t) = toks.last_mut()
                        && t.end as usize == i
                    {
                        t.flags |= COMMA_AFTER;
                    }
                    after_quote = matches!(c, '‘' | '“' | '"' | '\'' | '«' | '`');
                    after_opener = matches!(
                        c,
                        '‘' | '“'
                            | '"'
                            | '\''
                            | '('
                            | '['
                            | '«'
                            | '`'
                            | ':'
                            | '—'
                            | '–'
                            | '\n'
                            | '•'
                            | '*'
                            | '#'
                            | '>'
                            | '|'
                    );
                }
                continue;
            }
            flags = if c.is_uppercase() {
                CAP
            } else if c.is_lowercase() {
                LOWER
            } else {
                0
            };
            upper = usize::from(c.is_uppercase());
            lower = usize::from(c.is_lowercase());
        }
        // A word starts at i; pos is past its first char unless that is an
        // ASCII one, which the first run below takes.
        let start = i;
        let mut end = pos;
        let mut has_dot = false;
        loop {
            // ASCII fast path, most of the text: a tight loop that only ORs
            // byte classes; uppercase letters are counted only in the rare
            // run without a lowercase one.
            let (e, seen) = ascii::run(bytes, pos);
            if seen & ascii::LOWER != 0 {
                lower += 1;
            } else if seen & ascii::UPPER != 0 {
                upper += bytes[pos..e].iter().filter(|b| b.is_ascii_uppercase()).count();
            }
            if e > pos {
                pos = e;
                end = e;
            }
            let Some(&n) = bytes.get(pos) else { break };
            let j = pos;
            let (d, dl) = if n < 0x80 {
                // Nearly every word ends here, at a space or a comma.
                if !matches!(n, b'-' | b'\'' | b'.') {
                    break;
                }
                (n as char, 1)
            } else {
                let (d, dl) = char_at(body, j);
                if is_word_char(d) || is_mark(d) {
                    upper += usize::from(d.is_uppercase());
                    lower += usize::from(d.is_lowercase());
                    pos += dl;
                    end = pos;
                    continue;
                }
                if d != '’' {
                    break;
                }
                (d, dl)
            };
            // A joiner stays inside the word only between word chars.
            let a = j + dl;
            let next = (a < len).then(|| char_at(body, a).0);
            let next_is_word = next.is_some_and(is_word_char);
            if matches!(d, '\'' | '’') {
                let is_s = matches!(next, Some('s' | 'S'));
                // 's' is one byte, so a + 1 is a char boundary here.
                let s_then = (is_s && a + 1 < len).then(|| char_at(body, a + 1).0);
                if is_s && !s_then.is_some_and(is_word_char) {
                    // Possessive: "Russia’s" -> "Russia" + POSS; the
                    // suffix is consumed so it never becomes a token.
                    flags |= POSS;
                    pos = a + 1;
                    break;
                }
                if !next_is_word && body[start..end].ends_with(['s', 'S']) {
                    // Plural possessive: "Koreans’".
                    flags |= POSS;
                    pos = a;
                    break;
                }
            }
            if next_is_word {
                has_dot |= d == '.';
                pos = a;
                end = pos;
                continue;
            }
            if d == '.' {
                // Trailing full stop of an initial, a dotted acronym or a
                // known abbreviation belongs to the word.
                let w = &body[start..end];
                let initial = w.chars().count() == 1 && flags & CAP != 0;
                // Every sentence-final word gets here: the length test spares
                // most of them the scan of the list.
                if initial || has_dot || (w.len() <= DOTTED_MAX && DOTTED.contains(&w)) {
                    end = j + 1;
                    pos = end;
                }
            }
            break;
        }
        if upper >= 2 && lower == 0 {
            flags |= ALLCAPS;
        }
        if gap_plain && !toks.is_empty() {
            flags |= JOINED;
        }
        if after_quote {
            flags |= AFTER_QUOTE;
        }
        if after_opener || opens.opens_at(start) {
            flags |= INITIAL;
        }
        toks.push(Token { start: start as u32, end: end as u32, flags });
        after_opener = false;
        after_quote = false;
        // After a possessive the next word still counts as JOINED; the run
        // builder decides whether to bridge it ("People’s Army").
        gap_plain = true;
    }
    mark_headlines(body, toks, sentences);
}

/// Which token starts open a sentence, asked in increasing order: the
/// sentence a token falls in is kept at hand, so each token costs a compare
/// or two instead of an index into `sentences`.
struct SentenceStarts<'a> {
    rest: &'a [Range<usize>],
    /// Start and end of the first sentence in `rest` (`usize::MAX` past the
    /// last).
    start: usize,
    end: usize,
}

impl<'a> SentenceStarts<'a> {
    fn new(sentences: &'a [Range<usize>]) -> Self {
        let mut s = SentenceStarts { rest: sentences, start: 0, end: 0 };
        s.load();
        s
    }

    fn load(&mut self) {
        (self.start, self.end) = self.rest.first().map_or((usize::MAX, usize::MAX), |s| (s.start, s.end));
    }

    /// Whether `pos` is the start of the first sentence not ending at or
    /// before it.
    #[inline]
    fn opens_at(&mut self, pos: usize) -> bool {
        if self.end <= pos {
            while let Some((s, rest)) = self.rest.split_first()
                && s.end <= pos
            {
                self.rest = rest;
            }
            self.load();
        }
        self.start == pos
    }
}

/// The char at byte `i` (a char boundary) and its length.
#[inline]
fn char_at(body: &str, i: usize) -> (char, usize) {
    let b = body.as_bytes()[i];
    if b < 0x80 {
        (b as char, 1)
    } else {
        let c = body[i..].chars().next().unwrap_or('\u{fffd}');
        (c, c.len_utf8())
    }
}

fn is_mark(c: char) -> bool {
    // Combining diacritics keep a decomposed "é" inside its word.
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Flag tokens of lines without a final stop where nearly every word is
/// capitalised (a headline or a title line).
fn mark_headlines(body: &str, toks: &mut [Token], sentences: &[Range<usize>]) {
    let mut i = 0;
    for s in sentences {
        while i < toks.len() && (toks[i].start as usize) < s.start {
            i += 1;
        }
        let j0 = i;
        let mut j = i;
        let (mut caps, mut shouted, mut words) = (0, 0, 0);
        while j < toks.len() && (toks[j].end as usize) <= s.end {
            let t = toks[j];
            if t.has(CAP) || t.has(LOWER) {
                words += 1;
                caps += usize::from(t.has(CAP));
                shouted += usize::from(t.has(ALLCAPS));
            }
            j += 1;
        }
        // A sentence in capitals ("BREAKING: TROOPS ENTER CITY.") says as
        // little about names as a headline, final stop or not.
        let all_caps = words >= 3 && shouted * 10 >= words * 7;
        // Headlines carry no final stop; a sentence that ends with one is
        // prose however many names it holds.
        let stop = body.get(s.clone()).is_some_and(|t| t.ends_with(['.', '!', '?', '…', '"', '”', '’', ')']));
        if all_caps || (!stop && words >= 3 && caps * 10 >= words * 7) {
            for t in &mut toks[j0..j] {
                t.flags |= HEADLINE;
            }
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(body: &str) -> Vec<(&str, u16)> {
        let s = crate::analysis::sentences::split(body);
        tokenize(body, &s).into_iter().map(|t| (&body[t.range()], t.flags)).collect()
    }

    #[test]
    fn possessives_are_cut_off() {
        let w = words("North Korea’s army and Koreans’ homes, Putin's talk.");
        assert_eq!(w[1].0, "Korea");
        assert!(w[1].1 & POSS != 0);
        assert_eq!(w[4].0, "Koreans");
        assert!(w[4].1 & POSS != 0);
        assert_eq!(w[6].0, "Putin");
    }

    #[test]
    fn abbreviations_keep_their_stop() {
        let w = words("Apple Inc. and the U.S. met J. Smith.");
        let t: Vec<&str> = w.iter().map(|x| x.0).collect();
        assert_eq!(t, ["Apple", "Inc.", "and", "the", "U.S.", "met", "J.", "Smith"]);
        assert!(w[4].1 & ALLCAPS != 0);
    }

    #[test]
    fn initial_and_joined_flags() {
        let w = words("The man met ‘Kim Jong Un’, then Moscow.");
        assert!(w[0].1 & INITIAL != 0);
        assert!(w[3].1 & INITIAL != 0, "after an opening quote");
        assert!(w[4].1 & JOINED != 0);
        assert!(w[6].1 & JOINED == 0, "comma and quote break the name");
        assert!(w[7].1 & INITIAL == 0);
    }
}
