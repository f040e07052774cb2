//! The one-row strips: pane tabs (narrow screens), the search line, the
//! status bar and the key hints.

use super::{Theme, number};
use crate::app::action::Action;
use crate::app::{App, Pane};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn tabs(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    let mut spans = Vec::new();
    for (i, pane) in Pane::ALL.into_iter().enumerate() {
        let style = if pane == app.focus { theme.selection.add_modifier(Modifier::BOLD) } else { theme.dim };
        spans.push(Span::styled(format!(" {} {} ", i + 1, pane.title()), style));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn search(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    let s = &app.search;
    let count = match (&s.hits, s.in_force(), &s.index) {
        (_, _, None) => "  (indexing…)".to_string(),
        (Some(h), true, _) => format!("  {} of {}", number(h.len()), number(app.library.len())),
        (None, true, _) => "  …".to_string(),
        (_, false, _) => String::new(),
    };
    let line = Line::from(vec![
        Span::styled("/", theme.border_focused),
        Span::raw(crate::corpus::sanitize::line(&s.query)),
        Span::styled("█", theme.dim),
        Span::styled(count, theme.dim),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

pub fn status(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    let lib = &app.library;
    let p = &lib.progress;
    let mut text = format!(" {} articles", number(lib.len()));
    if !p.done {
        let total = p.files_total.map_or_else(|| "?".into(), number);
        text +=
            &format!(" · loading and analysing {}/{} files · {:.0} MB/s", number(p.files_done), total, p.mb_per_s());
    } else if app.search.index.is_none() {
        text += " · building the timeline and the search index…";
    }
    if !lib.skips.is_empty() {
        text +=
            &format!(" · {} skipped, last: {} (? lists all)", number(lib.skips.len()), lib.skips[lib.skips.len() - 1]);
    }
    if let (Some(hits), true) = (&app.search.hits, app.search.in_force()) {
        text += &format!(" · /{}: {} of {}", app.search.query, number(hits.len()), number(lib.len()));
    }
    let (text, style) = match &app.message {
        Some(m) => (format!(" {m}"), theme.message),
        None => (text, theme.status),
    };
    frame.render_widget(Paragraph::new(text).style(style), area);
}

pub fn hints(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    let pane: &[(Action, &str)] = match app.focus {
        Pane::List => &[(Action::Down, "down"), (Action::Up, "up"), (Action::Open, "open")],
        Pane::Reader => &[
            (Action::Down, "scroll"),
            (Action::PageDown, "page"),
            (Action::NextEntity, "entity"),
            (Action::ToEvent, "event"),
        ],
        Pane::Timeline => &[
            (Action::Down, "next"),
            (Action::NextMonth, "month"),
            (Action::Open, "open"),
            (Action::FilterEntity, "filter"),
        ],
    };
    let common =
        [(Action::Search, "search"), (Action::FocusNext, "pane"), (Action::Help, "help"), (Action::Quit, "quit")];
    let mut spans = Vec::new();
    for (action, label) in pane.iter().chain(common.iter()) {
        let keys = app.keymap.keys_for(*action);
        if keys.is_empty() {
            continue;
        }
        spans.push(Span::styled(format!(" {keys}"), theme.border_focused));
        spans.push(Span::styled(format!(" {label} "), theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
