"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.replayDocument = replayDocument;
const causationTree_1 = require("../../engine/correlation/causationTree");
const handlerBackend_1 = require("./handlerBackend");
const renderCausationTree_1 = require("../../engine/correlation/renderCausationTree");
const replaySteps_1 = require("../../engine/replay/replaySteps");
const handlerStore_1 = require("./handlerStore");
const writeStore_1 = require("./writeStore");
const DEFAULT_LIMIT = 1000;
const MAX_LIMIT = 10_000;
/** A correlation rebuilds each event's aggregate: fewer rows than an aggregate's replay. */
const MAX_CORRELATION_LIMIT = 2000;
/** The replay document's rows (and, for a correlation, the causation tree as `eventbus correlation` prints it). */
async function replayDocument(store, params) {
    const aggregateId = typeof params.aggregateId === 'string' && params.aggregateId !== '' ? params.aggregateId : undefined;
    const correlationId = typeof params.correlationId === 'string' && params.correlationId !== '' ? params.correlationId : undefined;
    if ((aggregateId === undefined) === (correlationId === undefined))
        throw new Error('a replay needs exactly one of an aggregate id or a correlation id');
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor((0, handlerStore_1.finiteOr)(params.limit, DEFAULT_LIMIT))));
    if (aggregateId !== undefined) {
        const replay = await (0, replaySteps_1.aggregateReplaySteps)((0, handlerBackend_1.backendOf)(store), aggregateId, {
            fromSequenceNumber: (0, writeStore_1.optionalWhole)('fromSequence', params.fromSequence),
            toSequenceNumber: (0, writeStore_1.optionalWhole)('toSequence', params.toSequence),
            limit,
        });
        return { rows: replay.steps.map(toRow), truncated: replay.truncated, foldProblem: replay.foldProblem, causationTree: null };
    }
    const id = correlationId;
    const replay = await (0, replaySteps_1.correlationReplaySteps)((0, handlerBackend_1.backendOf)(store), id, Math.min(limit, MAX_CORRELATION_LIMIT));
    const indexed = store.engine.select({ correlationId: id });
    const causationTree = indexed.length === 0 ? null : (0, renderCausationTree_1.renderCausationTree)((0, causationTree_1.buildCausationTree)(indexed));
    return { rows: replay.steps.map(toRow), truncated: replay.truncated, foldProblem: replay.foldProblem, causationTree };
}
function toRow(step) {
    const { event } = step;
    const sequence = event.metadata.sequence_number;
    return {
        eventId: event.metadata.event_id,
        aggregateId: event.metadata.aggregate_id ?? null,
        sequence: typeof sequence === 'number' && Number.isFinite(sequence) ? sequence : null,
        timestamp: typeof event.metadata.timestamp === 'string' ? event.metadata.timestamp : null,
        type: event.event_type,
        source: event.metadata.source,
        changes: step.changes === null ? null : step.changes.map((c) => (0, replaySteps_1.describeChange)(c)),
        moreChanges: step.moreChanges,
    };
}
//# sourceMappingURL=replayDocument.js.map