"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.foldOfSpec = foldOfSpec;
exports.resolveStoreFold = resolveStoreFold;
exports.forgetStoreFold = forgetStoreFold;
const snapshotTypes_1 = require("../../model/snapshotTypes");
const defaultReducer_1 = require("../defaultReducer");
const safeMerge_1 = require("../../model/safeMerge");
const bookkeeping_1 = require("./bookkeeping");
const declarativeReducers_1 = require("./declarativeReducers");
const foldSetting_1 = require("../../model/foldSetting");
const shallowReducer_1 = require("./shallowReducer");
/** A reducer set that also sets the writer's bookkeeping keys after each event (and never `_meta`). */
class StoreReducerSet {
    byType;
    fallback;
    bookkeeping;
    constructor(byType, fallback, bookkeeping) {
        this.byType = byType;
        this.fallback = fallback;
        this.bookkeeping = bookkeeping;
    }
    reducerFor(eventType) {
        return this.byType.get(eventType);
    }
    afterFold(state, event) {
        (0, bookkeeping_1.applyBookkeeping)(state, event, this.bookkeeping);
    }
}
const DEEP = { mode: 'deep', reducers: { reducerFor: () => undefined, fallback: defaultReducer_1.defaultReducer }, bookkeeping: {}, origin: 'deep' };
/** The fold of a spec, with bookkeeping (when the spec has none) from detection. */
function foldOfSpec(spec, detectedBookkeeping, origin) {
    if (spec.mode === 'deep')
        return { ...DEEP, origin };
    const bookkeeping = spec.bookkeeping ?? detectedBookkeeping;
    const byType = new Map();
    let fallback = shallowReducer_1.shallowReducer;
    if (spec.mode === 'reducers') {
        for (const [type, steps] of Object.entries(spec.reducers ?? {}))
            byType.set(type, (0, declarativeReducers_1.declarativeReducer)(steps));
        fallback = spec.fallback === 'deep' ? defaultReducer_1.defaultReducer : spec.fallback === 'shallow' ? shallowReducer_1.shallowReducer : declarativeReducers_1.ignoreReducer;
    }
    return {
        mode: spec.mode,
        reducers: new StoreReducerSet(byType, fallback, bookkeeping),
        bookkeeping,
        projection: spec.projection,
        origin,
    };
}
const cache = new WeakMap();
/**
 * The store's fold: as the config states it, or, for `auto`, what its
 * snapshots show: snapshots with `_meta` were written by this engine's deep
 * fold; snapshots without it by a writer like the Python bus, whose fold is
 * `dict.update` plus its own bookkeeping keys (detected below). A store
 * without snapshots gets the engine's deep fold. Resolved once per storage.
 */
function resolveStoreFold(storage, setting = storage.foldSetting) {
    const key = JSON.stringify(setting ?? 'auto');
    let bySetting = cache.get(storage);
    if (!bySetting) {
        bySetting = new Map();
        cache.set(storage, bySetting);
    }
    let found = bySetting.get(key);
    if (!found) {
        found = resolveNow(storage, setting);
        bySetting.set(key, found);
    }
    return found;
}
/** Forgets resolved folds (snapshots were written or removed behind the storage). */
function forgetStoreFold(storage) {
    cache.delete(storage);
}
async function resolveNow(storage, setting) {
    const spec = (0, foldSetting_1.foldSpecOf)(setting);
    if (spec && (spec.mode === 'deep' || spec.bookkeeping !== undefined || spec.mode === 'projection'))
        return foldOfSpec(spec, {}, 'config');
    const evidence = await snapshotEvidence(storage);
    if (spec)
        return foldOfSpec(spec, evidence.bookkeeping, 'config');
    if (evidence.examined === 0)
        return { ...DEEP, origin: 'no snapshots: the engine\'s deep fold' };
    if (evidence.withMeta > 0)
        return { ...DEEP, origin: `${evidence.withMeta} snapshot(s) with ${defaultReducer_1.META_KEY}: the engine's deep fold` };
    const keys = Object.keys(evidence.bookkeeping);
    return foldOfSpec({ mode: 'shallow' }, evidence.bookkeeping, `snapshots without ${defaultReducer_1.META_KEY}: shallow (dict.update)${keys.length ? `, bookkeeping ${keys.join(', ')}` : ''}`);
}
/** Snapshots looked at to detect the fold: enough to see each kind of key, few enough to stay quick. */
const MAX_EXAMINED = 12;
/** Events read per examined snapshot to prove a key never comes from data. */
const MAX_EVENTS_SCANNED = 20_000;
async function snapshotEvidence(storage) {
    const refs = [...(await storage.listSnapshots())];
    // The latest snapshots of aggregates first; `system` ones only when nothing else.
    const ordered = [
        ...refs.filter((r) => r.aggregate_id !== snapshotTypes_1.SYSTEM_AGGREGATE).sort((a, b) => b.sequence_number - a.sequence_number),
        ...refs.filter((r) => r.aggregate_id === snapshotTypes_1.SYSTEM_AGGREGATE),
    ].slice(0, MAX_EXAMINED);
    let examined = 0;
    let withMeta = 0;
    const agreed = new Map();
    const rejected = new Set();
    for (const ref of ordered) {
        let state;
        try {
            state = (await storage.loadSnapshot(ref)).state;
        }
        catch {
            continue;
        }
        if (!(0, safeMerge_1.isPlainObject)(state))
            continue;
        examined++;
        if ((0, safeMerge_1.isPlainObject)(state[defaultReducer_1.META_KEY])) {
            withMeta++;
            continue;
        }
        if (ref.aggregate_id === snapshotTypes_1.SYSTEM_AGGREGATE)
            continue;
        const history = await aggregateHistory(storage, ref);
        if (!history.last)
            continue;
        for (const [key, value] of Object.entries(state)) {
            if (rejected.has(key))
                continue;
            const candidates = history.dataKeys.has(key) ? [] : (0, bookkeeping_1.candidateSources)(key, value, history.last);
            if (candidates.length === 0) {
                rejected.add(key);
                agreed.delete(key);
                continue;
            }
            const previous = agreed.get(key);
            agreed.set(key, new Set(previous ? candidates.filter((c) => previous.has(c)) : candidates));
        }
    }
    const bookkeeping = {};
    for (const [key, sources] of agreed) {
        const [first] = sources;
        if (first !== undefined)
            bookkeeping[key] = first;
    }
    return { examined, withMeta, bookkeeping };
}
/** The last event folded into a snapshot, and every top-level data key its aggregate's events used. */
async function aggregateHistory(storage, ref) {
    const dataKeys = new Set();
    let last;
    let scanned = 0;
    for await (const event of storage.query({ aggregateId: ref.aggregate_id, toSequenceNumber: ref.sequence_number })) {
        if ((0, safeMerge_1.isPlainObject)(event.data))
            for (const key of Object.keys(event.data))
                dataKeys.add(key);
        if (event.metadata.sequence_number === ref.sequence_number)
            last = event;
        if (++scanned >= MAX_EVENTS_SCANNED)
            break;
    }
    return { last, dataKeys };
}
//# sourceMappingURL=storeFold.js.map