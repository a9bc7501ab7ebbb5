//! A consumer's isolation level, as Kafka's `isolation.level`: `read_uncommitted` (the default)
//! returns every data record; `read_committed` returns the records of committed transactions and
//! of non-transactional producers, never those of aborted transactions, and nothing past the
//! first record of a transaction still open (Kafka's last stable offset).
//!
//! [`CommittedFilter`] does this over one partition's batches in offset order, without Kafka's
//! aborted-transaction index: a transactional data batch is held until its producer's control
//! batch (COMMIT or ABORT) decides it, and any batch after a held one waits behind it, so that
//! batches come out in offset order. Invariants: batches leave in the order they came in; a
//! batch leaves only once every transactional batch before it is decided; control batches never
//! leave.

use super::{control_type, BatchHeader, RecordsSection};
use std::collections::VecDeque;

/// Kafka's `isolation.level` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Isolation {
    #[default]
    ReadUncommitted,
    ReadCommitted,
}

struct Held {
    header: BatchHeader,
    bytes: Vec<u8>,
    /// `None` while the batch's transaction is open; `Some(true)` to return it, `Some(false)`
    /// for an aborted one.
    verdict: Option<bool>,
}

/// Filters one partition's batches for `read_committed` (see the module doc).
#[derive(Default)]
pub struct CommittedFilter {
    held: VecDeque<Held>,
}

impl CommittedFilter {
    pub fn new() -> CommittedFilter {
        CommittedFilter::default()
    }

    /// Takes the partition's next batch (any kind; `bytes` is the whole batch) and returns the
    /// data batches that may now be read, in offset order.
    pub fn push(&mut self, header: BatchHeader, bytes: &[u8]) -> Vec<(BatchHeader, Vec<u8>)> {
        if header.is_control() {
            if header.is_transactional() {
                if let Some(commit) = marker_commits(&header, bytes) {
                    for h in self.held.iter_mut() {
                        if h.verdict.is_none() && h.header.producer_id == header.producer_id {
                            h.verdict = Some(commit);
                        }
                    }
                }
            }
        } else if header.is_transactional() {
            self.held.push_back(Held { header, bytes: bytes.to_vec(), verdict: None });
        } else if self.held.is_empty() {
            return vec![(header, bytes.to_vec())];
        } else {
            self.held.push_back(Held { header, bytes: bytes.to_vec(), verdict: Some(true) });
        }
        let mut ready = Vec::new();
        while let Some(front) = self.held.front() {
            match front.verdict {
                None => break,
                Some(keep) => {
                    let h = self.held.pop_front().expect("front exists");
                    if keep {
                        ready.push((h.header, h.bytes));
                    }
                }
            }
        }
        ready
    }

    /// The offset of the first batch held back (the last stable offset), if any.
    pub fn held_from(&self) -> Option<i64> {
        self.held.front().map(|h| h.header.base_offset)
    }
}

/// Whether a transactional control batch commits (`Some(true)`) or aborts (`Some(false)`) its
/// producer's transaction; `None` when its record does not decode as a marker.
fn marker_commits(header: &BatchHeader, bytes: &[u8]) -> Option<bool> {
    let section = RecordsSection::new(bytes, header).ok()?;
    let rec = section.iter().next()?.ok()?;
    match control_type(rec.key) {
        Some(0) => Some(false),
        Some(1) => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{encode_batch, Compression, Record, ATTR_CONTROL, ATTR_TRANSACTIONAL};

    /// A one-record batch at `base` with `attrs` and producer `pid` (header fields patched in
    /// after encoding: the filter reads headers and control keys, not CRCs).
    fn batch(base: i64, pid: i64, attrs: i16, key: Option<Vec<u8>>) -> (BatchHeader, Vec<u8>) {
        let rec = Record { offset: base, timestamp: 1, key, value: Some(b"v".to_vec()), headers: vec![] };
        let mut bytes = encode_batch(&[rec], base, 0, Compression::None);
        bytes[21..23].copy_from_slice(&attrs.to_be_bytes());
        bytes[43..51].copy_from_slice(&pid.to_be_bytes());
        let h = BatchHeader::parse(&bytes).expect("parses");
        assert_eq!((h.attributes, h.producer_id), (attrs, pid));
        (h, bytes)
    }

    fn data(base: i64, pid: i64) -> (BatchHeader, Vec<u8>) {
        batch(base, pid, ATTR_TRANSACTIONAL, None)
    }

    fn marker(base: i64, pid: i64, commit: bool) -> (BatchHeader, Vec<u8>) {
        batch(base, pid, ATTR_TRANSACTIONAL | ATTR_CONTROL, Some(vec![0, 0, 0, commit as u8]))
    }

    fn plain(base: i64) -> (BatchHeader, Vec<u8>) {
        batch(base, -1, 0, None)
    }

    #[test]
    fn aborted_batches_are_dropped_and_order_is_kept() {
        let mut f = CommittedFilter::new();
        let mut out = Vec::new();
        for (h, b) in [
            data(0, 7),
            plain(1),
            data(2, 8),
            marker(3, 8, false),
            data(4, 7),
            marker(5, 7, true),
            plain(6),
            data(7, 9),
        ] {
            out.extend(f.push(h, &b).into_iter().map(|(h, _)| h.base_offset));
        }
        assert_eq!(out, vec![0, 1, 4, 6]);
        assert_eq!(f.held_from(), Some(7), "an open transaction holds back what follows");
    }
}
