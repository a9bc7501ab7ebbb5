//! Issue 10, "what a Kafka user meets in the first hour", as the real `klog` binary shows it:
//! consuming like a pipe (one exit-at-end rule for plain and group consumers, a damaged
//! partition named while the healthy ones are read, an offset past a short partition's end,
//! kcat's `-o e@TIME`), scripts and cron (retention's exit code, one-line argument errors, usage
//! exit codes, a dry run by default for `group reset-offsets`), help for every flag, and the
//! spellings Kafka's tools and kcat accept (`--topic`, `--from-beginning`, `--max-messages`,
//! `group describe --group`, `-k`, `-q`, completion of topic and group names).

mod common;

use common::Klog;
use std::time::Duration;

/// A bound on any one command in this file, so that a consumer that never ends fails the test
/// instead of hanging it.
const BOUND: Duration = Duration::from_secs(60);

/// Runs `klog ARGS` with `input`, bounded by [`BOUND`]: (exit code, stdout, stderr).
fn run(t: &Klog, args: &[&str], input: &[u8]) -> (i32, String, String) {
    let out = t.cmd(args).write_stdin(input.to_vec()).timeout(BOUND).output().expect("run klog");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "klog {:?} panicked: {}", args, err);
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("klog {:?} did not exit by itself within {:?}: {}", args, BOUND, err));
    (code, String::from_utf8_lossy(&out.stdout).into_owned(), err)
}

/// Lines of `s`, sorted (records of several partitions interleave).
fn sorted(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s.lines().map(String::from).collect();
    v.sort();
    v
}

/// `prefix-i` for each i in `range`, one per line.
fn numbered(prefix: &str, range: std::ops::Range<i32>) -> String {
    range.map(|i| format!("{}-{}\n", prefix, i)).collect()
}

// ---------------------------------------------------------------------------------------------
// Consume like a pipe
// ---------------------------------------------------------------------------------------------

#[test]
fn group_consumer_in_a_pipe_exits_at_the_end_like_plain_consume() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "-P", "3"]);
    for p in 0..3 {
        t.ok_with(&["produce", "t", "-p", &p.to_string()], numbered(&format!("p{}", p), 0..4).as_bytes());
    }
    // stdout is a pipe here: neither -e nor -f means -e, for a group member as for plain consume.
    let (code, plain, err) = run(&t, &["consume", "t"], b"");
    assert_eq!((code, plain.lines().count()), (0, 12), "{}", err);
    let (code, out, err) = run(&t, &["consume", "--group", "g", "t", "--reset", "earliest"], b"");
    assert_eq!(code, 0, "{}", err);
    assert_eq!(sorted(&out), sorted(&plain));
    // It committed what it wrote: the next run has nothing left, and ends too.
    let (code, out, err) = run(&t, &["consume", "--group", "g", "t"], b"");
    assert_eq!((code, out.as_str()), (0, ""), "{}", err);
    let describe = t.ok(&["group", "describe", "g"]);
    let rows: Vec<Vec<&str>> = describe.lines().skip(1).map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(rows.len(), 3, "{}", describe);
    assert!(rows.iter().all(|r| r[3] == "4" && r[5] == "0"), "{}", describe);
}

/// Flips one byte in the records of the batch that starts at byte `pos` of `log`.
fn damage_batch_at(log: &std::path::Path, pos: usize) {
    let mut bytes = std::fs::read(log).unwrap();
    bytes[pos + 70] ^= 0xff;
    std::fs::write(log, bytes).unwrap();
}

/// The size of the first batch of `log` (its 12-byte prefix plus batchLength).
fn first_batch_len(log: &std::path::Path) -> usize {
    let bytes = std::fs::read(log).unwrap();
    12 + u32::from_be_bytes(bytes[8..12].try_into().unwrap()) as usize
}

#[test]
fn a_corrupt_partition_is_named_and_the_healthy_ones_are_read() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "-P", "3"]);
    for p in 0..3 {
        // Two batches per partition: two produce runs.
        t.ok_with(&["produce", "t", "-p", &p.to_string()], numbered(&format!("p{}", p), 0..5).as_bytes());
        t.ok_with(&["produce", "t", "-p", &p.to_string()], numbered(&format!("p{}", p), 5..10).as_bytes());
    }
    let log = t.segment("t", 1, 0, ".log");
    let second = first_batch_len(&log);
    damage_batch_at(&log, second);
    let (code, out, err) = run(&t, &["consume", "t"], b"");
    assert_eq!(code, 1, "{}", err);
    // Every record of the healthy partitions, and of t-1 what comes before the damage.
    let mut want: Vec<String> =
        ["p0", "p2"].iter().flat_map(|p| numbered(p, 0..10).lines().map(String::from).collect::<Vec<_>>()).collect();
    want.extend(numbered("p1", 0..5).lines().map(String::from));
    want.sort();
    assert_eq!(sorted(&out), want);
    assert_eq!(err.lines().count(), 1, "{}", err);
    assert!(err.starts_with("klog: error: t-1: "), "{}", err);
    assert!(err.contains(&log.display().to_string()) && err.contains(&format!("at byte {}", second)), "{}", err);
    assert!(err.contains("from offset 5"), "{}", err);
    // The same with one partition asked for: the healthy one exits 0.
    let (code, out, _) = run(&t, &["consume", "t", "-p", "2"], b"");
    assert_eq!((code, out), (0, numbered("p2", 0..10)));
}

#[test]
fn an_offset_past_a_short_partition_reads_the_others() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "-P", "3"]);
    t.ok_with(&["produce", "t", "-p", "0"], numbered("a", 0..10).as_bytes());
    t.ok_with(&["produce", "t", "-p", "1"], numbered("b", 0..3).as_bytes());
    t.ok_with(&["produce", "t", "-p", "2"], numbered("c", 0..10).as_bytes());
    // As kcat: the short partition is reported and starts at its end, the others are read, exit 0.
    let (code, out, err) = run(&t, &["consume", "t", "-o", "7", "--format", "%p %s\\n"], b"");
    assert_eq!(code, 0, "{}", err);
    assert_eq!(sorted(&out), ["0 a-7", "0 a-8", "0 a-9", "2 c-7", "2 c-8", "2 c-9"]);
    assert_eq!(err.lines().count(), 1, "{}", err);
    assert!(err.starts_with("klog: warning: t-1: offset 7 is out of range (valid offsets are 0..3)"), "{}", err);
    // Past every partition's end: nothing to read is an error, as before.
    let (code, out, err) = run(&t, &["consume", "t", "-o", "20000"], b"");
    assert_eq!((code, out.as_str()), (1, ""), "{}", err);
    assert!(err.starts_with("klog: error: offset 20000 is out of range"), "{}", err);
    // A group member resets such a partition by its --reset policy.
    let (code, out, err) =
        run(&t, &["consume", "-G", "g", "t", "-o", "7", "--reset", "earliest", "--format", "%p %s\\n"], b"");
    assert_eq!(code, 0, "{}", err);
    assert_eq!(sorted(&out), ["0 a-7", "0 a-8", "0 a-9", "1 b-0", "1 b-1", "1 b-2", "2 c-7", "2 c-8", "2 c-9"]);
    assert!(err.contains("t-1: offset 7 is out of range (valid offsets are 0..3); reset to 0"), "{}", err);
}

#[test]
fn stop_time_ends_each_partition_before_its_first_record_at_or_after_it() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "-P", "2"]);
    for (p, name) in [(0, "a"), (1, "b")] {
        for i in 1..=4 {
            let ts = (i * 1000).to_string();
            t.ok_with(
                &["produce", "t", "-p", &p.to_string(), "--timestamp", &ts],
                format!("{}{}\n", name, i).as_bytes(),
            );
        }
    }
    let (code, out, err) = run(&t, &["consume", "t", "-o", "e@3000"], b"");
    assert_eq!(code, 0, "{}", err);
    assert_eq!(sorted(&out), ["a1", "a2", "b1", "b2"]);
    // With a start time: a window [s, e).
    let (_, out, _) = run(&t, &["consume", "t", "-o", "s@2000", "-o", "e@4000"], b"");
    assert_eq!(sorted(&out), ["a2", "a3", "b2", "b3"]);
    // RFC 3339 as for s@.
    let (_, out, _) = run(&t, &["consume", "t", "-p", "1", "-o", "e@1970-01-01T00:00:02Z"], b"");
    assert_eq!(out, "b1\n");
    // Following (-f) ends too once every partition reached the stop time.
    let (code, out, err) = run(&t, &["consume", "t", "-f", "-o", "e@2500"], b"");
    assert_eq!((code, sorted(&out)), (0, vec!["a1".to_string(), "a2".into(), "b1".into(), "b2".into()]), "{}", err);
    // Malformed, repeated, or with a group (as kcat -G): usage errors.
    for args in [
        &["consume", "t", "-o", "e@soon"][..],
        &["consume", "t", "-o", "e@1", "-o", "e@2"][..],
        &["consume", "t", "-o", "1", "-o", "2"][..],
        &["consume", "-G", "g", "t", "-o", "e@1"][..],
    ] {
        let (code, _, err) = run(&t, args, b"");
        assert_eq!(code, 2, "{:?}: {}", args, err);
        assert!(err.starts_with("klog: error: ") && err.lines().count() == 1, "{:?}: {}", args, err);
    }
}
