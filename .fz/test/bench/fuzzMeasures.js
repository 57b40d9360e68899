"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.fuzzMeasures = void 0;
const fast_check_1 = __importDefault(require("fast-check"));
const lineRules_1 = require("../../src/engine/validate/lineRules");
const fuzzLines_1 = require("../helpers/fuzzLines");
const fuzzOracle_1 = require("../helpers/fuzzOracle");
/**
 * The unit tier's line fuzz, longer: two million generated lines through the
 * index's scanner (judged against JSON.parse) and, for one line in ten, the
 * per-line validator (which must never throw). The store argument is not
 * used: the inputs are generated.
 */
const PLAN = [
    { arbitrary: fuzzLines_1.randomLineBytes, runs: 1_000_000 },
    { arbitrary: fuzzLines_1.jsonLineBytes, runs: 800_000 },
    { arbitrary: fuzzLines_1.eventLineBytes, runs: 200_000 },
];
exports.fuzzMeasures = [
    {
        name: 'fuzz-lines',
        runs: 1,
        async run() {
            let inputs = 0;
            let mismatches = 0;
            let crashes = 0;
            const examples = [];
            const started = performance.now();
            for (const { arbitrary, runs } of PLAN) {
                fast_check_1.default.check(fast_check_1.default.property(arbitrary, (line) => {
                    inputs++;
                    if ((0, fuzzOracle_1.scannerMismatch)(line) !== null) {
                        mismatches++;
                        if (examples.length < 3)
                            examples.push(line.toString('latin1').slice(0, 200));
                    }
                    if (inputs % 10 === 0) {
                        try {
                            (0, lineRules_1.validateLine)(line.toString('utf8'), { file: 'events/fuzz.jsonl', line: inputs });
                        }
                        catch (error) {
                            crashes++;
                            if (examples.length < 3)
                                examples.push(`${error.message}: ${line.toString('latin1').slice(0, 200)}`);
                        }
                    }
                    return true;
                }), { numRuns: runs });
            }
            const seconds = (performance.now() - started) / 1000;
            if (examples.length > 0)
                process.stderr.write(`fuzz-lines examples:\n${examples.join('\n')}\n`);
            const figures = [
                { name: 'fuzz inputs run', value: inputs, unit: 'lines', target: { min: 2_000_000 } },
                { name: 'fuzz scanner/JSON.parse mismatches', value: mismatches, unit: 'lines', target: { max: 0 } },
                { name: 'fuzz validator crashes', value: crashes, unit: 'lines', target: { max: 0 } },
                { name: 'fuzz inputs/s', value: inputs / seconds, unit: 'lines/s' },
            ];
            return figures;
        },
    },
];
//# sourceMappingURL=fuzzMeasures.js.map