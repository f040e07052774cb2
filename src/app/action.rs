//! What the user can ask for, and the keys that ask for it by default. The
//! help overlay, the key hint line and `--print-config` are all generated
//! from [`DEFAULT_BINDINGS`], so they cannot disagree with what the keys do.

use serde::Deserialize;

/// Where a binding applies. A key is looked up in the focused pane's scope
/// first, then in `Global`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    Global,
    /// The article list and the timeline: moving through rows.
    Lists,
    List,
    Reader,
    Timeline,
}

impl Scope {
    pub fn title(self) -> &'static str {
        match self {
            Scope::Global => "everywhere",
            Scope::Lists => "lists",
            Scope::List => "list",
            Scope::Reader => "reader",
            Scope::Timeline => "timeline",
        }
    }
}

/// A user action, named as in the config file's `[keys]` table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
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

/// One default binding: in `scope`, `keys` do `action`.
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
    Reader PageDown "page_down" ["space"] "page down";
    Reader PageUp "page_up" ["b"] "page up";
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

/// Every action name a config may use, in help order, without repeats.
pub fn action_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = Vec::new();
    for b in DEFAULT_BINDINGS {
        if !names.contains(&b.name) {
            names.push(b.name);
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_deserialise_to_their_actions() {
        for b in DEFAULT_BINDINGS {
            let parsed: Action = serde_json::from_value(serde_json::json!(b.name)).unwrap();
            assert_eq!(parsed, b.action, "{}", b.name);
        }
    }
}
