//! The sparse offset index (8-byte entries: relative offset, position) and time index (12-byte
//! entries: timestamp, relative offset), read with positioned reads and binary search, written by
//! appending.
//!
//! Indexes are derived data: no checksum, rebuilt from the log when in doubt. A reader therefore
//! treats every entry as a hint and checks it against the log. Kafka preallocates an active
//! segment's index files and fills them with zeros; on open, trailing all-zero entries after the
//! first slot are not entries (kafka-format.md section 2.7), and are cut off by a binary search.

use crate::error::{Error, Result};
use crate::fsutil;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

pub const OFFSET_ENTRY_BYTES: u64 = 8;
pub const TIME_ENTRY_BYTES: u64 = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OffsetEntry {
    pub offset: i64,
    pub position: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeEntry {
    pub timestamp: i64,
    pub offset: i64,
}

/// Which of the two index kinds a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexKind {
    Offset,
    Time,
}

impl IndexKind {
    pub fn entry_bytes(self) -> u64 {
        match self {
            IndexKind::Offset => OFFSET_ENTRY_BYTES,
            IndexKind::Time => TIME_ENTRY_BYTES,
        }
    }
}

/// A read-only view of one index file.
pub struct IndexView {
    file: Option<File>,
    path: PathBuf,
    kind: IndexKind,
    base_offset: i64,
    entries: u64,
}

impl IndexView {
    /// Opens an index file; a missing file is an empty index.
    pub fn open(path: &Path, kind: IndexKind, base_offset: i64) -> Result<IndexView> {
        let file = match File::open(path) {
            Ok(f) => Some(f),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(Error::io("open index", path, e)),
        };
        let mut v = IndexView { file, path: path.to_path_buf(), kind, base_offset, entries: 0 };
        if let Some(f) = &v.file {
            let slots = fsutil::file_len(f, path)? / kind.entry_bytes();
            v.entries = slots;
            v.entries = v.trim_zero_tail(slots)?;
        }
        Ok(v)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn len(&self) -> u64 {
        self.entries
    }

    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    fn raw(&self, i: u64) -> Result<[u8; 12]> {
        let mut buf = [0u8; 12];
        let n = self.kind.entry_bytes() as usize;
        let f = self.file.as_ref().expect("entries > 0 implies an open file");
        let got = fsutil::read_at_most(f, &self.path, i * self.kind.entry_bytes(), &mut buf[..n])?;
        if got < n {
            return Err(Error::corrupt(&self.path, i * self.kind.entry_bytes(), "index entry is truncated"));
        }
        Ok(buf)
    }

    fn is_zero(&self, i: u64) -> Result<bool> {
        let n = self.kind.entry_bytes() as usize;
        Ok(self.raw(i)?[..n].iter().all(|&b| b == 0))
    }

    /// Finds the first all-zero slot after slot 0 (preallocated space), by binary search.
    fn trim_zero_tail(&self, slots: u64) -> Result<u64> {
        if slots <= 1 || !self.is_zero(slots - 1)? {
            return Ok(slots);
        }
        // Invariant: slot `hi` is zero; every slot in [1, lo) is not.
        let (mut lo, mut hi) = (1u64, slots - 1);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.is_zero(mid)? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        Ok(lo)
    }

    pub fn offset_entry(&self, i: u64) -> Result<OffsetEntry> {
        debug_assert_eq!(self.kind, IndexKind::Offset);
        let b = self.raw(i)?;
        let rel = i32::from_be_bytes(b[0..4].try_into().expect("4 bytes"));
        let pos = i32::from_be_bytes(b[4..8].try_into().expect("4 bytes"));
        Ok(OffsetEntry { offset: self.base_offset + rel as i64, position: pos as u32 })
    }

    pub fn time_entry(&self, i: u64) -> Result<TimeEntry> {
        debug_assert_eq!(self.kind, IndexKind::Time);
        let b = self.raw(i)?;
        let ts = i64::from_be_bytes(b[0..8].try_into().expect("8 bytes"));
        let rel = i32::from_be_bytes(b[8..12].try_into().expect("4 bytes"));
        Ok(TimeEntry { timestamp: ts, offset: self.base_offset + rel as i64 })
    }

    /// Index of the largest entry whose key is <= `target`, by binary search
    /// (`mid = (lo + hi + 1) / 2`, as Kafka's `AbstractIndex`).
    fn largest_at_most(&self, target: i64, key: impl Fn(u64) -> Result<i64>) -> Result<Option<u64>> {
        if self.entries == 0 || key(0)? > target {
            return Ok(None);
        }
        let (mut lo, mut hi) = (0u64, self.entries - 1);
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if key(mid)? <= target {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        Ok(Some(lo))
    }

    /// The largest offset entry with offset <= `offset`.
    pub fn lookup_offset(&self, offset: i64) -> Result<Option<OffsetEntry>> {
        match self.largest_at_most(offset, |i| Ok(self.offset_entry(i)?.offset))? {
            Some(i) => Ok(Some(self.offset_entry(i)?)),
            None => Ok(None),
        }
    }

    /// The largest time entry with timestamp <= `timestamp`.
    pub fn lookup_time(&self, timestamp: i64) -> Result<Option<TimeEntry>> {
        match self.largest_at_most(timestamp, |i| Ok(self.time_entry(i)?.timestamp))? {
            Some(i) => Ok(Some(self.time_entry(i)?)),
            None => Ok(None),
        }
    }

    pub fn last_offset_entry(&self) -> Result<Option<OffsetEntry>> {
        if self.entries == 0 {
            return Ok(None);
        }
        Ok(Some(self.offset_entry(self.entries - 1)?))
    }

    pub fn last_time_entry(&self) -> Result<Option<TimeEntry>> {
        if self.entries == 0 {
            return Ok(None);
        }
        Ok(Some(self.time_entry(self.entries - 1)?))
    }
}

/// Appends entries to an index file that the caller owns exclusively (under the partition lock).
pub struct IndexWriter {
    file: File,
    path: PathBuf,
    kind: IndexKind,
    base_offset: i64,
    entries: u64,
    last_key: Option<i64>,
}

impl IndexWriter {
    /// Opens `path` for appending, cutting it to `entries` entries first (dropping anything after).
    pub fn open(
        path: &Path,
        kind: IndexKind,
        base_offset: i64,
        entries: u64,
        last_key: Option<i64>,
    ) -> Result<IndexWriter> {
        let file = fsutil::open_append(path)?;
        let want = entries * kind.entry_bytes();
        if fsutil::file_len(&file, path)? != want {
            file.set_len(want).map_err(|e| Error::io("truncate index", path, e))?;
        }
        Ok(IndexWriter { file, path: path.to_path_buf(), kind, base_offset, entries, last_key })
    }

    pub fn len(&self) -> u64 {
        self.entries
    }

    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    pub fn last_key(&self) -> Option<i64> {
        self.last_key
    }

    fn relative(&self, offset: i64) -> Result<i32> {
        i32::try_from(offset - self.base_offset).map_err(|_| {
            Error::Invalid(format!(
                "offset {} does not fit as a relative offset in segment {}",
                offset, self.base_offset
            ))
        })
    }

    /// Appends an offset entry; offsets must increase strictly.
    pub fn append_offset(&mut self, offset: i64, position: u32) -> Result<()> {
        debug_assert_eq!(self.kind, IndexKind::Offset);
        if self.last_key.is_some_and(|k| offset <= k) {
            return Ok(());
        }
        let mut b = [0u8; 8];
        b[0..4].copy_from_slice(&self.relative(offset)?.to_be_bytes());
        b[4..8].copy_from_slice(&(position as i32).to_be_bytes());
        self.file.write_all(&b).map_err(|e| Error::io("append to index", &self.path, e))?;
        self.entries += 1;
        self.last_key = Some(offset);
        Ok(())
    }

    /// Appends a time entry if its timestamp is strictly greater than the last one's.
    pub fn maybe_append_time(&mut self, timestamp: i64, offset: i64) -> Result<()> {
        debug_assert_eq!(self.kind, IndexKind::Time);
        if self.last_key.is_some_and(|k| timestamp <= k) || timestamp < 0 {
            return Ok(());
        }
        let mut b = [0u8; 12];
        b[0..8].copy_from_slice(&timestamp.to_be_bytes());
        b[8..12].copy_from_slice(&self.relative(offset)?.to_be_bytes());
        self.file.write_all(&b).map_err(|e| Error::io("append to index", &self.path, e))?;
        self.entries += 1;
        self.last_key = Some(timestamp);
        Ok(())
    }

    pub fn sync(&self) -> Result<()> {
        crate::fsutil::sync_data(&self.file, &self.path)
    }
}
