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
            Some(&p) => Err(Error::PartitionNotFound {
                topic: self.name.clone(),
                partition: p,
                count: self.partitions.len() as i32,
            }),
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
            Err(Error::TopicExists { .. }) if if_not_exists => Ok(false),
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
                return Err(Error::NoSuchPartitions { topic: name.to_string(), partitions: partitions.to_vec() });
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

impl Cluster {
    /// `topic alter` on a Kafka cluster: raises the partition count (CreatePartitions; the same
    /// count is no change, a lower one is refused as on a data directory), then sets and deletes
    /// configs in one IncrementalAlterConfigs request (the other overrides stay). Configs are
    /// checked against klog's list first, as `topic create` does. Returns the partition count.
    pub fn alter_topic(
        &self,
        name: &str,
        partitions: Option<i32>,
        set: &BTreeMap<String, String>,
        delete: &[String],
    ) -> Result<i32> {
        crate::datadir::validate_topic_name(name)?;
        if partitions.is_some() {
            refuse_internal(name, TopicChange::Repartition, None, 0)?;
        }
        let mut set_checked = BTreeMap::new();
        for (k, v) in set {
            set_checked.insert(k.clone(), crate::datadir::config::validate(k, v)?);
        }
        for k in delete {
            crate::datadir::config::validate(k, crate::datadir::TopicConfig::default().get(k))?;
        }
        let t = self.topic(name)?;
        let mut count = t.partitions.len() as i32;
        if let Some(n) = partitions {
            if n < count {
                return Err(Error::PartitionCountDecrease { topic: name.to_string(), count, asked: n });
            }
            if n > count {
                let admin = self.admin()?;
                let np = rdkafka::admin::NewPartitions::new(name, n as usize);
                let r = futures_executor::block_on(admin.create_partitions([&np], &self.admin_options()))
                    .map_err(|e| self.error("cannot add partitions", e))?;
                self.topic_results(r, "add partitions to topic")?;
                count = n;
            }
        }
        if !set_checked.is_empty() || !delete.is_empty() {
            self.incremental_alter_topic_configs(name, &set_checked, delete)?;
        }
        if partitions.is_some_and(|n| n > t.partitions.len() as i32) {
            // As after create: return once the metadata shows every new partition with a leader.
            let deadline = std::time::Instant::now() + self.timeout;
            while self.wait_for_topic(name)?.partitions.len() < count as usize {
                if std::time::Instant::now() >= deadline {
                    return Err(
                        self.unreachable(Some(format!("topic '{}' does not show its new partitions yet", name)))
                    );
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        }
        Ok(count)
    }

    /// `delete-records` on a Kafka cluster (DeleteRecords): raises partition `p`'s log start
    /// offset to `offset` (-1: the high watermark). An offset beyond the high watermark is
    /// refused as on a data directory. The report's deleted segments are the broker's business
    /// and left empty.
    pub fn delete_records(&self, topic: &str, p: i32, offset: i64) -> Result<crate::cleaner::DeleteRecordsReport> {
        let mut t = self.topic(topic)?;
        t.check_partitions(&[p])?;
        t.partitions.retain(|q| q.partition == p);
        let (_, before, hw) = self
            .watermarks(&t)?
            .into_iter()
            .next()
            .ok_or_else(|| Error::NotFound(format!("partition {} does not exist in topic '{}'", p, topic)))?;
        if offset > hw {
            return Err(Error::OffsetOutOfRange {
                topic: topic.to_string(),
                partition: p,
                offset,
                start: before,
                end: hw,
            });
        }
        let mut tpl = rdkafka::TopicPartitionList::new();
        let at = if offset < 0 { rdkafka::Offset::End } else { rdkafka::Offset::Offset(offset) };
        tpl.add_partition_offset(topic, p, at).map_err(|e| self.error("cannot delete records", e))?;
        let admin = self.admin()?;
        let r = futures_executor::block_on(admin.delete_records(&tpl, &self.admin_options()))
            .map_err(|e| self.error(&format!("cannot delete records of {}-{}", topic, p), e))?;
        let low = match r.elements().first() {
            Some(e) => {
                if let Err(err) = e.error() {
                    return Err(self.error(&format!("cannot delete records of {}-{}", topic, p), err));
                }
                match e.offset() {
                    rdkafka::Offset::Offset(o) => o,
                    _ => before,
                }
            }
            None => before,
        };
        Ok(crate::cleaner::DeleteRecordsReport {
            topic: topic.to_string(),
            partition: p,
            low_watermark_before: before,
            low_watermark: low,
            deleted_segments: Vec::new(),
        })
    }
}
