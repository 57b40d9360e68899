import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { isUuid } from '../../src/engine/model/ids';
import { validateLine } from '../../src/engine/validate/lineRules';
import { codeActions } from '../../src/server/features/codeActions';
import { ReplayAggregateCommand, ShowInTimelineCommand } from '../../src/shared/commands';
import { applyLineEdits, type FeatureStore, openFeatureStore } from './featuresTestStore';

const URI = 'file:///store/events/events_2024-01-15.jsonl';
const LINE = 12;

describe('code actions on event lines', () => {
  let store: FeatureStore;
  before(async () => {
    store = await openFeatureStore(1500);
  });
  after(async () => store.close());

  /** The line's findings from the engine's rules, as the server publishes them. */
  const diagnosticsOf = (lineText: string): Diagnostic[] =>
    validateLine(lineText, { file: 'events/x.jsonl', line: LINE + 1, registry: store.ctx.registry }).map((f) => ({
      range: { start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } },
      code: f.code,
      message: f.message,
      source: 'eventbus',
      ...(f.data ? { data: f.data } : {}),
    }));

  const actionsFor = (lineText: string, diagnostics: Diagnostic[], only?: string[]) =>
    codeActions(store.ctx, {
      uri: URI,
      lineText: (line) => (line === LINE ? lineText : undefined),
      range: { start: { line: LINE, character: 5 }, end: { line: LINE, character: 5 } },
      diagnostics,
      ...(only ? { only } : {}),
    });

  const editsOf = (action: CodeAction | undefined): TextEdit[] => {
    assert.ok(action?.edit?.changes, 'a quick fix with an edit');
    const edits = action.edit.changes[URI];
    for (const edit of edits) assert.equal(edit.range.start.line, LINE);
    return edits;
  };

  const lineWhere = (predicate: (line: string) => boolean): string => {
    for (const file of store.summary.files) {
      const found = store.linesOf(file).find(predicate);
      if (found) return found;
    }
    throw new Error('no such line in the generated store');
  };

  it('EB012: upcasts the event to the newest schema_version, which then validates', () => {
    const line = lineWhere((l) => l.startsWith('{"event_type":"trade_executed"') && l.includes('"schema_version":"1.0"') && !l.includes('"exchange_order_id"'));
    const diagnostics = diagnosticsOf(line);
    assert.ok(diagnostics.some((d) => d.code === 'EB012'));
    const action = actionsFor(line, diagnostics).find((a) => a.title.startsWith('Upcast'));
    assert.equal(action?.title, 'Upcast trade_executed from 1.0 to 1.1');
    assert.equal(action?.kind, 'quickfix');
    const fixed = applyLineEdits(line, editsOf(action));
    const before = JSON.parse(line) as { data: Record<string, unknown>; metadata: Record<string, unknown> };
    const after = JSON.parse(fixed) as { event_type: string; data: Record<string, unknown>; metadata: Record<string, unknown> };
    assert.deepEqual(Object.keys(after), ['event_type', 'data', 'metadata']);
    assert.equal(after.metadata.schema_version, '1.1');
    assert.equal(after.data.exchange_order_id, before.data.order_id);
    assert.equal(after.data.venue, 'unknown');
    assert.ok(!('order_id' in after.data));
    assert.deepEqual({ ...after.metadata, schema_version: '1.0' }, before.metadata);
    assert.deepEqual(store.ctx.registry.validateData('trade_executed', '1.1', after.data), []);
    assert.equal(fixed, JSON.stringify(after), 'written compact like the line was');
    assert.ok(!diagnosticsOf(fixed).some((d) => d.code === 'EB012' || d.code === 'EB009'));
  });

  it('EB012 on a Python-style line keeps its spacing and ASCII escapes', () => {
    const line = '{"event_type": "trade_executed", "data": {"symbol": "BTCUSDT", "side": "buy", "quantity": 1.5, "price": 42000.5, "order_id": "ord_ab12", "fee": 0.1, "note": "caf\\u00e9"}, "metadata": {"event_id": "8d3b6f57-2f0c-4a55-9f8e-0c7a0b7e4d21", "version": "1.0.0", "schema_version": "1.0", "timestamp": "2024-01-15T10:30:00.123456", "source": "Exchange", "correlation_id": null, "causation_id": null, "aggregate_id": "trader_1", "sequence_number": 7, "retry_count": 0, "status": "completed", "tags": {}}}';
    const action = actionsFor(line, diagnosticsOf(line)).find((a) => a.title.startsWith('Upcast'));
    const fixed = applyLineEdits(line, editsOf(action));
    assert.equal(
      fixed,
      '{"event_type": "trade_executed", "data": {"symbol": "BTCUSDT", "side": "buy", "quantity": 1.5, "price": 42000.5, "exchange_order_id": "ord_ab12", "fee": 0.1, "note": "caf\\u00e9", "venue": "unknown"}, "metadata": {"event_id": "8d3b6f57-2f0c-4a55-9f8e-0c7a0b7e4d21", "version": "1.0.0", "schema_version": "1.1", "timestamp": "2024-01-15T10:30:00.123456", "source": "Exchange", "correlation_id": null, "causation_id": null, "aggregate_id": "trader_1", "sequence_number": 7, "retry_count": 0, "status": "completed", "tags": {}}}',
    );
  });

  it('EB009: adds the missing required property with a value that satisfies the schema', () => {
    const fault = store.summary.faults.find((f) => f.kind === 'schema-missing-field');
    assert.ok(fault);
    const line = store.lineOf(fault.file, fault.line);
    const diagnostics = diagnosticsOf(line).filter((d) => d.code === 'EB009');
    assert.equal(diagnostics.length, 1);
    const action = actionsFor(line, diagnostics).find((a) => a.title.startsWith('Add missing'));
    assert.equal(action?.title, 'Add missing property "price" (1)');
    const fixed = applyLineEdits(line, editsOf(action));
    const dataEnd = line.indexOf('},"metadata"');
    assert.equal(fixed, `${line.slice(0, dataEnd)},"price":1${line.slice(dataEnd)}`);
    const event = JSON.parse(fixed) as { event_type: string; data: unknown; metadata: { schema_version: string } };
    assert.deepEqual(store.ctx.registry.validateData(event.event_type, event.metadata.schema_version, event.data), []);
  });

  it('EB009: uses the schema default when there is one, and fills an empty object', () => {
    store.ctx.registry.addSchema('order_placed', '1.0', {
      type: 'object',
      required: ['currency', 'lines'],
      properties: { currency: { type: 'string', default: 'EUR' }, lines: { type: 'array' } },
    });
    const line = '{"event_type":"order_placed","data":{},"metadata":{"schema_version":"1.0"}}';
    const diagnostics = diagnosticsOf(line).filter((d) => d.code === 'EB009');
    assert.equal(diagnostics.length, 2);
    const actions = actionsFor(line, diagnostics).filter((a) => a.title.startsWith('Add missing'));
    assert.deepEqual(actions.map((a) => a.title), ['Add missing property "currency" ("EUR")', 'Add missing property "lines" ([])']);
    assert.equal(applyLineEdits(line, editsOf(actions[0])), '{"event_type":"order_placed","data":{"currency":"EUR"},"metadata":{"schema_version":"1.0"}}');
  });

  it('EB013: replaces a duplicate event_id with a new UUID and changes nothing else', () => {
    const fault = store.summary.faults.find((f) => f.kind === 'duplicate-event-id');
    assert.ok(fault?.eventId);
    const line = store.lineOf(fault.file, fault.line);
    const start = line.indexOf(`"${fault.eventId}"`);
    const diagnostic: Diagnostic = {
      range: { start: { line: LINE, character: start }, end: { line: LINE, character: start + 38 } },
      code: 'EB013',
      message: `duplicate event_id ${fault.eventId}`,
    };
    const action = actionsFor(line, [diagnostic]).find((a) => a.kind === 'quickfix');
    assert.equal(action?.title, 'Replace duplicate event_id with a new UUID');
    const fixed = applyLineEdits(line, editsOf(action));
    const id = (JSON.parse(fixed) as { metadata: { event_id: string } }).metadata.event_id;
    assert.ok(isUuid(id));
    assert.notEqual(id, fault.eventId);
    assert.equal(store.ctx.engine.index.ordinalsOfEventId(id).length, 0);
    assert.equal(fixed.replace(id, fault.eventId), line);
  });

  it('"Replay aggregate to this event" and "Show in timeline" commands for the line under the cursor, naming its store', () => {
    const line = store.lineOf(store.summary.files[0], 3);
    const event = JSON.parse(line) as { metadata: { event_id: string; aggregate_id: string; sequence_number: number } };
    const actions = actionsFor(line, []);
    const replay = actions.find((a) => a.command?.command === ReplayAggregateCommand.id);
    assert.equal(replay?.title, 'Replay aggregate to this event');
    assert.deepEqual(replay?.command?.arguments, [{ store: store.ctx.storeRoot, aggregateId: event.metadata.aggregate_id, toSequence: event.metadata.sequence_number }]);
    const timeline = actions.find((a) => a.command?.command === ShowInTimelineCommand.id);
    assert.deepEqual(timeline?.command?.arguments, [{ store: store.ctx.storeRoot, eventId: event.metadata.event_id }]);
    assert.equal(ReplayAggregateCommand.id, 'eventbus.replayAggregate');
    assert.equal(ShowInTimelineCommand.id, 'eventbus.showInTimeline');
    // `only: quickfix` leaves the commands out; a line that is not an event gets none.
    assert.deepEqual(actionsFor(line, [], ['quickfix']), []);
    assert.equal(actionsFor(line, [], ['']).length, 2);
    assert.deepEqual(actionsFor('{"event_type": broken', []), []);
  });

  it('offers nothing for a stale diagnostic whose line no longer has the problem', () => {
    const line = lineWhere((l) => l.startsWith('{"event_type":"trade_executed"') && l.includes('"schema_version":"1.1"'));
    const stale: Diagnostic = { range: { start: { line: LINE, character: 0 }, end: { line: LINE, character: 1 } }, code: 'EB012', message: 'old' };
    const missing: Diagnostic = { ...stale, code: 'EB009', message: 'data is missing required property "price"', data: { instancePath: '', keyword: 'required' } };
    assert.deepEqual(actionsFor(line, [stale, missing], ['quickfix']), []);
  });
});
