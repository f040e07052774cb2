//! The work that needs the whole corpus: the timeline (and the search
//! index). It runs once loading is done, on a thread of its own, so the
//! interface answers keys while it runs; the result comes back as a
//! [`super::Msg::Finalized`].

use crate::analysis::timeline::{self, Event};
use crate::corpus::Loaded;
use std::sync::Arc;

/// What the finishing work hands back to the app.
#[derive(Debug)]
pub struct Finalized {
    pub events: Vec<Event>,
}

/// A snapshot of the corpus to finish: shared items, in corpus order.
pub struct Snapshot {
    pub items: Vec<Arc<Loaded>>,
    pub ordered: Vec<u32>,
}

pub fn run(snapshot: &Snapshot) -> Finalized {
    let inputs: Vec<timeline::Input> = snapshot
        .ordered
        .iter()
        .map(|&i| {
            let item = &snapshot.items[i as usize];
            timeline::Input { article: i, body: &item.article.body, analysis: &item.analysis }
        })
        .collect();
    Finalized { events: timeline::build(&inputs) }
}
