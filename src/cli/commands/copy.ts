import * as path from 'node:path';
import { copyEvents, verifyCopy, type CopySummary, type VerifyReport } from '../../engine/backends/copyEvents';
import { openCopySource, type CopySource } from '../../engine/backends/copySource';
import { openCopyTarget, type CopyTarget } from '../../engine/backends/copyTarget';
import { parseStoreLocation } from '../../engine/backends/storeLocation';
import { integerOption, JSON_OPTION, parseCommandArgs, required } from '../args';
import { requireStoreFolder } from '../storeAccess';
import type { Command } from '../command';
import { CliFailure, EXIT_OK, EXIT_PROBLEMS, oneLine, printJson, printLine, progressReporter, UsageError } from '../output';

const usage = `Usage: eventbus copy --from SRC --to URL [--verify] [--no-copy] [--batch N] [--json]

Copies every event of a store into PostgreSQL or NATS JetStream, streaming,
in store order, each line exactly as written (number text and key order
kept). The copy is idempotent by event id: run it again after an
interruption and it copies only what is missing. The target's tables (or
stream and snapshot bucket) are created when missing (the layouts: see
README); the source is only read.

  --from SRC     a store folder, postgres://… or nats://…
  --to URL       postgres://USER@HOST:PORT/DB[?schema=S] (the password from
                 PGPASSWORD or ~/.pgpass, or in the URL: it is never printed)
                 or nats://HOST:PORT[?stream=S&prefix=P] (default stream EVENTS)
  --verify       after copying (or alone, with --no-copy), compare both sides
                 event by event: every event present with the identical line
  --no-copy      only verify
  --batch N      events per insert (default 1000)
  --json         the summary as JSON

Exit 0: copied (and verified); 1: events refused by the target (another
event holds the same aggregate and sequence) or differences found; 2: usage,
connection or I/O error.`;

export const copyCommand: Command = {
  name: 'copy',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      ...JSON_OPTION,
      help: { type: 'boolean', short: 'h' },
      from: { type: 'string' },
      to: { type: 'string' },
      verify: { type: 'boolean' },
      'no-copy': { type: 'boolean' },
      batch: { type: 'string' },
    });
    if (values.help) {
      printLine(io, usage);
      return EXIT_OK;
    }
    const from = required('from', values.from);
    const to = parseLocation(required('to', values.to));
    if (to.kind === 'folder') throw new UsageError(`--to must be a postgres:// or nats:// URL for now (got the folder ${to.path})`);
    const batchSize = integerOption('batch', values.batch, 1) ?? 1_000;
    const fromLocation = parseLocation(from);
    const fromText = fromLocation.kind === 'folder' ? path.resolve(io.cwd, fromLocation.path) : from;
    // A folder that is no store is refused before anything is read or written (exit 2), as every command does.
    if (fromLocation.kind === 'folder') requireStoreFolder(fromText);

    let source: CopySource | undefined;
    let target: CopyTarget | undefined;
    try {
      source = await openCopySource(fromText);
      target = await openCopyTarget(to.url, { create: !values['no-copy'] });
      let summary: CopySummary | undefined;
      if (!values['no-copy']) {
        const progress = progressReporter(io, `copying ${source.total} events`);
        summary = await copyEvents(source, target, { batchSize, onProgress: (p) => progress.update(p.read, p.total) });
        progress.done();
      }
      const report = values.verify || values['no-copy'] ? await verifyCopy(source, target, batchSize) : undefined;
      if (values.json) printJson(io, { from: source.description, to: target.description, copy: summary && jsonOfSummary(summary), verify: report });
      else printSummary(io, source.description, target.description, summary, report);
      const refused = (summary?.conflictCount ?? 0) > 0;
      const differs = report !== undefined && (report.differenceCount > 0 || report.extraInTarget > 0);
      return refused || differs ? EXIT_PROBLEMS : EXIT_OK;
    } catch (error) {
      if (error instanceof UsageError || error instanceof CliFailure) throw error;
      throw new CliFailure(oneLine((error as Error).message));
    } finally {
      await source?.close().catch(() => {});
      await target?.close().catch(() => {});
    }
  },
};

function parseLocation(text: string) {
  try {
    return parseStoreLocation(text);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function jsonOfSummary(summary: CopySummary) {
  return {
    read: summary.read,
    inserted: summary.inserted,
    already_there: summary.alreadyThere,
    refused: summary.conflictCount,
    refused_first: summary.conflicts.map((c) => ({ event_id: c.event.metadata.event_id, aggregate_id: c.event.metadata.aggregate_id, sequence_number: c.event.metadata.sequence_number })),
    not_events: summary.notEvents,
  };
}

function printSummary(io: Parameters<Command['run']>[1], from: string, to: string, summary: CopySummary | undefined, report: VerifyReport | undefined): void {
  printLine(io, `from ${JSON.stringify(from)} to ${JSON.stringify(to)}`);
  if (summary) {
    printLine(io, `copied ${summary.inserted} events of ${summary.read} read; ${summary.alreadyThere} were already there (same event id: a resumed copy, or an id the source holds twice)`);
    if (summary.notEvents > 0) printLine(io, `left out ${summary.notEvents} lines that are not events (eventbus validate names them)`);
    if (summary.conflictCount > 0) {
      printLine(io, `refused ${summary.conflictCount} events: another event holds the same aggregate and sequence`);
      for (const c of summary.conflicts) printLine(io, `  ${JSON.stringify(c.event.metadata.event_id)} ${JSON.stringify(c.event.metadata.aggregate_id)} #${c.event.metadata.sequence_number}`);
    }
  }
  if (report) {
    if (report.differenceCount === 0 && report.extraInTarget === 0) printLine(io, `verified: all ${report.compared} events are in the target with identical lines`);
    else {
      printLine(io, `verify: ${report.differenceCount} of ${report.compared} events missing or different; ${report.extraInTarget} events in the target are not in the source`);
      for (const d of report.differences) printLine(io, `  ${d.problem} ${JSON.stringify(d.eventId)}`);
    }
  }
}
