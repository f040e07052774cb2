//! The help overlay, generated from the keymap in force (so it can never
//! disagree with the keys), followed by the inputs that were skipped.

use super::Theme;
use crate::app::App;
use crate::app::action::Scope;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

const SCOPES: [Scope; 4] = [Scope::Global, Scope::List, Scope::Reader, Scope::Timeline];

const SEARCH_SYNTAX: [(&str, &str); 6] = [
    ("kursk monument", "all words, in any order; typos and abbreviations ok"),
    ("\"battle brotherhood\"", "exact phrase"),
    ("person:lavrov  place:kursk", "a word in a person's or place's name"),
    ("org:ria", "a word in an organisation's name"),
    ("date:2025  date:2025-12", "mentions or is dated in that year or month"),
    ("Enter / Esc", "keep the results / clear the search"),
];

/// The lines of the overlay: every binding in force, by scope, then the
/// search syntax and the skipped inputs.
pub fn lines<'a>(app: &'a App, theme: &Theme) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    for scope in SCOPES {
        let rows: Vec<_> = app.keymap.rows.iter().filter(|r| r.scope == scope).collect();
        if rows.is_empty() {
            continue;
        }
        out.push(Line::styled(scope.title(), theme.border_focused.add_modifier(Modifier::BOLD)));
        for row in rows {
            let keys = row.keys.iter().map(ToString::to_string).collect::<Vec<_>>().join(" ");
            out.push(Line::from(vec![
                Span::styled(format!("  {keys:<16}"), theme.date),
                Span::raw(format!("{:<18}", row.name)),
                Span::styled(row.help, theme.dim),
            ]));
        }
        out.push(Line::raw(""));
    }
    out.push(Line::styled("search (/)", theme.border_focused.add_modifier(Modifier::BOLD)));
    for (syntax, about) in SEARCH_SYNTAX.iter().copied() {
        out.push(Line::from(vec![Span::styled(format!("  {syntax:<34}"), theme.date), Span::styled(about, theme.dim)]));
    }
    out.push(Line::raw(""));
    let skips = &app.library.skips;
    if !skips.is_empty() {
        out.push(Line::styled(
            format!("skipped inputs ({})", skips.len()),
            theme.border_focused.add_modifier(Modifier::BOLD),
        ));
        out.extend(skips.iter().map(|s| Line::raw(format!("  {s}"))));
    }
    out
}

pub fn draw(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, scroll: u16) {
    let [_, mid, _] =
        Layout::horizontal([Constraint::Percentage(10), Constraint::Percentage(80), Constraint::Percentage(10)])
            .areas(area);
    let [_, popup, _] =
        Layout::vertical([Constraint::Percentage(8), Constraint::Percentage(84), Constraint::Percentage(8)]).areas(mid);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(" Keys (j/k scroll, any other key closes) ");
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines(app, theme)).block(block).scroll((scroll, 0)), popup);
}
