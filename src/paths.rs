//! Every path klog names for itself, as `log/names.rs` names Kafka's files: what lives under
//! `.klog/` in a data directory, and in a cluster metadata store. Kafka's own files (segments,
//! indexes, checkpoints, meta.properties) are named in [`crate::log::names`] and
//! [`crate::datadir`]; a Kafka broker never reads what is here.
//!
//! ```text
//! DATA_DIR/.klog/
//!   meta-store                     path of the metadata store this directory joined
//!   topics/TOPIC.json              a topic's partition count, id and config overrides
//!   locks/TOPIC-P.lock             a partition's writer lock
//!   locks/NAME.lock                directory-wide locks (topics, cleaner, ...)
//!   locks/broker.lock              held by `klog broker run` while it runs (liveness)
//!   staging/                       partition directories being created
//!   replication/TOPIC-P.{lock,json} a follower's replication state of a partition it leads
//!   groups/GROUP/                  a consumer group:
//!     group.lock state.json offsets.json members/ID.{lock,json} owners/TOPIC-P.lock
//! STORE/.klog-meta/
//!   snapshot.json changes.log lock controller.lock
//! STORE/coordinator/               the data directory of cluster topics' groups
//! ```
//!
//! Names built from a topic and partition go through [`crate::fsutil::fit_file_name`], so a
//! 249-byte topic name still makes a legal file name.

use crate::fsutil::fit_file_name;
use std::path::{Path, PathBuf};

/// klog's own directory inside a data directory.
pub const KLOG_DIR: &str = ".klog";
/// `.klog/meta-store`: the path of the cluster metadata store this directory belongs to.
pub const META_STORE_LINK: &str = "meta-store";
/// A metadata store's own directory.
pub const META_DIR: &str = ".klog-meta";
/// The store's current metadata, replaced whole on every change.
pub const SNAPSHOT: &str = "snapshot.json";
/// The store's append-only record of changes.
pub const CHANGES: &str = "changes.log";
/// The store's update lock.
pub const LOCK: &str = "lock";
/// Held by the active controller.
pub const CONTROLLER_LOCK: &str = "controller.lock";
/// The directory under a metadata store where groups of cluster topics keep their state and
/// `__consumer_offsets`.
pub const COORDINATOR_DIR: &str = "coordinator";

/// The subdirectories of `.klog/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KlogSub {
    Topics,
    Locks,
    Staging,
    Replication,
    Groups,
}

impl KlogSub {
    pub fn name(self) -> &'static str {
        match self {
            KlogSub::Topics => "topics",
            KlogSub::Locks => "locks",
            KlogSub::Staging => "staging",
            KlogSub::Replication => "replication",
            KlogSub::Groups => "groups",
        }
    }
}

/// `DATA_DIR/.klog`.
pub fn klog_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(KLOG_DIR)
}

/// `DATA_DIR/.klog/SUB`.
pub fn klog_sub(data_dir: &Path, sub: KlogSub) -> PathBuf {
    klog_dir(data_dir).join(sub.name())
}

/// `DATA_DIR/.klog/meta-store`.
pub fn meta_store_link(data_dir: &Path) -> PathBuf {
    klog_dir(data_dir).join(META_STORE_LINK)
}

/// `DATA_DIR/.klog/topics/TOPIC.json`.
pub fn topic_file(data_dir: &Path, topic: &str) -> PathBuf {
    klog_sub(data_dir, KlogSub::Topics).join(fit_file_name(topic, ".json"))
}

/// `DATA_DIR/.klog/locks/TOPIC-P.lock`: a partition's writer lock.
pub fn partition_lock(data_dir: &Path, topic: &str, partition: i32) -> PathBuf {
    klog_sub(data_dir, KlogSub::Locks).join(fit_file_name(&format!("{}-{}", topic, partition), ".lock"))
}

/// `DATA_DIR/.klog/locks/NAME.lock`: a directory-wide lock.
pub fn named_lock(data_dir: &Path, name: &str) -> PathBuf {
    klog_sub(data_dir, KlogSub::Locks).join(format!("{}.lock", name))
}

/// `DATA_DIR/.klog/locks/broker.lock`: held while the broker's agent runs.
pub fn broker_lock(data_dir: &Path) -> PathBuf {
    named_lock(data_dir, "broker")
}

/// `DATA_DIR/.klog/replication/TOPIC-P.lock` and `.json`: a follower's state of a partition
/// this directory leads.
pub fn replication_state(data_dir: &Path, topic: &str, partition: i32) -> (PathBuf, PathBuf) {
    let dir = klog_sub(data_dir, KlogSub::Replication);
    let name = fit_file_name(&format!("{}-{}", topic, partition), "");
    (dir.join(format!("{}.lock", name)), dir.join(format!("{}.json", name)))
}

/// `DATA_DIR/.klog/groups/GROUP`: a consumer group's directory.
pub fn group_dir(data_dir: &Path, group: &str) -> PathBuf {
    klog_sub(data_dir, KlogSub::Groups).join(group)
}

/// The files of a group directory.
pub mod group {
    use super::fit_file_name;
    use std::path::{Path, PathBuf};

    /// Held by whoever changes the group's membership or offsets.
    pub fn lock(dir: &Path) -> PathBuf {
        dir.join("group.lock")
    }

    /// Generation, members, assignment.
    pub fn state(dir: &Path) -> PathBuf {
        dir.join("state.json")
    }

    /// The committed offsets, also in `__consumer_offsets`.
    pub fn offsets(dir: &Path) -> PathBuf {
        dir.join("offsets.json")
    }

    /// `members/`.
    pub fn members(dir: &Path) -> PathBuf {
        dir.join("members")
    }

    /// `owners/`.
    pub fn owners(dir: &Path) -> PathBuf {
        dir.join("owners")
    }

    /// Held by a member while it lives.
    pub fn member_lock(dir: &Path, id: &str) -> PathBuf {
        members(dir).join(format!("{}.lock", id))
    }

    /// A member's description.
    pub fn member_json(dir: &Path, id: &str) -> PathBuf {
        members(dir).join(format!("{}.json", id))
    }

    /// Held by the member that owns a partition.
    pub fn owner_lock(dir: &Path, tp: &crate::TopicPartition) -> PathBuf {
        owners(dir).join(fit_file_name(&tp.to_string(), ".lock"))
    }
}

/// `STORE/.klog-meta/NAME`.
pub fn meta_file(store: &Path, name: &str) -> PathBuf {
    store.join(META_DIR).join(name)
}

/// `STORE/coordinator`.
pub fn coordinator_dir(store: &Path) -> PathBuf {
    store.join(COORDINATOR_DIR)
}
