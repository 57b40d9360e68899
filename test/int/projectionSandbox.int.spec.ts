import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createEvent, serializeEvent } from '../../src/engine/model/event';
import { makeTempDir } from '../helpers/tempStore';

const CLI = path.resolve(__dirname, '../../src/cli/main.js');

/** Each tries to reach outside from apply (or at load); the marker file must never appear. */
function hostileProjections(marker: string): Record<string, string> {
  const m = JSON.stringify(marker);
  const inApply = (body: string) => `module.exports = { name: 'x', initialState: {}, apply(state, event) { ${body}; return state; } };`;
  return {
    exec: inApply(`require('child_process').execSync('touch ' + ${m})`),
    'fs-write': inApply(`require('fs').writeFileSync(${m}, 'pwned')`),
    'detached-spawn': inApply(`require('child_process').spawn('sleep', ['119.4242'], { detached: true, stdio: 'ignore' }).unref()`),
    kill: inApply(`process.kill(process.pid, 'SIGKILL')`),
    exit: inApply(`process.exit(7)`),
    'require-at-load': `const fs = require('fs'); module.exports = { apply(state) { fs.writeFileSync(${m}, 'x'); return state; } };`,
    'function-constructor': inApply(`this.constructor.constructor('return process')().kill(0, 'SIGKILL')`),
    'caller-chain': `module.exports = { apply: function (state) { const host = arguments.callee.caller; host.constructor('return process')().exit(9); return state; } };`,
    'event-prototype': inApply(`event.constructor.constructor('return process')().exit(9)`),
    timers: inApply(`setTimeout(() => require('fs').writeFileSync(${m}, 'x'), 0)`),
    count: `module.exports = { name: 'count', initialState: { n: 0 }, apply(state) { state.n++; return state; } };`,
  };
}

describe('projections run in a sandbox', () => {
  let dir: string;
  let cleanup: () => void;
  let marker: string;
  let store: string;

  before(() => {
    ({ dir, cleanup } = makeTempDir('eventbus-sandbox-'));
    store = path.join(dir, 'event_store');
    marker = path.join(dir, 'MARKER');
    fs.mkdirSync(path.join(store, 'projections'), { recursive: true });
    fs.mkdirSync(path.join(store, 'events'), { recursive: true });
    for (const [name, code] of Object.entries(hostileProjections(marker))) fs.writeFileSync(path.join(store, 'projections', `${name}.js`), code);
    const events = [1, 2, 3].map((n) => serializeEvent(createEvent('trade_executed', { n }, { aggregate_id: 'acc_1', sequence_number: n, timestamp: `2026-01-01T00:00:0${n}.000Z` })));
    fs.writeFileSync(path.join(store, 'events', 'events_2026-01-01.jsonl'), `${events.join('\n')}\n`);
  });

  after(() => cleanup?.());

  const rebuild = (projection: string) =>
    spawnSync(process.execPath, [CLI, 'rebuild', '--aggregate', 'acc_1', '--allow-projections', '--projection', projection, '--store', store, '--json'], {
      encoding: 'utf8',
      timeout: 60_000,
    });

  for (const name of Object.keys(hostileProjections('x')).filter((n) => n !== 'count')) {
    it(`${name}: fails with a clear error, the CLI survives, nothing is written or left running`, () => {
      const run = rebuild(name);
      assert.equal(run.signal, null, `the CLI was not killed (${run.signal})`);
      assert.ok(run.status === 1 || run.status === 2, `exit ${run.status}: ${run.stderr}`);
      assert.match(run.stderr, new RegExp(`projections/${name}\\.js`), 'the error names the module');
      assert.match(run.stderr, /is not defined|Code generation from strings disallowed|Cannot read properties of null|is not a function/, run.stderr);
      assert.equal(fs.existsSync(marker), false, 'nothing was written');
      const sleepers = spawnSync('pgrep', ['-f', 'sleep 119.4242'], { encoding: 'utf8' }).stdout.trim();
      assert.equal(sleepers, '', 'no detached process left running');
    });
  }

  it('a plain projection still folds the events, and only when allowed', () => {
    const run = rebuild('count');
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { n: 3 });
    const refused = spawnSync(process.execPath, [CLI, 'rebuild', '--aggregate', 'acc_1', '--projection', 'count', '--store', store], { encoding: 'utf8' });
    assert.notEqual(refused.status, 0);
    assert.match(refused.stderr, /allow-projections/);
  });
});
