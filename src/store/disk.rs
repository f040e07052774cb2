//! File system side of the store: the lock, atomic replacement, and moving a
//! bad file aside.
//!
//! Crash safety comes from the write pattern alone: the new state is written
//! to a temporary file in the same folder, fsynced, renamed over
//! `state.json` (an atomic replace on POSIX file systems), and the folder is
//! fsynced so the rename itself is durable. A kill at any moment leaves the
//! old file or the new one. The lock is only about concurrent savers: see
//! [`StateLock`].

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// What reading the state file gave.
pub enum ReadOutcome {
    Missing,
    Bytes(Vec<u8>),
}

pub fn read_state(path: &Path) -> io::Result<ReadOutcome> {
    match fs::read(path) {
        Ok(bytes) => Ok(ReadOutcome::Bytes(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(ReadOutcome::Missing),
        Err(e) => Err(e),
    }
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// The prefix of temporary files, `state.json.tmp-`.
fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    format!("{name}.tmp-")
}

/// Rename a bad state file to `state.json.corrupt-<unix seconds>` (with a
/// `.N` suffix if that name is taken) and return the new path. Renaming keeps
/// the evidence for the user; nothing is deleted.
pub fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    let base = format!(".corrupt-{secs}");
    for n in 0..1000 {
        let suffix = if n == 0 { base.clone() } else { format!("{base}.{n}") };
        let aside = sibling(path, &suffix);
        // Not atomic with the rename, but only lock holders move files aside.
        if aside.exists() {
            continue;
        }
        fs::rename(path, &aside)?;
        sync_dir(path.parent().unwrap_or(Path::new(".")))?;
        return Ok(aside);
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, "too many moved-aside state files with this time stamp"))
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Replace `path` with `bytes` atomically and durably.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let temp = dir.join(format!("{}{}-{}", temp_prefix(path), std::process::id(), n));
    let result = (|| {
        let mut file = private_file_options().create_new(true).open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, path)?;
        sync_dir(dir)
    })();
    if result.is_err() {
        // Best effort: a temp file we fail to remove is swept by the next
        // save (see `remove_stale_temps`).
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Remove temporary files left by a saver that was killed mid-write. Only
/// called with the lock held: any temp file present then belongs to a dead
/// or finished writer, as live writers hold the lock while theirs exists.
pub fn remove_stale_temps(path: &Path) {
    let dir = path.parent().unwrap_or(Path::new("."));
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The state file holds read habits; keep it to the user.
fn private_file_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Make a rename durable: on POSIX the directory entry lives in the folder,
/// which needs its own fsync.
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// An exclusive advisory lock on `state.json.lock`, held for the whole
/// read-merge-write of a save.
///
/// Why a lock when writes are atomic: atomic rename prevents torn files but
/// not lost updates. Without it, A and B both read the file, both merge, and
/// the second rename drops whatever the first added. `flock` is released by
/// the kernel when the holder dies, so a kill -9 never leaves a stale lock,
/// unlike a lock made by creating a file. The lock file itself stays in the
/// folder: deleting it would let two processes lock two different inodes.
pub struct StateLock {
    _file: File,
}

/// How long a save waits for another process's save before giving up. Saves
/// take milliseconds; a longer wait means a hung process.
const LOCK_TIMEOUT: Duration = Duration::from_secs(5);

impl StateLock {
    pub fn acquire(state_path: &Path) -> io::Result<StateLock> {
        let lock_path = sibling(state_path, ".lock");
        let file = private_file_options().create(true).truncate(false).open(&lock_path)?;
        lock_exclusive(&file, LOCK_TIMEOUT)
            .map_err(|e| io::Error::new(e.kind(), format!("cannot lock {}: {e}", lock_path.display())))?;
        Ok(StateLock { _file: file })
    }
}

#[cfg(unix)]
fn lock_exclusive(file: &File, timeout: Duration) -> io::Result<()> {
    use std::os::unix::io::AsRawFd;
    let start = std::time::Instant::now();
    loop {
        // SAFETY: flock on a file descriptor we own; no memory is involved.
        let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
        if rc == 0 {
            return Ok(());
        }
        let err = io::Error::last_os_error();
        match err.raw_os_error() {
            Some(libc::EWOULDBLOCK) | Some(libc::EINTR) => {}
            _ => return Err(err),
        }
        if start.elapsed() >= timeout {
            return Err(io::Error::new(io::ErrorKind::WouldBlock, "another dossier process holds the lock"));
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    // The lock is released when the file is closed (dropped).
}

#[cfg(not(unix))]
fn lock_exclusive(_file: &File, _timeout: Duration) -> io::Result<()> {
    // No advisory lock here: saves still merge with the file on disk, so
    // concurrent processes lose at most a save that raced exactly.
    Ok(())
}
