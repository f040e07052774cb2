//! Sentence splitting with abbreviations in mind.

use std::ops::Range;

/// Byte ranges of the sentences of `body`, in order, trimmed of surrounding
/// whitespace.
pub fn split(body: &str) -> Vec<Range<usize>> {
    // Placeholder until the real splitter lands: lines, cut after ". ".
    let mut out = Vec::new();
    let mut start = 0;
    let b = body.as_bytes();
    let push = |s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        let t = &body[s..e];
        let lead = t.len() - t.trim_start().len();
        let t = t.trim();
        if !t.is_empty() {
            out.push(s + lead..s + lead + t.len());
        }
    };
    for i in 0..b.len() {
        if b[i] == b'\n' || (b[i] == b' ' && i > 0 && matches!(b[i - 1], b'.' | b'!' | b'?')) {
            push(start, i, &mut out);
            start = i + 1;
        }
    }
    push(start, b.len(), &mut out);
    out
}
