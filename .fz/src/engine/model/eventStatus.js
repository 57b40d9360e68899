"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EVENT_STATUSES = exports.EventStatus = void 0;
/** Lifecycle of one event in the bus (the guide's `EventStatus`). */
exports.EventStatus = {
    PENDING: 'pending',
    PROCESSING: 'processing',
    COMPLETED: 'completed',
    FAILED: 'failed',
    RETRYING: 'retrying',
};
exports.EVENT_STATUSES = Object.freeze(Object.values(exports.EventStatus));
//# sourceMappingURL=eventStatus.js.map