"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_assert_1 = require("node:assert");
const node_test_1 = require("node:test");
const timestamp_1 = require("../../src/engine/model/timestamp");
const integrityRules_1 = require("../../src/engine/validate/integrityRules");
const integrityIssue_1 = require("../../src/engine/validate/integrityIssue");
/** A tiny in-memory EventIndexView: store order is the array order. */
function fakeIndex(specs, sequenceMode) {
    const lineOf = new Map();
    const events = specs.map((spec, ordinal) => {
        const day = spec.day ?? (spec.at ?? '2024-01-15').slice(0, 10);
        const file = `events/events_${day}.jsonl`;
        const line = (lineOf.get(file) ?? 0) + 1;
        lineOf.set(file, line);
        return {
            ordinal,
            file,
            line,
            offset: 0,
            length: 100,
            eventId: spec.id ?? `id-${ordinal}`,
            eventType: 'trade_executed',
            source: 'test',
            aggregateId: spec.agg === undefined ? 'a' : spec.agg,
            correlationId: spec.corr ?? null,
            causationId: spec.cause ?? null,
            timestampMs: (0, timestamp_1.parseTimestamp)(spec.at ?? `2024-01-15T10:00:${String(ordinal % 60).padStart(2, '0')}Z`),
            sequenceNumber: spec.seq ?? Number.NaN,
            retryCount: 0,
            status: 'completed',
            schemaVersion: '1.0',
        };
    });
    const group = (key) => {
        const map = new Map();
        for (const e of events) {
            const k = key(e);
            if (k === null)
                continue;
            map.set(k, [...(map.get(k) ?? []), e.ordinal]);
        }
        return map;
    };
    const byAggregate = group((e) => e.aggregateId);
    // The real index returns aggregate ordinals in sequence order; so does the fake.
    for (const list of byAggregate.values())
        list.sort((x, y) => events[x].sequenceNumber - events[y].sequenceNumber || x - y);
    const byId = group((e) => e.eventId);
    const byCorrelation = group((e) => e.correlationId);
    const files = [...new Set(events.map((e) => e.file))].map((file) => ({
        file,
        size: 1,
        mtimeMs: 0,
        compressed: false,
        events: events.filter((e) => e.file === file).length,
        lines: 1,
        day: file.slice(14, 24),
    }));
    const none = [];
    return {
        eventCount: events.length,
        ordinalsVersion: 0,
        files,
        problems: [],
        sequenceMode,
        event: (ordinal) => events[ordinal],
        ordinalsOfAggregate: (id) => byAggregate.get(id) ?? none,
        aggregateSize: (id) => byAggregate.get(id)?.length ?? 0,
        timeOrdered: () => Int32Array.from(events.map((e) => e.ordinal).filter((o) => !Number.isNaN(events[o].timestampMs)).sort((a, b) => events[a].timestampMs - events[b].timestampMs || a - b)),
        numericColumns: () => ({
            timestamps: Float64Array.from(events, (e) => e.timestampMs),
            sequences: Float64Array.from(events, (e) => e.sequenceNumber),
        }),
        duplicateEventIds: () => events.flatMap((e) => {
            const first = (byId.get(e.eventId) ?? [e.ordinal])[0];
            return e.eventId !== '' && first !== e.ordinal ? [[e.ordinal, first]] : [];
        }),
        unknownCauses: () => events.filter((e) => e.causationId !== null && !byId.has(e.causationId)).map((e) => e.ordinal),
        correlationSize: () => 0,
        ordinalsOfCorrelation: (id) => byCorrelation.get(id) ?? none,
        ordinalsOfType: () => none,
        ordinalsOfSource: () => none,
        ordinalsCausedBy: () => none,
        ordinalsInTimeRange: () => none,
        ordinalsOfEventId: (id) => byId.get(id) ?? none,
        aggregateIds: () => [...byAggregate.keys()],
        correlationIds: () => [],
        aggregateCount: () => byAggregate.size,
        correlationCount: () => 0,
        eventTypeCounts: () => new Map(),
        sources: () => [],
        firstTimestamp: () => events[0]?.timestampMs ?? Number.NaN,
        lastTimestamp: () => events[events.length - 1]?.timestampMs ?? Number.NaN,
    };
}
function issues(specs, mode, options = {}) {
    return (0, integrityRules_1.checkIntegrity)(fakeIndex(specs, mode), options)
        .map((i) => `${i.code}@${i.ordinal}: ${i.message}`)
        .sort();
}
(0, node_test_1.describe)('sequence rules in global mode', () => {
    (0, node_test_1.it)('a bus-wide counter across aggregates has no gaps', () => {
        const specs = [1, 2, 3, 4, 5, 6].map((seq) => ({ seq, agg: seq % 2 === 0 ? 'even' : 'odd' }));
        node_assert_1.strict.deepEqual(issues(specs, 'global'), []);
    });
    (0, node_test_1.it)('reports a gap once, at the event after the hole, and never before the first number', () => {
        const specs = [{ seq: 41 }, { seq: 42 }, { seq: 45 }, { seq: 46 }, { seq: 48 }];
        node_assert_1.strict.deepEqual(issues(specs, 'global'), [
            'EB014@2: sequence gap bus-wide: 43..44 (2 numbers) are missing before 45',
            'EB014@4: sequence gap bus-wide: 47 is missing before 48',
        ]);
    });
    (0, node_test_1.it)('tells a duplicate and a regression apart, and a late number is not a gap', () => {
        const specs = [{ seq: 1 }, { seq: 2 }, { seq: 4 }, { seq: 3 }, { seq: 4 }, { seq: 5 }];
        node_assert_1.strict.deepEqual(issues(specs, 'global'), [
            'EB015@4: duplicate sequence number 4 bus-wide (first at events/events_2024-01-15.jsonl:3)',
            'EB016@3: sequence number 3 bus-wide comes after 4 (events/events_2024-01-15.jsonl:3): it goes back',
        ]);
    });
    (0, node_test_1.it)('skips events whose sequence number is not an integer', () => {
        node_assert_1.strict.deepEqual(issues([{ seq: 1 }, {}, { seq: 2 }], 'global'), []);
    });
});
(0, node_test_1.describe)('sequence rules in aggregate mode', () => {
    (0, node_test_1.it)('checks each aggregate on its own; interleaving is not a regression', () => {
        const specs = [
            { agg: 'a', seq: 1 },
            { agg: 'b', seq: 1 },
            { agg: 'a', seq: 2 },
            { agg: 'b', seq: 2 },
            { agg: 'a', seq: 3 },
            { agg: null, seq: 0 },
            { agg: null, seq: 0 },
        ];
        node_assert_1.strict.deepEqual(issues(specs, 'aggregate'), []);
    });
    (0, node_test_1.it)('reports gaps, duplicates and regressions within an aggregate, in store order', () => {
        const specs = [
            { agg: 'trader_1', seq: 1 },
            { agg: 'trader_1', seq: 3 },
            { agg: 'trader_2', seq: 7 },
            { agg: 'trader_1', seq: 2 },
            { agg: 'trader_2', seq: 7 },
            { agg: 'trader_1', seq: 5 },
        ];
        node_assert_1.strict.deepEqual(issues(specs, 'aggregate'), [
            'EB014@5: sequence gap in aggregate trader_1: 4 is missing before 5',
            'EB015@4: duplicate sequence number 7 in aggregate trader_2 (first at events/events_2024-01-15.jsonl:3)',
            'EB016@3: sequence number 2 in aggregate trader_1 comes after 3 (events/events_2024-01-15.jsonl:2): it goes back',
        ]);
    });
    (0, node_test_1.it)('the same global-looking store checked per aggregate would show false gaps; global mode shows none', () => {
        const specs = [1, 2, 3, 4].map((seq) => ({ seq, agg: seq % 2 === 1 ? 'x' : 'y' }));
        node_assert_1.strict.deepEqual(issues(specs, 'global'), []);
        node_assert_1.strict.ok(issues(specs, 'aggregate').some((line) => line.startsWith('EB014')));
    });
});
(0, node_test_1.describe)('duplicate ids, causes and time order', () => {
    (0, node_test_1.it)('EB013 at every repeat of an event_id, naming the first', () => {
        const specs = [{ id: 'x', seq: 1 }, { id: 'y', seq: 2 }, { id: 'x', seq: 3 }, { id: 'x', seq: 4 }];
        node_assert_1.strict.deepEqual(issues(specs, 'global'), [
            'EB013@2: duplicate event_id x (first at events/events_2024-01-15.jsonl:1)',
            'EB013@3: duplicate event_id x (first at events/events_2024-01-15.jsonl:1)',
        ]);
    });
    (0, node_test_1.it)('EB017 for a cause that is nowhere, when nothing can have been removed by TTL', () => {
        const specs = [
            { id: 'c1', seq: 1 },
            { id: 'e1', seq: 2, cause: 'c1' },
            { id: 'e2', seq: 3, cause: 'ghost' },
        ];
        node_assert_1.strict.deepEqual(issues(specs, 'global', { eventTtlDays: 30 }), ['EB017@2: causation_id ghost names no event in the store']);
    });
    (0, node_test_1.it)('EB017 excuses by TTL only causes older than the oldest retained event', () => {
        // Sequence numbers start at 500: earlier days are gone, so causes may be too.
        const specs = [
            { id: 'e1', seq: 500, cause: 'gone-1', at: '2024-01-01T09:00:00Z' },
            { id: 'e2', seq: 501, cause: 'gone-2', at: '2024-01-01T20:00:00Z' },
            { id: 'e3', seq: 502, cause: 'bogus-3', at: '2024-01-04T00:00:00Z' },
            // A flow: its earliest retained event may have lost its cause, one in its middle may not.
            { id: 'f1', seq: 503, cause: 'gone-4', corr: 'flow', at: '2024-01-05T00:00:00Z' },
            { id: 'f2', seq: 504, cause: 'f1', corr: 'flow', at: '2024-01-05T00:00:01Z' },
            { id: 'f3', seq: 505, cause: 'bogus-5', corr: 'flow', at: '2024-01-05T00:00:02Z' },
        ];
        node_assert_1.strict.deepEqual(issues(specs, 'global', { eventTtlDays: 30 }), [
            'EB017@2: causation_id bogus-3 names no event in the store',
            'EB017@5: causation_id bogus-5 names no event in the store',
        ]);
        // Nothing removed (the counter starts at 1): every missing cause is reported.
        node_assert_1.strict.equal(issues(specs.map((spec, i) => ({ ...spec, seq: i + 1 })), 'global').length, 5);
    });
    (0, node_test_1.it)('EB018 within time_order_tolerance_ms is not reported; beyond it, one finding per run', () => {
        const specs = [
            { agg: 'a', seq: 1, at: '2024-01-15T10:00:00.000005Z' },
            { agg: 'a', seq: 2, at: '2024-01-15T10:00:00.000002Z' }, // 3 µs back: concurrent publishers
            { agg: 'a', seq: 3, at: '2024-01-15T10:00:10Z' },
            { agg: 'a', seq: 4, at: '2024-01-15T10:00:05Z' }, // 5 s back, and two more steps back right after
            { agg: 'a', seq: 5, at: '2024-01-15T10:00:03Z' },
            { agg: 'a', seq: 6, at: '2024-01-15T10:00:01Z' },
            { agg: 'a', seq: 7, at: '2024-01-15T10:00:20Z' },
        ];
        node_assert_1.strict.deepEqual(issues(specs, 'global', { timeOrderToleranceMs: 1000 }), [
            'EB018@3: timestamp is 5.0 s earlier than the previous event of aggregate a (events/events_2024-01-15.jsonl:3) (beyond the 1.0 s tolerated); 2 more events right after it go back too',
        ]);
        node_assert_1.strict.equal(issues(specs, 'global').length, 2, 'without a tolerance the 3 µs step is reported too (the run is still one)');
    });
    (0, node_test_1.it)('EB018 when an aggregate goes back in time, in store order', () => {
        const specs = [
            { agg: 'a', seq: 1, at: '2024-01-15T10:00:00.000500Z' },
            { agg: 'b', seq: 2, at: '2024-01-15T09:00:00Z' },
            { agg: 'a', seq: 3, at: '2024-01-15T10:00:00.000200Z' },
            { agg: 'a', seq: 4, at: '2024-01-15T10:00:00.000200Z' },
        ];
        node_assert_1.strict.deepEqual(issues(specs, 'global'), [
            'EB018@2: timestamp is 300 µs earlier than the previous event of aggregate a (events/events_2024-01-15.jsonl:1)',
        ]);
    });
    (0, node_test_1.it)('severity "off" skips a rule', () => {
        const specs = [{ id: 'x', seq: 1 }, { id: 'x', seq: 3 }];
        node_assert_1.strict.deepEqual(issues(specs, 'global', { severity: { EB013: 'off', EB014: 'off' } }), []);
    });
});
(0, node_test_1.describe)('issueToFinding', () => {
    (0, node_test_1.it)('points at the metadata field in the line, not a look-alike in data', () => {
        const line = '{"data": {"metadata": {"sequence_number": 9}}, "metadata": {"sequence_number": 9, "event_id": "x"}, "event_type": "t"}';
        const issue = { ordinal: 0, code: 'EB015', field: 'sequence_number', message: 'dup' };
        const finding = (0, integrityIssue_1.issueToFinding)(issue, { file: 'events/events_2024-01-15.jsonl', line: 4, length: line.length }, line);
        const at = line.lastIndexOf('9');
        node_assert_1.strict.deepEqual({ line: finding?.line, column: finding?.column, endColumn: finding?.endColumn, severity: finding?.severity }, { line: 4, column: at + 1, endColumn: at + 2, severity: 'error' });
        const withoutText = (0, integrityIssue_1.issueToFinding)(issue, { file: 'f', line: 2, length: 50 }, undefined, { EB015: 'hint' });
        node_assert_1.strict.deepEqual([withoutText?.column, withoutText?.endColumn, withoutText?.severity], [1, 51, 'hint']);
    });
});
//# sourceMappingURL=validateIntegrity.unit.spec.js.map