"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REDUCER_OPS = exports.BOOKKEEPING_SOURCES = void 0;
exports.foldSettingProblems = foldSettingProblems;
exports.foldSpecOf = foldSpecOf;
exports.BOOKKEEPING_SOURCES = [
    'event_type',
    'sequence_number',
    'event_id',
    'timestamp',
    'timestamp_isoformat',
    'source',
    'aggregate_id',
    'count',
];
exports.REDUCER_OPS = ['set', 'merge', 'append', 'increment', 'remove'];
const MODES = ['shallow', 'deep', 'reducers', 'projection'];
/**
 * Problems of a `fold` value as "expected … got …" pairs (empty when it is
 * fine), each with the path of the key at fault.
 */
function foldSettingProblems(value) {
    const problems = [];
    const show = (v) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v) ?? String(v));
    if (typeof value === 'string') {
        if (value !== 'auto' && !MODES.includes(value)) {
            problems.push({ path: 'fold', expected: `"auto", ${MODES.map((m) => `"${m}"`).join(', ')} or an object with "mode"`, got: show(value) });
        }
        else if (value === 'reducers' || value === 'projection') {
            problems.push({ path: 'fold', expected: `an object {"mode": "${value}", ...} (the ${value} need naming)`, got: show(value) });
        }
        return problems;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        problems.push({ path: 'fold', expected: 'a fold mode name or an object with "mode"', got: show(value) });
        return problems;
    }
    const spec = value;
    for (const key of Object.keys(spec)) {
        if (!['mode', 'bookkeeping', 'reducers', 'fallback', 'projection'].includes(key)) {
            problems.push({ path: `fold.${key}`, expected: 'one of mode, bookkeeping, reducers, fallback, projection', got: `unknown key "${key}"` });
        }
    }
    if (typeof spec.mode !== 'string' || !MODES.includes(spec.mode)) {
        problems.push({ path: 'fold.mode', expected: MODES.map((m) => `"${m}"`).join(', '), got: show(spec.mode) });
    }
    if (spec.bookkeeping !== undefined) {
        if (spec.bookkeeping === null || typeof spec.bookkeeping !== 'object' || Array.isArray(spec.bookkeeping)) {
            problems.push({ path: 'fold.bookkeeping', expected: 'an object {key: source}', got: show(spec.bookkeeping) });
        }
        else {
            for (const [key, source] of Object.entries(spec.bookkeeping)) {
                if (!exports.BOOKKEEPING_SOURCES.includes(source)) {
                    problems.push({ path: `fold.bookkeeping.${key}`, expected: `one of ${exports.BOOKKEEPING_SOURCES.join(', ')}`, got: show(source) });
                }
            }
        }
    }
    if (spec.fallback !== undefined && !['shallow', 'deep', 'ignore'].includes(spec.fallback)) {
        problems.push({ path: 'fold.fallback', expected: '"shallow", "deep" or "ignore"', got: show(spec.fallback) });
    }
    if (spec.mode === 'projection' && (typeof spec.projection !== 'string' || spec.projection === '')) {
        problems.push({ path: 'fold.projection', expected: 'the name of a projection module of the store', got: show(spec.projection) });
    }
    if (spec.mode === 'reducers' || spec.reducers !== undefined)
        problems.push(...reducerProblems(spec.reducers));
    return problems;
}
function reducerProblems(reducers) {
    const problems = [];
    if (reducers === null || typeof reducers !== 'object' || Array.isArray(reducers)) {
        return [{ path: 'fold.reducers', expected: 'an object {event_type: [steps]}', got: JSON.stringify(reducers) ?? 'nothing' }];
    }
    for (const [type, steps] of Object.entries(reducers)) {
        if (!Array.isArray(steps)) {
            problems.push({ path: `fold.reducers.${type}`, expected: 'a list of steps', got: JSON.stringify(steps) });
            continue;
        }
        steps.forEach((step, i) => {
            const where = `fold.reducers.${type}[${i}]`;
            if (step === null || typeof step !== 'object' || Array.isArray(step)) {
                problems.push({ path: where, expected: 'a step {"op", "path", "from" | "value"}', got: JSON.stringify(step) });
                return;
            }
            const s = step;
            if (!exports.REDUCER_OPS.includes(s.op))
                problems.push({ path: `${where}.op`, expected: exports.REDUCER_OPS.join(', '), got: JSON.stringify(s.op) ?? 'nothing' });
            if (typeof s.path !== 'string')
                problems.push({ path: `${where}.path`, expected: 'a dotted path ("" for the whole state)', got: JSON.stringify(s.path) ?? 'nothing' });
            if (s.from !== undefined && typeof s.from !== 'string')
                problems.push({ path: `${where}.from`, expected: 'a dotted path into the event (data.x)', got: JSON.stringify(s.from) });
            if (s.from !== undefined && s.value !== undefined)
                problems.push({ path: where, expected: 'either "from" or "value"', got: 'both' });
            if ((s.op === 'set' || s.op === 'merge' || s.op === 'append') && s.from === undefined && s.value === undefined) {
                problems.push({ path: where, expected: `"from" or "value" for ${String(s.op)}`, got: 'neither' });
            }
            for (const key of Object.keys(s)) {
                if (!['op', 'path', 'from', 'value'].includes(key))
                    problems.push({ path: `${where}.${key}`, expected: 'op, path, from, value', got: `unknown key "${key}"` });
            }
        });
    }
    return problems;
}
/** A spec from a valid setting (`auto` stays undecided: null). */
function foldSpecOf(setting) {
    if (setting === undefined || setting === 'auto')
        return null;
    return typeof setting === 'string' ? { mode: setting } : setting;
}
//# sourceMappingURL=foldSetting.js.map