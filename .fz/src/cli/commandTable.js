"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.COMMANDS = void 0;
const command_1 = require("./command");
/**
 * Every subcommand, in the order `eventbus --help` lists them. Each module is
 * imported only when its command runs (a separate chunk of the bundle): start-up
 * is most of a quick command's time.
 */
exports.COMMANDS = [
    (0, command_1.lazyCommand)('stats', 'counts of events, aggregates, correlations, types and time range', async () => (await import('./commands/stats.js')).statsCommand),
    (0, command_1.lazyCommand)('status', "the bus's get_status() and health checks for the store", async () => (await import('./commands/status.js')).statusCommand),
    (0, command_1.lazyCommand)('validate', 'check every event against JSON, the envelope and the schemas', async () => (await import('./commands/validate.js')).validateCommand),
    (0, command_1.lazyCommand)('events', 'matching events as JSON Lines', async () => (await import('./commands/events.js')).eventsCommand),
    (0, command_1.lazyCommand)('export', 'matching events to JSONL (byte for byte), JSON or CSV', async () => (await import('./commands/export.js')).exportCommand),
    (0, command_1.lazyCommand)('replay', "an aggregate's events in sequence order", async () => (await import('./commands/replay.js')).replayCommand),
    (0, command_1.lazyCommand)('rebuild', 'the state of an aggregate, from snapshots and events', async () => (await import('./commands/rebuild.js')).rebuildCommand),
    (0, command_1.lazyCommand)('correlation', 'the causation tree of a correlation id', async () => (await import('./commands/correlation.js')).correlationCommand),
    (0, command_1.lazyCommand)('snapshots', 'list snapshot files', async () => (await import('./commands/snapshots.js')).snapshotsCommand),
    (0, command_1.lazyCommand)('snapshot', 'create a snapshot, or verify snapshots against a rebuild', async () => (await import('./commands/snapshot.js')).snapshotCommand),
    (0, command_1.lazyCommand)('publish', 'publish one event into the store through the bus', async () => (await import('./commands/publish.js')).publishCommand),
    (0, command_1.lazyCommand)('tail', 'the last events, and new ones as they arrive (--follow)', async () => (await import('./commands/tail.js')).tailCommand),
    (0, command_1.lazyCommand)('cleanup', 'remove event days older than event_ttl_days (asks for --yes)', async () => (await import('./commands/cleanup.js')).cleanupCommand),
    (0, command_1.lazyCommand)('compact', 'gzip closed event days (never today\'s file)', async () => (await import('./commands/compact.js')).compactCommand),
    (0, command_1.lazyCommand)('migrate', 'rewrite old-version events in the newest schema (asks for --yes)', async () => (await import('./commands/migrate.js')).migrateCommand),
    (0, command_1.lazyCommand)('copy', 'copy a store into PostgreSQL or NATS JetStream (resumable) and verify it', async () => (await import('./commands/copy.js')).copyCommand),
    (0, command_1.lazyCommand)('generate', 'write a deterministic, realistic store for demos, tests and benchmarks', async () => (await import('./commands/generate.js')).generateCommand),
];
//# sourceMappingURL=commandTable.js.map