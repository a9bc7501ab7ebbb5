//! The compression codecs Kafka writes (gzip, snappy, lz4, zstd), on arbitrary bytes: the first
//! byte picks the codec. An error is fine; a panic, a hang or an unbounded allocation is not.
#![no_main]

#[path = "../targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::decompress(data));
