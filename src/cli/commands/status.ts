import { storeStatus } from '../../engine/bus/storeStatus';
import { parseTimestamp } from '../../engine/model/timestamp';
import { COMMON_OPTIONS, JSON_OPTION, parseCommandArgs } from '../args';
import type { Command } from '../command';
import { EXIT_OK, EXIT_PROBLEMS, printJson, printLine, UsageError } from '../output';
import { loadCliConfig, resolveStorePath, withStore } from '../storeAccess';

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

export const statusCommand: Command = {
  name: 'status',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...COMMON_OPTIONS, ...JSON_OPTION, now: { type: 'string' } });
    if (values.help) {
      printLine(io, usage);
      return EXIT_OK;
    }
    const now = values.now === undefined ? Date.now() : parseTimestamp(values.now);
    if (Number.isNaN(now)) throw new UsageError(`--now expects an ISO 8601 time, got "${values.now}"`);
    const storePath = await resolveStorePath(io, values.store);
    const { config } = await loadCliConfig(io, storePath);
    const status = await withStore(io, storePath, ({ engine }) => storeStatus(engine, config, now));
    const healthy = Object.values(status.health).every((check) => check.healthy);
    if (values.json) printJson(io, status);
    else {
      printLine(io, `${status.status}  (${status.timestamp})  queue ${status.queue_size}  persistence ${status.persistence_enabled ? 'on' : 'off'}  snapshots ${status.snapshots_enabled ? 'on' : 'off'}`);
      for (const [name, check] of Object.entries(status.health)) printLine(io, `${check.healthy ? 'ok  ' : 'FAIL'}  ${name.padEnd(11)} ${check.detail}`);
    }
    return healthy ? EXIT_OK : EXIT_PROBLEMS;
  },
};
