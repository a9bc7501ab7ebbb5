//! `klog -b B consume --group G` against the real Kafka broker of `common::kafka` (issue 14):
//! Kafka's own group protocol (classic, and KIP-848 with `-X group.protocol=consumer`) with the
//! guarantees of a group member on a data directory. Two members share a topic's partitions
//! (disjoint, every record once, a rebalance replaying nothing thanks to the commit on revoke);
//! one is killed with SIGKILL and the other takes over after the session timeout, covering every
//! record; committed offsets, as Kafka's kafka-consumer-groups shows them, reach the log end; a
//! member stopped with SIGTERM commits what it wrote; a restarted member continues without a gap;
//! `--commit none` commits nothing; a failing `--exec` commits nothing from its record on and
//! passes its status through; `-e` and `-c` end; on a transactional topic the commits reach the
//! log end, past the transaction markers; a cooperative member resumes the partitions it keeps
//! across a rebalance exactly where it was. Records carry binary keys, values and headers,
//! and a member's `--json` and `--format` output is the plain consumer's, line for line.
//!
//! One broker serves every check (a broker start is the slow part); they run in sequence in one
//! test. Every wait is on a condition, bounded.

mod common;

use common::kafka::{self, klog_net, Broker};
use common::{wait_until, KillOnDrop};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

const CG: &str = "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand";
const LONG: Duration = Duration::from_secs(90);

/// Runs `klog -b B ARGS` to completion (bounded) with `input` on stdin and `env`.
fn net(b: &str, args: &[&str], input: &[u8], env: &[(&str, &Path)]) -> std::process::Output {
    kafka::net_env(b, args, input, env)
}

/// `klog -b B ARGS`, which must succeed; returns stdout, read lossily (`--format %h` writes
/// header values as they are, binary).
fn net_ok(b: &str, args: &[&str], input: &[u8]) -> String {
    String::from_utf8_lossy(&kafka::net_succeeds(b, args, input).stdout).into_owned()
}

/// A background `klog -b B consume --group ...`, its output in files; killed when dropped.
struct Member {
    child: KillOnDrop,
    out: PathBuf,
    err: PathBuf,
}

impl Member {
    fn start(dir: &Path, name: &str, b: &str, args: &[&str]) -> Member {
        let (out, err) = (dir.join(format!("{name}.out")), dir.join(format!("{name}.err")));
        let child = klog_net(b)
            .args(args)
            .stdin(Stdio::null())
            .stdout(fs::File::create(&out).unwrap())
            .stderr(fs::File::create(&err).unwrap())
            .process_group(0)
            .spawn()
            .unwrap();
        Member { child: KillOnDrop(child), out, err }
    }

    fn out(&self) -> String {
        String::from_utf8(fs::read(&self.out).unwrap()).unwrap()
    }

    fn err(&self) -> String {
        String::from_utf8_lossy(&fs::read(&self.err).unwrap()).into_owned()
    }

    /// The partitions of the last `assigned` line of -v (None before the first).
    fn assigned(&self) -> Option<BTreeSet<i32>> {
        let err = self.err();
        let last = err.lines().rev().find(|l| l.contains(": assigned ") || l.contains(": revoked "))?;
        if last.contains(": revoked ") {
            return None;
        }
        let list = last.split(": assigned ").nth(1).unwrap();
        Some(
            list.split(", ")
                .filter(|s| !s.is_empty())
                .map(|tp| tp.rsplit('-').next().unwrap().parse().unwrap())
                .collect(),
        )
    }

    /// The partitions held now, from every `assigned` and `revoked` line of -v in turn (an
    /// incremental rebalance, as KIP-848's, names only what changes).
    fn holding(&self) -> BTreeSet<i32> {
        let mut held = BTreeSet::new();
        for line in self.err().lines() {
            let (list, add) = match (line.split(": assigned ").nth(1), line.split(": revoked ").nth(1)) {
                (Some(l), _) => (l, true),
                (_, Some(l)) => (l, false),
                _ => continue,
            };
            for p in list.split(", ").filter(|s| !s.is_empty()) {
                let p: i32 = p.rsplit('-').next().unwrap().parse().unwrap();
                if add {
                    held.insert(p);
                } else {
                    held.remove(&p);
                }
            }
        }
        held
    }

    fn signal(&self, sig: i32) {
        // SAFETY: kill(2) on our own unreaped child.
        unsafe { libc::kill(self.child.0.id() as i32, sig) };
    }

    fn kill9(&mut self) {
        let _ = self.child.0.kill();
        let _ = self.child.0.wait();
    }

    fn wait_exit(&mut self, what: &str) -> i32 {
        let child = &mut self.child.0;
        let mut status = None;
        wait_until(what, LONG, || {
            status = child.try_wait().unwrap();
            status.is_some()
        });
        status.unwrap().code().unwrap_or(-1)
    }
}

fn b64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for c in bytes.chunks(3) {
        let n = (c[0] as u32) << 16 | (*c.get(1).unwrap_or(&0) as u32) << 8 | *c.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= c.len() {
                s.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

/// `klog produce --input json` lines for records `range`: binary keys, values (with a newline and
/// zero bytes) and headers, each value naming its number.
fn binary_records(range: std::ops::Range<u32>) -> String {
    range
        .map(|i| {
            let key = [0xfe, (i % 7) as u8, 0x00, 0xff];
            let mut value = vec![0x00, 0xff, b'\n'];
            value.extend_from_slice(format!("v{i}").as_bytes());
            format!(
                r#"{{"key_b64":"{}","value_b64":"{}","headers":[{{"key":"h","value_b64":"{}"}},{{"key":"n","value":null}}]}}"#,
                b64(&key),
                b64(&value),
                b64(&[0, 1, 0x80 | (i % 128) as u8])
            ) + "\n"
        })
        .collect()
}

/// `--json` lines by (partition, offset), with how often each (partition, offset) appeared.
fn by_position(json: &str) -> BTreeMap<(i64, i64), (String, usize)> {
    let mut m: BTreeMap<(i64, i64), (String, usize)> = BTreeMap::new();
    for l in json.lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"));
        let key = (v["partition"].as_i64().unwrap(), v["offset"].as_i64().unwrap());
        m.entry(key).or_insert_with(|| (l.to_string(), 0)).1 += 1;
    }
    m
}

/// kafka-consumer-groups --describe: (topic, partition) -> (committed offset, log-end offset),
/// for partitions with a committed offset.
fn committed(broker: &Broker, group: &str) -> BTreeMap<(String, i32), (i64, i64)> {
    let out =
        common::kafka::tool_output(CG, &["--bootstrap-server", &broker.bootstrap(), "--describe", "--group", group]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut m = BTreeMap::new();
    for l in text.lines() {
        let f: Vec<&str> = l.split_whitespace().collect();
        if f.len() >= 5 && f[0] == group {
            if let (Ok(p), Ok(cur), Ok(end)) = (f[2].parse::<i32>(), f[3].parse::<i64>(), f[4].parse::<i64>()) {
                m.insert((f[1].to_string(), p), (cur, end));
            }
        }
    }
    m
}

/// Waits until every partition of `topic` (of `n`) has a committed offset at its log end.
fn wait_committed_at_end(broker: &Broker, group: &str, topic: &str, n: i32, total: i64) {
    let mut last = BTreeMap::new();
    let ok = common::poll_until(LONG, Duration::from_millis(500), || {
        last = committed(broker, group);
        let rows: Vec<&(i64, i64)> = last.iter().filter(|((t, _), _)| t == topic).map(|(_, v)| v).collect();
        rows.len() == n as usize
            && rows.iter().all(|(c, e)| c == e)
            && rows.iter().map(|(_, e)| e).sum::<i64>() == total
    });
    assert!(ok, "group {group}: committed offsets of {topic} never reached the log end ({total} in all): {last:?}");
}

#[test]
fn group_members_on_a_real_kafka_cluster() {
    let broker = Broker::start();
    let b = broker.bootstrap();
    let b = b.as_str();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    net_ok(b, &["topic", "create", "t", "-P", "4"], b"");

    // Bad input: one line, no panic.
    let out = net(b, &["consume", "--group", "g", "-e"], b"", &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.starts_with("klog: error: ") && err.trim_end().lines().count() == 1, "{err}");
    let out = net(b, &["consume", "nosuch", "--group", "g", "-e"], b"", &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("'nosuch'") && err.trim_end().lines().count() == 1, "{err}");
    let out = net(b, &["consume", "t", "--group", "g", "-e", "--assignment", "sticky"], b"", &[]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));

    // 1. Member A alone reads a first batch; its auto-commit interval is too long to matter, so
    //    only the commit on revoke can tell B where A stopped.
    let member_args = |interval: &str| -> Vec<String> {
        ["consume", "t", "--group", "g1", "--reset", "earliest", "-f", "--json", "-v", "--session-timeout-ms", "6000"]
            .iter()
            .map(|s| s.to_string())
            .chain(["--auto-commit-interval-ms".to_string(), interval.to_string()])
            .collect()
    };
    let args_a = member_args("600000");
    let mut a = Member::start(dir, "a", b, &args_a.iter().map(String::as_str).collect::<Vec<_>>());
    wait_until("A assigned every partition", LONG, || a.assigned().is_some_and(|p| p.len() == 4));
    net_ok(b, &["produce", "t", "--input", "json"], binary_records(0..200).as_bytes());
    wait_until("A read the first 200 records", LONG, || a.out().lines().count() >= 200);

    // 2. Member B joins: the two share the partitions, disjoint, all four covered.
    let args_b = member_args("200");
    let mut b_member = Member::start(dir, "b", b, &args_b.iter().map(String::as_str).collect::<Vec<_>>());
    let mut shares = (BTreeSet::new(), BTreeSet::new());
    wait_until("A and B share the partitions", LONG, || match (a.assigned(), b_member.assigned()) {
        (Some(x), Some(y)) if !x.is_empty() && !y.is_empty() && x.len() + y.len() == 4 && x.is_disjoint(&y) => {
            shares = (x, y);
            true
        }
        _ => false,
    });
    assert_eq!(shares.0.union(&shares.1).count(), 4, "{shares:?}");
    net_ok(b, &["produce", "t", "--input", "json"], binary_records(200..400).as_bytes());
    wait_until("A and B read 400 records between them", LONG, || {
        a.out().lines().count() + b_member.out().lines().count() >= 400
    });
    let (oa, ob) = (by_position(&a.out()), by_position(&b_member.out()));
    // Each record once: the rebalance replayed nothing (A committed on revoke).
    for (pos, (line, n)) in oa.iter().chain(ob.iter()) {
        assert_eq!(*n, 1, "{pos:?} read {n} times by one member: {line}");
        assert!(!(oa.contains_key(pos) && ob.contains_key(pos)), "{pos:?} read by both members");
    }
    assert_eq!(oa.len() + ob.len(), 400);
    // After the rebalance, each member read only its own partitions.
    let plain = by_position(&net_ok(b, &["consume", "t", "-e", "--json"], b""));
    assert_eq!(plain.len(), 400);
    for (p, _) in ob.keys() {
        assert!(shares.1.contains(&(*p as i32)), "B read partition {p}, not one of its {:?}", shares.1);
    }
    // The group's JSON is the plain consumer's, byte for byte (binary keys, values, headers).
    for (pos, (line, _)) in oa.iter().chain(ob.iter()) {
        assert_eq!(&plain[pos].0, line, "{pos:?}");
    }

    // 3. kill -9 A; records keep coming; B takes over A's partitions after the session timeout.
    a.kill9();
    net_ok(b, &["produce", "t", "--input", "json"], binary_records(400..500).as_bytes());
    wait_until("B took over every partition", LONG, || b_member.assigned().is_some_and(|p| p.len() == 4));
    let seen = |x: &Member, y: &Member| {
        let mut s: BTreeSet<(i64, i64)> = by_position(&x.out()).keys().copied().collect();
        s.extend(by_position(&y.out()).keys().copied());
        s
    };
    wait_until("A and B together read all 500 records", LONG, || seen(&a, &b_member).len() == 500);
    let plain = by_position(&net_ok(b, &["consume", "t", "-e", "--json"], b""));
    assert_eq!(seen(&a, &b_member), plain.keys().copied().collect::<BTreeSet<_>>(), "at least once, every record");
    // B's auto commits reach the log end, as Kafka's own tool shows.
    wait_committed_at_end(&broker, "g1", "t", 4, 500);
    b_member.signal(libc::SIGTERM);
    assert_eq!(b_member.wait_exit("B to exit on SIGTERM"), 0, "{}", b_member.err());
    assert!(!b_member.err().contains("panicked"), "{}", b_member.err());

    // 4. A member stopped with SIGTERM commits what it wrote out (no periodic commit here), and a
    //    restarted member of the same group continues exactly there: no gap, nothing again.
    net_ok(b, &["produce", "t", "--input", "json"], binary_records(500..560).as_bytes());
    let args_c = member_args("600000");
    let mut c = Member::start(dir, "c", b, &args_c.iter().map(String::as_str).collect::<Vec<_>>());
    wait_until("C read the 60 new records", LONG, || c.out().lines().count() >= 60);
    c.signal(libc::SIGTERM);
    assert_eq!(c.wait_exit("C to exit on SIGTERM"), 0, "{}", c.err());
    let oc = by_position(&c.out());
    assert_eq!(oc.len(), 60, "only the records after the group's commit: {:?}", oc.keys());
    assert!(oc.values().all(|(_, n)| *n == 1), "C read a record twice");
    assert!(oc.keys().all(|k| !seen(&a, &b_member).contains(k)), "C read again what the group had committed");
    wait_committed_at_end(&broker, "g1", "t", 4, 560);
    net_ok(b, &["produce", "t", "--input", "json"], binary_records(560..575).as_bytes());
    let d = net_ok(b, &["consume", "t", "--group", "g1", "-e", "--json"], b"");
    let od = by_position(&d);
    let new: BTreeSet<(i64, i64)> = od.keys().copied().collect();
    let plain = by_position(&net_ok(b, &["consume", "t", "-e", "--json"], b""));
    let before: BTreeSet<(i64, i64)> = seen(&a, &b_member).union(&oc.keys().copied().collect()).copied().collect();
    let want: BTreeSet<(i64, i64)> = plain.keys().copied().filter(|k| !before.contains(k)).collect();
    assert_eq!(new, want, "the restarted member reads exactly the 15 new records");
    assert_eq!(new.len(), 15);
    wait_committed_at_end(&broker, "g1", "t", 4, 575);
    // Nothing new: -e exits at once with nothing.
    assert_eq!(net_ok(b, &["consume", "t", "--group", "g1", "-e"], b""), "");

    // 5. --commit none reads everything and commits nothing; --format is the plain consumer's.
    let fmt = ["--format", "%p %o %K %S %h\\n"];
    let none = net_ok(
        b,
        &[&["consume", "t", "--group", "gnone", "--reset", "earliest", "-e", "--commit", "none"][..], &fmt[..]]
            .concat(),
        b"",
    );
    let plain_fmt = net_ok(b, &[&["consume", "t", "-e"][..], &fmt[..]].concat(), b"");
    let sorted = |s: &str| {
        let mut v: Vec<String> = s.lines().map(str::to_string).collect();
        v.sort();
        v
    };
    assert_eq!(sorted(&none).len(), 575);
    assert_eq!(sorted(&none), sorted(&plain_fmt));
    assert!(committed(&broker, "gnone").is_empty(), "{:?}", committed(&broker, "gnone"));
    // The same reader, committing: the describe above could have shown offsets.
    net_ok(b, &["consume", "t", "--group", "gsome", "--reset", "earliest", "-e"], b"");
    wait_committed_at_end(&broker, "gsome", "t", 4, 575);

    // 6. -c: that many records, and what is committed covers exactly them.
    let five = net_ok(b, &["consume", "t", "--group", "gc", "--reset", "earliest", "-c", "5", "--json"], b"");
    assert_eq!(five.lines().count(), 5, "{five}");
    let gc = committed(&broker, "gc");
    assert_eq!(gc.values().map(|(c, _)| c).sum::<i64>(), 5, "{gc:?}");

    // -o for a member: every assigned partition starts there instead of its committed offset,
    // as a plain consumer's -o; --reset none without a committed offset is one error line.
    let tail_fmt = ["--format", "%p %o\\n"];
    let tail = net_ok(b, &[&["consume", "t", "--group", "gc", "-o", "-2", "-e"][..], &tail_fmt[..]].concat(), b"");
    let plain_tail = net_ok(b, &[&["consume", "t", "-o", "-2", "-e"][..], &tail_fmt[..]].concat(), b"");
    assert!(!tail.is_empty());
    assert_eq!(sorted(&tail), sorted(&plain_tail));
    let out = net(b, &["consume", "t", "--group", "gnew", "--reset", "none", "-e"], b"", &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.starts_with("klog: error: ") && err.trim_end().lines().count() == 1, "{err}");
    assert!(err.contains("has no committed offset and --reset is none"), "{err}");

    // 7. A failing --exec stops the member with its status and commits nothing from the failed
    //    record on; a second run delivers from that record.
    net_ok(b, &["topic", "create", "x"], b"");
    let lines: String = (0..10).map(|i| format!("r{i}\n")).collect();
    net_ok(b, &["produce", "x"], lines.as_bytes());
    let fail_at_r5 = r#"v=$(cat); if [ "$v" = r5 ]; then exit 7; fi; echo "$KLOG_OFFSET $v" >> "$OUT""#;
    let ok_all = r#"v=$(cat); echo "$KLOG_OFFSET $v" >> "$OUT""#;
    for (group, mode) in [("gm", "manual"), ("ga", "auto")] {
        let (out1, out2) = (dir.join(format!("{group}-1")), dir.join(format!("{group}-2")));
        let args = ["consume", "x", "--group", group, "--reset", "earliest", "-e", "--commit", mode, "--exec"];
        let o = net(b, &[&args[..], &[fail_at_r5]].concat(), b"", &[("OUT", &out1)]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(7), "{mode}: the member exits with the command's status: {err}");
        assert!(err.contains("--exec failed with status 7 at x-0 offset 5"), "{err}");
        let done = fs::read_to_string(&out1).unwrap();
        assert_eq!(done.lines().collect::<Vec<_>>(), (0..5).map(|i| format!("{i} r{i}")).collect::<Vec<_>>());
        assert_eq!(
            committed(&broker, group).get(&("x".to_string(), 0)).map(|c| c.0),
            Some(5),
            "{mode}: r5 not committed"
        );
        let o = net(
            b,
            &["consume", "x", "--group", group, "-e", "--commit", mode, "--exec", ok_all],
            b"",
            &[("OUT", &out2)],
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let again = fs::read_to_string(&out2).unwrap();
        assert_eq!(again.lines().collect::<Vec<_>>(), (5..10).map(|i| format!("{i} r{i}")).collect::<Vec<_>>());
        assert_eq!(committed(&broker, group).get(&("x".to_string(), 0)).map(|c| c.0), Some(10));
    }

    // Two cooperative-sticky members at once (incremental rebalances): between them every record
    // once, nothing replayed across the rebalances.
    let coop = ["consume", "t", "--group", "gcoop", "--reset", "earliest", "-e", "--json"];
    let coop = [&coop[..], &["--assignment", "cooperative-sticky", "--session-timeout-ms", "6000"]].concat();
    let mut m1 = Member::start(dir, "coop1", b, &coop);
    let mut m2 = Member::start(dir, "coop2", b, &coop);
    assert_eq!(m1.wait_exit("coop1 to end"), 0, "{}", m1.err());
    assert_eq!(m2.wait_exit("coop2 to end"), 0, "{}", m2.err());
    let (c1, c2) = (by_position(&m1.out()), by_position(&m2.out()));
    let mut union: BTreeSet<(i64, i64)> = c1.keys().copied().collect();
    union.extend(c2.keys().copied());
    assert_eq!(union.len(), 575, "every record");
    assert_eq!(m1.out().lines().count() + m2.out().lines().count(), 575, "nothing read twice");
    wait_committed_at_end(&broker, "gcoop", "t", 4, 575);

    // 8. KIP-848 (group.protocol=consumer, Kafka 4): the broker assigns; a round trip.
    let kip = ["-X", "group.protocol=consumer"];
    let got = net_ok(
        b,
        &[&kip[..], &["consume", "t", "--group", "g848", "--reset", "earliest", "-e", "--json"]].concat(),
        b"",
    );
    let got = by_position(&got);
    assert_eq!(got.len(), 575);
    assert!(got.values().all(|(_, n)| *n == 1));
    wait_committed_at_end(&broker, "g848", "t", 4, 575);
    net_ok(b, &["produce", "t", "--input", "json"], binary_records(575..580).as_bytes());
    let more = net_ok(b, &[&kip[..], &["consume", "t", "--group", "g848", "-e", "--json"]].concat(), b"");
    assert_eq!(more.lines().count(), 5, "{more}");

    // 9. Two KIP-848 members share the partitions; one is killed with SIGKILL and the other
    //    takes its partitions over once the broker's session timeout (6 s on this broker:
    //    group.consumer.session.timeout.ms) expires it. Every record is read, at least once.
    let follow =
        [&kip[..], &["consume", "t", "--group", "g848b", "--reset", "earliest", "-f", "--json", "-v"]].concat();
    let mut k1 = Member::start(dir, "kip1", b, &follow);
    let mut k2 = Member::start(dir, "kip2", b, &follow);
    wait_until("the two KIP-848 members share the partitions", LONG, || {
        let (x, y) = (k1.holding(), k2.holding());
        !x.is_empty() && !y.is_empty() && x.len() + y.len() == 4 && x.is_disjoint(&y)
    });
    let seen = |x: &Member, y: &Member| {
        let mut s: BTreeSet<(i64, i64)> = by_position(&x.out()).keys().copied().collect();
        s.extend(by_position(&y.out()).keys().copied());
        s
    };
    wait_until("the two read the 580 records", LONG, || seen(&k1, &k2).len() == 580);
    k1.kill9();
    net_ok(b, &["produce", "t", "--input", "json"], binary_records(580..640).as_bytes());
    wait_until("the survivor holds every partition", LONG, || k2.holding().len() == 4);
    wait_until("the two read all 640 records", LONG, || seen(&k1, &k2).len() == 640);
    let plain = by_position(&net_ok(b, &["consume", "t", "-e", "--json"], b""));
    assert_eq!(seen(&k1, &k2), plain.keys().copied().collect::<BTreeSet<_>>(), "at least once, every record");
    wait_committed_at_end(&broker, "g848b", "t", 4, 640);
    k2.signal(libc::SIGTERM);
    assert_eq!(k2.wait_exit("the KIP-848 survivor to exit on SIGTERM"), 0, "{}", k2.err());
    assert!(!k2.err().contains("panicked"), "{}", k2.err());

    // 10. A transactional topic (klog mirror writes it in transactions, whose commit markers
    //     take offsets): a member with -e under read_committed reads every record once and
    //     commits each partition's log end, past the markers; the next member reads nothing.
    let src = dir.join("src");
    let src_s = src.to_str().unwrap();
    common::ok(&["--data-dir", src_s, "topic", "create", "tx", "-P", "2"], b"");
    for p in ["0", "1"] {
        let lines: String = (0..150).map(|i| format!("p{p}-{i}\n")).collect();
        common::ok(&["--data-dir", src_s, "produce", "tx", "-p", p], lines.as_bytes());
    }
    common::ok(&["mirror", "tx", "--from", src_s, "--to", &format!("kafka://{b}")], b"");
    let tx = ["consume", "tx", "--group", "gtx", "--reset", "earliest", "-e", "--isolation", "read_committed"];
    let got = net_ok(b, &tx, b"");
    let mut lines: Vec<&str> = got.lines().collect();
    lines.sort();
    let mut want: Vec<String> = ["0", "1"].iter().flat_map(|p| (0..150).map(move |i| format!("p{p}-{i}"))).collect();
    want.sort();
    assert_eq!(lines, want);
    let c = committed(&broker, "gtx");
    let rows: Vec<(i64, i64)> = c.iter().filter(|((t, _), _)| t == "tx").map(|(_, v)| *v).collect();
    assert_eq!(rows.len(), 2, "{c:?}");
    assert!(
        rows.iter().all(|(cur, end)| cur == end && *end > 150),
        "committed at each log end, past the commit markers: {c:?}"
    );
    assert_eq!(net_ok(b, &tx, b""), "", "the group's commits cover every record");

    // 11. A cooperative member that has read to the end of its partitions keeps some of them
    //     across a second member's join. The incremental rebalance pauses and resumes them, and
    //     it resumes exactly where it was: the records produced around the join are read once
    //     between the two, none skipped, none twice. (librdkafka resumes a paused partition at
    //     the application's position, which its batch API moved one past a partition end.)
    net_ok(b, &["topic", "create", "tc", "-P", "4"], b"");
    net_ok(b, &["produce", "tc", "--input", "json"], binary_records(0..100).as_bytes());
    let follow = ["consume", "tc", "--group", "gcf", "--reset", "earliest", "-f", "--json", "-v"];
    let follow = [&follow[..], &["--assignment", "cooperative-sticky", "--session-timeout-ms", "6000"]].concat();
    let mut f1 = Member::start(dir, "coopf1", b, &follow);
    wait_until("the first member read the 100 records", LONG, || f1.out().lines().count() == 100);
    // Its partitions' ends came right after their last records.
    std::thread::sleep(Duration::from_millis(500));
    let mut f2 = Member::start(dir, "coopf2", b, &follow);
    net_ok(b, &["produce", "tc", "--input", "json"], binary_records(100..160).as_bytes());
    wait_until("the two members share the partitions", LONG, || {
        let (x, y) = (f1.holding(), f2.holding());
        !x.is_empty() && !y.is_empty() && x.len() + y.len() == 4 && x.is_disjoint(&y)
    });
    net_ok(b, &["produce", "tc", "--input", "json"], binary_records(160..200).as_bytes());
    let seen = |x: &Member, y: &Member| {
        let mut s: BTreeSet<(i64, i64)> = by_position(&x.out()).keys().copied().collect();
        s.extend(by_position(&y.out()).keys().copied());
        s
    };
    let all = by_position(&net_ok(b, &["consume", "tc", "-e", "--json"], b""));
    assert_eq!(all.len(), 200);
    let all: BTreeSet<(i64, i64)> = all.keys().copied().collect();
    wait_until("the two read the 200 records", LONG, || seen(&f1, &f2) == all);
    // Both stay a moment longer: nothing comes twice.
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(f1.out().lines().count() + f2.out().lines().count(), 200, "a record read twice");
    for m in [&mut f1, &mut f2] {
        m.signal(libc::SIGTERM);
        assert_eq!(m.wait_exit("a cooperative member to exit on SIGTERM"), 0, "{}", m.err());
    }
}
