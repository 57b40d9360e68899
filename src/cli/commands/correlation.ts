import { buildCausationTree, type CausationNode } from '../../engine/correlation/causationTree';
import { renderCausationTree } from '../../engine/correlation/renderCausationTree';
import type { IndexedEvent } from '../../engine/index/indexTypes';
import { formatTimestamp } from '../../engine/model/timestamp';
import { COMMON_OPTIONS, JSON_OPTION, parseCommandArgs } from '../args';
import type { Command } from '../command';
import { CliFailure, EXIT_OK, EXIT_PROBLEMS, printJson, printLine, UsageError } from '../output';
import { resolveStorePath, withStore } from '../storeAccess';
import { terminalSafe } from '../format/terminalText';

const usage = `Usage: eventbus correlation ID [--store DIR] [--json]

The causation tree of one correlation, across aggregates: each event under
the event its causation_id names, with the time from cause to effect.

  --store DIR   the event store (default ./event_store)
  --json        the tree as JSON`;

interface JsonNode {
  readonly event_id: string;
  readonly event_type: string;
  readonly aggregate_id: string | null;
  readonly sequence_number: number | null;
  readonly timestamp: string | null;
  readonly file: string;
  readonly line: number;
  readonly since_cause_ms: number | null;
  readonly broken_cause?: true;
  readonly cycle?: true;
  readonly duplicate_id?: true;
  readonly children: JsonNode[];
}

function toJson(node: CausationNode<IndexedEvent>): JsonNode {
  const e = node.event;
  return {
    event_id: e.eventId,
    event_type: e.eventType,
    aggregate_id: e.aggregateId,
    sequence_number: Number.isNaN(e.sequenceNumber) ? null : e.sequenceNumber,
    timestamp: Number.isFinite(e.timestampMs) ? formatTimestamp(e.timestampMs) : null,
    file: e.file,
    line: e.line,
    since_cause_ms: node.sinceCauseMs,
    ...(node.brokenCause ? { broken_cause: true as const } : {}),
    ...(node.cycle ? { cycle: true as const } : {}),
    ...(node.duplicateId ? { duplicate_id: true as const } : {}),
    children: node.children.map(toJson),
  };
}

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
    if (values.json) {
      printJson(io, {
        correlation_id: correlationId,
        event_count: forest.eventCount,
        aggregates: forest.aggregates,
        duration_ms: forest.durationMs,
        broken_links: forest.brokenLinks,
        cycles: forest.cycles,
        duplicate_ids: forest.duplicateIds,
        roots: forest.roots.map(toJson),
      });
    } else {
      printLine(io, renderCausationTree(forest, terminalSafe));
    }
    return EXIT_OK;
  },
};
