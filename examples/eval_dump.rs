//! Development harness (temporary, until `dossier analyze` lands): reads an
//! eval JSONL file (`id`, `body`, `date`) and prints what the analysis finds
//! in the `dossier analyze --json` shape, with character offsets, for
//! `../shared/eval/score.py`.
//!
//!     cargo run --release --example eval_dump -- ../shared/eval/wikigold_dev.jsonl > /tmp/out.jsonl
//!     python3 ../shared/eval/score.py ../shared/eval/wikigold_dev.jsonl /tmp/out.jsonl

use dossier::analysis::{entities, sentences, timex};
use std::io::BufRead;

fn main() {
    let path = std::env::args().nth(1).expect("usage: eval_dump FILE.jsonl");
    let file = std::io::BufReader::new(std::fs::File::open(path).unwrap());
    for line in file.lines() {
        let line = line.unwrap();
        if line.trim().is_empty() {
            continue;
        }
        let doc: serde_json::Value = serde_json::from_str(&line).unwrap();
        let body = doc["body"].as_str().unwrap_or("");
        let dct = doc["date"]
            .as_str()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d.get(..10).unwrap_or(d), "%Y-%m-%d").ok());
        let sents = sentences::split(body);
        let chars = |b: usize| body[..b].chars().count();
        let mut ents = Vec::new();
        for m in entities::extract(body, &sents) {
            ents.push(serde_json::json!({
                "start": chars(m.start), "end": chars(m.end), "text": &body[m.start..m.end],
                "kind": m.kind.as_str(), "canonical": m.canonical,
            }));
        }
        for t in timex::find(body, &sents, dct) {
            ents.push(serde_json::json!({
                "start": chars(t.start), "end": chars(t.end), "text": &body[t.start..t.end],
                "kind": "DATE", "canonical": &body[t.start..t.end], "type": t.ty, "value": t.value,
            }));
        }
        println!("{}", serde_json::json!({"id": doc["id"], "body": body, "entities": ents}));
    }
}
