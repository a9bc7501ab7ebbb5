//! `klog consume`: records from a topic to stdout.
//!
//! Offsets use kcat's grammar, applied to each partition read: `beginning` (or `earliest`),
//! `end` (or `latest`), `N` (absolute), `-N` (N before the end), `s@T` (the first record at or
//! after time T, in epoch ms or RFC 3339), and a second `-o e@T` where each partition stops
//! (before its first record at or after T). By default klog reads from the beginning; it exits at
//! the end of the log when stdout is not a terminal (scripts, pipes), and follows like `tail -f`
//! on a terminal, a group member as a plain consumer. `-e` and `-f` choose explicitly.
//!
//! A partition whose data is damaged is named on stderr (file and byte position) and left,
//! the others are read, and the exit status is 1. An absolute `-o` offset outside a partition's
//! log starts that partition at its end, as kcat does, with a warning; it is an error only when
//! it fits no partition read.

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
in epoch ms or RFC 3339). A second -o e@TIME stops each partition before its first record at or \
after TIME (kcat's stop time); klog exits once every partition stopped. An absolute offset \
outside a partition's log starts that partition at its end with a warning on stderr, as kcat \
does, and the others are read (exit 0); when it fits no partition it is an error (exit 1).

Without -e or -f, klog exits at the end of the log when stdout is not a terminal and follows \
new records on a terminal; the same holds for a group member (--group). A closed pipe \
(klog consume t | head) ends quietly with status 0.

A partition whose data is damaged (a bad CRC, a batch that does not decode) is named on stderr \
with its file and byte position; its records before the damage and every record of the other \
partitions are written, and klog exits 1.

A topic of a cluster is read from each partition's current leader, below its high watermark; \
when the controller moves leadership, klog continues at the same offset on the new leader and \
says so on stderr. Consumer groups of a cluster keep their state and offsets beside the \
metadata store (M/coordinator).";

#[derive(Debug, clap::Args)]
pub struct ConsumeArgs {
    /// Topic to read; a group member may name several (or none, to resume the group's).
    #[arg(required_unless_present_any = ["group", "topic_opts"], value_name = "TOPIC")]
    pub topics: Vec<String>,
    /// The same as TOPIC (the spelling of kafka-console-consumer and kcat).
    #[arg(short = 't', long = "topic", id = "topic_opts", value_name = "TOPIC")]
    pub topic_opts: Vec<String>,
    /// Partition to read (repeatable; default: all).
    #[arg(short = 'p', long = "partition", value_parser = clap::value_parser!(i32).range(0..))]
    pub partitions: Vec<i32>,
    /// Where to start: beginning|earliest, end|latest, N, -N (N before the end), s@TIME; and,
    /// given again, where to stop: e@TIME (before the first record at or after TIME).
    /// (Default: beginning; for a group member, its committed offset.)
    #[arg(short = 'o', long, allow_hyphen_values = true, value_name = "SPEC")]
    pub offset: Vec<String>,
    /// Start at the beginning: kafka-console-consumer's spelling of -o beginning (for a group
    /// member, of --reset earliest: where a partition without a committed offset starts).
    #[arg(long)]
    pub from_beginning: bool,
    /// Stop after this many records.
    #[arg(short = 'c', long, visible_alias = "max-messages", value_name = "N")]
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

/// What the consume options mean once read together: the topics (positional and --topic), the
/// start and stop specs, and whether to exit at the end of the log.
#[derive(Debug, Clone)]
pub struct Plan {
    pub topics: Vec<String>,
    /// The start spec, when one was given (-o SPEC or --from-beginning).
    pub start: Option<OffsetSpec>,
    /// `-o e@TIME`: each partition stops before its first record at or after this time.
    pub stop_ms: Option<i64>,
    /// -e, or neither -e nor -f with stdout not a terminal: one rule for plain and group consumers.
    pub exit_at_end: bool,
}

impl ConsumeArgs {
    /// Reads the options together; a malformed or repeated spec is a usage error.
    pub fn plan(&self) -> Result<Plan> {
        let mut start = None;
        let mut stop_ms = None;
        for s in &self.offset {
            if let Some(t) = s.strip_prefix("e@") {
                if stop_ms.replace(parse_time(t)?).is_some() {
                    return Err(Error::Usage("-o e@TIME is given twice".into()));
                }
            } else if start.replace(parse_offset_spec(s)?).is_some() {
                return Err(Error::Usage(format!(
                    "-o is given two start offsets ({}); give one, and e@TIME for where to stop",
                    self.offset.join(", ")
                )));
            }
        }
        if self.from_beginning {
            if start.is_some() {
                return Err(Error::Usage("--from-beginning and a start offset (-o) cannot be used together".into()));
            }
            // A group member starts from its committed offsets; --from-beginning is its --reset.
            if self.group.group.is_none() {
                start = Some(OffsetSpec::Beginning);
            }
        }
        let mut topics = self.topics.clone();
        topics.extend(self.topic_opts.iter().cloned());
        Ok(Plan {
            topics,
            start,
            stop_ms,
            exit_at_end: self.exit_at_end || (!self.follow && !std::io::stdout().is_terminal()),
        })
    }
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

/// Where an absolute start offset outside a partition's log leaves it: (log start, log end), or
/// `None` when the spec is not such an offset.
pub fn outside_log(spec: OffsetSpec, feed: &PartitionFeed) -> Result<Option<(i64, i64)>> {
    let OffsetSpec::Absolute(n) = spec else { return Ok(None) };
    let r = feed.reader();
    let (start, end) = (r.log_start_offset(), r.log_end_offset()?);
    Ok((n < start || n > end).then_some((start, end)))
}

/// True for an error that is the damage of one partition's data, so that its other partitions
/// can still be read: corrupt bytes on disk (a batch whose records do not decode is caught where
/// it is decoded).
fn is_damage(e: &Error) -> bool {
    matches!(e, Error::Corrupt { .. })
}

/// One partition being read.
struct Reading {
    feed: PartitionFeed,
    /// The first offset still to be written out.
    min_offset: i64,
    /// Reached `-o e@TIME` (or damaged): read no more of it.
    stopped: bool,
    /// `--isolation read_committed`: holds a transaction's batches until its marker.
    committed: Option<CommittedFilter>,
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
    let plan = a.plan()?;
    let spec = plan.start.unwrap_or(OffsetSpec::Beginning);
    let output = Output::from_args(&a)?;
    let [topic_name] = plan.topics.as_slice() else {
        return Err(Error::Usage("consume reads one topic (several only with --group)".into()));
    };
    crate::datadir::validate_topic_name(topic_name)?;
    let cat = super::catalog::Catalog::open(ctx)?;
    let topic = cat.topic(topic_name)?;
    let exit_at_end = plan.exit_at_end;
    let mut feeds: Vec<Reading> = Vec::new();
    let deadline = exit_at_end.then(|| Instant::now() + ctx.lock_timeout);
    // Partitions whose data is damaged: reported on stderr, the others read; exit 1 at the end.
    let mut damaged = 0usize;
    let damage = |p: i32, at: Option<i64>, e: &Error| {
        let from = at.map_or(String::new(), |o| format!(" from offset {}", o));
        eprintln!("klog: error: {}-{}: {}; not reading it{}", topic.name, p, e, from);
    };
    // An absolute offset outside a partition's log: kcat's consumer starts that partition at its
    // end and reads the others; it is an error only when it fits no partition.
    let mut outside: Vec<(i32, i64, i64)> = Vec::new();
    let mut in_range = 0usize;
    for p in cat.partitions(&topic, &a.partitions)? {
        let mut feed = match open_feed(&cat, &topic.name, p, deadline) {
            Ok(f) => f,
            Err(e) if is_damage(&e) => {
                damage(p, None, &e);
                damaged += 1;
                continue;
            }
            Err(e) => return Err(e),
        };
        let from = match outside_log(spec, &feed) {
            Ok(Some((start, end))) => {
                outside.push((p, start, end));
                feed.end_offset()
            }
            Ok(None) => resolve(spec, &feed, &topic.name, p).inspect(|_| in_range += 1),
            Err(e) => Err(e),
        };
        let from = match from {
            Ok(o) => o,
            Err(e) if is_damage(&e) => {
                damage(p, None, &e);
                damaged += 1;
                continue;
            }
            Err(e) => return Err(e),
        };
        feed.seek(from);
        let committed = (a.isolation == IsolationArg::ReadCommitted).then(CommittedFilter::new);
        feeds.push(Reading { feed, min_offset: from, stopped: false, committed });
    }
    if let (Some(&(p, start, end)), OffsetSpec::Absolute(n)) = (outside.first(), spec) {
        if in_range == 0 && damaged == 0 {
            return Err(Error::Invalid(format!(
                "offset {} is out of range for {}-{} (valid offsets are {}..{})",
                n, topic.name, p, start, end
            )));
        }
        for &(p, start, end) in &outside {
            eprintln!(
                "klog: warning: {}-{}: offset {} is out of range (valid offsets are {}..{}); reading it from its end",
                topic.name, p, n, start, end
            );
        }
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
    let quiet = ctx.quiet;
    while remaining > 0 && !feeds.iter().all(|r| r.stopped) {
        let mut progressed = false;
        for r in feeds.iter_mut().filter(|r| !r.stopped) {
            let p = r.feed.partition();
            for _ in 0..64 {
                let at = r.feed.next_offset();
                let (h, bytes) = match r.feed.next_batch() {
                    Ok(Some(b)) => b,
                    Ok(None) => break,
                    Err(e) if is_damage(&e) => {
                        out.flush().map_err(Error::Stream)?;
                        damage(p, Some(at), &e);
                        damaged += 1;
                        r.stopped = true;
                        break;
                    }
                    Err(e) => return Err(e),
                };
                progressed = true;
                // read_committed: what the filter releases (whole transactions, markers
                // included); read_uncommitted: the batch itself.
                let released: Vec<(BatchHeader, std::borrow::Cow<[u8]>)> = match r.committed.as_mut() {
                    None => vec![(h, std::borrow::Cow::Borrowed(bytes))],
                    Some(f) => f.push(h, bytes).into_iter().map(|(h, b)| (h, std::borrow::Cow::Owned(b))).collect(),
                };
                for (h, bytes) in &released {
                    let (h, bytes) = (*h, bytes.as_ref());
                    if h.is_control() {
                        continue;
                    }
                    let undecodable = |e: crate::record::DecodeError| {
                        format!("batch at offset {} does not decode: {}", h.base_offset, e)
                    };
                    let section = match RecordsSection::new(bytes, &h) {
                        Ok(s) => s,
                        Err(e) => {
                            out.flush().map_err(Error::Stream)?;
                            eprintln!(
                                "klog: error: {}-{}: {}; not reading it from offset {}",
                                topic.name,
                                p,
                                undecodable(e),
                                at
                            );
                            damaged += 1;
                            r.stopped = true;
                            break;
                        }
                    };
                    for rec in section.iter() {
                        let rec = match rec {
                            Ok(rec) => rec,
                            Err(e) => {
                                out.flush().map_err(Error::Stream)?;
                                eprintln!("klog: error: {}-{}: {}; not reading it on", topic.name, p, undecodable(e));
                                damaged += 1;
                                r.stopped = true;
                                break;
                            }
                        };
                        if rec.offset < r.min_offset {
                            continue;
                        }
                        if plan.stop_ms.is_some_and(|stop| rec.timestamp >= stop) {
                            // kcat's -o e@TIME: the partition ends before this record.
                            r.stopped = true;
                            break;
                        }
                        let w = match (&output, &fast_literal) {
                            (_, Some(lit)) => out.write_all(rec.value.unwrap_or(b"")).and_then(|_| out.write_all(lit)),
                            (Output::Format(f), None) => f.write(&mut out, &topic.name, p, &rec),
                            (Output::Json, _) => json::write_record(&mut out, &topic.name, p, &rec),
                        };
                        w.map_err(Error::Stream)?;
                        remaining -= 1;
                        if remaining == 0 {
                            break;
                        }
                    }
                    if remaining == 0 || r.stopped {
                        break;
                    }
                }
                if remaining == 0 || r.stopped {
                    break;
                }
            }
            if let Some(from) = r.feed.take_reset() {
                if !quiet {
                    eprintln!(
                        "klog: {}-{}: offset {} was deleted; continuing from {}",
                        topic.name,
                        p,
                        from,
                        r.feed.next_offset()
                    );
                }
            }
            if remaining == 0 {
                break;
            }
        }
        if !progressed {
            let waiting: Vec<String> = feeds
                .iter()
                .filter(|r| !r.stopped && !r.feed.available())
                .map(|r| format!("{}-{}", topic.name, r.feed.partition()))
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
            let snap = PartitionFeed::shared_snapshot(feeds.iter().map(|r| &r.feed))?;
            for r in feeds.iter_mut().filter(|r| !r.stopped) {
                if let Some(ev) = r.feed.refresh(snap.as_ref())? {
                    if !quiet {
                        report_feed_event(&ev, &topic.name, r.feed.partition());
                    }
                    r.min_offset = match ev {
                        // What the new leader appends from its log end on is new: read it all.
                        FeedEvent::PositionLost { to, .. } => to,
                        _ => r.min_offset.max(r.feed.next_offset()),
                    };
                }
            }
        }
    }
    out.flush().map_err(Error::Stream)?;
    Ok(if damaged > 0 { super::EXIT_FAILURE } else { EXIT_OK })
}
