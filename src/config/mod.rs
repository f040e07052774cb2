//! The config file (`config.toml`): keys, theme, reference date, size cap.
//!
//! ```toml
//! reference_date = "2025-06-01"   # fallback article date
//! size_cap = "16MiB"              # or an integer of bytes
//!
//! [keys]                          # action = [key specs]; replaces that
//! quit = ["q", "ctrl-c"]          # action's default keys only
//!
//! [theme]                         # colour names, 0-255, or "#rrggbb"
//! person = "#ffaf00"
//! ```
//!
//! The action names belong to the app, which passes them in
//! ([`Config::load`]'s `known_actions`, [`ActionInfo`] for the defaults).
//! Every problem is reported as `FILE:LINE:COLUMN: message` (1-based) and
//! the app exits 2 on it; the file is only ever read.

mod keyspec;
mod template;
#[cfg(test)]
mod tests;
mod theme;

use std::collections::BTreeMap;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

pub use keyspec::{KeySpec, MAX_F_KEY, NAMED_KEYS};
pub use template::{ActionInfo, default_config_toml};
pub use theme::{THEME_ENTRIES, Theme, color_to_config, parse_color};

/// The file name inside the config folder.
pub const CONFIG_FILE_NAME: &str = "config.toml";

/// A loaded config. Everything not in the file has its default.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// The file it came from (`None` for the built-in defaults).
    pub path: Option<PathBuf>,
    /// Only the actions the file rebinds, with their keys in the file's
    /// order. An empty list unbinds the action. The app lays these
    /// over the app's defaults.
    pub keys: BTreeMap<String, Vec<KeySpec>>,
    pub theme: Theme,
    /// Fallback date for articles without one.
    pub reference_date: Option<NaiveDate>,
    /// Skip corpus files larger than this many bytes.
    pub size_cap: Option<u64>,
}

/// One problem in a config file, at a 1-based line and column (columns
/// count characters, not bytes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Why a config could not be loaded. `Display` gives one line per problem,
/// `FILE:LINE:COLUMN: message`, with the home folder shown as `~`.
#[derive(Debug)]
pub enum ConfigError {
    /// The file could not be read.
    Read { path: PathBuf, source: io::Error },
    /// The file was read but is invalid; problems are in file order.
    Invalid { path: PathBuf, problems: Vec<Problem> },
}

impl ConfigError {
    pub fn path(&self) -> &Path {
        match self {
            ConfigError::Read { path, .. } | ConfigError::Invalid { path, .. } => path,
        }
    }

    /// The problems found (empty for a read error).
    pub fn problems(&self) -> &[Problem] {
        match self {
            ConfigError::Read { .. } => &[],
            ConfigError::Invalid { problems, .. } => problems,
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = display_path(self.path());
        match self {
            ConfigError::Read { source, .. } => write!(f, "{shown}: {source}"),
            ConfigError::Invalid { problems, .. } => {
                for (i, p) in problems.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{shown}:{}:{}: {}", p.line, p.column, p.message)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ConfigError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ConfigError::Read { source, .. } => Some(source),
            ConfigError::Invalid { .. } => None,
        }
    }
}

/// The path with the home folder abbreviated to `~`, as users know it.
fn display_path(path: &Path) -> String {
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty())
        && let Ok(rest) = path.strip_prefix(&home)
    {
        return Path::new("~").join(rest).display().to_string();
    }
    path.display().to_string()
}

/// The file as serde sees it. Values that need their own parsing keep their
/// span, so a problem found later still points at its place in the file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<KeyList>>,
    #[serde(default)]
    theme: BTreeMap<Spanned<String>, Spanned<ColorText>>,
    reference_date: Option<Spanned<toml::Value>>,
    size_cap: Option<Spanned<toml::Value>>,
}

/// A `[keys]` value: a list of specs, or (forgiving) a single spec string.
enum KeyList {
    One(String),
    Many(Vec<Spanned<String>>),
}

impl<'de> Deserialize<'de> for KeyList {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = KeyList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of key specs, like [\"q\", \"ctrl-c\"]")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<KeyList, E> {
                Ok(KeyList::One(v.to_owned()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<KeyList, A::Error> {
                let mut specs = Vec::new();
                while let Some(spec) = seq.next_element::<Spanned<String>>()? {
                    specs.push(spec);
                }
                Ok(KeyList::Many(specs))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// A `[theme]` value: a colour string, or (forgiving) a bare palette index
/// such as `208`. Parsed later, so a bad colour is reported at its span.
struct ColorText(String);

impl<'de> Deserialize<'de> for ColorText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = ColorText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a colour: a name like \"red\", an index 0-255, or \"#rrggbb\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ColorText, E> {
                Ok(ColorText(v.to_owned()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<ColorText, E> {
                Ok(ColorText(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<ColorText, E> {
                Ok(ColorText(v.to_string()))
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl Config {
    /// The config file's usual place: `config.toml` in the config folder
    /// (`$XDG_CONFIG_HOME/dossier` or `~/.config/dossier` on Linux).
    /// `None` when there is no home folder.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "dossier").map(|d| d.config_dir().join(CONFIG_FILE_NAME))
    }

    /// Load the config at its usual place; `Ok(None)` when there is no such
    /// file (or no home folder), which means: use the defaults.
    pub fn load_default_location(known_actions: &[&str]) -> Result<Option<Config>, ConfigError> {
        match Config::default_path() {
            Some(path) if path.exists() => Config::load(&path, known_actions).map(Some),
            _ => Ok(None),
        }
    }

    /// Load and check `path` (as given by `--config`, or the usual place).
    /// `known_actions` are the action names `[keys]` may use.
    pub fn load(path: &Path, known_actions: &[&str]) -> Result<Config, ConfigError> {
        let bytes = std::fs::read(path).map_err(|source| ConfigError::Read { path: path.to_owned(), source })?;
        Config::parse(path, &bytes, known_actions)
    }

    /// Parse config bytes; `path` is only used to name the file in errors.
    pub fn parse(path: &Path, bytes: &[u8], known_actions: &[&str]) -> Result<Config, ConfigError> {
        let invalid = |problems| ConfigError::Invalid { path: path.to_owned(), problems };
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            invalid(vec![problem_at(valid, valid.len(), "the file is not valid UTF-8".into())])
        })?;
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            invalid(vec![problem_at(text, at, e.message().trim_end().to_owned())])
        })?;
        let mut problems = Vec::new();
        let mut report = |span: std::ops::Range<usize>, message: String| {
            problems.push((span.start, message));
        };
        let mut config = Config { path: Some(path.to_owned()), ..Config::default() };

        for (action, list) in &raw.keys {
            if !known_actions.contains(&action.get_ref().as_str()) {
                report(
                    action.span(),
                    format!(
                        "unknown action `{}` in [keys], expected one of {}",
                        action.get_ref(),
                        quoted_list(known_actions)
                    ),
                );
                continue;
            }
            let specs: Vec<(String, std::ops::Range<usize>)> = match list.get_ref() {
                KeyList::One(spec) => vec![(spec.clone(), list.span())],
                KeyList::Many(specs) => specs.iter().map(|s| (s.get_ref().clone(), s.span())).collect(),
            };
            let mut parsed = Vec::new();
            for (spec, span) in specs {
                match KeySpec::parse(&spec) {
                    // A repeated key in one list is harmless; keep it once.
                    Ok(key) if parsed.contains(&key) => {}
                    Ok(key) => parsed.push(key),
                    Err(why) => report(span, why),
                }
            }
            config.keys.insert(action.get_ref().clone(), parsed);
        }

        for (entry, value) in &raw.theme {
            let Some(slot) = config.theme.slot_mut(entry.get_ref()) else {
                let names: Vec<&str> = THEME_ENTRIES.iter().map(|(n, _)| *n).collect();
                report(
                    entry.span(),
                    format!("unknown field `{}` in [theme], expected one of {}", entry.get_ref(), quoted_list(&names)),
                );
                continue;
            };
            match parse_color(&value.get_ref().0) {
                Ok(color) => *slot = color,
                Err(why) => report(value.span(), format!("theme.{}: {why}", entry.get_ref())),
            }
        }

        if let Some(value) = &raw.reference_date {
            match parse_reference_date(value.get_ref()) {
                Ok(date) => config.reference_date = Some(date),
                Err(why) => report(value.span(), why),
            }
        }
        if let Some(value) = &raw.size_cap {
            match parse_size_cap(value.get_ref()) {
                Ok(bytes) => config.size_cap = Some(bytes),
                Err(why) => report(value.span(), why),
            }
        }

        if problems.is_empty() {
            return Ok(config);
        }
        problems.sort_by_key(|(at, _)| *at);
        Err(invalid(problems.into_iter().map(|(at, message)| problem_at(text, at, message)).collect()))
    }
}

fn quoted_list(names: &[&str]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

/// A problem at byte offset `at` of `text`, located by 1-based line and
/// column (in characters).
fn problem_at(text: &str, at: usize, message: String) -> Problem {
    let (line, column) = line_column(text, at);
    Problem { line, column, message }
}

/// 1-based line and column of byte offset `at`. Offsets past the end or
/// inside a character are clamped back to a character boundary.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// `reference_date = "2025-06-01"`, or a bare TOML date `2025-06-01`.
fn parse_reference_date(value: &toml::Value) -> Result<NaiveDate, String> {
    let expected = "reference_date: expected a date \"YYYY-MM-DD\"";
    match value {
        toml::Value::String(s) => {
            NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|e| format!("{expected}, got \"{s}\" ({e})"))
        }
        toml::Value::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
            (Some(d), None, None) => NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                .ok_or_else(|| format!("{expected}, got {dt} (no such day)")),
            _ => Err(format!("{expected}, without a time, got {dt}")),
        },
        other => Err(format!("{expected}, got {}", other.type_str())),
    }
}

/// `size_cap = 16777216` or `size_cap = "16MiB"`.
fn parse_size_cap(value: &toml::Value) -> Result<u64, String> {
    match value {
        toml::Value::Integer(n) if *n > 0 => Ok(*n as u64),
        toml::Value::Integer(n) => Err(format!("size_cap: must be more than 0 bytes, got {n}")),
        toml::Value::String(s) => parse_size(s).map_err(|why| format!("size_cap: {why}")),
        other => {
            Err(format!("size_cap: expected an integer of bytes or a string like \"16MiB\", got {}", other.type_str()))
        }
    }
}

/// A size like `16MiB`, `500 KB`, `1G` or `1048576`. Units are
/// case-insensitive: `KiB`/`MiB`/`GiB` and the short `K`/`M`/`G` are powers
/// of 1024, `KB`/`MB`/`GB` powers of 1000, `B` or none is bytes. Whole
/// numbers only; zero is refused (it would skip every file).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let digits_end = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let (number, unit) = text.split_at(digits_end);
    let bad = || format!("expected a size like \"16MiB\", \"500KB\" or \"1048576\", got \"{text}\"");
    let number: u64 = number.parse().map_err(|_| bad())?;
    let multiplier: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        _ => return Err(bad()),
    };
    let bytes = number.checked_mul(multiplier).ok_or_else(|| format!("size \"{text}\" is too large"))?;
    if bytes == 0 {
        return Err(format!("must be more than 0 bytes, got \"{text}\""));
    }
    Ok(bytes)
}
