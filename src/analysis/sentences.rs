//! Sentence splitting with abbreviations in mind.

use std::ops::Range;

/// Byte ranges of the sentences of `body`, in order, trimmed of surrounding
/// whitespace.
pub fn split(body: &str) -> Vec<Range<usize>> {
    // Placeholder: one sentence per non-empty line.
    let mut out = Vec::new();
    let mut pos = 0;
    for line in body.split_inclusive('\n') {
        let t = line.trim();
        if !t.is_empty() {
            let s = pos + (line.len() - line.trim_start().len());
            out.push(s..s + t.len());
        }
        pos += line.len();
    }
    out
}
