//! The command line: clap definitions, dispatch, the mapping of errors to exit codes, and the
//! plumbing every command shares (stdout, SIGINT/SIGTERM, `-b`'s Kafka cluster in [`Ctx`]).
//! Each command has its file; none imports another's.
//!
//! Exit codes: 0 ok, 1 failure, 2 usage (a malformed command line or option value), 3 conflict
//! (a lock held by another process past the timeout, a stale leader or controller epoch, a
//! controller already running). A closed output pipe ends quietly with 0.

mod cluster;
mod consume;
mod controller;
mod delete_records;
mod dump;
mod generate;
mod group;
mod mirror;
mod offsets;
mod perf;
mod produce;
mod reassign;
mod replicate;
mod retention;
mod topic;
mod verify;

use crate::app::Location;
use crate::datadir::DataDir;
use crate::error::{Error, Result};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::time::Duration;

pub const EXIT_OK: i32 = 0;
pub const EXIT_FAILURE: i32 = 1;
pub const EXIT_USAGE: i32 = 2;
pub const EXIT_CONFLICT: i32 = 3;

/// How long a writer waits for a lock by default, in ms.
const LOCK_TIMEOUT_MS_DEFAULT: u64 = 30_000;

const AFTER_HELP: &str = "\
Exit codes: 0 ok, 1 failure, 2 usage error, 3 conflict (a lock held by another process, a stale
leader or controller epoch, a controller already running).
The data directory is --data-dir, else $KLOG_DATA_DIR, else ./klog-data.";

/// Apache Kafka's storage model over plain directories: topics, partitions and segments in
/// Kafka's own on-disk format, with no broker process.
#[derive(Debug, Parser)]
#[command(name = "klog", version, about, after_help = AFTER_HELP, max_term_width = 100)]
pub struct Cli {
    /// The data directory (a Kafka log directory).
    #[arg(
        long,
        global = true,
        env = "KLOG_DATA_DIR",
        hide_env_values = true,
        default_value = "klog-data",
        value_name = "DIR"
    )]
    pub data_dir: PathBuf,

    /// The cluster metadata store (a directory); default: the one the data directory joined
    /// with `klog init --meta`, if any. Without one, the data directory stands alone.
    #[arg(long, global = true, env = "KLOG_META", hide_env_values = true, value_name = "DIR")]
    pub meta: Option<PathBuf>,

    /// How long a writer waits for a lock held by another process, in ms [default: 30000;
    /// retention: 5000, then it skips the partition].
    #[arg(long, global = true, value_name = "MS")]
    pub lock_timeout_ms: Option<u64>,

    /// A Kafka cluster to work on instead of a data directory: its bootstrap servers,
    /// HOST:PORT[,HOST:PORT...] (kcat's -b). topic, produce, consume (with --group too),
    /// offsets, group and delete-records work against it.
    #[arg(
        short = 'b',
        long = "bootstrap-server",
        visible_alias = "brokers",
        global = true,
        env = "KLOG_BOOTSTRAP_SERVERS",
        value_name = "HOST:PORT"
    )]
    pub bootstrap_server: Option<String>,

    /// A client property for the Kafka cluster, KEY=VALUE with librdkafka's names (repeatable):
    /// security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ...
    /// Values are never printed.
    #[arg(short = 'X', global = true, value_name = "KEY=VALUE")]
    pub client_property: Vec<String>,

    /// A file of client properties (KEY=VALUE lines, # comments), applied before -X; default
    /// $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none.
    #[arg(short = 'F', long = "client-config", global = true, value_name = "FILE")]
    pub client_config: Option<String>,

    /// How long a request to a Kafka cluster may take before klog gives up, in ms.
    #[arg(long, global = true, default_value_t = 10_000, value_name = "MS")]
    pub request_timeout_ms: u64,

    /// Quiet: no informational notes on stderr (where reading continues after deleted offsets
    /// or a leader change, a summary, membership events); errors and warnings still show (kcat's -q).
    #[arg(short = 'q', long, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a data directory: meta.properties (node.id, a new cluster.id) and empty checkpoints.
    Init(InitArgs),
    /// Create, list, describe, alter and delete topics.
    #[command(subcommand)]
    Topic(topic::TopicCommand),
    /// Append records from stdin to a topic.
    #[command(long_about = produce::LONG_ABOUT)]
    Produce(produce::ProduceArgs),
    /// Read records from a topic to stdout.
    #[command(long_about = consume::LONG_ABOUT)]
    Consume(consume::ConsumeArgs),
    /// Consumer groups: list, describe, reset offsets, commit, delete (like kafka-consumer-groups;
    /// with -b, a Kafka cluster's groups).
    #[command(subcommand)]
    Group(group::GroupCommand),
    /// Show each partition's earliest and latest offsets, or the offset for a time.
    Offsets(offsets::OffsetsArgs),
    /// Print the batches, records or index entries of segment files, like kafka-dump-log.
    Dump(dump::DumpArgs),
    /// Check every segment (CRC, offsets, indexes); --repair cuts torn tails and rebuilds indexes.
    Verify(verify::VerifyArgs),
    /// Measure produce and consume throughput and latency.
    #[command(subcommand)]
    Perf(perf::PerfCommand),
    /// Apply every topic's retention and compaction rules (run it from cron).
    #[command(long_about = retention::LONG_ABOUT)]
    Retention(retention::RetentionArgs),
    /// Delete the records below an offset by advancing the partition's log start offset.
    #[command(long_about = delete_records::LONG_ABOUT)]
    DeleteRecords(delete_records::DeleteRecordsArgs),
    /// Copy a leader's batches into a follower data directory (after divergence truncation).
    #[command(long_about = replicate::LONG_ABOUT)]
    Replicate(replicate::ReplicateArgs),
    /// Run a broker agent: keep this data directory's follower partitions replicating.
    #[command(subcommand)]
    Broker(replicate::BrokerCommand),
    /// Cluster administration through the metadata store: brokers, leader elections.
    #[command(subcommand)]
    Cluster(cluster::ClusterCommand),
    /// The cluster controller: run a candidate, elect once, show status.
    #[command(subcommand)]
    Controller(controller::ControllerCommand),
    /// Elect partition leaders: preferred replicas, or unclean for offline partitions.
    LeaderElection(controller::LeaderElectionArgs),
    /// Move partition replicas between brokers with Kafka's JSON plan (generate, execute, verify).
    #[command(long_about = reassign::LONG_ABOUT)]
    Reassign(reassign::ReassignArgs),
    /// Copy topics between a data directory and a Kafka cluster, resumable without duplicates.
    #[command(long_about = mirror::LONG_ABOUT)]
    Mirror(mirror::MirrorArgs),
    /// Print a shell completion script.
    Completions(generate::CompletionsArgs),
    /// Write the man pages and completion scripts into a directory (for maintainers).
    #[command(hide = true)]
    Generate(generate::GenerateArgs),
    /// List topic or group names, one a line (for the shell completion scripts).
    #[command(hide = true)]
    CompleteNames(generate::CompleteNamesArgs),
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// This broker's id, written as node.id in meta.properties (KRaft's name for broker.id).
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(i32).range(0..))]
    pub broker_id: i32,
}

/// What every command gets besides its own arguments.
pub struct Ctx {
    /// Where the command works: data directory, metadata store, lock timeout.
    pub loc: Location,
    /// `--lock-timeout-ms` when given (a command with its own default uses it only then).
    pub lock_timeout_given: Option<Duration>,
    /// `-q`: print no informational notes on stderr.
    pub quiet: bool,
    /// The Kafka cluster named by `-b` (or a client config file): where topic, produce, consume
    /// and offsets work instead of the data directory.
    pub kafka: Option<crate::kafka::Cluster>,
}

/// `KEY=VALUE` config arguments (`-c`), each key known and value valid.
pub fn parse_configs(kvs: &[String]) -> Result<std::collections::BTreeMap<String, String>> {
    kvs.iter().map(|kv| crate::datadir::config::parse_assignment(kv)).collect()
}

/// The one table from an error's kind to its exit code and a hint for the command line: usage
/// errors 2, conflicts with another process or a newer epoch 3, everything else 1 (`klog
/// retention --exit-code` adds 4, and `consume --exec` passes its command's status through). The
/// core's errors state facts; the hints, which name klog's commands and flags, are the command
/// line's and are appended to the message.
fn disposition(e: &Error) -> (i32, String) {
    use crate::error::Place;
    let none = String::new;
    match e {
        Error::Usage(_) => (EXIT_USAGE, none()),
        // A topic id is checked like data (exit 1); every other value like an option (2).
        Error::BadValue { what: crate::error::ValueOf::TopicId, .. } => (EXIT_FAILURE, none()),
        Error::BadValue { .. }
        | Error::BadFormat { .. }
        | Error::InternalTopic { .. }
        | Error::NoSubscription { .. }
        | Error::ReplicateToItself { tp: None, .. }
        | Error::MixedGroupTopics { .. } => (EXIT_USAGE, none()),
        // A client properties file is read like the options (2); other input like data (1).
        Error::BadLine { fault: crate::error::LineFault::NotClientProperty, .. } => (EXIT_USAGE, none()),
        Error::NulByte { .. } | Error::BadClientProperty { .. } | Error::HeaderKeyNotUtf8 { at: None } => {
            (EXIT_USAGE, none())
        }
        Error::InvalidConfig { value: None, .. } => (EXIT_USAGE, " (see `klog topic configs` for the list)".into()),
        Error::InvalidConfig { .. } => (EXIT_USAGE, none()),
        Error::PartitionCount { .. } => (EXIT_USAGE, " (--partitions)".into()),
        Error::ReplicaAssignment { .. } => (EXIT_USAGE, " (--replica-assignment)".into()),
        Error::NotClusterMember { .. } => (EXIT_USAGE, " (klog init --meta DIR)".into()),
        Error::NoBootstrapServers => (EXIT_USAGE, ": pass -b HOST:PORT".into()),
        Error::Conflict(_)
        | Error::NoLongerReplica { .. }
        | Error::FollowerAheadOfLeader { .. }
        | Error::ChangedDuringReassignment { .. }
        | Error::StaleIsrChange { .. }
        | Error::LeadershipKeptMoving { .. }
        | Error::Locked { .. }
        | Error::StaleLeaderEpoch { .. }
        | Error::StaleControllerEpoch { .. }
        | Error::StaleController { .. }
        | Error::ControllerRunning { .. }
        | Error::GroupHasMembers { .. }
        | Error::GroupProtocol { .. } => (EXIT_CONFLICT, none()),
        Error::TopicNotFound { topic, place: Place::DataDir(_) } => {
            (EXIT_FAILURE, format!(" (create it with `klog topic create {}`)", topic))
        }
        Error::TopicNotFound { topic, place: Place::NoDataDir(_) } => {
            (EXIT_FAILURE, format!(" (create the topic with `klog topic create {}`)", topic))
        }
        Error::TopicNotFound { topic, place: Place::ClusterOrDataDir { .. } } => {
            (EXIT_FAILURE, format!(" (create it with `klog topic create {} --replication-factor N`)", topic))
        }
        Error::DataDirNotFound { path, role: None } => {
            (EXIT_FAILURE, format!(" (create it with `klog init --data-dir {}`)", path.display()))
        }
        Error::NotADataDir { path } => (
            EXIT_FAILURE,
            format!(" (make an empty or new directory one with `klog init --data-dir {}`)", path.display()),
        ),
        Error::NotAMetaStore { path, .. } => {
            (EXIT_FAILURE, format!(" (create it with `klog init --meta {}`)", path.display()))
        }
        Error::ReplicationFactor { .. } => (EXIT_FAILURE, " (--replication-factor)".into()),
        Error::NotInIsr { .. } => (EXIT_FAILURE, " (use --unclean to elect it anyway, losing records)".into()),
        Error::NoResetOffset { .. } => (EXIT_FAILURE, " and --reset is none".into()),
        Error::KeylessRecord { .. } => {
            (EXIT_FAILURE, " (give records keys with -K SEP, or \"key\" with --input json)".into())
        }
        Error::MirrorPartitionCount { dir: None, .. } => {
            (EXIT_FAILURE, " (--repartition spreads records by key instead)".into())
        }
        Error::UncutDamage { .. } => {
            (EXIT_FAILURE, " (`klog verify --repair` cuts the segment here and says what it drops)".into())
        }
        Error::NotEnoughReplicas { .. }
        | Error::OffsetOutOfRange { .. }
        | Error::TopicNotFound { .. }
        | Error::PartitionNotFound { .. }
        | Error::TopicExists { .. }
        | Error::TopicCollision { .. }
        | Error::PartitionCountDecrease { .. }
        | Error::GroupNotFound { .. }
        | Error::NoLeader { .. }
        | Error::NoLeaderInTime { .. }
        | Error::BrokerUnavailable { .. }
        | Error::NoGroupOffsets { .. }
        | Error::DataDirGone { .. }
        | Error::Invalid(_)
        | Error::NotFound(_)
        | Error::DataDirNotFound { role: Some(_), .. }
        | Error::BrokerNotRegistered { .. }
        | Error::PartitionDirNotFound { .. }
        | Error::NoGroupHome
        | Error::LeaderUnreachable { .. }
        | Error::LeaderDirGone { .. }
        | Error::BadLine { .. }
        | Error::KafkaPartitionNotFound { .. }
        | Error::NoSuchPartitions { .. }
        | Error::BadPlan { .. }
        | Error::AssignsUnregisteredBroker { .. }
        | Error::ReplicateToItself { tp: Some(_), .. }
        | Error::RecordTooLarge { .. }
        | Error::BadBatch { .. }
        | Error::ChangedWhileDeciding { .. }
        | Error::NotAReplica { .. }
        | Error::DeleteBeyondHighWatermark { .. }
        | Error::TopicIdMismatch { .. }
        | Error::ForeignFile { .. }
        | Error::NotAFollower { .. }
        | Error::NotADirectory { .. }
        | Error::NotEmpty { .. }
        | Error::DataDirIsBroker { .. }
        | Error::BrokerIdTaken { .. }
        | Error::ClusterMismatch { .. }
        | Error::OtherMetaStore { .. }
        | Error::DifferentClusters { .. }
        | Error::NotABroker { .. }
        | Error::MirrorPartitionCount { dir: Some(_), .. }
        | Error::KafkaUnreachable { .. }
        | Error::KafkaUndelivered { .. }
        | Error::HeaderKeyNotUtf8 { at: Some(_) }
        | Error::Corrupt { .. }
        | Error::Io { .. }
        | Error::Stream(_) => (EXIT_FAILURE, none()),
    }
}

/// Exit code for an error.
pub fn exit_code(e: &Error) -> i32 {
    disposition(e).0
}

/// An error as klog prints it: its message and the command line's hint.
pub fn error_line(e: &Error) -> String {
    let (_, hint) = disposition(e);
    format!("{}{}", e, hint)
}

/// Parses the process arguments, runs the command and returns the exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        // --help and --version print as clap renders them.
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return EXIT_OK;
        }
        Err(e) => {
            let args: Vec<String> = std::env::args().collect();
            eprintln!("klog: error: {}", clap_error_line(&e, &args));
            return EXIT_USAGE;
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) if e.is_broken_pipe() => EXIT_OK,
        Err(e) => {
            eprintln!("klog: error: {}", error_line(&e));
            exit_code(&e)
        }
    }
}

/// clap's usage error as the one line every klog error is: its message (with what clap lists
/// under it, and its tips, joined on the line) and where to read more (`klog CMD --help`) instead
/// of the usage block. `args` are the process arguments, to name the subcommand.
pub fn clap_error_line(e: &clap::Error, args: &[String]) -> String {
    use clap::CommandFactory;
    // The subcommand path the arguments reached: `klog topic create`.
    let mut path = vec!["klog".to_string()];
    let mut cmd = Cli::command();
    for a in args.iter().skip(1) {
        let Some(sub) = cmd.find_subcommand(a).cloned() else { continue };
        path.push(sub.get_name().to_string());
        cmd = sub;
    }
    let path = path.join(" ");
    let rendered = e.render().to_string();
    use clap::error::ErrorKind;
    let msg = if matches!(e.kind(), ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand)
    {
        let subs: Vec<&str> = cmd.get_subcommands().filter(|c| !c.is_hide_set()).map(|c| c.get_name()).collect();
        format!("'{}' needs a subcommand: {}", path, subs.join(", "))
    } else {
        let mut parts: Vec<&str> = Vec::new();
        for line in rendered.lines().map(str::trim) {
            if line.starts_with("Usage:") || line.starts_with("For more information") {
                break;
            }
            if !line.is_empty() {
                parts.push(line.strip_prefix("error:").map_or(line, str::trim_start));
            }
        }
        parts.join(" ").replace(" tip:", "; tip:")
    };
    format!("{} (see '{} --help')", msg, path)
}

/// Runs a parsed command line. Returns the exit code for outcomes that are not errors.
pub fn run(cli: Cli) -> Result<i32> {
    let mut ctx = Ctx {
        loc: Location {
            data_dir: cli.data_dir,
            meta: cli.meta,
            lock_timeout: Duration::from_millis(cli.lock_timeout_ms.unwrap_or(LOCK_TIMEOUT_MS_DEFAULT)),
        },
        lock_timeout_given: cli.lock_timeout_ms.map(Duration::from_millis),
        quiet: cli.quiet,
        kafka: None,
    };
    let timeout = Duration::from_millis(cli.request_timeout_ms.max(1));
    if let Command::Mirror(a) = cli.command {
        let (properties, _) = client_properties(&cli.client_property, cli.client_config.as_deref())?;
        return mirror::run(&ctx, properties, timeout, a);
    }
    ctx.kafka =
        kafka_cluster(cli.bootstrap_server.as_deref(), &cli.client_property, cli.client_config.as_deref(), timeout)?;
    if ctx.kafka.is_some()
        && !matches!(
            cli.command,
            Command::Topic(_)
                | Command::Produce(_)
                | Command::Consume(_)
                | Command::Offsets(_)
                | Command::Group(_)
                | Command::DeleteRecords(_)
                | Command::Completions(_)
        )
    {
        return Err(Error::Usage(format!(
            "`klog {}` works on data directories only; against a Kafka cluster (-b) klog has topic, produce, \
             consume (also with --group), offsets, group and delete-records",
            command_name(&cli.command)
        )));
    }
    match cli.command {
        Command::Init(a) if ctx.loc.meta.is_some() => {
            let meta = ctx.loc.meta.clone().unwrap_or_default();
            let j = crate::app::cluster::join(&ctx.loc.data_dir, &meta, a.broker_id, ctx.loc.lock_timeout)?;
            out(&format!(
                "{} data directory {} (broker.id={}, cluster.id={}) in the cluster of {}\n",
                if j.created { "created" } else { "initialised" },
                j.data_dir.display(),
                j.broker_id,
                j.cluster_id,
                j.meta.display()
            ))?;
            Ok(EXIT_OK)
        }
        Command::Init(a) => {
            let r = DataDir::init(&ctx.loc.data_dir, a.broker_id)?;
            println!(
                "{} data directory {} (broker.id={}, cluster.id={})",
                if r.created { "created" } else { "initialised" },
                r.root.display(),
                r.broker_id,
                r.cluster_id
            );
            Ok(EXIT_OK)
        }
        Command::Topic(c) => topic::run(&ctx, c.normalized()),
        Command::Produce(mut a) => {
            a.topic = either(&mut a.topic_pos, &mut a.topic_opt);
            produce::run(&ctx, a)
        }
        Command::Consume(a) => consume::run(&ctx, a),
        Command::Offsets(mut a) => {
            a.topic = either(&mut a.topic_pos, &mut a.topic_opt);
            offsets::run(&ctx, a)
        }
        Command::Group(c) => group::run(&ctx, c),
        Command::Dump(a) => dump::run(a),
        Command::Verify(mut a) => {
            a.topic = a.topic.take().or(a.topic_opt.take());
            verify::run(&ctx, a)
        }
        Command::Perf(c) => perf::run(&ctx, c),
        Command::Retention(mut a) => {
            a.topics.append(&mut a.topic_opts);
            retention::run(&ctx, a)
        }
        Command::DeleteRecords(mut a) => {
            a.topic = a.topic.take().or(a.topic_opt.take());
            delete_records::run(&ctx, a)
        }
        Command::Replicate(a) => replicate::run(&ctx, a),
        Command::Cluster(c) => cluster::run(&ctx, c),
        Command::Controller(c) => controller::run(&ctx, c),
        Command::LeaderElection(a) => controller::leader_election(&ctx, a),
        Command::Reassign(a) => reassign::run(&ctx, a),
        Command::Broker(c) => replicate::broker(&ctx, c),
        Command::Completions(a) => generate::completions(a),
        Command::Generate(a) => generate::generate(a),
        Command::Mirror(_) => unreachable!("mirror runs before the data directory commands"),
        Command::CompleteNames(a) => generate::complete_names(&ctx, a),
    }
}

/// The name of `c` as typed: `DeleteRecords` -> `delete-records`.
fn command_name(c: &Command) -> String {
    use clap::CommandFactory;
    let dbg = format!("{:?}", c);
    let variant = dbg.split(['(', ' ', '{']).next().unwrap_or("").to_string();
    Cli::command()
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .find(|n| n.replace('-', "") == variant.to_ascii_lowercase())
        .unwrap_or(variant)
}

/// A positional value or its `--option` spelling, whichever was given (clap requires one and
/// refuses both).
fn either(positional: &mut Option<String>, option: &mut Option<String>) -> String {
    positional.take().or_else(|| option.take()).unwrap_or_default()
}

/// The Kafka cluster named by -b (or $KLOG_BOOTSTRAP_SERVERS), or by `bootstrap.servers` in a
/// client config file given with -F; its properties are [`client_properties`], then -b.
/// `None`: the command works on data directories.
fn kafka_cluster(
    bootstrap: Option<&str>,
    props: &[String],
    file: Option<&str>,
    timeout: Duration,
) -> Result<Option<crate::kafka::Cluster>> {
    let (mut properties, explicit_file) = client_properties(props, file)?;
    if let Some(b) = bootstrap {
        properties.insert("bootstrap.servers".into(), b.to_string());
    }
    // A default config file alone never turns a directory command into a cluster one.
    if bootstrap.is_none() && !(explicit_file && properties.contains_key("bootstrap.servers")) {
        if !props.is_empty() {
            return Err(Error::Usage(
                "-X sets client properties of a Kafka cluster: give one with -b HOST:PORT".into(),
            ));
        }
        return Ok(None);
    }
    Ok(Some(crate::kafka::Cluster::new(properties, timeout)?))
}

/// The client properties of the config file (-F, else $KLOG_CONFIG, else
/// ~/.config/klog/client.properties when it exists), then -X; and whether -F named a file.
fn client_properties(props: &[String], file: Option<&str>) -> Result<(crate::kafka::Properties, bool)> {
    let explicit_file = file.is_some_and(|f| f != "-");
    let file: Option<PathBuf> = match file {
        Some("-") => None,
        Some(f) => Some(PathBuf::from(f)),
        None => std::env::var_os("KLOG_CONFIG").map(PathBuf::from).or_else(|| {
            let p = PathBuf::from(std::env::var_os("HOME")?).join(".config/klog/client.properties");
            p.is_file().then_some(p)
        }),
    };
    let mut properties = match &file {
        Some(f) => crate::kafka::read_properties(f)?,
        None => Default::default(),
    };
    for kv in props {
        let (k, v) = kv
            .split_once('=')
            .filter(|(k, _)| !k.trim().is_empty())
            .ok_or_else(|| Error::Usage(format!("-X takes KEY=VALUE, not '{}'", redact_assignment(kv))))?;
        properties.insert(k.trim().to_string(), v.to_string());
    }
    Ok((properties, explicit_file))
}

/// `KEY=VALUE` with the value hidden when the key names a secret.
fn redact_assignment(kv: &str) -> String {
    match kv.split_once('=') {
        Some((k, _)) if crate::kafka::is_secret(k) => format!("{}=***", k),
        _ if crate::kafka::is_secret(kv) => "***".into(),
        _ => kv.to_string(),
    }
}

static STOP: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

extern "C" fn on_signal(_: libc::c_int) {
    STOP.store(true, std::sync::atomic::Ordering::SeqCst);
}

/// SIGINT and SIGTERM as a request to stop: from now on they set the stop flag instead of
/// killing the process, so that long-running commands (group members, broker agents, mirrors)
/// finish what they are doing, leave cleanly and exit, instead of dying mid-way.
pub fn install_stop_handlers() {
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        libc::signal(libc::SIGINT, on_signal as *const () as libc::sighandler_t);
        libc::signal(libc::SIGTERM, on_signal as *const () as libc::sighandler_t);
    }
}

/// Whether SIGINT or SIGTERM arrived.
pub fn stop_requested() -> bool {
    STOP.load(std::sync::atomic::Ordering::SeqCst)
}

/// Writes to stdout, turning write errors into `Error::Stream` (so a closed pipe ends quietly).
pub fn out(s: &str) -> Result<()> {
    use std::io::Write;
    let mut o = std::io::stdout().lock();
    o.write_all(s.as_bytes()).map_err(Error::Stream)?;
    o.flush().map_err(Error::Stream)
}

/// Prints a JSON value on one line.
pub fn out_json(v: &serde_json::Value) -> Result<()> {
    out(&format!("{}\n", v))
}

#[cfg(test)]
mod tests {
    use super::{error_line, exit_code, Cli, EXIT_CONFLICT, EXIT_FAILURE, EXIT_USAGE};
    use crate::error::{Error, Place};
    use clap::CommandFactory;
    use std::path::PathBuf;

    /// The disposition table's rows for the typed kinds: the exit code each had as a string, and
    /// the line the command line prints, its hint (which names commands and flags) included.
    #[test]
    fn every_contention_exits_as_a_conflict() {
        let t = || "t".to_string();
        let contended = [
            Error::Conflict("x".into()),
            Error::NoLongerReplica { topic: t(), partition: 0, broker: 2 },
            Error::ChangedDuringReassignment { topic: t(), partition: 0 },
            Error::StaleIsrChange {
                topic: t(),
                partition: 0,
                epoch: klog::LeaderEpoch(3),
                current: klog::LeaderEpoch(4),
            },
            Error::LeadershipKeptMoving { topic: t(), partition: 0 },
            Error::Locked { what: "partition t-0".into(), path: "/l".into(), waited_ms: 5 },
        ];
        for e in &contended {
            assert!(e.is_contention(), "{e}");
            assert_eq!(exit_code(e), EXIT_CONFLICT, "{e}");
        }
        assert!(!Error::NotFound("x".into()).is_contention());
    }

    #[test]
    fn typed_kinds_keep_their_exit_codes_and_get_their_hints() {
        let d = || PathBuf::from("/d");
        let t = || "t".to_string();
        let cases: Vec<(Error, i32, &str)> = vec![
            (
                Error::TopicNotFound { topic: t(), place: Place::DataDir(d()) },
                EXIT_FAILURE,
                "topic 't' does not exist in /d (create it with `klog topic create t`)",
            ),
            (
                Error::TopicNotFound { topic: t(), place: Place::NoDataDir(d()) },
                EXIT_FAILURE,
                "topic 't' does not exist: there is no data directory /d (create the topic with `klog topic create t`)",
            ),
            (
                Error::TopicNotFound { topic: t(), place: Place::ClusterOrDataDir { store: "/m".into(), data_dir: d() } },
                EXIT_FAILURE,
                "topic 't' is neither in the cluster of metadata store /m nor in data directory /d \
                 (create it with `klog topic create t --replication-factor N`)",
            ),
            (
                Error::TopicNotFound { topic: t(), place: Place::Cluster },
                EXIT_FAILURE,
                "topic 't' is not in the cluster metadata",
            ),
            (
                Error::PartitionNotFound { topic: t(), partition: 5, count: 2 },
                EXIT_FAILURE,
                "partition 5 does not exist in topic 't' (it has partitions 0..1)",
            ),
            (Error::TopicExists { topic: t(), place: Place::DataDir(d()) }, EXIT_FAILURE, "topic 't' already exists"),
            (
                Error::TopicCollision { topic: "a.b".into(), existing: "a_b".into() },
                EXIT_FAILURE,
                "topic 'a.b' collides with existing topic 'a_b' ('.' and '_' are the same to Kafka's metrics)",
            ),
            (
                Error::PartitionCountDecrease { topic: t(), count: 3, asked: 1 },
                EXIT_FAILURE,
                "topic 't' has 3 partitions; the count can only be increased, not set to 1",
            ),
            (
                Error::PartitionCount { count: 0, max: 10000 },
                EXIT_USAGE,
                "a topic needs between 1 and 10000 partitions, not 0 (--partitions)",
            ),
            (
                Error::ReplicationFactor { factor: 4, brokers: Some(3) },
                EXIT_FAILURE,
                "replication factor 4 is larger than the 3 registered broker(s) (--replication-factor)",
            ),
            (
                Error::ReplicaAssignment { what: "partition 1 repeats a broker".into() },
                EXIT_USAGE,
                "replica assignment: partition 1 repeats a broker (--replica-assignment)",
            ),
            (Error::GroupNotFound { group: "g".into(), place: Place::DataDir(d()) }, EXIT_FAILURE, "group 'g' does not exist"),
            (
                Error::NoResetOffset {
                    group: "g".into(),
                    tp: Some(crate::TopicPartition::new("t", 0)),
                    why: "has no committed offset".into(),
                },
                EXIT_FAILURE,
                "group g: t-0 has no committed offset and --reset is none",
            ),
            (
                Error::Locked { what: "partition t-0".into(), path: "/l".into(), waited_ms: 5 },
                EXIT_CONFLICT,
                "partition t-0 is locked by another process (waited 5 ms for /l)",
            ),
            (
                Error::DataDirNotFound { path: d(), role: None },
                EXIT_FAILURE,
                "data directory /d does not exist (create it with `klog init --data-dir /d`)",
            ),
            (
                Error::NotADataDir { path: d() },
                EXIT_FAILURE,
                "/d is not a data directory: it has no meta.properties (make an empty or new directory one with \
                 `klog init --data-dir /d`)",
            ),
            (
                Error::NotClusterMember { data_dir: d() },
                EXIT_USAGE,
                "/d is not a cluster member (klog init --meta DIR)",
            ),
            (
                Error::NotAMetaStore { path: "/m".into(), snapshot: ".klog-meta/snapshot.json".into() },
                EXIT_FAILURE,
                "/m is not a klog metadata store: it has no .klog-meta/snapshot.json (create it with `klog init --meta /m`)",
            ),
            (
                Error::NotInIsr { topic: t(), partition: 0, broker: 2, isr: vec![0] },
                EXIT_FAILURE,
                "t-0: broker 2 is not in the ISR [0] (use --unclean to elect it anyway, losing records)",
            ),
            (
                Error::KeylessRecord { topic: t(), record: 1 },
                EXIT_FAILURE,
                "compacted topic 't' cannot accept record 1 without a key (give records keys with -K SEP, or \"key\" \
                 with --input json)",
            ),
            (Error::NoBootstrapServers, EXIT_USAGE, "no bootstrap servers: pass -b HOST:PORT"),
            (
                Error::MirrorPartitionCount { topic: t(), bootstrap: "h:1".into(), count: 1, source_count: 2, dir: None },
                EXIT_FAILURE,
                "topic 't' has 1 partition(s) on the Kafka cluster at h:1 but 2 at the source: a mirror keeps \
                 partition numbers (--repartition spreads records by key instead)",
            ),
            (
                Error::UncutDamage { path: "/d/t-0/0.log".into(), position: 9, what: "bad CRC".into() },
                EXIT_FAILURE,
                "corrupt data in /d/t-0/0.log at byte 9: bad CRC (`klog verify --repair` cuts the segment here and \
                 says what it drops)",
            ),
            (
                Error::DataDirNotFound { path: d(), role: Some(crate::error::PairRole::Follower) },
                EXIT_FAILURE,
                "follower data directory /d does not exist",
            ),
            (
                Error::NoLongerReplica { topic: t(), partition: 0, broker: 2 },
                EXIT_CONFLICT,
                "t-0: broker 2 is no longer a replica (reassigned away); its copy was deleted",
            ),
            (
                Error::FollowerAheadOfLeader {
                    topic: t(),
                    partition: 0,
                    follower: "/f".into(),
                    epoch: 2,
                    start_offset: 7,
                    leader: "/l".into(),
                    leader_latest: -1,
                },
                EXIT_CONFLICT,
                "t-0: follower /f has records of leader epoch 2 from offset 7, newer than every epoch of leader /l \
                 (latest -1): the leader is stale; refusing to truncate the follower",
            ),
            (
                Error::ChangedDuringReassignment { topic: t(), partition: 0 },
                EXIT_CONFLICT,
                "t-0 changed during the reassignment; run it again",
            ),
            (
                Error::BrokerNotRegistered { broker: 3, metadata: false },
                EXIT_FAILURE,
                "broker 3 is not registered in the cluster",
            ),
            (
                Error::PartitionDirNotFound { path: "/d/t-0".into(), expected: true },
                EXIT_FAILURE,
                "partition directory /d/t-0 is missing",
            ),
            (Error::NoGroupHome, EXIT_FAILURE, "no data directory to keep the group in"),
            (
                Error::StaleIsrChange {
                    topic: t(),
                    partition: 0,
                    epoch: klog::LeaderEpoch(1),
                    current: klog::LeaderEpoch(2),
                },
                EXIT_CONFLICT,
                "t-0: ISR change decided under leader epoch 1, but the partition is at epoch 2",
            ),
            (
                Error::LeadershipKeptMoving { topic: t(), partition: 0 },
                EXIT_CONFLICT,
                "t-0: the leadership kept moving while the records were acknowledged; they are not acknowledged",
            ),
            (
                Error::LeaderUnreachable { topic: t(), partition: 0, broker: 1 },
                EXIT_FAILURE,
                "t-0: the leader, broker 1, became unreachable during replication; the ISR is left as it was",
            ),
            (
                Error::LeaderDirGone { topic: t(), partition: 0, path: "/b1".into() },
                EXIT_FAILURE,
                "t-0: the leader's data directory /b1 is gone",
            ),
            (
                Error::BadValue {
                    what: crate::error::ValueOf::Offset,
                    value: "x".into(),
                    why: "use beginning, end, N, -N or s@TIME".into(),
                },
                EXIT_USAGE,
                "invalid offset 'x' (use beginning, end, N, -N or s@TIME)",
            ),
            (
                Error::BadValue {
                    what: crate::error::ValueOf::TopicId,
                    value: "x".into(),
                    why: "is reserved by Kafka".into(),
                },
                EXIT_FAILURE,
                "topic id 'x' is reserved by Kafka",
            ),
            (
                Error::BadLine { file: None, line: 2, fault: crate::error::LineFault::NotObject },
                EXIT_FAILURE,
                "input line 2 must be a JSON object",
            ),
            (
                Error::BadFormat { text: "%".into(), fault: crate::error::FormatFault::LonePercent },
                EXIT_USAGE,
                "format \"%\" ends with a lone %",
            ),
            (
                Error::MirrorPartitionCount {
                    topic: t(),
                    bootstrap: "h:1".into(),
                    count: 1,
                    source_count: 2,
                    dir: Some(d()),
                },
                EXIT_FAILURE,
                "topic 't' has 1 partition(s) in /d but 2 on the Kafka cluster at h:1: a mirror keeps partition numbers",
            ),
            (
                Error::BadLine {
                    file: Some("/c".into()),
                    line: 1,
                    fault: crate::error::LineFault::NotClientProperty,
                },
                EXIT_USAGE,
                "/c line 1: a client property must be written KEY=VALUE",
            ),
            (Error::NulByte { what: "topic", value: "a\\0".into() }, EXIT_USAGE, "topic 'a\\0' holds a NUL byte"),
            (
                Error::BadClientProperty { key: "acks".into(), why: "bad".into(), bootstrap: "h:1".into() },
                EXIT_USAGE,
                "client property acks: bad (for the Kafka cluster at h:1)",
            ),
            (
                Error::KafkaUnreachable { bootstrap: "h:1".into(), waited_ms: 10, why: None },
                EXIT_FAILURE,
                "the Kafka cluster at h:1 cannot be reached within 10 ms",
            ),
            (
                Error::KafkaUndelivered {
                    records: 1,
                    topic: t(),
                    bootstrap: "h:1".into(),
                    fault: crate::error::Delivery::Failed("x".into()),
                },
                EXIT_FAILURE,
                "1 record(s) to topic 't' were not delivered to the Kafka cluster at h:1: x",
            ),
            (Error::HeaderKeyNotUtf8 { at: None }, EXIT_USAGE, "a header key for a Kafka cluster must be UTF-8"),
            (
                Error::HeaderKeyNotUtf8 { at: Some((crate::TopicPartition::new("t", 0), 3)) },
                EXIT_FAILURE,
                "t-0 offset 3: a header key is not UTF-8, which a Kafka cluster cannot take",
            ),
            (Error::NotADirectory { path: d() }, EXIT_FAILURE, "data directory /d is not a directory"),
            (Error::ReplicateToItself { dir: d(), tp: None }, EXIT_USAGE, "cannot replicate /d to itself"),
            (
                Error::MixedGroupTopics { group: "g".into(), cluster: vec!["a".into()], local: vec!["b".into()] },
                EXIT_USAGE,
                "group 'g': cluster topics (a) and topics of this data directory only (b) cannot share a group",
            ),
            (
                Error::DeleteBeyondHighWatermark { topic: t(), partition: 0, offset: 9, hw: 4 },
                EXIT_FAILURE,
                "offset 9 is out of range for t-0: records can be deleted up to the high watermark 4",
            ),
            (
                Error::ReplicateToItself { dir: d(), tp: Some("t-0".into()) },
                EXIT_FAILURE,
                "cannot replicate t-0 from /d to itself",
            ),
            (
                Error::NoSubscription { group: "g".into(), kafka: false },
                EXIT_USAGE,
                "group 'g' has no subscription yet: name the topics to consume",
            ),
            (
                Error::RecordTooLarge { topic: t(), record: 1, bytes: 9, max: 8 },
                EXIT_FAILURE,
                "record 1 of 9 bytes is larger than max.message.bytes (8) of topic 't'",
            ),
            (
                Error::InternalTopic { topic: "__consumer_offsets".into(), change: crate::app::topics::TopicChange::Delete },
                EXIT_USAGE,
                "'__consumer_offsets' is an internal topic and cannot be deleted",
            ),
            (
                Error::BadPlan { fault: crate::error::PlanFault::Empty },
                EXIT_FAILURE,
                "the reassignment plan names no partitions",
            ),
            (
                Error::AssignsUnregisteredBroker { broker: 9, named_by: crate::error::NamedBy::NewPartition(0) },
                EXIT_FAILURE,
                "partition 0: broker 9 is not registered in the cluster",
            ),
            (
                Error::ClusterMismatch { data_dir: d(), has: "a".into(), wanted: "b".into(), store: None },
                EXIT_FAILURE,
                "/d belongs to cluster a (not b); use an empty data directory",
            ),
            (
                Error::NotABroker { data_dir: d(), store: Some("/m".into()) },
                EXIT_FAILURE,
                "/d is not a broker of the cluster of /m",
            ),
        ];
        for (e, code, line) in cases {
            assert_eq!(exit_code(&e), code, "{:?}", e);
            assert_eq!(error_line(&e), line, "{:?}", e);
        }
    }

    /// Every visible argument of `cmd` and its subcommands without help text, as `klog sub --arg`.
    fn undocumented(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
        for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            if a.get_help().is_none() && a.get_long_help().is_none() {
                let name = a.get_long().map_or_else(|| a.get_id().to_string(), |l| format!("--{}", l));
                out.push(format!("{} {}", path, name));
            }
        }
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            undocumented(sub, &format!("{} {}", path, sub.get_name()), out);
        }
    }

    #[test]
    fn every_visible_argument_has_help_text() {
        let mut cmd = Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        undocumented(&cmd, "klog", &mut missing);
        assert!(missing.is_empty(), "arguments without help text:\n{}", missing.join("\n"));
        // The walk sees arguments at all: one known to be documented is among those it visits.
        let group = cmd.find_subcommand("group").and_then(|g| g.find_subcommand("commit")).expect("group commit");
        assert!(group.get_arguments().any(|a| a.get_long() == Some("offset") && a.get_help().is_some()));
    }
}
