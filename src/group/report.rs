//! What group administration reports, wherever the group lives (a data directory, a cluster of
//! them, or a Kafka cluster reached over the network): the rows kafka-consumer-groups shows, and
//! the reset plan with its one rule for where a partition's offset moves. Pure data and pure
//! functions: [`crate::app::groups`] and [`crate::kafka`] fill these, the CLI renders them.

use crate::error::{Error, LineFault, Result};
use crate::TopicPartition;
use std::collections::BTreeSet;
use std::path::Path;

/// One row of `group list`.
#[derive(Debug)]
pub struct GroupSummary {
    pub group: String,
    pub state: &'static str,
    pub members: usize,
    /// The assignment strategy (empty when none is known).
    pub protocol: String,
    /// The generation; `None` where it is not known (a Kafka cluster's admin API omits it).
    pub generation: Option<i32>,
}

/// A group's state (`describe --state`).
#[derive(Debug)]
pub struct GroupStateView {
    pub group: String,
    pub state: &'static str,
    pub live_members: usize,
    pub protocol: Option<String>,
    /// `None` where it is not known (a Kafka cluster's admin API omits it).
    pub generation: Option<i32>,
    pub leader: Option<String>,
    pub subscription: BTreeSet<String>,
}

/// A live member and its assignment (`describe --members`).
#[derive(Debug)]
pub struct MemberView {
    pub member_id: String,
    pub client_id: String,
    pub host: String,
    /// The process id of a klog member on this host; `None` for a Kafka cluster's members.
    pub pid: Option<u32>,
    pub topics: BTreeSet<String>,
    pub assignment: Vec<TopicPartition>,
}

/// A partition a group committed or is assigned (`describe`): lag is measured to what a
/// consumer may read (a cluster partition's high watermark); None where unknown.
#[derive(Debug)]
pub struct OffsetView {
    pub tp: TopicPartition,
    pub current_offset: Option<i64>,
    pub log_end_offset: Option<i64>,
    pub lag: Option<i64>,
    pub consumer_id: Option<String>,
}

impl OffsetView {
    /// A row with its lag: the distance from the committed offset to the log end, never negative.
    pub fn new(
        tp: TopicPartition,
        current_offset: Option<i64>,
        log_end_offset: Option<i64>,
        consumer_id: Option<String>,
    ) -> OffsetView {
        let lag = match (current_offset, log_end_offset) {
            (Some(c), Some(e)) => Some((e - c).max(0)),
            _ => None,
        };
        OffsetView { tp, current_offset, log_end_offset, lag, consumer_id }
    }
}

/// Where a reset moves each partition.
#[derive(Clone, Copy, Debug)]
pub enum ResetTo {
    Earliest,
    Latest,
    /// The committed offset (the log end where none).
    Current,
    Offset(i64),
    /// The first offset with a timestamp at or after this one (ms since the epoch).
    Time(i64),
    /// The committed offset (the log end where none) plus N.
    ShiftBy(i64),
}

/// Which partitions a reset covers, and where to.
#[derive(Clone, Debug)]
pub enum ResetPlan {
    /// Every partition committed (`all_topics`) and those of `topics` (each a topic with all
    /// its partitions, or the partitions listed), moved to one place.
    Scope { all_topics: bool, topics: Vec<(String, Option<Vec<i32>>)>, to: ResetTo },
    /// Explicit `topic,partition,offset` lines of a file.
    File(std::path::PathBuf),
}

/// One partition of a reset: its new offset, clamped into the log as Kafka does (`clamped_from`
/// holds the offset asked for, with the log's range, when it was outside).
#[derive(Debug)]
pub struct ResetRow {
    pub tp: TopicPartition,
    pub new_offset: i64,
    pub clamped_from: Option<(i64, i64, i64)>,
}

/// Where one partition of a reset goes: `fixed` (a plan file's offset) or `to`, from the log's
/// `start` and `end` (what a consumer may read up to), the committed offset `current` and, for
/// [`ResetTo::Time`], the offset found for that time (`None`: no record is that late); clamped
/// into `start..=end` as Kafka does.
pub fn reset_row(
    tp: TopicPartition,
    fixed: Option<i64>,
    to: Option<ResetTo>,
    start: i64,
    end: i64,
    current: Option<i64>,
    for_time: Option<i64>,
) -> ResetRow {
    let wanted = match (fixed, to) {
        (Some(o), _) => o,
        (None, Some(ResetTo::Earliest)) => start,
        (None, Some(ResetTo::Latest)) => end,
        (None, Some(ResetTo::Current)) => current.unwrap_or(end),
        (None, Some(ResetTo::Offset(o))) => o,
        (None, Some(ResetTo::Time(_))) => for_time.unwrap_or(end),
        (None, Some(ResetTo::ShiftBy(n))) => current.unwrap_or(end).saturating_add(n),
        (None, None) => end,
    };
    let new_offset = wanted.clamp(start, end);
    let clamped_from = (new_offset != wanted).then_some((wanted, start, end));
    ResetRow { tp, new_offset, clamped_from }
}

/// Kafka's reset plan file: `topic,partition,offset` lines (blank lines skipped). Partitions
/// are not checked here: the caller knows where the topics live.
pub fn read_plan_file(f: &Path) -> Result<Vec<(TopicPartition, i64)>> {
    let text = std::fs::read_to_string(f).map_err(|e| Error::io("read", f, e))?;
    let mut targets = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        let [t, p, o] = fields.as_slice() else {
            return Err(Error::BadLine {
                file: Some(f.to_path_buf()),
                line: i + 1,
                fault: LineFault::Why("expected topic,partition,offset".into()),
            });
        };
        let bad = || Error::BadLine {
            file: Some(f.to_path_buf()),
            line: i + 1,
            fault: LineFault::Why(format!("bad number in {:?}", line)),
        };
        let (p, o): (i32, i64) = (p.parse().map_err(|_| bad())?, o.parse().map_err(|_| bad())?);
        targets.push((TopicPartition::new(*t, p), o));
    }
    Ok(targets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resets_clamp_into_the_log() {
        let tp = || TopicPartition::new("t", 0);
        let r = reset_row(tp(), None, Some(ResetTo::ShiftBy(-10)), 5, 20, Some(8), None);
        assert_eq!((r.new_offset, r.clamped_from), (5, Some((-2, 5, 20))));
        let r = reset_row(tp(), None, Some(ResetTo::Current), 5, 20, None, None);
        assert_eq!((r.new_offset, r.clamped_from), (20, None));
        let r = reset_row(tp(), None, Some(ResetTo::Time(1)), 5, 20, Some(8), Some(12));
        assert_eq!(r.new_offset, 12);
        let r = reset_row(tp(), Some(30), None, 5, 20, None, None);
        assert_eq!((r.new_offset, r.clamped_from), (20, Some((30, 5, 20))));
    }
}
