import { buildCausationTree } from '../../engine/correlation/causationTree';
import { causationTreeLines } from '../../engine/correlation/renderCausationTree';
import { COMMON_OPTIONS, JSON_OPTION, parseCommandArgs } from '../args';
import type { Command } from '../command';
import { CliFailure, EXIT_OK, EXIT_PROBLEMS, LineWriter, printLine, UsageError } from '../output';
import { causationTreeJsonLines } from '../format/causationTreeJson';
import { resolveStorePath, withStore } from '../storeAccess';
import { jsonTerminalSafe, terminalSafe } from '../format/terminalText';

const usage = `Usage: eventbus correlation ID [--store DIR] [--json]

The causation tree of one correlation, across aggregates: each event under
the event its causation_id names, with the time from cause to effect.

  --store DIR   the event store (default ./event_store)
  --json        the tree as JSON`;

export const correlationCommand: Command = {
  name: 'correlation',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { ...COMMON_OPTIONS, ...JSON_OPTION }, true);
    if (values.help) {
      printLine(io, usage);
      return EXIT_OK;
    }
    if (positionals.length !== 1) throw new UsageError('expected one correlation id: eventbus correlation ID');
    const correlationId = positionals[0];
    const storePath = await resolveStorePath(io, values.store);
    const forest = await withStore(io, storePath, async ({ engine }) => {
      const events = engine.select({ correlationId });
      if (events.length === 0) throw new CliFailure(`no events with correlation_id ${correlationId} in ${storePath}`, EXIT_PROBLEMS);
      return buildCausationTree(events);
    });
    // Streamed line by line: a 100,000-event causation chain is neither one string nor a recursion.
    const out = new LineWriter(io);
    if (values.json) {
      const head = {
        correlation_id: correlationId,
        event_count: forest.eventCount,
        aggregates: forest.aggregates,
        duration_ms: forest.durationMs,
        broken_links: forest.brokenLinks,
        cycles: forest.cycles,
        duplicate_ids: forest.duplicateIds,
      };
      for (const line of causationTreeJsonLines(head, forest)) await out.line(jsonTerminalSafe(line));
    } else {
      for (const line of causationTreeLines(forest, terminalSafe)) await out.line(line);
    }
    await out.flush();
    return EXIT_OK;
  },
};
