//! A retention run over a data directory (`klog retention`, from cron): the topics named (or
//! every topic) with the configs in force for them, each partition planned and worked on in turn
//! by the [`Cleaner`], a partition that fails reported without stopping the others, and what the
//! run as a whole came to ([`Outcome`]), for the caller to turn into an exit status.

use super::Location;
use crate::cleaner::{Cleaner, PartitionReport, Progress, RetentionOptions};
use crate::error::{Error, Result};
use crate::TopicPartition;

/// Follows a run partition by partition; its [`Progress`] hears about long compactions.
pub trait Observer: Progress {
    /// Work on `tp` starts (planning included).
    fn partition_started(&mut self, _tp: &TopicPartition) {}
    /// Work on `tp` ended: its report, or why it failed.
    fn partition_finished(&mut self, _tp: &TopicPartition, _result: std::result::Result<&PartitionReport, &Error>) {}
}

/// What a run did, partition by partition.
#[derive(Debug, Default)]
pub struct RetentionRun {
    pub reports: Vec<PartitionReport>,
    pub failures: Vec<(TopicPartition, Error)>,
    /// Partitions looked at.
    pub checked: usize,
}

/// What a run came to as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A partition failed (the others were still processed).
    Failed,
    /// Something was deleted or compacted (or would be, in a dry run).
    Done,
    /// Nothing done: every partition with work due was locked by another process.
    Locked,
    /// Nothing was due.
    NothingToDo,
}

impl RetentionRun {
    pub fn outcome(&self) -> Outcome {
        if !self.failures.is_empty() {
            Outcome::Failed
        } else if self.reports.iter().any(PartitionReport::did_something) {
            Outcome::Done
        } else if self.reports.iter().any(|r| r.skipped.is_some()) {
            Outcome::Locked
        } else {
            Outcome::NothingToDo
        }
    }

    /// The partitions that did something or were skipped, in the order they ran.
    pub fn active(&self) -> impl Iterator<Item = &PartitionReport> {
        self.reports.iter().filter(|r| r.did_something() || r.skipped.is_some())
    }

    pub fn bytes_freed(&self) -> i64 {
        self.reports.iter().map(PartitionReport::bytes_freed).sum()
    }

    pub fn segments_deleted(&self) -> usize {
        self.reports.iter().filter_map(|r| r.deletion.as_ref()).map(|d| d.segments.len()).sum()
    }

    pub fn partitions_compacted(&self) -> usize {
        self.reports.iter().filter(|r| r.compaction.is_some()).count()
    }

    pub fn partitions_skipped(&self) -> usize {
        self.reports.iter().filter(|r| r.skipped.is_some()).count()
    }
}

/// Applies retention and compaction to `topics` of the data directory at `at` (every topic when
/// none is named), with the configs in force for each (a cluster topic's are the store's).
pub fn run(at: &Location, topics: &[String], opts: RetentionOptions, obs: &mut dyn Observer) -> Result<RetentionRun> {
    for t in topics {
        crate::datadir::validate_topic_name(t)?;
    }
    let dd = at.open()?;
    let topics = super::topics::with_current_configs(at, &dd, topics)?;
    let mut cleaner = Cleaner::new(&dd, opts);
    let mut run = RetentionRun::default();
    for t in topics.iter().filter(|t| !Cleaner::ignores(t)) {
        for p in dd.existing_partitions(t)? {
            let tp = TopicPartition::new(&t.name, p);
            run.checked += 1;
            obs.partition_started(&tp);
            match cleaner.run_partition(t, p, obs) {
                Ok(r) => {
                    obs.partition_finished(&tp, Ok(&r));
                    run.reports.push(r);
                }
                Err(e) => {
                    obs.partition_finished(&tp, Err(&e));
                    run.failures.push((tp, e));
                }
            }
        }
    }
    Ok(run)
}
