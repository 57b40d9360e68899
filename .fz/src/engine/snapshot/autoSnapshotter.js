"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createAutoSnapshotter = createAutoSnapshotter;
const rebuild_1 = require("../state/rebuild");
const storeFold_1 = require("../state/fold/storeFold");
const createSnapshot_1 = require("./createSnapshot");
const snapshotTypes_1 = require("../model/snapshotTypes");
const DEFAULT_MAX_CACHED = 10_000;
const DEFAULT_MAX_PENDING_SAVES = 16;
const MAX_ERRORS = 20;
function createAutoSnapshotter(options) {
    const { storage, frequency } = options;
    const maxCached = options.maxCachedAggregates ?? DEFAULT_MAX_CACHED;
    // Map order is insertion order: re-inserting on use makes the first key the least recently used.
    const states = new Map();
    const errors = [];
    let created = 0;
    const maxPendingSaves = options.maxPendingSaves ?? DEFAULT_MAX_PENDING_SAVES;
    // Events per aggregate (and bus-wide, under SYSTEM_AGGREGATE), taken from
    // the store now, before the bus persists anything through this hook, and
    // counted on from there.
    let counts = takeCounts(storage);
    let chain = Promise.resolve();
    let writer = Promise.resolve();
    let pendingSaves = 0;
    const report = (error) => {
        const wrapped = error instanceof Error ? error : new Error(String(error));
        errors.push(wrapped);
        if (errors.length > MAX_ERRORS)
            errors.shift();
        options.onError?.(wrapped);
    };
    /** The state just before `event`: cached, or rebuilt from the store once. */
    async function workingFor(aggregateId, event) {
        const cached = states.get(aggregateId);
        if (cached) {
            states.delete(aggregateId);
            states.set(aggregateId, cached);
            return cached;
        }
        const bound = aggregateId === snapshotTypes_1.SYSTEM_AGGREGATE
            ? { stopBeforeEventId: event.metadata.event_id }
            : { atSequence: event.metadata.sequence_number - 1, stopBeforeEventId: event.metadata.event_id };
        const working = await (0, rebuild_1.rebuildWorking)(storage, aggregateId, { reducers: options.reducers, ...bound });
        states.set(aggregateId, working);
        if (states.size > maxCached) {
            const oldest = states.keys().next().value;
            if (oldest !== undefined && oldest !== aggregateId)
                states.delete(oldest);
        }
        return working;
    }
    async function fold(aggregateId, event, due) {
        try {
            const known = await counts;
            const count = (known.get(aggregateId) ?? 0) + 1;
            known.set(aggregateId, count);
            const isDue = count % frequency === 0;
            // State is kept, and folded event by event, only from an aggregate's
            // first due snapshot on: until then counting is enough, where
            // rebuilding every aggregate at first sight would read the whole store.
            let working = states.get(aggregateId);
            if (!working) {
                if (!isDue)
                    return;
                working = await workingFor(aggregateId, event);
            }
            (0, rebuild_1.foldEvent)(working, event, await (0, rebuild_1.reducersForRebuild)(storage, aggregateId, options.reducers));
            working.eventCount = count;
            // `system` snapshots are named on the store's axis: the bus-wide sequence number when there is one.
            if (aggregateId === snapshotTypes_1.SYSTEM_AGGREGATE && (0, rebuild_1.systemAxis)(storage) === 'position')
                working.lastSequence = count;
            if (isDue)
                due.push((0, createSnapshot_1.snapshotOf)(aggregateId, working, options.reducers ? 'deep' : (await (0, storeFold_1.resolveStoreFold)(storage)).mode));
        }
        catch (error) {
            // Its working state may be half-updated: drop it, it is rebuilt from the store next time.
            states.delete(aggregateId);
            report(error);
        }
    }
    async function process(events) {
        if (!(frequency > 0) || events.length === 0)
            return;
        const due = [];
        for (const event of events) {
            await fold(snapshotTypes_1.SYSTEM_AGGREGATE, event, due);
            const aggregateId = event.metadata.aggregate_id;
            if (typeof aggregateId === 'string' && aggregateId !== '' && aggregateId !== snapshotTypes_1.SYSTEM_AGGREGATE) {
                await fold(aggregateId, event, due);
            }
        }
        for (const snapshot of due)
            enqueueSave(snapshot);
        if (pendingSaves > maxPendingSaves)
            await writer;
    }
    function enqueueSave(snapshot) {
        pendingSaves++;
        writer = writer.then(async () => {
            try {
                const ref = await storage.saveSnapshot(snapshot);
                created++;
                options.onSnapshot?.(ref);
            }
            catch (error) {
                report(error);
            }
            finally {
                pendingSaves--;
            }
        });
    }
    return {
        afterPersist(events) {
            // Serialized: two overlapping batches must fold in the order they were persisted.
            chain = chain.then(() => process(events)).catch(report);
            return chain;
        },
        async flush() {
            await chain;
            await writer;
        },
        get snapshotsCreated() {
            return created;
        },
        get errors() {
            return errors;
        },
        reset() {
            states.clear();
            counts = takeCounts(storage);
        },
    };
}
async function takeCounts(storage) {
    const { total, byAggregate } = await storage.countEvents();
    const counts = new Map(byAggregate);
    counts.set(snapshotTypes_1.SYSTEM_AGGREGATE, total);
    return counts;
}
//# sourceMappingURL=autoSnapshotter.js.map