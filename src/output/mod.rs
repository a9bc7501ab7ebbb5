//! Rendering for the CLI: tables (comfy-table), JSON, and kcat-style record format strings.
//! Nothing here touches the data directory.

pub mod format;
// The JSON form of a record is a format of the library (produce reads it, fuzzing checks it).
pub use crate::record::json;

use crate::record::RecordRef;
use comfy_table::{presets, ContentArrangement, Table};
use format::Format;
use std::io::Write;

/// How consumed records are written: a kcat format string or JSON lines.
pub enum RecordOutput {
    Format(Format),
    Json,
}

impl RecordOutput {
    /// Writes one record.
    pub fn write(&self, out: &mut impl Write, topic: &str, partition: i32, rec: &RecordRef<'_>) -> std::io::Result<()> {
        match self {
            RecordOutput::Format(f) => match f.value_then_literal() {
                Some(lit) => out.write_all(rec.value.unwrap_or(b"")).and_then(|_| out.write_all(lit)),
                None => f.write(out, topic, partition, rec),
            },
            RecordOutput::Json => json::write_record(out, topic, partition, rec),
        }
    }
}

pub use crate::meta::join_ids;

/// A plain table with a header row, as every human-facing listing prints.
pub fn table<S: ToString>(header: &[&str], rows: impl IntoIterator<Item = Vec<S>>) -> String {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING);
    t.set_content_arrangement(ContentArrangement::Disabled);
    t.set_header(header.iter().copied());
    for r in rows {
        t.add_row(r.into_iter().map(|c| c.to_string()).collect::<Vec<_>>());
    }
    let s = t.to_string();
    let mut out: String = s.lines().map(|l| l.trim_end().trim_start_matches(' ')).collect::<Vec<_>>().join("\n");
    out.push('\n');
    out
}
