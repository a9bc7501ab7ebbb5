//! `klog perf`: throughput and latency of the storage core, in the spirit of
//! kafka-producer-perf-test and kafka-consumer-perf-test. It runs in-process (no stdin parsing),
//! so it measures the codec and the log; `benches/ratios.sh` measures the whole command line.

use super::{out, out_json, Ctx, EXIT_OK};
use crate::error::{Error, Result};
use crate::log::AppendMode;
use crate::record::{BatchBuilder, Compression, RecordsSection};
use serde_json::json;
use std::collections::BTreeMap;
use std::time::Instant;

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

/// `amount` per second over `secs`; 0 when nothing was measured (no NaN or infinity in reports).
fn per_sec(amount: f64, secs: f64) -> f64 {
    if amount == 0.0 || secs <= 0.0 {
        0.0
    } else {
        amount / secs
    }
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

pub fn run(ctx: &Ctx, cmd: PerfCommand) -> Result<i32> {
    match cmd {
        PerfCommand::Produce { topic, partition, records, record_size, batch_size, compression, durable, json } => {
            let codec = Compression::parse(&compression)
                .ok_or_else(|| Error::Usage(format!("unknown compression '{}'", compression)))?;
            let dd = ctx.loc.open_or_init()?;
            let t = match dd.topic(&topic) {
                Ok(t) => t,
                Err(Error::TopicNotFound { .. }) => dd.create_topic(&topic, partition + 1, BTreeMap::new())?,
                Err(e) => return Err(e),
            };
            let limit = batch_size.min(t.config.log_config().max_message_bytes);
            let value: Vec<u8> = (0..record_size).map(|i| b'a' + (i % 26) as u8).collect();
            let mut w = dd.open_writer(&t, partition)?;
            let mut b = BatchBuilder::with_capacity(limit + 1024);
            let mut lat = Vec::new();
            let start = Instant::now();
            let ts = crate::timefmt::now_ms();
            let mut sent = 0u64;
            let mut encode_secs = 0.0;
            while sent < records {
                let e0 = Instant::now();
                b.clear();
                while sent < records
                    && b.size_bytes() + BatchBuilder::record_size_bound(None, Some(&value), &[]) <= limit
                {
                    b.push(ts, None, Some(&value), &[]);
                    sent += 1;
                }
                if b.is_empty() {
                    return Err(Error::Usage(format!(
                        "a {}-byte record does not fit a {}-byte batch",
                        record_size, limit
                    )));
                }
                let batch = b.finish(0, 0, codec);
                encode_secs += e0.elapsed().as_secs_f64();
                let t0 = Instant::now();
                w.append_batch(batch, AppendMode::Leader { leader_epoch: 0 })?;
                lat.push(t0.elapsed().as_secs_f64() * 1e3);
            }
            if durable {
                w.flush()?;
            }
            let secs = start.elapsed().as_secs_f64();
            lat.sort_by(|a, b| a.total_cmp(b));
            let mb = (records as f64 * record_size as f64) / (1 << 20) as f64;
            let v = json!({
                "records": records, "record_size": record_size, "batches": lat.len(), "seconds": secs,
                "records_per_sec": per_sec(records as f64, secs), "mb_per_sec": per_sec(mb, secs),
                "encode_records_per_sec": per_sec(records as f64, encode_secs),
                "batch_latency_ms": {"p50": percentile(&lat, 0.5), "p95": percentile(&lat, 0.95),
                    "p99": percentile(&lat, 0.99), "max": lat.last().copied().unwrap_or(0.0)},
            });
            if json {
                out_json(&v)?;
            } else {
                out(&format!(
                    "{} records sent, {:.0} records/sec ({:.2} MB/sec), encoder alone {:.0} records/sec, {} batches, batch append latency p50 {:.3} ms, p95 {:.3} ms, p99 {:.3} ms, max {:.3} ms\n",
                    records, per_sec(records as f64, secs), per_sec(mb, secs), per_sec(records as f64, encode_secs), lat.len(),
                    percentile(&lat, 0.5), percentile(&lat, 0.95), percentile(&lat, 0.99), lat.last().copied().unwrap_or(0.0)
                ))?;
            }
        }
        PerfCommand::Consume { topic, partition, json } => {
            let dd = ctx.loc.open()?;
            let t = dd.topic(&topic)?;
            let r = dd.open_reader(&t, partition)?;
            let mut cur = r.cursor(r.log_start_offset());
            let start = Instant::now();
            let (mut n, mut bytes, mut batches) = (0u64, 0u64, 0u64);
            while let Some((h, data)) = cur.next_batch()? {
                batches += 1;
                let section = RecordsSection::new(data, &h).map_err(|e| Error::Invalid(e.0))?;
                for rec in section.iter() {
                    let rec = rec.map_err(|e| Error::Invalid(e.0))?;
                    n += 1;
                    bytes += rec.value.map_or(0, |v| v.len()) as u64 + rec.key.map_or(0, |k| k.len()) as u64;
                }
            }
            let secs = start.elapsed().as_secs_f64();
            let mb = bytes as f64 / (1 << 20) as f64;
            let v = json!({"records": n, "batches": batches, "seconds": secs, "records_per_sec": per_sec(n as f64, secs), "mb_per_sec": per_sec(mb, secs)});
            if json {
                out_json(&v)?;
            } else {
                out(&format!(
                    "{} records read in {} batches, {:.0} records/sec ({:.2} MB/sec of keys and values) in {:.3} s\n",
                    n,
                    batches,
                    per_sec(n as f64, secs),
                    per_sec(mb, secs),
                    secs
                ))?;
            }
        }
    }
    Ok(EXIT_OK)
}
