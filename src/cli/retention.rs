//! `klog retention`: applies every topic's retention and compaction rules, for cron.
//!
//! Configs are read afresh on every run. Each partition is planned lock-free first (most have
//! nothing to do), then worked on under its writer lock; a partition whose lock another process
//! holds past the global `--lock-timeout-ms` (5000 ms unless given) is skipped and reported, so
//! overlapping runs do not conflict.
//! The report is a table (or `--json`) of what was deleted or compacted and the bytes freed;
//! a progress bar is drawn on stderr only when stderr is a terminal and a compaction runs long.
//!
//! Exit codes: 0 done, whether or not anything was due (a periodic run that finds nothing to do
//! is normal; with `--exit-code`, as `git diff` has, 4 tells it apart), 3 nothing done because
//! every partition with work due was locked by another process, 1 a partition failed (the
//! others are still processed), 2 usage.

use super::{out, out_json, Ctx, EXIT_CONFLICT, EXIT_FAILURE, EXIT_OK};
use crate::app::retention::{self, Observer, Outcome};
use crate::cleaner::{PartitionReport, Progress, RetentionOptions};
use crate::error::{Error, Result};
use crate::output::table;
use crate::TopicPartition;
use serde_json::json;
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Exit code of a run that found nothing to do, with `--exit-code`.
pub const EXIT_NOTHING_TO_DO: i32 = 4;

pub const LONG_ABOUT: &str = "\
Apply every topic's retention and compaction rules, as a Kafka broker does, then exit: run it \
from cron. Configs are read afresh on every run.

cleanup.policy=delete (the default): the oldest segments go while the partition is larger than \
retention.bytes, then those whose newest record is older than retention.ms. Segments go whole; \
the active one goes only when all of it expired (after a roll). The log start offset advances \
and readers carry on from it.

cleanup.policy=compact: the latest record of every key stays, offsets unchanged; tombstones \
(null values) stay delete.retention.ms after the compaction that first keeps them. Compaction \
runs when the dirty share of a partition is above min.cleanable.dirty.ratio (or a record is \
older than max.compaction.lag.ms), never touches the active segment nor records younger than \
min.compaction.lag.ms, and groups small cleaned segments into one. compact,delete does both.

A partition locked by another process (a producer, another retention run) for longer than \
--lock-timeout-ms (here 5000 unless given) is skipped and reported. Exit codes: 0 done, whether \
or not anything was due (the output and JSON say \"nothing to do\"); with --exit-code, 4 when \
nothing was due; 3 nothing done because the partitions with work were locked; 1 a partition \
failed (the others are still processed); 2 usage.

Crontab example: */5 * * * * klog --data-dir /var/lib/klog retention >> /var/log/klog-retention.log 2>&1";

#[derive(Debug, clap::Args)]
pub struct RetentionArgs {
    /// Topics to process (default: every topic).
    #[arg(value_name = "TOPIC")]
    pub topics: Vec<String>,
    /// The same as TOPIC (repeatable): the spelling of Kafka's tools.
    #[arg(long = "topic", value_name = "TOPIC")]
    pub topic_opts: Vec<String>,
    /// Show what would be deleted and compacted; change nothing and take no lock.
    #[arg(long)]
    pub dry_run: bool,
    /// Print one JSON object with every partition's report.
    #[arg(long)]
    pub json: bool,
    /// Exit 4 when nothing was due, like `git diff --exit-code` (default: 0 either way).
    #[arg(long)]
    pub exit_code: bool,
    /// The old spelling of the global --lock-timeout-ms, kept hidden for existing crontabs.
    #[arg(long, hide = true, value_name = "MS")]
    pub lock_wait_ms: Option<u64>,
    /// Memory for compaction's key map, in bytes (24 per key); a partition with more keys is
    /// compacted in several passes.
    #[arg(long, default_value_t = 128 << 20, value_name = "BYTES")]
    pub dedupe_buffer_bytes: usize,
}

/// A progress bar on stderr, drawn only on a terminal, only once a step has run for half a
/// second, at most ten times a second.
struct Bar {
    enabled: bool,
    started: Instant,
    last: Option<Instant>,
    drawn: bool,
}

impl Bar {
    fn new(enabled: bool) -> Bar {
        Bar { enabled, started: Instant::now(), last: None, drawn: false }
    }

    fn restart(&mut self) {
        self.clear();
        self.started = Instant::now();
        self.last = None;
    }

    fn clear(&mut self) {
        if self.drawn {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
            self.drawn = false;
        }
    }
}

/// One line of a progress bar: `what [#####     ]  50%  12.0/24.0 MiB`.
pub fn render_bar(what: &str, done: u64, total: u64, width: usize) -> String {
    let frac = if total == 0 { 1.0 } else { (done as f64 / total as f64).min(1.0) };
    let filled = (frac * width as f64).round() as usize;
    let mib = |b: u64| b as f64 / (1 << 20) as f64;
    format!(
        "{} [{}{}] {:>3}% {:.1}/{:.1} MiB",
        what,
        "#".repeat(filled),
        " ".repeat(width - filled.min(width)),
        (frac * 100.0) as u32,
        mib(done),
        mib(total)
    )
}

impl Progress for Bar {
    fn update(&mut self, what: &str, done: u64, total: u64) {
        if !self.enabled || self.started.elapsed() < Duration::from_millis(500) {
            return;
        }
        if self.last.is_some_and(|l| l.elapsed() < Duration::from_millis(100)) && done < total {
            return;
        }
        self.last = Some(Instant::now());
        let _ = write!(std::io::stderr(), "\r\x1b[2K{}", render_bar(what, done, total, 30));
        self.drawn = true;
    }
}

fn action(r: &PartitionReport) -> String {
    let a = match (&r.deletion, &r.compaction, &r.skipped) {
        (_, _, Some(_)) => return "skipped".into(),
        (Some(_), Some(_), _) => "delete+compact",
        (Some(_), None, _) => "delete",
        (None, Some(_), _) => "compact",
        (None, None, _) => "none",
    };
    if r.dry_run {
        format!("would {}", a)
    } else {
        a.to_string()
    }
}

fn row(r: &PartitionReport) -> Vec<String> {
    let mut segments = Vec::new();
    let mut removed = String::from("-");
    let mut log_start = String::from("-");
    let mut detail = Vec::new();
    if let Some(d) = &r.deletion {
        segments.push(format!("-{}", d.segments.len()));
        log_start = format!("{} -> {}", d.log_start_before, d.log_start_after);
        let mut reasons: Vec<&str> = d.segments.iter().map(|s| s.reason.name()).collect();
        reasons.dedup();
        detail.push(format!("deleted by {}{}", reasons.join("+"), if d.rolled { ", rolled" } else { "" }));
    }
    if let Some(c) = &r.compaction {
        if r.dry_run {
            detail
                .push(format!("dirty ratio {:.2}, offsets {}..{}", c.dirty_ratio, c.first_dirty, c.first_uncleanable));
        } else {
            segments.push(format!("{} -> {}", c.segments_before, c.segments_after));
            removed = c.records_removed.to_string();
            detail.push(format!(
                "dirty ratio {:.2}, {} pass{}, cleaned to {}",
                c.dirty_ratio,
                c.passes,
                if c.passes == 1 { "" } else { "es" },
                c.cleaner_offset
            ));
            if c.tombstones_removed > 0 {
                detail.push(format!("{} tombstones gone", c.tombstones_removed));
            }
            if let Some(why) = &c.interrupted {
                detail.push(format!("stopped early: {} (the next run goes on)", why));
            }
        }
    }
    if let Some(s) = &r.skipped {
        detail.push(s.clone());
    }
    vec![
        r.topic.clone(),
        r.partition.to_string(),
        action(r),
        if segments.is_empty() { "-".to_string() } else { segments.join(", ") },
        removed,
        r.bytes_freed().to_string(),
        log_start,
        detail.join("; "),
    ]
}

/// How long a run waits for a partition's lock before skipping it, unless --lock-timeout-ms says.
const LOCK_WAIT_DEFAULT: Duration = Duration::from_millis(5000);

/// The bar, and a line on stderr for each partition skipped or failed, as it happens.
impl Observer for Bar {
    fn partition_started(&mut self, _tp: &TopicPartition) {
        self.restart();
    }

    fn partition_finished(&mut self, tp: &TopicPartition, result: std::result::Result<&PartitionReport, &Error>) {
        self.clear();
        match result {
            Ok(r) => {
                if let Some(s) = &r.skipped {
                    eprintln!("klog: {}-{}: skipped: {}", tp.topic, tp.partition, s);
                }
            }
            Err(e) => eprintln!("klog: error: {}-{}: {}", tp.topic, tp.partition, e),
        }
    }
}

pub fn run(ctx: &Ctx, a: RetentionArgs) -> Result<i32> {
    let opts = RetentionOptions {
        dry_run: a.dry_run,
        lock_wait: a.lock_wait_ms.map(Duration::from_millis).or(ctx.lock_timeout_given).unwrap_or(LOCK_WAIT_DEFAULT),
        dedupe_buffer_bytes: a.dedupe_buffer_bytes,
        now_ms: crate::timefmt::now_ms(),
    };
    let mut bar = Bar::new(std::io::stderr().is_terminal());
    let run = retention::run(&ctx.loc, &a.topics, opts, &mut bar)?;
    let outcome = run.outcome();
    let code = match outcome {
        Outcome::Failed => EXIT_FAILURE,
        Outcome::Done => EXIT_OK,
        Outcome::Locked => EXIT_CONFLICT,
        Outcome::NothingToDo if a.exit_code => EXIT_NOTHING_TO_DO,
        Outcome::NothingToDo => EXIT_OK,
    };
    let active: Vec<&PartitionReport> = run.active().collect();
    let freed = run.bytes_freed();
    if a.json {
        let failures: Vec<serde_json::Value> = run
            .failures
            .iter()
            .map(|(tp, e)| json!({"topic": tp.topic, "partition": tp.partition, "error": e.to_string()}))
            .collect();
        out_json(&json!({
            "dry_run": a.dry_run,
            "partitions_checked": run.checked,
            "partitions": active,
            "failures": failures,
            "bytes_freed": freed,
            "nothing_to_do": outcome == Outcome::NothingToDo,
            "exit_code": code,
        }))?;
        return Ok(code);
    }
    let mut s = String::new();
    if !active.is_empty() {
        s.push_str(&table(
            &["TOPIC", "PARTITION", "ACTION", "SEGMENTS", "RECORDS-REMOVED", "BYTES-FREED", "LOG-START", "DETAIL"],
            active.iter().map(|r| row(r)),
        ));
    }
    let nskipped = run.partitions_skipped();
    let (del, comp, verb) =
        if a.dry_run { ("to delete", "to compact", "would free") } else { ("deleted", "compacted", "freed") };
    match outcome {
        Outcome::Done => s.push_str(&format!(
            "{} segment(s) {}, {} partition(s) {}, {} {} bytes; {} partition(s) checked{}\n",
            run.segments_deleted(),
            del,
            run.partitions_compacted(),
            comp,
            verb,
            freed,
            run.checked,
            if nskipped > 0 { format!(", {} skipped (locked)", nskipped) } else { String::new() }
        )),
        Outcome::Locked => s.push_str(&format!(
            "nothing done: {} partition(s) with work are locked by another process; {} checked\n",
            nskipped, run.checked
        )),
        Outcome::NothingToDo => s.push_str(&format!("nothing to do; {} partition(s) checked\n", run.checked)),
        Outcome::Failed => {}
    }
    out(&s)?;
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_in_proportion() {
        let s = render_bar("t-0: cleaning", 5 << 20, 10 << 20, 10);
        assert_eq!(s, "t-0: cleaning [#####     ]  50% 5.0/10.0 MiB");
        assert!(render_bar("x", 20, 10, 4).contains("[####] 100%"), "never past full");
        assert!(render_bar("x", 0, 0, 4).contains("100%"));
    }
}
