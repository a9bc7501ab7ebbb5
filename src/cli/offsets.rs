//! `klog offsets`: earliest and latest offsets per partition, or the first offset at or after a
//! time (Kafka's ListOffsets); of a data directory's partitions, or with `-b` of a Kafka
//! cluster's.

use super::{out, out_json, Ctx, EXIT_OK};
use crate::app::fetch::parse_time;
use crate::error::Result;
use crate::output::table;
use serde_json::json;

#[derive(Debug, clap::Args)]
pub struct OffsetsArgs {
    /// Topic to look at (or --topic).
    #[arg(value_name = "TOPIC", required_unless_present = "topic_opt")]
    pub topic_pos: Option<String>,
    /// The same as TOPIC: the spelling of Kafka's tools (and kcat's -t).
    #[arg(short = 't', long = "topic", id = "topic_opt", value_name = "TOPIC", conflicts_with = "topic_pos")]
    pub topic_opt: Option<String>,
    #[arg(skip)]
    pub topic: String,
    /// Partition (repeatable; default: all).
    #[arg(short = 'p', long = "partition", value_parser = clap::value_parser!(i32).range(0..))]
    pub partitions: Vec<i32>,
    /// Also show the first offset whose timestamp is at or after TIME (epoch ms or RFC 3339).
    #[arg(long, value_name = "TIME")]
    pub time: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, a: OffsetsArgs) -> Result<i32> {
    let time = a.time.as_deref().map(parse_time).transpose()?;
    if let Some(cluster) = &ctx.kafka {
        // A Kafka cluster's latest offset is its high watermark.
        let rows: Vec<Row> = cluster
            .offsets(&a.topic, &a.partitions, time)?
            .into_iter()
            .map(|o| Row {
                partition: o.partition,
                earliest: o.earliest,
                latest: o.latest,
                high_watermark: o.latest,
                for_time: o.offset_for_time,
            })
            .collect();
        render(&a.topic, &rows, false, time.is_some(), a.json)?;
        return Ok(EXIT_OK);
    }
    crate::datadir::validate_topic_name(&a.topic)?;
    let cat = crate::app::catalog::Catalog::open(&ctx.loc)?;
    let topic = cat.topic(&a.topic)?;
    let mut rows = Vec::new();
    let mut replicated = false;
    for p in cat.partitions(&topic, &a.partitions)? {
        let feed = cat.feed(&topic.name, p)?;
        let r = feed.reader();
        replicated |= feed.leader_broker().is_some();
        let hw = feed.leader_broker().map(|_| feed.end_offset()).transpose()?;
        let for_time = match time {
            Some(t) => Some(r.offset_for_timestamp(t)?),
            None => None,
        };
        let (earliest, latest) = (r.log_start_offset(), r.log_end_offset()?);
        // A standalone partition is its own only replica: its high watermark is its end.
        let high_watermark = hw.map_or(latest, |h| h.min(latest));
        rows.push(Row { partition: p, earliest, latest, high_watermark, for_time });
    }
    render(&topic.name, &rows, replicated, time.is_some(), a.json)?;
    Ok(EXIT_OK)
}

/// One partition's line.
struct Row {
    partition: i32,
    earliest: i64,
    latest: i64,
    high_watermark: i64,
    /// With --time: the first offset at or after it, if any.
    for_time: Option<Option<i64>>,
}

/// The table (with a HIGH-WATERMARK column for replicated partitions, an OFFSET-FOR-TIME column
/// with --time), or JSON.
fn render(topic: &str, rows: &[Row], replicated: bool, with_time: bool, json: bool) -> Result<()> {
    if json {
        let v: Vec<_> = rows
            .iter()
            .map(|r| {
                let mut o = json!({"topic": topic, "partition": r.partition, "earliest": r.earliest,
                                   "latest": r.latest, "high_watermark": r.high_watermark});
                if let Some(t) = r.for_time {
                    o["offset_for_time"] = json!(t);
                }
                o
            })
            .collect();
        return out_json(&json!(v));
    }
    let mut header = vec!["TOPIC", "PARTITION", "EARLIEST", "LATEST"];
    if replicated {
        header.push("HIGH-WATERMARK");
    }
    if with_time {
        header.push("OFFSET-FOR-TIME");
    }
    out(&table(
        &header,
        rows.iter().map(|r| {
            let mut line =
                vec![topic.to_string(), r.partition.to_string(), r.earliest.to_string(), r.latest.to_string()];
            if replicated {
                line.push(r.high_watermark.to_string());
            }
            if with_time {
                line.push(r.for_time.flatten().map_or("none".to_string(), |o| o.to_string()));
            }
            line
        }),
    ))
}
