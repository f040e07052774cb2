//! The timeline pane: the events, the entity filter (`f`), the selection.

use super::library::Library;
use crate::analysis::timeline::Event;

#[derive(Debug, Default)]
pub struct TimelineView {
    pub events: Vec<Event>,
    /// Indices into `events` shown, in order.
    pub rows: Vec<usize>,
    pub selected: usize,
    pub offset: usize,
    /// Only events whose sentence names this entity (canonical name).
    pub filter: Option<Box<str>>,
}

impl TimelineView {
    pub fn set_events(&mut self, events: Vec<Event>, lib: &Library) {
        self.events = events;
        self.refresh(lib);
    }

    pub fn refresh(&mut self, lib: &Library) {
        let keep = self.selected_event();
        self.rows = match &self.filter {
            None => (0..self.events.len()).collect(),
            Some(name) => (0..self.events.len())
                .filter(|&i| {
                    let ev = &self.events[i];
                    ev.entities(lib.analysis(ev.article)).iter().any(|(_, n)| *n == &**name)
                })
                .collect(),
        };
        self.selected = keep.and_then(|e| self.rows.iter().position(|&r| r == e)).unwrap_or(0);
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    pub fn selected_event(&self) -> Option<usize> {
        self.rows.get(self.selected).copied()
    }

    pub fn event(&self, row: usize) -> Option<&Event> {
        self.events.get(*self.rows.get(row)?)
    }

    pub fn move_by(&mut self, delta: isize) {
        self.selected = self.selected.saturating_add_signed(delta).min(self.rows.len().saturating_sub(1));
    }

    pub fn top(&mut self) {
        self.selected = 0;
    }

    pub fn bottom(&mut self) {
        self.selected = self.rows.len().saturating_sub(1);
    }

    /// To the first event of the next (or previous) month.
    pub fn step_month(&mut self, forward: bool) {
        let Some(cur) = self.event(self.selected).map(|e| (e.date.year, e.date.month)) else {
            return;
        };
        let month = |row: usize| self.event(row).map(|e| (e.date.year, e.date.month));
        if forward {
            if let Some(r) = (self.selected..self.rows.len()).find(|&r| month(r) != Some(cur)) {
                self.selected = r;
            }
        } else {
            // Back to the start of this month, or of the one before it.
            let start_of = |mut r: usize| {
                let m = month(r);
                while r > 0 && month(r - 1) == m {
                    r -= 1;
                }
                r
            };
            let this = start_of(self.selected);
            self.selected = if this < self.selected || this == 0 { this } else { start_of(this - 1) };
        }
    }

    /// Selects the event told in `article` whose sentence holds `offset`,
    /// else the article's first event after it, else its last.
    pub fn select_at(&mut self, article: u32, offset: usize) -> bool {
        let of_article: Vec<usize> = (0..self.rows.len())
            .filter(|&r| self.event(r).is_some_and(|e| e.sources().any(|s| s == article)))
            .collect();
        let in_sentence = of_article.iter().copied().find(|&r| {
            self.event(r)
                .is_some_and(|e| e.article == article && e.sentence.start <= offset && offset <= e.sentence.end)
        });
        let after = || {
            of_article.iter().copied().filter(|&r| self.event(r).is_some_and(|e| e.article == article)).min_by_key(
                |&r| {
                    let s = self.event(r).map_or(0, |e| e.sentence.start);
                    (s < offset, s.abs_diff(offset))
                },
            )
        };
        match in_sentence.or_else(after).or(of_article.first().copied()) {
            Some(r) => {
                self.selected = r;
                true
            }
            None => false,
        }
    }

    pub fn scroll_into_view(&mut self, height: usize) {
        self.offset = super::follow(self.selected, self.offset, self.rows.len(), height);
    }
}
