#!/usr/bin/env python3
"""Failover latency of a following consumer on a three-broker cluster (release build).

Each round: a record is produced (acks=all) and the time until a running `klog consume -f`
prints it is measured: the steady-state latency (the baseline). Then the leader's directory is
moved away and, from that moment, records are produced (acks=1) until one is acknowledged by the
new leader the controller elected; the time until the consumer prints it is measured from the
failure. The broker then comes back, catches up and leads again (preferred election).

    benches/failover.py [ROUNDS]      default 10

Prints the median and p90 of both, and the median of the per-round ratios.
"""
import os, statistics as st, subprocess, sys, tempfile, time

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 10
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
K = os.path.join(REPO, "target", "release", "klog")
W = tempfile.mkdtemp()
M = os.path.join(W, "m")


def klog(*args, check=True, data=b""):
    r = subprocess.run([K, "--meta", M, *args], input=data, capture_output=True, cwd=W)
    if check and r.returncode != 0:
        sys.exit("klog %s failed: %s" % (" ".join(args), r.stderr.decode()))
    return r


for i in range(3):
    subprocess.run([K, "--data-dir", os.path.join(W, "b%d" % i), "--meta", M, "init", "--broker-id", str(i)],
                   check=True, capture_output=True)
klog("topic", "create", "t", "--replication-factor", "3")
procs = [subprocess.Popen([K, "--meta", M, "controller", "run"], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, cwd=W)]
for i in range(3):
    procs.append(subprocess.Popen([K, "--data-dir", os.path.join(W, "b%d" % i), "broker", "run", "--poll-ms", "50"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=W))
out_path = os.path.join(W, "consumed")
out = open(out_path, "wb")
procs.append(subprocess.Popen([K, "--meta", M, "--data-dir", os.path.join(W, "none"), "consume", "t", "-f"],
                              stdout=out, stderr=subprocess.DEVNULL, cwd=W))


def wait_for_line(line, limit=20.0):
    start = time.perf_counter()
    want = (line + "\n").encode()
    while time.perf_counter() - start < limit:
        with open(out_path, "rb") as f:
            if want in f.read():
                return time.perf_counter()
        time.sleep(0.001)
    sys.exit("timed out waiting for %r" % line)


def leader():
    import json
    with open(os.path.join(M, ".klog-meta", "snapshot.json")) as f:
        return json.load(f)["topics"]["t"]["partitions"][0]["leader"]


steady, failover = [], []
try:
    time.sleep(0.5)
    for r in range(ROUNDS):
        mark = "steady-%d" % r
        t0 = time.perf_counter()
        klog("produce", "t", "-p", "0", "--acks", "all", data=(mark + "\n").encode())
        steady.append(wait_for_line(mark) - t0)
        b = leader()
        home, away = os.path.join(W, "b%d" % b), os.path.join(W, "b%d.away" % b)
        mark = "failover-%d" % r
        t0 = time.perf_counter()
        os.rename(home, away)
        while klog("produce", "t", "-p", "0", "--acks", "1", check=False, data=(mark + "\n").encode()).returncode:
            time.sleep(0.005)
        failover.append(wait_for_line(mark) - t0)
        os.rename(away, home)
        deadline = time.time() + 20
        while klog("leader-election", "--type", "preferred", "--all", check=False).returncode and time.time() < deadline:
            time.sleep(0.05)
finally:
    for p in procs:
        p.kill()
        p.wait()

ratios = [f / s for f, s in zip(failover, steady)]
q = lambda xs, p: sorted(xs)[min(len(xs) - 1, int(p * len(xs)))]
print("steady produce->consume  median %.1f ms  p90 %.1f ms" % (st.median(steady) * 1e3, q(steady, 0.9) * 1e3))
print("failure->consume         median %.1f ms  p90 %.1f ms" % (st.median(failover) * 1e3, q(failover, 0.9) * 1e3))
print("ratio (per round) median %.2f [p10 %.2f .. p90 %.2f] over %d rounds"
      % (st.median(ratios), q(ratios, 0.1), q(ratios, 0.9), ROUNDS))
