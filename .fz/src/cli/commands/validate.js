"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateCommand = void 0;
const validateStore_1 = require("../../engine/validate/validateStore");
const args_1 = require("../args");
const formatFindings_1 = require("../format/formatFindings");
const findingsText_1 = require("../format/findingsText");
const severity_1 = require("../../engine/validate/severity");
const output_1 = require("../output");
const storeAccess_1 = require("../storeAccess");
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
exports.validateCommand = {
    name: 'validate',
    usage,
    async run(argv, io) {
        const { values } = (0, args_1.parseCommandArgs)(argv, { ...args_1.COMMON_OPTIONS, format: { type: 'string' }, json: { type: 'boolean' }, 'min-severity': { type: 'string' }, all: { type: 'boolean' } });
        if (values.help) {
            (0, output_1.printLine)(io, usage);
            return output_1.EXIT_OK;
        }
        const format = (0, args_1.choiceOption)('format', values.format, formatFindings_1.FINDING_FORMATS) ?? (values.json ? 'json' : 'text');
        // A person reading text wants the problems, not thousands of "upcast on read" notes; tools get everything.
        const minSeverity = (0, args_1.choiceOption)('min-severity', values['min-severity'], severity_1.SEVERITIES) ?? (format === 'text' ? 'warning' : 'hint');
        const storePath = await (0, storeAccess_1.resolveStorePath)(io, values.store);
        const { config } = await (0, storeAccess_1.loadCliConfig)(io, storePath);
        const progress = (0, output_1.progressReporter)(io, 'validating');
        const minRank = severity_1.SEVERITIES.indexOf(minSeverity);
        let writer;
        const { report } = await (0, storeAccess_1.withStore)(io, storePath, async ({ engine }) => {
            const registry = await (0, storeAccess_1.loadStoreSchemas)(engine.root);
            writer = (0, formatFindings_1.findingWriter)(format, io.stdout, { storeRoot: storePath, files: engine.index.files.map((file) => file.file) });
            const out = writer;
            try {
                const result = await (0, validateStore_1.validateStore)(engine, {
                    config,
                    registry,
                    onProgress: progress.update,
                    repeats: values.all ? 'each' : 'per-store',
                    onFindings: (findings) => {
                        progress.clear();
                        out.write(findings.filter((finding) => severity_1.SEVERITIES.indexOf(finding.severity) <= minRank));
                    },
                });
                return { report: result };
            }
            finally {
                progress.done();
            }
        });
        writer?.end();
        const { counts } = report;
        if (format === 'text') {
            const hidden = severity_1.SEVERITIES.slice(minRank + 1).reduce((sum, severity) => sum + counts[severity], 0);
            (0, output_1.printLine)(io, `${(0, findingsText_1.summarizeCounts)(counts)} in ${report.eventLines.toLocaleString('en')} lines of ${report.files} file(s)${hidden > 0 ? ` (${hidden} below ${minSeverity} not shown; --min-severity hint shows all)` : ''}`);
        }
        return counts.error > 0 ? output_1.EXIT_PROBLEMS : output_1.EXIT_OK;
    },
};
//# sourceMappingURL=validate.js.map