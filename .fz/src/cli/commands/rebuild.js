"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rebuildCommand = void 0;
const rebuild_1 = require("../../engine/state/rebuild");
const storeFold_1 = require("../../engine/state/fold/storeFold");
const projectionLoader_1 = require("../../engine/state/projectionLoader");
const unsafeNumbers_1 = require("../../engine/state/unsafeNumbers");
const args_1 = require("../args");
const output_1 = require("../output");
const storeAccess_1 = require("../storeAccess");
const terminalText_1 = require("../format/terminalText");
const usage = `Usage: eventbus rebuild --aggregate A [--at N] [--store DIR] [--json]
                        [--allow-projections [--projection NAME]]

The state of an aggregate at sequence N (default: its last event): the
latest snapshot at or before N plus the events after it, folded the store's
way: "fold" in eventbus.config.json (shallow, deep, reducers, projection),
else detected from its snapshots (without _meta: shallow, as Python's
dict.update, with the writer's bookkeeping keys; otherwise deep with _meta).

  --aggregate A          the aggregate (required; "system" is the bus-wide summary)
  --at N                 rebuild up to sequence N
  --allow-projections    run the store's projection modules (projections/*.js):
                         this executes code from the store, so only for stores you trust
  --projection NAME      which projection (default: the only one there is)
  --store DIR            the event store (default ./event_store)
  --json                 only the state, as JSON`;
exports.rebuildCommand = {
    name: 'rebuild',
    usage,
    async run(argv, io) {
        const { values } = (0, args_1.parseCommandArgs)(argv, {
            ...args_1.COMMON_OPTIONS,
            ...args_1.JSON_OPTION,
            aggregate: { type: 'string' },
            at: { type: 'string' },
            'allow-projections': { type: 'boolean' },
            projection: { type: 'string' },
        });
        if (values.help) {
            (0, output_1.printLine)(io, usage);
            return output_1.EXIT_OK;
        }
        const aggregateId = (0, args_1.required)('aggregate', values.aggregate);
        const atSequence = (0, args_1.integerOption)('at', values.at);
        if (values.projection !== undefined && !values['allow-projections']) {
            throw new output_1.UsageError('--projection runs code from the store; add --allow-projections to allow it');
        }
        const storePath = await (0, storeAccess_1.resolveStorePath)(io, values.store);
        const result = await (0, storeAccess_1.withStore)(io, storePath, async ({ backend }) => {
            const options = { atSequence };
            const fold = await (0, storeFold_1.resolveStoreFold)(backend);
            if (fold.mode === 'projection' && values['allow-projections'] && values.projection === undefined) {
                const loaded = await (0, projectionLoader_1.loadProjections)(storePath, { allowCodeExecution: true });
                for (const problem of loaded.problems)
                    io.stderr(`${problem.file}: ${problem.message}\n`);
                return (0, rebuild_1.rebuildFromEvents)(backend, aggregateId, { ...options, projection: (0, projectionLoader_1.findProjection)(loaded, fold.projection ?? '') });
            }
            if (values['allow-projections']) {
                const loaded = await (0, projectionLoader_1.loadProjections)(storePath, { allowCodeExecution: true });
                for (const problem of loaded.problems)
                    io.stderr(`${(0, terminalText_1.terminalSafe)(`${problem.file}: ${problem.message}`)}\n`);
                if (values.projection !== undefined)
                    return (0, rebuild_1.rebuildFromEvents)(backend, aggregateId, { ...options, projection: (0, projectionLoader_1.findProjection)(loaded, values.projection) });
                if (loaded.projections.length === 1)
                    return (0, rebuild_1.rebuildFromEvents)(backend, aggregateId, { ...options, projection: loaded.projections[0] });
                if (loaded.projections.length > 1) {
                    throw new output_1.UsageError(`the store has ${loaded.projections.length} projections (${loaded.projections.map((p) => p.name).join(', ')}); choose one with --projection NAME`);
                }
            }
            return (0, rebuild_1.rebuildFromEvents)(backend, aggregateId, options);
        }, { upcast: true });
        // Flagged, not silently rounded: the finding (EB026, as validate names the events) and a note beside the state.
        const unsafe = (0, unsafeNumbers_1.stateNumberFinding)(aggregateId, result.state);
        if (unsafe)
            io.stderr(`${(0, terminalText_1.terminalSafe)((0, unsafeNumbers_1.formatStateNumberFinding)(unsafe))}\n${(0, unsafeNumbers_1.describeUnsafeNumbers)(unsafe.paths)}\n`);
        if (values.json) {
            (0, output_1.printJson)(io, result.state);
            return output_1.EXIT_OK;
        }
        const from = result.fromSnapshot ? `snapshot ${result.fromSnapshot.file} + ` : '';
        (0, output_1.printLine)(io, `${(0, terminalText_1.terminalSafe)(aggregateId)} at sequence ${result.lastSequence} (${from}${result.eventsApplied} events)`);
        for (const skipped of result.skippedSnapshots)
            io.stderr(`skipped ${(0, terminalText_1.terminalSafe)(`${skipped.ref.file}: ${skipped.reason}`)}\n`);
        (0, output_1.printLine)(io, JSON.stringify(result.state, null, 2));
        return output_1.EXIT_OK;
    },
};
//# sourceMappingURL=rebuild.js.map