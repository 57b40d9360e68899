"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.eventTypes = eventTypes;
const handlerBackend_1 = require("./handlerBackend");
/** Event types with counts (the seam's countByType), most frequent first, and the schema versions the store defines for each. */
async function eventTypes(store) {
    const summaries = [];
    for (const [eventType, count] of await (0, handlerBackend_1.backendOf)(store).countByType()) {
        summaries.push({ eventType, count, schemaVersions: [...store.registry.knownVersions(eventType)] });
    }
    return summaries.sort((a, b) => b.count - a.count || (a.eventType < b.eventType ? -1 : 1));
}
//# sourceMappingURL=eventTypes.js.map