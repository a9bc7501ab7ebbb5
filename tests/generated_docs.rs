//! The committed man pages (`man/`) and completion scripts (`completions/`) must be exactly what
//! `klog generate` writes from the clap definitions. Run with `KLOG_BLESS=1` to rewrite them.

use std::collections::BTreeMap;
use std::path::Path;

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for sub in ["man", "completions"] {
        let d = dir.join(sub);
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd {
            let e = e.unwrap();
            out.insert(format!("{}/{}", sub, e.file_name().to_string_lossy()), std::fs::read(e.path()).unwrap());
        }
    }
    out
}

#[test]
fn man_pages_and_completions_are_fresh() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let target = if std::env::var_os("KLOG_BLESS").is_some() { repo.to_path_buf() } else { tmp.path().to_path_buf() };
    assert_cmd::Command::cargo_bin("klog").unwrap().args(["generate", "--out"]).arg(&target).assert().success();
    let fresh = files(&target);
    let committed = files(repo);
    assert!(fresh.keys().any(|k| k == "man/klog.1"), "generate wrote no man/klog.1");
    assert!(fresh.keys().any(|k| k == "man/klog-produce.1"));
    assert!(fresh.keys().any(|k| k == "completions/klog.bash"));
    for (name, bytes) in &fresh {
        let old = committed.get(name);
        assert!(old == Some(bytes), "{} is stale: run `KLOG_BLESS=1 cargo test --test generated_docs`", name);
    }
    for name in committed.keys() {
        assert!(fresh.contains_key(name), "{} is committed but no longer generated", name);
    }
}
