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
        Some(ListFilter::Search) => {
            format!(" Articles: {} of {} match /{} ", number(list.rows.len()), number(total), app.search.query)
        }
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
            spans.extend(title_spans(app, theme, &a.title, title_style));
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

/// The title with the characters the search matched highlighted.
fn title_spans<'a>(app: &App, theme: &Theme, title: &'a str, style: Style) -> Vec<Span<'a>> {
    let Some(index) = app.search.index.as_ref().filter(|_| app.search.in_force()) else {
        return vec![Span::styled(title, style)];
    };
    let marks = index.title_match_indices(&app.search.parsed, title);
    if marks.is_empty() {
        return vec![Span::styled(title, style)];
    }
    let mut spans = Vec::new();
    let mut run_start = 0;
    let mut run_marked = false;
    let mut next_mark = marks.iter().peekable();
    for (ci, (bi, _)) in title.char_indices().enumerate() {
        let marked = next_mark.next_if(|&&m| m == ci).is_some();
        if marked != run_marked && bi > run_start {
            spans.push(Span::styled(&title[run_start..bi], if run_marked { theme.matched } else { style }));
            run_start = bi;
        }
        run_marked = marked;
    }
    spans.push(Span::styled(&title[run_start..], if run_marked { theme.matched } else { style }));
    spans
}
