//! The bodies of the fuzz targets, one function per decoder, shared by the cargo-fuzz binaries
//! (`fuzz_targets/*.rs`) and by the normal test suite (`tests/fuzz_regressions.rs`), which runs
//! every committed seed (`corpus/<target>/`) and every input that once crashed a target
//! (`regressions/<target>/`) through the same code. An error is a fine outcome for any input; a
//! panic, a hang or an unbounded allocation is a bug.
#![allow(dead_code)]

use klog::datadir::TopicMeta;
use klog::group::member::{read_state, GroupState, MemberMeta};
use klog::group::schema::decode;
use klog::log::checkpoint;
use klog::log::epoch::LeaderEpochCache;
use klog::log::index::{IndexKind, IndexView};
use klog::log::segment::{after_damage, find_valid_batch, BatchScanner, ScanItem};
use klog::log::verify::check_partition;
use klog::log::PartitionReader;
use klog::meta::{check_invariants, parse_changes, Snapshot};
use klog::record::compression::Compression;
use klog::record::json::parse_record;
use klog::record::{self, RecordsSection};
use std::path::{Path, PathBuf};

thread_local! {
    /// One scratch directory per thread, kept for the whole run: making and removing a temporary
    /// directory for every input cost more than the decoders the file targets exist to test.
    static SCRATCH: tempfile::TempDir = tempfile::tempdir().expect("temp dir");
}

/// The thread's scratch directory, emptied, holding exactly `files` (name and contents), as
/// each file target expects to find it.
fn scratch_with(files: &[(&str, &[u8])]) -> PathBuf {
    SCRATCH.with(|dir| {
        let dir = dir.path();
        for entry in std::fs::read_dir(dir).expect("read scratch") {
            let path = entry.expect("scratch entry").path();
            if path.is_dir() {
                std::fs::remove_dir_all(&path).expect("clear scratch");
            } else {
                std::fs::remove_file(&path).expect("clear scratch");
            }
        }
        for (name, data) in files {
            std::fs::write(dir.join(name), data).expect("write");
        }
        dir.to_path_buf()
    })
}

/// One record batch as read from disk: validation, the header, the records (decompressed).
/// The input's length and CRC fields are fixed up first (half the time), so that the fuzzer
/// reaches the record and compression decoders behind the CRC check.
pub fn record_batch(data: &[u8]) {
    let mut batch = data.to_vec();
    if batch.len() >= record::HEADER_BYTES && batch[0] & 1 == 0 {
        let len = (batch.len() - record::LOG_OVERHEAD) as i32;
        batch[record::LENGTH_AT..record::LENGTH_AT + 4].copy_from_slice(&len.to_be_bytes());
        batch[record::MAGIC_AT] = record::MAGIC_V2 as u8;
        let crc = record::crc32c(&batch[record::ATTRIBUTES_AT..]);
        batch[record::CRC_AT..record::CRC_AT + 4].copy_from_slice(&crc.to_be_bytes());
    }
    let Ok(h) = record::validate(&batch) else { return };
    if let Ok((h2, records)) = record::decode_batch(&batch) {
        assert_eq!(h2, h);
        assert!(records.len() <= h.records_count as usize);
    }
    if let Ok(section) = RecordsSection::new(&batch, &h) {
        for r in section.iter() {
            if r.is_err() {
                break;
            }
        }
    }
}

/// The compression codecs Kafka writes (gzip, snappy, lz4, zstd), on arbitrary bytes: the first
/// byte picks the codec. An error is fine; a panic, a hang or an unbounded allocation is not.
pub fn decompress(data: &[u8]) {
    let Some((&codec, rest)) = data.split_first() else { return };
    let Ok(codec) = Compression::from_attributes((codec % 5) as i16) else { return };
    let _ = klog::record::compression::decompress(codec, rest);
}

/// A `.log` segment file as every reader walks it: the batch scanner (offset checks and the
/// look-ahead), the lock-free reader's cursor, `verify`'s whole-segment check and the search
/// for valid batches after damage. A record returned must come from a batch that validated.
pub fn segment(data: &[u8]) {
    let dir = scratch_with(&[("00000000000000000000.log", data)]);
    let log = dir.join("00000000000000000000.log");
    let mut scan = BatchScanner::open(&log, 0).expect("open");
    let mut prev_next = 0i64;
    loop {
        match scan.next_batch().expect("read") {
            ScanItem::Batch { header, .. } => {
                assert!(header.base_offset >= prev_next, "offsets increase");
                assert!(klog::record::validate(scan.batch_bytes()).is_ok());
                prev_next = header.next_offset();
            }
            ScanItem::End { .. } => break,
            ScanItem::Invalid { position, .. } => {
                let _ = after_damage(&log, position);
                break;
            }
        }
    }
    let _ = find_valid_batch(data);
    let _ = check_partition(&dir);
    let reader = PartitionReader::open(&dir, None).expect("open reader");
    let _ = reader.log_end_offset();
    let mut cursor = reader.cursor(0);
    let mut last = -1i64;
    while let Ok(Some((h, bytes))) = cursor.next_batch() {
        assert!(h.base_offset > last, "the cursor never goes back");
        last = h.last_offset();
        assert!(klog::record::validate(bytes).is_ok());
    }
}

/// Offset and time index files (and a small log they point into): opening, entries, lookups,
/// and the reader's use of them as hints for offset and time lookups.
pub fn index(data: &[u8]) {
    let split = data.first().map_or(0, |&b| b as usize).min(data.len());
    let (index, time) = data.split_at(split);
    let dir = scratch_with(&[
        ("00000000000000000000.index", index),
        ("00000000000000000000.timeindex", time),
        ("00000000000000000000.log", time),
    ]);
    let offset_path = dir.join("00000000000000000000.index");
    let time_path = dir.join("00000000000000000000.timeindex");
    if let Ok(v) = IndexView::open(&offset_path, IndexKind::Offset, 0) {
        for i in 0..v.len().min(64) {
            let _ = v.offset_entry(i);
        }
        let _ = v.lookup_offset(i64::from(index.len() as u32));
        let _ = v.last_offset_entry();
    }
    if let Ok(v) = IndexView::open(&time_path, IndexKind::Time, 0) {
        for i in 0..v.len().min(64) {
            let _ = v.time_entry(i);
        }
        let _ = v.lookup_time(1_700_000_000_000);
        let _ = v.last_time_entry();
    }
    if let Ok(r) = PartitionReader::open(&dir, None) {
        let _ = r.log_end_offset();
        let _ = r.offset_for_timestamp(1_700_000_000_000);
        let _ = r.segment_summaries();
        let mut c = r.cursor(3);
        while let Ok(Some(_)) = c.next_batch() {}
    }
}

/// Kafka's text checkpoints (leader-epoch-checkpoint, the offset checkpoints) and
/// `meta.properties`, and the epoch cache loaded from a checkpoint file.
pub fn checkpoint(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let path = Path::new("checkpoint");
    if let Ok(entries) = checkpoint::parse(&text, path) {
        let lines: Vec<String> = entries.iter().map(|e| e.join(" ")).collect();
        let again = checkpoint::parse(&checkpoint::format(&lines), path).expect("what was parsed formats back");
        assert_eq!(again.len(), entries.len());
    }
    let _ = klog::datadir::parse_properties(&text);
    // The epoch cache as `LeaderEpochCache::load` makes it of the file's text, without the file.
    let path = Path::new("leader-epoch-checkpoint");
    if let Ok(lines) = checkpoint::parse(&text, path) {
        if let Ok(cache) = LeaderEpochCache::from_lines(path.to_path_buf(), &lines) {
            let _ = cache.end_offset_for(3, 100);
        }
    }
}

/// `__consumer_offsets` records in Kafka's schemas (OffsetCommit and GroupMetadata keys and
/// values, the consumer protocol's subscription and assignment inside them). The first two
/// bytes give the key's length; the rest is the value (absent when empty: a tombstone).
pub fn group_records(data: &[u8]) {
    if data.len() < 2 {
        return;
    }
    let key_len = u16::from_be_bytes([data[0], data[1]]) as usize;
    let rest = &data[2..];
    let (key, value) = rest.split_at(key_len.min(rest.len()));
    let _ = decode(key, (!value.is_empty()).then_some(value));
}

/// The cluster metadata store: `snapshot.json` (and its invariants) and the change log
/// `changes.log` (CRC-guarded JSON lines).
pub fn meta_store(data: &[u8]) {
    if let Ok(s) = serde_json::from_slice::<Snapshot>(data) {
        let _ = check_invariants(&s);
    }
    let _ = parse_changes(Path::new("changes.log"), data);
}

/// klog's own JSON state files: topic metadata (`.klog/topics/<t>.json`), a group's
/// `state.json` and a member's metadata, read as the commands read them.
pub fn json_state(data: &[u8]) {
    let _ = serde_json::from_slice::<TopicMeta>(data);
    let _ = serde_json::from_slice::<GroupState>(data);
    let _ = serde_json::from_slice::<MemberMeta>(data);
    let dir = scratch_with(&[("state.json", data)]);
    let _ = read_state(&dir);
}

/// `klog produce --input json`: one object per line (key/key_b64, value/value_b64, headers,
/// timestamp, partition), as `consume --json` writes them.
pub fn json_input(data: &[u8]) {
    for (i, line) in data.split(|&b| b == b'\n').enumerate() {
        let _ = parse_record(line, i + 1);
    }
}
