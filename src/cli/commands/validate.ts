import { validateStore } from '../../engine/validate/validateStore';
import { choiceOption, COMMON_OPTIONS, parseCommandArgs } from '../args';
import type { Command } from '../command';
import type { FindingWriter } from '../format/findingWriter';
import { FINDING_FORMATS, findingWriter } from '../format/formatFindings';
import { summarizeCounts } from '../format/findingsText';
import { SEVERITIES } from '../../engine/validate/severity';
import { EXIT_OK, EXIT_PROBLEMS, printLine, progressReporter } from '../output';
import { loadCliConfig, loadStoreSchemas, resolveStorePath, withStore } from '../storeAccess';

const usage = `Usage: eventbus validate [--store DIR] [--format text|json|sarif|junit] [--min-severity S] [--all]

Checks every line of every event file (JSON, envelope, schemas, versions)
and the store as a whole (duplicates, sequence gaps, broken causation).
Findings are written as they are found. A cause that repeats per event (an
event type or status outside the known ones, an older schema version, a
timestamp going back) is one finding with its count and first places.
Exits 1 when any finding is an error.

  --store DIR        the event store (default ./event_store)
  --format F         text (default), json (an array of {file, line, column,
                     severity, code, message}), sarif or junit
  --json             same as --format json
  --min-severity S   error, warning, information or hint: findings below it
                     are left out (default: warning for text, which ends with
                     a count of every severity; hint, i.e. all, otherwise)
  --all              every event of a repeated cause its own finding`;

export const validateCommand: Command = {
  name: 'validate',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { ...COMMON_OPTIONS, format: { type: 'string' }, json: { type: 'boolean' }, 'min-severity': { type: 'string' }, all: { type: 'boolean' } });
    if (values.help) {
      printLine(io, usage);
      return EXIT_OK;
    }
    const format = choiceOption('format', values.format, FINDING_FORMATS) ?? (values.json ? 'json' : 'text');
    // A person reading text wants the problems, not thousands of "upcast on read" notes; tools get everything.
    const minSeverity = choiceOption('min-severity', values['min-severity'], SEVERITIES) ?? (format === 'text' ? 'warning' : 'hint');
    const storePath = await resolveStorePath(io, values.store);
    const { config } = await loadCliConfig(io, storePath);
    const progress = progressReporter(io, 'validating');
    const minRank = SEVERITIES.indexOf(minSeverity);
    let writer: FindingWriter | undefined;
    const { report } = await withStore(io, storePath, async ({ engine }) => {
      const registry = await loadStoreSchemas(engine.root);
      writer = findingWriter(format, io.stdout, { storeRoot: storePath, files: engine.index.files.map((file) => file.file) });
      const out = writer;
      try {
        const result = await validateStore(engine, {
          config,
          registry,
          onProgress: progress.update,
          repeats: values.all ? 'each' : 'per-store',
          onFindings: (findings) => {
            progress.clear();
            out.write(findings.filter((finding) => SEVERITIES.indexOf(finding.severity) <= minRank));
          },
        });
        return { report: result };
      } finally {
        progress.done();
      }
    });
    writer?.end();
    const { counts } = report;
    if (format === 'text') {
      const hidden = SEVERITIES.slice(minRank + 1).reduce((sum, severity) => sum + counts[severity], 0);
      printLine(io, `${summarizeCounts(counts)} in ${report.eventLines.toLocaleString('en')} lines of ${report.files} file(s)${hidden > 0 ? ` (${hidden} below ${minSeverity} not shown; --min-severity hint shows all)` : ''}`);
    }
    return counts.error > 0 ? EXIT_PROBLEMS : EXIT_OK;
  },
};
