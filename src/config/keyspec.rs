//! Key specs: the text form of a key in the config (`"q"`, `"ctrl-c"`,
//! `"shift-tab"`, `"pgdn"`) and how it matches a terminal key event.
//!
//! Grammar: any of the modifiers `ctrl-`, `alt-`, `shift-` (case-insensitive,
//! each at most once), then either one character (case-sensitive: `"G"` is
//! shift-g) or a named key (case-insensitive, see [`NAMED_KEYS`]).
//!
//! A spec is kept in one normal form so that equal keys compare equal:
//! shift with a character is folded into the character's case (`shift-g` is
//! `G`), shift-tab is `BackTab`, and space is the character `' '` (which is
//! what crossterm reports for the space bar).

use std::fmt;
use std::str::FromStr;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The named keys a spec may use, with the key each names. The first name
/// of a key is the one [`KeySpec`]'s `Display` prints; F-keys are handled
/// apart (`f1`..`f12`).
pub const NAMED_KEYS: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("space", KeyCode::Char(' ')),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pgup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
];

/// The highest function key a spec may name.
pub const MAX_F_KEY: u8 = 12;

const MODIFIER_PREFIXES: [(&str, KeyModifiers); 3] =
    [("ctrl-", KeyModifiers::CONTROL), ("alt-", KeyModifiers::ALT), ("shift-", KeyModifiers::SHIFT)];

/// One key with its modifiers, in normal form (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct KeySpec {
    code: KeyCode,
    modifiers: KeyModifiers,
}

impl KeySpec {
    /// Parse a spec such as `"ctrl-d"`, `"G"`, `"shift-tab"` or `"f5"`. The
    /// error says what is wrong, without location (the config adds that).
    pub fn parse(spec: &str) -> Result<KeySpec, String> {
        if spec.is_empty() {
            return Err("empty key spec".into());
        }
        let mut rest = spec;
        let mut modifiers = KeyModifiers::NONE;
        'prefixes: loop {
            for (prefix, modifier) in MODIFIER_PREFIXES {
                // A bare "-" after the prefix is the minus key: "ctrl--".
                let has_prefix = rest.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix));
                if has_prefix && rest.len() > prefix.len() {
                    if modifiers.contains(modifier) {
                        return Err(format!("key spec `{spec}` repeats `{prefix}`"));
                    }
                    modifiers |= modifier;
                    rest = &rest[prefix.len()..];
                    continue 'prefixes;
                }
            }
            break;
        }
        let code = parse_key(rest).ok_or_else(|| {
            format!(
                "unknown key `{rest}` in key spec `{spec}`: expected one character or one of {}, f1..f{MAX_F_KEY}, after optional ctrl-, alt-, shift-",
                NAMED_KEYS
                    .iter()
                    .map(|(name, _)| *name)
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })?;
        if let KeyCode::Char(c) = code {
            if c.is_control() {
                return Err(format!("key spec `{spec}` holds a control character"));
            }
            if modifiers.contains(KeyModifiers::SHIFT) && !has_case(c) {
                return Err(format!(
                    "key spec `{spec}`: shift- with `{rest}` is ambiguous (it depends on the keyboard layout); write the character shift gives instead, e.g. `!` for shift-1"
                ));
            }
        }
        Ok(KeySpec::normalised(code, modifiers))
    }

    /// The key an event is, in normal form. Modifiers a spec cannot name
    /// (super, hyper, meta) are kept, so an event with them matches no spec.
    pub fn from_event(event: &KeyEvent) -> KeySpec {
        KeySpec::normalised(event.code, event.modifiers)
    }

    /// Whether `event` is this key. Key releases never match (terminals with
    /// the kitty protocol report them; acting on them would act twice);
    /// presses and repeats do.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        event.kind != KeyEventKind::Release && KeySpec::from_event(event) == *self
    }

    pub fn code(&self) -> KeyCode {
        self.code
    }

    pub fn modifiers(&self) -> KeyModifiers {
        self.modifiers
    }

    fn normalised(code: KeyCode, mut modifiers: KeyModifiers) -> KeySpec {
        let shift = modifiers.contains(KeyModifiers::SHIFT);
        let code = match code {
            // Terminals differ: some send 'G' with SHIFT, some 'G' alone,
            // kitty may send 'g' with SHIFT. All are "G".
            KeyCode::Char(c) => {
                modifiers.remove(KeyModifiers::SHIFT);
                if shift { KeyCode::Char(upper(c)) } else { code }
            }
            // Shift-tab arrives as BackTab with or without SHIFT, or as Tab
            // with SHIFT.
            KeyCode::BackTab => {
                modifiers.remove(KeyModifiers::SHIFT);
                code
            }
            KeyCode::Tab if shift => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        KeySpec { code, modifiers }
    }
}

/// The single uppercase form of `c`, or `c` itself when it has none (or
/// several, like 'ß').
fn upper(c: char) -> char {
    let mut up = c.to_uppercase();
    match (up.next(), up.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

fn has_case(c: char) -> bool {
    c.is_uppercase() || upper(c) != c
}

fn parse_key(text: &str) -> Option<KeyCode> {
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(KeyCode::Char(c));
    }
    let lower = text.to_ascii_lowercase();
    if let Some((_, code)) = NAMED_KEYS.iter().find(|(name, _)| *name == lower) {
        return Some(*code);
    }
    let n: u8 = lower.strip_prefix('f')?.parse().ok()?;
    // parse() accepts "+5"; only plain digits name a key.
    let plain = lower[1..].bytes().all(|b| b.is_ascii_digit()) && !lower[1..].starts_with('0');
    (plain && (1..=MAX_F_KEY).contains(&n)).then_some(KeyCode::F(n))
}

impl FromStr for KeySpec {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        KeySpec::parse(s)
    }
}

/// Prints the canonical spec, which parses back to the same key: modifiers
/// in the order ctrl, alt, shift; `space`; `shift-tab` for BackTab (what
/// users call it).
impl fmt::Display for KeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (prefix, modifier) in MODIFIER_PREFIXES {
            if self.modifiers.contains(modifier) {
                f.write_str(prefix)?;
            }
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::F(n) => write!(f, "f{n}"),
            code => match NAMED_KEYS.iter().find(|(_, c)| *c == code) {
                Some((name, _)) => f.write_str(name),
                // Unreachable for parsed specs; a spec built from an event
                // may hold any key.
                None => write!(f, "{code:?}"),
            },
        }
    }
}
