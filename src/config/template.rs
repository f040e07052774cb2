//! The default config, printed as a commented file for users to start from
//! (e.g. `dossier --print-config > ~/.config/dossier/config.toml`).

use std::fmt::Write;

use super::theme::{THEME_ENTRIES, Theme, color_to_config};
use super::{KeySpec, NAMED_KEYS};

/// One action as the app defines it: its name in the config, its default
/// keys (key specs, see [`KeySpec`]), and a line of help for the help
/// overlay and the default config file.
#[derive(Clone, Copy, Debug)]
pub struct ActionInfo<'a> {
    pub name: &'a str,
    pub keys: &'a [&'a str],
    pub help: &'a str,
}

/// The defaults as a TOML file: every action with its keys and its help as a
/// comment, the theme colours, and `reference_date` and `size_cap`
/// commented out (they have no default value). Loading the result with
/// [`super::Config::load`] gives the defaults back.
pub fn default_config_toml(actions: &[ActionInfo]) -> String {
    let mut out = String::new();
    let names: Vec<&str> = NAMED_KEYS.iter().map(|(n, _)| *n).collect();
    // Writing to a String cannot fail.
    let _ = write!(
        out,
        "\
# dossier configuration.
#
# Put this file at ~/.config/dossier/config.toml (or pass --config FILE).
# Every setting is optional; delete what you do not change. Unknown settings
# are errors, reported with their line and column.

# Fallback date for articles that carry none (\"YYYY-MM-DD\"); relative
# dates such as \"last Friday\" are resolved against it.
# reference_date = \"2025-01-01\"

# Skip corpus files larger than this: bytes, or a size like \"16MiB\", \"500KB\".
# size_cap = \"16MiB\"

# Keys: action = [key specs]. An entry replaces that action's default keys;
# actions left out keep theirs; [] unbinds an action.
# A key spec is optional ctrl-, alt-, shift- then one character (\"G\" is
# shift-g) or a named key:
#   {}
#   {}, f1..f12.
[keys]
",
        names[..names.len() / 2].join(", "),
        names[names.len() / 2..].join(", "),
    );
    for action in actions {
        for line in action.help.lines() {
            let _ = writeln!(out, "# {line}");
        }
        let keys: Vec<String> = action
            .keys
            .iter()
            .map(|spec| {
                // Canonical form when the spec parses; as given otherwise,
                // so the error shows up when the file is loaded.
                let text = KeySpec::parse(spec).map_or_else(|_| spec.to_string(), |k| k.to_string());
                toml_string(&text)
            })
            .collect();
        let _ = writeln!(out, "{} = [{}]", toml_key(action.name), keys.join(", "));
    }
    let _ = write!(
        out,
        "
# Colours: a name (black, red, green, yellow, blue, magenta, cyan, gray,
# darkgray, lightred, lightgreen, lightyellow, lightblue, lightmagenta,
# lightcyan, white, reset), an index 0-255, or \"#rrggbb\".
[theme]
"
    );
    let theme = Theme::default();
    for (entry, about) in THEME_ENTRIES {
        let color = theme.get(entry).expect("every theme entry has a colour");
        let _ = writeln!(out, "# {about}\n{entry} = {}", toml_string(&color_to_config(color)));
    }
    out
}

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// A bare key when TOML allows it, quoted otherwise.
fn toml_key(name: &str) -> String {
    let bare = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if bare { name.to_owned() } else { toml_string(name) }
}
