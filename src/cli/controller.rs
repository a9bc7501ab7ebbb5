//! `klog controller run|elect|status` and `klog leader-election`: rendering only; election,
//! failure detection and leader changes are in `crate::controller`. Invariant: every line this
//! file prints describes a decision the store has already recorded.

use super::{out, out_json, Ctx, EXIT_FAILURE, EXIT_OK};
use crate::controller::{self, Decision, ElectionResult, ElectionScope, ElectionType, RoundReport};
use crate::error::{Error, Result};
use crate::meta::MetaStore;
use crate::output::table;
use serde_json::json;
use std::collections::BTreeMap;
use std::time::Duration;

pub const RUN_LONG_ABOUT: &str = "\
Be a controller candidate for the cluster of --meta.

The candidate that takes the controller lock (.klog-meta/controller.lock in the store) becomes \
the controller: it bumps the controller epoch and records itself (pid, --broker-id) in the \
change log, then checks the brokers every --interval-ms. The others wait, trying the lock every \
--poll-ms, and one of them takes over when the controller dies (SIGKILL included).

A broker has failed when its data directory is unreachable, holds another broker.id or \
cluster.id, or its `klog broker run` agent registered in the store and is no longer running \
(an agent stopped with SIGINT or SIGTERM unregisters). When a leader \
fails, the first live in-sync replica in assignment order leads at the next leader epoch and \
the ISR keeps only live members; with no live in-sync replica the partition goes offline \
(leader -1) unless the topic sets unclean.leader.election.enable=true, which elects a live \
out-of-sync replica and reports the offsets it lacked as data loss. A broker that comes back \
is a follower: `klog replicate` or `klog broker run` truncates it, catches it up and returns it \
to the ISR.

Output: a line per election, broker state change and decision (or --json, one object each). \
Runs until killed; exits 3 if the store moved to another controller epoch (fenced).";

#[derive(Debug, clap::Subcommand)]
pub enum ControllerCommand {
    /// Be a controller candidate: wait for the controller lock, then detect failed brokers and
    /// move leadership until killed.
    #[command(long_about = RUN_LONG_ABOUT)]
    Run {
        /// The broker id this controller runs beside (recorded with its election).
        #[arg(long, value_parser = clap::value_parser!(i32).range(0..))]
        broker_id: Option<i32>,
        /// Time between failure-detection rounds, in ms (at most 200).
        #[arg(long, default_value_t = 100, value_name = "MS", value_parser = clap::value_parser!(u64).range(1..=200))]
        interval_ms: u64,
        /// Time between tries of the controller lock while waiting, in ms.
        #[arg(long, default_value_t = 20, value_name = "MS", value_parser = clap::value_parser!(u64).range(1..=1000))]
        poll_ms: u64,
        /// Print JSON, one object per event.
        #[arg(long)]
        json: bool,
    },
    /// One round of controller work in the foreground (for cron or scripts): take the lock,
    /// act, release. Exits 3 if a controller is running.
    Elect {
        /// The broker id recorded with this election.
        #[arg(long, value_parser = clap::value_parser!(i32).range(0..))]
        broker_id: Option<i32>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show the controller, its epoch, the brokers and offline and under-replicated partitions.
    Status {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

fn need_store(ctx: &Ctx) -> Result<MetaStore> {
    ctx.loc.store()?.ok_or_else(|| Error::Usage("no cluster: pass --meta DIR (the cluster's metadata store)".into()))
}

/// What an unclean election loses, as far as the readable replicas tell: the offsets past the
/// new leader's end that another replica held, and, for replicas that could not be read, that
/// their records past that end are lost too (how many shows when they return and truncate).
fn data_loss_text(l: &crate::controller::DataLoss) -> String {
    let mut s = String::from("; DATA LOSS: ");
    if l.to > l.from {
        s.push_str(&format!("offsets {}..{} ({} record(s)) are lost", l.from, l.to - 1, l.to - l.from));
        if !l.unreadable.is_empty() {
            s.push_str(&format!(
                ", and whatever unreadable replicas {} held beyond",
                crate::output::join_ids(&l.unreadable)
            ));
        }
    } else {
        s.push_str(&format!(
            "whatever unreadable replicas {} held from offset {} on is lost (the count shows when they return and truncate to it)",
            crate::output::join_ids(&l.unreadable),
            l.from
        ));
    }
    s
}

fn decision_line(d: &Decision) -> String {
    let mut s = format!(
        "{}-{}: {}: leader {} -> {} at leader epoch {}, isr {}",
        d.topic,
        d.partition,
        d.kind,
        d.old_leader,
        d.leader,
        d.leader_epoch,
        crate::output::join_ids(&d.isr)
    );
    if let Some(l) = &d.data_loss {
        s.push_str(&data_loss_text(l));
    }
    s.push('\n');
    s
}

/// Prints a round's decisions, and brokers whose state changed since `last`.
fn render_round(r: &RoundReport, last: &mut BTreeMap<i32, bool>, json: bool) -> Result<()> {
    for b in &r.brokers {
        if last.insert(b.broker, b.alive) != Some(b.alive) {
            if json {
                out_json(&json!({"event": "broker", "broker": b.broker, "alive": b.alive, "reason": b.reason}))?;
            } else if b.alive {
                out(&format!("broker {}: live{}\n", b.broker, if b.agent { " (agent running)" } else { "" }))?;
            } else {
                out(&format!("broker {}: failed: {}\n", b.broker, b.reason))?;
            }
        }
    }
    for d in &r.decisions {
        if json {
            out_json(&json!({"event": "decision", "decision": d}))?;
        } else {
            out(&decision_line(d))?;
        }
    }
    Ok(())
}

fn elected_line(c: &controller::Controller, json: bool) -> Result<()> {
    let i = c.info();
    if json {
        return out_json(&json!({"event": "elected", "controller_epoch": i.epoch, "pid": i.pid, "broker": i.broker}));
    }
    out(&format!(
        "controller: elected at controller epoch {} (pid {}{})\n",
        i.epoch,
        i.pid,
        i.broker.map_or(String::new(), |b| format!(", broker {}", b))
    ))
}

pub fn run(ctx: &Ctx, cmd: ControllerCommand) -> Result<i32> {
    let store = need_store(ctx)?;
    match cmd {
        ControllerCommand::Run { broker_id, interval_ms, poll_ms, json } => {
            let mut said = false;
            let mut waiting = || {
                if !said {
                    said = true;
                    let who =
                        store.load().ok().and_then(|s| s.controller).map_or(String::new(), |c| {
                            format!(" (held by pid {}, controller epoch {})", c.pid, c.epoch)
                        });
                    let _ = if json {
                        out_json(&json!({"event": "waiting"}))
                    } else {
                        out(&format!("controller: waiting for the controller lock{}\n", who))
                    };
                }
                false
            };
            let mut c = controller::acquire(&store, broker_id, Duration::from_millis(poll_ms), &mut waiting)?;
            elected_line(&c, json)?;
            let mut last = BTreeMap::new();
            controller::run_loop(
                &mut c,
                Duration::from_millis(interval_ms),
                &mut |r| render_round(r, &mut last, json),
                &mut |e| eprintln!("klog: warning: controller round failed (retrying): {}", e),
                &mut || false,
            )?;
            Ok(EXIT_OK)
        }
        ControllerCommand::Elect { broker_id, json } => {
            let Some(mut c) = controller::try_acquire(&store, broker_id)? else {
                let who = store.load()?.controller.map_or(String::from("unknown"), |c| {
                    format!(
                        "pid {}{}, controller epoch {}",
                        c.pid,
                        c.broker.map_or(String::new(), |b| format!(", broker {}", b)),
                        c.epoch
                    )
                });
                return Err(Error::Conflict(format!("a controller is running ({}); not electing another", who)));
            };
            let r = c.round()?;
            if json {
                out_json(&json!({"controller_epoch": c.epoch(), "pid": c.info().pid, "brokers": r.brokers,
                    "decisions": r.decisions, "deferred": r.deferred}))?;
            } else {
                elected_line(&c, false)?;
                render_round(&r, &mut BTreeMap::new(), false)?;
                for d in &r.deferred {
                    out(&format!("deferred: {}\n", d))?;
                }
            }
            Ok(EXIT_OK)
        }
        ControllerCommand::Status { json } => {
            let s = controller::status(&store)?;
            if json {
                out_json(&serde_json::to_value(&s).map_err(|e| Error::Invalid(e.to_string()))?)?;
                return Ok(EXIT_OK);
            }
            let who = match (&s.controller, s.active) {
                (Some(c), true) => format!(
                    "pid {}{}, since {}",
                    c.pid,
                    c.broker.map_or(String::new(), |b| format!(", broker {}", b)),
                    crate::timefmt::format_rfc3339_ms(c.since_ms)
                ),
                (Some(c), false) => {
                    format!("none running (the last was pid {} at controller epoch {})", c.pid, c.epoch)
                }
                (None, _) => "none elected yet".into(),
            };
            let mut text = format!("Controller: {}\nControllerEpoch: {}\n", who, s.controller_epoch);
            text.push_str(&table(
                &["BROKER", "DATA-DIR", "STATE"],
                s.brokers.iter().map(|b| {
                    let state = if b.alive {
                        if b.agent {
                            "live, agent running".to_string()
                        } else {
                            "live".to_string()
                        }
                    } else {
                        format!("failed: {}", b.reason)
                    };
                    vec![b.broker.to_string(), b.data_dir.display().to_string(), state]
                }),
            ));
            text.push_str(&format!("OfflinePartitions: {}\n", s.offline.join(",")));
            text.push_str(&format!("UnderReplicatedPartitions: {}\n", s.under_replicated.join(",")));
            out(&text)?;
            Ok(EXIT_OK)
        }
    }
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ElectionKind {
    Preferred,
    Unclean,
}

#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("target").required(true).args(["topic", "all"]))]
pub struct LeaderElectionArgs {
    /// preferred: move leadership back to the first assigned replica when it is live and in
    /// sync; unclean: give partitions without a live leader one, from outside the ISR if need be
    /// (records only the old ISR held are lost).
    #[arg(long = "type", visible_alias = "election-type", value_enum)]
    pub kind: ElectionKind,
    /// The topic (with --partition).
    #[arg(long, requires = "partition")]
    pub topic: Option<String>,
    /// The partition of --topic.
    #[arg(long, requires = "topic", value_parser = clap::value_parser!(i32).range(0..))]
    pub partition: Option<i32>,
    /// Every partition of the cluster.
    #[arg(long, conflicts_with_all = ["topic", "partition"])]
    pub all: bool,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn leader_election(ctx: &Ctx, a: LeaderElectionArgs) -> Result<i32> {
    let store = need_store(ctx)?;
    let kind = match a.kind {
        ElectionKind::Preferred => ElectionType::Preferred,
        ElectionKind::Unclean => ElectionType::Unclean,
    };
    let scope = match (a.topic, a.partition) {
        (Some(t), Some(p)) => ElectionScope::Partition(crate::TopicPartition::new(t, p)),
        _ => ElectionScope::All,
    };
    let outcomes = controller::elect(&store, kind, &scope)?;
    if a.json {
        out_json(&json!({"outcomes": outcomes}))?;
    } else {
        for o in &outcomes {
            match &o.decision {
                Some(d) => out(&decision_line(d))?,
                None => out(&format!("{}-{}: {}: {}\n", o.topic, o.partition, o.result, o.message))?,
            }
        }
    }
    Ok(if outcomes.iter().any(|o| o.result == ElectionResult::Failed) { EXIT_FAILURE } else { EXIT_OK })
}
