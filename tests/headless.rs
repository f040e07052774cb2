//! The headless commands, run as the real binary: output, stderr reports,
//! exit codes, and no escape bytes when there is no terminal.

mod common;
use common::corpus_dir;
use std::process::{Command, Output, Stdio};

fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier")).args(args).stdin(Stdio::null()).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn list_prints_id_date_title_per_line() {
    let dir = corpus_dir(&[
        ("2025-12-04-a.txt", b"Headline here\n\nBody."),
        ("b.jsonl", b"{\"id\": \"x1\", \"title\": \"T\", \"date\": \"2024-02-03\", \"body\": \"b\"}\nnot json\n"),
    ]);
    let o = dossier(&["list", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "2025-12-04-a.txt\t2025-12-04\tHeadline here\nx1\t2024-02-03\tT\n");
    assert!(stderr(&o).contains("b.jsonl:2: malformed JSON"), "{}", stderr(&o));
}

#[test]
fn list_json_is_one_object_per_line() {
    let o = dossier(&["list", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2, "the sample corpus has two articles");
    assert_eq!(lines[0]["id"], "000_033ed65498691356.txt");
    assert_eq!(lines[0]["date"], serde_json::Value::Null);
    assert!(lines[1]["title"].as_str().unwrap().starts_with("A monumental project"));
}

#[test]
fn exit_codes_0_1_2() {
    let o = dossier(&["list", "/no/such/folder"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("/no/such/folder: no such file or folder"));
    let o = dossier(&["list", "--no-such-flag"]);
    assert_eq!(o.status.code(), Some(2));
    let o = dossier(&["timeline", "--reference-date", "yesterday"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("YYYY-MM-DD"));
}

#[test]
fn every_subcommand_has_help() {
    for sub in [&["--help"][..], &["list", "--help"], &["analyze", "--help"], &["timeline", "--help"]] {
        let o = dossier(sub);
        assert_eq!(o.status.code(), Some(0), "{sub:?}");
        assert!(stdout(&o).contains("Usage: dossier"), "{sub:?}");
    }
}

#[test]
fn analyze_offsets_are_character_offsets() {
    let dir = corpus_dir(&[("u.txt", "Über café: Governor Alexander Khinstin met Kim Jong Un in Moscow.".as_bytes())]);
    let o = dossier(&["analyze", dir.path().to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    let body: Vec<char> = doc["body"].as_str().unwrap().chars().collect();
    for key in ["id", "path", "title", "date", "body", "entities"] {
        assert!(doc.get(key).is_some(), "{key} missing");
    }
    for e in doc["entities"].as_array().unwrap() {
        let (s, t) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
        let text: String = body[s..t].iter().collect();
        assert_eq!(text, e["text"].as_str().unwrap());
    }
}

#[test]
fn the_reader_without_a_terminal_exits_1_with_no_escape_bytes() {
    let o = dossier(&[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty(), "nothing on stdout");
    assert!(!o.stderr.contains(&0x1b), "no escape bytes");
    assert_eq!(stderr(&o).lines().count(), 1, "a one-line message");
}

#[test]
fn timeline_resolves_against_the_reference_date_and_never_invents_a_year() {
    let o = dossier(&["timeline", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let dates: Vec<String> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["date"].as_str().unwrap().to_string())
        .collect();
    assert!(dates.contains(&"XXXX-12-04".to_string()), "{dates:?}");
    assert!(dates.contains(&"XXXX-07".to_string()), "{dates:?}");
    let o = dossier(&["timeline", "--json", "--reference-date", "2026-01-02"]);
    let events: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let dates: Vec<&str> = events.iter().map(|e| e["date"].as_str().unwrap()).collect();
    assert_eq!(dates, ["2025-07", "2025-12-04", "2026-01-01"], "chronological");
    let dec4 = &events[1];
    for key in ["date", "precision", "article", "title", "sentence", "start", "end", "timex", "entities", "sources"] {
        assert!(dec4.get(key).is_some(), "{key} missing");
    }
    assert_eq!(dec4["precision"], "day");
    assert!(dec4["sentence"].as_str().unwrap().starts_with("On December 4, Kursk Governor Alexander Khinstin"));
    assert!(dec4["entities"].as_array().unwrap().iter().any(|e| e == "Alexander Khinstin"));
}

#[test]
fn timeline_entity_filter() {
    let o = dossier(&["timeline", "--entity", "Sergey Lavrov"]);
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("In July, Russian Foreign Minister Sergey Lavrov"));
}

#[test]
fn analyze_dates_carry_type_and_value() {
    let o = dossier(&["analyze", "--json", "--reference-date", "2026-01-02"]);
    let doc: serde_json::Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    let dates: Vec<&serde_json::Value> =
        doc["entities"].as_array().unwrap().iter().filter(|e| e["kind"] == "DATE").collect();
    let dec4 = dates.iter().find(|e| e["text"] == "December 4").expect("December 4 found");
    assert_eq!(dec4["type"], "DATE");
    assert_eq!(dec4["value"], "2025-12-04");
    let names: Vec<&serde_json::Value> =
        doc["entities"].as_array().unwrap().iter().filter(|e| e["kind"] != "DATE").collect();
    assert!(names.iter().all(|e| e.get("value").is_none()), "type/value only on DATE");
}

#[test]
fn search_ranks_and_reports_matches() {
    let o = dossier(&["search", "lavrof", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let hits: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["id"], "003_02426ad812dd9c00.txt");
    assert!(hits[0]["matches"].as_array().unwrap().iter().any(|m| m == "lavrov"));
    let o = dossier(&["search", "monument", "--limit", "1"]);
    assert_eq!(stdout(&o).lines().count(), 1);
    let o = dossier(&["search", "--help"]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn the_reader_on_paths_that_do_not_exist_says_so_and_exits_1() {
    let o = dossier(&["/no/such/corpus"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).trim(), "dossier: no such file or folder: /no/such/corpus");
    assert!(!o.stderr.contains(&0x1b));
}
