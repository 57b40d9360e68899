import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateStoreSync } from '../../src/engine/generate/generateStore';
import { EventGroupsRequest, StatusRequest, StoreProgressNotification } from '../../src/shared/protocol';
import { makeTempDir } from '../helpers/tempStore';
import { startServer } from './lspClient';

/** Processes whose command line names the index build script and this store. */
function indexBuildsOf(storeRoot: string): number[] {
  const found: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (cmdline.includes('indexBuild.js') && cmdline.includes(JSON.stringify(storeRoot).slice(1, -1))) found.push(Number(name));
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

describe('a store without a persisted index is indexed by a child process of the server', () => {
  let folder: string;
  let cleanup: () => void;
  let store: string;

  before(() => {
    ({ dir: folder, cleanup } = makeTempDir('eventbus-lsp-cold-'));
    store = path.join(folder, 'event_store');
    generateStoreSync({ events: 60_000, days: 3, outDir: store, seed: 5 });
  });
  after(() => cleanup?.());

  it('reports indexing progress, leaves the written index behind and answers from it', async () => {
    const client = await startServer({ folder });
    const percents: number[] = [];
    client.connection.onNotification(StoreProgressNotification.type, (params) => {
      if (params.status.progress?.phase === 'indexing') percents.push(params.status.progress.percent);
    });
    try {
      await client.waitForStoreChanged((p) => p.reason === 'opened', 120_000);
      assert.ok(fs.existsSync(path.join(store, '.eventbus', 'index.ebx')), 'the child wrote the index');
      assert.deepEqual(client.logs.filter((line) => /index build process|indexing here instead/.test(line)), [], 'the child finished: the server did not index in-process');
      const status = await client.connection.sendRequest(StatusRequest.type, {});
      assert.equal(status.stores[0].eventCount, 60_000);
      const groups = await client.connection.sendRequest(EventGroupsRequest.type, { store, groupBy: 'aggregate', limit: 5 });
      assert.equal(groups.items.length, 5);
      assert.ok(percents.length > 0, 'indexing progress was sent while the child scanned');
      assert.equal(indexBuildsOf(store).length, 0, 'the child is gone once the store is open');
    } finally {
      await client.stop();
    }
  });

  it('a server stopped while the child indexes leaves no index build process behind', async () => {
    fs.rmSync(path.join(store, '.eventbus'), { recursive: true, force: true });
    const client = await startServer({ folder });
    const deadline = Date.now() + 30_000;
    while (indexBuildsOf(store).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(indexBuildsOf(store).length > 0, 'the child was started');
    await client.stop();
    const gone = Date.now() + 10_000;
    while (indexBuildsOf(store).length > 0 && Date.now() < gone) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(indexBuildsOf(store), []);
  });
});
