"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.copyEvents = copyEvents;
exports.verifyCopy = verifyCopy;
const KEPT = 20;
/**
 * Streams every event of the source into the target in batches, in store
 * order. Idempotent by event id, so a copy killed part way is resumed by
 * running it again: nothing is lost or doubled. For a target that forgets
 * ids (JetStream's duplicate window) the copy also skips the source's
 * events up to the target's newest one: the target holds what an earlier
 * run copied, in the same order.
 */
async function copyEvents(source, target, options = {}) {
    const batchSize = options.batchSize ?? 1_000;
    const resumeAfter = target.lastEventId ? await target.lastEventId() : undefined;
    let skipping = resumeAfter !== undefined && (await sourceHolds(source, resumeAfter));
    let read = 0;
    let inserted = 0;
    let alreadyThere = 0;
    let conflictCount = 0;
    const conflicts = [];
    let batch = [];
    // One batch is written while the next is read: the source's parsing and the
    // target's insert overlap (two cores, two halves of the work), and batches
    // still go in one after another, in store order.
    let inFlight = Promise.resolve();
    let failure = null;
    const send = async (records, readSoFar) => {
        const outcome = await target.appendRaw(records);
        inserted += outcome.inserted;
        alreadyThere += outcome.alreadyThere;
        conflictCount += outcome.conflicts.length;
        for (const conflict of outcome.conflicts)
            if (conflicts.length < KEPT)
                conflicts.push(conflict);
        options.onProgress?.({ read: readSoFar, total: source.total });
    };
    const settle = async () => {
        await inFlight;
        const failed = failure;
        if (failed)
            throw failed.error;
    };
    for await (const record of source.read()) {
        read++;
        if (skipping) {
            alreadyThere++;
            if (record.event.metadata.event_id === resumeAfter)
                skipping = false;
            continue;
        }
        batch.push(record);
        if (batch.length >= batchSize) {
            await settle();
            // Caught here and thrown by settle(), so a failed write is never an unhandled rejection.
            inFlight = send(batch, read).catch((error) => {
                failure = { error };
            });
            batch = [];
        }
    }
    await settle();
    if (batch.length > 0)
        await send(batch, read);
    return { read, inserted, alreadyThere, conflicts, conflictCount, notEvents: source.notEvents };
}
async function sourceHolds(source, eventId) {
    for await (const record of source.read())
        if (record.event.metadata.event_id === eventId)
            return true;
    return false;
}
/** Compares both sides event by event: the same ids, each with the identical line. */
async function verifyCopy(source, target, batchSize = 1_000) {
    const outcome = target.lookup.kind === 'by-id' ? await compareById(source, target.lookup.rawsOf, batchSize) : await compareInOrder(source, target.lookup.read());
    const targetTotal = await target.total();
    return { ...outcome, targetTotal, extraInTarget: Math.max(0, targetTotal - outcome.matched) };
}
function comparison() {
    const result = {
        compared: 0,
        matched: 0,
        differenceCount: 0,
        differences: [],
        note(eventId, there, raw) {
            result.compared++;
            if (there === raw) {
                result.matched++;
                return;
            }
            result.differenceCount++;
            if (result.differences.length < KEPT)
                result.differences.push({ eventId, problem: there === undefined ? 'missing' : 'different' });
        },
    };
    return result;
}
async function compareById(source, rawsOf, batchSize) {
    const result = comparison();
    let batch = [];
    const check = async () => {
        const stored = await rawsOf(batch.map((r) => r.event.metadata.event_id));
        for (const { event, raw } of batch)
            result.note(event.metadata.event_id, stored.get(event.metadata.event_id), raw);
        batch = [];
    };
    for await (const record of source.read()) {
        batch.push(record);
        if (batch.length >= batchSize)
            await check();
    }
    if (batch.length > 0)
        await check();
    return result;
}
/** Both sides in order: the target's n-th event must be the source's n-th, line for line. */
async function compareInOrder(source, target) {
    const result = comparison();
    const targetEvents = target[Symbol.asyncIterator]();
    for await (const record of source.read()) {
        const next = await targetEvents.next();
        const there = next.done ? undefined : next.value;
        // Another id at this place: the source's event is missing there (or out of order).
        const sameEvent = there !== undefined && there.event.metadata.event_id === record.event.metadata.event_id;
        result.note(record.event.metadata.event_id, sameEvent ? there.raw : undefined, record.raw);
    }
    await targetEvents.return?.();
    return result;
}
//# sourceMappingURL=copyEvents.js.map