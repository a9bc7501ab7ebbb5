//! One record batch as read from disk: validation, the header, the records (decompressed).
//! The input's length and CRC fields are fixed up first (half the time), so that the fuzzer
//! reaches the record and compression decoders behind the CRC check.
#![no_main]

#[path = "../targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::record_batch(data));
