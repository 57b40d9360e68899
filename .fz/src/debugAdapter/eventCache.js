"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EventCache = void 0;
/** Parsed events kept around: stepping back refolds up to a checkpoint's worth of recent events. */
const CAPACITY = 1024;
/**
 * Reads event bodies by ordinal through the engine (so the index's byte
 * offsets and gzip cache are used), keeping the most recent ones parsed.
 */
class EventCache {
    engine;
    parsed = new Map();
    constructor(engine) {
        this.engine = engine;
    }
    async read(ordinal) {
        const hit = this.parsed.get(ordinal);
        if (hit) {
            // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
            this.parsed.delete(ordinal);
            this.parsed.set(ordinal, hit);
            return hit;
        }
        const event = await this.engine.readEvent(ordinal);
        this.parsed.set(ordinal, event);
        if (this.parsed.size > CAPACITY)
            this.parsed.delete(this.parsed.keys().next().value);
        return event;
    }
    /** Files were rewritten: ordinals may now name other events. */
    clear() {
        this.parsed.clear();
    }
}
exports.EventCache = EventCache;
//# sourceMappingURL=eventCache.js.map