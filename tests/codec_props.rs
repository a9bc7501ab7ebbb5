//! Property tests of the record-batch codec (`klog::record`): random records (null and non-null
//! keys and values, arbitrary bytes, headers with null values, timestamps with negative deltas,
//! 1..50 records) round-trip through `encode_batch`/`decode_batch` under every `Compression`;
//! random garbage, truncated batches and mutated batches (even with a recomputed CRC) decode to
//! an error or to the original records, never a panic; and a single flipped bit anywhere from
//! byte 17 on (the CRC field and the bytes it covers) makes `validate` fail. Also the
//! `BatchBuilder` contracts: a reused builder encodes exactly as a fresh one,
//! `record_size_bound` is an upper bound on what `push` adds, and `klog produce` (through the
//! harness) therefore never builds a batch over the topic's `max.message.bytes`; and
//! LogAppendTime batches give every record the batch's maxTimestamp.

mod common;

use klog::record::{
    crc32c, decode_batch, encode_batch, peek_offset_and_length, validate, BatchBuilder, Compression, Record,
    ATTRIBUTES_AT, ATTR_LOG_APPEND_TIME, CRC_AT, HEADER_BYTES, LENGTH_AT, LOG_OVERHEAD,
};
use proptest::collection::vec;
use proptest::prelude::*;

const CODECS: [Compression; 5] =
    [Compression::None, Compression::Gzip, Compression::Snappy, Compression::Lz4, Compression::Zstd];

fn bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        // Arbitrary binary bytes.
        vec(any::<u8>(), 0..max),
        // Compressible, repetitive bytes (exercises the codecs' matchers).
        (any::<u8>(), 0..max).prop_map(|(b, n)| vec![b; n]),
    ]
}

fn header() -> impl Strategy<Value = (Vec<u8>, Option<Vec<u8>>)> {
    (vec(any::<u8>(), 0..12), prop::option::of(bytes(40)))
}

/// Timestamps near a realistic base, with deltas in both directions (and sometimes -1).
fn timestamps(n: usize) -> impl Strategy<Value = Vec<i64>> {
    (
        prop_oneof![Just(0i64), 0i64..4_000_000_000_000, Just(-1i64)],
        vec(prop_oneof![-5_000_000i64..5_000_000, Just(0i64), -(1i64 << 40)..(1i64 << 40)], n),
    )
        .prop_map(|(base, deltas)| deltas.into_iter().map(|d| base + d).collect())
}

fn record_body() -> impl Strategy<Value = Record> {
    (prop::option::of(bytes(64)), prop::option::of(bytes(300)), vec(header(), 0..5))
        .prop_map(|(key, value, headers)| Record { offset: 0, timestamp: 0, key, value, headers })
}

fn records() -> impl Strategy<Value = Vec<Record>> {
    (1usize..50).prop_flat_map(|n| (vec(record_body(), n), timestamps(n))).prop_map(|(mut rs, ts)| {
        for (r, t) in rs.iter_mut().zip(ts) {
            r.timestamp = t;
        }
        rs
    })
}

/// What decoding should give back: the records at base, base+1, ...
fn expected(records: &[Record], base: i64) -> Vec<Record> {
    records.iter().enumerate().map(|(i, r)| Record { offset: base + i as i64, ..r.clone() }).collect()
}

/// Rewrites batchLength to match the slice and recomputes the CRC.
fn fix_up(batch: &mut [u8]) {
    let len = (batch.len() - LOG_OVERHEAD) as i32;
    batch[LENGTH_AT..LENGTH_AT + 4].copy_from_slice(&len.to_be_bytes());
    let crc = crc32c(&batch[ATTRIBUTES_AT..]);
    batch[CRC_AT..CRC_AT + 4].copy_from_slice(&crc.to_be_bytes());
}

fn check_round_trip(recs: &[Record], base: i64, epoch: i32, codec: Compression) -> Result<(), TestCaseError> {
    let bytes = encode_batch(recs, base, epoch, codec);
    let (h, got) =
        decode_batch(&bytes).map_err(|e| TestCaseError::fail(format!("{:?}: decode failed: {}", codec, e)))?;
    prop_assert_eq!(h.base_offset, base);
    prop_assert_eq!(h.partition_leader_epoch, epoch);
    prop_assert_eq!(h.magic, 2);
    prop_assert_eq!(h.compression().unwrap(), codec);
    prop_assert_eq!(h.records_count as usize, recs.len());
    prop_assert_eq!(h.last_offset_delta as usize, recs.len() - 1);
    prop_assert_eq!(h.base_timestamp, recs[0].timestamp);
    // The largest record timestamp, even when every timestamp is negative.
    prop_assert_eq!(h.max_timestamp, recs.iter().map(|r| r.timestamp).max().unwrap());
    prop_assert_eq!(h.size(), bytes.len());
    prop_assert_eq!(h.producer_id, -1);
    prop_assert_eq!(h.producer_epoch, -1);
    prop_assert_eq!(h.base_sequence, -1);
    prop_assert!(!h.is_control() && !h.is_transactional() && !h.is_log_append_time());
    prop_assert_eq!(got, expected(recs, base), "codec {:?}", codec);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn round_trip_every_codec(
        recs in records(),
        base in prop_oneof![Just(0i64), 0i64..(1i64 << 40)],
        epoch in prop_oneof![Just(0i32), Just(-1i32), any::<i32>()],
    ) {
        for codec in CODECS {
            check_round_trip(&recs, base, epoch, codec)?;
        }
    }

    #[test]
    fn round_trip_extreme_timestamps(
        recs in (1usize..20).prop_flat_map(|n| (vec(record_body(), n), vec(any::<i64>(), n))),
        codec in prop::sample::select(CODECS.to_vec()),
    ) {
        let (mut recs, ts) = recs;
        for (r, t) in recs.iter_mut().zip(ts) {
            r.timestamp = t;
        }
        check_round_trip(&recs, 7, 3, codec)?;
    }

    #[test]
    fn random_garbage_is_an_error(garbage in vec(any::<u8>(), 0..400)) {
        prop_assert!(decode_batch(&garbage).is_err());
        prop_assert!(validate(&garbage).is_err());
    }

    #[test]
    fn garbage_body_behind_a_valid_header_never_panics(
        body in vec(any::<u8>(), 0..400),
        codec in 0i16..8,
        count in prop_oneof![0i32..60, any::<i32>()],
        delta in prop_oneof![0i32..60, any::<i32>()],
        attr_bits in prop_oneof![Just(0i16), any::<i16>()],
    ) {
        let mut b = vec![0u8; HEADER_BYTES];
        b[16] = 2;
        let attrs = (attr_bits & !7) | codec;
        b[ATTRIBUTES_AT..ATTRIBUTES_AT + 2].copy_from_slice(&attrs.to_be_bytes());
        b[23..27].copy_from_slice(&delta.to_be_bytes());
        b[57..61].copy_from_slice(&count.to_be_bytes());
        b.extend_from_slice(&body);
        fix_up(&mut b);
        // A CRC that checks out does not make garbage into records: the decoder must answer
        // without panicking, and if it accepts, it returns exactly `recordsCount` records.
        match decode_batch(&b) {
            Ok((h, recs)) => prop_assert_eq!(recs.len(), h.records_count as usize),
            Err(e) => prop_assert!(!e.0.is_empty()),
        }
        if codec > 4 || count < 0 || delta < 0 {
            prop_assert!(decode_batch(&b).is_err());
        }
    }

    #[test]
    fn truncated_batches_are_errors(
        recs in records(),
        codec in prop::sample::select(CODECS.to_vec()),
        cut in any::<prop::sample::Index>(),
    ) {
        let bytes = encode_batch(&recs, 11, 1, codec);
        let len = cut.index(bytes.len()); // 0..len-1: always shorter than the batch
        let short = &bytes[..len];
        prop_assert!(decode_batch(short).is_err(), "{:?} cut at {} of {}", codec, len, bytes.len());
        prop_assert!(validate(short).is_err());
        // The same cut with the length and CRC rewritten to match: still never a panic, and never
        // records other than the originals.
        if len >= HEADER_BYTES {
            let mut fixed = short.to_vec();
            fix_up(&mut fixed);
            if let Ok((_, got)) = decode_batch(&fixed) {
                prop_assert_eq!(got, expected(&recs, 11), "{:?} cut at {}", codec, len);
            }
        }
    }

    #[test]
    fn mutated_batches_with_fixed_crc_never_panic(
        recs in records(),
        codec in prop::sample::select(CODECS.to_vec()),
        edits in vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let mut bytes = encode_batch(&recs, 0, 0, codec);
        let body = bytes.len() - HEADER_BYTES;
        for (at, v) in &edits {
            if body > 0 {
                let i = HEADER_BYTES + at.index(body);
                bytes[i] = *v;
            }
        }
        fix_up(&mut bytes);
        if let Ok((h, got)) = decode_batch(&bytes) {
            prop_assert_eq!(got.len(), h.records_count as usize);
        }
    }

    #[test]
    fn flipped_bit_from_byte_17_fails_validation(
        recs in records(),
        codec in prop::sample::select(CODECS.to_vec()),
        at in any::<prop::sample::Index>(),
        bit in 0u8..8,
    ) {
        let mut bytes = encode_batch(&recs, 3, 2, codec);
        prop_assert!(validate(&bytes).is_ok());
        let i = CRC_AT + at.index(bytes.len() - CRC_AT);
        bytes[i] ^= 1 << bit;
        prop_assert!(validate(&bytes).is_err(), "{:?}: flip of bit {} of byte {}", codec, bit, i);
        prop_assert!(decode_batch(&bytes).is_err());
    }
}

/// Every single-bit flip from byte 17 to the end of a few small batches, exhaustively.
#[test]
fn every_single_bit_flip_from_byte_17_fails_validation() {
    let recs = vec![
        Record {
            timestamp: 1_700_000_000_000,
            key: Some(b"k1".to_vec()),
            value: Some(b"hello".to_vec()),
            headers: vec![(b"h".to_vec(), None), (b"h2".to_vec(), Some(vec![0, 255]))],
            ..Default::default()
        },
        Record { timestamp: 1_699_999_999_000, key: None, value: None, ..Default::default() },
        Record { timestamp: 1_700_000_000_500, key: Some(vec![]), value: Some(vec![0xff; 20]), ..Default::default() },
    ];
    for codec in CODECS {
        let good = encode_batch(&recs, 42, 7, codec);
        assert_eq!(decode_batch(&good).unwrap().1, expected(&recs, 42));
        for i in CRC_AT..good.len() {
            for bit in 0..8 {
                let mut b = good.clone();
                b[i] ^= 1 << bit;
                assert!(
                    validate(&b).is_err(),
                    "{:?}: flipping bit {} of byte {} of {} went unnoticed",
                    codec,
                    bit,
                    i,
                    good.len()
                );
            }
        }
        // Outside the CRC, baseOffset and partitionLeaderEpoch may change freely.
        let mut b = good.clone();
        b[0] ^= 0x40;
        b[12] ^= 0x01;
        let h = validate(&b).unwrap();
        assert_eq!(h.base_offset, 42 ^ (0x40i64 << 56));
        assert_eq!(h.partition_leader_epoch, 7 ^ (1 << 24));
    }
}

/// A record with every field null or empty, alone in a batch, under every codec.
#[test]
fn minimal_records_round_trip() {
    for codec in CODECS {
        for rec in [
            Record::default(),
            Record {
                key: Some(vec![]),
                value: Some(vec![]),
                headers: vec![(vec![], Some(vec![])), (vec![], None)],
                timestamp: -1,
                ..Default::default()
            },
        ] {
            let b = encode_batch(std::slice::from_ref(&rec), 0, 0, codec);
            let (_, got) = decode_batch(&b).unwrap();
            assert_eq!(got, vec![rec.clone()], "{:?}", codec);
        }
    }
}

fn push_all(b: &mut BatchBuilder, recs: &[Record]) {
    for r in recs {
        let headers: Vec<(&[u8], Option<&[u8]>)> =
            r.headers.iter().map(|(k, v)| (k.as_slice(), v.as_deref())).collect();
        b.push(r.timestamp, r.key.as_deref(), r.value.as_deref(), &headers);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_reused_builder_encodes_like_a_fresh_one(
        sets in vec((records(), prop::sample::select(CODECS.to_vec())), 1..5),
    ) {
        let mut b = BatchBuilder::with_capacity(64);
        for (i, (recs, codec)) in sets.iter().enumerate() {
            b.clear();
            push_all(&mut b, recs);
            prop_assert_eq!(b.count() as usize, recs.len());
            let got = b.finish(i as i64 * 100, i as i32, *codec).to_vec();
            prop_assert_eq!(&got, &encode_batch(recs, i as i64 * 100, i as i32, *codec));
            // Finishing again with another codec re-encodes the same records.
            let again = b.finish(5, 5, Compression::Gzip).to_vec();
            prop_assert_eq!(decode_batch(&again).unwrap().1, expected(recs, 5));
        }
    }

    #[test]
    fn record_size_bound_holds_for_realistic_records(recs in records()) {
        let mut b = BatchBuilder::new();
        for r in &recs {
            let headers: Vec<(&[u8], Option<&[u8]>)> =
                r.headers.iter().map(|(k, v)| (k.as_slice(), v.as_deref())).collect();
            let bound = BatchBuilder::record_size_bound(r.key.as_deref(), r.value.as_deref(), &headers);
            let before = b.size_bytes();
            b.push(r.timestamp, r.key.as_deref(), r.value.as_deref(), &headers);
            prop_assert!(b.size_bytes() - before <= bound, "added {} > bound {}", b.size_bytes() - before, bound);
        }
    }
}

/// `record_size_bound` promises "an upper bound good for size limits". A record's overhead can
/// reach 1 (attributes), 10 (timestamp delta), 5 (offset delta), 5 and 5 (key and value length),
/// 5 (header count) and 5 (its own length) bytes; here it takes 22 bytes (a 3-byte length, a
/// 10-byte timestamp delta, 2-byte offset delta and key length, 3-byte value length, 1-byte
/// header count), more than Kafka's 21.
#[test]
fn record_size_bound_holds_for_extreme_timestamp_deltas() {
    let key = vec![b'k'; 64];
    let value = vec![b'v'; 9000];
    let bound = BatchBuilder::record_size_bound(Some(&key), Some(&value), &[]);
    let mut b = BatchBuilder::new();
    for i in 0..100 {
        let ts = if i % 2 == 0 { 0 } else { i64::MAX };
        let before = b.size_bytes();
        b.push(ts, Some(&key), Some(&value), &[]);
        let added = b.size_bytes() - before;
        assert!(added <= bound, "record {} (timestamp {}) added {} bytes, over its bound {}", i, ts, added, bound);
    }
}

/// The same through the binary: a batch `produce` builds must fit the topic's
/// `max.message.bytes`, whatever the timestamps, or the whole batch is refused and lost.
#[test]
fn produce_keeps_batches_within_max_message_bytes() {
    let key = vec![b'k'; 64];
    let value = vec![b'v'; 9000];
    let ts = |i: usize| if i < 65 { 0 } else { i64::MAX };
    // The limit at which the 66th record just passes the builder's size check.
    let mut b = BatchBuilder::new();
    for i in 0..65 {
        b.push(ts(i), Some(&key), Some(&value), &[]);
    }
    let max = b.size_bytes() + BatchBuilder::record_size_bound(Some(&key), Some(&value), &[]);
    let t = common::Klog::new();
    t.ok(&["topic", "create", "t", "-c", &format!("max.message.bytes={}", max)]);
    let mut input = String::new();
    for i in 0..66 {
        input +=
            &format!("{{\"key\":\"{}\",\"value\":\"{}\",\"timestamp\":{}}}\n", "k".repeat(64), "v".repeat(9000), ts(i));
    }
    let out = t.cmd(&["produce", "t", "-p", "0", "--input", "json"]).write_stdin(input).output().unwrap();
    assert!(
        out.status.success(),
        "produce of 66 records under max.message.bytes={} failed: {}",
        max,
        String::from_utf8_lossy(&out.stderr)
    );
    let consumed = t.ok(&["consume", "t", "-p", "0", "-e", "--format", "%o\\n"]);
    assert_eq!(consumed.lines().count(), 66);
    let log = std::fs::read(t.segment("t", 0, 0, ".log")).unwrap();
    let mut pos = 0;
    while pos < log.len() {
        let (_, len) = peek_offset_and_length(&log[pos..]);
        let size = LOG_OVERHEAD + len as usize;
        assert!(size <= max, "a batch of {} bytes over max.message.bytes {}", size, max);
        pos += size;
    }
}

/// With the LogAppendTime attribute every record's timestamp is the batch's maxTimestamp.
#[test]
fn log_append_time_batches_use_the_max_timestamp() {
    let recs: Vec<Record> =
        (0..5).map(|i| Record { timestamp: 1000 + i * 10, value: Some(vec![i as u8]), ..Default::default() }).collect();
    for codec in CODECS {
        let mut b = encode_batch(&recs, 0, 0, codec);
        let attrs = i16::from_be_bytes([b[ATTRIBUTES_AT], b[ATTRIBUTES_AT + 1]]) | ATTR_LOG_APPEND_TIME;
        b[ATTRIBUTES_AT..ATTRIBUTES_AT + 2].copy_from_slice(&attrs.to_be_bytes());
        b[35..43].copy_from_slice(&777_777i64.to_be_bytes()); // maxTimestamp, as a broker sets it
        assert!(validate(&b).is_err(), "the CRC covers the attributes");
        fix_up(&mut b);
        let (h, got) = decode_batch(&b).unwrap();
        assert!(h.is_log_append_time());
        assert_eq!(got.len(), 5);
        assert!(got.iter().all(|r| r.timestamp == 777_777), "{:?}", codec);
    }
}
