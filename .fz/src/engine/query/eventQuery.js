"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compileQuery = compileQuery;
exports.matchingOrdinals = matchingOrdinals;
exports.matchesOrdinal = matchesOrdinal;
const evaluateQuery_1 = require("./evaluateQuery");
const parseQuery_1 = require("./parseQuery");
/** Reads the query (throws a QueryError with the column and what was expected). */
function compileQuery(text, options = {}) {
    const tree = (0, parseQuery_1.parseQuery)(text, options);
    const needs = (0, evaluateQuery_1.needsOf)(tree);
    return { text, tree, ...needs, matches: (subject) => (0, evaluateQuery_1.holds)(tree, subject) };
}
/**
 * The ordinals among `candidates` (in their order) that the query matches,
 * reading an event's body only when the query looks past the index. A
 * generator, so callers stream, stop at a limit, or yield to other work.
 */
async function* matchingOrdinals(store, query, candidates) {
    for (const ordinal of candidates) {
        if (await matchesOrdinal(store, query, ordinal))
            yield ordinal;
    }
}
/** Whether one indexed event matches. */
async function matchesOrdinal(store, query, ordinal) {
    const indexed = store.index.event(ordinal);
    const line = query.line ? await store.readLine(ordinal) : undefined;
    let event;
    if (query.body) {
        try {
            event = await store.readEvent(ordinal);
        }
        catch {
            // A line the index took but whose body no longer parses: only its envelope can match.
            event = undefined;
        }
    }
    return query.matches({ indexed, ...(event ? { event } : {}), ...(line !== undefined ? { line } : {}) });
}
//# sourceMappingURL=eventQuery.js.map