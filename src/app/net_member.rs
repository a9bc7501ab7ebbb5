//! A consumer-group member on a Kafka cluster (`klog -b B consume --group G`): the same
//! settings, record sink, events and commit modes as [`super::group_member`] on a data
//! directory, with Kafka's own group protocol doing membership and assignment through
//! [`crate::kafka::NetMember`].
//!
//! - auto ([`CommitMode::Auto`]): every `auto_commit_interval` and on exit, only what the sink
//!   delivered;
//! - manual ([`CommitMode::Manual`]): after each delivery a sink acknowledges on its own (a
//!   command exiting 0), else after each flush of the sink;
//! - none ([`CommitMode::None`]): never.
//!
//! Before a partition is given up in a rebalance, what the sink holds is delivered and what was
//! delivered of the partition committed (the group waits for it), so the next owner continues
//! exactly there. A member killed without leaving loses its partitions after the session
//! timeout; they continue from the last commit (at least once, no gaps). A failed delivery
//! stops the member with the sink's status; its records are delivered again later.
//!
//! Invariant: a partition's processed position only advances as the sink reports delivery, and
//! only processed positions are committed.

use super::fetch::{Delivery, OffsetSpec, RecordSink};
use super::group_member::{CommitMode, GroupEvent, GroupSettings, Left, ResetPolicy};
use crate::error::{Error, Result};
use crate::group::assign::Strategy;
use crate::kafka::{Cluster, MemberConfig, MemberFetched, MemberPoll, NetMember};
use crate::record::isolation::Isolation;
use crate::TopicPartition;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// Records of one partition handed to the sink before it is told the batch ended: up to this
/// many (a batch also ends when the partition changes or nothing more is waiting).
const BATCH_RECORDS_MAX: usize = 500;

/// An owned partition.
#[derive(Debug, Default)]
struct Owned {
    /// The next offset known delivered by the sink (at first, where the partition started).
    processed: Option<i64>,
    /// The last offset committed by this member.
    committed: Option<i64>,
    /// Read to its end (since its last record).
    at_end: bool,
}

/// A member's state; its [`NetMember`] is passed to the methods that use it, so that records
/// can be handed to the sink while the member lends them from its fetch queue.
struct Runner<'a> {
    s: &'a GroupSettings,
    owned: BTreeMap<TopicPartition, Owned>,
    /// The partition of the batch being handed to the sink, its next offset, and its records.
    open: Option<(TopicPartition, i64, usize)>,
    remaining: u64,
    failed_status: Option<i32>,
    /// An assignment was applied after the last revocation.
    settled: bool,
    joined: bool,
    last_commit: Instant,
}

/// Marks positions delivered, committing each acknowledged delivery with manual commits.
fn delivered(
    owned: &mut BTreeMap<TopicPartition, Owned>,
    member: &NetMember,
    commit_each: bool,
    tp: &TopicPartition,
    next: i64,
    acked: bool,
) -> Result<()> {
    let Some(o) = owned.get_mut(tp) else { return Ok(()) };
    o.processed = Some(next);
    if commit_each && acked && o.committed != Some(next) {
        member.commit(&[(tp.clone(), next)], true)?;
        o.committed = Some(next);
    }
    Ok(())
}

impl Runner<'_> {
    fn commit_each(&self) -> bool {
        self.s.commit == CommitMode::Manual
    }

    fn failed(&mut self, d: Delivery, events: &mut dyn FnMut(GroupEvent)) {
        if let Delivery::Failed { status, tp, offset } = d {
            events(GroupEvent::DeliveryFailed { status, tp, offset });
            self.failed_status = Some(status);
        }
    }

    /// Tells the sink that `tp` is processed up to `next` once what it holds is delivered.
    fn batch_end(
        &mut self,
        member: &NetMember,
        sink: &mut dyn RecordSink,
        tp: &TopicPartition,
        next: i64,
        events: &mut dyn FnMut(GroupEvent),
    ) -> Result<()> {
        if self.failed_status.is_some() {
            return Ok(());
        }
        let each = self.commit_each();
        let owned = &mut self.owned;
        let d = sink.batch_end(tp, next, &mut |tp, next, acked| delivered(owned, member, each, tp, next, acked))?;
        self.failed(d, events);
        Ok(())
    }

    /// Ends the batch being handed to the sink.
    fn end_batch(
        &mut self,
        member: &NetMember,
        sink: &mut dyn RecordSink,
        events: &mut dyn FnMut(GroupEvent),
    ) -> Result<()> {
        match self.open.take() {
            Some((tp, next, _)) => self.batch_end(member, sink, &tp, next, events),
            None => Ok(()),
        }
    }

    /// Delivers what the sink holds.
    fn flush(
        &mut self,
        member: &NetMember,
        sink: &mut dyn RecordSink,
        events: &mut dyn FnMut(GroupEvent),
    ) -> Result<()> {
        self.end_batch(member, sink, events)?;
        if self.failed_status.is_some() {
            return Ok(());
        }
        let each = self.commit_each();
        let owned = &mut self.owned;
        let d = sink.flush(&mut |tp, next, acked| delivered(owned, member, each, tp, next, acked))?;
        self.failed(d, events);
        Ok(())
    }

    /// Commits the processed positions of `tps` that moved since the last commit (all of them,
    /// moved or not, with `all`); `wait` for the coordinator's answer.
    fn commit(&mut self, member: &NetMember, tps: &[TopicPartition], all: bool, wait: bool) -> Result<()> {
        if self.s.commit == CommitMode::None {
            return Ok(());
        }
        let positions: Vec<(TopicPartition, i64)> = tps
            .iter()
            .filter_map(|tp| {
                let o = self.owned.get(tp)?;
                let p = o.processed?;
                (all || o.committed != Some(p)).then(|| (tp.clone(), p))
            })
            .collect();
        member.commit(&positions, wait)?;
        for (tp, p) in positions {
            if let Some(o) = self.owned.get_mut(&tp) {
                o.committed = Some(p);
            }
        }
        Ok(())
    }

    fn owned_tps(&self) -> Vec<TopicPartition> {
        self.owned.keys().cloned().collect()
    }

    /// Where newly assigned partitions start, with their committed offsets: an explicit start
    /// spec, else the committed offset, else the reset policy (also for a committed or explicit
    /// offset outside the log). Resolved here rather than by the client, so that the member
    /// knows each partition's position from the start and commits it like any other (as a
    /// member on a data directory does).
    fn starts(
        &self,
        member: &NetMember,
        tps: &[TopicPartition],
        events: &mut dyn FnMut(GroupEvent),
    ) -> Result<Vec<(TopicPartition, i64, Option<i64>)>> {
        let committed = member.committed(tps)?;
        let mut out = Vec::new();
        for (tp, c) in committed {
            let (lo, hi) = member.watermarks(&tp)?;
            let reset = |why: String| self.s.reset.start_of(&self.s.group, &tp, lo, hi, &why);
            let o = match (self.s.start, c) {
                (Some(OffsetSpec::Absolute(n)), _) if n < lo || n > hi => {
                    let to = reset(format!("has -o offset {} outside the log ({}..{})", n, lo, hi))?;
                    events(GroupEvent::SpecReset { tp: tp.clone(), offset: n, start: lo, end: hi, to });
                    to
                }
                (Some(spec), _) => {
                    let o = match spec {
                        OffsetSpec::Beginning => lo,
                        OffsetSpec::End => hi,
                        OffsetSpec::FromEnd(n) => hi.saturating_sub(n).max(lo),
                        OffsetSpec::Time(t) => member.offset_for_time(&tp, t)?.unwrap_or(hi),
                        OffsetSpec::Absolute(n) => n,
                    };
                    events(GroupEvent::StartFromSpec { tp: tp.clone(), offset: o, committed: c });
                    o
                }
                (None, Some(c)) if c >= lo && c <= hi => c,
                (None, Some(c)) => {
                    let to = reset(format!("has committed offset {} outside the log ({}..{})", c, lo, hi))?;
                    events(GroupEvent::CommittedReset { tp: tp.clone(), committed: c, start: lo, end: hi, to });
                    to
                }
                (None, None) => reset("has no committed offset".into())?,
            };
            out.push((tp, o, c));
        }
        Ok(out)
    }

    /// A record or partition end of a poll. Once the count is reached or a delivery failed,
    /// the rest of the batch is left: its records are not handed to the sink, and its ends
    /// (which would mark them processed) are not taken.
    fn on_fetched(
        &mut self,
        member: &NetMember,
        f: MemberFetched<'_>,
        sink: &mut dyn RecordSink,
        events: &mut dyn FnMut(GroupEvent),
    ) -> Result<()> {
        if self.remaining == 0 || self.failed_status.is_some() {
            return Ok(());
        }
        match f {
            MemberFetched::Record { topic, partition, record } => {
                // The open batch's partition (most records), else a lookup.
                let same = self.open.as_ref().is_some_and(|(t, _, _)| t.partition == partition && t.topic == topic);
                if !same {
                    let tp = TopicPartition::new(topic, partition);
                    // A partition revoked meanwhile: its next owner reads the record.
                    let Some(o) = self.owned.get_mut(&tp) else { return Ok(()) };
                    o.at_end = false;
                    self.end_batch(member, sink, events)?;
                    if self.failed_status.is_some() {
                        return Ok(());
                    }
                    self.open = Some((tp, record.offset, 0));
                }
                let (tp, next, n) = self.open.as_mut().expect("a batch is open");
                sink.record(tp, record)?;
                *next = record.offset + 1;
                *n += 1;
                self.remaining = self.remaining.saturating_sub(1);
                if *n >= BATCH_RECORDS_MAX {
                    self.end_batch(member, sink, events)?;
                }
            }
            MemberFetched::End { tp, position } => {
                self.end_batch(member, sink, events)?;
                let Some(o) = self.owned.get_mut(&tp) else { return Ok(()) };
                o.at_end = true;
                // Everything below the position was handed to the sink (or is a transaction
                // marker): processed once the sink delivered it.
                if o.processed.is_none_or(|q| q < position) {
                    self.batch_end(member, sink, &tp, position, events)?;
                }
            }
            MemberFetched::Warning(w) => events(GroupEvent::Warning(w)),
        }
        Ok(())
    }

    /// A rebalance or warning of a poll.
    fn on_poll(
        &mut self,
        member: &mut NetMember,
        polled: MemberPoll,
        sink: &mut dyn RecordSink,
        events: &mut dyn FnMut(GroupEvent),
    ) -> Result<bool> {
        match polled {
            MemberPoll::Assigned(tps) => {
                self.flush(member, sink, events)?;
                let starts = self.starts(member, &tps, events)?;
                let offsets: Vec<(TopicPartition, Option<i64>)> =
                    starts.iter().map(|(tp, o, _)| (tp.clone(), Some(*o))).collect();
                member.assign(&offsets)?;
                for (tp, o, c) in starts {
                    self.owned.insert(tp, Owned { processed: Some(o), committed: c, at_end: false });
                }
                self.settled = true;
                if !self.joined {
                    self.joined = true;
                    events(GroupEvent::Joined { member_id: member.member_id(), topics: self.s.topics.clone() });
                }
                events(GroupEvent::Assigned(tps));
                Ok(true)
            }
            MemberPoll::Revoked { tps, lost } => {
                // Deliver and commit what was processed of them before anyone else reads them.
                self.flush(member, sink, events)?;
                if lost {
                    events(GroupEvent::Warning(format!(
                        "group {}: this member was out of the group (session timeout); {} continue from the last commit",
                        self.s.group,
                        show(&tps)
                    )));
                } else if let Err(e) = self.commit(member, &tps, true, true) {
                    events(GroupEvent::Warning(format!("{}; the next owner may read some records again", e)));
                }
                member.finish_revoke()?;
                for tp in &tps {
                    self.owned.remove(tp);
                }
                self.settled = false;
                events(GroupEvent::Revoked(tps));
                Ok(true)
            }
            MemberPoll::Warning(w) => {
                events(GroupEvent::Warning(w));
                Ok(true)
            }
            MemberPoll::Nothing => Ok(false),
        }
    }

    fn run_loop(
        &mut self,
        member: &mut NetMember,
        sink: &mut dyn RecordSink,
        events: &mut dyn FnMut(GroupEvent),
        stop: &dyn Fn() -> bool,
    ) -> Result<()> {
        // After a poll that found nothing, the sink was flushed: wait longer for the next.
        let mut idle = false;
        loop {
            if stop() || self.remaining == 0 || self.failed_status.is_some() {
                return Ok(());
            }
            let wait = if idle { Duration::from_millis(100) } else { Duration::ZERO };
            // Rebalances and the client's events first; then what was fetched.
            let polled = member.poll(wait)?;
            let mut got = self.on_poll(member, polled, sink, events)?;
            if !got && !member.owned().is_empty() {
                let m: &NetMember = member;
                // A sink that runs a command per batch gets at most a batch's worth of records
                // per fetch, so that a rebalance, seen between fetches, waits for few commands.
                let max = if sink.acknowledges_each() { BATCH_RECORDS_MAX } else { usize::MAX };
                got = m.fetch(wait, max, &mut |f| self.on_fetched(m, f, sink, events))? > 0;
            }
            if got {
                idle = false;
            } else {
                // Caught up: deliver what the sink holds.
                self.flush(member, sink, events)?;
                if self.commit_each() && !sink.acknowledges_each() {
                    let tps = self.owned_tps();
                    self.commit(member, &tps, false, true)?;
                }
                let all_at_end = self.owned.values().all(|o| o.at_end);
                if self.s.exit_at_end && self.settled && all_at_end {
                    return Ok(());
                }
                idle = true;
            }
            if self.s.commit == CommitMode::Auto && self.last_commit.elapsed() >= self.s.auto_commit_interval {
                let tps = self.owned_tps();
                self.commit(member, &tps, false, false)?;
                self.last_commit = Instant::now();
            }
        }
    }
}

fn show(tps: &[TopicPartition]) -> String {
    tps.iter().map(|tp| tp.to_string()).collect::<Vec<_>>().join(", ")
}

/// librdkafka's name of an assignment strategy; eager `sticky` is not one of librdkafka's.
fn assignment_name(s: Strategy) -> Result<&'static str> {
    Ok(match s {
        Strategy::Range => "range",
        Strategy::RoundRobin => "roundrobin",
        Strategy::CooperativeSticky => "cooperative-sticky",
        Strategy::Sticky => {
            return Err(Error::Usage(
                "the sticky assignment is not available against a Kafka cluster (librdkafka has range, roundrobin \
                 and cooperative-sticky)"
                    .into(),
            ))
        }
    })
}

/// Runs a member of `s.group` on the cluster until the count is reached, the end of its
/// partitions with `exit_at_end`, `stop` says so, or a delivery fails; then delivers and
/// commits what was processed (unless commits are off) and leaves the group, so the other
/// members take over at once. `isolation` is Kafka's isolation.level for the records read.
pub fn run(
    cluster: &Cluster,
    s: &GroupSettings,
    isolation: Isolation,
    sink: &mut dyn RecordSink,
    events: &mut dyn FnMut(GroupEvent),
    stop: &dyn Fn() -> bool,
) -> Result<Left> {
    let config = MemberConfig {
        group: s.group.clone(),
        topics: s.topics.clone(),
        offset_reset: match s.reset {
            ResetPolicy::Earliest => "earliest",
            ResetPolicy::Latest => "latest",
            ResetPolicy::None => "error",
        },
        isolation: match isolation {
            Isolation::ReadUncommitted => "read_uncommitted",
            Isolation::ReadCommitted => "read_committed",
        },
        assignment: assignment_name(s.strategy)?,
        session_timeout_ms: s.session_timeout_ms,
        max_poll_interval_ms: s.max_poll_interval_ms,
        client_id: s.client_id.clone(),
    };
    let mut member = NetMember::join(cluster, &config)?;
    let mut runner = Runner {
        s,
        owned: BTreeMap::new(),
        open: None,
        remaining: s.count.unwrap_or(u64::MAX),
        failed_status: None,
        settled: false,
        joined: false,
        last_commit: Instant::now(),
    };
    let result = runner.run_loop(&mut member, sink, events, stop);
    // On every way out, deliver what the sink holds and commit what was processed (a position
    // advances only once the sink delivered its records, so this is always safe), then leave.
    let flushed = runner.flush(&member, sink, events);
    let tps = runner.owned_tps();
    let committed = runner.commit(&member, &tps, true, true);
    member.leave();
    let failed_status = runner.failed_status;
    result?;
    flushed?;
    committed?;
    Ok(Left { failed_status })
}
