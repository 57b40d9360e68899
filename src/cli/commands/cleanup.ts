import { describeCleanupPlan } from '../../engine/ttl/describeCleanupPlan';
import { executeCleanup } from '../../engine/ttl/executeCleanup';
import { planCleanup } from '../../engine/ttl/planCleanup';
import { COMMON_OPTIONS, JSON_OPTION, parseCommandArgs } from '../args';
import type { Command } from '../command';
import { parseTimestamp } from '../../engine/model/timestamp';
import { WriterLockedError } from '../../engine/store/writeLock';
import { CliFailure, EXIT_OK, EXIT_PROBLEMS, oneLine, printJson, printLine, UsageError } from '../output';
import { loadCliConfig, requireStoreFolder, resolveStorePath } from '../storeAccess';

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

export const cleanupCommand: Command = {
  name: 'cleanup',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      ...COMMON_OPTIONS,
      ...JSON_OPTION,
      yes: { type: 'boolean', short: 'y' },
      now: { type: 'string' },
      snapshots: { type: 'boolean' },
    });
    if (values.help) {
      printLine(io, usage);
      return EXIT_OK;
    }
    const storePath = await resolveStorePath(io, values.store);
    requireStoreFolder(storePath);
    const { config } = await loadCliConfig(io, storePath);
    const now = values.now === undefined ? Date.now() : parseTimestamp(values.now);
    if (Number.isNaN(now)) throw new UsageError(`--now expects an ISO 8601 time (2024-01-22T12:00:00), got "${values.now}"`);
    const plan = await planCleanup(storePath, config, now, { removeSnapshots: values.snapshots === true });
    if (!values.yes) {
      if (values.json) printJson(io, { plan, executed: false });
      else {
        printLine(io, describeCleanupPlan(plan));
        if (plan.eventFiles.length + plan.snapshots.length > 0) printLine(io, 'Run again with --yes to remove these files.');
      }
      return EXIT_OK;
    }
    let result: Awaited<ReturnType<typeof executeCleanup>>;
    try {
      result = await executeCleanup(plan);
    } catch (error) {
      if (error instanceof WriterLockedError) throw new CliFailure(`nothing removed: ${oneLine(error.message)}`, EXIT_PROBLEMS);
      throw error;
    }
    if (values.json) printJson(io, { plan, executed: true, result });
    else {
      for (const file of result.removed) printLine(io, `removed ${file}`);
      for (const failure of result.failed) io.stderr(`could not remove ${failure.file}: ${failure.message}\n`);
      printLine(io, `${result.removed.length} removed, ${result.failed.length} failed`);
    }
    return result.failed.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
  },
};
