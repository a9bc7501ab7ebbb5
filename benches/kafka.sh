#!/usr/bin/env bash
# klog against a real Kafka cluster over the network, next to kcat (Debian's package, librdkafka
# like klog) and Kafka's own perf tools, on the same one-node KRaft broker (Apache Kafka of
# interop/kafka/pom.xml) in the same run, alternated round by round with
# benches/paired-ratio.py, reporting median times and ratios to kcat (the first command):
#
#   produce  RECORDS 100-byte lines (99 bytes of value and a newline) into partition 0 of a fresh
#            one-partition topic per command and round, every producer with acks=1:
#              kcat -b B -P -t T -p 0 -X acks=1 < input
#              klog -b B produce T -p 0 --acks 1 < input
#              kafka-producer-perf-test: ProducerPerformance --num-records RECORDS
#                --record-size 99 --throughput -1 --producer-props bootstrap.servers=B acks=1
#              (its own random 99-byte values, no keys: the same bytes per record as the lines)
#   consume  the same records from one topic filled once (by kcat), to the end, output discarded:
#              kcat -b B -C -t T -p 0 -e -o beginning -q > /dev/null
#              klog -b B consume T -p 0 -e > /dev/null
#              kcat -b B -G G -X auto.offset.reset=earliest -e -q T > /dev/null
#                (a group member; its group's offsets deleted before each round)
#              klog -b B consume T --group G -o beginning -e > /dev/null
#                (a group member: joins, is assigned, reads, commits, leaves)
#              kafka-consumer-perf-test: ConsumerPerformance --topic T --messages RECORDS
#                --bootstrap-server B (a new group each run, from the earliest offset)
#
#   benches/kafka.sh [RECORDS] [ROUNDS] [WORKDIR]      defaults: 10000000 5 a fresh temp dir
#
# KLOG_BEFORE=BIN adds another klog binary's consumers (plain and group) to the consume table (a
# build to compare with, on the same broker in the same rounds).
#
# The README's figures come from `CARGO_TARGET_DIR=/work/target-kbench
# CARGO_LOCK=/tmp/klog-cargo.lock benches/kafka.sh 1000000 5` (about 2 minutes on the 2-core
# machine, the broker's start-up included; the default 10 million records take about ten times
# as long and 4 GB of disk at most). CARGO_LOCK=FILE builds under `flock FILE`.
#
# What the ratios compare: whole processes, start-up included (for the JVM tools that is about
# 0.5 s of every run). kcat is Debian's (librdkafka 2.0.2 of bookworm); klog links the
# librdkafka its rdkafka crate bundles (2.12), with klog's defaults: fetch.wait.max.ms=10 (100
# with -f) and fetch.queue.backoff.ms=10 for consume (librdkafka's are 500 and 1000; kcat -e pays
# the 500 ms of the last, empty fetch once per run), fetched messages read 1,024 at a time, reconnect.backoff.ms=20 for every client (librdkafka
# 2.10+ drops the bootstrap connection under a metadata request in flight, whose retry waits
# reconnect.backoff.ms / 2 for a new connection; librdkafka 2.0.2 keeps the connection), linger.ms
# and batch sizes as librdkafka's defaults.
# The ratios' spread ([p10..p90]) on a shared 2-core machine is wide: compare medians.
#
# Needs java (17+), mvn (Kafka's jars are fetched into interop/kafka/target/lib once, as the tests
# do) and kcat (installed with `apt-get install -y kcat` when missing). The broker listens on free
# loopback ports, keeps its log directory under WORKDIR/kafka and is stopped when the script exits,
# however it exits. Each command's whole run is timed (the JVM tools' start-up included); the perf
# tools' own in-process figures are printed too. Results: WORKDIR/*.out.json.
. "$(dirname "$0")/common.sh"
N=${1:-10000000}
ROUNDS=${2:-5}
bench_kafka_setup "$N" "${3:-}"

# --- produce ---------------------------------------------------------------------------------
: > "$W/producer-perf.txt"
cat > "$W/produce.json" <<JSON
[{"name": "kcat -P", "argv": ["kcat", "-b", "$B", "-P", "-t", "p-kcat", "-p", "0", "-X", "acks=1"],
  "stdin": "$W/in.txt", "prepare": "$W/fresh-topic.sh p-kcat"},
 {"name": "klog produce", "argv": ["$K", "-b", "$B", "produce", "p-klog", "-p", "0", "--acks", "1"],
  "stdin": "$W/in.txt", "prepare": "$W/fresh-topic.sh p-klog"},
 {"name": "kafka-producer-perf-test", "argv": [$(printf '"%s", ' "${TOOL[@]}")
   "org.apache.kafka.tools.ProducerPerformance", "--topic", "p-perf", "--num-records", "$N", "--record-size", "99",
   "--throughput", "-1", "--producer-props", "bootstrap.servers=$B", "acks=1"],
  "stdout": "append:$W/producer-perf.txt", "prepare": "$W/fresh-topic.sh p-perf"}]
JSON
echo "== produce: $N records of 99 bytes (+ newline for kcat and klog) into a fresh topic, acks=1, $ROUNDS rounds"
python3 "$RATIO" "$W/produce.json" "$ROUNDS" "$W/produce.out.json"
# Every producer of the last round wrote all its records.
for t in p-kcat p-klog p-perf; do
    end=$("$K" -b "$B" offsets "$t" | awk 'NR > 1 && $2 == 0 { print $NF }')
    [ "$end" = "$N" ] || { echo "topic $t ends at offset '$end', not $N" >&2; exit 1; }
    "$W/fresh-topic.sh" "$t" # frees its disk space
done
echo "kafka-producer-perf-test's own figures (in-process, per round):"
grep "50th" "$W/producer-perf.txt" | sed 's/^/  /'

# --- consume ---------------------------------------------------------------------------------
"$W/fresh-topic.sh" c
kcat -b "$B" -P -t c -p 0 -X acks=1 < "$W/in.txt"
# The group consumers start from the beginning every round: klog's by -o beginning, kcat's
# (whose -o a group member ignores) by its group's offsets deleted before each round.
cat > "$W/fresh-kcat-group.sh" <<SH
#!/bin/sh
"$K" -b "$B" group delete kcat-bench >/dev/null 2>&1 || true
SH
chmod +x "$W/fresh-kcat-group.sh"
KCAT_GROUP="kcat -b $B -G kcat-bench -X auto.offset.reset=earliest -e -q c"
KLOG_GROUP="$K -b $B consume c --group klog-bench -o beginning -e"
# Outside the timing: the command-line consumers print exactly the records that went in.
for cmd in "kcat -b $B -C -t c -p 0 -e -o beginning -q" "$K -b $B consume c -p 0 -e" "$KCAT_GROUP" "$KLOG_GROUP"; do
    "$W/fresh-kcat-group.sh"
    $cmd | cmp -s - "$W/in.txt" || { echo "'$cmd' does not print the $N records of $W/in.txt" >&2; exit 1; }
done
: > "$W/consumer-perf.txt"
cat > "$W/consume.json" <<JSON
[{"name": "kcat -C -e", "argv": ["kcat", "-b", "$B", "-C", "-t", "c", "-p", "0", "-e", "-o", "beginning", "-q"], "stdout": "devnull"},
 {"name": "klog consume -e", "argv": ["$K", "-b", "$B", "consume", "c", "-p", "0", "-e"], "stdout": "devnull"},
 {"name": "kcat -G -e (group)", "argv": [$(printf '"%s", ' $KCAT_GROUP | sed 's/, $//')], "stdout": "devnull",
  "prepare": "$W/fresh-kcat-group.sh"},
 {"name": "klog consume --group -e", "argv": [$(printf '"%s", ' $KLOG_GROUP | sed 's/, $//')], "stdout": "devnull"},
$(if [ -n "${KLOG_BEFORE:-}" ]; then
    echo ' {"name": "KLOG_BEFORE consume -e", "argv": ["'"$KLOG_BEFORE"'", "-b", "'"$B"'", "consume", "c", "-p", "0", "-e"], "stdout": "devnull"},'
    echo ' {"name": "KLOG_BEFORE consume --group -e", "argv": ['"$(printf '"%s", ' ${KLOG_GROUP/#$K/$KLOG_BEFORE} | sed 's/, $//')"'], "stdout": "devnull"},'
fi)
 {"name": "kafka-consumer-perf-test", "argv": [$(printf '"%s", ' "${TOOL[@]}")
   "org.apache.kafka.tools.ConsumerPerformance", "--topic", "c", "--messages", "$N", "--bootstrap-server", "$B"],
  "stdout": "append:$W/consumer-perf.txt"}]
JSON
echo "== consume: $N records of 99 bytes from one topic, to its end, output discarded, $ROUNDS rounds"
python3 "$RATIO" "$W/consume.json" "$ROUNDS" "$W/consume.out.json"
echo "kafka-consumer-perf-test's own figures (in-process, per round):"
grep -m1 "^start.time" "$W/consumer-perf.txt" | sed 's/^/  /'
grep -v "^start.time" "$W/consumer-perf.txt" | sed 's/^/  /'
echo "(results in $W/produce.out.json and $W/consume.out.json)"
