//! Single-threaded throughput of each analysis stage on real files, so a
//! change to one stage can be timed without the loader and the timeline:
//!
//!     cargo run --release --example analyze_speed DIR...
//!
//! Reads every `.txt` file under the folders given (not recursively) as one
//! body and reports MB/s of wall time for sentence splitting, entities,
//! timex and the whole `analyze`. Run it on a quiet machine, or several
//! times and take the median.

use dossier::analysis::{analyze, entities, sentences, timex};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let mut bodies = Vec::new();
    for dir in std::env::args().skip(1) {
        let Ok(rd) = std::fs::read_dir(&dir) else { continue };
        for e in rd.flatten() {
            if e.path().extension().is_some_and(|x| x == "txt")
                && let Ok(s) = std::fs::read_to_string(e.path())
            {
                bodies.push(s);
            }
        }
    }
    let mb = bodies.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    entities::warm_up();
    let dct = chrono::NaiveDate::from_ymd_opt(2023, 6, 1);
    let sents: Vec<_> = bodies.iter().map(|b| sentences::split(b)).collect();
    let time = |name: &str, f: &dyn Fn() -> usize| {
        let t = Instant::now();
        black_box(f());
        let s = t.elapsed().as_secs_f64();
        println!("{name:<10} {:7.1} MB/s  ({s:.3} s)", mb / s);
    };
    println!("{} bodies, {mb:.1} MB", bodies.len());
    time("split", &|| bodies.iter().map(|b| sentences::split(b).len()).sum());
    time("entities", &|| bodies.iter().zip(&sents).map(|(b, s)| entities::extract(b, s).len()).sum());
    time("timex", &|| bodies.iter().zip(&sents).map(|(b, s)| timex::find(b, s, dct).len()).sum());
    time("analyze", &|| bodies.iter().map(|b| analyze(b, dct).mentions.len()).sum());
}
