import { formatTimestamp } from '../../engine/model/timestamp';
import type { EventIndexView } from '../../engine/model/indexTypes';
import { describePendingWork, pendingWorkOf } from '../../engine/store/pendingWork';
import { COMMON_OPTIONS, JSON_OPTION, parseCommandArgs } from '../args';
import type { Command } from '../command';
import { EXIT_OK, printJson, printLine } from '../output';
import { resolveStorePath, withStore } from '../storeAccess';
import { terminalSafe } from '../format/terminalText';

const usage = `Usage: eventbus stats [--store DIR] [--json]

Counts of the store, from its index: events, lines that are not events,
files, aggregates, correlations, events per type, sequence mode and the
time range.

  --store DIR   the event store (default ./event_store)
  --json        one JSON object on stdout`;

/** What `stats --json` prints; the keys are part of the CLI's contract. */
export interface StoreStats {
  readonly events: number;
  readonly invalid_lines: number;
  readonly files: number;
  readonly bytes: number;
  readonly aggregates: number;
  readonly correlations: number;
  readonly event_types: Record<string, number>;
  readonly sequence_mode: 'global' | 'aggregate';
  readonly first_timestamp: string | null;
  readonly last_timestamp: string | null;
  /** Multi-file work a killed writer left (its journal), each as one line for a person. */
  readonly interrupted_work: string[];
  /** Files in events/ that are not day files, so not read (`events/notes.jsonl`). */
  readonly ignored_files: string[];
}

function isoOrNull(ms: number): string | null {
  return Number.isFinite(ms) ? formatTimestamp(ms) : null;
}

export function storeStats(index: EventIndexView, storeRoot: string): StoreStats {
  const types = [...index.eventTypeCounts().entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    events: index.eventCount,
    invalid_lines: index.problems.filter((p) => p.kind !== 'not-a-day-file').length,
    files: index.files.length,
    bytes: index.files.reduce((sum, file) => sum + file.size, 0),
    aggregates: index.aggregateCount(),
    correlations: index.correlationCount(),
    event_types: Object.fromEntries(types),
    sequence_mode: index.sequenceMode,
    first_timestamp: isoOrNull(index.firstTimestamp()),
    last_timestamp: isoOrNull(index.lastTimestamp()),
    interrupted_work: pendingWorkOf(storeRoot).map(describePendingWork),
    ignored_files: index.problems.filter((p) => p.kind === 'not-a-day-file').map((p) => p.file),
  };
}

function printText(print: (line: string) => void, stats: StoreStats): void {
  print(`events          ${stats.events}`);
  print(`invalid lines   ${stats.invalid_lines}`);
  print(`files           ${stats.files} (${(stats.bytes / 1024 / 1024).toFixed(1)} MiB)`);
  print(`aggregates      ${stats.aggregates}`);
  print(`correlations    ${stats.correlations}`);
  print(`sequence mode   ${stats.sequence_mode}`);
  print(`first event     ${stats.first_timestamp ?? '-'}`);
  print(`last event      ${stats.last_timestamp ?? '-'}`);
  for (const work of stats.interrupted_work) print(`interrupted     ${terminalSafe(work)}`);
  for (const file of stats.ignored_files) print(`warning         ${terminalSafe(file)}: not a day file (expected events_YYYY-MM-DD.jsonl[.gz]); not read`);
  print('event types');
  const types = Object.entries(stats.event_types).map(([type, count]) => [terminalSafe(type), count] as const);
  const width = Math.max(0, ...types.map(([type]) => type.length));
  for (const [type, count] of types) print(`  ${type.padEnd(width)}  ${count}`);
}

export const statsCommand: Command = {
  name: 'stats',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...COMMON_OPTIONS, ...JSON_OPTION });
    if (values.help) {
      printLine(io, usage);
      return EXIT_OK;
    }
    const storePath = await resolveStorePath(io, values.store);
    const stats = await withStore(io, storePath, async ({ engine }) => storeStats(engine.index, engine.root));
    if (values.json) printJson(io, stats);
    else printText((line) => printLine(io, line), stats);
    return EXIT_OK;
  },
};
