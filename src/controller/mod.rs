//! The controller (DESIGN.md section 5): whoever holds the metadata store's controller lock
//! (`M/.klog-meta/controller.lock`). It detects failed brokers and moves partition leadership to
//! live in-sync replicas, recording every decision in the store under its controller epoch.
//!
//! Invariants:
//! - at most one controller at a time: the controller lock is an exclusive flock held for the
//!   controller's whole life, so the kernel releases it when the process dies (SIGKILL
//!   included) and a waiting candidate ([`acquire`], a try-lock every poll) takes over;
//! - a new controller first bumps `controller_epoch` by one and records itself
//!   (`controller-elected`, with its pid and broker id); every later change it makes goes through
//!   [`MetaStore::update_fenced`] with that epoch, so a change from a stale controller is
//!   rejected (a conflict) and nothing is written;
//! - a broker has failed when its data directory is unreachable, holds another identity
//!   (`broker.id` or `cluster.id`), or its `klog broker run` agent registered in the store and
//!   its liveness lock has since been released (killed or crashed; a clean stop unregisters);
//! - a new leader comes from the live ISR, in assignment order; the leader epoch grows by one per
//!   leader change and the ISR keeps only live members; with no live in-sync replica the
//!   partition goes offline (leader -1, ISR kept so a returning member can lead with nothing
//!   lost) unless the topic's `unclean.leader.election.enable` is true, in which case the first
//!   live replica leads alone and the offsets it lacked are reported as data loss;
//! - every partition decision is re-checked inside the store's lock against the state it was
//!   decided on; a partition that changed meanwhile is left for the next round.
//!
//! Catching up a returning broker (truncation, copying, re-entering the ISR) is the replication
//! code's job (`crate::replica`, run by `klog replicate` or `klog broker run`).
//!
//! The module never prints or exits.

pub mod reassign;

use crate::datadir::DataDir;
use crate::error::{Error, Result};
use crate::lock::{self, FileLock};
use crate::meta::{ControllerInfo, MetaStore, PartitionState, Snapshot};
use crate::ControllerEpoch;
use serde::Serialize;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The longest a controller waits for a partition lock when it starts a leader's new epoch.
const WRITER_LOCK_TIMEOUT: Duration = Duration::from_secs(2);

/// The controller lock of `store`.
pub fn controller_lock_path(store: &MetaStore) -> PathBuf {
    crate::paths::meta_file(store.root(), crate::paths::CONTROLLER_LOCK)
}

/// What the controller knows of one broker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BrokerStatus {
    pub broker: i32,
    pub data_dir: PathBuf,
    pub alive: bool,
    /// Whether a `klog broker run` agent holds the broker's liveness lock now.
    pub agent: bool,
    /// Why it has failed (empty when alive).
    pub reason: String,
}

fn agent_lock(dd: &DataDir) -> PathBuf {
    crate::paths::broker_lock(dd.root())
}

/// Whether a `klog broker run` agent holds `dd`'s liveness lock now (false when that cannot be
/// told).
pub fn agent_running(dd: &DataDir) -> bool {
    lock::is_held(&agent_lock(dd)).unwrap_or(false)
}

/// Probes every broker of `snap`. A broker whose agent registered in the store (`klog broker
/// run`) and whose agent's liveness lock is free has failed: the agent was killed or crashed
/// (an agent that stops cleanly unregisters). Every controller sees the same, from the store.
pub fn probe_brokers(store: &MetaStore, snap: &Snapshot) -> Vec<BrokerStatus> {
    snap.brokers
        .iter()
        .map(|(&id, b)| {
            let mut st = BrokerStatus {
                broker: id,
                data_dir: b.data_dir.clone(),
                alive: false,
                agent: false,
                reason: String::new(),
            };
            match crate::replica::broker_dir(snap, id, WRITER_LOCK_TIMEOUT) {
                Err(e) => st.reason = e.to_string(),
                Ok(dd) => match lock::is_held(&agent_lock(&dd)) {
                    Err(e) => st.reason = e.to_string(),
                    Ok(true) => {
                        st.alive = true;
                        st.agent = true;
                    }
                    // The agent unregisters before it releases its lock, so a clean stop seen
                    // between the two reads is told apart by reading the store again.
                    Ok(false) if b.agent && still_registered(store, id) => {
                        st.reason = format!("broker {}: its broker agent stopped (liveness lock released)", id)
                    }
                    Ok(false) => st.alive = true,
                },
            }
            st
        })
        .collect()
}

/// Whether broker `id`'s agent is still registered, read from the store again (the snapshot
/// probed may predate a clean stop). A store that cannot be read now counts as registered.
fn still_registered(store: &MetaStore, id: i32) -> bool {
    store.load().map_or(true, |s| s.brokers.get(&id).is_some_and(|b| b.agent))
}

/// The offsets an unclean leader lacked: `from` (its log end offset) up to `to`, the furthest
/// any reachable replica had (a log end offset or a stored high watermark).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataLoss {
    pub from: i64,
    pub to: i64,
    /// Replicas whose logs could not be read, which may have held more.
    pub unreadable: Vec<i32>,
}

/// One decision about one partition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub topic: String,
    pub partition: i32,
    /// `leader-change`, `unclean-leader-change`, `offline` or `isr-shrink`.
    pub kind: String,
    pub old_leader: i32,
    pub leader: i32,
    pub leader_epoch: crate::LeaderEpoch,
    pub isr: Vec<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_loss: Option<DataLoss>,
}

/// What one round did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RoundReport {
    pub brokers: Vec<BrokerStatus>,
    pub decisions: Vec<Decision>,
    /// Partitions left for a later round, with why.
    pub deferred: Vec<String>,
}

/// The live controller: holds the controller lock until dropped.
#[derive(Debug)]
pub struct Controller {
    store: MetaStore,
    _lock: FileLock,
    info: ControllerInfo,
}

/// Tries once to become the controller: `None` when another process holds the lock.
pub fn try_acquire(store: &MetaStore, broker: Option<i32>) -> Result<Option<Controller>> {
    let path = controller_lock_path(store);
    match lock::lock_exclusive(&path, Duration::ZERO, "the controller lock") {
        Ok(l) => Ok(Some(become_controller(store, l, broker)?)),
        Err(Error::Locked { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Waits to become the controller, trying the lock every `poll`; `give_up` is asked between tries
/// (return true to stop waiting: a conflict).
pub fn acquire(
    store: &MetaStore,
    broker: Option<i32>,
    poll: Duration,
    give_up: &mut dyn FnMut() -> bool,
) -> Result<Controller> {
    loop {
        if let Some(c) = try_acquire(store, broker)? {
            return Ok(c);
        }
        if give_up() {
            return Err(Error::ControllerRunning { lock: controller_lock_path(store) });
        }
        std::thread::sleep(poll);
    }
}

fn become_controller(store: &MetaStore, l: FileLock, broker: Option<i32>) -> Result<Controller> {
    let info = ControllerInfo {
        epoch: ControllerEpoch(0),
        pid: std::process::id(),
        broker,
        since_ms: crate::timefmt::now_ms(),
    };
    let snap = store.bump_controller_epoch(info)?;
    let info = snap
        .controller
        .clone()
        .ok_or_else(|| Error::Invalid("the store recorded no controller after an election".into()))?;
    Ok(Controller { store: store.clone(), _lock: l, info })
}

impl Controller {
    pub fn epoch(&self) -> ControllerEpoch {
        self.info.epoch
    }

    pub fn info(&self) -> &ControllerInfo {
        &self.info
    }

    /// One round: probe the brokers, then move leadership off failed leaders and shrink ISRs
    /// of failed members. A stale controller epoch is `Error::StaleController` (this controller
    /// must stop).
    pub fn round(&mut self) -> Result<RoundReport> {
        let snap = self.store.load()?;
        if snap.controller_epoch != self.info.epoch {
            return Err(Error::StaleController {
                pid: self.info.pid,
                epoch: self.info.epoch,
                current: snap.controller_epoch,
            });
        }
        let brokers = probe_brokers(&self.store, &snap);
        let alive: BTreeSet<i32> = brokers.iter().filter(|b| b.alive).map(|b| b.broker).collect();
        let mut report = RoundReport { brokers, ..Default::default() };
        for (topic, t) in &snap.topics {
            let unclean_ok = t.configs.get("unclean.leader.election.enable").is_some_and(|v| v == "true");
            for (p, ps) in t.partitions.iter().enumerate() {
                let p = p as i32;
                let plan = plan_partition(ps, &alive, unclean_ok);
                if let Some(plan) = plan {
                    match apply(&self.store, Some(self.info.epoch), &snap, topic, p, ps, plan) {
                        Ok(d) => report.decisions.push(d),
                        // The store fenced this controller (a newer one was elected meanwhile):
                        // it must stop now, not defer the partition to its next round.
                        Err(e) if e.is_contention() || matches!(e, Error::StaleControllerEpoch { .. }) => {
                            return Err(e)
                        }
                        Err(e) => report.deferred.push(format!("{}-{}: {}", topic, p, e)),
                    }
                }
            }
        }
        Ok(report)
    }
}

/// What to do with one partition.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Plan {
    Lead { leader: i32, isr: Vec<i32>, unclean: bool },
    Offline,
    Shrink { isr: Vec<i32> },
}

fn plan_partition(ps: &PartitionState, alive: &BTreeSet<i32>, unclean_ok: bool) -> Option<Plan> {
    let leader_ok = ps.leader != -1 && alive.contains(&ps.leader);
    let live_isr: Vec<i32> = ps.isr.iter().copied().filter(|b| alive.contains(b)).collect();
    if leader_ok {
        return (live_isr.len() != ps.isr.len()).then_some(Plan::Shrink { isr: live_isr });
    }
    let clean = ps.replicas.iter().copied().find(|b| *b != ps.leader && live_isr.contains(b));
    if let Some(n) = clean {
        return Some(Plan::Lead { leader: n, isr: live_isr, unclean: false });
    }
    if unclean_ok {
        if let Some(n) = ps.replicas.iter().copied().find(|b| *b != ps.leader && alive.contains(b)) {
            return Some(Plan::Lead { leader: n, isr: vec![n], unclean: true });
        }
    }
    (ps.leader != -1).then_some(Plan::Offline)
}

/// Log end offsets and stored high watermarks of the readable replicas, for a data-loss report.
fn data_loss(snap: &Snapshot, topic: &str, p: i32, replicas: &[i32], new_leader: i32) -> Result<Option<DataLoss>> {
    let t = crate::replica::topic_meta(snap, topic)?;
    let mut from = 0;
    let mut to = 0;
    let mut unreadable = Vec::new();
    for &b in replicas {
        let end = snap.broker_dir(b).and_then(DataDir::open).and_then(|dd| {
            let leo = dd.open_reader(&t, p)?.log_end_offset()?;
            let hw = crate::replica::stored_high_watermark(&dd, topic, p)?;
            Ok((leo, hw))
        });
        match end {
            Ok((leo, hw)) => {
                if b == new_leader {
                    from = leo;
                }
                to = to.max(leo).max(hw);
            }
            Err(_) => unreadable.push(b),
        }
    }
    Ok((to > from || !unreadable.is_empty()).then_some(DataLoss { from, to: to.max(from), unreadable }))
}

/// Applies a plan as one store change (fenced when `epoch` is given), re-checked against the
/// partition state it was decided on; then starts the new leader epoch in the new leader's log.
fn apply(
    store: &MetaStore,
    epoch: Option<ControllerEpoch>,
    snap: &Snapshot,
    topic: &str,
    p: i32,
    seen: &PartitionState,
    plan: Plan,
) -> Result<Decision> {
    let loss = match &plan {
        Plan::Lead { leader, unclean: true, .. } => data_loss(snap, topic, p, &seen.replicas, *leader)?,
        _ => None,
    };
    let mut decision = None;
    let f = |s: &mut Snapshot| {
        let cur = s.partition_mut(topic, p)?;
        if cur != seen {
            return Err(Error::ChangedWhileDeciding {
                topic: topic.to_string(),
                partition: p,
                leader: cur.leader,
                epoch: cur.leader_epoch,
            });
        }
        let old_leader = cur.leader;
        let kind = match &plan {
            Plan::Lead { leader, isr, unclean } => {
                cur.leader = *leader;
                cur.leader_epoch = cur.leader_epoch.next();
                cur.isr = isr.clone();
                if *unclean {
                    "unclean-leader-change"
                } else {
                    "leader-change"
                }
            }
            Plan::Offline => {
                cur.leader = -1;
                cur.leader_epoch = cur.leader_epoch.next();
                "offline"
            }
            Plan::Shrink { isr } => {
                cur.isr = isr.clone();
                "isr-shrink"
            }
        };
        let d = Decision {
            topic: topic.to_string(),
            partition: p,
            kind: kind.to_string(),
            old_leader,
            leader: cur.leader,
            leader_epoch: cur.leader_epoch,
            isr: cur.isr.clone(),
            data_loss: loss.clone(),
        };
        let detail = json!({"topic": topic, "partition": p, "old_leader": old_leader, "leader": d.leader,
            "old_leader_epoch": seen.leader_epoch, "leader_epoch": d.leader_epoch, "old_isr": seen.isr, "isr": d.isr,
            "data_loss": d.data_loss});
        decision = Some(d);
        Ok((kind.to_string(), detail))
    };
    let after = match epoch {
        Some(e) => store.update_fenced(e, f)?,
        None => store.update(f)?,
    };
    let d = decision.ok_or_else(|| Error::Invalid("the store applied no decision".into()))?;
    if matches!(plan, Plan::Lead { .. }) {
        // As `replica::elect_leader`: the new epoch starts at the new leader's log end. Best
        // effort: the decision is recorded already, and the leader's next append assigns the
        // epoch anyway (a partition lock held past the timeout must not stall the controller).
        let _ = start_epoch(&after, topic, p, d.leader, d.leader_epoch);
    }
    Ok(d)
}

fn start_epoch(snap: &Snapshot, topic: &str, p: i32, leader: i32, epoch: crate::LeaderEpoch) -> Result<()> {
    let dd = crate::replica::broker_dir(snap, leader, WRITER_LOCK_TIMEOUT)?;
    let t = crate::replica::topic_meta(snap, topic)?;
    let ft = dd.ensure_topic_replica(&t, Some(&[p]))?;
    let mut w = dd.open_writer(&ft, p)?;
    let leo = w.log_end_offset();
    w.epochs_mut().assign(epoch.0, leo)
}

/// The kind of an administrative election, as kafka-leader-election's `--election-type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElectionType {
    /// Move leadership to the first replica of the assignment, if it is live and in sync.
    Preferred,
    /// Give an offline partition (or one whose leader failed) a leader, from outside the ISR
    /// when no in-sync replica is live.
    Unclean,
}

/// What an administrative election did for one partition (kafka-leader-election's outcomes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ElectionResult {
    /// A new leader was elected.
    Elected,
    /// The partition already had the leader the election wanted.
    NotNeeded,
    /// No leader could be elected (the message says why).
    Failed,
}

impl std::fmt::Display for ElectionResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ElectionResult::Elected => "elected",
            ElectionResult::NotNeeded => "not-needed",
            ElectionResult::Failed => "failed",
        })
    }
}

/// Which partitions an administrative election covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ElectionScope {
    /// Every partition of the cluster.
    All,
    /// One partition.
    Partition(crate::TopicPartition),
}

/// The outcome of an administrative election for one partition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ElectionOutcome {
    pub topic: String,
    pub partition: i32,
    pub result: ElectionResult,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
}

/// Runs an election on the partitions of `scope`, like kafka-leader-election. Changes are
/// recorded under the store's current controller epoch.
pub fn elect(store: &MetaStore, kind: ElectionType, scope: &ElectionScope) -> Result<Vec<ElectionOutcome>> {
    let snap = store.load()?;
    let all: Vec<(String, i32)> = match scope {
        ElectionScope::All => {
            snap.topics.iter().flat_map(|(n, t)| (0..t.partitions.len() as i32).map(move |p| (n.clone(), p))).collect()
        }
        ElectionScope::Partition(tp) => {
            snap.partition(&tp.topic, tp.partition)?;
            vec![(tp.topic.clone(), tp.partition)]
        }
    };
    let alive: BTreeSet<i32> = probe_brokers(store, &snap).into_iter().filter(|b| b.alive).map(|b| b.broker).collect();
    let mut out = Vec::new();
    for (topic, p) in all {
        let ps = snap.partition(&topic, p)?.clone();
        let outcome = |result: ElectionResult, message: String, decision: Option<Decision>| ElectionOutcome {
            topic: topic.clone(),
            partition: p,
            result,
            message,
            decision,
        };
        let plan = match kind {
            ElectionType::Preferred => {
                let want = ps.replicas[0];
                if ps.leader == want {
                    out.push(outcome(ElectionResult::NotNeeded, format!("broker {} already leads", want), None));
                    continue;
                }
                if !ps.isr.contains(&want) || !alive.contains(&want) {
                    out.push(outcome(
                        ElectionResult::Failed,
                        format!("preferred replica {} is not live and in the ISR {:?}", want, ps.isr),
                        None,
                    ));
                    continue;
                }
                Plan::Lead {
                    leader: want,
                    isr: ps.isr.iter().copied().filter(|b| alive.contains(b)).collect(),
                    unclean: false,
                }
            }
            ElectionType::Unclean => {
                if ps.leader != -1 && alive.contains(&ps.leader) {
                    out.push(outcome(
                        ElectionResult::NotNeeded,
                        format!("broker {} leads and is live", ps.leader),
                        None,
                    ));
                    continue;
                }
                match plan_partition(&ps, &alive, true) {
                    Some(pl @ Plan::Lead { .. }) => pl,
                    _ => {
                        out.push(outcome(
                            ElectionResult::Failed,
                            format!("no live replica among {:?}: the partition stays offline", ps.replicas),
                            None,
                        ));
                        continue;
                    }
                }
            }
        };
        match apply(store, Some(snap.controller_epoch), &snap, &topic, p, &ps, plan) {
            Ok(d) => {
                let msg = format!("broker {} leads at leader epoch {}", d.leader, d.leader_epoch);
                out.push(outcome(ElectionResult::Elected, msg, Some(d)));
            }
            Err(e) => out.push(outcome(ElectionResult::Failed, e.to_string(), None)),
        }
    }
    Ok(out)
}

/// The cluster as `klog controller status` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub controller_epoch: ControllerEpoch,
    /// The controller elected at the current epoch.
    pub controller: Option<ControllerInfo>,
    /// Whether some process holds the controller lock now.
    pub active: bool,
    pub brokers: Vec<BrokerStatus>,
    /// `topic-partition` names with no live leader.
    pub offline: Vec<String>,
    /// `topic-partition` names whose ISR is smaller than their replica set.
    pub under_replicated: Vec<String>,
}

/// Reads the store and probes the brokers (without the memory of a running controller: a broker
/// whose agent is not running is live when its directory is).
pub fn status(store: &MetaStore) -> Result<Status> {
    let snap = store.load()?;
    let active = lock::is_held(&controller_lock_path(store))?;
    let brokers = probe_brokers(store, &snap);
    let alive: BTreeMap<i32, bool> = brokers.iter().map(|b| (b.broker, b.alive)).collect();
    let (mut offline, mut under) = (Vec::new(), Vec::new());
    for (n, t) in &snap.topics {
        for (p, ps) in t.partitions.iter().enumerate() {
            if ps.leader == -1 || !alive.get(&ps.leader).copied().unwrap_or(false) {
                offline.push(format!("{}-{}", n, p));
            }
            if ps.isr.len() < ps.replicas.len() {
                under.push(format!("{}-{}", n, p));
            }
        }
    }
    Ok(Status {
        controller_epoch: snap.controller_epoch,
        controller: snap.controller,
        active,
        brokers,
        offline,
        under_replicated: under,
    })
}

/// Runs `round` on `c` every `interval` until `stop` returns true after a round; each report goes
/// to `on_round`, each failed round (the store unreadable for a moment, say) to `on_error`. A
/// stale controller epoch or a conflict ends it.
pub fn run_loop(
    c: &mut Controller,
    interval: Duration,
    on_round: &mut dyn FnMut(&RoundReport) -> Result<()>,
    on_error: &mut dyn FnMut(&Error),
    stop: &mut dyn FnMut() -> bool,
) -> Result<()> {
    loop {
        let start = Instant::now();
        match c.round() {
            Ok(r) => on_round(&r)?,
            Err(e)
                if e.is_contention()
                    || matches!(e, Error::StaleController { .. } | Error::StaleControllerEpoch { .. }) =>
            {
                return Err(e)
            }
            Err(e) => on_error(&e),
        }
        if stop() {
            return Ok(());
        }
        if let Some(rest) = interval.checked_sub(start.elapsed()) {
            std::thread::sleep(rest);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ps(replicas: &[i32], leader: i32, isr: &[i32]) -> PartitionState {
        PartitionState { replicas: replicas.to_vec(), leader, leader_epoch: crate::LeaderEpoch(3), isr: isr.to_vec() }
    }

    fn set(v: &[i32]) -> BTreeSet<i32> {
        v.iter().copied().collect()
    }

    #[test]
    fn plans_follow_the_isr_then_the_topic_config() {
        let all = set(&[0, 1, 2]);
        assert_eq!(plan_partition(&ps(&[0, 1, 2], 0, &[0, 1, 2]), &all, false), None);
        assert_eq!(
            plan_partition(&ps(&[0, 1, 2], 0, &[0, 1, 2]), &set(&[1, 2]), false),
            Some(Plan::Lead { leader: 1, isr: vec![1, 2], unclean: false })
        );
        // Assignment order, not ISR order.
        assert_eq!(
            plan_partition(&ps(&[0, 2, 1], 0, &[0, 1, 2]), &set(&[1, 2]), false),
            Some(Plan::Lead { leader: 2, isr: vec![1, 2], unclean: false })
        );
        assert_eq!(plan_partition(&ps(&[0, 1, 2], 0, &[0, 1]), &set(&[0]), false), Some(Plan::Shrink { isr: vec![0] }));
        assert_eq!(plan_partition(&ps(&[0, 1, 2], 0, &[0]), &set(&[1, 2]), false), Some(Plan::Offline));
        assert_eq!(plan_partition(&ps(&[0, 1, 2], -1, &[0]), &set(&[1, 2]), false), None);
        assert_eq!(
            plan_partition(&ps(&[0, 1, 2], -1, &[0]), &set(&[2]), true),
            Some(Plan::Lead { leader: 2, isr: vec![2], unclean: true })
        );
        // A returning in-sync replica of an offline partition leads cleanly.
        assert_eq!(
            plan_partition(&ps(&[0, 1, 2], -1, &[0]), &set(&[0, 2]), false),
            Some(Plan::Lead { leader: 0, isr: vec![0], unclean: false })
        );
    }

    #[test]
    fn stale_controller_epochs_are_fenced() {
        let dir = tempfile::tempdir().unwrap();
        let store = MetaStore::open_or_create(dir.path()).unwrap();
        let mut a = try_acquire(&store, Some(7)).unwrap().unwrap();
        assert_eq!(a.epoch(), ControllerEpoch(1));
        assert!(try_acquire(&store, None).unwrap().is_none(), "the lock is held");
        a.round().unwrap();
        // Another election (as after a takeover) makes `a` stale.
        let info = ControllerInfo { epoch: ControllerEpoch(0), pid: 1, broker: None, since_ms: 0 };
        store.bump_controller_epoch(info).unwrap();
        assert!(matches!(
            a.round(),
            Err(Error::StaleController { epoch: ControllerEpoch(1), current: ControllerEpoch(2), .. })
        ));
        let e = store.update_fenced(ControllerEpoch(1), |_| Ok(("x".into(), json!({})))).unwrap_err();
        assert!(
            matches!(e, Error::StaleControllerEpoch { epoch: ControllerEpoch(1), current: ControllerEpoch(2), .. }),
            "{e}"
        );
        assert!(e.to_string().contains("stale controller epoch"), "{e}");
        store.update_fenced(ControllerEpoch(2), |_| Ok(("x".into(), json!({})))).unwrap();
        let changes = store.changes().unwrap();
        let epochs: Vec<Option<i32>> = changes.iter().map(|c| c.controller_epoch.map(|e| e.0)).collect();
        assert_eq!(epochs, vec![Some(1), Some(2), Some(2)]);
        drop(a);
        let b = try_acquire(&store, None).unwrap().unwrap();
        assert_eq!(b.epoch(), ControllerEpoch(3));
    }
}
