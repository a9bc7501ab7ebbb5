//! Issue 10, "what a Kafka user meets in the first hour", as the real `klog` binary shows it:
//! consuming like a pipe (one exit-at-end rule for plain and group consumers, a damaged
//! partition named while the healthy ones are read, an offset past a short partition's end,
//! kcat's `-o e@TIME`), scripts and cron (retention's exit code, one-line argument errors, usage
//! exit codes, a dry run by default for `group reset-offsets`), help for every flag, and the
//! spellings Kafka's tools and kcat accept (`--topic`, `--from-beginning`, `--max-messages`,
//! `group describe --group`, `-k`, `-q`, completion of topic and group names).

mod common;

use common::Klog;
use std::time::Duration;

/// A bound on any one command in this file, so that a consumer that never ends fails the test
/// instead of hanging it.
const BOUND: Duration = Duration::from_secs(60);

/// Runs `klog ARGS` with `input`, bounded by [`BOUND`]: (exit code, stdout, stderr).
fn run(t: &Klog, args: &[&str], input: &[u8]) -> (i32, String, String) {
    let out = t.cmd(args).write_stdin(input.to_vec()).timeout(BOUND).output().expect("run klog");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "klog {:?} panicked: {}", args, err);
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("klog {:?} did not exit by itself within {:?}: {}", args, BOUND, err));
    (code, String::from_utf8_lossy(&out.stdout).into_owned(), err)
}

/// Runs `klog ARGS` bounded by [`BOUND`], which must succeed; returns stdout.
fn ok(t: &Klog, args: &[&str]) -> String {
    let (code, out, err) = run(t, args, b"");
    assert_eq!(code, 0, "klog {:?}: {}", args, err);
    out
}

/// Lines of `s`, sorted (records of several partitions interleave).
fn sorted(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s.lines().map(String::from).collect();
    v.sort();
    v
}

/// `prefix-i` for each i in `range`, one per line.
fn numbered(prefix: &str, range: std::ops::Range<i32>) -> String {
    range.map(|i| format!("{}-{}\n", prefix, i)).collect()
}

// ---------------------------------------------------------------------------------------------
// Consume like a pipe
// ---------------------------------------------------------------------------------------------

#[test]
fn group_consumer_in_a_pipe_exits_at_the_end_like_plain_consume() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "-P", "3"]);
    for p in 0..3 {
        t.ok_with(&["produce", "t", "-p", &p.to_string()], numbered(&format!("p{}", p), 0..4).as_bytes());
    }
    // stdout is a pipe here: neither -e nor -f means -e, for a group member as for plain consume.
    let (code, plain, err) = run(&t, &["consume", "t"], b"");
    assert_eq!((code, plain.lines().count()), (0, 12), "{}", err);
    let (code, out, err) = run(&t, &["consume", "--group", "g", "t", "--reset", "earliest"], b"");
    assert_eq!(code, 0, "{}", err);
    assert_eq!(sorted(&out), sorted(&plain));
    // It committed what it wrote: the next run has nothing left, and ends too.
    let (code, out, err) = run(&t, &["consume", "--group", "g", "t"], b"");
    assert_eq!((code, out.as_str()), (0, ""), "{}", err);
    let describe = t.ok(&["group", "describe", "g"]);
    let rows: Vec<Vec<&str>> = describe.lines().skip(1).map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(rows.len(), 3, "{}", describe);
    assert!(rows.iter().all(|r| r[3] == "4" && r[5] == "0"), "{}", describe);
}

/// Flips one byte in the records of the batch that starts at byte `pos` of `log`.
fn damage_batch_at(log: &std::path::Path, pos: usize) {
    let mut bytes = std::fs::read(log).unwrap();
    bytes[pos + 70] ^= 0xff;
    std::fs::write(log, bytes).unwrap();
}

/// The size of the first batch of `log` (its 12-byte prefix plus batchLength).
fn first_batch_len(log: &std::path::Path) -> usize {
    let bytes = std::fs::read(log).unwrap();
    12 + u32::from_be_bytes(bytes[8..12].try_into().unwrap()) as usize
}

#[test]
fn a_corrupt_partition_is_named_and_the_healthy_ones_are_read() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "-P", "3"]);
    for p in 0..3 {
        // Two batches per partition: two produce runs.
        t.ok_with(&["produce", "t", "-p", &p.to_string()], numbered(&format!("p{}", p), 0..5).as_bytes());
        t.ok_with(&["produce", "t", "-p", &p.to_string()], numbered(&format!("p{}", p), 5..10).as_bytes());
    }
    let log = t.segment("t", 1, 0, ".log");
    let second = first_batch_len(&log);
    damage_batch_at(&log, second);
    let (code, out, err) = run(&t, &["consume", "t"], b"");
    assert_eq!(code, 1, "{}", err);
    // Every record of the healthy partitions, and of t-1 what comes before the damage.
    let mut want: Vec<String> =
        ["p0", "p2"].iter().flat_map(|p| numbered(p, 0..10).lines().map(String::from).collect::<Vec<_>>()).collect();
    want.extend(numbered("p1", 0..5).lines().map(String::from));
    want.sort();
    assert_eq!(sorted(&out), want);
    assert_eq!(err.lines().count(), 1, "{}", err);
    assert!(err.starts_with("klog: error: t-1: "), "{}", err);
    assert!(err.contains(&log.display().to_string()) && err.contains(&format!("at byte {}", second)), "{}", err);
    assert!(err.contains("from offset 5"), "{}", err);
    // The same with one partition asked for: the healthy one exits 0.
    let (code, out, _) = run(&t, &["consume", "t", "-p", "2"], b"");
    assert_eq!((code, out), (0, numbered("p2", 0..10)));
}

#[test]
fn an_offset_past_a_short_partition_reads_the_others() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "-P", "3"]);
    t.ok_with(&["produce", "t", "-p", "0"], numbered("a", 0..10).as_bytes());
    t.ok_with(&["produce", "t", "-p", "1"], numbered("b", 0..3).as_bytes());
    t.ok_with(&["produce", "t", "-p", "2"], numbered("c", 0..10).as_bytes());
    // As kcat: the short partition is reported and starts at its end, the others are read, exit 0.
    let (code, out, err) = run(&t, &["consume", "t", "-o", "7", "--format", "%p %s\\n"], b"");
    assert_eq!(code, 0, "{}", err);
    assert_eq!(sorted(&out), ["0 a-7", "0 a-8", "0 a-9", "2 c-7", "2 c-8", "2 c-9"]);
    assert_eq!(err.lines().count(), 1, "{}", err);
    assert!(err.starts_with("klog: warning: t-1: offset 7 is out of range (valid offsets are 0..3)"), "{}", err);
    // Past every partition's end: nothing to read is an error, as before.
    let (code, out, err) = run(&t, &["consume", "t", "-o", "20000"], b"");
    assert_eq!((code, out.as_str()), (1, ""), "{}", err);
    assert!(err.starts_with("klog: error: offset 20000 is out of range"), "{}", err);
    // A group member resets such a partition by its --reset policy.
    let (code, out, err) =
        run(&t, &["consume", "-G", "g", "t", "-o", "7", "--reset", "earliest", "--format", "%p %s\\n"], b"");
    assert_eq!(code, 0, "{}", err);
    assert_eq!(sorted(&out), ["0 a-7", "0 a-8", "0 a-9", "1 b-0", "1 b-1", "1 b-2", "2 c-7", "2 c-8", "2 c-9"]);
    assert!(err.contains("t-1: offset 7 is out of range (valid offsets are 0..3); reset to 0"), "{}", err);
}

#[test]
fn stop_time_ends_each_partition_before_its_first_record_at_or_after_it() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "-P", "2"]);
    for (p, name) in [(0, "a"), (1, "b")] {
        for i in 1..=4 {
            let ts = (i * 1000).to_string();
            t.ok_with(
                &["produce", "t", "-p", &p.to_string(), "--timestamp", &ts],
                format!("{}{}\n", name, i).as_bytes(),
            );
        }
    }
    let (code, out, err) = run(&t, &["consume", "t", "-o", "e@3000"], b"");
    assert_eq!(code, 0, "{}", err);
    assert_eq!(sorted(&out), ["a1", "a2", "b1", "b2"]);
    // With a start time: a window [s, e).
    let (_, out, _) = run(&t, &["consume", "t", "-o", "s@2000", "-o", "e@4000"], b"");
    assert_eq!(sorted(&out), ["a2", "a3", "b2", "b3"]);
    // RFC 3339 as for s@.
    let (_, out, _) = run(&t, &["consume", "t", "-p", "1", "-o", "e@1970-01-01T00:00:02Z"], b"");
    assert_eq!(out, "b1\n");
    // Following (-f) ends too once every partition reached the stop time.
    let (code, out, err) = run(&t, &["consume", "t", "-f", "-o", "e@2500"], b"");
    assert_eq!((code, sorted(&out)), (0, vec!["a1".to_string(), "a2".into(), "b1".into(), "b2".into()]), "{}", err);
    // Malformed, repeated, or with a group (as kcat -G): usage errors.
    for args in [
        &["consume", "t", "-o", "e@soon"][..],
        &["consume", "t", "-o", "e@1", "-o", "e@2"][..],
        &["consume", "t", "-o", "1", "-o", "2"][..],
        &["consume", "-G", "g", "t", "-o", "e@1"][..],
    ] {
        let (code, _, err) = run(&t, args, b"");
        assert_eq!(code, 2, "{:?}: {}", args, err);
        assert!(err.starts_with("klog: error: ") && err.lines().count() == 1, "{:?}: {}", args, err);
    }
}

// ---------------------------------------------------------------------------------------------
// Help text: every flag documented once, so --help, the man pages and completions carry it
// ---------------------------------------------------------------------------------------------

#[test]
fn documented_flags_show_their_help_text() {
    // Every visible argument has help text: checked over the clap definitions by the unit test
    // `cli::tests::every_visible_argument_has_help_text` of the binary. Here, the rendered help.
    let t = Klog::new();
    let help = t.ok(&["group", "commit", "--help"]);
    for flag in ["--topic", "--partition", "--offset", "--group"] {
        let line = help.lines().find(|l| l.trim_start().starts_with(flag) || l.contains(&format!(", {}", flag)));
        let line = line.unwrap_or_else(|| panic!("{} not in help: {}", flag, help));
        assert!(line.trim().len() > flag.len() + 12, "{} has no help text: {:?}", flag, line);
    }
}

// ---------------------------------------------------------------------------------------------
// Cron and scripts
// ---------------------------------------------------------------------------------------------

#[test]
fn argument_errors_are_one_klog_error_line_and_help_still_prints() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t"]);
    for (args, needle) in [
        (&["nosuchcmd"][..], "'nosuchcmd'"),
        (&["consume", "t", "--bogus"][..], "'--bogus'"),
        (&["consume"][..], "required"),
        (&["topic"][..], "'klog topic' needs a subcommand: create, list"),
        (&[][..], "needs a subcommand"),
        (&["consume", "t", "-e", "-f"][..], "cannot be used with"),
        (&["topic", "create", "x", "--partitions", "many"][..], "'many'"),
        (&["completions", "tcsh"][..], "'tcsh'"),
    ] {
        let (code, out, err) = run(&t, args, b"");
        assert_eq!(code, 2, "{:?}: {}", args, err);
        assert_eq!(out, "", "{:?}", args);
        assert_eq!(err.lines().count(), 1, "{:?}: not one line: {}", args, err);
        assert!(err.starts_with("klog: error: ") && err.contains(needle), "{:?}: {}", args, err);
        assert!(err.trim_end().ends_with("--help')"), "{:?}: says where to read more: {}", args, err);
    }
    let (_, _, err) = run(&t, &["topic", "create", "x", "-P", "many"], b"");
    assert!(err.contains("(see 'klog topic create --help')"), "{}", err);
    // --help and --version print normally and exit 0.
    let (code, out, err) = run(&t, &["consume", "--help"], b"");
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.contains("Usage: klog consume") && out.contains("--max-messages"), "{}", out);
    let (code, out, _) = run(&t, &["--version"], b"");
    assert_eq!(code, 0);
    assert!(out.starts_with("klog "), "{}", out);
}

#[test]
fn bad_option_values_are_usage_errors() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "-P", "2"]);
    ok(&t, &["consume", "-G", "g", "t"]);
    for args in [
        &["topic", "create", "x", "-P", "0"][..],
        &["topic", "create", "x", "-P", "10001"][..],
        &["topic", "create", "x", "--replication-factor", "0"][..],
        &["topic", "alter", "t", "-P", "0"][..],
        &["init", "--broker-id=-1"][..],
        &["consume", "t", "--partition=-1"][..],
        &["produce", "t", "--partition=-1"][..],
        &["offsets", "t", "--partition=-1"][..],
        &["delete-records", "t", "--partition=-1", "--before", "0"][..],
        &["group", "commit", "g", "--topic", "t", "--partition=-1", "--offset", "0"][..],
        &["group", "commit", "g", "--topic", "t", "-p", "0", "--offset=-5"][..],
        &["group", "reset-offsets", "g", "--topic", "t", "--to-offset=-1"][..],
        &["consume", "-G", "g", "t", "--session-timeout-ms=-1"][..],
        &["perf", "produce", "--partition=-1"][..],
    ] {
        let (code, _, err) = run(&t, args, b"x\n");
        assert_eq!(code, 2, "{:?}: {}", args, err);
        assert!(err.starts_with("klog: error: invalid value") && err.lines().count() == 1, "{:?}: {}", args, err);
    }
    assert!(!t.data().join("x-0").exists());
    // A value that depends on the data directory stays a failure (1): partition 5 of 2.
    let (code, _, err) = run(&t, &["consume", "t", "-p", "5"], b"");
    assert_eq!(code, 1, "{}", err);
}

#[test]
fn perf_with_no_records_reports_zero_rates_not_nan() {
    let t = Klog::new();
    let (code, out, err) = run(&t, &["perf", "produce", "--records", "0"], b"");
    assert_eq!(code, 0, "{}", err);
    assert!(out.starts_with("0 records sent, 0 records/sec"), "{}", out);
    assert!(!out.contains("NaN") && !out.contains("inf"), "{}", out);
    let (code, out, err) = run(&t, &["perf", "produce", "--records", "0", "--json"], b"");
    assert_eq!(code, 0, "{}", err);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for k in ["records_per_sec", "mb_per_sec", "encode_records_per_sec"] {
        assert_eq!(v[k], 0.0, "{}: {}", k, out);
    }
    let (code, out, _) = run(&t, &["perf", "consume", "--json"], b"");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((v["records"].as_u64(), v["records_per_sec"].as_f64()), (Some(0), Some(0.0)), "{}", out);
    // Records are written and read back; a record larger than the batch is refused first.
    let (code, out, err) = run(&t, &["perf", "produce", "--records", "2500", "--batch-size", "4096", "--json"], b"");
    assert_eq!(code, 0, "{}", err);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["records"], 2500, "{}", out);
    assert!(v["batches"].as_u64().unwrap() > 50, "{}", out);
    let (code, out, _) = run(&t, &["perf", "consume", "--json"], b"");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["records"], 2500, "{}", out);
    let (code, _, err) = run(&t, &["perf", "produce", "--topic", "p2", "--batch-size", "50"], b"");
    assert_eq!(code, 2, "{}", err);
    assert!(err.contains("does not fit a 50-byte batch") && err.lines().count() == 1, "{}", err);
    assert!(!t.partition_dir("p2", 0).exists(), "a refused perf run created its topic");
}

#[test]
fn reset_offsets_without_a_mode_is_a_dry_run_that_says_so() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t"]);
    t.ok_with(&["produce", "t"], numbered("r", 0..5).as_bytes());
    assert_eq!(ok(&t, &["consume", "-G", "g", "t", "--reset", "earliest"]).lines().count(), 5);
    let (code, out, err) = run(&t, &["group", "reset-offsets", "g", "--topic", "t", "--to-earliest"], b"");
    assert_eq!(code, 0, "{}", err);
    assert!(
        out.contains("NEW-OFFSET") && out.lines().nth(1).is_some_and(|l| l.split_whitespace().nth(3) == Some("0")),
        "{}",
        out
    );
    assert!(err.starts_with("klog: warning: no action was performed as --execute is missing"), "{}", err);
    // Nothing changed: the group still has nothing left to read.
    assert_eq!(ok(&t, &["consume", "-G", "g", "t"]), "");
    // --execute commits; --dry-run with --execute is a usage error.
    t.ok(&["group", "reset-offsets", "--group", "g", "--topic", "t", "--to-earliest", "--execute"]);
    assert_eq!(ok(&t, &["consume", "-G", "g", "t"]).lines().count(), 5);
    let (code, _, _) =
        run(&t, &["group", "reset-offsets", "g", "--topic", "t", "--to-earliest", "--dry-run", "--execute"], b"");
    assert_eq!(code, 2);
}

// ---------------------------------------------------------------------------------------------
// The spellings Kafka's tools and kcat users type
// ---------------------------------------------------------------------------------------------

#[test]
fn kafka_and_kcat_spellings_mean_the_same() {
    let t = Klog::new();
    t.ok(&["topic", "create", "--topic", "t", "--partitions", "2"]);
    // kcat's -k: one key for every record; keyed records land by murmur2, all in one partition.
    t.ok_with(&["produce", "--topic", "t", "-k", "same"], numbered("v", 0..6).as_bytes());
    let out = ok(&t, &["consume", "-t", "t", "--format", "%p %k %s\\n"]);
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split(' ').collect()).collect();
    assert_eq!(rows.len(), 6, "{}", out);
    assert!(rows.iter().all(|r| r[1] == "same" && r[0] == rows[0][0]), "{}", out);
    // --input json: a record's own key wins over -k.
    t.ok_with(
        &["produce", "t", "-p", "0", "--input", "json", "-k", "dflt"],
        b"{\"value\":\"a\"}\n{\"key\":\"own\",\"value\":\"b\"}\n",
    );
    let out = ok(&t, &["consume", "t", "-p", "0", "-o", "-2", "--format", "%k\\n"]);
    assert_eq!(out, "dflt\nown\n");
    // -k and -K together make no sense.
    assert_eq!(run(&t, &["produce", "t", "-k", "a", "-K", ":"], b"x\n").0, 2);
    // --from-beginning and --max-messages (kafka-console-consumer).
    let first = ok(&t, &["consume", "t", "-p", rows[0][0], "--from-beginning", "--max-messages", "2"]);
    assert_eq!(first, "v-0\nv-1\n");
    // --topic where the topic is positional, for every command that takes one.
    assert!(t.ok(&["offsets", "--topic", "t"]).contains("LATEST"));
    assert!(t.ok(&["topic", "describe", "--topic", "t"]).contains("Topic: t"));
    t.ok(&["verify", "--topic", "t"]);
    t.ok(&["retention", "--topic", "t"]);
    t.ok(&["delete-records", "--topic", "t", "-p", "1", "--before", "0"]);
    t.ok(&["topic", "alter", "--topic", "t", "-c", "retention.ms=1000000"]);
    // Both spellings at once: a usage error.
    assert_eq!(run(&t, &["offsets", "t", "--topic", "t"], b"").0, 2);
    // group describe --group G (kafka-consumer-groups), and the other group commands.
    ok(&t, &["consume", "-G", "g", "t", "--from-beginning"]);
    // --from-beginning is --reset earliest: with an explicit --reset of any kind, one usage line.
    for reset in ["latest", "earliest"] {
        let err = t.fails(&["consume", "-G", "g2", "t", "--from-beginning", "--reset", reset], b"", 2);
        assert!(err.contains("--from-beginning is --reset earliest"), "{err}");
    }
    let by_flag = t.ok(&["group", "describe", "--group", "g"]);
    assert_eq!(by_flag, t.ok(&["group", "describe", "g"]));
    assert!(by_flag.contains("g "), "{}", by_flag);
    t.ok(&["group", "commit", "--group", "g", "--topic", "t", "-p", "0", "--offset", "0"]);
    t.ok(&["group", "delete-offsets", "--group", "g", "--topic", "t"]);
    t.ok(&["group", "delete", "--group", "g"]);
    t.ok(&["topic", "delete", "--topic", "t"]);
    assert!(t.ok(&["topic", "list"]).is_empty() || !t.ok(&["topic", "list"]).contains("t\n"));
}

#[test]
fn quiet_drops_notes_but_not_errors() {
    let t = Klog::new();
    t.ok(&["topic", "create", "t", "-c", "internal.segment.bytes=200"]);
    t.ok_with(&["produce", "t"], numbered("r", 0..40).as_bytes());
    // -o past the end on a single partition: an error, -q or not.
    let (code, _, err) = run(&t, &["-q", "consume", "t", "-o", "999"], b"");
    assert_eq!(code, 1);
    assert!(err.starts_with("klog: error:"), "{}", err);
    // A group member starting at an explicit -o says so on stderr; -q keeps that quiet.
    let (code, out, err) = run(&t, &["consume", "-G", "g", "t", "-o", "38"], b"");
    assert_eq!((code, out.as_str()), (0, "r-38\nr-39\n"));
    assert!(err.contains("starting at offset 38 from -o"), "{}", err);
    let (code, out, err) = run(&t, &["consume", "-G", "h", "t", "-o", "38", "-q"], b"");
    assert_eq!((code, out.as_str(), err.as_str()), (0, "r-38\nr-39\n", ""));
}

#[test]
fn bash_completion_offers_the_topics_and_groups_of_the_data_directory() {
    let t = Klog::new();
    t.ok(&["topic", "create", "orders"]);
    t.ok(&["topic", "create", "audit"]);
    t.ok_with(&["produce", "orders"], b"x\n");
    ok(&t, &["consume", "-G", "billing", "orders"]);
    let script = t.dir.path().join("klog.bash");
    std::fs::write(&script, t.ok(&["completions", "bash"])).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("klog");
    let data = t.data();
    // Runs the completion function as bash would for the words typed; prints what it offers.
    let complete = |words: &[&str]| -> Vec<String> {
        let quoted: Vec<String> = words.iter().map(|w| format!("'{}'", w)).collect();
        let cmd = format!(
            "source '{}'\nCOMP_WORDS=({})\nCOMP_CWORD=$((${{#COMP_WORDS[@]}} - 1))\n\
             _klog_with_names klog \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"\n\
             printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display(),
            quoted.join(" ")
        );
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(cmd)
            .env("PATH", format!("{}:{}", bin.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default()))
            .env_remove("KLOG_DATA_DIR")
            .output()
            .expect("bash");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let mut v: Vec<String> =
            String::from_utf8_lossy(&out.stdout).lines().filter(|l| !l.is_empty()).map(String::from).collect();
        v.sort();
        v
    };
    let dd = data.to_str().unwrap();
    assert_eq!(complete(&["klog", "--data-dir", dd, "consume", ""]), ["audit", "orders"]);
    assert_eq!(complete(&["klog", "--data-dir", dd, "consume", "or"]), ["orders"]);
    assert_eq!(complete(&["klog", "--data-dir", dd, "produce", "--topic", ""]), ["audit", "orders"]);
    assert_eq!(complete(&["klog", "--data-dir", dd, "group", "describe", ""]), ["billing"]);
    assert_eq!(complete(&["klog", "--data-dir", dd, "consume", "-G", "b"]), ["billing"]);
    // Elsewhere it is clap's completion: options, subcommands.
    assert_eq!(complete(&["klog", "--data-dir", dd, "consume", "--from-b"]), ["--from-beginning"]);
    assert!(complete(&["klog", "--data-dir", dd, "group", ""]).contains(&"reset-offsets".to_string()));
}

/// A data directory with topics `audit` and `orders` and a group `billing`, the klog binary's
/// directory (for PATH), and a completion script of `shell` written beside them.
fn completion_fixture(shell: &str) -> (Klog, std::path::PathBuf, String) {
    let t = Klog::new();
    t.ok(&["topic", "create", "orders"]);
    t.ok(&["topic", "create", "audit"]);
    t.ok_with(&["produce", "orders"], b"x\n");
    ok(&t, &["consume", "-G", "billing", "orders"]);
    let script = t.dir.path().join(format!("klog.{shell}"));
    std::fs::write(&script, t.ok(&["completions", shell])).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("klog");
    let path = format!("{}:{}", bin.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
    (t, script, path)
}

/// Runs `shell -c cmd` (the shell must be installed: .ci/run installs fish and zsh); sorted lines.
fn shell_lines(shell: &str, cmd: &str, path: &str) -> Vec<String> {
    let out = std::process::Command::new(shell)
        .arg("-c")
        .arg(cmd)
        .env_clear()
        .env("PATH", path)
        .env("HOME", std::env::temp_dir())
        .output()
        .unwrap_or_else(|e| panic!("{shell} is needed by this test (apt-get install {shell}): {e}"));
    assert!(out.status.success(), "{shell}: {}", String::from_utf8_lossy(&out.stderr));
    let mut v: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| l.split('\t').next().unwrap_or("").to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn fish_completion_offers_the_topics_and_groups_of_the_data_directory() {
    let (t, script, path) = completion_fixture("fish");
    let dd = t.data().to_str().unwrap().to_string();
    // fish's own completion engine, asked what it offers for a command line.
    let complete =
        |line: &str| shell_lines("fish", &format!("source '{}'; complete -C '{}'", script.display(), line), &path);
    assert_eq!(complete(&format!("klog --data-dir {dd} consume ")), ["audit", "orders"]);
    assert_eq!(complete(&format!("klog --data-dir {dd} consume or")), ["orders"]);
    assert_eq!(complete(&format!("klog --data-dir {dd} produce --topic ")), ["audit", "orders"]);
    assert_eq!(complete(&format!("klog --data-dir {dd} topic delete a")), ["audit"]);
    assert_eq!(complete(&format!("klog --data-dir {dd} group describe ")), ["billing"]);
    assert_eq!(complete(&format!("klog --data-dir {dd} consume -G b")), ["billing"]);
    // Elsewhere it is clap's completion: options.
    assert_eq!(complete(&format!("klog --data-dir {dd} consume --from-b")), ["--from-beginning"]);
}

#[test]
fn zsh_completion_offers_the_topics_and_groups_of_the_data_directory() {
    let (t, script, path) = completion_fixture("zsh");
    let dd = t.data().to_str().unwrap().to_string();
    let text = std::fs::read_to_string(&script).unwrap();
    // Topic and group arguments complete through klog's functions, not as file names.
    for wired in ["::topics -- Topic to read", "::topic_pos -- Topic to write to", "::group_pos -- The group id"] {
        let line = text.lines().find(|l| l.contains(wired)).unwrap_or_else(|| panic!("{wired} not in the script"));
        assert!(line.contains(":_klog_topics'") || line.contains(":_klog_groups'"), "{line}");
    }
    assert!(text.lines().any(|l| l.contains("--group=[") && l.contains(":GROUP:_klog_groups'")));
    // The functions themselves, run by zsh on a typed line (compadd prints what it is given).
    let names = |kind: &str, line: &str| {
        let cmd = format!(
            "compdef() {{ : }}\nsource '{}'\ncompadd() {{ print -l -- ${{(P)2}} }}\nBUFFER='{}'\n_klog_{}",
            script.display(),
            line,
            kind
        );
        shell_lines("zsh", &cmd, &path)
    };
    assert_eq!(names("topics", &format!("klog --data-dir {dd} consume ")), ["audit", "orders"]);
    assert_eq!(names("groups", &format!("klog --data-dir={dd} group describe ")), ["billing"]);
    // Another data directory has other names.
    let other = Klog::new();
    other.ok(&["topic", "create", "solo"]);
    let od = other.data().to_str().unwrap().to_string();
    assert_eq!(names("topics", &format!("klog --data-dir {od} consume ")), ["solo"]);
}
