//! klog against a real Kafka cluster over the network (issue 14, `-b HOST:PORT`): the pinned
//! Kafka broker of `common::kafka` on loopback, and the same klog commands, formats and exit codes
//! as on a data directory. One broker serves the checks of the first test (a broker start is the
//! slow part), which run in sequence; the mirror and outage tests have brokers of their own.

mod common;

use common::kafka::{self, net, net_fails, net_ok, Broker};
use common::{poll_until, wait_until, Klog};
use std::time::{Duration, Instant};

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

    // -f follows: records produced while it runs are printed (flushed) as they come, from the
    // partition's end (-o end), each once, until it is stopped.
    net_ok(b, &["topic", "create", "live", "-P", "2"], b"");
    net_ok(b, &["produce", "live"], b"old\n");
    let tmp = tempfile::tempdir().unwrap();
    let out_path = tmp.path().join("follow.out");
    let mut follow = common::KillOnDrop(
        kafka::klog_net(b)
            .args(["consume", "live", "-o", "end", "-f", "--format", "%p %s\\n"])
            .stdin(std::process::Stdio::null())
            .stdout(std::fs::File::create(&out_path).unwrap())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    let printed = || std::fs::read_to_string(&out_path).unwrap();
    // Produced until -f prints one: it may start reading after the first records went in.
    let mut sent = 0;
    wait_until("klog consume -f prints a record produced while it runs", Duration::from_secs(60), || {
        net_ok(b, &["produce", "live", "-p", "0"], format!("a{sent}\n").as_bytes());
        sent += 1;
        std::thread::sleep(Duration::from_millis(300));
        !printed().is_empty()
    });
    net_ok(b, &["produce", "live", "-p", "1"], b"b1\nb2\n");
    net_ok(b, &["produce", "live", "-p", "0"], b"c1\n");
    let later = || -> Vec<String> { printed().lines().filter(|l| !l.starts_with("0 a")).map(str::to_string).collect() };
    wait_until("the next three records", Duration::from_secs(60), || later().len() >= 3);
    let lines: Vec<String> = printed().lines().map(str::to_string).collect();
    assert!(!lines.contains(&"0 old".to_string()), "-o end skips what was there: {lines:?}");
    let mut tail = later();
    tail.sort();
    assert_eq!(tail, ["0 c1", "1 b1", "1 b2"], "each once: {lines:?}");
    let a: Vec<&String> = lines.iter().filter(|l| l.starts_with("0 a")).collect();
    let mut unique = a.clone();
    unique.dedup();
    assert_eq!(a, unique, "no record twice: {lines:?}");
    assert_eq!(follow.0.try_wait().unwrap(), None, "-f is still running");
    follow.0.kill().unwrap();

    // topic delete, then the topic is gone for Kafka's tool too.
    net_ok(b, &["topic", "delete", "bin"], b"");
    wait_until("topic bin gone from the list", Duration::from_secs(30), || {
        !net_ok(b, &["topic", "list"], b"").lines().any(|l| l.split_whitespace().next() == Some("bin"))
    });
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

#[test]
fn mirror_refuses_bad_ends_in_one_line_and_touches_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    let klog = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_klog"))
            .args(args)
            .env_remove("KLOG_BOOTSTRAP_SERVERS")
            .output()
            .unwrap()
    };
    assert!(klog(&["--data-dir", src.to_str().unwrap(), "topic", "create", "t"]).status.success());
    let produced = std::process::Command::new(env!("CARGO_BIN_EXE_klog"))
        .args(["--data-dir", src.to_str().unwrap(), "produce", "t"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(b"a\nb\n")?;
            c.wait()
        })
        .unwrap();
    assert!(produced.success());
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let nowhere = format!("kafka://127.0.0.1:{port}");
    let s = src.to_str().unwrap();
    let other = tmp.path().join("other");
    let o = other.to_str().unwrap();
    let foreign = tmp.path().join("foreign");
    std::fs::create_dir_all(foreign.join("notes-1")).unwrap();
    std::fs::write(foreign.join("notes-1/x"), "mine").unwrap();
    let f = foreign.to_str().unwrap();
    for (args, code, says) in [
        (vec!["mirror", "t", "--from", s, "--to", o], 2, "one of --from and --to must be kafka://"),
        (vec!["mirror", "t", "u", "-f", "--from", s, "--to", &nowhere], 2, "one topic per process"),
        (vec!["mirror", "__consumer_offsets", "--from", s, "--to", &nowhere], 2, "internal topic"),
        (vec!["mirror", "t", "--from", f, "--to", &nowhere], 1, "not a data directory"),
        (vec!["mirror", "t", "--repartition", "--from", &nowhere, "--to", o], 2, "--repartition works towards a Kafka"),
        (vec!["mirror", "t", "--from", &nowhere, "--to", f, "--request-timeout-ms", "2000"], 1, "not a data directory"),
    ] {
        let out = klog(&args);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        assert!(err.starts_with("klog: error: ") && err.trim_end().lines().count() == 1, "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert!(!other.exists(), "a refused mirror created its destination");
    assert_eq!(std::fs::read_to_string(foreign.join("notes-1/x")).unwrap(), "mine");
    assert_eq!(std::fs::read_dir(&foreign).unwrap().count(), 1, "a refused mirror wrote into a foreign directory");
}

fn sorted(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s.lines().map(str::to_string).collect();
    v.sort();
    v
}

/// Every record of a topic as `consume --json` lines, per partition in offset order (consume
/// writes each partition's records in offset order; a stable sort by partition keeps it);
/// `offsets` false cuts the offset out (a cluster's transaction markers take offsets too).
/// Plain string work: a million lines are compared without parsing them.
fn records(json: &str, offsets: bool) -> Vec<String> {
    let field = |l: &str, name: &str| -> (usize, usize) {
        let pat = format!("\"{}\":", name);
        let at = l.find(&pat).unwrap_or_else(|| panic!("no {name} in {l}"));
        let start = at + pat.len();
        let len = l[start..].find(|c: char| !c.is_ascii_digit()).unwrap();
        (at, start + len)
    };
    let mut v: Vec<(i64, String)> = json
        .lines()
        .map(|l| {
            let (pa, pe) = field(l, "partition");
            let p: i64 = l[pa + "\"partition\":".len()..pe].parse().unwrap();
            let mut line = l.to_string();
            if !offsets {
                let (oa, oe) = field(l, "offset");
                line.replace_range(oa..oe + 1, "");
            }
            (p, line)
        })
        .collect();
    v.sort_by_key(|(p, _)| *p);
    v.into_iter().map(|(_, s)| s).collect()
}

/// `klog ARGS` (no -b) with a data directory; must succeed.
fn klog_ok(args: &[&str]) -> String {
    let out = assert_cmd::Command::cargo_bin("klog")
        .unwrap()
        .args(args)
        .env_remove("KLOG_DATA_DIR")
        .env_remove("KLOG_BOOTSTRAP_SERVERS")
        .env("HOME", "/nonexistent")
        .timeout(Duration::from_secs(300))
        .output()
        .unwrap();
    assert!(out.status.success(), "klog {:?}: {}", args, String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Runs `klog ARGS` and SIGKILLs it after `ms` (unless it ended first). Returns whether it was killed.
fn run_and_kill(args: &[&str], ms: u64) -> bool {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("klog"))
        .args(args)
        .env_remove("KLOG_DATA_DIR")
        .env_remove("KLOG_BOOTSTRAP_SERVERS")
        .env("HOME", "/nonexistent")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // The kill -9 at a chosen moment is the point: poll for an early exit until then.
    if poll_until(Duration::from_millis(ms), Duration::from_millis(5), || child.try_wait().unwrap().is_some()) {
        return false;
    }
    let _ = child.kill();
    let _ = child.wait();
    true
}

#[test]
fn mirror_round_trips_a_million_records_and_survives_kill_9() {
    let broker = Broker::start();
    let kafka = format!("kafka://{}", broker.bootstrap());
    let tmp = tempfile::tempdir().unwrap();
    let (src, back) = (tmp.path().join("src"), tmp.path().join("back"));
    let (src_s, back_s) = (src.to_str().unwrap(), back.to_str().unwrap());
    klog_ok(&["--data-dir", src_s, "topic", "create", "m", "-P", "3"]);
    // A million records: keys, null keys, binary values, headers, explicit timestamps.
    let mut input = String::new();
    for i in 0..1_000_000u64 {
        let key = if i % 5 == 0 { "null".to_string() } else { format!("\"k{}\"", i % 1000) };
        let hdr = if i % 3 == 0 { format!(r#","headers":[{{"key":"h","value":"{}"}}]"#, i) } else { String::new() };
        input.push_str(&format!(
            r#"{{"key":{},"value_b64":"AAEC{:04}","timestamp":{}{}}}"#,
            key,
            i % 10_000,
            1_700_000_000_000u64 + i,
            hdr
        ));
        input.push('\n');
    }
    let p = assert_cmd::Command::cargo_bin("klog")
        .unwrap()
        .args(["--data-dir", src_s, "produce", "m", "--input", "json"])
        .write_stdin(input.into_bytes())
        .output()
        .unwrap();
    assert!(p.status.success(), "{}", String::from_utf8_lossy(&p.stderr));

    // Directory -> cluster -> directory.
    let t0 = Instant::now();
    let out = klog_ok(&["mirror", "m", "--from", src_s, "--to", &kafka, "--json"]);
    assert!(out.contains("\"records\":1000000"), "{out}");
    let out = klog_ok(&["mirror", "m", "--from", &kafka, "--to", back_s]);
    assert!(out.contains("mirrored 1000000 record(s)"), "{out}");
    println!("a million records to the cluster and back in {:?}", t0.elapsed());
    // Offsets are the cluster's own (its transaction markers take offsets too); everything else is
    // the source's, byte for byte.
    let source = records(&klog_ok(&["--data-dir", src_s, "consume", "m", "-e", "--json"]), false);
    let cluster = records(&net_ok(&broker.bootstrap(), &["consume", "m", "-e", "--json"], b""), false);
    let returned = records(&klog_ok(&["--data-dir", back_s, "consume", "m", "-e", "--json"]), false);
    assert_eq!(source.len(), 1_000_000);
    assert!(source == cluster, "the cluster's copy differs from the source");
    assert!(source == returned, "the copy back differs from the source");
    // Run again: nothing more to copy, in either direction.
    let again = klog_ok(&["mirror", "m", "--from", src_s, "--to", &kafka]);
    assert!(again.contains("mirrored 0 record(s)"), "{again}");
    let again = klog_ok(&["mirror", "m", "--from", &kafka, "--to", back_s]);
    assert!(again.contains("mirrored 0 record(s)"), "{again}");

    // Regression (benches/mirror.sh): towards a directory a batch was sealed only once it had
    // passed 1 MiB, so 99-byte values made one of 1,048,685 bytes, over max.message.bytes
    // (1,048,588), and the mirror failed. A batch now stops before the record that would not fit.
    let lines: String = (0..20_000).map(|i| format!("{:010} {}\n", i, "x".repeat(88))).collect();
    net_ok(&broker.bootstrap(), &["topic", "create", "wide"], b"");
    net_ok(&broker.bootstrap(), &["produce", "wide", "-p", "0"], lines.as_bytes());
    let wide = tmp.path().join("wide");
    let out = klog_ok(&["mirror", "wide", "--from", &kafka, "--to", wide.to_str().unwrap()]);
    assert!(out.contains("mirrored 20000 record(s)"), "{out}");
    let copy = klog_ok(&["--data-dir", wide.to_str().unwrap(), "consume", "wide", "-e"]);
    assert!(copy == lines, "the copy of 99-byte values differs from what was produced");

    // Twenty kill -9 during mirrors (ten each way), each followed by a complete run later: the
    // destination ends with exactly the source's records, once, in order, per partition.
    let mut rng = common::XorShift::new(14);
    klog_ok(&["--data-dir", src_s, "topic", "create", "k", "-P", "2"]);
    let (back2, back2_s) = (tmp.path().join("back2"), tmp.path().join("back2").display().to_string());
    let mut killed = [0, 0];
    // Each round brings 30,000 new records, so that both mirrors have work to be killed in.
    for round in 0..10 {
        let lines: String = (0..30_000).map(|i| format!("key{}:value {} {}\n", i % 97, round, i)).collect();
        let p = assert_cmd::Command::cargo_bin("klog")
            .unwrap()
            .args(["--data-dir", src_s, "produce", "k", "-K", ":"])
            .write_stdin(lines.into_bytes())
            .output()
            .unwrap();
        assert!(p.status.success());
        if run_and_kill(&["mirror", "k", "--from", src_s, "--to", &kafka], rng.range(100, 1200)) {
            killed[0] += 1;
        }
        if run_and_kill(&["mirror", "k", "--from", &kafka, "--to", &back2_s], rng.range(10, 150)) {
            killed[1] += 1;
        }
    }
    println!("mirrors killed: {} towards the cluster, {} towards a directory", killed[0], killed[1]);
    assert!(killed[0] >= 3 && killed[1] >= 3, "too few mirrors were killed mid-way: {killed:?}");
    klog_ok(&["mirror", "k", "--from", src_s, "--to", &kafka]);
    klog_ok(&["mirror", "k", "--from", &kafka, "--to", &back2_s]);
    let source = records(&klog_ok(&["--data-dir", src_s, "consume", "k", "-e", "--json"]), false);
    let cluster = records(
        &net_ok(&broker.bootstrap(), &["consume", "k", "-e", "--json", "--isolation", "read_committed"], b""),
        false,
    );
    let returned = records(&klog_ok(&["--data-dir", &back2_s, "consume", "k", "-e", "--json"]), false);
    assert_eq!(source.len(), 300_000);
    assert_eq!(cluster.len(), source.len(), "the cluster lost or duplicated records");
    assert!(source == cluster, "the cluster's copy differs from the source after kill -9");
    assert!(returned == cluster, "the directory's copy differs from the cluster after kill -9");
    // Towards a directory, records keep their source offsets: the copy equals the cluster's.
    let cluster_o = records(
        &net_ok(&broker.bootstrap(), &["consume", "k", "-e", "--json", "--isolation", "read_committed"], b""),
        true,
    );
    let returned_o = records(&klog_ok(&["--data-dir", &back2_s, "consume", "k", "-e", "--json"]), true);
    assert!(returned_o == cluster_o, "the directory's copy does not keep the cluster's offsets");
    let _ = back2;

    // --repartition: 3 source partitions into 5 on the cluster. Keyed records land where a
    // producer's murmur2 puts them (klog's own produce into 5 partitions is the reference), keyless
    // ones in their source partition (3 mod 5 = itself), and a rerun copies nothing.
    let input: String =
        (0..3000).map(|i| if i % 4 == 0 { format!(":v{i}\n") } else { format!("k{}:v{i}\n", i % 97) }).collect();
    klog_ok(&["--data-dir", src_s, "topic", "create", "rp", "-P", "3"]);
    let as_json = |l: &str| -> String {
        let (k, v) = l.split_once(':').unwrap();
        let key = if k.is_empty() { "null".to_string() } else { format!("\"{k}\"") };
        format!("{{\"key\":{key},\"value\":\"{v}\"}}\n")
    };
    for p in 0..3 {
        let chunk: String = input.lines().skip(p).step_by(3).map(as_json).collect();
        let out = assert_cmd::Command::cargo_bin("klog")
            .unwrap()
            .args(["--data-dir", src_s, "produce", "rp", "-p", &p.to_string(), "--input", "json"])
            .write_stdin(chunk.into_bytes())
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    net_ok(&broker.bootstrap(), &["topic", "create", "rp", "-P", "5"], b"");
    let refused = assert_cmd::Command::cargo_bin("klog")
        .unwrap()
        .args(["mirror", "rp", "--from", src_s, "--to", &kafka])
        .env_remove("KLOG_BOOTSTRAP_SERVERS")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(1), "{err}");
    assert!(err.contains("--repartition") && err.trim_end().lines().count() == 1, "{err}");
    let out = klog_ok(&["mirror", "rp", "--from", src_s, "--to", &kafka, "--repartition"]);
    assert!(out.contains("mirrored 3000 record(s)"), "{out}");
    assert!(
        klog_ok(&["mirror", "rp", "--from", src_s, "--to", &kafka, "--repartition"]).contains("mirrored 0 record(s)")
    );
    let reference = tmp.path().join("ref");
    let reference = reference.to_str().unwrap();
    klog_ok(&["--data-dir", reference, "topic", "create", "rp", "-P", "5"]);
    let keyed: String = input.lines().filter(|l| !l.starts_with(':')).map(|l| format!("{l}\n")).collect();
    let out = assert_cmd::Command::cargo_bin("klog")
        .unwrap()
        .args(["--data-dir", reference, "produce", "rp", "-K", ":"])
        .write_stdin(keyed.into_bytes())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let placed = |text: &str| -> std::collections::BTreeSet<(String, String)> {
        text.lines().map(|l| l.split_once(' ').map(|(p, kv)| (p.to_string(), kv.to_string())).unwrap()).collect()
    };
    let fmt = ["-e", "--format", "%p %k:%s\n"];
    let mut args = vec!["consume", "rp", "--isolation", "read_committed"];
    args.extend(fmt);
    let on_cluster = placed(&net_ok(&broker.bootstrap(), &args, b""));
    assert_eq!(on_cluster.len(), 3000, "records lost or duplicated by --repartition");
    let mut args = vec!["--data-dir", reference, "consume", "rp"];
    args.extend(fmt);
    for (p, kv) in placed(&klog_ok(&args)) {
        assert!(on_cluster.contains(&(p.clone(), kv.clone())), "{kv} is not in partition {p} on the cluster");
    }
    for (i, l) in input.lines().enumerate() {
        if l.starts_with(':') {
            let p = (i % 3).to_string();
            assert!(on_cluster.contains(&(p.clone(), l.to_string())), "keyless {l} is not in partition {p}");
        }
    }
}

/// The one broker of a cluster dies (SIGKILL) under klog's clients and comes back on the same
/// log directory. As kcat does by default, a following consumer and a group member stop when
/// every broker is down: one line, a non-zero exit, no hang, what they printed each record once.
/// A producer rides the outage out within its delivery timeout and exits 0, also once its queue
/// is full (librdkafka's 100,000 messages) and its input waits.
/// Afterwards nothing is lost: the topic holds every line once, and a new member of the group
/// continues from the old one's commits without a gap.
#[test]
fn a_broker_outage_mid_run_stops_clients_cleanly_and_loses_nothing() {
    let mut broker = Broker::start();
    let b = broker.bootstrap();
    let b = b.as_str();
    let tmp = tempfile::tempdir().unwrap();
    let path = |name: &str| tmp.path().join(name);
    let read = |name: &str| std::fs::read_to_string(path(name)).unwrap_or_default();
    let line = |i: usize| format!("r{i:06}\n");
    net_ok(b, &["topic", "create", "o", "-P", "2"], b"");
    let first: String = (0..100).map(line).collect();
    net_ok(b, &["produce", "o"], first.as_bytes());

    let follower = ["-b", b, "consume", "o", "-f"];
    let mut f = common::spawn(&follower, Some(&path("f.out")), Some(&path("f.err")));
    let member = ["-b", b, "consume", "o", "--group", "go", "--reset", "earliest", "-f"];
    let member = [&member[..], &["--auto-commit-interval-ms", "200"]].concat();
    let mut g = common::spawn(&member, Some(&path("g.out")), Some(&path("g.err")));
    let out = |name: &str| std::fs::File::create(path(name)).unwrap();
    let mut p = common::spawn_with(
        &["-b", b, "produce", "o"],
        std::process::Stdio::piped(),
        out("p.out").into(),
        out("p.err").into(),
    );
    let mut stdin = p.0.stdin.take().unwrap();
    use std::io::Write;
    stdin.write_all((100..150).map(line).collect::<String>().as_bytes()).unwrap();
    stdin.flush().unwrap();
    wait_until("the follower and the member printed 150 records", Duration::from_secs(90), || {
        read("f.out").lines().count() == 150 && read("g.out").lines().count() == 150
    });
    // The member's periodic commit has run since (every 200 ms).
    std::thread::sleep(Duration::from_millis(600));

    broker.kill();
    // Both consumers stop by themselves, each with one line naming the cluster, well within
    // the group's 45 s session timeout (a final commit held for a coordinator used to wait
    // that long).
    let mut codes = Vec::new();
    for (name, child) in [("f", &mut f), ("g", &mut g)] {
        let mut status = None;
        let stopped = poll_until(Duration::from_secs(30), Duration::from_millis(100), || {
            status = child.0.try_wait().unwrap();
            status.is_some()
        });
        assert!(stopped, "{name} kept running with the only broker down: {}", read(&format!("{name}.err")));
        let err = read(&format!("{name}.err"));
        let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("klog: error: ")).collect();
        assert_eq!(errors.len(), 1, "{name}: {err}");
        assert!(errors[0].contains(b), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        codes.push(status.unwrap().code());
    }
    assert_eq!(codes, [Some(1), Some(1)]);
    let mut printed: Vec<String> = read("f.out").lines().map(String::from).collect();
    printed.sort();
    assert_eq!(printed, (0..150).map(|i| line(i).trim_end().to_string()).collect::<Vec<_>>());

    // The producer, meanwhile, takes more lines than its queue holds: it queues what fits and
    // its input waits (so does this writer). The broker comes back.
    const TOTAL: usize = 150_200;
    let more: String = (150..TOTAL).map(line).collect();
    // Whether the producer took every line (a producer that gave up closes the pipe).
    let writer = std::thread::spawn(move || stdin.write_all(more.as_bytes()).is_ok());
    std::thread::sleep(Duration::from_secs(2));
    assert!(p.0.try_wait().unwrap().is_none(), "the producer gave up with its queue full: {}", read("p.err"));
    broker.restart();
    let mut status = None;
    let done = poll_until(Duration::from_secs(150), Duration::from_millis(200), || {
        status = p.0.try_wait().unwrap();
        status.is_some()
    });
    assert!(done, "the producer did not finish after the broker came back: {}", read("p.err"));
    assert!(writer.join().unwrap(), "the producer stopped reading its input: {}", read("p.err"));
    assert_eq!(status.unwrap().code(), Some(0), "{}", read("p.err"));

    // Every line is in the topic once; the group continues where its member stopped.
    let all: String = (0..TOTAL).map(line).collect();
    let mut topic: Vec<String> = net_ok(b, &["consume", "o", "-e"], b"").lines().map(String::from).collect();
    topic.sort();
    assert_eq!(topic, all.lines().map(String::from).collect::<Vec<_>>());
    let rest = net_ok(b, &["consume", "o", "--group", "go", "-e"], b"");
    let mut seen: std::collections::BTreeSet<String> = read("g.out").lines().map(String::from).collect();
    seen.extend(rest.lines().map(String::from));
    assert_eq!(seen.len(), TOTAL, "the group skipped records");
    // It started from the commits of the member before (made every 200 ms while it printed),
    // not from the beginning.
    assert!(rest.lines().count() < TOTAL, "the group started over");
}
