import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createEvent, serializeEvent } from '../../src/engine/model/event';
import { makeTempDir } from '../helpers/tempStore';

const CLI = path.resolve(__dirname, '../../src/cli/main.js');

function cli(args: readonly string[], cwd?: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 180_000, maxBuffer: 256 * 1024 * 1024, ...(cwd ? { cwd } : {}) });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function eventLine(sequence: number, data: unknown, ids: { eventId?: string; correlationId?: string; causationId?: string | null } = {}): string {
  const event = createEvent('component_started', data, {
    source: 'deep-data test',
    aggregate_id: 'deep_1',
    sequence_number: sequence,
    timestamp: new Date(Date.UTC(2026, 0, 1) + sequence).toISOString(),
    ...(ids.eventId ? { event_id: ids.eventId } : {}),
    ...(ids.correlationId ? { correlation_id: ids.correlationId } : {}),
    ...(ids.causationId !== undefined ? { causation_id: ids.causationId } : {}),
  });
  return serializeEvent(event);
}

/** An event line whose data nests `depth` objects deep, written as text (JSON.stringify of it overflows the stack). */
function deepLine(sequence: number, depth: number): string {
  return eventLine(sequence, { marker: true }).replace('{"marker":true}', `${'{"x":'.repeat(depth)}1${'}'.repeat(depth)}`);
}

function writeDay(store: string, lines: readonly string[]): void {
  fs.mkdirSync(path.join(store, 'events'), { recursive: true });
  fs.writeFileSync(path.join(store, 'events', 'events_2026-01-01.jsonl'), `${lines.join('\n')}\n`);
}

describe('deep data: one nesting limit, a finding beyond it, never a stack overflow', () => {
  let dir: string;
  let cleanup: () => void;

  before(() => ({ dir, cleanup } = makeTempDir('eventbus-deep-')));
  after(() => cleanup?.());

  for (const depth of [3_000, 20_000]) {
    it(`data nested ${depth.toLocaleString('en')} deep: validate reports EB025 at file and line; events prints it; replay and rebuild refuse it with exit 1`, () => {
      const store = path.join(dir, `deep-${depth}`);
      writeDay(store, [eventLine(1, { component: 'shallow' }), deepLine(2, depth)]);
      const validate = cli(['validate', '--store', store]);
      assert.equal(validate.status, 1, validate.stderr);
      assert.match(validate.stdout, /events\/events_2026-01-01\.jsonl:2:\d+ error EB025 nesting deeper than 1000/);

      const events = cli(['events', '--store', store]);
      assert.equal(events.status, 0, events.stderr);
      assert.equal(events.stdout.trim().split('\n').length, 2, 'both lines printed as written');

      for (const command of ['replay', 'rebuild']) {
        const run = cli([command, '--aggregate', 'deep_1', '--store', store]);
        assert.equal(run.status, 1, `${command}: ${run.stderr}`);
        assert.match(run.stderr, /events\/events_2026-01-01\.jsonl:2: nesting deeper than 1000/, command);
        assert.doesNotMatch(run.stderr, /call stack/i, command);
      }
    });
  }

  it('the limit is max_nesting_depth in eventbus.config.json, the same for validate and rebuild; out of range is a config error', () => {
    const workspace = path.join(dir, 'configured');
    const store = path.join(workspace, 'event_store');
    writeDay(store, [eventLine(1, { a: { b: { c: 1 } } }), eventLine(2, { a: { b: { c: { d: { e: 1 } } } } })]);
    fs.writeFileSync(path.join(workspace, 'eventbus.config.json'), JSON.stringify({ max_nesting_depth: 5 }));
    const validate = cli(['validate'], workspace);
    assert.equal(validate.status, 1, validate.stderr);
    // Line 1 nests 4 deep (line, data, a, b), line 2 six deep.
    assert.match(validate.stdout, /events_2026-01-01\.jsonl:2:\d+ error EB025 nesting deeper than 5/);
    assert.doesNotMatch(validate.stdout, /jsonl:1:\d+ error EB025/);
    const rebuild = cli(['rebuild', '--aggregate', 'deep_1'], workspace);
    assert.equal(rebuild.status, 1);
    assert.match(rebuild.stderr, /jsonl:2: nesting deeper than 5/);

    fs.writeFileSync(path.join(workspace, 'eventbus.config.json'), JSON.stringify({ max_nesting_depth: 50_000 }));
    const refused = cli(['validate'], workspace);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /max_nesting_depth/);
  });

  it('a causation chain of 100,000 events renders as text and as JSON, streamed, each line short', () => {
    const store = path.join(dir, 'chain');
    const correlationId = randomUUID();
    const lines: string[] = [];
    let cause: string | null = null;
    for (let i = 1; i <= 100_000; i++) {
      const eventId = randomUUID();
      lines.push(eventLine(i, { component: 'c' }, { eventId, correlationId, causationId: cause }));
      cause = eventId;
    }
    writeDay(store, lines);

    const text = cli(['correlation', correlationId, '--store', store]);
    assert.equal(text.status, 0, text.stderr);
    const textLines = text.stdout.trimEnd().split('\n');
    assert.equal(textLines.length, 100_001, 'one line per event and the summary');
    assert.match(textLines[textLines.length - 2], /^\[level 99,999\] +└─ component_started {2}deep_1 #100000/);
    assert.match(textLines[textLines.length - 1], /^100000 event\(s\), 1 aggregate\(s\)/);
    assert.ok(textLines.reduce((longest, line) => Math.max(longest, line.length), 0) < 300, 'indentation is capped');

    const json = cli(['correlation', correlationId, '--store', store, '--json']);
    assert.equal(json.status, 0, json.stderr);
    const tree = JSON.parse(json.stdout) as { event_count: number; roots: { sequence_number: number; children: unknown[] }[] };
    assert.equal(tree.event_count, 100_000);
    assert.equal(tree.roots.length, 1);
    let node = tree.roots[0];
    let depth = 0;
    while (node.children.length > 0) {
      assert.equal(node.children.length, 1);
      node = node.children[0] as typeof node;
      depth++;
    }
    assert.equal(depth, 99_999);
    assert.equal(node.sequence_number, 100_000);
    assert.ok(json.stdout.split('\n').reduce((longest, line) => Math.max(longest, line.length), 0) < 1000, 'each JSON line is short');
  });
});
