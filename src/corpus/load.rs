//! Loading a corpus: files are read, parsed and analysed in parallel
//! (rayon) and handed over in batches, so a caller can show the first
//! articles while the rest load.

use super::formats::{self, FileCtx, Format};
use super::walk::{self, FileJob};
use super::{Article, Skip, Source, sample, title};
use crate::analysis::{self, Analysis};
use chrono::NaiveDate;
use rayon::prelude::*;
use std::cell::Cell;

#[derive(Clone, Debug)]
pub struct LoadOptions {
    pub size_cap: u64,
    /// The anchor for relative dates in articles without a date of their own.
    pub reference_date: Option<NaiveDate>,
    /// Whether to run the analysis. Without it, bodies are dropped once the
    /// titles are derived: `dossier list` needs neither.
    pub analyze: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions { size_cap: walk::DEFAULT_SIZE_CAP, reference_date: None, analyze: true }
    }
}

/// An article with what the analysis found in it.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub article: Article,
    pub analysis: Analysis,
}

/// What the loader reports as it goes.
#[derive(Debug)]
pub enum LoadEvent {
    /// The walk is done: this many files will be read.
    Discovered { files: usize, skips: Vec<Skip> },
    /// Some files were read: their articles, skips and size in bytes.
    Batch { items: Vec<Loaded>, skips: Vec<Skip>, files: usize, bytes: u64 },
}

/// Files per batch: small enough that the first screen fills at once, large
/// enough that a big corpus is not thousands of tiny messages.
const BATCH_FILES: usize = 64;

/// Loads `source`, calling `emit` from the loader's threads as batches are
/// ready. Returns when every file is done.
pub fn load_streaming(source: &Source, opts: &LoadOptions, emit: &(dyn Fn(LoadEvent) + Sync)) {
    match source {
        Source::Sample => {
            let mut items = Vec::new();
            let mut skips = Vec::new();
            let mut bytes = 0;
            for (no, (name, data)) in sample::FILES.iter().enumerate() {
                let job = FileJob {
                    path: name.into(),
                    display: format!("assets/corpus/{name}"),
                    id_base: name.to_string(),
                    format: Format::Text,
                    file_no: no as u32,
                };
                bytes += data.len() as u64;
                parse_file(&job, data.to_vec(), opts, &mut items, &mut skips);
            }
            emit(LoadEvent::Discovered { files: sample::FILES.len(), skips: Vec::new() });
            emit(LoadEvent::Batch { items, skips, files: sample::FILES.len(), bytes });
        }
        Source::Paths(paths) => {
            let mut skips = Vec::new();
            let jobs = walk::discover(paths, &mut skips);
            emit(LoadEvent::Discovered { files: jobs.len(), skips });
            jobs.par_chunks(BATCH_FILES).for_each(|chunk| {
                let (mut items, mut skips, mut bytes) = (Vec::new(), Vec::new(), 0);
                for job in chunk {
                    match walk::read_file(&job.path, opts.size_cap) {
                        Ok(data) => {
                            bytes += data.len() as u64;
                            parse_file(job, data, opts, &mut items, &mut skips);
                        }
                        Err(reason) => skips.push(Skip { location: job.display.clone(), reason }),
                    }
                }
                emit(LoadEvent::Batch { items, skips, files: chunk.len(), bytes });
            });
        }
    }
}

thread_local! {
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

/// Whether this thread is inside per-file loader work, whose panics are
/// caught and reported as skipped inputs (the panic hook stays quiet).
pub fn in_guarded_work() -> bool {
    GUARDED.with(Cell::get)
}

/// Parses and analyses one file. A bug that panics on some input costs that
/// file, reported as skipped, never the whole load.
fn parse_file(job: &FileJob, data: Vec<u8>, opts: &LoadOptions, items: &mut Vec<Loaded>, skips: &mut Vec<Skip>) {
    GUARDED.with(|g| g.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let (mut i, mut s) = (Vec::new(), Vec::new());
        parse_file_unguarded(job, data, opts, &mut i, &mut s);
        (i, s)
    }));
    GUARDED.with(|g| g.set(false));
    match result {
        Ok((i, s)) => {
            items.extend(i);
            skips.extend(s);
        }
        Err(panic) => {
            let what =
                panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned());
            let reason = format!("internal error, please report: {}", what.unwrap_or_else(|| "panic".into()));
            skips.push(Skip { location: job.display.clone(), reason });
        }
    }
}

fn parse_file_unguarded(
    job: &FileJob,
    data: Vec<u8>,
    opts: &LoadOptions,
    items: &mut Vec<Loaded>,
    skips: &mut Vec<Skip>,
) {
    let text = super::sanitize::decode(data);
    let name = job.path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    let ctx = FileCtx {
        display: &job.display,
        id_base: &job.id_base,
        file_date: title::date_in_file_name(&name),
        file_no: job.file_no,
    };
    let mut articles = Vec::new();
    formats::parse(job.format, text, &ctx, &mut articles, skips);
    items.extend(articles.into_iter().map(|mut article| {
        let analysis = if opts.analyze {
            analysis::analyze(&article.body, article.date.or(opts.reference_date))
        } else {
            // Without analysis nothing needs the body after its title was
            // derived (`dossier list`): let it go now, not at the end.
            article.body = String::new();
            Analysis::default()
        };
        Loaded { article, analysis }
    }));
}

/// Parses (and analyses) one file's bytes as the loader would, the format
/// chosen by `file_name`'s extension (text when unknown). For fuzzing and
/// tools that have bytes rather than files.
pub fn parse_bytes(file_name: &str, data: &[u8], opts: &LoadOptions) -> (Vec<Loaded>, Vec<Skip>) {
    let job = FileJob {
        path: file_name.into(),
        display: super::sanitize::line(file_name),
        id_base: super::sanitize::line(file_name),
        format: Format::of(file_name).unwrap_or(Format::Text),
        file_no: 0,
    };
    let (mut items, mut skips) = (Vec::new(), Vec::new());
    parse_file(&job, data.to_vec(), opts, &mut items, &mut skips);
    (items, skips)
}

/// Loads everything and returns it in corpus order, with every skip.
pub fn load_all(source: &Source, opts: &LoadOptions) -> (Vec<Loaded>, Vec<Skip>) {
    let out = std::sync::Mutex::new((Vec::new(), Vec::new()));
    load_streaming(source, opts, &|event| {
        let mut out = out.lock().unwrap_or_else(|e| e.into_inner());
        match event {
            LoadEvent::Discovered { skips, .. } => out.1.extend(skips),
            LoadEvent::Batch { items, skips, .. } => {
                if !items.is_empty() {
                    out.0.push(items);
                }
                out.1.extend(skips);
            }
        }
    });
    let (mut batches, mut skips) = out.into_inner().unwrap_or_else(|e| e.into_inner());
    // Each batch holds consecutive files in order, so ordering the batches
    // orders the articles: a corpus of large items is then copied once, into
    // a vector of the right size, rather than regrown and sorted in place.
    batches.sort_by_key(|b: &Vec<Loaded>| b[0].article.order);
    let mut items = Vec::with_capacity(batches.iter().map(Vec::len).sum());
    for batch in batches {
        items.extend(batch);
    }
    if !items.is_sorted_by_key(|l: &Loaded| l.article.order) {
        items.sort_by_key(|l: &Loaded| l.article.order);
    }
    skips.sort_by(|a: &Skip, b: &Skip| a.location.cmp(&b.location));
    (items, skips)
}
