import type { EventEntry } from '../../src/shared/protocol';
import type { InspectorStep } from '../../src/shared/webviewProtocol';

/** A step of the inspector as the host sends it; override what a test is about. */
export function step(sequence: number | null, overrides: Partial<InspectorStep> = {}): InspectorStep {
  return {
    ordinal: sequence ?? 0,
    sequence,
    type: 'OrderPlaced',
    timestamp: '2024-01-15T10:00:00Z',
    eventId: `evt-${sequence}`,
    status: 'completed',
    source: 'orders',
    retryCount: 0,
    correlationId: null,
    ...overrides,
  };
}

export function eventEntry(sequence: number | null, overrides: Partial<EventEntry> = {}): EventEntry {
  return {
    ordinal: sequence ?? 0,
    sequence,
    type: 'OrderPlaced',
    timestamp: '2024-01-15T10:00:00Z',
    timestampMs: Date.parse('2024-01-15T10:00:00Z'),
    status: 'completed',
    retryCount: 0,
    file: 'events/events_2024-01-15.jsonl',
    uri: 'file:///store/events/events_2024-01-15.jsonl',
    line: (sequence ?? 0) + 1,
    eventId: `evt-${sequence}`,
    aggregateId: 'order-1',
    correlationId: 'corr-1',
    causationId: null,
    source: 'orders',
    schemaVersion: '1.0',
    ...overrides,
  };
}
