"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.META_KEY = void 0;
exports.defaultReducer = defaultReducer;
exports.recordMeta = recordMeta;
exports.stateMeta = stateMeta;
const safeMerge_1 = require("../model/safeMerge");
exports.META_KEY = '_meta';
/**
 * The reducer used for any event type without its own: deep-merges the
 * event's `data` into the state (objects recursively, arrays and scalars
 * replace) and records the event in `_meta`.
 *
 * Mutates and returns `state` when it is a plain object (the rebuild passes
 * its private working copy); a frozen state (a rebuild result) is copied
 * first, and anything else is replaced by a fresh object.
 * `data` that is not an object (a number, a list, null) is kept whole under
 * `value`, since there are no keys to merge. A `_meta` key inside `data` is
 * ignored: `_meta` belongs to the rebuild.
 */
function defaultReducer(state, event) {
    const target = (0, safeMerge_1.isPlainObject)(state) ? (Object.isFrozen(state) ? (0, safeMerge_1.safeClone)(state) : state) : {};
    const data = event.data;
    if ((0, safeMerge_1.isPlainObject)(data)) {
        (0, safeMerge_1.mergeInto)(target, data, exports.META_KEY);
    }
    else if (data !== undefined) {
        target.value = (0, safeMerge_1.safeClone)(data);
    }
    return recordMeta(target, event);
}
/** Updates `_meta` for one more folded event (also used after custom reducers). */
function recordMeta(state, event) {
    const previous = state[exports.META_KEY];
    const count = (0, safeMerge_1.isPlainObject)(previous) && typeof previous.event_count === 'number' ? previous.event_count : 0;
    const meta = {
        last_event_type: event.event_type,
        sequence_number: event.metadata.sequence_number,
        timestamp: event.metadata.timestamp,
        event_id: event.metadata.event_id,
        event_count: count + 1,
    };
    state[exports.META_KEY] = meta;
    return state;
}
/** `_meta` of a state, when it has one. */
function stateMeta(state) {
    if (!(0, safeMerge_1.isPlainObject)(state))
        return undefined;
    const meta = state[exports.META_KEY];
    return (0, safeMerge_1.isPlainObject)(meta) ? meta : undefined;
}
//# sourceMappingURL=defaultReducer.js.map