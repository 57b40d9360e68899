"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.prepareContentMask = prepareContentMask;
exports.contentMaskOf = contentMaskOf;
const eventQuery_1 = require("./eventQuery");
/** Work in slices this long, then let other requests in (a content query reads every body once). */
const SLICE_MS = 20;
/**
 * Which events a content query matches, as a mask by ordinal, per index and
 * query text: computed once, reading each body once in slices (requests are
 * answered between them), and extended, not redone, when events are
 * appended. The views, the timeline and the match count share it; `ordinalTestOf`
 * reads it synchronously once it is prepared.
 */
const masks = new WeakMap();
const MASKS_PER_INDEX = 8;
async function prepareContentMask(store, where) {
    const query = (0, eventQuery_1.compileQuery)(where);
    const index = store.index;
    let perIndex = masks.get(index);
    if (!perIndex)
        masks.set(index, (perIndex = new Map()));
    let cached = perIndex.get(where);
    if (!cached || cached.ordinalsVersion !== index.ordinalsVersion || cached.mask.length > index.eventCount) {
        cached = { ordinalsVersion: index.ordinalsVersion, mask: new Uint8Array(0), matched: 0 };
    }
    perIndex.delete(where);
    perIndex.set(where, cached);
    if (perIndex.size > MASKS_PER_INDEX)
        perIndex.delete(perIndex.keys().next().value);
    const count = index.eventCount;
    if (cached.mask.length < count) {
        const mask = new Uint8Array(count);
        mask.set(cached.mask);
        let matched = cached.matched;
        let sliceStart = Date.now();
        for (let ordinal = cached.mask.length; ordinal < count; ordinal++) {
            if (await (0, eventQuery_1.matchesOrdinal)(store, query, ordinal)) {
                mask[ordinal] = 1;
                matched++;
            }
            if (Date.now() - sliceStart > SLICE_MS) {
                await new Promise((resolve) => setImmediate(resolve));
                if (index.ordinalsVersion !== cached.ordinalsVersion)
                    return prepareContentMask(store, where);
                sliceStart = Date.now();
            }
        }
        cached.mask = mask;
        cached.matched = matched;
    }
    return cached;
}
/** The prepared mask (see prepareContentMask); an unprepared query is a server bug, said plainly. */
function contentMaskOf(index, where) {
    const cached = masks.get(index)?.get(where);
    if (!cached || cached.ordinalsVersion !== index.ordinalsVersion || cached.mask.length < index.eventCount) {
        throw new Error(`the content query "${where}" was not evaluated before the request used it`);
    }
    return cached.mask;
}
//# sourceMappingURL=contentMask.js.map