import type { Event } from '../model/event';

/**
 * FIFO of events waiting for dispatch, with the time each was queued (for
 * the latency metric). Two parallel arrays and a head index: no per-event
 * wrapper object and no O(n) `shift()`; the consumed prefix is dropped in
 * one go once it is larger than what remains.
 */
export class EventQueue {
  private events: Event[] = [];
  private times: number[] = [];
  private head = 0;

  push(event: Event, queuedAt: number): void {
    this.events.push(event);
    this.times.push(queuedAt);
  }

  get size(): number {
    return this.events.length - this.head;
  }

  /** Time the next event was queued; call only when `size > 0`. */
  peekQueuedAt(): number {
    return this.times[this.head];
  }

  /** Removes and returns the next event; call only when `size > 0`. */
  shift(): Event {
    const event = this.events[this.head];
    this.head++;
    if (this.head === this.events.length) {
      this.events = [];
      this.times = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.events.length) {
      this.events = this.events.slice(this.head);
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    return event;
  }
}
