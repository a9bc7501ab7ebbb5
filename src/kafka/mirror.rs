//! `klog mirror`: copies a topic between a data directory and a Kafka cluster, in either
//! direction, with keys, values, headers, timestamps and partition numbers kept, resumable after
//! a crash at any moment without losing or duplicating a record.
//!
//! - Directory to cluster: a transactional producer (`transactional.id` derived from the source
//!   directory and topic, so a restarted mirror fences the one it replaces and aborts its open
//!   transaction). Each transaction holds a chunk of records and, in the compacted topic
//!   [`PROGRESS_TOPIC`], the next source offset of each partition it copied. On start the
//!   progress is read with read_committed: whatever a killed mirror did not commit is aborted
//!   and copied again, whatever it committed is not.
//! - Cluster to directory: records are written at their source offsets (as a follower copies
//!   batches: offsets keep the source's gaps, from transaction markers, aborted records and
//!   compaction), so the local log end offset is the progress, durable with the data (fsync per
//!   chunk). Reading is read_committed.
//!
//! Invariant in both directions: the destination holds exactly the source's committed records
//! below the recorded progress, once each, in order, per partition.

use super::{Cluster, Fetched, KlogContext, NetConsumer, StartAt, TopicInfo};
use crate::datadir::{DataDir, TopicMeta};
use crate::error::{Error, Result};
use crate::log::AppendMode;
use crate::record::isolation::CommittedFilter;
use crate::record::{BatchBuilder, Compression, RecordsSection};
use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// The compacted topic where mirrors into a cluster keep their progress, committed in the same
/// transactions as the records.
pub const PROGRESS_TOPIC: &str = "klog-mirror-progress";

/// Towards a directory: records per fsync at the most.
const CHUNK_RECORDS: usize = 20_000;
/// Towards a cluster: records per transaction at the most. A commit waits until every record of
/// the transaction is acknowledged, emptying the producer's pipeline (about 0.1 s each time), so
/// transactions are much larger than the directory's chunks: a killed mirror redoes at most one.
const TXN_RECORDS: usize = 1_000_000;
/// Towards a cluster: bytes per transaction at the most.
const TXN_BYTES: usize = 128 << 20;
/// Towards a directory: the largest batch written (smaller when the topic's max.message.bytes is).
const BATCH_BYTES_MAX: usize = 1 << 20;

/// Where a mirror stands, reported after every chunk.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MirrorProgress {
    pub records: u64,
    pub bytes: u64,
    /// Records the source holds that are not copied yet (as far as known).
    pub lag: u64,
}

/// What one partition's copy did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartitionCopy {
    pub partition: i32,
    /// The source offset the copy started from, and the next one after it stopped.
    pub from: i64,
    pub to: i64,
    pub records: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MirrorReport {
    pub topic: String,
    pub partitions: Vec<PartitionCopy>,
    pub records: u64,
    pub bytes: u64,
}

/// How a mirror runs: until the source's end, or following it until `stop` says so.
pub struct MirrorRun<'a> {
    pub follow: bool,
    /// Towards a cluster: a destination topic may have another partition count; records go to
    /// Kafka's partition for their key (murmur2), keyless ones to their source partition modulo
    /// the count, so each source partition's keyless records keep their order.
    pub repartition: bool,
    pub stop: &'a dyn Fn() -> bool,
    pub on_progress: &'a mut dyn FnMut(&MirrorProgress),
}

fn mirror_key(source: &str, topic: &str, partition: i32) -> String {
    format!("{}\t{}\t{}", source, topic, partition)
}

/// Copies `topic` of `dd` into the same topic of `cluster` (created with the same partition
/// count when missing; a different count is an error).
pub fn dir_to_cluster(dd: &DataDir, topic: &TopicMeta, cluster: &Cluster, run: MirrorRun<'_>) -> Result<MirrorReport> {
    let source_id = std::fs::canonicalize(dd.root()).map_err(|e| Error::io("resolve", dd.root(), e))?;
    let source_id = source_id.display().to_string();
    let target = ensure_cluster_topic_with(cluster, &topic.name, topic.partitions, &[], run.repartition)?;
    let target_partitions = target.partitions.len() as i32;
    ensure_cluster_topic_with(cluster, PROGRESS_TOPIC, 1, &[("cleanup.policy", "compact")], true)?;
    let done = read_progress(cluster, &source_id, &topic.name)?;
    let txn_id = format!("klog-mirror-{}-{:08x}", topic.name, crc32fast::hash(source_id.as_bytes()));
    let producer: BaseProducer<KlogContext> = cluster
        .config(&[
            ("transactional.id", txn_id.as_str()),
            ("enable.idempotence", "true"),
            ("acks", "all"),
            ("partitioner", "murmur2_random"),
            ("linger.ms", "5"),
            // The mirror reads no delivery report: a record that fails makes its transaction's
            // commit fail. Without a report per record, a delivered record leaves librdkafka's
            // queue (queue.buffering.max.messages) as soon as the broker acknowledges it,
            // instead of when a poll serves its report.
            ("delivery.report.only.error", "true"),
        ])
        .create_with_context(KlogContext::default())
        .map_err(|e| cluster.error("cannot create a producer", e))?;
    // Connections first: librdkafka looks for the transaction coordinator through any broker it
    // is connected to, and when there is none it tries again only 500 ms later. A new client's
    // one connection is to the bootstrap address, which librdkafka 2.10+ drops as soon as a
    // metadata response names the real brokers; a just-created producer paid those 500 ms in
    // about half of its runs. The second metadata request is answered by a real broker, so that
    // one is connected when the search for the coordinator starts.
    let ctx = producer.context().clone();
    for _ in 0..2 {
        cluster.bounded(&ctx, "cannot read metadata", |t| {
            producer.client().fetch_metadata(Some(PROGRESS_TOPIC), t).map(|_| ())
        })?;
    }
    producer.init_transactions(cluster.timeout).map_err(|e| cluster.error("cannot start transactions", e))?;
    let mut report = MirrorReport { topic: topic.name.clone(), ..Default::default() };
    let partitions: Vec<i32> = dd.existing_partitions(topic)?;
    let mut next: BTreeMap<i32, i64> = partitions.iter().map(|&p| (p, done.get(&p).copied().unwrap_or(0))).collect();
    let from = next.clone();
    let mut copied: BTreeMap<i32, u64> = BTreeMap::new();
    loop {
        let mut moved = false;
        for &p in &partitions {
            if (run.stop)() {
                break;
            }
            let reader = dd.open_reader(topic, p)?;
            let start = next[&p].max(reader.log_start_offset());
            let end = reader.log_end_offset()?;
            if start >= end {
                continue;
            }
            let mut cursor = reader.cursor(start);
            let mut filter = CommittedFilter::new();
            let mut n = 0usize;
            let mut bytes = 0usize;
            let mut last = None;
            producer.begin_transaction().map_err(|e| cluster.error("cannot begin a transaction", e))?;
            while n < TXN_RECORDS && bytes < TXN_BYTES {
                let Some((h, batch)) = cursor.next_batch()? else { break };
                for (h, batch) in filter.push(h, batch) {
                    if h.is_control() {
                        continue;
                    }
                    let section = RecordsSection::new(&batch, &h).map_err(|e| reader.undecodable(h.base_offset, e))?;
                    for r in section.iter() {
                        let r = r.map_err(|e| reader.undecodable(h.base_offset, e))?;
                        if r.offset < start {
                            continue;
                        }
                        let to = match (run.repartition, r.key) {
                            (false, _) => p,
                            (true, Some(k)) => crate::partitioner::partition_for_key(k, target_partitions),
                            (true, None) => p % target_partitions,
                        };
                        let mut rec: BaseRecord<'_, [u8], [u8]> =
                            BaseRecord::to(&topic.name).partition(to).timestamp(r.timestamp);
                        // No header list for a record without headers: librdkafka would allocate one.
                        if !r.headers.is_empty() {
                            let mut hs = OwnedHeaders::new_with_capacity(r.headers.len());
                            for (k, v) in r.headers.iter() {
                                let key = std::str::from_utf8(k).map_err(|_| Error::HeaderKeyNotUtf8 {
                                    at: Some((crate::TopicPartition::new(topic.name.as_str(), p), r.offset)),
                                })?;
                                hs = hs.insert(Header { key, value: v });
                            }
                            rec = rec.headers(hs);
                        }
                        if let Some(k) = r.key {
                            rec = rec.key(k);
                        }
                        if let Some(v) = r.value {
                            rec = rec.payload(v);
                        }
                        send(&producer, cluster, rec)?;
                        n += 1;
                        bytes += r.key.map_or(0, <[u8]>::len) + r.value.map_or(0, <[u8]>::len);
                        last = Some(r.offset);
                    }
                }
            }
            let Some(last) = last else {
                producer.abort_transaction(cluster.timeout).map_err(|e| cluster.error("cannot abort", e))?;
                // Only markers or an open transaction past `start`: nothing to copy now.
                continue;
            };
            let key = mirror_key(&source_id, &topic.name, p);
            let value = (last + 1).to_string();
            send(&producer, cluster, BaseRecord::<'_, str, str>::to(PROGRESS_TOPIC).key(&key).payload(&value))?;
            producer
                .commit_transaction(cluster.timeout)
                .map_err(|e| cluster.error("cannot commit a transaction", e))?;
            next.insert(p, last + 1);
            *copied.entry(p).or_default() += n as u64;
            report.records += n as u64;
            report.bytes += bytes as u64;
            moved = true;
            let lag = lag_of(dd, topic, &next)?;
            (run.on_progress)(&MirrorProgress { records: report.records, bytes: report.bytes, lag });
        }
        if (run.stop)() || (!moved && !run.follow) {
            break;
        }
        if !moved {
            std::thread::sleep(Duration::from_millis(200));
        }
    }
    report.partitions = partitions
        .iter()
        .map(|&p| PartitionCopy {
            partition: p,
            from: from[&p],
            to: next[&p],
            records: copied.get(&p).copied().unwrap_or(0),
        })
        .collect();
    Ok(report)
}

fn lag_of(dd: &DataDir, topic: &TopicMeta, next: &BTreeMap<i32, i64>) -> Result<u64> {
    let mut lag = 0u64;
    for (&p, &n) in next {
        let end = dd.open_reader(topic, p)?.log_end_offset()?;
        lag += (end - n).max(0) as u64;
    }
    Ok(lag)
}

fn send<K: rdkafka::message::ToBytes + ?Sized, V: rdkafka::message::ToBytes + ?Sized>(
    producer: &BaseProducer<KlogContext>,
    cluster: &Cluster,
    mut rec: BaseRecord<'_, K, V>,
) -> Result<()> {
    loop {
        match producer.send(rec) {
            Ok(()) => return Ok(()),
            Err((rdkafka::error::KafkaError::MessageProduction(rdkafka::types::RDKafkaErrorCode::QueueFull), back)) => {
                rec = back;
                producer.poll(Duration::from_millis(20));
            }
            Err((e, _)) => return Err(cluster.error("cannot produce", e)),
        }
    }
}

/// The progress a mirror from `source` committed for `topic`: partition -> next source offset.
fn read_progress(cluster: &Cluster, source: &str, topic: &str) -> Result<BTreeMap<i32, i64>> {
    let info = cluster.topic(PROGRESS_TOPIC)?;
    let parts: Vec<i32> = info.partitions.iter().map(|p| p.partition).collect();
    let (mut c, _) = NetConsumer::assign(cluster, &info, &parts, StartAt::Beginning, "read_committed", true)?;
    let marks = cluster.watermarks(&info)?;
    let mut open: Vec<i32> = marks.iter().filter(|(_, lo, hi)| hi > lo).map(|(p, _, _)| *p).collect();
    let prefix = format!("{}\t{}\t", source, topic);
    let mut out = BTreeMap::new();
    let deadline = Instant::now() + cluster.timeout;
    while !open.is_empty() {
        let n = c.poll_batch(Duration::from_millis(200), &mut |f| {
            match f {
                Fetched::Record { record: r, .. } => {
                    let key = String::from_utf8_lossy(r.key.unwrap_or_default());
                    if let Some(p) = key.strip_prefix(&prefix).and_then(|p| p.parse::<i32>().ok()) {
                        match r.value.map(String::from_utf8_lossy).and_then(|v| v.parse::<i64>().ok()) {
                            Some(o) => out.insert(p, o),
                            None => out.remove(&p),
                        };
                    }
                }
                Fetched::End { partition: p, .. } => open.retain(|&q| q != p),
                Fetched::Failed(_) => {}
            }
            Ok(())
        })?;
        if n == 0 && Instant::now() > deadline {
            return Err(cluster.unreachable(Some(format!("reading {} did not reach its end", PROGRESS_TOPIC))));
        }
    }
    Ok(out)
}

/// The cluster's topic `name`, created with `partitions` when missing; one with another
/// partition count is an error unless `any_count`.
fn ensure_cluster_topic_with(
    cluster: &Cluster,
    name: &str,
    partitions: i32,
    configs: &[(&str, &str)],
    any_count: bool,
) -> Result<TopicInfo> {
    let t = match cluster.topic(name) {
        Ok(t) => t,
        Err(Error::TopicNotFound { .. }) => {
            let c: BTreeMap<String, String> = configs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
            match cluster.create_topic(name, partitions, None, &c) {
                Err(Error::TopicExists { .. }) => {}
                r => r?,
            }
            cluster.wait_for_topic(name)?
        }
        Err(e) => return Err(e),
    };
    if t.partitions.len() as i32 != partitions && !any_count {
        return Err(Error::MirrorPartitionCount {
            topic: name.to_string(),
            bootstrap: cluster.bootstrap().to_string(),
            count: t.partitions.len(),
            source_count: partitions,
            dir: None,
        });
    }
    Ok(t)
}

/// Copies `topic` of `cluster` into the same topic of `dd` (created with the same partition count
/// when missing), each record at its source offset.
pub fn cluster_to_dir(cluster: &Cluster, topic: &str, dd: &DataDir, run: MirrorRun<'_>) -> Result<MirrorReport> {
    let info = cluster.topic(topic)?;
    let count = info.partitions.len() as i32;
    let local = match dd.topic(topic) {
        Ok(t) => t,
        Err(Error::TopicNotFound { .. }) => dd.create_topic(topic, count, BTreeMap::new())?,
        Err(e) => return Err(e),
    };
    if local.partitions != count {
        return Err(Error::MirrorPartitionCount {
            topic: topic.to_string(),
            bootstrap: cluster.bootstrap().to_string(),
            count: local.partitions as usize,
            source_count: count,
            dir: Some(dd.root().to_path_buf()),
        });
    }
    let marks = cluster.watermarks(&info)?;
    // A batch is sealed before the next record would take it past 1 MiB or the local topic's
    // max.message.bytes, which the append enforces.
    let batch_bytes_max = local.config.log_config().max_message_bytes.min(BATCH_BYTES_MAX);
    let mut report = MirrorReport { topic: topic.to_string(), ..Default::default() };
    // Per partition: its writer, the batch being built (consecutive offsets from `base`), and
    // what was copied. The local log end is where the last durable copy stopped; records the
    // source deleted since (retention) leave a gap.
    struct Part {
        w: crate::log::PartitionWriter,
        b: BatchBuilder,
        base: i64,
        pending: i64,
        copy: PartitionCopy,
        high: i64,
    }
    impl Part {
        fn seal(&mut self) -> Result<()> {
            if !self.b.is_empty() {
                let mut batch = self.b.finish_take(self.base, 0, Compression::None, Vec::new());
                self.w.append_batch(&mut batch, AppendMode::Replica)?;
                self.pending = 0;
            }
            Ok(())
        }
    }
    let mut parts: BTreeMap<i32, Part> = BTreeMap::new();
    let mut starts = Vec::new();
    for &(p, lo, hi) in &marks {
        let leo = dd.open_reader(&local, p)?.log_end_offset()?;
        let from = leo.max(lo);
        if from >= hi && !run.follow {
            continue;
        }
        let w = dd.open_writer(&local, p)?;
        let copy = PartitionCopy { partition: p, from, to: from, records: 0 };
        parts.insert(p, Part { w, b: BatchBuilder::new(), base: from, pending: 0, copy, high: hi });
        starts.push((p, from));
    }
    let mut open: Vec<i32> = parts.keys().copied().collect();
    let mut consumers = Vec::new();
    for (p, from) in &starts {
        let (c, skipped) =
            NetConsumer::assign(cluster, &info, &[*p], StartAt::Offset(*from), "read_committed", !run.follow)?;
        if let Some(e) = skipped.into_iter().next() {
            return Err(e);
        }
        consumers.push((*p, c));
    }
    let mut since_sync = 0usize;
    while !open.is_empty() && !(run.stop)() {
        let mut idle = true;
        for (p, consumer) in consumers.iter_mut() {
            if !open.contains(p) {
                continue;
            }
            let part = parts.get_mut(p).expect("a consumer per partition");
            let (mut ended, mut copied) = (false, false);
            let wait = Duration::from_millis(if idle { 50 } else { 0 });
            consumer.poll_batch(wait, &mut |f| {
                match f {
                    Fetched::Record { record: r, .. } => {
                        copied = true;
                        let hs: Vec<(&[u8], Option<&[u8]>)> = r.headers.iter().collect();
                        // A batch holds consecutive offsets: a gap starts a new one; so does a
                        // record that would make the batch too large.
                        if !part.b.is_empty()
                            && (r.offset != part.base + part.pending
                                || part.b.size_bytes() + part.b.next_record_size(r.timestamp, r.key, r.value, &hs)
                                    > batch_bytes_max)
                        {
                            part.seal()?;
                        }
                        if part.b.is_empty() {
                            part.base = r.offset;
                        }
                        part.b.push(r.timestamp, r.key, r.value, &hs);
                        part.pending += 1;
                        part.copy.records += 1;
                        part.copy.to = r.offset + 1;
                        report.records += 1;
                        report.bytes += (r.key.map_or(0, <[u8]>::len) + r.value.map_or(0, <[u8]>::len)) as u64;
                        since_sync += 1;
                    }
                    Fetched::End { .. } => ended = true,
                    Fetched::Failed(_) => {}
                }
                Ok(())
            })?;
            if copied {
                idle = false;
            }
            if ended {
                part.seal()?;
                part.w.flush()?;
                if !run.follow {
                    open.retain(|q| q != p);
                }
            }
        }
        if since_sync >= CHUNK_RECORDS || idle {
            for part in parts.values_mut() {
                part.seal()?;
                part.w.flush()?;
            }
            if since_sync > 0 {
                let lag = parts.values().map(|x| (x.high - x.copy.to).max(0) as u64).sum();
                (run.on_progress)(&MirrorProgress { records: report.records, bytes: report.bytes, lag });
            }
            since_sync = 0;
        }
    }
    for part in parts.values_mut() {
        part.seal()?;
        part.w.flush()?;
    }
    (run.on_progress)(&MirrorProgress { records: report.records, bytes: report.bytes, lag: 0 });
    report.partitions = parts.into_values().map(|x| x.copy).collect();
    Ok(report)
}
