//! Log compaction of one partition, under its writer lock (kafka-format.md section 5.3).
//!
//! A round: build the key map over the dirty part `[first dirty, first uncleanable)` (stopping
//! early when the map is full: the round then ends there, and the next pass goes on from it),
//! rewrite every segment below the round's end, in size-bounded groups, each group into one
//! `<first base>.log.cleaned` segment with indexes built by Kafka's append rule, and swap each
//! group in with [`PartitionWriter::replace_segments`] (`.cleaned` -> `.swap` -> final names,
//! old segments through `.deleted`). After every group of a round is swapped, the round's end
//! goes to `cleaner-offset-checkpoint`.
//!
//! Invariants:
//! - the active segment is never read for cleaning nor replaced;
//! - records keep their offsets; the latest record of every key below the round's end stays
//!   (a tombstone until its delete horizon passes);
//! - a crash at any point leaves either the old segments or the new ones for every group (the
//!   writer's recovery finishes or rolls back a half-done swap), and a round whose checkpoint
//!   was not written is simply done again: cleaning clean data with the same map changes
//!   nothing but tombstone horizons.

use super::filter::{filter_batch, FilterRound};
use super::offset_map::{key_hash, OffsetMap};
use super::plan::{group_segments, plan_compaction, CleanerConfig, PartitionState, SegmentSource};
use super::source::DirSegments;
use super::Progress;
use crate::datadir::{DataDir, TopicMeta, CLEANER_CHECKPOINT, LOG_START_CHECKPOINT};
use crate::error::{Error, Result};
use crate::log::index::{IndexKind, IndexView, IndexWriter};
use crate::log::names::{CLEANED_SUFFIX, INDEX_SUFFIX, LOG_SUFFIX, TIME_INDEX_SUFFIX};
use crate::log::segment::{read_header_at, segment_path, BatchScanner, ScanItem};
use crate::log::PartitionWriter;
use crate::record::{BatchHeader, RecordsSection};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What compacting one partition did.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct CompactionReport {
    /// Rounds run (more than one when the dirty part held more keys than the map).
    pub passes: u32,
    pub dirty_ratio: f64,
    /// The dirty part when compaction started.
    pub first_dirty: i64,
    pub first_uncleanable: i64,
    /// Segments below `first_uncleanable` (what compaction works on) before and after.
    pub segments_before: usize,
    pub segments_after: usize,
    /// Bytes of those segments before and after.
    pub bytes_before: u64,
    pub bytes_after: u64,
    pub records_read: u64,
    pub records_removed: u64,
    pub tombstones_removed: u64,
    /// The new `cleaner-offset-checkpoint` value.
    pub cleaner_offset: i64,
    /// Why compaction stopped before the end of its round, if it did (a later run goes on).
    pub interrupted: Option<String>,
}

fn cleaned_path(dir: &Path, base: i64, suffix: &str) -> PathBuf {
    let mut p = segment_path(dir, base, suffix).into_os_string();
    p.push(CLEANED_SUFFIX);
    PathBuf::from(p)
}

fn corrupt_tail(path: &Path, position: u64, torn: u64) -> Error {
    Error::corrupt(path, position, format!("sealed segment ends with a torn batch of {} bytes", torn))
}

/// The position of the batch holding `offset` or an earlier one in segment `base` (an offset
/// index entry that checks out), else 0.
fn start_position(dir: &Path, base: i64, offset: i64) -> Result<u64> {
    let view = IndexView::open(&segment_path(dir, base, INDEX_SUFFIX), IndexKind::Offset, base)?;
    let Some(e) = view.lookup_offset(offset.saturating_sub(1))? else { return Ok(0) };
    let path = segment_path(dir, base, LOG_SUFFIX);
    let f = std::fs::File::open(&path).map_err(|e| Error::io("open segment", &path, e))?;
    Ok(match read_header_at(&f, &path, e.position as u64)? {
        Some(h) if h.last_offset() == e.offset => e.position as u64,
        _ => 0,
    })
}

/// Fills `map` with the latest offset of every key in `[from, to)`, in the segments that
/// overlap it. Returns the round's end: `to` when everything fit, else the offset of the first
/// record whose key did not fit (records from there on stay as they are this round); or
/// `Err(reason)` inside `Ok` when `between` (called between two segments) says to stop.
#[allow(clippy::too_many_arguments)]
fn build_offset_map(
    dir: &Path,
    segs: &DirSegments,
    from: i64,
    to: i64,
    map: &mut OffsetMap,
    progress: &mut dyn Progress,
    what: &str,
    between: &mut dyn FnMut() -> Result<Option<String>>,
) -> Result<std::result::Result<i64, String>> {
    let n = segs.count();
    let range: Vec<usize> =
        (0..n).filter(|&i| segs.base_offset(i) < to && (i + 1 == n || segs.base_offset(i + 1) > from)).collect();
    let total: u64 = range.iter().map(|&i| segs.size_bytes(i)).sum();
    // A record takes at least 8 bytes uncompressed: a bound on the keys, capped by the budget.
    map.reset((total / 8) as usize);
    let mut done = 0u64;
    let mut keys: Vec<(u128, i64)> = Vec::new();
    for (n, i) in range.into_iter().enumerate() {
        if n > 0 {
            if let Some(reason) = between()? {
                return Ok(Err(reason));
            }
        }
        let base = segs.base_offset(i);
        let path = segment_path(dir, base, LOG_SUFFIX);
        let start = if base < from { start_position(dir, base, from)? } else { 0 };
        let mut scan = BatchScanner::open(&path, start)?;
        loop {
            match scan.next_batch()? {
                ScanItem::Batch { position, header } => {
                    done += header.size() as u64;
                    if header.last_offset() < from || header.is_control() {
                        continue;
                    }
                    if header.base_offset >= to {
                        break;
                    }
                    let section = RecordsSection::new(scan.batch_bytes(), &header)
                        .map_err(|e| Error::corrupt(&path, position, e.0))?;
                    // Hash the batch's keys first, then insert them (the inserts' cache misses
                    // overlap better without decoding in between).
                    keys.clear();
                    for r in section.iter() {
                        let r = r.map_err(|e| Error::corrupt(&path, position, e.0))?;
                        if let (Some(k), true) = (r.key, r.offset >= from && r.offset < to) {
                            keys.push((key_hash(k), r.offset));
                        }
                    }
                    for &(h, offset) in &keys {
                        if !map.put(h, offset) {
                            return Ok(Ok(offset));
                        }
                    }
                    progress.update(what, done, total);
                }
                ScanItem::End { position, torn_bytes } => {
                    if torn_bytes > 0 {
                        return Err(corrupt_tail(&path, position, torn_bytes));
                    }
                    break;
                }
                ScanItem::Invalid { position, error } => return Err(Error::corrupt(&path, position, error.0)),
            }
        }
    }
    Ok(Ok(to))
}

#[derive(Default)]
struct GroupStats {
    records_read: u64,
    records_kept: u64,
    tombstones_removed: u64,
}

/// Cleans the segments `bases` (one group) into `<bases[0]>.{log,index,timeindex}.cleaned`,
/// fsynced, with the last old segment's modification time.
#[allow(clippy::too_many_arguments)]
fn clean_group(
    dir: &Path,
    bases: &[i64],
    map: &OffsetMap,
    round: &FilterRound,
    index_interval_bytes: u64,
    progress: &mut dyn Progress,
    what: &str,
    done: &mut u64,
    total: u64,
) -> Result<GroupStats> {
    let base = bases[0];
    let log_path = cleaned_path(dir, base, LOG_SUFFIX);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(true)
        .open(&log_path)
        .map_err(|e| Error::io("create", &log_path, e))?;
    let mut oidx = IndexWriter::open(&cleaned_path(dir, base, INDEX_SUFFIX), IndexKind::Offset, base, 0, None)?;
    let mut tidx = IndexWriter::open(&cleaned_path(dir, base, TIME_INDEX_SUFFIX), IndexKind::Time, base, 0, None)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
    let mut buf = Vec::with_capacity(1 << 16);
    let mut stats = GroupStats::default();
    let (mut position, mut since_index) = (0u64, 0u64);
    let (mut max_ts, mut max_ts_offset) = (-1i64, base);
    let mut last_mtime = None;
    for &b in bases {
        let path = segment_path(dir, b, LOG_SUFFIX);
        last_mtime = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        let mut scan = BatchScanner::open(&path, 0)?;
        loop {
            match scan.next_batch()? {
                ScanItem::Batch { position: at, header } => {
                    buf.clear();
                    let st = filter_batch(scan.batch_bytes(), &header, map, round, &mut buf)
                        .map_err(|e| Error::corrupt(&path, at, e.0))?;
                    stats.records_read += st.records_read;
                    stats.records_kept += st.records_kept;
                    stats.tombstones_removed += st.tombstones_removed;
                    *done += header.size() as u64;
                    if !buf.is_empty() {
                        let h = BatchHeader::parse(&buf).map_err(|e| Error::corrupt(&path, at, e.0))?;
                        if h.max_timestamp > max_ts {
                            max_ts = h.max_timestamp;
                            max_ts_offset = h.last_offset();
                        }
                        // Kafka's append rule (kafka-format.md section 2.6), one batch at a time.
                        if since_index > index_interval_bytes {
                            oidx.append_offset(h.last_offset(), position as u32)?;
                            tidx.maybe_append_time(max_ts, max_ts_offset)?;
                            since_index = 0;
                        }
                        out.write_all(&buf).map_err(|e| Error::io("write", &log_path, e))?;
                        position += buf.len() as u64;
                        since_index += buf.len() as u64;
                    }
                    progress.update(what, *done, total);
                }
                ScanItem::End { position: at, torn_bytes } => {
                    if torn_bytes > 0 {
                        return Err(corrupt_tail(&path, at, torn_bytes));
                    }
                    break;
                }
                ScanItem::Invalid { position: at, error } => return Err(Error::corrupt(&path, at, error.0)),
            }
        }
    }
    tidx.maybe_append_time(max_ts, max_ts_offset)?;
    let file = out.into_inner().map_err(|e| Error::io("write", &log_path, e.into_error()))?;
    if let Some(t) = last_mtime {
        // Retention falls back on the modification time of a segment without timestamps.
        file.set_modified(t).map_err(|e| Error::io("set the modification time of", &log_path, e))?;
    }
    crate::fsutil::sync_all(&file, &log_path)?;
    oidx.sync()?;
    tidx.sync()?;
    Ok(stats)
}

/// After holding the partition's lock this long, compaction lets it go between two groups, so
/// that producers waiting for it get their turn.
const YIELD_AFTER: Duration = Duration::from_millis(500);
/// How long the lock stays free then: longer than a waiting writer's polling interval (20 ms).
const YIELD_FOR: Duration = Duration::from_millis(25);

/// Once the lock has been held for [`YIELD_AFTER`], lets it go for a moment and takes it again
/// (a new writer, whose recovery sees what producers appended meanwhile), then checks that the
/// segments `need` are still there and the active segment has not moved below `first_uncleanable`.
/// Returns why compaction must stop, if it must.
fn maybe_yield(
    dd: &DataDir,
    t: &TopicMeta,
    partition: i32,
    slot: &mut Option<PartitionWriter>,
    held_since: &mut Instant,
    need: &[i64],
    first_uncleanable: i64,
) -> Result<Option<String>> {
    if held_since.elapsed() < YIELD_AFTER {
        return Ok(None);
    }
    drop(slot.take());
    std::thread::sleep(YIELD_FOR);
    let w = match dd.open_writer(t, partition) {
        Ok(w) => slot.insert(w),
        Err(e) if e.is_contention() => return Ok(Some("another process kept the partition's lock".into())),
        Err(e) => return Err(e),
    };
    *held_since = Instant::now();
    let segments = w.segments();
    let active = segments.last().copied().unwrap_or(i64::MIN);
    if need.iter().any(|b| segments.binary_search(b).is_err()) || active < first_uncleanable {
        return Ok(Some("the partition's segments changed meanwhile".into()));
    }
    Ok(None)
}

/// Compacts one partition if its dirty ratio (or max compaction lag) says it is due, in as many
/// rounds as the map's budget needs. The caller passes the writer (and so the lock) in `slot`.
/// Between groups, once the lock has been held for a while, it is let go for a moment and
/// taken again (`slot` then holds the new writer); if another process keeps it, or the
/// segments changed meanwhile, compaction stops there and a later run does the round again.
/// Returns `None` when compaction was not due.
#[allow(clippy::too_many_arguments)]
pub fn compact_partition(
    dd: &DataDir,
    t: &TopicMeta,
    partition: i32,
    slot: &mut Option<PartitionWriter>,
    cfg: &CleanerConfig,
    now_ms: i64,
    map: &mut OffsetMap,
    progress: &mut dyn Progress,
) -> Result<Option<CompactionReport>> {
    let topic = t.name.as_str();
    let tp = format!("{}-{}", topic, partition);
    let no_writer = || Error::Invalid(format!("{}: compaction needs the partition's writer", tp));
    let dir = slot.as_ref().ok_or_else(no_writer)?.dir().to_path_buf();
    let mut report: Option<CompactionReport> = None;
    // Segments and bytes below the first round's end: what compaction works on (the active
    // segment, which producers may grow meanwhile, is not counted).
    let below = |segs: &DirSegments, bound: i64| {
        let n = segs.bases().iter().take_while(|&&b| b < bound).count();
        (n, (0..n).map(|i| segs.size_bytes(i)).sum::<u64>())
    };
    let mut held_since = Instant::now();
    'rounds: loop {
        let w = slot.as_mut().ok_or_else(no_writer)?;
        let segs = DirSegments::new(&dir, w.segments().to_vec(), Some(w.active_max_timestamp()));
        let first_base = segs.bases().first().copied().unwrap_or(0);
        let log_start =
            dd.checkpoint_value(LOG_START_CHECKPOINT, topic, partition)?.unwrap_or(first_base).max(first_base);
        let leo = w.log_end_offset();
        let st = PartitionState {
            log_start_offset: log_start,
            log_end_offset: leo,
            high_watermark: leo,
            cleaner_checkpoint: dd.checkpoint_value(CLEANER_CHECKPOINT, topic, partition)?,
        };
        let plan = plan_compaction(now_ms, &segs, &st, cfg);
        segs.check()?;
        let Some(plan) = plan else { break };
        let r = match report.as_mut() {
            Some(r) => r,
            None if !plan.due => return Ok(None),
            None => {
                let (segments_before, bytes_before) = below(&segs, plan.first_uncleanable);
                report.insert(CompactionReport {
                    dirty_ratio: plan.dirty_ratio,
                    first_dirty: plan.first_dirty,
                    first_uncleanable: plan.first_uncleanable,
                    segments_before,
                    bytes_before,
                    cleaner_offset: plan.first_dirty,
                    ..CompactionReport::default()
                })
            }
        };
        if plan.first_dirty >= plan.first_uncleanable {
            break;
        }
        let what = format!("{}: key map (pass {})", tp, r.passes + 1);
        let planned: Vec<i64> = segs.bases().iter().copied().filter(|&b| b < plan.first_uncleanable).collect();
        let fu = plan.first_uncleanable;
        let mut between = || maybe_yield(dd, t, partition, slot, &mut held_since, &planned, fu);
        let end = match build_offset_map(&dir, &segs, plan.first_dirty, fu, map, progress, &what, &mut between)? {
            Ok(end) => end,
            Err(reason) => {
                r.interrupted = Some(reason);
                break;
            }
        };
        if end <= plan.first_dirty {
            return Err(Error::Invalid(format!(
                "{}: compaction made no progress from offset {} (the key map holds {} keys)",
                tp,
                plan.first_dirty,
                map.max_entries()
            )));
        }
        let count = segs.bases().iter().take_while(|&&b| b < end).count();
        let groups = group_segments(&segs, count, plan.first_uncleanable, cfg.segment_bytes, cfg.segment_index_bytes);
        let round = FilterRound {
            end_offset: end,
            upper_bound: plan.first_uncleanable,
            now_ms,
            delete_retention_ms: cfg.delete_retention_ms,
        };
        let total: u64 = (0..count).map(|i| segs.size_bytes(i)).sum();
        segs.check()?;
        let what = format!("{}: cleaning (pass {})", tp, r.passes + 1);
        let mut done = 0u64;
        for (gi, g) in groups.iter().enumerate() {
            let bases = segs.bases()[g.clone()].to_vec();
            if gi > 0 {
                // Let waiting producers in now and then; stop if the segments changed meanwhile.
                if let Some(reason) = maybe_yield(dd, t, partition, slot, &mut held_since, &bases, fu)? {
                    r.interrupted = Some(reason);
                    break 'rounds;
                }
            }
            let w = slot.as_mut().ok_or_else(no_writer)?;
            let st =
                clean_group(&dir, &bases, map, &round, cfg.index_interval_bytes, progress, &what, &mut done, total)?;
            w.replace_segments(&[bases[0]], &bases)?;
            r.records_read += st.records_read;
            r.records_removed += st.records_read - st.records_kept;
            r.tombstones_removed += st.tombstones_removed;
        }
        dd.set_checkpoint_value(CLEANER_CHECKPOINT, topic, partition, end)?;
        r.cleaner_offset = end;
        r.passes += 1;
        if end >= plan.first_uncleanable {
            break;
        }
    }
    if let Some(r) = report.as_mut() {
        let w = slot.as_ref().ok_or_else(no_writer);
        let bases = match w {
            Ok(w) => w.segments().to_vec(),
            Err(_) => crate::log::segment::list_segments(&dir)?,
        };
        let segs = DirSegments::new(&dir, bases, None);
        (r.segments_after, r.bytes_after) = below(&segs, r.first_uncleanable);
        segs.check()?;
    }
    Ok(report)
}
