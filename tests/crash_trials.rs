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
//! - `replicate`: a follower's `klog replicate` killed mid-copy (across rolls) holds a prefix of
//!   its leader's records at the leader's offsets, verifies, and the next pass makes it equal;
//! - `controller hand-off`: the controller killed at a random moment after a leader's broker
//!   failed; the next controller finishes the election (a live leader in the ISR, a higher leader
//!   epoch, one controller epoch per election) and every record acknowledged with acks=all is
//!   still read, once and in order.
//!
//! Every trial ends with `klog verify` exiting 0. `KLOG_CRASH_TRIALS=N` sets the trials per
//! scenario (default 8).

mod common;

use common::cluster::Cluster;
use common::{ok, spawn, wait_until, Klog, XorShift};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::thread;
use std::time::Duration;

fn trials() -> u64 {
    std::env::var("KLOG_CRASH_TRIALS").ok().and_then(|v| v.parse().ok()).unwrap_or(8)
}

/// Starts `klog ARGS` with `input` on stdin and SIGKILLs it after `kill_after_us`; returns whether
/// it had already exited 0 by then (an acknowledged run).
fn run_and_kill(k: &Klog, args: &[&str], input: &[u8], kill_after_us: u64) -> bool {
    let mut p = k.spawn_piped(args);
    let mut stdin = p.0.stdin.take().unwrap();
    let _ = stdin.write_all(input);
    drop(stdin);
    thread::sleep(Duration::from_micros(kill_after_us));
    let _ = p.0.kill();
    let status = p.0.wait().unwrap();
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
    k.ok(&["topic", "create", "t", "--partitions", "1", "--config", "internal.segment.bytes=300"]);
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
    assert!(k.segment_logs("t", 0).len() > 1, "the trials rolled segments");
    eprintln!("{} trials, {} lines of killed producers kept", n, kept_total);
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
        "internal.segment.bytes=200",
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
        "internal.segment.bytes=300",
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

/// The records of partition `t-0` of broker directory `b` as `(offset, value)`, read from a copy
/// of its partition directory in a directory of its own, so that the read sees that replica
/// alone (a cluster read goes to the leader).
fn replica_records(b: &str, topic: &str) -> Vec<(i64, String)> {
    let scratch = tempfile::tempdir().unwrap();
    std::fs::write(scratch.path().join("meta.properties"), "version=1\nnode.id=0\ncluster.id=scratch\n").unwrap();
    let dir = format!("{topic}-0");
    common::copy_dir(&Path::new(b).join(&dir), &scratch.path().join(&dir));
    let out = ok(
        &["--data-dir", scratch.path().to_str().unwrap(), "consume", topic, "-p", "0", "-e", "--format", "%o %s\\n"],
        b"",
    );
    out.lines()
        .map(|l| {
            let (o, v) = l.split_once(' ').unwrap();
            (o.parse().unwrap(), v.to_string())
        })
        .collect()
}

#[test]
fn killed_replication() {
    let c = Cluster::new(2);
    // The trials take turns over a few topics, so that reading a replica back stays cheap.
    const TOPICS: u64 = 16;
    let assignment = ["--replica-assignment", "0:1"];
    for i in 0..TOPICS {
        let mut args = vec!["topic", "create"];
        let name = format!("t{i}");
        args.extend([name.as_str(), "-c", "internal.segment.bytes=300"]);
        args.extend(assignment);
        c.ok(&args, b"");
    }
    // Broker 0 leads every partition ("0:1"), broker 1 follows.
    let (leader, follower) = (0, 1);
    let (from, to) = (c.bs(leader), c.bs(follower));
    let mut rng = XorShift::new(5);
    let (n, mut finished) = (trials(), 0);
    for trial in 0..n {
        let topic = format!("t{}", trial % TOPICS);
        let input: String = (0..40).map(|i| format!("t{}-{}\n", trial, i)).collect();
        c.ok(&["produce", &topic, "-p", "0", "--acks", "1", "--batch-size", "120"], input.as_bytes());
        let want = replica_records(&from, &topic);
        let mut p = spawn(&["--meta", &c.m, "replicate", "--from", &from, "--to", &to], None, None);
        thread::sleep(Duration::from_micros(rng.range(0, 40_000)));
        let _ = p.0.kill();
        finished += usize::from(p.0.wait().unwrap().success());
        let got = replica_records(&to, &topic);
        assert!(got.len() <= want.len(), "trial {}: the follower has more than its leader", trial);
        assert_eq!(got[..], want[..got.len()], "trial {}: the follower is not a prefix of its leader", trial);
        ok(&["--data-dir", &to, "--meta", &c.m, "verify"], b"");
        c.ok(&["replicate", "--from", &from, "--to", &to], b"");
        assert_eq!(replica_records(&to, &topic), want, "trial {}: a full pass after the kill", trial);
    }
    assert!(std::fs::read_dir(Path::new(&to).join("t0-0")).unwrap().count() > 6, "the trials rolled segments");
    eprintln!("{} replicate kills ({} passes finished before the kill)", n, finished);
}

#[test]
fn killed_controller_hand_offs() {
    let c = Cluster::new(3);
    c.ok(&["topic", "create", "t", "-P", "1", "--replication-factor", "3", "-c", "min.insync.replicas=2"], b"");
    let mut rng = XorShift::new(6);
    let mut acked: Vec<String> = Vec::new();
    let mut controller = spawn(&["--meta", &c.m, "controller", "run"], None, None);
    for trial in 0..trials() {
        wait_until("an active controller", Duration::from_secs(20), || c.controller_active());
        let batch: Vec<String> = (0..10).map(|i| format!("h{}-{}", trial, i)).collect();
        c.ok(&["produce", "t", "-p", "0", "--acks", "all"], (batch.join("\n") + "\n").as_bytes());
        acked.extend(batch);
        let before = c.partition("t", 0);
        let epoch_before = c.snapshot().controller_epoch;
        let failed = before.leader;
        c.away(failed);
        // The controller dies somewhere between noticing the failure and finishing the election.
        thread::sleep(Duration::from_micros(rng.range(0, 400_000)));
        drop(controller);
        controller = spawn(&["--meta", &c.m, "controller", "run"], None, None);
        wait_until("a new leader", Duration::from_secs(20), || {
            let s = c.snapshot();
            let p = &s.topics["t"].partitions[0];
            s.controller_epoch > epoch_before && s.controller.is_some() && p.leader != failed && p.leader >= 0
        });
        let after = c.partition("t", 0);
        assert!(after.leader_epoch > before.leader_epoch, "trial {}: {:?} -> {:?}", trial, before, after);
        assert!(after.isr.contains(&after.leader) && !after.isr.contains(&failed), "trial {}: {:?}", trial, after);
        let read: Vec<String> = c.ok(&["consume", "t", "-p", "0", "-e"], b"").lines().map(str::to_string).collect();
        assert_eq!(read, acked, "trial {}: acknowledged records after the hand-off", trial);
        // The failed broker returns as a follower and catches up into the ISR.
        c.back(failed);
        c.ok(&["replicate", "--from", &c.bs(after.leader), "--to", &c.bs(failed)], b"");
        wait_until("the ISR whole again", Duration::from_secs(20), || c.partition("t", 0).isr.len() == 3);
        ok(&["--data-dir", &c.bs(failed), "--meta", &c.m, "verify"], b"");
    }
    // One controller epoch per election, each elected once, every change under an elected epoch.
    let changes = c.store().changes().unwrap();
    let mut elected = std::collections::BTreeSet::new();
    for ch in &changes {
        if let Some(e) = ch.controller_epoch {
            if ch.kind == "controller-elected" {
                assert!(elected.insert(e), "controller epoch {} elected twice", e);
            } else {
                assert!(elected.contains(&e), "a {} under epoch {}, which no controller was elected at", ch.kind, e);
            }
        }
    }
    eprintln!("{} controller hand-offs, {} records acknowledged and read back", trials(), acked.len());
}
