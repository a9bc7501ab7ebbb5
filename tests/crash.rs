//! Crash safety with the real binary: 25 rounds (`KLOG_CRASH_TRIALS=N` for more) of a `klog produce --batch-size 2000
//! --linger-ms 1` fed numbered lines `r{round}-{n}` in small bursts by a writer thread and killed
//! with SIGKILL at a pseudo-random moment (xorshift seeded from the round), each followed by a
//! normal `klog produce` of one acknowledged record `ack-{round}` that must exit 0 (recovering
//! whatever tail the kill left) and a `klog verify` that must exit 0. At the end the log must hold
//! contiguous offsets, every `ack-*` exactly once and in round order, and of each killed
//! producer's lines exactly a prefix `r{round}-0 ..= r{round}-m` in order, between the previous
//! round's ack and its own (appends are in order and recovery cuts only a torn or corrupt
//! tail, so nothing after a lost record can survive).

mod common;

use common::{Klog, XorShift};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

const DEFAULT_ROUNDS: u64 = 25;

/// One round: start a producer, feed it, kill it. Returns how many lines were handed to the pipe.
fn killed_producer(t: &Klog, round: u64) -> u64 {
    let mut rng = XorShift::new(round + 1);
    let mut p = t.spawn_piped(&["produce", "t", "-p", "0", "--batch-size", "2000", "--linger-ms", "1"]);
    let child = &mut p.0;
    let mut stdin = child.stdin.take().unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let stop2 = stop.clone();
    let feeder = thread::spawn(move || {
        let mut rng = XorShift::new(round + 1000);
        let mut n = 0u64;
        while !stop2.load(Ordering::Relaxed) && n < 200_000 {
            let burst = rng.range(1, 40);
            let mut buf = String::new();
            for _ in 0..burst {
                buf += &format!("r{}-{}\n", round, n);
                n += 1;
            }
            if stdin.write_all(buf.as_bytes()).is_err() {
                break; // the producer is dead: broken pipe
            }
            // Pacing, not waiting: input in bursts, so the kill finds the producer in any state.
            thread::sleep(Duration::from_micros(rng.range(0, 2500)));
        }
        n
    });
    // A kill -9 at a random moment: the point of the test.
    thread::sleep(Duration::from_millis(rng.range(5, 150)));
    child.kill().expect("SIGKILL the producer");
    let status = child.wait().unwrap();
    assert!(!status.success(), "round {}: the producer was killed", round);
    stop.store(true, Ordering::Relaxed);
    feeder.join().unwrap()
}

#[test]
fn killed_producers_never_break_the_log() {
    let rounds: u64 = std::env::var("KLOG_CRASH_TRIALS").ok().and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_ROUNDS);
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--partitions", "1"]);
    let mut sent = Vec::new();
    for round in 0..rounds {
        sent.push(killed_producer(&t, round));
        t.ok_with(&["produce", "t", "-p", "0"], format!("ack-{}\n", round).as_bytes());
        t.verify_ok(&format!("after round {}", round));
    }

    let out = t.ok(&["consume", "t", "-p", "0", "-e", "--format", "%o %s\\n"]);
    let mut round = 0u64; // the round whose lines may come next
    let mut next_n = 0u64; // the next line number expected from that round
    let mut survived = vec![0u64; rounds as usize];
    for (expect, l) in out.lines().enumerate() {
        let (o, v) = l.split_once(' ').unwrap();
        assert_eq!(o.parse::<usize>().unwrap(), expect, "offsets must be contiguous");
        if let Some(r) = v.strip_prefix("ack-") {
            let r: u64 = r.parse().unwrap();
            assert_eq!(r, round, "ack-{} where ack-{} was due (offset {})", r, round, o);
            round += 1;
            next_n = 0;
        } else {
            let (r, n) = v
                .strip_prefix('r')
                .and_then(|s| s.split_once('-'))
                .unwrap_or_else(|| panic!("unexpected record {:?} at offset {}", v, o));
            let (r, n): (u64, u64) = (r.parse().unwrap(), n.parse().unwrap());
            assert_eq!(r, round, "{} at offset {} is outside its round", v, o);
            assert_eq!(n, next_n, "{} at offset {}: round {} must keep a gapless prefix", v, o, r);
            assert!(n < sent[r as usize], "{} was never sent", v);
            next_n += 1;
            survived[r as usize] += 1;
        }
    }
    assert_eq!(round, rounds, "every ack is there, once");
    let total: u64 = survived.iter().sum();
    assert!(total > 0, "no killed producer got anything written; the test exercised nothing");
    eprintln!("lines sent per round: {:?}", sent);
    eprintln!("lines kept per round: {:?}", survived);
    t.verify_ok("at the end");
}
