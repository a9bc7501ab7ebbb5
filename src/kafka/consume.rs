//! Consuming from a Kafka cluster: librdkafka's consumer assigned to chosen partitions at the
//! offsets kcat's grammar names (no group, nothing committed), reporting each partition's end
//! so that `-e` can stop there; and [`read`], the reading loop of `klog consume -b`.

use super::ffi::FetchQueue;
use super::{Cluster, KlogContext, TopicInfo};
use crate::error::{Error, Result};
use crate::record::isolation::Isolation;
use crate::record::RecordRef;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::error::RDKafkaErrorCode;
use rdkafka::{Offset, TopicPartitionList};
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

/// Where reading starts in each partition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartAt {
    Beginning,
    End,
    /// An absolute offset (out of a partition's range is an error naming the range).
    Offset(i64),
    /// This many records before the end.
    Tail(i64),
    /// The first record at or after this time (epoch ms); the end where none is that late.
    Time(i64),
}

pub use super::ffi::Fetched;

/// klog's default `fetch.queue.backoff.ms` (librdkafka's is 1000).
pub(super) const FETCH_QUEUE_BACKOFF_MS: &str = "10";
/// klog's default `fetch.wait.max.ms` (librdkafka's and Kafka's is 500).
pub(super) const FETCH_WAIT_MAX_MS: &str = "100";
/// `fetch.wait.max.ms` of a consumer that stops at the partitions' end: it learns the end from
/// the empty fetch after the last records, held this long by the broker. (Following consumers
/// keep [`FETCH_WAIT_MAX_MS`]: an idle one sends a fetch per partition leader this often.)
const FETCH_WAIT_TO_END_MS: &str = "10";

pub struct NetConsumer {
    // Before `consumer`: its messages are destroyed before the consumer that fetched them.
    fetch: FetchQueue,
    consumer: BaseConsumer<KlogContext>,
    ctx: KlogContext,
    cluster: Cluster,
    topic: String,
}

impl NetConsumer {
    /// A consumer of `partitions` of `topic`, each from `start`. `isolation` is Kafka's
    /// `isolation.level` (read_uncommitted, Kafka's default, or read_committed). Partitions out
    /// of range for an absolute offset are returned as errors, one per partition, and left out.
    /// `to_end`: the caller stops at the partitions' end, and wants to learn it early.
    pub fn assign(
        cluster: &Cluster,
        topic: &TopicInfo,
        partitions: &[i32],
        start: StartAt,
        isolation: &str,
        to_end: bool,
    ) -> Result<(NetConsumer, Vec<Error>)> {
        let ctx = KlogContext::default();
        let consumer: BaseConsumer<KlogContext> = cluster
            .config(&[
                ("group.id", "klog"),
                ("enable.auto.commit", "false"),
                ("enable.auto.offset.store", "false"),
                ("enable.partition.eof", "true"),
                ("auto.offset.reset", "error"),
                ("isolation.level", isolation),
                // librdkafka 2.4 and later postpone a partition's next fetch by this much once
                // queued.min.messages (100,000) are waiting for the application: at its default
                // of 1 s a consumer reading a long partition stalls every 100,000 records.
                ("fetch.queue.backoff.ms", FETCH_QUEUE_BACKOFF_MS),
                // How long the broker holds a fetch with nothing new.
                ("fetch.wait.max.ms", if to_end { FETCH_WAIT_TO_END_MS } else { FETCH_WAIT_MAX_MS }),
            ])
            .create_with_context(ctx.clone())
            .map_err(|e| cluster.error("cannot create a consumer", e))?;
        // The topic's metadata in this client before assigning: a partition whose leader the
        // client does not know yet when it is assigned retries its start-offset lookup only
        // after 500 ms.
        cluster.bounded(&ctx, "cannot read metadata", |t| consumer.fetch_metadata(Some(&topic.name), t).map(|_| ()))?;
        let mut skipped = Vec::new();
        let mut tpl = TopicPartitionList::new();
        // Before the assignment, so that every message of these partitions arrives in it.
        let fetch = FetchQueue::forward(&consumer, &topic.name, partitions)?;
        let times = match start {
            StartAt::Time(ts) => Some(cluster.offsets_for_time(topic, ts)?),
            _ => None,
        };
        let marks = match start {
            StartAt::Offset(_) => Some(cluster.watermarks(topic)?),
            _ => None,
        };
        for &p in partitions {
            let offset = match start {
                StartAt::Beginning => Offset::Beginning,
                StartAt::End => Offset::End,
                StartAt::Tail(n) => Offset::OffsetTail(n),
                StartAt::Offset(o) => {
                    let (_, lo, hi) =
                        marks.as_ref().and_then(|m| m.iter().find(|m| m.0 == p)).copied().unwrap_or((p, 0, 0));
                    if o < lo || o > hi {
                        skipped.push(Error::OffsetOutOfRange {
                            topic: topic.name.to_string(),
                            partition: p,
                            offset: o,
                            start: lo,
                            end: hi,
                        });
                        continue;
                    }
                    Offset::Offset(o)
                }
                StartAt::Time(_) => {
                    match times.as_ref().and_then(|t| t.iter().find(|(q, _)| *q == p)).and_then(|(_, o)| *o) {
                        Some(o) => Offset::Offset(o),
                        None => Offset::End,
                    }
                }
            };
            tpl.add_partition_offset(&topic.name, p, offset).map_err(|e| cluster.error("cannot assign", e))?;
        }
        consumer.assign(&tpl).map_err(|e| cluster.error("cannot assign partitions", e))?;
        Ok((NetConsumer { fetch, consumer, ctx, cluster: cluster.clone(), topic: topic.name.clone() }, skipped))
    }

    /// Waits up to `timeout` for records, then hands each record and partition end fetched
    /// so far to `on`, in order (a batch at the most), and returns how many it handed (none
    /// when the wait ran out). A fetch error ends the batch with that error.
    pub fn poll_batch(&mut self, timeout: Duration, on: &mut dyn FnMut(Fetched<'_>) -> Result<()>) -> Result<usize> {
        let (cluster, topic) = (&self.cluster, &self.topic);
        let n = self.fetch.next_batch(timeout, &mut |f| match f {
            Fetched::Failed(e) if e.rdkafka_error_code() == Some(RDKafkaErrorCode::OffsetOutOfRange) => {
                Err(Error::Invalid(format!("{}: {}", topic, e)))
            }
            Fetched::Failed(e) => Err(cluster.error(&format!("cannot read topic '{}'", topic), e)),
            f => on(f),
        })?;
        // The consumer's own queue holds its events: errors (a fatal one is kept by the
        // context) and logs. Its partitions' messages all go to the fetch queue.
        if let Some(Err(e)) = self.consumer.poll(Duration::ZERO) {
            return Err(self.cluster.error(&format!("cannot read topic '{}'", self.topic), e));
        }
        if n == 0 {
            if let Some(why) = self.ctx.fatal() {
                return Err(self.cluster.unreachable(Some(why)));
            }
        }
        Ok(n)
    }
}

impl Drop for NetConsumer {
    /// Closes the consumer polling a millisecond at a time. rust-rdkafka's own drop polls 100
    /// ms at a time until the consumer is closed, and with an assignment of its own (no
    /// subscription) no event ends the first poll early: every command paid those 100 ms.
    fn drop(&mut self) {
        if self.consumer.close_queue().is_ok() {
            let deadline = Instant::now() + self.cluster.timeout;
            while !self.consumer.closed() && Instant::now() < deadline {
                self.consumer.poll(Duration::from_millis(1));
            }
        }
    }
}

/// What `klog consume -b` reads: kcat's options over one topic of a Kafka cluster.
#[derive(Debug, Clone)]
pub struct ReadSettings {
    pub topic: String,
    /// The partitions to read; all when empty.
    pub partitions: Vec<i32>,
    pub start: StartAt,
    /// Each partition stops before its first record at or after this time (epoch ms).
    pub stop_ms: Option<i64>,
    pub isolation: Isolation,
    /// Stop after this many records.
    pub count: Option<u64>,
    /// Stop once every partition read is at its end.
    pub exit_at_end: bool,
}

/// What [`read`] hands its caller.
pub enum ReadEvent<'a> {
    /// A partition is left out (an absolute start offset outside its log); the others are read.
    Skipped(&'a Error),
    /// A record of `topic` `partition`.
    Record(&'a str, i32, &'a RecordRef<'a>),
    /// Nothing more for now (a moment to flush output).
    Idle,
}

/// Reads `s.topic` from the cluster, handing each record to `on`, until `s.count` records, every
/// partition's end (with `exit_at_end`) or stop time, or an error. A start offset outside every
/// partition's log is the error of the first.
pub fn read(cluster: &Cluster, s: &ReadSettings, on: &mut dyn FnMut(ReadEvent<'_>) -> Result<()>) -> Result<()> {
    crate::datadir::validate_topic_name(&s.topic)?;
    let t = cluster.topic(&s.topic)?;
    let partitions: Vec<i32> = if s.partitions.is_empty() {
        t.partitions.iter().map(|p| p.partition).collect()
    } else {
        t.check_partitions(&s.partitions)?;
        s.partitions.clone()
    };
    let isolation = match s.isolation {
        Isolation::ReadUncommitted => "read_uncommitted",
        Isolation::ReadCommitted => "read_committed",
    };
    let (mut consumer, skipped) = NetConsumer::assign(cluster, &t, &partitions, s.start, isolation, s.exit_at_end)?;
    if !skipped.is_empty() && skipped.len() == partitions.len() {
        return Err(skipped.into_iter().next().expect("not empty"));
    }
    for e in &skipped {
        on(ReadEvent::Skipped(e))?;
    }
    let skipped_parts = skipped.len();
    let mut open: BTreeSet<i32> = partitions.iter().copied().collect();
    let mut left = s.count;
    loop {
        if left == Some(0) || (s.exit_at_end && open.len() <= skipped_parts) || open.is_empty() {
            return Ok(());
        }
        let mut ended = false;
        let n = consumer.poll_batch(Duration::from_millis(200), &mut |f| {
            match f {
                Fetched::End { partition: p, .. } => {
                    ended = true;
                    if s.exit_at_end {
                        open.remove(&p);
                    }
                }
                // Records after the count or a partition's stop, fetched in the same batch,
                // are left unread.
                Fetched::Record { partition: p, record: r, .. } if left != Some(0) && open.contains(&p) => {
                    if s.stop_ms.is_some_and(|stop| r.timestamp >= stop) {
                        // -o e@TIME: this partition stops before its first record at or after TIME.
                        open.remove(&p);
                    } else {
                        on(ReadEvent::Record(&t.name, p, r))?;
                        if let Some(n) = left.as_mut() {
                            *n -= 1;
                        }
                    }
                }
                Fetched::Record { .. } | Fetched::Failed(_) => {}
            }
            Ok(())
        })?;
        // Caught up with a partition, or nothing came: a moment to flush.
        if n == 0 || ended {
            on(ReadEvent::Idle)?;
        }
    }
}
