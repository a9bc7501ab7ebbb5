//! Consumer groups: membership and rebalancing by the members themselves (under the group's
//! lock, with liveness as a held lock), partition assignment strategies, and committed offsets
//! in `__consumer_offsets` with Kafka's schemas.

pub mod assign;
pub mod member;
pub mod offsets;
pub mod report;
pub mod schema;

/// Where a group learns how many partitions its topics have: the data directory holding the
/// group, or (for a cluster) the metadata store, through a catalog the caller provides.
pub trait TopicCatalog {
    /// The partition count of `topic`, or an error naming what is wrong with it.
    fn partition_count(&self, topic: &str) -> crate::Result<i32>;
}

impl TopicCatalog for crate::datadir::DataDir {
    fn partition_count(&self, topic: &str) -> crate::Result<i32> {
        Ok(self.topic(topic)?.partitions)
    }
}

/// Every group that has state in this data directory (a group home), sorted.
pub fn list_groups(dd: &crate::datadir::DataDir) -> crate::Result<Vec<String>> {
    let dir = crate::paths::klog_sub(dd.root(), crate::paths::KlogSub::Groups);
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        for e in rd.flatten() {
            if e.path().is_dir() {
                out.push(e.file_name().to_string_lossy().into_owned());
            }
        }
    }
    out.sort();
    Ok(out)
}
