//! Offset and time index files (and a small log they point into): opening, entries, lookups,
//! and the reader's use of them as hints for offset and time lookups.
#![no_main]

#[path = "../targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::index(data));
