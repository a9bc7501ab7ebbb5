//! Replication as an application: a pair of data directories replicated pass by pass (`klog
//! replicate`), and the broker agent that keeps every partition a data directory follows
//! replicating from its current leader (`klog broker run`).
//!
//! The copying itself is [`crate::replica`]'s; this module decides which partitions a pass
//! covers, checks that the two directories belong together, keeps a broker registered while its
//! agent runs, and reports what happened as typed values for the caller to render.

use super::Location;
use crate::datadir::{DataDir, TopicMeta};
use crate::error::{Error, PairRole, Result};
use crate::meta::MetaStore;
use crate::replica::{self, PassReport};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Which partitions a replication pass covers: all, one topic, or one partition of it.
#[derive(Clone, Debug, Default)]
pub struct Scope {
    pub topic: Option<String>,
    pub partition: Option<i32>,
}

impl Scope {
    fn wants(&self, topic: &str, partition: i32) -> bool {
        self.topic.as_deref().is_none_or(|t| t == topic) && self.partition.is_none_or(|p| p == partition)
    }
}

/// A leader directory and a follower directory that belong together: both standalone, or both
/// brokers of the same cluster (the store is then the cluster's).
pub struct Pair {
    pub from: DataDir,
    pub to: DataDir,
    store: Option<MetaStore>,
    lock_timeout: Duration,
}

fn open_dir(p: &Path, role: PairRole, lock_timeout: Duration) -> Result<DataDir> {
    if !p.exists() {
        return Err(Error::DataDirNotFound { path: p.to_path_buf(), role: Some(role) });
    }
    Ok(DataDir::open(p)?.with_lock_timeout(lock_timeout))
}

impl Pair {
    /// Opens both directories and the store they share (`at.meta` when named). Directories of
    /// different clusters, one member and one standalone, or a directory paired with itself are
    /// errors.
    pub fn open(at: &Location, from: &Path, to: &Path) -> Result<Pair> {
        let from = open_dir(from, PairRole::Leader, at.lock_timeout)?;
        let to = open_dir(to, PairRole::Follower, at.lock_timeout)?;
        if std::fs::canonicalize(from.root()).ok() == std::fs::canonicalize(to.root()).ok() {
            return Err(Error::ReplicateToItself { dir: from.root().to_path_buf(), tp: None });
        }
        let store = common_store(at, &from, &to)?;
        Ok(Pair { from, to, store, lock_timeout: at.lock_timeout })
    }

    /// One pass over the partitions in `scope` that the follower follows and the leader leads
    /// (without a store: every partition of the leader). `progress(topic, partition, at, end)`
    /// is called as batches are copied.
    pub fn pass(&self, scope: &Scope, progress: &mut dyn FnMut(&str, i32, i64, i64)) -> Result<Vec<PassReport>> {
        let (from, to) = (&self.from, &self.to);
        let mut reports = Vec::new();
        let mut one = |t: &TopicMeta, p: i32, assignment: replica::Assignment| {
            replica::replicate_partition_with_progress(from, to, t, p, assignment, None, &mut |at, end| {
                progress(&t.name, p, at, end)
            })
        };
        match &self.store {
            Some(store) => {
                let snap = store.load()?;
                let not_broker = |d: &DataDir| Error::NotABroker { data_dir: d.root().to_path_buf(), store: None };
                let leader_id = snap.broker_for_dir(from.root()).ok_or_else(|| not_broker(from))?;
                let follower_id = snap.broker_for_dir(to.root()).ok_or_else(|| not_broker(to))?;
                if let Some(t) = &scope.topic {
                    snap.topic(t)?;
                }
                for (name, t) in &snap.topics {
                    for (p, ps) in t.partitions.iter().enumerate() {
                        let p = p as i32;
                        if !scope.wants(name, p) || ps.leader != leader_id || !ps.replicas.contains(&follower_id) {
                            continue;
                        }
                        let tm = replica::topic_meta(&snap, name)?;
                        reports.push(one(&tm, p, Some((store, follower_id)))?);
                        // A follower that caught up rejoins the ISR; the HW moves.
                        replica::sync_partition(store, name, p, false, self.lock_timeout)?;
                    }
                }
                if let (Some(p), true) = (scope.partition, reports.is_empty()) {
                    return Err(Error::NotAFollower {
                        follower: follower_id,
                        leader: leader_id,
                        topic: scope.topic.clone().unwrap_or_default(),
                        partition: p,
                    });
                }
            }
            None => {
                let topics = match &scope.topic {
                    Some(t) => vec![from.topic(t)?],
                    None => from.topics()?,
                };
                for t in topics {
                    if let Some(p) = scope.partition {
                        from.check_partition(&t, p)?;
                    }
                    for p in from.existing_partitions(&t)? {
                        if scope.wants(&t.name, p) {
                            reports.push(one(&t, p, None)?);
                        }
                    }
                }
            }
        }
        Ok(reports)
    }
}

/// The store both directories belong to, if any.
fn common_store(at: &Location, a: &DataDir, b: &DataDir) -> Result<Option<MetaStore>> {
    let canon = |p: Option<PathBuf>| p.map(|p| std::fs::canonicalize(&p).unwrap_or(p));
    let (ma, mb) = (canon(a.meta_store_path()?), canon(b.meta_store_path()?));
    let store_path = match (&at.meta, ma, mb) {
        (Some(m), _, _) => Some(m.clone()),
        (None, Some(x), Some(y)) if x == y => Some(x),
        (None, None, None) => None,
        (None, x, y) => {
            return Err(Error::DifferentClusters {
                a: a.root().to_path_buf(),
                b: b.root().to_path_buf(),
                a_store: x,
                b_store: y,
            })
        }
    };
    let Some(path) = store_path else { return Ok(None) };
    let store = MetaStore::open(&path)?.with_lock_timeout(at.lock_timeout);
    let cid = store.load()?.cluster_id;
    for d in [a, b] {
        let have = d.cluster_id()?;
        if have != cid {
            return Err(Error::ClusterMismatch {
                data_dir: d.root().to_path_buf(),
                has: have,
                wanted: cid,
                store: Some(path),
            });
        }
    }
    Ok(Some(store))
}

/// Something a broker agent's pass did or met besides copying, told once: a failure repeating
/// every pass is reported when it starts or changes, and its end when the partition recovers.
#[derive(Debug)]
pub enum AgentEvent {
    /// This broker's copy of a topic deleted from the cluster (while it was unreachable) is gone.
    DeletedTopicCopy { topic: String },
    /// A copy of a partition reassigned away from this broker is gone.
    DeletedStrayCopy { topic: String, partition: i32 },
    /// A topic (`partition` None) or partition that cannot be handled now; retried every pass.
    Failing { topic: String, partition: Option<i32>, task: AgentTask, error: Error },
    /// A partition that was failing replicates again.
    Recovered { topic: String, partition: i32 },
}

/// What an agent was doing when it failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgentTask {
    DeleteTopicCopy,
    DeleteStrayCopy,
    Replicate,
}

/// What one pass of the agent did.
#[derive(Debug, Default)]
pub struct AgentPass {
    /// Every partition replicated in the pass (also those with nothing new).
    pub reports: Vec<PassReport>,
    pub events: Vec<AgentEvent>,
}

impl AgentPass {
    /// Whether the pass copied or truncated anything.
    pub fn changed(&self) -> bool {
        self.reports.iter().any(|r| r.batches > 0 || r.truncated_to.is_some())
    }
}

/// The broker agent of one data directory: registered in the metadata store while it runs
/// (holding the broker's liveness lock, so that a dead agent fails the broker), it replicates
/// every partition the broker follows from its current leader, and deletes copies that are no
/// longer replicas here, as Kafka's brokers do.
pub struct BrokerAgent {
    me: DataDir,
    store: MetaStore,
    id: i32,
    lock_timeout: Duration,
    _alive: crate::lock::FileLock,
    /// The last failure reported per (topic, partition; -1 for the whole topic).
    failing: BTreeMap<(String, i32), String>,
}

impl BrokerAgent {
    /// Takes the broker's liveness lock and registers the agent. Fails when the data directory
    /// is not a broker of a cluster or another agent runs for it.
    pub fn start(at: &Location) -> Result<BrokerAgent> {
        let me = at.open()?;
        let store = at.store()?.ok_or_else(|| Error::NotClusterMember { data_dir: me.root().to_path_buf() })?;
        let snap = store.load()?;
        let id = snap.broker_for_dir(me.root()).ok_or_else(|| Error::NotABroker {
            data_dir: me.root().to_path_buf(),
            store: Some(store.root().to_path_buf()),
        })?;
        replica::broker_dir(&snap, id, at.lock_timeout)?;
        let lock_path = crate::paths::broker_lock(me.root());
        let alive = crate::lock::lock_exclusive(&lock_path, Duration::from_millis(0), &format!("broker {} agent", id))?;
        // Registered: from now on, this agent dying (its lock released) fails the broker.
        store.set_broker_agent(id, true)?;
        Ok(BrokerAgent { me, store, id, lock_timeout: at.lock_timeout, _alive: alive, failing: BTreeMap::new() })
    }

    pub fn id(&self) -> i32 {
        self.id
    }

    /// Unregisters the agent (a clean stop: the controller does not fail the broker).
    pub fn stop(self) -> Result<()> {
        self.store.set_broker_agent(self.id, false).map(|_| ())
    }

    /// Records a failure; returns the event when it is new for `key`.
    fn fail(&mut self, topic: &str, partition: i32, task: AgentTask, error: Error) -> Option<AgentEvent> {
        let key = (topic.to_string(), partition);
        let text = error.to_string();
        if self.failing.get(&key) == Some(&text) {
            return None;
        }
        self.failing.insert(key, text);
        let partition = (partition >= 0).then_some(partition);
        Some(AgentEvent::Failing { topic: topic.to_string(), partition, task, error })
    }

    /// One pass over the cluster's current metadata.
    pub fn pass(&mut self) -> Result<AgentPass> {
        let snap = self.store.load()?;
        let mut out = AgentPass::default();
        // Copies of topics deleted from the cluster while this broker was unreachable.
        for (name, ids) in &snap.deleted_topics {
            match replica::admin::delete_copy(&self.me, name, ids) {
                Ok(true) => out.events.push(AgentEvent::DeletedTopicCopy { topic: name.clone() }),
                Ok(false) => {}
                Err(e) => out.events.extend(self.fail(name, -1, AgentTask::DeleteTopicCopy, e)),
            }
        }
        for (name, t) in &snap.topics {
            for (p, ps) in t.partitions.iter().enumerate() {
                let p = p as i32;
                if !ps.replicas.contains(&self.id) {
                    // A copy of a partition reassigned away (its deletion failed, or this broker
                    // was unreachable then) is a stray: delete it, as Kafka does.
                    if !t.topic_id.is_empty()
                        && self.me.partition_topic_id(name, p).is_some_and(|tid| tid == t.topic_id)
                    {
                        match self.me.delete_partition_replica(name, p) {
                            Ok(true) => {
                                out.events.push(AgentEvent::DeletedStrayCopy { topic: name.clone(), partition: p })
                            }
                            Ok(false) => {}
                            Err(e) => out.events.extend(self.fail(name, p, AgentTask::DeleteStrayCopy, e)),
                        }
                    }
                    continue;
                }
                if ps.leader == self.id || ps.leader < 0 {
                    continue;
                }
                let pass = replica::broker_dir(&snap, ps.leader, self.lock_timeout).and_then(|leader| {
                    let tm = replica::topic_meta(&snap, name)?;
                    let r = replica::replicate_partition(&leader, &self.me, &tm, p, Some((&self.store, self.id)))?;
                    replica::sync_partition(&self.store, name, p, false, self.lock_timeout)?;
                    Ok(r)
                });
                match pass {
                    Ok(r) => {
                        if self.failing.remove(&(name.clone(), p)).is_some() {
                            out.events.push(AgentEvent::Recovered { topic: name.clone(), partition: p });
                        }
                        out.reports.push(r)
                    }
                    Err(e) => out.events.extend(self.fail(name, p, AgentTask::Replicate, e)),
                }
            }
        }
        Ok(out)
    }

    /// Passes every `poll` until `passes` are done or `stop()` says so; each pass goes to
    /// `on_pass` (an error from it ends the run).
    pub fn run(
        &mut self,
        poll: Duration,
        passes: Option<u64>,
        stop: &dyn Fn() -> bool,
        on_pass: &mut dyn FnMut(&BrokerAgent, AgentPass) -> Result<()>,
    ) -> Result<()> {
        let mut n = 0u64;
        loop {
            let pass = self.pass()?;
            on_pass(self, pass)?;
            n += 1;
            if passes.is_some_and(|max| n >= max) || stop() {
                return Ok(());
            }
            let poll = poll.max(Duration::from_millis(1));
            let until = Instant::now() + poll;
            while Instant::now() < until && !stop() {
                std::thread::sleep(poll.clamp(Duration::from_millis(1), Duration::from_millis(20)));
            }
        }
    }
}
