//! The partition log: segments of Kafka's `.log`, `.index` and `.timeindex` files in one
//! partition directory.
//!
//! - [`PartitionWriter`] is the one writer, created only with the partition's lock held. It
//!   recovers the active segment's tail on open, appends, rolls, truncates, and drops segments.
//! - [`PartitionReader`] takes no lock. It reads only whole batches whose length and CRC check
//!   out, and only below the limit its caller sets (the high watermark).

pub mod checkpoint;
pub mod epoch;
pub mod index;
pub mod names;
mod reader;
pub mod segment;
pub mod verify;
mod writer;

pub use reader::{Cursor, PartitionReader, SegmentSummary};
pub use writer::{AppendInfo, AppendMode, LogConfig, PartitionWriter, RecoveryReport};
