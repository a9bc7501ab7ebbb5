#!/usr/bin/env bash
# Consumer-group benchmarks:
#   1. group consumption of RECORDS records on 4 partitions with 1, 2 and 4 members, against a
#      plain `klog consume` of the same data (paired rounds, median ratios);
#   2. a member's start time with 1,000,000 earlier commits in __consumer_offsets;
#   3. time from a member's SIGKILL to its partitions being consumed again.
#
#   benches/groups.sh [RECORDS] [ROUNDS] [WORKDIR]      defaults: 4000000 5 a fresh temp dir
. "$(dirname "$0")/common.sh"
N=${1:-4000000}
ROUNDS=${2:-5}
bench_setup "${3:-}"
D="$W/d"
rm -rf "$D"
"$K" --data-dir "$D" topic create t --partitions 4 >/dev/null
python3 -c "
import sys
n = int(sys.argv[1])
sys.stdout.buffer.write(b''.join(b'%010d ' % i + b'x' * 88 + b'\n' for i in range(n)))
" "$((N / 4))" > "$W/quarter.txt"
for p in 0 1 2 3; do "$K" --data-dir "$D" produce t -p "$p" --acks 0 < "$W/quarter.txt"; done

members() {  # members N: N group members in parallel, each to the end of its share
    local n=$1 pids=()
    for i in $(seq "$n"); do
        "$K" --data-dir "$D" consume -G "bench$n" t --reset earliest -e > /dev/null &
        pids+=($!)
    done
    wait "${pids[@]}"
}
export -f members
export K D
cat > "$W/groups.json" <<JSON
[{"name": "plain consume", "argv": ["sh", "-c", "$K --data-dir $D consume t -e > /dev/null"]},
 {"name": "group, 1 member", "argv": ["bash", "-c", "members 1"], "prepare": "$K --data-dir $D group delete bench1 >/dev/null 2>&1 || true"},
 {"name": "group, 2 members", "argv": ["bash", "-c", "members 2"], "prepare": "$K --data-dir $D group delete bench2 >/dev/null 2>&1 || true"},
 {"name": "group, 4 members", "argv": ["bash", "-c", "members 4"], "prepare": "$K --data-dir $D group delete bench4 >/dev/null 2>&1 || true"}]
JSON
echo "== group consumption of $N records on 4 partitions"
python3 "$REPO/benches/paired-ratio.py" "$W/groups.json" "$ROUNDS" "$W/groups.out.json"

echo "== member start with 1,000,000 earlier commits"
# A million OffsetCommit records (Kafka's schema) of 1000 groups written straight into the
# __consumer_offsets partitions, then one ordinary commit of the measured group (which brings
# its snapshot up to date), then a member's start-up: join, read offsets, consume one record.
"$K" --data-dir "$D" group commit start --topic t -p 0 --offset 0 >/dev/null
python3 - "$W/commits" <<'PY'
import base64, struct, sys, os
def jhash(s):
    h = 0
    for c in s.encode('utf-16-be').decode('utf-16-be'):
        h = (31 * h + ord(c)) & 0xffffffff
    return h - (1 << 32) if h >= 1 << 31 else h
def part(g):
    h = jhash(g)
    return 0 if h == -(1 << 31) else abs(h) % 50
def s16(s):
    b = s.encode(); return struct.pack('>h', len(b)) + b
os.makedirs(sys.argv[1], exist_ok=True)
files = {}
target = part('start')
for i in range(1000000):
    g = 'start' if i % 1000 == 0 else 'other%d' % (i % 1000)
    p = part(g) if g == 'start' else target  # every commit lands in the measured group's partition
    key = struct.pack('>h', 1) + s16(g) + s16('t') + struct.pack('>i', i % 4)
    val = struct.pack('>hqi', 3, i, -1) + s16('') + struct.pack('>q', 1700000000000)
    if p not in files:
        files[p] = open(os.path.join(sys.argv[1], '%d.jsonl' % p), 'w')
    f = files[p]
    f.write('{"key_b64":"%s","value_b64":"%s"}\n' % (base64.b64encode(key).decode(), base64.b64encode(val).decode()))
for f in files.values(): f.close()
PY
for f in "$W"/commits/*.jsonl; do
    p=$(basename "$f" .jsonl)
    "$K" --data-dir "$D" produce __consumer_offsets -p "$p" --input json --acks 0 < "$f"
done
"$K" --data-dir "$D" group commit start --topic t -p 0 --offset 1 >/dev/null
for i in 1 2 3 4 5; do
    s=$(date +%s%N)
    "$K" --data-dir "$D" consume -G start t -e -c 1 > /dev/null
    e=$(date +%s%N)
    echo "member start, join, offsets read, one record, leave: $(( (e - s) / 1000000 )) ms"
done
"$K" --data-dir "$D" offsets __consumer_offsets | sort -k4 -n | tail -1

echo "== SIGKILL to reassignment"
for i in 1 2 3; do
    "$K" --data-dir "$D" consume -G kill t --reset latest -f -v > /dev/null 2> "$W/a.err" &
    A=$!
    sleep 0.5
    "$K" --data-dir "$D" consume -G kill t --reset latest -f -v > /dev/null 2> "$W/b.err" &
    B=$!
    sleep 1
    before=$(grep -c assigned "$W/b.err" || true)
    s=$(date +%s%N)
    kill -9 "$A"
    while [ "$(grep -c assigned "$W/b.err" || true)" -le "$before" ]; do sleep 0.005; done
    e=$(date +%s%N)
    echo "partitions of a killed member reassigned and owned after $(( (e - s) / 1000000 )) ms"
    kill "$B"; wait "$B" 2>/dev/null || true
done
