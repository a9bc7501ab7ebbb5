//! `klog mirror`: copies topics between a data directory and a Kafka cluster (see
//! `crate::kafka::mirror` for how a killed mirror resumes without duplicates). Renders a progress
//! line on a terminal, a summary line, or JSON.

use super::{out, out_json, Ctx, EXIT_OK};
use crate::datadir::DataDir;
use crate::error::{Error, Result};
use crate::kafka::mirror::{self, MirrorProgress, MirrorReport, MirrorRun};
use crate::kafka::{Cluster, Properties};
use serde_json::json;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{Duration, Instant};

pub const LONG_ABOUT: &str = "\
Copy topics between a data directory and a Kafka cluster, in either direction: keys, values, \
headers, timestamps and partition numbers are kept (a destination topic with another partition \
count is an error; a missing one is created with the source's count). Towards a cluster, --repartition lets the destination have another partition count: keyed records go to Kafka's partition for their key (murmur2, as a Kafka producer would), keyless ones to their source partition modulo the count.

--from and --to each name a data directory (a path) or a Kafka cluster (kafka://HOST:PORT[,...], \
with -X/-F client properties). A mirror killed at any moment and run again ends with exactly the \
source's records once, in order, per partition: towards a cluster, records and progress are \
committed in one Kafka transaction (progress in the compacted topic klog-mirror-progress); towards \
a directory, records keep their source offsets, so the local log end is the progress, fsynced \
with the data. Only committed records are copied (read_committed).";

#[derive(Debug, clap::Args)]
pub struct MirrorArgs {
    /// Topics to copy (the same name at the destination).
    #[arg(value_name = "TOPIC", required = true)]
    pub topics: Vec<String>,
    /// Where to read: a data directory, or kafka://HOST:PORT[,HOST:PORT...].
    #[arg(long, value_name = "DIR|kafka://HOST:PORT")]
    pub from: String,
    /// Where to write: a data directory (created when new or empty), or kafka://HOST:PORT[,...].
    #[arg(long, value_name = "DIR|kafka://HOST:PORT")]
    pub to: String,
    /// Towards a cluster: allow another partition count there, placing records by key (murmur2)
    /// and keyless ones by source partition modulo the count. Not towards a directory, where
    /// records keep their source partition and offset.
    #[arg(long)]
    pub repartition: bool,
    /// Keep copying new records as they arrive, until SIGINT or SIGTERM.
    #[arg(short = 'f', long)]
    pub follow: bool,
    /// Print one JSON object per topic instead of the summary line.
    #[arg(long)]
    pub json: bool,
}

enum End {
    Dir(PathBuf),
    Kafka(String),
}

fn end(s: &str) -> End {
    match s.strip_prefix("kafka://") {
        Some(b) => End::Kafka(b.trim_end_matches('/').to_string()),
        None => End::Dir(PathBuf::from(s)),
    }
}

pub fn run(ctx: &Ctx, mut properties: Properties, timeout: Duration, a: MirrorArgs) -> Result<i32> {
    for t in &a.topics {
        crate::datadir::validate_topic_name(t)?;
        if crate::datadir::is_internal_topic(t) {
            return Err(Error::Usage(format!("'{}' is an internal topic and is not mirrored", t)));
        }
    }
    let mut cluster = |b: &str| {
        properties.insert("bootstrap.servers".into(), b.to_string());
        Cluster::new(properties.clone(), timeout)
    };
    if a.follow && a.topics.len() > 1 {
        return Err(Error::Usage("klog mirror --follow copies one topic per process: run one mirror per topic".into()));
    }
    if a.follow {
        super::install_stop_handlers();
    }
    let stop = || super::stop_requested();
    let tty = std::io::stderr().is_terminal() && !ctx.quiet && !a.json;
    let started = Instant::now();
    let mut show = |p: &MirrorProgress| {
        if tty {
            let secs = started.elapsed().as_secs_f64().max(1e-3);
            eprint!(
                "\r\x1b[Kklog mirror: {} records, {:.1} MiB, {:.0} records/s, lag {}",
                p.records,
                p.bytes as f64 / (1 << 20) as f64,
                p.records as f64 / secs,
                p.lag
            );
        }
    };
    let mut reports: Vec<MirrorReport> = Vec::new();
    match (end(&a.from), end(&a.to)) {
        (End::Dir(d), End::Kafka(b)) => {
            let dd = DataDir::open(&d)?.with_lock_timeout(ctx.loc.lock_timeout);
            let cluster = cluster(&b)?;
            for t in &a.topics {
                let topic = dd.topic(t)?;
                let run =
                    MirrorRun { follow: a.follow, repartition: a.repartition, stop: &stop, on_progress: &mut show };
                reports.push(mirror::dir_to_cluster(&dd, &topic, &cluster, run)?);
            }
        }
        (End::Kafka(_), End::Dir(_)) if a.repartition => {
            return Err(Error::Usage(
                "--repartition works towards a Kafka cluster: a mirror into a data directory keeps each record at its source partition and offset, which is how it resumes".into(),
            ))
        }
        (End::Kafka(b), End::Dir(d)) => {
            let cluster = cluster(&b)?;
            let dd = DataDir::open_or_init(&d)?.with_lock_timeout(ctx.loc.lock_timeout);
            for t in &a.topics {
                let run = MirrorRun { follow: a.follow, repartition: false, stop: &stop, on_progress: &mut show };
                reports.push(mirror::cluster_to_dir(&cluster, t, &dd, run)?);
            }
        }
        _ => {
            return Err(Error::Usage(
                "klog mirror copies between a data directory and a Kafka cluster: one of --from and --to must be kafka://HOST:PORT, the other a directory".into(),
            ))
        }
    }
    if tty {
        eprintln!();
    }
    let secs = started.elapsed().as_secs_f64();
    for r in &reports {
        if a.json {
            out_json(&json!({
                "topic": r.topic, "from": a.from, "to": a.to, "records": r.records, "bytes": r.bytes,
                "seconds": (secs * 1000.0).round() / 1000.0,
                "partitions": r.partitions.iter().map(|p| json!({"partition": p.partition, "from_offset": p.from,
                    "to_offset": p.to, "records": p.records})).collect::<Vec<_>>(),
            }))?;
        } else {
            out(&format!(
                "mirrored {} record(s), {} bytes, of topic {} from {} to {} in {:.1} s\n",
                r.records, r.bytes, r.topic, a.from, a.to, secs
            ))?;
        }
    }
    Ok(EXIT_OK)
}
