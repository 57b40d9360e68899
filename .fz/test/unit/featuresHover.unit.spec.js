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
const node_assert_1 = require("node:assert");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const hover_1 = require("../../src/server/features/hover");
const markdown_1 = require("../../src/server/features/markdown");
const featuresTestStore_1 = require("./featuresTestStore");
function textOf(result) {
    node_assert_1.strict.ok(result, 'expected a hover');
    return result.contents.value;
}
(0, node_test_1.describe)('hover on event lines', () => {
    let store;
    let chained;
    let chainedLine;
    (0, node_test_1.before)(async () => {
        store = await (0, featuresTestStore_1.openFeatureStore)();
        const index = store.ctx.engine.index;
        // An event in the middle of a correlation chain, with a cause, an effect and an aggregate.
        for (let o = 0; o < index.eventCount; o++) {
            const e = index.event(o);
            if (e.causationId && e.correlationId && e.aggregateId && index.ordinalsCausedBy(e.eventId).length > 0 && index.ordinalsOfAggregate(e.aggregateId)[0] !== o) {
                chained = e;
                break;
            }
        }
        node_assert_1.strict.ok(chained, 'the generated store has chained events');
        chainedLine = store.lineOf(chained.file, chained.line);
    });
    (0, node_test_1.after)(async () => store.close());
    const hoverOn = (line, key, lineNumber = 0) => (0, hover_1.hover)(store.ctx, line, { line: lineNumber, character: (0, featuresTestStore_1.valueCursor)(line, key) });
    (0, node_test_1.it)('event_id: type, time, aggregate, place and its step in the correlation chain', async () => {
        const index = store.ctx.engine.index;
        const result = await hoverOn(chainedLine, 'event_id', 7);
        const text = textOf(result);
        const members = index.ordinalsOfCorrelation(chained.correlationId);
        const step = members.indexOf(chained.ordinal) + 1;
        node_assert_1.strict.match(text, new RegExp(`step ${step} of ${members.length} in correlation ${chained.correlationId}`));
        node_assert_1.strict.ok(text.includes((0, markdown_1.escapeMarkdown)(chained.eventType)), text);
        node_assert_1.strict.ok(text.includes((0, markdown_1.escapeMarkdown)(`${chained.file}:${chained.line}`)), text);
        node_assert_1.strict.ok(text.includes(`sequence ${chained.sequenceNumber}`), text);
        const cause = index.event(index.ordinalsOfEventId(chained.causationId)[0]);
        node_assert_1.strict.ok(text.includes(`caused by ${(0, markdown_1.escapeMarkdown)(cause.eventType)}`), text);
        const effects = index.ordinalsCausedBy(chained.eventId).length;
        node_assert_1.strict.ok(text.includes(`${effects} direct effect`), text);
        // The range is the value token, quotes included, on the requested line.
        const start = chainedLine.indexOf(`"${chained.eventId}"`);
        node_assert_1.strict.deepEqual(result?.range, { start: { line: 7, character: start }, end: { line: 7, character: start + chained.eventId.length + 2 } });
    });
    (0, node_test_1.it)('causation_id: describes the causing event', async () => {
        const index = store.ctx.engine.index;
        const cause = index.event(index.ordinalsOfEventId(chained.causationId)[0]);
        const text = textOf(await hoverOn(chainedLine, 'causation_id'));
        node_assert_1.strict.match(text, /^\*\*Caused by\*\*/);
        node_assert_1.strict.ok(text.includes((0, markdown_1.escapeMarkdown)(`${cause.file}:${cause.line}`)), text);
        node_assert_1.strict.ok(text.includes((0, markdown_1.escapeMarkdown)(cause.eventType)), text);
    });
    (0, node_test_1.it)('causation_id naming no event: says so', async () => {
        const fault = store.summary.faults.find((f) => f.kind === 'unknown-causation');
        node_assert_1.strict.ok(fault);
        const line = store.lineOf(fault.file, fault.line);
        const text = textOf(await hoverOn(line, 'causation_id'));
        node_assert_1.strict.match(text, /No event in this store has this event_id/);
    });
    (0, node_test_1.it)('correlation_id: event count, aggregates, time span and first event', async () => {
        const index = store.ctx.engine.index;
        const members = index.ordinalsOfCorrelation(chained.correlationId);
        const aggregates = new Set(members.map((o) => index.event(o).aggregateId).filter((a) => a !== null));
        const first = index.event(members[0]);
        const text = textOf(await hoverOn(chainedLine, 'correlation_id'));
        node_assert_1.strict.ok(text.includes(`**Events**: ${members.length}`), text);
        node_assert_1.strict.ok(text.includes(`**Aggregates** (${aggregates.size})`), text);
        node_assert_1.strict.match(text, /\*\*Time span\*\*: \S+/);
        node_assert_1.strict.ok(text.includes(`**First event**: ${(0, markdown_1.escapeMarkdown)(first.eventType)}`), text);
        node_assert_1.strict.ok(text.includes((0, markdown_1.escapeMarkdown)(`${first.file}:${first.line}`)), text);
    });
    (0, node_test_1.it)('aggregate_id: event count, first and last sequence, latest snapshot', async () => {
        const index = store.ctx.engine.index;
        const snapshot = [...store.summary.snapshots].filter((s) => s.aggregate_id !== 'system').sort((a, b) => b.sequence_number - a.sequence_number)[0];
        const ordinals = index.ordinalsOfAggregate(snapshot.aggregate_id);
        const event = index.event(ordinals[1]);
        const line = store.lineOf(event.file, event.line);
        const text = textOf(await hoverOn(line, 'aggregate_id'));
        const newest = store.summary.snapshots.filter((s) => s.aggregate_id === snapshot.aggregate_id).sort((a, b) => b.sequence_number - a.sequence_number)[0];
        node_assert_1.strict.ok(text.includes(`**Events**: ${ordinals.length}`), text);
        node_assert_1.strict.ok(text.includes(`**First**: sequence ${index.event(ordinals[0]).sequenceNumber}`), text);
        node_assert_1.strict.ok(text.includes(`**Last**: sequence ${index.event(ordinals[ordinals.length - 1]).sequenceNumber}`), text);
        node_assert_1.strict.ok(text.includes(`at sequence ${newest.sequence_number}`), text);
    });
    (0, node_test_1.it)('event_type: schema title, description and known versions', async () => {
        const index = store.ctx.engine.index;
        const ordinal = index.ordinalsOfType('trade_executed')[0];
        const event = index.event(ordinal);
        const line = store.lineOf(event.file, event.line);
        const text = textOf(await hoverOn(line, 'event_type'));
        const info = store.ctx.registry.schemaInfo('trade_executed');
        node_assert_1.strict.ok(info?.title && info.description);
        node_assert_1.strict.ok(text.includes((0, markdown_1.escapeMarkdown)(info.title)), text);
        node_assert_1.strict.ok(text.includes((0, markdown_1.escapeMarkdown)(info.description)), text);
        node_assert_1.strict.ok(text.includes('**Schema versions**: 1.0, 1.1 (newest 1.1)'), text);
        node_assert_1.strict.ok(text.includes('built-in'), text);
        node_assert_1.strict.ok(text.includes(`**Events in store**: ${index.eventTypeCounts().get('trade_executed')}`), text);
    });
    (0, node_test_1.it)('timestamp: UTC, local time in the process zone and the gap to the previous event of the aggregate', async () => {
        const index = store.ctx.engine.index;
        const stream = index.ordinalsOfAggregate(chained.aggregateId);
        const at = stream.indexOf(chained.ordinal);
        const previous = index.event(stream[at - 1]);
        const savedTz = process.env.TZ;
        process.env.TZ = 'Asia/Kolkata'; // +05:30 all year: no daylight-saving ambiguity
        try {
            const text = textOf(await hoverOn(chainedLine, 'timestamp'));
            const ms = chained.timestampMs;
            node_assert_1.strict.ok(text.includes(`**UTC**: ${new Date(ms).toISOString()}`), text);
            const local = new Date(ms + 5.5 * 3_600_000).toISOString().replace('T', ' ').slice(0, 23);
            node_assert_1.strict.ok(text.includes(`**Local**: ${local} UTC+05:30 (Asia/`), text); // ICU may name it Asia/Calcutta
            const gapSeconds = (ms - previous.timestampMs) / 1000;
            node_assert_1.strict.ok(gapSeconds >= 0);
            node_assert_1.strict.ok(text.includes(`sequence ${previous.sequenceNumber}`), text);
            node_assert_1.strict.match(text, /^\*\*\+.+\*\* after the previous event of /m);
            if (gapSeconds < 60)
                node_assert_1.strict.ok(text.includes(`**+${Number(gapSeconds.toFixed(3))} s**`), text);
        }
        finally {
            if (savedTz === undefined)
                delete process.env.TZ;
            else
                process.env.TZ = savedTz;
        }
    });
    (0, node_test_1.it)('timestamp of an aggregate\'s first event says it is the first', async () => {
        const index = store.ctx.engine.index;
        const first = index.event(index.ordinalsOfAggregate(chained.aggregateId)[0]);
        const text = textOf(await hoverOn(store.lineOf(first.file, first.line), 'timestamp'));
        node_assert_1.strict.ok(text.includes(`First event of aggregate ${(0, markdown_1.escapeMarkdown)(chained.aggregateId)}`), text);
    });
    (0, node_test_1.it)('null ids explain themselves; data values and keys get no hover', async () => {
        const line = chainedLine.replace(`"causation_id":"${chained.causationId}"`, '"causation_id":null');
        node_assert_1.strict.match(textOf(await hoverOn(line, 'causation_id')), /No cause/);
        const dataAt = chainedLine.indexOf('"data"') + 10;
        node_assert_1.strict.equal(await (0, hover_1.hover)(store.ctx, chainedLine, { line: 0, character: dataAt }), null);
        const keyAt = chainedLine.indexOf('"event_id"') + 2;
        node_assert_1.strict.equal(await (0, hover_1.hover)(store.ctx, chainedLine, { line: 0, character: keyAt }), null);
        node_assert_1.strict.equal(await (0, hover_1.hover)(store.ctx, 'not json at all', { line: 0, character: 3 }), null);
    });
    (0, node_test_1.it)('markdown and HTML in a stored value show escaped', async () => {
        const evil = '<img src=x onerror=alert(1)>**bold**_[link](http://x)`code`';
        const event = {
            event_type: 'risk_alert',
            data: { alert_type: 'drawdown', severity: 'low', message: 'm' },
            metadata: {
                event_id: '00000000-0000-4000-8000-000000000001', version: '1.0.0', schema_version: '1.0', timestamp: '2024-01-15T12:00:00Z',
                source: 'Test', correlation_id: null, causation_id: null, aggregate_id: evil, sequence_number: 99999, retry_count: 0, status: 'completed', tags: {},
            },
        };
        const line = JSON.stringify(event);
        fs.appendFileSync(path.join(store.root, store.summary.files[0]), `${line}\n`);
        await store.ctx.engine.refresh();
        const text = textOf(await hoverOn(line, 'aggregate_id'));
        node_assert_1.strict.ok(text.includes('**Events**: 1'), 'the appended event is indexed');
        node_assert_1.strict.ok(!text.includes('<img'), text);
        node_assert_1.strict.ok(text.includes('&lt;img src=x onerror=alert(1)&gt;\\*\\*bold\\*\\*\\_\\[link\\](http://x)\\`code\\`'), text);
    });
});
//# sourceMappingURL=featuresHover.unit.spec.js.map