import { validateStore } from '../../engine/validate/validateStore';
import { choiceOption, COMMON_OPTIONS, parseCommandArgs } from '../args';
import type { Command } from '../command';
import { FINDING_FORMATS, formatFindings } from '../format/formatFindings';
import { EXIT_OK, EXIT_PROBLEMS, printLine, progressReporter } from '../output';
import { loadCliConfig, resolveStorePath, withStore } from '../storeAccess';

const usage = `Usage: eventbus validate [--store DIR] [--format text|json|sarif|junit]

Checks every line of every event file (JSON, envelope, schemas, versions)
and the store as a whole (duplicates, sequence gaps, broken causation).
Exits 1 when any finding is an error.

  --store DIR     the event store (default ./event_store)
  --format F      text (default), json (an array of {file, line, column,
                  severity, code, message}), sarif or junit
  --json          same as --format json`;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check every event against JSON, the envelope and the schemas',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...COMMON_OPTIONS, format: { type: 'string' }, json: { type: 'boolean' } });
    if (values.help) {
      printLine(io, usage);
      return EXIT_OK;
    }
    const format = choiceOption('format', values.format, FINDING_FORMATS) ?? (values.json ? 'json' : 'text');
    const storePath = await resolveStorePath(io, values.store);
    const { config } = await loadCliConfig(io);
    const progress = progressReporter(io, 'validating');
    const { report, files } = await withStore(io, storePath, async ({ engine, registry }) => {
      try {
        const result = await validateStore(engine, { config, registry, onProgress: progress.update });
        return { report: result, files: engine.index.files.map((file) => file.file) };
      } finally {
        progress.done();
      }
    });
    const text = formatFindings(report.findings, format, { storeRoot: storePath, files });
    if (text.length > 0) io.stdout(text.endsWith('\n') ? text : `${text}\n`);
    return report.findings.some((finding) => finding.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
  },
};
