//! The loaded corpus as the app holds it: articles in arrival order, their
//! analyses, the corpus order, and which articles mention each entity.

use crate::analysis::{Analysis, Kind};
use crate::corpus::{Article, LoadEvent, Loaded, Skip};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// An entity across the corpus: same kind and canonical name, one entity.
pub type EntityKey = (Kind, Box<str>);

#[derive(Debug, Default)]
pub struct Progress {
    pub files_total: Option<usize>,
    pub files_done: usize,
    pub bytes: u64,
    pub started: Option<Instant>,
    pub elapsed: Option<Duration>,
    pub done: bool,
}

impl Progress {
    /// Megabytes read and analysed per second so far.
    pub fn mb_per_s(&self) -> f64 {
        let secs = self.elapsed.or_else(|| self.started.map(|s| s.elapsed())).map_or(0.0, |d| d.as_secs_f64());
        if secs > 0.0 { self.bytes as f64 / 1e6 / secs } else { 0.0 }
    }
}

/// An [`EntityKey`] by reference, to look one up without allocating. Hashes
/// exactly as the tuple does.
#[derive(Hash)]
struct NameRef<'a>(Kind, &'a str);

impl hashbrown::Equivalent<EntityKey> for NameRef<'_> {
    fn equivalent(&self, key: &EntityKey) -> bool {
        self.0 == key.0 && self.1 == &*key.1
    }
}

#[derive(Debug, Default)]
pub struct Library {
    /// Shared so that work after loading (timeline, search index) can run
    /// on another thread without copying the corpus.
    pub items: Vec<Arc<Loaded>>,
    /// Article indices in corpus order (walk order, then position in file).
    pub ordered: Vec<u32>,
    /// Which articles mention an entity, each article once, ascending.
    pub mentions: hashbrown::HashMap<EntityKey, Vec<u32>>,
    pub skips: Vec<Skip>,
    pub progress: Progress,
}

impl Library {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Takes in what the loader reports. Returns the indices of the new
    /// articles.
    pub fn absorb(&mut self, event: LoadEvent) -> std::ops::Range<u32> {
        let first = self.items.len() as u32;
        self.progress.started.get_or_insert_with(Instant::now);
        match event {
            LoadEvent::Discovered { files, skips } => {
                self.progress.files_total = Some(files);
                self.skips.extend(skips);
            }
            LoadEvent::Batch { items, skips, files, bytes } => {
                self.progress.files_done += files;
                self.progress.bytes += bytes;
                self.skips.extend(skips);
                for item in items {
                    let idx = self.items.len() as u32;
                    self.index_mentions(idx, &item.analysis);
                    self.items.push(Arc::new(item));
                }
                self.insert_ordered(first..self.items.len() as u32);
            }
        }
        first..self.items.len() as u32
    }

    /// Puts new articles into corpus order. A batch covers a run of files
    /// no other batch touches, so it usually slots in whole at one place
    /// (a memmove, not a sort of 100,000 rows per batch).
    fn insert_ordered(&mut self, new: std::ops::Range<u32>) {
        let items = &self.items;
        let key = |i: &u32| items[*i as usize].article.order;
        let mut run: Vec<u32> = new.collect();
        run.sort_by_key(key);
        let (Some(lo), Some(hi)) = (run.first().map(key), run.last().map(key)) else { return };
        let at = self.ordered.partition_point(|i| key(i) < lo);
        if self.ordered.get(at).is_none_or(|i| key(i) > hi) {
            self.ordered.splice(at..at, run);
        } else {
            self.ordered.extend(run);
            self.ordered.sort_by_key(key);
        }
    }

    pub fn finish(&mut self) {
        self.progress.done = true;
        self.progress.elapsed = self.progress.started.map(|s| s.elapsed());
    }

    fn index_mentions(&mut self, idx: u32, analysis: &Analysis) {
        for m in &analysis.mentions {
            let (kind, name) = (m.kind, analysis.name(m));
            // Look up by borrowed name: a key is allocated once per entity,
            // not once per mention.
            match self.mentions.get_mut(&NameRef(kind, name)) {
                Some(list) if list.last() == Some(&idx) => {}
                Some(list) => list.push(idx),
                None => {
                    self.mentions.insert((kind, name.into()), vec![idx]);
                }
            }
        }
    }

    pub fn article(&self, idx: u32) -> &Article {
        &self.items[idx as usize].article
    }

    pub fn analysis(&self, idx: u32) -> &Analysis {
        &self.items[idx as usize].analysis
    }

    /// The articles that mention `key`, in corpus order.
    pub fn mentioning(&self, key: &EntityKey) -> Vec<u32> {
        let Some(list) = self.mentions.get(key) else {
            return Vec::new();
        };
        let mut rows = list.clone();
        rows.sort_by_key(|&i| self.article(i).order);
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;

    fn batch(orders: &[(u32, u32)]) -> LoadEvent {
        let items = orders
            .iter()
            .map(|&order| Loaded {
                article: Article {
                    id: format!("{order:?}"),
                    path: String::new(),
                    title: String::new(),
                    date: None,
                    source: None,
                    url: None,
                    author: None,
                    body: String::new(),
                    order,
                },
                analysis: Default::default(),
            })
            .collect();
        LoadEvent::Batch { items, skips: Vec::new(), files: orders.len(), bytes: 0 }
    }

    #[test]
    fn batches_in_any_order_end_in_corpus_order() {
        let mut lib = Library::default();
        lib.absorb(batch(&[(4, 0), (5, 1), (5, 0)]));
        lib.absorb(batch(&[(0, 0), (1, 0)]));
        lib.absorb(batch(&[(9, 0)]));
        // Overlapping a run already in place: falls back to a sort.
        lib.absorb(batch(&[(3, 0), (4, 5)]));
        let orders: Vec<_> = lib.ordered.iter().map(|&i| lib.article(i).order).collect();
        assert_eq!(lib.len(), 8);
        assert_eq!(orders, [(0, 0), (1, 0), (3, 0), (4, 0), (4, 5), (5, 0), (5, 1), (9, 0)]);
    }
}
