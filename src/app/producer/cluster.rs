//! The producer's cluster path: each partition's batches go to its leader, stamped with the
//! leader epoch and checked against the metadata store under the partition lock. Leadership
//! problems are waited out for the delivery timeout (as Kafka's producer retries
//! NOT_LEADER_OR_FOLLOWER); a new leader that lacks unacknowledged batches is sent them again;
//! acknowledging runs the replication step (acks=all copies to every in-sync follower and
//! enforces `min.insync.replicas`) and moves the high watermark.

use super::appender::Appender;
use super::{AckSink, Acks, ProducerSettings, Warning};
use crate::datadir::{DataDir, TopicMeta};
use crate::error::{Error, Result};
use crate::log::PartitionWriter;
use crate::meta::{MetaStore, Snapshot};
use std::collections::{HashMap, HashSet};
use std::time::Duration;

/// What a cluster producer needs besides the partition writers.
pub(super) struct ClusterLink {
    store: MetaStore,
    /// Each partition's leader as last seen in the store.
    routes: HashMap<i32, Route>,
    /// Batches appended since the last acknowledgement, kept so that they can be sent again
    /// to a new leader that does not have them.
    pub(super) unacknowledged: Vec<SentBatch>,
    pub(super) unacknowledged_bytes: usize,
    delivery_timeout: Duration,
    lock_timeout: Duration,
    /// Partitions whose leader was said to be unavailable (said once per partition).
    warned: HashSet<i32>,
}

/// A batch a cluster producer appended and has not yet seen acknowledged.
pub(super) struct SentBatch {
    pub(super) partition: i32,
    pub(super) base_offset: i64,
    pub(super) leader_epoch: crate::LeaderEpoch,
    pub(super) crc: u32,
    pub(super) bytes: Vec<u8>,
}

/// Unacknowledged bytes a cluster producer keeps at most before it stops to acknowledge.
const UNACKNOWLEDGED_BYTES_MAX: usize = 64 << 20;

/// Where a cluster partition's leader is.
#[derive(Clone)]
pub(super) struct Route {
    dd: DataDir,
    broker: i32,
    leader_epoch: crate::LeaderEpoch,
}

impl ClusterLink {
    pub(super) fn new(
        store: MetaStore,
        routes: HashMap<i32, Route>,
        delivery_timeout: Duration,
        lock_timeout: Duration,
    ) -> ClusterLink {
        ClusterLink {
            store,
            routes,
            unacknowledged: Vec::new(),
            unacknowledged_bytes: 0,
            delivery_timeout,
            lock_timeout,
            warned: HashSet::new(),
        }
    }

    /// Too many unacknowledged bytes are kept: acknowledge before reading on.
    pub(super) fn over_limit(&self) -> bool {
        self.unacknowledged_bytes > UNACKNOWLEDGED_BYTES_MAX
    }

    /// The current leader of `p`, read from the store.
    fn refresh(&mut self, topic: &str, p: i32) -> Result<Route> {
        let snap = self.store.load()?;
        let ps = snap.partition(topic, p)?;
        let dd = crate::replica::leader_dir(
            &snap,
            topic,
            p,
            ps.leader,
            self.lock_timeout,
            crate::error::LeaderFor::Produce,
        )?;
        let r = Route { dd, broker: ps.leader, leader_epoch: ps.leader_epoch };
        self.routes.insert(p, r.clone());
        Ok(r)
    }

    /// Runs `attempt` until it succeeds, fails for a reason that waiting cannot cure, or the
    /// delivery timeout has passed since the first failure. Leadership problems (a leader
    /// whose directory is unavailable, a stale leader epoch, no leader yet, a lock held past
    /// its timeout) are waited out, as Kafka's producer retries NOT_LEADER_OR_FOLLOWER; the
    /// first one of each partition is reported to `acks`.
    fn retry<T>(
        &mut self,
        topic: &str,
        p: i32,
        acks: &mut dyn AckSink,
        mut attempt: impl FnMut(&mut ClusterLink) -> Result<T>,
    ) -> Result<T> {
        let deadline = std::time::Instant::now() + self.delivery_timeout;
        let mut pause = Duration::from_millis(20);
        loop {
            match attempt(self) {
                Ok(v) => return Ok(v),
                Err(e) if leadership_problem(&e) && std::time::Instant::now() + pause < deadline => {
                    if self.warned.insert(p) {
                        acks.warning(
                            topic,
                            Warning::LeaderUnavailable { partition: p, error: e, retry_for: self.delivery_timeout },
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
    e.is_contention()
        || matches!(
            e,
            Error::NotFound(_)
                | Error::BrokerNotRegistered { .. }
                | Error::PartitionDirNotFound { .. }
                | Error::NoGroupHome
                | Error::LeaderUnreachable { .. }
                | Error::LeaderDirGone { .. }
                | Error::NoLeader { .. }
                | Error::BrokerUnavailable { .. }
                | Error::TopicNotFound { .. }
                | Error::PartitionNotFound { .. }
                | Error::DataDirNotFound { .. }
                | Error::DataDirGone { .. }
                | Error::StaleLeaderEpoch { .. }
                | Error::Io { .. }
        )
}

impl Appender {
    /// Opens the writer of cluster partition `p` on its leader, checking under the partition
    /// lock that the leader still leads at the epoch the batches will carry.
    pub(super) fn open_cluster_writer(&mut self, p: i32) -> Result<(PartitionWriter, crate::LeaderEpoch)> {
        let topic = self.topic.clone();
        let link = self.cluster.as_deref_mut().expect("a cluster producer");
        link.retry(&topic.name, p, &mut *self.acks, |link| {
            let r = match link.routes.get(&p) {
                Some(r) => r.clone(),
                None => link.refresh(&topic.name, p)?,
            };
            let w = r.dd.open_writer(&topic, p)?;
            crate::replica::check_leader(&link.store, &topic.name, p, r.broker, r.leader_epoch)?;
            Ok((w, r.leader_epoch))
        })
    }

    /// After [`Appender::settle`]: for a cluster topic, acknowledges what was appended (see
    /// [`acknowledge_partition`]) to partition `only`, else to every partition, following the
    /// leadership to a new leader and sending it the batches it lacks; then reports the
    /// acknowledged batches.
    pub(super) fn acknowledge(&mut self, acks: Acks, only: Option<i32>) -> Result<()> {
        if self.cluster.is_none() || acks == Acks::Zero {
            let batches = std::mem::take(&mut self.unreplicated);
            return self.report(&batches);
        }
        let targets: Vec<i32> = match only {
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
                let all = acks == Acks::All;
                let out_of_sync =
                    link.retry(&topic.name, p, &mut *self.acks, |link| acknowledge_partition(link, &topic, p, all))?;
                for why in out_of_sync {
                    self.acks.warning(&topic.name, Warning::ReplicaOutOfSync { partition: p, why });
                }
                // The leadership may have moved again while we acknowledged.
                if self.all_on_leader(p)? {
                    break;
                }
                rounds += 1;
                if rounds >= 5 {
                    return Err(Error::LeadershipKeptMoving { topic: topic.name.clone(), partition: p });
                }
            }
        }
        let link = self.cluster.as_deref_mut().expect("checked above");
        link.unacknowledged.clear();
        link.unacknowledged_bytes = 0;
        let batches = std::mem::take(&mut self.unreplicated);
        self.report(&batches)
    }

    /// The unacknowledged batches of `p` that its current leader lacks (removed from the kept
    /// list, to be appended again); none when the leader is the one they were written to.
    fn missing_on_leader(&mut self, p: i32) -> Result<Vec<Vec<u8>>> {
        let topic = self.topic.clone();
        let link = self.cluster.as_deref_mut().expect("a cluster producer");
        if !link.unacknowledged.iter().any(|b| b.partition == p) {
            return Ok(Vec::new());
        }
        let route = link.retry(&topic.name, p, &mut *self.acks, |link| link.refresh(&topic.name, p))?;
        let mut missing = Vec::new();
        let mut kept = Vec::new();
        let mut gone = Vec::new();
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
                gone.push(b.base_offset);
                missing.push(b.bytes);
            }
        }
        link.unacknowledged_bytes = kept.iter().map(|b| b.bytes.len()).sum();
        link.unacknowledged = kept;
        if !missing.is_empty() {
            self.acks.warning(
                &topic.name,
                Warning::Resending { partition: p, leader: route.broker, batches: missing.len() },
            );
            // They named offsets on the old leader; the new appends report their own.
            self.unreplicated.retain(|a| !(a.partition == p && gone.contains(&a.base_offset)));
        }
        Ok(missing)
    }

    /// Whether every unacknowledged batch of `p` is on the partition's current leader.
    fn all_on_leader(&mut self, p: i32) -> Result<bool> {
        let topic = self.topic.clone();
        let link = self.cluster.as_deref_mut().expect("a cluster producer");
        let route = link.retry(&topic.name, p, &mut *self.acks, |link| link.refresh(&topic.name, p))?;
        for b in link.unacknowledged.iter().filter(|b| b.partition == p && b.leader_epoch != route.leader_epoch) {
            if !has_batch(&route.dd, &topic, p, b.base_offset, b.crc)? {
                return Ok(false);
            }
        }
        Ok(true)
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

/// For a cluster topic: the leader of every partition the producer may write, as far as the
/// store knows one now (a missing or unreachable leader is waited for when the first batch
/// goes there). With acks=all, each partition must have at least min.insync.replicas in sync,
/// checked before anything is written.
pub(super) fn cluster_routes(
    snap: &Snapshot,
    settings: &ProducerSettings,
    lock_timeout: Duration,
) -> Result<(TopicMeta, HashMap<i32, Route>)> {
    let name = &settings.topic;
    let topic = crate::replica::topic_meta(snap, name)?;
    let targets: Vec<i32> = match settings.partition {
        Some(p) => {
            snap.partition(name, p)?;
            vec![p]
        }
        None => (0..topic.partitions).collect(),
    };
    let min_isr = topic.config.get_i64("min.insync.replicas").max(1) as usize;
    let mut routes = HashMap::new();
    for &p in &targets {
        let ps = snap.partition(name, p)?;
        if settings.acks == Acks::All && ps.isr.len() < min_isr {
            return Err(Error::NotEnoughReplicas {
                topic: name.to_string(),
                partition: p,
                isr: ps.isr.clone(),
                min_isr,
                unacknowledged: None,
            });
        }
        if ps.leader < 0 {
            continue;
        }
        if let Ok(dd) = crate::replica::broker_dir(snap, ps.leader, lock_timeout) {
            routes.insert(p, Route { dd, broker: ps.leader, leader_epoch: ps.leader_epoch });
        }
    }
    Ok((topic, routes))
}

/// Acknowledges partition `p` of a cluster topic: with `all` (acks=all) brings every replica up
/// to date (this process copies the batches, so acks=all never waits for a follower process),
/// drops unreachable followers from the ISR, moves the high watermark, and fails with
/// NOT_ENOUGH_REPLICAS when the ISR fell below min.insync.replicas. acks=1 only moves the high
/// watermark. Returns why each follower that failed is out of sync.
fn acknowledge_partition(link: &mut ClusterLink, topic: &TopicMeta, p: i32, all: bool) -> Result<Vec<String>> {
    let min_isr = topic.config.get_i64("min.insync.replicas").max(1) as usize;
    let rep = crate::replica::sync_partition(&link.store, &topic.name, p, all, link.lock_timeout)?;
    let why: Vec<String> = rep.failed.iter().map(|(_, why)| why.clone()).collect();
    if all && rep.isr.len() < min_isr {
        return Err(Error::NotEnoughReplicas {
            topic: topic.name.clone(),
            partition: p,
            isr: rep.isr.clone(),
            min_isr,
            unacknowledged: Some(why.join("; ")),
        });
    }
    Ok(why)
}
