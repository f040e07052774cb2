//! The article list: one row per article, only the visible rows built.

use super::{Theme, number, pane_block};
use crate::app::{App, ListFilter, Pane};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
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
        Some(ListFilter::Bookmarks) => {
            format!(" Articles: {} bookmarked of {} ", number(list.rows.len()), number(total))
        }
        Some(ListFilter::Entity((kind, name))) => {
            format!(" Articles: {} of {} mention {} {name} ", number(list.rows.len()), number(total), kind.as_str())
        }
    };
    let block = pane_block(app, theme, Pane::List).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = inner.height as usize;
    let visible = || list.rows.iter().skip(list.offset).take(height);
    // The date column only when some visible article has a date.
    let dated = visible().any(|&i| app.library.article(i).date.is_some());
    let lines: Vec<Line> = visible()
        .enumerate()
        .map(|(i, idx)| (i + list.offset, idx))
        .map(|(row, &idx)| {
            let a = app.library.article(idx);
            // A star for bookmarks; read articles are dimmed, as in mail readers.
            let mark = if app.is_bookmarked(idx) { "★ " } else { "  " };
            let mut spans = vec![Span::styled(mark, theme.date)];
            if dated {
                let date = a.date.map_or_else(|| " ".repeat(10), |d| d.format("%Y-%m-%d").to_string());
                spans.extend([Span::styled(date, theme.dim), Span::raw(" ")]);
            }
            let title_style = if app.is_read(idx) { theme.dim } else { Style::new() };
            spans.push(Span::styled(a.title.as_str(), title_style));
            let line = Line::from(spans);
            if row == list.selected { line.style(theme.selection) } else { line }
        })
        .collect();
    if lines.is_empty() {
        let text = if app.library.progress.done { "No articles." } else { "Loading…" };
        frame.render_widget(Paragraph::new(text).style(theme.dim), inner);
        return;
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
