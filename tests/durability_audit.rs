//! Issue 12, "durability gaps from the system-call audit": the real binary runs under `strace`
//! (required, as CI has it) for each command that creates directories or replaces files, and
//! the trace must show Kafka's and klog's protocol:
//! - every directory created (and still there at exit) is made durable in its parent: an fsync
//!   of the parent after the `mkdir`, before the command exits;
//! - every file replaced by rename from a `.tmp` file (state files, checkpoints, member JSON) was
//!   fsynced before the rename, and every rename is followed by an fsync of the target's directory.

mod common;

use common::Klog;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Debug)]
enum Call {
    Mkdir(PathBuf),
    Sync(PathBuf),
    Rename(PathBuf, PathBuf),
}

/// The quoted strings of a traced call's arguments, and the path an `fd</path>` names.
fn quoted(args: &str) -> Vec<String> {
    args.split('"').skip(1).step_by(2).map(str::to_string).collect()
}

fn fd_path(args: &str) -> Option<PathBuf> {
    let from = args.find('<')? + 1;
    let to = args[from..].find('>')? + from;
    Some(PathBuf::from(&args[from..to]))
}

/// Parses `strace -f -y` output into the successful calls, in order (joining calls a thread
/// switch split into `<unfinished ...>` and `<... resumed>` halves).
fn parse(trace: &str) -> Vec<Call> {
    let mut pending: HashMap<String, String> = HashMap::new();
    let mut calls = Vec::new();
    for line in trace.lines() {
        let Some((pid, rest)) = line.split_once(' ') else { continue };
        let rest = rest.trim_start();
        let full = if let Some(head) = rest.strip_suffix("<unfinished ...>") {
            pending.insert(pid.to_string(), head.to_string());
            continue;
        } else if rest.starts_with("<...") {
            let Some(head) = pending.remove(pid) else { continue };
            let tail = rest.split_once("resumed>").map_or("", |(_, t)| t);
            head + tail
        } else {
            rest.to_string()
        };
        if !full.trim_end().ends_with("= 0") {
            continue;
        }
        let Some((name, args)) = full.split_once('(') else { continue };
        match name {
            "mkdir" | "mkdirat" => calls.push(Call::Mkdir(PathBuf::from(&quoted(args)[0]))),
            "fsync" | "fdatasync" => calls.extend(fd_path(args).map(Call::Sync)),
            "rename" | "renameat" | "renameat2" => {
                let q = quoted(args);
                calls.push(Call::Rename(PathBuf::from(&q[0]), PathBuf::from(&q[1])));
            }
            _ => {}
        }
    }
    calls
}

/// Runs `klog --data-dir DATA ARGS` under strace and checks the trace; returns how many
/// directories and renames were checked, and the rename targets.
fn audit(k: &Klog, args: &[&str], input: &[u8]) -> (usize, Vec<PathBuf>) {
    let trace = k.dir.path().join("trace.txt");
    let mut cmd = Command::new("strace");
    cmd.args(["-f", "-y", "-qq", "-e", "trace=mkdir,mkdirat,fsync,fdatasync,rename,renameat,renameat2", "-o"])
        .arg(&trace)
        .arg(assert_cmd::cargo::cargo_bin("klog"))
        .arg("--data-dir")
        .arg(k.data())
        .args(args)
        .env_remove("KLOG_DATA_DIR")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null());
    let mut child = cmd.spawn().expect("strace is required for this test (apt-get install strace)");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(input).unwrap();
    }
    let status = child.wait().unwrap();
    assert!(status.success(), "klog {:?} under strace failed", args);
    let calls = parse(&std::fs::read_to_string(&trace).unwrap());
    let synced_after = |i: usize, dir: &Path| calls[i + 1..].iter().any(|c| matches!(c, Call::Sync(p) if p == dir));
    let mut checked = 0;
    let mut renamed = Vec::new();
    for (i, c) in calls.iter().enumerate() {
        match c {
            Call::Mkdir(d) if d.exists() => {
                let parent = d.parent().unwrap();
                assert!(
                    synced_after(i, parent),
                    "klog {:?}: {} was created but {} never fsynced",
                    args,
                    d.display(),
                    parent.display()
                );
                checked += 1;
            }
            Call::Rename(from, to) => {
                if from.extension().is_some_and(|e| e == "tmp") {
                    let synced_before = calls[..i].iter().any(|c| matches!(c, Call::Sync(p) if p == from));
                    assert!(synced_before, "klog {:?}: {} renamed into place without an fsync", args, from.display());
                }
                let parent = to.parent().unwrap();
                assert!(
                    synced_after(i, parent),
                    "klog {:?}: rename to {} without an fsync of {}",
                    args,
                    to.display(),
                    parent.display()
                );
                renamed.push(to.clone());
                checked += 1;
            }
            _ => {}
        }
    }
    (checked, renamed)
}

#[test]
fn every_new_directory_and_every_replaced_file_is_durable() {
    let k = Klog::new();
    // The data directory, .klog/, topics/, locks/, staging and partition directories.
    assert!(
        audit(&k, &["topic", "create", "t", "--partitions", "2", "--config", "internal.segment.bytes=300"], b"").0 >= 6
    );
    for i in 0..6 {
        let lines: String = (0..8).map(|j| format!("record-{}-{}\n", i, j)).collect();
        k.ok_with(&["produce", "t", "-p", "0"], lines.as_bytes());
    }
    // A roll: a new segment after the 300-byte one.
    let lines: String = (0..8).map(|j| format!("record-{}\n", j)).collect();
    audit(&k, &["produce", "t", "-p", "0"], lines.as_bytes());
    // __consumer_offsets, .klog/groups/g/, the offsets snapshot.
    assert!(audit(&k, &["group", "commit", "g", "--topic", "t", "-p", "0", "--offset", "3"], b"").0 >= 3);
    // A member: .klog/groups/g2/{members,owners}, its member JSON, the group state.
    let (checked, renamed) = audit(&k, &["consume", "--group", "g2", "t", "--reset", "earliest", "-e"], b"");
    assert!(checked >= 3);
    let members = k.data().join(".klog/groups/g2/members");
    assert!(renamed.iter().any(|p| p.parent() == Some(&members)), "the member JSON was written: {:?}", renamed);
    audit(&k, &["delete-records", "t", "-p", "0", "--before", "5"], b"");
    audit(&k, &["topic", "alter", "t", "--config", "retention.bytes=400"], b"");
    // Segments renamed .deleted (fsync of the directory after), the log start checkpoint.
    let (_, renamed) = audit(&k, &["retention"], b"");
    assert!(renamed.iter().any(|p| p.to_string_lossy().ends_with(".log.deleted")), "retention deleted: {:?}", renamed);
}

#[test]
fn a_cluster_metadata_store_and_its_broker_are_durable() {
    let k = Klog::new();
    let m = k.dir.path().join("m");
    let m = m.to_str().unwrap();
    // The store's directory and .klog-meta/, its snapshot; the broker's data directory.
    assert!(audit(&k, &["--meta", m, "init", "--broker-id", "0"], b"").0 >= 4);
    audit(&k, &["--meta", m, "topic", "create", "orders", "-P", "1", "--replication-factor", "1"], b"");
    audit(&k, &["--meta", m, "produce", "orders"], b"a\nb\n");
    // The coordinator's data directory under the store, with the group's state.
    assert!(
        audit(&k, &["--meta", m, "group", "commit", "g", "--topic", "orders", "-p", "0", "--offset", "1"], b"").0 >= 3
    );
}
