//! `klog retention` under fire, with the real binary.
//!
//! - SIGKILL at pseudo-random moments (xorshift, fixed seeds) during deletion and during
//!   compaction. Right after each kill, a lock-free reader must see a consistent log (offsets
//!   increasing, every record exactly what was produced at that offset, no duplicate, every
//!   young record or latest value of a key still there) and `klog verify` must pass; after a
//!   reopen (the next run finishes the job) the log must match the model exactly.
//! - Producers, `klog consume -f` readers and two overlapping `klog retention` loops at once:
//!   every retention run exits 0, 3 or 4 (never a failure); no reader reports an error; every
//!   record a reader prints is one that was produced, at increasing offsets; every record that
//!   survives to the end was seen by every reader whose range covered it; and a reader of a
//!   delete-policy topic skips offsets only where it said the records were deleted.

mod common;

use common::{compaction_model, wait_until, wait_until_every, Klog, Rec, XorShift};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::ExitStatusExt;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const DAY: i64 = 86_400_000;

fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64
}

fn klog(t: &Klog) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("klog"));
    c.arg("--data-dir").arg(t.data()).env_remove("KLOG_DATA_DIR");
    c
}

fn bases(t: &Klog, topic: &str) -> Vec<i64> {
    let mut v: Vec<i64> = std::fs::read_dir(t.partition_dir(topic, 0))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok()?.strip_suffix(".log")?.parse().ok())
        .collect();
    v.sort();
    v
}

fn checkpoint(t: &Klog, file: &str, topic: &str) -> Option<i64> {
    let text = std::fs::read_to_string(t.data().join(file)).unwrap_or_default();
    text.lines().skip(2).find_map(|l| {
        let f: Vec<&str> = l.split_whitespace().collect();
        (f.len() == 3 && f[0] == topic && f[1] == "0").then(|| f[2].parse().unwrap())
    })
}

/// Starts `klog retention ARGS`, SIGKILLs it after `delay`; true when it was killed (rather
/// than done already).
fn killed_retention(t: &Klog, args: &[&str], delay: Duration) -> bool {
    let mut child = klog(t).arg("retention").args(args).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    // The kill -9 at a chosen moment is the point.
    thread::sleep(delay);
    let _ = child.kill();
    let status = child.wait().unwrap();
    if status.signal() == Some(9) {
        return true;
    }
    assert!(matches!(status.code(), Some(0) | Some(4)), "retention failed: {:?}", status);
    false
}

fn finish_retention(t: &Klog, topic: &str) {
    let out = t.cmd(&["retention", topic]).output().unwrap();
    assert!(
        matches!(out.status.code(), Some(0) | Some(4)),
        "retention after a kill: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn sigkill_during_deletion_loses_nothing_that_was_to_stay() {
    let t = Klog::new();
    let mut rng = XorShift::new(11);
    let (old, young) = (600usize, 30usize);
    let mut killed_midway = 0;
    for round in 0..5 {
        let topic = format!("d{}", round);
        t.ok(&["topic", "create", &topic, "-c", "internal.segment.bytes=100", "-c", "retention.ms=3600000"]);
        let line = |i: usize| if i < old { format!("old-{}", i) } else { format!("new-{}", i) };
        let input: String = (0..old).map(|i| line(i) + "\n").collect();
        let ts = (now_ms() - DAY).to_string();
        t.ok_with(&["produce", &topic, "-p", "0", "--batch-size", "1", "--timestamp", &ts], input.as_bytes());
        let input: String = (old..old + young).map(|i| line(i) + "\n").collect();
        t.ok_with(&["produce", &topic, "-p", "0", "--batch-size", "1"], input.as_bytes());
        let keep_from = *bases(&t, &topic).iter().filter(|&&b| b <= old as i64).max().unwrap();

        let killed = killed_retention(&t, &[&topic], Duration::from_millis(rng.range(5, 400)));
        // Right after the kill, before any writer repairs anything.
        for stage in ["after the kill", "after the next run"] {
            let out = t.ok(&["consume", &topic, "-p", "0", "-e", "--format", "%o %s\\n"]);
            let seen: Vec<(usize, String)> = out
                .lines()
                .map(|l| {
                    let (o, v) = l.split_once(' ').unwrap();
                    (o.parse().unwrap(), v.to_string())
                })
                .collect();
            let first = seen.first().unwrap().0;
            assert!(
                first as i64 <= keep_from,
                "round {} {}: young records lost (log starts at {})",
                round,
                stage,
                first
            );
            for (i, (o, v)) in seen.iter().enumerate() {
                assert_eq!(*o, first + i, "round {} {}: offsets must stay contiguous", round, stage);
                assert_eq!(*v, line(*o), "round {} {}", round, stage);
            }
            assert_eq!(seen.last().unwrap().0, old + young - 1);
            t.verify_ok(&format!("round {} {}", round, stage));
            if stage == "after the kill" {
                let on_disk = bases(&t, &topic)[0];
                if killed && on_disk > 0 && on_disk < keep_from {
                    killed_midway += 1;
                }
                finish_retention(&t, &topic);
            } else {
                assert_eq!(first as i64, keep_from, "round {}: the next run finishes the deletion", round);
            }
        }
        // Nothing is left behind of the protocol.
        let leftovers = std::fs::read_dir(t.partition_dir(&topic, 0))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".deleted"))
            .count();
        assert_eq!(leftovers, 0);
    }
    eprintln!("rounds killed in the middle of a deletion: {}", killed_midway);
    assert!(killed_midway > 0, "no kill landed in the middle of a deletion: the test exercised nothing");
}

fn consume_records(t: &Klog, topic: &str) -> Vec<(i64, Rec)> {
    t.ok(&["consume", topic, "-p", "0", "-e", "--json"])
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (
                v["offset"].as_i64().unwrap(),
                (v["key"].as_str().unwrap().to_string(), v["value"].as_str().map(str::to_string)),
            )
        })
        .collect()
}

#[test]
fn sigkill_during_compaction_keeps_every_latest_value() {
    let t = Klog::new();
    t.ok(&[
        "topic",
        "create",
        "c",
        "-c",
        "cleanup.policy=compact",
        "-c",
        "internal.segment.bytes=1500",
        "-c",
        "min.cleanable.dirty.ratio=0.01",
    ]);
    let mut rng = XorShift::new(5);
    let mut log: Vec<Rec> = Vec::new();
    let mut killed_rounds = 0;
    for round in 0..7 {
        let mut input = String::new();
        for i in 0..6000 {
            let k = format!("key-{}", rng.range(0, 400));
            let v = (rng.range(0, 20) != 0).then(|| format!("r{}-{}", round, i));
            input.push_str(&serde_json::json!({"key": k, "value": v}).to_string());
            input.push('\n');
            log.push((k, v));
        }
        t.ok_with(&["produce", "c", "-p", "0", "--input", "json", "--batch-size", "400"], input.as_bytes());
        // Odd rounds compact in several passes (a key map of 150 keys), with a checkpoint each.
        let args: &[&str] = if round % 2 == 1 { &["c", "--dedupe-buffer-bytes", "4800"] } else { &["c"] };
        if killed_retention(&t, args, Duration::from_millis(rng.range(10, 900))) {
            killed_rounds += 1;
        }
        // Right after the kill: a consistent subset of what was produced, every key's latest
        // record present, nothing twice.
        let seen = consume_records(&t, "c");
        let mut prev = -1;
        for (o, r) in &seen {
            assert!(*o > prev, "round {}: offset {} after {}", round, o, prev);
            prev = *o;
            assert_eq!(r, &log[*o as usize], "round {}: offset {}", round, o);
        }
        let present: HashSet<i64> = seen.iter().map(|(o, _)| *o).collect();
        let mut latest: HashMap<&str, usize> = HashMap::new();
        for (o, (k, _)) in log.iter().enumerate() {
            latest.insert(k, o);
        }
        for (k, o) in &latest {
            assert!(
                present.contains(&(*o as i64)),
                "round {}: the latest record of {} (offset {}) is missing",
                round,
                k,
                o
            );
        }
        t.verify_ok(&format!("after the kill in round {}", round));
        // Reopen: the next run finishes (or redoes) the compaction; then exactly the model.
        finish_retention(&t, "c");
        let end = checkpoint(&t, "cleaner-offset-checkpoint", "c").unwrap();
        assert_eq!(end, *bases(&t, "c").last().unwrap());
        assert_eq!(consume_records(&t, "c"), compaction_model(&log, end), "round {}", round);
        t.verify_ok(&format!("after the next run in round {}", round));
        let leftovers: Vec<String> = std::fs::read_dir(t.partition_dir("c", 0))
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".cleaned") || n.ends_with(".swap") || n.ends_with(".deleted"))
            .collect();
        assert!(leftovers.is_empty(), "{:?}", leftovers);
    }
    assert!(killed_rounds > 0, "no run was killed before it finished: the test exercised nothing");
}

#[test]
fn a_long_compaction_lets_producers_in() {
    let t = Klog::new();
    t.ok(&[
        "topic",
        "create",
        "big",
        "-c",
        "cleanup.policy=compact",
        "-c",
        "internal.segment.bytes=20000",
        "-c",
        "min.cleanable.dirty.ratio=0.01",
    ]);
    let input: String = (0..300_000).map(|i| format!("k{}:v{}-xxxxxxxxxxxxxxxxxxxxxxxxx\n", i % 1000, i)).collect();
    t.ok_with(&["produce", "big", "-p", "0", "-K", ":", "--batch-size", "2000"], input.as_bytes());
    let mut retention =
        klog(&t).args(["retention", "big"]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    // Compaction under way: its first `.cleaned` segment appears (polled every millisecond, as
    // one lasts only while its group of segments is cleaned).
    let part = t.partition_dir("big", 0);
    wait_until_every(
        "compaction to write a .cleaned segment",
        Duration::from_secs(30),
        Duration::from_millis(1),
        || std::fs::read_dir(&part).unwrap().flatten().any(|e| e.file_name().to_string_lossy().ends_with(".cleaned")),
    );
    assert!(retention.try_wait().unwrap().is_none(), "compaction ended before the producer came: too little data");
    // Without the lock being let go now and then, this producer would give up after 1.5 s.
    let started = Instant::now();
    let out = klog(&t)
        .args(["--lock-timeout-ms", "1500", "produce", "big", "-p", "0", "-K", ":"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            c.stdin.take().unwrap().write_all(b"late:during-compaction\n")?;
            c.wait_with_output()
        })
        .unwrap();
    assert!(out.status.success(), "producer: {}", String::from_utf8_lossy(&out.stderr));
    let waited = started.elapsed();
    let still_running = retention.try_wait().unwrap().is_none();
    let r = retention.wait_with_output().unwrap();
    assert_eq!(r.status.code(), Some(0), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(still_running, "the producer got in only after compaction ended (it waited {:?})", waited);
    assert!(!r.stderr.contains(&b'\r'), "no progress bar when stderr is not a terminal");
    let last = t.ok(&["consume", "big", "-p", "0", "-e", "-o", "-1", "--format", "%o %k=%s\n"]);
    assert_eq!(last, "300000 late=during-compaction\n");
    t.verify_ok("after compaction with a producer in the middle");
}

/// Collects a child's stdout or stderr lines.
fn collect(stream: impl std::io::Read + Send + 'static) -> (Arc<Mutex<Vec<String>>>, thread::JoinHandle<()>) {
    let lines = Arc::new(Mutex::new(Vec::new()));
    let l2 = lines.clone();
    let h = thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            l2.lock().unwrap().push(line);
        }
    });
    (lines, h)
}

struct Reader {
    topic: String,
    child: Child,
    out: Arc<Mutex<Vec<String>>>,
    err: Arc<Mutex<Vec<String>>>,
    threads: Vec<thread::JoinHandle<()>>,
}

fn start_reader(t: &Klog, topic: &str) -> Reader {
    let mut child = klog(t)
        .args(["consume", topic, "-p", "0", "-f", "--format", "%o %k %s\\n"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (out, h1) = collect(child.stdout.take().unwrap());
    let (err, h2) = collect(child.stderr.take().unwrap());
    Reader { topic: topic.to_string(), child, out, err, threads: vec![h1, h2] }
}

/// (offset, key, value) of one reader line.
fn parse_line(l: &str) -> (i64, String, String) {
    let f: Vec<&str> = l.splitn(3, ' ').collect();
    assert_eq!(f.len(), 3, "{:?}", l);
    (f[0].parse().unwrap(), f[1].to_string(), f[2].to_string())
}

fn key_of(n: usize) -> String {
    format!("key{}", n % 23)
}

#[test]
fn producers_readers_and_overlapping_retention_runs() {
    let t = Klog::new();
    t.ok(&[
        "topic",
        "create",
        "del",
        "-c",
        "internal.segment.bytes=1200",
        "-c",
        "retention.bytes=8000",
        "-c",
        "retention.ms=-1",
    ]);
    t.ok(&[
        "topic",
        "create",
        "cmp",
        "-c",
        "cleanup.policy=compact",
        "-c",
        "internal.segment.bytes=1200",
        "-c",
        "min.cleanable.dirty.ratio=0.05",
    ]);
    let topics = ["del", "cmp"];
    let mut readers: Vec<Reader> = topics.iter().map(|tp| start_reader(&t, tp)).collect();
    let stop = Arc::new(AtomicBool::new(false));
    // Two overlapping retention loops.
    let loops: Vec<_> = (0..2)
        .map(|_| {
            let stop = stop.clone();
            let data = t.data();
            thread::spawn(move || {
                let mut codes = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    let out = Command::new(assert_cmd::cargo::cargo_bin("klog"))
                        .arg("--data-dir")
                        .arg(&data)
                        .args(["retention", "--lock-wait-ms", "100"])
                        .env_remove("KLOG_DATA_DIR")
                        .output()
                        .unwrap();
                    let err = String::from_utf8_lossy(&out.stderr).into_owned();
                    assert!(matches!(out.status.code(), Some(0) | Some(3) | Some(4)), "retention failed: {}", err);
                    codes.push(out.status.code().unwrap());
                    // Pacing, not waiting: runs back to back, with a little room between.
                    thread::sleep(Duration::from_millis(20));
                }
                codes
            })
        })
        .collect();
    // Two producers per topic, in bursts, each releasing the lock between bursts.
    let mut producers = Vec::new();
    for (ti, topic) in topics.iter().enumerate() {
        for w in 0..2 {
            let mut child = klog(&t)
                .args(["produce", topic, "-p", "0", "-K", ":", "--linger-ms", "2"])
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let mut stdin = child.stdin.take().unwrap();
            let feeder = thread::spawn(move || {
                let mut rng = XorShift::new((ti * 10 + w + 1) as u64);
                for chunk in 0..40 {
                    let mut buf = String::new();
                    for n in chunk * 40..(chunk + 1) * 40 {
                        buf += &format!("{}:w{}-{}\n", key_of(n), w, n);
                    }
                    stdin.write_all(buf.as_bytes()).unwrap();
                    stdin.flush().unwrap();
                    // Pacing, not waiting: the input comes in bursts over time.
                    thread::sleep(Duration::from_millis(rng.range(20, 70)));
                }
            });
            producers.push((child, feeder));
        }
    }
    // Readers that start from the beginning later, while old segments are being cleaned: once
    // the first reader of "del" (3200 records in all) has read up to offset 1000, then 2000.
    for n in [1000, 2000] {
        let first = readers[0].out.clone();
        wait_until(&format!("the del reader at offset {}", n), Duration::from_secs(30), || {
            first.lock().unwrap().last().is_some_and(|l| parse_line(l).0 >= n)
        });
        readers.extend(topics.iter().map(|tp| start_reader(&t, tp)));
    }
    for (child, feeder) in producers {
        feeder.join().unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "producer: {}", String::from_utf8_lossy(&out.stderr));
    }
    stop.store(true, Ordering::Relaxed);
    let codes: Vec<i32> = loops.into_iter().flat_map(|l| l.join().unwrap()).collect();
    assert!(codes.contains(&0), "no retention run did anything: {:?}", codes);
    // One last run on the quiet directory, then the final state.
    let out = t.cmd(&["retention"]).output().unwrap();
    assert!(matches!(out.status.code(), Some(0) | Some(4)), "{}", String::from_utf8_lossy(&out.stderr));
    t.verify_ok("at the end");
    let mut finals: HashMap<&str, Vec<(i64, String, String)>> = HashMap::new();
    for topic in topics {
        let out = t.ok(&["consume", topic, "-p", "0", "-e", "--format", "%o %k %s\\n"]);
        finals.insert(topic, out.lines().map(parse_line).collect());
    }
    assert!(checkpoint(&t, "log-start-offset-checkpoint", "del").unwrap_or(0) > 0, "retention deleted nothing");
    assert!(checkpoint(&t, "cleaner-offset-checkpoint", "cmp").unwrap_or(0) > 0, "compaction never ran");
    assert!(!finals["cmp"].is_empty());
    // Wait for every reader to reach the end, then stop it.
    for r in readers.iter_mut() {
        let last = finals[r.topic.as_str()].last().unwrap().0;
        wait_until(&format!("a {} reader at offset {}", r.topic, last), Duration::from_secs(30), || {
            r.out.lock().unwrap().last().is_some_and(|l| parse_line(l).0 == last)
        });
        r.child.kill().unwrap();
        r.child.wait().unwrap();
    }
    for r in readers {
        for h in r.threads {
            h.join().unwrap();
        }
        let err = r.err.lock().unwrap().clone();
        assert!(!err.iter().any(|l| l.contains("error")), "a {} reader failed: {:?}", r.topic, err);
        let lines: Vec<(i64, String, String)> = r.out.lock().unwrap().iter().map(|l| parse_line(l)).collect();
        // Every record is a produced one, with its key, at increasing offsets; each writer's
        // records in the order written.
        let mut prev = -1;
        let mut last_n: HashMap<String, usize> = HashMap::new();
        for (o, k, v) in &lines {
            assert!(*o > prev, "{}: offset {} after {}", r.topic, o, prev);
            prev = *o;
            let (w, n) = v.split_once('-').unwrap();
            let n: usize = n.parse().unwrap();
            assert_eq!(*k, key_of(n), "{}: {}", r.topic, v);
            if let Some(&p) = last_n.get(w) {
                assert!(n > p, "{}: {} after {}-{}", r.topic, v, w, p);
            }
            last_n.insert(w.to_string(), n);
        }
        // Everything that survived was seen, at the same offset.
        let seen: HashSet<(i64, &str)> = lines.iter().map(|(o, _, v)| (*o, v.as_str())).collect();
        let first = lines.first().map_or(i64::MAX, |l| l.0);
        for (o, _, v) in finals[r.topic.as_str()].iter().filter(|f| f.0 >= first) {
            assert!(seen.contains(&(*o, v.as_str())), "{}: a reader missed {} at offset {}", r.topic, v, o);
        }
        // A delete-policy reader skips offsets only where it said they were deleted.
        if r.topic == "del" {
            for pair in lines.windows(2) {
                let (a, b) = (pair[0].0, pair[1].0);
                if b != a + 1 {
                    let said = format!("offset {} was deleted", a + 1);
                    assert!(err.iter().any(|l| l.contains(&said)), "del: a silent gap from {} to {}: {:?}", a, b, err);
                }
            }
        }
    }
}
