//! The application layer: what klog does as an application, between the core (record, log,
//! datadir, meta, replica, cleaner, group, controller) and the command line that parses, calls
//! and renders. Each module is named after a concept a Kafka user knows:
//! - [`catalog`]: where a topic lives (a standalone data directory or a cluster of them) and how
//!   to reach its partitions and its groups.
//! - [`topics`]: topic administration (create, list, describe, alter, delete) in a data
//!   directory or a cluster, and the rule that keeps Kafka's internal topics Kafka's.
//! - [`verify`]: checking and repairing a partition's segments, indexes and checkpoints.
//! - [`perf`]: `klog perf`'s in-process measurements of the storage core.
//! - [`retention`]: a retention and compaction run over a data directory's topics, and what it
//!   came to as a whole.
//! - [`groups`]: consumer-group administration (list, describe, reset, delete, commit), as
//!   kafka-consumer-groups does it.
//! - [`cluster`]: a data directory joining a cluster of data directories.
//! - [`broker`]: replication between a pair of data directories, and the broker agent that keeps
//!   a cluster member's follower partitions replicating.
//! - [`producer`]: records into a topic: partition choice (by key, sticky, explicit), batching,
//!   appending under the partition locks, and for a cluster topic sending to the leaders,
//!   replicating (acks=all) and acknowledging through an [`producer::AckSink`].
//! - [`fetch`]: consuming: the one fetch loop (start and stop specs, leader waits, isolation,
//!   counts, feed events) into a record sink; a plain consumer of one topic.
//! - [`group_member`]: a consumer-group member on the same fetch loop: rebalances, start from
//!   committed offsets or the reset policy, commit modes, commit on exit.
//! - [`net_member`]: the same member on a Kafka cluster, with Kafka's own group protocol
//!   (through [`crate::kafka::NetMember`]), the same sink, events and commit modes.
//!
//! Like the core, this layer never prints, exits, reads the environment or sees clap: settings
//! come in as plain values ([`Location`] and the settings structs of each module), outcomes go
//! out as typed reports and errors.

pub mod broker;
pub mod catalog;
pub mod cluster;
pub mod fetch;
pub mod group_member;
pub mod groups;
pub mod net_member;
pub mod perf;
pub mod producer;
pub mod retention;
pub mod topics;
pub mod verify;

use crate::datadir::DataDir;
use crate::error::Result;
use crate::meta::{MetaStore, Snapshot};
use std::path::PathBuf;
use std::time::Duration;

/// Where a command works: its data directory, the cluster metadata store (when named), and how
/// long a writer waits for another process's lock.
#[derive(Clone, Debug)]
pub struct Location {
    pub data_dir: PathBuf,
    /// The metadata store named explicitly; without it, the one the data directory joined.
    pub meta: Option<PathBuf>,
    pub lock_timeout: Duration,
}

impl Location {
    /// The data directory, which must exist (for commands that only read).
    pub fn open(&self) -> Result<DataDir> {
        Ok(DataDir::open(&self.data_dir)?.with_lock_timeout(self.lock_timeout))
    }

    /// The data directory, created with defaults when missing or empty (for commands that write).
    pub fn open_or_init(&self) -> Result<DataDir> {
        Ok(DataDir::open_or_init(&self.data_dir)?.with_lock_timeout(self.lock_timeout))
    }

    /// The cluster metadata store: the one named, else the one the data directory belongs to,
    /// else none (a standalone data directory).
    pub fn store(&self) -> Result<Option<MetaStore>> {
        let path = match &self.meta {
            Some(m) => Some(m.clone()),
            None if crate::paths::klog_dir(&self.data_dir).is_dir() => {
                DataDir::open(&self.data_dir)?.meta_store_path()?
            }
            None => None,
        };
        path.map(|p| Ok(MetaStore::open(&p)?.with_lock_timeout(self.lock_timeout))).transpose()
    }

    /// The store and snapshot, when `topic` is a topic of the cluster (a replicated partition
    /// set); `None` for standalone topics.
    pub fn cluster_topic(&self, topic: &str) -> Result<Option<(MetaStore, Snapshot)>> {
        let Some(store) = self.store()? else { return Ok(None) };
        let snap = store.load()?;
        Ok(snap.topics.contains_key(topic).then_some((store, snap)))
    }
}
