//! `klog consume`: records from a topic to stdout.
//!
//! Offsets use kcat's grammar, applied to each partition read: `beginning` (or `earliest`),
//! `end` (or `latest`), `N` (absolute), `-N` (N before the end), `s@T` (the first record at or
//! after time T, in epoch ms or RFC 3339). By default klog reads from the beginning; it exits at
//! the end of the log when stdout is not a terminal (scripts, pipes), and follows like `tail -f`
//! on a terminal. `-e` and `-f` choose explicitly.

use super::catalog::Catalog;
use super::{Ctx, EXIT_OK};
use crate::error::{Error, Result};
use crate::output::format::Format;
use crate::output::json;
use crate::record::isolation::CommittedFilter;
use crate::record::{BatchHeader, RecordRef, RecordsSection};
use crate::replica::feed::{FeedEvent, PartitionFeed};
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

pub const LONG_ABOUT: &str = "\
Read records from a topic to stdout.

-o takes kcat's offset grammar, applied to each partition read: beginning (or earliest, the \
default), end (or latest), N, -N (N before the end), s@TIME (the first record at or after TIME, \
in epoch ms or RFC 3339). An absolute offset outside the log is an error.

Without -e or -f, klog exits at the end of the log when stdout is not a terminal and follows \
new records on a terminal. A closed pipe (klog consume t | head) ends quietly with status 0.

A topic of a cluster is read from each partition's current leader, below its high watermark; \
when the controller moves leadership, klog continues at the same offset on the new leader and \
says so on stderr. Consumer groups of a cluster keep their state and offsets beside the \
metadata store (M/coordinator).";

#[derive(Debug, clap::Args)]
pub struct ConsumeArgs {
    /// Topic to read; a group member may name several (or none, to resume the group's).
    #[arg(required_unless_present = "group")]
    pub topics: Vec<String>,
    /// Partition to read (repeatable; default: all).
    #[arg(short = 'p', long = "partition")]
    pub partitions: Vec<i32>,
    /// Where to start: beginning|earliest, end|latest, N, -N (N before the end), s@TIME.
    /// (Default: beginning; for a group member, its committed offset.)
    #[arg(short = 'o', long, allow_hyphen_values = true, value_name = "SPEC")]
    pub offset: Option<String>,
    /// Stop after this many records.
    #[arg(short = 'c', long, value_name = "N")]
    pub count: Option<u64>,
    /// Exit at the end of the log (the default when stdout is not a terminal).
    #[arg(short = 'e', long, conflicts_with = "follow")]
    pub exit_at_end: bool,
    /// Keep reading as records arrive, like tail -f (the default on a terminal).
    #[arg(short = 'f', long)]
    pub follow: bool,
    /// Output format with kcat's tokens: %t %p %o %k %K %s %S %T %h %%, escapes \n \t.
    #[arg(long, default_value = "%s\\n", conflicts_with = "json", value_name = "FMT")]
    pub format: String,
    /// One JSON object per record (the form `produce --input json` reads back).
    #[arg(short = 'J', long)]
    pub json: bool,
    /// Kafka's isolation.level: read_uncommitted returns every record; read_committed skips the
    /// records of aborted transactions and stops before a transaction still open, as a Kafka
    /// consumer does. Control batches (transaction markers) are never returned.
    #[arg(long, value_enum, default_value_t = IsolationArg::ReadUncommitted, value_name = "LEVEL")]
    pub isolation: IsolationArg,
    #[command(flatten)]
    pub group: super::group_consume::GroupArgs,
}

/// `--isolation`, with Kafka's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[clap(rename_all = "snake_case")]
pub enum IsolationArg {
    ReadUncommitted,
    ReadCommitted,
}

/// A parsed `-o` spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffsetSpec {
    Beginning,
    End,
    Absolute(i64),
    FromEnd(i64),
    Time(i64),
}

/// Parses a time: epoch milliseconds or RFC 3339.
pub fn parse_time(s: &str) -> Result<i64> {
    if let Ok(ms) = s.parse::<i64>() {
        if ms < 0 {
            return Err(Error::Usage(format!("time {} must not be negative", ms)));
        }
        return Ok(ms);
    }
    crate::timefmt::parse_rfc3339_ms(s).ok_or_else(|| {
        Error::Usage(format!("cannot read time '{}' (use epoch ms or RFC 3339, e.g. 2024-05-01T12:00:00Z)", s))
    })
}

pub fn parse_offset_spec(s: &str) -> Result<OffsetSpec> {
    Ok(match s {
        "beginning" | "earliest" => OffsetSpec::Beginning,
        "end" | "latest" => OffsetSpec::End,
        _ if s.starts_with("s@") => OffsetSpec::Time(parse_time(&s[2..])?),
        _ if s.starts_with('-') => match s[1..].parse::<i64>() {
            Ok(n) if n >= 0 => OffsetSpec::FromEnd(n),
            _ => return Err(Error::Usage(format!("invalid offset '{}' (-N needs a whole number N)", s))),
        },
        _ => match s.parse::<i64>() {
            Ok(n) => OffsetSpec::Absolute(n),
            Err(_) => {
                return Err(Error::Usage(format!("invalid offset '{}' (use beginning, end, N, -N or s@TIME)", s)))
            }
        },
    })
}

/// Resolves a spec to an offset in one partition; an absolute offset outside the log is an error.
/// Where `spec` points in a partition. `end` is what a consumer may read up to: the high
/// watermark of a cluster partition, else the log end.
pub fn resolve(spec: OffsetSpec, feed: &PartitionFeed, topic: &str, partition: i32) -> Result<i64> {
    let r = feed.reader();
    let start = r.log_start_offset();
    let end = feed.end_offset()?;
    Ok(match spec {
        OffsetSpec::Beginning => start,
        OffsetSpec::End => end,
        OffsetSpec::FromEnd(n) => end.saturating_sub(n).max(start),
        OffsetSpec::Time(t) => r.offset_for_timestamp(t)?.unwrap_or(end),
        OffsetSpec::Absolute(n) => {
            let log_end = r.log_end_offset()?;
            if n < start || n > log_end {
                return Err(Error::Invalid(format!(
                    "offset {} is out of range for {}-{} (valid offsets are {}..{})",
                    n, topic, partition, start, log_end
                )));
            }
            n
        }
    })
}

/// How long a consumer that exits at the end (`-e`) has waited for partitions without a
/// readable leader: as long as for a lock, then it fails naming them.
#[derive(Default)]
pub struct LeaderWait {
    since: Option<Instant>,
}

impl LeaderWait {
    /// `waiting`: the partitions (`topic-p`) without a readable leader now; none resets the wait.
    pub fn check(&mut self, waiting: &[String], timeout: Duration) -> Result<()> {
        if waiting.is_empty() {
            self.since = None;
            return Ok(());
        }
        let since = *self.since.get_or_insert_with(Instant::now);
        if since.elapsed() > timeout {
            return Err(Error::NotFound(format!(
                "no leader could be read for {} within {} ms",
                waiting.join(", "),
                timeout.as_millis()
            )));
        }
        Ok(())
    }
}

/// Opens a partition's feed. A cluster partition without a leader that can be read (a failover
/// under way, an offline partition) is waited for, saying so once: until `deadline` (one for
/// all partitions) when there is one, else until it can be read. Other errors are returned.
fn open_feed(cat: &Catalog, topic: &str, p: i32, deadline: Option<Instant>) -> Result<PartitionFeed> {
    let mut said = false;
    loop {
        match cat.feed(topic, p) {
            Ok(f) => return Ok(f),
            Err(e) if deadline.is_none_or(|d| Instant::now() < d) && cat.leader_unavailable(topic, p)? => {
                if !std::mem::replace(&mut said, true) {
                    eprintln!("klog: waiting for a leader to read: {}", e);
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(e) => return Err(e),
        }
    }
}

/// Tells the user on stderr what reading a cluster partition ran into.
pub fn report_feed_event(ev: &FeedEvent, topic: &str, partition: i32) {
    match ev {
        FeedEvent::LeaderMoved { from, to, leader_epoch } => eprintln!(
            "klog: {}-{}: leadership moved from broker {} to broker {} (leader epoch {}); reading from it",
            topic, partition, from, to, leader_epoch
        ),
        FeedEvent::PositionLost { from, to } => eprintln!(
            "klog: {}-{}: offsets {}..{} are gone (an unclean leader election lost them); continuing from {}",
            topic, partition, to, from, to
        ),
        FeedEvent::Unavailable(why) => eprintln!("klog: waiting for a leader to read: {}", why),
    }
}

/// When stdout is a pipe, asks for a 1 MiB pipe buffer (best effort): fewer wake-ups of the
/// reader on the other side for each megabyte klog writes.
pub fn grow_stdout_pipe() {
    // SAFETY: fcntl on fd 1 with F_SETPIPE_SZ takes an int argument and touches no memory of
    // ours; on a non-pipe it fails with EBADF/EINVAL, which we ignore.
    unsafe {
        libc::fcntl(1, libc::F_SETPIPE_SZ, 1 << 20);
    }
}

/// How records are written: a kcat format string or JSON lines.
pub enum Output {
    Format(Format),
    Json,
}

impl Output {
    pub fn from_args(a: &ConsumeArgs) -> Result<Output> {
        Ok(if a.json { Output::Json } else { Output::Format(Format::parse(&a.format)?) })
    }

    /// Writes one record.
    pub fn write(&self, out: &mut impl Write, topic: &str, partition: i32, rec: &RecordRef<'_>) -> std::io::Result<()> {
        match self {
            Output::Format(f) => match f.value_then_literal() {
                Some(lit) => out.write_all(rec.value.unwrap_or(b"")).and_then(|_| out.write_all(lit)),
                None => f.write(out, topic, partition, rec),
            },
            Output::Json => json::write_record(out, topic, partition, rec),
        }
    }
}

/// Writes the records of one batch at or above `min_offset`, counting down `remaining`.
struct BatchWriter<'a, W: Write> {
    out: &'a mut W,
    output: &'a Output,
    fast_literal: Option<&'a [u8]>,
    topic: &'a str,
    partition: i32,
    min_offset: i64,
    remaining: &'a mut u64,
}

impl<W: Write> BatchWriter<'_, W> {
    fn write(&mut self, h: &BatchHeader, bytes: &[u8]) -> Result<()> {
        let bad = |e| {
            Error::Invalid(format!(
                "{}-{}: batch at offset {} does not decode: {}",
                self.topic, self.partition, h.base_offset, e
            ))
        };
        let section = RecordsSection::new(bytes, h).map_err(bad)?;
        for rec in section.iter() {
            let rec = rec.map_err(bad)?;
            if rec.offset < self.min_offset {
                continue;
            }
            let w = match (self.output, self.fast_literal) {
                (_, Some(lit)) => self.out.write_all(rec.value.unwrap_or(b"")).and_then(|_| self.out.write_all(lit)),
                (Output::Format(f), None) => f.write(self.out, self.topic, self.partition, &rec),
                (Output::Json, _) => json::write_record(self.out, self.topic, self.partition, &rec),
            };
            w.map_err(Error::Stream)?;
            *self.remaining -= 1;
            if *self.remaining == 0 {
                break;
            }
        }
        Ok(())
    }
}

pub fn run(ctx: &Ctx, a: ConsumeArgs) -> Result<i32> {
    if a.group.group.is_some() {
        if a.isolation == IsolationArg::ReadCommitted {
            return Err(Error::Usage(
                "--isolation read_committed is not supported for group members (--group) yet".into(),
            ));
        }
        return super::group_consume::run(ctx, a);
    }
    let spec = parse_offset_spec(a.offset.as_deref().unwrap_or("beginning"))?;
    let output = Output::from_args(&a)?;
    let [topic_name] = a.topics.as_slice() else {
        return Err(Error::Usage("consume reads one topic (several only with --group)".into()));
    };
    crate::datadir::validate_topic_name(topic_name)?;
    let cat = super::catalog::Catalog::open(ctx)?;
    let topic = cat.topic(topic_name)?;
    // Each partition's feed, with the first offset still to be written out.
    let exit_at_end = a.exit_at_end || (!a.follow && !std::io::stdout().is_terminal());
    let mut feeds: Vec<(i64, PartitionFeed, Option<CommittedFilter>)> = Vec::new();
    let deadline = exit_at_end.then(|| Instant::now() + ctx.lock_timeout);
    for p in cat.partitions(&topic, &a.partitions)? {
        let mut feed = open_feed(&cat, &topic.name, p, deadline)?;
        let from = resolve(spec, &feed, &topic.name, p)?;
        feed.seek(from);
        let filter = (a.isolation == IsolationArg::ReadCommitted).then(CommittedFilter::new);
        feeds.push((from, feed, filter));
    }
    let mut remaining = a.count.unwrap_or(u64::MAX);
    let mut leader_wait = LeaderWait::default();
    grow_stdout_pipe();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 20, stdout.lock());
    let fast_literal = match &output {
        Output::Format(f) => f.value_then_literal().map(<[u8]>::to_vec),
        Output::Json => None,
    };
    while remaining > 0 {
        let mut progressed = false;
        for (min_offset, feed, filter) in feeds.iter_mut() {
            let p = feed.partition();
            for _ in 0..64 {
                let Some((h, bytes)) = feed.next_batch()? else {
                    break;
                };
                progressed = true;
                let mut w = BatchWriter {
                    out: &mut out,
                    output: &output,
                    fast_literal: fast_literal.as_deref(),
                    topic: &topic.name,
                    partition: p,
                    min_offset: *min_offset,
                    remaining: &mut remaining,
                };
                match filter {
                    None if h.is_control() => continue,
                    None => w.write(&h, bytes)?,
                    Some(f) => {
                        for (h, bytes) in f.push(h, bytes) {
                            w.write(&h, &bytes)?;
                            if *w.remaining == 0 {
                                break;
                            }
                        }
                    }
                }
                if remaining == 0 {
                    break;
                }
            }
            if let Some(from) = feed.take_reset() {
                eprintln!(
                    "klog: {}-{}: offset {} was deleted; continuing from {}",
                    topic.name,
                    p,
                    from,
                    feed.next_offset()
                );
            }
            if remaining == 0 {
                break;
            }
        }
        if !progressed {
            let waiting: Vec<String> = feeds
                .iter()
                .filter(|(_, f, _)| !f.available())
                .map(|(_, f, _)| format!("{}-{}", topic.name, f.partition()))
                .collect();
            let all_up = waiting.is_empty();
            if exit_at_end {
                if all_up {
                    break;
                }
                leader_wait.check(&waiting, ctx.lock_timeout)?;
            }
            out.flush().map_err(Error::Stream)?;
            std::thread::sleep(Duration::from_millis(if all_up { 100 } else { 20 }));
            // A cluster partition: its high watermark moves on, and its leader may move.
            let snap = PartitionFeed::shared_snapshot(feeds.iter().map(|(_, f, _)| f))?;
            for (min_offset, feed, _) in feeds.iter_mut() {
                if let Some(ev) = feed.refresh(snap.as_ref())? {
                    report_feed_event(&ev, &topic.name, feed.partition());
                    *min_offset = match ev {
                        // What the new leader appends from its log end on is new: read it all.
                        FeedEvent::PositionLost { to, .. } => to,
                        _ => (*min_offset).max(feed.next_offset()),
                    };
                }
            }
        }
    }
    out.flush().map_err(Error::Stream)?;
    Ok(EXIT_OK)
}
