//! Segment facts read lazily from a partition directory, for the pure plans.
//!
//! A plan asks only for what its rules reach: the time rule stops at the first segment that is
//! young enough, so a pass over 10,000 segments with nothing to delete reads one time index,
//! and sizes are read only when `retention.bytes` or compaction needs them. Each fact is read
//! at most once and cached.
//!
//! A read error cannot flow through the [`SegmentSource`] accessors: the first one is kept, the
//! accessor returns a value that makes the plan do less (size 0, a timestamp in the far future),
//! and [`DirSegments::check`] returns the error once the plan is made, so that a plan built on a
//! failed read is never applied.

use super::plan::SegmentSource;
use crate::error::{Error, Result};
use crate::log::index::{IndexKind, IndexView};
use crate::log::names::{INDEX_SUFFIX, LOG_SUFFIX, TIME_INDEX_SUFFIX};
use crate::log::segment::{read_header_at, segment_path};
use std::cell::RefCell;
use std::path::{Path, PathBuf};

#[derive(Default, Clone, Copy)]
struct Facts {
    /// (size, mtime in ms)
    stat: Option<(u64, i64)>,
    largest_timestamp: Option<i64>,
    first_batch_timestamp: Option<Option<i64>>,
    index_bytes: Option<(u64, u64)>,
}

pub struct DirSegments {
    dir: PathBuf,
    bases: Vec<i64>,
    /// The writer's max timestamp of the active segment, which its time index may not show yet.
    active_max_timestamp: Option<i64>,
    facts: RefCell<Vec<Facts>>,
    error: RefCell<Option<Error>>,
}

impl DirSegments {
    /// Facts of the segments `bases` (ascending; the last is the active one) of `dir`.
    pub fn new(dir: &Path, bases: Vec<i64>, active_max_timestamp: Option<i64>) -> DirSegments {
        let n = bases.len();
        DirSegments {
            dir: dir.to_path_buf(),
            bases,
            active_max_timestamp,
            facts: RefCell::new(vec![Facts::default(); n]),
            error: RefCell::new(None),
        }
    }

    pub fn bases(&self) -> &[i64] {
        &self.bases
    }

    /// The first error any accessor met, if one did.
    pub fn check(&self) -> Result<()> {
        match self.error.borrow_mut().take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    fn keep_error(&self, e: Error) {
        let mut slot = self.error.borrow_mut();
        if slot.is_none() {
            *slot = Some(e);
        }
    }

    fn stat(&self, i: usize) -> (u64, i64) {
        if let Some(s) = self.facts.borrow()[i].stat {
            return s;
        }
        let path = segment_path(&self.dir, self.bases[i], LOG_SUFFIX);
        let s = match std::fs::metadata(&path) {
            Ok(m) => (m.len(), crate::fsutil::modified_ms(&m)),
            Err(e) => {
                self.keep_error(Error::io("stat", &path, e));
                (0, i64::MAX)
            }
        };
        self.facts.borrow_mut()[i].stat = Some(s);
        s
    }

    fn read_largest(&self, i: usize) -> Result<i64> {
        let base = self.bases[i];
        let tview = IndexView::open(&segment_path(&self.dir, base, TIME_INDEX_SUFFIX), IndexKind::Time, base)?;
        let mut ts = tview.last_time_entry()?.map_or(-1, |e| e.timestamp);
        if i + 1 == self.bases.len() {
            ts = ts.max(self.active_max_timestamp.unwrap_or(-1));
        }
        Ok(ts)
    }

    fn read_first_batch(&self, i: usize) -> Result<Option<i64>> {
        let path = segment_path(&self.dir, self.bases[i], LOG_SUFFIX);
        let f = std::fs::File::open(&path).map_err(|e| Error::io("open segment", &path, e))?;
        Ok(read_header_at(&f, &path, 0)?.map(|h| h.max_timestamp))
    }
}

impl SegmentSource for DirSegments {
    fn count(&self) -> usize {
        self.bases.len()
    }

    fn base_offset(&self, i: usize) -> i64 {
        self.bases[i]
    }

    fn size_bytes(&self, i: usize) -> u64 {
        self.stat(i).0
    }

    fn largest_timestamp(&self, i: usize) -> i64 {
        if let Some(t) = self.facts.borrow()[i].largest_timestamp {
            return t;
        }
        let t = match self.read_largest(i) {
            // Kafka's rule: no timestamp, the file's modification time.
            Ok(t) if t < 0 => self.stat(i).1,
            Ok(t) => t,
            Err(e) => {
                self.keep_error(e);
                i64::MAX
            }
        };
        self.facts.borrow_mut()[i].largest_timestamp = Some(t);
        t
    }

    fn first_batch_timestamp(&self, i: usize) -> Option<i64> {
        if let Some(t) = self.facts.borrow()[i].first_batch_timestamp {
            return t;
        }
        let t = self.read_first_batch(i).unwrap_or_else(|e| {
            self.keep_error(e);
            None
        });
        self.facts.borrow_mut()[i].first_batch_timestamp = Some(t);
        t
    }

    fn index_bytes(&self, i: usize) -> (u64, u64) {
        if let Some(b) = self.facts.borrow()[i].index_bytes {
            return b;
        }
        let len = |suffix| std::fs::metadata(segment_path(&self.dir, self.bases[i], suffix)).map_or(0, |m| m.len());
        let b = (len(INDEX_SUFFIX), len(TIME_INDEX_SUFFIX));
        self.facts.borrow_mut()[i].index_bytes = Some(b);
        b
    }
}
