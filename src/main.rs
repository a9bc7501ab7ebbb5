//! The `klog` binary: the command line over the klog library. `cli` parses arguments into the
//! library's settings, calls it and maps its errors to exit codes; `output` renders records and
//! tables. Neither is part of the library.

#![cfg_attr(not(test), deny(clippy::unwrap_used))]

mod cli;
mod output;

// The CLI names the library's modules by crate paths (`crate::datadir`, ...).
use klog::{
    app, cleaner, controller, datadir, error, fsutil, group, kafka, log, meta, record, replica, timefmt, TopicPartition,
};

fn main() {
    // Deterministic crash tests only (`KLOG_POWERCUT`): the disk's state as the process starts.
    fsutil::powercut::arm();
    std::process::exit(cli::main());
}
