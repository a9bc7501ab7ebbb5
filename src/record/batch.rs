//! Batch header layout, validation, record iteration and the batch builder.
//!
//! Layout (kafka-format.md section 1.1); each field's position follows from the one before it,
//! so the table cannot drift from the code:
//!
//! | field | size |
//! |---|---|
//! | baseOffset | 8 | batchLength | 4 | partitionLeaderEpoch | 4 | magic | 1 | crc | 4 |
//! | attributes | 2 | lastOffsetDelta | 4 | baseTimestamp | 8 | maxTimestamp | 8 |
//! | producerId | 8 | producerEpoch | 2 | baseSequence | 4 | recordsCount | 4 |

use super::compression::{compress, decompress, Compression};
use super::varint::*;
use super::{crc32c, DecodeError};
use std::borrow::Cow;

pub const BASE_OFFSET_AT: usize = 0;
pub const LENGTH_AT: usize = BASE_OFFSET_AT + 8;
pub const LEADER_EPOCH_AT: usize = LENGTH_AT + 4;
pub const MAGIC_AT: usize = LEADER_EPOCH_AT + 4;
pub const CRC_AT: usize = MAGIC_AT + 1;
pub const ATTRIBUTES_AT: usize = CRC_AT + 4;
pub const LAST_OFFSET_DELTA_AT: usize = ATTRIBUTES_AT + 2;
pub const BASE_TIMESTAMP_AT: usize = LAST_OFFSET_DELTA_AT + 4;
pub const MAX_TIMESTAMP_AT: usize = BASE_TIMESTAMP_AT + 8;
pub const PRODUCER_ID_AT: usize = MAX_TIMESTAMP_AT + 8;
pub const PRODUCER_EPOCH_AT: usize = PRODUCER_ID_AT + 8;
pub const BASE_SEQUENCE_AT: usize = PRODUCER_EPOCH_AT + 2;
pub const RECORDS_COUNT_AT: usize = BASE_SEQUENCE_AT + 4;
/// The fixed header: 61 bytes.
pub const HEADER_BYTES: usize = RECORDS_COUNT_AT + 4;
/// baseOffset and batchLength: the bytes not counted by batchLength.
pub const LOG_OVERHEAD: usize = LENGTH_AT + 4;
/// The smallest prefix that tells a batch's magic (kafka-format.md section 1.9).
pub const HEADER_TO_MAGIC_BYTES: usize = MAGIC_AT + 1;
pub const MAGIC_V2: i8 = 2;

pub const ATTR_CODEC_MASK: i16 = 0x07;
pub const ATTR_LOG_APPEND_TIME: i16 = 0x08;
pub const ATTR_TRANSACTIONAL: i16 = 0x10;
pub const ATTR_CONTROL: i16 = 0x20;
pub const ATTR_DELETE_HORIZON: i16 = 0x40;

/// Bytes a record may take beyond its key, value and headers' bytes, with the largest possible
/// deltas: length prefix (5), attributes (1), timestamp delta (10), offset delta (5), key and
/// value lengths (5 each), header count (5). Kafka's own MAX_RECORD_OVERHEAD (21) counts only the
/// first four, which is not a bound on the whole record.
pub const RECORD_OVERHEAD_MAX: usize = 5 + 1 + 10 + 5 + 5 + 5 + 5;

/// Bytes a header may take beyond its key and value bytes: two lengths of up to 5 bytes.
pub const HEADER_OVERHEAD_MAX: usize = 5 + 5;

fn be_i16(b: &[u8], at: usize) -> i16 {
    i16::from_be_bytes(b[at..at + 2].try_into().expect("2-byte slice"))
}
fn be_i32(b: &[u8], at: usize) -> i32 {
    i32::from_be_bytes(b[at..at + 4].try_into().expect("4-byte slice"))
}
fn be_i64(b: &[u8], at: usize) -> i64 {
    i64::from_be_bytes(b[at..at + 8].try_into().expect("8-byte slice"))
}

/// The 61-byte header of a v2 batch, decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchHeader {
    pub base_offset: i64,
    pub batch_length: i32,
    pub partition_leader_epoch: i32,
    pub magic: i8,
    pub crc: u32,
    pub attributes: i16,
    pub last_offset_delta: i32,
    pub base_timestamp: i64,
    pub max_timestamp: i64,
    pub producer_id: i64,
    pub producer_epoch: i16,
    pub base_sequence: i32,
    pub records_count: i32,
}

impl BatchHeader {
    /// Decodes the header fields from the first 61 bytes of `b`. Checks nothing but the length.
    pub fn parse(b: &[u8]) -> Result<BatchHeader, DecodeError> {
        if b.len() < HEADER_BYTES {
            return Err(DecodeError::new(format!(
                "batch header needs {} bytes, only {} present",
                HEADER_BYTES,
                b.len()
            )));
        }
        Ok(BatchHeader {
            base_offset: be_i64(b, BASE_OFFSET_AT),
            batch_length: be_i32(b, LENGTH_AT),
            partition_leader_epoch: be_i32(b, LEADER_EPOCH_AT),
            magic: b[MAGIC_AT] as i8,
            crc: be_i32(b, CRC_AT) as u32,
            attributes: be_i16(b, ATTRIBUTES_AT),
            last_offset_delta: be_i32(b, LAST_OFFSET_DELTA_AT),
            base_timestamp: be_i64(b, BASE_TIMESTAMP_AT),
            max_timestamp: be_i64(b, MAX_TIMESTAMP_AT),
            producer_id: be_i64(b, PRODUCER_ID_AT),
            producer_epoch: be_i16(b, PRODUCER_EPOCH_AT),
            base_sequence: be_i32(b, BASE_SEQUENCE_AT),
            records_count: be_i32(b, RECORDS_COUNT_AT),
        })
    }

    /// The whole batch's size in bytes, including the 12 bytes of offset and length.
    pub fn size(&self) -> usize {
        LOG_OVERHEAD + self.batch_length.max(0) as usize
    }
    pub fn last_offset(&self) -> i64 {
        self.base_offset + self.last_offset_delta as i64
    }
    pub fn next_offset(&self) -> i64 {
        self.last_offset() + 1
    }
    pub fn compression(&self) -> Result<Compression, DecodeError> {
        Compression::from_attributes(self.attributes)
    }
    pub fn is_control(&self) -> bool {
        self.attributes & ATTR_CONTROL != 0
    }
    pub fn is_transactional(&self) -> bool {
        self.attributes & ATTR_TRANSACTIONAL != 0
    }
    pub fn is_log_append_time(&self) -> bool {
        self.attributes & ATTR_LOG_APPEND_TIME != 0
    }
    pub fn has_delete_horizon(&self) -> bool {
        self.attributes & ATTR_DELETE_HORIZON != 0
    }
    /// The CRC the batch's bytes actually have (over attributes to the end).
    pub fn computed_crc(batch: &[u8]) -> u32 {
        crc32c(&batch[ATTRIBUTES_AT.min(batch.len())..])
    }
}

/// Reads baseOffset and batchLength from the first 12 bytes of a batch.
pub fn peek_offset_and_length(b: &[u8]) -> (i64, i32) {
    (be_i64(b, BASE_OFFSET_AT), be_i32(b, LENGTH_AT))
}

/// Checks a whole batch: its length matches the slice, magic 2, a known codec, a non-negative
/// count and offset delta, and a CRC that matches. Returns the decoded header.
pub fn validate(batch: &[u8]) -> Result<BatchHeader, DecodeError> {
    let h = BatchHeader::parse(batch)?;
    if h.magic != MAGIC_V2 {
        return Err(DecodeError::new(format!(
            "magic {} is not supported (klog reads message format v2 only)",
            h.magic
        )));
    }
    if h.size() != batch.len() || (h.batch_length as usize) < HEADER_BYTES - LOG_OVERHEAD {
        return Err(DecodeError::new(format!(
            "batch length {} does not match its {} bytes",
            h.batch_length,
            batch.len()
        )));
    }
    let crc = BatchHeader::computed_crc(batch);
    if crc != h.crc {
        return Err(DecodeError::new(format!("CRC mismatch: stored {:#010x}, computed {:#010x}", h.crc, crc)));
    }
    h.compression()?;
    if h.records_count < 0 || h.last_offset_delta < 0 {
        return Err(DecodeError::new(format!(
            "negative record count {} or last offset delta {}",
            h.records_count, h.last_offset_delta
        )));
    }
    if h.base_offset.checked_add(h.last_offset_delta as i64 + 1).is_none() {
        return Err(DecodeError::new(format!(
            "base offset {} plus last offset delta {} is past the largest offset",
            h.base_offset, h.last_offset_delta
        )));
    }
    Ok(h)
}

/// Overwrites a batch's base offset (outside the CRC, so the batch stays valid).
pub fn set_base_offset(batch: &mut [u8], base_offset: i64) {
    batch[BASE_OFFSET_AT..BASE_OFFSET_AT + 8].copy_from_slice(&base_offset.to_be_bytes());
}

/// Overwrites a batch's partition leader epoch (outside the CRC).
pub fn set_leader_epoch(batch: &mut [u8], epoch: i32) {
    batch[LEADER_EPOCH_AT..LEADER_EPOCH_AT + 4].copy_from_slice(&epoch.to_be_bytes());
}

/// Turns a batch into a LogAppendTime batch stamped `now_ms`: sets attribute bit 3, writes
/// `now_ms` as the max timestamp and recomputes the CRC, as a Kafka broker does for topics with
/// `message.timestamp.type=LogAppendTime`. Every record then reads as `now_ms`.
pub fn set_log_append_time(batch: &mut [u8], now_ms: i64) {
    let attrs = be_i16(batch, ATTRIBUTES_AT) | ATTR_LOG_APPEND_TIME;
    batch[ATTRIBUTES_AT..ATTRIBUTES_AT + 2].copy_from_slice(&attrs.to_be_bytes());
    batch[MAX_TIMESTAMP_AT..MAX_TIMESTAMP_AT + 8].copy_from_slice(&now_ms.to_be_bytes());
    let crc = crc32c(&batch[ATTRIBUTES_AT..]);
    batch[CRC_AT..CRC_AT + 4].copy_from_slice(&crc.to_be_bytes());
}

/// One record inside a batch, borrowing its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordRef<'a> {
    pub offset: i64,
    pub timestamp: i64,
    pub key: Option<&'a [u8]>,
    pub value: Option<&'a [u8]>,
    pub headers: HeadersRef<'a>,
}

/// A record's headers, still encoded; iterate to decode. Validated when the record was decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeadersRef<'a> {
    raw: &'a [u8],
    count: usize,
}

impl<'a> HeadersRef<'a> {
    /// Encodes `headers` in a record's header layout into `out` (cleared first) and returns a
    /// view of them, for records that did not come from a batch (a Kafka client's messages).
    pub fn encode(headers: &[(&[u8], Option<&[u8]>)], out: &'a mut Vec<u8>) -> HeadersRef<'a> {
        out.clear();
        for (k, v) in headers {
            put_varint(out, k.len() as i32);
            out.extend_from_slice(k);
            match v {
                None => put_varint(out, -1),
                Some(v) => {
                    put_varint(out, v.len() as i32);
                    out.extend_from_slice(v);
                }
            }
        }
        HeadersRef { raw: out, count: headers.len() }
    }

    pub fn len(&self) -> usize {
        self.count
    }
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
    pub fn iter(&self) -> impl Iterator<Item = (&'a [u8], Option<&'a [u8]>)> + 'a {
        let raw = self.raw;
        let mut pos = 0usize;
        (0..self.count).map_while(move |_| read_header(raw, &mut pos).ok())
    }
}

#[inline(always)]
fn read_bytes<'a>(buf: &'a [u8], pos: &mut usize, what: &str) -> Result<Option<&'a [u8]>, DecodeError> {
    let len = get_varint(buf, pos)?;
    if len < 0 {
        return Ok(None);
    }
    let end = *pos + len as usize;
    if end > buf.len() {
        return Err(runs_past_end(what, len));
    }
    let s = &buf[*pos..end];
    *pos = end;
    Ok(Some(s))
}

#[cold]
#[inline(never)]
fn runs_past_end(what: &str, len: i32) -> DecodeError {
    DecodeError::new(format!("{} length {} runs past the end of the record", what, len))
}

fn read_header<'a>(buf: &'a [u8], pos: &mut usize) -> Result<(&'a [u8], Option<&'a [u8]>), DecodeError> {
    let key = read_bytes(buf, pos, "header key")?.ok_or_else(|| DecodeError::new("header key is null"))?;
    let value = read_bytes(buf, pos, "header value")?;
    Ok((key, value))
}

/// The decoded records section of one batch: borrowed when uncompressed, owned when not.
pub struct RecordsSection<'a> {
    data: Cow<'a, [u8]>,
    header: BatchHeader,
}

impl<'a> RecordsSection<'a> {
    /// Opens the records of a batch that has passed [`validate`].
    pub fn new(batch: &'a [u8], header: &BatchHeader) -> Result<RecordsSection<'a>, DecodeError> {
        let body = &batch[HEADER_BYTES..];
        let data = match header.compression()? {
            Compression::None => Cow::Borrowed(body),
            codec => Cow::Owned(decompress(codec, body)?),
        };
        Ok(RecordsSection { data, header: *header })
    }

    pub fn iter(&self) -> RecordIter<'_> {
        let base_timestamp = self.header.base_timestamp;
        RecordIter {
            buf: &self.data,
            pos: 0,
            remaining: self.header.records_count.max(0) as usize,
            base_offset: self.header.base_offset,
            base_timestamp,
            log_append_time: self.header.is_log_append_time().then_some(self.header.max_timestamp),
            done: false,
        }
    }
}

/// Iterates the records of a batch. Yields an error (once, then stops) when a record's lengths do
/// not add up, when bytes run out before `recordsCount`, or when bytes remain after it.
pub struct RecordIter<'a> {
    buf: &'a [u8],
    pos: usize,
    remaining: usize,
    base_offset: i64,
    base_timestamp: i64,
    log_append_time: Option<i64>,
    done: bool,
}

impl<'a> RecordIter<'a> {
    #[inline]
    fn next_record(&mut self) -> Result<RecordRef<'a>, DecodeError> {
        let buf = self.buf;
        let len = get_varint(buf, &mut self.pos)?;
        let start = self.pos;
        let end = start
            .checked_add(len.max(0) as usize)
            .filter(|&e| len >= 0 && e <= buf.len())
            .ok_or_else(|| DecodeError::new(format!("record length {} runs past the batch", len)))?;
        let rec = &buf[..end];
        let mut pos = start + 1; // attributes, unused
        if pos > end {
            return Err(DecodeError::new("record is empty"));
        }
        let ts_delta = get_varlong(rec, &mut pos)?;
        let offset_delta = get_varint(rec, &mut pos)?;
        let key = read_bytes(rec, &mut pos, "key")?;
        let value = read_bytes(rec, &mut pos, "value")?;
        let count = get_varint(rec, &mut pos)?;
        if count < 0 {
            return Err(DecodeError::new(format!("negative header count {}", count)));
        }
        let headers_start = pos;
        for _ in 0..count {
            read_header(rec, &mut pos)?;
        }
        if pos != end {
            return Err(DecodeError::new(format!("record declares {} bytes but its fields take {}", len, pos - start)));
        }
        let offset = self.base_offset.checked_add(offset_delta as i64).ok_or_else(|| {
            DecodeError::new(format!("offset delta {} from base offset {} overflows", offset_delta, self.base_offset))
        })?;
        self.pos = end;
        Ok(RecordRef {
            offset,
            timestamp: self.log_append_time.unwrap_or(self.base_timestamp.wrapping_add(ts_delta)),
            key,
            value,
            headers: HeadersRef { raw: &rec[headers_start..end], count: count as usize },
        })
    }
}

impl<'a> Iterator for RecordIter<'a> {
    type Item = Result<RecordRef<'a>, DecodeError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        if self.remaining == 0 {
            self.done = true;
            if self.pos != self.buf.len() {
                return Some(Err(DecodeError::new(format!(
                    "{} bytes left over after the last record",
                    self.buf.len() - self.pos
                ))));
            }
            return None;
        }
        self.remaining -= 1;
        match self.next_record() {
            Ok(r) => Some(Ok(r)),
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

/// The type of a control record, from its key (kafka-format.md section 1.6): 0 ABORT, 1 COMMIT,
/// 2..6 KRaft markers; `None` when the key is too short or has a negative version.
pub fn control_type(key: Option<&[u8]>) -> Option<i16> {
    let k = key?;
    if k.len() < 4 || be_i16(k, 0) < 0 {
        return None;
    }
    Some(be_i16(k, 2))
}

/// The name kafka-dump-log uses for a control record type.
pub fn control_type_name(t: Option<i16>) -> &'static str {
    match t {
        Some(0) => "ABORT",
        Some(1) => "COMMIT",
        Some(2) => "LEADER_CHANGE",
        Some(3) => "SNAPSHOT_HEADER",
        Some(4) => "SNAPSHOT_FOOTER",
        Some(5) => "KRAFT_VERSION",
        Some(6) => "KRAFT_VOTERS",
        _ => "UNKNOWN",
    }
}

/// Owned record headers: (key, value), a null value being `None`.
pub type OwnedHeaders = Vec<(Vec<u8>, Option<Vec<u8>>)>;

/// An owned record, for callers that keep records around (tests, JSON input).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Record {
    pub offset: i64,
    pub timestamp: i64,
    pub key: Option<Vec<u8>>,
    pub value: Option<Vec<u8>>,
    pub headers: OwnedHeaders,
}

impl From<RecordRef<'_>> for Record {
    fn from(r: RecordRef<'_>) -> Record {
        Record {
            offset: r.offset,
            timestamp: r.timestamp,
            key: r.key.map(<[u8]>::to_vec),
            value: r.value.map(<[u8]>::to_vec),
            headers: r.headers.iter().map(|(k, v)| (k.to_vec(), v.map(<[u8]>::to_vec))).collect(),
        }
    }
}

/// Size of one encoded record's body (without its length prefix).
fn record_body_len(
    ts_delta: i64,
    offset_delta: i32,
    key: Option<&[u8]>,
    value: Option<&[u8]>,
    headers: &[(&[u8], Option<&[u8]>)],
) -> usize {
    let bytes_len = |b: Option<&[u8]>| match b {
        None => 1,
        Some(b) => varint_len(b.len() as i32) + b.len(),
    };
    let mut n = 1 + varlong_len(ts_delta) + varint_len(offset_delta) + bytes_len(key) + bytes_len(value);
    n += varint_len(headers.len() as i32);
    for (k, v) in headers {
        n += bytes_len(Some(k)) + bytes_len(*v);
    }
    n
}

/// Builds one batch record by record; [`BatchBuilder::finish`] fills in the header and CRC.
///
/// The builder reuses its buffers: call `finish`, write the bytes, then `clear` and go on.
#[derive(Default)]
pub struct BatchBuilder {
    buf: Vec<u8>,
    out: Vec<u8>,
    count: i32,
    base_timestamp: i64,
    max_timestamp: i64,
}

impl BatchBuilder {
    pub fn new() -> BatchBuilder {
        let mut b = BatchBuilder::default();
        b.clear();
        b
    }

    pub fn with_capacity(bytes: usize) -> BatchBuilder {
        let mut b = BatchBuilder { buf: Vec::with_capacity(bytes), ..Default::default() };
        b.clear();
        b
    }

    /// A builder that writes into `buf` (a buffer handed back after an earlier batch).
    pub fn with_buffer(buf: Vec<u8>) -> BatchBuilder {
        let mut b = BatchBuilder { buf, ..Default::default() };
        b.clear();
        b
    }

    /// Empties the builder, keeping its buffers.
    pub fn clear(&mut self) {
        self.buf.clear();
        self.buf.resize(HEADER_BYTES, 0);
        self.count = 0;
        self.base_timestamp = -1;
        self.max_timestamp = -1;
    }

    pub fn count(&self) -> i32 {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The uncompressed size of the batch so far, header included.
    pub fn size_bytes(&self) -> usize {
        self.buf.len()
    }

    /// The bytes a record would add: an upper bound good for size limits.
    pub fn record_size_bound(key: Option<&[u8]>, value: Option<&[u8]>, headers: &[(&[u8], Option<&[u8]>)]) -> usize {
        RECORD_OVERHEAD_MAX
            + key.map_or(0, <[u8]>::len)
            + value.map_or(0, <[u8]>::len)
            + headers.iter().map(|(k, v)| HEADER_OVERHEAD_MAX + k.len() + v.map_or(0, <[u8]>::len)).sum::<usize>()
    }

    /// The exact bytes a record takes as the first of a batch (deltas 0).
    pub fn first_record_size(key: Option<&[u8]>, value: Option<&[u8]>, headers: &[(&[u8], Option<&[u8]>)]) -> usize {
        let body = record_body_len(0, 0, key, value, headers);
        varint_len(body as i32) + body
    }

    /// The exact bytes `push` would add for this record, with the deltas it would get.
    pub fn next_record_size(
        &self,
        timestamp: i64,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        headers: &[(&[u8], Option<&[u8]>)],
    ) -> usize {
        let base = if self.count == 0 { timestamp } else { self.base_timestamp };
        let body = record_body_len(timestamp.wrapping_sub(base), self.count, key, value, headers);
        varint_len(body as i32) + body
    }

    /// Appends a record with the next offset delta.
    pub fn push(
        &mut self,
        timestamp: i64,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        headers: &[(&[u8], Option<&[u8]>)],
    ) {
        if self.count == 0 {
            self.base_timestamp = timestamp;
            self.max_timestamp = timestamp;
        }
        self.max_timestamp = self.max_timestamp.max(timestamp);
        let ts_delta = timestamp.wrapping_sub(self.base_timestamp);
        let offset_delta = self.count;
        let body = record_body_len(ts_delta, offset_delta, key, value, headers);
        let before = self.buf.len();
        let b = &mut self.buf;
        put_varint(b, body as i32);
        let body_start = b.len();
        b.push(0);
        put_varlong(b, ts_delta);
        put_varint(b, offset_delta);
        for field in [key, value] {
            match field {
                None => put_varint(b, -1),
                Some(f) => {
                    put_varint(b, f.len() as i32);
                    b.extend_from_slice(f);
                }
            }
        }
        put_varint(b, headers.len() as i32);
        for (k, v) in headers {
            put_varint(b, k.len() as i32);
            b.extend_from_slice(k);
            match v {
                None => put_varint(b, -1),
                Some(v) => {
                    put_varint(b, v.len() as i32);
                    b.extend_from_slice(v);
                }
            }
        }
        debug_assert_eq!(b.len() - body_start, body, "record body size");
        debug_assert_eq!(b.len() - before, varint_len(body as i32) + body, "record size");
        debug_assert!(b.len() - before <= Self::record_size_bound(key, value, headers));
        self.count += 1;
    }

    /// Completes the batch: header, optional compression, CRC. Returns the batch bytes, valid
    /// until the next call on the builder. The builder must hold at least one record.
    pub fn finish(&mut self, base_offset: i64, leader_epoch: i32, codec: Compression) -> &mut [u8] {
        debug_assert!(self.count > 0, "finishing an empty batch");
        let target: &mut Vec<u8> = if codec == Compression::None {
            &mut self.buf
        } else {
            let packed = compress(codec, &self.buf[HEADER_BYTES..]);
            self.out.clear();
            self.out.resize(HEADER_BYTES, 0);
            self.out.extend_from_slice(&packed);
            &mut self.out
        };
        let len = (target.len() - LOG_OVERHEAD) as i32;
        let b = target.as_mut_slice();
        b[BASE_OFFSET_AT..BASE_OFFSET_AT + 8].copy_from_slice(&base_offset.to_be_bytes());
        b[LENGTH_AT..LENGTH_AT + 4].copy_from_slice(&len.to_be_bytes());
        b[LEADER_EPOCH_AT..LEADER_EPOCH_AT + 4].copy_from_slice(&leader_epoch.to_be_bytes());
        b[MAGIC_AT] = MAGIC_V2 as u8;
        b[ATTRIBUTES_AT..ATTRIBUTES_AT + 2].copy_from_slice(&codec.id().to_be_bytes());
        b[LAST_OFFSET_DELTA_AT..LAST_OFFSET_DELTA_AT + 4].copy_from_slice(&(self.count - 1).to_be_bytes());
        b[BASE_TIMESTAMP_AT..BASE_TIMESTAMP_AT + 8].copy_from_slice(&self.base_timestamp.to_be_bytes());
        b[MAX_TIMESTAMP_AT..MAX_TIMESTAMP_AT + 8].copy_from_slice(&self.max_timestamp.to_be_bytes());
        b[PRODUCER_ID_AT..PRODUCER_ID_AT + 8].copy_from_slice(&(-1i64).to_be_bytes());
        b[PRODUCER_EPOCH_AT..PRODUCER_EPOCH_AT + 2].copy_from_slice(&(-1i16).to_be_bytes());
        b[BASE_SEQUENCE_AT..BASE_SEQUENCE_AT + 4].copy_from_slice(&(-1i32).to_be_bytes());
        b[RECORDS_COUNT_AT..RECORDS_COUNT_AT + 4].copy_from_slice(&self.count.to_be_bytes());
        let crc = crc32c(&b[ATTRIBUTES_AT..]);
        b[CRC_AT..CRC_AT + 4].copy_from_slice(&crc.to_be_bytes());
        debug_assert!(validate(b).is_ok(), "a batch we built must validate");
        b
    }
}

impl BatchBuilder {
    /// Like [`BatchBuilder::finish`], but hands the batch over as an owned buffer and takes
    /// `spare` (any buffer, e.g. one handed over earlier and now written) in its place, so that a
    /// pipeline can move batches without copying them or allocating per batch. The builder is
    /// left empty.
    pub fn finish_take(&mut self, base_offset: i64, leader_epoch: i32, codec: Compression, spare: Vec<u8>) -> Vec<u8> {
        self.finish(base_offset, leader_epoch, codec);
        let done = if codec == Compression::None {
            std::mem::replace(&mut self.buf, spare)
        } else {
            std::mem::replace(&mut self.out, spare)
        };
        self.clear();
        done
    }
}

/// Encodes owned records as one batch (convenience for tests and small writers). Offsets are
/// taken as deltas from the first record's offset's position in the slice.
pub fn encode_batch(records: &[Record], base_offset: i64, leader_epoch: i32, codec: Compression) -> Vec<u8> {
    let mut b = BatchBuilder::new();
    for r in records {
        let headers: Vec<(&[u8], Option<&[u8]>)> =
            r.headers.iter().map(|(k, v)| (k.as_slice(), v.as_deref())).collect();
        b.push(r.timestamp, r.key.as_deref(), r.value.as_deref(), &headers);
    }
    b.finish(base_offset, leader_epoch, codec).to_vec()
}

/// Decodes every record of one whole batch, validating it first.
pub fn decode_batch(batch: &[u8]) -> Result<(BatchHeader, Vec<Record>), DecodeError> {
    let h = validate(batch)?;
    let section = RecordsSection::new(batch, &h)?;
    let records = section.iter().map(|r| r.map(Record::from)).collect::<Result<Vec<_>, _>>()?;
    Ok((h, records))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_batch_a_kafka_4_broker_wrote_decodes() {
        // fixtures/kafka-4.1.1: topic cities, one record per batch, from an idempotent producer.
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/kafka-4.1.1/cities-0/00000000000000000000.log"
        ))
        .expect("fixtures/kafka-4.1.1 in the repository");
        let (h, recs) = decode_batch(&bytes[..76]).unwrap();
        assert_eq!(h.partition_leader_epoch, 0);
        assert_eq!(h.crc, 1_061_628_640);
        assert_eq!(h.base_timestamp, 1_700_000_000_000);
        assert_eq!((h.producer_id, h.producer_epoch, h.base_sequence), (0, 0, 0));
        assert_eq!(recs.len(), 1);
        assert_eq!(recs[0].key, None);
        assert_eq!(recs[0].value.as_deref(), Some(&b"New York"[..]));
    }

    #[test]
    fn log_append_time_stamps_every_record() {
        let recs: Vec<Record> =
            (0..3).map(|i| Record { timestamp: 100 + i, value: Some(vec![b'v']), ..Default::default() }).collect();
        let mut b = encode_batch(&recs, 0, 0, Compression::None);
        set_log_append_time(&mut b, 5000);
        let (h, out) = decode_batch(&b).unwrap();
        assert!(h.is_log_append_time());
        assert_eq!(h.max_timestamp, 5000);
        assert!(out.iter().all(|r| r.timestamp == 5000));
    }

    #[test]
    fn flipped_bit_fails_crc() {
        let rec = Record { timestamp: 5, value: Some(b"v".to_vec()), ..Default::default() };
        let mut b = encode_batch(&[rec], 0, 0, Compression::None);
        let last = b.len() - 1;
        b[last] ^= 1;
        assert!(validate(&b).unwrap_err().0.contains("CRC"));
    }
}
