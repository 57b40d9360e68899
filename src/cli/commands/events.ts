import { COMMON_OPTIONS, FILTER_OPTIONS, integerOption, JSON_OPTION, parseCommandArgs } from '../args';
import type { Command } from '../command';
import { filterQuery, FILTER_USAGE } from '../eventFilters';
import { EXIT_OK, printLine } from '../output';
import { resolveStorePath, withStore } from '../storeAccess';

const usage = `Usage: eventbus events [--store DIR] [filters] [--limit N]

Prints the matching events as JSON Lines (each line as stored), in
store order, or in sequence order for one aggregate.

  --store DIR       the event store (default ./event_store)
${FILTER_USAGE}
  --limit N         at most N events
  --json            accepted for symmetry: the output is JSON Lines either way`;

export const eventsCommand: Command = {
  name: 'events',
  summary: 'matching events as JSON Lines',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...COMMON_OPTIONS, ...JSON_OPTION, ...FILTER_OPTIONS, limit: { type: 'string' } });
    if (values.help) {
      printLine(io, usage);
      return EXIT_OK;
    }
    const query = filterQuery(values, integerOption('limit', values.limit, 1));
    const storePath = await resolveStorePath(io, values.store);
    await withStore(io, storePath, async ({ engine }) => {
      let batch = '';
      // The stored lines themselves: numbers keep their text (`1.0`, every digit).
      for (const entry of engine.select(query)) {
        batch += `${(await engine.readLine(entry.ordinal)).replace(/\r$/, '')}\n`;
        if (batch.length > 1 << 20) {
          io.stdout(batch);
          batch = '';
        }
      }
      if (batch.length > 0) io.stdout(batch);
    });
    return EXIT_OK;
  },
};
