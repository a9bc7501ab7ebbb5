//! A data directory joining a cluster of data directories (`klog init --meta`): the metadata
//! store's cluster id goes into meta.properties, and the broker is registered in the store.

use crate::datadir::DataDir;
use crate::error::{Error, Result};
use crate::meta::{BrokerInfo, MetaStore};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What [`join`] did.
#[derive(Debug)]
pub struct Joined {
    /// Whether the data directory was created (else an empty or existing one was initialised).
    pub created: bool,
    /// Both absolute.
    pub data_dir: PathBuf,
    pub meta: PathBuf,
    pub broker_id: i32,
    pub cluster_id: String,
}

/// Joins `data_dir` to the cluster of store `meta` (created when missing) as broker
/// `broker_id`. Refused: a broker id registered with another directory, a directory that is
/// already another broker of the cluster or belongs to another store. Joining again is a no-op
/// that keeps a running agent's registration.
pub fn join(data_dir: &Path, meta: &Path, broker_id: i32, lock_timeout: Duration) -> Result<Joined> {
    let same = |a: &Path, b: &Path| std::fs::canonicalize(a).ok() == std::fs::canonicalize(b).ok();
    let store = MetaStore::open_or_create(meta)?.with_lock_timeout(lock_timeout);
    let snap = store.load()?;
    if let Some(b) = snap.brokers.get(&broker_id) {
        if !same(&b.data_dir, data_dir) {
            return Err(Error::BrokerIdTaken {
                broker: broker_id,
                store: meta.to_path_buf(),
                data_dir: b.data_dir.clone(),
            });
        }
    }
    if let Some(other) = snap.broker_for_dir(data_dir).filter(|&o| o != broker_id) {
        return Err(Error::DataDirIsBroker {
            data_dir: data_dir.to_path_buf(),
            broker: other.to_string(),
            asked: None,
        });
    }
    if let Ok(dd) = DataDir::open(data_dir) {
        if let Some(m) = dd.meta_store_path()? {
            if !same(&m, meta) {
                return Err(Error::OtherMetaStore { data_dir: data_dir.to_path_buf(), store: m });
            }
        }
    }
    let r = DataDir::init_with_cluster(data_dir, broker_id, Some(&snap.cluster_id))?;
    let root = std::fs::canonicalize(&r.root).map_err(|e| Error::io("resolve", &r.root, e))?;
    let meta_abs = std::fs::canonicalize(meta).map_err(|e| Error::io("resolve", meta, e))?;
    DataDir::open(&root)?.set_meta_store_path(&meta_abs)?;
    store.update(|s| {
        // Re-registering keeps a running agent's registration.
        let agent = s.brokers.get(&broker_id).is_some_and(|b| b.agent);
        s.brokers.insert(broker_id, BrokerInfo { data_dir: root.clone(), agent });
        Ok(("register-broker".into(), serde_json::json!({"broker": broker_id, "data_dir": root})))
    })?;
    Ok(Joined { created: r.created, data_dir: root, meta: meta_abs, broker_id, cluster_id: r.cluster_id })
}
