import { validateStore } from '../../engine/validate/validateStore';
import { choiceOption, COMMON_OPTIONS, parseCommandArgs } from '../args';
import type { Command } from '../command';
import { FINDING_FORMATS, formatFindings } from '../format/formatFindings';
import { summarizeFindings } from '../format/findingsText';
import { SEVERITIES } from '../../engine/validate/finding';
import { EXIT_OK, EXIT_PROBLEMS, printLine, progressReporter } from '../output';
import { loadCliConfig, resolveStorePath, withStore } from '../storeAccess';

const usage = `Usage: eventbus validate [--store DIR] [--format text|json|sarif|junit] [--min-severity S]

Checks every line of every event file (JSON, envelope, schemas, versions)
and the store as a whole (duplicates, sequence gaps, broken causation).
Exits 1 when any finding is an error.

  --store DIR        the event store (default ./event_store)
  --format F         text (default), json (an array of {file, line, column,
                     severity, code, message}), sarif or junit
  --json             same as --format json
  --min-severity S   error, warning, information or hint: findings below it
                     are left out (default: warning for text, which ends with
                     a count of every severity; hint, i.e. all, otherwise)`;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check every event against JSON, the envelope and the schemas',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...COMMON_OPTIONS, format: { type: 'string' }, json: { type: 'boolean' }, 'min-severity': { type: 'string' } });
    if (values.help) {
      printLine(io, usage);
      return EXIT_OK;
    }
    const format = choiceOption('format', values.format, FINDING_FORMATS) ?? (values.json ? 'json' : 'text');
    // A person reading text wants the problems, not thousands of "upcast on read" notes; tools get everything.
    const minSeverity = choiceOption('min-severity', values['min-severity'], SEVERITIES) ?? (format === 'text' ? 'warning' : 'hint');
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
    const shown = report.findings.filter((finding) => SEVERITIES.indexOf(finding.severity) <= SEVERITIES.indexOf(minSeverity));
    const text = formatFindings(shown, format, { storeRoot: storePath, files });
    if (text.length > 0) io.stdout(text.endsWith('\n') ? text : `${text}\n`);
    if (format === 'text') {
      const hidden = report.findings.length - shown.length;
      printLine(io, `${summarizeFindings(report.findings)} in ${report.eventLines.toLocaleString('en')} lines of ${report.files} file(s)${hidden > 0 ? ` (${hidden} below ${minSeverity} not shown; --min-severity hint shows all)` : ''}`);
    }
    return report.findings.some((finding) => finding.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
  },
};
