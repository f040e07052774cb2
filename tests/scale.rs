//! Loading a 2,000-article synthetic corpus in the background: every
//! article arrives exactly once, through the loader's thread and the app's
//! own `update`, in corpus order.

mod common;
use dossier::app::keymap::Keymap;
use dossier::app::{App, Msg};
use dossier::corpus::{LoadEvent, LoadOptions, Source, load_streaming};
use std::collections::HashSet;
use std::sync::mpsc;

#[test]
fn background_loading_delivers_every_article_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let stats = dossier::synth::write_corpus(dir.path(), 2000, dossier::synth::DEFAULT_SEED).unwrap();
    assert_eq!(stats.articles, 2000);
    let source = Source::Paths(vec![dir.path().to_path_buf()]);

    // The loader runs on its own thread and reports over a channel, as in
    // the reader; the app takes each message as it comes.
    let (tx, rx) = mpsc::channel();
    let loader = std::thread::spawn(move || {
        load_streaming(&source, &LoadOptions::default(), &|ev| tx.send(ev).unwrap());
    });
    let mut app = App::new(Keymap::default(), (120, 40));
    let mut batches = 0;
    for ev in rx {
        if matches!(ev, LoadEvent::Batch { .. }) {
            batches += 1;
        }
        app.update(Msg::Load(ev));
    }
    loader.join().unwrap();
    app.update(Msg::LoadDone);
    common::finish(&mut app);

    assert!(batches > 1, "articles arrive in several batches");
    assert_eq!(app.library.len(), 2000);
    assert!(app.library.skips.is_empty(), "{:?}", app.library.skips.first());
    let ids: HashSet<&str> = (0..2000).map(|i| app.library.article(i).id.as_str()).collect();
    assert_eq!(ids.len(), 2000, "no article twice");
    assert_eq!(app.library.ordered.len(), 2000);
    let orders: Vec<_> = app.library.ordered.iter().map(|&i| app.library.article(i).order).collect();
    assert!(orders.windows(2).all(|w| w[0] < w[1]), "the list is in corpus order");
    assert_eq!(app.list.rows.len(), 2000);
    assert!(!app.timeline.events.is_empty());
    assert_eq!(app.search.index.as_ref().map(|i| i.len()), Some(2000));
}
