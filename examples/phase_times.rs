//! CPU time (user + system, all threads) of each phase of `dossier
//! timeline`, so a change can be charged to the phase it touches:
//!
//!     cargo run --release --example phase_times DIR
//!
//! Phases: loading without analysis (read, decode, parse, title), loading
//! with analysis, building the timeline, and writing it as text.

use dossier::analysis::timeline;
use dossier::corpus::{LoadOptions, Source, load_all};
use std::time::Instant;

fn cpu() -> f64 {
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage fills the struct it is given.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    tv(u.ru_utime) + tv(u.ru_stime)
}

fn phase<T>(name: &str, mb: f64, f: impl FnOnce() -> T) -> T {
    let (c0, w0) = (cpu(), Instant::now());
    let out = f();
    let (c, w) = (cpu() - c0, w0.elapsed().as_secs_f64());
    println!("{name:<22} cpu {c:6.2} s  wall {w:6.2} s  {:7.1} MB/s per core", mb / c);
    out
}

fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let source = Source::Paths(paths);
    let bare = LoadOptions { analyze: false, ..LoadOptions::default() };
    let (items, _) = phase("load, no analysis", 0.0, || load_all(&source, &bare));
    drop(items);
    let (items, _) = load_all(&source, &LoadOptions::default());
    let mb = items.iter().map(|l| l.article.body.len()).sum::<usize>() as f64 / 1e6;
    drop(items);
    let (items, _) = phase("load + analysis", mb, || load_all(&source, &LoadOptions::default()));
    let inputs: Vec<timeline::Input> = items
        .iter()
        .enumerate()
        .map(|(i, l)| timeline::Input { article: i as u32, body: &l.article.body, analysis: &l.analysis })
        .collect();
    let events = phase("timeline::build", mb, || timeline::build(&inputs));
    println!("{mb:.1} MB, {} articles, {} events", items.len(), events.len());
}
