//! Short hand-written word lists the context rules look at: the words
//! around a capitalised run that say what it names. Longer lists (titles,
//! cue words, names) live in `assets/gazetteer/` and the gazetteer trie.

/// Particles that may sit inside a person's or place's name.
pub const PARTICLES: &[&str] = &[
    "ten", "op", "af", "ben", "abu", "de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "al", "bin",
    "ibn", "dos", "das", "ter", "zu", "la", "le", "el",
];

/// Verbs of saying after a name: "X said" is a person (or an organisation,
/// which the cue words catch first).
pub const SAY_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "stated",
    "added",
    "argued",
    "explained",
    "recalled",
    "insisted",
    "admitted",
    "wrote",
    "replied",
    "noted",
    "asked",
    "testified",
    "tweeted",
    "declared",
];

/// Prepositions after which an unknown name is likely a place.
pub const PLACE_PREPS: &[&str] = &["in", "near", "across", "outside", "throughout", "around", "towards", "toward"];

/// Lowercase nouns after a name that make it a place ("the Kursk region").
pub const PLACE_AFTER: &[&str] = &[
    "region",
    "province",
    "oblast",
    "city",
    "district",
    "county",
    "state",
    "area",
    "village",
    "town",
    "valley",
    "river",
    "island",
    "peninsula",
    "republic",
    "krai",
    "coast",
    "airport",
    "station",
    "harbour",
    "harbor",
    "airfield",
];

/// Nouns before "of X" that make X a place ("the city of X").
pub const PLACE_OF: &[&str] = &[
    "city",
    "town",
    "village",
    "region",
    "province",
    "capital",
    "state",
    "island",
    "suburb",
    "outskirts",
    "port",
    "county",
    "republic",
    "streets",
    "people",
    "governor",
    "mayor",
];

/// Words that, first in a name, make it a place ("West Germany", "Upper
/// Silesia") unless a cue word says otherwise.
pub const COMPASS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Upper",
    "Lower",
    "Greater",
    "Central",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
];

/// Legal-form suffixes that end a company name.
pub const CORP_SUFFIXES: &[&str] = &[
    "Inc.", "Inc", "Corp.", "Corp", "Ltd.", "Ltd", "LLC", "PLC", "plc", "Co.", "GmbH", "AG", "N.V.", "S.A.", "SA",
    "NV", "LLP",
];

/// Words that, first in a name, make it an organisation ("Air China").
pub const ORG_HEADS: &[&str] = &["Air", "Radio", "Club", "Team", "Banco", "Grupo"];
