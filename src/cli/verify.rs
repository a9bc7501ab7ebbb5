//! `klog verify`: checks every segment of every partition (or one topic's) and reports;
//! `--repair` cuts a torn or corrupt tail of the active segment (through the writer's recovery,
//! under the partition lock) and rebuilds indexes that do not check out. Corruption inside a
//! sealed segment is reported, never cut: that would drop acknowledged data after it.

use super::{out, out_json, Ctx, EXIT_FAILURE, EXIT_OK};
use crate::datadir::{DataDir, TopicMeta};
use crate::error::Result;
use crate::log::verify::{check_partition, rebuild_indexes, SegmentCheck};
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
    /// Cut torn tails of active segments and rebuild bad indexes, saying what was cut.
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
    repairs: Vec<String>,
}

fn repair(dd: &DataDir, t: &TopicMeta, p: i32, checks: &[SegmentCheck]) -> Result<Vec<String>> {
    let mut done = Vec::new();
    let Some(last) = checks.last() else { return Ok(done) };
    if !checks.iter().any(|c| c.bad_index || c.bad_tail) {
        return Ok(done);
    }
    {
        let _lock = dd.lock_partition(&t.name, p)?;
        // Indexes are rebuilt from the log, except over a corrupt sealed segment (whose data
        // after the corruption klog will not guess at).
        let rebuild = checks.iter().filter(|c| c.bad_index && (!c.bad_tail || c.base_offset == last.base_offset));
        for c in rebuild {
            let dir = dd.partition_dir(&t.name, p);
            let n = rebuild_indexes(&dir, c.base_offset, t.config.log_config().index_interval_bytes)?;
            done.push(format!("rebuilt the indexes of {} ({} offset entries)", c.path.display(), n));
        }
    }
    if last.bad_tail || last.bad_index {
        // The writer's recovery cuts a torn or corrupt tail of the active segment.
        let w = dd.open_writer(t, p)?;
        let r = w.recovery_report();
        if let Some(at) = r.truncated_at {
            done.push(format!(
                "cut {} bytes from {} at byte {} ({}); the log now ends at offset {}",
                r.truncated_bytes,
                r.segment.display(),
                at,
                r.reason.as_deref().unwrap_or("invalid tail"),
                w.log_end_offset()
            ));
        }
    }
    Ok(done)
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
            let mut checks = check_partition(&dir)?;
            let mut repairs = Vec::new();
            if a.repair {
                repairs = repair(&dd, t, p, &checks)?;
                if !repairs.is_empty() {
                    checks = check_partition(&dir)?;
                }
            }
            results.push(PartitionResult { topic: t.name.clone(), partition: p, checks, repairs });
        }
    }
    let problems: usize = results.iter().flat_map(|r| &r.checks).map(|c| c.problems.len()).sum();
    if a.json {
        let v: Vec<_> = results
            .iter()
            .map(|r| {
                json!({
                    "topic": r.topic, "partition": r.partition, "repairs": r.repairs,
                    "segments": r.checks.iter().map(|c| json!({
                        "base_offset": c.base_offset, "file": c.path, "batches": c.batches, "records": c.records,
                        "bytes": c.bytes, "ok": c.problems.is_empty(),
                        "problems": c.problems.iter().map(|p| json!({"file": p.path, "position": p.position, "problem": p.what, "repairable": p.repairable})).collect::<Vec<_>>(),
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
            for c in &r.checks {
                for p in &c.problems {
                    s.push_str(&format!(
                        "{}-{}: {} at byte {}: {}{}\n",
                        r.topic,
                        r.partition,
                        p.path.display(),
                        p.position,
                        p.what,
                        if p.repairable && !a.repair { " (--repair fixes this)" } else { "" }
                    ));
                }
            }
            for line in &r.repairs {
                s.push_str(&format!("{}-{}: repaired: {}\n", r.topic, r.partition, line));
            }
        }
        out(&s)?;
    }
    Ok(if problems > 0 { EXIT_FAILURE } else { EXIT_OK })
}
