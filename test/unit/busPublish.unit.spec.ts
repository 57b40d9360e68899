import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BusClock } from '../../src/engine/bus/busClock';
import { EventBus } from '../../src/engine/bus/eventBus';
import { EventValidationError } from '../../src/engine/bus/publishValidation';
import { createEvent, type Event } from '../../src/engine/model/event';
import { MemoryEventStorage } from '../../src/engine/store/memoryStorage';

const FIXED_MS = Date.parse('2024-01-15T10:30:00.000Z');
const fixedClock: BusClock = { now: () => FIXED_MS, sleep: async () => undefined };
const quiet = { processing_interval: 0, health_check_interval: 0 };

async function stored(storage: MemoryEventStorage): Promise<Event[]> {
  const out: Event[] = [];
  for await (const e of storage.query({})) out.push(e);
  return out;
}

describe('EventBus.publish', () => {
  it('assigns the metadata and freezes the event', async () => {
    const bus = new EventBus({ config: quiet, clock: fixedClock });
    const event = await bus.publish(
      'trade_executed',
      { symbol: 'BTCUSDT', fills: [{ qty: 1 }] },
      { source: 'TradingBot', correlation_id: 'c-1', causation_id: 'e-0', aggregate_id: 'trader_1', tags: { env: 'test' }, schema_version: '2.0' },
    );
    assert.match(event.metadata.event_id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(event.metadata.timestamp, '2024-01-15T10:30:00.000Z');
    assert.equal(event.metadata.source, 'TradingBot');
    assert.equal(event.metadata.correlation_id, 'c-1');
    assert.equal(event.metadata.causation_id, 'e-0');
    assert.equal(event.metadata.aggregate_id, 'trader_1');
    assert.equal(event.metadata.schema_version, '2.0');
    assert.equal(event.metadata.version, '1.0.0');
    assert.equal(event.metadata.status, 'pending');
    assert.equal(event.metadata.retry_count, 0);
    assert.deepEqual(event.metadata.tags, { env: 'test' });
    assert.equal(event.metadata.sequence_number, 1);
    assert.ok(Object.isFrozen(event) && Object.isFrozen(event.metadata) && Object.isFrozen(event.metadata.tags));
    assert.ok(Object.isFrozen((event.data as { fills: object[] }).fills[0]), 'data is deep-frozen');
    const defaults = await bus.publish('risk_alert', null);
    assert.equal(defaults.metadata.correlation_id, null);
    assert.equal(defaults.metadata.aggregate_id, null);
    assert.deepEqual(defaults.metadata.tags, {});
  });

  it('continues the bus-wide sequence from the storage', async () => {
    const storage = new MemoryEventStorage();
    await storage.append([createEvent('x', {}, { sequence_number: 41 })]);
    const bus = new EventBus({ config: quiet, storage });
    const [a, b, c] = await Promise.all([
      bus.publish('t', 1, { aggregate_id: 'p' }),
      bus.publish('t', 2, { aggregate_id: 'q' }),
      bus.publish('t', 3),
    ]);
    assert.deepEqual([a, b, c].map((e) => e.metadata.sequence_number), [42, 43, 44]);
    assert.equal(bus.sequenceMode, 'global');
  });

  it('numbers per aggregate in aggregate mode', async () => {
    const storage = new MemoryEventStorage();
    await storage.append([createEvent('x', {}, { aggregate_id: 'p', sequence_number: 7 })]);
    const bus = new EventBus({ config: quiet, storage, sequenceMode: 'aggregate' });
    const events = await Promise.all([
      bus.publish('t', 1, { aggregate_id: 'p' }),
      bus.publish('t', 2, { aggregate_id: 'q' }),
      bus.publish('t', 3, { aggregate_id: 'p' }),
      bus.publish('t', 4, { aggregate_id: 'q' }),
    ]);
    assert.deepEqual(events.map((e) => e.metadata.sequence_number), [8, 1, 9, 2]);
  });

  it('persists in publish order when enable_persistence, and not otherwise', async () => {
    const storage = new MemoryEventStorage();
    const bus = new EventBus({ config: quiet, storage });
    const published = await Promise.all(Array.from({ length: 20 }, (_, i) => bus.publish('t', i)));
    assert.deepEqual((await stored(storage)).map((e) => e.metadata.event_id), published.map((e) => e.metadata.event_id));

    const offStorage = new MemoryEventStorage();
    const off = new EventBus({ config: { ...quiet, enable_persistence: false }, storage: offStorage });
    await off.publish('t', 1);
    assert.equal((await stored(offStorage)).length, 0);
  });

  it('resolves only after the storage append resolved', async () => {
    const storage = new MemoryEventStorage();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const append = storage.append.bind(storage);
    storage.append = async (events) => {
      await gate;
      await append(events);
    };
    const bus = new EventBus({ config: quiet, storage });
    let resolved = false;
    const publishing = bus.publish('t', 1).then(() => (resolved = true));
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(resolved, false);
    release();
    await publishing;
    assert.equal(resolved, true);
  });

  it('rejects with the storage named when persisting fails', async () => {
    const storage = new MemoryEventStorage();
    storage.append = async () => {
      throw new Error('disk full');
    };
    const bus = new EventBus({ config: quiet, storage });
    await assert.rejects(bus.publish('t', 1), /Could not persist t event .* to the memory storage: disk full/);
    assert.equal(bus.queueSize, 0, 'an event that is not durable is not dispatched');
  });

  it('rejects an invalid event listing the problems, records a system_error and leaves no sequence gap', async () => {
    const storage = new MemoryEventStorage();
    const bus = new EventBus({
      config: quiet,
      storage,
      validate: (event) =>
        event.event_type === 'trade_executed' && typeof (event.data as { qty?: unknown }).qty !== 'number'
          ? { valid: false, errors: ['data.qty: expected a number', 'data.symbol: required'] }
          : { valid: true, errors: [] },
    });
    const before = await bus.publish('trade_executed', { qty: 1 });
    const rejection = bus.publish('trade_executed', { qty: 'one' }, { correlation_id: 'c-9' });
    await assert.rejects(rejection, (error: unknown) => {
      assert.ok(error instanceof EventValidationError);
      assert.match(error.message, /"trade_executed" .* rejected by schema validation: data\.qty: expected a number; data\.symbol: required/);
      assert.deepEqual(error.problems, ['data.qty: expected a number', 'data.symbol: required']);
      return true;
    });
    const events = await stored(storage);
    assert.deepEqual(events.map((e) => e.event_type), ['trade_executed', 'system_error']);
    const systemError = events[1];
    assert.equal(systemError.metadata.sequence_number, before.metadata.sequence_number + 1, 'the rejected event gave its number back');
    assert.equal(systemError.metadata.correlation_id, 'c-9');
    assert.equal(systemError.metadata.source, 'EventBus');
    assert.deepEqual((systemError.data as { errors: string[] }).errors, ['data.qty: expected a number', 'data.symbol: required']);
    assert.equal(bus.getStatus().metrics.validation_failures, 1);
  });

  it('checks the envelope basics even without a schema validator, and not at all when schema_validation is off', async () => {
    const bus = new EventBus({ config: quiet });
    await assert.rejects(bus.publish('', 1), /event_type must be a non-empty string/);
    await assert.rejects(bus.publish('t', undefined), /data must be a JSON value, got undefined/);
    await assert.rejects(bus.publish('t', 1, { tags: { n: 5 as unknown as string } }), /tags\.n must be a string, got number/);
    const lax = new EventBus({ config: { ...quiet, schema_validation: false }, validate: () => ({ valid: false, errors: ['no'] }) });
    assert.equal((await lax.publish('t', 1)).event_type, 't');
  });

  it('does not answer a rejected system_error with another system_error', async () => {
    const storage = new MemoryEventStorage();
    const bus = new EventBus({ config: quiet, storage, validate: () => ({ valid: false, errors: ['everything is wrong'] }) });
    await assert.rejects(bus.publish('system_error', { message: 'x' }), EventValidationError);
    await assert.rejects(bus.publish('trade_executed', {}), EventValidationError);
    assert.equal((await stored(storage)).length, 0, 'the system_error about the rejection was itself rejected, and nothing looped');
    assert.equal(bus.getStatus().metrics.validation_failures, 3);
  });

  it('runs afterPersist hooks with the durable events and survives a failing hook', async () => {
    const seen: string[] = [];
    const bus = new EventBus({
      config: quiet,
      afterPersist: [
        async (events) => {
          seen.push(...events.map((e) => e.event_type));
        },
        async () => {
          throw new Error('snapshot failed');
        },
      ],
    });
    const remove = bus.addAfterPersistHook(async (events) => {
      bus.recordSnapshotsCreated(events.length);
    });
    await bus.publish('a', 1);
    remove();
    await bus.publish('b', 2);
    assert.deepEqual(seen, ['a', 'b']);
    const metrics = bus.getStatus().metrics;
    assert.equal(metrics.after_persist_hook_errors, 2);
    assert.equal(metrics.snapshots_created, 1);
  });

  it('makes publish wait while the queue is full (back-pressure)', async () => {
    const bus = new EventBus({ config: { ...quiet, enable_persistence: false }, maxQueueSize: 2 });
    await bus.publish('t', 1);
    await bus.publish('t', 2);
    let third = false;
    const waiting = bus.publish('t', 3).then(() => (third = true));
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(third, false, 'not started: the queue stays full');
    assert.equal(bus.queueSize, 2);
    await bus.start();
    await waiting;
    await bus.stop();
    assert.equal(third, true);
    assert.equal(bus.getStatus().metrics.events_processed, 3);
  });
});
