//! The real binary in a real terminal (tmux): open an article, show help,
//! quit, and check the terminal was given back (alternate screen left,
//! cooked mode restored).

mod common;
use common::tmux::{Tmux, assert_restored, child_pid, run_then_report_modes, shell_quote};
use std::process::Command;
use std::time::Duration;

#[test]
fn open_an_article_show_help_quit_and_the_terminal_is_restored() {
    let bin = shell_quote(env!("CARGO_BIN_EXE_dossier"));
    // After dossier exits, the shell prints its exit code and the terminal
    // modes, so the test can read them off the same screen.
    let cmd = run_then_report_modes(&bin);
    let Some(t) = Tmux::start("basic", &cmd, (120, 40)) else { return };
    t.wait_for("Articles (2)");
    assert_eq!(t.display("#{alternate_on}"), "1", "dossier runs on the alternate screen");
    t.keys(&["Enter"]);
    let s = t.wait_for("Putin extended his congratulations");
    assert!(s.contains("PERSON PLACE ORG DATE"), "the legend shows:\n{s}");
    t.keys(&["?"]);
    t.wait_for("Keys (j/k scroll");
    // Esc then q at once would read as Alt-q: let the Esc land first.
    t.keys(&["Escape"]);
    t.wait_gone("Keys (j/k scroll");
    t.keys(&["q"]);
    assert_restored(&t, 0);
}

fn signal_restores_the_terminal(name: &str, signal: &str, code: i32) {
    let bin = shell_quote(env!("CARGO_BIN_EXE_dossier"));
    let cmd = run_then_report_modes(&bin);
    let Some(t) = Tmux::start(name, &cmd, (100, 30)) else { return };
    t.wait_for("Articles (2)");
    let pid = child_pid(&t);
    assert!(Command::new("kill").args([&format!("-{signal}"), &pid]).status().unwrap().success());
    assert_restored(&t, code);
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    signal_restores_the_terminal("term", "TERM", 143);
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    signal_restores_the_terminal("hup", "HUP", 129);
}

#[test]
fn ctrl_z_suspends_and_fg_redraws_everything() {
    let bin = shell_quote(env!("CARGO_BIN_EXE_dossier"));
    let Some(t) = Tmux::start("suspend", "PS1='$ ' bash --norc --noprofile -i", (100, 30)) else { return };
    t.wait_for("$");
    t.keys(&[&bin, "Enter"]);
    t.wait_for("Articles (2)");
    t.keys(&["C-z"]);
    let s = t.wait_for("Stopped");
    assert!(!s.contains("Articles (2)"), "the shell has the screen back:\n{s}");
    assert_eq!(t.display("#{alternate_on}"), "0");
    t.keys(&["fg", "Enter"]);
    // Without a key press, the whole screen comes back.
    let s = t.wait_for("Articles (2)");
    assert!(s.contains("Timeline") && s.contains("Reader"), "{s}");
    t.keys(&["q"]);
    t.wait_gone("Articles (2)");
    t.keys(&["echo EXIT=$?", "Enter"]);
    t.wait_for("EXIT=0");
}

#[test]
// The hook that panics on request is compiled into debug builds only.
#[cfg_attr(not(debug_assertions), ignore = "needs the debug-build panic hook (DOSSIER_DEBUG_PANIC_IN_DRAW)")]
fn a_panic_inside_drawing_restores_the_terminal_and_prints_the_message() {
    let bin = shell_quote(env!("CARGO_BIN_EXE_dossier"));
    let cmd = run_then_report_modes(&format!("RUST_BACKTRACE=0 DOSSIER_DEBUG_PANIC_IN_DRAW=1 {bin}"));
    let Some(t) = Tmux::start("panic", &cmd, (100, 30)) else { return };
    let s = assert_restored(&t, 101);
    assert!(s.contains("debug panic inside drawing"), "the message is printed:\n{s}");
}

#[test]
fn resizing_to_1x1_and_back_mid_search_keeps_working() {
    let bin = shell_quote(env!("CARGO_BIN_EXE_dossier"));
    let cmd = format!("{bin}; echo EXIT=$?; sleep 30");
    let Some(t) = Tmux::start("resize", &cmd, (120, 40)) else { return };
    t.wait_for("Articles (2)");
    t.keys(&["/", "k", "u", "r"]);
    t.wait_for("/kur");
    for (w, h) in [(1, 1), (120, 40), (3, 2), (80, 24), (1, 1), (200, 60)] {
        t.cmd(&["resize-window", "-x", &w.to_string(), "-y", &h.to_string()]);
        std::thread::sleep(Duration::from_millis(60));
    }
    t.keys(&["s", "k"]);
    let s = t.wait_for("/kursk");
    assert!(s.contains("2 of 2"), "the search still runs after the resizes:\n{s}");
    t.keys(&["Enter"]);
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn jump_from_a_timeline_event_into_its_article() {
    let bin = shell_quote(env!("CARGO_BIN_EXE_dossier"));
    let cmd = format!("{bin} --reference-date 2026-01-02; echo EXIT=$?; sleep 30");
    // Small enough that the event's sentence is below the first screen.
    let Some(t) = Tmux::start("timeline", &cmd, (80, 16)) else { return };
    t.wait_for("Articles (2)");
    t.keys(&["3"]);
    t.wait_for("Timeline (3)");
    // The second event is December 4 (2025-12-04); open it.
    t.keys(&["j", "Enter"]);
    let s = t.wait_for("On December 4, Kursk Governor");
    assert!(s.contains("2 Reader"), "the reader has focus:\n{s}");
    assert!(!s.contains("┃In a rare and publicly shared"), "scrolled down to the sentence:\n{s}");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}
