//! Group membership and rebalancing, done by the members themselves (DESIGN.md section 6).
//!
//! Files under `.klog/groups/<group>/`:
//! - `group.lock`: the coordinator lock, held only while the state is read, changed and written;
//! - `state.json`: generation, protocol, members, subscription and assignment (atomic replace);
//! - `members/<id>.lock`: held by the member for as long as its process lives (liveness);
//! - `members/<id>.json`: the member's metadata and heartbeat (last poll, last heartbeat);
//! - `owners/<topic>-<partition>.lock`: held by the member that consumes the partition.
//!
//! Invariants:
//! - the generation increases with every change of membership, and the assignment in the state
//!   is the one computed for that generation;
//! - a member reads a partition only while it holds the partition's ownership lock, so no two
//!   members consume one partition at once, even mid-rebalance (a new owner waits for the old
//!   one to commit and release);
//! - a member found dead (its liveness lock is free) or silent past its timeouts is removed by
//!   whichever member or command notices first, under the group lock.

use super::assign::{assign, Assignment, Strategy};
use super::offsets::group_dir;
use super::schema::{self, GroupValue, MemberValue};
use super::TopicCatalog;
use crate::datadir::DataDir;
use crate::error::{Error, Result};
use crate::fsutil;
use crate::lock::{self, FileLock};
use crate::paths::group as files;
use crate::TopicPartition;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// A member as the group state records it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MemberMeta {
    pub member_id: String,
    pub client_id: String,
    pub host: String,
    pub pid: u32,
    pub topics: BTreeSet<String>,
    pub joined_ms: i64,
    pub session_timeout_ms: i64,
    pub max_poll_interval_ms: i64,
}

/// The heartbeat file of a member: its metadata plus when it last polled and heartbeated.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Heartbeat {
    #[serde(flatten)]
    meta: MemberMeta,
    last_poll_ms: i64,
    last_heartbeat_ms: i64,
}

/// The group's state file.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct GroupState {
    pub generation: i32,
    pub protocol: Option<String>,
    pub leader: Option<String>,
    pub members: BTreeMap<String, MemberMeta>,
    /// Topics the group is subscribed to (kept when the group is empty, to resume them).
    pub subscription: BTreeSet<String>,
    pub assignment: Assignment,
    pub updated_ms: i64,
}

impl GroupState {
    /// Kafka's group states, as far as a directory can tell.
    pub fn state_name(&self) -> &'static str {
        if self.members.is_empty() {
            "Empty"
        } else {
            "Stable"
        }
    }
}

/// Reads the state; `Ok(None)` when the group has none. A state file that does not parse is
/// rebuilt from the members' own files (it is derived data), so a torn or corrupt state never
/// blocks a group.
pub fn read_state(dir: &Path) -> Result<Option<GroupState>> {
    let p = files::state(dir);
    match std::fs::read(&p) {
        Ok(bytes) => match serde_json::from_slice(&bytes) {
            Ok(s) => Ok(Some(s)),
            Err(_) => Ok(Some(rebuild_state(dir)?)),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io("read", &p, e)),
    }
}

fn rebuild_state(dir: &Path) -> Result<GroupState> {
    let mut s = GroupState { generation: 1_000_000, ..Default::default() };
    let mdir = files::members(dir);
    if let Ok(rd) = std::fs::read_dir(&mdir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "json") {
                if let Ok(hb) = serde_json::from_slice::<Heartbeat>(&std::fs::read(&p).unwrap_or_default()) {
                    s.subscription.extend(hb.meta.topics.iter().cloned());
                    s.members.insert(hb.meta.member_id.clone(), hb.meta);
                }
            }
        }
    }
    Ok(s)
}

fn write_state(dir: &Path, s: &GroupState) -> Result<()> {
    let json = serde_json::to_vec_pretty(s).expect("state serialises");
    fsutil::write_atomic(&files::state(dir), &json)
}

/// Takes the group's coordinator lock.
pub fn lock_group(dd: &DataDir, group: &str, timeout: Duration) -> Result<FileLock> {
    let dir = group_dir(dd, group);
    let mut tries = 0;
    loop {
        dd.require_root()?;
        for sub in ["members", "owners"] {
            let p = dir.join(sub);
            fsutil::create_dir_durable(&p)?;
        }
        match lock::lock_exclusive(&files::lock(&dir), timeout, &format!("group {}", group)) {
            // `group delete` removed the folder while we waited: the group starts afresh.
            Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound && tries < 3 => tries += 1,
            r => return r,
        }
    }
}

/// Members whose process is alive (holds its liveness lock).
pub fn live_members(dir: &Path, s: &GroupState) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for id in s.members.keys() {
        if lock::is_held(&files::member_lock(dir, id))? {
            out.push(id.clone());
        }
    }
    Ok(out)
}

fn read_heartbeat(dir: &Path, id: &str) -> Option<Heartbeat> {
    serde_json::from_slice(&std::fs::read(files::member_json(dir, id)).ok()?).ok()
}

/// Members to remove: dead (liveness lock free), or alive but silent past their session timeout
/// (no heartbeat) or max poll interval (no poll). Returns (id, reason).
fn departed(dir: &Path, s: &GroupState, now: i64) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for (id, m) in &s.members {
        if !lock::is_held(&files::member_lock(dir, id))? {
            out.push((id.clone(), "its process is gone".to_string()));
            continue;
        }
        if let Some(hb) = read_heartbeat(dir, id) {
            if now - hb.last_heartbeat_ms > m.session_timeout_ms {
                out.push((id.clone(), format!("no heartbeat for {} ms", now - hb.last_heartbeat_ms)));
            } else if now - hb.last_poll_ms > m.max_poll_interval_ms {
                out.push((id.clone(), format!("no poll for {} ms", now - hb.last_poll_ms)));
            }
        }
    }
    Ok(out)
}

/// Recomputes the assignment for the members in `s`, bumping the generation.
fn rebalance(topics: &dyn TopicCatalog, s: &mut GroupState, strategy: Strategy) -> Result<()> {
    let members: BTreeMap<String, BTreeSet<String>> =
        s.members.iter().map(|(id, m)| (id.clone(), m.topics.clone())).collect();
    let mut partitions = BTreeMap::new();
    for t in members.values().flatten() {
        if let Ok(n) = topics.partition_count(t) {
            partitions.insert(t.clone(), n);
        }
    }
    let previous = std::mem::take(&mut s.assignment);
    s.assignment = assign(strategy, &members, &partitions, &previous);
    s.generation += 1;
    s.leader = s.members.keys().next().cloned();
    s.updated_ms = crate::timefmt::now_ms();
    if s.members.is_empty() {
        s.assignment.clear();
    }
    Ok(())
}

/// Removes departed members (dead or silent) from the state and rebalances if any went. Runs
/// under the group lock. Returns the removed members with the reason.
fn expel_departed(topics: &dyn TopicCatalog, dir: &Path, s: &mut GroupState) -> Result<Vec<(String, String)>> {
    let gone = departed(dir, s, crate::timefmt::now_ms())?;
    if gone.is_empty() {
        return Ok(gone);
    }
    for (id, _) in &gone {
        s.members.remove(id);
        // A dead member's files can go; a live but silent one keeps its lock file.
        if !lock::is_held(&files::member_lock(dir, id))? {
            let _ = std::fs::remove_file(files::member_lock(dir, id));
            let _ = std::fs::remove_file(files::member_json(dir, id));
        }
    }
    let strategy = s.protocol.as_deref().and_then(Strategy::parse).unwrap_or(Strategy::Range);
    rebalance(topics, s, strategy)?;
    Ok(gone)
}

/// Options of a member.
#[derive(Debug, Clone)]
pub struct MemberOptions {
    pub strategy: Strategy,
    pub session_timeout_ms: i64,
    pub max_poll_interval_ms: i64,
    pub client_id: String,
    pub lock_timeout: Duration,
}

/// What a poll found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PollResult {
    /// The member joined a new generation.
    pub new_generation: Option<i32>,
    /// Partitions the caller must stop reading, commit, then pass to [`Member::release`].
    pub revoke: Vec<TopicPartition>,
    /// Partitions newly acquired (ownership lock taken): the caller starts reading them.
    pub acquired: Vec<TopicPartition>,
    /// Members this poll removed from the group, with the reason.
    pub expelled: Vec<(String, String)>,
    /// This member had been removed (it was silent too long) and joined again.
    pub rejoined: bool,
    /// Things that went wrong without stopping the member (for the caller to report).
    pub warnings: Vec<String>,
}

/// A live member of a group.
pub struct Member {
    dd: DataDir,
    catalog: Arc<dyn TopicCatalog>,
    group: String,
    dir: PathBuf,
    id: String,
    meta: MemberMeta,
    opts: MemberOptions,
    _liveness: FileLock,
    generation: i32,
    /// The partitions of the current generation's assignment.
    assigned: BTreeSet<TopicPartition>,
    /// Ownership locks held.
    owned: BTreeMap<TopicPartition, FileLock>,
    last_poll_ms: Arc<AtomicI64>,
    /// Dropping it stops the heartbeat thread at once.
    stop_heartbeat: Option<std::sync::mpsc::Sender<()>>,
    heartbeat: Option<std::thread::JoinHandle<()>>,
    /// Warnings from joining, for the caller (see [`Member::take_warnings`]).
    warnings: Vec<String>,
}

fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|_| "localhost".into())
}

impl Member {
    /// Joins `group`, whose state lives in `dd`, subscribing to `topics` (or, when empty, to the
    /// topics the group is subscribed to already), whose partition counts come from `catalog`.
    /// Returns the member, which owns no partition until it polls.
    pub fn join(
        dd: &DataDir,
        catalog: Arc<dyn TopicCatalog>,
        group: &str,
        topics: &[String],
        opts: MemberOptions,
    ) -> Result<Member> {
        super::offsets::validate_group_id(group)?;
        let dir = group_dir(dd, group);
        let guard = lock_group(dd, group, opts.lock_timeout)?;
        let mut s = read_state(&dir)?.unwrap_or_default();
        let topics: BTreeSet<String> = if topics.is_empty() {
            if s.subscription.is_empty() {
                return Err(Error::NoSubscription { group: group.to_string(), kafka: false });
            }
            s.subscription.clone()
        } else {
            topics.iter().cloned().collect()
        };
        for t in &topics {
            catalog.partition_count(t)?;
        }
        if let Some(p) = s.protocol.as_deref().filter(|_| !s.members.is_empty()) {
            if p != opts.strategy.name() {
                return Err(Error::GroupProtocol {
                    group: group.to_string(),
                    protocol: p.to_string(),
                    asked: opts.strategy.name().to_string(),
                });
            }
        }
        let pid = std::process::id();
        let id = format!("{}-{}-{}", opts.client_id, pid, &crate::datadir::new_uuid()?[..8]);
        let liveness = lock::lock_exclusive(&files::member_lock(&dir, &id), Duration::from_millis(100), "member lock")?;
        let now = crate::timefmt::now_ms();
        let meta = MemberMeta {
            member_id: id.clone(),
            client_id: opts.client_id.clone(),
            host: hostname(),
            pid,
            topics: topics.clone(),
            joined_ms: now,
            session_timeout_ms: opts.session_timeout_ms,
            max_poll_interval_ms: opts.max_poll_interval_ms,
        };
        let hb = Heartbeat { meta: meta.clone(), last_poll_ms: now, last_heartbeat_ms: now };
        write_heartbeat(&dir, &hb)?;
        expel_departed(catalog.as_ref(), &dir, &mut s)?;
        s.members.insert(id.clone(), meta.clone());
        s.subscription.extend(topics.iter().cloned());
        s.protocol = Some(opts.strategy.name().to_string());
        rebalance(catalog.as_ref(), &mut s, opts.strategy)?;
        write_state(&dir, &s)?;
        let warnings: Vec<String> = record_metadata(dd, group, &s).into_iter().collect();
        drop(guard);
        let last_poll_ms = Arc::new(AtomicI64::new(now));
        let (stop_heartbeat, stop_rx) = std::sync::mpsc::channel();
        let heartbeat = {
            let (dir, hb, last_poll) = (dir.clone(), hb, last_poll_ms.clone());
            let every = Duration::from_millis((opts.session_timeout_ms / 3).clamp(10, 3000) as u64);
            std::thread::spawn(move || heartbeat_loop(dir, hb, last_poll, stop_rx, every))
        };
        Ok(Member {
            dd: dd.clone(),
            catalog,
            group: group.to_string(),
            dir,
            id,
            meta,
            opts,
            _liveness: liveness,
            generation: -1,
            assigned: BTreeSet::new(),
            owned: BTreeMap::new(),
            last_poll_ms,
            stop_heartbeat: Some(stop_heartbeat),
            heartbeat: Some(heartbeat),
            warnings,
        })
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn group(&self) -> &str {
        &self.group
    }

    pub fn generation(&self) -> i32 {
        self.generation
    }

    pub fn topics(&self) -> &BTreeSet<String> {
        &self.meta.topics
    }

    /// Partitions currently owned (lock held).
    pub fn owned(&self) -> impl Iterator<Item = &TopicPartition> {
        self.owned.keys()
    }

    /// True when every partition of the current assignment is owned.
    pub fn settled(&self) -> bool {
        self.assigned.iter().all(|tp| self.owned.contains_key(tp))
    }

    /// One round of group work: records the poll, removes departed members, follows a new
    /// generation (returning what to revoke), and tries to take the ownership locks of
    /// assigned partitions not owned yet.
    pub fn poll(&mut self) -> Result<PollResult> {
        let now = crate::timefmt::now_ms();
        self.last_poll_ms.store(now, Ordering::Relaxed);
        let mut out = PollResult::default();
        let mut s = read_state(&self.dir)?.unwrap_or_default();
        // Anyone may notice a departed member; only then is the group lock needed.
        if !departed(&self.dir, &s, now)?.iter().all(|(id, _)| id == &self.id) || !s.members.contains_key(&self.id) {
            let _guard = lock_group(&self.dd, &self.group, self.opts.lock_timeout)?;
            s = read_state(&self.dir)?.unwrap_or_default();
            let generation = s.generation;
            let mut gone = expel_departed(self.catalog.as_ref(), &self.dir, &mut s)?;
            gone.retain(|(id, _)| id != &self.id);
            out.expelled = gone;
            if !s.members.contains_key(&self.id) {
                // We were expelled (silent too long): join again under the same id.
                s.members.insert(self.id.clone(), self.meta.clone());
                let strategy = self.opts.strategy;
                rebalance(self.catalog.as_ref(), &mut s, strategy)?;
                out.rejoined = true;
            }
            write_state(&self.dir, &s)?;
            if s.generation != generation {
                out.warnings.extend(record_metadata(&self.dd, &self.group, &s));
            }
        }
        if s.generation != self.generation {
            let mine: BTreeSet<TopicPartition> =
                s.assignment.get(&self.id).cloned().unwrap_or_default().into_iter().collect();
            out.revoke = if self.opts.strategy.is_cooperative() {
                self.owned.keys().filter(|tp| !mine.contains(*tp)).cloned().collect()
            } else {
                // Eager protocol: everything is given up at every rebalance.
                self.owned.keys().cloned().collect()
            };
            self.assigned = mine;
            self.generation = s.generation;
            out.new_generation = Some(s.generation);
            if !out.revoke.is_empty() {
                // The caller commits and releases `revoke` before any new partition is taken.
                return Ok(out);
            }
        }
        for tp in self.assigned.clone() {
            if self.owned.contains_key(&tp) {
                continue;
            }
            let p = files::owner_lock(&self.dir, &tp);
            match lock::lock_exclusive(&p, Duration::ZERO, "partition ownership") {
                Ok(l) => {
                    self.owned.insert(tp.clone(), l);
                    out.acquired.push(tp);
                }
                Err(Error::Locked { .. }) => {} // the previous owner has not let go yet
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }

    /// Releases ownership of partitions (after the caller committed what it processed).
    pub fn release(&mut self, tps: &[TopicPartition]) {
        for tp in tps {
            self.owned.remove(tp);
        }
    }

    /// Leaves the group: releases every partition and rebalances the others. The caller commits
    /// first. Returns warnings for the caller to report.
    pub fn leave(mut self) -> Result<Vec<String>> {
        let mut warnings = std::mem::take(&mut self.warnings);
        self.owned.clear();
        let _guard = lock_group(&self.dd, &self.group, self.opts.lock_timeout)?;
        let mut s = read_state(&self.dir)?.unwrap_or_default();
        if s.members.remove(&self.id).is_some() {
            rebalance(self.catalog.as_ref(), &mut s, self.opts.strategy)?;
            write_state(&self.dir, &s)?;
            warnings.extend(record_metadata(&self.dd, &self.group, &s));
        }
        let _ = std::fs::remove_file(files::member_json(&self.dir, &self.id));
        let _ = std::fs::remove_file(files::member_lock(&self.dir, &self.id));
        Ok(warnings)
    }

    /// Warnings from joining, for the caller to report (once).
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }
}

impl Drop for Member {
    fn drop(&mut self) {
        self.stop_heartbeat.take();
        if let Some(h) = self.heartbeat.take() {
            let _ = h.join();
        }
    }
}

fn write_heartbeat(dir: &Path, hb: &Heartbeat) -> Result<()> {
    // Replaced by rename with the file and the directory fsynced: a power loss leaves the old
    // or the new file, never an empty one.
    let p = files::member_json(dir, &hb.meta.member_id);
    fsutil::write_atomic(&p, &serde_json::to_vec(hb).expect("heartbeat serialises"))
}

/// Writes the member's heartbeat file every `every` until stopped (Kafka's heartbeat thread):
/// a member whose main loop is busy still shows it is alive, and shows when it last polled.
fn heartbeat_loop(
    dir: PathBuf,
    mut hb: Heartbeat,
    last_poll: Arc<AtomicI64>,
    stop: std::sync::mpsc::Receiver<()>,
    every: Duration,
) {
    while let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = stop.recv_timeout(every) {
        hb.last_poll_ms = last_poll.load(Ordering::Relaxed);
        hb.last_heartbeat_ms = crate::timefmt::now_ms();
        let _ = write_heartbeat(&dir, &hb);
    }
}

/// Removes departed members of a group (for admin commands). Returns who was removed.
/// Members removed from a group, with why, and warnings for the caller to report.
pub type Expelled = (Vec<(String, String)>, Vec<String>);

/// Removes departed members of a group, for a caller (an admin command) that holds the group
/// lock already.
pub fn expel_departed_locked(dd: &DataDir, topics: &dyn TopicCatalog, group: &str) -> Result<Expelled> {
    let dir = group_dir(dd, group);
    let Some(mut s) = read_state(&dir)? else { return Ok((Vec::new(), Vec::new())) };
    let gone = expel_departed(topics, &dir, &mut s)?;
    let mut warnings = Vec::new();
    if !gone.is_empty() {
        write_state(&dir, &s)?;
        warnings.extend(record_metadata(dd, group, &s));
    }
    Ok((gone, warnings))
}

/// Kafka's GroupMetadata value for a group state: protocol type `consumer`, the generation,
/// the assignment strategy and leader, and each member with its subscription and assignment in
/// the consumer protocol's encoding (an empty group has no protocol, as Kafka writes it).
pub fn metadata_value(s: &GroupState) -> GroupValue {
    let members = s
        .members
        .values()
        .map(|m| {
            let assigned = s.assignment.get(&m.member_id).cloned().unwrap_or_default();
            let topics: Vec<String> = m.topics.iter().cloned().collect();
            // Owned partitions, as a Kafka consumer reports them: none under an eager strategy
            // (everything is given up at a rebalance), the kept ones under a cooperative one.
            let cooperative = s.protocol.as_deref().and_then(Strategy::parse).is_some_and(|st| st.is_cooperative());
            let owned: Vec<TopicPartition> = if cooperative { assigned.clone() } else { Vec::new() };
            MemberValue {
                member_id: m.member_id.clone(),
                group_instance_id: None,
                client_id: m.client_id.clone(),
                client_host: format!("/{}", m.host),
                rebalance_timeout: m.max_poll_interval_ms.clamp(0, i32::MAX as i64) as i32,
                session_timeout: m.session_timeout_ms.clamp(0, i32::MAX as i64) as i32,
                subscription: schema::subscription_bytes(&topics, &owned),
                assignment: schema::assignment_bytes(&assigned),
            }
        })
        .collect();
    let empty = s.members.is_empty();
    GroupValue {
        protocol_type: "consumer".into(),
        generation: s.generation,
        protocol: if empty { None } else { s.protocol.clone() },
        leader: if empty { None } else { s.leader.clone() },
        current_state_timestamp: s.updated_ms,
        members,
    }
}

/// Appends the group's metadata to `__consumer_offsets` after a rebalance, as Kafka's
/// coordinator does, so that Kafka's tools reading the directory see the group. Under the
/// group lock. The record is informational (the state file is the group's state), so a failure
/// does not undo the rebalance: it comes back as a warning.
fn record_metadata(dd: &DataDir, group: &str, s: &GroupState) -> Option<String> {
    let change = super::offsets::Change::Metadata(metadata_value(s));
    super::offsets::commit(dd, group, &[change]).err().map(|e| {
        format!("group {}: generation {}: the GroupMetadata record was not written: {}", group, s.generation, e)
    })
}
