//! The keys in force: the defaults of [`DEFAULT_BINDINGS`] with the user's
//! config applied. Looking a key up walks the focused pane's scope, then the
//! shared scopes.

use super::action::{Action, DEFAULT_BINDINGS, Scope};
use crate::config::KeySpec;
use ratatui::crossterm::event::KeyEvent;
use std::collections::BTreeMap;

#[derive(Clone, Debug)]
pub struct Row {
    pub scope: Scope,
    pub action: Action,
    pub name: &'static str,
    pub keys: Vec<KeySpec>,
    pub help: &'static str,
}

#[derive(Clone, Debug)]
pub struct Keymap {
    pub rows: Vec<Row>,
}

impl Default for Keymap {
    fn default() -> Self {
        let rows = DEFAULT_BINDINGS
            .iter()
            .map(|b| Row {
                scope: b.scope,
                action: b.action,
                name: b.name,
                keys: b.keys.iter().map(|k| KeySpec::parse(k).expect("default key specs parse")).collect(),
                help: b.help,
            })
            .collect();
        Keymap { rows }
    }
}

impl Keymap {
    /// The defaults with the config's `[keys]` applied: an entry replaces
    /// the keys of the binding of that name (`[]` unbinds it).
    pub fn with_overrides(overrides: &BTreeMap<String, Vec<KeySpec>>) -> Self {
        let mut map = Keymap::default();
        for row in &mut map.rows {
            if let Some(keys) = overrides.get(row.name) {
                row.keys = keys.clone();
            }
        }
        map
    }

    /// The action `key` asks for in `scope` (then in the shared scopes).
    pub fn lookup(&self, scope: Scope, key: &KeyEvent) -> Option<Action> {
        [scope, Scope::Global].iter().find_map(|s| {
            self.rows.iter().find(|r| r.scope == *s && r.keys.iter().any(|k| k.matches(key))).map(|r| r.action)
        })
    }

    /// The keys that do `action` (first scope that has it), for hints.
    pub fn keys_for(&self, action: Action) -> String {
        self.rows
            .iter()
            .find(|r| r.action == action)
            .map(|r| r.keys.iter().map(ToString::to_string).collect::<Vec<_>>().join("/"))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn the_focused_pane_wins_over_shared_bindings() {
        let map = Keymap::default();
        assert_eq!(map.lookup(Scope::List, &key('b')), Some(Action::ToggleBookmark));
        assert_eq!(map.lookup(Scope::Reader, &key('b')), Some(Action::PageUp));
        assert_eq!(map.lookup(Scope::Timeline, &key('j')), Some(Action::Down));
        assert_eq!(map.lookup(Scope::Timeline, &key('b')), None);
    }

    #[test]
    fn an_override_replaces_that_binding_only() {
        let mut o = BTreeMap::new();
        o.insert("quit".to_string(), vec![KeySpec::parse("x").unwrap()]);
        o.insert("reader_page_down".to_string(), vec![]);
        let map = Keymap::with_overrides(&o);
        assert_eq!(map.lookup(Scope::List, &key('q')), None);
        assert_eq!(map.lookup(Scope::List, &key('x')), Some(Action::Quit));
        assert_eq!(map.lookup(Scope::Reader, &key(' ')), None, "unbound");
        let ctrl_d = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(map.lookup(Scope::Reader, &ctrl_d), Some(Action::PageDown), "the shared binding stays");
    }
}
