//! `klog replicate` and `klog broker run`: parse, call `app::broker`, render its passes (one
//! line per partition that changed and a summary line, or JSON) and its events. All writing
//! happens in the core under the follower's partition locks.

use super::{out, out_json, Ctx, EXIT_OK};
use crate::app::broker::{AgentEvent, AgentPass, AgentTask, BrokerAgent, Pair, Scope};
use crate::error::Result;
use crate::replica::PassReport;
use serde_json::json;
use std::path::PathBuf;
use std::time::Duration;

pub const LONG_ABOUT: &str = "\
Copy a leader's batches into a follower data directory.

For every partition that --to follows and --from leads (per the cluster metadata store), or, \
without a store, every partition of --from: first the divergence check (the follower asks the \
leader where its latest leader epoch ends and truncates there, KIP-101/KIP-279), then the \
batches after the follower's log end are copied whole and byte for byte, keeping their offsets \
and leader epochs. The follower's partition lock is held while writing; the leader is read \
without locks. In a cluster, a follower that caught up rejoins the ISR and the high watermark \
moves. A follower behind the leader's log start starts over there. One pass by default; \
--follow keeps replicating as the leader grows. Progress: a bar on stderr when it is a \
terminal, a line per changed partition and a summary line on stdout, or --json.

Errors (nothing changed): a follower directory that is missing, read-only or of another \
cluster, a topic of the same name with another topic id (exit 1); replicating a directory to \
itself (exit 2); a follower holding a leader epoch newer than every epoch of its leader (a \
stale leader) exits 3.";

#[derive(Debug, clap::Args)]
pub struct ReplicateArgs {
    /// The leader's data directory.
    #[arg(long, value_name = "DIR")]
    pub from: PathBuf,
    /// The follower's data directory (it must exist: `klog init`).
    #[arg(long, value_name = "DIR")]
    pub to: PathBuf,
    /// Only this topic.
    #[arg(long)]
    pub topic: Option<String>,
    /// Only this partition (with --topic).
    #[arg(long, requires = "topic", value_parser = clap::value_parser!(i32).range(0..))]
    pub partition: Option<i32>,
    /// Keep replicating: a pass every --poll-ms until killed (a failed pass is reported on
    /// stderr and retried; a conflict such as a stale leader ends it with exit 3).
    #[arg(long)]
    pub follow: bool,
    /// Pause between passes with --follow, in ms.
    #[arg(long, default_value_t = 200, value_name = "MS")]
    pub poll_ms: u64,
    /// Print JSON, one object per pass.
    #[arg(long)]
    pub json: bool,
}

/// One pass, with a progress bar on stderr when it is a terminal (not with --json).
fn one_pass(a: &ReplicateArgs, pair: &Pair, scope: &Scope) -> Result<Vec<PassReport>> {
    use std::io::IsTerminal;
    let tty = !a.json && std::io::stderr().is_terminal();
    let mut shown = false;
    let mut bar = |topic: &str, p: i32, at: i64, end: i64| {
        if tty {
            let width = 40usize;
            let done = if end > 0 { ((at.max(0) as f64 / end as f64) * width as f64) as usize } else { width };
            let done = done.min(width);
            eprint!("\r{}-{} [{}{}] {}/{}", topic, p, "#".repeat(done), " ".repeat(width - done), at, end);
            shown = true;
        }
    };
    let r = pair.pass(scope, &mut bar);
    if shown {
        eprint!("\r\x1b[K");
    }
    r
}

#[derive(Debug, clap::Subcommand)]
pub enum BrokerCommand {
    /// Keep every partition this data directory follows replicating from its current leader
    /// (per the metadata store), holding the broker's liveness lock while it runs. It registers
    /// in the store; if it dies registered, the controller fails the broker. SIGINT or SIGTERM
    /// stop it cleanly (unregistered).
    Run {
        /// Pause between passes, in ms.
        #[arg(long, default_value_t = 200, value_name = "MS")]
        poll_ms: u64,
        /// Stop after this many passes (default: run until SIGINT or SIGTERM).
        #[arg(long, value_name = "N")]
        passes: Option<u64>,
        /// Print JSON, one object per pass that changed something.
        #[arg(long)]
        json: bool,
    },
}

/// `klog broker run`: a follower agent for one data directory.
pub fn broker(ctx: &Ctx, cmd: BrokerCommand) -> Result<i32> {
    let BrokerCommand::Run { poll_ms, passes, json } = cmd;
    // SIGINT or SIGTERM stop the agent cleanly, unregistered, after the pass under way.
    super::install_stop_handlers();
    let mut agent = BrokerAgent::start(&ctx.loc)?;
    let stop = super::stop_requested;
    agent.run(Duration::from_millis(poll_ms), passes, &stop, &mut |agent, pass| {
        render_agent_pass(agent.id(), pass, json)
    })?;
    agent.stop()?;
    Ok(EXIT_OK)
}

fn render_agent_pass(id: i32, pass: AgentPass, json: bool) -> Result<()> {
    for ev in &pass.events {
        match ev {
            AgentEvent::DeletedTopicCopy { topic } => {
                eprintln!("klog: {}: deleted this broker's copy of the deleted topic", topic)
            }
            AgentEvent::DeletedStrayCopy { topic, partition } => {
                eprintln!("klog: {}-{}: deleted a stray copy (not a replica here)", topic, partition)
            }
            AgentEvent::Recovered { topic, partition } => eprintln!("klog: {}-{}: replicating again", topic, partition),
            AgentEvent::Failing { topic, partition, task, error } => {
                let what = partition.map_or_else(|| topic.clone(), |p| format!("{}-{}", topic, p));
                let msg = match (task, error) {
                    (AgentTask::DeleteTopicCopy, e) => format!("cannot delete the copy of a deleted topic: {}", e),
                    (AgentTask::DeleteStrayCopy, e) => format!("cannot delete a stray copy: {}", e),
                    (AgentTask::Replicate, e) if super::exit_code(e) == super::EXIT_CONFLICT => e.to_string(),
                    (AgentTask::Replicate, e) => format!("replication pass failed, retrying: {}", e),
                };
                eprintln!("klog: warning: {}: {}", what, msg);
            }
        }
    }
    if !pass.changed() {
        return Ok(());
    }
    let reports = &pass.reports;
    if json {
        let parts: Vec<_> = reports
            .iter()
            .filter(|r| r.batches > 0 || r.truncated_to.is_some())
            .map(|r| {
                json!({"topic": r.topic, "partition": r.partition, "truncated_to": r.truncated_to,
                            "batches": r.batches, "bytes": r.bytes, "follower_end_offset": r.follower_end_offset})
            })
            .collect();
        out_json(&json!({"broker": id, "partitions": parts}))
    } else {
        let batches: u64 = reports.iter().map(|r| r.batches).sum();
        out(&format!("broker {}: copied {} batch(es) into {} partition(s)\n", id, batches, reports.len()))
    }
}

fn render(a: &ReplicateArgs, reports: &[PassReport], quiet_if_idle: bool) -> Result<()> {
    let batches: u64 = reports.iter().map(|r| r.batches).sum();
    let bytes: u64 = reports.iter().map(|r| r.bytes).sum();
    let truncated = reports.iter().filter(|r| r.truncated_to.is_some()).count();
    if quiet_if_idle && batches == 0 && truncated == 0 {
        return Ok(());
    }
    if a.json {
        let parts: Vec<_> = reports
            .iter()
            .map(|r| {
                json!({"topic": r.topic, "partition": r.partition, "start_offset": r.start_offset,
                       "truncated_to": r.truncated_to, "batches": r.batches, "bytes": r.bytes,
                       "follower_end_offset": r.follower_end_offset, "leader_end_offset": r.leader_end_offset})
            })
            .collect();
        return out_json(&json!({"from": a.from, "to": a.to, "partitions": parts, "batches": batches, "bytes": bytes}));
    }
    let mut s = String::new();
    for r in reports.iter().filter(|r| r.batches > 0 || r.truncated_to.is_some()) {
        s.push_str(&format!("{}-{}: ", r.topic, r.partition));
        if let Some(t) = r.truncated_to {
            s.push_str(&format!(
                "truncated from {} to {} (diverged: offsets {}..{}, {} record(s) the leader does not have, dropped), ",
                r.start_offset,
                t,
                t,
                r.start_offset - 1,
                r.start_offset - t
            ));
        }
        s.push_str(&format!(
            "copied {} batch(es), {} bytes; log end offset {} (leader {})\n",
            r.batches, r.bytes, r.follower_end_offset, r.leader_end_offset
        ));
    }
    s.push_str(&format!(
        "replicated {} partition(s) from {} to {}: {} batch(es), {} bytes, {} truncated\n",
        reports.len(),
        a.from.display(),
        a.to.display(),
        batches,
        bytes,
        truncated
    ));
    out(&s)
}

pub fn run(ctx: &Ctx, a: ReplicateArgs) -> Result<i32> {
    if let Some(t) = &a.topic {
        crate::datadir::validate_topic_name(t)?;
    }
    let pair = Pair::open(&ctx.loc, &a.from, &a.to)?;
    let scope = Scope { topic: a.topic.clone(), partition: a.partition };
    let reports = one_pass(&a, &pair, &scope)?;
    render(&a, &reports, false)?;
    if !a.follow {
        return Ok(EXIT_OK);
    }
    loop {
        std::thread::sleep(Duration::from_millis(a.poll_ms.max(1)));
        match one_pass(&a, &pair, &scope) {
            Ok(reports) => render(&a, &reports, true)?,
            // A stale leader or a held lock past its timeout ends the loop (exit 3); other
            // failures (a directory unavailable for a moment) are reported and retried.
            Err(e) if super::exit_code(&e) == super::EXIT_CONFLICT => return Err(e),
            Err(e) => eprintln!("klog: warning: replication pass failed, retrying: {}", e),
        }
    }
}
