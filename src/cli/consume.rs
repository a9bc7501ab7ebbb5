//! `klog consume`: records from a topic to stdout.
//!
//! Offsets use kcat's grammar, applied to each partition read: `beginning` (or `earliest`),
//! `end` (or `latest`), `N` (absolute), `-N` (N before the end), `s@T` (the first record at or
//! after time T, in epoch ms or RFC 3339), and a second `-o e@T` where each partition stops
//! (before its first record at or after T). By default klog reads from the beginning; it exits at
//! the end of the log when stdout is not a terminal (scripts, pipes), and follows like `tail -f`
//! on a terminal, a group member as a plain consumer. `-e` and `-f` choose explicitly.
//!
//! A partition whose data is damaged is named on stderr (file and byte position) and left,
//! the others are read, and the exit status is 1. An absolute `-o` offset outside a partition's
//! log starts that partition at its end, as kcat does, with a warning; it is an error only when
//! it fits no partition read.
//!
//! With `-b`, the topic is a Kafka cluster's, read through librdkafka ([`crate::kafka::read`]);
//! a group member (`--group`) there uses Kafka's own group protocol
//! ([`crate::app::net_member`]) with the same sinks, commit modes and rendering as on a data
//! directory.

use super::{install_stop_handlers, stop_requested, Ctx, EXIT_FAILURE, EXIT_OK};
use crate::app::fetch::{self, ConsumeSettings, Delivery, FetchEvent, Processed, RecordSink, StoppedAt};
use crate::app::group_member::{self, GroupEvent, GroupSettings};
use crate::app::net_member;
use crate::error::{Error, Result};
use crate::group::assign::Strategy;
use crate::kafka::{Cluster, ReadEvent, ReadSettings, StartAt};
use crate::output::format::Format;
use crate::output::RecordOutput;
use crate::record::isolation::Isolation;
use crate::record::RecordRef;
use crate::replica::feed::FeedEvent;
use crate::TopicPartition;
use std::io::{IsTerminal, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

pub use crate::app::fetch::{parse_time, OffsetSpec};

pub const LONG_ABOUT: &str = "\
Read records from a topic to stdout.

-o takes kcat's offset grammar, applied to each partition read: beginning (or earliest, the \
default), end (or latest), N, -N (N before the end), s@TIME (the first record at or after TIME, \
in epoch ms or RFC 3339). A second -o e@TIME stops each partition before its first record at or \
after TIME (kcat's stop time); klog exits once every partition stopped. An absolute offset \
outside a partition's log starts that partition at its end with a warning on stderr, as kcat \
does, and the others are read (exit 0); when it fits no partition it is an error (exit 1).

Without -e or -f, klog exits at the end of the log when stdout is not a terminal and follows \
new records on a terminal; the same holds for a group member (--group). A closed pipe \
(klog consume t | head) ends quietly with status 0.

A partition whose data is damaged (a bad CRC, a batch that does not decode) is named on stderr \
with its file and byte position; its records before the damage and every record of the other \
partitions are written, and klog exits 1.

A topic of a cluster is read from each partition's current leader, below its high watermark; \
when the controller moves leadership, klog continues at the same offset on the new leader and \
says so on stderr. Consumer groups of a cluster keep their state and offsets beside the \
metadata store (M/coordinator).

Against a Kafka cluster (-b), --group joins the cluster's consumer group with Kafka's own group \
protocol (classic by default; -X group.protocol=consumer for KIP-848, where the broker assigns \
partitions and decides the session timeout). --commit, --exec, --reset, -o, -c, -e, --format, \
--json and --isolation mean what they mean on a data directory; a member that is killed loses \
its partitions to the others after the session timeout, and they continue from its last commit. \
--assignment takes range, roundrobin or cooperative-sticky there.";

#[derive(Debug, clap::Args)]
pub struct ConsumeArgs {
    /// Topic to read; a group member may name several (or none, to resume the group's).
    #[arg(required_unless_present_any = ["group", "topic_opts"], value_name = "TOPIC")]
    pub topics: Vec<String>,
    /// The same as TOPIC (the spelling of kafka-console-consumer and kcat).
    #[arg(short = 't', long = "topic", id = "topic_opts", value_name = "TOPIC")]
    pub topic_opts: Vec<String>,
    /// Partition to read (repeatable; default: all).
    #[arg(short = 'p', long = "partition", value_parser = clap::value_parser!(i32).range(0..))]
    pub partitions: Vec<i32>,
    /// Where to start: beginning|earliest, end|latest, N, -N (N before the end), s@TIME; and,
    /// given again, where to stop: e@TIME (before the first record at or after TIME).
    /// (Default: beginning; for a group member, its committed offset.)
    #[arg(short = 'o', long, allow_hyphen_values = true, value_name = "SPEC")]
    pub offset: Vec<String>,
    /// Start at the beginning: kafka-console-consumer's spelling of -o beginning (for a group
    /// member, of --reset earliest: where a partition without a committed offset starts).
    #[arg(long)]
    pub from_beginning: bool,
    /// Stop after this many records.
    #[arg(short = 'c', long, visible_alias = "max-messages", value_name = "N")]
    pub count: Option<u64>,
    /// Exit at the end of the log (the default when stdout is not a terminal).
    #[arg(short = 'e', long, conflicts_with = "follow")]
    pub exit_at_end: bool,
    /// Keep reading as records arrive, like tail -f (the default on a terminal).
    #[arg(short = 'f', long)]
    pub follow: bool,
    /// Output format with kcat's tokens: %t %p %o %k %K %s %S %T %h %%, escapes \n \t.
    #[arg(long, default_value = "%s\\n", conflicts_with = "json", value_name = "FMT")]
    pub format: String,
    /// One JSON object per record (the form `produce --input json` reads back).
    #[arg(short = 'J', long)]
    pub json: bool,
    /// Kafka's isolation.level: read_uncommitted returns every record; read_committed skips the
    /// records of aborted transactions and stops before a transaction still open, as a Kafka
    /// consumer does. Control batches (transaction markers) are never returned. A group member
    /// (--group) reads read_committed only against a Kafka cluster (-b).
    #[arg(long, value_enum, default_value_t = IsolationArg::ReadUncommitted, value_name = "LEVEL")]
    pub isolation: IsolationArg,
    #[command(flatten)]
    pub group: GroupArgs,
}

/// `--isolation`, with Kafka's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[clap(rename_all = "snake_case")]
pub enum IsolationArg {
    ReadUncommitted,
    ReadCommitted,
}

// The options of `klog consume --group G`, a consumer-group member (run by
// [`crate::app::group_member`]). It joins the group, consumes the partitions it is assigned
// while holding their ownership locks, follows rebalances, and commits offsets to
// `__consumer_offsets`:
//
// - `--commit auto` (default): every `--auto-commit-interval-ms` and on exit (end of input with
//   -e, -c reached, SIGINT, SIGTERM, a closed stdout), always only what was written out;
// - `--commit manual`: after the records are processed: with `--exec CMD`, after CMD exits 0
//   for them; without it, after each flush of stdout;
// - `--commit none`: never.
//
// Before giving up a partition in a rebalance, a member commits what it processed of it, so the
// next owner continues exactly there. With `--exec`, a failed command stops the member with the
// command's status; the record is delivered again later (at least once, no gaps).

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CommitMode {
    /// Every --auto-commit-interval-ms and on exit.
    Auto,
    /// Only after records are processed (with --exec: after CMD succeeds).
    Manual,
    /// Never commit.
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ResetPolicy {
    /// The log start offset.
    Earliest,
    /// The log end offset (Kafka's default).
    Latest,
    /// Fail, naming the partition.
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AssignmentArg {
    Range,
    Roundrobin,
    Sticky,
    CooperativeSticky,
}

#[derive(Debug, clap::Args)]
pub struct GroupArgs {
    /// Consume as a member of this consumer group: partitions are shared with its other members
    /// and offsets are committed to __consumer_offsets (in a cluster: under M/coordinator; with
    /// -b: by the Kafka cluster's group coordinator).
    #[arg(short = 'G', long, value_name = "GROUP", help_heading = "Consumer group")]
    pub group: Option<String>,
    /// When offsets are committed.
    #[arg(long, value_enum, default_value_t = CommitMode::Auto, help_heading = "Consumer group")]
    pub commit: CommitMode,
    /// Interval of automatic commits, in ms.
    #[arg(long, default_value_t = 5000, value_name = "MS", help_heading = "Consumer group")]
    pub auto_commit_interval_ms: u64,
    /// Run CMD (with sh -c) for each record, the record on its stdin (in --format or --json);
    /// KLOG_TOPIC, KLOG_PARTITION and KLOG_OFFSET are set. Offsets are committed after it exits
    /// 0; a failure stops the member with CMD's status.
    #[arg(long, value_name = "CMD", help_heading = "Consumer group")]
    pub exec: Option<String>,
    /// Records per --exec run.
    #[arg(long, default_value_t = 1, value_name = "N", help_heading = "Consumer group")]
    pub exec_batch: usize,
    /// Where to start a partition that has no committed offset (Kafka's auto.offset.reset;
    /// default: latest).
    #[arg(long, value_enum, help_heading = "Consumer group")]
    pub reset: Option<ResetPolicy>,
    /// Partition assignment strategy (all members of a group must use the same; with -b: range,
    /// roundrobin or cooperative-sticky, and KIP-848 groups are assigned by the broker).
    #[arg(long, value_enum, default_value_t = AssignmentArg::Range, help_heading = "Consumer group")]
    pub assignment: AssignmentArg,
    /// A member that has not heartbeated for this long is removed (a dead process is noticed at
    /// once, through its lock; with -b, only after this long, and KIP-848 groups take the
    /// broker's).
    #[arg(long, default_value_t = 45_000, value_name = "MS", help_heading = "Consumer group", value_parser = clap::value_parser!(i64).range(1..))]
    pub session_timeout_ms: i64,
    /// A member that has not polled for this long (a stuck --exec, say) is removed.
    #[arg(long, default_value_t = 300_000, value_name = "MS", help_heading = "Consumer group", value_parser = clap::value_parser!(i64).range(1..))]
    pub max_poll_interval_ms: i64,
    /// Client id, the prefix of the member id.
    #[arg(long, default_value = "klog", help_heading = "Consumer group")]
    pub client_id: String,
    /// Print membership events on stderr: joined generation N, assigned, revoked.
    #[arg(short = 'v', long, help_heading = "Consumer group")]
    pub verbose: bool,
}

impl From<CommitMode> for group_member::CommitMode {
    fn from(m: CommitMode) -> Self {
        match m {
            CommitMode::Auto => group_member::CommitMode::Auto,
            CommitMode::Manual => group_member::CommitMode::Manual,
            CommitMode::None => group_member::CommitMode::None,
        }
    }
}

impl From<ResetPolicy> for group_member::ResetPolicy {
    fn from(r: ResetPolicy) -> Self {
        match r {
            ResetPolicy::Earliest => group_member::ResetPolicy::Earliest,
            ResetPolicy::Latest => group_member::ResetPolicy::Latest,
            ResetPolicy::None => group_member::ResetPolicy::None,
        }
    }
}

impl From<AssignmentArg> for Strategy {
    fn from(a: AssignmentArg) -> Self {
        match a {
            AssignmentArg::Range => Strategy::Range,
            AssignmentArg::Roundrobin => Strategy::RoundRobin,
            AssignmentArg::Sticky => Strategy::Sticky,
            AssignmentArg::CooperativeSticky => Strategy::CooperativeSticky,
        }
    }
}

/// What the consume options mean once read together: the topics (positional and --topic), the
/// start and stop specs, and whether to exit at the end of the log.
#[derive(Debug, Clone)]
pub struct Plan {
    pub topics: Vec<String>,
    /// The start spec, when one was given (-o SPEC or --from-beginning).
    pub start: Option<OffsetSpec>,
    /// `-o e@TIME`: each partition stops before its first record at or after this time.
    pub stop_ms: Option<i64>,
    /// -e, or neither -e nor -f with stdout not a terminal: one rule for plain and group consumers.
    pub exit_at_end: bool,
}

impl ConsumeArgs {
    /// Reads the options together; a malformed or repeated spec is a usage error.
    pub fn plan(&self) -> Result<Plan> {
        let mut start = None;
        let mut stop_ms = None;
        for s in &self.offset {
            if let Some(t) = s.strip_prefix("e@") {
                if stop_ms.replace(parse_time(t)?).is_some() {
                    return Err(Error::Usage("-o e@TIME is given twice".into()));
                }
            } else if start.replace(OffsetSpec::parse(s)?).is_some() {
                return Err(Error::Usage(format!(
                    "-o is given two start offsets ({}); give one, and e@TIME for where to stop",
                    self.offset.join(", ")
                )));
            }
        }
        if self.from_beginning {
            if start.is_some() {
                return Err(Error::Usage("--from-beginning and a start offset (-o) cannot be used together".into()));
            }
            // A group member starts from its committed offsets; --from-beginning is its --reset.
            if self.group.group.is_none() {
                start = Some(OffsetSpec::Beginning);
            }
        }
        let mut topics = self.topics.clone();
        topics.extend(self.topic_opts.iter().cloned());
        Ok(Plan {
            topics,
            start,
            stop_ms,
            exit_at_end: self.exit_at_end || (!self.follow && !std::io::stdout().is_terminal()),
        })
    }
}

impl From<IsolationArg> for Isolation {
    fn from(i: IsolationArg) -> Self {
        match i {
            IsolationArg::ReadUncommitted => Isolation::ReadUncommitted,
            IsolationArg::ReadCommitted => Isolation::ReadCommitted,
        }
    }
}

/// How records are written: `--json`, else `--format`.
pub fn record_output(a: &ConsumeArgs) -> Result<RecordOutput> {
    Ok(if a.json { RecordOutput::Json } else { RecordOutput::Format(Format::parse(&a.format)?) })
}

/// When stdout is a pipe, asks for a 1 MiB pipe buffer (best effort): fewer wake-ups of the
/// reader on the other side for each megabyte klog writes.
pub fn grow_stdout_pipe() {
    // SAFETY: fcntl on fd 1 with F_SETPIPE_SZ takes an int argument and touches no memory of
    // ours; on a non-pipe it fails with EBADF/EINVAL, which we ignore.
    unsafe {
        libc::fcntl(1, libc::F_SETPIPE_SZ, 1 << 20);
    }
}

/// Records to stdout in the chosen output, buffered up to 1 MiB; a record counts as delivered
/// only once every byte of it was accepted by stdout (a closed pipe then commits exactly what
/// got through).
struct StdoutSink {
    output: RecordOutput,
    buf: Vec<u8>,
    /// (end position in `buf`, index into `tps`, next offset once written).
    marks: Vec<(usize, usize, i64)>,
    tps: Vec<TopicPartition>,
    stdout: std::mem::ManuallyDrop<std::fs::File>,
}

impl StdoutSink {
    fn new(output: RecordOutput) -> StdoutSink {
        use std::os::fd::FromRawFd;
        // SAFETY: fd 1 is open for the life of the process; ManuallyDrop never closes it.
        let stdout = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(1) });
        StdoutSink { output, buf: Vec::with_capacity(1 << 16), marks: Vec::new(), tps: Vec::new(), stdout }
    }

    fn tp_index(&mut self, tp: &TopicPartition) -> usize {
        if let Some(i) = self.tps.iter().rposition(|x| x == tp) {
            return i;
        }
        self.tps.push(tp.clone());
        self.tps.len() - 1
    }

    /// Notes that the bytes so far complete `tp` up to `next`.
    fn mark(&mut self, tp: &TopicPartition, next: i64) {
        let i = self.tp_index(tp);
        self.marks.push((self.buf.len(), i, next));
    }

    /// Writes everything out, reporting records delivered as their bytes are accepted.
    fn drain(&mut self, done: &mut Processed<'_>) -> Result<()> {
        let mut written = 0;
        let mut applied = 0;
        let result = loop {
            while applied < self.marks.len() && self.marks[applied].0 <= written {
                let (_, i, next) = self.marks[applied];
                done(&self.tps[i], next, false)?;
                applied += 1;
            }
            if written == self.buf.len() {
                break Ok(());
            }
            match self.stdout.write(&self.buf[written..]) {
                Ok(0) => break Err(std::io::Error::from(std::io::ErrorKind::WriteZero)),
                Ok(n) => written += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => break Err(e),
            }
        };
        self.buf.drain(..written);
        self.marks.drain(..applied);
        for m in &mut self.marks {
            m.0 -= written;
        }
        result.map_err(Error::Stream)
    }
}

impl RecordSink for StdoutSink {
    fn record(&mut self, tp: &TopicPartition, rec: &RecordRef<'_>) -> Result<()> {
        self.output.write(&mut self.buf, &tp.topic, tp.partition, rec).map_err(Error::Stream)?;
        self.mark(tp, rec.offset + 1);
        Ok(())
    }

    fn batch_end(&mut self, tp: &TopicPartition, next: i64, done: &mut Processed<'_>) -> Result<Delivery> {
        self.mark(tp, next);
        if self.buf.len() >= 1 << 20 {
            self.drain(done)?;
        }
        Ok(Delivery::Done)
    }

    fn flush(&mut self, done: &mut Processed<'_>) -> Result<Delivery> {
        self.drain(done)?;
        Ok(Delivery::Done)
    }
}

/// `--exec CMD`: runs CMD (with sh -c) for each run of up to `batch` records of one batch, the
/// records on its stdin in the chosen output; a run is delivered when CMD exits 0.
struct ExecSink {
    output: RecordOutput,
    cmd: String,
    batch: usize,
    /// The records of the current batch: (offset, bytes CMD reads).
    staged: Vec<(i64, Vec<u8>)>,
}

impl ExecSink {
    /// Runs CMD for records of `tp` from `first`; returns its status when it failed.
    fn run(&self, tp: &TopicPartition, input: &[u8], first: i64) -> Result<Option<i32>> {
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(&self.cmd)
            .env("KLOG_TOPIC", &tp.topic)
            .env("KLOG_PARTITION", tp.partition.to_string())
            .env("KLOG_OFFSET", first.to_string())
            .stdin(Stdio::piped())
            .spawn()
            .map_err(|e| Error::Invalid(format!("cannot run --exec command: {}", e)))?;
        if let Some(mut stdin) = child.stdin.take() {
            // A command that does not read its input is fine.
            let _ = stdin.write_all(input);
        }
        let status = child.wait().map_err(|e| Error::Invalid(format!("--exec command: {}", e)))?;
        Ok((!status.success()).then(|| status.code().filter(|c| *c != 0).unwrap_or(1)))
    }
}

impl RecordSink for ExecSink {
    fn record(&mut self, tp: &TopicPartition, rec: &RecordRef<'_>) -> Result<()> {
        let mut b = Vec::new();
        self.output.write(&mut b, &tp.topic, tp.partition, rec).map_err(Error::Stream)?;
        self.staged.push((rec.offset, b));
        Ok(())
    }

    fn batch_end(&mut self, tp: &TopicPartition, next: i64, done: &mut Processed<'_>) -> Result<Delivery> {
        let staged = std::mem::take(&mut self.staged);
        for chunk in staged.chunks(self.batch) {
            let first = chunk[0].0;
            let input: Vec<u8> = chunk.iter().flat_map(|(_, b)| b.iter().copied()).collect();
            if let Some(status) = self.run(tp, &input, first)? {
                return Ok(Delivery::Failed { status, tp: tp.clone(), offset: first });
            }
            done(tp, chunk.last().map_or(0, |(o, _)| o + 1), true)?;
        }
        done(tp, next, false)?;
        Ok(Delivery::Done)
    }

    fn flush(&mut self, _done: &mut Processed<'_>) -> Result<Delivery> {
        Ok(Delivery::Done)
    }

    fn acknowledges_each(&self) -> bool {
        true
    }
}

/// Tells the user on stderr what reading a cluster partition ran into.
fn report_feed_event(ev: &FeedEvent, topic: &str, partition: i32) {
    match ev {
        FeedEvent::LeaderMoved { from, to, leader_epoch } => eprintln!(
            "klog: {}-{}: leadership moved from broker {} to broker {} (leader epoch {}); reading from it",
            topic, partition, from, to, leader_epoch
        ),
        FeedEvent::PositionLost { from, to } => eprintln!(
            "klog: {}-{}: offsets {}..{} are gone (an unclean leader election lost them); continuing from {}",
            topic, partition, to, from, to
        ),
        FeedEvent::Unavailable(why) => eprintln!("klog: waiting for a leader to read: {}", why),
    }
}

/// Renders what reading ran into on stderr; `group` names the group of a member. Informational
/// notes are left out with -q; warnings and errors always show.
fn render_fetch(ev: &FetchEvent, quiet: bool, group: Option<&str>) {
    match ev {
        FetchEvent::WaitingForLeader { tp, why } => match group {
            Some(g) => {
                eprintln!("klog: group {}: {}-{}: waiting for a leader to read: {}", g, tp.topic, tp.partition, why)
            }
            None => eprintln!("klog: waiting for a leader to read: {}", why),
        },
        FetchEvent::Feed { tp, event } => {
            if !quiet {
                report_feed_event(event, &tp.topic, tp.partition)
            }
        }
        FetchEvent::OffsetsDeleted { tp, from, next } => match group {
            _ if quiet => {}
            Some(g) => eprintln!(
                "klog: group {}: {}-{}: offset {} was deleted; continuing from the log start",
                g, tp.topic, tp.partition, from
            ),
            None => {
                eprintln!("klog: {}-{}: offset {} was deleted; continuing from {}", tp.topic, tp.partition, from, next)
            }
        },
        FetchEvent::Damaged { tp, damage, at } => {
            let from = match at {
                StoppedAt::Start => String::new(),
                StoppedAt::Offset(o) => format!(" from offset {}", o),
                StoppedAt::WithinBatch => " on".to_string(),
            };
            eprintln!("klog: error: {}-{}: {}; not reading it{}", tp.topic, tp.partition, damage, from);
        }
        FetchEvent::OutOfRange { tp, offset, start, end, .. } => eprintln!(
            "klog: warning: {}-{}: offset {} is out of range (valid offsets are {}..{}); reading it from its end",
            tp.topic, tp.partition, offset, start, end
        ),
    }
}

fn show(tps: &[TopicPartition]) -> String {
    tps.iter().map(|tp| tp.to_string()).collect::<Vec<_>>().join(", ")
}

/// Renders a group member's events on stderr: membership events with -v, informational notes
/// unless -q, warnings always.
fn render_group(ev: &GroupEvent, group: &str, quiet: bool, verbose: bool) {
    let say = |msg: String| {
        if verbose {
            eprintln!("klog: group {}: {}", group, msg);
        }
    };
    match ev {
        GroupEvent::Joined { member_id, topics } => {
            say(format!("joined as {} (topics {})", member_id, topics.join(", ")))
        }
        GroupEvent::Warning(w) => eprintln!("klog: warning: {}", w),
        GroupEvent::Expelled { member_id, why } => say(format!("removed member {} ({})", member_id, why)),
        GroupEvent::Rejoined => say("this member had been removed for silence and joined again".into()),
        GroupEvent::Generation(g) => say(format!("joined generation {}", g)),
        GroupEvent::Revoked(tps) => say(format!("revoked {}", show(tps))),
        GroupEvent::Assigned(tps) => say(format!("assigned {}", show(tps))),
        GroupEvent::StartFromSpec { tp, offset, committed } => {
            if !quiet {
                eprintln!(
                    "klog: group {}: {}-{}: starting at offset {} from -o instead of the committed offset {}",
                    group,
                    tp.topic,
                    tp.partition,
                    offset,
                    committed.map_or("(none)".to_string(), |c| c.to_string())
                );
            }
        }
        GroupEvent::SpecReset { tp, offset, start, end, to } => eprintln!(
            "klog: warning: group {}: {}-{}: offset {} is out of range (valid offsets are {}..{}); reset to {}",
            group, tp.topic, tp.partition, offset, start, end, to
        ),
        GroupEvent::CommittedReset { tp, committed, start, end, to } => eprintln!(
            "klog: group {}: {}-{}: committed offset {} is outside the log ({}..{}); reset to {}",
            group, tp.topic, tp.partition, committed, start, end, to
        ),
        GroupEvent::DeliveryFailed { status, tp, offset } => eprintln!(
            "klog: group {}: --exec failed with status {} at {}-{} offset {}; it will be delivered again",
            group, status, tp.topic, tp.partition, offset
        ),
        GroupEvent::Fetch(e) => render_fetch(e, quiet, Some(group)),
    }
}

pub fn run(ctx: &Ctx, a: ConsumeArgs) -> Result<i32> {
    if let Some(cluster) = &ctx.kafka {
        return run_kafka(ctx, cluster, a);
    }
    if a.group.group.is_some() {
        return run_group(ctx, a);
    }
    let plan = a.plan()?;
    let output = record_output(&a)?;
    let [topic] = plan.topics.as_slice() else {
        return Err(Error::Usage("consume reads one topic (several only with --group)".into()));
    };
    let settings = ConsumeSettings {
        topic: topic.clone(),
        partitions: a.partitions.clone(),
        start: plan.start.unwrap_or(OffsetSpec::Beginning),
        stop_ms: plan.stop_ms,
        isolation: a.isolation.into(),
        count: a.count,
        exit_at_end: plan.exit_at_end,
    };
    grow_stdout_pipe();
    let mut sink = StdoutSink::new(output);
    let quiet = ctx.quiet;
    let consumed =
        fetch::consume(&ctx.loc, &settings, &mut sink, &mut |e| render_fetch(&e, quiet, None), &stop_requested);
    match consumed {
        Ok(c) => Ok(if c.damaged > 0 { EXIT_FAILURE } else { EXIT_OK }),
        Err(e) => {
            // What was read before the error still goes out (best effort).
            let _ = sink.drain(&mut |_, _, _| Ok(()));
            Err(e)
        }
    }
}

/// `klog -b HOST:PORT consume`: a Kafka cluster's topic, read without a group.
fn run_kafka(ctx: &Ctx, cluster: &Cluster, a: ConsumeArgs) -> Result<i32> {
    if a.group.group.is_some() {
        return run_kafka_group(ctx, cluster, a);
    }
    let plan = a.plan()?;
    let output = record_output(&a)?;
    let [topic] = plan.topics.as_slice() else {
        return Err(Error::Usage("consume reads one topic (several only with --group)".into()));
    };
    let settings = ReadSettings {
        topic: topic.clone(),
        partitions: a.partitions.clone(),
        start: match plan.start.unwrap_or(OffsetSpec::Beginning) {
            OffsetSpec::Beginning => StartAt::Beginning,
            OffsetSpec::End => StartAt::End,
            OffsetSpec::Absolute(o) => StartAt::Offset(o),
            OffsetSpec::FromEnd(n) => StartAt::Tail(n),
            OffsetSpec::Time(ts) => StartAt::Time(ts),
        },
        stop_ms: plan.stop_ms,
        isolation: a.isolation.into(),
        count: a.count,
        exit_at_end: plan.exit_at_end,
    };
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    crate::kafka::read(cluster, &settings, &mut |ev| match ev {
        ReadEvent::Skipped(e) => {
            if !ctx.quiet {
                eprintln!("klog: warning: {}; reading the other partitions", e);
            }
            Ok(())
        }
        ReadEvent::Record(topic, partition, rec) => output.write(&mut w, topic, partition, rec).map_err(Error::Stream),
        ReadEvent::Idle => w.flush().map_err(Error::Stream),
    })?;
    w.flush().map_err(Error::Stream)?;
    Ok(EXIT_OK)
}

/// The settings of a group member (`--group`), on a data directory or a Kafka cluster alike,
/// and its sink: `--exec CMD`, else stdout.
fn group_settings(ctx: &Ctx, a: &ConsumeArgs) -> Result<(GroupSettings, Box<dyn RecordSink>)> {
    let g = &a.group;
    let group = g.group.clone().expect("group mode");
    if !a.partitions.is_empty() {
        return Err(Error::Usage("-p cannot be used with --group: the group assigns partitions".into()));
    }
    if g.exec_batch == 0 {
        return Err(Error::Usage("--exec-batch must be at least 1".into()));
    }
    let plan = a.plan()?;
    if plan.stop_ms.is_some() {
        return Err(Error::Usage("-o e@TIME cannot be used with --group (as with kcat -G)".into()));
    }
    if a.from_beginning && g.reset.is_some() {
        return Err(Error::Usage("--from-beginning is --reset earliest for a group member: give one of them".into()));
    }
    let output = record_output(a)?;
    let settings = GroupSettings {
        group,
        topics: plan.topics,
        start: plan.start,
        reset: if a.from_beginning {
            ResetPolicy::Earliest.into()
        } else {
            g.reset.unwrap_or(ResetPolicy::Latest).into()
        },
        commit: g.commit.into(),
        auto_commit_interval: Duration::from_millis(g.auto_commit_interval_ms),
        count: a.count,
        isolation: a.isolation.into(),
        exit_at_end: plan.exit_at_end,
        strategy: g.assignment.into(),
        session_timeout_ms: g.session_timeout_ms,
        max_poll_interval_ms: g.max_poll_interval_ms,
        client_id: g.client_id.clone(),
        lock_timeout: ctx.loc.lock_timeout,
    };
    let sink: Box<dyn RecordSink> = match &g.exec {
        Some(cmd) => Box::new(ExecSink { output, cmd: cmd.clone(), batch: g.exec_batch, staged: Vec::new() }),
        None => Box::new(StdoutSink::new(output)),
    };
    Ok((settings, sink))
}

/// `klog consume --group G`: a consumer-group member.
fn run_group(ctx: &Ctx, a: ConsumeArgs) -> Result<i32> {
    let (settings, mut sink) = group_settings(ctx, &a)?;
    install_stop_handlers();
    grow_stdout_pipe();
    let (quiet, verbose) = (ctx.quiet, a.group.verbose);
    let name = settings.group.clone();
    let left = group_member::run(
        &ctx.loc,
        &settings,
        sink.as_mut(),
        &mut |e| render_group(&e, &name, quiet, verbose),
        &stop_requested,
    )?;
    Ok(left.failed_status.unwrap_or(EXIT_OK))
}

/// `klog -b HOST:PORT consume --group G`: a member of a Kafka cluster's consumer group, with
/// Kafka's own group protocol.
fn run_kafka_group(ctx: &Ctx, cluster: &Cluster, a: ConsumeArgs) -> Result<i32> {
    let (settings, mut sink) = group_settings(ctx, &a)?;
    if settings.topics.is_empty() {
        return Err(Error::Usage(
            "consume --group against a Kafka cluster (-b) needs the topics to subscribe to".into(),
        ));
    }
    install_stop_handlers();
    grow_stdout_pipe();
    let (quiet, verbose) = (ctx.quiet, a.group.verbose);
    let name = settings.group.clone();
    let left = net_member::run(
        cluster,
        &settings,
        a.isolation.into(),
        sink.as_mut(),
        &mut |e| render_group(&e, &name, quiet, verbose),
        &stop_requested,
    )?;
    Ok(left.failed_status.unwrap_or(EXIT_OK))
}
