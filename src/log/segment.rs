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
    /// The segment's base offset, from the file name (`None` for a file not named like one).
    segment_base: Option<i64>,
    /// One past the last offset of the batch before the next one (`None` at the start of a walk
    /// from inside the segment, whose previous batch is unknown).
    prev_next: Option<i64>,
    /// The last batch validated, by file position, so a look-ahead does not validate twice.
    validated: Option<(u64, BatchHeader)>,
    /// The next segment's base offset, when the caller knows it: no batch may reach it.
    upper_bound: Option<i64>,
}

impl BatchScanner {
    pub fn open(path: &Path, position: u64) -> Result<BatchScanner> {
        let file = File::open(path).map_err(|e| Error::io("open segment", path, e))?;
        Self::new(file, path, position)
    }

    pub fn new(file: File, path: &Path, position: u64) -> Result<BatchScanner> {
        let file_len = fsutil::file_len(&file, path)?;
        let segment_base =
            path.file_name().and_then(|n| n.to_str()).and_then(parse_segment_file_name).map(|(base, _)| base);
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
            segment_base,
            // A walk from the start knows where the segment's offsets begin.
            prev_next: if position == 0 { segment_base } else { None },
            validated: None,
            upper_bound: None,
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
        self.prev_next = if position == 0 { self.segment_base } else { None };
    }

    /// Tells the walk the base offset of the segment after this one: a batch whose offsets reach
    /// it is invalid (what catches a base offset damaged forward in a segment's last batch).
    pub fn set_upper_bound(&mut self, next_segment_base: Option<i64>) {
        self.upper_bound = next_segment_base;
    }

    /// Tells the walk where the batch before its position ended (a caller that knows it, e.g.
    /// from an index entry that checked out), so the first batch's offsets are checked too.
    pub fn set_prev_next(&mut self, next_offset: Option<i64>) {
        self.prev_next = next_offset;
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
    ///
    /// Besides length, magic and CRC, the walk checks what the CRC does not cover: a batch's base
    /// offset. Offsets must increase from batch to batch (compacted logs have gaps, never
    /// reversals) and stay inside the segment (from its base offset, which the file name gives,
    /// to base + `i32::MAX`, the largest relative offset an index can hold). A batch whose base
    /// offset was damaged forward is caught by looking one whole valid batch ahead: when the next
    /// batch starts below this one's end, while this one leaves a gap after the batch before and
    /// the next one fits in that gap, this batch is the damaged one and is reported invalid
    /// instead of returned.
    pub fn next_batch(&mut self) -> Result<ScanItem> {
        let position = self.position();
        let (header, size) = match self.load(0)? {
            Load::Batch(h) => (h, h.size()),
            Load::End(torn_bytes) => return Ok(ScanItem::End { position, torn_bytes }),
            Load::Invalid(error) => return Ok(ScanItem::Invalid { position, error }),
        };
        if let Some(what) = self.offset_problem(&header) {
            return Ok(ScanItem::Invalid { position, error: DecodeError::new(what) });
        }
        // This batch is the damaged one when it leaves a gap after the batch before and the next
        // one fits in that gap; otherwise the next one is (reported when reached). So only a
        // batch after a gap needs the look-ahead (only at a whole valid batch: one a writer is
        // still writing proves nothing); a log without gaps pays nothing for it.
        let gap_before = self.prev_next.filter(|&p| header.base_offset > p);
        if let (Some(p), Load::Batch(next)) = (gap_before, self.load_if(gap_before.is_some(), size)?) {
            if next.base_offset < header.next_offset() && next.base_offset >= p {
                let what = format!(
                    "batch offsets {}..{} run past the next batch's base offset {} (a damaged base offset)",
                    header.base_offset,
                    header.last_offset(),
                    next.base_offset
                );
                return Ok(ScanItem::Invalid { position, error: DecodeError::new(what) });
            }
        }
        let start = self.consumed;
        self.consumed += size;
        self.last = start..start + size;
        self.prev_next = Some(header.next_offset());
        Ok(ScanItem::Batch { position, header })
    }

    /// What is wrong with a valid batch's offsets where it lies, if anything.
    fn offset_problem(&self, h: &BatchHeader) -> Option<String> {
        if let Some(p) = self.prev_next.filter(|&p| h.base_offset < p) {
            return Some(format!(
                "batch offsets {}..{} go backwards (the batch before ends at offset {})",
                h.base_offset,
                h.last_offset(),
                p - 1
            ));
        }
        if let Some(upper) = self.upper_bound.filter(|&u| h.last_offset() >= u) {
            return Some(format!(
                "batch offsets {}..{} reach into the next segment, which starts at offset {}",
                h.base_offset,
                h.last_offset(),
                upper
            ));
        }
        let base = self.segment_base?;
        if h.base_offset < base {
            return Some(format!("batch base offset {} is below the segment's base offset {}", h.base_offset, base));
        }
        if h.last_offset().saturating_sub(base) > i32::MAX as i64 {
            return Some(format!(
                "batch offsets {}..{} lie beyond what segment {} can hold (base + {})",
                h.base_offset,
                h.last_offset(),
                base,
                i32::MAX
            ));
        }
        None
    }

    /// [`BatchScanner::load`] when `wanted`, else nothing (`End`).
    fn load_if(&mut self, wanted: bool, skip: usize) -> Result<Load> {
        if wanted {
            self.load(skip)
        } else {
            Ok(Load::End(0))
        }
    }

    /// Loads the batch `skip` bytes after the current position into the buffer and validates it
    /// (once: a batch validated by a look-ahead is not validated again).
    fn load(&mut self, skip: usize) -> Result<Load> {
        let position = self.position() + skip as u64;
        let left = self.file_len.saturating_sub(position);
        if left <= HEADER_TO_MAGIC_BYTES as u64 {
            return Ok(Load::End(left));
        }
        if self.fill(skip + LOG_OVERHEAD)? < skip + LOG_OVERHEAD {
            return Ok(Load::End((self.filled - self.consumed).saturating_sub(skip) as u64));
        }
        let at = self.consumed + skip;
        let (_, length) = record::peek_offset_and_length(&self.buf[at..self.filled]);
        if length < (record::HEADER_BYTES - LOG_OVERHEAD) as i32 || length as usize > BATCH_BYTES_MAX {
            return Ok(Load::Invalid(DecodeError::new(format!("impossible batch length {}", length))));
        }
        let size = LOG_OVERHEAD + length as usize;
        if position + size as u64 > self.file_len {
            return Ok(Load::End(left));
        }
        let avail = self.fill(skip + size)?;
        if avail < skip + size {
            // The file shrank under us (a writer truncated a torn tail): treat as the end.
            return Ok(Load::End(avail.saturating_sub(skip) as u64));
        }
        let at = self.consumed + skip;
        if let Some((p, h)) = self.validated {
            if p == position && h.size() == size {
                return Ok(Load::Batch(h));
            }
        }
        match record::validate(&self.buf[at..at + size]) {
            Ok(h) => {
                self.validated = Some((position, h));
                Ok(Load::Batch(h))
            }
            Err(e) => Ok(Load::Invalid(e)),
        }
    }
}

/// A batch loaded (and validated) by [`BatchScanner::load`].
enum Load {
    Batch(BatchHeader),
    End(u64),
    Invalid(DecodeError),
}

/// What follows a damaged spot of a segment: does anything after it still read as data?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterDamage {
    /// Nothing but bytes that form no whole valid batch: what a crash leaves (a torn last batch,
    /// zeros or garbage where the file system had not written the data yet).
    Residue,
    /// A whole valid batch (length, magic and CRC check out) starts at this position.
    ValidBatchAt(u64),
    /// More bytes follow than any crash leaves behind; they are not searched.
    TooLong(u64),
}

/// The most bytes after a damaged spot that [`after_damage`] searches; more than this is never
/// a crash's leftover (klog fsyncs appends long before that much is unflushed).
pub const DAMAGE_SEARCH_BYTES_MAX: u64 = 64 << 20;

/// Searches the bytes of `path` after `position` (where a batch failed to read) for a whole
/// valid batch at any byte position: a crash leaves none, damage in the middle of a log does.
pub fn after_damage(path: &Path, position: u64) -> Result<AfterDamage> {
    let file = File::open(path).map_err(|e| Error::io("open segment", path, e))?;
    let len = fsutil::file_len(&file, path)?;
    let from = position + 1;
    if from >= len {
        return Ok(AfterDamage::Residue);
    }
    if len - from > DAMAGE_SEARCH_BYTES_MAX {
        return Ok(AfterDamage::TooLong(len - from));
    }
    let mut buf = vec![0u8; (len - from) as usize];
    let got = fsutil::read_at_most(&file, path, from, &mut buf)?;
    buf.truncate(got);
    Ok(match find_valid_batch(&buf) {
        Some(i) => AfterDamage::ValidBatchAt(from + i as u64),
        None => AfterDamage::Residue,
    })
}

/// The first byte position in `buf` where a whole valid batch starts.
pub fn find_valid_batch(buf: &[u8]) -> Option<usize> {
    let min_length = (record::HEADER_BYTES - LOG_OVERHEAD) as i32;
    (0..buf.len().saturating_sub(record::HEADER_BYTES - 1)).find(|&i| {
        let b = &buf[i..];
        if b[record::MAGIC_AT] != record::MAGIC_V2 as u8 {
            return false;
        }
        let (_, length) = record::peek_offset_and_length(b);
        length >= min_length && LOG_OVERHEAD + length as usize <= b.len() && {
            record::validate(&b[..LOG_OVERHEAD + length as usize]).is_ok()
        }
    })
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
