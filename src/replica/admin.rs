//! Changing and deleting cluster topics: the metadata store first (the authority), then each
//! reachable replica's copy; a broker that cannot be reached catches up later (its `klog broker
//! run` agent deletes copies of deleted topics; configs are always read from the store).
//!
//! Invariants:
//! - configs are validated whole before anything is written; the partition count only grows;
//! - every change is one line of the store's change log;
//! - a broker's copy is deleted only when it carries the deleted topic's id.

use super::{broker_dir, topic_meta};
use crate::error::{Error, Result};
use crate::meta::{MetaStore, PartitionState, Snapshot};
use serde_json::json;
use std::collections::BTreeMap;
use std::time::Duration;

/// Brokers whose copy could not be brought in line, with why.
pub type Unreached = Vec<(i32, String)>;

/// Changes a cluster topic: sets and removes config overrides (validated) and raises its
/// partition count (new partitions placed like Kafka's, keeping the replication factor, led by
/// their first replica). The new partitions' directories are created on their brokers, and the
/// configs are mirrored into each reachable replica's own topic file.
pub fn alter_topic(
    store: &MetaStore,
    name: &str,
    partitions: Option<i32>,
    set: BTreeMap<String, String>,
    delete: &[String],
    lock_timeout: Duration,
) -> Result<(Snapshot, Unreached)> {
    let mut valid = BTreeMap::new();
    for (k, v) in set {
        let v = crate::datadir::config::validate(&k, &v)?;
        valid.insert(k, v);
    }
    for k in delete {
        crate::datadir::config::validate(k, crate::datadir::TopicConfig::default().get(k))?;
    }
    let snap = store.update(|s| {
        let brokers: Vec<i32> = s.brokers.keys().copied().collect();
        let t = s.topic_mut(name)?;
        for k in delete {
            t.configs.remove(k);
        }
        t.configs.extend(valid.clone());
        let have = t.partitions.len() as i32;
        if let Some(n) = partitions {
            if n < have {
                return Err(Error::PartitionCountDecrease { topic: name.to_string(), count: have, asked: n });
            }
            if n > crate::datadir::PARTITIONS_MAX {
                return Err(Error::PartitionCount { count: n.into(), max: crate::datadir::PARTITIONS_MAX });
            }
            // The topic's replication factor: the most common replica count (a partition being
            // reassigned has more replicas for a while).
            let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
            for p in &t.partitions {
                *counts.entry(p.replicas.len()).or_default() += 1;
            }
            let rf =
                counts.iter().max_by_key(|(len, n)| (**n, std::cmp::Reverse(**len))).map_or(1, |(len, _)| *len as i32);
            let placed = crate::meta::assign_replicas(&brokers, n, rf)?;
            for r in placed.into_iter().skip(have as usize) {
                t.partitions.push(PartitionState {
                    leader: r[0],
                    leader_epoch: crate::LeaderEpoch(0),
                    isr: r.clone(),
                    replicas: r,
                });
            }
        }
        Ok((
            "alter-topic".into(),
            json!({"topic": name, "set": valid, "deleted": delete, "partitions": t.partitions.len()}),
        ))
    })?;
    let t = topic_meta(&snap, name)?;
    let ts = &snap.topics[name];
    let mut unreached = Vec::new();
    for &b in snap.brokers.keys() {
        let mine: Vec<i32> = (0..t.partitions).filter(|&p| ts.partitions[p as usize].replicas.contains(&b)).collect();
        if mine.is_empty() {
            continue;
        }
        let done = broker_dir(&snap, b, lock_timeout).and_then(|dd| {
            // Creates the replica's partitions that are missing (the new ones among them).
            let local = dd.ensure_topic_replica(&t, Some(&mine))?;
            // Exactly the store's overrides: also drop those deleted while this broker was away.
            let stale: Vec<String> =
                local.config.overrides.keys().filter(|k| !t.config.overrides.contains_key(*k)).cloned().collect();
            dd.alter_topic(name, None, t.config.overrides.clone(), &stale)
        });
        if let Err(e) = done {
            unreached.push((b, e.to_string()));
        }
    }
    Ok((snap, unreached))
}

/// Deletes a cluster topic: removes it from the metadata (keeping its id among the deleted
/// topics) and deletes each reachable broker's copy.
pub fn delete_topic(store: &MetaStore, name: &str, lock_timeout: Duration) -> Result<(Snapshot, Unreached)> {
    let mut gone = None;
    let snap = store.update(|s| {
        let t = s.remove_topic(name)?;
        s.deleted_topics.entry(name.to_string()).or_default().insert(t.topic_id.clone());
        let detail = json!({"topic": name, "topic_id": t.topic_id});
        gone = Some(t);
        Ok(("delete-topic".into(), detail))
    })?;
    let t = gone.ok_or_else(|| Error::Invalid("the store deleted nothing".into()))?;
    let mut unreached = Vec::new();
    for &b in snap.brokers.keys() {
        if !t.partitions.iter().any(|p| p.replicas.contains(&b)) {
            continue;
        }
        let ids = std::collections::BTreeSet::from([t.topic_id.clone()]);
        if let Err(e) = broker_dir(&snap, b, lock_timeout).and_then(|dd| delete_copy(&dd, name, &ids)) {
            unreached.push((b, e.to_string()));
        }
    }
    Ok((snap, unreached))
}

/// Deletes a broker's copy of a deleted cluster topic, if it is that topic: it carries one of
/// `ids` (checked under the data directory's topic lock; a copy without an id is never taken
/// for one). Returns whether there was one. Cheap when there is none: one file lookup.
pub fn delete_copy(dd: &crate::datadir::DataDir, name: &str, ids: &std::collections::BTreeSet<String>) -> Result<bool> {
    if !dd.has_topic_file(name) {
        return Ok(false);
    }
    match dd.delete_topic_with_id(name, |id| !id.is_empty() && ids.contains(id)) {
        Ok(deleted) => Ok(deleted),
        // Deleted meanwhile by someone else (`topic delete` and an agent at once).
        Err(Error::TopicNotFound { .. }) => Ok(false),
        Err(e) => Err(e),
    }
}
