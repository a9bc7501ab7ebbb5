//! The record-batch codec: Kafka's message format v2 ("magic 2"), byte for byte.
//!
//! A batch is a 61-byte header followed by the records, raw or as one compressed stream. The
//! CRC-32C covers the bytes from `attributes` (offset 21) to the end of the batch; `baseOffset`
//! and `partitionLeaderEpoch` lie outside it, which is what lets a log assign offsets and epochs
//! to an encoded batch without re-encoding it.
//!
//! Invariants checked in pairs: the encoder `debug_assert`s the sizes it promised; the decoder
//! checks the CRC and every length before it trusts a byte.

mod batch;
pub mod compression;
pub mod isolation;
pub mod json;
pub mod varint;

pub use batch::*;
pub use compression::Compression;

use std::fmt;

/// Why bytes did not decode as a batch or record. The log adds the file and position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl DecodeError {
    pub fn new(msg: impl Into<String>) -> DecodeError {
        DecodeError(msg.into())
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// CRC-32C (Castagnoli), as Kafka's `Crc32C`.
#[inline]
pub fn crc32c(bytes: &[u8]) -> u32 {
    crc32c::crc32c(bytes)
}

#[cfg(test)]
mod tests {
    #[test]
    fn crc32c_check_values() {
        assert_eq!(super::crc32c(b"123456789"), 0xE306_9283);
        assert_eq!(super::crc32c(&[0, 0, 0, 0]), 0x4867_4BC7);
    }
}
