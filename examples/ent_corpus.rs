//! Print the names found in the files given (development aid):
//!
//!     cargo run --release --example ent_corpus -- assets/corpus/*.txt
use dossier::analysis::{entities, sentences};

fn main() {
    for path in std::env::args().skip(1) {
        let body = std::fs::read_to_string(&path).expect("readable file");
        let sents = sentences::split(&body);
        println!("== {path}");
        for m in entities::extract(&body, &sents) {
            println!(
                "{:6} {:40} -> {}",
                m.kind.as_str(),
                &body[m.start..m.end],
                m.canonical
            );
        }
    }
}
