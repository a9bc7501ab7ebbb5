//! Issue 12, "damage that reads as data": bytes on disk that still frame as batches but cannot
//! be what was written are corruption, named with file and byte position, never data.
//!
//! - A flipped bit in a batch's base offset (outside the CRC): `consume` stops with an error
//!   after the records before it instead of printing impossible offsets and exiting 0; `verify`
//!   fails; `produce` refuses to append behind it; `verify --repair` cuts the active segment at
//!   the damaged batch, as Kafka's recovery does.
//! - A flipped bit in the first batch of a `__consumer_offsets` partition with valid commits
//!   after it: a group member fails (naming file and position) and cuts nothing; `verify
//!   --repair` cuts it and names the groups whose commits it drops.
//! - What a crash leaves (zeros or garbage after the last valid batch) is still cut silently.
//! - A damaged `leader-epoch-checkpoint` is found by `verify` and rebuilt by `--repair`.
//! - A damaged `log-start-offset-checkpoint` is found by `verify` when it lies outside the log
//!   or below the start of the leader epoch cache.
//! - Damage inside a sealed segment: `--repair` says what it needs instead of cutting.

mod common;

use common::Klog;
use std::fs;
use std::path::Path;

const FORMAT: &str = "%o %s\\n";

/// Byte positions of the batches of a `.log` file.
fn batch_starts(log: &Path) -> Vec<usize> {
    let b = fs::read(log).unwrap();
    let mut starts = Vec::new();
    let mut pos = 0;
    while pos + 12 <= b.len() {
        starts.push(pos);
        pos += 12 + i32::from_be_bytes(b[pos + 8..pos + 12].try_into().unwrap()) as usize;
    }
    assert_eq!(pos, b.len(), "whole batches");
    starts
}

fn flip_bit(path: &Path, byte: usize, bit: u32) {
    let mut b = fs::read(path).unwrap();
    b[byte] ^= 1 << bit;
    fs::write(path, b).unwrap();
}

/// A topic `t` with four batches of three records each (offsets 0..=11), from four `produce` runs.
fn four_batches() -> Klog {
    let k = Klog::new();
    k.ok(&["topic", "create", "t", "--partitions", "1"]);
    for i in 1..=4 {
        let input: String = (0..3).map(|j| format!("v{}\n", i * 10 + j)).collect();
        k.ok_with(&["produce", "t", "-p", "0"], input.as_bytes());
    }
    assert_eq!(batch_starts(&k.segment("t", 0, 0, ".log")).len(), 4);
    k
}

fn records(n: usize) -> String {
    (0..n).map(|i| format!("{} v{}\n", i, (i / 3 + 1) * 10 + i % 3)).collect()
}

/// `consume -e` must fail (exit 1, one `klog: error:` line naming the partition, file and
/// position) after printing exactly `good` records.
fn consume_stops_at(k: &Klog, good: usize, position: usize) {
    let out = k.cmd(&["consume", "t", "-p", "0", "-e", "--format", FORMAT]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "consume must fail: {}", err);
    assert_eq!(String::from_utf8_lossy(&out.stdout), records(good));
    let seg = k.segment("t", 0, 0, ".log");
    let want = format!("klog: error: t-0: corrupt data in {} at byte {}", seg.display(), position);
    assert!(err.starts_with(&want), "{} / {}", err, want);
    assert_eq!(err.trim_end().lines().count(), 1, "{}", err);
}

#[test]
fn a_base_offset_flipped_out_of_the_segment_is_corruption_everywhere() {
    let k = four_batches();
    let seg = k.segment("t", 0, 0, ".log");
    let starts = batch_starts(&seg);
    // Bit 38 of the second batch's base offset: 3 becomes 274877906947, as in the issue.
    flip_bit(&seg, starts[1] + 3, 6);
    consume_stops_at(&k, 3, starts[1]);
    let verify = k.cmd(&["verify"]).output().unwrap();
    assert_eq!(verify.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&verify.stdout).contains(&format!("at byte {}: invalid batch", starts[1])));

    // produce refuses to append behind damage it sees, and changes nothing.
    let before = fs::read(&seg).unwrap();
    let err = k.fails(&["produce", "t", "-p", "0"], b"new\n", 1);
    assert!(err.contains(&format!("{} at byte {}", seg.display(), starts[1])), "{}", err);
    assert!(err.contains("verify --repair"), "{}", err);
    assert_eq!(fs::read(&seg).unwrap(), before, "nothing cut");

    // verify --repair cuts at the damaged batch; everything before it stays.
    let out = k.ok(&["verify", "--repair"]);
    assert!(out.contains(&format!("cut {} bytes", before.len() - starts[1])), "{}", out);
    assert!(out.contains("the log now ends at offset 3"), "{}", out);
    k.verify_ok("after repair");
    k.ok_with(&["produce", "t", "-p", "0"], b"new\n");
    assert_eq!(k.ok(&["consume", "t", "-p", "0", "-e", "--format", FORMAT]), records(3) + "3 new\n");
}

#[test]
fn a_base_offset_flipped_forward_inside_the_segment_is_caught_by_the_next_batch() {
    let k = four_batches();
    let seg = k.segment("t", 0, 0, ".log");
    let starts = batch_starts(&seg);
    // Bit 3 of the second batch's base offset: 3 becomes 11, a gap the batch after (6) contradicts.
    flip_bit(&seg, starts[1] + 7, 3);
    consume_stops_at(&k, 3, starts[1]);
    let err = k.fails(&["produce", "t", "-p", "0"], b"new\n", 1);
    assert!(err.contains(&format!("at byte {}", starts[1])), "{}", err);
    // Reading from an offset after the damage, through the index hint or not, never returns it.
    let out = k.cmd(&["consume", "t", "-p", "0", "-o", "6", "-e", "--format", FORMAT]).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("v20"), "the damaged batch is never data");
}

#[test]
fn a_base_offset_flipped_backwards_is_corruption() {
    let k = four_batches();
    let seg = k.segment("t", 0, 0, ".log");
    let starts = batch_starts(&seg);
    // The third batch's base offset 6 becomes 4 (bit 1): it overlaps the batch before.
    flip_bit(&seg, starts[2] + 7, 1);
    consume_stops_at(&k, 6, starts[2]);
    k.fails(&["produce", "t", "-p", "0"], b"new\n", 1);
    k.ok(&["verify", "--repair"]);
    assert_eq!(k.ok(&["consume", "t", "-p", "0", "-e", "--format", FORMAT]), records(6));
}

#[test]
fn what_a_crash_leaves_after_the_last_batch_is_still_cut_silently() {
    for tail in [vec![0u8; 4096], (0..3000u32).map(|i| (i * 7 % 251) as u8).collect::<Vec<u8>>()] {
        let k = four_batches();
        let seg = k.segment("t", 0, 0, ".log");
        let len = fs::metadata(&seg).unwrap().len();
        let mut b = fs::read(&seg).unwrap();
        b.extend(&tail);
        fs::write(&seg, b).unwrap();
        k.ok_with(&["produce", "t", "-p", "0"], b"new\n");
        assert_eq!(k.ok(&["consume", "t", "-p", "0", "-e", "--format", FORMAT]), records(12) + "12 new\n");
        assert_eq!(fs::metadata(&seg).unwrap().len(), len + 71, "the tail was cut, the new batch follows");
        k.verify_ok("after the cut");
    }
}

#[test]
fn a_crc_covered_flip_before_valid_batches_stops_the_writer() {
    let k = four_batches();
    let seg = k.segment("t", 0, 0, ".log");
    let starts = batch_starts(&seg);
    flip_bit(&seg, starts[2] + 40, 0);
    let before = fs::read(&seg).unwrap();
    let err = k.fails(&["produce", "t", "-p", "0"], b"new\n", 1);
    assert!(err.contains(&format!("at byte {}", starts[2])) && err.contains("CRC"), "{}", err);
    assert!(err.contains(&format!("a valid batch follows at byte {}", starts[3])), "{}", err);
    assert_eq!(fs::read(&seg).unwrap(), before);
}

/// Two groups in one `__consumer_offsets` partition (g1 and g76 both hash to partition 42).
#[test]
fn a_damaged_first_commit_batch_stops_group_members_until_repair_names_the_groups() {
    let k = Klog::new();
    k.ok(&["topic", "create", "t", "--partitions", "1"]);
    k.ok_with(&["produce", "t", "-p", "0"], b"a\nb\nc\nd\ne\n");
    k.ok(&["group", "commit", "g1", "--topic", "t", "-p", "0", "--offset", "2"]);
    k.ok(&["group", "commit", "g76", "--topic", "t", "-p", "0", "--offset", "3"]);
    k.ok(&["group", "commit", "g1", "--topic", "t", "-p", "0", "--offset", "4"]);
    let seg = k.segment("__consumer_offsets", 42, 0, ".log");
    assert_eq!(batch_starts(&seg).len(), 3, "one batch per commit");
    flip_bit(&seg, 30, 0);
    let before = fs::read(&seg).unwrap();
    k.fails(&["group", "describe", "g1"], b"", 1);
    k.ok_with(&["produce", "t", "-p", "0"], b"f\n");
    // The member neither cuts the partition nor skips what was produced: it stops.
    let out = k.cmd(&["consume", "--group", "g1", "t", "--reset", "latest", "-e"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{}", err);
    assert!(err.contains(&format!("{} at byte 0", seg.display())), "{}", err);
    assert!(out.stdout.is_empty());
    assert_eq!(fs::read(&seg).unwrap(), before, "nothing cut without --repair");

    let out = k.ok(&["verify", "--repair", "__consumer_offsets"]);
    assert!(out.contains("the log now ends at offset 0"), "{}", out);
    assert!(out.contains("group(s) g1, g76"), "{}", out);
    k.verify_ok("after repair");
    // The dropped commits are gone for every reader (no stale snapshot brings them back).
    let d = k.ok(&["group", "describe", "g76"]);
    assert!(!d.contains("t  "), "{}", d);
}

#[test]
fn a_damaged_leader_epoch_checkpoint_is_found_and_rebuilt() {
    for bad in ["0\n1\n0 0 x\n", "0\n2\n0 0\n", "0\n1\n7 0\n", "0\n2\n0 0\n1 3\n", "0\n1\n0 99\n"] {
        let k = four_batches();
        let ckpt = k.partition_dir("t", 0).join("leader-epoch-checkpoint");
        assert_eq!(fs::read_to_string(&ckpt).unwrap(), "0\n1\n0 0\n");
        fs::write(&ckpt, bad).unwrap();
        let v = k.cmd(&["verify"]).output().unwrap();
        let text = String::from_utf8_lossy(&v.stdout);
        assert_eq!(v.status.code(), Some(1), "{:?}: {}", bad, text);
        assert!(text.contains("leader-epoch-checkpoint"), "{:?}: {}", bad, text);
        let out = k.ok(&["verify", "--repair"]);
        assert!(out.contains("rebuilt") && out.contains("epoch@offset 0@0"), "{:?}: {}", bad, out);
        assert_eq!(fs::read_to_string(&ckpt).unwrap(), "0\n1\n0 0\n");
        k.ok_with(&["produce", "t", "-p", "0"], b"new\n");
        k.verify_ok("after the rebuild");
    }
}

#[test]
fn a_damaged_log_start_checkpoint_is_found_when_the_log_contradicts_it() {
    let k = four_batches();
    k.ok(&["delete-records", "t", "-p", "0", "--before", "7"]);
    k.verify_ok("after delete-records");
    let path = k.data().join("log-start-offset-checkpoint");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("t 0 7"), "{}", text);
    for (to, what) in [("t 0 5", "below offset 7 where"), ("t 0 90", "outside the log")] {
        fs::write(&path, text.replace("t 0 7", to)).unwrap();
        let v = k.cmd(&["verify"]).output().unwrap();
        let out = String::from_utf8_lossy(&v.stdout);
        assert_eq!(v.status.code(), Some(1), "{}: {}", to, out);
        assert!(out.contains("log-start-offset-checkpoint") && out.contains(what), "{}: {}", to, out);
    }
}

#[test]
fn damage_in_a_sealed_segment_is_reported_with_what_it_needs() {
    let k = Klog::new();
    k.ok(&["topic", "create", "t", "--partitions", "1", "--config", "internal.segment.bytes=200"]);
    for i in 0..6 {
        k.ok_with(&["produce", "t", "-p", "0"], format!("value-{}\n", i).as_bytes());
    }
    let first = k.segment("t", 0, 0, ".log");
    flip_bit(&first, 40, 0);
    let before = fs::read(&first).unwrap();
    let v = k.cmd(&["verify", "--repair"]).output().unwrap();
    let out = String::from_utf8_lossy(&v.stdout);
    assert_eq!(v.status.code(), Some(1), "{}", out);
    assert!(out.contains("not repaired: sealed segment") && out.contains("delete-records t -p 0 --before"), "{}", out);
    assert_eq!(fs::read(&first).unwrap(), before, "a sealed segment is never cut");
    k.ok_with(&["produce", "t", "-p", "0"], b"more\n");
}

#[test]
fn a_base_offset_flipped_forward_in_a_sealed_segments_last_batch_runs_into_the_next_segment() {
    let k = Klog::new();
    k.ok(&["topic", "create", "t", "--partitions", "1", "--config", "internal.segment.bytes=200"]);
    for i in 0..6 {
        k.ok_with(&["produce", "t", "-p", "0"], format!("value-{}\n", i).as_bytes());
    }
    let first = k.segment("t", 0, 0, ".log");
    let starts = batch_starts(&first);
    let last = *starts.last().unwrap();
    assert!(k.segment("t", 0, starts.len() as i64, ".log").exists(), "the next segment starts right after");
    // +16 on the base offset of the first segment's last batch.
    flip_bit(&first, last + 7, 4);
    let out = k.cmd(&["consume", "t", "-p", "0", "-e", "--format", FORMAT]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{}", err);
    assert!(err.contains(&format!("{} at byte {}", first.display(), last)), "{}", err);
    let printed = String::from_utf8_lossy(&out.stdout);
    let want: String = (0..starts.len() - 1).map(|i| format!("{} value-{}\n", i, i)).collect();
    assert_eq!(printed, want, "the records before it, nothing at a wrong offset");
    let v = k.cmd(&["verify"]).output().unwrap();
    assert_eq!(v.status.code(), Some(1));
}
