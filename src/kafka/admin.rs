//! Topic administration and offsets on a Kafka cluster: what `klog topic` and `klog offsets` do
//! on data directories ([`crate::app::topics`], [`crate::app::catalog`]), done through
//! [`Cluster`]'s metadata and admin requests.

use super::{Cluster, PartitionInfo, TopicInfo};
use crate::datadir::{refuse_internal, TopicChange};
use crate::error::{Error, Result};
use std::collections::BTreeMap;

impl TopicInfo {
    /// Replicas per partition (those of the first; 0 for a topic without partitions).
    pub fn replication_factor(&self) -> usize {
        self.partitions.first().map_or(0, |p| p.replicas.len())
    }

    /// Checks that each of `partitions` exists, naming the first that does not.
    pub fn check_partitions(&self, partitions: &[i32]) -> Result<()> {
        match partitions.iter().find(|&&p| !self.partitions.iter().any(|q| q.partition == p)) {
            Some(p) => Err(Error::NotFound(format!(
                "partition {} does not exist in topic '{}' (it has partitions 0..{})",
                p,
                self.name,
                self.partitions.len() as i32 - 1
            ))),
            None => Ok(()),
        }
    }
}

impl PartitionInfo {
    /// Whether the ISR is smaller than the replica set.
    pub fn under_replicated(&self) -> bool {
        self.isr.len() < self.replicas.len()
    }
}

/// Refuses to create or delete `name` on a Kafka cluster when it is an internal topic or not a
/// valid topic name.
pub fn check_topic_change(name: &str, change: TopicChange) -> Result<()> {
    refuse_internal(name, change, None, 0)?;
    crate::datadir::validate_topic_name(name)
}

/// A partition's offsets as `klog offsets` shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartitionOffsets {
    pub partition: i32,
    pub earliest: i64,
    /// The high watermark (what a consumer can read up to).
    pub latest: i64,
    /// When a time was asked for: the first offset at or after it, `None` when no record is
    /// that late.
    pub offset_for_time: Option<Option<i64>>,
}

impl Cluster {
    /// Every topic, without the internal ones when `exclude_internal`.
    pub fn list_topics(&self, exclude_internal: bool) -> Result<Vec<TopicInfo>> {
        let mut topics = self.topics(None)?;
        if exclude_internal {
            topics.retain(|t| !crate::datadir::is_internal_topic(&t.name));
        }
        Ok(topics)
    }

    /// The topics named (every topic when none are).
    pub fn describe_topics(&self, names: &[String]) -> Result<Vec<TopicInfo>> {
        if names.is_empty() {
            self.topics(None)
        } else {
            names.iter().map(|n| self.topic(n)).collect()
        }
    }

    /// Creates a topic (after [`check_topic_change`]); `Ok(false)` when it exists already and
    /// `if_not_exists` is set.
    pub fn create_topic_unless_exists(
        &self,
        name: &str,
        partitions: i32,
        replication_factor: Option<i32>,
        configs: &BTreeMap<String, String>,
        if_not_exists: bool,
    ) -> Result<bool> {
        match self.create_topic(name, partitions, replication_factor, configs) {
            Err(Error::Invalid(m)) if if_not_exists && m.contains("already exists") => Ok(false),
            r => r.map(|()| true),
        }
    }

    /// Deletes a topic that is not an internal one.
    pub fn delete_topic_checked(&self, name: &str) -> Result<()> {
        check_topic_change(name, TopicChange::Delete)?;
        self.delete_topic(name)
    }

    /// The earliest and latest offsets of `partitions` of topic `name` (all when none are
    /// named), and with `time` the first offset at or after it: a row per partition.
    pub fn offsets(&self, name: &str, partitions: &[i32], time: Option<i64>) -> Result<Vec<PartitionOffsets>> {
        crate::datadir::validate_topic_name(name)?;
        let mut t = self.topic(name)?;
        if !partitions.is_empty() {
            t.partitions.retain(|p| partitions.contains(&p.partition));
            if t.partitions.len() != partitions.len() {
                return Err(Error::NotFound(format!("topic '{}' has no partition {:?}", name, partitions)));
            }
        }
        let marks = self.watermarks(&t)?;
        let at_time = match time {
            Some(ts) => Some(self.offsets_for_time(&t, ts)?),
            None => None,
        };
        Ok(marks
            .into_iter()
            .map(|(partition, earliest, latest)| PartitionOffsets {
                partition,
                earliest,
                latest,
                offset_for_time: at_time
                    .as_ref()
                    .map(|v| v.iter().find(|(q, _)| *q == partition).and_then(|(_, o)| *o)),
            })
            .collect())
    }
}
