"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_assert_1 = require("node:assert");
const node_test_1 = require("node:test");
const ids_1 = require("../../src/engine/model/ids");
const lineRules_1 = require("../../src/engine/validate/lineRules");
const codeActions_1 = require("../../src/server/features/codeActions");
const commands_1 = require("../../src/shared/commands");
const featuresTestStore_1 = require("./featuresTestStore");
const URI = 'file:///store/events/events_2024-01-15.jsonl';
const LINE = 12;
(0, node_test_1.describe)('code actions on event lines', () => {
    let store;
    (0, node_test_1.before)(async () => {
        store = await (0, featuresTestStore_1.openFeatureStore)(1500);
    });
    (0, node_test_1.after)(async () => store.close());
    /** The line's findings from the engine's rules, as the server publishes them. */
    const diagnosticsOf = (lineText) => (0, lineRules_1.validateLine)(lineText, { file: 'events/x.jsonl', line: LINE + 1, registry: store.ctx.registry }).map((f) => ({
        range: { start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } },
        code: f.code,
        message: f.message,
        source: 'eventbus',
        ...(f.data ? { data: f.data } : {}),
    }));
    const actionsFor = (lineText, diagnostics, only) => (0, codeActions_1.codeActions)(store.ctx, {
        uri: URI,
        lineText: (line) => (line === LINE ? lineText : undefined),
        range: { start: { line: LINE, character: 5 }, end: { line: LINE, character: 5 } },
        diagnostics,
        ...(only ? { only } : {}),
    });
    const editsOf = (action) => {
        node_assert_1.strict.ok(action?.edit?.changes, 'a quick fix with an edit');
        const edits = action.edit.changes[URI];
        for (const edit of edits)
            node_assert_1.strict.equal(edit.range.start.line, LINE);
        return edits;
    };
    const lineWhere = (predicate) => {
        for (const file of store.summary.files) {
            const found = store.linesOf(file).find(predicate);
            if (found)
                return found;
        }
        throw new Error('no such line in the generated store');
    };
    (0, node_test_1.it)('EB012: upcasts the event to the newest schema_version, which then validates', () => {
        const line = lineWhere((l) => l.startsWith('{"event_type":"trade_executed"') && l.includes('"schema_version":"1.0"') && !l.includes('"exchange_order_id"'));
        const diagnostics = diagnosticsOf(line);
        node_assert_1.strict.ok(diagnostics.some((d) => d.code === 'EB012'));
        const action = actionsFor(line, diagnostics).find((a) => a.title.startsWith('Upcast'));
        node_assert_1.strict.equal(action?.title, 'Upcast trade_executed from 1.0 to 1.1');
        node_assert_1.strict.equal(action?.kind, 'quickfix');
        const fixed = (0, featuresTestStore_1.applyLineEdits)(line, editsOf(action));
        const before = JSON.parse(line);
        const after = JSON.parse(fixed);
        node_assert_1.strict.deepEqual(Object.keys(after), ['event_type', 'data', 'metadata']);
        node_assert_1.strict.equal(after.metadata.schema_version, '1.1');
        node_assert_1.strict.equal(after.data.exchange_order_id, before.data.order_id);
        node_assert_1.strict.equal(after.data.venue, 'unknown');
        node_assert_1.strict.ok(!('order_id' in after.data));
        node_assert_1.strict.deepEqual({ ...after.metadata, schema_version: '1.0' }, before.metadata);
        node_assert_1.strict.deepEqual(store.ctx.registry.validateData('trade_executed', '1.1', after.data), []);
        node_assert_1.strict.equal(fixed, JSON.stringify(after), 'written compact like the line was');
        node_assert_1.strict.ok(!diagnosticsOf(fixed).some((d) => d.code === 'EB012' || d.code === 'EB009'));
    });
    (0, node_test_1.it)('EB012 on a Python-style line keeps its spacing and ASCII escapes', () => {
        const line = '{"event_type": "trade_executed", "data": {"symbol": "BTCUSDT", "side": "buy", "quantity": 1.5, "price": 42000.5, "order_id": "ord_ab12", "fee": 0.1, "note": "caf\\u00e9"}, "metadata": {"event_id": "8d3b6f57-2f0c-4a55-9f8e-0c7a0b7e4d21", "version": "1.0.0", "schema_version": "1.0", "timestamp": "2024-01-15T10:30:00.123456", "source": "Exchange", "correlation_id": null, "causation_id": null, "aggregate_id": "trader_1", "sequence_number": 7, "retry_count": 0, "status": "completed", "tags": {}}}';
        const action = actionsFor(line, diagnosticsOf(line)).find((a) => a.title.startsWith('Upcast'));
        const fixed = (0, featuresTestStore_1.applyLineEdits)(line, editsOf(action));
        node_assert_1.strict.equal(fixed, '{"event_type": "trade_executed", "data": {"symbol": "BTCUSDT", "side": "buy", "quantity": 1.5, "price": 42000.5, "exchange_order_id": "ord_ab12", "fee": 0.1, "note": "caf\\u00e9", "venue": "unknown"}, "metadata": {"event_id": "8d3b6f57-2f0c-4a55-9f8e-0c7a0b7e4d21", "version": "1.0.0", "schema_version": "1.1", "timestamp": "2024-01-15T10:30:00.123456", "source": "Exchange", "correlation_id": null, "causation_id": null, "aggregate_id": "trader_1", "sequence_number": 7, "retry_count": 0, "status": "completed", "tags": {}}}');
    });
    (0, node_test_1.it)('EB009: adds the missing required property with a value that satisfies the schema', () => {
        const fault = store.summary.faults.find((f) => f.kind === 'schema-missing-field');
        node_assert_1.strict.ok(fault);
        const line = store.lineOf(fault.file, fault.line);
        const diagnostics = diagnosticsOf(line).filter((d) => d.code === 'EB009');
        node_assert_1.strict.equal(diagnostics.length, 1);
        const action = actionsFor(line, diagnostics).find((a) => a.title.startsWith('Add missing'));
        node_assert_1.strict.equal(action?.title, 'Add missing property "price" (1)');
        const fixed = (0, featuresTestStore_1.applyLineEdits)(line, editsOf(action));
        const dataEnd = line.indexOf('},"metadata"');
        node_assert_1.strict.equal(fixed, `${line.slice(0, dataEnd)},"price":1${line.slice(dataEnd)}`);
        const event = JSON.parse(fixed);
        node_assert_1.strict.deepEqual(store.ctx.registry.validateData(event.event_type, event.metadata.schema_version, event.data), []);
    });
    (0, node_test_1.it)('EB009: uses the schema default when there is one, and fills an empty object', () => {
        store.ctx.registry.addSchema('order_placed', '1.0', {
            type: 'object',
            required: ['currency', 'lines'],
            properties: { currency: { type: 'string', default: 'EUR' }, lines: { type: 'array' } },
        });
        const line = '{"event_type":"order_placed","data":{},"metadata":{"schema_version":"1.0"}}';
        const diagnostics = diagnosticsOf(line).filter((d) => d.code === 'EB009');
        node_assert_1.strict.equal(diagnostics.length, 2);
        const actions = actionsFor(line, diagnostics).filter((a) => a.title.startsWith('Add missing'));
        node_assert_1.strict.deepEqual(actions.map((a) => a.title), ['Add missing property "currency" ("EUR")', 'Add missing property "lines" ([])']);
        node_assert_1.strict.equal((0, featuresTestStore_1.applyLineEdits)(line, editsOf(actions[0])), '{"event_type":"order_placed","data":{"currency":"EUR"},"metadata":{"schema_version":"1.0"}}');
    });
    (0, node_test_1.it)('EB013: replaces a duplicate event_id with a new UUID and changes nothing else', () => {
        const fault = store.summary.faults.find((f) => f.kind === 'duplicate-event-id');
        node_assert_1.strict.ok(fault?.eventId);
        const line = store.lineOf(fault.file, fault.line);
        const start = line.indexOf(`"${fault.eventId}"`);
        const diagnostic = {
            range: { start: { line: LINE, character: start }, end: { line: LINE, character: start + 38 } },
            code: 'EB013',
            message: `duplicate event_id ${fault.eventId}`,
        };
        const action = actionsFor(line, [diagnostic]).find((a) => a.kind === 'quickfix');
        node_assert_1.strict.equal(action?.title, 'Replace duplicate event_id with a new UUID');
        const fixed = (0, featuresTestStore_1.applyLineEdits)(line, editsOf(action));
        const id = JSON.parse(fixed).metadata.event_id;
        node_assert_1.strict.ok((0, ids_1.isUuid)(id));
        node_assert_1.strict.notEqual(id, fault.eventId);
        node_assert_1.strict.equal(store.ctx.engine.index.ordinalsOfEventId(id).length, 0);
        node_assert_1.strict.equal(fixed.replace(id, fault.eventId), line);
    });
    (0, node_test_1.it)('"Replay aggregate to this event" and "Show in timeline" commands for the line under the cursor', () => {
        const line = store.lineOf(store.summary.files[0], 3);
        const event = JSON.parse(line);
        const actions = actionsFor(line, []);
        const replay = actions.find((a) => a.command?.command === commands_1.ReplayAggregateCommand.id);
        node_assert_1.strict.equal(replay?.title, 'Replay aggregate to this event');
        node_assert_1.strict.deepEqual(replay?.command?.arguments, [{ aggregateId: event.metadata.aggregate_id, toSequence: event.metadata.sequence_number }]);
        const timeline = actions.find((a) => a.command?.command === commands_1.ShowInTimelineCommand.id);
        node_assert_1.strict.deepEqual(timeline?.command?.arguments, [{ eventId: event.metadata.event_id }]);
        node_assert_1.strict.equal(commands_1.ReplayAggregateCommand.id, 'eventbus.replayAggregate');
        node_assert_1.strict.equal(commands_1.ShowInTimelineCommand.id, 'eventbus.showInTimeline');
        // `only: quickfix` leaves the commands out; a line that is not an event gets none.
        node_assert_1.strict.deepEqual(actionsFor(line, [], ['quickfix']), []);
        node_assert_1.strict.equal(actionsFor(line, [], ['']).length, 2);
        node_assert_1.strict.deepEqual(actionsFor('{"event_type": broken', []), []);
    });
    (0, node_test_1.it)('offers nothing for a stale diagnostic whose line no longer has the problem', () => {
        const line = lineWhere((l) => l.startsWith('{"event_type":"trade_executed"') && l.includes('"schema_version":"1.1"'));
        const stale = { range: { start: { line: LINE, character: 0 }, end: { line: LINE, character: 1 } }, code: 'EB012', message: 'old' };
        const missing = { ...stale, code: 'EB009', message: 'data is missing required property "price"', data: { instancePath: '', keyword: 'required' } };
        node_assert_1.strict.deepEqual(actionsFor(line, [stale, missing], ['quickfix']), []);
    });
});
//# sourceMappingURL=featuresCodeActions.unit.spec.js.map