//! Bad input to the real `klog` binary: illegal and colliding topic names, unknown topics and
//! partitions, malformed and out-of-range offsets and times, bad topic configs, records over
//! max.message.bytes, malformed `--input json`, corrupt and torn segments, indexes pointing past
//! their log, directories that are not data directories or cannot be written, a held partition
//! lock, and bad `dump`, `--compression` and `--format` arguments. Each case checks the exit
//! code (2 usage, 1 failure, 3 lock conflict), that stderr is one `klog: error:` line (argument
//! errors clap finds too) naming the offending thing with no panic, and that nothing on disk was
//! damaged.

mod common;

use common::Klog;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// Asserts that `err` is exactly one `klog: error:` line that contains every one of `needles`.
fn one_line(err: &str, needles: &[&str]) {
    assert!(err.starts_with("klog: error: "), "not a klog error: {err:?}");
    assert!(err.ends_with('\n'), "{err:?}");
    assert_eq!(err.lines().count(), 1, "more than one line: {err:?}");
    assert!(!err.contains("panicked"), "{err:?}");
    for n in needles {
        assert!(err.contains(n), "{err:?} does not mention {n:?}");
    }
}

/// Asserts that `err` is an argument error clap found, rendered as klog's one `klog: error:`
/// line that says where to read more (exit code checked by the caller).
fn clap_usage(err: &str, needle: &str) {
    one_line(err, &[needle, "--help')"]);
}

fn assert_unchanged(before: &BTreeMap<PathBuf, Vec<u8>>, t: &Klog, what: &str) {
    let after = common::tree(&t.data());
    let added: Vec<_> = after.keys().filter(|k| !before.contains_key(*k)).collect();
    let removed: Vec<_> = before.keys().filter(|k| !after.contains_key(*k)).collect();
    let changed: Vec<_> =
        before.iter().filter(|(k, v)| after.get(*k).is_some_and(|a| a != *v)).map(|(k, _)| k).collect();
    assert!(
        added.is_empty() && removed.is_empty() && changed.is_empty(),
        "{what} changed the data dir: added {added:?}, removed {removed:?}, changed {changed:?}"
    );
}

/// A data dir with topic `keep` (1 partition) holding "one", "two", "three".
fn with_kept_topic() -> Klog {
    let t = Klog::new();
    t.ok(&["topic", "create", "keep"]);
    t.ok_with(&["produce", "keep"], b"one\ntwo\nthree\n");
    t
}

fn numbered(n: usize) -> String {
    (0..n).map(|i| format!("rec-{i}\n")).collect()
}

fn log_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "log"))
        .collect();
    v.sort();
    v
}

fn run_status(t: &Klog, args: &[&str]) -> (Option<i32>, String, String) {
    let out = t.cmd(args).output().expect("run klog");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn set_mode(p: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

// ---------------------------------------------------------------------------------------------
// Topic names
// ---------------------------------------------------------------------------------------------

#[test]
fn illegal_topic_names_are_usage_errors() {
    let t = with_kept_topic();
    let long = "x".repeat(250);
    let before = common::tree(&t.data());
    let outside = std::fs::read_dir(t.dir.path()).unwrap().count();
    for name in ["../x", "a/b", "", ".", "..", long.as_str(), "a b", "../../etc/x", "é"] {
        let quoted = format!("'{name}'");
        let err = t.fails(&["topic", "create", name], b"", 2);
        one_line(&err, &["invalid topic name", &quoted]);
        let err = t.fails(&["produce", name], b"data\n", 2);
        one_line(&err, &[&quoted]);
        let err = t.fails(&["consume", name], b"", 2);
        one_line(&err, &[&quoted]);
        let err = t.fails(&["offsets", name], b"", 2);
        one_line(&err, &[&quoted]);
        let err = t.fails(&["topic", "delete", name], b"", 2);
        one_line(&err, &[&quoted]);
        let err = t.fails(&["topic", "alter", name, "-P", "2"], b"", 2);
        one_line(&err, &[&quoted]);
    }
    let err = t.fails(&["topic", "create", &long], b"", 2);
    one_line(&err, &["249"]);
    let err = t.fails(&["topic", "create", "a b"], b"", 2);
    one_line(&err, &["' '"]);
    assert_unchanged(&before, &t, "illegal topic names");
    assert_eq!(std::fs::read_dir(t.dir.path()).unwrap().count(), outside, "nothing was created beside the data dir");
    assert!(!t.dir.path().join("x-0").exists());
    assert_eq!(t.ok(&["consume", "keep"]), "one\ntwo\nthree\n");
}

#[test]
fn topic_names_colliding_on_dot_and_underscore_are_refused() {
    let t = Klog::new();
    t.ok(&["topic", "create", "a.b"]);
    t.ok_with(&["produce", "a.b"], b"dot\n");
    let before = common::tree(&t.data());
    let err = t.fails(&["topic", "create", "a_b"], b"", 1);
    one_line(&err, &["'a_b'", "'a.b'", "collides"]);
    assert!(!t.partition_dir("a_b", 0).exists());
    assert_unchanged(&before, &t, "a colliding create");
    // The other way round too.
    let t2 = Klog::new();
    t2.ok(&["topic", "create", "x_y"]);
    let err = t2.fails(&["topic", "create", "x.y"], b"", 1);
    one_line(&err, &["'x.y'", "'x_y'"]);
    assert!(!t2.partition_dir("x.y", 0).exists());
    assert_eq!(t.ok(&["consume", "a.b"]), "dot\n");
    // Creating an existing topic is refused too, and --if-not-exists makes it quiet.
    let err = t.fails(&["topic", "create", "a.b"], b"", 1);
    one_line(&err, &["'a.b'", "exists"]);
    t.ok(&["topic", "create", "a.b", "--if-not-exists"]);
    assert_unchanged(&before, &t, "creating an existing topic");
}

/// Kafka allows topic names up to 249 characters; klog accepts them as valid, so every
/// command must work on them (file names under the data dir must stay within 255 bytes).
#[test]
fn topic_names_up_to_249_characters_work_end_to_end() {
    let mut failures = Vec::new();
    for len in [200usize, 223, 224, 230, 246, 247, 249] {
        let t = Klog::new();
        let name = "n".repeat(len);
        let step = |failures: &mut Vec<String>, what: &str, args: &[&str], input: &[u8]| {
            let out = t.cmd(args).write_stdin(input.to_vec()).output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr).into_owned();
            assert!(!err.contains("panicked"), "{err}");
            if out.status.code() != Some(0) {
                failures.push(format!("{len} chars: {what}: {}", err.trim()));
                return None;
            }
            Some(String::from_utf8_lossy(&out.stdout).into_owned())
        };
        step(&mut failures, "topic create", &["topic", "create", &name], b"");
        step(&mut failures, "produce", &["produce", &name], b"hello\n");
        if let Some(out) = step(&mut failures, "consume", &["consume", &name], b"") {
            if out != "hello\n" {
                failures.push(format!("{len} chars: consume printed {out:?}"));
            }
        }
        step(&mut failures, "topic delete", &["topic", "delete", &name], b"");
        if t.partition_dir(&name, 0).exists() {
            failures.push(format!("{len} chars: partition dir left behind"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// Unknown topics and partitions
// ---------------------------------------------------------------------------------------------

#[test]
fn unknown_topics_fail_naming_the_topic() {
    let t = with_kept_topic();
    let before = common::tree(&t.data());
    let err = t.fails(&["produce", "nope"], b"data\n", 1);
    one_line(&err, &["'nope'", "klog topic create nope"]);
    let err = t.fails(&["consume", "nope"], b"", 1);
    one_line(&err, &["'nope'"]);
    let err = t.fails(&["offsets", "nope"], b"", 1);
    one_line(&err, &["'nope'"]);
    let err = t.fails(&["topic", "describe", "nope"], b"", 1);
    one_line(&err, &["'nope'"]);
    let err = t.fails(&["topic", "delete", "nope"], b"", 1);
    one_line(&err, &["'nope'"]);
    let err = t.fails(&["topic", "alter", "nope", "-P", "3"], b"", 1);
    one_line(&err, &["'nope'"]);
    let err = t.fails(&["verify", "nope"], b"", 1);
    one_line(&err, &["'nope'"]);
    assert_unchanged(&before, &t, "unknown topics");
    assert!(!t.partition_dir("nope", 0).exists());
    assert_eq!(t.ok(&["consume", "keep"]), "one\ntwo\nthree\n");
}

#[test]
fn unknown_and_negative_partitions() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "-P", "3"]);
    t.ok_with(&["produce", "t", "-p", "0"], b"a\nb\nc\n");
    let before = common::tree(&t.data());
    let err = t.fails(&["produce", "t", "-p", "7"], b"x\n", 1);
    one_line(&err, &["partition 7", "'t'"]);
    let err = t.fails(&["consume", "t", "-p", "7"], b"", 1);
    one_line(&err, &["partition 7", "'t'"]);
    let err = t.fails(&["offsets", "t", "-p", "7"], b"", 1);
    one_line(&err, &["partition 7", "'t'"]);
    let err = t.fails(&["consume", "t", "-p", "3"], b"", 1);
    one_line(&err, &["partition 3"]);
    // `-p -1` is taken for an option by clap: a usage error.
    let err = t.fails(&["consume", "t", "-p", "-1"], b"", 2);
    clap_usage(&err, "-1");
    let err = t.fails(&["produce", "t", "-p", "-1"], b"x\n", 2);
    clap_usage(&err, "-1");
    // Spelled so that clap passes it on, klog refuses it itself.
    for args in [vec!["consume", "t", "--partition=-1"], vec!["offsets", "t", "--partition=-1"]] {
        let (code, _, err) = run_status(&t, &args);
        assert!(matches!(code, Some(1) | Some(2)), "{args:?}: {code:?} {err}");
        one_line(&err, &["-1"]);
    }
    let err = {
        let out = t.cmd(&["produce", "t", "--partition=-1"]).write_stdin(b"x\n".to_vec()).output().unwrap();
        assert!(matches!(out.status.code(), Some(1) | Some(2)));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    one_line(&err, &["-1"]);
    // A keyed record for a partition that does not exist in JSON input.
    let err = t.fails(&["produce", "t", "--input", "json"], b"{\"value\":\"v\",\"partition\":9}\n", 1);
    one_line(&err, &["partition 9"]);
    assert_unchanged(&before, &t, "unknown partitions");
    assert_eq!(t.ok(&["consume", "t"]), "a\nb\nc\n");
}

// ---------------------------------------------------------------------------------------------
// Offsets and times
// ---------------------------------------------------------------------------------------------

#[test]
fn offsets_out_of_range_or_malformed() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t"]);
    t.ok_with(&["produce", "t"], b"a\nb\nc\n");
    let before = common::tree(&t.data());
    let err = t.fails(&["consume", "t", "-o", "999"], b"", 1);
    one_line(&err, &["999", "t-0", "out of range"]);
    let err = t.fails(&["consume", "t", "-o", "4"], b"", 1);
    one_line(&err, &["offset 4"]);
    let err = t.fails(&["consume", "t", "-o", "abc"], b"", 2);
    one_line(&err, &["'abc'"]);
    let err = t.fails(&["consume", "t", "-o", "-x"], b"", 2);
    one_line(&err, &["'-x'"]);
    let err = t.fails(&["consume", "t", "-o", "--5"], b"", 2);
    one_line(&err, &["'--5'"]);
    let err = t.fails(&["consume", "t", "-o", "s@yesterday"], b"", 2);
    one_line(&err, &["'yesterday'"]);
    let err = t.fails(&["consume", "t", "-o", "s@-5"], b"", 2);
    one_line(&err, &["-5"]);
    let err = t.fails(&["offsets", "t", "--time", "yesterday"], b"", 2);
    one_line(&err, &["'yesterday'"]);
    let err = t.fails(&["offsets", "t", "--time", "2024-13-45T99:00:00Z"], b"", 2);
    one_line(&err, &["2024-13-45T99:00:00Z"]);
    // A malformed offset is reported even for a topic that does not exist.
    let err = t.fails(&["consume", "nope", "-o", "abc"], b"", 2);
    one_line(&err, &["'abc'"]);
    assert_unchanged(&before, &t, "bad offsets");
    assert_eq!(t.ok(&["consume", "t", "-o", "3"]), "");
    assert_eq!(t.ok(&["consume", "t"]), "a\nb\nc\n");
}

// ---------------------------------------------------------------------------------------------
// Configs
// ---------------------------------------------------------------------------------------------

#[test]
fn bad_topic_configs_are_usage_errors() {
    let t = with_kept_topic();
    t.ok(&["topic", "alter", "keep", "--config", "retention.ms=1000"]);
    let before = common::tree(&t.data());
    let cases: [(&str, &[&str]); 5] = [
        ("retention.msx=1", &["'retention.msx'", "unknown"]),
        ("retention.ms=soon", &["'soon'", "retention.ms"]),
        ("min.cleanable.dirty.ratio=2", &["'2'", "min.cleanable.dirty.ratio"]),
        ("retention.ms", &["'retention.ms'", "key=value"]),
        ("cleanup.policy=shred", &["'shred'", "cleanup.policy"]),
    ];
    for (kv, needles) in cases {
        let err = t.fails(&["topic", "create", "new", "--config", kv], b"", 2);
        one_line(&err, needles);
        let err = t.fails(&["topic", "alter", "keep", "--config", kv], b"", 2);
        one_line(&err, needles);
    }
    let err = t.fails(&["topic", "alter", "keep", "--delete-config", "retention.msx"], b"", 2);
    one_line(&err, &["'retention.msx'"]);
    let err = t.fails(&["topic", "create", "new", "--config", "segment.bytes=1"], b"", 2);
    one_line(&err, &["segment.bytes", "'1'", "1048576"]);
    assert!(!t.partition_dir("new", 0).exists());
    assert_unchanged(&before, &t, "bad configs");
    let d: serde_json::Value = serde_json::from_str(&t.ok(&["topic", "describe", "keep", "--json"])).unwrap();
    assert_eq!(d[0]["configs"], serde_json::json!({"retention.ms": "1000"}));
}

#[test]
fn bad_partition_counts() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "-P", "2"]);
    let before = common::tree(&t.data());
    for n in ["0", "10001"] {
        let (code, _, err) = run_status(&t, &["topic", "create", "new", "-P", n]);
        assert!(matches!(code, Some(1) | Some(2)), "{n}: {code:?} {err}");
        one_line(&err, &[n]);
    }
    let err = t.fails(&["topic", "create", "new", "-P", "lots"], b"", 2);
    clap_usage(&err, "lots");
    let (code, _, err) = run_status(&t, &["topic", "alter", "t", "-P", "10001"]);
    assert!(matches!(code, Some(1) | Some(2)), "{code:?} {err}");
    one_line(&err, &["10001"]);
    assert!(!t.partition_dir("new", 0).exists());
    assert_unchanged(&before, &t, "bad partition counts");
}

// ---------------------------------------------------------------------------------------------
// Produce input
// ---------------------------------------------------------------------------------------------

#[test]
fn record_larger_than_max_message_bytes() {
    let t = Klog::new();
    t.ok(&["topic", "create", "m", "--config", "max.message.bytes=100"]);
    let mut input = b"small1\nsmall2\n".to_vec();
    input.extend(std::iter::repeat_n(b'x', 500));
    input.extend_from_slice(b"\nafter\n");
    let err = t.fails(&["produce", "m"], &input, 1);
    one_line(&err, &["max.message.bytes", "100", "'m'", "500"]);
    assert_eq!(t.ok(&["consume", "m"]), "small1\nsmall2\n");
    t.ok(&["verify", "m"]);
    // A big key counts too.
    let mut keyed = vec![b'k'; 300];
    keyed.extend_from_slice(b":v\n");
    let err = t.fails(&["produce", "m", "-K", ":"], &keyed, 1);
    one_line(&err, &["max.message.bytes"]);
    assert_eq!(t.ok(&["consume", "m"]), "small1\nsmall2\n");
    // After the failure the partition takes records again, at the next offset.
    let out = t.ok_with(&["produce", "m", "--print-offsets"], b"later\n");
    assert_eq!(out, "m\t0\t2\t2\n");
}

#[test]
fn malformed_json_input_names_the_line() {
    let t = with_kept_topic();
    let cases: [(&[u8], &[&str]); 6] = [
        (b"{\"value\":\"ok\"}\nnot json\n", &["line 2", "JSON"]),
        (b"[1,2]\n", &["line 1", "object"]),
        (b"{\"value\":\"ok\"}\n{\"value\":\"ok\"}\n{\"vlaue\":\"x\"}\n", &["line 3", "vlaue"]),
        (b"{\"value_b64\":\"***\"}\n", &["line 1", "value_b64", "base64"]),
        (b"{\"key_b64\":\"%%%\",\"value\":\"v\"}\n", &["line 1", "key_b64"]),
        (b"{\"value\":\"ok\"}\n\n{\"value\":7}\n", &["line 3", "value"]),
    ];
    let mut expected = String::from("one\ntwo\nthree\n");
    for (input, needles) in cases {
        let err = t.fails(&["produce", "keep", "--input", "json"], input, 1);
        one_line(&err, needles);
        // Lines before the bad one were written; nothing after it.
        let good = String::from_utf8_lossy(input)
            .lines()
            .take_while(|l| !l.is_empty() && l.contains("\"value\":\"ok\""))
            .count();
        for _ in 0..good {
            expected.push_str("ok\n");
        }
        assert_eq!(t.ok(&["consume", "keep"]), expected, "{}", String::from_utf8_lossy(input));
    }
    t.ok(&["verify"]);
}

#[test]
fn bad_compression_and_format_are_usage_errors() {
    let t = with_kept_topic();
    let before = common::tree(&t.data());
    let err = t.fails(&["produce", "keep", "--compression", "brotli"], b"x\n", 2);
    one_line(&err, &["'brotli'"]);
    let err = t.fails(&["consume", "keep", "--format", "%q"], b"", 2);
    one_line(&err, &["%q"]);
    let err = t.fails(&["consume", "keep", "--format", "%s%"], b"", 2);
    one_line(&err, &["%"]);
    let err = t.fails(&["consume", "keep", "--format", "\\q"], b"", 2);
    one_line(&err, &["\\q"]);
    let err = t.fails(&["produce", "keep", "-D", ""], b"x\n", 2);
    one_line(&err, &["-D"]);
    let err = t.fails(&["produce", "keep", "-H", "novalue"], b"x\n", 2);
    one_line(&err, &["'novalue'"]);
    let err = t.fails(&["produce", "keep", "--input", "xml"], b"x\n", 2);
    clap_usage(&err, "xml");
    assert_unchanged(&before, &t, "bad produce/consume options");
    assert_eq!(t.ok(&["consume", "keep"]), "one\ntwo\nthree\n");
}

// ---------------------------------------------------------------------------------------------
// Damaged segments
// ---------------------------------------------------------------------------------------------

/// A topic `c` with internal.segment.bytes=1000 and 200 records in small batches: several segments.
fn rolled_topic(t: &Klog, topic: &str) -> Vec<PathBuf> {
    t.ok(&["topic", "create", topic, "--config", "internal.segment.bytes=1000"]);
    t.ok_with(&["produce", topic, "--batch-size", "200"], numbered(200).as_bytes());
    let logs = log_files(&t.partition_dir(topic, 0));
    assert!(logs.len() >= 3, "{logs:?}");
    logs
}

#[test]
fn corrupt_sealed_segment_is_reported_with_file_and_position() {
    let t = Klog::new();
    let logs = rolled_topic(&t, "c");
    let seg = &logs[0];
    let seg_name = seg.file_name().unwrap().to_str().unwrap().to_string();
    let dump: Vec<serde_json::Value> =
        t.ok(&["dump", "--json", seg.to_str().unwrap()]).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let size0 = dump[0]["size"].as_u64().unwrap() as usize;
    let mut bytes = std::fs::read(seg).unwrap();
    bytes[size0 / 2] ^= 0xff;
    std::fs::write(seg, &bytes).unwrap();
    let before = common::tree(&t.data());

    let err = t.fails(&["consume", "c"], b"", 1);
    one_line(&err, &[&seg_name, "at byte 0"]);
    let (code, out, err) = run_status(&t, &["verify"]);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(
        out.lines().any(|l| l.contains(&seg_name) && l.contains("at byte 0") && l.contains("invalid batch")),
        "{out}"
    );
    assert!(!err.contains("panicked"), "{err}");
    let (code, _, err) = run_status(&t, &["dump", seg.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{err}");
    one_line(&err, &[&seg_name, "at byte 0"]);
    // --repair never cuts a sealed segment: the damage stays reported, the bytes stay.
    let (code, out, _) = run_status(&t, &["verify", "--repair"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains(&seg_name), "{out}");
    assert_unchanged(&before, &t, "reading a corrupt segment");
    // The later segments are still readable.
    assert_eq!(t.ok(&["consume", "c", "-o", "150", "-c", "2"]), "rec-150\nrec-151\n");
    assert_eq!(t.ok(&["consume", "c", "-o", "-1"]), "rec-199\n");
}

#[test]
fn index_entry_past_the_end_of_its_log() {
    let t = Klog::new();
    let logs = rolled_topic(&t, "ix");
    let idx = logs[0].with_extension("index");
    let mut entry = Vec::new();
    entry.extend_from_slice(&5i32.to_be_bytes());
    entry.extend_from_slice(&999_999i32.to_be_bytes());
    let mut bytes = std::fs::read(&idx).unwrap();
    bytes.extend_from_slice(&entry);
    std::fs::write(&idx, &bytes).unwrap();

    assert_eq!(t.ok(&["consume", "ix"]), numbered(200));
    for o in [3, 6, 10, 40] {
        assert_eq!(t.ok(&["consume", "ix", "-o", &o.to_string(), "-c", "1"]), format!("rec-{o}\n"));
    }
    let j: serde_json::Value = serde_json::from_str(&t.ok(&["offsets", "ix", "--json"])).unwrap();
    assert_eq!(j[0]["latest"], 200);
    let (code, out, _) = run_status(&t, &["verify"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains(idx.file_name().unwrap().to_str().unwrap()) && out.contains("999999"), "{out}");
    let (code, out, err) = run_status(&t, &["verify", "--repair"]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("repaired"), "{out}");
    let (code, out, _) = run_status(&t, &["verify"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(!std::fs::read(&idx).unwrap().ends_with(&entry));
    assert_eq!(t.ok(&["consume", "ix"]), numbered(200));
}

/// Three batches of two records in one segment, with the last 10 bytes cut off.
fn torn_topic(t: &Klog) -> PathBuf {
    t.ok(&["topic", "create", "tt"]);
    for i in 1..=3 {
        t.ok_with(&["produce", "tt"], format!("a{i}\nb{i}\n").as_bytes());
    }
    let seg = t.segment("tt", 0, 0, ".log");
    let len = std::fs::metadata(&seg).unwrap().len();
    let f = std::fs::OpenOptions::new().write(true).open(&seg).unwrap();
    f.set_len(len - 10).unwrap();
    seg
}

#[test]
fn torn_active_segment_is_cut_by_repair() {
    let t = Klog::new();
    let seg = torn_topic(&t);
    let before = common::tree(&t.data());
    assert_eq!(t.ok(&["consume", "tt"]), "a1\nb1\na2\nb2\n");
    let j: serde_json::Value = serde_json::from_str(&t.ok(&["offsets", "tt", "--json"])).unwrap();
    assert_eq!(j[0]["latest"], 4);
    assert_unchanged(&before, &t, "consume and offsets");
    let (code, out, _) = run_status(&t, &["verify"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("torn tail"), "{out}");
    assert!(out.contains(seg.file_name().unwrap().to_str().unwrap()), "{out}");
    assert_unchanged(&before, &t, "verify without --repair");
    let (code, out, err) = run_status(&t, &["verify", "--repair"]);
    assert!(matches!(code, Some(0) | Some(1)), "{out}{err}");
    assert!(out.contains("repaired"), "{out}");
    let (code, out, _) = run_status(&t, &["verify"]);
    assert_eq!(code, Some(0), "after --repair: {out}");
    let out = t.ok_with(&["produce", "tt", "--print-offsets"], b"new\n");
    assert_eq!(out, "tt\t0\t4\t4\n");
    assert_eq!(t.ok(&["consume", "tt", "--format", "%o %s\\n"]), "0 a1\n1 b1\n2 a2\n3 b2\n4 new\n");
}

#[test]
fn torn_active_segment_is_recovered_by_the_next_produce() {
    let t = Klog::new();
    torn_topic(&t);
    let out = t.ok_with(&["produce", "tt", "--print-offsets"], b"new\n");
    assert_eq!(out, "tt\t0\t4\t4\n");
    assert_eq!(t.ok(&["consume", "tt"]), "a1\nb1\na2\nb2\nnew\n");
    let (code, out, _) = run_status(&t, &["verify"]);
    assert_eq!(code, Some(0), "{out}");
}

// ---------------------------------------------------------------------------------------------
// Data directories
// ---------------------------------------------------------------------------------------------

#[test]
fn a_directory_that_is_not_a_data_dir() {
    for extra in [None, Some("random.txt")] {
        let t = Klog::new();
        std::fs::create_dir(t.data()).unwrap();
        if let Some(f) = extra {
            std::fs::write(t.data().join(f), b"hello").unwrap();
        }
        let dir = t.data().display().to_string();
        for args in [
            vec!["consume", "t"],
            vec!["topic", "list"],
            vec!["topic", "describe"],
            vec!["offsets", "t"],
            vec!["verify"],
        ] {
            let err = t.fails(&args, b"", 1);
            one_line(&err, &[&dir, "is not a data directory", "klog init"]);
        }
        let names: Vec<_> = std::fs::read_dir(t.data()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), extra.iter().count(), "{names:?}");
    }
}

#[test]
fn a_data_dir_that_cannot_be_written() {
    let t = with_kept_topic();
    // A regular file where the data directory should be: every command fails cleanly.
    let file = t.dir.path().join("plain-file");
    std::fs::write(&file, b"not a directory").unwrap();
    let file_s = file.to_str().unwrap();
    let run_in = |dir: &str, args: &[&str], input: &[u8]| {
        let out = assert_cmd::Command::cargo_bin("klog")
            .unwrap()
            .arg("--data-dir")
            .arg(dir)
            .args(args)
            .env_remove("KLOG_DATA_DIR")
            .write_stdin(input.to_vec())
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    for args in [
        vec!["topic", "create", "x"],
        vec!["produce", "keep"],
        vec!["consume", "keep"],
        vec!["topic", "list"],
        vec!["init"],
    ] {
        let (code, err) = run_in(file_s, &args, b"data\n");
        assert_eq!(code, Some(1), "{args:?}: {err}");
        one_line(&err, &[file_s]);
    }
    let sub = format!("{file_s}/sub");
    for args in [vec!["topic", "create", "x"], vec!["init"]] {
        let (code, err) = run_in(&sub, &args, b"");
        assert_eq!(code, Some(1), "{args:?}: {err}");
        one_line(&err, &[&sub]);
    }
    assert_eq!(std::fs::read(&file).unwrap(), b"not a directory");

    // The file-as-directory cases above really ran against an unwritable path.
    assert!(std::fs::create_dir(file.join("sub")).is_err());
    assert_eq!(t.ok(&["consume", "keep"]), "one\ntwo\nthree\n");
}

#[test]
fn a_read_only_data_dir_refuses_a_new_topic() {
    let t = with_kept_topic();
    // A read-only data directory (file modes do not stop root: then klog runs as nobody).
    let data = t.data();
    let mut klog_ro = common::klog_without_root(t.dir.path());
    set_mode(&data, 0o555);
    let out = klog_ro.arg("--data-dir").arg(&data).args(["topic", "create", "newt"]).output().unwrap();
    set_mode(&data, 0o755);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{err}");
    one_line(&err, &["newt"]);
    assert!(!t.partition_dir("newt", 0).exists());
    assert!(!t.ok(&["topic", "list"]).contains("newt"));
    assert_eq!(t.ok(&["consume", "keep"]), "one\ntwo\nthree\n");
}

// ---------------------------------------------------------------------------------------------
// Locks
// ---------------------------------------------------------------------------------------------

#[test]
fn a_held_partition_lock_is_a_conflict() {
    let t = with_kept_topic();
    let lock_path = t.data().join(".klog/locks/keep-0.lock");
    std::fs::create_dir_all(lock_path.parent().unwrap()).unwrap();
    let lock = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&lock_path).unwrap();
    lock.lock().unwrap();
    let before = common::tree(&t.data());
    let start = std::time::Instant::now();
    let err = t.fails(&["--lock-timeout-ms", "200", "produce", "keep", "-p", "0"], b"blocked\n", 3);
    one_line(&err, &["locked", "keep-0"]);
    assert!(start.elapsed() < std::time::Duration::from_secs(20));
    let err = t.fails(&["--lock-timeout-ms", "200", "produce", "keep"], b"blocked\n", 3);
    one_line(&err, &["locked"]);
    // Readers do not need the lock.
    assert_eq!(t.ok(&["consume", "keep"]), "one\ntwo\nthree\n");
    assert_unchanged(&before, &t, "a blocked produce");
    lock.unlock().unwrap();
    drop(lock);
    t.ok_with(&["--lock-timeout-ms", "200", "produce", "keep", "-p", "0"], b"free\n");
    assert_eq!(t.ok(&["consume", "keep"]), "one\ntwo\nthree\nfree\n");
}

// ---------------------------------------------------------------------------------------------
// dump arguments
// ---------------------------------------------------------------------------------------------

#[test]
fn dump_of_a_non_segment_file_or_a_missing_path() {
    let t = with_kept_topic();
    let meta = t.data().join("meta.properties");
    let err = t.fails(&["dump", meta.to_str().unwrap()], b"", 2);
    one_line(&err, &["meta.properties"]);
    let missing = t.dir.path().join("missing/00000000000000000000.log");
    let err = t.fails(&["dump", missing.to_str().unwrap()], b"", 1);
    one_line(&err, &[missing.to_str().unwrap()]);
    let missing = t.dir.path().join("nothing-here");
    let err = t.fails(&["dump", missing.to_str().unwrap()], b"", 1);
    one_line(&err, &[missing.to_str().unwrap()]);
    let empty = t.dir.path().join("empty-dir");
    std::fs::create_dir(&empty).unwrap();
    let err = t.fails(&["dump", empty.to_str().unwrap()], b"", 1);
    one_line(&err, &[empty.to_str().unwrap()]);
    let err = t.fails(&["dump"], b"", 2);
    clap_usage(&err, "PATHS");
    assert_eq!(t.ok(&["consume", "keep"]), "one\ntwo\nthree\n");
}

#[test]
fn replicating_a_directory_into_itself_is_a_usage_error_that_touches_nothing() {
    let t = with_kept_topic();
    let before = common::tree(&t.data());
    let d = t.data().to_str().unwrap().to_string();
    // Also through another spelling of the same directory.
    let same = format!("{}/.", d);
    for to in [d.as_str(), same.as_str()] {
        let err = t.fails(&["replicate", "--from", &d, "--to", to], b"", 2);
        one_line(&err, &["to itself"]);
    }
    assert_unchanged(&before, &t, "replicate --from X --to X");
}
