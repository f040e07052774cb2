//! What the user can ask for, and the keys that ask for it by default. The
//! help overlay, the key hint line and `--print-config` are all generated
//! from [`DEFAULT_BINDINGS`], so they cannot disagree with what the keys do.

/// Where a binding applies. A key is looked up in the focused pane's scope
/// first, then in `Global`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    Global,
    List,
    Reader,
    Timeline,
}

impl Scope {
    pub fn title(self) -> &'static str {
        match self {
            Scope::Global => "everywhere",
            Scope::List => "list",
            Scope::Reader => "reader",
            Scope::Timeline => "timeline",
        }
    }
}

/// What a key does. The config names bindings (rows of
/// [`DEFAULT_BINDINGS`]), not actions, so that paging by `Space` in the
/// reader and by `Ctrl-d` everywhere can be remapped separately.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Help,
    FocusNext,
    FocusPrev,
    FocusList,
    FocusReader,
    FocusTimeline,
    Search,
    Cancel,
    Suspend,
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    Open,
    NextMatch,
    PrevMatch,
    NextEntity,
    PrevEntity,
    ToEvent,
    NextMonth,
    PrevMonth,
    FilterEntity,
    ToggleRead,
    ToggleBookmark,
    ShowBookmarks,
}

/// One default binding: in `scope`, `keys` do `action`. `name` is unique:
/// it is the binding's name in the config file and the help overlay.
pub struct Binding {
    pub scope: Scope,
    pub action: Action,
    pub name: &'static str,
    pub keys: &'static [&'static str],
    pub help: &'static str,
}

macro_rules! bindings {
    ($($scope:ident $action:ident $name:literal [$($key:literal),*] $help:literal;)*) => {
        pub const DEFAULT_BINDINGS: &[Binding] = &[
            $(Binding { scope: Scope::$scope, action: Action::$action, name: $name, keys: &[$($key),*], help: $help },)*
        ];
    };
}

bindings! {
    Global Quit "quit" ["q", "ctrl-c"] "quit (state saved)";
    Global Help "help" ["?"] "this help";
    Global FocusNext "focus_next" ["tab"] "next pane";
    Global FocusPrev "focus_prev" ["backtab"] "previous pane";
    Global FocusList "focus_list" ["1"] "article list";
    Global FocusReader "focus_reader" ["2"] "reading pane";
    Global FocusTimeline "focus_timeline" ["3"] "timeline";
    Global Search "search" ["/"] "search as you type";
    Global Cancel "cancel" ["esc"] "close, clear the filter";
    Global Suspend "suspend" ["ctrl-z"] "suspend (fg resumes)";
    Global Down "down" ["j", "down"] "down";
    Global Up "up" ["k", "up"] "up";
    Global Top "top" ["g", "home"] "first";
    Global Bottom "bottom" ["G", "end"] "last";
    Global PageDown "page_down" ["ctrl-d", "pgdn"] "page down";
    Global PageUp "page_up" ["ctrl-u", "pgup"] "page up";
    Global Open "open" ["enter"] "open / filter by entity / jump";
    Reader PageDown "reader_page_down" ["space"] "page down";
    Reader PageUp "reader_page_up" ["b"] "page up";
    Reader NextMatch "next_match" ["n"] "next search match";
    Reader PrevMatch "prev_match" ["N"] "previous search match";
    Reader NextEntity "next_entity" ["]"] "next entity";
    Reader PrevEntity "prev_entity" ["["] "previous entity";
    Reader ToEvent "to_event" ["t"] "this sentence's event in the timeline";
    Timeline NextMonth "next_month" ["}"] "next month";
    Timeline PrevMonth "prev_month" ["{"] "previous month";
    Timeline FilterEntity "filter_entity" ["f"] "only events of the entity in focus";
    List ToggleRead "toggle_read" ["m"] "toggle read";
    List ToggleBookmark "toggle_bookmark" ["b"] "toggle bookmark";
    List ShowBookmarks "show_bookmarks" ["B"] "show only bookmarks";
}

/// Every binding name a config may use, in help order.
pub fn action_names() -> Vec<&'static str> {
    DEFAULT_BINDINGS.iter().map(|b| b.name).collect()
}

/// The defaults as the config module describes actions.
pub fn action_infos() -> Vec<crate::config::ActionInfo<'static>> {
    DEFAULT_BINDINGS.iter().map(|b| crate::config::ActionInfo { name: b.name, keys: b.keys, help: b.help }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binding_names_are_unique() {
        let mut names = action_names();
        names.sort_unstable();
        let n = names.len();
        names.dedup();
        assert_eq!(names.len(), n);
    }
}
