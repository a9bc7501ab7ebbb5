//! `klog verify`: checks every segment of every partition (or one topic's), and each partition's
//! `leader-epoch-checkpoint` and log start offset, and reports. `--repair` (under the partition
//! lock) rebuilds indexes that do not check out, cuts the active segment at its first invalid
//! batch (as Kafka's recovery does, saying what it drops: for `__consumer_offsets`, whose
//! groups' commits), and rebuilds `leader-epoch-checkpoint` from the log. Damage inside a sealed
//! segment is reported with what it needs, never cut: that would drop every later segment too.

use super::{out, out_json, Ctx, EXIT_FAILURE, EXIT_OK};
use crate::datadir::CONSUMER_OFFSETS;
use crate::datadir::{DataDir, TopicMeta, LOG_START_CHECKPOINT};
use crate::error::Result;
use crate::group::offsets::{forget_snapshots_past, groups_in_segment_from};
use crate::log::verify::{
    check_epochs, check_partition, checked_log_end, rebuild_epoch_cache, rebuild_indexes, Problem, SegmentCheck,
};
use crate::output::table;
use serde_json::json;

#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// Topic to check (default: every topic).
    #[arg(value_name = "TOPIC")]
    pub topic: Option<String>,
    /// The same as TOPIC: the spelling of Kafka's tools.
    #[arg(long = "topic", id = "topic_opt", value_name = "TOPIC", conflicts_with = "topic")]
    pub topic_opt: Option<String>,
    /// Rebuild bad indexes and leader-epoch-checkpoint from the log, and cut the active segment at
    /// its first invalid batch (dropping the batches after it, as Kafka's recovery does), saying
    /// what was cut. Damage inside a sealed segment is reported, not cut.
    #[arg(long)]
    pub repair: bool,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

struct PartitionResult {
    topic: String,
    partition: i32,
    checks: Vec<SegmentCheck>,
    /// Problems of the partition as a whole (epoch cache, log start offset).
    problems: Vec<Problem>,
    repairs: Vec<String>,
}

fn repair(dd: &DataDir, t: &TopicMeta, p: i32, checks: &[SegmentCheck]) -> Result<Vec<String>> {
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
            done.push(format!("repaired: rebuilt the indexes of {} ({} offset entries)", c.path.display(), n));
        }
    }
    let sealed = &checks[..checks.len() - 1];
    for (i, c) in sealed.iter().enumerate().filter(|(_, c)| c.bad_tail) {
        let at = c.problems.iter().find(|pr| pr.path == c.path).map_or(0, |pr| pr.position);
        let next_base = checks[i + 1].base_offset;
        done.push(format!(
            "not repaired: sealed segment {} is damaged at byte {}; cutting it would drop every later \
             segment too (Kafka's recovery would, up to offset {}). Copy the partition from a replica \
             (`klog replicate`), or give up every offset below {} with `klog delete-records {} -p {} --before {}`",
            c.path.display(),
            at,
            checked_log_end(checks),
            next_base,
            t.name,
            p,
            next_base
        ));
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
            done.push(format!(
                "repaired: cut {} bytes from {} at byte {} ({}); the log now ends at offset {}",
                r.truncated_bytes,
                r.segment.display(),
                at,
                r.reason.as_deref().unwrap_or("invalid tail"),
                w.log_end_offset()
            ));
            if t.name == CONSUMER_OFFSETS {
                let log_end = w.log_end_offset();
                drop(w);
                let forgotten = forget_snapshots_past(dd, p, log_end)?;
                let names: Vec<&str> = groups.iter().map(String::as_str).collect();
                done.push(format!(
                    "repaired: dropped the commits and group records that valid batches after the damage held for {}, and whatever the damaged batch held{}",
                    if names.is_empty() { "no group".to_string() } else { format!("group(s) {}", names.join(", ")) },
                    if forgotten.is_empty() {
                        String::new()
                    } else {
                        format!("; removed the offsets snapshots of {} that covered them", forgotten.join(", "))
                    }
                ));
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
        done.push(format!(
            "repaired: rebuilt {} from the log: {}",
            dir.join(crate::log::names::LEADER_EPOCH_CHECKPOINT).display(),
            if list.is_empty() { "no entries".to_string() } else { format!("epoch@offset {}", list.join(" ")) }
        ));
    }
    Ok(done)
}

fn check(dd: &DataDir, t: &TopicMeta, p: i32) -> Result<(Vec<SegmentCheck>, Vec<Problem>)> {
    let dir = dd.partition_dir(&t.name, p);
    let checks = check_partition(&dir)?;
    let start = dd.checkpoint_value(LOG_START_CHECKPOINT, &t.name, p)?;
    let problems = check_epochs(&dir, &checks, start).problems;
    Ok((checks, problems))
}

pub fn run(ctx: &Ctx, a: VerifyArgs) -> Result<i32> {
    let dd = ctx.loc.open()?;
    let topics = match &a.topic {
        Some(t) => vec![dd.topic(t)?],
        None => dd.topics()?,
    };
    let mut results = Vec::new();
    for t in &topics {
        for p in 0..t.partitions {
            let dir = dd.partition_dir(&t.name, p);
            if !dir.is_dir() {
                continue;
            }
            let (mut checks, mut problems) = check(&dd, t, p)?;
            let mut repairs = Vec::new();
            let damaged = checks.iter().any(|c| c.bad_index || c.bad_tail) || problems.iter().any(|p| p.repairable);
            if a.repair && damaged {
                repairs = repair(&dd, t, p, &checks)?;
                if !repairs.is_empty() {
                    (checks, problems) = check(&dd, t, p)?;
                }
            }
            results.push(PartitionResult { topic: t.name.clone(), partition: p, checks, problems, repairs });
        }
    }
    let problems: usize =
        results.iter().map(|r| r.problems.len() + r.checks.iter().map(|c| c.problems.len()).sum::<usize>()).sum();
    let problem_json =
        |p: &Problem| json!({"file": p.path, "position": p.position, "problem": p.what, "repairable": p.repairable});
    if a.json {
        let v: Vec<_> = results
            .iter()
            .map(|r| {
                json!({
                    "topic": r.topic, "partition": r.partition, "repairs": r.repairs,
                    "problems": r.problems.iter().map(problem_json).collect::<Vec<_>>(),
                    "segments": r.checks.iter().map(|c| json!({
                        "base_offset": c.base_offset, "file": c.path, "batches": c.batches, "records": c.records,
                        "bytes": c.bytes, "ok": c.problems.is_empty(),
                        "problems": c.problems.iter().map(problem_json).collect::<Vec<_>>(),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        out_json(&json!(v))?;
    } else {
        let rows = results.iter().flat_map(|r| {
            r.checks.iter().map(move |c| {
                vec![
                    r.topic.clone(),
                    r.partition.to_string(),
                    c.base_offset.to_string(),
                    c.batches.to_string(),
                    c.records.to_string(),
                    c.bytes.to_string(),
                    if c.problems.is_empty() { "ok".to_string() } else { format!("{} problem(s)", c.problems.len()) },
                ]
            })
        });
        let mut s = table(&["TOPIC", "PARTITION", "SEGMENT", "BATCHES", "RECORDS", "BYTES", "STATUS"], rows);
        for r in &results {
            for p in r.checks.iter().flat_map(|c| &c.problems).chain(&r.problems) {
                let at = if p.position > 0 || p.path.extension().is_some() {
                    format!(" at byte {}", p.position)
                } else {
                    String::new()
                };
                s.push_str(&format!(
                    "{}-{}: {}{}: {}{}\n",
                    r.topic,
                    r.partition,
                    p.path.display(),
                    at,
                    p.what,
                    if p.repairable && !a.repair { " (--repair fixes this)" } else { "" }
                ));
            }
            for line in &r.repairs {
                s.push_str(&format!("{}-{}: {}\n", r.topic, r.partition, line));
            }
        }
        out(&s)?;
    }
    Ok(if problems > 0 { EXIT_FAILURE } else { EXIT_OK })
}
