"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HistoryRing = void 0;
/** The last `capacity` items, oldest dropped first; O(1) per push, no array shifting. */
class HistoryRing {
    capacity;
    items;
    next = 0;
    count = 0;
    constructor(capacity) {
        this.capacity = capacity;
        this.items = new Array(Math.max(0, Math.floor(capacity)));
    }
    push(item) {
        const capacity = this.items.length;
        if (capacity === 0)
            return;
        this.items[this.next] = item;
        this.next = this.next + 1 === capacity ? 0 : this.next + 1;
        if (this.count < capacity)
            this.count++;
    }
    get size() {
        return this.count;
    }
    /** Oldest first; at most `limit` of the newest items when given. */
    toArray(limit = this.count) {
        const take = Math.max(0, Math.min(limit, this.count));
        const capacity = this.items.length;
        const result = new Array(take);
        let index = (this.next - take + capacity) % capacity;
        for (let i = 0; i < take; i++) {
            result[i] = this.items[index];
            index = index + 1 === capacity ? 0 : index + 1;
        }
        return result;
    }
}
exports.HistoryRing = HistoryRing;
//# sourceMappingURL=historyRing.js.map