//! Pure plans: which segments retention deletes, whether and what a compaction round cleans,
//! and how cleaned segments are grouped. Every function here is a function of its arguments
//! only (the current time is one of them), so the rules are tested without a clock or a disk.
//!
//! The rules are Kafka's (kafka-format.md sections 5.2 and 5.3):
//! - deletion walks from the oldest segment and stops at the first one that does not qualify,
//!   so it only ever removes a prefix; it never takes a segment whose end is above the high
//!   watermark, nor the last segment when it is empty; the checks run in the order log start,
//!   size, time, each on what the previous ones left;
//! - compaction cleans `[first dirty, first uncleanable)`, never the active segment, and is due
//!   when the dirty ratio is above `min.cleanable.dirty.ratio` or `max.compaction.lag.ms` has
//!   expired for some dirty data;
//! - groups of old segments are consecutive, bounded by `segment.bytes`, `segment.index.bytes`
//!   and an offset span that fits a 32-bit relative offset.
//!
//! Segment facts come through [`SegmentSource`], so that a caller can read them lazily from
//! disk (a pass over 10,000 segments with nothing to delete reads one time index, not 10,000);
//! tests pass a slice of [`SegmentInfo`].

use std::ops::Range;

/// What a plan needs to know of one segment. Indexes are positions in the partition's segment
/// list, oldest first; the last one is the active segment.
pub trait SegmentSource {
    fn count(&self) -> usize;
    fn base_offset(&self, i: usize) -> i64;
    fn size_bytes(&self, i: usize) -> u64;
    /// The largest record timestamp; when the segment has none (empty, or timestamps -1), the
    /// `.log` file's modification time, as Kafka's `LogSegment.largestTimestamp`.
    fn largest_timestamp(&self, i: usize) -> i64;
    /// The max timestamp of the first batch, if the segment has a batch.
    fn first_batch_timestamp(&self, i: usize) -> Option<i64>;
    /// Bytes of the offset index and of the time index.
    fn index_bytes(&self, i: usize) -> (u64, u64);
}

/// One segment's facts, for tests and small callers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SegmentInfo {
    pub base_offset: i64,
    pub size_bytes: u64,
    pub largest_timestamp: i64,
    pub first_batch_timestamp: Option<i64>,
    pub offset_index_bytes: u64,
    pub time_index_bytes: u64,
}

impl SegmentSource for [SegmentInfo] {
    fn count(&self) -> usize {
        self.len()
    }
    fn base_offset(&self, i: usize) -> i64 {
        self[i].base_offset
    }
    fn size_bytes(&self, i: usize) -> u64 {
        self[i].size_bytes
    }
    fn largest_timestamp(&self, i: usize) -> i64 {
        self[i].largest_timestamp
    }
    fn first_batch_timestamp(&self, i: usize) -> Option<i64> {
        self[i].first_batch_timestamp
    }
    fn index_bytes(&self, i: usize) -> (u64, u64) {
        (self[i].offset_index_bytes, self[i].time_index_bytes)
    }
}

/// A source without its first `skip` segments (what is left after a deletion).
pub struct Skip<'a, S: SegmentSource + ?Sized> {
    pub inner: &'a S,
    pub skip: usize,
}

impl<S: SegmentSource + ?Sized> SegmentSource for Skip<'_, S> {
    fn count(&self) -> usize {
        self.inner.count().saturating_sub(self.skip)
    }
    fn base_offset(&self, i: usize) -> i64 {
        self.inner.base_offset(i + self.skip)
    }
    fn size_bytes(&self, i: usize) -> u64 {
        self.inner.size_bytes(i + self.skip)
    }
    fn largest_timestamp(&self, i: usize) -> i64 {
        self.inner.largest_timestamp(i + self.skip)
    }
    fn first_batch_timestamp(&self, i: usize) -> Option<i64> {
        self.inner.first_batch_timestamp(i + self.skip)
    }
    fn index_bytes(&self, i: usize) -> (u64, u64) {
        self.inner.index_bytes(i + self.skip)
    }
}

/// The topic configs the cleaner follows, read from a topic's configuration on every run.
#[derive(Debug, Clone, PartialEq)]
pub struct CleanerConfig {
    /// `cleanup.policy` includes `delete`.
    pub delete: bool,
    /// `cleanup.policy` includes `compact`.
    pub compact: bool,
    pub retention_ms: i64,
    pub retention_bytes: i64,
    pub delete_retention_ms: i64,
    pub min_compaction_lag_ms: i64,
    pub max_compaction_lag_ms: i64,
    pub min_cleanable_dirty_ratio: f64,
    pub segment_bytes: u64,
    pub segment_index_bytes: u64,
    pub index_interval_bytes: u64,
}

impl Default for CleanerConfig {
    /// Kafka's defaults (kafka-format.md section 5.1).
    fn default() -> CleanerConfig {
        CleanerConfig {
            delete: true,
            compact: false,
            retention_ms: 604_800_000,
            retention_bytes: -1,
            delete_retention_ms: 86_400_000,
            min_compaction_lag_ms: 0,
            max_compaction_lag_ms: i64::MAX,
            min_cleanable_dirty_ratio: 0.5,
            segment_bytes: 1 << 30,
            segment_index_bytes: 10 << 20,
            index_interval_bytes: 4096,
        }
    }
}

/// What a plan needs to know of a partition besides its segments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartitionState {
    pub log_start_offset: i64,
    pub log_end_offset: i64,
    /// Nothing at or above it is deleted or cleaned. A standalone data directory is its own only
    /// replica: its high watermark is its log end offset.
    pub high_watermark: i64,
    /// The partition's entry in `cleaner-offset-checkpoint`.
    pub cleaner_checkpoint: Option<i64>,
}

/// Why a segment is deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeleteReason {
    /// Entirely below the log start offset (after delete-records).
    LogStart,
    /// The partition is larger than `retention.bytes`.
    Size,
    /// Older than `retention.ms`.
    Time,
}

impl DeleteReason {
    pub fn name(self) -> &'static str {
        match self {
            DeleteReason::LogStart => "log-start",
            DeleteReason::Size => "size",
            DeleteReason::Time => "time",
        }
    }
}

/// One segment a deletion removes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DoomedSegment {
    pub base_offset: i64,
    pub size_bytes: u64,
    pub reason: DeleteReason,
}

/// The oldest segments to delete, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeletionPlan {
    pub segments: Vec<DoomedSegment>,
    /// Every segment goes, the active one included: roll a new empty active segment at the log
    /// end first (one segment always exists).
    pub roll_first: bool,
    /// The log start offset afterwards: the first remaining segment's base (or the log end when
    /// everything goes), never below the current one.
    pub new_log_start: i64,
}

impl DeletionPlan {
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }
    pub fn bytes(&self) -> u64 {
        self.segments.iter().map(|s| s.size_bytes).sum()
    }
}

/// Kafka's `deleteOldSegments`: the log-start check always, then (when the policy includes
/// `delete`) the size check and the time check, each walking from the oldest remaining segment.
pub fn plan_deletion<S: SegmentSource + ?Sized>(
    now_ms: i64,
    segs: &S,
    st: &PartitionState,
    cfg: &CleanerConfig,
) -> DeletionPlan {
    let n = segs.count();
    let mut plan = DeletionPlan { new_log_start: st.log_start_offset, ..DeletionPlan::default() };
    if n == 0 {
        return plan;
    }
    // Kafka's `deletableSegments` guard: the segment's end is at or below the high watermark,
    // and it is not the last segment while empty.
    let allowed = |i: usize| {
        let upper = if i + 1 < n { segs.base_offset(i + 1) } else { st.log_end_offset };
        let last_and_empty = i + 1 == n && segs.size_bytes(i) == 0;
        st.high_watermark >= upper && !last_and_empty
    };
    let mut next = 0usize;
    let take = |next: &mut usize, reason: DeleteReason, plan: &mut DeletionPlan| {
        plan.segments.push(DoomedSegment {
            base_offset: segs.base_offset(*next),
            size_bytes: segs.size_bytes(*next),
            reason,
        });
        *next += 1;
    };
    // 1. Log start: a segment whose successor starts at or below the log start offset.
    while next + 1 < n && segs.base_offset(next + 1) <= st.log_start_offset && allowed(next) {
        take(&mut next, DeleteReason::LogStart, &mut plan);
    }
    if cfg.delete {
        // 2. Size: while the partition is larger than retention.bytes, oldest first.
        if cfg.retention_bytes >= 0 {
            let total: u64 = (next..n).map(|i| segs.size_bytes(i)).sum();
            if total >= cfg.retention_bytes as u64 {
                let mut diff = total - cfg.retention_bytes as u64;
                while next < n && allowed(next) && segs.size_bytes(next) <= diff {
                    diff -= segs.size_bytes(next);
                    take(&mut next, DeleteReason::Size, &mut plan);
                }
            }
        }
        // 3. Time: while the largest timestamp is older than retention.ms.
        if cfg.retention_ms >= 0 {
            while next < n && allowed(next) && now_ms.saturating_sub(segs.largest_timestamp(next)) > cfg.retention_ms {
                take(&mut next, DeleteReason::Time, &mut plan);
            }
        }
    }
    if next == n {
        plan.roll_first = true;
        plan.new_log_start = st.log_start_offset.max(st.log_end_offset);
    } else if next > 0 {
        plan.new_log_start = st.log_start_offset.max(segs.base_offset(next));
    }
    plan
}

/// What compaction would clean, and whether it is due.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CompactionPlan {
    /// The first offset not yet cleaned (from `cleaner-offset-checkpoint`, else the log start).
    pub first_dirty: i64,
    /// The end of what may be cleaned now: a segment boundary, at most the active segment's base.
    pub first_uncleanable: i64,
    pub clean_bytes: u64,
    pub cleanable_bytes: u64,
    /// cleanable / (clean + cleanable), over whole segments.
    pub dirty_ratio: f64,
    /// `max.compaction.lag.ms` has expired for some dirty data.
    pub lag_expired: bool,
    /// Due now: the dirty ratio is above `min.cleanable.dirty.ratio`, or the max lag expired and
    /// there is something to clean.
    pub due: bool,
}

/// Indexes of the segments overlapping `[from, to)` (Kafka's `logSegments(from, to)`).
fn overlapping<S: SegmentSource + ?Sized>(segs: &S, from: i64, to: i64) -> Range<usize> {
    let n = segs.count();
    if from >= to || n == 0 {
        return 0..0;
    }
    // The segment holding `from` is the last whose base is <= from (or the first).
    let mut start = 0;
    while start + 1 < n && segs.base_offset(start + 1) <= from {
        start += 1;
    }
    let mut end = start;
    while end < n && segs.base_offset(end) < to {
        end += 1;
    }
    start..end
}

/// Kafka's `LogCleanerManager.cleanableOffsets` and dirty-ratio rule. `None` when the policy
/// does not include `compact` or the partition has no segment.
pub fn plan_compaction<S: SegmentSource + ?Sized>(
    now_ms: i64,
    segs: &S,
    st: &PartitionState,
    cfg: &CleanerConfig,
) -> Option<CompactionPlan> {
    let n = segs.count();
    if !cfg.compact || n == 0 {
        return None;
    }
    let active_base = segs.base_offset(n - 1);
    let first_dirty = match st.cleaner_checkpoint {
        Some(c) if c >= st.log_start_offset && c <= st.log_end_offset => c,
        _ => st.log_start_offset,
    };
    // Dirty segments that are not the active one.
    let dirty = overlapping(segs, first_dirty, active_base);
    // The high watermark, rounded down to a segment boundary, and never past the active base.
    let mut first_uncleanable = active_base;
    if st.high_watermark < active_base {
        let holder = overlapping(segs, st.high_watermark, i64::MAX).start;
        first_uncleanable = segs.base_offset(holder).min(st.high_watermark);
    }
    if cfg.min_compaction_lag_ms > 0 {
        let horizon = now_ms.saturating_sub(cfg.min_compaction_lag_ms);
        if let Some(i) = dirty.clone().find(|&i| segs.largest_timestamp(i) > horizon) {
            first_uncleanable = first_uncleanable.min(segs.base_offset(i));
        }
    }
    let sum = |r: Range<usize>| r.map(|i| segs.size_bytes(i)).sum::<u64>();
    let clean_bytes = sum(overlapping(segs, i64::MIN, first_dirty));
    let cleanable_bytes = sum(overlapping(segs, first_dirty.min(first_uncleanable), first_uncleanable));
    let total = clean_bytes + cleanable_bytes;
    let dirty_ratio = if total == 0 { 0.0 } else { cleanable_bytes as f64 / total as f64 };
    let mut lag_expired = false;
    if cfg.max_compaction_lag_ms < i64::MAX {
        let clean_until = now_ms.saturating_sub(cfg.max_compaction_lag_ms.max(0));
        let earliest = dirty.filter_map(|i| segs.first_batch_timestamp(i)).filter(|&t| t > 0).min();
        lag_expired = earliest.is_some_and(|e| e < clean_until);
    }
    let due = (lag_expired && cleanable_bytes > 0) || dirty_ratio > cfg.min_cleanable_dirty_ratio;
    Some(CompactionPlan { first_dirty, first_uncleanable, clean_bytes, cleanable_bytes, dirty_ratio, lag_expired, due })
}

/// Kafka's `groupSegmentsBySize`: the first `count` segments (those a cleaning round rewrites)
/// packed into consecutive groups whose total log size is at most `max_size`, whose index files
/// each total at most `max_index_size`, and whose offsets fit 32-bit relative offsets from the
/// group's first base. Sizes are those of the old segments. Returns index ranges.
pub fn group_segments<S: SegmentSource + ?Sized>(
    segs: &S,
    count: usize,
    first_uncleanable: i64,
    max_size: u64,
    max_index_size: u64,
) -> Vec<Range<usize>> {
    let count = count.min(segs.count());
    // The largest offset segment j can hold: the next base - 1, or the round's end - 1.
    let last_offset_of = |j: usize| {
        if j + 1 < count {
            segs.base_offset(j + 1) - 1
        } else {
            first_uncleanable - 1
        }
    };
    let mut groups = Vec::new();
    let mut i = 0;
    while i < count {
        let start = i;
        let mut log_size = segs.size_bytes(i);
        let (mut oidx, mut tidx) = segs.index_bytes(i);
        i += 1;
        while i < count {
            let size = segs.size_bytes(i);
            let (o, t) = segs.index_bytes(i);
            let fits = log_size + size <= max_size
                && oidx + o <= max_index_size
                && tidx + t <= max_index_size
                && (size == 0 || last_offset_of(i) - segs.base_offset(start) <= i32::MAX as i64);
            if !fits {
                break;
            }
            log_size += size;
            oidx += o;
            tidx += t;
            i += 1;
        }
        groups.push(start..i);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400_000;

    fn seg(base: i64, size: u64, ts: i64) -> SegmentInfo {
        SegmentInfo {
            base_offset: base,
            size_bytes: size,
            largest_timestamp: ts,
            first_batch_timestamp: Some(ts),
            offset_index_bytes: 8,
            time_index_bytes: 12,
        }
    }

    fn state(start: i64, end: i64) -> PartitionState {
        PartitionState { log_start_offset: start, log_end_offset: end, high_watermark: end, cleaner_checkpoint: None }
    }

    fn bases(p: &DeletionPlan) -> Vec<i64> {
        p.segments.iter().map(|s| s.base_offset).collect()
    }

    #[test]
    fn time_retention_deletes_an_expired_prefix_and_stops_at_the_first_young_segment() {
        let now = 100 * DAY;
        let cfg = CleanerConfig { retention_ms: 7 * DAY, ..CleanerConfig::default() };
        // The third segment is young, the fourth old again: only the first two go.
        let segs =
            [seg(0, 10, 80 * DAY), seg(10, 10, 90 * DAY), seg(20, 10, 95 * DAY), seg(30, 10, 1), seg(40, 10, now)];
        let p = plan_deletion(now, &segs[..], &state(0, 45), &cfg);
        assert_eq!(bases(&p), vec![0, 10]);
        assert!(p.segments.iter().all(|s| s.reason == DeleteReason::Time));
        assert_eq!(p.new_log_start, 20);
        assert!(!p.roll_first);
        assert_eq!(p.bytes(), 20);
    }

    #[test]
    fn time_retention_is_strictly_older_than_the_limit() {
        let cfg = CleanerConfig { retention_ms: 1000, ..CleanerConfig::default() };
        let segs = [seg(0, 10, 5000), seg(10, 10, 9000)];
        // now - 5000 == 1000: not older than the limit.
        assert!(plan_deletion(6000, &segs[..], &state(0, 20), &cfg).is_empty());
        assert_eq!(bases(&plan_deletion(6001, &segs[..], &state(0, 20), &cfg)), vec![0]);
    }

    #[test]
    fn retention_ms_minus_one_keeps_everything() {
        let cfg = CleanerConfig { retention_ms: -1, ..CleanerConfig::default() };
        let segs = [seg(0, 10, 0), seg(10, 10, 0)];
        assert!(plan_deletion(i64::MAX / 2, &segs[..], &state(0, 20), &cfg).is_empty());
    }

    #[test]
    fn an_expired_active_segment_goes_after_a_roll() {
        let cfg = CleanerConfig { retention_ms: 10, ..CleanerConfig::default() };
        let segs = [seg(0, 10, 0), seg(10, 10, 0)];
        let p = plan_deletion(1000, &segs[..], &state(0, 17), &cfg);
        assert_eq!(bases(&p), vec![0, 10]);
        assert!(p.roll_first);
        assert_eq!(p.new_log_start, 17);
    }

    #[test]
    fn the_last_segment_is_never_deleted_while_empty() {
        let cfg = CleanerConfig { retention_ms: 10, ..CleanerConfig::default() };
        let segs = [seg(0, 10, 0), seg(10, 0, 0)];
        let p = plan_deletion(1000, &segs[..], &state(0, 10), &cfg);
        assert_eq!(bases(&p), vec![0]);
        assert!(!p.roll_first);
        assert_eq!(p.new_log_start, 10);
    }

    #[test]
    fn nothing_at_or_above_the_high_watermark_goes() {
        let cfg = CleanerConfig { retention_ms: 10, ..CleanerConfig::default() };
        let segs = [seg(0, 10, 0), seg(10, 10, 0), seg(20, 10, 0)];
        let st = PartitionState { high_watermark: 15, ..state(0, 25) };
        assert_eq!(bases(&plan_deletion(1000, &segs[..], &st, &cfg)), vec![0]);
    }

    #[test]
    fn size_retention_takes_oldest_segments_while_the_excess_covers_them() {
        // Total 100, limit 65: excess 35 covers the 20-byte and then the 10-byte segment, not
        // the next 30-byte one.
        let cfg = CleanerConfig { retention_ms: -1, retention_bytes: 65, ..CleanerConfig::default() };
        let segs = [seg(0, 20, 0), seg(10, 10, 0), seg(20, 30, 0), seg(30, 40, 0)];
        let p = plan_deletion(0, &segs[..], &state(0, 40), &cfg);
        assert_eq!(bases(&p), vec![0, 10]);
        assert!(p.segments.iter().all(|s| s.reason == DeleteReason::Size));
        // Exactly at the limit: nothing (the excess is 0).
        let cfg = CleanerConfig { retention_bytes: 100, ..cfg };
        assert!(plan_deletion(0, &segs[..], &state(0, 40), &cfg).is_empty());
        // retention.bytes 0: everything, after a roll.
        let cfg = CleanerConfig { retention_bytes: 0, ..cfg };
        let p = plan_deletion(0, &segs[..], &state(0, 40), &cfg);
        assert_eq!(p.segments.len(), 4);
        assert!(p.roll_first);
    }

    #[test]
    fn size_then_time_each_on_what_the_previous_left() {
        let now = 10 * DAY;
        let cfg = CleanerConfig { retention_ms: DAY, retention_bytes: 50, ..CleanerConfig::default() };
        // Size takes segment 0 (excess 20 >= 20); time then takes 10 (old) and stops at 20.
        let segs = [seg(0, 20, now), seg(10, 20, 0), seg(20, 20, now), seg(30, 10, now)];
        let p = plan_deletion(now, &segs[..], &state(0, 35), &cfg);
        let got: Vec<_> = p.segments.iter().map(|s| (s.base_offset, s.reason)).collect();
        assert_eq!(got, vec![(0, DeleteReason::Size), (10, DeleteReason::Time)]);
        assert_eq!(p.new_log_start, 20);
    }

    #[test]
    fn log_start_breach_runs_even_for_compacted_topics() {
        let cfg = CleanerConfig { delete: false, compact: true, retention_ms: 1, ..CleanerConfig::default() };
        let segs = [seg(0, 10, 0), seg(10, 10, 0), seg(20, 10, 0)];
        // Log start 15 lies inside segment 10: only segment 0 is entirely below it.
        let p = plan_deletion(1_000_000, &segs[..], &state(15, 30), &cfg);
        assert_eq!(bases(&p), vec![0]);
        assert_eq!(p.segments[0].reason, DeleteReason::LogStart);
        assert_eq!(p.new_log_start, 15, "the log start never moves back");
        // A log start at the active segment's base, with delete: log-start takes both.
        let p = plan_deletion(0, &segs[..], &state(20, 30), &CleanerConfig { retention_ms: -1, ..cfg });
        assert_eq!(bases(&p), vec![0, 10]);
    }

    fn compact_cfg() -> CleanerConfig {
        CleanerConfig { delete: false, compact: true, ..CleanerConfig::default() }
    }

    #[test]
    fn compaction_cleans_up_to_the_active_segment_when_dirty_enough() {
        let segs = [seg(0, 100, 0), seg(10, 100, 0), seg(20, 100, 0), seg(30, 50, 0)];
        let st = PartitionState { cleaner_checkpoint: Some(10), ..state(0, 35) };
        let p = plan_compaction(0, &segs[..], &st, &compact_cfg()).unwrap();
        assert_eq!((p.first_dirty, p.first_uncleanable), (10, 30));
        assert_eq!((p.clean_bytes, p.cleanable_bytes), (100, 200));
        assert!((p.dirty_ratio - 2.0 / 3.0).abs() < 1e-9);
        assert!(p.due);
        // A ratio at the threshold is not enough (strictly greater).
        let segs = [seg(0, 100, 0), seg(10, 100, 0), seg(20, 50, 0)];
        let st = PartitionState { cleaner_checkpoint: Some(10), ..state(0, 25) };
        let p = plan_compaction(0, &segs[..], &st, &compact_cfg()).unwrap();
        assert_eq!(p.dirty_ratio, 0.5);
        assert!(!p.due);
        assert!(plan_compaction(0, &segs[..], &st, &CleanerConfig::default()).is_none(), "delete policy");
    }

    #[test]
    fn an_invalid_checkpoint_restarts_from_the_log_start() {
        let segs = [seg(0, 100, 0), seg(10, 100, 0), seg(20, 1, 0)];
        for (checkpoint, want) in
            [(Some(-5), 5), (Some(3), 5), (Some(99), 5), (None, 5), (Some(10), 10), (Some(21), 21)]
        {
            let st = PartitionState { cleaner_checkpoint: checkpoint, ..state(5, 21) };
            let p = plan_compaction(0, &segs[..], &st, &compact_cfg()).unwrap();
            assert_eq!(p.first_dirty, want, "{:?}", checkpoint);
        }
        // A high watermark inside a sealed segment rounds down to that segment's base.
        let st = PartitionState { high_watermark: 15, ..state(0, 21) };
        assert_eq!(plan_compaction(0, &segs[..], &st, &compact_cfg()).unwrap().first_uncleanable, 10);
    }

    #[test]
    fn min_compaction_lag_stops_at_the_first_young_dirty_segment() {
        let now = 1_000_000;
        let cfg = CleanerConfig { min_compaction_lag_ms: 1000, min_cleanable_dirty_ratio: 0.0, ..compact_cfg() };
        let segs = [seg(0, 10, 1000), seg(10, 10, now - 500), seg(20, 10, 1000), seg(30, 10, now)];
        let p = plan_compaction(now, &segs[..], &state(0, 35), &cfg).unwrap();
        assert_eq!(p.first_uncleanable, 10);
        assert_eq!(p.cleanable_bytes, 10);
        assert!(p.due);
        // Everything young: nothing cleanable, not due.
        let young = [seg(0, 10, now), seg(10, 10, now)];
        let p = plan_compaction(now, &young[..], &state(0, 15), &cfg).unwrap();
        assert_eq!((p.first_uncleanable, p.cleanable_bytes), (0, 0));
        assert!(!p.due);
    }

    #[test]
    fn max_compaction_lag_makes_a_barely_dirty_log_due() {
        let now = 10 * DAY;
        let cfg = CleanerConfig { max_compaction_lag_ms: DAY, ..compact_cfg() };
        // 10 dirty bytes out of 1010: far below the 0.5 ratio, but the dirty data is 9 days old.
        let mut segs = [seg(0, 1000, 0), seg(10, 10, DAY), seg(20, 5, now)];
        let st = PartitionState { cleaner_checkpoint: Some(10), ..state(0, 25) };
        let p = plan_compaction(now, &segs[..], &st, &cfg).unwrap();
        assert!(p.lag_expired && p.due);
        segs[1].first_batch_timestamp = Some(now - 1000);
        let p = plan_compaction(now, &segs[..], &st, &cfg).unwrap();
        assert!(!p.lag_expired && !p.due);
    }

    #[test]
    fn the_active_segment_alone_is_never_cleanable() {
        let segs = [seg(0, 1000, 0)];
        let cfg = CleanerConfig { min_cleanable_dirty_ratio: 0.0, ..compact_cfg() };
        let p = plan_compaction(0, &segs[..], &state(0, 100), &cfg).unwrap();
        assert_eq!((p.first_uncleanable, p.cleanable_bytes), (0, 0));
        assert!(!p.due);
    }

    #[test]
    fn groups_respect_size_index_and_offset_span() {
        let mut segs: Vec<SegmentInfo> = (0..6).map(|i| seg(i * 100, 40, 0)).collect();
        // 40+40 fit in 100, a third does not.
        let g = group_segments(&segs[..], 6, 600, 100, 1000);
        assert_eq!(g, vec![0..2, 2..4, 4..6]);
        // Index bytes (8 and 12 per segment), each kind against the limit: 24 makes pairs,
        // 12 singles (two offset indexes take 16).
        assert_eq!(group_segments(&segs[..], 6, 600, 1000, 24), vec![0..2, 2..4, 4..6]);
        assert_eq!(group_segments(&segs[..], 3, 600, 1000, 12), vec![0..1, 1..2, 2..3]);
        // Only the first `count` segments are grouped.
        assert_eq!(group_segments(&segs[..], 3, 600, 1000, 1000), vec![0..3]);
        // An offset span beyond 2^31 - 1 splits a group, unless the next segment is empty.
        segs[1].base_offset = 1 << 31;
        segs[2].base_offset = (1 << 31) + 100;
        assert_eq!(group_segments(&segs[..], 3, (1 << 31) + 200, 1000, 1000), vec![0..1, 1..3]);
        segs[1].size_bytes = 0;
        assert_eq!(group_segments(&segs[..], 2, (1 << 31) + 200, 1000, 1000), vec![0..2]);
    }
}
