//! A Kafka cluster over the network (`klog -b HOST:PORT`): the topic, produce, consume, group
//! member and offsets operations klog performs on data directories, done through librdkafka
//! (the `rdkafka` crate), the client library under kcat. klog never speaks Kafka's protocol
//! itself.
//!
//! Everything here is bounded in time: a cluster that cannot be reached (a refused connection, an
//! unknown host) fails within [`Cluster::timeout`], sooner when librdkafka reports every broker
//! down or a name that does not resolve. Errors name the bootstrap servers and never carry a
//! client property's value (passwords live there).

mod admin;
mod consume;
mod ffi;
mod group;
mod groups;
pub mod mirror;
mod produce;

pub use admin::{check_topic_change, PartitionOffsets};
pub use consume::{read, Fetched, NetConsumer, ReadEvent, ReadSettings, StartAt};
pub use group::{MemberConfig, MemberFetched, MemberPoll, NetMember};
pub use produce::{Delivered, NetProducer};

use crate::error::{Error, Place, Result};
use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::ClientContext;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer, ConsumerContext};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The first wait before reconnecting to a broker (librdkafka's default: 100), doubled on each
/// failure up to reconnect.backoff.max.ms (10 s); see [`Cluster::config`].
const RECONNECT_BACKOFF_MS: &str = "20";

/// Client properties: librdkafka's names (`bootstrap.servers`, `security.protocol`, ...).
pub type Properties = BTreeMap<String, String>;

/// A Kafka cluster reached through its bootstrap servers.
#[derive(Clone)]
pub struct Cluster {
    properties: Properties,
    /// The longest any one request may take (metadata, offsets, admin operations).
    pub timeout: Duration,
}

/// One partition as the cluster's metadata describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartitionInfo {
    pub partition: i32,
    pub leader: i32,
    pub replicas: Vec<i32>,
    pub isr: Vec<i32>,
}

/// One topic as the cluster's metadata describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicInfo {
    pub name: String,
    pub partitions: Vec<PartitionInfo>,
}

/// Reads a client properties file: `KEY=VALUE` lines (kcat's and Kafka's format), blank lines
/// and `#` comments skipped. A line without `=` is an error naming the file and line number
/// (never the line itself, which may hold a secret).
pub fn read_properties(path: &std::path::Path) -> Result<Properties> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io("read", path, e))?;
    let mut out = Properties::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (k, v) = line.split_once('=').filter(|(k, _)| !k.trim().is_empty()).ok_or_else(|| Error::BadLine {
            file: Some(path.to_path_buf()),
            line: i + 1,
            fault: crate::error::LineFault::NotClientProperty,
        })?;
        out.insert(k.trim().to_string(), v.trim().to_string());
    }
    Ok(out)
}

/// Whether a property's value must never be shown (passwords, keys, tokens).
pub fn is_secret(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    ["password", "secret", "jaas", "token", ".key", "key.pem", "credentials"].iter().any(|s| k.contains(s))
}

/// What the librdkafka callbacks saw that makes waiting pointless: every broker down, or a name
/// that does not resolve.
#[derive(Default)]
pub(crate) struct Watch {
    fatal: Mutex<Option<String>>,
}

/// The client context of every klog client: it records fatal transport errors (so that calls
/// can fail fast) and keeps librdkafka's log lines off klog's output.
#[derive(Clone, Default)]
pub(crate) struct KlogContext {
    watch: Arc<Watch>,
}

impl ClientContext for KlogContext {
    fn log(&self, _level: rdkafka::config::RDKafkaLogLevel, _fac: &str, _message: &str) {}

    fn error(&self, error: KafkaError, reason: &str) {
        let fatal = matches!(
            error.rdkafka_error_code(),
            Some(RDKafkaErrorCode::AllBrokersDown | RDKafkaErrorCode::Resolve | RDKafkaErrorCode::Authentication)
        );
        if fatal {
            let mut f = self.watch.fatal.lock().unwrap_or_else(|p| p.into_inner());
            f.get_or_insert_with(|| reason.to_string());
        }
    }
}

impl ConsumerContext for KlogContext {}

impl rdkafka::producer::ProducerContext for KlogContext {
    type DeliveryOpaque = ();
    // A mirror's transaction commit reports every failure of its records.
    fn delivery(&self, _: &rdkafka::producer::DeliveryResult<'_>, _: ()) {}
}

impl KlogContext {
    pub(crate) fn fatal(&self) -> Option<String> {
        self.watch.fatal.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

impl Cluster {
    /// A cluster with these client properties, which must name `bootstrap.servers`.
    pub fn new(properties: Properties, timeout: Duration) -> Result<Cluster> {
        if properties.get("bootstrap.servers").is_none_or(|s| s.trim().is_empty()) {
            return Err(Error::NoBootstrapServers);
        }
        Ok(Cluster { properties, timeout })
    }

    pub fn bootstrap(&self) -> &str {
        self.properties.get("bootstrap.servers").map(String::as_str).unwrap_or("")
    }

    /// The client configuration: klog's defaults for a command-line client, then the user's
    /// properties over them.
    pub(crate) fn config(&self, defaults: &[(&str, &str)]) -> ClientConfig {
        let mut c = ClientConfig::new();
        let ms = self.timeout.as_millis().min(i32::MAX as u128).to_string();
        c.set("socket.connection.setup.timeout.ms", &ms);
        c.set("client.id", "klog");
        // librdkafka (since 2.10) drops the bootstrap connection as soon as the first metadata
        // names the real brokers, failing a request still in flight on it (a command's own
        // metadata request, as often as not); the request waits for the next connection, which
        // sparse connections open at most every reconnect.backoff.ms / 2 (50 ms by default,
        // 11 ms at the least). Every command paid those 50 ms in about half of its runs.
        c.set("reconnect.backoff.ms", RECONNECT_BACKOFF_MS);
        for (k, v) in defaults {
            c.set(*k, *v);
        }
        for (k, v) in &self.properties {
            c.set(k, v);
        }
        c
    }

    /// An error of librdkafka about this cluster as klog's error, without property values.
    pub(crate) fn error(&self, what: &str, e: KafkaError) -> Error {
        let text = format!("{} on the Kafka cluster at {}: {}", what, self.bootstrap(), e);
        match e.rdkafka_error_code() {
            Some(RDKafkaErrorCode::UnknownTopicOrPartition | RDKafkaErrorCode::UnknownTopic) => Error::NotFound(text),
            Some(RDKafkaErrorCode::TopicAuthorizationFailed | RDKafkaErrorCode::GroupAuthorizationFailed) => {
                Error::Invalid(text)
            }
            Some(RDKafkaErrorCode::InvalidConfig) => Error::Usage(text),
            _ => match e {
                KafkaError::ClientConfig(_, ref desc, ref key, _) => Error::BadClientProperty {
                    key: key.clone(),
                    why: desc.clone(),
                    bootstrap: self.bootstrap().to_string(),
                },
                _ => Error::Invalid(text),
            },
        }
    }

    pub(crate) fn unreachable(&self, why: Option<String>) -> Error {
        Error::KafkaUnreachable { bootstrap: self.bootstrap().to_string(), waited_ms: self.timeout.as_millis(), why }
    }

    /// A consumer client for metadata and offsets (no group, nothing committed). It has no
    /// `group.id` on purpose: rdkafka closes a consumer with a group when dropping it and polls
    /// in steps of 100 ms until closed, so a group would add 100 ms to every command that
    /// looks a topic up (produce, consume, offsets).
    pub(crate) fn meta_client(&self) -> Result<(BaseConsumer<KlogContext>, KlogContext)> {
        let ctx = KlogContext::default();
        let c = self
            .config(&[("enable.auto.commit", "false")])
            .create_with_context(ctx.clone())
            .map_err(|e| self.error("cannot create a client", e))?;
        Ok((c, ctx))
    }

    /// Runs `call` with short timeouts until it succeeds, fails for a reason that is not a
    /// timeout, librdkafka reports the cluster unreachable, or [`Cluster::timeout`] passes.
    pub(crate) fn bounded<T>(
        &self,
        ctx: &KlogContext,
        what: &str,
        mut call: impl FnMut(Duration) -> std::result::Result<T, KafkaError>,
    ) -> Result<T> {
        let deadline = Instant::now() + self.timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match call(left.min(Duration::from_millis(500)).max(Duration::from_millis(1))) {
                Ok(v) => return Ok(v),
                Err(e) if is_timeout(&e) => {
                    if let Some(why) = ctx.fatal() {
                        return Err(self.unreachable(Some(why)));
                    }
                    if Instant::now() >= deadline {
                        return Err(self.unreachable(None));
                    }
                }
                Err(e) => return Err(self.error(what, e)),
            }
        }
    }

    /// Every topic (or the one named), with its partitions.
    pub fn topics(&self, topic: Option<&str>) -> Result<Vec<TopicInfo>> {
        let (client, ctx) = self.meta_client()?;
        let md = self.bounded(&ctx, "cannot read metadata", |t| client.fetch_metadata(topic, t))?;
        let mut out = Vec::new();
        for t in md.topics() {
            if let Some(e) = t.error() {
                let code = RDKafkaErrorCode::from(e);
                let err = self.error(&format!("topic '{}'", t.name()), KafkaError::MetadataFetch(code));
                return Err(match code {
                    RDKafkaErrorCode::UnknownTopicOrPartition | RDKafkaErrorCode::UnknownTopic => {
                        Error::TopicNotFound {
                            topic: t.name().to_string(),
                            place: Place::Kafka(self.bootstrap().to_string()),
                        }
                    }
                    _ => err,
                });
            }
            let mut parts: Vec<PartitionInfo> = t
                .partitions()
                .iter()
                .map(|p| PartitionInfo {
                    partition: p.id(),
                    leader: p.leader(),
                    replicas: p.replicas().to_vec(),
                    isr: p.isr().to_vec(),
                })
                .collect();
            parts.sort_by_key(|p| p.partition);
            out.push(TopicInfo { name: t.name().to_string(), partitions: parts });
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// One topic, or a NotFound error that names the cluster.
    pub fn topic(&self, name: &str) -> Result<TopicInfo> {
        let found = self.topics(Some(name))?.into_iter().find(|t| t.name == name && !t.partitions.is_empty());
        found.ok_or_else(|| Error::TopicNotFound {
            topic: name.to_string(),
            place: Place::Kafka(self.bootstrap().to_string()),
        })
    }

    fn admin(&self) -> Result<AdminClient<KlogContext>> {
        self.config(&[])
            .create_with_context(KlogContext::default())
            .map_err(|e| self.error("cannot create a client", e))
    }

    fn admin_options(&self) -> AdminOptions {
        AdminOptions::new().request_timeout(Some(self.timeout)).operation_timeout(Some(self.timeout))
    }

    /// Creates a topic; `replication_factor` None leaves it to the broker's default.
    pub fn create_topic(
        &self,
        name: &str,
        partitions: i32,
        replication_factor: Option<i32>,
        configs: &BTreeMap<String, String>,
    ) -> Result<()> {
        let admin = self.admin()?;
        let mut t = NewTopic::new(name, partitions, TopicReplication::Fixed(replication_factor.unwrap_or(-1)));
        for (k, v) in configs {
            t = t.set(k, v);
        }
        let r = futures_executor::block_on(admin.create_topics([&t], &self.admin_options()))
            .map_err(|e| self.error("cannot create a topic", e))?;
        self.topic_results(r, "create topic")?;
        // The controller has the topic; brokers learn of it a moment later. Return when the
        // metadata shows every partition with a leader, so that the next command finds it.
        self.wait_for_topic(name).map(|_| ())
    }

    /// Waits (up to the request timeout) until `name` has a leader for every partition.
    pub fn wait_for_topic(&self, name: &str) -> Result<TopicInfo> {
        let deadline = Instant::now() + self.timeout;
        loop {
            match self.topic(name) {
                Ok(t) if t.partitions.iter().all(|p| p.leader >= 0) => return Ok(t),
                Ok(_) | Err(Error::TopicNotFound { .. }) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20))
                }
                Ok(_) => return Err(self.unreachable(Some(format!("topic '{}' has no leaders yet", name)))),
                Err(e) => return Err(e),
            }
        }
    }

    /// Deletes a topic.
    pub fn delete_topic(&self, name: &str) -> Result<()> {
        let admin = self.admin()?;
        let r = futures_executor::block_on(admin.delete_topics(&[name], &self.admin_options()))
            .map_err(|e| self.error("cannot delete a topic", e))?;
        self.topic_results(r, "delete topic")
    }

    fn topic_results(&self, r: Vec<rdkafka::admin::TopicResult>, what: &str) -> Result<()> {
        for res in r {
            if let Err((name, code)) = res {
                let text = format!("{} '{}' on the Kafka cluster at {}: {}", what, name, self.bootstrap(), code);
                return Err(match code {
                    RDKafkaErrorCode::TopicAlreadyExists => Error::TopicExists {
                        topic: name.to_string(),
                        place: Place::Kafka(self.bootstrap().to_string()),
                    },
                    RDKafkaErrorCode::UnknownTopicOrPartition | RDKafkaErrorCode::UnknownTopic => {
                        Error::TopicNotFound {
                            topic: name.to_string(),
                            place: Place::Kafka(self.bootstrap().to_string()),
                        }
                    }
                    RDKafkaErrorCode::InvalidConfig
                    | RDKafkaErrorCode::InvalidPartitions
                    | RDKafkaErrorCode::InvalidReplicationFactor
                    | RDKafkaErrorCode::InvalidTopic => Error::Usage(text),
                    RDKafkaErrorCode::RequestTimedOut | RDKafkaErrorCode::OperationTimedOut => {
                        self.unreachable(Some(code.to_string()))
                    }
                    _ => Error::Invalid(text),
                });
            }
        }
        Ok(())
    }

    /// The earliest and latest offsets of each partition of `topic`.
    pub fn watermarks(&self, topic: &TopicInfo) -> Result<Vec<(i32, i64, i64)>> {
        let (client, ctx) = self.meta_client()?;
        topic
            .partitions
            .iter()
            .map(|p| {
                let (lo, hi) = self
                    .bounded(&ctx, "cannot read offsets", |t| client.fetch_watermarks(&topic.name, p.partition, t))?;
                Ok((p.partition, lo, hi))
            })
            .collect()
    }

    /// For each partition, the first offset whose timestamp is at or after `timestamp_ms`, or
    /// `None` when no record is that late.
    pub fn offsets_for_time(&self, topic: &TopicInfo, timestamp_ms: i64) -> Result<Vec<(i32, Option<i64>)>> {
        let (client, ctx) = self.meta_client()?;
        let mut tpl = rdkafka::TopicPartitionList::new();
        for p in &topic.partitions {
            tpl.add_partition_offset(&topic.name, p.partition, rdkafka::Offset::Offset(timestamp_ms))
                .map_err(|e| self.error("cannot ask for offsets", e))?;
        }
        let found =
            self.bounded(&ctx, "cannot look up offsets by time", |t| client.offsets_for_times(tpl.clone(), t))?;
        Ok(found
            .elements()
            .iter()
            .map(|e| {
                let o = match e.offset() {
                    rdkafka::Offset::Offset(o) if o >= 0 => Some(o),
                    _ => None,
                };
                (e.partition(), o)
            })
            .collect())
    }
}

/// Whether a librdkafka error only says that a call ran out of time.
fn is_timeout(e: &KafkaError) -> bool {
    matches!(
        e.rdkafka_error_code(),
        Some(
            RDKafkaErrorCode::OperationTimedOut
                | RDKafkaErrorCode::RequestTimedOut
                | RDKafkaErrorCode::BrokerTransportFailure
                | RDKafkaErrorCode::AllBrokersDown
                | RDKafkaErrorCode::LeaderNotAvailable
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_recognised() {
        for k in ["sasl.password", "ssl.key.password", "ssl.keystore.password", "sasl.jaas.config", "ssl.key.pem"] {
            assert!(is_secret(k), "{k}");
        }
        for k in ["bootstrap.servers", "security.protocol", "sasl.mechanism", "acks", "sasl.username"] {
            assert!(!is_secret(k), "{k}");
        }
    }

    #[test]
    fn no_bootstrap_servers_is_a_usage_error() {
        assert!(matches!(Cluster::new(Properties::new(), Duration::from_secs(1)), Err(Error::NoBootstrapServers)));
    }
}
