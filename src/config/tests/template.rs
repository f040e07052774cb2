//! The keymap built from defaults and config, and the default config file.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;

const DEFAULTS: &[ActionInfo] = &[
    ActionInfo {
        name: "quit",
        keys: &["q", "ctrl-c"],
        help: "Quit (state is saved)",
    },
    ActionInfo {
        name: "help",
        keys: &["?"],
        help: "Show the help overlay",
    },
    ActionInfo {
        name: "focus_next",
        keys: &["tab"],
        help: "Focus the next pane",
    },
    ActionInfo {
        name: "focus_prev",
        keys: &["shift-tab", "backtab"],
        help: "Focus the previous pane\nwith a second help line",
    },
    ActionInfo {
        name: "page_down",
        keys: &["ctrl-d", "pgdn", "space"],
        help: "Page down",
    },
];

fn names() -> Vec<&'static str> {
    DEFAULTS.iter().map(|a| a.name).collect()
}

#[test]
fn the_default_config_parses_back_to_the_defaults() {
    let text = default_config_toml(DEFAULTS);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(CONFIG_FILE_NAME);
    std::fs::write(&path, &text).unwrap();
    let config = Config::load(&path, &names()).unwrap_or_else(|e| panic!("{e}\n---\n{text}"));
    assert_eq!(config.theme, Theme::default());
    assert_eq!((config.reference_date, config.size_cap), (None, None));
    // Every action is listed with exactly its default keys.
    assert_eq!(config.keys.len(), DEFAULTS.len());
    assert_eq!(
        Keymap::new(DEFAULTS, Some(&config)),
        Keymap::new(DEFAULTS, None)
    );
    // Help texts are there as comments, and the commented-out settings work
    // once uncommented.
    assert!(
        text.contains("# Show the help overlay\nhelp = [\"?\"]"),
        "{text}"
    );
    assert!(text.contains("# with a second help line\n"));
    let uncommented = text
        .replace("# reference_date = ", "reference_date = ")
        .replace("# size_cap = ", "size_cap = ");
    let config = Config::parse(&path, uncommented.as_bytes(), &names()).unwrap();
    assert!(config.reference_date.is_some() && config.size_cap == Some(16 << 20));
}

#[test]
fn odd_action_names_and_keys_are_quoted() {
    let odd = [ActionInfo {
        name: "go to.top",
        keys: &["g", "\"", "\\", "'"],
        help: "",
    }];
    let text = default_config_toml(&odd);
    let config = Config::parse(Path::new("c.toml"), text.as_bytes(), &["go to.top"]).unwrap();
    let keys: Vec<String> = config.keys["go to.top"]
        .iter()
        .map(|k| k.to_string())
        .collect();
    assert_eq!(keys, ["g", "\"", "\\", "'"]);
}

#[test]
fn colours_print_in_a_form_that_parses_back() {
    for color in [
        Color::Reset,
        Color::DarkGray,
        Color::LightCyan,
        Color::White,
        Color::Indexed(17),
        Color::Rgb(1, 2, 255),
    ] {
        assert_eq!(parse_color(&color_to_config(color)), Ok(color), "{color:?}");
    }
}

#[test]
fn a_config_entry_replaces_the_defaults_of_that_action_only() {
    let config = Config::parse(Path::new("c.toml"), b"[keys]\nquit = [\"x\"]\n", &names()).unwrap();
    let keymap = Keymap::new(DEFAULTS, Some(&config));
    assert_eq!(keymap.describe("quit"), "x");
    assert_eq!(keymap.describe("page_down"), "ctrl-d, pgdn, space");
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(keymap.actions_for(&q).count(), 0);
    let x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
    assert_eq!(keymap.actions_for(&x).collect::<Vec<_>>(), ["quit"]);
    let back = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(
        keymap.actions_for(&back).collect::<Vec<_>>(),
        ["focus_prev"]
    );
}

#[test]
fn shared_keys_give_every_action_in_order() {
    let actions = [
        ActionInfo {
            name: "list_down",
            keys: &["j", "down"],
            help: "",
        },
        ActionInfo {
            name: "reader_down",
            keys: &["j"],
            help: "",
        },
    ];
    let keymap = Keymap::new(&actions, None);
    let j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(
        keymap.actions_for(&j).collect::<Vec<_>>(),
        ["list_down", "reader_down"]
    );
    assert_eq!(keymap.iter().count(), 2);
}

#[test]
#[should_panic(expected = "default keys of action `broken`")]
fn an_invalid_default_key_is_a_bug_caught_at_once() {
    let _ = Keymap::new(
        &[ActionInfo {
            name: "broken",
            keys: &["ctrl-nope"],
            help: "",
        }],
        None,
    );
}
