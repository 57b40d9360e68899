"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WriteQueue = void 0;
/**
 * Writes to one store run one at a time: a publish, a cleanup and a
 * migration each take the store's writer lock (or remove files under it),
 * and two at once from the same server would only fail each other.
 */
class WriteQueue {
    tails = new Map();
    run(storeRoot, work) {
        const previous = this.tails.get(storeRoot) ?? Promise.resolve();
        const next = previous.catch(() => undefined).then(work);
        const tail = next.catch(() => undefined);
        this.tails.set(storeRoot, tail);
        void tail.then(() => {
            if (this.tails.get(storeRoot) === tail)
                this.tails.delete(storeRoot);
        });
        return next;
    }
}
exports.WriteQueue = WriteQueue;
//# sourceMappingURL=writeQueue.js.map