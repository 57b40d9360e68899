import type { Event, EventMetadata } from '../model/event';
import { SYSTEM_AGGREGATE, type Snapshot } from '../model/snapshotTypes';
import { defaultReducer } from '../state/defaultReducer';
import { systemReducer } from '../state/systemReducer';

/**
 * Decides which snapshots a generated store gets and computes their state
 * with the engine's own reducers, so `snapshot verify` on a clean generated
 * store finds no drift. Aggregate snapshots go to the busiest market data,
 * portfolio and strategy aggregates (types with one schema version, so
 * upcasting on read cannot change what a rebuild sees), at a third and two
 * thirds of their events; `system` snapshots after 100 events and after half
 * the store or 10,000 events, whichever is less, named on the store's
 * axis: the sequence number of the last event folded in a store numbered
 * bus-wide, the number of events folded in one numbered per aggregate.
 */
export interface PlannedSnapshot {
  readonly snapshot: Snapshot;
}

export interface RecordedEvent {
  readonly type: string;
  readonly dataJson: string;
  readonly metadata: EventMetadata;
}

function toEvent(recorded: RecordedEvent): Event {
  return { event_type: recorded.type, data: JSON.parse(recorded.dataJson) as unknown, metadata: recorded.metadata };
}

function copyState(state: unknown): unknown {
  return JSON.parse(JSON.stringify(state)) as unknown;
}

export class SnapshotPlanner {
  private readonly byAggregate = new Map<string, RecordedEvent[]>();
  private systemState: unknown = {};
  private systemFolded = 0;
  private readonly systemTargets: number[];
  private readonly systemSnapshots: Snapshot[] = [];

  constructor(
    private readonly aggregateTargets: ReadonlySet<string>,
    totalEvents: number,
    private readonly bySequence: boolean = false,
  ) {
    // Folding every event through systemReducer costs about 1 µs each, so the
    // second system snapshot stops at 10,000 events even in a large store.
    const later = Math.min(10_000, Math.floor(totalEvents / 2 / 100) * 100);
    this.systemTargets = [...new Set([100, later])].filter((n) => n > 0 && n <= totalEvents).sort((a, b) => a - b);
  }

  /** Whether `observe` needs the event's metadata object (lets the hot loop skip building it). */
  wants(aggregateId: string): boolean {
    return this.systemFolded < (this.systemTargets[this.systemTargets.length - 1] ?? 0) || this.aggregateTargets.has(aggregateId);
  }

  /** Called for every well-formed event in store order. */
  observe(recorded: RecordedEvent): void {
    const aggregateId = recorded.metadata.aggregate_id ?? '';
    if (this.aggregateTargets.has(aggregateId)) {
      let list = this.byAggregate.get(aggregateId);
      if (!list) this.byAggregate.set(aggregateId, (list = []));
      list.push(recorded);
    }
    const lastTarget = this.systemTargets[this.systemTargets.length - 1] ?? 0;
    if (this.systemFolded < lastTarget) {
      // systemReducer never reads data, so the body is not parsed here.
      this.systemState = systemReducer(this.systemState, { event_type: recorded.type, data: null, metadata: recorded.metadata });
      this.systemFolded++;
      if (this.systemTargets.includes(this.systemFolded)) {
        this.systemSnapshots.push({
          aggregate_id: SYSTEM_AGGREGATE,
          sequence_number: this.bySequence ? recorded.metadata.sequence_number : this.systemFolded,
          timestamp: recorded.metadata.timestamp,
          state: copyState(this.systemState),
          event_count: this.systemFolded,
          last_event_id: recorded.metadata.event_id,
        });
      }
    }
  }

  /** Every snapshot, aggregates first (in target order), then `system`. */
  finish(): Snapshot[] {
    const snapshots: Snapshot[] = [];
    for (const aggregateId of this.aggregateTargets) {
      const events = this.byAggregate.get(aggregateId) ?? [];
      if (events.length < 3) continue;
      const points = [Math.floor(events.length / 3), Math.floor((2 * events.length) / 3)];
      let state: unknown = {};
      let folded = 0;
      for (const point of points) {
        while (folded < point) state = defaultReducer(state, toEvent(events[folded++]));
        const last = events[point - 1];
        snapshots.push({
          aggregate_id: aggregateId,
          sequence_number: last.metadata.sequence_number,
          timestamp: last.metadata.timestamp,
          state: copyState(state),
          event_count: point,
          last_event_id: last.metadata.event_id,
        });
      }
    }
    return [...snapshots, ...this.systemSnapshots];
  }
}
