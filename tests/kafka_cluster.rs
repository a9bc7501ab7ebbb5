//! klog against a real Kafka cluster over the network (issue 14, `-b HOST:PORT`): the pinned
//! Kafka broker of `common::kafka` on loopback, and the same klog commands, formats and exit codes
//! as on a data directory. One broker serves every check of this file (a broker start is the
//! slow part), and the checks run in sequence inside one test.

mod common;

use common::kafka::{self, Broker};
use common::Klog;
use std::time::{Duration, Instant};

/// `klog -b BOOTSTRAP ARGS` with `input` on stdin, without a data directory.
fn net(b: &str, args: &[&str], input: &[u8]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("klog")
        .unwrap()
        .arg("-b")
        .arg(b)
        .args(args)
        .env_remove("KLOG_DATA_DIR")
        .env_remove("KLOG_BOOTSTRAP_SERVERS")
        .env_remove("KLOG_CONFIG")
        .env("HOME", "/nonexistent")
        .current_dir(std::env::temp_dir())
        .write_stdin(input.to_vec())
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap()
}

fn net_ok(b: &str, args: &[&str], input: &[u8]) -> String {
    let out = net(b, args, input);
    assert!(
        out.status.success(),
        "klog -b {} {:?} failed with {:?}: {}",
        b,
        args,
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Asserts one `klog: error:` line and exit `code`; returns the line.
fn net_fails(b: &str, args: &[&str], code: i32) -> String {
    let out = net(b, args, b"");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "klog -b {} {:?}: {}", b, args, err);
    assert!(err.starts_with("klog: error: ") && err.trim_end().lines().count() == 1, "{err}");
    err
}

#[test]
fn klog_against_a_real_kafka_cluster() {
    let broker = Broker::start();
    let b = broker.bootstrap();
    let b = b.as_str();

    // Topics: create, list (with the broker's own), describe, a second create refused.
    let out = net_ok(b, &["topic", "create", "orders", "-P", "3"], b"");
    assert!(out.contains("created topic orders with 3 partition(s)"), "{out}");
    let err = net_fails(b, &["topic", "create", "orders"], 1);
    assert!(err.contains("already exists"), "{err}");
    net_ok(b, &["topic", "create", "orders", "--if-not-exists"], b"");
    let list = net_ok(b, &["topic", "list", "--json"], b"");
    let v: serde_json::Value = serde_json::from_str(list.trim()).unwrap();
    let orders = v.as_array().unwrap().iter().find(|t| t["name"] == "orders").expect("orders listed");
    assert_eq!(orders["partitions"], 3);
    assert_eq!(orders["replication_factor"], 1);
    let desc = net_ok(b, &["topic", "describe", "orders"], b"");
    assert!(desc.contains("Topic: orders\tPartitionCount: 3\tReplicationFactor: 1"), "{desc}");
    assert_eq!(desc.matches("\tPartition: ").count(), 3, "{desc}");
    // Kafka's own tool sees the topic klog created.
    let kt = broker.tool("org.apache.kafka.tools.TopicCommand", &["--describe", "--topic", "orders"]);
    assert!(kt.contains("PartitionCount: 3"), "{kt}");

    // Produce keyed records: the same murmur2 partitions as a data directory's producer.
    let input: String = (0..300).map(|i| format!("key{}:value {}\n", i % 17, i)).collect();
    let acks = net_ok(b, &["produce", "orders", "-K", ":", "--print-offsets", "-H", "src=test"], input.as_bytes());
    assert_eq!(acks.lines().count(), 300, "one acknowledgement per record: {acks}");
    let local = Klog::new();
    local.ok(&["topic", "create", "orders", "-P", "3"]);
    local.ok_with(&["produce", "orders", "-K", ":", "-H", "src=test"], input.as_bytes());
    let fmt = ["--format", "%p %k %s %h\\n"];
    let from_cluster = sorted(&net_ok(b, &[&["consume", "orders", "-e"][..], &fmt[..]].concat(), b""));
    let from_dir = sorted(&local.ok(&[&["consume", "orders", "-e"][..], &fmt[..]].concat()));
    assert_eq!(from_cluster.len(), 300);
    assert_eq!(from_cluster, from_dir, "the cluster and a data directory partition keys alike");

    // Binary keys, values and headers round-trip through --json.
    net_ok(b, &["topic", "create", "bin"], b"");
    let rec = r#"{"key_b64":"AP8Q","value_b64":"3q2+7w==","headers":[{"key":"h","value_b64":"AAE="},{"key":"n","value":null}],"timestamp":1700000000123}"#;
    net_ok(b, &["produce", "bin", "--input", "json"], format!("{rec}\n{{\"value\":\"plain\"}}\n").as_bytes());
    let got = net_ok(b, &["consume", "bin", "-e", "--json"], b"");
    let lines: Vec<serde_json::Value> = got.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2, "{got}");
    assert_eq!(lines[0]["key_b64"], "AP8Q", "{got}");
    assert_eq!(lines[0]["value_b64"], "3q2+7w==", "{got}");
    assert_eq!(lines[0]["timestamp"], 1700000000123i64, "{got}");
    assert_eq!(lines[0]["offset"], 0, "{got}");
    assert_eq!(lines[0]["headers"][0]["value"], "\u{0}\u{1}", "{got}");
    assert_eq!(lines[0]["headers"][1], serde_json::json!({"key": "n", "value": null}), "{got}");
    assert_eq!(lines[1]["value"], "plain");
    // Kafka's own consumer reads what klog produced, key, value, headers and timestamp alike.
    let kafka_view = kafka::kafka_consume(&broker, "read_uncommitted", &["bin"]);
    assert_eq!(kafka_view.len(), 2);
    assert_eq!(kafka_view[0]["timestamp"], 1700000000123i64);

    // Offsets: earliest/latest per partition, by time, and consume's offset grammar.
    let offs = net_ok(b, &["offsets", "bin", "--json"], b"");
    let o: serde_json::Value = serde_json::from_str(offs.trim()).unwrap();
    assert_eq!((o[0]["earliest"].as_i64(), o[0]["latest"].as_i64()), (Some(0), Some(2)), "{offs}");
    let by_time = net_ok(b, &["offsets", "bin", "--time", "1700000000124", "--json"], b"");
    assert!(by_time.contains("\"offset_for_time\":1"), "{by_time}");
    let last = net_ok(b, &["consume", "bin", "-o", "-1", "-e"], b"");
    assert_eq!(last, "plain\n");
    let at1 = net_ok(b, &["consume", "bin", "-o", "1", "-e", "--format", "%o\\n"], b"");
    assert_eq!(at1, "1\n");
    let err = net_fails(b, &["consume", "bin", "-o", "9", "-e"], 1);
    assert!(err.contains("out of range") && err.contains("0..2"), "{err}");
    let two = net_ok(b, &["consume", "orders", "-c", "2", "-e"], b"");
    assert_eq!(two.lines().count(), 2);

    // Errors: an unknown topic, a command without a cluster form, bad -X.
    let err = net_fails(b, &["consume", "nosuch", "-e"], 1);
    assert!(err.contains("'nosuch'") && err.contains(b), "{err}");
    let err = net_fails(b, &["retention"], 2);
    assert!(err.contains("data directories only"), "{err}");
    let err = net_fails(b, &["topic", "list", "-X", "nonsense"], 2);
    assert!(err.contains("KEY=VALUE"), "{err}");
    // A secret never shows, even in an error about its own property.
    let out = net(b, &["topic", "list", "-X", "sasl.password=hunter2", "-X", "security.protocol=bogus"], b"");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(0));
    assert!(!err.contains("hunter2"), "{err}");

    // topic delete, then the topic is gone for Kafka's tool too.
    net_ok(b, &["topic", "delete", "bin"], b"");
    let start = Instant::now();
    loop {
        let list = net_ok(b, &["topic", "list"], b"");
        if !list.lines().any(|l| l.split_whitespace().next() == Some("bin")) {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "bin never went away: {list}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn unreachable_clusters_fail_fast_with_one_line() {
    // A port nothing listens on, and a name that does not resolve: one line, exit 1, quickly.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    for bootstrap in [format!("127.0.0.1:{port}"), "no-such-host.invalid:9092".to_string()] {
        let started = Instant::now();
        let out = net(&bootstrap, &["--request-timeout-ms", "3000", "topic", "list"], b"");
        let took = started.elapsed();
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(1), "{bootstrap}: {err}");
        assert!(err.starts_with("klog: error: ") && err.trim_end().lines().count() == 1, "{err}");
        assert!(err.contains("cannot be reached") && err.contains(&bootstrap), "{err}");
        // Bounded by the request timeout (plus start-up), not librdkafka's defaults of minutes.
        assert!(took < Duration::from_secs(30), "{bootstrap}: took {took:?}");
    }
}

fn sorted(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s.lines().map(str::to_string).collect();
    v.sort();
    v
}
