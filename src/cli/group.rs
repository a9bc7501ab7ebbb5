//! `klog group`: consumer-group administration, like kafka-consumer-groups: list, describe
//! (offsets and lag, members, state), reset-offsets, delete, delete-offsets and commit. Commands
//! that change offsets take the group's lock (so two resets run one after the other) and refuse
//! while the group has live members, who own its commits.

use super::{out, out_json, Ctx, EXIT_OK};
use crate::app::catalog::Catalog;
use crate::app::fetch::parse_time;
use crate::datadir::DataDir;
use crate::error::{Error, Result};
use crate::group::member::{self, GroupState};
use crate::group::offsets::{self, group_dir, Change, GroupOffsets};
use crate::group::{list_groups, Tp};
use crate::output::table;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, clap::Subcommand)]
pub enum GroupCommand {
    /// List groups with their state (also those only __consumer_offsets records, as from Kafka).
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show a group's committed offsets, log end offsets, lag and owners (or members, or state).
    Describe {
        /// The group id (or --group).
        #[arg(value_name = "GROUP", required_unless_present = "group_opt")]
        group_pos: Option<String>,
        /// The group id: kafka-consumer-groups' spelling of GROUP.
        #[arg(long = "group", id = "group_opt", value_name = "GROUP", conflicts_with = "group_pos")]
        group_opt: Option<String>,
        #[arg(skip)]
        group: String,
        /// Show the members instead: id, host, pid, assigned partitions.
        #[arg(long, conflicts_with = "state")]
        members: bool,
        /// Show the group's state instead: protocol, generation, member count.
        #[arg(long)]
        state: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Reset committed offsets (the group must have no live members).
    ResetOffsets(ResetArgs),
    /// Delete a group: its offsets (as tombstones in __consumer_offsets) and its state.
    Delete {
        /// The group id (or --group).
        #[arg(value_name = "GROUP", required_unless_present = "group_opt")]
        group_pos: Option<String>,
        /// The group id: kafka-consumer-groups' spelling of GROUP.
        #[arg(long = "group", id = "group_opt", value_name = "GROUP", conflicts_with = "group_pos")]
        group_opt: Option<String>,
        #[arg(skip)]
        group: String,
    },
    /// Delete a group's offsets for a topic.
    DeleteOffsets {
        /// The group id (or --group).
        #[arg(value_name = "GROUP", required_unless_present = "group_opt")]
        group_pos: Option<String>,
        /// The group id: kafka-consumer-groups' spelling of GROUP.
        #[arg(long = "group", id = "group_opt", value_name = "GROUP", conflicts_with = "group_pos")]
        group_opt: Option<String>,
        #[arg(skip)]
        group: String,
        /// The topic whose offsets to delete.
        #[arg(long)]
        topic: String,
    },
    /// Commit an offset for a partition (for scripts that track their own progress).
    Commit {
        /// The group id (or --group).
        #[arg(value_name = "GROUP", required_unless_present = "group_opt")]
        group_pos: Option<String>,
        /// The group id: kafka-consumer-groups' spelling of GROUP.
        #[arg(long = "group", id = "group_opt", value_name = "GROUP", conflicts_with = "group_pos")]
        group_opt: Option<String>,
        #[arg(skip)]
        group: String,
        /// The topic.
        #[arg(long)]
        topic: String,
        /// The partition of --topic.
        #[arg(short = 'p', long, value_parser = clap::value_parser!(i32).range(0..))]
        partition: i32,
        /// The offset to commit: the next record the group will read (at most the log end).
        #[arg(long, value_parser = clap::value_parser!(i64).range(0..))]
        offset: i64,
    },
}

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("scope").required(true).args(["topic", "all_topics", "from_file"])))]
#[command(group(clap::ArgGroup::new("spec").required(true).args(["to_earliest", "to_latest", "to_current", "to_offset", "to_datetime", "by_duration", "shift_by", "from_file"])))]
pub struct ResetArgs {
    /// The group id (or --group).
    #[arg(value_name = "GROUP", required_unless_present = "group_opt")]
    group_pos: Option<String>,
    /// The group id: kafka-consumer-groups' spelling of GROUP.
    #[arg(long = "group", id = "group_opt", value_name = "GROUP", conflicts_with = "group_pos")]
    group_opt: Option<String>,
    #[arg(skip)]
    pub group: String,
    /// TOPIC or TOPIC:P,P,... (repeatable).
    #[arg(long)]
    pub topic: Vec<String>,
    /// Every topic the group has offsets for.
    #[arg(long)]
    pub all_topics: bool,
    /// The log start offset of each partition.
    #[arg(long)]
    pub to_earliest: bool,
    /// The log end offset of each partition (in a cluster: the high watermark).
    #[arg(long)]
    pub to_latest: bool,
    /// Keep the committed offsets (useful with --dry-run to see them).
    #[arg(long)]
    pub to_current: bool,
    /// Offset N in each partition (clamped into the log, as Kafka does).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(i64).range(0..))]
    pub to_offset: Option<i64>,
    /// The first offset at or after TIME (epoch ms or RFC 3339).
    #[arg(long, value_name = "TIME")]
    pub to_datetime: Option<String>,
    /// The first offset at or after now minus DURATION (ISO-8601, e.g. PT1H, P1DT12H).
    #[arg(long, value_name = "DURATION")]
    pub by_duration: Option<String>,
    /// Move the committed offsets by N (negative moves back).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub shift_by: Option<i64>,
    /// Kafka's CSV plan: topic,partition,offset per line.
    #[arg(long, value_name = "FILE")]
    pub from_file: Option<std::path::PathBuf>,
    /// Show the plan, change nothing (also the default, as in kafka-consumer-groups, which
    /// then says so on stderr).
    #[arg(long, conflicts_with = "execute")]
    pub dry_run: bool,
    /// Commit the plan.
    #[arg(long)]
    pub execute: bool,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// GROUP or --group, whichever was given (clap requires one and refuses both).
fn group_id(pos: &mut Option<String>, opt: &mut Option<String>) -> String {
    pos.take().or_else(|| opt.take()).unwrap_or_default()
}

impl GroupCommand {
    /// Fills each command's group id from GROUP or --group.
    pub fn normalized(mut self) -> GroupCommand {
        match &mut self {
            GroupCommand::List { .. } => {}
            GroupCommand::Describe { group_pos, group_opt, group, .. }
            | GroupCommand::Delete { group_pos, group_opt, group }
            | GroupCommand::DeleteOffsets { group_pos, group_opt, group, .. }
            | GroupCommand::Commit { group_pos, group_opt, group, .. } => *group = group_id(group_pos, group_opt),
            GroupCommand::ResetOffsets(a) => a.group = group_id(&mut a.group_pos, &mut a.group_opt),
        }
        self
    }
}

fn load(dd: &DataDir, group: &str) -> Result<(Option<GroupState>, GroupOffsets)> {
    offsets::validate_group_id(group)?;
    let state = member::read_state(&group_dir(dd, group))?;
    let committed = offsets::read_offsets(dd, group)?;
    if state.is_none() && !group_dir(dd, group).exists() {
        // A group only __consumer_offsets knows (a Kafka broker's, say): its recorded metadata,
        // whether or not it has committed offsets too.
        let logged = offsets::logged_groups(dd, Some(group))?;
        match logged.get(group) {
            Some(g) => return Ok((Some(state_from_log(g)), committed)),
            None if committed.is_empty() => {
                return Err(Error::NotFound(format!("group '{}' does not exist", group)));
            }
            None => {}
        }
    }
    Ok((state, committed))
}

/// The state of a group known only from `__consumer_offsets`: its protocol and generation as
/// recorded, and no member (no klog process is one; Kafka's members are not running here).
fn state_from_log(g: &offsets::LoggedGroup) -> GroupState {
    let m = g.metadata.clone().unwrap_or_default();
    GroupState { generation: m.generation, protocol: m.protocol.filter(|p| !p.is_empty()), ..Default::default() }
}

/// Refuses while the group has live members (after removing dead ones). The caller holds the
/// group lock.
fn require_no_live_members(dd: &DataDir, cat: &Catalog, group: &str) -> Result<()> {
    for w in member::expel_departed_locked(dd, cat, group)?.1 {
        eprintln!("klog: warning: {}", w);
    }
    if let Some(s) = member::read_state(&group_dir(dd, group))? {
        let live = member::live_members(&group_dir(dd, group), &s)?;
        if !live.is_empty() {
            return Err(Error::Conflict(format!(
                "group '{}' has {} live member(s) ({}); stop them first",
                group,
                live.len(),
                live.join(", ")
            )));
        }
    }
    Ok(())
}

/// Parses an ISO-8601 duration (`PnDTnHnMnS`, fractional seconds allowed) into milliseconds.
pub fn parse_duration_ms(s: &str) -> Result<i64> {
    let bad = || Error::Usage(format!("invalid duration '{}' (ISO-8601, e.g. PT1H, P1DT12H, PT30M)", s));
    let rest = s.strip_prefix('P').or_else(|| s.strip_prefix('p')).ok_or_else(bad)?;
    let (days, time) = match rest.split_once(['T', 't']) {
        Some((d, t)) => (d, t),
        None => (rest, ""),
    };
    let mut ms: f64 = 0.0;
    let mut parse = |part: &str, units: &[(char, f64)]| -> Result<()> {
        let mut num = String::new();
        for c in part.chars() {
            if c.is_ascii_digit() || c == '.' {
                num.push(c);
            } else {
                let unit = units.iter().find(|(u, _)| u.eq_ignore_ascii_case(&c)).ok_or_else(bad)?;
                let n: f64 = num.parse().map_err(|_| bad())?;
                ms += n * unit.1;
                num.clear();
            }
        }
        if num.is_empty() {
            Ok(())
        } else {
            Err(bad())
        }
    };
    parse(days, &[('D', 86_400_000.0), ('W', 7.0 * 86_400_000.0)])?;
    parse(time, &[('H', 3_600_000.0), ('M', 60_000.0), ('S', 1000.0)])?;
    if rest.is_empty() || (days.is_empty() && time.is_empty()) {
        return Err(bad());
    }
    Ok(ms as i64)
}

/// Which partitions a reset covers.
fn scope(cat: &Catalog, a: &ResetArgs, committed: &GroupOffsets) -> Result<Vec<Tp>> {
    let mut out = BTreeSet::new();
    if a.all_topics {
        out.extend(committed.keys().cloned());
    }
    for spec in &a.topic {
        let (topic, parts) = match spec.split_once(':') {
            Some((t, ps)) => (t, Some(ps)),
            None => (spec.as_str(), None),
        };
        let t = cat.topic(topic)?;
        match parts {
            None => out.extend((0..t.partitions).map(|p| (t.name.clone(), p))),
            Some(ps) => {
                for p in ps.split(',') {
                    let p: i32 = p
                        .trim()
                        .parse()
                        .map_err(|_| Error::Usage(format!("invalid partition '{}' in --topic {}", p, spec)))?;
                    cat.check_partition(&t, p)?;
                    out.insert((t.name.clone(), p));
                }
            }
        }
    }
    Ok(out.into_iter().collect())
}

/// The new offset of every partition in the plan, clamped into the log as Kafka does.
fn plan(cat: &Catalog, a: &ResetArgs, committed: &GroupOffsets) -> Result<Vec<(Tp, i64, Option<String>)>> {
    let mut targets: Vec<(Tp, Option<i64>)> = Vec::new();
    if let Some(f) = &a.from_file {
        let text = std::fs::read_to_string(f).map_err(|e| Error::io("read", f, e))?;
        for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let fields: Vec<&str> = line.split(',').map(str::trim).collect();
            let [t, p, o] = fields.as_slice() else {
                return Err(Error::Invalid(format!("{} line {}: expected topic,partition,offset", f.display(), i + 1)));
            };
            let bad = || Error::Invalid(format!("{} line {}: bad number in {:?}", f.display(), i + 1, line));
            let (p, o): (i32, i64) = (p.parse().map_err(|_| bad())?, o.parse().map_err(|_| bad())?);
            let topic = cat.topic(t)?;
            cat.check_partition(&topic, p)?;
            targets.push(((t.to_string(), p), Some(o)));
        }
    } else {
        targets = scope(cat, a, committed)?.into_iter().map(|tp| (tp, None)).collect();
    }
    let time = match (&a.to_datetime, &a.by_duration) {
        (Some(t), _) => Some(parse_time(t)?),
        (_, Some(d)) => Some(crate::timefmt::now_ms() - parse_duration_ms(d)?),
        _ => None,
    };
    let mut out = Vec::new();
    for (tp, fixed) in targets {
        // "latest" is what a consumer may read up to: a cluster partition's high watermark.
        let feed = cat.feed(&tp.0, tp.1)?;
        let r = feed.reader();
        let (start, end) = (r.log_start_offset(), feed.end_offset()?);
        let current = committed.get(&tp).map(|c| c.offset);
        let wanted = if let Some(o) = fixed {
            o
        } else if a.to_earliest {
            start
        } else if a.to_latest {
            end
        } else if a.to_current {
            current.unwrap_or(end)
        } else if let Some(o) = a.to_offset {
            o
        } else if let Some(ts) = time {
            r.offset_for_timestamp(ts)?.unwrap_or(end)
        } else if let Some(n) = a.shift_by {
            current.unwrap_or(end).saturating_add(n)
        } else {
            return Err(Error::Usage("choose a reset: --to-earliest, --to-latest, ... or --from-file".into()));
        };
        let clamped = wanted.clamp(start, end);
        let note = (clamped != wanted)
            .then(|| format!("{} is outside the log ({}..{}); using {}", wanted, start, end, clamped));
        out.push((tp, clamped, note));
    }
    Ok(out)
}

pub fn run(ctx: &Ctx, cmd: GroupCommand) -> Result<i32> {
    let cmd = cmd.normalized();
    let cat = Catalog::open(&ctx.loc)?;
    // Where the group lives: beside the metadata store (groups of cluster topics) or in the data
    // directory (groups of its own topics); a new group by `commit` goes where its topic says.
    let dd = match &cmd {
        GroupCommand::List { .. } => cat.group_homes()?.into_iter().next().map_or_else(|| ctx.loc.open(), Ok)?,
        GroupCommand::Commit { group, topic, .. } => {
            let homes = cat.group_homes()?;
            match homes.into_iter().find(|h| group_dir(h, group).is_dir()) {
                Some(h) => h,
                None => cat.group_home_for(group, std::slice::from_ref(topic))?,
            }
        }
        GroupCommand::Describe { group, .. }
        | GroupCommand::Delete { group, .. }
        | GroupCommand::DeleteOffsets { group, .. } => cat.group_home_of(group)?,
        GroupCommand::ResetOffsets(a) => cat.group_home_of(&a.group)?,
    };
    match cmd {
        GroupCommand::List { json } => {
            let mut rows = Vec::new();
            let mut seen = BTreeSet::new();
            for home in cat.group_homes()? {
                for g in list_groups(&home)? {
                    if !seen.insert(g.clone()) {
                        continue;
                    }
                    let s = member::read_state(&group_dir(&home, &g))?.unwrap_or_default();
                    let live = member::live_members(&group_dir(&home, &g), &s)?.len();
                    let state = if live > 0 { "Stable" } else { "Empty" };
                    rows.push((g, state, live, s.protocol.unwrap_or_default(), s.generation));
                }
                // Groups only __consumer_offsets knows (copied from a Kafka broker, say).
                for (g, lg) in offsets::logged_groups(&home, None)? {
                    if seen.insert(g.clone()) {
                        let s = state_from_log(&lg);
                        rows.push((g, "Empty", 0, s.protocol.unwrap_or_default(), s.generation));
                    }
                }
            }
            if json {
                let v: Vec<_> = rows
                    .iter()
                    .map(|(g, st, m, p, gen)| json!({"group": g, "state": st, "members": m, "protocol": p, "generation": gen}))
                    .collect();
                out_json(&json!(v))?;
            } else {
                out(&table(
                    &["GROUP", "STATE", "MEMBERS", "PROTOCOL", "GENERATION"],
                    rows.iter().map(|(g, st, m, p, gen)| {
                        vec![g.clone(), st.to_string(), m.to_string(), p.clone(), gen.to_string()]
                    }),
                ))?;
            }
        }
        GroupCommand::Describe { group, members, state, json, .. } => {
            describe(&dd, &cat, &group, members, state, json)?
        }
        GroupCommand::ResetOffsets(a) => {
            let _guard = existing_group_lock(ctx, &dd, &a.group)?;
            let (_, committed) = load(&dd, &a.group)?;
            require_no_live_members(&dd, &cat, &a.group)?;
            let p = plan(&cat, &a, &committed)?;
            if a.execute {
                let changes: Vec<Change> =
                    p.iter().map(|(tp, o, _)| Change::Set(tp.clone(), *o, String::new())).collect();
                offsets::commit(&dd, &a.group, &changes)?;
            }
            for (tp, _, note) in &p {
                if let Some(n) = note {
                    eprintln!("klog: {}-{}: {}", tp.0, tp.1, n);
                }
            }
            if a.json {
                let v: Vec<_> = p
                    .iter()
                    .map(|(tp, o, _)| json!({"group": a.group, "topic": tp.0, "partition": tp.1, "new_offset": o, "executed": a.execute}))
                    .collect();
                out_json(&json!(v))?;
            } else {
                out(&table(
                    &["GROUP", "TOPIC", "PARTITION", "NEW-OFFSET"],
                    p.iter().map(|(tp, o, _)| vec![a.group.clone(), tp.0.clone(), tp.1.to_string(), o.to_string()]),
                ))?;
                if a.dry_run {
                    eprintln!("klog: dry run: nothing was changed (use --execute to commit these offsets)");
                }
            }
            if !a.dry_run && !a.execute {
                // kafka-consumer-groups does a dry run without --execute, and says so.
                eprintln!(
                    "klog: warning: no action was performed as --execute is missing: this was a dry run \
                     (add --dry-run to say so, or --execute to commit these offsets)"
                );
            }
        }
        GroupCommand::Delete { group, .. } => {
            let _guard = existing_group_lock(ctx, &dd, &group)?;
            require_no_live_members(&dd, &cat, &group)?;
            offsets::commit(&dd, &group, &[Change::DeleteGroup])?;
            let dir = group_dir(&dd, &group);
            std::fs::remove_dir_all(&dir).map_err(|e| Error::io("remove", &dir, e))?;
            out(&format!("deleted group {}\n", group))?;
        }
        GroupCommand::DeleteOffsets { group, topic, .. } => {
            let _guard = existing_group_lock(ctx, &dd, &group)?;
            let (_, committed) = load(&dd, &group)?;
            require_no_live_members(&dd, &cat, &group)?;
            cat.topic(&topic)?;
            let changes: Vec<Change> =
                committed.keys().filter(|(t, _)| *t == topic).map(|tp| Change::Delete(tp.clone())).collect();
            if changes.is_empty() {
                return Err(Error::NotFound(format!("group '{}' has no offsets for topic '{}'", group, topic)));
            }
            offsets::commit(&dd, &group, &changes)?;
            out(&format!("deleted {} offset(s) of topic {} from group {}\n", changes.len(), topic, group))?;
        }
        GroupCommand::Commit { group, topic, partition, offset, .. } => {
            offsets::validate_group_id(&group)?;
            let _guard = group_lock(ctx, &dd, &group)?;
            require_no_live_members(&dd, &cat, &group)?;
            let t = cat.topic(&topic)?;
            cat.check_partition(&t, partition)?;
            let feed = cat.feed(&topic, partition)?;
            let r = feed.reader();
            let (start, end) = (r.log_start_offset(), r.log_end_offset()?);
            if offset < start || offset > end {
                return Err(Error::Invalid(format!(
                    "offset {} is out of range for {}-{} (valid offsets are {}..{})",
                    offset, topic, partition, start, end
                )));
            }
            offsets::commit(&dd, &group, &[Change::Set((topic.clone(), partition), offset, String::new())])?;
            out(&format!("committed offset {} for {}-{} in group {}\n", offset, topic, partition, group))?;
        }
    }
    Ok(EXIT_OK)
}

/// The lock of a group that must exist already (checked before the lock creates its folder).
fn existing_group_lock(ctx: &Ctx, dd: &DataDir, group: &str) -> Result<crate::lock::FileLock> {
    load(dd, group)?;
    group_lock(ctx, dd, group)
}

fn group_lock(ctx: &Ctx, dd: &DataDir, group: &str) -> Result<crate::lock::FileLock> {
    offsets::validate_group_id(group)?;
    member::lock_group(dd, group, ctx.loc.lock_timeout)
}

fn describe(dd: &DataDir, cat: &Catalog, group: &str, members: bool, state: bool, json: bool) -> Result<()> {
    let (s, committed) = load(dd, group)?;
    let s = s.unwrap_or_default();
    let dir = group_dir(dd, group);
    let live: BTreeSet<String> = member::live_members(&dir, &s)?.into_iter().collect();
    let state_name = if live.is_empty() { "Empty" } else { "Stable" };
    if state {
        let v = json!({"group": group, "state": state_name, "protocol": s.protocol, "generation": s.generation,
            "members": live.len(), "leader": s.leader, "subscription": s.subscription});
        if json {
            return out_json(&v);
        }
        return out(&table(
            &["GROUP", "STATE", "PROTOCOL", "GENERATION", "MEMBERS", "SUBSCRIPTION"],
            [vec![
                group.to_string(),
                state_name.to_string(),
                s.protocol.clone().unwrap_or_default(),
                s.generation.to_string(),
                live.len().to_string(),
                s.subscription.iter().cloned().collect::<Vec<_>>().join(","),
            ]],
        ));
    }
    if members {
        let rows: Vec<_> = s
            .members
            .iter()
            .filter(|(id, _)| live.contains(*id))
            .map(|(id, m)| {
                let parts = s.assignment.get(id).cloned().unwrap_or_default();
                (id.clone(), m.clone(), parts)
            })
            .collect();
        if json {
            let v: Vec<_> = rows
                .iter()
                .map(|(id, m, p)| json!({"member_id": id, "client_id": m.client_id, "host": m.host, "pid": m.pid,
                    "topics": m.topics, "assignment": p.iter().map(|(t, p)| json!({"topic": t, "partition": p})).collect::<Vec<_>>()}))
                .collect();
            return out_json(&json!(v));
        }
        return out(&table(
            &["GROUP", "CONSUMER-ID", "HOST", "PID", "CLIENT-ID", "#PARTITIONS", "ASSIGNMENT"],
            rows.iter().map(|(id, m, p)| {
                vec![
                    group.to_string(),
                    id.clone(),
                    m.host.clone(),
                    m.pid.to_string(),
                    m.client_id.clone(),
                    p.len().to_string(),
                    p.iter().map(|(t, p)| format!("{}-{}", t, p)).collect::<Vec<_>>().join(","),
                ]
            }),
        ));
    }
    // Offsets: committed partitions and assigned ones.
    let mut owner: BTreeMap<Tp, String> = BTreeMap::new();
    for (id, tps) in &s.assignment {
        if live.contains(id) {
            for tp in tps {
                owner.insert(tp.clone(), id.clone());
            }
        }
    }
    let tps: BTreeSet<Tp> = committed.keys().chain(owner.keys()).cloned().collect();
    let mut rows = Vec::new();
    for tp in tps {
        // Lag is measured to what a consumer may read (a cluster partition's high watermark).
        let end = cat.feed(&tp.0, tp.1).and_then(|f| f.end_offset()).ok();
        let cur = committed.get(&tp).map(|c| c.offset);
        let lag = match (cur, end) {
            (Some(c), Some(e)) => Some((e - c).max(0)),
            _ => None,
        };
        rows.push((tp.clone(), cur, end, lag, owner.get(&tp).cloned()));
    }
    if json {
        let v: Vec<_> = rows
            .iter()
            .map(|(tp, c, e, l, o)| {
                json!({"group": group, "topic": tp.0, "partition": tp.1, "current_offset": c,
                "log_end_offset": e, "lag": l, "consumer_id": o})
            })
            .collect();
        return out_json(&json!(v));
    }
    let dash = |x: &Option<i64>| x.map_or("-".to_string(), |v| v.to_string());
    out(&table(
        &["GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "CONSUMER-ID"],
        rows.iter().map(|(tp, c, e, l, o)| {
            vec![
                group.to_string(),
                tp.0.clone(),
                tp.1.to_string(),
                dash(c),
                dash(e),
                dash(l),
                o.clone().unwrap_or("-".into()),
            ]
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::parse_duration_ms;

    #[test]
    fn iso_durations() {
        assert_eq!(parse_duration_ms("PT1H").unwrap(), 3_600_000);
        assert_eq!(parse_duration_ms("P1DT12H").unwrap(), 129_600_000);
        assert_eq!(parse_duration_ms("PT0.5S").unwrap(), 500);
        assert_eq!(parse_duration_ms("PT30M").unwrap(), 1_800_000);
        for bad in ["1h", "P", "PT", "PTXH", "PT1"] {
            assert!(parse_duration_ms(bad).is_err(), "{}", bad);
        }
    }
}
