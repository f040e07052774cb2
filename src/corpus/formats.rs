//! The input formats: plain text, Markdown with front matter, JSON and
//! JSON Lines article objects.

use super::{Article, Skip, parse_date, sanitize, title};
use chrono::NaiveDate;
use serde_json::{Map, Value};

/// What every article of one file shares.
pub struct FileCtx<'a> {
    /// The path as shown to the user (sanitised).
    pub display: &'a str,
    /// The id of an article without an `id` field: the path relative to the
    /// PATH the user gave.
    pub id_base: &'a str,
    /// A date found in the file name, used when the article has none.
    pub file_date: Option<NaiveDate>,
    pub file_no: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Json,
    JsonLines,
}

impl Format {
    /// The format of a file name, by extension; `None` for files a folder
    /// walk passes over.
    pub fn of(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

/// Parses one file's text. Takes it by value so that a plain-text body,
/// the common case, becomes the article without a copy.
pub fn parse(format: Format, text: String, ctx: &FileCtx, out: &mut Vec<Article>, skips: &mut Vec<Skip>) {
    if text.trim().is_empty() {
        // Nothing to read; saying so beats an untitled blank article.
        return skips.push(Skip { location: ctx.display.to_string(), reason: "empty file".into() });
    }
    match format {
        Format::Text => out.push(text_article(text, ctx)),
        Format::Markdown => out.push(markdown_article(&text, ctx)),
        Format::Json => json_articles(&text, ctx, out, skips),
        Format::JsonLines => jsonl_articles(&text, ctx, out, skips),
    }
}

fn article(ctx: &FileCtx, item: u32, id: String, body: String) -> Article {
    Article {
        id: sanitize::line(&id),
        path: ctx.display.to_string(),
        title: String::new(),
        date: ctx.file_date,
        source: None,
        url: None,
        author: None,
        body,
        order: (ctx.file_no, item),
    }
}

fn text_article(text: String, ctx: &FileCtx) -> Article {
    let body = sanitize::body_owned(text);
    let mut a = article(ctx, 0, ctx.id_base.to_string(), body);
    a.title = title::derive(&a.body);
    a
}

fn markdown_article(text: &str, ctx: &FileCtx) -> Article {
    let (meta, rest) = front_matter(text);
    let body = sanitize::body(rest.trim_start_matches('\n')).into_owned();
    let mut a = article(ctx, 0, ctx.id_base.to_string(), body);
    let field = |k: &str| meta.get(k).map(|v| sanitize::line(v.trim())).filter(|v| !v.is_empty());
    a.title = field("title")
        .or_else(|| a.body.lines().find_map(|l| l.strip_prefix("# ")).map(|h| sanitize::line(h.trim())))
        .unwrap_or_else(|| title::derive(&a.body));
    a.date = field("date").and_then(|d| parse_date(&d)).or(a.date);
    a.source = field("source");
    a.url = field("url");
    a.author = field("author");
    if let Some(id) = field("id") {
        a.id = id;
    }
    a
}

/// Splits front matter (`---` YAML-style `key: value` lines, or `+++` TOML)
/// from the rest. Without a closing fence there is no front matter.
fn front_matter(text: &str) -> (std::collections::HashMap<String, String>, &str) {
    let mut meta = std::collections::HashMap::new();
    let Some(fence) = ["---", "+++"].into_iter().find(|f| text.lines().next().map(str::trim_end) == Some(*f)) else {
        return (meta, text);
    };
    let start = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut pos = start;
    let mut end = None;
    for line in text[start..].split_inclusive('\n') {
        if line.trim_end() == fence || (fence == "---" && line.trim_end() == "...") {
            end = Some((pos, pos + line.len()));
            break;
        }
        pos += line.len();
    }
    let Some((inner_end, rest)) = end else {
        return (meta, text);
    };
    let inner = &text[start..inner_end];
    if fence == "+++" {
        if let Ok(table) = inner.parse::<toml::Table>() {
            for (k, v) in table {
                let v = match v {
                    toml::Value::String(s) => s,
                    other => other.to_string(),
                };
                meta.insert(k.to_ascii_lowercase(), v);
            }
        }
    } else {
        for line in inner.lines() {
            if let Some((k, v)) = line.split_once(':') {
                let v = v.trim().trim_matches(|c| c == '"' || c == '\'');
                meta.insert(k.trim().to_ascii_lowercase(), v.to_string());
            }
        }
    }
    (meta, &text[rest..])
}

fn json_articles(text: &str, ctx: &FileCtx, out: &mut Vec<Article>, skips: &mut Vec<Skip>) {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let location = format!("{}:{}", ctx.display, e.line());
            return skips.push(Skip { location, reason: format!("malformed JSON: {e}") });
        }
    };
    let items = match value {
        Value::Array(items) => items,
        Value::Object(mut o) => match o.remove("articles") {
            Some(Value::Array(items)) => items,
            _ => {
                let reason = "JSON object without an \"articles\" array".into();
                return skips.push(Skip { location: ctx.display.to_string(), reason });
            }
        },
        _ => {
            let reason = "JSON is neither an array of articles nor an object with \"articles\"".into();
            return skips.push(Skip { location: ctx.display.to_string(), reason });
        }
    };
    for (i, item) in items.into_iter().enumerate() {
        let n = i as u32 + 1;
        match item {
            Value::Object(o) => out.push(object_article(o, ctx, n, item_id(ctx, n))),
            _ => skips.push(Skip { location: format!("{}[{i}]", ctx.display), reason: "not an article object".into() }),
        }
    }
}

fn jsonl_articles(text: &str, ctx: &FileCtx, out: &mut Vec<Article>, skips: &mut Vec<Skip>) {
    for (i, line) in text.lines().enumerate() {
        let n = i as u32 + 1;
        if line.trim().is_empty() {
            continue;
        }
        let location = || format!("{}:{n}", ctx.display);
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(o)) => out.push(object_article(o, ctx, n, item_id(ctx, n))),
            Ok(_) => skips.push(Skip { location: location(), reason: "not an article object".into() }),
            Err(e) => skips.push(Skip { location: location(), reason: format!("malformed JSON: {e}") }),
        }
    }
}

/// The id of the `n`th article of a JSON or JSONL file without an `id`.
fn item_id(ctx: &FileCtx, n: u32) -> String {
    format!("{}:{n}", ctx.id_base)
}

/// An article object: known fields by name or alias, lenient about types
/// (a number id is fine), unknown fields ignored.
fn object_article(mut o: Map<String, Value>, ctx: &FileCtx, item: u32, default_id: String) -> Article {
    let mut take = |names: &[&str]| {
        names.iter().find_map(|n| match o.remove(*n) {
            Some(Value::String(s)) => Some(s),
            Some(Value::Number(x)) => Some(x.to_string()),
            _ => None,
        })
    };
    let id = take(&["id"]).unwrap_or(default_id);
    let body = sanitize::body(&take(&["body", "text", "content"]).unwrap_or_default()).into_owned();
    let title = take(&["title"]);
    let date = take(&["date", "published"]);
    let (source, url, author) = (take(&["source"]), take(&["url"]), take(&["author"]));
    let mut a = article(ctx, item, id, body);
    let line = |s: Option<String>| s.map(|s| sanitize::line(s.trim())).filter(|s| !s.is_empty());
    a.title = line(title).unwrap_or_else(|| title::derive(&a.body));
    a.date = date.and_then(|d| parse_date(&d)).or(ctx.file_date);
    (a.source, a.url, a.author) = (line(source), line(url), line(author));
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> FileCtx<'static> {
        FileCtx { display: "in/file", id_base: "file", file_date: None, file_no: 3 }
    }

    fn run(format: Format, text: &str) -> (Vec<Article>, Vec<Skip>) {
        let (mut out, mut skips) = (Vec::new(), Vec::new());
        parse(format, text.to_string(), &ctx(), &mut out, &mut skips);
        (out, skips)
    }

    #[test]
    fn text_with_headline() {
        let (a, s) = run(Format::Text, "Monument planned in Kursk\r\n\r\nThe governor spoke.\r\n");
        assert!(s.is_empty());
        assert_eq!(a[0].title, "Monument planned in Kursk");
        assert_eq!(a[0].body, "Monument planned in Kursk\n\nThe governor spoke.\n", "CRLF normalised");
        assert_eq!(a[0].id, "file");
        assert_eq!(a[0].order, (3, 0));
    }

    #[test]
    fn markdown_yaml_front_matter() {
        let md = "---\ntitle: \"Kursk monument\"\ndate: 2025-12-04\nsource: RIA\nauthor: A. B.\nurl: http://x\n---\n# Other heading\n\nBody text.";
        let (a, _) = run(Format::Markdown, md);
        assert_eq!(a[0].title, "Kursk monument");
        assert_eq!(a[0].date, NaiveDate::from_ymd_opt(2025, 12, 4));
        assert_eq!(a[0].source.as_deref(), Some("RIA"));
        assert_eq!(a[0].author.as_deref(), Some("A. B."));
        assert_eq!(a[0].url.as_deref(), Some("http://x"));
        assert!(a[0].body.starts_with("# Other heading"), "front matter removed from the body");
    }

    #[test]
    fn markdown_toml_front_matter_and_heading_title() {
        let (a, _) = run(Format::Markdown, "+++\ndate = \"2024-01-02\"\n+++\n\n# The heading\n\nText.");
        assert_eq!(a[0].title, "The heading");
        assert_eq!(a[0].date, NaiveDate::from_ymd_opt(2024, 1, 2));
    }

    #[test]
    fn markdown_unclosed_front_matter_is_body() {
        let (a, _) = run(Format::Markdown, "---\ntitle: x\nno close");
        assert!(a[0].body.starts_with("---"));
    }

    #[test]
    fn json_array_and_articles_object() {
        let (a, s) = run(Format::Json, r#"[{"id": 7, "title": "T", "published": "2025-07-01", "text": "B"}, 5]"#);
        assert_eq!((a[0].id.as_str(), a[0].title.as_str(), a[0].body.as_str()), ("7", "T", "B"));
        assert_eq!(a[0].date, NaiveDate::from_ymd_opt(2025, 7, 1));
        assert_eq!(s[0].to_string(), "in/file[1]: not an article object");
        let (a, _) = run(Format::Json, r#"{"articles": [{"content": "Only a body. Second."}]}"#);
        assert_eq!(a[0].id, "file:1");
        assert_eq!(a[0].title, "Only a body.");
    }

    #[test]
    fn malformed_json_is_reported_with_its_line() {
        let (a, s) = run(Format::Json, "[\n{\"body\": \"x\"},\n{oops}\n]");
        assert!(a.is_empty());
        assert!(s[0].to_string().starts_with("in/file:3: malformed JSON"), "{}", s[0]);
    }

    #[test]
    fn jsonl_skips_bad_lines_and_keeps_the_rest() {
        let text = "{\"body\": \"one\"}\n\nnot json\n[1]\n{\"body\": \"four\", \"extra\": {\"x\": 1}}\n";
        let (a, s) = run(Format::JsonLines, text);
        assert_eq!(a.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["file:1", "file:5"]);
        assert_eq!(s.len(), 2);
        assert!(s[0].to_string().starts_with("in/file:3: malformed JSON"));
        assert_eq!(s[1].to_string(), "in/file:4: not an article object");
    }

    #[test]
    fn hostile_fields_are_sanitised() {
        let (a, _) =
            run(Format::JsonLines, r#"{"id": "x\u001b]0;pwn\u0007", "title": "a\nb", "body": "\u001b[2Jbody"}"#);
        assert_eq!(a[0].id, "x␛]0;pwn\u{FFFD}");
        assert_eq!(a[0].title, "a b");
        assert_eq!(a[0].body, "␛[2Jbody");
    }

    #[test]
    fn empty_files_are_reported_not_loaded() {
        for format in [Format::Text, Format::Markdown, Format::Json, Format::JsonLines] {
            let (a, s) = run(format, " \n\n");
            assert!(a.is_empty());
            assert_eq!(s[0].to_string(), "in/file: empty file");
        }
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::of("a.TXT"), Some(Format::Text));
        assert_eq!(Format::of("a.jsonl"), Some(Format::JsonLines));
        assert_eq!(Format::of("README"), None);
        assert_eq!(Format::of("x.png"), None);
    }
}
