#!/usr/bin/env bash
# klog mirror's throughput both ways between a data directory and a real Kafka cluster, against
# kcat moving the same records, on the same one-node KRaft broker (benches/kafka-broker.sh) in
# the same run, alternated round by round with benches/paired-ratio.py (median times, and
# median per-round ratios to kcat, the first command of each table):
#
#   to the cluster    RECORDS 100-byte lines (99 bytes of value and a newline for kcat; the same
#                     99-byte values as records of a data directory's partition for klog) into a
#                     fresh one-partition topic per command and round:
#                       kcat -b B -P -t T -p 0 < input            (librdkafka's acks=all)
#                       kcat ... -X enable.idempotence=true       (the same, idempotent: what
#                         exactly-once costs librdkafka before transactions)
#                       klog mirror T --from DIR --to kafka://B   (acks=all, idempotent, one
#                         transaction per 1,000,000 records with its progress record; the progress
#                         topic klog-mirror-progress is made fresh each round too, so the mirror
#                         copies everything instead of resuming)
#   from the cluster  the same records from one topic filled once (by kcat), to its end:
#                       kcat -b B -C -t T -p 0 -e -o beginning -q > /dev/null
#                       klog mirror T --from kafka://B --to DIR2  (a fresh DIR2 each round:
#                         read_committed, records written at their source offsets, fsynced
#                         every 20,000 records and at the end)
#
#   benches/mirror.sh [RECORDS] [ROUNDS] [WORKDIR]      defaults: 1000000 5 a fresh temp dir
#
# KLOG_BEFORE=BIN adds another klog binary's mirror to the cluster to the first table (a build to
# compare with, on the same broker in the same rounds).
#
# The README's figures come from `CARGO_TARGET_DIR=/work/target-perf
# CARGO_LOCK=/tmp/klog-cargo.lock benches/mirror.sh 1000000 5`. What the ratios compare: whole
# processes, start-up included. kcat writes to /dev/null and keeps no position, so the ratio
# from the cluster includes everything a resumable, durable copy costs: the disk writes and
# fsyncs of DIR2. Towards the cluster, kcat -P neither reads a log nor runs transactions. The
# spread ([p10..p90]) on a shared 2-core machine is wide: compare medians. Needs what
# benches/kafka.sh needs (java 17+, mvn once, kcat). Results: WORKDIR/mirror-*.out.json.
. "$(dirname "$0")/common.sh"
N=${1:-1000000}
ROUNDS=${2:-5}
bench_kafka_setup "$N" "${3:-}"
# The source directory of the mirror to the cluster: topic m, one partition, the lines as values.
bench_partition "$W/src" m 1 "$W/in.txt"

# fresh-mirror-dest: an empty topic m on the cluster and an empty progress topic, so that the
# mirror has everything to copy (its progress of an earlier round would make it copy nothing).
cat > "$W/fresh-mirror-dest.sh" <<SH
#!/bin/sh
set -e
"$W/fresh-topic.sh" m
"$K" -b "$B" topic delete klog-mirror-progress >/dev/null 2>&1 || true
for i in \$(seq 300); do
    "$K" -b "$B" topic create klog-mirror-progress -P 1 -c cleanup.policy=compact >/dev/null 2>&1 &&
        "$K" -b "$B" topic describe klog-mirror-progress >/dev/null 2>&1 && exit 0
    sleep 0.1
done
echo "could not create topic klog-mirror-progress on $B" >&2
exit 1
SH
chmod +x "$W/fresh-mirror-dest.sh"

# --- directory to cluster --------------------------------------------------------------------
cat > "$W/mirror-to.json" <<JSON
[{"name": "kcat -P", "argv": ["kcat", "-b", "$B", "-P", "-t", "p-kcat", "-p", "0"],
  "stdin": "$W/in.txt", "prepare": "$W/fresh-topic.sh p-kcat"},
 {"name": "kcat -P idempotent", "argv": ["kcat", "-b", "$B", "-P", "-t", "p-idem", "-p", "0", "-X", "enable.idempotence=true"],
  "stdin": "$W/in.txt", "prepare": "$W/fresh-topic.sh p-idem"},
 {"name": "klog mirror dir->kafka", "argv": ["$K", "mirror", "m", "--from", "$W/src", "--to", "kafka://$B"],
  "prepare": "$W/fresh-mirror-dest.sh"}$(if [ -n "${KLOG_BEFORE:-}" ]; then echo ',
 {"name": "KLOG_BEFORE mirror dir->kafka", "argv": ["'"$KLOG_BEFORE"'", "mirror", "m", "--from", "'"$W/src"'", "--to", "kafka://'"$B"'"],
  "prepare": "'"$W/fresh-mirror-dest.sh"'"}'; fi)]
JSON
echo "== to the cluster: $N records of 99 bytes into a fresh topic, $ROUNDS rounds"
python3 "$RATIO" "$W/mirror-to.json" "$ROUNDS" "$W/mirror-to.out.json"
# The last round of each wrote every record.
for t in p-kcat p-idem m; do
    end=$("$K" -b "$B" offsets "$t" | awk 'NR > 1 && $2 == 0 { print $NF }')
    # A transactional topic's log end counts the commit markers (one per transaction).
    [ "$end" -ge "$N" ] || { echo "topic $t ends at offset '$end', below $N" >&2; exit 1; }
done
"$K" -b "$B" consume m -p 0 -e | cmp -s - "$W/in.txt" || { echo "topic m does not hold the $N records of $W/in.txt" >&2; exit 1; }
"$W/fresh-topic.sh" p-kcat # frees its disk space
"$W/fresh-topic.sh" p-idem
"$W/fresh-topic.sh" m

# --- cluster to directory --------------------------------------------------------------------
"$W/fresh-topic.sh" c
kcat -b "$B" -P -t c -p 0 < "$W/in.txt"
cat > "$W/mirror-from.json" <<JSON
[{"name": "kcat -C -e", "argv": ["kcat", "-b", "$B", "-C", "-t", "c", "-p", "0", "-e", "-o", "beginning", "-q"], "stdout": "devnull"},
 {"name": "klog mirror kafka->dir", "argv": ["$K", "mirror", "c", "--from", "kafka://$B", "--to", "$W/dst"],
  "prepare": "rm -rf $W/dst"}]
JSON
echo "== from the cluster: $N records of 99 bytes to the topic's end, $ROUNDS rounds (kcat to /dev/null, klog into a fresh directory)"
python3 "$RATIO" "$W/mirror-from.json" "$ROUNDS" "$W/mirror-from.out.json"
"$K" --data-dir "$W/dst" consume c -p 0 -e | cmp -s - "$W/in.txt" || { echo "$W/dst does not hold the $N records of $W/in.txt" >&2; exit 1; }
rm -rf "$W/dst"
echo "(results in $W/mirror-to.out.json and $W/mirror-from.out.json)"
