import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { COMMANDS } from '../../src/cli/commandTable';
import { generateStoreSync } from '../../src/engine/generate/generateStore';
import { makeTempDir } from '../helpers/tempStore';

const CLI = path.resolve(__dirname, '../../src/cli/main.js');

function exitOf(args: readonly string[], cwd?: string): { status: number | null; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, ...(cwd ? { cwd } : {}) });
  return { status: run.status, stderr: run.stderr };
}

/** The arguments that make each command do its ordinary work on `store` (a generated, clean one). */
function ordinaryRun(command: string, store: string, scratch: string): string[] {
  switch (command) {
    case 'generate':
      return ['generate', '--events', '20', '--out', path.join(scratch, 'generated')];
    case 'copy':
      // Its ordinary work needs a PostgreSQL or NATS server: postgresStore/natsStore.int.spec.ts start real ones.
      return ['copy', '--from', store, '--to', 'postgres://nobody@127.0.0.1:1/none'];
    case 'publish':
      return ['publish', 'component_started', '--data', '{"component": "exit-codes test"}', '--store', store];
    case 'replay':
    case 'rebuild':
      return [command, '--aggregate', 'system', '--store', store];
    case 'correlation':
      return ['correlation', fs.existsSync(path.join(store, 'events')) ? firstCorrelation(store) : 'any', '--store', store];
    case 'snapshot':
      return ['snapshot', 'verify', '--store', store];
    default:
      return [command, '--store', store];
  }
}

/** The first day file's lines (gunzipped once `compact` has run on the store). */
function firstDayLines(store: string): string[] {
  const [day] = fs.readdirSync(path.join(store, 'events')).sort();
  const bytes = fs.readFileSync(path.join(store, 'events', day));
  return (day.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes).toString('utf8').split('\n');
}

function firstAggregate(store: string): string {
  const [line] = firstDayLines(store);
  return (JSON.parse(line) as { metadata: { aggregate_id: string } }).metadata.aggregate_id;
}

function firstCorrelation(store: string): string {
  for (const line of firstDayLines(store)) {
    const id = (JSON.parse(line) as { metadata: { correlation_id: string | null } }).metadata.correlation_id;
    if (id) return id;
  }
  throw new Error('no correlation in the generated store');
}

describe('exit codes: 0 fine, 1 store problems, 2 usage or I/O — every command', () => {
  let scratch: string;
  let cleanup: () => void;
  let clean: string;
  let faulty: string;
  let notAStore: string;

  before(() => {
    ({ dir: scratch, cleanup } = makeTempDir('eventbus-exit-'));
    clean = path.join(scratch, 'clean');
    faulty = path.join(scratch, 'faulty');
    generateStoreSync({ events: 300, days: 1, outDir: clean, seed: 3 });
    generateStoreSync({ events: 300, days: 1, outDir: faulty, seed: 3, withErrors: true });
    notAStore = path.join(scratch, 'etc');
    fs.mkdirSync(notAStore);
    fs.writeFileSync(path.join(notAStore, 'passwd'), 'root:x:0:0\n');
  });

  after(() => cleanup?.());

  for (const { name } of COMMANDS) {
    it(`${name}: --help 0, an unknown option 2, a folder that is not a store 2, ordinary work 0`, () => {
      assert.equal(exitOf([name, '--help']).status, 0);
      const unknown = exitOf([name, '--no-such-option']);
      assert.equal(unknown.status, 2, unknown.stderr);
      if (name !== 'generate') {
        const args = ordinaryRun(name, notAStore, scratch);
        const wrong = exitOf(args);
        assert.equal(wrong.status, 2, `${args.join(' ')}: ${wrong.stderr}`);
        assert.match(wrong.stderr, /is not an event store/);
      }
      const ok = exitOf(ordinaryRun(name, clean, scratch));
      // copy's target here has no server: an I/O error (2); the backend specs check its exit 0 against real servers.
      assert.equal(ok.status, name === 'copy' ? 2 : 0, ok.stderr);
    });
  }

  it('store problems are 1: findings, an unknown correlation, a rejected event, nothing to snapshot', () => {
    assert.equal(exitOf(['validate', '--store', faulty]).status, 1);
    assert.equal(exitOf(['correlation', 'no-such-correlation', '--store', clean]).status, 1);
    assert.equal(exitOf(['snapshot', 'create', '--aggregate', 'no_such_aggregate', '--store', clean]).status, 1);
    assert.equal(exitOf(['publish', 'component_started', '--data', '"not an object"', '--store', clean]).status, 1);
  });

  it('snapshot create on an I/O error is 2, not 1: snapshots/ a file, and a full disk (a real 1 MB tmpfs, as root)', (t) => {
    const aggregate = firstAggregate(clean);
    const blocked = path.join(scratch, 'snapshots-is-a-file');
    fs.cpSync(clean, blocked, { recursive: true });
    fs.rmSync(path.join(blocked, 'snapshots'), { recursive: true, force: true });
    fs.writeFileSync(path.join(blocked, 'snapshots'), 'not a folder\n');
    const notADir = exitOf(['snapshot', 'create', '--aggregate', aggregate, '--store', blocked]);
    assert.equal(notADir.status, 2, notADir.stderr);
    assert.match(notADir.stderr, /ENOTDIR/);

    const full = path.join(scratch, 'full');
    fs.mkdirSync(full);
    if (process.getuid?.() !== 0 || spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', full]).status !== 0) {
      t.diagnostic('mounting a tmpfs needs root and mount(8): the full-disk half is not exercised here');
      return;
    }
    try {
      const store = path.join(full, 'store');
      generateStoreSync({ events: 300, days: 1, outDir: store, seed: 3 });
      // Index first (it is written on open), then fill what is left, so only the snapshot's write meets the full disk.
      assert.equal(exitOf(['stats', '--store', store]).status, 0);
      const filler = path.join(full, 'filler');
      const fd = fs.openSync(filler, 'w');
      try {
        for (let size = 64 * 1024; size >= 1; size = Math.floor(size / 2)) {
          try {
            for (;;) fs.writeSync(fd, Buffer.alloc(size, 0x78));
          } catch {
            // no room for this size: try a smaller one
          }
        }
      } finally {
        fs.closeSync(fd);
      }
      const snapshotsBefore = fs.readdirSync(path.join(store, 'snapshots')).sort();
      const run = exitOf(['snapshot', 'create', '--aggregate', aggregate, '--store', store]);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /ENOSPC|no space/i);
      assert.deepEqual(fs.readdirSync(path.join(store, 'snapshots')).sort(), snapshotsBefore, 'no new snapshot and no temp file left');
    } finally {
      spawnSync('umount', [full]);
    }
  });

  it('a config with __proto__, constructor or prototype is an error (2), and storage_path that is not a store says so (2)', () => {
    const workspace = path.join(scratch, 'workspace');
    fs.mkdirSync(workspace, { recursive: true });
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      fs.writeFileSync(path.join(workspace, 'eventbus.config.json'), `{"event_bus": {"${key}": {"max_history": 5}}}`);
      const run = exitOf(['stats'], workspace);
      assert.equal(run.status, 2, key);
      assert.match(run.stderr, new RegExp(`eventbus\\.config\\.json:1:\\d+: "${key}"`));
    }
    fs.writeFileSync(path.join(workspace, 'eventbus.config.json'), JSON.stringify({ storage_path: notAStore }));
    const run = exitOf(['stats'], workspace);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /is not an event store/);
    assert.equal(fs.existsSync(path.join(notAStore, '.eventbus')), false, 'nothing was written into it');
  });
});
