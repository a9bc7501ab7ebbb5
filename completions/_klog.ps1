
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'klog' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'klog'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'klog' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a data directory: meta.properties (node.id, a new cluster.id) and empty checkpoints')
            [CompletionResult]::new('topic', 'topic', [CompletionResultType]::ParameterValue, 'Create, list, describe, alter and delete topics')
            [CompletionResult]::new('produce', 'produce', [CompletionResultType]::ParameterValue, 'Append records from stdin to a topic')
            [CompletionResult]::new('consume', 'consume', [CompletionResultType]::ParameterValue, 'Read records from a topic to stdout')
            [CompletionResult]::new('group', 'group', [CompletionResultType]::ParameterValue, 'Consumer groups: list, describe, reset offsets, commit, delete (like kafka-consumer-groups; with -b, a Kafka cluster''s groups)')
            [CompletionResult]::new('offsets', 'offsets', [CompletionResultType]::ParameterValue, 'Show each partition''s earliest and latest offsets, or the offset for a time')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Print the batches, records or index entries of segment files, like kafka-dump-log')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check every segment (CRC, offsets, indexes); --repair cuts torn tails and rebuilds indexes')
            [CompletionResult]::new('perf', 'perf', [CompletionResultType]::ParameterValue, 'Measure produce and consume throughput and latency')
            [CompletionResult]::new('retention', 'retention', [CompletionResultType]::ParameterValue, 'Apply every topic''s retention and compaction rules (run it from cron)')
            [CompletionResult]::new('delete-records', 'delete-records', [CompletionResultType]::ParameterValue, 'Delete the records below an offset by advancing the partition''s log start offset')
            [CompletionResult]::new('replicate', 'replicate', [CompletionResultType]::ParameterValue, 'Copy a leader''s batches into a follower data directory (after divergence truncation)')
            [CompletionResult]::new('broker', 'broker', [CompletionResultType]::ParameterValue, 'Run a broker agent: keep this data directory''s follower partitions replicating')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Cluster administration through the metadata store: brokers, leader elections')
            [CompletionResult]::new('controller', 'controller', [CompletionResultType]::ParameterValue, 'The cluster controller: run a candidate, elect once, show status')
            [CompletionResult]::new('leader-election', 'leader-election', [CompletionResultType]::ParameterValue, 'Elect partition leaders: preferred replicas, or unclean for offline partitions')
            [CompletionResult]::new('reassign', 'reassign', [CompletionResultType]::ParameterValue, 'Move partition replicas between brokers with Kafka''s JSON plan (generate, execute, verify)')
            [CompletionResult]::new('mirror', 'mirror', [CompletionResultType]::ParameterValue, 'Copy topics between a data directory and a Kafka cluster, resumable without duplicates')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write the man pages and completion scripts into a directory (for maintainers)')
            [CompletionResult]::new('complete-names', 'complete-names', [CompletionResultType]::ParameterValue, 'List topic or group names, one a line (for the shell completion scripts)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'klog;init' {
            [CompletionResult]::new('--broker-id', '--broker-id', [CompletionResultType]::ParameterName, 'This broker''s id, written as node.id in meta.properties (KRaft''s name for broker.id)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;topic' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List topics (in a cluster, with their replication factor)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show partitions (log start and end offsets, segments, bytes) and configs')
            [CompletionResult]::new('alter', 'alter', [CompletionResultType]::ParameterValue, 'Change configs or raise the partition count (of a cluster topic: in the metadata store, for every broker; with -b: CreatePartitions and IncrementalAlterConfigs on the Kafka cluster)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a topic and all its data (of a cluster topic: on every broker; one that is away deletes its copy through its agent when it returns)')
            [CompletionResult]::new('configs', 'configs', [CompletionResultType]::ParameterValue, 'List the topic configs klog knows, with their defaults')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'klog;topic;create' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The same as NAME: kafka-topics'' spelling')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Number of partitions')
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'Number of partitions')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'A topic config, KEY=VALUE with Kafka''s names (repeatable; see `klog topic configs`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'A topic config, KEY=VALUE with Kafka''s names (repeatable; see `klog topic configs`)')
            [CompletionResult]::new('--replication-factor', '--replication-factor', [CompletionResultType]::ParameterName, 'Replicas per partition, placed over the cluster''s brokers like Kafka (needs a cluster: --meta, or a data directory that joined one)')
            [CompletionResult]::new('--replica-assignment', '--replica-assignment', [CompletionResultType]::ParameterName, 'Explicit replicas per partition, like kafka-topics: 0:1:2,1:2:0 (the first leads)')
            [CompletionResult]::new('--topic-id', '--topic-id', [CompletionResultType]::ParameterName, 'The topic id to write in each partition''s `partition.metadata` (22 characters of URL-safe base64, as kafka-topics --describe prints it) instead of a new random one: a Kafka broker serves partition directories moved into its log directory only under the id it knows the topic by. Standalone data directories only')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--if-not-exists', '--if-not-exists', [CompletionResultType]::ParameterName, 'Succeed quietly when the topic exists already. In a cluster it also makes the replica directories the topic is missing on reachable brokers (a create cut short)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;topic;list' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON')
            [CompletionResult]::new('--exclude-internal', '--exclude-internal', [CompletionResultType]::ParameterName, 'Leave out the internal topics (__consumer_offsets, __transaction_state, __cluster_metadata), as kafka-topics --exclude-internal')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;topic;describe' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The same as NAME (repeatable): kafka-topics'' spelling')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON')
            [CompletionResult]::new('--under-replicated-partitions', '--under-replicated-partitions', [CompletionResultType]::ParameterName, 'Only partitions whose ISR is smaller than their replica set (cluster topics)')
            [CompletionResult]::new('--under-min-isr-partitions', '--under-min-isr-partitions', [CompletionResultType]::ParameterName, 'Only partitions whose ISR is smaller than min.insync.replicas (cluster topics)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;topic;alter' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The same as NAME: kafka-topics'' spelling')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'New partition count (can only increase)')
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'New partition count (can only increase)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Set a config, KEY=VALUE (repeatable)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Set a config, KEY=VALUE (repeatable)')
            [CompletionResult]::new('--delete-config', '--delete-config', [CompletionResultType]::ParameterName, 'Remove a config override, back to the default (repeatable)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;topic;delete' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The same as NAME: kafka-topics'' spelling')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;topic;configs' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;topic;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List topics (in a cluster, with their replication factor)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show partitions (log start and end offsets, segments, bytes) and configs')
            [CompletionResult]::new('alter', 'alter', [CompletionResultType]::ParameterValue, 'Change configs or raise the partition count (of a cluster topic: in the metadata store, for every broker; with -b: CreatePartitions and IncrementalAlterConfigs on the Kafka cluster)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a topic and all its data (of a cluster topic: on every broker; one that is away deletes its copy through its agent when it returns)')
            [CompletionResult]::new('configs', 'configs', [CompletionResultType]::ParameterValue, 'List the topic configs klog knows, with their defaults')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'klog;topic;help;create' {
            break
        }
        'klog;topic;help;list' {
            break
        }
        'klog;topic;help;describe' {
            break
        }
        'klog;topic;help;alter' {
            break
        }
        'klog;topic;help;delete' {
            break
        }
        'klog;topic;help;configs' {
            break
        }
        'klog;topic;help;help' {
            break
        }
        'klog;produce' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The same as TOPIC: the spelling of Kafka''s tools (and kcat''s -t)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The same as TOPIC: the spelling of Kafka''s tools (and kcat''s -t)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Partition to write every record to (default: by key with Kafka''s murmur2 partitioner, keyless records spread over the partitions batch by batch)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Partition to write every record to (default: by key with Kafka''s murmur2 partitioner, keyless records spread over the partitions batch by batch)')
            [CompletionResult]::new('-D', '-D ', [CompletionResultType]::ParameterName, 'Record delimiter; escapes \n \t \0 \xHH work')
            [CompletionResult]::new('--delimiter', '--delimiter', [CompletionResultType]::ParameterName, 'Record delimiter; escapes \n \t \0 \xHH work')
            [CompletionResult]::new('-K', '-K ', [CompletionResultType]::ParameterName, 'Split each record into key and value at the first SEP (a record without SEP has no key)')
            [CompletionResult]::new('--key-delimiter', '--key-delimiter', [CompletionResultType]::ParameterName, 'Split each record into key and value at the first SEP (a record without SEP has no key)')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'One key for every record (kcat''s -k; with --input json, for records without a key)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'One key for every record (kcat''s -k; with --input json, for records without a key)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'A header for every record, KEY=VALUE (repeatable)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'A header for every record, KEY=VALUE (repeatable)')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Input format')
            [CompletionResult]::new('-z', '-z', [CompletionResultType]::ParameterName, 'Compression codec for batches: none, gzip, snappy, lz4, zstd (the topic''s compression.type wins unless it is "producer")')
            [CompletionResult]::new('--compression', '--compression', [CompletionResultType]::ParameterName, 'Compression codec for batches: none, gzip, snappy, lz4, zstd (the topic''s compression.type wins unless it is "producer")')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Largest batch in bytes before compression (capped at the topic''s max.message.bytes)')
            [CompletionResult]::new('--linger-ms', '--linger-ms', [CompletionResultType]::ParameterName, 'How long to wait for more input before sending a partial batch, in ms')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgement: 0 (no fsync), 1 (the leader has it on disk) or all (every in-sync replica has it: for a cluster topic this process copies the batches to the in-sync followers before exiting 0, and fails with NOT_ENOUGH_REPLICAS when fewer than min.insync.replicas are in sync). On a standalone directory 1 and all are the same')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'Timestamp for every record, in ms since the epoch (default: the time it is read)')
            [CompletionResult]::new('--delivery-timeout-ms', '--delivery-timeout-ms', [CompletionResultType]::ParameterName, 'For a cluster topic: how long to keep retrying when a partition''s leader is unavailable or moving (Kafka''s delivery.timeout.ms), in ms. The producer follows the controller''s new leader and sends it the batches it lacks; it fails only after this time')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('-Z', '-Z ', [CompletionResultType]::ParameterName, 'Produce an empty value as null (a tombstone)')
            [CompletionResult]::new('--null-empty', '--null-empty', [CompletionResultType]::ParameterName, 'Produce an empty value as null (a tombstone)')
            [CompletionResult]::new('--print-offsets', '--print-offsets', [CompletionResultType]::ParameterName, 'Print where each batch landed: topic, partition, first and last offset, tab-separated. A line is an acknowledgement: it is printed only once its batch is durable (with acks=all on a cluster topic: once every in-sync replica has it)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print a summary on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print a summary on stderr')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'klog;consume' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The same as TOPIC (the spelling of kafka-console-consumer and kcat)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The same as TOPIC (the spelling of kafka-console-consumer and kcat)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Partition to read (repeatable; default: all)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Partition to read (repeatable; default: all)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to start: beginning|earliest, end|latest, N, -N (N before the end), s@TIME; and, given again, where to stop: e@TIME (before the first record at or after TIME). (Default: beginning; for a group member, its committed offset.)')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Where to start: beginning|earliest, end|latest, N, -N (N before the end), s@TIME; and, given again, where to stop: e@TIME (before the first record at or after TIME). (Default: beginning; for a group member, its committed offset.)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Stop after this many records')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Stop after this many records')
            [CompletionResult]::new('--max-messages', '--max-messages', [CompletionResultType]::ParameterName, 'Stop after this many records')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format with kcat''s tokens: %t %p %o %k %K %s %S %T %h %%, escapes \n \t')
            [CompletionResult]::new('--isolation', '--isolation', [CompletionResultType]::ParameterName, 'Kafka''s isolation.level: read_uncommitted returns every record; read_committed skips the records of aborted transactions and stops before a transaction still open, as a Kafka consumer does. Control batches (transaction markers) are never returned. A group member (--group) reads read_committed only against a Kafka cluster (-b)')
            [CompletionResult]::new('-G', '-G ', [CompletionResultType]::ParameterName, 'Consume as a member of this consumer group: partitions are shared with its other members and offsets are committed to __consumer_offsets (in a cluster: under M/coordinator; with -b: by the Kafka cluster''s group coordinator)')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Consume as a member of this consumer group: partitions are shared with its other members and offsets are committed to __consumer_offsets (in a cluster: under M/coordinator; with -b: by the Kafka cluster''s group coordinator)')
            [CompletionResult]::new('--commit', '--commit', [CompletionResultType]::ParameterName, 'When offsets are committed')
            [CompletionResult]::new('--auto-commit-interval-ms', '--auto-commit-interval-ms', [CompletionResultType]::ParameterName, 'Interval of automatic commits, in ms')
            [CompletionResult]::new('--exec', '--exec', [CompletionResultType]::ParameterName, 'Run CMD (with sh -c) for each record, the record on its stdin (in --format or --json); KLOG_TOPIC, KLOG_PARTITION and KLOG_OFFSET are set. Offsets are committed after it exits 0; a failure stops the member with CMD''s status')
            [CompletionResult]::new('--exec-batch', '--exec-batch', [CompletionResultType]::ParameterName, 'Records per --exec run')
            [CompletionResult]::new('--reset', '--reset', [CompletionResultType]::ParameterName, 'Where to start a partition that has no committed offset (Kafka''s auto.offset.reset; default: latest)')
            [CompletionResult]::new('--assignment', '--assignment', [CompletionResultType]::ParameterName, 'Partition assignment strategy (all members of a group must use the same; with -b: range, roundrobin or cooperative-sticky, and KIP-848 groups are assigned by the broker)')
            [CompletionResult]::new('--session-timeout-ms', '--session-timeout-ms', [CompletionResultType]::ParameterName, 'A member that has not heartbeated for this long is removed (a dead process is noticed at once, through its lock; with -b, only after this long, and KIP-848 groups take the broker''s)')
            [CompletionResult]::new('--max-poll-interval-ms', '--max-poll-interval-ms', [CompletionResultType]::ParameterName, 'A member that has not polled for this long (a stuck --exec, say) is removed')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id, the prefix of the member id')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--from-beginning', '--from-beginning', [CompletionResultType]::ParameterName, 'Start at the beginning: kafka-console-consumer''s spelling of -o beginning (for a group member, of --reset earliest: where a partition without a committed offset starts)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Exit at the end of the log (the default when stdout is not a terminal)')
            [CompletionResult]::new('--exit-at-end', '--exit-at-end', [CompletionResultType]::ParameterName, 'Exit at the end of the log (the default when stdout is not a terminal)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep reading as records arrive, like tail -f (the default on a terminal)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep reading as records arrive, like tail -f (the default on a terminal)')
            [CompletionResult]::new('-J', '-J ', [CompletionResultType]::ParameterName, 'One JSON object per record (the form `produce --input json` reads back)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON object per record (the form `produce --input json` reads back)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print membership events on stderr: joined generation N, assigned, revoked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print membership events on stderr: joined generation N, assigned, revoked')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'klog;group' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List groups with their state (also those only __consumer_offsets records, as from Kafka)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a group''s committed offsets, log end offsets, lag and owners (or members, or state)')
            [CompletionResult]::new('reset-offsets', 'reset-offsets', [CompletionResultType]::ParameterValue, 'Reset committed offsets (the group must have no live members)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a group: its offsets (as tombstones in __consumer_offsets) and its state')
            [CompletionResult]::new('delete-offsets', 'delete-offsets', [CompletionResultType]::ParameterValue, 'Delete a group''s offsets for a topic')
            [CompletionResult]::new('commit', 'commit', [CompletionResultType]::ParameterValue, 'Commit an offset for a partition (for scripts that track their own progress)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'klog;group;list' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;group;describe' {
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The group id: kafka-consumer-groups'' spelling of GROUP')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--members', '--members', [CompletionResultType]::ParameterName, 'Show the members instead: id, host, pid, assigned partitions')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Show the group''s state instead: protocol, generation, member count')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;group;reset-offsets' {
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The group id: kafka-consumer-groups'' spelling of GROUP')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'TOPIC or TOPIC:P,P,... (repeatable)')
            [CompletionResult]::new('--to-offset', '--to-offset', [CompletionResultType]::ParameterName, 'Offset N in each partition (clamped into the log, as Kafka does)')
            [CompletionResult]::new('--to-datetime', '--to-datetime', [CompletionResultType]::ParameterName, 'The first offset at or after TIME (epoch ms or RFC 3339)')
            [CompletionResult]::new('--by-duration', '--by-duration', [CompletionResultType]::ParameterName, 'The first offset at or after now minus DURATION (ISO-8601, e.g. PT1H, P1DT12H)')
            [CompletionResult]::new('--shift-by', '--shift-by', [CompletionResultType]::ParameterName, 'Move the committed offsets by N (negative moves back)')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Kafka''s CSV plan: topic,partition,offset per line')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--all-topics', '--all-topics', [CompletionResultType]::ParameterName, 'Every topic the group has offsets for')
            [CompletionResult]::new('--to-earliest', '--to-earliest', [CompletionResultType]::ParameterName, 'The log start offset of each partition')
            [CompletionResult]::new('--to-latest', '--to-latest', [CompletionResultType]::ParameterName, 'The log end offset of each partition (in a cluster: the high watermark)')
            [CompletionResult]::new('--to-current', '--to-current', [CompletionResultType]::ParameterName, 'Keep the committed offsets (useful with --dry-run to see them)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan, change nothing (also the default, as in kafka-consumer-groups, which then says so on stderr)')
            [CompletionResult]::new('--execute', '--execute', [CompletionResultType]::ParameterName, 'Commit the plan')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;group;delete' {
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The group id: kafka-consumer-groups'' spelling of GROUP')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;group;delete-offsets' {
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The group id: kafka-consumer-groups'' spelling of GROUP')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic whose offsets to delete')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;group;commit' {
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The group id: kafka-consumer-groups'' spelling of GROUP')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'The partition of --topic')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'The partition of --topic')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'The offset to commit: the next record the group will read (at most the log end)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;group;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List groups with their state (also those only __consumer_offsets records, as from Kafka)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a group''s committed offsets, log end offsets, lag and owners (or members, or state)')
            [CompletionResult]::new('reset-offsets', 'reset-offsets', [CompletionResultType]::ParameterValue, 'Reset committed offsets (the group must have no live members)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a group: its offsets (as tombstones in __consumer_offsets) and its state')
            [CompletionResult]::new('delete-offsets', 'delete-offsets', [CompletionResultType]::ParameterValue, 'Delete a group''s offsets for a topic')
            [CompletionResult]::new('commit', 'commit', [CompletionResultType]::ParameterValue, 'Commit an offset for a partition (for scripts that track their own progress)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'klog;group;help;list' {
            break
        }
        'klog;group;help;describe' {
            break
        }
        'klog;group;help;reset-offsets' {
            break
        }
        'klog;group;help;delete' {
            break
        }
        'klog;group;help;delete-offsets' {
            break
        }
        'klog;group;help;commit' {
            break
        }
        'klog;group;help;help' {
            break
        }
        'klog;offsets' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The same as TOPIC: the spelling of Kafka''s tools (and kcat''s -t)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The same as TOPIC: the spelling of Kafka''s tools (and kcat''s -t)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Partition (repeatable; default: all)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Partition (repeatable; default: all)')
            [CompletionResult]::new('--time', '--time', [CompletionResultType]::ParameterName, 'Also show the first offset whose timestamp is at or after TIME (epoch ms or RFC 3339)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;dump' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Print every record too (kafka-dump-log''s --deep-iteration --print-data-log)')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'Print every record too (kafka-dump-log''s --deep-iteration --print-data-log)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON object per batch or index entry')
            [CompletionResult]::new('--offsets-decoder', '--offsets-decoder', [CompletionResultType]::ParameterName, 'Decode __consumer_offsets records (offset commits, group metadata), like kafka-dump-log''s --offsets-decoder. Implies --records')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;verify' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The same as TOPIC: the spelling of Kafka''s tools')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--repair', '--repair', [CompletionResultType]::ParameterName, 'Rebuild bad indexes and leader-epoch-checkpoint from the log, and cut the active segment at its first invalid batch (dropping the batches after it, as Kafka''s recovery does), saying what was cut. Damage inside a sealed segment is reported, not cut')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;perf' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('produce', 'produce', [CompletionResultType]::ParameterValue, 'Append generated records to a topic (created if missing) and report rate and latency')
            [CompletionResult]::new('consume', 'consume', [CompletionResultType]::ParameterValue, 'Read a partition from the beginning, decoding every record, and report the rate')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'klog;perf;produce' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic to write (created with one partition if missing)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Partition to use')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Partition to use')
            [CompletionResult]::new('--records', '--records', [CompletionResultType]::ParameterName, 'Number of records')
            [CompletionResult]::new('--record-size', '--record-size', [CompletionResultType]::ParameterName, 'Value size in bytes')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Batch size in bytes')
            [CompletionResult]::new('-z', '-z', [CompletionResultType]::ParameterName, 'Codec: none, gzip, snappy, lz4, zstd')
            [CompletionResult]::new('--compression', '--compression', [CompletionResultType]::ParameterName, 'Codec: none, gzip, snappy, lz4, zstd')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--durable', '--durable', [CompletionResultType]::ParameterName, 'fsync at the end (as `klog produce` does unless --acks 0)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object instead of a line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;perf;consume' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic to read')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Partition to use')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Partition to use')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object instead of a line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;perf;help' {
            [CompletionResult]::new('produce', 'produce', [CompletionResultType]::ParameterValue, 'Append generated records to a topic (created if missing) and report rate and latency')
            [CompletionResult]::new('consume', 'consume', [CompletionResultType]::ParameterValue, 'Read a partition from the beginning, decoding every record, and report the rate')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'klog;perf;help;produce' {
            break
        }
        'klog;perf;help;consume' {
            break
        }
        'klog;perf;help;help' {
            break
        }
        'klog;retention' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The same as TOPIC (repeatable): the spelling of Kafka''s tools')
            [CompletionResult]::new('--lock-wait-ms', '--lock-wait-ms', [CompletionResultType]::ParameterName, 'The old spelling of the global --lock-timeout-ms, kept hidden for existing crontabs')
            [CompletionResult]::new('--dedupe-buffer-bytes', '--dedupe-buffer-bytes', [CompletionResultType]::ParameterName, 'Memory for compaction''s key map, in bytes (24 per key); a partition with more keys is compacted in several passes')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be deleted and compacted; change nothing and take no lock')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object with every partition''s report')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit 4 when nothing was due, like `git diff --exit-code` (default: 0 either way)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'klog;delete-records' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The same as TOPIC: the spelling of Kafka''s tools')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Partition (repeatable)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Partition (repeatable)')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'Delete the records below this offset (-1: the high watermark, i.e. everything)')
            [CompletionResult]::new('--offset-json-file', '--offset-json-file', [CompletionResultType]::ParameterName, 'Kafka''s JSON file of partitions and offsets')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON object per partition')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'klog;replicate' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The leader''s data directory')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The follower''s data directory (it must exist: `klog init`)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Only this topic')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Only this partition (with --topic)')
            [CompletionResult]::new('--poll-ms', '--poll-ms', [CompletionResultType]::ParameterName, 'Pause between passes with --follow, in ms')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep replicating: a pass every --poll-ms until killed (a failed pass is reported on stderr and retried; a conflict such as a stale leader ends it with exit 3)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON, one object per pass')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'klog;broker' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Keep every partition this data directory follows replicating from its current leader (per the metadata store), holding the broker''s liveness lock while it runs. It registers in the store; if it dies registered, the controller fails the broker. SIGINT or SIGTERM stop it cleanly (unregistered)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'klog;broker;run' {
            [CompletionResult]::new('--poll-ms', '--poll-ms', [CompletionResultType]::ParameterName, 'Pause between passes, in ms')
            [CompletionResult]::new('--passes', '--passes', [CompletionResultType]::ParameterName, 'Stop after this many passes (default: run until SIGINT or SIGTERM)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON, one object per pass that changed something')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;broker;help' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Keep every partition this data directory follows replicating from its current leader (per the metadata store), holding the broker''s liveness lock while it runs. It registers in the store; if it dies registered, the controller fails the broker. SIGINT or SIGTERM stop it cleanly (unregistered)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'klog;broker;help;run' {
            break
        }
        'klog;broker;help;help' {
            break
        }
        'klog;cluster' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('brokers', 'brokers', [CompletionResultType]::ParameterValue, 'List the brokers of the cluster and whether their data directories are reachable')
            [CompletionResult]::new('elect-leader', 'elect-leader', [CompletionResultType]::ParameterValue, 'Make a broker the leader of a partition: bumps the leader epoch and records the change')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'klog;cluster;brokers' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;cluster;elect-leader' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'The partition')
            [CompletionResult]::new('--leader', '--leader', [CompletionResultType]::ParameterName, 'The broker id of the new leader (must be in the ISR unless --unclean)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--unclean', '--unclean', [CompletionResultType]::ParameterName, 'Allow a replica outside the ISR (records only the old ISR had are lost)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;cluster;help' {
            [CompletionResult]::new('brokers', 'brokers', [CompletionResultType]::ParameterValue, 'List the brokers of the cluster and whether their data directories are reachable')
            [CompletionResult]::new('elect-leader', 'elect-leader', [CompletionResultType]::ParameterValue, 'Make a broker the leader of a partition: bumps the leader epoch and records the change')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'klog;cluster;help;brokers' {
            break
        }
        'klog;cluster;help;elect-leader' {
            break
        }
        'klog;cluster;help;help' {
            break
        }
        'klog;controller' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Be a controller candidate: wait for the controller lock, then detect failed brokers and move leadership until killed')
            [CompletionResult]::new('elect', 'elect', [CompletionResultType]::ParameterValue, 'One round of controller work in the foreground (for cron or scripts): take the lock, act, release. Exits 3 if a controller is running')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the controller, its epoch, the brokers and offline and under-replicated partitions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'klog;controller;run' {
            [CompletionResult]::new('--broker-id', '--broker-id', [CompletionResultType]::ParameterName, 'The broker id this controller runs beside (recorded with its election)')
            [CompletionResult]::new('--interval-ms', '--interval-ms', [CompletionResultType]::ParameterName, 'Time between failure-detection rounds, in ms (at most 200)')
            [CompletionResult]::new('--poll-ms', '--poll-ms', [CompletionResultType]::ParameterName, 'Time between tries of the controller lock while waiting, in ms')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON, one object per event')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'klog;controller;elect' {
            [CompletionResult]::new('--broker-id', '--broker-id', [CompletionResultType]::ParameterName, 'The broker id recorded with this election')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;controller;status' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;controller;help' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Be a controller candidate: wait for the controller lock, then detect failed brokers and move leadership until killed')
            [CompletionResult]::new('elect', 'elect', [CompletionResultType]::ParameterValue, 'One round of controller work in the foreground (for cron or scripts): take the lock, act, release. Exits 3 if a controller is running')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the controller, its epoch, the brokers and offline and under-replicated partitions')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'klog;controller;help;run' {
            break
        }
        'klog;controller;help;elect' {
            break
        }
        'klog;controller;help;status' {
            break
        }
        'klog;controller;help;help' {
            break
        }
        'klog;leader-election' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'preferred: move leadership back to the first assigned replica when it is live and in sync; unclean: give partitions without a live leader one, from outside the ISR if need be (records only the old ISR held are lost)')
            [CompletionResult]::new('--election-type', '--election-type', [CompletionResultType]::ParameterName, 'preferred: move leadership back to the first assigned replica when it is live and in sync; unclean: give partitions without a live leader one, from outside the ISR if need be (records only the old ISR held are lost)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic (with --partition)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'The partition of --topic')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every partition of the cluster')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;reassign' {
            [CompletionResult]::new('--topics-to-move-json-file', '--topics-to-move-json-file', [CompletionResultType]::ParameterName, 'Kafka''s {"version":1,"topics":[{"topic":"t"}]}')
            [CompletionResult]::new('--broker-list', '--broker-list', [CompletionResultType]::ParameterName, 'Broker ids to place replicas on, comma-separated')
            [CompletionResult]::new('--reassignment-json-file', '--reassignment-json-file', [CompletionResultType]::ParameterName, 'The reassignment plan')
            [CompletionResult]::new('--throttle', '--throttle', [CompletionResultType]::ParameterName, 'With --execute: copy to the new replicas at most this many bytes per second (over the whole execution), like kafka-reassign-partitions --throttle')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--generate', '--generate', [CompletionResultType]::ParameterName, 'Propose a plan for --topics-to-move-json-file over --broker-list')
            [CompletionResult]::new('--execute', '--execute', [CompletionResultType]::ParameterName, 'Carry out the plan in --reassignment-json-file')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Check the plan in --reassignment-json-file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'klog;mirror' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where to read: a data directory, or kafka://HOST:PORT[,HOST:PORT...]')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Where to write: a data directory (created when new or empty), or kafka://HOST:PORT[,...]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('--repartition', '--repartition', [CompletionResultType]::ParameterName, 'Towards a cluster: allow another partition count there, placing records by key (murmur2) and keyless ones by source partition modulo the count. Not towards a directory, where records keep their source partition and offset')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep copying new records as they arrive, until SIGINT or SIGTERM')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep copying new records as they arrive, until SIGINT or SIGTERM')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object per topic instead of the summary line')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'klog;completions' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;generate' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory to write man/ and completions/ into')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'klog;complete-names' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The data directory (a Kafka log directory)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'The cluster metadata store (a directory); default: the one the data directory joined with `klog init --meta`, if any. Without one, the data directory stands alone')
            [CompletionResult]::new('--lock-timeout-ms', '--lock-timeout-ms', [CompletionResultType]::ParameterName, 'How long a writer waits for a lock held by another process, in ms [default: 30000; retention: 5000, then it skips the partition]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'A Kafka cluster to work on instead of a data directory: its bootstrap servers, HOST:PORT[,HOST:PORT...] (kcat''s -b). topic, produce, consume (with --group too), offsets, group and delete-records work against it')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property for the Kafka cluster, KEY=VALUE with librdkafka''s names (repeatable): security.protocol, sasl.mechanism, sasl.username, sasl.password, ssl.ca.location, ... Values are never printed')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--client-config', '--client-config', [CompletionResultType]::ParameterName, 'A file of client properties (KEY=VALUE lines, # comments), applied before -X; default $KLOG_CONFIG, else ~/.config/klog/client.properties when it exists; `-F -` reads none')
            [CompletionResult]::new('--request-timeout-ms', '--request-timeout-ms', [CompletionResultType]::ParameterName, 'How long a request to a Kafka cluster may take before klog gives up, in ms')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Quiet: no informational notes on stderr (where reading continues after deleted offsets or a leader change, a summary, membership events); errors and warnings still show (kcat''s -q)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'klog;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a data directory: meta.properties (node.id, a new cluster.id) and empty checkpoints')
            [CompletionResult]::new('topic', 'topic', [CompletionResultType]::ParameterValue, 'Create, list, describe, alter and delete topics')
            [CompletionResult]::new('produce', 'produce', [CompletionResultType]::ParameterValue, 'Append records from stdin to a topic')
            [CompletionResult]::new('consume', 'consume', [CompletionResultType]::ParameterValue, 'Read records from a topic to stdout')
            [CompletionResult]::new('group', 'group', [CompletionResultType]::ParameterValue, 'Consumer groups: list, describe, reset offsets, commit, delete (like kafka-consumer-groups; with -b, a Kafka cluster''s groups)')
            [CompletionResult]::new('offsets', 'offsets', [CompletionResultType]::ParameterValue, 'Show each partition''s earliest and latest offsets, or the offset for a time')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Print the batches, records or index entries of segment files, like kafka-dump-log')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check every segment (CRC, offsets, indexes); --repair cuts torn tails and rebuilds indexes')
            [CompletionResult]::new('perf', 'perf', [CompletionResultType]::ParameterValue, 'Measure produce and consume throughput and latency')
            [CompletionResult]::new('retention', 'retention', [CompletionResultType]::ParameterValue, 'Apply every topic''s retention and compaction rules (run it from cron)')
            [CompletionResult]::new('delete-records', 'delete-records', [CompletionResultType]::ParameterValue, 'Delete the records below an offset by advancing the partition''s log start offset')
            [CompletionResult]::new('replicate', 'replicate', [CompletionResultType]::ParameterValue, 'Copy a leader''s batches into a follower data directory (after divergence truncation)')
            [CompletionResult]::new('broker', 'broker', [CompletionResultType]::ParameterValue, 'Run a broker agent: keep this data directory''s follower partitions replicating')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Cluster administration through the metadata store: brokers, leader elections')
            [CompletionResult]::new('controller', 'controller', [CompletionResultType]::ParameterValue, 'The cluster controller: run a candidate, elect once, show status')
            [CompletionResult]::new('leader-election', 'leader-election', [CompletionResultType]::ParameterValue, 'Elect partition leaders: preferred replicas, or unclean for offline partitions')
            [CompletionResult]::new('reassign', 'reassign', [CompletionResultType]::ParameterValue, 'Move partition replicas between brokers with Kafka''s JSON plan (generate, execute, verify)')
            [CompletionResult]::new('mirror', 'mirror', [CompletionResultType]::ParameterValue, 'Copy topics between a data directory and a Kafka cluster, resumable without duplicates')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write the man pages and completion scripts into a directory (for maintainers)')
            [CompletionResult]::new('complete-names', 'complete-names', [CompletionResultType]::ParameterValue, 'List topic or group names, one a line (for the shell completion scripts)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'klog;help;init' {
            break
        }
        'klog;help;topic' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List topics (in a cluster, with their replication factor)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show partitions (log start and end offsets, segments, bytes) and configs')
            [CompletionResult]::new('alter', 'alter', [CompletionResultType]::ParameterValue, 'Change configs or raise the partition count (of a cluster topic: in the metadata store, for every broker; with -b: CreatePartitions and IncrementalAlterConfigs on the Kafka cluster)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a topic and all its data (of a cluster topic: on every broker; one that is away deletes its copy through its agent when it returns)')
            [CompletionResult]::new('configs', 'configs', [CompletionResultType]::ParameterValue, 'List the topic configs klog knows, with their defaults')
            break
        }
        'klog;help;topic;create' {
            break
        }
        'klog;help;topic;list' {
            break
        }
        'klog;help;topic;describe' {
            break
        }
        'klog;help;topic;alter' {
            break
        }
        'klog;help;topic;delete' {
            break
        }
        'klog;help;topic;configs' {
            break
        }
        'klog;help;produce' {
            break
        }
        'klog;help;consume' {
            break
        }
        'klog;help;group' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List groups with their state (also those only __consumer_offsets records, as from Kafka)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a group''s committed offsets, log end offsets, lag and owners (or members, or state)')
            [CompletionResult]::new('reset-offsets', 'reset-offsets', [CompletionResultType]::ParameterValue, 'Reset committed offsets (the group must have no live members)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a group: its offsets (as tombstones in __consumer_offsets) and its state')
            [CompletionResult]::new('delete-offsets', 'delete-offsets', [CompletionResultType]::ParameterValue, 'Delete a group''s offsets for a topic')
            [CompletionResult]::new('commit', 'commit', [CompletionResultType]::ParameterValue, 'Commit an offset for a partition (for scripts that track their own progress)')
            break
        }
        'klog;help;group;list' {
            break
        }
        'klog;help;group;describe' {
            break
        }
        'klog;help;group;reset-offsets' {
            break
        }
        'klog;help;group;delete' {
            break
        }
        'klog;help;group;delete-offsets' {
            break
        }
        'klog;help;group;commit' {
            break
        }
        'klog;help;offsets' {
            break
        }
        'klog;help;dump' {
            break
        }
        'klog;help;verify' {
            break
        }
        'klog;help;perf' {
            [CompletionResult]::new('produce', 'produce', [CompletionResultType]::ParameterValue, 'Append generated records to a topic (created if missing) and report rate and latency')
            [CompletionResult]::new('consume', 'consume', [CompletionResultType]::ParameterValue, 'Read a partition from the beginning, decoding every record, and report the rate')
            break
        }
        'klog;help;perf;produce' {
            break
        }
        'klog;help;perf;consume' {
            break
        }
        'klog;help;retention' {
            break
        }
        'klog;help;delete-records' {
            break
        }
        'klog;help;replicate' {
            break
        }
        'klog;help;broker' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Keep every partition this data directory follows replicating from its current leader (per the metadata store), holding the broker''s liveness lock while it runs. It registers in the store; if it dies registered, the controller fails the broker. SIGINT or SIGTERM stop it cleanly (unregistered)')
            break
        }
        'klog;help;broker;run' {
            break
        }
        'klog;help;cluster' {
            [CompletionResult]::new('brokers', 'brokers', [CompletionResultType]::ParameterValue, 'List the brokers of the cluster and whether their data directories are reachable')
            [CompletionResult]::new('elect-leader', 'elect-leader', [CompletionResultType]::ParameterValue, 'Make a broker the leader of a partition: bumps the leader epoch and records the change')
            break
        }
        'klog;help;cluster;brokers' {
            break
        }
        'klog;help;cluster;elect-leader' {
            break
        }
        'klog;help;controller' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Be a controller candidate: wait for the controller lock, then detect failed brokers and move leadership until killed')
            [CompletionResult]::new('elect', 'elect', [CompletionResultType]::ParameterValue, 'One round of controller work in the foreground (for cron or scripts): take the lock, act, release. Exits 3 if a controller is running')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the controller, its epoch, the brokers and offline and under-replicated partitions')
            break
        }
        'klog;help;controller;run' {
            break
        }
        'klog;help;controller;elect' {
            break
        }
        'klog;help;controller;status' {
            break
        }
        'klog;help;leader-election' {
            break
        }
        'klog;help;reassign' {
            break
        }
        'klog;help;mirror' {
            break
        }
        'klog;help;completions' {
            break
        }
        'klog;help;generate' {
            break
        }
        'klog;help;complete-names' {
            break
        }
        'klog;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
