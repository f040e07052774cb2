//! Config tests: loading files (this module), key specs (`keyspec`), and
//! the keymap with the default template (`template`).

mod keyspec;
mod template;

use std::path::Path;

use ratatui::style::Color;

use super::*;

const ACTIONS: &[&str] = &["quit", "help", "focus_next", "focus_prev", "page_down"];

/// Write `text` to a config file in a temp folder and load it.
fn load_text(text: &str) -> (tempfile::TempDir, Result<Config, ConfigError>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(CONFIG_FILE_NAME);
    std::fs::write(&path, text).unwrap();
    let result = Config::load(&path, ACTIONS);
    (dir, result)
}

/// Load `text`, expect exactly one problem, return (line, column, message)
/// and check the full error line names the file.
fn one_problem(text: &str) -> (usize, usize, String) {
    let (dir, result) = load_text(text);
    let err = result.expect_err("config should be invalid");
    let problems = err.problems();
    assert_eq!(problems.len(), 1, "{err}");
    let p = &problems[0];
    let shown = err.to_string();
    let file = dir.path().join(CONFIG_FILE_NAME);
    assert!(shown.ends_with(&format!("config.toml:{}:{}: {}", p.line, p.column, p.message)), "{shown}");
    assert_eq!(err.path(), file);
    (p.line, p.column, p.message.clone())
}

#[test]
fn valid_file_loads_every_setting() {
    let (_dir, result) = load_text(
        r##"
reference_date = "2025-06-01"
size_cap = "16MiB"

[keys]
quit = ["q", "ctrl-c"]
help = ["?", "f1"]
focus_prev = ["shift-tab", "backtab"]
page_down = ["ctrl-d", "pgdn", "space"]

[theme]
person = "#ffaf00"
place = "light-green"
border_focused = "208"
match = "Red"
"##,
    );
    let config = result.unwrap();
    assert_eq!(config.reference_date, NaiveDate::from_ymd_opt(2025, 6, 1));
    assert_eq!(config.size_cap, Some(16 * 1024 * 1024));
    let keys = |action: &str| -> Vec<String> { config.keys[action].iter().map(|k| k.to_string()).collect() };
    assert_eq!(keys("quit"), ["q", "ctrl-c"]);
    assert_eq!(keys("help"), ["?", "f1"]);
    // Both spellings are one key, kept once.
    assert_eq!(keys("focus_prev"), ["shift-tab"]);
    assert_eq!(keys("page_down"), ["ctrl-d", "pgdn", "space"]);
    assert!(!config.keys.contains_key("focus_next"));
    assert_eq!(config.theme.person, Color::Rgb(0xff, 0xaf, 0x00));
    assert_eq!(config.theme.place, Color::LightGreen);
    assert_eq!(config.theme.border_focused, Color::Indexed(208));
    assert_eq!(config.theme.search_match, Color::Red);
    // Untouched entries keep their defaults.
    assert_eq!(config.theme.org, Theme::default().org);
}

#[test]
fn empty_file_is_the_defaults() {
    let (_dir, result) = load_text("");
    let config = result.unwrap();
    assert_eq!(config.theme, Theme::default());
    assert!(config.keys.is_empty());
    assert_eq!((config.reference_date, config.size_cap), (None, None));
}

#[test]
fn unknown_top_level_key_is_reported_at_its_line_and_column() {
    let (line, column, message) = one_problem("size_cap = 100\n\ncolour = \"red\"\n");
    assert_eq!((line, column), (3, 1));
    assert!(message.starts_with("unknown field `colour`, expected one of"), "{message}");
}

#[test]
fn unknown_table_is_reported() {
    let (line, column, message) = one_problem("[keys]\n[colours]\nx = 1\n");
    assert_eq!((line, column), (2, 2));
    assert!(message.contains("unknown field `colours`"), "{message}");
}

#[test]
fn unknown_theme_entry_is_reported() {
    let (line, column, message) = one_problem("[theme]\n  colour = \"red\"\n");
    assert_eq!((line, column), (2, 3));
    assert!(message.contains("unknown field `colour` in [theme]"), "{message}");
}

#[test]
fn wrong_types_are_reported_at_the_value() {
    let (line, column, message) = one_problem("[theme]\nperson = true\n");
    assert_eq!((line, column), (2, 10));
    assert!(message.contains("invalid type: boolean `true`, expected a colour"), "{message}");

    let (line, column, message) = one_problem("[keys]\nquit = 5\n");
    assert_eq!((line, column), (2, 8));
    assert!(message.contains("expected a list of key specs"), "{message}");

    let (line, column, _) = one_problem("[keys]\nquit = [\"q\", 5]\n");
    assert_eq!((line, column), (2, 14));

    let (line, column, message) = one_problem("keys = 3\n");
    assert_eq!((line, column), (1, 8));
    assert!(message.contains("invalid type"), "{message}");

    let (line, column, message) = one_problem("size_cap = true\n");
    assert_eq!((line, column), (1, 12));
    assert!(message.contains("size_cap"), "{message}");
}

#[test]
fn columns_count_characters_not_bytes() {
    // "ö" is two bytes: the bad spec is at character 14, byte 15.
    let (line, column, _) = one_problem("[keys]\nquit = [\"ö\", \"bad key\"]\n");
    assert_eq!((line, column), (2, 14));
    let (line, column, _) = one_problem("[theme] # ööö\nplace = \"x\"");
    assert_eq!((line, column), (2, 9));
}

#[test]
fn syntax_errors_are_located() {
    let (line, column, message) = one_problem("[keys]\nquit = [\"q\"\n");
    assert_eq!(line, 2, "{message}");
    assert!(column > 1);
}

#[test]
fn bad_colour_is_reported_with_the_entry_name() {
    let (line, column, message) = one_problem("[theme]\nborder = \"blurple\"\n");
    assert_eq!((line, column), (2, 10));
    assert!(message.contains("theme.border: bad colour `blurple`"), "{message}");
    assert!(one_problem("[theme]\nborder = \"#12345g\"\n").2.contains("bad colour"));
    assert!(one_problem("[theme]\nborder = \"256\"\n").2.contains("bad colour"));
    assert!(one_problem("[theme]\nborder = 256\n").2.contains("bad colour"));
    assert!(one_problem("[theme]\nborder = -1\n").2.contains("bad colour"));
    let (_dir, result) = load_text("[theme]\nborder = 208\n");
    assert_eq!(result.unwrap().theme.border, Color::Indexed(208));
}

#[test]
fn bad_key_spec_is_reported_at_the_spec() {
    let (line, column, message) = one_problem("[keys]\nquit = [\"q\", \"ctrl-nope\"]\n");
    assert_eq!((line, column), (2, 14));
    assert!(message.contains("unknown key `nope`"), "{message}");
}

#[test]
fn unknown_action_is_reported_at_its_name() {
    let (line, column, message) = one_problem("[keys]\nquit = [\"q\"]\nquiet = [\"x\"]\n");
    assert_eq!((line, column), (3, 1));
    assert!(message.starts_with("unknown action `quiet`"), "{message}");
    assert!(message.contains("`quit`, `help`"), "{message}");
}

#[test]
fn all_problems_are_reported_in_file_order() {
    let (_dir, result) = load_text("[keys]\nnope = [\"q\"]\nquit = [\"bad key\"]\n[theme]\nperson = \"no\"\n");
    let err = result.unwrap_err();
    let lines: Vec<usize> = err.problems().iter().map(|p| p.line).collect();
    assert_eq!(lines, [2, 3, 5]);
    assert_eq!(err.to_string().lines().count(), 3);
}

#[test]
fn a_single_string_is_accepted_for_one_key() {
    let (_dir, result) = load_text("[keys]\nhelp = \"f1\"\n");
    assert_eq!(result.unwrap().keys["help"], [KeySpec::parse("f1").unwrap()]);
}

#[test]
fn an_empty_list_unbinds() {
    let (_dir, result) = load_text("[keys]\nhelp = []\n");
    let config = result.unwrap();
    assert!(config.keys["help"].is_empty());
}

#[test]
fn reference_date_accepts_a_string_or_a_toml_date_and_nothing_else() {
    let (_dir, result) = load_text("reference_date = 2024-02-29\n");
    assert_eq!(result.unwrap().reference_date, NaiveDate::from_ymd_opt(2024, 2, 29));
    let (line, column, message) = one_problem("reference_date = \"2023-02-29\"\n");
    assert_eq!((line, column), (1, 18));
    assert!(message.contains("YYYY-MM-DD"), "{message}");
    assert!(one_problem("reference_date = \"June 1\"\n").2.contains("YYYY-MM-DD"));
    assert!(one_problem("reference_date = 2024-01-01T10:00:00\n").2.contains("without a time"));
    assert!(one_problem("reference_date = 20240101\n").2.contains("integer"));
}

#[test]
fn size_cap_accepts_bytes_or_a_size_string() {
    let (_dir, result) = load_text("size_cap = 1048576\n");
    assert_eq!(result.unwrap().size_cap, Some(1 << 20));
    assert_eq!(parse_size("16MiB"), Ok(16 << 20));
    assert_eq!(parse_size("16 mib"), Ok(16 << 20));
    assert_eq!(parse_size("16M"), Ok(16 << 20));
    assert_eq!(parse_size("500KB"), Ok(500_000));
    assert_eq!(parse_size("2GB"), Ok(2_000_000_000));
    assert_eq!(parse_size("1G"), Ok(1 << 30));
    assert_eq!(parse_size("123"), Ok(123));
    assert_eq!(parse_size("7B"), Ok(7));
    for bad in ["", "MiB", "1.5MiB", "-1", "16 furlongs", "0", "0MiB", "99999999999999999999GiB"] {
        assert!(parse_size(bad).is_err(), "{bad}");
    }
    assert!(one_problem("size_cap = 0\n").2.contains("more than 0"));
    assert!(one_problem("size_cap = -5\n").2.contains("more than 0"));
    assert!(one_problem("size_cap = \"lots\"\n").2.contains("size_cap"));
}

#[test]
fn invalid_utf8_is_reported_at_the_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(CONFIG_FILE_NAME);
    std::fs::write(&path, b"[keys]\nquit = [\"\xff\"]\n").unwrap();
    let err = Config::load(&path, ACTIONS).unwrap_err();
    assert_eq!(err.problems()[0].line, 2);
    assert_eq!(err.problems()[0].column, 10);
    assert!(err.to_string().contains("UTF-8"));
}

#[test]
fn missing_file_is_a_read_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope.toml");
    let err = Config::load(&path, ACTIONS).unwrap_err();
    assert!(matches!(err, ConfigError::Read { .. }));
    assert!(err.to_string().contains("nope.toml"), "{err}");
}

#[test]
fn home_is_shown_as_a_tilde() {
    let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) else {
        return;
    };
    let path = Path::new(&home).join(".config/dossier/config.toml");
    let err = Config::parse(&path, b"colour = 1\n", ACTIONS).unwrap_err();
    assert!(err.to_string().starts_with("~/.config/dossier/config.toml:1:1: unknown field `colour`"), "{err}");
}

#[test]
fn the_file_is_never_written() {
    let (dir, _) = load_text("[keys]\nquit = [\"q\"]\n");
    let path = dir.path().join(CONFIG_FILE_NAME);
    let before = std::fs::read(&path).unwrap();
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    let _ = Config::load(&path, ACTIONS).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), modified);
}

#[test]
fn line_column_is_one_based_and_clamped() {
    assert_eq!(line_column("", 0), (1, 1));
    assert_eq!(line_column("ab\ncd", 3), (2, 1));
    assert_eq!(line_column("ab\ncd", 4), (2, 2));
    assert_eq!(line_column("ab", 99), (1, 3));
    // Inside a multi-byte character: clamped to its start.
    assert_eq!(line_column("é", 1), (1, 1));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    #[test]
    fn parsing_any_bytes_never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200)) {
        let _ = Config::parse(Path::new("c.toml"), &bytes, ACTIONS);
    }

    #[test]
    fn parsing_near_config_text_never_panics(text in r#"(\[(keys|theme)\]\n)?([a-z_]{1,8} = (\[("[a-zA-Z0-9?\-]{0,12}"(, )?){0,3}\]|"[#a-z0-9\-]{0,10}"|[0-9]{1,4})\n){0,4}"#) {
        let _ = Config::parse(Path::new("c.toml"), text.as_bytes(), ACTIONS);
    }
}
