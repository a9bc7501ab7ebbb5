//! Concurrent writers with the real binary: six `klog produce` processes started at once on the
//! same partition, each fed 2000 distinct lines in chunks with pauses (so that each one settles,
//! releases the partition lock and takes it again several times while the others write), must
//! all exit 0; afterwards `consume` shows offsets 0..12000 contiguous, every line exactly once and
//! each writer's lines in the order it wrote them, and `verify` exits 0. The same with a topic of
//! three partitions and keyed records (`-K :`), where every key must stay in one partition.

mod common;

use common::Klog;
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::Duration;

const WRITERS: usize = 6;
const LINES: usize = 2000;
const CHUNKS: usize = 8;

fn spawn_producer(t: &Klog, args: &[&str]) -> Child {
    Command::new(assert_cmd::cargo::cargo_bin("klog"))
        .arg("--data-dir")
        .arg(t.data())
        .arg("produce")
        .args(args)
        .env_remove("KLOG_DATA_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start klog produce")
}

/// Starts all writers at once, feeds writer `i` the lines `line(i, n)` in chunks with pauses,
/// and checks every process exits 0.
fn run_writers(t: &Klog, args: &[&str], line: fn(usize, usize) -> String) {
    let mut children: Vec<Child> = (0..WRITERS).map(|_| spawn_producer(t, args)).collect();
    let feeders: Vec<_> = children
        .iter_mut()
        .enumerate()
        .map(|(i, c)| {
            let mut stdin = c.stdin.take().unwrap();
            thread::spawn(move || {
                let per_chunk = LINES / CHUNKS;
                for chunk in 0..CHUNKS {
                    let mut buf = String::new();
                    for n in chunk * per_chunk..(chunk + 1) * per_chunk {
                        buf += &line(i, n);
                        buf.push('\n');
                    }
                    stdin.write_all(buf.as_bytes()).unwrap();
                    stdin.flush().unwrap();
                    // Pacing, not waiting: the writers' chunks interleave.
                    thread::sleep(Duration::from_millis(15));
                }
                // Dropping stdin closes the pipe: EOF.
            })
        })
        .collect();
    for f in feeders {
        f.join().unwrap();
    }
    for (i, c) in children.into_iter().enumerate() {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "writer {} exited with {:?}: {}",
            i,
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Parses a line `w{i}-{n}` into (i, n).
fn parse_value(v: &str) -> (usize, usize) {
    let (w, n) =
        v.strip_prefix('w').and_then(|r| r.split_once('-')).unwrap_or_else(|| panic!("unexpected value {:?}", v));
    (w.parse().unwrap(), n.parse().unwrap())
}

#[test]
fn six_writers_one_partition() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--partitions", "1"]);
    run_writers(&t, &["t", "-p", "0"], |i, n| format!("w{}-{}", i, n));

    let out = t.ok(&["consume", "t", "-p", "0", "-e", "--format", "%o %s\\n"]);
    let mut seen = HashSet::new();
    let mut last_n: HashMap<usize, usize> = HashMap::new();
    let mut count = 0;
    let mut switches = 0;
    let mut prev_writer = None;
    for (expect, l) in out.lines().enumerate() {
        let (o, v) = l.split_once(' ').unwrap();
        assert_eq!(o.parse::<usize>().unwrap(), expect, "offsets must be contiguous");
        assert!(seen.insert(v.to_string()), "{} appears twice", v);
        let (w, n) = parse_value(v);
        assert!(w < WRITERS && n < LINES, "{}", v);
        if let Some(&prev) = last_n.get(&w) {
            assert!(n > prev, "writer {}'s line {} after {}", w, n, prev);
        }
        last_n.insert(w, n);
        if prev_writer.is_some_and(|p| p != w) {
            switches += 1;
        }
        prev_writer = Some(w);
        count += 1;
    }
    // How much the writers interleaved (informational: the scheduler decides).
    eprintln!("the log switches writer {} times", switches);
    assert_eq!(count, WRITERS * LINES);
    assert_eq!(seen.len(), WRITERS * LINES);
    t.verify_ok("");
}

#[test]
fn six_keyed_writers_three_partitions() {
    let t = Klog::new();
    t.ok(&["topic", "create", "k", "--partitions", "3"]);
    run_writers(&t, &["k", "-K", ":"], |i, n| format!("key{}:w{}-{}", (n * 7 + i) % 40, i, n));

    let out = t.ok(&["consume", "k", "-e", "--format", "%p %o %k %s\\n"]);
    let mut seen = HashSet::new();
    let mut key_partition: HashMap<String, u32> = HashMap::new();
    let mut next_offset = [0u64; 3];
    // Per partition, each writer's lines must keep their order.
    let mut last_n: HashMap<(u32, usize), usize> = HashMap::new();
    for l in out.lines() {
        let f: Vec<&str> = l.split(' ').collect();
        assert_eq!(f.len(), 4, "{:?}", l);
        let p: u32 = f[0].parse().unwrap();
        let o: u64 = f[1].parse().unwrap();
        let (key, value) = (f[2], f[3]);
        assert!(p < 3);
        assert_eq!(o, next_offset[p as usize], "partition {} offsets", p);
        next_offset[p as usize] += 1;
        assert!(seen.insert(value.to_string()), "{} appears twice", value);
        let (w, n) = parse_value(value);
        assert_eq!(key, format!("key{}", (n * 7 + w) % 40), "key of {}", value);
        let owner = *key_partition.entry(key.to_string()).or_insert(p);
        assert_eq!(owner, p, "key {} in partitions {} and {}", key, owner, p);
        if let Some(&prev) = last_n.get(&(p, w)) {
            assert!(n > prev, "partition {}: writer {}'s line {} after {}", p, w, n, prev);
        }
        last_n.insert((p, w), n);
    }
    assert_eq!(seen.len(), WRITERS * LINES);
    assert_eq!(next_offset.iter().sum::<u64>(), (WRITERS * LINES) as u64);
    assert!(next_offset.iter().all(|&n| n > 0), "40 keys should reach all 3 partitions: {:?}", next_offset);
    assert_eq!(key_partition.len(), 40);
    t.verify_ok("");
}
