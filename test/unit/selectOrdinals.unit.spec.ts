import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEvent, serializeEvent } from '../../src/engine/model/event';
import { openStore } from '../../src/engine/openStore';
import { filterOfQuery, ordinalTestOf, prepareContentMask, selectMatchingOrdinals, selectOrdinals } from '../../src/engine/query';
import type { StoreEngine } from '../../src/engine/storeEngineTypes';
import { makeTempDir, writeEventFile } from '../helpers/tempStore';

/** Eight events, ordinal = data.n: aggregates trader_1/trader_2/order_1, one stored out of sequence order. */
const SPEC: [string, string, number, string, string][] = [
  ['trade_executed', 'trader_1', 2, 'c1', 'bot'],
  ['risk_alert', 'trader_2', 1, 'c1', 'risk'],
  ['trade_executed', 'trader_1', 1, 'c2', 'bot'],
  ['order_placed', 'order_1', 1, 'c2', 'desk'],
  ['trade_executed', 'trader_2', 2, 'c1', 'bot'],
  ['risk_alert', 'trader_1', 3, 'c2', 'risk'],
  ['order_placed', 'order_1', 2, 'c1', 'desk'],
  ['trade_executed', 'trader_2', 3, 'c2', 'bot'],
];
const T0 = Date.parse('2024-01-15T10:00:00Z');

describe('the one evaluator (engine/query selectOrdinals)', () => {
  const temp = makeTempDir('eventbus-select-');
  let engine: StoreEngine;
  before(async () => {
    const lines = SPEC.map(([type, aggregate, sequence, correlation, source], n) =>
      serializeEvent(createEvent(type, { n, quantity: n * 10 }, { aggregate_id: aggregate, sequence_number: sequence, correlation_id: correlation, source, timestamp: new Date(T0 + n * 60_000).toISOString() })),
    );
    writeEventFile(temp.dir, 'events_2024-01-15.jsonl', `${lines.join('\n')}\n`);
    engine = await openStore(temp.dir, { noCache: true });
  });
  after(async () => {
    await engine.close();
    temp.cleanup();
  });

  it('one aggregate comes in sequence order, anything else in store order', () => {
    assert.deepEqual(selectOrdinals(engine.index, { aggregateIds: ['trader_1'] }), [2, 0, 5]);
    assert.deepEqual(selectOrdinals(engine.index, { aggregateIds: ['trader_1', 'order_1'] }), [0, 2, 3, 5, 6]);
    assert.deepEqual(selectOrdinals(engine.index, { eventTypes: ['risk_alert', 'order_placed'] }), [1, 3, 5, 6]);
    assert.deepEqual(selectOrdinals(engine.index, {}), [0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('every field narrows; values within a list are alternatives', () => {
    assert.deepEqual(selectOrdinals(engine.index, { aggregatePrefix: 'trader_', sources: ['risk'] }), [1, 5]);
    assert.deepEqual(selectOrdinals(engine.index, { correlationIds: ['c2'], eventTypes: ['trade_executed'] }), [2, 7]);
    assert.deepEqual(selectOrdinals(engine.index, { aggregateIds: ['trader_2'], fromSequenceNumber: 2, toSequenceNumber: 2 }), [4]);
    assert.deepEqual(selectOrdinals(engine.index, { since: T0 + 2 * 60_000, until: T0 + 4 * 60_000 }), [2, 3, 4]);
    assert.deepEqual(selectOrdinals(engine.index, { since: T0 + 2 * 60_000, eventTypes: ['order_placed'] }), [3, 6]);
    assert.deepEqual(selectOrdinals(engine.index, { aggregateIds: ['nobody'] }), []);
    assert.deepEqual(selectOrdinals(engine.index, { eventTypes: ['trade_executed'] }, 2), [0, 2], 'the limit counts kept events');
  });

  it('empty lists and blank queries narrow nothing; a window given backwards keeps nothing', () => {
    assert.equal(ordinalTestOf(engine.index, { eventTypes: [], where: '  ', aggregatePrefix: '' }), null);
    assert.deepEqual(selectOrdinals(engine.index, { since: T0 + 60_000, until: T0 }), []);
    assert.deepEqual(selectOrdinals(engine.index, { aggregateIds: ['trader_1'], fromSequenceNumber: 3, toSequenceNumber: 2 }), [], 'a rebuild from a snapshot at its target reads nothing');
  });

  it('a storage lookup is the same filter', () => {
    assert.deepEqual(filterOfQuery({ aggregateId: 'a', fromSequenceNumber: 2, limit: 4 }), { aggregateIds: ['a'], fromSequenceNumber: 2 });
    assert.deepEqual(engine.selectOrdinals({ aggregateId: 'trader_1', toSequenceNumber: 2 }), [2, 0]);
  });

  it('the content query: streamed by the CLI, prepared as a mask by the server, the same answer', async () => {
    const filter = { aggregatePrefix: 'trader_', where: 'data.quantity >= 40' };
    const streamed: number[] = [];
    for await (const ordinal of selectMatchingOrdinals(engine, filter)) streamed.push(ordinal);
    assert.deepEqual(streamed, [4, 5, 7]);
    await prepareContentMask(engine, filter.where);
    assert.deepEqual(selectOrdinals(engine.index, filter), [4, 5, 7]);
    const limited: number[] = [];
    for await (const ordinal of selectMatchingOrdinals(engine, filter, 1)) limited.push(ordinal);
    assert.deepEqual(limited, [4]);
  });
});
