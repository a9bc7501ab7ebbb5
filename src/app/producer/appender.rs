//! The appender: owns a producer's partition writers and appends the batches the producer
//! encodes, inline while the input is small and on a thread of its own from the first full
//! batch on (so that encoding and the write system calls overlap). Acknowledgements go to the
//! [`AckSink`] once the batches they name are durable.

use super::cluster::{ClusterLink, SentBatch};
use super::{AckSink, Acknowledged};
use crate::datadir::{DataDir, TopicMeta};
use crate::error::{Error, Result};
use crate::log::{AppendMode, PartitionWriter};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};

/// What the producer hands its appender thread.
pub(super) enum Job {
    Batch {
        partition: i32,
        bytes: Vec<u8>,
    },
    /// Fsync (unless acks=0) and release every partition lock; answer when done.
    Settle(mpsc::Sender<()>),
}

/// The appender: owns the partition writers and appends the batches the producer encodes.
pub(super) struct Appender {
    /// The data directory of a standalone topic (a cluster topic's writers go to its leaders).
    dd: Option<DataDir>,
    pub(super) topic: TopicMeta,
    durable: bool,
    log_append_time: bool,
    writers: HashMap<i32, PartitionWriter>,
    /// For a cluster topic: where the leaders are, the batches not yet acknowledged, and how
    /// long to keep trying when a leader becomes unavailable.
    pub(super) cluster: Option<Box<ClusterLink>>,
    /// The leader epoch each open writer stamps on its batches.
    epochs: HashMap<i32, crate::LeaderEpoch>,
    /// Batches appended but not yet durable, by partition.
    unflushed: HashMap<i32, Vec<Acknowledged>>,
    /// Durable batches that still wait for the replicas (cluster topics).
    pub(super) unreplicated: Vec<Acknowledged>,
    /// Where acknowledgements and warnings go.
    pub(super) acks: Box<dyn AckSink>,
}

impl Appender {
    pub(super) fn new(
        dd: Option<DataDir>,
        topic: TopicMeta,
        durable: bool,
        log_append_time: bool,
        cluster: Option<Box<ClusterLink>>,
        acks: Box<dyn AckSink>,
    ) -> Appender {
        Appender {
            dd,
            topic,
            durable,
            log_append_time,
            writers: HashMap::new(),
            cluster,
            epochs: HashMap::new(),
            unflushed: HashMap::new(),
            unreplicated: Vec::new(),
            acks,
        }
    }

    pub(super) fn append(&mut self, p: i32, batch: &mut [u8]) -> Result<()> {
        if !self.writers.contains_key(&p) {
            let (mut w, epoch) = match self.cluster {
                Some(_) => self.open_cluster_writer(p)?,
                None => (
                    self.dd.as_ref().expect("a standalone topic's directory").open_writer(&self.topic, p)?,
                    crate::LeaderEpoch(0),
                ),
            };
            w.set_durable(self.durable);
            self.writers.insert(p, w);
            self.epochs.insert(p, epoch);
        }
        let leader_epoch = self.epochs.get(&p).copied().unwrap_or_default();
        let w = self.writers.get_mut(&p).expect("opened above");
        if self.log_append_time {
            crate::record::set_log_append_time(batch, crate::timefmt::now_ms());
        }
        let info = w.append_batch(batch, AppendMode::Leader { leader_epoch: leader_epoch.0 })?;
        let flushed = self.durable && w.maybe_flush()?;
        if let Some(link) = self.cluster.as_deref_mut() {
            let crc = crate::record::BatchHeader::parse(batch).map(|h| h.crc).unwrap_or(0);
            link.unacknowledged_bytes += batch.len();
            link.unacknowledged.push(SentBatch {
                partition: p,
                base_offset: info.base_offset,
                leader_epoch,
                crc,
                bytes: batch.to_vec(),
            });
        }
        if self.cluster.is_some() || self.acks.wants_acknowledgements() {
            let ack = Acknowledged { partition: p, base_offset: info.base_offset, last_offset: info.last_offset };
            self.unflushed.entry(p).or_default().push(ack);
        }
        // An acknowledgement is reported only once what it acknowledges is durable.
        if !self.durable || flushed {
            self.batches_durable(Some(p))?;
        }
        Ok(())
    }

    /// The batches of partition `p` (every partition when `None`) became durable: report them,
    /// or, when the replicas must have them first, keep them for [`Appender::acknowledge`].
    fn batches_durable(&mut self, p: Option<i32>) -> Result<()> {
        let batches: Vec<Acknowledged> = match p {
            Some(p) => self.unflushed.remove(&p).unwrap_or_default(),
            None => {
                let mut all: Vec<(i32, Vec<Acknowledged>)> = self.unflushed.drain().collect();
                all.sort_by_key(|(p, _)| *p);
                all.into_iter().flat_map(|(_, l)| l).collect()
            }
        };
        if self.cluster.is_some() {
            self.unreplicated.extend(batches);
            return Ok(());
        }
        self.report(&batches)
    }

    /// Hands acknowledged batches to the sink.
    pub(super) fn report(&mut self, batches: &[Acknowledged]) -> Result<()> {
        if batches.is_empty() {
            return Ok(());
        }
        self.acks.acknowledged(&self.topic.name, batches)
    }

    /// Sends partial batches, then waits until they are fsynced (unless acks=0) and every
    /// partition lock is released.
    pub(super) fn settle(&mut self) -> Result<()> {
        if self.durable {
            if self.writers.len() > 1 {
                // Keyless records spread over the partitions: their fdatasyncs overlap.
                std::thread::scope(|scope| {
                    let flushes: Vec<_> = self.writers.values_mut().map(|w| scope.spawn(move || w.flush())).collect();
                    flushes.into_iter().try_for_each(|h| h.join().unwrap_or_else(|_| Err(Sink::stopped())))
                })?;
            } else {
                for w in self.writers.values_mut() {
                    w.flush()?;
                }
            }
        }
        self.writers.clear();
        self.batches_durable(None)
    }

    /// Runs until the producer hangs up, then settles. The first error stops all appending
    /// (later batches are dropped, never written out of order) and is returned.
    fn run(
        mut self,
        jobs: mpsc::Receiver<Job>,
        recycle: mpsc::SyncSender<Vec<u8>>,
        failed: Arc<AtomicBool>,
    ) -> Result<()> {
        let mut error = None;
        for job in jobs {
            match job {
                Job::Batch { partition, mut bytes } => {
                    if error.is_none() {
                        if let Err(e) = self.append(partition, &mut bytes) {
                            failed.store(true, Ordering::SeqCst);
                            error = Some(e);
                        }
                    }
                    let _ = recycle.try_send(bytes);
                }
                Job::Settle(reply) => {
                    if error.is_none() {
                        if let Err(e) = self.settle() {
                            failed.store(true, Ordering::SeqCst);
                            error = Some(e);
                        }
                    }
                    let _ = reply.send(());
                }
            }
        }
        match error {
            Some(e) => {
                // What was written before the error is still made durable, and acknowledged.
                let _ = self.settle();
                Err(e)
            }
            None => self.settle(),
        }
    }
}

/// Where finished batches go: appended right here while the input is small (a one-record
/// produce should not pay for a thread), then, from the first full batch on, by an appender
/// thread, so that encoding and the write system calls overlap.
pub(super) enum Sink {
    Inline(Box<Appender>),
    Thread {
        jobs: mpsc::SyncSender<Job>,
        recycled: mpsc::Receiver<Vec<u8>>,
        failed: Arc<AtomicBool>,
        handle: std::thread::JoinHandle<Result<()>>,
    },
    /// Only while switching from one to the other.
    Switching,
}

impl Sink {
    fn stopped() -> Error {
        Error::Invalid("the appender stopped".into())
    }

    /// The appender thread failed: stop feeding it (its error comes back when it is joined).
    pub(super) fn check(&self) -> Result<()> {
        match self {
            Sink::Thread { failed, .. } if failed.load(Ordering::SeqCst) => Err(Self::stopped()),
            _ => Ok(()),
        }
    }

    pub(super) fn go_parallel(&mut self) {
        if let Sink::Inline(_) = self {
            let Sink::Inline(appender) = std::mem::replace(self, Sink::Switching) else {
                unreachable!("matched Inline above")
            };
            let (jobs, job_rx) = mpsc::sync_channel(4);
            let (recycle, recycled) = mpsc::sync_channel(8);
            let failed = Arc::new(AtomicBool::new(false));
            let flag = failed.clone();
            let handle = std::thread::spawn(move || (*appender).run(job_rx, recycle, flag));
            *self = Sink::Thread { jobs, recycled, failed, handle };
        }
    }

    /// A buffer for the next batch: one the appender is done with, if any.
    pub(super) fn spare(&mut self) -> Vec<u8> {
        match self {
            Sink::Thread { recycled, .. } => recycled.try_recv().unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    /// Appends a batch (inline) or hands it over; returns the buffer when it comes straight back.
    pub(super) fn send(&mut self, partition: i32, mut bytes: Vec<u8>) -> Result<Option<Vec<u8>>> {
        match self {
            Sink::Inline(a) => {
                a.append(partition, &mut bytes)?;
                Ok(Some(bytes))
            }
            Sink::Thread { jobs, .. } => {
                jobs.send(Job::Batch { partition, bytes }).map_err(|_| Self::stopped())?;
                Ok(None)
            }
            Sink::Switching => Err(Self::stopped()),
        }
    }

    /// A cluster appender keeps too many unacknowledged bytes.
    pub(super) fn wants_acknowledgement(&self) -> bool {
        match self {
            Sink::Inline(a) => a.cluster.as_ref().is_some_and(|c| c.over_limit()),
            _ => false,
        }
    }

    pub(super) fn settle(&mut self) -> Result<()> {
        match self {
            Sink::Inline(a) => a.settle(),
            Sink::Thread { jobs, .. } => {
                let (tx, rx) = mpsc::channel();
                if jobs.send(Job::Settle(tx)).is_err() || rx.recv().is_err() {
                    return Err(Self::stopped());
                }
                self.check()
            }
            Sink::Switching => Err(Self::stopped()),
        }
    }

    /// Settles for the last time and reports the appender's first error.
    pub(super) fn finish(self) -> Result<()> {
        match self {
            Sink::Inline(mut a) => a.settle(),
            Sink::Thread { jobs, handle, .. } => {
                drop(jobs);
                handle.join().unwrap_or_else(|_| Err(Error::Invalid("the appender thread panicked".into())))
            }
            Sink::Switching => Err(Self::stopped()),
        }
    }
}
