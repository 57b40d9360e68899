import { serializeEvent } from '../../engine/model/event';
import { COMMON_OPTIONS, FILTER_OPTIONS, integerOption, JSON_OPTION, parseCommandArgs } from '../args';
import type { Command } from '../command';
import { filterQuery, FILTER_USAGE } from '../eventFilters';
import { EXIT_OK, printLine } from '../output';
import { openForCli, resolveStorePath } from '../storeAccess';
import { terminalSafe } from '../format/terminalText';
import { jsonTerminalSafe } from '../format/terminalText';

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
  summary: 'the last events, and new ones as they arrive (--follow)',
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
    const query = filterQuery(values);
    const storePath = await resolveStorePath(io, values.store);
    const { engine } = await openForCli(io, storePath);
    try {
      const print = async (ordinals: readonly number[]): Promise<void> => {
        let out = '';
        for (const ordinal of ordinals) out += `${jsonTerminalSafe(serializeEvent(await engine.readEvent(ordinal)))}\n`;
        if (out.length > 0) io.stdout(out);
      };
      const matching = engine.select(query).map((entry) => entry.ordinal);
      await print(lines === 0 ? [] : matching.slice(-lines));
      if (!values.follow) return EXIT_OK;

      // Ordinals grow with appends (files in day order, then line), so
      // "new" means at or past the count we had.
      let seen = engine.index.eventCount;
      let printing = Promise.resolve();
      const stop = engine.watch((delta) => {
        printing = printing.then(async () => {
          if (delta.rebuiltFiles.length > 0) io.stderr(`re-indexed ${terminalSafe(delta.rebuiltFiles.join(', '))} (changed or shrunk)\n`);
          for (const problem of delta.newProblems) io.stderr(`${terminalSafe(problem.file)}:${problem.line}: ${terminalSafe(problem.message)}\n`);
          const fresh = engine.select(query).map((entry) => entry.ordinal).filter((ordinal) => ordinal >= seen);
          seen = engine.index.eventCount;
          await print(fresh);
        });
      });
      await io.interrupted;
      await stop();
      await printing;
      return EXIT_OK;
    } finally {
      await engine.close();
    }
  },
};
