"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.vocabularyOf = vocabularyOf;
/** The vocabulary of `event_types` / `statuses` in eventbus.config.json (schema folders add types on their own). */
function vocabularyOf(config) {
    return {
        ...(config.event_types && config.event_types.length > 0 ? { knownEventTypes: new Set(config.event_types) } : {}),
        ...(config.statuses && config.statuses.length > 0 ? { knownStatuses: new Set(config.statuses) } : {}),
    };
}
//# sourceMappingURL=vocabulary.js.map