#!/usr/bin/env bash
# The current release build against the release build of an earlier revision, alternated round
# by round (benches/paired-ratio.py), reporting median times and ratios (baseline first):
#
#   produce-keyless  RECORDS 100-byte keyless records into a 6-partition topic (sticky partitioner)
#   produce-p0       the same records into partition 0 of a 1-partition topic
#
#   benches/against.sh REV [RECORDS] [ROUNDS] [WORKDIR]   defaults: 2000000 7 a fresh temp dir
#
# REV is built in a temporary git worktree with its own target directory (kept in WORKDIR, so a
# second run reuses it); BASE_BIN=path skips that build and uses the given binary as baseline.
. "$(dirname "$0")/common.sh"
REV=${1:?usage: benches/against.sh REV [RECORDS] [ROUNDS] [WORKDIR]}
N=${2:-2000000}
ROUNDS=${3:-7}
bench_setup "${4:-}"
if [ -z "${BASE_BIN:-}" ]; then
    rm -rf "$W/base-src"
    git -C "$REPO" worktree add --detach -q "$W/base-src" "$REV"
    (cd "$W/base-src" && CARGO_TARGET_DIR="$W/base-target" cargo build --release --quiet)
    git -C "$REPO" worktree remove --force "$W/base-src"
    BASE_BIN="$W/base-target/release/klog"
fi
bench_lines "$N" "$W/in.txt"

case_json() { # NAME PARTITIONS EXTRA-ARGS
    cat <<JSON
[{"name": "$REV $1", "argv": ["$BASE_BIN", "--data-dir", "$W/a", "produce", "t" $3],
  "stdin": "$W/in.txt", "prepare": "rm -rf $W/a && $BASE_BIN --data-dir $W/a topic create t -P $2 >/dev/null"},
 {"name": "current $1", "argv": ["$K", "--data-dir", "$W/b", "produce", "t" $3],
  "stdin": "$W/in.txt", "prepare": "rm -rf $W/b && $K --data-dir $W/b topic create t -P $2 >/dev/null"}]
JSON
}
case_json produce-keyless 6 "" > "$W/keyless.json"
case_json produce-p0 1 ', "-p", "0"' > "$W/p0.json"
for c in keyless p0; do
    echo "== produce-$c ($N records)"
    python3 "$RATIO" "$W/$c.json" "$ROUNDS" "$W/$c.out.json"
done
echo "(results in $W/*.out.json)"
