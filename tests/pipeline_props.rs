//! Arbitrary bytes through the whole pipeline: decode, sanitise, analyse,
//! index, search and render. No panic; sanitising twice changes nothing;
//! every span lies on character boundaries, in order.

mod common;
use common::{buffer_text, press, render, type_text};
use dossier::app::keymap::Keymap;
use dossier::app::{App, Msg};
use dossier::corpus::{LoadEvent, LoadOptions, parse_bytes, sanitize};
use dossier::search::{Query, body_matches};
use dossier::ui::Theme;
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

/// Bytes that look like hostile news: words, escapes, C1, bidi, CRLF,
/// invalid UTF-8, JSON punctuation.
fn nasty_bytes() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        &b"Putin "[..],
        b"said ",
        b"in Kursk ",
        b"on 4 December 2025 ",
        b"\x1b[31m",
        b"\x1b]52;c;eA==\x07",
        b"\xc2\x9b",
        b"\xe2\x80\xae",
        b"\xe2\x80\xa8",
        b"\r\n",
        b"\n\n",
        b"\t",
        b"\xff\xfe",
        b"{\"body\": \"",
        b"\"}",
        b"---\n",
        b"\xe4\xb8\xad\xe6\x96\x87",
        b"\xcc\x81",
        b". ",
        b"Mr. ",
        b"U.S. ",
        b"\0",
    ]);
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..600),
        prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn sanitising_is_idempotent_and_leaves_no_controls(bytes in nasty_bytes()) {
        let once = sanitize::body_owned(sanitize::decode(bytes));
        let twice = sanitize::body(&once).into_owned();
        prop_assert_eq!(&twice, &once);
        let unsafe_char = |c: char| (c.is_control() && c != '\n' && c != '\t') || ('\u{202a}'..='\u{202e}').contains(&c);
        prop_assert!(!once.chars().any(unsafe_char), "a control character survived");
    }

    #[test]
    fn any_bytes_through_load_analyse_index_search_and_render(bytes in nasty_bytes(), ext in 0usize..4, query in "[a-zA-Z İß中\"():-]{0,20}", width in 1u16..120) {
        let name = ["x.txt", "x.md", "x.json", "x.jsonl"][ext];
        let (items, _skips) = parse_bytes(name, &bytes, &LoadOptions::default());
        for item in &items {
            let body = &item.article.body;
            let mut last = 0;
            for m in &item.analysis.mentions {
                let (s, e) = (m.start as usize, m.end as usize);
                prop_assert!(last <= s && s < e && body.get(s..e).is_some(), "span {s}..{e}");
                last = e;
            }
            let q = Query::parse(&query);
            let mut last = 0;
            for r in body_matches(&q, body) {
                prop_assert!(last <= r.start && r.start < r.end && body.get(r.clone()).is_some());
                last = r.end;
            }
        }
        // The real app on these articles: loaded, indexed, searched, drawn.
        let mut app = App::new(Keymap::default(), (width, 30));
        let files = items.len();
        app.update(Msg::Load(LoadEvent::Batch { items, skips: Vec::new(), files, bytes: 0 }));
        app.update(Msg::LoadDone);
        common::finish(&mut app);
        press(&mut app, "enter ] ] 3 enter /");
        type_text(&mut app, &query);
        press(&mut app, "enter n");
        let text = buffer_text(&render(&app, &Theme::colour()));
        for line in text.lines() {
            prop_assert!(line.width() <= width as usize);
        }
    }
}
