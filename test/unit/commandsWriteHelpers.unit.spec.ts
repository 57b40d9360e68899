import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../src/engine/validate/finding';
import { backupStamp } from '../../src/server/handlers/writeMigrate';
import { describeDrift, PlanMemory } from '../../src/server/handlers/writePlans';
import { WriteQueue } from '../../src/server/handlers/writeQueue';
import { requireTrusted } from '../../src/server/handlers/writeStore';
import { summarizeFindings } from '../../src/server/handlers/writeValidate';

const finding = (file: string, code: Finding['code'], severity: Finding['severity'], line = 1): Finding =>
  ({ file, line, column: 1, endLine: line, endColumn: 2, code, severity, message: code }) as Finding;

describe('server helpers for writes', () => {
  it('refuses a write unless the client says trusted', () => {
    assert.throws(() => requireTrusted({ trusted: false }, 'Publish'), /Publish needs a trusted workspace: it writes to the event store/);
    assert.throws(() => requireTrusted(undefined, 'Migrate'), /sent no "trusted": true/);
    assert.doesNotThrow(() => requireTrusted({ trusted: true }, 'Publish'));
  });

  it('remembers plans by id, per store and kind, for a while', () => {
    const plans = new PlanMemory();
    const id = plans.remember('cleanup', '/s', { x: 1 }, 0);
    assert.deepEqual(plans.recall('cleanup', '/s', id, 1000), { x: 1 });
    assert.throws(() => plans.recall('migration', '/s', id, 1000), /unknown or expired/);
    assert.throws(() => plans.recall('cleanup', '/other', id, 1000), /unknown or expired/);
    assert.throws(() => plans.recall('cleanup', '/s', id, 60 * 60_000), /run the command again/);
  });

  it('describes how a plan drifted, or nothing when it did not', () => {
    assert.equal(describeDrift(['a', 'b'], ['b', 'a']), undefined);
    assert.equal(describeDrift(['a (1 bytes)'], ['a (9 bytes)', 'c (1 bytes)']), 'now also a (9 bytes), c (1 bytes); no longer a (1 bytes)');
  });

  it('runs writes to one store one at a time, and a failure does not block the next', async () => {
    const queue = new WriteQueue();
    const order: string[] = [];
    let release!: () => void;
    const first = queue.run('/s', () => new Promise<void>((resolve) => (release = resolve)).then(() => void order.push('first')));
    const failing = queue.run('/s', async () => {
      order.push('second');
      throw new Error('boom');
    });
    const third = queue.run('/s', async () => void order.push('third'));
    const elsewhere = queue.run('/t', async () => void order.push('other store'));
    await elsewhere;
    assert.deepEqual(order, ['other store']);
    release();
    await first;
    await assert.rejects(failing, /boom/);
    await third;
    assert.deepEqual(order, ['other store', 'first', 'second', 'third']);
  });

  it('summarizes findings by effective severity, most errors first, leaving out silenced files', () => {
    const findings = {
      lineFindings: new Map([
        ['events/a.jsonl', [finding('events/a.jsonl', 'EB001', 'error'), finding('events/a.jsonl', 'EB011', 'warning', 2)]],
        ['events/b.jsonl', [finding('events/b.jsonl', 'EB001', 'error'), finding('events/b.jsonl', 'EB001', 'error', 3)]],
        ['events/c.jsonl', [finding('events/c.jsonl', 'EB011', 'warning')]],
        ['events/d.jsonl', []],
      ]),
      integrityFindings: new Map([['events/a.jsonl', [finding('events/a.jsonl', 'EB013', 'error', 5)]]]),
    };
    const summary = summarizeFindings(findings, { EB011: 'off' }, (file) => `file:///${file}`);
    assert.deepEqual(summary.problems, { error: 4, warning: 0, information: 0, hint: 0 });
    assert.deepEqual(summary.files.map((f) => [f.file, f.error, f.warning, f.uri]), [
      ['events/a.jsonl', 2, 0, 'file:///events/a.jsonl'],
      ['events/b.jsonl', 2, 0, 'file:///events/b.jsonl'],
    ]);
  });

  it('names backup folders by UTC time', () => {
    assert.equal(backupStamp(new Date('2024-01-15T10:30:00.123Z')), '20240115T103000Z');
  });
});
