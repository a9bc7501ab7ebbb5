//! A cluster of brokers for tests that run the real binary: data directories `b0..b(n-1)` joined
//! to one metadata store `m`, all in one temporary directory, with the commands the cluster tests
//! run against it (`klog --meta M ...`), its snapshot, brokers taken away and brought back, and
//! background processes (controllers, agents, followers) killed when dropped.
#![allow(dead_code)]

use super::{exits, fails, ok, spawn, KillOnDrop};
use klog::meta::{MetaStore, PartitionState, Snapshot};
use std::path::{Path, PathBuf};

pub struct Cluster {
    pub dir: tempfile::TempDir,
    /// The metadata store, `<tmp>/m`.
    pub m: String,
}

impl Cluster {
    /// `n` brokers b0..b(n-1) joined to the store `m`.
    pub fn new(n: i32) -> Cluster {
        let dir = tempfile::tempdir().expect("tmp");
        let m = dir.path().join("m").to_string_lossy().into_owned();
        let c = Cluster { dir, m };
        for i in 0..n {
            ok(&["--data-dir", &c.bs(i), "--meta", &c.m, "init", "--broker-id", &i.to_string()], b"");
        }
        c
    }

    /// Broker `i`'s data directory.
    pub fn b(&self, i: i32) -> PathBuf {
        self.dir.path().join(format!("b{}", i))
    }

    pub fn bs(&self, i: i32) -> String {
        self.b(i).to_string_lossy().into_owned()
    }

    /// `--meta M ARGS`
    pub fn args<'a>(&'a self, args: &[&'a str]) -> Vec<&'a str> {
        let mut v = vec!["--meta", self.m.as_str()];
        v.extend_from_slice(args);
        v
    }

    /// `klog --meta M ARGS`, which must succeed; returns stdout.
    pub fn ok(&self, args: &[&str], input: &[u8]) -> String {
        ok(&self.args(args), input)
    }

    /// `klog --meta M ARGS`, which must fail with `code` and a one-line error; returns stderr.
    pub fn fails(&self, args: &[&str], input: &[u8], code: i32) -> String {
        fails(&self.args(args), input, code)
    }

    /// `klog --meta M ARGS`, which must exit with `code`; returns stderr.
    pub fn exits(&self, args: &[&str], input: &[u8], code: i32) -> String {
        exits(&self.args(args), input, code)
    }

    pub fn store(&self) -> MetaStore {
        MetaStore::open(Path::new(&self.m)).expect("store")
    }

    pub fn snapshot(&self) -> Snapshot {
        self.store().load().expect("snapshot")
    }

    /// Partition `p` of `topic` as the snapshot has it.
    pub fn partition(&self, topic: &str, p: usize) -> PartitionState {
        self.snapshot().topics[topic].partitions[p].clone()
    }

    /// Broker `i`'s directory goes away (renamed to `b<i>.away`): the broker has failed.
    pub fn away(&self, i: i32) {
        std::fs::rename(self.b(i), self.dir.path().join(format!("b{}.away", i))).unwrap();
    }

    /// Broker `i`'s directory comes back.
    pub fn back(&self, i: i32) {
        std::fs::rename(self.dir.path().join(format!("b{}.away", i)), self.b(i)).unwrap();
    }

    /// The values of partition `p` of `topic`, read to its end.
    pub fn consume(&self, topic: &str, p: i32) -> Vec<String> {
        self.ok(&["consume", topic, "-p", &p.to_string(), "--exit-at-end"], b"").lines().map(str::to_string).collect()
    }

    /// `klog --meta M controller run` in the background, stdout to `<tmp>/<name>.out`.
    pub fn controller(&self, name: &str) -> KillOnDrop {
        let log = self.dir.path().join(format!("{}.out", name));
        spawn(&self.args(&["controller", "run"]), Some(&log), None)
    }

    /// Whether a controller holds the controller lock and is recorded in the snapshot.
    pub fn controller_active(&self) -> bool {
        klog::lock::is_held(&klog::controller::controller_lock_path(&self.store())).unwrap()
            && self.snapshot().controller.is_some()
    }
}

/// Records `r<from>` .. `r<to - 1>`, one a line, as `produce` reads them.
pub fn lines(from: usize, to: usize) -> Vec<u8> {
    (from..to).map(|i| format!("r{}\n", i)).collect::<String>().into_bytes()
}

/// The values `lines(from, to)` produces, as `consume` returns them.
pub fn names(from: usize, to: usize) -> Vec<String> {
    (from..to).map(|i| format!("r{}", i)).collect()
}
