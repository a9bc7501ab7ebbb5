#!/usr/bin/env bash
# Whole-command benchmarks of klog against plain-file baselines, run in the same go and
# alternated round by round (benches/paired-ratio.py), reporting median ratios.
#
#   benches/ratios.sh [RECORDS] [ROUNDS] [WORKDIR]     defaults: 10000000 5 a fresh temp dir
#
# Input: RECORDS lines of 100 bytes (99 characters and a newline). Cases:
#   produce-acks0   klog produce --acks 0            vs  cat input > file
#   produce-durable klog produce (fdatasync at exit) vs  cat input > file; sync -d file
#   consume         klog consume -e | cat            vs  cat file | cat
#   seek            consume -o N/2 -c 1 on RECORDS   vs  the same on RECORDS/100 records
#   small-produce   1000 one-record klog produce     vs  1000 x (echo x >> f; sync f)
. "$(dirname "$0")/common.sh"
N=${1:-10000000}
ROUNDS=${2:-5}
bench_setup "${3:-}"
rm -f "$W/in.txt"
bench_lines "$N" "$W/in.txt"
SMALL=$((N / 100))
head -n "$SMALL" "$W/in.txt" > "$W/small.txt"
# Prepared partitions for the consume and seek cases.
rm -rf "$W/big" "$W/little"
"$K" --data-dir "$W/big" topic create t >/dev/null
"$K" --data-dir "$W/big" produce t -p 0 --acks 0 < "$W/in.txt"
"$K" --data-dir "$W/little" topic create t >/dev/null
"$K" --data-dir "$W/little" produce t -p 0 --acks 0 < "$W/small.txt"
cp "$W/in.txt" "$W/copy.txt"

cat > "$W/produce.json" <<JSON
[{"name": "cat", "argv": ["sh", "-c", "cat $W/in.txt > $W/out.txt"], "prepare": "rm -f $W/out.txt"},
 {"name": "klog produce --acks 0", "argv": ["$K", "--data-dir", "$W/p", "produce", "t", "-p", "0", "--acks", "0"],
  "stdin": "$W/in.txt", "prepare": "rm -rf $W/p && $K --data-dir $W/p topic create t >/dev/null"}]
JSON
cat > "$W/durable.json" <<JSON
[{"name": "cat+sync", "argv": ["sh", "-c", "cat $W/in.txt > $W/out.txt; sync -d $W/out.txt"], "prepare": "rm -f $W/out.txt"},
 {"name": "klog produce", "argv": ["$K", "--data-dir", "$W/p", "produce", "t", "-p", "0"],
  "stdin": "$W/in.txt", "prepare": "rm -rf $W/p && $K --data-dir $W/p topic create t >/dev/null"}]
JSON
cat > "$W/consume.json" <<JSON
[{"name": "cat | cat", "argv": ["sh", "-c", "cat $W/copy.txt | cat"]},
 {"name": "klog consume | cat", "argv": ["sh", "-c", "$K --data-dir $W/big consume t -p 0 -e | cat"]}]
JSON
cat > "$W/seek.json" <<JSON
[{"name": "seek in $SMALL", "argv": ["$K", "--data-dir", "$W/little", "consume", "t", "-p", "0", "-o", "$((SMALL / 2))", "-c", "1"]},
 {"name": "seek in $N", "argv": ["$K", "--data-dir", "$W/big", "consume", "t", "-p", "0", "-o", "$((N / 2))", "-c", "1"]}]
JSON
cat > "$W/small.json" <<JSON
[{"name": "echo+sync x1000", "argv": ["sh", "-c", "for i in \$(seq 1000); do echo x >> $W/f.txt; sync $W/f.txt; done"], "prepare": "rm -f $W/f.txt"},
 {"name": "klog produce x1000", "argv": ["sh", "-c", "for i in \$(seq 1000); do echo x | $K --data-dir $W/s produce t -p 0; done"],
  "prepare": "rm -rf $W/s && $K --data-dir $W/s topic create t >/dev/null"}]
JSON
for case in produce durable consume seek small; do
    echo "== $case"
    python3 "$RATIO" "$W/$case.json" "$ROUNDS" "$W/$case.out.json"
done
echo "(results in $W/*.out.json)"
