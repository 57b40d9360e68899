"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.lineRangeOf = lineRangeOf;
exports.locationOfOrdinal = locationOfOrdinal;
exports.placeOf = placeOf;
exports.ordinalOfEventId = ordinalOfEventId;
/**
 * The range of an indexed event's whole line. The index stores the line's
 * length in UTF-8 bytes, which is never less than its UTF-16 length, so the
 * range always covers the line; clients clamp an end past the line's end.
 * (Reading every line to measure it would make references on a large
 * aggregate read thousands of lines for nothing.)
 */
function lineRangeOf(event) {
    return { start: { line: event.line - 1, character: 0 }, end: { line: event.line - 1, character: event.length } };
}
function locationOfOrdinal(ctx, ordinal) {
    const event = ctx.engine.index.event(ordinal);
    return { uri: ctx.uriOf(event.file), range: lineRangeOf(event) };
}
/** `events/events_2024-01-15.jsonl:42`: how hovers name where an event is. */
function placeOf(event) {
    return `${event.file}:${event.line}`;
}
/** The ordinal of an event id, preferring the first in store order when the id is duplicated. */
function ordinalOfEventId(ctx, eventId) {
    const ordinals = ctx.engine.index.ordinalsOfEventId(eventId);
    return ordinals.length > 0 ? Math.min(...ordinals) : undefined;
}
//# sourceMappingURL=eventLocations.js.map