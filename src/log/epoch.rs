//! The leader epoch cache: an ordered map from leader epoch to the first offset written in it,
//! stored as `leader-epoch-checkpoint` (kafka-format.md section 7.1). Both columns strictly
//! increase; every change is written by atomic replace.

use super::checkpoint;
use super::names::LEADER_EPOCH_CHECKPOINT;
use crate::error::Result;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EpochEntry {
    pub epoch: i32,
    pub start_offset: i64,
}

#[derive(Debug, Clone)]
pub struct LeaderEpochCache {
    path: PathBuf,
    entries: Vec<EpochEntry>,
}

impl checkpoint::Entry for EpochEntry {
    fn from_fields(fields: &[String]) -> Option<EpochEntry> {
        match fields {
            [e, o] => Some(EpochEntry { epoch: e.parse().ok()?, start_offset: o.parse().ok()? }),
            _ => None,
        }
    }

    fn to_line(&self) -> String {
        format!("{} {}", self.epoch, self.start_offset)
    }
}

impl LeaderEpochCache {
    pub fn load(partition_dir: &Path) -> Result<LeaderEpochCache> {
        let path = partition_dir.join(LEADER_EPOCH_CHECKPOINT);
        let lines = checkpoint::read(&path)?;
        LeaderEpochCache::from_lines(path, &lines)
    }

    /// The cache of `path` from its checkpoint's parsed lines ([`checkpoint::parse`]): what
    /// [`LeaderEpochCache::load`] makes of the file's text, with no file (the fuzz target's way).
    pub fn from_lines(path: PathBuf, lines: &[Vec<String>]) -> Result<LeaderEpochCache> {
        let entries = checkpoint::entries::<EpochEntry>(lines, &path)?;
        Ok(LeaderEpochCache { path, entries })
    }

    pub fn entries(&self) -> &[EpochEntry] {
        &self.entries
    }

    pub fn latest(&self) -> Option<EpochEntry> {
        self.entries.last().copied()
    }

    fn save(&self) -> Result<()> {
        checkpoint::write_entries(&self.path, &self.entries)
    }

    /// Records that `epoch` starts at `offset`; a no-op when it is already the latest epoch.
    /// Otherwise drops every entry with an epoch >= `epoch` or a start >= `offset` first.
    pub fn assign(&mut self, epoch: i32, offset: i64) -> Result<()> {
        if epoch < 0 {
            return Ok(());
        }
        if let Some(last) = self.latest() {
            if last.epoch == epoch && offset >= last.start_offset {
                return Ok(());
            }
        }
        self.entries.retain(|e| e.epoch < epoch && e.start_offset < offset);
        self.entries.push(EpochEntry { epoch, start_offset: offset });
        self.save()
    }

    /// Drops entries that start at or after `end_offset` (after a truncation).
    pub fn truncate_from_end(&mut self, end_offset: i64) -> Result<()> {
        let before = self.entries.len();
        self.entries.retain(|e| e.start_offset < end_offset);
        if self.entries.len() != before {
            self.save()?;
        }
        Ok(())
    }

    /// Drops entries that start at or before `start_offset`, keeping the last of them moved up
    /// to `start_offset` (after the log start advanced).
    pub fn truncate_from_start(&mut self, start_offset: i64) -> Result<()> {
        let last_below = self.entries.iter().rev().find(|e| e.start_offset <= start_offset).copied();
        let Some(keep) = last_below else {
            return Ok(());
        };
        if keep.start_offset == start_offset && self.entries[0] == keep {
            return Ok(());
        }
        self.entries.retain(|e| e.start_offset > start_offset);
        self.entries.insert(0, EpochEntry { epoch: keep.epoch, start_offset });
        self.save()
    }

    /// Kafka's `endOffsetFor(epoch, leo)`: the end offset of `epoch` as this log knows it, and
    /// the largest epoch <= it that the log has. `(-1, -1)` when undefined.
    pub fn end_offset_for(&self, epoch: i32, log_end_offset: i64) -> (i32, i64) {
        if epoch < 0 {
            return (-1, -1);
        }
        if self.latest().is_some_and(|l| l.epoch == epoch) {
            return (epoch, log_end_offset);
        }
        match self.entries.iter().find(|e| e.epoch > epoch) {
            None => (-1, -1),
            Some(higher) => match self.entries.iter().rev().find(|e| e.epoch <= epoch) {
                Some(lower) => (lower.epoch, higher.start_offset),
                None => (epoch, higher.start_offset),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assign_and_truncate() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = LeaderEpochCache::load(dir.path()).unwrap();
        c.assign(0, 0).unwrap();
        c.assign(0, 5).unwrap();
        c.assign(2, 10).unwrap();
        c.assign(3, 20).unwrap();
        assert_eq!(c.entries().len(), 3);
        assert_eq!(c.end_offset_for(1, 30), (0, 10));
        assert_eq!(c.end_offset_for(3, 30), (3, 30));
        assert_eq!(c.end_offset_for(4, 30), (-1, -1));
        c.truncate_from_end(15).unwrap();
        assert_eq!(c.latest(), Some(EpochEntry { epoch: 2, start_offset: 10 }));
        let again = LeaderEpochCache::load(dir.path()).unwrap();
        assert_eq!(again.entries(), c.entries());
        c.truncate_from_start(12).unwrap();
        assert_eq!(c.entries(), &[EpochEntry { epoch: 2, start_offset: 12 }]);
    }
}
