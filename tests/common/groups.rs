//! What the consumer-group tests (`groups.rs`, `groups_faults.rs`) read and write through the
//! binary: a group's rows from `group describe --json`, its committed offsets, numbered records
//! produced one a line, and the `__consumer_offsets` partition Kafka gives a group.
#![allow(dead_code)]

use super::Klog;
use serde_json::Value;
use std::collections::BTreeMap;

/// A topic-partition.
pub type Tp = (String, i32);

pub fn tp(topic: &str, p: i32) -> Tp {
    (topic.to_string(), p)
}

/// `klog ARGS --json`'s output, which must succeed and be JSON.
pub fn json(t: &Klog, args: &[&str]) -> Value {
    let out = t.ok(args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("klog {:?}: not JSON ({}): {}", args, e, out))
}

/// One row of `group describe G --json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub current: Option<i64>,
    pub end: Option<i64>,
    pub lag: Option<i64>,
    pub consumer: Option<String>,
}

/// `group describe G --json`: (topic, partition) -> row.
pub fn describe(t: &Klog, group: &str) -> BTreeMap<Tp, Row> {
    let v = json(t, &["group", "describe", group, "--json"]);
    v.as_array()
        .expect("describe --json is an array")
        .iter()
        .map(|r| {
            assert_eq!(r["group"], group);
            (
                tp(r["topic"].as_str().unwrap(), r["partition"].as_i64().unwrap() as i32),
                Row {
                    current: r["current_offset"].as_i64(),
                    end: r["log_end_offset"].as_i64(),
                    lag: r["lag"].as_i64(),
                    consumer: r["consumer_id"].as_str().map(String::from),
                },
            )
        })
        .collect()
}

/// The committed offsets of a group, from `group describe --json`.
pub fn committed(t: &Klog, group: &str) -> BTreeMap<Tp, i64> {
    describe(t, group).into_iter().filter_map(|(k, r)| r.current.map(|c| (k, c))).collect()
}

/// `klog produce TOPIC ARGS` with `records`, one a line; must succeed.
pub fn produce(t: &Klog, topic: &str, args: &[&str], records: &[String]) {
    let mut a = vec!["produce", topic];
    a.extend_from_slice(args);
    let mut input = records.join("\n");
    input.push('\n');
    t.ok_with(&a, input.as_bytes());
}

/// `<prefix><i>` for each `i` of `range`.
pub fn numbered(prefix: &str, range: std::ops::Range<usize>) -> Vec<String> {
    range.map(|i| format!("{}{}", prefix, i)).collect()
}

/// Java's String.hashCode over UTF-16 code units.
pub fn java_hash(s: &str) -> i32 {
    let mut h: i32 = 0;
    for c in s.encode_utf16() {
        h = h.wrapping_mul(31).wrapping_add(c as i32);
    }
    h
}

/// Kafka's `Utils.abs(hash) % 50` (abs of i32::MIN is 0): a group's `__consumer_offsets`
/// partition.
pub fn offsets_partition(group: &str) -> i32 {
    let h = java_hash(group);
    (if h == i32::MIN { 0 } else { h.abs() }) % 50
}
