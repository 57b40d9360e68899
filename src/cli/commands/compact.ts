import { parseTimestamp } from '../../engine/model/timestamp';
import { EventFileAppender } from '../../engine/store/eventFileAppender';
import { WriterLockedError } from '../../engine/store/writeLock';
import { COMMON_OPTIONS, JSON_OPTION, parseCommandArgs } from '../args';
import type { Command } from '../command';
import { CliFailure, EXIT_OK, EXIT_PROBLEMS, oneLine, printJson, printLine, UsageError } from '../output';
import { loadCliConfig, requireStoreFolder, resolveStorePath } from '../storeAccess';

const usage = `Usage: eventbus compact [--now TIME] [--store DIR] [--json]

Gzips every closed day: each events_<day>.jsonl before today (UTC) becomes
events_<day>.jsonl.gz (lines added as a new gzip member when the .gz
exists), as the bus does when the day changes and compression_enabled is
on. Today's file is never touched. Crash-safe (the .gz is complete before
the plain file goes) and done under the store's writer lock: it refuses
while a bus is writing.

  --now TIME    what "today" is (ISO 8601; naive means UTC); default now
  --store DIR   the event store (default ./event_store)
  --json        the days and what happened to each, as JSON`;

export const compactCommand: Command = {
  name: 'compact',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...COMMON_OPTIONS, ...JSON_OPTION, now: { type: 'string' } });
    if (values.help) {
      printLine(io, usage);
      return EXIT_OK;
    }
    const storePath = await resolveStorePath(io, values.store);
    requireStoreFolder(storePath);
    const { config } = await loadCliConfig(io, storePath);
    if (!config.compression_enabled) {
      printLine(io, 'compression_enabled is false in eventbus.config.json: nothing compressed');
      return EXIT_OK;
    }
    const now = values.now === undefined ? Date.now() : parseTimestamp(values.now);
    if (Number.isNaN(now)) throw new UsageError(`--now expects an ISO 8601 time (2024-01-22T12:00:00), got "${values.now}"`);
    let appender: EventFileAppender;
    try {
      appender = await EventFileAppender.open(storePath, { clock: () => now });
    } catch (error) {
      if (error instanceof WriterLockedError) throw new CliFailure(`nothing compressed: ${oneLine(error.message)}`, EXIT_PROBLEMS);
      throw error;
    }
    let results: Awaited<ReturnType<EventFileAppender['compressClosedDays']>>;
    try {
      results = await appender.compressClosedDays();
    } finally {
      await appender.close();
    }
    results = [...results].sort((a, b) => (a.day < b.day ? -1 : 1));
    if (values.json) printJson(io, results);
    else {
      for (const r of results) printLine(io, `${r.day}  ${r.outcome}  ${r.plainBytes} B -> ${r.gzipBytes} B`);
      printLine(io, `${results.filter((r) => r.outcome === 'compressed' || r.outcome === 'appended-member').length} day(s) compressed`);
    }
    return EXIT_OK;
  },
};
