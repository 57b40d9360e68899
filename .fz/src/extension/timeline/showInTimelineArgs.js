"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.eventIdOfArgument = eventIdOfArgument;
/**
 * The argument of eventbus.showInTimeline: `{ eventId }` from a code action
 * or another command, or an event item of a tree view (`{ entry: { eventId } }`).
 */
function eventIdOfArgument(arg) {
    if (typeof arg === 'string' && arg.length > 0)
        return arg;
    if (typeof arg !== 'object' || arg === null)
        return undefined;
    const record = arg;
    if (typeof record.eventId === 'string')
        return record.eventId;
    const entry = record.entry;
    if (typeof entry === 'object' && entry !== null && typeof entry.eventId === 'string') {
        return entry.eventId;
    }
    return undefined;
}
//# sourceMappingURL=showInTimelineArgs.js.map