//! The real binary in a real terminal (tmux): open an article, show help,
//! quit, and check the terminal was given back (alternate screen left,
//! cooked mode restored).

use std::process::Command;
use std::time::{Duration, Instant};

/// A private tmux server running one program, killed on drop.
struct Tmux {
    socket: String,
}

impl Tmux {
    /// `None` when tmux is missing outside CI (`.ci/run` installs it; in CI
    /// a missing tmux is a failure).
    fn start(name: &str, cmd: &str, size: (u16, u16)) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(std::env::var_os("CI").is_none(), "tmux is required in CI");
            eprintln!("tmux not installed: skipping {name}");
            return None;
        }
        let t = Tmux { socket: format!("dossier-test-{name}-{}", std::process::id()) };
        let (w, h) = (size.0.to_string(), size.1.to_string());
        let ok = t
            .cmd(&["new-session", "-d", "-x", &w, "-y", &h, "-e", "TERM=xterm-256color", "sh", "-c", cmd])
            .status
            .success();
        assert!(ok, "tmux started");
        t.cmd(&["set-option", "-g", "remain-on-exit", "on"]);
        Some(t)
    }

    fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().unwrap()
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p"]).stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend(keys);
        self.cmd(&args);
    }

    fn display(&self, format: &str) -> String {
        String::from_utf8_lossy(&self.cmd(&["display-message", "-p", format]).stdout).trim().to_string()
    }

    /// Waits until the screen shows `text`; panics with the screen if not.
    fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |s| s.contains(text))
    }

    fn wait_gone(&self, text: &str) -> String {
        self.wait_until(text, |s| !s.contains(text))
    }

    fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let s = self.screen();
            if done(&s) {
                return s;
            }
            assert!(Instant::now() < deadline, "timed out waiting on {what:?}; screen:\n{s}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.cmd(&["kill-server"]);
    }
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

#[test]
fn open_an_article_show_help_quit_and_the_terminal_is_restored() {
    let bin = shell_quote(env!("CARGO_BIN_EXE_dossier"));
    // After dossier exits, the shell prints its exit code and the terminal
    // modes, so the test can read them off the same screen.
    let cmd = format!(
        "{bin}; echo EXIT=$?; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo MODES-DONE; sleep 30"
    );
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
    let s = t.wait_for("MODES-DONE");
    assert!(s.contains("EXIT=0"), "{s}");
    assert!(s.contains("icanon echo"), "cooked mode is back:\n{s}");
    assert!(!s.contains("-icanon"), "{s}");
    assert_eq!(t.display("#{alternate_on}"), "0", "the alternate screen was left");
    assert_eq!(t.display("#{cursor_flag}"), "1", "the cursor is visible");
}

/// The pid of the program the pane's shell started.
fn child_pid(t: &Tmux) -> String {
    let shell = t.display("#{pane_pid}");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let out = Command::new("pgrep").args(["-P", &shell]).output().unwrap();
        let pid = String::from_utf8_lossy(&out.stdout).lines().next().map(str::to_string);
        if let Some(pid) = pid {
            return pid;
        }
        assert!(Instant::now() < deadline, "no child of {shell}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn signal_restores_the_terminal(name: &str, signal: &str, code: i32) {
    let bin = shell_quote(env!("CARGO_BIN_EXE_dossier"));
    let cmd = format!(
        "{bin}; echo EXIT=$?; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo MODES-DONE; sleep 30"
    );
    let Some(t) = Tmux::start(name, &cmd, (100, 30)) else { return };
    t.wait_for("Articles (2)");
    let pid = child_pid(&t);
    assert!(Command::new("kill").args([&format!("-{signal}"), &pid]).status().unwrap().success());
    let s = t.wait_for("MODES-DONE");
    assert!(s.contains(&format!("EXIT={code}")), "{s}");
    assert!(s.contains("icanon echo") && !s.contains("-icanon"), "cooked mode is back:\n{s}");
    assert_eq!(t.display("#{alternate_on}"), "0", "the alternate screen was left");
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
