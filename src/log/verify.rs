//! Whole-segment checks for `klog verify` and index rebuilding for `--repair`.
//!
//! A check walks every batch (CRC, lengths, offsets increasing within and across segments,
//! relative offsets in range) and merges the walk with the offset index (every entry must name a
//! batch start and that batch's last offset) and the time index (timestamps strictly increasing,
//! offsets inside the segment).
//!
//! A partition is checked as a whole too: `leader-epoch-checkpoint` against the leader epochs of
//! the batches (every batch from the log start on must lie in its epoch's range of the cache,
//! as Kafka's epoch cache, rebuilt from the log, would put it), and the log start offset against
//! the log (inside it, and not below the start the epoch cache was moved up to when the log start
//! last advanced). A log start damaged to another offset inside the log that the epoch cache
//! does not contradict cannot be told from a real one: the checkpoint has no checksum, in Kafka
//! either.

use super::epoch::{EpochEntry, LeaderEpochCache};
use super::index::{IndexKind, IndexView, OFFSET_ENTRY_BYTES, TIME_ENTRY_BYTES};
use super::names::*;
use super::segment::{list_segments, segment_path, BatchScanner, ScanItem};
use crate::error::Result;
use crate::fsutil;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub position: u64,
    pub what: String,
    /// True for problems `--repair` can fix (a torn tail of the active segment, an index).
    pub repairable: bool,
    /// A log start offset that, if the records below it were deleted, setting the log start
    /// to again (as delete-records does) would fix this problem.
    pub log_start_again: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SegmentCheck {
    pub base_offset: i64,
    pub path: PathBuf,
    pub batches: u64,
    pub records: u64,
    pub bytes: u64,
    pub next_offset: Option<i64>,
    pub problems: Vec<Problem>,
    /// The offset index (or time index) needs rebuilding.
    pub bad_index: bool,
    /// The log has a torn or invalid tail (to be cut by recovery when this is the last segment).
    pub bad_tail: bool,
    /// Position of the last valid batch.
    pub last_batch_at: Option<u64>,
    /// Runs of valid batches with one leader epoch, in order.
    pub epoch_runs: Vec<EpochRun>,
}

/// Consecutive batches of one segment with the same partition leader epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EpochRun {
    pub epoch: i32,
    /// Base offset of the run's first batch, and its byte position.
    pub first_base: i64,
    pub position: u64,
    /// Base offset of the run's last batch.
    pub last_base: i64,
}

/// Checks every segment of a partition directory, oldest first.
pub fn check_partition(dir: &Path) -> Result<Vec<SegmentCheck>> {
    let bases = list_segments(dir)?;
    let mut out = Vec::new();
    for (i, &base) in bases.iter().enumerate() {
        let is_last = i + 1 == bases.len();
        let c = check_segment(dir, base, is_last)?;
        // The segment before must end below this one's base offset.
        if let Some(prev) = out.last_mut() {
            let prev: &mut SegmentCheck = prev;
            if let (Some(next), Some(at)) = (prev.next_offset, prev.last_batch_at) {
                if next > base && !prev.bad_tail {
                    let what = format!(
                        "the last batch ends at offset {}, past the next segment's base offset {} (a damaged base offset)",
                        next - 1,
                        base
                    );
                    prev.problems.push(Problem {
                        path: prev.path.clone(),
                        position: at,
                        what,
                        repairable: false,
                        log_start_again: None,
                    });
                    prev.bad_tail = true;
                }
            }
        }
        out.push(c);
    }
    Ok(out)
}

/// The log end offset the checks found: one past the last valid batch, else the last base.
pub fn checked_log_end(checks: &[SegmentCheck]) -> i64 {
    checks.iter().rev().find_map(|c| c.next_offset).or(checks.last().map(|c| c.base_offset)).unwrap_or(0)
}

/// What [`check_epochs`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EpochCheck {
    pub problems: Vec<Problem>,
    /// `leader-epoch-checkpoint` should be rebuilt from the log (`--repair` does).
    pub rebuild: bool,
}

/// The epoch cache Kafka's recovery would build from these batches: an entry wherever the
/// leader epoch rises, from the log start on.
pub fn epochs_from_log(checks: &[SegmentCheck], log_start: i64) -> Vec<EpochEntry> {
    let mut out: Vec<EpochEntry> = Vec::new();
    for r in checks.iter().flat_map(|c| &c.epoch_runs) {
        if r.epoch < 0 || r.last_base < log_start || out.last().is_some_and(|l| r.epoch <= l.epoch) {
            continue;
        }
        out.push(EpochEntry { epoch: r.epoch, start_offset: r.first_base.max(log_start) });
    }
    out
}

/// Checks `leader-epoch-checkpoint` against the batches' leader epochs, and the log start
/// offset (`log_start_checkpoint`, the partition's entry in `log-start-offset-checkpoint`)
/// against the log. Run on the checks of a partition whose segments are readable.
pub fn check_epochs(dir: &Path, checks: &[SegmentCheck], log_start_checkpoint: Option<i64>) -> EpochCheck {
    let mut out = EpochCheck::default();
    let epoch_path = dir.join(LEADER_EPOCH_CHECKPOINT);
    let start_path = dir.parent().unwrap_or(dir).join("log-start-offset-checkpoint");
    let first_base = checks.first().map_or(0, |c| c.base_offset);
    let log_end = checked_log_end(checks);
    let log_start = log_start_checkpoint.unwrap_or(first_base).max(first_base);
    let mut problem = |path: &Path, what: String, repairable: bool| {
        out.problems.push(Problem { path: path.to_path_buf(), position: 0, what, repairable, log_start_again: None });
    };
    if let Some(ckpt) = log_start_checkpoint {
        if ckpt < 0 || ckpt > log_end {
            let what = format!(
                "log-start-offset-checkpoint puts the log start at {}, outside the log (offsets {}..{})",
                ckpt, first_base, log_end
            );
            problem(&start_path, what, false);
            return out;
        }
    }
    if !epoch_path.exists() {
        // A partition copied without its epoch cache (Kafka's directories may lack one): the
        // writer starts a new one, and there is nothing to check the batches against.
        return out;
    }
    let cache = match LeaderEpochCache::load(dir) {
        Ok(c) => c,
        Err(e) => {
            problem(&epoch_path, format!("does not parse: {}", e), true);
            out.rebuild = true;
            return out;
        }
    };
    let entries = cache.entries();
    if let Some(w) = entries.windows(2).find(|w| w[1].epoch <= w[0].epoch || w[1].start_offset <= w[0].start_offset) {
        let what = format!(
            "entries do not increase: epoch {} at offset {} is followed by epoch {} at offset {}",
            w[0].epoch, w[0].start_offset, w[1].epoch, w[1].start_offset
        );
        problem(&epoch_path, what, true);
        out.rebuild = true;
        return out;
    }
    if let Some(e) = entries.last().filter(|e| e.start_offset > log_end) {
        let what =
            format!("epoch {} starts at offset {}, past the log end offset {}", e.epoch, e.start_offset, log_end);
        problem(&epoch_path, what, true);
        out.rebuild = true;
        return out;
    }
    let epoch_at = |offset: i64| entries.iter().rev().find(|e| e.start_offset <= offset).copied();
    for c in checks {
        for r in &c.epoch_runs {
            if r.epoch < 0 || r.last_base < log_start {
                continue;
            }
            let from = r.first_base.max(log_start);
            let covering = epoch_at(from);
            let split = entries.iter().find(|e| e.start_offset > from && e.start_offset <= r.last_base);
            if covering.is_some_and(|e| e.epoch == r.epoch) && split.is_none() {
                continue;
            }
            // Batches below the cache's first entry, which was moved up to the log start when
            // the log start last advanced: the log start offset is the suspect.
            if let (Some(first), None, Some(ckpt)) = (entries.first(), covering, log_start_checkpoint) {
                if first.start_offset > ckpt && first.start_offset > first_base {
                    let what = format!(
                        "log-start-offset-checkpoint puts the log start at {}, below offset {} where \
                         leader-epoch-checkpoint starts (moved there when the log start last advanced): \
                         one of the two is damaged",
                        ckpt, first.start_offset
                    );
                    problem(&start_path, what, false);
                    if let Some(p) = out.problems.last_mut() {
                        p.log_start_again = Some(first.start_offset);
                    }
                    return out;
                }
            }
            let what = format!(
                "batches of leader epoch {} at offsets {}..={} (from byte {} of {}) lie in {} of the cache",
                r.epoch,
                r.first_base,
                r.last_base,
                r.position,
                c.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                match covering {
                    Some(e) if split.is_none() => format!("the range of epoch {}", e.epoch),
                    Some(_) => "the ranges of several epochs".to_string(),
                    None => "no epoch's range".to_string(),
                }
            );
            problem(&epoch_path, what, true);
            out.rebuild = true;
            return out;
        }
    }
    out
}

/// Rewrites `leader-epoch-checkpoint` from the batches' leader epochs, as Kafka rebuilds its
/// epoch cache when it recovers a log. An entry after the last batch's epoch that starts at the
/// log end (a leader elected since, with nothing written yet) is kept. The caller holds the
/// partition lock. Returns the new entries.
pub fn rebuild_epoch_cache(dir: &Path, log_start_checkpoint: Option<i64>) -> Result<Vec<EpochEntry>> {
    let checks = check_partition(dir)?;
    let first_base = checks.first().map_or(0, |c| c.base_offset);
    let log_start = log_start_checkpoint.unwrap_or(first_base).max(first_base);
    let mut entries = epochs_from_log(&checks, log_start);
    let log_end = checked_log_end(&checks);
    if let Ok(old) = LeaderEpochCache::load(dir) {
        if let Some(l) = old.latest() {
            if l.start_offset == log_end
                && entries.last().is_none_or(|e| e.epoch < l.epoch && e.start_offset < l.start_offset)
            {
                entries.push(l);
            }
        }
    }
    super::checkpoint::write_entries(&dir.join(LEADER_EPOCH_CHECKPOINT), &entries)?;
    Ok(entries)
}

fn check_segment(dir: &Path, base: i64, is_last: bool) -> Result<SegmentCheck> {
    let log_path = segment_path(dir, base, LOG_SUFFIX);
    let mut c = SegmentCheck { base_offset: base, path: log_path.clone(), ..Default::default() };
    let oview = IndexView::open(&segment_path(dir, base, INDEX_SUFFIX), IndexKind::Offset, base)?;
    let tview = IndexView::open(&segment_path(dir, base, TIME_INDEX_SUFFIX), IndexKind::Time, base)?;
    let mut entries = Vec::with_capacity(oview.len() as usize);
    for i in 0..oview.len() {
        entries.push(oview.offset_entry(i)?);
    }
    let mut next_entry = 0usize;
    let mut scan = BatchScanner::open(&log_path, 0)?;
    let log_len = scan.file_len();
    let problem = |c: &mut SegmentCheck, path: &Path, position: u64, what: String, repairable: bool| {
        c.problems.push(Problem { path: path.to_path_buf(), position, what, repairable, log_start_again: None });
    };
    loop {
        match scan.next_batch()? {
            ScanItem::Batch { position, header } => {
                // Merge with the offset index: entries at positions before this batch are strays.
                while next_entry < entries.len() && (entries[next_entry].position as u64) < position {
                    let e = entries[next_entry];
                    let what = format!(
                        "offset index entry {} ({} -> byte {}) is not at a batch start",
                        next_entry, e.offset, e.position
                    );
                    problem(&mut c, oview.path(), next_entry as u64 * OFFSET_ENTRY_BYTES, what, true);
                    c.bad_index = true;
                    next_entry += 1;
                }
                if next_entry < entries.len() && entries[next_entry].position as u64 == position {
                    let e = entries[next_entry];
                    if e.offset != header.last_offset() {
                        let what = format!(
                            "offset index entry {} names offset {} but the batch at byte {} ends at {}",
                            next_entry,
                            e.offset,
                            position,
                            header.last_offset()
                        );
                        problem(&mut c, oview.path(), next_entry as u64 * OFFSET_ENTRY_BYTES, what, true);
                        c.bad_index = true;
                    }
                    next_entry += 1;
                }
                match c.epoch_runs.last_mut() {
                    Some(r) if r.epoch == header.partition_leader_epoch => r.last_base = header.base_offset,
                    _ => c.epoch_runs.push(EpochRun {
                        epoch: header.partition_leader_epoch,
                        first_base: header.base_offset,
                        position,
                        last_base: header.base_offset,
                    }),
                }
                c.last_batch_at = Some(position);
                c.batches += 1;
                c.records += header.records_count.max(0) as u64;
                c.bytes += header.size() as u64;
                c.next_offset = Some(header.next_offset());
            }
            ScanItem::End { position, torn_bytes } => {
                if torn_bytes > 0 {
                    let what = format!("{} bytes at the end do not form a whole batch (torn tail)", torn_bytes);
                    problem(&mut c, &log_path, position, what, is_last);
                    c.bad_tail = true;
                }
                break;
            }
            ScanItem::Invalid { position, error } => {
                problem(&mut c, &log_path, position, format!("invalid batch: {}", error), is_last);
                c.bad_tail = true;
                break;
            }
        }
    }
    for (i, e) in entries.iter().enumerate().skip(next_entry) {
        let what = if e.position as u64 >= log_len {
            format!(
                "offset index entry {} points at byte {}, past the end of the log ({} bytes)",
                i, e.position, log_len
            )
        } else {
            format!("offset index entry {} ({} -> byte {}) is not at a valid batch start", i, e.offset, e.position)
        };
        problem(&mut c, oview.path(), i as u64 * OFFSET_ENTRY_BYTES, what, true);
        c.bad_index = true;
    }
    let last = c.next_offset.map_or(base, |n| n - 1);
    let sealed_and_corrupt = c.bad_tail && !is_last;
    let mut prev_ts = i64::MIN;
    for i in 0..tview.len() {
        let e = tview.time_entry(i)?;
        let bad = if e.timestamp <= prev_ts {
            Some(format!("time index entry {} has timestamp {} not after the previous {}", i, e.timestamp, prev_ts))
        } else if e.offset < base || e.offset > last {
            Some(format!("time index entry {} names offset {} outside the segment ({}..{})", i, e.offset, base, last))
        } else {
            None
        };
        if let Some(what) = bad {
            problem(&mut c, tview.path(), i * TIME_ENTRY_BYTES, what, true);
            c.bad_index = true;
            break;
        }
        prev_ts = e.timestamp;
    }
    if sealed_and_corrupt {
        // --repair does not rebuild over a corrupt sealed segment, so promise nothing for it.
        c.problems.iter_mut().for_each(|p| p.repairable = false);
    }
    Ok(c)
}

/// Rewrites a segment's offset and time indexes from its log (the recovery rule of
/// kafka-format.md section 2.6), each by atomic replace. The caller holds the partition lock.
/// Stops at the first invalid batch; returns the number of offset-index entries written.
pub fn rebuild_indexes(dir: &Path, base: i64, index_interval_bytes: u64) -> Result<u64> {
    let log_path = segment_path(dir, base, LOG_SUFFIX);
    let mut scan = BatchScanner::open(&log_path, 0)?;
    let mut oidx = Vec::new();
    let mut tidx = Vec::new();
    let mut last_indexed = 0u64;
    let mut max_ts = -1i64;
    let mut max_ts_offset = base;
    let mut last_time: Option<i64> = None;
    let push_time = |tidx: &mut Vec<u8>, ts: i64, off: i64, last_time: &mut Option<i64>| {
        if ts >= 0 && last_time.is_none_or(|l| ts > l) {
            tidx.extend_from_slice(&ts.to_be_bytes());
            tidx.extend_from_slice(&((off - base) as i32).to_be_bytes());
            *last_time = Some(ts);
        }
    };
    let mut n = 0;
    while let ScanItem::Batch { position, header } = scan.next_batch()? {
        if header.max_timestamp > max_ts {
            max_ts = header.max_timestamp;
            max_ts_offset = header.last_offset();
        }
        if position > last_indexed && position - last_indexed > index_interval_bytes {
            oidx.extend_from_slice(&((header.last_offset() - base) as i32).to_be_bytes());
            oidx.extend_from_slice(&(position as i32).to_be_bytes());
            push_time(&mut tidx, max_ts, max_ts_offset, &mut last_time);
            last_indexed = position;
            n += 1;
        }
    }
    push_time(&mut tidx, max_ts, max_ts_offset, &mut last_time);
    fsutil::write_atomic(&segment_path(dir, base, INDEX_SUFFIX), &oidx)?;
    fsutil::write_atomic(&segment_path(dir, base, TIME_INDEX_SUFFIX), &tidx)?;
    Ok(n)
}
