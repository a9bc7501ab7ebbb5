//! `klog topic`: create, list, describe, alter, delete, and the list of known configs.

use super::{out, out_json, Ctx, EXIT_OK};
use crate::datadir::{config, DataDir, TopicMeta};
use crate::error::Result;
use crate::output::table;
use serde_json::json;
use std::collections::BTreeMap;

#[derive(Debug, clap::Subcommand)]
pub enum TopicCommand {
    /// Create a topic.
    Create {
        /// Topic name: [a-zA-Z0-9._-], at most 249 characters, not "." or ".." (or --topic).
        #[arg(value_name = "NAME", required_unless_present = "topic_opt")]
        name_pos: Option<String>,
        /// The same as NAME: kafka-topics' spelling.
        #[arg(long = "topic", id = "topic_opt", value_name = "NAME", conflicts_with = "name_pos")]
        topic_opt: Option<String>,
        #[arg(skip)]
        name: String,
        /// Number of partitions.
        #[arg(long, short = 'P', default_value_t = 1, value_parser = clap::value_parser!(i32).range(1..=10_000))]
        partitions: i32,
        /// A topic config, KEY=VALUE with Kafka's names (repeatable; see `klog topic configs`).
        #[arg(long = "config", short = 'c', value_name = "KEY=VALUE")]
        configs: Vec<String>,
        /// Succeed quietly when the topic exists already.
        #[arg(long)]
        if_not_exists: bool,
        /// Replicas per partition, placed over the cluster's brokers like Kafka (needs a
        /// cluster: --meta, or a data directory that joined one).
        #[arg(long, value_name = "N", conflicts_with = "replica_assignment", value_parser = clap::value_parser!(i32).range(1..))]
        replication_factor: Option<i32>,
        /// Explicit replicas per partition, like kafka-topics: 0:1:2,1:2:0 (the first leads).
        #[arg(long, value_name = "LIST")]
        replica_assignment: Option<String>,
        /// The topic id to write in each partition's `partition.metadata` (22 characters of
        /// URL-safe base64, as kafka-topics --describe prints it) instead of a new random one:
        /// a Kafka broker serves partition directories moved into its log directory only under
        /// the id it knows the topic by. Standalone data directories only.
        #[arg(long, value_name = "ID")]
        topic_id: Option<String>,
    },
    /// List topics (in a cluster, with their replication factor).
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Leave out the internal topics (__consumer_offsets, __transaction_state,
        /// __cluster_metadata), as kafka-topics --exclude-internal.
        #[arg(long)]
        exclude_internal: bool,
    },
    /// Show partitions (log start and end offsets, segments, bytes) and configs.
    Describe {
        /// Topics to describe (all when none).
        #[arg(value_name = "NAME")]
        names: Vec<String>,
        /// The same as NAME (repeatable): kafka-topics' spelling.
        #[arg(long = "topic", value_name = "NAME")]
        topic_opts: Vec<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Only partitions whose ISR is smaller than their replica set (cluster topics).
        #[arg(long)]
        under_replicated_partitions: bool,
        /// Only partitions whose ISR is smaller than min.insync.replicas (cluster topics).
        #[arg(long)]
        under_min_isr_partitions: bool,
    },
    /// Change configs or raise the partition count (of a cluster topic: in the metadata store,
    /// for every broker).
    Alter {
        /// The topic (or --topic).
        #[arg(value_name = "NAME", required_unless_present = "topic_opt")]
        name_pos: Option<String>,
        /// The same as NAME: kafka-topics' spelling.
        #[arg(long = "topic", id = "topic_opt", value_name = "NAME", conflicts_with = "name_pos")]
        topic_opt: Option<String>,
        #[arg(skip)]
        name: String,
        /// New partition count (can only increase).
        #[arg(long, short = 'P', value_parser = clap::value_parser!(i32).range(1..=10_000))]
        partitions: Option<i32>,
        /// Set a config, KEY=VALUE (repeatable).
        #[arg(long = "config", short = 'c', value_name = "KEY=VALUE")]
        configs: Vec<String>,
        /// Remove a config override, back to the default (repeatable).
        #[arg(long = "delete-config", value_name = "KEY")]
        delete_configs: Vec<String>,
    },
    /// Delete a topic and all its data (of a cluster topic: on every broker; one that is away
    /// deletes its copy through its agent when it returns).
    Delete {
        /// The topic (or --topic).
        #[arg(value_name = "NAME", required_unless_present = "topic_opt")]
        name_pos: Option<String>,
        /// The same as NAME: kafka-topics' spelling.
        #[arg(long = "topic", id = "topic_opt", value_name = "NAME", conflicts_with = "name_pos")]
        topic_opt: Option<String>,
        #[arg(skip)]
        name: String,
    },
    /// List the topic configs klog knows, with their defaults.
    Configs {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Internal topics are klog's and Kafka's own business: `topic` commands may not create, delete
/// or repartition them (a one-partition `__consumer_offsets` would break every group).
pub(super) fn refuse_internal(name: &str, what: &str) -> Result<()> {
    if crate::datadir::is_internal_topic(name) {
        return Err(crate::error::Error::Usage(format!(
            "'{}' is an internal topic and cannot be {} with `klog topic`{}",
            name,
            what,
            if what == "created" {
                " (except with --topic-id, to match a Kafka broker's; __consumer_offsets with 50 partitions)"
            } else {
                ""
            }
        )));
    }
    Ok(())
}

impl TopicCommand {
    /// Fills the topic name from NAME or --topic (clap requires one and refuses both).
    pub fn normalized(mut self) -> TopicCommand {
        match &mut self {
            TopicCommand::Create { name_pos, topic_opt, name, .. }
            | TopicCommand::Alter { name_pos, topic_opt, name, .. }
            | TopicCommand::Delete { name_pos, topic_opt, name } => {
                *name = name_pos.take().or_else(|| topic_opt.take()).unwrap_or_default()
            }
            TopicCommand::Describe { names, topic_opts, .. } => names.append(topic_opts),
            TopicCommand::List { .. } | TopicCommand::Configs { .. } => {}
        }
        self
    }
}

pub(super) fn parse_configs(kvs: &[String]) -> Result<BTreeMap<String, String>> {
    kvs.iter().map(|kv| config::parse_assignment(kv)).collect()
}

pub fn run(ctx: &Ctx, cmd: TopicCommand) -> Result<i32> {
    match cmd {
        TopicCommand::Create {
            name,
            partitions,
            configs,
            if_not_exists,
            replication_factor,
            replica_assignment,
            topic_id,
            ..
        } => {
            let configs = parse_configs(&configs)?;
            // An internal topic is created only to match a Kafka broker's (its topic id given),
            // and __consumer_offsets only with the partition count every group hashes into.
            let matches_broker = topic_id.is_some()
                && (name != crate::group::schema::OFFSETS_TOPIC
                    || partitions == crate::group::schema::OFFSETS_TOPIC_PARTITIONS);
            if !matches_broker {
                refuse_internal(&name, "created")?;
            }
            // Everything is checked before anything is created: a refused command leaves no
            // data directory behind.
            DataDir::validate_new_topic(&name, partitions, &configs)?;
            if let Some(store) = ctx.store()? {
                if topic_id.is_some() {
                    return Err(crate::error::Error::Usage(
                        "--topic-id is for standalone data directories (a cluster's topic ids are its metadata store's)"
                            .into(),
                    ));
                }
                crate::datadir::validate_topic_name(&name)?;
                if if_not_exists && store.load()?.topics.contains_key(&name) {
                    return Ok(EXIT_OK);
                }
                let assignment = match replica_assignment {
                    Some(s) => crate::meta::parse_replica_assignment(&s)?,
                    None => {
                        let brokers: Vec<i32> = store.load()?.brokers.keys().copied().collect();
                        crate::meta::assign_replicas(&brokers, partitions, replication_factor.unwrap_or(1))?
                    }
                };
                let (snap, failed) =
                    crate::replica::create_topic(&store, &name, assignment, configs, ctx.lock_timeout)?;
                for (b, why) in failed {
                    eprintln!("klog: warning: broker {}: partition directories not created: {}", b, why);
                }
                let t = &snap.topics[&name];
                out(&format!(
                    "created topic {} with {} partition(s), replication factor {}\n",
                    name,
                    t.partitions.len(),
                    t.partitions.first().map_or(0, |p| p.replicas.len())
                ))?;
                return Ok(EXIT_OK);
            }
            if replication_factor.is_some_and(|r| r != 1) || replica_assignment.is_some() {
                return Err(crate::error::Error::Usage(
                    "--replication-factor and --replica-assignment need a cluster (--meta DIR)".into(),
                ));
            }
            let dd = ctx.open_or_init()?;
            if if_not_exists && dd.topic(&name).is_ok() {
                return Ok(EXIT_OK);
            }
            let t = dd.create_topic_with_id(&name, partitions, configs, topic_id.as_deref())?;
            out(&format!("created topic {} with {} partition(s)\n", t.name, t.partitions))?;
        }
        TopicCommand::List { json, exclude_internal } => {
            // (name, partitions, replication factor for a cluster topic)
            let mut topics: BTreeMap<String, (i32, Option<usize>)> = BTreeMap::new();
            let store = ctx.store()?;
            if let Some(store) = &store {
                for (name, t) in store.load()?.topics {
                    let rf = t.partitions.first().map_or(0, |p| p.replicas.len());
                    topics.insert(name, (t.partitions.len() as i32, Some(rf)));
                }
            }
            // The data directory's own topics (with a store, only when the directory exists).
            if store.is_none() || ctx.data_dir.exists() {
                for t in ctx.open()?.topics()? {
                    topics.entry(t.name.clone()).or_insert((t.partitions, None));
                }
            }
            if exclude_internal {
                topics.retain(|n, _| !crate::datadir::is_internal_topic(n));
            }
            if json {
                let v: Vec<_> = topics
                    .iter()
                    .map(|(n, (p, rf))| match rf {
                        Some(rf) => json!({"name": n, "partitions": p, "replication_factor": rf}),
                        None => json!({"name": n, "partitions": p}),
                    })
                    .collect();
                out_json(&json!(v))?;
            } else if store.is_some() {
                out(&table(
                    &["TOPIC", "PARTITIONS", "REPLICATION-FACTOR"],
                    topics.iter().map(|(n, (p, rf))| {
                        vec![n.clone(), p.to_string(), rf.map_or("-".to_string(), |r| r.to_string())]
                    }),
                ))?;
            } else {
                out(&table(&["TOPIC", "PARTITIONS"], topics.iter().map(|(n, (p, _))| vec![n.clone(), p.to_string()])))?;
            }
        }
        TopicCommand::Describe { names, json, under_replicated_partitions, under_min_isr_partitions, .. } => {
            if let Some(store) = ctx.store()? {
                let snap = store.load()?;
                if names.iter().all(|n| snap.topics.contains_key(n)) && (!names.is_empty() || !snap.topics.is_empty()) {
                    let filter = Filter {
                        under_replicated: under_replicated_partitions,
                        under_min_isr: under_min_isr_partitions,
                    };
                    return describe_cluster(&snap, &names, filter, json);
                }
            }
            let dd = ctx.open()?;
            let topics = if names.is_empty() {
                dd.topics()?
            } else {
                names.iter().map(|n| dd.topic(n)).collect::<Result<Vec<_>>>()?
            };
            let mut all = Vec::new();
            let mut text = String::new();
            for t in &topics {
                let v = describe(&dd, t)?;
                if !json {
                    text.push_str(&render_describe(t, &v));
                }
                all.push(v);
            }
            if json {
                out_json(&json!(all))?;
            } else {
                out(&text)?;
            }
        }
        TopicCommand::Alter { name, partitions, configs, delete_configs, .. } => {
            let set = parse_configs(&configs)?;
            if partitions.is_some() {
                refuse_internal(&name, "repartitioned")?;
            }
            if let Some((store, _)) = ctx.cluster_topic(&name)? {
                let (snap, unreached) = crate::replica::admin::alter_topic(
                    &store,
                    &name,
                    partitions,
                    set,
                    &delete_configs,
                    ctx.lock_timeout,
                )?;
                for (b, why) in unreached {
                    eprintln!(
                        "klog: warning: broker {}: its copy was not updated (configs come from the store): {}",
                        b, why
                    );
                }
                let n = snap.topics[&name].partitions.len();
                out(&format!("altered topic {} ({} partition(s)) in the cluster\n", name, n))?;
                return Ok(EXIT_OK);
            }
            let dd = local_for(ctx, &name)?;
            let t = dd.alter_topic(&name, partitions, set, &delete_configs)?;
            out(&format!("altered topic {} ({} partition(s))\n", t.name, t.partitions))?;
        }
        TopicCommand::Delete { name, .. } => {
            refuse_internal(&name, "deleted")?;
            if let Some((store, _)) = ctx.cluster_topic(&name)? {
                let (_, unreached) = crate::replica::admin::delete_topic(&store, &name, ctx.lock_timeout)?;
                for (b, why) in unreached {
                    eprintln!("klog: warning: broker {}: its copy stays until its agent runs: {}", b, why);
                }
                out(&format!("deleted topic {} from the cluster\n", name))?;
                return Ok(EXIT_OK);
            }
            let dd = local_for(ctx, &name)?;
            let t = dd.delete_topic(&name)?;
            out(&format!("deleted topic {}\n", t.name))?;
        }
        TopicCommand::Configs { json } => {
            if json {
                let v: Vec<_> =
                    config::known_configs().map(|(n, d, doc)| json!({"name": n, "default": d, "doc": doc})).collect();
                out_json(&json!(v))?;
            } else {
                out(&table(
                    &["CONFIG", "DEFAULT", "MEANING"],
                    config::known_configs().map(|(n, d, doc)| vec![n, d, doc]),
                ))?;
            }
        }
    }
    Ok(EXIT_OK)
}

/// The data directory holding a topic that is not a cluster topic; with a metadata store and no
/// data directory, the error says the topic is not in the cluster.
fn local_for(ctx: &Ctx, topic: &str) -> Result<DataDir> {
    if ctx.store()?.is_some() && !ctx.data_dir.exists() {
        return Err(super::catalog::not_in_cluster(topic));
    }
    ctx.open()
}

/// Broker ids as kafka-topics prints them: `0,1,2`.
pub fn join_ids(ids: &[i32]) -> String {
    ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",")
}

#[derive(Clone, Copy)]
struct Filter {
    under_replicated: bool,
    under_min_isr: bool,
}

/// Describes cluster topics like kafka-topics: Leader, Replicas and Isr per partition.
fn describe_cluster(snap: &crate::meta::Snapshot, names: &[String], f: Filter, json: bool) -> Result<i32> {
    let mut text = String::new();
    let mut all = Vec::new();
    let filtering = f.under_replicated || f.under_min_isr;
    for (name, t) in snap.topics.iter().filter(|(n, _)| names.is_empty() || names.contains(n)) {
        let min_isr: usize = t.configs.get("min.insync.replicas").and_then(|v| v.parse().ok()).unwrap_or(1);
        let rf = t.partitions.first().map_or(0, |p| p.replicas.len());
        let configs: Vec<String> = t.configs.iter().map(|(k, v)| format!("{}={}", k, v)).collect();
        if !filtering {
            text.push_str(&format!(
                "Topic: {}\tTopicId: {}\tPartitionCount: {}\tReplicationFactor: {}\tConfigs: {}\n",
                name,
                t.topic_id,
                t.partitions.len(),
                rf,
                configs.join(",")
            ));
        }
        let mut parts = Vec::new();
        for (p, ps) in t.partitions.iter().enumerate() {
            let under_rep = ps.isr.len() < ps.replicas.len();
            let under_min = ps.isr.len() < min_isr;
            if filtering && !((f.under_replicated && under_rep) || (f.under_min_isr && under_min)) {
                continue;
            }
            text.push_str(&format!(
                "\tTopic: {}\tPartition: {}\tLeader: {}\tLeaderEpoch: {}\tReplicas: {}\tIsr: {}\n",
                name,
                p,
                if ps.leader < 0 { "none".to_string() } else { ps.leader.to_string() },
                ps.leader_epoch,
                join_ids(&ps.replicas),
                join_ids(&ps.isr)
            ));
            parts.push(json!({"partition": p, "leader": ps.leader, "leader_epoch": ps.leader_epoch,
                "replicas": ps.replicas, "isr": ps.isr, "under_replicated": under_rep, "under_min_isr": under_min}));
        }
        all.push(json!({"name": name, "topic_id": t.topic_id, "partition_count": t.partitions.len(),
            "replication_factor": rf, "configs": t.configs, "partitions": parts}));
    }
    if json {
        out_json(&json!(all))?;
    } else {
        out(&text)?;
    }
    Ok(EXIT_OK)
}

fn describe(dd: &DataDir, t: &TopicMeta) -> Result<serde_json::Value> {
    let mut parts = Vec::new();
    for p in dd.existing_partitions(t)? {
        let r = dd.open_reader(t, p)?;
        let segs = r.segment_summaries()?;
        parts.push(json!({
            "partition": p,
            "log_start_offset": r.log_start_offset(),
            "log_end_offset": r.log_end_offset()?,
            "segments": segs.len(),
            "bytes": segs.iter().map(|s| s.size_bytes).sum::<u64>(),
        }));
    }
    let configs: BTreeMap<_, _> = t.config.overrides.clone();
    Ok(json!({
        "name": t.name,
        "topic_id": t.topic_id,
        "partition_count": t.partitions,
        "configs": configs,
        "partitions": parts,
    }))
}

fn render_describe(t: &TopicMeta, v: &serde_json::Value) -> String {
    let configs: Vec<String> = t.config.overrides.iter().map(|(k, v)| format!("{}={}", k, v)).collect();
    let mut s = format!(
        "Topic: {}\tTopicId: {}\tPartitionCount: {}\tConfigs: {}\n",
        t.name,
        if t.topic_id.is_empty() { "-" } else { &t.topic_id },
        t.partitions,
        configs.join(",")
    );
    let rows = v["partitions"].as_array().cloned().unwrap_or_default().into_iter().map(|p| {
        ["partition", "log_start_offset", "log_end_offset", "segments", "bytes"]
            .iter()
            .map(|k| p[*k].to_string())
            .collect::<Vec<_>>()
    });
    s.push_str(&table(&["PARTITION", "LOG-START-OFFSET", "LOG-END-OFFSET", "SEGMENTS", "BYTES"], rows));
    s
}
