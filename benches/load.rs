//! Loading a synthetic corpus from disk: titles only (`dossier list`) and
//! with the full analysis (`dossier analyze`, what the reader loads), per
//! article count.
//!
//!     DOSSIER_BENCH_N=10000 cargo bench --bench load
//!
//! The corpus is written once to a temporary folder (warm page cache, as a
//! second run of dossier would see it).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::corpus::{LoadOptions, Source, load_all};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let n: usize = std::env::var("DOSSIER_BENCH_N").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    let dir = tempfile::tempdir().unwrap();
    let stats = dossier::synth::write_corpus(dir.path(), n, dossier::synth::DEFAULT_SEED).unwrap();
    let source = Source::Paths(vec![dir.path().to_path_buf()]);
    let mut g = c.benchmark_group(format!("load/{n}"));
    g.throughput(Throughput::Bytes(stats.bytes));
    g.sample_size(10);
    g.bench_function("titles only", |b| {
        let opts = LoadOptions { analyze: false, ..LoadOptions::default() };
        b.iter(|| black_box(load_all(&source, &opts).0.len()))
    });
    g.bench_function("with analysis", |b| {
        let opts = LoadOptions::default();
        b.iter(|| black_box(load_all(&source, &opts).0.len()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
