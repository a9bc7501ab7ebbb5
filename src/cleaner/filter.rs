//! Cleaning one batch: which records stay, and the bytes of what stays (Kafka's
//! `MemoryRecords.filterTo` with the log cleaner's filter, kafka-format.md section 5.3).
//!
//! Rules:
//! - a record at or past the round's end offset stays;
//! - otherwise it stays only if it has a key, its offset is at least the latest offset the map
//!   holds for that key, and it has a value or is a tombstone whose batch has no delete horizon
//!   yet or one that has not passed; keyless records go;
//! - control batches are copied as they are (klog writes no transactions; see the README);
//! - a batch that keeps every record and needs no horizon is copied byte for byte;
//! - a batch that keeps a tombstone and has no horizon gets one: attribute bit 6 set and
//!   baseTimestamp = now + delete.retention.ms, record timestamps re-expressed against it;
//! - a rewritten batch keeps its base offset, last offset delta, producer fields, leader epoch,
//!   codec and timestamp type; its records keep their offsets (so offsets have gaps);
//! - a batch left empty is dropped, except the last batch of the round (its next offset is the
//!   round's upper bound), of which an empty header is kept.

use crate::record::compression::compress;
use crate::record::varint::{put_varint, put_varlong};
use crate::record::*;

use super::offset_map::{key_hash, OffsetMap};

/// The round's facts a batch filter needs.
#[derive(Debug, Clone, Copy)]
pub struct FilterRound {
    /// Records at or past this offset are beyond what the map covers: they stay.
    pub end_offset: i64,
    /// A batch ending exactly here keeps an empty header when it loses every record.
    pub upper_bound: i64,
    pub now_ms: i64,
    pub delete_retention_ms: i64,
}

/// What filtering one batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FilterStats {
    pub records_read: u64,
    pub records_kept: u64,
    /// Tombstones dropped because their delete horizon passed.
    pub tombstones_removed: u64,
}

/// Filters one validated batch, appending what stays (zero or one batch) to `out`.
pub fn filter_batch(
    batch: &[u8],
    h: &BatchHeader,
    map: &OffsetMap,
    round: &FilterRound,
    out: &mut Vec<u8>,
) -> Result<FilterStats, DecodeError> {
    let mut st = FilterStats::default();
    if h.is_control() {
        st.records_read = h.records_count.max(0) as u64;
        st.records_kept = st.records_read;
        out.extend_from_slice(batch);
        return Ok(st);
    }
    let section = RecordsSection::new(batch, h)?;
    let horizon = h.has_delete_horizon().then_some(h.base_timestamp);
    let deletes_expired = horizon.is_some_and(|t| round.now_ms >= t);
    // Decode and hash the whole batch first, then look the keys up: the lookups do not depend
    // on one another, so their cache misses overlap.
    let mut records: Vec<(RecordRef<'_>, u128)> = Vec::with_capacity(h.records_count.max(0) as usize);
    for r in section.iter() {
        let r = r?;
        let hash = match r.key {
            Some(k) if r.offset < round.end_offset => key_hash(k),
            _ => 0,
        };
        records.push((r, hash));
    }
    let mut kept: Vec<RecordRef<'_>> = Vec::with_capacity(records.len());
    let mut all_kept = true;
    let mut keeps_tombstone = false;
    for (r, hash) in records {
        st.records_read += 1;
        let keep = if r.offset >= round.end_offset {
            true
        } else if r.key.is_none() {
            false
        } else {
            let latest = map.get(hash).unwrap_or(-1);
            let live = r.value.is_some() || !deletes_expired;
            if r.offset >= latest && !live {
                st.tombstones_removed += 1;
            }
            r.offset >= latest && live
        };
        if keep {
            keeps_tombstone |= r.value.is_none();
            kept.push(r);
        } else {
            all_kept = false;
        }
    }
    st.records_kept = kept.len() as u64;
    let needs_horizon = keeps_tombstone && horizon.is_none();
    if all_kept && !needs_horizon {
        out.extend_from_slice(batch);
    } else if !kept.is_empty() {
        let horizon =
            if needs_horizon { Some(round.now_ms.saturating_add(round.delete_retention_ms)) } else { horizon };
        encode_retained(h, &kept, horizon, out);
    } else if h.next_offset() == round.upper_bound {
        encode_empty(h, out);
    }
    Ok(st)
}

/// Writes the 61-byte header at `out[start..]` and the CRC; `out` already holds the records.
#[allow(clippy::too_many_arguments)]
fn finish_header(
    out: &mut [u8],
    h: &BatchHeader,
    attributes: i16,
    base_timestamp: i64,
    max_timestamp: i64,
    count: i32,
) {
    let len = (out.len() - LOG_OVERHEAD) as i32;
    out[BASE_OFFSET_AT..BASE_OFFSET_AT + 8].copy_from_slice(&h.base_offset.to_be_bytes());
    out[LENGTH_AT..LENGTH_AT + 4].copy_from_slice(&len.to_be_bytes());
    out[LEADER_EPOCH_AT..LEADER_EPOCH_AT + 4].copy_from_slice(&h.partition_leader_epoch.to_be_bytes());
    out[MAGIC_AT] = MAGIC_V2 as u8;
    out[ATTRIBUTES_AT..ATTRIBUTES_AT + 2].copy_from_slice(&attributes.to_be_bytes());
    out[LAST_OFFSET_DELTA_AT..LAST_OFFSET_DELTA_AT + 4].copy_from_slice(&h.last_offset_delta.to_be_bytes());
    out[BASE_TIMESTAMP_AT..BASE_TIMESTAMP_AT + 8].copy_from_slice(&base_timestamp.to_be_bytes());
    out[MAX_TIMESTAMP_AT..MAX_TIMESTAMP_AT + 8].copy_from_slice(&max_timestamp.to_be_bytes());
    out[PRODUCER_ID_AT..PRODUCER_ID_AT + 8].copy_from_slice(&h.producer_id.to_be_bytes());
    out[PRODUCER_EPOCH_AT..PRODUCER_EPOCH_AT + 2].copy_from_slice(&h.producer_epoch.to_be_bytes());
    out[BASE_SEQUENCE_AT..BASE_SEQUENCE_AT + 4].copy_from_slice(&h.base_sequence.to_be_bytes());
    out[RECORDS_COUNT_AT..RECORDS_COUNT_AT + 4].copy_from_slice(&count.to_be_bytes());
    let crc = crc32c(&out[ATTRIBUTES_AT..]);
    out[CRC_AT..CRC_AT + 4].copy_from_slice(&crc.to_be_bytes());
}

fn put_bytes(b: &mut Vec<u8>, v: Option<&[u8]>) {
    match v {
        None => put_varint(b, -1),
        Some(v) => {
            put_varint(b, v.len() as i32);
            b.extend_from_slice(v);
        }
    }
}

/// Kafka's `buildRetainedRecordsInto`: the kept records as one batch with the original's base
/// offset, last offset delta, producer fields, epoch, codec and timestamp type.
fn encode_retained(h: &BatchHeader, kept: &[RecordRef<'_>], horizon: Option<i64>, out: &mut Vec<u8>) {
    let base_timestamp = horizon.unwrap_or(kept[0].timestamp);
    let max_timestamp =
        if h.is_log_append_time() { h.max_timestamp } else { kept.iter().map(|r| r.timestamp).max().unwrap_or(-1) };
    let mut records = Vec::with_capacity(kept.len() * 32);
    let mut body = Vec::with_capacity(64);
    for r in kept {
        body.clear();
        body.push(0);
        put_varlong(&mut body, r.timestamp.wrapping_sub(base_timestamp));
        put_varint(&mut body, (r.offset - h.base_offset) as i32);
        put_bytes(&mut body, r.key);
        put_bytes(&mut body, r.value);
        put_varint(&mut body, r.headers.len() as i32);
        for (k, v) in r.headers.iter() {
            put_bytes(&mut body, Some(k));
            put_bytes(&mut body, v);
        }
        put_varint(&mut records, body.len() as i32);
        records.extend_from_slice(&body);
    }
    let codec = h.compression().unwrap_or(Compression::None);
    let start = out.len();
    out.resize(start + HEADER_BYTES, 0);
    if codec == Compression::None {
        out.extend_from_slice(&records);
    } else {
        out.extend_from_slice(&compress(codec, &records));
    }
    let mut attributes = h.attributes & !ATTR_DELETE_HORIZON;
    if horizon.is_some() {
        attributes |= ATTR_DELETE_HORIZON;
    }
    finish_header(&mut out[start..], h, attributes, base_timestamp, max_timestamp, kept.len() as i32);
    debug_assert!(validate(&out[start..]).is_ok(), "a rewritten batch must validate");
}

/// Kafka's `writeEmptyHeader`: no records, no codec, baseTimestamp -1, the original max
/// timestamp, offsets and producer fields.
fn encode_empty(h: &BatchHeader, out: &mut Vec<u8>) {
    let start = out.len();
    out.resize(start + HEADER_BYTES, 0);
    let attributes = h.attributes & (ATTR_LOG_APPEND_TIME | ATTR_TRANSACTIONAL | ATTR_CONTROL);
    finish_header(&mut out[start..], h, attributes, -1, h.max_timestamp, 0);
    debug_assert!(validate(&out[start..]).is_ok(), "an empty header must validate");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(base: i64, recs: &[(Option<&str>, Option<&str>, i64)], codec: Compression) -> Vec<u8> {
        let records: Vec<Record> = recs
            .iter()
            .map(|(k, v, ts)| Record {
                timestamp: *ts,
                key: k.map(|k| k.as_bytes().to_vec()),
                value: v.map(|v| v.as_bytes().to_vec()),
                headers: vec![(b"h".to_vec(), Some(b"x".to_vec()))],
                ..Default::default()
            })
            .collect();
        encode_batch(&records, base, 3, codec)
    }

    fn round(end: i64, now: i64) -> FilterRound {
        FilterRound { end_offset: end, upper_bound: i64::MAX, now_ms: now, delete_retention_ms: 1000 }
    }

    fn run(b: &[u8], map: &OffsetMap, r: &FilterRound) -> (Vec<u8>, FilterStats) {
        let h = validate(b).unwrap();
        let mut out = Vec::new();
        let st = filter_batch(b, &h, map, r, &mut out).unwrap();
        (out, st)
    }

    fn map_of(entries: &[(&str, i64)]) -> OffsetMap {
        let mut m = OffsetMap::with_budget(1 << 16);
        m.reset(100);
        for (k, o) in entries {
            assert!(m.put(key_hash(k.as_bytes()), *o));
        }
        m
    }

    #[test]
    fn superseded_and_keyless_records_go_offsets_and_the_last_offset_stay() {
        for codec in [Compression::None, Compression::Gzip, Compression::Zstd] {
            let b = batch(
                10,
                &[
                    (Some("a"), Some("1"), 100),
                    (None, Some("x"), 101),
                    (Some("b"), Some("2"), 102),
                    (Some("a"), Some("3"), 103),
                ],
                codec,
            );
            let map = map_of(&[("a", 13), ("b", 12)]);
            let (out, st) = run(&b, &map, &round(100, 0));
            assert_eq!((st.records_read, st.records_kept), (4, 2));
            let (h, recs) = decode_batch(&out).unwrap();
            assert_eq!((h.base_offset, h.last_offset(), h.partition_leader_epoch), (10, 13, 3));
            assert_eq!(h.compression().unwrap(), codec);
            assert!(!h.has_delete_horizon());
            let got: Vec<_> = recs.iter().map(|r| (r.offset, r.timestamp, r.value.clone().unwrap())).collect();
            assert_eq!(got, vec![(12, 102, b"2".to_vec()), (13, 103, b"3".to_vec())]);
            assert_eq!(recs[0].headers, vec![(b"h".to_vec(), Some(b"x".to_vec()))]);
            assert_eq!((h.base_timestamp, h.max_timestamp), (102, 103));
        }
    }

    #[test]
    fn a_batch_that_keeps_everything_is_copied_byte_for_byte() {
        let b = batch(0, &[(Some("a"), Some("1"), 5), (Some("b"), Some("2"), 6)], Compression::Snappy);
        let (out, _) = run(&b, &map_of(&[("a", 0), ("b", 1)]), &round(100, 0));
        assert_eq!(out, b);
        // Records past the round's end stay whatever the map says.
        let (out, _) = run(&b, &map_of(&[("a", 50), ("b", 50)]), &round(0, 0));
        assert_eq!(out, b);
    }

    #[test]
    fn a_kept_tombstone_gets_a_delete_horizon_and_goes_once_it_passes() {
        let b = batch(0, &[(Some("a"), None, 5000), (Some("b"), Some("v"), 5001)], Compression::None);
        let map = map_of(&[("a", 0), ("b", 1)]);
        let (out, st) = run(&b, &map, &round(100, 7000));
        assert_eq!(st.records_kept, 2);
        let (h, recs) = decode_batch(&out).unwrap();
        assert!(h.has_delete_horizon());
        assert_eq!(h.base_timestamp, 8000, "now + delete.retention.ms");
        assert_eq!(h.max_timestamp, 5001);
        assert_eq!(recs.iter().map(|r| r.timestamp).collect::<Vec<_>>(), vec![5000, 5001], "timestamps survive");
        // Before the horizon the batch is left alone; at the horizon the tombstone goes.
        let (again, _) = run(&out, &map, &round(100, 7999));
        assert_eq!(again, out);
        let (gone, st) = run(&out, &map, &round(100, 8000));
        assert_eq!(st.tombstones_removed, 1);
        let (h2, recs) = decode_batch(&gone).unwrap();
        assert_eq!(recs.len(), 1);
        assert_eq!(recs[0].offset, 1);
        assert!(h2.has_delete_horizon(), "the horizon stays with the batch");
        assert_eq!(h2.base_timestamp, 8000);
    }

    #[test]
    fn an_emptied_batch_is_dropped_unless_it_ends_the_round() {
        let b = batch(20, &[(Some("a"), Some("1"), 5), (Some("a"), Some("2"), 9)], Compression::Lz4);
        let map = map_of(&[("a", 99)]);
        let (out, st) = run(&b, &map, &round(100, 0));
        assert!(out.is_empty());
        assert_eq!(st.records_kept, 0);
        let r = FilterRound { upper_bound: 22, ..round(100, 0) };
        let (out, _) = run(&b, &map, &r);
        let (h, recs) = decode_batch(&out).unwrap();
        assert!(recs.is_empty());
        assert_eq!(
            (h.base_offset, h.last_offset(), h.records_count, h.base_timestamp, h.max_timestamp),
            (20, 21, 0, -1, 9)
        );
        assert_eq!(h.compression().unwrap(), Compression::None);
    }
}
