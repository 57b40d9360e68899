"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const vscode_languageserver_protocol_1 = require("vscode-languageserver-protocol");
const workspaceSymbols_1 = require("../../src/server/features/workspaceSymbols");
const featuresTestStore_1 = require("./featuresTestStore");
/** The store's context with an index that refuses to list every key or to be read event by event past `eventReads`. */
function pagingOnly(ctx, eventReads) {
    let reads = 0;
    const index = new Proxy(ctx.engine.index, {
        get(target, key, receiver) {
            if (key === 'aggregateIds' || key === 'correlationIds') {
                return () => {
                    throw new Error(`${String(key)}() lists every key of the store`);
                };
            }
            if (key === 'event') {
                return (ordinal) => {
                    if (++reads > eventReads)
                        throw new Error(`more than ${eventReads} events read for one query`);
                    return target.event(ordinal);
                };
            }
            const value = Reflect.get(target, key, receiver);
            return typeof value === 'function' ? value.bind(target) : value;
        },
    });
    const engine = new Proxy(ctx.engine, { get: (target, key, receiver) => (key === 'index' ? index : Reflect.get(target, key, receiver)) });
    return { ctx: { ...ctx, engine, uriOf: ctx.uriOf }, reads: () => reads };
}
(0, node_test_1.describe)('workspace symbols page from the index', () => {
    let store;
    (0, node_test_1.before)(async () => {
        store = await (0, featuresTestStore_1.openFeatureStore)();
    });
    (0, node_test_1.after)(async () => store.close());
    (0, node_test_1.it)('aggregates and correlations by the start of their id come from the sorted tables, without listing every key', () => {
        const index = store.ctx.engine.index;
        const { ctx } = pagingOnly(store.ctx, Number.POSITIVE_INFINITY);
        const traders = (0, workspaceSymbols_1.workspaceSymbols)(ctx, 'trader_');
        const expected = index.aggregateIds().filter((id) => id.startsWith('trader_')).sort();
        strict_1.default.deepEqual(traders.filter((s) => s.kind === vscode_languageserver_protocol_1.SymbolKind.Class).map((s) => s.name), expected);
        const correlation = index.correlationIds()[0];
        const byStart = (0, workspaceSymbols_1.workspaceSymbols)(ctx, correlation.slice(0, 8).toUpperCase());
        strict_1.default.ok(byStart.some((s) => s.kind === vscode_languageserver_protocol_1.SymbolKind.Namespace && s.name === correlation), 'a correlation is found by the start of its id, in the other case');
    });
    (0, node_test_1.it)('a whole event id is looked up, not searched for: a handful of events read', () => {
        const index = store.ctx.engine.index;
        const target = index.event(Math.floor(index.eventCount / 2));
        const { ctx, reads } = pagingOnly(store.ctx, 10);
        const found = (0, workspaceSymbols_1.workspaceSymbols)(ctx, target.eventId);
        strict_1.default.ok(found.some((s) => s.kind === vscode_languageserver_protocol_1.SymbolKind.Event && s.name === target.eventId));
        strict_1.default.ok(reads() <= 10);
    });
});
//# sourceMappingURL=workspaceSymbolsPaging.unit.spec.js.map