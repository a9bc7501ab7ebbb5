//! The real Apache Kafka as a test oracle: the pinned version of `interop/kafka/pom.xml`, fetched
//! by Maven once into `interop/kafka/target/lib` (never committed; Maven caches it in ~/.m2), a
//! one-node KRaft broker and controller on free loopback ports in a temporary directory, and
//! Kafka's own command-line tools (DumpLogSegments, GetOffsetShell, the console consumer,
//! kafka-consumer-groups, ...).
//!
//! Nothing here skips: a missing `java` or `mvn`, or jars Maven cannot fetch, fail the test with a
//! message saying what to install. Every wait is bounded, the broker's log is kept and quoted in
//! failures, and a broker is stopped (SIGTERM, then SIGKILL after a bound) when dropped.
#![allow(dead_code)]

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// `interop/kafka` in the repository.
pub fn interop_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("interop/kafka")
}

/// The Kafka version pinned in the pom (`<kafka.version>`).
pub fn kafka_version() -> String {
    let pom = fs::read_to_string(interop_dir().join("pom.xml")).expect("interop/kafka/pom.xml");
    let start = pom.find("<kafka.version>").expect("<kafka.version> in pom.xml") + "<kafka.version>".len();
    let end = start + pom[start..].find('<').expect("</kafka.version>");
    pom[start..end].trim().to_string()
}

fn have(tool: &str, arg: &str) -> bool {
    Command::new(tool).arg(arg).stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// The directory holding every jar of the pinned Kafka, its tools and a log4j2 backend; fetched
/// with Maven the first time (under a file lock, as test binaries run at once).
pub fn jars() -> &'static Path {
    static JARS: OnceLock<PathBuf> = OnceLock::new();
    JARS.get_or_init(|| {
        assert!(
            have("java", "-version"),
            "the Kafka oracle tests need Java 17 or later: `java` was not found on PATH \
             (install a JDK, e.g. `apt-get install openjdk-17-jdk-headless`)"
        );
        let dir = interop_dir().join("target/lib");
        let pom = fs::read(interop_dir().join("pom.xml")).expect("interop/kafka/pom.xml");
        // The pom the jars in `dir` were fetched for: a changed pom fetches them again.
        let marker = dir.join("fetched-for-pom.xml");
        let lock_path = interop_dir().join("target/.fetch.lock");
        fs::create_dir_all(lock_path.parent().unwrap()).expect("create interop/kafka/target");
        let lock = File::create(&lock_path).expect("create interop/kafka/target/.fetch.lock");
        lock.lock().expect("lock interop/kafka/target/.fetch.lock");
        if fs::read(&marker).ok().as_ref() != Some(&pom) {
            assert!(
                have("mvn", "-v"),
                "the Kafka oracle tests fetch Apache Kafka {} with Maven: `mvn` was not found on PATH \
                 (install Maven, e.g. `apt-get install maven`)",
                kafka_version()
            );
            let _ = fs::remove_dir_all(&dir);
            let out = Command::new("mvn")
                .args(["-q", "-B", "dependency:copy-dependencies", "-DincludeScope=runtime"])
                .arg("-DoutputDirectory=target/lib")
                .current_dir(interop_dir())
                .output()
                .expect("run mvn");
            let jar = dir.join(format!("kafka_2.13-{}.jar", kafka_version()));
            assert!(
                out.status.success() && jar.exists(),
                "mvn could not fetch Apache Kafka {} (does this machine reach Maven Central?): {}{}",
                kafka_version(),
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            fs::write(&marker, &pom).expect("write the fetch marker");
        }
        dir
    })
}

/// A `java` command with the Kafka jars on the class path and log4j2 configured by `log4j`.
pub fn java(log4j: &str) -> Command {
    let mut c = Command::new("java");
    c.arg("-Xms64m")
        .arg("-Xmx512m")
        .arg("-XX:+UseSerialGC")
        .arg("-XX:TieredStopAtLevel=1")
        .arg(format!("-Dlog4j2.configurationFile={}", interop_dir().join(log4j).display()))
        .arg("-cp")
        .arg(format!("{}/*", jars().display()))
        .stdin(Stdio::null());
    c
}

/// Runs one of Kafka's tools (a main class) to completion; it must exit 0. Returns stdout.
pub fn tool(class: &str, args: &[&str]) -> String {
    let out = tool_output(class, args);
    assert!(
        out.status.success(),
        "{} {:?} failed with {:?}:\n{}{}",
        class,
        args,
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn tool_output(class: &str, args: &[&str]) -> Output {
    java("log4j2-tools.properties").arg(class).args(args).output().expect("run java")
}

/// Kafka's DumpLogSegments (`kafka.tools.DumpLogSegments` up to 4.2) on `files` with `flags`.
pub fn dump_log_segments(files: &[&Path], flags: &[&str]) -> String {
    let list = files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(",");
    let mut args = vec!["--files", list.as_str()];
    args.extend_from_slice(flags);
    tool("kafka.tools.DumpLogSegments", &args)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").expect("bind a loopback port").local_addr().unwrap().port()
}

/// A one-node KRaft broker and controller on loopback, its log directory `logs` under a
/// temporary directory. Started by `Broker::start`, stopped cleanly by `stop`, killed by `kill`.
pub struct Broker {
    pub home: tempfile::TempDir,
    pub port: u16,
    cport: u16,
    child: Option<Child>,
    /// Where the broker's output goes, across restarts (each start appends).
    pub log: PathBuf,
}

impl Broker {
    /// Formats a fresh log directory and starts the broker; returns once it serves.
    pub fn start() -> Broker {
        let home = tempfile::tempdir().expect("temp dir");
        let log = home.path().join("broker.log");
        let mut b = Broker { home, port: free_port(), cport: free_port(), child: None, log };
        fs::create_dir_all(b.logs()).unwrap();
        b.write_properties();
        let cluster_id = "kLogOracleCluster0000w".to_string();
        assert_eq!(cluster_id.len(), 22);
        let props = b.properties();
        tool("kafka.tools.StorageTool", &["format", "-t", &cluster_id, "-c", props.to_str().unwrap()]);
        b.restart();
        b
    }

    /// The broker's log directory (`log.dirs`).
    pub fn logs(&self) -> PathBuf {
        self.home.path().join("logs")
    }

    pub fn bootstrap(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    fn properties(&self) -> PathBuf {
        self.home.path().join("server.properties")
    }

    fn write_properties(&self) {
        let text = format!(
            "process.roles=broker,controller\n\
             node.id=1\n\
             controller.quorum.voters=1@127.0.0.1:{cport}\n\
             listeners=PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{cport}\n\
             advertised.listeners=PLAINTEXT://127.0.0.1:{port}\n\
             controller.listener.names=CONTROLLER\n\
             inter.broker.listener.name=PLAINTEXT\n\
             listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT\n\
             log.dirs={logs}\n\
             num.partitions=1\n\
             offsets.topic.replication.factor=1\n\
             offsets.topic.num.partitions=50\n\
             transaction.state.log.replication.factor=1\n\
             transaction.state.log.min.isr=1\n\
             transaction.state.log.num.partitions=5\n\
             share.coordinator.state.topic.replication.factor=1\n\
             share.coordinator.state.topic.min.isr=1\n\
             group.initial.rebalance.delay.ms=0\n\
             group.consumer.session.timeout.ms=6000\n\
             group.consumer.min.session.timeout.ms=6000\n\
             group.consumer.heartbeat.interval.ms=1000\n\
             group.consumer.min.heartbeat.interval.ms=1000\n\
             log.retention.ms=-1\n\
             offsets.retention.minutes=5256000\n\
             log.cleaner.backoff.ms=1000\n\
             log.retention.check.interval.ms=1000\n\
             auto.create.topics.enable=false\n",
            port = self.port,
            cport = self.cport,
            logs = self.logs().display()
        );
        fs::write(self.properties(), text).unwrap();
    }

    /// Starts the (stopped) broker again on the same log directory; returns once it serves.
    pub fn restart(&mut self) {
        assert!(self.child.is_none(), "broker already running");
        let mut log = OpenOptions::new().create(true).append(true).open(&self.log).unwrap();
        writeln!(log, "==== klog oracle: starting the broker").unwrap();
        let mark = fs::metadata(&self.log).unwrap().len();
        let child = java("log4j2.properties")
            .arg("kafka.Kafka")
            .arg(self.properties())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("start the Kafka broker");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(180);
        loop {
            let text = fs::read(&self.log).unwrap();
            if String::from_utf8_lossy(&text[mark as usize..]).contains("Kafka Server started") {
                break;
            }
            if let Some(status) = self.child.as_mut().unwrap().try_wait().unwrap() {
                self.child = None;
                panic!("the Kafka broker exited with {} before serving; its log:\n{}", status, self.log_text());
            }
            if Instant::now() > deadline {
                self.kill();
                panic!("the Kafka broker did not serve within 180 s; its log:\n{}", self.log_text());
            }
            sleep(Duration::from_millis(200));
        }
    }

    /// SIGTERM and wait (a clean shutdown: the broker writes `.kafka_cleanshutdown`).
    pub fn stop(&mut self) {
        self.signal(libc::SIGTERM, Duration::from_secs(120));
        assert!(
            self.logs().join(".kafka_cleanshutdown").exists(),
            "the broker stopped without its clean-shutdown marker; its log:\n{}",
            self.log_tail()
        );
    }

    /// SIGKILL: an unclean stop, after which the broker recovers every segment on start.
    pub fn kill(&mut self) {
        self.signal(libc::SIGKILL, Duration::from_secs(60));
    }

    fn signal(&mut self, sig: i32, bound: Duration) {
        let Some(mut child) = self.child.take() else { return };
        // SAFETY: kill(2) on our own child, not yet reaped.
        unsafe { libc::kill(child.id() as i32, sig) };
        let deadline = Instant::now() + bound;
        while child.try_wait().unwrap().is_none() {
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!("the Kafka broker did not stop within {:?}; its log:\n{}", bound, self.log_tail());
            }
            sleep(Duration::from_millis(100));
        }
    }

    pub fn log_text(&self) -> String {
        String::from_utf8_lossy(&fs::read(&self.log).unwrap_or_default()).into_owned()
    }

    /// The last 200 lines of the broker's log, for failure messages.
    pub fn log_tail(&self) -> String {
        let text = self.log_text();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(200)..].join("\n")
    }

    /// Runs a Kafka tool against this broker (`--bootstrap-server` added); must exit 0.
    pub fn tool(&self, class: &str, args: &[&str]) -> String {
        let bs = self.bootstrap();
        let mut all = vec!["--bootstrap-server", bs.as_str()];
        all.extend_from_slice(args);
        let out = tool_output(class, &all);
        assert!(
            out.status.success(),
            "{} {:?} failed with {:?}:\n{}{}\nbroker log:\n{}",
            class,
            args,
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
            self.log_tail()
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Creates a topic in the broker (kafka-topics) and returns its topic id.
    pub fn create_topic(&self, name: &str, partitions: i32, configs: &[&str]) -> String {
        let p = partitions.to_string();
        let mut args = vec!["--create", "--topic", name, "--partitions", p.as_str(), "--replication-factor", "1"];
        for c in configs {
            args.push("--config");
            args.push(c);
        }
        self.tool("org.apache.kafka.tools.TopicCommand", &args);
        self.topic_id(name)
    }

    pub fn topic_id(&self, name: &str) -> String {
        let out = self.tool("org.apache.kafka.tools.TopicCommand", &["--describe", "--topic", name]);
        let at = out.find("TopicId:").unwrap_or_else(|| panic!("no TopicId in kafka-topics --describe: {}", out));
        out[at + "TopicId:".len()..].split_whitespace().next().unwrap().to_string()
    }
}

impl Drop for Broker {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Runs `interop/kafka/KlogOracle.java` (Kafka's Java clients, see its header) to completion; it
/// must exit 0. Returns stdout.
pub fn oracle(args: &[&str]) -> String {
    let out = java("log4j2-tools.properties")
        .arg(interop_dir().join("KlogOracle.java"))
        .args(args)
        .output()
        .expect("run java KlogOracle.java");
    assert!(
        out.status.success(),
        "KlogOracle {:?} failed with {:?}:\n{}{}",
        args,
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Kafka's own consumer (KlogOracle consume): every record of `topics` with `isolation`, as
/// `klog consume --json` objects sorted by topic, partition and offset.
pub fn kafka_consume(b: &Broker, isolation: &str, topics: &[&str]) -> Vec<serde_json::Value> {
    let bs = b.bootstrap();
    let mut args = vec!["consume", bs.as_str(), isolation];
    args.extend_from_slice(topics);
    let mut v: Vec<serde_json::Value> =
        oracle(&args).lines().map(|l| serde_json::from_str(l).expect("KlogOracle JSON")).collect();
    sort_records(&mut v);
    v
}

pub fn sort_records(v: &mut [serde_json::Value]) {
    v.sort_by_key(|r| (r["topic"].as_str().unwrap().to_string(), r["partition"].as_i64(), r["offset"].as_i64()));
}

/// A root checkpoint file of a log directory (`recovery-point-offset-checkpoint`, ...):
/// (topic, partition) -> offset.
pub fn read_checkpoint(path: &Path) -> std::collections::BTreeMap<(String, i32), i64> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {}", path.display(), e));
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("0"), "{}: version", path.display());
    let n: usize = lines.next().unwrap().parse().unwrap();
    let m: std::collections::BTreeMap<(String, i32), i64> = lines
        .map(|l| {
            let f: Vec<&str> = l.split(' ').collect();
            ((f[0].to_string(), f[1].parse().unwrap()), f[2].parse().unwrap())
        })
        .collect();
    assert_eq!(m.len(), n, "{}: entry count", path.display());
    m
}

pub fn write_checkpoint(path: &Path, m: &std::collections::BTreeMap<(String, i32), i64>) {
    let mut text = format!("0\n{}\n", m.len());
    for ((t, p), o) in m {
        text.push_str(&format!("{} {} {}\n", t, p, o));
    }
    fs::write(path, text).unwrap();
}

/// `klog -b BOOTSTRAP` without a data directory, a config file or the environment's cluster, as
/// a plain command (for processes run in the background).
pub fn klog_net(b: &str) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("klog"));
    c.arg("-b")
        .arg(b)
        .env_remove("KLOG_DATA_DIR")
        .env_remove("KLOG_BOOTSTRAP_SERVERS")
        .env_remove("KLOG_CONFIG")
        .env("HOME", "/nonexistent")
        .current_dir(std::env::temp_dir());
    c
}

/// `klog -b BOOTSTRAP ARGS` with `input` on stdin and `env` added, run to completion (bounded in
/// time).
pub fn net_env(b: &str, args: &[&str], input: &[u8], env: &[(&str, &Path)]) -> Output {
    let mut c = assert_cmd::Command::from_std(klog_net(b));
    c.args(args).write_stdin(input.to_vec()).timeout(Duration::from_secs(120));
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

/// `klog -b BOOTSTRAP ARGS` with `input` on stdin (see [`klog_net`]), bounded in time.
pub fn net(b: &str, args: &[&str], input: &[u8]) -> Output {
    net_env(b, args, input, &[])
}

/// [`net`], which must succeed; returns the output.
pub fn net_succeeds(b: &str, args: &[&str], input: &[u8]) -> Output {
    let out = net(b, args, input);
    assert!(
        out.status.success(),
        "klog -b {} {:?} failed with {:?}: {}",
        b,
        args,
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// [`net`], which must succeed; returns stdout.
pub fn net_ok(b: &str, args: &[&str], input: &[u8]) -> String {
    String::from_utf8(net_succeeds(b, args, input).stdout).unwrap()
}

/// The rows of a consumer-groups table (Kafka's or klog's) for `group`: GROUP, TOPIC,
/// PARTITION, CURRENT-OFFSET, LOG-END-OFFSET, LAG, sorted.
pub fn group_rows(text: &str, group: &str) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = text
        .lines()
        .map(|l| l.split_whitespace().take(6).map(String::from).collect::<Vec<_>>())
        .filter(|f| f.len() == 6 && f[0] == group)
        .collect();
    rows.sort();
    rows
}

/// [`net`] with no input, which must fail with exit `code` and one `klog: error:` line; returns
/// the line.
pub fn net_fails(b: &str, args: &[&str], code: i32) -> String {
    let out = net(b, args, b"");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "klog -b {} {:?}: {}", b, args, err);
    assert!(err.starts_with("klog: error: ") && err.trim_end().lines().count() == 1, "{err}");
    err
}
