//! Search benches over an in-memory synthetic corpus.
//!
//!     DOSSIER_BENCH_N=100000 cargo bench --bench search
//!
//! Prints, before criterion runs, the index build time, the index size, and
//! for each keystroke of a few typed queries the median, 99th percentile and
//! worst time over `DOSSIER_BENCH_REPS` runs (default 50), both as the app's
//! worker runs them (incremental, reusing the previous keystroke's cache)
//! and from scratch. Criterion then times each keystroke again.

use criterion::{BatchSize, Criterion};
use dossier::search::{DocInput, Index, Query, SearchCache};
use dossier::synth::{self, DEFAULT_SEED, SynthArticle};
use rayon::prelude::*;
use std::time::{Duration, Instant};

const TYPED: &[&str] =
    &["lavrof", "lavrov monumnt", "person:kovacs", "khinstn monumnt kursk", "zurich", "\"foreign minister\" lisbon"];

fn env_usize(k: &str, default: usize) -> usize {
    std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn inputs(arts: &[SynthArticle]) -> Vec<DocInput<'_>> {
    arts.iter()
        .map(|a| DocInput {
            title: &a.title,
            body: &a.body,
            names: a.names.iter().map(|(k, n)| (*k, n.as_str())).collect(),
            dates: vec![a.date.as_str()],
        })
        .collect()
}

fn keystrokes(s: &str) -> Vec<&str> {
    s.char_indices().map(|(i, c)| &s[..i + c.len_utf8()]).collect()
}

fn pct(v: &mut [Duration], p: f64) -> Duration {
    v.sort();
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn rss_mb() -> f64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = |key: &str| {
        s.lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    kb("VmRSS:") / 1024.0
}

fn main() {
    let n = env_usize("DOSSIER_BENCH_N", 100_000);
    let reps = env_usize("DOSSIER_BENCH_REPS", 50);
    let t = Instant::now();
    let arts: Vec<SynthArticle> = (0..n).into_par_iter().map(|i| synth::article(DEFAULT_SEED, i)).collect();
    let bytes: usize = arts.iter().map(|a| a.title.len() + a.body.len()).sum();
    eprintln!("generated {n} articles, {:.1} MB, in {:.2?}", bytes as f64 / 1e6, t.elapsed());
    let rss0 = rss_mb();
    let mut builds = Vec::new();
    let mut index = None;
    let mut rss1 = 0.0;
    for k in 0..3 {
        drop(index.take()); // free the previous index before building the next
        let t = Instant::now();
        let ix = Index::build(inputs(&arts));
        builds.push(t.elapsed());
        if k == 0 {
            rss1 = rss_mb();
        }
        index = Some(ix);
    }
    let mut index = index.expect("built");
    let texts: Vec<(String, String)> = arts.iter().map(|a| (a.title.clone(), a.body.clone())).collect();
    index.set_text(std::sync::Arc::new(texts));
    eprintln!(
        "index build: {:?} (3 runs); {} terms, {} postings, ~{:.1} MB heap; RSS {:.0} MB before the first build, {:.0} MB after it, {:.0} MB now (corpus text held twice here)",
        builds,
        index.vocabulary_len(),
        index.postings_len(),
        index.heap_bytes() as f64 / 1e6,
        rss0,
        rss1,
        rss_mb()
    );

    let mut all_inc = Vec::new();
    eprintln!(
        "{:<34} {:>7} {:>9} {:>9} {:>9} {:>9}",
        "keystroke (incremental | fresh)", "hits", "p50 ms", "p99 ms", "max ms", "fresh p99"
    );
    for typed in TYPED {
        let keys = keystrokes(typed);
        let mut inc: Vec<Vec<Duration>> = vec![Vec::new(); keys.len()];
        let mut fresh: Vec<Vec<Duration>> = vec![Vec::new(); keys.len()];
        let mut hits = vec![0; keys.len()];
        for _ in 0..reps {
            let mut cache = SearchCache::default();
            for (k, q) in keys.iter().enumerate() {
                let t = Instant::now();
                let query = Query::parse(q);
                let h = index.search_incremental(&query, None, &mut cache);
                inc[k].push(t.elapsed());
                hits[k] = h.len();
                let t = Instant::now();
                let _ = index.search(&Query::parse(q), None);
                fresh[k].push(t.elapsed());
            }
        }
        for (k, q) in keys.iter().enumerate() {
            let ms = |d: Duration| d.as_secs_f64() * 1e3;
            let p99f = pct(&mut fresh[k], 0.99);
            eprintln!(
                "{:<34} {:>7} {:>9.2} {:>9.2} {:>9.2} {:>9.2}",
                q,
                hits[k],
                ms(pct(&mut inc[k], 0.5)),
                ms(pct(&mut inc[k], 0.99)),
                ms(*inc[k].iter().max().unwrap()),
                ms(p99f)
            );
            all_inc.extend(inc[k].iter().copied());
        }
    }
    let (p50, p99) = (pct(&mut all_inc, 0.5), pct(&mut all_inc, 0.99));
    eprintln!(
        "all keystrokes (incremental): p50 {:.2?}, p99 {:.2?}, max {:.2?}",
        p50,
        p99,
        all_inc.iter().max().unwrap()
    );

    let mut c = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    let mut g = c.benchmark_group(format!("search_{n}"));
    for typed in ["lavrof", "lavrov monumnt", "person:kovacs"] {
        let keys = keystrokes(typed);
        for (k, q) in keys.iter().enumerate() {
            // The cache as the previous keystroke left it.
            let mut prev = SearchCache::default();
            for p in &keys[..k] {
                index.search_incremental(&Query::parse(p), None, &mut prev);
            }
            g.bench_function(format!("{typed}/keystroke {q:?}"), |b| {
                b.iter_batched(
                    || prev.clone(),
                    |mut cache| index.search_incremental(&Query::parse(q), None, &mut cache),
                    BatchSize::LargeInput,
                )
            });
        }
    }
    g.finish();
    c.final_summary();
}
