import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { binsParamsFor, bucketsForWidth, createLatestOnly, MARKS_BELOW, type Timers } from '../../src/webview/timeline/binPlanner';

/** Timers driven by the test: `advance(ms)` runs what is due. */
function fakeTimers(): Timers & { advance(ms: number): void } {
  let now = 0;
  let nextId = 1;
  const due = new Map<number, { at: number; run: () => void }>();
  return {
    set(run, ms) {
      const id = nextId++;
      due.set(id, { at: now + ms, run });
      return id;
    },
    clear(handle) {
      due.delete(handle as number);
    },
    now: () => now,
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const next = [...due.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!next) break;
        now = next[1].at;
        due.delete(next[0]);
        next[1].run();
      }
      now = until;
    },
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('timeline bin request planning', () => {
  it('asks about one bucket per two pixels, within the server limit', () => {
    assert.equal(bucketsForWidth(1000), 500);
    assert.equal(bucketsForWidth(0), 1);
    assert.equal(bucketsForWidth(Number.NaN), 1);
    assert.equal(bucketsForWidth(100_000), 2000);
  });

  it('asks for the visible range, the lanes that fit and the shown types only', () => {
    const params = binsParamsFor({
      range: { from: 10, to: 20 },
      plotWidth: 600,
      laneRows: 12.7,
      lane: 'source',
      allTypes: ['a', 'b', 'c'],
      hiddenTypes: ['b'],
    });
    assert.deepEqual(params, { range: { from: 10, to: 20 }, buckets: 300, lane: 'source', types: ['a', 'c'], maxLanes: 12, marksBelow: MARKS_BELOW });
    const all = binsParamsFor({ range: { from: 10, to: 20 }, plotWidth: 600, laneRows: 0, lane: 'type', allTypes: ['a'], hiddenTypes: [] });
    assert.equal(all.types, undefined);
    assert.equal(all.maxLanes, 1);
  });

  it('debounces a burst into one request for the last parameters', async () => {
    const timers = fakeTimers();
    const asked: number[] = [];
    const delivered: number[] = [];
    const caller = createLatestOnly<number, number>({
      debounceMs: 40,
      maxWaitMs: 1000,
      timers,
      run: async (p) => (asked.push(p), p * 10),
      deliver: (r) => delivered.push(r),
      onError: () => assert.fail('no error expected'),
    });
    for (let k = 1; k <= 5; k++) {
      caller.schedule(k);
      timers.advance(10);
    }
    assert.deepEqual(asked, []);
    timers.advance(40);
    await flush();
    assert.deepEqual(asked, [5]);
    assert.deepEqual(delivered, [50]);
  });

  it('still asks every maxWait during a continuous burst', async () => {
    const timers = fakeTimers();
    const asked: number[] = [];
    const caller = createLatestOnly<number, number>({
      debounceMs: 40,
      maxWaitMs: 100,
      timers,
      run: async (p) => (asked.push(p), p),
      deliver: () => undefined,
      onError: () => undefined,
    });
    for (let k = 1; k <= 30; k++) {
      caller.schedule(k);
      timers.advance(16);
      await flush();
    }
    assert.ok(asked.length >= 4, `asked ${asked.length} times in 480 ms`);
  });

  it('drops an answer that arrives after a newer request started (latest wins)', async () => {
    const timers = fakeTimers();
    const resolvers = new Map<string, (value: string) => void>();
    const delivered: string[] = [];
    const caller = createLatestOnly<string, string>({
      debounceMs: 0,
      maxWaitMs: 0,
      timers,
      run: (p) => new Promise((resolve) => resolvers.set(p, resolve)),
      deliver: (r) => delivered.push(r),
      onError: () => undefined,
    });
    caller.now('old');
    caller.now('new');
    assert.equal(caller.inFlight, 2);
    resolvers.get('new')!('new result');
    await flush();
    resolvers.get('old')!('old result');
    await flush();
    assert.deepEqual(delivered, ['new result']);
    assert.equal(caller.inFlight, 0);
  });

  it('keeps one scheduled request in flight; the newest waiting one starts when it ends', async () => {
    const timers = fakeTimers();
    const resolvers: ((value: number) => void)[] = [];
    const asked: number[] = [];
    const delivered: number[] = [];
    const caller = createLatestOnly<number, number>({
      debounceMs: 10,
      maxWaitMs: 10,
      timers,
      run: (p) => (asked.push(p), new Promise((resolve) => resolvers.push(resolve))),
      deliver: (r) => delivered.push(r),
      onError: () => undefined,
    });
    caller.schedule(1);
    timers.advance(10);
    for (const p of [2, 3, 4]) {
      caller.schedule(p);
      timers.advance(10);
    }
    assert.deepEqual(asked, [1], 'a slow server is not handed a queue');
    resolvers[0](10);
    await flush();
    assert.deepEqual(delivered, [10], 'the answer in hand is drawn while the newest waits');
    assert.deepEqual(asked, [1, 4], 'only the newest waiting parameters are asked for');
    resolvers[1](40);
    await flush();
    assert.deepEqual(delivered, [10, 40]);
  });

  it('reports errors of the latest request only', async () => {
    const timers = fakeTimers();
    const errors: unknown[] = [];
    const caller = createLatestOnly<number, number>({
      debounceMs: 0,
      maxWaitMs: 0,
      timers,
      run: (p) => (p === 1 ? Promise.reject(new Error('stale')) : Promise.reject(new Error('current'))),
      deliver: () => undefined,
      onError: (e) => errors.push(e),
    });
    caller.now(1);
    caller.now(2);
    await flush();
    assert.equal(errors.length, 1);
    assert.equal((errors[0] as Error).message, 'current');
  });
});
