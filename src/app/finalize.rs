//! The work that needs the whole corpus: the timeline (and the search
//! index). It runs once loading is done, on a thread of its own, so the
//! interface answers keys while it runs; the result comes back as a
//! [`super::Msg::Finalized`].

use crate::analysis::Kind;
use crate::analysis::timeline::{self, Event};
use crate::corpus::Loaded;
use crate::search::{DocInput, DocText, Index};
use std::sync::Arc;

/// What the finishing work hands back to the app.
pub struct Finalized {
    pub events: Vec<Event>,
    pub index: Arc<Index>,
}

impl std::fmt::Debug for Finalized {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Finalized({} events, {} docs)", self.events.len(), self.index.len())
    }
}

/// A snapshot of the corpus to finish: shared items, in corpus order.
pub struct Snapshot {
    pub items: Vec<Arc<Loaded>>,
    pub ordered: Vec<u32>,
}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Snapshot({} articles)", self.items.len())
    }
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
    let events = timeline::build(&inputs);
    drop(inputs);
    Finalized { events, index: Arc::new(build_index(&snapshot.items)) }
}

/// Gives the heap's free pages back to the system, after a build whose
/// scratch the allocator would otherwise keep resident.
pub fn release_free_memory() {
    // SAFETY: malloc_trim only releases free heap pages.
    unsafe { libc::malloc_trim(0) };
}

/// The search index over every article; doc ids are article indices.
pub fn build_index(items: &[Arc<Loaded>]) -> Index {
    // What the previous phase (loading, the timeline: ~100 MB at 100,000
    // articles) freed is still resident: give it back first, or the
    // build's peak stacks on it.
    release_free_memory();
    // The article's own date counts for `date:` too; the strings must
    // outlive the borrowed documents.
    let article_dates: Vec<Option<String>> = items.iter().map(|l| l.article.date.map(|d| d.to_string())).collect();
    // Made one at a time as the build asks: the names list of each holds
    // every mention until deduplicated, too much to keep for all at once.
    let input = |i: usize| {
        let (item, article_date) = (&items[i], &article_dates[i]);
        let a = &item.analysis;
        let mut names = Vec::new();
        let mut dates: Vec<&str> = Vec::new();
        for m in &a.mentions {
            match m.kind {
                Kind::Date => dates.push(a.name(m)),
                kind => names.push((kind, a.name(m))),
            }
        }
        names.sort_unstable();
        names.dedup();
        dates.extend(article_date.as_deref());
        DocInput { title: &item.article.title, body: &item.article.body, names, dates }
    };
    let mut index = Index::build_with(items.len(), input);
    index.set_text(Arc::new(Texts(items.to_vec())));
    index
}

/// The articles' text, for checking that a phrase's words are adjacent.
struct Texts(Vec<Arc<Loaded>>);

impl DocText for Texts {
    fn title(&self, doc: u32) -> &str {
        self.0.get(doc as usize).map_or("", |l| l.article.title.as_str())
    }
    fn body(&self, doc: u32) -> &str {
        self.0.get(doc as usize).map_or("", |l| l.article.body.as_str())
    }
}
