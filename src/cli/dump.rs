//! `klog dump`: kafka-dump-log for `.log`, `.index` and `.timeindex` files and whole partition
//! directories, klog's or a real Kafka broker's. One line per batch (or per index entry);
//! `--records` adds a line per record; `--json` prints one JSON object per line instead.

use super::{EXIT_FAILURE, EXIT_OK};
use crate::error::{Error, Result};
use crate::log::index::{IndexKind, IndexView};
use crate::log::names::*;
use crate::log::segment::{list_segments, segment_path, BatchScanner, ScanItem};
use crate::record::{control_type, control_type_name, BatchHeader, RecordsSection};
use serde_json::json;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct DumpArgs {
    /// Segment files (.log, .index, .timeindex) or partition directories.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Print every record too (kafka-dump-log's --deep-iteration --print-data-log).
    #[arg(short = 'r', long)]
    pub records: bool,
    /// One JSON object per batch or index entry.
    #[arg(long)]
    pub json: bool,
    /// Decode __consumer_offsets records (offset commits, group metadata), like
    /// kafka-dump-log's --offsets-decoder. Implies --records.
    #[arg(long)]
    pub offsets_decoder: bool,
}

struct Dumper<W: Write> {
    out: W,
    records: bool,
    json: bool,
    failed: bool,
    offsets_decoder: bool,
}

fn w(r: std::io::Result<()>) -> Result<()> {
    r.map_err(Error::Stream)
}

fn printable(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A `__consumer_offsets` record in words: (key, payload).
fn decode_offsets_record(r: &crate::record::Record) -> Option<(String, String)> {
    use crate::group::schema::{decode, OffsetsRecord};
    let key = r.key.as_deref()?;
    Some(match decode(key, r.value.as_deref()) {
        Ok(OffsetsRecord::Commit { group, topic, partition, value }) => (
            format!("offset_commit::group={},partition={}-{}", group, topic, partition),
            value.map_or("<DELETE>".to_string(), |v| {
                format!(
                    "offset={},leaderEpoch={},metadata={:?},commitTimestamp={}",
                    v.offset, v.leader_epoch, v.metadata, v.commit_timestamp
                )
            }),
        ),
        Ok(OffsetsRecord::Group { group, value }) => (
            format!("group_metadata::group={}", group),
            value.map_or("<DELETE>".to_string(), |v| {
                format!(
                    "protocolType={},generation={},protocol={},leader={},members=[{}]",
                    v.protocol_type,
                    v.generation,
                    v.protocol.unwrap_or_default(),
                    v.leader.unwrap_or_default(),
                    v.members.iter().map(|m| m.member_id.clone()).collect::<Vec<_>>().join(",")
                )
            }),
        ),
        Ok(OffsetsRecord::Other { key_version }) => (format!("unknown::version={}", key_version), "-".into()),
        Err(e) => (format!("undecodable ({})", e), "-".into()),
    })
}

impl<W: Write> Dumper<W> {
    fn show_key(&self, r: &crate::record::Record) -> String {
        if self.offsets_decoder {
            if let Some((k, _)) = decode_offsets_record(r) {
                return k;
            }
        }
        r.key.as_deref().map_or("null".to_string(), printable)
    }

    fn show_value(&self, r: &crate::record::Record) -> String {
        if self.offsets_decoder {
            if let Some((_, v)) = decode_offsets_record(r) {
                return v;
            }
        }
        r.value.as_deref().map_or("null".to_string(), printable)
    }

    fn path(&mut self, p: &Path) -> Result<()> {
        if p.is_dir() {
            let bases = list_segments(p)?;
            if bases.is_empty() {
                return Err(Error::NotFound(format!("{} holds no .log segment files", p.display())));
            }
            for b in bases {
                self.log(&segment_path(p, b, LOG_SUFFIX))?;
            }
            return Ok(());
        }
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        match parse_segment_file_name(name) {
            Some((_, LOG_SUFFIX)) => self.log(p),
            Some((base, INDEX_SUFFIX)) => self.index(p, IndexKind::Offset, base),
            Some((base, TIME_INDEX_SUFFIX)) => self.index(p, IndexKind::Time, base),
            _ if !p.exists() => Err(Error::NotFound(format!("{} does not exist", p.display()))),
            _ => Err(Error::Usage(format!(
                "cannot dump {}: expected a <20-digit offset>.log, .index or .timeindex file, or a partition directory",
                p.display()
            ))),
        }
    }

    fn index(&mut self, p: &Path, kind: IndexKind, base: i64) -> Result<()> {
        let v = IndexView::open(p, kind, base)?;
        if !p.exists() {
            return Err(Error::NotFound(format!("{} does not exist", p.display())));
        }
        if !self.json {
            w(writeln!(self.out, "Dumping {}", p.display()))?;
        }
        for i in 0..v.len() {
            match kind {
                IndexKind::Offset => {
                    let e = v.offset_entry(i)?;
                    if self.json {
                        w(writeln!(self.out, "{}", json!({"file": p, "offset": e.offset, "position": e.position})))?;
                    } else {
                        w(writeln!(self.out, "offset: {} position: {}", e.offset, e.position))?;
                    }
                }
                IndexKind::Time => {
                    let e = v.time_entry(i)?;
                    if self.json {
                        w(writeln!(self.out, "{}", json!({"file": p, "timestamp": e.timestamp, "offset": e.offset})))?;
                    } else {
                        w(writeln!(self.out, "timestamp: {} offset: {}", e.timestamp, e.offset))?;
                    }
                }
            }
        }
        Ok(())
    }

    fn log(&mut self, p: &Path) -> Result<()> {
        let mut scan = BatchScanner::open(p, 0)?;
        if !self.json {
            w(writeln!(self.out, "Dumping {}", p.display()))?;
            let base = p.file_name().and_then(|n| n.to_str()).and_then(parse_segment_file_name).map_or(0, |(b, _)| b);
            w(writeln!(self.out, "Starting offset: {}", base))?;
        }
        loop {
            match scan.next_batch()? {
                ScanItem::Batch { position, header } => {
                    let bytes = scan.batch_bytes().to_vec();
                    self.batch(p, position, &header, &bytes)?;
                }
                ScanItem::End { position, torn_bytes } => {
                    if torn_bytes > 0 {
                        self.out.flush().map_err(Error::Stream)?;
                        eprintln!(
                            "klog: warning: {}: {} bytes at byte {} do not form a whole batch (torn tail)",
                            p.display(),
                            torn_bytes,
                            position
                        );
                    }
                    return Ok(());
                }
                ScanItem::Invalid { position, error } => {
                    self.out.flush().map_err(Error::Stream)?;
                    eprintln!("klog: error: {}", Error::corrupt(p, position, error.0));
                    self.failed = true;
                    return Ok(());
                }
            }
        }
    }

    fn batch(&mut self, p: &Path, position: u64, h: &BatchHeader, bytes: &[u8]) -> Result<()> {
        let codec = h.compression().map(|c| c.name()).unwrap_or("unknown");
        let ts_kind = if h.is_log_append_time() { "LogAppendTime" } else { "CreateTime" };
        let last_seq = if h.base_sequence < 0 { -1 } else { h.base_sequence.wrapping_add(h.last_offset_delta) };
        let horizon = if h.has_delete_horizon() {
            format!("OptionalLong[{}]", h.base_timestamp)
        } else {
            "OptionalLong.empty".into()
        };
        let recs = if self.records {
            let section = RecordsSection::new(bytes, h).map_err(|e| Error::corrupt(p, position, e.0))?;
            let mut v = Vec::new();
            for r in section.iter() {
                v.push(crate::record::Record::from(r.map_err(|e| Error::corrupt(p, position, e.0))?));
            }
            Some(v)
        } else {
            None
        };
        if self.json {
            let mut o = json!({
                "file": p, "baseOffset": h.base_offset, "lastOffset": h.last_offset(), "count": h.records_count,
                "position": position, "size": h.size(), "magic": h.magic, "compresscodec": codec,
                "partitionLeaderEpoch": h.partition_leader_epoch, "producerId": h.producer_id,
                "producerEpoch": h.producer_epoch, "baseSequence": h.base_sequence, "isTransactional": h.is_transactional(),
                "isControl": h.is_control(), "timestampType": ts_kind, "baseTimestamp": h.base_timestamp,
                "maxTimestamp": h.max_timestamp, "crc": h.crc, "isvalid": true,
            });
            if let Some(recs) = &recs {
                let rs: Vec<_> = recs
                    .iter()
                    .map(|r| {
                        let mut j = json!({"offset": r.offset, "timestamp": r.timestamp,
                            "keySize": r.key.as_ref().map_or(-1, |k| k.len() as i64),
                            "valueSize": r.value.as_ref().map_or(-1, |v| v.len() as i64),
                            "key": r.key.as_deref().map(printable), "payload": r.value.as_deref().map(printable),
                            "headers": r.headers.iter().map(|(k, v)| json!([printable(k), v.as_deref().map(printable)])).collect::<Vec<_>>()});
                        if h.is_control() {
                            j["controlType"] = json!(control_type_name(control_type(r.key.as_deref())));
                        }
                        j
                    })
                    .collect();
                o["records"] = json!(rs);
            }
            return w(writeln!(self.out, "{}", o));
        }
        w(writeln!(
            self.out,
            "baseOffset: {} lastOffset: {} count: {} baseSequence: {} lastSequence: {} producerId: {} producerEpoch: {} \
             partitionLeaderEpoch: {} isTransactional: {} isControl: {} deleteHorizonMs: {} position: {} {}: {} size: {} \
             magic: {} compresscodec: {} crc: {} isvalid: true",
            h.base_offset, h.last_offset(), h.records_count, h.base_sequence, last_seq, h.producer_id, h.producer_epoch,
            h.partition_leader_epoch, h.is_transactional(), h.is_control(), horizon, position, ts_kind, h.max_timestamp,
            h.size(), h.magic, codec, h.crc
        ))?;
        for r in recs.iter().flatten() {
            let headers: Vec<String> = r.headers.iter().map(|(k, _)| printable(k)).collect();
            if h.is_control() {
                w(writeln!(
                    self.out,
                    "| offset: {} {}: {} keySize: {} valueSize: {} controlType: {}",
                    r.offset,
                    ts_kind,
                    r.timestamp,
                    r.key.as_ref().map_or(-1, |k| k.len() as i64),
                    r.value.as_ref().map_or(-1, |v| v.len() as i64),
                    control_type_name(control_type(r.key.as_deref()))
                ))?;
                continue;
            }
            w(writeln!(
                self.out,
                "| offset: {} {}: {} keySize: {} valueSize: {} sequence: {} headerKeys: [{}] key: {} payload: {}",
                r.offset,
                ts_kind,
                r.timestamp,
                r.key.as_ref().map_or(-1, |k| k.len() as i64),
                r.value.as_ref().map_or(-1, |v| v.len() as i64),
                if h.base_sequence < 0 { -1 } else { h.base_sequence.wrapping_add((r.offset - h.base_offset) as i32) },
                headers.join(","),
                self.show_key(r),
                self.show_value(r),
            ))?;
        }
        Ok(())
    }
}

pub fn run(a: DumpArgs) -> Result<i32> {
    let stdout = std::io::stdout();
    let mut d = Dumper {
        out: std::io::BufWriter::new(stdout.lock()),
        records: a.records || a.offsets_decoder,
        json: a.json,
        failed: false,
        offsets_decoder: a.offsets_decoder,
    };
    for p in &a.paths {
        d.path(p)?;
    }
    d.out.flush().map_err(Error::Stream)?;
    Ok(if d.failed { EXIT_FAILURE } else { EXIT_OK })
}
