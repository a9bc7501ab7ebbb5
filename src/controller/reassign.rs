//! Partition reassignment with Kafka's JSON plan (kafka-reassign-partitions): generate a plan,
//! execute it (add the new replicas, let them catch up, then drop the old ones), verify it.
//!
//! Invariants:
//! - a plan is validated whole before anything changes: every partition exists, appears once,
//!   and names distinct registered brokers; a bad plan changes nothing;
//! - a partition's replica set only ever grows to `target ∪ current` first; the old replicas
//!   leave only once every target replica is in the ISR, and then the ISR keeps only target
//!   replicas and the leader is a target replica (a new leader bumps the leader epoch);
//! - every change is recorded in the store under the controller epoch current at the time
//!   (fenced), and re-checked under the store's lock against the state it was decided on.
//!
//! A removed replica's partition directory is deleted from its broker once the partition's
//! replica set is the target (left in place when that broker cannot be reached).
//! The module never prints or exits.

use crate::error::{Error, NamedBy, PlanFault, Result};
use crate::meta::{MetaStore, Snapshot};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::BTreeSet;
use std::time::Duration;

/// One partition of a plan, as Kafka writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanEntry {
    pub topic: String,
    pub partition: i32,
    pub replicas: Vec<i32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub log_dirs: Vec<String>,
}

/// Kafka's reassignment JSON: `{"version":1,"partitions":[…]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub version: i32,
    pub partitions: Vec<PlanEntry>,
}

/// Kafka's `--topics-to-move-json-file`: `{"version":1,"topics":[{"topic":"t"}]}`.
#[derive(Debug, Clone, Deserialize)]
pub struct TopicsToMove {
    pub topics: Vec<TopicName>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TopicName {
    pub topic: String,
}

/// Parses a plan, naming what is wrong.
pub fn parse_plan(text: &str) -> Result<Plan> {
    serde_json::from_str(text).map_err(|e| Error::BadPlan { fault: PlanFault::Unparsable(e.to_string()) })
}

/// The current assignment of `topics` and a proposed one over `brokers` (Kafka's placement,
/// keeping each topic's replication factor).
pub fn generate(snap: &Snapshot, topics: &[String], brokers: &[i32]) -> Result<(Plan, Plan)> {
    for b in brokers {
        if !snap.brokers.contains_key(b) {
            return Err(Error::AssignsUnregisteredBroker { broker: *b, named_by: NamedBy::BrokerList });
        }
    }
    let (mut cur, mut new) = (Vec::new(), Vec::new());
    for t in topics {
        let ts = snap.topic(t)?;
        let rf = ts.partitions.first().map_or(1, |p| p.replicas.len() as i32);
        let proposed = crate::meta::assign_replicas(brokers, ts.partitions.len() as i32, rf)?;
        for (p, (ps, r)) in ts.partitions.iter().zip(proposed).enumerate() {
            let e =
                |replicas: Vec<i32>| PlanEntry { topic: t.clone(), partition: p as i32, replicas, log_dirs: vec![] };
            cur.push(e(ps.replicas.clone()));
            new.push(e(r));
        }
    }
    Ok((Plan { version: 1, partitions: cur }, Plan { version: 1, partitions: new }))
}

/// Checks a plan against the store: every partition exists and appears once, every replica list
/// is non-empty, distinct, and names registered brokers.
pub fn validate(snap: &Snapshot, plan: &Plan) -> Result<()> {
    if plan.partitions.is_empty() {
        return Err(Error::BadPlan { fault: PlanFault::Empty });
    }
    let mut seen = BTreeSet::new();
    for e in &plan.partitions {
        let tp = crate::TopicPartition::new(e.topic.as_str(), e.partition);
        snap.partition(&e.topic, e.partition)?;
        if !seen.insert(tp.clone()) {
            return Err(Error::BadPlan { fault: PlanFault::Repeated(tp) });
        }
        let distinct: BTreeSet<i32> = e.replicas.iter().copied().collect();
        if e.replicas.is_empty() || distinct.len() != e.replicas.len() {
            return Err(Error::BadPlan { fault: PlanFault::ReplicasNotDistinct(tp) });
        }
        if let Some(b) = e.replicas.iter().find(|b| !snap.brokers.contains_key(b)) {
            return Err(Error::AssignsUnregisteredBroker { broker: *b, named_by: NamedBy::Plan(tp) });
        }
    }
    Ok(())
}

/// Where one partition's reassignment stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub topic: String,
    pub partition: i32,
    pub complete: bool,
    /// Not complete and not under way either: the plan was never executed.
    pub not_started: bool,
    /// Why it is not complete (empty when it is).
    pub message: String,
}

/// Sets a partition's replicas, ISR and leader through `f`, fenced under the store's current
/// controller epoch and re-checked against `seen`. A new leader starts its epoch in its log.
fn change_partition(
    store: &MetaStore,
    topic: &str,
    p: i32,
    kind: &str,
    f: &dyn Fn(&mut crate::meta::PartitionState),
    lock_timeout: Duration,
) -> Result<Snapshot> {
    let before = store.load()?;
    let seen = before.partition(topic, p)?.clone();
    let after = store.update_fenced(before.controller_epoch, |s| {
        let cur = s.partition_mut(topic, p)?;
        if *cur != seen {
            return Err(Error::ChangedDuringReassignment { topic: topic.to_string(), partition: p });
        }
        f(cur);
        Ok((
            kind.to_string(),
            json!({"topic": topic, "partition": p, "old_replicas": seen.replicas, "replicas": cur.replicas,
                "old_isr": seen.isr, "isr": cur.isr, "old_leader": seen.leader, "leader": cur.leader,
                "leader_epoch": cur.leader_epoch}),
        ))
    })?;
    let ps = after.partition(topic, p)?;
    if ps.leader != seen.leader && ps.leader != -1 {
        let dd = crate::replica::broker_dir(&after, ps.leader, lock_timeout)?;
        let t = crate::replica::topic_meta(&after, topic)?;
        let ft = dd.ensure_topic_replica(&t, Some(&[p]))?;
        let mut w = dd.open_writer(&ft, p)?;
        let leo = w.log_end_offset();
        w.epochs_mut().assign(ps.leader_epoch.0, leo)?;
    }
    Ok(after)
}

/// Executes a plan: for each partition, adds the target replicas, brings them up to date from
/// the leader (a replication pass, after which caught-up replicas join the ISR), then, once every
/// target replica is in sync, removes the others and deletes their copies. A partition whose new replicas cannot catch
/// up (unreachable) stays with the larger replica set and is reported as in progress.
///
/// With `throttle` (bytes per second, over the whole execution, as Kafka's `--throttle`), the
/// new replicas are copied to one after another at that pace before the ISR is recomputed;
/// without, every replica is brought up to date at once.
pub fn execute(store: &MetaStore, plan: &Plan, lock_timeout: Duration, throttle: Option<u64>) -> Result<Vec<Progress>> {
    validate(&store.load()?, plan)?;
    let mut pace = throttle.map(crate::replica::throttle::Throttle::new);
    let mut out = Vec::new();
    for e in &plan.partitions {
        let (t, p) = (e.topic.as_str(), e.partition);
        let snap = store.load()?;
        let ps = snap.partition(t, p)?.clone();
        if ps.leader == -1 {
            out.push(Progress {
                topic: t.into(),
                partition: p,
                complete: false,
                not_started: true,
                message: "the partition is offline (no leader): nothing moved".into(),
            });
            continue;
        }
        let target = e.replicas.clone();
        if !target.iter().all(|b| ps.replicas.contains(b)) {
            let mut all = target.clone();
            all.extend(ps.replicas.iter().copied().filter(|b| !target.contains(b)));
            change_partition(store, t, p, "reassign-add-replicas", &|c| c.replicas = all.clone(), lock_timeout)?;
        }
        let mut copy_failed = Vec::new();
        if let Some(pace) = pace.as_mut() {
            let snap = store.load()?;
            let ps = snap.partition(t, p)?.clone();
            let tm = crate::replica::topic_meta(&snap, t)?;
            for &b in target.iter().filter(|&&b| b != ps.leader && !ps.isr.contains(&b)) {
                let copied = crate::replica::broker_dir(&snap, ps.leader, lock_timeout).and_then(|leader| {
                    let dd = crate::replica::broker_dir(&snap, b, lock_timeout)?;
                    crate::replica::replicate_partition_with_progress(
                        &leader,
                        &dd,
                        &tm,
                        p,
                        Some((store, b)),
                        Some(&mut *pace),
                        &mut |_, _| {},
                    )
                });
                if let Err(e) = copied {
                    copy_failed.push((b, e.to_string()));
                }
            }
        }
        // Throttled: the copies are done, only the ISR and high watermark are recomputed.
        let mut report = crate::replica::sync_partition(store, t, p, pace.is_none(), lock_timeout)?;
        report.failed.extend(copy_failed);
        let lagging: Vec<i32> = target.iter().copied().filter(|b| !report.isr.contains(b)).collect();
        if !lagging.is_empty() {
            let why: Vec<String> =
                report.failed.iter().filter(|(b, _)| lagging.contains(b)).map(|(_, m)| m.clone()).collect();
            out.push(Progress {
                topic: t.into(),
                partition: p,
                complete: false,
                not_started: false,
                message: format!(
                    "replica(s) {:?} not in sync yet{}",
                    lagging,
                    if why.is_empty() { String::new() } else { format!(": {}", why.join("; ")) }
                ),
            });
            continue;
        }
        let cur = store.load()?.partition(t, p)?.clone();
        let mut message = String::new();
        if cur.replicas != target {
            let tg = target.clone();
            change_partition(
                store,
                t,
                p,
                "reassign-complete",
                &|c| {
                    c.replicas = tg.clone();
                    c.isr = tg.iter().copied().filter(|b| c.isr.contains(b)).collect();
                    if !tg.contains(&c.leader) {
                        c.leader = tg.iter().copied().find(|b| c.isr.contains(b)).unwrap_or(-1);
                        c.leader_epoch = c.leader_epoch.next();
                    }
                },
                lock_timeout,
            )?;
            // The replicas that left delete their copy, as Kafka's StopReplica does; one on a
            // broker that cannot be reached now keeps it (a stray copy, never read again).
            let snap = store.load()?;
            let mut kept = Vec::new();
            for b in cur.replicas.iter().filter(|b| !target.contains(b)) {
                let deleted = crate::replica::broker_dir(&snap, *b, lock_timeout)
                    .and_then(|dd| dd.delete_partition_replica(t, p));
                if let Err(e) = deleted {
                    kept.push(format!("broker {} keeps its copy: {}", b, e));
                }
            }
            message = kept.join("; ");
        }
        out.push(Progress { topic: t.into(), partition: p, complete: true, not_started: false, message });
    }
    Ok(out)
}

/// Verifies a plan: complete when the partition's replicas are the target, in order, and all
/// in the ISR.
pub fn verify(snap: &Snapshot, plan: &Plan) -> Result<Vec<Progress>> {
    validate(snap, plan)?;
    plan.partitions
        .iter()
        .map(|e| {
            let ps = snap.partition(&e.topic, e.partition)?;
            // While a reassignment runs, the replicas are the union of the old and the new set.
            let in_progress =
                e.replicas.iter().all(|b| ps.replicas.contains(b)) && ps.replicas.len() > e.replicas.len();
            let (complete, message) = if ps.replicas != e.replicas && !in_progress {
                // Kafka's words for a plan that was never executed (or was undone).
                (
                    false,
                    format!(
                        "there is no active reassignment, but the replica set is {:?} rather than {:?}",
                        ps.replicas, e.replicas
                    ),
                )
            } else if ps.replicas != e.replicas {
                (false, format!("replicas are {:?}, the plan wants {:?}", ps.replicas, e.replicas))
            } else if !e.replicas.iter().all(|b| ps.isr.contains(b)) {
                (false, format!("the ISR {:?} lacks some of {:?}", ps.isr, e.replicas))
            } else {
                (true, String::new())
            };
            let not_started = !complete && ps.replicas != e.replicas && !in_progress;
            Ok(Progress { topic: e.topic.clone(), partition: e.partition, complete, not_started, message })
        })
        .collect()
}
