//! The cluster metadata store: one directory `M` shared by every broker (data directory) of a
//! cluster, holding who the brokers are and, per topic partition, its replicas, leader, leader
//! epoch and in-sync replicas (DESIGN.md section 5).
//!
//! ```text
//! M/.klog-meta/lock            exclusive lock held by every change
//! M/.klog-meta/snapshot.json   the current metadata, replaced atomically (write_atomic)
//! M/.klog-meta/changes.log     append-only JSON lines, "<crc32 hex> <json>\n", one per change
//! M/.klog-meta/controller.lock held by the active controller for its whole life (src/controller)
//! ```
//!
//! Invariants:
//! - every change runs under the store's lock: it reloads the snapshot, applies the change,
//!   bumps `version` by exactly one, replaces the snapshot, then appends the change line;
//! - the snapshot is authoritative; the change log is the audit trail of the snapshots. A crash
//!   between the two writes can leave the log one change behind, never ahead; a torn last line
//!   (its CRC-32 does not match) is ignored by readers, a bad line before the last is corruption;
//! - readers take no lock: the snapshot is only ever replaced by rename;
//! - a partition's leader is one of its replicas and in its ISR (or -1 for none); the ISR is a
//!   subset of the replicas; `leader_epoch` only increases, by one per leader change; every ISR
//!   change is recorded with the leader epoch it was made under;
//! - broker ids are unique, and so are their data directories;
//! - `controller_epoch` only increases, by one per controller election; a change made through
//!   [`MetaStore::update_fenced`] carries the controller epoch it was decided under, is rejected
//!   (a conflict, nothing written) when the store has moved to another epoch, and is recorded
//!   with that epoch in its change-log line.
//!
//! The module never prints or exits; the CLI renders what it returns.

use crate::error::{Error, Result};
use crate::fsutil;
use crate::lock;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::paths::{meta_file, CHANGES, LOCK, META_DIR, SNAPSHOT};
use crate::ControllerEpoch;

/// Who was elected controller at the current controller epoch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ControllerInfo {
    pub epoch: ControllerEpoch,
    pub pid: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broker: Option<i32>,
    pub since_ms: i64,
}

/// A broker as the store knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BrokerInfo {
    pub data_dir: PathBuf,
    /// A `klog broker run` agent registered for this broker and has not stopped cleanly: while
    /// its liveness lock is free (the agent was killed or crashed), the broker has failed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub agent: bool,
}

/// One partition's replication state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartitionState {
    pub replicas: Vec<i32>,
    pub leader: i32,
    pub leader_epoch: crate::LeaderEpoch,
    pub isr: Vec<i32>,
}

/// Broker ids as Kafka's tools print them: `0,1,2`.
pub fn join_ids(ids: &[i32]) -> String {
    ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",")
}

/// A topic in the cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicState {
    pub topic_id: String,
    #[serde(default)]
    pub configs: BTreeMap<String, String>,
    pub partitions: Vec<PartitionState>,
}

/// The whole metadata at one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub cluster_id: String,
    pub version: u64,
    pub controller_epoch: ControllerEpoch,
    pub brokers: BTreeMap<i32, BrokerInfo>,
    pub topics: BTreeMap<String, TopicState>,
    /// The controller elected at `controller_epoch` (absent before the first election).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub controller: Option<ControllerInfo>,
    /// Topics deleted from the cluster, name to the ids it had, so that a broker that was
    /// unreachable when its copy should have gone can recognise the copy later and delete it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub deleted_topics: BTreeMap<String, std::collections::BTreeSet<String>>,
}

fn no_topic(topic: &str) -> Error {
    Error::TopicNotFound { topic: topic.to_string(), place: crate::error::Place::Cluster }
}

fn no_partition(topic: &str, partition: i32, count: usize) -> Error {
    Error::PartitionNotFound { topic: topic.to_string(), partition, count: count as i32 }
}

impl Snapshot {
    pub fn partition(&self, topic: &str, partition: i32) -> Result<&PartitionState> {
        let t = self.topic(topic)?;
        usize::try_from(partition)
            .ok()
            .and_then(|i| t.partitions.get(i))
            .ok_or_else(|| no_partition(topic, partition, t.partitions.len()))
    }

    /// [`Snapshot::partition`] for a change (inside [`MetaStore::update`]).
    pub fn partition_mut(&mut self, topic: &str, partition: i32) -> Result<&mut PartitionState> {
        let t = self.topic_mut(topic)?;
        let count = t.partitions.len();
        usize::try_from(partition)
            .ok()
            .and_then(|i| t.partitions.get_mut(i))
            .ok_or_else(|| no_partition(topic, partition, count))
    }

    pub fn topic(&self, topic: &str) -> Result<&TopicState> {
        self.topics.get(topic).ok_or_else(|| no_topic(topic))
    }

    /// Removes a topic, for its deletion (inside [`MetaStore::update`]).
    pub fn remove_topic(&mut self, topic: &str) -> Result<TopicState> {
        self.topics.remove(topic).ok_or_else(|| no_topic(topic))
    }

    /// A topic, for a change (inside [`MetaStore::update`]).
    pub fn topic_mut(&mut self, topic: &str) -> Result<&mut TopicState> {
        self.topics.get_mut(topic).ok_or_else(|| no_topic(topic))
    }

    pub fn broker_dir(&self, id: i32) -> Result<&Path> {
        self.brokers
            .get(&id)
            .map(|b| b.data_dir.as_path())
            .ok_or(Error::BrokerNotRegistered { broker: id, metadata: true })
    }

    /// The broker whose data directory is `dir` (compared canonically).
    pub fn broker_for_dir(&self, dir: &Path) -> Option<i32> {
        let want = fs::canonicalize(dir).ok()?;
        self.brokers
            .iter()
            .find(|(_, b)| fs::canonicalize(&b.data_dir).ok().as_deref() == Some(want.as_path()))
            .map(|(id, _)| *id)
    }
}

/// One line of the change log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub version: u64,
    pub time_ms: i64,
    pub kind: String,
    pub detail: serde_json::Value,
    /// The controller epoch a fenced change was made under (absent for administrative changes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub controller_epoch: Option<ControllerEpoch>,
}

/// The metadata store at `root`.
#[derive(Debug, Clone)]
pub struct MetaStore {
    root: PathBuf,
    lock_timeout: Duration,
}

fn json_err(path: &Path, e: serde_json::Error) -> Error {
    Error::corrupt(path, 0, format!("metadata does not parse: {}", e))
}

impl MetaStore {
    /// Opens the store at `root`, which must exist.
    pub fn open(root: &Path) -> Result<MetaStore> {
        let s = MetaStore { root: root.to_path_buf(), lock_timeout: Duration::from_secs(30) };
        if !s.snapshot_path().is_file() {
            return Err(Error::NotAMetaStore {
                path: root.to_path_buf(),
                snapshot: Path::new(META_DIR).join(SNAPSHOT),
            });
        }
        Ok(s)
    }

    /// Opens the store at `root`, creating an empty one (with a new cluster id) when missing.
    pub fn open_or_create(root: &Path) -> Result<MetaStore> {
        let dir = root.join(META_DIR);
        crate::fsutil::create_dir_durable(&dir)?;
        let s = MetaStore { root: root.to_path_buf(), lock_timeout: Duration::from_secs(30) };
        let _guard = s.lock()?;
        if !s.snapshot_path().is_file() {
            let snap = Snapshot {
                cluster_id: crate::datadir::new_uuid()?,
                version: 0,
                controller_epoch: ControllerEpoch(0),
                brokers: BTreeMap::new(),
                topics: BTreeMap::new(),
                controller: None,
                deleted_topics: BTreeMap::new(),
            };
            s.write_snapshot(&snap)?;
        }
        Ok(s)
    }

    pub fn with_lock_timeout(mut self, timeout: Duration) -> MetaStore {
        self.lock_timeout = timeout;
        self
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn snapshot_path(&self) -> PathBuf {
        meta_file(&self.root, SNAPSHOT)
    }

    fn changes_path(&self) -> PathBuf {
        meta_file(&self.root, CHANGES)
    }

    fn lock(&self) -> Result<lock::FileLock> {
        lock::lock_exclusive(
            &meta_file(&self.root, LOCK),
            self.lock_timeout,
            &format!("metadata store {}", self.root.display()),
        )
    }

    /// Registers (or, on a clean stop, unregisters) broker `id`'s `klog broker run` agent.
    pub fn set_broker_agent(&self, id: i32, running: bool) -> Result<Snapshot> {
        self.update(|s| {
            let b = s.brokers.get_mut(&id).ok_or(Error::BrokerNotRegistered { broker: id, metadata: false })?;
            b.agent = running;
            Ok(("broker-agent".into(), serde_json::json!({"broker": id, "agent": running})))
        })
    }

    /// The current snapshot, read without a lock.
    pub fn load(&self) -> Result<Snapshot> {
        let p = self.snapshot_path();
        let bytes = fs::read(&p).map_err(|e| Error::io("read", &p, e))?;
        serde_json::from_slice(&bytes).map_err(|e| json_err(&p, e))
    }

    fn write_snapshot(&self, snap: &Snapshot) -> Result<()> {
        let json = serde_json::to_vec_pretty(snap).map_err(|e| json_err(&self.snapshot_path(), e))?;
        fsutil::write_atomic(&self.snapshot_path(), &json)
    }

    /// Applies `f` to the current snapshot under the store's lock. `f` returns the change's kind
    /// and detail, or an error that leaves the store untouched. Returns the new snapshot.
    pub fn update<F>(&self, f: F) -> Result<Snapshot>
    where
        F: FnOnce(&mut Snapshot) -> Result<(String, serde_json::Value)>,
    {
        self.update_inner(None, f)
    }

    /// [`MetaStore::update`] for a controller at `controller_epoch`: rejected with a conflict
    /// (nothing written) unless the store is still at that epoch; the change-log line carries the
    /// epoch. `f` must not change `controller_epoch` (only [`MetaStore::bump_controller_epoch`]
    /// does).
    pub fn update_fenced<F>(&self, controller_epoch: ControllerEpoch, f: F) -> Result<Snapshot>
    where
        F: FnOnce(&mut Snapshot) -> Result<(String, serde_json::Value)>,
    {
        self.update_inner(Some(controller_epoch), f)
    }

    /// Starts a new controller epoch for `info` (its `epoch` is replaced by the new one) and
    /// records it as a `controller-elected` change. Returns the new snapshot.
    pub fn bump_controller_epoch(&self, mut info: ControllerInfo) -> Result<Snapshot> {
        let _guard = self.lock()?;
        let mut snap = self.load()?;
        snap.controller_epoch = snap.controller_epoch.next().ok_or_else(|| {
            Error::Invalid(format!("controller epoch {} cannot grow any further", snap.controller_epoch))
        })?;
        info.epoch = snap.controller_epoch;
        let detail = serde_json::json!({"controller_epoch": info.epoch, "pid": info.pid, "broker": info.broker,
            "previous": snap.controller});
        let epoch = info.epoch;
        snap.controller = Some(info);
        self.commit(snap, "controller-elected".into(), detail, Some(epoch))
    }

    fn update_inner<F>(&self, epoch: Option<ControllerEpoch>, f: F) -> Result<Snapshot>
    where
        F: FnOnce(&mut Snapshot) -> Result<(String, serde_json::Value)>,
    {
        let _guard = self.lock()?;
        let mut snap = self.load()?;
        if let Some(e) = epoch {
            if snap.controller_epoch != e {
                return Err(Error::StaleControllerEpoch {
                    epoch: e,
                    current: snap.controller_epoch,
                    store: self.root.clone(),
                });
            }
        }
        let (kind, detail) = f(&mut snap)?;
        if let Some(e) = epoch {
            if snap.controller_epoch != e {
                return Err(Error::Invalid("a fenced change may not change the controller epoch".into()));
            }
        }
        self.commit(snap, kind, detail, epoch)
    }

    /// Checks, appends the change line (fsynced), then writes the snapshot at the next version.
    /// Called with the store's lock held. In that order, every snapshot's change is in the log
    /// before anyone can see the snapshot; a crash in between leaves a last line whose version
    /// the snapshot never reached, which readers skip and the next change cuts.
    fn commit(
        &self,
        mut snap: Snapshot,
        kind: String,
        detail: serde_json::Value,
        epoch: Option<ControllerEpoch>,
    ) -> Result<Snapshot> {
        check_invariants(&snap)?;
        snap.version += 1;
        let change =
            Change { version: snap.version, time_ms: crate::timefmt::now_ms(), kind, detail, controller_epoch: epoch };
        self.append_change(&change)?;
        self.write_snapshot(&snap)?;
        Ok(snap)
    }

    fn append_change(&self, c: &Change) -> Result<()> {
        let p = self.changes_path();
        let json = serde_json::to_string(c).map_err(|e| json_err(&p, e))?;
        let line = format!("{:08x} {}\n", crc32fast::hash(json.as_bytes()), json);
        self.cut_torn_tail()?;
        self.cut_unapplied(c.version)?;
        let mut f = fsutil::open_append(&p)?;
        f.write_all(line.as_bytes()).map_err(|e| Error::io("append to", &p, e))?;
        crate::fsutil::sync_data(&f, &p)
    }

    /// Cuts a torn last line (no final newline: a crash mid-append) so the next change starts
    /// on a line of its own. Called with the store's lock held.
    fn cut_torn_tail(&self) -> Result<()> {
        let p = self.changes_path();
        let bytes = match fs::read(&p) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(Error::io("read", &p, e)),
        };
        if bytes.is_empty() || bytes.ends_with(b"\n") {
            return Ok(());
        }
        let keep = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let f = fs::OpenOptions::new().write(true).open(&p).map_err(|e| Error::io("open", &p, e))?;
        f.set_len(keep as u64).map_err(|e| Error::io("truncate the torn tail of", &p, e))?;
        crate::fsutil::sync_data(&f, &p)
    }

    /// Cuts change lines at or above `version`: a change whose snapshot was never written (a
    /// crash between the two steps of [`MetaStore::commit`]). Called with the lock held.
    fn cut_unapplied(&self, version: u64) -> Result<()> {
        let p = self.changes_path();
        let bytes = match fs::read(&p) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(Error::io("read", &p, e)),
        };
        let mut pos = 0usize;
        for line in bytes.split_inclusive(|&b| b == b'\n') {
            if parse_change_line(line).is_some_and(|c| c.version >= version) {
                let f = fs::OpenOptions::new().write(true).open(&p).map_err(|e| Error::io("open", &p, e))?;
                f.set_len(pos as u64).map_err(|e| Error::io("truncate", &p, e))?;
                return crate::fsutil::sync_data(&f, &p);
            }
            pos += line.len();
        }
        Ok(())
    }

    /// Every whole change in the log that the current snapshot includes, oldest first. A torn or
    /// corrupt last line is ignored (a crash mid-append), and so is a change being committed
    /// (its snapshot not written yet); a bad line before the last is corruption.
    pub fn changes(&self) -> Result<Vec<Change>> {
        let p = self.changes_path();
        let text = match fs::read(&p) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io("read", &p, e)),
        };
        let mut out = parse_changes(&p, &text)?;
        if let Ok(snap) = self.load() {
            out.retain(|c| c.version <= snap.version);
        }
        Ok(out)
    }
}

/// Parses change-log bytes; see [`MetaStore::changes`].
pub fn parse_changes(path: &Path, bytes: &[u8]) -> Result<Vec<Change>> {
    let mut out = Vec::new();
    let mut pos = 0usize;
    let mut lines = bytes.split_inclusive(|&b| b == b'\n').peekable();
    while let Some(line) = lines.next() {
        let last = lines.peek().is_none();
        let parsed = parse_change_line(line);
        match parsed {
            Some(c) => out.push(c),
            None if last => break,
            None => return Err(Error::corrupt(path, pos as u64, "change log line fails its CRC-32 check")),
        }
        pos += line.len();
    }
    Ok(out)
}

fn parse_change_line(line: &[u8]) -> Option<Change> {
    let line = line.strip_suffix(b"\n")?;
    let text = std::str::from_utf8(line).ok()?;
    let (crc, json) = text.split_once(' ')?;
    let crc = u32::from_str_radix(crc, 16).ok()?;
    if crc32fast::hash(json.as_bytes()) != crc {
        return None;
    }
    serde_json::from_str(json).ok()
}

/// Checks the invariants a snapshot must hold after every change.
pub fn check_invariants(s: &Snapshot) -> Result<()> {
    let mut dirs = std::collections::BTreeSet::new();
    for (id, b) in &s.brokers {
        if !dirs.insert(&b.data_dir) {
            return Err(Error::Invalid(format!(
                "data directory {} is registered twice (broker {})",
                b.data_dir.display(),
                id
            )));
        }
    }
    for (name, t) in &s.topics {
        for (p, ps) in t.partitions.iter().enumerate() {
            let bad = |why: &str| Err(Error::Invalid(format!("{}-{}: {}", name, p, why)));
            if ps.isr.iter().any(|b| !ps.replicas.contains(b)) {
                return bad("the ISR must be a subset of the replicas");
            }
            if ps.leader != -1 && !ps.replicas.contains(&ps.leader) {
                return bad("the leader must be one of the replicas");
            }
            let mut sorted = ps.replicas.clone();
            sorted.sort();
            sorted.dedup();
            if sorted.len() != ps.replicas.len() || ps.replicas.is_empty() {
                return bad("the replicas must be distinct and at least one");
            }
            if ps.replicas.iter().any(|b| !s.brokers.contains_key(b)) {
                return bad("every replica must be a registered broker");
            }
        }
    }
    Ok(())
}

/// Kafka's rack-unaware replica placement (`AdminUtils.assignReplicasToBrokersRackUnaware`) with
/// a start index and replica shift of 0 instead of random ones, so placement is reproducible:
/// leaders go round-robin over the sorted brokers, followers are shifted after them.
pub fn assign_replicas(brokers: &[i32], partitions: i32, replication_factor: i32) -> Result<Vec<Vec<i32>>> {
    let n = brokers.len() as i32;
    if replication_factor < 1 {
        return Err(Error::ReplicationFactor { factor: replication_factor.into(), brokers: None });
    }
    if replication_factor > n {
        return Err(Error::ReplicationFactor { factor: replication_factor.into(), brokers: Some(brokers.len()) });
    }
    let mut brokers = brokers.to_vec();
    brokers.sort();
    let mut out = Vec::new();
    let mut shift = 0;
    for p in 0..partitions {
        if p > 0 && p % n == 0 {
            shift += 1;
        }
        let first = p % n;
        let mut r = vec![brokers[first as usize]];
        for j in 0..replication_factor - 1 {
            let s = 1 + (shift + j) % (n - 1).max(1);
            r.push(brokers[((first + s) % n) as usize]);
        }
        out.push(r);
    }
    Ok(out)
}

/// Parses kafka-topics' `--replica-assignment 0:1:2,1:2:0` (one list per partition).
pub fn parse_replica_assignment(s: &str) -> Result<Vec<Vec<i32>>> {
    let mut out = Vec::new();
    for (p, part) in s.split(',').enumerate() {
        let ids: Result<Vec<i32>> = part
            .split(':')
            .map(|b| {
                b.trim().parse::<i32>().map_err(|_| Error::ReplicaAssignment {
                    what: format!("partition {} has a bad broker id '{}'", p, b),
                })
            })
            .collect();
        let ids = ids?;
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        if sorted.len() != ids.len() {
            return Err(Error::ReplicaAssignment { what: format!("partition {} repeats a broker", p) });
        }
        if let Some(first) = out.first().map(Vec::len) {
            if first != ids.len() {
                return Err(Error::ReplicaAssignment { what: "every partition needs the same replica count".into() });
            }
        }
        out.push(ids);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placement_spreads_leaders_and_followers() {
        let a = assign_replicas(&[0, 1, 2], 6, 3).unwrap();
        assert_eq!(a[0], vec![0, 1, 2]);
        assert_eq!(a[1], vec![1, 2, 0]);
        assert_eq!(a[2], vec![2, 0, 1]);
        assert_eq!(a[3], vec![0, 2, 1]);
        let leaders: Vec<i32> = a.iter().map(|r| r[0]).collect();
        assert_eq!(leaders, vec![0, 1, 2, 0, 1, 2]);
        assert!(assign_replicas(&[0, 1], 1, 3).is_err());
        assert_eq!(assign_replicas(&[5], 2, 1).unwrap(), vec![vec![5], vec![5]]);
    }

    #[test]
    fn replica_assignment_parses_like_kafka_topics() {
        assert_eq!(parse_replica_assignment("0:1:2,1:2:0").unwrap(), vec![vec![0, 1, 2], vec![1, 2, 0]]);
        assert!(parse_replica_assignment("0:0").is_err());
        assert!(parse_replica_assignment("0:1,2").is_err());
        assert!(parse_replica_assignment("a").is_err());
    }

    #[test]
    fn a_change_whose_snapshot_was_never_written_is_skipped_then_cut() {
        let dir = tempfile::tempdir().unwrap();
        let s = MetaStore::open_or_create(dir.path()).unwrap();
        let register = |id: i32| {
            move |snap: &mut Snapshot| {
                snap.brokers.insert(id, BrokerInfo { data_dir: format!("/b{}", id).into(), agent: false });
                Ok(("register-broker".to_string(), serde_json::json!({"broker": id})))
            }
        };
        s.update(register(1)).unwrap();
        // A crash after the change line of version 2 was appended, before its snapshot.
        let ghost = Change {
            version: 2,
            time_ms: 0,
            kind: "register-broker".into(),
            detail: serde_json::json!({"broker": 9}),
            controller_epoch: None,
        };
        s.append_change(&ghost).unwrap();
        assert_eq!(s.changes().unwrap().len(), 1, "the unapplied change is not history");
        s.update(register(2)).unwrap();
        let c = s.changes().unwrap();
        let versions: Vec<u64> = c.iter().map(|c| c.version).collect();
        assert_eq!(versions, vec![1, 2], "the ghost was cut, not duplicated");
        assert_eq!(c[1].detail["broker"], 2);
    }

    #[test]
    fn updates_log_changes_and_torn_tail_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let s = MetaStore::open_or_create(dir.path()).unwrap();
        s.update(|snap| {
            snap.brokers.insert(1, BrokerInfo { data_dir: "/x".into(), agent: false });
            Ok(("register-broker".into(), serde_json::json!({"broker": 1})))
        })
        .unwrap();
        let bad = s.update(|snap| {
            snap.brokers.insert(2, BrokerInfo { data_dir: "/x".into(), agent: false });
            Ok(("register-broker".into(), serde_json::json!({"broker": 2})))
        });
        assert!(bad.is_err());
        assert_eq!(s.load().unwrap().version, 1);
        let p = dir.path().join(META_DIR).join(CHANGES);
        let mut f = fs::OpenOptions::new().append(true).open(&p).unwrap();
        f.write_all(b"0000 {\"torn").unwrap();
        let c = s.changes().unwrap();
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].kind, "register-broker");
        let mut text = fs::read(&p).unwrap();
        text.extend_from_slice(b"\nabc\n");
        assert!(parse_changes(&p, &text).is_err());
    }
}
