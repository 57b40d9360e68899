import { describeCleanupPlan } from '../../engine/ttl/describeCleanupPlan';
import { executeCleanup } from '../../engine/ttl/executeCleanup';
import { withWriterLock } from '../../engine/store/writeLock';
import { planCleanup } from '../../engine/ttl/planCleanup';
import { COMMON_OPTIONS, JSON_OPTION, parseCommandArgs } from '../args';
import type { Command } from '../command';
import { EXIT_OK, EXIT_PROBLEMS, printJson, printLine } from '../output';
import { loadCliConfig, requireStoreFolder, resolveStorePath } from '../storeAccess';

const usage = `Usage: eventbus cleanup [--yes] [--store DIR] [--json]

TTL cleanup: removes event days older than event_ttl_days (from
eventbus.config.json, default 30) and snapshots no longer needed. Without
--yes it only shows what it would remove.

  --yes         remove them
  --store DIR   the event store (default ./event_store)
  --json        the plan (and the result) as JSON`;

export const cleanupCommand: Command = {
  name: 'cleanup',
  summary: 'remove event days older than event_ttl_days (asks for --yes)',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...COMMON_OPTIONS, ...JSON_OPTION, yes: { type: 'boolean', short: 'y' } });
    if (values.help) {
      printLine(io, usage);
      return EXIT_OK;
    }
    const storePath = await resolveStorePath(io, values.store);
    requireStoreFolder(storePath);
    const { config } = await loadCliConfig(io);
    const plan = await planCleanup(storePath, config);
    if (!values.yes) {
      if (values.json) printJson(io, { plan, executed: false });
      else {
        printLine(io, describeCleanupPlan(plan));
        if (plan.eventFiles.length + plan.snapshots.length > 0) printLine(io, 'Run again with --yes to remove these files.');
      }
      return EXIT_OK;
    }
    const result = await withWriterLock(storePath, () => executeCleanup(plan));
    if (values.json) printJson(io, { plan, executed: true, result });
    else {
      for (const file of result.removed) printLine(io, `removed ${file}`);
      for (const failure of result.failed) io.stderr(`could not remove ${failure.file}: ${failure.message}\n`);
      printLine(io, `${result.removed.length} removed, ${result.failed.length} failed`);
    }
    return result.failed.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
  },
};
