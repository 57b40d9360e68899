"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.eventById = eventById;
const jsonSpans_1 = require("../../engine/store/jsonSpans");
const handlerStore_1 = require("./handlerStore");
/** The event with that id as stored (the first one when the id is duplicated), with where it is. */
async function eventById(store, params) {
    const index = store.engine.index;
    const ordinals = index.ordinalsOfEventId(params.eventId);
    if (ordinals.length === 0)
        return null;
    const [first, ...others] = ordinals;
    const text = await store.engine.readLine(first);
    let event;
    let documentText;
    try {
        event = JSON.parse(text);
        // JSON.parse turned 1.0 into 1 and rounded big integers: the document spells them as the line does.
        documentText = `${(0, jsonSpans_1.stringifyKeepingNumbers)(event, (0, jsonSpans_1.numberTexts)(text), { indent: 2 })}\n`;
    }
    catch {
        // The index took the line, so it parses; if the file changed under us, show the text.
        event = text;
    }
    return {
        entry: (0, handlerStore_1.toEventEntry)(store, index.event(first)),
        event,
        ...(documentText !== undefined ? { documentText } : {}),
        duplicates: others.map((ordinal) => (0, handlerStore_1.toEventEntry)(store, index.event(ordinal))),
    };
}
//# sourceMappingURL=eventById.js.map