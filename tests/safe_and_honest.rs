//! What a Kafka user meets in the first hour (issue 10), the part about safety and honesty: klog
//! never touches a directory that is not a data directory, never deletes a file it did not write, keeps its hands off internal
//! topics, leaves no trace when a command fails, spreads keyless records like Kafka's producer,
//! acknowledges only what is durable, and says what really happened.

mod common;

use common::{tree, wait_until, Klog};
use std::path::Path;

/// `klog --data-dir DIR ARGS` with `input` on stdin.
fn klog_at(dir: &Path, args: &[&str], input: &[u8]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("klog")
        .unwrap()
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("KLOG_DATA_DIR")
        .env_remove("KLOG_META")
        .write_stdin(input.to_vec())
        .output()
        .unwrap()
}

/// Asserts a failed run: exit `code`, one stderr line starting `klog: error:` that contains
/// every one of `needles`.
fn assert_fails(out: &std::process::Output, code: i32, needles: &[&str]) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    assert!(err.starts_with("klog: error: "), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    for n in needles {
        assert!(err.contains(n), "{n:?} not in {err}");
    }
    err
}

/// A directory that looks like `/etc`: `polkit-1/rules` and `dbus-1/system.conf`.
fn foreign_dir() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    for (sub, file) in [("polkit-1", "rules"), ("dbus-1", "system.conf")] {
        std::fs::create_dir_all(d.path().join(sub)).unwrap();
        std::fs::write(d.path().join(sub).join(file), b"r\n").unwrap();
    }
    d
}

#[test]
fn a_directory_without_meta_properties_is_not_a_data_directory() {
    let fake = foreign_dir();
    let before = tree(fake.path());
    let dir = fake.path().display().to_string();
    for (args, input) in [
        (vec!["topic", "list"], &b""[..]),
        (vec!["topic", "delete", "polkit"], b""),
        (vec!["topic", "describe"], b""),
        (vec!["produce", "polkit"], b"a\n"),
        (vec!["consume", "polkit", "-e"], b""),
        (vec!["retention"], b""),
        (vec!["verify"], b""),
        (vec!["topic", "create", "t"], b""),
        (vec!["init"], b""),
    ] {
        let out = klog_at(fake.path(), &args, input);
        eprintln!("checking {args:?}");
        let err = assert_fails(&out, 1, &[&dir]);
        assert!(
            err.contains("klog init") || err.contains("empty or new directory"),
            "{args:?}: says how to make one: {err}"
        );
        assert_eq!(tree(fake.path()), before, "{args:?} changed a foreign directory");
    }
}

#[test]
fn topic_delete_removes_only_kafka_files() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "-P", "2"]);
    t.ok_with(&["produce", "t", "-p", "1"], b"a\nb\n");
    let notes = t.partition_dir("t", 1).join("notes.txt");
    std::fs::write(&notes, b"mine\n").unwrap();
    let before = tree(&t.data());
    let err = t.fails(&["topic", "delete", "t"], b"", 1);
    assert!(err.contains("notes.txt") && err.contains("not a Kafka partition file"), "{err}");
    assert_eq!(tree(&t.data()), before, "a refused delete changed the data directory");
    assert_eq!(t.log_records("t").len(), 2);
    std::fs::remove_file(&notes).unwrap();
    t.ok(&["topic", "delete", "t"]);
    assert!(!t.partition_dir("t", 0).exists() && !t.partition_dir("t", 1).exists());
}

#[test]
fn internal_topics_are_not_created_deleted_or_repartitioned() {
    let t = Klog::new();
    t.ok(&["topic", "create", "orders"]);
    t.ok(&["group", "commit", "g", "--topic", "orders", "-p", "0", "--offset", "0"]);
    let before = tree(&t.data());
    for args in [
        vec!["topic", "create", "__consumer_offsets", "-P", "1"],
        vec!["topic", "create", "__transaction_state"],
        vec!["topic", "delete", "__consumer_offsets"],
        vec!["topic", "alter", "__consumer_offsets", "-P", "60"],
        vec!["topic", "create", "__cluster_metadata"],
    ] {
        let err = t.fails(&args, b"", 2);
        assert!(err.contains("internal topic"), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
    assert_eq!(tree(&t.data()), before);
    let desc = t.ok(&["group", "describe", "g"]);
    assert!(desc.contains("orders"), "the group's offsets survive: {desc}");

    // To match a Kafka broker's topic (its id given), an internal topic may be created, and
    // __consumer_offsets only with the 50 partitions every group hashes into.
    let u = Klog::new();
    let id = "pfshAP-6RmaAhSHtK0pVTg";
    let err = u.fails(&["topic", "create", "__consumer_offsets", "-P", "1", "--topic-id", id], b"", 2);
    assert!(err.contains("internal topic"), "{err}");
    u.ok(&["topic", "create", "__consumer_offsets", "-P", "50", "--topic-id", id]);

    let all = t.ok(&["topic", "list"]);
    assert!(all.contains("__consumer_offsets") && all.contains("orders"), "{all}");
    let user = t.ok(&["topic", "list", "--exclude-internal"]);
    assert!(!user.contains("__consumer_offsets") && user.contains("orders"), "{user}");
    let json = t.ok(&["topic", "list", "--exclude-internal", "--json"]);
    assert!(!json.contains("__consumer_offsets") && json.contains("orders"), "{json}");
}

#[test]
fn a_command_that_fails_leaves_no_data_directory_behind() {
    let t = Klog::new();
    let typo = t.dir.path().join("typo");
    let out = klog_at(&typo, &["produce", "nosuch"], b"a\n");
    assert_fails(&out, 1, &["nosuch"]);
    assert!(!typo.exists(), "produce to a missing directory created it");
    for (args, code) in [
        (vec!["topic", "create", "t", "-P", "0"], 2),
        (vec!["topic", "create", "t", "-c", "no.such.config=1"], 2),
        (vec!["topic", "create", "bad/name"], 2),
        (vec!["topic", "create", "t", "-c", "retention.ms=soon"], 2),
    ] {
        let out = klog_at(&typo, &args, b"");
        assert_ne!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(!typo.exists(), "{args:?} left {} behind", typo.display());
    }
}

#[test]
fn writing_commands_initialise_new_or_empty_directories_only() {
    let t = Klog::new();
    let empty = t.dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = klog_at(&empty, &["topic", "create", "t"], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(empty.join("meta.properties").is_file());
    let out = klog_at(&empty, &["produce", "t"], b"x\n");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // A copy of a Kafka broker's partition directories without meta.properties: init adopts it.
    let copy = t.dir.path().join("copy");
    std::fs::create_dir_all(copy.join("cities-0")).unwrap();
    std::fs::copy(empty.join("t-0/00000000000000000000.log"), copy.join("cities-0/00000000000000000000.log")).unwrap();
    assert_fails(&klog_at(&copy, &["topic", "list"], b""), 1, &["meta.properties", "klog init"]);
    let out = klog_at(&copy, &["init"], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = klog_at(&copy, &["consume", "cities", "-e"], b"");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "x\n");
}

#[test]
fn keyless_records_spread_evenly_like_kafkas_sticky_partitioner() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "-P", "6"]);
    let input: String = (1..=100_000).map(|i| format!("{i}\n")).collect();
    t.ok_with(&["produce", "t"], input.as_bytes());
    let out = t.ok(&["offsets", "t", "--json"]);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    let counts: Vec<i64> = v.as_array().unwrap().iter().map(|p| p["latest"].as_i64().unwrap()).collect();
    assert_eq!(counts.len(), 6, "{out}");
    assert_eq!(counts.iter().sum::<i64>(), 100_000);
    let share = 100_000.0 / 6.0;
    for (p, c) in counts.iter().enumerate() {
        let off = (*c as f64 - share).abs() / share;
        assert!(
            off <= 0.2,
            "partition {p} got {c} of 100000 records ({:.0}% off an even share): {counts:?}",
            off * 100.0
        );
    }
}

#[test]
fn print_offsets_acknowledges_only_what_is_durable() {
    use std::io::{Read, Write};
    let t = Klog::new();
    t.ok(&["topic", "create", "t"]);
    // Small batches fill and are appended at once; with a long linger nothing is fsynced (and so
    // nothing acknowledged) while the input stays open.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("klog"))
        .arg("--data-dir")
        .arg(t.data())
        .args(["produce", "t", "--print-offsets", "--batch-size", "100", "--linger-ms", "600000"])
        .env_remove("KLOG_DATA_DIR")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for i in 0..20 {
        writeln!(stdin, "record number {i} with some padding to fill a batch").unwrap();
    }
    stdin.flush().unwrap();
    // The batches are on the log (appended) before anything could be acknowledged.
    wait_until("the full batches appended", std::time::Duration::from_secs(30), || t.log_records("t").len() >= 10);
    let mut stdout = child.stdout.take().unwrap();
    let fd = std::os::fd::AsRawFd::as_raw_fd(&stdout);
    let mut pfd = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
    // SAFETY: one valid pollfd that outlives the call.
    let ready = unsafe { libc::poll(&mut pfd, 1, 300) };
    assert_eq!(ready, 0, "an offset was printed before its batch was fsynced");
    drop(stdin);
    let mut text = String::new();
    stdout.read_to_string(&mut text).unwrap();
    assert!(child.wait().unwrap().success());
    let last: i64 = text.lines().last().unwrap().split('\t').nth(3).unwrap().parse().unwrap();
    assert_eq!(last, 19, "{text}");
}

#[test]
fn a_topic_missing_from_a_cluster_is_named_as_such() {
    let t = Klog::new();
    let m = t.dir.path().join("m");
    let m_s = m.display().to_string();
    t.ok(&["--meta", &m_s, "init", "--broker-id", "0"]);
    // Both the explicit --meta and the store the data directory joined name the cluster.
    for args in [vec!["--meta", m_s.as_str(), "consume", "nosuch", "-e"], vec!["consume", "nosuch", "-e"]] {
        let err = t.fails(&args, b"", 1);
        assert!(err.contains("cluster of metadata store") && err.contains(&m_s), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
}

#[test]
fn reassign_verify_before_execute_says_it_has_not_started() {
    let t = Klog::new();
    let m = t.dir.path().join("m").display().to_string();
    for b in 0..2 {
        let d = t.dir.path().join(format!("b{b}")).display().to_string();
        common::ok(&["--data-dir", &d, "--meta", &m, "init", "--broker-id", &b.to_string()], b"");
    }
    t.ok(&["--meta", &m, "topic", "create", "r", "--replica-assignment", "0"]);
    let plan = t.dir.path().join("plan.json");
    std::fs::write(&plan, r#"{"version":1,"partitions":[{"topic":"r","partition":0,"replicas":[1]}]}"#).unwrap();
    let out = t
        .cmd(&["--meta", &m, "reassign", "--verify", "--reassignment-json-file", plan.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("has not started") && text.contains("no active reassignment"), "{text}");
    assert!(!text.contains("in progress"), "{text}");
    t.ok(&["--meta", &m, "reassign", "--execute", "--reassignment-json-file", plan.to_str().unwrap()]);
    let done = t.ok(&["--meta", &m, "reassign", "--verify", "--reassignment-json-file", plan.to_str().unwrap()]);
    assert!(done.contains("is complete"), "{done}");
}

#[test]
fn replicating_into_a_new_follower_reports_no_truncation() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t"]);
    t.ok_with(&["produce", "t"], b"0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n");
    t.ok(&["delete-records", "t", "-p", "0", "--before", "5"]);
    let f = t.dir.path().join("follower").display().to_string();
    common::ok(&["--data-dir", &f, "init", "--broker-id", "1"], b"");
    let out = t.ok(&["replicate", "--from", t.data().to_str().unwrap(), "--to", &f]);
    assert!(!out.contains("truncated from"), "{out}");
    assert!(out.contains(", 0 truncated"), "{out}");
    let json = t.ok(&["replicate", "--from", t.data().to_str().unwrap(), "--to", &f, "--json"]);
    assert!(!json.contains("\"truncated_to\":0"), "{json}");
}
