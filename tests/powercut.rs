//! Deterministic power cuts (issue 12): `KLOG_POWERCUT=N:ROOT` makes the real binary lose power
//! at its N-th sync point (`klog::fsutil::powercut`): the tree under ROOT comes back with only
//! what was synced, file data and directory entries alike, and the process exits with
//! `POWERCUT_EXIT`. Each scenario runs its command once per sync point, from N = 1 until the
//! command gets through without reaching N, each time on a fresh copy of the same starting
//! state. After every cut:
//! - every state file is whole: JSON parses, checkpoints and `meta.properties` have their form,
//!   and none that klog replaces atomically is empty;
//! - nothing acknowledged before the command is lost, and what the cut command left is a prefix
//!   (produce), the old or the new value (commits), or a correct compaction;
//! - the next ordinary command works and `klog verify` passes.
//!
//! Scenarios: produce across segment rolls, a group commit, a compaction, and a metadata change
//! (a replicated topic created in a cluster of two brokers).

mod common;

use common::{copy_dir, Klog};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Output;

const POWERCUT_EXIT: i32 = klog::fsutil::powercut::EXIT_CODE;

/// `klog ARGS` with `input`, losing power at sync point `n` under `root`.
fn run_cut(root: &Path, n: u64, args: &[&str], input: &[u8]) -> Output {
    common::klog_cmd()
        .args(args)
        .env("KLOG_POWERCUT", format!("{}:{}", n, root.display()))
        .write_stdin(input.to_vec())
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .expect("run klog")
}

/// Every file under `root`, recursively.
fn files_under(root: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(root).unwrap().map(Result::unwrap) {
        if e.file_type().unwrap().is_dir() {
            out.extend(files_under(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

/// Every state file under `root` is whole (see the module doc); `when` names the cut.
fn assert_state_files_whole(root: &Path, when: &str) {
    for p in files_under(root) {
        let p = p.as_path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let text = || std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{when}: {}: {e}", p.display()));
        if name.ends_with(".json") {
            let t = text();
            assert!(
                serde_json::from_str::<serde_json::Value>(&t).is_ok(),
                "{when}: {} is not whole: {t:?}",
                p.display()
            );
        } else if name.ends_with("-checkpoint") {
            let t = text();
            let mut lines = t.lines();
            assert_eq!(lines.next(), Some("0"), "{when}: {} is not whole: {t:?}", p.display());
            let n: usize =
                lines.next().and_then(|l| l.parse().ok()).unwrap_or_else(|| panic!("{when}: {}: {t:?}", p.display()));
            assert_eq!(lines.count(), n, "{when}: {} is not whole: {t:?}", p.display());
        } else if name == "meta.properties" {
            let t = text();
            assert!(t.contains("cluster.id=") && t.contains("version="), "{when}: {} is not whole: {t:?}", p.display());
        } else if name == "partition.metadata" {
            let t = text();
            assert!(
                t.starts_with("version: 0\ntopic_id: ") && t.len() == 43,
                "{when}: {} is not whole: {t:?}",
                p.display()
            );
        }
    }
}

/// Runs `args` once per sync point on a fresh starting state that `prepare` makes in an empty
/// directory (the power cut's root), calling `check` after each cut with that root and the cut
/// command's stdout. Returns the number of sync points the command has.
fn every_sync_point(
    prepare: impl Fn(&Path),
    args: impl Fn(&Path) -> Vec<String>,
    input: &[u8],
    mut check: impl FnMut(&Path, &str, &str),
) -> u64 {
    for n in 1.. {
        let work = tempfile::tempdir().unwrap();
        let root = work.path().join("root");
        prepare(&root);
        let argv = args(&root);
        let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
        let out = run_cut(&root, n, &argv, input);
        let when = format!("klog {:?} cut at sync point {}", &argv[2..], n);
        match out.status.code() {
            Some(POWERCUT_EXIT) => {}
            Some(0) => {
                assert!(n > 1, "{when}: the command has no sync point");
                return n - 1;
            }
            c => panic!("{when}: exit {c:?}: {}", String::from_utf8_lossy(&out.stderr)),
        }
        assert_state_files_whole(&root, &when);
        check(&root, &String::from_utf8_lossy(&out.stdout), &when);
    }
    unreachable!()
}

fn at(root: &Path, args: &[&str], input: &[u8]) -> String {
    let mut v = vec!["--data-dir", root.to_str().unwrap()];
    v.extend_from_slice(args);
    common::ok(&v, input)
}

fn values(root: &Path, topic: &str) -> Vec<(i64, String)> {
    at(root, &["consume", topic, "-p", "0", "-e", "--format", "%o %s\\n"], b"")
        .lines()
        .map(|l| {
            let (o, v) = l.split_once(' ').unwrap();
            (o.parse().unwrap(), v.to_string())
        })
        .collect()
}

#[test]
fn produce_across_rolls_at_every_sync_point() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "-c", "internal.segment.bytes=300"]);
    let base: Vec<String> = (0..20).map(|i| format!("acked-{i}")).collect();
    t.ok_with(&["produce", "t", "-p", "0", "--batch-size", "100"], (base.join("\n") + "\n").as_bytes());
    let cut: Vec<String> = (0..30).map(|i| format!("cut-{i}")).collect();
    let input = cut.join("\n") + "\n";
    let mut kept_max = 0;
    let points = every_sync_point(
        |root| copy_dir(&t.data(), root),
        |root| {
            ["--data-dir", root.to_str().unwrap(), "produce", "t", "-p", "0", "--batch-size", "100", "--print-offsets"]
                .map(String::from)
                .to_vec()
        },
        input.as_bytes(),
        |root, stdout, when| {
            // The next writer recovers; everything acknowledged is there, once, in order.
            at(root, &["produce", "t", "-p", "0"], b"after\n");
            let got = values(root, "t");
            let vals: Vec<&str> = got.iter().map(|(_, v)| v.as_str()).collect();
            for (i, (o, _)) in got.iter().enumerate() {
                assert_eq!(*o, i as i64, "{when}: offsets contiguous: {vals:?}");
            }
            assert_eq!(vals[..20], base.iter().map(String::as_str).collect::<Vec<_>>()[..], "{when}");
            let kept = vals.len() - 21;
            assert_eq!(
                vals[20..20 + kept],
                cut.iter().map(String::as_str).collect::<Vec<_>>()[..kept],
                "{when}: a prefix"
            );
            assert_eq!(vals.last(), Some(&"after"), "{when}");
            // Offsets printed before the cut were acknowledged: they survived.
            let printed = stdout.lines().count();
            assert!(kept >= printed, "{when}: {printed} offsets printed, {kept} records kept");
            kept_max = kept_max.max(kept);
            at(root, &["verify"], b"");
        },
    );
    assert!(points >= 10, "only {points} sync points");
    assert!(kept_max > 0, "no cut came after a batch was synced");
    eprintln!("produce: {points} sync points, each cut and recovered");
}

#[test]
fn group_commit_at_every_sync_point() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t"]);
    t.ok_with(&["produce", "t", "-p", "0"], b"a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n");
    t.ok(&["group", "commit", "g", "--topic", "t", "-p", "0", "--offset", "5"]);
    let committed = |root: &Path| -> Option<i64> {
        let v: serde_json::Value = serde_json::from_str(&at(root, &["group", "describe", "g", "--json"], b"")).unwrap();
        v.as_array().unwrap().iter().find(|r| r["topic"] == "t").and_then(|r| r["current_offset"].as_i64())
    };
    let mut seen = BTreeMap::new();
    let points = every_sync_point(
        |root| copy_dir(&t.data(), root),
        |root| {
            ["--data-dir", root.to_str().unwrap(), "group", "commit", "g", "--topic", "t", "-p", "0", "--offset", "9"]
                .map(String::from)
                .to_vec()
        },
        b"",
        |root, _, when| {
            let now = committed(root);
            assert!(now == Some(5) || now == Some(9), "{when}: committed {now:?}, neither the old 5 nor the new 9");
            *seen.entry(now).or_insert(0) += 1;
            at(root, &["group", "commit", "g", "--topic", "t", "-p", "0", "--offset", "7"], b"");
            assert_eq!(committed(root), Some(7), "{when}: the next commit");
            at(root, &["verify"], b"");
        },
    );
    assert!(seen.contains_key(&Some(5)), "no cut before the commit was durable: {seen:?}");
    eprintln!("group commit: {points} sync points, committed after the cut: {seen:?}");
}

#[test]
fn compaction_at_every_sync_point() {
    let t = Klog::new();
    t.ok(&[
        "topic",
        "create",
        "t",
        "-c",
        "cleanup.policy=compact",
        "-c",
        "min.cleanable.dirty.ratio=0.01",
        "-c",
        "internal.segment.bytes=200",
    ]);
    let mut rng = common::XorShift::new(7);
    let keys: Vec<String> = (0..60).map(|_| format!("k{}", rng.below(6))).collect();
    for chunk in keys.chunks(5).enumerate() {
        let input: String = chunk.1.iter().enumerate().map(|(i, k)| format!("{}:v{}\n", k, chunk.0 * 5 + i)).collect();
        t.ok_with(&["produce", "t", "-p", "0", "-K", ":"], input.as_bytes());
    }
    let mut latest: BTreeMap<&str, i64> = BTreeMap::new();
    for (o, k) in keys.iter().enumerate() {
        latest.insert(k, o as i64);
    }
    let records = |root: &Path| -> Vec<(i64, String, String)> {
        at(root, &["consume", "t", "-p", "0", "-e", "--format", "%o %k %s\\n"], b"")
            .lines()
            .map(|l| {
                let f: Vec<&str> = l.splitn(3, ' ').collect();
                (f[0].parse().unwrap(), f[1].to_string(), f[2].to_string())
            })
            .collect()
    };
    let check = |root: &Path, when: &str| {
        let got = records(root);
        let mut last = -1;
        for (o, k, v) in &got {
            assert!(*o > last, "{when}: offsets increase");
            last = *o;
            assert_eq!((k.as_str(), v.as_str()), (keys[*o as usize].as_str(), format!("v{o}").as_str()), "{when}");
        }
        for (k, o) in &latest {
            assert!(got.iter().any(|(go, gk, _)| go == o && gk == k), "{when}: the latest record of {k} is gone");
        }
        got.len()
    };
    let points = every_sync_point(
        |root| copy_dir(&t.data(), root),
        |root| ["--data-dir", root.to_str().unwrap(), "retention", "t"].map(String::from).to_vec(),
        b"",
        |root, _, when| {
            check(root, when);
            at(root, &["retention", "t"], b"");
            let kept = check(root, when);
            assert!(kept < keys.len(), "{when}: the compaction after the cut did nothing");
            at(root, &["verify"], b"");
        },
    );
    eprintln!("compaction: {points} sync points");
}

#[test]
fn replicated_topic_create_at_every_sync_point() {
    // Made in place for every cut: a member's directory names its store by absolute path.
    let prepare = |root: &Path| {
        let m = root.join("meta").to_string_lossy().into_owned();
        for b in 0..2 {
            let bdir = root.join(format!("b{b}")).to_string_lossy().into_owned();
            common::ok(&["--data-dir", &bdir, "--meta", &m, "init", "--broker-id", &b.to_string()], b"");
        }
    };
    let meta_of = |root: &Path| root.join("meta").to_string_lossy().into_owned();
    let mut created_after = 0;
    let points = every_sync_point(
        prepare,
        |root| {
            ["--meta", &meta_of(root), "topic", "create", "r", "-P", "2", "--replication-factor", "2"]
                .map(String::from)
                .to_vec()
        },
        b"",
        |root, _, when| {
            let m = meta_of(root);
            let list = common::ok(&["--meta", &m, "topic", "list"], b"");
            created_after += usize::from(list.lines().any(|l| l.split_whitespace().next() == Some("r")));
            // Creating it again (or for the first time) completes what the cut left.
            common::ok(
                &["--meta", &m, "topic", "create", "r", "-P", "2", "--replication-factor", "2", "--if-not-exists"],
                b"",
            );
            common::ok(&["--meta", &m, "produce", "r", "-p", "1", "--acks", "all"], b"x\ny\n");
            let out = common::ok(&["--meta", &m, "consume", "r", "-p", "1", "-e"], b"");
            assert_eq!(out, "x\ny\n", "{when}");
            for b in 0..2 {
                let bdir = root.join(format!("b{b}"));
                let v = common::run(&["--data-dir", bdir.to_str().unwrap(), "--meta", &m, "verify"], b"");
                assert!(
                    v.status.success(),
                    "{when}: verify b{b}: {}{}",
                    String::from_utf8_lossy(&v.stdout),
                    String::from_utf8_lossy(&v.stderr)
                );
            }
        },
    );
    assert!(created_after > 0 && created_after < points as usize, "cuts on both sides of the store's change");
    eprintln!("replicated topic create: {points} sync points, the topic listed after {created_after} cuts");
}
