//! The producer: records into a topic of a data directory or of a cluster.
//!
//! Each record goes to a partition (the one asked for; else Kafka's murmur2 partition of its
//! key; else, for keyless records, a sticky partition that moves on after
//! [`STICKY_PARTITION_BYTES`], as Kafka's producer since KIP-794). Records are packed into
//! large write batches per partition (never over `max.message.bytes`) and appended under the
//! partition's lock by an `appender`; after [`Producer::settle`] the writes are durable
//! (unless acks=0) and the locks released, so a long-running producer lets other writers in.
//!
//! For a cluster topic (`cluster`) the batches go to each partition's leader with its leader
//! epoch, checked against the metadata store once the partition lock is held; the producer
//! waits out leadership problems for the delivery timeout, follows a new leader and sends it
//! the batches it lacks; acks=all then brings every in-sync replica up to date (see
//! `crate::replica::sync_partition`) and enforces `min.insync.replicas`.
//!
//! What the producer acknowledged goes to an [`AckSink`], only once it is durable (with acks=all
//! on a cluster topic: once every in-sync replica has it).

mod appender;
mod cluster;
mod net;

pub use net::KafkaProducer;

use super::Location;
use crate::datadir::TopicMeta;
use crate::error::{Error, Result};
use crate::partitioner::partition_for_key;
use crate::record::{BatchBuilder, Compression, HEADER_BYTES};
use appender::{Appender, Sink};
use cluster::ClusterLink;
use std::time::Duration;

/// Bytes of keyless records one partition takes before the next keyless record goes to the
/// next partition: Kafka's producer moves on after `batch.size` (16 KiB by default, KIP-794),
/// while klog's write batches stay large (`ProducerSettings::batch_size`) for speed.
pub const STICKY_PARTITION_BYTES: usize = 16 << 10;

/// When a record counts as written (Kafka's `acks`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Acks {
    /// Do not wait for the disk: no fsync.
    Zero,
    /// The leader has it on disk (fsync).
    One,
    /// Every in-sync replica has it; a standalone directory is its own only replica.
    All,
}

/// What a producer is asked to do.
#[derive(Debug, Clone)]
pub struct ProducerSettings {
    pub topic: String,
    /// The one partition records are written to, when given: checked to exist before anything
    /// is written, and the only partition acknowledged. Each record may still name its own.
    pub partition: Option<i32>,
    pub acks: Acks,
    /// The codec for batches; the topic's `compression.type` wins unless it is "producer".
    pub compression: Compression,
    /// Largest write batch in bytes before compression (capped at the topic's
    /// `max.message.bytes`); a batch always takes at least one record.
    pub batch_size: usize,
    /// For a cluster topic: how long to keep retrying while a partition's leader is unavailable
    /// or moving (Kafka's `delivery.timeout.ms`).
    pub delivery_timeout: Duration,
}

/// Where a batch landed: its partition and the offsets of its first and last record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Acknowledged {
    pub partition: i32,
    pub base_offset: i64,
    pub last_offset: i64,
}

/// What the producer worked around while producing to a cluster topic.
#[derive(Debug)]
pub enum Warning {
    /// The partition's leader is unavailable or moving: the producer retries for up to
    /// `retry_for` (said once per partition).
    LeaderUnavailable { partition: i32, error: Error, retry_for: Duration },
    /// A new leader lacks batches that were appended to the old one: they are sent again.
    Resending { partition: i32, leader: i32, batches: usize },
    /// A follower could not be brought up to date (it is dropped from the ISR).
    ReplicaOutOfSync { partition: i32, why: String },
}

/// Receives what the producer reports: acknowledged batches, in order per partition, and
/// warnings. It runs on the producer's appender thread, hence `Send`.
pub trait AckSink: Send {
    /// `batches` of `topic` are acknowledged: durable (unless acks=0) and, with acks=all on a
    /// cluster topic, on every in-sync replica.
    fn acknowledged(&mut self, topic: &str, batches: &[Acknowledged]) -> Result<()>;
    /// Something the producer waited out or worked around on `topic`.
    fn warning(&mut self, topic: &str, warning: Warning);
    /// Whether [`AckSink::acknowledged`] wants to hear of each batch; a sink that does not
    /// spares a standalone producer the bookkeeping (a cluster producer keeps it anyway, to know
    /// what its replicas still lack).
    fn wants_acknowledgements(&self) -> bool {
        true
    }
}

/// What a producer did, once finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProduceSummary {
    pub records: u64,
    pub batches: u64,
}

/// Where a stream of records goes: this module's [`Producer`], or a client of a Kafka cluster.
/// Whoever reads the input calls `idle` when it has been quiet for a while.
pub trait RecordSink {
    fn add(
        &mut self,
        partition: Option<i32>,
        timestamp: i64,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        headers: &[(&[u8], Option<&[u8]>)],
    ) -> Result<()>;
    /// Records are waiting to be sent or acknowledged: the input should call `idle` when it
    /// goes quiet.
    fn busy(&self) -> bool;
    /// The input is quiet: send, make durable and acknowledge what is pending.
    fn idle(&mut self) -> Result<()>;
    /// Between reads: anything that cannot wait for the input to go quiet.
    fn between_reads(&mut self) -> Result<()> {
        Ok(())
    }
}

/// Splits records over partitions and packs them into batches for the appender.
pub struct Producer {
    settings: ProducerSettings,
    topic: TopicMeta,
    codec: Compression,
    batch_limit: usize,
    max_message_bytes: usize,
    builders: Vec<BatchBuilder>,
    /// The partition keyless records go to now, and the bytes they have brought it: after
    /// [`STICKY_PARTITION_BYTES`] the next keyless record moves on to the next partition.
    sticky: i32,
    sticky_bytes: usize,
    /// A cluster topic: appends stay on this thread, where acknowledgements are made.
    cluster: bool,
    records: u64,
    batches: u64,
    sink: Sink,
    /// Batches were sent since the last settle (partition locks may be held).
    unsettled: bool,
    /// A cluster producer keeps too many unacknowledged bytes: acknowledge before reading on.
    wants_acknowledgement: bool,
}

impl Producer {
    /// A producer into `settings.topic` at `at`: a topic of the cluster when the metadata store
    /// knows it, else of the data directory (which must exist: producing never creates a topic).
    /// With acks=all, a cluster topic must have `min.insync.replicas` in sync to begin with.
    pub fn open(at: &Location, settings: ProducerSettings, acks: Box<dyn AckSink>) -> Result<Producer> {
        crate::datadir::validate_topic_name(&settings.topic)?;
        let (dd, topic, cluster) = match at.cluster_topic(&settings.topic)? {
            Some((store, snap)) => {
                let (topic, routes) = cluster::cluster_routes(&snap, &settings, at.lock_timeout)?;
                let link = ClusterLink::new(store, routes, settings.delivery_timeout, at.lock_timeout);
                (None, topic, Some(Box::new(link)))
            }
            None => {
                // Produce never creates a topic, so it never needs to create a data directory: a
                // mistyped data directory is an error that leaves nothing behind.
                if !at.data_dir.exists() {
                    return Err(Error::TopicNotFound {
                        topic: settings.topic.clone(),
                        place: crate::error::Place::NoDataDir(at.data_dir.clone()),
                    });
                }
                let dd = at.open()?;
                let topic = dd.topic(&settings.topic)?;
                if let Some(p) = settings.partition {
                    dd.check_partition(&topic, p)?;
                }
                (Some(dd), topic, None)
            }
        };
        let codec = match topic.config.get("compression.type") {
            "producer" => settings.compression,
            "uncompressed" => Compression::None,
            other => Compression::parse(other).unwrap_or(settings.compression),
        };
        let max_message_bytes = topic.config.log_config().max_message_bytes;
        let partitions = topic.partitions;
        let log_append_time = topic.config.get("message.timestamp.type") == "LogAppendTime";
        let is_cluster = cluster.is_some();
        let appender = Appender::new(dd, topic.clone(), settings.acks != Acks::Zero, log_append_time, cluster, acks);
        Ok(Producer {
            topic,
            codec,
            // A compressed batch can come out a little larger than its records (incompressible
            // data): keep a margin below max.message.bytes so that the batch still fits.
            batch_limit: if codec == Compression::None {
                settings.batch_size.min(max_message_bytes)
            } else {
                settings.batch_size.min(max_message_bytes - (max_message_bytes / 64 + 64).min(max_message_bytes / 2))
            },
            max_message_bytes,
            builders: (0..partitions).map(|_| BatchBuilder::new()).collect(),
            sticky: (crate::timefmt::now_ms() as i32 & 0x7fff_ffff) % partitions,
            sticky_bytes: 0,
            cluster: is_cluster,
            records: 0,
            batches: 0,
            sink: Sink::Inline(Box::new(appender)),
            unsettled: false,
            wants_acknowledgement: false,
            settings,
        })
    }

    /// The topic being produced to.
    pub fn topic(&self) -> &TopicMeta {
        &self.topic
    }

    fn choose(&mut self, explicit: Option<i32>, key: Option<&[u8]>) -> Result<i32> {
        let n = self.topic.partitions;
        let p = match (explicit, key) {
            (Some(p), _) => p,
            (None, Some(k)) => partition_for_key(k, n),
            (None, None) => self.sticky,
        };
        if p < 0 || p >= n {
            return Err(Error::PartitionNotFound { topic: self.topic.name.clone(), partition: p, count: n });
        }
        Ok(p)
    }

    fn next_sticky(&mut self) {
        self.sticky = (self.sticky + 1) % self.topic.partitions;
        self.sticky_bytes = 0;
    }

    /// Sends partition `p`'s batch. `full`: it is sent because it filled up, which means the
    /// input is large enough to be worth the appender thread.
    fn emit(&mut self, p: i32, full: bool) -> Result<()> {
        if self.builders[p as usize].is_empty() {
            return Ok(());
        }
        self.sink.check()?;
        if full && !self.cluster {
            self.sink.go_parallel();
        }
        let spare = self.sink.spare();
        let bytes = self.builders[p as usize].finish_take(0, 0, self.codec, spare);
        self.batches += 1;
        self.unsettled = true;
        if let Some(back) = self.sink.send(p, bytes)? {
            // Appended inline: keep the buffer for the next batch.
            self.builders[p as usize] = BatchBuilder::with_buffer(back);
        }
        if self.sink.wants_acknowledgement() {
            self.wants_acknowledgement = true;
        }
        Ok(())
    }

    fn emit_all(&mut self) -> Result<()> {
        for p in 0..self.topic.partitions {
            self.emit(p, false)?;
        }
        Ok(())
    }

    fn pending(&self) -> bool {
        self.builders.iter().any(|b| !b.is_empty())
    }

    /// Sends partial batches, then waits until they are fsynced (unless acks=0) and every
    /// partition lock is released.
    pub fn settle(&mut self) -> Result<()> {
        self.emit_all()?;
        self.sink.settle()?;
        self.unsettled = false;
        Ok(())
    }

    /// Settles, then (for a cluster topic) acknowledges what was appended and reports it.
    fn acknowledge(&mut self) -> Result<()> {
        self.settle()?;
        self.wants_acknowledgement = false;
        match &mut self.sink {
            Sink::Inline(appender) => appender.acknowledge(self.settings.acks, self.settings.partition),
            _ => Ok(()),
        }
    }

    /// Ends producing. Whatever was added before `input` failed is still written, made durable
    /// and acknowledged; then the first error is returned: the appender's (it explains a
    /// failure best), the input's, then sending's and acknowledging's.
    pub fn finish(mut self, input: Result<()>) -> Result<ProduceSummary> {
        let sent = self.emit_all();
        let acknowledged = if self.cluster && sent.is_ok() { self.acknowledge() } else { Ok(()) };
        let Producer { sink, records, batches, .. } = self;
        let appended = sink.finish();
        appended?;
        input?;
        sent?;
        acknowledged?;
        Ok(ProduceSummary { records, batches })
    }
}

impl RecordSink for Producer {
    /// Adds a record: to partition `explicit` when given, else by its key, else to the sticky
    /// partition. A full batch is sent on.
    fn add(
        &mut self,
        explicit: Option<i32>,
        timestamp: i64,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        headers: &[(&[u8], Option<&[u8]>)],
    ) -> Result<()> {
        if key.is_none() && crate::cleaner::is_compacted(&self.topic) {
            // As Kafka: "Compacted topic cannot accept message without key".
            return Err(Error::KeylessRecord { topic: self.topic.name.clone(), record: self.records + 1 });
        }
        let keyless = explicit.is_none() && key.is_none();
        if keyless && self.sticky_bytes >= STICKY_PARTITION_BYTES {
            self.next_sticky();
        }
        let mut p = self.choose(explicit, key)?;
        // The cheap bound settles almost every record; the exact size only near a limit.
        let bound = BatchBuilder::record_size_bound(key, value, headers);
        if HEADER_BYTES + bound > self.max_message_bytes
            && HEADER_BYTES + BatchBuilder::first_record_size(key, value, headers) > self.max_message_bytes
        {
            return Err(Error::RecordTooLarge {
                topic: self.topic.name.clone(),
                record: self.records + 1,
                bytes: key.map_or(0, <[u8]>::len) + value.map_or(0, <[u8]>::len),
                max: self.max_message_bytes,
            });
        }
        let b = &self.builders[p as usize];
        if !b.is_empty()
            && b.size_bytes() + bound > self.batch_limit
            && b.size_bytes() + b.next_record_size(timestamp, key, value, headers) > self.batch_limit
        {
            self.emit(p, true)?;
            if keyless {
                // A full batch also moves keyless records on to the next partition.
                self.next_sticky();
                p = self.sticky;
            }
        }
        self.builders[p as usize].push(timestamp, key, value, headers);
        if keyless {
            self.sticky_bytes += bound;
        }
        self.records += 1;
        Ok(())
    }

    fn busy(&self) -> bool {
        self.pending() || self.unsettled
    }

    fn idle(&mut self) -> Result<()> {
        if self.busy() && self.cluster {
            // A cluster producer with long-running input acknowledges at every idle pause:
            // the followers are brought up to date and the high watermark moves.
            self.acknowledge()
        } else {
            self.settle()
        }
    }

    fn between_reads(&mut self) -> Result<()> {
        if self.wants_acknowledgement {
            self.acknowledge()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datadir::DataDir;
    use std::collections::BTreeMap;
    use std::sync::{Arc, Mutex};

    /// Collects what the producer acknowledges.
    #[derive(Clone, Default)]
    struct Collected(Arc<Mutex<Vec<(String, Acknowledged)>>>);

    impl AckSink for Collected {
        fn acknowledged(&mut self, topic: &str, batches: &[Acknowledged]) -> Result<()> {
            self.0.lock().unwrap().extend(batches.iter().map(|b| (topic.to_string(), *b)));
            Ok(())
        }
        fn warning(&mut self, _topic: &str, w: Warning) {
            panic!("no warning expected on a standalone topic: {:?}", w)
        }
    }

    fn settings(topic: &str, partition: Option<i32>) -> ProducerSettings {
        ProducerSettings {
            topic: topic.into(),
            partition,
            acks: Acks::All,
            compression: Compression::None,
            batch_size: 1 << 20,
            delivery_timeout: Duration::from_secs(1),
        }
    }

    #[test]
    fn a_standalone_producer_partitions_appends_and_acknowledges() {
        let tmp = tempfile::tempdir().unwrap();
        DataDir::init(tmp.path(), 0).unwrap();
        let dd = DataDir::open(tmp.path()).unwrap();
        let t = dd.create_topic("t", 3, BTreeMap::new()).unwrap();
        let at = Location { data_dir: tmp.path().into(), meta: None, lock_timeout: Duration::from_secs(5) };
        let keyed = partition_for_key(b"k", 3);
        let other = (keyed + 1) % 3;
        let acks = Collected::default();
        let mut prod = Producer::open(&at, settings("t", None), Box::new(acks.clone())).unwrap();
        prod.add(None, 1, Some(b"k"), Some(b"v1"), &[]).unwrap();
        prod.add(None, 2, Some(b"k"), Some(b"v2"), &[]).unwrap();
        prod.add(Some(other), 3, None, Some(b"v3"), &[]).unwrap();
        // Nothing is acknowledged before it is durable.
        assert!(acks.0.lock().unwrap().is_empty());
        let summary = prod.finish(Ok(())).unwrap();
        assert_eq!(summary, ProduceSummary { records: 3, batches: 2 });
        let mut got = acks.0.lock().unwrap().clone();
        got.sort_by_key(|(_, a)| a.partition);
        let mut want = vec![
            ("t".to_string(), Acknowledged { partition: keyed, base_offset: 0, last_offset: 1 }),
            ("t".to_string(), Acknowledged { partition: other, base_offset: 0, last_offset: 0 }),
        ];
        want.sort_by_key(|(_, a)| a.partition);
        assert_eq!(got, want);
        let ends: Vec<i64> = (0..3).map(|p| dd.open_reader(&t, p).unwrap().log_end_offset().unwrap()).collect();
        assert_eq!(ends.iter().sum::<i64>(), 3);
    }

    #[test]
    fn a_partition_out_of_range_is_refused_before_anything_is_written() {
        let tmp = tempfile::tempdir().unwrap();
        DataDir::init(tmp.path(), 0).unwrap();
        DataDir::open(tmp.path()).unwrap().create_topic("t", 1, BTreeMap::new()).unwrap();
        let at = Location { data_dir: tmp.path().into(), meta: None, lock_timeout: Duration::from_secs(5) };
        assert!(Producer::open(&at, settings("t", Some(1)), Box::new(Collected::default())).is_err());
        let missing = Location { data_dir: tmp.path().join("absent"), ..at };
        let e = Producer::open(&missing, settings("t", None), Box::new(Collected::default())).err().unwrap();
        assert!(matches!(e, Error::TopicNotFound { place: crate::error::Place::NoDataDir(_), .. }), "{e}");
        assert!(!tmp.path().join("absent").exists());
    }
}
