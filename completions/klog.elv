
use builtin;
use str;

set edit:completion:arg-completer[klog] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'klog'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'klog'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create a data directory: meta.properties (node.id, a new cluster.id) and empty checkpoints'
            cand topic 'Create, list, describe, alter and delete topics'
            cand produce 'Append records from stdin to a topic'
            cand consume 'Read records from a topic to stdout'
            cand group 'Consumer groups: list, describe, reset offsets, commit, delete (like kafka-consumer-groups; with -b, a Kafka cluster''s groups)'
            cand offsets 'Show each partition''s earliest and latest offsets, or the offset for a time'
            cand dump 'Print the batches, records or index entries of segment files, like kafka-dump-log'
            cand verify 'Check every segment (CRC, offsets, indexes); --repair cuts torn tails and rebuilds indexes'
            cand perf 'Measure produce and consume throughput and latency'
            cand retention 'Apply every topic''s retention and compaction rules (run it from cron)'
            cand delete-records 'Delete the records below an offset by advancing the partition''s log start offset'
            cand replicate 'Copy a leader''s batches into a follower data directory (after divergence truncation)'
            cand broker 'Run a broker agent: keep this data directory''s follower partitions replicating'
            cand cluster 'Cluster administration through the metadata store: brokers, leader elections'
            cand controller 'The cluster controller: run a candidate, elect once, show status'
            cand leader-election 'Elect partition leaders: preferred replicas, or unclean for offline partitions'
            cand reassign 'Move partition replicas between brokers with Kafka''s JSON plan (generate, execute, verify)'
            cand mirror 'Copy topics between a data directory and a Kafka cluster, resumable without duplicates'
            cand completions 'Print a shell completion script'
            cand generate 'Write the man pages and completion scripts into a directory (for maintainers)'
            cand complete-names 'List topic or group names, one a line (for the shell completion scripts)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'klog;init'= {
            cand --broker-id 'This broker''s id, written as node.id in meta.properties (KRaft''s name for broker.id)'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;topic'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand create 'Create a topic'
            cand list 'List topics (in a cluster, with their replication factor)'
            cand describe 'Show partitions (log start and end offsets, segments, bytes) and configs'
            cand alter 'Change configs or raise the partition count (of a cluster topic: in the metadata store, for every broker; with -b: CreatePartitions and IncrementalAlterConfigs on the Kafka cluster)'
            cand delete 'Delete a topic and all its data (of a cluster topic: on every broker; one that is away deletes its copy through its agent when it returns)'
            cand configs 'List the topic configs klog knows, with their defaults'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'klog;topic;create'= {
            cand --topic 'The same as NAME: kafka-topics'' spelling'
            cand -P 'Number of partitions'
            cand --partitions 'Number of partitions'
            cand -c 'A topic config, KEY=VALUE with Kafka''s names (repeatable; see `klog topic configs`)'
            cand --config 'A topic config, KEY=VALUE with Kafka''s names (repeatable; see `klog topic configs`)'
            cand --replication-factor 'Replicas per partition, placed over the cluster''s brokers like Kafka (needs a cluster: --meta, or a data directory that joined one)'
            cand --replica-assignment 'Explicit replicas per partition, like kafka-topics: 0:1:2,1:2:0 (the first leads)'
            cand --topic-id 'The topic id to write in each partition''s `partition.metadata` (22 characters of URL-safe base64, as kafka-topics --describe prints it) instead of a new random one: a Kafka broker serves partition directories moved into its log directory only under the id it knows the topic by. Standalone data directories only'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --if-not-exists 'Succeed quietly when the topic exists already. In a cluster it also makes the replica directories the topic is missing on reachable brokers (a create cut short)'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;topic;list'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --json 'Print JSON'
            cand --exclude-internal 'Leave out the internal topics (__consumer_offsets, __transaction_state, __cluster_metadata), as kafka-topics --exclude-internal'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;topic;describe'= {
            cand --topic 'The same as NAME (repeatable): kafka-topics'' spelling'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --json 'Print JSON'
            cand --under-replicated-partitions 'Only partitions whose ISR is smaller than their replica set (cluster topics)'
            cand --under-min-isr-partitions 'Only partitions whose ISR is smaller than min.insync.replicas (cluster topics)'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;topic;alter'= {
            cand --topic 'The same as NAME: kafka-topics'' spelling'
            cand -P 'New partition count (can only increase)'
            cand --partitions 'New partition count (can only increase)'
            cand -c 'Set a config, KEY=VALUE (repeatable)'
            cand --config 'Set a config, KEY=VALUE (repeatable)'
            cand --delete-config 'Remove a config override, back to the default (repeatable)'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;topic;delete'= {
            cand --topic 'The same as NAME: kafka-topics'' spelling'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;topic;configs'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --json 'Print JSON'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;topic;help'= {
            cand create 'Create a topic'
            cand list 'List topics (in a cluster, with their replication factor)'
            cand describe 'Show partitions (log start and end offsets, segments, bytes) and configs'
            cand alter 'Change configs or raise the partition count (of a cluster topic: in the metadata store, for every broker; with -b: CreatePartitions and IncrementalAlterConfigs on the Kafka cluster)'
            cand delete 'Delete a topic and all its data (of a cluster topic: on every broker; one that is away deletes its copy through its agent when it returns)'
            cand configs 'List the topic configs klog knows, with their defaults'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'klog;topic;help;create'= {
        }
        &'klog;topic;help;list'= {
        }
        &'klog;topic;help;describe'= {
        }
        &'klog;topic;help;alter'= {
        }
        &'klog;topic;help;delete'= {
        }
        &'klog;topic;help;configs'= {
        }
        &'klog;topic;help;help'= {
        }
        &'klog;produce'= {
            cand -t 'The same as TOPIC: the spelling of Kafka''s tools (and kcat''s -t)'
            cand --topic 'The same as TOPIC: the spelling of Kafka''s tools (and kcat''s -t)'
            cand -p 'Partition to write every record to (default: by key with Kafka''s murmur2 partitioner, keyless records spread over the partitions batch by batch)'
            cand --partition 'Partition to write every record to (default: by key with Kafka''s murmur2 partitioner, keyless records spread over the partitions batch by batch)'
            cand -D 'Record delimiter; escapes \n \t \0 \xHH work'
            cand --delimiter 'Record delimiter; escapes \n \t \0 \xHH work'
            cand -K 'Split each record into key and value at the first SEP (a record without SEP has no key)'
            cand --key-delimiter 'Split each record into key and value at the first SEP (a record without SEP has no key)'
            cand -k 'One key for every record (kcat''s -k; with --input json, for records without a key)'
            cand --key 'One key for every record (kcat''s -k; with --input json, for records without a key)'
            cand -H 'A header for every record, KEY=VALUE (repeatable)'
            cand --header 'A header for every record, KEY=VALUE (repeatable)'
            cand --input 'Input format'
            cand -z 'Compression codec for batches: none, gzip, snappy, lz4, zstd (the topic''s compression.type wins unless it is "producer")'
            cand --compression 'Compression codec for batches: none, gzip, snappy, lz4, zstd (the topic''s compression.type wins unless it is "producer")'
            cand --batch-size 'Largest batch in bytes before compression (capped at the topic''s max.message.bytes)'
            cand --linger-ms 'How long to wait for more input before sending a partial batch, in ms'
            cand --acks 'Acknowledgement: 0 (no fsync), 1 (the leader has it on disk) or all (every in-sync replica has it: for a cluster topic this process copies the batches to the in-sync followers before exiting 0, and fails with NOT_ENOUGH_REPLICAS when fewer than min.insync.replicas are in sync). On a standalone directory 1 and all are the same'
            cand --timestamp 'Timestamp for every record, in ms since the epoch (default: the time it is read)'
            cand --delivery-timeout-ms 'For a cluster topic: how long to keep retrying when a partition''s leader is unavailable or moving (Kafka''s delivery.timeout.ms), in ms. The producer follows the controller''s new leader and sends it the batches it lacks; it fails only after this time'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand -Z 'Produce an empty value as null (a tombstone)'
            cand --null-empty 'Produce an empty value as null (a tombstone)'
            cand --print-offsets 'Print where each batch landed: topic, partition, first and last offset, tab-separated. A line is an acknowledgement: it is printed only once its batch is durable (with acks=all on a cluster topic: once every in-sync replica has it)'
            cand -v 'Print a summary on stderr'
            cand --verbose 'Print a summary on stderr'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'klog;consume'= {
            cand -t 'The same as TOPIC (the spelling of kafka-console-consumer and kcat)'
            cand --topic 'The same as TOPIC (the spelling of kafka-console-consumer and kcat)'
            cand -p 'Partition to read (repeatable; default: all)'
            cand --partition 'Partition to read (repeatable; default: all)'
            cand -o 'Where to start: beginning|earliest, end|latest, N, -N (N before the end), s@TIME; and, given again, where to stop: e@TIME (before the first record at or after TIME). (Default: beginning; for a group member, its committed offset.)'
            cand --offset 'Where to start: beginning|earliest, end|latest, N, -N (N before the end), s@TIME; and, given again, where to stop: e@TIME (before the first record at or after TIME). (Default: beginning; for a group member, its committed offset.)'
            cand -c 'Stop after this many records'
            cand --count 'Stop after this many records'
            cand --max-messages 'Stop after this many records'
            cand --format 'Output format with kcat''s tokens: %t %p %o %k %K %s %S %T %h %%, escapes \n \t'
            cand --isolation 'Kafka''s isolation.level: read_uncommitted returns every record; read_committed skips the records of aborted transactions and stops before a transaction still open, as a Kafka consumer does. Control batches (transaction markers) are never returned. A group member (--group) reads read_committed only against a Kafka cluster (-b)'
            cand -G 'Consume as a member of this consumer group: partitions are shared with its other members and offsets are committed to __consumer_offsets (in a cluster: under M/coordinator; with -b: by the Kafka cluster''s group coordinator)'
            cand --group 'Consume as a member of this consumer group: partitions are shared with its other members and offsets are committed to __consumer_offsets (in a cluster: under M/coordinator; with -b: by the Kafka cluster''s group coordinator)'
            cand --commit 'When offsets are committed'
            cand --auto-commit-interval-ms 'Interval of automatic commits, in ms'
            cand --exec 'Run CMD (with sh -c) for each record, the record on its stdin (in --format or --json); KLOG_TOPIC, KLOG_PARTITION and KLOG_OFFSET are set. Offsets are committed after it exits 0; a failure stops the member with CMD''s status'
            cand --exec-batch 'Records per --exec run'
            cand --reset 'Where to start a partition that has no committed offset (Kafka''s auto.offset.reset; default: latest)'
            cand --assignment 'Partition assignment strategy (all members of a group must use the same; with -b: range, roundrobin or cooperative-sticky, and KIP-848 groups are assigned by the broker)'
            cand --session-timeout-ms 'A member that has not heartbeated for this long is removed (a dead process is noticed at once, through its lock; with -b, only after this long, and KIP-848 groups take the broker''s)'
            cand --max-poll-interval-ms 'A member that has not polled for this long (a stuck --exec, say) is removed'
            cand --client-id 'Client id, the prefix of the member id'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --from-beginning 'Start at the beginning: kafka-console-consumer''s spelling of -o beginning (for a group member, of --reset earliest: where a partition without a committed offset starts)'
            cand -e 'Exit at the end of the log (the default when stdout is not a terminal)'
            cand --exit-at-end 'Exit at the end of the log (the default when stdout is not a terminal)'
            cand -f 'Keep reading as records arrive, like tail -f (the default on a terminal)'
            cand --follow 'Keep reading as records arrive, like tail -f (the default on a terminal)'
            cand -J 'One JSON object per record (the form `produce --input json` reads back)'
            cand --json 'One JSON object per record (the form `produce --input json` reads back)'
            cand -v 'Print membership events on stderr: joined generation N, assigned, revoked'
            cand --verbose 'Print membership events on stderr: joined generation N, assigned, revoked'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'klog;group'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List groups with their state (also those only __consumer_offsets records, as from Kafka)'
            cand describe 'Show a group''s committed offsets, log end offsets, lag and owners (or members, or state)'
            cand reset-offsets 'Reset committed offsets (the group must have no live members)'
            cand delete 'Delete a group: its offsets (as tombstones in __consumer_offsets) and its state'
            cand delete-offsets 'Delete a group''s offsets for a topic'
            cand commit 'Commit an offset for a partition (for scripts that track their own progress)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'klog;group;list'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --json 'Print JSON'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;group;describe'= {
            cand --group 'The group id: kafka-consumer-groups'' spelling of GROUP'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --members 'Show the members instead: id, host, pid, assigned partitions'
            cand --state 'Show the group''s state instead: protocol, generation, member count'
            cand --json 'Print JSON'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;group;reset-offsets'= {
            cand --group 'The group id: kafka-consumer-groups'' spelling of GROUP'
            cand --topic 'TOPIC or TOPIC:P,P,... (repeatable)'
            cand --to-offset 'Offset N in each partition (clamped into the log, as Kafka does)'
            cand --to-datetime 'The first offset at or after TIME (epoch ms or RFC 3339)'
            cand --by-duration 'The first offset at or after now minus DURATION (ISO-8601, e.g. PT1H, P1DT12H)'
            cand --shift-by 'Move the committed offsets by N (negative moves back)'
            cand --from-file 'Kafka''s CSV plan: topic,partition,offset per line'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --all-topics 'Every topic the group has offsets for'
            cand --to-earliest 'The log start offset of each partition'
            cand --to-latest 'The log end offset of each partition (in a cluster: the high watermark)'
            cand --to-current 'Keep the committed offsets (useful with --dry-run to see them)'
            cand --dry-run 'Show the plan, change nothing (also the default, as in kafka-consumer-groups, which then says so on stderr)'
            cand --execute 'Commit the plan'
            cand --json 'Print JSON'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;group;delete'= {
            cand --group 'The group id: kafka-consumer-groups'' spelling of GROUP'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;group;delete-offsets'= {
            cand --group 'The group id: kafka-consumer-groups'' spelling of GROUP'
            cand --topic 'The topic whose offsets to delete'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;group;commit'= {
            cand --group 'The group id: kafka-consumer-groups'' spelling of GROUP'
            cand --topic 'The topic'
            cand -p 'The partition of --topic'
            cand --partition 'The partition of --topic'
            cand --offset 'The offset to commit: the next record the group will read (at most the log end)'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;group;help'= {
            cand list 'List groups with their state (also those only __consumer_offsets records, as from Kafka)'
            cand describe 'Show a group''s committed offsets, log end offsets, lag and owners (or members, or state)'
            cand reset-offsets 'Reset committed offsets (the group must have no live members)'
            cand delete 'Delete a group: its offsets (as tombstones in __consumer_offsets) and its state'
            cand delete-offsets 'Delete a group''s offsets for a topic'
            cand commit 'Commit an offset for a partition (for scripts that track their own progress)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'klog;group;help;list'= {
        }
        &'klog;group;help;describe'= {
        }
        &'klog;group;help;reset-offsets'= {
        }
        &'klog;group;help;delete'= {
        }
        &'klog;group;help;delete-offsets'= {
        }
        &'klog;group;help;commit'= {
        }
        &'klog;group;help;help'= {
        }
        &'klog;offsets'= {
            cand -t 'The same as TOPIC: the spelling of Kafka''s tools (and kcat''s -t)'
            cand --topic 'The same as TOPIC: the spelling of Kafka''s tools (and kcat''s -t)'
            cand -p 'Partition (repeatable; default: all)'
            cand --partition 'Partition (repeatable; default: all)'
            cand --time 'Also show the first offset whose timestamp is at or after TIME (epoch ms or RFC 3339)'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --json 'Print JSON'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;dump'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand -r 'Print every record too (kafka-dump-log''s --deep-iteration --print-data-log)'
            cand --records 'Print every record too (kafka-dump-log''s --deep-iteration --print-data-log)'
            cand --json 'One JSON object per batch or index entry'
            cand --offsets-decoder 'Decode __consumer_offsets records (offset commits, group metadata), like kafka-dump-log''s --offsets-decoder. Implies --records'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;verify'= {
            cand --topic 'The same as TOPIC: the spelling of Kafka''s tools'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --repair 'Rebuild bad indexes and leader-epoch-checkpoint from the log, and cut the active segment at its first invalid batch (dropping the batches after it, as Kafka''s recovery does), saying what was cut. Damage inside a sealed segment is reported, not cut'
            cand --json 'Print JSON'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;perf'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand produce 'Append generated records to a topic (created if missing) and report rate and latency'
            cand consume 'Read a partition from the beginning, decoding every record, and report the rate'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'klog;perf;produce'= {
            cand --topic 'Topic to write (created with one partition if missing)'
            cand -p 'Partition to use'
            cand --partition 'Partition to use'
            cand --records 'Number of records'
            cand --record-size 'Value size in bytes'
            cand --batch-size 'Batch size in bytes'
            cand -z 'Codec: none, gzip, snappy, lz4, zstd'
            cand --compression 'Codec: none, gzip, snappy, lz4, zstd'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --durable 'fsync at the end (as `klog produce` does unless --acks 0)'
            cand --json 'Print one JSON object instead of a line'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;perf;consume'= {
            cand --topic 'Topic to read'
            cand -p 'Partition to use'
            cand --partition 'Partition to use'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --json 'Print one JSON object instead of a line'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;perf;help'= {
            cand produce 'Append generated records to a topic (created if missing) and report rate and latency'
            cand consume 'Read a partition from the beginning, decoding every record, and report the rate'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'klog;perf;help;produce'= {
        }
        &'klog;perf;help;consume'= {
        }
        &'klog;perf;help;help'= {
        }
        &'klog;retention'= {
            cand --topic 'The same as TOPIC (repeatable): the spelling of Kafka''s tools'
            cand --lock-wait-ms 'The old spelling of the global --lock-timeout-ms, kept hidden for existing crontabs'
            cand --dedupe-buffer-bytes 'Memory for compaction''s key map, in bytes (24 per key); a partition with more keys is compacted in several passes'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --dry-run 'Show what would be deleted and compacted; change nothing and take no lock'
            cand --json 'Print one JSON object with every partition''s report'
            cand --exit-code 'Exit 4 when nothing was due, like `git diff --exit-code` (default: 0 either way)'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'klog;delete-records'= {
            cand --topic 'The same as TOPIC: the spelling of Kafka''s tools'
            cand -p 'Partition (repeatable)'
            cand --partition 'Partition (repeatable)'
            cand --before 'Delete the records below this offset (-1: the high watermark, i.e. everything)'
            cand --offset-json-file 'Kafka''s JSON file of partitions and offsets'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --json 'One JSON object per partition'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'klog;replicate'= {
            cand --from 'The leader''s data directory'
            cand --to 'The follower''s data directory (it must exist: `klog init`)'
            cand --topic 'Only this topic'
            cand --partition 'Only this partition (with --topic)'
            cand --poll-ms 'Pause between passes with --follow, in ms'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --follow 'Keep replicating: a pass every --poll-ms until killed (a failed pass is reported on stderr and retried; a conflict such as a stale leader ends it with exit 3)'
            cand --json 'Print JSON, one object per pass'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'klog;broker'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand run 'Keep every partition this data directory follows replicating from its current leader (per the metadata store), holding the broker''s liveness lock while it runs. It registers in the store; if it dies registered, the controller fails the broker. SIGINT or SIGTERM stop it cleanly (unregistered)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'klog;broker;run'= {
            cand --poll-ms 'Pause between passes, in ms'
            cand --passes 'Stop after this many passes (default: run until SIGINT or SIGTERM)'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --json 'Print JSON, one object per pass that changed something'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;broker;help'= {
            cand run 'Keep every partition this data directory follows replicating from its current leader (per the metadata store), holding the broker''s liveness lock while it runs. It registers in the store; if it dies registered, the controller fails the broker. SIGINT or SIGTERM stop it cleanly (unregistered)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'klog;broker;help;run'= {
        }
        &'klog;broker;help;help'= {
        }
        &'klog;cluster'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand brokers 'List the brokers of the cluster and whether their data directories are reachable'
            cand elect-leader 'Make a broker the leader of a partition: bumps the leader epoch and records the change'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'klog;cluster;brokers'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --json 'Print JSON'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;cluster;elect-leader'= {
            cand --topic 'The topic'
            cand --partition 'The partition'
            cand --leader 'The broker id of the new leader (must be in the ISR unless --unclean)'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --unclean 'Allow a replica outside the ISR (records only the old ISR had are lost)'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;cluster;help'= {
            cand brokers 'List the brokers of the cluster and whether their data directories are reachable'
            cand elect-leader 'Make a broker the leader of a partition: bumps the leader epoch and records the change'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'klog;cluster;help;brokers'= {
        }
        &'klog;cluster;help;elect-leader'= {
        }
        &'klog;cluster;help;help'= {
        }
        &'klog;controller'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand run 'Be a controller candidate: wait for the controller lock, then detect failed brokers and move leadership until killed'
            cand elect 'One round of controller work in the foreground (for cron or scripts): take the lock, act, release. Exits 3 if a controller is running'
            cand status 'Show the controller, its epoch, the brokers and offline and under-replicated partitions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'klog;controller;run'= {
            cand --broker-id 'The broker id this controller runs beside (recorded with its election)'
            cand --interval-ms 'Time between failure-detection rounds, in ms (at most 200)'
            cand --poll-ms 'Time between tries of the controller lock while waiting, in ms'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --json 'Print JSON, one object per event'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'klog;controller;elect'= {
            cand --broker-id 'The broker id recorded with this election'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --json 'Print JSON'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;controller;status'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --json 'Print JSON'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;controller;help'= {
            cand run 'Be a controller candidate: wait for the controller lock, then detect failed brokers and move leadership until killed'
            cand elect 'One round of controller work in the foreground (for cron or scripts): take the lock, act, release. Exits 3 if a controller is running'
            cand status 'Show the controller, its epoch, the brokers and offline and under-replicated partitions'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'klog;controller;help;run'= {
        }
        &'klog;controller;help;elect'= {
        }
        &'klog;controller;help;status'= {
        }
        &'klog;controller;help;help'= {
        }
        &'klog;leader-election'= {
            cand --type 'preferred: move leadership back to the first assigned replica when it is live and in sync; unclean: give partitions without a live leader one, from outside the ISR if need be (records only the old ISR held are lost)'
            cand --election-type 'preferred: move leadership back to the first assigned replica when it is live and in sync; unclean: give partitions without a live leader one, from outside the ISR if need be (records only the old ISR held are lost)'
            cand --topic 'The topic (with --partition)'
            cand --partition 'The partition of --topic'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --all 'Every partition of the cluster'
            cand --json 'Print JSON'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;reassign'= {
            cand --topics-to-move-json-file 'Kafka''s {"version":1,"topics":[{"topic":"t"}]}'
            cand --broker-list 'Broker ids to place replicas on, comma-separated'
            cand --reassignment-json-file 'The reassignment plan'
            cand --throttle 'With --execute: copy to the new replicas at most this many bytes per second (over the whole execution), like kafka-reassign-partitions --throttle'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --generate 'Propose a plan for --topics-to-move-json-file over --broker-list'
            cand --execute 'Carry out the plan in --reassignment-json-file'
            cand --verify 'Check the plan in --reassignment-json-file'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'klog;mirror'= {
            cand --from 'Where to read: a data directory, or kafka://HOST:PORT[,HOST:PORT...]'
            cand --to 'Where to write: a data directory (created when new or empty), or kafka://HOST:PORT[,...]'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand --repartition 'Towards a cluster: allow another partition count there, placing records by key (murmur2) and keyless ones by source partition modulo the count. Not towards a directory, where records keep their source partition and offset'
            cand -f 'Keep copying new records as they arrive, until SIGINT or SIGTERM'
            cand --follow 'Keep copying new records as they arrive, until SIGINT or SIGTERM'
            cand --json 'Print one JSON object per topic instead of the summary line'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'klog;completions'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;generate'= {
            cand --out 'Directory to write man/ and completions/ into'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;complete-names'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --meta 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone'
            cand --lock-timeout-ms 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]'
            cand -b 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --bootstrap-server 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand --brokers 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it'
            cand -X 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed'
            cand -F 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --client-config 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none'
            cand --request-timeout-ms 'How long a request to a Kafka cluster may take before klog gives up, in ms'
            cand -q 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand --quiet 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'klog;help'= {
            cand init 'Create a data directory: meta.properties (node.id, a new cluster.id) and empty checkpoints'
            cand topic 'Create, list, describe, alter and delete topics'
            cand produce 'Append records from stdin to a topic'
            cand consume 'Read records from a topic to stdout'
            cand group 'Consumer groups: list, describe, reset offsets, commit, delete (like kafka-consumer-groups; with -b, a Kafka cluster''s groups)'
            cand offsets 'Show each partition''s earliest and latest offsets, or the offset for a time'
            cand dump 'Print the batches, records or index entries of segment files, like kafka-dump-log'
            cand verify 'Check every segment (CRC, offsets, indexes); --repair cuts torn tails and rebuilds indexes'
            cand perf 'Measure produce and consume throughput and latency'
            cand retention 'Apply every topic''s retention and compaction rules (run it from cron)'
            cand delete-records 'Delete the records below an offset by advancing the partition''s log start offset'
            cand replicate 'Copy a leader''s batches into a follower data directory (after divergence truncation)'
            cand broker 'Run a broker agent: keep this data directory''s follower partitions replicating'
            cand cluster 'Cluster administration through the metadata store: brokers, leader elections'
            cand controller 'The cluster controller: run a candidate, elect once, show status'
            cand leader-election 'Elect partition leaders: preferred replicas, or unclean for offline partitions'
            cand reassign 'Move partition replicas between brokers with Kafka''s JSON plan (generate, execute, verify)'
            cand mirror 'Copy topics between a data directory and a Kafka cluster, resumable without duplicates'
            cand completions 'Print a shell completion script'
            cand generate 'Write the man pages and completion scripts into a directory (for maintainers)'
            cand complete-names 'List topic or group names, one a line (for the shell completion scripts)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'klog;help;init'= {
        }
        &'klog;help;topic'= {
            cand create 'Create a topic'
            cand list 'List topics (in a cluster, with their replication factor)'
            cand describe 'Show partitions (log start and end offsets, segments, bytes) and configs'
            cand alter 'Change configs or raise the partition count (of a cluster topic: in the metadata store, for every broker; with -b: CreatePartitions and IncrementalAlterConfigs on the Kafka cluster)'
            cand delete 'Delete a topic and all its data (of a cluster topic: on every broker; one that is away deletes its copy through its agent when it returns)'
            cand configs 'List the topic configs klog knows, with their defaults'
        }
        &'klog;help;topic;create'= {
        }
        &'klog;help;topic;list'= {
        }
        &'klog;help;topic;describe'= {
        }
        &'klog;help;topic;alter'= {
        }
        &'klog;help;topic;delete'= {
        }
        &'klog;help;topic;configs'= {
        }
        &'klog;help;produce'= {
        }
        &'klog;help;consume'= {
        }
        &'klog;help;group'= {
            cand list 'List groups with their state (also those only __consumer_offsets records, as from Kafka)'
            cand describe 'Show a group''s committed offsets, log end offsets, lag and owners (or members, or state)'
            cand reset-offsets 'Reset committed offsets (the group must have no live members)'
            cand delete 'Delete a group: its offsets (as tombstones in __consumer_offsets) and its state'
            cand delete-offsets 'Delete a group''s offsets for a topic'
            cand commit 'Commit an offset for a partition (for scripts that track their own progress)'
        }
        &'klog;help;group;list'= {
        }
        &'klog;help;group;describe'= {
        }
        &'klog;help;group;reset-offsets'= {
        }
        &'klog;help;group;delete'= {
        }
        &'klog;help;group;delete-offsets'= {
        }
        &'klog;help;group;commit'= {
        }
        &'klog;help;offsets'= {
        }
        &'klog;help;dump'= {
        }
        &'klog;help;verify'= {
        }
        &'klog;help;perf'= {
            cand produce 'Append generated records to a topic (created if missing) and report rate and latency'
            cand consume 'Read a partition from the beginning, decoding every record, and report the rate'
        }
        &'klog;help;perf;produce'= {
        }
        &'klog;help;perf;consume'= {
        }
        &'klog;help;retention'= {
        }
        &'klog;help;delete-records'= {
        }
        &'klog;help;replicate'= {
        }
        &'klog;help;broker'= {
            cand run 'Keep every partition this data directory follows replicating from its current leader (per the metadata store), holding the broker''s liveness lock while it runs. It registers in the store; if it dies registered, the controller fails the broker. SIGINT or SIGTERM stop it cleanly (unregistered)'
        }
        &'klog;help;broker;run'= {
        }
        &'klog;help;cluster'= {
            cand brokers 'List the brokers of the cluster and whether their data directories are reachable'
            cand elect-leader 'Make a broker the leader of a partition: bumps the leader epoch and records the change'
        }
        &'klog;help;cluster;brokers'= {
        }
        &'klog;help;cluster;elect-leader'= {
        }
        &'klog;help;controller'= {
            cand run 'Be a controller candidate: wait for the controller lock, then detect failed brokers and move leadership until killed'
            cand elect 'One round of controller work in the foreground (for cron or scripts): take the lock, act, release. Exits 3 if a controller is running'
            cand status 'Show the controller, its epoch, the brokers and offline and under-replicated partitions'
        }
        &'klog;help;controller;run'= {
        }
        &'klog;help;controller;elect'= {
        }
        &'klog;help;controller;status'= {
        }
        &'klog;help;leader-election'= {
        }
        &'klog;help;reassign'= {
        }
        &'klog;help;mirror'= {
        }
        &'klog;help;completions'= {
        }
        &'klog;help;generate'= {
        }
        &'klog;help;complete-names'= {
        }
        &'klog;help;help'= {
        }
    ]
    $completions[$command]
}
