import { COMMON_OPTIONS, JSON_OPTION, parseCommandArgs } from '../args';
import type { Command } from '../command';
import { executeMigration, planMigration, type MigrationPlan } from '../../engine/migrate/migrateStore';
import { CliFailure, EXIT_OK, oneLine, printJson, printLine } from '../output';
import { requireStoreFolder, resolveStorePath } from '../storeAccess';
import { loadSchemaRegistry } from '../../engine/schema/loadSchemaRegistry';

const usage = `Usage: eventbus migrate [--yes] [--store DIR] [--json]

Rewrites stored events of old schema versions in the newest version, through
the store's schemas/<type>/<from>-to-<to>.migration.json files. Without
--yes it shows the plan. With --yes each changed day file is written anew
and renamed into place; the originals are kept in backups/migrate-<time>/.

  --yes         carry out the plan
  --store DIR   the event store (default ./event_store)
  --json        the plan (and the result) as JSON`;

function describePlan(plan: MigrationPlan): string[] {
  const lines: string[] = [];
  if (plan.files.length === 0) lines.push('Nothing to migrate: every event is in the newest schema version it has a path to.');
  for (const file of plan.files) {
    const steps = Object.entries(file.steps).map(([step, n]) => `${n} × ${step}`).join(', ');
    lines.push(`  rewrite ${file.file}: ${steps}`);
  }
  if (plan.files.length > 0) lines.push(`${plan.events} events in ${plan.files.length} files.`);
  for (const [key, n] of Object.entries(plan.stranded)) lines.push(`  left as is: ${n} × ${key} (no migration path to the newest version)`);
  return lines;
}

function timestampForFolder(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

export const migrateCommand: Command = {
  name: 'migrate',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...COMMON_OPTIONS, ...JSON_OPTION, yes: { type: 'boolean', short: 'y' } });
    if (values.help) {
      printLine(io, usage);
      return EXIT_OK;
    }
    const storePath = await resolveStorePath(io, values.store);
    requireStoreFolder(storePath);
    const registry = await loadSchemaRegistry(storePath);
    for (const problem of registry.problems) io.stderr(`${problem.file}:${problem.line}:${problem.column}: ${problem.message}\n`);
    const plan = await planMigration(storePath, registry);
    if (!values.yes) {
      if (values.json) printJson(io, { plan, executed: false });
      else {
        for (const line of describePlan(plan)) printLine(io, line);
        if (plan.files.length > 0) printLine(io, 'Run again with --yes to rewrite these files (originals are kept in backups/).');
      }
      return EXIT_OK;
    }
    let result;
    try {
      result = await executeMigration(plan, registry, timestampForFolder());
    } catch (error) {
      throw new CliFailure(oneLine((error as Error).message));
    }
    if (values.json) printJson(io, { plan, executed: true, result });
    else printLine(io, `migrated ${result.events} events in ${result.files.length} files; originals in ${result.backupDir}/`);
    return EXIT_OK;
  },
};
