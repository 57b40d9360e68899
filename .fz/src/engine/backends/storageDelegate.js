"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.StorageDelegate = void 0;
/**
 * The bus's questions (EventStorage), answered by the storage a backend
 * wraps: the folder's file storage, the in-memory storage. A backend adds
 * the seam's own questions and overrides what it does differently.
 */
class StorageDelegate {
    append(events) {
        return this.storage.append(events);
    }
    query(query) {
        return this.storage.query(query);
    }
    getEvent(eventId) {
        return this.storage.getEvent(eventId);
    }
    lastSequence(aggregateId) {
        return this.storage.lastSequence(aggregateId);
    }
    countEvents() {
        return this.storage.countEvents();
    }
    saveSnapshot(snapshot) {
        return this.storage.saveSnapshot(snapshot);
    }
    listSnapshots(aggregateId) {
        return this.storage.listSnapshots(aggregateId);
    }
    loadSnapshot(ref) {
        return this.storage.loadSnapshot(ref);
    }
    health() {
        return this.storage.health();
    }
}
exports.StorageDelegate = StorageDelegate;
//# sourceMappingURL=storageDelegate.js.map