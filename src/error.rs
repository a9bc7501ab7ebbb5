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
    /// An offset outside a partition's valid range `start..end`.
    OffsetOutOfRange { topic: String, partition: i32, offset: i64, start: i64, end: i64 },
    /// A topic config that does not exist (`value` None) or a value it does not accept.
    InvalidConfig { key: String, value: Option<String>, reason: String },
    /// An operating-system error, with the path it happened on.
    Io { path: PathBuf, op: &'static str, source: io::Error },
    /// A stream error without a path (stdin, stdout).
    Stream(io::Error),
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn io(op: &'static str, path: &Path, source: io::Error) -> Error {
        Error::Io { path: path.to_path_buf(), op, source }
    }

    pub fn corrupt(path: &Path, position: u64, what: impl Into<String>) -> Error {
        Error::Corrupt { path: path.to_path_buf(), position, what: what.into() }
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
