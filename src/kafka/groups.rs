//! Consumer-group administration on a Kafka cluster, as kafka-consumer-groups does it and as
//! [`crate::app::groups`] does it on data directories: list, describe (offsets and lag,
//! members, state), reset offsets, delete a group or its offsets of a topic, commit one offset.
//! The rows are [`crate::group::report`]'s, so both render alike.
//!
//! The requests are librdkafka's admin API for groups (ListConsumerGroups,
//! DescribeConsumerGroups, List/Alter/DeleteConsumerGroupOffsets, through [`super::ffi`]) and
//! rust-rdkafka's `delete_groups`; they see classic and KIP-848 (`group.protocol=consumer`)
//! groups alike. As on data directories, what changes a group's offsets refuses while the group
//! has members (Kafka refuses too, less clearly); deleting the offsets of one topic is refused
//! only while the group is subscribed to it, which is Kafka's rule.

use super::ffi::{GroupDescription, Refusal};
use super::Cluster;
use crate::error::{Error, Place, Result};
use crate::group::report::{
    read_plan_file, reset_row, GroupStateView, GroupSummary, MemberView, OffsetView, ResetPlan, ResetRow, ResetTo,
};
use crate::TopicPartition;
use rdkafka::types::RDKafkaErrorCode;
use std::collections::{BTreeMap, BTreeSet};

/// A group's offsets as committed: partition -> offset.
type Committed = BTreeMap<TopicPartition, i64>;

impl Cluster {
    /// A broker's refusal as klog's error kind: a group with members, or subscribed to the
    /// topic, is a conflict (exit 3, as a held lock is on a data directory); an unknown group
    /// or topic is not found; a bad request is a usage error.
    pub(crate) fn refused(&self, what: &str, r: &Refusal) -> Error {
        let text = format!("{} on the Kafka cluster at {}: {}", what, self.bootstrap(), r.text);
        use RDKafkaErrorCode::*;
        match r.code {
            NonEmptyGroup
            | GroupSubscribedToTopic
            | UnknownMemberId
            | RebalanceInProgress
            | IllegalGeneration
            | FencedMemberEpoch
            | StaleMemberEpoch => Error::Conflict(text),
            GroupIdNotFound | UnknownTopicOrPartition | UnknownTopic => Error::NotFound(text),
            InvalidConfig
            | InvalidRequest
            | InvalidPartitions
            | PolicyViolation
            | InvalidGroupId
            | InvalidReplicationFactor => Error::Usage(text),
            RequestTimedOut | OperationTimedOut => self.unreachable(Some(r.text.clone())),
            _ => Error::Invalid(text),
        }
    }

    fn no_group(&self, group: &str) -> Error {
        Error::GroupNotFound {
            group: group.to_string(),
            place: crate::error::Place::Kafka(self.bootstrap().to_string()),
        }
    }

    /// The group as DescribeConsumerGroups has it (a group the cluster does not know comes back
    /// Dead, without members).
    fn describe_group(&self, group: &str) -> Result<GroupDescription> {
        if group.is_empty() {
            return Err(Error::Usage("the group id must not be empty".into()));
        }
        let d = self.describe_consumer_groups(&[group.to_string()])?.into_iter().next();
        let d = d.ok_or_else(|| {
            Error::Invalid(format!("the Kafka cluster at {} did not describe group '{}'", self.bootstrap(), group))
        })?;
        match &d.refusal {
            Some(r) if r.code == RDKafkaErrorCode::GroupIdNotFound => Err(self.no_group(group)),
            Some(r) => Err(self.refused(&format!("group '{}'", group), r)),
            None => Ok(d),
        }
    }

    /// The offsets `group` has committed.
    fn committed(&self, group: &str) -> Result<Committed> {
        let mut out = Committed::new();
        for p in self.list_group_offsets(group)? {
            match p.refusal {
                // A partition the group never committed comes back with offset -1 (none).
                Some(r) if r.code != RDKafkaErrorCode::UnknownTopicOrPartition => {
                    return Err(self.refused(&format!("group '{}', {}", group, p.tp), &r))
                }
                _ if p.offset >= 0 => {
                    out.insert(p.tp, p.offset);
                }
                _ => {}
            }
        }
        Ok(out)
    }

    /// A group that exists (has members, or committed offsets): its description and offsets.
    fn existing_group(&self, group: &str) -> Result<(GroupDescription, Committed)> {
        let d = self.describe_group(group)?;
        let committed = self.committed(group)?;
        if d.members.is_empty() && committed.is_empty() && matches!(d.state, "Dead" | "Unknown") {
            return Err(self.no_group(group));
        }
        Ok((d, committed))
    }

    /// Refuses while the group has members or is rebalancing (its members own its offsets).
    fn require_inactive(&self, d: &GroupDescription) -> Result<()> {
        if !d.members.is_empty() || !matches!(d.state, "Empty" | "Dead") {
            return Err(Error::GroupHasMembers {
                group: d.group.clone(),
                members: d.members.iter().map(|m| m.consumer_id.clone()).collect(),
                topic: None,
                kafka: Some(self.bootstrap().to_string()),
                state: Some(d.state),
            });
        }
        Ok(())
    }

    /// Every group of the cluster with its state, member count and assignment strategy.
    pub fn list_groups(&self) -> Result<Vec<GroupSummary>> {
        let listed = self.list_consumer_groups()?;
        let names: Vec<String> = listed.iter().map(|(g, _)| g.clone()).collect();
        let described: BTreeMap<String, GroupDescription> =
            self.describe_consumer_groups(&names)?.into_iter().map(|d| (d.group.clone(), d)).collect();
        Ok(listed
            .into_iter()
            .map(|(group, listed_state)| {
                let d = described.get(&group).filter(|d| d.refusal.is_none());
                GroupSummary {
                    state: d.map_or(listed_state, |d| d.state),
                    members: d.map_or(0, |d| d.members.len()),
                    protocol: d.map(|d| d.assignor.clone()).unwrap_or_default(),
                    generation: None,
                    group,
                }
            })
            .collect())
    }

    /// The group's state, strategy and member count; its subscription as far as the cluster
    /// tells (the topics assigned to its members, else those it has offsets for).
    pub fn group_state(&self, group: &str) -> Result<GroupStateView> {
        let (d, committed) = self.existing_group(group)?;
        let mut subscription: BTreeSet<String> =
            d.members.iter().flat_map(|m| m.assignment.iter().map(|tp| tp.topic.clone())).collect();
        if subscription.is_empty() {
            subscription = committed.keys().map(|tp| tp.topic.clone()).collect();
        }
        Ok(GroupStateView {
            group: group.to_string(),
            state: d.state,
            live_members: d.members.len(),
            protocol: Some(d.assignor).filter(|a| !a.is_empty()),
            generation: None,
            leader: None,
            subscription,
        })
    }

    /// The group's members and their assignments.
    pub fn group_members(&self, group: &str) -> Result<Vec<MemberView>> {
        let (d, _) = self.existing_group(group)?;
        Ok(d.members
            .into_iter()
            .map(|m| MemberView {
                topics: m.assignment.iter().map(|tp| tp.topic.clone()).collect(),
                member_id: m.consumer_id,
                client_id: m.client_id,
                host: m.host,
                pid: None,
                assignment: m.assignment,
            })
            .collect())
    }

    /// Committed and assigned partitions with their log end (high watermark), lag and owner.
    pub fn group_offsets(&self, group: &str) -> Result<Vec<OffsetView>> {
        let (d, committed) = self.existing_group(group)?;
        let mut owner: BTreeMap<TopicPartition, String> = BTreeMap::new();
        for m in &d.members {
            for tp in &m.assignment {
                owner.insert(tp.clone(), m.consumer_id.clone());
            }
        }
        let tps: BTreeSet<TopicPartition> = committed.keys().chain(owner.keys()).cloned().collect();
        // A topic deleted since the group committed has no log end: shown as unknown.
        let ranges = self.log_ranges(&tps, true)?;
        Ok(tps
            .into_iter()
            .map(|tp| {
                let end = ranges.get(&tp).map(|r| r.1);
                let cur = committed.get(&tp).copied();
                let consumer_id = owner.get(&tp).cloned();
                OffsetView::new(tp, cur, end, consumer_id)
            })
            .collect())
    }

    /// The log start and end (high watermark) of each of `tps`; with `skip_missing`, a topic
    /// or partition that does not exist is left out instead of failing.
    fn log_ranges(
        &self,
        tps: &BTreeSet<TopicPartition>,
        skip_missing: bool,
    ) -> Result<BTreeMap<TopicPartition, (i64, i64)>> {
        let mut out = BTreeMap::new();
        let topics: BTreeSet<&str> = tps.iter().map(|tp| tp.topic.as_str()).collect();
        for topic in topics {
            let mut info = match self.topic(topic) {
                Ok(t) => t,
                Err(Error::NotFound(_) | Error::TopicNotFound { .. }) if skip_missing => continue,
                Err(e) => return Err(e),
            };
            let wanted: Vec<i32> = tps.iter().filter(|tp| tp.topic == topic).map(|tp| tp.partition).collect();
            if !skip_missing {
                info.check_partitions(&wanted)?;
            }
            info.partitions.retain(|p| wanted.contains(&p.partition));
            for (p, lo, hi) in self.watermarks(&info)? {
                out.insert(TopicPartition::new(topic, p), (lo, hi));
            }
        }
        Ok(out)
    }

    /// Plans a reset of the group's offsets, and with `execute` commits it. The group must
    /// exist and have no members.
    pub fn reset_group_offsets(&self, group: &str, plan: &ResetPlan, execute: bool) -> Result<Vec<ResetRow>> {
        let (d, committed) = self.existing_group(group)?;
        self.require_inactive(&d)?;
        let (targets, to): (Vec<(TopicPartition, Option<i64>)>, Option<ResetTo>) = match plan {
            ResetPlan::File(f) => (read_plan_file(f)?.into_iter().map(|(tp, o)| (tp, Some(o))).collect(), None),
            ResetPlan::Scope { all_topics, topics, to } => {
                let mut tps: BTreeSet<TopicPartition> = BTreeSet::new();
                if *all_topics {
                    tps.extend(committed.keys().cloned());
                }
                for (topic, parts) in topics {
                    let t = self.topic(topic)?;
                    match parts {
                        None => tps.extend(t.partitions.iter().map(|p| TopicPartition::new(topic, p.partition))),
                        Some(ps) => {
                            t.check_partitions(ps)?;
                            tps.extend(ps.iter().map(|&p| TopicPartition::new(topic, p)));
                        }
                    }
                }
                (tps.into_iter().map(|tp| (tp, None)).collect(), Some(*to))
            }
        };
        let all: BTreeSet<TopicPartition> = targets.iter().map(|(tp, _)| tp.clone()).collect();
        let ranges = self.log_ranges(&all, false)?;
        // For --to-datetime / --by-duration: each topic's offsets for that time, once.
        let mut for_time: BTreeMap<TopicPartition, Option<i64>> = BTreeMap::new();
        if let Some(ResetTo::Time(ts)) = to {
            let topics: BTreeSet<&str> = all.iter().map(|tp| tp.topic.as_str()).collect();
            for topic in topics {
                for (p, o) in self.offsets_for_time(&self.topic(topic)?, ts)? {
                    for_time.insert(TopicPartition::new(topic, p), o);
                }
            }
        }
        let mut rows = Vec::new();
        for (tp, fixed) in targets {
            let (start, end) = *ranges.get(&tp).ok_or_else(|| Error::KafkaPartitionNotFound {
                tp: tp.clone(),
                bootstrap: self.bootstrap().to_string(),
            })?;
            let current = committed.get(&tp).copied();
            let at_time = for_time.get(&tp).copied().flatten();
            rows.push(reset_row(tp, fixed, to, start, end, current, at_time));
        }
        if execute && !rows.is_empty() {
            let offsets: Vec<(TopicPartition, i64)> = rows.iter().map(|r| (r.tp.clone(), r.new_offset)).collect();
            self.commit_offsets(group, &offsets)?;
        }
        Ok(rows)
    }

    /// Commits `offsets` for `group` (AlterConsumerGroupOffsets), failing on the first
    /// partition the broker refused.
    fn commit_offsets(&self, group: &str, offsets: &[(TopicPartition, i64)]) -> Result<()> {
        for p in self.alter_group_offsets(group, offsets)? {
            if let Some(r) = p.refusal {
                return Err(self.refused(&format!("group '{}', {}: cannot commit", group, p.tp), &r));
            }
        }
        Ok(())
    }

    /// Deletes the group (its offsets and state); it must exist and have no members.
    pub fn delete_group(&self, group: &str) -> Result<()> {
        let (d, _) = self.existing_group(group)?;
        self.require_inactive(&d)?;
        let admin = self.admin()?;
        let r = futures_executor::block_on(admin.delete_groups(&[group], &self.admin_options()))
            .map_err(|e| self.error("cannot delete a group", e))?;
        for res in r {
            if let Err((_, code)) = res {
                if code == RDKafkaErrorCode::GroupIdNotFound {
                    return Err(self.no_group(group));
                }
                return Err(self
                    .refused(&format!("cannot delete group '{}'", group), &Refusal { code, text: code.to_string() }));
            }
        }
        Ok(())
    }

    /// Deletes the group's offsets of `topic`; returns how many. Refused (by Kafka) while the
    /// group is subscribed to the topic.
    pub fn delete_group_offsets(&self, group: &str, topic: &str) -> Result<usize> {
        let (d, committed) = self.existing_group(group)?;
        self.topic(topic)?;
        let owners: Vec<&str> = d
            .members
            .iter()
            .filter(|m| m.assignment.iter().any(|tp| tp.topic == topic))
            .map(|m| m.consumer_id.as_str())
            .collect();
        if !owners.is_empty() {
            return Err(Error::GroupHasMembers {
                group: group.to_string(),
                members: owners.iter().map(|o| o.to_string()).collect(),
                topic: Some(topic.to_string()),
                kafka: Some(self.bootstrap().to_string()),
                state: None,
            });
        }
        let tps: Vec<TopicPartition> = committed.keys().filter(|tp| tp.topic == topic).cloned().collect();
        if tps.is_empty() {
            return Err(Error::NoGroupOffsets {
                group: group.to_string(),
                topic: topic.to_string(),
                place: Place::Kafka(self.bootstrap().to_string()),
            });
        }
        for p in self.delete_offsets_of(group, &tps)? {
            if let Some(r) = p.refusal {
                let what = format!(
                    "group '{}' is subscribed to topic '{}': cannot delete its offsets ({})",
                    group, topic, p.tp
                );
                return Err(self.refused(&what, &r));
            }
        }
        Ok(tps.len())
    }

    /// Commits `offset` for one partition (creating the group when new); the group must have
    /// no members and the offset must lie in the log (its start to its high watermark).
    pub fn commit_group_offset(&self, group: &str, topic: &str, partition: i32, offset: i64) -> Result<()> {
        let d = self.describe_group(group)?;
        self.require_inactive(&d)?;
        let tp = TopicPartition::new(topic, partition);
        let ranges = self.log_ranges(&BTreeSet::from([tp.clone()]), false)?;
        let (start, end) = *ranges
            .get(&tp)
            .ok_or_else(|| Error::KafkaPartitionNotFound { tp: tp.clone(), bootstrap: self.bootstrap().to_string() })?;
        if offset < start || offset > end {
            return Err(Error::OffsetOutOfRange { topic: topic.to_string(), partition, offset, start, end });
        }
        self.commit_offsets(group, &[(tp, offset)])
    }
}
