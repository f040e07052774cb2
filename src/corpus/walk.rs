//! Finding the files of a corpus and reading them without trusting them:
//! no symlink is followed inside a folder (so no loop can hang the walk),
//! nothing but regular files is opened, and no read goes past the size cap.

use super::Skip;
use super::formats::Format;
use std::fs;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

pub const DEFAULT_SIZE_CAP: u64 = 16 * 1024 * 1024;
/// A NUL byte in this much of the head of a file marks it as binary.
const BINARY_SNIFF: usize = 8 * 1024;

/// A file to load.
#[derive(Clone, Debug)]
pub struct FileJob {
    pub path: PathBuf,
    /// How the user sees it (sanitised).
    pub display: String,
    /// The path relative to the PATH the user gave: the default article id.
    pub id_base: String,
    pub format: Format,
    pub file_no: u32,
}

/// Walks every PATH in order (folders recursively, entries sorted by name,
/// hidden ones skipped) and lists the files to load.
pub fn discover(paths: &[PathBuf], skips: &mut Vec<Skip>) -> Vec<FileJob> {
    let mut jobs = Vec::new();
    for root in paths {
        let display = super::sanitize::line(&root.display().to_string());
        // The user named this path, so a symlink here is followed once.
        match fs::metadata(root) {
            Ok(m) if m.is_dir() => walk_dir(root, root, &mut jobs, skips),
            Ok(m) if m.is_file() => {
                let name = root.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                // A file named explicitly loads even with an unknown extension, as text.
                let format = Format::of(&name).unwrap_or(Format::Text);
                push(&mut jobs, root.clone(), display, super::sanitize::line(&name), format);
            }
            Ok(m) => skips.push(Skip { location: display, reason: not_regular(&m.file_type()).into() }),
            Err(e) => skips.push(Skip { location: display, reason: io_reason(&e) }),
        }
    }
    jobs
}

fn push(jobs: &mut Vec<FileJob>, path: PathBuf, display: String, id_base: String, format: Format) {
    let file_no = jobs.len() as u32;
    jobs.push(FileJob { path, display, id_base, format, file_no });
}

fn walk_dir(root: &Path, dir: &Path, jobs: &mut Vec<FileJob>, skips: &mut Vec<Skip>) {
    let show = |p: &Path| super::sanitize::line(&p.display().to_string());
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            return skips.push(Skip { location: show(dir), reason: io_reason(&e) });
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        // DirEntry::file_type does not follow symlinks.
        let Ok(ft) = entry.file_type() else { continue };
        if ft.is_symlink() {
            // Never followed, so a link to a parent folder cannot loop.
            skips.push(Skip { location: show(&path), reason: "symbolic link not followed".into() });
        } else if ft.is_dir() {
            walk_dir(root, &path, jobs, skips);
        } else if let Some(format) = Format::of(&name) {
            if ft.is_file() {
                let rel = path.strip_prefix(root).unwrap_or(&path);
                push(jobs, path.clone(), show(&path), show(rel), format);
            } else {
                skips.push(Skip { location: show(&path), reason: not_regular(&ft).into() });
            }
        }
    }
}

fn not_regular(ft: &fs::FileType) -> &'static str {
    if ft.is_fifo() {
        "a FIFO, not a regular file"
    } else if ft.is_socket() {
        "a socket, not a regular file"
    } else if ft.is_block_device() || ft.is_char_device() {
        "a device, not a regular file"
    } else {
        "not a regular file"
    }
}

pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Reads a file as untrusted input: opened non-blocking (a FIFO swapped in
/// after the walk cannot hang the read), checked to be a regular file under
/// the cap, and sniffed for binary content.
pub fn read_file(path: &Path, size_cap: u64) -> Result<Vec<u8>, String> {
    let file = fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW).open(path).map_err(
        |e| match e.raw_os_error() {
            Some(libc::ELOOP) => "symbolic link not followed".to_string(),
            _ => io_reason(&e),
        },
    )?;
    let meta = file.metadata().map_err(|e| io_reason(&e))?;
    if !meta.is_file() {
        return Err(not_regular(&meta.file_type()).into());
    }
    if meta.len() > size_cap {
        return Err(format!("{} is over the size cap of {}", human(meta.len()), human(size_cap)));
    }
    // Read no further than the size just found (bytes appended since are
    // left out): the `Take` then reports the end itself, which saves
    // `read_to_end` a last system call per file to find it, a visible share
    // of loading 100,000 small files. A size of 0 may be a file that does
    // not know its size (procfs): that one is read to the end, never past
    // the cap.
    let limit = if meta.len() > 0 { meta.len() } else { size_cap + 1 };
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    (&file).take(limit).read_to_end(&mut bytes).map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > size_cap {
        return Err(format!("over the size cap of {}", human(size_cap)));
    }
    if memchr::memchr(0, &bytes[..bytes.len().min(BINARY_SNIFF)]).is_some() {
        return Err("binary file (NUL byte), skipped".into());
    }
    Ok(bytes)
}

pub fn human(bytes: u64) -> String {
    const MIB: f64 = 1024.0 * 1024.0;
    if bytes >= 1024 * 1024 {
        format!("{:.1} MiB", bytes as f64 / MIB)
    } else if bytes < 1024 {
        format!("{bytes} bytes")
    } else {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    }
}
