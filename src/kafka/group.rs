//! A member of a Kafka consumer group over the network: librdkafka's consumer subscribed to
//! topics with `group.id`, Kafka's own group protocol doing membership and assignment (`classic`
//! by default; `-X group.protocol=consumer` selects KIP-848, where the broker assigns), and
//! offsets committed to the group coordinator only when the caller says so.
//!
//! [`NetMember`] is the network half of `klog -b B consume --group G`; the loop that hands
//! records to a sink and decides when to commit is `app::net_member`. Three rules make the
//! member's guarantees hold:
//!
//! - Rebalances are handed to the caller, not applied behind its back. librdkafka announces an
//!   assignment or a revocation from inside [`NetMember::poll`]; klog's rebalance callback only
//!   records it, `poll` returns it, and librdkafka waits (the group waits with it) until the
//!   caller has delivered what it holds of the revoked partitions, committed it, and called
//!   [`NetMember::finish_revoke`] (or [`NetMember::assign`] with its start offsets). So the
//!   next owner of a partition starts exactly after what this member delivered.
//! - Nothing is committed automatically (`enable.auto.commit=false`): [`NetMember::commit`]
//!   commits the positions the caller names, which are what its sink delivered.
//! - The end of a partition is reported (`enable.partition.eof`) with librdkafka's fetch
//!   position at that end, so that `-e` can stop and the position can be committed. It is past
//!   everything fetched of the partition before the end: the records handed out, transaction
//!   markers, and the records of aborted transactions under read_committed. Data librdkafka
//!   cannot decode (a corrupt or unsupported batch, which it skips with an error) stops the
//!   member instead of being committed past.
//!
//! Records are read as plain consumption reads them: every partition's fetch queue is forwarded,
//! before each assignment of the partition, to a queue of the member's own ([`FetchQueue`]),
//! served up to 1,024 messages at a time and handed out borrowed from librdkafka's buffers
//! ([`NetMember::fetch`]), through librdkafka's callback API, which keeps the partitions'
//! positions right for the pause and resume of a cooperative rebalance. The consumer's own
//! queue keeps the rebalances and the client's errors ([`NetMember::poll`]).

use super::ffi::FetchQueue;
use super::{Cluster, Fetched, KlogContext};
use crate::error::{Error, Result};
use crate::record::RecordRef;
use crate::TopicPartition;
use rdkafka::client::ClientContext;
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer, ConsumerContext, RebalanceProtocol};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::Message;
use rdkafka::types::RDKafkaRespErr;
use rdkafka::{Offset, TopicPartitionList};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::Mutex;
use std::time::Duration;

/// How a member joins its group. Property values are librdkafka's names.
#[derive(Debug, Clone)]
pub struct MemberConfig {
    pub group: String,
    pub topics: Vec<String>,
    /// `auto.offset.reset`: earliest, latest or error.
    pub offset_reset: &'static str,
    /// `isolation.level`: read_uncommitted or read_committed.
    pub isolation: &'static str,
    /// `partition.assignment.strategy` (classic protocol only).
    pub assignment: &'static str,
    /// `session.timeout.ms` (classic protocol only; the broker decides it for KIP-848).
    pub session_timeout_ms: i64,
    pub max_poll_interval_ms: i64,
    pub client_id: String,
}

/// What one poll of a member brought.
#[derive(Debug)]
pub enum MemberPoll {
    /// The group assigned these partitions (all of the member's with the classic protocol, the
    /// added ones with an incremental protocol). Reading starts once [`NetMember::assign`] is
    /// called.
    Assigned(Vec<TopicPartition>),
    /// The group takes these partitions away; `lost` when the member was already out of the
    /// group (its session expired), so that committing them would be refused. The group waits
    /// for [`NetMember::finish_revoke`].
    Revoked {
        tps: Vec<TopicPartition>,
        lost: bool,
    },
    /// Something the client reported that does not stop the member.
    Warning(String),
    Nothing,
}

/// What [`NetMember::fetch`] hands to its callback, borrowed until the callback returns.
pub enum MemberFetched<'a> {
    /// A record of a partition the member owns (or owned: records of a partition revoked
    /// meanwhile may still come, and are the caller's to drop).
    Record { topic: &'a str, partition: i32, record: &'a RecordRef<'a> },
    /// The partition is read to its end for now; `position` is the next offset the member would
    /// read (past every record and transaction marker it was handed).
    End { tp: TopicPartition, position: i64 },
    /// Something the client reported about a partition that does not stop the member.
    Warning(String),
}

enum Pending {
    Assign(Vec<TopicPartition>),
    Revoke(Vec<TopicPartition>),
}

#[derive(Default)]
struct Rebalances {
    /// While set, the callback applies rebalances itself (librdkafka's default): when closing.
    immediate: bool,
    pending: Option<Pending>,
    /// A rebalance error librdkafka reported (the assignment is then given up).
    error: Option<String>,
}

/// The client context of a group member: klog's error watch, and a rebalance callback that
/// records rebalances for the caller instead of applying them.
struct GroupContext {
    base: KlogContext,
    rebalances: Mutex<Rebalances>,
}

impl ClientContext for GroupContext {
    fn log(&self, _level: rdkafka::config::RDKafkaLogLevel, _fac: &str, _message: &str) {}

    fn error(&self, error: KafkaError, reason: &str) {
        self.base.error(error, reason)
    }
}

fn tps_of(tpl: &TopicPartitionList) -> Vec<TopicPartition> {
    tpl.elements().iter().map(|e| TopicPartition::new(e.topic(), e.partition())).collect()
}

fn tpl_of(tps: &[(TopicPartition, Offset)]) -> TopicPartitionList {
    let mut tpl = TopicPartitionList::with_capacity(tps.len());
    for (tp, o) in tps {
        // Only an invalid offset is refused, and these come from the client or klog's own ranges.
        let _ = tpl.add_partition_offset(&tp.topic, tp.partition, *o);
    }
    tpl
}

/// Applies a rebalance as librdkafka's default callback does.
fn apply(c: &BaseConsumer<GroupContext>, assign: bool, tpl: &TopicPartitionList) -> KafkaResultUnit {
    let cooperative = matches!(c.rebalance_protocol(), RebalanceProtocol::Cooperative);
    match (assign, cooperative) {
        (true, true) => c.incremental_assign(tpl),
        (true, false) => c.assign(tpl),
        (false, true) => c.incremental_unassign(tpl),
        (false, false) => c.unassign(),
    }
}

type KafkaResultUnit = std::result::Result<(), KafkaError>;

impl ConsumerContext for GroupContext {
    fn rebalance(&self, c: &BaseConsumer<Self>, err: RDKafkaRespErr, tpl: &mut TopicPartitionList) {
        let mut r = self.rebalances.lock().unwrap_or_else(|p| p.into_inner());
        let assign = match err {
            RDKafkaRespErr::RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS => true,
            RDKafkaRespErr::RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS => false,
            other => {
                // An error in the rebalance: give the whole assignment up, as librdkafka does.
                r.error = Some(RDKafkaErrorCode::from(other).to_string());
                if r.immediate {
                    let _ = apply(c, false, tpl);
                } else {
                    let owned = c.assignment().map(|a| tps_of(&a)).unwrap_or_default();
                    r.pending = Some(Pending::Revoke(owned));
                }
                return;
            }
        };
        if r.immediate {
            let _ = apply(c, assign, tpl);
            return;
        }
        let tps = tps_of(tpl);
        r.pending = Some(if assign { Pending::Assign(tps) } else { Pending::Revoke(tps) });
    }
}

/// A member of a consumer group on a Kafka cluster (see the module doc).
pub struct NetMember {
    /// The fetched messages of every partition the member was assigned, read a batch at a
    /// time. Before `consumer`: its messages are destroyed before the consumer that fetched them.
    fetch: RefCell<FetchQueue>,
    consumer: BaseConsumer<GroupContext>,
    /// The error watch of the client's context.
    watch: KlogContext,
    cluster: Cluster,
    group: String,
    /// The partitions assigned (applied), in order.
    owned: BTreeSet<TopicPartition>,
    /// A revocation returned by `poll` and not finished yet.
    revoking: Option<Vec<TopicPartition>>,
    /// An assignment returned by `poll` and not applied yet.
    assigning: Option<Vec<TopicPartition>>,
}

impl NetMember {
    /// Checks that every topic exists, then joins `c.group` subscribed to `c.topics`. The group
    /// assigns partitions during later polls.
    pub fn join(cluster: &Cluster, c: &MemberConfig) -> Result<NetMember> {
        if c.topics.is_empty() {
            return Err(Error::NoSubscription { group: c.group.clone(), kafka: true });
        }
        for t in &c.topics {
            crate::datadir::validate_topic_name(t)?;
            cluster.topic(t)?;
        }
        let classic = cluster.properties.get("group.protocol").is_none_or(|p| p.trim().eq_ignore_ascii_case("classic"));
        let session = c.session_timeout_ms.to_string();
        let max_poll = c.max_poll_interval_ms.to_string();
        let mut defaults: Vec<(&str, &str)> = vec![
            ("group.id", c.group.as_str()),
            ("client.id", c.client_id.as_str()),
            ("enable.auto.commit", "false"),
            ("enable.auto.offset.store", "false"),
            ("enable.partition.eof", "true"),
            ("auto.offset.reset", c.offset_reset),
            ("isolation.level", c.isolation),
            ("max.poll.interval.ms", max_poll.as_str()),
            ("fetch.queue.backoff.ms", super::consume::FETCH_QUEUE_BACKOFF_MS),
            ("fetch.wait.max.ms", super::consume::FETCH_WAIT_MAX_MS),
        ];
        if classic {
            // KIP-848 refuses these: there the broker decides the session and the assignment.
            defaults.push(("session.timeout.ms", session.as_str()));
            defaults.push(("partition.assignment.strategy", c.assignment));
        }
        let base = KlogContext::default();
        let ctx = GroupContext { base: base.clone(), rebalances: Mutex::new(Rebalances::default()) };
        let consumer: BaseConsumer<GroupContext> = cluster
            .config(&defaults)
            .create_with_context(ctx)
            .map_err(|e| cluster.error("cannot create a group consumer", e))?;
        let topics: Vec<&str> = c.topics.iter().map(String::as_str).collect();
        consumer.subscribe(&topics).map_err(|e| cluster.error(&format!("group {}: cannot subscribe", c.group), e))?;
        Ok(NetMember {
            fetch: RefCell::new(FetchQueue::new(&consumer)),
            consumer,
            watch: base,
            cluster: cluster.clone(),
            group: c.group.clone(),
            owned: BTreeSet::new(),
            revoking: None,
            assigning: None,
        })
    }

    /// The member id the group coordinator gave this member (empty before it joined).
    pub fn member_id(&self) -> String {
        // SAFETY: rd_kafka_memberid takes the client handle, which lives as long as `consumer`,
        // and returns NULL or a string allocated by librdkafka that we copy and then free with
        // rd_kafka_mem_free, as its documentation asks.
        unsafe {
            let rk = self.consumer.client().native_ptr();
            let p = rdkafka::bindings::rd_kafka_memberid(rk);
            if p.is_null() {
                return String::new();
            }
            let id = std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned();
            rdkafka::bindings::rd_kafka_mem_free(rk, p.cast());
            id
        }
    }

    /// The partitions assigned to this member now.
    pub fn owned(&self) -> &BTreeSet<TopicPartition> {
        &self.owned
    }

    /// Serves the consumer's own queue: the rebalances (the callback records them) and the
    /// client's errors. A rebalance is returned, and must be finished (`assign`,
    /// `finish_revoke`) before the next poll. Waits up to `timeout` only while the member owns no
    /// partition; otherwise [`NetMember::fetch`] does the waiting, so a rebalance waits at most
    /// one fetch wait to be seen.
    pub fn poll(&mut self, timeout: Duration) -> Result<MemberPoll> {
        debug_assert!(self.revoking.is_none() && self.assigning.is_none(), "a rebalance left unfinished");
        let wait = if self.owned.is_empty() { timeout } else { Duration::ZERO };
        match self.consumer.poll(wait) {
            None => {}
            Some(Ok(m)) => {
                // Every assigned partition's messages go to the fetch queue before it is
                // assigned, so none comes here.
                return Err(Error::Invalid(format!(
                    "group {}: a record of {} [{}] came outside the member's fetch queue",
                    self.group,
                    m.topic(),
                    m.partition()
                )));
            }
            Some(Err(e)) => {
                if let Some(w) = poll_error(&self.cluster, &self.watch, &self.group, e)? {
                    return Ok(MemberPoll::Warning(w));
                }
            }
        }
        if let Some(p) = self.rebalance() {
            return Ok(p);
        }
        match self.watch.fatal() {
            Some(why) => Err(self.cluster.unreachable(Some(why))),
            None => Ok(MemberPoll::Nothing),
        }
    }

    /// Waits up to `timeout` for what the owned partitions fetched, then hands the records and
    /// partition ends that came (up to `max`, at most 1,024) to `on`, in order, and returns how
    /// many. Records of a partition revoked meanwhile may come too; `on` drops them. Taking
    /// `&self`, it lets `on` commit through the same member.
    pub fn fetch(
        &self,
        timeout: Duration,
        max: usize,
        on: &mut dyn FnMut(MemberFetched<'_>) -> Result<()>,
    ) -> Result<usize> {
        let (cluster, watch, group) = (&self.cluster, &self.watch, self.group.as_str());
        let mut fetch = self
            .fetch
            .try_borrow_mut()
            .map_err(|_| Error::Invalid(format!("group {}: the fetch queue is already being read", self.group)))?;
        fetch.serve(timeout, max, &mut |f| match f {
            Fetched::Record { topic, partition, record } => on(MemberFetched::Record { topic, partition, record }),
            Fetched::End { topic, partition, position } => {
                on(MemberFetched::End { tp: TopicPartition::new(topic, partition), position })
            }
            Fetched::Failed(e) => match poll_error(cluster, watch, group, e)? {
                Some(w) => on(MemberFetched::Warning(w)),
                None => Ok(()),
            },
        })
    }

    /// A rebalance the rebalance callback recorded, now the caller's to finish.
    fn rebalance(&mut self) -> Option<MemberPoll> {
        let pending = {
            let mut r = self.consumer.context().rebalances.lock().unwrap_or_else(|p| p.into_inner());
            (r.pending.take(), r.error.take())
        };
        match pending {
            (Some(Pending::Assign(tps)), _) => {
                self.assigning = Some(tps.clone());
                Some(MemberPoll::Assigned(tps))
            }
            (Some(Pending::Revoke(tps)), error) => {
                let lost = error.is_some() || self.consumer.assignment_lost();
                self.revoking = Some(tps.clone());
                Some(MemberPoll::Revoked { tps, lost })
            }
            (None, Some(e)) => Some(MemberPoll::Warning(format!("group {}: rebalance failed: {}", self.group, e))),
            (None, None) => None,
        }
    }

    /// Applies the assignment `poll` returned: each partition from its committed offset (else
    /// by `auto.offset.reset`), or from the offset given.
    pub fn assign(&mut self, starts: &[(TopicPartition, Option<i64>)]) -> Result<()> {
        let Some(tps) = self.assigning.take() else { return Ok(()) };
        let offsets: Vec<(TopicPartition, Offset)> = tps
            .iter()
            .map(|tp| {
                let o = starts.iter().find(|(t, _)| t == tp).and_then(|(_, o)| *o);
                (tp.clone(), o.map_or(Offset::Invalid, Offset::Offset))
            })
            .collect();
        // Their messages go to the fetch queue from the start (again for a partition assigned
        // before: its unassignment removed the forwarding).
        for tp in &tps {
            self.fetch.borrow().add(&self.consumer, &tp.topic, &[tp.partition])?;
        }
        apply(&self.consumer, true, &tpl_of(&offsets))
            .map_err(|e| self.cluster.error(&format!("group {}: cannot take the assignment", self.group), e))?;
        if !matches!(self.consumer.rebalance_protocol(), RebalanceProtocol::Cooperative) {
            self.owned.clear();
        }
        self.owned.extend(tps);
        Ok(())
    }

    /// Gives up the partitions `poll` said are revoked; the group continues without them.
    pub fn finish_revoke(&mut self) -> Result<()> {
        let Some(tps) = self.revoking.take() else { return Ok(()) };
        let offsets: Vec<(TopicPartition, Offset)> = tps.iter().map(|tp| (tp.clone(), Offset::Invalid)).collect();
        apply(&self.consumer, false, &tpl_of(&offsets))
            .map_err(|e| self.cluster.error(&format!("group {}: cannot give partitions up", self.group), e))?;
        if matches!(self.consumer.rebalance_protocol(), RebalanceProtocol::Cooperative) {
            for tp in &tps {
                self.owned.remove(tp);
            }
        } else {
            self.owned.clear();
        }
        Ok(())
    }

    /// Commits these positions (the next offset to read of each partition); `wait` waits for
    /// the coordinator's answer. Fails at once when every broker is down: librdkafka holds a
    /// commit without a coordinator for up to the session timeout (45 s by default), and a member
    /// stopping because the cluster went away would wait that long for a commit that cannot
    /// succeed.
    pub fn commit(&self, positions: &[(TopicPartition, i64)], wait: bool) -> Result<()> {
        if positions.is_empty() {
            return Ok(());
        }
        if let Some(why) = self.watch.fatal() {
            return Err(self.cluster.unreachable(Some(why)));
        }
        let offsets: Vec<(TopicPartition, Offset)> =
            positions.iter().map(|(tp, o)| (tp.clone(), Offset::Offset(*o))).collect();
        let mode = if wait { CommitMode::Sync } else { CommitMode::Async };
        self.consumer
            .commit(&tpl_of(&offsets), mode)
            .map_err(|e| self.cluster.error(&format!("group {}: cannot commit offsets", self.group), e))
    }

    /// The committed offsets of `tps` (None: nothing committed).
    pub fn committed(&self, tps: &[TopicPartition]) -> Result<Vec<(TopicPartition, Option<i64>)>> {
        let tpl = tpl_of(&tps.iter().map(|tp| (tp.clone(), Offset::Invalid)).collect::<Vec<_>>());
        let got = self.cluster.bounded(&self.watch, "cannot read committed offsets", |t| {
            self.consumer.committed_offsets(tpl.clone(), t)
        })?;
        Ok(tps
            .iter()
            .map(|tp| {
                let o = match got.find_partition(&tp.topic, tp.partition).map(|e| e.offset()) {
                    Some(Offset::Offset(o)) if o >= 0 => Some(o),
                    _ => None,
                };
                (tp.clone(), o)
            })
            .collect())
    }

    /// The earliest and latest offsets of `tp`.
    pub fn watermarks(&self, tp: &TopicPartition) -> Result<(i64, i64)> {
        self.cluster
            .bounded(&self.watch, "cannot read offsets", |t| self.consumer.fetch_watermarks(&tp.topic, tp.partition, t))
    }

    /// The first offset of `tp` at or after `timestamp_ms`, or None when no record is that late.
    pub fn offset_for_time(&self, tp: &TopicPartition, timestamp_ms: i64) -> Result<Option<i64>> {
        let tpl = tpl_of(&[(tp.clone(), Offset::Offset(timestamp_ms))]);
        let found = self.cluster.bounded(&self.watch, "cannot look up offsets by time", |t| {
            self.consumer.offsets_for_times(tpl.clone(), t)
        })?;
        Ok(match found.find_partition(&tp.topic, tp.partition).map(|e| e.offset()) {
            Some(Offset::Offset(o)) if o >= 0 => Some(o),
            _ => None,
        })
    }

    /// Leaves the group: gives up the assignment and closes the client, so that the other
    /// members take over at once instead of after the session timeout. Commit first.
    pub fn leave(mut self) {
        // A rebalance returned by `poll` and not finished is applied first, so that librdkafka
        // is not left waiting for it while closing.
        if self.assigning.is_some() {
            let _ = self.assign(&[]);
        }
        let _ = self.finish_revoke();
        self.consumer.context().rebalances.lock().unwrap_or_else(|p| p.into_inner()).immediate = true;
        // The fetch queue first: librdkafka's client is not destroyed while a queue of the
        // application's refers to it. Then dropping the consumer closes it: rdkafka serves the
        // last revocation (now applied by the callback itself) and the LeaveGroup until
        // librdkafka says it is closed.
        let NetMember { fetch, consumer, .. } = self;
        drop(fetch);
        drop(consumer);
    }
}

/// What a fetch or client error means for a member: a warning to report (`Some`), or an error
/// that stops it.
fn poll_error(cluster: &Cluster, watch: &KlogContext, group: &str, e: KafkaError) -> Result<Option<String>> {
    let code = e.rdkafka_error_code();
    match (&e, code) {
        (_, Some(RDKafkaErrorCode::AutoOffsetReset)) => Err(Error::NoResetOffset {
            group: group.to_string(),
            tp: None,
            why: format!("has no committed offset (or one outside its log: {})", e),
        }),
        (KafkaError::MessageConsumptionFatal(_), _)
        | (_, Some(RDKafkaErrorCode::UnknownTopicOrPartition | RDKafkaErrorCode::UnknownTopic))
        // A batch librdkafka cannot decode, which it skips: its records would be committed past.
        | (_, Some(RDKafkaErrorCode::BadMessage | RDKafkaErrorCode::BadCompression | RDKafkaErrorCode::NotImplemented))
        | (_, Some(RDKafkaErrorCode::GroupAuthorizationFailed | RDKafkaErrorCode::TopicAuthorizationFailed)) => {
            Err(cluster.error(&format!("group {}", group), e))
        }
        _ => match watch.fatal() {
            Some(why) => Err(cluster.unreachable(Some(why))),
            None => Ok(Some(format!("group {}: {}", group, e))),
        },
    }
}
