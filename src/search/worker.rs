//! A search thread for the interactive app: the event loop submits each
//! keystroke's query and never waits; the thread always runs the latest
//! pending query, dropping any it had not started (typing faster than
//! searching skips intermediate queries instead of queueing them), and
//! hands results to `deliver`, which the app points at its channel.

use super::{Hit, Index, Query, SearchCache};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;

#[derive(Default)]
struct Pending {
    next: Option<(u64, String)>,
    quit: bool,
}

type Shared = Arc<(Mutex<Pending>, Condvar)>;

pub struct Searcher {
    shared: Shared,
    thread: Option<JoinHandle<()>>,
}

impl Searcher {
    /// Start the thread. `deliver(generation, hits)` is called on it with
    /// all hits of the latest query, best first.
    pub fn spawn(index: Arc<Index>, deliver: impl Fn(u64, Vec<Hit>) + Send + 'static) -> Searcher {
        let shared: Shared = Arc::default();
        let theirs = shared.clone();
        let thread = std::thread::Builder::new()
            .name("dossier-search".into())
            .spawn(move || run(&index, &theirs, deliver))
            .expect("spawn search thread");
        Searcher { shared, thread: Some(thread) }
    }

    /// Queue `query` as generation `generation`, replacing any query not yet
    /// started. Never blocks on a running search.
    pub fn submit(&self, generation: u64, query: String) {
        let (lock, cv) = &*self.shared;
        let mut p = lock.lock().unwrap_or_else(|e| e.into_inner());
        p.next = Some((generation, query));
        cv.notify_one();
    }
}

fn run(index: &Index, shared: &Shared, deliver: impl Fn(u64, Vec<Hit>)) {
    let mut cache = SearchCache::default();
    loop {
        let (generation, query) = {
            let (lock, cv) = &**shared;
            let mut p = lock.lock().unwrap_or_else(|e| e.into_inner());
            loop {
                if p.quit {
                    return;
                }
                if let Some(job) = p.next.take() {
                    break job;
                }
                p = cv.wait(p).unwrap_or_else(|e| e.into_inner());
            }
        };
        let q = Query::parse(&query);
        let hits = index.search_incremental(&q, None, &mut cache);
        deliver(generation, hits);
    }
}

impl Drop for Searcher {
    /// Stops the thread after the search it is running, if any.
    fn drop(&mut self) {
        {
            let (lock, cv) = &*self.shared;
            let mut p = lock.lock().unwrap_or_else(|e| e.into_inner());
            p.quit = true;
            cv.notify_one();
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
