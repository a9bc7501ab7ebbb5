//! The lock-free partition reader: log start and end offsets, lookups by offset and by time,
//! and a cursor over batches that follows the log as it grows, rolls and loses old segments.
//!
//! A reader trusts nothing it has not checked: index entries are hints verified against the
//! batch they point at, and only whole batches whose CRC matches are returned. A torn batch at
//! the end of the last segment is the end of the log (a writer may be appending it); any other
//! invalid batch is a [`crate::Error::Corrupt`] naming the file and position.

use super::index::{IndexKind, IndexView};
use super::names::*;
use super::segment::{list_readable_segments, read_header_at, segment_path, BatchScanner, ScanItem};
use crate::error::{Error, Result};
use crate::record::BatchHeader;
use std::fs::File;
use std::path::{Path, PathBuf};

/// A partition directory as a reader sees it at one moment.
#[derive(Debug, Clone)]
pub struct PartitionReader {
    dir: PathBuf,
    segments: Vec<i64>,
    log_start_checkpoint: i64,
}

/// What `describe` and `retention` need to know of one segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentSummary {
    pub base_offset: i64,
    pub size_bytes: u64,
    /// The largest timestamp, from the time index (or -1 when it has no entry).
    pub largest_timestamp: i64,
}

impl PartitionReader {
    /// Opens a partition directory. `log_start_checkpoint` is the partition's entry in
    /// `log-start-offset-checkpoint`, if any.
    pub fn open(dir: &Path, log_start_checkpoint: Option<i64>) -> Result<PartitionReader> {
        if !dir.is_dir() {
            return Err(Error::PartitionDirNotFound { path: dir.to_path_buf(), expected: false });
        }
        let segments = list_readable_segments(dir)?;
        Ok(PartitionReader {
            dir: dir.to_path_buf(),
            segments,
            log_start_checkpoint: log_start_checkpoint.unwrap_or(0),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn segments(&self) -> &[i64] {
        &self.segments
    }

    fn refresh(&mut self) -> Result<()> {
        self.segments = list_readable_segments(&self.dir)?;
        Ok(())
    }

    /// The `.log` file of segment `base`, or its `.log.swap` replacement while a compaction swap
    /// is in progress (or was interrupted by a crash and not yet finished by a writer).
    fn log_path(&self, base: i64) -> PathBuf {
        let path = segment_path(&self.dir, base, LOG_SUFFIX);
        if path.exists() {
            return path;
        }
        let mut swap = path.clone().into_os_string();
        swap.push(SWAP_SUFFIX);
        let swap = PathBuf::from(swap);
        if swap.exists() {
            swap
        } else {
            path
        }
    }

    /// Opens segment `base` for a walk from `position`.
    fn open_scanner(&self, base: i64, position: u64) -> Result<BatchScanner> {
        BatchScanner::open(&self.log_path(base), position)
    }

    /// [`PartitionReader::open_scanner`], or `None` when the segment is gone (retention or a
    /// compaction's swap deleted it since this reader listed the directory).
    fn scanner_if_present(&self, base: i64, position: u64) -> Result<Option<BatchScanner>> {
        match self.open_scanner(base, position) {
            Ok(s) => Ok(Some(s)),
            Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// True when `file` is (still) the file segment `base` names: not replaced by a compacted
    /// segment, not deleted.
    fn is_current(&self, base: i64, file: &File) -> bool {
        use std::os::unix::fs::MetadataExt;
        let Ok(open) = file.metadata() else { return false };
        std::fs::metadata(self.log_path(base)).is_ok_and(|m| m.dev() == open.dev() && m.ino() == open.ino())
    }

    /// The first offset a consumer may read.
    pub fn log_start_offset(&self) -> i64 {
        self.segments.first().map_or(self.log_start_checkpoint, |&b| b.max(self.log_start_checkpoint))
    }

    /// One past the last offset of the last whole valid batch, found by walking the last segment
    /// from its last index entry that checks out (work bounded by the index interval).
    pub fn log_end_offset(&self) -> Result<i64> {
        for &base in self.segments.iter().rev() {
            let (pos, mut next) = self.index_position(base, i64::MAX)?;
            let Some(mut scan) = self.scanner_if_present(base, pos)? else { continue };
            let mut found = false;
            while let ScanItem::Batch { header, .. } = scan.next_batch()? {
                next = header.next_offset();
                found = true;
            }
            if found || pos > 0 {
                return Ok(next.max(self.log_start_offset()));
            }
            // An empty segment: its base offset is the end (it was rolled at the end).
            return Ok(base.max(self.log_start_offset()));
        }
        Ok(self.log_start_offset())
    }

    /// The position to start scanning segment `base` for `offset`: the largest index entry at or
    /// below `offset - 1` whose batch checks out, else 0. Also returns the first offset the scan
    /// from there meets: that batch's base (or `base`).
    fn index_position(&self, base: i64, offset: i64) -> Result<(u64, i64)> {
        self.indexed_batch(base, offset.saturating_sub(1)).map(|(pos, h)| (pos, h.map_or(base, |h| h.base_offset)))
    }

    /// The batch the offset index points at for `key` (its largest entry at or below `key`, as
    /// Kafka's `OffsetIndex.lookup`), if it checks out: its position and header; else 0.
    fn indexed_batch(&self, base: i64, key: i64) -> Result<(u64, Option<BatchHeader>)> {
        let view = IndexView::open(&segment_path(&self.dir, base, INDEX_SUFFIX), IndexKind::Offset, base)?;
        let Some(e) = view.lookup_offset(key)? else {
            return Ok((0, None));
        };
        let path = self.log_path(base);
        let Ok(f) = File::open(&path) else {
            return Ok((0, None));
        };
        match read_header_at(&f, &path, e.position as u64)? {
            Some(h) if h.last_offset() == e.offset => Ok((e.position as u64, Some(h))),
            // An entry that does not check out (a crashed writer's, or corruption): scan instead.
            _ => Ok((0, None)),
        }
    }

    /// The segment file and byte position of the batch whose base offset is `base_offset`, found
    /// through the offset index: how an error names a batch that checked out but whose records do
    /// not decode. `None` when no segment holds such a batch now.
    pub fn locate_batch(&self, base_offset: i64) -> Result<Option<(PathBuf, u64)>> {
        if self.segments.is_empty() {
            return Ok(None);
        }
        let base = self.segments[self.segment_for(base_offset)];
        let (pos, _) = self.index_position(base, base_offset)?;
        let path = self.log_path(base);
        let Some(mut scan) = self.scanner_if_present(base, pos)? else { return Ok(None) };
        loop {
            match scan.next_batch()? {
                ScanItem::Batch { position, header } if header.base_offset == base_offset => {
                    return Ok(Some((path, position)));
                }
                ScanItem::Batch { header, .. } if header.base_offset < base_offset => {}
                _ => return Ok(None),
            }
        }
    }

    /// The error for the batch with base offset `base_offset` whose records do not decode:
    /// corrupt data at its segment file and byte position, or, when no segment holds it now,
    /// the batch by its offset in this partition's directory.
    pub fn undecodable(&self, base_offset: i64, error: crate::record::DecodeError) -> Error {
        let what = format!("batch at offset {} does not decode: {}", base_offset, error);
        match self.locate_batch(base_offset) {
            Ok(Some((path, position))) => Error::corrupt(&path, position, what),
            _ => Error::Invalid(format!("{}: {}", self.dir.display(), what)),
        }
    }

    /// Index into `segments` of the segment that holds `offset` (the last base <= offset).
    fn segment_for(&self, offset: i64) -> usize {
        self.segments.partition_point(|&b| b <= offset).saturating_sub(1)
    }

    /// The first offset whose record timestamp is >= `timestamp`, as Kafka's ListOffsets finds
    /// it (`UnifiedLog.searchOffsetInLocalLog`): in the first segment whose largest timestamp
    /// reaches `timestamp`, and only there; `None` when that segment has no such record at or
    /// after the log start, or no segment reaches it. A segment's largest timestamp is its time
    /// index's last entry or, with none (a segment compaction emptied), its file's modification
    /// time, as Kafka's `LogSegment.largestTimestamp` has it. The last segment is searched
    /// whatever its index says, since its writer may not have indexed its newest batches yet.
    pub fn offset_for_timestamp(&self, timestamp: i64) -> Result<Option<i64>> {
        let start = self.log_start_offset();
        let Some((&last, sealed)) = self.segments.split_last() else {
            return Ok(None);
        };
        let target = sealed
            .iter()
            .map(|&base| {
                let tview = self.time_index(base)?;
                let largest = match tview.last_time_entry()?.filter(|e| e.timestamp >= 0) {
                    Some(e) => e.timestamp,
                    None => self.modified_ms(base)?,
                };
                Ok((base, largest))
            })
            .find(|r| r.as_ref().map_or(true, |&(_, largest)| largest >= timestamp))
            .transpose()?
            .map_or(last, |(base, _)| base);
        self.search_segment(target, timestamp, start)
    }

    /// Kafka's `LogSegment.findOffsetByTimestamp`: from the batch the time index and offset index
    /// point at, the first record with a timestamp >= `timestamp` and an offset >= `start`.
    fn search_segment(&self, base: i64, timestamp: i64, start: i64) -> Result<Option<i64>> {
        let tview = self.time_index(base)?;
        let from = tview.lookup_time(timestamp)?.map_or(base, |e| e.offset);
        let (pos, _) = self.indexed_batch(base, from.max(start))?;
        let path = self.log_path(base);
        let Some(mut scan) = self.scanner_if_present(base, pos)? else { return Ok(None) };
        loop {
            match scan.next_batch()? {
                ScanItem::Batch { position, header } => {
                    // Control batches count, as in Kafka's FileRecords.searchForTimestamp.
                    if header.max_timestamp < timestamp {
                        continue;
                    }
                    let found = first_record_at_or_after(scan.batch_bytes(), &header, timestamp, start)
                        .map_err(|e| Error::corrupt(&path, position, e.0))?;
                    if found.is_some() {
                        return Ok(found);
                    }
                }
                ScanItem::End { .. } => return Ok(None),
                ScanItem::Invalid { position, error } => return Err(Error::corrupt(&path, position, error.0)),
            }
        }
    }

    /// Segment `base`'s time index.
    fn time_index(&self, base: i64) -> Result<IndexView> {
        IndexView::open(&segment_path(&self.dir, base, TIME_INDEX_SUFFIX), IndexKind::Time, base)
    }

    /// The modification time of segment `base`'s log file, in ms since the epoch.
    fn modified_ms(&self, base: i64) -> Result<i64> {
        let path = self.log_path(base);
        let m = std::fs::metadata(&path).map_err(|e| Error::io("stat", &path, e))?;
        Ok(crate::fsutil::modified_ms(&m))
    }

    /// Sizes and largest timestamps of every segment.
    pub fn segment_summaries(&self) -> Result<Vec<SegmentSummary>> {
        let mut out = Vec::with_capacity(self.segments.len());
        for &base in &self.segments {
            let path = self.log_path(base);
            let size_bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            let tview = self.time_index(base)?;
            let largest_timestamp = tview.last_time_entry()?.map_or(-1, |e| e.timestamp);
            out.push(SegmentSummary { base_offset: base, size_bytes, largest_timestamp });
        }
        Ok(out)
    }

    /// A cursor from `offset`, clamped up to the log start offset (a clamp is reported by
    /// [`Cursor::take_reset`], as a jump over deleted records is).
    pub fn cursor(&self, offset: i64) -> Cursor {
        let start = self.log_start_offset();
        let from = offset.max(start);
        let reset_to = (offset < start).then_some(offset);
        Cursor { reader: self.clone(), seg: None, scanner: None, next_offset: from, limit: None, reset_to }
    }
}

fn first_record_at_or_after(
    batch: &[u8],
    h: &BatchHeader,
    timestamp: i64,
    start: i64,
) -> std::result::Result<Option<i64>, crate::record::DecodeError> {
    let section = crate::record::RecordsSection::new(batch, h)?;
    for r in section.iter() {
        let r = r?;
        if r.timestamp >= timestamp && r.offset >= start {
            return Ok(Some(r.offset));
        }
    }
    Ok(None)
}

/// Reads batches in offset order from a starting offset; see [`Cursor::next_batch`].
pub struct Cursor {
    reader: PartitionReader,
    seg: Option<usize>,
    scanner: Option<BatchScanner>,
    next_offset: i64,
    limit: Option<i64>,
    reset_to: Option<i64>,
}

impl Cursor {
    /// Never return batches that start at or after `limit` (the high watermark).
    pub fn set_limit(&mut self, limit: Option<i64>) {
        self.limit = limit;
    }

    /// The next offset the cursor will return.
    pub fn next_offset(&self) -> i64 {
        self.next_offset
    }

    /// If the cursor had to jump forward because the segments it needed were deleted (retention),
    /// the offset it jumped from; cleared when read.
    pub fn take_reset(&mut self) -> Option<i64> {
        self.reset_to.take()
    }

    fn open_segment(&mut self) -> Result<bool> {
        loop {
            if self.reader.segments.is_empty() {
                return Ok(false);
            }
            let start = self.reader.log_start_offset();
            if self.next_offset < start {
                self.reset_to = Some(self.next_offset);
                self.next_offset = start;
            }
            let idx = self.reader.segment_for(self.next_offset);
            let base = self.reader.segments[idx];
            let (pos, _) = self.reader.index_position(base, self.next_offset)?;
            match self.reader.open_scanner(base, pos) {
                Ok(mut s) => {
                    s.set_upper_bound(self.reader.segments.get(idx + 1).copied());
                    self.scanner = Some(s);
                    self.seg = Some(idx);
                    return Ok(true);
                }
                Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                    // Deleted under us: list again and carry on from the new log start.
                    self.reader.refresh()?;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Where the batch with base offset `base_offset` is: see [`PartitionReader::locate_batch`].
    pub fn locate_batch(&self, base_offset: i64) -> Result<Option<(PathBuf, u64)>> {
        self.reader.locate_batch(base_offset)
    }

    /// The next whole batch holding offsets >= the cursor's, or `None` at the end of the log for
    /// now (call again later to follow). Control batches are returned too; callers skip them.
    pub fn next_batch(&mut self) -> Result<Option<(BatchHeader, &[u8])>> {
        if self.scanner.is_none() && !self.open_segment()? {
            return Ok(None);
        }
        loop {
            let scanner = self.scanner.as_mut().expect("opened above");
            match scanner.next_batch()? {
                ScanItem::Batch { header, .. } => {
                    if header.last_offset() < self.next_offset {
                        continue;
                    }
                    if self.limit.is_some_and(|l| header.base_offset >= l) {
                        scanner.seek(scanner.position() - header.size() as u64);
                        // The batch before it ended at or below its base offset.
                        scanner.set_prev_next(Some(header.base_offset));
                        return Ok(None);
                    }
                    self.next_offset = header.next_offset();
                    let scanner = self.scanner.as_ref().expect("opened above");
                    return Ok(Some((header, scanner.batch_bytes())));
                }
                ScanItem::End { position, torn_bytes } => {
                    let len = scanner.file_len();
                    if scanner.refresh_len()? > len {
                        continue;
                    }
                    // Is there a later segment? Then this one is sealed and we move on.
                    self.reader.refresh()?;
                    let cur_base = self.seg.and_then(|_| {
                        let name = scanner.path().file_name()?.to_str()?;
                        parse_segment_file_name(name).map(|(b, _)| b)
                    });
                    // Compaction swapped a new file in under this name (it may hold later
                    // segments' records too), or retention deleted it: look the offset up
                    // again instead of jumping to the next segment.
                    if cur_base.is_some_and(|b| !self.reader.is_current(b, scanner.file())) {
                        self.scanner = None;
                        if !self.open_segment()? {
                            return Ok(None);
                        }
                        continue;
                    }
                    let later = self.reader.segments.iter().copied().find(|&b| Some(b) > cur_base);
                    let Some(next_base) = later else {
                        return Ok(None);
                    };
                    // The writer may have finished a batch just before rolling: look once more.
                    if scanner.refresh_len()? > len {
                        continue;
                    }
                    if torn_bytes > 0 {
                        return Err(Error::corrupt(
                            scanner.path(),
                            position,
                            format!("sealed segment ends with a torn batch of {} bytes", torn_bytes),
                        ));
                    }
                    // Compacted logs may have a gap before the next segment's base.
                    self.next_offset = self.next_offset.max(next_base);
                    self.scanner = None;
                    if !self.open_segment()? {
                        return Ok(None);
                    }
                }
                ScanItem::Invalid { position, error } => {
                    // A compaction swap or a retention delete may have changed the segments
                    // under us (a merged segment reaches past a stale next base): list again,
                    // and look the offset up anew if anything changed; else it is damage.
                    let before = self.reader.segments.clone();
                    self.reader.refresh()?;
                    let cur_base =
                        scanner.path().file_name().and_then(|n| n.to_str()).and_then(parse_segment_file_name);
                    let moved = cur_base.is_some_and(|(b, _)| !self.reader.is_current(b, scanner.file()));
                    if moved || self.reader.segments != before {
                        self.scanner = None;
                        if !self.open_segment()? {
                            return Ok(None);
                        }
                        continue;
                    }
                    return Err(Error::corrupt(scanner.path(), position, error.0));
                }
            }
        }
    }
}
