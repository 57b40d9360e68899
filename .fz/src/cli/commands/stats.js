"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.statsCommand = void 0;
exports.storeStats = storeStats;
const timestamp_1 = require("../../engine/model/timestamp");
const pendingWork_1 = require("../../engine/store/pendingWork");
const args_1 = require("../args");
const output_1 = require("../output");
const storeAccess_1 = require("../storeAccess");
const terminalText_1 = require("../format/terminalText");
const usage = `Usage: eventbus stats [--store DIR] [--json]

Counts of the store, from its index: events, lines that are not events,
files, aggregates, correlations, events per type, sequence mode and the
time range.

  --store DIR   the event store (default ./event_store)
  --json        one JSON object on stdout`;
function isoOrNull(ms) {
    return Number.isFinite(ms) ? (0, timestamp_1.formatTimestamp)(ms) : null;
}
function storeStats(index, storeRoot) {
    const types = [...index.eventTypeCounts().entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return {
        events: index.eventCount,
        invalid_lines: index.problems.filter((p) => p.kind !== 'not-a-day-file').length,
        files: index.files.length,
        bytes: index.files.reduce((sum, file) => sum + file.size, 0),
        aggregates: index.aggregateCount(),
        correlations: index.correlationCount(),
        event_types: Object.fromEntries(types),
        sequence_mode: index.sequenceMode,
        first_timestamp: isoOrNull(index.firstTimestamp()),
        last_timestamp: isoOrNull(index.lastTimestamp()),
        interrupted_work: (0, pendingWork_1.pendingWorkOf)(storeRoot).map(pendingWork_1.describePendingWork),
        ignored_files: index.problems.filter((p) => p.kind === 'not-a-day-file').map((p) => p.file),
    };
}
function printText(print, stats) {
    print(`events          ${stats.events}`);
    print(`invalid lines   ${stats.invalid_lines}`);
    print(`files           ${stats.files} (${(stats.bytes / 1024 / 1024).toFixed(1)} MiB)`);
    print(`aggregates      ${stats.aggregates}`);
    print(`correlations    ${stats.correlations}`);
    print(`sequence mode   ${stats.sequence_mode}`);
    print(`first event     ${stats.first_timestamp ?? '-'}`);
    print(`last event      ${stats.last_timestamp ?? '-'}`);
    for (const work of stats.interrupted_work)
        print(`interrupted     ${(0, terminalText_1.terminalSafe)(work)}`);
    for (const file of stats.ignored_files)
        print(`warning         ${(0, terminalText_1.terminalSafe)(file)}: not a day file (expected events_YYYY-MM-DD.jsonl[.gz]); not read`);
    print('event types');
    const types = Object.entries(stats.event_types).map(([type, count]) => [(0, terminalText_1.terminalSafe)(type), count]);
    const width = Math.max(0, ...types.map(([type]) => type.length));
    for (const [type, count] of types)
        print(`  ${type.padEnd(width)}  ${count}`);
}
exports.statsCommand = {
    name: 'stats',
    usage,
    async run(argv, io) {
        const { values } = (0, args_1.parseCommandArgs)(argv, { ...args_1.COMMON_OPTIONS, ...args_1.JSON_OPTION });
        if (values.help) {
            (0, output_1.printLine)(io, usage);
            return output_1.EXIT_OK;
        }
        const storePath = await (0, storeAccess_1.resolveStorePath)(io, values.store);
        const stats = await (0, storeAccess_1.withStore)(io, storePath, async ({ engine }) => storeStats(engine.index, engine.root));
        if (values.json)
            (0, output_1.printJson)(io, stats);
        else
            printText((line) => (0, output_1.printLine)(io, line), stats);
        return output_1.EXIT_OK;
    },
};
//# sourceMappingURL=stats.js.map