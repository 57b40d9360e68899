"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Breakpoints = exports.EXCEPTION_FILTERS = void 0;
exports.dataIdOf = dataIdOf;
const query_1 = require("../engine/query");
const structuralDiff_1 = require("../engine/snapshot/structuralDiff");
const variables_1 = require("./variables");
const statePaths_1 = require("./statePaths");
/** The exception filters: events that are wrong, rather than events someone asked for. */
exports.EXCEPTION_FILTERS = [
    { filter: 'schema-invalid', label: 'Schema-invalid events', description: 'Stop on an event whose data fails its JSON Schema (event_type, schema_version)', default: false },
    { filter: 'integrity', label: 'Integrity findings', description: 'Stop on a duplicate id, a sequence gap or repeat, an unknown cause, time going back (what `eventbus validate` reports, EB013–EB018)', default: false },
    { filter: 'reducer-error', label: 'Reducer errors', description: "Stop on an event the store's fold refuses (the event is then not folded)", default: true },
];
/** The dataId of a state field (what dataBreakpointInfo returns and setDataBreakpoints gets back). */
function dataIdOf(aggregateId, path) {
    return JSON.stringify({ aggregateId: aggregateId ?? null, path });
}
let nextId = 1;
/** Every breakpoint of the session, checked against each event the replay passes. */
class Breakpoints {
    log;
    byOrdinal = new Map();
    byFile = new Map();
    functions = [];
    data = [];
    exceptions = new Set();
    constructor(log) {
        this.log = log;
    }
    /** Replaces a file's line breakpoints; `ordinalOf` finds the event on a line (undefined: none there). */
    setLines(file, requested, ordinalOf, inSession) {
        for (const ordinal of this.byFile.get(file) ?? [])
            this.byOrdinal.delete(ordinal);
        const ordinals = [];
        const result = requested.map((bp) => {
            const id = nextId++;
            const ordinal = ordinalOf(bp.line);
            if (ordinal === undefined)
                return { id, verified: false, line: bp.line, message: `line ${bp.line} of ${file} holds no event` };
            const extras = readExtras(bp.condition, bp.hitCondition, bp.logMessage);
            if ('problem' in extras)
                return { id, verified: false, line: bp.line, message: extras.problem };
            const list = this.byOrdinal.get(ordinal) ?? [];
            list.push({ id, ...extras });
            this.byOrdinal.set(ordinal, list);
            ordinals.push(ordinal);
            const outside = inSession(ordinal);
            // Still kept: Step Into may reach an event outside the session, and attach mode may add it.
            return { id, verified: outside === undefined, line: bp.line, ...(outside !== undefined ? { message: outside } : {}) };
        });
        this.byFile.set(file, ordinals);
        return result;
    }
    setFunctions(requested) {
        this.functions = [];
        return requested.map((bp) => {
            const id = nextId++;
            const match = /^\s*([^:\s]+)\s*(?::\s*([^\s]+))?\s*$/.exec(bp.name);
            if (!match)
                return { id, verified: false, message: `"${bp.name}": expected an event type (trade_executed), "type:field" (trade_executed:quantity) or "*:field"` };
            const extras = readExtras(bp.condition, bp.hitCondition, undefined);
            if ('problem' in extras)
                return { id, verified: false, message: extras.problem };
            this.functions.push({ id, eventType: match[1], ...(match[2] !== undefined ? { field: match[2] } : {}), ...extras });
            return { id, verified: true };
        });
    }
    setData(requested) {
        this.data = [];
        return requested.map((bp) => {
            const id = nextId++;
            let parsed;
            try {
                parsed = JSON.parse(bp.dataId);
                if (!Array.isArray(parsed.path))
                    throw new Error('no path');
            }
            catch {
                return { id, verified: false, message: `${bp.dataId}: not a state field of this session (ask dataBreakpointInfo for one)` };
            }
            const extras = readExtras(bp.condition, bp.hitCondition, undefined);
            if ('problem' in extras)
                return { id, verified: false, message: extras.problem };
            const description = `state${(0, statePaths_1.pathText)(parsed.path)}${parsed.aggregateId !== null ? ` of ${parsed.aggregateId}` : ''}`;
            this.data.push({ id, ...(parsed.aggregateId !== null ? { aggregateId: parsed.aggregateId } : {}), path: parsed.path, description, extras });
            return { id, verified: true, message: description };
        });
    }
    setExceptions(filters) {
        this.exceptions = new Set(filters.filter((f) => exports.EXCEPTION_FILTERS.some((known) => known.filter === f)));
        return filters.map((f) => ({ verified: this.exceptions.has(f), ...(this.exceptions.has(f) ? {} : { message: `unknown filter ${f}` }) }));
    }
    /** Whether checking needs each event's state folded (data breakpoints, reducer errors, conditions on state). */
    needsStates() {
        const onState = (e) => e.condition?.state === true || (e.log ?? []).some((part) => typeof part !== 'string');
        return (this.data.length > 0 ||
            this.exceptions.has('reducer-error') ||
            this.functions.some(onState) ||
            [...this.byOrdinal.values()].some((list) => list.some(onState)));
    }
    /** Whether anything at all could stop the replay (else Continue runs straight to the end). */
    isEmpty() {
        return this.byOrdinal.size === 0 && this.functions.length === 0 && this.data.length === 0 && this.exceptions.size === 0;
    }
    /** The breakpoint the passing event hits, after conditions, hit counts and logpoints; null when it passes. */
    async check(passing) {
        const lines = this.byOrdinal.get(passing.ordinal);
        if (lines) {
            const ids = await this.firing(lines, passing);
            if (ids.length)
                return { reason: 'breakpoint', ids };
        }
        const type = passing.indexed.eventType;
        const candidates = this.functions.filter((f) => f.eventType === type || f.eventType === '*');
        if (candidates.length) {
            const withField = [];
            for (const f of candidates) {
                if (f.field === undefined)
                    withField.push(f);
                else {
                    const data = (await passing.event())?.data;
                    if (data !== null && typeof data === 'object' && Object.hasOwn(data, f.field))
                        withField.push(f);
                }
            }
            const ids = await this.firing(withField, passing);
            if (ids.length)
                return { reason: 'function breakpoint', ids, text: `${type}` };
        }
        if (this.exceptions.has('integrity')) {
            const problem = passing.integrityProblems();
            if (problem !== undefined)
                return { reason: 'exception', ids: [], text: problem };
        }
        if (this.exceptions.has('schema-invalid')) {
            const problem = await passing.schemaProblems();
            if (problem !== undefined)
                return { reason: 'exception', ids: [], text: problem };
        }
        if (this.exceptions.has('reducer-error') || this.data.length > 0) {
            const states = await passing.states();
            if (states?.reducerError !== undefined && this.exceptions.has('reducer-error'))
                return { reason: 'exception', ids: [], text: states.reducerError };
            if (states) {
                const changed = this.data.filter((d) => (d.aggregateId === undefined || d.aggregateId === passing.indexed.aggregateId) &&
                    !(0, structuralDiff_1.deepEqualJson)((0, statePaths_1.valueAt)(states.before, d.path), (0, statePaths_1.valueAt)(states.after, d.path)));
                const ids = [];
                for (const d of changed)
                    if (await this.fires(d.extras, passing))
                        ids.push(d.id);
                if (ids.length) {
                    const first = changed.find((d) => d.id === ids[0]);
                    const before = (0, statePaths_1.valueAt)(states.before, first.path);
                    const after = (0, statePaths_1.valueAt)(states.after, first.path);
                    return { reason: 'data breakpoint', ids, text: `${first.description}: ${(0, variables_1.formatValue)(before)} → ${(0, variables_1.formatValue)(after)}` };
                }
            }
        }
        return null;
    }
    async firing(list, passing) {
        const ids = [];
        for (const bp of list)
            if (await this.fires(bp, passing))
                ids.push(bp.id);
        return ids;
    }
    /** Condition, then hit count, then (for a logpoint) the message instead of a stop. */
    async fires(bp, passing) {
        if (bp.condition) {
            const subject = await subjectOf(passing, bp.condition.body || bp.condition.line, bp.condition.state);
            if (!bp.condition.matches(subject))
                return false;
        }
        bp.hits++;
        if (bp.hit && !bp.hit(bp.hits))
            return false;
        if (bp.log) {
            const subject = await subjectOf(passing, true, bp.log.some((p) => typeof p !== 'string'));
            this.log(bp.log.map((part) => (typeof part === 'string' ? part : (0, variables_1.formatValue)((0, query_1.expressionValue)(part, subject)))).join(''), passing.ordinal);
            return false;
        }
        return true;
    }
    /** Hit counts start again (a new run of the session). */
    resetHits() {
        for (const list of this.byOrdinal.values())
            for (const bp of list)
                bp.hits = 0;
        for (const bp of this.functions)
            bp.hits = 0;
        for (const bp of this.data)
            bp.extras.hits = 0;
    }
}
exports.Breakpoints = Breakpoints;
async function subjectOf(passing, body, state) {
    const event = body ? await passing.event() : undefined;
    const states = state ? await passing.states() : undefined;
    return {
        indexed: passing.indexed,
        ...(event ? { event } : {}),
        ...(states ? { state: states.after, prev: states.before } : {}),
    };
}
/** A condition and hit count as the debugger's expressions; a problem names what is wrong and where. */
function readExtras(condition, hitCondition, logMessage) {
    let compiled;
    if (condition !== undefined && condition.trim() !== '') {
        try {
            compiled = (0, query_1.compileQuery)(condition, { debugRoots: true });
        }
        catch (error) {
            return { problem: `condition: ${error instanceof query_1.QueryError ? error.message : String(error)}` };
        }
    }
    let hit;
    if (hitCondition !== undefined && hitCondition.trim() !== '') {
        const match = /^\s*(>=|>|==|=|%)?\s*(\d+)\s*$/.exec(hitCondition);
        if (!match)
            return { problem: `hit count "${hitCondition}": expected a number N (stop on the Nth hit), >= N, > N or % N` };
        const n = Number(match[2]);
        // A bare N stops on the Nth hit only; `>= N` on it and every later one.
        const tests = { '%': (c) => n > 0 && c % n === 0, '>': (c) => c > n, '>=': (c) => c >= n, '==': (c) => c === n, '=': (c) => c === n };
        hit = tests[match[1] ?? '=='];
    }
    let log;
    if (logMessage !== undefined) {
        log = [];
        // `{expression}` parts are evaluated; the rest is printed as written.
        const parts = logMessage.split(/(\{[^{}]*\})/);
        for (const part of parts) {
            if (!/^\{[^{}]*\}$/.test(part)) {
                if (part !== '')
                    log.push(part);
                continue;
            }
            try {
                log.push((0, query_1.parseExpression)(part.slice(1, -1), { debugRoots: true }));
            }
            catch (error) {
                return { problem: `log message ${part}: ${error instanceof query_1.QueryError ? error.message : String(error)}` };
            }
        }
    }
    return { ...(compiled ? { condition: compiled } : {}), ...(hit ? { hit } : {}), ...(log ? { log } : {}), hits: 0 };
}
//# sourceMappingURL=breakpoints.js.map