//! File helpers with durability in mind: replace-by-rename (temporary file, fsync, rename,
//! fsync the directory), positioned reads, and directory syncs.

pub mod powercut;

use crate::error::{Error, Result};
use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::os::unix::fs::FileExt;
use std::path::Path;

/// Linux's limit on one file name, in bytes.
pub const FILE_NAME_BYTES_MAX: usize = 255;

/// `stem + suffix`, shortened when it would not fit in a file name: the stem is cut to 200 bytes
/// and a CRC-32 of the whole stem is added, so different long stems still get different names.
pub fn fit_file_name(stem: &str, suffix: &str) -> String {
    if stem.len() + suffix.len() <= FILE_NAME_BYTES_MAX {
        return format!("{}{}", stem, suffix);
    }
    let mut cut = 200.min(stem.len());
    while !stem.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}~{:08x}{}", &stem[..cut], crc32fast::hash(stem.as_bytes()), suffix)
}

/// The text of a file the user names as input (a JSON plan, an offsets file), or klog's error
/// naming it.
pub fn read_input(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| Error::io("read", path, e))
}

/// Fsyncs a directory so that renames and creations in it are durable. Every fsync klog does
/// goes through this function, [`sync_data`] or [`sync_all`]: each is a sync point of
/// [`powercut`].
pub fn sync_dir(dir: &Path) -> Result<()> {
    let d = File::open(dir).map_err(|e| Error::io("open directory", dir, e))?;
    powercut::before_dir_sync(dir);
    d.sync_all().map_err(|e| Error::io("fsync directory", dir, e))
}

/// Fsyncs a file's data and what is needed to read it back (fdatasync).
pub fn sync_data(file: &File, path: &Path) -> Result<()> {
    powercut::before_file_sync(file);
    file.sync_data().map_err(|e| Error::io("fsync", path, e))
}

/// Fsyncs a file's data and all its metadata (fsync).
pub fn sync_all(file: &File, path: &Path) -> Result<()> {
    powercut::before_file_sync(file);
    file.sync_all().map_err(|e| Error::io("fsync", path, e))
}

/// Fsyncs the data of an existing file (one written earlier, perhaps by another process).
/// A missing file is not an error: there is nothing of it to make durable.
pub fn sync_existing_file(path: &Path) -> Result<()> {
    match File::open(path) {
        Ok(f) => sync_data(&f, path),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io("open", path, e)),
    }
}

/// Creates directory `dir` and any missing parents, and makes every directory it created
/// durable in its parent (fsyncs each new directory's parent, top down), so that nothing written
/// inside it later is acknowledged under a name a power loss could forget. Every directory klog
/// creates goes through here.
pub fn create_dir_durable(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut missing = Vec::new();
    let mut cur = Some(dir);
    while let Some(d) = cur.filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
        missing.push(d);
        cur = d.parent();
    }
    fs::create_dir_all(dir).map_err(|e| Error::io("create directory", dir, e))?;
    for d in missing.iter().rev() {
        let parent = d.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        sync_dir(parent)?;
    }
    Ok(())
}

/// Replaces `path` with `contents` atomically: writes `<path>.tmp`, fsyncs it, renames it over
/// `path`, and fsyncs the directory. A crash leaves either the old or the new content.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp_path = path.with_file_name(fit_file_name(&name, ".tmp"));
    let tmp = tmp_path.as_path();
    let mut f = File::create(tmp).map_err(|e| Error::io("create", tmp, e))?;
    f.write_all(contents).map_err(|e| Error::io("write", tmp, e))?;
    sync_all(&f, tmp)?;
    drop(f);
    fs::rename(tmp, path).map_err(|e| Error::io("rename into place", path, e))?;
    if let Some(dir) = path.parent() {
        sync_dir(dir)?;
    }
    Ok(())
}

/// Reads exactly `buf.len()` bytes at `pos`, or fewer if the file ends first; returns the count.
pub fn read_at_most(file: &File, path: &Path, pos: u64, buf: &mut [u8]) -> Result<usize> {
    let mut done = 0;
    while done < buf.len() {
        match file.read_at(&mut buf[done..], pos + done as u64) {
            Ok(0) => break,
            Ok(n) => done += n,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::io("read", path, e)),
        }
    }
    Ok(done)
}

/// Opens a file for appending, creating it if missing.
pub fn open_append(path: &Path) -> Result<File> {
    OpenOptions::new()
        .create(true)
        .append(true)
        .read(true)
        .open(path)
        .map_err(|e| Error::io("open for writing", path, e))
}

/// A file's modification time in ms since the epoch (0 when the file system has none).
pub fn modified_ms(m: &fs::Metadata) -> i64 {
    m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_millis() as i64)
}

/// Length of a file.
pub fn file_len(file: &File, path: &Path) -> Result<u64> {
    file.metadata().map(|m| m.len()).map_err(|e| Error::io("stat", path, e))
}
