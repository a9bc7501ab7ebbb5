//! klog's error type: one enum whose variants say which kind of failure happened, each carrying
//! the context (path, topic-partition, offset, byte position) a user needs to act on it. The CLI
//! maps the kind to an exit code; the core never prints or exits.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// What went wrong, by the kind of failure. The CLI turns the kind into an exit code.
#[derive(Debug)]
pub enum Error {
    /// The command line asked for something impossible: a malformed option value, an illegal
    /// topic name, an unknown config key. Exit code 2, like clap's own usage errors.
    Usage(String),
    /// The user asked for something invalid: a bad topic name, an unknown config, an offset out of
    /// range, malformed input. Exit code 1 (2 is kept for command-line syntax errors from clap).
    Invalid(String),
    /// A topic, partition, file or directory that does not exist.
    NotFound(String),
    /// Bytes on disk that do not decode: a bad CRC, an impossible length, a torn batch in a sealed
    /// segment. Carries the file and byte position in its message.
    Corrupt { path: PathBuf, position: u64, what: String },
    /// Someone else holds what we need (a partition lock past its timeout). Exit code 3.
    Conflict(String),
    /// Fewer replicas in sync than the topic's `min.insync.replicas` (Kafka's
    /// NOT_ENOUGH_REPLICAS): before a write (`unacknowledged` None: nothing was written), or
    /// after it (the leader has the records; `unacknowledged` says why replicas fell out).
    NotEnoughReplicas { topic: String, partition: i32, isr: Vec<i32>, min_isr: usize, unacknowledged: Option<String> },
    /// This process acts as a partition's leader at a leader epoch the metadata store has left
    /// behind (Kafka's FENCED_LEADER_EPOCH).
    StaleLeaderEpoch {
        topic: String,
        partition: i32,
        broker: i32,
        epoch: crate::LeaderEpoch,
        leader: i32,
        current: crate::LeaderEpoch,
    },
    /// A controller's decision under a controller epoch the store has left behind.
    StaleControllerEpoch { epoch: crate::ControllerEpoch, current: crate::ControllerEpoch, store: PathBuf },
    /// A running controller (process `pid`) elected at controller epoch `epoch`, which the store
    /// has left behind for `current`: another controller was elected since, and this one must
    /// stop.
    StaleController { pid: u32, epoch: crate::ControllerEpoch, current: crate::ControllerEpoch },
    /// An offset outside a partition's valid range `start..end`.
    OffsetOutOfRange { topic: String, partition: i32, offset: i64, start: i64, end: i64 },
    /// A topic config that does not exist (`value` None) or a value it does not accept.
    InvalidConfig { key: String, value: Option<String>, reason: String },
    /// An operating-system error, with the path it happened on.
    Io { path: PathBuf, op: &'static str, source: io::Error },
    /// A stream error without a path (stdin, stdout).
    Stream(io::Error),
    /// A topic that is not where it was looked for.
    TopicNotFound { topic: String, place: Place },
    /// A partition number a topic does not have (it has `0..count`).
    PartitionNotFound { topic: String, partition: i32, count: i32 },
    /// A topic that already exists where it was to be created.
    TopicExists { topic: String, place: Place },
    /// A new topic whose name differs from an existing one's only in '.' versus '_'.
    TopicCollision { topic: String, existing: String },
    /// A partition count that can only grow, asked to shrink or stay.
    PartitionCountDecrease { topic: String, count: i32, asked: i32 },
    /// A partition count outside `1..=max`.
    PartitionCount { count: i64, max: i32 },
    /// A replication factor below 1, or above the number of registered brokers (`brokers`).
    ReplicationFactor { factor: i64, brokers: Option<usize> },
    /// A replica assignment (partition to brokers) that cannot be used: `what` says why.
    ReplicaAssignment { what: String },
    /// A consumer group that does not exist where it was looked for.
    GroupNotFound { group: String, place: Place },
    /// A group member with no usable start offset for a partition (`why`: "has no committed
    /// offset", say) whose reset policy is none.
    NoResetOffset { group: String, tp: Option<crate::TopicPartition>, why: String },
    /// Another process held the lock on `path` (of `what`, "partition orders-0") for longer than
    /// the wait allowed.
    Locked { what: String, path: PathBuf, waited_ms: u128 },
    /// A data directory that does not exist; `role` when it was named as one side of a pair
    /// (replication's leader or follower).
    DataDirNotFound { path: PathBuf, role: Option<PairRole> },
    /// A data directory that was open and is no longer at its path (moved away or unmounted).
    DataDirGone { path: PathBuf },
    /// A directory that is not a data directory: it has no `meta.properties`.
    NotADataDir { path: PathBuf },
    /// A path given as a data directory that is something other than a directory.
    NotADirectory { path: PathBuf },
    /// A directory with other things in it than a data directory holds (`foreign`, the first),
    /// asked to become one.
    NotEmpty { path: PathBuf, foreign: PathBuf },
    /// A data directory that is already broker `broker` (as its meta.properties or the cluster
    /// says), asked to be broker `asked` (None: asked to join the cluster as another broker).
    DataDirIsBroker { data_dir: PathBuf, broker: String, asked: Option<i32> },
    /// A broker id that the cluster of metadata store `store` has registered with another data
    /// directory, `data_dir`.
    BrokerIdTaken { broker: i32, store: PathBuf, data_dir: PathBuf },
    /// A data directory of cluster `has`, asked to act in cluster `wanted` (of metadata store
    /// `store`, when known).
    ClusterMismatch { data_dir: PathBuf, has: String, wanted: String, store: Option<PathBuf> },
    /// A data directory that belongs to the cluster of another metadata store (`store`).
    OtherMetaStore { data_dir: PathBuf, store: PathBuf },
    /// Two data directories paired for replication that belong to different clusters (their
    /// metadata stores; None: standalone).
    DifferentClusters { a: PathBuf, b: PathBuf, a_store: Option<PathBuf>, b_store: Option<PathBuf> },
    /// A data directory that is not a registered broker of its cluster (of metadata store
    /// `store`, when the message names it).
    NotABroker { data_dir: PathBuf, store: Option<PathBuf> },
    /// A change (`change`) refused to an internal topic (Kafka's `__consumer_offsets`, say).
    InternalTopic { topic: String, change: crate::datadir::TopicChange },
    /// A partition that a Kafka cluster's topic does not have.
    KafkaPartitionNotFound { tp: crate::TopicPartition, bootstrap: String },
    /// Partitions asked for (`partitions`) of which a topic lacks some.
    NoSuchPartitions { topic: String, partitions: Vec<i32> },
    /// A reassignment plan that cannot be used.
    BadPlan { fault: PlanFault },
    /// A broker id that the cluster has not registered, named where brokers are assigned.
    AssignsUnregisteredBroker { broker: i32, named_by: NamedBy },
    /// A group member with no topics to consume: none named, and (on klog's groups) no earlier
    /// subscription. `kafka`: the member was to join a group on a Kafka cluster.
    NoSubscription { group: String, kafka: bool },
    /// Replication asked from data directory `dir` to itself (of partition `tp`, when the pass
    /// of one partition found it).
    ReplicateToItself { dir: PathBuf, tp: Option<String> },
    /// Record `record` (1-based) of `bytes` bytes of key and value, larger than the topic's
    /// `max.message.bytes` (`max`).
    RecordTooLarge { topic: String, record: u64, bytes: usize, max: usize },
    /// A whole batch a partition writer refuses to append (`partition`, "topic-N", when a
    /// replica copy names it).
    BadBatch { partition: Option<String>, fault: BatchFault },
    /// A partition whose state changed while the controller decided for it: now `leader` at
    /// `epoch`.
    ChangedWhileDeciding { topic: String, partition: i32, leader: i32, epoch: crate::LeaderEpoch },
    /// A broker asked to lead a partition whose replicas (`replicas`) it is not one of.
    NotAReplica { topic: String, partition: i32, broker: i32, replicas: Vec<i32> },
    /// Delete-records up to `offset`, past the partition's high watermark `hw` (or below 0).
    DeleteBeyondHighWatermark { topic: String, partition: i32, offset: i64, hw: i64 },
    /// A follower's copy of a topic (in data directory `dir`) whose topic id (`have`) differs
    /// from its leader's (`leader`): a different topic of the same name.
    TopicIdMismatch { topic: String, dir: PathBuf, have: String, leader: String },
    /// A partition directory `dir` holding `file`, which is not a Kafka partition file: the
    /// deletion was refused.
    ForeignFile { dir: PathBuf, file: PathBuf },
    /// Broker `follower` asked to copy partition `topic`-`partition` from broker `leader`,
    /// which it does not follow for it.
    NotAFollower { follower: i32, leader: i32, topic: String, partition: i32 },
    /// A group asked for both cluster topics (`cluster`) and topics of this data directory only
    /// (`local`), whose offsets live in different places.
    MixedGroupTopics { group: String, cluster: Vec<String>, local: Vec<String> },
    /// A data directory that is not a member of a cluster, asked to act as one.
    NotClusterMember { data_dir: PathBuf },
    /// A directory that is not a metadata store: it has no snapshot at `snapshot`.
    NotAMetaStore { path: PathBuf, snapshot: PathBuf },
    /// An election of a leader outside the ISR, not allowed to be unclean.
    NotInIsr { topic: String, partition: i32, broker: i32, isr: Vec<i32> },
    /// Record `record` (1-based) without a key, for a compacted topic.
    KeylessRecord { topic: String, record: u64 },
    /// A Kafka client with no bootstrap servers to reach.
    NoBootstrapServers,
    /// A topic whose partition count at a mirror's target (`count`) differs from its source's
    /// (`source_count`): a mirror keeps partition numbers. `dir` None: the target is the Kafka
    /// cluster at `bootstrap`; Some: the target is data directory `dir` and the source that
    /// cluster.
    MirrorPartitionCount { topic: String, bootstrap: String, count: usize, source_count: i32, dir: Option<PathBuf> },
    /// A partition whose leader is none (-1), met by an operation that needs one.
    NoLeader { topic: String, partition: i32, needed_for: LeaderFor },
    /// Partitions (`partitions`, as "topic-partition") whose leader could not be read within
    /// `waited_ms`.
    NoLeaderInTime { partitions: Vec<String>, waited_ms: u128 },
    /// A broker's data directory at `path` that cannot be used: `why` (no meta.properties, or
    /// why it does not open).
    BrokerUnavailable { broker: i32, path: PathBuf, why: String },
    /// Another process holds the controller lock at `lock`.
    ControllerRunning { lock: PathBuf },
    /// A group with live members (their ids), who own its offsets, in the way of a change: of
    /// `topic`'s offsets only, when given. `kafka`: the bootstrap servers of the Kafka cluster
    /// the group is on (None: one of klog's); `state`: the group's state as that cluster names it.
    GroupHasMembers {
        group: String,
        members: Vec<String>,
        topic: Option<String>,
        kafka: Option<String>,
        state: Option<&'static str>,
    },
    /// A group with no committed offsets for `topic`.
    NoGroupOffsets { group: String, topic: String, place: Place },
    /// A member asking a group with members for the assignment strategy `asked`, when the group
    /// uses `protocol`.
    GroupProtocol { group: String, protocol: String, asked: String },
    /// A follower pass for `broker`, which the partition's assignment no longer lists as a
    /// replica (it was reassigned away): its copy was deleted.
    NoLongerReplica { topic: String, partition: i32, broker: i32 },
    /// A follower (data directory `follower`) with records of leader epoch `epoch` from
    /// `start_offset`, newer than every epoch of the leader (`leader`, its latest epoch
    /// `leader_latest`, -1 for none): the leader is stale, and the follower is not truncated.
    FollowerAheadOfLeader {
        topic: String,
        partition: i32,
        follower: PathBuf,
        epoch: i32,
        start_offset: i64,
        leader: PathBuf,
        leader_latest: i32,
    },
    /// A partition whose state changed between the read and the write of a reassignment.
    ChangedDuringReassignment { topic: String, partition: i32 },
    /// A broker id the cluster metadata has no registration for. `metadata`: the message says
    /// "the cluster metadata" (true) or "the cluster".
    BrokerNotRegistered { broker: i32, metadata: bool },
    /// A partition directory at `path` that is not there: `expected` when the topic has the
    /// partition (the directory is missing), false when a reader was asked to open it.
    PartitionDirNotFound { path: PathBuf, expected: bool },
    /// A group operation that needs a data directory to keep the group in, with none given.
    NoGroupHome,
    /// An ISR change decided under leader epoch `epoch` for a partition now at `current`.
    StaleIsrChange { topic: String, partition: i32, epoch: crate::LeaderEpoch, current: crate::LeaderEpoch },
    /// A partition whose leadership kept moving while a producer's records were acknowledged:
    /// they are not acknowledged.
    LeadershipKeptMoving { topic: String, partition: i32 },
    /// A partition's leader, `broker`, that became unreachable during replication (the ISR is
    /// left as it was).
    LeaderUnreachable { topic: String, partition: i32, broker: i32 },
    /// A partition's leader whose data directory `path` is gone.
    LeaderDirGone { topic: String, partition: i32, path: PathBuf },
    /// A value a user gave that klog cannot read: `value` as given, `what` it was meant to be,
    /// and `why` it is refused.
    BadValue { what: ValueOf, value: String, why: String },
    /// A line of input klog cannot read: line `line` (1-based) of `file` (None: the records read
    /// from standard input), and what is wrong with it.
    BadLine { file: Option<PathBuf>, line: usize, fault: LineFault },
    /// A format string, or an escaped separator, `text` that klog cannot read.
    BadFormat { text: String, fault: FormatFault },
    /// A value (`what`: "topic", "group id") with a NUL byte, which librdkafka cannot take;
    /// `value` escaped for printing.
    NulByte { what: &'static str, value: String },
    /// A Kafka cluster that did not answer within `waited_ms`, and what was last heard (`why`).
    KafkaUnreachable { bootstrap: String, waited_ms: u128, why: Option<String> },
    /// A client property that librdkafka refuses: its key and why (never its value, which may be
    /// a secret).
    BadClientProperty { key: String, why: String, bootstrap: String },
    /// `records` records to `topic` that the Kafka cluster did not take: not acknowledged in
    /// time, or refused.
    KafkaUndelivered { records: u64, topic: String, bootstrap: String, fault: Delivery },
    /// A header key that is not UTF-8, which a Kafka cluster cannot take: of a record to produce
    /// (`at` None), or of the record at an offset of a partition being mirrored.
    HeaderKeyNotUtf8 { at: Option<(crate::TopicPartition, i64)> },
    /// Damage in the active segment that a crash cannot have left (valid data follows it), so
    /// recovery does not cut it: the file, its byte position and what is wrong.
    UncutDamage { path: PathBuf, position: u64, what: String },
}

/// What a value a user gave (`Error::BadValue`) was meant to be; each names it in its own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueOf {
    /// A start offset: `beginning`, `end`, `N`, `-N`, `s@TIME`.
    Offset,
    /// A time: epoch milliseconds or RFC 3339.
    Time,
    /// A time in epoch milliseconds (the number as klog read it).
    EpochMs,
    /// A topic name.
    TopicName,
    /// A Kafka topic id.
    TopicId,
    /// A `key=value` pair of a topic config.
    ConfigPair,
    /// A consumer group id.
    GroupId,
}

/// What is wrong with a line of input (`Error::BadLine`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineFault {
    /// Not JSON at all (the parser's words).
    NotJson(String),
    /// JSON, but not an object.
    NotObject,
    /// A line of a client properties file that is not `KEY=VALUE` (the line itself is not
    /// repeated: it may hold a secret).
    NotClientProperty,
    /// Anything else, in words.
    Why(String),
}

/// Why a partition writer refuses a batch (`Error::BadBatch`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BatchFault {
    /// A leader's batch whose header does not decode (the decoder's words).
    Undecodable(String),
    /// A replicated batch that does not validate (the decoder's words).
    Invalid(String),
    /// The header's length is not the batch's.
    LengthMismatch { declared: usize, bytes: usize },
    /// Larger than the topic's max.message.bytes.
    TooLarge { bytes: usize, max: usize },
    /// A replicated batch below the log end offset of the partition directory `dir`.
    BelowLogEnd { offset: i64, log_end: i64, dir: PathBuf },
    /// A replicated batch below the base offset of the active segment of `dir`.
    BelowActiveSegment { offset: i64, segment_base: i64, dir: PathBuf },
}

/// What is wrong with a reassignment plan (`Error::BadPlan`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanFault {
    /// Not a plan in Kafka's JSON (the parser's words).
    Unparsable(String),
    /// No partitions.
    Empty,
    /// A partition named twice.
    Repeated(crate::TopicPartition),
    /// A partition whose replica list is empty or repeats a broker.
    ReplicasNotDistinct(crate::TopicPartition),
}

/// Where an unregistered broker was named (`Error::AssignsUnregisteredBroker`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NamedBy {
    /// The broker list a reassignment is generated over.
    BrokerList,
    /// A partition's replicas in a reassignment plan.
    Plan(crate::TopicPartition),
    /// A new topic's partition's replicas.
    NewPartition(i32),
}

/// Why records did not reach a Kafka cluster (`Error::KafkaUndelivered`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// Not acknowledged within `waited_ms`.
    TimedOut { waited_ms: u128 },
    /// Refused: the first error the cluster gave.
    Failed(String),
}

/// What is wrong with a format string or an escaped separator (`Error::BadFormat`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatFault {
    /// `\x` followed by two characters that are not hex digits.
    BadHexEscape(String),
    /// `\` followed by a character that is no escape.
    UnknownEscape(char),
    /// A `%` at the end.
    LonePercent,
    /// `%` followed by a character that is no token.
    UnknownToken(char),
}

/// The side of a leader-follower pair a directory was named as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairRole {
    Leader,
    Follower,
}

/// The operation that met a partition without a leader, which its error names in its own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeaderFor {
    /// A producer, appending to the leader.
    Produce,
    /// Delete-records, run on the leader.
    DeleteRecords,
    /// A reader, reading from a leader in the ISR.
    Read,
}

/// Where a topic or a group was looked for (or was to be created), as its error says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A data directory.
    DataDir(PathBuf),
    /// A data directory that does not exist.
    NoDataDir(PathBuf),
    /// The cluster's metadata.
    Cluster,
    /// The cluster's metadata, with no data directory to look in besides.
    ClusterOnly,
    /// Neither the cluster of metadata store `store` nor data directory `data_dir`.
    ClusterOrDataDir { store: PathBuf, data_dir: PathBuf },
    /// A Kafka cluster, by its bootstrap servers.
    Kafka(String),
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn io(op: &'static str, path: &Path, source: io::Error) -> Error {
        Error::Io { path: path.to_path_buf(), op, source }
    }

    pub fn corrupt(path: &Path, position: u64, what: impl Into<String>) -> Error {
        Error::Corrupt { path: path.to_path_buf(), position, what: what.into() }
    }

    /// True when another process got there first: it holds the lock, or changed the state this
    /// call was deciding on (leadership, the ISR, an assignment) under it. Such a call may be
    /// made again later; the cleaner skips the partition, the controller ends its round, a
    /// producer waits it out. Fenced epochs are not in this set: each caller decides on those.
    pub fn is_contention(&self) -> bool {
        matches!(
            self,
            Error::Conflict(_)
                | Error::NoLongerReplica { .. }
                | Error::FollowerAheadOfLeader { .. }
                | Error::ChangedDuringReassignment { .. }
                | Error::StaleIsrChange { .. }
                | Error::LeadershipKeptMoving { .. }
                | Error::Locked { .. }
        )
    }

    /// True when the error is a closed pipe on output, which a CLI treats as a normal end.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Stream(e) if e.kind() == io::ErrorKind::BrokenPipe)
            || matches!(self, Error::Io { source, .. } if source.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage(m) | Error::Invalid(m) | Error::NotFound(m) | Error::Conflict(m) => f.write_str(m),
            Error::Corrupt { path, position, what } => {
                write!(f, "corrupt data in {} at byte {}: {}", path.display(), position, what)
            }
            Error::Io { path, op, source } => {
                write!(f, "cannot {} {}: {}", op, path.display(), source)
            }
            Error::Stream(e) => write!(f, "{}", e),
            Error::NotEnoughReplicas { topic, partition, isr, min_isr, unacknowledged: None } => write!(
                f,
                "NOT_ENOUGH_REPLICAS: {}-{} has {} in-sync replica(s) [{}], fewer than min.insync.replicas={}; nothing was written",
                topic,
                partition,
                isr.len(),
                crate::meta::join_ids(isr),
                min_isr
            ),
            Error::NotEnoughReplicas { topic, partition, isr, min_isr, unacknowledged: Some(why) } => write!(
                f,
                "NOT_ENOUGH_REPLICAS: {}-{}: only {} replica(s) [{}] hold the records, fewer than \
                 min.insync.replicas={}; the leader has them but they are not acknowledged ({})",
                topic,
                partition,
                isr.len(),
                crate::meta::join_ids(isr),
                min_isr,
                why
            ),
            Error::StaleLeaderEpoch { topic, partition, broker, epoch, leader, current } => write!(
                f,
                "{}-{}: stale leader epoch: acting as leader {} at epoch {}, but the metadata store says leader {} at epoch {}",
                topic, partition, broker, epoch, leader, current
            ),
            Error::StaleControllerEpoch { epoch, current, store } => write!(
                f,
                "stale controller epoch: a change decided under controller epoch {} was rejected, the store {} is at \
                 controller epoch {}",
                epoch,
                store.display(),
                current
            ),
            Error::StaleController { pid, epoch, current } => write!(
                f,
                "stale controller epoch: this controller (pid {}) was elected at controller epoch {}, the store is at {}",
                pid, epoch, current
            ),
            Error::OffsetOutOfRange { topic, partition, offset, start, end } => write!(
                f,
                "offset {} is out of range for {}-{} (valid offsets are {}..{})",
                offset, topic, partition, start, end
            ),
            Error::InvalidConfig { key, value: None, .. } => {
                write!(f, "unknown topic config '{}'", key)
            }
            Error::InvalidConfig { key, value: Some(v), reason } => {
                write!(f, "invalid value '{}' for config {}: {}", v, key, reason)
            }
            Error::TopicNotFound { topic, place } => match place {
                Place::DataDir(d) => write!(f, "topic '{}' does not exist in {}", topic, d.display()),
                Place::NoDataDir(d) => {
                    write!(f, "topic '{}' does not exist: there is no data directory {}", topic, d.display())
                }
                Place::Cluster => write!(f, "topic '{}' is not in the cluster metadata", topic),
                Place::ClusterOnly => {
                    write!(f, "topic '{}' is not in the cluster metadata (and there is no data directory)", topic)
                }
                Place::ClusterOrDataDir { store, data_dir } => write!(
                    f,
                    "topic '{}' is neither in the cluster of metadata store {} nor in data directory {}",
                    topic,
                    store.display(),
                    data_dir.display()
                ),
                Place::Kafka(b) => write!(f, "topic '{}' does not exist on the Kafka cluster at {}", topic, b),
            },
            Error::PartitionNotFound { topic, partition, count } if *count > 0 => write!(
                f,
                "partition {} does not exist in topic '{}' (it has partitions 0..{})",
                partition,
                topic,
                count - 1
            ),
            Error::PartitionNotFound { topic, partition, .. } => {
                write!(f, "partition {} does not exist in topic '{}' (it has no partitions)", partition, topic)
            }
            Error::TopicExists { topic, place } => match place {
                Place::Cluster | Place::ClusterOnly | Place::ClusterOrDataDir { .. } => {
                    write!(f, "topic '{}' already exists in the cluster", topic)
                }
                Place::Kafka(b) => write!(f, "topic '{}' already exists on the Kafka cluster at {}", topic, b),
                Place::DataDir(_) | Place::NoDataDir(_) => write!(f, "topic '{}' already exists", topic),
            },
            Error::TopicCollision { topic, existing } => write!(
                f,
                "topic '{}' collides with existing topic '{}' ('.' and '_' are the same to Kafka's metrics)",
                topic, existing
            ),
            Error::PartitionCountDecrease { topic, count, asked } => write!(
                f,
                "topic '{}' has {} partitions; the count can only be increased, not set to {}",
                topic, count, asked
            ),
            Error::PartitionCount { count, max } => {
                write!(f, "a topic needs between 1 and {} partitions, not {}", max, count)
            }
            Error::ReplicationFactor { factor, brokers: None } => {
                write!(f, "replication factor {} must be at least 1", factor)
            }
            Error::ReplicationFactor { factor, brokers: Some(n) } => {
                write!(f, "replication factor {} is larger than the {} registered broker(s)", factor, n)
            }
            Error::ReplicaAssignment { what } => write!(f, "replica assignment: {}", what),
            Error::GroupNotFound { group, place: Place::Kafka(b) } => {
                write!(f, "group '{}' does not exist on the Kafka cluster at {}", group, b)
            }
            Error::GroupNotFound { group, .. } => write!(f, "group '{}' does not exist", group),
            Error::NoResetOffset { group, tp: Some(tp), why } => write!(f, "group {}: {} {}", group, tp, why),
            Error::NoResetOffset { group, tp: None, why } => write!(f, "group {}: a partition {}", group, why),
            Error::Locked { what, path, waited_ms } => write!(
                f,
                "{} is locked by another process (waited {} ms for {})",
                what,
                waited_ms,
                path.display()
            ),
            Error::DataDirNotFound { path, role: None } => write!(f, "data directory {} does not exist", path.display()),
            Error::DataDirNotFound { path, role: Some(r) } => {
                let role = match r {
                    PairRole::Leader => "leader",
                    PairRole::Follower => "follower",
                };
                write!(f, "{} data directory {} does not exist", role, path.display())
            }
            Error::DataDirGone { path } => {
                write!(f, "data directory {} is gone (moved away or unmounted?)", path.display())
            }
            Error::NotADataDir { path } => {
                write!(f, "{} is not a data directory: it has no meta.properties", path.display())
            }
            Error::NotClusterMember { data_dir } => write!(f, "{} is not a cluster member", data_dir.display()),
            Error::InternalTopic { topic, change } => {
                use crate::datadir::TopicChange;
                write!(f, "'{}' is an internal topic and cannot be ", topic)?;
                match change {
                    TopicChange::Create => write!(
                        f,
                        "created (only to match a Kafka broker's, with its topic id; {} with {} partitions)",
                        crate::datadir::CONSUMER_OFFSETS,
                        crate::datadir::CONSUMER_OFFSETS_PARTITIONS
                    ),
                    TopicChange::Repartition => f.write_str("repartitioned"),
                    TopicChange::Delete => f.write_str("deleted"),
                }
            }
            Error::KafkaPartitionNotFound { tp, bootstrap } => {
                write!(f, "{} does not exist on the Kafka cluster at {}", tp, bootstrap)
            }
            Error::NoSuchPartitions { topic, partitions } => {
                write!(f, "topic '{}' has no partition {:?}", topic, partitions)
            }
            Error::BadPlan { fault } => match fault {
                PlanFault::Unparsable(e) => write!(f, "the reassignment plan does not parse: {}", e),
                PlanFault::Empty => f.write_str("the reassignment plan names no partitions"),
                PlanFault::Repeated(tp) => write!(f, "the reassignment plan names {} twice", tp),
                PlanFault::ReplicasNotDistinct(tp) => {
                    write!(f, "{}: the replicas must be distinct and at least one", tp)
                }
            },
            Error::AssignsUnregisteredBroker { broker, named_by } => match named_by {
                NamedBy::BrokerList => {
                    write!(f, "the broker list names broker {}, which is not registered in the cluster", broker)
                }
                NamedBy::Plan(tp) => write!(f, "{}: broker {} is not registered in the cluster", tp, broker),
                NamedBy::NewPartition(p) => {
                    write!(f, "partition {}: broker {} is not registered in the cluster", p, broker)
                }
            },
            Error::NoSubscription { group, kafka: false } => {
                write!(f, "group '{}' has no subscription yet: name the topics to consume", group)
            }
            Error::NoSubscription { group, kafka: true } => write!(
                f,
                "group {}: name the topics to consume (against a Kafka cluster a member subscribes to topics it names)",
                group
            ),
            Error::ReplicateToItself { dir, tp: None } => write!(f, "cannot replicate {} to itself", dir.display()),
            Error::ReplicateToItself { dir, tp: Some(tp) } => {
                write!(f, "cannot replicate {} from {} to itself", tp, dir.display())
            }
            Error::BadBatch { partition, fault } => {
                if let Some(tp) = partition {
                    write!(f, "{}: ", tp)?;
                }
                match fault {
                    BatchFault::Undecodable(why) => f.write_str(why),
                    BatchFault::Invalid(why) => write!(f, "replicated batch is invalid: {}", why),
                    BatchFault::LengthMismatch { declared, bytes } => {
                        write!(f, "batch length {} does not match its {} bytes", declared, bytes)
                    }
                    BatchFault::TooLarge { bytes, max } => {
                        write!(f, "record batch of {} bytes is larger than max.message.bytes ({})", bytes, max)
                    }
                    BatchFault::BelowLogEnd { offset, log_end, dir } => write!(
                        f,
                        "replicated batch at offset {} is below the log end offset {} of {}",
                        offset,
                        log_end,
                        dir.display()
                    ),
                    BatchFault::BelowActiveSegment { offset, segment_base, dir } => write!(
                        f,
                        "replicated batch at offset {} is below the base offset {} of the active segment of {}",
                        offset,
                        segment_base,
                        dir.display()
                    ),
                }
            }
            Error::RecordTooLarge { topic, record, bytes, max } => write!(
                f,
                "record {} of {} bytes is larger than max.message.bytes ({}) of topic '{}'",
                record, bytes, max, topic
            ),
            Error::ChangedWhileDeciding { topic, partition, leader, epoch } => write!(
                f,
                "{}-{} changed while the controller decided (now leader {} at epoch {})",
                topic, partition, leader, epoch
            ),
            Error::NotAReplica { topic, partition, broker, replicas } => {
                write!(f, "{}-{}: broker {} is not a replica (replicas {:?})", topic, partition, broker, replicas)
            }
            Error::DeleteBeyondHighWatermark { topic, partition, offset, hw } => write!(
                f,
                "offset {} is out of range for {}-{}: records can be deleted up to the high watermark {}",
                offset, topic, partition, hw
            ),
            Error::TopicIdMismatch { topic, dir, have, leader } => write!(
                f,
                "topic '{}' in {} has topic id {}, not {} as in its leader: a different topic of the same name",
                topic,
                dir.display(),
                have,
                leader
            ),
            Error::ForeignFile { dir, file } => write!(
                f,
                "{} holds {}, which is not a Kafka partition file; nothing was deleted (move it away first)",
                dir.display(),
                file.display()
            ),
            Error::NotAFollower { follower, leader, topic, partition } => {
                write!(f, "broker {} does not follow broker {} for {}-{}", follower, leader, topic, partition)
            }
            Error::MixedGroupTopics { group, cluster, local } => write!(
                f,
                "group '{}': cluster topics ({}) and topics of this data directory only ({}) cannot share a group",
                group,
                cluster.join(", "),
                local.join(", ")
            ),
            Error::NotADirectory { path } => write!(f, "data directory {} is not a directory", path.display()),
            Error::NotEmpty { path, foreign } => write!(
                f,
                "{} is not empty and not a data directory ({} is neither a partition directory nor a Kafka file); \
                 choose an empty or new directory",
                path.display(),
                foreign.display()
            ),
            Error::DataDirIsBroker { data_dir, broker, asked: Some(a) } => {
                write!(f, "{} already belongs to broker {} (asked for {})", data_dir.display(), broker, a)
            }
            Error::DataDirIsBroker { data_dir, broker, asked: None } => {
                write!(f, "data directory {} is already broker {} of this cluster", data_dir.display(), broker)
            }
            Error::BrokerIdTaken { broker, store, data_dir } => write!(
                f,
                "broker {} is already registered in {} with data directory {}",
                broker,
                store.display(),
                data_dir.display()
            ),
            Error::ClusterMismatch { data_dir, has, wanted, store: None } => write!(
                f,
                "{} belongs to cluster {} (not {}); use an empty data directory",
                data_dir.display(),
                has,
                wanted
            ),
            Error::ClusterMismatch { data_dir, has, wanted, store: Some(s) } => write!(
                f,
                "data directory {} belongs to cluster {}, not {} of metadata store {}",
                data_dir.display(),
                has,
                wanted,
                s.display()
            ),
            Error::OtherMetaStore { data_dir, store } => write!(
                f,
                "{} already belongs to the cluster of metadata store {}",
                data_dir.display(),
                store.display()
            ),
            Error::DifferentClusters { a, b, a_store, b_store } => {
                let name = |s: &Option<PathBuf>| s.as_ref().map_or("none".into(), |p| p.display().to_string());
                write!(
                    f,
                    "{} and {} belong to different clusters (metadata stores {} and {})",
                    a.display(),
                    b.display(),
                    name(a_store),
                    name(b_store)
                )
            }
            Error::NotABroker { data_dir, store: None } => {
                write!(f, "{} is not a broker of the cluster", data_dir.display())
            }
            Error::NotABroker { data_dir, store: Some(s) } => {
                write!(f, "{} is not a broker of the cluster of {}", data_dir.display(), s.display())
            }
            Error::NotAMetaStore { path, snapshot } => write!(
                f,
                "{} is not a klog metadata store: it has no {}",
                path.display(),
                snapshot.display()
            ),
            Error::NotInIsr { topic, partition, broker, isr } => {
                write!(f, "{}-{}: broker {} is not in the ISR {:?}", topic, partition, broker, isr)
            }
            Error::KeylessRecord { topic, record } => {
                write!(f, "compacted topic '{}' cannot accept record {} without a key", topic, record)
            }
            Error::NoBootstrapServers => f.write_str("no bootstrap servers"),
            Error::MirrorPartitionCount { topic, bootstrap, count, source_count, dir: Some(d) } => write!(
                f,
                "topic '{}' has {} partition(s) in {} but {} on the Kafka cluster at {}: a mirror keeps partition numbers",
                topic,
                count,
                d.display(),
                source_count,
                bootstrap
            ),
            Error::MirrorPartitionCount { topic, bootstrap, count, source_count, dir: None } => write!(
                f,
                "topic '{}' has {} partition(s) on the Kafka cluster at {} but {} at the source: a mirror keeps \
                 partition numbers",
                topic, count, bootstrap, source_count
            ),
            Error::NoLeader { topic, partition, needed_for } => match needed_for {
                LeaderFor::Produce => write!(f, "{}-{} has no leader", topic, partition),
                LeaderFor::DeleteRecords => write!(f, "{}-{} is offline (no leader)", topic, partition),
                LeaderFor::Read => write!(f, "{}-{} is offline (no leader in the ISR)", topic, partition),
            },
            Error::NoLeaderInTime { partitions, waited_ms } => {
                write!(f, "no leader could be read for {} within {} ms", partitions.join(", "), waited_ms)
            }
            Error::BrokerUnavailable { broker, path, why } => {
                write!(f, "broker {}: data directory {} is unavailable: {}", broker, path.display(), why)
            }
            Error::ControllerRunning { lock } => write!(f, "another controller holds {}", lock.display()),
            Error::GroupHasMembers { group, members, topic, kafka, state } => {
                write!(f, "group '{}' has {} live member(s) ({})", group, members.len(), members.join(", "))?;
                if let Some(t) = topic {
                    write!(f, " consuming topic '{}'", t)?;
                }
                if let Some(b) = kafka {
                    write!(f, " on the Kafka cluster at {}", b)?;
                }
                if let Some(s) = state {
                    write!(f, " (state {})", s)?;
                }
                f.write_str("; stop them first")
            }
            Error::NoGroupOffsets { group, topic, place } => {
                write!(f, "group '{}' has no offsets for topic '{}'", group, topic)?;
                if let Place::Kafka(b) = place {
                    write!(f, " on the Kafka cluster at {}", b)?;
                }
                Ok(())
            }
            Error::GroupProtocol { group, protocol, asked } => {
                write!(f, "group '{}' uses the {} assignment; this member asked for {}", group, protocol, asked)
            }
            Error::UncutDamage { path, position, what } => {
                write!(f, "corrupt data in {} at byte {}: {}", path.display(), position, what)
            }
            Error::NoLongerReplica { topic, partition, broker } => write!(
                f,
                "{}-{}: broker {} is no longer a replica (reassigned away); its copy was deleted",
                topic, partition, broker
            ),
            Error::FollowerAheadOfLeader { topic, partition, follower, epoch, start_offset, leader, leader_latest } => {
                write!(
                    f,
                    "{}-{}: follower {} has records of leader epoch {} from offset {}, newer than every epoch of leader \
                     {} (latest {}): the leader is stale; refusing to truncate the follower",
                    topic,
                    partition,
                    follower.display(),
                    epoch,
                    start_offset,
                    leader.display(),
                    leader_latest
                )
            }
            Error::ChangedDuringReassignment { topic, partition } => {
                write!(f, "{}-{} changed during the reassignment; run it again", topic, partition)
            }
            Error::BrokerNotRegistered { broker, metadata } => write!(
                f,
                "broker {} is not registered in the cluster{}",
                broker,
                if *metadata { " metadata" } else { "" }
            ),
            Error::PartitionDirNotFound { path, expected: true } => {
                write!(f, "partition directory {} is missing", path.display())
            }
            Error::PartitionDirNotFound { path, expected: false } => {
                write!(f, "partition directory {} does not exist", path.display())
            }
            Error::NoGroupHome => f.write_str("no data directory to keep the group in"),
            Error::StaleIsrChange { topic, partition, epoch, current } => write!(
                f,
                "{}-{}: ISR change decided under leader epoch {}, but the partition is at epoch {}",
                topic, partition, epoch, current
            ),
            Error::LeadershipKeptMoving { topic, partition } => write!(
                f,
                "{}-{}: the leadership kept moving while the records were acknowledged; they are not acknowledged",
                topic, partition
            ),
            Error::LeaderUnreachable { topic, partition, broker } => write!(
                f,
                "{}-{}: the leader, broker {}, became unreachable during replication; the ISR is left as it was",
                topic, partition, broker
            ),
            Error::LeaderDirGone { topic, partition, path } => {
                write!(f, "{}-{}: the leader's data directory {} is gone", topic, partition, path.display())
            }
            Error::BadValue { what, value, why } => match what {
                ValueOf::Offset => write!(f, "invalid offset '{}' ({})", value, why),
                ValueOf::Time => write!(f, "cannot read time '{}' ({})", value, why),
                ValueOf::EpochMs => write!(f, "time {} {}", value, why),
                ValueOf::TopicName => write!(f, "invalid topic name '{}': {}", value, why),
                ValueOf::TopicId => write!(f, "topic id '{}' {}", value, why),
                ValueOf::ConfigPair => write!(f, "config '{}' {}", value, why),
                ValueOf::GroupId => write!(f, "invalid group id '{}': {}", value, why),
            },
            Error::BadLine { file, line, fault } => {
                match file {
                    None => write!(f, "input line {}", line)?,
                    Some(p) => write!(f, "{} line {}", p.display(), line)?,
                }
                match fault {
                    LineFault::NotJson(e) => write!(f, " is not valid JSON: {}", e),
                    LineFault::NotObject => f.write_str(" must be a JSON object"),
                    LineFault::NotClientProperty => f.write_str(": a client property must be written KEY=VALUE"),
                    LineFault::Why(why) => write!(f, ": {}", why),
                }
            }
            Error::BadFormat { text, fault } => match fault {
                FormatFault::BadHexEscape(hex) => write!(f, "bad escape \\x{} in {:?}", hex, text),
                FormatFault::UnknownEscape(c) => write!(f, "unknown escape \\{} in {:?}", c, text),
                FormatFault::LonePercent => write!(f, "format {:?} ends with a lone %", text),
                FormatFault::UnknownToken(c) => {
                    write!(f, "unknown format token %{} in {:?} (known: %t %p %o %k %K %s %S %T %h %%)", c, text)
                }
            },
            Error::NulByte { what, value } => write!(f, "{} '{}' holds a NUL byte", what, value),
            Error::KafkaUnreachable { bootstrap, waited_ms, why } => {
                write!(f, "the Kafka cluster at {} cannot be reached within {} ms", bootstrap, waited_ms)?;
                if let Some(w) = why {
                    write!(f, ": {}", w)?;
                }
                Ok(())
            }
            Error::BadClientProperty { key, why, bootstrap } => {
                write!(f, "client property {}: {} (for the Kafka cluster at {})", key, why, bootstrap)
            }
            Error::KafkaUndelivered { records, topic, bootstrap, fault: Delivery::TimedOut { waited_ms } } => write!(
                f,
                "{} record(s) to topic '{}' were not acknowledged by the Kafka cluster at {} within {} ms",
                records, topic, bootstrap, waited_ms
            ),
            Error::KafkaUndelivered { records, topic, bootstrap, fault: Delivery::Failed(why) } => write!(
                f,
                "{} record(s) to topic '{}' were not delivered to the Kafka cluster at {}: {}",
                records, topic, bootstrap, why
            ),
            Error::HeaderKeyNotUtf8 { at: None } => f.write_str("a header key for a Kafka cluster must be UTF-8"),
            Error::HeaderKeyNotUtf8 { at: Some((tp, offset)) } => {
                write!(f, "{} offset {}: a header key is not UTF-8, which a Kafka cluster cannot take", tp, offset)
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::Stream(e) => Some(e),
            _ => None,
        }
    }
}

/// Shorthand for `Error::Usage(format!(..))`.
#[macro_export]
macro_rules! usage {
    ($($arg:tt)*) => { $crate::error::Error::Usage(format!($($arg)*)) };
}

/// Shorthand for `Error::Invalid(format!(..))`.
#[macro_export]
macro_rules! invalid {
    ($($arg:tt)*) => { $crate::error::Error::Invalid(format!($($arg)*)) };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> PathBuf {
        PathBuf::from(s)
    }

    /// Each kind prints the one line its string used to be (the command line adds its hints).
    #[test]
    fn typed_kinds_print_the_messages_they_replace() {
        let cases: Vec<(Error, &str)> = vec![
            (
                Error::TopicNotFound { topic: "t".into(), place: Place::DataDir(p("/d")) },
                "topic 't' does not exist in /d",
            ),
            (
                Error::TopicNotFound { topic: "t".into(), place: Place::NoDataDir(p("/d")) },
                "topic 't' does not exist: there is no data directory /d",
            ),
            (
                Error::TopicNotFound { topic: "t".into(), place: Place::Cluster },
                "topic 't' is not in the cluster metadata",
            ),
            (
                Error::TopicNotFound { topic: "t".into(), place: Place::ClusterOnly },
                "topic 't' is not in the cluster metadata (and there is no data directory)",
            ),
            (
                Error::TopicNotFound {
                    topic: "t".into(),
                    place: Place::ClusterOrDataDir { store: p("/m"), data_dir: p("/d") },
                },
                "topic 't' is neither in the cluster of metadata store /m nor in data directory /d",
            ),
            (
                Error::TopicNotFound { topic: "t".into(), place: Place::Kafka("h:9092".into()) },
                "topic 't' does not exist on the Kafka cluster at h:9092",
            ),
            (
                Error::PartitionNotFound { topic: "t".into(), partition: 3, count: 3 },
                "partition 3 does not exist in topic 't' (it has partitions 0..2)",
            ),
            (
                Error::PartitionNotFound { topic: "t".into(), partition: 0, count: 0 },
                "partition 0 does not exist in topic 't' (it has no partitions)",
            ),
            (Error::TopicExists { topic: "t".into(), place: Place::DataDir(p("/d")) }, "topic 't' already exists"),
            (
                Error::TopicExists { topic: "t".into(), place: Place::Cluster },
                "topic 't' already exists in the cluster",
            ),
            (
                Error::TopicExists { topic: "t".into(), place: Place::Kafka("h:9092".into()) },
                "topic 't' already exists on the Kafka cluster at h:9092",
            ),
            (
                Error::TopicCollision { topic: "a.b".into(), existing: "a_b".into() },
                "topic 'a.b' collides with existing topic 'a_b' ('.' and '_' are the same to Kafka's metrics)",
            ),
            (
                Error::PartitionCountDecrease { topic: "t".into(), count: 3, asked: 2 },
                "topic 't' has 3 partitions; the count can only be increased, not set to 2",
            ),
            (Error::PartitionCount { count: 0, max: 10000 }, "a topic needs between 1 and 10000 partitions, not 0"),
            (Error::ReplicationFactor { factor: 0, brokers: None }, "replication factor 0 must be at least 1"),
            (
                Error::ReplicationFactor { factor: 4, brokers: Some(3) },
                "replication factor 4 is larger than the 3 registered broker(s)",
            ),
            (
                Error::ReplicaAssignment { what: "partition 1 repeats a broker".into() },
                "replica assignment: partition 1 repeats a broker",
            ),
            (Error::GroupNotFound { group: "g".into(), place: Place::DataDir(p("/d")) }, "group 'g' does not exist"),
            (
                Error::GroupNotFound { group: "g".into(), place: Place::Kafka("h:9092".into()) },
                "group 'g' does not exist on the Kafka cluster at h:9092",
            ),
            (
                Error::NoResetOffset {
                    group: "g".into(),
                    tp: Some(crate::TopicPartition::new("t", 1)),
                    why: "has no committed offset".into(),
                },
                "group g: t-1 has no committed offset",
            ),
            (
                Error::NoResetOffset { group: "g".into(), tp: None, why: "has no committed offset".into() },
                "group g: a partition has no committed offset",
            ),
            (
                Error::StaleController {
                    pid: 42,
                    epoch: crate::ControllerEpoch(1),
                    current: crate::ControllerEpoch(2),
                },
                "stale controller epoch: this controller (pid 42) was elected at controller epoch 1, the store is at 2",
            ),
            (
                Error::Locked { what: "partition t-0".into(), path: p("/d/.klog/l"), waited_ms: 30 },
                "partition t-0 is locked by another process (waited 30 ms for /d/.klog/l)",
            ),
            (Error::DataDirNotFound { path: p("/d"), role: None }, "data directory /d does not exist"),
            (
                Error::DataDirNotFound { path: p("/d"), role: Some(PairRole::Leader) },
                "leader data directory /d does not exist",
            ),
            (
                Error::DataDirNotFound { path: p("/d"), role: Some(PairRole::Follower) },
                "follower data directory /d does not exist",
            ),
            (Error::DataDirGone { path: p("/d") }, "data directory /d is gone (moved away or unmounted?)"),
            (Error::NotADataDir { path: p("/d") }, "/d is not a data directory: it has no meta.properties"),
            (Error::NotClusterMember { data_dir: p("/d") }, "/d is not a cluster member"),
            (Error::NotADirectory { path: p("/d") }, "data directory /d is not a directory"),
            (
                Error::ChangedWhileDeciding {
                    topic: "t".into(),
                    partition: 0,
                    leader: 2,
                    epoch: crate::LeaderEpoch(5),
                },
                "t-0 changed while the controller decided (now leader 2 at epoch 5)",
            ),
            (
                Error::NotAReplica { topic: "t".into(), partition: 0, broker: 3, replicas: vec![0, 1] },
                "t-0: broker 3 is not a replica (replicas [0, 1])",
            ),
            (
                Error::DeleteBeyondHighWatermark { topic: "t".into(), partition: 0, offset: 9, hw: 4 },
                "offset 9 is out of range for t-0: records can be deleted up to the high watermark 4",
            ),
            (
                Error::TopicIdMismatch { topic: "t".into(), dir: p("/d"), have: "a".into(), leader: "b".into() },
                "topic 't' in /d has topic id a, not b as in its leader: a different topic of the same name",
            ),
            (
                Error::ForeignFile { dir: p("/d/t-0"), file: p("/d/t-0/x") },
                "/d/t-0 holds /d/t-0/x, which is not a Kafka partition file; nothing was deleted (move it away first)",
            ),
            (
                Error::NotAFollower { follower: 1, leader: 0, topic: "t".into(), partition: 2 },
                "broker 1 does not follow broker 0 for t-2",
            ),
            (
                Error::MixedGroupTopics { group: "g".into(), cluster: vec!["a".into()], local: vec!["b".into(), "c".into()] },
                "group 'g': cluster topics (a) and topics of this data directory only (b, c) cannot share a group",
            ),
            (
                Error::BadValue {
                    what: ValueOf::GroupId,
                    value: "a b".into(),
                    why: "use 1 to 249 characters of [a-zA-Z0-9._-], not '.' or '..'".into(),
                },
                "invalid group id 'a b': use 1 to 249 characters of [a-zA-Z0-9._-], not '.' or '..'",
            ),
            (
                Error::NoSubscription { group: "g".into(), kafka: false },
                "group 'g' has no subscription yet: name the topics to consume",
            ),
            (
                Error::NoSubscription { group: "g".into(), kafka: true },
                "group g: name the topics to consume (against a Kafka cluster a member subscribes to topics it names)",
            ),
            (Error::ReplicateToItself { dir: p("/d"), tp: None }, "cannot replicate /d to itself"),
            (
                Error::ReplicateToItself { dir: p("/d"), tp: Some("t-0".into()) },
                "cannot replicate t-0 from /d to itself",
            ),
            (
                Error::RecordTooLarge { topic: "t".into(), record: 3, bytes: 2000, max: 1000 },
                "record 3 of 2000 bytes is larger than max.message.bytes (1000) of topic 't'",
            ),
            (
                Error::BadBatch { partition: None, fault: BatchFault::TooLarge { bytes: 2000, max: 1000 } },
                "record batch of 2000 bytes is larger than max.message.bytes (1000)",
            ),
            (
                Error::BadBatch {
                    partition: Some("t-0".into()),
                    fault: BatchFault::BelowLogEnd { offset: 3, log_end: 5, dir: p("/d/t-0") },
                },
                "t-0: replicated batch at offset 3 is below the log end offset 5 of /d/t-0",
            ),
            (
                Error::BadBatch { partition: None, fault: BatchFault::LengthMismatch { declared: 70, bytes: 61 } },
                "batch length 70 does not match its 61 bytes",
            ),
            (
                Error::BadBatch { partition: Some("t-1".into()), fault: BatchFault::Invalid("CRC mismatch".into()) },
                "t-1: replicated batch is invalid: CRC mismatch",
            ),
            (
                Error::InternalTopic { topic: "__consumer_offsets".into(), change: crate::datadir::TopicChange::Create },
                "'__consumer_offsets' is an internal topic and cannot be created (only to match a Kafka broker's, with \
                 its topic id; __consumer_offsets with 50 partitions)",
            ),
            (
                Error::InternalTopic {
                    topic: "__cluster_metadata".into(),
                    change: crate::datadir::TopicChange::Repartition,
                },
                "'__cluster_metadata' is an internal topic and cannot be repartitioned",
            ),
            (
                Error::InternalTopic { topic: "__transaction_state".into(), change: crate::datadir::TopicChange::Delete },
                "'__transaction_state' is an internal topic and cannot be deleted",
            ),
            (
                Error::KafkaPartitionNotFound { tp: crate::TopicPartition::new("t", 4), bootstrap: "h:9092".into() },
                "t-4 does not exist on the Kafka cluster at h:9092",
            ),
            (Error::NoSuchPartitions { topic: "t".into(), partitions: vec![1, 5] }, "topic 't' has no partition [1, 5]"),
            (
                Error::BadPlan { fault: PlanFault::Unparsable("EOF while parsing".into()) },
                "the reassignment plan does not parse: EOF while parsing",
            ),
            (Error::BadPlan { fault: PlanFault::Empty }, "the reassignment plan names no partitions"),
            (
                Error::BadPlan { fault: PlanFault::Repeated(crate::TopicPartition::new("t", 0)) },
                "the reassignment plan names t-0 twice",
            ),
            (
                Error::BadPlan { fault: PlanFault::ReplicasNotDistinct(crate::TopicPartition::new("t", 0)) },
                "t-0: the replicas must be distinct and at least one",
            ),
            (
                Error::AssignsUnregisteredBroker { broker: 9, named_by: NamedBy::BrokerList },
                "the broker list names broker 9, which is not registered in the cluster",
            ),
            (
                Error::AssignsUnregisteredBroker {
                    broker: 9,
                    named_by: NamedBy::Plan(crate::TopicPartition::new("t", 0)),
                },
                "t-0: broker 9 is not registered in the cluster",
            ),
            (
                Error::AssignsUnregisteredBroker { broker: 9, named_by: NamedBy::NewPartition(2) },
                "partition 2: broker 9 is not registered in the cluster",
            ),
            (
                Error::NotEmpty { path: p("/d"), foreign: p("/d/x") },
                "/d is not empty and not a data directory (/d/x is neither a partition directory nor a Kafka file); \
                 choose an empty or new directory",
            ),
            (
                Error::DataDirIsBroker { data_dir: p("/d"), broker: "1".into(), asked: Some(2) },
                "/d already belongs to broker 1 (asked for 2)",
            ),
            (
                Error::DataDirIsBroker { data_dir: p("/d"), broker: "1".into(), asked: None },
                "data directory /d is already broker 1 of this cluster",
            ),
            (
                Error::BrokerIdTaken { broker: 1, store: p("/m"), data_dir: p("/b1") },
                "broker 1 is already registered in /m with data directory /b1",
            ),
            (
                Error::ClusterMismatch { data_dir: p("/d"), has: "a".into(), wanted: "b".into(), store: None },
                "/d belongs to cluster a (not b); use an empty data directory",
            ),
            (
                Error::ClusterMismatch { data_dir: p("/d"), has: "a".into(), wanted: "b".into(), store: Some(p("/m")) },
                "data directory /d belongs to cluster a, not b of metadata store /m",
            ),
            (
                Error::OtherMetaStore { data_dir: p("/d"), store: p("/m") },
                "/d already belongs to the cluster of metadata store /m",
            ),
            (
                Error::DifferentClusters { a: p("/a"), b: p("/b"), a_store: Some(p("/m")), b_store: None },
                "/a and /b belong to different clusters (metadata stores /m and none)",
            ),
            (Error::NotABroker { data_dir: p("/d"), store: None }, "/d is not a broker of the cluster"),
            (
                Error::NotABroker { data_dir: p("/d"), store: Some(p("/m")) },
                "/d is not a broker of the cluster of /m",
            ),
            (
                Error::NotAMetaStore { path: p("/m"), snapshot: p(".klog-meta/snapshot.json") },
                "/m is not a klog metadata store: it has no .klog-meta/snapshot.json",
            ),
            (
                Error::NotInIsr { topic: "t".into(), partition: 0, broker: 2, isr: vec![0, 1] },
                "t-0: broker 2 is not in the ISR [0, 1]",
            ),
            (
                Error::KeylessRecord { topic: "t".into(), record: 7 },
                "compacted topic 't' cannot accept record 7 without a key",
            ),
            (Error::NoBootstrapServers, "no bootstrap servers"),
            (
                Error::MirrorPartitionCount {
                    topic: "t".into(),
                    bootstrap: "h:9092".into(),
                    count: 2,
                    source_count: 3,
                    dir: None,
                },
                "topic 't' has 2 partition(s) on the Kafka cluster at h:9092 but 3 at the source: a mirror keeps \
                 partition numbers",
            ),
            (
                Error::NoLeader { topic: "t".into(), partition: 1, needed_for: LeaderFor::Produce },
                "t-1 has no leader",
            ),
            (
                Error::NoLeader { topic: "t".into(), partition: 1, needed_for: LeaderFor::DeleteRecords },
                "t-1 is offline (no leader)",
            ),
            (
                Error::NoLeader { topic: "t".into(), partition: 1, needed_for: LeaderFor::Read },
                "t-1 is offline (no leader in the ISR)",
            ),
            (
                Error::NoLeaderInTime { partitions: vec!["t-0".into(), "t-1".into()], waited_ms: 300 },
                "no leader could be read for t-0, t-1 within 300 ms",
            ),
            (
                Error::BrokerUnavailable { broker: 2, path: p("/b2"), why: "no meta.properties".into() },
                "broker 2: data directory /b2 is unavailable: no meta.properties",
            ),
            (Error::ControllerRunning { lock: p("/m/controller.lock") }, "another controller holds /m/controller.lock"),
            (
                Error::GroupHasMembers {
                    group: "g".into(),
                    members: vec!["a".into(), "b".into()],
                    topic: None,
                    kafka: None,
                    state: None,
                },
                "group 'g' has 2 live member(s) (a, b); stop them first",
            ),
            (
                Error::GroupHasMembers {
                    group: "g".into(),
                    members: vec!["a".into()],
                    topic: None,
                    kafka: Some("h:9092".into()),
                    state: Some("Stable"),
                },
                "group 'g' has 1 live member(s) (a) on the Kafka cluster at h:9092 (state Stable); stop them first",
            ),
            (
                Error::GroupHasMembers {
                    group: "g".into(),
                    members: vec!["a".into()],
                    topic: Some("t".into()),
                    kafka: Some("h:9092".into()),
                    state: None,
                },
                "group 'g' has 1 live member(s) (a) consuming topic 't' on the Kafka cluster at h:9092; stop them first",
            ),
            (
                Error::NoGroupOffsets { group: "g".into(), topic: "t".into(), place: Place::DataDir(p("/d")) },
                "group 'g' has no offsets for topic 't'",
            ),
            (
                Error::NoGroupOffsets { group: "g".into(), topic: "t".into(), place: Place::Kafka("h:9092".into()) },
                "group 'g' has no offsets for topic 't' on the Kafka cluster at h:9092",
            ),
            (
                Error::GroupProtocol { group: "g".into(), protocol: "range".into(), asked: "roundrobin".into() },
                "group 'g' uses the range assignment; this member asked for roundrobin",
            ),
            (
                Error::UncutDamage { path: p("/d/t-0/0.log"), position: 61, what: "bad CRC".into() },
                "corrupt data in /d/t-0/0.log at byte 61: bad CRC",
            ),
            (
                Error::NoLongerReplica { topic: "t".into(), partition: 0, broker: 2 },
                "t-0: broker 2 is no longer a replica (reassigned away); its copy was deleted",
            ),
            (
                Error::FollowerAheadOfLeader {
                    topic: "t".into(),
                    partition: 0,
                    follower: p("/f"),
                    epoch: 5,
                    start_offset: 40,
                    leader: p("/l"),
                    leader_latest: 3,
                },
                "t-0: follower /f has records of leader epoch 5 from offset 40, newer than every epoch of leader /l \
                 (latest 3): the leader is stale; refusing to truncate the follower",
            ),
            (
                Error::ChangedDuringReassignment { topic: "t".into(), partition: 1 },
                "t-1 changed during the reassignment; run it again",
            ),
            (
                Error::BrokerNotRegistered { broker: 4, metadata: true },
                "broker 4 is not registered in the cluster metadata",
            ),
            (Error::BrokerNotRegistered { broker: 4, metadata: false }, "broker 4 is not registered in the cluster"),
            (
                Error::PartitionDirNotFound { path: p("/d/t-0"), expected: true },
                "partition directory /d/t-0 is missing",
            ),
            (
                Error::PartitionDirNotFound { path: p("/d/t-0"), expected: false },
                "partition directory /d/t-0 does not exist",
            ),
            (Error::NoGroupHome, "no data directory to keep the group in"),
            (
                Error::StaleIsrChange {
                    topic: "t".into(),
                    partition: 0,
                    epoch: crate::LeaderEpoch(3),
                    current: crate::LeaderEpoch(4),
                },
                "t-0: ISR change decided under leader epoch 3, but the partition is at epoch 4",
            ),
            (
                Error::LeadershipKeptMoving { topic: "t".into(), partition: 0 },
                "t-0: the leadership kept moving while the records were acknowledged; they are not acknowledged",
            ),
            (
                Error::LeaderUnreachable { topic: "t".into(), partition: 0, broker: 1 },
                "t-0: the leader, broker 1, became unreachable during replication; the ISR is left as it was",
            ),
            (
                Error::LeaderDirGone { topic: "t".into(), partition: 0, path: p("/b1") },
                "t-0: the leader's data directory /b1 is gone",
            ),
            (
                Error::BadValue { what: ValueOf::Offset, value: "x".into(), why: "use beginning, end".into() },
                "invalid offset 'x' (use beginning, end)",
            ),
            (
                Error::BadValue { what: ValueOf::Time, value: "x".into(), why: "use epoch ms".into() },
                "cannot read time 'x' (use epoch ms)",
            ),
            (
                Error::BadValue { what: ValueOf::EpochMs, value: "-5".into(), why: "must not be negative".into() },
                "time -5 must not be negative",
            ),
            (
                Error::BadValue { what: ValueOf::TopicName, value: "".into(), why: "it is empty".into() },
                "invalid topic name '': it is empty",
            ),
            (
                Error::BadValue { what: ValueOf::TopicId, value: "x".into(), why: "is reserved by Kafka".into() },
                "topic id 'x' is reserved by Kafka",
            ),
            (
                Error::BadValue { what: ValueOf::ConfigPair, value: "x".into(), why: "must be written key=value".into() },
                "config 'x' must be written key=value",
            ),
            (
                Error::BadLine { file: None, line: 3, fault: LineFault::NotJson("EOF".into()) },
                "input line 3 is not valid JSON: EOF",
            ),
            (Error::BadLine { file: None, line: 3, fault: LineFault::NotObject }, "input line 3 must be a JSON object"),
            (
                Error::BadLine { file: None, line: 3, fault: LineFault::Why("unknown field \"x\"".into()) },
                "input line 3: unknown field \"x\"",
            ),
            (
                Error::BadLine {
                    file: Some(p("/plan.csv")),
                    line: 2,
                    fault: LineFault::Why("expected topic,partition,offset".into()),
                },
                "/plan.csv line 2: expected topic,partition,offset",
            ),
            (
                Error::BadFormat { text: "a\\xzz".into(), fault: FormatFault::BadHexEscape("zz".into()) },
                "bad escape \\xzz in \"a\\\\xzz\"",
            ),
            (
                Error::BadFormat { text: "\\q".into(), fault: FormatFault::UnknownEscape('q') },
                "unknown escape \\q in \"\\\\q\"",
            ),
            (Error::BadFormat { text: "%s%".into(), fault: FormatFault::LonePercent }, "format \"%s%\" ends with a lone %"),
            (
                Error::BadFormat { text: "%q".into(), fault: FormatFault::UnknownToken('q') },
                "unknown format token %q in \"%q\" (known: %t %p %o %k %K %s %S %T %h %%)",
            ),
            (
                Error::MirrorPartitionCount {
                    topic: "t".into(),
                    bootstrap: "h:9092".into(),
                    count: 2,
                    source_count: 3,
                    dir: Some(p("/d")),
                },
                "topic 't' has 2 partition(s) in /d but 3 on the Kafka cluster at h:9092: a mirror keeps partition numbers",
            ),
            (
                Error::BadLine { file: Some(p("/c.properties")), line: 4, fault: LineFault::NotClientProperty },
                "/c.properties line 4: a client property must be written KEY=VALUE",
            ),
            (Error::NulByte { what: "group id", value: "a\\0b".into() }, "group id 'a\\0b' holds a NUL byte"),
            (
                Error::KafkaUnreachable { bootstrap: "h:9092".into(), waited_ms: 5000, why: None },
                "the Kafka cluster at h:9092 cannot be reached within 5000 ms",
            ),
            (
                Error::KafkaUnreachable { bootstrap: "h:9092".into(), waited_ms: 5000, why: Some("refused".into()) },
                "the Kafka cluster at h:9092 cannot be reached within 5000 ms: refused",
            ),
            (
                Error::BadClientProperty { key: "acks".into(), why: "invalid value".into(), bootstrap: "h:9092".into() },
                "client property acks: invalid value (for the Kafka cluster at h:9092)",
            ),
            (
                Error::KafkaUndelivered {
                    records: 2,
                    topic: "t".into(),
                    bootstrap: "h:9092".into(),
                    fault: Delivery::TimedOut { waited_ms: 30000 },
                },
                "2 record(s) to topic 't' were not acknowledged by the Kafka cluster at h:9092 within 30000 ms",
            ),
            (
                Error::KafkaUndelivered {
                    records: 1,
                    topic: "t".into(),
                    bootstrap: "h:9092".into(),
                    fault: Delivery::Failed("Broker: Message size too large".into()),
                },
                "1 record(s) to topic 't' were not delivered to the Kafka cluster at h:9092: Broker: Message size too large",
            ),
            (Error::HeaderKeyNotUtf8 { at: None }, "a header key for a Kafka cluster must be UTF-8"),
            (
                Error::HeaderKeyNotUtf8 { at: Some((crate::TopicPartition::new("t", 1), 7)) },
                "t-1 offset 7: a header key is not UTF-8, which a Kafka cluster cannot take",
            ),
        ];
        for (e, want) in cases {
            assert_eq!(e.to_string(), want, "{:?}", e);
        }
    }

    /// The core's messages state facts: none names a flag or a command to run.
    #[test]
    fn typed_kinds_name_no_flag() {
        let errors = [
            Error::PartitionCount { count: 0, max: 1 },
            Error::ReplicationFactor { factor: 0, brokers: None },
            Error::ReplicaAssignment { what: "x".into() },
            Error::NotInIsr { topic: "t".into(), partition: 0, broker: 2, isr: vec![0] },
            Error::NoBootstrapServers,
            Error::DataDirNotFound { path: p("/d"), role: None },
            Error::NotAMetaStore { path: p("/m"), snapshot: p("s") },
        ];
        for e in errors {
            let s = e.to_string();
            assert!(!s.contains("--") && !s.contains("`klog") && !s.contains("klog init"), "{s}");
        }
    }
}
