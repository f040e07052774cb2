//! Search behaviour pinned on small hand-built corpora.

use dossier::analysis::Kind;
use dossier::search::worker::Searcher;
use dossier::search::{DocInput, Hit, Index, Query, SearchCache, body_matches};
use proptest::prelude::*;
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

/// (title, body, names, dates)
type Doc = (&'static str, &'static str, Vec<(Kind, &'static str)>, Vec<&'static str>);

fn index(docs: &[Doc]) -> Index {
    let inputs =
        docs.iter().map(|(t, b, n, d)| DocInput { title: t, body: b, names: n.clone(), dates: d.clone() }).collect();
    let mut ix = Index::build(inputs);
    let text: Vec<(String, String)> = docs.iter().map(|d| (d.0.to_string(), d.1.to_string())).collect();
    ix.set_text(Arc::new(text));
    ix
}

fn docs_of(ix: &Index, q: &str) -> Vec<u32> {
    ix.search(&Query::parse(q), None).iter().map(|h| h.doc).collect()
}

fn plain(title: &'static str, body: &'static str) -> Doc {
    (title, body, vec![], vec![])
}

#[test]
fn title_hit_beats_body_hit() {
    let ix = index(&[
        plain("Weather report", "The pipeline was delayed again."),
        plain("Pipeline delayed", "Officials gave no reason."),
    ]);
    assert_eq!(docs_of(&ix, "pipeline"), [1, 0]);
}

#[test]
fn entity_name_hit_beats_body_hit() {
    let ix = index(&[
        plain("Talks", "A note on kovacs as a word."),
        ("Talks", "Anna Kovacs said nothing.", vec![(Kind::Person, "Anna Kovacs")], vec![]),
    ]);
    assert_eq!(docs_of(&ix, "kovacs"), [1, 0]);
}

#[test]
fn all_words_beat_some_and_fallback_is_partial() {
    let ix = index(&[
        plain("A", "The monument in Kursk."),
        plain("B", "The monument in Kursk, said Khinstin."),
        plain("C", "Nothing here."),
    ]);
    let hits = ix.search(&Query::parse("monument khinstin"), None);
    assert_eq!(hits.iter().map(|h| h.doc).collect::<Vec<_>>(), [1]);
    assert!(!hits[0].is_partial());
    // No doc has all three words: fall back to the docs with the most.
    let hits = ix.search(&Query::parse("monument khinstin zebra"), None);
    assert_eq!(hits.iter().map(|h| h.doc).collect::<Vec<_>>(), [1]);
    assert!(hits[0].is_partial());
    let hits = ix.search(&Query::parse("monument zebra"), None);
    assert_eq!(hits.iter().map(|h| h.doc).collect::<Vec<_>>(), [0, 1]);
    assert!(hits.iter().all(Hit::is_partial));
}

#[test]
fn exact_beats_prefix_beats_typo() {
    let ix = index(&[
        plain("A", "He met Lavrof there."),
        plain("B", "He met Lavrovsky there."),
        plain("C", "He met Lavrov there."),
    ]);
    assert_eq!(docs_of(&ix, "lavrov"), [2, 1, 0]);
}

#[test]
fn typos_and_abbreviations_find_the_doc() {
    let ix = index(&[
        plain("Minister speaks", "Foreign Minister Sergei Lavrov said on Friday the talks would go on."),
        plain("Sculptor's plan", "Alexander Khinstin unveiled a design for the monument in Kursk."),
        plain("Weather", "Rain is expected in Lisbon on Monday."),
    ]);
    assert_eq!(docs_of(&ix, "lavrof"), [0]);
    assert_eq!(docs_of(&ix, "lvarov"), [0]);
    assert_eq!(docs_of(&ix, "khinstn monumnt"), [1]);
    assert_eq!(docs_of(&ix, "khin mon"), [1]);
    assert_eq!(docs_of(&ix, "lisbn"), [2]);
    assert!(docs_of(&ix, "qqqq").is_empty());
}

#[test]
fn phrases_need_adjacent_words() {
    let ix = index(&[
        plain("A", "The minister of foreign affairs spoke."),
        plain("B", "The Foreign Minister spoke."),
        plain("C", "Foreign minister\nand others."),
    ]);
    assert_eq!(docs_of(&ix, "\"foreign minister\""), [1, 2]);
    assert_eq!(docs_of(&ix, "\"minister of foreign\""), [0]);
    // Unbalanced quote: the phrase runs to the end.
    assert_eq!(docs_of(&ix, "spoke \"foreign minister"), [1]);
    // Still typing the phrase: its last word may be a prefix.
    assert_eq!(docs_of(&ix, "\"foreign min"), [1, 2]);
    assert!(docs_of(&ix, "\"foreign min\"").is_empty());
    assert_eq!(docs_of(&ix, "\"minister of for"), [0]);
}

#[test]
fn phrase_signatures_filter_without_text() {
    // No `set_text`: only the next-word signatures decide.
    let docs = [plain("A", "The minister of foreign affairs spoke."), plain("B", "The Foreign Minister spoke.")];
    let inputs = docs.iter().map(|d| DocInput { title: d.0, body: d.1, ..Default::default() }).collect();
    let ix = Index::build(inputs);
    let q = Query::parse("\"foreign minister\"");
    let got: Vec<u32> = ix.search(&q, None).iter().map(|h| h.doc).collect();
    assert_eq!(got, [1]);
    let q = Query::parse("\"foreign minis");
    let got: Vec<u32> = ix.search(&q, None).iter().map(|h| h.doc).collect();
    assert_eq!(got, [1]);
}

#[test]
fn kind_filters() {
    let ix = index(&[
        plain("A", "Lavrov was mentioned only as a word."),
        ("B", "Sergei Lavrov spoke.", vec![(Kind::Person, "Sergei Lavrov")], vec![]),
        ("C", "In Lisbon.", vec![(Kind::Place, "Lisbon")], vec!["2024-03-05"]),
        ("D", "At Northwind Airlines.", vec![(Kind::Org, "Northwind Airlines")], vec!["2025-12-04", "XXXX-07-01"]),
        ("E", "On 2025-11-30.", vec![], vec!["2025-11-30"]),
    ]);
    assert_eq!(docs_of(&ix, "person:lavrov"), [1]);
    assert_eq!(docs_of(&ix, "person:lavrof"), [1]);
    assert_eq!(docs_of(&ix, "lavrov"), [1, 0]);
    assert_eq!(docs_of(&ix, "place:lisbon"), [2]);
    assert!(docs_of(&ix, "person:lisbon").is_empty());
    assert_eq!(docs_of(&ix, "org:northwind"), [3]);
    assert_eq!(docs_of(&ix, "date:2025-12"), [3]);
    assert_eq!(docs_of(&ix, "date:2025"), [3, 4]);
    assert_eq!(docs_of(&ix, "date:2024-03-05"), [2]);
    assert_eq!(docs_of(&ix, "date:2025-1"), [3, 4]); // still typing
    assert_eq!(docs_of(&ix, "date:2025 airlines"), [3]);
    assert!(docs_of(&ix, "date:1999").is_empty());
    // Dates filter even when the words fall back to partial matches.
    assert!(docs_of(&ix, "date:1999 lisbon").is_empty());
    assert_eq!(docs_of(&ix, "date:2024 lisbon zebra"), [2]);
    assert!(docs_of(&ix, "person:").is_empty());
}

#[test]
fn unicode_folding_and_cjk() {
    let ix = index(&[
        plain("Zürich talks", "Held in Zürich."),
        plain("İstanbul summit", "ISTANBUL, Monday."),
        plain("Straße", "Die STRAẞE ist lang. Οδός final ς."),
        plain("中文新闻", "这是中文的文章。"),
    ]);
    assert_eq!(docs_of(&ix, "zurich"), [0]);
    assert_eq!(docs_of(&ix, "Zürich"), [0]);
    assert_eq!(docs_of(&ix, "istanbul"), [1]);
    assert_eq!(docs_of(&ix, "İstanbul"), [1]);
    assert_eq!(docs_of(&ix, "strasse"), [2]);
    assert_eq!(docs_of(&ix, "οδοσ"), [2]);
    assert_eq!(docs_of(&ix, "中文"), [3]);
    assert_eq!(docs_of(&ix, "文章"), [3]);
    assert!(docs_of(&ix, "章文").is_empty()); // a CJK run is a phrase
}

#[test]
fn regex_looking_and_huge_queries_do_not_panic() {
    let ix = index(&[plain("A", "Some text (with) [brackets] .* here")]);
    assert!(docs_of(&ix, ".*[(").is_empty());
    assert_eq!(docs_of(&ix, "brackets.*"), [0]);
    for q in ["\"", "\"\"", ":", "person:\"", "date:", "date:abc", "org::", "\\", "\u{0}", "ẞ:ẞ"] {
        let _ = docs_of(&ix, q);
    }
    let huge: String = "lavrov ".repeat(1500);
    assert!(huge.len() > 10_000);
    let t = std::time::Instant::now();
    let _ = docs_of(&ix, &huge);
    let one_word = "x".repeat(10_000);
    assert!(docs_of(&ix, &one_word).is_empty());
    // A generous bound; it guards against unbounded work, not speed.
    assert!(t.elapsed() < Duration::from_secs(2));
}

#[test]
fn matched_terms_and_title_indices() {
    let ix = index(&[plain("Lavrov meets Khinstin", "Sergei Lavrov met the sculptor.")]);
    let q = Query::parse("lavrof khin");
    assert_eq!(ix.matched_terms(&q, 0), ["khinstin", "lavrov"]);
    // "Lavrov" whole (typo), "Khin" typed part of "Khinstin".
    let idx = ix.title_match_indices(&q, "Lavrov meets Khinstin");
    assert_eq!(idx, [0, 1, 2, 3, 4, 5, 13, 14, 15, 16]);
    // Folding that changes length maps back to original chars.
    let idx = ix.title_match_indices(&Query::parse("strasse"), "Die Straße");
    assert_eq!(idx, [4, 5, 6, 7, 8, 9]);
}

#[test]
fn body_matches_offsets_survive_case_changes() {
    let body = "İstanbul und STRAẞE: ΟΔΌΣ, οδός; Lavrov and lavrof.";
    let q = Query::parse("istanbul strasse οδοσ lavrov");
    let got: Vec<&str> = body_matches(&q, body).into_iter().map(|r| &body[r]).collect();
    assert_eq!(got, ["İstanbul", "STRAẞE", "ΟΔΌΣ", "οδός", "Lavrov", "lavrof"]);
    let q = Query::parse("\"und straße\"");
    let got: Vec<&str> = body_matches(&q, body).into_iter().map(|r| &body[r]).collect();
    assert_eq!(got, ["und STRAẞE"]);
}

#[test]
fn incremental_search_equals_fresh_search() {
    let docs: Vec<Doc> = vec![
        plain("Lavrov in Lisbon", "Sergei Lavrov met Anna Kovacs."),
        plain("Lavra monastery", "The lavra near Kyiv."),
        plain("Larvae", "Lavrof, a typo, and larvae."),
        plain("Kovacs", "Anna Kovacs, Lavrovsky and Lisbon."),
    ];
    let ix = index(&docs);
    let mut cache = SearchCache::default();
    let typed = "lavrof kovac";
    for end in 1..=typed.len() {
        let q = Query::parse(&typed[..end]);
        assert_eq!(ix.search_incremental(&q, None, &mut cache), ix.search(&q, None), "at {:?}", &typed[..end]);
    }
    // Backspacing must not reuse a narrower pool.
    for end in (1..typed.len()).rev() {
        let q = Query::parse(&typed[..end]);
        assert_eq!(ix.search_incremental(&q, None, &mut cache), ix.search(&q, None), "at {:?}", &typed[..end]);
    }
}

#[test]
fn limit_keeps_the_best_in_order() {
    let ix = index(&[plain("x", "lavrov"), plain("lavrov", "x"), plain("x", "lavrov"), plain("lavrov", "y")]);
    let all = ix.search(&Query::parse("lavrov"), None);
    assert_eq!(all.iter().map(|h| h.doc).collect::<Vec<_>>(), [1, 3, 0, 2]);
    assert_eq!(ix.search(&Query::parse("lavrov"), Some(2)), all[..2]);
    assert!(ix.search(&Query::parse("lavrov"), Some(0)).is_empty());
}

#[test]
fn worker_delivers_latest_and_drops_stale() {
    let ix = Arc::new(index(&[plain("Lavrov", "a"), plain("Kovacs", "b")]));
    let (tx, rx) = mpsc::channel();
    // The first delivery blocks until the test has queued more queries, so
    // they pile up while the worker is busy.
    let gate = Arc::new(Mutex::new(()));
    let held = gate.lock().unwrap();
    let g2 = gate.clone();
    let searcher = Searcher::spawn(ix, move |generation, hits| {
        let _wait = g2.lock().unwrap();
        tx.send((generation, hits)).unwrap();
    });
    searcher.submit(1, "lavrov".into());
    std::thread::sleep(Duration::from_millis(100)); // let it start on 1
    for g in 2..=9 {
        searcher.submit(g, "lavrov".into());
    }
    searcher.submit(10, "kovacs".into());
    drop(held);
    let (g1, h1) = rx.recv_timeout(Duration::from_secs(5)).unwrap();
    let (g10, h10) = rx.recv_timeout(Duration::from_secs(5)).unwrap();
    assert_eq!((g1, h1[0].doc), (1, 0));
    assert_eq!((g10, h10[0].doc), (10, 1));
    assert!(rx.recv_timeout(Duration::from_millis(200)).is_err(), "stale queries were run");
    drop(searcher);
}

proptest! {
    #[test]
    fn any_query_parses_and_runs(query in "\\PC{0,80}|[a-z\":() .*\\-]{0,40}") {
        let ix = index(&[
            plain("Lavrov in Zürich", "Foreign Minister Sergei Lavrov said on 4 December 2025."),
            ("Kovacs", "Anna Kovacs.", vec![(Kind::Person, "Anna Kovacs")], vec!["2025-12-04"]),
        ]);
        let q = Query::parse(&query);
        prop_assert!(q.words.len() <= dossier::search::MAX_WORDS);
        let hits = ix.search(&q, None);
        prop_assert!(hits.windows(2).all(|w| (w[0].score, std::cmp::Reverse(w[0].doc)) > (w[1].score, std::cmp::Reverse(w[1].doc))));
        for h in &hits {
            let _ = ix.matched_terms(&q, h.doc);
        }
        let _ = ix.title_match_indices(&q, "Lavrov in Zürich");
    }

    #[test]
    fn a_title_word_searched_in_upper_case_lights_up(words in proptest::collection::vec("[a-zA-ZäöüßİıΣσςéÉÅ]{1,8}", 1..6), k: usize) {
        let title = words.join(" ");
        let word = &words[k % words.len()];
        let q = Query::parse(&word.to_uppercase());
        let idx = dossier::search::title_match_indices(&q, &title);
        prop_assert!(!idx.is_empty(), "{:?} in {:?}", word, title);
    }

    #[test]
    fn title_indices_are_sorted_and_inside_the_title(title in "\\PC{0,60}", query in "\\PC{0,30}") {
        let q = Query::parse(&query);
        let idx = dossier::search::title_match_indices(&q, &title);
        let n = title.chars().count();
        prop_assert!(idx.windows(2).all(|w| w[0] < w[1]));
        prop_assert!(idx.iter().all(|&i| i < n));
    }

    #[test]
    fn body_matches_ranges_are_valid(body in "\\PC{0,200}", query in "\\PC{0,40}") {
        let q = Query::parse(&query);
        let ranges = body_matches(&q, &body);
        let mut last = 0;
        for r in &ranges {
            prop_assert!(r.start < r.end);
            prop_assert!(r.start >= last, "overlap or disorder: {:?}", ranges);
            prop_assert!(body.is_char_boundary(r.start) && body.is_char_boundary(r.end));
            last = r.end;
        }
    }

    #[test]
    fn body_matches_finds_query_words_in_mixed_case(word in "[a-zA-ZäöüßİΣσς]{1,12}", pre in "[ .,;]{0,3}") {
        let body = format!("{pre}{word} tail");
        let q = Query::parse(&word.to_uppercase());
        if !q.is_empty() {
            let ranges = body_matches(&q, &body);
            prop_assert!(ranges.iter().any(|r| &body[r.clone()] == word.as_str()), "{:?} in {:?}", ranges, body);
        }
    }
}

/// Multi-word results (which look up later words only within the docs the
/// earlier ones share, and reuse the previous keystroke's work) must equal
/// the intersection of one-word searches, with the scores added up.
#[test]
fn multi_word_search_equals_intersection_of_single_words() {
    use dossier::synth;
    let arts: Vec<_> = (0..600).map(|i| synth::article(7, i)).collect();
    let inputs = arts
        .iter()
        .map(|a| DocInput {
            title: &a.title,
            body: &a.body,
            names: a.names.iter().map(|(k, n)| (*k, n.as_str())).collect(),
            dates: vec![a.date.as_str()],
        })
        .collect();
    let ix = Index::build(inputs);
    for typed in ["lavrov monumnt", "person:kovacs minister", "lisbon t", "khinstn mon kursk", "zurich the ministry"] {
        let mut cache = SearchCache::default();
        for end in 1..=typed.len() {
            let q = &typed[..end];
            let got = ix.search_incremental(&Query::parse(q), None, &mut cache);
            let mut expect: Option<std::collections::BTreeMap<u32, i64>> = None;
            for w in q.split_whitespace() {
                let one: std::collections::BTreeMap<u32, i64> =
                    ix.search(&Query::parse(w), None).iter().map(|h| (h.doc, h.score)).collect();
                expect = Some(match expect {
                    None => one,
                    Some(acc) => acc.into_iter().filter_map(|(d, s)| one.get(&d).map(|t| (d, s + t))).collect(),
                });
            }
            let expect = expect.unwrap_or_default();
            if expect.is_empty() {
                assert!(got.iter().all(Hit::is_partial), "{q:?}");
                continue;
            }
            let mut expect: Vec<Hit> = expect.into_iter().map(|(doc, score)| Hit { doc, score }).collect();
            expect.sort_by(|a, b| b.score.cmp(&a.score).then(a.doc.cmp(&b.doc)));
            assert_eq!(got, expect, "{q:?}");
        }
    }
}

/// The app shares the index with the search thread (compile-time check).
#[test]
fn index_is_shareable_across_threads() {
    fn shareable<T: Send + Sync + 'static>() {}
    shareable::<Index>();
    shareable::<Query>();
}
