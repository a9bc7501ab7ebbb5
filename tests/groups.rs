//! Consumer groups end to end, with the real binary on temporary data directories: members of
//! one group sharing a topic's partitions while a producer writes (every record processed, the
//! ownership lock held by the member whose `--exec` handles a partition, no duplicates, lag 0 at
//! the end); how fast the partitions of a member killed with SIGKILL are reassigned; the
//! range, roundrobin, sticky and cooperative-sticky assignments checked against hand-worked
//! expectations (and stickiness when a member leaves); auto commit, resume, `-o` override,
//! `--commit none`, `-c`, a pipe closed by `head`; resuming the group's subscription; a failing
//! `--exec`; every `group reset-offsets` spec and scope; `group describe|list|delete|
//! delete-offsets|commit`; and the committed offsets read back from `__consumer_offsets` by a
//! decoder written here from Kafka's schemas. Faults (SIGKILL rounds, corrupt state, bad
//! input) are in `groups_faults.rs`.

mod common;

use common::groups::{committed, describe, java_hash, json, numbered, offsets_partition, produce, tp, Row, Tp};
use common::process::{heavy, processed_counts, read_processed, Proc, RECORDER};
use common::{poll_until, Klog};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------------------------
// Harness

/// A live member as `group describe G --members --json` shows it.
#[derive(Debug, Clone)]
struct MemberRow {
    id: String,
    pid: u32,
    assignment: BTreeSet<Tp>,
}

fn members(t: &Klog, group: &str) -> Vec<MemberRow> {
    let v = json(t, &["group", "describe", group, "--members", "--json"]);
    member_rows(&v)
}

/// Like [`members`], but an empty list while the group does not exist yet (a member starting).
fn members_if_any(t: &Klog, group: &str) -> Vec<MemberRow> {
    let out = t.cmd(&["group", "describe", group, "--members", "--json"]).output().unwrap();
    match out.status.code() {
        Some(0) => member_rows(&serde_json::from_slice(&out.stdout).expect("describe --members --json")),
        Some(1) if String::from_utf8_lossy(&out.stderr).contains("does not exist") => Vec::new(),
        c => panic!("group describe --members: {:?}: {}", c, String::from_utf8_lossy(&out.stderr)),
    }
}

fn member_rows(v: &Value) -> Vec<MemberRow> {
    let mut out: Vec<MemberRow> = v
        .as_array()
        .expect("array")
        .iter()
        .map(|m| MemberRow {
            id: m["member_id"].as_str().unwrap().to_string(),
            pid: m["pid"].as_u64().unwrap() as u32,
            assignment: m["assignment"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| tp(a["topic"].as_str().unwrap(), a["partition"].as_i64().unwrap() as i32))
                .collect(),
        })
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// Log end offsets of a topic's partitions.
fn log_ends(t: &Klog, topic: &str, partitions: i32) -> BTreeMap<i32, i64> {
    let recs = t.log_records(topic);
    (0..partitions).map(|p| (p, recs.keys().filter(|(q, _)| *q == p).map(|(_, o)| o + 1).max().unwrap_or(0))).collect()
}

fn lines(s: &str) -> Vec<String> {
    s.lines().map(String::from).collect()
}

/// The partitions a member owns now, from its `-v` events: `assigned X, Y` and `revoked X, Y`.
fn owned_from_events(stderr: &str) -> BTreeSet<String> {
    let mut owned = BTreeSet::new();
    for l in stderr.lines() {
        if let Some((_, rest)) = l.split_once(": assigned ") {
            owned.extend(rest.split(", ").map(String::from));
        } else if let Some((_, rest)) = l.split_once(": revoked ") {
            for x in rest.split(", ") {
                owned.remove(x);
            }
        }
    }
    owned
}

/// Partitions named in `assigned` (or `revoked`) events of a stderr text.
fn event_partitions(stderr: &str, event: &str) -> BTreeSet<String> {
    let pat = format!(": {} ", event);
    stderr
        .lines()
        .filter_map(|l| l.split_once(pat.as_str()))
        .flat_map(|(_, r)| r.split(", ").map(String::from))
        .collect()
}

fn names(tps: &BTreeSet<Tp>) -> BTreeSet<String> {
    tps.iter().map(|(t, p)| format!("{}-{}", t, p)).collect()
}

/// Waits until the group has exactly `procs` as live members and each one owns (by its `-v`
/// events) exactly what the group state assigns it. Returns the members, sorted by id.
fn wait_settled(t: &Klog, group: &str, procs: &[&Proc]) -> Vec<MemberRow> {
    let mut last = Vec::new();
    let ok = poll_until(Duration::from_secs(20), Duration::from_millis(10), || {
        last = members_if_any(t, group);
        let pids: BTreeSet<u32> = last.iter().map(|m| m.pid).collect();
        let want: BTreeSet<u32> = procs.iter().map(|p| p.pid()).collect();
        pids == want
            && last.iter().all(|m| {
                let p = procs.iter().find(|p| p.pid() == m.pid).unwrap();
                owned_from_events(&p.err()) == names(&m.assignment)
            })
    });
    if !ok {
        let errs: Vec<String> = procs.iter().map(|p| format!("--- {} ({})\n{}", p.name, p.pid(), p.err())).collect();
        panic!("group {} did not settle; members {:?}\n{}", group, last, errs.join("\n"));
    }
    last
}

// ---------------------------------------------------------------------------------------------
// 1. Sharing a topic

fn sharing(n: usize) {
    let _heavy = heavy();
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--partitions", "4"]);
    let outdir = t.dir.path().join("processed");
    fs::create_dir_all(&outdir).unwrap();
    let data = t.data();
    let files: Vec<PathBuf> = (0..n).map(|i| outdir.join(format!("m{}", i))).collect();
    let mut procs: Vec<Proc> = (0..n)
        .map(|i| {
            Proc::spawn(
                &t,
                &format!("member{}", i),
                &["consume", "-G", "g", "t", "--reset", "earliest", "-f", "--commit", "manual", "--exec", RECORDER],
                &[("OUT", &files[i]), ("DATA", &data), ("GROUP", Path::new("g"))],
            )
        })
        .collect();

    // The producer: five `klog produce` runs of 40 keyed records while the members run.
    let total = 200;
    for round in 0..5 {
        let recs: Vec<String> = (round * 40..(round + 1) * 40).map(|i| format!("k{}:r{}", i, i)).collect();
        produce(&t, "t", &["-K", ":"], &recs);
        // Pacing, not waiting: the rounds spread over time while the members consume.
        sleep(Duration::from_millis(100));
    }
    let log = t.log_records("t");
    assert_eq!(log.len(), total);
    assert!((0..4).all(|p| log.keys().any(|(q, _)| *q == p)), "keys must spread over all partitions");

    let done = poll_until(Duration::from_secs(40), Duration::from_millis(10), || {
        let seen: BTreeSet<(i32, i64)> = read_processed(&files).records.iter().map(|(p, o, _)| (*p, *o)).collect();
        log.keys().all(|k| seen.contains(k))
    });
    let errs: String = procs.iter().map(|p| format!("--- {}\n{}", p.name, p.err())).collect();
    assert!(done, "{} members: not every record was processed within 40 s\n{}", n, errs);
    for p in &mut procs {
        p.stop();
    }

    let count = processed_counts(&files, &log);
    // Per partition the offsets processed are exactly 0..log end: contiguous, nothing extra.
    for p in 0..4 {
        let offs: Vec<i64> = count.keys().filter(|(q, _)| *q == p).map(|(_, o)| *o).collect();
        let end = log.keys().filter(|(q, _)| *q == p).count() as i64;
        assert_eq!(offs, (0..end).collect::<Vec<_>>(), "t-{} offsets processed", p);
    }
    let dups: usize = count.values().map(|c| c - 1).sum();
    assert_eq!(
        dups,
        0,
        "{} members: duplicates without any fault: {:?}",
        n,
        count.iter().filter(|(_, c)| **c > 1).collect::<Vec<_>>()
    );

    let d = describe(&t, "g");
    assert_eq!(d.len(), 4, "{:?}", d);
    for (k, r) in &d {
        assert_eq!(r.current, r.end, "{:?}: committed offset must reach the log end", k);
        assert_eq!(r.lag, Some(0), "{:?}", k);
        assert_eq!(r.end, Some(log.keys().filter(|(q, _)| *q == k.1).count() as i64));
    }
    eprintln!("sharing with {} members: {} records processed once each", n, count.values().sum::<usize>());
}

#[test]
fn sharing_one_member() {
    sharing(1);
}

#[test]
fn sharing_two_members() {
    sharing(2);
}

#[test]
fn sharing_four_members() {
    sharing(4);
}

#[test]
fn sharing_six_members_on_four_partitions() {
    sharing(6);
}

// ---------------------------------------------------------------------------------------------
// 3. Reassignment after SIGKILL

#[test]
fn partitions_of_a_killed_member_are_reassigned_quickly() {
    let _heavy = heavy();
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--partitions", "4"]);
    let args = ["consume", "-G", "g", "t", "-f", "-v", "--format", "%s\\n"];
    let a = Proc::spawn(&t, "a", &args, &[]);
    wait_settled(&t, "g", &[&a]);
    let mut b = Proc::spawn(&t, "b", &args, &[]);
    let ms = wait_settled(&t, "g", &[&a, &b]);
    let b_row = ms.iter().find(|m| m.pid == b.pid()).unwrap().clone();
    assert_eq!(b_row.assignment.len(), 2, "{:?}", ms);
    let b_parts = names(&b_row.assignment);

    let before = a.err().len();
    let start = Instant::now();
    b.kill9();
    let mut took = None;
    let ok = poll_until(Duration::from_secs(10), Duration::from_millis(10), || {
        let text = a.err();
        let new = &text[before.min(text.len())..];
        if b_parts.is_subset(&event_partitions(new, "assigned")) {
            took = Some(start.elapsed());
            true
        } else {
            false
        }
    });
    assert!(ok, "the survivor never took over {:?}; its stderr:\n{}", b_parts, a.err());
    let took = took.unwrap();
    eprintln!("reassignment after SIGKILL took {} ms", took.as_millis());
    println!("reassignment after SIGKILL took {} ms", took.as_millis());
    assert!(took < Duration::from_secs(2), "reassignment took {:?}", took);
    let text = a.err();
    assert!(
        text.contains(&format!("removed member {} (its process is gone)", b_row.id)),
        "the survivor should say it removed the dead member:\n{}",
        text
    );
    let m = members(&t, "g");
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].assignment.len(), 4);
}

// ---------------------------------------------------------------------------------------------
// 4. Assignment strategies

/// Starts three members one after another (each joins once the previous ones settled) and
/// returns them with the member rows once all three settled.
fn three_members(t: &Klog, group: &str, topics: &[&str], strategy: &str) -> (Vec<Proc>, Vec<MemberRow>) {
    let mut procs: Vec<Proc> = Vec::new();
    let mut rows = Vec::new();
    for i in 0..3 {
        let mut args = vec!["consume", "-G", group];
        args.extend_from_slice(topics);
        args.extend_from_slice(&["-f", "-v", "--assignment", strategy]);
        procs.push(Proc::spawn(t, &format!("{}-{}", group, i), &args, &[]));
        let refs: Vec<&Proc> = procs.iter().collect();
        rows = wait_settled(t, group, &refs);
    }
    (procs, rows)
}

fn set(spec: &[(&str, i32)]) -> BTreeSet<Tp> {
    spec.iter().map(|(t, p)| tp(t, *p)).collect()
}

/// Checks the assignment of members sorted by id against `want` (in the same order).
fn check_sorted(rows: &[MemberRow], want: &[BTreeSet<Tp>], what: &str) {
    let got: Vec<&BTreeSet<Tp>> = rows.iter().map(|m| &m.assignment).collect();
    let want: Vec<&BTreeSet<Tp>> = want.iter().collect();
    assert_eq!(got, want, "{}: members (sorted by id) {:?}", what, rows.iter().map(|m| &m.id).collect::<Vec<_>>());
}

#[test]
fn range_assignment_of_six_partitions() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--partitions", "6"]);
    let (_procs, rows) = three_members(&t, "g", &["t"], "range");
    check_sorted(
        &rows,
        &[set(&[("t", 0), ("t", 1)]), set(&[("t", 2), ("t", 3)]), set(&[("t", 4), ("t", 5)])],
        "range, 6 partitions",
    );
    let st = json(&t, &["group", "describe", "g", "--state", "--json"]);
    assert_eq!(st["protocol"], "range");
    assert_eq!(st["members"], 3);
    assert_eq!(st["state"], "Stable");
    assert_eq!(st["leader"].as_str(), Some(rows[0].id.as_str()), "the leader is the first member id");
}

#[test]
fn roundrobin_assignment_of_six_partitions() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--partitions", "6"]);
    let (_procs, rows) = three_members(&t, "g", &["t"], "roundrobin");
    check_sorted(
        &rows,
        &[set(&[("t", 0), ("t", 3)]), set(&[("t", 1), ("t", 4)]), set(&[("t", 2), ("t", 5)])],
        "roundrobin, 6 partitions",
    );
    assert_eq!(json(&t, &["group", "describe", "g", "--state", "--json"])["protocol"], "roundrobin");
}

#[test]
fn range_and_roundrobin_over_two_topics() {
    let t = Klog::new();
    t.ok(&["topic", "create", "a", "--partitions", "4"]);
    t.ok(&["topic", "create", "b", "--partitions", "3"]);
    // Range works topic by topic: a (4) gives the first member one extra, b (3) one each.
    let (procs, rows) = three_members(&t, "gr", &["a", "b"], "range");
    check_sorted(
        &rows,
        &[set(&[("a", 0), ("a", 1), ("b", 0)]), set(&[("a", 2), ("b", 1)]), set(&[("a", 3), ("b", 2)])],
        "range over a(4), b(3)",
    );
    drop(procs);
    // Roundrobin deals a-0..a-3, b-0..b-2 in turn.
    let (_procs, rows) = three_members(&t, "grr", &["a", "b"], "roundrobin");
    check_sorted(
        &rows,
        &[set(&[("a", 0), ("a", 3), ("b", 2)]), set(&[("a", 1), ("b", 0)]), set(&[("a", 2), ("b", 1)])],
        "roundrobin over a(4), b(3)",
    );
    let st = json(&t, &["group", "describe", "grr", "--state", "--json"]);
    assert_eq!(st["subscription"], serde_json::json!(["a", "b"]));
}

/// Sticky and cooperative-sticky: members A, B, C join in that order on 6 partitions. A takes
/// all; when B joins A keeps its first three and B takes 3..5; when C joins, A and B each give
/// up their highest: A {0,1}, B {3,4}, C {2,5}, whatever the member ids. When B leaves (SIGTERM)
/// A and C keep what they had and share 3 and 4.
fn sticky(strategy: &str) {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--partitions", "6"]);
    let (mut procs, rows) = three_members(&t, "g", &["t"], strategy);
    let by_pid = |rows: &[MemberRow], p: &Proc| rows.iter().find(|m| m.pid == p.pid()).unwrap().assignment.clone();
    assert_eq!(by_pid(&rows, &procs[0]), set(&[("t", 0), ("t", 1)]), "{}: first member", strategy);
    assert_eq!(by_pid(&rows, &procs[1]), set(&[("t", 3), ("t", 4)]), "{}: second member", strategy);
    assert_eq!(by_pid(&rows, &procs[2]), set(&[("t", 2), ("t", 5)]), "{}: third member", strategy);

    // The rebalance protocol: eager members give up everything at each rebalance, cooperative
    // ones only what moves (A lost 2..5 over the two joins, never 0 or 1).
    let revoked_a = event_partitions(&procs[0].err(), "revoked");
    if strategy == "cooperative-sticky" {
        let want: BTreeSet<String> = ["t-2", "t-3", "t-4", "t-5"].iter().map(|s| s.to_string()).collect();
        assert_eq!(revoked_a, want, "cooperative member A revoked; stderr:\n{}", procs[0].err());
    } else {
        assert!(revoked_a.contains("t-0"), "an eager member gives up all at a rebalance; stderr:\n{}", procs[0].err());
    }

    let (a_before, c_before) = (procs[0].err().len(), procs[2].err().len());
    procs[1].stop();
    let b = procs.remove(1);
    drop(b);
    let refs: Vec<&Proc> = procs.iter().collect();
    let rows = wait_settled(&t, "g", &refs);
    let a = by_pid(&rows, &procs[0]);
    let c = by_pid(&rows, &procs[1]);
    assert!(a.is_superset(&set(&[("t", 0), ("t", 1)])), "{}: A lost partitions when B left: {:?}", strategy, a);
    assert!(c.is_superset(&set(&[("t", 2), ("t", 5)])), "{}: C lost partitions when B left: {:?}", strategy, c);
    assert_eq!((a.len(), c.len()), (3, 3), "{}: balanced after B left", strategy);
    assert_eq!(a.union(&c).count(), 6);
    if strategy == "cooperative-sticky" {
        let ra = event_partitions(&procs[0].err()[a_before..], "revoked");
        let rc = event_partitions(&procs[1].err()[c_before..], "revoked");
        assert!(ra.is_empty() && rc.is_empty(), "nothing moves away from A or C: revoked {:?} {:?}", ra, rc);
    }
}

#[test]
fn sticky_assignment_keeps_partitions() {
    sticky("sticky");
}

#[test]
fn cooperative_sticky_assignment_keeps_partitions() {
    sticky("cooperative-sticky");
}

#[test]
fn members_must_agree_on_the_strategy() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--partitions", "2"]);
    let a = Proc::spawn(&t, "a", &["consume", "-G", "g", "t", "-f", "-v", "--assignment", "sticky"], &[]);
    wait_settled(&t, "g", &[&a]);
    let err = t.fails(&["consume", "-G", "g", "t", "-e", "--assignment", "range"], b"", 3);
    assert!(err.contains("sticky"), "{}", err);
}

// ---------------------------------------------------------------------------------------------
// 5. Auto commit, resume, override

#[test]
fn auto_commit_resume_and_override() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--partitions", "3"]);
    produce(&t, "t", &[], &numbered("a", 0..30));
    let first = t.ok(&["consume", "-G", "g", "t", "--reset", "earliest", "-e"]);
    let first: BTreeSet<String> = first.lines().map(String::from).collect();
    assert_eq!(first, numbered("a", 0..30).into_iter().collect::<BTreeSet<_>>());
    let d = describe(&t, "g");
    assert_eq!(d.len(), 3);
    assert!(d.values().all(|r| r.current == r.end && r.lag == Some(0)), "{:?}", d);
    assert_eq!(d.values().map(|r| r.current.unwrap()).sum::<i64>(), 30);

    // Nothing new: nothing again.
    assert_eq!(t.ok(&["consume", "-G", "g", "t", "-e"]), "");

    produce(&t, "t", &[], &numbered("b", 0..12));
    let second: BTreeSet<String> = t.ok(&["consume", "-G", "g", "t", "-e"]).lines().map(String::from).collect();
    assert_eq!(second, numbered("b", 0..12).into_iter().collect::<BTreeSet<_>>(), "only the new records");
    assert_eq!(committed(&t, "g").values().sum::<i64>(), 42);

    // -o beginning overrides the committed offsets and says so.
    let out = t.cmd(&["consume", "-G", "g", "t", "-e", "-o", "beginning"]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 42);
    let err = String::from_utf8_lossy(&out.stderr);
    for p in 0..3 {
        assert!(
            err.contains(&format!("t-{}: starting at offset 0 from -o instead of the committed offset", p)),
            "stderr: {}",
            err
        );
    }
    assert_eq!(committed(&t, "g").values().sum::<i64>(), 42, "the override read to the end and committed it");
}

#[test]
fn commit_none_commits_nothing() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--partitions", "2"]);
    produce(&t, "t", &[], &numbered("r", 0..10));
    let mut m =
        Proc::spawn(&t, "m", &["consume", "-G", "g", "t", "--reset", "earliest", "-f", "--commit", "none"], &[]);
    assert!(
        poll_until(Duration::from_secs(20), Duration::from_millis(10), || m.out().lines().count() == 10),
        "member printed {:?}; stderr {}",
        m.out(),
        m.err()
    );
    let id = members(&t, "g")[0].id.clone();
    let d = describe(&t, "g");
    assert_eq!(d.len(), 2, "owned partitions are listed: {:?}", d);
    for r in d.values() {
        assert_eq!(r.current, None);
        assert_eq!(r.lag, None);
        assert_eq!(r.consumer.as_deref(), Some(id.as_str()));
    }
    let text = t.ok(&["group", "describe", "g"]);
    let rows: Vec<Vec<&str>> = text.lines().skip(1).map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(rows.len(), 2, "{}", text);
    for r in &rows {
        assert_eq!((r[3], r[5], r[6]), ("-", "-", id.as_str()), "{}", text);
    }
    m.stop();
    assert!(describe(&t, "g").is_empty(), "no offsets after --commit none");
    // So the group starts over.
    assert_eq!(t.ok(&["consume", "-G", "g", "t", "--reset", "earliest", "-e"]).lines().count(), 10);
}

#[test]
fn count_commits_exactly_what_was_read() {
    let t = Klog::new();
    t.ok(&["topic", "create", "one"]);
    produce(&t, "one", &[], &numbered("r", 0..20));
    assert_eq!(lines(&t.ok(&["consume", "-G", "g", "one", "--reset", "earliest", "-c", "5"])), numbered("r", 0..5));
    assert_eq!(committed(&t, "g"), offsets(&[("one", 0, 5)]));
    assert_eq!(lines(&t.ok(&["consume", "-G", "g", "one", "-c", "5"])), numbered("r", 5..10));
    assert_eq!(committed(&t, "g"), offsets(&[("one", 0, 10)]));
    // Over several partitions: exactly 7 records read, and 7 committed in all.
    t.ok(&["topic", "create", "three", "--partitions", "3"]);
    produce(&t, "three", &[], &numbered("x", 0..30));
    assert_eq!(t.ok(&["consume", "-G", "h", "three", "--reset", "earliest", "-c", "7"]).lines().count(), 7);
    assert_eq!(committed(&t, "h").values().sum::<i64>(), 7);
    let rest = t.ok(&["consume", "-G", "h", "three", "-e"]).lines().count();
    assert_eq!(rest, 23);
}

/// `klog consume -G g big -e | head -n 1`: klog ends with 0 when head closes the pipe, commits
/// no more than it wrote out, and a second run continues from the committed offset: the records
/// below it (delivered into the pipe by the first run) and the second run's cover the log with
/// no gap. The first run must also have made progress (committed offset > 0).
#[test]
fn closed_pipe_commits_what_was_written() {
    let t = Klog::new();
    t.ok(&["topic", "create", "big"]);
    let total = 100_000usize;
    let pad = "x".repeat(90);
    let recs: Vec<String> = (0..total).map(|i| format!("r{}-{}", i, pad)).collect();
    produce(&t, "big", &[], &recs);
    let script = r#""$KLOG" --data-dir "$DATA" consume -G g big --reset earliest -e | head -n 1"#;
    let out = Command::new("bash")
        .args(["-o", "pipefail", "-c", script])
        .env("KLOG", assert_cmd::cargo::cargo_bin("klog"))
        .env("DATA", t.data())
        .env_remove("KLOG_DATA_DIR")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(
        out.status.code(),
        Some(0),
        "pipeline status (pipefail); stderr {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout, format!("{}\n", recs[0]));
    let c = committed(&t, "g").get(&tp("big", 0)).copied().unwrap_or(0);
    eprintln!("after | head -n 1: committed offset {} of {}", c, total);
    assert!(c < total as i64, "klog cannot have written all {} records into a pipe nobody read", total);
    // The second run continues exactly at the committed offset: no gap, nothing lost.
    let second = lines(&t.ok(&["consume", "-G", "g", "big", "-e"]));
    assert_eq!(second.len(), total - c as usize);
    assert!(second.iter().eq(recs[c as usize..].iter()), "the second run must start at offset {}", c);
    assert_eq!(committed(&t, "g")[&tp("big", 0)], total as i64);
    assert!(c > 0, "the first run wrote records into the pipe (head printed one) but committed offset {}", c);
}

/// SIGINT and SIGTERM both end a member with 0 after it commits what it wrote out (long before
/// the next auto commit is due) and leaves the group at once.
#[test]
fn signals_commit_and_leave() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--partitions", "2"]);
    for (i, sig) in [libc::SIGINT, libc::SIGTERM].into_iter().enumerate() {
        produce(&t, "t", &[], &numbered(&format!("s{}-", i), 0..10));
        let mut m = Proc::spawn(
            &t,
            &format!("m{}", i),
            &["consume", "-G", "g", "t", "--reset", "earliest", "-f", "-v", "--auto-commit-interval-ms", "600000"],
            &[],
        );
        assert!(
            poll_until(Duration::from_secs(20), Duration::from_millis(10), || m.out().lines().count() == 10),
            "{}",
            m.err()
        );
        assert_eq!(members(&t, "g").len(), 1);
        // SAFETY: plain kill(2) on our own unreaped child.
        unsafe { libc::kill(m.pid() as i32, sig) };
        let s = m.wait_for(Duration::from_secs(20));
        assert_eq!(s.code(), Some(0), "signal {}: {}", sig, m.err());
        assert!(members(&t, "g").is_empty(), "the member left");
        assert_eq!(committed(&t, "g").values().sum::<i64>(), 10 * (i as i64 + 1), "signal {}", sig);
        assert_eq!(lines(&m.out()).len(), 10);
    }
}

// ---------------------------------------------------------------------------------------------
// 6. Resuming the group's subscription

#[test]
fn consume_without_topic_resumes_the_subscription() {
    let t = Klog::new();
    t.ok(&["topic", "create", "a", "--partitions", "2"]);
    t.ok(&["topic", "create", "b"]);
    let err = t.fails(&["consume", "-G", "g", "-e"], b"", 2);
    assert!(err.contains("no subscription"), "{}", err);

    produce(&t, "a", &[], &numbered("a", 0..6));
    produce(&t, "b", &[], &numbered("b", 0..4));
    let first: BTreeSet<String> =
        t.ok(&["consume", "-G", "g", "a", "b", "--reset", "earliest", "-e"]).lines().map(String::from).collect();
    assert_eq!(first.len(), 10);
    let st = json(&t, &["group", "describe", "g", "--state", "--json"]);
    assert_eq!(st["subscription"], serde_json::json!(["a", "b"]));
    assert_eq!(st["state"], "Empty");

    produce(&t, "a", &[], &numbered("a", 6..9));
    produce(&t, "b", &[], &numbered("b", 4..6));
    let second: BTreeSet<String> = t.ok(&["consume", "-G", "g", "-e"]).lines().map(String::from).collect();
    let want: BTreeSet<String> = numbered("a", 6..9).into_iter().chain(numbered("b", 4..6)).collect();
    assert_eq!(second, want, "resumed both subscribed topics from their committed offsets");
    let c = committed(&t, "g");
    assert_eq!(c.len(), 3);
    assert_eq!(c.values().sum::<i64>(), 15);
}

// ---------------------------------------------------------------------------------------------
// 7. A failing --exec

#[test]
fn failing_exec_stops_the_member_and_redelivers() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t"]);
    produce(&t, "t", &[], &numbered("r", 0..10));
    let fail_at_r5 = r#"v=$(cat); if [ "$v" = r5 ]; then exit 7; fi; echo "$KLOG_OFFSET $v" >> "$OUT""#;
    let ok_all = r#"v=$(cat); echo "$KLOG_OFFSET $v" >> "$OUT""#;
    for (group, mode) in [("gm", "manual"), ("ga", "auto")] {
        let out1 = t.dir.path().join(format!("{}-1", group));
        let out2 = t.dir.path().join(format!("{}-2", group));
        let o = t
            .cmd(&["consume", "-G", group, "t", "--reset", "earliest", "-e", "--commit", mode, "--exec", fail_at_r5])
            .env("OUT", &out1)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(7), "{}: the member exits with the script's status; stderr {}", mode, err);
        assert!(err.contains("--exec failed with status 7 at t-0 offset 5"), "{}", err);
        let done = fs::read_to_string(&out1).unwrap();
        assert_eq!(lines(&done), (0..5).map(|i| format!("{} r{}", i, i)).collect::<Vec<_>>());
        assert_eq!(committed(&t, group), offsets(&[("t", 0, 5)]), "{}: r5 not committed", mode);
        assert!(members(&t, group).is_empty(), "the failed member left the group");

        let o = t
            .cmd(&["consume", "-G", group, "t", "-e", "--commit", mode, "--exec", ok_all])
            .env("OUT", &out2)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let again = lines(&fs::read_to_string(&out2).unwrap());
        assert_eq!(again.first().map(String::as_str), Some("5 r5"), "{}: the failed record comes first", mode);
        assert_eq!(again, (5..10).map(|i| format!("{} r{}", i, i)).collect::<Vec<_>>());
        assert_eq!(committed(&t, group), offsets(&[("t", 0, 10)]));
    }
}

// ---------------------------------------------------------------------------------------------
// 8. reset-offsets

const T1: i64 = 1_600_000_000_000; // 2020-09-13T12:26:40Z
const T2: i64 = 1_600_000_100_000; // 2020-09-13T12:28:20Z

/// Topic t, 3 partitions of 15 records each: offsets 0..5 at T1, 5..10 at T2, 10..15 now.
/// Topic u, 1 partition of 4 records. Group g committed t-0 3, t-1 7, t-2 12, u-0 2.
fn reset_setup() -> Klog {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--partitions", "3"]);
    t.ok(&["topic", "create", "u"]);
    for p in 0..3 {
        let ps = p.to_string();
        produce(&t, "t", &["-p", &ps, "--timestamp", &T1.to_string()], &numbered("old", 0..5));
        produce(&t, "t", &["-p", &ps, "--timestamp", &T2.to_string()], &numbered("mid", 5..10));
        produce(&t, "t", &["-p", &ps], &numbered("new", 10..15));
    }
    produce(&t, "u", &[], &numbered("u", 0..4));
    for (topic, p, o) in [("t", 0, 3), ("t", 1, 7), ("t", 2, 12), ("u", 0, 2)] {
        let out = t.ok(&["group", "commit", "g", "--topic", topic, "-p", &p.to_string(), "--offset", &o.to_string()]);
        assert_eq!(out, format!("committed offset {} for {}-{} in group g\n", o, topic, p));
    }
    t
}

fn offsets(spec: &[(&str, i32, i64)]) -> BTreeMap<Tp, i64> {
    spec.iter().map(|(topic, p, o)| (tp(topic, *p), *o)).collect()
}

/// Runs `group reset-offsets g ARGS --execute` and returns stderr.
fn reset(t: &Klog, args: &[&str]) -> String {
    let mut a = vec!["group", "reset-offsets", "g"];
    a.extend_from_slice(args);
    a.push("--execute");
    let out = t.cmd(&a).output().unwrap();
    assert!(out.status.success(), "klog {:?}: {}", a, String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn reset_offsets_every_spec_and_scope() {
    let t = reset_setup();
    let initial = offsets(&[("t", 0, 3), ("t", 1, 7), ("t", 2, 12), ("u", 0, 2)]);
    assert_eq!(committed(&t, "g"), initial);

    // Neither --dry-run nor --execute: a dry run, as kafka-consumer-groups (issue 10); nothing changes.
    // It succeeds with one warning line (not an error).
    let warned = t.exits(&["group", "reset-offsets", "g", "--topic", "t", "--to-earliest"], b"", 0);
    assert_eq!(warned.lines().count(), 1, "{}", warned);
    assert!(warned.starts_with("klog: warning: no action was performed"), "{}", warned);
    t.fails(&["group", "reset-offsets", "g", "--to-earliest", "--dry-run"], b"", 2); // no scope
    t.fails(&["group", "reset-offsets", "g", "--topic", "t", "--dry-run"], b"", 2); // no spec
    t.fails(&["group", "reset-offsets", "g", "--topic", "t", "--to-earliest", "--dry-run", "--execute"], b"", 2);
    assert_eq!(committed(&t, "g"), initial);

    // --dry-run shows the plan and changes nothing.
    let out = t.cmd(&["group", "reset-offsets", "g", "--topic", "t", "--to-earliest", "--dry-run"]).output().unwrap();
    assert!(out.status.success());
    let plan: Vec<Vec<String>> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().map(String::from).collect())
        .collect();
    assert_eq!(
        plan,
        (0..3).map(|p| vec!["g".into(), "t".into(), p.to_string(), "0".into()]).collect::<Vec<Vec<String>>>()
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("dry run"));
    assert_eq!(committed(&t, "g"), initial, "--dry-run changed offsets");
    let v = json(&t, &["group", "reset-offsets", "g", "--topic", "t:1", "--to-latest", "--dry-run", "--json"]);
    assert_eq!(
        v,
        serde_json::json!([{"group": "g", "topic": "t", "partition": 1, "new_offset": 15, "executed": false}])
    );
    assert_eq!(committed(&t, "g"), initial);

    // --to-earliest on some partitions.
    reset(&t, &["--topic", "t:0,2", "--to-earliest"]);
    assert_eq!(committed(&t, "g"), offsets(&[("t", 0, 0), ("t", 1, 7), ("t", 2, 0), ("u", 0, 2)]));
    // --to-latest on every topic the group has offsets for.
    reset(&t, &["--all-topics", "--to-latest"]);
    assert_eq!(committed(&t, "g"), offsets(&[("t", 0, 15), ("t", 1, 15), ("t", 2, 15), ("u", 0, 4)]));
    // --to-offset on a whole topic.
    reset(&t, &["--topic", "t", "--to-offset", "4"]);
    assert_eq!(committed(&t, "g"), offsets(&[("t", 0, 4), ("t", 1, 4), ("t", 2, 4), ("u", 0, 4)]));
    // --shift-by both ways.
    reset(&t, &["--topic", "t:1", "--shift-by", "-2"]);
    assert_eq!(committed(&t, "g")[&tp("t", 1)], 2);
    reset(&t, &["--topic", "t:1,2", "--shift-by", "+2"]);
    assert_eq!(committed(&t, "g"), offsets(&[("t", 0, 4), ("t", 1, 4), ("t", 2, 6), ("u", 0, 4)]));
    // Out of the log: clamped, with a note.
    let err = reset(&t, &["--topic", "t:0", "--to-offset", "100"]);
    assert!(err.contains("t-0: 100 is outside the log (0..15); using 15"), "{}", err);
    assert_eq!(committed(&t, "g")[&tp("t", 0)], 15);
    let err = reset(&t, &["--topic", "t:2", "--shift-by", "-100"]);
    assert!(err.contains("t-2: -94 is outside the log (0..15); using 0"), "{}", err);
    assert_eq!(committed(&t, "g")[&tp("t", 2)], 0);
    let now = offsets(&[("t", 0, 15), ("t", 1, 4), ("t", 2, 0), ("u", 0, 4)]);
    assert_eq!(committed(&t, "g"), now);

    // --to-current keeps them (dry run and execute).
    let v = json(&t, &["group", "reset-offsets", "g", "--all-topics", "--to-current", "--dry-run", "--json"]);
    let planned: BTreeMap<Tp, i64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                tp(r["topic"].as_str().unwrap(), r["partition"].as_i64().unwrap() as i32),
                r["new_offset"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(planned, now);
    reset(&t, &["--all-topics", "--to-current"]);
    assert_eq!(committed(&t, "g"), now);

    // --to-datetime: epoch ms and RFC 3339; the first offset at or after the time.
    reset(&t, &["--topic", "t:0", "--to-datetime", &T1.to_string()]);
    reset(&t, &["--topic", "t:1", "--to-datetime", &(T1 + 1).to_string()]);
    reset(&t, &["--topic", "t:2", "--to-datetime", "2020-09-13T12:28:20Z"]);
    assert_eq!(committed(&t, "g"), offsets(&[("t", 0, 0), ("t", 1, 5), ("t", 2, 5), ("u", 0, 4)]));
    reset(&t, &["--topic", "t:0", "--to-datetime", &(T2 + 1).to_string()]);
    reset(&t, &["--topic", "t:1", "--to-datetime", "4000000000000"]);
    assert_eq!(committed(&t, "g"), offsets(&[("t", 0, 10), ("t", 1, 15), ("t", 2, 5), ("u", 0, 4)]));

    // --by-duration: the last hour holds only the records produced now.
    reset(&t, &["--topic", "t", "--by-duration", "PT1H"]);
    assert_eq!(committed(&t, "g"), offsets(&[("t", 0, 10), ("t", 1, 10), ("t", 2, 10), ("u", 0, 4)]));
    reset(&t, &["--topic", "t:1", "--by-duration", "P20000D"]);
    assert_eq!(committed(&t, "g")[&tp("t", 1)], 0);
    t.fails(&["group", "reset-offsets", "g", "--topic", "t", "--by-duration", "1h", "--dry-run"], b"", 2);

    // --from-file: Kafka's CSV plan.
    let csv = t.dir.path().join("plan.csv");
    fs::write(&csv, "t,0,1\nt,2,9\n\nu,0,3\n").unwrap();
    let csv_s = csv.to_str().unwrap();
    reset(&t, &["--from-file", csv_s]);
    assert_eq!(committed(&t, "g"), offsets(&[("t", 0, 1), ("t", 1, 0), ("t", 2, 9), ("u", 0, 3)]));
    let bad = t.dir.path().join("bad.csv");
    fs::write(&bad, "t,0\n").unwrap();
    t.fails(&["group", "reset-offsets", "g", "--from-file", bad.to_str().unwrap(), "--execute"], b"", 1);
    fs::write(&bad, "t,7,1\n").unwrap();
    t.fails(&["group", "reset-offsets", "g", "--from-file", bad.to_str().unwrap(), "--execute"], b"", 1);
    t.fails(&["group", "reset-offsets", "g", "--topic", "nosuch", "--to-earliest", "--execute"], b"", 1);
    t.fails(&["group", "reset-offsets", "g", "--topic", "t:5", "--to-earliest", "--execute"], b"", 1);
    assert_eq!(committed(&t, "g"), offsets(&[("t", 0, 1), ("t", 1, 0), ("t", 2, 9), ("u", 0, 3)]));

    // A consumer then starts at the reset offsets.
    let got = t.ok(&["consume", "-G", "g", "t", "-e", "--format", "%p %o\\n"]);
    let got: BTreeSet<(i32, i64)> = got
        .lines()
        .map(|l| l.split_once(' ').map(|(p, o)| (p.parse().unwrap(), o.parse().unwrap())).unwrap())
        .collect();
    let want: BTreeSet<(i32, i64)> =
        (1..15).map(|o| (0, o)).chain((0..15).map(|o| (1, o))).chain((9..15).map(|o| (2, o))).collect();
    assert_eq!(got, want, "the consumer starts at the reset offsets");

    // A live member: conflict (3), for execute and dry run alike; fine again once it left.
    let before = committed(&t, "g");
    let mut m = Proc::spawn(&t, "live", &["consume", "-G", "g", "t", "-f", "-v", "--commit", "none"], &[]);
    wait_settled(&t, "g", &[&m]);
    let err = t.fails(&["group", "reset-offsets", "g", "--topic", "t", "--to-earliest", "--execute"], b"", 3);
    assert!(err.contains("live member"), "{}", err);
    t.fails(&["group", "reset-offsets", "g", "--topic", "t", "--to-earliest", "--dry-run"], b"", 3);
    assert_eq!(committed(&t, "g"), before);
    m.stop();
    reset(&t, &["--topic", "t", "--to-earliest"]);
    assert_eq!(committed(&t, "g"), offsets(&[("t", 0, 0), ("t", 1, 0), ("t", 2, 0), ("u", 0, 3)]));
}

/// Admin commands on a group that does not exist fail with 1 and leave no group behind.
#[test]
fn admin_commands_on_an_unknown_group_fail() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t"]);
    produce(&t, "t", &[], &numbered("r", 0..3));
    let err = t.fails(&["group", "describe", "nope"], b"", 1);
    assert!(err.contains("does not exist"), "{}", err);
    t.fails(&["group", "describe", "a/b"], b"", 2);
    let err = t.fails(&["group", "reset-offsets", "nope", "--topic", "t", "--to-earliest", "--dry-run"], b"", 1);
    assert!(err.contains("does not exist"), "{}", err);
    t.fails(&["group", "reset-offsets", "nope", "--topic", "t", "--to-earliest", "--execute"], b"", 1);
    t.fails(&["group", "delete-offsets", "nope", "--topic", "t"], b"", 1);
    let err = t.fails(&["group", "delete", "nope"], b"", 1);
    assert!(err.contains("does not exist"), "{}", err);
    assert_eq!(json(&t, &["group", "list", "--json"]), serde_json::json!([]), "a failed command left a group behind");
    t.fails(&["group", "describe", "nope"], b"", 1);
}

// ---------------------------------------------------------------------------------------------
// 9. describe, list, delete, delete-offsets, commit

#[test]
fn describe_list_commit_delete() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--partitions", "2"]);
    t.ok(&["topic", "create", "u"]);
    produce(&t, "t", &["-p", "0"], &numbered("a", 0..10));
    produce(&t, "t", &["-p", "1"], &numbered("b", 0..4));
    produce(&t, "u", &[], &numbered("u", 0..3));
    t.ok(&["group", "commit", "g", "--topic", "t", "-p", "0", "--offset", "6"]);
    t.ok(&["group", "commit", "g", "--topic", "u", "-p", "0", "--offset", "1"]);

    // Text: the lag figures per committed partition.
    let text = t.ok(&["group", "describe", "g"]);
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(
        rows,
        vec![
            vec!["GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "CONSUMER-ID"],
            vec!["g", "t", "0", "6", "10", "4", "-"],
            vec!["g", "u", "0", "1", "3", "2", "-"],
        ],
        "{}",
        text
    );
    let d = describe(&t, "g");
    assert_eq!(d[&tp("t", 0)], Row { current: Some(6), end: Some(10), lag: Some(4), consumer: None });
    assert_eq!(d[&tp("u", 0)], Row { current: Some(1), end: Some(3), lag: Some(2), consumer: None });
    assert_eq!(d.len(), 2);
    // More records: the lag grows.
    produce(&t, "t", &["-p", "0"], &numbered("a", 10..13));
    assert_eq!(describe(&t, "g")[&tp("t", 0)], Row { current: Some(6), end: Some(13), lag: Some(7), consumer: None });

    // list: Empty without members, Stable with one.
    let l = json(&t, &["group", "list", "--json"]);
    assert_eq!(l, serde_json::json!([{"group": "g", "state": "Empty", "members": 0, "protocol": "", "generation": 0}]));
    let mut m = Proc::spawn(&t, "m", &["consume", "-G", "g", "t", "-f", "-v", "--commit", "none"], &[]);
    let rows = wait_settled(&t, "g", &[&m]);
    let l = json(&t, &["group", "list", "--json"]);
    assert_eq!(
        (l[0]["group"].as_str(), l[0]["state"].as_str(), l[0]["members"].as_i64()),
        (Some("g"), Some("Stable"), Some(1))
    );
    assert_eq!(l[0]["protocol"], "range");
    let text = t.ok(&["group", "list"]);
    assert!(
        text.lines().nth(1).is_some_and(|r| r.split_whitespace().collect::<Vec<_>>()[..3] == ["g", "Stable", "1"]),
        "{}",
        text
    );
    let d = describe(&t, "g");
    assert_eq!(d[&tp("t", 0)].consumer.as_deref(), Some(rows[0].id.as_str()));
    assert_eq!(d[&tp("t", 1)], Row { current: None, end: Some(4), lag: None, consumer: Some(rows[0].id.clone()) });
    assert_eq!(d[&tp("u", 0)].consumer, None);
    // Commits refuse while a member is live.
    t.fails(&["group", "commit", "g", "--topic", "t", "-p", "0", "--offset", "1"], b"", 3);
    t.fails(&["group", "delete", "g"], b"", 3);
    t.fails(&["group", "delete-offsets", "g", "--topic", "u"], b"", 3);
    m.stop();
    assert_eq!(json(&t, &["group", "list", "--json"])[0]["state"], "Empty");

    // commit: bounds and unknown names.
    t.ok(&["group", "commit", "g", "--topic", "t", "-p", "1", "--offset", "4"]); // the log end is fine
    assert_eq!(describe(&t, "g")[&tp("t", 1)], Row { current: Some(4), end: Some(4), lag: Some(0), consumer: None });
    let err = t.fails(&["group", "commit", "g", "--topic", "t", "-p", "1", "--offset", "5"], b"", 1);
    assert!(err.contains("out of range"), "{}", err);
    t.fails(&["group", "commit", "g", "--topic", "nosuch", "-p", "0", "--offset", "0"], b"", 1);
    t.fails(&["group", "commit", "g", "--topic", "t", "-p", "2", "--offset", "0"], b"", 1);
    t.fails(&["group", "commit", "a/b", "--topic", "t", "-p", "0", "--offset", "0"], b"", 2);
    assert_eq!(committed(&t, "g"), offsets(&[("t", 0, 6), ("t", 1, 4), ("u", 0, 1)]));

    // delete-offsets of one topic.
    let out = t.ok(&["group", "delete-offsets", "g", "--topic", "u"]);
    assert_eq!(out, "deleted 1 offset(s) of topic u from group g\n");
    assert_eq!(committed(&t, "g"), offsets(&[("t", 0, 6), ("t", 1, 4)]));
    t.fails(&["group", "delete-offsets", "g", "--topic", "u"], b"", 1);
    t.fails(&["group", "delete-offsets", "g", "--topic", "nosuch"], b"", 1);

    // delete: gone from describe and list, and a new member starts over.
    assert_eq!(t.ok(&["group", "delete", "g"]), "deleted group g\n");
    let err = t.fails(&["group", "describe", "g"], b"", 1);
    assert!(err.contains("does not exist"), "{}", err);
    assert_eq!(json(&t, &["group", "list", "--json"]), serde_json::json!([]));
    let all = t.ok(&["consume", "-G", "g", "t", "--reset", "earliest", "-e"]);
    assert_eq!(all.lines().count(), 17, "after delete, the group's old offsets must not come back");
}

// ---------------------------------------------------------------------------------------------
// 10. __consumer_offsets, decoded independently

struct Buf<'a>(&'a [u8]);

impl Buf<'_> {
    fn take(&mut self, n: usize) -> &[u8] {
        assert!(self.0.len() >= n, "truncated field");
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        a
    }
    fn i16(&mut self) -> i16 {
        i16::from_be_bytes(self.take(2).try_into().unwrap())
    }
    fn i32(&mut self) -> i32 {
        i32::from_be_bytes(self.take(4).try_into().unwrap())
    }
    fn i64(&mut self) -> i64 {
        i64::from_be_bytes(self.take(8).try_into().unwrap())
    }
    fn string(&mut self) -> String {
        let n = self.i16();
        assert!(n >= 0, "null string");
        String::from_utf8(self.take(n as usize).to_vec()).unwrap()
    }
}

/// One decoded record of __consumer_offsets.
#[derive(Debug)]
enum OffsetsRec {
    /// OffsetCommitKey v0/v1 with OffsetCommitValue v3 (or a tombstone).
    Commit { group: String, topic: String, partition: i32, value: Option<(i64, i32, String, i64)> },
    /// GroupMetadataKey v2 (value not decoded here; None is a tombstone).
    Group { group: String, tombstone: bool },
}

fn decode_offsets_record(key: &[u8], value: Option<&[u8]>) -> OffsetsRec {
    let mut k = Buf(key);
    match k.i16() {
        v @ (0 | 1) => {
            let group = k.string();
            let topic = k.string();
            let partition = k.i32();
            assert!(k.0.is_empty(), "trailing key bytes");
            assert_eq!(v, 1, "klog writes OffsetCommitKey v1");
            let value = value.map(|v| {
                let mut b = Buf(v);
                assert_eq!(b.i16(), 3, "klog writes OffsetCommitValue v3");
                let offset = b.i64();
                let epoch = b.i32();
                let metadata = b.string();
                let ts = b.i64();
                assert!(b.0.is_empty(), "trailing value bytes");
                (offset, epoch, metadata, ts)
            });
            OffsetsRec::Commit { group, topic, partition, value }
        }
        2 => {
            let group = k.string();
            OffsetsRec::Group { group, tombstone: value.is_none() }
        }
        v => panic!("unexpected key version {}", v),
    }
}

/// Reads every record of `__consumer_offsets-<p>` through the library's log reader.
fn read_offsets_log(data: &Path, p: i32) -> Vec<OffsetsRec> {
    let dir = data.join(format!("__consumer_offsets-{}", p));
    let r = klog::log::PartitionReader::open(&dir, None).expect("open __consumer_offsets partition");
    let mut cur = r.cursor(0);
    let mut out = Vec::new();
    while let Some((h, bytes)) = cur.next_batch().expect("read batch") {
        if h.is_control() {
            continue;
        }
        let section = klog::record::RecordsSection::new(bytes, &h).expect("records");
        for rec in section.iter() {
            let rec = rec.expect("record");
            out.push(decode_offsets_record(rec.key.expect("offsets records have keys"), rec.value));
        }
    }
    out
}

/// A group's offsets by replaying the decoded records in order.
fn replay(recs: &[OffsetsRec], group: &str) -> BTreeMap<Tp, i64> {
    let mut m = BTreeMap::new();
    for r in recs {
        match r {
            OffsetsRec::Commit { group: g, topic, partition, value } if g == group => match value {
                Some((o, ..)) => {
                    m.insert(tp(topic, *partition), *o);
                }
                None => {
                    m.remove(&tp(topic, *partition));
                }
            },
            OffsetsRec::Group { group: g, tombstone: true } if g == group => m.clear(),
            _ => {}
        }
    }
    m
}

#[test]
fn committed_offsets_decode_with_kafkas_schema() {
    // The hash matches Java's (values from Kafka's own partitioning of these ids).
    assert_eq!(java_hash("console-consumer-14897"), 158520050);
    assert_eq!(offsets_partition("console-consumer-89616"), 31);
    assert_eq!(offsets_partition("DEVSmileCDR"), 6);

    let group = "billing-service";
    let p = offsets_partition(group);
    // Another group in the same __consumer_offsets partition, to check records are told apart.
    let other = (0..100_000).map(|i| format!("other-{}", i)).find(|g| offsets_partition(g) == p).unwrap();
    eprintln!("group {} and {} -> __consumer_offsets-{}", group, other, p);

    let t = Klog::new();
    let start_ms = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64;
    t.ok(&["topic", "create", "t", "--partitions", "3"]);
    t.ok(&["topic", "create", "u"]);
    produce(&t, "t", &["-K", ":"], &(0..30).map(|i| format!("k{}:v{}", i, i)).collect::<Vec<_>>());
    produce(&t, "u", &[], &numbered("u", 0..2));
    t.ok(&["consume", "-G", group, "t", "--reset", "earliest", "-e"]);
    t.ok(&["group", "commit", &other, "--topic", "t", "-p", "1", "--offset", "2"]);
    produce(&t, "t", &["-K", ":"], &(30..40).map(|i| format!("k{}:v{}", i, i)).collect::<Vec<_>>());
    t.ok(&["consume", "-G", group, "t", "-e"]);
    t.ok(&["group", "commit", group, "--topic", "t", "-p", "0", "--offset", "1"]);
    t.ok(&["group", "commit", group, "--topic", "u", "-p", "0", "--offset", "2"]);
    t.ok(&["group", "delete-offsets", group, "--topic", "u"]);

    let recs = read_offsets_log(&t.data(), p);
    let end_ms = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64;
    let mut tombstones = 0;
    for r in &recs {
        match r {
            OffsetsRec::Commit { value: Some((_, epoch, meta, ts)), .. } => {
                assert_eq!(*epoch, -1);
                assert_eq!(meta, "");
                assert!(
                    (start_ms - 1000..=end_ms + 1000).contains(ts),
                    "commit timestamp {} not in this test's time",
                    ts
                );
            }
            OffsetsRec::Commit { value: None, .. } => tombstones += 1,
            OffsetsRec::Group { .. } => {}
        }
    }
    assert_eq!(tombstones, 1, "delete-offsets writes one tombstone");
    // Each of the two members joined and left: a GroupMetadata record after each rebalance.
    let metadata = recs.iter().filter(|r| matches!(r, OffsetsRec::Group { group: g, tombstone: false } if g == group));
    assert_eq!(metadata.count(), 4, "GroupMetadata after every join and leave");
    let mine = replay(&recs, group);
    assert_eq!(mine, committed(&t, group), "decoded offsets vs describe");
    assert_eq!(mine[&tp("t", 0)], 1);
    assert!(!mine.contains_key(&tp("u", 0)));
    let ends = log_ends(&t, "t", 3);
    assert_eq!(mine[&tp("t", 1)], ends[&1]);
    assert_eq!(mine[&tp("t", 2)], ends[&2]);
    assert_eq!(replay(&recs, &other), committed(&t, &other));
    assert_eq!(replay(&recs, &other), offsets(&[("t", 1, 2)]));
    // No other partition of __consumer_offsets holds anything.
    for q in (0..50).filter(|q| *q != p) {
        assert!(read_offsets_log(&t.data(), q).is_empty(), "__consumer_offsets-{} has records", q);
    }

    // klog dump shows the same records.
    let pdir = t.data().join(format!("__consumer_offsets-{}", p));
    let out = t.cmd(&["dump", "--records", pdir.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().filter(|l| l.starts_with("| offset: ")).count(), recs.len(), "{}", text);
    let out = t.ok(&["dump", "--offsets-decoder", pdir.to_str().unwrap()]);
    assert!(out.contains(&format!("offset_commit::group={},partition=t-0 payload: offset=1,", group)), "{}", out);
    assert!(out.contains(&format!("offset_commit::group={},partition=t-1 payload: offset=2,", other)), "{}", out);
    let joined = format!("group_metadata::group={} payload: protocolType=consumer,generation=1,protocol=range,", group);
    assert!(out.contains(&joined), "{}", out);
    let left = format!(
        "group_metadata::group={} payload: protocolType=consumer,generation=4,protocol=,leader=,members=[]",
        group
    );
    assert!(out.contains(&left), "{}", out);

    // Deleting the group writes tombstones for its offsets and its metadata.
    t.ok(&["group", "delete", group]);
    let recs = read_offsets_log(&t.data(), p);
    assert!(replay(&recs, group).is_empty());
    assert!(recs.iter().any(|r| matches!(r, OffsetsRec::Group { group: g, tombstone: true } if g == group)));
    assert_eq!(replay(&recs, &other), offsets(&[("t", 1, 2)]), "the other group is untouched");
    assert_eq!(committed(&t, &other), offsets(&[("t", 1, 2)]));
}

/// A group's offsets snapshot belongs to one `__consumer_offsets`: after that topic is deleted
/// and created again, offsets from the old one must not come back through the snapshot.
#[test]
fn offsets_snapshot_does_not_outlive_its_offsets_topic() {
    let t = Klog::new();
    for topic in ["t", "u"] {
        t.ok(&["topic", "create", topic]);
        t.ok_with(&["produce", topic], b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n");
    }
    t.ok(&["group", "commit", "g", "--topic", "t", "-p", "0", "--offset", "5"]);
    t.ok(&["group", "commit", "g", "--topic", "u", "-p", "0", "--offset", "7"]);
    // `topic delete` refuses internal topics; the offsets topic vanishes by hand instead.
    for e in std::fs::read_dir(t.data()).unwrap() {
        let p = e.unwrap().path();
        if p.file_name().unwrap().to_string_lossy().starts_with("__consumer_offsets-") {
            std::fs::remove_dir_all(&p).unwrap();
        }
    }
    std::fs::remove_file(t.data().join(".klog/topics/__consumer_offsets.json")).unwrap();
    t.ok(&["group", "commit", "g", "--topic", "t", "-p", "0", "--offset", "2"]);
    let out = t.ok(&["group", "describe", "g", "--json"]);
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    let committed: Vec<(String, i64)> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| !r["current_offset"].is_null())
        .map(|r| (r["topic"].as_str().unwrap().to_string(), r["current_offset"].as_i64().unwrap()))
        .collect();
    assert_eq!(committed, vec![("t".to_string(), 2)], "{}", out);
}
