//! Apache Kafka itself judges klog's compatibility (issue 11): the pinned Kafka of
//! `interop/kafka/pom.xml` (fetched by Maven once, see `common::kafka`) reads what klog writes,
//! with its own DumpLogSegments, a real one-node KRaft broker, GetOffsetShell, the console consumer
//! and kafka-consumer-groups; and klog reads what Kafka's own clients wrote. These tests never skip:
//! without java, mvn or the jars they fail, saying what to install.

mod common;

use common::kafka::{self, group_rows, Broker};
use common::Klog;

#[test]
fn smoke_broker_serves_and_dump_log_segments_reads_a_klog_segment() {
    let t = Klog::new();
    t.ok(&["topic", "create", "smoke"]);
    t.ok_with(&["produce", "smoke", "-K", ":"], b"k1:v1\nk2:v2\nnokey\n");
    let seg = t.segment("smoke", 0, 0, ".log");
    let out = kafka::dump_log_segments(&[&seg], &["--deep-iteration", "--print-data-log"]);
    assert!(out.contains("isvalid: true"), "DumpLogSegments: {}", out);
    assert!(!out.contains("isvalid: false"), "DumpLogSegments: {}", out);
    for want in ["key: k1 payload: v1", "key: k2 payload: v2", "payload: nokey"] {
        assert!(out.contains(want), "DumpLogSegments lacks {:?}: {}", want, out);
    }
    let mut b = Broker::start();
    let id = b.create_topic("smoke", 1, &[]);
    assert_eq!(id.len(), 22, "topic id {:?}", id);
    b.stop();
    assert!(b.logs().join("smoke-0/partition.metadata").exists());
}

/// Kafka's StorageTool (`kafka-storage info`) reads the `meta.properties` of `klog init` as a
/// KRaft log directory: version 1, node.id and cluster.id as klog printed them, and no problem
/// found. A version-0 file (what klog wrote before) is "formatted for legacy mode" to Kafka 4.
#[test]
fn kafka_storage_tool_accepts_klog_init_meta_properties() {
    let t = Klog::new();
    let out = t.ok(&["init", "--broker-id", "3"]);
    let cluster = out.split("cluster.id=").nth(1).and_then(|r| r.split(')').next()).expect("cluster.id printed");
    let props = t.data().parent().unwrap().join("server.properties");
    std::fs::write(
        &props,
        format!(
            "process.roles=broker,controller\nnode.id=3\ncontroller.quorum.voters=3@127.0.0.1:9\n\
             listeners=PLAINTEXT://127.0.0.1:8,CONTROLLER://127.0.0.1:9\ncontroller.listener.names=CONTROLLER\n\
             log.dirs={}\n",
            t.data().display()
        ),
    )
    .unwrap();
    let info = kafka::tool_output("kafka.tools.StorageTool", &["info", "-c", props.to_str().unwrap()]);
    let text = format!("{}{}", String::from_utf8_lossy(&info.stdout), String::from_utf8_lossy(&info.stderr));
    assert!(info.status.success(), "kafka-storage info: {text}");
    assert!(!text.contains("Found problem"), "kafka-storage info: {text}");
    assert!(text.contains("version=1"), "kafka-storage info: {text}");
    assert!(text.contains("node.id=3"), "kafka-storage info: {text}");
    assert!(text.contains(&format!("cluster.id={cluster}")), "kafka-storage info: {text}");
    assert!(text.contains("directory.id="), "kafka-storage info: {text}");
    // The same tool refuses the version-0 form, so the check above can fail.
    std::fs::write(t.data().join("meta.properties"), format!("version=0\nbroker.id=3\ncluster.id={cluster}\n"))
        .unwrap();
    let info = kafka::tool_output("kafka.tools.StorageTool", &["info", "-c", props.to_str().unwrap()]);
    assert!(!info.status.success(), "kafka-storage info accepted a version-0 meta.properties");
}

const CODECS: [&str; 5] = ["none", "gzip", "snappy", "lz4", "zstd"];
const BASE_TS: i64 = 1_700_000_000_000;

/// The i-th record klog writes: a null key every 3rd, a null value every 7th, headers (one with a
/// null value) on odd ones, explicit timestamps a second apart.
fn record_json(i: i64) -> String {
    let key = if i % 3 == 0 { serde_json::Value::Null } else { format!("k{}", i % 10).into() };
    let value = if i % 7 == 0 {
        serde_json::Value::Null
    } else {
        format!("value-{}-{}", i, "abcdefgh".repeat(i as usize % 5)).into()
    };
    let headers = if i % 2 == 1 {
        serde_json::json!([{"key": "h1", "value": format!("x{}", i)}, {"key": "h2", "value": null}])
    } else {
        serde_json::json!([])
    };
    serde_json::json!({"key": key, "value": value, "headers": headers, "timestamp": BASE_TS + i * 1000}).to_string()
}

fn records_json(range: std::ops::Range<i64>) -> String {
    range.map(|i| record_json(i) + "\n").collect()
}

/// Every `.log`, `.index` and `.timeindex` file of a partition directory.
fn segment_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "log" || x == "index" || x == "timeindex"))
        .collect();
    v.sort();
    v
}

/// Kafka's DumpLogSegments finds every batch of `files` valid (as many as `batches_want`), no
/// invalid bytes, no index or time-index mismatch, every index passes the broker's sanity check,
/// and (unless the topic was compacted) offsets are consecutive.
fn assert_dump_log_segments_clean(what: &str, files: &[std::path::PathBuf], consecutive: bool, batches_want: usize) {
    let refs: Vec<&std::path::Path> = files.iter().map(|p| p.as_path()).collect();
    let out = kafka::dump_log_segments(&refs, &["--deep-iteration", "--verify-index-only"]);
    let mut bad =
        vec!["isvalid: false", "invalid bytes", "Mismatches in", "timestamp mismatch", "out of order timestamp"];
    bad.push("not found in the log");
    if consecutive {
        bad.push("Non-consecutive offsets");
    }
    for b in bad {
        assert!(!out.contains(b), "{}: DumpLogSegments reports {:?}:\n{}", what, b, out);
    }
    assert_eq!(
        out.matches("isvalid: true").count(),
        batches_want,
        "{}: batches seen by DumpLogSegments:\n{}",
        what,
        out
    );
    let indexes: Vec<&std::path::Path> =
        refs.iter().copied().filter(|p| p.extension().is_some_and(|x| x != "log")).collect();
    let out = kafka::dump_log_segments(&indexes, &["--index-sanity-check"]);
    let passed = out.matches("passed sanity check.").count() + out.matches(" is empty.").count();
    assert_eq!(passed, indexes.len(), "{}: index sanity:\n{}", what, out);
}

/// Batches in a partition, by `klog dump --json` of each segment.
fn klog_batch_count(t: &Klog, dir: &std::path::Path) -> usize {
    segment_files(dir)
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "log"))
        .map(|p| {
            t.ok(&["dump", p.to_str().unwrap(), "--json"]).lines().filter(|l| l.contains("\"baseOffset\"")).count()
        })
        .sum()
}

/// What a started broker said since `mark` (a byte length of its log) must not show a partition
/// directory it refused (stray), a corrupt or invalid segment, or an error loading a log.
fn assert_broker_loaded_cleanly(b: &Broker, mark: usize, topics: &[&str]) {
    let text = b.log_text();
    let since = &text[mark..];
    for bad in ["-stray", "Corruption found", "Found invalid messages", "CorruptRecordException", "Error while loading"]
    {
        assert!(!since.contains(bad), "the broker's log shows {:?}:\n{}", bad, b.log_tail());
    }
    for t in topics {
        let dir = b.logs().join(format!("{}-0", t));
        assert!(dir.join("partition.metadata").exists(), "{} missing after the broker started", dir.display());
    }
}

/// GetOffsetShell's `topic:partition:offset` lines for `time` (-2 earliest, -1 latest, or ms).
fn get_offset_shell(b: &Broker, topics: &str, time: &str) -> std::collections::BTreeMap<String, i64> {
    let out = b.tool("org.apache.kafka.tools.GetOffsetShell", &["--topic", topics, "--time", time]);
    out.lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (tp, o) = l.rsplit_once(':').unwrap_or_else(|| panic!("GetOffsetShell line {:?}", l));
            (tp.to_string(), o.parse().unwrap())
        })
        .collect()
}

/// klog's `offsets --json` of topics as GetOffsetShell prints them: earliest, latest and, with
/// `time`, the offset for that time.
fn klog_offsets(t: &Klog, topics: &[&str], time: i64) -> [std::collections::BTreeMap<String, i64>; 3] {
    let mut r: [std::collections::BTreeMap<String, i64>; 3] = Default::default();
    for topic in topics {
        let out = t.ok(&["offsets", topic, "--time", &time.to_string(), "--json"]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        for p in v.as_array().unwrap() {
            let tp = format!("{}:{}", topic, p["partition"]);
            r[0].insert(tp.clone(), p["earliest"].as_i64().unwrap());
            r[1].insert(tp.clone(), p["latest"].as_i64().unwrap());
            // GetOffsetShell prints no line for a partition with no record at or after the time.
            if let Some(o) = p["offset_for_time"].as_i64().filter(|&o| o >= 0) {
                r[2].insert(tp, o);
            }
        }
    }
    r
}

fn klog_consume_json(t: &Klog, topics: &[&str], extra: &[&str]) -> Vec<serde_json::Value> {
    let mut all = Vec::new();
    for topic in topics {
        let mut args = vec!["consume", topic, "-e", "--json"];
        args.extend_from_slice(extra);
        for l in t.ok(&args).lines() {
            all.push(serde_json::from_str(l).unwrap());
        }
    }
    kafka::sort_records(&mut all);
    all
}

/// The broker serves klog's partitions as klog does: GetOffsetShell's earliest, latest and
/// by-time offsets equal `klog offsets`, and Kafka's consumer returns exactly klog's records.
fn assert_broker_serves_what_klog_has(b: &Broker, t: &Klog, topics: &[&str], when: &str) {
    let time = BASE_TS + 57_500;
    let want = klog_offsets(t, topics, time);
    let pattern = topics.join("|");
    for (i, time) in ["-2", "-1", &time.to_string()].iter().enumerate() {
        let got = get_offset_shell(b, &pattern, time);
        let want = &want[i];
        assert_eq!(&got, want, "{}: GetOffsetShell --time {} vs klog offsets", when, time);
    }
    let kafka = kafka::kafka_consume(b, "read_uncommitted", topics);
    let klog = klog_consume_json(t, topics, &[]);
    assert!(klog.len() > 100, "{}: too few records to compare: {}", when, klog.len());
    assert_eq!(kafka.len(), klog.len(), "{}: record counts, Kafka's consumer vs klog", when);
    for (k, l) in kafka.iter().zip(&klog) {
        assert_eq!(k, l, "{}: Kafka's consumer vs klog consume --json", when);
    }
}

#[test]
fn klog_writes_kafka_reads() {
    // The topics, as the broker creates them (the broker's topic ids go to klog's topics).
    let codec_topics: Vec<String> = CODECS.iter().map(|c| format!("w-{}", c)).collect();
    let mut topics: Vec<&str> = codec_topics.iter().map(String::as_str).collect();
    topics.extend(["w-compact", "w-retain", "w-trim"]);
    let mut b = Broker::start();
    let bs = b.bootstrap();
    let mut args = vec!["create", bs.as_str(), "__consumer_offsets"];
    args.extend(&topics);
    let ids: std::collections::BTreeMap<String, String> = kafka::oracle(&args)
        .lines()
        .map(|l| {
            let (n, id) = l.split_once(' ').unwrap();
            (n.to_string(), id.to_string())
        })
        .collect();
    assert_eq!(ids.len(), topics.len() + 1);
    b.stop();

    let t = Klog::new();
    let small = ["-c", "internal.segment.bytes=4000", "-c", "index.interval.bytes=300"];
    for (topic, codec) in codec_topics.iter().zip(CODECS) {
        let mut args = vec!["topic", "create", topic.as_str(), "--topic-id", ids[topic.as_str()].as_str()];
        args.extend(small);
        t.ok(&args);
        for chunk in [0..40, 40..120, 120..200] {
            t.ok_with(
                &["produce", topic, "-p", "0", "--input", "json", "-z", codec, "--batch-size", "700"],
                records_json(chunk).as_bytes(),
            );
        }
    }
    // Compaction with tombstones: k0..k9 ten times, then tombstones for k0 and k1.
    let mut args = vec!["topic", "create", "w-compact", "--topic-id", ids["w-compact"].as_str()];
    args.extend(small);
    args.extend([
        "-c",
        "cleanup.policy=compact",
        "-c",
        "min.cleanable.dirty.ratio=0.01",
        "-c",
        "internal.segment.bytes=1000",
    ]);
    t.ok(&args);
    let mut input = String::new();
    for round in 0..10 {
        for k in 0..10 {
            let ts = BASE_TS + (round * 10 + k) * 1000;
            input += &format!("{{\"key\":\"k{}\",\"value\":\"v{}-{}\",\"timestamp\":{}}}\n", k, round, k, ts);
        }
    }
    input += &format!("{{\"key\":\"k0\",\"value\":null,\"timestamp\":{}}}\n", BASE_TS + 100_000);
    input += &format!("{{\"key\":\"k1\",\"value\":null,\"timestamp\":{}}}\n", BASE_TS + 101_000);
    t.ok_with(&["produce", "w-compact", "-p", "0", "--input", "json", "--batch-size", "200"], input.as_bytes());
    // Retention: records from 2023 in a topic that keeps an hour, then records of now.
    let mut args =
        vec!["topic", "create", "w-retain", "--topic-id", ids["w-retain"].as_str(), "-c", "retention.ms=3600000"];
    args.extend(small);
    t.ok(&args);
    t.ok_with(&["produce", "w-retain", "-p", "0", "--input", "json"], records_json(0..100).as_bytes());
    t.ok_with(&["produce", "w-retain", "-p", "0", "-K", ":"], b"a:1\nb:2\nc:3\n");
    // Delete-records in the middle of a segment.
    let mut args = vec!["topic", "create", "w-trim", "--topic-id", ids["w-trim"].as_str()];
    args.extend(small);
    t.ok(&args);
    t.ok_with(
        &["produce", "w-trim", "-p", "0", "--input", "json", "--batch-size", "500"],
        records_json(0..150).as_bytes(),
    );
    t.ok(&["retention", "w-compact", "w-retain"]);
    t.ok(&["delete-records", "w-trim", "-p", "0", "--before", "57"]);
    let compacted = t.log_records("w-compact");
    assert!(compacted.len() < 60, "klog retention did not compact w-compact: {:?}", compacted);
    assert!(t.ok(&["offsets", "w-retain", "--json"]).contains("\"earliest\":100"), "klog retention kept old records");

    // Group offsets committed by klog, in __consumer_offsets under the broker's topic id.
    let co_id = ids["__consumer_offsets"].as_str();
    t.ok(&["topic", "create", "__consumer_offsets", "-P", "50", "--topic-id", co_id, "-c", "cleanup.policy=compact"]);
    for (topic, offset) in [("w-none", "123"), ("w-gzip", "7"), ("w-none", "150"), ("w-trim", "60")] {
        t.ok(&["group", "commit", "kg", "--topic", topic, "-p", "0", "--offset", offset]);
    }
    let co_partitions: Vec<i32> = (0..50)
        .filter(|p| std::fs::metadata(t.segment("__consumer_offsets", *p, 0, ".log")).unwrap().len() > 0)
        .collect();
    assert_eq!(co_partitions.len(), 1, "klog's group kg in __consumer_offsets partitions {:?}", co_partitions);
    let co = co_partitions[0];
    let co_name = format!("__consumer_offsets-{}", co);
    let out = kafka::dump_log_segments(&[&t.segment("__consumer_offsets", co, 0, ".log")], &["--offsets-decoder"]);
    let records: Vec<&str> = out.lines().filter(|l| l.contains("| offset: ")).collect();
    assert_eq!(records.len(), 4, "DumpLogSegments --offsets-decoder:\n{}", out);
    for (r, (topic, offset)) in records.iter().zip([("w-none", 123), ("w-gzip", 7), ("w-none", 150), ("w-trim", 60)]) {
        assert!(
            r.contains(r#""group":"kg""#)
                && r.contains(&format!(r#""topic":"{}""#, topic))
                && r.contains(&format!(r#""offset":{},"#, offset)),
            "DumpLogSegments --offsets-decoder record {:?}:\n{}",
            r,
            out
        );
    }
    let describe_rows = |text: &str| -> Vec<Vec<String>> {
        let mut rows: Vec<Vec<String>> = text
            .lines()
            .map(|l| l.split_whitespace().take(6).map(String::from).collect::<Vec<_>>())
            .filter(|f| f.len() == 6 && f[0] == "kg")
            .collect();
        rows.sort();
        rows
    };
    let klog_groups = describe_rows(&t.ok(&["group", "describe", "kg"]));
    assert_eq!(klog_groups.len(), 3, "klog group describe kg: {:?}", klog_groups);

    // Kafka's DumpLogSegments on every file klog wrote.
    for topic in &topics {
        let dir = t.partition_dir(topic, 0);
        let files = segment_files(&dir);
        assert!(files.len() >= 3, "{}: {:?}", topic, files);
        if topic.starts_with("w-") && CODECS.iter().any(|c| topic.ends_with(c)) {
            assert!(files.len() >= 6, "{} has a single segment: {:?}", topic, files);
        }
        assert_dump_log_segments_clean(topic, &files, *topic != "w-compact", klog_batch_count(&t, &dir));
    }

    // Into the broker: klog's partition directories replace the broker's empty ones, and klog's
    // checkpoint entries replace the broker's.
    let mut moved: Vec<String> = topics.iter().map(|t| format!("{}-0", t)).collect();
    moved.push(co_name.clone());
    for dir in &moved {
        let (topic, p) = dir.rsplit_once('-').unwrap();
        let p: i32 = p.parse().unwrap();
        let from = t.partition_dir(topic, p);
        let to = b.logs().join(dir);
        assert_eq!(
            std::fs::read_to_string(to.join("partition.metadata")).unwrap(),
            std::fs::read_to_string(from.join("partition.metadata")).unwrap(),
            "{}: klog's partition.metadata differs from the broker's",
            topic
        );
        std::fs::remove_dir_all(&to).unwrap();
        std::fs::create_dir(&to).unwrap();
        for e in std::fs::read_dir(&from).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
    // klog keeps a recovery point for every partition it wrote, at most its log end.
    let points = kafka::read_checkpoint(&t.data().join("recovery-point-offset-checkpoint"));
    for topic in &topics {
        let leo: serde_json::Value = serde_json::from_str(&t.ok(&["offsets", topic, "--json"])).unwrap();
        let leo = leo[0]["latest"].as_i64().expect("latest in offsets --json");
        let point = points.get(&(topic.to_string(), 0)).copied();
        assert!(point.is_some_and(|p| (0..=leo).contains(&p)), "{topic}: recovery point {point:?}, log end {leo}");
    }
    for ck in ["log-start-offset-checkpoint", "recovery-point-offset-checkpoint", "replication-offset-checkpoint"] {
        let mine = kafka::read_checkpoint(&t.data().join(ck));
        let path = b.logs().join(ck);
        let mut theirs = kafka::read_checkpoint(&path);
        for dir in &moved {
            let (topic, p) = dir.rsplit_once('-').unwrap();
            let key = (topic.to_string(), p.parse().unwrap());
            theirs.remove(&key);
            if let Some(o) = mine.get(&key) {
                theirs.insert(key, *o);
            }
        }
        kafka::write_checkpoint(&path, &theirs);
    }

    // A clean start: the broker trusts klog's files, indexes and checkpoints.
    let mark = b.log_text().len();
    b.restart();
    assert_broker_loaded_cleanly(&b, mark, &topics);
    assert_broker_serves_what_klog_has(&b, &t, &topics, "after a clean stop");
    let kafka_groups = describe_rows(
        &b.tool("org.apache.kafka.tools.consumer.group.ConsumerGroupCommand", &["--describe", "--group", "kg"]),
    );
    assert_eq!(kafka_groups, klog_groups, "kafka-consumer-groups --describe vs klog group describe");

    // An unclean one: SIGKILL, recovery points back to 0, so the broker recovers every segment
    // of klog's from the start (sizes, CRCs, offsets; indexes rebuilt).
    b.kill();
    let path = b.logs().join("recovery-point-offset-checkpoint");
    let mut rp = kafka::read_checkpoint(&path);
    for topic in &topics {
        rp.insert((topic.to_string(), 0), 0);
    }
    kafka::write_checkpoint(&path, &rp);
    let mark = b.log_text().len();
    b.restart();
    assert_broker_loaded_cleanly(&b, mark, &topics);
    let since = b.log_text()[mark..].to_string();
    assert!(since.contains("w-none-0") && since.contains("Recovering unflushed segment"), "no recovery:\n{}", since);
    assert_broker_serves_what_klog_has(&b, &t, &topics, "after an unclean stop");
    b.stop();
}

#[test]
fn topic_create_topic_id_is_kept_and_bad_ids_are_refused() {
    let t = Klog::new();
    t.ok(&["topic", "create", "a", "--topic-id", "y07o6wWgT5Cgg18NlPoUnA"]);
    let meta = std::fs::read_to_string(t.partition_dir("a", 0).join("partition.metadata")).unwrap();
    assert_eq!(meta, "version: 0\ntopic_id: y07o6wWgT5Cgg18NlPoUnA");
    for bad in ["short", "AAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAQ", "y07o6wWgT5Cgg18NlPoU!A"] {
        let err = t.fails(&["topic", "create", "b", "--topic-id", bad], b"", 1);
        assert!(err.starts_with("klog: error: topic id") && err.trim_end().lines().count() == 1, "{}: {}", bad, err);
    }
    assert!(!t.partition_dir("b", 0).exists());
}

/// DumpLogSegments' batch lines of one `.log` file as maps of its `key: value` fields.
fn kafka_batches(file: &std::path::Path) -> Vec<std::collections::BTreeMap<String, String>> {
    let out = kafka::dump_log_segments(&[file], &[]);
    out.lines()
        .filter(|l| l.starts_with("baseOffset: "))
        .map(|l| {
            let words: Vec<&str> = l.split(' ').collect();
            let mut m = std::collections::BTreeMap::new();
            let mut i = 0;
            while i + 1 < words.len() {
                if let Some(k) = words[i].strip_suffix(':') {
                    m.insert(k.to_string(), words[i + 1].to_string());
                    i += 2;
                } else {
                    i += 1;
                }
            }
            m
        })
        .collect()
}

/// `klog dump` agrees with DumpLogSegments batch for batch on every segment of a partition.
fn assert_dump_agrees(t: &Klog, dir: &std::path::Path) -> usize {
    let mut n = 0;
    for f in segment_files(dir).iter().filter(|p| p.extension().is_some_and(|x| x == "log")) {
        let kafka = kafka_batches(f);
        let klog: Vec<serde_json::Value> =
            t.ok(&["dump", f.to_str().unwrap(), "--json"]).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(kafka.len(), klog.len(), "{}: batches, DumpLogSegments vs klog dump", f.display());
        for (k, l) in kafka.iter().zip(&klog) {
            for field in [
                "baseOffset",
                "lastOffset",
                "count",
                "position",
                "size",
                "crc",
                "isTransactional",
                "isControl",
                "compresscodec",
                "producerId",
                "producerEpoch",
                "baseSequence",
                "isvalid",
            ] {
                let lv = match &l[field] {
                    serde_json::Value::String(s) => s.clone(),
                    v => v.to_string(),
                };
                assert_eq!(
                    k.get(field).map(String::as_str),
                    Some(lv.as_str()),
                    "{}: field {} of batch {:?} vs klog {}",
                    f.display(),
                    field,
                    k,
                    l
                );
            }
            n += 1;
        }
    }
    n
}

#[test]
fn kafka_writes_klog_reads() {
    let mut b = Broker::start();
    let commits = kafka::oracle(&["write", &b.bootstrap()]);
    assert_eq!(commits.lines().count(), 2, "KlogOracle write: {}", commits);
    let codec_topics: Vec<String> = CODECS.iter().map(|c| format!("k-{}", c)).collect();
    let mut topics: Vec<&str> = codec_topics.iter().map(String::as_str).collect();
    topics.extend(["k-txn", "k-compact", "k-retain"]);
    let kafka_all = kafka::kafka_consume(&b, "read_uncommitted", &topics);
    let kafka_committed = kafka::kafka_consume(&b, "read_committed", &topics);
    assert_eq!(
        kafka_all.len() - kafka_committed.len(),
        10,
        "Kafka's consumers: the two aborted transactions hold 10 records"
    );
    let cg = "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand";
    let mut kafka_groups = Vec::new();
    for g in ["g-classic", "g-consumer"] {
        let rows = group_rows(&b.tool(cg, &["--describe", "--group", g]), g);
        assert_eq!(rows.len(), 1, "kafka-consumer-groups --describe --group {}: {:?}", g, rows);
        kafka_groups.push(rows);
    }
    b.stop();

    // klog reads the stopped broker's log directory as it is.
    let t = Klog::new();
    std::fs::remove_dir_all(t.dir.path()).ok();
    let logs = b.logs();
    let k = |args: &[&str]| -> String {
        let out = common::klog_cmd().arg("--data-dir").arg(&logs).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "klog {:?} on the broker's directory failed: {}",
            args,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let klog_consume = |isolation: &str| -> Vec<serde_json::Value> {
        let mut all: Vec<serde_json::Value> = Vec::new();
        for topic in &topics {
            for l in k(&["consume", topic, "-e", "--json", "--isolation", isolation]).lines() {
                all.push(serde_json::from_str(l).unwrap());
            }
        }
        kafka::sort_records(&mut all);
        all
    };
    assert_eq!(klog_consume("read_uncommitted"), kafka_all, "klog consume --isolation read_uncommitted vs Kafka");
    assert_eq!(klog_consume("read_committed"), kafka_committed, "klog consume --isolation read_committed vs Kafka");
    // A group member at read_committed returns what the plain consumer (and Kafka's) returns of
    // the transactional topic, commits past it, and a second run finds nothing more.
    let json_lines = |out: String| -> Vec<serde_json::Value> {
        let mut v: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        kafka::sort_records(&mut v);
        v
    };
    let committed_txn = json_lines(k(&["consume", "k-txn", "-e", "--json", "--isolation", "read_committed"]));
    let all_txn = json_lines(k(&["consume", "k-txn", "-e", "--json"]));
    assert!(!committed_txn.is_empty() && committed_txn.len() < all_txn.len(), "k-txn has no aborted records");
    let group_args = [
        "consume",
        "k-txn",
        "--group",
        "g-klog-rc",
        "--reset",
        "earliest",
        "-e",
        "--json",
        "--isolation",
        "read_committed",
    ];
    assert_eq!(json_lines(k(&group_args)), committed_txn, "klog consume --group --isolation read_committed");
    assert_eq!(k(&group_args), "", "the group member did not commit what it delivered");
    let list = k(&["group", "list"]);
    for (g, want) in ["g-classic", "g-consumer"].iter().zip(&kafka_groups) {
        assert!(list.contains(g), "klog group list lacks {}: {}", g, list);
        assert_eq!(&group_rows(&k(&["group", "describe", g]), g), want, "klog group describe {} vs Kafka", g);
    }
    let verify = common::klog_cmd().arg("--data-dir").arg(&logs).arg("verify").output().unwrap();
    assert!(
        verify.status.success(),
        "klog verify on Kafka's directory: {}{}",
        String::from_utf8_lossy(&verify.stdout),
        String::from_utf8_lossy(&verify.stderr)
    );
    let mut batches = 0;
    for topic in &topics {
        batches += assert_dump_agrees(&t, &logs.join(format!("{}-0", topic)));
    }
    assert!(batches > 20, "too few batches compared: {}", batches);

    // klog writes there: appends, compacts, applies retention (by size: the broker's retention
    // by time already removed what was old).
    let input: String = (0..20)
        .map(|i| format!("{{\"key\":\"a{}\",\"value\":\"klog-{}\",\"timestamp\":{}}}\n", i, i, BASE_TS + 300_000 + i))
        .collect();
    let out = common::klog_cmd()
        .arg("--data-dir")
        .arg(&logs)
        .args(["produce", "k-none", "-p", "0", "--input", "json"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(out.status.success(), "klog produce: {}", String::from_utf8_lossy(&out.stderr));
    k(&["topic", "alter", "k-compact", "-c", "cleanup.policy=compact", "-c", "min.cleanable.dirty.ratio=0.01"]);
    k(&["topic", "alter", "k-compact", "-c", "internal.segment.bytes=300"]);
    for round in 0..4 {
        let input: String = (0..4).map(|key| format!("k{}:klog-round-{}-{}\n", key, round, "x".repeat(40))).collect();
        let out = common::klog_cmd()
            .arg("--data-dir")
            .arg(&logs)
            .args(["produce", "k-compact", "-p", "0", "-K", ":"])
            .write_stdin(input)
            .output()
            .unwrap();
        assert!(out.status.success(), "klog produce: {}", String::from_utf8_lossy(&out.stderr));
    }
    let compacted = k(&["retention", "k-compact", "--json"]);
    assert!(compacted.contains("compact"), "klog retention k-compact: {}", compacted);
    let before = k(&["offsets", "k-retain", "--json"]);
    k(&["topic", "alter", "k-retain", "-c", "retention.bytes=1"]);
    k(&["retention", "k-retain"]);
    let after = k(&["offsets", "k-retain", "--json"]);
    assert_ne!(before, after, "klog retention deleted nothing from k-retain");
    k(&["verify"]);
    // A Kafka broker refuses to start on a log directory holding any directory that is not a
    // partition's: klog's own state (.klog/) must go before the broker comes back.
    std::fs::remove_dir_all(logs.join(".klog")).unwrap();

    // The broker, restarted, serves what klog left.
    let mark = b.log_text().len();
    b.restart();
    assert_broker_loaded_cleanly(&b, mark, &topics);
    let kafka_after = kafka::kafka_consume(&b, "read_committed", &topics);
    let klog_after = klog_consume("read_committed");
    assert_eq!(kafka_after, klog_after, "after klog's writes: Kafka's consumer vs klog consume");
    assert!(kafka_after.iter().any(|r| r["value"] == "klog-19"), "klog's appended records are not served");
    let pattern = topics.join("|");
    let (earliest, latest) = (get_offset_shell(&b, &pattern, "-2"), get_offset_shell(&b, &pattern, "-1"));
    for topic in &topics {
        let v: serde_json::Value = serde_json::from_str(&k(&["offsets", topic, "--json"])).unwrap();
        let tp = format!("{}:0", topic);
        assert_eq!(earliest[&tp], v[0]["earliest"].as_i64().unwrap(), "{}: earliest, GetOffsetShell vs klog", topic);
        assert_eq!(latest[&tp], v[0]["latest"].as_i64().unwrap(), "{}: latest, GetOffsetShell vs klog", topic);
    }
    b.stop();
}

#[test]
fn consume_isolation_takes_kafkas_names_only() {
    let t = Klog::new();
    t.ok(&["topic", "create", "i"]);
    t.ok_with(&["produce", "i"], b"a\nb\n");
    assert_eq!(t.ok(&["consume", "i", "-e", "--isolation", "read_committed"]), "a\nb\n");
    assert_eq!(t.ok(&["consume", "i", "-e", "--isolation", "read_uncommitted"]), "a\nb\n");
    let err = t.fails(&["consume", "i", "-e", "--isolation", "committed"], b"", 2);
    assert!(err.contains("read_committed"), "{}", err);
    let args = ["consume", "i", "--group", "g", "--reset", "earliest", "-e", "--isolation", "read_committed"];
    assert_eq!(t.ok(&args), "a\nb\n");
    assert_eq!(t.ok(&args), "", "a group member at read_committed resumes after its commit");
}
