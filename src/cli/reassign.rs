//! `klog reassign`: kafka-reassign-partitions with its JSON plans (`--generate`, `--execute`,
//! `--verify`). Rendering only (the plan files are read with `fsutil::read_input`); the work is
//! in `crate::controller::reassign`.

use super::{out, Ctx, EXIT_FAILURE, EXIT_OK};
use crate::controller::reassign::{self, Progress, TopicsToMove};
use crate::error::{Error, Result};
use crate::fsutil::read_input;
use std::path::PathBuf;

pub const LONG_ABOUT: &str = "\
Move partition replicas between brokers with Kafka's reassignment JSON \
({\"version\":1,\"partitions\":[{\"topic\":\"t\",\"partition\":0,\"replicas\":[1,2,3]}]}).

--generate --topics-to-move-json-file F --broker-list 0,1,2 prints the current assignment and a \
proposed one (Kafka's placement over the listed brokers). --execute --reassignment-json-file F \
adds the new replicas, copies the leader's log to them (they join the ISR when caught up), then \
drops the old replicas; a new leader is elected from the target replicas when the old one \
leaves; --throttle BYTES_PER_SEC paces that copy. --verify --reassignment-json-file F says \
which partitions are done. A plan naming an unknown topic, partition or broker changes \
nothing. A removed replica's directory is deleted \
from its broker (kept, with a warning, when that broker cannot be reached). Exit 1 when some \
partition is not complete.";

#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("action").required(true).args(["generate", "execute", "verify"]))]
pub struct ReassignArgs {
    /// Propose a plan for --topics-to-move-json-file over --broker-list.
    #[arg(long, requires_all = ["topics_to_move_json_file", "broker_list"])]
    pub generate: bool,
    /// Carry out the plan in --reassignment-json-file.
    #[arg(long, requires = "reassignment_json_file")]
    pub execute: bool,
    /// Check the plan in --reassignment-json-file.
    #[arg(long, requires = "reassignment_json_file")]
    pub verify: bool,
    /// Kafka's {"version":1,"topics":[{"topic":"t"}]}.
    #[arg(long, value_name = "FILE")]
    pub topics_to_move_json_file: Option<PathBuf>,
    /// Broker ids to place replicas on, comma-separated.
    #[arg(long, value_name = "IDS", value_delimiter = ',', value_parser = clap::value_parser!(i32).range(0..))]
    pub broker_list: Option<Vec<i32>>,
    /// The reassignment plan.
    #[arg(long, value_name = "FILE")]
    pub reassignment_json_file: Option<PathBuf>,
    /// With --execute: copy to the new replicas at most this many bytes per second (over the
    /// whole execution), like kafka-reassign-partitions --throttle.
    #[arg(long, value_name = "BYTES_PER_SEC")]
    pub throttle: Option<u64>,
}

fn render(ps: &[Progress], done: &str) -> Result<i32> {
    let mut text = String::new();
    for p in ps {
        if p.complete {
            text.push_str(&format!("Reassignment of partition {}-{} is {}.\n", p.topic, p.partition, done));
            if !p.message.is_empty() {
                eprintln!("klog: warning: {}-{}: {}", p.topic, p.partition, p.message);
            }
        } else if p.not_started {
            text.push_str(&format!(
                "Reassignment of partition {}-{} has not started: {}\n",
                p.topic, p.partition, p.message
            ));
        } else {
            text.push_str(&format!(
                "Reassignment of partition {}-{} is still in progress: {}\n",
                p.topic, p.partition, p.message
            ));
        }
    }
    out(&text)?;
    Ok(if ps.iter().all(|p| p.complete) { EXIT_OK } else { EXIT_FAILURE })
}

pub fn run(ctx: &Ctx, a: ReassignArgs) -> Result<i32> {
    if a.throttle.is_some() && !a.execute {
        return Err(Error::Usage("--throttle goes with --execute".into()));
    }
    let store = ctx
        .loc
        .store()?
        .ok_or_else(|| Error::Usage("no cluster: pass --meta DIR (the cluster's metadata store)".into()))?;
    let snap = store.load()?;
    let json = |v: &reassign::Plan| serde_json::to_string(v).map_err(|e| Error::Invalid(e.to_string()));
    if a.generate {
        let (Some(f), Some(brokers)) = (&a.topics_to_move_json_file, &a.broker_list) else {
            return Err(Error::Usage("--generate needs --topics-to-move-json-file and --broker-list".into()));
        };
        let t: TopicsToMove = serde_json::from_str(&read_input(f)?)
            .map_err(|e| Error::Invalid(format!("{} does not parse as topics to move: {}", f.display(), e)))?;
        let names: Vec<String> = t.topics.into_iter().map(|t| t.topic).collect();
        let (cur, new) = reassign::generate(&snap, &names, brokers)?;
        out(&format!(
            "Current partition replica assignment\n{}\n\nProposed partition reassignment configuration\n{}\n",
            json(&cur)?,
            json(&new)?
        ))?;
        return Ok(EXIT_OK);
    }
    let Some(f) = &a.reassignment_json_file else {
        return Err(Error::Usage("--execute and --verify need --reassignment-json-file".into()));
    };
    let plan = reassign::parse_plan(&read_input(f)?)?;
    if a.execute {
        if a.throttle == Some(0) {
            return Err(Error::Usage("--throttle must be at least 1 byte per second".into()));
        }
        let ps = reassign::execute(&store, &plan, ctx.loc.lock_timeout, a.throttle)?;
        render(&ps, "complete")
    } else {
        render(&reassign::verify(&snap, &plan)?, "complete")
    }
}
