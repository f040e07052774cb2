//! The headless commands: the same loading and analysis as the reader,
//! printed for scripts. Skipped inputs go to stderr; offsets in JSON are
//! character (Unicode scalar) offsets, so Python's `body[start:end]` works.

use crate::analysis::timeline::{self, Event};
use crate::analysis::{Analysis, Kind};
use crate::corpus::{LoadOptions, Loaded, Skip, Source, load_all};
use serde_json::{Value, json};
use std::io::{self, Write};

/// Loads and reports skips on stderr. An error when nothing at all could be
/// read from the paths given (every one missing or unreadable).
fn load(source: &Source, opts: &LoadOptions) -> anyhow::Result<Vec<Loaded>> {
    let (items, skips) = load_all(source, opts);
    report_skips(&skips);
    if let Source::Paths(paths) = source {
        let all_failed = paths.iter().all(|p| skips.iter().any(|s| s.location == p.display().to_string()));
        if items.is_empty() && all_failed {
            anyhow::bail!(
                "nothing to read in {}",
                paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
            );
        }
    }
    Ok(items)
}

fn report_skips(skips: &[Skip]) {
    let mut err = io::stderr().lock();
    for s in skips {
        let _ = writeln!(err, "dossier: skipped {s}");
    }
}

/// Writes, treating a closed pipe (`dossier list | head`) as the end.
fn emit(out: &mut dyn Write, line: &str) -> io::Result<bool> {
    // Two plain writes rather than `writeln!`, which goes through the
    // formatting machinery for every one of a million timeline lines.
    match out.write_all(line.as_bytes()).and_then(|()| out.write_all(b"\n")) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(e),
    }
}

/// Flushes what is buffered, a closed pipe being no error.
fn done(out: &mut dyn Write) -> anyhow::Result<i32> {
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(0),
    }
}

pub fn list(source: &Source, opts: &LoadOptions, json: bool, out: &mut dyn Write) -> anyhow::Result<i32> {
    for item in load(source, opts)? {
        let a = &item.article;
        let date = a.date.map(|d| d.to_string());
        let line = if json {
            json!({"id": a.id, "date": date, "title": a.title, "path": a.path}).to_string()
        } else {
            format!("{}\t{}\t{}", a.id, date.as_deref().unwrap_or("-"), a.title)
        };
        if !emit(out, &line)? {
            break;
        }
    }
    done(out)
}

/// Byte offset to character offset, walking forward through sorted offsets.
struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    fn new(text: &'a str) -> Self {
        CharCounter { text, byte: 0, chars: 0 }
    }

    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            *self = CharCounter::new(self.text);
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

fn entities_json(body: &str, analysis: &Analysis) -> Vec<Value> {
    let mut chars = CharCounter::new(body);
    analysis
        .mentions
        .iter()
        .map(|m| {
            let (s, e) = (m.start as usize, m.end as usize);
            let mut v = json!({
                "start": chars.at(s), "end": chars.at(e), "text": &body[s..e],
                "kind": m.kind.as_str(), "canonical": analysis.name(m),
            });
            if let (Some(ty), Kind::Date) = (m.timex, m.kind) {
                v["type"] = json!(ty);
                v["value"] = json!(analysis.name(m));
            }
            v
        })
        .collect()
}

pub fn analyze(source: &Source, opts: &LoadOptions, json: bool, out: &mut dyn Write) -> anyhow::Result<i32> {
    for item in load(source, opts)? {
        let a = &item.article;
        let line = if json {
            json!({
                "id": a.id, "path": a.path, "title": a.title, "date": a.date.map(|d| d.to_string()),
                "body": a.body, "entities": entities_json(&a.body, &item.analysis),
            })
            .to_string()
        } else {
            let names: Vec<String> = item
                .analysis
                .mentions
                .iter()
                .map(|m| format!("{}:{}", m.kind.as_str(), &a.body[m.start as usize..m.end as usize]))
                .collect();
            format!("{}\t{}", a.id, names.join("; "))
        };
        if !emit(out, &line)? {
            break;
        }
    }
    done(out)
}

pub fn timeline(
    source: &Source,
    opts: &LoadOptions,
    json: bool,
    entity: Option<&str>,
    out: &mut dyn Write,
) -> anyhow::Result<i32> {
    let items = load(source, opts)?;
    let inputs: Vec<timeline::Input> = items
        .iter()
        .enumerate()
        .map(|(i, l)| timeline::Input { article: i as u32, body: &l.article.body, analysis: &l.analysis })
        .collect();
    let wanted = entity.map(str::to_lowercase);
    let events = timeline::build(&inputs);
    // Without an entity filter, skip deriving each event's entities: at a
    // million events that walk is a noticeable share of the run.
    for ev in events.iter().filter(|e| {
        wanted
            .as_ref()
            .is_none_or(|w| e.entities(&items[e.article as usize].analysis).iter().any(|(_, n)| n.to_lowercase() == *w))
    }) {
        let line = if json { event_json(ev, &items).to_string() } else { event_text(ev, &items) };
        if !emit(out, &line)? {
            break;
        }
    }
    done(out)
}

fn event_json(ev: &Event, items: &[Loaded]) -> Value {
    let item = &items[ev.article as usize];
    let (body, analysis) = (&item.article.body, &item.analysis);
    let m = &analysis.mentions[ev.mention];
    let mut chars = CharCounter::new(body);
    json!({
        "date": analysis.name(m), "precision": ev.date.precision(), "article": item.article.id,
        "title": item.article.title, "sentence": &body[ev.sentence.clone()],
        "start": chars.at(ev.sentence.start), "end": chars.at(ev.sentence.end),
        "timex": {"text": &body[m.start as usize..m.end as usize], "type": m.timex, "value": analysis.name(m)},
        "entities": ev.entities(analysis).iter().map(|(_, n)| n).collect::<Vec<_>>(),
        "sources": ev.sources().map(|s| &items[s as usize].article.id).collect::<Vec<_>>(),
    })
}

fn event_text(ev: &Event, items: &[Loaded]) -> String {
    let a = &items[ev.article as usize].article;
    use std::fmt::Write as _;
    let text = &a.body[ev.sentence.clone()];
    let mut line = String::with_capacity(text.len() + a.id.len() + 32);
    let _ = write!(line, "{}\t{}", ev.date, a.id);
    if !ev.also.is_empty() {
        let _ = write!(line, " (+{} more)", ev.also.len());
    }
    line.push('\t');
    push_collapsed(&mut line, text);
    line
}

/// `text`'s words joined by single spaces (as `split_whitespace` + `join`
/// would give), written straight into `out`: a million timeline lines
/// make the intermediate vector and string show up in profiles.
fn push_collapsed(out: &mut String, text: &str) {
    // Fast path: no byte that can start a whitespace char other than a
    // single space between words (0xC2, 0xE1, 0xE2, 0xE3 lead every
    // non-ASCII whitespace char): the text is already collapsed.
    let b = text.as_bytes();
    let mut plain = b.first() != Some(&b' ') && b.last() != Some(&b' ');
    let mut prev_space = false;
    for &c in b {
        let space = c == b' ';
        if matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | 0xC2 | 0xE1 | 0xE2 | 0xE3) || (space && prev_space) {
            plain = false;
            break;
        }
        prev_space = space;
    }
    if plain {
        out.push_str(text);
        return;
    }
    let mut first = true;
    for w in text.split_whitespace() {
        if !first {
            out.push(' ');
        }
        out.push_str(w);
        first = false;
    }
}

pub fn search(
    source: &Source,
    opts: &LoadOptions,
    query: &str,
    json: bool,
    limit: Option<usize>,
    out: &mut dyn Write,
) -> anyhow::Result<i32> {
    let items: Vec<std::sync::Arc<Loaded>> = load(source, opts)?.into_iter().map(std::sync::Arc::new).collect();
    let index = crate::app::finalize::build_index(&items);
    let q = crate::search::Query::parse(query);
    for hit in index.search(&q, limit) {
        let a = &items[hit.doc as usize].article;
        let line = if json {
            let matches = index.matched_terms(&q, hit.doc);
            json!({"id": a.id, "title": a.title, "score": hit.score, "matches": matches}).to_string()
        } else {
            format!("{}\t{}\t{}", hit.score, a.id, a.title)
        };
        if !emit(out, &line)? {
            break;
        }
    }
    done(out)
}
