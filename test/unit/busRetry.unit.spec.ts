import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { BusClock } from '../../src/engine/bus/busClock';
import { FileDeadLetterSink, MemoryDeadLetterSink, type DeadLetterEntry } from '../../src/engine/bus/deadLetter';
import { EventBus } from '../../src/engine/bus/eventBus';
import type { Event } from '../../src/engine/model/event';
import { makeTempDir } from '../helpers/tempStore';

const quiet = { processing_interval: 0, health_check_interval: 0, enable_persistence: false };

/** Records the backoff waits instead of waiting. */
function fakeClock(): BusClock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return { sleeps, now: () => Date.parse('2024-01-15T10:30:00Z'), sleep: async (ms) => void sleeps.push(ms) };
}

describe('EventBus retries and dead letters', () => {
  it('retries only the failing handler, max_retry_count times, with exponential backoff', async () => {
    const clock = fakeClock();
    const deadLetter = new MemoryDeadLetterSink();
    const bus = new EventBus({
      config: { ...quiet, max_retry_count: 3 },
      clock,
      deadLetter,
      retryBaseDelayMs: 100,
      random: () => 0, // no jitter: exact delays
    });
    const attempts: number[] = [];
    let healthyCalls = 0;
    bus.subscribe('trade_executed', function flakyRisk(_event, context) {
      attempts.push(context.attempt);
      throw new Error('risk service down');
    });
    bus.subscribe('trade_executed', () => {
      healthyCalls++;
    });
    const systemErrors: Event[] = [];
    bus.subscribe('system_error', (event) => {
      systemErrors.push(event);
    });
    await bus.start();
    const event = await bus.publish('trade_executed', { qty: 1 }, { correlation_id: 'c-1' });
    await bus.stop();

    assert.deepEqual(attempts, [1, 2, 3, 4], 'first delivery plus three retries');
    assert.equal(healthyCalls, 1, 'the healthy handler is not re-run');
    assert.deepEqual(clock.sleeps, [100, 200, 400]);

    assert.equal(deadLetter.entries.length, 1);
    const entry = deadLetter.entries[0];
    assert.equal(entry.handler, 'flakyRisk');
    assert.equal(entry.attempts, 4);
    assert.equal(entry.error.message, 'risk service down');
    assert.equal(entry.event.metadata.event_id, event.metadata.event_id);
    assert.equal(entry.event.metadata.status, 'failed');
    assert.equal(entry.event.metadata.retry_count, 3);
    assert.equal(event.metadata.status, 'pending', 'the original event is untouched');

    assert.equal(systemErrors.length, 1);
    const data = systemErrors[0].data as Record<string, unknown>;
    assert.equal(data.failed_event_id, event.metadata.event_id);
    assert.equal(data.handler, 'flakyRisk');
    assert.equal(data.component, 'EventBus');
    assert.equal(systemErrors[0].metadata.causation_id, event.metadata.event_id);
    assert.equal(systemErrors[0].metadata.correlation_id, 'c-1');

    const metrics = bus.getStatus().metrics;
    assert.equal(metrics.events_failed, 1);
    assert.equal(metrics.deliveries_retried, 3);
  });

  it('adds up to 50% jitter and caps each delay', async () => {
    const clock = fakeClock();
    const bus = new EventBus({
      config: { ...quiet, max_retry_count: 4 },
      clock,
      retryBaseDelayMs: 100,
      retryMaxDelayMs: 500,
      random: () => 0.999,
    });
    bus.subscribe('t', () => Promise.reject(new Error('no')));
    await bus.start();
    await bus.publish('t', 1);
    await bus.stop();
    assert.deepEqual(clock.sleeps.map(Math.round), [150, 300, 500, 500]);
  });

  it('stops retrying once a retry succeeds', async () => {
    const clock = fakeClock();
    const deadLetter = new MemoryDeadLetterSink();
    const bus = new EventBus({ config: quiet, clock, deadLetter });
    let calls = 0;
    bus.subscribe('t', async () => {
      if (++calls < 3) throw new Error('transient');
    });
    await bus.start();
    await bus.publish('t', 1);
    await bus.stop();
    assert.equal(calls, 3);
    assert.equal(deadLetter.entries.length, 0);
    assert.equal(bus.getStatus().metrics.events_failed, 0);
  });

  it('never publishes a system_error about a failing system_error handler (no loops)', async () => {
    const deadLetter = new MemoryDeadLetterSink();
    const bus = new EventBus({ config: { ...quiet, max_retry_count: 1 }, clock: fakeClock(), deadLetter });
    let systemErrorCalls = 0;
    bus.subscribe('*', (event) => {
      if (event.event_type === 'system_error') systemErrorCalls++;
      throw new Error(`cannot handle ${event.event_type}`);
    });
    await bus.start();
    await bus.publish('trade_executed', {});
    await bus.stop();
    // trade_executed fails (2 attempts) -> one system_error, which fails too (2 attempts) -> nothing more.
    assert.equal(systemErrorCalls, 2);
    assert.deepEqual(deadLetter.entries.map((e) => e.event.event_type), ['trade_executed', 'system_error']);
    assert.equal(bus.getStatus().metrics.events_published, 2);
  });

  it('retries replayed deliveries too and marks their dead letters as replay', async () => {
    const deadLetter = new MemoryDeadLetterSink();
    const bus = new EventBus({ config: { ...quiet, max_retry_count: 0 }, clock: fakeClock(), deadLetter });
    const replayed = await new EventBus({ config: quiet }).publish('t', 1);
    bus.subscribe('t', () => {
      throw new Error('boom');
    });
    await bus.replayIntoSubscribers([replayed]);
    await bus.stop();
    assert.equal(deadLetter.entries.length, 1);
    assert.equal(deadLetter.entries[0].replay, true);
    assert.equal(deadLetter.entries[0].attempts, 1);
  });

  it('writes dead letters to <store>/dead_letter.jsonl, one JSON line each', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const sink = new FileDeadLetterSink(dir);
      const bus = new EventBus({ config: { ...quiet, max_retry_count: 1 }, clock: fakeClock(), deadLetter: sink });
      bus.subscribe('t', function brokenProjection() {
        throw new TypeError('cannot read x');
      });
      await bus.start();
      await bus.publish('t', 1);
      await bus.publish('t', 2);
      await bus.stop();
      assert.equal(sink.file, path.join(dir, 'dead_letter.jsonl'));
      const lines = fs.readFileSync(sink.file, 'utf8').split('\n');
      assert.equal(lines.pop(), '', 'the file ends with a newline');
      const entries = lines.map((line) => JSON.parse(line) as DeadLetterEntry);
      assert.deepEqual(entries.map((e) => e.event.data), [1, 2]);
      assert.equal(entries[0].handler, 'brokenProjection');
      assert.equal(entries[0].error.name, 'TypeError');
      assert.equal(entries[0].attempts, 2);
      assert.equal(entries[0].event.metadata.status, 'failed');
    } finally {
      cleanup();
    }
  });
});
