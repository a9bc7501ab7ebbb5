//! Zigzag varints as Kafka's records use them (Protocol Buffers style): `varint` for int32,
//! `varlong` for int64. A varint longer than 5 bytes or a varlong longer than 10 is an error.

use super::DecodeError;

#[inline]
pub fn zigzag32(n: i32) -> u32 {
    ((n << 1) ^ (n >> 31)) as u32
}

#[inline]
pub fn zigzag64(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

/// Bytes needed to write `v` as an unsigned varint.
#[inline]
pub fn uvarint_len(mut v: u64) -> usize {
    let mut n = 1;
    while v >= 0x80 {
        v >>= 7;
        n += 1;
    }
    n
}

#[inline]
pub fn varint_len(n: i32) -> usize {
    uvarint_len(zigzag32(n) as u64)
}

#[inline]
pub fn varlong_len(n: i64) -> usize {
    uvarint_len(zigzag64(n))
}

#[inline]
pub fn put_uvarint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

#[inline]
pub fn put_varint(out: &mut Vec<u8>, n: i32) {
    put_uvarint(out, zigzag32(n) as u64)
}

#[inline]
pub fn put_varlong(out: &mut Vec<u8>, n: i64) {
    put_uvarint(out, zigzag64(n))
}

/// Reads an unsigned varint of at most `max_bytes` bytes from `buf[*pos..]`, advancing `pos`.
/// One- and two-byte varints (most fields of most records) take the fast path.
#[inline(always)]
fn get_uvarint(buf: &[u8], pos: &mut usize, max_bytes: usize) -> Result<u64, DecodeError> {
    let p = *pos;
    if let Some(&b0) = buf.get(p) {
        if b0 < 0x80 {
            *pos = p + 1;
            return Ok(b0 as u64);
        }
        if let Some(&b1) = buf.get(p + 1) {
            if b1 < 0x80 {
                *pos = p + 2;
                return Ok((b0 & 0x7f) as u64 | (b1 as u64) << 7);
            }
        }
    }
    get_uvarint_slow(buf, pos, max_bytes)
}

#[inline(never)]
fn get_uvarint_slow(buf: &[u8], pos: &mut usize, max_bytes: usize) -> Result<u64, DecodeError> {
    let mut result: u64 = 0;
    let mut shift = 0;
    for i in 0..max_bytes {
        let Some(&b) = buf.get(*pos + i) else {
            return Err(DecodeError::new("varint runs past the end of the record"));
        };
        result |= ((b & 0x7f) as u64) << shift;
        if b & 0x80 == 0 {
            *pos += i + 1;
            return Ok(result);
        }
        shift += 7;
    }
    Err(DecodeError::new(format!("varint longer than {} bytes", max_bytes)))
}

#[inline(always)]
pub fn get_varint(buf: &[u8], pos: &mut usize) -> Result<i32, DecodeError> {
    let u = get_uvarint(buf, pos, 5)?;
    if u > u32::MAX as u64 {
        return Err(DecodeError::new("varint overflows 32 bits"));
    }
    let u = u as u32;
    Ok(((u >> 1) as i32) ^ -((u & 1) as i32))
}

#[inline(always)]
pub fn get_varlong(buf: &[u8], pos: &mut usize) -> Result<i64, DecodeError> {
    let u = get_uvarint(buf, pos, 10)?;
    Ok(((u >> 1) as i64) ^ -((u & 1) as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc32(n: i32) -> Vec<u8> {
        let mut v = Vec::new();
        put_varint(&mut v, n);
        v
    }

    #[test]
    fn kafka_examples() {
        // The table in kafka-format.md section 1.4.
        let cases: &[(i32, &[u8])] = &[
            (0, &[0x00]),
            (-1, &[0x01]),
            (1, &[0x02]),
            (-2, &[0x03]),
            (63, &[0x7e]),
            (-64, &[0x7f]),
            (64, &[0x80, 0x01]),
            (300, &[0xd8, 0x04]),
            (-300, &[0xd7, 0x04]),
            (i32::MAX, &[0xfe, 0xff, 0xff, 0xff, 0x0f]),
            (i32::MIN, &[0xff, 0xff, 0xff, 0xff, 0x0f]),
        ];
        for &(n, bytes) in cases {
            assert_eq!(enc32(n), bytes, "encoding {}", n);
            assert_eq!(varint_len(n), bytes.len());
            let mut pos = 0;
            assert_eq!(get_varint(bytes, &mut pos).unwrap(), n);
            assert_eq!(pos, bytes.len());
        }
    }

    #[test]
    fn too_long_is_an_error() {
        let mut pos = 0;
        assert!(get_varint(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x01], &mut pos).is_err());
        let mut pos = 0;
        assert!(get_varlong(&[0x80; 11], &mut pos).is_err());
        let mut pos = 0;
        assert!(get_varint(&[0x80], &mut pos).is_err());
    }

    #[test]
    fn varlong_extremes() {
        for n in [i64::MIN, i64::MAX, 0, -1, 1 << 40] {
            let mut v = Vec::new();
            put_varlong(&mut v, n);
            assert_eq!(v.len(), varlong_len(n));
            let mut pos = 0;
            assert_eq!(get_varlong(&v, &mut pos).unwrap(), n);
        }
    }
}
