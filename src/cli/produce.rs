//! `klog produce`: records from stdin into a topic.
//!
//! Input is split on a delimiter (newline by default) or read as JSON lines; records are packed
//! into batches per partition (up to `--batch-size` bytes, never over `max.message.bytes`) and
//! appended under the partition's lock. A batch is sent when it is full, or when the input has
//! been idle for `--linger-ms`; after an idle period the writes are fsynced and the partition
//! locks released, so `tail -f log | klog produce t` is durable and lets other writers in.
//! At exit 0 everything read is on disk (fdatasync), unless `--acks 0`.
//!
//! For a cluster topic the batches go to each partition's leader with its leader epoch, checked
//! against the metadata store once the partition lock is held; acks=all then runs the
//! replication step into every replica before exiting (see `crate::replica::sync_partition`).

use super::{Ctx, EXIT_OK};
use crate::datadir::{DataDir, TopicMeta};
use crate::error::{Error, Result};
use crate::log::{AppendMode, PartitionWriter};
use crate::meta::MetaStore;
use crate::output::{format::unescape, json::parse_record};
use crate::partitioner::partition_for_key;
use crate::record::{BatchBuilder, Compression, OwnedHeaders, HEADER_BYTES};
use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Write};
use std::mem::ManuallyDrop;
use std::os::fd::FromRawFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

pub const LONG_ABOUT: &str = "\
Append records from stdin to a topic.

Records are split on -D (newline by default); -K splits keys from values. Keyed records go to \
Kafka's murmur2 partition; keyless ones stick to a partition for 16 KiB, then move on to the \
next (Kafka's sticky partitioner); or all \
to -p N. With --input json, each line is an object as `klog consume --json` prints it.

Records are packed into batches per partition and appended under the partition's lock. When \
klog produce exits 0, everything it read is on disk (fdatasync), unless --acks 0. With \
long-running input (tail -f | klog produce), a partial batch is sent, fsynced and the lock \
released whenever input is idle for --linger-ms.

For a topic of a cluster (--meta, or a data directory that joined one), records go to each \
partition's leader, stamped with its leader epoch from the metadata store (a stale epoch fails \
with exit 3). With --acks all the producer itself brings the in-sync followers up to date \
before it exits 0 (so it never waits for a follower process), drops unreachable followers \
from the ISR, and moves the high watermark; with fewer in-sync replicas than \
min.insync.replicas it fails with NOT_ENOUGH_REPLICAS before writing anything.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Delimited records (see -D and -K).
    Text,
    /// One JSON object per line: key/key_b64, value/value_b64, headers, timestamp, partition.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Acks {
    /// Do not wait for the disk: no fsync.
    #[value(name = "0")]
    Zero,
    /// The leader has it on disk (fsync before exit).
    #[value(name = "1")]
    One,
    /// Every in-sync replica has it; a standalone directory is its own only replica.
    #[value(name = "all", alias = "-1")]
    All,
}

#[derive(Debug, clap::Args)]
pub struct ProduceArgs {
    /// Topic to write to (or --topic).
    #[arg(value_name = "TOPIC", required_unless_present = "topic_opt")]
    pub topic_pos: Option<String>,
    /// The same as TOPIC: the spelling of Kafka's tools (and kcat's -t).
    #[arg(short = 't', long = "topic", id = "topic_opt", value_name = "TOPIC", conflicts_with = "topic_pos")]
    pub topic_opt: Option<String>,
    #[arg(skip)]
    pub topic: String,
    /// Partition to write every record to (default: by key with Kafka's murmur2 partitioner,
    /// keyless records spread over the partitions batch by batch).
    #[arg(short = 'p', long, value_parser = clap::value_parser!(i32).range(0..))]
    pub partition: Option<i32>,
    /// Record delimiter; escapes \n \t \0 \xHH work.
    #[arg(short = 'D', long, default_value = "\\n", value_name = "DELIM")]
    pub delimiter: String,
    /// Split each record into key and value at the first SEP (a record without SEP has no key).
    #[arg(short = 'K', long, value_name = "SEP")]
    pub key_delimiter: Option<String>,
    /// One key for every record (kcat's -k; with --input json, for records without a key).
    #[arg(short = 'k', long, value_name = "KEY", conflicts_with = "key_delimiter")]
    pub key: Option<String>,
    /// A header for every record, KEY=VALUE (repeatable).
    #[arg(short = 'H', long = "header", value_name = "KEY=VALUE")]
    pub headers: Vec<String>,
    /// Produce an empty value as null (a tombstone).
    #[arg(short = 'Z', long)]
    pub null_empty: bool,
    /// Input format.
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    pub input: InputFormat,
    /// Compression codec for batches: none, gzip, snappy, lz4, zstd (the topic's
    /// compression.type wins unless it is "producer").
    #[arg(short = 'z', long, value_name = "CODEC")]
    pub compression: Option<String>,
    /// Largest batch in bytes before compression (capped at the topic's max.message.bytes).
    #[arg(long, default_value_t = 1 << 20, value_name = "BYTES")]
    pub batch_size: usize,
    /// How long to wait for more input before sending a partial batch, in ms.
    #[arg(long, default_value_t = 5, value_name = "MS")]
    pub linger_ms: u64,
    /// Acknowledgement: 0 (no fsync), 1 (the leader has it on disk) or all (every in-sync replica
    /// has it: for a cluster topic this process copies the batches to the in-sync followers
    /// before exiting 0, and fails with NOT_ENOUGH_REPLICAS when fewer than
    /// min.insync.replicas are in sync). On a standalone directory 1 and all are the same.
    #[arg(long, value_enum, default_value_t = Acks::All)]
    pub acks: Acks,
    /// Timestamp for every record, in ms since the epoch (default: the time it is read).
    #[arg(long, value_name = "MS")]
    pub timestamp: Option<i64>,
    /// Print where each batch landed: topic, partition, first and last offset, tab-separated.
    /// A line is an acknowledgement: it is printed only once its batch is durable (with acks=all
    /// on a cluster topic: once every in-sync replica has it).
    #[arg(long)]
    pub print_offsets: bool,
    /// For a cluster topic: how long to keep retrying when a partition's leader is unavailable
    /// or moving (Kafka's delivery.timeout.ms), in ms. The producer follows the controller's new
    /// leader and sends it the batches it lacks; it fails only after this time.
    #[arg(long, default_value_t = 120_000, value_name = "MS")]
    pub delivery_timeout_ms: u64,
    /// Print a summary on stderr.
    #[arg(short = 'v', long)]
    pub verbose: bool,
}

/// What the producer hands its appender thread.
enum Job {
    Batch {
        partition: i32,
        bytes: Vec<u8>,
    },
    /// Fsync (unless acks=0) and release every partition lock; answer when done.
    Settle(mpsc::Sender<()>),
}

/// The appender thread: owns the partition writers and appends the batches the producer
/// encodes, so that encoding and the write system calls run at the same time.
struct Appender {
    /// The data directory of a standalone topic (a cluster topic's writers go to its leaders).
    dd: Option<DataDir>,
    topic: TopicMeta,
    durable: bool,
    log_append_time: bool,
    print_offsets: bool,
    writers: HashMap<i32, PartitionWriter>,
    /// For a cluster topic: where the leaders are, the batches not yet acknowledged, and how
    /// long to keep trying when a leader becomes unavailable.
    cluster: Option<Box<ClusterLink>>,
    /// The leader epoch each open writer stamps on its batches.
    epochs: HashMap<i32, i32>,
    /// `--print-offsets` lines of batches appended but not yet durable, by partition.
    unflushed_lines: HashMap<i32, Vec<String>>,
    /// Lines of durable batches that still wait for the replicas (cluster topics, acks=all).
    unreplicated_lines: Vec<String>,
}

/// What a cluster producer needs besides the partition writers.
struct ClusterLink {
    store: MetaStore,
    /// Each partition's leader as last seen in the store.
    routes: HashMap<i32, Route>,
    /// Batches appended since the last acknowledgement, kept so that they can be sent again
    /// to a new leader that does not have them.
    unacknowledged: Vec<SentBatch>,
    unacknowledged_bytes: usize,
    delivery_timeout: Duration,
    lock_timeout: Duration,
    /// Partitions whose leader was said to be unavailable (said once per partition).
    warned: std::collections::HashSet<i32>,
}

/// A batch a cluster producer appended and has not yet seen acknowledged.
struct SentBatch {
    partition: i32,
    base_offset: i64,
    leader_epoch: i32,
    crc: u32,
    bytes: Vec<u8>,
}

/// Unacknowledged bytes a cluster producer keeps at most before it stops to acknowledge.
const UNACKNOWLEDGED_BYTES_MAX: usize = 64 << 20;

/// Where a cluster partition's leader is.
#[derive(Clone)]
struct Route {
    dd: DataDir,
    broker: i32,
    leader_epoch: i32,
}

impl ClusterLink {
    /// The current leader of `p`, read from the store.
    fn refresh(&mut self, topic: &str, p: i32) -> Result<Route> {
        let snap = self.store.load()?;
        let ps = snap.partition(topic, p)?;
        if ps.leader < 0 {
            return Err(Error::NotFound(format!("{}-{} has no leader", topic, p)));
        }
        let dd = crate::replica::broker_dir(&snap, ps.leader, self.lock_timeout)?;
        let r = Route { dd, broker: ps.leader, leader_epoch: ps.leader_epoch };
        self.routes.insert(p, r.clone());
        Ok(r)
    }

    /// Runs `attempt` until it succeeds, fails for a reason that waiting cannot cure, or
    /// `--delivery-timeout-ms` has passed since the first failure. Leadership problems (a
    /// leader whose directory is unavailable, a stale leader epoch, no leader yet, a lock held
    /// past its timeout) are waited out, as Kafka's producer retries NOT_LEADER_OR_FOLLOWER.
    fn retry<T>(&mut self, topic: &str, p: i32, mut attempt: impl FnMut(&mut ClusterLink) -> Result<T>) -> Result<T> {
        let deadline = std::time::Instant::now() + self.delivery_timeout;
        let mut pause = Duration::from_millis(20);
        loop {
            match attempt(self) {
                Ok(v) => return Ok(v),
                Err(e) if leadership_problem(&e) && std::time::Instant::now() + pause < deadline => {
                    if self.warned.insert(p) {
                        eprintln!(
                            "klog: warning: {}-{}: {}; retrying for up to {} ms (--delivery-timeout-ms)",
                            topic,
                            p,
                            e,
                            self.delivery_timeout.as_millis()
                        );
                    }
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(500));
                    // A failure to read the store is itself retried by the next attempt.
                    let _ = self.refresh(topic, p);
                }
                Err(e) => return Err(e),
            }
        }
    }
}

/// Errors a producer waits out: the partition's leadership is moving or unreachable.
fn leadership_problem(e: &Error) -> bool {
    matches!(e, Error::NotFound(_) | Error::Conflict(_) | Error::Io { .. })
}

impl Appender {
    /// Opens the writer of cluster partition `p` on its leader, checking under the partition
    /// lock that the leader still leads at the epoch the batches will carry.
    fn open_cluster_writer(&mut self, p: i32) -> Result<(PartitionWriter, i32)> {
        let topic = self.topic.clone();
        let link = self.cluster.as_deref_mut().expect("a cluster producer");
        link.retry(&topic.name, p, |link| {
            let r = match link.routes.get(&p) {
                Some(r) => r.clone(),
                None => link.refresh(&topic.name, p)?,
            };
            let w = r.dd.open_writer(&topic, p)?;
            crate::replica::check_leader(&link.store, &topic.name, p, r.broker, r.leader_epoch)?;
            Ok((w, r.leader_epoch))
        })
    }

    fn append(&mut self, p: i32, batch: &mut [u8]) -> Result<()> {
        if !self.writers.contains_key(&p) {
            let (mut w, epoch) = match self.cluster {
                Some(_) => self.open_cluster_writer(p)?,
                None => (self.dd.as_ref().expect("a standalone topic's directory").open_writer(&self.topic, p)?, 0),
            };
            w.set_durable(self.durable);
            self.writers.insert(p, w);
            self.epochs.insert(p, epoch);
        }
        let leader_epoch = self.epochs.get(&p).copied().unwrap_or(0);
        let w = self.writers.get_mut(&p).expect("opened above");
        if self.log_append_time {
            crate::record::set_log_append_time(batch, crate::timefmt::now_ms());
        }
        let info = w.append_batch(batch, AppendMode::Leader { leader_epoch })?;
        let flushed = self.durable && w.maybe_flush()?;
        if let Some(link) = self.cluster.as_deref_mut() {
            let crc = crate::record::BatchHeader::parse(batch).map(|h| h.crc).unwrap_or(0);
            link.unacknowledged_bytes += batch.len();
            link.unacknowledged.push(SentBatch {
                partition: p,
                base_offset: info.base_offset,
                leader_epoch,
                crc,
                bytes: batch.to_vec(),
            });
        }
        if self.print_offsets {
            let line = format!("{}\t{}\t{}\t{}\n", self.topic.name, p, info.base_offset, info.last_offset);
            self.unflushed_lines.entry(p).or_default().push(line);
            // An acknowledgement is printed only once what it acknowledges is durable.
            if !self.durable || flushed {
                self.lines_durable(Some(p))?;
            }
        }
        Ok(())
    }

    /// The lines of partition `p` (every partition when `None`) became durable: print them,
    /// or, when the replicas must have them first, keep them for [`Appender::acknowledge`].
    fn lines_durable(&mut self, p: Option<i32>) -> Result<()> {
        let lines: Vec<String> = match p {
            Some(p) => self.unflushed_lines.remove(&p).unwrap_or_default(),
            None => {
                let mut all: Vec<(i32, Vec<String>)> = self.unflushed_lines.drain().collect();
                all.sort_by_key(|(p, _)| *p);
                all.into_iter().flat_map(|(_, l)| l).collect()
            }
        };
        if self.cluster.is_some() {
            self.unreplicated_lines.extend(lines);
            return Ok(());
        }
        print_lines(&lines)
    }

    /// Sends partial batches, then waits until they are fsynced (unless acks=0) and every
    /// partition lock is released.
    fn settle(&mut self) -> Result<()> {
        if self.durable {
            if self.writers.len() > 1 {
                // Keyless records spread over the partitions: their fdatasyncs overlap.
                std::thread::scope(|scope| {
                    let flushes: Vec<_> = self.writers.values_mut().map(|w| scope.spawn(move || w.flush())).collect();
                    flushes.into_iter().try_for_each(|h| h.join().unwrap_or_else(|_| Err(Sink::stopped())))
                })?;
            } else {
                for w in self.writers.values_mut() {
                    w.flush()?;
                }
            }
        }
        self.writers.clear();
        self.lines_durable(None)
    }

    /// For a cluster topic, after [`Appender::settle`]: acknowledges what was appended (see
    /// [`acknowledge_partition`]), following the leadership to a new leader and sending it the
    /// batches it lacks; then prints the acknowledged `--print-offsets` lines.
    fn acknowledge(&mut self, a: &ProduceArgs) -> Result<()> {
        if self.cluster.is_none() || a.acks == Acks::Zero {
            let lines = std::mem::take(&mut self.unreplicated_lines);
            return print_lines(&lines);
        }
        let targets: Vec<i32> = match a.partition {
            Some(p) => vec![p],
            None => (0..self.topic.partitions).collect(),
        };
        for p in targets {
            let mut rounds = 0;
            loop {
                let resend = self.missing_on_leader(p)?;
                if !resend.is_empty() {
                    // The leader changed and lacks some of our batches: send them again there.
                    for mut bytes in resend {
                        self.append(p, &mut bytes)?;
                    }
                    self.settle()?;
                }
                let topic = self.topic.clone();
                let link = self.cluster.as_deref_mut().expect("checked above");
                let all = a.acks == Acks::All;
                link.retry(&topic.name, p, |link| acknowledge_partition(link, &topic, p, all))?;
                // The leadership may have moved again while we acknowledged.
                if self.all_on_leader(p)? {
                    break;
                }
                rounds += 1;
                if rounds >= 5 {
                    return Err(Error::Conflict(format!(
                        "{}-{}: the leadership kept moving while the records were acknowledged; they are not acknowledged",
                        topic.name, p
                    )));
                }
            }
        }
        let link = self.cluster.as_deref_mut().expect("checked above");
        link.unacknowledged.clear();
        link.unacknowledged_bytes = 0;
        let lines = std::mem::take(&mut self.unreplicated_lines);
        print_lines(&lines)
    }

    /// The unacknowledged batches of `p` that its current leader lacks (removed from the kept
    /// list, to be appended again); none when the leader is the one they were written to.
    fn missing_on_leader(&mut self, p: i32) -> Result<Vec<Vec<u8>>> {
        let topic = self.topic.clone();
        let link = self.cluster.as_deref_mut().expect("a cluster producer");
        if !link.unacknowledged.iter().any(|b| b.partition == p) {
            return Ok(Vec::new());
        }
        let route = link.retry(&topic.name, p, |link| link.refresh(&topic.name, p))?;
        let mut missing = Vec::new();
        let mut kept = Vec::new();
        let mut gone_lines = Vec::new();
        for b in std::mem::take(&mut link.unacknowledged) {
            if b.partition != p {
                kept.push(b);
                continue;
            }
            // Batches stay in order: after the first missing one, every later one is sent again.
            let present = missing.is_empty()
                && (b.leader_epoch == route.leader_epoch || has_batch(&route.dd, &topic, p, b.base_offset, b.crc)?);
            if present {
                kept.push(b);
            } else {
                gone_lines.push(format!("{}\t{}\t{}\t", topic.name, p, b.base_offset));
                missing.push(b.bytes);
            }
        }
        link.unacknowledged_bytes = kept.iter().map(|b| b.bytes.len()).sum();
        link.unacknowledged = kept;
        if !missing.is_empty() {
            eprintln!(
                "klog: warning: {}-{}: the new leader {} lacks {} unacknowledged batch(es); sending them again",
                topic.name,
                p,
                route.broker,
                missing.len()
            );
            // Their lines named offsets on the old leader; the new appends print their own.
            self.unreplicated_lines.retain(|l| !gone_lines.iter().any(|g| l.starts_with(g.as_str())));
        }
        Ok(missing)
    }

    /// Whether every unacknowledged batch of `p` is on the partition's current leader.
    fn all_on_leader(&mut self, p: i32) -> Result<bool> {
        let topic = self.topic.clone();
        let link = self.cluster.as_deref_mut().expect("a cluster producer");
        let route = link.retry(&topic.name, p, |link| link.refresh(&topic.name, p))?;
        for b in link.unacknowledged.iter().filter(|b| b.partition == p && b.leader_epoch != route.leader_epoch) {
            if !has_batch(&route.dd, &topic, p, b.base_offset, b.crc)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Runs until the producer hangs up, then settles. The first error stops all appending
    /// (later batches are dropped, never written out of order) and is returned.
    fn run(
        mut self,
        jobs: mpsc::Receiver<Job>,
        recycle: mpsc::SyncSender<Vec<u8>>,
        failed: Arc<AtomicBool>,
    ) -> Result<()> {
        let mut error = None;
        for job in jobs {
            match job {
                Job::Batch { partition, mut bytes } => {
                    if error.is_none() {
                        if let Err(e) = self.append(partition, &mut bytes) {
                            failed.store(true, Ordering::SeqCst);
                            error = Some(e);
                        }
                    }
                    let _ = recycle.try_send(bytes);
                }
                Job::Settle(reply) => {
                    if error.is_none() {
                        if let Err(e) = self.settle() {
                            failed.store(true, Ordering::SeqCst);
                            error = Some(e);
                        }
                    }
                    let _ = reply.send(());
                }
            }
        }
        match error {
            Some(e) => {
                // What was written before the error is still made durable, and acknowledged.
                let _ = self.settle();
                Err(e)
            }
            None => self.settle(),
        }
    }
}

/// Whether partition `p` in `dd` holds a batch at `base_offset` with checksum `crc`: the same
/// batch (a replica's copy is byte for byte the leader's).
fn has_batch(dd: &DataDir, topic: &TopicMeta, p: i32, base_offset: i64, crc: u32) -> Result<bool> {
    let reader = dd.open_reader(topic, p)?;
    if base_offset < reader.log_start_offset() || base_offset >= reader.log_end_offset()? {
        return Ok(false);
    }
    let mut cursor = reader.cursor(base_offset);
    Ok(match cursor.next_batch()? {
        Some((h, _)) => h.base_offset == base_offset && h.crc == crc,
        None => false,
    })
}

fn print_lines(lines: &[String]) -> Result<()> {
    if lines.is_empty() {
        return Ok(());
    }
    let mut out = std::io::stdout().lock();
    for l in lines {
        out.write_all(l.as_bytes()).map_err(Error::Stream)?;
    }
    out.flush().map_err(Error::Stream)
}

/// Splits input records over partitions and packs them into batches for the appender.
struct Producer {
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

/// Bytes of keyless records one partition takes before the next keyless record goes to the
/// next partition: Kafka's producer moves on after `batch.size` (16 KiB by default, KIP-794),
/// while klog's write batches stay large (`--batch-size`) for speed.
pub const STICKY_PARTITION_BYTES: usize = 16 << 10;

/// Where finished batches go: appended right here while the input is small (a one-record
/// produce should not pay for a thread), then, from the first full batch on, by an appender
/// thread, so that encoding and the write system calls overlap.
enum Sink {
    Inline(Box<Appender>),
    Thread {
        jobs: mpsc::SyncSender<Job>,
        recycled: mpsc::Receiver<Vec<u8>>,
        failed: Arc<AtomicBool>,
        handle: std::thread::JoinHandle<Result<()>>,
    },
    /// Only while switching from one to the other.
    Switching,
}

impl Sink {
    fn stopped() -> Error {
        Error::Invalid("the appender stopped".into())
    }

    /// The appender thread failed: stop feeding it (its error comes back when it is joined).
    fn check(&self) -> Result<()> {
        match self {
            Sink::Thread { failed, .. } if failed.load(Ordering::SeqCst) => Err(Self::stopped()),
            _ => Ok(()),
        }
    }

    fn go_parallel(&mut self) {
        if let Sink::Inline(_) = self {
            let Sink::Inline(appender) = std::mem::replace(self, Sink::Switching) else {
                unreachable!("matched Inline above")
            };
            let (jobs, job_rx) = mpsc::sync_channel(4);
            let (recycle, recycled) = mpsc::sync_channel(8);
            let failed = Arc::new(AtomicBool::new(false));
            let flag = failed.clone();
            let handle = std::thread::spawn(move || (*appender).run(job_rx, recycle, flag));
            *self = Sink::Thread { jobs, recycled, failed, handle };
        }
    }

    /// A buffer for the next batch: one the appender is done with, if any.
    fn spare(&mut self) -> Vec<u8> {
        match self {
            Sink::Thread { recycled, .. } => recycled.try_recv().unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    /// Appends a batch (inline) or hands it over; returns the buffer when it comes straight back.
    fn send(&mut self, partition: i32, mut bytes: Vec<u8>) -> Result<Option<Vec<u8>>> {
        match self {
            Sink::Inline(a) => {
                a.append(partition, &mut bytes)?;
                Ok(Some(bytes))
            }
            Sink::Thread { jobs, .. } => {
                jobs.send(Job::Batch { partition, bytes }).map_err(|_| Self::stopped())?;
                Ok(None)
            }
            Sink::Switching => Err(Self::stopped()),
        }
    }

    fn settle(&mut self) -> Result<()> {
        match self {
            Sink::Inline(a) => a.settle(),
            Sink::Thread { jobs, .. } => {
                let (tx, rx) = mpsc::channel();
                if jobs.send(Job::Settle(tx)).is_err() || rx.recv().is_err() {
                    return Err(Self::stopped());
                }
                self.check()
            }
            Sink::Switching => Err(Self::stopped()),
        }
    }

    /// Settles for the last time and reports the appender's first error.
    fn finish(self) -> Result<()> {
        match self {
            Sink::Inline(mut a) => a.settle(),
            Sink::Thread { jobs, handle, .. } => {
                drop(jobs);
                handle.join().unwrap_or_else(|_| Err(Error::Invalid("the appender thread panicked".into())))
            }
            Sink::Switching => Err(Self::stopped()),
        }
    }
}

impl Producer {
    fn choose(&mut self, explicit: Option<i32>, key: Option<&[u8]>) -> Result<i32> {
        let n = self.topic.partitions;
        let p = match (explicit, key) {
            (Some(p), _) => p,
            (None, Some(k)) => partition_for_key(k, n),
            (None, None) => self.sticky,
        };
        if p < 0 || p >= n {
            return Err(Error::NotFound(format!(
                "partition {} does not exist in topic '{}' (it has partitions 0..{})",
                p,
                self.topic.name,
                n - 1
            )));
        }
        Ok(p)
    }

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
            return Err(Error::Invalid(format!(
                "compacted topic '{}' cannot accept record {} without a key (give records keys with -K SEP, or \"key\" with --input json)",
                self.topic.name,
                self.records + 1
            )));
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
            return Err(Error::Invalid(format!(
                "record {} of {} bytes is larger than max.message.bytes ({}) of topic '{}'",
                self.records + 1,
                key.map_or(0, <[u8]>::len) + value.map_or(0, <[u8]>::len),
                self.max_message_bytes,
                self.topic.name
            )));
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
        if let Sink::Inline(a) = &self.sink {
            if a.cluster.as_ref().is_some_and(|c| c.unacknowledged_bytes > UNACKNOWLEDGED_BYTES_MAX) {
                self.wants_acknowledgement = true;
            }
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
    fn settle(&mut self) -> Result<()> {
        self.emit_all()?;
        self.sink.settle()?;
        self.unsettled = false;
        Ok(())
    }

    /// Settles, then (for a cluster topic) acknowledges what was appended and prints its
    /// `--print-offsets` lines.
    fn acknowledge(&mut self, a: &ProduceArgs) -> Result<()> {
        self.settle()?;
        self.wants_acknowledgement = false;
        match &mut self.sink {
            Sink::Inline(appender) => appender.acknowledge(a),
            _ => Ok(()),
        }
    }
}

/// Waits until stdin is readable, or `timeout_ms` passes (-1: forever). True when readable.
fn stdin_ready(timeout_ms: i32) -> bool {
    let mut fds = libc::pollfd { fd: 0, events: libc::POLLIN, revents: 0 };
    // SAFETY: `fds` is a valid pollfd array of length 1 that outlives the call.
    let r = unsafe { libc::poll(&mut fds, 1, timeout_ms) };
    r != 0
}

fn parse_headers(hs: &[String]) -> Result<OwnedHeaders> {
    hs.iter()
        .map(|h| {
            let (k, v) =
                h.split_once('=').ok_or_else(|| Error::Usage(format!("header '{}' must be written KEY=VALUE", h)))?;
            if k.is_empty() {
                return Err(Error::Usage(format!("header '{}' has an empty key", h)));
            }
            Ok((k.as_bytes().to_vec(), Some(v.as_bytes().to_vec())))
        })
        .collect()
}

/// The input options read together: delimiters, fixed headers, the codec asked for.
pub(super) struct InputSpec {
    pub delimiter: Vec<u8>,
    pub key_delimiter: Option<Vec<u8>>,
    pub headers: OwnedHeaders,
    pub codec: Compression,
}

/// Checks and reads the options every producer shares (a data directory's or a Kafka cluster's).
pub(super) fn input_spec(a: &ProduceArgs) -> Result<InputSpec> {
    let delimiter = unescape(&a.delimiter)?;
    if delimiter.is_empty() {
        return Err(Error::Usage("the record delimiter (-D) must not be empty".into()));
    }
    let key_delimiter = match &a.key_delimiter {
        Some(k) => {
            let k = unescape(k)?;
            if k.is_empty() {
                return Err(Error::Usage("the key delimiter (-K) must not be empty".into()));
            }
            Some(k)
        }
        None => None,
    };
    let headers = parse_headers(&a.headers)?;
    let codec = match &a.compression {
        None => Compression::None,
        Some(c) => Compression::parse(c)
            .ok_or_else(|| Error::Usage(format!("unknown compression '{}' (none, gzip, snappy, lz4, zstd)", c)))?,
    };
    if let Some(t) = a.timestamp.filter(|t| *t < 0) {
        return Err(Error::Usage(format!("--timestamp {} must not be negative", t)));
    }
    if a.batch_size == 0 {
        return Err(Error::Usage("--batch-size must be at least 1".into()));
    }
    crate::datadir::validate_topic_name(&a.topic)?;
    Ok(InputSpec { delimiter, key_delimiter, headers, codec })
}

pub fn run(ctx: &Ctx, a: ProduceArgs) -> Result<i32> {
    let InputSpec { delimiter, key_delimiter, headers: fixed_headers, codec: producer_codec } = input_spec(&a)?;
    let (dd, topic, cluster) = match ctx.cluster_topic(&a.topic)? {
        Some((store, snap)) => {
            let (topic, routes) = cluster_routes(ctx, &snap, &a)?;
            let link = ClusterLink {
                store,
                routes,
                unacknowledged: Vec::new(),
                unacknowledged_bytes: 0,
                delivery_timeout: Duration::from_millis(a.delivery_timeout_ms),
                lock_timeout: ctx.lock_timeout,
                warned: Default::default(),
            };
            (None, topic, Some(Box::new(link)))
        }
        None => {
            // Produce never creates a topic, so it never needs to create a data directory: a
            // mistyped --data-dir is an error that leaves nothing behind.
            if !ctx.data_dir.exists() {
                return Err(Error::NotFound(format!(
                    "topic '{}' does not exist: there is no data directory {} (create the topic with `klog topic create {}`)",
                    a.topic,
                    ctx.data_dir.display(),
                    a.topic
                )));
            }
            let dd = ctx.open()?;
            let topic = dd.topic(&a.topic)?;
            if let Some(p) = a.partition {
                dd.check_partition(&topic, p)?;
            }
            (Some(dd), topic, None)
        }
    };
    let codec = match topic.config.get("compression.type") {
        "producer" => producer_codec,
        "uncompressed" => Compression::None,
        other => Compression::parse(other).unwrap_or(producer_codec),
    };
    let max_message_bytes = topic.config.log_config().max_message_bytes;
    let partitions = topic.partitions;
    let log_append_time = topic.config.get("message.timestamp.type") == "LogAppendTime";
    let is_cluster = cluster.is_some();
    let appender = Appender {
        dd,
        topic: topic.clone(),
        durable: a.acks != Acks::Zero,
        log_append_time,
        print_offsets: a.print_offsets,
        writers: HashMap::new(),
        cluster,
        epochs: HashMap::new(),
        unflushed_lines: HashMap::new(),
        unreplicated_lines: Vec::new(),
    };
    let mut prod = Producer {
        topic,
        codec,
        // A compressed batch can come out a little larger than its records (incompressible
        // data): keep a margin below max.message.bytes so that the batch still fits.
        batch_limit: if codec == Compression::None {
            a.batch_size.min(max_message_bytes)
        } else {
            a.batch_size.min(max_message_bytes - (max_message_bytes / 64 + 64).min(max_message_bytes / 2))
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
    };
    let result = pump(&mut prod, &a, &delimiter, key_delimiter.as_deref(), &fixed_headers);
    // Whatever was read before an error is still written and made durable: send the partial
    // batches, then acknowledge (a cluster topic) and hang up.
    let sent = prod.emit_all();
    let acknowledged = if is_cluster && sent.is_ok() { prod.acknowledge(&a) } else { Ok(()) };
    let Producer { sink, records, batches, topic, .. } = prod;
    let appended = sink.finish();
    // The appender's own error explains a failure best; then the input's.
    appended?;
    result?;
    sent?;
    acknowledged?;
    if a.verbose {
        eprintln!("klog: produced {} records in {} batches to topic {}", records, batches, topic.name);
    }
    Ok(EXIT_OK)
}

/// For a cluster topic: the leader of every partition the producer may write, as far as the
/// store knows one now (a missing or unreachable leader is waited for when the first batch
/// goes there). With acks=all, each partition must have at least min.insync.replicas in sync,
/// checked before anything is written.
fn cluster_routes(
    ctx: &Ctx,
    snap: &crate::meta::Snapshot,
    a: &ProduceArgs,
) -> Result<(TopicMeta, HashMap<i32, Route>)> {
    let topic = crate::replica::topic_meta(snap, &a.topic)?;
    let targets: Vec<i32> = match a.partition {
        Some(p) => {
            snap.partition(&a.topic, p)?;
            vec![p]
        }
        None => (0..topic.partitions).collect(),
    };
    let min_isr = topic.config.get_i64("min.insync.replicas").max(1) as usize;
    let mut routes = HashMap::new();
    for &p in &targets {
        let ps = snap.partition(&a.topic, p)?;
        if a.acks == Acks::All && ps.isr.len() < min_isr {
            return Err(Error::Invalid(format!(
                "NOT_ENOUGH_REPLICAS: {}-{} has {} in-sync replica(s) [{}], fewer than min.insync.replicas={}; nothing was written",
                a.topic,
                p,
                ps.isr.len(),
                super::topic::join_ids(&ps.isr),
                min_isr
            )));
        }
        if ps.leader < 0 {
            continue;
        }
        if let Ok(dd) = crate::replica::broker_dir(snap, ps.leader, ctx.lock_timeout) {
            routes.insert(p, Route { dd, broker: ps.leader, leader_epoch: ps.leader_epoch });
        }
    }
    Ok((topic, routes))
}

/// Acknowledges partition `p` of a cluster topic: with `all` (acks=all) brings every replica up
/// to date (this process copies the batches, so acks=all never waits for a follower process),
/// drops unreachable followers from the ISR, moves the high watermark, and fails with
/// NOT_ENOUGH_REPLICAS when the ISR fell below min.insync.replicas. acks=1 only moves the high
/// watermark.
fn acknowledge_partition(link: &mut ClusterLink, topic: &TopicMeta, p: i32, all: bool) -> Result<()> {
    let min_isr = topic.config.get_i64("min.insync.replicas").max(1) as usize;
    let rep = crate::replica::sync_partition(&link.store, &topic.name, p, all, link.lock_timeout)?;
    let why: Vec<String> = rep.failed.iter().map(|(_, why)| why.clone()).collect();
    if all && rep.isr.len() < min_isr {
        return Err(Error::Invalid(format!(
            "NOT_ENOUGH_REPLICAS: {}-{}: only {} replica(s) [{}] hold the records, fewer than \
             min.insync.replicas={}; the leader has them but they are not acknowledged ({})",
            topic.name,
            p,
            rep.isr.len(),
            super::topic::join_ids(&rep.isr),
            min_isr,
            why.join("; ")
        )));
    }
    for w in why {
        eprintln!("klog: warning: {}-{}: replica out of sync: {}", topic.name, p, w);
    }
    Ok(())
}

/// Where `pump` puts the records it reads: a data directory's producer, or a Kafka cluster's.
pub(super) trait RecordSink {
    fn add(
        &mut self,
        partition: Option<i32>,
        timestamp: i64,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        headers: &[(&[u8], Option<&[u8]>)],
    ) -> Result<()>;
    /// Records are waiting to be sent or acknowledged (input idle for --linger-ms calls `idle`).
    fn busy(&self) -> bool;
    /// Input has been idle for --linger-ms: send, make durable and acknowledge what is pending.
    fn idle(&mut self, a: &ProduceArgs) -> Result<()>;
    /// Between reads: anything that cannot wait for the input to go idle.
    fn between_reads(&mut self, _a: &ProduceArgs) -> Result<()> {
        Ok(())
    }
}

impl RecordSink for Producer {
    fn add(
        &mut self,
        partition: Option<i32>,
        timestamp: i64,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        headers: &[(&[u8], Option<&[u8]>)],
    ) -> Result<()> {
        Producer::add(self, partition, timestamp, key, value, headers)
    }

    fn busy(&self) -> bool {
        self.pending() || self.unsettled
    }

    fn idle(&mut self, a: &ProduceArgs) -> Result<()> {
        if self.busy() && self.cluster {
            // A cluster producer with long-running input acknowledges at every idle pause:
            // the followers are brought up to date and the high watermark moves.
            self.acknowledge(a)
        } else {
            self.settle()
        }
    }

    fn between_reads(&mut self, a: &ProduceArgs) -> Result<()> {
        if self.wants_acknowledgement {
            self.acknowledge(a)?;
        }
        Ok(())
    }
}

pub(super) fn pump(
    prod: &mut dyn RecordSink,
    a: &ProduceArgs,
    delim: &[u8],
    key_delim: Option<&[u8]>,
    fixed_headers: &OwnedHeaders,
) -> Result<()> {
    // SAFETY: fd 0 is open for the life of the process; ManuallyDrop keeps us from closing it.
    let mut stdin = ManuallyDrop::new(unsafe { File::from_raw_fd(0) });
    let headers: Vec<(&[u8], Option<&[u8]>)> =
        fixed_headers.iter().map(|(k, v)| (k.as_slice(), v.as_deref())).collect();
    let finder = memchr::memmem::Finder::new(delim);
    let key_finder = key_delim.map(memchr::memmem::Finder::new);
    let linger_ms = a.linger_ms.min(i32::MAX as u64) as i32;
    // The read size starts small (a one-line produce should not touch megabytes of memory) and
    // doubles while reads fill it, up to READ_BYTES_MAX.
    const READ_BYTES_MAX: usize = 4 << 20;
    let mut read_size = 8 << 10;
    // `buf[start..len]` is unread input; `buf` beyond `len` is scratch space for the next read,
    // zeroed once when it grows rather than before every read.
    let mut buf: Vec<u8> = Vec::new();
    let mut len = 0usize;
    let mut start = 0usize;
    let mut line_no = 0usize;
    let mut eof = false;
    while !eof {
        // Wait for input; when it has been idle for --linger-ms, settle (send, fsync, unlock).
        if !stdin_ready(0) {
            let busy = prod.busy();
            if !stdin_ready(if busy { linger_ms } else { -1 }) {
                prod.idle(a)?;
                continue;
            }
        }
        if start > 0 {
            buf.copy_within(start..len, 0);
            len -= start;
            start = 0;
        }
        let want = len + read_size.max(len);
        if buf.len() < want {
            buf.resize(want, 0);
        }
        let n = loop {
            match stdin.read(&mut buf[len..want]) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(Error::Stream(e)),
            }
        };
        eof = n == 0;
        if n == want - len {
            read_size = (read_size * 2).min(READ_BYTES_MAX);
        }
        len += n;
        prod.between_reads(a)?;
        let ts = a.timestamp.unwrap_or_else(crate::timefmt::now_ms);
        // Every complete record in the buffer; at EOF, the rest is a last record if non-empty.
        loop {
            let rec = match finder.find(&buf[start..len]) {
                Some(i) => {
                    let r = start..start + i;
                    start += i + delim.len();
                    r
                }
                None if eof && start < len => {
                    let r = start..len;
                    start = len;
                    r
                }
                None => break,
            };
            line_no += 1;
            let bytes = &buf[rec];
            match a.input {
                InputFormat::Text => {
                    let (key, value) = match &key_finder {
                        Some(kf) => match kf.find(bytes) {
                            Some(i) => (Some(&bytes[..i]), &bytes[i + kf.needle().len()..]),
                            None => (None, bytes),
                        },
                        None => (a.key.as_deref().map(str::as_bytes), bytes),
                    };
                    let value = if a.null_empty && value.is_empty() { None } else { Some(value) };
                    prod.add(a.partition, ts, key, value, &headers)?;
                }
                InputFormat::Json => {
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let r = parse_record(bytes, line_no)?;
                    if let Some(t) = r.timestamp.filter(|t| *t < 0) {
                        return Err(Error::Invalid(format!(
                            "input line {}: timestamp {} must not be negative",
                            line_no, t
                        )));
                    }
                    let mut hs: Vec<(&[u8], Option<&[u8]>)> = headers.clone();
                    hs.extend(r.headers.iter().map(|(k, v)| (k.as_slice(), v.as_deref())));
                    let value = match r.value.as_deref() {
                        Some(v) if a.null_empty && v.is_empty() => None,
                        v => v,
                    };
                    let key = r.key.as_deref().or(a.key.as_deref().map(str::as_bytes));
                    prod.add(a.partition.or(r.partition), r.timestamp.unwrap_or(ts), key, value, &hs)?;
                }
            }
        }
    }
    Ok(())
}
