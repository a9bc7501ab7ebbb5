//! `klog topic`: create, list, describe, alter, delete (`app::topics`; with `-b`, on a Kafka
//! cluster through `kafka::Cluster`), and the list of known configs.

use super::{out, out_json, parse_configs, Ctx, EXIT_OK};
use crate::app::topics::{self, ClusterTopic, Created, Described, LocalTopic, NewTopic, TopicChange, TopicListing};
use crate::datadir::config;
use crate::error::{Error, Result};
use crate::kafka::{Cluster, TopicInfo};
use crate::output::{join_ids, table};
use serde_json::json;

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
        /// Succeed quietly when the topic exists already. In a cluster it also makes the
        /// replica directories the topic is missing on reachable brokers (a create cut short).
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
    /// for every broker; with -b: CreatePartitions and IncrementalAlterConfigs on the Kafka
    /// cluster).
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

pub fn run(ctx: &Ctx, cmd: TopicCommand) -> Result<i32> {
    if let Some(cluster) = &ctx.kafka {
        if !matches!(cmd, TopicCommand::Configs { .. }) {
            return run_kafka(cluster, cmd);
        }
    }
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
            let spec = NewTopic {
                configs: parse_configs(&configs)?,
                replica_assignment: replica_assignment
                    .as_deref()
                    .map(crate::meta::parse_replica_assignment)
                    .transpose()?,
                name,
                partitions,
                if_not_exists,
                replication_factor,
                topic_id,
            };
            match topics::create(&ctx.loc, &spec)? {
                Created::Existed => {}
                Created::InCluster { partitions, replication_factor, unreached } => {
                    for (b, why) in unreached {
                        eprintln!("klog: warning: broker {}: partition directories not created: {}", b, why);
                    }
                    out(&format!(
                        "created topic {} with {} partition(s), replication factor {}\n",
                        spec.name, partitions, replication_factor
                    ))?;
                }
                Created::Local { partitions } => {
                    out(&format!("created topic {} with {} partition(s)\n", spec.name, partitions))?
                }
            }
        }
        TopicCommand::List { json, exclude_internal } => {
            let (cluster, topics) = topics::list(&ctx.loc, exclude_internal)?;
            render_list(&topics, cluster, json)?;
        }
        TopicCommand::Describe { names, json, under_replicated_partitions, under_min_isr_partitions, .. } => {
            match topics::describe(&ctx.loc, &names)? {
                Described::Cluster(ts) => {
                    let filter = Filter {
                        under_replicated: under_replicated_partitions,
                        under_min_isr: under_min_isr_partitions,
                    };
                    render_cluster(&ts, filter, json)?;
                }
                Described::Local(ts) => {
                    if json {
                        out_json(&json!(ts.iter().map(local_json).collect::<Vec<_>>()))?;
                    } else {
                        out(&ts.iter().map(render_local).collect::<String>())?;
                    }
                }
            }
        }
        TopicCommand::Alter { name, partitions, configs, delete_configs, .. } => {
            let set = parse_configs(&configs)?;
            let c = topics::alter(&ctx.loc, &name, partitions, set, &delete_configs)?;
            for (b, why) in c.unreached {
                eprintln!(
                    "klog: warning: broker {}: its copy was not updated (configs come from the store): {}",
                    b, why
                );
            }
            if c.in_cluster {
                out(&format!("altered topic {} ({} partition(s)) in the cluster\n", name, c.partitions))?;
            } else {
                out(&format!("altered topic {} ({} partition(s))\n", name, c.partitions))?;
            }
        }
        TopicCommand::Delete { name, .. } => {
            let c = topics::delete(&ctx.loc, &name)?;
            for (b, why) in c.unreached {
                eprintln!("klog: warning: broker {}: its copy stays until its agent runs: {}", b, why);
            }
            if c.in_cluster {
                out(&format!("deleted topic {} from the cluster\n", name))?;
            } else {
                out(&format!("deleted topic {}\n", name))?;
            }
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

/// `klog -b HOST:PORT topic ...`: on a Kafka cluster (all but `configs`, which runs as on a
/// data directory).
fn run_kafka(cluster: &Cluster, cmd: TopicCommand) -> Result<i32> {
    match cmd {
        TopicCommand::List { json, exclude_internal } => {
            let topics: Vec<TopicListing> = cluster
                .list_topics(exclude_internal)?
                .iter()
                .map(|t| TopicListing {
                    name: t.name.clone(),
                    partitions: t.partitions.len() as i32,
                    replication_factor: Some(t.replication_factor()),
                })
                .collect();
            render_list(&topics, true, json)?;
        }
        TopicCommand::Describe { names, json, under_replicated_partitions, under_min_isr_partitions, .. } => {
            if under_min_isr_partitions {
                return Err(Error::Usage(
                    "--under-min-isr-partitions needs each topic's min.insync.replicas, which klog does not read from a Kafka cluster yet".into(),
                ));
            }
            render_kafka(&cluster.describe_topics(&names)?, under_replicated_partitions, json)?;
        }
        TopicCommand::Create {
            name,
            partitions,
            configs,
            if_not_exists,
            replication_factor,
            replica_assignment,
            ..
        } => {
            crate::kafka::check_topic_change(&name, TopicChange::Create)?;
            if replica_assignment.is_some() {
                return Err(Error::Usage("--replica-assignment is not supported against a Kafka cluster yet".into()));
            }
            let configs = parse_configs(&configs)?;
            if cluster.create_topic_unless_exists(&name, partitions, replication_factor, &configs, if_not_exists)? {
                out(&format!(
                    "created topic {} with {} partition(s) on the Kafka cluster at {}\n",
                    name,
                    partitions,
                    cluster.bootstrap()
                ))?;
            }
        }
        TopicCommand::Delete { name, .. } => {
            cluster.delete_topic_checked(&name)?;
            out(&format!("deleted topic {} from the Kafka cluster at {}\n", name, cluster.bootstrap()))?;
        }
        TopicCommand::Alter { name, partitions, configs, delete_configs, .. } => {
            let set = parse_configs(&configs)?;
            let n = cluster.alter_topic(&name, partitions, &set, &delete_configs)?;
            out(&format!(
                "altered topic {} ({} partition(s)) on the Kafka cluster at {}\n",
                name,
                n,
                cluster.bootstrap()
            ))?;
        }
        TopicCommand::Configs { .. } => unreachable!("topic configs runs as on a data directory"),
    }
    Ok(EXIT_OK)
}

/// Topic names and partition counts; in a cluster (of directories or Kafka's) with the
/// replication factor.
fn render_list(topics: &[TopicListing], cluster: bool, json: bool) -> Result<()> {
    if json {
        let v: Vec<_> = topics
            .iter()
            .map(|t| match t.replication_factor {
                Some(rf) => json!({"name": t.name, "partitions": t.partitions, "replication_factor": rf}),
                None => json!({"name": t.name, "partitions": t.partitions}),
            })
            .collect();
        out_json(&json!(v))
    } else if cluster {
        out(&table(
            &["TOPIC", "PARTITIONS", "REPLICATION-FACTOR"],
            topics.iter().map(|t| {
                vec![
                    t.name.clone(),
                    t.partitions.to_string(),
                    t.replication_factor.map_or("-".to_string(), |r| r.to_string()),
                ]
            }),
        ))
    } else {
        out(&table(&["TOPIC", "PARTITIONS"], topics.iter().map(|t| vec![t.name.clone(), t.partitions.to_string()])))
    }
}

/// A Kafka cluster's topics as its metadata has them: Leader, Replicas and Isr per partition
/// (only the under-replicated ones with `under_replicated`).
fn render_kafka(topics: &[TopicInfo], under_replicated: bool, json: bool) -> Result<()> {
    let mut text = String::new();
    let mut all = Vec::new();
    for t in topics {
        let parts: Vec<_> = t.partitions.iter().filter(|p| !under_replicated || p.under_replicated()).collect();
        if !under_replicated {
            text.push_str(&format!(
                "Topic: {}\tPartitionCount: {}\tReplicationFactor: {}\n",
                t.name,
                t.partitions.len(),
                t.replication_factor()
            ));
        }
        for p in &parts {
            text.push_str(&format!(
                "\tTopic: {}\tPartition: {}\tLeader: {}\tReplicas: {}\tIsr: {}\n",
                t.name,
                p.partition,
                p.leader,
                join_ids(&p.replicas),
                join_ids(&p.isr)
            ));
        }
        all.push(json!({
            "name": t.name,
            "replication_factor": t.replication_factor(),
            "partitions": parts.iter().map(|p| json!({"partition": p.partition, "leader": p.leader,
                "replicas": p.replicas, "isr": p.isr})).collect::<Vec<_>>(),
        }));
    }
    if json {
        out_json(&json!(all))
    } else {
        out(&text)
    }
}

#[derive(Clone, Copy)]
struct Filter {
    under_replicated: bool,
    under_min_isr: bool,
}

/// Cluster topics like kafka-topics: Leader, Replicas and Isr per partition.
fn render_cluster(ts: &[ClusterTopic], f: Filter, json: bool) -> Result<()> {
    let mut text = String::new();
    let mut all = Vec::new();
    let filtering = f.under_replicated || f.under_min_isr;
    for t in ts {
        let configs: Vec<String> = t.configs.iter().map(|(k, v)| format!("{}={}", k, v)).collect();
        if !filtering {
            text.push_str(&format!(
                "Topic: {}\tTopicId: {}\tPartitionCount: {}\tReplicationFactor: {}\tConfigs: {}\n",
                t.name,
                t.topic_id,
                t.partitions.len(),
                t.replication_factor,
                configs.join(",")
            ));
        }
        let mut parts = Vec::new();
        for ps in &t.partitions {
            if filtering && !((f.under_replicated && ps.under_replicated) || (f.under_min_isr && ps.under_min_isr)) {
                continue;
            }
            text.push_str(&format!(
                "\tTopic: {}\tPartition: {}\tLeader: {}\tLeaderEpoch: {}\tReplicas: {}\tIsr: {}\n",
                t.name,
                ps.partition,
                if ps.leader < 0 { "none".to_string() } else { ps.leader.to_string() },
                ps.leader_epoch,
                join_ids(&ps.replicas),
                join_ids(&ps.isr)
            ));
            parts.push(json!({"partition": ps.partition, "leader": ps.leader, "leader_epoch": ps.leader_epoch,
                "replicas": ps.replicas, "isr": ps.isr, "under_replicated": ps.under_replicated, "under_min_isr": ps.under_min_isr}));
        }
        all.push(json!({"name": t.name, "topic_id": t.topic_id, "partition_count": t.partitions.len(),
            "replication_factor": t.replication_factor, "configs": t.configs, "partitions": parts}));
    }
    if json {
        out_json(&json!(all))
    } else {
        out(&text)
    }
}

fn local_json(t: &LocalTopic) -> serde_json::Value {
    let parts: Vec<_> = t
        .partitions
        .iter()
        .map(|p| {
            json!({"partition": p.partition, "log_start_offset": p.log_start_offset, "log_end_offset": p.log_end_offset,
                "segments": p.segments, "bytes": p.bytes})
        })
        .collect();
    json!({"name": t.meta.name, "topic_id": t.meta.topic_id, "partition_count": t.meta.partitions,
        "configs": t.meta.config.overrides, "partitions": parts})
}

fn render_local(t: &LocalTopic) -> String {
    let m = &t.meta;
    let configs: Vec<String> = m.config.overrides.iter().map(|(k, v)| format!("{}={}", k, v)).collect();
    let mut s = format!(
        "Topic: {}\tTopicId: {}\tPartitionCount: {}\tConfigs: {}\n",
        m.name,
        if m.topic_id.is_empty() { "-" } else { &m.topic_id },
        m.partitions,
        configs.join(",")
    );
    let rows = t.partitions.iter().map(|p| {
        vec![
            p.partition.to_string(),
            p.log_start_offset.to_string(),
            p.log_end_offset.to_string(),
            p.segments.to_string(),
            p.bytes.to_string(),
        ]
    });
    s.push_str(&table(&["PARTITION", "LOG-START-OFFSET", "LOG-END-OFFSET", "SEGMENTS", "BYTES"], rows));
    s
}
