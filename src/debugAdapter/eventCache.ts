import type { Event } from '../engine/model/event';
import type { StoreEngine } from '../engine/storeEngineTypes';

/** Parsed events kept around: stepping back refolds up to a checkpoint's worth of recent events. */
const CAPACITY = 1024;

/**
 * Reads event bodies by ordinal through the engine (so the index's byte
 * offsets and gzip cache are used), keeping the most recent ones parsed.
 */
export class EventCache {
  private readonly parsed = new Map<number, Event>();

  constructor(private readonly engine: StoreEngine) {}

  async read(ordinal: number): Promise<Event> {
    const hit = this.parsed.get(ordinal);
    if (hit) {
      // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
      this.parsed.delete(ordinal);
      this.parsed.set(ordinal, hit);
      return hit;
    }
    const event = await this.engine.readEvent(ordinal);
    this.parsed.set(ordinal, event);
    if (this.parsed.size > CAPACITY) this.parsed.delete(this.parsed.keys().next().value as number);
    return event;
  }

  /** Files were rewritten: ordinals may now name other events. */
  clear(): void {
    this.parsed.clear();
  }
}
