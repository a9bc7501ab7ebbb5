//! A small harness for tests that run the real `klog` binary on a fresh temporary data
//! directory: `let t = Klog::new(); t.cmd(&["topic", "create", "x"]).assert().success();`.
#![allow(dead_code)]

pub mod cluster;
pub mod groups;
pub mod kafka;
pub mod process;

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

/// Polls `cond` every 5 ms until it holds and returns how long that took; panics naming `what`
/// after `timeout`. Tests wait on a condition, never for a fixed time; give generous timeouts
/// (30 s), which cost nothing when the condition comes quickly.
pub fn wait_until(what: &str, timeout: Duration, cond: impl FnMut() -> bool) -> Duration {
    wait_until_every(what, timeout, Duration::from_millis(5), cond)
}

/// `wait_until`, polling every `every` (short, to act as soon as a brief state appears).
pub fn wait_until_every(what: &str, timeout: Duration, every: Duration, cond: impl FnMut() -> bool) -> Duration {
    let start = Instant::now();
    if !poll_until(timeout, every, cond) {
        panic!("timed out after {:?} waiting for {}", timeout, what);
    }
    start.elapsed()
}

/// A child process killed (SIGKILL) and reaped when dropped, also when a test panics.
pub struct KillOnDrop(pub std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `klog ARGS` in the background (no data directory implied, as `klog_cmd`), stdin closed,
/// stdout to `out` and stderr to `err` (each discarded when `None`); killed when dropped.
pub fn spawn(args: &[&str], out: Option<&Path>, err: Option<&Path>) -> KillOnDrop {
    let to = |p: Option<&Path>| match p {
        Some(p) => Stdio::from(std::fs::File::create(p).expect("output file")),
        None => Stdio::null(),
    };
    spawn_with(args, Stdio::null(), to(out), to(err))
}

/// `klog ARGS` in the background (no data directory implied) with the given stdin, stdout and
/// stderr; killed when dropped.
pub fn spawn_with(args: &[&str], stdin: Stdio, stdout: Stdio, stderr: Stdio) -> KillOnDrop {
    let child = klog_std().args(args).stdin(stdin).stdout(stdout).stderr(stderr).spawn().expect("start klog");
    KillOnDrop(child)
}

/// Polls `cond` every `every` for at most `timeout`; returns whether it became true (for
/// callers that build their own failure message).
pub fn poll_until(timeout: Duration, every: Duration, mut cond: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    loop {
        if cond() {
            return true;
        }
        if start.elapsed() > timeout {
            return false;
        }
        std::thread::sleep(every);
    }
}

pub struct Klog {
    pub dir: tempfile::TempDir,
}

impl Klog {
    /// Every record of a topic, read with `klog consume -e`: (partition, offset) -> value.
    pub fn log_records(&self, topic: &str) -> std::collections::BTreeMap<(i32, i64), String> {
        let out = self.ok(&["consume", topic, "-e", "--format", "%p %o %s\\n"]);
        out.lines()
            .map(|l| {
                let mut f = l.splitn(3, ' ');
                let p = f.next().unwrap().parse().unwrap();
                let o = f.next().unwrap().parse().unwrap();
                ((p, o), f.next().unwrap_or("").to_string())
            })
            .collect()
    }

    /// Runs `klog verify` on the data directory, which must succeed; `when` (may be empty) says
    /// at which point of the test, in the failure message.
    pub fn verify_ok(&self, when: &str) {
        let out = self.cmd(&["verify"]).output().unwrap();
        assert!(
            out.status.success(),
            "verify failed{}{}: {}{}",
            if when.is_empty() { "" } else { " " },
            when,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// A fresh temporary directory; the data directory is `<tmp>/data` (not created yet).
    pub fn new() -> Klog {
        Klog { dir: tempfile::tempdir().expect("temp dir") }
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// `klog --data-dir <tmp>/data ARGS...`
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("klog").expect("klog binary");
        c.arg("--data-dir").arg(self.data()).args(args).env_remove("KLOG_DATA_DIR");
        c
    }

    /// Runs a command that must succeed (with empty stdin); returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        self.ok_with(args, b"")
    }

    /// Runs a command with `input` on stdin that must succeed; returns stdout.
    pub fn ok_with(&self, args: &[&str], input: &[u8]) -> String {
        let out = self.cmd(args).write_stdin(input.to_vec()).output().expect("run klog");
        assert!(
            out.status.success(),
            "klog {:?} failed with {:?}: {}",
            args,
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// Runs a command that must fail with `code` and a one-line error (`klog: error: ...`);
    /// returns stderr.
    pub fn fails(&self, args: &[&str], input: &[u8], code: i32) -> String {
        let err = self.exits(args, input, code);
        assert_one_line_error(args, &err);
        err
    }

    /// Runs a command that must exit with `code` without panicking; returns stderr, which may
    /// hold several lines (warnings before the error, per-item reports) or none: the caller
    /// asserts the lines it expects.
    pub fn exits(&self, args: &[&str], input: &[u8], code: i32) -> String {
        let out = self.cmd(args).write_stdin(input.to_vec()).output().expect("run klog");
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(code), "klog {:?}: stderr {}", args, err);
        assert!(!err.contains("panicked"), "klog {:?} panicked: {}", args, err);
        err
    }

    /// `klog --data-dir <tmp>/data ARGS` in the background with stdin piped (the caller writes
    /// it) and its output discarded; killed when dropped.
    pub fn spawn_piped(&self, args: &[&str]) -> KillOnDrop {
        let data = self.data();
        let full = [&["--data-dir", data.to_str().expect("utf-8 temp path")][..], args].concat();
        spawn_with(&full, Stdio::piped(), Stdio::null(), Stdio::null())
    }

    /// The `.log` files of partition `p` of `topic`, oldest first.
    pub fn segment_logs(&self, topic: &str, p: i32) -> Vec<PathBuf> {
        let mut logs: Vec<PathBuf> = std::fs::read_dir(self.partition_dir(topic, p))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "log"))
            .collect();
        logs.sort();
        logs
    }

    pub fn partition_dir(&self, topic: &str, p: i32) -> PathBuf {
        self.data().join(format!("{}-{}", topic, p))
    }

    pub fn segment(&self, topic: &str, p: i32, base: i64, suffix: &str) -> PathBuf {
        self.partition_dir(topic, p).join(format!("{:020}{}", base, suffix))
    }
}

/// Every file and folder under `dir` with its bytes (folders map to nothing), except the lock
/// files under `.klog/locks` (taking a lock may create one; that is not a change of data).
pub fn tree(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd {
            let e = e.unwrap();
            let p = e.path();
            if p.ends_with(".klog/locks") {
                continue;
            }
            if e.file_type().unwrap().is_dir() {
                out.insert(p.clone(), Vec::new());
                stack.push(p);
            } else {
                out.insert(p.clone(), std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

/// Copies a directory tree (files and folders).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dst = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dst);
        } else {
            std::fs::copy(e.path(), &dst).unwrap();
        }
    }
}

/// The log directory written by the real Kafka broker for fixtures/ (see
/// fixtures/make-kafka-fixtures.sh and fixtures/kafka-*.VERSION).
pub fn kafka_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/kafka-4.1.1")
}

/// Marsaglia's xorshift64, for tests that need repeatable pseudo-random choices without a crate.
/// Never seeded with zero.
pub struct XorShift(u64);

impl XorShift {
    pub fn new(seed: u64) -> XorShift {
        XorShift(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// Uniform-ish in `lo..hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo)
    }

    /// Uniform-ish in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// `klog ARGS` with no data directory implied: cluster tests name `--data-dir` and `--meta`
/// themselves.
pub fn klog_cmd() -> Command {
    Command::from_std(klog_std())
}

/// `klog_cmd` as a plain `std::process::Command`, for processes run in the background.
pub fn klog_std() -> std::process::Command {
    let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("klog"));
    c.env_remove("KLOG_DATA_DIR").env_remove("KLOG_META");
    c
}

/// `klog` (no data directory implied) for checks that file modes are obeyed, which do not stop
/// root: when the tests run as root it runs as `nobody` (uid and gid 65534), after `tree` (the
/// test's temporary directory, all it touches) is handed to `nobody`; otherwise as the tests'
/// own user. Either way the check runs for real, never skipped.
pub fn klog_without_root(tree: &Path) -> std::process::Command {
    let mut c = klog_std();
    // SAFETY: geteuid(2) has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        chown_tree(tree, 65534, 65534);
        std::os::unix::process::CommandExt::uid(&mut c, 65534);
        std::os::unix::process::CommandExt::gid(&mut c, 65534);
    }
    c
}

/// `chown -R uid:gid dir` (symbolic links themselves, not what they point to).
fn chown_tree(dir: &Path, uid: u32, gid: u32) {
    std::os::unix::fs::lchown(dir, Some(uid), Some(gid)).unwrap();
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            chown_tree(&e.path(), uid, gid);
        } else {
            std::os::unix::fs::lchown(e.path(), Some(uid), Some(gid)).unwrap();
        }
    }
}

/// Runs `klog ARGS` with `input` on stdin.
pub fn run(args: &[&str], input: &[u8]) -> std::process::Output {
    klog_cmd().args(args).write_stdin(input.to_vec()).output().expect("run klog")
}

/// Runs `klog ARGS`, which must succeed; returns stdout.
pub fn ok(args: &[&str], input: &[u8]) -> String {
    let out = run(args, input);
    assert!(out.status.success(), "klog {:?} failed: {}", args, String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Runs `klog ARGS`, which must fail with `code` and a one-line error; returns stderr.
pub fn fails(args: &[&str], input: &[u8], code: i32) -> String {
    let out = run(args, input);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "klog {:?}: {}", args, err);
    assert!(!err.contains("panicked"), "{}", err);
    assert_one_line_error(args, &err);
    err
}

/// A plain error's stderr: exactly one line, `klog: error: ...`.
pub fn assert_one_line_error(args: &[&str], err: &str) {
    assert_eq!(err.trim_end().lines().count(), 1, "klog {:?}: one-line error expected: {:?}", args, err);
    assert!(err.starts_with("klog: error: "), "klog {:?}: stderr must start with `klog: error: `: {:?}", args, err);
}

/// Runs `klog ARGS`, which must exit with `code` without panicking; returns stderr (which may
/// be empty when the command reports per item on stdout).
pub fn exits(args: &[&str], input: &[u8], code: i32) -> String {
    let out = run(args, input);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "klog {:?}: {}", args, err);
    assert!(!err.contains("panicked"), "{}", err);
    err
}

/// A produced record of a compacted topic: key, value (None: a tombstone).
pub type Rec = (String, Option<String>);

/// What compaction keeps of `log` (offset = position) once everything below `end` is cleaned:
/// the latest record of each key below `end`, and everything from `end` on.
pub fn compaction_model(log: &[Rec], end: i64) -> Vec<(i64, Rec)> {
    let mut latest: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (o, (k, _)) in log.iter().enumerate().take(end.max(0) as usize) {
        latest.insert(k, o);
    }
    log.iter()
        .enumerate()
        .filter(|(o, (k, _))| *o as i64 >= end || latest.get(k.as_str()) == Some(o))
        .map(|(o, r)| (o as i64, r.clone()))
        .collect()
}
