//! The timeline pane: date, precision, the sentence in short with its
//! entities coloured, the article, and how many articles tell the event.

use super::{Theme, number, pane_block};
use crate::analysis::timeline::{Event, Precision};
use crate::app::{App, Pane};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

pub fn draw(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    let tl = &app.timeline;
    let mut title = format!(" Timeline ({}) ", number(tl.rows.len()));
    if let Some(name) = &tl.filter {
        title = format!(" Timeline: {} events of {name} ", number(tl.rows.len()));
    }
    let block = pane_block(app, theme, Pane::Timeline).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if tl.rows.is_empty() {
        let text = if app.library.progress.done { "No dated events." } else { "Waiting for the corpus to load…" };
        frame.render_widget(Paragraph::new(text).style(theme.dim), inner);
        return;
    }
    let lines: Vec<Line> = (tl.offset..tl.rows.len())
        .take(inner.height as usize)
        .filter_map(|row| {
            let line = event_line(app, theme, tl.event(row)?, inner.width as usize);
            Some(if row == tl.selected { line.style(theme.selection) } else { line })
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn event_line<'a>(app: &'a App, theme: &Theme, ev: &Event, width: usize) -> Line<'a> {
    let article = app.library.article(ev.article);
    let analysis = app.library.analysis(ev.article);
    let precision = match ev.date.precision() {
        Precision::Day => "day  ",
        Precision::Month => "month",
    };
    let sources = if ev.also.is_empty() { String::new() } else { format!(" ×{}", ev.source_count()) };
    let tail = format!("  {}{sources}", article.id);
    let mut spans = vec![
        Span::styled(format!("{:<10}", ev.date.to_string()), theme.date),
        Span::styled(format!(" {precision} "), theme.dim),
    ];
    // The sentence gets what is left after the date and the article.
    let room = width.saturating_sub(18 + tail.width().min(width / 3));
    let body = &article.body;
    let mut used = 0;
    let mut pos = ev.sentence.start;
    let mentions = analysis
        .mentions
        .iter()
        .filter(|m| ev.sentence.start <= m.start as usize && (m.end as usize) <= ev.sentence.end);
    let mut pieces: Vec<(usize, usize, Style)> = Vec::new();
    for m in mentions {
        pieces.push((pos, m.start as usize, Style::new()));
        pieces.push((m.start as usize, m.end as usize, theme.kind(m.kind)));
        pos = m.end as usize;
    }
    pieces.push((pos, ev.sentence.end, Style::new()));
    for (s, e, style) in pieces {
        // Sentences are shown on one row: newlines and tabs become spaces.
        let text: String = body[s..e].chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
        let w = text.width();
        if used + w > room {
            let cut = crate::corpus::shorten(&text, room.saturating_sub(used));
            used += cut.width();
            spans.push(Span::styled(cut, style));
            break;
        }
        used += w;
        spans.push(Span::styled(text, style));
    }
    spans.push(Span::raw(" ".repeat(room.saturating_sub(used))));
    spans.push(Span::styled(tail, theme.dim));
    Line::from(spans)
}
