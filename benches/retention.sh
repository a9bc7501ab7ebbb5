#!/usr/bin/env bash
# Benchmarks of `klog retention` (release build) against plain-file baselines, alternated round
# by round (benches/paired-ratio.py), reporting median times and ratios:
#
#   compact   compaction of a ~1 GiB partition whose keys are 10% of its records (so about 10% of
#             the data is live), segment.bytes 100 MiB, restored from a pristine copy before each
#             round (outside the timing)        vs  cp -r of the same partition directory
#   noop-10k  a retention pass over a partition of 10,000 segments with nothing to delete
#                                               vs  ls -f of that partition directory
#
#   benches/retention.sh [ROUNDS] [RECORDS] [WORKDIR]   defaults: 5 9000000 a fresh temp dir
#
# Records are `k<random key>:<100 bytes>`, keys drawn uniformly from RECORDS/10 keys.
. "$(dirname "$0")/common.sh"
ROUNDS=${1:-5}
N=${2:-9000000}
bench_setup "${3:-}"

# The 1 GiB compacted partition, kept pristine.
if [ ! -d "$W/pristine/c-0" ]; then
    rm -rf "$W/pristine"
    "$K" --data-dir "$W/pristine" topic create c -c cleanup.policy=compact -c segment.bytes=104857600 >/dev/null
    python3 - "$N" <<'PY' | "$K" --data-dir "$W/pristine" produce c -p 0 -K : --acks 0
import random, sys
n = int(sys.argv[1]); keys = max(1, n // 10)
rnd = random.Random(42)
pad = b"v" * 90
out = sys.stdout.buffer
chunk = []
for i in range(n):
    chunk.append(b"k%d:%010d" % (rnd.randrange(keys), i) + pad + b"\n")
    if len(chunk) == 100000:
        out.write(b"".join(chunk)); chunk = []
out.write(b"".join(chunk))
PY
fi
du -sh "$W/pristine/c-0"
ls "$W/pristine/c-0" | grep -c '\.log$' | sed 's/^/segments: /'

# 10,000 segments, all young: nothing to delete.
if [ ! -d "$W/many/t-0" ]; then
    rm -rf "$W/many"
    "$K" --data-dir "$W/many" topic create t -c internal.segment.bytes=14 >/dev/null
    seq 10000 | "$K" --data-dir "$W/many" produce t -p 0 --batch-size 1 --acks 0
fi
ls "$W/many/t-0" | grep -c '\.log$' | sed 's/^/segments: /'

cat > "$W/compact.json" <<JSON
[{"name": "cp -r", "argv": ["cp", "-r", "$W/pristine/c-0", "$W/copy"], "prepare": "rm -rf $W/copy"},
 {"name": "klog retention (compact)", "argv": ["$K", "--data-dir", "$W/work", "retention"],
  "prepare": "rm -rf $W/work && cp -r $W/pristine $W/work"}]
JSON
cat > "$W/noop.json" <<JSON
[{"name": "ls -f", "argv": ["ls", "-f", "$W/many/t-0"]},
 {"name": "klog retention (10k segments, nothing to do)", "argv": ["sh", "-c", "$K --data-dir $W/many retention --exit-code; test \$? -eq 4"]}]
JSON
for case in compact noop; do
    echo "== $case"
    python3 "$RATIO" "$W/$case.json" "$ROUNDS" "$W/$case.out.json"
done
# What one compaction did.
rm -rf "$W/work" && cp -r "$W/pristine" "$W/work"
"$K" --data-dir "$W/work" retention
du -sh "$W/work/c-0"
echo "(results in $W/*.out.json)"
