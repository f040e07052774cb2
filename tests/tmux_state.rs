//! Reading state and config through the real binary in tmux: a restart
//! reopens where the user left off, a remapped key works through the real
//! event loop, and a kill -9 in the middle of saving never tears the file.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

mod common;
use common::tmux;

fn bin() -> String {
    format!("'{}'", env!("CARGO_BIN_EXE_dossier"))
}

/// Waits for a file to exist (the saver writes after the screen is gone).
fn wait_for_file(path: &Path) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Ok(s) = std::fs::read_to_string(path) {
            return s;
        }
        assert!(Instant::now() < deadline, "{} never written", path.display());
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_restart_reopens_the_last_article() {
    let home = tempfile::tempdir().unwrap();
    let cmd = format!("{}; sleep 30", bin());
    let Some(t) = tmux::Tmux::start_in("restart1", &cmd, (120, 40), home.path()) else { return };
    t.wait_for("Articles (2)");
    t.keys(&["j", "Enter"]);
    t.wait_for("┃A monumental project honoring North Korean soldiers who allegedly");
    t.keys(&["j", "j", "j"]);
    t.wait_gone("┃A monumental project honoring");
    t.keys(&["q"]);
    let state = wait_for_file(&home.path().join("data/dossier/state.json"));
    assert!(state.contains("003_02426ad812dd9c00.txt"), "{state}");
    drop(t);

    let Some(t) = tmux::Tmux::start_in("restart2", &cmd, (120, 40), home.path()) else { return };
    let s = t.wait_for("┏ A monumental project");
    assert!(!s.contains("┃A monumental project honoring North Korean soldiers who"), "scrolled as before:\n{s}");
}

#[test]
fn a_remapped_key_works_through_the_event_loop() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config/dossier")).unwrap();
    std::fs::write(home.path().join("config/dossier/config.toml"), "[keys]\nquit = [\"x\"]\nhelp = [\"f1\"]\n")
        .unwrap();
    let cmd = format!("{}; echo EXIT=$?; sleep 30", bin());
    let Some(t) = tmux::Tmux::start_in("remap", &cmd, (120, 40), home.path()) else { return };
    t.wait_for("Articles (2)");
    t.keys(&["q"]);
    t.keys(&["F1"]);
    let s = t.wait_for("Keys (j/k scroll");
    let quit_row = s.lines().find(|l| l.contains("quit (state saved)")).unwrap_or_default();
    assert!(quit_row.contains(" x ") && !quit_row.contains(" q "), "the help shows the keys in force:\n{s}");
    assert!(!s.contains("EXIT="), "q no longer quits");
    t.keys(&["Escape"]);
    t.wait_gone("Keys (j/k scroll");
    t.keys(&["x"]);
    t.wait_for("EXIT=0");
}

#[test]
fn an_invalid_config_exits_2_naming_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(&path, "[theme]\nperson = \"no-such-colour\"\n").unwrap();
    let before = std::fs::read(&path).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_dossier")).args(["list", "--config"]).arg(&path).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("c.toml:2:10"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "the file is never rewritten");
}

/// kill -9 while dossier saves after every keypress: the state file must
/// always parse (old or new, never torn).
#[test]
fn kill_9_during_saves_never_tears_the_state_file() {
    let home = tempfile::tempdir().unwrap();
    let state = home.path().join("data/dossier/state.json");
    let cmd = format!("{}; sleep 30", bin());
    // The saver writes 500 ms after the last change: kill around that
    // moment, a little earlier or later each round.
    for (round, wait_ms) in [420u64, 480, 500, 510, 530, 560, 650].into_iter().enumerate() {
        let Some(t) = tmux::Tmux::start_in(&format!("kill{round}"), &cmd, (100, 30), home.path()) else { return };
        t.wait_for("Articles (2)");
        let pid = tmux::child_pid(&t);
        for _ in 0..5 {
            t.keys(&["m", "j", "b", "k"]);
        }
        std::thread::sleep(Duration::from_millis(wait_ms));
        assert!(Command::new("kill").args(["-9", &pid]).status().unwrap().success());
        std::thread::sleep(Duration::from_millis(100));
        if let Ok(bytes) = std::fs::read(&state) {
            let v: serde_json::Value = serde_json::from_slice(&bytes).expect("the state file parses after kill -9");
            assert!(v.get("version").is_some());
        }
        let names: Vec<String> = std::fs::read_dir(state.parent().unwrap())
            .map(|d| d.filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        assert!(!names.iter().any(|n| n.contains("corrupt")), "nothing was ever torn: {names:?}");
    }
    assert!(state.exists(), "saves happened during the rounds");
}
