//! The segmented index answers as one flat index would: posting lists that
//! span segments, phrases, kinds, dates, incremental search and matched
//! terms, with segments small enough that every query crosses boundaries.

use super::{DocInput, Hit, Index, Query, SearchCache};
use crate::analysis::Kind;
use crate::synth;
use std::sync::Arc;

/// (title, body, names, dates)
type Doc = (&'static str, &'static str, Vec<(Kind, &'static str)>, Vec<&'static str>);

fn index(docs: &[Doc], segment_docs: usize) -> Index {
    let input = |i: usize| {
        let (t, b, n, d) = &docs[i];
        DocInput { title: t, body: b, names: n.clone(), dates: d.clone() }
    };
    let mut ix = Index::build_segmented(docs.len(), input, segment_docs);
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
fn queries_across_segment_boundaries() {
    let docs = vec![
        plain("Lavrov in Lisbon", "Foreign Minister Sergei Lavrov arrived."),
        plain("Weather", "Rain in Lisbon."),
        plain("Markets", "Nothing about ministers."),
        plain("Talks", "The foreign minister met Lavrov again."),
        ("Visit", "Sergei Lavrov and Anna Kovacs.", vec![(Kind::Person, "Sergei Lavrov")], vec!["2025-12-04"]),
        plain("Minister of foreign affairs", "He spoke."),
        plain("Kovacs", "Anna Kovacs, a foreign minister, and Lavrovsky."),
        ("Lavrov again", "In Lisbon.", vec![(Kind::Place, "Lisbon")], vec!["2025-12-01"]),
    ];
    // Segments of 2 docs: [0 1] [2 3] [4 5] [6 7]; and of 3: [0 1 2] [3 4 5] [6 7].
    for segment_docs in [2, 3] {
        let ix = index(&docs, segment_docs);
        assert_eq!(ix.segment_count(), docs.len().div_ceil(segment_docs));
        // Title hits first, then the name hit, then body hits (and the
        // prefix Lavrovsky last), ties by doc id.
        assert_eq!(docs_of(&ix, "lavrov"), [0, 7, 4, 3, 6], "{segment_docs}");
        assert_eq!(docs_of(&ix, "person:lavrov"), [4]);
        assert_eq!(docs_of(&ix, "place:lisbon"), [7]);
        assert_eq!(docs_of(&ix, "lavrov date:2025-12"), [7, 4]);
        assert_eq!(docs_of(&ix, "\"foreign minister\""), [0, 3, 6]);
        assert_eq!(docs_of(&ix, "\"minister of foreign"), [5]);
        // The title hit on Kovacs outweighs the name hit on Lavrov.
        assert_eq!(docs_of(&ix, "lavrov kovacs"), [6, 4]);
        assert_eq!(ix.matched_terms(&Query::parse("lavrov"), 6), ["lavrovsky"]);
        assert_eq!(ix.matched_terms(&Query::parse("lavrov"), 7), ["lavrov"]);
        assert!(ix.matched_terms(&Query::parse("lavrov"), 2).is_empty());
        let mut cache = SearchCache::default();
        let typed = "lavrof \"foreign min";
        for end in 1..=typed.len() {
            let q = Query::parse(&typed[..end]);
            assert_eq!(ix.search_incremental(&q, None, &mut cache), ix.search(&q, None), "at {:?}", &typed[..end]);
        }
    }
}

/// Every segment size gives the same vocabulary, postings and answers as a
/// single segment, on a synthetic corpus.
#[test]
fn segment_size_does_not_change_answers() {
    let arts: Vec<_> = (0..300).map(|i| synth::article(11, i)).collect();
    let build = |segment_docs| {
        let input = |i: usize| {
            let a = &arts[i];
            DocInput {
                title: &a.title,
                body: &a.body,
                names: a.names.iter().map(|(k, n)| (*k, n.as_str())).collect(),
                dates: vec![a.date.as_str()],
            }
        };
        let mut ix = Index::build_segmented(arts.len(), input, segment_docs);
        let text: Vec<(String, String)> = arts.iter().map(|a| (a.title.clone(), a.body.clone())).collect();
        ix.set_text(Arc::new(text));
        ix
    };
    let one = build(arts.len());
    assert_eq!(one.segment_count(), 1);
    let typed = [
        "lavrov monumnt",
        "person:kovacs minister",
        "\"foreign minister\" lisbon",
        "zurich date:2025",
        "khin mon kursk",
        "t",
    ];
    for segment_docs in [1, 37, 64, 299] {
        let ix = build(segment_docs);
        assert_eq!(ix.segment_count(), arts.len().div_ceil(segment_docs));
        assert_eq!(ix.vocabulary_len(), one.vocabulary_len());
        assert_eq!(ix.postings_len(), one.postings_len());
        assert_eq!(ix.term_flags, one.term_flags);
        for typed in typed {
            let mut cache = SearchCache::default();
            for end in 1..=typed.len() {
                let q = Query::parse(&typed[..end]);
                let got: Vec<Hit> = ix.search_incremental(&q, None, &mut cache);
                assert_eq!(got, one.search(&q, None), "{:?} in segments of {segment_docs}", &typed[..end]);
                for h in got.iter().take(5) {
                    assert_eq!(ix.matched_terms(&q, h.doc), one.matched_terms(&q, h.doc));
                }
            }
        }
    }
}
