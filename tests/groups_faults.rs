//! Consumer groups under faults, with the real binary on temporary data directories: members
//! with `--commit manual --exec` killed with SIGKILL at pseudo-random moments (xorshift, seed
//! printed, `KLOG_TEST_SEED` to replay) and restarted while a producer writes, after which every
//! record must have been processed at least once, no member may have handled a partition without
//! holding its ownership lock, and duplicates are bounded by what was in flight at the kills;
//! a member killed over and over during a 1 ms auto-commit loop, after which `klog verify` passes,
//! `group describe` works and the committed offsets lose nothing; bad member arguments (exit codes
//! 1 and 2); a garbage `state.json` or `offsets.json` that a group must survive; and two
//! `group reset-offsets --execute` racing.

mod common;

use common::groups::{committed, describe, numbered, offsets_partition, produce, tp};
use common::process::{heavy, processed_counts, read_processed, Proc, RECORDER};
use common::{poll_until, wait_until_every, Klog, XorShift};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::sleep;
use std::time::Duration;

// ---------------------------------------------------------------------------------------------
// Harness (the processes are tests/common/process.rs, the group reads tests/common/groups.rs)

fn seed(default: u64) -> u64 {
    let s = std::env::var("KLOG_TEST_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(default);
    eprintln!("seed {} (set KLOG_TEST_SEED to replay)", s);
    s
}

// ---------------------------------------------------------------------------------------------
// 2. SIGKILL rounds with --commit manual --exec

#[test]
fn sigkilled_members_lose_no_record() {
    let _heavy = heavy();
    let mut rng = XorShift::new(seed(0x5EED_0001));
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--partitions", "4"]);
    // __consumer_offsets is made up front: several members making it at once race (that is
    // first_commits_at_once_all_succeed's subject); this test is about SIGKILL.
    t.ok(&["group", "commit", "warm-up", "--topic", "t", "-p", "0", "--offset", "0"]);
    let exec_batch = 3usize;
    let outdir = t.dir.path().join("processed");
    fs::create_dir_all(&outdir).unwrap();
    let data = t.data();
    let mut files: Vec<PathBuf> = Vec::new();
    let mut incarnation = 0;
    let batch = exec_batch.to_string();
    let mut start = |files: &mut Vec<PathBuf>, slot: usize| -> Proc {
        incarnation += 1;
        let f = outdir.join(format!("m{}-{}", slot, incarnation));
        files.push(f.clone());
        Proc::spawn(
            &t,
            &format!("m{}-{}", slot, incarnation),
            &[
                "consume",
                "-G",
                "g",
                "t",
                "--reset",
                "earliest",
                "-f",
                "--commit",
                "manual",
                "--exec-batch",
                &batch,
                "--exec",
                RECORDER,
            ],
            &[("OUT", &f), ("DATA", &data), ("GROUP", Path::new("g"))],
        )
    };
    let mut procs: Vec<Proc> = (0..3).map(|slot| start(&mut files, slot)).collect();

    // The producer: 8 runs of 50 keyed records, 150 ms apart, in a thread.
    let (bin, data2) = (assert_cmd::cargo::cargo_bin("klog"), t.data());
    let producer = std::thread::spawn(move || {
        for round in 0..8 {
            let input: String = (round * 50..(round + 1) * 50).map(|i| format!("k{}:r{}\n", i, i)).collect();
            let mut c = Command::new(&bin)
                .arg("--data-dir")
                .arg(&data2)
                .args(["produce", "t", "-K", ":"])
                .env_remove("KLOG_DATA_DIR")
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            c.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
            let out = c.wait_with_output().unwrap();
            assert!(out.status.success(), "produce: {}", String::from_utf8_lossy(&out.stderr));
            // Pacing, not waiting: the produces spread over the kills below.
            sleep(Duration::from_millis(150));
        }
    });

    let mut kills = 0usize;
    for _ in 0..8 {
        // A kill -9 at a random moment (the point of the test), and a random pause before the restart.
        sleep(Duration::from_millis(rng.range(100, 500)));
        let slot = rng.range(0, 3) as usize;
        assert!(procs[slot].kill9(), "{} had exited by itself:\n{}", procs[slot].name, procs[slot].err());
        kills += 1;
        sleep(Duration::from_millis(rng.range(0, 150)));
        procs[slot] = start(&mut files, slot);
    }
    producer.join().expect("producer thread");
    let log = t.log_records("t");
    assert_eq!(log.len(), 400);

    let done = poll_until(Duration::from_secs(40), Duration::from_millis(10), || {
        let seen: BTreeSet<(i32, i64)> = read_processed(&files).records.iter().map(|(p, o, _)| (*p, *o)).collect();
        log.keys().all(|k| seen.contains(k))
    });
    let errs: String = procs.iter().map(|p| format!("--- {}\n{}", p.name, p.err())).collect();
    assert!(done, "not every record was processed within 40 s after the kills\n{}", errs);
    for p in &mut procs {
        p.stop();
    }

    let count = processed_counts(&files, &log);
    assert_eq!(count.len(), log.len(), "every record processed at least once");
    let dups: usize = count.values().map(|c| c - 1).sum();
    eprintln!("{} kills, {} records, {} duplicates (bound {})", kills, log.len(), dups, kills * exec_batch);
    assert!(
        dups <= kills * exec_batch,
        "{} duplicates after {} kills with --exec-batch {}: {:?}",
        dups,
        kills,
        exec_batch,
        count.iter().filter(|(_, c)| **c > 1).collect::<Vec<_>>()
    );
    let d = describe(&t, "g");
    assert_eq!(d.len(), 4);
    for (k, r) in &d {
        assert_eq!((&r.current, &r.lag), (&r.end, &Some(0)), "{:?}", k);
    }
    t.verify_ok("");
}

// ---------------------------------------------------------------------------------------------
// 11. Bad input and other faults

#[test]
fn bad_member_arguments() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--partitions", "2"]);
    let err = t.fails(&["consume", "-G", "g", "nosuch", "-e"], b"", 1);
    assert!(err.contains("does not exist"), "{}", err);
    let err = t.fails(&["consume", "-G", "a/b", "t", "-e"], b"", 2);
    assert!(err.contains("invalid group id"), "{}", err);
    t.fails(&["consume", "-G", "", "t", "-e"], b"", 2);
    t.fails(&["consume", "-G", "..", "t", "-e"], b"", 2);
    let err = t.fails(&["consume", "-G", "g", "t", "-p", "0", "-e"], b"", 2);
    assert!(err.contains("-p"), "{}", err);
    t.fails(&["consume", "-G", "g", "t", "-e", "--exec-batch", "0", "--exec", "true"], b"", 2);
    t.fails(&["consume", "-G", "g", "t", "-e", "--reset", "sometimes"], b"", 2);
    t.fails(&["consume", "-G", "g", "t", "-e", "--commit", "always"], b"", 2);
    t.fails(&["consume", "-G", "g", "t", "-e", "--assignment", "random"], b"", 2);
    t.fails(&["consume", "-G", "g", "t", "-e", "-o", "nowhere"], b"", 2);
    t.fails(&["consume", "t", "u", "-e"], b"", 2); // several topics only with --group
                                                   // --reset none with no committed offset: a failure naming the partition.
    t.ok_with(&["produce", "t"], b"x\n");
    let err = t.fails(&["consume", "-G", "g", "t", "-e", "--reset", "none"], b"", 1);
    assert!(err.contains("has no committed offset and --reset is none"), "{}", err);
    // None of this left a member behind.
    let v: Value = serde_json::from_str(&t.ok(&["group", "list", "--json"])).unwrap();
    assert!(v.as_array().unwrap().iter().all(|g| g["members"] == 0), "{}", v);
}

#[test]
fn garbage_state_and_snapshot_do_not_block_the_group() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--partitions", "2"]);
    produce(&t, "t", &[], &numbered("a", 0..10));
    assert_eq!(t.ok(&["consume", "-G", "g", "t", "--reset", "earliest", "-e"]).lines().count(), 10);
    let gdir = t.data().join(".klog/groups/g");
    assert!(gdir.join("state.json").is_file() && gdir.join("offsets.json").is_file());

    // A garbage state: a new member joins and resumes from the committed offsets.
    produce(&t, "t", &[], &numbered("b", 0..5));
    fs::write(gdir.join("state.json"), b"\x00garbage{{{").unwrap();
    let got: BTreeSet<String> = t.ok(&["consume", "-G", "g", "t", "-e"]).lines().map(String::from).collect();
    assert_eq!(got, numbered("b", 0..5).into_iter().collect::<BTreeSet<_>>());
    t.ok(&["group", "describe", "g", "--state"]);

    // A garbage offsets snapshot: the offsets come back from __consumer_offsets.
    produce(&t, "t", &[], &numbered("c", 0..3));
    fs::write(gdir.join("offsets.json"), b"not json").unwrap();
    assert_eq!(committed(&t, "g").values().sum::<i64>(), 15);
    let got: BTreeSet<String> = t.ok(&["consume", "-G", "g", "t", "-e"]).lines().map(String::from).collect();
    assert_eq!(got, numbered("c", 0..3).into_iter().collect::<BTreeSet<_>>());
    assert!(describe(&t, "g").values().all(|r| r.current == r.end));

    // Garbage under a live member: a second member still joins, and between them they
    // consume every new record, each once.
    let mut a = Proc::spawn(&t, "a", &["consume", "-G", "g", "t", "-f", "-v"], &[]);
    assert!(
        poll_until(Duration::from_secs(20), Duration::from_millis(10), || a.err().contains(": assigned ")),
        "{}",
        a.err()
    );
    fs::write(gdir.join("state.json"), b"]]").unwrap();
    let mut b = Proc::spawn(&t, "b", &["consume", "-G", "g", "t", "-f", "-v"], &[]);
    assert!(
        poll_until(Duration::from_secs(20), Duration::from_millis(10), || b.err().contains("joined generation")),
        "{}",
        b.err()
    );
    produce(&t, "t", &[], &numbered("d", 0..20));
    let want: BTreeSet<String> = numbered("d", 0..20).into_iter().collect();
    let ok = poll_until(Duration::from_secs(20), Duration::from_millis(10), || {
        let seen: BTreeSet<String> = a.out().lines().chain(b.out().lines()).map(String::from).collect();
        want.is_subset(&seen)
    });
    assert!(ok, "new records not consumed after the state was corrupted\n--- a\n{}\n--- b\n{}", a.err(), b.err());
    a.stop();
    b.stop();
    let all: Vec<String> = a.out().lines().chain(b.out().lines()).map(String::from).collect();
    assert_eq!(all.len(), 20, "each new record once: {:?}", all);
    assert!(describe(&t, "g").values().all(|r| r.current == r.end), "{:?}", describe(&t, "g"));
}

#[test]
fn concurrent_resets_both_succeed_one_wins() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--partitions", "2"]);
    produce(&t, "t", &["-p", "0"], &numbered("r", 0..10));
    t.ok(&["group", "commit", "g", "--topic", "t", "-p", "0", "--offset", "5"]);
    let spawn = |o: &str| {
        Command::new(assert_cmd::cargo::cargo_bin("klog"))
            .arg("--data-dir")
            .arg(t.data())
            .args(["group", "reset-offsets", "g", "--topic", "t:0", "--to-offset", o, "--execute"])
            .env_remove("KLOG_DATA_DIR")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let mut finals = BTreeSet::new();
    for _ in 0..6 {
        let (a, b) = (spawn("3"), spawn("7"));
        for c in [a, b] {
            let out = c.wait_with_output().unwrap();
            assert!(out.status.success(), "a racing reset failed: {}", String::from_utf8_lossy(&out.stderr));
        }
        let c = committed(&t, "g");
        let now = c[&tp("t", 0)];
        assert!(now == 3 || now == 7, "final offset {}", now);
        assert_eq!(c.len(), 1, "{:?}", c);
        finals.insert(now);
    }
    eprintln!("racing resets ended at {:?}", finals);
    t.verify_ok("");
}

#[test]
fn member_killed_during_fast_auto_commits() {
    let _heavy = heavy();
    let mut rng = XorShift::new(seed(0x5EED_0002));
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--partitions", "2"]);
    // __consumer_offsets made up front: a kill while it is being made is another test's
    // subject (member_killed_while_creating_the_offsets_topic); this one is about commits.
    t.ok(&["group", "commit", "warm-up", "--topic", "t", "-p", "0", "--offset", "0"]);
    // A backlog in many small batches, and a producer that keeps writing throughout, so that
    // the member commits every few milliseconds whenever it is killed.
    let recs: Vec<String> = (0..20_000).map(|i| format!("k{}:r{}", i % 97, i)).collect();
    produce(&t, "t", &["-K", ":", "--batch-size", "400"], &recs);
    let stop = Arc::new(AtomicBool::new(false));
    let producer = {
        let (bin, data, stop) = (assert_cmd::cargo::cargo_bin("klog"), t.data(), stop.clone());
        std::thread::spawn(move || {
            let mut c = Command::new(&bin)
                .arg("--data-dir")
                .arg(&data)
                .args(["produce", "t", "-K", ":", "--linger-ms", "1"])
                .env_remove("KLOG_DATA_DIR")
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let mut stdin = c.stdin.take().unwrap();
            let mut i = 20_000u64;
            while !stop.load(Ordering::Relaxed) {
                let chunk: String = (i..i + 20).map(|n| format!("k{}:r{}\n", n % 97, n)).collect();
                stdin.write_all(chunk.as_bytes()).unwrap();
                stdin.flush().unwrap();
                i += 20;
                // Pacing, not waiting: a steady trickle of input while members come and go.
                sleep(Duration::from_millis(3));
            }
            drop(stdin);
            let out = c.wait_with_output().unwrap();
            assert!(out.status.success(), "produce: {}", String::from_utf8_lossy(&out.stderr));
            i
        })
    };
    let mut seen: BTreeSet<(i32, i64)> = BTreeSet::new();
    let args = [
        "consume",
        "-G",
        "g",
        "t",
        "--reset",
        "earliest",
        "-f",
        "--auto-commit-interval-ms",
        "1",
        "--format",
        "%p %o\\n",
    ];
    let parse = |text: &str, seen: &mut BTreeSet<(i32, i64)>| {
        for l in text.lines() {
            if let Some((p, o)) = l.split_once(' ') {
                if let (Ok(p), Ok(o)) = (p.parse(), o.parse()) {
                    seen.insert((p, o));
                }
            }
        }
    };
    let mut commits_seen = Vec::new();
    for round in 0..25 {
        let mut m = Proc::spawn(&t, &format!("m{}", round), &args, &[]);
        // A kill -9 at a random moment: the point of the test.
        sleep(Duration::from_millis(rng.range(30, 250)));
        assert!(m.kill9(), "the member exited by itself:\n{}", m.err());
        parse(&m.out(), &mut seen);
        // What was committed was written out first (auto commit: only what was flushed).
        let c = committed(&t, "g");
        for ((_, p), o) in &c {
            assert!(
                (0..*o).all(|x| seen.contains(&(*p, x))),
                "round {}: committed t-{} {} but not everything below it was written out",
                round,
                p,
                o
            );
        }
        commits_seen.push(c.values().sum::<i64>());
    }
    stop.store(true, Ordering::Relaxed);
    let produced = producer.join().expect("producer thread");
    eprintln!("committed totals after each kill: {:?}", commits_seen);
    assert!(commits_seen.last().copied().unwrap_or(0) > 0, "the members never committed anything");
    t.verify_ok("");
    t.ok(&["group", "describe", "g"]);
    let d = describe(&t, "g");
    assert!(d.values().all(|r| r.current.is_some() && r.current <= r.end), "{:?}", d);
    // The rest, from the committed offsets: together with what was written out, everything.
    let log = t.log_records("t");
    assert_eq!(log.len() as u64, produced);
    let rest = t.ok(&["consume", "-G", "g", "t", "-e", "--format", "%p %o\\n"]);
    parse(&rest, &mut seen);
    let all: BTreeSet<(i32, i64)> = log.keys().copied().collect();
    assert_eq!(seen, all, "records lost across the kills");
    assert!(describe(&t, "g").values().all(|r| r.current == r.end && r.lag == Some(0)));
    t.verify_ok("");
}

/// A member killed while it creates `__consumer_offsets` (the first commit in a data directory
/// makes its 50 partitions, built in `.klog/staging/` and renamed into place after the topic
/// file is written): afterwards every group must still be able to commit, whatever its
/// partition, and the topic must have its 50 partitions. The kill lands while the partitions are
/// being built or renamed; either way nothing half-made may stay visible or block a commit.
#[test]
fn member_killed_while_creating_the_offsets_topic() {
    let _heavy = heavy();
    let late = (0..10_000).map(|i| format!("late-{}", i)).find(|g| offsets_partition(g) == 49).unwrap();
    let mut caught = None;
    for attempt in 0..5 {
        let t = Klog::new();
        t.ok(&["topic", "create", "t"]);
        produce(&t, "t", &[], &numbered("r", 0..10));
        let data = t.data();
        let topic_file = data.join(".klog/topics/__consumer_offsets.json");
        let staging = data.join(".klog/staging");
        let mut m = Proc::spawn(&t, "m", &["consume", "-G", "g", "t", "--reset", "earliest", "-f"], &[]);
        // Kill as soon as the creation is under way: staging appears, or the first partition.
        // (Polled every 200 µs: the creation takes a few milliseconds.)
        wait_until_every(
            "the member to start creating __consumer_offsets",
            Duration::from_secs(30),
            Duration::from_micros(200),
            || staging.exists() || data.join("__consumer_offsets-0").exists(),
        );
        m.kill9();
        let dirs = (0..50).filter(|p| data.join(format!("__consumer_offsets-{}", p)).exists()).count();
        eprintln!(
            "attempt {}: killed with {} of 50 partition directories in place, topic file {}, staging {}",
            attempt,
            dirs,
            topic_file.exists(),
            staging.exists()
        );
        // A partial topic must never be visible without its topic file.
        assert!(dirs == 0 || topic_file.exists(), "partition directories without a topic file");
        if dirs < 50 {
            caught = Some(t);
            break;
        }
    }
    let t = caught.expect("never caught the member while it created __consumer_offsets (5 attempts)");
    // Every group can still commit and consume.
    let out = t.cmd(&["group", "commit", &late, "--topic", "t", "-p", "0", "--offset", "3"]).output().unwrap();
    assert!(
        out.status.success(),
        "group {} (__consumer_offsets-49) cannot commit after the kill: {}",
        late,
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(t.ok(&["consume", "-G", &late, "t", "-e"]).lines().count(), 7);
    assert_eq!(t.ok(&["consume", "-G", "g", "t", "--reset", "earliest", "-e"]).lines().count(), 10);
    let d = t.ok(&["topic", "describe", "__consumer_offsets"]);
    assert!(d.contains("PartitionCount: 50"), "{}", d);
    t.verify_ok("");
}

/// The first commits in a data directory, by several processes at once: each one may find
/// `__consumer_offsets` missing or half-made by another; all must succeed.
#[test]
fn first_commits_at_once_all_succeed() {
    let _heavy = heavy();
    let groups: Vec<String> = (1..=6).map(|i| format!("grp{}", i)).collect();
    for attempt in 0..3 {
        let t = Klog::new();
        t.ok(&["topic", "create", "t"]);
        produce(&t, "t", &[], &numbered("r", 0..10));
        let children: Vec<Child> = groups
            .iter()
            .map(|g| {
                Command::new(assert_cmd::cargo::cargo_bin("klog"))
                    .arg("--data-dir")
                    .arg(t.data())
                    .args(["group", "commit", g, "--topic", "t", "-p", "0", "--offset", "4"])
                    .env_remove("KLOG_DATA_DIR")
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let failures: Vec<String> = children
            .into_iter()
            .zip(&groups)
            .filter_map(|(c, g)| {
                let out = c.wait_with_output().unwrap();
                (!out.status.success()).then(|| {
                    format!(
                        "{} (__consumer_offsets-{}): {}",
                        g,
                        offsets_partition(g),
                        String::from_utf8_lossy(&out.stderr)
                    )
                })
            })
            .collect();
        assert!(failures.is_empty(), "attempt {}: concurrent first commits failed:\n{}", attempt, failures.join(""));
        for g in &groups {
            assert_eq!(committed(&t, g), [(tp("t", 0), 4)].into_iter().collect::<BTreeMap<_, _>>(), "{}", g);
        }
        let d = t.ok(&["topic", "describe", "__consumer_offsets"]);
        assert!(d.contains("PartitionCount: 50"), "{}", d);
    }
}

/// The GroupMetadata record is informational: a member whose record cannot be written (the
/// `__consumer_offsets` partition locked past the lock timeout) joins anyway, says so once, and
/// consumes and commits as usual once the partition is free.
#[test]
fn a_group_metadata_record_that_cannot_be_written_does_not_stop_the_member() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t"]);
    t.ok_with(&["produce", "t", "-p", "0"], b"a\nb\nc\n");
    // Create __consumer_offsets, then hold the group's partition lock.
    t.ok(&["group", "commit", "g", "--topic", "t", "-p", "0", "--offset", "0"]);
    let p = klog::group::schema::partition_for_group("g");
    let lock = t.data().join(".klog/locks").join(format!("__consumer_offsets-{}.lock", p));
    let held = klog::lock::lock_exclusive(&lock, Duration::from_secs(5), "test").unwrap();
    let mut m = Proc::spawn(&t, "m", &["--lock-timeout-ms", "1000", "consume", "-G", "g", "t", "-e"], &[]);
    assert!(
        poll_until(Duration::from_secs(20), Duration::from_millis(10), || m
            .err()
            .contains("the GroupMetadata record was not written")),
        "{}",
        m.err()
    );
    drop(held);
    assert!(m.wait_for(Duration::from_secs(20)).success(), "{}", m.err());
    assert_eq!(m.out(), "a\nb\nc\n");
    let d = t.ok(&["group", "describe", "g", "--json"]);
    assert!(d.contains("\"current_offset\":3"), "{}", d);
    assert_eq!(m.err().matches("was not written").count(), 1, "said once: {}", m.err());
}
