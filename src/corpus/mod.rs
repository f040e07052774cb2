//! The corpus: articles read from files, in the formats of DESIGN.md
//! section 1, sanitised so that their text is safe to show.

mod formats;
mod load;
mod sample;
pub mod sanitize;
mod title;
mod walk;

pub use load::{LoadEvent, LoadOptions, Loaded, in_guarded_work, load_all, load_streaming, parse_bytes};
pub use title::shorten;
pub use walk::DEFAULT_SIZE_CAP;

use chrono::NaiveDate;
use std::fmt;

/// One article, every field sanitised: body by [`sanitize::body`], the
/// one-line fields by [`sanitize::line`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    pub id: String,
    /// The file it came from, as the user named it (for display and JSON).
    pub path: String,
    pub title: String,
    /// The document creation time relative dates are anchored to.
    pub date: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub body: String,
    /// Where it sits in the corpus: (file number in walk order, item in the
    /// file). The list keeps this order however the parallel load delivers.
    pub order: (u32, u32),
}

/// An input that was not loaded, and why: `file[:line]: reason`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skip {
    pub location: String,
    pub reason: String,
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.reason)
    }
}

/// What to open: the sample compiled into the binary, or the user's paths.
#[derive(Clone, Debug)]
pub enum Source {
    Sample,
    Paths(Vec<std::path::PathBuf>),
}

impl Source {
    pub fn from_args(paths: &[std::path::PathBuf]) -> Self {
        if paths.is_empty() { Source::Sample } else { Source::Paths(paths.to_vec()) }
    }
}

/// Parses an article date: `YYYY-MM-DD` (also with a time after it),
/// `YYYY/MM/DD` or `YYYYMMDD`. Anything else is no date: dossier never
/// guesses one.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(s, "%Y%m%d").ok();
    }
    // A date, possibly followed by a time: the first ten bytes decide.
    let head = s.get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(head, "%Y/%m/%d")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_their_usual_forms() {
        let d = NaiveDate::from_ymd_opt(2025, 12, 4);
        assert_eq!(parse_date("2025-12-04"), d);
        assert_eq!(parse_date("2025-12-04T10:00:00Z"), d);
        assert_eq!(parse_date("2025/12/04"), d);
        assert_eq!(parse_date("20251204"), d);
        assert_eq!(parse_date("December 4"), None);
        assert_eq!(parse_date("2025-13-40"), None);
        assert_eq!(parse_date("20251204abc"), None, "eight digits are a date only on their own");
        assert_eq!(parse_date(""), None);
    }
}
