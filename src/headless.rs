//! The headless commands: the same loading and analysis as the reader,
//! printed for scripts. Skipped inputs go to stderr; offsets in JSON are
//! character (Unicode scalar) offsets, so Python's `body[start:end]` works.

use crate::analysis::timeline::{self, Event};
use crate::analysis::{Analysis, Kind, TimexType};
use crate::corpus::{LoadOptions, Loaded, Skip, Source, load_all};
use serde::Serialize;
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
    Ok(emit_bytes(out, line.as_bytes())? && emit_bytes(out, b"\n")?)
}

/// [`emit`] for bytes that hold their own newline.
fn emit_bytes(out: &mut dyn Write, bytes: &[u8]) -> io::Result<bool> {
    match out.write_all(bytes) {
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

/// One article of `dossier analyze --json`, borrowed from the analysis and
/// written straight out (field order is the output's key order): building
/// a `serde_json::Value` per mention doubled the command's time.
#[derive(Serialize)]
struct ArticleJson<'a> {
    id: &'a str,
    path: &'a str,
    title: &'a str,
    date: Option<String>,
    body: &'a str,
    entities: Vec<EntityJson<'a>>,
}

#[derive(Serialize)]
struct EntityJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: &'static str,
    canonical: &'a str,
    /// For dates only: the TIMEX3 type and value.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    ty: Option<TimexType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a str>,
}

fn entities_json<'a>(body: &'a str, analysis: &'a Analysis) -> Vec<EntityJson<'a>> {
    let mut chars = CharCounter::new(body);
    analysis
        .mentions
        .iter()
        .map(|m| {
            let (s, e) = (m.start as usize, m.end as usize);
            let date = matches!(m.kind, Kind::Date).then_some(m.timex).flatten();
            EntityJson {
                start: chars.at(s),
                end: chars.at(e),
                text: &body[s..e],
                kind: m.kind.as_str(),
                canonical: analysis.name(m),
                ty: date,
                value: date.map(|_| analysis.name(m)),
            }
        })
        .collect()
}

pub fn analyze(source: &Source, opts: &LoadOptions, json: bool, out: &mut dyn Write) -> anyhow::Result<i32> {
    let mut line = Vec::new();
    for item in load(source, opts)? {
        let a = &item.article;
        line.clear();
        if json {
            let article = ArticleJson {
                id: &a.id,
                path: &a.path,
                title: &a.title,
                date: a.date.map(|d| d.to_string()),
                body: &a.body,
                entities: entities_json(&a.body, &item.analysis),
            };
            serde_json::to_writer(&mut line, &article)?;
        } else {
            line.extend_from_slice(a.id.as_bytes());
            line.push(b'\t');
            for (k, m) in item.analysis.mentions.iter().enumerate() {
                if k > 0 {
                    line.extend_from_slice(b"; ");
                }
                line.extend_from_slice(m.kind.as_str().as_bytes());
                line.push(b':');
                line.extend_from_slice(&a.body.as_bytes()[m.start as usize..m.end as usize]);
            }
        }
        line.push(b'\n');
        if !emit_bytes(out, &line)? {
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
    let code = write_timeline(&items, json, entity, out);
    exit_without_freeing(items);
    code
}

/// The corpus is left for the operating system to reclaim: the process ends
/// right after, and freeing a large corpus one allocation at a time (several
/// per article) costs time and gains nothing.
fn exit_without_freeing<T>(corpus: T) {
    std::mem::forget(corpus);
}

/// The timeline of `items` (loaded with analysis) as `dossier timeline`
/// prints it: public so that the phase timing example can time it alone.
pub fn write_timeline(items: &[Loaded], json: bool, entity: Option<&str>, out: &mut dyn Write) -> anyhow::Result<i32> {
    let inputs: Vec<timeline::Input> = items
        .iter()
        .enumerate()
        .map(|(i, l)| timeline::Input { article: i as u32, body: &l.article.body, analysis: &l.analysis })
        .collect();
    let wanted = entity.map(str::to_lowercase);
    let events = timeline::build(&inputs);
    // Without an entity filter, skip deriving each event's entities: at a
    // million events that walk is a noticeable share of the run.
    let shown: Vec<&Event> = events
        .iter()
        .filter(|e| {
            wanted.as_ref().is_none_or(|w| {
                e.entities(&items[e.article as usize].analysis).iter().any(|(_, n)| n.to_lowercase() == *w)
            })
        })
        .collect();
    // One buffer for every line, written whole: no allocation per line.
    let mut line = Vec::new();
    for block in shown.chunks(32) {
        warm(block, items);
        for ev in block {
            line.clear();
            if json {
                serde_json::to_writer(&mut line, &event_json(ev, items))?;
            } else {
                event_text(&mut line, ev, items);
            }
            line.push(b'\n');
            if !emit_bytes(out, &line)? {
                return done(out);
            }
        }
    }
    done(out)
}

/// Reads the first byte of each event's article id, and the bytes at both
/// ends of its sentence (slicing reads them to check boundaries). Events
/// are in date order, their articles all over memory: each line would
/// otherwise wait on a cache miss or three, one after the other, where
/// this tight loop lets the processor wait on a block's misses at once.
/// Half the time of printing the timeline went to those waits.
fn warm(block: &[&Event], items: &[Loaded]) {
    let sum = block.iter().fold(0u8, |sum, ev| {
        let a = &items[ev.article as usize].article;
        let first = |s: &str, at: usize| s.as_bytes().get(at).copied().unwrap_or(0);
        let (id, body) = (first(&a.id, 0), first(&a.body, ev.sentence.start));
        sum.wrapping_add(id).wrapping_add(body).wrapping_add(first(&a.body, ev.sentence.end))
    });
    std::hint::black_box(sum);
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

/// `date\tid[ (+n more)]\tsentence` into `line`, by hand: `write!` and
/// `Display` were most of the time of printing a million lines.
fn event_text(line: &mut Vec<u8>, ev: &Event, items: &[Loaded]) {
    let a = &items[ev.article as usize].article;
    push_date(line, &ev.date);
    line.push(b'\t');
    line.extend_from_slice(a.id.as_bytes());
    if !ev.also.is_empty() {
        line.extend_from_slice(b" (+");
        push_decimal(line, ev.also.len());
        line.extend_from_slice(b" more)");
    }
    line.push(b'\t');
    push_collapsed(line, &a.body[ev.sentence.clone()]);
}

/// The date as its `Display` writes it (`2025-12-04`, `????-07`).
fn push_date(line: &mut Vec<u8>, d: &timeline::DateKey) {
    match d.year {
        Some(y) if (0..=9999).contains(&y) => push_padded(line, y as usize, 4),
        Some(y) => line.extend_from_slice(format!("{y:04}").as_bytes()),
        None => line.extend_from_slice(b"????"),
    }
    line.push(b'-');
    push_padded(line, d.month.into(), 2);
    if let Some(day) = d.day {
        line.push(b'-');
        push_padded(line, day.into(), 2);
    }
}

fn push_decimal(line: &mut Vec<u8>, n: usize) {
    let width = std::iter::successors(Some(n), |n| (*n >= 10).then_some(n / 10)).count();
    push_padded(line, n, width);
}

/// `n`'s last `width` decimal digits, zero-padded.
fn push_padded(line: &mut Vec<u8>, mut n: usize, width: usize) {
    let at = line.len();
    line.resize(at + width, b'0');
    for b in line[at..].iter_mut().rev() {
        *b = b'0' + (n % 10) as u8;
        n /= 10;
    }
}

/// `text`'s words joined by single spaces (as `split_whitespace` + `join`
/// would give), written straight into `out`: a million timeline lines
/// make the intermediate vector and string show up in profiles.
fn push_collapsed(out: &mut Vec<u8>, text: &str) {
    // Fast path: no byte that can start a whitespace char other than a
    // single space between words (0xC2, 0xE1, 0xE2, 0xE3 lead every
    // non-ASCII whitespace char): the text is already collapsed.
    let b = text.as_bytes();
    let lead = |c: u8| matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | 0xC2 | 0xE1 | 0xE2 | 0xE3);
    // No early exit: a branch-free loop over pairs vectorizes, and most
    // sentences are plain, scanned to the end either way.
    let mut odd = b.first() == Some(&b' ') || b.last().is_some_and(|&c| c == b' ' || lead(c));
    for (&c, &next) in b.iter().zip(b.iter().skip(1)) {
        odd |= lead(c) | (c == b' ' && next == b' ');
    }
    if !odd {
        out.extend_from_slice(b);
        return;
    }
    let mut first = true;
    for w in text.split_whitespace() {
        if !first {
            out.push(b' ');
        }
        out.extend_from_slice(w.as_bytes());
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
    exit_without_freeing((items, index));
    done(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::timeline::DateKey;

    #[test]
    fn collapsed_text_is_split_whitespace_joined() {
        for text in [
            "",
            " ",
            "plain words here",
            " leading",
            "trailing ",
            "double  space",
            "tab\there",
            "line\nbreak\r\n",
            "nbsp\u{a0}inside",
            "ideographic\u{3000}space",
            "em\u{2003}space and  more\u{2028}",
            "ends with nbsp\u{a0}",
            "café ÿ Ĉ ☃",
        ] {
            let mut out = Vec::new();
            push_collapsed(&mut out, text);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                text.split_whitespace().collect::<Vec<_>>().join(" "),
                "{text:?}"
            );
        }
    }

    #[test]
    fn dates_and_counts_print_as_display_does() {
        for d in ["2025-12-04", "XXXX-12-04", "2025-07", "XXXX-01", "0099-01-31"] {
            let d = DateKey::parse(d).unwrap();
            let mut out = Vec::new();
            push_date(&mut out, &d);
            assert_eq!(String::from_utf8(out).unwrap(), d.to_string());
        }
        let far = DateKey { year: Some(-12), month: 3, day: None };
        let mut out = Vec::new();
        push_date(&mut out, &far);
        assert_eq!(String::from_utf8(out).unwrap(), far.to_string());
        for n in [0, 7, 10, 99, 100, 123_456_789, usize::MAX] {
            let mut out = Vec::new();
            push_decimal(&mut out, n);
            assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
        }
    }
}
