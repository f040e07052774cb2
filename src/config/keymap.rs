//! The keys in force: the app's default keys with the config's `[keys]`
//! laid over them.

use ratatui::crossterm::event::KeyEvent;

use super::{Config, KeySpec};

/// One action as the app defines it: its name in the config, its default
/// keys (key specs, see [`KeySpec`]), and a line of help for the help
/// overlay and the default config file.
#[derive(Clone, Copy, Debug)]
pub struct ActionInfo<'a> {
    pub name: &'a str,
    pub keys: &'a [&'a str],
    pub help: &'a str,
}

/// Actions and their keys, in the app's order.
///
/// Several actions may share a key (`j` moves in the list and scrolls in the
/// reader): [`Keymap::actions_for`] gives them all, and the app takes the
/// first that applies where the focus is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<(String, Vec<KeySpec>)>,
}

impl Keymap {
    /// The app's defaults, each replaced by the config's keys for that
    /// action where the config has an entry.
    ///
    /// Panics if a default key spec is invalid: that is a bug in the app's
    /// table, which any test that builds the keymap catches.
    pub fn new(actions: &[ActionInfo], config: Option<&Config>) -> Keymap {
        let bindings = actions
            .iter()
            .map(|action| {
                let keys = match config.and_then(|c| c.keys.get(action.name)) {
                    Some(keys) => keys.clone(),
                    None => action
                        .keys
                        .iter()
                        .map(|spec| {
                            KeySpec::parse(spec).unwrap_or_else(|why| {
                                panic!("default keys of action `{}`: {why}", action.name)
                            })
                        })
                        .fold(Vec::new(), |mut keys, key| {
                            // "shift-tab" and "backtab" are one key: list it once.
                            if !keys.contains(&key) {
                                keys.push(key);
                            }
                            keys
                        }),
                };
                (action.name.to_owned(), keys)
            })
            .collect();
        Keymap { bindings }
    }

    /// The actions bound to this key event, in the app's order.
    pub fn actions_for<'a>(&'a self, event: &'a KeyEvent) -> impl Iterator<Item = &'a str> + 'a {
        self.bindings
            .iter()
            .filter(move |(_, keys)| keys.iter().any(|k| k.matches(event)))
            .map(|(name, _)| name.as_str())
    }

    /// The keys of an action (empty if unbound or unknown).
    pub fn keys_for(&self, action: &str) -> &[KeySpec] {
        self.bindings
            .iter()
            .find(|(name, _)| name == action)
            .map_or(&[], |(_, keys)| keys.as_slice())
    }

    /// The keys of an action as the help overlay shows them: `q, ctrl-c`.
    pub fn describe(&self, action: &str) -> String {
        self.keys_for(action)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Every action with its keys, in the app's order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[KeySpec])> {
        self.bindings
            .iter()
            .map(|(name, keys)| (name.as_str(), keys.as_slice()))
    }
}
