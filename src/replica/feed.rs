//! Reading a partition the way a Kafka consumer fetches it.
//!
//! A standalone partition is read from its data directory to its log end. A partition of a
//! cluster topic is read from its current leader, below the leader's high watermark (so a
//! consumer only ever sees records every in-sync replica holds, which survive a clean leader
//! election); when the controller moves leadership, or the leader's directory stops answering,
//! [`PartitionFeed::refresh`] finds the new leader in the metadata store and carries on from the
//! same offset there.
//!
//! Invariants:
//! - the position (the next offset to return) never moves backwards, except to the new
//!   leader's log end after an unclean election lost records there (reported as
//!   [`FeedEvent::PositionLost`]);
//! - a read error is only taken for an unavailable leader when the leader's directory is indeed
//!   unreachable or leadership moved; an error on a leader that answers is returned, so damaged
//!   data is never skipped silently.

use super::{broker_dir, leader_dir, stored_high_watermark, topic_meta};
use crate::datadir::{DataDir, TopicMeta};
use crate::error::Result;
use crate::log::{Cursor, PartitionReader};
use crate::meta::{MetaStore, Snapshot};
use crate::record::BatchHeader;
use std::time::Duration;

/// What a [`PartitionFeed::refresh`] found, for the caller to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedEvent {
    /// Reading now goes to broker `to`, the leader at `leader_epoch` (it was `from`).
    LeaderMoved { from: i32, to: i32, leader_epoch: crate::LeaderEpoch },
    /// The new leader's log ends at `to`, below the position `from`: the records in between were
    /// lost in an unclean election; reading goes on from `to`.
    PositionLost { from: i64, to: i64 },
    /// No leader can be read now (why); reading resumes when one can.
    Unavailable(String),
}

struct Leader {
    store: MetaStore,
    lock_timeout: Duration,
    broker: i32,
    leader_epoch: crate::LeaderEpoch,
    dd: DataDir,
    high_watermark: i64,
    /// Why the last read or refresh failed, while the leader cannot be read.
    failed: Option<crate::Error>,
    /// The unavailability last reported, so it is reported once.
    reported: Option<String>,
}

/// One partition being read: a reader (for offset lookups) and a cursor from a position.
pub struct PartitionFeed {
    topic: TopicMeta,
    partition: i32,
    reader: PartitionReader,
    cursor: Cursor,
    leader: Option<Leader>,
}

impl PartitionFeed {
    /// A standalone partition of `dd`, read to its log end.
    pub fn local(dd: &DataDir, topic: &TopicMeta, partition: i32) -> Result<PartitionFeed> {
        let reader = dd.open_reader(topic, partition)?;
        let cursor = reader.cursor(reader.log_start_offset());
        Ok(PartitionFeed { topic: topic.clone(), partition, reader, cursor, leader: None })
    }

    /// A partition of a cluster topic, read from its leader in `snap` below the high watermark.
    /// Fails when that leader cannot be read now (the caller may retry later).
    pub fn cluster(
        store: &MetaStore,
        snap: &Snapshot,
        topic: &str,
        partition: i32,
        lock_timeout: Duration,
    ) -> Result<PartitionFeed> {
        let meta = topic_meta(snap, topic)?;
        let ps = snap.partition(topic, partition)?;
        let (dd, reader, hw) = open_leader(snap, &meta, partition, ps.leader, lock_timeout)?;
        let mut cursor = reader.cursor(reader.log_start_offset());
        cursor.set_limit(Some(hw));
        Ok(PartitionFeed {
            topic: meta,
            partition,
            reader,
            cursor,
            leader: Some(Leader {
                store: store.clone(),
                lock_timeout,
                broker: ps.leader,
                leader_epoch: ps.leader_epoch,
                dd,
                high_watermark: hw,
                failed: None,
                reported: None,
            }),
        })
    }

    pub fn partition(&self) -> i32 {
        self.partition
    }

    /// The reader of the log being read (the current leader's, for a cluster topic).
    pub fn reader(&self) -> &PartitionReader {
        &self.reader
    }

    /// The broker read from, for a cluster topic.
    pub fn leader_broker(&self) -> Option<i32> {
        self.leader.as_ref().map(|l| l.broker)
    }

    /// Where a consumer's "latest" is: the high watermark for a cluster topic, else the log end.
    pub fn end_offset(&self) -> Result<i64> {
        match &self.leader {
            Some(l) => Ok(l.high_watermark),
            None => self.reader.log_end_offset(),
        }
    }

    /// Moves the position to `offset` (clamped up to the log start offset).
    pub fn seek(&mut self, offset: i64) {
        let limit = self.leader.as_ref().map(|l| l.high_watermark);
        self.cursor = self.reader.cursor(offset);
        self.cursor.set_limit(limit);
    }

    /// The next offset the feed will return.
    pub fn next_offset(&self) -> i64 {
        self.cursor.next_offset()
    }

    /// See [`Cursor::take_reset`].
    pub fn take_reset(&mut self) -> Option<i64> {
        self.cursor.take_reset()
    }

    /// Whether a leader can be read now (always, for a standalone partition).
    pub fn available(&self) -> bool {
        self.leader.as_ref().is_none_or(|l| l.failed.is_none())
    }

    /// The segment file and byte position of the batch with base offset `base_offset`, in the
    /// log this feed reads (to name a batch whose records do not decode).
    pub fn locate_batch(&self, base_offset: i64) -> Result<Option<(std::path::PathBuf, u64)>> {
        self.cursor.locate_batch(base_offset)
    }

    /// The next whole batch at or after the position, or `None` at the end for now. For a
    /// cluster topic, a failed read also gives `None` and leaves the feed unavailable until
    /// [`PartitionFeed::refresh`] decides what it was.
    pub fn next_batch(&mut self) -> Result<Option<(BatchHeader, &[u8])>> {
        match &mut self.leader {
            None => self.cursor.next_batch(),
            Some(l) if l.failed.is_some() => Ok(None),
            Some(l) => match self.cursor.next_batch() {
                Ok(b) => Ok(b),
                Err(e) => {
                    l.failed = Some(e);
                    Ok(None)
                }
            },
        }
    }

    /// The metadata snapshot for refreshing `feeds` together (one read of the store for all of
    /// them; `None` when none is a cluster partition).
    pub fn shared_snapshot<'a>(feeds: impl IntoIterator<Item = &'a PartitionFeed>) -> Result<Option<Snapshot>> {
        match feeds.into_iter().find_map(|f| f.leader.as_ref()) {
            Some(l) => Ok(Some(l.store.load()?)),
            None => Ok(None),
        }
    }

    /// For a cluster topic: takes the metadata (`snap`, from [`PartitionFeed::shared_snapshot`],
    /// or a fresh read of the store when `None`) and the leader's high watermark again; moves to
    /// the new leader (at the same position) when leadership moved or the leader stopped
    /// answering. Returns what changed worth reporting. A no-op for a standalone partition.
    pub fn refresh(&mut self, snap: Option<&Snapshot>) -> Result<Option<FeedEvent>> {
        let Some(l) = &mut self.leader else { return Ok(None) };
        let loaded;
        let snap = match snap {
            Some(s) => s,
            None => {
                loaded = l.store.load()?;
                &loaded
            }
        };
        let ps = snap.partition(&self.topic.name, self.partition)?.clone();
        let moved = ps.leader != l.broker || ps.leader_epoch != l.leader_epoch;
        if !moved {
            if l.failed.is_none() {
                match stored_high_watermark(&l.dd, &self.topic.name, self.partition) {
                    Ok(hw) => {
                        l.high_watermark = l.high_watermark.max(hw);
                        self.cursor.set_limit(Some(l.high_watermark));
                        return Ok(None);
                    }
                    Err(e) => l.failed = Some(e),
                }
            }
            // A failure on the same leader: a directory that went away is unavailability, but a
            // read that fails on a leader that answers is an error, returned to the caller.
            if l.reported.is_none() && broker_dir(snap, l.broker, l.lock_timeout).is_ok() {
                if let Some(e) = l.failed.take() {
                    return Err(e);
                }
            }
        }
        let position = self.cursor.next_offset();
        let opened = open_leader(snap, &self.topic, self.partition, ps.leader, l.lock_timeout)
            .and_then(|(dd, reader, hw)| Ok((reader.log_end_offset()?, dd, reader, hw)));
        match opened {
            Ok((end, dd, reader, hw)) => {
                // `broker` and `leader_epoch` are those of the log actually opened, so `moved`
                // compares against what was read so far.
                let from = l.broker;
                l.broker = ps.leader;
                l.leader_epoch = ps.leader_epoch;
                l.dd = dd;
                l.failed = None;
                l.reported = None;
                // A new leader's stored high watermark may lag the old one's for a while.
                l.high_watermark = if moved { hw } else { l.high_watermark.max(hw) };
                self.reader = reader;
                let lost = position > end;
                self.seek(position.min(end));
                Ok(Some(if lost {
                    FeedEvent::PositionLost { from: position, to: end }
                } else if moved {
                    FeedEvent::LeaderMoved { from, to: ps.leader, leader_epoch: ps.leader_epoch }
                } else {
                    return Ok(None);
                }))
            }
            Err(e) => {
                // A leader that answers but whose partition cannot be read is an error, not a
                // leader to wait for.
                if ps.leader >= 0 && broker_dir(snap, ps.leader, l.lock_timeout).is_ok() {
                    return Err(e);
                }
                let why = format!("{}-{} (leader {}): {}", self.topic.name, self.partition, ps.leader, e);
                l.failed = Some(e);
                if l.reported.as_deref() == Some(why.as_str()) {
                    return Ok(None);
                }
                l.reported = Some(why.clone());
                Ok(Some(FeedEvent::Unavailable(why)))
            }
        }
    }
}

/// Opens the leader's replica of a partition: its directory, a reader and its high watermark.
fn open_leader(
    snap: &Snapshot,
    topic: &TopicMeta,
    partition: i32,
    leader: i32,
    lock_timeout: Duration,
) -> Result<(DataDir, PartitionReader, i64)> {
    let dd = leader_dir(snap, &topic.name, partition, leader, lock_timeout, crate::error::LeaderFor::Read)?;
    let reader = dd.open_reader(topic, partition)?;
    let hw = stored_high_watermark(&dd, &topic.name, partition)?;
    Ok((dd, reader, hw))
}
