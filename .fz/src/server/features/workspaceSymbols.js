"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EVENT_PREFIX_SCAN_LIMIT = exports.WORKSPACE_SYMBOLS_CAP = void 0;
exports.workspaceSymbols = workspaceSymbols;
const vscode_languageserver_protocol_1 = require("vscode-languageserver-protocol");
const eventLocations_1 = require("./eventLocations");
exports.WORKSPACE_SYMBOLS_CAP = 200;
/** Shorter queries match too much of a large store to be worth scanning every event id for. */
const MIN_QUERY = 2;
/**
 * Event ids are hashed in the index, not sorted: finding one by the start of
 * its id reads event lines, so only stores up to this size are searched that
 * way (a bigger one finds an event by its whole id, and aggregates and
 * correlations by any start, from their sorted tables).
 */
exports.EVENT_PREFIX_SCAN_LIMIT = 50_000;
/**
 * Find an event by the start of its event_id, or an aggregate / correlation
 * by the start of its id (case-insensitive for ids written in one case), at
 * most `cap` results: aggregates and correlations first, then events in
 * store order. An aggregate or correlation points at its first event. Keys
 * come a page at a time from the index's sorted tables: a store of millions
 * of correlations is never listed whole.
 */
function workspaceSymbols(ctx, query, cap = exports.WORKSPACE_SYMBOLS_CAP) {
    const typed = query.trim();
    const prefix = typed.toLowerCase();
    if (prefix.length < MIN_QUERY)
        return [];
    const index = ctx.engine.index;
    const found = [];
    const add = (symbol) => found.length < cap && found.push(symbol);
    // Sorted tables compare exactly: the query as typed, in lower case and in upper case covers ids written in one case.
    const spellings = [...new Set([typed, prefix, typed.toUpperCase()])];
    for (const kind of ['aggregate', 'correlation']) {
        const keys = new Set();
        for (const spelling of spellings)
            for (const key of index.keyPage(kind, spelling, 0, cap).keys)
                keys.add(key);
        for (const id of [...keys].sort()) {
            if (found.length >= cap)
                return found;
            const first = kind === 'aggregate' ? index.ordinalsOfAggregate(id)[0] : index.ordinalsOfCorrelation(id)[0];
            if (first === undefined)
                continue;
            const size = kind === 'aggregate' ? index.aggregateSize(id) : index.correlationSize(id);
            add({ name: id, kind: kind === 'aggregate' ? vscode_languageserver_protocol_1.SymbolKind.Class : vscode_languageserver_protocol_1.SymbolKind.Namespace, containerName: `${kind} · ${size} events`, location: (0, eventLocations_1.locationOfOrdinal)(ctx, first) });
        }
    }
    // A whole id is looked up directly; a prefix needs a pass over the events (small stores only).
    const whole = index.ordinalsOfEventId(typed);
    const ordinals = whole.length > 0 ? [...whole].sort((a, b) => a - b) : undefined;
    const total = ordinals ? ordinals.length : index.eventCount <= exports.EVENT_PREFIX_SCAN_LIMIT ? index.eventCount : 0;
    for (let k = 0; k < total && found.length < cap; k++) {
        const event = index.event(ordinals ? ordinals[k] : k);
        if (!event.eventId.toLowerCase().startsWith(prefix))
            continue;
        add({
            name: event.eventId,
            kind: vscode_languageserver_protocol_1.SymbolKind.Event,
            containerName: `${event.eventType} · ${event.aggregateId ?? 'no aggregate'} · ${event.file}:${event.line}`,
            location: (0, eventLocations_1.locationOfOrdinal)(ctx, event.ordinal),
        });
    }
    return found;
}
//# sourceMappingURL=workspaceSymbols.js.map