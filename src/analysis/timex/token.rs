//! A small tokenizer for one sentence: ASCII words, digit runs, mixed runs
//! ("4th", "1990s", "Q1") and single punctuation marks, with byte offsets.
//!
//! The grammar in `scan` works on these tokens rather than on bytes so that
//! each rule reads like the phrase it matches. Non-ASCII characters become
//! punctuation tokens; curly apostrophes fold to `'` and en dashes to `-` so
//! "New Year’s" and "2010–11" match like their ASCII spellings.

use crate::analysis::ascii::{self, DIGIT, LOWER};
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    /// Digits then letters ("4th", "1990s", "3pm") or letters then digits ("Q1", "A330").
    Mixed,
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub struct Tok<'a> {
    pub s: usize,
    pub e: usize,
    pub kind: Kind,
    /// Whitespace (or the segment start) precedes this token.
    pub sp: bool,
    /// First letter is uppercase.
    pub cap: bool,
    /// Written in capitals ("YEARS", "UTC"): at least two letters, none lowercase.
    pub caps: bool,
    /// The punctuation byte (ASCII, or the folded form of a few Unicode marks; 0 otherwise).
    pub ch: u8,
    /// Value of the leading digits (saturating) and how many there are.
    pub num: u32,
    pub nd: u8,
    /// Lowercase text ("" for punctuation).
    low: &'a str,
}

impl<'a> Tok<'a> {
    /// Lowercase text of a word, number or mixed token ("" for punctuation).
    pub fn w(&self) -> &'a str {
        self.low
    }
    /// The letters after the leading digits of a mixed token ("th" in "4th").
    pub fn suffix(&self) -> &'a str {
        self.w().get(self.nd as usize..).unwrap_or("")
    }
}

/// Tokens of `body[r]`, appended to `out` (cleared first, so one buffer
/// serves every sentence). `r` must lie on char boundaries; `lower` is the
/// whole `body` lowercased (ASCII), which the tokens' text borrows from:
/// one vectorised lowercasing per article instead of one copy per token.
pub fn tokenize_into<'a>(body: &str, r: Range<usize>, lower: &'a str, out: &mut Vec<Tok<'a>>) {
    let b = body.as_bytes();
    out.clear();
    let mut i = r.start;
    let mut sp = true;
    while i < r.end {
        let c = b[i];
        if c.is_ascii_whitespace() {
            sp = true;
            i += 1;
            continue;
        }
        let s = i;
        let mut t = Tok { s, e: s + 1, kind: Kind::Punct, sp, cap: false, caps: false, ch: 0, num: 0, nd: 0, low: "" };
        sp = false;
        if c.is_ascii_alphanumeric() {
            // Leading digits and their value first, then the rest of the
            // run eight bytes at a time: tight loops with the flags kept in
            // registers (this loop sees every byte of every sentence).
            let (mut nd, mut num) = (0usize, 0u32);
            while i < r.end && b[i].is_ascii_digit() {
                nd += 1;
                num = num.saturating_mul(10).saturating_add((b[i] - b'0') as u32);
                i += 1;
            }
            let (end, seen) = ascii::run(&b[..r.end], i);
            i = end;
            let (digit_after, lower_seen) = (seen & DIGIT != 0, seen & LOWER != 0);
            t.e = i;
            let len = i - s;
            t.kind = if nd == len {
                Kind::Num
            } else if nd > 0 || digit_after {
                Kind::Mixed
            } else {
                Kind::Word
            };
            t.nd = nd.min(255) as u8;
            t.num = num;
            t.cap = c.is_ascii_uppercase();
            t.caps = t.cap && len > 1 && !lower_seen;
            t.low = &lower[s..i];
        } else if c < 0x80 {
            t.ch = c;
            i += 1;
        } else {
            let len = match c {
                0xF0..=0xFF => 4,
                0xE0..=0xEF => 3,
                0xC0..=0xDF => 2,
                _ => 1,
            };
            let e = (i + len).min(r.end);
            let seq = &b[i..e];
            i = e;
            t.e = e;
            match seq {
                // no-break space and narrow no-break space: whitespace
                [0xC2, 0xA0] | [0xE2, 0x80, 0xAF] | [0xE2, 0x80, 0x89] => {
                    sp = true;
                    continue;
                }
                [0xE2, 0x80, 0x98] | [0xE2, 0x80, 0x99] => t.ch = b'\'',
                [0xE2, 0x80, 0x93] | [0xE2, 0x80, 0x90] | [0xE2, 0x80, 0x91] => t.ch = b'-',
                _ => t.ch = 0,
            }
        }
        out.push(t);
    }
}
