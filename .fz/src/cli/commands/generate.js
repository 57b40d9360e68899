"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.generateCommand = void 0;
const prepareOutDir_1 = require("../../engine/generate/prepareOutDir");
const generateStore_1 = require("../../engine/generate/generateStore");
const args_1 = require("../args");
const output_1 = require("../output");
const path = __importStar(require("node:path"));
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
function describe(summary, seconds) {
    const mb = (summary.bytes / 1024 / 1024).toFixed(1);
    const faults = summary.faults.length > 0 ? `, ${summary.faults.length} injected faults` : '';
    return (`wrote ${summary.events} events in ${summary.files.length} files (${mb} MiB), ${summary.aggregates} aggregates, ` +
        `${summary.correlations} correlations, ${summary.snapshots.length} snapshots${faults} to ${summary.outDir} in ${seconds.toFixed(1)} s`);
}
exports.generateCommand = {
    name: 'generate',
    usage,
    async run(argv, io) {
        const { values } = (0, args_1.parseCommandArgs)(argv, {
            ...args_1.JSON_OPTION,
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
            (0, output_1.printLine)(io, usage);
            return output_1.EXIT_OK;
        }
        const events = (0, args_1.required)('events', (0, args_1.integerOption)('events', values.events, 1));
        const outDir = path.resolve(io.cwd, (0, args_1.required)('out', values.out ?? values.store));
        const started = performance.now();
        let summary;
        try {
            summary = (0, generateStore_1.generateStoreSync)({
                events,
                outDir,
                seed: values.seed ?? 1,
                days: (0, args_1.integerOption)('days', values.days, 1),
                withErrors: values['with-errors'] === true,
                pythonStyle: values['python-style'] === true,
                sequenceMode: (0, args_1.choiceOption)('sequence-mode', values['sequence-mode'], ['global', 'aggregate']),
                force: values.force === true,
            });
        }
        catch (error) {
            if (error instanceof prepareOutDir_1.OutDirHoldsStoreError) {
                throw new output_1.CliFailure((0, output_1.oneLine)(`${error.outDir}: already holds a store (${error.existing.join(', ')}); choose an empty folder or pass --force to replace it`));
            }
            throw new output_1.CliFailure((0, output_1.oneLine)(error.message));
        }
        if (values.json)
            (0, output_1.printJson)(io, summary);
        else
            (0, output_1.printLine)(io, describe(summary, (performance.now() - started) / 1000));
        return output_1.EXIT_OK;
    },
};
//# sourceMappingURL=generate.js.map