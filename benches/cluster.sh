#!/usr/bin/env bash
# Benchmarks of reading a cluster topic (release build), alternated round by round with
# benches/paired-ratio.py, reporting median times and the ratio to the first command:
#
#   consume  `klog consume -e` of RECORDS 100-byte records: a standalone data directory
#            (baseline) vs the same records in a 3-replica cluster topic, read from the leader
#            below its high watermark through the metadata store
#   group    a new one-member group reading the same records from the beginning with -e:
#            standalone (baseline) vs the cluster (group state beside the metadata store)
#
#   benches/cluster.sh [ROUNDS] [RECORDS] [WORKDIR]   defaults: 5 4000000 a fresh temp dir
. "$(dirname "$0")/common.sh"
ROUNDS=${1:-5}
N=${2:-4000000}
bench_setup "${3:-}"
bench_lines "$N" "$W/in.txt"
bench_partition "$W/s" t 1 "$W/in.txt"
if [ ! -d "$W/c/m" ]; then
    rm -rf "$W/c"
    for i in 0 1 2; do "$K" --data-dir "$W/c/b$i" --meta "$W/c/m" init --broker-id $i >/dev/null; done
    "$K" --meta "$W/c/m" topic create t --replication-factor 3 >/dev/null
    "$K" --meta "$W/c/m" produce t -p 0 --acks all < "$W/in.txt"
fi
none=$(mktemp -u)

cat > "$W/consume.json" <<JSON
[{"name": "standalone consume", "argv": ["$K", "--data-dir", "$W/s", "consume", "t", "-e"]},
 {"name": "cluster consume", "argv": ["$K", "--data-dir", "$none", "--meta", "$W/c/m", "consume", "t", "-e"]}]
JSON
cat > "$W/group.json" <<JSON
[{"name": "standalone group", "argv": ["$K", "--data-dir", "$W/s", "consume", "--group", "g", "t", "-e", "--reset", "earliest"],
  "prepare": "rm -rf $W/s/.klog/groups $W/s/__consumer_offsets-* $W/s/.klog/topics/__consumer_offsets.json"},
 {"name": "cluster group", "argv": ["$K", "--data-dir", "$none", "--meta", "$W/c/m", "consume", "--group", "g", "t", "-e", "--reset", "earliest"],
  "prepare": "rm -rf $W/c/m/coordinator"}]
JSON
for case in consume group; do
    echo "== $case"
    python3 "$RATIO" "$W/$case.json" "$ROUNDS" "$W/$case.out.json"
done
echo "(results in $W/*.out.json)"
