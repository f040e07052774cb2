//! Any bytes, as any of the input formats: parsing, sanitising and
//! analysing must never panic, and what comes out must be safe to show.
#![no_main]

use dossier::corpus::{LoadOptions, parse_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let name = ["a.txt", "a.md", "a.json", "a.jsonl"][which as usize % 4];
    let (items, _skips) = parse_bytes(name, rest, &LoadOptions::default());
    for item in items {
        let a = &item.article;
        for field in [&a.id, &a.title, &a.body] {
            assert!(!field.contains('\x1b') && !field.contains('\r'), "unsanitised text");
        }
        for m in &item.analysis.mentions {
            assert!(a.body.get(m.start as usize..m.end as usize).is_some(), "mention off a char boundary");
        }
    }
});
