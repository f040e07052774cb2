//! Properties of `timex::find` for any input: no panic, spans non-empty, on
//! char boundaries, sorted and non-overlapping, whatever the sentence ranges.

use chrono::NaiveDate;
use dossier::analysis::{sentences, timex};
use proptest::prelude::*;
use std::ops::Range;

fn check(body: &str, sents: &[Range<usize>], dct: Option<NaiveDate>) -> Result<(), TestCaseError> {
    let found = timex::find(body, sents, dct);
    let mut last_end = 0;
    for m in &found {
        prop_assert!(m.start < m.end, "empty span {:?}", m);
        prop_assert!(m.end <= body.len());
        prop_assert!(body.is_char_boundary(m.start) && body.is_char_boundary(m.end));
        prop_assert!(m.start >= last_end, "unsorted or overlapping: {:?}", found);
        prop_assert!(!m.value.is_empty());
        last_end = m.end;
    }
    Ok(())
}

/// Text made of pieces that exercise the grammar, glued in any order.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "December",
        "4",
        "2025",
        "Dec",
        ".",
        ",",
        "-",
        "/",
        ":",
        "'",
        "’",
        "s",
        "the",
        "last",
        "next",
        "week",
        "year",
        "years",
        "ago",
        "later",
        "a",
        "p",
        "m",
        "am",
        "12",
        "1990s",
        "4th",
        "of",
        "Monday",
        "morning",
        "New",
        "Year",
        "Christmas",
        "every",
        "two",
        "and",
        "half",
        "in",
        "on",
        "at",
        "UTC",
        "(",
        ")",
        "+8",
        "Q1",
        "FY08",
        "mid",
        "early",
        "end",
        "\n",
        " ",
        "  ",
        "é",
        "日",
        "🙂",
        "\u{a0}",
        "99",
        "07",
        "31",
        "0",
        "now",
        "today",
    ]);
    prop::collection::vec((piece, prop::bool::ANY), 0..40)
        .prop_map(|v| v.into_iter().map(|(p, sp)| if sp { format!("{p} ") } else { p.to_string() }).collect())
}

fn any_dct() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of((-3000i32..5000, 1u32..=12, 1u32..=31))
        .prop_map(|o| o.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_string(body in any::<String>(), dct in any_dct()) {
        check(&body, &sentences::split(&body), dct)?;
    }

    #[test]
    fn newsy_text(body in newsy(), dct in any_dct()) {
        check(&body, &sentences::split(&body), dct)?;
        check(&body, &[], dct)?;
        check(&body, std::slice::from_ref(&(0..body.len())), dct)?;
    }

    #[test]
    fn any_sentence_ranges(body in newsy(), cuts in prop::collection::vec((0usize..200, 0usize..200), 0..8), dct in any_dct()) {
        let sents: Vec<Range<usize>> = cuts.into_iter().map(|(a, b)| a..b).collect();
        check(&body, &sents, dct)?;
    }
}

#[test]
fn long_unbroken_body() {
    // one 200 KB line: cut into pieces internally, dates on both sides found
    let mut body = String::new();
    while body.len() < 200_000 {
        body.push_str("The plant opened on 4 December 2025 and closed in July. ");
    }
    let dct = NaiveDate::from_ymd_opt(2026, 1, 2);
    let found = timex::find(&body, &sentences::split(&body), dct);
    let n = body.matches("4 December 2025").count() + body.matches("July").count();
    assert_eq!(found.len(), n);
    assert!(found.windows(2).all(|w| w[0].end <= w[1].start));
    let long_word = "x".repeat(40_000);
    check(&long_word, &[], None).unwrap();
    check(&"é".repeat(20_000), &[], None).unwrap();
    check(&"日".repeat(20_000), &[], None).unwrap();
    check(&format!("a{}", "日".repeat(20_000)), &[], None).unwrap();
    check(&format!("ab{}", "🙂".repeat(20_000)), &[], None).unwrap();
}

#[test]
fn extreme_reference_dates() {
    let text = "On Friday, two days ago, last week, next month, the following day, \
                in July, on December 31, at Thanksgiving, in the first quarter, \
                three centuries ago, 99999 years later, this weekend, at 3 p.m.";
    for dct in [NaiveDate::MIN, NaiveDate::MAX, NaiveDate::from_ymd_opt(0, 1, 1).unwrap()] {
        check(text, &sentences::split(text), Some(dct)).unwrap();
    }
}
