//! Consuming: the one fetch loop of plain consumers and group members.
//!
//! A [`Fetcher`] reads a set of partitions (each a [`PartitionFeed`] from the catalog, positioned
//! where the caller resolved its start) round by round, a few batches of each partition at a
//! time, and hands their records in offset order to a [`RecordSink`]: it skips records below
//! each partition's position, applies `read_committed` ([`Isolation`]), stops a partition at a
//! stop time (kcat's `-o e@TIME`), counts records against a limit (`-c`), asks a stop predicate
//! (SIGINT/SIGTERM, decided by the caller) before each batch, and follows cluster partitions'
//! high watermarks and leaders ([`Fetcher::refresh`]). What it runs into is returned as typed
//! [`FetchEvent`]s for the caller to render: deleted offsets skipped, leader changes, damaged
//! data (the file and position are in the [`Error::Corrupt`] it carries).
//!
//! [`consume`] drives a fetcher as a plain consumer: one topic, each partition started by an
//! [`OffsetSpec`] (kcat's `-o` grammar, parsed here with [`OffsetSpec::parse`]), until the end of
//! the log (`-e`), the count, or every partition stopped. A group member drives the same fetcher
//! in [`super::group_member`].
//!
//! Invariants: records reach the sink in offset order within a partition, each at most once per
//! position (a leader change continues at the same offset); a partition's processed position
//! only advances as the sink reports delivery.

use super::catalog::Catalog;
use super::Location;
use crate::error::{Error, Result, ValueOf};
use crate::record::isolation::{CommittedFilter, Isolation};
use crate::record::{BatchHeader, DecodeError, RecordRef, RecordsSection};
use crate::replica::feed::{FeedEvent, PartitionFeed};
use crate::TopicPartition;
use std::borrow::Cow;
use std::fmt;
use std::time::{Duration, Instant};

/// Where a partition starts (or, as a time, stops): kcat's `-o` grammar.
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
            return Err(Error::BadValue {
                what: ValueOf::EpochMs,
                value: ms.to_string(),
                why: "must not be negative".into(),
            });
        }
        return Ok(ms);
    }
    crate::timefmt::parse_rfc3339_ms(s).ok_or_else(|| Error::BadValue {
        what: ValueOf::Time,
        value: s.to_string(),
        why: "use epoch ms or RFC 3339, e.g. 2024-05-01T12:00:00Z".into(),
    })
}

impl OffsetSpec {
    /// Parses a start spec: `beginning|earliest`, `end|latest`, `N`, `-N`, `s@TIME`.
    pub fn parse(s: &str) -> Result<OffsetSpec> {
        let bad = |why: &str| Error::BadValue { what: ValueOf::Offset, value: s.to_string(), why: why.into() };
        Ok(match s {
            "beginning" | "earliest" => OffsetSpec::Beginning,
            "end" | "latest" => OffsetSpec::End,
            _ if s.starts_with("s@") => OffsetSpec::Time(parse_time(&s[2..])?),
            _ if s.starts_with('-') => match s[1..].parse::<i64>() {
                Ok(n) if n >= 0 => OffsetSpec::FromEnd(n),
                _ => return Err(bad("-N needs a whole number N")),
            },
            _ => match s.parse::<i64>() {
                Ok(n) => OffsetSpec::Absolute(n),
                Err(_) => return Err(bad("use beginning, end, N, -N or s@TIME")),
            },
        })
    }

    /// Where the spec points in a partition; an absolute offset outside the log is an error.
    /// "End" is what a consumer may read up to: the high watermark of a cluster partition, else
    /// the log end.
    pub fn resolve(self, feed: &PartitionFeed, topic: &str, partition: i32) -> Result<i64> {
        let r = feed.reader();
        let start = r.log_start_offset();
        let end = feed.end_offset()?;
        Ok(match self {
            OffsetSpec::Beginning => start,
            OffsetSpec::End => end,
            OffsetSpec::FromEnd(n) => end.saturating_sub(n).max(start),
            OffsetSpec::Time(t) => r.offset_for_timestamp(t)?.unwrap_or(end),
            OffsetSpec::Absolute(n) => {
                let log_end = r.log_end_offset()?;
                if n < start || n > log_end {
                    return Err(Error::OffsetOutOfRange {
                        topic: topic.to_string(),
                        partition,
                        offset: n,
                        start,
                        end: log_end,
                    });
                }
                n
            }
        })
    }

    /// Where an absolute offset outside a partition's log leaves it: (log start, log end), or
    /// `None` when the spec is not such an offset.
    pub fn outside_log(self, feed: &PartitionFeed) -> Result<Option<(i64, i64)>> {
        let OffsetSpec::Absolute(n) = self else { return Ok(None) };
        let r = feed.reader();
        let (start, end) = (r.log_start_offset(), r.log_end_offset()?);
        Ok((n < start || n > end).then_some((start, end)))
    }
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
            return Err(Error::NoLeaderInTime { partitions: waiting.to_vec(), waited_ms: timeout.as_millis() });
        }
        Ok(())
    }
}

/// What is wrong with a damaged partition's data.
#[derive(Debug)]
pub enum Damage {
    /// Corrupt bytes on disk ([`Error::Corrupt`], naming the file and byte position).
    Corrupt(Error),
    /// A batch whose records do not decode, where its segment file could not be found again
    /// (one that does is [`Damage::Corrupt`], naming the file and position).
    Undecodable { base_offset: i64, error: DecodeError },
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Damage::Corrupt(e) => write!(f, "{}", e),
            Damage::Undecodable { base_offset, error } => {
                write!(f, "batch at offset {} does not decode: {}", base_offset, error)
            }
        }
    }
}

/// Where reading a damaged partition stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoppedAt {
    /// Before anything of it was read (opening it, or resolving its start).
    Start,
    /// At this offset (the batch there is damaged).
    Offset(i64),
    /// Inside a batch, after its records that decoded.
    WithinBatch,
}

/// What reading ran into, for the caller to report.
#[derive(Debug)]
pub enum FetchEvent {
    /// The partition has no leader that can be read now; it is waited for (said once).
    WaitingForLeader { tp: TopicPartition, why: Error },
    /// A cluster partition's feed changed leader, lost its position, or became unavailable.
    Feed { tp: TopicPartition, event: FeedEvent },
    /// Offsets from `from` on were deleted (retention) before they were read; reading went on,
    /// now at `next`.
    OffsetsDeleted { tp: TopicPartition, from: i64, next: i64 },
    /// The partition's data is damaged: it is read no more (plain consumers only).
    Damaged { tp: TopicPartition, damage: Damage, at: StoppedAt },
    /// The absolute start `offset` is outside the partition's log (`start..end`); it starts at
    /// `to` instead.
    OutOfRange { tp: TopicPartition, offset: i64, start: i64, end: i64, to: i64 },
}

/// How a sink's delivery went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// Everything asked was delivered.
    Done,
    /// Delivering the records of `tp` from `offset` failed with `status` (a command's exit
    /// status); they are to be delivered again later, and the consumer stops.
    Failed { status: i32, tp: TopicPartition, offset: i64 },
}

/// Called as records become processed: (partition, next offset processed, whether the sink
/// acknowledged this delivery on its own, as a command exiting 0 does).
pub type Processed<'a> = dyn FnMut(&TopicPartition, i64, bool) -> Result<()> + 'a;

/// Where consumed records go, in order.
pub trait RecordSink {
    /// Takes the next record of `tp`.
    fn record(&mut self, tp: &TopicPartition, rec: &RecordRef<'_>) -> Result<()>;
    /// A batch of `tp` ended: once what was taken so far is delivered, `tp` is processed up to
    /// `next` (offsets a compaction removed included). The sink may deliver now, reporting what
    /// it delivered through `done`.
    fn batch_end(&mut self, tp: &TopicPartition, next: i64, done: &mut Processed<'_>) -> Result<Delivery>;
    /// Delivers everything taken so far, reporting it through `done`.
    fn flush(&mut self, done: &mut Processed<'_>) -> Result<Delivery>;
    /// Whether each delivery is acknowledged on its own (a command's exit status) rather than
    /// by a flush; `--commit manual` commits after each such acknowledgement.
    fn acknowledges_each(&self) -> bool {
        false
    }
}

/// How a [`Fetcher`] reads.
#[derive(Debug, Clone)]
pub struct FetchSettings {
    pub isolation: Isolation,
    /// `-o e@TIME`: each partition stops before its first record at or after this time.
    pub stop_ms: Option<i64>,
    /// At most this many records in all (`-c`).
    pub count: Option<u64>,
    /// Batches read from each partition per round before going on to the next.
    pub batches_per_round: usize,
    /// A damaged partition is reported and left, the others read on; otherwise damage is an
    /// error.
    pub skip_damaged: bool,
}

/// One partition being read.
struct Reading {
    tp: TopicPartition,
    feed: PartitionFeed,
    /// The next offset to hand to the sink; records below it are skipped.
    position: i64,
    /// The next offset known processed (delivered by the sink).
    processed: i64,
    /// Reached `-o e@TIME`, or damaged: read no more of it.
    stopped: bool,
    /// `read_committed`: holds a transaction's batches until its marker.
    committed: Option<CommittedFilter>,
}

/// What a round read.
#[derive(Debug, Default)]
pub struct Round {
    /// Whether any batch was read.
    pub progressed: bool,
    /// The sink failed to deliver (the round ended there).
    pub failed: Option<Delivery>,
}

/// Reads partitions round by round into a sink (see the module doc).
pub struct Fetcher {
    settings: FetchSettings,
    readings: Vec<Reading>,
    remaining: u64,
    damaged: usize,
}

fn is_damage(e: &Error) -> bool {
    matches!(e, Error::Corrupt { .. })
}

impl Fetcher {
    pub fn new(settings: FetchSettings) -> Fetcher {
        let remaining = settings.count.unwrap_or(u64::MAX);
        Fetcher { settings, readings: Vec::new(), remaining, damaged: 0 }
    }

    /// Starts reading `feed` at `from` (after the partitions added before).
    pub fn add(&mut self, tp: TopicPartition, mut feed: PartitionFeed, from: i64) {
        feed.seek(from);
        let committed = (self.settings.isolation == Isolation::ReadCommitted).then(CommittedFilter::new);
        self.readings.push(Reading { tp, feed, position: from, processed: from, stopped: false, committed });
    }

    /// Keeps the partitions in (topic, partition) order.
    pub fn sort(&mut self) {
        self.readings.sort_by(|a, b| a.tp.cmp(&b.tp));
    }

    /// Stops reading `tp`.
    pub fn remove(&mut self, tp: &TopicPartition) {
        self.readings.retain(|r| &r.tp != tp);
    }

    /// The partitions read, in order.
    pub fn partitions(&self) -> impl Iterator<Item = &TopicPartition> {
        self.readings.iter().map(|r| &r.tp)
    }

    /// The next offset known processed of `tp`.
    pub fn processed(&self, tp: &TopicPartition) -> Option<i64> {
        self.readings.iter().find(|r| &r.tp == tp).map(|r| r.processed)
    }

    /// Records still to deliver before the count (`-c`) is reached.
    pub fn remaining(&self) -> u64 {
        self.remaining
    }

    /// Partitions found damaged (and left).
    pub fn damaged(&self) -> usize {
        self.damaged
    }

    /// Notes a partition found damaged before it could be added.
    pub fn note_damaged(&mut self) {
        self.damaged += 1;
    }

    /// Whether every partition stopped (`-o e@TIME` or damage).
    pub fn all_stopped(&self) -> bool {
        self.readings.iter().all(|r| r.stopped)
    }

    /// The partitions read (`topic-p`) whose leader cannot be read now.
    pub fn waiting(&self) -> Vec<String> {
        self.readings
            .iter()
            .filter(|r| !r.stopped && !r.feed.available())
            .map(|r| format!("{}-{}", r.tp.topic, r.tp.partition))
            .collect()
    }

    /// Delivers what the sink holds, advancing processed positions.
    pub fn flush(&mut self, sink: &mut dyn RecordSink, on_processed: &mut Processed<'_>) -> Result<Delivery> {
        let readings = &mut self.readings;
        sink.flush(&mut |tp, next, acked| {
            note_processed(readings, tp, next);
            on_processed(tp, next, acked)
        })
    }

    /// Reads up to `batches_per_round` batches of each partition into `sink`. Before each batch
    /// it stops when the count is reached or `stop` says so.
    pub fn round(
        &mut self,
        sink: &mut dyn RecordSink,
        events: &mut dyn FnMut(FetchEvent),
        stop: &dyn Fn() -> bool,
        on_processed: &mut Processed<'_>,
    ) -> Result<Round> {
        let mut round = Round::default();
        for i in 0..self.readings.len() {
            if self.readings[i].stopped {
                continue;
            }
            let mut halt = false;
            for _ in 0..self.settings.batches_per_round {
                if self.remaining == 0 || stop() {
                    halt = true;
                    break;
                }
                let r = &mut self.readings[i];
                let at = r.feed.next_offset();
                let (h, bytes) = match r.feed.next_batch() {
                    Ok(Some(b)) => b,
                    Ok(None) => break,
                    Err(e) if self.settings.skip_damaged && is_damage(&e) => {
                        let tp = r.tp.clone();
                        r.stopped = true;
                        self.damaged += 1;
                        self.flush(sink, on_processed)?;
                        events(FetchEvent::Damaged { tp, damage: Damage::Corrupt(e), at: StoppedAt::Offset(at) });
                        break;
                    }
                    Err(e) => return Err(e),
                };
                round.progressed = true;
                // read_committed: what the filter releases (whole transactions, markers
                // included); read_uncommitted: the batch itself.
                let released: Vec<(BatchHeader, Cow<[u8]>)> = match r.committed.as_mut() {
                    None => vec![(h, Cow::Borrowed(bytes))],
                    Some(f) => f.push(h, bytes).into_iter().map(|(h, b)| (h, Cow::Owned(b))).collect(),
                };
                let mut damage = None;
                for (h, bytes) in &released {
                    if !h.is_control() {
                        let to = Target { tp: &r.tp, position: &mut r.position, stopped: &mut r.stopped };
                        match deliver(to, h, bytes, &self.settings, &mut self.remaining, sink)? {
                            Ok(()) => {}
                            Err((error, at_record)) => {
                                let stopped = if at_record { StoppedAt::WithinBatch } else { StoppedAt::Offset(at) };
                                damage = Some((h.base_offset, error, stopped));
                                break;
                            }
                        }
                    }
                    if self.remaining == 0 || r.stopped {
                        break;
                    }
                    // Offsets a compaction removed at the end of the batch count as passed.
                    r.position = r.position.max(h.next_offset());
                }
                drop(released);
                if let Some((base_offset, error, at)) = damage {
                    let damage = undecodable(&r.feed, base_offset, error);
                    if !self.settings.skip_damaged {
                        return Err(match damage {
                            Damage::Corrupt(e) => e,
                            d => Error::Invalid(format!("{}-{}: {}", r.tp.topic, r.tp.partition, d)),
                        });
                    }
                    let tp = r.tp.clone();
                    r.stopped = true;
                    self.damaged += 1;
                    self.flush(sink, on_processed)?;
                    events(FetchEvent::Damaged { tp, damage, at });
                    break;
                }
                let (tp, next, stopped) = (r.tp.clone(), r.position, r.stopped);
                let readings = &mut self.readings;
                let delivery = sink.batch_end(&tp, next, &mut |tp, n, acked| {
                    note_processed(readings, tp, n);
                    on_processed(tp, n, acked)
                })?;
                if delivery != Delivery::Done {
                    round.failed = Some(delivery);
                    return Ok(round);
                }
                if self.remaining == 0 || stopped {
                    break;
                }
            }
            let r = &mut self.readings[i];
            if let Some(from) = r.feed.take_reset() {
                events(FetchEvent::OffsetsDeleted { tp: r.tp.clone(), from, next: r.feed.next_offset() });
            }
            if halt || self.remaining == 0 {
                break;
            }
        }
        Ok(round)
    }

    /// Follows each cluster partition's high watermark and leader: a new leader is read from the
    /// same position; records lost by an unclean election are skipped (what the new leader
    /// appends at its log end is new).
    pub fn refresh(&mut self, events: &mut dyn FnMut(FetchEvent)) -> Result<()> {
        let snap = PartitionFeed::shared_snapshot(self.readings.iter().map(|r| &r.feed))?;
        for r in self.readings.iter_mut().filter(|r| !r.stopped) {
            let Some(ev) = r.feed.refresh(snap.as_ref())? else { continue };
            match ev {
                FeedEvent::PositionLost { to, .. } => {
                    r.position = to;
                    r.processed = r.processed.min(to);
                }
                _ => r.position = r.position.max(r.feed.next_offset()),
            }
            events(FetchEvent::Feed { tp: r.tp.clone(), event: ev });
        }
        Ok(())
    }
}

fn note_processed(readings: &mut [Reading], tp: &TopicPartition, next: i64) {
    if let Some(r) = readings.iter_mut().find(|r| &r.tp == tp) {
        r.processed = r.processed.max(next);
    }
}

/// Hands the records of one data batch to the sink. `Ok(Err(..))` is a batch that does not
/// decode (true: after some of its records were handed on).
struct Target<'a> {
    tp: &'a TopicPartition,
    position: &'a mut i64,
    stopped: &'a mut bool,
}

/// The damage of a batch whose records do not decode: corrupt data at its segment file and byte
/// position when the feed can still find the batch there, else the batch by its offset.
fn undecodable(feed: &PartitionFeed, base_offset: i64, error: DecodeError) -> Damage {
    match feed.locate_batch(base_offset) {
        Ok(Some((path, position))) => Damage::Corrupt(Error::corrupt(
            &path,
            position,
            format!("batch at offset {} does not decode: {}", base_offset, error),
        )),
        _ => Damage::Undecodable { base_offset, error },
    }
}

fn deliver(
    r: Target<'_>,
    h: &BatchHeader,
    bytes: &[u8],
    settings: &FetchSettings,
    remaining: &mut u64,
    sink: &mut dyn RecordSink,
) -> Result<std::result::Result<(), (DecodeError, bool)>> {
    let section = match RecordsSection::new(bytes, h) {
        Ok(s) => s,
        Err(e) => return Ok(Err((e, false))),
    };
    for rec in section.iter() {
        let rec = match rec {
            Ok(rec) => rec,
            Err(e) => return Ok(Err((e, true))),
        };
        if rec.offset < *r.position {
            continue;
        }
        if *remaining == 0 {
            break;
        }
        if settings.stop_ms.is_some_and(|stop| rec.timestamp >= stop) {
            // kcat's -o e@TIME: the partition ends before this record.
            *r.stopped = true;
            break;
        }
        sink.record(r.tp, &rec)?;
        *r.position = rec.offset + 1;
        *remaining -= 1;
    }
    Ok(Ok(()))
}

/// A plain consumer: one topic, no group.
#[derive(Debug, Clone)]
pub struct ConsumeSettings {
    pub topic: String,
    /// The partitions to read (default: all).
    pub partitions: Vec<i32>,
    pub start: OffsetSpec,
    pub stop_ms: Option<i64>,
    pub isolation: Isolation,
    pub count: Option<u64>,
    /// Exit at the end of the log instead of following it.
    pub exit_at_end: bool,
}

/// How a plain consumer ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consumed {
    /// Partitions whose data was damaged (reported and left; the others were read).
    pub damaged: usize,
}

/// Opens a partition's feed. A cluster partition without a leader that can be read (a failover
/// under way, an offline partition) is waited for, saying so once: until `deadline` (one for
/// all partitions) when there is one, else until it can be read. Other errors are returned.
fn open_feed(
    cat: &Catalog,
    topic: &str,
    p: i32,
    deadline: Option<Instant>,
    events: &mut dyn FnMut(FetchEvent),
) -> Result<PartitionFeed> {
    let mut said = false;
    loop {
        match cat.feed(topic, p) {
            Ok(f) => return Ok(f),
            Err(e) if deadline.is_none_or(|d| Instant::now() < d) && cat.leader_unavailable(topic, p)? => {
                if !std::mem::replace(&mut said, true) {
                    events(FetchEvent::WaitingForLeader { tp: TopicPartition::new(topic, p), why: e });
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(e) => return Err(e),
        }
    }
}

/// Reads one topic as a plain consumer into `sink`, reporting what it runs into through
/// `events`, until the count is reached, every partition stopped, the end of the log with
/// `exit_at_end`, or `stop` says so. A partition whose data is damaged is reported and left;
/// the others are read. An absolute start offset outside a partition's log starts it at its
/// end (as kcat does), and is an error only when it fits no partition.
pub fn consume(
    at: &Location,
    s: &ConsumeSettings,
    sink: &mut dyn RecordSink,
    events: &mut dyn FnMut(FetchEvent),
    stop: &dyn Fn() -> bool,
) -> Result<Consumed> {
    crate::datadir::validate_topic_name(&s.topic)?;
    let cat = Catalog::open(at)?;
    let topic = cat.topic(&s.topic)?;
    let mut fetcher = Fetcher::new(FetchSettings {
        isolation: s.isolation,
        stop_ms: s.stop_ms,
        count: s.count,
        batches_per_round: 64,
        skip_damaged: true,
    });
    let deadline = s.exit_at_end.then(|| Instant::now() + at.lock_timeout);
    let mut outside: Vec<(i32, i64, i64)> = Vec::new();
    let mut in_range = 0usize;
    for p in cat.partitions(&topic, &s.partitions)? {
        let tp = TopicPartition::new(topic.name.clone(), p);
        let opened = open_feed(&cat, &topic.name, p, deadline, events).and_then(|feed| {
            let from = match s.start.outside_log(&feed)? {
                Some((start, end)) => {
                    outside.push((p, start, end));
                    feed.end_offset()?
                }
                None => s.start.resolve(&feed, &topic.name, p).inspect(|_| in_range += 1)?,
            };
            Ok((feed, from))
        });
        match opened {
            Ok((feed, from)) => fetcher.add(tp, feed, from),
            Err(e) if is_damage(&e) => {
                fetcher.note_damaged();
                events(FetchEvent::Damaged { tp, damage: Damage::Corrupt(e), at: StoppedAt::Start });
            }
            Err(e) => return Err(e),
        }
    }
    if let (Some(&(p, start, end)), OffsetSpec::Absolute(n)) = (outside.first(), s.start) {
        if in_range == 0 && fetcher.damaged() == 0 {
            return Err(Error::OffsetOutOfRange { topic: topic.name.to_string(), partition: p, offset: n, start, end });
        }
        for &(p, start, end) in &outside {
            let to = fetcher.readings.iter().find(|r| r.tp.partition == p).map_or(end, |r| r.position);
            events(FetchEvent::OutOfRange {
                tp: TopicPartition::new(topic.name.clone(), p),
                offset: n,
                start,
                end,
                to,
            });
        }
    }
    let mut leader_wait = LeaderWait::default();
    let mut ignore = |_: &TopicPartition, _: i64, _: bool| Ok(());
    while fetcher.remaining() > 0 && !fetcher.all_stopped() {
        let round = fetcher.round(sink, events, stop, &mut ignore)?;
        if let Some(Delivery::Failed { .. }) = round.failed {
            break;
        }
        if stop() {
            break;
        }
        if !round.progressed {
            let waiting = fetcher.waiting();
            let all_up = waiting.is_empty();
            if s.exit_at_end {
                if all_up {
                    break;
                }
                leader_wait.check(&waiting, at.lock_timeout)?;
            }
            fetcher.flush(sink, &mut ignore)?;
            std::thread::sleep(Duration::from_millis(if all_up { 100 } else { 20 }));
            // A cluster partition: its high watermark moves on, and its leader may move.
            fetcher.refresh(events)?;
        }
    }
    fetcher.flush(sink, &mut ignore)?;
    Ok(Consumed { damaged: fetcher.damaged() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datadir::DataDir;
    use crate::log::AppendMode;
    use crate::record::{encode_batch, Compression, Record};

    /// Records in delivery order; processed at each batch end.
    #[derive(Default)]
    struct VecSink {
        got: Got,
    }

    impl RecordSink for VecSink {
        fn record(&mut self, tp: &TopicPartition, rec: &RecordRef<'_>) -> Result<()> {
            let v = String::from_utf8_lossy(rec.value.unwrap_or(b"")).into_owned();
            self.got.push((tp.partition, rec.offset, v));
            Ok(())
        }
        fn batch_end(&mut self, tp: &TopicPartition, next: i64, done: &mut Processed<'_>) -> Result<Delivery> {
            done(tp, next, false)?;
            Ok(Delivery::Done)
        }
        fn flush(&mut self, _done: &mut Processed<'_>) -> Result<Delivery> {
            Ok(Delivery::Done)
        }
    }

    /// A data directory with topic `t`: partition p holds records "p-0".."p-4" at times 1000..1004,
    /// two per batch.
    fn setup() -> (tempfile::TempDir, Location) {
        let tmp = tempfile::tempdir().unwrap();
        let dd = DataDir::open_or_init(tmp.path()).unwrap();
        let t = dd.create_topic("t", 2, Default::default()).unwrap();
        for p in 0..2 {
            let mut w = dd.open_writer(&t, p).unwrap();
            for chunk in [0..2, 2..4, 4..5] {
                let recs: Vec<Record> = chunk
                    .map(|i| Record {
                        timestamp: 1000 + i,
                        value: Some(format!("{}-{}", p, i).into_bytes()),
                        ..Default::default()
                    })
                    .collect();
                let mut b = encode_batch(&recs, 0, 0, Compression::None);
                w.append_batch(&mut b, AppendMode::Leader { leader_epoch: 0 }).unwrap();
            }
        }
        let at = Location { data_dir: tmp.path().into(), meta: None, lock_timeout: Duration::from_secs(1) };
        (tmp, at)
    }

    fn settings() -> ConsumeSettings {
        ConsumeSettings {
            topic: "t".into(),
            partitions: vec![],
            start: OffsetSpec::Beginning,
            stop_ms: None,
            isolation: Isolation::ReadUncommitted,
            count: None,
            exit_at_end: true,
        }
    }

    type Got = Vec<(i32, i64, String)>;

    fn run(at: &Location, s: &ConsumeSettings) -> (Result<Consumed>, Got, Vec<FetchEvent>) {
        let mut sink = VecSink::default();
        let mut events = Vec::new();
        let r = consume(at, s, &mut sink, &mut |e| events.push(e), &|| false);
        (r, sink.got, events)
    }

    #[test]
    fn reads_partitions_in_order_to_the_end() {
        let (_tmp, at) = setup();
        let (r, got, events) = run(&at, &settings());
        assert_eq!(r.unwrap(), Consumed { damaged: 0 });
        assert!(events.is_empty(), "{:?}", events);
        let p0: Vec<i64> = got.iter().filter(|g| g.0 == 0).map(|g| g.1).collect();
        assert_eq!(p0, vec![0, 1, 2, 3, 4]);
        assert_eq!(got.len(), 10);
        assert_eq!(got[0], (0, 0, "0-0".into()));
    }

    #[test]
    fn count_stop_time_and_start_specs() {
        let (_tmp, at) = setup();
        let (_, got, _) = run(&at, &ConsumeSettings { count: Some(3), partitions: vec![1], ..settings() });
        assert_eq!(got.iter().map(|g| g.1).collect::<Vec<_>>(), vec![0, 1, 2]);
        let (_, got, _) = run(&at, &ConsumeSettings { stop_ms: Some(1003), partitions: vec![0], ..settings() });
        assert_eq!(got.iter().map(|g| g.1).collect::<Vec<_>>(), vec![0, 1, 2]);
        let (_, got, _) =
            run(&at, &ConsumeSettings { start: OffsetSpec::FromEnd(2), partitions: vec![0], ..settings() });
        assert_eq!(got.iter().map(|g| g.1).collect::<Vec<_>>(), vec![3, 4]);
        let (_, got, _) =
            run(&at, &ConsumeSettings { start: OffsetSpec::Time(1001), partitions: vec![0], ..settings() });
        assert_eq!(got.iter().map(|g| g.1).collect::<Vec<_>>(), vec![1, 2, 3, 4]);
    }

    #[test]
    fn an_absolute_offset_outside_the_log_starts_at_the_end_or_fails() {
        let (_tmp, at) = setup();
        let (r, got, events) = run(&at, &ConsumeSettings { start: OffsetSpec::Absolute(9), ..settings() });
        assert!(matches!(r, Err(Error::OffsetOutOfRange { .. })), "{:?}", r);
        assert!(got.is_empty() && events.is_empty());
        let (r, got, _) = run(&at, &ConsumeSettings { start: OffsetSpec::Absolute(5), ..settings() });
        r.unwrap();
        assert!(got.is_empty());
    }

    #[test]
    fn processed_positions_follow_the_sink() {
        let (_tmp, at) = setup();
        let cat = Catalog::open(&at).unwrap();
        let mut f = Fetcher::new(FetchSettings {
            isolation: Isolation::ReadUncommitted,
            stop_ms: None,
            count: Some(3),
            batches_per_round: 16,
            skip_damaged: false,
        });
        let tp = TopicPartition::new("t", 0);
        f.add(tp.clone(), cat.feed("t", 0).unwrap(), 1);
        let mut sink = VecSink::default();
        let mut seen = Vec::new();
        let round = f
            .round(&mut sink, &mut |_| {}, &|| false, &mut |_, n, _| {
                seen.push(n);
                Ok(())
            })
            .unwrap();
        assert!(round.progressed && round.failed.is_none());
        assert_eq!(sink.got.iter().map(|g| g.1).collect::<Vec<_>>(), vec![1, 2, 3]);
        // The count ended inside the second batch: processed up to the last record delivered.
        assert_eq!(f.processed(&tp), Some(4));
        assert_eq!(seen, vec![2, 4]);
        assert_eq!(f.remaining(), 0);
    }

    /// A batch whose length and CRC check out but whose records do not decode is named by its
    /// segment file and byte position, as a batch with a bad CRC is.
    #[test]
    fn a_batch_whose_records_do_not_decode_is_named_by_file_and_position() {
        use crate::record::{crc32c, ATTRIBUTES_AT, CRC_AT, HEADER_BYTES, LENGTH_AT, LOG_OVERHEAD};
        let (tmp, at) = setup();
        let log = tmp.path().join("t-0").join("00000000000000000000.log");
        let mut bytes = std::fs::read(&log).unwrap();
        let size_at = |b: &[u8], at: usize| {
            LOG_OVERHEAD + i32::from_be_bytes(b[at + LENGTH_AT..at + LENGTH_AT + 4].try_into().unwrap()) as usize
        };
        // The second batch (offsets 2 and 3): its first record's length becomes -64.
        let second = size_at(&bytes, 0);
        let end = second + size_at(&bytes, second);
        bytes[second + HEADER_BYTES] = 0x7f;
        let crc = crc32c(&bytes[second + ATTRIBUTES_AT..end]);
        bytes[second + CRC_AT..second + CRC_AT + 4].copy_from_slice(&crc.to_be_bytes());
        std::fs::write(&log, &bytes).unwrap();

        // A plain consumer reports the damage, naming the file and position, and stops there.
        let (r, got, events) = run(&at, &ConsumeSettings { partitions: vec![0], ..settings() });
        assert_eq!(r.unwrap(), Consumed { damaged: 1 });
        assert_eq!(got.iter().map(|g| g.1).collect::<Vec<_>>(), vec![0, 1]);
        let damaged: Vec<String> = events
            .iter()
            .filter_map(|e| match e {
                FetchEvent::Damaged { damage: Damage::Corrupt(e), .. } => Some(e.to_string()),
                _ => None,
            })
            .collect();
        let want = format!("corrupt data in {} at byte {}: batch at offset 2 does not decode", log.display(), second);
        assert!(damaged.len() == 1 && damaged[0].starts_with(&want), "{:?}", events);

        // Not skipping damaged partitions, the error is corrupt data at the same file and position.
        let cat = Catalog::open(&at).unwrap();
        let mut f = Fetcher::new(FetchSettings {
            isolation: Isolation::ReadUncommitted,
            stop_ms: None,
            count: None,
            batches_per_round: 16,
            skip_damaged: false,
        });
        f.add(TopicPartition::new("t", 0), cat.feed("t", 0).unwrap(), 0);
        let e = f.round(&mut VecSink::default(), &mut |_| {}, &|| false, &mut |_, _, _| Ok(())).unwrap_err();
        assert!(
            matches!(&e, Error::Corrupt { path, position, .. } if *path == log && *position == second as u64),
            "{e}"
        );
        assert!(e.to_string().starts_with(&want), "{e}");
    }
}
