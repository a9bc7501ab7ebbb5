//! Checks klog's batch codec against an independent implementation, the `kafka-protocol` crate,
//! in both directions and for every codec (none, gzip, snappy, lz4, zstd): batches klog encodes
//! decode in kafka-protocol to the same records, and version-2 batches kafka-protocol encodes
//! decode in klog with a valid CRC and the same content. Then segments a real Kafka 4.1.1 broker
//! wrote (fixtures/kafka-4.1.1: every codec, `cities-0`, a transactional topic with its markers,
//! the KRaft `__cluster_metadata-0`) decode in klog with valid CRCs, and agree with kafka-protocol.

mod common;

use bytes::{Bytes, BytesMut};
use kafka_protocol::indexmap::IndexMap;
use kafka_protocol::protocol::StrBytes;
use kafka_protocol::records::{
    Compression as KpCompression, Record as KpRecord, RecordBatchDecoder, RecordBatchEncoder, RecordEncodeOptions,
    TimestampType,
};
use klog::record::{
    decode_batch, encode_batch, peek_offset_and_length, validate, BatchHeader, Compression, Record, LOG_OVERHEAD,
};
use proptest::collection::vec;
use proptest::prelude::*;

const CODECS: [(Compression, KpCompression); 5] = [
    (Compression::None, KpCompression::None),
    (Compression::Gzip, KpCompression::Gzip),
    (Compression::Snappy, KpCompression::Snappy),
    (Compression::Lz4, KpCompression::Lz4),
    (Compression::Zstd, KpCompression::Zstd),
];

/// A kafka-protocol record as klog's owned `Record`.
fn from_kp(r: &KpRecord) -> Record {
    Record {
        offset: r.offset,
        timestamp: r.timestamp,
        key: r.key.as_ref().map(|b| b.to_vec()),
        value: r.value.as_ref().map(|b| b.to_vec()),
        headers: r
            .headers
            .iter()
            .map(|(k, v)| (k.as_str().as_bytes().to_vec(), v.as_ref().map(|b| b.to_vec())))
            .collect(),
    }
}

/// klog's record as a kafka-protocol record in a plain (non-idempotent) batch. Header keys must
/// be distinct UTF-8, as kafka-protocol keeps them in a map of strings.
fn to_kp(r: &Record, base_offset: i64, leader_epoch: i32) -> KpRecord {
    let mut headers = IndexMap::new();
    for (k, v) in &r.headers {
        let key = StrBytes::from_string(String::from_utf8(k.clone()).expect("utf-8 header key"));
        headers.insert(key, v.clone().map(Bytes::from));
    }
    KpRecord {
        transactional: false,
        control: false,
        delete_horizon: false,
        partition_leader_epoch: leader_epoch,
        producer_id: -1,
        producer_epoch: -1,
        timestamp_type: TimestampType::Creation,
        offset: r.offset,
        // kafka-protocol groups records into one batch while offset - sequence stays the same.
        sequence: (r.offset - base_offset) as i32,
        timestamp: r.timestamp,
        key: r.key.clone().map(Bytes::from),
        value: r.value.clone().map(Bytes::from),
        headers,
    }
}

fn kp_encode(records: &[KpRecord], codec: KpCompression) -> Vec<u8> {
    let mut buf = BytesMut::new();
    RecordBatchEncoder::encode(&mut buf, records.iter(), &RecordEncodeOptions { version: 2, compression: codec })
        .expect("kafka-protocol encodes");
    buf.to_vec()
}

/// Splits a buffer of whole batches (a segment file) at the batch boundaries.
fn split_batches(bytes: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < bytes.len() {
        assert!(bytes.len() - pos >= LOG_OVERHEAD, "trailing {} bytes", bytes.len() - pos);
        let (_, len) = peek_offset_and_length(&bytes[pos..]);
        let size = LOG_OVERHEAD + len as usize;
        assert!(pos + size <= bytes.len(), "batch at {} runs past the end", pos);
        out.push(&bytes[pos..pos + size]);
        pos += size;
    }
    out
}

/// Decodes one batch in kafka-protocol, checking it consumed the whole slice.
fn kp_decode(batch: &[u8]) -> kafka_protocol::records::RecordSet {
    let mut b = Bytes::copy_from_slice(batch);
    let set = RecordBatchDecoder::decode(&mut b).expect("kafka-protocol decodes the batch");
    assert!(b.is_empty(), "kafka-protocol left {} bytes", b.len());
    set
}

/// klog decodes `batch` (CRC valid) and kafka-protocol agrees on every record and header field.
fn decode_both(batch: &[u8]) -> (BatchHeader, Vec<Record>) {
    let h = validate(batch).unwrap_or_else(|e| panic!("klog rejects a batch: {}", e));
    assert_eq!(h.crc, BatchHeader::computed_crc(batch));
    let (h2, recs) = decode_batch(batch).unwrap_or_else(|e| panic!("klog decode: {}", e));
    assert_eq!(h, h2);
    assert_eq!(recs.len(), h.records_count as usize);
    let set = kp_decode(batch);
    assert_eq!(set.version, 2);
    assert_eq!(set.compression as i16, h.compression().unwrap().id());
    let theirs: Vec<Record> = set.records.iter().map(from_kp).collect();
    if !h.is_log_append_time() {
        assert_eq!(recs, theirs, "klog and kafka-protocol disagree");
    } else {
        // kafka-protocol does not apply LogAppendTime; compare everything but the timestamp.
        for (a, b) in recs.iter().zip(&theirs) {
            assert_eq!(a.timestamp, h.max_timestamp);
            assert_eq!((&a.key, &a.value, &a.headers), (&b.key, &b.value, &b.headers));
        }
    }
    for r in &set.records {
        assert_eq!(r.partition_leader_epoch, h.partition_leader_epoch);
        assert_eq!(r.producer_id, h.producer_id);
        assert_eq!(r.producer_epoch, h.producer_epoch);
        assert_eq!(r.control, h.is_control());
        assert_eq!(r.transactional, h.is_transactional());
    }
    (h, recs)
}

fn sample_records(base: i64) -> Vec<Record> {
    let big: Vec<u8> = (0..100_000u32).map(|i| (i * 7 % 253) as u8).collect();
    let mut v = vec![
        Record {
            timestamp: 1_700_000_000_000,
            key: Some(b"key-1".to_vec()),
            value: Some(b"value one".to_vec()),
            headers: vec![
                ("trace".into(), Some(b"abc".to_vec())),
                ("null-header".into(), None),
                ("empty".into(), Some(vec![])),
            ],
            ..Default::default()
        },
        Record {
            timestamp: 1_699_999_990_000, // a negative delta
            key: None,
            value: Some(vec![0, 1, 2, 0xff, 0xfe]),
            ..Default::default()
        },
        Record {
            timestamp: 1_700_000_005_000,
            key: Some(vec![]),
            value: None, // a tombstone
            headers: vec![("h".into(), Some(vec![0xc3, 0x28]))],
            ..Default::default()
        },
        Record { timestamp: 1_700_000_005_000, key: Some(b"big".to_vec()), value: Some(big), ..Default::default() },
    ];
    for i in 0..200 {
        v.push(Record {
            timestamp: 1_700_000_000_000 + i,
            key: Some(format!("k{}", i % 7).into_bytes()),
            value: Some(format!("record number {}", i).into_bytes()),
            ..Default::default()
        });
    }
    for (i, r) in v.iter_mut().enumerate() {
        r.offset = base + i as i64;
    }
    v
}

#[test]
fn klog_batches_decode_in_kafka_protocol() {
    for (codec, kp_codec) in CODECS {
        let recs = sample_records(1000);
        let bytes = encode_batch(&recs, 1000, 17, codec);
        let set = kp_decode(&bytes);
        assert_eq!(set.version, 2);
        assert_eq!(set.compression, kp_codec);
        let theirs: Vec<Record> = set.records.iter().map(from_kp).collect();
        assert_eq!(theirs, recs, "{:?}", codec);
        for r in &set.records {
            assert_eq!(r.partition_leader_epoch, 17);
            assert_eq!(r.timestamp_type, TimestampType::Creation);
            assert!(!r.control && !r.transactional);
            assert_eq!(r.producer_id, -1);
        }
        // kafka-protocol's own header reading agrees too.
        let info = RecordBatchDecoder::decode_batch_info(&mut Bytes::from(bytes.clone())).unwrap();
        assert_eq!(info.len(), 1);
        assert_eq!(info[0].min_offset, 1000);
        assert_eq!(info[0].record_count, recs.len() as i32);
        assert_eq!(info[0].min_timestamp, recs[0].timestamp); // klog's base = the first record's
        assert_eq!(info[0].compression, kp_codec);
    }
}

#[test]
fn kafka_protocol_batches_decode_in_klog() {
    for (codec, kp_codec) in CODECS {
        let recs = sample_records(5_000_000_000);
        let kp: Vec<KpRecord> = recs.iter().map(|r| to_kp(r, 5_000_000_000, 9)).collect();
        let bytes = kp_encode(&kp, kp_codec);
        let h = validate(&bytes).unwrap_or_else(|e| panic!("{:?}: {}", codec, e));
        assert_eq!(h.size(), bytes.len(), "one batch");
        assert_eq!(h.crc, BatchHeader::computed_crc(&bytes));
        assert_eq!(h.compression().unwrap(), codec);
        assert_eq!(h.base_offset, 5_000_000_000);
        assert_eq!(h.partition_leader_epoch, 9);
        assert_eq!(h.records_count as usize, recs.len());
        assert_eq!(h.last_offset_delta as usize, recs.len() - 1);
        assert_eq!(h.max_timestamp, recs.iter().map(|r| r.timestamp).max().unwrap());
        let (_, got) = decode_batch(&bytes).unwrap();
        assert_eq!(got, recs, "{:?}", codec);
    }
}

#[test]
fn kafka_protocol_transactional_and_control_flags_reach_klog() {
    for (codec, kp_codec) in CODECS {
        let mut kp: Vec<KpRecord> = sample_records(40)[..3].iter().map(|r| to_kp(r, 40, 2)).collect();
        for (i, r) in kp.iter_mut().enumerate() {
            r.transactional = true;
            r.producer_id = 4242;
            r.producer_epoch = 3;
            r.sequence = 100 + i as i32;
        }
        let bytes = kp_encode(&kp, kp_codec);
        let (h, recs) = decode_both(&bytes);
        assert!(h.is_transactional() && !h.is_control(), "{:?}", codec);
        assert_eq!((h.producer_id, h.producer_epoch, h.base_sequence), (4242, 3, 100));
        assert_eq!(recs.len(), 3);

        // A COMMIT marker: control batch, key version 0 type 1.
        let mut marker = to_kp(
            &Record {
                offset: 43,
                timestamp: 1_700_000_000_000,
                key: Some(vec![0, 0, 0, 1]),
                value: Some(vec![0, 0, 0, 0, 0, 7]),
                ..Default::default()
            },
            43,
            2,
        );
        marker.control = true;
        marker.transactional = true;
        marker.producer_id = 4242;
        marker.producer_epoch = 3;
        let bytes = kp_encode(&[marker], kp_codec);
        let (h, recs) = decode_both(&bytes);
        assert!(h.is_control() && h.is_transactional());
        assert_eq!(klog::record::control_type(recs[0].key.as_deref()), Some(1));
    }
}

fn utf8_key() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9_.é-]{0,10}"
}

fn interop_records() -> impl Strategy<Value = Vec<Record>> {
    let rec = (
        prop::option::of(vec(any::<u8>(), 0..40)),
        prop::option::of(prop_oneof![
            vec(any::<u8>(), 0..200),
            (any::<u8>(), 0usize..500).prop_map(|(b, n)| vec![b; n]),
        ]),
        prop::collection::btree_map(utf8_key(), prop::option::of(vec(any::<u8>(), 0..20)), 0..4),
        -100_000i64..100_000,
    );
    (vec(rec, 1..50), 1_500_000_000_000i64..1_800_000_000_000).prop_map(|(rs, base_ts)| {
        rs.into_iter()
            .enumerate()
            .map(|(i, (key, value, headers, dts))| Record {
                offset: i as i64,
                timestamp: base_ts + dts,
                key,
                value,
                headers: headers.into_iter().map(|(k, v)| (k.into_bytes(), v)).collect(),
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_records_agree_both_ways(
        recs in interop_records(),
        base in 0i64..(1 << 40),
        epoch in 0i32..1000,
    ) {
        let recs: Vec<Record> = recs
            .into_iter()
            .map(|r| Record { offset: base + r.offset, ..r })
            .collect();
        for (codec, kp_codec) in CODECS {
            // klog -> kafka-protocol
            let bytes = encode_batch(&recs, base, epoch, codec);
            let set = kp_decode(&bytes);
            prop_assert_eq!(set.compression, kp_codec);
            let theirs: Vec<Record> = set.records.iter().map(from_kp).collect();
            prop_assert_eq!(&theirs, &recs);
            prop_assert!(set.records.iter().all(|r| r.partition_leader_epoch == epoch));

            // kafka-protocol -> klog
            let kp: Vec<KpRecord> = recs.iter().map(|r| to_kp(r, base, epoch)).collect();
            let bytes = kp_encode(&kp, kp_codec);
            let h = validate(&bytes).map_err(|e| TestCaseError::fail(e.0))?;
            prop_assert_eq!(h.size(), bytes.len());
            prop_assert_eq!(h.base_offset, base);
            prop_assert_eq!(h.partition_leader_epoch, epoch);
            prop_assert_eq!(h.compression().unwrap(), codec);
            let (_, ours) = decode_batch(&bytes).map_err(|e| TestCaseError::fail(e.0))?;
            prop_assert_eq!(&ours, &recs);
        }
    }
}

/// The i-th record KlogOracle.java writes to the fixture's fx-* topics: a null key every 3rd, a
/// null value every 7th, headers (one with a null value) on odd ones, timestamps a second apart.
fn oracle_record(i: i64) -> Record {
    Record {
        offset: i,
        timestamp: 1_700_000_000_000 + i * 1000,
        key: (i % 3 != 0).then(|| format!("k{}", i % 10).into_bytes()),
        value: (i % 7 != 0).then(|| format!("value-{}-{}", i, "abcdefgh".repeat(i as usize % 5)).into_bytes()),
        headers: if i % 2 == 1 {
            vec![(b"h1".to_vec(), Some(format!("x{}", i).into_bytes())), (b"h2".to_vec(), None)]
        } else {
            vec![]
        },
    }
}

#[test]
fn broker_written_segments_of_every_codec() {
    for (codec, name) in [
        (Compression::None, "none"),
        (Compression::Gzip, "gzip"),
        (Compression::Snappy, "snappy"),
        (Compression::Lz4, "lz4"),
        (Compression::Zstd, "zstd"),
    ] {
        let path = common::kafka_fixture().join(format!("fx-{}-0/00000000000000000000.log", name));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {}", path.display(), e));
        let mut all = Vec::new();
        for b in split_batches(&bytes) {
            let (h, recs) = decode_both(b);
            assert_eq!(h.compression().unwrap(), codec, "{}", name);
            assert!(h.producer_id >= 0, "{}: Kafka 4's producer is idempotent by default", name);
            all.extend(recs);
        }
        let want: Vec<Record> = (0..20).map(oracle_record).collect();
        assert_eq!(all, want, "{}", name);
        // kafka-protocol reads the whole file the same way.
        let sets = RecordBatchDecoder::decode_all(&mut Bytes::from(bytes.clone())).unwrap();
        assert_eq!(sets.iter().map(|s| s.records.len()).sum::<usize>(), 20);
    }
}

#[test]
fn broker_written_cities_segment() {
    let path = common::kafka_fixture().join("cities-0/00000000000000000000.log");
    let bytes = std::fs::read(path).expect("cities sample");
    let batches = split_batches(&bytes);
    assert_eq!(batches.len(), 11);
    let mut values = Vec::new();
    for (i, b) in batches.iter().enumerate() {
        let (h, recs) = decode_both(b);
        assert_eq!(h.base_offset, i as i64);
        assert_eq!(recs.len(), 1);
        assert_eq!(recs[0].offset, i as i64);
        assert_eq!(recs[0].key, None);
        values.push(String::from_utf8(recs[0].value.clone().unwrap()).unwrap());
    }
    assert_eq!(
        values,
        [
            "New York",
            "Berlin",
            "Paris",
            "London",
            "Sydney",
            "Delhi",
            "Dubai",
            "Amsterdam",
            "Barcelona",
            "Madrid",
            "Toronto"
        ]
    );
}

#[test]
fn kraft_cluster_metadata_segment() {
    let dir = common::kafka_fixture().join("__cluster_metadata-0");
    let bytes = std::fs::read(dir.join("00000000000000000000.log")).expect("metadata sample");
    let batches = split_batches(&bytes);
    assert_eq!(batches.len(), 32);
    let mut next = 0i64;
    let mut epochs: Vec<(i32, i64)> = Vec::new();
    let mut records = 0usize;
    for (i, b) in batches.iter().enumerate() {
        let (h, recs) = decode_both(b);
        assert_eq!(h.base_offset, next, "batch {} is not contiguous", i);
        next = h.next_offset();
        records += recs.len();
        for (j, r) in recs.iter().enumerate() {
            assert_eq!(r.offset, h.base_offset + j as i64);
        }
        if epochs.last().is_none_or(|&(e, _)| h.partition_leader_epoch > e) {
            epochs.push((h.partition_leader_epoch, h.base_offset));
        }
        if i == 0 {
            assert!(h.is_control(), "the first batch is a control batch");
            assert_eq!(recs[0].key.as_deref(), Some(&[0u8, 0, 0, 2][..]));
            assert_eq!(
                klog::record::control_type_name(klog::record::control_type(recs[0].key.as_deref())),
                "LEADER_CHANGE"
            );
        }
    }
    assert!(records >= batches.len());
    // The epochs rebuild the leader-epoch-checkpoint exactly.
    let text = std::fs::read_to_string(dir.join("leader-epoch-checkpoint")).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("0"));
    let n: usize = lines.next().unwrap().parse().unwrap();
    let want: Vec<(i32, i64)> = lines
        .map(|l| {
            let (e, o) = l.split_once(' ').unwrap();
            (e.parse().unwrap(), o.parse().unwrap())
        })
        .collect();
    assert_eq!(want.len(), n);
    assert_eq!(epochs, want);
    assert_eq!(epochs, [(1, 0)]);
}

/// Kafka's transactional producer in the fixture (fx-txn): a committed transaction of three
/// records, then an aborted one, each followed by its control batch (COMMIT, then ABORT).
#[test]
fn broker_written_transactions_and_markers() {
    // Every segment, in offset order (the broker rolled one after the first transaction).
    let dir = common::kafka_fixture().join("fx-txn-0");
    let mut segs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "log"))
        .collect();
    segs.sort();
    assert_eq!(segs.len(), 2, "{:?}", segs);
    let bytes: Vec<u8> = segs.iter().flat_map(|p| std::fs::read(p).unwrap()).collect();
    let batches = split_batches(&bytes);
    let mut kinds = Vec::new();
    for b in &batches {
        let (h, recs) = decode_both(b);
        assert!(h.is_transactional() && h.producer_id >= 0);
        if h.is_control() {
            assert_eq!(recs.len(), 1);
            kinds.push(klog::record::control_type_name(klog::record::control_type(recs[0].key.as_deref())).to_string());
        } else {
            // The n-th record written sits at offset n, or n + 1 after the first marker.
            let first = if h.base_offset == 0 { 0 } else { 3 };
            let want: Vec<Record> =
                (0..3).map(|j| Record { offset: h.base_offset + j, ..oracle_record(first + j) }).collect();
            assert_eq!(recs, want);
            kinds.push(format!("data@{}", h.base_offset));
        }
    }
    assert_eq!(kinds, ["data@0", "COMMIT", "data@4", "ABORT"]);
    // The aborted transaction is in the broker's transaction index of the second segment:
    // version 0, producer id, first offset 4, last offset 7, last stable offset.
    let idx = std::fs::read(dir.join("00000000000000000003.txnindex")).expect("Kafka's .txnindex");
    assert_eq!(idx.len(), 34);
    assert_eq!(i64::from_be_bytes(idx[10..18].try_into().unwrap()), 4);
    assert_eq!(i64::from_be_bytes(idx[18..26].try_into().unwrap()), 7);
}

/// The group metadata klog appends to `__consumer_offsets` after each rebalance: its members'
/// subscriptions and assignments decode with kafka-protocol's consumer protocol messages.
#[test]
fn group_metadata_members_decode_with_kafka_protocol() {
    use kafka_protocol::messages::{ConsumerProtocolAssignment, ConsumerProtocolSubscription};
    use kafka_protocol::protocol::Decodable;
    use klog::group::member::{metadata_value, GroupState, MemberMeta};
    let member = |id: &str, topics: &[&str]| MemberMeta {
        member_id: id.into(),
        client_id: "klog".into(),
        host: "h".into(),
        pid: 1,
        topics: topics.iter().map(|t| t.to_string()).collect(),
        joined_ms: 0,
        session_timeout_ms: 10_000,
        max_poll_interval_ms: 300_000,
    };
    let mut s =
        GroupState { generation: 7, protocol: Some("range".into()), leader: Some("a".into()), ..Default::default() };
    s.members.insert("a".into(), member("a", &["orders", "users"]));
    s.members.insert("b".into(), member("b", &["orders"]));
    let tp = klog::TopicPartition::new;
    s.assignment.insert("a".into(), vec![tp("orders", 0), tp("orders", 1), tp("users", 0)]);
    s.assignment.insert("b".into(), vec![tp("orders", 2)]);
    let v = metadata_value(&s);
    assert_eq!((v.protocol_type.as_str(), v.generation, v.protocol.as_deref()), ("consumer", 7, Some("range")));
    // The value round-trips through klog's own decoder of Kafka's GroupMetadataValue.
    let key = klog::group::schema::group_key("g");
    let bytes = klog::group::schema::group_value(&v);
    match klog::group::schema::decode(&key, Some(&bytes)).unwrap() {
        klog::group::schema::OffsetsRecord::Group { group, value: Some(back) } => {
            assert_eq!(group, "g");
            assert_eq!(back, v);
        }
        other => panic!("{:?}", other),
    }
    let a = v.members.iter().find(|m| m.member_id == "a").unwrap();
    let (mut sub, mut asg) = (Bytes::from(a.subscription.clone()), Bytes::from(a.assignment.clone()));
    let version = i16::from_be_bytes([sub[0], sub[1]]);
    let _ = bytes::Buf::get_i16(&mut sub);
    let sub = ConsumerProtocolSubscription::decode(&mut sub, version).unwrap();
    let topics: Vec<&str> = sub.topics.iter().map(|t| t.as_str()).collect();
    assert_eq!(topics, ["orders", "users"]);
    // An eager strategy gives everything up at a rebalance: nothing owned, as Kafka's consumer says.
    assert!(sub.owned_partitions.is_empty());
    // A cooperative one keeps its partitions: they are reported owned.
    s.protocol = Some("cooperative-sticky".into());
    let coop = metadata_value(&s);
    let a2 = coop.members.iter().find(|m| m.member_id == "a").unwrap();
    let mut sub2 = Bytes::from(a2.subscription.clone());
    let _ = bytes::Buf::get_i16(&mut sub2);
    let sub2 = ConsumerProtocolSubscription::decode(&mut sub2, 1).unwrap();
    let owned: Vec<(String, Vec<i32>)> =
        sub2.owned_partitions.iter().map(|tp| (tp.topic.0.to_string(), tp.partitions.clone())).collect();
    assert_eq!(owned, [("orders".to_string(), vec![0, 1]), ("users".to_string(), vec![0])]);
    let version = i16::from_be_bytes([asg[0], asg[1]]);
    let _ = bytes::Buf::get_i16(&mut asg);
    let asg = ConsumerProtocolAssignment::decode(&mut asg, version).unwrap();
    let assigned: Vec<(String, Vec<i32>)> =
        asg.assigned_partitions.iter().map(|tp| (tp.topic.0.to_string(), tp.partitions.clone())).collect();
    assert_eq!(assigned, [("orders".to_string(), vec![0, 1]), ("users".to_string(), vec![0])]);
    assert!(asg.user_data.is_none());
}
