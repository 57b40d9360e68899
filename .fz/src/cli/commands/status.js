"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.statusCommand = void 0;
const storeStatus_1 = require("../../engine/bus/storeStatus");
const timestamp_1 = require("../../engine/model/timestamp");
const args_1 = require("../args");
const output_1 = require("../output");
const storeAccess_1 = require("../storeAccess");
const usage = `Usage: eventbus status [--now TIME] [--store DIR] [--json]

The bus's get_status() for the store: timestamp, status, metrics,
queue_size, subscribers_count, persistence_enabled, snapshots_enabled
(the guide's keys), from the store and from the bus writing to it, if one
runs (its writer lock and its last system_health_check event); plus the
health checks: queue, latency, storage, subscribers, writer. Exits 1 when
a check is unhealthy.

  --now TIME    the time to judge report ages from (ISO 8601); default now
  --store DIR   the event store (default ./event_store)
  --json        the status as JSON`;
exports.statusCommand = {
    name: 'status',
    usage,
    async run(argv, io) {
        const { values } = (0, args_1.parseCommandArgs)(argv, { ...args_1.COMMON_OPTIONS, ...args_1.JSON_OPTION, now: { type: 'string' } });
        if (values.help) {
            (0, output_1.printLine)(io, usage);
            return output_1.EXIT_OK;
        }
        const now = values.now === undefined ? Date.now() : (0, timestamp_1.parseTimestamp)(values.now);
        if (Number.isNaN(now))
            throw new output_1.UsageError(`--now expects an ISO 8601 time, got "${values.now}"`);
        const storePath = await (0, storeAccess_1.resolveStorePath)(io, values.store);
        const { config } = await (0, storeAccess_1.loadCliConfig)(io, storePath);
        const status = await (0, storeAccess_1.withStore)(io, storePath, ({ engine }) => (0, storeStatus_1.storeStatus)(engine, config, now));
        const healthy = Object.values(status.health).every((check) => check.healthy);
        if (values.json)
            (0, output_1.printJson)(io, status);
        else {
            (0, output_1.printLine)(io, `${status.status}  (${status.timestamp})  queue ${status.queue_size}  persistence ${status.persistence_enabled ? 'on' : 'off'}  snapshots ${status.snapshots_enabled ? 'on' : 'off'}`);
            for (const [name, check] of Object.entries(status.health))
                (0, output_1.printLine)(io, `${check.healthy ? 'ok  ' : 'FAIL'}  ${name.padEnd(11)} ${check.detail}`);
        }
        return healthy ? output_1.EXIT_OK : output_1.EXIT_PROBLEMS;
    },
};
//# sourceMappingURL=status.js.map