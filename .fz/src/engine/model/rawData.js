"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.attachRawData = attachRawData;
exports.rawDataOf = rawDataOf;
exports.withRawDataOf = withRawDataOf;
/**
 * The JSON text an event's data was given in (`publish --data`, an editor
 * publish, a migrated line), kept beside the parsed event so that writing
 * it keeps the numbers as written (`1.0`, 20-digit integers) where
 * re-serialising the parsed value would print `1` and round the digits.
 * Keyed by the event object: `withRawDataOf` carries it to a copy.
 */
const rawDataText = new WeakMap();
function attachRawData(event, dataText) {
    rawDataText.set(event, dataText);
    return event;
}
function rawDataOf(event) {
    return rawDataText.get(event);
}
/** Gives `copy` the raw data text of `original` (same data, new metadata). */
function withRawDataOf(copy, original) {
    const text = rawDataText.get(original);
    if (text !== undefined && copy.data === original.data)
        rawDataText.set(copy, text);
    return copy;
}
//# sourceMappingURL=rawData.js.map