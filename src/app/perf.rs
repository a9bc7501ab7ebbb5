//! `klog perf`: throughput and latency of the storage core, in the spirit of
//! kafka-producer-perf-test and kafka-consumer-perf-test, run in-process (no stdin parsing), so
//! it measures the codec and the log. Reports carry the measurements; rates are derived.

use super::Location;
use crate::error::{Error, Result};
use crate::log::AppendMode;
use crate::record::{BatchBuilder, Compression, RecordsSection};
use std::collections::BTreeMap;
use std::time::Instant;

/// What `perf produce` writes.
#[derive(Debug, Clone)]
pub struct ProducePerf {
    /// Created with `partition + 1` partitions when missing.
    pub topic: String,
    pub partition: i32,
    pub records: u64,
    pub record_size: usize,
    pub batch_size: usize,
    pub codec: Compression,
    /// fsync at the end, as a produce with acks does.
    pub durable: bool,
}

/// What `perf produce` measured.
#[derive(Debug, Clone)]
pub struct ProduceReport {
    pub records: u64,
    pub record_size: usize,
    pub seconds: f64,
    /// Time spent building batches.
    pub encode_seconds: f64,
    /// Each batch's append time in ms, ascending.
    pub batch_latency_ms: Vec<f64>,
}

/// What `perf consume` measured.
#[derive(Debug, Clone)]
pub struct ConsumeReport {
    pub records: u64,
    pub batches: u64,
    /// Bytes of keys and values.
    pub bytes: u64,
    pub seconds: f64,
}

/// `amount` per second over `secs`; 0 when nothing was measured (no NaN or infinity in reports).
pub fn per_sec(amount: f64, secs: f64) -> f64 {
    if amount == 0.0 || secs <= 0.0 {
        0.0
    } else {
        amount / secs
    }
}

/// The `q` quantile of `sorted` (nearest rank); 0 for none.
pub fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

impl ProduceReport {
    pub fn megabytes(&self) -> f64 {
        (self.records as f64 * self.record_size as f64) / (1 << 20) as f64
    }
}

impl ConsumeReport {
    pub fn megabytes(&self) -> f64 {
        self.bytes as f64 / (1 << 20) as f64
    }
}

/// Appends `p.records` generated records of `p.record_size` bytes, in batches of at most
/// `p.batch_size` bytes (capped by the topic's max.message.bytes).
pub fn produce(at: &Location, p: &ProducePerf) -> Result<ProduceReport> {
    let value: Vec<u8> = (0..p.record_size).map(|i| b'a' + (i % 26) as u8).collect();
    let bound = BatchBuilder::record_size_bound(None, Some(&value), &[]);
    let too_big = |limit: usize| {
        Err(Error::Usage(format!("a {}-byte record does not fit a {}-byte batch", p.record_size, limit)))
    };
    if bound > p.batch_size {
        return too_big(p.batch_size);
    }
    let dd = at.open_or_init()?;
    let t = match dd.topic(&p.topic) {
        Ok(t) => t,
        Err(Error::TopicNotFound { .. }) => dd.create_topic(&p.topic, p.partition + 1, BTreeMap::new())?,
        Err(e) => return Err(e),
    };
    let limit = p.batch_size.min(t.config.log_config().max_message_bytes);
    if bound > limit {
        return too_big(limit);
    }
    let mut w = dd.open_writer(&t, p.partition)?;
    let mut b = BatchBuilder::with_capacity(limit + 1024);
    let mut lat = Vec::new();
    let start = Instant::now();
    let ts = crate::timefmt::now_ms();
    let mut sent = 0u64;
    let mut encode_seconds = 0.0;
    while sent < p.records {
        let e0 = Instant::now();
        b.clear();
        while sent < p.records && b.size_bytes() + bound <= limit {
            b.push(ts, None, Some(&value), &[]);
            sent += 1;
        }
        let batch = b.finish(0, 0, p.codec);
        encode_seconds += e0.elapsed().as_secs_f64();
        let t0 = Instant::now();
        w.append_batch(batch, AppendMode::Leader { leader_epoch: 0 })?;
        lat.push(t0.elapsed().as_secs_f64() * 1e3);
    }
    if p.durable {
        w.flush()?;
    }
    let seconds = start.elapsed().as_secs_f64();
    lat.sort_by(|a, b| a.total_cmp(b));
    Ok(ProduceReport { records: p.records, record_size: p.record_size, seconds, encode_seconds, batch_latency_ms: lat })
}

/// Reads `topic`'s `partition` from its log start to its end, decoding every record.
pub fn consume(at: &Location, topic: &str, partition: i32) -> Result<ConsumeReport> {
    let dd = at.open()?;
    let t = dd.topic(topic)?;
    let r = dd.open_reader(&t, partition)?;
    let mut cur = r.cursor(r.log_start_offset());
    let start = Instant::now();
    let (mut records, mut bytes, mut batches) = (0u64, 0u64, 0u64);
    while let Some((h, data)) = cur.next_batch()? {
        batches += 1;
        let section = RecordsSection::new(data, &h).map_err(|e| Error::Invalid(e.0))?;
        for rec in section.iter() {
            let rec = rec.map_err(|e| Error::Invalid(e.0))?;
            records += 1;
            bytes += rec.value.map_or(0, |v| v.len()) as u64 + rec.key.map_or(0, |k| k.len()) as u64;
        }
    }
    Ok(ConsumeReport { records, batches, bytes, seconds: start.elapsed().as_secs_f64() })
}
