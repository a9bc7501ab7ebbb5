//! The four codecs Kafka writes into a batch's records section: gzip, snappy (xerial framing on
//! write; xerial or raw on read, as Kafka's reader accepts), lz4 (frame format, 64 KiB independent
//! blocks like Kafka's writer) and zstd. Decompression is bounded so that a hostile batch cannot
//! make klog allocate without limit.

use super::DecodeError;
use std::io::{Read, Write};

/// The largest decompressed records section klog accepts from one batch.
pub const DECOMPRESSED_BYTES_MAX: usize = 256 << 20;

/// A batch's codec: the low three bits of its attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Compression {
    #[default]
    None,
    Gzip,
    Snappy,
    Lz4,
    Zstd,
}

impl Compression {
    pub fn from_attributes(attributes: i16) -> Result<Compression, DecodeError> {
        match attributes & 0x07 {
            0 => Ok(Compression::None),
            1 => Ok(Compression::Gzip),
            2 => Ok(Compression::Snappy),
            3 => Ok(Compression::Lz4),
            4 => Ok(Compression::Zstd),
            n => Err(DecodeError::new(format!("unknown compression codec {}", n))),
        }
    }

    pub fn id(self) -> i16 {
        match self {
            Compression::None => 0,
            Compression::Gzip => 1,
            Compression::Snappy => 2,
            Compression::Lz4 => 3,
            Compression::Zstd => 4,
        }
    }

    /// Kafka's name for the codec, as `compression.type` and kafka-dump-log use it.
    pub fn name(self) -> &'static str {
        match self {
            Compression::None => "none",
            Compression::Gzip => "gzip",
            Compression::Snappy => "snappy",
            Compression::Lz4 => "lz4",
            Compression::Zstd => "zstd",
        }
    }

    pub fn parse(name: &str) -> Option<Compression> {
        Some(match name {
            "none" | "uncompressed" => Compression::None,
            "gzip" => Compression::Gzip,
            "snappy" => Compression::Snappy,
            "lz4" => Compression::Lz4,
            "zstd" => Compression::Zstd,
            _ => return None,
        })
    }
}

const XERIAL_MAGIC: [u8; 8] = [0x82, b'S', b'N', b'A', b'P', b'P', b'Y', 0];
const XERIAL_BLOCK_BYTES: usize = 32 * 1024;

/// Compresses a records section with `codec`.
pub fn compress(codec: Compression, raw: &[u8]) -> Vec<u8> {
    match codec {
        Compression::None => raw.to_vec(),
        Compression::Gzip => {
            let mut enc =
                flate2::write::GzEncoder::new(Vec::with_capacity(raw.len() / 2), flate2::Compression::default());
            enc.write_all(raw).expect("writing to a Vec cannot fail");
            enc.finish().expect("writing to a Vec cannot fail")
        }
        Compression::Snappy => {
            let mut out = Vec::with_capacity(raw.len() / 2 + 16);
            out.extend_from_slice(&XERIAL_MAGIC);
            out.extend_from_slice(&1i32.to_be_bytes());
            out.extend_from_slice(&1i32.to_be_bytes());
            let mut enc = snap::raw::Encoder::new();
            for chunk in raw.chunks(XERIAL_BLOCK_BYTES) {
                let block = enc.compress_vec(chunk).expect("snappy accepts any input under 4 GiB");
                out.extend_from_slice(&(block.len() as i32).to_be_bytes());
                out.extend_from_slice(&block);
            }
            out
        }
        Compression::Lz4 => {
            let info = lz4_flex::frame::FrameInfo::new()
                .block_size(lz4_flex::frame::BlockSize::Max64KB)
                .block_mode(lz4_flex::frame::BlockMode::Independent);
            let mut enc = lz4_flex::frame::FrameEncoder::with_frame_info(info, Vec::with_capacity(raw.len() / 2));
            enc.write_all(raw).expect("writing to a Vec cannot fail");
            enc.finish().expect("writing to a Vec cannot fail")
        }
        Compression::Zstd => zstd::bulk::compress(raw, 3).expect("zstd compresses any input"),
    }
}

fn read_bounded(mut r: impl Read, codec: &str) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::new();
    let n = (&mut r)
        .take(DECOMPRESSED_BYTES_MAX as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| DecodeError::new(format!("{} decompression failed: {}", codec, e)))?;
    if n > DECOMPRESSED_BYTES_MAX {
        return Err(DecodeError::new(format!(
            "{} records section decompresses to more than {} bytes",
            codec, DECOMPRESSED_BYTES_MAX
        )));
    }
    Ok(out)
}

/// Decompresses a records section compressed with `codec`.
pub fn decompress(codec: Compression, data: &[u8]) -> Result<Vec<u8>, DecodeError> {
    match codec {
        Compression::None => Ok(data.to_vec()),
        Compression::Gzip => read_bounded(flate2::read::MultiGzDecoder::new(data), "gzip"),
        Compression::Snappy => snappy_decompress(data),
        Compression::Lz4 => read_bounded(lz4_flex::frame::FrameDecoder::new(data), "lz4"),
        Compression::Zstd => read_bounded(
            zstd::stream::read::Decoder::new(data)
                .map_err(|e| DecodeError::new(format!("zstd decompression failed: {}", e)))?,
            "zstd",
        ),
    }
}

fn snappy_raw(block: &[u8]) -> Result<Vec<u8>, DecodeError> {
    let len = snap::raw::decompress_len(block)
        .map_err(|e| DecodeError::new(format!("snappy decompression failed: {}", e)))?;
    if len > DECOMPRESSED_BYTES_MAX {
        return Err(DecodeError::new("snappy block decompresses to too many bytes"));
    }
    snap::raw::Decoder::new()
        .decompress_vec(block)
        .map_err(|e| DecodeError::new(format!("snappy decompression failed: {}", e)))
}

fn snappy_decompress(data: &[u8]) -> Result<Vec<u8>, DecodeError> {
    if data.len() < 16 || data[..8] != XERIAL_MAGIC {
        // Kafka's reader falls back to one raw snappy block; some clients send that.
        return snappy_raw(data);
    }
    let mut out = Vec::new();
    let mut pos = 16;
    while pos < data.len() {
        let Some(len_bytes) = data.get(pos..pos + 4) else {
            return Err(DecodeError::new("xerial snappy chunk length is truncated"));
        };
        let len = i32::from_be_bytes(len_bytes.try_into().expect("slice of 4")) as usize;
        pos += 4;
        let Some(block) = data.get(pos..pos.saturating_add(len)) else {
            return Err(DecodeError::new("xerial snappy chunk runs past the batch"));
        };
        out.extend_from_slice(&snappy_raw(block)?);
        if out.len() > DECOMPRESSED_BYTES_MAX {
            return Err(DecodeError::new("snappy stream decompresses to too many bytes"));
        }
        pos += len;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_codec_round_trips() {
        let raw: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        for codec in [Compression::None, Compression::Gzip, Compression::Snappy, Compression::Lz4, Compression::Zstd] {
            let c = compress(codec, &raw);
            assert_eq!(decompress(codec, &c).unwrap(), raw, "{:?}", codec);
        }
    }

    #[test]
    fn xerial_vector_from_kafka_protocol_rs() {
        // kafka-format.md section 1.7: a real xerial stream holding "sdfdsf".
        let mut v = vec![
            0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0x0f, 0x0d, 0x30, 0x18, 0,
            0, 0, 1, 0x0c,
        ];
        v.extend_from_slice(b"sdfdsf");
        v.push(0);
        let out = decompress(Compression::Snappy, &v).unwrap();
        assert_eq!(out.len(), 13);
        assert!(out.windows(6).any(|w| w == b"sdfdsf"));
    }

    #[test]
    fn raw_snappy_is_read_too() {
        let raw = b"hello hello hello hello".to_vec();
        let block = snap::raw::Encoder::new().compress_vec(&raw).unwrap();
        assert_eq!(decompress(Compression::Snappy, &block).unwrap(), raw);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for codec in [Compression::Gzip, Compression::Snappy, Compression::Lz4, Compression::Zstd] {
            assert!(decompress(codec, &[1, 2, 3, 4, 5, 6, 7, 8, 9]).is_err(), "{:?}", codec);
        }
    }
}
