//! A data directory: a Kafka log directory, byte for byte, plus klog's own state under `.klog/`.
//!
//! ```text
//! <root>/
//!   meta.properties                      version=1, node.id, cluster.id, directory.id (KRaft's form)
//!   recovery-point-offset-checkpoint     Kafka's text checkpoints (section 3.3); a partition's
//!                                        recovery point is its active segment's base
//!   log-start-offset-checkpoint
//!   replication-offset-checkpoint
//!   cleaner-offset-checkpoint
//!   <topic>-<partition>/                 Kafka's segment files and nothing of klog's
//!   .klog/topics/<topic>.json            partition count, topic id, config overrides
//!   .klog/locks/<topic>-<partition>.lock one writer per partition
//!   .klog/locks/checkpoints.lock         guards the root checkpoint files
//!   .klog/meta-store                     path of the cluster's metadata store (members only)
//!   .klog/replication/<t>-<p>.json       a leader's follower caught-up times (crate::replica)
//! ```
//!
//! A directory copied from a Kafka broker has no `.klog/`: its topics are discovered from the
//! partition directory names and get Kafka's default configs.

pub mod config;

use crate::error::{Error, Place, Result, ValueOf};
use crate::fsutil;
use crate::lock::{self, FileLock};
use crate::log::checkpoint::{self, OffsetEntry};
use crate::log::names::{LEADER_EPOCH_CHECKPOINT, LOG_SUFFIX, PARTITION_METADATA};
use crate::log::{PartitionReader, PartitionWriter};
use crate::paths;
use base64::Engine;
pub use config::TopicConfig;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const META_PROPERTIES: &str = "meta.properties";
pub const RECOVERY_POINT_CHECKPOINT: &str = "recovery-point-offset-checkpoint";
pub const LOG_START_CHECKPOINT: &str = "log-start-offset-checkpoint";
pub const REPLICATION_CHECKPOINT: &str = "replication-offset-checkpoint";
pub const CLEANER_CHECKPOINT: &str = "cleaner-offset-checkpoint";
pub const ROOT_CHECKPOINTS: [&str; 4] =
    [RECOVERY_POINT_CHECKPOINT, LOG_START_CHECKPOINT, REPLICATION_CHECKPOINT, CLEANER_CHECKPOINT];
use crate::paths::KlogSub;
pub use crate::paths::KLOG_DIR;
/// Kafka's limit on topic name length.
pub const TOPIC_NAME_BYTES_MAX: usize = 249;
/// Partitions per topic klog accepts (a bound, so that a typo cannot create a million dirs).
pub const PARTITIONS_MAX: i32 = 10_000;

/// Checks a topic name against Kafka's rules (`Topic.validate`), which also keeps every path
/// klog builds from it inside the data directory.
pub fn validate_topic_name(name: &str) -> Result<()> {
    let bad = |why: &str| Error::BadValue { what: ValueOf::TopicName, value: name.to_string(), why: why.into() };
    if name.is_empty() {
        return Err(bad("it is empty"));
    }
    if name == "." || name == ".." {
        return Err(bad("'.' and '..' are not allowed"));
    }
    if name.len() > TOPIC_NAME_BYTES_MAX {
        return Err(bad(&format!("longer than {} characters", TOPIC_NAME_BYTES_MAX)));
    }
    if let Some(c) = name.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))) {
        return Err(bad(&format!("character {:?} is not allowed (use [a-zA-Z0-9._-])", c)));
    }
    Ok(())
}

/// Splits a partition directory name at its last '-' (kafka-format.md section 3.2). Names with
/// Kafka's `-delete`, `-future` or `-stray` suffixes are not live partitions and give `None`.
pub fn parse_partition_dir_name(name: &str) -> Option<(String, i32)> {
    if name.ends_with("-delete") || name.ends_with("-future") || name.ends_with("-stray") {
        return None;
    }
    let (topic, p) = name.rsplit_once('-')?;
    if topic.is_empty() || validate_topic_name(topic).is_err() {
        return None;
    }
    let p: i32 = p.parse().ok()?;
    (p >= 0 && p.to_string() == name[topic.len() + 1..]).then(|| (topic.to_string(), p))
}

/// Files a Kafka broker keeps at the top of a log directory besides `meta.properties` and the
/// four checkpoints.
const KAFKA_ROOT_FILES: [&str; 3] = [".kafka_cleanshutdown", ".lock", "bootstrap.checkpoint"];

/// The internal topic of group offsets (compacted, 50 partitions), named here once.
pub const CONSUMER_OFFSETS: &str = "__consumer_offsets";
/// Partitions of `__consumer_offsets` (Kafka's `offsets.topic.num.partitions` default), which
/// every group hashes into.
pub const CONSUMER_OFFSETS_PARTITIONS: i32 = 50;
/// The internal topic of transaction coordinators' state.
pub const TRANSACTION_STATE: &str = "__transaction_state";
/// KRaft's metadata log, whose retention is snapshots, not segment deletion.
pub const CLUSTER_METADATA: &str = "__cluster_metadata";

/// Names of the internal topics of Kafka and klog, which `topic` commands may not create,
/// delete or repartition.
pub const INTERNAL_TOPICS: [&str; 3] = [CONSUMER_OFFSETS, TRANSACTION_STATE, CLUSTER_METADATA];

/// Whether `name` is one of Kafka's internal topics.
pub fn is_internal_topic(name: &str) -> bool {
    INTERNAL_TOPICS.contains(&name)
}

/// What would be done to an internal topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopicChange {
    Create,
    Repartition,
    Delete,
}

/// Refuses `change` to an internal topic (a creation only when it does not match a Kafka
/// broker's topic: no topic id, or `__consumer_offsets` with another partition count).
pub fn refuse_internal(name: &str, change: TopicChange, topic_id: Option<&str>, partitions: i32) -> Result<()> {
    if !crate::datadir::is_internal_topic(name) {
        return Ok(());
    }
    let matches_broker = topic_id.is_some() && (name != CONSUMER_OFFSETS || partitions == CONSUMER_OFFSETS_PARTITIONS);
    if change == TopicChange::Create && matches_broker {
        return Ok(());
    }
    Err(Error::InternalTopic { topic: name.to_string(), change })
}

/// The first entry of `root` that is not part of a Kafka or klog log directory (partition
/// directories, including Kafka's `-delete`/`-stray`/`-future` forms, the root checkpoints,
/// broker marker files and `.klog/`), if any.
fn foreign_entry(root: &Path) -> Result<Option<PathBuf>> {
    for entry in fs::read_dir(root).map_err(|e| Error::io("list", root, e))? {
        let entry = entry.map_err(|e| Error::io("list", root, e))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { return Ok(Some(entry.path())) };
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        let kafka_dir = is_dir
            && (name == KLOG_DIR
                || parse_partition_dir_name(name).is_some()
                || name.ends_with("-delete")
                || name.ends_with("-stray")
                || name.ends_with("-future"));
        let base = name.strip_suffix(".tmp").unwrap_or(name);
        let kafka_file = !is_dir && (ROOT_CHECKPOINTS.contains(&base) || KAFKA_ROOT_FILES.contains(&base));
        if !kafka_dir && !kafka_file {
            return Ok(Some(entry.path()));
        }
        if kafka_dir && name != KLOG_DIR {
            // A partition-shaped name (`polkit-1`) is not enough: what is inside must be Kafka's.
            let dir = entry.path();
            for inner in fs::read_dir(&dir).map_err(|e| Error::io("list", &dir, e))? {
                let inner = inner.map_err(|e| Error::io("list", &dir, e))?;
                let ok = inner.file_type().is_ok_and(|t| t.is_file())
                    && inner.file_name().to_str().is_some_and(crate::log::names::is_partition_file);
                if !ok {
                    return Ok(Some(inner.path()));
                }
            }
        }
    }
    Ok(None)
}

/// Sixteen random bytes from the kernel.
fn random_bytes() -> Result<[u8; 16]> {
    let mut b = [0u8; 16];
    let p = Path::new("/dev/urandom");
    let f = fs::File::open(p).map_err(|e| Error::io("open", p, e))?;
    fsutil::read_at_most(&f, p, 0, &mut b)?;
    Ok(b)
}

/// A Kafka UUID as URL-safe base64 without padding (22 characters), never all zero.
pub fn new_uuid() -> Result<String> {
    loop {
        let mut b = random_bytes()?;
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        let id = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b);
        // Kafka's Uuid.randomUuid draws again for an id starting with '-', which its command
        // line tools would take for an option.
        if !id.starts_with('-') {
            return Ok(id);
        }
    }
}

/// Checks a Kafka topic id given by a user (`topic create --topic-id`): 22 characters of
/// URL-safe base64 without padding for 16 bytes, as Kafka prints it, and neither of Kafka's
/// reserved ids (all zero, or the metadata topic's `AAAAAAAAAAAAAAAAAAAAAQ`).
pub fn validate_topic_id(id: &str) -> Result<()> {
    let bad = |why: &str| Err(Error::BadValue { what: ValueOf::TopicId, value: id.to_string(), why: why.into() });
    let Ok(bytes) = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(id) else {
        return bad("is not URL-safe base64 (Kafka prints ids like 'vF3-Jv4lTbWb0y6EqRy5Qg')");
    };
    if bytes.len() != 16 || id.len() != 22 {
        return bad("must be 22 characters for 16 bytes");
    }
    if bytes[..15].iter().all(|&b| b == 0) && bytes[15] <= 1 {
        return bad("is reserved by Kafka");
    }
    Ok(())
}

/// Parses Java `Properties` text: `key=value` lines, `#` comments.
pub fn parse_properties(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('!'))
        .filter_map(|l| l.split_once(['=', ':']).map(|(k, v)| (k.trim().to_string(), v.trim().to_string())))
        .collect()
}

/// A topic as a data directory knows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TopicMeta {
    pub name: String,
    pub topic_id: String,
    pub partitions: i32,
    #[serde(default)]
    pub config: TopicConfig,
    /// False for topics discovered from partition directories (a copied Kafka directory).
    #[serde(skip)]
    pub registered: bool,
}

/// What `klog init` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitReport {
    pub root: PathBuf,
    pub broker_id: i32,
    pub cluster_id: String,
    pub created: bool,
}

#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
    lock_timeout: Duration,
}

impl DataDir {
    /// Opens an existing data directory: one with `meta.properties` (klog's, or a Kafka
    /// broker's). Anything else is refused, so that a mistyped `--data-dir /etc` never has its
    /// subdirectories taken for partitions or written into.
    pub fn open(root: &Path) -> Result<DataDir> {
        if root.exists() && !root.is_dir() {
            return Err(Error::NotADirectory { path: root.to_path_buf() });
        }
        if !root.is_dir() {
            return Err(Error::DataDirNotFound { path: root.to_path_buf(), role: None });
        }
        if !root.join(META_PROPERTIES).is_file() {
            return Err(Error::NotADataDir { path: root.to_path_buf() });
        }
        Ok(DataDir { root: root.to_path_buf(), lock_timeout: Duration::from_secs(30) })
    }

    /// Opens a directory that klog itself owns and lays out (the groups' coordinator directory
    /// inside a metadata store), creating it and its `.klog/` when missing. It needs no
    /// `meta.properties`: no user names it, so it cannot be a mistake.
    pub fn open_owned(root: &Path) -> Result<DataDir> {
        fsutil::create_dir_durable(&root.join(KLOG_DIR))?;
        Ok(DataDir { root: root.to_path_buf(), lock_timeout: Duration::from_secs(30) })
    }

    /// Opens `root`, first making it a data directory with `klog init`'s defaults when it does
    /// not exist or is an empty directory. A directory with other contents must already be one.
    pub fn open_or_init(root: &Path) -> Result<DataDir> {
        if !root.exists() || Self::is_empty_dir(root) {
            DataDir::init(root, 0)?;
        }
        DataDir::open(root)
    }

    fn is_empty_dir(root: &Path) -> bool {
        fs::read_dir(root).is_ok_and(|mut d| d.next().is_none())
    }

    pub fn with_lock_timeout(mut self, timeout: Duration) -> DataDir {
        self.lock_timeout = timeout;
        self
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Creates a data directory (or completes one): `meta.properties`, empty checkpoints, `.klog/`.
    /// On an existing directory with another broker id, it is an error.
    pub fn init(root: &Path, broker_id: i32) -> Result<InitReport> {
        DataDir::init_with_cluster(root, broker_id, None)
    }

    /// [`DataDir::init`] for a cluster member: `meta.properties` gets `cluster_id` (the metadata
    /// store's). A directory that already belongs to another cluster is an error.
    pub fn init_with_cluster(root: &Path, broker_id: i32, cluster: Option<&str>) -> Result<InitReport> {
        if broker_id < 0 {
            return Err(Error::Invalid(format!("broker id {} must not be negative", broker_id)));
        }
        if root.exists() && !root.is_dir() {
            return Err(Error::NotADirectory { path: root.to_path_buf() });
        }
        let created = !root.exists();
        let meta_path = root.join(META_PROPERTIES);
        if !created && !meta_path.is_file() {
            if let Some(foreign) = foreign_entry(root)? {
                return Err(Error::NotEmpty { path: root.to_path_buf(), foreign });
            }
        }
        fsutil::create_dir_durable(root)?;
        let cluster_id = if meta_path.is_file() {
            let text = fs::read_to_string(&meta_path).map_err(|e| Error::io("read", &meta_path, e))?;
            let props = parse_properties(&text);
            let existing = props.get("broker.id").or_else(|| props.get("node.id"));
            if let Some(id) = existing {
                if id.parse::<i32>().ok() != Some(broker_id) {
                    return Err(Error::DataDirIsBroker {
                        data_dir: root.to_path_buf(),
                        broker: id.clone(),
                        asked: Some(broker_id),
                    });
                }
            }
            let existing = props.get("cluster.id").cloned().unwrap_or_default();
            match cluster {
                Some(c) if existing != c => {
                    return Err(Error::ClusterMismatch {
                        data_dir: root.to_path_buf(),
                        has: existing,
                        wanted: c.to_string(),
                        store: None,
                    });
                }
                _ => existing,
            }
        } else {
            let id = match cluster {
                Some(c) => c.to_string(),
                None => new_uuid()?,
            };
            // KRaft's form (version 1), which a Kafka 4 broker requires: it refuses version 0
            // ("formatted for legacy mode"). `directory.id` names this log directory to the
            // cluster, as `kafka-storage format` writes it.
            let text = format!(
                "#\n#Written by klog at {}\nversion=1\nnode.id={}\ncluster.id={}\ndirectory.id={}\n",
                crate::timefmt::format_rfc3339_ms(crate::timefmt::now_ms()),
                broker_id,
                id,
                new_uuid()?
            );
            fsutil::write_atomic(&meta_path, text.as_bytes())?;
            id
        };
        for name in ROOT_CHECKPOINTS {
            let p = root.join(name);
            if !p.exists() {
                checkpoint::write(&p, &[])?;
            }
        }
        for sub in [KlogSub::Topics, KlogSub::Locks] {
            fsutil::create_dir_durable(&paths::klog_sub(root, sub))?;
        }
        Ok(InitReport { root: root.to_path_buf(), broker_id, cluster_id, created })
    }

    /// `meta.properties` as key-value pairs (empty when absent).
    pub fn meta_properties(&self) -> Result<BTreeMap<String, String>> {
        let p = self.root.join(META_PROPERTIES);
        match fs::read_to_string(&p) {
            Ok(t) => Ok(parse_properties(&t)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeMap::new()),
            Err(e) => Err(Error::io("read", &p, e)),
        }
    }

    /// The cluster id from `meta.properties` (empty when absent).
    pub fn cluster_id(&self) -> Result<String> {
        Ok(self.meta_properties()?.get("cluster.id").cloned().unwrap_or_default())
    }

    /// The broker id from `meta.properties` (`broker.id` or KRaft's `node.id`).
    pub fn broker_id(&self) -> Result<Option<i32>> {
        let props = self.meta_properties()?;
        Ok(props.get("broker.id").or_else(|| props.get("node.id")).and_then(|v| v.parse().ok()))
    }

    /// The metadata store this directory is a member of, from `.klog/meta-store` (written by
    /// `klog init --meta`); `None` for a standalone directory.
    pub fn meta_store_path(&self) -> Result<Option<PathBuf>> {
        let p = paths::meta_store_link(&self.root);
        match fs::read_to_string(&p) {
            Ok(t) if !t.trim().is_empty() => Ok(Some(PathBuf::from(t.trim()))),
            Ok(_) => Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::io("read", &p, e)),
        }
    }

    /// Records the metadata store this directory belongs to (an absolute path).
    pub fn set_meta_store_path(&self, store: &Path) -> Result<()> {
        self.klog_dir(None)?;
        fsutil::write_atomic(&paths::meta_store_link(&self.root), format!("{}\n", store.display()).as_bytes())
    }

    /// Creates this broker's replica of a topic: the partitions `only` (all when `None`), with
    /// the same topic id, partition count and configs as `t`. A topic of the same name with
    /// another topic id is an error; partitions already here are left alone.
    pub fn ensure_topic_replica(&self, t: &TopicMeta, only: Option<&[i32]>) -> Result<TopicMeta> {
        let wanted: Vec<i32> = match only {
            Some(ps) => ps.to_vec(),
            None => (0..t.partitions).collect(),
        };
        let check = |have: TopicMeta| {
            if !have.topic_id.is_empty() && !t.topic_id.is_empty() && have.topic_id != t.topic_id {
                Err(Error::TopicIdMismatch {
                    topic: t.name.clone(),
                    dir: self.root.clone(),
                    have: have.topic_id,
                    leader: t.topic_id.clone(),
                })
            } else {
                Ok(have)
            }
        };
        if let Some(have) = self.read_topic_file(&t.name)? {
            if wanted.iter().all(|&p| self.partition_dir(&t.name, p).is_dir()) {
                return check(have);
            }
        }
        let _guard = self.lock_named("topics", "topic metadata")?;
        let mut have = match self.read_topic_file(&t.name)? {
            Some(have) => check(have)?,
            None => {
                let mut copy = t.clone();
                copy.registered = true;
                if copy.topic_id.is_empty() {
                    copy.topic_id = new_uuid()?;
                }
                copy
            }
        };
        have.partitions = have.partitions.max(t.partitions);
        for p in wanted {
            if !self.partition_dir(&t.name, p).is_dir() {
                self.add_partitions(&have, p..p + 1)?;
            }
        }
        if self.read_topic_file(&t.name)?.is_none_or(|cur| cur.partitions != have.partitions) {
            self.write_topic_file(&have)?;
        }
        Ok(have)
    }

    /// `.klog/` or one of its subdirectories, created when missing (never the data directory
    /// itself: a vanished one stays vanished).
    fn klog_dir(&self, sub: Option<KlogSub>) -> Result<PathBuf> {
        let p = match sub {
            Some(sub) => paths::klog_sub(&self.root, sub),
            None => paths::klog_dir(&self.root),
        };
        if !p.is_dir() {
            self.require_root()?;
            fsutil::create_dir_durable(&p)?;
        }
        Ok(p)
    }

    /// Fails unless the data directory itself is still there. Whatever creates directories
    /// inside it checks first, so that a directory moved away or unmounted under a running
    /// process is never silently re-created empty at its old path.
    pub fn require_root(&self) -> Result<()> {
        if self.root.is_dir() {
            Ok(())
        } else {
            Err(Error::DataDirGone { path: self.root.clone() })
        }
    }

    fn topic_file(&self, name: &str) -> PathBuf {
        paths::topic_file(&self.root, name)
    }

    pub fn partition_dir(&self, topic: &str, partition: i32) -> PathBuf {
        self.root.join(format!("{}-{}", topic, partition))
    }

    /// Every live partition directory: (topic, partition).
    pub fn partition_dirs(&self) -> Result<Vec<(String, i32)>> {
        let mut out = Vec::new();
        for entry in fs::read_dir(&self.root).map_err(|e| Error::io("list", &self.root, e))? {
            let entry = entry.map_err(|e| Error::io("list", &self.root, e))?;
            if !entry.file_type().map(|t| t.is_dir()).unwrap_or(false) {
                continue;
            }
            if let Some(tp) = entry.file_name().to_str().and_then(parse_partition_dir_name) {
                out.push(tp);
            }
        }
        out.sort();
        Ok(out)
    }

    fn read_topic_file(&self, name: &str) -> Result<Option<TopicMeta>> {
        let p = self.topic_file(name);
        match fs::read(&p) {
            Ok(bytes) => {
                let mut t: TopicMeta = serde_json::from_slice(&bytes)
                    .map_err(|e| Error::corrupt(&p, 0, format!("topic metadata does not parse: {}", e)))?;
                t.registered = true;
                // A shortened file name could in theory be shared by two long names.
                Ok((t.name == name).then_some(t))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::io("read", &p, e)),
        }
    }

    fn write_topic_file(&self, t: &TopicMeta) -> Result<()> {
        self.klog_dir(Some(KlogSub::Topics))?;
        let json = serde_json::to_vec_pretty(t).expect("topic metadata serialises");
        fsutil::write_atomic(&self.topic_file(&t.name), &json)
    }

    /// Every topic: those klog registered and those found as partition directories.
    pub fn topics(&self) -> Result<Vec<TopicMeta>> {
        let mut by_name: BTreeMap<String, TopicMeta> = BTreeMap::new();
        let tdir = paths::klog_sub(&self.root, KlogSub::Topics);
        if tdir.is_dir() {
            for entry in fs::read_dir(&tdir).map_err(|e| Error::io("list", &tdir, e))? {
                let entry = entry.map_err(|e| Error::io("list", &tdir, e))?;
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "json") {
                    let bytes = fs::read(&path).map_err(|e| Error::io("read", &path, e))?;
                    let mut t: TopicMeta = serde_json::from_slice(&bytes)
                        .map_err(|e| Error::corrupt(&path, 0, format!("topic metadata does not parse: {}", e)))?;
                    t.registered = true;
                    by_name.insert(t.name.clone(), t);
                }
            }
        }
        for (topic, p) in self.partition_dirs()? {
            let t = by_name.entry(topic.clone()).or_insert_with(|| TopicMeta {
                name: topic.clone(),
                topic_id: String::new(),
                partitions: 0,
                config: TopicConfig::default(),
                registered: false,
            });
            if !t.registered {
                t.partitions = t.partitions.max(p + 1);
            }
        }
        Ok(by_name.into_values().collect())
    }

    /// One topic, or an error that says how to create it.
    pub fn topic(&self, name: &str) -> Result<TopicMeta> {
        validate_topic_name(name)?;
        if let Some(t) = self.read_topic_file(name)? {
            return Ok(t);
        }
        let parts: Vec<i32> = self.partition_dirs()?.into_iter().filter(|(t, _)| t == name).map(|(_, p)| p).collect();
        if let Some(max) = parts.iter().max() {
            let topic_id = self.read_partition_metadata(name, 0).unwrap_or_default();
            return Ok(TopicMeta {
                name: name.to_string(),
                topic_id,
                partitions: max + 1,
                config: TopicConfig::default(),
                registered: false,
            });
        }
        Err(Error::TopicNotFound { topic: name.to_string(), place: Place::DataDir(self.root.clone()) })
    }

    /// The topic id in a partition directory's `partition.metadata`, if it has one.
    pub fn partition_topic_id(&self, topic: &str, partition: i32) -> Option<String> {
        self.read_partition_metadata(topic, partition)
    }

    fn read_partition_metadata(&self, topic: &str, partition: i32) -> Option<String> {
        let text = fs::read_to_string(self.partition_dir(topic, partition).join(PARTITION_METADATA)).ok()?;
        text.lines().find_map(|l| l.strip_prefix("topic_id:").map(|v| v.trim().to_string()))
    }

    /// Builds a partition directory (metadata, empty epoch checkpoint, empty first segment) under
    /// `parent`, fsynced.
    fn build_partition_dir(&self, parent: &Path, t: &TopicMeta, partition: i32) -> Result<PathBuf> {
        let dir = parent.join(format!("{}-{}", t.name, partition));
        self.require_root()?;
        fsutil::create_dir_durable(&dir)?;
        fsutil::write_atomic(
            &dir.join(PARTITION_METADATA),
            format!("version: 0\ntopic_id: {}", t.topic_id).as_bytes(),
        )?;
        let epochs = dir.join(LEADER_EPOCH_CHECKPOINT);
        if !epochs.exists() {
            checkpoint::write(&epochs, &[])?;
        }
        for suffix in [LOG_SUFFIX, ".index", ".timeindex"] {
            let p = dir.join(crate::log::names::segment_file_name(0, suffix));
            fs::OpenOptions::new().create(true).append(true).open(&p).map_err(|e| Error::io("create", &p, e))?;
        }
        fsutil::sync_dir(&dir)?;
        Ok(dir)
    }

    /// Adds partition directories to a topic, under the topics lock: each is built complete in
    /// `.klog/staging/`, then the topic file is written, then the directories are renamed into
    /// place. A crash leaves only invisible staging (removed by the next creation) or a topic
    /// file whose missing partitions [`DataDir::ensure_topic`] completes.
    fn add_partitions(&self, t: &TopicMeta, partitions: std::ops::Range<i32>) -> Result<()> {
        let staging_root = paths::klog_sub(&self.root, KlogSub::Staging);
        if staging_root.exists() {
            // Leftovers of a creation that died; only creators (under the lock) use staging.
            fs::remove_dir_all(&staging_root).map_err(|e| Error::io("remove", &staging_root, e))?;
        }
        let staging = staging_root.join(new_uuid()?);
        // What the topic file said before, to put back if no partition makes it into place.
        let before = self.read_topic_file(&t.name)?;
        let built: Result<Vec<(i32, PathBuf)>> =
            partitions.clone().map(|p| Ok((p, self.build_partition_dir(&staging, t, p)?))).collect();
        let built = match built.and_then(|b| self.write_topic_file(t).map(|_| b)) {
            Ok(b) => b,
            Err(e) => {
                let _ = fs::remove_dir_all(&staging);
                return Err(e);
            }
        };
        // Checkpoint entries a deleted topic of this name may have left (a crash mid-delete)
        // must not give the new partitions its log start or high watermark.
        for p in partitions {
            self.remove_checkpoint_entries(&t.name, Some(p))?;
        }
        for (i, (p, dir)) in built.into_iter().enumerate() {
            let to = self.partition_dir(&t.name, p);
            if let Err(e) = fs::rename(&dir, &to) {
                if i == 0 {
                    // Nothing moved (a read-only data directory, say): the command failed, so
                    // it leaves no trace. After a partial move, the topic file stays and
                    // `ensure_topic` completes the rest, as after a crash.
                    // Best effort: the rename's error is the one to report.
                    match &before {
                        Some(old) => drop(self.write_topic_file(old)),
                        None => drop(fs::remove_file(self.topic_file(&t.name))),
                    }
                    let _ = fs::remove_dir_all(&staging_root);
                }
                return Err(Error::io("rename into place", &to, e));
            }
        }
        fsutil::sync_dir(&self.root)?;
        let _ = fs::remove_dir_all(&staging_root);
        Ok(())
    }

    /// Creates a topic with `partitions` partitions and validated config overrides.
    pub fn create_topic(&self, name: &str, partitions: i32, overrides: BTreeMap<String, String>) -> Result<TopicMeta> {
        self.create_topic_with_id(name, partitions, overrides, None)
    }

    /// `create_topic` with a given topic id (Kafka's, when the topic's partition directories are
    /// to be moved into a broker that knows the topic by that id) instead of a new random one.
    pub fn create_topic_with_id(
        &self,
        name: &str,
        partitions: i32,
        overrides: BTreeMap<String, String>,
        topic_id: Option<&str>,
    ) -> Result<TopicMeta> {
        Self::validate_new_topic(name, partitions, &overrides)?;
        if let Some(id) = topic_id {
            validate_topic_id(id)?;
        }
        let _guard = self.lock_named("topics", "topic metadata")?;
        self.create_topic_locked(name, partitions, overrides, topic_id)
    }

    /// Checks what a new topic is made of (its name, partition count and config overrides)
    /// without touching the disk, so that a command can refuse bad input before it creates
    /// anything.
    pub fn validate_new_topic(name: &str, partitions: i32, overrides: &BTreeMap<String, String>) -> Result<()> {
        validate_topic_name(name)?;
        if !(1..=PARTITIONS_MAX).contains(&partitions) {
            return Err(Error::PartitionCount { count: partitions.into(), max: PARTITIONS_MAX });
        }
        for (k, v) in overrides {
            config::validate(k, v)?;
        }
        Ok(())
    }

    fn create_topic_locked(
        &self,
        name: &str,
        partitions: i32,
        overrides: BTreeMap<String, String>,
        topic_id: Option<&str>,
    ) -> Result<TopicMeta> {
        if self.read_topic_file(name)?.is_some() || self.partition_dirs()?.iter().any(|(t, _)| t == name) {
            return Err(Error::TopicExists { topic: name.to_string(), place: Place::DataDir(self.root.clone()) });
        }
        let folded = |s: &str| s.replace('.', "_");
        if let Some(other) = self.topics()?.into_iter().find(|t| folded(&t.name) == folded(name)) {
            return Err(Error::TopicCollision { topic: name.to_string(), existing: other.name });
        }
        let mut config = TopicConfig::default();
        for (k, v) in overrides {
            config.overrides.insert(k.clone(), config::validate(&k, &v)?);
        }
        let topic_id = match topic_id {
            Some(id) => id.to_string(),
            None => new_uuid()?,
        };
        let t = TopicMeta { name: name.to_string(), topic_id, partitions, config, registered: true };
        self.add_partitions(&t, 0..partitions)?;
        Ok(t)
    }

    /// Returns a topic klog itself needs (such as `__consumer_offsets`), creating it with
    /// `partitions` and `overrides` if it does not exist, and completing it if a creation died
    /// half-way or only some of its partitions were copied from a Kafka broker. Concurrent
    /// callers are serialised by the topics lock; all get the same complete topic.
    pub fn ensure_topic(&self, name: &str, partitions: i32, overrides: BTreeMap<String, String>) -> Result<TopicMeta> {
        if let Some(t) = self.read_topic_file(name)? {
            if (0..t.partitions).all(|p| self.partition_dir(name, p).is_dir()) {
                return Ok(t);
            }
        }
        let _guard = self.lock_named("topics", "topic metadata")?;
        let existing = self.read_topic_file(name)?;
        let dirs: Vec<i32> = self.partition_dirs()?.into_iter().filter(|(t, _)| t == name).map(|(_, p)| p).collect();
        let mut t = match existing {
            Some(t) => t,
            None if dirs.is_empty() => return self.create_topic_locked(name, partitions, overrides, None),
            None => {
                let mut config = TopicConfig::default();
                for (k, v) in overrides {
                    config.overrides.insert(k.clone(), config::validate(&k, &v)?);
                }
                let topic_id = self.read_partition_metadata(name, dirs[0]).filter(|s| !s.is_empty());
                TopicMeta {
                    name: name.to_string(),
                    topic_id: topic_id.map_or_else(new_uuid, Ok)?,
                    partitions,
                    config,
                    registered: true,
                }
            }
        };
        t.partitions = t.partitions.max(partitions).max(dirs.iter().max().map_or(0, |m| m + 1));
        let missing: Vec<i32> = (0..t.partitions).filter(|p| !dirs.contains(p)).collect();
        for p in missing {
            self.add_partitions(&t, p..p + 1)?;
        }
        if !self.topic_file(name).exists() {
            self.write_topic_file(&t)?;
        }
        Ok(t)
    }

    /// Changes config overrides (`set`, `delete`) and raises the partition count.
    pub fn alter_topic(
        &self,
        name: &str,
        partitions: Option<i32>,
        set: BTreeMap<String, String>,
        delete: &[String],
    ) -> Result<TopicMeta> {
        let _guard = self.lock_named("topics", "topic metadata")?;
        let mut t = self.topic(name)?;
        if t.topic_id.is_empty() {
            t.topic_id = new_uuid()?;
        }
        for k in delete {
            config::validate(k, config::TopicConfig::default().get(k))?;
            t.config.overrides.remove(k);
        }
        for (k, v) in set {
            let v = config::validate(&k, &v)?;
            t.config.overrides.insert(k, v);
        }
        if let Some(n) = partitions {
            if n < t.partitions {
                return Err(Error::PartitionCountDecrease { topic: name.to_string(), count: t.partitions, asked: n });
            }
            if n > PARTITIONS_MAX {
                return Err(Error::PartitionCount { count: n.into(), max: PARTITIONS_MAX });
            }
            let from = t.partitions;
            t.partitions = n;
            t.registered = true;
            self.add_partitions(&t, from..n)?;
            return Ok(t);
        }
        t.registered = true;
        self.write_topic_file(&t)?;
        Ok(t)
    }

    /// Whether the topic has klog's topic file here (every cluster replica has one).
    pub fn has_topic_file(&self, name: &str) -> bool {
        self.topic_file(name).is_file()
    }

    /// Deletes a topic: takes every partition's lock (so no writer is mid-append), renames each
    /// partition directory to Kafka's `-delete` form, drops the metadata, then removes the data.
    pub fn delete_topic(&self, name: &str) -> Result<TopicMeta> {
        let _guard = self.lock_named("topics", "topic metadata")?;
        let t = self.topic(name)?;
        self.delete_topic_locked(t)
    }

    /// [`DataDir::delete_topic`] only if the topic's id satisfies `matches` (checked under the
    /// topic lock). Returns whether it was deleted.
    pub fn delete_topic_with_id(&self, name: &str, matches: impl Fn(&str) -> bool) -> Result<bool> {
        let _guard = self.lock_named("topics", "topic metadata")?;
        let t = self.topic(name)?;
        if !matches(&t.topic_id) {
            return Ok(false);
        }
        self.delete_topic_locked(t)?;
        Ok(true)
    }

    fn delete_topic_locked(&self, t: TopicMeta) -> Result<TopicMeta> {
        let name = t.name.as_str();
        let mut locks = Vec::new();
        let parts: Vec<i32> = self.partition_dirs()?.into_iter().filter(|(n, _)| n == name).map(|(_, p)| p).collect();
        for &p in &parts {
            self.check_only_kafka_files(&self.partition_dir(name, p))?;
        }
        for &p in &parts {
            locks.push(self.lock_partition(name, p)?);
        }
        let mut doomed = Vec::new();
        for &p in &parts {
            doomed.push(self.rename_for_deletion(name, p)?);
        }
        fsutil::sync_dir(&self.root)?;
        let tf = self.topic_file(name);
        if tf.exists() {
            fs::remove_file(&tf).map_err(|e| Error::io("remove", &tf, e))?;
        }
        for d in doomed {
            fs::remove_dir_all(&d).map_err(|e| Error::io("remove", &d, e))?;
        }
        // The partition lock files stay (see delete_partition_replica).
        let _ = self.remove_checkpoint_entries(name, None);
        Ok(t)
    }

    /// Fails unless `dir` holds only the files Kafka and klog keep in a partition directory,
    /// so that deleting a topic never removes a file neither of them wrote.
    fn check_only_kafka_files(&self, dir: &Path) -> Result<()> {
        for entry in fs::read_dir(dir).map_err(|e| Error::io("list", dir, e))? {
            let entry = entry.map_err(|e| Error::io("list", dir, e))?;
            let name = entry.file_name();
            let ok = entry.file_type().is_ok_and(|t| t.is_file())
                && name.to_str().is_some_and(crate::log::names::is_partition_file);
            if !ok {
                return Err(Error::ForeignFile { dir: dir.to_path_buf(), file: entry.path() });
            }
        }
        Ok(())
    }

    /// Renames a partition directory to Kafka's `topic-P.<uuid>-delete` form (the topic shortened
    /// so the name fits), which readers and recovery skip. The caller holds the partition lock.
    fn rename_for_deletion(&self, name: &str, p: i32) -> Result<PathBuf> {
        let from = self.partition_dir(name, p);
        let suffix = format!("-{}.{}-delete", p, new_uuid()?.replace(['-', '_'], "0"));
        let keep = (fsutil::FILE_NAME_BYTES_MAX - suffix.len()).min(name.len());
        let to = self.root.join(format!("{}{}", &name[..keep], suffix));
        fs::rename(&from, &to).map_err(|e| Error::io("rename for deletion", &from, e))?;
        Ok(to)
    }

    /// Deletes this directory's replica of one partition (a replica reassigned away), as Kafka's
    /// StopReplica with deletion does: under the partition lock, renamed to the `-delete` form
    /// (durably), then removed, with its checkpoint entries. Returns false when there was none.
    pub fn delete_partition_replica(&self, name: &str, p: i32) -> Result<bool> {
        if !self.partition_dir(name, p).is_dir() {
            return Ok(false);
        }
        let lock = self.lock_partition(name, p)?;
        if !self.partition_dir(name, p).is_dir() {
            return Ok(false);
        }
        let doomed = self.rename_for_deletion(name, p)?;
        fsutil::sync_dir(&self.root)?;
        fs::remove_dir_all(&doomed).map_err(|e| Error::io("remove", &doomed, e))?;
        self.remove_checkpoint_entries(name, Some(p))?;
        // The lock file stays: unlinking it would let a process waiting on the old file and one
        // creating a new file both hold "the" lock.
        drop(lock);
        Ok(true)
    }

    /// The partitions of a topic that have a directory: all of them for a topic klog created,
    /// and those that were copied for a topic discovered from a Kafka broker's directory.
    pub fn existing_partitions(&self, t: &TopicMeta) -> Result<Vec<i32>> {
        Ok((0..t.partitions).filter(|&p| self.partition_dir(&t.name, p).is_dir()).collect())
    }

    /// Checks a partition number against a topic.
    pub fn check_partition(&self, t: &TopicMeta, partition: i32) -> Result<()> {
        if partition < 0 || partition >= t.partitions {
            return Err(Error::PartitionNotFound { topic: t.name.clone(), partition, count: t.partitions });
        }
        if !self.partition_dir(&t.name, partition).is_dir() {
            return Err(Error::PartitionDirNotFound { path: self.partition_dir(&t.name, partition), expected: true });
        }
        Ok(())
    }

    fn partition_lock_path(&self, topic: &str, partition: i32) -> PathBuf {
        paths::partition_lock(&self.root, topic, partition)
    }

    fn lock_named(&self, name: &str, what: &str) -> Result<FileLock> {
        self.klog_dir(Some(KlogSub::Locks))?;
        lock::lock_exclusive(&paths::named_lock(&self.root, name), self.lock_timeout, what)
    }

    /// Takes a partition's writer lock.
    pub fn lock_partition(&self, topic: &str, partition: i32) -> Result<FileLock> {
        self.klog_dir(Some(KlogSub::Locks))?;
        lock::lock_exclusive(
            &self.partition_lock_path(topic, partition),
            self.lock_timeout,
            &format!("partition {}-{}", topic, partition),
        )
    }

    /// Opens a partition for writing: takes its lock, then recovers its tail.
    pub fn open_writer(&self, t: &TopicMeta, partition: i32) -> Result<PartitionWriter> {
        self.check_partition(t, partition)?;
        let lock = self.lock_partition(&t.name, partition)?;
        let start = self.checkpoint_value(LOG_START_CHECKPOINT, &t.name, partition)?.unwrap_or(0);
        let w = PartitionWriter::open(&self.partition_dir(&t.name, partition), t.config.log_config(), lock, start)?;
        self.keep_recovery_point(&t.name, partition, &w)?;
        Ok(w)
    }

    /// Keeps the partition's entry in `recovery-point-offset-checkpoint` as Kafka does: the
    /// offset below which the log is flushed, here the active segment's base once the sealed
    /// segments are synced ([`PartitionWriter::sync_sealed_segments_since`]). It is written only
    /// when it changed, so a writer's open costs a read of the file, and a write once per
    /// segment roll. Like Kafka's periodic checkpoint it may lag behind the log (a long-running
    /// writer's rolls are recorded at its next open); a lag only makes a broker recover more.
    fn keep_recovery_point(&self, topic: &str, partition: i32, w: &PartitionWriter) -> Result<()> {
        let recorded = self.checkpoint_value(RECOVERY_POINT_CHECKPOINT, topic, partition)?;
        let point = w.sync_sealed_segments_since(recorded.unwrap_or(i64::MIN))?;
        if recorded != Some(point) {
            self.set_checkpoint_value(RECOVERY_POINT_CHECKPOINT, topic, partition, point)?;
        }
        Ok(())
    }

    /// Opens a partition for writing as [`DataDir::open_writer`] does, but lets recovery cut the
    /// active segment at its first invalid batch even when valid batches follow (`verify
    /// --repair`; see [`PartitionWriter::open_repair`]).
    pub fn open_writer_repair(&self, t: &TopicMeta, partition: i32) -> Result<PartitionWriter> {
        self.check_partition(t, partition)?;
        let lock = self.lock_partition(&t.name, partition)?;
        let start = self.checkpoint_value(LOG_START_CHECKPOINT, &t.name, partition)?.unwrap_or(0);
        let w =
            PartitionWriter::open_repair(&self.partition_dir(&t.name, partition), t.config.log_config(), lock, start)?;
        self.keep_recovery_point(&t.name, partition, &w)?;
        Ok(w)
    }

    /// Opens a partition for reading, lock-free.
    pub fn open_reader(&self, t: &TopicMeta, partition: i32) -> Result<PartitionReader> {
        self.check_partition(t, partition)?;
        let start = self.checkpoint_value(LOG_START_CHECKPOINT, &t.name, partition)?;
        PartitionReader::open(&self.partition_dir(&t.name, partition), start)
    }

    /// One partition's value in a root checkpoint file.
    pub fn checkpoint_value(&self, file: &str, topic: &str, partition: i32) -> Result<Option<i64>> {
        let entries: Vec<OffsetEntry> = checkpoint::read_entries_lenient(&self.root.join(file))?;
        Ok(entries.iter().find(|e| e.tp.topic == topic && e.tp.partition == partition).map(|e| e.offset))
    }

    /// Sets one partition's value in a root checkpoint file, under the checkpoints lock.
    pub fn set_checkpoint_value(&self, file: &str, topic: &str, partition: i32, value: i64) -> Result<()> {
        let _guard = self.lock_named("checkpoints", "the data directory's checkpoint files")?;
        let path = self.root.join(file);
        let mut entries: Vec<OffsetEntry> = checkpoint::read_entries_lenient(&path)?;
        entries.retain(|e| !(e.tp.topic == topic && e.tp.partition == partition));
        entries.push(OffsetEntry { tp: crate::TopicPartition::new(topic, partition), offset: value });
        checkpoint::write_entries(&path, &entries)
    }

    /// Drops a topic's entries (or one partition's) from the root checkpoint files.
    fn remove_checkpoint_entries(&self, topic: &str, partition: Option<i32>) -> Result<()> {
        let _guard = self.lock_named("checkpoints", "the data directory's checkpoint files")?;
        for file in ROOT_CHECKPOINTS {
            let path = self.root.join(file);
            if !path.exists() {
                continue;
            }
            let mut entries: Vec<OffsetEntry> = checkpoint::read_entries_lenient(&path)?;
            let before = entries.len();
            entries.retain(|e| e.tp.topic != topic || partition.is_some_and(|want| e.tp.partition != want));
            if entries.len() != before {
                checkpoint::write_entries(&path, &entries)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_names_follow_kafka() {
        for ok in ["orders", "a.b_c-d", &"x".repeat(249)] {
            validate_topic_name(ok).unwrap();
        }
        for bad in ["", ".", "..", "a/b", "../x", "a b", &"x".repeat(250), "é"] {
            assert!(validate_topic_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn partition_dir_names() {
        assert_eq!(parse_partition_dir_name("orders-3"), Some(("orders".into(), 3)));
        assert_eq!(parse_partition_dir_name("my-topic-12"), Some(("my-topic".into(), 12)));
        assert_eq!(parse_partition_dir_name("__consumer_offsets-49"), Some(("__consumer_offsets".into(), 49)));
        assert_eq!(parse_partition_dir_name("orders"), None);
        assert_eq!(parse_partition_dir_name("orders-x"), None);
        assert_eq!(parse_partition_dir_name("orders-01"), None);
        assert_eq!(parse_partition_dir_name("orders-0.abc-delete"), None);
    }

    #[test]
    fn deleting_one_replica_keeps_the_other_partitions() {
        let tmp = tempfile::tempdir().unwrap();
        DataDir::init(tmp.path(), 0).unwrap();
        let dd = DataDir::open(tmp.path()).unwrap();
        dd.create_topic("t", 2, BTreeMap::new()).unwrap();
        dd.create_topic("u", 1, BTreeMap::new()).unwrap();
        for (t, p) in [("t", 0), ("t", 1), ("u", 0)] {
            dd.set_checkpoint_value(REPLICATION_CHECKPOINT, t, p, 7).unwrap();
        }
        assert!(dd.delete_partition_replica("t", 0).unwrap());
        assert!(!dd.partition_dir("t", 0).exists());
        assert!(dd.partition_dir("t", 1).is_dir());
        assert_eq!(dd.checkpoint_value(REPLICATION_CHECKPOINT, "t", 0).unwrap(), None);
        assert_eq!(dd.checkpoint_value(REPLICATION_CHECKPOINT, "t", 1).unwrap(), Some(7));
        assert_eq!(dd.checkpoint_value(REPLICATION_CHECKPOINT, "u", 0).unwrap(), Some(7));
        assert!(!dd.delete_partition_replica("t", 0).unwrap(), "nothing left to delete");
        let left: Vec<String> =
            fs::read_dir(tmp.path()).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        assert!(!left.iter().any(|n| n.ends_with("-delete")), "{:?}", left);
    }

    #[test]
    fn a_data_directory_that_went_away_is_not_recreated() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("b0");
        DataDir::init(&root, 0).unwrap();
        let dd = DataDir::open(&root).unwrap();
        fs::rename(&root, tmp.path().join("b0.away")).unwrap();
        let e = dd.create_topic("t", 1, BTreeMap::new()).unwrap_err();
        assert!(e.to_string().contains("is gone"), "{}", e);
        assert!(!root.exists());
    }
}
