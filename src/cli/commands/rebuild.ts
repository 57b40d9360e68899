import { rebuildFromEvents, type RebuildOptions } from '../../engine/state/rebuild';
import { resolveStoreFold } from '../../engine/state/fold/storeFold';
import { findProjection, loadProjections } from '../../engine/state/projectionLoader';
import { describeUnsafeNumbers, formatStateNumberFinding, stateNumberFinding } from '../../engine/state/unsafeNumbers';
import { COMMON_OPTIONS, integerOption, JSON_OPTION, parseCommandArgs, required } from '../args';
import type { Command } from '../command';
import { EXIT_OK, printJson, printLine, UsageError } from '../output';
import { resolveStorePath, withStore } from '../storeAccess';
import { terminalSafe } from '../format/terminalText';

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

export const rebuildCommand: Command = {
  name: 'rebuild',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      ...COMMON_OPTIONS,
      ...JSON_OPTION,
      aggregate: { type: 'string' },
      at: { type: 'string' },
      'allow-projections': { type: 'boolean' },
      projection: { type: 'string' },
    });
    if (values.help) {
      printLine(io, usage);
      return EXIT_OK;
    }
    const aggregateId = required('aggregate', values.aggregate);
    const atSequence = integerOption('at', values.at);
    if (values.projection !== undefined && !values['allow-projections']) {
      throw new UsageError('--projection runs code from the store; add --allow-projections to allow it');
    }
    const storePath = await resolveStorePath(io, values.store);
    const result = await withStore(
      io,
      storePath,
      async ({ backend }) => {
        const options: RebuildOptions = { atSequence };
        const fold = await resolveStoreFold(backend);
        if (fold.mode === 'projection' && values['allow-projections'] && values.projection === undefined) {
          const loaded = await loadProjections(storePath, { allowCodeExecution: true });
          for (const problem of loaded.problems) io.stderr(`${problem.file}: ${problem.message}\n`);
          return rebuildFromEvents(backend, aggregateId, { ...options, projection: findProjection(loaded, fold.projection ?? '') });
        }
        if (values['allow-projections']) {
          const loaded = await loadProjections(storePath, { allowCodeExecution: true });
          for (const problem of loaded.problems) io.stderr(`${terminalSafe(`${problem.file}: ${problem.message}`)}\n`);
          if (values.projection !== undefined) return rebuildFromEvents(backend, aggregateId, { ...options, projection: findProjection(loaded, values.projection) });
          if (loaded.projections.length === 1) return rebuildFromEvents(backend, aggregateId, { ...options, projection: loaded.projections[0] });
          if (loaded.projections.length > 1) {
            throw new UsageError(`the store has ${loaded.projections.length} projections (${loaded.projections.map((p) => p.name).join(', ')}); choose one with --projection NAME`);
          }
        }
        return rebuildFromEvents(backend, aggregateId, options);
      },
      { upcast: true },
    );
    // Flagged, not silently rounded: the finding (EB026, as validate names the events) and a note beside the state.
    const unsafe = stateNumberFinding(aggregateId, result.state);
    if (unsafe) io.stderr(`${terminalSafe(formatStateNumberFinding(unsafe))}\n${describeUnsafeNumbers(unsafe.paths)}\n`);
    if (values.json) {
      printJson(io, result.state);
      return EXIT_OK;
    }
    const from = result.fromSnapshot ? `snapshot ${result.fromSnapshot.file} + ` : '';
    printLine(io, `${terminalSafe(aggregateId)} at sequence ${result.lastSequence} (${from}${result.eventsApplied} events)`);
    for (const skipped of result.skippedSnapshots) io.stderr(`skipped ${terminalSafe(`${skipped.ref.file}: ${skipped.reason}`)}\n`);
    printLine(io, JSON.stringify(result.state, null, 2));
    return EXIT_OK;
  },
};
