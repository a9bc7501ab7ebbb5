//! klog: Apache Kafka's storage model as a library over plain directories.
//!
//! Layers, lowest first; each depends only on the ones above it in this list:
//! - [`record`]: the record-batch codec (message format v2), varints, CRC-32C, compression.
//! - [`log`]: segments, the offset and time indexes, the partition log (append, read, roll,
//!   recover, truncate, delete, replace).
//! - [`datadir`]: a data directory: topics, partitions, configs, `meta.properties`, checkpoints.
//! - [`meta`]: the cluster metadata store (brokers, replica assignment, leaders, ISR, epochs).
//! - [`replica`]: follower copies, divergence truncation, ISR changes, the high watermark.
//! - [`controller`]: controller election over the store's lock, failure detection, leader
//!   election.
//!
//! [`lock`] and [`fsutil`] are helpers used by `log` and `datadir`; [`paths`] names every file
//! klog keeps for itself. [`app`] is the application
//! layer over them all (where a topic lives, producing, consuming, group members, the broker
//! agent); [`kafka`] reaches real Kafka clusters. The library never prints and never exits: the
//! binary (`src/main.rs` with its `cli` and `output` modules) parses, calls and renders.
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod app;
pub mod cleaner;
pub mod controller;
pub mod datadir;
pub mod error;
pub mod fsutil;
pub mod group;
pub mod kafka;
pub mod lock;
pub mod log;
pub mod meta;
pub mod partitioner;
pub mod paths;
pub mod record;
pub mod replica;
pub mod timefmt;
mod vocabulary;

pub use error::{Error, Result};
pub use vocabulary::{ControllerEpoch, LeaderEpoch, TopicPartition};
