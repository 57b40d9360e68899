import assert from 'node:assert/strict';
import { createEvent, type Event } from '../../src/engine/model/event';
import { MemoryEventStorage } from '../../src/engine/store/memoryStorage';
import type { EventQuery, EventStorage } from '../../src/engine/store/storage';

/**
 * Four events that exercise every EventQuery field: two aggregates, two
 * correlations, three sources, timestamps with Z, an offset and naive
 * microseconds, and an aggregate stored out of sequence order (aggregate
 * queries must sort by sequence). `data.n` names each (the health check has none).
 */
export function storageSample(): Event[] {
  return [
    createEvent('trade_executed', { n: 1 }, { aggregate_id: 'a', sequence_number: 2, correlation_id: 'c1', source: 'bot', timestamp: '2024-01-15T10:00:00Z' }),
    createEvent('risk_alert', { n: 2 }, { aggregate_id: 'b', sequence_number: 3, correlation_id: 'c1', source: 'risk', timestamp: '2024-01-15T11:00:00Z' }),
    // Stored after sequence 2 but numbered 1: aggregate queries must sort by sequence.
    createEvent('trade_executed', { n: 3 }, { aggregate_id: 'a', sequence_number: 1, correlation_id: 'c2', source: 'bot', timestamp: '2024-01-16T09:00:00+02:00' }),
    createEvent('system_health_check', {}, { sequence_number: 4, source: 'EventBus', timestamp: '2024-01-16T12:00:00.123456' }),
  ];
}

export async function collectEvents(storage: EventStorage, query: EventQuery): Promise<Event[]> {
  const out: Event[] = [];
  for await (const event of storage.query(query)) out.push(event);
  return out;
}

/** Every EventQuery field, alone and combined, over `storageSample()`. */
export const SAMPLE_QUERIES: readonly EventQuery[] = [
  {},
  { aggregateId: 'a' },
  { correlationId: 'c1' },
  { eventType: 'trade_executed' },
  { source: 'risk' },
  { fromSequenceNumber: 2, toSequenceNumber: 3 },
  { aggregateId: 'a', fromSequenceNumber: 2 },
  { since: Date.parse('2024-01-15T10:30:00Z'), until: Date.parse('2024-01-16T08:00:00Z') },
  { since: Date.parse('2024-01-16T12:00:00.123Z') },
  { limit: 2 },
  { limit: 0 },
  { aggregateId: 'nobody' },
];

/**
 * Asserts a backend holding `storageSample()` answers every sample query with
 * the same events in the same order as the in-memory store holding them.
 */
export async function assertAnswersLikeMemory(backend: EventStorage, events: readonly Event[]): Promise<void> {
  const memory = new MemoryEventStorage();
  await memory.append(events);
  const names = async (storage: EventStorage, query: EventQuery) => (await collectEvents(storage, query)).map((e) => (e.data as { n?: number }).n ?? 'hc');
  for (const query of SAMPLE_QUERIES) assert.deepEqual(await names(backend, query), await names(memory, query), `${backend.kind}: ${JSON.stringify(query)}`);
}
