//! `klog perf`: the storage core's throughput and latency (`app::perf`), rendered as
//! kafka-producer-perf-test and kafka-consumer-perf-test print them; `benches/ratios.sh`
//! measures the whole command line.

use super::{out, out_json, Ctx, EXIT_OK};
use crate::app::perf::{self, per_sec, percentile, ProducePerf};
use crate::error::{Error, Result};
use crate::record::Compression;
use serde_json::json;

#[derive(Debug, clap::Subcommand)]
pub enum PerfCommand {
    /// Append generated records to a topic (created if missing) and report rate and latency.
    Produce {
        /// Topic to write (created with one partition if missing).
        #[arg(long, default_value = "klog-perf")]
        topic: String,
        /// Partition to use.
        #[arg(short = 'p', long, default_value_t = 0, value_parser = clap::value_parser!(i32).range(0..))]
        partition: i32,
        /// Number of records.
        #[arg(long, default_value_t = 1_000_000)]
        records: u64,
        /// Value size in bytes.
        #[arg(long, default_value_t = 100)]
        record_size: usize,
        /// Batch size in bytes.
        #[arg(long, default_value_t = 1 << 20)]
        batch_size: usize,
        /// Codec: none, gzip, snappy, lz4, zstd.
        #[arg(short = 'z', long, default_value = "none")]
        compression: String,
        /// fsync at the end (as `klog produce` does unless --acks 0).
        #[arg(long)]
        durable: bool,
        /// Print one JSON object instead of a line.
        #[arg(long)]
        json: bool,
    },
    /// Read a partition from the beginning, decoding every record, and report the rate.
    Consume {
        /// Topic to read.
        #[arg(long, default_value = "klog-perf")]
        topic: String,
        /// Partition to use.
        #[arg(short = 'p', long, default_value_t = 0, value_parser = clap::value_parser!(i32).range(0..))]
        partition: i32,
        /// Print one JSON object instead of a line.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ctx: &Ctx, cmd: PerfCommand) -> Result<i32> {
    match cmd {
        PerfCommand::Produce { topic, partition, records, record_size, batch_size, compression, durable, json } => {
            let codec = Compression::parse(&compression)
                .ok_or_else(|| Error::Usage(format!("unknown compression '{}'", compression)))?;
            let settings = ProducePerf { topic, partition, records, record_size, batch_size, codec, durable };
            let r = perf::produce(&ctx.loc, &settings)?;
            let lat = &r.batch_latency_ms;
            let (p50, p95, p99, max) = (
                percentile(lat, 0.5),
                percentile(lat, 0.95),
                percentile(lat, 0.99),
                lat.last().copied().unwrap_or(0.0),
            );
            let (rate, mb_rate, encode_rate) = (
                per_sec(r.records as f64, r.seconds),
                per_sec(r.megabytes(), r.seconds),
                per_sec(r.records as f64, r.encode_seconds),
            );
            if json {
                out_json(&json!({
                    "records": r.records, "record_size": r.record_size, "batches": lat.len(), "seconds": r.seconds,
                    "records_per_sec": rate, "mb_per_sec": mb_rate, "encode_records_per_sec": encode_rate,
                    "batch_latency_ms": {"p50": p50, "p95": p95, "p99": p99, "max": max},
                }))?;
            } else {
                out(&format!(
                    "{} records sent, {:.0} records/sec ({:.2} MB/sec), encoder alone {:.0} records/sec, {} batches, batch append latency p50 {:.3} ms, p95 {:.3} ms, p99 {:.3} ms, max {:.3} ms\n",
                    r.records, rate, mb_rate, encode_rate, lat.len(), p50, p95, p99, max
                ))?;
            }
        }
        PerfCommand::Consume { topic, partition, json } => {
            let r = perf::consume(&ctx.loc, &topic, partition)?;
            let (rate, mb_rate) = (per_sec(r.records as f64, r.seconds), per_sec(r.megabytes(), r.seconds));
            if json {
                out_json(&json!({"records": r.records, "batches": r.batches, "seconds": r.seconds,
                    "records_per_sec": rate, "mb_per_sec": mb_rate}))?;
            } else {
                out(&format!(
                    "{} records read in {} batches, {:.0} records/sec ({:.2} MB/sec of keys and values) in {:.3} s\n",
                    r.records, r.batches, rate, mb_rate, r.seconds
                ))?;
            }
        }
    }
    Ok(EXIT_OK)
}
