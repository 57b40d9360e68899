"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.migrateCommand = void 0;
const args_1 = require("../args");
const migrateStore_1 = require("../../engine/migrate/migrateStore");
const output_1 = require("../output");
const storeAccess_1 = require("../storeAccess");
const loadSchemaRegistry_1 = require("../../engine/schema/loadSchemaRegistry");
const usage = `Usage: eventbus migrate [--yes] [--store DIR] [--json]

Rewrites stored events of old schema versions in the newest version, through
the store's schemas/<type>/<from>-to-<to>.migration.json files. Without
--yes it shows the plan. With --yes each changed day file is written anew
and renamed into place; the originals are kept in backups/migrate-<time>/.

  --yes         carry out the plan
  --store DIR   the event store (default ./event_store)
  --json        the plan (and the result) as JSON`;
function describePlan(plan) {
    const lines = [];
    if (plan.files.length === 0)
        lines.push('Nothing to migrate: every event is in the newest schema version it has a path to.');
    for (const file of plan.files) {
        const steps = Object.entries(file.steps).map(([step, n]) => `${n} × ${step}`).join(', ');
        lines.push(`  rewrite ${file.file}: ${steps}`);
    }
    if (plan.files.length > 0)
        lines.push(`${plan.events} events in ${plan.files.length} files.`);
    for (const [key, n] of Object.entries(plan.stranded))
        lines.push(`  left as is: ${n} × ${key} (no migration path to the newest version)`);
    return lines;
}
function timestampForFolder() {
    return new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}
exports.migrateCommand = {
    name: 'migrate',
    usage,
    async run(argv, io) {
        const { values } = (0, args_1.parseCommandArgs)(argv, { ...args_1.COMMON_OPTIONS, ...args_1.JSON_OPTION, yes: { type: 'boolean', short: 'y' } });
        if (values.help) {
            (0, output_1.printLine)(io, usage);
            return output_1.EXIT_OK;
        }
        const storePath = await (0, storeAccess_1.resolveStorePath)(io, values.store);
        (0, storeAccess_1.requireStoreFolder)(storePath);
        const registry = await (0, loadSchemaRegistry_1.loadSchemaRegistry)(storePath);
        for (const problem of registry.problems)
            io.stderr(`${problem.file}:${problem.line}:${problem.column}: ${problem.message}\n`);
        const plan = await (0, migrateStore_1.planMigration)(storePath, registry);
        if (!values.yes) {
            if (values.json)
                (0, output_1.printJson)(io, { plan, executed: false });
            else {
                for (const line of describePlan(plan))
                    (0, output_1.printLine)(io, line);
                if (plan.files.length > 0)
                    (0, output_1.printLine)(io, 'Run again with --yes to rewrite these files (originals are kept in backups/).');
            }
            return output_1.EXIT_OK;
        }
        let result;
        try {
            result = await (0, migrateStore_1.executeMigration)(plan, registry, timestampForFolder());
        }
        catch (error) {
            throw new output_1.CliFailure((0, output_1.oneLine)(error.message));
        }
        if (values.json)
            (0, output_1.printJson)(io, { plan, executed: true, result });
        else
            (0, output_1.printLine)(io, `migrated ${result.events} events in ${result.files.length} files; originals in ${result.backupDir}/`);
        return output_1.EXIT_OK;
    },
};
//# sourceMappingURL=migrate.js.map