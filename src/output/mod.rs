//! Rendering for the CLI: tables (comfy-table), JSON, and kcat-style record format strings.
//! Nothing here touches the data directory.

pub mod format;
// The JSON form of a record is a format of the library (produce reads it, fuzzing checks it).
pub use crate::record::json;

use comfy_table::{presets, ContentArrangement, Table};

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
