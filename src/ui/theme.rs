//! Colours and styles. With `NO_COLOR` set, entity kinds are told apart by
//! bold, underline and italic instead of colour.

use crate::analysis::Kind;
use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Theme {
    pub person: Style,
    pub place: Style,
    pub org: Style,
    pub date: Style,
    pub misc: Style,
    pub border: Style,
    pub border_focused: Style,
    pub selection: Style,
    pub status: Style,
    pub message: Style,
    pub matched: Style,
    pub marked: Style,
    pub dim: Style,
}

impl Theme {
    pub fn colour() -> Self {
        let fg = |c| Style::new().fg(c);
        Theme {
            person: fg(Color::LightCyan),
            place: fg(Color::LightGreen),
            org: fg(Color::LightMagenta),
            date: fg(Color::LightYellow),
            misc: fg(Color::Gray).add_modifier(Modifier::ITALIC),
            border: fg(Color::DarkGray),
            border_focused: fg(Color::LightBlue),
            selection: Style::new().bg(Color::Blue).fg(Color::White),
            status: Style::new().bg(Color::DarkGray).fg(Color::White),
            message: Style::new().bg(Color::DarkGray).fg(Color::LightYellow),
            matched: Style::new().bg(Color::Yellow).fg(Color::Black),
            marked: Style::new().bg(Color::Rgb(40, 40, 70)),
            dim: fg(Color::DarkGray),
        }
    }

    /// For `NO_COLOR`: modifiers only, one per kind where it can be.
    pub fn monochrome() -> Self {
        let m = |m| Style::new().add_modifier(m);
        Theme {
            person: m(Modifier::BOLD),
            place: m(Modifier::UNDERLINED),
            org: m(Modifier::ITALIC),
            date: m(Modifier::BOLD | Modifier::UNDERLINED),
            misc: m(Modifier::DIM),
            border: Style::new(),
            border_focused: m(Modifier::BOLD),
            selection: m(Modifier::REVERSED),
            status: m(Modifier::REVERSED),
            message: m(Modifier::REVERSED | Modifier::BOLD),
            matched: m(Modifier::REVERSED),
            marked: m(Modifier::UNDERLINED),
            dim: m(Modifier::DIM),
        }
    }

    /// The theme for this environment: `NO_COLOR` set (to anything) means
    /// no colour, as no-color.org asks.
    pub fn from_env() -> Self {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) { Theme::monochrome() } else { Theme::colour() }
    }

    pub fn kind(&self, kind: Kind) -> Style {
        match kind {
            Kind::Person => self.person,
            Kind::Place => self.place,
            Kind::Org => self.org,
            Kind::Date => self.date,
            Kind::Misc => self.misc,
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::colour()
    }
}
