//! Where each pane goes for a terminal size. Shared by the drawing and by
//! the state (page sizes, wrap width), so the two always agree.

use crate::app::Pane;
use ratatui::layout::{Constraint, Layout, Rect};

/// Below this width the panes become tabs, one shown at a time.
pub const WIDE_COLUMNS: u16 = 100;
/// The reading pane gets an entity side list when it is at least this wide.
const ENTITY_LIST_MIN_READER: u16 = 110;
const ENTITY_LIST_WIDTH: u16 = 30;

/// The rectangles of one frame; a pane not shown has an empty rectangle.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Areas {
    pub tabs: Rect,
    pub list: Rect,
    pub reader: Rect,
    pub entities: Rect,
    pub timeline: Rect,
    pub search: Rect,
    pub status: Rect,
    pub hints: Rect,
}

impl Areas {
    pub fn pane(&self, pane: Pane) -> Rect {
        match pane {
            Pane::List => self.list,
            Pane::Reader => self.reader,
            Pane::Timeline => self.timeline,
        }
    }

    pub fn tabbed(&self) -> bool {
        !self.tabs.is_empty()
    }
}

/// The inside of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x.saturating_add(1),
        y: r.y.saturating_add(1),
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

pub fn areas(area: Rect, focus: Pane, searching: bool) -> Areas {
    let mut a = Areas::default();
    let search_h = u16::from(searching);
    let [main, search, status, hints] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(search_h),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    (a.search, a.status, a.hints) = (search, status, hints);
    if area.width >= WIDE_COLUMNS {
        let timeline_h = (main.height / 4).clamp(3, 14);
        let [top, timeline] = Layout::vertical([Constraint::Fill(1), Constraint::Length(timeline_h)]).areas(main);
        let list_w = (top.width * 3 / 10).clamp(28, 60);
        let [list, reader] = Layout::horizontal([Constraint::Length(list_w), Constraint::Fill(1)]).areas(top);
        (a.list, a.timeline) = (list, timeline);
        if reader.width >= ENTITY_LIST_MIN_READER {
            let [reader, entities] =
                Layout::horizontal([Constraint::Fill(1), Constraint::Length(ENTITY_LIST_WIDTH)]).areas(reader);
            (a.reader, a.entities) = (reader, entities);
        } else {
            a.reader = reader;
        }
    } else {
        let [tabs, pane] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(main);
        a.tabs = tabs;
        match focus {
            Pane::List => a.list = pane,
            Pane::Reader => a.reader = pane,
            Pane::Timeline => a.timeline = pane,
        }
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_shows_three_panes_side_by_side() {
        let a = areas(Rect::new(0, 0, 120, 40), Pane::List, false);
        assert!(!a.tabbed());
        assert!(a.list.width > 0 && a.reader.width > 0 && a.timeline.height > 0);
        assert_eq!(a.list.y, a.reader.y);
        assert!(a.timeline.y > a.list.y);
        assert_eq!(a.entities, Rect::default(), "no room for the entity list at 120");
        let a = areas(Rect::new(0, 0, 200, 60), Pane::List, true);
        assert!(a.entities.width > 0);
        assert_eq!(a.search.height, 1);
    }

    #[test]
    fn narrow_shows_the_focused_pane_as_a_tab() {
        let a = areas(Rect::new(0, 0, 80, 24), Pane::Timeline, false);
        assert!(a.tabbed());
        assert_eq!((a.list, a.reader), (Rect::default(), Rect::default()));
        assert_eq!(a.timeline.width, 80);
    }

    #[test]
    fn every_size_fits_in_the_screen() {
        for w in 0..130 {
            for h in 0..30 {
                let area = Rect::new(0, 0, w, h);
                let a = areas(area, Pane::Reader, true);
                for r in [a.tabs, a.list, a.reader, a.entities, a.timeline, a.search, a.status, a.hints] {
                    assert!(
                        r.is_empty() || area.contains(r.as_position()) && r.right() <= w && r.bottom() <= h,
                        "{w}x{h}: {r:?}"
                    );
                }
            }
        }
    }
}
