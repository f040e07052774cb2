//! Drawing: a pure function of the app state onto a frame. One module per
//! pane; [`layout`] decides where each goes.

mod help;
pub mod layout;
mod list;
mod reader;
mod status;
pub mod theme;
mod timeline;

pub use theme::Theme;

use crate::app::{App, Pane};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, BorderType, Borders};

pub fn draw(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    let areas = layout::areas(area, app.focus, app.search.active);
    status::tabs(app, theme, frame, areas.tabs);
    list::draw(app, theme, frame, areas.list);
    reader::draw(app, theme, frame, areas.reader);
    reader::draw_entities(app, theme, frame, areas.entities);
    timeline::draw(app, theme, frame, areas.timeline);
    status::search(app, theme, frame, areas.search);
    status::status(app, theme, frame, areas.status);
    status::hints(app, theme, frame, areas.hints);
    if let Some(scroll) = app.help {
        help::draw(app, theme, frame, area, scroll);
    }
}

/// The border of a pane, highlighted when it has focus.
fn pane_block<'a>(app: &App, theme: &Theme, pane: Pane) -> Block<'a> {
    let focused = app.focus == pane;
    Block::new()
        .borders(Borders::ALL)
        .border_type(if focused { BorderType::Thick } else { BorderType::Plain })
        .border_style(if focused { theme.border_focused } else { theme.border })
}

/// Whether `r` has room for anything inside a border.
fn has_room(r: Rect) -> bool {
    r.width > 2 && r.height > 2
}

fn number(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
