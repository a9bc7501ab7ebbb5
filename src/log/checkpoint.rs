//! Kafka's text checkpoint format (`CheckpointFile`): a version line, a count line, then one
//! entry per line with fields split on white space. Used for `leader-epoch-checkpoint` here and
//! for the data directory's offset checkpoints.

use crate::error::{Error, Result};
use crate::fsutil;
use std::path::Path;

/// Parses a version-0 checkpoint into its entry lines' fields. An empty file, or a version line
/// with no count, has no entries; a wrong version or a count that does not match is an error.
pub fn parse(text: &str, path: &Path) -> Result<Vec<Vec<String>>> {
    let mut lines = text.lines();
    let bad = |what: String| Error::corrupt(path, 0, what);
    let Some(version) = lines.next() else {
        return Ok(Vec::new());
    };
    if version.trim() != "0" {
        return Err(bad(format!("unsupported checkpoint version {:?}", version.trim())));
    }
    let Some(count) = lines.next() else {
        return Ok(Vec::new());
    };
    let count: usize = count.trim().parse().map_err(|_| bad(format!("bad entry count {:?}", count)))?;
    let entries: Vec<Vec<String>> =
        lines.filter(|l| !l.trim().is_empty()).map(|l| l.split_whitespace().map(str::to_string).collect()).collect();
    if entries.len() != count {
        return Err(bad(format!("declares {} entries but has {}", count, entries.len())));
    }
    Ok(entries)
}

/// Reads a checkpoint file; a missing file has no entries.
pub fn read(path: &Path) -> Result<Vec<Vec<String>>> {
    match std::fs::read_to_string(path) {
        Ok(t) => parse(&t, path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(Error::io("read", path, e)),
    }
}

/// Formats entries as a version-0 checkpoint.
pub fn format(entries: &[String]) -> String {
    let mut s = format!("0\n{}\n", entries.len());
    for e in entries {
        s.push_str(e);
        s.push('\n');
    }
    s
}

/// Writes a checkpoint atomically (temporary file, fsync, rename, fsync directory).
pub fn write(path: &Path, entries: &[String]) -> Result<()> {
    fsutil::write_atomic(path, format(entries).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_kafka_epoch_checkpoint() {
        let p = Path::new("x");
        let e = parse("0\n5\n1 0\n2 298\n3 354\n5 711\n6 712\n", p).unwrap();
        assert_eq!(e.len(), 5);
        assert_eq!(e[4], vec!["6", "712"]);
        assert!(parse("0\n2\n1 0\n", p).is_err());
        assert!(parse("1\n0\n", p).is_err());
        assert!(parse("", p).unwrap().is_empty());
        assert_eq!(format(&["1 0".into()]), "0\n1\n1 0\n");
    }
}
