//! The article list: which articles show (a filter), which is selected,
//! and which row is at the top.

use super::library::EntityKey;

/// What narrows the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListFilter {
    /// Articles that mention an entity (`Enter` on it in the reader).
    Entity(EntityKey),
    /// Bookmarked articles only (`B`).
    Bookmarks,
    /// The results of the search query, best first.
    Search,
}

#[derive(Debug, Default)]
pub struct ListView {
    /// Article indices shown, in display order.
    pub rows: Vec<u32>,
    pub selected: usize,
    /// The first row on screen.
    pub offset: usize,
    pub filter: Option<ListFilter>,
}

impl ListView {
    pub fn selected_article(&self) -> Option<u32> {
        self.rows.get(self.selected).copied()
    }

    /// Shows `rows`, keeping the selected article selected when it is
    /// still shown.
    pub fn set_rows(&mut self, rows: Vec<u32>) {
        let keep = self.selected_article();
        self.rows = rows;
        self.selected = keep.and_then(|a| self.rows.iter().position(|&r| r == a)).unwrap_or(0);
        self.clamp();
    }

    /// Moves the selection by `delta` rows, stopping at the ends.
    pub fn move_by(&mut self, delta: isize) {
        self.selected = self.selected.saturating_add_signed(delta);
        self.clamp();
    }

    pub fn top(&mut self) {
        self.selected = 0;
    }

    pub fn bottom(&mut self) {
        self.selected = self.rows.len().saturating_sub(1);
    }

    fn clamp(&mut self) {
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    /// Scrolls so the selected row is on screen in a pane `height` rows tall.
    pub fn scroll_into_view(&mut self, height: usize) {
        self.offset = super::follow(self.selected, self.offset, self.rows.len(), height);
    }
}
