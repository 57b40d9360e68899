import { COMMON_OPTIONS, FILTER_OPTIONS, integerOption, JSON_OPTION, parseCommandArgs } from '../args';
import type { Command } from '../command';
import { filterOfOptions, FILTER_USAGE } from '../eventFilters';
import { EXIT_OK, LineWriter, printLine } from '../output';
import { resolveStorePath, withStore } from '../storeAccess';
import { jsonTerminalSafe } from '../format/terminalText';
import { selectMatchingOrdinals } from '../../engine/query';
import { WHERE_USAGE, whereOption, withWhere } from '../whereOption';

const usage = `Usage: eventbus events [--store DIR] [filters] [--limit N]

Prints the matching events as JSON Lines (each line as stored), in
store order, or in sequence order for one aggregate.

  --store DIR       the event store (default ./event_store)
${FILTER_USAGE}
${WHERE_USAGE}
  --limit N         at most N events
  --json            accepted for symmetry: the output is JSON Lines either way`;

export const eventsCommand: Command = {
  name: 'events',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...COMMON_OPTIONS, ...JSON_OPTION, ...FILTER_OPTIONS, limit: { type: 'string' }, where: { type: 'string' } });
    if (values.help) {
      printLine(io, usage);
      return EXIT_OK;
    }
    const filter = filterOfOptions(values);
    const limit = integerOption('limit', values.limit, 1);
    const where = whereOption(io, values.where);
    const storePath = await resolveStorePath(io, values.store);
    await withStore(io, storePath, async ({ engine }) => {
      const out = new LineWriter(io);
      // The stored lines themselves: numbers keep their text (`1.0`, every digit).
      for await (const ordinal of selectMatchingOrdinals(engine, withWhere(filter, where), limit)) await out.line(jsonTerminalSafe((await engine.readLine(ordinal)).replace(/\r$/, '')));
      await out.flush();
    });
    return EXIT_OK;
  },
};
