//! Faults in the corpus while and before it loads: files deleted or
//! truncated mid-load, sockets, FIFOs, a 200 MB file, a folder of 10,000
//! empty files. The load finishes, reports what it skipped, and loads the
//! rest exactly once.

mod common;
use common::corpus_dir;
use dossier::corpus::{LoadOptions, Source, load_all};
use std::collections::HashSet;

#[test]
fn a_socket_and_a_200_mb_file_are_skipped() {
    let dir = corpus_dir(&[("ok.txt", b"Fine. Loads.")]);
    let _sock = std::os::unix::net::UnixListener::bind(dir.path().join("sock.txt")).unwrap();
    let big = std::fs::File::create(dir.path().join("big.txt")).unwrap();
    big.set_len(200 * 1024 * 1024).unwrap(); // sparse: costs no disk
    let (items, skips) = load_all(&Source::Paths(vec![dir.path().to_path_buf()]), &LoadOptions::default());
    assert_eq!(items.len(), 1);
    let reasons: Vec<String> = skips.iter().map(ToString::to_string).collect();
    assert!(reasons.iter().any(|r| r.contains("sock.txt: a socket")), "{reasons:?}");
    assert!(reasons.iter().any(|r| r.contains("big.txt: 200.0 MiB is over the size cap")), "{reasons:?}");
}

#[test]
fn a_folder_of_10000_empty_files_is_reported_not_loaded() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..10_000 {
        std::fs::File::create(dir.path().join(format!("{i:05}.txt"))).unwrap();
    }
    std::fs::write(dir.path().join("real.txt"), "The one real article.").unwrap();
    let (items, skips) = load_all(&Source::Paths(vec![dir.path().to_path_buf()]), &LoadOptions::default());
    assert_eq!(items.len(), 1);
    assert_eq!(skips.len(), 10_000);
    assert!(skips.iter().all(|s| s.reason == "empty file"));
}

#[test]
fn files_deleted_or_truncated_while_loading() {
    for round in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        let names: Vec<String> = (0..400).map(|i| format!("{i:04}.txt")).collect();
        for n in &names {
            std::fs::write(dir.path().join(n), format!("Article {n}. {}", "Words and more words. ".repeat(200)))
                .unwrap();
        }
        let path = dir.path().to_path_buf();
        let vandal = std::thread::spawn(move || {
            for (i, n) in (0..400).map(|i| format!("{i:04}.txt")).enumerate().skip(round) {
                let p = path.join(&n);
                if i % 3 == 0 {
                    let _ = std::fs::remove_file(&p);
                } else if i % 3 == 1 {
                    let _ = std::fs::OpenOptions::new().write(true).open(&p).and_then(|f| f.set_len(7));
                }
            }
        });
        let (items, skips) = load_all(&Source::Paths(vec![dir.path().to_path_buf()]), &LoadOptions::default());
        vandal.join().unwrap();
        let ids: Vec<&str> = items.iter().map(|l| l.article.id.as_str()).collect();
        let unique: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "no article twice");
        assert!(ids.iter().all(|id| names.iter().any(|n| n == id)));
        for s in &skips {
            assert!(s.reason.contains("no such file") || s.reason == "empty file", "{s}");
        }
        assert!(items.len() + skips.len() <= names.len());
    }
}
