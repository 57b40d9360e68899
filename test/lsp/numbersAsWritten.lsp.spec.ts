import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { AggregateEventsRequest, EventByIdRequest, RebuildRequest } from '../../src/shared/protocol';
import { CLI_JS } from './lspClient';
import { type GeneratedWorkspace, startOnGeneratedStore } from './lspFixtures';

const BIG = '12345678901234567890';
const DATA = `{"symbol": "BTCUSDT", "side": "buy", "quantity": 1.0, "price": 50000.0, "order_id": "ord_ab12", "fee": 0.0, "ticket": ${BIG}}`;

describe('numbers as written in what the editor shows: event documents and the inspector\'s states', () => {
  let ws: GeneratedWorkspace;

  before(async () => {
    ws = await startOnGeneratedStore('eventbus-lsp-numbers-', { events: 300, days: 1, seed: 8 }, (store) => {
      // Published before the server starts: the store on disk already holds the line.
      const run = spawnSync(process.execPath, [CLI_JS, 'publish', 'trade_executed', '--data', DATA, '--aggregate', 'trader_big', '--schema-version', '1.0', '--store', store], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const second = spawnSync(process.execPath, [CLI_JS, 'publish', 'trade_executed', '--data', DATA.replace('"quantity": 1.0', '"quantity": 2.50'), '--aggregate', 'trader_big', '--schema-version', '1.0', '--store', store], { encoding: 'utf8' });
      assert.equal(second.status, 0, second.stderr);
    });
  });

  after(() => ws?.close());

  it('an event document spells 1.0, 50000.0 and the 20-digit integer as the line does', async () => {
    const page = await ws.client.connection.sendRequest(AggregateEventsRequest.type, { store: ws.store, aggregateId: 'trader_big', limit: 10 });
    const detail = await ws.client.connection.sendRequest(EventByIdRequest.type, { store: ws.store, eventId: page.items[0].eventId });
    assert.ok(detail?.documentText);
    assert.match(detail.documentText, /\n {4}"quantity": 1\.0,\n {4}"price": 50000\.0,\n/);
    assert.match(detail.documentText, /"ticket": 12345678901234567890\n/);
    assert.deepEqual(JSON.parse(detail.documentText), detail.event, 'the same event, only spelled as stored');
  });

  it('a rebuilt state carries its text with the numbers of the events folded, and names the rounded paths (EB026)', async () => {
    const page = await ws.client.connection.sendRequest(AggregateEventsRequest.type, { store: ws.store, aggregateId: 'trader_big', limit: 10 });
    const [first, second] = page.items;
    const atFirst = await ws.client.connection.sendRequest(RebuildRequest.type, { store: ws.store, aggregateId: 'trader_big', atSequence: first.sequence ?? -1 });
    assert.match(atFirst.stateText ?? '', /\n {2}"quantity": 1\.0,\n {2}"price": 50000\.0,\n/);
    assert.match(atFirst.stateText ?? '', /"ticket": 12345678901234567890/);
    assert.deepEqual(atFirst.numberSpellings, { '/quantity': '1.0', '/price': '50000.0', '/fee': '0.0', '/ticket': BIG });
    assert.deepEqual(atFirst.roundedNumbers, ['/ticket']);
    const atSecond = await ws.client.connection.sendRequest(RebuildRequest.type, { store: ws.store, aggregateId: 'trader_big', atSequence: second.sequence ?? -1 });
    assert.match(atSecond.stateText ?? '', /"quantity": 2\.50,/, 'the last event that set the path gives its spelling');
    assert.ok(atSecond.bookkeepingKeys?.includes('_meta'));
    const plain = await ws.client.connection.sendRequest(RebuildRequest.type, { store: ws.store, aggregateId: 'trader_1' });
    assert.equal(plain.roundedNumbers, undefined);
  });
});
