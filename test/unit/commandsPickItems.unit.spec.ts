import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { untilCancelled, type CancellationLike } from '../../src/extension/commands/cancellable';
import { commandArgsOf } from '../../src/extension/commands/commandArgs';
import { PaletteCommand, TRUSTED_CONTEXT_KEY, WRITING_COMMANDS } from '../../src/extension/commands/commandIds';
import {
  aggregateItem,
  correlationItem,
  eventTypeItems,
  moreResultsNote,
  noMatchNote,
  snapshotAggregateItems,
  snapshotItem,
  validateEventTypeName,
} from '../../src/extension/commands/pickItems';

describe('quick pick items', () => {
  it('aggregates and correlations show id, count and time', () => {
    assert.deepEqual(aggregateItem({ aggregateId: 'trader_1', count: 1234, lastTimestamp: '2024-01-15T10:00:00Z', lastTimestampMs: 0 }), {
      label: 'trader_1',
      description: '1,234 events',
      detail: 'last event 2024-01-15T10:00:00Z',
      value: 'trader_1',
    });
    assert.equal(aggregateItem({ aggregateId: 'x', count: 1, lastTimestamp: null, lastTimestampMs: null }).detail, undefined);
    assert.deepEqual(correlationItem({ correlationId: 'c1', count: 3, firstTimestamp: 't0', lastTimestamp: 't1' }), {
      label: 'c1',
      description: '3 events',
      detail: 't0 → t1',
      value: 'c1',
    });
  });

  it('notes say when there are more results than shown, or none', () => {
    assert.equal(moreResultsNote(200, 200, ''), undefined);
    const more = moreResultsNote(200, 5000, 'tr');
    assert.equal(more?.label, '200 of 5,000 starting with "tr": type more of the id to narrow');
    assert.equal(more?.value, undefined);
    assert.equal(noMatchNote('zz', 'aggregate').label, 'No aggregate starts with "zz"');
    assert.equal(noMatchNote('', 'correlation').label, 'The store has no correlations');
  });

  it('event types: the store first, then unused built-ins, and a typed new one on top', () => {
    const store = [
      { eventType: 'trade_executed', count: 10, schemaVersions: ['1.0', '1.1'] },
      { eventType: 'my_type', count: 2, schemaVersions: [] },
    ];
    const builtIns = ['trade_executed', 'risk_alert'];
    const items = eventTypeItems(store, builtIns, '');
    assert.deepEqual(items.map((i) => [i.label, i.description]), [
      ['trade_executed', '10 events, schema 1.0, 1.1'],
      ['my_type', '2 events, no schema'],
      ['risk_alert', 'built-in, not in the store yet'],
    ]);
    const typed = eventTypeItems(store, builtIns, 'order_placed');
    assert.deepEqual(typed[0], { label: 'order_placed', description: 'new event type', value: 'order_placed' });
    assert.equal(eventTypeItems(store, builtIns, 'risk_alert').length, 3, 'a listed type is not offered twice');
    const bad = eventTypeItems(store, builtIns, 'a\u0001b');
    assert.equal(bad[0].note, true);
    assert.match(bad[0].label, /no control characters/);
    assert.match(validateEventTypeName('') ?? '', /expected an event type/);
    assert.match(validateEventTypeName(' x') ?? '', /no spaces before or after/);
  });

  it('restore picks: aggregates with snapshot counts, snapshots by sequence', () => {
    const s = (aggregateId: string, sequenceNumber: number) => ({ aggregateId, sequenceNumber, file: `snapshots/snapshot_${aggregateId}_${sequenceNumber}.json`, uri: 'file:///x' });
    assert.deepEqual(snapshotAggregateItems([s('b', 1), s('a', 1), s('b', 2)]).map((i) => [i.label, i.description]), [
      ['a', '1 snapshot'],
      ['b', '2 snapshots'],
    ]);
    assert.equal(snapshotItem(s('a', 150)).label, 'at sequence 150');
  });
});

describe('command arguments from views', () => {
  it('keeps known string fields and ignores anything else', () => {
    assert.deepEqual(commandArgsOf(undefined), {});
    assert.deepEqual(commandArgsOf('trader_1'), {});
    assert.deepEqual(commandArgsOf([1]), {});
    assert.deepEqual(commandArgsOf({ aggregateId: 'a', store: '/s', extra: 1, correlationId: 5 }), { aggregateId: 'a', store: '/s' });
    assert.deepEqual(commandArgsOf({ storeRoot: '/s', aggregateId: '' }), { store: '/s' });
  });
});

describe('waiting for cancellable work', () => {
  function token(): CancellationLike & { cancel(): void } {
    const listeners: (() => unknown)[] = [];
    let cancelled = false;
    return {
      get isCancellationRequested() {
        return cancelled;
      },
      onCancellationRequested(listener) {
        listeners.push(listener);
        return { dispose: () => listeners.splice(listeners.indexOf(listener), 1) };
      },
      cancel() {
        cancelled = true;
        [...listeners].forEach((l) => l());
      },
    };
  }

  it('returns the value when the work ends first', async () => {
    assert.deepEqual(await untilCancelled(Promise.resolve(42), token()), { cancelled: false, value: 42 });
  });

  it('stops waiting as soon as the user cancels, even if the work never ends', async () => {
    const t = token();
    const waiting = untilCancelled(new Promise<number>(() => undefined), t);
    t.cancel();
    assert.deepEqual(await waiting, { cancelled: true });
  });

  it('a failure after cancelling is nobody’s unhandled rejection; one before it reaches the caller', async () => {
    const t = token();
    let fail!: (e: Error) => void;
    const work = new Promise<number>((_, reject) => (fail = reject));
    const waiting = untilCancelled(work, t);
    t.cancel();
    fail(new Error('late'));
    assert.deepEqual(await waiting, { cancelled: true });
    await assert.rejects(untilCancelled(Promise.reject(new Error('server said no')), token()), /server said no/);
  });
});

/** The file in the repository, whether the tests run from out/ or from a scratch folder in the repository. */
function findUp(relative: string): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, relative))) return path.join(dir, relative);
    }
  }
  throw new Error(`${relative} not found above ${__dirname} or ${process.cwd()}`);
}

describe('package.json contributes the palette commands', () => {
  const source = findUp('package.json');
  const contributes = (JSON.parse(fs.readFileSync(source, 'utf8')) as { contributes: unknown }).contributes as {
    commands: { command: string; title: string; category: string }[];
    menus: { commandPalette: { command: string; when: string }[] };
  };
  const paletteIds = new Set<string>(Object.values(PaletteCommand));

  it('declares every palette command, in the Event Bus category', () => {
    const declared = contributes.commands.filter((c) => paletteIds.has(c.command));
    assert.deepEqual(declared.map((c) => c.command).sort(), [...paletteIds].sort());
    assert.ok(declared.every((c) => c.category === 'Event Bus' && c.title.length > 0));
  });

  it('shows writing commands in the palette only in a trusted workspace', () => {
    const gated = contributes.menus.commandPalette.filter((m) => m.when === TRUSTED_CONTEXT_KEY && paletteIds.has(m.command)).map((m) => m.command).sort();
    assert.deepEqual(gated, [...WRITING_COMMANDS].sort());
  });
});
