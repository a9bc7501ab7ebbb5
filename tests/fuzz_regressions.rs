//! The fuzz targets' code (`fuzz/targets.rs`) in the normal suite: every committed seed in
//! `fuzz/corpus/<target>/` and every input that once crashed a target, kept in
//! `fuzz/regressions/<target>/`, must decode (or fail to) without a panic.

#[path = "../fuzz/targets.rs"]
mod targets;

use std::path::Path;

/// A fuzz target's body.
type Target = fn(&[u8]);

const TARGETS: [(&str, Target); 9] = [
    ("record_batch", targets::record_batch),
    ("decompress", targets::decompress),
    ("segment", targets::segment),
    ("index", targets::index),
    ("checkpoint", targets::checkpoint),
    ("group_records", targets::group_records),
    ("meta_store", targets::meta_store),
    ("json_state", targets::json_state),
    ("json_input", targets::json_input),
];

#[test]
fn every_seed_and_every_past_crash_runs_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let targets_on_disk = std::fs::read_dir(root.join("fuzz_targets")).unwrap().count();
    assert_eq!(targets_on_disk, TARGETS.len(), "every fuzz target is replayed here");
    for (name, run) in TARGETS {
        let mut inputs = 0;
        for kind in ["corpus", "regressions"] {
            let Ok(rd) = std::fs::read_dir(root.join(kind).join(name)) else { continue };
            for e in rd {
                let data = std::fs::read(e.unwrap().path()).unwrap();
                run(&data);
                inputs += 1;
            }
        }
        assert!(inputs > 0, "target {} has seeds", name);
    }
}
