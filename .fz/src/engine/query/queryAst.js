"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ENVELOPE_NAMES = exports.FUNCTION_ARITY = exports.QUERY_FUNCTIONS = exports.DEBUG_ROOTS = void 0;
exports.DEBUG_ROOTS = ['event', 'state', 'prev'];
exports.QUERY_FUNCTIONS = ['exists', 'length', 'lower', 'upper', 'startsWith', 'endsWith'];
/** How many arguments each function takes. */
exports.FUNCTION_ARITY = {
    exists: 1,
    length: 1,
    lower: 1,
    upper: 1,
    startsWith: 2,
    endsWith: 2,
};
/**
 * Short names for envelope fields, as a person types them in a search box.
 * `time` is the timestamp as an instant (compare it with ISO strings);
 * `metadata.timestamp` stays the text as written.
 */
exports.ENVELOPE_NAMES = {
    type: { root: 'event_type', steps: [] },
    event_type: { root: 'event_type', steps: [] },
    id: { root: 'metadata', steps: ['event_id'] },
    aggregate: { root: 'metadata', steps: ['aggregate_id'] },
    correlation: { root: 'metadata', steps: ['correlation_id'] },
    causation: { root: 'metadata', steps: ['causation_id'] },
    source: { root: 'metadata', steps: ['source'] },
    seq: { root: 'metadata', steps: ['sequence_number'] },
    status: { root: 'metadata', steps: ['status'] },
    retries: { root: 'metadata', steps: ['retry_count'] },
    tags: { root: 'metadata', steps: ['tags'] },
    time: { root: 'time', steps: [] },
};
//# sourceMappingURL=queryAst.js.map