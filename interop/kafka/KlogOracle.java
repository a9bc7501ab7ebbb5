// Kafka's own Java clients for klog's oracle tests (tests/kafka_oracle.rs), run as a single-file
// source program: `java -cp 'target/lib/*' KlogOracle.java COMMAND BOOTSTRAP ...`.
//
//   consume BOOTSTRAP ISOLATION TOPIC...   every record of every partition of the topics, from the
//       beginning up to the end offsets (the last stable offsets with read_committed), one JSON
//       object per line exactly as `klog consume --json` writes them.
//   fixture BOOTSTRAP                      the small workload of fixtures/ (see
//       fixtures/make-kafka-fixtures.sh): topic `cities` (11 one-record batches), fx-<codec>
//       topics, fx-txn (a committed and an aborted transaction), four classic groups and one
//       KIP-848 group committing offsets.
//   create BOOTSTRAP NAME[,KEY=VALUE...]...   creates one-partition topics (__consumer_offsets
//       through the broker itself); prints `NAME TOPIC-ID` for each.
//   write BOOTSTRAP                        the "Kafka writes, klog reads" workload: topics
//       k-none/k-gzip/k-snappy/k-lz4/k-zstd (keys, null keys and values, headers, explicit
//       timestamps), k-txn (committed and aborted transactions), k-compact and k-retain (the
//       broker's own compaction and retention, waited for), groups g-classic and g-consumer
//       (KIP-848) committing offsets. Prints what it committed as `group topic partition offset`.
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.*;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

public class KlogOracle {
    static final ObjectMapper JSON = new ObjectMapper();
    static final long BASE_TS = 1_700_000_000_000L;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "consume" -> consume(args[1], args[2], Arrays.asList(args).subList(3, args.length));
            case "write" -> write(args[1]);
            case "fixture" -> fixture(args[1]);
            case "create" -> create(args[1], Arrays.asList(args).subList(2, args.length));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static void create(String bootstrap, List<String> specs) throws Exception {
        Properties ap = new Properties();
        ap.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(ap)) {
            List<NewTopic> nts = new ArrayList<>();
            for (String spec : specs) {
                if (spec.equals("__consumer_offsets")) {
                    // The broker creates it itself on the first FindCoordinator for a group.
                    long deadline = System.currentTimeMillis() + 60_000;
                    while (true) {
                        try {
                            admin.listConsumerGroupOffsets("klog-oracle-probe").partitionsToOffsetAndMetadata().get();
                            break;
                        } catch (Exception e) {
                            if (System.currentTimeMillis() > deadline) throw e;
                            Thread.sleep(200);
                        }
                    }
                    String id = admin.describeTopics(List.of(spec)).allTopicNames().get().get(spec).topicId().toString();
                    System.out.println(spec + " " + id);
                    continue;
                }
                String[] parts = spec.split(",");
                Map<String, String> configs = new HashMap<>();
                for (int i = 1; i < parts.length; i++) {
                    String[] kv = parts[i].split("=", 2);
                    configs.put(kv[0], kv[1]);
                }
                nts.add(new NewTopic(parts[0], 1, (short) 1).configs(configs));
            }
            if (nts.isEmpty()) return;
            CreateTopicsResult r = admin.createTopics(nts);
            r.all().get();
            for (NewTopic nt : nts) System.out.println(nt.name() + " " + r.topicId(nt.name()).get());
        }
    }

    static Properties consumerProps(String bootstrap, String isolation) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        p.put("isolation.level", isolation);
        p.put("enable.auto.commit", "false");
        p.put("auto.offset.reset", "earliest");
        return p;
    }

    static void putBytes(ObjectNode o, String name, byte[] b) {
        if (b == null) {
            o.putNull(name);
            return;
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(b)).toString();
            o.put(name, s);
        } catch (CharacterCodingException e) {
            o.put(name + "_b64", Base64.getEncoder().encodeToString(b));
        }
    }

    static void consume(String bootstrap, String isolation, List<String> topics) throws Exception {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerProps(bootstrap, isolation))) {
            List<TopicPartition> tps = new ArrayList<>();
            for (String t : topics) {
                c.partitionsFor(t, Duration.ofSeconds(30)).forEach(pi -> tps.add(new TopicPartition(t, pi.partition())));
            }
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> end = c.endOffsets(tps, Duration.ofSeconds(30));
            long deadline = System.currentTimeMillis() + 60_000;
            while (tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.currentTimeMillis() > deadline) throw new RuntimeException("consume: end not reached");
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                    ObjectNode o = JSON.createObjectNode();
                    o.put("topic", r.topic());
                    o.put("partition", r.partition());
                    o.put("offset", r.offset());
                    o.put("timestamp", r.timestamp());
                    putBytes(o, "key", r.key());
                    putBytes(o, "value", r.value());
                    ArrayNode hs = o.putArray("headers");
                    for (Header h : r.headers()) {
                        ObjectNode ho = hs.addObject();
                        ho.put("key", h.key());
                        putBytes(ho, "value", h.value());
                    }
                    System.out.println(JSON.writeValueAsString(o));
                }
            }
        }
    }

    static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /// The i-th record of the codec topics: a null key every 3rd, a null value every 7th, headers
    /// (one with a null value) on odd ones, timestamps a second apart.
    static ProducerRecord<byte[], byte[]> record(String topic, int i) {
        RecordHeaders hs = new RecordHeaders();
        if (i % 2 == 1) {
            hs.add("h1", utf8("x" + i));
            hs.add("h2", null);
        }
        String key = i % 3 == 0 ? null : "k" + (i % 10);
        String value = i % 7 == 0 ? null : "value-" + i + "-" + "abcdefgh".repeat(i % 5);
        return new ProducerRecord<>(topic, 0, BASE_TS + i * 1000L, utf8(key), utf8(value), hs);
    }

    static Properties producerProps(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.serializer", ByteArraySerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        p.put("linger.ms", "5");
        p.put("batch.size", "2000");
        p.put("enable.idempotence", "true");
        p.put("acks", "all");
        return p;
    }

    static void write(String bootstrap) throws Exception {
        String[] codecs = {"none", "gzip", "snappy", "lz4", "zstd"};
        Properties ap = new Properties();
        ap.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(ap)) {
            List<NewTopic> nts = new ArrayList<>();
            for (String c : codecs) nts.add(new NewTopic("k-" + c, 1, (short) 1));
            nts.add(new NewTopic("k-txn", 1, (short) 1));
            nts.add(new NewTopic("k-compact", 1, (short) 1).configs(Map.of(
                "cleanup.policy", "compact", "segment.ms", "500", "min.cleanable.dirty.ratio", "0.01",
                "delete.retention.ms", "86400000")));
            nts.add(new NewTopic("k-retain", 1, (short) 1).configs(Map.of(
                "retention.ms", "3600000", "segment.ms", "500")));
            admin.createTopics(nts).all().get();
        }
        for (String c : codecs) {
            Properties p = producerProps(bootstrap);
            p.put("compression.type", c);
            try (KafkaProducer<byte[], byte[]> prod = new KafkaProducer<>(p)) {
                for (int i = 0; i < 200; i++) prod.send(record("k-" + c, i));
                prod.flush();
            }
        }
        Properties tp = producerProps(bootstrap);
        tp.put("transactional.id", "klog-oracle-txn");
        try (KafkaProducer<byte[], byte[]> prod = new KafkaProducer<>(tp)) {
            prod.initTransactions();
            for (int t = 0; t < 4; t++) {
                prod.beginTransaction();
                for (int i = 0; i < 5; i++) prod.send(record("k-txn", t * 5 + i));
                prod.flush();
                if (t % 2 == 1) prod.abortTransaction(); else prod.commitTransaction();
            }
        }
        // Non-transactional records after the transactions, from an idempotent producer.
        try (KafkaProducer<byte[], byte[]> prod = new KafkaProducer<>(producerProps(bootstrap))) {
            for (int i = 20; i < 25; i++) prod.send(record("k-txn", i));
            prod.flush();
        }
        commitGroup(bootstrap, "g-classic", "classic", "k-none", 120);
        commitGroup(bootstrap, "g-consumer", "consumer", "k-gzip", 77);
        brokerCompacts(bootstrap);
        brokerRetains(bootstrap);
    }

    static final String[] CITIES = {"New York", "Berlin", "Paris", "London", "Sydney", "Delhi", "Dubai",
        "Amsterdam", "Barcelona", "Madrid", "Toronto"};

    static void fixture(String bootstrap) throws Exception {
        String[] codecs = {"none", "gzip", "snappy", "lz4", "zstd"};
        Properties ap = new Properties();
        ap.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(ap)) {
            List<NewTopic> nts = new ArrayList<>();
            nts.add(new NewTopic("cities", 1, (short) 1));
            for (String c : codecs) nts.add(new NewTopic("fx-" + c, 1, (short) 1));
            nts.add(new NewTopic("fx-txn", 1, (short) 1));
            admin.createTopics(nts).all().get();
        }
        try (KafkaProducer<byte[], byte[]> prod = new KafkaProducer<>(producerProps(bootstrap))) {
            for (int i = 0; i < CITIES.length; i++) {
                prod.send(new ProducerRecord<>("cities", 0, BASE_TS + i, null, utf8(CITIES[i])));
                prod.flush();
            }
        }
        for (String c : codecs) {
            Properties p = producerProps(bootstrap);
            p.put("compression.type", c);
            try (KafkaProducer<byte[], byte[]> prod = new KafkaProducer<>(p)) {
                for (int i = 0; i < 20; i++) prod.send(record("fx-" + c, i));
                prod.flush();
            }
        }
        Properties tp = producerProps(bootstrap);
        tp.put("transactional.id", "klog-fixture-txn");
        try (KafkaProducer<byte[], byte[]> prod = new KafkaProducer<>(tp)) {
            prod.initTransactions();
            for (int t = 0; t < 2; t++) {
                prod.beginTransaction();
                for (int i = 0; i < 3; i++) prod.send(record("fx-txn", t * 3 + i));
                prod.flush();
                if (t == 1) prod.abortTransaction(); else prod.commitTransaction();
            }
        }
        for (int g = 0; g < 4; g++) commitGroup(bootstrap, "fixture-classic-" + g, "classic", "cities", 3 + g);
        commitGroup(bootstrap, "fixture-consumer", "consumer", "cities", 9);
    }

    static void commitGroup(String bootstrap, String group, String protocol, String topic, long offset) {
        Properties p = consumerProps(bootstrap, "read_uncommitted");
        p.put("group.id", group);
        p.put("group.protocol", protocol);
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            c.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 60_000;
            while (c.assignment().isEmpty()) {
                if (System.currentTimeMillis() > deadline) throw new RuntimeException(group + ": no assignment");
                c.poll(Duration.ofMillis(200));
            }
            TopicPartition tp = new TopicPartition(topic, 0);
            c.commitSync(Map.of(tp, new OffsetAndMetadata(offset, "klog-oracle")));
            System.out.println(group + " " + topic + " 0 " + offset);
        }
    }

    /// Keys k0..k9 written 10 times each plus tombstones for k0 and k1, then a record a second
    /// (rolling segments) until the broker's cleaner has removed the superseded records.
    static void brokerCompacts(String bootstrap) throws Exception {
        try (KafkaProducer<byte[], byte[]> prod = new KafkaProducer<>(producerProps(bootstrap))) {
            long ts = System.currentTimeMillis();
            for (int round = 0; round < 10; round++)
                for (int k = 0; k < 10; k++)
                    prod.send(new ProducerRecord<>("k-compact", 0, ts, utf8("k" + k), utf8("v" + round + "-" + k)));
            prod.send(new ProducerRecord<>("k-compact", 0, ts, utf8("k0"), (byte[]) null));
            prod.send(new ProducerRecord<>("k-compact", 0, ts, utf8("k1"), (byte[]) null));
            prod.flush();
            long deadline = System.currentTimeMillis() + 120_000;
            for (int n = 0; ; n++) {
                if (System.currentTimeMillis() > deadline) throw new RuntimeException("the broker did not compact k-compact");
                Thread.sleep(1000);
                prod.send(new ProducerRecord<>("k-compact", 0, System.currentTimeMillis(), utf8("tick"), utf8("t" + n)));
                prod.flush();
                if (count(bootstrap, "k-compact", 0, 102) < 60) break;
            }
        }
    }

    /// Records a day older than retention.ms, then a record a second until the broker has deleted them.
    static void brokerRetains(String bootstrap) throws Exception {
        try (KafkaProducer<byte[], byte[]> prod = new KafkaProducer<>(producerProps(bootstrap))) {
            long old = System.currentTimeMillis() - 86_400_000L;
            for (int i = 0; i < 20; i++) prod.send(new ProducerRecord<>("k-retain", 0, old + i, utf8("o" + i), utf8("old" + i)));
            prod.flush();
            long deadline = System.currentTimeMillis() + 120_000;
            for (int n = 0; ; n++) {
                if (System.currentTimeMillis() > deadline) throw new RuntimeException("the broker did not apply retention to k-retain");
                Thread.sleep(1000);
                prod.send(new ProducerRecord<>("k-retain", 0, System.currentTimeMillis(), utf8("new"), utf8("n" + n)));
                prod.flush();
                try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerProps(bootstrap, "read_uncommitted"))) {
                    TopicPartition tp = new TopicPartition("k-retain", 0);
                    if (c.beginningOffsets(List.of(tp)).get(tp) >= 20) break;
                }
            }
        }
    }

    /// How many records the first `upTo` offsets of a partition hold now.
    static int count(String bootstrap, String topic, int partition, long upTo) {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerProps(bootstrap, "read_uncommitted"))) {
            TopicPartition tp = new TopicPartition(topic, partition);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            int n = 0;
            long deadline = System.currentTimeMillis() + 30_000;
            while (c.position(tp) < upTo && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) if (r.offset() < upTo) n++;
            }
            return n;
        }
    }
}
