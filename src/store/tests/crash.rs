//! Crash safety: a child process saves in a tight loop and is killed with
//! SIGKILL at random moments; after each kill the file must parse and be
//! exactly one of the states the child wrote.
//!
//! The child is this same test binary, re-run with an environment variable
//! that turns `child_saver_loop` from a no-op into the saving loop.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::*;

const CHILD_ENV: &str = "DOSSIER_STORE_CRASH_CHILD";
const KEY: &str = "crash";

/// In the child: save state n = {read a0..=an, last = (an, n)} for n = 0, 1,
/// 2, ..., continuing from whatever is on disk. A no-op in a normal run.
#[test]
fn child_saver_loop() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let (mut store, warnings) = Store::open_at(PathBuf::from(path));
    assert!(warnings.is_empty(), "{warnings:?}");
    let mut n = store.last(KEY).map_or(0, |l| l.scroll + 1);
    // Bounded in time, in case the parent dies without killing us.
    let stop = Instant::now() + Duration::from_secs(30);
    while Instant::now() < stop {
        let id = format!("a{n}");
        store.set_read(KEY, &id, true);
        store.set_last(KEY, &id, n);
        store.save().expect("save");
        n += 1;
    }
}

/// Check the file is one of the states the child writes; return its n.
fn check_written_state(path: &Path) -> Option<u32> {
    let bytes = std::fs::read(path).ok()?;
    let state = model::parse(&bytes).unwrap_or_else(|why| {
        panic!("torn or bad state file after kill ({why}): {:?}", String::from_utf8_lossy(&bytes))
    });
    let store = Store { path: None, state, pending: Vec::new() };
    let view = store.corpus(KEY);
    let last = view.last.expect("every written state has a last position");
    let n = last.scroll;
    assert_eq!(last.article, format!("a{n}"));
    let expected: std::collections::BTreeSet<String> = (0..=n).map(|i| format!("a{i}")).collect();
    assert_eq!(view.read, expected, "state {n} is not one the child wrote");
    Some(n)
}

/// Kills the child when dropped, so a failing check does not leave it
/// running.
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A small xorshift generator: the kill moments only need to vary.
fn next_random(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

#[test]
fn kill_9_during_saves_never_leaves_a_torn_file() {
    let (dir, path) = temp_state();
    let exe = std::env::current_exe().expect("test binary path");
    let mut seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    let mut last_n = None;
    for _round in 0..20 {
        let child = Command::new(&exe)
            .args(["--exact", "store::tests::crash::child_saver_loop", "--test-threads=1", "--nocapture"])
            .env(CHILD_ENV, &path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn child");
        let mut child = KillOnDrop(child);
        // Let it get going: wait until it has saved at least once this round
        // (on a busy machine start-up can be slow), then kill at a random
        // moment of its loop.
        let deadline = Instant::now() + Duration::from_secs(30);
        while path.exists().then(|| check_written_state(&path)).flatten() <= last_n {
            assert!(Instant::now() < deadline, "the child made no progress");
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_micros(next_random(&mut seed) % 40_000));
        child.0.kill().expect("SIGKILL the child");
        child.0.wait().expect("reap the child");

        let n = check_written_state(&path);
        assert!(n >= last_n, "state went backwards: {last_n:?} -> {n:?}");
        last_n = n;
    }

    // A clean open and save sweeps temp files a killed child left behind.
    let mut store = open_clean(&path);
    store.set_read(KEY, "final", true);
    store.save().unwrap();
    assert_eq!(names_in(dir.path()), ["state.json", "state.json.lock"]);
}
