# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_klog_global_optspecs
    string join \n data-dir= meta= lock-timeout-ms= h/help V/version
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
complete -c klog -n "__fish_klog_needs_command" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_needs_command" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_needs_command" -s V -l version -d 'Print version'
complete -c klog -n "__fish_klog_needs_command" -f -a "init" -d 'Create a data directory: meta.properties (broker.id, a new cluster.id) and empty checkpoints'
complete -c klog -n "__fish_klog_needs_command" -f -a "topic" -d 'Create, list, describe, alter and delete topics'
complete -c klog -n "__fish_klog_needs_command" -f -a "produce" -d 'Append records from stdin to a topic'
complete -c klog -n "__fish_klog_needs_command" -f -a "consume" -d 'Read records from a topic to stdout'
complete -c klog -n "__fish_klog_needs_command" -f -a "group" -d 'Consumer groups: list, describe, reset offsets, commit, delete (like kafka-consumer-groups)'
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
complete -c klog -n "__fish_klog_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c klog -n "__fish_klog_needs_command" -f -a "generate" -d 'Write the man pages and completion scripts into a directory (for maintainers)'
complete -c klog -n "__fish_klog_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand init" -l broker-id -d 'This broker\'s id, written as broker.id in meta.properties' -r
complete -c klog -n "__fish_klog_using_subcommand init" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand init" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand init" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand init" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -f -a "create" -d 'Create a topic'
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -f -a "list" -d 'List topics (in a cluster, with their replication factor)'
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -f -a "describe" -d 'Show partitions (log start and end offsets, segments, bytes) and configs'
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -f -a "alter" -d 'Change configs or raise the partition count (of a cluster topic: in the metadata store, for every broker)'
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -f -a "delete" -d 'Delete a topic and all its data (of a cluster topic: on every broker; one that is away deletes its copy through its agent when it returns)'
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -f -a "configs" -d 'List the topic configs klog knows, with their defaults'
complete -c klog -n "__fish_klog_using_subcommand topic; and not __fish_seen_subcommand_from create list describe alter delete configs help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -s P -l partitions -d 'Number of partitions' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -s c -l config -d 'A topic config, KEY=VALUE with Kafka\'s names (repeatable; see `klog topic configs`)' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -l replication-factor -d 'Replicas per partition, placed over the cluster\'s brokers like Kafka (needs a cluster: --meta, or a data directory that joined one)' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -l replica-assignment -d 'Explicit replicas per partition, like kafka-topics: 0:1:2,1:2:0 (the first leads)' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -l if-not-exists -d 'Succeed quietly when the topic exists already'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from list" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from list" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from list" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from list" -l json
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from describe" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from describe" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from describe" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from describe" -l json
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from describe" -l under-replicated-partitions -d 'Only partitions whose ISR is smaller than their replica set (cluster topics)'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from describe" -l under-min-isr-partitions -d 'Only partitions whose ISR is smaller than min.insync.replicas (cluster topics)'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from alter" -s P -l partitions -d 'New partition count (can only increase)' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from alter" -s c -l config -d 'Set a config, KEY=VALUE (repeatable)' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from alter" -l delete-config -d 'Remove a config override, back to the default (repeatable)' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from alter" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from alter" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from alter" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from alter" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from delete" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from delete" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from delete" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from configs" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from configs" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from configs" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from configs" -l json
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from configs" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a topic'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "list" -d 'List topics (in a cluster, with their replication factor)'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show partitions (log start and end offsets, segments, bytes) and configs'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "alter" -d 'Change configs or raise the partition count (of a cluster topic: in the metadata store, for every broker)'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a topic and all its data (of a cluster topic: on every broker; one that is away deletes its copy through its agent when it returns)'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "configs" -d 'List the topic configs klog knows, with their defaults'
complete -c klog -n "__fish_klog_using_subcommand topic; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand produce" -s p -l partition -d 'Partition to write every record to (default: by key with Kafka\'s murmur2 partitioner, keyless records spread over the partitions batch by batch)' -r
complete -c klog -n "__fish_klog_using_subcommand produce" -s D -l delimiter -d 'Record delimiter; escapes \\n \\t \\0 \\xHH work' -r
complete -c klog -n "__fish_klog_using_subcommand produce" -s K -l key-delimiter -d 'Split each record into key and value at the first SEP (a record without SEP has no key)' -r
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
complete -c klog -n "__fish_klog_using_subcommand produce" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand produce" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand produce" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand produce" -s Z -l null-empty -d 'Produce an empty value as null (a tombstone)'
complete -c klog -n "__fish_klog_using_subcommand produce" -l print-offsets -d 'Print where each batch landed: topic, partition, first and last offset, tab-separated'
complete -c klog -n "__fish_klog_using_subcommand produce" -s v -l verbose -d 'Print a summary on stderr'
complete -c klog -n "__fish_klog_using_subcommand produce" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c klog -n "__fish_klog_using_subcommand consume" -s p -l partition -d 'Partition to read (repeatable; default: all)' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -s o -l offset -d 'Where to start: beginning|earliest, end|latest, N, -N (N before the end), s@TIME. (Default: beginning; for a group member, its committed offset.)' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -s c -l count -d 'Stop after this many records' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -l format -d 'Output format with kcat\'s tokens: %t %p %o %k %K %s %S %T %h %%, escapes \\n \\t' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -s G -l group -d 'Consume as a member of this consumer group: partitions are shared with its other members and offsets are committed to __consumer_offsets (in a cluster: under M/coordinator)' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -l commit -d 'When offsets are committed' -r -f -a "auto\t'Every --auto-commit-interval-ms and on exit'
manual\t'Only after records are processed (with --exec: after CMD succeeds)'
none\t'Never commit'"
complete -c klog -n "__fish_klog_using_subcommand consume" -l auto-commit-interval-ms -d 'Interval of automatic commits, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -l exec -d 'Run CMD (with sh -c) for each record, the record on its stdin (in --format or --json); KLOG_TOPIC, KLOG_PARTITION and KLOG_OFFSET are set. Offsets are committed after it exits 0; a failure stops the member with CMD\'s status' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -l exec-batch -d 'Records per --exec run' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -l reset -d 'Where to start a partition that has no committed offset (Kafka\'s auto.offset.reset)' -r -f -a "earliest\t'The log start offset'
latest\t'The log end offset (Kafka\'s default)'
none\t'Fail, naming the partition'"
complete -c klog -n "__fish_klog_using_subcommand consume" -l assignment -d 'Partition assignment strategy (all members of a group must use the same)' -r -f -a "range\t''
roundrobin\t''
sticky\t''
cooperative-sticky\t''"
complete -c klog -n "__fish_klog_using_subcommand consume" -l session-timeout-ms -d 'A member that has not heartbeated for this long is removed (a dead process is noticed at once, through its lock)' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -l max-poll-interval-ms -d 'A member that has not polled for this long (a stuck --exec, say) is removed' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -l client-id -d 'Client id, the prefix of the member id' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand consume" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand consume" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand consume" -s e -l exit-at-end -d 'Exit at the end of the log (the default when stdout is not a terminal)'
complete -c klog -n "__fish_klog_using_subcommand consume" -s f -l follow -d 'Keep reading as records arrive, like tail -f (the default on a terminal)'
complete -c klog -n "__fish_klog_using_subcommand consume" -s J -l json -d 'One JSON object per record (the form `produce --input json` reads back)'
complete -c klog -n "__fish_klog_using_subcommand consume" -s v -l verbose -d 'Print membership events on stderr: joined generation N, assigned, revoked'
complete -c klog -n "__fish_klog_using_subcommand consume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c klog -n "__fish_klog_using_subcommand group; and not __fish_seen_subcommand_from list describe reset-offsets delete delete-offsets commit help" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and not __fish_seen_subcommand_from list describe reset-offsets delete delete-offsets commit help" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and not __fish_seen_subcommand_from list describe reset-offsets delete delete-offsets commit help" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
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
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from list" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from list" -l json
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from describe" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from describe" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from describe" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from describe" -l members -d 'Show the members instead: id, host, pid, assigned partitions'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from describe" -l state -d 'Show the group\'s state instead: protocol, generation, member count'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from describe" -l json
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l topic -d 'TOPIC or TOPIC:P,P,... (repeatable)' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l to-offset -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l to-datetime -d 'The first offset at or after TIME (epoch ms or RFC 3339)' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l by-duration -d 'The first offset at or after now minus DURATION (ISO-8601, e.g. PT1H, P1DT12H)' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l shift-by -d 'Move the committed offsets by N (negative moves back)' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l from-file -d 'Kafka\'s CSV plan: topic,partition,offset per line' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l all-topics -d 'Every topic the group has offsets for'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l to-earliest
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l to-latest
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l to-current -d 'Keep the committed offsets (useful with --dry-run to see them)'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l dry-run -d 'Show the plan, change nothing'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l execute -d 'Commit the plan'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -l json
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from reset-offsets" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l topic -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from commit" -l topic -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from commit" -s p -l partition -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from commit" -l offset -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from commit" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from commit" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from commit" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from commit" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "list" -d 'List groups with their state (also those only __consumer_offsets records, as from Kafka)'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a group\'s committed offsets, log end offsets, lag and owners (or members, or state)'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "reset-offsets" -d 'Reset committed offsets (the group must have no live members)'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a group: its offsets (as tombstones in __consumer_offsets) and its state'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "delete-offsets" -d 'Delete a group\'s offsets for a topic'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "commit" -d 'Commit an offset for a partition (for scripts that track their own progress)'
complete -c klog -n "__fish_klog_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand offsets" -s p -l partition -d 'Partition (repeatable; default: all)' -r
complete -c klog -n "__fish_klog_using_subcommand offsets" -l time -d 'Also show the first offset whose timestamp is at or after TIME (epoch ms or RFC 3339)' -r
complete -c klog -n "__fish_klog_using_subcommand offsets" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand offsets" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand offsets" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand offsets" -l json
complete -c klog -n "__fish_klog_using_subcommand offsets" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand dump" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand dump" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand dump" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand dump" -s r -l records -d 'Print every record too (kafka-dump-log\'s --deep-iteration --print-data-log)'
complete -c klog -n "__fish_klog_using_subcommand dump" -l json -d 'One JSON object per batch or index entry'
complete -c klog -n "__fish_klog_using_subcommand dump" -l offsets-decoder -d 'Decode __consumer_offsets records (offset commits, group metadata), like kafka-dump-log\'s --offsets-decoder. Implies --records'
complete -c klog -n "__fish_klog_using_subcommand dump" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand verify" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand verify" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand verify" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand verify" -l repair -d 'Rebuild bad indexes and leader-epoch-checkpoint from the log, and cut the active segment at its first invalid batch (dropping the batches after it, as Kafka\'s recovery does), saying what was cut. Damage inside a sealed segment is reported, not cut'
complete -c klog -n "__fish_klog_using_subcommand verify" -l json
complete -c klog -n "__fish_klog_using_subcommand verify" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand perf; and not __fish_seen_subcommand_from produce consume help" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand perf; and not __fish_seen_subcommand_from produce consume help" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand perf; and not __fish_seen_subcommand_from produce consume help" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and not __fish_seen_subcommand_from produce consume help" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand perf; and not __fish_seen_subcommand_from produce consume help" -f -a "produce" -d 'Append generated records to a topic (created if missing) and report rate and latency'
complete -c klog -n "__fish_klog_using_subcommand perf; and not __fish_seen_subcommand_from produce consume help" -f -a "consume" -d 'Read a partition from the beginning, decoding every record, and report the rate'
complete -c klog -n "__fish_klog_using_subcommand perf; and not __fish_seen_subcommand_from produce consume help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -l topic -d 'Topic to write (created with one partition if missing)' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -s p -l partition -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -l records -d 'Number of records' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -l record-size -d 'Value size in bytes' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -l batch-size -d 'Batch size in bytes' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -s z -l compression -d 'Codec: none, gzip, snappy, lz4, zstd' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -l durable -d 'fsync at the end (as `klog produce` does unless --acks 0)'
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -l json
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from produce" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from consume" -l topic -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from consume" -s p -l partition -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from consume" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from consume" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from consume" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from consume" -l json
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from consume" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from help" -f -a "produce" -d 'Append generated records to a topic (created if missing) and report rate and latency'
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from help" -f -a "consume" -d 'Read a partition from the beginning, decoding every record, and report the rate'
complete -c klog -n "__fish_klog_using_subcommand perf; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand retention" -l lock-wait-ms -d 'How long to wait for a partition\'s lock before skipping the partition, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand retention" -l dedupe-buffer-bytes -d 'Memory for compaction\'s key map, in bytes (24 per key); a partition with more keys is compacted in several passes' -r
complete -c klog -n "__fish_klog_using_subcommand retention" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand retention" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand retention" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand retention" -l dry-run -d 'Show what would be deleted and compacted; change nothing and take no lock'
complete -c klog -n "__fish_klog_using_subcommand retention" -l json -d 'Print one JSON object with every partition\'s report'
complete -c klog -n "__fish_klog_using_subcommand retention" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c klog -n "__fish_klog_using_subcommand delete-records" -s p -l partition -d 'Partition (repeatable)' -r
complete -c klog -n "__fish_klog_using_subcommand delete-records" -l before -d 'Delete the records below this offset (-1: the high watermark, i.e. everything)' -r
complete -c klog -n "__fish_klog_using_subcommand delete-records" -l offset-json-file -d 'Kafka\'s JSON file of partitions and offsets' -r -F
complete -c klog -n "__fish_klog_using_subcommand delete-records" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand delete-records" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand delete-records" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand delete-records" -l json -d 'One JSON object per partition'
complete -c klog -n "__fish_klog_using_subcommand delete-records" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c klog -n "__fish_klog_using_subcommand replicate" -l from -d 'The leader\'s data directory' -r -F
complete -c klog -n "__fish_klog_using_subcommand replicate" -l to -d 'The follower\'s data directory (it must exist: `klog init`)' -r -F
complete -c klog -n "__fish_klog_using_subcommand replicate" -l topic -d 'Only this topic' -r
complete -c klog -n "__fish_klog_using_subcommand replicate" -l partition -d 'Only this partition (with --topic)' -r
complete -c klog -n "__fish_klog_using_subcommand replicate" -l poll-ms -d 'Pause between passes with --follow, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand replicate" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand replicate" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand replicate" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand replicate" -l follow -d 'Keep replicating: a pass every --poll-ms until killed (a failed pass is reported on stderr and retried; a conflict such as a stale leader ends it with exit 3)'
complete -c klog -n "__fish_klog_using_subcommand replicate" -l json -d 'Print JSON, one object per pass'
complete -c klog -n "__fish_klog_using_subcommand replicate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c klog -n "__fish_klog_using_subcommand broker; and not __fish_seen_subcommand_from run help" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand broker; and not __fish_seen_subcommand_from run help" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand broker; and not __fish_seen_subcommand_from run help" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand broker; and not __fish_seen_subcommand_from run help" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand broker; and not __fish_seen_subcommand_from run help" -f -a "run" -d 'Keep every partition this data directory follows replicating from its current leader (per the metadata store), holding the broker\'s liveness lock while it runs. It registers in the store; if it dies registered, the controller fails the broker. SIGINT or SIGTERM stop it cleanly (unregistered)'
complete -c klog -n "__fish_klog_using_subcommand broker; and not __fish_seen_subcommand_from run help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from run" -l poll-ms -d 'Pause between passes, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from run" -l passes -d 'Stop after this many passes (default: run until SIGINT or SIGTERM)' -r
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from run" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from run" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from run" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from run" -l json -d 'Print JSON, one object per pass that changed something'
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from help" -f -a "run" -d 'Keep every partition this data directory follows replicating from its current leader (per the metadata store), holding the broker\'s liveness lock while it runs. It registers in the store; if it dies registered, the controller fails the broker. SIGINT or SIGTERM stop it cleanly (unregistered)'
complete -c klog -n "__fish_klog_using_subcommand broker; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand cluster; and not __fish_seen_subcommand_from brokers elect-leader help" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand cluster; and not __fish_seen_subcommand_from brokers elect-leader help" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand cluster; and not __fish_seen_subcommand_from brokers elect-leader help" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and not __fish_seen_subcommand_from brokers elect-leader help" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand cluster; and not __fish_seen_subcommand_from brokers elect-leader help" -f -a "brokers" -d 'List the brokers of the cluster and whether their data directories are reachable'
complete -c klog -n "__fish_klog_using_subcommand cluster; and not __fish_seen_subcommand_from brokers elect-leader help" -f -a "elect-leader" -d 'Make a broker the leader of a partition: bumps the leader epoch and records the change'
complete -c klog -n "__fish_klog_using_subcommand cluster; and not __fish_seen_subcommand_from brokers elect-leader help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from brokers" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from brokers" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from brokers" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from brokers" -l json
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from brokers" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from elect-leader" -l topic -d 'The topic' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from elect-leader" -l partition -d 'The partition' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from elect-leader" -l leader -d 'The broker id of the new leader (must be in the ISR unless --unclean)' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from elect-leader" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from elect-leader" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from elect-leader" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from elect-leader" -l unclean -d 'Allow a replica outside the ISR (records only the old ISR had are lost)'
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from elect-leader" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "brokers" -d 'List the brokers of the cluster and whether their data directories are reachable'
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "elect-leader" -d 'Make a broker the leader of a partition: bumps the leader epoch and records the change'
complete -c klog -n "__fish_klog_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand controller; and not __fish_seen_subcommand_from run elect status help" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand controller; and not __fish_seen_subcommand_from run elect status help" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand controller; and not __fish_seen_subcommand_from run elect status help" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
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
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from run" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from run" -l json -d 'Print JSON, one object per event'
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from elect" -l broker-id -d 'The broker id recorded with this election' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from elect" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from elect" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from elect" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from elect" -l json -d 'Print JSON'
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from elect" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from status" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from status" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from status" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand controller; and __fish_seen_subcommand_from status" -l json -d 'Print JSON'
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
complete -c klog -n "__fish_klog_using_subcommand leader-election" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand leader-election" -l all -d 'Every partition of the cluster'
complete -c klog -n "__fish_klog_using_subcommand leader-election" -l json -d 'Print JSON'
complete -c klog -n "__fish_klog_using_subcommand leader-election" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand reassign" -l topics-to-move-json-file -d 'Kafka\'s {"version":1,"topics":[{"topic":"t"}]}' -r -F
complete -c klog -n "__fish_klog_using_subcommand reassign" -l broker-list -d 'Broker ids to place replicas on, comma-separated' -r
complete -c klog -n "__fish_klog_using_subcommand reassign" -l reassignment-json-file -d 'The reassignment plan' -r -F
complete -c klog -n "__fish_klog_using_subcommand reassign" -l throttle -d 'With --execute: copy to the new replicas at most this many bytes per second (over the whole execution), like kafka-reassign-partitions --throttle' -r
complete -c klog -n "__fish_klog_using_subcommand reassign" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand reassign" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand reassign" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand reassign" -l generate -d 'Propose a plan for --topics-to-move-json-file over --broker-list'
complete -c klog -n "__fish_klog_using_subcommand reassign" -l execute -d 'Carry out the plan in --reassignment-json-file'
complete -c klog -n "__fish_klog_using_subcommand reassign" -l verify -d 'Check the plan in --reassignment-json-file'
complete -c klog -n "__fish_klog_using_subcommand reassign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c klog -n "__fish_klog_using_subcommand completions" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand completions" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand completions" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand completions" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand generate" -l out -d 'Directory to write man/ and completions/ into' -r -F
complete -c klog -n "__fish_klog_using_subcommand generate" -l data-dir -d 'The data directory (a Kafka log directory)' -r -F
complete -c klog -n "__fish_klog_using_subcommand generate" -l meta -d 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone' -r -F
complete -c klog -n "__fish_klog_using_subcommand generate" -l lock-timeout-ms -d 'How long a writer waits for a partition lock held by another process, in ms' -r
complete -c klog -n "__fish_klog_using_subcommand generate" -s h -l help -d 'Print help'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign completions generate help" -f -a "init" -d 'Create a data directory: meta.properties (broker.id, a new cluster.id) and empty checkpoints'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign completions generate help" -f -a "topic" -d 'Create, list, describe, alter and delete topics'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign completions generate help" -f -a "produce" -d 'Append records from stdin to a topic'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign completions generate help" -f -a "consume" -d 'Read records from a topic to stdout'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign completions generate help" -f -a "group" -d 'Consumer groups: list, describe, reset offsets, commit, delete (like kafka-consumer-groups)'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign completions generate help" -f -a "offsets" -d 'Show each partition\'s earliest and latest offsets, or the offset for a time'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign completions generate help" -f -a "dump" -d 'Print the batches, records or index entries of segment files, like kafka-dump-log'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign completions generate help" -f -a "verify" -d 'Check every segment (CRC, offsets, indexes); --repair cuts torn tails and rebuilds indexes'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign completions generate help" -f -a "perf" -d 'Measure produce and consume throughput and latency'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign completions generate help" -f -a "retention" -d 'Apply every topic\'s retention and compaction rules (run it from cron)'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign completions generate help" -f -a "delete-records" -d 'Delete the records below an offset by advancing the partition\'s log start offset'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign completions generate help" -f -a "replicate" -d 'Copy a leader\'s batches into a follower data directory (after divergence truncation)'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign completions generate help" -f -a "broker" -d 'Run a broker agent: keep this data directory\'s follower partitions replicating'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign completions generate help" -f -a "cluster" -d 'Cluster administration through the metadata store: brokers, leader elections'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign completions generate help" -f -a "controller" -d 'The cluster controller: run a candidate, elect once, show status'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign completions generate help" -f -a "leader-election" -d 'Elect partition leaders: preferred replicas, or unclean for offline partitions'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign completions generate help" -f -a "reassign" -d 'Move partition replicas between brokers with Kafka\'s JSON plan (generate, execute, verify)'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign completions generate help" -f -a "completions" -d 'Print a shell completion script'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign completions generate help" -f -a "generate" -d 'Write the man pages and completion scripts into a directory (for maintainers)'
complete -c klog -n "__fish_klog_using_subcommand help; and not __fish_seen_subcommand_from init topic produce consume group offsets dump verify perf retention delete-records replicate broker cluster controller leader-election reassign completions generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from topic" -f -a "create" -d 'Create a topic'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from topic" -f -a "list" -d 'List topics (in a cluster, with their replication factor)'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from topic" -f -a "describe" -d 'Show partitions (log start and end offsets, segments, bytes) and configs'
complete -c klog -n "__fish_klog_using_subcommand help; and __fish_seen_subcommand_from topic" -f -a "alter" -d 'Change configs or raise the partition count (of a cluster topic: in the metadata store, for every broker)'
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
