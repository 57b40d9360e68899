"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.replayCorrelation = replayCorrelation;
const replay_1 = require("../../engine/replay/replay");
const handlerBackend_1 = require("./handlerBackend");
const handlerStore_1 = require("./handlerStore");
const writeStore_1 = require("./writeStore");
const DEFAULT_LIMIT = 1000;
/** A correlation's events in store order (across aggregates), upcast, as `eventbus replay --correlation` hands them out. */
async function replayCorrelation(store, params) {
    const correlationId = (0, writeStore_1.requireText)('correlationId', params.correlationId, '"corr-42"');
    const limit = Math.max(1, Math.floor((0, handlerStore_1.finiteOr)(params.limit, DEFAULT_LIMIT)));
    const events = await (0, replay_1.replayEvents)((0, handlerBackend_1.backendOf)(store), { correlationId, limit: limit + 1 });
    return { events: events.slice(0, limit), truncated: events.length > limit };
}
//# sourceMappingURL=writeReplayCorrelation.js.map