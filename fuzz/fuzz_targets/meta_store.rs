//! The cluster metadata store: `snapshot.json` (and its invariants) and the change log
//! `changes.log` (CRC-guarded JSON lines).
#![no_main]

#[path = "../targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::meta_store(data));
