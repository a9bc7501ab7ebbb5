//! Whole-segment checks for `klog verify` and index rebuilding for `--repair`.
//!
//! A check walks every batch (CRC, lengths, offsets increasing within and across segments,
//! relative offsets in range) and merges the walk with the offset index (every entry must name a
//! batch start and that batch's last offset) and the time index (timestamps strictly increasing,
//! offsets inside the segment).

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
}

/// Checks every segment of a partition directory, oldest first.
pub fn check_partition(dir: &Path) -> Result<Vec<SegmentCheck>> {
    let bases = list_segments(dir)?;
    let mut out = Vec::new();
    let mut prev_next: Option<i64> = None;
    for (i, &base) in bases.iter().enumerate() {
        let is_last = i + 1 == bases.len();
        let c = check_segment(dir, base, is_last, prev_next)?;
        prev_next = c.next_offset.or(prev_next);
        out.push(c);
    }
    Ok(out)
}

fn check_segment(dir: &Path, base: i64, is_last: bool, prev_next: Option<i64>) -> Result<SegmentCheck> {
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
    let mut expected_min = prev_next.unwrap_or(base).max(base);
    let problem = |c: &mut SegmentCheck, path: &Path, position: u64, what: String, repairable: bool| {
        c.problems.push(Problem { path: path.to_path_buf(), position, what, repairable });
    };
    loop {
        match scan.next_batch()? {
            ScanItem::Batch { position, header } => {
                if header.base_offset < expected_min {
                    let what = format!(
                        "batch offsets {}..{} go backwards (expected >= {})",
                        header.base_offset,
                        header.last_offset(),
                        expected_min
                    );
                    problem(&mut c, &log_path, position, what, false);
                }
                if header.last_offset() - base > i32::MAX as i64 {
                    problem(&mut c, &log_path, position, "last offset does not fit the segment".into(), false);
                }
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
                c.batches += 1;
                c.records += header.records_count.max(0) as u64;
                c.bytes += header.size() as u64;
                expected_min = header.next_offset();
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
