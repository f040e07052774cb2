//! The default locations follow the XDG variables. Environment variables
//! are process-wide, so this runs in a child process (this test binary
//! re-run with the variables set) rather than changing them under the
//! other tests.

use std::process::Command;

use super::*;

const CHILD_ENV: &str = "DOSSIER_XDG_CHILD";

/// In the child: report the default paths. A no-op in a normal run.
#[test]
fn child_print_default_paths() {
    if std::env::var_os(CHILD_ENV).is_none() {
        return;
    }
    let (store, warnings) = Store::open_default();
    assert!(warnings.is_empty(), "{warnings:?}");
    // On lines of their own: the test harness prints its status before.
    println!("\nSTATE={}", store.path().expect("a state path").display());
    let config = crate::config::Config::default_path().expect("a config path");
    println!("CONFIG={}", config.display());
}

fn default_paths(envs: &[(&str, &Path)]) -> (String, String) {
    let output = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "store::tests::xdg::child_print_default_paths", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, "1")
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CONFIG_HOME")
        .envs(envs.iter().copied())
        .output()
        .expect("run child");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    let find = |prefix: &str| {
        stdout
            .lines()
            .find_map(|l| l.split_once(prefix).map(|(_, rest)| rest))
            .unwrap_or_else(|| panic!("no {prefix} in {stdout}"))
            .to_owned()
    };
    (find("STATE="), find("CONFIG="))
}

#[test]
fn default_paths_honour_xdg_variables_and_fall_back_to_home() {
    let home = tempfile::tempdir().unwrap();
    let xdg = tempfile::tempdir().unwrap();
    let data = xdg.path().join("data");
    let conf = xdg.path().join("conf");
    let (state, config) = default_paths(&[("HOME", home.path()), ("XDG_DATA_HOME", &data), ("XDG_CONFIG_HOME", &conf)]);
    assert_eq!(state, data.join("dossier/state.json").display().to_string());
    assert_eq!(config, conf.join("dossier/config.toml").display().to_string());

    // Unset, or relative (which the XDG spec says to ignore): under HOME.
    let (state, config) = default_paths(&[("HOME", home.path()), ("XDG_DATA_HOME", Path::new("relative/data"))]);
    let home = home.path();
    assert_eq!(state, home.join(".local/share/dossier/state.json").display().to_string());
    assert_eq!(config, home.join(".config/dossier/config.toml").display().to_string());
}
