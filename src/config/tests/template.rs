//! The default config file.

use super::*;

const DEFAULTS: &[ActionInfo] = &[
    ActionInfo { name: "quit", keys: &["q", "ctrl-c"], help: "Quit (state is saved)" },
    ActionInfo { name: "help", keys: &["?"], help: "Show the help overlay" },
    ActionInfo { name: "focus_next", keys: &["tab"], help: "Focus the next pane" },
    ActionInfo {
        name: "focus_prev",
        keys: &["shift-tab", "backtab"],
        help: "Focus the previous pane\nwith a second help line",
    },
    ActionInfo { name: "page_down", keys: &["ctrl-d", "pgdn", "space"], help: "Page down" },
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
    for action in DEFAULTS {
        let mut want: Vec<KeySpec> = Vec::new();
        for k in action.keys.iter().map(|k| KeySpec::parse(k).unwrap()) {
            if !want.contains(&k) {
                want.push(k);
            }
        }
        assert_eq!(config.keys[action.name], want, "{}", action.name);
    }
    // Help texts are there as comments, and the commented-out settings work
    // once uncommented.
    assert!(text.contains("# Show the help overlay\nhelp = [\"?\"]"), "{text}");
    assert!(text.contains("# with a second help line\n"));
    let uncommented = text.replace("# reference_date = ", "reference_date = ").replace("# size_cap = ", "size_cap = ");
    let config = Config::parse(&path, uncommented.as_bytes(), &names()).unwrap();
    assert!(config.reference_date.is_some() && config.size_cap == Some(16 << 20));
}

#[test]
fn odd_action_names_and_keys_are_quoted() {
    let odd = [ActionInfo { name: "go to.top", keys: &["g", "\"", "\\", "'"], help: "" }];
    let text = default_config_toml(&odd);
    let config = Config::parse(Path::new("c.toml"), text.as_bytes(), &["go to.top"]).unwrap();
    let keys: Vec<String> = config.keys["go to.top"].iter().map(|k| k.to_string()).collect();
    assert_eq!(keys, ["g", "\"", "\\", "'"]);
}

#[test]
fn colours_print_in_a_form_that_parses_back() {
    for color in
        [Color::Reset, Color::DarkGray, Color::LightCyan, Color::White, Color::Indexed(17), Color::Rgb(1, 2, 255)]
    {
        assert_eq!(parse_color(&color_to_config(color)), Ok(color), "{color:?}");
    }
}
