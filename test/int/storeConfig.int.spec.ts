import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { makeTempDir } from '../helpers/tempStore';

const CLI = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
const temp = makeTempDir('eventbus-store-config-');
after(() => temp.cleanup());

function statusOf(cwd: string, ...args: string[]): { snapshots_enabled: boolean } {
  const run = spawnSync(process.execPath, [CLI, 'status', '--json', ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as { snapshots_enabled: boolean };
}

describe('the CLI reads the config of the store it runs on', () => {
  it('--store /elsewhere runs with /elsewhere config, not with the current folder config', () => {
    const here = path.join(temp.dir, 'here');
    const elsewhere = path.join(temp.dir, 'elsewhere');
    fs.mkdirSync(path.join(here, 'event_store', 'events'), { recursive: true });
    fs.mkdirSync(path.join(elsewhere, 'store', 'events'), { recursive: true });
    fs.writeFileSync(path.join(here, 'eventbus.config.json'), JSON.stringify({ storage_path: 'event_store', enable_snapshots: false }));
    fs.writeFileSync(path.join(elsewhere, 'eventbus.config.json'), JSON.stringify({ storage_path: 'store', enable_snapshots: true }));

    assert.equal(statusOf(here).snapshots_enabled, false, 'the folder config governs its own store');
    assert.equal(statusOf(here, '--store', path.join(elsewhere, 'store')).snapshots_enabled, true, "the other store's config governs it");
    assert.equal(statusOf(elsewhere, '--store', path.join(here, 'event_store')).snapshots_enabled, false, 'and the other way round');
  });
});
