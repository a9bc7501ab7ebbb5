//! A `.log` segment file as every reader walks it: the batch scanner (offset checks and the
//! look-ahead), the lock-free reader's cursor, `verify`'s whole-segment check and the search
//! for valid batches after damage. A record returned must come from a batch that validated.
#![no_main]

#[path = "../targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::segment(data));
