# Sourced by the benchmarks against a real Kafka broker (benches/kafka.sh, benches/mirror.sh),
# by common.sh's bench_kafka_setup: installs kcat with apt when missing, fetches Kafka's jars with
# Maven into interop/kafka/target/lib once (the same marker and lock as tests/common/kafka.rs),
# starts a one-node KRaft broker (the Kafka of interop/kafka/pom.xml) on free loopback ports with
# its log directory under $W/kafka, stops it when the script exits however it exits, and sets
# B (its address), TOOL (the java command line of Kafka's tools, as kafka-run-class.sh) and
# $W/fresh-topic.sh T (deletes T if it exists, creates it again with one partition, empty, and
# returns once its metadata is served).
# --- tools: kcat, Kafka's jars ---------------------------------------------------------------
if ! command -v kcat >/dev/null; then
    echo "kcat is missing: apt-get install -y kcat" >&2
    SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get install -y kcat >/dev/null || { $SUDO apt-get update -qq && $SUDO apt-get install -y kcat >/dev/null; }
fi
command -v java >/dev/null || { echo "$0 needs java 17 or later (apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }
INTEROP="$REPO/interop/kafka"
JARS="$INTEROP/target/lib"
mkdir -p "$INTEROP/target"
(
    # The same marker and lock as tests/common/kafka.rs: jars fetched for this very pom are reused.
    flock 9
    if ! cmp -s "$INTEROP/pom.xml" "$JARS/fetched-for-pom.xml"; then
        command -v mvn >/dev/null || { echo "$0 fetches Kafka with Maven: apt-get install maven" >&2; exit 1; }
        rm -rf "$JARS"
        (cd "$INTEROP" && mvn -q -B dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib)
        cp "$INTEROP/pom.xml" "$JARS/fetched-for-pom.xml"
    fi
) 9>"$INTEROP/target/.fetch.lock"
# JVM options of Kafka's own scripts (kafka-run-class.sh; -Xmx1G for the broker as
# kafka-server-start.sh, -Xmx512M for the perf tools as kafka-*-perf-test.sh).
JVM_OPTS=(-server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35
    -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true -cp "$JARS/*")
TOOL=(java -Xmx512M "${JVM_OPTS[@]}" "-Dlog4j2.configurationFile=$INTEROP/log4j2-tools.properties")

# --- the broker --------------------------------------------------------------------------------
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
CPORT=$(free_port)
while [ "$CPORT" = "$PORT" ]; do CPORT=$(free_port); done
B="127.0.0.1:$PORT"
KH="$W/kafka"
rm -rf "$KH"
mkdir -p "$KH/logs"
cat > "$KH/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CPORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CPORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KH/logs
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
file.delete.delay.ms=1000
PROPS
"${TOOL[@]}" kafka.tools.StorageTool format -t kLogBenchCluster00000w -c "$KH/server.properties" >/dev/null
BROKER_PID=
stop_broker() {
    [ -n "$BROKER_PID" ] || return 0
    kill -TERM "$BROKER_PID" 2>/dev/null || true
    for _ in $(seq 600); do kill -0 "$BROKER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$BROKER_PID" 2>/dev/null || true
    wait "$BROKER_PID" 2>/dev/null || true
    BROKER_PID=
    rm -rf "$KH/logs"
}
trap stop_broker EXIT
trap 'exit 130' INT TERM HUP
java -Xms1G -Xmx1G "${JVM_OPTS[@]}" "-Dlog4j2.configurationFile=$INTEROP/log4j2.properties" \
    kafka.Kafka "$KH/server.properties" > "$KH/broker.log" 2>&1 < /dev/null &
BROKER_PID=$!
for i in $(seq 900); do
    grep -q "Kafka Server started" "$KH/broker.log" && break
    if ! kill -0 "$BROKER_PID" 2>/dev/null; then
        BROKER_PID=
        echo "the Kafka broker exited before serving; its log is $KH/broker.log:" >&2
        tail -30 "$KH/broker.log" >&2
        exit 1
    fi
    [ "$i" = 900 ] && { echo "the Kafka broker did not serve within 180 s; its log is $KH/broker.log" >&2; exit 1; }
    sleep 0.2
done
echo "Kafka $(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$INTEROP/pom.xml") broker at $B (log: $KH/broker.log)"

# fresh-topic T: deletes T if it exists and creates it again with one partition, empty; returns
# once its metadata is served.
cat > "$W/fresh-topic.sh" <<SH
#!/bin/sh
"$K" -b "$B" topic delete "\$1" >/dev/null 2>&1 || true
for i in \$(seq 300); do
    "$K" -b "$B" topic create "\$1" -P 1 >/dev/null 2>&1 && "$K" -b "$B" topic describe "\$1" >/dev/null 2>&1 && exit 0
    sleep 0.1
done
echo "could not create topic \$1 on $B" >&2
exit 1
SH
chmod +x "$W/fresh-topic.sh"
