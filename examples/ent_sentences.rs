//! Print the sentences of the files given, one per line (development aid):
//!
//!     cargo run --release --example ent_sentences -- assets/corpus/*.txt
use dossier::analysis::sentences;

fn main() {
    for path in std::env::args().skip(1) {
        let body = std::fs::read_to_string(&path).expect("readable file");
        for r in sentences::split(&body) {
            println!("[{}]", &body[r]);
        }
    }
}
