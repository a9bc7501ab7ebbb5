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
pub fn lock_exclusive(path: &Path, timeout: Duration, what: &str) -> Result<FileLock> {
    let file = open_lock_file(path)?;
    let start = Instant::now();
    let mut pause = Duration::from_millis(1);
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(FileLock { _file: file, path: path.to_path_buf() }),
            Err(std::fs::TryLockError::WouldBlock) => {
                if start.elapsed() >= timeout {
                    return Err(Error::Conflict(format!(
                        "{} is locked by another process (waited {} ms for {})",
                        what,
                        timeout.as_millis(),
                        path.display()
                    )));
                }
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(20));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io("lock", path, e)),
        }
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
        assert!(matches!(err, Error::Conflict(_)), "{err}");
        drop(held);
        assert!(!is_held(&p).unwrap());
        lock_exclusive(&p, Duration::from_millis(30), "thing").unwrap();
    }
}
