import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { configOfStore, resolveFolderStore } from '../../src/engine/config/storeRef';
import { makeTempDir } from '../helpers/tempStore';

const temp = makeTempDir('eventbus-storeref-');
after(() => temp.cleanup());

function folder(...parts: string[]): string {
  const dir = path.join(temp.dir, ...parts);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function writeConfig(dir: string, config: unknown): string {
  const file = path.join(dir, 'eventbus.config.json');
  fs.writeFileSync(file, JSON.stringify(config));
  return file;
}

describe('a store is resolved once, with the config that governs it', () => {
  it('--store elsewhere runs with the config that names the store there, not with the current folder config', async () => {
    const here = folder('here');
    writeConfig(here, { storage_path: 'event_store', event_ttl_days: 3 });
    const elsewhere = folder('elsewhere');
    const governing = writeConfig(elsewhere, { storage_path: 'store', event_ttl_days: 9 });
    folder('elsewhere', 'store', 'events');

    const ref = await resolveFolderStore('../elsewhere/store', here);
    assert.equal(ref.root, path.join(elsewhere, 'store'));
    assert.equal(ref.configFile, governing);
    assert.equal(ref.config.event_ttl_days, 9);
  });

  it('a config that names another store does not govern this one: the guide defaults apply', async () => {
    const here = folder('names-other');
    writeConfig(here, { storage_path: 'event_store', event_ttl_days: 3 });
    const store = folder('lonely', 'store');
    const governed = await configOfStore(store, [here]);
    assert.equal(governed.configFile, undefined);
    assert.equal(governed.config.event_ttl_days, 30);
  });

  it('a config that names no store governs the store it is used with; one inside the store comes first', async () => {
    const project = folder('project');
    const settingsOnly = writeConfig(project, { event_bus: { event_ttl_days: 6 } });
    const store = folder('python-store');
    assert.equal((await configOfStore(store, [project])).configFile, settingsOnly);
    assert.equal((await configOfStore(store, [project])).config.event_ttl_days, 6);

    const own = writeConfig(store, { event_ttl_days: 2 });
    const inside = await configOfStore(store, [project]);
    assert.equal(inside.configFile, own);
    assert.equal(inside.config.event_ttl_days, 2);
  });

  it('without --store: the workspace config storage_path, else event_store/ in the workspace', async () => {
    const workspace = folder('workspace');
    assert.equal((await resolveFolderStore(undefined, workspace)).root, path.join(workspace, 'event_store'));
    writeConfig(workspace, { storage_path: 'data/events-store', event_ttl_days: 4 });
    const ref = await resolveFolderStore(undefined, workspace);
    assert.equal(ref.root, path.join(workspace, 'data', 'events-store'));
    assert.equal(ref.config.event_ttl_days, 4);
  });

  it('two spellings of one store (a symlinked folder) find the same governing config', async () => {
    const real = folder('real');
    writeConfig(real, { storage_path: 'store', event_ttl_days: 11 });
    folder('real', 'store');
    const link = path.join(temp.dir, 'link');
    fs.symlinkSync(real, link);
    assert.equal((await configOfStore(path.join(link, 'store'))).config.event_ttl_days, 11);
  });

  it('an invalid config nearby is a clear error naming the file, not a silent default', async () => {
    const broken = folder('broken');
    fs.writeFileSync(path.join(broken, 'eventbus.config.json'), '{"event_ttl_days": "soon"}');
    await assert.rejects(configOfStore(folder('broken-store'), [broken]), /eventbus\.config\.json.*event_ttl_days/s);
  });
});
