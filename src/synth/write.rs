//! Writes a synthetic corpus to a folder in the formats dossier reads.
//!
//! Layout: one subfolder per block of 1000 articles (`0000/`, `0001/`...),
//! so no folder holds more than 1000 files. In each block, articles 0..850
//! are `.txt` (headline, blank line, body), 850..950 are `.md` with front
//! matter, and 950..1000 are the 50 lines of one `.jsonl` file. Blocks are
//! written in parallel; the bytes depend only on `(seed, n)`.

use super::{SynthArticle, article};
use rayon::prelude::*;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

const BLOCK: usize = 1000;
const TXT_END: usize = 850;
const MD_END: usize = 950;

/// What `write_corpus` wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WriteStats {
    pub articles: usize,
    pub files: usize,
    pub bytes: u64,
}

fn txt(a: &SynthArticle) -> String {
    format!("{}\n\n{}\n", a.title, a.body)
}

fn md(a: &SynthArticle) -> String {
    format!("---\ntitle: {}\ndate: {}\nsource: {}\n---\n\n{}\n", a.title, a.date, a.source, a.body)
}

fn json_line(i: usize, a: &SynthArticle) -> String {
    let v = serde_json::json!({
        "id": format!("synth-{i}"),
        "title": a.title,
        "date": a.date,
        "source": a.source,
        "body": a.body,
    });
    v.to_string() + "\n"
}

fn write_block(dir: &Path, seed: u64, n: usize, b: usize) -> io::Result<WriteStats> {
    let sub = dir.join(format!("{b:04}"));
    fs::create_dir_all(&sub)?;
    let mut st = WriteStats::default();
    let mut jsonl = String::new();
    let (lo, hi) = (b * BLOCK, ((b + 1) * BLOCK).min(n));
    for i in lo..hi {
        let a = article(seed, i);
        st.articles += 1;
        let (name, text) = match i - lo {
            k if k < TXT_END => (format!("{}-{i:07}.txt", a.date), txt(&a)),
            k if k < MD_END => (format!("{}-{i:07}.md", a.date), md(&a)),
            _ => {
                jsonl.push_str(&json_line(i, &a));
                continue;
            }
        };
        fs::write(sub.join(name), &text)?;
        st.files += 1;
        st.bytes += text.len() as u64;
    }
    if !jsonl.is_empty() {
        let mut f = fs::File::create(sub.join(format!("batch-{b:04}.jsonl")))?;
        f.write_all(jsonl.as_bytes())?;
        st.files += 1;
        st.bytes += jsonl.len() as u64;
    }
    Ok(st)
}

/// Write articles `0..n` of the corpus for `seed` under `dir`.
pub fn write_corpus(dir: &Path, n: usize, seed: u64) -> io::Result<WriteStats> {
    fs::create_dir_all(dir)?;
    let blocks = n.div_ceil(BLOCK);
    let parts: Vec<io::Result<WriteStats>> =
        (0..blocks).into_par_iter().map(|b| write_block(dir, seed, n, b)).collect();
    let mut total = WriteStats::default();
    for p in parts {
        let p = p?;
        total.articles += p.articles;
        total.files += p.files;
        total.bytes += p.bytes;
    }
    Ok(total)
}
