//! The producer of a topic on a Kafka cluster (`-b`), through librdkafka
//! ([`crate::kafka::NetProducer`]): records go to the client as they are added; deliveries are
//! awaited whenever the input goes idle and at the end, and reported to the same [`AckSink`] as a
//! data directory's producer, one acknowledged batch per record (Kafka's producer reports the
//! offset of each record, not of the batches it made).

use super::{AckSink, Acknowledged, Acks, ProducerSettings, RecordSink};
use crate::error::Result;
use crate::kafka::{Cluster, NetProducer};
use crate::record::Compression;

/// A [`RecordSink`] into a topic of a Kafka cluster.
pub struct KafkaProducer {
    producer: NetProducer,
    acks: Box<dyn AckSink>,
    /// The sink wants each delivery (the client then keeps their offsets).
    track: bool,
    topic: String,
    /// Records were sent since the last acknowledgement.
    queued: bool,
}

impl KafkaProducer {
    /// A producer into `settings.topic` on `cluster`, which must have the topic (and
    /// `settings.partition`, when given). `batch_size` is librdkafka's to choose.
    pub fn open(cluster: &Cluster, settings: ProducerSettings, acks: Box<dyn AckSink>) -> Result<KafkaProducer> {
        let t = cluster.topic(&settings.topic)?;
        t.check_partitions(settings.partition.as_slice())?;
        let acks_name = match settings.acks {
            Acks::Zero => "0",
            Acks::One => "1",
            Acks::All => "all",
        };
        let codec = (settings.compression != Compression::None).then(|| settings.compression.name());
        let track = acks.wants_acknowledgements();
        let producer = NetProducer::new(cluster, &t.name, acks_name, codec, settings.delivery_timeout, track)?;
        Ok(KafkaProducer { producer, acks, track, topic: t.name, queued: false })
    }

    /// Waits for every record sent to be delivered, then reports the deliveries.
    fn acknowledge(&mut self) -> Result<()> {
        self.producer.flush()?;
        self.queued = false;
        if self.track {
            let batches: Vec<Acknowledged> = self
                .producer
                .take_delivered()
                .into_iter()
                .map(|d| Acknowledged { partition: d.partition, base_offset: d.offset, last_offset: d.offset })
                .collect();
            self.acks.acknowledged(&self.topic, &batches)?;
        }
        Ok(())
    }

    /// Ends producing: what was added before `input` failed is still delivered and acknowledged;
    /// then the input's error comes first, the delivery's after it.
    pub fn finish(mut self, input: Result<()>) -> Result<()> {
        let acknowledged = self.acknowledge();
        input?;
        acknowledged
    }
}

impl RecordSink for KafkaProducer {
    fn add(
        &mut self,
        partition: Option<i32>,
        timestamp: i64,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        headers: &[(&[u8], Option<&[u8]>)],
    ) -> Result<()> {
        self.queued = true;
        self.producer.send(partition, key, value, headers, Some(timestamp))
    }

    fn busy(&self) -> bool {
        self.queued
    }

    fn idle(&mut self) -> Result<()> {
        if self.queued {
            self.acknowledge()?;
        }
        Ok(())
    }
}
