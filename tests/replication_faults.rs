//! Replication faults that need the operating system's help: a follower on a full file system
//! (a small tmpfs: ENOSPC), a broker whose file system is unmounted under it, and acks=all with
//! long-running input, acknowledged at every idle pause. Mounting needs root: those tests are
//! `#[ignore = "needs root: run by .ci/run"]`, so that a plain `cargo test` passes without them,
//! and .ci/run (as root) runs them by name; run by hand as not root, they fail, they never skip.

mod common;

use common::{klog_cmd as klog, ok, spawn, wait_until};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

/// A tmpfs mounted for the life of the value.
struct Tmpfs {
    path: PathBuf,
}

impl Tmpfs {
    fn mount(path: &Path, size: &str) -> Tmpfs {
        std::fs::create_dir_all(path).unwrap();
        let out = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={}", size), "tmpfs"])
            .arg(path)
            .output()
            .expect("run mount");
        assert!(
            out.status.success(),
            "this test mounts a tmpfs and needs root: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Tmpfs { path: path.to_path_buf() }
    }

    fn unmount(&self) {
        let _ = std::process::Command::new("umount").arg("-l").arg(&self.path).status();
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        self.unmount();
    }
}

fn lines(from: usize, to: usize) -> Vec<u8> {
    (from..to).map(|i| format!("r{:05}-{}\n", i, "x".repeat(90))).collect::<String>().into_bytes()
}

fn log_end(dir: &Path) -> i64 {
    klog::log::PartitionReader::open(dir, None).unwrap().log_end_offset().unwrap()
}

#[test]
#[ignore = "needs root: run by .ci/run"]
fn a_follower_on_a_full_file_system_fails_cleanly() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let fs = Tmpfs::mount(&tmp.path().join("small"), "256k");
    let b = fs.path.join("b");
    let (sa, sb) = (a.to_str().unwrap(), b.to_str().unwrap());
    ok(&["--data-dir", sa, "topic", "create", "t"], b"");
    ok(&["--data-dir", sa, "produce", "t", "-p", "0", "--batch-size", "16384"], &lines(0, 5000));
    ok(&["--data-dir", sb, "init"], b"");
    let out = klog().args(["replicate", "--from", sa, "--to", sb]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{}", err);
    assert!(!err.contains("panicked"), "{}", err);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {}", err);
    assert!(err.contains("No space left"), "{}", err);
    // What did get copied is whole batches only, and a prefix of the leader's log.
    let verify = klog().args(["--data-dir", sb, "verify"]).output().unwrap();
    assert!(verify.status.success(), "{}", String::from_utf8_lossy(&verify.stdout));
    let copied = log_end(&b.join("t-0"));
    assert!(copied > 0 && copied < 5000, "copied {}", copied);
    let follower = ok(&["--data-dir", sb, "consume", "t", "-p", "0", "-e"], b"");
    assert_eq!(follower.as_bytes(), &lines(0, copied as usize)[..]);
}

#[test]
#[ignore = "needs root: run by .ci/run"]
fn an_unmounted_broker_leaves_the_isr_and_acknowledged_records_stay() {
    let tmp = tempfile::tempdir().unwrap();
    let m = tmp.path().join("m");
    let sm = m.to_str().unwrap();
    let brokers: Vec<PathBuf> = (0..3).map(|i| tmp.path().join(format!("b{}", i))).collect();
    let fs = Tmpfs::mount(&brokers[2], "64m");
    for (i, b) in brokers.iter().enumerate() {
        ok(&["--data-dir", b.to_str().unwrap(), "--meta", sm, "init", "--broker-id", &i.to_string()], b"");
    }
    ok(
        &["--meta", sm, "topic", "create", "t", "-P", "1", "--replication-factor", "3", "-c", "min.insync.replicas=2"],
        b"",
    );
    ok(&["--meta", sm, "produce", "t", "-p", "0", "--acks", "all"], &lines(0, 100));
    assert_eq!(log_end(&brokers[2].join("t-0")), 100);
    let leader = klog::meta::MetaStore::open(&m).unwrap().load().unwrap().topics["t"].partitions[0].leader;
    assert_ne!(leader, 2, "placement puts the first leader on broker 0");
    // Broker 2's file system goes away: its directory is an empty mount point now.
    fs.unmount();
    ok(&["--meta", sm, "produce", "t", "-p", "0", "--acks", "all"], &lines(100, 150));
    let snap = klog::meta::MetaStore::open(&m).unwrap().load().unwrap();
    assert!(!snap.topics["t"].partitions[0].isr.contains(&2), "{:?}", snap.topics["t"].partitions[0].isr);
    let all = ok(&["--meta", sm, "consume", "t", "-p", "0", "-e"], b"");
    assert_eq!(all.as_bytes(), &lines(0, 150)[..], "every acknowledged record is readable");
}

#[test]
fn acks_all_with_long_running_input_acknowledges_while_input_waits() {
    let tmp = tempfile::tempdir().unwrap();
    let m = tmp.path().join("m");
    let sm = m.to_str().unwrap().to_string();
    let brokers: Vec<PathBuf> = (0..3).map(|i| tmp.path().join(format!("b{}", i))).collect();
    for (i, b) in brokers.iter().enumerate() {
        ok(&["--data-dir", b.to_str().unwrap(), "--meta", &sm, "init", "--broker-id", &i.to_string()], b"");
    }
    ok(&["--meta", &sm, "topic", "create", "t", "-P", "1", "--replication-factor", "3"], b"");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("klog"))
        .args(["--meta", &sm, "produce", "t", "-p", "0", "--acks", "all", "--linger-ms", "20"])
        .env_remove("KLOG_DATA_DIR")
        .env_remove("KLOG_META")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(&lines(0, 10)).unwrap();
    stdin.flush().unwrap();
    // While the producer waits for more input, the followers get the records.
    let caught_up = || brokers[1..].iter().all(|b| log_end(&b.join("t-0")) == 10);
    let waited =
        wait_until("the followers to get the records while the producer is idle", Duration::from_secs(30), caught_up);
    drop(stdin);
    let status = child.wait().unwrap();
    eprintln!("followers caught up {} ms after the input paused", waited.as_millis());
    assert!(status.success());
    let hw = std::fs::read_to_string(brokers[0].join("replication-offset-checkpoint")).unwrap();
    assert!(hw.contains("t 0 10"), "{}", hw);
}

#[test]
#[ignore = "needs root: run by .ci/run"]
fn a_follower_on_a_read_only_file_system_is_refused_and_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let fs = Tmpfs::mount(&tmp.path().join("ro"), "8m");
    let b = fs.path.join("b");
    let (sa, sb) = (a.to_str().unwrap(), b.to_str().unwrap());
    ok(&["--data-dir", sa, "topic", "create", "t"], b"");
    ok(&["--data-dir", sa, "produce", "t", "-p", "0"], &lines(0, 100));
    ok(&["--data-dir", sb, "init"], b"");
    // Root ignores file modes, so make the whole file system read-only instead.
    let remount = std::process::Command::new("mount").args(["-o", "remount,ro"]).arg(&fs.path).status().unwrap();
    assert!(remount.success(), "remount read-only failed");
    let before: Vec<_> = walk(&b);
    let out = klog().args(["replicate", "--from", sa, "--to", sb]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{}", err);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {}", err);
    assert!(err.contains("Read-only file system") || err.contains("read-only"), "{}", err);
    assert_eq!(walk(&b), before, "nothing in the follower changed");
}

/// Every file under `dir` with its length, sorted.
fn walk(dir: &Path) -> Vec<(PathBuf, u64)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.clone(), std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0)));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn following_a_replicated_partition_sees_the_high_watermark_move() {
    let tmp = tempfile::tempdir().unwrap();
    let m = tmp.path().join("m");
    let sm = m.to_str().unwrap().to_string();
    for i in 0..3 {
        let b = tmp.path().join(format!("b{}", i));
        ok(&["--data-dir", b.to_str().unwrap(), "--meta", &sm, "init", "--broker-id", &i.to_string()], b"");
    }
    ok(&["--meta", &sm, "topic", "create", "t", "-P", "1", "--replication-factor", "3"], b"");
    ok(&["--meta", &sm, "produce", "t", "-p", "0", "--acks", "all"], &lines(0, 5));
    let out_path = tmp.path().join("follow.out");
    let child = spawn(&["--meta", &sm, "consume", "t", "-p", "0", "-f"], Some(&out_path), None);
    let read = || std::fs::read(&out_path).unwrap_or_default();
    let wait = |what: &str, want: usize| wait_until(what, Duration::from_secs(30), || read().len() >= want);
    wait("the first 5 records", lines(0, 5).len());
    ok(&["--meta", &sm, "produce", "t", "-p", "0", "--acks", "all"], &lines(5, 12));
    wait("the 7 records acknowledged later", lines(0, 12).len());
    drop(child);
    assert_eq!(read(), lines(0, 12), "the follower saw the records acknowledged after it started");
}
