import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateStoreSync } from '../../src/engine/generate/generateStore';
import { StatusRequest } from '../../src/shared/protocol';
import { eventFileUriOf } from '../../src/shared/uris';
import { makeTempDir } from '../helpers/tempStore';
import { type LspClient, startServer } from './lspClient';

describe('switching a folder to another store (eventbus.storePath)', () => {
  let folder: string;
  let cleanup: () => void;
  let client: LspClient;

  before(async () => {
    ({ dir: folder, cleanup } = makeTempDir('eventbus-lsp-switch-'));
    generateStoreSync({ events: 200, days: 1, outDir: path.join(folder, 'event_store'), seed: 1 });
    generateStoreSync({ events: 300, days: 1, outDir: path.join(folder, 'other_store'), seed: 2, withErrors: true });
    client = await startServer({ folder });
    await client.waitForStoreChanged((p) => p.reason === 'opened');
  });

  after(async () => {
    await client?.stop();
    cleanup?.();
  });

  it('leaves one session per store, even when the new store was already open for one of its files', async () => {
    const other = path.join(folder, 'other_store');
    const day = path.join(other, 'events', fs.readdirSync(path.join(other, 'events')).filter((f) => f.endsWith('.jsonl'))[0]);
    // Opening a file of the other store opens that store beside the folder's own.
    client.open(eventFileUriOf(day), fs.readFileSync(day, 'utf8'));
    await client.waitForStoreChanged((p) => p.reason === 'opened' && p.storeRoot === other);
    const both = await client.connection.sendRequest(StatusRequest.type, {});
    assert.deepEqual(both.stores.map((s) => s.storeRoot).sort(), [path.join(folder, 'event_store'), other].sort());

    client.configure({ storePath: 'other_store' });
    const deadline = Date.now() + 20_000;
    let stores = both.stores;
    while (Date.now() < deadline) {
      stores = (await client.connection.sendRequest(StatusRequest.type, {})).stores;
      if (stores.length === 1 && stores[0].storeRoot === other && stores[0].state === 'ready') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.deepEqual(stores.map((s) => [s.storeRoot, s.folder, s.eventCount > 0]), [[other, folder, true]]);
    // The open document belongs to the one session left, and still gets diagnostics from it.
    const diagnostics = await client.waitForDiagnostics(eventFileUriOf(day), (d) => d.length > 0);
    assert.ok(diagnostics.length > 0);
    client.close(eventFileUriOf(day));
  });
});
