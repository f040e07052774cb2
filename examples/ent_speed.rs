//! Throughput per CPU second of sentences + entities on the bench text,
//! independent of how busy the machine is (criterion measures wall time):
//!
//!     cargo run --release --example ent_speed [ROUNDS]
//!
//! Reports MB of text per second of this process's CPU time (user + system,
//! from /proc/self/stat), i.e. per core.
#[path = "../benches/support/news_text.rs"]
mod news_text;

use dossier::analysis::{entities, sentences};
use std::hint::black_box;

/// CPU seconds (user + system) used by this process so far.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the ")" closing the command name; utime and stime are
    // fields 14 and 15 of the whole line, 12 and 13 after it.
    let rest = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 =
        f.get(11).and_then(|s| s.parse().ok()).unwrap_or(0.0) + f.get(12).and_then(|s| s.parse().ok()).unwrap_or(0.0);
    ticks / 100.0 // USER_HZ is 100 on Linux
}

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(30);
    let arts = news_text::articles();
    let bytes: usize = arts.iter().map(String::len).sum();
    let t0 = std::time::Instant::now();
    entities::warm_up();
    println!("gazetteer automaton built in {:.0} ms", t0.elapsed().as_secs_f64() * 1e3);
    let (c0, w0) = (cpu_seconds(), std::time::Instant::now());
    let mut n = 0;
    for _ in 0..rounds {
        for a in &arts {
            let s = sentences::split(a);
            n += entities::extract(black_box(a), &s).len();
        }
    }
    let (cpu, wall) = (cpu_seconds() - c0, w0.elapsed().as_secs_f64());
    let mb = (bytes * rounds) as f64 / 1e6;
    println!("{mb:.1} MB in {cpu:.2} s CPU ({wall:.2} s wall): {:.1} MB/s per core, {n} mentions", mb / cpu);
}
