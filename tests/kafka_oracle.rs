//! Apache Kafka itself judges klog's compatibility (issue 11): the pinned Kafka of
//! `interop/kafka/pom.xml` (fetched by Maven once, see `common::kafka`) reads what klog writes,
//! with its own DumpLogSegments, a real one-node KRaft broker, GetOffsetShell, the console consumer
//! and kafka-consumer-groups; and klog reads what Kafka's own clients wrote. These tests never skip:
//! without java, mvn or the jars they fail, saying what to install.

mod common;

use common::kafka::{self, Broker};
use common::Klog;

#[test]
fn smoke_broker_serves_and_dump_log_segments_reads_a_klog_segment() {
    let t = Klog::new();
    t.ok(&["topic", "create", "smoke"]);
    t.ok_with(&["produce", "smoke", "-K", ":"], b"k1:v1\nk2:v2\nnokey\n");
    let seg = t.segment("smoke", 0, 0, ".log");
    let out = kafka::dump_log_segments(&[&seg], &["--deep-iteration", "--print-data-log"]);
    assert!(out.contains("isvalid: true"), "DumpLogSegments: {}", out);
    assert!(!out.contains("isvalid: false"), "DumpLogSegments: {}", out);
    for want in ["key: k1 payload: v1", "key: k2 payload: v2", "payload: nokey"] {
        assert!(out.contains(want), "DumpLogSegments lacks {:?}: {}", want, out);
    }
    let mut b = Broker::start();
    let id = b.create_topic("smoke", 1, &[]);
    assert_eq!(id.len(), 22, "topic id {:?}", id);
    b.stop();
    assert!(b.logs().join("smoke-0/partition.metadata").exists());
}
