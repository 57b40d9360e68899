import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Event } from '../../src/engine/model/event';
import { parseSnapshotFileName } from '../../src/engine/snapshot/snapshotFileName';
import { makeTempDir } from '../helpers/tempStore';

/**
 * The CLI never executes anything found in its input or in event data:
 * `publish --data` takes JSON only, and every reading command treats stored
 * payloads (shell, JavaScript, templates) as data. A canary file that any
 * of that code would create must never appear.
 */
const CLI = path.resolve(__dirname, '../../src/cli/main.js');

interface Run {
  readonly code: number;
  readonly signal: NodeJS.Signals | null;
  readonly out: string;
  readonly err: string;
}

const temp = makeTempDir('eventbus-cli-noexec-');
after(() => temp.cleanup());
const CANARY = path.join(temp.dir, 'canary');

function cli(...args: string[]): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: temp.dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, EVENTBUS_CANARY: CANARY } });
  return { code: result.status ?? -1, signal: result.signal, out: result.stdout, err: result.stderr };
}

/** Every file under `dir`, relative, with its size: "nothing was written" is this listing unchanged. */
function listing(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath ?? entry.path, entry.name);
      return `${path.relative(dir, file)} ${fs.statSync(file).size}`;
    })
    .sort();
}

const js = JSON.stringify;
/** Code that would create the canary if anything ran it, in the shapes people write. */
const CODE = {
  require: `require('fs').writeFileSync(${js(CANARY)}, 'ran')`,
  iife: `(() => { require('fs').writeFileSync(${js(CANARY)}, 'ran'); return {}; })()`,
  objectLiteral: `{ a: 1, b: require('fs').writeFileSync(${js(CANARY)}, 'ran') }`,
  template: `\`\${require('fs').writeFileSync(${js(CANARY)}, 'ran')}\``,
  shell: `$(touch ${CANARY})`,
  backticks: `\`touch ${CANARY}\``,
  mustache: `{{constructor.constructor('require("fs").writeFileSync(${CANARY})')()}}`,
} as const;

describe('the CLI never runs code from its input or from event data', () => {
  let store: string;

  before(() => {
    store = path.join(temp.dir, 'event_store');
    const made = cli('generate', '--events', '40', '--out', store, '--seed', '7');
    assert.equal(made.code, 0, made.err);
  });

  it('publish --data refuses JavaScript and other non-JSON with a clear one-line error and writes nothing', () => {
    const before = listing(store);
    const refused = [
      '{a: 1}',
      "{'a': 1}",
      '{"a": 1,}',
      '{"a": 1} // a comment',
      'undefined',
      'NaN',
      'new Date()',
      'process.exit(0)',
      ...Object.values(CODE).filter((code) => !code.startsWith('{{')),
    ];
    for (const data of refused) {
      const run = cli('publish', 'order_placed', '--store', store, '--data', data);
      assert.equal(run.code, 2, `${data}: exit ${run.code} ${run.err}`);
      assert.equal(run.out, '', data);
      assert.match(run.err, /^eventbus publish: --data is not valid JSON: .+\n$/, data);
      assert.equal(run.err.split('\n').filter(Boolean).length, 1, data);
    }
    assert.equal(fs.existsSync(CANARY), false, 'nothing ran');
    assert.deepEqual(listing(store), before, 'nothing was written to the store');
  });

  it('stores code-looking JSON strings and keys as data, and no reading command runs them', () => {
    const data = { ...CODE, [CODE.require]: CODE.shell, constructor: { prototype: { polluted: true } }, toString: CODE.iife };
    // `__proto__:` in an object literal sets the prototype, and JSON.stringify skips it: the key is added as JSON text.
    const json = `${JSON.stringify(data).slice(0, -1)},"__proto__":{"polluted":${js(CODE.require)}}}`;
    const published = cli('publish', 'hostile_payload', '--store', store, '--data', json, '--aggregate', CODE.shell, '--correlation', CODE.template, '--source', CODE.backticks, '--tag', `cmd=${CODE.shell}`, '--allow-new-type', '--json');
    assert.equal(published.code, 0, published.err);
    const event = JSON.parse(published.out) as Event<Record<string, unknown>>;
    assert.equal(event.data.require, CODE.require);
    assert.equal(event.data[CODE.require], CODE.shell);
    assert.deepEqual(Object.getOwnPropertyDescriptor(event.data, '__proto__')?.value, { polluted: CODE.require }, '__proto__ stays an own key of the data');
    assert.equal(event.metadata.aggregate_id, CODE.shell);

    const runs = [
      cli('events', '--store', store),
      cli('events', '--store', store, '--aggregate', CODE.shell),
      cli('stats', '--store', store, '--json'),
      cli('replay', '--store', store, '--aggregate', CODE.shell, '--json'),
      cli('rebuild', '--store', store, '--aggregate', CODE.shell, '--json'),
      cli('correlation', CODE.template, '--store', store, '--json'),
      cli('validate', '--store', store, '--format', 'sarif'),
      cli('validate', '--store', store, '--format', 'junit'),
      cli('snapshot', 'create', '--store', store, '--aggregate', CODE.shell, '--json'),
      cli('snapshots', '--store', store),
    ];
    for (const run of runs) {
      assert.equal(run.signal, null);
      assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.err}`);
    }
    const stored = runs[1].out.trim().split('\n').map((line) => JSON.parse(line) as Event<Record<string, unknown>>);
    assert.equal(stored.length, 1);
    assert.equal(stored[0].data.toString, CODE.iife, 'read back as the same text');
    assert.equal((JSON.parse(runs[4].out) as Record<string, unknown>).mustache, CODE.mustache);
    assert.equal(fs.existsSync(CANARY), false, 'nothing ran');
    // The snapshot of that aggregate is a file inside snapshots/ (its name encodes the id), nothing outside the store.
    const ours = fs.readdirSync(path.join(store, 'snapshots')).filter((name) => parseSnapshotFileName(name)?.kind === 'plain' && (parseSnapshotFileName(name) as { aggregateId: string }).aggregateId === CODE.shell);
    assert.equal(ours.length, 1);
    assert.match(ours[0], /^snapshot_[A-Za-z0-9_.~-]+_\d+\.json$/);
    assert.deepEqual(fs.readdirSync(temp.dir).sort(), ['event_store']);
  });

  it('rebuild leaves a store’s projection modules alone unless --allow-projections is given', () => {
    fs.mkdirSync(path.join(store, 'projections'), { recursive: true });
    // The module marks the state it folds (what a module may do in the sandbox; the
    // sandbox's own refusals are projectionSandbox.int.spec.ts's subject).
    fs.writeFileSync(path.join(store, 'projections', 'trap.js'), `module.exports = { name: 'trap', initialState: {}, apply: (s) => ({ ...s, trap_module_loaded: true }) };`);
    try {
      const plain = cli('rebuild', '--store', store, '--aggregate', 'system', '--json');
      assert.equal(plain.code, 0, plain.err);
      assert.doesNotMatch(plain.out, /trap_module_loaded/, 'the module was not loaded');
      const named = cli('rebuild', '--store', store, '--aggregate', CODE.shell, '--projection', 'trap');
      assert.equal(named.code, 2);
      assert.match(named.err, /--projection runs code from the store; add --allow-projections to allow it/);
      assert.equal(fs.existsSync(CANARY), false, 'the module was not loaded');
      // The control: with the flag the module is loaded (its initial state shows), and still cannot touch the disk.
      const allowed = cli('rebuild', '--store', store, '--aggregate', 'system', '--allow-projections', '--json');
      assert.equal(allowed.code, 0, allowed.err);
      assert.match(allowed.out, /trap_module_loaded/);
    } finally {
      fs.rmSync(path.join(store, 'projections'), { recursive: true, force: true });
      fs.rmSync(CANARY, { force: true });
    }
  });
});
