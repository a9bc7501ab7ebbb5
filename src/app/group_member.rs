//! A consumer-group member: it joins the group, consumes the partitions it is assigned (while
//! holding their ownership locks) with the same [`Fetcher`] as a plain consumer, follows
//! rebalances, and commits offsets to `__consumer_offsets`:
//!
//! - auto ([`CommitMode::Auto`]): every `auto_commit_interval` and on exit (end of input, the count
//!   reached, a stop request, a closed output), always only what the sink delivered;
//! - manual ([`CommitMode::Manual`]): after the records are processed: after each delivery a sink
//!   acknowledges on its own (a command exiting 0), else after each flush of the sink;
//! - none ([`CommitMode::None`]): never.
//!
//! Where a newly owned partition starts: an explicit start spec, else its committed offset, else
//! the [`ResetPolicy`] (also for a committed or explicit offset outside the log). Before giving
//! up a partition in a rebalance, the member commits what it processed of it, so the next owner
//! continues exactly there. A failed delivery stops the member with the sink's status; the
//! records are delivered again later (at least once, no gaps).

use super::catalog::Catalog;
use super::fetch::{Delivery, FetchEvent, FetchSettings, Fetcher, LeaderWait, OffsetSpec, RecordSink};
use super::Location;
use crate::datadir::DataDir;
use crate::error::{Error, Result};
use crate::group::assign::Strategy;
use crate::group::member::{Member, MemberOptions};
use crate::group::offsets::{self, Change};
use crate::record::isolation::Isolation;
use crate::replica::feed::PartitionFeed;
use crate::TopicPartition;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// When offsets are committed (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommitMode {
    Auto,
    Manual,
    None,
}

/// Where a partition without a usable committed offset starts (Kafka's auto.offset.reset).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResetPolicy {
    /// The log start offset.
    Earliest,
    /// The log end offset (Kafka's default).
    Latest,
    /// Fail, naming the partition.
    None,
}

impl ResetPolicy {
    /// Where group `group` starts reading `tp`, whose log runs from `earliest` to `latest` (what
    /// a consumer may read up to), when its committed or asked-for offset is unusable for `why`.
    pub fn start_of(self, group: &str, tp: &TopicPartition, earliest: i64, latest: i64, why: &str) -> Result<i64> {
        match self {
            ResetPolicy::Earliest => Ok(earliest),
            ResetPolicy::Latest => Ok(latest),
            ResetPolicy::None => {
                Err(Error::NoResetOffset { group: group.to_string(), tp: Some(tp.clone()), why: why.to_string() })
            }
        }
    }
}

/// How a member consumes.
#[derive(Debug, Clone)]
pub struct GroupSettings {
    pub group: String,
    /// The topics to subscribe to (none: resume the group's).
    pub topics: Vec<String>,
    /// An explicit start for every partition the member acquires, instead of the committed one.
    pub start: Option<OffsetSpec>,
    pub reset: ResetPolicy,
    pub commit: CommitMode,
    pub auto_commit_interval: Duration,
    pub count: Option<u64>,
    /// `read_committed` delivers, and so commits, only up to a partition's first transaction
    /// still open (its last stable offset), and never an aborted transaction's records.
    pub isolation: Isolation,
    /// Exit once every owned partition is read to its end (and the group settled).
    pub exit_at_end: bool,
    pub strategy: Strategy,
    pub session_timeout_ms: i64,
    pub max_poll_interval_ms: i64,
    pub client_id: String,
    pub lock_timeout: Duration,
}

/// What a member did, for the caller to report.
#[derive(Debug)]
pub enum GroupEvent {
    /// Joined as `member_id`, subscribed to `topics`.
    Joined {
        member_id: String,
        topics: Vec<String>,
    },
    /// A warning of the membership protocol.
    Warning(String),
    /// Another member was removed from the group (why).
    Expelled {
        member_id: String,
        why: String,
    },
    /// This member had been removed for silence and joined again.
    Rejoined,
    /// Joined a new generation.
    Generation(i32),
    Revoked(Vec<TopicPartition>),
    Assigned(Vec<TopicPartition>),
    /// A partition starts at `offset` from the explicit start spec instead of `committed`.
    StartFromSpec {
        tp: TopicPartition,
        offset: i64,
        committed: Option<i64>,
    },
    /// The explicit absolute start `offset` is outside the log (`start..end`): reset to `to`.
    SpecReset {
        tp: TopicPartition,
        offset: i64,
        start: i64,
        end: i64,
        to: i64,
    },
    /// The committed offset is outside the log (`start..end`): reset to `to`.
    CommittedReset {
        tp: TopicPartition,
        committed: i64,
        start: i64,
        end: i64,
        to: i64,
    },
    /// The sink failed to deliver `tp` from `offset` with `status`: the member stops.
    DeliveryFailed {
        status: i32,
        tp: TopicPartition,
        offset: i64,
    },
    /// What reading ran into.
    Fetch(FetchEvent),
}

/// How a member ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Left {
    /// The status of a failed delivery that stopped the member.
    pub failed_status: Option<i32>,
}

/// Commits processed positions.
struct Committer {
    home: DataDir,
    group: String,
    mode: CommitMode,
    /// Last committed offset of each owned partition.
    committed: BTreeMap<TopicPartition, Option<i64>>,
}

impl Committer {
    /// Commits the positions that moved since the last commit.
    fn commit(&mut self, positions: impl IntoIterator<Item = (TopicPartition, i64)>) -> Result<()> {
        if self.mode == CommitMode::None {
            return Ok(());
        }
        let changes: Vec<Change> = positions
            .into_iter()
            .filter(|(tp, o)| self.committed.get(tp).is_some_and(|c| *c != Some(*o)))
            .map(|(tp, o)| Change::Set(tp, o, String::new()))
            .collect();
        if changes.is_empty() {
            return Ok(());
        }
        offsets::commit(&self.home, &self.group, &changes)?;
        for c in &changes {
            if let Change::Set(tp, o, _) = c {
                self.committed.insert(tp.clone(), Some(*o));
            }
        }
        Ok(())
    }
}

struct Runner<'a> {
    s: &'a GroupSettings,
    cat: &'a Catalog,
    member: Member,
    fetcher: Fetcher,
    committer: Committer,
    /// Owned partitions not read yet, with their committed offset and whether the member said
    /// it waits for their leader.
    pending: BTreeMap<TopicPartition, (Option<i64>, bool)>,
    last_commit: Instant,
    failed_status: Option<i32>,
}

fn processed(f: &Fetcher, tps: &[TopicPartition]) -> Vec<(TopicPartition, i64)> {
    tps.iter().filter_map(|tp| Some((tp.clone(), f.processed(tp)?))).collect()
}

impl Runner<'_> {
    fn commit(&mut self, tps: &[TopicPartition]) -> Result<()> {
        self.committer.commit(processed(&self.fetcher, tps))
    }

    fn commit_all(&mut self) -> Result<()> {
        let tps: Vec<TopicPartition> = self.fetcher.partitions().cloned().collect();
        self.commit(&tps)
    }

    /// Delivers what the sink holds (committing each acknowledged delivery with manual
    /// commits).
    fn flush(&mut self, sink: &mut dyn RecordSink, events: &mut dyn FnMut(GroupEvent)) -> Result<()> {
        let each = self.s.commit == CommitMode::Manual;
        let committer = &mut self.committer;
        let d = self.fetcher.flush(sink, &mut |tp, next, acked| {
            if each && acked {
                committer.commit([(tp.clone(), next)])?;
            }
            Ok(())
        })?;
        self.failed(d, events);
        Ok(())
    }

    fn failed(&mut self, d: Delivery, events: &mut dyn FnMut(GroupEvent)) {
        if let Delivery::Failed { status, tp, offset } = d {
            events(GroupEvent::DeliveryFailed { status, tp, offset });
            self.failed_status = Some(status);
        }
    }

    /// Where a newly owned partition starts: an explicit spec, else the committed offset (read
    /// after taking the ownership lock, so the previous owner's last commit is seen), else the
    /// reset policy. A committed offset outside the log (deleted by retention) is reset too.
    fn start_offset(
        &self,
        tp: &TopicPartition,
        feed: &PartitionFeed,
        committed: Option<i64>,
        events: &mut dyn FnMut(GroupEvent),
    ) -> Result<i64> {
        let r = feed.reader();
        // A committed offset is in range up to the log end; "latest" is what a consumer may read
        // up to (a cluster partition's high watermark).
        let (start, end) = (r.log_start_offset(), r.log_end_offset()?);
        let latest = feed.end_offset()?;
        let reset = |why: &str| self.s.reset.start_of(&self.s.group, tp, start, latest, why);
        if let Some(spec) = self.s.start {
            // An offset outside the log is reset by the policy, as Kafka's consumer does after a
            // seek out of range (auto.offset.reset).
            if let (OffsetSpec::Absolute(n), Some(_)) = (spec, spec.outside_log(feed)?) {
                let o = reset(&format!("has -o offset {} outside the log ({}..{})", n, start, end))?;
                events(GroupEvent::SpecReset { tp: tp.clone(), offset: n, start, end, to: o });
                return Ok(o);
            }
            let o = spec.resolve(feed, &tp.topic, tp.partition)?;
            events(GroupEvent::StartFromSpec { tp: tp.clone(), offset: o, committed });
            return Ok(o);
        }
        match committed {
            Some(c) if c >= start && c <= end => Ok(c),
            Some(c) => {
                let o = reset(&format!("has committed offset {} outside the log ({}..{})", c, start, end))?;
                events(GroupEvent::CommittedReset { tp: tp.clone(), committed: c, start, end, to: o });
                Ok(o)
            }
            None => reset("has no committed offset"),
        }
    }

    fn rebalance_step(&mut self, sink: &mut dyn RecordSink, events: &mut dyn FnMut(GroupEvent)) -> Result<()> {
        let r = self.member.poll()?;
        for w in r.warnings.iter().chain(self.member.take_warnings().iter()) {
            events(GroupEvent::Warning(w.clone()));
        }
        for (id, why) in &r.expelled {
            events(GroupEvent::Expelled { member_id: id.clone(), why: why.clone() });
        }
        if r.rejoined {
            events(GroupEvent::Rejoined);
        }
        if let Some(g) = r.new_generation {
            events(GroupEvent::Generation(g));
        }
        if !r.revoke.is_empty() {
            // Commit what was processed of them before anyone else may read them.
            self.flush(sink, events)?;
            self.commit(&r.revoke)?;
            for tp in &r.revoke {
                self.fetcher.remove(tp);
                self.committer.committed.remove(tp);
                self.pending.remove(tp);
            }
            self.member.release(&r.revoke);
            events(GroupEvent::Revoked(r.revoke.clone()));
        }
        if !r.acquired.is_empty() {
            let committed = offsets::read_offsets(&self.committer.home, &self.s.group)?;
            for tp in &r.acquired {
                let c = committed.get(tp).map(|c| c.offset);
                self.pending.insert(tp.clone(), (c, false));
            }
            events(GroupEvent::Assigned(r.acquired.clone()));
        }
        self.open_pending(events)?;
        self.fetcher.refresh(&mut |e| events(GroupEvent::Fetch(e)))
    }

    /// Starts reading the owned partitions not read yet. A cluster partition without a leader
    /// that can be read now (offline, its broker unreachable) stays pending (the member keeps
    /// owning it) and is tried again at the next poll; other errors end the member.
    fn open_pending(&mut self, events: &mut dyn FnMut(GroupEvent)) -> Result<()> {
        let tps: Vec<TopicPartition> = self.pending.keys().cloned().collect();
        let mut added = false;
        for tp in tps {
            let feed = match self.cat.feed(&tp.topic, tp.partition) {
                Ok(f) => f,
                Err(e) if self.cat.leader_unavailable(&tp.topic, tp.partition)? => {
                    let said = &mut self.pending.get_mut(&tp).expect("listed above").1;
                    if !std::mem::replace(said, true) {
                        events(GroupEvent::Fetch(FetchEvent::WaitingForLeader { tp: tp.clone(), why: e }));
                    }
                    continue;
                }
                Err(e) => return Err(e),
            };
            let c = self.pending.remove(&tp).and_then(|(c, _)| c);
            let from = self.start_offset(&tp, &feed, c, events)?;
            self.committer.committed.insert(tp.clone(), c);
            self.fetcher.add(tp, feed, from);
            added = true;
        }
        if added {
            self.fetcher.sort();
        }
        Ok(())
    }

    fn run_loop(
        &mut self,
        sink: &mut dyn RecordSink,
        events: &mut dyn FnMut(GroupEvent),
        stop: &dyn Fn() -> bool,
    ) -> Result<()> {
        let auto_every = self.s.auto_commit_interval;
        let manual = self.s.commit == CommitMode::Manual;
        let mut leader_wait = LeaderWait::default();
        let mut last_poll = Instant::now() - Duration::from_secs(1);
        loop {
            if stop() || self.fetcher.remaining() == 0 || self.failed_status.is_some() {
                return self.flush(sink, events);
            }
            // Poll every 50 ms; every 5 ms while assigned partitions wait for their previous owner.
            let poll_every = Duration::from_millis(if self.member.settled() { 50 } else { 5 });
            if last_poll.elapsed() >= poll_every {
                self.flush(sink, events)?;
                self.rebalance_step(sink, events)?;
                last_poll = Instant::now();
            }
            let committer = &mut self.committer;
            let round =
                self.fetcher.round(sink, &mut |e| events(GroupEvent::Fetch(e)), stop, &mut |tp, next, acked| {
                    if manual && acked {
                        committer.commit([(tp.clone(), next)])?;
                    }
                    Ok(())
                })?;
            if let Some(d) = round.failed {
                self.failed(d, events);
                continue;
            }
            self.flush(sink, events)?;
            if manual && !sink.acknowledges_each() {
                self.commit_all()?;
            }
            if self.s.commit == CommitMode::Auto && self.last_commit.elapsed() >= auto_every {
                self.commit_all()?;
                self.last_commit = Instant::now();
            }
            if !round.progressed {
                let waiting: Vec<String> =
                    self.pending.keys().map(|tp| tp.to_string()).chain(self.fetcher.waiting()).collect();
                let all_at_end = waiting.is_empty() && self.member.settled();
                if self.s.exit_at_end && all_at_end && self.member.generation() >= 0 {
                    return Ok(());
                }
                // -e waits for a partition's leader as long as for a lock, then names the partitions.
                if self.s.exit_at_end {
                    leader_wait.check(&waiting, self.s.lock_timeout)?;
                }
                std::thread::sleep(Duration::from_millis(if self.member.settled() { 20 } else { 5 }));
            }
        }
    }
}

/// Runs a member of `s.group` until the count is reached, the end of its partitions with
/// `exit_at_end`, `stop` says so, or a delivery fails; then commits what was processed (unless
/// commits are off) and leaves the group, so the other members take over at once.
pub fn run(
    at: &Location,
    s: &GroupSettings,
    sink: &mut dyn RecordSink,
    events: &mut dyn FnMut(GroupEvent),
    stop: &dyn Fn() -> bool,
) -> Result<Left> {
    for t in &s.topics {
        crate::datadir::validate_topic_name(t)?;
    }
    let cat = Arc::new(Catalog::open(at)?);
    let home = cat.group_home_for(&s.group, &s.topics)?;
    let opts = MemberOptions {
        strategy: s.strategy,
        session_timeout_ms: s.session_timeout_ms,
        max_poll_interval_ms: s.max_poll_interval_ms,
        client_id: s.client_id.clone(),
        lock_timeout: s.lock_timeout,
    };
    let member = Member::join(&home, cat.clone(), &s.group, &s.topics, opts)?;
    events(GroupEvent::Joined {
        member_id: member.id().to_string(),
        topics: member.topics().iter().cloned().collect(),
    });
    let fetcher = Fetcher::new(FetchSettings {
        isolation: s.isolation,
        stop_ms: None,
        count: s.count,
        batches_per_round: 16,
        skip_damaged: false,
    });
    let committer = Committer { home, group: s.group.clone(), mode: s.commit, committed: BTreeMap::new() };
    let mut runner = Runner {
        s,
        cat: &cat,
        member,
        fetcher,
        committer,
        pending: BTreeMap::new(),
        last_commit: Instant::now(),
        failed_status: None,
    };
    let result = runner.run_loop(sink, events, stop);
    // On every way out, commit what was processed (a position advances only once the sink
    // delivered its records, so this is always safe), then leave.
    let committed = runner.commit_all();
    let Runner { member, failed_status, .. } = runner;
    let left = member.leave();
    result?;
    committed?;
    for w in left? {
        events(GroupEvent::Warning(w));
    }
    Ok(Left { failed_status })
}
