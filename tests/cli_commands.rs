//! End-to-end tests of every `klog` command on temporary data directories, running the real
//! binary: `init`, the `topic` subcommands (with and without `--json`), `produce` and `consume`
//! round trips (delimiters, keys and the murmur2 partitioner, headers, tombstones, compression,
//! `--print-offsets`, `--input json`), consume offsets, counts, partitions and format tokens, a
//! consumer writing into a closed pipe, `offsets`, `dump` of every file kind, reading real Kafka
//! log directories in place (read-only), `verify`, `completions`, segment rolling and the
//! sparseness of the offset index.

mod common;

use common::Klog;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn klog_bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("klog")
}

/// `klog --data-dir DIR ARGS...` with no stdin.
fn klog_at(dir: &Path, args: &[&str]) -> Output {
    std::process::Command::new(klog_bin())
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("KLOG_DATA_DIR")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run klog")
}

/// Runs a command in `dir` that must succeed; returns stdout.
fn ok_at(dir: &Path, args: &[&str]) -> String {
    let out = klog_at(dir, args);
    assert!(
        out.status.success(),
        "klog {:?} in {} failed with {:?}: {}",
        args,
        dir.display(),
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 stdout")
}

fn json_lines(s: &str) -> Vec<Value> {
    s.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

fn json_one(s: &str) -> Value {
    serde_json::from_str(s.trim()).unwrap_or_else(|e| panic!("bad JSON {s:?}: {e}"))
}

fn lines(s: &str) -> Vec<&str> {
    s.lines().collect()
}

/// Numbered records "rec-0\nrec-1\n...".
fn numbered(n: usize) -> String {
    (0..n).map(|i| format!("rec-{i}\n")).collect()
}

/// The `.log` files of a partition directory, sorted.
fn log_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("list partition dir")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "log"))
        .collect();
    v.sort();
    v
}

/// Every file under `dir` (recursively) with its length and modification time, for checking
/// that read-only commands left a directory alone.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (u64, std::time::SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("list") {
            let e = e.unwrap();
            let md = e.metadata().unwrap();
            if md.is_dir() {
                stack.push(e.path());
            }
            out.insert(e.path(), (md.len(), md.modified().unwrap()));
        }
    }
    out
}

/// Values of `key: value` pairs on a dump line (the value is the next whitespace-separated word).
fn field<'a>(line: &'a str, key: &str) -> &'a str {
    let pat = format!("{key}: ");
    let i = line.find(&pat).unwrap_or_else(|| panic!("no {key:?} in {line:?}"));
    line[i + pat.len()..].split_whitespace().next().unwrap()
}

/// The log directory the real Kafka broker wrote for fixtures/ (fixtures/make-kafka-fixtures.sh).
fn bheem() -> PathBuf {
    common::kafka_fixture()
}

/// The same directory: its KRaft `__cluster_metadata-0`.
fn kafka_demo() -> PathBuf {
    common::kafka_fixture()
}

const CITIES: [&str; 11] = [
    "New York",
    "Berlin",
    "Paris",
    "London",
    "Sydney",
    "Delhi",
    "Dubai",
    "Amsterdam",
    "Barcelona",
    "Madrid",
    "Toronto",
];

// ---------------------------------------------------------------------------------------------
// init
// ---------------------------------------------------------------------------------------------

#[test]
fn init_writes_meta_properties_and_empty_checkpoints() {
    let t = Klog::new();
    let out = t.ok(&["init", "--broker-id", "7"]);
    assert!(out.contains("broker.id=7"), "{out}");
    let meta = std::fs::read_to_string(t.data().join("meta.properties")).unwrap();
    let props: BTreeMap<&str, &str> =
        meta.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('=')).collect();
    // KRaft's form, as `kafka-storage format` writes it (tests/kafka_oracle.rs has Kafka's
    // StorageTool read it).
    assert_eq!(props.get("version"), Some(&"1"), "{meta}");
    assert_eq!(props.get("node.id"), Some(&"7"), "{meta}");
    assert_eq!(props.get("broker.id"), None, "{meta}");
    let cluster = props.get("cluster.id").expect("cluster.id present");
    assert!(!cluster.is_empty(), "{meta}");
    let dir_id = props.get("directory.id").expect("directory.id present");
    assert_eq!(dir_id.len(), 22, "{meta}");
    assert!(!dir_id.starts_with('-'), "{meta}");
    assert_ne!(dir_id, cluster, "{meta}");
    // klog reads its broker id back from node.id.
    let out = t.ok(&["init", "--broker-id", "7"]);
    assert!(out.contains("broker.id=7"), "{out}");
    let err = t.fails(&["init", "--broker-id", "8"], b"", 1);
    assert!(err.contains("already belongs to broker 7"), "{err}");
    assert_eq!(cluster.len(), 22, "a Kafka UUID in base64: {cluster}");
    assert!(out.contains(cluster), "init prints the cluster id: {out}");
    for name in [
        "recovery-point-offset-checkpoint",
        "log-start-offset-checkpoint",
        "replication-offset-checkpoint",
        "cleaner-offset-checkpoint",
    ] {
        let text = std::fs::read_to_string(t.data().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(text, "0\n0\n", "{name}");
    }
}

#[test]
fn init_twice_keeps_the_cluster_and_refuses_another_broker_id() {
    let t = Klog::new();
    t.ok(&["init", "--broker-id", "3"]);
    let meta1 = std::fs::read_to_string(t.data().join("meta.properties")).unwrap();
    // The same broker id again is fine and keeps the cluster id.
    let out = t.ok(&["init", "--broker-id", "3"]);
    let meta2 = std::fs::read_to_string(t.data().join("meta.properties")).unwrap();
    assert_eq!(meta1, meta2);
    let cluster = meta1.lines().find_map(|l| l.strip_prefix("cluster.id=")).unwrap();
    assert!(out.contains(cluster), "{out}");
    // Another broker id fails and changes nothing.
    let err = t.fails(&["init", "--broker-id", "4"], b"", 1);
    assert!(err.starts_with("klog: error: "), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains('3') && err.contains('4'), "{err}");
    let meta3 = std::fs::read_to_string(t.data().join("meta.properties")).unwrap();
    assert_eq!(meta1, meta3);
}

// ---------------------------------------------------------------------------------------------
// Missing data directories
// ---------------------------------------------------------------------------------------------

#[test]
fn topic_create_creates_a_missing_data_dir() {
    let t = Klog::new();
    assert!(!t.data().exists());
    let out = t.ok(&["topic", "create", "orders", "-P", "2"]);
    assert!(out.contains("orders"), "{out}");
    assert!(t.data().join("meta.properties").is_file());
    for name in [
        "recovery-point-offset-checkpoint",
        "log-start-offset-checkpoint",
        "replication-offset-checkpoint",
        "cleaner-offset-checkpoint",
    ] {
        assert!(t.data().join(name).is_file(), "{name}");
    }
    assert!(t.partition_dir("orders", 0).is_dir());
    assert!(t.partition_dir("orders", 1).is_dir());
    assert!(t.segment("orders", 0, 0, ".log").is_file());
    t.ok_with(&["produce", "orders", "-p", "1"], b"x\n");
    assert_eq!(t.ok(&["consume", "orders"]), "x\n");
}

#[test]
fn produce_to_a_missing_data_dir_fails_on_the_topic_and_creates_nothing() {
    let t = Klog::new();
    assert!(!t.data().exists());
    // No topic can exist yet, so produce fails on the topic, and leaves no directory behind.
    let err = t.fails(&["produce", "orders"], b"x\n", 1);
    assert!(err.contains("klog topic create orders"), "{err}");
    assert!(!err.contains("does not exist (create it with `klog init"), "{err}");
    assert!(!t.data().exists());
}

#[test]
fn reading_commands_on_a_missing_data_dir_fail_naming_it() {
    let t = Klog::new();
    let dir = t.data().display().to_string();
    for args in
        [vec!["consume", "t"], vec!["topic", "list"], vec!["topic", "describe"], vec!["offsets", "t"], vec!["verify"]]
    {
        let err = t.fails(&args, b"", 1);
        assert!(err.starts_with("klog: error: "), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(&dir), "{args:?} names the dir: {err}");
    }
    assert!(!t.data().exists(), "reading commands must not create it");
}

// ---------------------------------------------------------------------------------------------
// topic
// ---------------------------------------------------------------------------------------------

#[test]
fn topic_create_list_and_describe_json() {
    let t = Klog::new();
    t.ok(&["topic", "create", "alpha", "-P", "3"]);
    t.ok(&["topic", "create", "beta", "--config", "retention.ms=1000", "-c", "cleanup.policy=compact"]);
    for p in 0..3 {
        assert!(t.partition_dir("alpha", p).is_dir());
    }
    assert!(!t.partition_dir("alpha", 3).exists());

    let list = json_one(&t.ok(&["topic", "list", "--json"]));
    assert_eq!(list, serde_json::json!([{"name": "alpha", "partitions": 3}, {"name": "beta", "partitions": 1}]));

    t.ok_with(&["produce", "alpha", "-p", "1"], b"a\nb\n");
    let d = json_one(&t.ok(&["topic", "describe", "alpha", "--json"]));
    let d = &d.as_array().unwrap()[0];
    assert_eq!(d["name"], "alpha");
    assert_eq!(d["partition_count"], 3);
    assert!(d["topic_id"].as_str().is_some_and(|s| s.len() == 22), "{d}");
    assert_eq!(d["configs"], serde_json::json!({}));
    let parts = d["partitions"].as_array().unwrap();
    assert_eq!(parts.len(), 3);
    assert_eq!(parts[1]["partition"], 1);
    assert_eq!(parts[1]["log_start_offset"], 0);
    assert_eq!(parts[1]["log_end_offset"], 2);
    assert_eq!(parts[1]["segments"], 1);
    assert!(parts[1]["bytes"].as_u64().unwrap() > 0);
    assert_eq!(parts[0]["log_end_offset"], 0);
    assert_eq!(parts[0]["bytes"], 0);

    let d = json_one(&t.ok(&["topic", "describe", "beta", "--json"]));
    assert_eq!(d[0]["configs"], serde_json::json!({"cleanup.policy": "compact", "retention.ms": "1000"}));
    // Describing every topic.
    let all = json_one(&t.ok(&["topic", "describe", "--json"]));
    let names: Vec<&str> = all.as_array().unwrap().iter().map(|v| v["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["alpha", "beta"]);
    // The topic id is the one in partition.metadata.
    let pm = std::fs::read_to_string(t.partition_dir("alpha", 0).join("partition.metadata")).unwrap();
    let alpha = json_one(&t.ok(&["topic", "describe", "alpha", "--json"]));
    assert!(pm.contains(alpha[0]["topic_id"].as_str().unwrap()), "{pm} vs {alpha}");
}

#[test]
fn topic_list_and_describe_text() {
    let t = Klog::new();
    t.ok(&["topic", "create", "alpha", "-P", "2"]);
    t.ok(&["topic", "create", "beta", "--config", "retention.ms=1000"]);
    let list = t.ok(&["topic", "list"]);
    let rows: Vec<Vec<&str>> = list.lines().map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(rows, vec![vec!["TOPIC", "PARTITIONS"], vec!["alpha", "2"], vec!["beta", "1"]]);
    let d = t.ok(&["topic", "describe", "beta"]);
    let first = d.lines().next().unwrap();
    assert!(first.starts_with("Topic: beta\t"), "{d}");
    assert!(first.contains("PartitionCount: 1"), "{d}");
    assert!(first.contains("Configs: retention.ms=1000"), "{d}");
    assert!(d.contains("LOG-END-OFFSET"), "{d}");
}

#[test]
fn topic_alter_raises_partitions_and_changes_configs() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "-P", "2"]);
    t.ok_with(&["produce", "t", "-p", "0"], b"keep\n");
    assert!(!t.partition_dir("t", 2).exists());
    let out =
        t.ok(&["topic", "alter", "t", "-P", "4", "--config", "retention.ms=5000", "--config", "segment.bytes=2097152"]);
    assert!(out.contains('4'), "{out}");
    assert!(t.partition_dir("t", 2).is_dir());
    assert!(t.partition_dir("t", 3).is_dir());
    assert!(t.segment("t", 3, 0, ".log").is_file());
    let d = json_one(&t.ok(&["topic", "describe", "t", "--json"]));
    assert_eq!(d[0]["partition_count"], 4);
    assert_eq!(d[0]["partitions"].as_array().unwrap().len(), 4);
    assert_eq!(d[0]["configs"], serde_json::json!({"retention.ms": "5000", "segment.bytes": "2097152"}));
    // The new partitions take records.
    t.ok_with(&["produce", "t", "-p", "3"], b"new\n");
    assert_eq!(t.ok(&["consume", "t", "-p", "3"]), "new\n");
    assert_eq!(t.ok(&["consume", "t", "-p", "0"]), "keep\n");
    // Removing an override.
    t.ok(&["topic", "alter", "t", "--delete-config", "retention.ms"]);
    let d = json_one(&t.ok(&["topic", "describe", "t", "--json"]));
    assert_eq!(d[0]["configs"], serde_json::json!({"segment.bytes": "2097152"}));
    let text = t.ok(&["topic", "describe", "t"]);
    assert!(text.contains("Configs: segment.bytes=2097152\n"), "{text}");
}

#[test]
fn topic_alter_refuses_to_lower_partitions() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "-P", "3"]);
    let err = t.fails(&["topic", "alter", "t", "-P", "2", "--config", "retention.ms=5"], b"", 1);
    assert!(err.starts_with("klog: error: "), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("'t'") && err.contains('3') && err.contains('2'), "{err}");
    assert!(err.contains("increase"), "{err}");
    for p in 0..3 {
        assert!(t.partition_dir("t", p).is_dir());
    }
    let d = json_one(&t.ok(&["topic", "describe", "t", "--json"]));
    assert_eq!(d[0]["partition_count"], 3);
    assert_eq!(d[0]["configs"], serde_json::json!({}), "a refused alter changes nothing");
}

#[test]
fn topic_delete_removes_the_partition_dirs_and_metadata() {
    let t = Klog::new();
    t.ok(&["topic", "create", "doomed", "-P", "3"]);
    t.ok(&["topic", "create", "kept"]);
    t.ok_with(&["produce", "doomed"], b"a\nb\nc\n");
    t.ok_with(&["produce", "kept"], b"k\n");
    let out = t.ok(&["topic", "delete", "doomed"]);
    assert!(out.contains("doomed"), "{out}");
    for p in 0..3 {
        assert!(!t.partition_dir("doomed", p).exists());
    }
    let leftovers: Vec<String> = std::fs::read_dir(t.data())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("doomed"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert!(!t.data().join(".klog/topics/doomed.json").exists());
    let list = json_one(&t.ok(&["topic", "list", "--json"]));
    assert_eq!(list, serde_json::json!([{"name": "kept", "partitions": 1}]));
    let err = t.fails(&["consume", "doomed"], b"", 1);
    assert!(err.contains("doomed"), "{err}");
    assert_eq!(t.ok(&["consume", "kept"]), "k\n");
    // The name can be used again, empty.
    t.ok(&["topic", "create", "doomed"]);
    assert_eq!(t.ok(&["consume", "doomed"]), "");
}

#[test]
fn topic_configs_lists_the_known_configs() {
    let t = Klog::new();
    let v = json_one(&t.ok(&["topic", "configs", "--json"]));
    let arr = v.as_array().unwrap();
    let get = |n: &str| arr.iter().find(|c| c["name"] == n).unwrap_or_else(|| panic!("{n} missing from {v}")).clone();
    assert_eq!(get("retention.ms")["default"], "604800000");
    assert_eq!(get("segment.bytes")["default"], "1073741824");
    assert_eq!(get("max.message.bytes")["default"], "1048588");
    assert_eq!(get("cleanup.policy")["default"], "delete");
    assert!(get("index.interval.bytes")["doc"].as_str().is_some_and(|d| !d.is_empty()));
    let text = t.ok(&["topic", "configs"]);
    assert!(text.starts_with("CONFIG"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("retention.ms ") && l.contains("604800000")), "{text}");
    assert!(!t.data().exists(), "listing configs needs no data dir");
}

// ---------------------------------------------------------------------------------------------
// produce + consume
// ---------------------------------------------------------------------------------------------

#[test]
fn produce_consume_newline_delimited_round_trip() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t"]);
    t.ok_with(&["produce", "t"], b"one\ntwo\nthree\n");
    assert_eq!(t.ok(&["consume", "t"]), "one\ntwo\nthree\n");
    // An empty line between records is an empty record.
    t.ok_with(&["produce", "t"], b"four\n\nsix\n");
    assert_eq!(t.ok(&["consume", "t", "--format", "%o:%s\\n"]), "0:one\n1:two\n2:three\n3:four\n4:\n5:six\n");
}

#[test]
fn final_line_without_trailing_delimiter_is_a_record() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t"]);
    t.ok_with(&["produce", "t"], b"a\nb\nlast");
    assert_eq!(t.ok(&["consume", "t"]), "a\nb\nlast\n");
    t.ok_with(&["produce", "t", "-D", ";;"], b"x;;y");
    assert_eq!(t.ok(&["consume", "t", "-o", "3"]), "x\ny\n");
    // Empty input produces nothing.
    t.ok_with(&["produce", "t"], b"");
    assert!(t.ok(&["offsets", "t", "--json"]).contains("\"latest\":5"));
}

#[test]
fn nul_delimited_records() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t"]);
    t.ok_with(&["produce", "t", "-D", "\\0"], b"line one\nstill one\0two\0three\0");
    let out = t.ok(&["consume", "t", "--format", "%s|"]);
    assert_eq!(out, "line one\nstill one|two|three|");
    let out = t.ok(&["consume", "t", "--format", "%s\\0"]);
    assert_eq!(out.as_bytes(), b"line one\nstill one\0two\0three\0");
}

#[test]
fn multi_byte_delimiter() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t"]);
    t.ok_with(&["produce", "t", "-D", ";;"], b"a;b;;c\nd;;;;e;");
    assert_eq!(t.ok(&["consume", "t", "--format", "[%s]"]), "[a;b][c\nd][][e;]");
    // A large input, so that delimiters straddle the reads from the pipe.
    let t2 = Klog::new();
    t2.ok(&["topic", "create", "big"]);
    let n = 100_000;
    let input: String = (0..n).map(|i| format!("value-{i};;")).collect();
    t2.ok_with(&["produce", "big", "-D", ";;"], input.as_bytes());
    let out = t2.ok(&["consume", "big"]);
    let got: Vec<&str> = out.lines().collect();
    assert_eq!(got.len(), n);
    for (i, v) in got.iter().enumerate() {
        assert_eq!(*v, format!("value-{i}"));
    }
}

#[test]
fn key_delimiter_splits_key_and_value() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t"]);
    t.ok_with(&["produce", "t", "-K", ":"], b"k1:v1\nk2:v:with:colons\nnokey\n:emptykey\n");
    assert_eq!(t.ok(&["consume", "t", "--format", "%k=%s\\n"]), "k1=v1\nk2=v:with:colons\n=nokey\n=emptykey\n");
    // Key lengths tell a null key (-1) from an empty one (0).
    assert_eq!(t.ok(&["consume", "t", "--format", "%K "]), "2 2 -1 0 ");
    // A multi-byte key separator.
    t.ok_with(&["produce", "t", "-K", "=>"], b"a=>b=>c\n");
    assert_eq!(t.ok(&["consume", "t", "-o", "4", "--format", "%k|%s\\n"]), "a|b=>c\n");
}

#[test]
fn keyed_records_land_in_the_murmur2_partition() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "-P", "3"]);
    let keys: Vec<String> = (0..40).map(|i| format!("key-{i}")).collect();
    let input: String = keys.iter().map(|k| format!("{k}:value of {k}\n")).collect();
    t.ok_with(&["produce", "t", "-K", ":"], input.as_bytes());
    let out = t.ok(&["consume", "t", "--format", "%p %k %s\\n"]);
    let mut seen = BTreeMap::new();
    let mut used = std::collections::BTreeSet::new();
    for l in out.lines() {
        let mut it = l.splitn(3, ' ');
        let p: i32 = it.next().unwrap().parse().unwrap();
        let k = it.next().unwrap().to_string();
        let v = it.next().unwrap();
        assert_eq!(v, format!("value of {k}"));
        let expected = klog::partitioner::partition_for_key(k.as_bytes(), 3);
        assert_eq!(p, expected, "key {k}");
        used.insert(p);
        seen.insert(k, p);
    }
    assert_eq!(seen.len(), keys.len(), "every record consumed once: {out}");
    assert!(used.len() > 1, "40 keys spread over more than one partition");
    // Each partition keeps the input order of its keys.
    for p in 0..3 {
        let got: Vec<String> =
            t.ok(&["consume", "t", "-p", &p.to_string(), "--format", "%k\\n"]).lines().map(String::from).collect();
        let want: Vec<String> =
            keys.iter().filter(|k| klog::partitioner::partition_for_key(k.as_bytes(), 3) == p).cloned().collect();
        assert_eq!(got, want, "partition {p}");
    }
    // Kafka's own test vectors for murmur2 pin the partitioner down.
    assert_eq!(klog::partitioner::murmur2(b"21"), -973932308);
}

#[test]
fn headers_are_written_and_printed_with_percent_h() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t"]);
    t.ok_with(&["produce", "t", "-H", "a=b", "-H", "trace=x=y"], b"v1\nv2\n");
    t.ok_with(&["produce", "t"], b"bare\n");
    assert_eq!(t.ok(&["consume", "t", "--format", "%s[%h]\\n"]), "v1[a=b,trace=x=y]\nv2[a=b,trace=x=y]\nbare[]\n");
    let j = json_lines(&t.ok(&["consume", "t", "--json", "-c", "1"]));
    assert_eq!(j[0]["headers"], serde_json::json!([{"key": "a", "value": "b"}, {"key": "trace", "value": "x=y"}]));
}

#[test]
fn null_empty_values_are_tombstones() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t"]);
    t.ok_with(&["produce", "t", "-K", ":", "-Z"], b"k1:\nk2:v2\n\n");
    t.ok_with(&["produce", "t", "-K", ":"], b"k3:\n");
    let j = json_lines(&t.ok(&["consume", "t", "--json"]));
    assert_eq!(j.len(), 4);
    assert_eq!(j[0]["key"], "k1");
    assert!(j[0].get("value").is_some_and(Value::is_null), "{}", j[0]);
    assert_eq!(j[1]["value"], "v2");
    assert!(j[2]["key"].is_null() && j[2]["value"].is_null(), "{}", j[2]);
    // Without -Z an empty value stays an empty string.
    assert_eq!(j[3]["value"], "");
    assert_eq!(t.ok(&["consume", "t", "--format", "%S,"]), "-1,2,-1,0,");
    let dump = t.ok(&["dump", "--records", t.segment("t", 0, 0, ".log").to_str().unwrap()]);
    assert!(dump.contains("key: k1 payload: null"), "{dump}");
}

#[test]
fn compression_codecs_round_trip() {
    let t = Klog::new();
    let input: String = (0..200).map(|i| format!("compressible record number {i} aaaaaaaaaaaaaaaaaaaa\n")).collect();
    for codec in ["gzip", "snappy", "lz4", "zstd"] {
        let topic = format!("z-{codec}");
        t.ok(&["topic", "create", &topic]);
        t.ok_with(&["produce", &topic, "--compression", codec], input.as_bytes());
        let seg = t.segment(&topic, 0, 0, ".log");
        let dump = t.ok(&["dump", seg.to_str().unwrap()]);
        let batches: Vec<&str> = dump.lines().filter(|l| l.starts_with("baseOffset")).collect();
        assert!(!batches.is_empty(), "{dump}");
        for b in &batches {
            assert_eq!(field(b, "compresscodec"), codec, "{b}");
        }
        let j = json_lines(&t.ok(&["dump", "--json", seg.to_str().unwrap()]));
        assert!(j.iter().all(|b| b["compresscodec"] == codec), "{j:?}");
        assert_eq!(t.ok(&["consume", &topic]), input, "{codec}");
        // An offset inside a compressed batch starts at that record.
        assert_eq!(
            t.ok(&["consume", &topic, "-o", "57", "-c", "2", "--format", "%o %s\\n"]),
            format!(
                "57 compressible record number 57 aaaaaaaaaaaaaaaaaaaa\n\
                 58 compressible record number 58 aaaaaaaaaaaaaaaaaaaa\n"
            ),
            "{codec}"
        );
        // Compression made the batch smaller than the raw records.
        let size = std::fs::metadata(&seg).unwrap().len();
        assert!(size < input.len() as u64 / 2, "{codec}: {size} bytes");
        assert!(t.ok(&["verify", &topic]).contains("ok"));
    }
    // -z is the short form; "none" is accepted.
    t.ok(&["topic", "create", "plain"]);
    t.ok_with(&["produce", "plain", "-z", "none"], b"x\n");
    let dump = t.ok(&["dump", t.segment("plain", 0, 0, ".log").to_str().unwrap()]);
    assert!(dump.contains("compresscodec: none"), "{dump}");
}

#[test]
fn print_offsets_reports_each_batch() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "-P", "2"]);
    let out = t.ok_with(&["produce", "t", "-p", "1", "--print-offsets"], b"a\nb\nc\n");
    assert_eq!(out, "t\t1\t0\t2\n");
    let out = t.ok_with(&["produce", "t", "-p", "1", "--print-offsets"], b"d\n");
    assert_eq!(out, "t\t1\t3\t3\n");
    // Many small batches: contiguous ranges covering every record.
    let out =
        t.ok_with(&["produce", "t", "-p", "0", "--print-offsets", "--batch-size", "150"], numbered(50).as_bytes());
    let mut next = 0i64;
    let rows = lines(&out);
    assert!(rows.len() > 1, "{out}");
    for l in rows {
        let f: Vec<&str> = l.split('\t').collect();
        assert_eq!(f.len(), 4, "{l:?}");
        assert_eq!(f[0], "t");
        assert_eq!(f[1], "0");
        let first: i64 = f[2].parse().unwrap();
        let last: i64 = f[3].parse().unwrap();
        assert_eq!(first, next, "{out}");
        assert!(last >= first);
        next = last + 1;
    }
    assert_eq!(next, 50);
    // Without the flag, produce prints nothing.
    assert_eq!(t.ok_with(&["produce", "t", "-p", "0"], b"z\n"), "");
}

#[test]
fn json_input_round_trips_a_topic() {
    let t = Klog::new();
    t.ok(&["topic", "create", "src", "-P", "3"]);
    t.ok(&["topic", "create", "dst", "-P", "3"]);
    let mut input: Vec<u8> = Vec::new();
    input.extend_from_slice(b"k1:\xff\x00binary\xfe;;");
    input.extend_from_slice(b"k2:text value;;");
    input.extend_from_slice(b"\xff\xfekey:v;;");
    input.extend_from_slice(b"keyless;;");
    input.extend_from_slice(b"k3:;;");
    input.extend_from_slice(b"k4:line\nbreak;;");
    t.ok_with(&["produce", "src", "-D", ";;", "-K", ":", "-H", "h=1", "-Z", "--timestamp", "1000"], &input);
    t.ok_with(&["produce", "src", "-K", ":", "--timestamp", "2000"], b"k5:\xffmore\nk6:plain\n");
    let a = t.ok(&["consume", "src", "--json"]);
    let mut recs_a = json_lines(&a);
    assert_eq!(recs_a.len(), 8, "{a}");
    let b64 = |b: &[u8]| {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode(b)
    };
    let bin = recs_a.iter().find(|r| r["key"] == "k1").expect("k1 consumed");
    assert!(bin.get("value").is_none(), "{bin}");
    assert_eq!(bin["value_b64"], b64(b"\xff\x00binary\xfe"));
    let binkey = recs_a.iter().find(|r| r.get("key_b64").is_some()).expect("binary key consumed");
    assert_eq!(binkey["key_b64"], b64(b"\xff\xfekey"));
    assert!(recs_a.iter().any(|r| r["key"] == "k3" && r["value"].is_null()));

    t.ok_with(&["produce", "dst", "--input", "json"], a.as_bytes());
    let b = t.ok(&["consume", "dst", "--json"]);
    let mut recs_b = json_lines(&b);
    assert_eq!(recs_b.len(), recs_a.len(), "{b}");
    for r in recs_a.iter_mut().chain(recs_b.iter_mut()) {
        r.as_object_mut().unwrap().remove("topic").expect("topic field");
    }
    let key = |r: &Value| (r["partition"].as_i64().unwrap(), r["offset"].as_i64().unwrap());
    recs_a.sort_by_key(key);
    recs_b.sort_by_key(key);
    assert_eq!(recs_a, recs_b);
    // The timestamps were carried over, not replaced by the time of the second produce.
    assert!(recs_b.iter().all(|r| r["timestamp"] == 1000 || r["timestamp"] == 2000));
    assert!(b.contains("\"topic\":\"dst\""));
}

// ---------------------------------------------------------------------------------------------
// consume options
// ---------------------------------------------------------------------------------------------

fn topic_with_numbers(t: &Klog, topic: &str, n: usize) {
    t.ok(&["topic", "create", topic]);
    t.ok_with(&["produce", topic], numbered(n).as_bytes());
}

#[test]
fn consume_offset_specs() {
    let t = Klog::new();
    topic_with_numbers(&t, "t", 10);
    let all = numbered(10);
    assert_eq!(t.ok(&["consume", "t"]), all);
    assert_eq!(t.ok(&["consume", "t", "-o", "beginning"]), all);
    assert_eq!(t.ok(&["consume", "t", "-o", "earliest"]), all);
    assert_eq!(t.ok(&["consume", "t", "-o", "end"]), "");
    assert_eq!(t.ok(&["consume", "t", "-o", "latest"]), "");
    assert_eq!(t.ok(&["consume", "t", "-o", "7"]), "rec-7\nrec-8\nrec-9\n");
    assert_eq!(t.ok(&["consume", "t", "-o", "0"]), all);
    assert_eq!(t.ok(&["consume", "t", "-o", "10"]), "");
    assert_eq!(t.ok(&["consume", "t", "-o", "-2"]), "rec-8\nrec-9\n");
    assert_eq!(t.ok(&["consume", "t", "--offset", "-3"]), "rec-7\nrec-8\nrec-9\n");
    assert_eq!(t.ok(&["consume", "t", "-o", "-0"]), "");
    // More than there is: from the beginning.
    assert_eq!(t.ok(&["consume", "t", "-o", "-100"]), all);
    // An offset in the middle of a batch starts at that record.
    t.ok_with(&["produce", "t"], b"x\ny\nz\n");
    assert_eq!(t.ok(&["consume", "t", "-o", "11"]), "y\nz\n");
    // -N is per partition.
    let t2 = Klog::new();
    t2.ok(&["topic", "create", "p", "-P", "2"]);
    t2.ok_with(&["produce", "p", "-p", "0"], b"a0\na1\na2\n");
    t2.ok_with(&["produce", "p", "-p", "1"], b"b0\nb1\n");
    let mut got: Vec<String> = t2.ok(&["consume", "p", "-o", "-1"]).lines().map(String::from).collect();
    got.sort();
    assert_eq!(got, ["a2", "b1"]);
}

#[test]
fn consume_offsets_by_time() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t"]);
    // 2024-05-01T12:00:00Z is 1714564800000.
    for (i, ts) in [1714564800000i64, 1714564801000, 1714564802000].iter().enumerate() {
        t.ok_with(&["produce", "t", "--timestamp", &ts.to_string()], format!("at{i}\n").as_bytes());
    }
    assert_eq!(t.ok(&["consume", "t", "-o", "s@0"]), "at0\nat1\nat2\n");
    assert_eq!(t.ok(&["consume", "t", "-o", "s@1714564800000"]), "at0\nat1\nat2\n");
    assert_eq!(t.ok(&["consume", "t", "-o", "s@1714564800001"]), "at1\nat2\n");
    assert_eq!(t.ok(&["consume", "t", "-o", "s@1714564801000"]), "at1\nat2\n");
    assert_eq!(t.ok(&["consume", "t", "-o", "s@1714564802000"]), "at2\n");
    assert_eq!(t.ok(&["consume", "t", "-o", "s@1714564802001"]), "");
    assert_eq!(t.ok(&["consume", "t", "-o", "s@2024-05-01T12:00:01Z"]), "at1\nat2\n");
    assert_eq!(t.ok(&["consume", "t", "-o", "s@2024-05-01T12:00:00.500Z"]), "at1\nat2\n");
    assert_eq!(t.ok(&["consume", "t", "-o", "s@2024-05-01T14:00:01+02:00"]), "at1\nat2\n");
    assert_eq!(t.ok(&["consume", "t", "-o", "s@2024-04-30T00:00:00Z"]), "at0\nat1\nat2\n");
    assert_eq!(t.ok(&["consume", "t", "-o", "s@2030-01-01T00:00:00Z"]), "");
}

#[test]
fn consume_count_and_partitions() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "-P", "3"]);
    for p in 0..3 {
        let input: String = (0..5).map(|i| format!("p{p}-{i}\n")).collect();
        t.ok_with(&["produce", "t", "-p", &p.to_string()], input.as_bytes());
    }
    assert_eq!(t.ok(&["consume", "t", "-p", "1", "-c", "2"]), "p1-0\np1-1\n");
    assert_eq!(t.ok(&["consume", "t", "-p", "1", "--count", "100"]).lines().count(), 5);
    assert_eq!(t.ok(&["consume", "t", "-c", "7"]).lines().count(), 7);
    assert_eq!(t.ok(&["consume", "t", "-c", "0"]), "");
    let mut got: Vec<String> = t.ok(&["consume", "t", "-p", "0", "-p", "2"]).lines().map(String::from).collect();
    got.sort();
    let mut want: Vec<String> = (0..5).flat_map(|i| [format!("p0-{i}"), format!("p2-{i}")]).collect();
    want.sort();
    assert_eq!(got, want);
    assert_eq!(t.ok(&["consume", "t", "--partition", "2", "-o", "3", "-c", "1"]), "p2-3\n");
    // Every partition by default.
    assert_eq!(t.ok(&["consume", "t"]).lines().count(), 15);
}

#[test]
fn consume_format_tokens() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t"]);
    t.ok_with(&["produce", "t", "-K", ":", "-H", "a=b", "--timestamp", "1234"], b"k1:v1\n:v2\nnokey\n");
    t.ok_with(&["produce", "t", "-K", ":", "-Z", "--timestamp", "99"], b"k4:\n");
    let out = t.ok(&["consume", "t", "--format", "%t|%p|%o|%k|%K|%s|%S|%T|%h|%%\\n"]);
    assert_eq!(
        out,
        "t|0|0|k1|2|v1|2|1234|a=b|%\n\
         t|0|1||0|v2|2|1234|a=b|%\n\
         t|0|2||-1|nokey|5|1234|a=b|%\n\
         t|0|3|k4|2||-1|99||%\n"
    );
    assert_eq!(t.ok(&["consume", "t", "-c", "1", "--format", "%o\\t%s\\r\\n"]), "0\tv1\r\n");
    assert_eq!(t.ok(&["consume", "t", "-c", "2", "--format", "100%% "]), "100% 100% ");
    // The JSON form has every field.
    let j = json_lines(&t.ok(&["consume", "t", "-J", "-c", "1"]));
    assert_eq!(
        j[0],
        serde_json::json!({"topic": "t", "partition": 0, "offset": 0, "timestamp": 1234,
            "key": "k1", "value": "v1", "headers": [{"key": "a", "value": "b"}]})
    );
}

#[test]
fn consume_into_a_closed_pipe_exits_quietly() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t"]);
    let n = 200_000;
    let input: String = (1..=n).map(|i| format!("{i}\n")).collect();
    t.ok_with(&["produce", "t"], input.as_bytes());
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg("set -o pipefail; \"$0\" --data-dir \"$1\" consume t | head -n 1")
        .arg(klog_bin())
        .arg(t.data())
        .env_remove("KLOG_DATA_DIR")
        .output()
        .expect("run bash");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "1\n");
    assert_eq!(stderr, "", "a closed pipe is not an error");
    // The same with --json and a format string (the slower paths).
    for fmt in [vec!["--json"], vec!["--format", "%o %s\\n"]] {
        let script = format!(
            "set -o pipefail; \"$0\" --data-dir \"$1\" consume t {} | head -n 1",
            fmt.iter().map(|a| format!("'{a}'")).collect::<Vec<_>>().join(" ")
        );
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(&script)
            .arg(klog_bin())
            .arg(t.data())
            .env_remove("KLOG_DATA_DIR")
            .output()
            .expect("run bash");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{fmt:?}: {stderr}");
        assert_eq!(stderr, "", "{fmt:?}");
        assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    }
}

// ---------------------------------------------------------------------------------------------
// offsets
// ---------------------------------------------------------------------------------------------

#[test]
fn offsets_table_and_json() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "-P", "2"]);
    t.ok_with(&["produce", "t", "-p", "0"], b"a\nb\nc\n");
    t.ok_with(&["produce", "t", "-p", "1"], b"a\nb\nc\nd\ne\n");
    let table = t.ok(&["offsets", "t"]);
    let rows: Vec<Vec<&str>> = table.lines().map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(
        rows,
        vec![vec!["TOPIC", "PARTITION", "EARLIEST", "LATEST"], vec!["t", "0", "0", "3"], vec!["t", "1", "0", "5"],]
    );
    let j = json_one(&t.ok(&["offsets", "t", "--json"]));
    assert_eq!(
        j,
        serde_json::json!([
            {"topic": "t", "partition": 0, "earliest": 0, "latest": 3, "high_watermark": 3},
            {"topic": "t", "partition": 1, "earliest": 0, "latest": 5, "high_watermark": 5},
        ])
    );
    let j = json_one(&t.ok(&["offsets", "t", "-p", "1", "--json"]));
    assert_eq!(j.as_array().unwrap().len(), 1);
    assert_eq!(j[0]["latest"], 5);
    // An empty topic.
    t.ok(&["topic", "create", "empty"]);
    let j = json_one(&t.ok(&["offsets", "empty", "--json"]));
    assert_eq!(j[0]["earliest"], 0);
    assert_eq!(j[0]["latest"], 0);
}

#[test]
fn offsets_for_a_time() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t"]);
    for ts in [1714564800000i64, 1714564801000, 1714564802000] {
        t.ok_with(&["produce", "t", "--timestamp", &ts.to_string()], b"r\n");
    }
    let at = |time: &str| {
        let j = json_one(&t.ok(&["offsets", "t", "--time", time, "--json"]));
        j[0]["offset_for_time"].clone()
    };
    assert_eq!(at("0"), 0);
    assert_eq!(at("1714564800000"), 0);
    assert_eq!(at("1714564800500"), 1);
    assert_eq!(at("1714564801000"), 1);
    assert_eq!(at("2024-05-01T12:00:01.001Z"), 2);
    assert_eq!(at("1714564802000"), 2);
    assert!(at("1714564802001").is_null());
    let table = t.ok(&["offsets", "t", "--time", "1714564800500"]);
    let rows: Vec<Vec<&str>> = table.lines().map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(
        rows,
        vec![vec!["TOPIC", "PARTITION", "EARLIEST", "LATEST", "OFFSET-FOR-TIME"], vec!["t", "0", "0", "3", "1"],]
    );
    let table = t.ok(&["offsets", "t", "--time", "2030-01-01T00:00:00Z"]);
    assert_eq!(table.lines().nth(1).unwrap().split_whitespace().last(), Some("none"));
}

#[test]
fn offsets_for_a_time_across_segments_and_index_entries() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--config", "internal.segment.bytes=1000", "--config", "index.interval.bytes=100"]);
    let input: String =
        (0..200).map(|i| format!("{{\"value\":\"r{i}\",\"timestamp\":{}}}\n", 1_000_000 + i * 10)).collect();
    t.ok_with(&["produce", "t", "--input", "json", "--batch-size", "200"], input.as_bytes());
    assert!(log_files(&t.partition_dir("t", 0)).len() >= 3);
    for time in
        [0i64, 1_000_000, 1_000_001, 1_000_455, 1_000_460, 1_000_461, 1_001_000, 1_001_990, 1_001_991, 1_005_000]
    {
        let want = {
            let i = (time - 1_000_000 + 9).div_euclid(10).max(0);
            (i < 200).then_some(i)
        };
        let j = json_one(&t.ok(&["offsets", "t", "--time", &time.to_string(), "--json"]));
        assert_eq!(j[0]["offset_for_time"].as_i64(), want, "time {time}");
        let c = t.ok(&["consume", "t", "-o", &format!("s@{time}"), "-c", "1", "--format", "%o"]);
        assert_eq!(c, want.map_or(String::new(), |o| o.to_string()), "time {time}");
    }
}

// ---------------------------------------------------------------------------------------------
// dump
// ---------------------------------------------------------------------------------------------

#[test]
fn dump_a_log_segment() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t"]);
    t.ok_with(&["produce", "t", "--timestamp", "5000"], b"a\nb\nc\n");
    t.ok_with(&["produce", "t", "-K", ":", "-H", "h=v", "--timestamp", "6000"], b"k:d\n");
    let seg = t.segment("t", 0, 0, ".log");
    let seg_s = seg.to_str().unwrap();
    let out = t.ok(&["dump", seg_s]);
    let ls = lines(&out);
    assert_eq!(ls[0], format!("Dumping {seg_s}"));
    assert_eq!(ls[1], "Starting offset: 0");
    let batches: Vec<&str> = ls.iter().copied().filter(|l| l.starts_with("baseOffset:")).collect();
    assert_eq!(batches.len(), 2, "{out}");
    assert_eq!(field(batches[0], "baseOffset"), "0");
    assert_eq!(field(batches[0], "lastOffset"), "2");
    assert_eq!(field(batches[0], "count"), "3");
    assert_eq!(field(batches[0], "position"), "0");
    assert_eq!(field(batches[0], "CreateTime"), "5000");
    assert_eq!(field(batches[0], "magic"), "2");
    assert_eq!(field(batches[0], "compresscodec"), "none");
    assert!(field(batches[0], "crc").parse::<u32>().is_ok(), "{}", batches[0]);
    assert_eq!(field(batches[0], "isvalid"), "true");
    let size0: u64 = field(batches[0], "size").parse().unwrap();
    assert_eq!(field(batches[1], "baseOffset"), "3");
    assert_eq!(field(batches[1], "lastOffset"), "3");
    assert_eq!(field(batches[1], "count"), "1");
    assert_eq!(field(batches[1], "position"), size0.to_string());
    let size1: u64 = field(batches[1], "size").parse().unwrap();
    assert_eq!(std::fs::metadata(&seg).unwrap().len(), size0 + size1);
    assert!(!out.contains("| offset"), "no records without --records");

    let rec = t.ok(&["dump", "--records", seg_s]);
    let recs: Vec<&str> = rec.lines().filter(|l| l.starts_with("| offset:")).collect();
    assert_eq!(recs.len(), 4, "{rec}");
    assert!(recs[0].starts_with("| offset: 0 CreateTime: 5000 keySize: -1 valueSize: 1"), "{}", recs[0]);
    assert!(recs[0].ends_with("key: null payload: a"), "{}", recs[0]);
    assert!(recs[2].ends_with("payload: c"), "{}", recs[2]);
    assert!(recs[3].contains("headerKeys: [h]"), "{}", recs[3]);
    assert!(recs[3].ends_with("key: k payload: d"), "{}", recs[3]);

    let j = json_lines(&t.ok(&["dump", "--json", seg_s]));
    assert_eq!(j.len(), 2);
    assert_eq!(j[0]["baseOffset"], 0);
    assert_eq!(j[0]["lastOffset"], 2);
    assert_eq!(j[0]["count"], 3);
    assert_eq!(j[0]["position"], 0);
    assert_eq!(j[0]["isvalid"], true);
    assert_eq!(j[0]["size"], size0);
    assert_eq!(j[1]["position"], size0);
    assert_eq!(j[0]["crc"].as_u64().unwrap().to_string(), field(batches[0], "crc"));
    assert!(j[0].get("records").is_none());
    let j = json_lines(&t.ok(&["dump", "--json", "--records", seg_s]));
    let r = j[1]["records"].as_array().unwrap();
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["offset"], 3);
    assert_eq!(r[0]["key"], "k");
    assert_eq!(r[0]["payload"], "d");
    assert_eq!(r[0]["timestamp"], 6000);
    assert_eq!(j[0]["records"].as_array().unwrap().len(), 3);
}

#[test]
fn dump_indexes_and_a_partition_dir() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--config", "internal.segment.bytes=1000", "--config", "index.interval.bytes=100"]);
    t.ok_with(&["produce", "t", "--batch-size", "200"], numbered(200).as_bytes());
    let dir = t.partition_dir("t", 0);
    let logs = log_files(&dir);
    assert!(logs.len() >= 3, "{logs:?}");

    let idx = t.segment("t", 0, 0, ".index");
    let out = t.ok(&["dump", idx.to_str().unwrap()]);
    let ls = lines(&out);
    assert_eq!(ls[0], format!("Dumping {}", idx.display()));
    let entries: Vec<(i64, u64)> =
        ls[1..].iter().map(|l| (field(l, "offset").parse().unwrap(), field(l, "position").parse().unwrap())).collect();
    assert!(!entries.is_empty(), "{out}");
    assert_eq!(entries.len() as u64 * 8, std::fs::metadata(&idx).unwrap().len());
    // Each entry names a batch start and that batch's last offset.
    let batches = json_lines(&t.ok(&["dump", "--json", logs[0].to_str().unwrap()]));
    for (o, p) in &entries {
        assert!(
            batches.iter().any(|b| b["position"] == *p && b["lastOffset"] == *o),
            "entry {o}->{p} not at a batch: {batches:?}"
        );
    }
    let j = json_lines(&t.ok(&["dump", "--json", idx.to_str().unwrap()]));
    assert_eq!(j.len(), entries.len());
    assert_eq!(j[0]["offset"], entries[0].0);
    assert_eq!(j[0]["position"], entries[0].1);

    let tidx = t.segment("t", 0, 0, ".timeindex");
    let out = t.ok(&["dump", tidx.to_str().unwrap()]);
    let tl: Vec<&str> = out.lines().skip(1).collect();
    assert!(!tl.is_empty(), "{out}");
    for l in &tl {
        assert!(field(l, "timestamp").parse::<i64>().unwrap() > 0, "{l}");
        let o: i64 = field(l, "offset").parse().unwrap();
        assert!((0..200).contains(&o), "{l}");
    }
    let j = json_lines(&t.ok(&["dump", "--json", tidx.to_str().unwrap()]));
    assert_eq!(j.len(), tl.len());
    assert!(j[0]["timestamp"].as_i64().unwrap() > 0);

    // A whole partition directory: every segment, every batch, every offset once.
    let out = t.ok(&["dump", dir.to_str().unwrap()]);
    let dumped: Vec<&str> = out.lines().filter(|l| l.starts_with("Dumping ")).collect();
    assert_eq!(dumped.len(), logs.len(), "{out}");
    for (d, l) in dumped.iter().zip(&logs) {
        assert_eq!(*d, format!("Dumping {}", l.display()));
    }
    let mut next = 0;
    let mut batches = 0;
    for l in out.lines().filter(|l| l.starts_with("baseOffset:")) {
        assert_eq!(field(l, "baseOffset").parse::<i64>().unwrap(), next, "{l}");
        next = field(l, "lastOffset").parse::<i64>().unwrap() + 1;
        batches += 1;
    }
    assert_eq!(next, 200);
    let j = json_lines(&t.ok(&["dump", "--json", dir.to_str().unwrap()]));
    assert_eq!(j.len(), batches);
    // Several paths at once.
    let out = t.ok(&["dump", logs[0].to_str().unwrap(), idx.to_str().unwrap()]);
    assert_eq!(out.lines().filter(|l| l.starts_with("Dumping ")).count(), 2);
}

#[test]
fn dump_a_real_kafka_segment() {
    let seg = bheem().join("cities-0/00000000000000000000.log");
    let before = snapshot(&bheem());
    let t = Klog::new();
    let out = t.ok(&["dump", seg.to_str().unwrap()]);
    let batches: Vec<&str> = out.lines().filter(|l| l.starts_with("baseOffset:")).collect();
    assert_eq!(batches.len(), 11, "{out}");
    for (i, b) in batches.iter().enumerate() {
        assert_eq!(field(b, "baseOffset"), i.to_string());
        assert_eq!(field(b, "isvalid"), "true");
        assert_eq!(field(b, "magic"), "2");
    }
    let rec = t.ok(&["dump", "--records", seg.to_str().unwrap()]);
    let payloads: Vec<&str> = rec
        .lines()
        .filter(|l| l.starts_with("| offset:"))
        .map(|l| &l[l.find("payload: ").unwrap() + "payload: ".len()..])
        .collect();
    assert_eq!(payloads, CITIES);
    let j = json_lines(&t.ok(&["dump", "--json", "--records", seg.to_str().unwrap()]));
    assert_eq!(j.len(), 11);
    assert_eq!(j[0]["records"][0]["payload"], "New York");
    assert_eq!(j[10]["records"][0]["payload"], "Toronto");
    assert_eq!(j[10]["lastOffset"], 10);
    let total: u64 = j.iter().map(|b| b["size"].as_u64().unwrap()).sum();
    assert_eq!(total, std::fs::metadata(&seg).unwrap().len());
    assert_eq!(snapshot(&bheem()), before, "dump must not touch the sample");
}

// ---------------------------------------------------------------------------------------------
// Real Kafka directories, read in place
// ---------------------------------------------------------------------------------------------

#[test]
fn real_kafka_directory_is_read_as_it_is() {
    let dir = bheem();
    let before = snapshot(&dir);
    let list = ok_at(&dir, &["topic", "list"]);
    let names: Vec<&str> = list.lines().skip(1).map(|l| l.split_whitespace().next().unwrap()).collect();
    assert!(names.contains(&"cities"), "{list}");
    assert!(names.contains(&"__consumer_offsets"), "{list}");
    let j = json_one(&ok_at(&dir, &["topic", "list", "--json"]));
    assert!(j.as_array().unwrap().iter().any(|t| t["name"] == "cities" && t["partitions"] == 1));

    let out = ok_at(&dir, &["consume", "cities"]);
    let got: Vec<&str> = out.lines().collect();
    assert_eq!(got, CITIES);
    assert_eq!(got.first(), Some(&"New York"));
    assert_eq!(got.last(), Some(&"Toronto"));
    assert_eq!(ok_at(&dir, &["consume", "cities", "-o", "-1"]), "Toronto\n");
    assert_eq!(ok_at(&dir, &["consume", "cities", "-o", "2", "-c", "1"]), "Paris\n");

    let j = json_one(&ok_at(&dir, &["offsets", "cities", "--json"]));
    assert_eq!(j[0]["earliest"], 0);
    assert_eq!(j[0]["latest"], 11);
    let d = json_one(&ok_at(&dir, &["topic", "describe", "cities", "--json"]));
    assert_eq!(d[0]["partitions"][0]["log_end_offset"], 11);
    let pm = std::fs::read_to_string(dir.join("cities-0/partition.metadata")).unwrap();
    let id = d[0]["topic_id"].as_str().unwrap();
    assert!(!id.is_empty() && pm.contains(&format!("topic_id: {id}")), "{pm} vs {d}");
    // Only the partitions that were copied are read.
    let j = json_one(&ok_at(&dir, &["offsets", "__consumer_offsets", "--json"]));
    let parts: Vec<i64> = j.as_array().unwrap().iter().map(|p| p["partition"].as_i64().unwrap()).collect();
    assert_eq!(parts, [7, 8, 9, 10, 46]);
    let recs = json_lines(&ok_at(&dir, &["consume", "__consumer_offsets", "--json"]));
    assert_eq!(recs.len(), 26);
    assert!(recs.iter().all(|r| r["topic"] == "__consumer_offsets"));

    let v = klog_at(&dir, &["verify"]);
    assert_eq!(
        v.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&v.stdout),
        String::from_utf8_lossy(&v.stderr)
    );
    let vout = String::from_utf8_lossy(&v.stdout);
    assert!(vout.lines().any(|l| l.starts_with("cities ") && l.contains(" 11 ")), "{vout}");
    assert!(!vout.contains("problem"), "{vout}");

    assert_eq!(snapshot(&dir), before, "read commands must not write to the sample");
    assert!(!dir.join(".klog").exists());
}

/// The bases of a partition's segments, in order.
fn segment_bases(dir: &std::path::Path) -> Vec<i64> {
    let mut v: Vec<i64> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().to_str()?.strip_suffix(".log")?.parse().ok())
        .collect();
    v.sort();
    v
}

/// `recovery-point-offset-checkpoint` as Kafka keeps it: one entry per partition, the offset
/// below which the log is flushed (here the active segment's base, recorded when a writer opens).
#[test]
fn recovery_point_checkpoint_has_an_entry_per_partition() {
    let t = Klog::new();
    t.ok(&["topic", "create", "rp", "-P", "2", "--config", "internal.segment.bytes=2000"]);
    let lines: String = (0..200).map(|i| format!("record number {i:04} with some padding\n")).collect();
    t.ok_with(&["produce", "rp", "-p", "0", "--batch-size", "500"], lines.as_bytes());
    let bases = segment_bases(&t.partition_dir("rp", 0));
    assert!(bases.len() >= 3, "{bases:?}");
    let read = || {
        let text = std::fs::read_to_string(t.data().join("recovery-point-offset-checkpoint")).unwrap();
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("0"), "{text}");
        let n: usize = lines.next().unwrap().parse().unwrap();
        let m: BTreeMap<(String, i32), i64> = lines
            .map(|l| {
                let f: Vec<&str> = l.split(' ').collect();
                ((f[0].to_string(), f[1].parse().unwrap()), f[2].parse().unwrap())
            })
            .collect();
        assert_eq!(m.len(), n, "{text}");
        m
    };
    // The produce's writer opened an empty partition: its point is 0; rolls during the run are
    // recorded at the next open, as Kafka's periodic checkpoint lags too.
    assert_eq!(read().get(&("rp".to_string(), 0)), Some(&0));
    t.ok_with(&["produce", "rp", "-p", "0"], b"one more\n");
    assert_eq!(read().get(&("rp".to_string(), 0)), Some(bases.last().unwrap()), "bases {bases:?}");
    assert_eq!(read().get(&("rp".to_string(), 1)), None, "partition 1 was never written");
    // Deleting the topic drops its entries.
    t.ok(&["topic", "delete", "rp"]);
    assert!(read().is_empty());
}

#[test]
fn kafka_demo_metadata_log_verifies() {
    // The sample is a copy of a KRaft broker's partition directory without its meta.properties;
    // a data directory needs one, so the test reads a copy with the broker's (KRaft form) added.
    let copy = tempfile::tempdir().unwrap();
    let dir = copy.path().join("kraft-combined-logs");
    common::copy_dir(&kafka_demo(), &dir);
    std::fs::write(dir.join("meta.properties"), "version=1\nnode.id=1\ncluster.id=MkU3OEVBNTcwNTJENDM2Qg\n").unwrap();
    let before = snapshot(&dir);
    let v = klog_at(&dir, &["verify", "--json"]);
    assert_eq!(v.status.code(), Some(0), "{}", String::from_utf8_lossy(&v.stderr));
    let j = json_one(&String::from_utf8_lossy(&v.stdout));
    let part =
        j.as_array().unwrap().iter().find(|p| p["topic"] == "__cluster_metadata").expect("__cluster_metadata checked");
    let segs = part["segments"].as_array().unwrap();
    let batches: u64 = segs.iter().map(|s| s["batches"].as_u64().unwrap()).sum();
    assert_eq!(batches, 32);
    assert!(segs.iter().all(|s| s["ok"] == true));
    let text = ok_at(&dir, &["verify"]);
    assert!(text.contains(" 32 "), "{text}");
    // consume returns every data record (control batches are skipped), as dump counts them.
    let seg = dir.join("__cluster_metadata-0/00000000000000000000.log");
    let dump = json_lines(&ok_at(&dir, &["dump", "--json", seg.to_str().unwrap()]));
    assert_eq!(dump.len(), 32);
    let data_records: u64 = dump.iter().filter(|b| b["isControl"] == false).map(|b| b["count"].as_u64().unwrap()).sum();
    let consumed = json_lines(&ok_at(&dir, &["consume", "__cluster_metadata", "--json"]));
    assert_eq!(consumed.len() as u64, data_records);
    assert_eq!(consumed.len(), 176);
    assert_eq!(consumed.last().unwrap()["offset"], 176);

    let table = ok_at(&dir, &["offsets", "__cluster_metadata"]);
    let row: Vec<&str> = table.lines().nth(1).unwrap().split_whitespace().collect();
    assert_eq!(row, ["__cluster_metadata", "0", "0", "177"]);
    let j = json_one(&ok_at(&dir, &["offsets", "__cluster_metadata", "--json"]));
    assert_eq!(j[0]["latest"], 177);
    assert_eq!(j[0]["earliest"], 0);
    assert_eq!(snapshot(&dir), before, "read commands must not write to the sample");
}

// ---------------------------------------------------------------------------------------------
// verify, completions
// ---------------------------------------------------------------------------------------------

#[test]
fn verify_a_clean_data_dir() {
    let t = Klog::new();
    t.ok(&["topic", "create", "a", "-P", "2"]);
    t.ok(&["topic", "create", "b"]);
    t.ok_with(&["produce", "a"], numbered(100).as_bytes());
    t.ok_with(&["produce", "b", "-z", "zstd"], numbered(10).as_bytes());
    let out = t.ok(&["verify"]);
    let rows: Vec<Vec<&str>> = out.lines().skip(1).map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(rows.len(), 3, "{out}");
    assert!(rows.iter().all(|r| r.last() == Some(&"ok")), "{out}");
    let records: u64 = rows.iter().map(|r| r[4].parse::<u64>().unwrap()).sum();
    assert_eq!(records, 110);
    let out = t.ok(&["verify", "b", "--json"]);
    let j = json_one(&out);
    assert_eq!(j.as_array().unwrap().len(), 1);
    assert_eq!(j[0]["topic"], "b");
    assert_eq!(j[0]["segments"][0]["records"], 10);
    assert_eq!(j[0]["segments"][0]["ok"], true);
    assert_eq!(j[0]["repairs"], serde_json::json!([]));
    // --repair on a clean directory repairs nothing.
    let out = t.ok(&["verify", "--repair"]);
    assert!(!out.contains("repaired"), "{out}");
}

#[test]
fn completions_bash_prints_a_script() {
    let t = Klog::new();
    let out = t.ok(&["completions", "bash"]);
    assert!(out.contains("klog"), "{out}");
    assert!(out.contains("complete "), "{out}");
    assert!(out.contains("consume") && out.contains("produce"), "{out}");
    let zsh = t.ok(&["completions", "zsh"]);
    assert!(zsh.contains("#compdef klog"), "{zsh}");
}

// ---------------------------------------------------------------------------------------------
// Segments and indexes
// ---------------------------------------------------------------------------------------------

#[test]
fn segments_roll_at_segment_bytes() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--config", "internal.segment.bytes=1000"]);
    t.ok_with(&["produce", "t", "--batch-size", "200"], numbered(200).as_bytes());
    let dir = t.partition_dir("t", 0);
    let logs = log_files(&dir);
    assert!(logs.len() >= 3, "several segments: {logs:?}");
    for l in &logs {
        let size = std::fs::metadata(l).unwrap().len();
        assert!(size <= 1000, "{} is {size} bytes", l.display());
        let base = l.file_stem().unwrap().to_str().unwrap();
        assert_eq!(base.len(), 20);
        assert!(dir.join(format!("{base}.index")).exists(), "{base}.index");
        assert!(dir.join(format!("{base}.timeindex")).exists(), "{base}.timeindex");
    }
    // Each segment's name is the offset of its first record.
    for l in &logs {
        let base: i64 = l.file_stem().unwrap().to_str().unwrap().parse().unwrap();
        let j = json_lines(&t.ok(&["dump", "--json", l.to_str().unwrap()]));
        assert_eq!(j[0]["baseOffset"], base, "{}", l.display());
    }
    assert_eq!(t.ok(&["consume", "t"]), numbered(200));
    assert_eq!(t.ok(&["consume", "t", "-o", "150", "-c", "1"]), "rec-150\n");
    let last_base: i64 = logs.last().unwrap().file_stem().unwrap().to_str().unwrap().parse().unwrap();
    assert_eq!(t.ok(&["consume", "t", "-o", &last_base.to_string(), "-c", "1"]), format!("rec-{last_base}\n"));
    assert_eq!(
        t.ok(&["consume", "t", "-o", &(last_base - 1).to_string(), "-c", "2"]),
        format!("rec-{}\nrec-{last_base}\n", last_base - 1)
    );
    let d = json_one(&t.ok(&["topic", "describe", "t", "--json"]));
    assert_eq!(d[0]["partitions"][0]["segments"], logs.len());
    assert_eq!(d[0]["partitions"][0]["log_end_offset"], 200);
    t.ok(&["verify"]);
    // A later produce continues the numbering.
    let out = t.ok_with(&["produce", "t", "--print-offsets"], b"more\n");
    assert_eq!(out, "t\t0\t200\t200\n");
}

#[test]
fn offset_index_is_sparse_per_index_interval_bytes() {
    // Many small batches in one run.
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--config", "index.interval.bytes=100"]);
    t.ok_with(&["produce", "t", "--batch-size", "200"], numbered(300).as_bytes());
    let idx = t.segment("t", 0, 0, ".index");
    let len = std::fs::metadata(&idx).unwrap().len();
    assert!(len > 0 && len.is_multiple_of(8), "{len}");
    let out = t.ok(&["dump", idx.to_str().unwrap()]);
    let entries: Vec<(i64, u64)> = out
        .lines()
        .skip(1)
        .map(|l| (field(l, "offset").parse().unwrap(), field(l, "position").parse().unwrap()))
        .collect();
    assert!(entries.len() >= 2, "{out}");
    for w in entries.windows(2) {
        assert!(w[1].0 > w[0].0, "offsets increase: {out}");
        assert!(w[1].1 > w[0].1, "positions increase: {out}");
        // Sparse: entries are more than index.interval.bytes apart.
        assert!(w[1].1 - w[0].1 > 100, "{out}");
    }
    let batches = json_lines(&t.ok(&["dump", "--json", t.segment("t", 0, 0, ".log").to_str().unwrap()]));
    assert!(entries.len() < batches.len(), "sparser than one entry per batch");
    // Lookups through the index find the right records.
    for o in [0, 1, 57, 123, 250, 299] {
        assert_eq!(t.ok(&["consume", "t", "-o", &o.to_string(), "-c", "1"]), format!("rec-{o}\n"));
    }
    t.ok(&["verify"]);

    // One record per produce run: an entry once more than 100 bytes have gone by.
    let t2 = Klog::new();
    t2.ok(&["topic", "create", "t", "--config", "index.interval.bytes=100"]);
    for i in 0..12 {
        t2.ok_with(&["produce", "t"], format!("single-{i}\n").as_bytes());
    }
    let idx = t2.segment("t", 0, 0, ".index");
    let out = t2.ok(&["dump", idx.to_str().unwrap()]);
    let offs: Vec<i64> = out.lines().skip(1).map(|l| field(l, "offset").parse().unwrap()).collect();
    assert!(!offs.is_empty(), "{out}");
    assert!(offs.len() < 12, "{out}");
    assert!(offs.windows(2).all(|w| w[1] > w[0]), "{out}");
    assert_eq!(t2.ok(&["consume", "t", "-o", "11"]), "single-11\n");
    t2.ok(&["verify"]);
}

#[test]
fn groups_a_kafka_broker_recorded_are_listed_and_described() {
    // A copy of a real broker's directory, whose __consumer_offsets holds four classic groups
    // (GroupMetadata records, generation 2 with no members after they left) and one group of
    // the new consumer protocol (KIP-848 records, which klog skips; known by its offsets).
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kafka-logs");
    let st = std::process::Command::new("cp").arg("-r").arg(bheem()).arg(&dir).status().unwrap();
    assert!(st.success());
    let d = dir.to_string_lossy().into_owned();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("klog"))
        .args(["--data-dir", &d, "group", "list", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let groups: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = groups.iter().map(|g| g["group"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        ["fixture-classic-0", "fixture-classic-1", "fixture-classic-2", "fixture-classic-3", "fixture-consumer"]
    );
    assert!(
        groups[..4].iter().all(|g| g["state"] == "Empty" && g["generation"] == 2 && g["members"] == 0),
        "{:?}",
        groups
    );
    assert_eq!((groups[4]["state"].as_str(), groups[4]["members"].as_i64()), (Some("Empty"), Some(0)));
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("klog"))
        .args(["--data-dir", &d, "group", "describe", "fixture-classic-3", "--state", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((v["state"].as_str(), v["generation"].as_i64()), (Some("Empty"), Some(2)), "{}", v);
    // The KIP-848 group's offset, from Kafka 4's flexible OffsetCommitValue v4.
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("klog"))
        .args(["--data-dir", &d, "group", "describe", "fixture-consumer"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let row: Vec<String> =
        String::from_utf8_lossy(&out.stdout).lines().nth(1).unwrap().split_whitespace().map(String::from).collect();
    assert_eq!(row[..6], ["fixture-consumer", "cities", "0", "9", "11", "2"]);
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("klog"))
        .args(["--data-dir", &d, "group", "describe", "no-such-group"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("group 'no-such-group' does not exist"));
    // Reading them wrote nothing into the broker's directory.
    assert!(!dir.join(".klog").exists());
}
