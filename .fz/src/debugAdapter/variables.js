"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VariableHandles = exports.OBJECT_CHUNK = void 0;
exports.formatValue = formatValue;
const structuralDiff_1 = require("../engine/snapshot/structuralDiff");
const statePaths_1 = require("./statePaths");
/** Keys of an object shown at once; more are shown in ranges (a state can hold a million positions). */
exports.OBJECT_CHUNK = 1000;
/** Differences listed at most (a rewritten state can differ everywhere). */
const CHANGES_SHOWN = 10_000;
/** An array longer than this is paged by the client (indexedVariables). */
const PREVIEW_CHARS = 120;
/** A one-line preview of a JSON value. */
function formatValue(value) {
    if (value === undefined)
        return 'undefined';
    if (Array.isArray(value))
        return value.length === 0 ? '[]' : `Array(${value.length}) ${preview(value)}`;
    if (value !== null && typeof value === 'object')
        return preview(value);
    return JSON.stringify(value) ?? String(value);
}
function preview(value) {
    const text = JSON.stringify(value) ?? '';
    return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text;
}
function isContainer(value) {
    return value !== null && typeof value === 'object';
}
/**
 * Variable handles for one stop: numbers the client uses to open a
 * container, valid until the replay moves (then they start again).
 */
class VariableHandles {
    containers = [];
    clear() {
        this.containers.length = 0;
    }
    add(container) {
        this.containers.push(container);
        return this.containers.length;
    }
    get(reference) {
        return this.containers[reference - 1];
    }
    /** The variable for a named value, with a handle when it can be opened. */
    variable(name, value, evaluateName, state) {
        const variable = { name, value: formatValue(value), variablesReference: 0, type: typeOf(value) };
        if (evaluateName !== undefined)
            variable.evaluateName = evaluateName;
        if (isContainer(value)) {
            variable.variablesReference = this.add({ kind: 'value', value, ...(evaluateName !== undefined ? { evaluateName } : {}), ...(state ? { state } : {}) });
            if (Array.isArray(value))
                variable.indexedVariables = value.length;
            else if (Object.keys(value).length > exports.OBJECT_CHUNK)
                variable.namedVariables = Math.ceil(Object.keys(value).length / exports.OBJECT_CHUNK);
        }
        return variable;
    }
    /** The children of a container, a page of them when the client pages (`start`, `count`). */
    children(container, args) {
        if (container.kind === 'scopes')
            return [...container.variables];
        if (container.kind === 'changes') {
            return (0, structuralDiff_1.structuralDiff)(container.before, container.after, CHANGES_SHOWN).map((d) => {
                const where = d.path === '' ? '(whole state)' : d.path;
                const text = d.kind === 'added' ? `added ${formatValue(d.after)}` : d.kind === 'removed' ? `removed (was ${formatValue(d.before)})` : `${formatValue(d.before)} → ${formatValue(d.after)}`;
                return { name: where, value: text, variablesReference: 0 };
            });
        }
        const { value, evaluateName, state } = container;
        const child = (key, item) => this.variable(Array.isArray(value) ? `[${key}]` : String(key), item, evaluateName !== undefined ? `${evaluateName}${(0, statePaths_1.pathText)([key])}` : undefined, state ? { aggregateId: state.aggregateId, path: [...state.path, key] } : undefined);
        if (Array.isArray(value)) {
            const start = args.start ?? 0;
            const end = args.count ? Math.min(value.length, start + args.count) : value.length;
            const out = [];
            for (let i = start; i < end; i++)
                out.push(child(i, value[i]));
            return out;
        }
        if (!isContainer(value))
            return [];
        const record = value;
        const keys = Object.keys(record);
        if (container.keys)
            return keys.slice(container.keys.from, container.keys.to).map((k) => child(k, record[k]));
        if (keys.length > exports.OBJECT_CHUNK) {
            // Ranges of keys, each opened on demand: the client never receives a million variables at once.
            const ranges = [];
            for (let from = 0; from < keys.length; from += exports.OBJECT_CHUNK) {
                const to = Math.min(keys.length, from + exports.OBJECT_CHUNK);
                ranges.push({ name: `[${from}…${to - 1}]`, value: `keys ${keys[from]} … ${keys[to - 1]}`, variablesReference: this.add({ ...container, keys: { from, to } }) });
            }
            return ranges;
        }
        return keys.map((k) => child(k, record[k]));
    }
}
exports.VariableHandles = VariableHandles;
function typeOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'array';
    return typeof value;
}
//# sourceMappingURL=variables.js.map