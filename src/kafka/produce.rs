//! Producing to a Kafka cluster: librdkafka's producer, with Kafka's Java partitioner
//! (`murmur2_random`: murmur2 of the key, so a key lands where Kafka's Java producer and
//! `klog produce` on a directory put it), delivery reports collected for `--print-offsets`, and a
//! failure to deliver any record reported as an error.

use super::{Cluster, KlogContext};
use crate::error::{Delivery, Error, Result};
use rdkafka::client::ClientContext;
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{Header, Message, OwnedHeaders};
use rdkafka::producer::{BaseProducer, BaseRecord, DeliveryResult, Producer, ProducerContext};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long one wait for delivery reports lasts (rdkafka's `poll` waits out its whole timeout).
const POLL_STEP: Duration = Duration::from_millis(1);
/// Records queued between two polls for delivery reports while the queue has room.
const POLL_EVERY: u32 = 1024;

/// Where an acknowledged record landed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delivered {
    pub partition: i32,
    pub offset: i64,
}

#[derive(Default)]
struct DeliveryLog {
    /// Kept only when the caller asked for them (`--print-offsets`).
    track: bool,
    delivered: Vec<Delivered>,
    acknowledged: u64,
    failed: u64,
    first_error: Option<String>,
}

struct ProduceContext {
    base: KlogContext,
    log: Arc<Mutex<DeliveryLog>>,
}

impl ClientContext for ProduceContext {
    fn log(&self, level: rdkafka::config::RDKafkaLogLevel, fac: &str, message: &str) {
        self.base.log(level, fac, message)
    }
    fn error(&self, error: KafkaError, reason: &str) {
        self.base.error(error, reason)
    }
}

impl ProducerContext for ProduceContext {
    type DeliveryOpaque = ();

    fn delivery(&self, r: &DeliveryResult<'_>, _: ()) {
        let mut log = self.log.lock().unwrap_or_else(|p| p.into_inner());
        match r {
            Ok(m) => {
                log.acknowledged += 1;
                if log.track {
                    log.delivered.push(Delivered { partition: m.partition(), offset: m.offset() });
                }
            }
            Err((e, _)) => {
                log.failed += 1;
                log.first_error.get_or_insert_with(|| e.to_string());
            }
        }
    }
}

/// A producer of one topic.
pub struct NetProducer {
    producer: BaseProducer<ProduceContext>,
    log: Arc<Mutex<DeliveryLog>>,
    ctx: KlogContext,
    cluster: Cluster,
    topic: String,
    delivery_timeout: Duration,
    /// Records queued since the last poll.
    unpolled: u32,
}

impl NetProducer {
    /// A producer of `topic` with `acks` (0, 1 or all), a compression codec, and a delivery
    /// timeout (Kafka's delivery.timeout.ms). Client properties given by the user win.
    pub fn new(
        cluster: &Cluster,
        topic: &str,
        acks: &str,
        compression: Option<&str>,
        delivery_timeout: Duration,
        track_offsets: bool,
    ) -> Result<NetProducer> {
        let ms = delivery_timeout.as_millis().min(i32::MAX as u128).to_string();
        let mut defaults = vec![("acks", acks), ("partitioner", "murmur2_random"), ("message.timeout.ms", ms.as_str())];
        if let Some(c) = compression {
            defaults.push(("compression.type", c));
        }
        let config = cluster.config(&defaults);
        let ctx = KlogContext::default();
        let log = Arc::new(Mutex::new(DeliveryLog { track: track_offsets, ..DeliveryLog::default() }));
        let producer = config
            .create_with_context(ProduceContext { base: ctx.clone(), log: log.clone() })
            .map_err(|e| cluster.error("cannot create a producer", e))?;
        Ok(NetProducer {
            producer,
            log,
            ctx,
            cluster: cluster.clone(),
            topic: topic.to_string(),
            delivery_timeout,
            unpolled: 0,
        })
    }

    /// Queues one record (waiting while librdkafka's queue is full).
    pub fn send(
        &mut self,
        partition: Option<i32>,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        headers: &[(&[u8], Option<&[u8]>)],
        timestamp_ms: Option<i64>,
    ) -> Result<()> {
        let mut rec: BaseRecord<'_, [u8], [u8]> = BaseRecord::to(&self.topic);
        // A record without headers gets no header list: librdkafka would allocate one per
        // record, and free it after its delivery report, for nothing the broker sees.
        if !headers.is_empty() {
            let mut hs = OwnedHeaders::new_with_capacity(headers.len());
            for (k, v) in headers {
                let key = std::str::from_utf8(k).map_err(|_| Error::HeaderKeyNotUtf8 { at: None })?;
                hs = hs.insert(Header { key, value: *v });
            }
            rec = rec.headers(hs);
        }
        if let Some(k) = key {
            rec = rec.key(k);
        }
        if let Some(v) = value {
            rec = rec.payload(v);
        }
        if let Some(p) = partition {
            rec = rec.partition(p);
        }
        if let Some(t) = timestamp_ms {
            rec = rec.timestamp(t);
        }
        loop {
            match self.producer.send(rec) {
                Ok(()) => break,
                Err((KafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), back)) => {
                    rec = back;
                    // rdkafka's poll serves events until its timeout passes (it does not return
                    // at the first delivery report), so a short step: room frees up as soon as
                    // a report is served.
                    self.producer.poll(POLL_STEP);
                    // A cluster never reached fails at once; one that went away after taking
                    // records gets the delivery timeout to come back, while the queue holds
                    // what came meanwhile (and the input waits). Records that failed end it.
                    let (acknowledged, failed) = {
                        let log = self.log.lock().unwrap_or_else(|p| p.into_inner());
                        (log.acknowledged, log.failed)
                    };
                    if failed > 0 {
                        // The error names the records that failed; this one and the input
                        // after it are not read.
                        return self.flush();
                    }
                    if acknowledged == 0 {
                        self.check_reachable()?;
                    }
                }
                Err((e, _)) => return Err(self.cluster.error(&format!("cannot produce to topic '{}'", self.topic), e)),
            }
        }
        // Delivery reports (and errors) are served every POLL_EVERY records, and whenever the
        // queue is full: a poll per record cost about as much as queueing the record (rdkafka's
        // poll reads the clock four times and takes the queue's lock), and the reports wait in
        // their queue meanwhile, counted against queue.buffering.max.messages.
        self.unpolled += 1;
        if self.unpolled >= POLL_EVERY {
            self.unpolled = 0;
            self.producer.poll(Duration::ZERO);
        }
        Ok(())
    }

    fn check_reachable(&self) -> Result<()> {
        match self.ctx.fatal() {
            Some(why) => Err(self.cluster.unreachable(Some(why))),
            None => Ok(()),
        }
    }

    /// The records acknowledged since the last call, in the order the acknowledgements came.
    pub fn take_delivered(&mut self) -> Vec<Delivered> {
        std::mem::take(&mut self.log.lock().unwrap_or_else(|p| p.into_inner()).delivered)
    }

    /// Waits until every queued record is acknowledged or failed (at most the delivery timeout;
    /// sooner when the cluster cannot be reached at all). Any record not delivered is an error.
    pub fn flush(&mut self) -> Result<()> {
        let deadline = Instant::now() + self.delivery_timeout;
        // Not rdkafka's `flush(timeout)`: that one polls in steps of 100 ms, each served to its
        // end, so it returned 100 ms after the last acknowledgement at best. `flush(ZERO)` only
        // tells librdkafka to send what lingers now; the acknowledgements are served in steps
        // of POLL_STEP, and the queue is empty only once every record's report was served.
        let _ = self.producer.flush(Duration::ZERO);
        while self.producer.in_flight_count() > 0 {
            self.producer.poll(POLL_STEP);
            if self.producer.in_flight_count() == 0 {
                break;
            }
            let nothing_delivered = self.log.lock().unwrap_or_else(|p| p.into_inner()).acknowledged == 0;
            if nothing_delivered {
                self.check_reachable()?;
            }
            if Instant::now() >= deadline {
                return Err(Error::KafkaUndelivered {
                    records: self.producer.in_flight_count() as u64,
                    topic: self.topic.clone(),
                    bootstrap: self.cluster.bootstrap().to_string(),
                    fault: Delivery::TimedOut { waited_ms: self.delivery_timeout.as_millis() },
                });
            }
        }
        let log = self.log.lock().unwrap_or_else(|p| p.into_inner());
        if log.failed > 0 {
            return Err(Error::KafkaUndelivered {
                records: log.failed,
                topic: self.topic.clone(),
                bootstrap: self.cluster.bootstrap().to_string(),
                fault: Delivery::Failed(log.first_error.as_deref().unwrap_or("unknown error").to_string()),
            });
        }
        Ok(())
    }
}
