//! Print the names found in the files given (development aid):
//!
//!     cargo run --release --example ent_corpus -- assets/corpus/*.txt
//!
//! With `--explain`, every candidate with its evidence strength, including
//! the ones dropped. A `.jsonl` file is read as one article body per line
//! (the `body` field); `--id ID` picks one.
use dossier::analysis::{entities, sentences};

fn show(name: &str, body: &str, explain: bool) {
    let sents = sentences::split(body);
    println!("== {name}");
    if explain {
        for (s, e, k, st, kept) in entities::explain(body, &sents) {
            let mark = if kept { ' ' } else { 'x' };
            let chars = |b: usize| body[..b].chars().count();
            println!("{mark} {:6} {:7} {} @{}..{}", k.as_str(), st, &body[s..e], chars(s), chars(e));
        }
    } else {
        for m in entities::extract(body, &sents) {
            println!("{:6} {:40} -> {}", m.kind.as_str(), &body[m.start..m.end], m.canonical);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let explain = args.iter().any(|a| a == "--explain");
    let id = args.iter().position(|a| a == "--id").and_then(|i| args.get(i + 1));
    for path in args.iter().filter(|a| !a.starts_with("--") && Some(*a) != id) {
        let text = std::fs::read_to_string(path).expect("readable file");
        if path.ends_with(".jsonl") {
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let doc: serde_json::Value = serde_json::from_str(line).expect("JSON line");
                let doc_id = doc["id"].as_str().unwrap_or("").to_string();
                if id.is_some_and(|want| *want != doc_id) {
                    continue;
                }
                show(&doc_id, doc["body"].as_str().unwrap_or(""), explain);
            }
        } else {
            show(path, &text, explain);
        }
    }
}
