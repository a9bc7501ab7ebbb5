//! Replication between data directories: a follower copies its leader's batches, after
//! truncating to where their leader epoch histories diverge (KIP-101/KIP-279, kafka-format.md
//! section 7.2); the high watermark is the smallest log end offset over the in-sync replicas;
//! in-sync replica sets shrink and grow here, recorded in the metadata store.
//!
//! Invariants:
//! - the follower is written only under its partition lock (through its `PartitionWriter`), the
//!   leader is read without a lock, and only whole batches whose CRC checks out are copied,
//!   byte for byte, with their offsets and leader epochs (`AppendMode::Replica`);
//! - before copying, the follower's log holds no record the leader does not have at the same
//!   offset in the same epoch: the divergence step truncates exactly the records of epochs the
//!   leader never wrote there;
//! - a follower whose latest epoch is newer than anything the leader knows is never truncated
//!   silently: that is a stale leader, reported as a conflict;
//! - every ISR change is made under the store's lock, only if the partition's leader epoch is
//!   still the one the change was decided under, and is recorded with that epoch;
//! - the high watermark stored in a broker's `replication-offset-checkpoint` never exceeds any
//!   in-sync replica's log end offset when it was computed.
//!
//! The module never prints or exits.

pub mod admin;
pub mod feed;
pub mod throttle;

use crate::datadir::{DataDir, TopicMeta, LOG_START_CHECKPOINT, REPLICATION_CHECKPOINT};
use crate::error::{Error, Result};
use crate::log::epoch::LeaderEpochCache;
use crate::log::AppendMode;
use crate::meta::{MetaStore, Snapshot};
use crate::LeaderEpoch;
use serde_json::json;
use std::path::Path;
use std::time::Duration;

/// What one replication pass did to one follower partition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassReport {
    pub topic: String,
    pub partition: i32,
    /// The follower's log end offset before the pass.
    pub start_offset: i64,
    /// Where the divergence check truncated the follower, if it did.
    pub truncated_to: Option<i64>,
    pub batches: u64,
    pub bytes: u64,
    pub follower_end_offset: i64,
    pub leader_end_offset: i64,
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// In a cluster: the store and the follower's broker id, so that a pass re-checks, holding the
/// follower's partition lock, that the follower is still a replica.
pub type Assignment<'a> = Option<(&'a MetaStore, i32)>;

/// One pass: brings `follower`'s replica of `topic`-`partition` up to the leader's log end.
/// `topic` is the leader's topic metadata; the follower's partition is created when missing.
pub fn replicate_partition(
    leader: &DataDir,
    follower: &DataDir,
    topic: &TopicMeta,
    partition: i32,
    assignment: Assignment,
) -> Result<PassReport> {
    replicate_partition_with_progress(leader, follower, topic, partition, assignment, None, &mut |_, _| {})
}

/// [`replicate_partition`], calling `progress(follower log end, leader log end)` as it copies
/// (about every 8 MiB), paced by `throttle` when given.
///
/// With an `assignment`, a follower that is no longer a replica of the partition when its lock
/// is held (a reassignment removed it while this pass was starting) gets no copy: its
/// partition directory is deleted, as the reassignment does, and the pass fails with a conflict.
pub fn replicate_partition_with_progress(
    leader: &DataDir,
    follower: &DataDir,
    topic: &TopicMeta,
    partition: i32,
    assignment: Assignment,
    mut throttle: Option<&mut throttle::Throttle>,
    progress: &mut dyn FnMut(i64, i64),
) -> Result<PassReport> {
    let tp = format!("{}-{}", topic.name, partition);
    if same_dir(leader.root(), follower.root()) {
        return Err(Error::ReplicateToItself { dir: leader.root().to_path_buf(), tp: Some(tp) });
    }
    let reader = leader.open_reader(topic, partition)?;
    let leader_leo = reader.log_end_offset()?;
    let leader_epochs = LeaderEpochCache::load(reader.dir())?;
    let ftopic = follower.ensure_topic_replica(topic, Some(&[partition]))?;
    let mut w = follower.open_writer(&ftopic, partition)?;
    if let Some((store, id)) = assignment {
        let snap = store.load()?;
        if !snap.partition(&topic.name, partition).is_ok_and(|ps| ps.replicas.contains(&id)) {
            drop(w);
            follower.delete_partition_replica(&topic.name, partition)?;
            return Err(Error::NoLongerReplica { topic: topic.name.clone(), partition, broker: id });
        }
    }
    let start_offset = w.log_end_offset();
    let mut truncated_to = None;
    // Divergence (kafka-format.md 7.2): ask the leader for the end of our latest epoch.
    for _ in 0..1000 {
        let leo = w.log_end_offset();
        let Some(latest) = w.epochs().latest() else {
            // No epoch history (records without a leader epoch): keep no more than the leader.
            if leo > leader_leo {
                w.truncate_to(leader_leo)?;
                truncated_to = Some(w.log_end_offset());
            }
            break;
        };
        let (el, ol) = leader_epochs.end_offset_for(latest.epoch, leader_leo);
        if el < 0 {
            return Err(Error::FollowerAheadOfLeader {
                topic: topic.name.clone(),
                partition,
                follower: follower.root().to_path_buf(),
                epoch: latest.epoch,
                start_offset: latest.start_offset,
                leader: leader.root().to_path_buf(),
                leader_latest: leader_epochs.latest().map_or(-1, |e| e.epoch),
            });
        }
        let (ef, of) = w.epochs().end_offset_for(el, leo);
        let target = if ef == el { ol.min(of).min(leo) } else { of.min(leo) };
        if target < leo {
            w.truncate_to(target)?;
            truncated_to = Some(w.log_end_offset());
        }
        if ef == el || target >= leo {
            break;
        }
    }
    // The leader's log start moved past records we do not have (retention, delete-records):
    // start over at its log start, as Kafka's truncateFullyAndStartAt. When delete-records left
    // the leader's log start inside a batch, start at that batch's base offset instead, as
    // Kafka's follower does on its UnexpectedAppendOffsetException (a batch never lies below its
    // segment's base offset). Then follow its log start offset (checkpoint first, then delete,
    // as retention does).
    let leader_start = reader.log_start_offset();
    if w.log_end_offset() < leader_start {
        let restart_at = match reader.cursor(leader_start).next_batch()? {
            Some((h, _)) if h.base_offset < leader_start && h.last_offset() >= leader_start => h.base_offset,
            _ => leader_start,
        };
        let first = w.segments().first().copied().unwrap_or(0);
        // A new (empty) follower loses nothing here: that is no truncation to report.
        if w.log_end_offset() > first {
            truncated_to = Some(first);
        }
        w.truncate_fully_and_start_at(restart_at)?;
    }
    let follower_start = follower.checkpoint_value(LOG_START_CHECKPOINT, &topic.name, partition)?.unwrap_or(0);
    if leader_start > follower_start {
        follower.set_checkpoint_value(LOG_START_CHECKPOINT, &topic.name, partition, leader_start)?;
        w.delete_segments_below(leader_start)?;
    }
    // Copy whole batches from our log end, byte for byte.
    let from = w.log_end_offset();
    let mut cursor = reader.cursor(from);
    let (mut batches, mut bytes) = (0u64, 0u64);
    let mut buf = Vec::new();
    while let Some((h, b)) = cursor.next_batch()? {
        if h.base_offset < w.log_end_offset() {
            if h.last_offset() < w.log_end_offset() {
                continue;
            }
            return Err(Error::Invalid(format!(
                "{}: leader batch {}..{} in {} straddles the follower's log end offset {} in {}",
                tp,
                h.base_offset,
                h.last_offset(),
                leader.root().display(),
                w.log_end_offset(),
                follower.root().display()
            )));
        }
        buf.clear();
        buf.extend_from_slice(b);
        w.append_batch(&mut buf, AppendMode::Replica).map_err(|e| match e {
            Error::BadBatch { partition: None, fault } => Error::BadBatch { partition: Some(tp.clone()), fault },
            other => other,
        })?;
        batches += 1;
        let before = bytes;
        bytes += buf.len() as u64;
        if let Some(t) = throttle.as_deref_mut() {
            t.wait(buf.len() as u64);
        }
        if before >> 23 != bytes >> 23 {
            progress(w.log_end_offset(), leader_leo);
        }
        if batches % 1024 == 0 {
            w.maybe_flush()?;
        }
    }
    w.flush()?;
    Ok(PassReport {
        topic: topic.name.clone(),
        partition,
        start_offset,
        truncated_to,
        batches,
        bytes,
        follower_end_offset: w.log_end_offset(),
        leader_end_offset: leader_leo.max(w.log_end_offset()),
    })
}

/// Opens the data directory of `leader`, partition `partition` of `topic`'s leader as the
/// snapshot records it: `Error::NoLeader` when it has none (-1), in the words of `needed_for`.
pub fn leader_dir(
    snap: &Snapshot,
    topic: &str,
    partition: i32,
    leader: i32,
    lock_timeout: Duration,
    needed_for: crate::error::LeaderFor,
) -> Result<DataDir> {
    if leader < 0 {
        return Err(Error::NoLeader { topic: topic.to_string(), partition, needed_for });
    }
    broker_dir(snap, leader, lock_timeout)
}

/// Opens broker `id`'s data directory and checks that it is that broker of this cluster.
pub fn broker_dir(snap: &Snapshot, id: i32, lock_timeout: Duration) -> Result<DataDir> {
    let path = snap.broker_dir(id)?;
    let unavailable = |why: String| Error::BrokerUnavailable { broker: id, path: path.to_path_buf(), why };
    if !path.join(crate::datadir::META_PROPERTIES).is_file() {
        return Err(unavailable("no meta.properties".into()));
    }
    let dd = DataDir::open(path).map_err(|e| unavailable(e.to_string()))?.with_lock_timeout(lock_timeout);
    if dd.broker_id()? != Some(id) {
        return Err(unavailable(format!("it holds broker.id {:?}", dd.broker_id()?)));
    }
    let cid = dd.cluster_id()?;
    if cid != snap.cluster_id {
        return Err(unavailable(format!("it belongs to cluster {}, not {}", cid, snap.cluster_id)));
    }
    Ok(dd)
}

/// The topic as the cluster knows it, in the shape a data directory uses.
pub fn topic_meta(snap: &Snapshot, name: &str) -> Result<TopicMeta> {
    let t = snap.topic(name)?;
    let config = crate::datadir::TopicConfig { overrides: t.configs.clone() };
    Ok(TopicMeta {
        name: name.to_string(),
        topic_id: t.topic_id.clone(),
        partitions: t.partitions.len() as i32,
        config,
        registered: true,
    })
}

/// Fails with a conflict unless `broker` is the partition's leader at `leader_epoch` now.
pub fn check_leader(
    store: &MetaStore,
    topic: &str,
    partition: i32,
    broker: i32,
    leader_epoch: LeaderEpoch,
) -> Result<()> {
    let snap = store.load()?;
    let ps = snap.partition(topic, partition)?;
    if ps.leader != broker || ps.leader_epoch != leader_epoch {
        return Err(Error::StaleLeaderEpoch {
            topic: topic.to_string(),
            partition,
            broker,
            epoch: leader_epoch,
            leader: ps.leader,
            current: ps.leader_epoch,
        });
    }
    Ok(())
}

/// Sets a partition's ISR, if its leader epoch is still `leader_epoch`; records the change.
pub fn set_isr(
    store: &MetaStore,
    topic: &str,
    partition: i32,
    leader_epoch: LeaderEpoch,
    isr: Vec<i32>,
) -> Result<Snapshot> {
    store.update(|snap| {
        let ps = snap.partition_mut(topic, partition)?;
        if ps.leader_epoch != leader_epoch {
            return Err(Error::StaleIsrChange {
                topic: topic.to_string(),
                partition,
                epoch: leader_epoch,
                current: ps.leader_epoch,
            });
        }
        let old = std::mem::replace(&mut ps.isr, isr.clone());
        Ok((
            "isr-change".into(),
            json!({"topic": topic, "partition": partition, "leader_epoch": leader_epoch, "old_isr": old, "isr": isr}),
        ))
    })
}

/// Elects `new_leader` for a partition: it must be in the ISR unless `unclean` (then the ISR
/// becomes just it). Bumps the leader epoch, records the change, and starts the new epoch in
/// the new leader's leader-epoch-checkpoint at its log end offset.
pub fn elect_leader(
    store: &MetaStore,
    topic: &str,
    partition: i32,
    new_leader: i32,
    unclean: bool,
    lock_timeout: Duration,
) -> Result<Snapshot> {
    let snap = store.update(|snap| {
        let ps = snap.partition_mut(topic, partition)?;
        if !ps.replicas.contains(&new_leader) {
            return Err(Error::NotAReplica {
                topic: topic.to_string(),
                partition,
                broker: new_leader,
                replicas: ps.replicas.clone(),
            });
        }
        if !ps.isr.contains(&new_leader) && !unclean {
            return Err(Error::NotInIsr {
                topic: topic.to_string(),
                partition,
                broker: new_leader,
                isr: ps.isr.clone(),
            });
        }
        let old = (ps.leader, ps.leader_epoch);
        ps.leader = new_leader;
        ps.leader_epoch = ps.leader_epoch.next();
        if !ps.isr.contains(&new_leader) {
            ps.isr = vec![new_leader];
        }
        Ok((
            "leader-change".into(),
            json!({"topic": topic, "partition": partition, "old_leader": old.0, "old_leader_epoch": old.1,
                   "leader": new_leader, "leader_epoch": ps.leader_epoch, "isr": ps.isr, "unclean": unclean}),
        ))
    })?;
    let ps = snap.partition(topic, partition)?;
    let dd = broker_dir(&snap, new_leader, lock_timeout)?;
    let t = topic_meta(&snap, topic)?;
    let ft = dd.ensure_topic_replica(&t, Some(&[partition]))?;
    let mut w = dd.open_writer(&ft, partition)?;
    let leo = w.log_end_offset();
    w.epochs_mut().assign(ps.leader_epoch.0, leo)?;
    Ok(snap)
}

/// The leader's current high watermark for a partition, from its `replication-offset-checkpoint`
/// (0 when it has none yet).
pub fn stored_high_watermark(leader: &DataDir, topic: &str, partition: i32) -> Result<i64> {
    Ok(leader.checkpoint_value(REPLICATION_CHECKPOINT, topic, partition)?.unwrap_or(0))
}

/// The leader's view of when each follower last held its whole log, in
/// `<leader>/.klog/replication/<topic>-<p>.json` (reset when the leader epoch changes, or the
/// topic id: a topic deleted and created again under its name starts afresh).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
struct FollowerState {
    leader_epoch: LeaderEpoch,
    #[serde(default)]
    topic_id: String,
    caught_up_ms: std::collections::BTreeMap<i32, i64>,
}

fn load_follower_state(path: &Path) -> Result<FollowerState> {
    match std::fs::read(path) {
        // A state that does not parse is only a hint lost: start the clocks again.
        Ok(b) => Ok(serde_json::from_slice(&b).unwrap_or_default()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(FollowerState::default()),
        Err(e) => Err(Error::io("read", path, e)),
    }
}

/// A follower's log end offset after a sync, and the pass that got it there (when copying).
type FollowerOutcome = (i64, Option<PassReport>);

/// What a leader-side sync did for one partition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncReport {
    pub passes: Vec<(i32, PassReport)>,
    /// Followers that could not be reached or copied to, with why.
    pub failed: Vec<(i32, String)>,
    pub isr: Vec<i32>,
    pub high_watermark: i64,
    pub leader_epoch: LeaderEpoch,
}

/// Leader-side step for one partition: when `copy`, brings every replica up to date (each a
/// replication pass); then shrinks the ISR to the replicas that are reachable and either caught
/// up or behind for no longer than `replica.lag.time.max.ms` (dropping those that fail), grows
/// it with the ones that caught up, records any change, and
/// writes the high watermark (the smallest log end offset over the ISR) into the
/// `replication-offset-checkpoint` of every reachable ISR member.
///
/// Without `copy` (acks=1, or after a follower's own pass), followers are not copied to.
pub fn sync_partition(
    store: &MetaStore,
    topic: &str,
    partition: i32,
    copy: bool,
    lock_timeout: Duration,
) -> Result<SyncReport> {
    let snap = store.load()?;
    let ps = snap.partition(topic, partition)?.clone();
    let t = topic_meta(&snap, topic)?;
    let leader = broker_dir(&snap, ps.leader, lock_timeout)?;
    let reader = leader.open_reader(&t, partition)?;
    let leader_leo = reader.log_end_offset()?;
    let mut passes = Vec::new();
    let mut failed = Vec::new();
    let mut leos = vec![(ps.leader, leader_leo)];
    // Each follower on its own thread: the copies (and their fsyncs) overlap.
    let followers: Vec<i32> = ps.replicas.iter().copied().filter(|&b| b != ps.leader).collect();
    let results: Vec<(i32, Result<FollowerOutcome>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = followers
            .iter()
            .map(|&b| {
                let (snap, leader, t) = (&snap, &leader, &t);
                let h = scope.spawn(move || {
                    let dd = broker_dir(snap, b, lock_timeout)?;
                    if copy {
                        let rep = replicate_partition(leader, &dd, t, partition, Some((store, b)))?;
                        Ok((rep.follower_end_offset, Some(rep)))
                    } else {
                        Ok((dd.open_reader(t, partition)?.log_end_offset()?, None))
                    }
                });
                (b, h)
            })
            .collect();
        handles
            .into_iter()
            .map(|(b, h)| {
                (
                    b,
                    h.join()
                        .unwrap_or_else(|_| Err(Error::Invalid(format!("broker {}: replication thread panicked", b)))),
                )
            })
            .collect()
    });
    for (b, r) in results {
        match r {
            Ok((leo, rep)) => {
                leos.push((b, leo));
                if let Some(rep) = rep {
                    passes.push((b, rep));
                }
            }
            Err(e) => failed.push((b, e.to_string())),
        }
    }
    // ISR: the leader, plus reachable replicas that hold everything the leader had, plus ISR
    // members that were last caught up less than replica.lag.time.max.ms ago. Unreachable
    // replicas leave. The caught-up times live in the leader's data directory, under a lock
    // that also serialises these decisions for the partition.
    if !failed.is_empty() {
        // A follower's failure may really be the leader's (its directory vanished while we read
        // it): then no follower is to blame, and the ISR is not touched.
        let leader_still_there = broker_dir(&snap, ps.leader, lock_timeout)
            .and_then(|dd| dd.open_reader(&t, partition))
            .and_then(|r| r.log_end_offset())
            .is_ok();
        if !leader_still_there {
            return Err(Error::LeaderUnreachable { topic: topic.to_string(), partition, broker: ps.leader });
        }
    }
    let lag_max = t.config.get_i64("replica.lag.time.max.ms");
    let klog_dir = crate::paths::klog_dir(leader.root());
    if !klog_dir.is_dir() {
        // Never recreate a vanished leader directory by creating the state folder in it.
        return Err(Error::LeaderDirGone { topic: topic.to_string(), partition, path: leader.root().to_path_buf() });
    }
    crate::fsutil::create_dir_durable(&crate::paths::klog_sub(leader.root(), crate::paths::KlogSub::Replication))?;
    let (lock_path, state_path) = crate::paths::replication_state(leader.root(), topic, partition);
    let _state_lock = crate::lock::lock_exclusive(
        &lock_path,
        lock_timeout,
        &format!("replication state of {}-{}", topic, partition),
    )?;
    let mut state = load_follower_state(&state_path)?;
    if state.leader_epoch != ps.leader_epoch || state.topic_id != t.topic_id {
        state = FollowerState {
            leader_epoch: ps.leader_epoch,
            topic_id: t.topic_id.clone(),
            caught_up_ms: Default::default(),
        };
    }
    let now = crate::timefmt::now_ms();
    let mut isr = vec![ps.leader];
    for &(b, leo) in &leos[1..] {
        let caught_up = leo >= leader_leo;
        let since = if caught_up {
            state.caught_up_ms.insert(b, now);
            now
        } else {
            // First time seen behind: its lag is counted from now.
            *state.caught_up_ms.entry(b).or_insert(now)
        };
        if caught_up || (ps.isr.contains(&b) && now.saturating_sub(since) <= lag_max) {
            isr.push(b);
        }
    }
    let json = serde_json::to_vec(&state).map_err(|e| Error::corrupt(&state_path, 0, e.to_string()))?;
    crate::fsutil::write_atomic(&state_path, &json)?;
    let ordered: Vec<i32> = ps.replicas.iter().copied().filter(|b| isr.contains(b)).collect();
    let mut sorted_old = ps.isr.clone();
    sorted_old.sort();
    let mut sorted_new = ordered.clone();
    sorted_new.sort();
    if sorted_old != sorted_new {
        set_isr(store, topic, partition, ps.leader_epoch, ordered.clone())?;
    }
    let hw = leos.iter().filter(|(b, _)| ordered.contains(b)).map(|(_, l)| *l).min().unwrap_or(leader_leo);
    let min_isr = t.config.get_i64("min.insync.replicas").max(1) as usize;
    let old_hw = stored_high_watermark(&leader, topic, partition)?;
    // The HW only moves forward, and is frozen while the ISR is below min.insync.replicas.
    let hw = if ordered.len() < min_isr { old_hw.min(leader_leo) } else { hw.max(old_hw).min(leader_leo) };
    for &b in &ordered {
        if let Ok(dd) = broker_dir(&snap, b, lock_timeout) {
            if dd.checkpoint_value(REPLICATION_CHECKPOINT, topic, partition)? != Some(hw) {
                dd.set_checkpoint_value(REPLICATION_CHECKPOINT, topic, partition, hw)?;
            }
        }
    }
    Ok(SyncReport { passes, failed, isr: ordered, high_watermark: hw, leader_epoch: ps.leader_epoch })
}

/// Creates a replicated topic: records it in the store (replicas from `assignment`, one list per
/// partition; the first replica leads at epoch 0; every replica in the ISR), then creates each
/// partition's directory in each replica's data directory. Returns the snapshot and the brokers
/// whose directories could not be created (the followers' passes create them later).
pub fn create_topic(
    store: &MetaStore,
    name: &str,
    assignment: Vec<Vec<i32>>,
    overrides: std::collections::BTreeMap<String, String>,
    lock_timeout: Duration,
) -> Result<(Snapshot, Vec<(i32, String)>)> {
    crate::datadir::validate_topic_name(name)?;
    if assignment.is_empty() || assignment.len() > crate::datadir::PARTITIONS_MAX as usize {
        return Err(Error::PartitionCount {
            count: assignment.len().try_into().unwrap_or(i64::MAX),
            max: crate::datadir::PARTITIONS_MAX,
        });
    }
    let mut configs = std::collections::BTreeMap::new();
    for (k, v) in overrides {
        let v = crate::datadir::config::validate(&k, &v)?;
        configs.insert(k, v);
    }
    let topic_id = crate::datadir::new_uuid()?;
    let snap = store.update(|snap| {
        if snap.topics.contains_key(name) {
            return Err(Error::TopicExists { topic: name.to_string(), place: crate::error::Place::Cluster });
        }
        let folded = |s: &str| s.replace('.', "_");
        if let Some(other) = snap.topics.keys().find(|t| folded(t) == folded(name)) {
            return Err(Error::TopicCollision { topic: name.to_string(), existing: other.clone() });
        }
        for (p, r) in assignment.iter().enumerate() {
            if let Some(b) = r.iter().find(|b| !snap.brokers.contains_key(b)) {
                return Err(Error::AssignsUnregisteredBroker {
                    broker: *b,
                    named_by: crate::error::NamedBy::NewPartition(p as i32),
                });
            }
        }
        let partitions = assignment
            .iter()
            .map(|r| crate::meta::PartitionState {
                replicas: r.clone(),
                leader: r[0],
                leader_epoch: LeaderEpoch(0),
                isr: r.clone(),
            })
            .collect();
        snap.topics.insert(
            name.to_string(),
            crate::meta::TopicState { topic_id: topic_id.clone(), configs: configs.clone(), partitions },
        );
        Ok(("create-topic".into(), json!({"topic": name, "topic_id": topic_id, "assignment": assignment})))
    })?;
    let failed = create_missing_replicas(&snap, name, lock_timeout)?;
    Ok((snap, failed))
}

/// Makes the replica directories of topic `name` that the store assigns to each broker and that
/// are missing (a create cut short by a crash or a power cut, a broker away when it ran),
/// leaving every existing one alone. Returns the brokers it could not reach, with why.
pub fn create_missing_replicas(snap: &Snapshot, name: &str, lock_timeout: Duration) -> Result<Vec<(i32, String)>> {
    let t = topic_meta(snap, name)?;
    let mut failed = Vec::new();
    for &b in snap.brokers.keys() {
        let mine: Vec<i32> = snap.topics[name]
            .partitions
            .iter()
            .enumerate()
            .filter(|(_, ps)| ps.replicas.contains(&b))
            .map(|(p, _)| p as i32)
            .collect();
        if mine.is_empty() {
            continue;
        }
        if let Err(e) = broker_dir(snap, b, lock_timeout).and_then(|dd| dd.ensure_topic_replica(&t, Some(&mine))) {
            failed.push((b, e.to_string()));
        }
    }
    Ok(failed)
}
