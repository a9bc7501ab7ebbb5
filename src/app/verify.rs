//! Checking a partition as `klog verify` does, and repairing it as `--repair` does: every
//! segment and index, the leader-epoch checkpoint and the log start offset. Repair happens under
//! the partition lock and cuts only what Kafka's recovery would (the active segment's invalid
//! tail); damage inside a sealed segment is reported with what it needs, never cut: that would
//! drop every later segment too.

use crate::datadir::CONSUMER_OFFSETS;
use crate::datadir::{DataDir, TopicMeta, LOG_START_CHECKPOINT};
use crate::error::Result;
use crate::group::offsets::{forget_snapshots_past, groups_in_segment_from};
use crate::log::verify::{
    check_epochs, check_partition, checked_log_end, rebuild_epoch_cache, rebuild_indexes, Problem, SegmentCheck,
};
use std::fmt;
use std::path::PathBuf;

/// One thing [`repair`] did, or could not do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repair {
    /// Something repaired, in words ("repaired: ...").
    Done(String),
    /// A sealed segment damaged at byte `position`, left as it is: cutting it there would drop
    /// every later segment too (Kafka's recovery would, up to offset `log_end`). It needs a copy
    /// of the partition from a replica, or the offsets below `next_base` (the next segment's
    /// base) given up.
    SealedDamage { path: PathBuf, position: u64, log_end: i64, next_base: i64 },
}

impl fmt::Display for Repair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Repair::Done(s) => f.write_str(s),
            Repair::SealedDamage { path, position, log_end, .. } => write!(
                f,
                "not repaired: sealed segment {} is damaged at byte {}; cutting it would drop every later \
                 segment too (Kafka's recovery would, up to offset {})",
                path.display(),
                position,
                log_end
            ),
        }
    }
}

/// Repairs what `--repair` may: rebuilt indexes, the active segment cut at its first invalid
/// batch (with what that drops, for `__consumer_offsets` whose groups' commits), and the epoch
/// cache rebuilt from the log; damage inside a sealed segment is reported with what it needs.
/// Returns one item per thing repaired or not.
pub fn repair(dd: &DataDir, t: &TopicMeta, p: i32, checks: &[SegmentCheck]) -> Result<Vec<Repair>> {
    let mut done = Vec::new();
    let Some(last) = checks.last() else { return Ok(done) };
    let dir = dd.partition_dir(&t.name, p);
    {
        let _lock = dd.lock_partition(&t.name, p)?;
        // Indexes are rebuilt from the log, except over a damaged sealed segment (whose data
        // after the damage klog will not guess at).
        let rebuild = checks.iter().filter(|c| c.bad_index && (!c.bad_tail || c.base_offset == last.base_offset));
        for c in rebuild {
            let n = rebuild_indexes(&dir, c.base_offset, t.config.log_config().index_interval_bytes)?;
            done.push(Repair::Done(format!(
                "repaired: rebuilt the indexes of {} ({} offset entries)",
                c.path.display(),
                n
            )));
        }
    }
    let sealed = &checks[..checks.len() - 1];
    for (i, c) in sealed.iter().enumerate().filter(|(_, c)| c.bad_tail) {
        let at = c.problems.iter().find(|pr| pr.path == c.path).map_or(0, |pr| pr.position);
        let next_base = checks[i + 1].base_offset;
        done.push(Repair::SealedDamage {
            path: c.path.clone(),
            position: at,
            log_end: checked_log_end(checks),
            next_base,
        });
    }
    if last.bad_tail || last.bad_index {
        let cut_at = last.problems.iter().find(|pr| pr.path == last.path).map(|pr| pr.position);
        let groups = match cut_at {
            Some(at) if t.name == CONSUMER_OFFSETS => groups_in_segment_from(&last.path, at)?,
            _ => Default::default(),
        };
        // The writer's recovery, in repair mode, cuts the active segment at its first invalid batch.
        let w = dd.open_writer_repair(t, p)?;
        let r = w.recovery_report();
        if let Some(at) = r.truncated_at {
            done.push(Repair::Done(format!(
                "repaired: cut {} bytes from {} at byte {} ({}); the log now ends at offset {}",
                r.truncated_bytes,
                r.segment.display(),
                at,
                r.reason.as_deref().unwrap_or("invalid tail"),
                w.log_end_offset()
            )));
            if t.name == CONSUMER_OFFSETS {
                let log_end = w.log_end_offset();
                drop(w);
                let forgotten = forget_snapshots_past(dd, p, log_end)?;
                let names: Vec<&str> = groups.iter().map(String::as_str).collect();
                done.push(Repair::Done(format!(
                    "repaired: dropped the commits and group records that valid batches after the damage held for {}, and whatever the damaged batch held{}",
                    if names.is_empty() { "no group".to_string() } else { format!("group(s) {}", names.join(", ")) },
                    if forgotten.is_empty() {
                        String::new()
                    } else {
                        format!("; removed the offsets snapshots of {} that covered them", forgotten.join(", "))
                    }
                )));
            }
        }
    }
    // The epoch cache, against the log as it now is.
    let checks = check_partition(&dir)?;
    let start = dd.checkpoint_value(LOG_START_CHECKPOINT, &t.name, p)?;
    if check_epochs(&dir, &checks, start).rebuild {
        let _lock = dd.lock_partition(&t.name, p)?;
        let entries = rebuild_epoch_cache(&dir, start)?;
        let list: Vec<String> = entries.iter().map(|e| format!("{}@{}", e.epoch, e.start_offset)).collect();
        done.push(Repair::Done(format!(
            "repaired: rebuilt {} from the log: {}",
            dir.join(crate::log::names::LEADER_EPOCH_CHECKPOINT).display(),
            if list.is_empty() { "no entries".to_string() } else { format!("epoch@offset {}", list.join(" ")) }
        )));
    }
    Ok(done)
}

/// The segment checks and the partition-wide problems (epoch cache, log start) of one
/// partition.
pub fn check(dd: &DataDir, t: &TopicMeta, p: i32) -> Result<(Vec<SegmentCheck>, Vec<Problem>)> {
    let dir = dd.partition_dir(&t.name, p);
    let checks = check_partition(&dir)?;
    let start = dd.checkpoint_value(LOG_START_CHECKPOINT, &t.name, p)?;
    let problems = check_epochs(&dir, &checks, start).problems;
    Ok((checks, problems))
}
