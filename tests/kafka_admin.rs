//! Group and topic administration against a real Kafka cluster (issue 14, `klog -b`): `group
//! list|describe|reset-offsets|delete|delete-offsets|commit`, `topic alter` and `delete-records`,
//! each checked against Kafka's own tools (kafka-consumer-groups, kafka-topics, kafka-configs,
//! GetOffsetShell) on the pinned broker of `common::kafka`. Groups are made by Kafka's own console
//! consumer, classic and KIP-848 alike. One broker serves every check of this file, and the
//! checks run in sequence inside one test.

mod common;

use common::kafka::{self, group_rows, net, net_fails, Broker};
use common::wait_until_every;
use serde_json::Value;
use std::time::Duration;

const GROUPS: &str = "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand";
const CONSOLE: &str = "org.apache.kafka.tools.consumer.ConsoleConsumer";
const TOPICS: &str = "org.apache.kafka.tools.TopicCommand";
const CONFIGS: &str = "kafka.admin.ConfigCommand";
const OFFSETS: &str = "org.apache.kafka.tools.GetOffsetShell";

/// `klog -b B ARGS`, which must succeed; returns stdout.
fn ok(b: &str, args: &[&str]) -> String {
    kafka::net_ok(b, args, b"")
}

fn net_json(b: &str, args: &[&str]) -> Value {
    let out = kafka::net_ok(b, args, b"");
    serde_json::from_str(out.trim()).unwrap_or_else(|e| panic!("klog {:?}: not JSON ({e}): {out}", args))
}

/// kafka-consumer-groups --describe --group GROUP, as rows.
fn kafka_describe(broker: &Broker, group: &str) -> Vec<Vec<String>> {
    group_rows(&broker.tool(GROUPS, &["--describe", "--group", group]), group)
}

/// klog -b group describe GROUP, as rows.
fn klog_describe(b: &str, group: &str) -> Vec<Vec<String>> {
    group_rows(&ok(b, &["group", "describe", group]), group)
}

/// The committed offset of each partition of `topic` in Kafka's view of `group`.
fn kafka_committed(broker: &Broker, group: &str, topic: &str) -> Vec<(i32, String)> {
    kafka_describe(broker, group)
        .into_iter()
        .filter(|r| r[1] == topic)
        .map(|r| (r[2].parse().unwrap(), r[3].clone()))
        .collect()
}

/// Kafka's console consumer in group `group` reading `n` records of `topic` from the beginning,
/// then leaving (committing what it read). `props` are extra consumer properties.
fn console_consume(broker: &Broker, group: &str, topic: &str, n: usize, props: &[&str]) {
    let n = n.to_string();
    let mut args =
        vec!["--topic", topic, "--group", group, "--from-beginning", "--max-messages", &n, "--timeout-ms", "60000"];
    for p in props {
        args.extend(["--consumer-property", p]);
    }
    let out = broker.tool(CONSOLE, &args);
    assert_eq!(out.lines().count(), n.parse::<usize>().unwrap(), "console consumer output: {out}");
}

/// GetOffsetShell's offsets of `topic` at `time` (-2 earliest, -1 latest): (partition, offset).
fn shell_offsets(broker: &Broker, topic: &str, time: &str) -> Vec<(i32, i64)> {
    let out = broker.tool(OFFSETS, &["--topic", topic, "--time", time]);
    let mut v: Vec<(i32, i64)> = out
        .lines()
        .filter_map(|l| {
            let mut f = l.rsplitn(3, ':');
            let o = f.next()?.parse().ok()?;
            let p = f.next()?.parse().ok()?;
            Some((p, o))
        })
        .collect();
    v.sort();
    v
}

/// A child process killed when dropped (a failing check leaves no consumer behind).
struct Killed(std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn group_and_topic_administration_against_a_real_kafka_cluster() {
    let broker = Broker::start();
    let b = broker.bootstrap();
    let b = b.as_str();

    // 10 records in each of 3 partitions of `orders`, 4 in `other`.
    ok(b, &["topic", "create", "orders", "-P", "3"]);
    ok(b, &["topic", "create", "other"]);
    for p in ["0", "1", "2"] {
        let input: String = (0..10).map(|i| format!("v{p}-{i}\n")).collect();
        let out = net(b, &["produce", "orders", "-p", p], input.as_bytes());
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert!(net(b, &["produce", "other", "-p", "0"], b"a\nb\nc\nd\n").status.success());

    // A classic group made by Kafka's console consumer: klog lists and describes it as
    // kafka-consumer-groups does.
    console_consume(&broker, "g-console", "orders", 30, &[]);
    let list = ok(b, &["group", "list"]);
    let row: Vec<&str> =
        list.lines().find(|l| l.starts_with("g-console ")).expect("g-console listed").split_whitespace().collect();
    assert_eq!(row[1..3], ["Empty", "0"], "{list}");
    let listed = net_json(b, &["group", "list", "--json"]);
    let g = listed.as_array().unwrap().iter().find(|g| g["group"] == "g-console").expect("g-console in --json");
    assert_eq!((g["state"].as_str(), g["members"].as_i64()), (Some("Empty"), Some(0)), "{listed}");
    let kafka_rows = kafka_describe(&broker, "g-console");
    assert_eq!(kafka_rows.len(), 3, "{kafka_rows:?}");
    assert!(kafka_rows.iter().all(|r| r[3] == "10" && r[4] == "10" && r[5] == "0"), "{kafka_rows:?}");
    assert_eq!(klog_describe(b, "g-console"), kafka_rows, "klog group describe vs kafka-consumer-groups");
    // Lag follows new records, in both views.
    assert!(net(b, &["produce", "orders", "-p", "0"], b"x\ny\nz\nw\nv\n").status.success());
    let kafka_rows = kafka_describe(&broker, "g-console");
    assert!(kafka_rows.iter().any(|r| r[2] == "0" && r[4] == "15" && r[5] == "5"), "{kafka_rows:?}");
    assert_eq!(klog_describe(b, "g-console"), kafka_rows, "lag: klog group describe vs kafka-consumer-groups");
    let j = net_json(b, &["group", "describe", "g-console", "--json"]);
    let p0 = j.as_array().unwrap().iter().find(|r| r["partition"] == 0).unwrap();
    assert_eq!(
        (p0["current_offset"].as_i64(), p0["log_end_offset"].as_i64(), p0["lag"].as_i64()),
        (Some(10), Some(15), Some(5))
    );
    let state = net_json(b, &["group", "describe", "g-console", "--state", "--json"]);
    assert_eq!((state["state"].as_str(), state["members"].as_i64()), (Some("Empty"), Some(0)), "{state}");

    // reset-offsets: a dry run changes nothing; --execute is what Kafka's tool then shows.
    let dry = net(b, &["group", "reset-offsets", "g-console", "--topic", "orders", "--to-earliest"], b"");
    assert!(dry.status.success());
    assert!(String::from_utf8_lossy(&dry.stderr).contains("dry run"));
    let planned: Vec<String> =
        String::from_utf8_lossy(&dry.stdout).lines().filter(|l| l.starts_with("g-console")).map(String::from).collect();
    assert_eq!(planned.len(), 3, "{planned:?}");
    assert!(planned.iter().all(|l| l.ends_with(" 0")), "{planned:?}");
    let tens: Vec<(i32, String)> = (0..3).map(|p| (p, "10".to_string())).collect();
    assert_eq!(kafka_committed(&broker, "g-console", "orders"), tens, "a dry run changed offsets");
    ok(b, &["group", "reset-offsets", "g-console", "--topic", "orders", "--to-earliest", "--execute"]);
    assert_eq!(
        kafka_committed(&broker, "g-console", "orders"),
        vec![(0, "0".to_string()), (1, "0".to_string()), (2, "0".to_string())]
    );
    ok(b, &["group", "reset-offsets", "--group", "g-console", "--topic", "orders:1", "--shift-by", "3", "--execute"]);
    ok(b, &["group", "reset-offsets", "g-console", "--topic", "orders:2", "--to-offset", "99", "--execute"]);
    assert_eq!(
        kafka_committed(&broker, "g-console", "orders"),
        vec![(0, "0".to_string()), (1, "3".to_string()), (2, "10".to_string())],
        "--shift-by 3 on p1, --to-offset 99 clamped to the log end on p2"
    );
    ok(b, &["group", "reset-offsets", "g-console", "--all-topics", "--to-latest", "--execute", "--json"]);
    assert_eq!(
        kafka_committed(&broker, "g-console", "orders"),
        vec![(0, "15".to_string()), (1, "10".to_string()), (2, "10".to_string())]
    );

    // group commit creates offsets Kafka sees; delete-offsets removes one topic's.
    ok(b, &["group", "commit", "g-console", "--topic", "other", "-p", "0", "--offset", "2"]);
    assert_eq!(kafka_committed(&broker, "g-console", "other"), vec![(0, "2".to_string())]);
    let err = net_fails(b, &["group", "commit", "g-console", "--topic", "other", "-p", "0", "--offset", "9"], 1);
    assert!(err.contains("out of range") || err.contains("0..4"), "{err}");
    let out = ok(b, &["group", "delete-offsets", "g-console", "--topic", "orders"]);
    assert!(out.contains("deleted 3 offset(s)"), "{out}");
    assert!(kafka_committed(&broker, "g-console", "orders").is_empty(), "orders offsets left");
    assert_eq!(kafka_committed(&broker, "g-console", "other"), vec![(0, "2".to_string())]);
    let err = net_fails(b, &["group", "delete-offsets", "g-console", "--topic", "orders"], 1);
    assert!(err.contains("no offsets"), "{err}");

    // group delete: gone for Kafka's tool, and for klog.
    assert!(broker.tool(GROUPS, &["--list"]).lines().any(|l| l.trim() == "g-console"));
    let out = ok(b, &["group", "delete", "g-console"]);
    assert!(out.contains("deleted group g-console"), "{out}");
    let kafka_list = broker.tool(GROUPS, &["--list"]);
    assert!(!kafka_list.lines().any(|l| l.trim() == "g-console"), "{kafka_list}");
    let err = net_fails(b, &["group", "describe", "g-console"], 1);
    assert!(err.contains("'g-console' does not exist"), "{err}");
    net_fails(b, &["group", "delete", "g-console"], 1);

    // An active group: members shown; resets and deletes refused in one line, exit 3 (a
    // conflict, as a live member is on a data directory).
    let mut live = Killed(
        kafka::java("log4j2-tools.properties")
            .arg(CONSOLE)
            .args(["--bootstrap-server", b, "--topic", "orders", "--group", "g-live", "--from-beginning"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    wait_until_every(
        "g-live to have a member with all 3 partitions",
        Duration::from_secs(60),
        Duration::from_millis(300),
        || {
            let out = net(b, &["group", "describe", "g-live", "--members", "--json"], b"");
            out.status.success()
                && serde_json::from_slice::<Value>(&out.stdout).is_ok_and(|v| {
                    v.as_array().is_some_and(|m| m.len() == 1 && m[0]["assignment"].as_array().unwrap().len() == 3)
                })
        },
    );
    let members = ok(b, &["group", "describe", "g-live", "--members"]);
    let kafka_members = broker.tool(GROUPS, &["--describe", "--group", "g-live", "--members"]);
    let member_id = members.lines().nth(1).unwrap().split_whitespace().nth(1).unwrap().to_string();
    assert!(kafka_members.contains(&member_id), "member {member_id} not in Kafka's view: {kafka_members}");
    assert!(members.contains("orders-0,orders-1,orders-2"), "{members}");
    for args in [
        &["group", "reset-offsets", "g-live", "--topic", "orders", "--to-earliest", "--execute"][..],
        &["group", "delete", "g-live"][..],
        &["group", "delete-offsets", "g-live", "--topic", "orders"][..],
    ] {
        let err = net_fails(b, args, 3);
        assert!(
            err.contains("g-live") && (err.contains("live member") || err.contains("subscribed")),
            "{args:?}: {err}"
        );
    }
    // SAFETY: kill(2) on our own child, not yet reaped: SIGTERM lets it leave the group.
    unsafe { libc::kill(live.0.id() as i32, libc::SIGTERM) };
    let _ = live.0.wait();
    wait_until_every("g-live to be empty", Duration::from_secs(60), Duration::from_millis(300), || {
        net_json(b, &["group", "describe", "g-live", "--state", "--json"])["state"] == "Empty"
    });
    ok(b, &["group", "reset-offsets", "g-live", "--topic", "orders", "--to-offset", "1", "--execute"]);
    let ones: Vec<(i32, String)> = (0..3).map(|p| (p, "1".to_string())).collect();
    assert_eq!(kafka_committed(&broker, "g-live", "orders"), ones);

    // A KIP-848 group (group.protocol=consumer): listed and described with Kafka's offsets.
    console_consume(&broker, "g-848", "orders", 35, &["group.protocol=consumer"]);
    let listed = net_json(b, &["group", "list", "--json"]);
    assert!(listed.as_array().unwrap().iter().any(|g| g["group"] == "g-848"), "{listed}");
    let kafka_rows = kafka_describe(&broker, "g-848");
    assert_eq!(kafka_rows.len(), 3, "{kafka_rows:?}");
    assert_eq!(klog_describe(b, "g-848"), kafka_rows, "KIP-848 group: klog vs kafka-consumer-groups");

    // Unknown group and topic: one line, exit 1.
    net_fails(b, &["group", "describe", "nosuch"], 1);
    net_fails(b, &["group", "reset-offsets", "nosuch", "--topic", "orders", "--to-earliest"], 1);
    let err = net_fails(b, &["group", "reset-offsets", "g-live", "--topic", "nosuch", "--to-earliest"], 1);
    assert!(err.contains("nosuch"), "{err}");

    // topic alter -P: seen by topic describe and kafka-topics; lowering is refused.
    let out = ok(b, &["topic", "alter", "orders", "-P", "5"]);
    assert!(out.contains("5 partition(s)"), "{out}");
    let desc = ok(b, &["topic", "describe", "orders"]);
    assert!(desc.contains("PartitionCount: 5"), "{desc}");
    assert!(broker.tool(TOPICS, &["--describe", "--topic", "orders"]).contains("PartitionCount: 5"));
    let err = net_fails(b, &["topic", "alter", "orders", "-P", "2"], 1);
    assert!(err.contains("only be increased"), "{err}");
    ok(b, &["topic", "alter", "orders", "-P", "5"]);

    // Config alter: incremental, as kafka-configs --describe shows; deleting one keeps others.
    let configs = || broker.tool(CONFIGS, &["--describe", "--entity-type", "topics", "--entity-name", "orders"]);
    ok(b, &["topic", "alter", "orders", "-c", "retention.ms=1234567"]);
    ok(b, &["topic", "alter", "orders", "-c", "max.message.bytes=65536"]);
    let c = configs();
    assert!(c.contains("retention.ms=1234567") && c.contains("max.message.bytes=65536"), "{c}");
    ok(b, &["topic", "alter", "orders", "--delete-config", "retention.ms"]);
    let c = configs();
    assert!(!c.contains("retention.ms=1234567") && c.contains("max.message.bytes=65536"), "{c}");
    net_fails(b, &["topic", "alter", "orders", "-c", "retention.ms=soon"], 2);
    net_fails(b, &["topic", "alter", "orders", "-c", "no.such.config=1"], 2);
    let err = net_fails(b, &["topic", "alter", "nosuch", "-P", "4"], 1);
    assert!(err.contains("'nosuch'"), "{err}");

    // delete-records: the earliest offset moves, as klog offsets and GetOffsetShell agree.
    let out = ok(b, &["delete-records", "orders", "-p", "0", "-p", "1", "--before", "4"]);
    assert!(
        out.contains("partition: orders-0\tlow_watermark: 4") && out.contains("orders-1\tlow_watermark: 4"),
        "{out}"
    );
    let offs = net_json(b, &["offsets", "orders", "-p", "0", "--json"]);
    assert_eq!(offs[0]["earliest"], 4, "{offs}");
    let earliest = shell_offsets(&broker, "orders", "-2");
    assert_eq!(earliest[..3], [(0, 4), (1, 4), (2, 0)], "{earliest:?}");
    let out = ok(b, &["delete-records", "orders", "-p", "2", "--before", "-1", "--json"]);
    let r: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!((r["low_watermark_before"].as_i64(), r["low_watermark"].as_i64()), (Some(0), Some(10)), "{out}");
    assert_eq!(shell_offsets(&broker, "orders", "-2")[2], (2, 10));
    let err = net_fails(b, &["delete-records", "orders", "-p", "1", "--before", "99"], 1);
    assert!(err.contains("orders-1") && err.contains("99"), "{err}");
    let err = net_fails(b, &["delete-records", "nosuch", "-p", "0", "--before", "1"], 1);
    assert!(err.contains("nosuch"), "{err}");
}
