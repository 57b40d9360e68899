import { OutDirHoldsStoreError } from '../../engine/generate/prepareOutDir';
import { generateStoreSync } from '../../engine/generate/generateStore';
import type { GenerateSummary } from '../../engine/generate/generatorTypes';
import { choiceOption, integerOption, JSON_OPTION, parseCommandArgs, required } from '../args';
import type { Command } from '../command';
import { CliFailure, EXIT_OK, oneLine, printJson, printLine } from '../output';
import * as path from 'node:path';

const usage = `Usage: eventbus generate --events N --out DIR [--seed S] [--days D]
                         [--with-errors] [--python-style]
                         [--sequence-mode global|aggregate] [--force] [--json]

Writes a deterministic, realistic store (the guide's 14 event types, skewed
aggregates, correlation chains of 2-6 events, snapshots, schemas and a
migration): same seed and options, byte-identical files.

  --events N          well-formed events to write
  --out DIR           the store folder to create (--store works too)
  --seed S            number or text (default 1)
  --days D            consecutive UTC days (default ceil(N / 20000), at most 30)
  --with-errors       add a handful of faults of every kind (schema violations,
                      invalid JSON, NaN, duplicate id, bad timestamp, unknown
                      causation, torn last line, a drifted snapshot)
  --python-style      write as Python's json.dumps does (spacing, \\u escapes,
                      naive microsecond timestamps)
  --sequence-mode M   global (one bus-wide counter, default) or aggregate
  --force             replace the events/, snapshots/ and schemas/ of an existing store
  --json              the summary as JSON`;

function describe(summary: GenerateSummary, seconds: number): string {
  const mb = (summary.bytes / 1024 / 1024).toFixed(1);
  const faults = summary.faults.length > 0 ? `, ${summary.faults.length} injected faults` : '';
  return (
    `wrote ${summary.events} events in ${summary.files.length} files (${mb} MiB), ${summary.aggregates} aggregates, ` +
    `${summary.correlations} correlations, ${summary.snapshots.length} snapshots${faults} to ${summary.outDir} in ${seconds.toFixed(1)} s`
  );
}

export const generateCommand: Command = {
  name: 'generate',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      ...JSON_OPTION,
      help: { type: 'boolean', short: 'h' },
      events: { type: 'string' },
      out: { type: 'string' },
      store: { type: 'string' },
      seed: { type: 'string' },
      days: { type: 'string' },
      'with-errors': { type: 'boolean' },
      'python-style': { type: 'boolean' },
      'sequence-mode': { type: 'string' },
      force: { type: 'boolean' },
    });
    if (values.help) {
      printLine(io, usage);
      return EXIT_OK;
    }
    const events = required('events', integerOption('events', values.events, 1));
    const outDir = path.resolve(io.cwd, required('out', values.out ?? values.store));
    const started = performance.now();
    let summary: GenerateSummary;
    try {
      summary = generateStoreSync({
        events,
        outDir,
        seed: values.seed ?? 1,
        days: integerOption('days', values.days, 1),
        withErrors: values['with-errors'] === true,
        pythonStyle: values['python-style'] === true,
        sequenceMode: choiceOption('sequence-mode', values['sequence-mode'], ['global', 'aggregate'] as const),
        force: values.force === true,
      });
    } catch (error) {
      if (error instanceof OutDirHoldsStoreError) {
        throw new CliFailure(oneLine(`${error.outDir}: already holds a store (${error.existing.join(', ')}); choose an empty folder or pass --force to replace it`));
      }
      throw new CliFailure(oneLine((error as Error).message));
    }
    if (values.json) printJson(io, summary);
    else printLine(io, describe(summary, (performance.now() - started) / 1000));
    return EXIT_OK;
  },
};
