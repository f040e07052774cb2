//! Throughput of temporal expression finding on news-like text.
//!
//!     cargo bench --bench timex
//!
//! The text is generated here: sentences in the style of wire copy, about
//! one in four holding a date, with numbers, names and prices around them,
//! so the prefilter sees the digits and trigger words real news has.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::analysis::{sentences, timex};
use std::hint::black_box;

const SUBJECTS: &[&str] = &[
    "The European Commission",
    "Boeing",
    "The prime minister",
    "Local officials",
    "Airbus",
    "The central bank",
    "Police in Kursk",
    "The opposition party",
    "Shareholders",
    "A spokesman for the ministry",
    "The union",
    "Apple Inc.",
];
const VERBS: &[&str] = &[
    "announced",
    "said",
    "confirmed",
    "denied",
    "warned",
    "reported",
    "agreed",
    "rejected claims",
    "revealed plans",
    "will decide",
];
const TAILS: &[&str] = &[
    "that the deal would cut 1,500 jobs across its French sites",
    "that profits rose 4.5% to $2.3 billion",
    "that the A330 tankers would be built in Alabama",
    "that talks with the government had stalled over pay",
    "that the monument would honour soldiers of both armies",
    "that the new terminal can handle 45 million passengers",
    "that the 747 freighter line would close",
    "that its investigation into the crash was continuing",
    "that the proposal was unacceptable to member states",
    "that a further round of negotiations is needed",
];
const WHEN: &[&str] = &[
    "on Tuesday",
    "last week",
    "on December 4",
    "in July",
    "earlier this month",
    "two days ago",
    "in 2009",
    "on 11 December 2024",
    "at 3 p.m. on Friday",
    "for the past decade",
    "this morning",
    "next year",
    "in the first quarter",
];

fn corpus(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 512);
    let mut k: usize = 0x9E37;
    let mut next = |n: usize| {
        k = k.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (k >> 33) % n
    };
    while s.len() < bytes {
        for _ in 0..6 {
            let subj = SUBJECTS[next(SUBJECTS.len())];
            let verb = VERBS[next(VERBS.len())];
            let tail = TAILS[next(TAILS.len())];
            if next(4) == 0 {
                let when = WHEN[next(WHEN.len())];
                s.push_str(&format!("{subj} {verb} {when} {tail}. "));
            } else {
                s.push_str(&format!("{subj} {verb} {tail}. "));
            }
        }
        s.push('\n');
    }
    s
}

fn bench(c: &mut Criterion) {
    let text = corpus(4 << 20);
    let sents = sentences::split(&text);
    let dct = chrono::NaiveDate::from_ymd_opt(2025, 12, 4);
    let n = timex::find(&text, &sents, dct).len();
    eprintln!("{} bytes, {} sentence ranges, {n} timexes", text.len(), sents.len());
    let mut g = c.benchmark_group("timex");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("find_news_4MB", |b| b.iter(|| timex::find(black_box(&text), black_box(&sents), dct)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
