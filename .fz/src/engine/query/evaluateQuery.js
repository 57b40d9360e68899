"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.needsOf = needsOf;
exports.holds = holds;
exports.expressionValue = expressionValue;
exports.readPath = readPath;
const timestamp_1 = require("../model/timestamp");
/** Metadata keys the index holds, so queries on them need no body read. */
const INDEXED_METADATA = {
    event_id: (e) => e.eventId,
    source: (e) => e.source,
    aggregate_id: (e) => e.aggregateId,
    correlation_id: (e) => e.correlationId,
    causation_id: (e) => e.causationId,
    sequence_number: (e) => (Number.isNaN(e.sequenceNumber) ? undefined : e.sequenceNumber),
    retry_count: (e) => e.retryCount,
    status: (e) => e.status,
    schema_version: (e) => e.schemaVersion,
};
function needsOf(node) {
    let body = false;
    let line = false;
    let state = false;
    const visit = (n) => {
        switch (n.kind) {
            case 'literal':
                return;
            case 'path':
                if (n.root === 'state' || n.root === 'prev')
                    state = true;
                if (n.root === 'event' || n.root === 'data' || (n.root === 'metadata' && (n.steps.length === 0 || INDEXED_METADATA[String(n.steps[0])] === undefined)))
                    body = true;
                return;
            case 'list':
                n.items.forEach(visit);
                return;
            case 'not':
                visit(n.operand);
                return;
            case 'call':
                n.args.forEach(visit);
                return;
            case 'timeCompare':
                return;
            default:
                visit(n.left);
                visit(n.right);
        }
    };
    // Only a quoted text in condition position searches the line.
    const conditions = (n) => {
        if (n.kind === 'literal' && typeof n.value === 'string')
            line = true;
        else if (n.kind === 'and' || n.kind === 'or') {
            conditions(n.left);
            conditions(n.right);
        }
        else if (n.kind === 'not')
            conditions(n.operand);
    };
    visit(node);
    conditions(node);
    return { body, line, state };
}
/** Whether the subject satisfies the query's condition. */
function holds(node, subject) {
    switch (node.kind) {
        case 'and':
            return holds(node.left, subject) && holds(node.right, subject);
        case 'or':
            return holds(node.left, subject) || holds(node.right, subject);
        case 'not':
            return !holds(node.operand, subject);
        case 'literal':
            if (typeof node.value === 'string')
                return searchText(subject).includes(node.value.toLowerCase());
            return node.value === true;
        case 'path':
            return valuesOf(node, subject).some((v) => v !== false && v !== null && v !== undefined);
        case 'compare':
            return compare(node.op, valuesOf(node.left, subject), valuesOf(node.right, subject));
        case 'timeCompare':
            return timeHolds(node.op, timeOf(subject), node.startMs, node.endMs);
        case 'contains': {
            const needles = valuesOf(node.right, subject);
            return valuesOf(node.left, subject).some((hay) => needles.some((needle) => contains(hay, needle)));
        }
        case 'in': {
            const members = node.right.kind === 'list' ? valuesOf(node.right, subject) : valuesOf(node.right, subject).flatMap(membersOf);
            return valuesOf(node.left, subject).some((v) => members.some((m) => sameValue(v, m)));
        }
        case 'call':
            return callHolds(node, subject);
        default:
            return false;
    }
}
/**
 * What an expression stands for (a watch expression): a path's value
 * (undefined when missing; a list when it reaches into every element of a
 * list), a function's result, or a condition's true or false.
 */
function expressionValue(node, subject) {
    const isCondition = node.kind === 'call' && (node.fn === 'exists' || node.fn === 'startsWith' || node.fn === 'endsWith');
    if (isCondition || (node.kind !== 'path' && node.kind !== 'call' && node.kind !== 'literal' && node.kind !== 'list'))
        return holds(node, subject);
    const values = valuesOf(node, subject);
    if (node.kind === 'list')
        return values;
    return values.length <= 1 ? values[0] : values;
}
/** The values a path stands for (none when the field is missing): CSV columns read fields this way. */
function readPath(node, subject) {
    return pathValues(node.root, node.steps, subject);
}
/** Every value an operand stands for: a path through an array without an index stands for each element's field. */
function valuesOf(node, subject) {
    switch (node.kind) {
        case 'literal':
            return [node.value];
        case 'list':
            return node.items.flatMap((item) => valuesOf(item, subject));
        case 'path':
            return pathValues(node.root, node.steps, subject);
        case 'call':
            return callValues(node.fn, valuesOf(node.args[0], subject));
        default:
            return [holds(node, subject)];
    }
}
function pathValues(root, steps, subject) {
    if (root === 'event_type')
        return [subject.indexed?.eventType ?? subject.event?.event_type].filter((v) => v !== undefined);
    if (root === 'time') {
        const t = timeOf(subject);
        return Number.isFinite(t) ? [t] : [];
    }
    let current;
    let rest = steps;
    if (root === 'state' || root === 'prev') {
        const whole = root === 'state' ? subject.state : subject.prev;
        current = whole === undefined ? [] : [whole];
    }
    else if (root === 'event') {
        current = subject.event ? [subject.event] : [];
    }
    else if (root === 'metadata' && subject.indexed && steps.length > 0 && INDEXED_METADATA[String(steps[0])] !== undefined) {
        current = [INDEXED_METADATA[String(steps[0])](subject.indexed)].filter((v) => v !== undefined);
        rest = steps.slice(1);
    }
    else {
        const event = subject.event;
        if (!event)
            return [];
        current = [root === 'data' ? event.data : event.metadata];
    }
    for (const step of rest)
        current = current.flatMap((value) => stepInto(value, step));
    return current;
}
function stepInto(value, step) {
    if (Array.isArray(value)) {
        if (typeof step === 'number') {
            const at = step < 0 ? value.length + step : step;
            return at >= 0 && at < value.length ? [value[at]] : [];
        }
        // A field of a list: that field of each element (as MongoDB and JSONata read it).
        return value.flatMap((item) => (isRecord(item) && Object.hasOwn(item, step) ? [item[step]] : []));
    }
    if (isRecord(value) && typeof step === 'string' && Object.hasOwn(value, step))
        return [value[step]];
    return [];
}
/** `a != b` is exactly `not (a == b)`, so a missing field is "not equal" to anything. */
function compare(op, left, right) {
    if (op === '==')
        return left.some((l) => right.some((r) => sameValue(l, r)));
    if (op === '!=')
        return !left.some((l) => right.some((r) => sameValue(l, r)));
    return left.some((l) => right.some((r) => ordered(op, l, r)));
}
/** Numbers with numbers, texts with texts: "5" is not 5 (no coercion, as in JSON). */
function ordered(op, l, r) {
    if (!((typeof l === 'number' && typeof r === 'number') || (typeof l === 'string' && typeof r === 'string')))
        return false;
    switch (op) {
        case '<':
            return l < r;
        case '<=':
            return l <= r;
        case '>':
            return l > r;
        case '>=':
            return l >= r;
        default:
            return false;
    }
}
function timeHolds(op, t, start, end) {
    const within = t >= start && t <= end;
    switch (op) {
        case '==':
            return within;
        case '!=':
            return !within;
        case '<':
            return t < start;
        case '<=':
            return t <= end;
        case '>':
            return t > end;
        case '>=':
            return t >= start;
        default:
            return false;
    }
}
/** Text contains text (ignoring case, as a search box does); a list contains an element; an object contains a key. */
function contains(hay, needle) {
    if (typeof hay === 'string')
        return typeof needle === 'string' && hay.toLowerCase().includes(needle.toLowerCase());
    if (Array.isArray(hay))
        return hay.some((item) => sameValue(item, needle));
    if (isRecord(hay))
        return typeof needle === 'string' && Object.hasOwn(hay, needle);
    return false;
}
function membersOf(value) {
    if (Array.isArray(value))
        return value;
    if (isRecord(value))
        return Object.keys(value);
    return [value];
}
function callHolds(node, subject) {
    const first = valuesOf(node.args[0], subject);
    if (node.fn === 'exists')
        return first.length > 0;
    const suffixes = valuesOf(node.args[1], subject).filter((v) => typeof v === 'string');
    const test = node.fn === 'startsWith' ? (s, x) => s.startsWith(x) : (s, x) => s.endsWith(x);
    return first.some((v) => typeof v === 'string' && suffixes.some((x) => test(v, x)));
}
function callValues(fn, values) {
    switch (fn) {
        case 'length':
            return values.flatMap((v) => (typeof v === 'string' || Array.isArray(v) ? [v.length] : isRecord(v) ? [Object.keys(v).length] : []));
        case 'lower':
            return values.flatMap((v) => (typeof v === 'string' ? [v.toLowerCase()] : []));
        case 'upper':
            return values.flatMap((v) => (typeof v === 'string' ? [v.toUpperCase()] : []));
        default:
            return [];
    }
}
function timeOf(subject) {
    if (subject.indexed)
        return subject.indexed.timestampMs;
    const text = subject.event?.metadata?.timestamp;
    return typeof text === 'string' ? (0, timestamp_1.parseTimestamp)(text) : Number.NaN;
}
function searchText(subject) {
    const text = subject.line ?? (subject.event ? JSON.stringify(subject.event) : '');
    return text.toLowerCase();
}
function sameValue(a, b) {
    if (a === b)
        return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
        return false;
    if (Array.isArray(a) !== Array.isArray(b))
        return false;
    if (Array.isArray(a) && Array.isArray(b))
        return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
    const ak = Object.keys(a);
    const bk = Object.keys(b);
    return ak.length === bk.length && ak.every((k) => Object.hasOwn(b, k) && sameValue(a[k], b[k]));
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
//# sourceMappingURL=evaluateQuery.js.map