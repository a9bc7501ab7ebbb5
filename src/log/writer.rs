//! The partition writer: append, roll, flush, recover, truncate, delete from the start.
//!
//! Invariants, held whenever no method is running:
//! - the segments' base offsets increase, and the last segment is the active one;
//! - the active `.log` ends at a batch boundary, every byte of it in whole valid batches;
//! - `next_offset` is one past the last offset of the last batch (or the active base when empty);
//! - every index entry points at the start of a batch whose last offset it names.
//!
//! Recovery on open validates the active segment from its last index entry that checks out,
//! cuts a torn or corrupt tail, and rewrites the index entries of the tail: work bounded by the
//! tail, not the log.

use super::epoch::LeaderEpochCache;
use super::index::{IndexKind, IndexView, IndexWriter};
use super::names::*;
use super::segment::{after_damage, list_segments, read_batch_at, segment_path, AfterDamage, BatchScanner, ScanItem};
use crate::error::{BatchFault, Error, Result};
use crate::fsutil;
use crate::lock::FileLock;
use crate::record::{self, BatchHeader};
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What the log needs of a topic's configuration.
#[derive(Debug, Clone)]
pub struct LogConfig {
    pub segment_bytes: u64,
    pub segment_ms: i64,
    pub segment_index_bytes: u64,
    pub index_interval_bytes: u64,
    pub max_message_bytes: usize,
    pub flush_messages: i64,
    pub flush_ms: i64,
}

impl Default for LogConfig {
    fn default() -> LogConfig {
        LogConfig {
            segment_bytes: 1 << 30,
            segment_ms: 604_800_000,
            segment_index_bytes: 10 << 20,
            index_interval_bytes: 4096,
            max_message_bytes: 1_048_588,
            flush_messages: i64::MAX,
            flush_ms: i64::MAX,
        }
    }
}

/// How an appended batch gets its offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppendMode {
    /// A leader append: the batch gets the next offsets and this leader epoch.
    Leader { leader_epoch: i32 },
    /// A follower copy: the batch keeps its offsets and epoch, which must not go below the end.
    Replica,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppendInfo {
    pub base_offset: i64,
    pub last_offset: i64,
    pub max_timestamp: i64,
}

/// What recovery found and did when the writer opened.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecoveryReport {
    pub segment: PathBuf,
    /// Position from which batches were validated.
    pub scanned_from: u64,
    /// Bytes cut from the end of the active segment (a torn or corrupt tail).
    pub truncated_bytes: u64,
    /// Position of the cut, when there was one.
    pub truncated_at: Option<u64>,
    /// Why the tail was cut.
    pub reason: Option<String>,
    /// Index entries dropped because they did not check out.
    pub dropped_index_entries: u64,
    /// Leftover temporary files removed (`.deleted`, `.cleaned`, orphaned `.swap`).
    pub removed_temp_files: Vec<PathBuf>,
}

struct Active {
    base_offset: i64,
    log: File,
    log_path: PathBuf,
    size: u64,
    offset_index: IndexWriter,
    time_index: IndexWriter,
    bytes_since_index: u64,
    max_timestamp: i64,
    offset_of_max_timestamp: i64,
    /// Max timestamp of the first batch, for `segment.ms` (Kafka's rollingBasedTimestamp).
    first_batch_timestamp: Option<i64>,
}

pub struct PartitionWriter {
    dir: PathBuf,
    config: LogConfig,
    _lock: FileLock,
    segments: Vec<i64>,
    active: Active,
    next_offset: i64,
    epochs: LeaderEpochCache,
    unflushed_messages: i64,
    last_flush: Instant,
    dirty: bool,
    durable: bool,
    report: RecoveryReport,
}

fn io<T>(r: std::io::Result<T>, op: &'static str, path: &Path) -> Result<T> {
    r.map_err(|e| Error::io(op, path, e))
}

/// Kafka's startup repair of temporary files (kafka-format.md section 2.2): remove `.deleted`
/// and `.cleaned` files and unfinished `.swap`s, delete segments a finished swap replaces, and
/// rename the swap files into place.
fn repair_temp_files(dir: &Path, removed: &mut Vec<PathBuf>) -> Result<()> {
    let mut cleaned_min: Option<i64> = None;
    let mut swaps: Vec<(i64, String)> = Vec::new();
    let mut others: Vec<(i64, String)> = Vec::new();
    for entry in io(fs::read_dir(dir), "list", dir)? {
        let entry = io(entry, "list", dir)?;
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            continue;
        };
        let Some((base, rest)) = parse_segment_file_name(&name) else {
            continue;
        };
        let rest = rest.to_string();
        if rest.ends_with(DELETED_SUFFIX) {
            let p = dir.join(&name);
            io(fs::remove_file(&p), "remove", &p)?;
            removed.push(p);
        } else if rest.ends_with(CLEANED_SUFFIX) {
            cleaned_min = Some(cleaned_min.map_or(base, |m: i64| m.min(base)));
            others.push((base, name));
        } else if rest.ends_with(SWAP_SUFFIX) {
            swaps.push((base, name));
        } else {
            others.push((base, name));
        }
    }
    // Swaps at or above the smallest .cleaned did not finish step 2 of the protocol.
    let mut kept_swaps = Vec::new();
    for (base, name) in swaps {
        if cleaned_min.is_some_and(|m| base >= m) {
            let p = dir.join(&name);
            io(fs::remove_file(&p), "remove", &p)?;
            removed.push(p);
        } else {
            kept_swaps.push((base, name));
        }
    }
    for (_, name) in others.iter().filter(|(_, n)| n.ends_with(CLEANED_SUFFIX)) {
        let p = dir.join(name);
        io(fs::remove_file(&p), "remove", &p)?;
        removed.push(p);
    }
    if kept_swaps.is_empty() {
        return Ok(());
    }
    // The swapped-in log files cover [min base, max next offset): replaced segments in that
    // range that were not renamed away in time are deleted.
    let mut lo = i64::MAX;
    let mut hi = i64::MIN;
    for (base, name) in &kept_swaps {
        if !name.ends_with(&format!("{}{}", LOG_SUFFIX, SWAP_SUFFIX)) {
            continue;
        }
        lo = lo.min(*base);
        let path = dir.join(name);
        let f = io(File::open(&path), "open", &path)?;
        let mut scan = BatchScanner::new(f, &path, 0)?;
        let mut next = *base;
        while let ScanItem::Batch { header, .. } = scan.next_batch()? {
            next = header.next_offset();
        }
        hi = hi.max(next);
    }
    for (base, name) in &others {
        if *base >= lo && *base < hi && !name.ends_with(CLEANED_SUFFIX) {
            let p = dir.join(name);
            io(fs::remove_file(&p), "remove", &p)?;
            removed.push(p);
        }
    }
    for (_, name) in &kept_swaps {
        let from = dir.join(name);
        let to = dir.join(name.trim_end_matches(SWAP_SUFFIX));
        io(fs::rename(&from, &to), "rename", &from)?;
    }
    fsutil::sync_dir(dir)
}

impl PartitionWriter {
    /// Opens the partition at `dir` for writing. The caller passes the partition's lock to prove
    /// it holds it; the writer keeps it until dropped. `log_start_offset` is where an empty
    /// partition begins (from the log-start checkpoint).
    ///
    /// Recovery cuts only what a crash leaves at the end of the active segment: a torn last
    /// batch, or bytes after the last valid batch of which no whole valid batch can be made. A
    /// bad batch with a valid batch after it is damage, not a crash: opening fails with
    /// [`Error::UncutDamage`] naming the file and position, and only [`PartitionWriter::open_repair`]
    /// (`klog verify --repair`) cuts it.
    pub fn open(dir: &Path, config: LogConfig, lock: FileLock, log_start_offset: i64) -> Result<PartitionWriter> {
        Self::open_with(dir, config, lock, log_start_offset, Recovery::Crash)
    }

    /// Opens like [`PartitionWriter::open`], but validates the whole active segment (not just
    /// its tail after the last index entry) and cuts it at its first invalid batch even when
    /// valid batches follow, as Kafka's recovery does: the explicit repair.
    pub fn open_repair(
        dir: &Path,
        config: LogConfig,
        lock: FileLock,
        log_start_offset: i64,
    ) -> Result<PartitionWriter> {
        Self::open_with(dir, config, lock, log_start_offset, Recovery::Repair)
    }

    fn open_with(
        dir: &Path,
        config: LogConfig,
        lock: FileLock,
        log_start_offset: i64,
        mode: Recovery,
    ) -> Result<PartitionWriter> {
        let mut report = RecoveryReport::default();
        repair_temp_files(dir, &mut report.removed_temp_files)?;
        let mut segments = list_segments(dir)?;
        if segments.is_empty() {
            segments.push(log_start_offset.max(0));
        }
        let base = *segments.last().expect("at least one segment");
        let (active, next_offset) = recover_active(dir, base, &config, &mut report, mode)?;
        let mut epochs = LeaderEpochCache::load(dir)?;
        epochs.truncate_from_end(next_offset)?;
        Ok(PartitionWriter {
            dir: dir.to_path_buf(),
            config,
            _lock: lock,
            segments,
            active,
            next_offset,
            epochs,
            unflushed_messages: 0,
            last_flush: Instant::now(),
            dirty: false,
            durable: true,
            report,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// With `durable` false (acks=0), rolls do not fsync the sealed segment; `flush` still does
    /// what it is asked. Durable is the default.
    pub fn set_durable(&mut self, durable: bool) {
        self.durable = durable;
    }

    /// What recovery did when this writer opened.
    pub fn recovery_report(&self) -> &RecoveryReport {
        &self.report
    }

    pub fn log_end_offset(&self) -> i64 {
        self.next_offset
    }

    pub fn segments(&self) -> &[i64] {
        &self.segments
    }

    /// Kafka's recovery point for this log: the active segment's base offset, below which every
    /// segment is sealed. Sealed segments that end above `from` (the recovery point recorded
    /// before) are fsynced first (rolls of a non-durable writer, acks=0, left them unsynced), so
    /// the point returned never claims data that a power loss could still take. Kafka's broker,
    /// after an unclean stop, recovers every segment from this offset on.
    pub fn sync_sealed_segments_since(&self, from: i64) -> Result<i64> {
        for pair in self.segments.windows(2) {
            let (base, next) = (pair[0], pair[1]);
            if next > from {
                for suffix in [LOG_SUFFIX, INDEX_SUFFIX, TIME_INDEX_SUFFIX] {
                    fsutil::sync_existing_file(&segment_path(&self.dir, base, suffix))?;
                }
            }
        }
        Ok(self.active.base_offset)
    }

    /// The largest timestamp in the active segment, which its time index may not show yet
    /// (entries are sparse until the segment rolls or the writer closes); -1 when it has none.
    pub fn active_max_timestamp(&self) -> i64 {
        self.active.max_timestamp
    }

    pub fn config(&self) -> &LogConfig {
        &self.config
    }

    pub fn epochs(&self) -> &LeaderEpochCache {
        &self.epochs
    }

    pub fn epochs_mut(&mut self) -> &mut LeaderEpochCache {
        &mut self.epochs
    }

    fn should_roll(&self, h: &BatchHeader, size: u64) -> bool {
        let a = &self.active;
        if a.size == 0 {
            return false;
        }
        let too_big = a.size > self.config.segment_bytes.saturating_sub(size);
        let too_old =
            a.first_batch_timestamp.is_some_and(|t| h.max_timestamp.saturating_sub(t) > self.config.segment_ms);
        let slots = self.config.segment_index_bytes / 8;
        let index_full =
            a.offset_index.len() + 1 >= slots || a.time_index.len() + 1 >= self.config.segment_index_bytes / 12;
        let offset_overflow = h.last_offset().max(self.next_offset) - a.base_offset > i32::MAX as i64;
        too_big || too_old || index_full || offset_overflow
    }

    /// Seals the active segment and starts a new one at `max(base, LEO)`.
    pub fn roll(&mut self, base: i64) -> Result<()> {
        let new_base = base.max(self.next_offset);
        let a = &mut self.active;
        a.time_index.maybe_append_time(a.max_timestamp, a.offset_of_max_timestamp)?;
        if self.durable {
            // The sealed segment is no longer the one `flush` syncs: make it durable now.
            if self.dirty {
                fsutil::sync_data(&a.log, &a.log_path)?;
            }
            a.offset_index.sync()?;
            a.time_index.sync()?;
        }
        self.active = create_segment(&self.dir, new_base)?;
        if self.durable {
            fsutil::sync_dir(&self.dir)?;
        }
        self.segments.push(new_base);
        Ok(())
    }

    /// Kafka's `truncateFullyAndStartAt`: deletes every segment and starts the log over, empty,
    /// at `offset`, with an empty leader epoch cache (a follower whose leader's log start moved
    /// past its log end). Unlike [`PartitionWriter::roll`], `offset` may lie below the first
    /// segment's base, and the log end offset becomes `offset`.
    pub fn truncate_fully_and_start_at(&mut self, offset: i64) -> Result<()> {
        for b in std::mem::take(&mut self.segments).into_iter().rev() {
            delete_segment_files(&self.dir, b)?;
        }
        self.active = create_segment(&self.dir, offset)?;
        self.segments = vec![offset];
        self.next_offset = offset;
        self.dirty = false;
        self.unflushed_messages = 0;
        self.epochs.truncate_from_end(i64::MIN)?;
        fsutil::sync_dir(&self.dir)
    }

    /// Appends one whole batch. In leader mode its base offset and leader epoch are rewritten
    /// (both lie outside the CRC). Returns where it landed.
    pub fn append_batch(&mut self, batch: &mut [u8], mode: AppendMode) -> Result<AppendInfo> {
        let bad = |fault| Error::BadBatch { partition: None, fault };
        let h = match mode {
            AppendMode::Leader { .. } => BatchHeader::parse(batch).map_err(|e| bad(BatchFault::Undecodable(e.0)))?,
            AppendMode::Replica => record::validate(batch).map_err(|e| bad(BatchFault::Invalid(e.to_string())))?,
        };
        if h.size() != batch.len() {
            return Err(bad(BatchFault::LengthMismatch { declared: h.size(), bytes: batch.len() }));
        }
        if batch.len() > self.config.max_message_bytes {
            return Err(bad(BatchFault::TooLarge { bytes: batch.len(), max: self.config.max_message_bytes }));
        }
        let h = match mode {
            AppendMode::Leader { leader_epoch } => {
                record::set_base_offset(batch, self.next_offset);
                record::set_leader_epoch(batch, leader_epoch);
                BatchHeader { base_offset: self.next_offset, partition_leader_epoch: leader_epoch, ..h }
            }
            AppendMode::Replica => {
                if h.base_offset < self.next_offset {
                    return Err(bad(BatchFault::BelowLogEnd {
                        offset: h.base_offset,
                        log_end: self.next_offset,
                        dir: self.dir.clone(),
                    }));
                }
                let segment_base = self.active.base_offset;
                if h.base_offset < segment_base {
                    // Every reader would call it damage: a batch never lies below its segment.
                    return Err(bad(BatchFault::BelowActiveSegment {
                        offset: h.base_offset,
                        segment_base,
                        dir: self.dir.clone(),
                    }));
                }
                h
            }
        };
        let size = batch.len() as u64;
        if self.should_roll(&h, size) {
            self.roll(h.base_offset)?;
        }
        if h.partition_leader_epoch >= 0 && self.epochs.latest().is_none_or(|l| h.partition_leader_epoch > l.epoch) {
            self.epochs.assign(h.partition_leader_epoch, h.base_offset)?;
        }
        let a = &mut self.active;
        let position = a.size;
        if let Err(e) = a.log.write_all(batch) {
            // A failed write (ENOSPC, EIO) may have left part of the batch: cut it off, so the
            // log still ends at a batch boundary and nothing half-written is ever read.
            let _ = a.log.set_len(position);
            return Err(Error::io("append to", &a.log_path, e));
        }
        a.size += size;
        if a.first_batch_timestamp.is_none() {
            a.first_batch_timestamp = Some(h.max_timestamp);
        }
        if h.max_timestamp > a.max_timestamp {
            a.max_timestamp = h.max_timestamp;
            a.offset_of_max_timestamp = h.last_offset();
        }
        if a.bytes_since_index > self.config.index_interval_bytes {
            a.offset_index.append_offset(h.last_offset(), position as u32)?;
            a.time_index.maybe_append_time(a.max_timestamp, a.offset_of_max_timestamp)?;
            a.bytes_since_index = 0;
        }
        a.bytes_since_index += size;
        self.next_offset = h.next_offset();
        self.dirty = true;
        self.unflushed_messages += h.records_count.max(0) as i64;
        Ok(AppendInfo { base_offset: h.base_offset, last_offset: h.last_offset(), max_timestamp: h.max_timestamp })
    }

    /// Fsyncs the active segment's log if anything was appended since the last flush.
    pub fn flush(&mut self) -> Result<()> {
        if self.dirty {
            fsutil::sync_data(&self.active.log, &self.active.log_path)?;
            self.dirty = false;
        }
        self.unflushed_messages = 0;
        self.last_flush = Instant::now();
        Ok(())
    }

    /// Flushes when `flush.messages` or `flush.ms` says it is time.
    pub fn maybe_flush(&mut self) -> Result<bool> {
        let due = self.unflushed_messages >= self.config.flush_messages
            || (self.dirty && self.last_flush.elapsed().as_millis() as i64 >= self.config.flush_ms);
        if due {
            self.flush()?;
        }
        Ok(due)
    }

    /// Removes everything at and after `offset`, on whole batches (kafka-format.md 2.8): deletes
    /// segments that start after it, cuts the one containing it at the first batch whose last
    /// offset is >= `offset`, and truncates the epoch cache. Returns the new log end offset.
    pub fn truncate_to(&mut self, offset: i64) -> Result<i64> {
        if offset >= self.next_offset {
            return Ok(self.next_offset);
        }
        let keep_first = self.segments[0];
        let doomed: Vec<i64> = self.segments.iter().copied().filter(|&b| b > offset && b != keep_first).collect();
        for &b in doomed.iter().rev() {
            delete_segment_files(&self.dir, b)?;
        }
        self.segments.retain(|b| !doomed.contains(b));
        let base = *self.segments.last().expect("the first segment is never deleted here");
        let log_path = segment_path(&self.dir, base, LOG_SUFFIX);
        let mut scan = BatchScanner::open(&log_path, 0)?;
        let cut = loop {
            match scan.next_batch()? {
                ScanItem::Batch { position, header } if header.last_offset() >= offset => break position,
                ScanItem::Batch { .. } => {}
                ScanItem::End { position, .. } | ScanItem::Invalid { position, .. } => break position,
            }
        };
        let f = io(fs::OpenOptions::new().write(true).open(&log_path), "open", &log_path)?;
        io(f.set_len(cut), "truncate", &log_path)?;
        fsutil::sync_all(&f, &log_path)?;
        // Index entries past the cut are dropped by recovery, which also recomputes the end.
        let mut report = RecoveryReport::default();
        let (active, next) = recover_active(&self.dir, base, &self.config, &mut report, Recovery::AfterTruncate)?;
        self.active = active;
        self.next_offset = next;
        self.epochs.truncate_from_end(next)?;
        fsutil::sync_dir(&self.dir)?;
        Ok(next)
    }

    /// Deletes whole segments that lie entirely below `offset` (their successor starts at or
    /// below it), never the active one, and moves the epoch cache's start up to `offset`:
    /// retention's and delete-records' primitive. Files are
    /// renamed to `.deleted` first, then removed. Returns the base offsets deleted.
    pub fn delete_segments_below(&mut self, offset: i64) -> Result<Vec<i64>> {
        let mut deleted = Vec::new();
        while self.segments.len() > 1 && self.segments[1] <= offset {
            let b = self.segments.remove(0);
            delete_segment_files(&self.dir, b)?;
            deleted.push(b);
        }
        // As Kafka on every log start increase: the epoch cache starts at the new log start (so
        // `verify` can tell a log start checkpoint damaged downwards from a real one).
        self.epochs.truncate_from_start(offset.min(self.next_offset))?;
        if !deleted.is_empty() {
            fsutil::sync_dir(&self.dir)?;
        }
        Ok(deleted)
    }
}

impl PartitionWriter {
    /// Swaps rewritten segments in for sealed ones (compaction), by Kafka's crash-safe protocol
    /// (kafka-format.md section 2.2). `new` are the base offsets of segments the caller has
    /// written and fsynced as `<base>.log.cleaned` (and, if it built them, `.index.cleaned` and
    /// `.timeindex.cleaned`); `old` are the sealed segments they replace. Steps: rename the new
    /// files `.cleaned` -> `.swap` (descending), the old ones to `.deleted` (ascending), the
    /// `.swap` files to their final names, fsync the directory, remove the `.deleted` files. A
    /// crash at any point is completed or rolled back by the next open.
    pub fn replace_segments(&mut self, new: &[i64], old: &[i64]) -> Result<()> {
        let active = *self.segments.last().expect("at least one segment");
        if let Some(b) = old.iter().find(|b| **b == active || !self.segments.contains(b)) {
            return Err(Error::Invalid(format!(
                "segment {} of {} cannot be replaced (it is the active segment or does not exist)",
                b,
                self.dir.display()
            )));
        }
        let suffixed = |base: i64, suffix: &str, extra: &str| {
            let mut p = segment_path(&self.dir, base, suffix).into_os_string();
            p.push(extra);
            PathBuf::from(p)
        };
        let mut new_sorted = new.to_vec();
        new_sorted.sort_unstable();
        for &b in &new_sorted {
            let log = suffixed(b, LOG_SUFFIX, CLEANED_SUFFIX);
            if !log.is_file() {
                return Err(Error::NotFound(format!("replacement segment {} does not exist", log.display())));
            }
        }
        fsutil::sync_dir(&self.dir)?;
        for &b in new_sorted.iter().rev() {
            for suffix in SEGMENT_SUFFIXES {
                let from = suffixed(b, suffix, CLEANED_SUFFIX);
                if from.exists() {
                    let to = suffixed(b, suffix, SWAP_SUFFIX);
                    io(fs::rename(&from, &to), "rename", &from)?;
                }
            }
        }
        fsutil::sync_dir(&self.dir)?;
        let mut old_sorted = old.to_vec();
        old_sorted.sort_unstable();
        let mut doomed = Vec::new();
        for &b in &old_sorted {
            for suffix in SEGMENT_SUFFIXES {
                let from = segment_path(&self.dir, b, suffix);
                if from.exists() {
                    let to = suffixed(b, suffix, DELETED_SUFFIX);
                    io(fs::rename(&from, &to), "rename", &from)?;
                    doomed.push(to);
                }
            }
        }
        for &b in &new_sorted {
            for suffix in SEGMENT_SUFFIXES {
                let from = suffixed(b, suffix, SWAP_SUFFIX);
                if from.exists() {
                    let to = segment_path(&self.dir, b, suffix);
                    io(fs::rename(&from, &to), "rename", &from)?;
                }
            }
        }
        fsutil::sync_dir(&self.dir)?;
        for p in doomed {
            io(fs::remove_file(&p), "remove", &p)?;
        }
        self.segments.retain(|b| !old_sorted.contains(b));
        self.segments.extend(new_sorted.iter().copied().filter(|b| *b != active));
        self.segments.sort_unstable();
        self.segments.dedup();
        Ok(())
    }
}

impl Drop for PartitionWriter {
    fn drop(&mut self) {
        // Leave the active segment as a cleanly closed broker would (a final time-index entry);
        // durability is the caller's `flush`, not this best effort.
        let a = &mut self.active;
        let _ = a.time_index.maybe_append_time(a.max_timestamp, a.offset_of_max_timestamp);
    }
}

/// Renames a segment's files to `.deleted`, then removes them (crash-safe: recovery removes any
/// `.deleted` file left behind).
fn delete_segment_files(dir: &Path, base: i64) -> Result<()> {
    let mut renamed = Vec::new();
    for suffix in SEGMENT_SUFFIXES {
        let p = segment_path(dir, base, suffix);
        let mut d = p.clone().into_os_string();
        d.push(DELETED_SUFFIX);
        match fs::rename(&p, &d) {
            Ok(()) => renamed.push(PathBuf::from(d)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io("rename for deletion", &p, e)),
        }
    }
    fsutil::sync_dir(dir)?;
    for p in renamed {
        io(fs::remove_file(&p), "remove", &p)?;
    }
    Ok(())
}

fn create_segment(dir: &Path, base: i64) -> Result<Active> {
    let log_path = segment_path(dir, base, LOG_SUFFIX);
    let log = fsutil::open_append(&log_path)?;
    let size = fsutil::file_len(&log, &log_path)?;
    debug_assert_eq!(size, 0, "a new segment starts empty");
    Ok(Active {
        base_offset: base,
        log,
        log_path,
        size,
        offset_index: IndexWriter::open(&segment_path(dir, base, INDEX_SUFFIX), IndexKind::Offset, base, 0, None)?,
        time_index: IndexWriter::open(&segment_path(dir, base, TIME_INDEX_SUFFIX), IndexKind::Time, base, 0, None)?,
        bytes_since_index: 0,
        max_timestamp: -1,
        offset_of_max_timestamp: base,
        first_batch_timestamp: None,
    })
}

/// How much [`recover_active`] validates and what it may cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Recovery {
    /// Opening after a possible crash: from the last index entry that checks out; cut only what
    /// a crash leaves, refuse to cut damage followed by valid batches.
    Crash,
    /// After `truncate_to` cut the log itself: from the last index entry, cut anything invalid.
    AfterTruncate,
    /// `verify --repair`: the whole segment, cut at the first invalid batch.
    Repair,
}

/// Validates the active segment from its last trustworthy index entry (from its start for a
/// repair), cuts a torn or corrupt tail, and repairs both indexes. Returns the open segment and
/// the log end offset.
fn recover_active(
    dir: &Path,
    base: i64,
    config: &LogConfig,
    report: &mut RecoveryReport,
    mode: Recovery,
) -> Result<(Active, i64)> {
    let log_path = segment_path(dir, base, LOG_SUFFIX);
    let index_path = segment_path(dir, base, INDEX_SUFFIX);
    let time_path = segment_path(dir, base, TIME_INDEX_SUFFIX);
    let log = fsutil::open_append(&log_path)?;
    let log_len = fsutil::file_len(&log, &log_path)?;
    report.segment = log_path.clone();

    // 1. The last offset-index entry that points at a valid batch ending at that offset.
    let view = IndexView::open(&index_path, IndexKind::Offset, base)?;
    let mut kept = if mode == Recovery::Repair { 0 } else { view.len() };
    let mut start: Option<(u64, BatchHeader)> = None;
    while kept > 0 {
        let e = view.offset_entry(kept - 1)?;
        if (e.position as u64) < log_len && e.offset >= base {
            if let Some((h, _)) = read_batch_at(&log, &log_path, e.position as u64)? {
                if h.last_offset() == e.offset && h.base_offset >= base {
                    start = Some((e.position as u64, h));
                    break;
                }
            }
        }
        kept -= 1;
    }
    report.dropped_index_entries = view.len() - kept;
    let start_pos = start.map_or(0, |(p, _)| p);
    let start_last_offset = start.map(|(_, h)| h.last_offset());

    // 2. Time-index entries up to the starting batch are kept; they also give the max so far.
    let tview = IndexView::open(&time_path, IndexKind::Time, base)?;
    let mut tkept = 0;
    let mut max_ts = -1i64;
    let mut max_ts_offset = base;
    if let Some(limit) = start_last_offset {
        let mut prev = i64::MIN;
        for i in 0..tview.len() {
            let e = tview.time_entry(i)?;
            if e.offset > limit || e.offset < base || e.timestamp <= prev {
                break;
            }
            prev = e.timestamp;
            max_ts = e.timestamp;
            max_ts_offset = e.offset;
            tkept = i + 1;
        }
    }
    report.dropped_index_entries += tview.len() - tkept;
    drop(view);
    drop(tview);

    // 3. Walk the tail, validating every batch.
    let mut offset_index = IndexWriter::open(&index_path, IndexKind::Offset, base, kept, start_last_offset)?;
    let mut time_index = IndexWriter::open(&time_path, IndexKind::Time, base, tkept, (tkept > 0).then_some(max_ts))?;
    let mut scan = BatchScanner::open(&log_path, start_pos)?.with_chunk(64 << 10);
    report.scanned_from = start_pos;
    let mut next_offset = base;
    let mut last_indexed_pos = start_pos;
    let mut first_batch_timestamp = None;
    let mut valid_end = start_pos;
    let mut damage_at = None;
    loop {
        match scan.next_batch()? {
            ScanItem::Batch { position, header } => {
                if position == 0 {
                    first_batch_timestamp = Some(header.max_timestamp);
                }
                if header.max_timestamp > max_ts {
                    max_ts = header.max_timestamp;
                    max_ts_offset = header.last_offset();
                }
                if position > last_indexed_pos && position - last_indexed_pos > config.index_interval_bytes {
                    offset_index.append_offset(header.last_offset(), position as u32)?;
                    time_index.maybe_append_time(max_ts, max_ts_offset)?;
                    last_indexed_pos = position;
                }
                next_offset = header.next_offset();
                valid_end = position + header.size() as u64;
            }
            ScanItem::End { position, torn_bytes } => {
                if torn_bytes > 0 {
                    report.reason = Some(format!("torn batch of {} bytes at the end", torn_bytes));
                    damage_at = Some(position);
                }
                break;
            }
            ScanItem::Invalid { position, error } => {
                report.reason = Some(format!("invalid batch at byte {}: {}", position, error));
                damage_at = Some(position);
                break;
            }
        }
    }
    if let (Some(position), Recovery::Crash) = (damage_at, mode) {
        // Only what a crash leaves may be cut without being asked: nothing valid after it.
        let reason = report.reason.clone().unwrap_or_default();
        let refuse = |why: String| {
            Err(Error::UncutDamage {
                path: log_path.clone(),
                position,
                what: format!(
                    "{}; {}, so this is damage, not the torn tail of a crash: nothing is cut",
                    reason.trim_start_matches(&format!("invalid batch at byte {}: ", position)),
                    why
                ),
            })
        };
        match after_damage(&log_path, position)? {
            AfterDamage::Residue => {}
            AfterDamage::ValidBatchAt(at) => return refuse(format!("a valid batch follows at byte {}", at)),
            AfterDamage::TooLong(n) => return refuse(format!("{} bytes follow it", n)),
        }
    }
    if valid_end < log_len {
        let f = io(fs::OpenOptions::new().write(true).open(&log_path), "open", &log_path)?;
        io(f.set_len(valid_end), "truncate", &log_path)?;
        fsutil::sync_all(&f, &log_path)?;
        report.truncated_bytes = log_len - valid_end;
        report.truncated_at = Some(valid_end);
    } else {
        report.reason = None;
    }
    if first_batch_timestamp.is_none() && valid_end > 0 {
        if let Some((h, _)) = read_batch_at(&log, &log_path, 0)? {
            first_batch_timestamp = Some(h.max_timestamp);
        }
    }
    let active = Active {
        base_offset: base,
        log,
        log_path,
        size: valid_end,
        offset_index,
        time_index,
        bytes_since_index: valid_end - last_indexed_pos.min(valid_end),
        max_timestamp: max_ts,
        offset_of_max_timestamp: max_ts_offset,
        first_batch_timestamp,
    };
    Ok((active, next_offset))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::PartitionReader;
    use crate::record::{encode_batch, Compression, Record};

    fn writer(dir: &Path, segment_bytes: u64) -> PartitionWriter {
        let lock = crate::lock::lock_exclusive(&dir.join("x.lock"), std::time::Duration::from_secs(1), "t").unwrap();
        let config = LogConfig { segment_bytes, index_interval_bytes: 100, ..LogConfig::default() };
        PartitionWriter::open(dir, config, lock, 0).unwrap()
    }

    fn append(w: &mut PartitionWriter, value: &str) -> AppendInfo {
        let rec = Record { timestamp: 1000, value: Some(value.as_bytes().to_vec()), ..Default::default() };
        let mut b = encode_batch(&[rec], 0, 0, Compression::None);
        w.append_batch(&mut b, AppendMode::Leader { leader_epoch: 0 }).unwrap()
    }

    fn values(dir: &Path) -> Vec<(i64, String)> {
        let r = PartitionReader::open(dir, None).unwrap();
        let mut c = r.cursor(0);
        let mut out = Vec::new();
        while let Some((h, bytes)) = c.next_batch().unwrap() {
            let s = crate::record::RecordsSection::new(bytes, &h).unwrap();
            for rec in s.iter() {
                let rec = rec.unwrap();
                out.push((rec.offset, String::from_utf8(rec.value.unwrap().to_vec()).unwrap()));
            }
        }
        out
    }

    /// Step 2 of the swap protocol for segment `base`: its `.log.cleaned` becomes `.log.swap`.
    fn cleaned_to_swap(dir: &Path, base: i64) {
        let mut cleaned = segment_path(dir, base, LOG_SUFFIX).into_os_string();
        cleaned.push(CLEANED_SUFFIX);
        let mut swap = segment_path(dir, base, LOG_SUFFIX).into_os_string();
        swap.push(SWAP_SUFFIX);
        fs::rename(&cleaned, &swap).unwrap();
    }

    /// Three segments; segments 0 and 1 are merged into one `.cleaned` segment at base 0.
    fn three_segments_and_a_merge(dir: &Path) -> (PartitionWriter, Vec<i64>) {
        let mut w = writer(dir, 200);
        for i in 0..9 {
            append(&mut w, &format!("value-{:02}", i));
        }
        let segs = w.segments().to_vec();
        assert!(segs.len() >= 3, "{:?}", segs);
        let mut merged = fs::read(segment_path(dir, segs[0], LOG_SUFFIX)).unwrap();
        merged.extend(fs::read(segment_path(dir, segs[1], LOG_SUFFIX)).unwrap());
        let mut p = segment_path(dir, segs[0], LOG_SUFFIX).into_os_string();
        p.push(CLEANED_SUFFIX);
        fs::write(&p, merged).unwrap();
        (w, segs)
    }

    #[test]
    fn replace_segments_keeps_every_offset() {
        let dir = tempfile::tempdir().unwrap();
        let before = {
            let (mut w, segs) = three_segments_and_a_merge(dir.path());
            let before = values(dir.path());
            w.replace_segments(&[segs[0]], &[segs[0], segs[1]]).unwrap();
            assert_eq!(w.segments().len(), segs.len() - 1);
            before
        };
        assert_eq!(values(dir.path()), before);
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".cleaned") || n.ends_with(".swap") || n.ends_with(".deleted"))
            .collect();
        assert!(leftovers.is_empty(), "{:?}", leftovers);
    }

    #[test]
    fn a_cursor_inside_a_replaced_segment_reads_on_into_the_merged_records() {
        let dir = tempfile::tempdir().unwrap();
        let (mut w, segs) = three_segments_and_a_merge(dir.path());
        let r = PartitionReader::open(dir.path(), None).unwrap();
        let mut c = r.cursor(0);
        let (h, _) = c.next_batch().unwrap().unwrap();
        assert_eq!(h.base_offset, 0);
        // Segments 0 and 1 become one segment 0 while the cursor is inside the old segment 0.
        w.replace_segments(&[segs[0]], &[segs[0], segs[1]]).unwrap();
        let mut offsets = vec![0];
        while let Some((h, _)) = c.next_batch().unwrap() {
            offsets.push(h.base_offset);
        }
        assert_eq!(offsets, (0..9).collect::<Vec<_>>(), "no record of the merged segment 1 is skipped");
        assert_eq!(c.take_reset(), None);
    }

    #[test]
    fn readers_see_a_swap_a_crash_left_half_done() {
        let dir = tempfile::tempdir().unwrap();
        let (w, segs) = three_segments_and_a_merge(dir.path());
        let before = values(dir.path());
        drop(w);
        // Crash after step 3: the new segment is only a .swap, the old ones are .deleted.
        cleaned_to_swap(dir.path(), segs[0]);
        for b in [segs[0], segs[1]] {
            let old = segment_path(dir.path(), b, LOG_SUFFIX);
            let mut gone = old.clone().into_os_string();
            gone.push(DELETED_SUFFIX);
            fs::rename(&old, &gone).unwrap();
        }
        assert_eq!(values(dir.path()), before, "a lock-free reader reads the .swap");
        let w = writer(dir.path(), 200);
        assert_eq!(w.segments().len(), segs.len() - 1);
        drop(w);
        assert_eq!(values(dir.path()), before, "and recovery finishes the swap");
    }

    #[test]
    fn recovery_finishes_a_swap_interrupted_after_the_rename_to_swap() {
        let dir = tempfile::tempdir().unwrap();
        let (w, segs) = three_segments_and_a_merge(dir.path());
        let before = values(dir.path());
        drop(w);
        // Crash after step 2: the new segment is a .swap, the old ones are still in place.
        cleaned_to_swap(dir.path(), segs[0]);
        let w = writer(dir.path(), 200);
        assert_eq!(w.segments().len(), segs.len() - 1, "the replaced segment 1 is gone");
        drop(w);
        assert_eq!(values(dir.path()), before);
    }

    #[test]
    fn recovery_rolls_back_a_swap_that_never_left_cleaned() {
        let dir = tempfile::tempdir().unwrap();
        let (w, segs) = three_segments_and_a_merge(dir.path());
        let before = values(dir.path());
        drop(w);
        let w = writer(dir.path(), 200);
        assert_eq!(w.segments(), segs.as_slice(), "the unfinished .cleaned was dropped");
        drop(w);
        assert_eq!(values(dir.path()), before);
    }

    #[test]
    fn truncate_to_cuts_whole_batches_and_later_segments() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = writer(dir.path(), 200);
        for i in 0..9 {
            append(&mut w, &format!("value-{:02}", i));
        }
        assert_eq!(w.truncate_to(4).unwrap(), 4);
        let info = append(&mut w, "after");
        assert_eq!(info.base_offset, 4);
        drop(w);
        let v = values(dir.path());
        assert_eq!(v.iter().map(|(o, _)| *o).collect::<Vec<_>>(), vec![0, 1, 2, 3, 4]);
        assert_eq!(v[4].1, "after");
    }

    #[test]
    fn delete_segments_below_never_deletes_the_active_segment() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = writer(dir.path(), 200);
        for i in 0..9 {
            append(&mut w, &format!("value-{:02}", i));
        }
        let segs = w.segments().to_vec();
        let deleted = w.delete_segments_below(i64::MAX).unwrap();
        assert_eq!(deleted.len(), segs.len() - 1);
        assert_eq!(w.segments(), &segs[segs.len() - 1..]);
        drop(w);
        let r = PartitionReader::open(dir.path(), None).unwrap();
        assert_eq!(r.log_start_offset(), segs[segs.len() - 1]);
        assert_eq!(r.log_end_offset().unwrap(), 9);
    }
}
