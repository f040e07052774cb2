//! Loading real files: every format, and every kind of bad input skipped
//! and reported while the rest loads. Nothing is ever written to the corpus.

mod common;
use common::corpus_dir;
use dossier::corpus::{LoadOptions, Loaded, Skip, Source, load_all};
use std::path::{Path, PathBuf};

fn load(paths: &[PathBuf], opts: LoadOptions) -> (Vec<Loaded>, Vec<Skip>) {
    load_all(&Source::Paths(paths.to_vec()), &opts)
}

fn ids(items: &[Loaded]) -> Vec<&str> {
    items.iter().map(|l| l.article.id.as_str()).collect()
}

fn reason_for<'a>(skips: &'a [Skip], file: &str) -> &'a str {
    skips
        .iter()
        .find(|s| s.location.contains(file))
        .map_or_else(|| panic!("{file} not skipped: {skips:?}"), |s| &s.reason)
}

#[test]
fn a_folder_of_every_format_loads_in_walk_order() {
    let dir = corpus_dir(&[
        ("a/2025-12-04-kursk.txt", b"Monument planned\n\nThe governor spoke on Thursday.\n"),
        ("b.md", b"---\ntitle: Front matter title\ndate: 2025-07-01\n---\nBody."),
        ("c.json", br#"{"articles": [{"id": "c1", "title": "One", "body": "x"}, {"title": "Two", "text": "y"}]}"#),
        ("d.jsonl", b"{\"id\": \"d1\", \"body\": \"one\"}\n{\"body\": \"two\", \"date\": \"2024-01-02\"}\n"),
        ("notes.png", b"\x89PNG"),
        (".hidden.txt", b"never read"),
    ]);
    let (items, skips) = load(&[dir.path().to_path_buf()], LoadOptions::default());
    assert!(skips.is_empty(), "{skips:?}");
    assert_eq!(ids(&items), ["a/2025-12-04-kursk.txt", "b.md", "c1", "c.json:2", "d1", "d.jsonl:2"]);
    assert_eq!(items[0].article.title, "Monument planned");
    assert_eq!(items[0].article.date.unwrap().to_string(), "2025-12-04", "date from the file name");
    assert_eq!(items[1].article.title, "Front matter title");
    assert_eq!(items[5].article.date.unwrap().to_string(), "2024-01-02");
}

#[test]
fn bad_inputs_are_skipped_with_reasons_and_the_rest_loads() {
    let mut big = b"x".repeat(300);
    big.extend(b"\n");
    let dir = corpus_dir(&[
        ("good.txt", b"Fine article. It loads."),
        ("binary.txt", b"abc\0def"),
        ("big.txt", &big),
        ("broken.json", b"[{\"body\": \"x\"},"),
        ("lines.jsonl", b"{\"body\": \"ok\"}\n{broken\n"),
        ("latin1.txt", b"caf\xe9 cr\xe8me"),
    ]);
    let fifo = dir.path().join("pipe.txt");
    nix_mkfifo(&fifo);
    std::os::unix::fs::symlink(dir.path().join("loop-b.txt"), dir.path().join("loop-a.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("loop-a.txt"), dir.path().join("loop-b.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("parent")).unwrap();
    let opts = LoadOptions { size_cap: 200, ..LoadOptions::default() };
    let (items, skips) = load(&[dir.path().to_path_buf()], opts);
    assert_eq!(ids(&items), ["good.txt", "latin1.txt", "lines.jsonl:1"]);
    assert_eq!(items[1].article.body, "caf\u{FFFD} cr\u{FFFD}me", "invalid UTF-8 decoded lossily");
    assert!(reason_for(&skips, "binary.txt").contains("binary"));
    assert!(reason_for(&skips, "big.txt").contains("size cap"));
    assert!(reason_for(&skips, "broken.json").contains("malformed JSON"));
    assert!(skips.iter().any(|s| s.to_string().contains("lines.jsonl:2: malformed JSON")), "{skips:?}");
    assert!(reason_for(&skips, "pipe.txt").contains("FIFO"));
    assert!(reason_for(&skips, "loop-a.txt").contains("symbolic link"));
    assert!(reason_for(&skips, "parent").contains("symbolic link"));
}

#[test]
fn missing_and_unreadable_paths_are_reported() {
    let dir = corpus_dir(&[("ok.txt", b"Fine.")]);
    let missing = dir.path().join("gone.txt");
    // /proc/self/mem is a file no one can read from its start, root included.
    let unreadable = PathBuf::from("/proc/self/mem");
    let (items, skips) = load(&[missing.clone(), unreadable, dir.path().to_path_buf()], LoadOptions::default());
    assert_eq!(ids(&items), ["ok.txt"]);
    assert!(reason_for(&skips, "gone.txt").contains("no such file"));
    assert!(skips.iter().any(|s| s.location == "/proc/self/mem"), "{skips:?}");
}

#[test]
fn crlf_and_control_characters_are_normalised() {
    let dir = corpus_dir(&[("x.txt", b"Title line\r\n\r\nBody \x1b[31mred\x1b[0m and \x07 bell.\r\n")]);
    let (items, _) = load(&[dir.path().to_path_buf()], LoadOptions::default());
    let body = &items[0].article.body;
    assert_eq!(body, "Title line\n\nBody ␛[31mred␛[0m and \u{FFFD} bell.\n");
    assert!(!body.contains('\x1b') && !body.contains('\r'));
}

#[test]
fn loading_never_writes_to_the_corpus() {
    let dir = corpus_dir(&[("a.txt", b"One."), ("b.jsonl", b"{\"body\": \"x\"}\nbad\n")]);
    let snapshot = |p: &Path| {
        let mut v: Vec<_> = std::fs::read_dir(p)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                let m = e.metadata().unwrap();
                (e.file_name(), m.len(), m.modified().unwrap())
            })
            .collect();
        v.sort();
        v
    };
    let before = snapshot(dir.path());
    let _ = load(&[dir.path().to_path_buf()], LoadOptions::default());
    assert_eq!(before, snapshot(dir.path()));
}

#[test]
fn the_sample_corpus_is_built_in() {
    let (items, skips) = load_all(&Source::Sample, &LoadOptions::default());
    assert!(skips.is_empty());
    assert_eq!(ids(&items), ["000_033ed65498691356.txt", "003_02426ad812dd9c00.txt"]);
    assert!(items.iter().all(|l| l.article.date.is_none()), "the sample has no dates and none is invented");
    assert!(items[0].article.title.starts_with("In a rare and publicly shared New Year’s message"));
}

fn nix_mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
}
