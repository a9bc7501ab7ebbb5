//! The controller through the real binary on temporary directories: candidates SIGKILLed over
//! and over (one controller at a time, strictly increasing controller epochs, takeover time
//! measured), leadership moving off a failed broker while acks=all production continues, a
//! stopped broker agent, unclean election with and without the topic allowing it, `controller
//! elect` against a running controller, a torn change-log tail, and reassignment with Kafka's
//! JSON plans (generate, execute, verify, bad plans).
//!
//! Every spawned process is killed when its guard drops, and every wait is bounded.

mod common;

use common::cluster::{lines, names, Cluster};
use common::{fails, ok, run, spawn, wait_until, KillOnDrop};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

#[test]
fn sigkilled_controllers_are_replaced_within_a_second() {
    let c = Cluster::new(1);
    let mut procs: Vec<KillOnDrop> = (0..3).map(|i| c.controller(&format!("c{}", i))).collect();
    wait_until("a first controller", Duration::from_secs(20), || c.controller_active());
    wait_until("the first election's change line", Duration::from_secs(10), || {
        c.store().changes().unwrap().iter().any(|ch| ch.kind == "controller-elected")
    });
    let kills = 50;
    let mut times = Vec::new();
    for round in 0..kills {
        let snap = c.snapshot();
        let info = snap.controller.clone().unwrap();
        let idx = procs.iter().position(|p| p.0.id() == info.pid).expect("the controller is one of the candidates");
        let mut victim = procs.remove(idx);
        victim.0.kill().unwrap();
        let killed = Instant::now();
        victim.0.wait().unwrap();
        wait_until("a takeover", Duration::from_secs(10), || {
            let s = c.snapshot();
            s.controller_epoch > snap.controller_epoch && s.controller.as_ref().is_some_and(|x| x.pid != info.pid)
        });
        times.push(killed.elapsed());
        // The snapshot goes first, the change line after it: wait for the line too before the
        // next kill, so the log holds every election.
        let want = snap.controller_epoch.next().unwrap();
        wait_until("the election's change line", Duration::from_secs(10), || {
            c.store()
                .changes()
                .unwrap()
                .iter()
                .any(|ch| ch.kind == "controller-elected" && ch.controller_epoch == Some(want))
        });
        let now = c.snapshot().controller.unwrap();
        assert_eq!(now.epoch, snap.controller_epoch.next().unwrap(), "round {}: one election per death", round);
        assert!(procs.iter().any(|p| p.0.id() == now.pid), "round {}: the new controller is a live candidate", round);
        // Keep three candidates.
        procs.push(c.controller(&format!("r{}", round)));
    }
    let mut sorted = times.clone();
    sorted.sort();
    let max = *sorted.last().unwrap();
    println!(
        "takeover after SIGKILL over {} kills: min {:?}, median {:?}, max {:?}",
        kills,
        sorted[0],
        sorted[sorted.len() / 2],
        max
    );
    assert!(max < Duration::from_secs(1), "takeover took {:?}", max);
    // The change log: controller epochs strictly increasing, one pid per epoch.
    let changes = c.store().changes().unwrap();
    let elected: Vec<(i32, u64)> = changes
        .iter()
        .filter(|ch| ch.kind == "controller-elected")
        .map(|ch| (ch.controller_epoch.unwrap().0, ch.detail["pid"].as_u64().unwrap()))
        .collect();
    assert_eq!(elected.len(), kills + 1);
    for w in elected.windows(2) {
        assert_eq!(w[1].0, w[0].0 + 1, "controller epochs strictly increasing: {:?}", elected);
    }
    let mut pid_of = std::collections::BTreeMap::new();
    for ch in &changes {
        if let Some(e) = ch.controller_epoch {
            if ch.kind == "controller-elected" {
                assert!(pid_of.insert(e, ch.detail["pid"].as_u64().unwrap()).is_none(), "epoch {} elected twice", e);
            } else {
                assert!(pid_of.contains_key(&e), "a change under epoch {} that no controller was elected at", e);
            }
        }
    }
    let s = c.ok(&["controller", "status", "--json"], b"");
    let v: serde_json::Value = serde_json::from_str(&s).unwrap();
    assert_eq!(v["active"], true);
    assert_eq!(v["controller_epoch"], kills as i64 + 1);
}

#[test]
fn a_failed_leader_is_replaced_and_acks_all_continues() {
    let c = Cluster::new(3);
    c.ok(&["topic", "create", "t", "-P", "1", "--replication-factor", "3", "-c", "min.insync.replicas=2"], b"");
    c.ok(&["produce", "t", "-p", "0", "--acks", "all"], &lines(0, 100));
    let _ctl = c.controller("ctl");
    wait_until("the controller", Duration::from_secs(20), || c.controller_active());
    c.away(0);
    let took =
        wait_until("a new leader", Duration::from_secs(5), || c.snapshot().topics["t"].partitions[0].leader != 0);
    println!("leadership moved {:?} after the leader's directory went away", took);
    assert!(took < Duration::from_secs(1), "failure detection took {:?}", took);
    let ps = c.snapshot().topics["t"].partitions[0].clone();
    assert_eq!((ps.leader, ps.leader_epoch.0, ps.isr.clone()), (1, 1, vec![1, 2]));
    let change = c.store().changes().unwrap().into_iter().rfind(|ch| ch.kind == "leader-change").unwrap();
    assert_eq!(change.controller_epoch, Some(c.snapshot().controller_epoch));
    let st = c.ok(&["controller", "status"], b"");
    assert!(st.contains("failed: broker 0") && st.contains("UnderReplicatedPartitions: t-0"), "{st}");
    // acks=all continues on the new leader with ISR {1,2}.
    c.ok(&["produce", "t", "-p", "0", "--acks", "all"], &lines(100, 150));
    assert_eq!(c.consume("t", 0), names(0, 150));
    // Broker 0 comes back as a follower, catches up and rejoins the ISR; the preferred leader
    // election moves leadership back to it.
    c.back(0);
    ok(&["replicate", "--from", &c.bs(1), "--to", &c.bs(0)], b"");
    assert_eq!(c.snapshot().topics["t"].partitions[0].isr, vec![0, 1, 2]);
    let out = c.ok(&["leader-election", "--type", "preferred", "--all"], b"");
    assert!(out.contains("t-0: leader-change: leader 1 -> 0 at leader epoch 2"), "{out}");
    c.ok(&["produce", "t", "-p", "0", "--acks", "all"], &lines(150, 160));
    assert_eq!(c.consume("t", 0), names(0, 160));
    let out = c.ok(&["leader-election", "--type", "preferred", "--topic", "t", "--partition", "0"], b"");
    assert!(out.contains("not-needed"), "{out}");
}

#[test]
fn a_stopped_broker_agent_fails_its_broker() {
    let c = Cluster::new(3);
    // Partition 1 is led by broker 1.
    c.ok(&["topic", "create", "t", "-P", "2", "--replication-factor", "3"], b"");
    let agent =
        spawn(&["--data-dir", &c.bs(1), "--meta", &c.m, "broker", "run"], Some(&c.dir.path().join("agent.out")), None);
    let lock = c.b(1).join(".klog").join("locks").join("broker.lock");
    wait_until("the agent", Duration::from_secs(20), || klog::lock::is_held(&lock).unwrap_or(false));
    let _ctl = c.controller("ctl");
    wait_until("the controller", Duration::from_secs(20), || c.controller_active());
    // Idle on purpose: while the agent runs, the controller leaves broker 1 alone.
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(c.snapshot().topics["t"].partitions[1].leader, 1);
    drop(agent);
    let took =
        wait_until("a new leader", Duration::from_secs(5), || c.snapshot().topics["t"].partitions[1].leader != 1);
    println!("leadership moved {:?} after the agent died", took);
    let ps = c.snapshot().topics["t"].partitions[1].clone();
    assert_eq!((ps.leader, ps.isr), (2, vec![2, 0]));
}

#[test]
fn an_agent_that_died_fails_its_broker_for_every_controller_and_a_clean_stop_does_not() {
    let c = Cluster::new(3);
    c.ok(&["topic", "create", "t", "-P", "3", "--replication-factor", "3"], b"");
    let lock = |b: i32| c.b(b).join(".klog").join("locks").join("broker.lock");
    let registered = |b: i32| c.snapshot().brokers[&b].agent;
    let mut agents: Vec<KillOnDrop> = (1..3)
        .map(|b| {
            spawn(&["--data-dir", &c.bs(b), "broker", "run"], Some(&c.dir.path().join(format!("agent{}.out", b))), None)
        })
        .collect();
    wait_until("both agents registered", Duration::from_secs(20), || {
        (1..3).all(|b| registered(b) && klog::lock::is_held(&lock(b)).unwrap_or(false))
    });
    // Agent 2 stops cleanly (SIGTERM): it unregisters and broker 2 stays a live broker.
    // SAFETY: kill(2) on our own child's pid touches no memory.
    unsafe { libc::kill(agents[1].0.id() as i32, libc::SIGTERM) };
    assert!(agents[1].0.wait().unwrap().success());
    assert!(!registered(2));
    // Agent 1 is SIGKILLed while no controller runs: it stays registered, its lock is free.
    let _ = agents[0].0.kill();
    let _ = agents[0].0.wait();
    assert!(registered(1));
    // A controller started afterwards, which never saw the agent, still fails broker 1.
    let _ctl = c.controller("ctl");
    wait_until("leadership off broker 1", Duration::from_secs(10), || {
        c.snapshot().topics["t"].partitions.iter().all(|p| p.leader != 1 && !p.isr.contains(&1))
    });
    let st = c.ok(&["controller", "status", "--json"], b"");
    assert!(st.contains("agent stopped"), "{}", st);
    assert!(c.snapshot().topics["t"].partitions.iter().any(|p| p.leader == 2), "broker 2 is live and leads");
    // A new agent for broker 1 makes it live again (and catches it up).
    let _again = spawn(&["--data-dir", &c.bs(1), "broker", "run"], Some(&c.dir.path().join("agent1b.out")), None);
    wait_until("broker 1 back in every ISR", Duration::from_secs(10), || {
        c.snapshot().topics["t"].partitions.iter().all(|p| p.isr.contains(&1))
    });
    // Running `init` again for broker 1 keeps its running agent's registration.
    wait_until("the new agent registered", Duration::from_secs(10), || registered(1));
    ok(&["--data-dir", &c.bs(1), "--meta", &c.m, "init", "--broker-id", "1"], b"");
    assert!(registered(1));
}

#[test]
fn unclean_election_only_where_the_topic_allows_it() {
    let c = Cluster::new(3);
    c.ok(&["topic", "create", "safe", "--replication-factor", "3"], b"");
    c.ok(&["topic", "create", "risky", "--replication-factor", "3", "-c", "unclean.leader.election.enable=true"], b"");
    for t in ["safe", "risky"] {
        c.ok(&["produce", t, "-p", "0", "--acks", "all"], &lines(0, 10));
    }
    // The followers go away; the leader writes 10 more records alone (ISR shrinks to {0}).
    c.away(1);
    c.away(2);
    for t in ["safe", "risky"] {
        c.ok(&["produce", t, "-p", "0", "--acks", "all"], &lines(10, 20));
        assert_eq!(c.snapshot().topics[t].partitions[0].isr, vec![0]);
    }
    c.back(1);
    c.back(2);
    c.away(0);
    let out = c.ok(&["controller", "elect"], b"");
    assert!(out.contains("safe-0: offline: leader 0 -> -1"), "{out}");
    assert!(out.contains("risky-0: unclean-leader-change: leader 0 -> 1"), "{out}");
    // Replica 0 held 10..19 but cannot be read: no made-up range like "10..10" (issue 10).
    assert!(out.contains("DATA LOSS: whatever unreadable replicas 0 held from offset 10 on is lost"), "{out}");
    assert!(!out.contains("offsets 10..10"), "{out}");
    let snap = c.snapshot();
    assert_eq!(snap.topics["safe"].partitions[0].leader, -1);
    assert_eq!(snap.topics["risky"].partitions[0].isr, vec![1]);
    assert_eq!(c.consume("risky", 0), names(0, 10), "the unclean leader lacked 10..20");
    let st = c.ok(&["controller", "status"], b"");
    assert!(st.contains("OfflinePartitions: safe-0\n"), "{st}");
    // The offline partition, with no live replica in its ISR: nothing to elect cleanly.
    let again = c.ok(&["controller", "elect"], b"");
    assert!(!again.contains("safe-0"), "{again}");
    // Its in-sync replica comes back: it leads again and nothing was lost.
    c.back(0);
    let out = c.ok(&["controller", "elect", "--json"], b"");
    assert!(out.contains("\"kind\":\"leader-change\""), "{out}");
    assert_eq!(c.snapshot().topics["safe"].partitions[0].leader, 0);
    assert_eq!(c.consume("safe", 0), names(0, 20));
    // The old leader of risky-0 returns: its truncation reports the true loss, 10..19.
    let rep = ok(&["--meta", &c.m, "replicate", "--from", &c.bs(1), "--to", &c.bs(0), "--topic", "risky"], b"");
    assert!(rep.contains("truncated from 20 to 10 (diverged: offsets 10..19, 10 record(s)"), "{rep}");
    // An unclean election on a partition with no live replica fails and changes nothing.
    c.away(0);
    c.away(1);
    c.away(2);
    let before = c.snapshot();
    // The per-partition report is on stdout; stderr stays empty.
    let out = c.exits(&["leader-election", "--type", "unclean", "--topic", "safe", "--partition", "0"], b"", 1);
    assert!(out.is_empty(), "{out}");
    let o = run(&c.args(&["leader-election", "--type", "unclean", "--topic", "safe", "--partition", "0"]), b"");
    assert!(String::from_utf8_lossy(&o.stdout).contains("no live replica"));
    assert_eq!(c.snapshot().topics["safe"], before.topics["safe"]);
    let e = c.fails(&["leader-election", "--type", "unclean", "--topic", "nope", "--partition", "0"], b"", 1);
    assert!(e.contains("topic 'nope'"), "{e}");
    c.fails(&["leader-election", "--type", "preferred"], b"", 2);
}

#[test]
fn controller_elect_refuses_while_a_controller_runs() {
    let c = Cluster::new(1);
    let ctl = c.controller("ctl");
    wait_until("the controller", Duration::from_secs(20), || c.controller_active());
    let e = c.fails(&["controller", "elect"], b"", 3);
    assert!(e.contains("a controller is running") && e.contains(&format!("pid {}", ctl.0.id())), "{e}");
    let st = c.ok(&["controller", "status"], b"");
    assert!(st.contains(&format!("Controller: pid {}", ctl.0.id())) && st.contains("ControllerEpoch: 1"), "{st}");
    drop(ctl);
    let out = c.ok(&["controller", "elect", "--broker-id", "0"], b"");
    assert!(out.contains("elected at controller epoch 2"), "{out}");
    let st = c.ok(&["controller", "status"], b"");
    assert!(st.contains("none running"), "{st}");
}

#[test]
fn a_torn_change_log_tail_leaves_the_store_readable() {
    let c = Cluster::new(2);
    c.ok(&["topic", "create", "t", "--replication-factor", "2"], b"");
    let log = Path::new(&c.m).join(".klog-meta").join("changes.log");
    let mut bytes = std::fs::read(&log).unwrap();
    let whole = c.store().changes().unwrap().len();
    bytes.extend_from_slice(b"deadbeef {\"version\": 9, \"ki");
    std::fs::write(&log, &bytes).unwrap();
    assert_eq!(c.store().changes().unwrap().len(), whole);
    c.ok(&["controller", "status"], b"");
    c.ok(&["controller", "elect"], b"");
    c.ok(&["topic", "describe", "t"], b"");
    // The next change cut the torn tail and starts on its own line.
    let changes = c.store().changes().unwrap();
    assert_eq!(changes.len(), whole + 1);
    assert_eq!(changes[whole].kind, "controller-elected");
    assert_eq!(c.snapshot().controller_epoch, klog::ControllerEpoch(1));
    // A bad line before the last is corruption: reported with the file, not hidden.
    let mut bytes = std::fs::read(&log).unwrap();
    bytes.splice(0..1, b"X".iter().copied());
    std::fs::write(&log, &bytes).unwrap();
    let err = c.store().changes().unwrap_err();
    assert!(err.to_string().contains("CRC"), "{err}");
    // The snapshot, which is authoritative, is still readable and the store still works.
    c.ok(&["controller", "status"], b"");
}

#[test]
fn reassignment_moves_replicas_and_keeps_every_record() {
    let c = Cluster::new(4);
    c.ok(&["topic", "create", "t", "-P", "2", "--replica-assignment", "0:1,1:0"], b"");
    c.ok(&["produce", "t", "-p", "0", "--acks", "all"], &lines(0, 50));
    let dir = c.dir.path();
    std::fs::write(dir.join("topics.json"), r#"{"version":1,"topics":[{"topic":"t"}]}"#).unwrap();
    let topics = dir.join("topics.json").to_string_lossy().into_owned();
    let g = c.ok(&["reassign", "--generate", "--topics-to-move-json-file", &topics, "--broker-list", "2,3"], b"");
    assert!(g.contains(r#"{"topic":"t","partition":0,"replicas":[0,1]}"#), "{g}");
    let proposed = g.lines().last().unwrap();
    assert!(proposed.contains(r#"{"topic":"t","partition":0,"replicas":[2,3]}"#), "{g}");
    let plan = dir.join("plan.json");
    std::fs::write(&plan, proposed).unwrap();
    let plan = plan.to_string_lossy().into_owned();
    // The per-partition report is on stdout; stderr stays empty.
    let v = c.exits(&["reassign", "--verify", "--reassignment-json-file", &plan], b"", 1);
    assert!(v.is_empty(), "{v}");
    let out = c.ok(&["reassign", "--execute", "--reassignment-json-file", &plan], b"");
    assert!(out.contains("Reassignment of partition t-0 is complete."), "{out}");
    let out = c.ok(&["reassign", "--verify", "--reassignment-json-file", &plan], b"");
    assert_eq!(out.matches("is complete.").count(), 2, "{out}");
    let ps = c.snapshot().topics["t"].partitions[0].clone();
    assert_eq!((ps.replicas.clone(), ps.leader, ps.leader_epoch.0, ps.isr), (vec![2, 3], 2, 1, vec![2, 3]));
    // The replicas that left deleted their copies, checkpoint entries included.
    for b in [0, 1] {
        for p in 0..2 {
            assert!(!c.b(b).join(format!("t-{}", p)).exists(), "broker {} still holds t-{}", b, p);
        }
        let names: Vec<String> = std::fs::read_dir(c.b(b))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert!(!names.iter().any(|n| n.ends_with("-delete")), "{:?}", names);
        let hw = std::fs::read_to_string(c.b(b).join("replication-offset-checkpoint")).unwrap();
        assert!(!hw.lines().any(|l| l.starts_with("t ")), "{}", hw);
    }
    assert_eq!(c.consume("t", 0), names(0, 50), "the new leader has every record");
    c.ok(&["produce", "t", "-p", "0", "--acks", "all"], &lines(50, 60));
    assert_eq!(c.consume("t", 0), names(0, 60));
    // Plans naming unknown brokers or partitions, or malformed, change nothing.
    let before = c.snapshot();
    for (name, text) in [
        ("b1.json", r#"{"version":1,"partitions":[{"topic":"t","partition":0,"replicas":[9]}]}"#),
        ("b2.json", r#"{"version":1,"partitions":[{"topic":"t","partition":7,"replicas":[0]}]}"#),
        ("b3.json", r#"{"version":1,"partitions":[{"topic":"t","partition":0,"replicas":[0,0]}]}"#),
        ("b4.json", r#"{"version":1,"partitions":[{"topic":"t","partition":0"#),
    ] {
        let f = dir.join(name);
        std::fs::write(&f, text).unwrap();
        let e = c.fails(&["reassign", "--execute", "--reassignment-json-file", &f.to_string_lossy()], b"", 1);
        assert!(e.starts_with("klog: error: ") && e.trim_end().lines().count() == 1, "{e}");
    }
    assert_eq!(c.snapshot(), before);
}

#[test]
fn continuous_acks_all_production_survives_two_failures_and_returns() {
    let c = std::sync::Arc::new(Cluster::new(3));
    c.ok(&["topic", "create", "t", "-P", "1", "--replication-factor", "3"], b"");
    let _ctl = c.controller("ctl");
    wait_until("the controller", Duration::from_secs(20), || c.controller_active());
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    // Brokers fail while produces are running: a produce caught by the failure is simply not
    // acknowledged (it exits non-zero), and must not disturb the ISR of the healthy replicas.
    let acked = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let producer = {
        let (c, stop, acked) = (c.clone(), stop.clone(), acked.clone());
        std::thread::spawn(move || {
            let mut i = 0;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) && i < 2000 {
                let out = run(&c.args(&["produce", "t", "-p", "0", "--acks", "all"]), &lines(i, i + 5));
                if out.status.success() {
                    acked.lock().unwrap().extend(names(i, i + 5));
                }
                i += 5;
            }
        })
    };
    // Production goes on: ten more records acknowledged than now.
    let ten_more = |what: &str| {
        let n = acked.lock().unwrap().len();
        wait_until(what, Duration::from_secs(30), || acked.lock().unwrap().len() >= n + 10);
    };
    let leader = || c.snapshot().topics["t"].partitions[0].leader;
    let fail = |b: i32, next: i32| {
        ten_more("acknowledged produces before the failure");
        c.away(b);
        let took = wait_until("a new leader", Duration::from_secs(5), || leader() == next);
        println!("broker {} failed: broker {} leads after {:?}", b, next, took);
    };
    fail(0, 1);
    fail(1, 2);
    ten_more("acknowledged produces on the last leader");
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    producer.join().unwrap();
    let acked = acked.lock().unwrap().clone();
    assert!(acked.len() >= 30, "production continued: {} acknowledged", acked.len());
    // Both come back as followers of broker 2, truncate to their divergence points, catch up.
    c.back(0);
    c.back(1);
    for i in [0, 1] {
        ok(&["replicate", "--from", &c.bs(2), "--to", &c.bs(i)], b"");
    }
    let ps = c.snapshot().topics["t"].partitions[0].clone();
    assert_eq!((ps.leader, ps.leader_epoch.0), (2, 2));
    let mut isr = ps.isr.clone();
    isr.sort();
    assert_eq!(isr, vec![0, 1, 2]);
    let got = c.consume("t", 0);
    let got_set: std::collections::BTreeSet<&String> = got.iter().collect();
    assert_eq!(got_set.len(), got.len(), "no record twice");
    for r in &acked {
        assert!(got_set.contains(r), "acknowledged record {} lost", r);
    }
    // The history of leaders and epochs is the same on every replica.
    let epochs = |i: i32| std::fs::read_to_string(c.b(i).join("t-0").join("leader-epoch-checkpoint")).unwrap();
    assert_eq!(epochs(0), epochs(2));
    assert_eq!(epochs(1), epochs(2));
    println!("{} records acknowledged across two leader failures; epochs:\n{}", acked.len(), epochs(2));
}

/// A group member of the cluster: its stdout (`partition value` lines) and stderr go to files.
fn member(c: &Cluster, name: &str) -> (KillOnDrop, PathBuf) {
    let out = c.dir.path().join(format!("{}.out", name));
    let err = c.dir.path().join(format!("{}.err", name));
    let nodata = c.dir.path().join("no-data-dir").to_string_lossy().into_owned();
    let args = c.args(&["--data-dir", &nodata, "consume", "--group", "g", "t", "-f", "--format", "%p %s\\n"]);
    let args = [args, vec!["--auto-commit-interval-ms", "200", "-v"]].concat();
    (spawn(&args, Some(&out), Some(&err)), out)
}

/// Every `partition value` line the members wrote, in order per file.
fn consumed(files: &[PathBuf]) -> Vec<String> {
    files
        .iter()
        .flat_map(|f| std::fs::read_to_string(f).unwrap_or_default().lines().map(str::to_string).collect::<Vec<_>>())
        .filter_map(|l| l.split_once(' ').map(|(_, v)| v.to_string()))
        .collect()
}

#[test]
fn group_consumption_follows_leaders_through_two_failures_and_returns() {
    let c = std::sync::Arc::new(Cluster::new(3));
    c.ok(&["topic", "create", "t", "-P", "2", "--replication-factor", "3"], b"");
    let _ctl = c.controller("ctl");
    wait_until("the controller", Duration::from_secs(20), || c.controller_active());
    let (mut a, a_out) = member(&c, "a");
    let (_b, b_out) = member(&c, "b");
    let outs = vec![a_out.clone(), b_out.clone()];
    // Both members own a partition before production starts.
    wait_until("both members assigned", Duration::from_secs(20), || {
        let s =
            std::fs::read_to_string(Path::new(&c.m).join("coordinator/.klog/groups/g/state.json")).unwrap_or_default();
        let v: serde_json::Value = serde_json::from_str(&s).unwrap_or_default();
        v["assignment"]
            .as_object()
            .is_some_and(|m| m.len() == 2 && m.values().all(|p| p.as_array().is_some_and(|x| x.len() == 1)))
    });
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let acked = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let producer = {
        let (c, stop, acked) = (c.clone(), stop.clone(), acked.clone());
        std::thread::spawn(move || {
            let mut i = 0;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) && i < 4000 {
                let p = ((i / 5) % 2).to_string();
                let out = run(&c.args(&["produce", "t", "-p", &p, "--acks", "all"]), &lines(i, i + 5));
                if out.status.success() {
                    acked.lock().unwrap().extend(names(i, i + 5));
                }
                i += 5;
            }
        })
    };
    let acked_now = || acked.lock().unwrap().clone();
    // Production goes on: `k` more records acknowledged than now.
    let more = |k: usize, what: &str| {
        let n = acked.lock().unwrap().len();
        wait_until(what, Duration::from_secs(30), || acked.lock().unwrap().len() >= n + k);
    };
    let all_consumed = |files: &[PathBuf], want: &[String]| {
        let got: std::collections::BTreeSet<String> = consumed(files).into_iter().collect();
        want.iter().all(|r| got.contains(r))
    };
    let leaders = || c.snapshot().topics["t"].partitions.iter().map(|p| p.leader).collect::<Vec<_>>();
    // (30 + 10 records around each of two failures, 30 after the return: 110, at least the
    // 100 checked below.)
    let fail = |b: i32| {
        more(30, "acknowledged produces before the failure");
        c.away(b);
        wait_until("leaders off the failed broker", Duration::from_secs(5), || !leaders().contains(&b));
        // The members keep consuming: what was acknowledged until now, also by the new
        // leaders, reaches them.
        more(10, "acknowledged produces on the new leaders");
        let want = acked_now();
        wait_until("the members to catch up", Duration::from_secs(20), || all_consumed(&outs, &want));
        println!("broker {} failed; leaders now {:?}; {} records acknowledged and consumed", b, leaders(), want.len());
    };
    // Both members read their partition before anything fails.
    wait_until("both members reading", Duration::from_secs(20), || {
        outs.iter().all(|f| std::fs::metadata(f).map(|m| m.len() > 0).unwrap_or(false))
    });
    fail(0);
    fail(1);
    // A member leaves (SIGTERM: it commits what it wrote) and a new one joins while two brokers
    // are down: no gap, no repeat.
    // SAFETY: kill(2) on our own child's pid touches no memory.
    unsafe { libc::kill(a.0.id() as i32, libc::SIGTERM) };
    assert!(a.0.wait().unwrap().success(), "member a left cleanly");
    let (_c2, c_out) = member(&c, "c");
    let c_err = c.dir.path().join("c.err");
    wait_until("member c assigned", Duration::from_secs(30), || {
        std::fs::read_to_string(&c_err).unwrap_or_default().contains(": assigned ")
    });
    c.back(0);
    c.back(1);
    for i in [0, 1] {
        ok(&["replicate", "--from", &c.bs(2), "--to", &c.bs(i)], b"");
    }
    more(30, "acknowledged produces after the brokers returned");
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    producer.join().unwrap();
    let acked = acked_now();
    assert!(acked.len() >= 100, "production continued: {} acknowledged", acked.len());
    let outs = vec![a_out, b_out, c_out];
    wait_until("every acknowledged record consumed", Duration::from_secs(30), || all_consumed(&outs, &acked));
    let got = consumed(&outs);
    let mut seen = std::collections::BTreeMap::<&String, usize>::new();
    for r in &got {
        *seen.entry(r).or_default() += 1;
    }
    let repeats: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    assert!(repeats.is_empty(), "records consumed twice: {:?}", repeats);
    // Every partition's records arrive in offset order at each member.
    for f in &outs {
        let mut last: std::collections::BTreeMap<String, usize> = Default::default();
        for l in std::fs::read_to_string(f).unwrap_or_default().lines() {
            let (p, v) = l.split_once(' ').unwrap();
            let n: usize = v[1..].parse().unwrap();
            if let Some(prev) = last.insert(p.to_string(), n) {
                assert!(n > prev, "{}: partition {} went back from r{} to r{}", f.display(), p, prev, n);
            }
        }
    }
    // Group state and offsets live beside the metadata store, not in any broker.
    let coordinator = std::fs::read_dir(Path::new(&c.m).join("coordinator")).unwrap();
    assert!(coordinator.flatten().any(|e| e.file_name().to_string_lossy().starts_with("__consumer_offsets-")));
    for i in 0..3 {
        assert!(!c.b(i).join(".klog/groups").exists(), "broker {} holds no group state", i);
    }
    // Committed offsets reach the end of both partitions (auto-commits every 200 ms).
    wait_until("lag 0 in group describe", Duration::from_secs(10), || {
        let d = c.ok(&["group", "describe", "g", "--json"], b"");
        let rows: Vec<serde_json::Value> = serde_json::from_str(&d).unwrap();
        rows.len() == 2 && rows.iter().all(|r| r["lag"] == 0)
    });
    // The first members followed each partition's leadership as it moved off failed brokers.
    let errs: String =
        ["a.err", "b.err"].iter().map(|f| std::fs::read_to_string(c.dir.path().join(f)).unwrap()).collect();
    assert!(errs.contains("leadership moved from broker 0 to broker 1"), "{}", errs);
    assert!(errs.contains("leadership moved from broker 1 to broker 2"), "{}", errs);
    let epochs = |i: i32, p: i32| {
        std::fs::read_to_string(c.b(i).join(format!("t-{}", p)).join("leader-epoch-checkpoint")).unwrap()
    };
    for p in 0..2 {
        assert_eq!(epochs(0, p), epochs(2, p));
        assert_eq!(epochs(1, p), epochs(2, p));
    }
    println!("{} records acknowledged and consumed once each", acked.len());
}

#[test]
fn a_following_consumer_moves_to_the_new_leader() {
    let c = Cluster::new(3);
    c.ok(&["topic", "create", "t", "-P", "1", "--replication-factor", "3"], b"");
    c.ok(&["topic", "create", "solo", "-P", "1", "--replica-assignment", "0"], b"");
    let _ctl = c.controller("ctl");
    wait_until("the controller", Duration::from_secs(20), || c.controller_active());
    let out = c.dir.path().join("follow.out");
    let err = c.dir.path().join("follow.err");
    let nodata = c.dir.path().join("no-data-dir").to_string_lossy().into_owned();
    let mut follower = spawn(&c.args(&["--data-dir", &nodata, "consume", "t", "-f"]), Some(&out), Some(&err));
    let read = || std::fs::read_to_string(&out).unwrap_or_default().lines().map(str::to_string).collect::<Vec<_>>();
    c.ok(&["produce", "t", "-p", "0", "--acks", "all"], &lines(0, 10));
    wait_until("the first records", Duration::from_secs(10), || read().len() == 10);
    c.away(0);
    wait_until("a new leader", Duration::from_secs(5), || c.snapshot().topics["t"].partitions[0].leader == 1);
    c.ok(&["produce", "t", "-p", "0", "--acks", "all"], &lines(10, 20));
    wait_until("the records written to the new leader", Duration::from_secs(10), || read().len() >= 20);
    // Idle on purpose: no record arrives twice in the meantime.
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(read(), names(0, 20), "every record once, in order");
    let _ = follower.0.kill();
    let e = std::fs::read_to_string(&err).unwrap();
    assert!(e.contains("leadership moved from broker 0 to broker 1"), "{}", e);
    // A partition whose only replica is gone is offline: a clear error, not an empty read.
    wait_until("solo offline", Duration::from_secs(5), || c.snapshot().topics["solo"].partitions[0].leader == -1);
    let o = run(&c.args(&["--data-dir", &nodata, "--lock-timeout-ms", "300", "consume", "solo", "-e"]), b"");
    let e = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{}", e);
    assert!(e.contains("waiting for a leader to read") && e.contains("klog: error: solo-0 is offline"), "{}", e);
    // A following consumer started while it is offline waits, and reads once its broker is back.
    let out = c.dir.path().join("solo.out");
    let err = c.dir.path().join("solo.err");
    let _waiter = spawn(&c.args(&["--data-dir", &nodata, "consume", "solo", "-f"]), Some(&out), Some(&err));
    wait_until("the consumer to wait for solo's leader", Duration::from_secs(30), || {
        std::fs::read_to_string(&err).unwrap_or_default().contains("klog: waiting for a leader to read: ")
    });
    c.back(0);
    wait_until("solo led again", Duration::from_secs(5), || c.snapshot().topics["solo"].partitions[0].leader == 0);
    c.ok(&["produce", "solo", "-p", "0"], &lines(0, 3));
    wait_until("the waiting consumer to read", Duration::from_secs(10), || {
        std::fs::read_to_string(&out).unwrap_or_default() == "r0\nr1\nr2\n"
    });
}

#[test]
fn returning_brokers_rejoin_the_isr_through_their_agents() {
    let c = Cluster::new(3);
    c.ok(&["topic", "create", "t", "-P", "2", "--replication-factor", "3"], b"");
    let _ctl = c.controller("ctl");
    let _agents: Vec<KillOnDrop> = (0..3)
        .map(|i| {
            spawn(&["--data-dir", &c.bs(i), "broker", "run"], Some(&c.dir.path().join(format!("agent{}.out", i))), None)
        })
        .collect();
    wait_until("the controller", Duration::from_secs(20), || c.controller_active());
    let isr = |p: usize| {
        let mut v = c.snapshot().topics["t"].partitions[p].isr.clone();
        v.sort();
        v
    };
    let mut n = 0;
    let mut produce = |c: &Cluster| {
        for p in ["0", "1"] {
            c.ok(&["produce", "t", "-p", p, "--acks", "all"], &lines(n, n + 10));
            n += 10;
        }
    };
    produce(&c);
    for b in [0, 1] {
        c.away(b);
        wait_until("the ISR to drop the failed broker", Duration::from_secs(5), || {
            (0..2).all(|p| !isr(p).contains(&b))
        });
        produce(&c);
        // The failed broker's agent keeps running but must not re-create its directory (idle
        // on purpose, to give it the chance).
        std::thread::sleep(Duration::from_millis(300));
        assert!(!c.b(b).exists(), "broker {}'s directory was re-created while it was away", b);
    }
    c.back(0);
    c.back(1);
    // No manual step: the agents truncate, catch up, and the replicas re-enter the ISR.
    wait_until("every replica back in the ISR", Duration::from_secs(20), || (0..2).all(|p| isr(p) == vec![0, 1, 2]));
    let got: std::collections::BTreeSet<String> =
        c.ok(&["consume", "t", "-e"], b"").lines().map(str::to_string).collect();
    assert_eq!(got, names(0, n).into_iter().collect(), "every acknowledged record, once");
    for p in 0..2 {
        let log = |i: i32| {
            let dir = c.b(i).join(format!("t-{}", p));
            let epochs = std::fs::read_to_string(dir.join("leader-epoch-checkpoint")).unwrap();
            let seg = std::fs::read(dir.join("00000000000000000000.log")).unwrap();
            (epochs, seg)
        };
        assert_eq!(log(0), log(2), "t-{}: broker 0 is a byte-identical replica", p);
        assert_eq!(log(1), log(2), "t-{}: broker 1 is a byte-identical replica", p);
    }
}

#[test]
fn a_copy_left_on_an_unreachable_broker_is_deleted_by_its_agent() {
    let c = Cluster::new(3);
    c.ok(&["topic", "create", "t", "-P", "1", "--replica-assignment", "0:1"], b"");
    c.ok(&["produce", "t", "-p", "0", "--acks", "all"], &lines(0, 20));
    let plan = c.dir.path().join("plan.json");
    std::fs::write(&plan, r#"{"version":1,"partitions":[{"topic":"t","partition":0,"replicas":[0,2]}]}"#).unwrap();
    // Broker 1 is away while the plan removes it: it keeps its copy, and execute says so.
    c.away(1);
    let o = run(&c.args(&["reassign", "--execute", "--reassignment-json-file", &plan.to_string_lossy()]), b"");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{}", err);
    assert!(err.contains("broker 1 keeps its copy"), "{}", err);
    c.back(1);
    assert!(c.b(1).join("t-0").is_dir());
    // Its agent, on its next pass, deletes the stray copy; broker 2 holds the records.
    let o = run(&["--data-dir", &c.bs(1), "broker", "run", "--passes", "1"], b"");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("t-0: deleted a stray copy"));
    assert!(!c.b(1).join("t-0").exists());
    assert_eq!(c.consume("t", 0), names(0, 20));
    // A local topic of the same name on broker 1 would not be touched: its topic id differs.
    assert!(c.b(0).join("t-0").is_dir() && c.b(2).join("t-0").is_dir());
}

#[test]
fn groups_of_local_topics_stay_in_the_data_directory_and_offline_partitions_end_e() {
    let c = Cluster::new(2);
    c.ok(&["topic", "create", "shared", "-P", "1", "--replication-factor", "2"], b"");
    c.ok(&["topic", "create", "solo", "-P", "1", "--replica-assignment", "0"], b"");
    c.ok(&["produce", "shared", "-p", "0"], &lines(0, 5));
    // A topic of broker 1's data directory only (not in the cluster metadata): a partition
    // directory copied in, as from a Kafka broker.
    let s = c.dir.path().join("standalone");
    ok(&["--data-dir", &s.to_string_lossy(), "topic", "create", "local"], b"");
    std::fs::rename(s.join("local-0"), c.b(1).join("local-0")).unwrap();
    let b1 = c.bs(1);
    ok(&["--data-dir", &b1, "produce", "local", "-p", "0"], &lines(0, 3));
    let got = ok(&["--data-dir", &b1, "consume", "--group", "gl", "local", "-e", "--reset", "earliest"], b"");
    assert_eq!(got.lines().count(), 3);
    assert!(c.b(1).join(".klog/groups/gl").is_dir(), "a local topic's group lives in the data directory");
    assert!(!Path::new(&c.m).join("coordinator/.klog/groups/gl").exists());
    let d = ok(&["--data-dir", &b1, "group", "describe", "gl", "--json"], b"");
    assert!(d.contains("\"current_offset\":3"), "{}", d);
    // One group cannot mix cluster topics and a data directory's own topics.
    let e = fails(&["--data-dir", &b1, "consume", "--group", "gm", "shared", "local", "-e"], b"", 2);
    assert!(e.contains("cannot share a group"), "{}", e);
    // A group of cluster topics lives beside the metadata store.
    let got = ok(&["--data-dir", &b1, "consume", "--group", "gc", "shared", "-e", "--reset", "earliest"], b"");
    assert_eq!(got.lines().count(), 5);
    assert!(Path::new(&c.m).join("coordinator/.klog/groups/gc").is_dir());
    let l = ok(&["--data-dir", &b1, "group", "list", "--json"], b"");
    assert!(l.contains("\"gc\"") && l.contains("\"gl\""), "{}", l);
    // A group member with -e does not wait forever for an offline partition.
    let _ctl = c.controller("ctl");
    c.away(0);
    wait_until("solo offline", Duration::from_secs(5), || c.snapshot().topics["solo"].partitions[0].leader == -1);
    // The member warns that it waits for a leader, then gives up with one error line.
    let e =
        c.exits(&["--lock-timeout-ms", "300", "consume", "--group", "go", "solo", "-e", "--reset", "earliest"], b"", 1);
    let e: Vec<&str> = e.lines().collect();
    assert_eq!(e.len(), 2, "{:?}", e);
    assert!(e[0].starts_with("klog: group go: solo-0: waiting for a leader to read: "), "{:?}", e);
    assert!(e[1].starts_with("klog: error: ") && e[1].contains("no leader could be read for solo-0"), "{:?}", e);
}

#[test]
fn a_pass_to_a_broker_that_is_no_longer_a_replica_copies_nothing() {
    // The race of a reassignment with a follower's pass that read the assignment before it
    // changed: under the follower's partition lock, the pass checks again and backs out.
    let c = Cluster::new(3);
    c.ok(&["topic", "create", "t", "-P", "1", "--replica-assignment", "0:1"], b"");
    c.ok(&["produce", "t", "-p", "0", "--acks", "all"], &lines(0, 20));
    let store = c.store();
    let snap = store.load().unwrap();
    let leader = klog::replica::broker_dir(&snap, 0, Duration::from_secs(5)).unwrap();
    let stranger = klog::replica::broker_dir(&snap, 2, Duration::from_secs(5)).unwrap();
    let tm = klog::replica::topic_meta(&snap, "t").unwrap();
    let e = klog::replica::replicate_partition(&leader, &stranger, &tm, 0, Some((&store, 2))).unwrap_err();
    assert!(matches!(e, klog::Error::NoLongerReplica { broker: 2, .. }), "{}", e);
    assert!(!c.b(2).join("t-0").exists(), "no copy left on broker 2");
    // Broker 1, a replica, is copied to as before.
    let follower = klog::replica::broker_dir(&snap, 1, Duration::from_secs(5)).unwrap();
    let r = klog::replica::replicate_partition(&leader, &follower, &tm, 0, Some((&store, 1))).unwrap();
    assert_eq!(r.follower_end_offset, 20);
}

#[test]
fn a_throttled_reassignment_moves_every_record() {
    let c = Cluster::new(3);
    c.ok(&["topic", "create", "t", "-P", "1", "--replica-assignment", "0"], b"");
    c.ok(&["produce", "t", "-p", "0", "--batch-size", "20"], &lines(0, 400));
    let plan = c.dir.path().join("plan.json");
    std::fs::write(&plan, r#"{"version":1,"partitions":[{"topic":"t","partition":0,"replicas":[1,2]}]}"#).unwrap();
    let plan = plan.to_string_lossy().into_owned();
    // Bad throttles are usage errors that change nothing.
    let before = c.snapshot();
    c.fails(&["reassign", "--execute", "--reassignment-json-file", &plan, "--throttle", "0"], b"", 2);
    c.fails(&["reassign", "--verify", "--reassignment-json-file", &plan, "--throttle", "1000"], b"", 2);
    assert_eq!(c.snapshot(), before);
    // Paced copies (batch by batch), then the switch to the new replicas.
    let out = c.ok(&["reassign", "--execute", "--reassignment-json-file", &plan, "--throttle", "200000"], b"");
    assert!(out.contains("Reassignment of partition t-0 is complete."), "{out}");
    let ps = c.snapshot().topics["t"].partitions[0].clone();
    assert_eq!((ps.replicas, ps.leader), (vec![1, 2], 1));
    assert_eq!(c.consume("t", 0), names(0, 400));
    let seg = |b: i32| std::fs::read(c.b(b).join("t-0").join("00000000000000000000.log")).unwrap();
    assert_eq!(seg(1), seg(2), "both new replicas hold the same bytes");
    assert!(!c.b(0).join("t-0").exists(), "the old replica's copy is gone");
}

#[test]
fn one_record_produces_ride_through_a_leader_failover() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::Arc;
    let c = Cluster::new(3);
    c.ok(&["topic", "create", "t", "-P", "1", "--replication-factor", "3", "-c", "min.insync.replicas=2"], b"");
    let _ctl = c.controller("ctl");
    wait_until("the controller", Duration::from_secs(20), || c.controller_active());
    let done = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let (m, counter, stopped) = (c.m.clone(), done.clone(), stop.clone());
    // One process per record, back to back, until told to stop (at most 2,000).
    let producer = std::thread::spawn(move || {
        let (mut failures, mut retried) = (Vec::new(), 0);
        let mut i = 0;
        while !stopped.load(Ordering::SeqCst) && i < 2000 {
            let out = common::klog_std()
                .args(["--meta", &m, "produce", "t", "-p", "0", "--acks", "all"])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .and_then(|mut ch| {
                    use std::io::Write;
                    ch.stdin.take().unwrap().write_all(format!("r{}\n", i).as_bytes())?;
                    ch.wait_with_output()
                })
                .expect("run klog produce");
            let err = String::from_utf8_lossy(&out.stderr).into_owned();
            if !out.status.success() {
                failures.push((i, err));
            } else if err.contains("retrying") {
                retried += 1;
            }
            i += 1;
            counter.store(i, Ordering::SeqCst);
        }
        (i, failures, retried)
    });
    wait_until("the first produces", Duration::from_secs(60), || done.load(Ordering::SeqCst) >= 15);
    c.away(0);
    wait_until("a new leader", Duration::from_secs(10), || c.snapshot().topics["t"].partitions[0].leader != 0);
    let after = done.load(Ordering::SeqCst);
    wait_until("produces on the new leader", Duration::from_secs(60), || done.load(Ordering::SeqCst) >= after + 10);
    stop.store(true, Ordering::SeqCst);
    let (n, failures, retried) = producer.join().unwrap();
    println!("{} one-record produces, {} of them retried through the failover", n, retried);
    assert!(failures.is_empty(), "produces failed during the failover: {failures:?}");
    assert_eq!(c.consume("t", 0), names(0, n), "every acknowledged record once, in order");
}
