//! Any text through the analysis: sentences, entities, dates, with and
//! without a reference date. Spans must be in bounds, on character
//! boundaries, ordered and disjoint.
#![no_main]

use dossier::analysis;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for dct in [None, chrono::NaiveDate::from_ymd_opt(2025, 12, 4)] {
        let a = analysis::analyze(&text, dct);
        let mut end = 0;
        for m in &a.mentions {
            let (s, e) = (m.start as usize, m.end as usize);
            assert!(s >= end && s < e && text.get(s..e).is_some(), "bad span {s}..{e}");
            end = e;
        }
    }
});
