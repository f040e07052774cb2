//! Driving the real binary in a private tmux server.

use std::process::Command;
use std::time::{Duration, Instant};

/// A private tmux server running one program, killed on drop. The program
/// gets a home of its own (state and config folders), never the user's.
pub struct Tmux {
    socket: String,
    /// Removed on drop when the test did not bring a home of its own.
    _own_home: Option<tempfile::TempDir>,
}

impl Tmux {
    /// `None` when tmux is missing outside CI (`.ci/run` installs it; in CI
    /// a missing tmux is a failure).
    pub fn start(name: &str, cmd: &str, size: (u16, u16)) -> Option<Tmux> {
        if !have_tmux(name) {
            return None;
        }
        let home = tempfile::tempdir().unwrap();
        let mut t = Tmux::start_in(name, cmd, size, home.path())?;
        t._own_home = Some(home);
        Some(t)
    }

    /// Starts `cmd` with `home` as its home, state and config folders.
    pub fn start_in(name: &str, cmd: &str, size: (u16, u16), home: &std::path::Path) -> Option<Tmux> {
        if !have_tmux(name) {
            return None;
        }
        let t = Tmux { socket: format!("dossier-test-{name}-{}", std::process::id()), _own_home: None };
        let (w, h) = (size.0.to_string(), size.1.to_string());
        let h_ = home.display().to_string();
        let env = [
            "TERM=xterm-256color".to_string(),
            format!("HOME={h_}"),
            format!("XDG_DATA_HOME={h_}/data"),
            format!("XDG_CONFIG_HOME={h_}/config"),
        ];
        let mut args = vec!["new-session", "-d", "-x", &w, "-y", &h];
        for e in &env {
            args.extend(["-e", e]);
        }
        args.extend(["sh", "-c", cmd]);
        let ok = t.cmd(&args).status.success();
        assert!(ok, "tmux started");
        t.cmd(&["set-option", "-g", "remain-on-exit", "on"]);
        Some(t)
    }

    pub fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().unwrap()
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p"]).stdout).into_owned()
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend(keys);
        self.cmd(&args);
    }

    pub fn display(&self, format: &str) -> String {
        String::from_utf8_lossy(&self.cmd(&["display-message", "-p", format]).stdout).trim().to_string()
    }

    /// Waits until the screen shows `text`; panics with the screen if not.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |s| s.contains(text))
    }

    pub fn wait_gone(&self, text: &str) -> String {
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

/// Whether tmux is there (`.ci/run` installs it; in CI its absence fails).
fn have_tmux(name: &str) -> bool {
    if Command::new("tmux").arg("-V").output().is_ok() {
        return true;
    }
    assert!(std::env::var_os("CI").is_none(), "tmux is required in CI");
    eprintln!("tmux not installed: skipping {name}");
    false
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.cmd(&["kill-server"]);
    }
}

pub fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// The pid of the program the pane's shell started.
pub fn child_pid(t: &Tmux) -> String {
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

/// A shell command that runs `program`, then prints its exit code and the
/// terminal's line-discipline modes, then `MODES-DONE`, and waits: so a
/// test can read off the screen how the program left the terminal.
pub fn run_then_report_modes(program: &str) -> String {
    format!(
        "{program}; echo EXIT=$?; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo MODES-DONE; sleep 30"
    )
}

/// After [`run_then_report_modes`]: the program exited with `code` and left
/// the terminal as it found it (cooked mode, main screen, cursor shown).
pub fn assert_restored(t: &Tmux, code: i32) -> String {
    let s = t.wait_for("MODES-DONE");
    assert!(s.contains(&format!("EXIT={code}")), "exit code {code}:\n{s}");
    assert!(s.contains("icanon echo") && !s.contains("-icanon"), "cooked mode is back:\n{s}");
    assert_eq!(t.display("#{alternate_on}"), "0", "the alternate screen was left");
    assert_eq!(t.display("#{cursor_flag}"), "1", "the cursor is visible");
    s
}
