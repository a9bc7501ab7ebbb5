//! Topic administration, as kafka-topics does it: create, list, describe, alter, delete; on a
//! standalone data directory or, when a metadata store is in reach, in the cluster (the store
//! holds a cluster topic; each broker keeps a copy of its partitions).
//!
//! Internal topics (`__consumer_offsets`, `__transaction_state`, `__cluster_metadata`) are
//! Kafka's own: they are never deleted or repartitioned here, and created only to match a Kafka
//! broker's topic (its id given), `__consumer_offsets` only with the partition count every group
//! hashes into.

use super::Location;
pub use crate::datadir::{refuse_internal, TopicChange};
use crate::datadir::{DataDir, TopicMeta};
use crate::error::{Error, Result};
use crate::meta::Snapshot;
use std::collections::BTreeMap;

/// A topic to create.
#[derive(Clone, Debug, Default)]
pub struct NewTopic {
    pub name: String,
    pub partitions: i32,
    pub configs: BTreeMap<String, String>,
    /// Succeed without change when the topic exists.
    pub if_not_exists: bool,
    /// In a cluster: replicas per partition (default 1), or an explicit assignment (brokers
    /// per partition, the preferred leader first).
    pub replication_factor: Option<i32>,
    pub replica_assignment: Option<Vec<Vec<i32>>>,
    /// Standalone only: the topic id to give it (to match a Kafka broker's copy).
    pub topic_id: Option<String>,
}

/// What a create did.
#[derive(Debug)]
pub enum Created {
    /// The topic was there already (`if_not_exists`).
    Existed,
    /// A cluster topic; brokers whose partition directories could not be created now (their
    /// agents create them later).
    InCluster { partitions: usize, replication_factor: usize, unreached: Vec<(i32, String)> },
    /// A topic of the standalone data directory.
    Local { partitions: i32 },
}

/// One topic of `list`: the replication factor for cluster topics.
#[derive(Debug)]
pub struct TopicListing {
    pub name: String,
    pub partitions: i32,
    pub replication_factor: Option<usize>,
}

/// A partition of a cluster topic as kafka-topics describes it.
#[derive(Debug)]
pub struct ClusterPartition {
    pub partition: i32,
    /// -1 when offline.
    pub leader: i32,
    pub leader_epoch: crate::LeaderEpoch,
    pub replicas: Vec<i32>,
    pub isr: Vec<i32>,
    pub under_replicated: bool,
    pub under_min_isr: bool,
}

/// A cluster topic described.
#[derive(Debug)]
pub struct ClusterTopic {
    pub name: String,
    pub topic_id: String,
    pub replication_factor: usize,
    pub configs: BTreeMap<String, String>,
    pub partitions: Vec<ClusterPartition>,
}

/// A partition of a local topic: its offsets and segments.
#[derive(Debug)]
pub struct LocalPartition {
    pub partition: i32,
    pub log_start_offset: i64,
    pub log_end_offset: i64,
    pub segments: usize,
    pub bytes: u64,
}

/// A local topic described.
#[derive(Debug)]
pub struct LocalTopic {
    pub meta: TopicMeta,
    pub partitions: Vec<LocalPartition>,
}

/// What `describe` found: cluster topics (all named ones are), else the data directory's.
#[derive(Debug)]
pub enum Described {
    Cluster(Vec<ClusterTopic>),
    Local(Vec<LocalTopic>),
}

/// What an alter or delete did; `unreached` brokers catch up when their agents run.
#[derive(Debug)]
pub struct Changed {
    pub in_cluster: bool,
    pub partitions: i32,
    pub unreached: Vec<(i32, String)>,
}

/// Creates a topic in the cluster when a metadata store is in reach, else in the data directory
/// (created when new or empty). Everything is checked before anything is created: a refused
/// create leaves no data directory behind.
pub fn create(at: &Location, t: &NewTopic) -> Result<Created> {
    refuse_internal(&t.name, TopicChange::Create, t.topic_id.as_deref(), t.partitions)?;
    DataDir::validate_new_topic(&t.name, t.partitions, &t.configs)?;
    if let Some(store) = at.store()? {
        if t.topic_id.is_some() {
            return Err(Error::Usage(
                "a topic id is given only to topics of standalone data directories (a cluster's topic ids are its metadata store's)"
                    .into(),
            ));
        }
        let snap = store.load()?;
        if t.if_not_exists && snap.topics.contains_key(&t.name) {
            // Completes a create that a crash cut short after the store had the topic; brokers
            // out of reach get their replicas when they are back and this runs again.
            crate::replica::create_missing_replicas(&snap, &t.name, at.lock_timeout)?;
            return Ok(Created::Existed);
        }
        let assignment = match &t.replica_assignment {
            Some(a) => a.clone(),
            None => {
                let brokers: Vec<i32> = store.load()?.brokers.keys().copied().collect();
                crate::meta::assign_replicas(&brokers, t.partitions, t.replication_factor.unwrap_or(1))?
            }
        };
        let (snap, unreached) =
            crate::replica::create_topic(&store, &t.name, assignment, t.configs.clone(), at.lock_timeout)?;
        let created = &snap.topics[&t.name];
        return Ok(Created::InCluster {
            partitions: created.partitions.len(),
            replication_factor: created.partitions.first().map_or(0, |p| p.replicas.len()),
            unreached,
        });
    }
    if t.replication_factor.is_some_and(|r| r != 1) || t.replica_assignment.is_some() {
        return Err(Error::Usage(
            "replicas on other brokers need a cluster (a data directory joined to a metadata store)".into(),
        ));
    }
    let dd = at.open_or_init()?;
    if t.if_not_exists && dd.topic(&t.name).is_ok() {
        return Ok(Created::Existed);
    }
    let made = dd.create_topic_with_id(&t.name, t.partitions, t.configs.clone(), t.topic_id.as_deref())?;
    Ok(Created::Local { partitions: made.partitions })
}

/// Every topic: the cluster's (with their replication factor) and the data directory's own
/// (with a store, only when the directory exists). Returns whether a cluster is in reach.
pub fn list(at: &Location, exclude_internal: bool) -> Result<(bool, Vec<TopicListing>)> {
    let mut topics: BTreeMap<String, (i32, Option<usize>)> = BTreeMap::new();
    let store = at.store()?;
    if let Some(store) = &store {
        for (name, t) in store.load()?.topics {
            let rf = t.partitions.first().map_or(0, |p| p.replicas.len());
            topics.insert(name, (t.partitions.len() as i32, Some(rf)));
        }
    }
    if store.is_none() || at.data_dir.exists() {
        for t in at.open()?.topics()? {
            topics.entry(t.name.clone()).or_insert((t.partitions, None));
        }
    }
    if exclude_internal {
        topics.retain(|n, _| !crate::datadir::is_internal_topic(n));
    }
    let rows = topics
        .into_iter()
        .map(|(name, (partitions, replication_factor))| TopicListing { name, partitions, replication_factor })
        .collect();
    Ok((store.is_some(), rows))
}

/// Describes `names` (all topics when empty): from the cluster when every named topic is a
/// cluster topic (and there is one), else from the data directory.
pub fn describe(at: &Location, names: &[String]) -> Result<Described> {
    if let Some(store) = at.store()? {
        let snap = store.load()?;
        if names.iter().all(|n| snap.topics.contains_key(n)) && (!names.is_empty() || !snap.topics.is_empty()) {
            return Ok(Described::Cluster(describe_cluster(&snap, names)));
        }
    }
    let dd = at.open()?;
    let topics =
        if names.is_empty() { dd.topics()? } else { names.iter().map(|n| dd.topic(n)).collect::<Result<Vec<_>>>()? };
    let mut out = Vec::new();
    for t in topics {
        let mut partitions = Vec::new();
        for p in dd.existing_partitions(&t)? {
            let r = dd.open_reader(&t, p)?;
            let segs = r.segment_summaries()?;
            partitions.push(LocalPartition {
                partition: p,
                log_start_offset: r.log_start_offset(),
                log_end_offset: r.log_end_offset()?,
                segments: segs.len(),
                bytes: segs.iter().map(|s| s.size_bytes).sum(),
            });
        }
        out.push(LocalTopic { meta: t, partitions });
    }
    Ok(Described::Local(out))
}

fn describe_cluster(snap: &Snapshot, names: &[String]) -> Vec<ClusterTopic> {
    let mut out = Vec::new();
    for (name, t) in snap.topics.iter().filter(|(n, _)| names.is_empty() || names.contains(n)) {
        let min_isr: usize = t.configs.get("min.insync.replicas").and_then(|v| v.parse().ok()).unwrap_or(1);
        let partitions = t
            .partitions
            .iter()
            .enumerate()
            .map(|(p, ps)| ClusterPartition {
                partition: p as i32,
                leader: ps.leader,
                leader_epoch: ps.leader_epoch,
                replicas: ps.replicas.clone(),
                isr: ps.isr.clone(),
                under_replicated: ps.isr.len() < ps.replicas.len(),
                under_min_isr: ps.isr.len() < min_isr,
            })
            .collect();
        out.push(ClusterTopic {
            name: name.clone(),
            topic_id: t.topic_id.clone(),
            replication_factor: t.partitions.first().map_or(0, |p| p.replicas.len()),
            configs: t.configs.clone(),
            partitions,
        });
    }
    out
}

/// Changes a topic's partition count (growing only) and configs, in the cluster or the data
/// directory, wherever the topic lives.
pub fn alter(
    at: &Location,
    name: &str,
    partitions: Option<i32>,
    set: BTreeMap<String, String>,
    delete: &[String],
) -> Result<Changed> {
    if partitions.is_some() {
        refuse_internal(name, TopicChange::Repartition, None, 0)?;
    }
    if let Some((store, _)) = at.cluster_topic(name)? {
        let (snap, unreached) =
            crate::replica::admin::alter_topic(&store, name, partitions, set, delete, at.lock_timeout)?;
        let partitions = snap.topics[name].partitions.len() as i32;
        return Ok(Changed { in_cluster: true, partitions, unreached });
    }
    let t = super::catalog::Catalog::open(at)?.local(name)?.alter_topic(name, partitions, set, delete)?;
    Ok(Changed { in_cluster: false, partitions: t.partitions, unreached: Vec::new() })
}

/// Deletes a topic from the cluster (brokers delete their copies; those unreachable when
/// their agents run) or from the data directory.
pub fn delete(at: &Location, name: &str) -> Result<Changed> {
    refuse_internal(name, TopicChange::Delete, None, 0)?;
    if let Some((store, _)) = at.cluster_topic(name)? {
        let (_, unreached) = crate::replica::admin::delete_topic(&store, name, at.lock_timeout)?;
        return Ok(Changed { in_cluster: true, partitions: 0, unreached });
    }
    let t = super::catalog::Catalog::open(at)?.local(name)?.delete_topic(name)?;
    Ok(Changed { in_cluster: false, partitions: t.partitions, unreached: Vec::new() })
}

/// Deletes the records of partition `p` of `topic` below `offset` (-1: the high watermark), as
/// kafka-delete-records: for a cluster topic on the partition's leader, up to its high
/// watermark (followers follow the leader's log start on their next pass; a leader that loses
/// leadership before the lock is taken deletes nothing), else in the data directory.
pub fn delete_records(at: &Location, topic: &str, p: i32, offset: i64) -> Result<crate::cleaner::DeleteRecordsReport> {
    if let Some((store, snap)) = at.cluster_topic(topic)? {
        let ps = snap.partition(topic, p)?;
        let needed_for = crate::error::LeaderFor::DeleteRecords;
        let leader = crate::replica::leader_dir(&snap, topic, p, ps.leader, at.lock_timeout, needed_for)?;
        let t = leader.topic(topic)?;
        let hw = crate::replica::stored_high_watermark(&leader, topic, p)?;
        let still_leader = || crate::replica::check_leader(&store, topic, p, ps.leader, ps.leader_epoch);
        return crate::cleaner::delete_records(&leader, &t, p, offset, Some(hw), Some(&still_leader));
    }
    let dd = at.open()?;
    let t = dd.topic(topic)?;
    dd.check_partition(&t, p)?;
    crate::cleaner::delete_records(&dd, &t, p, offset, None, None)
}

/// The data directory's copies of `names` (every topic when empty), each with the configs in
/// force: a cluster topic's are the metadata store's (`topic alter` changes them there; a broker
/// that was unreachable then may hold older ones in its own topic file).
pub fn with_current_configs(at: &Location, dd: &DataDir, names: &[String]) -> Result<Vec<TopicMeta>> {
    let mut topics =
        if names.is_empty() { dd.topics()? } else { names.iter().map(|t| dd.topic(t)).collect::<Result<Vec<_>>>()? };
    if let Some(store) = at.store()? {
        let snap = store.load()?;
        for t in topics.iter_mut() {
            if let Some(ts) = snap.topics.get(&t.name).filter(|ts| ts.topic_id == t.topic_id) {
                t.config = crate::datadir::TopicConfig { overrides: ts.configs.clone() };
            }
        }
    }
    Ok(topics)
}
