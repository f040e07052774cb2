//! The reading pane: the open article, its wrapped rows for the current
//! width, the scroll position, the entity cursor and the marked sentence.

use crate::analysis::{Analysis, Kind};
use crate::text;
use std::ops::Range;

#[derive(Debug, Default)]
pub struct Reader {
    pub article: Option<u32>,
    /// The first row on screen.
    pub scroll: usize,
    /// The body wrapped for `width`, as byte ranges.
    pub rows: Vec<Range<usize>>,
    pub width: usize,
    pub height: usize,
    /// Index into the article's mentions: the entity in focus.
    pub entity: Option<usize>,
    /// A sentence to mark (the event a timeline jump came from).
    pub marked: Option<Range<usize>>,
    /// Where the search query matches in the body, and the one `n`/`N`
    /// last moved to.
    pub matches: Vec<Range<usize>>,
    pub current_match: Option<usize>,
}

impl Reader {
    pub fn open(&mut self, article: u32, body: &str) {
        *self = Reader { article: Some(article), width: self.width, height: self.height, ..Reader::default() };
        self.rows = text::wrap(body, self.width);
    }

    /// Fits the view to a new pane size, keeping the top line in view.
    pub fn resize(&mut self, width: usize, height: usize, body: Option<&str>) {
        let top = self.rows.get(self.scroll).map(|r| r.start);
        if width != self.width {
            self.width = width;
            self.rows = body.map(|b| text::wrap(b, width)).unwrap_or_default();
        }
        self.height = height;
        if let Some(top) = top {
            self.scroll = text::row_of(&self.rows, top);
        }
        self.clamp();
    }

    pub fn max_scroll(&self) -> usize {
        self.rows.len().saturating_sub(self.height.max(1))
    }

    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll = self.scroll.saturating_add_signed(delta);
        self.clamp();
    }

    pub fn scroll_to(&mut self, row: usize) {
        self.scroll = row;
        self.clamp();
    }

    fn clamp(&mut self) {
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// Scrolls so byte `offset` is on screen, a third of the way down when
    /// the view has to move, so the context above it shows too.
    pub fn show_offset(&mut self, offset: usize) {
        let row = text::row_of(&self.rows, offset);
        let height = self.height.max(1);
        if row < self.scroll || row >= self.scroll + height {
            self.scroll_to(row.saturating_sub(height / 3));
        }
    }

    /// Moves the entity cursor to the next (or previous) name or date and
    /// shows it. Wraps around at the ends, as `n` does in less.
    pub fn step_entity(&mut self, analysis: &Analysis, forward: bool) -> bool {
        let n = analysis.mentions.len();
        if n == 0 {
            return false;
        }
        let next = match (self.entity, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            // From no cursor, start at the first mention on screen.
            (None, true) => {
                let top = self.rows.get(self.scroll).map_or(0, |r| r.start);
                analysis.mentions.iter().position(|m| m.start as usize >= top).unwrap_or(0)
            }
            (None, false) => {
                let bottom = self.rows.get(self.scroll + self.height.max(1) - 1).map_or(usize::MAX, |r| r.end);
                analysis.mentions.iter().rposition(|m| (m.end as usize) <= bottom).unwrap_or(n - 1)
            }
        };
        self.entity = Some(next);
        self.show_offset(analysis.mentions[next].start as usize);
        true
    }

    /// The entity in focus: its kind and canonical name.
    pub fn focused_entity(&self, analysis: &Analysis) -> Option<(Kind, Box<str>)> {
        let m = analysis.mentions.get(self.entity?)?;
        Some((m.kind, analysis.name(m).into()))
    }

    /// The byte offset the reader is "at": the entity in focus, else the
    /// marked sentence, else the top of the view.
    pub fn position(&self, analysis: &Analysis) -> usize {
        if let Some(m) = self.entity.and_then(|i| analysis.mentions.get(i)) {
            return m.start as usize;
        }
        if let Some(r) = &self.marked {
            return r.start;
        }
        self.rows.get(self.scroll).map_or(0, |r| r.start)
    }
}
