//! Background `klog` processes for tests that run many at once (group members, producers):
//! each in its own process group, killed with everything it started and reaped when dropped.
#![allow(dead_code)]

use super::Klog;
use std::fs::{self, File};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

/// Tests that run many processes take this lock, so that they do not compete for the cores.
static HEAVY: Mutex<()> = Mutex::new(());

pub fn heavy() -> MutexGuard<'static, ()> {
    HEAVY.lock().unwrap_or_else(|e| e.into_inner())
}

/// A background `klog` process in its own process group, its stdout and stderr going to files.
/// Dropping it kills the whole group (the member and any `--exec` child) and reaps it.
pub struct Proc {
    child: Child,
    pub name: String,
    stdout: PathBuf,
    stderr: PathBuf,
    reaped: bool,
}

impl Proc {
    pub fn spawn(t: &Klog, name: &str, args: &[&str], env: &[(&str, &Path)]) -> Proc {
        let dir = t.dir.path().join("procs");
        fs::create_dir_all(&dir).unwrap();
        let stdout = dir.join(format!("{}.out", name));
        let stderr = dir.join(format!("{}.err", name));
        let mut c = Command::new(assert_cmd::cargo::cargo_bin("klog"));
        c.arg("--data-dir")
            .arg(t.data())
            .args(args)
            .env_remove("KLOG_DATA_DIR")
            .stdin(Stdio::null())
            .stdout(File::create(&stdout).unwrap())
            .stderr(File::create(&stderr).unwrap())
            .process_group(0);
        for (k, v) in env {
            c.env(k, v);
        }
        let child = c.spawn().expect("start klog");
        Proc { child, name: name.to_string(), stdout, stderr, reaped: false }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// SIGTERM to the member only (its --exec child finishes normally).
    pub fn terminate(&self) {
        assert!(!self.reaped);
        // SAFETY: plain kill(2) on our own child, which is not reaped yet.
        unsafe { libc::kill(self.pid() as i32, libc::SIGTERM) };
    }

    /// SIGKILL to the member's whole process group (member and --exec child), then reaps it.
    /// Returns whether the process was still running.
    pub fn kill9(&mut self) -> bool {
        if self.reaped {
            return false;
        }
        let running = matches!(self.child.try_wait(), Ok(None));
        if running {
            // SAFETY: the group leader is our unreaped child, so the group id is still ours.
            unsafe { libc::kill(-(self.pid() as i32), libc::SIGKILL) };
        }
        let _ = self.child.wait();
        self.reaped = true;
        running
    }

    pub fn wait_for(&mut self, limit: Duration) -> ExitStatus {
        let mut status = None;
        let child = &mut self.child;
        if !super::poll_until(limit, Duration::from_millis(10), || {
            status = child.try_wait().unwrap();
            status.is_some()
        }) {
            panic!("{} did not exit within {:?}; stderr:\n{}", self.name, limit, self.err());
        }
        self.reaped = true;
        status.unwrap()
    }

    /// SIGTERM, then the exit status, which must be 0.
    pub fn stop(&mut self) {
        self.terminate();
        let s = self.wait_for(Duration::from_secs(20));
        assert_eq!(s.code(), Some(0), "{} after SIGTERM: {:?}; stderr:\n{}", self.name, s, self.err());
    }

    pub fn err(&self) -> String {
        String::from_utf8_lossy(&fs::read(&self.stderr).unwrap_or_default()).into_owned()
    }

    pub fn out(&self) -> String {
        String::from_utf8_lossy(&fs::read(&self.stdout).unwrap_or_default()).into_owned()
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        self.kill9();
    }
}

/// The --exec script of the group tests: for each record on stdin, appends
/// "TOPIC PARTITION OFFSET VALUE" to $OUT, after checking that the partition's ownership lock
/// cannot be taken (because this member holds it); if it can, appends a VIOLATION line.
pub const RECORDER: &str = r#"
lock="$DATA/.klog/groups/$GROUP/owners/$KLOG_TOPIC-$KLOG_PARTITION.lock"
# flock -n exits 1 when the lock is held; anything else (0: it was free, 127: no flock) fails.
flock -n "$lock" true; rc=$?
if [ "$rc" -ne 1 ]; then echo "VIOLATION $KLOG_TOPIC $KLOG_PARTITION $KLOG_OFFSET flock=$rc" >> "$OUT"; fi
o=$KLOG_OFFSET
while IFS= read -r v; do
  printf '%s %s %s %s\n' "$KLOG_TOPIC" "$KLOG_PARTITION" "$o" "$v" >> "$OUT"
  o=$((o+1))
done
"#;

/// What the recorders wrote: processed (partition, offset, value) lines and violations.
#[derive(Default)]
pub struct Processed {
    pub records: Vec<(i32, i64, String)>,
    pub violations: Vec<String>,
}

pub fn read_processed(files: &[PathBuf]) -> Processed {
    let mut out = Processed::default();
    for f in files {
        let text = String::from_utf8_lossy(&fs::read(f).unwrap_or_default()).into_owned();
        for l in text.lines() {
            if l.starts_with("VIOLATION") {
                out.violations.push(format!("{}: {}", f.display(), l));
                continue;
            }
            let fs: Vec<&str> = l.splitn(4, ' ').collect();
            assert_eq!(fs.len(), 4, "bad line {:?} in {}", l, f.display());
            out.records.push((fs[1].parse().unwrap(), fs[2].parse().unwrap(), fs[3].to_string()));
        }
    }
    out
}

/// What the recorders of `files` processed, checked against `log` ((partition, offset) -> value,
/// as `Klog::log_records` reads it): no ownership violation, and every record processed as the
/// log holds it. Returns how many times each (partition, offset) was processed.
pub fn processed_counts(
    files: &[PathBuf],
    log: &std::collections::BTreeMap<(i32, i64), String>,
) -> std::collections::BTreeMap<(i32, i64), usize> {
    let got = read_processed(files);
    assert!(got.violations.is_empty(), "ownership violations: {:?}", got.violations);
    let mut count = std::collections::BTreeMap::new();
    for (p, o, v) in &got.records {
        assert_eq!(log.get(&(*p, *o)), Some(v), "processed t-{} offset {} as {:?}, the log disagrees", p, o, v);
        *count.entry((*p, *o)).or_default() += 1;
    }
    count
}
