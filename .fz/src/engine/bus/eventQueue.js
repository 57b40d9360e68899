"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EventQueue = void 0;
/**
 * FIFO of events waiting for dispatch, with the time each was queued (for
 * the latency metric). Two parallel arrays and a head index: no per-event
 * wrapper object and no O(n) `shift()`; the consumed prefix is dropped in
 * one go once it is larger than what remains.
 */
class EventQueue {
    events = [];
    times = [];
    head = 0;
    push(event, queuedAt) {
        this.events.push(event);
        this.times.push(queuedAt);
    }
    get size() {
        return this.events.length - this.head;
    }
    /** Time the next event was queued; call only when `size > 0`. */
    peekQueuedAt() {
        return this.times[this.head];
    }
    /** Removes and returns the next event; call only when `size > 0`. */
    shift() {
        const event = this.events[this.head];
        this.head++;
        if (this.head === this.events.length) {
            this.events = [];
            this.times = [];
            this.head = 0;
        }
        else if (this.head >= 1024 && this.head * 2 >= this.events.length) {
            this.events = this.events.slice(this.head);
            this.times = this.times.slice(this.head);
            this.head = 0;
        }
        return event;
    }
}
exports.EventQueue = EventQueue;
//# sourceMappingURL=eventQueue.js.map