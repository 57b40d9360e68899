"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.indexState = indexState;
exports.epochMsToTimestamptz = epochMsToTimestamptz;
exports.isoOf = isoOf;
/** Whether some index of the table is over `expression` (pg_indexes' normalised text, e.g. `message_metadata ->> 'correlationId'`). */
function indexState(indexDefinitions, expression, advice) {
    const wanted = normaliseIndexText(expression);
    return { indexed: indexDefinitions.some((definition) => normaliseIndexText(definition).includes(wanted)), advice };
}
/** Index text without casts, quotes, parentheses or spaces, so two spellings of one expression compare equal. */
function normaliseIndexText(text) {
    return text.replace(/::text/g, '').replace(/[()\s"]/g, '').toLowerCase();
}
/** Epoch ms to a timestamptz parameter in SQL. */
function epochMsToTimestamptz(param) {
    return `to_timestamp(${param}::float8 / 1000)`;
}
/** A timestamptz (pg returns a Date) as the guide's ISO text with microseconds dropped to ms and `Z`. */
function isoOf(value) {
    if (value instanceof Date)
        return value.toISOString();
    return typeof value === 'string' ? value : new Date(Number(value)).toISOString();
}
//# sourceMappingURL=sqlEventLayout.js.map