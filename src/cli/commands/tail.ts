import { serializeEvent } from '../../engine/model/event';
import { COMMON_OPTIONS, FILTER_OPTIONS, integerOption, JSON_OPTION, parseCommandArgs } from '../args';
import type { Command } from '../command';
import { filterOfOptions, FILTER_USAGE } from '../eventFilters';
import type { StoreEngine } from '../../engine/storeEngineTypes';
import { type EventFilter, hasLookup, type OrdinalTest, ordinalTestOf, selectOrdinals } from '../../engine/query';
import { EXIT_OK, LineWriter, printLine } from '../output';
import { openForCli, resolveStorePath } from '../storeAccess';
import { jsonTerminalSafe, terminalSafe } from '../format/terminalText';

const usage = `Usage: eventbus tail [--follow] [--lines N] [filters] [--store DIR]

Prints the last N matching events as JSON Lines; with --follow keeps
printing events as they are appended (including when the bus moves on to a
new day's file) until interrupted.

  --follow, -f      keep following appends
  --lines N, -n N   how many existing events to print first (default 10)
${FILTER_USAGE}
  --store DIR       the event store (default ./event_store)
  --json            accepted for symmetry: the output is JSON Lines either way`;

export const tailCommand: Command = {
  name: 'tail',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      ...COMMON_OPTIONS,
      ...JSON_OPTION,
      ...FILTER_OPTIONS,
      follow: { type: 'boolean', short: 'f' },
      lines: { type: 'string', short: 'n' },
    });
    if (values.help) {
      printLine(io, usage);
      return EXIT_OK;
    }
    const lines = integerOption('lines', values.lines) ?? 10;
    const filter = filterOfOptions(values);
    const storePath = await resolveStorePath(io, values.store);
    const { backend, engine } = await openForCli(io, storePath);
    try {
      const out = new LineWriter(io);
      const print = async (ordinals: Iterable<number>): Promise<void> => {
        for (const ordinal of ordinals) await out.line(jsonTerminalSafe(serializeEvent(await engine.readEvent(ordinal))));
        await out.flush();
      };
      await print(lines === 0 ? [] : lastMatching(engine, filter, lines));
      if (!values.follow) return EXIT_OK;

      // Ordinals grow with appends (files in day order, then line), so "new"
      // means at or past the count we had: only those are looked at, one by
      // one, never the whole store again.
      let seen = engine.index.eventCount;
      let printing = Promise.resolve();
      const stop = engine.watch((delta) => {
        printing = printing.then(async () => {
          if (delta.rebuiltFiles.length > 0) io.stderr(`re-indexed ${terminalSafe(delta.rebuiltFiles.join(', '))} (changed or shrunk)\n`);
          for (const problem of delta.newProblems) io.stderr(`${terminalSafe(problem.file)}:${problem.line}: ${terminalSafe(problem.message)}\n`);
          const from = seen;
          seen = engine.index.eventCount;
          await print(matchingBetween(ordinalTestOf(engine.index, filter), from, seen));
        });
      });
      await io.interrupted;
      await stop();
      await printing;
      return EXIT_OK;
    } finally {
      await backend.close();
    }
  },
};

/**
 * The last `count` matching events: from a lookup's group when the filter
 * names one, else by walking back from the store's end, so a tail of a
 * million events looks at the events it prints, not at all of them.
 */
function lastMatching(engine: StoreEngine, filter: EventFilter, count: number): number[] {
  if (hasLookup(filter)) return selectOrdinals(engine.index, filter).slice(-count);
  const test = ordinalTestOf(engine.index, filter);
  const found: number[] = [];
  for (let ordinal = engine.index.eventCount - 1; ordinal >= 0 && found.length < count; ordinal--) {
    if (!test || test(ordinal)) found.push(ordinal);
  }
  return found.reverse();
}

/** Matching ordinals in [from, to), in store order; the test is made after the index grew to `to` (its masks cover only the ordinals it saw). */
function* matchingBetween(test: OrdinalTest | null, from: number, to: number): Generator<number> {
  for (let ordinal = from; ordinal < to; ordinal++) if (!test || test(ordinal)) yield ordinal;
}
