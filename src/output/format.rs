//! kcat's output format strings: `%t` topic, `%p` partition, `%o` offset, `%k` key, `%K` key
//! length, `%s` value, `%S` value length, `%T` timestamp (ms), `%h` headers (`k=v,k2=v2`),
//! `%%` a percent sign, and the escapes `\n`, `\t`, `\r`, `\0`, `\\`. A null key or value prints
//! as nothing, and its length as -1.

use crate::error::{Error, FormatFault, Result};
use crate::record::RecordRef;
use std::io::Write;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Lit(Vec<u8>),
    Topic,
    Partition,
    Offset,
    Key,
    KeyLen,
    Value,
    ValueLen,
    Timestamp,
    Headers,
}

/// A compiled format string.
#[derive(Debug, Clone)]
pub struct Format {
    tokens: Vec<Token>,
}

/// Unescapes `\n`, `\t`, `\r`, `\0`, `\\` and `\xHH`.
pub fn unescape(s: &str) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 1 < b.len() {
            i += 1;
            match b[i] {
                b'n' => out.push(b'\n'),
                b't' => out.push(b'\t'),
                b'r' => out.push(b'\r'),
                b'0' => out.push(0),
                b'\\' => out.push(b'\\'),
                b'x' if i + 2 < b.len() => {
                    let hex = std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or("");
                    let v = u8::from_str_radix(hex, 16).map_err(|_| Error::BadFormat {
                        text: s.into(),
                        fault: FormatFault::BadHexEscape(hex.into()),
                    })?;
                    out.push(v);
                    i += 2;
                }
                c => return Err(Error::BadFormat { text: s.into(), fault: FormatFault::UnknownEscape(c as char) }),
            }
        } else {
            out.push(b[i]);
        }
        i += 1;
    }
    Ok(out)
}

impl Format {
    pub fn parse(spec: &str) -> Result<Format> {
        let raw = unescape(spec)?;
        let mut tokens = Vec::new();
        let mut lit = Vec::new();
        let mut i = 0;
        while i < raw.len() {
            if raw[i] == b'%' {
                let Some(&c) = raw.get(i + 1) else {
                    return Err(Error::BadFormat { text: spec.into(), fault: FormatFault::LonePercent });
                };
                let t = match c {
                    b'%' => {
                        lit.push(b'%');
                        i += 2;
                        continue;
                    }
                    b't' => Token::Topic,
                    b'p' => Token::Partition,
                    b'o' => Token::Offset,
                    b'k' => Token::Key,
                    b'K' => Token::KeyLen,
                    b's' => Token::Value,
                    b'S' => Token::ValueLen,
                    b'T' => Token::Timestamp,
                    b'h' => Token::Headers,
                    other => {
                        return Err(Error::BadFormat {
                            text: spec.into(),
                            fault: FormatFault::UnknownToken(other as char),
                        })
                    }
                };
                if !lit.is_empty() {
                    tokens.push(Token::Lit(std::mem::take(&mut lit)));
                }
                tokens.push(t);
                i += 2;
            } else {
                lit.push(raw[i]);
                i += 1;
            }
        }
        if !lit.is_empty() {
            tokens.push(Token::Lit(lit));
        }
        Ok(Format { tokens })
    }

    /// Writes one record.
    pub fn write(&self, out: &mut impl Write, topic: &str, partition: i32, r: &RecordRef<'_>) -> std::io::Result<()> {
        for t in &self.tokens {
            match t {
                Token::Lit(b) => out.write_all(b)?,
                Token::Topic => out.write_all(topic.as_bytes())?,
                Token::Partition => write!(out, "{}", partition)?,
                Token::Offset => write!(out, "{}", r.offset)?,
                Token::Key => out.write_all(r.key.unwrap_or(b""))?,
                Token::KeyLen => write!(out, "{}", r.key.map_or(-1, |k| k.len() as i64))?,
                Token::Value => out.write_all(r.value.unwrap_or(b""))?,
                Token::ValueLen => write!(out, "{}", r.value.map_or(-1, |v| v.len() as i64))?,
                Token::Timestamp => write!(out, "{}", r.timestamp)?,
                Token::Headers => {
                    for (i, (k, v)) in r.headers.iter().enumerate() {
                        if i > 0 {
                            out.write_all(b",")?;
                        }
                        out.write_all(k)?;
                        out.write_all(b"=")?;
                        out.write_all(v.unwrap_or(b""))?;
                    }
                }
            }
        }
        Ok(())
    }

    /// True when the format is just `%s` followed by a literal: the fast path of consume.
    pub fn value_then_literal(&self) -> Option<&[u8]> {
        match self.tokens.as_slice() {
            [Token::Value, Token::Lit(l)] => Some(l),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_token_is_a_usage_error() {
        assert!(matches!(Format::parse("%q"), Err(Error::BadFormat { fault: FormatFault::UnknownToken('q'), .. })));
        assert!(Format::parse("%s\\n").unwrap().value_then_literal() == Some(b"\n"));
        assert_eq!(unescape("a\\tb\\x41").unwrap(), b"a\tbA");
    }
}
