//! `App::update`: every message, key and action, and what it changes.

use super::action::{Action, Scope};
use super::finalize::Snapshot;
use super::{App, Effect, ListFilter, Msg, Pane};
use crate::ui::layout;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;

impl App {
    /// Applies one message. Returns whether the screen needs redrawing.
    pub fn update(&mut self, msg: Msg) -> bool {
        match msg {
            // Only presses count: terminals that report releases and repeats
            // must not double every key.
            Msg::Key(key) if key.kind != KeyEventKind::Press => false,
            Msg::Key(key) => self.on_key(key),
            Msg::Resize(w, h) => {
                self.size = (w, h);
                self.fit();
                true
            }
            Msg::Load(event) => {
                let new = self.library.absorb(event);
                if !new.is_empty() || self.list.rows.is_empty() {
                    self.refresh_list();
                    self.restore_position(new);
                    self.fit();
                }
                true
            }
            Msg::Warning(w) => {
                self.message = Some(w);
                true
            }
            Msg::LoadDone => {
                self.library.finish();
                let snapshot = Snapshot { items: self.library.items.clone(), ordered: self.library.ordered.clone() };
                self.effects.push(Effect::Finalize(snapshot));
                true
            }
            Msg::Finalized(done) => {
                self.timeline.set_events(done.events, &self.library);
                self.search.index = Some(done.index.clone());
                self.effects.push(Effect::StartSearch(done.index));
                // A query typed while the index was being built runs now.
                self.submit_search();
                self.fit();
                true
            }
            Msg::SearchResults { generation, hits } => {
                if generation != self.search.generation {
                    return false;
                }
                self.search.hits = Some(hits);
                self.list.filter = Some(ListFilter::Search);
                self.refresh_list();
                self.refresh_matches(false);
                self.fit();
                true
            }
        }
    }

    /// Pane geometry for the current size. Each pane is measured as if
    /// focused, since in the tabbed layout only the focused one has room.
    fn pane_area(&self, pane: Pane) -> Rect {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        layout::inner(layout::areas(area, pane, self.search.active).pane(pane))
    }

    /// Re-fits the panes to the terminal: wrap width, scroll limits.
    pub(crate) fn fit(&mut self) {
        let r = self.pane_area(Pane::Reader);
        let body = self.reader.article.map(|a| self.library.article(a).body.as_str());
        self.reader.resize(r.width as usize, r.height as usize, body);
        self.list.scroll_into_view(self.pane_area(Pane::List).height as usize);
        self.timeline.scroll_into_view(self.pane_area(Pane::Timeline).height as usize);
    }

    fn on_key(&mut self, key: KeyEvent) -> bool {
        if self.help.is_some() {
            return self.on_help_key(key);
        }
        if self.search.active {
            return self.on_search_key(key);
        }
        let scope = match self.focus {
            Pane::List => Scope::List,
            Pane::Reader => Scope::Reader,
            Pane::Timeline => Scope::Timeline,
        };
        match self.keymap.lookup(scope, &key) {
            Some(action) => {
                self.message = None;
                self.act(action);
                true
            }
            None => false,
        }
    }

    fn on_help_key(&mut self, key: KeyEvent) -> bool {
        let scroll = self.help.get_or_insert(0);
        match key.code {
            KeyCode::Char('j') | KeyCode::Down => *scroll = scroll.saturating_add(1),
            KeyCode::Char('k') | KeyCode::Up => *scroll = scroll.saturating_sub(1),
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => self.should_quit = true,
            _ => self.help = None,
        }
        true
    }

    fn act(&mut self, action: Action) {
        match action {
            Action::Quit => self.should_quit = true,
            Action::Help => self.help = Some(0),
            Action::FocusNext | Action::FocusPrev => {
                let i = Pane::ALL.iter().position(|p| *p == self.focus).unwrap_or(0);
                let step = if action == Action::FocusNext { 1 } else { 2 };
                self.focus = Pane::ALL[(i + step) % 3];
            }
            Action::FocusList => self.focus = Pane::List,
            Action::FocusReader => self.focus = Pane::Reader,
            Action::FocusTimeline => self.focus = Pane::Timeline,
            Action::Search => {
                self.search.active = true;
                self.fit();
            }
            Action::Cancel => self.cancel(),
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::Down => self.step(1),
            Action::Up => self.step(-1),
            Action::PageDown => self.step(self.page() as isize),
            Action::PageUp => self.step(-(self.page() as isize)),
            Action::Top => self.step(isize::MIN),
            Action::Bottom => self.step(isize::MAX),
            Action::Open => self.open(),
            Action::NextEntity | Action::PrevEntity => {
                if let Some(a) = self.reader.article {
                    let analysis = self.library.analysis(a);
                    if !self.reader.step_entity(analysis, action == Action::NextEntity) {
                        self.message = Some("no names or dates in this article".into());
                    }
                }
            }
            Action::ToEvent => self.jump_to_event(),
            Action::NextMonth => self.timeline.step_month(true),
            Action::PrevMonth => self.timeline.step_month(false),
            Action::FilterEntity => self.filter_timeline(),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::ToggleRead => {
                if let Some(a) = self.list.selected_article() {
                    let id = &self.library.article(a).id;
                    let read = self.store.toggle_read(&self.corpus_key, id);
                    self.message = Some(if read { "marked read" } else { "marked unread" }.into());
                }
            }
            Action::ToggleBookmark => {
                if let Some(a) = self.list.selected_article() {
                    let id = &self.library.article(a).id;
                    let on = self.store.toggle_bookmark(&self.corpus_key, id);
                    self.message = Some(if on { "bookmarked" } else { "bookmark removed" }.into());
                    if self.list.filter == Some(ListFilter::Bookmarks) {
                        self.refresh_list();
                    }
                }
            }
            Action::ShowBookmarks => {
                let on = self.list.filter != Some(ListFilter::Bookmarks);
                self.list.filter = on.then_some(ListFilter::Bookmarks);
                self.refresh_list();
                self.message = Some(if on { "bookmarks only (B again shows all)" } else { "all articles" }.into());
            }
        }
        self.fit();
        self.remember_position();
    }

    fn page(&self) -> usize {
        (self.pane_area(self.focus).height as usize).saturating_sub(1).max(1)
    }

    /// Moves in the focused pane; `isize::MIN`/`MAX` go to the ends.
    fn step(&mut self, delta: isize) {
        match self.focus {
            Pane::List => match delta {
                isize::MIN => self.list.top(),
                isize::MAX => self.list.bottom(),
                d => self.list.move_by(d),
            },
            Pane::Timeline => match delta {
                isize::MIN => self.timeline.top(),
                isize::MAX => self.timeline.bottom(),
                d => self.timeline.move_by(d),
            },
            Pane::Reader => match delta {
                isize::MIN => self.reader.scroll_to(0),
                isize::MAX => self.reader.scroll_to(usize::MAX),
                d => self.reader.scroll_by(d),
            },
        }
    }

    /// `Enter`: open the article, filter by the entity, or jump to the event.
    fn open(&mut self) {
        match self.focus {
            Pane::List => {
                if let Some(a) = self.list.selected_article() {
                    self.open_article(a);
                    self.focus = Pane::Reader;
                }
            }
            Pane::Reader => {
                let Some(a) = self.reader.article else { return };
                let Some(key) = self.reader.focused_entity(self.library.analysis(a)) else {
                    self.message = Some("move to an entity with ] or [ first".into());
                    return;
                };
                self.list.filter = Some(ListFilter::Entity(key.clone()));
                self.refresh_list();
                let n = self.list.rows.len();
                self.message = Some(format!(
                    "{n} article{} mention{} {} {} (Esc clears)",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "s" } else { "" },
                    key.0.as_str(),
                    key.1
                ));
                self.focus = Pane::List;
            }
            Pane::Timeline => {
                let Some(ev) = self.timeline.event(self.timeline.selected).cloned() else {
                    return;
                };
                self.open_article(ev.article);
                self.fit();
                self.reader.marked = Some(ev.sentence.clone());
                self.reader.show_offset(ev.sentence.start);
                self.focus = Pane::Reader;
            }
        }
    }

    /// Opens an article in the reader; opening it marks it read.
    pub(crate) fn open_article(&mut self, article: u32) {
        if self.reader.article != Some(article) {
            self.reader.open(article, &self.library.article(article).body);
        }
        self.reader.marked = None;
        self.reader.entity = None;
        self.refresh_matches(false);
        self.store.set_read(&self.corpus_key, &self.library.article(article).id, true);
        self.restored = true;
    }

    /// Recomputes the list's rows for its filter.
    pub(crate) fn refresh_list(&mut self) {
        let lib = &self.library;
        let rows = match &self.list.filter {
            None => lib.ordered.clone(),
            Some(ListFilter::Entity(key)) => lib.mentioning(key),
            Some(ListFilter::Bookmarks) => lib.ordered.iter().copied().filter(|&a| self.is_bookmarked(a)).collect(),
            Some(ListFilter::Search) => {
                self.search.hits.iter().flatten().map(|h| h.doc).filter(|&d| (d as usize) < lib.len()).collect()
            }
        };
        self.list.set_rows(rows);
    }

    /// Reopens the article the user was reading last time, at the same
    /// place, once it has arrived from the loader.
    fn restore_position(&mut self, new: std::ops::Range<u32>) {
        if self.restored {
            return;
        }
        let Some(last) = self.store.last(&self.corpus_key).cloned() else {
            self.restored = true;
            return;
        };
        let Some(a) = new.into_iter().find(|&a| self.library.article(a).id == last.article) else { return };
        self.fit();
        self.open_article(a);
        self.fit();
        self.reader.scroll_to(crate::text::row_of(&self.reader.rows, last.scroll as usize));
        if let Some(row) = self.list.rows.iter().position(|&r| r == a) {
            self.list.selected = row;
        }
        self.focus = Pane::Reader;
    }

    /// Remembers where the reader is: the article and the byte offset of
    /// its top row (offsets survive a change of terminal width; rows don't).
    fn remember_position(&mut self) {
        let Some(a) = self.reader.article else { return };
        let top = self.reader.rows.get(self.reader.scroll).map_or(0, |r| r.start);
        self.store.set_last(&self.corpus_key, &self.library.article(a).id, top as u32);
    }

    /// `t`: the event of the sentence the reader is at.
    fn jump_to_event(&mut self) {
        let Some(a) = self.reader.article else { return };
        let at = self.reader.position(self.library.analysis(a));
        if self.timeline.select_at(a, at) {
            self.focus = Pane::Timeline;
        } else {
            self.message = Some("no dated event in this article".into());
        }
    }

    /// `f`: only the events of the entity in focus; again to clear.
    fn filter_timeline(&mut self) {
        if self.timeline.filter.take().is_none() {
            let from_reader = self.reader.article.and_then(|a| self.reader.focused_entity(self.library.analysis(a)));
            let from_list = match &self.list.filter {
                Some(ListFilter::Entity(key)) => Some(key.clone()),
                _ => None,
            };
            match from_reader.or(from_list) {
                Some((_, name)) => {
                    self.message = Some(format!("timeline: only events of {name} (f clears)"));
                    self.timeline.filter = Some(name);
                }
                None => self.message = Some("no entity in focus: pick one with ] in the reader".into()),
            }
        }
        self.timeline.refresh(&self.library);
    }

    /// `Esc`: undo the innermost thing: a filter, the entity cursor, focus.
    fn cancel(&mut self) {
        if self.list.filter.is_some() {
            if self.list.filter == Some(ListFilter::Search) {
                self.search.clear();
                self.refresh_matches(false);
            }
            self.list.filter = None;
            self.refresh_list();
            self.message = Some("filter cleared".into());
        } else if self.timeline.filter.is_some() {
            self.timeline.filter = None;
            self.timeline.refresh(&self.library);
        } else if self.focus == Pane::Reader && (self.reader.entity.is_some() || self.reader.marked.is_some()) {
            self.reader.entity = None;
            self.reader.marked = None;
        } else if self.focus != Pane::List {
            self.focus = Pane::List;
        }
    }
}
