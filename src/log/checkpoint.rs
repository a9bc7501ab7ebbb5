//! Kafka's text checkpoint format (`CheckpointFile`): a version line, a count line, then one
//! entry per line with fields split on white space. Used for `leader-epoch-checkpoint` here and
//! for the data directory's offset checkpoints.

use crate::error::{Error, Result};
use crate::fsutil;
use crate::TopicPartition;
use std::path::Path;

/// One typed entry of a checkpoint file.
pub trait Entry: Sized {
    /// The entry one line's fields make, or None when they make none.
    fn from_fields(fields: &[String]) -> Option<Self>;
    /// The entry as its line (fields separated by a space).
    fn to_line(&self) -> String;
}

/// An entry of a data directory's offset checkpoints (recovery point, log start, replication,
/// cleaner): `topic partition offset`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffsetEntry {
    pub tp: TopicPartition,
    pub offset: i64,
}

impl Entry for OffsetEntry {
    fn from_fields(fields: &[String]) -> Option<OffsetEntry> {
        match fields {
            [t, p, o] => {
                Some(OffsetEntry { tp: TopicPartition::new(t.as_str(), p.parse().ok()?), offset: o.parse().ok()? })
            }
            _ => None,
        }
    }

    fn to_line(&self) -> String {
        format!("{} {} {}", self.tp.topic, self.tp.partition, self.offset)
    }
}

/// Reads a checkpoint's entries; a line that is not an entry is corruption.
pub fn read_entries<E: Entry>(path: &Path) -> Result<Vec<E>> {
    entries(&read(path)?, path)
}

/// The entries of a checkpoint's parsed lines ([`parse`]); one that does not read as an entry
/// is corrupt data of `path`.
pub fn entries<E: Entry>(lines: &[Vec<String>], path: &Path) -> Result<Vec<E>> {
    lines
        .iter()
        .map(|f| E::from_fields(f).ok_or_else(|| Error::corrupt(path, 0, format!("bad entry {:?}", f.join(" ")))))
        .collect()
}

/// Reads a checkpoint's entries, skipping lines that are not entries (the data directory's
/// offset checkpoints, where an unreadable entry only loses a hint).
pub fn read_entries_lenient<E: Entry>(path: &Path) -> Result<Vec<E>> {
    Ok(read(path)?.iter().filter_map(|f| E::from_fields(f)).collect())
}

/// Writes entries atomically.
pub fn write_entries<E: Entry>(path: &Path, entries: &[E]) -> Result<()> {
    let lines: Vec<String> = entries.iter().map(Entry::to_line).collect();
    write(path, &lines)
}

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
    fn typed_entries_round_trip_and_bad_lines_are_corruption_or_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("log-start-offset-checkpoint");
        let e = OffsetEntry { tp: TopicPartition::new("orders", 2), offset: 40 };
        write_entries(&p, std::slice::from_ref(&e)).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "0\n1\norders 2 40\n");
        assert_eq!(read_entries::<OffsetEntry>(&p).unwrap(), std::slice::from_ref(&e));
        std::fs::write(&p, "0\n2\norders 2 40\norders x 7\n").unwrap();
        let err = read_entries::<OffsetEntry>(&p).unwrap_err();
        assert!(matches!(err, Error::Corrupt { .. }) && err.to_string().contains("orders x 7"), "{err}");
        assert_eq!(read_entries_lenient::<OffsetEntry>(&p).unwrap(), [e]);
    }

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
