# Sourced by the benchmark scripts: `bench_setup WORKDIR` goes to the repository, builds the
# release binary and sets REPO, K (the binary), RATIO (benches/paired-ratio.py) and W
# (the work directory, a fresh temp dir when WORKDIR is empty), honouring $CARGO_TARGET_DIR and,
# with CARGO_LOCK=FILE, building under `flock FILE` (a machine shared by several builders);
# `bench_lines N FILE` writes N records of about 100 bytes (`%010d` then padding), once;
# `bench_partition DIR TOPIC ACKS FILE` produces FILE into partition 0 of TOPIC in a standalone
# data directory DIR, once; `bench_kafka_setup N WORKDIR` is the start of the benchmarks against a
# real broker: bench_setup, W made absolute, the broker of benches/kafka-broker.sh (B, TOOL,
# $W/fresh-topic.sh) and N lines in $W/in.txt.
set -euo pipefail

bench_setup() {
    W=${1:-$(mktemp -d)}
    cd "$(dirname "${BASH_SOURCE[0]}")/.."
    REPO=$(pwd)
    RATIO="$REPO/benches/paired-ratio.py"
    [ -f "$RATIO" ] || { echo "benches/paired-ratio.py is missing" >&2; exit 1; }
    if [ -n "${CARGO_LOCK:-}" ]; then
        flock "$CARGO_LOCK" cargo build --release --quiet
    else
        cargo build --release --quiet
    fi
    K="${CARGO_TARGET_DIR:-$REPO/target}/release/klog"
    mkdir -p "$W"
}

bench_lines() {
    [ -f "$2" ] && return 0
    python3 - "$1" "$2" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
with open(path, "wb") as f:
    chunk = []
    for i in range(n):
        chunk.append(b"%010d " % i + b"x" * 88 + b"\n")
        if len(chunk) == 100000:
            f.write(b"".join(chunk)); chunk = []
    f.write(b"".join(chunk))
PY
}

bench_partition() {
    [ -d "$1/$2-0" ] && return 0
    rm -rf "$1"
    "$K" --data-dir "$1" topic create "$2" >/dev/null
    "$K" --data-dir "$1" produce "$2" -p 0 --acks "$3" < "$4"
}

bench_kafka_setup() {
    bench_setup "$2"
    W=$(cd "$W" && pwd)
    . "$REPO/benches/kafka-broker.sh"
    bench_lines "$1" "$W/in.txt"
    [ "$(wc -l < "$W/in.txt")" = "$1" ] || { echo "$W/in.txt does not hold $1 lines (another RECORDS?): remove it" >&2; exit 1; }
}
