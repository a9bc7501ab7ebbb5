//! Consumer-group administration, as kafka-consumer-groups does it: list, describe (offsets and
//! lag, members, state), reset offsets, delete a group or its offsets of a topic, commit one
//! offset. Operations that change offsets take the group's lock (so two resets run one after
//! the other) and refuse while the group has live members, who own its commits.
//!
//! Where a group lives comes from the [`Catalog`]: beside the metadata store for groups of
//! cluster topics, in the data directory for groups of its own topics.

use super::catalog::Catalog;
use super::Location;
use crate::datadir::DataDir;
use crate::error::{Error, Place, Result};
use crate::group::list_groups;
use crate::group::member::{self, GroupState};
use crate::group::offsets::{self, group_dir, Change, GroupOffsets};
use crate::group::report::{read_plan_file, reset_row};
pub use crate::group::report::{GroupStateView, GroupSummary, MemberView, OffsetView, ResetPlan, ResetRow, ResetTo};
use crate::lock::FileLock;
use crate::TopicPartition;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A group's state as kafka-consumer-groups names it: `Stable` with live members, else `Empty`.
fn state_name(live: usize) -> &'static str {
    if live > 0 {
        "Stable"
    } else {
        "Empty"
    }
}

/// Group administration wherever the groups live: a data directory's or a cluster's
/// ([`GroupAdmin`]) or a Kafka cluster's ([`crate::kafka::Cluster`]). Each operation returns the
/// same report, so one command line serves both.
pub trait Groups {
    /// Every group, once each.
    fn list(&self) -> Result<Vec<GroupSummary>>;
    /// A group's state: its protocol, members and subscription.
    fn state(&self, group: &str) -> Result<GroupStateView>;
    /// A group's live members and what each is assigned.
    fn members(&self, group: &str) -> Result<Vec<MemberView>>;
    /// A group's committed offsets, with log end offsets and lag.
    fn offsets(&self, group: &str) -> Result<Vec<OffsetView>>;
    /// Resets a group's offsets as `plan` says (only shown unless `execute`).
    fn reset(&self, group: &str, plan: &ResetPlan, execute: bool) -> Result<Vec<ResetRow>>;
    /// Deletes a group with no live members.
    fn delete(&self, group: &str) -> Result<()>;
    /// Deletes a group's offsets of `topic`; returns how many there were.
    fn delete_offsets(&self, group: &str, topic: &str) -> Result<usize>;
    /// Commits one offset for a group with no live members.
    fn commit(&self, group: &str, topic: &str, partition: i32, offset: i64) -> Result<()>;
}

impl Groups for crate::kafka::Cluster {
    fn list(&self) -> Result<Vec<GroupSummary>> {
        self.list_groups()
    }
    fn state(&self, group: &str) -> Result<GroupStateView> {
        self.group_state(group)
    }
    fn members(&self, group: &str) -> Result<Vec<MemberView>> {
        self.group_members(group)
    }
    fn offsets(&self, group: &str) -> Result<Vec<OffsetView>> {
        self.group_offsets(group)
    }
    fn reset(&self, group: &str, plan: &ResetPlan, execute: bool) -> Result<Vec<ResetRow>> {
        self.reset_group_offsets(group, plan, execute)
    }
    fn delete(&self, group: &str) -> Result<()> {
        self.delete_group(group)
    }
    fn delete_offsets(&self, group: &str, topic: &str) -> Result<usize> {
        self.delete_group_offsets(group, topic)
    }
    fn commit(&self, group: &str, topic: &str, partition: i32, offset: i64) -> Result<()> {
        self.commit_group_offset(group, topic, partition, offset)
    }
}

/// Consumer groups of a data directory or cluster.
pub struct GroupAdmin {
    cat: Catalog,
    at: Location,
    /// Told of members found dead and removed while checking for live ones.
    on_warning: Box<dyn Fn(&str)>,
}

impl GroupAdmin {
    /// `on_warning` hears of members found dead and removed on the way (before an operation
    /// goes on, or fails for the live ones).
    pub fn open(at: &Location, on_warning: Box<dyn Fn(&str)>) -> Result<GroupAdmin> {
        Ok(GroupAdmin { cat: Catalog::open(at)?, at: at.clone(), on_warning })
    }

    /// Refuses while the group has live members (after removing dead ones). The caller holds
    /// the group lock.
    fn require_no_live_members(&self, dd: &DataDir, group: &str) -> Result<()> {
        for w in member::expel_departed_locked(dd, &self.cat, group)?.1 {
            (self.on_warning)(&w);
        }
        if let Some(s) = member::read_state(&group_dir(dd, group))? {
            let live = member::live_members(&group_dir(dd, group), &s)?;
            if !live.is_empty() {
                return Err(Error::GroupHasMembers {
                    group: group.to_string(),
                    members: live,
                    topic: None,
                    kafka: None,
                    state: None,
                });
            }
        }
        Ok(())
    }

    /// Where an existing group lives.
    fn home_of(&self, group: &str) -> Result<DataDir> {
        self.cat.group_home_of(group)
    }
}

impl Groups for GroupAdmin {
    /// Every group of every home (the coordinator's first), once each, including groups only
    /// `__consumer_offsets` knows (copied from a Kafka broker, say).
    fn list(&self) -> Result<Vec<GroupSummary>> {
        let homes = self.cat.group_homes()?;
        if homes.is_empty() {
            // No home at all: say why (the data directory does not open).
            self.at.open()?;
        }
        let mut rows = Vec::new();
        let mut seen = BTreeSet::new();
        for home in homes {
            for g in list_groups(&home)? {
                if !seen.insert(g.clone()) {
                    continue;
                }
                let s = member::read_state(&group_dir(&home, &g))?.unwrap_or_default();
                let live = member::live_members(&group_dir(&home, &g), &s)?.len();
                let protocol = s.protocol.unwrap_or_default();
                rows.push(GroupSummary {
                    group: g,
                    state: state_name(live),
                    members: live,
                    protocol,
                    generation: Some(s.generation),
                });
            }
            for (g, lg) in offsets::logged_groups(&home, None)? {
                if seen.insert(g.clone()) {
                    let s = state_from_log(&lg);
                    let protocol = s.protocol.unwrap_or_default();
                    rows.push(GroupSummary {
                        group: g,
                        state: "Empty",
                        members: 0,
                        protocol,
                        generation: Some(s.generation),
                    });
                }
            }
        }
        Ok(rows)
    }

    /// The group's state and live member count.
    fn state(&self, group: &str) -> Result<GroupStateView> {
        let dd = self.home_of(group)?;
        let (s, _) = load(&dd, group)?;
        let s = s.unwrap_or_default();
        let live = member::live_members(&group_dir(&dd, group), &s)?.len();
        Ok(GroupStateView {
            group: group.to_string(),
            state: state_name(live),
            live_members: live,
            protocol: s.protocol,
            generation: Some(s.generation),
            leader: s.leader,
            subscription: s.subscription,
        })
    }

    /// The live members and their assignments.
    fn members(&self, group: &str) -> Result<Vec<MemberView>> {
        let dd = self.home_of(group)?;
        let (s, _) = load(&dd, group)?;
        let s = s.unwrap_or_default();
        let live: BTreeSet<String> = member::live_members(&group_dir(&dd, group), &s)?.into_iter().collect();
        Ok(s.members
            .iter()
            .filter(|(id, _)| live.contains(*id))
            .map(|(id, m)| MemberView {
                member_id: id.clone(),
                client_id: m.client_id.clone(),
                host: m.host.clone(),
                pid: Some(m.pid),
                topics: m.topics.clone(),
                assignment: s.assignment.get(id).cloned().unwrap_or_default(),
            })
            .collect())
    }

    /// Committed and assigned partitions with their lag.
    fn offsets(&self, group: &str) -> Result<Vec<OffsetView>> {
        let dd = self.home_of(group)?;
        let (s, committed) = load(&dd, group)?;
        let s = s.unwrap_or_default();
        let live: BTreeSet<String> = member::live_members(&group_dir(&dd, group), &s)?.into_iter().collect();
        let mut owner: BTreeMap<TopicPartition, String> = BTreeMap::new();
        for (id, tps) in &s.assignment {
            if live.contains(id) {
                for tp in tps {
                    owner.insert(tp.clone(), id.clone());
                }
            }
        }
        let tps: BTreeSet<TopicPartition> = committed.keys().chain(owner.keys()).cloned().collect();
        let mut rows = Vec::new();
        for tp in tps {
            let end = self.cat.feed(&tp.topic, tp.partition).and_then(|f| f.end_offset()).ok();
            let cur = committed.get(&tp).map(|c| c.offset);
            let consumer_id = owner.get(&tp).cloned();
            rows.push(OffsetView::new(tp, cur, end, consumer_id));
        }
        Ok(rows)
    }

    /// Plans a reset, and with `execute` commits it.
    fn reset(&self, group: &str, plan: &ResetPlan, execute: bool) -> Result<Vec<ResetRow>> {
        let dd = self.home_of(group)?;
        let _guard = existing_group_lock(&dd, group, &self.at)?;
        let (_, committed) = load(&dd, group)?;
        self.require_no_live_members(&dd, group)?;
        let rows = self.plan(plan, &committed)?;
        if execute {
            let changes: Vec<Change> =
                rows.iter().map(|r| Change::Set(r.tp.clone(), r.new_offset, String::new())).collect();
            offsets::commit(&dd, group, &changes)?;
        }
        Ok(rows)
    }

    /// Deletes the group: its offsets (a tombstone in `__consumer_offsets`) and its state.
    fn delete(&self, group: &str) -> Result<()> {
        let dd = self.home_of(group)?;
        let _guard = existing_group_lock(&dd, group, &self.at)?;
        self.require_no_live_members(&dd, group)?;
        offsets::commit(&dd, group, &[Change::DeleteGroup])?;
        let dir = group_dir(&dd, group);
        std::fs::remove_dir_all(&dir).map_err(|e| Error::io("remove", &dir, e))
    }

    /// Deletes the group's offsets of `topic`; returns how many.
    fn delete_offsets(&self, group: &str, topic: &str) -> Result<usize> {
        let dd = self.home_of(group)?;
        let _guard = existing_group_lock(&dd, group, &self.at)?;
        let (_, committed) = load(&dd, group)?;
        self.require_no_live_members(&dd, group)?;
        self.cat.topic(topic)?;
        let changes: Vec<Change> =
            committed.keys().filter(|tp| tp.topic == topic).map(|tp| Change::Delete(tp.clone())).collect();
        if changes.is_empty() {
            return Err(Error::NoGroupOffsets {
                group: group.to_string(),
                topic: topic.to_string(),
                place: Place::DataDir(dd.root().to_path_buf()),
            });
        }
        offsets::commit(&dd, group, &changes)?;
        Ok(changes.len())
    }

    /// Commits `offset` for one partition (creating the group where its topic says when new).
    fn commit(&self, group: &str, topic: &str, partition: i32, offset: i64) -> Result<()> {
        offsets::validate_group_id(group)?;
        let homes = self.cat.group_homes()?;
        let dd = match homes.into_iter().find(|h| group_dir(h, group).is_dir()) {
            Some(h) => h,
            None => self.cat.group_home_for(group, &[topic.to_string()])?,
        };
        let _guard = member::lock_group(&dd, group, self.at.lock_timeout)?;
        self.require_no_live_members(&dd, group)?;
        let t = self.cat.topic(topic)?;
        self.cat.check_partition(&t, partition)?;
        let feed = self.cat.feed(topic, partition)?;
        let r = feed.reader();
        let (start, end) = (r.log_start_offset(), r.log_end_offset()?);
        if offset < start || offset > end {
            return Err(Error::OffsetOutOfRange { topic: topic.to_string(), partition, offset, start, end });
        }
        offsets::commit(&dd, group, &[Change::Set(TopicPartition::new(topic, partition), offset, String::new())])
            .map(|_| ())
    }
}

impl GroupAdmin {
    /// Which partitions a scoped reset covers.
    fn scope(
        &self,
        all_topics: bool,
        topics: &[(String, Option<Vec<i32>>)],
        committed: &GroupOffsets,
    ) -> Result<Vec<TopicPartition>> {
        let mut out = BTreeSet::new();
        if all_topics {
            out.extend(committed.keys().cloned());
        }
        for (topic, parts) in topics {
            let t = self.cat.topic(topic)?;
            match parts {
                None => out.extend((0..t.partitions).map(|p| TopicPartition::new(t.name.clone(), p))),
                Some(ps) => {
                    for &p in ps {
                        self.cat.check_partition(&t, p)?;
                        out.insert(TopicPartition::new(t.name.clone(), p));
                    }
                }
            }
        }
        Ok(out.into_iter().collect())
    }

    /// The new offset of every partition in the plan, clamped into the log as Kafka does.
    fn plan(&self, plan: &ResetPlan, committed: &GroupOffsets) -> Result<Vec<ResetRow>> {
        let (targets, to): (Vec<(TopicPartition, Option<i64>)>, Option<ResetTo>) = match plan {
            ResetPlan::File(f) => (self.read_plan_file(f)?, None),
            ResetPlan::Scope { all_topics, topics, to } => {
                (self.scope(*all_topics, topics, committed)?.into_iter().map(|tp| (tp, None)).collect(), Some(*to))
            }
        };
        let mut out = Vec::new();
        for (tp, fixed) in targets {
            // "latest" is what a consumer may read up to: a cluster partition's high watermark.
            let feed = self.cat.feed(&tp.topic, tp.partition)?;
            let r = feed.reader();
            let (start, end) = (r.log_start_offset(), feed.end_offset()?);
            let current = committed.get(&tp).map(|c| c.offset);
            let for_time = match (fixed, to) {
                (None, Some(ResetTo::Time(ts))) => r.offset_for_timestamp(ts)?,
                _ => None,
            };
            out.push(reset_row(tp, fixed, to, start, end, current, for_time));
        }
        Ok(out)
    }

    /// `topic,partition,offset` lines (blank lines skipped), each partition checked.
    fn read_plan_file(&self, f: &Path) -> Result<Vec<(TopicPartition, Option<i64>)>> {
        let mut targets = Vec::new();
        for (tp, o) in read_plan_file(f)? {
            let topic = self.cat.topic(&tp.topic)?;
            self.cat.check_partition(&topic, tp.partition)?;
            targets.push((tp, Some(o)));
        }
        Ok(targets)
    }
}

fn load(dd: &DataDir, group: &str) -> Result<(Option<GroupState>, GroupOffsets)> {
    offsets::validate_group_id(group)?;
    let state = member::read_state(&group_dir(dd, group))?;
    let committed = offsets::read_offsets(dd, group)?;
    if state.is_none() && !group_dir(dd, group).exists() {
        // A group only __consumer_offsets knows (a Kafka broker's, say): its recorded metadata,
        // whether or not it has committed offsets too.
        let logged = offsets::logged_groups(dd, Some(group))?;
        match logged.get(group) {
            Some(g) => return Ok((Some(state_from_log(g)), committed)),
            None if committed.is_empty() => {
                return Err(Error::GroupNotFound {
                    group: group.to_string(),
                    place: crate::error::Place::DataDir(dd.root().to_path_buf()),
                });
            }
            None => {}
        }
    }
    Ok((state, committed))
}

/// The state of a group known only from `__consumer_offsets`: its protocol and generation as
/// recorded, and no member (no klog process is one; Kafka's members are not running here).
fn state_from_log(g: &offsets::LoggedGroup) -> GroupState {
    let m = g.metadata.clone().unwrap_or_default();
    GroupState { generation: m.generation, protocol: m.protocol.filter(|p| !p.is_empty()), ..Default::default() }
}

/// The lock of a group that must exist already (checked before the lock creates its folder).
fn existing_group_lock(dd: &DataDir, group: &str, at: &Location) -> Result<FileLock> {
    load(dd, group)?;
    member::lock_group(dd, group, at.lock_timeout)
}
