//! One segment's `.log` file: listing segments, and walking batches with positioned reads.
//!
//! The walk follows Kafka's `FileLogInputStream.nextBatch` (kafka-format.md section 1.9): a tail
//! of 17 bytes or fewer, or a batch whose length runs past the end of the file, ends the walk as
//! a torn tail; a complete batch that fails validation is reported as invalid with its position.
//! `.log` files are never memory-mapped: another process may truncate them.

use super::names::*;
use crate::error::{Error, Result};
use crate::fsutil;
use crate::record::{self, BatchHeader, DecodeError, HEADER_TO_MAGIC_BYTES, LOG_OVERHEAD};
use std::fs::File;
use std::path::{Path, PathBuf};

/// Read size of the scanner; batches larger than this are read whole.
pub const SCAN_CHUNK_BYTES: usize = 1 << 20;
/// A batch length above this is treated as corruption rather than allocated.
pub const BATCH_BYTES_MAX: usize = 1 << 30;

/// Base offsets of the segments (`.log` files) in a partition directory, ascending.
pub fn list_segments(dir: &Path) -> Result<Vec<i64>> {
    let rd = std::fs::read_dir(dir).map_err(|e| Error::io("list", dir, e))?;
    let mut bases = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| Error::io("list", dir, e))?;
        let name = entry.file_name();
        if let Some((base, LOG_SUFFIX)) = name.to_str().and_then(parse_segment_file_name) {
            bases.push(base);
        }
    }
    bases.sort_unstable();
    Ok(bases)
}

/// Base offsets of the segments a lock-free reader should see, ascending: every `.log` file,
/// and every `.log.swap` file (a compacted replacement, complete and fsynced, that a swap in
/// progress, or one a crash interrupted, has not renamed into place yet). Without the swap
/// files a reader listing the directory in the middle of a swap would miss the offsets it
/// replaces.
pub fn list_readable_segments(dir: &Path) -> Result<Vec<i64>> {
    let rd = std::fs::read_dir(dir).map_err(|e| Error::io("list", dir, e))?;
    let swap_log = format!("{}{}", LOG_SUFFIX, SWAP_SUFFIX);
    let mut bases = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| Error::io("list", dir, e))?;
        let name = entry.file_name();
        match name.to_str().and_then(parse_segment_file_name) {
            Some((base, rest)) if rest == LOG_SUFFIX || rest == swap_log => bases.push(base),
            _ => {}
        }
    }
    bases.sort_unstable();
    bases.dedup();
    Ok(bases)
}

pub fn segment_path(dir: &Path, base_offset: i64, suffix: &str) -> PathBuf {
    dir.join(segment_file_name(base_offset, suffix))
}

/// One step of a walk over a `.log` file.
pub enum ScanItem {
    /// A whole batch that passed validation; [`BatchScanner::batch_bytes`] has its bytes.
    Batch { position: u64, header: BatchHeader },
    /// The end of the data: `torn_bytes` bytes after `position` do not form a whole batch.
    End { position: u64, torn_bytes: u64 },
    /// A whole batch (by its length field) that failed validation, or an impossible length.
    Invalid { position: u64, error: DecodeError },
}

/// Walks the batches of a `.log` file from a position, reading in large chunks.
pub struct BatchScanner {
    file: File,
    path: PathBuf,
    /// File position of `buf[0]`.
    buf_pos: u64,
    buf: Vec<u8>,
    /// Bytes of `buf` that hold file data (the rest is scratch space).
    filled: usize,
    /// Consumed bytes at the front of `buf`.
    consumed: usize,
    file_len: u64,
    chunk: usize,
    /// Range in `buf` of the batch the last `Batch` item stood for.
    last: std::ops::Range<usize>,
}

impl BatchScanner {
    pub fn open(path: &Path, position: u64) -> Result<BatchScanner> {
        let file = File::open(path).map_err(|e| Error::io("open segment", path, e))?;
        Self::new(file, path, position)
    }

    pub fn new(file: File, path: &Path, position: u64) -> Result<BatchScanner> {
        let file_len = fsutil::file_len(&file, path)?;
        Ok(BatchScanner {
            file,
            path: path.to_path_buf(),
            buf_pos: position,
            buf: Vec::new(),
            filled: 0,
            consumed: 0,
            file_len,
            chunk: SCAN_CHUNK_BYTES,
            last: 0..0,
        })
    }

    /// Uses a smaller read size, for walks that read little (the tail of a segment).
    pub fn with_chunk(mut self, chunk: usize) -> BatchScanner {
        self.chunk = chunk.max(4096);
        self
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The open file (which stays readable after a rename or removal of its name).
    pub fn file(&self) -> &File {
        &self.file
    }

    /// The position of the next batch.
    pub fn position(&self) -> u64 {
        self.buf_pos + self.consumed as u64
    }

    pub fn file_len(&self) -> u64 {
        self.file_len
    }

    /// Re-reads the file's length (to see what a writer appended since).
    pub fn refresh_len(&mut self) -> Result<u64> {
        self.file_len = fsutil::file_len(&self.file, &self.path)?;
        Ok(self.file_len)
    }

    /// The bytes of the batch the last `ScanItem::Batch` stood for.
    pub fn batch_bytes(&self) -> &[u8] {
        &self.buf[self.last.clone()]
    }

    /// Mutable bytes of the last batch (to restamp offsets before copying them elsewhere).
    pub fn batch_bytes_mut(&mut self) -> &mut [u8] {
        &mut self.buf[self.last.clone()]
    }

    /// Moves to `position`, dropping buffered bytes.
    pub fn seek(&mut self, position: u64) {
        self.filled = 0;
        self.consumed = 0;
        self.buf_pos = position;
        self.last = 0..0;
    }

    /// Makes at least `n` unconsumed bytes available if the file has them.
    fn fill(&mut self, n: usize) -> Result<usize> {
        let avail = self.filled - self.consumed;
        if avail >= n {
            return Ok(avail);
        }
        // Move the unconsumed bytes to the front, then read to the chunk size (or `n`). The
        // buffer only grows; its tail is scratch space, not re-zeroed before each read.
        self.buf.copy_within(self.consumed..self.filled, 0);
        self.buf_pos += self.consumed as u64;
        self.filled = avail;
        self.consumed = 0;
        self.last = 0..0;
        let want = n.max(self.chunk);
        let have = self.filled;
        let file_left = self.file_len.saturating_sub(self.buf_pos + have as u64) as usize;
        let to_read = (want - have.min(want)).min(file_left);
        if to_read > 0 {
            if self.buf.len() < have + to_read {
                self.buf.resize(have + to_read, 0);
            }
            let target = &mut self.buf[have..have + to_read];
            let got = fsutil::read_at_most(&self.file, &self.path, self.buf_pos + have as u64, target)?;
            self.filled = have + got;
        }
        Ok(self.filled)
    }

    /// The next step of the walk. After `End` or `Invalid`, the position does not move.
    pub fn next_batch(&mut self) -> Result<ScanItem> {
        let position = self.position();
        let left = self.file_len.saturating_sub(position);
        if left <= HEADER_TO_MAGIC_BYTES as u64 {
            return Ok(ScanItem::End { position, torn_bytes: left });
        }
        self.fill(LOG_OVERHEAD)?;
        let head = &self.buf[self.consumed..self.filled];
        if head.len() < LOG_OVERHEAD {
            return Ok(ScanItem::End { position, torn_bytes: head.len() as u64 });
        }
        let (_, length) = record::peek_offset_and_length(head);
        if length < (record::HEADER_BYTES - LOG_OVERHEAD) as i32 || length as usize > BATCH_BYTES_MAX {
            return Ok(ScanItem::Invalid {
                position,
                error: DecodeError::new(format!("impossible batch length {}", length)),
            });
        }
        let size = LOG_OVERHEAD + length as usize;
        if position + size as u64 > self.file_len {
            return Ok(ScanItem::End { position, torn_bytes: left });
        }
        let avail = self.fill(size)?;
        if avail < size {
            // The file shrank under us (a writer truncated a torn tail): treat as the end.
            return Ok(ScanItem::End { position, torn_bytes: avail as u64 });
        }
        let start = self.consumed;
        match record::validate(&self.buf[start..start + size]) {
            Ok(header) => {
                self.consumed += size;
                self.last = start..start + size;
                Ok(ScanItem::Batch { position, header })
            }
            Err(error) => Ok(ScanItem::Invalid { position, error }),
        }
    }
}

/// Reads only the 61-byte header of the batch at `position`: a cheap plausibility check for an
/// index entry (magic 2, a sane length that fits the file). The batch itself is validated when
/// it is read.
pub fn read_header_at(file: &File, path: &Path, position: u64) -> Result<Option<BatchHeader>> {
    let mut head = [0u8; record::HEADER_BYTES];
    if fsutil::read_at_most(file, path, position, &mut head)? < head.len() {
        return Ok(None);
    }
    let Ok(h) = BatchHeader::parse(&head) else { return Ok(None) };
    let len_ok = h.batch_length >= (record::HEADER_BYTES - LOG_OVERHEAD) as i32 && h.size() <= BATCH_BYTES_MAX;
    let fits = position + h.size() as u64 <= fsutil::file_len(file, path)?;
    Ok((h.magic == record::MAGIC_V2 && len_ok && fits && h.last_offset_delta >= 0).then_some(h))
}

/// Reads the one batch at `position`, validated, or `None` if there is no whole valid batch there.
pub fn read_batch_at(file: &File, path: &Path, position: u64) -> Result<Option<(BatchHeader, Vec<u8>)>> {
    let mut head = [0u8; LOG_OVERHEAD];
    if fsutil::read_at_most(file, path, position, &mut head)? < LOG_OVERHEAD {
        return Ok(None);
    }
    let (_, length) = record::peek_offset_and_length(&head);
    if length < (record::HEADER_BYTES - LOG_OVERHEAD) as i32 || length as usize > BATCH_BYTES_MAX {
        return Ok(None);
    }
    let mut buf = vec![0u8; LOG_OVERHEAD + length as usize];
    if fsutil::read_at_most(file, path, position, &mut buf)? < buf.len() {
        return Ok(None);
    }
    Ok(record::validate(&buf).ok().map(|h| (h, buf)))
}
