"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.planReplay = planReplay;
const replay_1 = require("../engine/replay/replay");
function planReplay(index, args) {
    // The engine's replay bounds: the same errors for a bad time or an inverted range as `eventbus replay`.
    const query = (0, replay_1.replayQuery)({ aggregateId: args.aggregateId, correlationId: args.correlationId, since: args.since, until: args.until, fromSequenceNumber: args.fromSequence });
    const select = () => {
        let ordinals;
        if (query.aggregateId !== undefined)
            ordinals = index.ordinalsOfAggregate(query.aggregateId);
        else if (query.correlationId !== undefined)
            ordinals = index.ordinalsOfCorrelation(query.correlationId);
        else if (query.since !== undefined || query.until !== undefined)
            ordinals = index.ordinalsInTimeRange(query.since ?? Number.NEGATIVE_INFINITY, query.until ?? Number.POSITIVE_INFINITY);
        else
            return wholeStore(index.eventCount);
        if ((query.aggregateId !== undefined || query.correlationId !== undefined) && (query.since !== undefined || query.until !== undefined)) {
            const since = query.since ?? Number.NEGATIVE_INFINITY;
            const until = query.until ?? Number.POSITIVE_INFINITY;
            ordinals = ordinals.filter((o) => index.timestampOf(o) >= since && index.timestampOf(o) <= until);
        }
        return listed(ordinals);
    };
    let current = select();
    const startOf = (events) => {
        if (args.fromSequence === undefined)
            return 0;
        for (let i = 0; i < events.length; i++)
            if (index.sequenceOf(events.at(i)) >= args.fromSequence)
                return i;
        return events.length;
    };
    const label = args.aggregateId !== undefined
        ? `aggregate ${args.aggregateId}`
        : args.correlationId !== undefined
            ? `correlation ${args.correlationId}`
            : args.since !== undefined || args.until !== undefined
                ? `events ${args.since ?? '…'} to ${args.until ?? '…'}`
                : 'the whole store';
    return {
        label,
        start: startOf(current),
        events: () => current,
        refresh: () => {
            const before = current.length;
            current = select();
            return current.length - before;
        },
    };
}
/** The whole store is every ordinal in order: no million-entry array. */
function wholeStore(count) {
    return { length: count, at: (position) => position, positionOf: (ordinal) => (ordinal >= 0 && ordinal < count ? ordinal : -1) };
}
function listed(ordinals) {
    let positions;
    return {
        length: ordinals.length,
        at: (position) => ordinals[position],
        positionOf: (ordinal) => {
            positions ??= new Map(ordinals.map((o, i) => [o, i]));
            return positions.get(ordinal) ?? -1;
        },
    };
}
//# sourceMappingURL=replayPlan.js.map