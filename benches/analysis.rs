//! Throughput of sentence splitting + entity extraction on news-like text.
//!
//!     cargo bench --bench analysis
//!
//! The text is the sample corpus plus varied paragraphs written for this
//! bench, repeated with name substitutions to about 4 MB, and analysed as
//! articles of about 3.5 KB (the size the design targets).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::analysis::{entities, sentences};
use std::hint::black_box;

#[path = "support/news_text.rs"]
mod news_text;
use news_text::articles;

fn bench(c: &mut Criterion) {
    let arts = articles();
    let bytes: usize = arts.iter().map(String::len).sum();
    entities::warm_up();
    let mut g = c.benchmark_group("analysis");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("sentences+entities", |b| {
        b.iter(|| {
            let mut n = 0;
            for a in &arts {
                let s = sentences::split(a);
                n += entities::extract(black_box(a), &s).len();
            }
            black_box(n)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
