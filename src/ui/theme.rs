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
    /// Styles from the configured colours.
    pub fn from_colours(c: &crate::config::Theme) -> Self {
        let fg = |c| Style::new().fg(c);
        Theme {
            person: fg(c.person),
            place: fg(c.place),
            org: fg(c.org),
            date: fg(c.date),
            misc: fg(c.misc).add_modifier(Modifier::ITALIC),
            border: fg(c.border),
            border_focused: fg(c.border_focused),
            selection: Style::new().bg(c.selection).add_modifier(Modifier::BOLD),
            status: Style::new().bg(c.status).fg(Color::White),
            message: Style::new().bg(c.status).fg(Color::White).add_modifier(Modifier::BOLD),
            matched: Style::new().bg(c.search_match).fg(Color::Black),
            marked: Style::new().add_modifier(Modifier::UNDERLINED),
            dim: fg(Color::DarkGray),
        }
    }

    /// The default colours.
    pub fn colour() -> Self {
        Theme::from_colours(&crate::config::Theme::default())
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

    /// The theme for this environment: `NO_COLOR` set (to anything but
    /// empty) means no colour, as no-color.org asks, whatever the config.
    pub fn for_env(colours: &crate::config::Theme) -> Self {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            Theme::monochrome()
        } else {
            Theme::from_colours(colours)
        }
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
