"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ignoreReducer = exports.DeclarativeReducerError = void 0;
exports.declarativeReducer = declarativeReducer;
const safeMerge_1 = require("../../model/safeMerge");
/**
 * Reducers written as data (`fold.reducers` in eventbus.config.json): each
 * event type lists steps — set, merge, append, increment, remove — on paths
 * of the state. Nothing is evaluated: a path segment `{data.symbol}` is
 * looked up in the event, values come from `from` (a path in the event) or
 * a literal `value`.
 */
class DeclarativeReducerError extends Error {
}
exports.DeclarativeReducerError = DeclarativeReducerError;
/** A dotted path into the event (`data.order.qty`, `metadata.source`, `event_type`). */
function lookup(event, dotted) {
    let current = event;
    for (const part of dotted.split('.')) {
        if (!(0, safeMerge_1.isPlainObject)(current) || (0, safeMerge_1.isForbiddenKey)(part) || !Object.prototype.hasOwnProperty.call(current, part))
            return undefined;
        current = current[part];
    }
    return current;
}
/** The state path's segments for this event (`positions.{data.symbol}` → `['positions', 'BTCUSDT']`). */
function segments(path, event) {
    if (path === '')
        return [];
    // Dots inside `{…}` belong to the event path, not the state path.
    return (path.match(/\{[^}]*\}|[^.]+/g) ?? []).map((segment) => {
        const template = /^\{(.+)\}$/.exec(segment);
        if (!template)
            return segment;
        const value = lookup(event, template[1]);
        if (typeof value !== 'string' && typeof value !== 'number') {
            throw new DeclarativeReducerError(`path "${path}": ${template[1]} is ${value === undefined ? 'missing' : 'not a string or number'} in the event`);
        }
        return String(value);
    });
}
/** The object at `parts` (created on the way), for writing its last key. */
function parentOf(state, parts, path) {
    let current = state;
    for (const part of parts.slice(0, -1)) {
        if ((0, safeMerge_1.isForbiddenKey)(part))
            throw new DeclarativeReducerError(`path "${path}" uses the forbidden key "${part}"`);
        const next = current[part];
        if (next === undefined)
            current[part] = {};
        else if (!(0, safeMerge_1.isPlainObject)(next))
            throw new DeclarativeReducerError(`path "${path}": "${part}" holds ${JSON.stringify(next)}, not an object`);
        current = current[part];
    }
    return current;
}
function stepValue(step, event) {
    return step.from !== undefined ? lookup(event, step.from) : step.value;
}
function applyStep(state, step, event) {
    const parts = segments(step.path, event);
    const value = stepValue(step, event);
    if (parts.length === 0) {
        if (step.op === 'merge' && (0, safeMerge_1.isPlainObject)(value))
            (0, safeMerge_1.mergeInto)(state, value);
        else if (step.op === 'set' && (0, safeMerge_1.isPlainObject)(value)) {
            for (const key of Object.keys(state))
                delete state[key];
            (0, safeMerge_1.mergeInto)(state, value);
        }
        else
            throw new DeclarativeReducerError(`"${step.op}" on the whole state needs an object value`);
        return;
    }
    const key = parts[parts.length - 1];
    if ((0, safeMerge_1.isForbiddenKey)(key))
        throw new DeclarativeReducerError(`path "${step.path}" uses the forbidden key "${key}"`);
    const parent = parentOf(state, parts, step.path);
    const current = parent[key];
    switch (step.op) {
        case 'set':
            if (value !== undefined)
                parent[key] = (0, safeMerge_1.safeClone)(value);
            return;
        case 'merge':
            if (value === undefined)
                return;
            if (!(0, safeMerge_1.isPlainObject)(value))
                throw new DeclarativeReducerError(`merge into "${step.path}" needs an object, got ${JSON.stringify(value)}`);
            if (!(0, safeMerge_1.isPlainObject)(current))
                parent[key] = {};
            (0, safeMerge_1.mergeInto)(parent[key], value);
            return;
        case 'append':
            if (value === undefined)
                return;
            if (current === undefined)
                parent[key] = [];
            else if (!Array.isArray(current))
                throw new DeclarativeReducerError(`append to "${step.path}": it holds ${JSON.stringify(current)}, not a list`);
            parent[key].push((0, safeMerge_1.safeClone)(value));
            return;
        case 'increment': {
            const by = value === undefined && step.from === undefined ? 1 : value;
            if (typeof by !== 'number')
                throw new DeclarativeReducerError(`increment "${step.path}" by ${JSON.stringify(by)}: not a number`);
            if (current !== undefined && typeof current !== 'number')
                throw new DeclarativeReducerError(`increment "${step.path}": it holds ${JSON.stringify(current)}, not a number`);
            parent[key] = (current ?? 0) + by;
            return;
        }
        case 'remove':
            delete parent[key];
            return;
    }
}
/** One event type's steps as a reducer (mutates its private working state, as every reducer may). */
function declarativeReducer(steps) {
    return (state, event) => {
        const target = (0, safeMerge_1.isPlainObject)(state) ? (Object.isFrozen(state) ? (0, safeMerge_1.safeClone)(state) : state) : {};
        for (const step of steps)
            applyStep(target, step, event);
        return target;
    };
}
/** Leaves the state as it is: types the reducers do not name, with `fallback: "ignore"`. */
const ignoreReducer = (state) => ((0, safeMerge_1.isPlainObject)(state) ? state : {});
exports.ignoreReducer = ignoreReducer;
//# sourceMappingURL=declarativeReducers.js.map