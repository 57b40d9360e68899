import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eventFileUriOf } from '../../src/shared/uris';
import { REDOS_TYPE, REDOS_VALUE, writeEvents, writeRedosSchema } from '../helpers/hostileSchemas';
import { type GeneratedWorkspace, startOnGeneratedStore } from './lspFixtures';

describe('the language server and a catastrophic-backtracking schema pattern', () => {
  let ws: GeneratedWorkspace;
  let eventsFile = '';

  before(async () => {
    const started = Date.now();
    ws = await startOnGeneratedStore('eventbus-lsp-redos-', { events: 200, days: 1, seed: 5 }, (store) => {
      writeRedosSchema(store);
      eventsFile = path.join(store, writeEvents(store, [{ type: REDOS_TYPE, data: { name: REDOS_VALUE } }]));
    });
    // The store opens (a hang here was over a minute); the generous bound is for a busy machine.
    assert.ok(Date.now() - started < 30_000, `the store opened in ${Date.now() - started} ms`);
  });

  after(() => ws?.close());

  it('opens the store and reports the value as a pattern violation', async () => {
    const diagnostics = await ws.client.waitForDiagnostics(eventFileUriOf(eventsFile), (list) => list.some((d) => d.code === 'EB009'), 20_000);
    const violation = diagnostics.find((d) => d.code === 'EB009');
    assert.equal(violation?.range.start.line, 0);
    assert.match(JSON.stringify(violation?.message ?? ''), /must match pattern/);
  });
});
