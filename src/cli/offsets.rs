//! `klog offsets`: earliest and latest offsets per partition, or the first offset at or after a
//! time (Kafka's ListOffsets).

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
    crate::datadir::validate_topic_name(&a.topic)?;
    let cat = crate::app::catalog::Catalog::open(&ctx.loc)?;
    let topic = cat.topic(&a.topic)?;
    let mut rows = Vec::new();
    let mut hws = Vec::new();
    let mut replicated = false;
    for p in cat.partitions(&topic, &a.partitions)? {
        let feed = cat.feed(&topic.name, p)?;
        let r = feed.reader();
        replicated |= feed.leader_broker().is_some();
        hws.push(feed.leader_broker().map(|_| feed.end_offset()).transpose()?);
        let at_time = match time {
            Some(t) => Some(r.offset_for_timestamp(t)?),
            None => None,
        };
        rows.push((p, r.log_start_offset(), r.log_end_offset()?, at_time));
    }
    // A standalone partition is its own only replica: its high watermark is its end.
    let hw_of = |i: usize, end: i64| hws[i].map_or(end, |h| h.min(end));
    if a.json {
        let v: Vec<_> = rows
            .iter()
            .enumerate()
            .map(|(i, (p, s, e, t))| {
                let mut o = json!({"topic": topic.name, "partition": p, "earliest": s, "latest": e,
                                   "high_watermark": hw_of(i, *e)});
                if let Some(t) = t {
                    o["offset_for_time"] = json!(t);
                }
                o
            })
            .collect();
        out_json(&json!(v))?;
    } else {
        let mut header = vec!["TOPIC", "PARTITION", "EARLIEST", "LATEST"];
        if replicated {
            header.push("HIGH-WATERMARK");
        }
        if time.is_some() {
            header.push("OFFSET-FOR-TIME");
        }
        out(&table(
            &header,
            rows.iter().enumerate().map(|(i, (p, s, e, t))| {
                let mut r = vec![topic.name.clone(), p.to_string(), s.to_string(), e.to_string()];
                if replicated {
                    r.push(hw_of(i, *e).to_string());
                }
                if time.is_some() {
                    r.push(t.flatten().map_or("none".to_string(), |o| o.to_string()));
                }
                r
            }),
        ))?;
    }
    Ok(EXIT_OK)
}
