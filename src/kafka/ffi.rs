//! librdkafka admin requests that rust-rdkafka 0.39 does not wrap, called through its C API
//! (`rdkafka::bindings`, i.e. rdkafka-sys): list and describe consumer groups (KIP-848 groups
//! included, which the classic DescribeGroups shows as Dead), list, alter and delete a group's
//! committed offsets, and IncrementalAlterConfigs; and [`FetchQueue`], a consumer's fetched
//! messages served a batch at a time. This file is the only unsafe code of [`crate::kafka`];
//! everything it returns is owned Rust data, or borrowed for the length of a callback.
//!
//! Every request follows one pattern, librdkafka's own for its admin API: a queue of our own,
//! admin options with the request timeout, the request (librdkafka copies its arguments, so they
//! are freed as soon as it returns), then one result event polled from the queue, read and
//! copied out before the event is destroyed. Each raw handle lives in a guard whose `Drop`
//! frees it, so no early return leaks or double-frees one.

use super::{Cluster, KlogContext};
use crate::error::{Error, Result};
use crate::record::{HeadersRef, RecordRef};
use crate::TopicPartition;
use rdkafka::admin::AdminClient;
use rdkafka::bindings as rd;
use rdkafka::consumer::{BaseConsumer, Consumer, ConsumerContext};
use rdkafka::error::KafkaError;
use rdkafka::types::RDKafkaErrorCode;
use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_void};
use std::time::{Duration, Instant};

/// A broker's refusal of (part of) a request: its error code and message.
#[derive(Debug, Clone)]
pub(crate) struct Refusal {
    pub code: RDKafkaErrorCode,
    pub text: String,
}

/// A consumer group as DescribeConsumerGroups reports it.
#[derive(Debug, Clone)]
pub(crate) struct GroupDescription {
    pub group: String,
    pub refusal: Option<Refusal>,
    pub state: &'static str,
    pub assignor: String,
    pub members: Vec<MemberDescription>,
}

/// One member of a described group.
#[derive(Debug, Clone)]
pub(crate) struct MemberDescription {
    pub consumer_id: String,
    pub client_id: String,
    pub host: String,
    pub assignment: Vec<TopicPartition>,
}

/// One partition of a per-partition result: its offset, and the broker's refusal if any.
#[derive(Debug, Clone)]
pub(crate) struct PartitionResult {
    pub tp: TopicPartition,
    pub offset: i64,
    pub refusal: Option<Refusal>,
}

struct Queue(*mut rd::rd_kafka_queue_t);
impl Drop for Queue {
    fn drop(&mut self) {
        // SAFETY: a queue handle of ours (rd_kafka_queue_new, rd_kafka_queue_get_partition),
        // destroyed once, here.
        unsafe { rd::rd_kafka_queue_destroy(self.0) }
    }
}

struct Options(*mut rd::rd_kafka_AdminOptions_t);
impl Drop for Options {
    fn drop(&mut self) {
        // SAFETY: created by rd_kafka_AdminOptions_new, destroyed once, here.
        unsafe { rd::rd_kafka_AdminOptions_destroy(self.0) }
    }
}

struct Event(*mut rd::rd_kafka_event_t);
impl Drop for Event {
    fn drop(&mut self) {
        // SAFETY: returned (non-null) by rd_kafka_queue_poll, destroyed once, here.
        unsafe { rd::rd_kafka_event_destroy(self.0) }
    }
}

/// A C string's text (empty for a null pointer).
///
/// # Safety
/// `p` is null or points to a NUL-terminated string alive for the duration of the call.
unsafe fn text(p: *const c_char) -> String {
    if p.is_null() {
        String::new()
    } else {
        // SAFETY: the caller's contract.
        unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
    }
}

/// An `rd_kafka_error_t` as a refusal (`None` for a null pointer).
///
/// # Safety
/// `e` is null or a live error object.
unsafe fn refusal(e: *const rd::rd_kafka_error_t) -> Option<Refusal> {
    if e.is_null() {
        return None;
    }
    // SAFETY: the caller's contract.
    unsafe {
        Some(Refusal {
            code: RDKafkaErrorCode::from(rd::rd_kafka_error_code(e)),
            text: text(rd::rd_kafka_error_string(e)),
        })
    }
}

/// The rows of a topic partition list (empty for a null pointer).
///
/// # Safety
/// `list` is null or a live list.
unsafe fn partitions(list: *const rd::rd_kafka_topic_partition_list_t) -> Vec<PartitionResult> {
    if list.is_null() {
        return Vec::new();
    }
    // SAFETY: the caller's contract; `elems` holds `cnt` initialised entries.
    unsafe {
        let l = &*list;
        if l.cnt <= 0 || l.elems.is_null() {
            return Vec::new();
        }
        std::slice::from_raw_parts(l.elems, l.cnt as usize)
            .iter()
            .map(|e| {
                let code = RDKafkaErrorCode::from(e.err);
                PartitionResult {
                    tp: TopicPartition::new(text(e.topic), e.partition),
                    offset: e.offset,
                    refusal: (code != RDKafkaErrorCode::NoError)
                        .then(|| Refusal { code, text: text(rd::rd_kafka_err2str(e.err)) }),
                }
            })
            .collect()
    }
}

/// A C array of `cnt` pointers as a slice (empty when null).
///
/// # Safety
/// `p` is null or points to `cnt` pointers alive as long as the slice is used.
unsafe fn array<'a, T>(p: *mut *const T, cnt: usize) -> &'a [*const T] {
    if p.is_null() || cnt == 0 {
        &[]
    } else {
        // SAFETY: the caller's contract.
        unsafe { std::slice::from_raw_parts(p, cnt) }
    }
}

/// How many messages one [`FetchQueue::next_batch`] or [`FetchQueue::serve`] hands out at the
/// most.
const FETCH_BATCH: usize = 1024;

/// The fetched messages of a consumer's partitions, handed out a batch at a time: one queue lock
/// round and one clock reading per batch where rust-rdkafka's poll wraps every message in an
/// event of its own (a third of a consumer's CPU time at 100-byte records).
///
/// Each partition's fetch queue is forwarded to a queue of the consumer's own when it is
/// assigned: librdkafka keeps a forwarding the application set (`RD_KAFKA_Q_F_FWD_APP`) when the
/// assignment starts fetching, so every message of those partitions arrives here, and the
/// consumer's main queue keeps only its events (rebalances, errors, logs), served by its own
/// poll. Stopping a partition's fetching (an unassignment) removes the forwarding: a partition
/// assigned again is forwarded again ([`FetchQueue::add`]) before the assignment.
///
/// Two ways to read it:
/// - [`FetchQueue::next_batch`], `rd_kafka_consume_batch_queue`, for a consumer of partitions
///   assigned once (plain consume, the mirror). It moves a partition's application position to
///   one past the offset of every message it returns, a partition end's too, whose offset is the
///   next one to fetch: one past the end. Nothing such a consumer does reads that position.
/// - [`FetchQueue::serve`], `rd_kafka_consume_callback_queue`, for a group member. A cooperative
///   rebalance pauses the partitions a member keeps and resumes them at that position, so it
///   must not run ahead; the callback API moves it past records and transaction markers only, as
///   librdkafka's own poll does. It costs more per message (a lock round per message for the
///   position): plain consume took 1.16x the time through it.
pub(crate) struct FetchQueue {
    queue: Queue,
    /// The client, for `rd_kafka_yield` (the end of a served batch).
    rk: *mut rd::rd_kafka_t,
    /// The messages of the batch being handed out by `next_batch`; destroyed when it is done,
    /// or on drop.
    batch: Vec<*mut rd::rd_kafka_message_t>,
    /// The headers of the message being handed out, in a record's header layout.
    headers: Vec<u8>,
}

/// One message of a fetch batch, borrowed until the callback returns.
pub enum Fetched<'a> {
    /// A record of `partition` of `topic`.
    Record { topic: &'a str, partition: i32, record: &'a RecordRef<'a> },
    /// The partition has no more records for now. `position` is the next offset to fetch:
    /// past every record and transaction marker handed out before this end.
    End { topic: &'a str, partition: i32, position: i64 },
    /// Fetching failed (librdkafka's error for the message, as rust-rdkafka reports it).
    Failed(KafkaError),
}

/// What the callback of one `rd_kafka_consume_callback_queue` call works with.
struct Serving<'a, 'b> {
    on: &'a mut dyn FnMut(Fetched<'_>) -> Result<()>,
    headers: &'b mut Vec<u8>,
    rk: *mut rd::rd_kafka_t,
    handed: usize,
    /// How many to hand out at the most.
    max: usize,
    /// The first error of `on`, or its panic, after which the batch ends.
    stopped: Option<std::thread::Result<Result<()>>>,
}

/// librdkafka's consume callback of [`FetchQueue::serve`]: hands one message to the `Serving`
/// behind `opaque`, and ends the batch (`rd_kafka_yield`: the messages not served go back to the
/// queue's head) after `max` messages or the first error. Never unwinds into librdkafka.
extern "C" fn serve_one(m: *mut rd::rd_kafka_message_t, opaque: *mut c_void) {
    // SAFETY: `opaque` is the `Serving` that `serve` passed for this call, alive and not
    // otherwise borrowed while librdkafka calls back.
    let s = unsafe { &mut *opaque.cast::<Serving<'_, '_>>() };
    if s.stopped.is_some() {
        return;
    }
    let (headers, on) = (&mut *s.headers, &mut *s.on);
    // SAFETY: librdkafka passes a live message, destroyed only after this callback returns.
    let got = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| unsafe { hand_out(m, headers, on) }));
    s.handed += 1;
    match got {
        Ok(Ok(())) if s.handed < s.max => return,
        Ok(Ok(())) => {}
        stop => s.stopped = Some(stop),
    }
    // SAFETY: the consumer's live handle.
    unsafe { rd::rd_kafka_yield(s.rk) };
}

impl FetchQueue {
    /// An empty queue of `consumer`'s; [`FetchQueue::add`] forwards partitions to it.
    pub(crate) fn new<C: ConsumerContext>(consumer: &BaseConsumer<C>) -> FetchQueue {
        let rk = consumer.client().native_ptr();
        // SAFETY: the consumer's live handle; the queue is destroyed once, by its guard.
        let queue = Queue(unsafe { rd::rd_kafka_queue_new(rk) });
        FetchQueue { queue, rk, batch: Vec::with_capacity(FETCH_BATCH), headers: Vec::new() }
    }

    /// Forwards `partitions` of `topic` to a new queue; call it before they are assigned.
    pub(crate) fn forward(consumer: &BaseConsumer<KlogContext>, topic: &str, partitions: &[i32]) -> Result<FetchQueue> {
        let fetch = FetchQueue::new(consumer);
        fetch.add(consumer, topic, partitions)?;
        Ok(fetch)
    }

    /// Forwards the fetched messages of `partitions` of `topic` here; call it before every
    /// assignment of them (an unassignment removes the forwarding).
    pub(crate) fn add<C: ConsumerContext>(
        &self,
        consumer: &BaseConsumer<C>,
        topic: &str,
        partitions: &[i32],
    ) -> Result<()> {
        let rk = consumer.client().native_ptr();
        let name = cstring("topic", topic)?;
        for &p in partitions {
            // SAFETY: `rk` is the consumer's live handle; `name` outlives the call, which
            // copies it.
            let part = unsafe { rd::rd_kafka_queue_get_partition(rk, name.as_ptr(), p) };
            if part.is_null() {
                return Err(Error::Invalid(format!("cannot read partition {} of topic '{}'", p, topic)));
            }
            let part = Queue(part);
            // SAFETY: both queues are live; the forwarding keeps its own reference to `queue`.
            unsafe { rd::rd_kafka_queue_forward(part.0, self.queue.0) };
        }
        Ok(())
    }

    /// Waits up to `timeout` for messages, then hands every one that came (up to a batch) to
    /// `on`, in order, and returns how many came. An error from `on` is returned once the batch
    /// is freed; the messages after it are dropped. Moves the application position one past a
    /// partition end (see the type's doc).
    pub(crate) fn next_batch(
        &mut self,
        timeout: Duration,
        on: &mut dyn FnMut(Fetched<'_>) -> Result<()>,
    ) -> Result<usize> {
        self.release();
        // What is queued now, without waiting; else the first message to come within
        // `timeout` and what came with it. (One call with the timeout would wait for a
        // whole batch.)
        self.take(0, FETCH_BATCH)?;
        if self.batch.is_empty() && !timeout.is_zero() {
            self.take(timeout.as_millis().clamp(1, i32::MAX as u128) as i32, 1)?;
            if !self.batch.is_empty() {
                self.take(0, FETCH_BATCH - 1)?;
            }
        }
        let n = self.batch.len();
        let mut result = Ok(());
        for &m in &self.batch {
            // SAFETY: `m` is a live message of this batch, destroyed only after this loop.
            result = unsafe { hand_out(m, &mut self.headers, on) };
            if result.is_err() {
                break;
            }
        }
        self.release();
        result.map(|()| n)
    }

    /// Appends up to `max` messages to the batch, waiting up to `ms` for them to come.
    fn take(&mut self, ms: i32, max: usize) -> Result<()> {
        let have = self.batch.len();
        let max = max.min(self.batch.capacity() - have);
        // SAFETY: the array has room for `max` more pointers, which librdkafka fills up to the
        // count it returns; each message is ours to destroy.
        let n = unsafe { rd::rd_kafka_consume_batch_queue(self.queue.0, ms, self.batch.as_mut_ptr().add(have), max) };
        if n < 0 {
            return Err(Error::Invalid("cannot read the fetched messages (librdkafka refused the queue)".into()));
        }
        // SAFETY: librdkafka initialised the `n` entries after the first `have`.
        unsafe { self.batch.set_len(have + n as usize) };
        Ok(())
    }

    /// Destroys the messages of the last batch.
    fn release(&mut self) {
        for m in self.batch.drain(..) {
            // SAFETY: returned by rd_kafka_consume_batch_queue, destroyed once, here.
            unsafe { rd::rd_kafka_message_destroy(m) };
        }
    }

    /// Waits up to `timeout` for the first message, then hands it and the messages queued
    /// behind it (up to `max`, at most a batch) to `on`, in order, and returns how many it
    /// handed. An error (or panic) of `on` ends the batch and is returned; the messages not
    /// handed out yet stay queued. Moves the application position past records and transaction
    /// markers only.
    pub(crate) fn serve(
        &mut self,
        timeout: Duration,
        max: usize,
        on: &mut dyn FnMut(Fetched<'_>) -> Result<()>,
    ) -> Result<usize> {
        let max = max.clamp(1, FETCH_BATCH);
        let mut s = Serving { on, headers: &mut self.headers, rk: self.rk, handed: 0, max, stopped: None };
        let ms = timeout.as_millis().min(i32::MAX as u128) as i32;
        // SAFETY: a live queue of ours; `s` outlives the call, and librdkafka calls `serve_one`
        // on this thread only, during the call.
        unsafe {
            rd::rd_kafka_consume_callback_queue(
                self.queue.0,
                ms,
                Some(serve_one),
                (&mut s as *mut Serving<'_, '_>).cast::<c_void>(),
            )
        };
        match s.stopped {
            None | Some(Ok(Ok(()))) => Ok(s.handed),
            Some(Ok(Err(e))) => Err(e),
            Some(Err(panic)) => std::panic::resume_unwind(panic),
        }
    }
}

impl Drop for FetchQueue {
    fn drop(&mut self) {
        self.release();
    }
}

/// Hands message `m` to `on`: a record borrowing its bytes, a partition's end, or an error.
///
/// # Safety
/// `m` is a live message of `rd_kafka_consume_batch_queue`, or one librdkafka passed to the
/// consume callback.
unsafe fn hand_out(
    m: *mut rd::rd_kafka_message_t,
    headers: &mut Vec<u8>,
    on: &mut dyn FnMut(Fetched<'_>) -> Result<()>,
) -> Result<()> {
    // SAFETY: the caller's contract; a message's pointers stay valid while it lives.
    unsafe {
        let msg = &*m;
        let topic = || -> Result<&str> {
            // Every record and partition end names its topic (only a client-wide error has no
            // topic). Kafka's topic names are ASCII; klog checked every name it subscribed to.
            let name = (!msg.rkt.is_null()).then(|| CStr::from_ptr(rd::rd_kafka_topic_name(msg.rkt)));
            name.and_then(|n| n.to_str().ok()).ok_or_else(|| {
                Error::Invalid(
                    "librdkafka returned a message without a topic, or of a topic without a UTF-8 name".into(),
                )
            })
        };
        match msg.err {
            rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR => {}
            rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__PARTITION_EOF => {
                // The end's offset is the partition's fetch position when it was reached.
                return on(Fetched::End { topic: topic()?, partition: msg.partition, position: msg.offset });
            }
            e => return on(Fetched::Failed(KafkaError::MessageConsumption(e.into()))),
        }
        let bytes =
            |p: *mut c_void, len: usize| (!p.is_null()).then(|| std::slice::from_raw_parts(p as *const u8, len));
        let mut hs: Vec<(&[u8], Option<&[u8]>)> = Vec::new();
        let mut list = std::ptr::null_mut();
        if rd::rd_kafka_message_headers(m, &mut list) == rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
            let mut i = 0;
            loop {
                let (mut name, mut value, mut size) = (std::ptr::null(), std::ptr::null(), 0usize);
                if rd::rd_kafka_header_get_all(list, i, &mut name, &mut value, &mut size)
                    != rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR
                {
                    break;
                }
                // Header keys are C strings in librdkafka, taken as the bytes they are.
                hs.push((CStr::from_ptr(name).to_bytes(), bytes(value as *mut c_void, size)));
                i += 1;
            }
        }
        let record = RecordRef {
            offset: msg.offset,
            timestamp: rd::rd_kafka_message_timestamp(m, std::ptr::null_mut()),
            key: bytes(msg.key, msg.key_len),
            value: bytes(msg.payload, msg.len),
            headers: HeadersRef::encode(&hs, headers),
        };
        on(Fetched::Record { topic: topic()?, partition: msg.partition, record: &record })
    }
}

fn state_name(s: rd::rd_kafka_consumer_group_state_t) -> &'static str {
    use rd::rd_kafka_consumer_group_state_t::*;
    match s {
        RD_KAFKA_CONSUMER_GROUP_STATE_PREPARING_REBALANCE => "PreparingRebalance",
        RD_KAFKA_CONSUMER_GROUP_STATE_COMPLETING_REBALANCE => "CompletingRebalance",
        RD_KAFKA_CONSUMER_GROUP_STATE_STABLE => "Stable",
        RD_KAFKA_CONSUMER_GROUP_STATE_DEAD => "Dead",
        RD_KAFKA_CONSUMER_GROUP_STATE_EMPTY => "Empty",
        _ => "Unknown",
    }
}

fn cstring(what: &'static str, s: &str) -> Result<CString> {
    CString::new(s).map_err(|_| Error::NulByte { what, value: s.escape_debug().to_string() })
}

/// A topic partition list owned by rust-rdkafka, handed to librdkafka (which copies it).
fn tpl(rows: &[(TopicPartition, i64)]) -> Result<rdkafka::TopicPartitionList> {
    let mut l = rdkafka::TopicPartitionList::new();
    for (tp, o) in rows {
        l.add_partition_offset(&tp.topic, tp.partition, rdkafka::Offset::Offset(*o))
            .map_err(|e| Error::Invalid(format!("{}: {}", tp, e)))?;
    }
    Ok(l)
}

impl Cluster {
    /// Runs one admin request: `start` issues it with the options and queue given, and `read`
    /// copies what it needs out of the result event (which lives only during `read`); fails
    /// when the request itself failed (a timeout, the cluster unreachable, a refusal of the
    /// whole request).
    fn request<T>(
        &self,
        what: &str,
        op: rd::rd_kafka_admin_op_t,
        start: impl FnOnce(*mut rd::rd_kafka_t, *const rd::rd_kafka_AdminOptions_t, *mut rd::rd_kafka_queue_t),
        read: impl FnOnce(*mut rd::rd_kafka_event_t) -> Result<T>,
    ) -> Result<T> {
        let admin: AdminClient<KlogContext> = self.admin()?;
        let ctx = admin.inner().context().clone();
        let rk = admin.inner().native_ptr();
        // SAFETY: `rk` is the live client of `admin`, which outlives the queue, the options and
        // the event: they are declared after it, so they are dropped before it.
        let queue = Queue(unsafe { rd::rd_kafka_queue_new(rk) });
        // SAFETY: as above; the options are freed by their guard.
        let opts = Options(unsafe { rd::rd_kafka_AdminOptions_new(rk, op) });
        if queue.0.is_null() || opts.0.is_null() {
            return Err(Error::Invalid(format!("{}: librdkafka could not set up the request", what)));
        }
        let ms = self.timeout.as_millis().min(i32::MAX as u128) as i32;
        let mut errstr = [0 as c_char; 256];
        // SAFETY: live options, and a buffer of the size given.
        unsafe { rd::rd_kafka_AdminOptions_set_request_timeout(opts.0, ms, errstr.as_mut_ptr(), errstr.len()) };
        start(rk, opts.0, queue.0);
        let deadline = Instant::now() + self.timeout + Duration::from_secs(2);
        let ev = loop {
            // SAFETY: a live queue of ours.
            let ev = unsafe { rd::rd_kafka_queue_poll(queue.0, 100) };
            if !ev.is_null() {
                break Event(ev);
            }
            if let Some(why) = ctx.fatal() {
                return Err(self.unreachable(Some(why)));
            }
            if Instant::now() >= deadline {
                return Err(self.unreachable(None));
            }
        };
        // SAFETY: a live event.
        let (err, msg) = unsafe {
            let e = rd::rd_kafka_event_error(ev.0);
            (RDKafkaErrorCode::from(e), text(rd::rd_kafka_event_error_string(ev.0)))
        };
        match err {
            RDKafkaErrorCode::NoError => read(ev.0),
            RDKafkaErrorCode::RequestTimedOut | RDKafkaErrorCode::OperationTimedOut => Err(self.unreachable(Some(msg))),
            code => Err(self.refused(what, &Refusal { code, text: msg })),
        }
    }

    /// Every consumer group the cluster knows: (group id, state).
    pub(crate) fn list_consumer_groups(&self) -> Result<Vec<(String, &'static str)>> {
        self.request(
            "cannot list groups",
            rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS,
            // SAFETY: live client, options and queue (see `request`).
            |rk, o, q| unsafe { rd::rd_kafka_ListConsumerGroups(rk, o, q) },
            // SAFETY: a live result event; every pointer read belongs to it and is copied out.
            |ev| unsafe {
                let res = rd::rd_kafka_event_ListConsumerGroups_result(ev);
                if res.is_null() {
                    return Err(Error::Invalid("cannot list groups: an unexpected reply".into()));
                }
                let mut n = 0usize;
                let mut errs = 0usize;
                let e = array(rd::rd_kafka_ListConsumerGroups_result_errors(res, &mut errs), errs);
                if let Some(r) = e.first().and_then(|e| refusal(*e)) {
                    return Err(self.refused("cannot list groups", &r));
                }
                let valid = array(rd::rd_kafka_ListConsumerGroups_result_valid(res, &mut n), n);
                let mut out: Vec<(String, &'static str)> = valid
                    .iter()
                    .map(|g| {
                        (
                            text(rd::rd_kafka_ConsumerGroupListing_group_id(*g)),
                            state_name(rd::rd_kafka_ConsumerGroupListing_state(*g)),
                        )
                    })
                    .collect();
                out.sort();
                Ok(out)
            },
        )
    }

    /// Describes `groups` (one description each, in their order; a group the cluster does not
    /// know comes back Dead, or with a refusal).
    pub(crate) fn describe_consumer_groups(&self, groups: &[String]) -> Result<Vec<GroupDescription>> {
        if groups.is_empty() {
            return Ok(Vec::new());
        }
        let names = groups.iter().map(|g| cstring("group id", g)).collect::<Result<Vec<_>>>()?;
        let mut ptrs: Vec<*const c_char> = names.iter().map(|c| c.as_ptr()).collect();
        self.request(
            "cannot describe groups",
            rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS,
            // SAFETY: live client, options and queue; `ptrs` points into `names`, alive here.
            |rk, o, q| unsafe { rd::rd_kafka_DescribeConsumerGroups(rk, ptrs.as_mut_ptr(), ptrs.len(), o, q) },
            // SAFETY: a live result event; every pointer read belongs to it and is copied out.
            |ev| unsafe {
                let res = rd::rd_kafka_event_DescribeConsumerGroups_result(ev);
                if res.is_null() {
                    return Err(Error::Invalid("cannot describe groups: an unexpected reply".into()));
                }
                let mut n = 0usize;
                let descs = array(rd::rd_kafka_DescribeConsumerGroups_result_groups(res, &mut n), n);
                Ok(descs
                    .iter()
                    .map(|d| {
                        let d = *d;
                        let members = (0..rd::rd_kafka_ConsumerGroupDescription_member_count(d))
                            .map(|i| {
                                let m = rd::rd_kafka_ConsumerGroupDescription_member(d, i);
                                let a = rd::rd_kafka_MemberDescription_assignment(m);
                                let assignment = if a.is_null() {
                                    Vec::new()
                                } else {
                                    partitions(rd::rd_kafka_MemberAssignment_partitions(a))
                                        .into_iter()
                                        .map(|p| p.tp)
                                        .collect()
                                };
                                MemberDescription {
                                    consumer_id: text(rd::rd_kafka_MemberDescription_consumer_id(m)),
                                    client_id: text(rd::rd_kafka_MemberDescription_client_id(m)),
                                    host: text(rd::rd_kafka_MemberDescription_host(m)),
                                    assignment,
                                }
                            })
                            .collect();
                        GroupDescription {
                            group: text(rd::rd_kafka_ConsumerGroupDescription_group_id(d)),
                            refusal: refusal(rd::rd_kafka_ConsumerGroupDescription_error(d)),
                            state: state_name(rd::rd_kafka_ConsumerGroupDescription_state(d)),
                            assignor: text(rd::rd_kafka_ConsumerGroupDescription_partition_assignor(d)),
                            members,
                        }
                    })
                    .collect())
            },
        )
    }

    /// Every offset `group` has committed (ListConsumerGroupOffsets for all its partitions).
    pub(crate) fn list_group_offsets(&self, group: &str) -> Result<Vec<PartitionResult>> {
        let g = cstring("group id", group)?;
        self.request(
            "cannot read the group's offsets",
            rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS,
            // SAFETY: live client, options and queue; librdkafka copies the request object,
            // which is freed right after.
            |rk, o, q| unsafe {
                let mut req = rd::rd_kafka_ListConsumerGroupOffsets_new(g.as_ptr(), std::ptr::null());
                rd::rd_kafka_ListConsumerGroupOffsets(rk, &mut req, 1, o, q);
                rd::rd_kafka_ListConsumerGroupOffsets_destroy(req);
            },
            // SAFETY: a live result event; every pointer read belongs to it and is copied out.
            |ev| unsafe {
                let res = rd::rd_kafka_event_ListConsumerGroupOffsets_result(ev);
                self.group_result(res.is_null(), {
                    let mut n = 0usize;
                    array(rd::rd_kafka_ListConsumerGroupOffsets_result_groups(res, &mut n), n)
                })
            },
        )
    }

    /// Commits `offsets` for `group` (AlterConsumerGroupOffsets); per-partition results.
    pub(crate) fn alter_group_offsets(
        &self,
        group: &str,
        offsets: &[(TopicPartition, i64)],
    ) -> Result<Vec<PartitionResult>> {
        let g = cstring("group id", group)?;
        let list = tpl(offsets)?;
        self.request(
            "cannot commit the group's offsets",
            rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_ALTERCONSUMERGROUPOFFSETS,
            // SAFETY: live client, options, queue and list; librdkafka copies the request
            // object (and the list), which is freed right after.
            |rk, o, q| unsafe {
                let mut req = rd::rd_kafka_AlterConsumerGroupOffsets_new(g.as_ptr(), list.ptr());
                rd::rd_kafka_AlterConsumerGroupOffsets(rk, &mut req, 1, o, q);
                rd::rd_kafka_AlterConsumerGroupOffsets_destroy(req);
            },
            // SAFETY: a live result event; every pointer read belongs to it and is copied out.
            |ev| unsafe {
                let res = rd::rd_kafka_event_AlterConsumerGroupOffsets_result(ev);
                self.group_result(res.is_null(), {
                    let mut n = 0usize;
                    array(rd::rd_kafka_AlterConsumerGroupOffsets_result_groups(res, &mut n), n)
                })
            },
        )
    }

    /// Deletes `group`'s offsets of `tps` (DeleteConsumerGroupOffsets); per-partition results.
    pub(crate) fn delete_offsets_of(&self, group: &str, tps: &[TopicPartition]) -> Result<Vec<PartitionResult>> {
        let g = cstring("group id", group)?;
        let list = tpl(&tps.iter().map(|tp| (tp.clone(), 0)).collect::<Vec<_>>())?;
        self.request(
            "cannot delete the group's offsets",
            rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DELETECONSUMERGROUPOFFSETS,
            // SAFETY: live client, options, queue and list; librdkafka copies the request
            // object (and the list), which is freed right after.
            |rk, o, q| unsafe {
                let mut req = rd::rd_kafka_DeleteConsumerGroupOffsets_new(g.as_ptr(), list.ptr());
                rd::rd_kafka_DeleteConsumerGroupOffsets(rk, &mut req, 1, o, q);
                rd::rd_kafka_DeleteConsumerGroupOffsets_destroy(req);
            },
            // SAFETY: a live result event; every pointer read belongs to it and is copied out.
            |ev| unsafe {
                let res = rd::rd_kafka_event_DeleteConsumerGroupOffsets_result(ev);
                self.group_result(res.is_null(), {
                    let mut n = 0usize;
                    array(rd::rd_kafka_DeleteConsumerGroupOffsets_result_groups(res, &mut n), n)
                })
            },
        )
    }

    /// The one group result of a group-offsets request: a group-level refusal as an error, else
    /// its partitions.
    ///
    /// # Safety
    /// `results` are live group results of a live event.
    unsafe fn group_result(
        &self,
        missing: bool,
        results: &[*const rd::rd_kafka_group_result_t],
    ) -> Result<Vec<PartitionResult>> {
        let Some(r) = results.first().filter(|_| !missing) else {
            return Err(Error::Invalid("the Kafka cluster sent an unexpected reply to a group request".into()));
        };
        // SAFETY: the caller's contract.
        unsafe {
            if let Some(refused) = refusal(rd::rd_kafka_group_result_error(*r)) {
                return Err(self.refused("group request", &refused));
            }
            Ok(partitions(rd::rd_kafka_group_result_partitions(*r)))
        }
    }

    /// Sets and deletes topic configs in one IncrementalAlterConfigs request (kafka-configs'
    /// way: other overrides stay as they are).
    pub(crate) fn incremental_alter_topic_configs(
        &self,
        topic: &str,
        set: &std::collections::BTreeMap<String, String>,
        delete: &[String],
    ) -> Result<()> {
        use rd::rd_kafka_AlterConfigOpType_t::*;
        let name = cstring("topic", topic)?;
        let mut ops = Vec::new();
        for (k, v) in set {
            ops.push((cstring("config", k)?, Some(cstring("config value", v)?)));
        }
        for k in delete {
            ops.push((cstring("config", k)?, None));
        }
        // SAFETY: a new resource, freed by the guard below.
        let res = unsafe {
            rd::rd_kafka_ConfigResource_new(rd::rd_kafka_ResourceType_t::RD_KAFKA_RESOURCE_TOPIC, name.as_ptr())
        };
        struct Resource(*mut rd::rd_kafka_ConfigResource_t);
        impl Drop for Resource {
            fn drop(&mut self) {
                // SAFETY: created by rd_kafka_ConfigResource_new, destroyed once, here.
                unsafe { rd::rd_kafka_ConfigResource_destroy(self.0) }
            }
        }
        let res = Resource(res);
        for (k, v) in &ops {
            let (op, value) = match v {
                Some(v) => (RD_KAFKA_ALTER_CONFIG_OP_TYPE_SET, v.as_ptr()),
                None => (RD_KAFKA_ALTER_CONFIG_OP_TYPE_DELETE, std::ptr::null()),
            };
            // SAFETY: a live resource and NUL-terminated strings that librdkafka copies.
            let e = unsafe { rd::rd_kafka_ConfigResource_add_incremental_config(res.0, k.as_ptr(), op, value) };
            if !e.is_null() {
                // SAFETY: a live error, read then freed once.
                let r = unsafe {
                    let r = refusal(e);
                    rd::rd_kafka_error_destroy(e);
                    r
                };
                let text = r.map(|r| r.text).unwrap_or_default();
                return Err(Error::Usage(format!("config {}: {}", k.to_string_lossy(), text)));
            }
        }
        self.request(
            "cannot alter the topic's configs",
            rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_INCREMENTALALTERCONFIGS,
            // SAFETY: live client, options, queue and resource; librdkafka copies the resource.
            |rk, o, q| unsafe {
                let mut p = res.0;
                rd::rd_kafka_IncrementalAlterConfigs(rk, &mut p, 1, o, q)
            },
            // SAFETY: a live result event; every pointer read belongs to it and is copied out.
            |ev| unsafe {
                let r = rd::rd_kafka_event_IncrementalAlterConfigs_result(ev);
                if r.is_null() {
                    return Err(Error::Invalid("cannot alter the topic's configs: an unexpected reply".into()));
                }
                let mut n = 0usize;
                for c in array(rd::rd_kafka_IncrementalAlterConfigs_result_resources(r, &mut n), n) {
                    let code = RDKafkaErrorCode::from(rd::rd_kafka_ConfigResource_error(*c));
                    if code != RDKafkaErrorCode::NoError {
                        let text = text(rd::rd_kafka_ConfigResource_error_string(*c));
                        return Err(self.refused(&format!("topic '{}'", topic), &Refusal { code, text }));
                    }
                }
                Ok(())
            },
        )
    }
}
