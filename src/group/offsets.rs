//! Committed offsets: records in `__consumer_offsets` (the source of truth, in Kafka's schemas)
//! and a per-group snapshot that makes reading them cheap.
//!
//! A commit appends the group's OffsetCommit records to its `__consumer_offsets` partition
//! under that partition's writer lock, fsyncs, and then, still under the lock, replaces the
//! group's snapshot (`.klog/groups/<group>/offsets.json`), which records the offsets and the log
//! end offset it covers. A reader loads the snapshot and scans only the partition's records after
//! the covered offset, so start-up costs O(commits since the last snapshot), not O(all commits).
//! A crash between the append and the snapshot leaves a stale snapshot, which the tail scan
//! corrects; without any snapshot (a directory copied from Kafka) the whole partition is scanned.

use super::schema::{self, CommitValue, OffsetsRecord};
use crate::datadir::CONSUMER_OFFSETS;
use crate::datadir::{DataDir, TopicMeta};
use crate::error::{Error, Result};
use crate::fsutil;
use crate::log::AppendMode;
use crate::record::{BatchBuilder, Compression, RecordsSection};
use crate::TopicPartition;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// One committed offset.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Committed {
    pub offset: i64,
    pub metadata: String,
    pub commit_timestamp: i64,
}

pub type GroupOffsets = BTreeMap<TopicPartition, Committed>;

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct Snapshot {
    /// The topic id of the `__consumer_offsets` it was taken from.
    #[serde(default)]
    topic_id: String,
    /// The `__consumer_offsets` partition and the log end offset this snapshot covers.
    partition: i32,
    log_end: i64,
    offsets: Vec<SnapshotEntry>,
}

#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct SnapshotEntry {
    topic: String,
    partition: i32,
    #[serde(flatten)]
    committed: Committed,
}

/// Checks a group id. klog keeps group state in files named after the group, so ids are limited
/// to what a topic name may contain.
pub fn validate_group_id(group: &str) -> Result<()> {
    crate::datadir::validate_topic_name(group).map_err(|_| Error::BadValue {
        what: crate::error::ValueOf::GroupId,
        value: group.to_string(),
        why: "use 1 to 249 characters of [a-zA-Z0-9._-], not '.' or '..'".into(),
    })
}

/// The directory of a group's state.
pub fn group_dir(dd: &DataDir, group: &str) -> PathBuf {
    crate::paths::group_dir(dd.root(), group)
}

/// `__consumer_offsets`, created (compacted, 50 partitions, 100 MiB segments, as Kafka) if
/// missing, and completed if only some of its partitions exist.
pub fn offsets_topic(dd: &DataDir) -> Result<TopicMeta> {
    let configs = BTreeMap::from([
        ("cleanup.policy".to_string(), "compact".to_string()),
        ("segment.bytes".to_string(), "104857600".to_string()),
    ]);
    dd.ensure_topic(CONSUMER_OFFSETS, crate::datadir::CONSUMER_OFFSETS_PARTITIONS, configs)
}

fn snapshot_path(dd: &DataDir, group: &str) -> PathBuf {
    crate::paths::group::offsets(&group_dir(dd, group))
}

/// The group's snapshot, if it is usable: it parses, is for `partition` of this very
/// `__consumer_offsets` (same topic id: a deleted and recreated topic does not inherit it), and
/// covers no more than the partition holds now.
fn read_snapshot(dd: &DataDir, group: &str, partition: i32) -> Result<Option<Snapshot>> {
    let p = snapshot_path(dd, group);
    let t = dd.topic(CONSUMER_OFFSETS)?;
    let usable = |s: &Snapshot| -> Result<bool> {
        Ok(s.partition == partition
            && s.topic_id == t.topic_id
            && s.log_end <= dd.open_reader(&t, partition)?.log_end_offset()?)
    };
    match std::fs::read(&p) {
        Ok(bytes) => match serde_json::from_slice::<Snapshot>(&bytes) {
            Ok(s) if usable(&s)? => Ok(Some(s)),
            // A snapshot that does not parse is only a cache: rebuild from the log.
            _ => Ok(None),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io("read", &p, e)),
    }
}

/// Applies the group's records in `__consumer_offsets-<p>` from `from` to the end onto
/// `offsets`; returns the log end offset reached and how many records were read.
fn scan_tail(
    dd: &DataDir,
    t: &TopicMeta,
    p: i32,
    group: &str,
    from: i64,
    offsets: &mut GroupOffsets,
) -> Result<(i64, u64)> {
    let r = dd.open_reader(t, p)?;
    let mut cur = r.cursor(from);
    let mut seen = 0u64;
    while let Some((h, bytes)) = cur.next_batch()? {
        if h.is_control() {
            continue;
        }
        let section = RecordsSection::new(bytes, &h).map_err(|e| r.undecodable(h.base_offset, e))?;
        for rec in section.iter() {
            let rec = rec.map_err(|e| r.undecodable(h.base_offset, e))?;
            seen += 1;
            let Some(key) = rec.key else { continue };
            // Records klog cannot decode belong to someone else's schema; they are skipped.
            match schema::decode(key, rec.value) {
                Ok(OffsetsRecord::Commit { group: g, topic, partition, value }) if g == group => match value {
                    Some(v) => {
                        offsets.insert(
                            TopicPartition::new(topic, partition),
                            Committed { offset: v.offset, metadata: v.metadata, commit_timestamp: v.commit_timestamp },
                        );
                    }
                    None => {
                        offsets.remove(&TopicPartition::new(topic, partition));
                    }
                },
                Ok(OffsetsRecord::Group { group: g, value: None }) if g == group => offsets.clear(),
                _ => {}
            }
        }
    }
    Ok((cur.next_offset(), seen))
}

/// A group as `__consumer_offsets` records it (groups a Kafka broker kept, for one).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoggedGroup {
    /// The latest group metadata record (Kafka's GroupMetadataValue), if any.
    pub metadata: Option<schema::GroupValue>,
    /// Partitions with a committed offset.
    pub committed: usize,
}

/// The groups named in `__consumer_offsets`: in every partition, or only `group`'s. A group whose
/// latest group record is a tombstone (deleted) and that has no offsets since is left out.
pub fn logged_groups(dd: &DataDir, only: Option<&str>) -> Result<BTreeMap<String, LoggedGroup>> {
    // Per group: the latest metadata, and the partitions with a live commit.
    type Seen = (Option<schema::GroupValue>, std::collections::BTreeSet<TopicPartition>);
    let mut out: BTreeMap<String, Seen> = BTreeMap::new();
    let t = match dd.topic(CONSUMER_OFFSETS) {
        Ok(t) => t,
        Err(Error::TopicNotFound { .. }) => return Ok(BTreeMap::new()),
        Err(e) => return Err(e),
    };
    let parts: Vec<i32> = match only {
        Some(g) => vec![schema::partition_for_group(g)],
        None => dd.existing_partitions(&t)?,
    };
    for p in parts {
        if !dd.partition_dir(CONSUMER_OFFSETS, p).is_dir() {
            continue;
        }
        let r = dd.open_reader(&t, p)?;
        let mut cur = r.cursor(r.log_start_offset());
        while let Some((h, bytes)) = cur.next_batch()? {
            if h.is_control() {
                continue;
            }
            let bad = |e: crate::record::DecodeError| r.undecodable(h.base_offset, e);
            for rec in RecordsSection::new(bytes, &h).map_err(bad)?.iter() {
                let rec = rec.map_err(bad)?;
                let Some(key) = rec.key else { continue };
                match schema::decode(key, rec.value) {
                    Ok(OffsetsRecord::Commit { group, topic, partition, value }) => {
                        if only.is_some_and(|g| g != group) {
                            continue;
                        }
                        let e = out.entry(group).or_default();
                        match value {
                            Some(_) => e.1.insert(TopicPartition::new(topic, partition)),
                            None => e.1.remove(&TopicPartition::new(topic, partition)),
                        };
                    }
                    Ok(OffsetsRecord::Group { group, value }) => {
                        if only.is_some_and(|g| g != group) {
                            continue;
                        }
                        match value {
                            Some(v) => out.entry(group).or_default().0 = Some(v),
                            None => {
                                out.remove(&group);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    Ok(out
        .into_iter()
        .filter(|(_, (m, c))| m.is_some() || !c.is_empty())
        .map(|(g, (metadata, c))| (g, LoggedGroup { metadata, committed: c.len() }))
        .collect())
}

/// The group's committed offsets.
pub fn read_offsets(dd: &DataDir, group: &str) -> Result<GroupOffsets> {
    let p = schema::partition_for_group(group);
    let t = match dd.topic(CONSUMER_OFFSETS) {
        Ok(t) => t,
        Err(Error::TopicNotFound { .. }) => return Ok(GroupOffsets::new()),
        Err(e) => return Err(e),
    };
    if !dd.partition_dir(CONSUMER_OFFSETS, p).is_dir() {
        return Ok(GroupOffsets::new());
    }
    let (mut offsets, from) = match read_snapshot(dd, group, p)? {
        Some(s) => (
            s.offsets.into_iter().map(|e| (TopicPartition::new(e.topic, e.partition), e.committed)).collect(),
            s.log_end,
        ),
        None => (GroupOffsets::new(), 0),
    };
    scan_tail(dd, &t, p, group, from, &mut offsets)?;
    Ok(offsets)
}

/// A change to a group's offsets.
pub enum Change {
    Set(TopicPartition, i64, String),
    Delete(TopicPartition),
    /// Deletes every offset and the group's metadata.
    DeleteGroup,
    /// Records the group's metadata (Kafka's GroupMetadata record) after a rebalance.
    Metadata(schema::GroupValue),
}

/// Commits changes: appends them to `__consumer_offsets` (fsynced), then refreshes the
/// snapshot under the same lock. Returns the offsets as they now stand.
pub fn commit(dd: &DataDir, group: &str, changes: &[Change]) -> Result<GroupOffsets> {
    let t = offsets_topic(dd)?;
    let p = schema::partition_for_group(group);
    let mut w = dd.open_writer(&t, p)?;
    // Under the lock: the offsets as they stand, from the snapshot and the tail after it.
    let (mut offsets, from) = match read_snapshot(dd, group, p)? {
        Some(s) => (
            s.offsets.into_iter().map(|e| (TopicPartition::new(e.topic, e.partition), e.committed)).collect(),
            s.log_end,
        ),
        None => (GroupOffsets::new(), 0),
    };
    scan_tail(dd, &t, p, group, from, &mut offsets)?;
    let now = crate::timefmt::now_ms();
    let mut b = BatchBuilder::new();
    for c in changes {
        match c {
            Change::Set(TopicPartition { topic, partition }, offset, metadata) => {
                let v = CommitValue {
                    offset: *offset,
                    leader_epoch: -1,
                    metadata: metadata.clone(),
                    commit_timestamp: now,
                    expire_timestamp: None,
                };
                b.push(now, Some(&schema::commit_key(group, topic, *partition)), Some(&schema::commit_value(&v)), &[]);
                offsets.insert(
                    TopicPartition::new(topic.clone(), *partition),
                    Committed { offset: *offset, metadata: metadata.clone(), commit_timestamp: now },
                );
            }
            Change::Delete(TopicPartition { topic, partition }) => {
                b.push(now, Some(&schema::commit_key(group, topic, *partition)), None, &[]);
                offsets.remove(&TopicPartition::new(topic.clone(), *partition));
            }
            Change::DeleteGroup => {
                for TopicPartition { topic, partition } in offsets.keys() {
                    b.push(now, Some(&schema::commit_key(group, topic, *partition)), None, &[]);
                }
                b.push(now, Some(&schema::group_key(group)), None, &[]);
                offsets.clear();
            }
            Change::Metadata(v) => {
                b.push(now, Some(&schema::group_key(group)), Some(&schema::group_value(v)), &[]);
            }
        }
    }
    // Group metadata alone is informational (the group's state lives in its state file): it is
    // appended without an fdatasync of its own (a roll it causes still syncs the sealed segment
    // and the directory, as always), and the offsets snapshot stays as it is (readers scan past
    // the record). The next commit's fdatasync makes it durable with the rest.
    let informational = changes.iter().all(|c| matches!(c, Change::Metadata(_)));
    if !b.is_empty() {
        w.append_batch(b.finish(0, 0, Compression::None), AppendMode::Leader { leader_epoch: 0 })?;
        if !informational {
            w.flush()?;
        }
    }
    if informational {
        return Ok(offsets);
    }
    let dir = group_dir(dd, group);
    fsutil::create_dir_durable(&dir)?;
    let snap = Snapshot {
        topic_id: t.topic_id.clone(),
        partition: p,
        log_end: w.log_end_offset(),
        offsets: offsets
            .iter()
            .map(|(TopicPartition { topic, partition }, c)| SnapshotEntry {
                topic: topic.clone(),
                partition: *partition,
                committed: c.clone(),
            })
            .collect(),
    };
    let json = serde_json::to_vec(&snap).expect("snapshot serialises");
    fsutil::write_atomic(&snapshot_path(dd, group), &json)?;
    Ok(offsets)
}

/// The groups with records in the `__consumer_offsets` segment `path` at or after byte
/// `position`: whose commits a cut of the segment there drops. Bytes that form no valid batch
/// (the damage) are skipped; every whole valid batch after them is read.
pub fn groups_in_segment_from(path: &std::path::Path, position: u64) -> Result<std::collections::BTreeSet<String>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io("read", path, e))?;
    let mut groups = std::collections::BTreeSet::new();
    let mut at = (position as usize).min(bytes.len());
    while let Some(found) = crate::log::segment::find_valid_batch(&bytes[at..]) {
        let start = at + found;
        let (_, length) = crate::record::peek_offset_and_length(&bytes[start..]);
        let end = start + crate::record::LOG_OVERHEAD + length as usize;
        let batch = &bytes[start..end];
        at = end;
        let Ok(h) = crate::record::validate(batch) else { continue };
        if h.is_control() {
            continue;
        }
        let Ok(section) = RecordsSection::new(batch, &h) else { continue };
        for rec in section.iter().flatten() {
            let Some(key) = rec.key else { continue };
            match schema::decode(key, rec.value) {
                Ok(OffsetsRecord::Commit { group, .. }) | Ok(OffsetsRecord::Group { group, .. }) => {
                    groups.insert(group);
                }
                _ => {}
            }
        }
    }
    Ok(groups)
}

/// Removes the offsets snapshots of the groups in `partition` of `__consumer_offsets` that cover
/// more than `log_end` (the log was cut below what they describe), so no reader trusts commits
/// the log no longer holds. Returns the groups whose snapshot was removed.
pub fn forget_snapshots_past(dd: &DataDir, partition: i32, log_end: i64) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for group in super::list_groups(dd)? {
        if schema::partition_for_group(&group) != partition {
            continue;
        }
        let p = snapshot_path(dd, &group);
        let Ok(bytes) = std::fs::read(&p) else { continue };
        let stale = serde_json::from_slice::<Snapshot>(&bytes).map_or(true, |s| s.log_end > log_end);
        if stale {
            std::fs::remove_file(&p).map_err(|e| Error::io("remove", &p, e))?;
            fsutil::sync_dir(&group_dir(dd, &group))?;
            out.push(group);
        }
    }
    Ok(out)
}
