//! Kafka's text checkpoints (leader-epoch-checkpoint, the offset checkpoints) and
//! `meta.properties`, and the epoch cache loaded from a checkpoint file.
#![no_main]

#[path = "../targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::checkpoint(data));
