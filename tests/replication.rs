//! Replication between data directories, through the real binary on temporary directories:
//! cluster membership and placement, acks=all with min.insync.replicas, losing brokers, an
//! explicit leader change, divergence truncation after an unclean leader change, standalone
//! replication and its bad inputs, and SIGKILLed followers and producers.
//!
//! Invariants checked: every acknowledged (exit 0, acks=all) record stays readable from a
//! surviving in-sync replica; a follower truncates exactly the records of an epoch its leader
//! never had; after any kill every replica verifies clean and all replicas hold the same bytes
//! below the high watermark.

mod common;

use common::cluster::{lines, names, Cluster};
use common::{exits, fails, ok, run, spawn_with, wait_until};
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

#[test]
fn members_share_the_cluster_and_placement_spreads_leaders() {
    let c = Cluster::new(3);
    let cid = |i: i32| {
        let t = std::fs::read_to_string(c.b(i).join("meta.properties")).unwrap();
        t.lines().find(|l| l.starts_with("cluster.id=")).unwrap().to_string()
    };
    assert_eq!(cid(0), cid(1));
    assert_eq!(cid(1), cid(2));
    c.ok(&["topic", "create", "t", "-P", "3", "--replication-factor", "3"], b"");
    let d = c.ok(&["topic", "describe", "t"], b"");
    assert!(d.contains("ReplicationFactor: 3"), "{d}");
    assert!(d.contains("Partition: 0\tLeader: 0\tLeaderEpoch: 0\tReplicas: 0,1,2\tIsr: 0,1,2"), "{d}");
    assert!(d.contains("Partition: 1\tLeader: 1\tLeaderEpoch: 0\tReplicas: 1,2,0\tIsr: 1,2,0"), "{d}");
    assert!(d.contains("Partition: 2\tLeader: 2"), "{d}");
    for i in 0..3 {
        for p in 0..3 {
            assert!(c.b(i).join(format!("t-{}", p)).is_dir());
        }
    }
    assert_eq!(c.ok(&["topic", "describe", "--under-replicated-partitions"], b""), "");
    // Any member data directory knows the store.
    let via_member = ok(&["--data-dir", &c.bs(1), "topic", "describe", "t"], b"");
    assert_eq!(via_member, d);
    // Explicit assignment creates only the assigned replicas.
    c.ok(&["topic", "create", "u", "--replica-assignment", "0:1,1:0"], b"");
    assert!(c.b(0).join("u-1").is_dir() && !c.b(2).join("u-0").exists());
    // Bad input: one line, nothing changed.
    let v = c.snapshot().version;
    c.fails(&["topic", "create", "x", "--replication-factor", "4"], b"", 1);
    c.fails(&["topic", "create", "x", "--replica-assignment", "0:7"], b"", 1);
    c.fails(&["topic", "create", "x", "--replica-assignment", "0:0"], b"", 2);
    c.fails(&["topic", "create", "t", "--replication-factor", "1"], b"", 1);
    assert_eq!(c.snapshot().version, v);
    // A directory of another cluster cannot join; a broker id cannot be taken twice.
    let other = c.dir.path().join("other");
    ok(&["--data-dir", other.to_str().unwrap(), "init", "--broker-id", "5"], b"");
    fails(&["--data-dir", other.to_str().unwrap(), "--meta", c.m.as_str(), "init", "--broker-id", "5"], b"", 1);
    let fresh = c.dir.path().join("fresh");
    fails(&["--data-dir", fresh.to_str().unwrap(), "--meta", c.m.as_str(), "init", "--broker-id", "1"], b"", 1);
    // Without a store, replication options are a usage error.
    let solo = c.dir.path().join("solo");
    fails(&["--data-dir", solo.to_str().unwrap(), "topic", "create", "s", "--replication-factor", "3"], b"", 2);
    // The change log records every change with a CRC.
    let store = c.store();
    let kinds: Vec<String> = store.changes().unwrap().into_iter().map(|ch| ch.kind).collect();
    assert_eq!(kinds.iter().filter(|k| *k == "register-broker").count(), 3);
    assert_eq!(kinds.iter().filter(|k| *k == "create-topic").count(), 2);
}

#[test]
fn acks_all_survives_the_loss_of_two_brokers() {
    let c = Cluster::new(3);
    c.ok(&["topic", "create", "t", "-P", "1", "--replication-factor", "3", "-c", "min.insync.replicas=2"], b"");
    c.ok(&["produce", "t", "-p", "0", "--acks", "all"], &lines(0, 100));
    let off = c.ok(&["offsets", "t", "--json"], b"");
    assert!(off.contains("\"high_watermark\":100"), "{off}");
    // Followers hold everything acknowledged.
    for i in 1..3 {
        let hw = std::fs::read_to_string(c.b(i).join("replication-offset-checkpoint")).unwrap();
        assert!(hw.contains("t 0 100"), "{hw}");
    }
    // One broker gone: acks=all still succeeds with ISR {0,2} and the ISR change is recorded.
    c.away(1);
    c.ok(&["produce", "t", "-p", "0", "--acks", "all"], &lines(100, 150));
    assert_eq!(c.snapshot().topics["t"].partitions[0].isr, vec![0, 2]);
    let d = c.ok(&["topic", "describe", "--under-replicated-partitions"], b"");
    assert!(d.contains("Isr: 0,2"), "{d}");
    assert_eq!(c.ok(&["topic", "describe", "--under-min-isr-partitions"], b""), "");
    // The leader is lost too; leadership moves explicitly to the surviving in-sync replica.
    c.away(0);
    c.ok(&["cluster", "elect-leader", "--topic", "t", "--partition", "0", "--leader", "2"], b"");
    assert_eq!(c.consume("t", 0), names(0, 150), "every acknowledged record survives on broker 2");
    // With one in-sync replica left, acks=all is refused before anything is written; acks=1 works.
    // The store still lists broker 0 in the ISR: the leader writes, finds it gone, refuses the ack.
    let e = c.fails(&["produce", "t", "-p", "0", "--acks", "all"], b"x\n", 1);
    assert!(e.contains("NOT_ENOUGH_REPLICAS"), "{e}");
    assert_eq!(c.snapshot().topics["t"].partitions[0].isr, vec![2]);
    let e = c.fails(&["produce", "t", "-p", "0", "--acks", "all"], b"y\n", 1);
    assert!(e.contains("nothing was written"), "{e}");
    c.ok(&["produce", "t", "-p", "0", "--acks", "1"], b"z\n");
    // Below min.insync.replicas the high watermark is frozen: x and z stay invisible.
    assert_eq!(c.consume("t", 0), names(0, 150));
}

#[test]
fn not_enough_replicas_writes_nothing() {
    let c = Cluster::new(3);
    c.ok(&["topic", "create", "t", "--replication-factor", "3", "-c", "min.insync.replicas=2"], b"");
    c.ok(&["produce", "t", "-p", "0"], &lines(0, 10));
    c.away(1);
    c.away(2);
    // The ISR still says {0,1,2}: the leader writes, finds the followers gone, and refuses to ack.
    let e = c.fails(&["produce", "t", "-p", "0", "--acks", "all"], b"late\n", 1);
    assert!(e.contains("NOT_ENOUGH_REPLICAS"), "{e}");
    assert_eq!(c.snapshot().topics["t"].partitions[0].isr, vec![0]);
    // Now it fails before writing anything.
    let leo = || c.ok(&["offsets", "t", "--json"], b"");
    let before = leo();
    let e = c.fails(&["produce", "t", "-p", "0", "--acks", "all"], b"never\n", 1);
    assert!(e.contains("NOT_ENOUGH_REPLICAS") && e.contains("nothing was written"), "{e}");
    assert_eq!(leo(), before);
    // The unacknowledged record stays invisible: the HW is frozen below min.insync.replicas.
    assert_eq!(c.consume("t", 0), names(0, 10));
    // acks=1 needs only the leader.
    c.ok(&["produce", "t", "-p", "0", "--acks", "1"], b"one\n");
    // The followers come back and catch up with `klog replicate`, rejoining the ISR.
    c.back(1);
    c.back(2);
    ok(&["replicate", "--from", &c.bs(0), "--to", &c.bs(1)], b"");
    ok(&["replicate", "--from", &c.bs(0), "--to", &c.bs(2), "--json"], b"");
    assert_eq!(c.snapshot().topics["t"].partitions[0].isr, vec![0, 1, 2]);
    let mut want = names(0, 10);
    want.push("late".into());
    want.push("one".into());
    assert_eq!(c.consume("t", 0), want);
}

#[test]
fn follower_truncates_exactly_the_records_of_an_old_epoch() {
    let c = Cluster::new(2);
    c.ok(&["topic", "create", "t", "--replica-assignment", "0:1", "-c", "min.insync.replicas=1"], b"");
    c.ok(&["produce", "t", "-p", "0", "--acks", "all"], &lines(0, 5));
    // Broker 1 is away while broker 0 takes 3 more records in epoch 0.
    c.away(1);
    c.ok(&["produce", "t", "-p", "0", "--acks", "1"], &lines(5, 8));
    assert_eq!(c.snapshot().topics["t"].partitions[0].isr, vec![0]);
    // Broker 0 is lost; broker 1 becomes leader uncleanly (epoch 1) and takes 2 records.
    c.away(0);
    c.back(1);
    c.fails(&["cluster", "elect-leader", "--topic", "t", "--partition", "0", "--leader", "1"], b"", 1);
    c.ok(&["cluster", "elect-leader", "--topic", "t", "--partition", "0", "--leader", "1", "--unclean"], b"");
    c.ok(&["produce", "t", "-p", "0", "--acks", "1"], b"n0\nn1\n");
    // Broker 0 returns as a follower: it drops offsets 5..8 (epoch 0) and copies 5..7 (epoch 1).
    c.back(0);
    let o = ok(&["replicate", "--from", &c.bs(1), "--to", &c.bs(0), "--json"], b"");
    let v: serde_json::Value = serde_json::from_str(o.trim()).unwrap();
    assert_eq!(v["partitions"][0]["start_offset"], 8);
    assert_eq!(v["partitions"][0]["truncated_to"], 5);
    assert_eq!(v["partitions"][0]["follower_end_offset"], 7);
    let seg = "00000000000000000000.log";
    assert_eq!(
        std::fs::read(c.b(0).join("t-0").join(seg)).unwrap(),
        std::fs::read(c.b(1).join("t-0").join(seg)).unwrap()
    );
    let epochs = |i: i32| std::fs::read_to_string(c.b(i).join("t-0/leader-epoch-checkpoint")).unwrap();
    assert_eq!(epochs(0), epochs(1));
    assert!(epochs(0).contains("1 5"), "{}", epochs(0));
    let mut want = names(0, 5);
    want.extend(["n0".to_string(), "n1".to_string()]);
    assert_eq!(c.consume("t", 0), want);
    // The old leader acting under its stale epoch is fenced (exit 3).
    let store = c.store();
    let e = klog::replica::check_leader(&store, "t", 0, 0, klog::LeaderEpoch(0)).unwrap_err();
    assert!(matches!(e, klog::Error::StaleLeaderEpoch { epoch: klog::LeaderEpoch(0), .. }), "{e}");
    // Broker 1 does not follow broker 0 any more: nothing to do, nothing touched.
    let o = ok(&["replicate", "--from", &c.bs(0), "--to", &c.bs(1)], b"");
    assert!(o.contains("replicated 0 partition(s)"), "{o}");
}

#[test]
fn standalone_replication_copies_bytes_and_rejects_bad_targets() {
    let t = tempfile::tempdir().unwrap();
    let a = t.path().join("a");
    let b = t.path().join("b");
    let (as_, bs) = (a.to_str().unwrap(), b.to_str().unwrap());
    ok(&["--data-dir", as_, "topic", "create", "s", "-P", "2", "-c", "internal.segment.bytes=2000"], b"");
    ok(&["--data-dir", as_, "produce", "s", "-p", "0", "--batch-size", "500"], &lines(0, 500));
    ok(&["--data-dir", as_, "produce", "s", "-p", "1"], &lines(500, 600));
    fails(&["replicate", "--from", as_, "--to", bs], b"", 1); // follower missing
    ok(&["--data-dir", bs, "init", "--broker-id", "1"], b"");
    let o = ok(&["replicate", "--from", as_, "--to", bs], b"");
    assert!(o.contains("replicated 2 partition(s)"), "{o}");
    for p in 0..2 {
        let dir = format!("s-{}", p);
        let mut names: Vec<_> = std::fs::read_dir(a.join(&dir)).unwrap().map(|e| e.unwrap().file_name()).collect();
        names.sort();
        for n in names.iter().filter(|n| n.to_string_lossy().ends_with(".log")) {
            assert_eq!(std::fs::read(a.join(&dir).join(n)).unwrap(), std::fs::read(b.join(&dir).join(n)).unwrap());
        }
    }
    let o = ok(&["replicate", "--from", as_, "--to", bs, "--json"], b"");
    assert!(o.contains("\"batches\":0"), "{o}");
    assert_eq!(
        ok(&["--data-dir", bs, "consume", "s", "-p", "1"], b""),
        ok(&["--data-dir", as_, "consume", "s", "-p", "1"], b"")
    );
    fails(&["replicate", "--from", as_, "--to", as_], b"", 2); // the same directory twice: a usage error
                                                               // A follower with a leader epoch newer than any of the leader's is a conflict (exit 3),
                                                               // never a silent truncation.
    {
        let dd = klog::datadir::DataDir::open(&b).unwrap();
        let t = dd.topic("s").unwrap();
        let mut batch = {
            let r = dd.open_reader(&t, 0).unwrap();
            let mut cur = r.cursor(0);
            cur.next_batch().unwrap().unwrap().1.to_vec()
        };
        let mut w = dd.open_writer(&t, 0).unwrap();
        w.append_batch(&mut batch, klog::log::AppendMode::Leader { leader_epoch: 7 }).unwrap();
    }
    ok(&["--data-dir", as_, "produce", "s", "-p", "0"], b"more\n");
    let e = fails(&["replicate", "--from", as_, "--to", bs, "--topic", "s", "--partition", "0"], b"", 3);
    assert!(e.contains("epoch 7") && e.contains("stale"), "{e}");
    fails(&["replicate", "--from", as_, "--to", bs, "--topic", "nope"], b"", 1);
    // Another cluster's member is refused.
    let c = Cluster::new(1);
    fails(&["replicate", "--from", as_, "--to", &c.bs(0)], b"", 1);
    // A read-only follower fails with the path named (file modes do not stop root: then klog
    // runs as nobody).
    let ro = t.path().join("ro");
    ok(&["--data-dir", ro.to_str().unwrap(), "init"], b"");
    use std::os::unix::fs::PermissionsExt;
    let mut klog_ro = common::klog_without_root(t.path());
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    let args = ["replicate", "--from", as_, "--to", ro.to_str().unwrap()];
    let out = klog_ro.args(args).output().unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    let e = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{e}");
    assert!(!e.contains("panicked"), "{e}");
    common::assert_one_line_error(&args, &e);
    assert!(e.contains("ro"), "{e}");
}

/// Every batch below `hw` of one replica, as bytes.
fn batches_below(dir: &Path, hw: i64) -> Vec<Vec<u8>> {
    let r = klog::log::PartitionReader::open(dir, None).unwrap();
    let mut c = r.cursor(0);
    c.set_limit(Some(hw));
    let mut out = Vec::new();
    while let Some((_, b)) = c.next_batch().unwrap() {
        out.push(b.to_vec());
    }
    out
}

#[test]
fn sigkilled_followers_and_producers_leave_consistent_replicas() {
    let c = Cluster::new(3);
    c.ok(
        &[
            "topic",
            "create",
            "t",
            "--replication-factor",
            "3",
            "-c",
            "min.insync.replicas=2",
            "-c",
            "internal.segment.bytes=4096",
        ],
        b"",
    );
    let bin = assert_cmd::cargo::cargo_bin("klog");
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut rnd = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let mut acked = 0usize;
    for round in 0..6 {
        let mut kids = Vec::new();
        for f in 1..3 {
            kids.push(
                std::process::Command::new(&bin)
                    .args(["replicate", "--from", &c.bs(0), "--to", &c.bs(f), "--follow", "--poll-ms", "5"])
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap(),
            );
        }
        let acks = if round % 2 == 0 { "all" } else { "1" };
        let mut prod = std::process::Command::new(&bin)
            .args(["--meta", c.m.as_str(), "produce", "t", "-p", "0", "--acks", acks, "--batch-size", "300"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        {
            use std::io::Write;
            let mut stdin = prod.stdin.take().unwrap();
            let _ = stdin.write_all(&lines(acked, acked + 2000));
        }
        // A kill -9 at a random moment: the point of the test.
        std::thread::sleep(std::time::Duration::from_millis(20 + rnd(150)));
        for k in kids.iter_mut().chain(std::iter::once(&mut prod)) {
            let _ = k.kill();
            let _ = k.wait();
        }
        acked += 2000;
    }
    // A final acknowledged produce brings every replica in sync (the producer itself copies).
    c.ok(&["produce", "t", "-p", "0", "--acks", "all"], b"last\n");
    let snap = c.snapshot();
    let ps = &snap.topics["t"].partitions[0];
    assert_eq!(ps.isr.len(), 3, "{:?}", ps);
    for i in 0..3 {
        let v = ok(&["--data-dir", &c.bs(i), "verify", "--json"], b"");
        assert!(!v.contains("\"problems\":[{"), "broker {i}: {v}");
    }
    let hw: i64 = std::fs::read_to_string(c.b(0).join("replication-offset-checkpoint"))
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("t 0 ").map(|v| v.parse().unwrap()))
        .unwrap();
    let first = batches_below(&c.b(0).join("t-0"), hw);
    assert!(!first.is_empty());
    for i in 1..3 {
        assert_eq!(batches_below(&c.b(i).join("t-0"), hw), first, "broker {i} disagrees below the HW {hw}");
    }
    let all = c.consume("t", 0);
    assert_eq!(all.last().map(String::as_str), Some("last"));
}

#[test]
fn a_lagging_follower_leaves_the_isr_and_rejoins_when_caught_up() {
    let c = Cluster::new(2);
    c.ok(&["topic", "create", "t", "--replica-assignment", "0:1", "-c", "replica.lag.time.max.ms=200"], b"");
    // acks=1 does not copy: the follower falls behind, but stays in sync within the lag time.
    c.ok(&["produce", "t", "-p", "0", "--acks", "1"], &lines(0, 10));
    assert_eq!(c.snapshot().topics["t"].partitions[0].isr, vec![0, 1]);
    assert_eq!(c.consume("t", 0), Vec::<String>::new(), "the HW waits for the in-sync follower");
    // Time passes on purpose: the follower lags for longer than replica.lag.time.max.ms.
    std::thread::sleep(std::time::Duration::from_millis(400));
    c.ok(&["produce", "t", "-p", "0", "--acks", "1"], &lines(10, 20));
    assert_eq!(c.snapshot().topics["t"].partitions[0].isr, vec![0]);
    assert_eq!(c.consume("t", 0), names(0, 20), "without the lagging follower the HW moves");
    let store = c.store();
    let last = store.changes().unwrap().pop().unwrap();
    assert_eq!(last.kind, "isr-change");
    assert_eq!(last.detail["leader_epoch"], 0);
    assert_eq!(last.detail["isr"], serde_json::json!([0]));
    // It catches up with `klog replicate` and rejoins.
    let o = ok(&["replicate", "--from", &c.bs(0), "--to", &c.bs(1)], b"");
    assert!(o.contains("copied 2 batch(es)"), "{o}");
    assert_eq!(c.snapshot().topics["t"].partitions[0].isr, vec![0, 1]);
    let d = c.ok(&["topic", "describe", "t"], b"");
    assert!(d.contains("Isr: 0,1"), "{d}");
}

#[test]
fn broker_agents_keep_followers_in_sync() {
    let c = Cluster::new(3);
    c.ok(&["topic", "create", "t", "-P", "2", "--replication-factor", "3", "-c", "min.insync.replicas=2"], b"");
    let agents: Vec<_> = (0..3)
        .map(|i| {
            let args = ["--data-dir", &c.bs(i), "broker", "run", "--poll-ms", "10"];
            spawn_with(&args, Stdio::inherit(), Stdio::null(), Stdio::null())
        })
        .collect();
    // The liveness lock: a second agent for the same broker is a conflict.
    wait_until("an agent running", Duration::from_secs(30), || {
        c.ok(&["cluster", "brokers"], b"").contains("agent running")
    });
    fails(&["--data-dir", &c.bs(1), "broker", "run", "--passes", "1"], b"", 3);
    // acks=1 returns at once; the agents bring the followers up and the HW follows.
    c.ok(&["produce", "t", "-p", "0", "--acks", "1"], &lines(0, 50));
    c.ok(&["produce", "t", "-p", "1", "--acks", "1"], &lines(50, 80));
    let hw_ok = |o: &str| {
        o.contains("\"partition\":0,\"earliest\":0,\"latest\":50,\"high_watermark\":50")
            && o.contains("\"partition\":1,\"earliest\":0,\"latest\":30,\"high_watermark\":30")
    };
    wait_until("the high watermarks at 50 and 30", Duration::from_secs(30), || {
        hw_ok(&c.ok(&["offsets", "t", "--json"], b""))
    });
    drop(agents);
    let o = c.ok(&["offsets", "t", "--json"], b"");
    assert!(hw_ok(&o), "{}", o);
    assert_eq!(c.consume("t", 0), names(0, 50));
    for i in 0..3 {
        for p in 0..2 {
            let end = klog::log::PartitionReader::open(&c.b(i).join(format!("t-{}", p)), None)
                .unwrap()
                .log_end_offset()
                .unwrap();
            assert_eq!(end, if p == 0 { 50 } else { 30 }, "broker {i} partition {p}");
        }
    }
}

/// Appends copies of `template` (one record each) to `dir`'s partition `s-0`, one per epoch.
fn append_epochs(dir: &Path, template: &[u8], epochs: &[i32]) {
    let dd = klog::datadir::DataDir::open(dir).unwrap();
    let t = dd.topic("s").unwrap();
    let mut w = dd.open_writer(&t, 0).unwrap();
    for &e in epochs {
        let mut b = template.to_vec();
        w.append_batch(&mut b, klog::log::AppendMode::Leader { leader_epoch: e }).unwrap();
    }
    w.flush().unwrap();
}

fn epoch_entries(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("s-0/leader-epoch-checkpoint")).unwrap()
}

#[test]
fn divergence_walks_back_through_epochs_the_leader_never_had() {
    // KIP-279: leader epochs 0@0 1@3 3@6 (LEO 10); follower 0@0 2@5 (LEO 8). The follower first
    // learns that the leader's epoch 1 ends at 6, truncates to the end of its own epoch 0 (5),
    // asks again for epoch 0 (which the leader ended at 3), and truncates to 3.
    let t = tempfile::tempdir().unwrap();
    let (a, b) = (t.path().join("a"), t.path().join("b"));
    let scratch = t.path().join("scratch");
    for d in [&a, &scratch] {
        ok(&["--data-dir", d.to_str().unwrap(), "topic", "create", "s"], b"");
    }
    // The follower's replica of the (empty) topic, with the leader's topic id.
    ok(&["--data-dir", b.to_str().unwrap(), "init", "--broker-id", "1"], b"");
    ok(&["replicate", "--from", a.to_str().unwrap(), "--to", b.to_str().unwrap()], b"");
    ok(&["--data-dir", scratch.to_str().unwrap(), "produce", "s", "-p", "0"], b"x\n");
    let template = {
        let r = klog::log::PartitionReader::open(&scratch.join("s-0"), None).unwrap();
        let mut c = r.cursor(0);
        c.next_batch().unwrap().unwrap().1.to_vec()
    };
    append_epochs(&a, &template, &[0, 0, 0, 1, 1, 1, 3, 3, 3, 3]);
    append_epochs(&b, &template, &[0, 0, 0, 0, 0, 2, 2, 2]);
    assert_eq!(epoch_entries(&a), "0\n3\n0 0\n1 3\n3 6\n");
    assert_eq!(epoch_entries(&b), "0\n2\n0 0\n2 5\n");
    let o = ok(&["replicate", "--from", a.to_str().unwrap(), "--to", b.to_str().unwrap(), "--json"], b"");
    let v: serde_json::Value = serde_json::from_str(o.trim()).unwrap();
    assert_eq!(v["partitions"][0]["truncated_to"], 3, "{o}");
    assert_eq!(v["partitions"][0]["batches"], 7, "{o}");
    assert_eq!(epoch_entries(&a), epoch_entries(&b));
    assert_eq!(
        std::fs::read(a.join("s-0/00000000000000000000.log")).unwrap(),
        std::fs::read(b.join("s-0/00000000000000000000.log")).unwrap()
    );
}

#[test]
fn a_follower_behind_the_leaders_log_start_starts_over_there() {
    let t = tempfile::tempdir().unwrap();
    let (a, b) = (t.path().join("a"), t.path().join("b"));
    let (as_, bs) = (a.to_str().unwrap(), b.to_str().unwrap());
    ok(&["--data-dir", as_, "topic", "create", "s", "-c", "internal.segment.bytes=500"], b"");
    ok(&["--data-dir", bs, "init", "--broker-id", "1"], b"");
    ok(&["replicate", "--from", as_, "--to", bs], b"");
    ok(&["--data-dir", as_, "produce", "s", "-p", "0", "--batch-size", "100"], &lines(0, 200));
    ok(&["--data-dir", as_, "delete-records", "s", "-p", "0", "--before", "150"], b"");
    let start = |d: &str| {
        let o = ok(&["--data-dir", d, "offsets", "s", "--json"], b"");
        let v: serde_json::Value = serde_json::from_str(o.trim()).unwrap();
        (v[0]["earliest"].as_i64().unwrap(), v[0]["latest"].as_i64().unwrap())
    };
    let (leader_start, leader_end) = start(as_);
    assert!(leader_start > 0);
    ok(&["replicate", "--from", as_, "--to", bs], b"");
    assert_eq!(start(bs), (leader_start, leader_end));
    assert_eq!(ok(&["--data-dir", bs, "consume", "s"], b""), ok(&["--data-dir", as_, "consume", "s"], b""));
    ok(&["--data-dir", bs, "verify"], b"");
}

#[test]
fn cluster_topics_are_listed_altered_and_deleted_through_the_store() {
    let c = Cluster::new(3);
    c.ok(&["topic", "create", "t", "-P", "2", "--replication-factor", "2"], b"");
    for p in ["0", "1"] {
        c.ok(&["produce", "t", "-p", p], &lines(0, 10));
    }
    let l = c.ok(&["topic", "list", "--json"], b"");
    assert!(l.contains(r#"{"name":"t","partitions":2,"replication_factor":2}"#), "{}", l);
    // Configs and the partition count change in the store; the new partition gets its replicas.
    let out = c.ok(&["topic", "alter", "t", "-c", "retention.ms=86400000", "-P", "3"], b"");
    assert!(out.contains("3 partition(s)"), "{}", out);
    let snap = c.snapshot();
    let t = &snap.topics["t"];
    assert_eq!(t.configs.get("retention.ms").map(String::as_str), Some("86400000"));
    assert_eq!(t.partitions.len(), 3);
    let p2 = &t.partitions[2];
    assert_eq!((p2.replicas.len(), p2.leader, p2.leader_epoch.0), (2, p2.replicas[0], 0));
    for b in &p2.replicas {
        assert!(c.b(*b).join("t-2").is_dir(), "broker {} holds t-2", b);
        let local = std::fs::read_to_string(c.b(*b).join(".klog/topics/t.json")).unwrap();
        assert!(local.contains("retention.ms"), "broker {}'s own topic file follows: {}", b, local);
    }
    c.ok(&["produce", "t", "-p", "2"], &lines(0, 4));
    assert_eq!(c.consume("t", 2), names(0, 4));
    // Removing an override removes it from the replicas' own files too.
    c.ok(&["topic", "alter", "t", "--delete-config", "retention.ms"], b"");
    assert!(c.snapshot().topics["t"].configs.is_empty());
    for b in &p2.replicas {
        let local = std::fs::read_to_string(c.b(*b).join(".klog/topics/t.json")).unwrap();
        assert!(!local.contains("retention.ms"), "broker {}: {}", b, local);
    }
    // Bad changes change nothing.
    let before = c.snapshot();
    c.fails(&["topic", "alter", "t", "-P", "1"], b"", 1);
    c.fails(&["topic", "alter", "t", "-c", "no.such.config=1"], b"", 2);
    c.fails(&["topic", "alter", "nosuch", "-c", "retention.ms=1"], b"", 1);
    for args in [&["topic", "delete", "nosuch"][..], &["consume", "--group", "g", "t", "nosuch", "-e"][..]] {
        let e = c.fails(args, b"", 1);
        assert!(e.contains("topic 'nosuch' is not in the cluster metadata"), "{}", e);
    }
    assert_eq!(c.snapshot(), before);
    // delete-records acts on the leader, up to its high watermark; followers follow.
    let leader = before.topics["t"].partitions[0].leader;
    let follower = before.topics["t"].partitions[0].replicas.iter().copied().find(|&b| b != leader).unwrap();
    c.fails(&["delete-records", "t", "-p", "0", "--before", "11"], b"", 1);
    c.ok(&["delete-records", "t", "-p", "0", "--before", "4"], b"");
    assert_eq!(c.consume("t", 0), names(4, 10));
    ok(&["replicate", "--from", &c.bs(leader), "--to", &c.bs(follower)], b"");
    let start = std::fs::read_to_string(c.b(follower).join("log-start-offset-checkpoint")).unwrap();
    assert!(start.lines().any(|l| l == "t 0 4"), "the follower follows the log start: {}", start);
    // Deleting the topic: gone from the store and from every reachable broker; a broker that was
    // away deletes its copy through its agent when it returns.
    let away = before.topics["t"].partitions[1].replicas[0];
    c.away(away);
    let o = run(&["--meta", c.m.as_str(), "topic", "delete", "t"], b"");
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains(&format!("broker {}: its copy stays", away)));
    let snap = c.snapshot();
    assert!(!snap.topics.contains_key("t") && snap.deleted_topics.contains_key("t"));
    for b in (0..3).filter(|&b| b != away) {
        assert!(!(0..3).any(|p| c.b(b).join(format!("t-{}", p)).exists()), "broker {} deleted its copy", b);
    }
    c.back(away);
    let o = run(&["--data-dir", &c.bs(away), "broker", "run", "--passes", "1"], b"");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!(0..3).any(|p| c.b(away).join(format!("t-{}", p)).exists()), "the returning broker deleted its copy");
    assert!(!c.ok(&["topic", "list"], b"").contains("t "));
    // A topic of the same name created again is a new topic (new id), which agents leave alone.
    c.ok(&["topic", "create", "t", "-P", "1", "--replication-factor", "3"], b"");
    ok(&["--data-dir", &c.bs(away), "broker", "run", "--passes", "1"], b"");
    assert!(c.b(away).join("t-0").is_dir());
}

#[test]
fn retention_on_a_broker_uses_the_cluster_configs() {
    let c = Cluster::new(2);
    c.ok(&["topic", "create", "r", "-P", "1", "--replica-assignment", "0:1", "-c", "internal.segment.bytes=1024"], b"");
    // Records two hours old: kept by the default retention (7 days), not by one hour.
    let old: Vec<u8> = (0..100).map(|i| format!("{:060}\n", i)).collect::<String>().into_bytes();
    let two_hours_ago = (klog::timefmt::now_ms() - 7_200_000).to_string();
    c.ok(&["produce", "r", "-p", "0", "--timestamp", &two_hours_ago], &old);
    exits(&["--data-dir", &c.bs(1), "retention", "--dry-run"], b"", 0); // nothing due yet: still 0
                                                                        // Broker 1 is away while retention.ms is set: its own topic file keeps the old configs.
    c.away(1);
    c.ok(&["topic", "alter", "r", "-c", "retention.ms=3600000"], b"");
    c.back(1);
    let local = std::fs::read_to_string(c.b(1).join(".klog/topics/r.json")).unwrap();
    assert!(!local.contains("retention.ms"), "{}", local);
    // Retention of broker 1 still applies the store's retention.ms.
    let out = ok(&["--data-dir", &c.bs(1), "retention"], b"");
    assert!(out.contains("deleted by time"), "{}", out);
    let start = std::fs::read_to_string(c.b(1).join("log-start-offset-checkpoint")).unwrap();
    assert!(start.lines().any(|l| l.starts_with("r 0 ") && l != "r 0 0"), "{}", start);
}

#[test]
fn delete_records_on_a_broker_that_lost_leadership_deletes_nothing() {
    let c = Cluster::new(2);
    c.ok(&["topic", "create", "t", "-P", "1", "--replication-factor", "2"], b"");
    c.ok(&["produce", "t", "-p", "0"], &lines(0, 10));
    // What delete-records read before taking the partition lock ...
    let snap = c.snapshot();
    let ps = snap.topics["t"].partitions[0].clone();
    let other = ps.replicas.iter().copied().find(|&b| b != ps.leader).unwrap();
    // ... then leadership moves.
    c.ok(&["cluster", "elect-leader", "--topic", "t", "--partition", "0", "--leader", &other.to_string()], b"");
    let store = c.store();
    let old = klog::replica::broker_dir(&snap, ps.leader, std::time::Duration::from_secs(5)).unwrap();
    let t = old.topic("t").unwrap();
    let fence = || klog::replica::check_leader(&store, "t", 0, ps.leader, ps.leader_epoch);
    let e = klog::cleaner::delete_records(&old, &t, 0, 5, Some(10), Some(&fence)).unwrap_err();
    assert!(matches!(e, klog::Error::StaleLeaderEpoch { .. }), "{}", e);
    let start = std::fs::read_to_string(c.b(ps.leader).join("log-start-offset-checkpoint")).unwrap();
    assert!(!start.lines().any(|l| l.starts_with("t 0 ") && l != "t 0 0"), "{}", start);
    // Through the command, the records go on the current leader.
    c.ok(&["delete-records", "t", "-p", "0", "--before", "5"], b"");
    assert_eq!(c.consume("t", 0), names(5, 10));
}

#[test]
fn a_topic_deleted_twice_while_a_broker_is_away_is_still_recognised() {
    let c = Cluster::new(3);
    c.ok(&["topic", "create", "t", "-P", "1", "--replica-assignment", "2:0"], b"");
    c.ok(&["produce", "t", "-p", "0"], &lines(0, 3));
    c.away(2);
    c.ok(&["topic", "delete", "t"], b"");
    // Created again without broker 2, and deleted again.
    c.ok(&["topic", "create", "t", "-P", "1", "--replica-assignment", "0:1"], b"");
    c.ok(&["topic", "delete", "t"], b"");
    assert_eq!(c.snapshot().deleted_topics["t"].len(), 2);
    c.back(2);
    assert!(c.b(2).join("t-0").is_dir());
    let o = run(&["--data-dir", &c.bs(2), "broker", "run", "--passes", "1"], b"");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!c.b(2).join("t-0").exists(), "the first incarnation's copy was deleted");
    // A third t with broker 2 as a replica works: nothing of the old one is in its way.
    c.ok(&["topic", "create", "t", "-P", "1", "--replica-assignment", "0:2"], b"");
    c.ok(&["produce", "t", "-p", "0", "--acks", "all"], &lines(10, 12));
    let hw = std::fs::read_to_string(c.b(2).join("replication-offset-checkpoint")).unwrap();
    assert!(hw.lines().any(|l| l == "t 0 2"), "{}", hw);
}

/// delete-records left the leader's log start inside a batch: a new follower starts its log at
/// that batch's base offset, as Kafka's follower does (truncateFullyAndStartAt the batch's first
/// offset on UnexpectedAppendOffsetException), keeping the leader's log start. It verifies clean
/// (no batch below its segment's base offset), reads from the log start, and replicates again.
#[test]
fn a_follower_of_a_log_start_inside_a_batch_starts_at_the_batch() {
    let d = tempfile::tempdir().unwrap();
    let (l, f) = (d.path().join("l"), d.path().join("f"));
    let (l, f) = (l.to_str().unwrap(), f.to_str().unwrap());
    ok(&["--data-dir", l, "topic", "create", "t"], b"");
    ok(&["--data-dir", l, "produce", "t"], &lines(0, 10));
    ok(&["--data-dir", l, "delete-records", "t", "-p", "0", "--before", "5"], b"");
    ok(&["--data-dir", f, "init", "--broker-id", "1"], b"");
    for _ in 0..2 {
        ok(&["replicate", "--from", l, "--to", f], b"");
        ok(&["--data-dir", f, "verify"], b"");
    }
    let segs: Vec<String> = std::fs::read_dir(Path::new(f).join("t-0"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".log"))
        .collect();
    assert_eq!(segs, ["00000000000000000000.log"]);
    let start = std::fs::read_to_string(Path::new(f).join("log-start-offset-checkpoint")).unwrap();
    assert!(start.lines().any(|l| l == "t 0 5"), "{}", start);
    assert_eq!(ok(&["--data-dir", f, "consume", "t", "-e"], b""), String::from_utf8(lines(5, 10)).unwrap());
    // A record more on the leader goes after the batch.
    ok(&["--data-dir", l, "produce", "t"], &lines(10, 11));
    ok(&["replicate", "--from", l, "--to", f], b"");
    ok(&["--data-dir", f, "verify"], b"");
    assert_eq!(ok(&["--data-dir", f, "consume", "t", "-e"], b""), String::from_utf8(lines(5, 11)).unwrap());
}
