//! The data lifecycle: retention by time and size, delete-records, and log compaction, as
//! Kafka does them (kafka-format.md sections 5.2 and 5.3), run from the command line or cron.
//!
//! - [`plan`] decides, purely, what to delete and whether to compact, from the current time,
//!   segment facts and topic configs;
//! - [`Cleaner::run_partition`] applies the rules to one partition: it plans lock-free first
//!   (most partitions have nothing to do and cost a directory listing), then takes the
//!   partition's writer lock (waiting briefly; a partition another process holds is skipped and
//!   reported), plans again on what the writer sees, deletes, then compacts;
//! - [`delete_records`] advances a partition's log start offset (Kafka's DeleteRecords).
//!
//! Invariants:
//! - only whole segments are deleted, oldest first, with the `.deleted` protocol; the log start
//!   offset goes to `log-start-offset-checkpoint` *before* the files go, so a reader never
//!   starts below it and a crash in between only leaves segments that the next run deletes;
//! - the active segment is never cleaned; it is deleted only when all of it expired, after a
//!   roll, as Kafka does;
//! - everything here runs under the partition's writer lock, and nothing here prints or exits:
//!   reports go back to the caller, progress through [`Progress`].

pub mod compact;
pub mod filter;
pub mod offset_map;
pub mod plan;
pub mod source;

use crate::datadir::{DataDir, TopicMeta, CLEANER_CHECKPOINT, LOG_START_CHECKPOINT};
use crate::error::{Error, Result};
use crate::log::{checkpoint, PartitionReader, PartitionWriter};
pub use compact::CompactionReport;
use offset_map::OffsetMap;
use plan::{plan_compaction, plan_deletion, Skip};
pub use plan::{CleanerConfig, DeleteReason, DeletionPlan, PartitionState, SegmentSource};
use source::DirSegments;
use std::collections::HashMap;
use std::time::Duration;

use crate::datadir::{CLUSTER_METADATA, CONSUMER_OFFSETS};

/// Receives the progress of long work (compaction), `done` of `total` bytes of a step.
pub trait Progress {
    fn update(&mut self, what: &str, done: u64, total: u64);
}

/// Progress that goes nowhere.
pub struct NoProgress;

impl Progress for NoProgress {
    fn update(&mut self, _what: &str, _done: u64, _total: u64) {}
}

/// The policies in a topic's `cleanup.policy`: (delete, compact). `__consumer_offsets` without
/// an explicit policy is compacted, as Kafka always creates it.
pub fn policy(t: &TopicMeta) -> (bool, bool) {
    match t.config.overrides.get("cleanup.policy") {
        Some(p) => {
            let has = |x: &str| p.split(',').any(|s| s.trim() == x);
            (has("delete"), has("compact"))
        }
        None if t.name == CONSUMER_OFFSETS => (false, true),
        None => (true, false),
    }
}

/// True when the topic is compacted: records without keys are refused on produce, as in Kafka.
/// Cheap enough for a per-record check.
pub fn is_compacted(t: &TopicMeta) -> bool {
    policy(t).1
}

/// The cleaner's view of a topic's configs (read afresh on every run).
pub fn cleaner_config(t: &TopicMeta) -> CleanerConfig {
    let c = &t.config;
    let (delete, compact) = policy(t);
    let lc = c.log_config();
    CleanerConfig {
        delete,
        compact,
        retention_ms: c.get_i64("retention.ms"),
        retention_bytes: c.get_i64("retention.bytes"),
        delete_retention_ms: c.get_i64("delete.retention.ms"),
        min_compaction_lag_ms: c.get_i64("min.compaction.lag.ms"),
        max_compaction_lag_ms: c.get_i64("max.compaction.lag.ms"),
        min_cleanable_dirty_ratio: c.get("min.cleanable.dirty.ratio").parse().unwrap_or(0.5),
        segment_bytes: lc.segment_bytes,
        segment_index_bytes: lc.segment_index_bytes,
        index_interval_bytes: lc.index_interval_bytes,
    }
}

/// How a retention run behaves.
#[derive(Debug, Clone)]
pub struct RetentionOptions {
    /// Plan only; change nothing and take no lock.
    pub dry_run: bool,
    /// How long to wait for a partition's lock before skipping the partition.
    pub lock_wait: Duration,
    /// The key map's memory budget for compaction.
    pub dedupe_buffer_bytes: usize,
    /// The time the rules are applied at, in ms since the epoch.
    pub now_ms: i64,
}

/// One segment a deletion removed (or, in a dry run, would remove).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DeletedSegment {
    pub base_offset: i64,
    pub bytes: u64,
    pub reason: DeleteReason,
}

/// What deletion did to one partition.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DeletionReport {
    pub segments: Vec<DeletedSegment>,
    pub bytes: u64,
    /// The active segment was rolled so that all of it could go.
    pub rolled: bool,
    pub log_start_before: i64,
    pub log_start_after: i64,
}

/// What happened to one partition in a retention run.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PartitionReport {
    pub topic: String,
    pub partition: i32,
    pub dry_run: bool,
    pub deletion: Option<DeletionReport>,
    /// In a dry run, only `dirty_ratio`, `first_dirty`, `first_uncleanable` and the "before"
    /// fields are filled in.
    pub compaction: Option<CompactionReport>,
    /// Why the partition was skipped (its lock was held by another process).
    pub skipped: Option<String>,
}

impl PartitionReport {
    fn new(t: &TopicMeta, p: i32, dry_run: bool) -> PartitionReport {
        PartitionReport {
            topic: t.name.clone(),
            partition: p,
            dry_run,
            deletion: None,
            compaction: None,
            skipped: None,
        }
    }

    /// Deleted or compacted something (or would have, in a dry run).
    pub fn did_something(&self) -> bool {
        self.deletion.is_some() || self.compaction.is_some()
    }

    /// Bytes the partition shrank by.
    pub fn bytes_freed(&self) -> i64 {
        let d = self.deletion.as_ref().map_or(0, |d| d.bytes as i64);
        let c = self
            .compaction
            .as_ref()
            .filter(|_| !self.dry_run)
            .map_or(0, |c| c.bytes_before as i64 - c.bytes_after as i64);
        d + c
    }
}

/// The root checkpoint files, read once per run for the lock-free plans.
struct Checkpoints {
    log_start: HashMap<(String, i32), i64>,
    cleaner: HashMap<(String, i32), i64>,
}

fn read_checkpoint(dd: &DataDir, file: &str) -> Result<HashMap<(String, i32), i64>> {
    let entries: Vec<checkpoint::OffsetEntry> = checkpoint::read_entries_lenient(&dd.root().join(file))?;
    Ok(entries.into_iter().map(|e| ((e.tp.topic, e.tp.partition), e.offset)).collect())
}

/// Applies retention and compaction, partition by partition.
pub struct Cleaner {
    dd: DataDir,
    opts: RetentionOptions,
    map: OffsetMap,
    checkpoints: Option<Checkpoints>,
}

impl Cleaner {
    pub fn new(dd: &DataDir, opts: RetentionOptions) -> Cleaner {
        let map = OffsetMap::with_budget(opts.dedupe_buffer_bytes);
        Cleaner { dd: dd.clone().with_lock_timeout(opts.lock_wait), opts, map, checkpoints: None }
    }

    /// True for topics the cleaner leaves alone (KRaft's metadata log).
    pub fn ignores(t: &TopicMeta) -> bool {
        t.name == CLUSTER_METADATA
    }

    fn checkpoints(&mut self) -> Result<&Checkpoints> {
        if self.checkpoints.is_none() {
            self.checkpoints = Some(Checkpoints {
                log_start: read_checkpoint(&self.dd, LOG_START_CHECKPOINT)?,
                cleaner: read_checkpoint(&self.dd, CLEANER_CHECKPOINT)?,
            });
        }
        Ok(self.checkpoints.as_ref().expect("read above"))
    }

    /// Applies the topic's rules to one partition (or, in a dry run, reports what they would do).
    pub fn run_partition(&mut self, t: &TopicMeta, p: i32, progress: &mut dyn Progress) -> Result<PartitionReport> {
        let cfg = cleaner_config(t);
        let now = self.opts.now_ms;
        let mut report = PartitionReport::new(t, p, self.opts.dry_run);
        // 1. Lock-free: is there anything to do at all?
        let dir = self.dd.partition_dir(&t.name, p);
        let key = (t.name.clone(), p);
        let (start_ckpt, cleaner_ckpt) = {
            let c = self.checkpoints()?;
            (c.log_start.get(&key).copied(), c.cleaner.get(&key).copied())
        };
        let lock_free = (|| -> Result<_> {
            let reader = PartitionReader::open(&dir, start_ckpt)?;
            // One directory listing (the reader's) is most of the cost with many segments.
            let segs = DirSegments::new(&dir, reader.segments().to_vec(), None);
            let leo = reader.log_end_offset()?;
            let st = PartitionState {
                log_start_offset: reader.log_start_offset(),
                log_end_offset: leo,
                high_watermark: leo,
                cleaner_checkpoint: cleaner_ckpt,
            };
            let deletion = plan_deletion(now, &segs, &st, &cfg);
            let left = Skip { inner: &segs, skip: deletion.segments.len() };
            let st_after = PartitionState { log_start_offset: deletion.new_log_start, ..st };
            let compaction = plan_compaction(now, &left, &st_after, &cfg).filter(|c| c.due);
            let sealed_after = left.count().saturating_sub(1);
            segs.check()?;
            Ok((deletion, compaction, st, sealed_after))
        })();
        // A segment deleted under a lock-free look (another run) is not an error: the locked
        // look below is the one that counts.
        if let Ok((d, c, _, _)) = &lock_free {
            if d.is_empty() && c.is_none() {
                return Ok(report);
            }
        }
        if self.opts.dry_run {
            let (deletion, compaction, st, sealed_after) = lock_free?;
            report.deletion = (!deletion.is_empty()).then(|| deletion_report(&deletion, st.log_start_offset));
            report.compaction = compaction.map(|c| CompactionReport {
                dirty_ratio: c.dirty_ratio,
                first_dirty: c.first_dirty,
                first_uncleanable: c.first_uncleanable,
                segments_before: sealed_after,
                bytes_before: c.clean_bytes + c.cleanable_bytes,
                cleaner_offset: c.first_dirty,
                ..CompactionReport::default()
            });
            return Ok(report);
        }
        // 2. Under the lock, on what the writer sees.
        let mut w = match self.dd.open_writer(t, p) {
            Ok(w) => w,
            Err(e) if e.is_contention() => {
                report.skipped = Some(e.to_string());
                return Ok(report);
            }
            Err(e) => return Err(e),
        };
        report.deletion = self.delete_segments(t, p, &mut w, &cfg)?;
        let mut slot = Some(w);
        report.compaction = compact::compact_partition(&self.dd, t, p, &mut slot, &cfg, now, &mut self.map, progress)?;
        Ok(report)
    }

    fn delete_segments(
        &self,
        t: &TopicMeta,
        p: i32,
        w: &mut PartitionWriter,
        cfg: &CleanerConfig,
    ) -> Result<Option<DeletionReport>> {
        let dir = w.dir().to_path_buf();
        let segs = DirSegments::new(&dir, w.segments().to_vec(), Some(w.active_max_timestamp()));
        let first_base = segs.bases().first().copied().unwrap_or(0);
        let ckpt = self.dd.checkpoint_value(LOG_START_CHECKPOINT, &t.name, p)?;
        let leo = w.log_end_offset();
        let st = PartitionState {
            log_start_offset: ckpt.unwrap_or(first_base).max(first_base),
            log_end_offset: leo,
            high_watermark: leo,
            cleaner_checkpoint: None,
        };
        let plan = plan_deletion(self.opts.now_ms, &segs, &st, cfg);
        segs.check()?;
        if plan.is_empty() {
            return Ok(None);
        }
        apply_deletion(&self.dd, &t.name, p, w, &plan, ckpt)?;
        Ok(Some(deletion_report(&plan, st.log_start_offset)))
    }
}

fn deletion_report(plan: &DeletionPlan, log_start_before: i64) -> DeletionReport {
    DeletionReport {
        segments: plan
            .segments
            .iter()
            .map(|s| DeletedSegment { base_offset: s.base_offset, bytes: s.size_bytes, reason: s.reason })
            .collect(),
        bytes: plan.bytes(),
        rolled: plan.roll_first,
        log_start_before,
        log_start_after: plan.new_log_start,
    }
}

/// Executes a deletion plan under the writer: roll if everything goes, write the new log start
/// offset, then delete the segments below it (`.deleted` protocol).
fn apply_deletion(
    dd: &DataDir,
    topic: &str,
    p: i32,
    w: &mut PartitionWriter,
    plan: &DeletionPlan,
    checkpointed: Option<i64>,
) -> Result<()> {
    if plan.roll_first {
        let leo = w.log_end_offset();
        w.roll(leo)?;
    }
    if checkpointed != Some(plan.new_log_start) {
        dd.set_checkpoint_value(LOG_START_CHECKPOINT, topic, p, plan.new_log_start)?;
    }
    let deleted = w.delete_segments_below(plan.new_log_start)?;
    if deleted.len() != plan.segments.len() {
        return Err(Error::Invalid(format!(
            "{}-{}: deleted {} segments below offset {} where the plan had {}",
            topic,
            p,
            deleted.len(),
            plan.new_log_start,
            plan.segments.len()
        )));
    }
    Ok(())
}

/// What `delete-records` did to one partition.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DeleteRecordsReport {
    pub topic: String,
    pub partition: i32,
    /// The log start offset before and after (Kafka's "low watermark").
    pub low_watermark_before: i64,
    pub low_watermark: i64,
    pub deleted_segments: Vec<i64>,
}

/// Kafka's DeleteRecords: raises the partition's log start offset to `before` (-1: the high
/// watermark, i.e. everything) and deletes the segments entirely below it. Readers never return
/// records below the log start offset. An offset above the high watermark (`high_watermark` for
/// a replicated partition's leader, else the log end offset) is an error; one at or below the
/// current log start changes nothing. `fence`, run under the partition lock before anything
/// changes, lets the caller refuse (a leader that is no longer the leader).
pub fn delete_records(
    dd: &DataDir,
    t: &TopicMeta,
    p: i32,
    before: i64,
    high_watermark: Option<i64>,
    fence: Option<&dyn Fn() -> Result<()>>,
) -> Result<DeleteRecordsReport> {
    let mut w = dd.open_writer(t, p)?;
    // A replicated partition's leader checks, holding the lock, that it still leads.
    if let Some(check) = fence {
        check()?;
    }
    // A standalone partition's high watermark is its log end.
    let hw = high_watermark.map_or(w.log_end_offset(), |h| h.min(w.log_end_offset()));
    let offset = if before == -1 { hw } else { before };
    if offset < 0 || offset > hw {
        return Err(Error::DeleteBeyondHighWatermark { topic: t.name.clone(), partition: p, offset: before, hw });
    }
    let first_base = w.segments().first().copied().unwrap_or(0);
    let ckpt = dd.checkpoint_value(LOG_START_CHECKPOINT, &t.name, p)?;
    let start = ckpt.unwrap_or(first_base).max(first_base);
    let mut report = DeleteRecordsReport {
        topic: t.name.clone(),
        partition: p,
        low_watermark_before: start,
        low_watermark: start,
        deleted_segments: Vec::new(),
    };
    if offset <= start {
        return Ok(report);
    }
    dd.set_checkpoint_value(LOG_START_CHECKPOINT, &t.name, p, offset)?;
    report.low_watermark = offset;
    report.deleted_segments = w.delete_segments_below(offset)?;
    Ok(report)
}
