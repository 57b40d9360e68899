"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fast_check_1 = __importDefault(require("fast-check"));
const lineRules_1 = require("../../src/engine/validate/lineRules");
const parseEventLine_1 = require("../../src/engine/store/parseEventLine");
const defaultReducer_1 = require("../../src/engine/state/defaultReducer");
const systemReducer_1 = require("../../src/engine/state/systemReducer");
const safeMerge_1 = require("../../src/engine/model/safeMerge");
const fuzzLines_1 = require("../helpers/fuzzLines");
const fuzzOracle_1 = require("../helpers/fuzzOracle");
const fuzzPrototype_1 = require("../helpers/fuzzPrototype");
/**
 * The per-line rules, the event reader and the state reducers on generated
 * hostile lines: none of them throws, every finding points at the line it
 * came from, the validator and the index agree on which lines are events,
 * and no prototype is polluted.
 */
const FILE = 'events/events_2024-01-15.jsonl';
(0, node_test_1.test)('validateLine never throws, points at its line, and agrees with the index on what is an event', () => {
    fast_check_1.default.assert(fast_check_1.default.property(fuzzLines_1.anyLineBytes, fast_check_1.default.integer({ min: 1, max: 1_000_000 }), (bytes, line) => {
        const text = bytes.toString('utf8');
        const findings = (0, lineRules_1.validateLine)(text, { file: FILE, line, maxRetryCount: 3 });
        for (const f of findings) {
            strict_1.default.equal(f.file, FILE);
            strict_1.default.equal(f.line, line);
            strict_1.default.ok(f.column >= 1 && f.column <= text.length + 1 && f.endColumn >= f.column && f.endColumn <= text.length + 1, `range ${f.column}-${f.endColumn} outside the line`);
            strict_1.default.ok(f.message.length > 0);
        }
        const codes = new Set(findings.map((f) => f.code));
        const scanned = (0, fuzzOracle_1.scanLine)(bytes).status;
        if (text.trim() === '')
            return;
        if (scanned === 1 /* ScanStatus.InvalidJson */ || scanned === 2 /* ScanStatus.NonJsonNumber */) {
            strict_1.default.ok(codes.has('EB001') || codes.has('EB002'), `the index rejects the line, the validator says ${[...codes].join(',') || 'nothing'}`);
        }
        else if (scanned === 3 /* ScanStatus.NotAnEvent */) {
            strict_1.default.ok(codes.has('EB004'), `the index says not an event, the validator says ${[...codes].join(',') || 'nothing'}`);
        }
        else {
            strict_1.default.ok(!codes.has('EB001') && !codes.has('EB002') && !codes.has('EB003'), 'the index takes the line, the validator calls it invalid JSON');
            const parsed = (0, fuzzOracle_1.jsonParse)(bytes).value;
            if (Object.prototype.hasOwnProperty.call(parsed, 'data'))
                strict_1.default.ok(!codes.has('EB004'), 'the index takes the line as an event, the validator says it is not one');
        }
    }), { numRuns: 6_000 });
});
(0, node_test_1.test)('an indexable line reads as an event of the promised shape, frozen, without polluting anything', () => {
    const prototypes = (0, fuzzPrototype_1.snapshotPrototypes)();
    fast_check_1.default.assert(fast_check_1.default.property(fuzzLines_1.eventLineText, (text) => {
        if ((0, fuzzOracle_1.scanLine)(Buffer.from(text, 'utf8')).status !== 0 /* ScanStatus.Ok */)
            return;
        const event = (0, parseEventLine_1.parseEventLine)(text, `${FILE}:1`);
        strict_1.default.equal(typeof event.event_type, 'string');
        for (const key of ['event_id', 'version', 'schema_version', 'timestamp', 'source', 'status'])
            strict_1.default.equal(typeof event.metadata[key], 'string', key);
        for (const key of ['correlation_id', 'causation_id', 'aggregate_id']) {
            const value = event.metadata[key];
            strict_1.default.ok(value === null || typeof value === 'string', `${key} is ${typeof value}`);
        }
        strict_1.default.equal(typeof event.metadata.sequence_number, 'number');
        strict_1.default.equal(typeof event.metadata.retry_count, 'number');
        strict_1.default.ok(event.metadata.tags !== null && typeof event.metadata.tags === 'object' && !Array.isArray(event.metadata.tags));
        strict_1.default.ok(Object.isFrozen(event) && Object.isFrozen(event.metadata) && Object.isFrozen(event.metadata.tags));
        strict_1.default.equal(Object.getPrototypeOf(event.metadata), Object.prototype);
        // Folding it, both ways a rebuild does, keeps every state object ordinary.
        (0, fuzzPrototype_1.assertNoForbiddenKeys)((0, defaultReducer_1.defaultReducer)((0, defaultReducer_1.defaultReducer)({}, event), event));
        (0, fuzzPrototype_1.assertNoForbiddenKeys)((0, systemReducer_1.systemReducer)({}, event));
        (0, fuzzPrototype_1.assertPrototypesUntouched)(prototypes);
    }), { numRuns: 5_000 });
});
/** Event data as JSON.parse makes it from text with prototype-reaching keys at any depth (as own keys). */
const hostileText = fast_check_1.default.letrec((tie) => ({
    node: fast_check_1.default.oneof({ depthSize: 'small', withCrossShrink: true }, fast_check_1.default.jsonValue({ maxDepth: 1 }).map((v) => JSON.stringify(v)), fast_check_1.default.array(tie('node'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`), fast_check_1.default
        .array(fast_check_1.default.tuple(fast_check_1.default.oneof(fast_check_1.default.constantFrom(...fuzzLines_1.PROTOTYPE_KEYS, 'a', 'b', 'toString'), fast_check_1.default.string({ maxLength: 3 })), tie('node')), { maxLength: 4 })
        .map((members) => `{${members.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`)),
})).node;
const hostileData = hostileText.map((text) => JSON.parse(`{"wrap":${text}}`));
/** What a deep merge should give, written the obvious (recursive) way, for small inputs. */
function referenceMerge(target, source) {
    for (const key of Object.keys(source)) {
        if (fuzzLines_1.PROTOTYPE_KEYS.includes(key))
            continue;
        const incoming = source[key];
        const current = Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
        const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
        if (isObj(incoming) && isObj(current))
            referenceMerge(current, incoming);
        else
            target[key] = (0, safeMerge_1.safeClone)(incoming);
    }
}
(0, node_test_1.test)('merging and copying hostile data skips prototype keys everywhere and merges like the obvious recursive merge', () => {
    const prototypes = (0, fuzzPrototype_1.snapshotPrototypes)();
    fast_check_1.default.assert(fast_check_1.default.property(hostileData, hostileData, (first, second) => {
        const merged = {};
        (0, safeMerge_1.mergeInto)(merged, first);
        (0, safeMerge_1.mergeInto)(merged, second);
        (0, fuzzPrototype_1.assertNoForbiddenKeys)(merged);
        (0, fuzzPrototype_1.assertNoForbiddenKeys)((0, safeMerge_1.safeClone)(second));
        const expected = {};
        referenceMerge(expected, first);
        referenceMerge(expected, second);
        strict_1.default.deepEqual(merged, expected);
        (0, fuzzPrototype_1.assertPrototypesUntouched)(prototypes);
    }), { numRuns: 4_000 });
});
//# sourceMappingURL=fuzzRules.unit.spec.js.map