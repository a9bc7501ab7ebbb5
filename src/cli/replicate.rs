//! `klog replicate`: one follower data directory copies its leader's batches. Renders the
//! passes `crate::replica` makes: one line per partition that changed and a summary line, or
//! JSON. Invariant: all writing happens in the core under the follower's partition locks; this
//! file only chooses the partitions and prints.

use super::{out, out_json, Ctx, EXIT_OK};
use crate::datadir::DataDir;
use crate::error::{Error, Result};
use crate::meta::MetaStore;
use crate::replica::{self, PassReport};
use serde_json::json;
use std::path::{Path, PathBuf};
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
cluster, replicating a directory to itself, a topic of the same name with another topic id; a \
follower holding a leader epoch newer than every epoch of its leader (a stale leader) exits 3.";

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

fn open_dir(p: &Path, role: &str) -> Result<DataDir> {
    if !p.exists() {
        return Err(Error::NotFound(format!("{} data directory {} does not exist", role, p.display())));
    }
    DataDir::open(p)
}

/// The store both directories belong to, if any. Directories of different clusters, or one
/// member and one standalone, are an error.
fn common_store(ctx: &Ctx, a: &DataDir, b: &DataDir) -> Result<Option<MetaStore>> {
    let canon = |p: Option<PathBuf>| p.map(|p| std::fs::canonicalize(&p).unwrap_or(p));
    let (ma, mb) = (canon(a.meta_store_path()?), canon(b.meta_store_path()?));
    let store_path = match (&ctx.meta, ma, mb) {
        (Some(m), _, _) => Some(m.clone()),
        (None, Some(x), Some(y)) if x == y => Some(x),
        (None, None, None) => None,
        (None, x, y) => {
            return Err(Error::Invalid(format!(
                "{} and {} belong to different clusters (metadata stores {} and {})",
                a.root().display(),
                b.root().display(),
                x.map_or("none".into(), |p| p.display().to_string()),
                y.map_or("none".into(), |p| p.display().to_string())
            )))
        }
    };
    let Some(path) = store_path else { return Ok(None) };
    let store = MetaStore::open(&path)?.with_lock_timeout(ctx.lock_timeout);
    let cid = store.load()?.cluster_id;
    for d in [a, b] {
        let have = d.cluster_id()?;
        if have != cid {
            return Err(Error::Invalid(format!(
                "data directory {} belongs to cluster {}, not {} of metadata store {}",
                d.root().display(),
                have,
                cid,
                path.display()
            )));
        }
    }
    Ok(Some(store))
}

/// One partition's pass, with a progress bar on stderr when it is a terminal (not with --json).
fn replicate_one(
    a: &ReplicateArgs,
    from: &DataDir,
    to: &DataDir,
    t: &crate::datadir::TopicMeta,
    p: i32,
    assignment: replica::Assignment,
) -> Result<PassReport> {
    use std::io::IsTerminal;
    let tty = !a.json && std::io::stderr().is_terminal();
    let mut shown = false;
    let mut bar = |at: i64, end: i64| {
        if tty {
            let width = 40usize;
            let done = if end > 0 { ((at.max(0) as f64 / end as f64) * width as f64) as usize } else { width };
            let done = done.min(width);
            eprint!("\r{}-{} [{}{}] {}/{}", t.name, p, "#".repeat(done), " ".repeat(width - done), at, end);
            shown = true;
        }
    };
    let r = replica::replicate_partition_with_progress(from, to, t, p, assignment, None, &mut bar);
    if shown {
        eprint!("\r\x1b[K");
    }
    r
}

fn one_pass(
    ctx: &Ctx,
    a: &ReplicateArgs,
    from: &DataDir,
    to: &DataDir,
    store: Option<&MetaStore>,
) -> Result<Vec<PassReport>> {
    let mut reports = Vec::new();
    let wanted = |t: &str, p: i32| a.topic.as_deref().is_none_or(|x| x == t) && a.partition.is_none_or(|x| x == p);
    match store {
        Some(store) => {
            let snap = store.load()?;
            let leader_id = snap
                .broker_for_dir(from.root())
                .ok_or_else(|| Error::Invalid(format!("{} is not a broker of the cluster", from.root().display())))?;
            let follower_id = snap
                .broker_for_dir(to.root())
                .ok_or_else(|| Error::Invalid(format!("{} is not a broker of the cluster", to.root().display())))?;
            if let Some(t) = &a.topic {
                snap.topic(t)?;
            }
            for (name, t) in &snap.topics {
                for (p, ps) in t.partitions.iter().enumerate() {
                    let p = p as i32;
                    if !wanted(name, p) || ps.leader != leader_id || !ps.replicas.contains(&follower_id) {
                        continue;
                    }
                    let tm = replica::topic_meta(&snap, name)?;
                    reports.push(replicate_one(a, from, to, &tm, p, Some((store, follower_id)))?);
                    // A follower that caught up rejoins the ISR; the HW moves.
                    replica::sync_partition(store, name, p, false, ctx.lock_timeout)?;
                }
            }
            if a.partition.is_some() && reports.is_empty() {
                return Err(Error::Invalid(format!(
                    "broker {} does not follow broker {} for {}-{}",
                    follower_id,
                    leader_id,
                    a.topic.as_deref().unwrap_or(""),
                    a.partition.unwrap_or(0)
                )));
            }
        }
        None => {
            let topics = match &a.topic {
                Some(t) => vec![from.topic(t)?],
                None => from.topics()?,
            };
            for t in topics {
                if let Some(p) = a.partition {
                    from.check_partition(&t, p)?;
                }
                for p in from.existing_partitions(&t)? {
                    if wanted(&t.name, p) {
                        reports.push(replicate_one(a, from, to, &t, p, None)?);
                    }
                }
            }
        }
    }
    Ok(reports)
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
    let me = ctx.open()?;
    let store = ctx.store()?.ok_or_else(|| {
        Error::Usage(format!("{} is not a cluster member (klog init --meta DIR)", me.root().display()))
    })?;
    let snap = store.load()?;
    let id = snap.broker_for_dir(me.root()).ok_or_else(|| {
        Error::Invalid(format!("{} is not a broker of the cluster of {}", me.root().display(), store.root().display()))
    })?;
    replica::broker_dir(&snap, id, ctx.lock_timeout)?;
    let lock_path = me.root().join(crate::datadir::KLOG_DIR).join("locks").join("broker.lock");
    let _alive = crate::lock::lock_exclusive(&lock_path, Duration::from_millis(0), &format!("broker {} agent", id))?;
    // Registered: from now on, this agent dying (its lock released) fails the broker. SIGINT or
    // SIGTERM stop it cleanly, unregistered, after the pass under way.
    super::signals::install_stop_handlers();
    store.set_broker_agent(id, true)?;
    let result = agent_loop(ctx, &me, &store, id, poll_ms, passes, json);
    if result.is_ok() {
        store.set_broker_agent(id, false)?;
    }
    result
}

/// The last warning said per partition (partition -1: the whole topic), so that a failure
/// repeating every pass of an agent is said once.
#[derive(Default)]
struct WarnOnce(std::collections::BTreeMap<(String, i32), String>);

impl WarnOnce {
    /// Says `klog: warning: WHAT: MSG` unless it is what was said last for `key`.
    fn say(&mut self, key: (String, i32), what: &str, msg: String) {
        if self.0.get(&key) != Some(&msg) {
            eprintln!("klog: warning: {}: {}", what, msg);
            self.0.insert(key, msg);
        }
    }

    /// Forgets `key`'s warning; returns whether there was one.
    fn forget(&mut self, key: &(String, i32)) -> bool {
        self.0.remove(key).is_some()
    }
}

/// The passes of a broker agent, until `passes` or a stop request.
fn agent_loop(
    ctx: &Ctx,
    me: &DataDir,
    store: &MetaStore,
    id: i32,
    poll_ms: u64,
    passes: Option<u64>,
    json: bool,
) -> Result<i32> {
    let mut n = 0u64;
    let mut warned = WarnOnce::default();
    loop {
        let snap = store.load()?;
        let mut reports = Vec::new();
        // Copies of topics deleted from the cluster while this broker was unreachable.
        for (name, ids) in &snap.deleted_topics {
            match replica::admin::delete_copy(me, name, ids) {
                Ok(true) => eprintln!("klog: {}: deleted this broker's copy of the deleted topic", name),
                Ok(false) => {}
                Err(e) => {
                    warned.say((name.clone(), -1), name, format!("cannot delete the copy of a deleted topic: {}", e))
                }
            }
        }
        for (name, t) in &snap.topics {
            for (p, ps) in t.partitions.iter().enumerate() {
                let p = p as i32;
                if !ps.replicas.contains(&id) {
                    // A copy of a partition reassigned away (its deletion failed, or this broker
                    // was unreachable then) is a stray: delete it, as Kafka does.
                    if !t.topic_id.is_empty() && me.partition_topic_id(name, p).is_some_and(|tid| tid == t.topic_id) {
                        match me.delete_partition_replica(name, p) {
                            Ok(true) => eprintln!("klog: {}-{}: deleted a stray copy (not a replica here)", name, p),
                            Ok(false) => {}
                            Err(e) => warned.say(
                                (name.clone(), p),
                                &format!("{}-{}", name, p),
                                format!("cannot delete a stray copy: {}", e),
                            ),
                        }
                    }
                    continue;
                }
                if ps.leader == id || ps.leader < 0 {
                    continue;
                }
                let pass = replica::broker_dir(&snap, ps.leader, ctx.lock_timeout).and_then(|leader| {
                    let tm = replica::topic_meta(&snap, name)?;
                    let r = replica::replicate_partition(&leader, me, &tm, p, Some((store, id)))?;
                    replica::sync_partition(store, name, p, false, ctx.lock_timeout)?;
                    Ok(r)
                });
                let key = (name.clone(), p);
                match pass {
                    Ok(r) => {
                        if warned.forget(&key) {
                            eprintln!("klog: {}-{}: replicating again", name, p);
                        }
                        reports.push(r)
                    }
                    Err(e) => {
                        let msg = match e {
                            Error::Conflict(_) => format!("{}", e),
                            _ => format!("replication pass failed, retrying: {}", e),
                        };
                        warned.say(key, &format!("{}-{}", name, p), msg);
                    }
                }
            }
        }
        let changed = reports.iter().any(|r| r.batches > 0 || r.truncated_to.is_some());
        if changed {
            if json {
                let parts: Vec<_> = reports
                    .iter()
                    .filter(|r| r.batches > 0 || r.truncated_to.is_some())
                    .map(|r| json!({"topic": r.topic, "partition": r.partition, "truncated_to": r.truncated_to,
                                    "batches": r.batches, "bytes": r.bytes, "follower_end_offset": r.follower_end_offset}))
                    .collect();
                out_json(&json!({"broker": id, "partitions": parts}))?;
            } else {
                let batches: u64 = reports.iter().map(|r| r.batches).sum();
                out(&format!("broker {}: copied {} batch(es) into {} partition(s)\n", id, batches, reports.len()))?;
            }
        }
        n += 1;
        if passes.is_some_and(|max| n >= max) || super::signals::stop_requested() {
            return Ok(EXIT_OK);
        }
        let until = std::time::Instant::now() + Duration::from_millis(poll_ms.max(1));
        while std::time::Instant::now() < until && !super::signals::stop_requested() {
            std::thread::sleep(Duration::from_millis(poll_ms.clamp(1, 20)));
        }
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
    let from = open_dir(&a.from, "leader")?.with_lock_timeout(ctx.lock_timeout);
    let to = open_dir(&a.to, "follower")?.with_lock_timeout(ctx.lock_timeout);
    if std::fs::canonicalize(from.root()).ok() == std::fs::canonicalize(to.root()).ok() {
        return Err(Error::Invalid(format!("cannot replicate {} to itself", a.from.display())));
    }
    let store = common_store(ctx, &from, &to)?;
    let reports = one_pass(ctx, &a, &from, &to, store.as_ref())?;
    render(&a, &reports, false)?;
    if !a.follow {
        return Ok(EXIT_OK);
    }
    loop {
        std::thread::sleep(Duration::from_millis(a.poll_ms.max(1)));
        match one_pass(ctx, &a, &from, &to, store.as_ref()) {
            Ok(reports) => render(&a, &reports, true)?,
            // A stale leader or a held lock past its timeout ends the loop (exit 3); other
            // failures (a directory unavailable for a moment) are reported and retried.
            Err(e @ Error::Conflict(_)) => return Err(e),
            Err(e) => eprintln!("klog: warning: replication pass failed, retrying: {}", e),
        }
    }
}
