//! `klog cluster`: administration through the metadata store — list brokers (with whether
//! their data directory is reachable) and move a partition's leadership (an explicit leader
//! election; the automatic one belongs to the controller). Rendering only: the work is in
//! `crate::replica`.

use super::{out, out_json, Ctx, EXIT_OK};
use crate::error::{Error, Result};
use crate::output::table;
use serde_json::json;

#[derive(Debug, clap::Subcommand)]
pub enum ClusterCommand {
    /// List the brokers of the cluster and whether their data directories are reachable.
    Brokers {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Make a broker the leader of a partition: bumps the leader epoch and records the change.
    ElectLeader {
        /// The topic.
        #[arg(long)]
        topic: String,
        /// The partition.
        #[arg(long, value_parser = clap::value_parser!(i32).range(0..))]
        partition: i32,
        /// The broker id of the new leader (must be in the ISR unless --unclean).
        #[arg(long, value_parser = clap::value_parser!(i32).range(0..))]
        leader: i32,
        /// Allow a replica outside the ISR (records only the old ISR had are lost).
        #[arg(long)]
        unclean: bool,
    },
}

fn need_store(ctx: &Ctx) -> Result<crate::meta::MetaStore> {
    ctx.loc.store()?.ok_or_else(|| {
        Error::Usage("no cluster: pass --meta DIR (or a --data-dir that joined one with `klog init --meta`)".into())
    })
}

pub fn run(ctx: &Ctx, cmd: ClusterCommand) -> Result<i32> {
    let store = need_store(ctx)?;
    match cmd {
        ClusterCommand::Brokers { json } => {
            let snap = store.load()?;
            let rows: Vec<(i32, String, String)> = snap
                .brokers
                .iter()
                .map(|(&id, b)| {
                    let status = match crate::replica::broker_dir(&snap, id, ctx.loc.lock_timeout) {
                        Ok(dd) if crate::controller::agent_running(&dd) => "ok, agent running".to_string(),
                        Ok(_) => "ok".to_string(),
                        Err(e) => e.to_string(),
                    };
                    (id, b.data_dir.display().to_string(), status)
                })
                .collect();
            if json {
                let v: Vec<_> =
                    rows.iter().map(|(id, d, s)| json!({"broker": id, "data_dir": d, "status": s})).collect();
                out_json(&json!({"cluster_id": snap.cluster_id, "version": snap.version, "brokers": v}))?;
            } else {
                out(&table(
                    &["BROKER", "DATA-DIR", "STATUS"],
                    rows.into_iter().map(|(id, d, s)| vec![id.to_string(), d, s]),
                ))?;
            }
        }
        ClusterCommand::ElectLeader { topic, partition, leader, unclean } => {
            let snap = crate::replica::elect_leader(&store, &topic, partition, leader, unclean, ctx.loc.lock_timeout)?;
            let ps = snap.partition(&topic, partition)?;
            out(&format!(
                "{}-{}: leader {} at leader epoch {}, isr {}\n",
                topic,
                partition,
                ps.leader,
                ps.leader_epoch,
                crate::output::join_ids(&ps.isr)
            ))?;
        }
    }
    Ok(EXIT_OK)
}
