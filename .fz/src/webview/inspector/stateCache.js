"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StateCache = void 0;
/**
 * Rebuilt states by sequence, most recently used kept. Holds promises so two
 * views asking for the same sequence at once share one rebuild; a failed
 * rebuild is forgotten so that asking again retries.
 */
class StateCache {
    fetch;
    capacity;
    entries = new Map();
    constructor(fetch, capacity = 64) {
        this.fetch = fetch;
        this.capacity = capacity;
    }
    get(sequence) {
        const cached = this.entries.get(sequence);
        if (cached) {
            // Re-insert: a Map iterates in insertion order, so the oldest use is first.
            this.entries.delete(sequence);
            this.entries.set(sequence, cached);
            return cached;
        }
        const loading = this.fetch(sequence);
        this.entries.set(sequence, loading);
        loading.catch(() => {
            if (this.entries.get(sequence) === loading)
                this.entries.delete(sequence);
        });
        while (this.entries.size > this.capacity) {
            const oldest = this.entries.keys().next().value;
            this.entries.delete(oldest);
        }
        return loading;
    }
    get size() {
        return this.entries.size;
    }
    clear() {
        this.entries.clear();
    }
}
exports.StateCache = StateCache;
//# sourceMappingURL=stateCache.js.map