//! File locks: advisory, flock-style, through std's `File::lock` family. A lock lives as long as
//! its `File`; the kernel drops it when the process dies, even by SIGKILL, which is what makes a
//! held lock a liveness signal.
//!
//! Writers wait with a bounded timeout and get [`Error::Conflict`] when it runs out.

use crate::error::{Error, Result};
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// An exclusive lock on a lock file, released on drop.
#[derive(Debug)]
pub struct FileLock {
    _file: File,
    path: PathBuf,
}

impl FileLock {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn open_lock_file(path: &Path) -> Result<File> {
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(|e| Error::io("open lock file", path, e))
}

/// Takes the exclusive lock on `path`, waiting up to `timeout`. `what` names the thing locked in
/// the error ("partition orders-0").
///
/// A lock file may be unlinked by its holder (a deleted group's `group.lock`) while others wait
/// on it. Whoever then gets the lock on the unlinked file would hold it alongside a newcomer
/// that created a fresh file at the path, so after locking, the file is checked to still be the
/// one at `path`; if not, the lock is dropped and taken again on the file that is there now.
pub fn lock_exclusive(path: &Path, timeout: Duration, what: &str) -> Result<FileLock> {
    let mut file = open_lock_file(path)?;
    let start = Instant::now();
    let mut pause = Duration::from_millis(1);
    loop {
        match file.try_lock() {
            Ok(()) => {
                if is_at_path(&file, path) {
                    return Ok(FileLock { _file: file, path: path.to_path_buf() });
                }
                // Unlinked or replaced while we waited: lock what is at the path now.
                drop(file);
                file = open_lock_file(path)?;
                continue;
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                if start.elapsed() >= timeout {
                    return Err(Error::Locked {
                        what: what.to_string(),
                        path: path.to_path_buf(),
                        waited_ms: timeout.as_millis(),
                    });
                }
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(20));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io("lock", path, e)),
        }
    }
}

/// Whether `file` is still the file at `path` (same device and inode).
fn is_at_path(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// True when some live process holds `path`'s lock. A missing file is not held.
pub fn is_held(path: &Path) -> Result<bool> {
    let file = match OpenOptions::new().write(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(Error::io("open lock file", path, e)),
    };
    match file.try_lock() {
        Ok(()) => Ok(false),
        Err(std::fs::TryLockError::WouldBlock) => Ok(true),
        Err(std::fs::TryLockError::Error(e)) => Err(Error::io("probe lock", path, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_locker_times_out_with_conflict() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.lock");
        let held = lock_exclusive(&p, Duration::from_secs(1), "thing").unwrap();
        assert!(is_held(&p).unwrap());
        let err = lock_exclusive(&p, Duration::from_millis(30), "thing").unwrap_err();
        assert!(matches!(err, Error::Locked { .. }), "{err}");
        assert!(err.to_string().starts_with("thing is locked by another process (waited 30 ms for "), "{err}");
        drop(held);
        assert!(!is_held(&p).unwrap());
        lock_exclusive(&p, Duration::from_millis(30), "thing").unwrap();
    }

    /// The race `group delete` made: A holds the lock and unlinks the file, B waits on the old
    /// file, C creates a fresh one. B must not hold a lock while C holds one.
    #[test]
    fn a_waiter_on_an_unlinked_lock_file_locks_the_new_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("group.lock");
        let a = lock_exclusive(&p, Duration::from_secs(1), "group").unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let waiter_path = p.clone();
        let b = std::thread::spawn(move || {
            let got = lock_exclusive(&waiter_path, Duration::from_secs(5), "group").unwrap();
            tx.send(()).unwrap();
            got
        });
        // Give B time to open the old file and start waiting on it.
        std::thread::sleep(Duration::from_millis(100));
        std::fs::remove_file(&p).unwrap();
        drop(a);
        let c = lock_exclusive(&p, Duration::from_secs(1), "group").unwrap();
        // B got the old file's lock, noticed it was unlinked and now waits for C's file.
        assert!(
            rx.recv_timeout(Duration::from_millis(300)).is_err(),
            "two holders: the waiter locked the unlinked file while a newcomer held the new one"
        );
        drop(c);
        rx.recv_timeout(Duration::from_secs(5)).expect("B gets the lock once C releases it");
        let held = b.join().unwrap();
        assert!(is_at_path(&held._file, &p));
    }
}
