//! `klog produce --input json`: one object per line (key/key_b64, value/value_b64, headers,
//! timestamp, partition), as `consume --json` writes them.
#![no_main]

#[path = "../targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::json_input(data));
