//! Writes a deterministic synthetic corpus for benches and manual testing.
//!
//!     cargo run --release --example gen-corpus -- DIR N [SEED]

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(n)) = (args.next(), args.next()) else {
        eprintln!("usage: gen-corpus DIR N [SEED]");
        std::process::exit(2);
    };
    let Ok(n) = n.parse::<usize>() else {
        eprintln!("gen-corpus: N must be a number, got {n:?}");
        std::process::exit(2);
    };
    let seed = match args.next() {
        Some(s) => s.parse().unwrap_or_else(|_| {
            eprintln!("gen-corpus: SEED must be a number");
            std::process::exit(2)
        }),
        None => dossier::synth::DEFAULT_SEED,
    };
    let t = std::time::Instant::now();
    match dossier::synth::write_corpus(&PathBuf::from(&dir), n, seed) {
        Ok(st) => eprintln!(
            "wrote {} articles in {} files, {:.1} MB, to {dir} in {:.2?}",
            st.articles,
            st.files,
            st.bytes as f64 / 1e6,
            t.elapsed()
        ),
        Err(e) => {
            eprintln!("gen-corpus: {dir}: {e}");
            std::process::exit(1);
        }
    }
}
