"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compactCommand = void 0;
const timestamp_1 = require("../../engine/model/timestamp");
const eventFileAppender_1 = require("../../engine/store/eventFileAppender");
const writeLock_1 = require("../../engine/store/writeLock");
const args_1 = require("../args");
const output_1 = require("../output");
const storeAccess_1 = require("../storeAccess");
const usage = `Usage: eventbus compact [--now TIME] [--store DIR] [--json]

Gzips every closed day: each events_<day>.jsonl before today (UTC) becomes
events_<day>.jsonl.gz (lines added as a new gzip member when the .gz
exists), as the bus does when the day changes and compression_enabled is
on. Today's file is never touched. Crash-safe (the .gz is complete before
the plain file goes) and done under the store's writer lock: it refuses
while a bus is writing.

  --now TIME    what "today" is (ISO 8601; naive means UTC); default now
  --store DIR   the event store (default ./event_store)
  --json        the days and what happened to each, as JSON`;
exports.compactCommand = {
    name: 'compact',
    usage,
    async run(argv, io) {
        const { values } = (0, args_1.parseCommandArgs)(argv, { ...args_1.COMMON_OPTIONS, ...args_1.JSON_OPTION, now: { type: 'string' } });
        if (values.help) {
            (0, output_1.printLine)(io, usage);
            return output_1.EXIT_OK;
        }
        const storePath = await (0, storeAccess_1.resolveStorePath)(io, values.store);
        (0, storeAccess_1.requireStoreFolder)(storePath);
        const { config } = await (0, storeAccess_1.loadCliConfig)(io, storePath);
        if (!config.compression_enabled) {
            (0, output_1.printLine)(io, 'compression_enabled is false in eventbus.config.json: nothing compressed');
            return output_1.EXIT_OK;
        }
        const now = values.now === undefined ? Date.now() : (0, timestamp_1.parseTimestamp)(values.now);
        if (Number.isNaN(now))
            throw new output_1.UsageError(`--now expects an ISO 8601 time (2024-01-22T12:00:00), got "${values.now}"`);
        let appender;
        try {
            appender = await eventFileAppender_1.EventFileAppender.open(storePath, { clock: () => now });
        }
        catch (error) {
            if (error instanceof writeLock_1.WriterLockedError)
                throw new output_1.CliFailure(`nothing compressed: ${(0, output_1.oneLine)(error.message)}`, output_1.EXIT_PROBLEMS);
            throw error;
        }
        let results;
        try {
            results = await appender.compressClosedDays();
        }
        finally {
            await appender.close();
        }
        results = [...results].sort((a, b) => (a.day < b.day ? -1 : 1));
        if (values.json)
            (0, output_1.printJson)(io, results);
        else {
            for (const r of results)
                (0, output_1.printLine)(io, `${r.day}  ${r.outcome}  ${r.plainBytes} B -> ${r.gzipBytes} B`);
            (0, output_1.printLine)(io, `${results.filter((r) => r.outcome === 'compressed' || r.outcome === 'appended-member').length} day(s) compressed`);
        }
        return output_1.EXIT_OK;
    },
};
//# sourceMappingURL=compact.js.map