//! `__consumer_offsets` records in Kafka's schemas (OffsetCommit and GroupMetadata keys and
//! values, the consumer protocol's subscription and assignment inside them). The first two
//! bytes give the key's length; the rest is the value (absent when empty: a tombstone).
#![no_main]

#[path = "../targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::group_records(data));
