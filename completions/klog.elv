
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
            cand --lock-timeout-ms 'How long a writer waits for a partition lock held by another process, in ms'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create a data directory: meta.properties (broker.id, a new cluster.id) and empty checkpoints'
            cand topic 'Create, list, describe, alter and delete topics'
            cand produce 'Append records from stdin to a topic'
            cand consume 'Read records from a topic to stdout'
            cand offsets 'Show each partition''s earliest and latest offsets, or the offset for a time'
            cand dump 'Print the batches, records or index entries of segment files, like kafka-dump-log'
            cand verify 'Check every segment (CRC, offsets, indexes); --repair cuts torn tails and rebuilds indexes'
            cand perf 'Measure produce and consume throughput and latency'
            cand completions 'Print a shell completion script'
            cand generate 'Write the man pages and completion scripts into a directory (for maintainers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'klog;init'= {
            cand --broker-id 'This broker''s id, written as broker.id in meta.properties'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --lock-timeout-ms 'How long a writer waits for a partition lock held by another process, in ms'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;topic'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --lock-timeout-ms 'How long a writer waits for a partition lock held by another process, in ms'
            cand -h 'Print help'
            cand --help 'Print help'
            cand create 'Create a topic'
            cand list 'List topics'
            cand describe 'Show partitions (log start and end offsets, segments, bytes) and configs'
            cand alter 'Change configs or raise the partition count'
            cand delete 'Delete a topic and all its data'
            cand configs 'List the topic configs klog knows, with their defaults'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'klog;topic;create'= {
            cand -P 'Number of partitions'
            cand --partitions 'Number of partitions'
            cand -c 'A topic config, KEY=VALUE with Kafka''s names (repeatable; see `klog topic configs`)'
            cand --config 'A topic config, KEY=VALUE with Kafka''s names (repeatable; see `klog topic configs`)'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --lock-timeout-ms 'How long a writer waits for a partition lock held by another process, in ms'
            cand --if-not-exists 'Succeed quietly when the topic exists already'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;topic;list'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --lock-timeout-ms 'How long a writer waits for a partition lock held by another process, in ms'
            cand --json 'json'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;topic;describe'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --lock-timeout-ms 'How long a writer waits for a partition lock held by another process, in ms'
            cand --json 'json'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;topic;alter'= {
            cand -P 'New partition count (can only increase)'
            cand --partitions 'New partition count (can only increase)'
            cand -c 'Set a config, KEY=VALUE (repeatable)'
            cand --config 'Set a config, KEY=VALUE (repeatable)'
            cand --delete-config 'Remove a config override, back to the default (repeatable)'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --lock-timeout-ms 'How long a writer waits for a partition lock held by another process, in ms'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;topic;delete'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --lock-timeout-ms 'How long a writer waits for a partition lock held by another process, in ms'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;topic;configs'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --lock-timeout-ms 'How long a writer waits for a partition lock held by another process, in ms'
            cand --json 'json'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;topic;help'= {
            cand create 'Create a topic'
            cand list 'List topics'
            cand describe 'Show partitions (log start and end offsets, segments, bytes) and configs'
            cand alter 'Change configs or raise the partition count'
            cand delete 'Delete a topic and all its data'
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
            cand -p 'Partition to write every record to (default: by key with Kafka''s murmur2 partitioner, keyless records spread over the partitions batch by batch)'
            cand --partition 'Partition to write every record to (default: by key with Kafka''s murmur2 partitioner, keyless records spread over the partitions batch by batch)'
            cand -D 'Record delimiter; escapes \n \t \0 \xHH work'
            cand --delimiter 'Record delimiter; escapes \n \t \0 \xHH work'
            cand -K 'Split each record into key and value at the first SEP (a record without SEP has no key)'
            cand --key-delimiter 'Split each record into key and value at the first SEP (a record without SEP has no key)'
            cand -H 'A header for every record, KEY=VALUE (repeatable)'
            cand --header 'A header for every record, KEY=VALUE (repeatable)'
            cand --input 'Input format'
            cand -z 'Compression codec for batches: none, gzip, snappy, lz4, zstd (the topic''s compression.type wins unless it is "producer")'
            cand --compression 'Compression codec for batches: none, gzip, snappy, lz4, zstd (the topic''s compression.type wins unless it is "producer")'
            cand --batch-size 'Largest batch in bytes before compression (capped at the topic''s max.message.bytes)'
            cand --linger-ms 'How long to wait for more input before sending a partial batch, in ms'
            cand --acks 'Acknowledgement: 0 (no fsync), 1 or all (fsync before exit; the same on a standalone directory)'
            cand --timestamp 'Timestamp for every record, in ms since the epoch (default: the time it is read)'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --lock-timeout-ms 'How long a writer waits for a partition lock held by another process, in ms'
            cand -Z 'Produce an empty value as null (a tombstone)'
            cand --null-empty 'Produce an empty value as null (a tombstone)'
            cand --print-offsets 'Print where each batch landed: topic, partition, first and last offset, tab-separated'
            cand -v 'Print a summary on stderr'
            cand --verbose 'Print a summary on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'klog;consume'= {
            cand -p 'Partition to read (repeatable; default: all)'
            cand --partition 'Partition to read (repeatable; default: all)'
            cand -o 'Where to start: beginning|earliest, end|latest, N, -N (N before the end), s@TIME'
            cand --offset 'Where to start: beginning|earliest, end|latest, N, -N (N before the end), s@TIME'
            cand -c 'Stop after this many records'
            cand --count 'Stop after this many records'
            cand --format 'Output format with kcat''s tokens: %t %p %o %k %K %s %S %T %h %%, escapes \n \t'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --lock-timeout-ms 'How long a writer waits for a partition lock held by another process, in ms'
            cand -e 'Exit at the end of the log (the default when stdout is not a terminal)'
            cand --exit-at-end 'Exit at the end of the log (the default when stdout is not a terminal)'
            cand -f 'Keep reading as records arrive, like tail -f (the default on a terminal)'
            cand --follow 'Keep reading as records arrive, like tail -f (the default on a terminal)'
            cand -J 'One JSON object per record (the form `produce --input json` reads back)'
            cand --json 'One JSON object per record (the form `produce --input json` reads back)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'klog;offsets'= {
            cand -p 'Partition (repeatable; default: all)'
            cand --partition 'Partition (repeatable; default: all)'
            cand --time 'Also show the first offset whose timestamp is at or after TIME (epoch ms or RFC 3339)'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --lock-timeout-ms 'How long a writer waits for a partition lock held by another process, in ms'
            cand --json 'json'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;dump'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --lock-timeout-ms 'How long a writer waits for a partition lock held by another process, in ms'
            cand -r 'Print every record too (kafka-dump-log''s --deep-iteration --print-data-log)'
            cand --records 'Print every record too (kafka-dump-log''s --deep-iteration --print-data-log)'
            cand --json 'One JSON object per batch or index entry'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;verify'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --lock-timeout-ms 'How long a writer waits for a partition lock held by another process, in ms'
            cand --repair 'Cut torn tails of active segments and rebuild bad indexes, saying what was cut'
            cand --json 'json'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;perf'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --lock-timeout-ms 'How long a writer waits for a partition lock held by another process, in ms'
            cand -h 'Print help'
            cand --help 'Print help'
            cand produce 'Append generated records to a topic (created if missing) and report rate and latency'
            cand consume 'Read a partition from the beginning, decoding every record, and report the rate'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'klog;perf;produce'= {
            cand --topic 'Topic to write (created with one partition if missing)'
            cand -p 'p'
            cand --partition 'partition'
            cand --records 'Number of records'
            cand --record-size 'Value size in bytes'
            cand --batch-size 'Batch size in bytes'
            cand -z 'Codec: none, gzip, snappy, lz4, zstd'
            cand --compression 'Codec: none, gzip, snappy, lz4, zstd'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --lock-timeout-ms 'How long a writer waits for a partition lock held by another process, in ms'
            cand --durable 'fsync at the end (as `klog produce` does unless --acks 0)'
            cand --json 'json'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;perf;consume'= {
            cand --topic 'topic'
            cand -p 'p'
            cand --partition 'partition'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --lock-timeout-ms 'How long a writer waits for a partition lock held by another process, in ms'
            cand --json 'json'
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
        &'klog;completions'= {
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --lock-timeout-ms 'How long a writer waits for a partition lock held by another process, in ms'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;generate'= {
            cand --out 'Directory to write man/ and completions/ into'
            cand --data-dir 'The data directory (a Kafka log directory)'
            cand --lock-timeout-ms 'How long a writer waits for a partition lock held by another process, in ms'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'klog;help'= {
            cand init 'Create a data directory: meta.properties (broker.id, a new cluster.id) and empty checkpoints'
            cand topic 'Create, list, describe, alter and delete topics'
            cand produce 'Append records from stdin to a topic'
            cand consume 'Read records from a topic to stdout'
            cand offsets 'Show each partition''s earliest and latest offsets, or the offset for a time'
            cand dump 'Print the batches, records or index entries of segment files, like kafka-dump-log'
            cand verify 'Check every segment (CRC, offsets, indexes); --repair cuts torn tails and rebuilds indexes'
            cand perf 'Measure produce and consume throughput and latency'
            cand completions 'Print a shell completion script'
            cand generate 'Write the man pages and completion scripts into a directory (for maintainers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'klog;help;init'= {
        }
        &'klog;help;topic'= {
            cand create 'Create a topic'
            cand list 'List topics'
            cand describe 'Show partitions (log start and end offsets, segments, bytes) and configs'
            cand alter 'Change configs or raise the partition count'
            cand delete 'Delete a topic and all its data'
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
        &'klog;help;completions'= {
        }
        &'klog;help;generate'= {
        }
        &'klog;help;help'= {
        }
    ]
    $completions[$command]
}
