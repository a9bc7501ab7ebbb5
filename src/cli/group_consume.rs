//! The options of `klog consume --group G`, a consumer-group member (run by
//! [`crate::app::group_member`]). It joins the group, consumes the partitions it is assigned
//! while holding their ownership locks, follows rebalances, and commits offsets to
//! `__consumer_offsets`:
//!
//! - `--commit auto` (default): every `--auto-commit-interval-ms` and on exit (end of input with
//!   -e, -c reached, SIGINT, SIGTERM, a closed stdout), always only what was written out;
//! - `--commit manual`: after the records are processed: with `--exec CMD`, after CMD exits 0
//!   for them; without it, after each flush of stdout;
//! - `--commit none`: never.
//!
//! Before giving up a partition in a rebalance, a member commits what it processed of it, so the
//! next owner continues exactly there. With `--exec`, a failed command stops the member with the
//! command's status; the record is delivered again later (at least once, no gaps).

use crate::app::group_member;
use crate::group::assign::Strategy;

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
    /// and offsets are committed to __consumer_offsets (in a cluster: under M/coordinator).
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
    /// Where to start a partition that has no committed offset (Kafka's auto.offset.reset).
    #[arg(long, value_enum, default_value_t = ResetPolicy::Latest, help_heading = "Consumer group")]
    pub reset: ResetPolicy,
    /// Partition assignment strategy (all members of a group must use the same).
    #[arg(long, value_enum, default_value_t = AssignmentArg::Range, help_heading = "Consumer group")]
    pub assignment: AssignmentArg,
    /// A member that has not heartbeated for this long is removed (a dead process is noticed at
    /// once, through its lock).
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
