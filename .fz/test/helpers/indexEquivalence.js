"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.assertSameAnswers = assertSameAnswers;
const strict_1 = __importDefault(require("node:assert/strict"));
const sorted = (list) => [...list].sort();
/**
 * Asserts that two indexes of one store answer every question alike: each
 * event's entry, every group, id, cause, time range and store-wide answer.
 * `idStride`: check ids and causes of every n-th event (1: all).
 */
function assertSameAnswers(actual, expected, idStride = 1) {
    strict_1.default.equal(actual.eventCount, expected.eventCount, 'event count');
    strict_1.default.deepEqual(actual.files, expected.files, 'files');
    strict_1.default.deepEqual(sortProblems(actual.problems), sortProblems(expected.problems), 'problems');
    strict_1.default.equal(actual.sequenceMode, expected.sequenceMode, 'sequence mode');
    for (let o = 0; o < expected.eventCount; o++) {
        strict_1.default.deepEqual({ ...actual.event(o) }, { ...expected.event(o) }, `event ${o}`);
        strict_1.default.deepEqual(actual.locationOf(o), expected.locationOf(o), `location of ${o}`);
    }
    // Lookups out of store order (one aggregate's events), then whole entries in the same blocks.
    const scattered = Array.from({ length: expected.eventCount }, (_, k) => (k * 7919 + 13) % expected.eventCount);
    for (const o of scattered)
        strict_1.default.deepEqual(actual.locationOf(o), expected.locationOf(o), `location of ${o}, out of order`);
    for (const o of scattered.reverse())
        strict_1.default.deepEqual({ ...actual.event(o) }, { ...expected.event(o) }, `event ${o}, out of order`);
    strict_1.default.deepEqual(sorted(actual.aggregateIds()), sorted(expected.aggregateIds()), 'aggregate ids');
    strict_1.default.equal(actual.aggregateCount(), expected.aggregateCount(), 'aggregate count');
    for (const id of expected.aggregateIds()) {
        strict_1.default.deepEqual([...actual.ordinalsOfAggregate(id)], [...expected.ordinalsOfAggregate(id)], `aggregate ${id}`);
        strict_1.default.equal(actual.aggregateSize(id), expected.aggregateSize(id), `size of aggregate ${id}`);
        strict_1.default.deepEqual(actual.timeSpanOf('aggregate', id), expected.timeSpanOf('aggregate', id), `time span of aggregate ${id}`);
    }
    for (const kind of ['aggregate', 'correlation']) {
        const keys = sorted(kind === 'aggregate' ? expected.aggregateIds() : expected.correlationIds());
        for (const prefix of ['', keys[0]?.slice(0, 2) ?? '', keys[Math.floor(keys.length / 2)]?.slice(0, 3) ?? '', 'no-such-prefix']) {
            for (const [offset, limit] of [[0, 10], [3, 7], [keys.length - 2, 10]]) {
                strict_1.default.deepEqual(actual.keyPage(kind, prefix, Math.max(0, offset), limit), expected.keyPage(kind, prefix, Math.max(0, offset), limit), `${kind} page ${prefix} ${offset}`);
            }
        }
    }
    strict_1.default.deepEqual(sorted(actual.correlationIds()), sorted(expected.correlationIds()), 'correlation ids');
    strict_1.default.equal(actual.correlationCount(), expected.correlationCount(), 'correlation count');
    for (const id of expected.correlationIds()) {
        strict_1.default.deepEqual([...actual.ordinalsOfCorrelation(id)], [...expected.ordinalsOfCorrelation(id)], `correlation ${id}`);
        strict_1.default.equal(actual.correlationSize(id), expected.correlationSize(id), `size of correlation ${id}`);
        strict_1.default.deepEqual(actual.timeSpanOf('correlation', id), expected.timeSpanOf('correlation', id), `time span of correlation ${id}`);
    }
    strict_1.default.deepEqual(new Map([...actual.eventTypeCounts()].sort()), new Map([...expected.eventTypeCounts()].sort()), 'type counts');
    for (const type of expected.eventTypeCounts().keys()) {
        strict_1.default.deepEqual([...actual.ordinalsOfType(type)], [...expected.ordinalsOfType(type)], `type ${type}`);
        strict_1.default.deepEqual(actual.timeSpanOf('type', type), expected.timeSpanOf('type', type), `time span of type ${type}`);
    }
    strict_1.default.deepEqual(sorted(actual.sources()), sorted(expected.sources()), 'sources');
    for (const source of expected.sources())
        strict_1.default.deepEqual([...actual.ordinalsOfSource(source)], [...expected.ordinalsOfSource(source)], `source ${source}`);
    for (let o = 0; o < expected.eventCount; o += idStride) {
        const id = expected.event(o).eventId;
        strict_1.default.deepEqual([...actual.ordinalsOfEventId(id)], [...expected.ordinalsOfEventId(id)], `event id of ${o}`);
        strict_1.default.deepEqual([...actual.ordinalsCausedBy(id)], [...expected.ordinalsCausedBy(id)], `effects of ${o}`);
    }
    strict_1.default.deepEqual([...actual.ordinalsOfEventId('no-such-id')], []);
    strict_1.default.deepEqual([...actual.ordinalsOfAggregate('no-such-aggregate')], []);
    strict_1.default.deepEqual(Array.from(actual.timeOrdered()), Array.from(expected.timeOrdered()), 'time order');
    const first = expected.firstTimestamp();
    const last = expected.lastTimestamp();
    strict_1.default.equal(actual.firstTimestamp(), first, 'first timestamp');
    strict_1.default.equal(actual.lastTimestamp(), last, 'last timestamp');
    if (Number.isFinite(first)) {
        for (const [a, b] of [[first, last], [first, first + (last - first) / 3], [first + (last - first) / 2, last + 1], [last + 1, last + 2], [first - 10, first]]) {
            strict_1.default.deepEqual([...actual.ordinalsInTimeRange(a, b)], [...expected.ordinalsInTimeRange(a, b)], `time range ${a}..${b}`);
        }
    }
    strict_1.default.deepEqual(actual.numericColumns(), expected.numericColumns(), 'numeric columns');
    strict_1.default.deepEqual([...actual.duplicateEventIds()].map((p) => [...p]), [...expected.duplicateEventIds()].map((p) => [...p]), 'duplicate ids');
    strict_1.default.deepEqual([...actual.unknownCauses()].sort((a, b) => a - b), [...expected.unknownCauses()].sort((a, b) => a - b), 'unknown causes');
    strict_1.default.equal(actual.highestSequence(), expected.highestSequence(), 'highest sequence');
}
function sortProblems(problems) {
    return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.kind < b.kind ? -1 : 1)));
}
//# sourceMappingURL=indexEquivalence.js.map