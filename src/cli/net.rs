//! The commands that work on a Kafka cluster over the network (`-b HOST:PORT`): `topic list,
//! describe, create, delete`, `produce`, `consume` (without a group) and `offsets`, with the same
//! options, output formats, JSON and exit codes as on a data directory. The client is
//! `crate::kafka` (librdkafka); this file parses, calls and renders.

use super::consume::{record_output, ConsumeArgs, OffsetSpec};
use super::produce::{self, ProduceArgs};
use super::topic::TopicCommand;
use super::{out, out_json, Command, Ctx, EXIT_OK};
use crate::app::producer::RecordSink;
use crate::error::{Error, Result};
use crate::kafka::{Cluster, NetConsumer, NetProducer, Polled, StartAt, TopicInfo};
use crate::output::table;
use crate::record::{HeadersRef, RecordRef};
use serde_json::json;
use std::collections::BTreeMap;
use std::io::Write;
use std::time::Duration;

/// Runs `cmd` against `cluster`.
pub fn run(ctx: &Ctx, cluster: &Cluster, cmd: Command) -> Result<i32> {
    match cmd {
        Command::Topic(c) => topic(ctx, cluster, c.normalized()),
        Command::Produce(mut a) => {
            a.topic = super::either(&mut a.topic_pos, &mut a.topic_opt);
            produce(cluster, a)
        }
        Command::Consume(a) => consume(ctx, cluster, a),
        Command::Offsets(mut a) => {
            a.topic = super::either(&mut a.topic_pos, &mut a.topic_opt);
            offsets(cluster, a)
        }
        Command::Completions(a) => super::generate::completions(a),
        other => Err(Error::Usage(format!(
            "`klog {}` works on data directories only; against a Kafka cluster (-b) klog has topic list, describe, \
             create and delete, produce, consume (without --group) and offsets",
            command_name(&other)
        ))),
    }
}

fn command_name(c: &Command) -> String {
    use clap::CommandFactory;
    let dbg = format!("{:?}", c);
    let variant = dbg.split(['(', ' ', '{']).next().unwrap_or("").to_string();
    // The clap name of the variant: `DeleteRecords` -> `delete-records`.
    super::Cli::command()
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .find(|n| n.replace('-', "") == variant.to_ascii_lowercase())
        .unwrap_or(variant)
}

fn topic(ctx: &Ctx, cluster: &Cluster, c: TopicCommand) -> Result<i32> {
    match c {
        TopicCommand::List { json, exclude_internal } => {
            let mut topics = cluster.topics(None)?;
            if exclude_internal {
                topics.retain(|t| !crate::datadir::is_internal_topic(&t.name));
            }
            if json {
                let v: Vec<_> = topics
                    .iter()
                    .map(|t| json!({"name": t.name, "partitions": t.partitions.len(), "replication_factor": rf(t)}))
                    .collect();
                out_json(&json!(v))?;
            } else {
                out(&table(
                    &["TOPIC", "PARTITIONS", "REPLICATION-FACTOR"],
                    topics.iter().map(|t| vec![t.name.clone(), t.partitions.len().to_string(), rf(t).to_string()]),
                ))?;
            }
        }
        TopicCommand::Describe { names, json, under_replicated_partitions, under_min_isr_partitions, .. } => {
            if under_min_isr_partitions {
                return Err(Error::Usage(
                    "--under-min-isr-partitions needs each topic's min.insync.replicas, which klog does not read from a Kafka cluster yet".into(),
                ));
            }
            let topics = if names.is_empty() {
                cluster.topics(None)?
            } else {
                names.iter().map(|n| cluster.topic(n)).collect::<Result<Vec<_>>>()?
            };
            let mut text = String::new();
            let mut all = Vec::new();
            for t in &topics {
                let parts: Vec<_> = t
                    .partitions
                    .iter()
                    .filter(|p| !under_replicated_partitions || p.isr.len() < p.replicas.len())
                    .collect();
                if !under_replicated_partitions {
                    text.push_str(&format!(
                        "Topic: {}\tPartitionCount: {}\tReplicationFactor: {}\n",
                        t.name,
                        t.partitions.len(),
                        rf(t)
                    ));
                }
                for p in &parts {
                    text.push_str(&format!(
                        "\tTopic: {}\tPartition: {}\tLeader: {}\tReplicas: {}\tIsr: {}\n",
                        t.name,
                        p.partition,
                        p.leader,
                        crate::output::join_ids(&p.replicas),
                        crate::output::join_ids(&p.isr)
                    ));
                }
                all.push(json!({
                    "name": t.name,
                    "replication_factor": rf(t),
                    "partitions": parts.iter().map(|p| json!({"partition": p.partition, "leader": p.leader,
                        "replicas": p.replicas, "isr": p.isr})).collect::<Vec<_>>(),
                }));
            }
            if json {
                out_json(&json!(all))?;
            } else {
                out(&text)?;
            }
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
            crate::app::topics::refuse_internal(&name, crate::app::topics::TopicChange::Create, None, partitions)?;
            crate::datadir::validate_topic_name(&name)?;
            if replica_assignment.is_some() {
                return Err(Error::Usage("--replica-assignment is not supported against a Kafka cluster yet".into()));
            }
            let configs: BTreeMap<String, String> = super::parse_configs(&configs)?;
            match cluster.create_topic(&name, partitions, replication_factor, &configs) {
                Err(Error::Invalid(m)) if if_not_exists && m.contains("already exists") => return Ok(EXIT_OK),
                r => r?,
            }
            out(&format!(
                "created topic {} with {} partition(s) on the Kafka cluster at {}\n",
                name,
                partitions,
                cluster.bootstrap()
            ))?;
        }
        TopicCommand::Delete { name, .. } => {
            crate::app::topics::refuse_internal(&name, crate::app::topics::TopicChange::Delete, None, 0)?;
            crate::datadir::validate_topic_name(&name)?;
            cluster.delete_topic(&name)?;
            out(&format!("deleted topic {} from the Kafka cluster at {}\n", name, cluster.bootstrap()))?;
        }
        TopicCommand::Configs { .. } => return super::topic::run(ctx, c),
        TopicCommand::Alter { .. } => {
            return Err(Error::Usage("`klog topic alter` is not supported against a Kafka cluster yet".into()))
        }
    }
    Ok(EXIT_OK)
}

fn rf(t: &TopicInfo) -> usize {
    t.partitions.first().map_or(0, |p| p.replicas.len())
}

/// A Kafka cluster's producer as the sink of `produce::pump`: records go to librdkafka as they
/// are read; acknowledgements are awaited whenever the input goes idle and at the end.
struct ClusterSink {
    producer: NetProducer,
    print_offsets: bool,
    topic: String,
    queued: bool,
}

impl ClusterSink {
    fn acknowledge(&mut self) -> Result<()> {
        self.producer.flush()?;
        self.queued = false;
        if self.print_offsets {
            let mut s = String::new();
            for d in self.producer.take_delivered() {
                s.push_str(&format!("{}\t{}\t{}\t{}\n", self.topic, d.partition, d.offset, d.offset));
            }
            out(&s)?;
        }
        Ok(())
    }
}

impl RecordSink for ClusterSink {
    fn add(
        &mut self,
        partition: Option<i32>,
        timestamp: i64,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        headers: &[(&[u8], Option<&[u8]>)],
    ) -> Result<()> {
        self.queued = true;
        self.producer.send(partition, key, value, headers, Some(timestamp))
    }

    fn busy(&self) -> bool {
        self.queued
    }

    fn idle(&mut self) -> Result<()> {
        if self.queued {
            self.acknowledge()?;
        }
        Ok(())
    }
}

fn produce(cluster: &Cluster, a: ProduceArgs) -> Result<i32> {
    let spec = produce::input_spec(&a)?;
    let t = cluster.topic(&a.topic)?;
    if let Some(p) = a.partition {
        if !t.partitions.iter().any(|q| q.partition == p) {
            return Err(Error::NotFound(format!(
                "partition {} does not exist in topic '{}' (it has partitions 0..{})",
                p,
                t.name,
                t.partitions.len() as i32 - 1
            )));
        }
    }
    let acks = match a.acks {
        produce::Acks::Zero => "0",
        produce::Acks::One => "1",
        produce::Acks::All => "all",
    };
    let codec = a.compression.as_deref().filter(|c| *c != "none");
    let producer =
        NetProducer::new(cluster, &t.name, acks, codec, Duration::from_millis(a.delivery_timeout_ms), a.print_offsets)?;
    let mut sink = ClusterSink { producer, print_offsets: a.print_offsets, topic: t.name.clone(), queued: false };
    let pumped = produce::pump(&mut sink, &a, &spec.delimiter, spec.key_delimiter.as_deref(), &spec.headers);
    // What was read before an error is still delivered and acknowledged.
    let acknowledged = sink.acknowledge();
    pumped?;
    acknowledged?;
    Ok(EXIT_OK)
}

fn consume(ctx: &Ctx, cluster: &Cluster, a: ConsumeArgs) -> Result<i32> {
    if a.group.group.is_some() {
        return Err(Error::Usage("consume --group is not supported against a Kafka cluster (-b) yet".into()));
    }
    let plan = a.plan()?;
    let output = record_output(&a)?;
    let [topic_name] = plan.topics.as_slice() else {
        return Err(Error::Usage("consume reads one topic (several only with --group)".into()));
    };
    crate::datadir::validate_topic_name(topic_name)?;
    let t = cluster.topic(topic_name)?;
    let partitions: Vec<i32> = if a.partitions.is_empty() {
        t.partitions.iter().map(|p| p.partition).collect()
    } else {
        for &p in &a.partitions {
            if !t.partitions.iter().any(|q| q.partition == p) {
                return Err(Error::NotFound(format!(
                    "partition {} does not exist in topic '{}' (it has partitions 0..{})",
                    p,
                    t.name,
                    t.partitions.len() as i32 - 1
                )));
            }
        }
        a.partitions.clone()
    };
    let start = match plan.start.unwrap_or(OffsetSpec::Beginning) {
        OffsetSpec::Beginning => StartAt::Beginning,
        OffsetSpec::End => StartAt::End,
        OffsetSpec::Absolute(o) => StartAt::Offset(o),
        OffsetSpec::FromEnd(n) => StartAt::Tail(n),
        OffsetSpec::Time(ts) => StartAt::Time(ts),
    };
    let (mut consumer, skipped) = NetConsumer::assign(
        cluster,
        &t,
        &partitions,
        start,
        match a.isolation {
            super::consume::IsolationArg::ReadUncommitted => "read_uncommitted",
            super::consume::IsolationArg::ReadCommitted => "read_committed",
        },
    )?;
    if !skipped.is_empty() && skipped.len() == partitions.len() {
        return Err(skipped.into_iter().next().expect("not empty"));
    }
    for e in &skipped {
        if !ctx.quiet {
            eprintln!("klog: warning: {}; reading the other partitions", e);
        }
    }
    let skipped_parts = skipped.len();
    let mut open: std::collections::BTreeSet<i32> = partitions.iter().copied().collect();
    let mut left = a.count;
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut scratch = Vec::new();
    loop {
        if left == Some(0) || (plan.exit_at_end && open.len() <= skipped_parts) || open.is_empty() {
            break;
        }
        match consumer.poll(Duration::from_millis(200))? {
            Polled::Nothing => {
                w.flush().map_err(Error::Stream)?;
            }
            Polled::End(p) => {
                if plan.exit_at_end {
                    open.remove(&p);
                }
                w.flush().map_err(Error::Stream)?;
            }
            Polled::Record(r) => {
                if !open.contains(&r.partition) {
                    continue;
                }
                if plan.stop_ms.is_some_and(|stop| r.timestamp >= stop) {
                    // -o e@TIME: this partition stops before its first record at or after TIME.
                    open.remove(&r.partition);
                    continue;
                }
                let hs: Vec<(&[u8], Option<&[u8]>)> =
                    r.headers.iter().map(|(k, v)| (k.as_slice(), v.as_deref())).collect();
                let rec = RecordRef {
                    offset: r.offset,
                    timestamp: r.timestamp,
                    key: r.key.as_deref(),
                    value: r.value.as_deref(),
                    headers: HeadersRef::encode(&hs, &mut scratch),
                };
                output.write(&mut w, &t.name, r.partition, &rec).map_err(Error::Stream)?;
                if let Some(n) = left.as_mut() {
                    *n -= 1;
                }
            }
        }
    }
    w.flush().map_err(Error::Stream)?;
    Ok(EXIT_OK)
}

fn offsets(cluster: &Cluster, a: super::offsets::OffsetsArgs) -> Result<i32> {
    let time = a.time.as_deref().map(crate::app::fetch::parse_time).transpose()?;
    crate::datadir::validate_topic_name(&a.topic)?;
    let mut t = cluster.topic(&a.topic)?;
    if !a.partitions.is_empty() {
        t.partitions.retain(|p| a.partitions.contains(&p.partition));
        if t.partitions.len() != a.partitions.len() {
            return Err(Error::NotFound(format!("topic '{}' has no partition {:?}", a.topic, a.partitions)));
        }
    }
    let marks = cluster.watermarks(&t)?;
    let at_time = match time {
        Some(ts) => Some(cluster.offsets_for_time(&t, ts)?),
        None => None,
    };
    let for_time = |p: i32| at_time.as_ref().map(|v| v.iter().find(|(q, _)| *q == p).and_then(|(_, o)| *o));
    if a.json {
        let v: Vec<_> = marks
            .iter()
            .map(|(p, lo, hi)| {
                let mut o =
                    json!({"topic": t.name, "partition": p, "earliest": lo, "latest": hi, "high_watermark": hi});
                if let Some(f) = for_time(*p) {
                    o["offset_for_time"] = json!(f);
                }
                o
            })
            .collect();
        out_json(&json!(v))?;
    } else {
        let mut header = vec!["TOPIC", "PARTITION", "EARLIEST", "LATEST"];
        if time.is_some() {
            header.push("OFFSET-FOR-TIME");
        }
        out(&table(
            &header,
            marks.iter().map(|(p, lo, hi)| {
                let mut r = vec![t.name.clone(), p.to_string(), lo.to_string(), hi.to_string()];
                if let Some(f) = for_time(*p) {
                    r.push(f.map_or("none".to_string(), |o| o.to_string()));
                }
                r
            }),
        ))?;
    }
    Ok(EXIT_OK)
}
