//! The synthetic corpus is deterministic and shaped like news.

use dossier::synth::{self, DEFAULT_SEED, write_corpus};
use std::collections::BTreeMap;
use std::path::Path;

fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

#[test]
fn same_n_gives_identical_bytes() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let sa = write_corpus(a.path(), 2100, DEFAULT_SEED).unwrap();
    let sb = write_corpus(b.path(), 2100, DEFAULT_SEED).unwrap();
    assert_eq!(sa, sb);
    let (ta, tb) = (read_tree(a.path()), read_tree(b.path()));
    assert_eq!(ta, tb);
    assert_eq!(sa.articles, 2100);
    // Layout: 3 blocks, none over 1000 files; all three formats present.
    let mut per_dir: BTreeMap<String, usize> = BTreeMap::new();
    for k in ta.keys() {
        *per_dir.entry(k.split('/').next().unwrap().to_string()).or_default() += 1;
    }
    assert_eq!(per_dir.len(), 3);
    assert!(per_dir.values().all(|&n| n <= 1000));
    for ext in [".txt", ".md", ".jsonl"] {
        assert!(ta.keys().any(|k| k.ends_with(ext)), "no {ext}");
    }
    let jsonl = ta.iter().find(|(k, _)| k.ends_with(".jsonl")).unwrap().1;
    let lines: Vec<&[u8]> = jsonl.split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 50);
    let v: serde_json::Value = serde_json::from_slice(lines[0]).unwrap();
    assert!(v["title"].is_string() && v["body"].is_string() && v["date"].is_string());
    // A different seed gives a different corpus.
    assert_ne!(synth::article(1, 0), synth::article(2, 0));
}

#[test]
fn articles_look_like_news() {
    let mut sizes = Vec::new();
    let mut all = String::new();
    for i in 0..300 {
        let a = synth::article(DEFAULT_SEED, i);
        assert_eq!(a, synth::article(DEFAULT_SEED, i));
        assert!(!a.title.is_empty() && !a.title.ends_with('.') && a.title.len() < 120);
        assert!(chrono::NaiveDate::parse_from_str(&a.date, "%Y-%m-%d").is_ok(), "{}", a.date);
        sizes.push(a.body.len());
        all.push_str(&a.body);
    }
    assert!(sizes.iter().all(|&s| (3000..=6200).contains(&s)), "{sizes:?}");
    for needle in ["Minister", "Ministry of", "Airlines", " said ", "last ", "Lavrov", "Zürich"] {
        assert!(all.contains(needle), "no {needle:?} in 300 articles");
    }
    // Dates in several forms.
    let iso = regex_like_iso(&all);
    assert!(iso > 0);
    assert!(all.contains(" in July") || all.contains(" in March"));
}

fn regex_like_iso(s: &str) -> usize {
    s.as_bytes()
        .windows(10)
        .filter(|w| {
            w[..4].iter().all(u8::is_ascii_digit)
                && w[4] == b'-'
                && w[7] == b'-'
                && w[5..7].iter().all(u8::is_ascii_digit)
        })
        .count()
}
