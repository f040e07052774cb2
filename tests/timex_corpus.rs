//! The sample corpus (no article dates): the dates a reader must see, with
//! and without a reference date, and the phrases that must stay untagged.

use chrono::NaiveDate;
use dossier::analysis::{TimexType, sentences, timex};

const A000: &str = include_str!("../assets/corpus/000_033ed65498691356.txt");
const A003: &str = include_str!("../assets/corpus/003_02426ad812dd9c00.txt");

fn found(body: &str, dct: Option<NaiveDate>) -> Vec<(String, TimexType, String)> {
    timex::find(body, &sentences::split(body), dct)
        .into_iter()
        .map(|m| (body[m.start..m.end].to_string(), m.ty, m.value))
        .collect()
}

fn value_of(list: &[(String, TimexType, String)], text: &str) -> Option<String> {
    list.iter().find(|(t, _, _)| t == text).map(|(_, _, v)| v.clone())
}

#[test]
fn sample_corpus_without_dct() {
    let a = found(A000, None);
    let b = found(A003, None);
    assert_eq!(value_of(&a, "December 4").as_deref(), Some("XXXX-12-04"), "{a:?}");
    assert_eq!(value_of(&a, "New Year").as_deref(), Some("XXXX-01-01"), "{a:?}");
    assert_eq!(value_of(&b, "July").as_deref(), Some("XXXX-07"), "{b:?}");
}

#[test]
fn sample_corpus_with_dct() {
    let dct = NaiveDate::from_ymd_opt(2026, 1, 2);
    let a = found(A000, dct);
    let b = found(A003, dct);
    assert_eq!(value_of(&a, "December 4").as_deref(), Some("2025-12-04"), "{a:?}");
    assert_eq!(value_of(&a, "New Year").as_deref(), Some("2026-01-01"), "{a:?}");
    assert_eq!(value_of(&b, "July").as_deref(), Some("2025-07"), "{b:?}");
}

#[test]
fn sample_corpus_non_times() {
    for body in [A000, A003] {
        for (text, _, _) in found(body, NaiveDate::from_ymd_opt(2026, 1, 2)) {
            assert!(!text.contains("fourth year"), "tagged {text:?}");
            assert!(!text.contains("date"), "tagged {text:?}");
        }
    }
}
