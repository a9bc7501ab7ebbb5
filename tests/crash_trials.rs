//! Issue 12, "the campaigns become part of the project": kill -9 trials of the real binary in the
//! middle of each kind of write, each checked right after the kill and after the next normal run:
//! - `roll`: producers into 300-byte segments, so kills land in rolls too; every acknowledged
//!   record is there once and in order, a killed producer's lines are a gapless prefix;
//! - `group commit`: the group's offset after a killed commit is the last acknowledged one or the
//!   one being committed, and the next commit is what `group describe` shows;
//! - `retention delete`: after a killed `klog retention`, the log is a contiguous run of the
//!   records written, at their offsets, ending at the log end;
//! - `compaction swap`: after a killed compaction, every record read was written with that key
//!   at that offset, offsets increase, and the latest record of every key is still there.
//!
//! Every trial ends with `klog verify` exiting 0. `KLOG_CRASH_TRIALS=N` sets the trials per
//! scenario (default 8). Replication and controller hand-off kills are not here yet.

mod common;

use common::{Klog, XorShift};
use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};
use std::thread;
use std::time::Duration;

fn trials() -> u64 {
    std::env::var("KLOG_CRASH_TRIALS").ok().and_then(|v| v.parse().ok()).unwrap_or(8)
}

/// Starts `klog ARGS` with `input` on stdin and SIGKILLs it after `kill_after_us`; returns whether
/// it had already exited 0 by then (an acknowledged run).
fn run_and_kill(k: &Klog, args: &[&str], input: &[u8], kill_after_us: u64) -> bool {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("klog"))
        .arg("--data-dir")
        .arg(k.data())
        .args(args)
        .env_remove("KLOG_DATA_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start klog");
    let mut stdin = child.stdin.take().unwrap();
    let _ = stdin.write_all(input);
    drop(stdin);
    thread::sleep(Duration::from_micros(kill_after_us));
    let _ = child.kill();
    let status = child.wait().unwrap();
    status.success()
}

fn lines(k: &Klog, topic: &str) -> Vec<(i64, String, String)> {
    k.ok(&["consume", topic, "-p", "0", "-e", "--format", "%o %k %s\\n"])
        .lines()
        .map(|l| {
            let mut f = l.splitn(3, ' ');
            (f.next().unwrap().parse().unwrap(), f.next().unwrap().to_string(), f.next().unwrap().to_string())
        })
        .collect()
}

#[test]
fn killed_producers_across_rolls() {
    let k = Klog::new();
    k.ok(&["topic", "create", "t", "--partitions", "1", "--config", "segment.bytes=300"]);
    let mut rng = XorShift::new(1);
    let n = trials();
    let mut kept_total = 0;
    for trial in 0..n {
        let input: String = (0..300).map(|i| format!("r{}-{}\n", trial, i)).collect();
        run_and_kill(
            &k,
            &["produce", "t", "-p", "0", "--batch-size", "200", "--linger-ms", "1"],
            input.as_bytes(),
            rng.range(0, 30_000),
        );
        k.ok_with(&["produce", "t", "-p", "0"], format!("ack-{}\n", trial).as_bytes());
        k.verify_ok(&format!("after trial {}", trial));
    }
    let (mut trial, mut next) = (0u64, 0u64);
    for (i, (o, _, v)) in lines(&k, "t").into_iter().enumerate() {
        assert_eq!(o, i as i64, "contiguous offsets");
        if let Some(a) = v.strip_prefix("ack-") {
            assert_eq!(a.parse::<u64>().unwrap(), trial, "acks once, in order");
            trial += 1;
            next = 0;
        } else {
            assert_eq!(v, format!("r{}-{}", trial, next), "a gapless prefix of trial {}", trial);
            next += 1;
            kept_total += 1;
        }
    }
    assert_eq!(trial, n, "every acknowledged record survived");
    assert!(fs_segments(&k) > 1, "the trials rolled segments");
    eprintln!("{} trials, {} lines of killed producers kept", n, kept_total);
}

fn fs_segments(k: &Klog) -> usize {
    std::fs::read_dir(k.partition_dir("t", 0))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "log"))
        .count()
}

fn committed(k: &Klog) -> Option<i64> {
    let v: serde_json::Value = serde_json::from_str(&k.ok(&["group", "describe", "g", "--json"])).unwrap();
    v.as_array().unwrap().iter().find(|r| r["topic"] == "t").and_then(|r| r["current_offset"].as_i64())
}

#[test]
fn killed_group_commits() {
    let k = Klog::new();
    k.ok(&["topic", "create", "t", "--partitions", "1"]);
    let input: String = (0..100).map(|i| format!("{}\n", i)).collect();
    k.ok_with(&["produce", "t", "-p", "0"], input.as_bytes());
    k.ok(&["group", "commit", "g", "--topic", "t", "-p", "0", "--offset", "0"]);
    let mut rng = XorShift::new(2);
    let mut acked = 0i64;
    let (mut landed, n) = (0, trials());
    for trial in 0..n {
        let attempt = (2 * trial as i64 + 1) % 100;
        let done = run_and_kill(
            &k,
            &["group", "commit", "g", "--topic", "t", "-p", "0", "--offset", &attempt.to_string()],
            b"",
            rng.range(0, 6_000),
        );
        let now = committed(&k);
        assert!(now == Some(acked) || now == Some(attempt), "trial {}: {:?}, not {} or {}", trial, now, acked, attempt);
        assert!(!done || now == Some(attempt), "trial {}: an acknowledged commit is visible", trial);
        landed += usize::from(now == Some(attempt));
        acked = (2 * trial as i64 + 2) % 100;
        k.ok(&["group", "commit", "g", "--topic", "t", "-p", "0", "--offset", &acked.to_string()]);
        assert_eq!(committed(&k), Some(acked), "trial {}", trial);
        k.verify_ok(&format!("after trial {}", trial));
    }
    eprintln!("{} trials, {} killed commits landed", n, landed);
}

#[test]
fn killed_retention_deletes() {
    let k = Klog::new();
    k.ok(&[
        "topic",
        "create",
        "t",
        "--partitions",
        "1",
        "--config",
        "segment.bytes=200",
        "--config",
        "retention.bytes=600",
    ]);
    let mut rng = XorShift::new(3);
    let mut written = 0i64;
    let mut completed = 0;
    let n = trials();
    for trial in 0..n {
        for _ in 0..6 {
            k.ok_with(&["produce", "t", "-p", "0"], format!("r{}\n", written).as_bytes());
            written += 1;
        }
        completed += usize::from(run_and_kill(&k, &["retention"], b"", rng.range(0, 40_000)));
        let got = lines(&k, "t");
        assert!(!got.is_empty(), "trial {}: retention keeps the active segment", trial);
        for (i, (o, _, v)) in got.iter().enumerate() {
            assert_eq!(*o, got[0].0 + i as i64, "trial {}: contiguous", trial);
            assert_eq!(*v, format!("r{}", o), "trial {}: the record written at {}", trial, o);
        }
        assert_eq!(got.last().unwrap().0, written - 1, "trial {}: nothing at the end lost", trial);
        k.verify_ok(&format!("after trial {}", trial));
    }
    let start = lines(&k, "t")[0].0;
    assert!(start > 0, "the trials deleted segments");
    eprintln!("{} trials ({} runs finished before the kill), log start now {}", n, completed, start);
}

#[test]
fn killed_compactions() {
    let k = Klog::new();
    k.ok(&[
        "topic",
        "create",
        "t",
        "--partitions",
        "1",
        "--config",
        "cleanup.policy=compact",
        "--config",
        "segment.bytes=300",
    ]);
    let mut rng = XorShift::new(4);
    let mut log: Vec<String> = Vec::new(); // key per offset
    let mut completed = 0;
    let n = trials();
    for trial in 0..n {
        for _ in 0..4 {
            let input: String = (0..5)
                .map(|_| {
                    let o = log.len();
                    log.push(format!("k{}", rng.below(8)));
                    format!("{}:v{}\n", log[o], o)
                })
                .collect();
            k.ok_with(&["produce", "t", "-p", "0", "-K", ":"], input.as_bytes());
        }
        completed += usize::from(run_and_kill(&k, &["retention"], b"", rng.range(0, 40_000)));
        let got = lines(&k, "t");
        let mut last = -1;
        let mut present: BTreeMap<String, i64> = BTreeMap::new();
        for (o, key, v) in &got {
            assert!(*o > last, "trial {}: offsets increase", trial);
            last = *o;
            assert_eq!(
                (key.as_str(), v.as_str()),
                (log[*o as usize].as_str(), format!("v{}", o).as_str()),
                "trial {}",
                trial
            );
            present.insert(key.clone(), *o);
        }
        let mut latest: BTreeMap<&str, i64> = BTreeMap::new();
        for (o, key) in log.iter().enumerate() {
            latest.insert(key, o as i64);
        }
        for (key, o) in latest {
            assert_eq!(present.get(key), Some(&o), "trial {}: the latest record of {} survives", trial, key);
        }
        k.verify_ok(&format!("after trial {}", trial));
    }
    let kept = lines(&k, "t").len();
    assert!(kept < log.len(), "the trials compacted something ({} of {})", kept, log.len());
    eprintln!("{} trials ({} runs finished before the kill), {} of {} records kept", n, completed, kept, log.len());
}
