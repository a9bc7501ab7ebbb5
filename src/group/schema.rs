//! The record schemas of `__consumer_offsets` (kafka-format.md section 6): Kafka's binary keys
//! and values, so that Kafka's tools and klog decode each other's commits.
//!
//! Key = `int16 version` + body; the key version names the record type (0 and 1 OffsetCommit,
//! 2 GroupMetadata, 3 and up KIP-848 records, which klog skips). Value = `int16 version` + body;
//! a null value is a tombstone. klog writes OffsetCommitKey v1, OffsetCommitValue v3,
//! GroupMetadataKey v2 and GroupMetadataValue v3, as Kafka 3.x does, and reads every version
//! Kafka 4 writes: 0 to 4 of both values, where 4 is the first flexible version (compact strings,
//! arrays and bytes, tagged fields, which klog skips; Kafka 4.1 writes OffsetCommitValue v4).

use crate::record::DecodeError;
use crate::TopicPartition;

/// Java's `String.hashCode`: `h = 31*h + c` over UTF-16 code units, wrapping.
pub fn java_string_hash(s: &str) -> i32 {
    s.encode_utf16().fold(0i32, |h, c| h.wrapping_mul(31).wrapping_add(c as i32))
}

/// The `__consumer_offsets` partition of a group: `Utils.abs(hashCode) % 50`, where
/// `Utils.abs(Integer.MIN_VALUE)` is 0.
pub fn partition_for_group(group: &str) -> i32 {
    let h = java_string_hash(group);
    let abs = if h == i32::MIN { 0 } else { h.abs() };
    abs % crate::datadir::CONSUMER_OFFSETS_PARTITIONS
}

/// A decoded record of `__consumer_offsets`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OffsetsRecord {
    /// An offset commit; `value` None is a tombstone (offset deleted).
    Commit { group: String, topic: String, partition: i32, value: Option<CommitValue> },
    /// A group's metadata; `value` None is a tombstone (group deleted).
    Group { group: String, value: Option<GroupValue> },
    /// A record type klog does not interpret (KIP-848 and later), with its key version.
    Other { key_version: i16 },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitValue {
    pub offset: i64,
    pub leader_epoch: i32,
    pub metadata: String,
    pub commit_timestamp: i64,
    pub expire_timestamp: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GroupValue {
    pub protocol_type: String,
    pub generation: i32,
    pub protocol: Option<String>,
    pub leader: Option<String>,
    pub current_state_timestamp: i64,
    pub members: Vec<MemberValue>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MemberValue {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    pub rebalance_timeout: i32,
    pub session_timeout: i32,
    pub subscription: Vec<u8>,
    pub assignment: Vec<u8>,
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as i16).to_be_bytes());
    out.extend_from_slice(s.as_bytes());
}

fn put_nullable_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => put_str(out, s),
        None => out.extend_from_slice(&(-1i16).to_be_bytes()),
    }
}

fn put_bytes(out: &mut Vec<u8>, b: &[u8]) {
    out.extend_from_slice(&(b.len() as i32).to_be_bytes());
    out.extend_from_slice(b);
}

/// OffsetCommitKey v1: group, topic, partition.
pub fn commit_key(group: &str, topic: &str, partition: i32) -> Vec<u8> {
    let mut k = Vec::with_capacity(8 + group.len() + topic.len());
    k.extend_from_slice(&1i16.to_be_bytes());
    put_str(&mut k, group);
    put_str(&mut k, topic);
    k.extend_from_slice(&partition.to_be_bytes());
    k
}

/// OffsetCommitValue v3: offset, leader epoch, metadata, commit timestamp.
pub fn commit_value(v: &CommitValue) -> Vec<u8> {
    let mut out = Vec::with_capacity(26 + v.metadata.len());
    out.extend_from_slice(&3i16.to_be_bytes());
    out.extend_from_slice(&v.offset.to_be_bytes());
    out.extend_from_slice(&v.leader_epoch.to_be_bytes());
    put_str(&mut out, &v.metadata);
    out.extend_from_slice(&v.commit_timestamp.to_be_bytes());
    out
}

/// GroupMetadataKey v2: group.
pub fn group_key(group: &str) -> Vec<u8> {
    let mut k = Vec::with_capacity(4 + group.len());
    k.extend_from_slice(&2i16.to_be_bytes());
    put_str(&mut k, group);
    k
}

/// GroupMetadataValue v3.
pub fn group_value(v: &GroupValue) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&3i16.to_be_bytes());
    put_str(&mut out, &v.protocol_type);
    out.extend_from_slice(&v.generation.to_be_bytes());
    put_nullable_str(&mut out, v.protocol.as_deref());
    put_nullable_str(&mut out, v.leader.as_deref());
    out.extend_from_slice(&v.current_state_timestamp.to_be_bytes());
    out.extend_from_slice(&(v.members.len() as i32).to_be_bytes());
    for m in &v.members {
        put_str(&mut out, &m.member_id);
        put_nullable_str(&mut out, m.group_instance_id.as_deref());
        put_str(&mut out, &m.client_id);
        put_str(&mut out, &m.client_host);
        out.extend_from_slice(&m.rebalance_timeout.to_be_bytes());
        out.extend_from_slice(&m.session_timeout.to_be_bytes());
        put_bytes(&mut out, &m.subscription);
        put_bytes(&mut out, &m.assignment);
    }
    out
}

/// Topic-partitions grouped by topic, as the consumer protocol writes them.
fn put_topic_partitions(out: &mut Vec<u8>, tps: &[TopicPartition]) {
    let mut by_topic: std::collections::BTreeMap<&str, Vec<i32>> = std::collections::BTreeMap::new();
    for tp in tps {
        by_topic.entry(tp.topic.as_str()).or_default().push(tp.partition);
    }
    out.extend_from_slice(&(by_topic.len() as i32).to_be_bytes());
    for (t, ps) in by_topic {
        put_str(out, t);
        out.extend_from_slice(&(ps.len() as i32).to_be_bytes());
        for p in ps {
            out.extend_from_slice(&p.to_be_bytes());
        }
    }
}

/// A member's subscription as Kafka's consumer protocol encodes it in a group's metadata
/// (ConsumerProtocolSubscription v1: topics, no user data, the partitions it owns).
pub fn subscription_bytes(topics: &[String], owned: &[TopicPartition]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&1i16.to_be_bytes());
    out.extend_from_slice(&(topics.len() as i32).to_be_bytes());
    for t in topics {
        put_str(&mut out, t);
    }
    out.extend_from_slice(&(-1i32).to_be_bytes());
    put_topic_partitions(&mut out, owned);
    out
}

/// A member's assignment as Kafka's consumer protocol encodes it (ConsumerProtocolAssignment
/// v1: the partitions, no user data).
pub fn assignment_bytes(assigned: &[TopicPartition]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&1i16.to_be_bytes());
    put_topic_partitions(&mut out, assigned);
    out.extend_from_slice(&(-1i32).to_be_bytes());
    out
}

/// A bounds-checked reader over one key or value; `flexible` for Kafka's flexible versions
/// (compact lengths as unsigned varints of length + 1, 0 for null; tagged fields).
struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
    flexible: bool,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], DecodeError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or_else(|| DecodeError::new(format!("{} runs past the end ({} bytes at {})", what, n, self.pos)))?;
        let s = &self.b[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn i16(&mut self, what: &str) -> Result<i16, DecodeError> {
        Ok(i16::from_be_bytes(self.take(2, what)?.try_into().expect("2 bytes")))
    }
    fn i32(&mut self, what: &str) -> Result<i32, DecodeError> {
        Ok(i32::from_be_bytes(self.take(4, what)?.try_into().expect("4 bytes")))
    }
    fn i64(&mut self, what: &str) -> Result<i64, DecodeError> {
        Ok(i64::from_be_bytes(self.take(8, what)?.try_into().expect("8 bytes")))
    }
    fn uvarint(&mut self, what: &str) -> Result<u32, DecodeError> {
        let mut v: u32 = 0;
        for i in 0..5 {
            let b = self.take(1, what)?[0];
            v |= ((b & 0x7f) as u32) << (7 * i);
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(DecodeError::new(format!("{}: unsigned varint longer than 5 bytes", what)))
    }
    /// A length: i16 (strings) or i32 (arrays, bytes) in old versions, compact in flexible ones;
    /// `None` for null.
    fn len(&mut self, wide: bool, what: &str) -> Result<Option<usize>, DecodeError> {
        let n: i64 = if self.flexible {
            self.uvarint(what)? as i64 - 1
        } else if wide {
            self.i32(what)? as i64
        } else {
            self.i16(what)? as i64
        };
        if n < 0 {
            return Ok(None);
        }
        if n as usize > self.b.len() - self.pos {
            return Err(DecodeError::new(format!("{} length {} runs past the end", what, n)));
        }
        Ok(Some(n as usize))
    }
    /// A flexible version's tagged fields (none klog needs): skipped.
    fn tagged_fields(&mut self, what: &str) -> Result<(), DecodeError> {
        if self.flexible {
            for _ in 0..self.uvarint(what)? {
                self.uvarint(what)?;
                let size = self.uvarint(what)? as usize;
                self.take(size, what)?;
            }
        }
        Ok(())
    }
    fn nullable_str(&mut self, what: &str) -> Result<Option<String>, DecodeError> {
        let Some(n) = self.len(false, what)? else {
            return Ok(None);
        };
        let b = self.take(n, what)?;
        String::from_utf8(b.to_vec()).map(Some).map_err(|_| DecodeError::new(format!("{} is not UTF-8", what)))
    }
    fn str(&mut self, what: &str) -> Result<String, DecodeError> {
        self.nullable_str(what)?.ok_or_else(|| DecodeError::new(format!("{} is null", what)))
    }
    fn bytes(&mut self, what: &str) -> Result<Vec<u8>, DecodeError> {
        let Some(n) = self.len(true, what)? else {
            return Ok(Vec::new());
        };
        Ok(self.take(n, what)?.to_vec())
    }
}

/// Decodes a `__consumer_offsets` record from its key and value.
pub fn decode(key: &[u8], value: Option<&[u8]>) -> Result<OffsetsRecord, DecodeError> {
    let mut k = Reader { b: key, pos: 0, flexible: false };
    let key_version = k.i16("key version")?;
    match key_version {
        0 | 1 => {
            let group = k.str("group")?;
            let topic = k.str("topic")?;
            let partition = k.i32("partition")?;
            let value = value.map(decode_commit_value).transpose()?;
            Ok(OffsetsRecord::Commit { group, topic, partition, value })
        }
        2 => {
            let group = k.str("group")?;
            let value = value.map(decode_group_value).transpose()?;
            Ok(OffsetsRecord::Group { group, value })
        }
        v if v >= 0 => Ok(OffsetsRecord::Other { key_version: v }),
        v => Err(DecodeError::new(format!("negative key version {}", v))),
    }
}

fn decode_commit_value(v: &[u8]) -> Result<CommitValue, DecodeError> {
    let mut r = Reader { b: v, pos: 0, flexible: false };
    let version = r.i16("value version")?;
    if !(0..=4).contains(&version) {
        return Err(DecodeError::new(format!("OffsetCommitValue version {} is not supported", version)));
    }
    r.flexible = version >= 4;
    let offset = r.i64("offset")?;
    let leader_epoch = if version >= 3 { r.i32("leader epoch")? } else { -1 };
    let metadata = r.str("metadata")?;
    let commit_timestamp = r.i64("commit timestamp")?;
    let expire_timestamp = if version == 1 { Some(r.i64("expire timestamp")?) } else { None };
    r.tagged_fields("tagged fields")?;
    Ok(CommitValue { offset, leader_epoch, metadata, commit_timestamp, expire_timestamp })
}

fn decode_group_value(v: &[u8]) -> Result<GroupValue, DecodeError> {
    let mut r = Reader { b: v, pos: 0, flexible: false };
    let version = r.i16("value version")?;
    if !(0..=4).contains(&version) {
        return Err(DecodeError::new(format!("GroupMetadataValue version {} is not supported", version)));
    }
    r.flexible = version >= 4;
    let mut g = GroupValue {
        protocol_type: r.str("protocol type")?,
        generation: r.i32("generation")?,
        protocol: r.nullable_str("protocol")?,
        leader: r.nullable_str("leader")?,
        ..Default::default()
    };
    g.current_state_timestamp = if version >= 2 { r.i64("state timestamp")? } else { -1 };
    let n = r.len(true, "member count")?.unwrap_or(0);
    for _ in 0..n {
        let mut m = MemberValue { member_id: r.str("member id")?, ..Default::default() };
        m.group_instance_id = if version >= 3 { r.nullable_str("group instance id")? } else { None };
        m.client_id = r.str("client id")?;
        m.client_host = r.str("client host")?;
        m.rebalance_timeout = if version >= 1 { r.i32("rebalance timeout")? } else { -1 };
        m.session_timeout = r.i32("session timeout")?;
        m.subscription = r.bytes("subscription")?;
        m.assignment = r.bytes("assignment")?;
        r.tagged_fields("member tagged fields")?;
        g.members.push(m);
    }
    r.tagged_fields("tagged fields")?;
    Ok(g)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_partitions_match_kafka() {
        // kafka-format.md section 6.1.
        for (g, hash, p) in [
            ("console-consumer-14897", 158520050, 0),
            ("console-consumer-2399", 836426402, 2),
            ("console-consumer-89616", 165131481, 31),
            ("console-consumer-76901", 164121434, 34),
            ("DEVSmileCDR", 551467806, 6),
        ] {
            assert_eq!(java_string_hash(g), hash, "{}", g);
            assert_eq!(partition_for_group(g), p, "{}", g);
        }
    }

    #[test]
    fn commit_bytes_match_a_real_kafka_commit() {
        // The example of kafka-format.md section 6.2, taken from a real broker's log.
        let topic = "batch2.work.notification.SHR_PROD.persistence";
        let key = commit_key("DEVSmileCDR", topic, 0);
        let mut want = vec![0, 1, 0, 11];
        want.extend_from_slice(b"DEVSmileCDR");
        want.extend_from_slice(&[0, 0x2d]);
        want.extend_from_slice(topic.as_bytes());
        want.extend_from_slice(&[0, 0, 0, 0]);
        assert_eq!(key, want);
        let v = CommitValue {
            offset: 0,
            leader_epoch: -1,
            metadata: String::new(),
            commit_timestamp: 0x019c_0fcd_ac12,
            expire_timestamp: None,
        };
        let bytes = commit_value(&v);
        assert_eq!(
            bytes,
            [0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0x01, 0x9c, 0x0f, 0xcd, 0xac, 0x12]
        );
        assert_eq!(
            decode(&key, Some(&bytes)).unwrap(),
            OffsetsRecord::Commit { group: "DEVSmileCDR".into(), topic: topic.into(), partition: 0, value: Some(v) }
        );
    }

    #[test]
    fn decodes_kafka_4_flexible_offset_commit_values() {
        // OffsetCommitValue v4 as Kafka 4.1 writes it: compact metadata string, then tagged
        // fields (tag 0, the topic id, 16 bytes).
        let mut v = vec![0, 4];
        v.extend_from_slice(&120i64.to_be_bytes());
        v.extend_from_slice(&(-1i32).to_be_bytes());
        v.push(12);
        v.extend_from_slice(b"klog-oracle");
        v.extend_from_slice(&1_796_417_060_484i64.to_be_bytes());
        v.extend_from_slice(&[1, 0, 16]);
        v.extend_from_slice(&[7; 16]);
        let got = decode_commit_value(&v).unwrap();
        assert_eq!(
            got,
            CommitValue {
                offset: 120,
                leader_epoch: -1,
                metadata: "klog-oracle".into(),
                commit_timestamp: 1_796_417_060_484,
                expire_timestamp: None
            }
        );
        // A tagged field that runs past the end is an error, not a panic.
        assert!(decode_commit_value(&v[..v.len() - 1]).is_err());
    }

    /// Every record of `__consumer_offsets-<p>` in the directory Kafka 4.1.1 wrote for fixtures/.
    fn fixture_records(p: i32) -> Vec<OffsetsRecord> {
        let path = format!(
            "{}/fixtures/kafka-4.1.1/__consumer_offsets-{}/00000000000000000000.log",
            env!("CARGO_MANIFEST_DIR"),
            p
        );
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {}", path, e));
        let mut pos = 0;
        let mut out = Vec::new();
        while pos < bytes.len() {
            let len = i32::from_be_bytes(bytes[pos + 8..pos + 12].try_into().unwrap()) as usize + 12;
            let (_, recs) = crate::record::decode_batch(&bytes[pos..pos + len]).unwrap();
            for r in recs {
                out.push(decode(r.key.as_deref().unwrap(), r.value.as_deref()).unwrap());
            }
            pos += len;
        }
        out
    }

    #[test]
    fn decodes_what_a_kafka_4_broker_wrote() {
        // Four classic groups: GroupMetadata v3 through three generations, an OffsetCommitValue
        // v4 (flexible) commit of 3 + n.
        for n in 0..4 {
            let group = format!("fixture-classic-{}", n);
            let mut generations = Vec::new();
            let mut commits = Vec::new();
            for r in fixture_records(partition_for_group(&group)) {
                match r {
                    OffsetsRecord::Group { group: g, value: Some(v) } => {
                        assert_eq!(g, group);
                        generations.push((v.generation, v.members.len()));
                    }
                    OffsetsRecord::Commit { group: g, topic, partition, value: Some(v) } => {
                        assert_eq!((g.as_str(), topic.as_str(), partition), (group.as_str(), "cities", 0));
                        assert_eq!(v.metadata, "klog-oracle");
                        commits.push(v.offset);
                    }
                    other => panic!("{}: unexpected {:?}", group, other),
                }
            }
            assert_eq!(generations, [(0, 0), (1, 1), (2, 0)], "{}", group);
            assert_eq!(commits, [3 + n], "{}", group);
        }
        // A group of the new consumer protocol (KIP-848): records of types 3 to 8, which klog
        // passes over, and its commit.
        let records = fixture_records(partition_for_group("fixture-consumer"));
        let others: Vec<i16> = records
            .iter()
            .filter_map(|r| match r {
                OffsetsRecord::Other { key_version } => Some(*key_version),
                _ => None,
            })
            .collect();
        assert!(!others.is_empty() && others.iter().all(|k| (3..=8).contains(k)), "{:?}", others);
        assert!(records.iter().any(|r| matches!(r,
            OffsetsRecord::Commit { group, value: Some(v), .. } if group == "fixture-consumer" && v.offset == 9)));
    }

    #[test]
    fn group_metadata_round_trips_and_garbage_fails() {
        let g = GroupValue {
            protocol_type: "consumer".into(),
            generation: 7,
            protocol: Some("range".into()),
            leader: Some("m1".into()),
            current_state_timestamp: 5,
            members: vec![MemberValue { member_id: "m1".into(), client_id: "klog".into(), ..Default::default() }],
        };
        let v = group_value(&g);
        assert_eq!(
            decode(&group_key("g"), Some(&v)).unwrap(),
            OffsetsRecord::Group { group: "g".into(), value: Some(g) }
        );
        assert!(decode(&[0, 1, 0, 9, b'x'], None).is_err());
        assert!(decode(&group_key("g"), Some(&v[..v.len() - 3])).is_err());
    }
}
