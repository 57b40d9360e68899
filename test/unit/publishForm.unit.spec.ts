import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requiredProperties, templateFromSchema } from '../../src/engine/schema/schemaTemplate';
import { draftFromEvent, draftToParams } from '../../src/extension/publish/draftRequests';
import { editorErrorText } from '../../src/extension/errorText';
import { emptyDraft, isPublishHostMessage, isPublishPageMessage } from '../../src/shared/publishFormProtocol';

describe('the publish form', () => {
  it('fills a template from the schema: defaults as written, required fields with a placeholder of their type, optional ones left out', () => {
    const schema = {
      type: 'object',
      required: ['symbol', 'quantity', 'side', 'flags', 'venue', 'nested', 'undeclared'],
      properties: {
        symbol: { type: 'string' },
        quantity: { type: 'number', minimum: 1 },
        side: { enum: ['buy', 'sell'] },
        flags: { type: 'array' },
        venue: { type: ['null', 'string'] },
        price: { type: 'number', default: 100.5 },
        note: { type: 'string' },
        nested: { type: 'object', required: ['id'], properties: { id: { type: 'integer' }, label: { type: 'string' } } },
      },
    };
    assert.deepEqual(templateFromSchema(schema), {
      symbol: '',
      quantity: 1,
      side: 'buy',
      flags: [],
      venue: '',
      price: 100.5,
      nested: { id: 0 },
      undeclared: null,
    });
    assert.deepEqual(requiredProperties(schema), schema.required);
    assert.deepEqual(templateFromSchema(true), {});
    // A default is copied, not shared: editing the template cannot change the schema.
    const withDefault = { type: 'object', properties: { tags: { default: ['a'] } } };
    (templateFromSchema(withDefault) as { tags: string[] }).tags.push('b');
    assert.deepEqual(withDefault.properties.tags.default, ['a']);
  });

  it('says what is wrong with a draft before the server is asked', () => {
    assert.deepEqual(draftToParams({ ...emptyDraft(''), dataText: '{}' }, '/store'), { ok: false, problems: ['choose an event type'] });
    const broken = draftToParams({ ...emptyDraft('risk_alert'), dataText: '{"a": }' }, '/store');
    assert.ok(!broken.ok && /line 1, column 7/.test(broken.problems[0]), JSON.stringify(broken));
    const spaced = draftToParams({ ...emptyDraft('risk_alert'), aggregateId: ' trader_1' }, '/store');
    assert.ok(!spaced.ok && /aggregate id has spaces/.test(spaced.problems[0]));
    const good = draftToParams({ ...emptyDraft('risk_alert'), dataText: '{"a": 1}', aggregateId: 'trader_1', causationId: '' }, '/store');
    assert.deepEqual(good, { ok: true, params: { store: '/store', trusted: true, eventType: 'risk_alert', data: { a: 1 }, aggregateId: 'trader_1', source: 'vscode' } });
  });

  it('republishes a stored event as a template: its type, data and ids, never its event id or time', () => {
    const draft = draftFromEvent({
      event_type: 'trade_executed',
      data: { symbol: 'BTCUSDT' },
      metadata: { event_id: 'e-1', timestamp: 't', aggregate_id: 'trader_2', correlation_id: 'c-1', causation_id: 'e-0', source: 'TradingBot' },
    });
    assert.deepEqual(draft, {
      eventType: 'trade_executed',
      dataText: '{\n  "symbol": "BTCUSDT"\n}',
      aggregateId: 'trader_2',
      correlationId: 'c-1',
      causationId: 'e-0',
      source: 'TradingBot',
    });
    assert.deepEqual(draftFromEvent({ event_type: 'x', data: null, metadata: { aggregate_id: null } }).aggregateId, '');
  });

  it('the page and the host accept only well-formed messages', () => {
    const draft = emptyDraft('risk_alert');
    assert.ok(isPublishPageMessage({ type: 'check', ticket: 3, draft }));
    assert.ok(!isPublishPageMessage({ type: 'check', ticket: 3, draft: { ...draft, aggregateId: 5 } }));
    assert.ok(!isPublishPageMessage({ type: 'suggest', field: 'eventId', prefix: '', draft }));
    assert.ok(!isPublishPageMessage({ type: 'publish' }));
    assert.ok(isPublishHostMessage({ type: 'verdict', ticket: 1, verdict: { schemaVersion: '1.0', problems: ['data must have required property "x"'] } }));
    assert.ok(!isPublishHostMessage({ type: 'verdict', ticket: 1, verdict: { schemaVersion: '1.0', problems: [{}] } }));
    assert.ok(!isPublishHostMessage({ type: 'init', storeName: 's', types: ['a'], draft: {} }));
  });
});

describe('editor error messages', () => {
  it('drop the JSON-RPC request wrapper and the CLI flags', () => {
    assert.equal(editorErrorText(new Error('Request eventbus/publish failed with message: risk_alert was rejected')), 'risk_alert was rejected');
    assert.equal(
      editorErrorText(new Error('/w/event_store: already holds a store (events); choose an empty folder or pass --force to replace it')),
      '/w/event_store: already holds a store (events); choose an empty folder, or move that store away first',
    );
    const projection = editorErrorText(new Error('the store\'s fold is the projection "p": it runs code from the store, so allow projections (--allow-projections, or a trusted workspace) to rebuild its state'));
    assert.doesNotMatch(projection, /--/);
    assert.match(projection, /eventbus\.projections\.enabled/);
    assert.equal(editorErrorText(''), 'the language server gave no reason');
  });
});
