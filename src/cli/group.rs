//! `klog group`: consumer-group administration (`app::groups`), like kafka-consumer-groups: list, describe
//! (offsets and lag, members, state), reset-offsets, delete, delete-offsets and commit. Commands
//! that change offsets take the group's lock (so two resets run one after the other) and refuse
//! while the group has live members, who own its commits. With `-b`, the same commands on a
//! Kafka cluster's groups (`kafka::Cluster`), through the same `app::groups::Groups` operations
//! and rendered by the same functions.

use super::{out, out_json, Ctx, EXIT_OK};
use crate::app::fetch::parse_time;
use crate::app::groups::{
    GroupAdmin, GroupStateView, GroupSummary, Groups, MemberView, OffsetView, ResetPlan, ResetRow, ResetTo,
};
use crate::error::{Error, Result};
use crate::output::table;
use serde_json::json;

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

/// The reset a command line asks for.
fn reset_plan(a: &ResetArgs) -> Result<ResetPlan> {
    if let Some(f) = &a.from_file {
        return Ok(ResetPlan::File(f.clone()));
    }
    let to = if a.to_earliest {
        ResetTo::Earliest
    } else if a.to_latest {
        ResetTo::Latest
    } else if a.to_current {
        ResetTo::Current
    } else if let Some(o) = a.to_offset {
        ResetTo::Offset(o)
    } else if let Some(t) = &a.to_datetime {
        ResetTo::Time(parse_time(t)?)
    } else if let Some(d) = &a.by_duration {
        ResetTo::Time(crate::timefmt::now_ms() - parse_duration_ms(d)?)
    } else if let Some(n) = a.shift_by {
        ResetTo::ShiftBy(n)
    } else {
        return Err(Error::Usage("choose a reset: --to-earliest, --to-latest, ... or --from-file".into()));
    };
    let mut topics = Vec::new();
    for spec in &a.topic {
        topics.push(match spec.split_once(':') {
            None => (spec.clone(), None),
            Some((t, ps)) => {
                let parts = ps
                    .split(',')
                    .map(|p| {
                        p.trim()
                            .parse::<i32>()
                            .map_err(|_| Error::Usage(format!("invalid partition '{}' in --topic {}", p, spec)))
                    })
                    .collect::<Result<Vec<i32>>>()?;
                (t.to_string(), Some(parts))
            }
        });
    }
    Ok(ResetPlan::Scope { all_topics: a.all_topics, topics, to })
}

pub fn run(ctx: &Ctx, cmd: GroupCommand) -> Result<i32> {
    let cmd = cmd.normalized();
    match &ctx.kafka {
        // `-b HOST:PORT`: the same commands on a Kafka cluster's groups, rendered alike.
        Some(cluster) => run_on(cluster, Some(cluster.bootstrap()), cmd),
        None => {
            let admin = GroupAdmin::open(&ctx.loc, Box::new(|w: &str| eprintln!("klog: warning: {}", w)))?;
            run_on(&admin, None, cmd)
        }
    }
}

/// Runs `cmd` on `groups`; `kafka` is the bootstrap servers of a Kafka cluster's groups, which
/// the lines of changes name.
fn run_on(groups: &dyn Groups, kafka: Option<&str>, cmd: GroupCommand) -> Result<i32> {
    let on = |prep: &str| kafka.map_or(String::new(), |at| format!(" {} the Kafka cluster at {}", prep, at));
    match cmd {
        GroupCommand::List { json } => render_list(&groups.list()?, json)?,
        GroupCommand::Describe { group, members, state, json, .. } => {
            if state {
                render_state(&groups.state(&group)?, json)?;
            } else if members {
                render_members(&group, &groups.members(&group)?, json)?;
            } else {
                render_offsets(&group, &groups.offsets(&group)?, json)?;
            }
        }
        GroupCommand::ResetOffsets(a) => {
            let plan = reset_plan(&a)?;
            render_reset(&a, &groups.reset(&a.group, &plan, a.execute)?)?;
        }
        GroupCommand::Delete { group, .. } => {
            groups.delete(&group)?;
            out(&format!("deleted group {}{}\n", group, on("from")))?;
        }
        GroupCommand::DeleteOffsets { group, topic, .. } => {
            let n = groups.delete_offsets(&group, &topic)?;
            out(&format!("deleted {} offset(s) of topic {} from group {}{}\n", n, topic, group, on("on")))?;
        }
        GroupCommand::Commit { group, topic, partition, offset, .. } => {
            groups.commit(&group, &topic, partition, offset)?;
            out(&format!("committed offset {} for {}-{} in group {}{}\n", offset, topic, partition, group, on("on")))?;
        }
    }
    Ok(EXIT_OK)
}

/// A value or `-` where it is not known.
fn or_dash<T: ToString>(x: Option<T>) -> String {
    x.map_or("-".to_string(), |v| v.to_string())
}

fn render_list(rows: &[GroupSummary], json: bool) -> Result<()> {
    if json {
        let v: Vec<_> = rows
            .iter()
            .map(|g| json!({"group": g.group, "state": g.state, "members": g.members, "protocol": g.protocol, "generation": g.generation}))
            .collect();
        return out_json(&json!(v));
    }
    out(&table(
        &["GROUP", "STATE", "MEMBERS", "PROTOCOL", "GENERATION"],
        rows.iter().map(|g| {
            vec![g.group.clone(), g.state.to_string(), g.members.to_string(), g.protocol.clone(), or_dash(g.generation)]
        }),
    ))
}

fn render_reset(a: &ResetArgs, rows: &[ResetRow]) -> Result<()> {
    for r in rows {
        if let Some((wanted, start, end)) = r.clamped_from {
            eprintln!(
                "klog: {}-{}: {} is outside the log ({}..{}); using {}",
                r.tp.topic, r.tp.partition, wanted, start, end, r.new_offset
            );
        }
    }
    if a.json {
        let v: Vec<_> = rows
            .iter()
            .map(|r| json!({"group": a.group, "topic": r.tp.topic, "partition": r.tp.partition, "new_offset": r.new_offset, "executed": a.execute}))
            .collect();
        out_json(&json!(v))?;
    } else {
        out(&table(
            &["GROUP", "TOPIC", "PARTITION", "NEW-OFFSET"],
            rows.iter().map(|r| {
                vec![a.group.clone(), r.tp.topic.clone(), r.tp.partition.to_string(), r.new_offset.to_string()]
            }),
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
    Ok(())
}

fn render_state(v: &GroupStateView, json: bool) -> Result<()> {
    if json {
        return out_json(
            &json!({"group": v.group, "state": v.state, "protocol": v.protocol, "generation": v.generation,
            "members": v.live_members, "leader": v.leader, "subscription": v.subscription}),
        );
    }
    out(&table(
        &["GROUP", "STATE", "PROTOCOL", "GENERATION", "MEMBERS", "SUBSCRIPTION"],
        [vec![
            v.group.clone(),
            v.state.to_string(),
            v.protocol.clone().unwrap_or_default(),
            or_dash(v.generation),
            v.live_members.to_string(),
            v.subscription.iter().cloned().collect::<Vec<_>>().join(","),
        ]],
    ))
}

fn render_members(group: &str, rows: &[MemberView], json: bool) -> Result<()> {
    if json {
        let v: Vec<_> = rows
            .iter()
            .map(|m| {
                json!({"member_id": m.member_id, "client_id": m.client_id, "host": m.host, "pid": m.pid,
                "topics": m.topics, "assignment": m.assignment.iter().map(|tp| json!({"topic": tp.topic, "partition": tp.partition})).collect::<Vec<_>>()})
            })
            .collect();
        return out_json(&json!(v));
    }
    out(&table(
        &["GROUP", "CONSUMER-ID", "HOST", "PID", "CLIENT-ID", "#PARTITIONS", "ASSIGNMENT"],
        rows.iter().map(|m| {
            vec![
                group.to_string(),
                m.member_id.clone(),
                m.host.clone(),
                or_dash(m.pid),
                m.client_id.clone(),
                m.assignment.len().to_string(),
                m.assignment.iter().map(|tp| tp.to_string()).collect::<Vec<_>>().join(","),
            ]
        }),
    ))
}

fn render_offsets(group: &str, rows: &[OffsetView], json: bool) -> Result<()> {
    if json {
        let v: Vec<_> = rows
            .iter()
            .map(|r| {
                json!({"group": group, "topic": r.tp.topic, "partition": r.tp.partition, "current_offset": r.current_offset,
                "log_end_offset": r.log_end_offset, "lag": r.lag, "consumer_id": r.consumer_id})
            })
            .collect();
        return out_json(&json!(v));
    }
    out(&table(
        &["GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "CONSUMER-ID"],
        rows.iter().map(|r| {
            vec![
                group.to_string(),
                r.tp.topic.clone(),
                r.tp.partition.to_string(),
                or_dash(r.current_offset),
                or_dash(r.log_end_offset),
                or_dash(r.lag),
                r.consumer_id.clone().unwrap_or("-".into()),
            ]
        }),
    ))
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
