"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ReducerRegistry = void 0;
exports.reducersFrom = reducersFrom;
const defaultReducer_1 = require("./defaultReducer");
/**
 * Reducers per event type. Register the types your application folds
 * specially; every other type goes through the default deep-merge reducer.
 */
class ReducerRegistry {
    fallback;
    byType = new Map();
    constructor(fallback = defaultReducer_1.defaultReducer) {
        this.fallback = fallback;
    }
    /** Registers (or replaces) the reducer for a type; returns a function that removes it. */
    register(eventType, reducer) {
        const stored = reducer;
        this.byType.set(eventType, stored);
        return () => {
            if (this.byType.get(eventType) === stored)
                this.byType.delete(eventType);
        };
    }
    reducerFor(eventType) {
        return this.byType.get(eventType);
    }
    get registeredTypes() {
        return [...this.byType.keys()];
    }
}
exports.ReducerRegistry = ReducerRegistry;
/** A registry from a plain `{ type: reducer }` table. */
function reducersFrom(table, fallback) {
    const registry = new ReducerRegistry(fallback);
    for (const [type, reducer] of Object.entries(table))
        registry.register(type, reducer);
    return registry;
}
//# sourceMappingURL=reducerRegistry.js.map