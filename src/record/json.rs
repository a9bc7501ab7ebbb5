//! The JSON form of a record, shared by `consume --json` (writing) and `produce --input json`
//! (reading), so that a topic round-trips losslessly:
//!
//! ```json
//! {"topic":"t","partition":0,"offset":7,"timestamp":1700000000000,
//!  "key":"k","value":"v","headers":[{"key":"h","value":"x"}]}
//! ```
//!
//! A key, value or header value that is not valid UTF-8 is written as `key_b64`, `value_b64`
//! or `value_b64` (standard base64) instead; a null one is `null`.

use crate::error::{Error, LineFault, Result};
use crate::record::RecordRef;
use base64::Engine;
use serde_json::{Map, Value};
use std::io::Write;

fn b64() -> base64::engine::GeneralPurpose {
    base64::engine::general_purpose::STANDARD
}

fn put_bytes(obj: &mut Map<String, Value>, name: &str, bytes: Option<&[u8]>) {
    match bytes {
        None => {
            obj.insert(name.to_string(), Value::Null);
        }
        Some(b) => match std::str::from_utf8(b) {
            Ok(s) => {
                obj.insert(name.to_string(), Value::String(s.to_string()));
            }
            Err(_) => {
                obj.insert(format!("{}_b64", name), Value::String(b64().encode(b)));
            }
        },
    }
}

/// A record as a JSON object.
pub fn record_value(topic: &str, partition: i32, r: &RecordRef<'_>) -> Value {
    let mut o = Map::new();
    o.insert("topic".into(), topic.into());
    o.insert("partition".into(), partition.into());
    o.insert("offset".into(), r.offset.into());
    o.insert("timestamp".into(), r.timestamp.into());
    put_bytes(&mut o, "key", r.key);
    put_bytes(&mut o, "value", r.value);
    let headers: Vec<Value> = r
        .headers
        .iter()
        .map(|(k, v)| {
            let mut h = Map::new();
            h.insert("key".into(), String::from_utf8_lossy(k).into_owned().into());
            put_bytes(&mut h, "value", v);
            Value::Object(h)
        })
        .collect();
    o.insert("headers".into(), Value::Array(headers));
    Value::Object(o)
}

/// Writes a record as one line of JSON.
pub fn write_record(out: &mut impl Write, topic: &str, partition: i32, r: &RecordRef<'_>) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, &record_value(topic, partition, r))?;
    out.write_all(b"\n")
}

/// A record read from a line of JSON input.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JsonRecord {
    pub key: Option<Vec<u8>>,
    pub value: Option<Vec<u8>>,
    pub headers: crate::record::OwnedHeaders,
    pub timestamp: Option<i64>,
    pub partition: Option<i32>,
}

/// Input line `line` of standard input, refused for `why`.
fn why_line(line: usize, why: String) -> Error {
    Error::BadLine { file: None, line, fault: LineFault::Why(why) }
}

fn get_bytes(o: &Map<String, Value>, name: &str, line: usize) -> Result<Option<Vec<u8>>> {
    let bad = |why: &str| why_line(line, format!("field {} {}", name, why));
    let b64_name = format!("{}_b64", name);
    match (o.get(name), o.get(&b64_name)) {
        (Some(_), Some(_)) => Err(bad(&format!("and {} are both present", b64_name))),
        (Some(Value::Null), None) | (None, None) => Ok(None),
        (Some(Value::String(s)), None) => Ok(Some(s.as_bytes().to_vec())),
        (Some(_), None) => Err(bad("must be a string or null")),
        (None, Some(Value::String(s))) => {
            b64().decode(s).map(Some).map_err(|e| why_line(line, format!("{} is not base64: {}", b64_name, e)))
        }
        (None, Some(_)) => Err(why_line(line, format!("{} must be a base64 string", b64_name))),
    }
}

/// Parses one line of `--input json`. `line` numbers the line for errors.
pub fn parse_record(text: &[u8], line: usize) -> Result<JsonRecord> {
    let v: Value = serde_json::from_slice(text).map_err(|e| Error::BadLine {
        file: None,
        line,
        fault: LineFault::NotJson(e.to_string()),
    })?;
    let Value::Object(o) = v else {
        return Err(Error::BadLine { file: None, line, fault: LineFault::NotObject });
    };
    const KNOWN: [&str; 9] =
        ["topic", "partition", "offset", "timestamp", "key", "key_b64", "value", "value_b64", "headers"];
    if let Some(k) = o.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        return Err(why_line(line, format!("unknown field {:?}", k)));
    }
    let int = |name: &str| -> Result<Option<i64>> {
        match o.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => v.as_i64().map(Some).ok_or_else(|| why_line(line, format!("{} must be an integer", name))),
        }
    };
    let partition = match int("partition")? {
        None => None,
        Some(p) => Some(
            i32::try_from(p)
                .ok()
                .filter(|p| *p >= 0)
                .ok_or_else(|| why_line(line, format!("partition {} is out of range", p)))?,
        ),
    };
    let mut headers = Vec::new();
    match o.get("headers") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for h in items {
                let Value::Object(h) = h else {
                    return Err(why_line(line, "each header must be an object".into()));
                };
                let key = match h.get("key") {
                    Some(Value::String(s)) => s.as_bytes().to_vec(),
                    _ => return Err(why_line(line, "a header key must be a string".into())),
                };
                headers.push((key, get_bytes(h, "value", line)?));
            }
        }
        Some(Value::Object(map)) => {
            for (k, v) in map {
                let value = match v {
                    Value::Null => None,
                    Value::String(s) => Some(s.as_bytes().to_vec()),
                    _ => return Err(why_line(line, format!("header {:?} must be a string or null", k))),
                };
                headers.push((k.as_bytes().to_vec(), value));
            }
        }
        Some(_) => return Err(why_line(line, "headers must be an array or object".into())),
    }
    Ok(JsonRecord {
        key: get_bytes(&o, "key", line)?,
        value: get_bytes(&o, "value", line)?,
        headers,
        timestamp: int("timestamp")?,
        partition,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_input_names_the_line() {
        assert!(parse_record(b"{", 3).unwrap_err().to_string().contains("line 3"));
        assert!(parse_record(b"[1]", 1).is_err());
        assert!(parse_record(br#"{"value_b64":"***"}"#, 1).is_err());
        assert!(parse_record(br#"{"partition":-1}"#, 1).is_err());
        assert!(parse_record(br#"{"vlaue":"x"}"#, 1).unwrap_err().to_string().contains("vlaue"));
        let r = parse_record(br#"{"key":null,"value_b64":"/w==","headers":{"a":"b"}}"#, 1).unwrap();
        assert_eq!(r.value, Some(vec![0xff]));
        assert_eq!(r.headers, vec![(b"a".to_vec(), Some(b"b".to_vec()))]);
    }
}
