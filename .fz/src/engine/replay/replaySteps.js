"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.aggregateReplaySteps = aggregateReplaySteps;
exports.correlationReplaySteps = correlationReplaySteps;
exports.describeChange = describeChange;
const structuralDiff_1 = require("../snapshot/structuralDiff");
const defaultReducer_1 = require("../state/defaultReducer");
const storeFold_1 = require("../state/fold/storeFold");
const rebuild_1 = require("../state/rebuild");
const safeMerge_1 = require("../model/safeMerge");
const replay_1 = require("./replay");
/** Changes listed per event; the rest are counted. */
const CHANGES_PER_EVENT = 12;
/** One aggregate's events in sequence order, each with the change it made (folded from the state just before the range). */
async function aggregateReplaySteps(storage, aggregateId, options) {
    const events = await (0, replay_1.replayEvents)(storage, { aggregateId, fromSequenceNumber: options.fromSequenceNumber, toSequenceNumber: options.toSequenceNumber, limit: options.limit + 1 });
    const listed = events.slice(0, options.limit);
    const skip = await bookkeepingKeys(storage);
    let foldProblem = null;
    let steps;
    try {
        const reducers = await (0, rebuild_1.reducersForRebuild)(storage, aggregateId, undefined);
        const first = listed[0]?.metadata.sequence_number;
        const working = typeof first === 'number' && Number.isFinite(first)
            ? await (0, rebuild_1.rebuildWorking)(storage, aggregateId, { atSequence: first - 1 })
            : await (0, rebuild_1.rebuildWorking)(storage, aggregateId, { atSequence: -1 });
        steps = listed.map((event) => {
            const before = (0, safeMerge_1.safeClone)(working.state);
            (0, rebuild_1.foldEvent)(working, event, reducers);
            return stepOf(event, before, working.state, skip);
        });
    }
    catch (error) {
        foldProblem = error instanceof Error ? error.message : String(error);
        steps = listed.map((event) => ({ event, changes: null, moreChanges: 0 }));
    }
    return { steps, truncated: events.length > options.limit, foldProblem };
}
/**
 * A correlation's events in store order, each with the change it made to
 * its own aggregate: that aggregate rebuilt to just before the event (from
 * its latest snapshot), then the event folded in.
 */
async function correlationReplaySteps(storage, correlationId, limit) {
    const events = await (0, replay_1.replayEvents)(storage, { correlationId, limit: limit + 1 });
    const listed = events.slice(0, limit);
    const skip = await bookkeepingKeys(storage);
    let foldProblem = null;
    const steps = [];
    for (const event of listed) {
        const aggregateId = event.metadata.aggregate_id;
        const sequence = event.metadata.sequence_number;
        if (foldProblem !== null || typeof aggregateId !== 'string' || aggregateId === '' || typeof sequence !== 'number') {
            steps.push({ event, changes: null, moreChanges: 0 });
            continue;
        }
        try {
            const reducers = await (0, rebuild_1.reducersForRebuild)(storage, aggregateId, undefined);
            const working = await (0, rebuild_1.rebuildWorking)(storage, aggregateId, { atSequence: sequence - 1 });
            const before = (0, safeMerge_1.safeClone)(working.state);
            (0, rebuild_1.foldEvent)(working, event, reducers);
            steps.push(stepOf(event, before, working.state, skip));
        }
        catch (error) {
            foldProblem = error instanceof Error ? error.message : String(error);
            steps.push({ event, changes: null, moreChanges: 0 });
        }
    }
    return { steps, truncated: events.length > limit, foldProblem };
}
function stepOf(event, before, after, skip) {
    const all = (0, structuralDiff_1.structuralDiff)(before, after).filter((d) => !skip.has(topKey(d.path)));
    return { event, changes: all.slice(0, CHANGES_PER_EVENT), moreChanges: Math.max(0, all.length - CHANGES_PER_EVENT) };
}
function topKey(path) {
    const slash = path.indexOf('/', 1);
    return (slash < 0 ? path.slice(1) : path.slice(1, slash)).replace(/~1/g, '/').replace(/~0/g, '~');
}
async function bookkeepingKeys(storage) {
    try {
        const fold = await (0, storeFold_1.resolveStoreFold)(storage);
        return new Set([defaultReducer_1.META_KEY, ...Object.keys(fold.bookkeeping)]);
    }
    catch {
        return new Set([defaultReducer_1.META_KEY]);
    }
}
/** One change as a line: `/position/qty: 1 → 2`, `+ /alerts/0: {…}`, `− /pending`. */
function describeChange(change, maxValue = 60) {
    const show = (value) => {
        const text = JSON.stringify(value) ?? String(value);
        return text.length > maxValue ? `${text.slice(0, maxValue - 1)}…` : text;
    };
    const where = change.path === '' ? '(state)' : change.path;
    if (change.kind === 'added')
        return `+ ${where}: ${show(change.after)}`;
    if (change.kind === 'removed')
        return `− ${where} (was ${show(change.before)})`;
    return `${where}: ${show(change.before)} → ${show(change.after)}`;
}
//# sourceMappingURL=replaySteps.js.map