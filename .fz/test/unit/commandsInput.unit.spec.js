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
const assert = __importStar(require("node:assert/strict"));
const node_test_1 = require("node:test");
const jsonInput_1 = require("../../src/extension/commands/jsonInput");
const sequenceInput_1 = require("../../src/extension/commands/sequenceInput");
(0, node_test_1.describe)('sequence range input', () => {
    (0, node_test_1.it)('reads "from-to", open ends, one number and empty', () => {
        assert.deepEqual((0, sequenceInput_1.parseSequenceRange)('5-20'), { ok: true, value: { from: 5, to: 20 } });
        assert.deepEqual((0, sequenceInput_1.parseSequenceRange)(' 5 - 20 '), { ok: true, value: { from: 5, to: 20 } });
        assert.deepEqual((0, sequenceInput_1.parseSequenceRange)('5-'), { ok: true, value: { from: 5, to: undefined } });
        assert.deepEqual((0, sequenceInput_1.parseSequenceRange)('-20'), { ok: true, value: { from: undefined, to: 20 } });
        assert.deepEqual((0, sequenceInput_1.parseSequenceRange)('7'), { ok: true, value: { from: 7, to: 7 } });
        assert.deepEqual((0, sequenceInput_1.parseSequenceRange)(''), { ok: true, value: {} });
        assert.deepEqual((0, sequenceInput_1.parseSequenceRange)('-'), { ok: true, value: { from: undefined, to: undefined } });
    });
    (0, node_test_1.it)('names the bad part and what was expected', () => {
        const before = (0, sequenceInput_1.validateSequenceRange)('x-20');
        assert.match(before ?? '', /"x" is not a sequence number: expected a whole number ≥ 0 before the "-"/);
        const after = (0, sequenceInput_1.validateSequenceRange)('5-2.5');
        assert.match(after ?? '', /"2\.5" is not a sequence number: expected a whole number ≥ 0 after the "-"/);
        assert.match((0, sequenceInput_1.validateSequenceRange)('5-20-3') ?? '', /"20-3" is not a sequence number/);
        assert.match((0, sequenceInput_1.validateSequenceRange)('20-5') ?? '', /starts after it ends \(20 > 5\): expected from ≤ to, e.g. "5-20"/);
        assert.equal((0, sequenceInput_1.validateSequenceRange)('5-20'), undefined);
    });
    (0, node_test_1.it)('refuses a range that misses the aggregate, and says where its sequences run', () => {
        const bounds = { first: 10, last: 40 };
        assert.match((0, sequenceInput_1.validateSequenceRange)('50-60', bounds) ?? '', /no events in 50-60: this aggregate's sequences run from 10 to 40/);
        assert.match((0, sequenceInput_1.validateSequenceRange)('-5', bounds) ?? '', /no events in up to 5/);
        assert.equal((0, sequenceInput_1.validateSequenceRange)('1-15', bounds), undefined, 'overlapping is fine');
        assert.equal((0, sequenceInput_1.validateSequenceRange)('', bounds), undefined);
    });
    (0, node_test_1.it)('describes ranges for titles and messages', () => {
        assert.equal((0, sequenceInput_1.describeRange)({}), 'every event');
        assert.equal((0, sequenceInput_1.describeRange)({ from: 3, to: 3 }), '3');
        assert.equal((0, sequenceInput_1.describeRange)({ to: 9 }), 'up to 9');
        assert.equal((0, sequenceInput_1.describeRange)({ from: 4 }), 'from 4');
        assert.equal((0, sequenceInput_1.describeRange)({ from: 4, to: 9 }), '4-9');
    });
});
(0, node_test_1.describe)('sequence input for a rebuild', () => {
    const sequences = [1, 2, 3, 4, 7, 9, 10];
    (0, node_test_1.it)('takes only a sequence the aggregate has', () => {
        assert.deepEqual((0, sequenceInput_1.parseSequenceAt)('7', sequences), { ok: true, value: 7 });
        assert.deepEqual((0, sequenceInput_1.parseSequenceAt)(' 10 ', sequences), { ok: true, value: 10 });
        assert.match((0, sequenceInput_1.validateSequenceAt)('5', sequences) ?? '', /no event with sequence 5: expected one of 1-4, 7, 9-10/);
        assert.match((0, sequenceInput_1.validateSequenceAt)('seven', sequences) ?? '', /"seven" is not a sequence number: expected a whole number, one of 1-4, 7, 9-10/);
        assert.match((0, sequenceInput_1.validateSequenceAt)('', sequences) ?? '', /expected a sequence number: this aggregate has 1-4, 7, 9-10/);
    });
    (0, node_test_1.it)('describes sequences as runs, capped', () => {
        assert.equal((0, sequenceInput_1.describeSequences)([]), 'no sequences');
        assert.equal((0, sequenceInput_1.describeSequences)([5]), '5');
        assert.equal((0, sequenceInput_1.describeSequences)([1, 1, 2]), '1-2', 'a duplicate sequence does not break the run');
        const sparse = Array.from({ length: 10 }, (_, i) => i * 10);
        assert.equal((0, sequenceInput_1.describeSequences)(sparse, 3), '0, 10, 20 and 7 more runs');
    });
});
(0, node_test_1.describe)('JSON input for Publish', () => {
    (0, node_test_1.it)('accepts any JSON value and returns it parsed', () => {
        assert.deepEqual((0, jsonInput_1.parseJsonInput)('{"symbol": "BTCUSDT", "price": 50000}'), { ok: true, value: { symbol: 'BTCUSDT', price: 50000 } });
        assert.deepEqual((0, jsonInput_1.parseJsonInput)('[1, 2]'), { ok: true, value: [1, 2] });
        assert.deepEqual((0, jsonInput_1.parseJsonInput)('null'), { ok: true, value: null });
        assert.equal((0, jsonInput_1.validateJsonInput)(' {"a": {"b": [true]}} '), undefined);
    });
    (0, node_test_1.it)('says where the error is and what was expected', () => {
        assert.equal((0, jsonInput_1.validateJsonInput)('{"a": }'), 'Not valid JSON at line 1, column 7 (found "}"): expected a value');
        assert.match((0, jsonInput_1.validateJsonInput)('{"a": 1,\n "b" 2}') ?? '', /^Not valid JSON at line 2, column 6 \(found "2"\): expected ":" after the property name$/);
        assert.match((0, jsonInput_1.validateJsonInput)("{'a': 1}") ?? '', /line 1, column 2 \(found "'a'"\): .*single quotes are not JSON/);
        assert.match((0, jsonInput_1.validateJsonInput)('{1: 2}') ?? '', /line 1, column 2 .*expected a property name in double quotes/);
        assert.match((0, jsonInput_1.validateJsonInput)('{"price": NaN}') ?? '', /line 1, column 11 .*NaN, Infinity/);
        assert.match((0, jsonInput_1.validateJsonInput)('{"a": 1') ?? '', /line 1, column 8 \(found the end of the input\): expected "}" to close the object/);
        assert.match((0, jsonInput_1.validateJsonInput)('{"a": 1} {}') ?? '', /line 1, column 10 \(found "{"\): expected nothing after the value/);
        assert.match((0, jsonInput_1.validateJsonInput)('{"a": 1,}') ?? '', /line 1, column 9/);
        assert.match((0, jsonInput_1.validateJsonInput)('{"a": 1 // note\n}') ?? '', /expected no comments/);
    });
    (0, node_test_1.it)('asks for data when the box is empty, with an example', () => {
        assert.match((0, jsonInput_1.validateJsonInput)('   ') ?? '', /expected the event's data as JSON, e.g. \{"symbol"/);
    });
    (0, node_test_1.it)('never accepts what JSON.parse refuses, and never refuses what it accepts', () => {
        for (const text of ['{"a":1}', '{"a":1,}', "{'a':1}", '[1 2]', '"\\x"', '01', '1e', 'true', '{"a": "\u0001"}', '{"a": 1 /* c */}']) {
            let strict = true;
            try {
                JSON.parse(text);
            }
            catch {
                strict = false;
            }
            assert.equal((0, jsonInput_1.parseJsonInput)(text).ok, strict, text);
        }
    });
    (0, node_test_1.it)('counts lines and columns from 1', () => {
        assert.deepEqual((0, jsonInput_1.lineAndColumn)('ab\ncd', 0), { line: 1, column: 1 });
        assert.deepEqual((0, jsonInput_1.lineAndColumn)('ab\ncd', 4), { line: 2, column: 2 });
        assert.equal((0, jsonInput_1.locateJsonError)('{"ok": true}'), undefined);
    });
});
//# sourceMappingURL=commandsInput.unit.spec.js.map