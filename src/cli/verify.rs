//! `klog verify`: checks every segment of every partition (or one topic's), and each partition's
//! `leader-epoch-checkpoint` and log start offset, and reports. `--repair` (under the partition
//! lock) rebuilds indexes that do not check out, cuts the active segment at its first invalid
//! batch (as Kafka's recovery does, saying what it drops: for `__consumer_offsets`, whose
//! groups' commits), and rebuilds `leader-epoch-checkpoint` from the log. Damage inside a sealed
//! segment is reported with what it needs, never cut: that would drop every later segment too.

use super::{out, out_json, Ctx, EXIT_FAILURE, EXIT_OK};
use crate::app::verify::{self, Repair};
use crate::error::Result;
use crate::log::verify::{Problem, SegmentCheck};
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
            let (mut checks, mut problems) = verify::check(&dd, t, p)?;
            let mut repairs = Vec::new();
            let damaged = checks.iter().any(|c| c.bad_index || c.bad_tail) || problems.iter().any(|p| p.repairable);
            if a.repair && damaged {
                repairs = verify::repair(&dd, t, p, &checks)?.iter().map(|r| repair_line(&t.name, p, r)).collect();
                if !repairs.is_empty() {
                    (checks, problems) = verify::check(&dd, t, p)?;
                }
            }
            results.push(PartitionResult { topic: t.name.clone(), partition: p, checks, problems, repairs });
        }
    }
    let problems: usize =
        results.iter().map(|r| r.problems.len() + r.checks.iter().map(|c| c.problems.len()).sum::<usize>()).sum();
    let problem_json = |p: &Problem| json!({"file": p.path, "position": p.position, "problem": problem_text(p), "repairable": p.repairable});
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
                    problem_text(p),
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

/// A problem as the command line words it: the core's description, and the command that fixes
/// it when one does.
fn problem_text(p: &Problem) -> String {
    match p.log_start_again {
        Some(o) => format!(
            "{}; if the records below {} were deleted, `klog delete-records --before {}` sets the log start again",
            p.what, o, o
        ),
        None => p.what.clone(),
    }
}

/// What `--repair` did or could not do, as the command line words it: a damaged sealed segment
/// with the commands that deal with it.
fn repair_line(topic: &str, partition: i32, r: &Repair) -> String {
    match r {
        Repair::SealedDamage { next_base, .. } => format!(
            "{}. Copy the partition from a replica (`klog replicate`), or give up every offset below {} with \
             `klog delete-records {} -p {} --before {}`",
            r, next_base, topic, partition, next_base
        ),
        Repair::Done(_) => r.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn the_command_line_adds_the_commands_that_fix_what_the_core_reports() {
        let r = Repair::SealedDamage { path: PathBuf::from("/d/t-0/0.log"), position: 70, log_end: 9, next_base: 5 };
        assert_eq!(
            repair_line("t", 0, &r),
            "not repaired: sealed segment /d/t-0/0.log is damaged at byte 70; cutting it would drop every later \
             segment too (Kafka's recovery would, up to offset 9). Copy the partition from a replica \
             (`klog replicate`), or give up every offset below 5 with `klog delete-records t -p 0 --before 5`"
        );
        let done = Repair::Done("repaired: x".into());
        assert_eq!(repair_line("t", 0, &done), "repaired: x");
        let mut p = Problem {
            path: PathBuf::from("/d/log-start-offset-checkpoint"),
            position: 0,
            what: "one of the two is damaged".into(),
            repairable: false,
            log_start_again: None,
        };
        assert_eq!(problem_text(&p), "one of the two is damaged");
        p.log_start_again = Some(7);
        assert_eq!(
            problem_text(&p),
            "one of the two is damaged; if the records below 7 were deleted, `klog delete-records --before 7` sets \
             the log start again"
        );
    }
}
