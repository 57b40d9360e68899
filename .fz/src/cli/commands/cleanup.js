"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.cleanupCommand = void 0;
const describeCleanupPlan_1 = require("../../engine/ttl/describeCleanupPlan");
const executeCleanup_1 = require("../../engine/ttl/executeCleanup");
const planCleanup_1 = require("../../engine/ttl/planCleanup");
const args_1 = require("../args");
const timestamp_1 = require("../../engine/model/timestamp");
const writeLock_1 = require("../../engine/store/writeLock");
const output_1 = require("../output");
const storeAccess_1 = require("../storeAccess");
const usage = `Usage: eventbus cleanup [--yes] [--now TIME] [--snapshots] [--store DIR] [--json]

TTL cleanup as the guide's Python bus does it: removes the event days that
started before now - event_ttl_days (from eventbus.config.json, default
30). Snapshots are kept, as the bus keeps them, unless --snapshots. Without
--yes it only shows what it would remove. Takes the store's writer lock:
it refuses while a bus is writing.

  --yes         remove them
  --now TIME    the time to count from (ISO 8601; naive means UTC), for
                reproducible runs; default now
  --snapshots   also remove snapshots no longer needed (never the latest of
                an aggregate, nor the newest before the cutoff)
  --store DIR   the event store (default ./event_store)
  --json        the plan (and the result) as JSON`;
exports.cleanupCommand = {
    name: 'cleanup',
    usage,
    async run(argv, io) {
        const { values } = (0, args_1.parseCommandArgs)(argv, {
            ...args_1.COMMON_OPTIONS,
            ...args_1.JSON_OPTION,
            yes: { type: 'boolean', short: 'y' },
            now: { type: 'string' },
            snapshots: { type: 'boolean' },
        });
        if (values.help) {
            (0, output_1.printLine)(io, usage);
            return output_1.EXIT_OK;
        }
        const storePath = await (0, storeAccess_1.resolveStorePath)(io, values.store);
        (0, storeAccess_1.requireStoreFolder)(storePath);
        const { config } = await (0, storeAccess_1.loadCliConfig)(io, storePath);
        const now = values.now === undefined ? Date.now() : (0, timestamp_1.parseTimestamp)(values.now);
        if (Number.isNaN(now))
            throw new output_1.UsageError(`--now expects an ISO 8601 time (2024-01-22T12:00:00), got "${values.now}"`);
        const plan = await (0, planCleanup_1.planCleanup)(storePath, config, now, { removeSnapshots: values.snapshots === true });
        if (!values.yes) {
            if (values.json)
                (0, output_1.printJson)(io, { plan, executed: false });
            else {
                (0, output_1.printLine)(io, (0, describeCleanupPlan_1.describeCleanupPlan)(plan));
                if (plan.eventFiles.length + plan.snapshots.length > 0)
                    (0, output_1.printLine)(io, 'Run again with --yes to remove these files.');
            }
            return output_1.EXIT_OK;
        }
        let result;
        try {
            result = await (0, executeCleanup_1.executeCleanup)(plan);
        }
        catch (error) {
            if (error instanceof writeLock_1.WriterLockedError)
                throw new output_1.CliFailure(`nothing removed: ${(0, output_1.oneLine)(error.message)}`, output_1.EXIT_PROBLEMS);
            throw error;
        }
        if (values.json)
            (0, output_1.printJson)(io, { plan, executed: true, result });
        else {
            for (const file of result.removed)
                (0, output_1.printLine)(io, `removed ${file}`);
            for (const failure of result.failed)
                io.stderr(`could not remove ${failure.file}: ${failure.message}\n`);
            (0, output_1.printLine)(io, `${result.removed.length} removed, ${result.failed.length} failed`);
        }
        return result.failed.length > 0 ? output_1.EXIT_PROBLEMS : output_1.EXIT_OK;
    },
};
//# sourceMappingURL=cleanup.js.map