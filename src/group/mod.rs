//! Consumer groups: membership and rebalancing by the members themselves (under the group's
//! lock, with liveness as a held lock), partition assignment strategies, and committed offsets
//! in `__consumer_offsets` with Kafka's schemas.

pub mod assign;
pub mod member;
pub mod offsets;
pub mod schema;

/// A topic-partition.
pub type Tp = (String, i32);

/// Every group that has state in this data directory, sorted.
pub fn list_groups(dd: &crate::datadir::DataDir) -> crate::Result<Vec<String>> {
    let dir = dd.root().join(crate::datadir::KLOG_DIR).join("groups");
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
