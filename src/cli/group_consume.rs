//! `klog consume --group G`: a consumer-group member. It joins the group, consumes the
//! partitions it is assigned while holding their ownership locks, follows rebalances, and
//! commits offsets to `__consumer_offsets`:
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

use super::catalog::Catalog;
use super::consume::{
    grow_stdout_pipe, outside_log, report_feed_event, resolve, ConsumeArgs, LeaderWait, OffsetSpec, Output,
};
use super::{Ctx, EXIT_OK};
use crate::datadir::DataDir;
use crate::error::{Error, Result};
use crate::group::assign::Strategy;
use crate::group::member::{Member, MemberOptions};
use crate::group::offsets::{self, Change};
use crate::group::Tp;
use crate::record::RecordsSection;
use crate::replica::feed::{FeedEvent, PartitionFeed};
use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

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

/// A partition the member owns and reads.
struct Reading {
    feed: PartitionFeed,
    /// Next offset to write out (advances as records are written); records below it in a batch
    /// are skipped.
    written: i64,
    /// Next offset known processed (written and flushed, or handled by --exec).
    processed: i64,
    /// Last committed offset.
    committed: Option<i64>,
    at_end: bool,
}

/// Output not yet written to stdout, with where each record ends, so that a record counts as
/// processed only once every byte of it was accepted by stdout (a closed pipe then commits
/// exactly what got through).
struct Outbox {
    buf: Vec<u8>,
    /// (end position in `buf`, index into `tps`, next offset once written).
    marks: Vec<(usize, usize, i64)>,
    tps: Vec<Tp>,
    stdout: std::mem::ManuallyDrop<std::fs::File>,
}

impl Outbox {
    fn new() -> Outbox {
        use std::os::fd::FromRawFd;
        // SAFETY: fd 1 is open for the life of the process; ManuallyDrop never closes it.
        let stdout = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(1) });
        Outbox { buf: Vec::with_capacity(1 << 16), marks: Vec::new(), tps: Vec::new(), stdout }
    }

    fn tp_index(&mut self, tp: &Tp) -> usize {
        match self.tps.iter().position(|x| x == tp) {
            Some(i) => i,
            None => {
                self.tps.push(tp.clone());
                self.tps.len() - 1
            }
        }
    }

    /// Notes that the bytes so far complete `tp` up to `next`.
    fn mark(&mut self, tp_index: usize, next: i64) {
        self.marks.push((self.buf.len(), tp_index, next));
    }

    /// Writes everything out, marking records processed as their bytes are accepted.
    fn drain(&mut self, reading: &mut BTreeMap<Tp, Reading>) -> Result<()> {
        let mut done = 0;
        let mut applied = 0;
        let result = loop {
            while applied < self.marks.len() && self.marks[applied].0 <= done {
                let (_, i, next) = self.marks[applied];
                if let Some(r) = reading.get_mut(&self.tps[i]) {
                    r.processed = r.processed.max(next);
                }
                applied += 1;
            }
            if done == self.buf.len() {
                break Ok(());
            }
            match self.stdout.write(&self.buf[done..]) {
                Ok(0) => break Err(std::io::Error::from(std::io::ErrorKind::WriteZero)),
                Ok(n) => done += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => break Err(e),
            }
        };
        self.buf.drain(..done);
        self.marks.drain(..applied);
        for m in &mut self.marks {
            m.0 -= done;
        }
        result.map_err(Error::Stream)
    }
}

struct Runner<'a> {
    lock_timeout: Duration,
    /// Where the group's state and offsets live.
    home: &'a DataDir,
    cat: &'a Catalog,
    a: &'a ConsumeArgs,
    member: Member,
    output: Output,
    reading: BTreeMap<Tp, Reading>,
    /// Owned partitions not read yet, with their committed offset and whether the member said
    /// it waits for their leader.
    pending: BTreeMap<Tp, (Option<i64>, bool)>,
    explicit: Option<OffsetSpec>,
    /// --reset, or earliest with --from-beginning.
    reset: ResetPolicy,
    /// The one rule of plain consumers too: -e, or stdout not a terminal without -f.
    exit_at_end: bool,
    quiet: bool,
    remaining: u64,
    last_commit: Instant,
    exec_failed: Option<i32>,
    outbox: Outbox,
}

fn strategy(a: AssignmentArg) -> Strategy {
    match a {
        AssignmentArg::Range => Strategy::Range,
        AssignmentArg::Roundrobin => Strategy::RoundRobin,
        AssignmentArg::Sticky => Strategy::Sticky,
        AssignmentArg::CooperativeSticky => Strategy::CooperativeSticky,
    }
}

fn show(tps: &[Tp]) -> String {
    tps.iter().map(|(t, p)| format!("{}-{}", t, p)).collect::<Vec<_>>().join(", ")
}

impl Runner<'_> {
    fn say(&self, msg: String) {
        if self.a.group.verbose {
            eprintln!("klog: group {}: {}", self.member.group(), msg);
        }
    }

    /// Commits the processed positions of `tps` that moved since the last commit.
    fn commit(&mut self, tps: &[Tp]) -> Result<()> {
        if self.a.group.commit == CommitMode::None {
            return Ok(());
        }
        let changes: Vec<Change> = tps
            .iter()
            .filter_map(|tp| {
                let r = self.reading.get(tp)?;
                (r.committed != Some(r.processed)).then(|| Change::Set(tp.clone(), r.processed, String::new()))
            })
            .collect();
        if changes.is_empty() {
            return Ok(());
        }
        offsets::commit(self.home, self.member.group(), &changes)?;
        for c in &changes {
            if let Change::Set(tp, o, _) = c {
                if let Some(r) = self.reading.get_mut(tp) {
                    r.committed = Some(*o);
                }
            }
        }
        Ok(())
    }

    fn commit_all(&mut self) -> Result<()> {
        let tps: Vec<Tp> = self.reading.keys().cloned().collect();
        self.commit(&tps)
    }

    /// Where a newly owned partition starts: an explicit -o, else the committed offset (read
    /// now, after taking the ownership lock, so the previous owner's last commit is seen), else
    /// the reset policy. A committed offset outside the log (deleted by retention) is reset too.
    fn start_offset(&self, tp: &Tp, feed: &PartitionFeed, committed: Option<i64>) -> Result<i64> {
        let r = feed.reader();
        // A committed offset is in range up to the log end; "latest" is what a consumer may read
        // up to (a cluster partition's high watermark).
        let (start, end) = (r.log_start_offset(), r.log_end_offset()?);
        let latest = feed.end_offset()?;
        let reset = |why: &str| -> Result<i64> {
            match self.reset {
                ResetPolicy::Earliest => Ok(start),
                ResetPolicy::Latest => Ok(latest),
                ResetPolicy::None => Err(Error::Invalid(format!(
                    "group {}: {}-{} {} and --reset is none",
                    self.member.group(),
                    tp.0,
                    tp.1,
                    why
                ))),
            }
        };
        if let Some(spec) = self.explicit {
            // An -o offset outside the log is reset by --reset, as Kafka's consumer does after a
            // seek out of range (auto.offset.reset).
            if let (OffsetSpec::Absolute(n), Some(_)) = (spec, outside_log(spec, feed)?) {
                let o = reset(&format!("has -o offset {} outside the log ({}..{})", n, start, end))?;
                eprintln!(
                    "klog: warning: group {}: {}-{}: offset {} is out of range (valid offsets are {}..{}); reset to {}",
                    self.member.group(),
                    tp.0,
                    tp.1,
                    n,
                    start,
                    end,
                    o
                );
                return Ok(o);
            }
            let o = resolve(spec, feed, &tp.0, tp.1)?;
            if !self.quiet {
                eprintln!(
                    "klog: group {}: {}-{}: starting at offset {} from -o instead of the committed offset {}",
                    self.member.group(),
                    tp.0,
                    tp.1,
                    o,
                    committed.map_or("(none)".to_string(), |c| c.to_string())
                );
            }
            return Ok(o);
        }
        match committed {
            Some(c) if c >= start && c <= end => Ok(c),
            Some(c) => {
                let o = reset(&format!("has committed offset {} outside the log ({}..{})", c, start, end))?;
                eprintln!(
                    "klog: group {}: {}-{}: committed offset {} is outside the log ({}..{}); reset to {}",
                    self.member.group(),
                    tp.0,
                    tp.1,
                    c,
                    start,
                    end,
                    o
                );
                Ok(o)
            }
            None => reset("has no committed offset"),
        }
    }

    fn rebalance_step(&mut self) -> Result<()> {
        let r = self.member.poll()?;
        for w in r.warnings.iter().chain(self.member.take_warnings().iter()) {
            eprintln!("klog: warning: {}", w);
        }
        for (id, why) in &r.expelled {
            self.say(format!("removed member {} ({})", id, why));
        }
        if r.rejoined {
            self.say("this member had been removed for silence and joined again".into());
        }
        if let Some(g) = r.new_generation {
            self.say(format!("joined generation {}", g));
        }
        if !r.revoke.is_empty() {
            // Commit what was processed of them before anyone else may read them.
            self.outbox.drain(&mut self.reading)?;
            self.commit(&r.revoke)?;
            for tp in &r.revoke {
                self.reading.remove(tp);
                self.pending.remove(tp);
            }
            self.member.release(&r.revoke);
            self.say(format!("revoked {}", show(&r.revoke)));
        }
        if !r.acquired.is_empty() {
            let committed = offsets::read_offsets(self.home, self.member.group())?;
            for tp in &r.acquired {
                let c = committed.get(tp).map(|c| c.offset);
                self.pending.insert(tp.clone(), (c, false));
            }
            self.say(format!("assigned {}", show(&r.acquired)));
        }
        self.open_pending()?;
        self.refresh_feeds()
    }

    /// Starts reading the owned partitions not read yet. A cluster partition without a leader
    /// that can be read now (offline, its broker unreachable) stays pending (the member keeps
    /// owning it) and is tried again at the next poll; other errors end the member.
    fn open_pending(&mut self) -> Result<()> {
        let tps: Vec<Tp> = self.pending.keys().cloned().collect();
        for tp in tps {
            let mut feed = match self.cat.feed(&tp.0, tp.1) {
                Ok(f) => f,
                Err(e) if self.cat.leader_unavailable(&tp.0, tp.1)? => {
                    let said = &mut self.pending.get_mut(&tp).expect("listed above").1;
                    if !std::mem::replace(said, true) {
                        eprintln!(
                            "klog: group {}: {}-{}: waiting for a leader to read: {}",
                            self.member.group(),
                            tp.0,
                            tp.1,
                            e
                        );
                    }
                    continue;
                }
                Err(e) => return Err(e),
            };
            let c = self.pending.remove(&tp).and_then(|(c, _)| c);
            let from = self.start_offset(&tp, &feed, c)?;
            feed.seek(from);
            self.reading.insert(tp, Reading { feed, written: from, processed: from, committed: c, at_end: false });
        }
        Ok(())
    }

    /// Follows each cluster partition's high watermark and leader.
    fn refresh_feeds(&mut self) -> Result<()> {
        let snap = PartitionFeed::shared_snapshot(self.reading.values().map(|r| &r.feed))?;
        for (tp, r) in self.reading.iter_mut() {
            let Some(ev) = r.feed.refresh(snap.as_ref())? else { continue };
            if !self.quiet {
                report_feed_event(&ev, &tp.0, tp.1);
            }
            match ev {
                // Continue exactly after the last record written out.
                FeedEvent::LeaderMoved { .. } => r.feed.seek(r.written),
                // Records past the new leader's end are gone: what it appends there is new.
                FeedEvent::PositionLost { to, .. } => {
                    r.written = r.written.min(to);
                    r.processed = r.processed.min(to);
                }
                FeedEvent::Unavailable(_) => {}
            }
        }
        Ok(())
    }

    /// Reads up to a few batches from each owned partition. Returns whether anything was read.
    fn consume_round(&mut self) -> Result<bool> {
        let mut progressed = false;
        let exec = self.a.group.exec.is_some();
        let tps: Vec<Tp> = self.reading.keys().cloned().collect();
        'parts: for tp in tps {
            for _ in 0..16 {
                if self.remaining == 0 || super::signals::stop_requested() {
                    break 'parts;
                }
                // In --exec mode, each record is staged as the bytes CMD will read.
                let mut staged: Vec<(i64, Vec<u8>)> = Vec::new();
                let ti = self.outbox.tp_index(&tp);
                {
                    let r = self.reading.get_mut(&tp).expect("listed above");
                    let Some((h, bytes)) = r.feed.next_batch()? else {
                        r.at_end = r.feed.available();
                        break;
                    };
                    r.at_end = false;
                    progressed = true;
                    if !h.is_control() {
                        let bad = |e: crate::record::DecodeError| {
                            Error::Invalid(format!(
                                "{}-{}: batch at offset {} does not decode: {}",
                                tp.0, tp.1, h.base_offset, e
                            ))
                        };
                        let section = RecordsSection::new(bytes, &h).map_err(bad)?;
                        for rec in section.iter() {
                            let rec = rec.map_err(bad)?;
                            if rec.offset < r.written {
                                continue;
                            }
                            if self.remaining == 0 {
                                break;
                            }
                            if exec {
                                let mut b = Vec::new();
                                self.output.write(&mut b, &tp.0, tp.1, &rec).map_err(Error::Stream)?;
                                staged.push((rec.offset, b));
                            } else {
                                self.output.write(&mut self.outbox.buf, &tp.0, tp.1, &rec).map_err(Error::Stream)?;
                                self.outbox.mark(ti, rec.offset + 1);
                            }
                            r.written = rec.offset + 1;
                            self.remaining -= 1;
                        }
                    }
                    // Offsets a compaction removed at the end of the batch count as passed.
                    if self.remaining > 0 {
                        r.written = r.written.max(h.next_offset());
                        if !exec {
                            self.outbox.mark(ti, r.written);
                        }
                    }
                }
                if let Some(from) = self.reading.get_mut(&tp).and_then(|r| r.feed.take_reset()).filter(|_| !self.quiet)
                {
                    eprintln!(
                        "klog: group {}: {}-{}: offset {} was deleted; continuing from the log start",
                        self.member.group(),
                        tp.0,
                        tp.1,
                        from
                    );
                }
                if self.outbox.buf.len() >= 1 << 20 {
                    self.outbox.drain(&mut self.reading)?;
                }
                if exec {
                    for chunk in staged.chunks(self.a.group.exec_batch) {
                        let next = chunk.last().map_or(0, |(o, _)| o + 1);
                        let input: Vec<u8> = chunk.iter().flat_map(|(_, b)| b.iter().copied()).collect();
                        if !self.run_exec(&tp, &input, chunk[0].0, next)? {
                            return Ok(true);
                        }
                    }
                    let r = self.reading.get_mut(&tp).expect("owned");
                    r.processed = r.written;
                }
            }
        }
        Ok(progressed)
    }

    /// Runs --exec for records [first, next); on success marks them processed (and commits with
    /// --commit manual). Returns false when the command failed.
    fn run_exec(&mut self, tp: &Tp, input: &[u8], first: i64, next: i64) -> Result<bool> {
        let cmd = self.a.group.exec.as_deref().expect("exec mode");
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(cmd)
            .env("KLOG_TOPIC", &tp.0)
            .env("KLOG_PARTITION", tp.1.to_string())
            .env("KLOG_OFFSET", first.to_string())
            .stdin(Stdio::piped())
            .spawn()
            .map_err(|e| Error::Invalid(format!("cannot run --exec command: {}", e)))?;
        if let Some(mut stdin) = child.stdin.take() {
            // A command that does not read its input is fine.
            let _ = stdin.write_all(input);
        }
        let status = child.wait().map_err(|e| Error::Invalid(format!("--exec command: {}", e)))?;
        if !status.success() {
            let code = status.code().filter(|c| *c != 0).unwrap_or(1);
            eprintln!(
                "klog: group {}: --exec failed with status {} at {}-{} offset {}; it will be delivered again",
                self.member.group(),
                code,
                tp.0,
                tp.1,
                first
            );
            self.exec_failed = Some(code);
            return Ok(false);
        }
        let r = self.reading.get_mut(tp).expect("owned");
        r.processed = next;
        if self.a.group.commit == CommitMode::Manual {
            self.commit(std::slice::from_ref(tp))?;
        }
        Ok(true)
    }
}

pub fn run(ctx: &Ctx, a: ConsumeArgs) -> Result<i32> {
    let group = a.group.group.clone().expect("group mode");
    if !a.partitions.is_empty() {
        return Err(Error::Usage("-p cannot be used with --group: the group assigns partitions".into()));
    }
    if a.group.exec_batch == 0 {
        return Err(Error::Usage("--exec-batch must be at least 1".into()));
    }
    let plan = a.plan()?;
    if plan.stop_ms.is_some() {
        return Err(Error::Usage("-o e@TIME cannot be used with --group (as with kcat -G)".into()));
    }
    if a.from_beginning && a.group.reset != ResetPolicy::Latest {
        return Err(Error::Usage("--from-beginning is --reset earliest for a group member: give one of them".into()));
    }
    let explicit = plan.start;
    let output = Output::from_args(&a)?;
    for t in &plan.topics {
        crate::datadir::validate_topic_name(t)?;
    }
    let cat = Arc::new(Catalog::open(ctx)?);
    let home = cat.group_home_for(&group, &plan.topics)?;
    super::signals::install_stop_handlers();
    let opts = MemberOptions {
        strategy: strategy(a.group.assignment),
        session_timeout_ms: a.group.session_timeout_ms,
        max_poll_interval_ms: a.group.max_poll_interval_ms,
        client_id: a.group.client_id.clone(),
        lock_timeout: ctx.lock_timeout,
    };
    let member = Member::join(&home, cat.clone(), &group, &plan.topics, opts)?;
    let mut runner = Runner {
        lock_timeout: ctx.lock_timeout,
        home: &home,
        cat: &cat,
        a: &a,
        member,
        output,
        reading: BTreeMap::new(),
        pending: BTreeMap::new(),
        explicit,
        reset: if a.from_beginning { ResetPolicy::Earliest } else { a.group.reset },
        exit_at_end: plan.exit_at_end,
        quiet: ctx.quiet,
        remaining: a.count.unwrap_or(u64::MAX),
        last_commit: Instant::now(),
        exec_failed: None,
        outbox: Outbox::new(),
    };
    runner.say(format!(
        "joined as {} (topics {})",
        runner.member.id(),
        runner.member.topics().iter().cloned().collect::<Vec<_>>().join(", ")
    ));
    grow_stdout_pipe();
    let result = run_loop(&mut runner);
    // On every way out, commit what was processed (a position advances only once its records
    // were flushed to stdout or handled by --exec, so this is always safe), then leave so the
    // other members take over at once.
    let committed = if runner.a.group.commit == CommitMode::None { Ok(()) } else { runner.commit_all() };
    let Runner { member, exec_failed, .. } = runner;
    let left = member.leave();
    result?;
    committed?;
    for w in left? {
        eprintln!("klog: warning: {}", w);
    }
    Ok(exec_failed.unwrap_or(EXIT_OK))
}

fn run_loop(r: &mut Runner) -> Result<()> {
    let auto_every = Duration::from_millis(r.a.group.auto_commit_interval_ms);
    let mut leader_wait = LeaderWait::default();
    let mut last_poll = Instant::now() - Duration::from_secs(1);
    loop {
        if super::signals::stop_requested() || r.remaining == 0 || r.exec_failed.is_some() {
            return r.outbox.drain(&mut r.reading);
        }
        // Poll every 50 ms; every 5 ms while assigned partitions wait for their previous owner.
        let poll_every = Duration::from_millis(if r.member.settled() { 50 } else { 5 });
        if last_poll.elapsed() >= poll_every {
            r.outbox.drain(&mut r.reading)?;
            r.rebalance_step()?;
            last_poll = Instant::now();
        }
        let progressed = r.consume_round()?;
        r.outbox.drain(&mut r.reading)?;
        if r.a.group.commit == CommitMode::Manual && r.a.group.exec.is_none() {
            r.commit_all()?;
        }
        if r.a.group.commit == CommitMode::Auto && r.last_commit.elapsed() >= auto_every {
            r.commit_all()?;
            r.last_commit = Instant::now();
        }
        if !progressed {
            let all_at_end = r.reading.values().all(|x| x.at_end) && r.pending.is_empty() && r.member.settled();
            if r.exit_at_end && all_at_end && r.member.generation() >= 0 {
                return Ok(());
            }
            // -e waits for a partition's leader as long as for a lock, then names the partitions.
            let waiting: Vec<String> = r
                .pending
                .keys()
                .chain(r.reading.iter().filter(|(_, x)| !x.feed.available()).map(|(tp, _)| tp))
                .map(|(t, p)| format!("{}-{}", t, p))
                .collect();
            if r.exit_at_end {
                leader_wait.check(&waiting, r.lock_timeout)?;
            }
            std::thread::sleep(Duration::from_millis(if r.member.settled() { 20 } else { 5 }));
        }
    }
}
