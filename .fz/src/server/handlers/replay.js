"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.replay = replay;
exports.rebuild = rebuild;
const replay_1 = require("../../engine/replay/replay");
const handlerBackend_1 = require("./handlerBackend");
const rebuild_1 = require("../../engine/state/rebuild");
const storeFold_1 = require("../../engine/state/fold/storeFold");
const defaultReducer_1 = require("../../engine/state/defaultReducer");
const stateAsWritten_1 = require("../../engine/state/stateAsWritten");
const unsafeNumbers_1 = require("../../engine/state/unsafeNumbers");
const handlerStore_1 = require("./handlerStore");
const projections_1 = require("./projections");
const DEFAULT_REPLAY_LIMIT = 1000;
function wholeOrUndefined(name, value) {
    if (value === undefined || value === null)
        return undefined;
    if (!Number.isInteger(value))
        throw new Error(`${name} must be a whole number, got ${String(value)}`);
    return value;
}
/** An aggregate's events in sequence order, upcast, as the bus's replay hands them out (`eventbus replay`). */
async function replay(store, params) {
    const limit = Math.max(1, Math.floor((0, handlerStore_1.finiteOr)(params.limit, DEFAULT_REPLAY_LIMIT)));
    const events = await (0, replay_1.replayEvents)((0, handlerBackend_1.backendOf)(store), {
        aggregateId: params.aggregateId,
        fromSequenceNumber: wholeOrUndefined('fromSequence', params.fromSequence),
        toSequenceNumber: wholeOrUndefined('toSequence', params.toSequence),
        limit: limit + 1,
    });
    return { events: events.slice(0, limit), truncated: events.length > limit };
}
/** The state of an aggregate at a sequence: latest snapshot at or before it plus the events after, or a projection's fold (`eventbus rebuild`). */
async function rebuild(store, params, projectionsEnabled = false) {
    const atSequence = wholeOrUndefined('atSequence', params.atSequence);
    // A named projection runs store code in a time- and memory-limited worker, behind the setting and trust gates.
    const through = params.projection !== undefined && params.projection !== null && params.projection !== ''
        ? await (0, projections_1.requireProjection)(store.root, params, projectionsEnabled)
        : undefined;
    const result = await (0, rebuild_1.rebuildFromEvents)((0, handlerBackend_1.backendOf)(store), params.aggregateId, {
        atSequence,
        ...(through ? { projection: through.projection, projectionLimits: through.limits } : {}),
    });
    // A projection's state is its own computation: only the reducers' fold carries the events' numbers.
    const written = through
        ? undefined
        : await (0, stateAsWritten_1.stateAsWritten)(store.engine, result.state, {
            aggregateId: params.aggregateId,
            fromSnapshot: result.fromSnapshot?.file ?? null,
            fromSequenceNumber: result.fromSnapshot?.sequence_number ?? Number.NEGATIVE_INFINITY,
            toSequenceNumber: result.lastSequence,
        });
    const roundedNumbers = (0, unsafeNumbers_1.unsafeNumberPaths)(result.state);
    const fold = await (0, storeFold_1.resolveStoreFold)((0, handlerBackend_1.backendOf)(store));
    return {
        aggregateId: params.aggregateId,
        state: result.state,
        ...(written ? { stateText: written.text, numberSpellings: written.spellings } : {}),
        ...(roundedNumbers.length > 0 ? { roundedNumbers } : {}),
        bookkeepingKeys: [defaultReducer_1.META_KEY, ...Object.keys(fold.bookkeeping)],
        lastSequence: result.lastSequence,
        eventsApplied: result.eventsApplied,
        fromSnapshot: result.fromSnapshot?.file ?? null,
        skippedSnapshots: result.skippedSnapshots.map((s) => ({ file: s.ref.file, reason: s.reason })),
    };
}
//# sourceMappingURL=replay.js.map