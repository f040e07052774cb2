//! Theme colours: one per entity kind and per pane element.

use ratatui::style::Color;

/// The colours the UI draws with. Entity kinds are foreground colours of
/// highlighted mentions; `selection`, `status` and `match` are backgrounds
/// (the selected row, the status bar, a search match); borders are the
/// pane borders, `border_focused` the focused pane's.
///
/// With `NO_COLOR` set the UI ignores these (see DESIGN.md section 4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub person: Color,
    pub place: Color,
    pub org: Color,
    pub date: Color,
    pub misc: Color,
    pub border: Color,
    pub border_focused: Color,
    pub selection: Color,
    pub status: Color,
    pub search_match: Color,
}

impl Default for Theme {
    /// Named ANSI colours, so the defaults follow the terminal's palette.
    fn default() -> Self {
        Theme {
            person: Color::Yellow,
            place: Color::Green,
            org: Color::Cyan,
            date: Color::Magenta,
            misc: Color::Blue,
            border: Color::DarkGray,
            border_focused: Color::Cyan,
            selection: Color::DarkGray,
            status: Color::Blue,
            search_match: Color::Yellow,
        }
    }
}

/// The `[theme]` entry names, in the order the default config lists them,
/// with a description for its comments.
pub const THEME_ENTRIES: [(&str, &str); 10] = [
    ("person", "people in the reading pane"),
    ("place", "places"),
    ("org", "organisations"),
    ("date", "dates and times"),
    ("misc", "nationalities and named events"),
    ("border", "pane borders"),
    ("border_focused", "the focused pane's border"),
    ("selection", "background of the selected row"),
    ("status", "background of the status bar"),
    ("match", "background of search matches"),
];

impl Theme {
    /// The colour of a `[theme]` entry by its name in the file.
    pub fn get(&self, entry: &str) -> Option<Color> {
        let mut copy = *self;
        copy.slot_mut(entry).map(|c| *c)
    }

    pub(crate) fn slot_mut(&mut self, entry: &str) -> Option<&mut Color> {
        Some(match entry {
            "person" => &mut self.person,
            "place" => &mut self.place,
            "org" => &mut self.org,
            "date" => &mut self.date,
            "misc" => &mut self.misc,
            "border" => &mut self.border,
            "border_focused" => &mut self.border_focused,
            "selection" => &mut self.selection,
            "status" => &mut self.status,
            "match" => &mut self.search_match,
            _ => return None,
        })
    }
}

/// Parse a colour: a name ratatui knows (`red`, `darkgray`, `light-cyan`,
/// `reset`, ...), an index `0`..`255`, or `#rrggbb`.
pub fn parse_color(text: &str) -> Result<Color, String> {
    text.trim().parse::<Color>().map_err(|_| {
        format!(
            "bad colour `{text}`: expected a name (black, red, green, yellow, blue, magenta, cyan, gray, darkgray, lightred, lightgreen, lightyellow, lightblue, lightmagenta, lightcyan, white, reset), an index 0-255, or \"#rrggbb\""
        )
    })
}

/// The colour as the config writes it, which [`parse_color`] reads back:
/// lowercase names, `#rrggbb`, or the index.
pub fn color_to_config(color: Color) -> String {
    match color {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        other => other.to_string().to_lowercase(),
    }
}
