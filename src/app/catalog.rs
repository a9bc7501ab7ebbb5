//! How commands find a topic and read its partitions, the same way for a standalone data
//! directory and for a cluster: a topic of the cluster's metadata is read from each partition's
//! current leader below its high watermark (following leadership as it moves), any other topic
//! from the data directory. A group of cluster topics keeps its state where every member can
//! reach it, beside the metadata store (so it outlives any one broker); a group of a data
//! directory's own topics keeps it in that data directory.

use super::Location;
use crate::datadir::{DataDir, TopicMeta};
use crate::error::{Error, Place, Result};
use crate::meta::{MetaStore, Snapshot};
use crate::replica::feed::PartitionFeed;
use std::time::Duration;

pub struct Catalog {
    local: Option<DataDir>,
    store: Option<MetaStore>,
    lock_timeout: Duration,
}

impl Catalog {
    /// The data directory must exist, unless a metadata store is named (`--meta`, or the one the
    /// data directory belongs to).
    pub fn open(at: &Location) -> Result<Catalog> {
        let store = at.store()?;
        // With a store, the data directory may be absent; one that is there must open.
        let local = if store.is_some() && !at.data_dir.exists() { None } else { Some(at.open()?) };
        Ok(Catalog { local, store, lock_timeout: at.lock_timeout })
    }

    /// The snapshot, when `topic` is a cluster topic.
    fn cluster(&self, topic: &str) -> Result<Option<(&MetaStore, Snapshot)>> {
        let Some(store) = &self.store else { return Ok(None) };
        let snap = store.load()?;
        Ok(snap.topics.contains_key(topic).then_some((store, snap)))
    }

    /// The data directory, for a topic that is not the cluster's; with a metadata store and no
    /// data directory, the error says the topic is not in the cluster.
    pub fn local(&self, topic: &str) -> Result<&DataDir> {
        self.local.as_ref().ok_or_else(|| not_in_cluster(topic))
    }

    /// Whether a cluster partition has no leader that can be read now (offline, or its broker's
    /// directory unreachable): something to wait for, unlike a partition that cannot be read on
    /// a leader that answers.
    pub fn leader_unavailable(&self, topic: &str, partition: i32) -> Result<bool> {
        let Some((_, snap)) = self.cluster(topic)? else { return Ok(false) };
        let leader = snap.partition(topic, partition)?.leader;
        Ok(leader < 0 || crate::replica::broker_dir(&snap, leader, self.lock_timeout).is_err())
    }

    /// Whether `topic` is a topic of the cluster (read from leaders).
    pub fn is_cluster(&self, topic: &str) -> Result<bool> {
        Ok(self.cluster(topic)?.is_some())
    }

    pub fn topic(&self, name: &str) -> Result<TopicMeta> {
        crate::datadir::validate_topic_name(name)?;
        match self.cluster(name)? {
            Some((_, snap)) => crate::replica::topic_meta(&snap, name),
            None => match (self.local(name)?.topic(name), &self.store) {
                // With a cluster, say where the topic was looked for: the cluster first.
                (Err(Error::TopicNotFound { .. }), Some(store)) => Err(Error::TopicNotFound {
                    topic: name.to_string(),
                    place: Place::ClusterOrDataDir {
                        store: store.root().to_path_buf(),
                        data_dir: self.local(name)?.root().to_path_buf(),
                    },
                }),
                (r, _) => r,
            },
        }
    }

    /// Checks that a partition of `t` exists (and, for a local topic, has its directory).
    pub fn check_partition(&self, t: &TopicMeta, partition: i32) -> Result<()> {
        match self.cluster(&t.name)? {
            Some((_, snap)) => snap.partition(&t.name, partition).map(|_| ()),
            None => self.local(&t.name)?.check_partition(t, partition),
        }
    }

    /// The partitions to read: `requested` (each checked), else every partition of the topic (of
    /// a local topic copied from a Kafka broker, those with a directory).
    pub fn partitions(&self, t: &TopicMeta, requested: &[i32]) -> Result<Vec<i32>> {
        // One read of the store for the whole list.
        match self.cluster(&t.name)? {
            Some((_, snap)) => {
                for &p in requested {
                    snap.partition(&t.name, p)?;
                }
                Ok(if requested.is_empty() { (0..t.partitions).collect() } else { requested.to_vec() })
            }
            None => {
                let dd = self.local(&t.name)?;
                for &p in requested {
                    dd.check_partition(t, p)?;
                }
                if requested.is_empty() {
                    dd.existing_partitions(t)
                } else {
                    Ok(requested.to_vec())
                }
            }
        }
    }

    /// A feed of one partition, positioned at its log start.
    pub fn feed(&self, topic: &str, partition: i32) -> Result<PartitionFeed> {
        match self.cluster(topic)? {
            Some((store, snap)) => PartitionFeed::cluster(store, &snap, topic, partition, self.lock_timeout),
            None => {
                let dd = self.local(topic)?;
                PartitionFeed::local(dd, &dd.topic(topic)?, partition)
            }
        }
    }

    /// `<store>/coordinator`, created when missing.
    fn coordinator(&self, store: &MetaStore) -> Result<DataDir> {
        Ok(DataDir::open_owned(&crate::paths::coordinator_dir(store.root()))?.with_lock_timeout(self.lock_timeout))
    }

    fn local_home(&self) -> Result<DataDir> {
        self.local.clone().ok_or(Error::NoGroupHome)
    }

    /// The homes that may hold groups: the cluster's coordinator directory first, then the data
    /// directory.
    pub fn group_homes(&self) -> Result<Vec<DataDir>> {
        let mut out = Vec::new();
        if let Some(store) = &self.store {
            out.push(self.coordinator(store)?);
        }
        out.extend(self.local.clone());
        Ok(out)
    }

    /// Where an existing group lives: the first home holding its state, else where a new group
    /// would go by default (the coordinator directory in a cluster).
    pub fn group_home_of(&self, group: &str) -> Result<DataDir> {
        let homes = self.group_homes()?;
        let found = homes.iter().find(|dd| crate::group::offsets::group_dir(dd, group).is_dir()).cloned();
        match found.or_else(|| homes.into_iter().next()) {
            Some(dd) => Ok(dd),
            None => self.local_home(),
        }
    }

    /// Where a group consuming `topics` keeps its state and offsets: beside the metadata store
    /// when they are cluster topics (every member, wherever it runs, shares it, and it outlives
    /// any broker), in the data directory when they are its own topics. One group cannot mix
    /// the two. With no topics named (resuming), wherever the group is.
    pub fn group_home_for(&self, group: &str, topics: &[String]) -> Result<DataDir> {
        let Some(store) = &self.store else { return self.local_home() };
        if topics.is_empty() {
            return self.group_home_of(group);
        }
        let mut cluster = Vec::new();
        let mut local = Vec::new();
        for t in topics {
            if self.is_cluster(t)? {
                cluster.push(t.as_str());
            } else {
                // It must exist here (the error names it otherwise).
                self.topic(t)?;
                local.push(t.as_str());
            }
        }
        match (cluster.is_empty(), local.is_empty()) {
            (false, true) => self.coordinator(store),
            (true, false) => self.local_home(),
            _ => Err(Error::MixedGroupTopics {
                group: group.to_string(),
                cluster: cluster.iter().map(|t| t.to_string()).collect(),
                local: local.iter().map(|t| t.to_string()).collect(),
            }),
        }
    }
}

/// The error for a topic that is neither in the cluster nor in a data directory.
pub fn not_in_cluster(topic: &str) -> Error {
    Error::TopicNotFound { topic: topic.to_string(), place: Place::ClusterOnly }
}

impl crate::group::TopicCatalog for Catalog {
    fn partition_count(&self, topic: &str) -> Result<i32> {
        Ok(self.topic(topic)?.partitions)
    }
}
