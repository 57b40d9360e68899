import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createEvent, serializeEvent } from '../../src/engine/model/event';
import { type CausationTree, type CausationTreeNode, CausationTreeRequest } from '../../src/shared/protocol';
import { CAUSATION_LEVELS_PER_ANSWER } from '../../src/server/handlers/correlations';
import { makeTempDir } from '../helpers/tempStore';
import { type LspClient, startServer } from './lspClient';

const CHAIN = 100_000;

/** Issue 13, case 5: a causation chain of 100,000 events through the editor's causation-tree request. */
describe('the causation-tree request on a 100,000-event chain', () => {
  let cleanup: () => void;
  let client: LspClient;
  let store: string;
  const correlationId = randomUUID();
  const ids: string[] = [];

  before(async () => {
    let folder: string;
    ({ dir: folder, cleanup } = makeTempDir('eventbus-lsp-chain-'));
    store = path.join(folder, 'event_store');
    const lines: string[] = [];
    for (let i = 1; i <= CHAIN; i++) {
      const eventId = randomUUID();
      const event = createEvent('component_started', { component: 'c' }, {
        source: 'chain test',
        aggregate_id: 'chain_1',
        sequence_number: i,
        timestamp: new Date(Date.UTC(2026, 0, 1) + i).toISOString(),
        event_id: eventId,
        correlation_id: correlationId,
        causation_id: ids[i - 2] ?? null,
      });
      ids.push(eventId);
      lines.push(serializeEvent(event));
    }
    fs.mkdirSync(path.join(store, 'events'), { recursive: true });
    fs.writeFileSync(path.join(store, 'events', 'events_2026-01-01.jsonl'), `${lines.join('\n')}\n`);
    client = await startServer({ folder });
    await client.waitForStoreChanged((p) => p.reason === 'opened', 120_000);
  });

  after(async () => {
    await client?.stop();
    cleanup?.();
  });

  /** The deepest node of a one-child-per-node answer, and how many levels it nests. */
  function deepest(tree: CausationTree): { node: CausationTreeNode; levels: number } {
    assert.equal(tree.roots.length, 1);
    let node = tree.roots[0];
    let levels = 1;
    while (node.children.length > 0) {
      assert.equal(node.children.length, 1, 'a chain: one effect per event');
      node = node.children[0];
      levels++;
    }
    return { node, levels };
  }

  it('answers (no stack overflow) with bounded nesting and says how many events lie below', async () => {
    const tree = await client.connection.sendRequest(CausationTreeRequest.type, { store, correlationId });
    assert.ok(tree);
    assert.equal(tree.eventCount, CHAIN);
    const { node, levels } = deepest(tree);
    assert.equal(levels, CAUSATION_LEVELS_PER_ANSWER);
    assert.equal(node.entry.eventId, ids[CAUSATION_LEVELS_PER_ANSWER - 1]);
    assert.equal(node.depth, CAUSATION_LEVELS_PER_ANSWER - 1);
    assert.equal(node.hiddenDescendants, CHAIN - CAUSATION_LEVELS_PER_ANSWER);
  });

  it('continues below a cut node with fromEventId, down to the last event of the chain', async () => {
    // Straight to the last piece: from the event CAUSATION_LEVELS_PER_ANSWER above the end.
    const from = ids[CHAIN - CAUSATION_LEVELS_PER_ANSWER];
    const tree = await client.connection.sendRequest(CausationTreeRequest.type, { store, correlationId, fromEventId: from });
    assert.ok(tree);
    assert.equal(tree.roots[0].entry.eventId, from);
    assert.equal(tree.roots[0].depth, CHAIN - CAUSATION_LEVELS_PER_ANSWER, 'depths stay those of the whole tree');
    const { node, levels } = deepest(tree);
    assert.equal(levels, CAUSATION_LEVELS_PER_ANSWER);
    assert.equal(node.entry.eventId, ids[CHAIN - 1]);
    assert.equal(node.entry.line, CHAIN, 'the last line of the day file');
    assert.equal(node.hiddenDescendants, undefined, 'nothing is below the last event');
    // A piece in the middle continues where the previous one was cut.
    const first = await client.connection.sendRequest(CausationTreeRequest.type, { store, correlationId });
    const cut = deepest(first!).node;
    const next = await client.connection.sendRequest(CausationTreeRequest.type, { store, correlationId, fromEventId: cut.entry.eventId });
    assert.equal(next?.roots[0].children[0].entry.eventId, ids[CAUSATION_LEVELS_PER_ANSWER]);
  });

  it('an unknown fromEventId answers null', async () => {
    assert.equal(await client.connection.sendRequest(CausationTreeRequest.type, { store, correlationId, fromEventId: randomUUID() }), null);
  });
});
