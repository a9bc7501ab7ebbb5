//! Topic configurations: Kafka's topic-config names, each validated by type and range, stored
//! as strings and read through typed accessors.

use crate::error::{Error, Result, ValueOf};
use crate::log::LogConfig;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy)]
enum Kind {
    /// An integer in `[min, max]`.
    Int {
        min: i64,
        max: i64,
    },
    /// A fractional number in `[min, max]`.
    Ratio {
        min: f64,
        max: f64,
    },
    Bool,
    /// One of a fixed set of values.
    Choice(&'static [&'static str]),
    /// A comma-separated list drawn from a fixed set.
    List(&'static [&'static str]),
    /// Free text (a replica list and the like).
    Text,
}

struct Def {
    name: &'static str,
    kind: Kind,
    default: &'static str,
    doc: &'static str,
}

const I32: i64 = i32::MAX as i64;

/// Kafka's test-only topic config that overrides `segment.bytes` without its 1 MiB minimum.
/// Internal configs are listed only where a topic sets them.
const INTERNAL_SEGMENT_BYTES: &str = "internal.segment.bytes";

fn is_internal(name: &str) -> bool {
    name.starts_with("internal.")
}
const I64: i64 = i64::MAX;

const DEFS: &[Def] = &[
    Def {
        name: "cleanup.policy",
        kind: Kind::List(&["delete", "compact"]),
        default: "delete",
        doc: "delete old segments, compact by key, or both",
    },
    Def {
        name: "compression.type",
        kind: Kind::Choice(&["producer", "uncompressed", "gzip", "snappy", "lz4", "zstd"]),
        default: "producer",
        doc: "codec for produced batches (producer: as the producer chose)",
    },
    Def {
        name: "delete.retention.ms",
        kind: Kind::Int { min: 0, max: I64 },
        default: "86400000",
        doc: "how long tombstones stay after compaction",
    },
    Def {
        name: "file.delete.delay.ms",
        kind: Kind::Int { min: 0, max: I64 },
        default: "60000",
        doc: "delay before deleting a .deleted file",
    },
    Def {
        name: "flush.messages",
        kind: Kind::Int { min: 1, max: I64 },
        default: "9223372036854775807",
        doc: "fsync after this many records of long-running input",
    },
    Def {
        name: "flush.ms",
        kind: Kind::Int { min: 0, max: I64 },
        default: "9223372036854775807",
        doc: "fsync after this many ms of long-running input",
    },
    Def {
        name: "index.interval.bytes",
        kind: Kind::Int { min: 0, max: I32 },
        default: "4096",
        doc: "bytes of log between offset-index entries",
    },
    Def {
        name: "max.compaction.lag.ms",
        kind: Kind::Int { min: 1, max: I64 },
        default: "9223372036854775807",
        doc: "longest a record stays uncompacted",
    },
    Def {
        name: "max.message.bytes",
        kind: Kind::Int { min: 0, max: I32 },
        default: "1048588",
        doc: "largest record batch accepted",
    },
    Def {
        name: "message.timestamp.type",
        kind: Kind::Choice(&["CreateTime", "LogAppendTime"]),
        default: "CreateTime",
        doc: "record time: the producer's, or the append time",
    },
    Def {
        name: "min.cleanable.dirty.ratio",
        kind: Kind::Ratio { min: 0.0, max: 1.0 },
        default: "0.5",
        doc: "dirty share of a log that triggers compaction",
    },
    Def {
        name: "min.compaction.lag.ms",
        kind: Kind::Int { min: 0, max: I64 },
        default: "0",
        doc: "shortest a record stays uncompacted",
    },
    Def {
        name: "min.insync.replicas",
        kind: Kind::Int { min: 1, max: I32 },
        default: "1",
        doc: "replicas that must hold a record for acks=all",
    },
    Def {
        name: "replica.lag.time.max.ms",
        kind: Kind::Int { min: 0, max: I64 },
        default: "30000",
        doc: "a follower not caught up for this long leaves the ISR (a broker config in Kafka)",
    },
    Def {
        name: "preallocate",
        kind: Kind::Bool,
        default: "false",
        doc: "preallocate segment files (accepted, not used)",
    },
    Def {
        name: "retention.bytes",
        kind: Kind::Int { min: i64::MIN, max: I64 },
        default: "-1",
        doc: "partition size above which old segments go (-1: no limit)",
    },
    Def {
        name: "retention.ms",
        kind: Kind::Int { min: -1, max: I64 },
        default: "604800000",
        doc: "age after which segments go (-1: keep forever)",
    },
    Def {
        name: "segment.bytes",
        // Kafka 4's minimum (KIP-1030); smaller segments are for tests: internal.segment.bytes.
        kind: Kind::Int { min: 1_048_576, max: I32 },
        default: "1073741824",
        doc: "segment size at which the log rolls",
    },
    Def {
        name: INTERNAL_SEGMENT_BYTES,
        kind: Kind::Int { min: 14, max: I32 },
        default: "",
        doc: "for tests, as in Kafka: a segment size below segment.bytes' 1 MiB minimum, used instead of it",
    },
    Def {
        name: "segment.index.bytes",
        kind: Kind::Int { min: 4, max: I32 },
        default: "10485760",
        doc: "index size at which the log rolls",
    },
    Def {
        name: "segment.jitter.ms",
        kind: Kind::Int { min: 0, max: I64 },
        default: "0",
        doc: "random reduction of segment.ms",
    },
    Def {
        name: "segment.ms",
        kind: Kind::Int { min: 1, max: I64 },
        default: "604800000",
        doc: "segment age at which the log rolls",
    },
    Def {
        name: "unclean.leader.election.enable",
        kind: Kind::Bool,
        default: "false",
        doc: "allow an out-of-sync replica to lead",
    },
    Def {
        name: "message.timestamp.before.max.ms",
        kind: Kind::Int { min: 0, max: I64 },
        default: "9223372036854775807",
        doc: "accepted age of a record timestamp",
    },
    Def {
        name: "message.timestamp.after.max.ms",
        kind: Kind::Int { min: 0, max: I64 },
        default: "9223372036854775807",
        doc: "accepted lead of a record timestamp",
    },
    Def { name: "leader.replication.throttled.replicas", kind: Kind::Text, default: "", doc: "accepted, not used" },
    Def { name: "follower.replication.throttled.replicas", kind: Kind::Text, default: "", doc: "accepted, not used" },
];

fn def(name: &str) -> Option<&'static Def> {
    DEFS.iter().find(|d| d.name == name)
}

/// Every config name klog knows, with its default and a line of help.
pub fn known_configs() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    DEFS.iter().filter(|d| !is_internal(d.name)).map(|d| (d.name, d.default, d.doc))
}

/// Checks one `key=value` against its definition; returns the normalised value.
pub fn validate(key: &str, value: &str) -> Result<String> {
    let d =
        def(key).ok_or_else(|| Error::InvalidConfig { key: key.to_string(), value: None, reason: String::new() })?;
    let bad = |why: String| Error::InvalidConfig { key: key.to_string(), value: Some(value.to_string()), reason: why };
    match d.kind {
        Kind::Int { min, max } => {
            let n: i64 = value.trim().parse().map_err(|_| bad("not an integer".into()))?;
            if n < min || n > max {
                return Err(bad(format!("must be between {} and {}", min, max)));
            }
            Ok(n.to_string())
        }
        Kind::Ratio { min, max } => {
            let x: f64 = value.trim().parse().map_err(|_| bad("not a number".into()))?;
            if !(min..=max).contains(&x) {
                return Err(bad(format!("must be between {} and {}", min, max)));
            }
            Ok(value.trim().to_string())
        }
        Kind::Bool => match value.trim().to_ascii_lowercase().as_str() {
            v @ ("true" | "false") => Ok(v.to_string()),
            _ => Err(bad("must be true or false".into())),
        },
        Kind::Choice(choices) => choices
            .iter()
            .find(|c| c.eq_ignore_ascii_case(value.trim()))
            .map(|c| c.to_string())
            .ok_or_else(|| bad(format!("must be one of {}", choices.join(", ")))),
        Kind::List(choices) => {
            let items: Vec<&str> = value.split(',').map(str::trim).collect();
            if items.is_empty() || items.iter().any(|i| !choices.contains(i)) {
                return Err(bad(format!("must be a comma-separated list of {}", choices.join(", "))));
            }
            Ok(items.join(","))
        }
        Kind::Text => Ok(value.to_string()),
    }
}

/// Parses `key=value`.
pub fn parse_assignment(kv: &str) -> Result<(String, String)> {
    let (k, v) = kv.split_once('=').ok_or_else(|| Error::BadValue {
        what: ValueOf::ConfigPair,
        value: kv.to_string(),
        why: "must be written key=value".into(),
    })?;
    let k = k.trim().to_string();
    let v = validate(&k, v)?;
    Ok((k, v))
}

/// A topic's configuration overrides, with Kafka's defaults behind them.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TopicConfig {
    pub overrides: BTreeMap<String, String>,
}

impl TopicConfig {
    pub fn get(&self, key: &str) -> &str {
        match self.overrides.get(key) {
            Some(v) => v,
            None => def(key).map_or("", |d| d.default),
        }
    }

    pub fn get_i64(&self, key: &str) -> i64 {
        let fallback = def(key).and_then(|d| d.default.parse().ok()).unwrap_or(0);
        self.get(key).parse().unwrap_or(fallback)
    }

    /// Every config with its effective value and whether it is an override.
    pub fn effective(&self) -> Vec<(String, String, bool)> {
        DEFS.iter()
            .filter(|d| !is_internal(d.name) || self.overrides.contains_key(d.name))
            .map(|d| (d.name.to_string(), self.get(d.name).to_string(), self.overrides.contains_key(d.name)))
            .collect()
    }

    /// Kafka's `LogConfig.maxSegmentMs`: a compacted topic rolls by `max.compaction.lag.ms` too,
    /// so that no record stays in the (never cleaned) active segment longer than the lag allows.
    pub fn max_segment_ms(&self) -> i64 {
        let segment_ms = self.get_i64("segment.ms");
        let compact = self.get("cleanup.policy").split(',').any(|p| p.trim() == "compact");
        let lag = self.get_i64("max.compaction.lag.ms");
        if compact && lag > 0 {
            segment_ms.min(lag)
        } else {
            segment_ms
        }
    }

    pub fn log_config(&self) -> LogConfig {
        LogConfig {
            // As Kafka's LogConfig.segmentSize: internal.segment.bytes when set. Values read from
            // disk are not validated again (a topic from before the 1 MiB minimum keeps its size).
            segment_bytes: self
                .overrides
                .get(INTERNAL_SEGMENT_BYTES)
                .and_then(|v| v.parse::<i64>().ok())
                .unwrap_or_else(|| self.get_i64("segment.bytes"))
                .max(14) as u64,
            segment_ms: self.max_segment_ms(),
            segment_index_bytes: self.get_i64("segment.index.bytes").max(12) as u64,
            index_interval_bytes: self.get_i64("index.interval.bytes").max(0) as u64,
            max_message_bytes: self.get_i64("max.message.bytes").max(0) as usize,
            flush_messages: self.get_i64("flush.messages"),
            flush_ms: self.get_i64("flush.ms"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_names_the_problem() {
        assert_eq!(validate("retention.ms", "1000").unwrap(), "1000");
        assert!(validate("retention.ms", "-2").unwrap_err().to_string().contains("retention.ms"));
        assert!(validate("retention.ms", "soon").is_err());
        assert!(validate("retention.msx", "1")
            .unwrap_err()
            .to_string()
            .contains("unknown topic config 'retention.msx'"));
        assert_eq!(validate("cleanup.policy", "compact, delete").unwrap(), "compact,delete");
        assert!(validate("cleanup.policy", "shred").is_err());
        assert!(validate("min.cleanable.dirty.ratio", "1.5").is_err());
        assert_eq!(validate("compression.type", "ZSTD").unwrap(), "zstd");
    }

    #[test]
    fn segment_bytes_has_kafkas_minimum_and_the_internal_override_does_not() {
        assert!(validate("segment.bytes", "1048575").unwrap_err().to_string().contains("segment.bytes"));
        assert_eq!(validate("segment.bytes", "1048576").unwrap(), "1048576");
        assert_eq!(validate("internal.segment.bytes", "300").unwrap(), "300");
        assert!(validate("internal.segment.bytes", "13").is_err());
        let mut c = TopicConfig::default();
        assert_eq!(c.log_config().segment_bytes, 1 << 30);
        c.overrides.insert("internal.segment.bytes".into(), "300".into());
        assert_eq!(c.log_config().segment_bytes, 300);
        // A topic written before the minimum keeps its size.
        let old = TopicConfig { overrides: [("segment.bytes".to_string(), "1000".to_string())].into() };
        assert_eq!(old.log_config().segment_bytes, 1000);
        assert!(!known_configs().any(|(n, _, _)| n.starts_with("internal.")));
        assert!(!TopicConfig::default().effective().iter().any(|(n, _, _)| n.starts_with("internal.")));
        assert!(c.effective().iter().any(|(n, v, o)| n == "internal.segment.bytes" && v == "300" && *o));
    }
}
