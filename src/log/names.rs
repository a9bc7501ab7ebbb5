//! Every file name of a partition directory in one place, as Kafka's `LogFileUtils`.

pub const LOG_SUFFIX: &str = ".log";
pub const INDEX_SUFFIX: &str = ".index";
pub const TIME_INDEX_SUFFIX: &str = ".timeindex";
pub const TXN_INDEX_SUFFIX: &str = ".txnindex";
pub const SNAPSHOT_SUFFIX: &str = ".snapshot";
pub const DELETED_SUFFIX: &str = ".deleted";
pub const CLEANED_SUFFIX: &str = ".cleaned";
pub const SWAP_SUFFIX: &str = ".swap";
pub const LEADER_EPOCH_CHECKPOINT: &str = "leader-epoch-checkpoint";
pub const PARTITION_METADATA: &str = "partition.metadata";

/// The per-segment suffixes, in the order klog creates and renames them.
pub const SEGMENT_SUFFIXES: [&str; 4] = [LOG_SUFFIX, INDEX_SUFFIX, TIME_INDEX_SUFFIX, TXN_INDEX_SUFFIX];

/// `00000000000000000042.log` for base offset 42 and suffix `.log`.
pub fn segment_file_name(base_offset: i64, suffix: &str) -> String {
    format!("{:020}{}", base_offset, suffix)
}

/// Splits a segment file name into its base offset and the rest (`.log`, `.index.deleted`, ...).
pub fn parse_segment_file_name(name: &str) -> Option<(i64, &str)> {
    let dot = name.find('.')?;
    let (digits, rest) = name.split_at(dot);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((digits.parse().ok()?, rest))
}

/// Whether `name` is a file Kafka or klog keeps in a partition directory: a segment file
/// (`.log`, `.index`, `.timeindex`, `.txnindex`, `.snapshot`, each possibly with a
/// `.deleted`/`.cleaned`/`.swap` suffix), the leader-epoch checkpoint, `partition.metadata`, or
/// the temporary file of either (`.tmp`, written then renamed).
pub fn is_partition_file(name: &str) -> bool {
    if let Some((_, rest)) = parse_segment_file_name(name) {
        let kind =
            [DELETED_SUFFIX, CLEANED_SUFFIX, SWAP_SUFFIX].iter().fold(rest, |r, s| r.strip_suffix(s).unwrap_or(r));
        return SEGMENT_SUFFIXES.contains(&kind) || kind == SNAPSHOT_SUFFIX;
    }
    let base = name.strip_suffix(".tmp").unwrap_or(name);
    base == LEADER_EPOCH_CHECKPOINT || base == PARTITION_METADATA
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        assert_eq!(segment_file_name(42, LOG_SUFFIX), "00000000000000000042.log");
        assert_eq!(parse_segment_file_name("00000000000000000042.log"), Some((42, ".log")));
        assert_eq!(parse_segment_file_name("00000000000000000042.index.swap"), Some((42, ".index.swap")));
        assert_eq!(parse_segment_file_name("leader-epoch-checkpoint"), None);
    }

    #[test]
    fn partition_file_kinds() {
        for ok in [
            "00000000000000000042.log",
            "00000000000000000042.index.deleted",
            "00000000000000000042.timeindex.swap",
            "00000000000000000042.log.cleaned",
            "00000000000000000042.txnindex",
            "00000000000000000042.snapshot",
            "leader-epoch-checkpoint",
            "leader-epoch-checkpoint.tmp",
            "partition.metadata",
        ] {
            assert!(is_partition_file(ok), "{ok}");
        }
        for bad in ["rules", "00000000000000000042.txt", "42", ".log", "x.log", "partition.metadata.bak"] {
            assert!(!is_partition_file(bad), "{bad}");
        }
    }
}
