//! Text analysis: sentences, named entities, temporal expressions.
//!
//! Everything here is a pure function of an article body (and, for dates,
//! its reference date). Offsets are byte offsets into the normalised body;
//! the headless JSON output converts them to character offsets at the edge.

pub mod entities;
pub mod sentences;
pub mod timex;

use serde::Serialize;

/// What a mention names. `Misc` covers nationalities and named events: shown,
/// never scored as one of the four.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Kind {
    Person,
    Place,
    Org,
    Date,
    Misc,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "PERSON",
            Kind::Place => "PLACE",
            Kind::Org => "ORG",
            Kind::Date => "DATE",
            Kind::Misc => "MISC",
        }
    }
}

/// A name found in a body: `body[start..end]` is the surface text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameMention {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The name this mention stands for after alias linking
    /// ("Putin" -> "Vladimir Putin").
    pub canonical: String,
}

/// TimeML TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// A temporal expression: `body[start..end]` is the surface text, `value`
/// the TIMEX3 value (`2025-12-04`, `XXXX-12-04`, `P4Y`, `PRESENT_REF`...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimexMention {
    pub start: usize,
    pub end: usize,
    pub ty: TimexType,
    pub value: String,
}
