# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_klog_global_optspecs
    string join \n data-dir= meta= lock-timeout-ms= b/bootstrap-server= X= F/client-config= request-timeout-ms= q/quiet h/help V/version
end

function __fish_klog_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_klog_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_klog_using_subcommand
    set -l cmd (__fish_klog_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c klog -n "__fish_klog_needs_command" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_needs_command" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_needs_command" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_needs_command" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_needs_command" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_needs_command" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_needs_command" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_needs_command" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_needs_command" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_needs_command" -s V -l version -d 'Print version'
complete -c klog -n "__fish_klog_needs_command" -f -a "init" -d 'Create a data directory: meta.properties (node.id, a new cluster.id) and empty checkpoints'
complete -c klog -n "__fish_klog_needs_command" -f -a "topic" -d 'Create, list, describe, alter and delete topics'
complete -c klog -n "__fish_klog_needs_command" -f -a "produce" -d 'Append records from stdin to a topic'
complete -c klog -n "__fish_klog_needs_command" -f -a "consume" -d 'Read records from a topic to stdout'
complete -c klog -n "__fish_klog_needs_command" -f -a "group" -d 'Consumer groups: list, describe, reset offsets, commit, delete (like kafka-consumer-groups; with -b, a Kafka cluster\'s groups)'
complete -c klog -n "__fish_klog_needs_command" -f -a "offsets" -d 'Show each partition\'s earliest and latest offsets, or the offset for a time'
complete -c klog -n "__fish_klog_needs_command" -f -a "dump" -d 'Print the batches, records or index entries of segment files, like kafka-dump-log'
complete -c klog -n "__fish_klog_needs_command" -f -a "verify" -d 'Check every segment (CRC, offsets, indexes); --repair cuts torn tails and rebuilds indexes'
complete -c klog -n "__fish_klog_needs_command" -f -a "perf" -d 'Measure produce and consume throughput and latency'
complete -c klog -n "__fish_klog_needs_command" -f -a "retention" -d 'Apply every topic\'s retention and compaction rules (run it from cron)'
complete -c klog -n "__fish_klog_needs_command" -f -a "delete-records" -d 'Delete the records below an offset by advancing the partition\'s log start offset'
complete -c klog -n "__fish_klog_needs_command" -f -a "replicate" -d 'Copy a leader\'s batches into a follower data directory (after divergence truncation)'
complete -c klog -n "__fish_klog_needs_command" -f -a "broker" -d 'Run a broker agent: keep this data directory\'s follower partitions replicating'
complete -c klog -n "__fish_klog_needs_command" -f -a "cluster" -d 'Cluster administration through the metadata store: brokers, leader elections'
complete -c klog -n "__fish_klog_needs_command" -f -a "controller" -d 'The cluster controller: run a candidate, elect once, show status'
complete -c klog -n "__fish_klog_needs_command" -f -a "leader-election" -d 'Elect partition leaders: preferred replicas, or unclean for offline partitions'
complete -c klog -n "__fish_klog_needs_command" -f -a "reassign" -d 'Move partition replicas between brokers with Kafka\'s JSON plan (generate, execute, verify)'
complete -c klog -n "__fish_klog_needs_command" -f -a "mirror" -d 'Copy topics between a data directory and a Kafka cluster, resumable without duplicates'
complete -c klog -n "__fish_klog_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c klog -n "__fish_klog_needs_command" -f -a "generate" -d 'Write the man pages and completion scripts into a directory (for maintainers)'
complete -c klog -n "__fish_klog_needs_command" -f -a "complete-names" -d 'List topic or group names, one a line (for the shell completion scripts)'
complete -c klog -n "__fish_klog_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand init" -l broker-id -d 'This broker\'s id, written as node.id in meta.properties (KRaft\'s name for broker.id)' -r
complete -c klog -n "__fish_klog_using_subcommand init" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand init" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand init" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand init" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand init" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand init" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand init" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand init" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand init" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -f -a "create" -d 'Create a topic'
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -f -a "list" -d 'List topics (in a cluster, with their replication factor)'
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -f -a "describe" -d 'Show partitions (log start and end offsets, segments, bytes) and configs'
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -f -a "alter" -d 'Change configs or raise the partition count (of a cluster topic: in the metadata store, for every broker; with -b: CreatePartitions and IncrementalAlterConfigs on the Kafka cluster)'
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -f -a "delete" -d 'Delete a topic and all its data (of a cluster topic: on every broker; one that is away deletes its copy through its agent when it returns)'
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -f -a "configs" -d 'List the topic configs klog knows, with their defaults'
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -l topic -d 'The same as NAME: kafka-topics\' spelling' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -s P -l partitions -d 'Number of partitions' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -s c -l config -d 'A topic config, KEY=VALUE with Kafka\'s names (repeatable; see `klog topic configs`)' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -l replication-factor -d 'Replicas per partition, placed over the cluster\'s brokers like Kafka (needs a cluster: --meta, or a data directory that joined one)' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -l replica-assignment -d 'Explicit replicas per partition, like kafka-topics: 0:1:2,1:2:0 (the first leads)' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -l topic-id -d 'The topic id to write in each partition\'s `partition.metadata` (22 characters of URL-safe base64, as kafka-topics --describe prints it) instead of a new random one: a Kafka broker serves partition directories moved into its log directory only under the id it knows the topic by. Standalone data directories only' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -l if-not-exists -d 'Succeed quietly when the topic exists already. In a cluster it also makes the replica directories the topic is missing on reachable brokers (a create cut short)'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from list" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from list" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from list" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from list" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from list" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from list" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from list" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from list" -l json -d 'Print JSON'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from list" -l exclude-internal -d 'Leave out the internal topics (__consumer_offsets, __transaction_state, __cluster_metadata), as kafka-topics --exclude-internal'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from describe" -l topic -d 'The same as NAME (repeatable): kafka-topics\' spelling' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from describe" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from describe" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from describe" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from describe" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from describe" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from describe" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from describe" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from describe" -l json -d 'Print JSON'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from describe" -l under-replicated-partitions -d 'Only partitions whose ISR is smaller than their replica set (cluster topics)'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from describe" -l under-min-isr-partitions -d 'Only partitions whose ISR is smaller than min.insync.replicas (cluster topics)'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from describe" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from alter" -l topic -d 'The same as NAME: kafka-topics\' spelling' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from alter" -s P -l partitions -d 'New partition count (can only increase)' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from alter" -s c -l config -d 'Set a config, KEY=VALUE (repeatable)' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from alter" -l delete-config -d 'Remove a config override, back to the default (repeatable)' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from alter" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from alter" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from alter" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from alter" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from alter" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from alter" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from alter" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from alter" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from alter" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from delete" -l topic -d 'The same as NAME: kafka-topics\' spelling' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from delete" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from delete" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from delete" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from delete" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from delete" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from delete" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from delete" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from configs" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from configs" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from configs" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from configs" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from configs" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from configs" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from configs" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from configs" -l json -d 'Print JSON'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from configs" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from configs" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a topic'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "list" -d 'List topics (in a cluster, with their replication factor)'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show partitions (log start and end offsets, segments, bytes) and configs'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "alter" -d 'Change configs or raise the partition count (of a cluster topic: in the metadata store, for every broker; with -b: CreatePartitions and IncrementalAlterConfigs on the Kafka cluster)'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a topic and all its data (of a cluster topic: on every broker; one that is away deletes its copy through its agent when it returns)'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "configs" -d 'List the topic configs klog knows, with their defaults'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand produce" -s t -l topic -d 'The same as TOPIC: the spelling of Kafka\'s tools (and kcat\'s -t)' -r
complete -c klog -n "__fish_klog_using_subcommand produce" -s p -l partition -d 'Partition to write every record to (default: by key with Kafka\'s murmur2 partitioner, keyless records spread over the partitions batch by batch)' -r
complete -c klog -n "__fish_klog_using_subcommand produce" -s D -l delimiter -d 'Record delimiter; escapes \\n \\t \\0 \\xHH work' -r
complete -c klog -n "__fish_klog_using_subcommand produce" -s K -l key-delimiter -d 'Split each record into key and value at the first SEP (a record without SEP has no key)' -r
complete -c klog -n "__fish_klog_using_subcommand produce" -s k -l key -d 'One key for every record (kcat\'s -k; with --input json, for records without a key)' -r
complete -c klog -n "__fish_klog_using_subcommand produce" -s H -l header -d 'A header for every record, KEY=VALUE (repeatable)' -r
complete -c klog -n "__fish_klog_using_subcommand produce" -l input -d 'Input format' -r -f -a "text\t'Delimited records (see -D and -K)'
json\t'One JSON object per line: key/key_b64, value/value_b64, headers, timestamp, partition'"
complete -c klog -n "__fish_klog_using_subcommand produce" -s z -l compression -d 'Compression codec for batches: none, gzip, snappy, lz4, zstd (the topic\'s compression.type wins unless it is "producer")' -r
complete -c klog -n "__fish_klog_using_subcommand produce" -l batch-size -d 'Largest batch in bytes before compression (capped at the topic\'s max.message.bytes)' -r
complete -c klog -n "__fish_klog_using_subcommand produce" -l linger-ms -d 'How long to wait for more input before sending a partial batch, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand produce" -l acks -d 'Acknowledgement: 0 (no fsync), 1 (the leader has it on disk) or all (every in-sync replica has it: for a cluster topic this process copies the batches to the in-sync followers before exiting 0, and fails with NOT_ENOUGH_REPLICAS when fewer than min.insync.replicas are in sync). On a standalone directory 1 and all are the same' -r -f -a "0\t'Do not wait for the disk: no fsync'
1\t'The leader has it on disk (fsync before exit)'
all\t'Every in-sync replica has it; a standalone directory is its own only replica'"
complete -c klog -n "__fish_klog_using_subcommand produce" -l timestamp -d 'Timestamp for every record, in ms since the epoch (default: the time it is read)' -r
complete -c klog -n "__fish_klog_using_subcommand produce" -l delivery-timeout-ms -d 'For a cluster topic: how long to keep retrying when a partition\'s leader is unavailable or moving (Kafka\'s delivery.timeout.ms), in ms. The producer follows the controller\'s new leader and sends it the batches it lacks; it fails only after this time' -r
complete -c klog -n "__fish_klog_using_subcommand produce" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand produce" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand produce" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand produce" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand produce" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand produce" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand produce" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand produce" -s Z -l null-empty -d 'Produce an empty value as null (a tombstone)'
complete -c klog -n "__fish_klog_using_subcommand produce" -l print-offsets -d 'Print where each batch landed: topic, partition, first and last offset, tab-separated. A line is an acknowledgement: it is printed only once its batch is durable (with acks=all on a cluster topic: once every in-sync replica has it)'
complete -c klog -n "__fish_klog_using_subcommand produce" -s v -l verbose -d 'Print a summary on stderr'
complete -c klog -n "__fish_klog_using_subcommand produce" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand produce" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c klog -n "__fish_klog_using_subcommand consume" -s t -l topic -d 'The same as TOPIC (the spelling of kafka-console-consumer and kcat)' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -s p -l partition -d 'Partition to read (repeatable; default: all)' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -s o -l offset -d 'Where to start: beginning|earliest, end|latest, N, -N (N before the end), s@TIME; and, given again, where to stop: e@TIME (before the first record at or after TIME). (Default: beginning; for a group member, its committed offset.)' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -s c -l count -l max-messages -d 'Stop after this many records' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -l format -d 'Output format with kcat\'s tokens: %t %p %o %k %K %s %S %T %h %%, escapes \\n \\t' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -l isolation -d 'Kafka\'s isolation.level: read_uncommitted returns every record; read_committed skips the records of aborted transactions and stops before a transaction still open, as a Kafka consumer does. Control batches (transaction markers) are never returned. A group member (--group) reads read_committed only against a Kafka cluster (-b)' -r -f -a "read_uncommitted\t''
read_committed\t''"
complete -c klog -n "__fish_klog_using_subcommand consume" -s G -l group -d 'Consume as a member of this consumer group: partitions are shared with its other members and offsets are committed to __consumer_offsets (in a cluster: under M/coordinator; with -b: by the Kafka cluster\'s group coordinator)' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -l commit -d 'When offsets are committed' -r -f -a "auto\t'Every --auto-commit-interval-ms and on exit'
manual\t'Only after records are processed (with --exec: after CMD succeeds)'
none\t'Never commit'"
complete -c klog -n "__fish_klog_using_subcommand consume" -l auto-commit-interval-ms -d 'Interval of automatic commits, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -l exec -d 'Run CMD (with sh -c) for each record, the record on its stdin (in --format or --json); KLOG_TOPIC, KLOG_PARTITION and KLOG_OFFSET are set. Offsets are committed after it exits 0; a failure stops the member with CMD\'s status' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -l exec-batch -d 'Records per --exec run' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -l reset -d 'Where to start a partition that has no committed offset (Kafka\'s auto.offset.reset; default: latest)' -r -f -a "earliest\t'The log start offset'
latest\t'The log end offset (Kafka\'s default)'
none\t'Fail, naming the partition'"
complete -c klog -n "__fish_klog_using_subcommand consume" -l assignment -d 'Partition assignment strategy (all members of a group must use the same; with -b: range, roundrobin or cooperative-sticky, and KIP-848 groups are assigned by the broker)' -r -f -a "range\t''
roundrobin\t''
sticky\t''
cooperative-sticky\t''"
complete -c klog -n "__fish_klog_using_subcommand consume" -l session-timeout-ms -d 'A member that has not heartbeated for this long is removed (a dead process is noticed at once, through its lock; with -b, only after this long, and KIP-848 groups take the broker\'s)' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -l max-poll-interval-ms -d 'A member that has not polled for this long (a stuck --exec, say) is removed' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -l client-id -d 'Client id, the prefix of the member id' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand consume" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand consume" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -l from-beginning -d 'Start at the beginning: kafka-console-consumer\'s spelling of -o beginning (for a group member, of --reset earliest: where a partition without a committed offset starts)'
complete -c klog -n "__fish_klog_using_subcommand consume" -s e -l exit-at-end -d 'Exit at the end of the log (the default when stdout is not a terminal)'
complete -c klog -n "__fish_klog_using_subcommand consume" -s f -l follow -d 'Keep reading as records arrive, like tail -f (the default on a terminal)'
complete -c klog -n "__fish_klog_using_subcommand consume" -s J -l json -d 'One JSON object per record (the form `produce --input json` reads back)'
complete -c klog -n "__fish_klog_using_subcommand consume" -s v -l verbose -d 'Print membership events on stderr: joined generation N, assigned, revoked'
complete -c klog -n "__fish_klog_using_subcommand consume" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand consume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c klog -n "__fish_klog_using_subcommand group; and not __fish_seen_subcommand_from list describe reset-offsets delete delete-offsets commit help" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and not __fish_seen_subcommand_from list describe reset-offsets delete delete-offsets commit help" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and not __fish_seen_subcommand_from list describe reset-offsets delete delete-offsets commit help" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand group; and not __fish_seen_subcommand_from list describe reset-offsets delete delete-offsets commit help" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand group; and not __fish_seen_subcommand_from list describe reset-offsets delete delete-offsets commit help" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand group; and not __fish_seen_subcommand_from list describe reset-offsets delete delete-offsets commit help" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand group; and not __fish_seen_subcommand_from list describe reset-offsets delete delete-offsets commit help" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand group; and not __fish_seen_subcommand_from list describe reset-offsets delete delete-offsets commit help" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand group; and not __fish_seen_subcommand_from list describe reset-offsets delete delete-offsets commit help" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand group; and not __fish_seen_subcommand_from list describe reset-offsets delete delete-offsets commit help" -f -a "list" -d 'List groups with their state (also those only __consumer_offsets records, as from Kafka)'
complete -c klog -n "__fish_klog_using_subcommand group; and not __fish_seen_subcommand_from list describe reset-offsets delete delete-offsets commit help" -f -a "describe" -d 'Show a group\'s committed offsets, log end offsets, lag and owners (or members, or state)'
complete -c klog -n "__fish_klog_using_subcommand group; and not __fish_seen_subcommand_from list describe reset-offsets delete delete-offsets commit help" -f -a "reset-offsets" -d 'Reset committed offsets (the group must have no live members)'
complete -c klog -n "__fish_klog_using_subcommand group; and not __fish_seen_subcommand_from list describe reset-offsets delete delete-offsets commit help" -f -a "delete" -d 'Delete a group: its offsets (as tombstones in __consumer_offsets) and its state'
complete -c klog -n "__fish_klog_using_subcommand group; and not __fish_seen_subcommand_from list describe reset-offsets delete delete-offsets commit help" -f -a "delete-offsets" -d 'Delete a group\'s offsets for a topic'
complete -c klog -n "__fish_klog_using_subcommand group; and not __fish_seen_subcommand_from list describe reset-offsets delete delete-offsets commit help" -f -a "commit" -d 'Commit an offset for a partition (for scripts that track their own progress)'
complete -c klog -n "__fish_klog_using_subcommand group; and not __fish_seen_subcommand_from list describe reset-offsets delete delete-offsets commit help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from list" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from list" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from list" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from list" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from list" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from list" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from list" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from list" -l json -d 'Print JSON'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from describe" -l group -d 'The group id: kafka-consumer-groups\' spelling of GROUP' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from describe" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from describe" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from describe" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from describe" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from describe" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from describe" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from describe" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from describe" -l members -d 'Show the members instead: id, host, pid, assigned partitions'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from describe" -l state -d 'Show the group\'s state instead: protocol, generation, member count'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from describe" -l json -d 'Print JSON'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from describe" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l group -d 'The group id: kafka-consumer-groups\' spelling of GROUP' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l topic -d 'TOPIC or TOPIC:P,P,... (repeatable)' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l to-offset -d 'Offset N in each partition (clamped into the log, as Kafka does)' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l to-datetime -d 'The first offset at or after TIME (epoch ms or RFC 3339)' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l by-duration -d 'The first offset at or after now minus DURATION (ISO-8601, e.g. PT1H, P1DT12H)' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l shift-by -d 'Move the committed offsets by N (negative moves back)' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l from-file -d 'Kafka\'s CSV plan: topic,partition,offset per line' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l all-topics -d 'Every topic the group has offsets for'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l to-earliest -d 'The log start offset of each partition'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l to-latest -d 'The log end offset of each partition (in a cluster: the high watermark)'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l to-current -d 'Keep the committed offsets (useful with --dry-run to see them)'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l dry-run -d 'Show the plan, change nothing (also the default, as in kafka-consumer-groups, which then says so on stderr)'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l execute -d 'Commit the plan'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l json -d 'Print JSON'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete" -l group -d 'The group id: kafka-consumer-groups\' spelling of GROUP' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l group -d 'The group id: kafka-consumer-groups\' spelling of GROUP' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l topic -d 'The topic whose offsets to delete' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from commit" -l group -d 'The group id: kafka-consumer-groups\' spelling of GROUP' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from commit" -l topic -d 'The topic' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from commit" -s p -l partition -d 'The partition of --topic' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from commit" -l offset -d 'The offset to commit: the next record the group will read (at most the log end)' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from commit" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from commit" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from commit" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from commit" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from commit" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from commit" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from commit" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from commit" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from commit" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "list" -d 'List groups with their state (also those only __consumer_offsets records, as from Kafka)'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a group\'s committed offsets, log end offsets, lag and owners (or members, or state)'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "reset-offsets" -d 'Reset committed offsets (the group must have no live members)'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a group: its offsets (as tombstones in __consumer_offsets) and its state'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "delete-offsets" -d 'Delete a group\'s offsets for a topic'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "commit" -d 'Commit an offset for a partition (for scripts that track their own progress)'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand offsets" -s t -l topic -d 'The same as TOPIC: the spelling of Kafka\'s tools (and kcat\'s -t)' -r
complete -c klog -n "__fish_klog_using_subcommand offsets" -s p -l partition -d 'Partition (repeatable; default: all)' -r
complete -c klog -n "__fish_klog_using_subcommand offsets" -l time -d 'Also show the first offset whose timestamp is at or after TIME (epoch ms or RFC 3339)' -r
complete -c klog -n "__fish_klog_using_subcommand offsets" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand offsets" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand offsets" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand offsets" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand offsets" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand offsets" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand offsets" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand offsets" -l json -d 'Print JSON'
complete -c klog -n "__fish_klog_using_subcommand offsets" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand offsets" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand dump" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand dump" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand dump" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand dump" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand dump" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand dump" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand dump" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand dump" -s r -l records -d 'Print every record too (kafka-dump-log\'s --deep-iteration --print-data-log)'
complete -c klog -n "__fish_klog_using_subcommand dump" -l json -d 'One JSON object per batch or index entry'
complete -c klog -n "__fish_klog_using_subcommand dump" -l offsets-decoder -d 'Decode __consumer_offsets records (offset commits, group metadata), like kafka-dump-log\'s --offsets-decoder. Implies --records'
complete -c klog -n "__fish_klog_using_subcommand dump" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand dump" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand verify" -l topic -d 'The same as TOPIC: the spelling of Kafka\'s tools' -r
complete -c klog -n "__fish_klog_using_subcommand verify" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand verify" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand verify" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand verify" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand verify" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand verify" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand verify" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand verify" -l repair -d 'Rebuild bad indexes and leader-epoch-checkpoint from the log, and cut the active segment at its first invalid batch (dropping the batches after it, as Kafka\'s recovery does), saying what was cut. Damage inside a sealed segment is reported, not cut'
complete -c klog -n "__fish_klog_using_subcommand verify" -l json -d 'Print JSON'
complete -c klog -n "__fish_klog_using_subcommand verify" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand verify" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand perf; and not __fish_seen_subcommand_from produce consume help" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand perf; and not __fish_seen_subcommand_from produce consume help" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand perf; and not __fish_seen_subcommand_from produce consume help" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and not __fish_seen_subcommand_from produce consume help" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and not __fish_seen_subcommand_from produce consume help" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and not __fish_seen_subcommand_from produce consume help" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and not __fish_seen_subcommand_from produce consume help" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and not __fish_seen_subcommand_from produce consume help" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand perf; and not __fish_seen_subcommand_from produce consume help" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand perf; and not __fish_seen_subcommand_from produce consume help" -f -a "produce" -d 'Append generated records to a topic (created if missing) and report rate and latency'
complete -c klog -n "__fish_klog_using_subcommand perf; and not __fish_seen_subcommand_from produce consume help" -f -a "consume" -d 'Read a partition from the beginning, decoding every record, and report the rate'
complete -c klog -n "__fish_klog_using_subcommand perf; and not __fish_seen_subcommand_from produce consume help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -l topic -d 'Topic to write (created with one partition if missing)' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -s p -l partition -d 'Partition to use' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -l records -d 'Number of records' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -l record-size -d 'Value size in bytes' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -l batch-size -d 'Batch size in bytes' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -s z -l compression -d 'Codec: none, gzip, snappy, lz4, zstd' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -l durable -d 'fsync at the end (as `klog produce` does unless --acks 0)'
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -l json -d 'Print one JSON object instead of a line'
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from consume" -l topic -d 'Topic to read' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from consume" -s p -l partition -d 'Partition to use' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from consume" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from consume" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from consume" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from consume" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from consume" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from consume" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from consume" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from consume" -l json -d 'Print one JSON object instead of a line'
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from consume" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from consume" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from help" -f -a "produce" -d 'Append generated records to a topic (created if missing) and report rate and latency'
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from help" -f -a "consume" -d 'Read a partition from the beginning, decoding every record, and report the rate'
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand retention" -l topic -d 'The same as TOPIC (repeatable): the spelling of Kafka\'s tools' -r
complete -c klog -n "__fish_klog_using_subcommand retention" -l lock-wait-ms -d 'The old spelling of the global --lock-timeout-ms, kept hidden for existing crontabs' -r
complete -c klog -n "__fish_klog_using_subcommand retention" -l dedupe-buffer-bytes -d 'Memory for compaction\'s key map, in bytes (24 per key); a partition with more keys is compacted in several passes' -r
complete -c klog -n "__fish_klog_using_subcommand retention" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand retention" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand retention" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand retention" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand retention" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand retention" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand retention" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand retention" -l dry-run -d 'Show what would be deleted and compacted; change nothing and take no lock'
complete -c klog -n "__fish_klog_using_subcommand retention" -l json -d 'Print one JSON object with every partition\'s report'
complete -c klog -n "__fish_klog_using_subcommand retention" -l exit-code -d 'Exit 4 when nothing was due, like `git diff --exit-code` (default: 0 either way)'
complete -c klog -n "__fish_klog_using_subcommand retention" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand retention" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c klog -n "__fish_klog_using_subcommand delete-records" -l topic -d 'The same as TOPIC: the spelling of Kafka\'s tools' -r
complete -c klog -n "__fish_klog_using_subcommand delete-records" -s p -l partition -d 'Partition (repeatable)' -r
complete -c klog -n "__fish_klog_using_subcommand delete-records" -l before -d 'Delete the records below this offset (-1: the high watermark, i.e. everything)' -r
complete -c klog -n "__fish_klog_using_subcommand delete-records" -l offset-json-file -d 'Kafka\'s JSON file of partitions and offsets' -r -F
complete -c klog -n "__fish_klog_using_subcommand delete-records" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand delete-records" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand delete-records" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand delete-records" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand delete-records" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand delete-records" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand delete-records" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand delete-records" -l json -d 'One JSON object per partition'
complete -c klog -n "__fish_klog_using_subcommand delete-records" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand delete-records" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c klog -n "__fish_klog_using_subcommand replicate" -l from -d 'The leader\'s data directory' -r -F
complete -c klog -n "__fish_klog_using_subcommand replicate" -l to -d 'The follower\'s data directory (it must exist: `klog init`)' -r -F
complete -c klog -n "__fish_klog_using_subcommand replicate" -l topic -d 'Only this topic' -r
complete -c klog -n "__fish_klog_using_subcommand replicate" -l partition -d 'Only this partition (with --topic)' -r
complete -c klog -n "__fish_klog_using_subcommand replicate" -l poll-ms -d 'Pause between passes with --follow, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand replicate" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand replicate" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand replicate" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand replicate" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand replicate" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand replicate" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand replicate" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand replicate" -l follow -d 'Keep replicating: a pass every --poll-ms until killed (a failed pass is reported on stderr and retried; a conflict such as a stale leader ends it with exit 3)'
complete -c klog -n "__fish_klog_using_subcommand replicate" -l json -d 'Print JSON, one object per pass'
complete -c klog -n "__fish_klog_using_subcommand replicate" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand replicate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c klog -n "__fish_klog_using_subcommand broker; and not __fish_seen_subcommand_from run help" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand broker; and not __fish_seen_subcommand_from run help" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand broker; and not __fish_seen_subcommand_from run help" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand broker; and not __fish_seen_subcommand_from run help" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand broker; and not __fish_seen_subcommand_from run help" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand broker; and not __fish_seen_subcommand_from run help" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand broker; and not __fish_seen_subcommand_from run help" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand broker; and not __fish_seen_subcommand_from run help" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand broker; and not __fish_seen_subcommand_from run help" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand broker; and not __fish_seen_subcommand_from run help" -f -a "run" -d 'Keep every partition this data directory follows replicating from its current leader (per the metadata store), holding the broker\'s liveness lock while it runs. It registers in the store; if it dies registered, the controller fails the broker. SIGINT or SIGTERM stop it cleanly (unregistered)'
complete -c klog -n "__fish_klog_using_subcommand broker; and not __fish_seen_subcommand_from run help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from run" -l poll-ms -d 'Pause between passes, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from run" -l passes -d 'Stop after this many passes (default: run until SIGINT or SIGTERM)' -r
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from run" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from run" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from run" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from run" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from run" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from run" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from run" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from run" -l json -d 'Print JSON, one object per pass that changed something'
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from help" -f -a "run" -d 'Keep every partition this data directory follows replicating from its current leader (per the metadata store), holding the broker\'s liveness lock while it runs. It registers in the store; if it dies registered, the controller fails the broker. SIGINT or SIGTERM stop it cleanly (unregistered)'
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand cluster; and not __fish_seen_subcommand_from brokers elect-leader help" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand cluster; and not __fish_seen_subcommand_from brokers elect-leader help" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand cluster; and not __fish_seen_subcommand_from brokers elect-leader help" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and not __fish_seen_subcommand_from brokers elect-leader help" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and not __fish_seen_subcommand_from brokers elect-leader help" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and not __fish_seen_subcommand_from brokers elect-leader help" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and not __fish_seen_subcommand_from brokers elect-leader help" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and not __fish_seen_subcommand_from brokers elect-leader help" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand cluster; and not __fish_seen_subcommand_from brokers elect-leader help" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand cluster; and not __fish_seen_subcommand_from brokers elect-leader help" -f -a "brokers" -d 'List the brokers of the cluster and whether their data directories are reachable'
complete -c klog -n "__fish_klog_using_subcommand cluster; and not __fish_seen_subcommand_from brokers elect-leader help" -f -a "elect-leader" -d 'Make a broker the leader of a partition: bumps the leader epoch and records the change'
complete -c klog -n "__fish_klog_using_subcommand cluster; and not __fish_seen_subcommand_from brokers elect-leader help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from brokers" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from brokers" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from brokers" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from brokers" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from brokers" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from brokers" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from brokers" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from brokers" -l json -d 'Print JSON'
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from brokers" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from brokers" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from elect-leader" -l topic -d 'The topic' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from elect-leader" -l partition -d 'The partition' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from elect-leader" -l leader -d 'The broker id of the new leader (must be in the ISR unless --unclean)' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from elect-leader" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from elect-leader" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from elect-leader" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from elect-leader" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from elect-leader" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from elect-leader" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from elect-leader" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from elect-leader" -l unclean -d 'Allow a replica outside the ISR (records only the old ISR had are lost)'
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from elect-leader" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from elect-leader" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "brokers" -d 'List the brokers of the cluster and whether their data directories are reachable'
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "elect-leader" -d 'Make a broker the leader of a partition: bumps the leader epoch and records the change'
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand controller; and not __fish_seen_subcommand_from run elect status help" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand controller; and not __fish_seen_subcommand_from run elect status help" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand controller; and not __fish_seen_subcommand_from run elect status help" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and not __fish_seen_subcommand_from run elect status help" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and not __fish_seen_subcommand_from run elect status help" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and not __fish_seen_subcommand_from run elect status help" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and not __fish_seen_subcommand_from run elect status help" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and not __fish_seen_subcommand_from run elect status help" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand controller; and not __fish_seen_subcommand_from run elect status help" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand controller; and not __fish_seen_subcommand_from run elect status help" -f -a "run" -d 'Be a controller candidate: wait for the controller lock, then detect failed brokers and move leadership until killed'
complete -c klog -n "__fish_klog_using_subcommand controller; and not __fish_seen_subcommand_from run elect status help" -f -a "elect" -d 'One round of controller work in the foreground (for cron or scripts): take the lock, act, release. Exits 3 if a controller is running'
complete -c klog -n "__fish_klog_using_subcommand controller; and not __fish_seen_subcommand_from run elect status help" -f -a "status" -d 'Show the controller, its epoch, the brokers and offline and under-replicated partitions'
complete -c klog -n "__fish_klog_using_subcommand controller; and not __fish_seen_subcommand_from run elect status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from run" -l broker-id -d 'The broker id this controller runs beside (recorded with its election)' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from run" -l interval-ms -d 'Time between failure-detection rounds, in ms (at most 200)' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from run" -l poll-ms -d 'Time between tries of the controller lock while waiting, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from run" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from run" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from run" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from run" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from run" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from run" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from run" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from run" -l json -d 'Print JSON, one object per event'
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from elect" -l broker-id -d 'The broker id recorded with this election' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from elect" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from elect" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from elect" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from elect" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from elect" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from elect" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from elect" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from elect" -l json -d 'Print JSON'
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from elect" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from elect" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from status" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from status" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from status" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from status" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from status" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from status" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from status" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from status" -l json -d 'Print JSON'
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from help" -f -a "run" -d 'Be a controller candidate: wait for the controller lock, then detect failed brokers and move leadership until killed'
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from help" -f -a "elect" -d 'One round of controller work in the foreground (for cron or scripts): take the lock, act, release. Exits 3 if a controller is running'
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show the controller, its epoch, the brokers and offline and under-replicated partitions'
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand leader-election" -l type -l election-type -d 'preferred: move leadership back to the first assigned replica when it is live and in sync; unclean: give partitions without a live leader one, from outside the ISR if need be (records only the old ISR held are lost)' -r -f -a "preferred\t''
unclean\t''"
complete -c klog -n "__fish_klog_using_subcommand leader-election" -l topic -d 'The topic (with --partition)' -r
complete -c klog -n "__fish_klog_using_subcommand leader-election" -l partition -d 'The partition of --topic' -r
complete -c klog -n "__fish_klog_using_subcommand leader-election" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand leader-election" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand leader-election" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand leader-election" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand leader-election" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand leader-election" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand leader-election" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand leader-election" -l all -d 'Every partition of the cluster'
complete -c klog -n "__fish_klog_using_subcommand leader-election" -l json -d 'Print JSON'
complete -c klog -n "__fish_klog_using_subcommand leader-election" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand leader-election" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand reassign" -l topics-to-move-json-file -d 'Kafka\'s {"version":1,"topics":[{"topic":"t"}]}' -r -F
complete -c klog -n "__fish_klog_using_subcommand reassign" -l broker-list -d 'Broker ids to place replicas on, comma-separated' -r
complete -c klog -n "__fish_klog_using_subcommand reassign" -l reassignment-json-file -d 'The reassignment plan' -r -F
complete -c klog -n "__fish_klog_using_subcommand reassign" -l throttle -d 'With --execute: copy to the new replicas at most this many bytes per second (over the whole execution), like kafka-reassign-partitions --throttle' -r
complete -c klog -n "__fish_klog_using_subcommand reassign" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand reassign" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand reassign" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand reassign" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand reassign" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand reassign" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand reassign" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand reassign" -l generate -d 'Propose a plan for --topics-to-move-json-file over --broker-list'
complete -c klog -n "__fish_klog_using_subcommand reassign" -l execute -d 'Carry out the plan in --reassignment-json-file'
complete -c klog -n "__fish_klog_using_subcommand reassign" -l verify -d 'Check the plan in --reassignment-json-file'
complete -c klog -n "__fish_klog_using_subcommand reassign" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand reassign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c klog -n "__fish_klog_using_subcommand mirror" -l from -d 'Where to read: a data directory, or kafka://HOST:PORT[,HOST:PORT...]' -r
complete -c klog -n "__fish_klog_using_subcommand mirror" -l to -d 'Where to write: a data directory (created when new or empty), or kafka://HOST:PORT[,...]' -r
complete -c klog -n "__fish_klog_using_subcommand mirror" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand mirror" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand mirror" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand mirror" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand mirror" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand mirror" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand mirror" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand mirror" -l repartition -d 'Towards a cluster: allow another partition count there, placing records by key (murmur2) and keyless ones by source partition modulo the count. Not towards a directory, where records keep their source partition and offset'
complete -c klog -n "__fish_klog_using_subcommand mirror" -s f -l follow -d 'Keep copying new records as they arrive, until SIGINT or SIGTERM'
complete -c klog -n "__fish_klog_using_subcommand mirror" -l json -d 'Print one JSON object per topic instead of the summary line'
complete -c klog -n "__fish_klog_using_subcommand mirror" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand mirror" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c klog -n "__fish_klog_using_subcommand completions" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand completions" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand completions" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand completions" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand completions" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand completions" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand completions" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand completions" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand completions" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand generate" -l out -d 'Directory to write man/ and completions/ into' -r -F
complete -c klog -n "__fish_klog_using_subcommand generate" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand generate" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand generate" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand generate" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand generate" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand generate" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand generate" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand generate" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand generate" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand complete-names" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand complete-names" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand complete-names" -l lock-timeout-ms -d 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]' -r
complete -c klog -n "__fish_klog_using_subcommand complete-names" -s b -l bootstrap-server -l brokers -d 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat\'s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it' -r
complete -c klog -n "__fish_klog_using_subcommand complete-names" -s X -d 'A client property for the Kafka cluster, KEY=VALUE with librdkafka\'s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed' -r
complete -c klog -n "__fish_klog_using_subcommand complete-names" -s F -l client-config -d 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none' -r
complete -c klog -n "__fish_klog_using_subcommand complete-names" -l request-timeout-ms -d 'How long a request to a Kafka cluster may take before klog gives up, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand complete-names" -s q -l quiet -d 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat\'s -q)'
complete -c klog -n "__fish_klog_using_subcommand complete-names" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign mirror completions generate complete-names help" -f -a "init" -d 'Create a data directory: meta.properties (node.id, a new cluster.id) and empty checkpoints'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign mirror completions generate complete-names help" -f -a "topic" -d 'Create, list, describe, alter and delete topics'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign mirror completions generate complete-names help" -f -a "produce" -d 'Append records from stdin to a topic'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign mirror completions generate complete-names help" -f -a "consume" -d 'Read records from a topic to stdout'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign mirror completions generate complete-names help" -f -a "group" -d 'Consumer groups: list, describe, reset offsets, commit, delete (like kafka-consumer-groups; with -b, a Kafka cluster\'s groups)'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign mirror completions generate complete-names help" -f -a "offsets" -d 'Show each partition\'s earliest and latest offsets, or the offset for a time'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign mirror completions generate complete-names help" -f -a "dump" -d 'Print the batches, records or index entries of segment files, like kafka-dump-log'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign mirror completions generate complete-names help" -f -a "verify" -d 'Check every segment (CRC, offsets, indexes); --repair cuts torn tails and rebuilds indexes'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign mirror completions generate complete-names help" -f -a "perf" -d 'Measure produce and consume throughput and latency'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign mirror completions generate complete-names help" -f -a "retention" -d 'Apply every topic\'s retention and compaction rules (run it from cron)'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign mirror completions generate complete-names help" -f -a "delete-records" -d 'Delete the records below an offset by advancing the partition\'s log start offset'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign mirror completions generate complete-names help" -f -a "replicate" -d 'Copy a leader\'s batches into a follower data directory (after divergence truncation)'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign mirror completions generate complete-names help" -f -a "broker" -d 'Run a broker agent: keep this data directory\'s follower partitions replicating'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign mirror completions generate complete-names help" -f -a "cluster" -d 'Cluster administration through the metadata store: brokers, leader elections'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign mirror completions generate complete-names help" -f -a "controller" -d 'The cluster controller: run a candidate, elect once, show status'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign mirror completions generate complete-names help" -f -a "leader-election" -d 'Elect partition leaders: preferred replicas, or unclean for offline partitions'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign mirror completions generate complete-names help" -f -a "reassign" -d 'Move partition replicas between brokers with Kafka\'s JSON plan (generate, execute, verify)'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign mirror completions generate complete-names help" -f -a "mirror" -d 'Copy topics between a data directory and a Kafka cluster, resumable without duplicates'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign mirror completions generate complete-names help" -f -a "completions" -d 'Print a shell completion script'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign mirror completions generate complete-names help" -f -a "generate" -d 'Write the man pages and completion scripts into a directory (for maintainers)'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign mirror completions generate complete-names help" -f -a "complete-names" -d 'List topic or group names, one a line (for the shell completion scripts)'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign mirror completions generate complete-names help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from topic" -f -a "create" -d 'Create a topic'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from topic" -f -a "list" -d 'List topics (in a cluster, with their replication factor)'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from topic" -f -a "describe" -d 'Show partitions (log start and end offsets, segments, bytes) and configs'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from topic" -f -a "alter" -d 'Change configs or raise the partition count (of a cluster topic: in the metadata store, for every broker; with -b: CreatePartitions and IncrementalAlterConfigs on the Kafka cluster)'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from topic" -f -a "delete" -d 'Delete a topic and all its data (of a cluster topic: on every broker; one that is away deletes its copy through its agent when it returns)'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from topic" -f -a "configs" -d 'List the topic configs klog knows, with their defaults'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "list" -d 'List groups with their state (also those only __consumer_offsets records, as from Kafka)'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "describe" -d 'Show a group\'s committed offsets, log end offsets, lag and owners (or members, or state)'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "reset-offsets" -d 'Reset committed offsets (the group must have no live members)'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "delete" -d 'Delete a group: its offsets (as tombstones in __consumer_offsets) and its state'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "delete-offsets" -d 'Delete a group\'s offsets for a topic'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "commit" -d 'Commit an offset for a partition (for scripts that track their own progress)'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from perf" -f -a "produce" -d 'Append generated records to a topic (created if missing) and report rate and latency'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from perf" -f -a "consume" -d 'Read a partition from the beginning, decoding every record, and report the rate'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from broker" -f -a "run" -d 'Keep every partition this data directory follows replicating from its current leader (per the metadata store), holding the broker\'s liveness lock while it runs. It registers in the store; if it dies registered, the controller fails the broker. SIGINT or SIGTERM stop it cleanly (unregistered)'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from cluster" -f -a "brokers" -d 'List the brokers of the cluster and whether their data directories are reachable'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from cluster" -f -a "elect-leader" -d 'Make a broker the leader of a partition: bumps the leader epoch and records the change'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from controller" -f -a "run" -d 'Be a controller candidate: wait for the controller lock, then detect failed brokers and move leadership until killed'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from controller" -f -a "elect" -d 'One round of controller work in the foreground (for cron or scripts): take the lock, act, release. Exits 3 if a controller is running'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from controller" -f -a "status" -d 'Show the controller, its epoch, the brokers and offline and under-replicated partitions'

# klog: topic and group names of the data directory where a topic or a group goes.
function __klog_names
    set -l tokens (commandline -opc)
    set -l dd
    set -l i 2
    while test $i -le (count $tokens)
        switch $tokens[$i]
            case --data-dir
                set i (math $i + 1)
                set dd --data-dir $tokens[$i]
            case '--data-dir=*'
                set dd --data-dir (string replace -- --data-dir= '' $tokens[$i])
        end
        set i (math $i + 1)
    end
    command $tokens[1] $dd complete-names $argv 2>/dev/null
end
function __klog_wants_names
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    switch $tokens[-1]
        case --topic -t
            echo topics
            return
        case --group -G
            echo groups
            return
        case '-*'
            return
    end
    string match -q -- '-*' $cur; and return
    set -l cmd
    set -l sub
    set -l skip 0
    for w in $tokens[2..-1]
        if test $skip = 1
            set skip 0
            continue
        end
        switch $w
            case --data-dir --meta --lock-timeout-ms
                set skip 1
            case '-*'
            case '*'
                if test -z "$cmd"
                    set cmd $w
                else if test -z "$sub"
                    set sub $w
                end
        end
    end
    switch $cmd
        case produce consume offsets verify retention delete-records
            echo topics
        case topic
            contains -- "$sub" describe alter delete; and echo topics
        case group
            test -n "$sub"; and test "$sub" != list; and echo groups
    end
end
complete -c klog -f -n 'test "$(__klog_wants_names)" = topics' -a '(__klog_names topics)'
complete -c klog -f -n 'test "$(__klog_wants_names)" = groups' -a '(__klog_names groups)'
complete -c klog -s t -l topic -x -a '(__klog_names topics)'
complete -c klog -s G -l group -x -a '(__klog_names groups)'
