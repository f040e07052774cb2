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
    /// The defaults with `overrides` (action name -> keys) applied: a user's
    /// entry replaces every default key of that action, in every scope.
    pub fn with_overrides(overrides: &BTreeMap<String, Vec<KeySpec>>) -> Self {
        let mut map = Keymap::default();
        for (name, keys) in overrides {
            let mut first = true;
            map.rows.retain_mut(|row| {
                if row.name != name {
                    return true;
                }
                let keep = first;
                if first {
                    row.keys = keys.clone();
                    first = false;
                }
                keep
            });
        }
        map
    }

    /// The action `key` asks for in `scope` (then in the shared scopes).
    pub fn lookup(&self, scope: Scope, key: &KeyEvent) -> Option<Action> {
        let chain: &[Scope] = match scope {
            Scope::List | Scope::Timeline => &[scope, Scope::Lists, Scope::Global],
            _ => &[scope, Scope::Global],
        };
        chain.iter().find_map(|s| {
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
