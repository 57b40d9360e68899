import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileUriOf } from '../../src/shared/uris';
import { writeBrokenSchemas, writeEvents, BROKEN_TYPES } from '../helpers/hostileSchemas';
import { type GeneratedWorkspace, startOnGeneratedStore } from './lspFixtures';

describe('an unusable schema file in the editor', () => {
  let ws: GeneratedWorkspace;
  let broken: Record<keyof typeof BROKEN_TYPES, string>;

  before(async () => {
    ws = await startOnGeneratedStore('eventbus-lsp-broken-schema-', { events: 200, days: 1, seed: 8 }, (store) => {
      broken = writeBrokenSchemas(store);
      writeEvents(store, [{ type: BROKEN_TYPES.unresolvedRef, data: { a: 1 } }]);
    });
  });

  after(() => ws?.close());

  it('gets EB022 on the schema file itself, where the problem is, for each kind of breakage', async () => {
    for (const [kind, relative] of Object.entries(broken)) {
      const uri = fileUriOf(path.join(ws.store, relative));
      const diagnostics = await ws.client.waitForDiagnostics(uri, (list) => list.some((d) => d.code === 'EB022'), 20_000);
      const eb022 = diagnostics.filter((d) => d.code === 'EB022');
      assert.equal(eb022.length, 1, `${kind}: one EB022 on ${relative}`);
      assert.equal(eb022[0].severity, 1, `${kind}: an error`);
    }
    // The invalid JSON's problem is at its end (line 4, where the object is cut off), not on line 1.
    const invalid = ws.client.diagnostics.get(fileUriOf(path.join(ws.store, broken.invalidJson)))?.find((d) => d.code === 'EB022');
    assert.ok((invalid?.range.start.line ?? 0) >= 2, `invalid JSON located at line ${invalid?.range.start.line}`);
    assert.match(JSON.stringify(ws.client.diagnostics.get(fileUriOf(path.join(ws.store, broken.remoteRef)))), /https:\/\/schemas\.example\.invalid/);
  });

  it('keeps it through an append to the store, and clears it once the schema file is mended', async () => {
    const uri = fileUriOf(path.join(ws.store, broken.unresolvedRef));
    // An append re-validates only what changed: the schema file's finding must survive it.
    const seen = ws.client.storeChanged.length;
    writeEvents(ws.store, [{ type: 'component_started', data: {} }]);
    const deadline = Date.now() + 20_000;
    while (!ws.client.storeChanged.slice(seen).some((p) => p.reason === 'changed')) {
      assert.ok(Date.now() < deadline, 'the append was validated');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    assert.ok(ws.client.diagnostics.get(uri)?.some((d) => d.code === 'EB022'), 'still there after an append');
    fs.writeFileSync(path.join(ws.store, broken.unresolvedRef), JSON.stringify({ type: 'object' }));
    await ws.client.waitForDiagnostics(uri, (list) => list.length === 0, 20_000);
  });
});
