//! klog's own JSON state files: topic metadata (`.klog/topics/<t>.json`), a group's
//! `state.json` and a member's metadata, read as the commands read them.
#![no_main]

#[path = "../targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::json_state(data));
