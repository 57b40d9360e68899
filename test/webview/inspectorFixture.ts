import type { InspectorBackend } from '../../src/extension/inspector/inspectorBackend';
import type { InspectorStep, SnapshotDrift, StepsPage } from '../../src/shared/webviewProtocol';

/** Markup an attacker could put into a stored event: each would set `window.__pwned` if it ever ran. */
export const HOSTILE_TYPE = '<img src=x onerror="window.__pwned=1">';
export const HOSTILE_NOTE = '<script>window.__pwned=2</script><img src=/x2 onerror="window.__pwned=3"><b>bold?</b>';

interface FixtureEvent {
  readonly sequence: number;
  readonly type: string;
  readonly data: Record<string, unknown>;
}

/** A small aggregate whose state is each event's data merged in (the default reducer's idea). */
export function orderEvents(): FixtureEvent[] {
  return [
    { sequence: 1, type: 'OrderPlaced', data: { status: 'placed', items: [{ id: 'a', qty: 1 }], total: 10 } },
    { sequence: 2, type: 'ItemAdded', data: { items: [{ id: 'a', qty: 1 }, { id: 'b', qty: 2 }], total: 30 } },
    { sequence: 3, type: HOSTILE_TYPE, data: { note: HOSTILE_NOTE } },
    { sequence: 4, type: 'OrderShipped', data: { status: 'shipped' } },
  ];
}

export function stepOf(event: FixtureEvent): InspectorStep {
  return {
    ordinal: event.sequence - 1,
    sequence: event.sequence,
    type: event.type,
    timestamp: `2024-01-15T10:00:0${event.sequence}Z`,
    eventId: `evt-${event.sequence}`,
    status: 'completed',
    source: 'orders',
    retryCount: 0,
    correlationId: 'corr-1',
  };
}

export interface FixtureBackend extends InspectorBackend {
  readonly events: FixtureEvent[];
  /** Sequences whose state was asked for, in order. */
  readonly stateRequests: number[];
}

export function fixtureBackend(events: FixtureEvent[] = orderEvents(), drift?: Partial<SnapshotDrift>): FixtureBackend {
  const stateRequests: number[] = [];
  const stateAt = (sequence: number): Record<string, unknown> =>
    events.filter((e) => e.sequence <= sequence).reduce<Record<string, unknown>>((state, e) => ({ ...state, ...e.data }), {});
  return {
    events,
    stateRequests,
    async steps({ offset, limit }): Promise<StepsPage> {
      return { offset, total: events.length, steps: events.slice(offset, offset + limit).map(stepOf) };
    },
    async state({ atSequence }) {
      stateRequests.push(atSequence);
      const applied = events.filter((e) => e.sequence <= atSequence);
      return { atSequence, state: stateAt(atSequence), lastSequence: applied.at(-1)?.sequence ?? 0, eventsApplied: applied.length, fromSnapshot: null };
    },
    async snapshots() {
      return { snapshots: [{ sequenceNumber: 2, file: 'snapshots/snapshot_order-1_2.json' }] };
    },
    async snapshotDrift({ sequenceNumber, file }) {
      return {
        sequenceNumber,
        file,
        ok: false,
        differences: ['/total: snapshot has 25, rebuilt has 30'],
        error: null,
        snapshotState: { ...stateAt(sequenceNumber), total: 25 },
        snapshotStateKnown: true,
        ...drift,
      };
    },
  };
}
