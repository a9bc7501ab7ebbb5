//! Torn and corrupt tails of the active segment, with the real binary and the library.
//!
//! A topic gets three batches from three `klog produce` runs (offsets 0..=2, 3..=4 and 5, the
//! last one a single short record). Then, on a fresh copy of the data directory each time:
//! - the active `.log` is cut at every byte length from the start of the last batch to one byte
//!   short of the end (and at a sample of lengths inside the middle batch); a new `produce` must
//!   recover, `consume` must show exactly the whole batches before the cut followed by the new
//!   record at the cut batch's first offset, and `verify` must exit 0; the same every-byte cut
//!   is repeated after five 5000-byte batches, so that the offset and time indexes have entries,
//!   the last of them pointing at the batch that is cut;
//! - every bit of the last batch's 61-byte header is flipped, once each. Bytes 17.. (CRC and what
//!   it covers) and magic are checked, and batchLength decides where the batch ends, so a flip
//!   there drops the batch. partitionLeaderEpoch is outside the CRC, so the batch stays, but
//!   `verify` finds that it disagrees with `leader-epoch-checkpoint`. baseOffset is outside the CRC too: recovery drops the batch when the flip moves its
//!   offset backwards or past what a segment can hold (base + i32::MAX), and otherwise keeps it at
//!   the flipped offset (a forward gap, which Kafka allows, e.g. after compaction). Every bit is
//!   run through the library (`DataDir::open_writer`, `append_batch`, a reader cursor and
//!   `verify::check_partition`), and one bit per header byte through the binary.

mod common;

use common::Klog;
use klog::datadir::DataDir;
use klog::log::verify::check_partition;
use klog::log::AppendMode;
use klog::record::{decode_batch, peek_offset_and_length, BatchBuilder, Compression, HEADER_BYTES};
use std::fs;
use std::path::Path;

const FORMAT: &str = "%o %s\\n";

/// The records of the three produced batches, in order.
const WRITTEN: [&[&str]; 3] = [&["a1", "a2", "a3"], &["b1", "b2"], &["c"]];

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dst = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dst);
        } else {
            fs::copy(e.path(), &dst).unwrap();
        }
    }
}

struct Base {
    t: Klog,
    /// The records of each batch, in order.
    batches: Vec<Vec<String>>,
    /// Byte positions of the batches in the active segment, and its length.
    starts: Vec<u64>,
    len: u64,
}

/// A topic with one batch per entry of `batches`, each from its own `produce` run.
fn base_with(batches: Vec<Vec<String>>) -> Base {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "--partitions", "1"]);
    for batch in &batches {
        let input = batch.join("\n") + "\n";
        t.ok_with(&["produce", "t", "-p", "0"], input.as_bytes());
    }
    let log = fs::read(t.segment("t", 0, 0, ".log")).unwrap();
    let mut starts = Vec::new();
    let mut pos = 0usize;
    while pos < log.len() {
        starts.push(pos as u64);
        let (_, len) = peek_offset_and_length(&log[pos..]);
        pos += 12 + len as usize;
    }
    assert_eq!(pos, log.len());
    assert_eq!(starts.len(), batches.len(), "one produce run, one batch");
    let b = Base { t, batches, starts, len: log.len() as u64 };
    let all = expected_after_cut(&b, b.batches.len(), None);
    assert_eq!(b.t.ok(&["consume", "t", "-p", "0", "-e", "--format", FORMAT]), all);
    b
}

fn base() -> Base {
    base_with(WRITTEN.iter().map(|b| b.iter().map(|s| s.to_string()).collect()).collect())
}

/// A fresh copy of the base data directory.
fn fresh(b: &Base) -> Klog {
    let k = Klog::new();
    copy_dir(&b.t.data(), &k.data());
    k
}

/// The consume output for the first `whole` batches, then `new` (if any) at the next offset.
fn expected_after_cut(b: &Base, whole: usize, new: Option<&str>) -> String {
    let mut out = String::new();
    let mut offset = 0;
    for batch in &b.batches[..whole] {
        for r in batch {
            out += &format!("{} {}\n", offset, r);
            offset += 1;
        }
    }
    if let Some(new) = new {
        out += &format!("{} {}\n", offset, new);
    }
    out
}

fn cut_and_check(b: &Base, len: u64, whole: usize) {
    let k = fresh(b);
    let seg = k.segment("t", 0, 0, ".log");
    fs::OpenOptions::new().write(true).open(&seg).unwrap().set_len(len).unwrap();
    k.ok_with(&["produce", "t", "-p", "0"], b"new\n");
    let got = k.ok(&["consume", "t", "-p", "0", "-e", "--format", FORMAT]);
    assert_eq!(got, expected_after_cut(b, whole, Some("new")), "cut at byte {} of {}", len, b.len);
    assert_eq!(
        fs::metadata(&seg).unwrap().len(),
        b.starts[whole] + (HEADER_BYTES + 10) as u64,
        "the torn bytes are gone and the new 71-byte batch follows"
    );
    k.verify_ok("");
}

#[test]
fn every_cut_inside_the_last_batch() {
    let b = base();
    let last = b.starts[2];
    assert!(b.len - last < 100, "the last batch is small");
    for len in last..b.len {
        cut_and_check(&b, len, 2);
    }
}

#[test]
fn cuts_inside_the_middle_batch() {
    let b = base();
    let (from, to) = (b.starts[1], b.starts[2]);
    let mut lens: Vec<u64> = (from..to).step_by(5).collect();
    lens.extend([from + 1, from + 12, from + 17, from + 18, from + 61, to - 1]);
    lens.sort();
    lens.dedup();
    for len in lens {
        cut_and_check(&b, len, 1);
    }
}

/// Large batches before the last one put entries in the offset and time indexes, the last one
/// pointing at the batch that gets cut: recovery must drop it and verify must find the rebuilt
/// indexes consistent.
#[test]
fn every_cut_inside_the_last_batch_with_index_entries() {
    let mut batches: Vec<Vec<String>> = (0..5).map(|i| vec![format!("{}", i).repeat(5000)]).collect();
    batches.push(vec!["c".to_string()]);
    let b = base_with(batches);
    let index = fs::metadata(b.t.segment("t", 0, 0, ".index")).unwrap().len();
    assert!(index >= 4 * 8, "the offset index has entries ({} bytes)", index);
    let last = b.starts[5];
    for len in last..b.len {
        cut_and_check(&b, len, 5);
    }
}

/// What recovery must do with the last batch after a flip of `bit` in header byte `byte`: keep it
/// at this base offset, or drop it (`None`).
fn expected_base_after_flip(byte: usize, bit: u32) -> Option<i64> {
    match byte {
        0..=7 => {
            let flipped = 5i64 ^ (1i64 << ((7 - byte as u32) * 8 + bit));
            // Backwards, or beyond a relative offset of the segment at base 0: dropped.
            (flipped >= 5 && flipped <= i32::MAX as i64).then_some(flipped)
        }
        8..=11 => None,     // batchLength
        12..=15 => Some(5), // partitionLeaderEpoch: not covered, not checked
        16 => None,         // magic
        17..=60 => None,    // CRC and the CRC-covered header fields
        _ => unreachable!(),
    }
}

fn flip(k: &Klog, start: u64, byte: usize, bit: u32) {
    let seg = k.segment("t", 0, 0, ".log");
    let mut log = fs::read(&seg).unwrap();
    log[start as usize + byte] ^= 1 << bit;
    fs::write(&seg, log).unwrap();
}

fn expected_records(kept: Option<i64>) -> Vec<(i64, String)> {
    let mut v: Vec<(i64, String)> =
        WRITTEN[..2].iter().flat_map(|b| b.iter()).enumerate().map(|(i, s)| (i as i64, s.to_string())).collect();
    match kept {
        Some(o) => {
            v.push((o, "c".into()));
            v.push((o + 1, "new".into()));
        }
        None => v.push((5, "new".into())),
    }
    v
}

#[test]
fn every_header_bit_flip_of_the_last_batch_via_the_library() {
    let b = base();
    let last = b.starts[2];
    let mut kept_flips = 0;
    for byte in 0..HEADER_BYTES {
        for bit in 0..8u32 {
            let k = fresh(&b);
            flip(&k, last, byte, bit);
            let want = expected_base_after_flip(byte, bit);
            let what = format!("flip of bit {} of header byte {}", bit, byte);

            let dd = DataDir::open(&k.data()).unwrap();
            let topic = dd.topic("t").unwrap();
            {
                let mut w = dd.open_writer(&topic, 0).unwrap();
                let report = w.recovery_report().clone();
                match want {
                    Some(o) => {
                        assert_eq!(report.truncated_at, None, "{}: {:?}", what, report);
                        assert_eq!(w.log_end_offset(), o + 1, "{}", what);
                        kept_flips += 1;
                    }
                    None => {
                        assert_eq!(report.truncated_at, Some(last), "{}: {:?}", what, report);
                        assert_eq!(report.truncated_bytes, b.len - last, "{}", what);
                        assert_eq!(w.log_end_offset(), 5, "{}", what);
                    }
                }
                let mut bb = BatchBuilder::new();
                bb.push(1_700_000_000_000, None, Some(b"new"), &[]);
                let batch = bb.finish(0, 0, Compression::None);
                let info = w.append_batch(batch, AppendMode::Leader { leader_epoch: 0 }).unwrap();
                assert_eq!(info.base_offset, want.map_or(5, |o| o + 1), "{}", what);
                w.flush().unwrap();
            }

            let reader = dd.open_reader(&topic, 0).unwrap();
            let mut cur = reader.cursor(0);
            let mut got = Vec::new();
            while let Some((_, bytes)) = cur.next_batch().unwrap() {
                for r in decode_batch(bytes).unwrap().1 {
                    got.push((r.offset, String::from_utf8(r.value.unwrap()).unwrap()));
                }
            }
            assert_eq!(got, expected_records(want), "{}", what);

            let checks = check_partition(&dd.partition_dir("t", 0)).unwrap();
            let problems: Vec<_> = checks.iter().flat_map(|c| &c.problems).collect();
            assert!(problems.is_empty(), "{}: verify finds {:?}", what, problems);
        }
    }
    // 32 epoch bits, and baseOffset bits 1 and 3..=30.
    assert_eq!(kept_flips, 32 + 1 + 28);
}

#[test]
fn one_header_bit_per_byte_of_the_last_batch_via_the_binary() {
    let b = base();
    let last = b.starts[2];
    for byte in 0..HEADER_BYTES {
        let bit = (byte % 8) as u32;
        let k = fresh(&b);
        flip(&k, last, byte, bit);
        let want = expected_base_after_flip(byte, bit);
        k.ok_with(&["produce", "t", "-p", "0"], b"new\n");
        let got = k.ok(&["consume", "t", "-p", "0", "-e", "--format", FORMAT]);
        let expected: String = expected_records(want).iter().map(|(o, s)| format!("{} {}\n", o, s)).collect();
        assert_eq!(got, expected, "flip of bit {} of header byte {}", bit, byte);
        if (12..=15).contains(&byte) {
            // A flipped leader epoch disagrees with leader-epoch-checkpoint: verify says so.
            let v = k.cmd(&["verify"]).output().unwrap();
            let out = String::from_utf8_lossy(&v.stdout);
            assert_eq!(v.status.code(), Some(1), "byte {}: {}", byte, out);
            assert!(out.contains("leader-epoch-checkpoint: batches of leader epoch"), "byte {}: {}", byte, out);
        } else {
            k.verify_ok("");
        }
    }
}
