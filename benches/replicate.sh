#!/usr/bin/env bash
# Benchmarks of replication (release build) against plain-file baselines, alternated round by
# round (benches/paired-ratio.py), reporting median times and ratios:
#
#   replicate  `klog replicate` of a ~1 GiB partition into an empty follower data directory
#              (which fsyncs what it copied)
#                                    vs  cp -r of the same partition directory, and cp -r + sync
#   produce    produce of RECORDS 100-byte records, standalone (baseline) vs a 3-replica cluster
#              topic with --acks 1 and with --acks all (the producer copies to both followers)
#
#   benches/replicate.sh [ROUNDS] [RECORDS] [WORKDIR]   defaults: 5 9000000 a fresh temp dir
. "$(dirname "$0")/common.sh"
ROUNDS=${1:-5}
N=${2:-9000000}
bench_setup "${3:-}"
# Input: N records of ~100 bytes.
bench_lines "$N" "$W/in.txt"
# The ~1 GiB leader partition.
bench_partition "$W/leader" r 0 "$W/in.txt"
du -sh "$W/leader/r-0"

cat > "$W/replicate.json" <<JSON
[{"name": "cp -r", "argv": ["cp", "-r", "$W/leader/r-0", "$W/copy"], "prepare": "rm -rf $W/copy"},
 {"name": "cp -r; sync -f", "argv": ["sh", "-c", "cp -r $W/leader/r-0 $W/copy2 && sync -f $W/copy2/*.log"], "prepare": "rm -rf $W/copy2"},
 {"name": "klog replicate", "argv": ["$K", "replicate", "--from", "$W/leader", "--to", "$W/follower"],
  "prepare": "rm -rf $W/follower && $K --data-dir $W/follower init --broker-id 1 >/dev/null"}]
JSON

# Produce: a tenth of the records, standalone vs 3 replicas.
head -n $((N / 10)) "$W/in.txt" > "$W/small.txt"
cluster="rm -rf $W/c && for i in 0 1 2; do $K --data-dir $W/c/b\$i --meta $W/c/m init --broker-id \$i >/dev/null; done && $K --meta $W/c/m topic create p --replication-factor 3 -c min.insync.replicas=2 >/dev/null"
cat > "$W/produce.json" <<JSON
[{"name": "standalone produce", "argv": ["$K", "--data-dir", "$W/s", "produce", "p", "-p", "0"], "stdin": "$W/small.txt",
  "prepare": "rm -rf $W/s && $K --data-dir $W/s topic create p >/dev/null"},
 {"name": "3 replicas, acks=1", "argv": ["$K", "--meta", "$W/c/m", "produce", "p", "-p", "0", "--acks", "1"],
  "stdin": "$W/small.txt", "prepare": "$cluster"},
 {"name": "3 replicas, acks=all", "argv": ["$K", "--meta", "$W/c/m", "produce", "p", "-p", "0", "--acks", "all"],
  "stdin": "$W/small.txt", "prepare": "$cluster"}]
JSON
for case in replicate produce; do
    echo "== $case"
    python3 "$RATIO" "$W/$case.json" "$ROUNDS" "$W/$case.out.json"
done
echo "(results in $W/*.out.json)"
