//! `klog delete-records`: Kafka's DeleteRecords (`kafka-delete-records.sh`). Raises a
//! partition's log start offset ("low watermark") so that no reader sees the records below it,
//! and deletes the segments entirely below it at once.
//!
//! Input: `TOPIC -p P --before OFFSET` (repeat `-p` for several partitions), or Kafka's
//! `--offset-json-file` format: `{"partitions":[{"topic":"t","partition":0,"offset":5}],
//! "version":1}`. An offset of -1 means the high watermark (everything). Output mirrors
//! Kafka's tool: `partition: t-0\tlow_watermark: 5` per partition, or `--json`. A failing
//! partition is reported on stderr and the others are still processed; the exit code is then 1.

use super::{out, out_json, Ctx, EXIT_FAILURE, EXIT_OK};
use crate::app::topics;
use crate::cleaner::DeleteRecordsReport;
use crate::error::{Error, Result};
use serde_json::json;
use std::collections::HashSet;
use std::path::PathBuf;

pub const LONG_ABOUT: &str = "\
Delete the records below an offset: the partition's log start offset (its low watermark) moves \
up to OFFSET, no reader returns records below it, and the segments entirely below it are deleted \
at once (the rest of the segment holding OFFSET goes with later retention). An OFFSET of -1 \
means the high watermark: everything.

Give TOPIC -p P --before OFFSET (repeat -p for several partitions), or Kafka's \
kafka-delete-records.sh file: --offset-json-file FILE with \
{\"partitions\":[{\"topic\":\"t\",\"partition\":0,\"offset\":5}],\"version\":1}.

A cluster topic's records are deleted on each partition's current leader, up to its high \
watermark; followers follow the new log start offset on their next replication pass.

With -b, on a Kafka cluster: Kafka's DeleteRecords on each partition's leader (the low watermarks \
printed are the cluster's; which segments it deletes is the broker's business).";

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("topic_any").args(["topic", "topic_opt"])))]
pub struct DeleteRecordsArgs {
    /// Topic whose records to delete (with -p and --before).
    #[arg(required_unless_present_any = ["offset_json_file", "topic_opt"], value_name = "TOPIC")]
    pub topic: Option<String>,
    /// The same as TOPIC: the spelling of Kafka's tools.
    #[arg(long = "topic", id = "topic_opt", value_name = "TOPIC", conflicts_with = "topic")]
    pub topic_opt: Option<String>,
    /// Partition (repeatable).
    #[arg(short = 'p', long = "partition", requires = "topic_any", value_parser = clap::value_parser!(i32).range(0..))]
    pub partitions: Vec<i32>,
    /// Delete the records below this offset (-1: the high watermark, i.e. everything).
    #[arg(long, allow_hyphen_values = true, value_name = "OFFSET", requires = "topic_any")]
    pub before: Option<i64>,
    /// Kafka's JSON file of partitions and offsets.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["topic", "topic_opt", "partitions", "before"])]
    pub offset_json_file: Option<PathBuf>,
    /// One JSON object per partition.
    #[arg(long)]
    pub json: bool,
}

/// Parses Kafka's offset JSON file into (topic, partition, offset), rejecting duplicates.
pub fn parse_offset_json(text: &str, path: &str) -> Result<Vec<(String, i32, i64)>> {
    let bad = |why: String| Error::Usage(format!("{}: {}", path, why));
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| bad(format!("not JSON: {}", e)))?;
    match v.get("version") {
        None => {}
        Some(n) if n.as_i64() == Some(1) => {}
        Some(n) => return Err(bad(format!("unsupported version {} (only 1 is)", n))),
    }
    let parts = v.get("partitions").and_then(|p| p.as_array()).ok_or_else(|| {
        bad("expected {\"partitions\":[{\"topic\":..,\"partition\":..,\"offset\":..}],\"version\":1}".into())
    })?;
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (i, p) in parts.iter().enumerate() {
        let topic = p.get("topic").and_then(|t| t.as_str());
        let partition = p.get("partition").and_then(|t| t.as_i64()).and_then(|n| i32::try_from(n).ok());
        let offset = p.get("offset").and_then(|t| t.as_i64());
        let (Some(topic), Some(partition), Some(offset)) = (topic, partition, offset) else {
            return Err(bad(format!(
                "entry {} needs \"topic\" (a string), \"partition\" and \"offset\" (integers)",
                i
            )));
        };
        if !seen.insert((topic.to_string(), partition)) {
            return Err(bad(format!("partition {}-{} appears more than once", topic, partition)));
        }
        out.push((topic.to_string(), partition, offset));
    }
    if out.is_empty() {
        return Err(bad("no partitions given".into()));
    }
    Ok(out)
}

pub fn run(ctx: &Ctx, a: DeleteRecordsArgs) -> Result<i32> {
    let requests: Vec<(String, i32, i64)> = match &a.offset_json_file {
        Some(f) => {
            let text = crate::fsutil::read_input(f)?;
            parse_offset_json(&text, &f.display().to_string())?
        }
        None => {
            let topic = a.topic.clone().unwrap_or_default();
            let before = a.before.ok_or_else(|| Error::Usage("--before OFFSET is required with a topic".into()))?;
            if a.partitions.is_empty() {
                return Err(Error::Usage("-p PARTITION is required (repeat it for several partitions)".into()));
            }
            a.partitions.iter().map(|&p| (topic.clone(), p, before)).collect()
        }
    };
    for (t, _, o) in &requests {
        crate::datadir::validate_topic_name(t)?;
        if *o < -1 {
            return Err(Error::Usage(format!("offset {} must be -1 (the high watermark) or at least 0", o)));
        }
    }
    let mut reports: Vec<DeleteRecordsReport> = Vec::new();
    let mut failed = false;
    for (topic, p, offset) in requests {
        let r = match &ctx.kafka {
            Some(cluster) => cluster.delete_records(&topic, p, offset),
            None => topics::delete_records(&ctx.loc, &topic, p, offset),
        };
        match r {
            Ok(r) => reports.push(r),
            Err(e) => {
                eprintln!("klog: error: {}-{}: {}", topic, p, e);
                failed = true;
            }
        }
    }
    if a.json {
        for r in &reports {
            out_json(&json!(r))?;
        }
    } else {
        let mut s = String::new();
        for r in &reports {
            s.push_str(&format!("partition: {}-{}\tlow_watermark: {}\n", r.topic, r.partition, r.low_watermark));
        }
        out(&s)?;
    }
    Ok(if failed { EXIT_FAILURE } else { EXIT_OK })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kafka_offset_json_parses_and_bad_files_say_why() {
        let ok = r#"{"partitions":[{"topic":"t","partition":0,"offset":5},{"topic":"u","partition":2,"offset":-1}],"version":1}"#;
        assert_eq!(parse_offset_json(ok, "f").unwrap(), vec![("t".into(), 0, 5), ("u".into(), 2, -1)]);
        for (bad, why) in [
            ("nope", "not JSON"),
            (r#"{"partitions":[],"version":1}"#, "no partitions"),
            (r#"{"partitions":[{"topic":"t","partition":0}],"version":1}"#, "entry 0"),
            (r#"{"partitions":[{"topic":"t","partition":0,"offset":1}],"version":2}"#, "version"),
            (
                r#"{"partitions":[{"topic":"t","partition":0,"offset":1},{"topic":"t","partition":0,"offset":2}]}"#,
                "more than once",
            ),
        ] {
            let e = parse_offset_json(bad, "f").unwrap_err().to_string();
            assert!(e.contains(why), "{}: {}", bad, e);
        }
    }
}
