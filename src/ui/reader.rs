//! The reading pane: the wrapped body with entities coloured by kind, the
//! entity in focus and the marked event sentence; and the entity side list.

use super::{Theme, has_room, pane_block};
use crate::analysis::{Analysis, Kind};
use crate::app::{App, Pane};
use crate::text::grapheme_width;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

const LEGEND: [Kind; 5] = [Kind::Person, Kind::Place, Kind::Org, Kind::Date, Kind::Misc];

pub fn draw(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    let reader = &app.reader;
    let mut legend: Vec<Span> = vec![Span::raw(" ")];
    for kind in LEGEND {
        legend.push(Span::styled(kind.as_str(), theme.kind(kind)));
        legend.push(Span::raw(" "));
    }
    let mut block = pane_block(app, theme, Pane::Reader).title_bottom(Line::from(legend).alignment(Alignment::Right));
    let Some(idx) = reader.article else {
        let block = block.title(" Reader ");
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(Paragraph::new("Select an article and press Enter.").style(theme.dim), inner);
        return;
    };
    let article = app.library.article(idx);
    let analysis = app.library.analysis(idx);
    let date = article.date.map(|d| format!(" · {d}")).unwrap_or_default();
    block = block.title(format!(" {}{date} ", article.title));
    if reader.rows.len() > reader.height {
        let pct = (reader.scroll + reader.height).min(reader.rows.len()) * 100 / reader.rows.len().max(1);
        block = block.title_bottom(Line::from(format!(" {pct}% ")).alignment(Alignment::Left));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if !has_room(area) {
        return;
    }
    let body = &article.body;
    let lines: Vec<Line> = reader
        .rows
        .iter()
        .skip(reader.scroll)
        .take(inner.height as usize)
        .map(|row| styled_row(body, row.clone(), analysis, app, theme))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// One screen row of the body: split where a style changes, tabs expanded.
fn styled_row<'a>(body: &'a str, row: Range<usize>, analysis: &Analysis, app: &App, theme: &Theme) -> Line<'a> {
    let reader = &app.reader;
    // Every offset where the style may change inside this row.
    let mut cuts = vec![row.start, row.end];
    let first = analysis.mentions.partition_point(|m| (m.end as usize) <= row.start);
    let mentions = &analysis.mentions[first..];
    for m in mentions.iter().take_while(|m| (m.start as usize) < row.end) {
        cuts.extend([m.start as usize, m.end as usize]);
    }
    if let Some(s) = &reader.marked {
        cuts.extend([s.start, s.end]);
    }
    let first_match = reader.matches.partition_point(|m| m.end <= row.start);
    let matches = &reader.matches[first_match..];
    for m in matches.iter().take_while(|m| m.start < row.end) {
        cuts.extend([m.start, m.end]);
    }
    cuts.retain(|&c| row.start <= c && c <= row.end);
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::new();
    let mut col = 0;
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let mut style = Style::new();
        if reader.marked.as_ref().is_some_and(|m| m.start <= s && e <= m.end) {
            style = style.patch(theme.marked);
        }
        if let Some(i) = mentions
            .iter()
            .take_while(|m| (m.start as usize) < e)
            .position(|m| (m.start as usize) <= s && e <= m.end as usize)
        {
            let m = &mentions[i];
            style = style.patch(theme.kind(m.kind));
            if reader.entity == Some(first + i) {
                style = style.add_modifier(Modifier::REVERSED);
            }
        }
        if let Some(i) = matches.iter().take_while(|m| m.start < e).position(|m| m.start <= s && e <= m.end) {
            style = style.patch(theme.matched);
            if reader.current_match == Some(first_match + i) {
                style = style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
            }
        }
        let text = &body[s..e];
        if text.contains('\t') {
            // Tabs expand to spaces here, at the columns the wrap counted.
            let mut out = String::with_capacity(text.len() + 8);
            for g in text.graphemes(true) {
                let w = grapheme_width(g, col);
                if g == "\t" {
                    out.extend(std::iter::repeat_n(' ', w))
                } else {
                    out.push_str(g)
                }
                col += w;
            }
            spans.push(Span::styled(out, style));
        } else {
            col += text.graphemes(true).map(|g| grapheme_width(g, 0)).sum::<usize>();
            spans.push(Span::styled(text, style));
        }
    }
    Line::from(spans)
}

/// The names and dates of the open article with their kind and count,
/// most mentioned first.
pub fn draw_entities(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    let block = pane_block(app, theme, Pane::Reader).border_style(theme.border).title(" Entities ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(idx) = app.reader.article else {
        return;
    };
    let analysis = app.library.analysis(idx);
    let mut counts: Vec<(Kind, &str, usize)> = Vec::new();
    for m in analysis.mentions.iter().filter(|m| m.kind != Kind::Date) {
        let name = analysis.name(m);
        match counts.iter_mut().find(|(k, n, _)| *k == m.kind && *n == name) {
            Some(c) => c.2 += 1,
            None => counts.push((m.kind, name, 1)),
        }
    }
    counts.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(b.1)));
    let focused = app.reader.focused_entity(analysis);
    let lines: Vec<Line> = counts
        .iter()
        .take(inner.height as usize)
        .map(|&(kind, name, n)| {
            let mut style = theme.kind(kind);
            if focused.as_ref().is_some_and(|(k, f)| *k == kind && &**f == name) {
                style = style.add_modifier(Modifier::REVERSED);
            }
            Line::from(vec![
                Span::styled(format!("{n:>3} "), theme.dim),
                Span::styled(kind.short(), theme.dim),
                Span::raw(" "),
                Span::styled(name, style),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
