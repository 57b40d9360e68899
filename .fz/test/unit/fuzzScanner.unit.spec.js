"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fast_check_1 = __importDefault(require("fast-check"));
const fuzzLines_1 = require("../helpers/fuzzLines");
const fuzzOracle_1 = require("../helpers/fuzzOracle");
/**
 * The index decides from bytes alone which lines are events and what their
 * envelope says; JSON.parse on the same text is the reference. About 90,000
 * generated lines per run; the seed varies between runs (a failure prints
 * it, and the shrunk line, for replay).
 */
function agreesWithJsonParse(line) {
    const mismatch = (0, fuzzOracle_1.scannerMismatch)(line);
    if (mismatch !== null)
        strict_1.default.fail(`${mismatch}\nline: ${JSON.stringify(line.toString('latin1'))}`);
}
(0, node_test_1.test)('on generated event lines (any key order and spacing, duplicate, escaped and __proto__ keys, huge numbers), intact and damaged', () => {
    fast_check_1.default.assert(fast_check_1.default.property(fuzzLines_1.eventLineBytes, agreesWithJsonParse), { numRuns: 12_000 });
});
(0, node_test_1.test)('on arbitrary JSON text, intact and damaged', () => {
    fast_check_1.default.assert(fast_check_1.default.property(fuzzLines_1.jsonLineBytes, agreesWithJsonParse), { numRuns: 30_000 });
});
(0, node_test_1.test)('on random bytes, invalid UTF-8 included', () => {
    fast_check_1.default.assert(fast_check_1.default.property(fuzzLines_1.randomLineBytes, agreesWithJsonParse), { numRuns: 50_000 });
});
//# sourceMappingURL=fuzzScanner.unit.spec.js.map