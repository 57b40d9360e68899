"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UnknownEventTypeError = void 0;
exports.knownEventTypes = knownEventTypes;
exports.eventTypeGate = eventTypeGate;
const closeMatches_1 = require("../model/closeMatches");
const eventTypes_1 = require("../model/eventTypes");
/**
 * Publishing only what the store knows: a Python bus reads `event_type`
 * with `EventType(value)`, which raises on a type it does not have, so an
 * event of a made-up type (often a typo) breaks its reader. Known: the
 * guide's built-in types, the store's schema folder, and `event_types` in
 * eventbus.config.json. A new type is published only when asked explicitly.
 */
class UnknownEventTypeError extends Error {
    eventType;
    closeMatches;
    constructor(eventType, closeMatches) {
        super(`unknown event type "${eventType}": the store knows the built-in types, its schema folder and "event_types" in eventbus.config.json` +
            (closeMatches.length > 0 ? `; did you mean ${closeMatches.map((m) => `"${m}"`).join(', ')}?` : '.') +
            ' To publish a new type, add it to "event_types" (or give it a schema folder), or pass --allow-new-type.');
        this.eventType = eventType;
        this.closeMatches = closeMatches;
        this.name = 'UnknownEventTypeError';
    }
}
exports.UnknownEventTypeError = UnknownEventTypeError;
/** Every type the store knows, sorted. */
function knownEventTypes(sources) {
    return [...new Set([...eventTypes_1.BUILT_IN_EVENT_TYPES, ...sources.schemaTypes, ...sources.configTypes])].sort();
}
/** A gate for the bus: the refusal for a type the store does not know, or undefined. */
function eventTypeGate(sources) {
    const known = knownEventTypes(sources);
    const set = new Set(known);
    return (eventType) => (set.has(eventType) ? undefined : new UnknownEventTypeError(eventType, (0, closeMatches_1.closeMatches)(eventType, known)));
}
//# sourceMappingURL=knownEventTypes.js.map