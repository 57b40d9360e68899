"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkIntegrity = checkIntegrity;
exports.checkIntegrityInSlices = checkIntegrityInSlices;
const columnStretches_1 = require("../index/columnStretches");
const codes_1 = require("./codes");
const sequenceRules_1 = require("./sequenceRules");
const DAY_MS = 86_400_000;
/**
 * The store-wide rules, over the index only (no event bodies): EB013
 * duplicate event ids, EB014-EB016 sequence numbers (following
 * `index.sequenceMode`), EB017 unknown causes and EB018 timestamps going
 * back within an aggregate. Returns issues in no particular order; turn them
 * into findings with `issueToFinding` once the line text is at hand.
 *
 * Cost: the columns are read in store order a stretch at a time (never a
 * copy of a whole column), with state per aggregate and a bit per sequence
 * number; the index's own id lookups (ids are compared as bytes there); an
 * event is only decoded when it is reported.
 */
function checkIntegrity(index, options = {}) {
    const issues = [];
    const steps = integritySteps(index, options, issues);
    while (!steps.next().done) {
        // Every step at once: nothing else waits on this caller.
    }
    return issues;
}
/**
 * The same rules for a process that serves requests meanwhile (the
 * language server): it gives the event loop a turn whenever it has run for
 * `sliceMs`, so checking a million events never holds a request up long.
 */
async function checkIntegrityInSlices(index, options = {}, sliceMs = 20, 
/** How to give way between slices (tests do work of their own there). */
giveWay = () => new Promise((resolve) => setImmediate(resolve))) {
    const issues = [];
    const steps = integritySteps(index, options, issues);
    let sliceStarted = performance.now();
    while (!steps.next().done) {
        if (performance.now() - sliceStarted < sliceMs)
            continue;
        await giveWay();
        sliceStarted = performance.now();
    }
    return issues;
}
/**
 * The rules one piece at a time: the store-wide ones, then the columns a
 * stretch at a time, with a place to pause after each. Appends during a
 * pause are left to the next check (only the events there at the start are
 * looked at); a caller that pauses must check again if
 * `index.ordinalsVersion` changed meanwhile.
 */
function* integritySteps(index, options, issues) {
    const on = (code) => (0, codes_1.severityOf)(code, options.severity) !== null;
    const count = index.eventCount;
    if (on('EB013'))
        checkDuplicateIds(index, issues);
    if (on('EB017'))
        yield* checkCauses(index, count, issues);
    const wanted = { gap: on('EB014'), duplicate: on('EB015'), regression: on('EB016') };
    const wantsSequences = wanted.gap || wanted.duplicate || wanted.regression;
    yield;
    // One walk over the columns serves both: the bus-wide numbers and each aggregate's time order.
    const sequences = wantsSequences && index.sequenceMode === 'global' ? new sequenceRules_1.SequenceStream(index, wanted, issues) : null;
    const timeOrder = on('EB018') ? new TimeOrderCheck(index, options.timeOrderToleranceMs ?? 0, issues) : null;
    if (sequences || timeOrder) {
        for (const stretch of (0, columnStretches_1.columnStretches)(index, count, timeOrder !== null)) {
            sequences?.visit(stretch.from, stretch.sequences);
            timeOrder?.visit(stretch.from, stretch.to, stretch.timestamps, stretch.aggregates ?? []);
            yield;
        }
    }
    timeOrder?.finish();
    if (sequences)
        yield* sequences.finish(() => (0, columnStretches_1.columnStretches)(index, count, false));
    if (wantsSequences && index.sequenceMode === 'aggregate') {
        for (const aggregateId of index.aggregateIds()) {
            // The index gives sequence order; these rules are about the order events were written in.
            const ordinals = index.ordinalsOfAggregate(aggregateId);
            const inStoreOrder = Uint32Array.from(index.eventCount === count ? ordinals : ordinals.filter((o) => o < count)).sort();
            // One aggregate's numbers at a time, read where they lie.
            const sequences = Float64Array.from(inStoreOrder, (ordinal) => index.event(ordinal).sequenceNumber);
            (0, sequenceRules_1.checkSequenceRun)(index, inStoreOrder, sequences, aggregateId, wanted, issues);
            yield;
        }
    }
}
function checkDuplicateIds(index, issues) {
    for (const [ordinal, first] of index.duplicateEventIds()) {
        const event = index.event(ordinal);
        const firstEvent = index.event(first);
        issues.push({
            ordinal,
            code: 'EB013',
            field: 'event_id',
            message: `duplicate event_id ${event.eventId} (first at ${firstEvent.file}:${firstEvent.line})`,
            data: { eventId: event.eventId, firstFile: firstEvent.file, firstLine: firstEvent.line },
        });
    }
}
function* checkCauses(index, count, issues) {
    const unknown = index.unknownCauses();
    if (unknown.length === 0)
        return;
    const removed = yield* somethingRemoved(index, count);
    const excused = causeExcuse(index, removed);
    for (const ordinal of unknown) {
        if (excused(ordinal))
            continue;
        const cause = index.event(ordinal).causationId;
        issues.push({
            ordinal,
            code: 'EB017',
            field: 'causation_id',
            message: `causation_id ${cause} names no event in the store`,
            data: { causationId: cause },
        });
    }
}
/**
 * When a missing cause may have been removed by TTL cleanup, so that EB017
 * would be a false alarm. A removed cause is older than the oldest retained
 * event, so the excuse covers only effects that could have such a cause:
 *  1. If nothing can have been removed, every missing cause is reported.
 *     Something was removed only if a sequence counter does not start at
 *     its beginning (0 or 1) in the remaining days: bus-wide in global mode,
 *     for some aggregate in aggregate mode.
 *  2. An effect with a correlation id is excused only when it is the
 *     earliest retained event of its correlation: its cause came before
 *     every retained event of the flow. A missing cause in the middle of a
 *     retained flow is reported.
 *  3. An effect without one is excused only within a day of the oldest
 *     retained event (causes are published just before their effects).
 * event_ttl_days is not a window here: with the default 30 days it would
 * excuse every effect of most stores.
 */
function causeExcuse(index, somethingRemoved) {
    if (!somethingRemoved)
        return () => false;
    const oldest = index.firstTimestamp();
    return (ordinal) => {
        const correlationId = index.event(ordinal).correlationId;
        if (correlationId) {
            const timestamp = index.event(ordinal).timestampMs;
            return index.ordinalsOfCorrelation(correlationId).every((other) => {
                if (other === ordinal)
                    return true;
                const time = index.event(other).timestampMs;
                return Number.isNaN(time) || time > timestamp || (time === timestamp && other > ordinal);
            });
        }
        return Number.isFinite(oldest) && index.event(ordinal).timestampMs < oldest + DAY_MS;
    };
}
/** Whether a sequence counter (bus-wide, or of some aggregate in aggregate mode) does not start at 0 or 1: TTL removed days. */
function* somethingRemoved(index, count) {
    const global = index.sequenceMode === 'global';
    let lowest = Number.POSITIVE_INFINITY;
    const lowestOf = new Map();
    for (const { sequences, aggregates } of (0, columnStretches_1.columnStretches)(index, count, !global)) {
        for (let k = 0; k < sequences.length; k++) {
            const sequence = sequences[k];
            if (!(sequence < Number.POSITIVE_INFINITY))
                continue;
            if (global) {
                if (sequence < lowest)
                    lowest = sequence;
                continue;
            }
            const aggregateId = aggregates?.[k];
            if (aggregateId === null || aggregateId === undefined)
                continue;
            if (!(sequence >= (lowestOf.get(aggregateId) ?? Number.POSITIVE_INFINITY)))
                lowestOf.set(aggregateId, sequence);
        }
        yield;
    }
    if (global)
        return lowest !== Number.POSITIVE_INFINITY && lowest > 1;
    for (const value of lowestOf.values())
        if (value > 1)
            return true;
    return false;
}
/**
 * EB018 over the store in store order, one stretch at a time, keeping per
 * aggregate only its last timestamp and the run of steps back it is in:
 * one finding per run of steps back, the first, counting the ones that
 * follow it.
 */
class TimeOrderCheck {
    index;
    toleranceMs;
    issues;
    last = new Map();
    constructor(index, toleranceMs, issues) {
        this.index = index;
        this.toleranceMs = toleranceMs;
        this.issues = issues;
    }
    visit(from, to, timestamps, aggregates) {
        for (let ordinal = from; ordinal < to; ordinal++) {
            const aggregateId = aggregates[ordinal - from];
            const timestamp = timestamps[ordinal - from];
            if (aggregateId === null || aggregateId === undefined || Number.isNaN(timestamp))
                continue;
            let state = this.last.get(aggregateId);
            if (!state) {
                state = { previous: Number.NaN, previousOrdinal: -1, run: undefined };
                this.last.set(aggregateId, state);
            }
            if (state.previous - timestamp > this.toleranceMs) {
                if (state.run)
                    state.run.more++;
                else {
                    const before = this.index.event(state.previousOrdinal);
                    const tolerated = this.toleranceMs > 0 ? ` (beyond the ${formatDelta(this.toleranceMs)} tolerated)` : '';
                    state.run = { at: this.issues.length, more: 0 };
                    this.issues.push({
                        ordinal,
                        code: 'EB018',
                        field: 'timestamp',
                        message: `timestamp is ${formatDelta(state.previous - timestamp)} earlier than the previous event of aggregate ${aggregateId} (${before.file}:${before.line})${tolerated}`,
                        data: { aggregateId, previousFile: before.file, previousLine: before.line },
                    });
                }
            }
            else
                this.closeRun(state);
            state.previous = timestamp;
            state.previousOrdinal = ordinal;
        }
    }
    finish() {
        for (const state of this.last.values())
            this.closeRun(state);
    }
    closeRun(state) {
        const run = state.run;
        state.run = undefined;
        if (!run || run.more === 0)
            return;
        const issue = this.issues[run.at];
        const { more } = run;
        this.issues[run.at] = { ...issue, message: `${issue.message}; ${more} more event${more === 1 ? '' : 's'} right after it go${more === 1 ? 'es' : ''} back too`, data: { ...issue.data, moreInRun: more } };
    }
}
function formatDelta(ms) {
    if (ms < 1)
        return `${Math.round(ms * 1000)} µs`;
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 120_000)
        return `${(ms / 1000).toFixed(1)} s`;
    if (ms < 2 * 3_600_000)
        return `${Math.round(ms / 60_000)} min`;
    return `${(ms / 3_600_000).toFixed(1)} h`;
}
//# sourceMappingURL=integrityRules.js.map