//! A power cut at a chosen sync point, for deterministic crash tests of the real binary.
//!
//! Every fsync klog does goes through [`super`] ([`super::sync_data`], [`super::sync_all`],
//! [`super::sync_dir`]), and each is a sync point. With `KLOG_POWERCUT=N:ROOT` in the
//! environment, the process keeps a model of what the disk holds durably under `ROOT`, and at the
//! N-th sync point (counting from 1, before that sync happens) it rewrites `ROOT` to the model and
//! exits at once with status [`EXIT_CODE`], as a machine that lost power there would come back:
//!
//! - a file's data is what it held at its last fsync (by inode and birth time, so renames carry
//!   it and a reused inode number does not), or what it held when the process started; a file
//!   created since and never synced comes back empty;
//! - a directory's entries are those it had at its last fsync, or at the start; an entry added
//!   since and not synced into its directory is gone (with everything under it), and an entry
//!   removed or renamed away since comes back.
//!
//! So it forgets unsynced data and unsynced directory entries, which a FUSE file system that
//! drops unsynced writes cannot do for directory entries. Without the variable nothing of this
//! runs: a sync point costs one check of a once-initialised static.

use std::collections::HashMap;
use std::ffi::OsString;
use std::fs::{self, File};
use std::os::unix::fs::{FileExt, MetadataExt};
use std::os::unix::io::AsRawFd;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// The exit status of a process that a power cut stopped.
pub const EXIT_CODE: i32 = 86;

/// A file's identity: device, inode number, and the inode's generation (ext4, xfs, btrfs) or
/// birth time (where there is no generation), since an inode number freed by a deletion is soon
/// given to a new file, which must not inherit the old one's durable data.
type Inode = (u64, u64, u128);

#[derive(Clone)]
enum Entry {
    File(Inode),
    Dir(Inode),
}

struct Model {
    root: PathBuf,
    /// The sync point to cut at.
    at: u64,
    seen: u64,
    /// Durable file contents, by inode.
    files: HashMap<Inode, Vec<u8>>,
    /// Durable directory entries, by the directory's inode.
    dirs: HashMap<Inode, Vec<(OsString, Entry)>>,
}

static MODEL: OnceLock<Option<Mutex<Model>>> = OnceLock::new();

fn model() -> Option<&'static Mutex<Model>> {
    MODEL
        .get_or_init(|| {
            let spec = std::env::var("KLOG_POWERCUT").ok()?;
            let (n, root) = spec.split_once(':')?;
            let at = n.parse().ok()?;
            let root = PathBuf::from(root);
            let mut m = Model { root: root.clone(), at, seen: 0, files: HashMap::new(), dirs: HashMap::new() };
            m.snapshot_tree(&root);
            Some(Mutex::new(m))
        })
        .as_ref()
}

fn inode(m: &fs::Metadata, f: Option<&File>) -> Inode {
    let mut generation: libc::c_long = 0;
    // SAFETY: FS_IOC_GETVERSION writes one c_long through the pointer, which outlives the call;
    // the descriptor is open for the duration. A failure leaves `generation` at 0.
    let have_generation =
        f.is_some_and(|f| unsafe { libc::ioctl(f.as_raw_fd(), libc::FS_IOC_GETVERSION, &mut generation) } == 0);
    let tag = if have_generation {
        generation as u64 as u128
    } else {
        m.created().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos())
    };
    (m.dev(), m.ino(), tag)
}

/// The identity of the file or directory at `path` (not following a symlink), if it is one.
fn inode_at(path: &Path) -> Option<(Inode, bool)> {
    let m = fs::symlink_metadata(path).ok()?;
    if !m.is_dir() && !m.is_file() {
        return None;
    }
    let f = File::open(path).ok();
    Some((inode(&m, f.as_ref()), m.is_dir()))
}

impl Model {
    /// Takes everything under `dir` as durable (the state at the start).
    fn snapshot_tree(&mut self, dir: &Path) {
        let Some((dir_inode, true)) = inode_at(dir) else { return };
        let entries = self.read_entries(dir);
        for (name, e) in &entries {
            let path = dir.join(name);
            match e {
                Entry::Dir(_) => self.snapshot_tree(&path),
                Entry::File(ino) => {
                    if let Ok(data) = fs::read(&path) {
                        self.files.insert(*ino, data);
                    }
                }
            }
        }
        self.dirs.insert(dir_inode, entries);
    }

    fn read_entries(&self, dir: &Path) -> Vec<(OsString, Entry)> {
        let mut out = Vec::new();
        if let Ok(rd) = fs::read_dir(dir) {
            for e in rd.flatten() {
                match inode_at(&e.path()) {
                    Some((ino, true)) => out.push((e.file_name(), Entry::Dir(ino))),
                    Some((ino, false)) => out.push((e.file_name(), Entry::File(ino))),
                    None => {}
                }
            }
        }
        out
    }

    /// Counts a sync point; true when the power goes out here.
    fn cut_now(&mut self) -> bool {
        self.seen += 1;
        self.seen == self.at
    }

    fn synced_file(&mut self, file: &File) {
        let Ok(meta) = file.metadata() else { return };
        // Read through /proc so that a file opened write-only can be read too.
        let Ok(reader) = File::open(format!("/proc/self/fd/{}", file.as_raw_fd())) else { return };
        let mut data = vec![0u8; meta.len() as usize];
        let mut done = 0;
        while done < data.len() {
            match reader.read_at(&mut data[done..], done as u64) {
                Ok(0) | Err(_) => break,
                Ok(n) => done += n,
            }
        }
        data.truncate(done);
        self.files.insert(inode(&meta, Some(file)), data);
    }

    fn synced_dir(&mut self, dir: &Path) {
        if let Some((ino, true)) = inode_at(dir) {
            let entries = self.read_entries(dir);
            self.dirs.insert(ino, entries);
        }
    }

    /// Rewrites the tree under the root to its durable state.
    fn restore(&self) {
        let Some((root, true)) = inode_at(&self.root) else { return };
        let Some(entries) = self.dirs.get(&root) else { return };
        let staged = self.root.with_extension("powercut");
        let _ = fs::remove_dir_all(&staged);
        if fs::create_dir(&staged).is_err() {
            return;
        }
        self.write_entries(&staged, entries, 0);
        // Replace the root's contents (not the root itself, which the test names).
        if let Ok(rd) = fs::read_dir(&self.root) {
            for e in rd.flatten() {
                let p = e.path();
                let _ = if p.is_dir() { fs::remove_dir_all(&p) } else { fs::remove_file(&p) };
            }
        }
        if let Ok(rd) = fs::read_dir(&staged) {
            for e in rd.flatten() {
                let _ = fs::rename(e.path(), self.root.join(e.file_name()));
            }
        }
        let _ = fs::remove_dir(&staged);
    }

    fn write_entries(&self, dir: &Path, entries: &[(OsString, Entry)], depth: usize) {
        if depth > 32 {
            return;
        }
        for (name, e) in entries {
            let path = dir.join(name);
            match e {
                Entry::File(ino) => {
                    let _ = fs::write(&path, self.files.get(ino).map_or(&[][..], |d| &d[..]));
                }
                Entry::Dir(ino) => {
                    if fs::create_dir(&path).is_ok() {
                        // A directory never synced since it was made has no durable entries.
                        let inner = self.dirs.get(ino).cloned().unwrap_or_default();
                        self.write_entries(&path, &inner, depth + 1);
                    }
                }
            }
        }
    }
}

fn cut(m: &Model) -> ! {
    m.restore();
    // No destructors, no buffered output: the machine is off.
    // SAFETY: _exit takes no pointers and only ends the process.
    unsafe { libc::_exit(EXIT_CODE) }
}

/// Takes the tree under `ROOT` as durable, when `KLOG_POWERCUT` is set: call it as the process
/// starts, before anything is written. (A sync point arms it too, as a fallback.)
pub fn arm() {
    let _ = model();
}

/// A sync point before fsyncing `file`; returns after noting what it makes durable.
pub(super) fn before_file_sync(file: &File) {
    let Some(m) = model() else { return };
    let mut m = m.lock().unwrap_or_else(|e| e.into_inner());
    if m.cut_now() {
        cut(&m);
    }
    m.synced_file(file);
}

/// A sync point before fsyncing directory `dir`.
pub(super) fn before_dir_sync(dir: &Path) {
    let Some(m) = model() else { return };
    let mut m = m.lock().unwrap_or_else(|e| e.into_inner());
    if m.cut_now() {
        cut(&m);
    }
    m.synced_dir(dir);
}
