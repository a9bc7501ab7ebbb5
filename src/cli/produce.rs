//! `klog produce`: records from stdin into a topic.
//!
//! This file reads the input: it splits stdin on a delimiter (newline by default) or reads
//! JSON lines into records, and hands them to a [`RecordSink`]: the application layer's
//! producer ([`crate::app::producer`], which partitions, batches, appends, replicates and
//! acknowledges), or with `-b` its producer into a Kafka cluster
//! ([`crate::app::producer::KafkaProducer`], through librdkafka). When the input has been idle for
//! `--linger-ms` the sink is told, so that `tail -f log | klog produce t` is durable and lets
//! other writers in. Acknowledged batches are printed with `--print-offsets`.

use super::{out, Ctx, EXIT_OK};
use crate::app::producer::{
    self, AckSink, Acknowledged, KafkaProducer, Producer, ProducerSettings, RecordSink, Warning,
};
use crate::error::{Error, Result};
use crate::output::{format::unescape, json::parse_record};
use crate::record::{Compression, OwnedHeaders};
use std::fs::File;
use std::io::Read;
use std::mem::ManuallyDrop;
use std::os::fd::FromRawFd;
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
struct InputSpec {
    pub delimiter: Vec<u8>,
    pub key_delimiter: Option<Vec<u8>>,
    pub headers: OwnedHeaders,
    pub codec: Compression,
}

/// Checks and reads the options every producer shares (a data directory's or a Kafka cluster's).
fn input_spec(a: &ProduceArgs) -> Result<InputSpec> {
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
    let InputSpec { delimiter, key_delimiter, headers, codec } = input_spec(&a)?;
    let settings = ProducerSettings {
        topic: a.topic.clone(),
        partition: a.partition,
        acks: a.acks.into(),
        compression: codec,
        batch_size: a.batch_size,
        delivery_timeout: Duration::from_millis(a.delivery_timeout_ms),
    };
    let acks = Box::new(Acknowledgements { print_offsets: a.print_offsets });
    if let Some(cluster) = &ctx.kafka {
        // `-b`: records go to the Kafka cluster's producer as they are read.
        let mut prod = KafkaProducer::open(cluster, settings, acks)?;
        let input = pump(&mut prod, &a, &delimiter, key_delimiter.as_deref(), &headers);
        prod.finish(input)?;
        return Ok(EXIT_OK);
    }
    let mut prod = Producer::open(&ctx.loc, settings, acks)?;
    let input = pump(&mut prod, &a, &delimiter, key_delimiter.as_deref(), &headers);
    let topic = prod.topic().name.clone();
    let summary = prod.finish(input)?;
    if a.verbose {
        eprintln!("klog: produced {} records in {} batches to topic {}", summary.records, summary.batches, topic);
    }
    Ok(EXIT_OK)
}

impl From<Acks> for producer::Acks {
    fn from(a: Acks) -> producer::Acks {
        match a {
            Acks::Zero => producer::Acks::Zero,
            Acks::One => producer::Acks::One,
            Acks::All => producer::Acks::All,
        }
    }
}

/// Renders what the producer reports: `--print-offsets` lines on stdout (an acknowledgement
/// each: topic, partition, first and last offset; a Kafka cluster's producer acknowledges each
/// record, so its first and last offsets are the same), warnings on stderr.
struct Acknowledgements {
    print_offsets: bool,
}

impl AckSink for Acknowledgements {
    fn wants_acknowledgements(&self) -> bool {
        self.print_offsets
    }

    fn acknowledged(&mut self, topic: &str, batches: &[Acknowledged]) -> Result<()> {
        if !self.print_offsets || batches.is_empty() {
            return Ok(());
        }
        let mut s = String::new();
        for b in batches {
            s.push_str(&format!("{}\t{}\t{}\t{}\n", topic, b.partition, b.base_offset, b.last_offset));
        }
        out(&s)
    }

    fn warning(&mut self, topic: &str, w: Warning) {
        match w {
            Warning::LeaderUnavailable { partition, error, retry_for } => eprintln!(
                "klog: warning: {}-{}: {}; retrying for up to {} ms (--delivery-timeout-ms)",
                topic,
                partition,
                error,
                retry_for.as_millis()
            ),
            Warning::Resending { partition, leader, batches } => eprintln!(
                "klog: warning: {}-{}: the new leader {} lacks {} unacknowledged batch(es); sending them again",
                topic, partition, leader, batches
            ),
            Warning::ReplicaOutOfSync { partition, why } => {
                eprintln!("klog: warning: {}-{}: replica out of sync: {}", topic, partition, why)
            }
        }
    }
}

fn pump(
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
                prod.idle()?;
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
        prod.between_reads()?;
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
