//! The data lifecycle with the real binary: `klog retention` (time, size, both, at segment
//! boundaries, the active segment, dry runs, locked partitions, exit codes), `klog
//! delete-records` (arguments and Kafka's JSON file), and compaction against a model.
//!
//! The compaction model: a partition is a list of produced records, offset = position. After a
//! run that cleaned up to `cleaner-offset-checkpoint` = E, a record stays iff its offset is >= E,
//! or it is the latest record of its key among the offsets below E (tombstones included while
//! their delete horizon has not passed). The consumer must then see exactly those records, at
//! their original offsets and in order. Workloads come from a xorshift generator with fixed
//! seeds, with tombstones and keys spread over many small segments, and some runs use a key map
//! so small that compaction needs several passes.

mod common;

use common::{compaction_model, Klog, Rec, XorShift};
use serde_json::Value;
use std::fs::File;
use std::path::Path;

const DAY: i64 = 86_400_000;

fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64
}

/// Base offsets of the `.log` files of a partition directory, ascending.
fn bases(dir: &Path) -> Vec<i64> {
    let mut v: Vec<i64> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let n = e.ok()?.file_name().into_string().ok()?;
            n.strip_suffix(".log")?.parse().ok()
        })
        .collect();
    v.sort();
    v
}

fn log_sizes(dir: &Path) -> Vec<(i64, u64)> {
    bases(dir).into_iter().map(|b| (b, std::fs::metadata(dir.join(format!("{:020}.log", b))).unwrap().len())).collect()
}

/// A root checkpoint's value for a partition.
fn checkpoint(t: &Klog, file: &str, topic: &str, p: i32) -> Option<i64> {
    let text = std::fs::read_to_string(t.data().join(file)).unwrap_or_default();
    text.lines().skip(2).find_map(|l| {
        let f: Vec<&str> = l.split_whitespace().collect();
        (f.len() == 3 && f[0] == topic && f[1] == p.to_string()).then(|| f[2].parse().unwrap())
    })
}

/// (offset, value) of everything a consumer sees in partition 0.
fn consume_values(t: &Klog, topic: &str) -> Vec<(i64, String)> {
    t.ok(&["consume", topic, "-p", "0", "-e", "--format", "%o %s\\n"])
        .lines()
        .map(|l| {
            let (o, v) = l.split_once(' ').unwrap();
            (o.parse().unwrap(), v.to_string())
        })
        .collect()
}

/// Runs `klog retention ARGS` and returns (exit code, stdout, stderr).
fn retention(t: &Klog, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["retention"];
    all.extend_from_slice(args);
    let out = t.cmd(&all).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{}", err);
    (out.status.code().unwrap(), String::from_utf8_lossy(&out.stdout).into_owned(), err)
}

fn retention_json(t: &Klog, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let (code, out, err) = retention(t, &all);
    assert!(code != 1, "retention failed: {}{}", out, err);
    (code, serde_json::from_str(&out).unwrap_or_else(|e| panic!("{}: {}", e, out)))
}

/// Produces `n` one-record batches `{prefix}-{i}` with timestamp `ts` to partition 0.
fn produce_at(t: &Klog, topic: &str, prefix: &str, n: usize, ts: i64) {
    let input: String = (0..n).map(|i| format!("{}-{}\n", prefix, i)).collect();
    t.ok_with(&["produce", topic, "-p", "0", "--batch-size", "1", "--timestamp", &ts.to_string()], input.as_bytes());
}

#[test]
fn time_retention_deletes_whole_expired_segments_up_to_the_first_young_one() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "-c", "internal.segment.bytes=250", "-c", &format!("retention.ms={}", DAY)]);
    let now = now_ms();
    produce_at(&t, "t", "old", 10, now - 10 * DAY);
    produce_at(&t, "t", "new", 10, now - 3_600_000);
    let dir = t.partition_dir("t", 0);
    let before = bases(&dir);
    assert!(before.len() >= 5, "{:?}", before);
    // The segment holding offset 10 (the first young record) stays, with the old records in it.
    let keep_from = *before.iter().filter(|&&b| b <= 10).max().unwrap();
    assert!(keep_from > 0 && keep_from <= 10);

    // A dry run changes nothing.
    let (code, out, _) = retention(&t, &["--dry-run"]);
    assert_eq!(code, 0, "{}", out);
    assert!(out.contains("would delete"), "{}", out);
    assert_eq!(bases(&dir), before);
    assert_eq!(checkpoint(&t, "log-start-offset-checkpoint", "t", 0), None);

    let (code, v) = retention_json(&t, &[]);
    assert_eq!(code, 0);
    let p = &v["partitions"][0];
    assert_eq!(p["deletion"]["log_start_after"], keep_from);
    let reasons: Vec<&str> =
        p["deletion"]["segments"].as_array().unwrap().iter().map(|s| s["reason"].as_str().unwrap()).collect();
    assert!(reasons.iter().all(|r| *r == "time"), "{:?}", reasons);
    assert_eq!(reasons.len(), before.iter().filter(|&&b| b < keep_from).count());
    assert_eq!(bases(&dir), before.into_iter().filter(|&b| b >= keep_from).collect::<Vec<_>>());
    assert_eq!(checkpoint(&t, "log-start-offset-checkpoint", "t", 0), Some(keep_from));
    let seen = consume_values(&t, "t");
    assert_eq!(seen.first().unwrap().0, keep_from);
    assert_eq!(seen.len() as i64, 20 - keep_from, "contiguous from the new log start");
    assert_eq!(seen.last().unwrap(), &(19, "new-9".to_string()));
    t.verify_ok("");
    // Nothing left to do (issue 10: the normal result of a cron run): exit 0, and the table and
    // the JSON say so; --exit-code (as git diff) tells it apart with 4.
    let (code, out, _) = retention(&t, &[]);
    assert_eq!(code, 0, "{}", out);
    assert!(out.contains("nothing to do"), "{}", out);
    let (code, v) = retention_json(&t, &[]);
    assert_eq!((code, &v["nothing_to_do"], &v["exit_code"]), (0, &Value::Bool(true), &Value::from(0)), "{}", v);
    let (code, out, _) = retention(&t, &["--exit-code"]);
    assert_eq!(code, 4, "{}", out);
    assert!(out.contains("nothing to do"), "{}", out);
    let (code, v) = retention_json(&t, &["--exit-code"]);
    assert_eq!((code, &v["nothing_to_do"], &v["exit_code"]), (4, &Value::Bool(true), &Value::from(4)), "{}", v);
}

#[test]
fn size_retention_deletes_the_oldest_segments_while_the_excess_covers_them() {
    let t = Klog::new();
    t.ok(&["topic", "create", "s", "-c", "internal.segment.bytes=300", "-c", "retention.ms=-1"]);
    produce_at(&t, "s", "r", 40, now_ms());
    let dir = t.partition_dir("s", 0);
    let sizes = log_sizes(&dir);
    let total: u64 = sizes.iter().map(|s| s.1).sum();
    // A limit that falls inside the fourth segment: the first three go.
    let limit = total - sizes[..3].iter().map(|s| s.1).sum::<u64>() - sizes[3].1 / 2;
    t.ok(&["topic", "alter", "s", "-c", &format!("retention.bytes={}", limit)]);
    let (code, v) = retention_json(&t, &["s"]);
    assert_eq!(code, 0);
    let d = &v["partitions"][0]["deletion"];
    assert_eq!(d["segments"].as_array().unwrap().len(), 3, "{}", v);
    assert_eq!(d["bytes"], sizes[..3].iter().map(|s| s.1).sum::<u64>());
    assert_eq!(v["bytes_freed"], d["bytes"]);
    assert_eq!(bases(&dir)[0], sizes[3].0);
    assert!(log_sizes(&dir).iter().map(|s| s.1).sum::<u64>() > limit, "never below the limit");
    assert_eq!(consume_values(&t, "s")[0].0, sizes[3].0);
    // Exactly at the limit now? Not over it by a whole segment: nothing more to do.
    assert_eq!(retention(&t, &["s", "--exit-code"]).0, 4);
    t.verify_ok("");
}

#[test]
fn size_and_time_together_each_on_what_the_other_left() {
    let t = Klog::new();
    t.ok(&["topic", "create", "b", "-c", "internal.segment.bytes=250", "-c", &format!("retention.ms={}", DAY)]);
    let now = now_ms();
    produce_at(&t, "b", "old", 12, now - 5 * DAY);
    produce_at(&t, "b", "new", 12, now);
    let dir = t.partition_dir("b", 0);
    let sizes = log_sizes(&dir);
    // Size alone takes the first segment; time then takes the rest of the old ones.
    let total: u64 = sizes.iter().map(|s| s.1).sum();
    t.ok(&["topic", "alter", "b", "-c", &format!("retention.bytes={}", total - sizes[0].1)]);
    let (_, v) = retention_json(&t, &[]);
    let segs = v["partitions"][0]["deletion"]["segments"].as_array().unwrap().clone();
    assert_eq!(segs[0]["reason"], "size");
    assert_eq!(segs[0]["base_offset"], 0);
    assert!(segs.len() > 1 && segs[1..].iter().all(|s| s["reason"] == "time"), "{:?}", segs);
    let keep_from = *sizes.iter().map(|s| &s.0).filter(|&&b| b <= 12).max().unwrap();
    assert_eq!(bases(&dir)[0], keep_from);
    assert!(consume_values(&t, "b").iter().any(|(_, v)| v == "new-0"));
    t.verify_ok("");
}

#[test]
fn a_fully_expired_partition_rolls_and_starts_again_at_its_end() {
    let t = Klog::new();
    t.ok(&["topic", "create", "x", "-c", "internal.segment.bytes=250", "-c", "retention.ms=1000"]);
    produce_at(&t, "x", "old", 9, now_ms() - DAY);
    let (code, v) = retention_json(&t, &[]);
    assert_eq!(code, 0);
    assert_eq!(v["partitions"][0]["deletion"]["rolled"], true);
    assert_eq!(v["partitions"][0]["deletion"]["log_start_after"], 9);
    let dir = t.partition_dir("x", 0);
    assert_eq!(bases(&dir), vec![9], "one empty active segment at the log end");
    assert!(consume_values(&t, "x").is_empty());
    // The empty last segment is never deleted, and appends carry on at offset 9.
    assert_eq!(retention(&t, &["--exit-code"]).0, 4);
    produce_at(&t, "x", "fresh", 1, now_ms());
    assert_eq!(consume_values(&t, "x"), vec![(9, "fresh-0".to_string())]);
    let offsets = t.ok(&["offsets", "x"]);
    assert!(offsets.contains('9'), "{}", offsets);
    t.verify_ok("");
}

#[test]
fn a_locked_partition_is_skipped_and_said_so() {
    let t = Klog::new();
    t.ok(&["topic", "create", "l", "-c", "internal.segment.bytes=250", "-c", "retention.ms=1000"]);
    produce_at(&t, "l", "old", 9, now_ms() - DAY);
    let lock =
        File::options().create(true).truncate(false).write(true).open(t.data().join(".klog/locks/l-0.lock")).unwrap();
    lock.lock().unwrap();
    // The global --lock-timeout-ms, and the old --lock-wait-ms (hidden) the same.
    for wait in [["--lock-timeout-ms", "200"], ["--lock-wait-ms", "200"]] {
        let (code, out, err) = retention(&t, &wait);
        assert_eq!(code, 3, "nothing done, work locked: {}{}", out, err);
        assert!(err.contains("l-0: skipped"), "{}", err);
        assert!(out.contains("skipped"), "{}", out);
    }
    let help = t.ok(&["retention", "--help"]);
    assert!(help.contains("--lock-timeout-ms") && !help.contains("--lock-wait-ms"), "{}", help);
    drop(lock);
    assert_eq!(retention(&t, &[]).0, 0);
}

#[test]
fn delete_records_moves_the_log_start_and_readers_never_go_below_it() {
    let t = Klog::new();
    t.ok(&["topic", "create", "d", "--partitions", "2", "-c", "internal.segment.bytes=250", "-c", "retention.ms=-1"]);
    produce_at(&t, "d", "r", 20, now_ms());
    let dir = t.partition_dir("d", 0);
    let before = bases(&dir);
    let out = t.ok(&["delete-records", "d", "-p", "0", "--before", "7"]);
    assert_eq!(out, "partition: d-0\tlow_watermark: 7\n");
    assert_eq!(checkpoint(&t, "log-start-offset-checkpoint", "d", 0), Some(7));
    // Segments entirely below 7 are gone; the one holding 7 stays.
    let holder = *before.iter().filter(|&&b| b <= 7).max().unwrap();
    assert_eq!(bases(&dir)[0], holder);
    let seen = consume_values(&t, "d");
    assert_eq!(seen[0], (7, "r-7".to_string()));
    assert_eq!(seen.len(), 13);
    assert!(t.ok(&["consume", "d", "-p", "0", "-e", "-o", "-100", "--format", "%o\\n"]).starts_with("7\n"));
    let err = t.fails(&["consume", "d", "-p", "0", "-e", "-o", "3"], b"", 1);
    assert!(err.contains("out of range"), "{}", err);
    // Lower than the current low watermark: nothing changes. Above the end: an error.
    assert_eq!(t.ok(&["delete-records", "d", "-p", "0", "--before", "2"]), "partition: d-0\tlow_watermark: 7\n");
    let err = t.fails(&["delete-records", "d", "-p", "0", "--before", "21"], b"", 1);
    assert!(err.contains("d-0") && err.contains("high watermark 20"), "{}", err);
    // Kafka's JSON file; -1 is everything.
    produce_at(&t, "d", "q", 3, now_ms());
    let f = t.dir.path().join("offsets.json");
    std::fs::write(&f, r#"{"partitions":[{"topic":"d","partition":0,"offset":15},{"topic":"d","partition":1,"offset":-1}],"version":1}"#)
        .unwrap();
    let out = t.ok(&["delete-records", "--offset-json-file", f.to_str().unwrap()]);
    assert_eq!(out, "partition: d-0\tlow_watermark: 15\npartition: d-1\tlow_watermark: 0\n");
    assert_eq!(consume_values(&t, "d")[0].0, 15);
    std::fs::write(&f, r#"{"partitions":[{"topic":"d","partition":0}],"version":1}"#).unwrap();
    t.fails(&["delete-records", "--offset-json-file", f.to_str().unwrap()], b"", 2);
    t.fails(&["delete-records", "d", "--before", "3"], b"", 2);
    t.fails(&["delete-records", "d", "-p", "0"], b"", 2);
    t.fails(&["delete-records", "nope", "-p", "0", "--before", "1"], b"", 1);
    // Retention's log-start check later takes the segments the low watermark left behind.
    let out = t.ok(&["delete-records", "d", "-p", "0", "--before", "-1"]);
    assert_eq!(out, "partition: d-0\tlow_watermark: 23\n");
    assert!(consume_values(&t, "d").is_empty());
    t.verify_ok("");
}

#[test]
fn produce_to_a_compacted_topic_needs_keys() {
    let t = Klog::new();
    t.ok(&["topic", "create", "c", "-c", "cleanup.policy=compact"]);
    let err = t.fails(&["produce", "c", "-p", "0"], b"no key here\n", 1);
    assert!(err.contains("compacted topic 'c' cannot accept record 1 without a key"), "{}", err);
    t.ok_with(&["produce", "c", "-p", "0", "-K", ":"], b"k:v\n");
    let err = t.fails(&["produce", "c", "-p", "0", "-K", ":"], b"k:v\nnokey\n", 1);
    assert!(err.contains("record 2 without a key"), "{}", err);
    // What came before the keyless record was written.
    assert_eq!(consume_values(&t, "c").len(), 2);
}

/// Produces records to partition 0 as JSON lines, one batch each so that small segments roll.
fn produce_records(t: &Klog, topic: &str, recs: &[Rec], ts: Option<i64>) {
    let mut input = String::new();
    for (k, v) in recs {
        let mut o = serde_json::json!({"key": k, "value": v});
        if let Some(ts) = ts {
            o["timestamp"] = ts.into();
        }
        input.push_str(&o.to_string());
        input.push('\n');
    }
    t.ok_with(&["produce", topic, "-p", "0", "--input", "json", "--batch-size", "60"], input.as_bytes());
}

/// Everything a consumer sees: (offset, (key, value)).
fn consume_records(t: &Klog, topic: &str) -> Vec<(i64, Rec)> {
    t.ok(&["consume", topic, "-p", "0", "-e", "--json"])
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let key = v["key"].as_str().unwrap().to_string();
            (v["offset"].as_i64().unwrap(), (key, v["value"].as_str().map(str::to_string)))
        })
        .collect()
}

fn random_records(rng: &mut XorShift, round: usize, n: usize, keys: u64) -> Vec<Rec> {
    (0..n)
        .map(|i| {
            let k = format!("key-{}", rng.below(keys));
            let v = (rng.below(10) != 0).then(|| format!("r{}-{}-{}", round, i, "x".repeat(rng.below(40) as usize)));
            (k, v)
        })
        .collect()
}

#[test]
fn compaction_matches_a_model_over_random_workloads_and_small_key_maps() {
    let t = Klog::new();
    t.ok(&[
        "topic",
        "create",
        "m",
        "-c",
        "cleanup.policy=compact",
        "-c",
        "internal.segment.bytes=700",
        "-c",
        "min.cleanable.dirty.ratio=0.01",
        "-c",
        "index.interval.bytes=200",
    ]);
    let dir = t.partition_dir("m", 0);
    let mut rng = XorShift::new(7);
    let mut log: Vec<Rec> = Vec::new();
    let mut saw_passes = false;
    let mut saw_merge = false;
    for round in 0..6 {
        let n = 60 + rng.below(60) as usize;
        let recs = random_records(&mut rng, round, n, 25);
        produce_records(&t, "m", &recs, None);
        log.extend(recs);
        let segments_before = bases(&dir).len();
        // Every other round with a key map of 12 keys: several passes.
        let small = round % 2 == 1;
        let args: &[&str] = if small { &["--dedupe-buffer-bytes", "384"] } else { &[] };
        let (code, v) = retention_json(&t, args);
        assert_eq!(code, 0, "round {}: {}", round, v);
        let c = &v["partitions"][0]["compaction"];
        let end = checkpoint(&t, "cleaner-offset-checkpoint", "m", 0).unwrap();
        assert_eq!(c["cleaner_offset"], end);
        assert_eq!(end, *bases(&dir).last().unwrap(), "cleaned up to the active segment");
        if small {
            assert!(c["passes"].as_u64().unwrap() > 1, "round {}: {}", round, c);
            saw_passes = true;
        }
        saw_merge |= bases(&dir).len() < segments_before;
        let want = compaction_model(&log, end);
        let got = consume_records(&t, "m");
        assert_eq!(got, want, "round {}", round);
        let removed = c["records_removed"].as_u64().unwrap();
        assert!(removed > 0, "round {}: nothing removed", round);
        t.verify_ok("");
    }
    assert!(saw_passes && saw_merge);
    // Tombstones stay (delete.retention.ms is a day) and carry a delete horizon.
    let tombstones = consume_records(&t, "m").iter().filter(|(_, (_, v))| v.is_none()).count();
    assert!(tombstones > 0);
    let dump = t.ok(&["dump", dir.to_str().unwrap()]);
    assert!(dump.contains("deleteHorizonMs: OptionalLong["), "{}", dump);
}

#[test]
fn tombstones_go_after_delete_retention_ms() {
    let t = Klog::new();
    let cfg =
        ["-c", "cleanup.policy=compact", "-c", "internal.segment.bytes=100", "-c", "min.cleanable.dirty.ratio=0.01"];
    for (topic, keep_ms) in [("gone", "0"), ("kept", "86400000")] {
        let mut args = vec!["topic", "create", topic, "-c"];
        let dr = format!("delete.retention.ms={}", keep_ms);
        args.push(&dr);
        args.extend_from_slice(&cfg);
        t.ok(&args);
        let recs: Vec<Rec> = vec![
            ("a".into(), Some("1".into())),
            ("b".into(), Some("2".into())),
            ("a".into(), None),
            ("c".into(), Some("3".into())),
        ];
        produce_records(&t, topic, &recs, None);
        // First cleaning: the older "a" goes, the tombstone stays with a horizon.
        assert_eq!(retention(&t, &[topic]).0, 0);
        let keys: Vec<(i64, Rec)> = consume_records(&t, topic);
        assert_eq!(keys.iter().map(|(o, _)| *o).collect::<Vec<_>>(), vec![1, 2, 3], "{}: {:?}", topic, keys);
        assert_eq!(keys[1].1, ("a".to_string(), None));
        // Time passes on purpose: past the tombstone's horizon for delete.retention.ms=0.
        std::thread::sleep(std::time::Duration::from_millis(5));
        // More dirty data, then a second cleaning.
        produce_records(&t, topic, &[("d".into(), Some("4".into())), ("e".into(), Some("5".into()))], None);
        assert_eq!(retention(&t, &[topic]).0, 0);
        let offsets: Vec<i64> = consume_records(&t, topic).iter().map(|(o, _)| *o).collect();
        if topic == "gone" {
            assert_eq!(offsets, vec![1, 3, 4, 5], "the tombstone at 2 is gone");
        } else {
            assert_eq!(offsets, vec![1, 2, 3, 4, 5], "the tombstone at 2 stays a day");
        }
    }
    t.verify_ok("");
}

#[test]
fn compaction_lags_are_honoured() {
    let t = Klog::new();
    let base = ["-c", "cleanup.policy=compact", "-c", "internal.segment.bytes=100"];
    let recs: Vec<Rec> = (0..6).map(|i| ("k".to_string(), Some(format!("v{}", i)))).collect();
    // min.compaction.lag.ms: young records are not compacted, even with a dirty ratio of 1.
    let mut args = vec!["topic", "create", "young", "-c", "min.compaction.lag.ms=3600000"];
    args.extend_from_slice(&base);
    t.ok(&args);
    produce_records(&t, "young", &recs, None);
    assert_eq!(retention(&t, &["young", "--exit-code"]).0, 4);
    assert_eq!(consume_records(&t, "young").len(), 6);
    produce_records(&t, "young", &recs, Some(now_ms() - 2 * 3_600_000));
    // The old records after the young ones are not cleanable either: the young segment stops it.
    assert_eq!(retention(&t, &["young", "--exit-code"]).0, 4);
    // max.compaction.lag.ms: due although the ratio (0.99) would never say so.
    let mut args =
        vec!["topic", "create", "lag", "-c", "min.cleanable.dirty.ratio=0.99", "-c", "max.compaction.lag.ms=1000"];
    args.extend_from_slice(&base);
    t.ok(&args);
    produce_records(&t, "lag", &recs, Some(now_ms() - DAY));
    let (code, v) = retention_json(&t, &["lag"]);
    assert_eq!(code, 0, "{}", v);
    assert!(v["partitions"][0]["compaction"]["dirty_ratio"].as_f64().unwrap() <= 1.0);
    // The latest below the active segment (offset 5, never cleaned) stays, and offset 5.
    let want: Vec<(i64, Rec)> = [4, 5].iter().map(|&o| (o, ("k".to_string(), Some(format!("v{}", o))))).collect();
    assert_eq!(consume_records(&t, "lag"), want);
}

#[test]
fn compact_delete_topics_both_compact_and_expire() {
    let t = Klog::new();
    t.ok(&[
        "topic",
        "create",
        "cd",
        "-c",
        "cleanup.policy=compact,delete",
        "-c",
        "internal.segment.bytes=100",
        "-c",
        "retention.ms=3600000",
        "-c",
        "min.cleanable.dirty.ratio=0.01",
    ]);
    let old: Vec<Rec> = (0..4).map(|i| (format!("o{}", i), Some("old".to_string()))).collect();
    produce_records(&t, "cd", &old, Some(now_ms() - DAY));
    let new: Vec<Rec> = (0..6).map(|i| (format!("n{}", i % 2), Some(format!("new{}", i)))).collect();
    produce_records(&t, "cd", &new, None);
    let (code, v) = retention_json(&t, &[]);
    assert_eq!(code, 0);
    let p = &v["partitions"][0];
    assert!(p["deletion"].is_object() && p["compaction"].is_object(), "{}", p);
    let got: Vec<i64> = consume_records(&t, "cd").iter().map(|(o, _)| *o).collect();
    assert!(got.iter().all(|&o| o >= 4), "expired keys are gone: {:?}", got);
    assert!(got.contains(&8) && got.contains(&9), "the latest of each key stays: {:?}", got);
    assert!(!got.contains(&4) && !got.contains(&5), "superseded records go: {:?}", got);
    t.verify_ok("");
}

/// `offsets --time` after compaction emptied the first segment, as Kafka's ListOffsets answers
/// it: a segment without time-index entries has its file's modification time as its largest
/// timestamp, and only the first segment whose largest timestamp reaches the time is searched.
/// (tests/kafka_oracle.rs compares klog with GetOffsetShell on such a topic.)
#[test]
fn offsets_for_time_after_compaction_follows_kafkas_segment_rule() {
    const BASE: i64 = 1_700_000_000_000;
    let t = Klog::new();
    t.ok(&[
        "topic",
        "create",
        "tc",
        "-c",
        "cleanup.policy=compact",
        "-c",
        "min.cleanable.dirty.ratio=0.01",
        "-c",
        "internal.segment.bytes=1000",
    ]);
    let mut input = String::new();
    for round in 0..10 {
        for k in 0..10 {
            let ts = BASE + (round * 10 + k) * 1000;
            input += &format!("{{\"key\":\"k{k}\",\"value\":\"v{round}-{k}\",\"timestamp\":{ts}}}\n");
        }
    }
    t.ok_with(&["produce", "tc", "-p", "0", "--input", "json", "--batch-size", "200"], input.as_bytes());
    t.ok(&["retention", "tc"]);
    let dir = t.partition_dir("tc", 0);
    let first = bases(&dir)[0];
    let first_log = dir.join(format!("{first:020}.log"));
    assert_eq!(std::fs::metadata(&first_log).unwrap().len(), 0, "compaction did not empty the first segment");
    let offset_for = |time: i64| -> Value {
        let out = t.ok(&["offsets", "tc", "--time", &time.to_string(), "--json"]);
        serde_json::from_str::<Value>(&out).unwrap()[0]["offset_for_time"].clone()
    };
    // The empty segment's file is recent, so its largest timestamp is later than every record:
    // Kafka searches it alone and finds no offset.
    assert_eq!(offset_for(BASE + 57_500), Value::Null);
    // Made older than the time asked for, it is passed over, and the first record at or after
    // the time is found in the segments after it.
    let old = std::time::UNIX_EPOCH + std::time::Duration::from_millis((BASE - DAY) as u64);
    File::options().write(true).open(&first_log).unwrap().set_modified(old).unwrap();
    let records = t.log_records("tc");
    let want = records.iter().map(|r| r.0 .1).find(|&o| o >= 58).expect("a record at or after offset 58");
    assert_eq!(offset_for(BASE + 57_500), Value::from(want));
}
