"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.eventTextOf = eventTextOf;
exports.dataTextOf = dataTextOf;
const jsonSpans_1 = require("../engine/store/jsonSpans");
/** The raw line of the event's id, when exactly one line has it. */
async function rawLineOf(engine, event) {
    const ordinals = engine.index.ordinalsOfEventId(event.metadata.event_id);
    if (ordinals.length !== 1)
        return undefined;
    return (await engine.readLine(ordinals[0])).replace(/\r$/, '');
}
/** Whether the line is the event as given (not upcast on read to a newer schema). */
function isStoredAs(line, event) {
    const stored = (0, jsonSpans_1.topLevelMemberText)(line, 'metadata');
    if (stored === undefined)
        return false;
    try {
        const metadata = JSON.parse(stored);
        return metadata.schema_version === event.metadata.schema_version && metadata.sequence_number === event.metadata.sequence_number;
    }
    catch {
        return false;
    }
}
/**
 * The event as one line of JSON: the stored line when it is the stored
 * event; an upcast one re-serialised with the stored line's number
 * spellings (`1.0`, every digit), moved values included.
 */
async function eventTextOf(engine, event) {
    const line = await rawLineOf(engine, event);
    if (line === undefined)
        return JSON.stringify(event);
    return isStoredAs(line, event) ? line : (0, jsonSpans_1.stringifyKeepingNumbers)(event, (0, jsonSpans_1.numberTexts)(line), { spellMovedValues: true });
}
/** The event's data as written when it is the stored event, else re-serialised with the stored numbers' spellings. */
async function dataTextOf(engine, event) {
    const line = await rawLineOf(engine, event);
    const storedData = line === undefined ? undefined : (0, jsonSpans_1.topLevelMemberText)(line, 'data');
    if (storedData === undefined || line === undefined)
        return JSON.stringify(event.data) ?? 'null';
    return isStoredAs(line, event) ? storedData : (0, jsonSpans_1.stringifyKeepingNumbers)(event.data, (0, jsonSpans_1.numberTexts)(storedData), { spellMovedValues: true });
}
//# sourceMappingURL=storedText.js.map