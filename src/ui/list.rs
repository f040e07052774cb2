//! The article list: one row per article, only the visible rows built.

use super::{Theme, number, pane_block};
use crate::app::{App, ListFilter, Pane};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    let list = &app.list;
    let total = app.library.len();
    let title = match &list.filter {
        None => format!(" Articles ({}) ", number(total)),
        Some(ListFilter::Entity((kind, name))) => {
            format!(
                " Articles: {} of {} mention {} {name} ",
                number(list.rows.len()),
                number(total),
                kind.as_str()
            )
        }
    };
    let block = pane_block(app, theme, Pane::List).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = inner.height as usize;
    let lines: Vec<Line> = list
        .rows
        .iter()
        .enumerate()
        .skip(list.offset)
        .take(height)
        .map(|(row, &idx)| {
            let a = app.library.article(idx);
            let date = a
                .date
                .map_or_else(|| " ".repeat(10), |d| d.format("%Y-%m-%d").to_string());
            let line = Line::from(vec![
                Span::styled(date, theme.dim),
                Span::raw(" "),
                Span::raw(a.title.as_str()),
            ]);
            if row == list.selected {
                line.style(theme.selection)
            } else {
                line
            }
        })
        .collect();
    if lines.is_empty() {
        let text = if app.library.progress.done {
            "No articles."
        } else {
            "Loading…"
        };
        frame.render_widget(Paragraph::new(text).style(theme.dim), inner);
        return;
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
